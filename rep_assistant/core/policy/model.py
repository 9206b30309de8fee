"""A policy is data: the school's own clauses, each mapped to the categories it forbids.

Flags quote the clause of the *loaded* policy, so two schools with different wording get
different explanations, and a category that a school's policy never mentions is never
flagged under it (one school encourages the social arrangements another calls private
conversation).
"""

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.categories import CATEGORIES

#: Clause kinds: breach (the policy forbids it), advisory (good practice the policy asks for),
#: info (describes purpose or procedure; never cited by a flag).
CLAUSE_KINDS = ("breach", "advisory", "info")

#: The section of a stand-in clause taken from the model policy for a category the school's
#: document doesn't cover (the rep chose "advisory under the model wording").
MODEL_SECTION = "Model policy wording (not in the school's document)"

#: Below these a document is a poor import: it is never made active without the rep seeing its gaps.
MIN_RULES = 3
MIN_COVERED = 9  # "misses most categories": fewer than half of the 18


@dataclass(frozen=True)
class Clause:
    id: str
    text: str
    categories: tuple[str, ...] = ()
    kind: str = "info"
    section: str = ""
    #: The number the document itself gives the clause ("2.1", "(b)"), or "" when it numbers
    #: nothing: ``id`` is then an internal key and must never be shown as a clause number.
    #: None (a clause made in code) means the id is the number.
    number: str | None = None
    #: The categories the matcher suggested at import; where ``categories`` differ, the rep corrected
    #: them, and a re-import of a newer version keeps the correction. None: not known (hand-made file).
    suggested: tuple[str, ...] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.number is None:
            object.__setattr__(self, "number", self.id)

    @property
    def corrected(self) -> bool:
        return self.suggested is not None and tuple(self.suggested) != tuple(self.categories)

    def as_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "number": self.number, "text": self.text, "categories": list(self.categories),
               "kind": self.kind, "section": self.section}
        if self.suggested is not None:
            out["suggested"] = list(self.suggested)
        return out


@dataclass(frozen=True)
class Policy:
    id: str
    school: str
    title: str
    version: str
    clauses: tuple[Clause, ...]
    source: str = ""
    #: Uncovered category → the rep's choice: "general:<clause id>", "advisory" or "off" (see gaps.py).
    gaps: dict[str, str] = field(default_factory=dict, compare=False)
    #: School facts read from the document for the rep to confirm (see facts.py).
    facts: dict[str, str] = field(default_factory=dict, compare=False)
    #: Category → the document's clauses for it, most specific first (all of the best specificity level).
    _by_category: dict[str, list[Clause]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        from rep_assistant.core.policy.suggest import prohibits, specificity

        ranked: dict[str, list[tuple[tuple[int, bool, bool, int, int], int, Clause]]] = {}
        for position, clause in enumerate(self.clauses):
            if clause.kind == "info":
                continue
            for cat in clause.categories:
                # The most specific clause wins, not the first: one that names the category with a
                # specific cue, says not to (rather than where to go instead), as its main subject,
                # in most words, among the fewest other categories.
                level, hits = specificity(clause.text, cat)
                rank = (level, prohibits(clause.text), clause.categories[0] == cat, hits, -len(clause.categories))
                ranked.setdefault(cat, []).append((rank, -position, clause))
        for cat, options in ranked.items():
            options.sort(key=lambda o: (o[0], o[1]), reverse=True)
            best_level = options[0][0][0]
            self._by_category[cat] = [clause for rank, _, clause in options if rank[0] == best_level]

    def clause_for(self, category: str, hint: str = "") -> Clause | None:
        """The clause a flag of ``category`` cites: the document's own, else the rep's choice for the gap, else None.

        ``hint`` (what the flagged message does, e.g. "Shares someone else's phone number") picks,
        among equally specific clauses, the one that speaks of it ("…phone numbers…" over "…photos…")."""
        own = self._by_category.get(category)
        if own:
            if hint and len(own) > 1:
                words = _stems(hint)
                return max(own, key=lambda c: (len(words & _stems(c.text)), -own.index(c)))
            return own[0]
        choice = self.gaps.get(category, "off")
        if choice.startswith("general:"):
            general = next((c for c in self.clauses if c.id == choice.split(":", 1)[1]), None)
            return general
        if choice == "advisory":
            from rep_assistant.core.policy.gaps import model_wording

            return model_wording(category)
        return None

    @property
    def document_covered(self) -> frozenset[str]:
        """Categories the school's own document names."""
        return frozenset(self._by_category)

    @cached_property
    def covered(self) -> frozenset[str]:
        """Categories flagged under this policy: the document's, plus gaps the rep didn't switch off."""
        return frozenset(c for c in CATEGORIES if self.clause_for(c) is not None)

    @property
    def is_poor(self) -> bool:
        """Few rules or most categories missing: never activated without the rep seeing the gaps."""
        rules = sum(1 for c in self.clauses if c.kind != "info")
        return rules < MIN_RULES or len(self.document_covered) < MIN_COVERED

    def citation(self, clause: Clause) -> str:
        """How a draft names where ``clause`` comes from; never a number the document doesn't print."""
        owner = (self.school + ("" if self.school.endswith(("'s", "’s")) else "'s")) if self.school else ""
        if clause.section == MODEL_SECTION:
            return ("the model code of conduct (advisory: " + (f"{owner} code" if owner else "the school's code")
                    + " does not name this)")
        code = f"{owner} code" if owner else "the code of conduct"
        return f"clause {clause.number} of {code}" if clause.number else code

    def clause(self, clause_id: str) -> Clause:
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise PolicyError(f"The policy {self.id} has no clause {clause_id}.")

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "school": self.school, "title": self.title, "version": self.version,
                "source": self.source, "clauses": [c.as_dict() for c in self.clauses], "gaps": dict(self.gaps),
                "facts": dict(self.facts)}

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
            number = str(raw["number"]) if "number" in raw else cid  # files from before numbers were kept apart
            suggested = raw.get("suggested")
            suggested = tuple(suggested) if isinstance(suggested, list) and all(c in CATEGORIES for c in suggested) else None
            clauses.append(Clause(cid, str(raw["text"]).strip(), cats, kind, str(raw.get("section") or ""), number, suggested))
        text = json.dumps([c.as_dict() for c in clauses], sort_keys=True)
        return cls(
            id=str(data.get("id") or ""),
            school=str(data.get("school") or ""),
            title=str(data.get("title") or "Code of conduct"),
            version=str(data.get("version") or hashlib.sha256(text.encode()).hexdigest()[:8]),
            clauses=tuple(clauses),
            source=str(data.get("source") or ""),
            gaps=_gaps(data.get("gaps"), where),
            facts={str(k): str(v) for k, v in (data.get("facts") or {}).items()} if isinstance(data.get("facts"), dict) else {},
        )


def default_kind(categories: tuple[str, ...]) -> str:
    """A clause is a breach clause when any of its categories is one by default."""
    if not categories:
        return "info"
    return "breach" if any(CATEGORIES[c].default == "breach" for c in categories) else "advisory"


def _gaps(raw: Any, where: str) -> dict[str, str]:
    """The rep's choices for uncovered categories, checked as a hand edit may get them wrong."""
    if not raw:
        return {}
    if not isinstance(raw, dict):
        raise PolicyError(f"'gaps' in {where} must map categories to general:<clause>, advisory or off.")
    out = {}
    for cat, choice in raw.items():
        if cat not in CATEGORIES:
            raise PolicyError(f"'gaps' in {where} names an unknown category: {cat}.")
        if not (choice in ("advisory", "off") or str(choice).startswith("general:")):
            raise PolicyError(f"'gaps' in {where} gives {cat} the choice {choice!r}; use general:<clause>, advisory or off.")
        out[cat] = str(choice)
    return out


_STOP = frozenset({"about", "other", "their", "there", "which", "should", "would", "group", "please", "someone", "anyone", "messages"})


#: Words a flag's summary and a school's clause use for the same thing.
_CONCEPTS = {"phone": "conta", "numbe": "conta", "mobil": "conta", "addre": "conta", "email": "conta", "detai": "conta",
             "pictu": "photo", "image": "photo", "video": "photo", "teach": "staff", "pupil": "child", "stude": "child"}


def _stems(text: str) -> set[str]:
    """Content words cut to five letters ("photos"/"photographs"), with a few synonyms made one."""
    stems = {w[:5] for w in regex.findall(r"[a-z]{4,}", text.lower().replace("e-mail", "email")) if w not in _STOP}
    return stems | {_CONCEPTS[s] for s in stems if s in _CONCEPTS}
