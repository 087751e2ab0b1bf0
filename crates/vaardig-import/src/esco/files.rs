//! Finding the ESCO CSV tables in one or more directories, and choosing the languages.
//!
//! Per-language tables are named `<table>_<lang>.csv` (`skills_en.csv`, `occupations_nl.csv`);
//! relation tables are language-neutral (`occupationSkillRelations.csv`; ESCO v1.2 adds a
//! language suffix, which is accepted too). Several directories may be given — e.g. the English
//! release and a folder with Dutch occupation labels — and are searched in order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::ImportError;

/// The per-language concept tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LangTable {
    /// ISCO-08 groups.
    IscoGroups,
    /// Skill groups (the upper skills hierarchy).
    SkillGroups,
    /// The skills hierarchy in levels 0–3.
    SkillsHierarchy,
    /// Skills and knowledge.
    Skills,
    /// Occupations.
    Occupations,
}

impl LangTable {
    /// Every table, in reading order.
    pub(crate) const ALL: [LangTable; 5] = [
        LangTable::IscoGroups,
        LangTable::SkillGroups,
        LangTable::SkillsHierarchy,
        LangTable::Skills,
        LangTable::Occupations,
    ];

    /// The file name stem.
    pub(crate) fn stem(self) -> &'static str {
        match self {
            LangTable::IscoGroups => "ISCOGroups",
            LangTable::SkillGroups => "skillGroups",
            LangTable::SkillsHierarchy => "skillsHierarchy",
            LangTable::Skills => "skills",
            LangTable::Occupations => "occupations",
        }
    }
}

/// The language-neutral relation tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RelTable {
    /// Broader links in the skills pillar.
    BroaderSkills,
    /// Broader links in the occupations pillar.
    BroaderOccupations,
    /// Occupation → skill, essential or optional.
    OccupationSkills,
    /// Skill → skill.
    SkillSkills,
}

impl RelTable {
    /// Every table, in reading order.
    pub(crate) const ALL: [RelTable; 4] = [
        RelTable::BroaderSkills,
        RelTable::BroaderOccupations,
        RelTable::OccupationSkills,
        RelTable::SkillSkills,
    ];

    /// The file name stem.
    pub(crate) fn stem(self) -> &'static str {
        match self {
            RelTable::BroaderSkills => "broaderRelationsSkillPillar",
            RelTable::BroaderOccupations => "broaderRelationsOccPillar",
            RelTable::OccupationSkills => "occupationSkillRelations",
            RelTable::SkillSkills => "skillSkillRelations",
        }
    }
}

/// The ESCO tables found, by table and language.
#[derive(Debug, Default)]
pub(crate) struct EscoFiles {
    /// `(table, language) → path`; the first directory that has a file wins.
    pub(crate) lang: BTreeMap<(LangTable, String), PathBuf>,
    /// `table → (language suffix if any, path)`.
    pub(crate) rel: BTreeMap<RelTable, Vec<(Option<String>, PathBuf)>>,
    /// The directories searched, for messages.
    pub(crate) dirs: Vec<PathBuf>,
}

impl EscoFiles {
    /// Lists the ESCO tables in `dirs` (in order; an earlier directory wins).
    pub(crate) fn discover(dirs: &[PathBuf]) -> Result<EscoFiles, ImportError> {
        let mut found = EscoFiles {
            dirs: dirs.to_vec(),
            ..EscoFiles::default()
        };
        for dir in dirs {
            let entries = std::fs::read_dir(dir).map_err(|source| ImportError::Io {
                path: dir.clone(),
                source,
            })?;
            let mut names: Vec<(String, PathBuf)> = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|source| ImportError::Io {
                    path: dir.clone(),
                    source,
                })?;
                if let Some(name) = entry.file_name().to_str() {
                    names.push((name.to_owned(), entry.path()));
                }
            }
            names.sort();
            for (name, path) in names {
                let Some(stem) = name.strip_suffix(".csv") else {
                    continue;
                };
                if let Some(table) = RelTable::ALL.iter().find(|t| t.stem() == stem) {
                    found.rel.entry(*table).or_default().push((None, path));
                    continue;
                }
                let Some((base, lang)) = stem.rsplit_once('_') else {
                    continue;
                };
                // `occupations_en.csv`, `skills_pt-br.csv`: a BCP 47 tag, normalised (`pt-BR`).
                let Ok(lang) = vaardig_core::normalise_language(lang) else {
                    continue;
                };
                let lang = lang.as_str();
                if let Some(table) = LangTable::ALL.iter().find(|t| t.stem() == base) {
                    found.lang.entry((*table, lang.to_owned())).or_insert(path);
                } else if let Some(table) = RelTable::ALL.iter().find(|t| t.stem() == base) {
                    found
                        .rel
                        .entry(*table)
                        .or_default()
                        .push((Some(lang.to_owned()), path));
                }
            }
        }
        Ok(found)
    }

    /// Languages with both a skills and an occupations table: those that can be primary.
    pub(crate) fn complete_languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .lang
            .keys()
            .filter(|(t, _)| *t == LangTable::Skills)
            .map(|(_, l)| l.clone())
            .filter(|l| self.has(LangTable::Occupations, l))
            .collect();
        out.dedup();
        out
    }

    /// Every language with at least one concept table.
    pub(crate) fn all_languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .lang
            .keys()
            .filter(|(t, _)| *t != LangTable::IscoGroups)
            .map(|(_, l)| l.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Whether the table exists in `lang`.
    pub(crate) fn has(&self, table: LangTable, lang: &str) -> bool {
        self.lang.contains_key(&(table, lang.to_owned()))
    }

    /// The table in `lang`.
    pub(crate) fn get(&self, table: LangTable, lang: &str) -> Option<&Path> {
        self.lang
            .get(&(table, lang.to_owned()))
            .map(PathBuf::as_path)
    }

    /// The relation table: the language-neutral file, else the one suffixed with `primary`, else
    /// any suffixed one (they hold the same links).
    pub(crate) fn relation(&self, table: RelTable, primary: &str) -> Option<&Path> {
        let files = self.rel.get(&table)?;
        files
            .iter()
            .find(|(l, _)| l.is_none())
            .or_else(|| files.iter().find(|(l, _)| l.as_deref() == Some(primary)))
            .or_else(|| files.first())
            .map(|(_, p)| p.as_path())
    }

    /// Where `table` in `lang` was looked for, for a missing-file error.
    pub(crate) fn looked_for(&self, table: LangTable, lang: &str) -> Vec<String> {
        self.dirs
            .iter()
            .map(|d| {
                d.join(format!("{}_{lang}.csv", table.stem()))
                    .display()
                    .to_string()
            })
            .collect()
    }
}

/// Picks the manifest languages, primary first.
///
/// The primary language must have both the skills and the occupations table (its labels are
/// required for every concept). With `requested`, the first requested language that qualifies
/// becomes primary and the others follow in the order given; every requested language must have
/// at least one table. Without, every language found is used: the qualifying ones first
/// (alphabetically), then the rest. Returns the languages and, when the order differs from the
/// request, a note saying why.
pub(crate) fn choose_languages(
    files: &EscoFiles,
    requested: Option<&[String]>,
) -> Result<(Vec<String>, Option<String>), ImportError> {
    let complete = files.complete_languages();
    let available = files.all_languages();
    let wanted: Vec<String> = match requested {
        Some(list) => {
            let mut out: Vec<String> = Vec::new();
            for lang in list {
                if lang.trim().is_empty() {
                    continue;
                }
                let lang = vaardig_core::normalise_language(lang.trim())
                    .map_err(|e| ImportError::Options(format!("--languages: {e}")))?;
                if out.contains(&lang) {
                    continue;
                }
                if !available.contains(&lang) {
                    return Err(ImportError::Options(format!(
                        "no ESCO concept table in `{lang}` in {} (found languages: {})",
                        describe_dirs(&files.dirs),
                        if available.is_empty() {
                            "none".to_owned()
                        } else {
                            available.join(", ")
                        }
                    )));
                }
                out.push(lang);
            }
            out
        }
        None => {
            let mut out = complete.clone();
            out.extend(available.iter().filter(|l| !complete.contains(l)).cloned());
            out
        }
    };
    let Some(primary) = wanted.iter().find(|l| complete.contains(l)).cloned() else {
        if complete.is_empty() {
            return Err(ImportError::MissingFile {
                what: "an ESCO skills table and occupations table in one language".to_owned(),
                looked_for: files
                    .dirs
                    .iter()
                    .map(|d| {
                        d.join("{skills,occupations}_<lang>.csv")
                            .display()
                            .to_string()
                    })
                    .collect(),
            });
        }
        return Err(ImportError::Options(format!(
            "none of the languages {} has both a skills and an occupations table, so none can label every concept as the primary language; {} can (add it to the languages)",
            wanted.join(", "),
            complete.join(", ")
        )));
    };
    let mut languages = vec![primary.clone()];
    languages.extend(wanted.iter().filter(|l| **l != primary).cloned());
    let note = (wanted.first() != Some(&primary)).then(|| {
        format!(
            "primary language is `{primary}`: {} has no skills or no occupations table, so it cannot label every concept",
            wanted
                .iter()
                .take_while(|l| **l != primary)
                .map(|l| format!("`{l}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    });
    Ok((languages, note))
}

fn describe_dirs(dirs: &[PathBuf]) -> String {
    dirs.iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
