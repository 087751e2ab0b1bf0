//! Memory proportional to what is kept, counted: a counting allocator measures the peak heap of
//! importing a generated Turtle text shaped like ESCO's (skills and occupations with labels in
//! two languages, a hierarchy, and many `requires` triples), per input byte. One test in this
//! binary, so no other test allocates while it measures.

use peak_alloc::PeakAlloc;
use vaardig_import::{ImportOptions, Mapping, RdfFormat, import_rdf_reader};

/// The system allocator, counting the bytes live and their peak.
#[global_allocator]
static COUNTING: PeakAlloc = PeakAlloc;

const PREFIXES: &str = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix cnlo: <https://linkeddata.competentnl.nl/def/competentnl#> .
@prefix ex: <https://example.org/> .
";

/// `skills` skills and `occupations` occupations, each occupation requiring `per` skills, with
/// a preferred label, synonyms and a definition in Dutch and English, as ESCO has them.
fn taxonomy(skills: usize, occupations: usize, per: usize) -> String {
    let mut ttl = String::from(PREFIXES);
    for i in 0..skills {
        ttl.push_str(&format!(
            "ex:skill-{i:06} a cnlo:HumanCapability ;\n\
             \tskos:prefLabel \"skill number {i} of the list\"@en , \"vaardigheid nummer {i} van de lijst\"@nl ;\n\
             \tskos:altLabel \"synonym {i} one\"@en , \"synonym {i} two\"@en , \"synonym {i} three\"@en , \"synoniem {i} een\"@nl , \"synoniem {i} twee\"@nl ;\n\
             \tskos:definition \"The description of skill {i} as long as a real one: {}\"@en , \"De omschrijving van vaardigheid {i} zo lang als een echte: {}\"@nl",
            "word ".repeat(18).trim(),
            "woord ".repeat(16).trim(),
        ));
        if i >= 10 {
            ttl.push_str(&format!(" ;\n\tskos:broader ex:skill-{:06}", i / 10));
        }
        ttl.push_str(" .\n");
    }
    for o in 0..occupations {
        ttl.push_str(&format!(
            "ex:occupation-{o:05} a cnlo:Occupation ;\n\
             \tskos:prefLabel \"occupation {o}\"@en , \"beroep {o}\"@nl ;\n\
             \tskos:altLabel \"worker {o}\"@en , \"werker {o}\"@nl"
        ));
        for (predicate, range) in [
            ("requiresHATEssential", 0..per / 2),
            ("requiresHATSomewhat", per / 2..per),
        ] {
            let objects: Vec<String> = range
                .map(|s| format!("ex:skill-{:06}", (o * 7 + s * 13) % skills))
                .collect();
            ttl.push_str(&format!(" ;\n\tcnlo:{predicate} {}", objects.join(" , ")));
        }
        ttl.push_str(" .\n");
    }
    ttl
}

#[test]
fn importing_turtle_costs_a_few_times_its_input() {
    // Before, the collector and the staged concepts both held every label, and each staged
    // relation two id strings and a location with its own file name: the peak was 14.0 times
    // this input (relations are dense here); now 4.1, the built ontology included.
    let ttl = taxonomy(6_000, 1_200, 60);
    let input = ttl.len();
    let before = COUNTING.current_usage();
    COUNTING.reset_peak_usage();
    let imported = import_rdf_reader(
        ttl.as_bytes(),
        RdfFormat::Turtle,
        "generated.ttl",
        &Mapping::competentnl(),
        ImportOptions::new(),
    )
    .and_then(|import| import.build());
    let peak = COUNTING.peak_usage().saturating_sub(before);
    let imported = imported.expect("the generated taxonomy imports"); // ok: test code
    assert_eq!(imported.ontology.len(), 7_200);
    assert_eq!(imported.report.rejected(), 0);
    let per_byte = peak as f64 / input as f64;
    assert!(
        per_byte <= 6.0,
        "peak heap {peak} bytes for {input} bytes of Turtle: {per_byte:.2} per input byte"
    );
}
