"""Benchmark: profiles scored per second per core against every ESCO occupation, top 10 explained.

Runs, in one process and interleaved round by round:

- ``vaardig``: ``Ontology.score_profiles(caseload, limit=10)`` — per person the ten best
  transitions over all occupations, each explained (relatedness, reachability, gap hours, cost);
- ``numpy-sparse``: a cosine implementation of the same job in numpy/pandas — each profile's
  skill vector (level-weighted) against every occupation's requirement vector (essential 1.0,
  optional 0.5), computed sparsely (the profile's rows of the skill × occupation matrix summed),
  top 10 by ``argpartition``, each explained by the requirements held and missing;
- ``numpy-dense``: the same cosine as one dense matrix product per chunk of profiles (BLAS);
- ``spark``, with ``--spark``: ``vaardig.spark.score_with_spark`` in ``local[N]`` from Parquet
  into Spark's ``noop`` sink (the JVM, Parquet and Arrow transfer included; the session start is
  not).

Everything runs on ``--cores`` cores (default 1): the process pins itself with
``sched_setaffinity`` before numpy, vaardig or Spark start (vaardig's batch sizes its workers
from the affinity, Spark's JVM and Python workers inherit it), and ``OMP_NUM_THREADS``,
``OPENBLAS_NUM_THREADS``, ``MKL_NUM_THREADS`` and ``RAYON_NUM_THREADS`` are set to the same
number. Each round times every job once, in rotating order; the report gives min and median
per job, profiles per second per core, and the load average before and after.

    python python/bench/score_bench.py --profiles 2000 --rounds 5          # ESCO from ../shared
    python python/bench/score_bench.py --ontology /tmp/esco --spark        # an imported ESCO

Use a release build of the package (see python/README.md, "Benchmark"): ``python/test.sh``
builds a debug one.
"""

import argparse
import os
import sys


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--ontology", help="a native or Parquet ESCO directory (default: import the CSVs)")
    p.add_argument(
        "--esco",
        default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "data", "esco"),
        help="the ESCO CSV downloads (v1.1.1/ and nl/), imported when --ontology is not given",
    )
    p.add_argument("--profiles", type=int, default=2000, help="caseload size (default 2000)")
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    p.add_argument("--cores", type=int, default=1, help="cores to pin to (default 1)")
    p.add_argument("--limit", type=int, default=10, help="top N per profile (default 10)")
    p.add_argument("--spark", action="store_true", help="also time score_with_spark in local mode")
    p.add_argument("--seed", type=int, default=16)
    return p.parse_args()


ARGS = parse_args()
# Before numpy, pyarrow or vaardig start any thread pool.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[var] = str(ARGS.cores)
CPUS = sorted(os.sched_getaffinity(0))[: ARGS.cores]
os.sched_setaffinity(0, CPUS)

import csv  # noqa: E402
import pathlib  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import vaardig  # noqa: E402

EVIDENCE = ["diploma", "mbo_certificate", "microcredential", "work_experience", "self_declared"]
WEIGHT = {"essential": 1.0, "important": 0.75, "optional": 0.5}


def ontology_dir(work):
    """The ESCO directory to use: ``--ontology``, or the CSVs imported into ``work``."""
    if ARGS.ontology:
        return pathlib.Path(ARGS.ontology)
    esco = pathlib.Path(ARGS.esco)
    out = work / "esco"
    start = time.perf_counter()
    vaardig.import_esco(esco / "v1.1.1", esco / "nl", out=out)
    print(f"imported ESCO v1.1.1 into {out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return out


def read_requires(directory):
    """``(occupation ids, skill ids, requirement rows)`` of a native directory."""
    with open(directory / "occupations.csv", encoding="utf-8", newline="") as f:
        occupations = [r["id"] for r in csv.DictReader(f)]
    with open(directory / "skills.csv", encoding="utf-8", newline="") as f:
        skills = [r["id"] for r in csv.DictReader(f)]
    with open(directory / "requires.csv", encoding="utf-8", newline="") as f:
        requires = [(r["from"], r["to"], r["importance"]) for r in csv.DictReader(f)]
    return occupations, skills, requires


def make_caseload(occupations, requires, n, seed):
    """``n`` people, each most of one occupation's required skills (at random levels and
    evidence) plus a few others: a caseload close to the occupations, as a real one is."""
    rng = random.Random(seed)
    by_occ = {}
    all_skills = sorted({s for _, s, _ in requires if s.startswith("esco:skill")})
    for occ, skill, _ in requires:
        if skill.startswith("esco:skill"):
            by_occ.setdefault(occ, []).append(skill)
    with_skills = [o for o in occupations if by_occ.get(o)]
    rows = []
    for i in range(n):
        own = by_occ[rng.choice(with_skills)]
        chosen = rng.sample(own, max(1, int(len(own) * rng.uniform(0.3, 0.8))))
        chosen += rng.sample(all_skills, rng.randint(0, 5))
        chosen = list(dict.fromkeys(chosen))[:25]
        rows.append(
            {
                "person": f"p{i:06d}",
                "skills": [
                    {"id": s, "level": rng.choice([None, 1, 2, 3, 4, 5]), "evidence": rng.choice(EVIDENCE)}
                    for s in chosen
                ],
                "age": rng.randint(18, 66),
            }
        )
    schema = pa.schema(
        [
            ("person", pa.string()),
            ("skills", pa.list_(pa.struct([("id", pa.string()), ("level", pa.int64()), ("evidence", pa.string())]))),
            ("age", pa.int64()),
        ]
    )
    return pa.Table.from_pylist(rows, schema=schema)


class Cosine:
    """The numpy/pandas baseline: cosine of level-weighted profile vectors and requirement
    vectors, top ``limit`` per profile explained by requirements held and missing."""

    def __init__(self, occupations, skills, requires, limit):
        self.limit = limit
        self.occupations = np.array(occupations, dtype=object)
        self.skill_index = pd.Index(skills)
        occ_index = pd.Index(occupations)
        rows = [(occ_index.get_loc(o), self.skill_index.get_loc(s), WEIGHT.get(imp, 0.5))
                for o, s, imp in requires if s in self.skill_index]
        o, s, w = (np.array(x) for x in zip(*rows))
        # skill × occupation, dense float32 (13,896 × 3,007: 167 MB), each occupation's column
        # normalised to length 1.
        m = np.zeros((len(skills), len(occupations)), dtype=np.float32)
        m[s, o] = w
        norms = np.sqrt((m * m).sum(axis=0))
        norms[norms == 0] = 1.0
        self.held = m > 0
        self.required = self.held.sum(axis=0, dtype=np.float32)
        m /= norms
        self.weighted = m

    def profile_arrays(self, table):
        """Flat skill indices, weights and per-profile offsets from the Arrow table."""
        skills = table.column("skills").combine_chunks()
        offsets = skills.offsets.to_numpy()
        flat = skills.flatten()
        idx = self.skill_index.get_indexer(flat.field("id").to_numpy(zero_copy_only=False))
        level = flat.field("level").to_numpy(zero_copy_only=False)
        level = np.where(pd.isna(level), 3.0, level).astype(np.float32) / 5.0
        keep = idx >= 0
        return idx, level, keep, offsets

    def top(self, scores):
        """Indices of the best ``limit`` per row, best first (ties: lower index first)."""
        k = min(self.limit, scores.shape[1])
        part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        order = np.lexsort((part, -np.take_along_axis(scores, part, axis=1)), axis=1)
        return np.take_along_axis(part, order, axis=1)

    def explain(self, idx, keep, offsets, best):
        """Per (profile, top occupation): requirements held and missing."""
        held = np.empty(best.shape, dtype=np.float32)  # float32 like required
        for p in range(best.shape[0]):
            rows = idx[offsets[p]:offsets[p + 1]]
            rows = rows[keep[offsets[p]:offsets[p + 1]]]
            held[p] = self.held[np.ix_(rows, best[p])].sum(axis=0)
        return held, self.required[best] - held

    def answer(self, table, best, scores, held, missing):
        n, k = best.shape
        return pd.DataFrame(
            {
                "person": np.repeat(table.column("person").to_numpy(zero_copy_only=False), k),
                "rank": np.tile(np.arange(1, k + 1), n),
                "occupation": self.occupations[best.ravel()],
                "score": np.take_along_axis(scores, best, axis=1).ravel(),
                "held": held.ravel(),
                "missing": missing.ravel(),
            }
        )

    def sparse(self, table):
        """Each profile's rows of the skill × occupation matrix, weighted and summed."""
        idx, level, keep, offsets = self.profile_arrays(table)
        n = len(offsets) - 1
        scores = np.zeros((n, self.weighted.shape[1]), dtype=np.float32)
        for p in range(n):
            a, b = offsets[p], offsets[p + 1]
            k = keep[a:b]
            rows, w = idx[a:b][k], level[a:b][k]
            if len(rows):
                scores[p] = (w / np.sqrt((w * w).sum())) @ self.weighted[rows]
        best = self.top(scores)
        held, missing = self.explain(idx, keep, offsets, best)
        return self.answer(table, best, scores, held, missing)

    def dense(self, table, chunk=512):
        """One dense (profiles × skills) @ (skills × occupations) product per chunk."""
        idx, level, keep, offsets = self.profile_arrays(table)
        n = len(offsets) - 1
        counts = np.diff(offsets)
        person = np.repeat(np.arange(n), counts)
        scores = np.empty((n, self.weighted.shape[1]), dtype=np.float32)
        for start in range(0, n, chunk):
            end = min(n, start + chunk)
            sel = keep & (person >= start) & (person < end)
            p = np.zeros((end - start, self.weighted.shape[0]), dtype=np.float32)
            p[person[sel] - start, idx[sel]] = level[sel]
            norms = np.sqrt((p * p).sum(axis=1, keepdims=True))
            norms[norms == 0] = 1.0
            scores[start:end] = (p / norms) @ self.weighted
        best = self.top(scores)
        held, missing = self.explain(idx, keep, offsets, best)
        return self.answer(table, best, scores, held, missing)


def spark_job(directory, parquet):
    """A function that scores the Parquet caseload on Spark into the noop sink."""
    from pyspark.sql import SparkSession

    from vaardig.spark import score_with_spark

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master(f"local[{ARGS.cores}]")
        .appName("vaardig-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "2000")
        .config("spark.driver.memory", "3g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")

    def run():
        df = spark.read.parquet(str(parquet))
        score_with_spark(df, ontology_path=str(directory), limit=ARGS.limit).write.format("noop").mode(
            "overwrite"
        ).save()

    return run


def main():
    load_before = os.getloadavg()
    work = pathlib.Path(tempfile.mkdtemp(prefix="vaardig-bench-"))
    directory = ontology_dir(work)
    occupations, skills, requires = read_requires(directory)
    table = make_caseload(occupations, requires, ARGS.profiles, ARGS.seed)
    parquet = work / "caseload.parquet"
    pq.write_table(table, parquet)
    onto = vaardig.Ontology.load(directory)
    cosine = Cosine(occupations, skills, requires, ARGS.limit)
    skills_per_profile = table.column("skills").combine_chunks().value_lengths().to_numpy().mean()
    print(
        f"{onto}; {ARGS.profiles} profiles of {skills_per_profile:.1f} skills on average; "
        f"{ARGS.cores} core(s) (cpus {CPUS}); limit {ARGS.limit}; {ARGS.rounds} rounds",
        file=sys.stderr,
    )

    jobs = {
        "vaardig": lambda: onto.score_profiles(table, limit=ARGS.limit),
        "numpy-sparse": lambda: cosine.sparse(table),
        "numpy-dense": lambda: cosine.dense(table),
    }
    if ARGS.spark:
        jobs["spark"] = spark_job(directory, parquet)
    # Warm up once each (the search-free load, numpy's first BLAS call, the Spark worker's
    # ontology load), so rounds time the steady state.
    for name, job in jobs.items():
        start = time.perf_counter()
        job()
        print(f"warm-up {name}: {time.perf_counter() - start:.2f} s", file=sys.stderr)

    times = {name: [] for name in jobs}
    names = list(jobs)
    for r in range(ARGS.rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            start = time.perf_counter()
            jobs[name]()
            times[name].append(time.perf_counter() - start)
        print(f"round {r + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in names), file=sys.stderr)
    load_after = os.getloadavg()

    rate = {n: ARGS.profiles / min(t) / ARGS.cores for n, t in times.items()}
    print(f"\n| job | min s | median s | profiles/s/core (min) | vs numpy-sparse | vs numpy-dense |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for n, t in times.items():
        print(
            f"| {n} | {min(t):.3f} | {statistics.median(t):.3f} | {rate[n]:,.0f} | "
            f"{rate[n] / rate['numpy-sparse']:.2f}× | {rate[n] / rate['numpy-dense']:.2f}× |"
        )
    print(
        f"\nload average before {', '.join(f'{x:.2f}' for x in load_before)}; "
        f"after {', '.join(f'{x:.2f}' for x in load_after)} (1, 5, 15 min; {os.cpu_count()} cpus)"
    )


if __name__ == "__main__":
    main()
