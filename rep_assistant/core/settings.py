"""The rep's settings: declared once (name, type, default, help), stored as JSON.

Declared settings, as in qutebrowser's configdata, keep the welcome flow, the Settings dialog,
the CLI and the docs in step. The file lives in the config dir, where desktop apps keep
settings. Unknown keys from a newer version are kept on save rather than dropped.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rep_assistant.core import paths
from rep_assistant.core.errors import RepError

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
    Setting("active_policy", str, "builtin:model", "The policy whose clauses flags cite: 'builtin:model' or an imported policy id."),
    Setting("quiet_start", str, "22:00", "Start of quiet hours (HH:MM); posts from then on are flagged as late-night."),
    Setting("quiet_end", str, "07:00", "End of quiet hours (HH:MM)."),
    Setting("retention_days", int, 0, "Delete message text older than this many days (0 = keep everything)."),
    Setting("redact_bundles", bool, True, "Mask bystanders' phone numbers, e-mails and children's names in incident bundles."),
    Setting("first_run_done", bool, False, "Whether the welcome flow has been completed."),
)
_BY_NAME = {s.name: s for s in DECLARED}


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
            return setting.type(value)
        except (TypeError, ValueError) as exc:
            raise RepError(f"The setting {name} must be a {setting.type.__name__}, not {value!r}.") from exc

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
        return cls(values, path=path)

    def save(self) -> None:
        path = self.path or paths.config_dir() / SETTINGS_FILENAME
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2, ensure_ascii=False), encoding="utf-8")
        paths.make_private_file(tmp)
        tmp.replace(path)
        self.path = path
