"""The rep's settings: declared once (name, type, default, help), stored as JSON.

Declared settings, as in qutebrowser's configdata, keep the welcome flow, the Settings dialog,
the CLI and the docs in step. The file lives in the config dir, where desktop apps keep
settings. Unknown keys from a newer version are kept on save rather than dropped.
"""

import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rep_assistant.core import paths
from rep_assistant.core.errors import NO_SPACE, RepError, disk_full_sentence

if TYPE_CHECKING:
    from rep_assistant.core.store import Store

SETTINGS_FILENAME = "settings.json"


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


DECLARED: tuple[Setting, ...] = (
    Setting("rep_name", str, "", "Your name, as it appears in drafts and in the audit log."),
    Setting("school_name", str, "", "The school's name, used in drafts and reports."),
    Setting("school_email", str, "", "The school office or leadership team's e-mail address for notifications."),
    Setting("school_phone", str, "", "The school office's published phone number (never flagged as personal data)."),
    Setting("school_escalation", str, "", "Who the school's code says to escalate concerns to (e.g. the class teacher, then the Headteacher)."),
    Setting("active_policy", str, "builtin:model", "The policy whose clauses flags cite: 'builtin:model' or an imported policy id."),
    Setting("quiet_start", str, "22:00", "Start of quiet hours (HH:MM); posts from then on are flagged as late-night."),
    Setting("quiet_end", str, "07:00", "End of quiet hours (HH:MM)."),
    Setting("retention_days", int, 0, "Delete message text older than this many days (0 = keep everything)."),
    Setting("redact_bundles", bool, True, "Mask bystanders' phone numbers, e-mails and children's names in incident bundles."),
    Setting("first_run_done", bool, False, "Whether the welcome flow has been completed."),
)
_BY_NAME = {s.name: s for s in DECLARED}

#: Settings whose new values the audit log records alongside their names: they show how the rep
#: handled data (retention, redaction, which policy, quiet hours) and hold nothing personal.
#: Names and contact details are recorded by name only, so the log never holds them.
AUDITED_VALUES = frozenset({"active_policy", "quiet_start", "quiet_end", "retention_days", "redact_bundles", "first_run_done"})

_HH_MM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_TRUE, _FALSE = frozenset({"1", "true", "yes", "on"}), frozenset({"0", "false", "no", "off"})
#: A century: longer would overflow date arithmetic and means a typo, not a retention policy.
MAX_RETENTION_DAYS = 36_500
#: Longer than any name, address or policy id; a pasted document is a mistake, not a setting.
MAX_TEXT = 500
#: A settings file is a few hundred bytes; anything near this is not one.
MAX_FILE_BYTES = 1 << 20


def _as_bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = value.strip().lower() if isinstance(value, str) else value
    if word in _TRUE or word == 1:
        return True
    if word in _FALSE or word == 0:
        return False
    raise RepError(f"The setting {name} must be true or false (yes/no, on/off, 1/0 also do), not {value!r}.")


def _as_int(name: str, value: Any) -> int:
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif (isinstance(value, float) and value.is_integer()) or (isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,12}\s*", value)):
        number = int(value)
    if number is None:
        raise RepError(f"The setting {name} must be a whole number, not {value!r}.")
    if name == "retention_days" and not 0 <= number <= MAX_RETENTION_DAYS:
        raise RepError(f"The setting retention_days must be 0 (keep everything) or a number of days up to {MAX_RETENTION_DAYS}, "
                       f"not {number}.")
    return number


class Settings:
    """A dict-like view of the declared settings, loaded from and saved to one JSON file."""

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {s.name: s.default for s in DECLARED}
        for key, value in (values or {}).items():
            self._values[key] = self._coerce(key, value) if key in _BY_NAME else value

    @staticmethod
    def _coerce(name: str, value: Any) -> Any:
        """The value as the setting's type, or a RepError sentence: never a guess.

        A boolean that is not clearly true or false (``ture``, ``maybe``, ``null``) is refused
        rather than read as false, since "false" would quietly turn off redaction.
        """
        setting = _BY_NAME[name]
        if setting.type is bool:
            return _as_bool(name, value)
        if setting.type is int:
            return _as_int(name, value)
        if not isinstance(value, str):
            raise RepError(f"The setting {name} must be text, not {value!r}.")
        if len(value) > MAX_TEXT:
            raise RepError(f"The setting {name} is {len(value)} characters long; keep it under {MAX_TEXT}.")
        if name in {"quiet_start", "quiet_end"} and not _HH_MM.fullmatch(value):
            raise RepError(f"The setting {name} must be a time like 22:00, not {value!r}.")
        return value

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name, default)

    def set(self, name: str, value: Any) -> None:
        if name not in _BY_NAME:
            raise RepError(f"There is no setting called {name}.")
        self._values[name] = self._coerce(name, value)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @property
    def actor(self) -> str:
        """Who the audit log says did things: the rep's name, or a neutral word until it is set."""
        return self._values.get("rep_name") or "rep"

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or paths.config_dir() / SETTINGS_FILENAME
        try:
            info = path.stat()
        except FileNotFoundError:
            return cls(path=path)
        except OSError as exc:
            raise RepError(f"The settings file {path} cannot be read ({exc.strerror or exc}); fix its permissions or delete it.") from exc
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:  # a pipe would block, a huge file is not ours
            raise RepError(f"The settings file {path} is not a settings file (a pipe, a device or over 1 MiB); delete it.")
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as exc:  # RecursionError: thousands of nested brackets
            reason = "it is nested too deeply" if isinstance(exc, RecursionError) else getattr(exc, "strerror", None) or exc
            raise RepError(f"The settings file {path} cannot be read ({reason}); fix or delete it.") from exc
        if not isinstance(values, dict):
            raise RepError(f"The settings file {path} is not a JSON object; fix or delete it.")
        try:
            return cls(values, path=path)
        except RepError as exc:  # a hand edit gone wrong: say which file, not just which setting
            raise RepError(f"The settings file {path} has a bad value ({str(exc).rstrip('.')}); fix or delete it.") from exc

    def save(self) -> None:
        """All or nothing (``paths.write_private``): a crash mid-save must not leave the rep with no settings."""
        path = self.path or paths.config_dir() / SETTINGS_FILENAME
        try:
            paths.write_private(path, json.dumps(self._values, indent=2, ensure_ascii=False))
        except OSError as exc:
            if exc.errno in NO_SPACE:
                raise RepError(disk_full_sentence(path)) from exc
            raise RepError(f"The settings file {path} cannot be written ({exc.strerror or exc}); nothing was changed.") from exc
        self.path = path


def save_settings(settings: Settings, changes: dict[str, Any], store: "Store | None" = None) -> list[str]:
    """Apply ``changes``, save the file and record a ``settings.change`` audit entry.

    The GUI's Settings dialog, the welcome flow and the CLI all come through here so no change
    goes unrecorded. With a store the file is written inside the audit entry's transaction: if
    the write fails, the entry is rolled back too. Returns the names that actually changed.
    """
    trial = Settings(settings.as_dict(), path=settings.path)
    for name, value in changes.items():
        trial.set(name, value)  # all or nothing: a bad value leaves ``settings`` untouched
    changed = sorted(n for n in changes if trial[n] != settings[n])
    if not changed:
        return []
    details = {"changed": changed, "values": {n: trial[n] for n in changed if n in AUDITED_VALUES}}
    if store is None:
        trial.save()
    else:
        with store.transaction():
            store.audit("settings.change", {}, details)
            trial.save()
    for name in changed:  # only once saved, so a failed save leaves the caller's view as it was
        settings.set(name, trial[name])
    settings.path = trial.path
    return changed
