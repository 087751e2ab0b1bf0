//! The vocabulary of the ontology: concept kinds, relation kinds and their attribute types.
//!
//! Every enum here has one canonical snake_case spelling, used in CSV tables, JSON and the CLI
//! (`as_str` / `FromStr` / serde agree on it).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Defines a closed string enum with a canonical spelling for each variant.
macro_rules! str_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical snake_case spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The accepted spellings, for error messages.
            pub fn expected() -> String {
                let names: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                names.join(", ")
            }
        }

        impl FromStr for $name {
            type Err = UnknownVariant;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownVariant {
                        what: stringify!($name),
                        value: s.chars().take(80).collect(),
                        expected: Self::expected(),
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A string that is not one of an enum's spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {} `{value}` (expected one of: {expected})", words(.what))]
pub struct UnknownVariant {
    /// The enum's name.
    pub what: &'static str,
    /// The rejected text (at most 80 characters of it).
    pub value: String,
    /// The accepted spellings.
    pub expected: String,
}

/// A type name in words a person reads: `ConceptKind` → "concept kind".
fn words(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

str_enum! {
    /// What a concept is.
    ConceptKind {
        /// A human capability: a skill, a piece of knowledge or an attitude.
        Skill = "skill",
        /// A body of knowledge that groups skills.
        KnowledgeArea = "knowledge_area",
        /// An occupation (beroep).
        Occupation = "occupation",
        /// A task within an occupation (beroepstaak).
        OccupationTask = "occupation_task",
        /// A formal qualification: an mbo diploma, a bachelor, ...
        Qualification = "qualification",
        /// Something a person can study: a formal unit, a course, a microcredential.
        LearningOffer = "learning_offer",
        /// An economic sector.
        Sector = "sector",
    }
}

impl ConceptKind {
    /// Whether concepts of this kind are capabilities a person can hold (skills and knowledge areas).
    pub fn is_capability(self) -> bool {
        matches!(self, ConceptKind::Skill | ConceptKind::KnowledgeArea)
    }

    /// The table file that holds concepts of this kind in the native format.
    pub fn table_file(self) -> &'static str {
        match self {
            ConceptKind::Skill => "skills.csv",
            ConceptKind::KnowledgeArea => "knowledge_areas.csv",
            ConceptKind::Occupation => "occupations.csv",
            ConceptKind::OccupationTask => "occupation_tasks.csv",
            ConceptKind::Qualification => "qualifications.csv",
            ConceptKind::LearningOffer => "learning_offers.csv",
            ConceptKind::Sector => "sectors.csv",
        }
    }

    /// A dense index `0..ConceptKind::ALL.len()`.
    pub fn index(self) -> usize {
        self as usize
    }
}

str_enum! {
    /// How two concepts are related. Edges point `from → to`.
    RelationKind {
        /// `from` is narrower than `to` (the skill or occupation hierarchy).
        Broader = "broader",
        /// Two capabilities are related (symmetric, stored once).
        Related = "related",
        /// An occupation or task requires a capability.
        Requires = "requires",
        /// An occupation has a task.
        HasTask = "has_task",
        /// A qualification covers a capability (a learning outcome).
        Covers = "covers",
        /// A learning offer teaches a capability.
        Teaches = "teaches",
        /// A learning offer stacks towards a qualification.
        PartOf = "part_of",
        /// A learning offer needs a capability before it can be started.
        Prerequisite = "prerequisite",
        /// An occupation or qualification belongs to a sector.
        InSector = "in_sector",
        /// An entry requirement. From an occupation: it can only be practised with qualification,
        /// registration or licence `to` (each one listed is needed). From a qualification: it is
        /// granted on, or admits with, qualification `to` (any one listed is enough), as a BIG
        /// registration is granted on a nursing diploma.
        RequiresQualification = "requires_qualification",
        /// A curated related occupation: `to` is one of the occupations the source lists as
        /// related to `from` (O*NET's Related Occupations), with a tier and a rank. Directed:
        /// the source's list for `from`, not a symmetric similarity.
        RelatedOccupation = "related_occupation",
    }
}

impl QualificationType {
    /// Whether this is a registration or licence: granted on a qualification (or on an exam),
    /// rather than a programme of its own.
    pub fn is_permit(self) -> bool {
        matches!(
            self,
            QualificationType::Registration | QualificationType::Licence
        )
    }
}

impl RelationKind {
    /// The table file that holds relations of this kind in the native format.
    pub fn table_file(self) -> &'static str {
        match self {
            RelationKind::Broader => "broader.csv",
            RelationKind::Related => "related.csv",
            RelationKind::Requires => "requires.csv",
            RelationKind::HasTask => "has_task.csv",
            RelationKind::Covers => "covers.csv",
            RelationKind::Teaches => "teaches.csv",
            RelationKind::PartOf => "part_of.csv",
            RelationKind::Prerequisite => "prerequisite.csv",
            RelationKind::InSector => "in_sector.csv",
            RelationKind::RequiresQualification => "requires_qualification.csv",
            RelationKind::RelatedOccupation => "related_occupation.csv",
        }
    }

    /// A dense index `0..RelationKind::ALL.len()`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether an edge of this kind may go from a `from` concept to a `to` concept.
    pub fn allows(self, from: ConceptKind, to: ConceptKind) -> bool {
        use ConceptKind as C;
        match self {
            RelationKind::Broader => {
                (from.is_capability() && to.is_capability())
                    || (from == C::Occupation && to == C::Occupation)
            }
            RelationKind::Related => from.is_capability() && to.is_capability(),
            RelationKind::Requires => {
                matches!(from, C::Occupation | C::OccupationTask) && to.is_capability()
            }
            RelationKind::HasTask => from == C::Occupation && to == C::OccupationTask,
            RelationKind::Covers => from == C::Qualification && to.is_capability(),
            RelationKind::Teaches | RelationKind::Prerequisite => {
                from == C::LearningOffer && to.is_capability()
            }
            RelationKind::PartOf => from == C::LearningOffer && to == C::Qualification,
            RelationKind::InSector => {
                matches!(from, C::Occupation | C::Qualification) && to == C::Sector
            }
            RelationKind::RequiresQualification => {
                matches!(from, C::Occupation | C::Qualification) && to == C::Qualification
            }
            RelationKind::RelatedOccupation => from == C::Occupation && to == C::Occupation,
        }
    }

    /// A human description of the allowed endpoints, for error messages.
    pub fn endpoints(self) -> &'static str {
        match self {
            RelationKind::Broader => {
                "skill/knowledge_area → skill/knowledge_area, or occupation → occupation"
            }
            RelationKind::Related => "skill/knowledge_area → skill/knowledge_area",
            RelationKind::Requires => "occupation/occupation_task → skill/knowledge_area",
            RelationKind::HasTask => "occupation → occupation_task",
            RelationKind::Covers => "qualification → skill/knowledge_area",
            RelationKind::Teaches | RelationKind::Prerequisite => {
                "learning_offer → skill/knowledge_area"
            }
            RelationKind::PartOf => "learning_offer → qualification",
            RelationKind::InSector => "occupation/qualification → sector",
            RelationKind::RequiresQualification => "occupation/qualification → qualification",
            RelationKind::RelatedOccupation => "occupation → occupation",
        }
    }

    /// Whether this relation kind carries an importance (only `requires`).
    pub fn has_importance(self) -> bool {
        self == RelationKind::Requires
    }

    /// Whether this relation kind may carry a weight and a level on the source's own scale
    /// (only `requires`).
    pub fn has_ratings(self) -> bool {
        self == RelationKind::Requires
    }

    /// Whether this relation kind carries a tier and a rank (only `related_occupation`).
    pub fn has_rank(self) -> bool {
        self == RelationKind::RelatedOccupation
    }

    /// Whether this relation kind may carry a proficiency level.
    pub fn has_level(self) -> bool {
        matches!(
            self,
            RelationKind::Requires
                | RelationKind::Covers
                | RelationKind::Teaches
                | RelationKind::Prerequisite
        )
    }
}

str_enum! {
    /// How much an occupation needs a skill.
    Importance {
        /// Cannot do the job without it.
        Essential = "essential",
        /// Expected in most positions.
        Important = "important",
        /// Useful, asked for in some positions.
        Optional = "optional",
    }
}

str_enum! {
    /// The nature of a skill concept.
    SkillType {
        /// Being able to do something.
        Skill = "skill",
        /// Knowing something.
        Knowledge = "knowledge",
        /// A way of behaving (houding); O*NET's work styles.
        Attitude = "attitude",
        /// An enduring ability that shapes performance (O*NET's abilities: oral
        /// comprehension, manual dexterity, ...).
        Ability = "ability",
        /// A generalised work activity (O*NET's work activities: getting information,
        /// operating vehicles, ...).
        WorkActivity = "work_activity",
        /// A technology: software or equipment used at work (O*NET's technology skills:
        /// spreadsheet software, CAD software, ...). Learnt like a skill.
        Technology = "technology",
    }
}

str_enum! {
    /// The type of a qualification.
    QualificationType {
        /// An mbo diploma (CREBO).
        MboDiploma = "mbo_diploma",
        /// An mbo certificate: a recognised part of an mbo qualification.
        MboCertificate = "mbo_certificate",
        /// A two-year hbo associate degree (CROHO).
        AssociateDegree = "associate_degree",
        /// A bachelor (hbo or wo, CROHO).
        Bachelor = "bachelor",
        /// A master (CROHO).
        Master = "master",
        /// A certificate recognised by a branch (branchecertificaat).
        BranchCertificate = "branch_certificate",
        /// An entry in a public register needed to practise (the BIG register for nurses,
        /// the teachers' qualification for teaching, the security screening pass); granted on
        /// a qualification, not studied for.
        Registration = "registration",
        /// A licence the law asks for the work (driving licence C/CE, code 95).
        Licence = "licence",
    }
}

str_enum! {
    /// The register or classification a code belongs to: of a qualification's `code`, and of
    /// every entry in a concept's `codes`.
    CodeSystem {
        /// Centraal Register Beroepsopleidingen (mbo).
        Crebo = "crebo",
        /// Centraal Register Opleidingen Hoger Onderwijs (hbo, wo).
        Croho = "croho",
        /// Any other register (branch certificates, ...).
        Other = "other",
        /// ISCO-08, the international classification of occupations (1–4 digits). An
        /// occupation's own ISCO code is its `isco` attribute; this system is for other concepts.
        Isco08 = "isco_08",
        /// An O*NET-SOC occupation code (`15-1252.00`).
        OnetSoc = "onet_soc",
        /// An O*NET job zone (1–5: how much preparation an occupation needs).
        OnetJobZone = "onet_job_zone",
        /// ESCO's own code of an occupation (the ISCO code with a suffix, `2654.1.7`).
        Esco = "esco",
        /// A CompetentNL notation (`skos:notation`).
        Competentnl = "competentnl",
        /// The German Klassifikation der Berufe 2010 (5 digits).
        Kldb = "kldb",
        /// A code of Tabiya's own (a local occupation's `CODE`, `I11_1`).
        Tabiya = "tabiya",
        /// A former UUID of a Tabiya concept (its `UUIDHISTORY` after the current one), kept so
        /// an older release's ids can be mapped onto this one (`vaardig import tabiya
        /// --history-mapping`).
        TabiyaUuid = "tabiya_uuid",
    }
}

impl CodeSystem {
    /// Why `code` is not a valid code of this system, or `None` when it is. Every system
    /// wants a non-empty code of at most 200 bytes without whitespace at its ends, control
    /// characters or `|`; some check their own form too.
    pub fn problem(self, code: &str) -> Option<String> {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if code.is_empty() {
            return Some("empty code".to_owned());
        }
        if code.len() > 200 {
            return Some("code longer than 200 bytes".to_owned());
        }
        if code.trim() != code || code.chars().any(|c| c.is_control() || c == '|') {
            return Some(format!(
                "code `{}` has whitespace at an end, a control character or `|`",
                code.escape_debug()
            ));
        }
        let ok = match self {
            CodeSystem::Isco08 => digits(code) && code.len() <= 4,
            CodeSystem::OnetSoc => {
                // NN-NNNN.NN
                let b = code.as_bytes();
                b.len() == 10
                    && b[2] == b'-'
                    && b[7] == b'.'
                    && digits(&code[..2])
                    && digits(&code[3..7])
                    && digits(&code[8..])
            }
            CodeSystem::OnetJobZone => matches!(code, "1" | "2" | "3" | "4" | "5"),
            CodeSystem::Kldb => digits(code) && code.len() <= 5,
            _ => true,
        };
        (!ok).then(|| {
            let form = match self {
                CodeSystem::Isco08 => "1–4 digits",
                CodeSystem::OnetSoc => "NN-NNNN.NN",
                CodeSystem::OnetJobZone => "1 to 5",
                _ => "up to 5 digits",
            };
            format!("`{code}` is not a {self} code ({form})")
        })
    }
}

str_enum! {
    /// Whether a concept is in use.
    Status {
        /// In use (CompetentNL's Actueel).
        Current = "current",
        /// No longer in use, kept for reference (Historisch).
        Historical = "historical",
        /// Withdrawn (Gearchiveerd).
        Archived = "archived",
    }
}

#[allow(clippy::derivable_impls)] // the enum's derives come from `str_enum!`
impl Default for Status {
    fn default() -> Self {
        Status::Current
    }
}

impl Status {
    /// Whether this is [`Status::Current`] (the default, left out of serialised forms).
    pub fn is_current(&self) -> bool {
        *self == Status::Current
    }
}

str_enum! {
    /// How a concept matches a concept of another taxonomy (the SKOS mapping properties).
    MatchKind {
        /// The same concept (`skos:exactMatch`).
        Exact = "exact",
        /// Close enough to be used in its place in some applications (`skos:closeMatch`).
        Close = "close",
        /// The other concept is broader (`skos:broadMatch`).
        Broad = "broad",
        /// The other concept is narrower (`skos:narrowMatch`).
        Narrow = "narrow",
        /// Associated (`skos:relatedMatch`).
        Related = "related",
    }
}

str_enum! {
    /// What a note on a concept is.
    NoteKind {
        /// A general note (`skos:note`).
        Note = "note",
        /// What the concept does and does not cover (`skos:scopeNote`).
        ScopeNote = "scope_note",
        /// A note on a regulated profession (ESCO's `regulatedProfessionNote`).
        Regulation = "regulation",
    }
}

str_enum! {
    /// The source scale a requirement's numeric weight or level is on.
    Scale {
        /// O*NET importance, `IM`: 1 (not important) to 5 (extremely important).
        OnetIm = "onet_im",
        /// O*NET level, `LV`: 0 to 7.
        OnetLv = "onet_lv",
        /// Tabiya's signalling value: 0 to 1.
        TabiyaSignalling = "tabiya_signalling",
        /// CompetentNL's three requirement levels: 1 somewhat relevant, 2 important,
        /// 3 essential.
        Competentnl = "competentnl",
        /// ESCO's two relation types: 1 optional, 2 essential.
        Esco = "esco",
    }
}

impl Scale {
    /// The lowest and highest value on the scale (both included).
    pub fn range(self) -> (f64, f64) {
        match self {
            Scale::OnetIm => (1.0, 5.0),
            Scale::OnetLv => (0.0, 7.0),
            Scale::TabiyaSignalling => (0.0, 1.0),
            Scale::Competentnl => (1.0, 3.0),
            Scale::Esco => (1.0, 2.0),
        }
    }
}

str_enum! {
    /// The tier of a curated related occupation (O*NET's Relatedness Tier).
    Tier {
        /// Among the most related, first part of the list (O*NET `Primary-Short`).
        PrimaryShort = "primary_short",
        /// Among the most related, rest of the list (`Primary-Long`).
        PrimaryLong = "primary_long",
        /// Related, less so (`Supplemental`).
        Supplemental = "supplemental",
    }
}

str_enum! {
    /// The kind of a learning offer.
    OfferType {
        /// A unit of a formal programme (a module, an mbo keuzedeel, ...).
        FormalUnit = "formal_unit",
        /// A non-formal course.
        Course = "course",
        /// A microcredential: small, certified, stackable.
        Microcredential = "microcredential",
    }
}

str_enum! {
    /// Who provides a learning offer.
    ProviderType {
        /// A publicly funded institution (ROC, hogeschool, university).
        Public = "public",
        /// A private training provider.
        Private = "private",
    }
}

/// Defines a bounded integer newtype.
macro_rules! bounded_u8 {
    ($(#[$meta:meta])* $name:ident, $min:literal ..= $max:literal, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(value_type = u8))]
        #[serde(try_from = "u8", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// The lowest value.
            pub const MIN: $name = $name($min);
            /// The highest value.
            pub const MAX: $name = $name($max);

            /// Makes a value, or `None` when it is out of range.
            pub fn new(value: u8) -> Option<Self> {
                ($min..=$max).contains(&value).then_some($name(value))
            }

            /// The number.
            pub fn get(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u8> for $name {
            type Error = OutOfRange;

            fn try_from(value: u8) -> Result<Self, Self::Error> {
                $name::new(value).ok_or(OutOfRange { what: $what, value: value.to_string(), min: $min, max: $max })
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value.0
            }
        }

        impl FromStr for $name {
            type Err = OutOfRange;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let err = || OutOfRange { what: $what, value: s.chars().take(40).collect(), min: $min, max: $max };
                let n: u8 = s.trim().parse().map_err(|_| err())?;
                $name::new(n).ok_or_else(err)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

/// A number outside its allowed range (or not a number at all).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} `{value}` is not a whole number from {min} to {max}")]
pub struct OutOfRange {
    /// What was being parsed.
    pub what: &'static str,
    /// The rejected text.
    pub value: String,
    /// The lowest allowed value.
    pub min: u8,
    /// The highest allowed value.
    pub max: u8,
}

bounded_u8! {
    /// A level of the Dutch qualifications framework NLQF (1–8; mbo-2 is 2, mbo-4 is 4, bachelor 6).
    Nlqf, 1..=8, "NLQF level"
}

bounded_u8! {
    /// A proficiency level, 1 (basic) to 5 (expert).
    Level, 1..=5, "proficiency level"
}
