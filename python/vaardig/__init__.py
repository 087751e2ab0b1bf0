"""vaardig: match people, courses and occupations over a CompetentNL-style skills taxonomy.

A thin front over the Rust library: every answer is the plain-Python form (dicts, lists, str,
int, float, bool, None) of the JSON that ``vaardig … --json`` prints for the same question.

>>> import vaardig
>>> onto = vaardig.Ontology.embedded()
>>> onto.gap({"skills": [{"id": "skill:wondverzorging", "evidence": "diploma"}]},
...          "occ:verzorgende-ig")["occupation"]["id"]
'occ:verzorgende-ig'
"""

from ._native import (
    Comparison,
    Imported,
    InvalidRequestError,
    LabelError,
    NoneWithinReachError,
    Ontology,
    OntologyLoadError,
    ProfileError,
    RightsError,
    SearchIndexError,
    UnknownIdError,
    VaardigError,
    __version__,
    import_esco,
    import_onet,
    import_parquet,
    import_skos,
    import_tabiya,
    rights,
)

__all__ = [
    "Comparison",
    "Imported",
    "InvalidRequestError",
    "LabelError",
    "NoneWithinReachError",
    "Ontology",
    "OntologyLoadError",
    "ProfileError",
    "RightsError",
    "SearchIndexError",
    "UnknownIdError",
    "VaardigError",
    "__version__",
    "import_esco",
    "import_onet",
    "import_parquet",
    "import_skos",
    "import_tabiya",
    "rights",
]
