//! Integration tests of vaardig-import: one binary, one module per area.

mod real_esco;
mod util;
