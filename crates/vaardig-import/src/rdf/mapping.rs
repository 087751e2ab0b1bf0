//! [`Mapping`]: which RDF classes become which concept kinds, which predicates become which
//! relations, attributes and labels. A TOML file; built-ins for CompetentNL-style graphs (the
//! default, which also reads vaardig's own Turtle export) and for ESCO's RDF.
//!
//! The format is documented in `mappings/competentnl.toml`, the default mapping itself.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;
use vaardig_core::{
    CodeSystem, ConceptKind, Importance, MatchKind, OfferType, ProviderType, QualificationType,
    RelationKind, SkillType,
};

use crate::error::ImportError;
use crate::ids::IdScheme;
use crate::vocab::{self, SKOS, SKOSXL};

/// The default mapping: CompetentNL-style graphs and vaardig's Turtle export.
pub const COMPETENTNL_TOML: &str = include_str!("../../mappings/competentnl.toml");
/// The mapping for ESCO's RDF.
pub const ESCO_TOML: &str = include_str!("../../mappings/esco.toml");

/// A concept attribute an RDF property can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Attribute {
    SkillType,
    Isco,
    Notation,
    Code,
    CodeSystem,
    QualificationType,
    Nlqf,
    OfferType,
    Provider,
    ProviderType,
    Hours,
    CostEur,
    Shortage,
    /// A content status (current / historical / archived): decides whether a concept or a
    /// SKOS-XL label is imported.
    Status,
    /// vaardig's own status of an imported concept (`vd:status`): kept as the concept's
    /// status; the concept is imported whatever it says.
    ConceptStatus,
    /// The concept that replaces this one (an IRI).
    ReplacedBy,
    /// A code with its system, `system code` (`onet_soc 15-1252.00`); any number of them.
    Codes,
}

impl Attribute {
    fn parse(name: &str) -> Option<Attribute> {
        Some(match name {
            "skill_type" => Attribute::SkillType,
            "isco" => Attribute::Isco,
            "notation" => Attribute::Notation,
            "code" => Attribute::Code,
            "code_system" => Attribute::CodeSystem,
            "qualification_type" => Attribute::QualificationType,
            "nlqf" => Attribute::Nlqf,
            "offer_type" => Attribute::OfferType,
            "provider" => Attribute::Provider,
            "provider_type" => Attribute::ProviderType,
            "hours" => Attribute::Hours,
            "cost_eur" => Attribute::CostEur,
            "shortage" => Attribute::Shortage,
            "status" => Attribute::Status,
            "concept_status" => Attribute::ConceptStatus,
            "replaced_by" => Attribute::ReplacedBy,
            "codes" => Attribute::Codes,
            _ => return None,
        })
    }

    /// The snake_case name, as in mapping files and native columns.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Attribute::SkillType => "skill_type",
            Attribute::Isco => "isco",
            Attribute::Notation => "notation",
            Attribute::Code => "code",
            Attribute::CodeSystem => "code_system",
            Attribute::QualificationType => "qualification_type",
            Attribute::Nlqf => "nlqf",
            Attribute::OfferType => "offer_type",
            Attribute::Provider => "provider",
            Attribute::ProviderType => "provider_type",
            Attribute::Hours => "hours",
            Attribute::CostEur => "cost_eur",
            Attribute::Shortage => "shortage",
            Attribute::Status => "status",
            Attribute::ConceptStatus => "concept_status",
            Attribute::ReplacedBy => "replaced_by",
            Attribute::Codes => "codes",
        }
    }
}

/// What a label property contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelRole {
    Pref,
    Alt,
    Hidden,
    Definition,
    /// A description: a literal, or a node-literal resource (ESCO's `dct:description`).
    Description,
    /// `rdfs:label`: names a non-concept (a content status); on a concept, a preferred label
    /// where SKOS gives none.
    Name,
    /// The text of a node-literal resource (`esco:nodeLiteral`).
    NodeLiteral,
    /// The language of a node-literal resource (`esco:language`).
    NodeLanguage,
    XlPref,
    XlAlt,
    XlHidden,
    LiteralForm,
    /// `skos:note`: a note on a concept (on the concept scheme: the manifest's notes).
    Note,
    /// `skos:scopeNote`: a scope note on a concept.
    ScopeNote,
    /// A note on a regulated profession.
    RegulationNote,
}

/// A manifest key a concept scheme property fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SchemeField {
    Name,
    Version,
    ReleaseDate,
    /// When the scheme was made (`dcterms:created`): the release date when none is given.
    Created,
    Languages,
    Licence,
    Source,
    IllustrativeCodes,
    Notes,
}

/// What resources of a class are.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ClassRule {
    /// Concepts of `kind`, with default attribute values.
    Concept {
        kind: ConceptKind,
        defaults: Vec<(Attribute, String)>,
        fallback: bool,
        /// A class this one refines: a resource typed with both is of this class's kind
        /// (`cnlo:KnowledgeArea` refines `cnlo:HumanCapability`).
        subclass_of: Option<String>,
    },
    /// The concept scheme (its metadata fills the manifest).
    Scheme,
    /// Deliberately not concepts.
    Ignore,
}

/// What a predicate becomes as a relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RelationRule {
    pub(crate) kind: RelationKind,
    pub(crate) importance: Option<Importance>,
    pub(crate) inverse: bool,
    /// Objects in this namespace are ISCO groups: the rest of the IRI is the subject's ISCO code.
    pub(crate) isco_namespace: Option<String>,
}

/// What a predicate does, found with one lookup per triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// `rdf:type`.
    Type,
    /// `rdf:subject` (0), `rdf:predicate` (1) or `rdf:object` (2) of a statement.
    Reify(u8),
    Label(LabelRole),
    Relation,
    Attribute(Attribute),
    Scheme(SchemeField),
    Qualifier(Qualifier),
    /// A match to a concept of another taxonomy (the mapping's `[matches]` table).
    Match(MatchKind),
    /// Known, and deliberately not imported (the mapping's `[unused]` table): counted per
    /// predicate in [`crate::ImportReport::unused_predicates`].
    Unused,
}

/// A relation qualifier on an `rdf:Statement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Qualifier {
    Level,
    /// The source's weight, `value scale` (`3.88 onet_im`).
    Weight,
    /// The source's level, `value scale`.
    SourceLevel,
    /// A related occupation's tier.
    Tier,
    /// A related occupation's rank.
    Rank,
}

/// How RDF vocabulary maps onto vaardig concepts and relations.
///
/// ```
/// use vaardig_import::Mapping;
///
/// let mapping = Mapping::competentnl();
/// assert_eq!(mapping.name(), "competentnl");
/// let custom = Mapping::from_toml(
///     r#"
///     name = "mine"
///     [namespaces]
///     ex = "http://example.org/def#"
///     [classes]
///     "ex:Skill" = { kind = "skill", skill_type = "skill" }
///     [relations]
///     "ex:needs" = { relation = "requires", importance = "essential" }
///     "#,
///     "mine.toml",
/// )?;
/// assert_eq!(custom.languages(), ["nl", "en"]); // the default when a mapping names none
/// # Ok::<(), vaardig_import::ImportError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    name: String,
    languages: Vec<String>,
    ids: IdScheme,
    pub(crate) classes: HashMap<String, ClassRule>,
    pub(crate) relations: HashMap<String, RelationRule>,
    pub(crate) attributes: HashMap<String, Attribute>,
    pub(crate) labels: HashMap<String, LabelRole>,
    pub(crate) scheme: HashMap<String, SchemeField>,
    pub(crate) values: HashMap<String, String>,
    pub(crate) qualifiers: HashMap<String, Qualifier>,
    /// Predicates that match a concept to one of another taxonomy, with the kind of match.
    pub(crate) matches: HashMap<String, MatchKind>,
    /// The code system of `notation` values that are no qualification's code and no ISCO code
    /// (CompetentNL's notations); `None`: such notations are not kept.
    pub(crate) notation_system: Option<CodeSystem>,
    /// Predicates known and deliberately not imported, with the reason.
    pub(crate) unused: HashMap<String, String>,
    /// Every mapped predicate and what it does.
    roles: HashMap<String, Role>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    name: String,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for people reading the file")]
    description: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    namespaces: BTreeMap<String, String>,
    #[serde(default)]
    ids: BTreeMap<String, String>,
    #[serde(default)]
    classes: BTreeMap<String, RawClass>,
    #[serde(default)]
    relations: BTreeMap<String, RawRelation>,
    #[serde(default)]
    attributes: BTreeMap<String, String>,
    labels: Option<BTreeMap<String, String>>,
    #[serde(default)]
    scheme: BTreeMap<String, String>,
    #[serde(default)]
    values: BTreeMap<String, String>,
    #[serde(default)]
    matches: BTreeMap<String, String>,
    notation_system: Option<String>,
    #[serde(default)]
    qualifiers: BTreeMap<String, String>,
    #[serde(default)]
    unused: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    kind: String,
    #[serde(default)]
    fallback: bool,
    subclass_of: Option<String>,
    skill_type: Option<String>,
    qualification_type: Option<String>,
    code_system: Option<String>,
    offer_type: Option<String>,
    provider_type: Option<String>,
    shortage: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelation {
    relation: String,
    importance: Option<String>,
    #[serde(default)]
    inverse: bool,
    isco_namespace: Option<String>,
}

impl Mapping {
    /// The default mapping for CompetentNL-style graphs; it also reads vaardig's Turtle export.
    pub fn competentnl() -> Mapping {
        Mapping::from_toml(COMPETENTNL_TOML, "built-in competentnl").expect("built-in mapping") // ok: tests::builtins_parse checks it parses
    }

    /// The mapping for ESCO's RDF.
    pub fn esco() -> Mapping {
        Mapping::from_toml(ESCO_TOML, "built-in esco").expect("built-in mapping") // ok: tests::builtins_parse checks it parses
    }

    /// This mapping with every fallback class (`fallback = true`: a class that makes a concept
    /// only when no other mapped class does, such as `skos:Concept` in the CompetentNL mapping)
    /// making concepts of `kind` instead, with no default attributes but a skill type `skill` for
    /// skills. For an occupation-only SKOS scheme: `--default-kind occupation` rather than a
    /// hand-written mapping. Classes that are not fallbacks keep their kind.
    ///
    /// ```
    /// use vaardig_core::ConceptKind;
    /// use vaardig_import::Mapping;
    ///
    /// let m = Mapping::competentnl().with_fallback_kind(ConceptKind::Occupation);
    /// assert_eq!(m.fallback_kinds(), [ConceptKind::Occupation]);
    /// ```
    pub fn with_fallback_kind(mut self, kind: ConceptKind) -> Mapping {
        for rule in self.classes.values_mut() {
            if let ClassRule::Concept {
                kind: k,
                defaults,
                fallback: true,
                ..
            } = rule
            {
                *k = kind;
                defaults.clear();
                if kind == ConceptKind::Skill {
                    defaults.push((Attribute::SkillType, "skill".to_owned()));
                }
            }
        }
        self
    }

    /// The kinds the fallback classes make, sorted, without repeats.
    pub fn fallback_kinds(&self) -> Vec<ConceptKind> {
        let mut kinds: Vec<ConceptKind> = self
            .classes
            .values()
            .filter_map(|rule| match rule {
                ClassRule::Concept {
                    kind,
                    fallback: true,
                    ..
                } => Some(*kind),
                _ => None,
            })
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// A built-in mapping by name: `competentnl` or `esco`.
    pub fn builtin(name: &str) -> Option<Mapping> {
        match name {
            "competentnl" => Some(Mapping::competentnl()),
            "esco" => Some(Mapping::esco()),
            _ => None,
        }
    }

    /// Reads a mapping file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Mapping, ImportError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
            path: path.to_owned(),
            source,
        })?;
        Mapping::from_toml(&text, &path.display().to_string())
    }

    /// Parses a mapping from TOML; `source_name` names it in errors.
    pub fn from_toml(text: &str, source_name: &str) -> Result<Mapping, ImportError> {
        let fail = |message: String| ImportError::Mapping {
            source_name: source_name.to_owned(),
            message,
        };
        let raw: RawMapping = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text.get(..s.start).map_or(0, |t| t.matches('\n').count()) + 1);
            let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
            fail(format!("{at}{}", e.message().trim()))
        })?;
        let prefixes: Vec<(String, String)> = raw.namespaces.into_iter().collect();
        let iri = |key: &str| -> Result<String, ImportError> {
            vocab::expand(key, &prefixes)
                .ok_or_else(|| fail(format!("`{key}` uses an undeclared prefix")))
        };

        let mut classes = HashMap::new();
        for (key, class) in raw.classes {
            let rule = match class.kind.as_str() {
                "scheme" => ClassRule::Scheme,
                "ignore" => ClassRule::Ignore,
                kind => {
                    let kind: ConceptKind = kind
                        .parse()
                        .map_err(|e| fail(format!("class `{key}`: {e}")))?;
                    let mut defaults = Vec::new();
                    let mut default = |attr: Attribute, value: Option<String>| {
                        if let Some(v) = value {
                            defaults.push((attr, v));
                        }
                    };
                    default(Attribute::SkillType, class.skill_type);
                    default(Attribute::QualificationType, class.qualification_type);
                    default(Attribute::CodeSystem, class.code_system);
                    default(Attribute::OfferType, class.offer_type);
                    default(Attribute::ProviderType, class.provider_type);
                    default(Attribute::Shortage, class.shortage.map(|b| b.to_string()));
                    for (attr, value) in &defaults {
                        check_value(*attr, value)
                            .map_err(|e| fail(format!("class `{key}`: {e}")))?;
                    }
                    ClassRule::Concept {
                        kind,
                        defaults,
                        fallback: class.fallback,
                        subclass_of: class.subclass_of.as_deref().map(iri).transpose()?,
                    }
                }
            };
            classes.insert(iri(&key)?, rule);
        }

        let mut relations = HashMap::new();
        for (key, rel) in raw.relations {
            let kind: RelationKind = rel
                .relation
                .parse()
                .map_err(|e| fail(format!("relation `{key}`: {e}")))?;
            let importance = rel
                .importance
                .map(|i| i.parse::<Importance>())
                .transpose()
                .map_err(|e| fail(format!("relation `{key}`: {e}")))?;
            if importance.is_some() != kind.has_importance() {
                return Err(fail(format!(
                    "relation `{key}`: `{kind}` {} an importance",
                    if kind.has_importance() {
                        "needs"
                    } else {
                        "takes no"
                    }
                )));
            }
            relations.insert(
                iri(&key)?,
                RelationRule {
                    kind,
                    importance,
                    inverse: rel.inverse,
                    isco_namespace: rel.isco_namespace,
                },
            );
        }

        let mut attributes = HashMap::new();
        for (key, name) in raw.attributes {
            let attr = Attribute::parse(&name)
                .ok_or_else(|| fail(format!("attribute `{key}`: unknown attribute `{name}`")))?;
            attributes.insert(iri(&key)?, attr);
        }

        let label_table = raw.labels.unwrap_or_else(default_labels);
        let mut labels = HashMap::new();
        for (key, role) in label_table {
            let role = match role.as_str() {
                "pref" => LabelRole::Pref,
                "alt" => LabelRole::Alt,
                "hidden" => LabelRole::Hidden,
                "definition" => LabelRole::Definition,
                "description" => LabelRole::Description,
                "name" => LabelRole::Name,
                "node_literal" => LabelRole::NodeLiteral,
                "node_language" => LabelRole::NodeLanguage,
                "xl_pref" => LabelRole::XlPref,
                "xl_alt" => LabelRole::XlAlt,
                "xl_hidden" => LabelRole::XlHidden,
                "literal_form" => LabelRole::LiteralForm,
                "note" => LabelRole::Note,
                "scope_note" => LabelRole::ScopeNote,
                "regulation_note" => LabelRole::RegulationNote,
                other => return Err(fail(format!("label `{key}`: unknown role `{other}`"))),
            };
            labels.insert(iri(&key)?, role);
        }

        let mut scheme = HashMap::new();
        for (key, field) in raw.scheme {
            let field = match field.as_str() {
                "name" => SchemeField::Name,
                "version" => SchemeField::Version,
                "release_date" => SchemeField::ReleaseDate,
                "created" => SchemeField::Created,
                "languages" => SchemeField::Languages,
                "licence" => SchemeField::Licence,
                "source" => SchemeField::Source,
                "illustrative_codes" => SchemeField::IllustrativeCodes,
                "notes" => SchemeField::Notes,
                other => {
                    return Err(fail(format!(
                        "scheme `{key}`: unknown manifest key `{other}`"
                    )));
                }
            };
            scheme.insert(iri(&key)?, field);
        }

        let mut qualifiers = HashMap::new();
        for (key, q) in raw.qualifiers {
            let q = match q.as_str() {
                "level" => Qualifier::Level,
                "weight" => Qualifier::Weight,
                "source_level" => Qualifier::SourceLevel,
                "tier" => Qualifier::Tier,
                "rank" => Qualifier::Rank,
                other => {
                    return Err(fail(format!(
                        "qualifier `{key}`: unknown qualifier `{other}`"
                    )));
                }
            };
            qualifiers.insert(iri(&key)?, q);
        }

        let mut matches = HashMap::new();
        for (key, kind) in raw.matches {
            let kind: MatchKind = kind
                .parse()
                .map_err(|e| fail(format!("match `{key}`: {e}")))?;
            matches.insert(iri(&key)?, kind);
        }
        let notation_system = raw
            .notation_system
            .map(|s| s.parse::<CodeSystem>())
            .transpose()
            .map_err(|e| fail(format!("notation_system: {e}")))?;

        let mut unused = HashMap::new();
        for (key, reason) in raw.unused {
            unused.insert(iri(&key)?, reason);
        }

        let mut values = HashMap::new();
        for (key, value) in raw.values {
            values.insert(iri(&key)?, value);
        }

        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (table, keys) in [
            ("relations", relations.keys().collect::<Vec<_>>()),
            ("attributes", attributes.keys().collect()),
            ("labels", labels.keys().collect()),
            ("scheme", scheme.keys().collect()),
            ("qualifiers", qualifiers.keys().collect()),
            ("matches", matches.keys().collect()),
            ("unused", unused.keys().collect()),
        ] {
            for key in keys {
                if let Some(other) = seen.insert(key.as_str(), table) {
                    return Err(fail(format!(
                        "`{key}` is mapped in both [{other}] and [{table}]"
                    )));
                }
            }
        }

        let mut roles: HashMap<String, Role> = HashMap::new();
        roles.extend(labels.iter().map(|(k, v)| (k.clone(), Role::Label(*v))));
        roles.extend(relations.keys().map(|k| (k.clone(), Role::Relation)));
        roles.extend(
            attributes
                .iter()
                .map(|(k, v)| (k.clone(), Role::Attribute(*v))),
        );
        roles.extend(scheme.iter().map(|(k, v)| (k.clone(), Role::Scheme(*v))));
        roles.extend(
            qualifiers
                .iter()
                .map(|(k, v)| (k.clone(), Role::Qualifier(*v))),
        );
        roles.extend(matches.iter().map(|(k, v)| (k.clone(), Role::Match(*v))));
        roles.extend(unused.keys().map(|k| (k.clone(), Role::Unused)));
        // The RDF built-ins win over anything a mapping says about them.
        roles.insert(vocab::RDF_TYPE.to_owned(), Role::Type);
        for (i, p) in [vocab::RDF_SUBJECT, vocab::RDF_PREDICATE, vocab::RDF_OBJECT]
            .into_iter()
            .enumerate()
        {
            roles.insert(p.to_owned(), Role::Reify(i as u8));
        }

        let ids = IdScheme::new(raw.ids);
        let languages = if raw.languages.is_empty() {
            vec!["nl".to_owned(), "en".to_owned()]
        } else {
            raw.languages
        };
        Ok(Mapping {
            name: raw.name,
            languages,
            ids,
            classes,
            relations,
            attributes,
            labels,
            scheme,
            values,
            qualifiers,
            matches,
            notation_system,
            unused,
            roles,
        })
    }

    /// What `predicate` does, if the mapping knows it.
    pub(crate) fn role(&self, predicate: &str) -> Option<Role> {
        self.roles.get(predicate).copied()
    }

    /// The mapping's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The default manifest languages, primary first.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// How this mapping turns IRIs into ids.
    pub fn ids(&self) -> &IdScheme {
        &self.ids
    }
}

/// Checks a value the mapping gives for `attr` (a class default).
fn check_value(attr: Attribute, value: &str) -> Result<(), String> {
    match attr {
        Attribute::SkillType => value
            .parse::<SkillType>()
            .map(drop)
            .map_err(|e| e.to_string()),
        Attribute::QualificationType => value
            .parse::<QualificationType>()
            .map(drop)
            .map_err(|e| e.to_string()),
        Attribute::CodeSystem => value
            .parse::<CodeSystem>()
            .map(drop)
            .map_err(|e| e.to_string()),
        Attribute::OfferType => value
            .parse::<OfferType>()
            .map(drop)
            .map_err(|e| e.to_string()),
        Attribute::ProviderType => value
            .parse::<ProviderType>()
            .map(drop)
            .map_err(|e| e.to_string()),
        _ => Ok(()),
    }
}

/// The label properties when a mapping has no `[labels]` table: SKOS and SKOS-XL.
fn default_labels() -> BTreeMap<String, String> {
    [
        (format!("{SKOS}prefLabel"), "pref"),
        (format!("{SKOS}altLabel"), "alt"),
        (format!("{SKOS}hiddenLabel"), "hidden"),
        (format!("{SKOS}definition"), "definition"),
        (format!("{SKOSXL}prefLabel"), "xl_pref"),
        (format!("{SKOSXL}altLabel"), "xl_alt"),
        (format!("{SKOSXL}hiddenLabel"), "xl_hidden"),
        (format!("{SKOSXL}literalForm"), "literal_form"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_parse() {
        for (text, name) in [(COMPETENTNL_TOML, "competentnl"), (ESCO_TOML, "esco")] {
            let mapping = Mapping::from_toml(text, name).expect("built-in mapping parses"); // ok: test code, a failure here fails the test
            assert_eq!(mapping.name(), name);
            assert!(!mapping.classes.is_empty() && !mapping.relations.is_empty());
        }
    }

    #[test]
    fn inverse_and_importance_are_read() {
        let m = Mapping::esco();
        let rule = &m.relations["http://data.europa.eu/esco/model#isOptionalSkillFor"];
        assert!(rule.inverse);
        assert_eq!(rule.importance, Some(Importance::Optional));
    }

    #[test]
    fn errors_name_the_problem() {
        let cases = [
            ("name = 1", "invalid type"),
            (
                "name = \"x\"\n[classes]\n\"ex:A\" = { kind = \"skill\" }",
                "undeclared prefix",
            ),
            (
                "name = \"x\"\n[classes]\n\"skos:A\" = { kind = \"dragon\" }",
                "unknown concept kind",
            ),
            (
                "name = \"x\"\n[relations]\n\"skos:r\" = { relation = \"requires\" }",
                "needs an importance",
            ),
            (
                "name = \"x\"\n[attributes]\n\"skos:r\" = \"colour\"",
                "unknown attribute `colour`",
            ),
            ("name = \"x\"\nbogus = 1", "unknown field"),
            (
                "name = \"x\"\n[relations]\n\"skos:r\" = { relation = \"related\" }\n[attributes]\n\"skos:r\" = \"isco\"",
                "mapped in both",
            ),
        ];
        for (text, expected) in cases {
            let err = Mapping::from_toml(text, "t.toml")
                .expect_err(text)
                .to_string();
            assert!(err.contains(expected), "{text:?}: {err}");
        }
    }
}
