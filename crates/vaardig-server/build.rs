//! Sets `cfg(chromium)` when a headless Chromium is installed (`$VAARDIG_CHROMIUM`, or
//! `chromium` / `chromium-browser` on `PATH`), so the browser test runs where it can and is
//! marked ignored, with the reason, where it cannot. The path found is passed on as
//! `VAARDIG_CHROMIUM_PATH`.

use std::path::PathBuf;

fn find() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VAARDIG_CHROMIUM").map(PathBuf::from) {
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

fn main() {
    println!("cargo::rustc-check-cfg=cfg(chromium)");
    println!("cargo::rerun-if-env-changed=VAARDIG_CHROMIUM");
    println!("cargo::rerun-if-env-changed=PATH");
    println!("cargo::rerun-if-changed=/usr/bin/chromium");
    if let Some(p) = find() {
        println!("cargo::rustc-cfg=chromium");
        println!("cargo::rustc-env=VAARDIG_CHROMIUM_PATH={}", p.display());
    }
}
