//! The Markdown rendering of a [`QualityReport`], in [`MarkdownOptions::lang`].

use std::fmt::Write as _;

use fluent_bundle::FluentValue;
use vaardig_core::{ConceptKind, RelationKind};
use vaardig_score::Lang;

use super::{MarkdownOptions, Table, code, escape};
use crate::changes::ConceptRef;
use crate::i18n::{count, decimal, percent, tr, tr_args};
use crate::quality::{Distribution, QualityReport};

/// The name of a concept kind in `lang`.
pub(crate) fn kind_name(lang: Lang, kind: ConceptKind) -> String {
    tr(lang, &format!("kind-{}", kind.as_str()))
}

/// The name of a relation kind in `lang`.
pub(crate) fn relation_name(lang: Lang, kind: RelationKind) -> String {
    tr(lang, &format!("relation-{}", kind.as_str()))
}

/// A whole number as a Fluent argument (for plurals; shown grouped).
fn n(x: usize) -> FluentValue<'static> {
    FluentValue::from(x)
}

/// The quality report as Markdown, in [`MarkdownOptions::lang`] (Dutch by default). Labels of
/// concepts are the ones the report holds (the ontology's primary language).
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_diff::{QualityReport, markdown::{MarkdownOptions, quality_report}};
/// use vaardig_score::Lang;
///
/// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let r = QualityReport::of(&o, &Default::default());
/// let md = quality_report(&r, &MarkdownOptions::default());
/// assert!(md.contains("## Namen"));
/// let md = quality_report(&r, &MarkdownOptions { lang: Lang::En, ..Default::default() });
/// assert!(md.contains("## Labels"));
/// ```
pub fn quality_report(r: &QualityReport, options: &MarkdownOptions) -> String {
    let lang = options.lang;
    let t = |id: &str| tr(lang, id);
    let mut out = String::new();
    let v = &r.version;
    let _ = writeln!(
        out,
        "# {}\n\n{}\n",
        tr_args(
            lang,
            "quality-title",
            &[
                ("name", escape(&v.name).into()),
                ("version", escape(&v.version).into())
            ]
        ),
        tr_args(
            lang,
            "quality-intro",
            &[
                ("name", escape(&v.name).into()),
                ("date", escape(&v.release_date).into()),
                ("concepts", n(v.concepts)),
                ("relations", n(v.relations)),
            ]
        )
    );

    let _ = writeln!(out, "## {}\n", t("quality-findings"));
    let mut table = Table::new(&[t("col-check"), format!(">{}", t("col-count"))]);
    let checks = [
        ("check-unrequired", r.unrequired_skills.len()),
        ("check-few-essential", r.few_essential.len()),
        ("check-offers-nothing", r.offers_teaching_nothing.len()),
        (
            "check-offers-nothing-required",
            r.offers_teaching_nothing_required.len(),
        ),
        ("check-isolated", r.isolated.len()),
    ];
    for (what, k) in checks {
        table.row(vec![t(what), count(lang, k)]);
    }
    table.write(&mut out, usize::MAX, 0, lang);

    let _ = writeln!(out, "## {}\n", t("quality-contents"));
    let mut table = Table::new(&[t("col-concept-kind"), format!(">{}", t("col-concepts"))]);
    for (k, c) in &r.concepts {
        table.row(vec![kind_name(lang, *k), count(lang, *c)]);
    }
    table.write(&mut out, usize::MAX, 0, lang);
    let mut table = Table::new(&[t("col-relation-kind"), format!(">{}", t("col-relations"))]);
    for (k, c) in &r.relations {
        table.row(vec![relation_name(lang, *k), count(lang, *c)]);
    }
    table.write(&mut out, usize::MAX, 0, lang);

    let _ = writeln!(
        out,
        "## {}\n\n{}\n",
        t("quality-labels"),
        t("quality-labels-note")
    );
    let mut table = Table::new(&[
        t("col-language"),
        format!(">{}", t("col-preferred")),
        format!(">{}", t("col-synonyms")),
        format!(">{}", t("col-definition")),
        format!(">{}", t("col-missing-preferred")),
        format!(">{}", t("col-synonyms-per-concept")),
    ]);
    for l in &r.labels {
        table.row(vec![
            l.lang.clone(),
            percent(lang, l.pref),
            percent(lang, l.alt),
            percent(lang, l.definition),
            count(lang, l.missing_pref),
            format!(
                "{} / {} / {}",
                decimal(lang, l.synonyms.mean, 2),
                count(lang, l.synonyms.median),
                count(lang, l.synonyms.max)
            ),
        ]);
    }
    table.write(&mut out, usize::MAX, 0, lang);
    if r.labels.len() > 1 {
        let _ = writeln!(out, "{}\n", t("quality-pref-by-kind"));
        let mut header = vec![t("col-kind")];
        header.extend(r.labels.iter().map(|l| format!(">{}", escape(&l.lang))));
        let mut table = Table::new(&header);
        for k in r.concepts.keys() {
            let mut row = vec![kind_name(lang, *k)];
            for l in &r.labels {
                row.push(
                    l.pref_by_kind
                        .get(k)
                        .map_or_else(|| t("none"), |s| percent(lang, *s)),
                );
            }
            table.row(row);
        }
        table.write(&mut out, usize::MAX, 0, lang);
    }

    let _ = writeln!(out, "## {}\n", t("quality-hierarchies"));
    let mut table = Table::new(&[
        t("col-hierarchy"),
        format!(">{}", t("col-concepts")),
        format!(">{}", t("col-roots")),
        format!(">{}", t("col-leaves")),
        format!(">{}", t("col-unplaced")),
        format!(">{}", t("col-depth")),
        format!(">{}", t("col-fan-out")),
    ]);
    let hierarchy_name = |name: &str| tr(lang, &format!("hierarchy-{name}"));
    for h in &r.hierarchies {
        table.row(vec![
            hierarchy_name(&h.name),
            count(lang, h.concepts),
            count(lang, h.roots),
            count(lang, h.leaves),
            count(lang, h.unplaced),
            format!(
                "{} / {}",
                count(lang, h.depth.median),
                count(lang, h.depth.max)
            ),
            format!(
                "{} / {}",
                count(lang, h.fan_out.median),
                count(lang, h.fan_out.max)
            ),
        ]);
    }
    table.write(&mut out, usize::MAX, 0, lang);
    for h in r.hierarchies.iter().filter(|h| h.concepts > 0) {
        let _ = writeln!(
            out,
            "### {}\n",
            tr_args(
                lang,
                "quality-shape",
                &[("hierarchy", escape(&hierarchy_name(&h.name)).into())]
            )
        );
        distribution_table(
            lang,
            &t("col-depth-levels"),
            &t("col-concepts"),
            &h.depth,
            &mut out,
        );
        distribution_table(
            lang,
            &t("col-narrower"),
            &t("col-parents"),
            &h.fan_out,
            &mut out,
        );
    }

    list(
        &t("list-unrequired"),
        &t("list-unrequired-note"),
        &r.unrequired_skills,
        options,
        &mut out,
    );

    if !r.few_essential.is_empty() {
        let _ = writeln!(
            out,
            "## {}\n\n{}\n",
            tr_args(
                lang,
                "few-essential-title",
                &[
                    ("threshold", n(r.options.few_essential)),
                    ("count", n(r.few_essential.len()))
                ]
            ),
            t("few-essential-note")
        );
        let mut table = Table::new(&[
            t("col-occupation"),
            t("col-label"),
            format!(">{}", t("col-essential")),
            format!(">{}", t("col-all-requirements")),
        ]);
        for o in &r.few_essential {
            table.row(vec![
                code(&o.id),
                escape(&o.label),
                count(lang, o.essential),
                count(lang, o.total),
            ]);
        }
        table.write(&mut out, options.rows, r.few_essential.len(), lang);
    }
    list(
        &t("list-offers-nothing"),
        "",
        &r.offers_teaching_nothing,
        options,
        &mut out,
    );
    list(
        &t("list-offers-nothing-required"),
        &t("list-offers-nothing-required-note"),
        &r.offers_teaching_nothing_required,
        options,
        &mut out,
    );
    list(
        &t("list-isolated"),
        &t("list-isolated-note"),
        &r.isolated,
        options,
        &mut out,
    );
    out
}

fn distribution_table(lang: Lang, value: &str, what: &str, d: &Distribution, out: &mut String) {
    if d.count == 0 {
        return;
    }
    let mut t = Table::new(&[
        value.to_owned(),
        format!(">{what}"),
        format!(">{}", tr(lang, "col-share")),
    ]);
    // Leading empty buckets (no depth 0, no parent with 0 children) say nothing.
    let first = d.buckets.iter().position(|b| b.count > 0).unwrap_or(0);
    for b in &d.buckets[first..] {
        let range = if b.from == b.to {
            count(lang, b.from)
        } else {
            format!("{}–{}", count(lang, b.from), count(lang, b.to))
        };
        t.row(vec![
            range,
            count(lang, b.count),
            percent(lang, b.count as f64 / d.count as f64),
        ]);
    }
    t.write(out, usize::MAX, 0, lang);
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
    let lang = options.lang;
    let _ = writeln!(out, "## {title} ({})\n", count(lang, items.len()));
    if !note.is_empty() {
        let _ = writeln!(out, "{note}\n");
    }
    let mut t = Table::new(&[
        tr(lang, "col-id"),
        tr(lang, "col-kind"),
        tr(lang, "col-label"),
        format!(">{}", tr(lang, "col-relations")),
    ]);
    for c in items {
        t.row(vec![
            code(&c.id),
            kind_name(lang, c.kind),
            escape(&c.label),
            count(lang, c.degree),
        ]);
    }
    t.write(out, options.rows, items.len(), lang);
}
