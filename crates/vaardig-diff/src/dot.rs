//! Graphviz DOT export of one occupation's transition neighbourhood: the occupation in the
//! middle, the occupations within reach around it (edge width by score), and the essential skills
//! each still needs (shared skills appear once, so the skills that open several doors stand out).
//!
//! DOT is plain text; ids and labels are written as quoted strings with `\`, `"` and line breaks
//! escaped, so no label can break the graph.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use vaardig_score::{Lang, Transitions};

/// How many missing skills are drawn per occupation.
pub const MISSING_PER_OCCUPATION: usize = 3;

/// Quotes `text` as a DOT string: `"` and `\` are escaped, line breaks become `\n`, other
/// control characters are dropped.
///
/// ```
/// assert_eq!(vaardig_diff::dot::quote("a \"b\"\\c\nd"), r#""a \"b\"\\c\nd""#);
/// ```
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The neighbourhood of `transitions` (as from `Scorer::transitions_from`) as a DOT digraph,
/// labelled in `lang`. Node and edge order follow the ranking, so the output is deterministic.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// use vaardig_score::{Lang, Scorer, TransitionOptions};
///
/// let o = generate(&GeneratorConfig::small()).expect("valid").ontology;
/// let scorer = Scorer::with_defaults(&o);
/// let t = scorer.transitions_from("occ:o00001",
///     &TransitionOptions { limit: Some(5), ..Default::default() })?;
/// let dot = vaardig_diff::dot::transition_neighbourhood(&t, Lang::En);
/// assert!(dot.starts_with("digraph transitions {"));
/// assert!(dot.contains("\"occ:o00001\" -> "));
/// # Ok::<(), vaardig_score::ScoreError>(())
/// ```
pub fn transition_neighbourhood(transitions: &Transitions, lang: Lang) -> String {
    let mut out = String::new();
    let (centre_id, centre_label) = match &transitions.from {
        Some(n) => (n.id.to_string(), n.label_in(lang).to_owned()),
        None => (
            "profile".to_owned(),
            match lang {
                Lang::Nl => "profiel".to_owned(),
                Lang::En => "profile".to_owned(),
            },
        ),
    };
    let (title, legend, shortage_legend) = match lang {
        Lang::Nl => (
            "Overstapmogelijkheden vanuit",
            "score · uren om het essentiële tekort te leren; stippellijn: nog te leren",
            "; rode rand: sector met tekort",
        ),
        Lang::En => (
            "Transitions from",
            "score · hours to learn the essential gap; dashed: still to learn",
            "; red border: shortage sector",
        ),
    };
    let any_shortage = transitions.items.iter().any(|t| t.shortage);
    out.push_str("digraph transitions {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label={}];",
        quote(&format!(
            "{title} {centre_label}\n{legend}{}",
            if any_shortage { shortage_legend } else { "" }
        ))
    );
    out.push_str(
        "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=\"rounded,filled\", \
         fillcolor=\"#ffffff\"];\n  edge [fontname=\"Helvetica\", fontsize=9];\n",
    );
    let _ = writeln!(
        out,
        "  {} [label={}, shape=doubleoctagon, fillcolor=\"#cfe2ff\"];",
        quote(&centre_id),
        quote(&centre_label)
    );
    let mut skills: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for t in &transitions.items {
        for s in t.missing.iter().take(MISSING_PER_OCCUPATION) {
            skills.entry(&*s.id).or_insert((s.label_in(lang), 0)).1 += 1;
        }
    }
    for t in &transitions.items {
        let name = t.label_in(lang);
        let detail = format!("{name}\n{:.0} % · {:.0} h", t.score * 100.0, t.gap_hours);
        // Greener the closer; a light fill keeps the label readable.
        let fill = if t.score >= 0.75 {
            "#d1e7dd"
        } else if t.score >= 0.5 {
            "#e9f5ec"
        } else {
            "#f8f9fa"
        };
        let _ = writeln!(
            out,
            "  {} [label={}, fillcolor=\"{fill}\"{}];",
            quote(&t.occupation),
            quote(&detail),
            if t.shortage {
                ", color=\"#b02a37\", penwidth=2"
            } else {
                ""
            }
        );
        let _ = writeln!(
            out,
            "  {} -> {} [label={}, penwidth={:.2}];",
            quote(&centre_id),
            quote(&t.occupation),
            quote(&format!("{:.2}", t.score)),
            0.5 + 3.5 * t.score.clamp(0.0, 1.0)
        );
    }
    for (id, (label, uses)) in &skills {
        let _ = writeln!(
            out,
            "  {} [label={}, shape=note, fillcolor=\"{}\"];",
            quote(id),
            quote(label),
            if *uses > 1 { "#ffe69c" } else { "#fff3cd" }
        );
    }
    for t in &transitions.items {
        for s in t.missing.iter().take(MISSING_PER_OCCUPATION) {
            let _ = writeln!(
                out,
                "  {} -> {} [style=dashed, color=\"#997404\"];",
                quote(&t.occupation),
                quote(&s.id)
            );
        }
    }
    out.push_str("}\n");
    out
}
