"""What happens to the categories a school's document doesn't name.

For each uncovered category the rep chooses: cite the document's general clause ("treat all
members with respect" can stand in for threats), flag as advisory under the model policy's
wording, or don't flag. The default is the choice that loses nothing: the general clause
where the document has one that fits, else advisory under the model wording, so a thin
document never silently switches detection off.
"""

import json
from collections.abc import Sequence
from functools import cache

from rep_assistant.core import resources
from rep_assistant.core.policy.categories import CATEGORY_IDS
from rep_assistant.core.policy.model import MODEL_SECTION, Clause
from rep_assistant.core.policy.suggest import GENERAL_COVERS, is_general

GENERAL = "general"
ADVISORY = "advisory"
OFF = "off"
CHOICES = (GENERAL, ADVISORY, OFF)


def general_clause(clauses: Sequence[Clause]) -> Clause | None:
    """The document's first rule that states a general value rather than naming a category."""
    return next((c for c in clauses if c.kind != "info" and is_general(c.text)), None)


def default_gaps(clauses: Sequence[Clause]) -> dict[str, str]:
    """Category → choice for every category the document's own clauses don't cover."""
    covered = {cat for c in clauses if c.kind != "info" for cat in c.categories}
    general = general_clause(clauses)
    gaps = {}
    for cat in CATEGORY_IDS:
        if cat in covered:
            continue
        gaps[cat] = f"{GENERAL}:{general.id}" if general is not None and cat in GENERAL_COVERS else ADVISORY
    return gaps


@cache
def _model_clauses() -> dict[str, Clause]:
    data = json.loads(resources.read_text("policies/model.json"))
    out = {}
    for raw in data["clauses"]:
        cats = raw.get("categories") or []
        if cats and raw.get("kind") != "info":
            out.setdefault(cats[0], Clause(f"model:{raw['id']}", raw["text"], (cats[0],), "advisory", MODEL_SECTION, ""))
    return out


def model_wording(category: str) -> Clause | None:
    """The model policy's clause for ``category``, as an advisory stand-in (no number: it is not the school's)."""
    return _model_clauses().get(category)
