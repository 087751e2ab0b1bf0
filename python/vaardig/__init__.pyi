"""Type stubs of vaardig (the native module ``vaardig._native`` re-exported)."""

import os
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

class OntologyLoadError(VaardigError): ...
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

def rights(age: int, nlqf: int, used_eur: float = 0.0) -> Json: ...
