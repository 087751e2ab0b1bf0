//! Learning rights: a [`FundingScheme`] abstraction and two built-in schemes from current Dutch
//! policy proposals, every number a parameter.
//!
//! - [`LearningRights`] (leerrechten): a basic right of one 40-hour week (EUR 300) per year for
//!   40 years from age 27, plus one extra week per year for people without a startkwalificatie or
//!   at mbo-2, and half a week per year at mbo-3/4.
//! - [`PublicScheme`] (publiek tot mbo-4): funds offers only up to NLQF 4, without a euro cap.

use std::fmt;

use serde::{Deserialize, Serialize};
use vaardig_core::Nlqf;

use crate::lang::{Lang, amount, plural};
use crate::profile::MAX_AGE;
use crate::scorer::OfferInfo;

/// What a funding scheme needs to know about a person.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Person {
    /// Age in years, when known.
    pub age: Option<u8>,
    /// Highest completed NLQF level; `None` means none (no startkwalificatie).
    pub nlqf: Option<Nlqf>,
    /// Budget already used, in euros.
    pub used_eur: f64,
}

impl From<&crate::Profile> for Person {
    fn from(p: &crate::Profile) -> Self {
        Person {
            age: p.age,
            nlqf: p.nlqf,
            used_eur: p.used_eur,
        }
    }
}

/// What a scheme makes available to one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Budget {
    /// The scheme's id, e.g. `leerrechten`.
    pub scheme: String,
    /// The whole-life entitlement in euros (`None`: no cap).
    pub lifetime_eur: Option<f64>,
    /// What has accrued so far (`None`: no cap).
    pub accrued_eur: Option<f64>,
    /// Already used.
    pub used_eur: f64,
    /// What can be spent now (`None`: no cap).
    pub available_eur: Option<f64>,
    /// The available budget in study hours at the scheme's rate (`None`: no cap or no rate).
    pub available_hours: Option<f64>,
}

impl Budget {
    /// Whether spending `eur` fits.
    pub fn fits(&self, eur: f64) -> bool {
        self.available_eur.is_none_or(|a| eur <= a + 1e-9)
    }
}

/// A person's budget cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RightsError {
    /// The scheme depends on age and none is known.
    #[error(
        "the scheme `{scheme}` needs the person's age (add `age` to the profile, or give `--age` on the command line)"
    )]
    MissingAge {
        /// The scheme's id.
        scheme: String,
    },
    /// An age no person has.
    #[error("age {age} is above {MAX_AGE}, the highest a profile may state")]
    AgeOutOfRange {
        /// The age given.
        age: u8,
    },
    /// An unknown scheme id.
    #[error("unknown funding scheme `{0}` (expected leerrechten or publiek-tot-mbo4)")]
    UnknownScheme(String),
}

/// A way learning is paid for: how much a person may spend and which offers qualify.
pub trait FundingScheme: fmt::Debug + Send + Sync {
    /// A stable id, e.g. `leerrechten`.
    fn id(&self) -> &str;
    /// A short name in `lang`.
    fn name(&self, lang: Lang) -> &str;
    /// What the scheme makes available to `person`.
    fn budget(&self, person: &Person) -> Result<Budget, RightsError>;
    /// Whether the scheme pays for an offer.
    fn eligible(&self, offer: &OfferInfo) -> bool;
}

/// Individual learning rights (leerrechten), accrued per year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LearningRights {
    /// The age at which rights start accruing (27).
    pub start_age: u8,
    /// For how many years they accrue (40).
    pub years: u8,
    /// Hours in one study week (40).
    pub week_hours: f64,
    /// Euros per study week (300).
    pub week_eur: f64,
    /// Basic weeks per year for everyone (1).
    pub basic_weeks: f64,
    /// Extra weeks per year without a startkwalificatie or at mbo-2 (1).
    pub low_extra_weeks: f64,
    /// The highest NLQF level that gets `low_extra_weeks` (2, mbo-2).
    pub low_max_nlqf: u8,
    /// Extra weeks per year at mbo-3/4 (0.5).
    pub mid_extra_weeks: f64,
    /// The highest NLQF level that gets `mid_extra_weeks` (4, mbo-4).
    pub mid_max_nlqf: u8,
    /// Whether rights accrue year by year (true) or are all available from `start_age` (false).
    pub yearly: bool,
    /// From this age on nothing accrues and nothing can be spent: the AOW (state pension)
    /// age (67).
    pub end_age: u8,
}

impl Default for LearningRights {
    fn default() -> Self {
        LearningRights {
            start_age: 27,
            years: 40,
            week_hours: 40.0,
            week_eur: 300.0,
            basic_weeks: 1.0,
            low_extra_weeks: 1.0,
            low_max_nlqf: 2,
            mid_extra_weeks: 0.5,
            mid_max_nlqf: 4,
            yearly: true,
            end_age: 67,
        }
    }
}

/// The learning-rights arithmetic for one person, with the rule it applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Entitlement {
    /// Study weeks accrued per year.
    pub weeks_per_year: f64,
    /// Of which extra weeks for the person's NLQF level.
    pub extra_weeks_per_year: f64,
    /// Euros per study week.
    pub week_eur: f64,
    /// Hours in one study week.
    pub week_hours: f64,
    /// The age at which accrual starts.
    pub start_age: u8,
    /// The age from which nothing accrues or can be spent (AOW age).
    pub end_age: u8,
    /// Years accrued so far.
    pub years_accrued: u8,
    /// The whole-life entitlement in euros.
    pub lifetime_eur: f64,
    /// Accrued so far.
    pub accrued_eur: f64,
    /// Already used.
    pub used_eur: f64,
    /// Available now: accrued minus used, at least 0 (0 from `end_age` on).
    pub available_eur: f64,
    /// `available_eur` as study weeks at the scheme's price per week.
    pub available_weeks: f64,
    /// `available_weeks × week_hours`: hours at the scheme's price, not what a chosen course
    /// costs per hour (a route shows that).
    pub available_hours: f64,
    /// Whether the person is at or past `end_age`.
    pub ended: bool,
}

impl Entitlement {
    /// The rule and the arithmetic, in plain words.
    ///
    /// ```
    /// use vaardig_core::Nlqf;
    /// use vaardig_score::{Lang, LearningRights};
    ///
    /// let e = LearningRights::default().entitlement(30, Nlqf::new(2), 0.0);
    /// let nl = e.explain(Lang::Nl);
    /// assert!(nl.contains("vanaf 27 jaar"), "{nl}");
    /// assert!(nl.contains("€ 2.400"), "{nl}");
    /// ```
    pub fn explain(&self, lang: Lang) -> String {
        let eur = |x| euros(lang, x);
        let weeks = |x: f64| amount_nl_en(lang, x);
        let rule = match lang {
            Lang::Nl => format!(
                "Regel: vanaf {} jaar tot de AOW-leeftijd ({}) bouwt u elk jaar {} {} op ({}), \
                 {} per week van {} uur.",
                self.start_age,
                self.end_age,
                weeks(self.weeks_per_year),
                plural(self.weeks_per_year, "studieweek", "studieweken"),
                if self.extra_weeks_per_year > 0.0 {
                    format!(
                        "waarvan {} extra voor uw opleidingsniveau",
                        weeks(self.extra_weeks_per_year)
                    )
                } else {
                    "geen extra weken voor uw opleidingsniveau".to_owned()
                },
                eur(self.week_eur),
                weeks(self.week_hours)
            ),
            Lang::En => format!(
                "Rule: from age {} until the state pension age ({}) you accrue {} {} a year ({}), \
                 at {} per week of {} hours.",
                self.start_age,
                self.end_age,
                weeks(self.weeks_per_year),
                plural(self.weeks_per_year, "study week", "study weeks"),
                if self.extra_weeks_per_year > 0.0 {
                    format!(
                        "of which {} extra for your level of education",
                        weeks(self.extra_weeks_per_year)
                    )
                } else {
                    "no extra weeks for your level of education".to_owned()
                },
                eur(self.week_eur),
                weeks(self.week_hours)
            ),
        };
        let now = if self.ended {
            match lang {
                Lang::Nl => format!(
                    "Vanaf {} jaar zijn er geen leerrechten meer: {} beschikbaar.",
                    self.end_age,
                    eur(0.0)
                ),
                Lang::En => format!(
                    "From age {} there are no learning rights: {} available.",
                    self.end_age,
                    eur(0.0)
                ),
            }
        } else {
            match lang {
                Lang::Nl => format!(
                    "{} {} opgebouwd: {} van {} voor het hele leven; {} gebruikt; nu {} beschikbaar \
                     ({} {}).",
                    self.years_accrued,
                    "jaar",
                    eur(self.accrued_eur),
                    eur(self.lifetime_eur),
                    eur(self.used_eur),
                    eur(self.available_eur),
                    weeks(self.available_weeks),
                    plural(self.available_weeks, "studieweek", "studieweken"),
                ),
                Lang::En => format!(
                    "{} {} accrued: {} of {} over a lifetime; {} used; {} available now ({} {}).",
                    self.years_accrued,
                    plural(f64::from(self.years_accrued), "year", "years"),
                    eur(self.accrued_eur),
                    eur(self.lifetime_eur),
                    eur(self.used_eur),
                    eur(self.available_eur),
                    weeks(self.available_weeks),
                    plural(self.available_weeks, "study week", "study weeks"),
                ),
            }
        };
        format!("{rule} {now}")
    }
}

/// A number with the language's decimal mark: `1,5` in Dutch, `1.5` in English.
fn amount_nl_en(lang: Lang, x: f64) -> String {
    let s = amount(x);
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// An amount in euros as each language writes it: `€ 15.600` and `€ 12,50` in Dutch,
/// `€15,600` and `€12.50` in English.
///
/// ```
/// use vaardig_score::{Lang, euros};
/// assert_eq!(euros(Lang::Nl, 15_600.0), "€ 15.600");
/// assert_eq!(euros(Lang::Nl, 12.5), "€ 12,50");
/// assert_eq!(euros(Lang::En, 15_600.0), "€15,600");
/// assert_eq!(euros(Lang::En, -0.0), "€0");
/// ```
pub fn euros(lang: Lang, x: f64) -> String {
    let x = if x.is_finite() && x.abs() >= 0.005 {
        x
    } else {
        0.0
    };
    let cents = (x.abs() * 100.0).round() as u64;
    let (whole, frac) = (cents / 100, cents % 100);
    let (group, decimal, prefix) = match lang {
        Lang::Nl => ('.', ',', "€ "),
        Lang::En => (',', '.', "€"),
    };
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{prefix}{grouped}")
    } else {
        format!("{sign}{prefix}{grouped}{decimal}{frac:02}")
    }
}

impl LearningRights {
    /// Weeks per year for someone at `nlqf` (`None`: no startkwalificatie).
    pub fn weeks_per_year(&self, nlqf: Option<Nlqf>) -> f64 {
        let level = nlqf.map_or(0, Nlqf::get);
        let extra = if level <= self.low_max_nlqf {
            self.low_extra_weeks
        } else if level <= self.mid_max_nlqf {
            self.mid_extra_weeks
        } else {
            0.0
        };
        self.basic_weeks + extra
    }

    /// The entitlement of a person of `age` at `nlqf` who used `used_eur`.
    ///
    /// ```
    /// use vaardig_core::Nlqf;
    /// use vaardig_score::LearningRights;
    ///
    /// let e = LearningRights::default().entitlement(30, Nlqf::new(2), 0.0);
    /// assert_eq!(e.lifetime_eur, 24_000.0); // 40 years × 2 weeks × EUR 300
    /// assert_eq!(e.available_eur, 2_400.0); // 4 years accrued (27, 28, 29, 30)
    /// assert_eq!(e.available_hours, 320.0);
    /// ```
    pub fn entitlement(&self, age: u8, nlqf: Option<Nlqf>, used_eur: f64) -> Entitlement {
        let weeks = self.weeks_per_year(nlqf);
        let per_year = weeks * self.week_eur;
        // Accrual runs from start_age for `years` years, and never past end_age.
        let span = self.years.min(self.end_age.saturating_sub(self.start_age));
        let years_accrued = if age < self.start_age {
            0
        } else if self.yearly {
            (age - self.start_age).saturating_add(1).min(span)
        } else {
            span
        };
        let ended = age >= self.end_age;
        let lifetime_eur = per_year * f64::from(span);
        let accrued_eur = per_year * f64::from(years_accrued);
        // Not `max(0.0)`: that may keep -0.0, which prints as `EUR -0.00`.
        let used_eur = if used_eur.is_finite() && used_eur > 0.0 {
            used_eur
        } else {
            0.0
        };
        let available_eur = if ended {
            0.0
        } else {
            (accrued_eur - used_eur).max(0.0)
        };
        let available_weeks = if self.week_eur > 0.0 {
            available_eur / self.week_eur
        } else {
            0.0
        };
        Entitlement {
            weeks_per_year: weeks,
            extra_weeks_per_year: weeks - self.basic_weeks,
            week_eur: self.week_eur,
            week_hours: self.week_hours,
            start_age: self.start_age,
            end_age: self.end_age,
            years_accrued,
            lifetime_eur,
            accrued_eur,
            used_eur,
            available_eur,
            available_weeks,
            available_hours: available_weeks * self.week_hours,
            ended,
        }
    }
}

impl FundingScheme for LearningRights {
    fn id(&self) -> &str {
        "leerrechten"
    }

    fn name(&self, lang: Lang) -> &str {
        lang.pick("leerrechten", "individual learning rights")
    }

    fn budget(&self, person: &Person) -> Result<Budget, RightsError> {
        let age = person.age.ok_or_else(|| RightsError::MissingAge {
            scheme: self.id().to_owned(),
        })?;
        if age > MAX_AGE {
            return Err(RightsError::AgeOutOfRange { age });
        }
        let e = self.entitlement(age, person.nlqf, person.used_eur);
        Ok(Budget {
            scheme: self.id().to_owned(),
            lifetime_eur: Some(e.lifetime_eur),
            accrued_eur: Some(e.accrued_eur),
            used_eur: e.used_eur,
            available_eur: Some(e.available_eur),
            available_hours: Some(e.available_hours),
        })
    }

    fn eligible(&self, _offer: &OfferInfo) -> bool {
        true
    }
}

/// A public scheme that funds offers up to an NLQF level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicScheme {
    /// The highest NLQF level funded (4, mbo-4).
    pub max_nlqf: u8,
    /// Whether offers without an NLQF level are funded (false: their level cannot be shown).
    pub fund_unlevelled: bool,
    /// Whether only public providers are funded (false).
    pub public_providers_only: bool,
    /// A euro cap per person (none).
    pub cap_eur: Option<f64>,
}

impl Default for PublicScheme {
    fn default() -> Self {
        PublicScheme {
            max_nlqf: 4,
            fund_unlevelled: false,
            public_providers_only: false,
            cap_eur: None,
        }
    }
}

impl FundingScheme for PublicScheme {
    fn id(&self) -> &str {
        "publiek-tot-mbo4"
    }

    fn name(&self, lang: Lang) -> &str {
        lang.pick(
            "publiek gefinancierd tot mbo-4",
            "publicly funded up to mbo-4",
        )
    }

    fn budget(&self, person: &Person) -> Result<Budget, RightsError> {
        let used = if person.used_eur.is_finite() {
            person.used_eur.max(0.0)
        } else {
            0.0
        };
        Ok(Budget {
            scheme: self.id().to_owned(),
            lifetime_eur: self.cap_eur,
            accrued_eur: self.cap_eur,
            used_eur: used,
            available_eur: self.cap_eur.map(|c| (c - used).max(0.0)),
            available_hours: None,
        })
    }

    fn eligible(&self, offer: &OfferInfo) -> bool {
        let level_ok = match offer.nlqf {
            Some(n) => n.get() <= self.max_nlqf,
            None => self.fund_unlevelled,
        };
        level_ok
            && (!self.public_providers_only
                || offer.provider_type == vaardig_core::ProviderType::Public)
    }
}

/// The built-in schemes, by id.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "kebab-case")]
pub enum Scheme {
    /// Individual learning rights (`leerrechten`).
    Leerrechten(LearningRights),
    /// Public funding up to NLQF 4 (`publiek-tot-mbo4`).
    PubliekTotMbo4(PublicScheme),
}

impl Scheme {
    /// The ids of the built-in schemes.
    pub const IDS: &'static [&'static str] = &["leerrechten", "publiek-tot-mbo4"];

    /// A built-in scheme with default parameters.
    pub fn by_id(id: &str) -> Result<Scheme, RightsError> {
        match id {
            "leerrechten" => Ok(Scheme::Leerrechten(LearningRights::default())),
            "publiek-tot-mbo4" => Ok(Scheme::PubliekTotMbo4(PublicScheme::default())),
            other => Err(RightsError::UnknownScheme(other.chars().take(40).collect())),
        }
    }

    /// The scheme as a trait object.
    pub fn as_dyn(&self) -> &dyn FundingScheme {
        match self {
            Scheme::Leerrechten(s) => s,
            Scheme::PubliekTotMbo4(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vaardig_core::{OfferType, ProviderType};

    fn offer(nlqf: Option<u8>) -> OfferInfo {
        OfferInfo {
            hours: 40.0,
            cost_eur: 300.0,
            nlqf: nlqf.and_then(Nlqf::new),
            provider_type: ProviderType::Private,
            offer_type: OfferType::Course,
        }
    }

    #[test]
    fn weeks_follow_the_education_level() {
        let r = LearningRights::default();
        assert_eq!(r.weeks_per_year(None), 2.0);
        assert_eq!(r.weeks_per_year(Nlqf::new(1)), 2.0);
        assert_eq!(r.weeks_per_year(Nlqf::new(2)), 2.0);
        assert_eq!(r.weeks_per_year(Nlqf::new(3)), 1.5);
        assert_eq!(r.weeks_per_year(Nlqf::new(4)), 1.5);
        assert_eq!(r.weeks_per_year(Nlqf::new(6)), 1.0);
    }

    #[test]
    fn entitlement_accrues_from_27_for_40_years() {
        let r = LearningRights::default();
        let young = r.entitlement(20, Nlqf::new(6), 0.0);
        assert_eq!((young.years_accrued, young.available_eur), (0, 0.0));
        assert_eq!(young.lifetime_eur, 12_000.0);
        let at_27 = r.entitlement(27, Nlqf::new(6), 0.0);
        assert_eq!((at_27.years_accrued, at_27.available_eur), (1, 300.0));
        // The last year before the AOW age: all 40 years accrued and available.
        let last = r.entitlement(66, Nlqf::new(3), 100.0);
        assert_eq!(last.years_accrued, 40);
        assert_eq!(last.lifetime_eur, 18_000.0);
        assert_eq!(last.available_eur, 17_900.0);
        assert!(!last.ended);
        // From the AOW age on nothing is available (a 70-year-old has no lifetime budget left).
        let old = r.entitlement(70, Nlqf::new(3), 100.0);
        assert!(old.ended);
        assert_eq!(old.available_eur, 0.0);
        assert!(
            old.explain(Lang::Nl)
                .contains("Vanaf 67 jaar zijn er geen leerrechten meer")
        );
        assert!(
            old.explain(Lang::En)
                .contains("From age 67 there are no learning rights")
        );
        let overspent = r.entitlement(30, Nlqf::new(6), 10_000.0);
        assert_eq!(overspent.available_eur, 0.0);
        let upfront = LearningRights { yearly: false, ..r }.entitlement(30, None, 0.0);
        assert_eq!(upfront.available_eur, upfront.lifetime_eur);
    }

    #[test]
    fn the_explanation_states_the_rule_in_each_language() {
        let e = LearningRights::default().entitlement(45, Nlqf::new(2), 1250.5);
        let nl = e.explain(Lang::Nl);
        assert!(
            nl.contains("vanaf 27 jaar tot de AOW-leeftijd (67)"),
            "{nl}"
        );
        assert!(nl.contains("2 studieweken"), "{nl}");
        assert!(
            nl.contains("waarvan 1 extra voor uw opleidingsniveau"),
            "{nl}"
        );
        assert!(nl.contains("€ 1.250,50 gebruikt"), "{nl}");
        assert!(nl.contains("€ 300 per week van 40 uur"), "{nl}");
        let en = e.explain(Lang::En);
        assert!(
            en.contains("from age 27 until the state pension age (67)"),
            "{en}"
        );
        assert!(en.contains("€1,250.50 used"), "{en}");
        // 19 years at € 600 = € 11.400, less € 1.250,50 used.
        assert_eq!(e.available_eur, 11_400.0 - 1250.5);
        assert!((e.available_weeks - (11_400.0 - 1250.5) / 300.0).abs() < 1e-9);
    }

    #[test]
    fn an_impossible_age_is_refused_as_a_profile_refuses_it() {
        let r = LearningRights::default();
        let person = Person {
            age: Some(200),
            ..Person::default()
        };
        assert!(matches!(
            r.budget(&person),
            Err(RightsError::AgeOutOfRange { age: 200 })
        ));
        assert!(crate::Profile::from_json(r#"{"age": 200}"#).is_err());
    }

    #[test]
    fn learning_rights_need_an_age() -> Result<(), RightsError> {
        let r = LearningRights::default();
        assert!(matches!(
            r.budget(&Person::default()),
            Err(RightsError::MissingAge { .. })
        ));
        let b = r.budget(&Person {
            age: Some(28),
            nlqf: None,
            used_eur: 0.0,
        })?;
        assert_eq!(b.available_eur, Some(1_200.0));
        assert_eq!(b.available_hours, Some(160.0));
        assert!(b.fits(1_200.0) && !b.fits(1_200.5));
        Ok(())
    }

    #[test]
    fn public_scheme_funds_up_to_nlqf_4() -> Result<(), RightsError> {
        let s = PublicScheme::default();
        assert!(s.eligible(&offer(Some(4))));
        assert!(!s.eligible(&offer(Some(5))));
        assert!(!s.eligible(&offer(None)));
        let b = s.budget(&Person::default())?;
        assert!(b.available_eur.is_none() && b.fits(1e9));
        let public_only = PublicScheme {
            public_providers_only: true,
            ..s
        };
        assert!(!public_only.eligible(&offer(Some(2))));
        Ok(())
    }

    #[test]
    fn schemes_by_id() {
        for id in Scheme::IDS {
            assert_eq!(
                Scheme::by_id(id).map(|s| s.as_dyn().id().to_owned()),
                Ok((*id).to_owned())
            );
        }
        assert!(Scheme::by_id("gratis").is_err());
    }
}
