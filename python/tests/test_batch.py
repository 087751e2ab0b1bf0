"""``Ontology.score_profiles``: a profile table in, a long Arrow table out — schema, order,
equality with ``transitions`` for the same person, errors naming row and field, GIL release."""

import threading
import time

import pytest

import vaardig

pa = pytest.importorskip("pyarrow")

from caseload import caseload  # noqa: E402  (beside this file)

COLUMNS = [
    ("person", "string"),
    ("rank", "int64"),
    ("occupation", "string"),
    ("label", "string"),
    ("score", "double"),
    ("relatedness", "double"),
    ("reachability", "double"),
    ("gap_hours", "double"),
    ("cost_eur", "double"),
]


@pytest.fixture(scope="module")
def onto():
    return vaardig.Ontology.embedded()


@pytest.fixture(scope="module")
def small():
    return caseload(200)


def as_profile(table, row):
    """Row ``row`` of a caseload table as the profile dict ``transitions`` takes."""
    r = table.slice(row, 1).to_pylist()[0]
    profile = {"skills": [{k: v for k, v in s.items() if v is not None} for s in r["skills"]]}
    for key in ("age", "nlqf"):
        if r.get(key) is not None:
            profile[key] = r[key]
    return profile


def test_the_answer_has_the_documented_schema(onto, small):
    out = onto.score_profiles(small, limit=3)
    assert [(f.name, str(f.type)) for f in out.schema] == COLUMNS
    assert out.num_rows == 3 * small.num_rows
    empty = onto.score_profiles(small.slice(0, 0))
    assert empty.num_rows == 0 and [(f.name, str(f.type)) for f in empty.schema] == COLUMNS


def test_rows_follow_input_order_then_rank(onto, small):
    out = onto.score_profiles(small, limit=4).to_pydict()
    expected_people = [p for p in small.column("person").to_pylist() for _ in range(4)]
    assert out["person"] == expected_people
    assert out["rank"] == [1, 2, 3, 4] * small.num_rows


def test_each_person_gets_what_transitions_gives(onto, small):
    out = onto.score_profiles(small, limit=5)
    for row in (0, 1, 17, 199):
        mine = out.filter(pa.compute.equal(out["person"], f"p{row:06d}")).to_pydict()
        single = onto.transitions(as_profile(small, row), limit=5)
        assert mine["occupation"] == [t["occupation"] for t in single]
        assert mine["score"] == [t["score"] for t in single]
        assert mine["relatedness"] == [t["relatedness"]["score"] for t in single]
        assert mine["reachability"] == [t["reachability"]["score"] for t in single]
        assert mine["gap_hours"] == [t["gap_hours"] for t in single]
        assert mine["cost_eur"] == [t["cost_eur"] for t in single]
        assert mine["label"] == [t["label"] for t in single]


def test_deterministic_and_a_record_batch_is_a_table(onto, small):
    first = onto.score_profiles(small, limit=3)
    assert onto.score_profiles(small, limit=3).equals(first)
    batch = small.combine_chunks().to_batches()[0]
    assert onto.score_profiles(batch, limit=3).equals(first)
    # A sliced batch (its arrays start at an offset) reads only its own rows.
    part = onto.score_profiles(batch.slice(37, 50), limit=3)
    people = {f"p{i:06d}" for i in range(37, 87)}
    assert part.equals(first.filter(pa.compute.is_in(first["person"], pa.array(sorted(people)))))
    # Chunked input (two chunks) reads the same.
    chunked = pa.concat_tables([small.slice(0, 50), small.slice(50)])
    assert chunked.column("skills").num_chunks == 2
    assert onto.score_profiles(chunked, limit=3).equals(first)


def test_chosen_occupations_keep_their_order_in_the_full_ranking(onto, small):
    full = onto.score_profiles(small.slice(0, 20), limit=1000).to_pydict()
    chosen = sorted(set(full["occupation"]))[::3]
    out = onto.score_profiles(small.slice(0, 20), occupations=chosen, limit=2).to_pydict()
    assert set(out["occupation"]) <= set(chosen)
    for person in set(full["person"]):
        ranked = [o for p, o in zip(full["person"], full["occupation"]) if p == person]
        want = [o for o in ranked if o in set(chosen)][:2]
        got = [o for p, o in zip(out["person"], out["occupation"]) if p == person]
        assert got == want


def test_an_unknown_occupation_is_an_unknown_id(onto, small):
    with pytest.raises(vaardig.UnknownIdError):
        onto.score_profiles(small, occupations=["occ:bestaat-niet"])


def bad_table(small, row, **change):
    rows = small.slice(0, 5).to_pylist()
    rows[row].update(change)
    return pa.Table.from_pylist(rows, schema=small.schema)


def test_a_bad_skill_id_names_row_person_and_field(onto, small):
    rows = small.slice(0, 5).to_pylist()
    skills = rows[3]["skills"]
    skills[1] = dict(skills[1], id="skill:bestaat-niet")
    with pytest.raises(vaardig.ProfileError) as e:
        onto.score_profiles(bad_table(small, 3, skills=skills))
    assert e.value.row == 3 and e.value.field == "skills[1].id"
    assert e.value.code == "invalid_profile"
    assert "row 3" in str(e.value) and "p000003" in str(e.value)
    assert "skill:bestaat-niet" in str(e.value)


@pytest.mark.parametrize(
    "field,value,message",
    [("level", 9, "from 1 to 5"), ("evidence", "hearsay", "hearsay"), ("evidence", None, "null")],
)
def test_a_bad_skill_value_names_its_field(onto, small, field, value, message):
    rows = small.slice(0, 5).to_pylist()
    skills = rows[2]["skills"]
    skills[0] = dict(skills[0], **{field: value})
    with pytest.raises(vaardig.ProfileError) as e:
        onto.score_profiles(bad_table(small, 2, skills=skills))
    assert e.value.row == 2 and e.value.field == f"skills[0].{field}"
    assert message in str(e.value)


def test_bad_person_fields_name_their_field(onto, small):
    with pytest.raises(vaardig.ProfileError) as e:
        onto.score_profiles(bad_table(small, 1, nlqf=9))
    assert (e.value.row, e.value.field) == (1, "nlqf")
    with pytest.raises(vaardig.ProfileError) as e:
        onto.score_profiles(bad_table(small, 4, age=300))
    assert (e.value.row, e.value.field) == (4, "age")
    with pytest.raises(vaardig.ProfileError) as e:
        onto.score_profiles(bad_table(small, 0, person=None))
    assert (e.value.row, e.value.field) == (0, "person")


def test_a_missing_column_or_a_wrong_type_is_refused(onto, small):
    with pytest.raises(vaardig.InvalidRequestError, match="no column `skills`"):
        onto.score_profiles(small.drop_columns(["skills"]))
    wrong = small.set_column(0, "person", pa.array(range(small.num_rows)))
    with pytest.raises(vaardig.InvalidRequestError, match="`person` must hold strings"):
        onto.score_profiles(wrong)
    with pytest.raises(TypeError):
        onto.score_profiles({"person": ["p"]})


def test_score_profiles_releases_the_gil(onto):
    table = caseload(20_000, seed=7)
    done = threading.Event()
    result = {}

    def work():
        start = time.perf_counter()
        result["table"] = onto.score_profiles(table)
        result["seconds"] = time.perf_counter() - start
        done.set()

    ticks = []
    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    # At most 10 each (a person with little in reach may get fewer).
    assert 9 * table.num_rows < result["table"].num_rows <= 10 * table.num_rows
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    # Holding the GIL through the scoring would stall this thread for most of the call.
    assert result["seconds"] > 0.2, "too small a caseload to tell"
    assert len(ticks) > 50 and max(gaps) < 0.5 * result["seconds"], (max(gaps), result)
