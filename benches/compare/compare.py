"""Side by side: vaardig against what a data team would use instead, on real ESCO.

Run it through ``benches/compare/run.sh`` (which makes the venv, imports ESCO and builds the Rust
side). Each job runs interleaved — peer, vaardig, peer, vaardig … — for ``--rounds`` rounds on the
same queries; the table gives per-query times (min and median over rounds), the ratio
peer / vaardig over both, and each side's quality on the same answers.

Jobs:
- autocomplete: the first 3–12 characters of a skill's or occupation's preferred label; a hit is
  the concept in the top 5. Peer: ``bisect`` over the sorted lower-cased labels (preferred and
  synonyms, both languages), the first 5 distinct concepts that start with the text.
- lookup: a preferred label with one typo (a letter dropped, doubled or swapped); a hit is the
  concept first. Peer: ``rapidfuzz.process.extract`` with ``WRatio`` over the same labels.
- related: the top 10 occupations like one occupation. Peer: scipy sparse cosine over the
  occupation × skill matrix (essential 1, optional 0.5). vaardig: ``related_occupations``, the
  default ``transitions_from`` order without explanations (``ranked_transitions_from``: scores,
  reachability, hours, cost) and with them (drivers, skills to study, requirements).
- load: read the taxonomy. Peer: pandas ``read_csv`` of occupations, skills and requirements and
  a scipy CSR matrix. vaardig: ``load_dir`` (parse, validate, build the graph), and
  ``Ontology::open`` through the binary snapshot (hash the tables, check and decode it).
"""

import argparse
import bisect
import csv
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path


def labels(esco: Path):
    """(lower-cased label, id, is_pref, lang) for every skill, knowledge area and occupation."""
    out = []
    for table in ["skills.csv", "knowledge_areas.csv", "occupations.csv"]:
        with open(esco / table, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for lang in ["en", "nl"]:
                    pref = row.get(f"pref_label_{lang}") or ""
                    if pref:
                        out.append((pref, row["id"], True, lang, table))
                    for alt in (row.get(f"alt_labels_{lang}") or "").split("|"):
                        if alt:
                            out.append((alt, row["id"], False, lang, table))
    return out


def autocomplete_queries(all_labels, n, rng):
    prefs = [l for l in all_labels if l[2] and l[4] != "knowledge_areas.csv"]
    rng.shuffle(prefs)
    queries = []
    for text, cid, _, _, _ in prefs[:n]:
        k = rng.randint(3, max(3, min(12, len(text))))
        queries.append((text[:k], cid))
    return queries


def typo(text, rng):
    i = rng.randrange(1, max(2, len(text) - 1))
    kind = rng.choice(["drop", "double", "swap"])
    if kind == "drop":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]


def lookup_queries(all_labels, n, rng):
    prefs = [l for l in all_labels if l[2] and len(l[0]) >= 6]
    rng.shuffle(prefs)
    return [(typo(t, rng), cid) for t, cid, _, _, _ in prefs[:n]]


def rust(binary, job, esco, queries, rounds=1):
    qfile = Path(esco).parent / f"compare-{job}.txt"
    qfile.write_text("\n".join(queries) + "\n", encoding="utf-8")
    out = subprocess.run(
        [binary, job, str(esco), str(qfile), str(rounds)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def recall(answers, truth, k):
    hits = sum(1 for a, t in zip(answers, truth) if t in a[:k])
    return hits / max(1, len(truth))


def peer_autocomplete(sorted_keys, sorted_ids, queries):
    answers = []
    t = time.perf_counter()
    for q in queries:
        q = q.lower()
        i = bisect.bisect_left(sorted_keys, q)
        seen = []
        while i < len(sorted_keys) and sorted_keys[i].startswith(q) and len(seen) < 5:
            if sorted_ids[i] not in seen:
                seen.append(sorted_ids[i])
            i += 1
        answers.append(seen)
    return (time.perf_counter() - t) * 1e3 / len(queries), answers


def peer_lookup(choices, ids, queries):
    from rapidfuzz import fuzz, process

    answers = []
    t = time.perf_counter()
    for q in queries:
        found = process.extract(q, choices, scorer=fuzz.WRatio, limit=5)
        answers.append([ids[i] for _, _, i in found])
    return (time.perf_counter() - t) * 1e3 / len(queries), answers


def occupation_matrix(esco):
    import numpy as np
    import pandas as pd
    from scipy import sparse

    occ = pd.read_csv(esco / "occupations.csv", usecols=["id"])
    skills = pd.concat(
        [
            pd.read_csv(esco / "skills.csv", usecols=["id"]),
            pd.read_csv(esco / "knowledge_areas.csv", usecols=["id"]),
        ]
    )
    req = pd.read_csv(esco / "requires.csv")
    o_ix = {v: i for i, v in enumerate(occ["id"])}
    s_ix = {v: i for i, v in enumerate(skills["id"])}
    req = req[req["from"].isin(o_ix) & req["to"].isin(s_ix)]
    rows = req["from"].map(o_ix).to_numpy()
    cols = req["to"].map(s_ix).to_numpy()
    vals = np.where(req["importance"] == "optional", 0.5, 1.0)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(o_ix), len(s_ix)))
    return occ["id"].tolist(), o_ix, m


def peer_related(esco, queries):
    import numpy as np
    from scipy import sparse

    ids, o_ix, m = occupation_matrix(esco)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    mn = sparse.diags(1.0 / norms) @ m
    mn = mn.tocsr()
    mt = mn.T.tocsr()
    answers = []
    t = time.perf_counter()
    for q in queries:
        i = o_ix[q]
        sims = (mn[i] @ mt).toarray().ravel()
        sims[i] = -1
        top = np.argpartition(-sims, 10)[:10]
        top = top[np.argsort(-sims[top], kind="stable")]
        answers.append([ids[j] for j in top])
    return (time.perf_counter() - t) * 1e3 / len(queries), answers


def peer_load(esco):
    t = time.perf_counter()
    occupation_matrix(esco)
    return (time.perf_counter() - t) * 1e3


def summarise(name, peer_name, peer_ms, ours_ms, quality=""):
    pmin, pmed = min(peer_ms), statistics.median(peer_ms)
    omin, omed = min(ours_ms), statistics.median(ours_ms)
    return (
        f"| {name} | {peer_name} | {pmin:.4f} / {pmed:.4f} | {omin:.4f} / {omed:.4f} | "
        f"{pmin / omin:.1f}× / {pmed / omed:.1f}× | {quality} |"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--esco", type=Path, required=True, help="an ESCO import (vaardig import esco)")
    ap.add_argument("--binary", required=True, help="target/release/examples/compare")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jobs", default="autocomplete,lookup,related,load")
    args = ap.parse_args()
    rng = random.Random(20261201)
    all_labels = labels(args.esco)
    rows = []
    jobs = args.jobs.split(",")

    if "autocomplete" in jobs:
        queries = autocomplete_queries(all_labels, 2000, rng)
        keyed = sorted((l[0].lower(), l[1]) for l in all_labels)
        keys = [k for k, _ in keyed]
        kid = [i for _, i in keyed]
        texts = [q for q, _ in queries]
        truth = [c for _, c in queries]
        peer_ms, ours_ms = [], []
        for _ in range(args.rounds):
            ms, peer_answers = peer_autocomplete(keys, kid, texts)
            peer_ms.append(ms)
            ours = rust(args.binary, "autocomplete", args.esco, texts)
            ours_ms.extend(ours["per_query_ms"])
        q = f"recall@5 bisect {recall(peer_answers, truth, 5):.3f}, vaardig {recall(ours['answers'], truth, 5):.3f}"
        rows.append(summarise("autocomplete", "Python bisect", peer_ms, ours_ms, q))

    if "lookup" in jobs:
        queries = lookup_queries(all_labels, 60, rng)
        choices = [l[0] for l in all_labels]
        ids = [l[1] for l in all_labels]
        texts = [q for q, _ in queries]
        truth = [c for _, c in queries]
        peer_ms, ours_ms = [], []
        for _ in range(max(1, args.rounds // 2)):
            ms, peer_answers = peer_lookup(choices, ids, texts)
            peer_ms.append(ms)
            ours = rust(args.binary, "lookup", args.esco, texts)
            ours_ms.extend(ours["per_query_ms"])
        q = f"recall@1 rapidfuzz {recall(peer_answers, truth, 1):.3f}, vaardig {recall(ours['answers'], truth, 1):.3f}"
        rows.append(summarise("typo lookup", "rapidfuzz WRatio", peer_ms, ours_ms, q))

    if "related" in jobs:
        with open(args.esco / "occupations.csv", newline="", encoding="utf-8") as f:
            occs = [r["id"] for r in csv.DictReader(f)]
        texts = rng.sample(occs, 300)
        for job, name in [
            ("related", "related_occupations"),
            ("ranking", "transitions (default order, ranking only)"),
            ("transitions", "transitions (default order, explained)"),
        ]:
            peer_ms, ours_ms = [], []
            for _ in range(args.rounds):
                ms, peer_answers = peer_related(args.esco, texts)
                peer_ms.append(ms)
                ours = rust(args.binary, job, args.esco, texts)
                ours_ms.extend(ours["per_query_ms"])
            rows.append(summarise(f"top-10 {name}", "scipy sparse cosine", peer_ms, ours_ms))

    if "load" in jobs:
        peer_ms, ours_ms = [], []
        for _ in range(args.rounds):
            peer_ms.append(peer_load(args.esco))
            ours_ms.extend(rust(args.binary, "load", args.esco, [], 1)["per_query_ms"])
        rows.append(summarise("load the taxonomy", "pandas read_csv + CSR", peer_ms, ours_ms))
        # Through the binary snapshot (`Ontology::open`, as the CLI loads): hash the tables,
        # check and decode the snapshot. The example writes it first, untimed.
        peer_ms, ours_ms = [], []
        for _ in range(args.rounds):
            peer_ms.append(peer_load(args.esco))
            ours_ms.extend(rust(args.binary, "open", args.esco, [], 3)["per_query_ms"])
        rows.append(summarise("load from the snapshot", "pandas read_csv + CSR", peer_ms, ours_ms))

    print("| job | peer | peer ms (min / median) | vaardig ms (min / median) | ratio (min / median) | quality |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(r)


if __name__ == "__main__":
    sys.exit(main())
