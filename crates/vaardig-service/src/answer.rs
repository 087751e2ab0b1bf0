//! The answers that are more than one library type, and the functions every front calls to get
//! them. Their JSON is what `vaardig … --json` prints and what the HTTP service returns.

use serde::Serialize;
use vaardig_core::Nlqf;
use vaardig_score::{
    Entitlement, FundingScheme, Gap, LearningRights, Profile, Route, RouteOptions, Scheme, Scorer,
    Transitions,
};
use vaardig_search::{Mention, Searcher};

use crate::error::ServiceError;
use crate::request::{AdviceQuery, RightsQuery, RouteQuery};

/// `scorer` with labels in the language `lang` asks for, as every front passes a language
/// through ([`Scorer::labelled_in`]); `None` is `scorer` itself (Dutch and English labels).
///
/// # Errors
/// [`ServiceError::Language`] (`unknown_language`) when the ontology does not declare the
/// language or `lang` is not a language tag.
pub fn labelled(scorer: &Scorer, lang: Option<&str>) -> Result<Scorer, ServiceError> {
    match lang {
        None => Ok(scorer.clone()),
        Some(tag) => Ok(scorer.labelled_in(tag)?),
    }
}

/// The whole advice for one person: `{transitions, target, gap, entitlement, route}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Advice {
    /// The occupations within reach, best first (serialised as the list of items only).
    #[serde(serialize_with = "items_only")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<vaardig_score::Transition>))]
    pub transitions: Transitions,
    /// The target occupation's id (asked for, or the best transition).
    pub target: String,
    /// The gap to the target.
    pub gap: Gap,
    /// The person's learning rights.
    pub entitlement: Entitlement,
    /// The course route to the target within the scheme.
    pub route: Route,
}

fn items_only<S: serde::Serializer>(t: &Transitions, s: S) -> Result<S::Ok, S::Error> {
    t.items.serialize(s)
}

/// The advice for `profile`: transitions, the gap to the target, the learning rights and the
/// route that closes the gap within the scheme.
///
/// # Errors
/// [`ServiceError::NoneWithinReach`] when no target was asked for and no transition exists; the
/// library's errors for unknown ids and schemes.
pub fn advise(
    scorer: &Scorer,
    profile: &Profile,
    query: &AdviceQuery,
) -> Result<Advice, ServiceError> {
    let transitions: Transitions = scorer.transitions(profile, &query.transition_options())?;
    let target = match (&query.to, transitions.items.first()) {
        (Some(id), _) => id.clone(),
        (None, Some(best)) => best.occupation.clone(),
        (None, None) => {
            return Err(ServiceError::NoneWithinReach {
                no_skills: profile.skills.is_empty() && profile.languages.is_empty(),
            });
        }
    };
    let gap = scorer.gap(profile, &target)?;
    let scheme = Scheme::by_id(&query.scheme)?;
    let entitlement = LearningRights::default().entitlement(
        profile.age.unwrap_or(0),
        profile.nlqf,
        profile.used_eur,
    );
    let route = scorer.route(
        profile,
        &target,
        &RouteOptions {
            optimise: query.optimise,
            scheme: Some(scheme.as_dyn()),
            ..Default::default()
        },
    )?;
    Ok(Advice {
        transitions,
        target,
        gap,
        entitlement,
        route,
    })
}

/// The course route for `profile` to `query.to`.
pub fn route(
    scorer: &Scorer,
    profile: &Profile,
    query: &RouteQuery,
) -> Result<Route, ServiceError> {
    let scheme = query.scheme()?;
    let options = RouteOptions {
        optimise: query.optimise,
        max_nlqf: query.max_nlqf,
        scheme: scheme.as_ref().map(Scheme::as_dyn),
        include_important: query.include_important,
    };
    Ok(scorer.route(profile, &query.to, &options)?)
}

/// Learning rights: `{scheme, age, nlqf, ...entitlement}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RightsAnswer {
    /// The scheme's id (`leerrechten`).
    pub scheme: String,
    /// The age asked about.
    pub age: u8,
    /// The NLQF level asked about.
    pub nlqf: u8,
    /// What the person is entitled to.
    #[serde(flatten)]
    pub entitlement: Entitlement,
}

/// The learning rights for `query` under the default `leerrechten` scheme.
///
/// ```
/// use vaardig_service::{RightsQuery, rights};
///
/// let a = rights(&RightsQuery { age: 35, nlqf: 2, used_eur: 0.0 })?;
/// assert_eq!(a.scheme, "leerrechten");
/// assert!(a.entitlement.available_eur > 0.0);
/// # Ok::<(), vaardig_service::ServiceError>(())
/// ```
pub fn rights(query: &RightsQuery) -> Result<RightsAnswer, ServiceError> {
    query.check()?;
    let scheme = LearningRights::default();
    let entitlement = scheme.entitlement(query.age, Nlqf::new(query.nlqf), query.used_eur);
    Ok(RightsAnswer {
        scheme: scheme.id().to_owned(),
        age: query.age,
        nlqf: query.nlqf,
        entitlement,
    })
}

/// A mention found in text, with the text it covers: `{id, kind, label, start, end, score,
/// text}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Extracted {
    /// The mention.
    #[serde(flatten)]
    pub mention: Mention,
    /// The text between `start` and `end`.
    pub text: String,
}

/// The skills and occupations mentioned in `text`, in text order.
pub fn extract(searcher: &Searcher, text: &str) -> Vec<Extracted> {
    searcher
        .extract(text)
        .into_iter()
        .map(|m| {
            let covered = text.get(m.start..m.end).unwrap_or_default().to_owned();
            Extracted {
                mention: m,
                text: covered,
            }
        })
        .collect()
}
