"""Where policies come from: the built-in model code, the rep's imported files, or a path.

Imported policies are JSON files in the user's policies folder so a rep can correct a
clause's categories in a text editor; loading re-checks them and says what is wrong.
"""

import json
from pathlib import Path

import regex

from rep_assistant.core import paths, resources
from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.document import parse_policy_text
from rep_assistant.core.policy.model import Policy
from rep_assistant.core.policy.reading import read_document
from rep_assistant.core.settings import Settings

BUILTIN_PREFIX = "builtin:"
DEFAULT_POLICY_ID = "builtin:model"
_BUILTINS = {"builtin:model": "policies/model.json"}


def load_policy(id_or_path: str | Path) -> Policy:
    """A policy by id ('builtin:model', an imported policy's id) or from a .json/.txt file."""
    ref = str(id_or_path)
    if ref in _BUILTINS:
        return Policy.from_dict(json.loads(resources.read_text(_BUILTINS[ref])), ref)
    if ref.startswith(BUILTIN_PREFIX):
        raise PolicyError(f"There is no built-in policy called {ref}; the built-in one is {DEFAULT_POLICY_ID}.")
    path = Path(ref).expanduser()
    if path.suffix.lower() in {".json", ".txt"} and path.exists():
        if path.suffix.lower() == ".txt":
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
        policy = Policy(default_id, policy.school, policy.title, policy.version, policy.clauses, policy.source)
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


def import_policy_document(path: str | Path, name: str | None = None) -> Policy:
    """Parse a school's code-of-conduct text and save it as an editable policy file."""
    path = Path(path)
    if not path.exists():
        raise PolicyError(f"There is no file {path}.")
    text = read_document(path)
    probe = parse_policy_text(text, policy_id="", name=name, source=path.name)
    policy_id = slug(name or probe.school or path.stem)
    policy = Policy(policy_id, probe.school, probe.title, probe.version, probe.clauses, probe.source)
    save_policy(policy)
    return policy


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
