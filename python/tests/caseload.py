"""A deterministic caseload of generated profiles over the embedded ontology's skill ids, as a
``pyarrow.Table`` in the layout ``Ontology.score_profiles`` reads."""

import csv
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVIDENCE = ["diploma", "mbo_certificate", "microcredential", "work_experience", "self_declared"]


def skill_ids():
    """Every skill id of the embedded ontology (``ontology/skills.csv``, which it embeds)."""
    with open(ROOT / "ontology" / "skills.csv", encoding="utf-8", newline="") as f:
        return [row["id"] for row in csv.DictReader(f)]


def caseload(n, seed=16):
    """``n`` profiles ``p000000``…, 2–12 skills each, levels 1–5 or null, ages and NLQF levels
    (some null): the same table for the same ``n`` and ``seed``."""
    import pyarrow as pa

    ids = skill_ids()
    rng = random.Random(seed)
    offsets, sid, level, evidence, age, nlqf = [0], [], [], [], [], []
    for _ in range(n):
        for skill in rng.sample(ids, rng.randint(2, 12)):
            sid.append(skill)
            level.append(rng.choice([None, 1, 2, 3, 4, 5]))
            evidence.append(rng.choice(EVIDENCE))
        offsets.append(len(sid))
        age.append(rng.choice([None, rng.randint(16, 67)]))
        nlqf.append(rng.choice([None, 1, 2, 3, 4, 5, 6, 7]))
    skills = pa.ListArray.from_arrays(
        pa.array(offsets, pa.int32()),
        pa.StructArray.from_arrays(
            [pa.array(sid, pa.string()), pa.array(level, pa.int8()), pa.array(evidence, pa.string())],
            names=["id", "level", "evidence"],
        ),
    )
    return pa.table(
        {
            "person": pa.array([f"p{i:06d}" for i in range(n)], pa.string()),
            "skills": skills,
            "age": pa.array(age, pa.int16()),
            "nlqf": pa.array(nlqf, pa.int8()),
        }
    )
