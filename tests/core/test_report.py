"""The incident report's evidence: which audit entries the school sees with an incident."""

from pathlib import Path
from typing import Any

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.report import incident_evidence
from rep_assistant.core.duties import audit
from rep_assistant.core.reviewing import review
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from tests.core import made_up_group


def _names(entry: dict[str, Any], key: str) -> set[Any]:
    """The ids an entry names under ``key``, alone (``flag: 1``) or in a list (``flags: [1, 3]``)."""
    one, many = entry["objects"].get(key), entry["objects"].get(key + "s") or []
    return ({one} if one is not None else set()) | set(many)


def test_the_audit_section_is_every_entry_naming_the_incident_or_its_flags(store: Store, tmp_path: Path) -> None:
    group = made_up_group.build(store, tmp_path)
    others = [r[0] for r in store.db.conn.execute("SELECT id FROM flags WHERE id NOT IN (?, ?) ORDER BY id",
                                                  (group.jane_flag, group.ann_flag))]
    assert len(others) >= 2, "the made-up group no longer has flags outside the incident"
    for flag in others:
        review.set_status(store, flag, "confirmed")
    unrelated = incidents.create_incident(store, [others[0]])
    overlapping = incidents.create_incident(store, [group.jane_flag, others[1]])  # names one of our flags in a list

    evidence = incident_evidence(store, group.incident, Settings(), redact=False)

    ours = {group.jane_flag, group.ann_flag}
    expected = [e for e in audit.entries(store.db.conn)
                if group.incident in _names(e, "incident") or ours & _names(e, "flag")]
    assert evidence["audit"] == expected
    assert [e["action"] for e in evidence["audit"]] == [
        "flag.decide", "flag.decide", "incident.create", "incident.update", "note.add", "member.warn", "member.warn",
        "incident.create"]
    assert evidence["audit"][-1]["objects"]["incident"] == overlapping
    assert all(unrelated not in _names(e, "incident") and others[0] not in _names(e, "flag") for e in evidence["audit"])
