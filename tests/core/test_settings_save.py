"""Settings changes go through one audited save: names always, values only when they are not personal."""

import json
from pathlib import Path

import pytest

from rep_assistant.core.duties import audit
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings, save_settings
from rep_assistant.core.store import Store


def test_a_change_is_saved_and_audited_without_personal_values(store: Store, tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    changed = save_settings(settings, {"rep_name": "Priya Shah", "retention_days": "180", "redact_bundles": "no"}, store)
    assert changed == ["redact_bundles", "rep_name", "retention_days"]
    assert json.loads((tmp_path / "settings.json").read_text())["retention_days"] == 180
    entry = audit.entries(store.db.conn, action="settings.change")[-1]
    assert entry["details"] == {"changed": changed, "values": {"retention_days": 180, "redact_bundles": False}}
    assert "Priya" not in json.dumps(entry)


def test_nothing_changed_records_nothing(store: Store, tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    assert save_settings(settings, {"retention_days": 0}, store) == []
    assert audit.entries(store.db.conn) == []
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.parametrize(("name", "value", "message"), [
    ("retention_days", "-5", "0 \\(keep everything\\)"),
    ("retention_days", "soon", "must be a whole number"),
    ("quiet_start", "25:00", "time like 22:00"),
    ("no_such_thing", "1", "no setting called"),
])
def test_a_bad_value_changes_nothing(store: Store, tmp_path: Path, name: str, value: str, message: str) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    with pytest.raises(RepError, match=message):
        save_settings(settings, {"school_name": "Oak Primary", name: value}, store)
    assert settings["school_name"] == ""
    assert audit.entries(store.db.conn) == []


def test_a_failed_write_rolls_the_entry_back(store: Store, tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "no-such-folder" / "settings.json")
    with pytest.raises(RepError, match="cannot be written"):
        save_settings(settings, {"retention_days": 30}, store)
    assert audit.entries(store.db.conn) == []
    assert settings["retention_days"] == 0


def test_without_a_store_it_still_saves(tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    save_settings(settings, {"quiet_start": "21:30"})
    assert Settings.load(tmp_path / "settings.json")["quiet_start"] == "21:30"


def test_a_bad_hand_edit_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"retention_days": "x"}', encoding="utf-8")
    with pytest.raises(RepError, match=r"settings file .*settings\.json has a bad value .*retention_days.*fix or delete it"):
        Settings.load(path)
