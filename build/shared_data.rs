//! Build script shared by the packages whose tests read the real data beside the repository
//! (`../shared/data`): it sets `cfg(esco_data)` when ESCO v1.1.0 and v1.1.1 are there, so those
//! tests run when the data is present and are marked ignored, with the reason, when it is not
//! (`#[cfg_attr(not(esco_data), ignore = "needs …")]`). Likewise `cfg(external_data)` when the
//! published taxonomies of `../shared/data/external` (CompetentNL, ESCO RDF, O*NET, Tabiya)
//! are there.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo::rustc-check-cfg=cfg(esco_data)");
    println!("cargo::rustc-check-cfg=cfg(external_data)");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    // The workspace root is the nearest directory holding Cargo.lock; the data sits beside it.
    let Some(root) = manifest
        .ancestors()
        .find(|p| p.join("Cargo.lock").is_file())
    else {
        return;
    };
    let esco = root.join("../shared/data/esco");
    let markers = ["v1.1.0/skills_en.csv", "v1.1.1/skills_en.csv"].map(|m| esco.join(m));
    for m in &markers {
        println!("cargo::rerun-if-changed={}", m.display());
    }
    if markers.iter().all(|m| Path::is_file(m)) {
        println!("cargo::rustc-cfg=esco_data");
    }
    let external = root.join("../shared/data/external");
    let markers = [
        "esco-rdf/esco-v1.0-dump-excerpt.ttl",
        "onet-29.1/Occupation Data.txt",
        "tabiya-sample/skills.csv",
        "competentnl/cnluwv4cnlo.txt",
    ]
    .map(|m| external.join(m));
    for m in &markers {
        println!("cargo::rerun-if-changed={}", m.display());
    }
    if markers.iter().all(|m| Path::is_file(m)) {
        println!("cargo::rustc-cfg=external_data");
    }
}
