//! The Markdown rendering of a [`Diff`] and its [`Impact`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use vaardig_core::{Importance, Ontology, RelationKind};

use super::{MarkdownOptions, Table, code, count, escape, percent, shorten};
use crate::changes::{Diff, RelationRef};
use crate::impact::Impact;
use crate::mapping::MappingSource;
use crate::text::{normalise, similarity};

/// The diff as a Markdown report; `old` and `new` are the compared versions (for labels), and
/// `impact`, when given, adds the ranking-impact section.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_diff::markdown::{MarkdownOptions, diff_report};
///
/// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let md = diff_report(&vaardig_diff::diff(&o, &o), &o, &o, None, &MarkdownOptions::default());
/// assert!(md.contains("No changes"));
/// ```
pub fn diff_report(
    diff: &Diff,
    old: &Ontology,
    new: &Ontology,
    impact: Option<&Impact>,
    options: &MarkdownOptions,
) -> String {
    let mut out = String::new();
    let (o, n) = (&diff.old, &diff.new);
    let _ = writeln!(
        out,
        "# Taxonomy diff: {} {} → {} {}\n",
        escape(&o.name),
        escape(&o.version),
        escape(&n.name),
        escape(&n.version)
    );
    let _ = writeln!(
        out,
        "- **Old:** {} {} ({}): {} concepts, {} relations\n- **New:** {} {} ({}): {} concepts, {} relations\n",
        escape(&o.name),
        escape(&o.version),
        escape(&o.release_date),
        count(o.concepts),
        count(o.relations),
        escape(&n.name),
        escape(&n.version),
        escape(&n.release_date),
        count(n.concepts),
        count(n.relations),
    );
    if diff.is_empty() {
        out.push_str("No changes: both versions have the same concepts, labels and relations.\n");
        if let Some(i) = impact {
            out.push('\n');
            out.push_str(&impact_section(i, options));
        }
        return out;
    }
    summary(diff, &mut out);
    mapping(diff, options, &mut out);
    concepts(diff, options, &mut out);
    relabelled(diff, options, &mut out);
    requirements(diff, old, new, options, &mut out);
    reweighted(diff, new, options, &mut out);
    moved(diff, old, new, options, &mut out);
    synonyms_and_definitions(diff, new, options, &mut out);
    attributes(diff, new, options, &mut out);
    if let Some(i) = impact {
        out.push_str(&impact_section(i, options));
    }
    out
}

/// A concept's label in its version's primary language, escaped (the id when unknown).
fn label(ontology: &Ontology, id: &str) -> String {
    escape(
        ontology
            .get(id)
            .map_or(id, |c| c.label(ontology.primary_language())),
    )
}

fn summary(d: &Diff, out: &mut String) {
    let s = &d.summary;
    out.push_str("## Summary\n\n");
    let mut t = Table::new(&["change", ">count"]);
    let rows = [
        ("concepts added", s.added),
        ("concepts removed", s.removed),
        ("concepts with a new id (mapped)", s.remapped),
        ("id mappings suggested, not applied", s.suggested),
        ("concepts relabelled", s.relabelled),
        ("concepts with synonyms changed", s.synonyms_changed),
        ("concepts with definitions changed", s.definitions_changed),
        ("concepts with attributes changed", s.attributes_changed),
        ("concepts moved in the hierarchy", s.moved),
        ("relations added", s.relations_added),
        ("relations removed", s.relations_removed),
        ("relations re-weighted", s.relations_reweighted),
    ];
    for (what, n) in rows {
        t.row(vec![what.to_owned(), count(n)]);
    }
    t.write(out, usize::MAX, 0);

    out.push_str("### Concepts by kind\n\n");
    let mut t = Table::new(&[
        "kind", ">old", ">new", ">added", ">removed", ">new id", ">changed",
    ]);
    for (kind, c) in &s.concepts_by_kind {
        t.row(vec![
            kind.as_str().to_owned(),
            count(c.old),
            count(c.new),
            count(c.added),
            count(c.removed),
            count(c.remapped),
            count(c.changed),
        ]);
    }
    t.write(out, usize::MAX, 0);

    out.push_str("### Relations by kind\n\n");
    let mut t = Table::new(&[
        "relation",
        ">old",
        ">new",
        ">added",
        ">removed",
        ">re-weighted",
    ]);
    for (kind, c) in &s.relations_by_kind {
        t.row(vec![
            kind.as_str().to_owned(),
            count(c.old),
            count(c.new),
            count(c.added),
            count(c.removed),
            count(c.reweighted),
        ]);
    }
    t.write(out, usize::MAX, 0);
}

fn mapping(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    if d.mapping.is_empty() {
        return;
    }
    out.push_str("## Id mapping\n\n");
    out.push_str(
        "Concepts whose id changed, matched by a supplied mapping or proposed from labels \
         (similarity of the preferred labels) and structure (share of neighbours in common). \
         Proposals at or above the acceptance threshold are applied; the others stay added and \
         removed until confirmed in a mapping file (`--write-mapping`, `--mapping`).\n\n",
    );
    let (applied, suggested): (Vec<_>, Vec<_>) = d.mapping.iter().partition(|e| e.applied);
    let num = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
    let header = [
        "old id",
        "new id",
        "kind",
        ">confidence",
        ">labels",
        ">neighbours",
        "source",
    ];
    let row = |e: &&crate::mapping::MappingEntry| {
        vec![
            code(&e.old_id),
            code(&e.new_id),
            e.kind.as_str().to_owned(),
            format!("{:.2}", e.confidence),
            num(e.label_similarity),
            num(e.shared_neighbours),
            match e.source {
                MappingSource::Supplied => "supplied".to_owned(),
                MappingSource::Proposed => "proposed".to_owned(),
            },
        ]
    };
    // Suggested: most likely first. Applied: least certain first. Ties by old id.
    let sections = [
        (
            "Suggested, for review",
            "Most likely first.",
            suggested,
            true,
        ),
        ("Applied", "Least certain first.", applied, false),
    ];
    for (title, note, mut entries, most_likely_first) in sections {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {title} ({})\n\n{note}\n", count(entries.len()));
        entries.sort_by(|a, b| {
            let by_confidence = a.confidence.total_cmp(&b.confidence);
            let by_confidence = if most_likely_first {
                by_confidence.reverse()
            } else {
                by_confidence
            };
            by_confidence.then(a.old_id.cmp(&b.old_id))
        });
        let mut t = Table::new(&header);
        for e in &entries {
            t.row(row(e));
        }
        t.write(out, options.rows, entries.len());
    }
}

fn concepts(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    for (title, list) in [
        ("Removed concepts", &d.removed),
        ("Added concepts", &d.added),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n\nMost connected first.\n");
        let mut sorted: Vec<_> = list.iter().collect();
        sorted.sort_by(|a, b| b.degree.cmp(&a.degree).then(a.id.cmp(&b.id)));
        let mut t = Table::new(&["id", "kind", "label", ">relations"]);
        for c in &sorted {
            t.row(vec![
                code(&c.id),
                c.kind.as_str().to_owned(),
                escape(&c.label),
                count(c.degree),
            ]);
        }
        t.write(out, options.rows, sorted.len());
    }
}

fn relabelled(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    if d.relabelled.is_empty() {
        return;
    }
    out.push_str("## Relabelled\n\nPreferred labels, most different first.\n\n");
    let mut sorted: Vec<(f64, _)> = d
        .relabelled
        .iter()
        .map(|c| {
            let (a, b) = (
                c.old.as_deref().unwrap_or(""),
                c.new.as_deref().unwrap_or(""),
            );
            (1.0 - similarity(&normalise(a), &normalise(b)), c)
        })
        .collect();
    sorted.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.new_id.cmp(&b.1.new_id))
            .then(a.1.lang.cmp(&b.1.lang))
    });
    let mut t = Table::new(&["id", "kind", "lang", "old label", "new label"]);
    let text = |s: &Option<String>| s.as_deref().map_or_else(|| "–".to_owned(), escape);
    for (_, c) in &sorted {
        t.row(vec![
            code(&c.new_id),
            c.kind.as_str().to_owned(),
            c.lang.clone(),
            text(&c.old),
            text(&c.new),
        ]);
    }
    t.write(out, options.rows, sorted.len());
}

/// Per occupation (or task): requirements added, removed and re-weighted.
fn requirements(
    d: &Diff,
    old: &Ontology,
    new: &Ontology,
    options: &MarkdownOptions,
    out: &mut String,
) {
    #[derive(Default)]
    struct Acc {
        added: usize,
        removed: usize,
        reweighted: usize,
        essential_gained: usize,
        essential_lost: usize,
        in_new: bool,
    }
    let essential = |r: &RelationRef| r.importance == Some(Importance::Essential);
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    for r in d
        .relations_added
        .iter()
        .filter(|r| r.kind == RelationKind::Requires)
    {
        let a = acc.entry(r.from.as_str()).or_default();
        a.added += 1;
        a.essential_gained += usize::from(essential(r));
        a.in_new = true;
    }
    for r in d
        .relations_removed
        .iter()
        .filter(|r| r.kind == RelationKind::Requires)
    {
        let a = acc.entry(r.from.as_str()).or_default();
        a.removed += 1;
        a.essential_lost += usize::from(essential(r));
    }
    for r in d
        .reweighted
        .iter()
        .filter(|r| r.kind == RelationKind::Requires)
    {
        let a = acc.entry(r.new_from.as_str()).or_default();
        a.reweighted += 1;
        a.in_new = true;
        let (was, is) = (
            r.old_importance == Some(Importance::Essential),
            r.new_importance == Some(Importance::Essential),
        );
        a.essential_gained += usize::from(is && !was);
        a.essential_lost += usize::from(was && !is);
    }
    if acc.is_empty() {
        return;
    }
    out.push_str(
        "## Occupations whose requirements changed most\n\n\
         Skill links (`requires`) added, removed or re-weighted per occupation, most changes first; \
         \"essential ±\" counts links that became or stopped being essential.\n\n",
    );
    let mut rows: Vec<(&str, Acc)> = acc.into_iter().collect();
    rows.sort_by(|a, b| {
        let total = |x: &Acc| x.added + x.removed + x.reweighted;
        total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(b.0))
    });
    let mut t = Table::new(&[
        "occupation",
        "label",
        ">added",
        ">removed",
        ">re-weighted",
        ">essential +",
        ">essential −",
    ]);
    for (id, a) in &rows {
        let name = if new.get(id).is_some() && a.in_new {
            label(new, id)
        } else {
            label(old, id)
        };
        t.row(vec![
            code(id),
            name,
            count(a.added),
            count(a.removed),
            count(a.reweighted),
            count(a.essential_gained),
            count(a.essential_lost),
        ]);
    }
    t.write(out, options.rows, rows.len());
}

fn importance_rank(i: Option<Importance>) -> i64 {
    match i {
        Some(Importance::Essential) => 0,
        Some(Importance::Important) => 1,
        Some(Importance::Optional) => 2,
        None => 3,
    }
}

fn reweighted(d: &Diff, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if d.reweighted.is_empty() {
        return;
    }
    out.push_str(
        "## Re-weighted relations\n\nImportance, level, the source's numbers, tier or rank \
         changed; the largest shifts first \
         (optional ↔ essential before smaller steps).\n\n",
    );
    let mut sorted: Vec<_> = d.reweighted.iter().collect();
    let shift = |r: &crate::changes::Reweight| {
        let imp = (importance_rank(r.old_importance) - importance_rank(r.new_importance)).abs();
        let lvl = (i64::from(r.old_level.map_or(0, |l| l.get()))
            - i64::from(r.new_level.map_or(0, |l| l.get())))
        .abs();
        (imp, lvl)
    };
    sorted.sort_by(|a, b| {
        shift(b)
            .cmp(&shift(a))
            .then(a.new_from.cmp(&b.new_from))
            .then(a.new_to.cmp(&b.new_to))
    });
    let mut t = Table::new(&["from", "to", "relation", "old", "new"]);
    for r in &sorted {
        let (old_text, new_text) = r.describe();
        t.row(vec![
            format!("{} {}", label(new, &r.new_from), code(&r.new_from)),
            format!("{} {}", label(new, &r.new_to), code(&r.new_to)),
            r.kind.as_str().to_owned(),
            old_text,
            new_text,
        ]);
    }
    t.write(out, options.rows, sorted.len());
}

fn moved(d: &Diff, old: &Ontology, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if d.moved.is_empty() {
        return;
    }
    out.push_str(
        "## Moved in the hierarchy\n\nConcepts with a different broader concept; those with the \
         most narrower concepts (the largest branches) first.\n\n",
    );
    let children = |id: &str| {
        new.index_of(id)
            .map_or(0, |ix| new.incoming(ix, RelationKind::Broader).count())
    };
    let mut sorted: Vec<(usize, _)> = d.moved.iter().map(|m| (children(&m.new_id), m)).collect();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.new_id.cmp(&b.1.new_id)));
    let removed: BTreeSet<&str> = d.removed.iter().map(|c| c.id.as_str()).collect();
    let added: BTreeSet<&str> = d.added.iter().map(|c| c.id.as_str()).collect();
    // A parent only one version has is marked, so a move between two groups with the same label
    // reads as what it is.
    let parents = |o: &Ontology, ids: &[String], only_here: &BTreeSet<&str>, mark: &str| {
        if ids.is_empty() {
            "– (top level)".to_owned()
        } else {
            ids.iter()
                .map(|p| {
                    if only_here.contains(p.as_str()) {
                        format!("{} ({mark})", label(o, p))
                    } else {
                        label(o, p)
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let mut t = Table::new(&["id", "label", ">narrower", "old broader", "new broader"]);
    for (n, m) in &sorted {
        t.row(vec![
            code(&m.new_id),
            label(new, &m.new_id),
            count(*n),
            parents(old, &m.old_parents, &removed, "removed"),
            parents(new, &m.new_parents, &added, "new"),
        ]);
    }
    t.write(out, options.rows, sorted.len());
}

fn synonyms_and_definitions(d: &Diff, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if !d.synonyms.is_empty() {
        out.push_str("## Synonyms changed\n\nMost synonyms changed first.\n\n");
        let mut sorted: Vec<_> = d.synonyms.iter().collect();
        sorted.sort_by(|a, b| {
            (b.added.len() + b.removed.len())
                .cmp(&(a.added.len() + a.removed.len()))
                .then(a.new_id.cmp(&b.new_id))
                .then(a.lang.cmp(&b.lang))
        });
        let list = |v: &[String]| {
            if v.is_empty() {
                "–".to_owned()
            } else {
                v.iter().map(|s| escape(s)).collect::<Vec<_>>().join("; ")
            }
        };
        let mut t = Table::new(&["id", "label", "lang", "added", "removed"]);
        for c in &sorted {
            t.row(vec![
                code(&c.new_id),
                label(new, &c.new_id),
                c.lang.clone(),
                shorten(&list(&c.added), 120),
                shorten(&list(&c.removed), 120),
            ]);
        }
        t.write(out, options.rows, sorted.len());
    }
    if !d.definitions.is_empty() {
        out.push_str("## Definitions changed\n\nMost different first; texts shortened.\n\n");
        let mut sorted: Vec<(f64, _)> = d
            .definitions
            .iter()
            .map(|c| {
                let (a, b) = (
                    c.old.as_deref().unwrap_or(""),
                    c.new.as_deref().unwrap_or(""),
                );
                (1.0 - similarity(&normalise(a), &normalise(b)), c)
            })
            .collect();
        sorted.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.new_id.cmp(&b.1.new_id))
                .then(a.1.lang.cmp(&b.1.lang))
        });
        let text = |s: &Option<String>| {
            s.as_deref()
                .map_or_else(|| "–".to_owned(), |s| escape(&shorten(s, 90)))
        };
        let mut t = Table::new(&["id", "label", "lang", "old", "new"]);
        for (_, c) in &sorted {
            t.row(vec![
                code(&c.new_id),
                label(new, &c.new_id),
                c.lang.clone(),
                text(&c.old),
                text(&c.new),
            ]);
        }
        t.write(out, options.rows, sorted.len());
    }
}

fn attributes(d: &Diff, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if d.attributes.is_empty() {
        return;
    }
    out.push_str("## Attributes changed\n\n");
    let mut t = Table::new(&["id", "label", "attribute", "old", "new"]);
    let text = |s: &Option<String>| s.as_deref().map_or_else(|| "–".to_owned(), escape);
    for c in &d.attributes {
        t.row(vec![
            code(&c.new_id),
            label(new, &c.new_id),
            escape(&c.field),
            text(&c.old),
            text(&c.new),
        ]);
    }
    t.write(out, options.rows, d.attributes.len());
}

/// The ranking-impact section of a diff report.
pub fn impact_section(impact: &Impact, options: &MarkdownOptions) -> String {
    let mut out = String::new();
    let k = impact.options.k;
    out.push_str("## Ranking impact\n\n");
    let _ = writeln!(
        out,
        "Transitions of {} profiles ranked in both versions; top {k} compared, rankings to depth {}.\n",
        count(impact.profiles.len()),
        impact.options.depth
    );
    let mut t = Table::new(&["measure", ">value"]);
    t.row(vec![
        format!("mean top-{k} overlap"),
        percent(impact.mean_overlap),
    ]);
    t.row(vec![
        format!("mean Kendall τ-b (top {k} of both)"),
        impact
            .mean_kendall_tau
            .map_or_else(|| "–".to_owned(), |t| format!("{t:.3}")),
    ]);
    t.row(vec![
        "mean absolute gap-score change".to_owned(),
        format!("{:.4}", impact.mean_abs_gap_delta),
    ]);
    let unchanged = impact.profiles.iter().filter(|p| p.overlap >= 1.0).count();
    t.row(vec![
        format!("profiles with the same top {k}"),
        count(unchanged),
    ]);
    t.write(&mut out, usize::MAX, 0);

    out.push_str(&format!(
        "### Where the old top {k} went\n\nPlaces moved by each occupation of each profile's old \
         top {k} (\"out\": removed, or below rank {}).\n\n",
        impact.options.depth
    ));
    if let Some(chart) = &options.chart {
        let _ = writeln!(out, "![Histogram of rank changes]({chart})\n");
    }
    let mut t = Table::new(&["rank change", ">entries"]);
    let bins = impact.rank_change_bins();
    for b in &bins {
        t.row(vec![b.label.clone(), count(b.count)]);
    }
    t.write(&mut out, usize::MAX, 0);

    if !impact.occupations.is_empty() {
        out.push_str(&format!(
            "### Occupations most affected\n\nHow often an occupation entered or left a profile's \
             top {k}, and the mean change of the gap score of the profiles measured against it.\n\n"
        ));
        let mut t = Table::new(&["occupation", "label", ">entered", ">left", ">mean gap Δ"]);
        for o in &impact.occupations {
            t.row(vec![
                code(&o.occupation),
                escape(&o.label),
                count(o.entered),
                count(o.left),
                o.mean_gap_delta
                    .map_or_else(|| "–".to_owned(), |d| format!("{d:+.4}")),
            ]);
        }
        t.write(&mut out, options.rows, impact.occupations.len());
    }

    let affected = impact.most_affected_profiles();
    if !affected.is_empty() {
        out.push_str(&format!(
            "### Profiles most affected\n\nLowest top-{k} overlap first.\n\n"
        ));
        let mut t = Table::new(&[
            "profile",
            ">overlap",
            ">τ-b",
            ">mean abs gap Δ",
            ">ids lost",
        ]);
        for p in &affected {
            // Sampled profiles are named after their occupation's id: show its label instead.
            let name = match (&p.current_occupation, &p.current_label) {
                (Some(id), Some(label)) if *id == p.profile => {
                    format!("{} {}", escape(label), code(id))
                }
                _ => escape(&p.profile),
            };
            t.row(vec![
                name,
                percent(p.overlap),
                p.kendall_tau
                    .map_or_else(|| "–".to_owned(), |t| format!("{t:.3}")),
                format!("{:.4}", p.mean_abs_gap_delta),
                count(p.ids_lost.len()),
            ]);
        }
        t.write(&mut out, options.rows, affected.len());
    }
    out
}
