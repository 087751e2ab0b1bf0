//! vaardig: match people, courses and occupations over a CompetentNL-style skills taxonomy.
pub use vaardig_core as core;
pub use vaardig_import as import;
pub use vaardig_score as score;
pub use vaardig_search as search;
