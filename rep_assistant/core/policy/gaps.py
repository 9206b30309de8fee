"""What happens to the categories a school's document doesn't name.

For each uncovered category the rep chooses: cite the document's general clause ("treat all
members with respect" can stand in for threats), flag as advisory under the model policy's
wording, or don't flag. The default is the choice that loses nothing: the general clause
where the document has one that fits, else advisory under the model wording, so a thin
document never silently switches detection off.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from rep_assistant.core import resources
from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.categories import CATEGORIES, CATEGORY_IDS
from rep_assistant.core.policy.model import MODEL_SECTION, Clause, Policy
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


@dataclass(frozen=True)
class CoverageRow:
    """One category's line in the coverage report the rep sees after an import."""

    category: str
    label: str
    status: str  # covered | general | advisory | off
    clause_id: str = ""
    number: str = ""
    text: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"category": self.category, "label": self.label, "status": self.status, "clause_id": self.clause_id,
                "number": self.number, "text": self.text}


def coverage(policy: Policy) -> list[CoverageRow]:
    """Every category: which of the document's clauses covers it, or what the rep chose for the gap."""
    rows = []
    for cat in CATEGORY_IDS:
        label = CATEGORIES[cat].label
        clause = policy.clause_for(cat)
        status = "covered" if cat in policy.document_covered else policy.gaps.get(cat, OFF).split(":", 1)[0]
        if clause is None:
            rows.append(CoverageRow(cat, label, OFF))
        else:
            rows.append(CoverageRow(cat, label, status, clause.id, clause.number, clause.text))
    return rows


def set_gap(policy: Policy, category: str, choice: str) -> Policy:
    """The policy with the rep's choice for an uncovered category: general, advisory or off."""
    if category not in CATEGORIES:
        raise PolicyError(f"There is no category {category}; the categories are: {', '.join(CATEGORY_IDS)}.")
    if category in policy.document_covered:
        raise PolicyError(f"{category} is covered by the document's own clause; correct that clause's categories instead.")
    if choice == GENERAL:
        general = general_clause(policy.clauses)
        if general is None:
            raise PolicyError("This document has no general clause (such as 'treat everyone with respect') to cite; "
                              "choose advisory or off.")
        choice = f"{GENERAL}:{general.id}"
    elif choice.startswith(f"{GENERAL}:"):
        if not any(c.id == choice.split(":", 1)[1] for c in policy.clauses):
            raise PolicyError(f"The policy {policy.id} has no clause {choice.split(':', 1)[1]}.")
    elif choice not in (ADVISORY, OFF):
        raise PolicyError(f"Choose general, advisory or off for {category}, not {choice!r}.")
    return replace(policy, gaps={**policy.gaps, category: choice})
