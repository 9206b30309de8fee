"""iOS system lines whose "author" is the group itself: ``[date] Group name: ‎Someone did something``.

The group's name stands where a member's would; the line is an event with its own actor and
target, and the group never becomes a member. Names and wording here are made up for the test.
"""

from pathlib import Path

import pytest

from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.importing.parsing import parse_text

LRM = "\u200e"


def _one(body: str, group: str = "Birch Class") -> tuple:
    entry = parse_text(f"[02/09/2025, 8:01:10 am] {group}: {LRM}{body}\n[02/09/2025, 8:02:00 am] Ola Berg: hello\n")[0]
    return entry.kind, entry.system_event, entry.actor, entry.target, entry.extra


@pytest.mark.parametrize(("body", "expected"), [
    ("Ines Moreau created this group", ("system", "created", "Ines Moreau", None, None)),
    ("You created this group", ("system", "created", "You", None, None)),
    ("Ines Moreau hat diese Gruppe erstellt.", ("system", "created", "Ines Moreau", None, None)),
    ("Du hast diese Gruppe erstellt.", ("system", "created", "You", None, None)),
    ("Ines Moreau created group \u201cBirch Class\u201d", ("system", "created", "Ines Moreau", None, {"subject": "Birch Class"})),
    ("Ines Moreau added Karl Dune", ("system", "added", "Ines Moreau", "Karl Dune", None)),
    ("Ines Moreau added you", ("system", "added", "Ines Moreau", "You", None)),
    ("Ines Moreau removed Karl Dune", ("system", "removed", "Ines Moreau", "Karl Dune", None)),
    ("Karl Dune left", ("system", "left", "Karl Dune", "Karl Dune", None)),
    ("Ines Moreau changed the subject to \u201cBirch Class 2025\u201d",
     ("system", "subject_changed", "Ines Moreau", None, {"subject": "Birch Class 2025"})),
    ("Ines Moreau changed this group's icon", ("system", "icon_changed", "Ines Moreau", None, None)),
    ("Ines Moreau changed the group photo", ("system", "icon_changed", "Ines Moreau", None, None)),
])
def test_group_authored_lines_are_events_with_actor_and_target(body: str, expected: tuple) -> None:
    assert _one(body) == expected


def test_a_member_saying_the_same_words_without_the_mark_is_a_message() -> None:
    entry = parse_text("[02/09/2025, 8:01:10 am] Ola Berg: Karl Dune left\n[02/09/2025, 8:02:00 am] Ola Berg: early today\n")[0]
    assert (entry.kind, entry.author) == ("message", "Ola Berg")


def test_the_group_never_becomes_a_member(store, tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat - Birch Class.txt"
    chat.write_text(f"[02/09/2025, 8:01:10 am] Birch Class: {LRM}Ines Moreau created this group\n"
                    f"[02/09/2025, 8:01:11 am] Birch Class: {LRM}Ines Moreau added Karl Dune\n"
                    "[02/09/2025, 8:03:00 am] Karl Dune: thanks for adding me\n", encoding="utf-8")
    import_export(store, chat)
    names = {r["name"] for r in store.query("SELECT name FROM members")}
    assert names == {"Ines Moreau", "Karl Dune"}
