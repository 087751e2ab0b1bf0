//! The Markdown rendering of a [`QualityReport`].

use std::fmt::Write as _;

use super::{MarkdownOptions, Table, code, count, escape, percent};
use crate::changes::ConceptRef;
use crate::quality::{Distribution, QualityReport};

/// The quality report as Markdown.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_diff::{QualityReport, markdown::{MarkdownOptions, quality_report}};
///
/// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let md = quality_report(&QualityReport::of(&o, &Default::default()), &MarkdownOptions::default());
/// assert!(md.contains("## Labels"));
/// ```
pub fn quality_report(r: &QualityReport, options: &MarkdownOptions) -> String {
    let mut out = String::new();
    let v = &r.version;
    let _ = writeln!(
        out,
        "# Quality report: {} {}\n\n{} ({}): {} concepts, {} relations.\n",
        escape(&v.name),
        escape(&v.version),
        escape(&v.name),
        escape(&v.release_date),
        count(v.concepts),
        count(v.relations)
    );

    out.push_str("## Findings\n\n");
    let mut t = Table::new(&["check", ">count"]);
    let checks = [
        ("skills no occupation requires", r.unrequired_skills.len()),
        (
            "occupations with fewer essential skills than the threshold",
            r.few_essential.len(),
        ),
        (
            "learning offers that teach nothing",
            r.offers_teaching_nothing.len(),
        ),
        (
            "learning offers that teach only skills no occupation requires",
            r.offers_teaching_nothing_required.len(),
        ),
        ("isolated concepts (no relation at all)", r.isolated.len()),
    ];
    for (what, n) in checks {
        t.row(vec![what.to_owned(), count(n)]);
    }
    t.write(&mut out, usize::MAX, 0);

    out.push_str("## Contents\n\n");
    let mut t = Table::new(&["concept kind", ">concepts"]);
    for (k, n) in &r.concepts {
        t.row(vec![k.as_str().to_owned(), count(*n)]);
    }
    t.write(&mut out, usize::MAX, 0);
    let mut t = Table::new(&["relation kind", ">relations"]);
    for (k, n) in &r.relations {
        t.row(vec![k.as_str().to_owned(), count(*n)]);
    }
    t.write(&mut out, usize::MAX, 0);

    out.push_str("## Labels\n\nShare of all concepts with a preferred label, at least one synonym, a definition.\n\n");
    let mut t = Table::new(&[
        "language",
        ">preferred",
        ">synonyms",
        ">definition",
        ">missing preferred",
        ">synonyms per concept (mean / median / max)",
    ]);
    for l in &r.labels {
        t.row(vec![
            l.lang.clone(),
            percent(l.pref),
            percent(l.alt),
            percent(l.definition),
            count(l.missing_pref),
            format!(
                "{:.2} / {} / {}",
                l.synonyms.mean, l.synonyms.median, l.synonyms.max
            ),
        ]);
    }
    t.write(&mut out, usize::MAX, 0);
    if r.labels.len() > 1 {
        out.push_str("Preferred labels by concept kind:\n\n");
        let mut header = vec!["kind".to_owned()];
        header.extend(r.labels.iter().map(|l| format!(">{}", escape(&l.lang))));
        let mut t = Table::new(&header);
        for k in r.concepts.keys() {
            let mut row = vec![k.as_str().to_owned()];
            for l in &r.labels {
                row.push(
                    l.pref_by_kind
                        .get(k)
                        .map_or_else(|| "–".to_owned(), |s| percent(*s)),
                );
            }
            t.row(row);
        }
        t.write(&mut out, usize::MAX, 0);
    }

    out.push_str("## Hierarchies\n\n");
    let mut t = Table::new(&[
        "hierarchy",
        ">concepts",
        ">roots",
        ">leaves",
        ">unplaced",
        ">depth median / max",
        ">fan-out median / max",
    ]);
    for h in &r.hierarchies {
        t.row(vec![
            h.name.clone(),
            count(h.concepts),
            count(h.roots),
            count(h.leaves),
            count(h.unplaced),
            format!("{} / {}", h.depth.median, h.depth.max),
            format!("{} / {}", h.fan_out.median, h.fan_out.max),
        ]);
    }
    t.write(&mut out, usize::MAX, 0);
    for h in r.hierarchies.iter().filter(|h| h.concepts > 0) {
        let _ = writeln!(out, "### {} — depth and fan-out\n", escape(&h.name));
        distribution_table("depth (levels)", "concepts", &h.depth, &mut out);
        distribution_table("narrower concepts", "parents", &h.fan_out, &mut out);
    }

    list(
        "Skills no occupation requires",
        "Most connected first: these are taught, covered or placed in the hierarchy, but no \
         occupation asks for them.",
        &r.unrequired_skills,
        options,
        &mut out,
    );

    if !r.few_essential.is_empty() {
        let _ = writeln!(
            out,
            "## Occupations with fewer than {} essential skills ({})\n\nFewest first.\n",
            r.options.few_essential,
            count(r.few_essential.len())
        );
        let mut t = Table::new(&["occupation", "label", ">essential", ">all requirements"]);
        for o in &r.few_essential {
            t.row(vec![
                code(&o.id),
                escape(&o.label),
                count(o.essential),
                count(o.total),
            ]);
        }
        t.write(&mut out, options.rows, r.few_essential.len());
    }
    list(
        "Learning offers that teach nothing",
        "",
        &r.offers_teaching_nothing,
        options,
        &mut out,
    );
    list(
        "Learning offers that teach only skills no occupation requires",
        "Their skills are unknown to the labour market side of the taxonomy.",
        &r.offers_teaching_nothing_required,
        options,
        &mut out,
    );
    list(
        "Isolated concepts",
        "No relation of any kind.",
        &r.isolated,
        options,
        &mut out,
    );
    out
}

fn distribution_table(value: &str, what: &str, d: &Distribution, out: &mut String) {
    if d.count == 0 {
        return;
    }
    let mut t = Table::new(&[value.to_owned(), format!(">{what}"), ">share".to_owned()]);
    // Leading empty buckets (no depth 0, no parent with 0 children) say nothing.
    let first = d.buckets.iter().position(|b| b.count > 0).unwrap_or(0);
    for b in &d.buckets[first..] {
        let range = if b.from == b.to {
            b.from.to_string()
        } else {
            format!("{}–{}", b.from, b.to)
        };
        t.row(vec![
            range,
            count(b.count),
            percent(b.count as f64 / d.count as f64),
        ]);
    }
    t.write(out, usize::MAX, 0);
}

fn list(
    title: &str,
    note: &str,
    items: &[ConceptRef],
    options: &MarkdownOptions,
    out: &mut String,
) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {title} ({})\n", count(items.len()));
    if !note.is_empty() {
        let _ = writeln!(out, "{note}\n");
    }
    let mut t = Table::new(&["id", "kind", "label", ">relations"]);
    for c in items {
        t.row(vec![
            code(&c.id),
            c.kind.as_str().to_owned(),
            escape(&c.label),
            count(c.degree),
        ]);
    }
    t.write(out, options.rows, items.len());
}
