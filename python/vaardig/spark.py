"""Score a caseload on Spark: ``Ontology.score_profiles`` inside ``DataFrame.mapInArrow``; and
the impact of a taxonomy version change the same way (``Comparison.impact``).

Pure Python; pyspark is imported only when :func:`score_with_spark` or
:func:`impact_with_spark` runs, so ``import vaardig`` works without it. Each Python worker process loads the ontology once (a module-level
cache keyed by where it comes from) and scores every Arrow batch Spark hands it with
``score_profiles``, which runs on all the worker's cores without the GIL. The answers are the
single-process ones: the same library, the same order within a person (rank), one row per
(person, transition).

>>> from vaardig.spark import score_with_spark        # doctest: +SKIP
>>> scored = score_with_spark(spark.read.parquet("caseload/"), limit=10)   # doctest: +SKIP
>>> moved = impact_with_spark(spark.read.parquet("caseload/"), "esco-1.1.0", "esco-1.1.1")  # doctest: +SKIP
"""

import threading
from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

from . import Comparison, Ontology

#: The Spark schema of the answer, in DDL: the columns of ``Ontology.score_profiles``.
SCHEMA = (
    "person string, rank bigint, occupation string, label string, score double, "
    "relatedness double, reachability double, gap_hours double, cost_eur double"
)

#: The Spark schema of ``Comparison.impact``'s answer, in DDL.
IMPACT_SCHEMA = (
    "person string, occupation string, label string, new_occupation string, change string, "
    "rank_before bigint, rank_after bigint, gap_before double, gap_after double, "
    "overlap double, kendall_tau double"
)

_CACHE: Dict[Optional[str], Ontology] = {}
_COMPARISONS: Dict[Tuple[Optional[str], Optional[str], Optional[str], bool, float], Comparison] = {}
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


def comparison(
    before_dir: Optional[str],
    after_dir: Optional[str],
    mapping: Optional[str] = None,
    propose: bool = True,
    accept: float = 0.85,
) -> Comparison:
    """The two versions and their diff (``Ontology.compare``), computed once per process and
    cached; ``None`` for a directory is the embedded ontology."""
    key = (before_dir, after_dir, mapping, propose, accept)
    with _LOCK:
        found = _COMPARISONS.get(key)
    if found is not None:
        return found
    # Outside the lock: ontology() takes it, and a diff of two large versions takes seconds.
    made = ontology(before_dir).compare(
        ontology(after_dir), mapping=mapping, propose=propose, accept=accept
    )
    with _LOCK:
        return _COMPARISONS.setdefault(key, made)


def impact_batches(
    batches: Iterator[Any],
    before_dir: Optional[str],
    after_dir: Optional[str],
    top: int = 10,
    mapping: Optional[str] = None,
    propose: bool = True,
    accept: float = 0.85,
) -> Iterator[Any]:
    """The function ``mapInArrow`` runs for :func:`impact_with_spark`: every record batch of
    profiles measured with the cached :func:`comparison`, yielded as record batches of
    ``Comparison.impact``'s table. Usable without Spark (it is plain Arrow)."""
    compared = comparison(before_dir, after_dir, mapping, propose, accept)
    for batch in batches:
        yield from compared.impact(batch, top=top).to_batches()


def impact_with_spark(
    df: Any,
    before_dir: Optional[str],
    after_dir: Optional[str],
    top: int = 10,
    mapping: Optional[str] = None,
    propose: bool = True,
    accept: float = 0.85,
) -> Any:
    """The impact of moving from the ontology in ``before_dir`` to the one in ``after_dir`` on
    the profile DataFrame ``df`` (columns as :func:`score_with_spark` takes them), as a
    DataFrame with :data:`IMPACT_SCHEMA`: the rows of ``Ontology.impact`` (per person the old
    top ``top`` — ``kept`` or ``left`` —, the occupations that ``entered``, the ``current``
    one). ``mapping``, ``propose`` and ``accept`` as ``Ontology.diff``.

    Both directories (native or Parquet) must be readable at the same path on every executor;
    each Python worker loads both versions and computes their diff once, on its first batch.
    Rows of one person stay together in their order; the order between people is Spark's.
    """

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        from vaardig.spark import impact_batches

        return impact_batches(batches, before_dir, after_dir, top, mapping, propose, accept)

    return df.mapInArrow(run, IMPACT_SCHEMA)


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
