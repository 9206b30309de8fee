"""Where policies come from: the built-in model code, the rep's imported files, or a path.

Imported policies are JSON files in the user's policies folder so a rep can correct a
clause's categories in a text editor; loading re-checks them and says what is wrong.
"""

import difflib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import regex

from rep_assistant.core import paths, resources
from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.document import parse_policy_text
from rep_assistant.core.policy.model import Clause, Policy
from rep_assistant.core.policy.reading import read_document
from rep_assistant.core.settings import Settings

BUILTIN_PREFIX = "builtin:"
DEFAULT_POLICY_ID = "builtin:model"
_BUILTINS = {"builtin:model": "policies/model.json"}
#: Files a policy can be read from directly (besides the app's own .json policy files).
DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".docx", ".odt", ".pdf", ".html", ".htm"})
_MAX_REWORDED = 200


def load_policy(id_or_path: str | Path) -> Policy:
    """A policy by id ('builtin:model', an imported policy's id) or from a .json/.txt file."""
    ref = str(id_or_path)
    if ref in _BUILTINS:
        return Policy.from_dict(json.loads(resources.read_text(_BUILTINS[ref])), ref)
    if ref.startswith(BUILTIN_PREFIX):
        raise PolicyError(f"There is no built-in policy called {ref}; the built-in one is {DEFAULT_POLICY_ID}.")
    path = Path(ref).expanduser()
    if path.suffix.lower() in DOCUMENT_SUFFIXES | {".json"} and path.exists():
        if path.suffix.lower() != ".json":
            return parse_policy_text(read_document(path), policy_id=slug(path.stem), source=path.name)
        return _read_json(path, default_id=slug(path.stem))
    stored = paths.user_policies_dir() / f"{ref}.json"
    if stored.exists():
        return _read_json(stored, default_id=ref)
    known = ", ".join(list_policy_ids())
    raise PolicyError(f"There is no policy called {ref} (known: {known}); import one with 'rep-assistant policy import FILE'.")


def _read_json(path: Path, *, default_id: str) -> Policy:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PolicyError(f"The policy file {path} cannot be read ({exc}); fix it or import the document again.") from exc
    policy = Policy.from_dict(data, str(path))
    if not policy.id:
        policy = replace(policy, id=default_id)
    return policy


def active_policy_id(settings: Settings | None = None) -> str:
    """The id of the policy flags cite: the one chosen in settings, else the built-in model."""
    settings = settings or Settings.load()
    return settings.get("active_policy") or DEFAULT_POLICY_ID


def active_policy(settings: Settings | None = None) -> Policy:
    return load_policy(active_policy_id(settings))


def slug(text: str) -> str:
    """A policy id from a school's name or a file name: lower-case words joined by '-'."""
    words = regex.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))
    return "-".join(words)[:60] or "policy"


@dataclass(frozen=True)
class ImportResult:
    """A saved import and what it changed against the version imported before (if any)."""

    policy: Policy
    previous: Policy | None = None
    added: tuple[Clause, ...] = ()
    removed: tuple[Clause, ...] = ()
    changed: tuple[tuple[Clause, Clause], ...] = ()  # (before, after) of a reworded clause
    corrections_kept: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"previous_version": self.previous.version if self.previous else None,
                "added": [c.text for c in self.added], "removed": [c.text for c in self.removed],
                "changed": [{"before": a.text, "after": b.text} for a, b in self.changed],
                "corrections_kept": self.corrections_kept}


def import_policy_document(path: str | Path, name: str | None = None) -> Policy:
    """Import a document, for callers that need only the saved policy (see import_policy_file)."""
    return import_policy_file(path, name).policy


def import_policy_file(path: str | Path, name: str | None = None, *, save: bool = True) -> ImportResult:
    """Read a school's code of conduct (any format we read) and save it as an editable policy."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise PolicyError(f"There is no file {path}.")
    return import_policy_text(read_document(path), name=name, source=path.name, fallback_id=path.stem, save=save)


def import_policy_text(text: str, *, name: str | None = None, source: str = "pasted text", fallback_id: str = "policy",
                       save: bool = True) -> ImportResult:
    """Import a policy from its text (a file's, or pasted into the window); a newer version of a
    policy imported before keeps the rep's corrections and gap choices and reports what changed.
    ``save=False`` leaves saving to a caller that saves inside its own transaction."""
    probe = parse_policy_text(text, policy_id="", name=name, source=source)
    policy_id = slug(name or probe.school or fallback_id)
    stored = paths.user_policies_dir() / f"{policy_id}.json"
    previous = _read_json(stored, default_id=policy_id) if stored.exists() else None
    policy = replace(probe, id=policy_id)
    result = ImportResult(policy)
    if previous is not None:
        result = _carry_over(previous, policy)
    if save:
        save_policy(result.policy)
    return result


def _key(text: str) -> str:
    return " ".join(regex.findall(r"\w+", text.lower()))


def _carry_over(previous: Policy, policy: Policy) -> ImportResult:
    """The new version with the rep's corrections of unchanged (or lightly reworded) clauses and their gap choices."""
    old_by_text = {_key(c.text): c for c in previous.clauses}
    new_keys = {_key(c.text) for c in policy.clauses}
    unmatched_old = [c for c in previous.clauses if _key(c.text) not in new_keys]
    clauses, added, changed = [], [], []
    kept = 0
    # Pairing reworded clauses compares each new clause with each unmatched old one: only for the
    # handful a new version rewords, never quadratic work over a whole rewritten document.
    fuzzy = len(unmatched_old) <= _MAX_REWORDED
    for clause in policy.clauses:
        before = old_by_text.get(_key(clause.text))
        if before is None and fuzzy:
            before = _closest(clause, unmatched_old)
            if before is not None:
                unmatched_old.remove(before)
                changed.append((before, clause))
            else:
                added.append(clause)
        if before is not None and before.corrected:
            clause = replace(clause, categories=before.categories, kind=before.kind)
            kept += 1
        clauses.append(clause)
    new_ids = {_key(c.text): c.id for c in clauses}
    old_texts = {c.id: _key(c.text) for c in previous.clauses}
    updated = replace(policy, clauses=tuple(clauses))
    gaps = dict(updated.gaps)
    for cat, choice in previous.gaps.items():
        if cat not in gaps:
            continue
        if choice.startswith("general:"):
            target = new_ids.get(old_texts.get(choice.split(":", 1)[1], ""))
            if target is None:
                continue
            choice = f"general:{target}"
        gaps[cat] = choice
    return ImportResult(replace(updated, gaps=gaps), previous, tuple(added), tuple(unmatched_old), tuple(changed), kept)


def _closest(clause: Clause, candidates: list[Clause]) -> Clause | None:
    best, best_ratio = None, 0.6
    for old in candidates:
        matcher = difflib.SequenceMatcher(None, _key(old.text), _key(clause.text))
        if matcher.real_quick_ratio() <= best_ratio or matcher.quick_ratio() <= best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = old, ratio
    return best


def save_policy(policy: Policy) -> Path:
    if policy.id.startswith(BUILTIN_PREFIX):
        raise PolicyError("The built-in policy cannot be overwritten; import your school's own policy instead.")
    target = paths.user_policies_dir() / f"{policy.id}.json"
    try:
        paths.write_private(target, json.dumps(policy.as_dict(), indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise PolicyError(f"The policy file {target} cannot be written ({exc.strerror or exc}); check that folder's permissions.") from exc
    return target


def list_policy_ids() -> list[str]:
    return [*_BUILTINS, *sorted(p.stem for p in paths.user_policies_dir().glob("*.json"))]


def list_policies() -> list[Policy]:
    """Every policy the rep can choose, built-in first; unreadable files are reported, not skipped."""
    return [load_policy(pid) for pid in list_policy_ids()]
