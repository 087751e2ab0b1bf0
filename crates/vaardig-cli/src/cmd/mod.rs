//! One module per command group; each exposes clap `Args` structs and `fn(ctx, args)` runners.

pub mod config;
pub mod eval;
pub mod import;
pub mod ontology;
pub mod profile;
pub mod score;
pub mod search;
pub mod serve;
pub mod versions;
