"""The rep's settings: declared once (name, type, default, help), stored as JSON.

Declared settings, as in qutebrowser's configdata, keep the welcome flow, the Settings dialog,
the CLI and the docs in step. The file lives in the config dir, where desktop apps keep
settings. Unknown keys from a newer version are kept on save rather than dropped.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rep_assistant.core import paths
from rep_assistant.core.errors import RepError

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


class Settings:
    """A dict-like view of the declared settings, loaded from and saved to one JSON file."""

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {s.name: s.default for s in DECLARED}
        for key, value in (values or {}).items():
            self._values[key] = self._coerce(key, value) if key in _BY_NAME else value

    @staticmethod
    def _coerce(name: str, value: Any) -> Any:
        setting = _BY_NAME[name]
        if setting.type is bool:
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        try:
            coerced = setting.type(value)
        except (TypeError, ValueError) as exc:
            kind = {int: "whole number", float: "number"}.get(setting.type, setting.type.__name__)
            raise RepError(f"The setting {name} must be a {kind}, not {value!r}.") from exc
        if name == "retention_days" and coerced < 0:
            raise RepError("The setting retention_days must be 0 (keep everything) or a number of days.")
        if name in {"quiet_start", "quiet_end"} and not _HH_MM.fullmatch(coerced):
            raise RepError(f"The setting {name} must be a time like 22:00, not {value!r}.")
        return coerced

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
        if not path.exists():
            return cls(path=path)
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RepError(f"The settings file {path} cannot be read ({exc}); fix or delete it.") from exc
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
