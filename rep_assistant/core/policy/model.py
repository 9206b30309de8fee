"""A policy is data: the school's own clauses, each mapped to the categories it forbids.

Flags quote the clause of the *loaded* policy, so two schools with different wording get
different explanations, and a category that a school's policy never mentions is never
flagged under it (one school encourages the social arrangements another calls private
conversation).
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.categories import CATEGORIES

#: Clause kinds: breach (the policy forbids it), advisory (good practice the policy asks for),
#: info (describes purpose or procedure; never cited by a flag).
CLAUSE_KINDS = ("breach", "advisory", "info")


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    categories: tuple[str, ...] = ()
    kind: str = "info"
    section: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "categories": list(self.categories), "kind": self.kind, "section": self.section}


@dataclass(frozen=True)
class Policy:
    id: str
    school: str
    title: str
    version: str
    clauses: tuple[Clause, ...]
    source: str = ""
    _by_category: dict[str, Clause] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for clause in self.clauses:
            if clause.kind == "info":
                continue
            for cat in clause.categories:
                best = self._by_category.get(cat)
                # A clause naming the category first (its main subject) beats an earlier one
                # that mentions it in passing ("threatening behaviour ... or bad language").
                if best is None or (best.categories[0] != cat and clause.categories[0] == cat):
                    self._by_category[cat] = clause

    def clause_for(self, category: str) -> Clause | None:
        """The clause a flag of ``category`` cites, or None when this policy does not cover it."""
        return self._by_category.get(category)

    @property
    def covered(self) -> frozenset[str]:
        return frozenset(self._by_category)

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise PolicyError(f"The policy {self.id} has no clause {clause_id}.")

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "school": self.school, "title": self.title, "version": self.version,
                "source": self.source, "clauses": [c.as_dict() for c in self.clauses]}

    @classmethod
    def from_dict(cls, data: Any, where: str) -> "Policy":
        """Build from a policy file's JSON, checking what a rep editing it by hand may get wrong."""
        if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
            raise PolicyError(f"{where} is not a policy file (it needs an object with a 'clauses' list).")
        clauses = []
        seen: set[str] = set()
        for i, raw in enumerate(data["clauses"], 1):
            if not isinstance(raw, dict) or not str(raw.get("text", "")).strip():
                raise PolicyError(f"Clause {i} in {where} has no text.")
            cid = str(raw.get("id") or i)
            if cid in seen:
                raise PolicyError(f"Clause number {cid} appears twice in {where}; give each clause its own number.")
            seen.add(cid)
            cats = raw.get("categories") or ()
            cats = (cats,) if isinstance(cats, str) else tuple(cats)  # one category written without [ ]
            unknown = [c for c in cats if c not in CATEGORIES]
            if unknown:
                raise PolicyError(f"Clause {cid} in {where} names unknown categories: {', '.join(unknown)}.")
            kind = raw.get("kind") or default_kind(cats)
            if kind not in CLAUSE_KINDS:
                raise PolicyError(f"Clause {cid} in {where} has kind {kind!r}; use breach, advisory or info.")
            clauses.append(Clause(cid, str(raw["text"]).strip(), cats, kind, str(raw.get("section") or "")))
        text = json.dumps([c.as_dict() for c in clauses], sort_keys=True)
        return cls(
            id=str(data.get("id") or ""),
            school=str(data.get("school") or ""),
            title=str(data.get("title") or "Code of conduct"),
            version=str(data.get("version") or hashlib.sha256(text.encode()).hexdigest()[:8]),
            clauses=tuple(clauses),
            source=str(data.get("source") or ""),
        )


def default_kind(categories: tuple[str, ...]) -> str:
    """A clause is a breach clause when any of its categories is one by default."""
    if not categories:
        return "info"
    return "breach" if any(CATEGORIES[c].default == "breach" for c in categories) else "advisory"
