//! The real ESCO data: v1.1.0, v1.1.1 and v1.1.1 with Dutch occupation labels.

use vaardig_import::{ImportOptions, import_esco};

use crate::util::esco_data;

#[test]
fn scratch_v111() {
    let Some(dir) = esco_data() else { return };
    let t = std::time::Instant::now();
    let import = import_esco(
        &[dir.join("v1.1.1"), dir.join("nl")],
        ImportOptions::new().languages(["nl", "en"]),
    )
    .unwrap();
    let report = import.report().clone();
    eprintln!("read {:?}", t.elapsed());
    let imported = import.build().unwrap();
    eprintln!("built {:?}", t.elapsed());
    for s in &report.sources {
        eprintln!("{s:?}");
    }
    eprintln!(
        "{:?} {:?} {:?}",
        report.concepts, report.relations, report.notes
    );
    for d in report.diagnostics.iter().take(20) {
        eprintln!("{d}");
    }
    eprintln!(
        "diags {} warnings {}",
        report.diagnostics.len(),
        imported.warnings.len()
    );
    eprintln!("{:?}", imported.ontology.manifest());
    panic!();
}
