"""Score a caseload on Spark: ``Ontology.score_profiles`` inside ``DataFrame.mapInArrow``.

Pure Python; pyspark is imported only when :func:`score_with_spark` runs, so ``import
vaardig`` works without it. Each Python worker process loads the ontology once (a module-level
cache keyed by where it comes from) and scores every Arrow batch Spark hands it with
``score_profiles``, which runs on all the worker's cores without the GIL. The answers are the
single-process ones: the same library, the same order within a person (rank), one row per
(person, transition).

>>> from vaardig.spark import score_with_spark        # doctest: +SKIP
>>> scored = score_with_spark(spark.read.parquet("caseload/"), limit=10)   # doctest: +SKIP
"""

import threading
from typing import Any, Dict, Iterator, Optional, Sequence

from . import Ontology

#: The Spark schema of the answer, in DDL: the columns of ``Ontology.score_profiles``.
SCHEMA = (
    "person string, rank bigint, occupation string, label string, score double, "
    "relatedness double, reachability double, gap_hours double, cost_eur double"
)

_CACHE: Dict[Optional[str], Ontology] = {}
_LOCK = threading.Lock()


def ontology(path: Optional[str] = None) -> Ontology:
    """The ontology in ``path`` (a native or Parquet ontology directory as ``Ontology.load``
    takes it) or, for ``None``, the embedded one — loaded once per process and cached."""
    with _LOCK:
        onto = _CACHE.get(path)
        if onto is None:
            onto = Ontology.embedded() if path is None else Ontology.load(path)
            _CACHE[path] = onto
        return onto


def score_batches(
    batches: Iterator[Any],
    ontology_path: Optional[str] = None,
    occupations: Optional[Sequence[str]] = None,
    limit: int = 10,
) -> Iterator[Any]:
    """The function ``mapInArrow`` runs: every ``pyarrow.RecordBatch`` of profiles scored,
    yielded as record batches of the answer. Usable without Spark (it is plain Arrow)."""
    onto = ontology(ontology_path)
    for batch in batches:
        table = onto.score_profiles(batch, occupations=occupations, limit=limit)
        yield from table.to_batches()


def score_with_spark(
    df: Any,
    ontology_path: Optional[str] = None,
    occupations: Optional[Sequence[str]] = None,
    limit: int = 10,
) -> Any:
    """Scores the profile DataFrame ``df`` (columns as ``Ontology.score_profiles`` takes them:
    ``person``, ``skills`` array<struct<id, level, evidence>>, optional ``age``, ``nlqf``,
    ``current_occupation``) and returns a DataFrame with :data:`SCHEMA`.

    ``ontology_path`` must be readable at the same path on every executor (a shared or
    shipped directory, e.g. ``SparkContext.addFile`` then ``SparkFiles.get``); ``None`` uses
    the embedded ontology. A bad row fails its task with ``vaardig.ProfileError`` naming the
    row within its batch and the field. Rows of one person stay together in rank order; the
    order between people is Spark's (sort by ``person, rank`` when it matters).
    """
    chosen = list(occupations) if occupations is not None else None

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        # Imported on the worker: the closure pickles only the arguments.
        from vaardig.spark import score_batches

        return score_batches(batches, ontology_path, chosen, limit)

    return df.mapInArrow(run, SCHEMA)
