"""The importers from Python (ESCO CSV, SKOS/RDF, O*NET, Tabiya, Parquet): the same report as
``vaardig import … --json``, the same ontology as the CLI writes, ``out=`` under the CLI's
output rules, and an error class per failure with its file and line."""

import os
import shutil
import subprocess

import pytest

import vaardig
from test_vaardig import ROOT

FIXTURES = ROOT / "crates" / "vaardig-import" / "tests" / "fixtures"
ESCO = FIXTURES / "esco"
RDF = FIXTURES / "rdf"
ESCO_DATA = ROOT.parent / "shared" / "data" / "esco"


def cli(*args):
    """Runs ``vaardig ARGS`` (skipped when the binary is not built); returns stdout."""
    binary = os.environ.get("VAARDIG_BIN") or shutil.which("vaardig")
    if not binary or not os.path.exists(binary):
        pytest.skip("the vaardig CLI is not built (set VAARDIG_BIN)")
    out = subprocess.run([binary, *map(str, args)], check=True, capture_output=True, text=True, cwd=ROOT)
    return out.stdout


def cli_import(kind, *args, out):
    """``vaardig import KIND ARGS --out OUT --json``: the report, parsed."""
    import json

    return json.loads(cli("import", kind, *args, "--out", out, "--json", "--quiet"))


def same_ontology(a, b):
    """Two ontologies answer alike: the same counts, quality report and search hits."""
    assert repr(a) == repr(b)
    assert a.quality_report() == b.quality_report()
    assert a.diff(b)["summary"] == b.diff(b)["summary"]


# --- ESCO CSV ------------------------------------------------------------------------------


def test_import_esco_equals_the_cli(tmp_path):
    got = vaardig.import_esco(ESCO / "basic", ESCO / "nl", out=tmp_path / "py")
    assert isinstance(got.ontology, vaardig.Ontology)
    assert got.report["format"] == "esco-csv"
    assert got.report == cli_import("esco", ESCO / "basic", ESCO / "nl", out=tmp_path / "cli")
    assert got.rejections == [d for d in got.report["diagnostics"] if d["severity"] == "error"]
    assert str(got.out) == str(tmp_path / "py")
    same_ontology(got.ontology, vaardig.Ontology.load(tmp_path / "cli"))
    same_ontology(vaardig.Ontology.load(tmp_path / "py"), vaardig.Ontology.load(tmp_path / "cli"))
    assert "Imported(Ontology(" in repr(got)


def test_import_esco_without_out_writes_nothing(tmp_path):
    got = vaardig.import_esco(ESCO / "basic", languages=["en"], name="mini", release_version="9")
    assert got.out is None
    assert got.report["languages"] == ["en"]
    assert got.ontology.quality_report()["version"]["name"] == "mini"


def test_out_follows_the_cli_rules(tmp_path):
    vaardig.import_esco(ESCO / "basic", out=tmp_path / "o")
    with pytest.raises(vaardig.InvalidRequestError) as e:
        vaardig.import_esco(ESCO / "basic", out=tmp_path / "o")
    assert e.value.code == "cannot_write" and str(tmp_path / "o") in str(e.value)
    assert vaardig.import_esco(ESCO / "basic", out=tmp_path / "o", force=True).out is not None
    # Never into an input.
    with pytest.raises(vaardig.InvalidRequestError):
        vaardig.import_esco(ESCO / "basic", out=ESCO / "basic" / "x", force=True)


def test_missing_columns_are_an_ontology_load_error_naming_the_file():
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_esco(ESCO / "missing_columns")
    assert e.value.code == "missing_columns"
    assert "occupations_en.csv" in str(e.value) or "skills_en.csv" in str(e.value)


def test_a_missing_directory_cannot_be_read(tmp_path):
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_esco(tmp_path / "nowhere")
    assert e.value.code == "cannot_read" and "nowhere" in str(e.value)


def test_bad_options_are_invalid_requests():
    with pytest.raises(vaardig.InvalidRequestError) as e:
        vaardig.import_esco(ESCO / "basic", languages=["xx"])
    assert e.value.code == "invalid_request"


# --- SKOS / RDF ----------------------------------------------------------------------------


def test_import_skos_equals_the_cli(tmp_path):
    got = vaardig.import_skos(RDF / "competentnl.ttl", out=tmp_path / "py")
    assert got.report == cli_import("skos", RDF / "competentnl.ttl", out=tmp_path / "cli")
    same_ontology(got.ontology, vaardig.Ontology.load(tmp_path / "cli"))
    both = vaardig.import_skos([RDF / "esco.ttl"], mapping="esco")
    assert both.report == cli_import("skos", RDF / "esco.ttl", "--mapping", "esco", out=tmp_path / "e")


def test_rejected_triples_carry_file_and_line(tmp_path):
    got = vaardig.import_skos(RDF / "broken.ttl")
    assert got.rejections, "broken.ttl has rejected triples"
    first = got.rejections[0]
    assert first["severity"] == "error"
    assert first["location"]["file"].endswith("broken.ttl") and first["location"]["line"] > 0
    assert got.report == cli_import("skos", RDF / "broken.ttl", out=tmp_path / "cli")


def test_a_strict_import_with_rejections_raises_with_the_report():
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_skos(RDF / "broken.ttl", strict=True)
    assert e.value.code == "rejected"
    assert "broken.ttl:" in str(e.value)
    assert e.value.report["diagnostics"][0]["location"]["file"].endswith("broken.ttl")


def test_a_bad_mapping_file_is_an_ontology_load_error(tmp_path):
    bad = tmp_path / "mapping.toml"
    bad.write_text("[classes\n", encoding="utf-8")
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_skos(RDF / "custom.ttl", mapping=str(bad))
    assert e.value.code == "invalid_mapping" and str(bad) in str(e.value)
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_skos(RDF / "custom.ttl", mapping=str(tmp_path / "nowhere.toml"))
    assert e.value.code == "cannot_read"


# --- O*NET, Tabiya -------------------------------------------------------------------------


def test_import_onet_equals_the_cli(tmp_path):
    got = vaardig.import_onet(FIXTURES / "onet", out=tmp_path / "py", essential_from=3.5)
    cli_report = cli_import("onet", FIXTURES / "onet", "--essential-from", "3.5", out=tmp_path / "cli")
    assert got.report == cli_report
    same_ontology(got.ontology, vaardig.Ontology.load(tmp_path / "cli"))
    with pytest.raises(vaardig.InvalidRequestError):
        vaardig.import_onet(FIXTURES / "onet", essential_from=1.0, important_from=3.0)


def test_import_tabiya_equals_the_cli(tmp_path):
    got = vaardig.import_tabiya(FIXTURES / "tabiya", out=tmp_path / "py")
    assert got.report == cli_import("tabiya", FIXTURES / "tabiya", out=tmp_path / "cli")
    same_ontology(got.ontology, vaardig.Ontology.load(tmp_path / "cli"))


# --- Parquet -------------------------------------------------------------------------------


def test_import_parquet_reads_the_cli_export(tmp_path):
    cli("export", "--format", "parquet", "--out", tmp_path / "pq", "--ontology", ROOT / "ontology")
    got = vaardig.import_parquet(tmp_path / "pq", out=tmp_path / "native")
    assert got.report is None and got.rejections == []
    embedded = vaardig.Ontology.load(ROOT / "ontology")
    same_ontology(got.ontology, embedded)
    same_ontology(vaardig.Ontology.load(tmp_path / "native"), embedded)
    # Ontology.load reads a Parquet directory as it is.
    same_ontology(vaardig.Ontology.load(tmp_path / "pq"), embedded)


def test_a_damaged_parquet_table_names_its_file(tmp_path):
    cli("export", "--format", "parquet", "--out", tmp_path / "pq", "--ontology", ROOT / "ontology")
    (tmp_path / "pq" / "relations.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(vaardig.OntologyLoadError) as e:
        vaardig.import_parquet(tmp_path / "pq")
    assert "relations.parquet" in str(e.value) and e.value.code == "invalid_ontology"


# --- real ESCO -----------------------------------------------------------------------------


@pytest.mark.skipif(not (ESCO_DATA / "v1.1.1").is_dir(), reason="needs ../shared/data/esco: the real ESCO CSVs")
def test_real_esco_report_equals_the_cli(tmp_path):
    got = vaardig.import_esco(ESCO_DATA / "v1.1.1", ESCO_DATA / "nl")
    assert repr(got.ontology).startswith("Ontology(3007 occupations, ")
    cli_report = cli_import("esco", ESCO_DATA / "v1.1.1", ESCO_DATA / "nl", out=tmp_path / "cli")
    assert got.report == cli_report
