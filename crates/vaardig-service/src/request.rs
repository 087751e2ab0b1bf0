//! The questions every front asks, with the same defaults as the CLI's flags, deserialisable
//! from JSON (unknown fields are refused) and turned into the library's options.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use vaardig_core::Nlqf;
use vaardig_score::{Optimise, RankBy, Scheme, TransitionOptions};

use crate::error::ServiceError;
use crate::person::Person;

/// Splits one JSON object into the person (`profile`, `skills`) and the question (every other
/// field), so a request reads `{"profile": {...}, "skills": [...], "occupation": "..."}`.
///
/// ```
/// use vaardig_service::request::{GapQuery, split};
///
/// let body = serde_json::json!({"skills": ["wondzorg"], "occupation": "occ:verzorgende-ig"});
/// let (person, query): (_, GapQuery) = split(body)?;
/// assert_eq!(person.skills, ["wondzorg"]);
/// assert_eq!(query.occupation, "occ:verzorgende-ig");
/// # Ok::<(), vaardig_service::ServiceError>(())
/// ```
///
/// # Errors
/// [`ServiceError::InvalidRequest`] when the value is not an object, a field is unknown or has
/// the wrong type.
pub fn split<Q: DeserializeOwned>(body: serde_json::Value) -> Result<(Person, Q), ServiceError> {
    let serde_json::Value::Object(mut fields) = body else {
        return Err(ServiceError::InvalidRequest(
            "the request body must be a JSON object".into(),
        ));
    };
    let mut person = serde_json::Map::new();
    for key in ["profile", "skills"] {
        if let Some(v) = fields.remove(key) {
            person.insert(key.to_owned(), v);
        }
    }
    let invalid = |e: serde_json::Error| ServiceError::InvalidRequest(e.to_string());
    let person: Person =
        serde_json::from_value(serde_json::Value::Object(person)).map_err(invalid)?;
    let query: Q = serde_json::from_value(serde_json::Value::Object(fields)).map_err(invalid)?;
    Ok((person, query))
}

/// `gap`: the occupation to compare with.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GapQuery {
    /// The occupation id or URI.
    pub occupation: String,
}

fn ten() -> usize {
    10
}

fn five() -> usize {
    5
}

fn leerrechten() -> String {
    "leerrechten".to_owned()
}

/// `transitions`: filters, order and limit (defaults: 10, combined order).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TransitionsQuery {
    /// Start from this occupation (id or URI) instead of a person.
    #[serde(default)]
    pub from: Option<String>,
    /// At most this many occupations.
    #[serde(default = "ten")]
    pub limit: usize,
    /// Only occupations in a shortage sector.
    #[serde(default)]
    pub shortage_only: bool,
    /// Only occupations in this sector.
    #[serde(default)]
    pub sector: Option<String>,
    /// Only occupations whose estimated study hours are at most this many.
    #[serde(default)]
    pub max_gap_hours: Option<f64>,
    /// The order.
    #[serde(default)]
    pub rank_by: RankBy,
}

impl Default for TransitionsQuery {
    fn default() -> Self {
        TransitionsQuery {
            from: None,
            limit: ten(),
            shortage_only: false,
            sector: None,
            max_gap_hours: None,
            rank_by: RankBy::default(),
        }
    }
}

impl TransitionsQuery {
    /// The library's options, after checking the hours. A limit above the number of
    /// occupations, or 0, is no error: it only caps the list.
    pub fn options(&self) -> Result<TransitionOptions, ServiceError> {
        if let Some(h) = self.max_gap_hours
            && !(h.is_finite() && h >= 0.0)
        {
            return Err(ServiceError::InvalidRequest(
                "max_gap_hours must be a non-negative number".into(),
            ));
        }
        Ok(TransitionOptions {
            sector: self.sector.clone(),
            shortage_only: self.shortage_only,
            max_gap_hours: self.max_gap_hours,
            limit: Some(self.limit),
            include_current: false,
            rank_by: self.rank_by,
            only: None,
        })
    }
}

/// `route`: the target and the constraints (default: unconstrained, fewest hours).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RouteQuery {
    /// The target occupation.
    pub to: String,
    /// Keep the route within this funding scheme (`leerrechten`, `publiek-tot-mbo4`).
    #[serde(default)]
    pub scheme: Option<String>,
    /// What to minimise.
    #[serde(default)]
    pub optimise: Optimise,
    /// The highest NLQF level an offer may have.
    #[serde(default)]
    pub max_nlqf: Option<Nlqf>,
    /// Also close gaps in important (not only essential) skills.
    #[serde(default)]
    pub include_important: bool,
}

impl RouteQuery {
    /// The funding scheme named, if any.
    pub fn scheme(&self) -> Result<Option<Scheme>, ServiceError> {
        Ok(self.scheme.as_deref().map(Scheme::by_id).transpose()?)
    }
}

/// `advies`: the whole advice (defaults: 5 transitions, learning rights, fewest hours).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdviceQuery {
    /// The target occupation (default: the best-ranked transition).
    #[serde(default)]
    pub to: Option<String>,
    /// How many transitions to list.
    #[serde(default = "five")]
    pub limit: usize,
    /// Only occupations in a shortage sector.
    #[serde(default)]
    pub shortage_only: bool,
    /// The funding scheme the route must fit.
    #[serde(default = "leerrechten")]
    pub scheme: String,
    /// What the route minimises.
    #[serde(default)]
    pub optimise: Optimise,
}

impl Default for AdviceQuery {
    fn default() -> Self {
        AdviceQuery {
            to: None,
            limit: five(),
            shortage_only: false,
            scheme: leerrechten(),
            optimise: Optimise::default(),
        }
    }
}

impl AdviceQuery {
    /// The transition options of the advice.
    pub fn transition_options(&self) -> TransitionOptions {
        TransitionOptions {
            shortage_only: self.shortage_only,
            limit: Some(self.limit),
            ..Default::default()
        }
    }
}

/// `rights`: a person's learning rights under the default `leerrechten` scheme.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RightsQuery {
    /// Age in years.
    pub age: u8,
    /// Highest completed NLQF level (0: none).
    pub nlqf: u8,
    /// Learning budget already used, in euros.
    #[serde(default)]
    pub used_eur: f64,
}

impl RightsQuery {
    /// Checks the values a type cannot: NLQF 0–8 and a non-negative amount. (Any age is
    /// answered: the scheme stops accruing at its own maximum age.)
    pub fn check(&self) -> Result<(), ServiceError> {
        if self.nlqf > 8 {
            return Err(ServiceError::InvalidRequest(format!(
                "nlqf must be between 0 and 8, not {}",
                self.nlqf
            )));
        }
        if !(self.used_eur.is_finite() && self.used_eur >= 0.0) {
            return Err(ServiceError::InvalidRequest(
                "used_eur must be a non-negative amount".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_cli_defaults() -> Result<(), serde_json::Error> {
        let t: TransitionsQuery = serde_json::from_str("{}")?;
        assert_eq!(t, TransitionsQuery::default());
        assert_eq!(t.limit, 10);
        let a: AdviceQuery = serde_json::from_str("{}")?;
        assert_eq!((a.limit, a.scheme.as_str()), (5, "leerrechten"));
        Ok(())
    }

    #[test]
    fn bad_values_are_invalid_requests() {
        let t = TransitionsQuery {
            max_gap_hours: Some(f64::NAN),
            ..Default::default()
        };
        assert_eq!(t.options().map_err(|e| e.code()), Err("invalid_request"));
        let r = RightsQuery {
            age: 30,
            nlqf: 9,
            used_eur: 0.0,
        };
        assert_eq!(r.check().map_err(|e| e.code()), Err("invalid_request"));
        let r = RightsQuery {
            age: 30,
            nlqf: 2,
            used_eur: -1.0,
        };
        assert!(r.check().is_err());
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(serde_json::from_str::<RouteQuery>(r#"{"to": "x", "budget": 3}"#).is_err());
    }
}
