//! Label text helpers: normalisation, tokens and similarity, shared by the id-mapping proposal
//! and the reports, and the label a report shows for a concept.

use vaardig_core::Ontology;

/// The label reports show for concept `id` of `ontology`: in `lang` when one is asked (a manifest
/// language such as `de`), falling back to English and then the version's primary language;
/// without one, in the primary language (as reports always did). The id when it is unknown.
pub(crate) fn concept_label<'a>(
    ontology: &'a Ontology,
    id: &'a str,
    lang: Option<&str>,
) -> &'a str {
    let primary = ontology.primary_language();
    ontology.get(id).map_or(id, |c| match lang {
        Some(l) => c.labels.best(&[l, "en", primary]).unwrap_or(&c.id),
        None => c.label(primary),
    })
}

/// Lowercases `s`, turns every run of non-alphanumeric characters into one space and trims.
///
/// "Wond-verzorging (basis)" and "wond verzorging basis" normalise alike.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The words of an already normalised label that are long enough to say something (≥ 3 chars).
pub(crate) fn tokens(normalised: &str) -> impl Iterator<Item = &str> {
    normalised.split(' ').filter(|t| t.chars().count() >= 3)
}

/// Similarity of two normalised labels in `[0, 1]`: 1 minus the normalised Levenshtein
/// distance. Symmetric, so proposals for `(a, b)` and `(b, a)` agree exactly.
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        1.0
    } else {
        strsim::normalized_levenshtein(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_and_punctuation() {
        assert_eq!(
            normalise("  Wond-Verzorging (basis) "),
            "wond verzorging basis"
        );
        assert_eq!(normalise("ÉÉN"), "één");
        assert_eq!(normalise("--"), "");
    }

    #[test]
    fn tokens_skip_short_words() {
        let t: Vec<&str> = tokens("de zorg en wondzorg").collect();
        assert_eq!(t, vec!["zorg", "wondzorg"]);
    }

    #[test]
    fn similarity_is_symmetric_and_bounded() {
        let pairs = [("wondzorg", "wondverzorging"), ("a", ""), ("abc", "abd")];
        for (a, b) in pairs {
            let s = similarity(a, b);
            assert!((0.0..=1.0).contains(&s));
            assert_eq!(s.to_bits(), similarity(b, a).to_bits());
        }
        assert_eq!(similarity("x y", "x y"), 1.0);
    }
}
