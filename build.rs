//! Tells the workspace tests whether the real ESCO data is beside the repository
//! (`../shared/data/esco`), so tests that need it run when it is there and are marked ignored,
//! with the reason, when it is not.

fn main() {
    let marker = "../shared/data/esco/v1.1.1/skills_en.csv";
    println!("cargo::rustc-check-cfg=cfg(esco_data)");
    println!("cargo::rerun-if-changed={marker}");
    println!("cargo::rerun-if-changed=build.rs");
    if std::path::Path::new(marker).is_file() {
        println!("cargo::rustc-cfg=esco_data");
    }
}
