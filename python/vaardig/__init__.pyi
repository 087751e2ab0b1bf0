"""Type stubs of vaardig (the native module ``vaardig._native`` re-exported)."""

import os
import pathlib
from typing import Any, Dict, List, Literal, Optional, Sequence, Union

__version__: str

Json = Dict[str, Any]
#: A profile: its JSON object as a dict, its JSON text, or a path to a profile file.
ProfileLike = Union[Json, str, "os.PathLike[str]"]
Kind = Literal[
    "skill",
    "occupation",
    "qualification",
    "offer",
    "learning_offer",
    "knowledge_area",
    "occupation_task",
    "sector",
]
RankBy = Literal["combined", "relatedness", "reachability", "hours", "cost"]
Optimise = Literal["hours", "cost"]

class VaardigError(Exception):
    """Base class of every vaardig error; ``code`` is a stable snake_case code."""

    code: str

class OntologyLoadError(VaardigError):
    """An ontology could not be loaded or imported. From a strict import with rejections (or an
    import of nothing), ``report`` holds the whole import report."""

    report: Json
class ProfileError(VaardigError):
    """A profile could not be read. From ``score_profiles``: ``row`` (0-based) and ``field``
    (``"skills[2].level"``) name the bad value."""

    row: int
    field: str

class LabelError(VaardigError): ...
class UnknownIdError(VaardigError): ...
class RightsError(VaardigError): ...
class InvalidRequestError(VaardigError): ...
class NoneWithinReachError(VaardigError): ...
class SearchIndexError(VaardigError): ...

PathLike = Union[str, "os.PathLike[str]"]

class Imported:
    """What an import made: the ontology, the report as ``vaardig import … --json`` prints it
    (``None`` for Parquet), its rejections (the error diagnostics: ``severity``, ``kind``,
    ``location`` with ``file``/``line``/``column``, ``concept``, ``message``), the core's
    validation warnings, and where the native format was written (``out``)."""

    ontology: Ontology
    report: Optional[Json]
    rejections: List[Json]
    warnings: List[str]
    out: Optional[pathlib.Path]

class Comparison:
    """Two versions and their diff, computed once (``Ontology.compare``)."""

    def diff(self) -> Json:
        """The ``diff`` of ``vaardig diff OLD NEW --json``."""
    def impact(self, profiles: Any, top: int = 10) -> Any:
        """The long ``pyarrow.Table`` of ``Ontology.impact``."""
    def impact_report(
        self, profiles: Any = None, *, sample: int = 0, top: int = 10
    ) -> Json:
        """The ``impact`` of ``vaardig diff OLD NEW --profiles FILE --json`` (or ``--sample N``
        without ``profiles``)."""

class Ontology:
    """An ontology with its scorer and (lazily built) search index; safe to share by threads."""

    @staticmethod
    def embedded() -> Ontology: ...
    @staticmethod
    def load(dir: Union[str, "os.PathLike[str]"]) -> Ontology: ...
    def search(
        self,
        text: str,
        kind: Union[Kind, Sequence[Kind], None] = None,
        lang: Optional[Literal["nl", "en"]] = None,
        limit: int = 10,
    ) -> List[Json]: ...
    def suggest(
        self,
        text: str,
        kind: Union[Kind, Sequence[Kind], None] = None,
        lang: Optional[Literal["nl", "en"]] = None,
        limit: int = 10,
    ) -> List[Json]: ...
    def extract(self, text: str) -> List[Json]: ...
    def gap(
        self,
        profile: Optional[ProfileLike],
        occupation: str,
        *,
        skills: Optional[Sequence[str]] = None,
    ) -> Json: ...
    def transitions(
        self,
        profile: Optional[ProfileLike] = None,
        from_occupation: Optional[str] = None,
        limit: int = 10,
        *,
        skills: Optional[Sequence[str]] = None,
        shortage_only: bool = False,
        sector: Optional[str] = None,
        max_gap_hours: Optional[float] = None,
        rank_by: RankBy = "combined",
    ) -> List[Json]: ...
    def route(
        self,
        profile: Optional[ProfileLike],
        to: str,
        *,
        skills: Optional[Sequence[str]] = None,
        scheme: Optional[Literal["leerrechten", "publiek-tot-mbo4"]] = None,
        optimise: Optimise = "hours",
        max_nlqf: Optional[int] = None,
        include_important: bool = False,
    ) -> Json: ...
    def advise(
        self,
        profile: Optional[ProfileLike],
        *,
        skills: Optional[Sequence[str]] = None,
        to: Optional[str] = None,
        limit: int = 5,
        shortage_only: bool = False,
        scheme: Literal["leerrechten", "publiek-tot-mbo4"] = "leerrechten",
        optimise: Optimise = "hours",
    ) -> Json: ...
    def transitions_table(
        self, occupations: Optional[Sequence[str]] = None, limit: int = 10
    ) -> Any:
        """A ``pyarrow.Table`` (needs pyarrow)."""
    def transitions_columns(
        self, occupations: Optional[Sequence[str]] = None, limit: int = 10
    ) -> Dict[str, List[Any]]: ...
    def score_profiles(
        self, profiles: Any, occupations: Optional[Sequence[str]] = None, limit: int = 10
    ) -> Any:
        """Transitions for a caseload. ``profiles``: a ``pyarrow.Table`` or ``RecordBatch``
        with ``person`` (string), ``skills`` (list<struct<id: string, level: int, evidence:
        string>>) and optional ``age``, ``nlqf``, ``current_occupation``. Returns a
        ``pyarrow.Table`` (person: string, rank: int64, occupation: string, label: string,
        score, relatedness, reachability, gap_hours, cost_eur: double), rows in input order
        then rank. Raises ``ProfileError`` (``.row``, ``.field``) for a bad row."""

    def diff(
        self,
        other: Ontology,
        *,
        mapping: Optional[PathLike] = None,
        propose: bool = True,
        accept: float = 0.85,
    ) -> Json:
        """The ``diff`` of ``vaardig diff THIS OTHER --json``."""
    def compare(
        self,
        other: Ontology,
        *,
        mapping: Optional[PathLike] = None,
        propose: bool = True,
        accept: float = 0.85,
    ) -> Comparison: ...
    def impact(
        self,
        other: Ontology,
        profiles: Any,
        top: int = 10,
        *,
        mapping: Optional[PathLike] = None,
        propose: bool = True,
        accept: float = 0.85,
    ) -> Any:
        """The impact of moving to ``other`` on a profile table, as a long ``pyarrow.Table``:
        person, occupation, label, new_occupation (string, null: removed), change (``kept``,
        ``left``, ``entered``, ``current``), rank_before, rank_after (int64, null: not ranked),
        gap_before, gap_after (double, null: not measured), overlap, kendall_tau (double)."""
    def quality_report(self, few_essential: int = 3, *, lang: str | None = None) -> Json:
        """As ``vaardig report DIR --json``."""

def rights(age: int, nlqf: int, used_eur: float = 0.0) -> Json: ...

def import_esco(
    csv_dir: PathLike,
    nl_dir: Optional[PathLike] = None,
    out: Optional[PathLike] = None,
    *,
    force: bool = False,
    languages: Optional[Sequence[str]] = None,
    strict: bool = False,
    name: Optional[str] = None,
    release_version: Optional[str] = None,
    release_date: Optional[str] = None,
    licence: Optional[str] = None,
) -> Imported: ...
def import_skos(
    files: Union[PathLike, Sequence[PathLike]],
    mapping: str = "competentnl",
    out: Optional[PathLike] = None,
    *,
    partial: bool = False,
    force: bool = False,
    languages: Optional[Sequence[str]] = None,
    strict: bool = False,
    name: Optional[str] = None,
    release_version: Optional[str] = None,
    release_date: Optional[str] = None,
    licence: Optional[str] = None,
) -> Imported: ...
def import_onet(
    dir: PathLike,
    out: Optional[PathLike] = None,
    *,
    essential_from: float = 4.0,
    important_from: float = 3.0,
    optional_from: float = 2.0,
    force: bool = False,
    languages: Optional[Sequence[str]] = None,
    strict: bool = False,
    name: Optional[str] = None,
    release_version: Optional[str] = None,
    release_date: Optional[str] = None,
    licence: Optional[str] = None,
) -> Imported: ...
def import_tabiya(
    dir: PathLike,
    out: Optional[PathLike] = None,
    *,
    force: bool = False,
    languages: Optional[Sequence[str]] = None,
    strict: bool = False,
    name: Optional[str] = None,
    release_version: Optional[str] = None,
    release_date: Optional[str] = None,
    licence: Optional[str] = None,
) -> Imported: ...
def import_parquet(
    dir: PathLike, out: Optional[PathLike] = None, *, force: bool = False
) -> Imported: ...
