//! A seeded, deterministic generator of valid synthetic ontologies at any size, for benches and
//! scale tests. The default ([`GeneratorConfig::esco_scale`]) matches ESCO: about 14,000 skills,
//! 3,000 occupations, 130,000 occupation–skill links, 500 qualifications and 10,000 offers.
//!
//! Structure is realistic enough to exercise every code path: a 2-level knowledge-area hierarchy,
//! skills in groups up to 5 levels deep, occupations that draw most skills from a few topic groups
//! plus a long tail of widely used (transversal) skills, qualifications covering topic groups,
//! offers teaching parts of a qualification (some stack towards it), pseudo-Dutch and pseudo-English
//! labels, synonyms and definitions of the lengths real ESCO has (about 27 characters and 3–4
//! words per preferred label, 6 synonyms per skill and 10 per occupation, definitions of 150–300
//! characters), so the search index has about as many documents per concept as real ESCO's.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::builder::{Built, OntologyBuilder};
use crate::concept::{Concept, ConceptData, Labels, Relation};
use crate::diagnostic::OntologyError;
use crate::manifest::Manifest;
use crate::model::{
    CodeSystem, Importance, Level, Nlqf, OfferType, ProviderType, QualificationType, RelationKind,
    SkillType,
};

/// Sizes and seed of a generated ontology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratorConfig {
    /// The random seed: the same config always gives the same ontology.
    pub seed: u64,
    /// Number of skills.
    pub skills: usize,
    /// Number of occupations.
    pub occupations: usize,
    /// Target number of occupation → skill `requires` links.
    pub occupation_skill_links: usize,
    /// Number of qualifications.
    pub qualifications: usize,
    /// Number of learning offers.
    pub learning_offers: usize,
}

impl GeneratorConfig {
    /// ESCO scale: 14,000 skills, 3,000 occupations, 130,000 links, 500 qualifications,
    /// 10,000 offers.
    pub fn esco_scale() -> Self {
        GeneratorConfig {
            seed: 42,
            skills: 14_000,
            occupations: 3_000,
            occupation_skill_links: 130_000,
            qualifications: 500,
            learning_offers: 10_000,
        }
    }

    /// Every size multiplied by `n` (the seed kept): `esco_scale().times(16)` is 16× ESCO.
    #[must_use]
    pub fn times(self, n: usize) -> Self {
        GeneratorConfig {
            seed: self.seed,
            skills: self.skills.saturating_mul(n),
            occupations: self.occupations.saturating_mul(n),
            occupation_skill_links: self.occupation_skill_links.saturating_mul(n),
            qualifications: self.qualifications.saturating_mul(n),
            learning_offers: self.learning_offers.saturating_mul(n),
        }
    }

    /// A small ontology for fast tests (500 skills, 100 occupations).
    pub fn small() -> Self {
        GeneratorConfig {
            seed: 7,
            skills: 500,
            occupations: 100,
            occupation_skill_links: 3_000,
            qualifications: 20,
            learning_offers: 300,
        }
    }
}

const NL_SYLLABLES: &[&str] = &[
    "ver", "be", "ge", "zorg", "werk", "bouw", "plan", "tech", "reken", "leer", "stel", "maak",
    "hand", "lei", "klant", "dienst", "veil", "hout", "staal", "meet", "regel", "licht", "data",
    "net", "zet", "wagen", "lood", "schil", "kook", "was", "kind", "taal", "boek", "geld", "wond",
    "pomp", "las", "draai", "vorm", "sorteer", "pak", "stuur", "test", "code", "bed", "huis",
];
const EN_SYLLABLES: &[&str] = &[
    "care", "work", "build", "plan", "tech", "count", "learn", "set", "make", "hand", "lead",
    "serve", "safe", "wood", "steel", "meas", "rule", "light", "data", "net", "load", "cart",
    "pipe", "paint", "cook", "wash", "child", "lang", "book", "fund", "wound", "pump", "weld",
    "turn", "form", "sort", "pack", "steer", "test", "code", "bed", "home", "ure", "ing", "er",
];
const NL_SUFFIXES: &[&str] = &[
    "en", "ing", "kunde", "heid", "techniek", "beheer", "zorg", "werk",
];
const EN_SUFFIXES: &[&str] = &[
    "ing", "ment", "craft", "care", "work", "ology", "ness", "skills",
];

/// Short function words, drawn now and then so labels read like phrases.
const NL_SMALL: &[&str] = &["van", "en", "voor", "in", "de", "met", "op"];
const EN_SMALL: &[&str] = &["of", "and", "for", "in", "the", "with", "on"];

/// One language's word material.
struct Lang {
    code: &'static str,
    syllables: &'static [&'static str],
    suffixes: &'static [&'static str],
    small: &'static [&'static str],
}

const NL: Lang = Lang {
    code: "nl",
    syllables: NL_SYLLABLES,
    suffixes: NL_SUFFIXES,
    small: NL_SMALL,
};
const EN: Lang = Lang {
    code: "en",
    syllables: EN_SYLLABLES,
    suffixes: EN_SUFFIXES,
    small: EN_SMALL,
};

/// How long a kind's labels are, after the real ESCO v1.1.1 (English, measured from the import
/// of `../shared/data/esco/v1.1.1`): preferred labels of about 27 characters and 3–4 words,
/// skills with 6 synonyms on average (10 for occupations) and definitions of about 150
/// characters (300 for occupations). The second language gets about a third of the synonyms,
/// as ESCO's Dutch does.
#[derive(Debug, Clone, Copy)]
struct Shape {
    /// Mean number of synonyms in the first language (0: none).
    alts: u32,
    /// Mean definition length in characters (0: none).
    definition: usize,
}

const PLAIN: Shape = Shape {
    alts: 0,
    definition: 0,
};
const SKILL: Shape = Shape {
    alts: 6,
    definition: 150,
};
const OCCUPATION: Shape = Shape {
    alts: 10,
    definition: 300,
};
const OTHER: Shape = Shape {
    alts: 1,
    definition: 200,
};
const OFFER: Shape = Shape {
    alts: 0,
    definition: 150,
};

/// Makes a pseudo-word: a short function word now and then, else one or two syllables and
/// often a suffix (about 7 characters).
fn word(rng: &mut ChaCha8Rng, lang: &Lang) -> String {
    if rng.random_range(0..100) < 12 {
        return lang.small[rng.random_range(0..lang.small.len())].to_owned();
    }
    let mut w = String::new();
    for _ in 0..rng.random_range(1..=2) {
        w.push_str(lang.syllables[rng.random_range(0..lang.syllables.len())]);
    }
    if rng.random_range(0..10) < 6 {
        w.push_str(lang.suffixes[rng.random_range(0..lang.suffixes.len())]);
    }
    w
}

/// A phrase of 2–6 words, 3.5 on average (ESCO's preferred labels have 3–4).
fn phrase(rng: &mut ChaCha8Rng, lang: &Lang) -> String {
    let words = match rng.random_range(0..100) {
        0..25 => 2,
        25..55 => 3,
        55..80 => 4,
        80..92 => 5,
        _ => 6,
    };
    let mut out = Vec::with_capacity(words);
    out.push(content_word(rng, lang));
    for _ in 1..words {
        out.push(word(rng, lang));
    }
    out.join(" ")
}

/// A word that is not a function word (labels and sentences start with one).
fn content_word(rng: &mut ChaCha8Rng, lang: &Lang) -> String {
    loop {
        let w = word(rng, lang);
        if !lang.small.contains(&w.as_str()) {
            return w;
        }
    }
}

/// Sentences of about `chars` characters (0.5–1.5×), 6–14 words each.
fn definition(rng: &mut ChaCha8Rng, lang: &Lang, chars: usize) -> String {
    let target = rng.random_range(chars / 2..=chars + chars / 2);
    let mut text = String::with_capacity(target + 16);
    let mut left = 0;
    while text.len() < target {
        if left == 0 {
            if !text.is_empty() {
                text.push_str(". ");
            }
            text.push_str(&content_word(rng, lang));
            left = rng.random_range(5..=13);
        } else {
            text.push(' ');
            text.push_str(&word(rng, lang));
            left -= 1;
        }
    }
    text.push('.');
    text
}

/// About `mean` (0 to 2×mean, uniform).
fn around(rng: &mut ChaCha8Rng, mean: u32) -> u32 {
    if mean == 0 {
        0
    } else {
        rng.random_range(0..=2 * mean)
    }
}

/// Labels of real length in Dutch and English, shaped like `shape`.
fn labels(rng: &mut ChaCha8Rng, shape: Shape) -> Labels {
    let mut l = Labels::default();
    for (lang, alts) in [(&NL, shape.alts.div_ceil(3)), (&EN, shape.alts)] {
        l.pref.insert(lang.code.into(), phrase(rng, lang));
        let synonyms: Vec<String> = (0..around(rng, alts)).map(|_| phrase(rng, lang)).collect();
        if !synonyms.is_empty() {
            l.alt.insert(lang.code.into(), synonyms);
        }
        if shape.definition > 0 {
            l.definition
                .insert(lang.code.into(), definition(rng, lang, shape.definition));
        }
    }
    l
}

/// Generates a valid ontology as a builder (to add to or break on purpose before building).
pub fn generate_builder(config: &GeneratorConfig) -> OntologyBuilder {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    // Labels come from their own stream, so their shape can change without moving the structure.
    let mut words = ChaCha8Rng::seed_from_u64(config.seed ^ 0x6c61_6265_6c73);
    let mut manifest = Manifest::new("generated", &format!("seed-{}", config.seed), &["nl", "en"]);
    manifest.source = "vaardig_core::generate".into();
    let mut b = OntologyBuilder::new(manifest);

    // Sectors: half of them shortage sectors.
    let sectors: Vec<String> = (0..12).map(|i| format!("sector:s{i:02}")).collect();
    for (i, id) in sectors.iter().enumerate() {
        let l = labels(&mut words, PLAIN);
        b.add_concept(Concept::new(
            id.clone(),
            l,
            ConceptData::Sector {
                shortage: i % 2 == 0,
            },
        ));
    }

    // Knowledge areas: 20 roots, each with children.
    let ka_total = (config.skills / 50).max(20);
    let kas: Vec<String> = (0..ka_total).map(|i| format!("ka:k{i:05}")).collect();
    for (i, id) in kas.iter().enumerate() {
        let l = labels(&mut words, OTHER);
        b.add_concept(Concept::new(id.clone(), l, ConceptData::KnowledgeArea));
        if i >= 20 {
            b.add_relation(id, &kas[i % 20], Relation::plain(RelationKind::Broader));
        }
    }

    // Skills: the first tenth are group skills under a knowledge area; every other skill sits
    // under a group or under an earlier skill of the same group (depth up to 5 levels).
    let groups = (config.skills / 10).max(1);
    let skills: Vec<String> = (0..config.skills)
        .map(|i| format!("skill:s{i:06}"))
        .collect();
    let mut group_of = vec![0usize; config.skills];
    let mut depth = vec![1u8; config.skills];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for i in 0..config.skills {
        let skill_type = match rng.random_range(0..10) {
            0..=5 => SkillType::Skill,
            6..=8 => SkillType::Knowledge,
            _ => SkillType::Attitude,
        };
        let l = labels(&mut words, SKILL);
        b.add_concept(Concept::new(
            skills[i].clone(),
            l,
            ConceptData::Skill { skill_type },
        ));
        if i < groups {
            group_of[i] = i;
            b.add_relation(
                &skills[i],
                &kas[rng.random_range(0..ka_total)],
                Relation::plain(RelationKind::Broader),
            );
        } else {
            let g = rng.random_range(0..groups);
            group_of[i] = g;
            let candidates = &members[g];
            let parent = if !candidates.is_empty() && rng.random_range(0..3) == 0 {
                let p = candidates[rng.random_range(0..candidates.len())];
                if depth[p] < 5 { p } else { g }
            } else {
                g
            };
            depth[i] = depth[parent] + 1;
            b.add_relation(
                &skills[i],
                &skills[parent],
                Relation::plain(RelationKind::Broader),
            );
        }
        members[group_of[i]].push(i);
    }
    // A few related pairs.
    for _ in 0..config.skills / 20 {
        let a = rng.random_range(0..config.skills);
        let c = rng.random_range(0..config.skills);
        if a != c {
            b.add_relation(
                &skills[a.min(c)],
                &skills[a.max(c)],
                Relation::plain(RelationKind::Related),
            );
        }
    }

    // Transversal skills: a small set used by many occupations (a heavy-tailed degree).
    let transversal: Vec<usize> = (0..(config.skills / 100).max(5))
        .map(|_| rng.random_range(0..config.skills))
        .collect();

    let per_occupation = (config.occupation_skill_links / config.occupations.max(1)).max(4);
    for o in 0..config.occupations {
        let id = format!("occ:o{o:05}");
        let l = labels(&mut words, OCCUPATION);
        let isco = Some(format!("{}", rng.random_range(1000..10000)));
        b.add_concept(Concept::new(id.clone(), l, ConceptData::occupation(isco)));
        b.add_relation(
            &id,
            &sectors[o % sectors.len()],
            Relation::plain(RelationKind::InSector),
        );
        // Spread around the mean: from half to one and a half times it.
        let want = rng.random_range(per_occupation / 2..=per_occupation * 3 / 2);
        let mut chosen: Vec<usize> = Vec::with_capacity(want);
        let topic_groups: Vec<usize> = (0..rng.random_range(3..7))
            .map(|_| rng.random_range(0..groups))
            .collect();
        let mut tries = 0;
        while chosen.len() < want && tries < want * 10 {
            tries += 1;
            let s = if rng.random_range(0..10) < 2 {
                transversal[rng.random_range(0..transversal.len())]
            } else {
                let g = &members[topic_groups[rng.random_range(0..topic_groups.len())]];
                g[rng.random_range(0..g.len())]
            };
            if !chosen.contains(&s) {
                chosen.push(s);
            }
        }
        for (k, s) in chosen.iter().enumerate() {
            let importance = match (k, rng.random_range(0..20)) {
                (0, _) => Importance::Essential,
                (_, 0..=7) => Importance::Essential,
                (_, 8..=12) => Importance::Important,
                _ => Importance::Optional,
            };
            let level = (rng.random_range(0..2) == 0)
                .then(|| Level::new(rng.random_range(1..=5)))
                .flatten();
            b.add_relation(&id, &skills[*s], Relation::requires(importance, level));
        }
    }

    // Qualifications cover topic groups; offers teach parts of them.
    let mut qual_skills: Vec<Vec<usize>> = Vec::with_capacity(config.qualifications);
    let quals: Vec<String> = (0..config.qualifications)
        .map(|i| format!("qual:q{i:04}"))
        .collect();
    for (i, id) in quals.iter().enumerate() {
        let nlqf = rng.random_range(2..=7u8);
        let (qualification_type, code_system) = match nlqf {
            2..=4 if i % 5 == 0 => (QualificationType::MboCertificate, CodeSystem::Crebo),
            2..=4 => (QualificationType::MboDiploma, CodeSystem::Crebo),
            5 => (QualificationType::AssociateDegree, CodeSystem::Croho),
            6 => (QualificationType::Bachelor, CodeSystem::Croho),
            _ => (QualificationType::Master, CodeSystem::Croho),
        };
        let l = labels(&mut words, OTHER);
        let data = ConceptData::Qualification {
            qualification_type,
            code_system,
            code: format!("{}", 10_000 + i),
            nlqf: Some(Nlqf::new(nlqf).unwrap_or(Nlqf::MIN)),
        };
        b.add_concept(Concept::new(id.clone(), l, data));
        b.add_relation(
            id,
            &sectors[i % sectors.len()],
            Relation::plain(RelationKind::InSector),
        );
        let mut covered: Vec<usize> = Vec::new();
        for _ in 0..rng.random_range(2..5) {
            let g = &members[rng.random_range(0..groups)];
            covered.extend(g.iter().take(15));
        }
        covered.sort_unstable();
        covered.dedup();
        for s in &covered {
            b.add_relation(
                id,
                &skills[*s],
                Relation::with_level(RelationKind::Covers, Level::new(3)),
            );
        }
        qual_skills.push(covered);
    }

    for i in 0..config.learning_offers {
        let id = format!("offer:c{i:05}");
        let offer_type = match rng.random_range(0..10) {
            0..=2 => OfferType::FormalUnit,
            3..=6 => OfferType::Course,
            _ => OfferType::Microcredential,
        };
        // Log-uniform hours from 4 to about 800; cost roughly proportional, with noise.
        let hours = (4.0 * 200f64.powf(rng.random_range(0.0..1.0))).round();
        let cost_eur = (hours * rng.random_range(8.0..40.0)).round();
        let stacks = !quals.is_empty() && rng.random_range(0..10) < 4;
        let (taught, qual): (Vec<usize>, Option<usize>) = if stacks {
            let q = rng.random_range(0..quals.len());
            let pool = &qual_skills[q];
            let n = rng.random_range(2..=8).min(pool.len());
            let start = rng.random_range(0..=pool.len() - n);
            (pool[start..start + n].to_vec(), Some(q))
        } else {
            let g = &members[rng.random_range(0..groups)];
            let n = rng.random_range(2..=8).min(g.len());
            let mut t: Vec<usize> = (0..n).map(|_| g[rng.random_range(0..g.len())]).collect();
            t.sort_unstable();
            t.dedup();
            (t, None)
        };
        let nlqf = (offer_type != OfferType::Course || rng.random_range(0..2) == 0)
            .then(|| Nlqf::new(rng.random_range(2..=6)))
            .flatten();
        let l = labels(&mut words, OFFER);
        let data = ConceptData::LearningOffer {
            offer_type,
            provider: format!("Aanbieder {}", rng.random_range(0..200)),
            provider_type: if rng.random_range(0..2) == 0 {
                ProviderType::Public
            } else {
                ProviderType::Private
            },
            hours,
            cost_eur,
            nlqf,
        };
        b.add_concept(Concept::new(id.clone(), l, data));
        for s in &taught {
            b.add_relation(
                &id,
                &skills[*s],
                Relation::with_level(RelationKind::Teaches, Level::new(rng.random_range(1..=4))),
            );
        }
        if let Some(q) = qual {
            b.add_relation(&id, &quals[q], Relation::plain(RelationKind::PartOf));
        }
        if rng.random_range(0..10) == 0 {
            let p = transversal[rng.random_range(0..transversal.len())];
            if !taught.contains(&p) {
                b.add_relation(
                    &id,
                    &skills[p],
                    Relation::with_level(RelationKind::Prerequisite, None),
                );
            }
        }
    }
    b
}

/// Generates and builds a valid ontology.
///
/// ```
/// use vaardig_core::generate::{generate, GeneratorConfig};
/// let built = generate(&GeneratorConfig::small()).expect("generated ontologies are valid");
/// assert_eq!(built.ontology.count(vaardig_core::ConceptKind::Skill), 500);
/// ```
pub fn generate(config: &GeneratorConfig) -> Result<Built, OntologyError> {
    generate_builder(config).build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ConceptKind;

    fn mean(values: &[usize]) -> f64 {
        values.iter().sum::<usize>() as f64 / values.len().max(1) as f64
    }

    #[test]
    fn labels_have_the_lengths_of_real_esco() {
        let built = generate(&GeneratorConfig::small()).expect("valid"); // ok: test code, a failure here fails the test
        let o = &built.ontology;
        let skills: Vec<_> = o.concepts(ConceptKind::Skill).map(|(_, c)| c).collect();
        let pref: Vec<usize> = skills
            .iter()
            .filter_map(|c| c.labels.pref("en"))
            .map(str::len)
            .collect();
        let words: Vec<usize> = skills
            .iter()
            .filter_map(|c| c.labels.pref("en"))
            .map(|p| p.split_whitespace().count())
            .collect();
        let alts: Vec<usize> = skills.iter().map(|c| c.labels.alt("en").len()).collect();
        let definitions: Vec<usize> = skills
            .iter()
            .filter_map(|c| c.labels.definition("en"))
            .map(str::len)
            .collect();
        // Real ESCO v1.1.1 (English skills): 27 characters, 3.6 words, 6.2 synonyms, 148-character
        // definitions. Before, the generator wrote two-word labels of about 17 characters and at
        // most one synonym.
        assert!((20.0..36.0).contains(&mean(&pref)), "{}", mean(&pref));
        assert!((3.0..4.2).contains(&mean(&words)), "{}", mean(&words));
        assert!((4.5..8.0).contains(&mean(&alts)), "{}", mean(&alts));
        assert_eq!(definitions.len(), skills.len());
        assert!(
            (100.0..200.0).contains(&mean(&definitions)),
            "{}",
            mean(&definitions)
        );
        let occupation_alts: Vec<usize> = o
            .concepts(ConceptKind::Occupation)
            .map(|(_, c)| c.labels.alt("en").len())
            .collect();
        assert!(mean(&occupation_alts) > 7.0, "{}", mean(&occupation_alts));
    }

    #[test]
    fn times_multiplies_every_size() {
        let base = GeneratorConfig::small();
        let big = base.clone().times(3);
        assert_eq!(big.skills, 3 * base.skills);
        assert_eq!(big.occupation_skill_links, 3 * base.occupation_skill_links);
        assert_eq!(big.learning_offers, 3 * base.learning_offers);
        assert_eq!(big.seed, base.seed);
    }
}
