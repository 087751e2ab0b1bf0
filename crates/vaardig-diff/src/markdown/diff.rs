//! The Markdown rendering of a [`Diff`] and its [`Impact`], in [`MarkdownOptions::lang`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use vaardig_core::{Importance, Ontology, RelationKind};

use fluent_bundle::FluentValue;
use vaardig_score::Lang;

use super::quality::{kind_name, relation_name};
use super::{MarkdownOptions, Table, code, escape, shorten};
use crate::changes::{Diff, RelationRef};
use crate::i18n::{count, decimal, percent, tr, tr_args};
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
/// assert!(md.contains("Geen veranderingen"));
/// ```
pub fn diff_report(
    diff: &Diff,
    old: &Ontology,
    new: &Ontology,
    impact: Option<&Impact>,
    options: &MarkdownOptions,
) -> String {
    let lang = options.lang;
    let mut out = String::new();
    let (o, n) = (&diff.old, &diff.new);
    let name =
        |v: &crate::changes::VersionInfo| format!("{} {}", escape(&v.name), escape(&v.version));
    let _ = writeln!(
        out,
        "# {}\n",
        tr_args(
            lang,
            "diff-title",
            &[("old", name(o).into()), ("new", name(n).into())]
        )
    );
    let line = |v: &crate::changes::VersionInfo| {
        tr_args(
            lang,
            "diff-version",
            &[
                ("version", name(v).into()),
                ("date", escape(&v.release_date).into()),
                ("concepts", FluentValue::from(v.concepts)),
                ("relations", FluentValue::from(v.relations)),
            ],
        )
    };
    let _ = writeln!(
        out,
        "- **{}:** {}\n- **{}:** {}\n",
        tr(lang, "diff-old"),
        line(o),
        tr(lang, "diff-new"),
        line(n)
    );
    if diff.is_empty() {
        let _ = writeln!(out, "{}", tr(lang, "diff-no-changes"));
        if let Some(i) = impact {
            out.push('\n');
            out.push_str(&impact_section(i, options));
        }
        return out;
    }
    summary(diff, lang, &mut out);
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

/// A concept's label in the report's label language (else its version's primary language),
/// escaped (the id when unknown).
fn label(ontology: &Ontology, id: &str, options: &MarkdownOptions) -> String {
    escape(crate::text::concept_label(
        ontology,
        id,
        options.label_language.as_deref(),
    ))
}

/// Column names in `lang` from message ids; an id starting with `>` makes a right-aligned
/// column.
fn header(lang: Lang, ids: &[&str]) -> Vec<String> {
    ids.iter()
        .map(|id| match id.strip_prefix('>') {
            Some(id) => format!(">{}", tr(lang, id)),
            None => tr(lang, id),
        })
        .collect()
}

/// A `## heading` and a note, each in `lang`.
fn section(lang: Lang, level: &str, title: &str, note: &str, out: &mut String) {
    let _ = writeln!(out, "{level} {}\n", tr(lang, title));
    if !note.is_empty() {
        let _ = writeln!(out, "{}\n", tr(lang, note));
    }
}

fn summary(d: &Diff, lang: Lang, out: &mut String) {
    let s = &d.summary;
    section(lang, "##", "diff-summary", "", out);
    let mut t = Table::new(&header(lang, &["col-change", ">col-count"]));
    let rows = [
        ("sum-added", s.added),
        ("sum-removed", s.removed),
        ("sum-remapped", s.remapped),
        ("sum-suggested", s.suggested),
        ("sum-relabelled", s.relabelled),
        ("sum-synonyms", s.synonyms_changed),
        ("sum-definitions", s.definitions_changed),
        ("sum-attributes", s.attributes_changed),
        ("sum-moved", s.moved),
        ("sum-relations-added", s.relations_added),
        ("sum-relations-removed", s.relations_removed),
        ("sum-relations-reweighted", s.relations_reweighted),
    ];
    for (what, n) in rows {
        t.row(vec![tr(lang, what), count(lang, n)]);
    }
    t.write(out, usize::MAX, 0, lang);

    section(lang, "###", "diff-concepts-by-kind", "", out);
    let mut t = Table::new(&header(
        lang,
        &[
            "col-kind",
            ">col-old",
            ">col-new",
            ">col-added",
            ">col-removed",
            ">col-new-id",
            ">col-changed",
        ],
    ));
    for (kind, c) in &s.concepts_by_kind {
        t.row(vec![
            kind_name(lang, *kind),
            count(lang, c.old),
            count(lang, c.new),
            count(lang, c.added),
            count(lang, c.removed),
            count(lang, c.remapped),
            count(lang, c.changed),
        ]);
    }
    t.write(out, usize::MAX, 0, lang);

    section(lang, "###", "diff-relations-by-kind", "", out);
    let mut t = Table::new(&header(
        lang,
        &[
            "col-relation",
            ">col-old",
            ">col-new",
            ">col-added",
            ">col-removed",
            ">col-reweighted",
        ],
    ));
    for (kind, c) in &s.relations_by_kind {
        t.row(vec![
            relation_name(lang, *kind),
            count(lang, c.old),
            count(lang, c.new),
            count(lang, c.added),
            count(lang, c.removed),
            count(lang, c.reweighted),
        ]);
    }
    t.write(out, usize::MAX, 0, lang);
}

fn mapping(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    if d.mapping.is_empty() {
        return;
    }
    let lang = options.lang;
    section(lang, "##", "mapping-title", "mapping-note", out);
    let (applied, suggested): (Vec<_>, Vec<_>) = d.mapping.iter().partition(|e| e.applied);
    let num = |v: Option<f64>| v.map_or_else(|| tr(lang, "none"), |v| decimal(lang, v, 2));
    let header = header(
        lang,
        &[
            "col-old-id",
            "col-new-id",
            "col-kind",
            ">col-confidence",
            ">col-labels",
            ">col-neighbours",
            "col-source",
        ],
    );
    let row = |e: &&crate::mapping::MappingEntry| {
        vec![
            code(&e.old_id),
            code(&e.new_id),
            kind_name(lang, e.kind),
            decimal(lang, e.confidence, 2),
            num(e.label_similarity),
            num(e.shared_neighbours),
            match e.source {
                MappingSource::Supplied => tr(lang, "source-supplied"),
                MappingSource::Proposed => tr(lang, "source-proposed"),
            },
        ]
    };
    // Suggested: most likely first. Applied: least certain first. Ties by old id.
    let sections = [
        (
            "mapping-suggested",
            "mapping-suggested-note",
            suggested,
            true,
        ),
        ("mapping-applied", "mapping-applied-note", applied, false),
    ];
    for (title, note, mut entries, most_likely_first) in sections {
        if entries.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "### {} ({})\n\n{}\n",
            tr(lang, title),
            count(lang, entries.len()),
            tr(lang, note)
        );
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
        t.write(out, options.rows, entries.len(), lang);
    }
}

fn concepts(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    let lang = options.lang;
    for (title, list) in [
        ("concepts-removed", &d.removed),
        ("concepts-added", &d.added),
    ] {
        if list.is_empty() {
            continue;
        }
        section(lang, "##", title, "most-connected-first", out);
        let mut sorted: Vec<_> = list.iter().collect();
        sorted.sort_by(|a, b| b.degree.cmp(&a.degree).then(a.id.cmp(&b.id)));
        let mut t = Table::new(&header(
            lang,
            &["col-id", "col-kind", "col-label", ">col-relations"],
        ));
        for c in &sorted {
            t.row(vec![
                code(&c.id),
                kind_name(lang, c.kind),
                escape(&c.label),
                count(lang, c.degree),
            ]);
        }
        t.write(out, options.rows, sorted.len(), lang);
    }
}

fn relabelled(d: &Diff, options: &MarkdownOptions, out: &mut String) {
    if d.relabelled.is_empty() {
        return;
    }
    let lang = options.lang;
    section(lang, "##", "relabelled-title", "relabelled-note", out);
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
    let mut t = Table::new(&header(
        lang,
        &[
            "col-id",
            "col-kind",
            "col-lang",
            "col-old-label",
            "col-new-label",
        ],
    ));
    let text = |s: &Option<String>| s.as_deref().map_or_else(|| tr(lang, "none"), escape);
    for (_, c) in &sorted {
        t.row(vec![
            code(&c.new_id),
            kind_name(lang, c.kind),
            c.lang.clone(),
            text(&c.old),
            text(&c.new),
        ]);
    }
    t.write(out, options.rows, sorted.len(), lang);
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
    let lang = options.lang;
    section(lang, "##", "requirements-title", "requirements-note", out);
    let mut rows: Vec<(&str, Acc)> = acc.into_iter().collect();
    rows.sort_by(|a, b| {
        let total = |x: &Acc| x.added + x.removed + x.reweighted;
        total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(b.0))
    });
    let mut t = Table::new(&header(
        lang,
        &[
            "col-occupation",
            "col-label",
            ">col-added",
            ">col-removed",
            ">col-reweighted",
            ">col-essential-plus",
            ">col-essential-minus",
        ],
    ));
    for (id, a) in &rows {
        let name = if new.get(id).is_some() && a.in_new {
            label(new, id, options)
        } else {
            label(old, id, options)
        };
        t.row(vec![
            code(id),
            name,
            count(lang, a.added),
            count(lang, a.removed),
            count(lang, a.reweighted),
            count(lang, a.essential_gained),
            count(lang, a.essential_lost),
        ]);
    }
    t.write(out, options.rows, rows.len(), lang);
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
    let lang = options.lang;
    section(lang, "##", "reweighted-title", "reweighted-note", out);
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
    let mut t = Table::new(&header(
        lang,
        &["col-from", "col-to", "col-relation", "col-old", "col-new"],
    ));
    // Importance and level in words; the source's numbers, tier and rank as they are.
    let attrs = |i: Option<Importance>,
                 l: Option<vaardig_core::Level>,
                 w: Option<vaardig_core::Rating>,
                 s: Option<vaardig_core::Rating>,
                 tier: Option<vaardig_core::Tier>,
                 rank: Option<u16>| {
        let mut parts = Vec::new();
        if let Some(i) = i {
            parts.push(tr(lang, &format!("importance-{}", i.as_str())));
        }
        if let Some(l) = l {
            parts.push(tr_args(lang, "level", &[("level", l.to_string().into())]));
        }
        parts.extend(w.map(|w| format!("{} {}", w.value(), w.scale())));
        parts.extend(s.map(|s| format!("{} {}", s.value(), s.scale())));
        parts.extend(tier.map(|t| t.as_str().to_owned()));
        if let Some(r) = rank {
            parts.push(tr_args(lang, "rank", &[("rank", r.to_string().into())]));
        }
        if parts.is_empty() {
            tr(lang, "none")
        } else {
            parts.join(", ")
        }
    };
    for r in &sorted {
        t.row(vec![
            format!("{} {}", label(new, &r.new_from, options), code(&r.new_from)),
            format!("{} {}", label(new, &r.new_to, options), code(&r.new_to)),
            relation_name(lang, r.kind),
            attrs(
                r.old_importance,
                r.old_level,
                r.old_weight,
                r.old_source_level,
                r.old_tier,
                r.old_rank,
            ),
            attrs(
                r.new_importance,
                r.new_level,
                r.new_weight,
                r.new_source_level,
                r.new_tier,
                r.new_rank,
            ),
        ]);
    }
    t.write(out, options.rows, sorted.len(), lang);
}

fn moved(d: &Diff, old: &Ontology, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if d.moved.is_empty() {
        return;
    }
    let lang = options.lang;
    section(lang, "##", "moved-title", "moved-note", out);
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
            tr(lang, "top-level")
        } else {
            ids.iter()
                .map(|p| {
                    if only_here.contains(p.as_str()) {
                        format!("{} ({mark})", label(o, p, options))
                    } else {
                        label(o, p, options)
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    let mut t = Table::new(&header(
        lang,
        &[
            "col-id",
            "col-label",
            ">col-narrower-count",
            "col-old-broader",
            "col-new-broader",
        ],
    ));
    let (removed_mark, new_mark) = (tr(lang, "mark-removed"), tr(lang, "mark-new"));
    for (n, m) in &sorted {
        t.row(vec![
            code(&m.new_id),
            label(new, &m.new_id, options),
            count(lang, *n),
            parents(old, &m.old_parents, &removed, &removed_mark),
            parents(new, &m.new_parents, &added, &new_mark),
        ]);
    }
    t.write(out, options.rows, sorted.len(), lang);
}

fn synonyms_and_definitions(d: &Diff, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    let lang = options.lang;
    if !d.synonyms.is_empty() {
        section(lang, "##", "synonyms-title", "synonyms-note", out);
        let mut sorted: Vec<_> = d.synonyms.iter().collect();
        sorted.sort_by(|a, b| {
            (b.added.len() + b.removed.len())
                .cmp(&(a.added.len() + a.removed.len()))
                .then(a.new_id.cmp(&b.new_id))
                .then(a.lang.cmp(&b.lang))
        });
        let list = |v: &[String]| {
            if v.is_empty() {
                tr(lang, "none")
            } else {
                v.iter().map(|s| escape(s)).collect::<Vec<_>>().join("; ")
            }
        };
        let mut t = Table::new(&header(
            lang,
            &[
                "col-id",
                "col-label",
                "col-lang",
                "col-added",
                "col-removed",
            ],
        ));
        for c in &sorted {
            t.row(vec![
                code(&c.new_id),
                label(new, &c.new_id, options),
                c.lang.clone(),
                shorten(&list(&c.added), 120),
                shorten(&list(&c.removed), 120),
            ]);
        }
        t.write(out, options.rows, sorted.len(), lang);
    }
    if !d.definitions.is_empty() {
        section(lang, "##", "definitions-title", "definitions-note", out);
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
                .map_or_else(|| tr(lang, "none"), |s| escape(&shorten(s, 90)))
        };
        let mut t = Table::new(&header(
            lang,
            &["col-id", "col-label", "col-lang", "col-old", "col-new"],
        ));
        for (_, c) in &sorted {
            t.row(vec![
                code(&c.new_id),
                label(new, &c.new_id, options),
                c.lang.clone(),
                text(&c.old),
                text(&c.new),
            ]);
        }
        t.write(out, options.rows, sorted.len(), lang);
    }
}

fn attributes(d: &Diff, new: &Ontology, options: &MarkdownOptions, out: &mut String) {
    if d.attributes.is_empty() {
        return;
    }
    let lang = options.lang;
    section(lang, "##", "attributes-title", "", out);
    let mut t = Table::new(&header(
        lang,
        &["col-id", "col-label", "col-attribute", "col-old", "col-new"],
    ));
    let text = |s: &Option<String>| s.as_deref().map_or_else(|| tr(lang, "none"), escape);
    for c in &d.attributes {
        t.row(vec![
            code(&c.new_id),
            label(new, &c.new_id, options),
            escape(&c.field),
            text(&c.old),
            text(&c.new),
        ]);
    }
    t.write(out, options.rows, d.attributes.len(), lang);
}

/// A rank-change bin's label (`out`, `down 2–4`, `same`, `up 20+`) in `lang`.
fn bin_label(lang: Lang, label: &str) -> String {
    let (word, rest) = label.split_once(' ').unwrap_or((label, ""));
    let word = tr(lang, &format!("bin-{word}"));
    if rest.is_empty() {
        word
    } else {
        format!("{word} {rest}")
    }
}

/// The ranking-impact section of a diff report, in [`MarkdownOptions::lang`].
pub fn impact_section(impact: &Impact, options: &MarkdownOptions) -> String {
    let lang = options.lang;
    let mut out = String::new();
    let k = impact.options.k;
    let depth = impact.options.depth;
    let with_k = |id: &str| tr_args(lang, id, &[("k", FluentValue::from(k))]);
    let signed = |x: f64, places: usize| {
        let text = format!("{x:+.places$}");
        match lang {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        }
    };
    section(lang, "##", "impact-title", "", &mut out);
    let _ = writeln!(
        out,
        "{}\n",
        tr_args(
            lang,
            "impact-intro",
            &[
                ("profiles", FluentValue::from(impact.profiles.len())),
                ("k", FluentValue::from(k)),
                ("depth", FluentValue::from(depth)),
            ]
        )
    );
    let mut t = Table::new(&header(lang, &["col-measure", ">col-value"]));
    t.row(vec![
        with_k("impact-overlap"),
        percent(lang, impact.mean_overlap),
    ]);
    t.row(vec![
        with_k("impact-tau"),
        impact
            .mean_kendall_tau
            .map_or_else(|| tr(lang, "none"), |t| decimal(lang, t, 3)),
    ]);
    t.row(vec![
        tr(lang, "impact-gap"),
        decimal(lang, impact.mean_abs_gap_delta, 4),
    ]);
    let unchanged = impact.profiles.iter().filter(|p| p.overlap >= 1.0).count();
    t.row(vec![with_k("impact-same"), count(lang, unchanged)]);
    t.write(&mut out, usize::MAX, 0, lang);

    let _ = writeln!(
        out,
        "### {}\n\n{}\n",
        with_k("impact-where"),
        tr_args(
            lang,
            "impact-where-note",
            &[
                ("k", FluentValue::from(k)),
                ("depth", FluentValue::from(depth))
            ]
        )
    );
    if let Some(chart) = &options.chart {
        let _ = writeln!(out, "![{}]({chart})\n", tr(lang, "impact-chart"));
    }
    let mut t = Table::new(&header(lang, &["col-rank-change", ">col-entries"]));
    let bins = impact.rank_change_bins();
    for b in &bins {
        t.row(vec![bin_label(lang, &b.label), count(lang, b.count)]);
    }
    t.write(&mut out, usize::MAX, 0, lang);

    if !impact.occupations.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            tr(lang, "impact-occupations"),
            with_k("impact-occupations-note")
        );
        let mut t = Table::new(&header(
            lang,
            &[
                "col-occupation",
                "col-label",
                ">col-entered",
                ">col-left",
                ">col-mean-gap",
            ],
        ));
        for o in &impact.occupations {
            t.row(vec![
                code(&o.occupation),
                escape(&o.label),
                count(lang, o.entered),
                count(lang, o.left),
                o.mean_gap_delta
                    .map_or_else(|| tr(lang, "none"), |d| signed(d, 4)),
            ]);
        }
        t.write(&mut out, options.rows, impact.occupations.len(), lang);
    }

    let affected = impact.most_affected_profiles();
    if !affected.is_empty() {
        let _ = writeln!(
            out,
            "### {}\n\n{}\n",
            tr(lang, "impact-profiles"),
            with_k("impact-profiles-note")
        );
        let mut t = Table::new(&header(
            lang,
            &[
                "col-profile",
                ">col-overlap",
                ">col-tau",
                ">col-mean-abs-gap",
                ">col-ids-lost",
            ],
        ));
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
                percent(lang, p.overlap),
                p.kendall_tau
                    .map_or_else(|| tr(lang, "none"), |t| decimal(lang, t, 3)),
                decimal(lang, p.mean_abs_gap_delta, 4),
                count(lang, p.ids_lost.len()),
            ]);
        }
        t.write(&mut out, options.rows, affected.len(), lang);
    }
    out
}
