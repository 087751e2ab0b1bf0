"""Taxonomy versions from Python: ``Ontology.diff``, ``compare``, ``impact`` (the long Arrow
table and the report), ``quality_report`` — equal to ``vaardig diff --json`` and ``vaardig report
--json`` for the same inputs — and their errors."""

import csv
import json
import shutil
import threading

import pytest

import vaardig
from caseload import caseload
from test_vaardig import ROOT, cli_json

pa = pytest.importorskip("pyarrow")

IMPACT_SCHEMA = [
    ("person", "string"),
    ("occupation", "string"),
    ("label", "string"),
    ("new_occupation", "string"),
    ("change", "string"),
    ("rank_before", "int64"),
    ("rank_after", "int64"),
    ("gap_before", "double"),
    ("gap_after", "double"),
    ("overlap", "double"),
    ("kendall_tau", "double"),
]


def make_next_version(out):
    """A next release of the embedded ontology in ``out``: every fifth requirement dropped, one
    occupation relabelled, a new version number — enough to move rankings."""
    shutil.copytree(ROOT / "ontology", out)
    toml = (out / "ontology.toml").read_text(encoding="utf-8")
    (out / "ontology.toml").write_text(toml.replace('version = "2026.11"', 'version = "2026.12"'))
    with open(out / "requires.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    kept = [rows[0]] + [r for i, r in enumerate(rows[1:]) if i % 5 != 2]
    with open(out / "requires.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(kept)
    occ = (out / "occupations.csv").read_text(encoding="utf-8")
    (out / "occupations.csv").write_text(occ.replace(",verpleegkundige,nurse,", ",verpleegkundige (hbo),nurse,", 1))
    return out


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    after = make_next_version(tmp_path_factory.mktemp("versions") / "next")
    return ROOT / "ontology", after, vaardig.Ontology.load(ROOT / "ontology"), vaardig.Ontology.load(after)


def profiles_jsonl(table, path):
    """The profile table as the JSON Lines file ``vaardig diff --profiles`` reads, each
    profile named after its ``person``."""
    with open(path, "w", encoding="utf-8") as f:
        for row in table.to_pylist():
            skills = []
            for s in row["skills"]:
                skill = {"id": s["id"], "evidence": s["evidence"]}
                if s["level"] is not None:
                    skill["level"] = s["level"]
                skills.append(skill)
            profile = {"name": row["person"], "skills": skills}
            for key in ("age", "nlqf"):
                if row.get(key) is not None:
                    profile[key] = row[key]
            f.write(json.dumps(profile) + "\n")
    return path


# --- diff and quality ----------------------------------------------------------------------


def test_diff_equals_the_cli(versions):
    before_dir, after_dir, before, after = versions
    d = before.diff(after)
    assert d["summary"]["relabelled"] == 1
    assert d["summary"]["relations_removed"] > 0
    assert d == cli_json("diff", str(before_dir), str(after_dir))["diff"]
    assert before.diff(before)["summary"]["relations_removed"] == 0


def test_compare_keeps_the_diff(versions):
    _, _, before, after = versions
    c = before.compare(after)
    assert "2026.11 → vaardig-nl 2026.12" in repr(c)
    assert c.diff() == before.diff(after)
    assert "no changes" in repr(before.compare(before))


def test_quality_report_equals_the_cli(versions):
    before_dir, _, before, _ = versions
    r = before.quality_report()
    assert r["version"]["version"] == "2026.11"
    assert r == cli_json("report", str(before_dir))
    assert before.quality_report(few_essential=50) == cli_json(
        "report", str(before_dir), "--few-essential", "50"
    )
    assert len(before.quality_report(few_essential=50)["few_essential"]) >= len(r["few_essential"])


# --- impact ---------------------------------------------------------------------------------


def test_impact_report_equals_the_cli(versions, tmp_path):
    before_dir, after_dir, before, after = versions
    table = caseload(60)
    report = before.compare(after).impact_report(table, top=5)
    assert [p["profile"] for p in report["profiles"]] == table.column("person").to_pylist()
    assert report["mean_overlap"] < 1.0
    file = profiles_jsonl(table, tmp_path / "people.jsonl")
    cli = cli_json("diff", str(before_dir), str(after_dir), "--profiles", str(file), "--top", "5")
    assert report == cli["impact"]


def test_impact_of_sampled_profiles_equals_the_cli(versions):
    before_dir, after_dir, before, after = versions
    report = before.compare(after).impact_report(sample=12)
    assert len(report["profiles"]) == 12
    assert report == cli_json("diff", str(before_dir), str(after_dir), "--sample", "12")["impact"]


def test_impact_table_is_the_report_flattened(versions):
    _, _, before, after = versions
    table = caseload(80)
    c = before.compare(after)
    got = c.impact(table, top=10)
    assert [(f.name, str(f.type)) for f in got.schema] == IMPACT_SCHEMA
    assert got.equals(before.impact(after, table, top=10))
    report = c.impact_report(table, top=10)
    rows = got.to_pylist()
    by_person = {}
    for r in rows:
        by_person.setdefault(r["person"], []).append(r)
    assert list(by_person) == [p["profile"] for p in report["profiles"]]
    changes = set()
    for p in report["profiles"]:
        mine = by_person[p["profile"]]
        old = [r for r in mine if r["change"] in ("kept", "left")]
        assert [(r["occupation"], r["rank_before"], r["rank_after"], r["new_occupation"]) for r in old] == [
            (m["occupation"], m["old_rank"], m["new_rank"], m["new_id"]) for m in p["moves"]
        ]
        gaps = {g["occupation"]: g for g in p["gaps"]}
        for r in old:
            g = gaps.get(r["occupation"])
            assert (r["gap_before"], r["gap_after"]) == ((g["old"], g["new"]) if g else (None, None))
        entered = [r for r in mine if r["change"] == "entered"]
        assert len(old) - sum(r["change"] == "left" for r in old) + len(entered) == len(p["new_top"])
        assert all(r["rank_before"] is None and r["rank_after"] <= 10 for r in entered)
        assert {r["overlap"] for r in mine} == {p["overlap"]}
        changes |= {r["change"] for r in mine}
    assert {"kept", "left", "entered"} <= changes


def test_impact_of_the_current_occupation(versions):
    _, _, before, after = versions
    rows = caseload(3).to_pylist()
    rows[1]["current_occupation"] = "occ:verpleegkundige"
    schema = caseload(1).schema.append(pa.field("current_occupation", pa.string()))
    table = pa.Table.from_pylist(rows, schema=schema)
    got = [r for r in before.impact(after, table).to_pylist() if r["change"] == "current"]
    assert [(r["person"], r["occupation"], r["label"]) for r in got] == [
        ("p000001", "occ:verpleegkundige", "verpleegkundige")
    ]
    assert got[0]["gap_before"] is not None and got[0]["rank_before"] is None


def test_impact_of_no_profiles_is_an_empty_table_with_the_schema(versions):
    _, _, before, after = versions
    got = before.impact(after, caseload(0))
    assert got.num_rows == 0
    assert [(f.name, str(f.type)) for f in got.schema] == IMPACT_SCHEMA


def test_impact_in_threads_equals_one_by_one(versions):
    # The GIL is released while the library works: threads run at once and agree.
    _, _, before, after = versions
    c = before.compare(after)
    table = caseload(40)
    expected = c.impact(table)
    results = [None] * 4

    def work(i):
        results[i] = c.impact(table)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.equals(expected) for r in results)


# --- errors ---------------------------------------------------------------------------------


def test_a_bad_profile_row_names_row_and_field(versions):
    _, _, before, after = versions
    rows = caseload(5).to_pylist()
    rows[3]["skills"][1]["id"] = "skill:bestaat-niet"
    table = pa.Table.from_pylist(rows, schema=caseload(1).schema)
    with pytest.raises(vaardig.ProfileError) as e:
        before.impact(after, table)
    assert e.value.row == 3 and e.value.field == "skills[1].id"
    assert "p000003" in str(e.value) and e.value.code == "invalid_profile"


def test_impact_options_out_of_range_are_invalid_requests(versions):
    _, _, before, after = versions
    with pytest.raises(vaardig.InvalidRequestError) as e:
        before.impact(after, caseload(2), top=0)
    assert "k = 0" in str(e.value) and e.value.code == "invalid_request"
    with pytest.raises(vaardig.InvalidRequestError) as e:
        before.diff(after, accept=1.5)
    assert "accept" in str(e.value)


def test_a_bad_mapping_file_names_its_line(versions, tmp_path):
    _, _, before, after = versions
    bad = tmp_path / "mapping.csv"
    bad.write_text("old_id,new_id\nocc:verpleegkundige,occ:bestaat-niet\n", encoding="utf-8")
    with pytest.raises(vaardig.InvalidRequestError) as e:
        before.diff(after, mapping=bad)
    assert f"{bad}:2" in str(e.value) and e.value.code == "invalid_mapping"
    with pytest.raises(vaardig.InvalidRequestError) as e:
        before.diff(after, mapping=tmp_path / "nowhere.csv")
    assert e.value.code == "cannot_read"
