"""Scanning window by window finds exactly what one detect_all() (rules and learned model) over the whole chat finds, in the same order."""

import subprocess
import sys
from pathlib import Path

from rep_assistant.core.detection.layers import detect_all
from rep_assistant.core.detection.rules import DetectOptions, Message
from rep_assistant.core.detection.scan import detect_chat
from rep_assistant.core.detection.scan_windows import iter_windows
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.policy import load_policy


def _whole_chat(store, chat_id: int) -> list[Message]:
    rows = store.db.conn.execute(
        "SELECT m.id, m.ts, COALESCE(mem.name, ''), m.kind, m.text FROM messages m LEFT JOIN members mem ON mem.id = m.member_id "
        "WHERE m.chat_id = ? AND m.purged_at IS NULL ORDER BY m.seq", (chat_id,)).fetchall()
    return [Message(r[0], r[1], r[2], r[4] or "", r[3]) for r in rows]


def _assert_same_as_whole(store, chat_id: int, min_windows: int) -> list:
    policy, options = load_policy("builtin:model"), DetectOptions()
    whole = detect_all(_whole_chat(store, chat_id), policy, options)
    assert whole
    # window=1: cut at every quiet cut there is, the hardest case for equality.
    assert sum(1 for _ in iter_windows(store, chat_id, window=1)) >= min_windows
    count, found, member_of = detect_chat(store, chat_id, policy, options, window=1)
    assert found == whole
    assert count == len(_whole_chat(store, chat_id))
    stored = dict(store.db.conn.execute("SELECT id, member_id FROM messages WHERE chat_id = ?", (chat_id,)).fetchall())
    assert member_of == {f.message_id: stored[f.message_id] for f in whole}
    return whole


def test_windows_of_a_generated_class_chat_find_the_same(store, shared_dir: Path, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat with Big Class.txt"
    subprocess.run([sys.executable, str(shared_dir / "bench" / "make_big_chat.py"), "6000", str(export)], check=True)
    whole = _assert_same_as_whole(store, import_export(store, export).chat_id, min_windows=20)
    assert {f.tier for f in whole} == {"main", "worth-a-look"}  # the learned model's flags are in the comparison


# A photo just after a night is matched to its caption by looking back first: no window may
# start at the photo, or the look-back would stop at the window's start and look ahead. And a
# "no idea" four quiet hours after a question still answers it: no window may start there.
NIGHTS = "".join(f"06/01/2025, 18:{i:02d} - Gus Hall: Thanks, see you all at pick up {i}\n" for i in range(12)) + """\
06/01/2025, 20:00 - Ann Bell: Look at the kids at the class party!
06/01/2025, 20:01 - Cal Dean: Do you know when the trip money is due?
06/01/2025, 20:02 - Eve Frost: no idea
07/01/2025, 07:30 - Ann Bell: <Media omitted>
07/01/2025, 07:31 - Ann Bell: Here are the photos of the children at the party
07/01/2025, 07:40 - Cal Dean: you coming tonight?
07/01/2025, 07:41 - Eve Frost: are you?
07/01/2025, 07:42 - Cal Dean: you bet, you?
07/01/2025, 07:43 - Eve Frost: yes see you
07/01/2025, 11:45 - Eve Frost: no idea
"""


def test_no_window_starts_where_a_rule_would_look_back_across_the_night(store, tmp_path: Path) -> None:
    body = "".join(NIGHTS.replace("/01/", f"/{month:02d}/") for month in range(1, 13))
    export = tmp_path / "WhatsApp Chat with Nights.txt"
    export.write_text(body, encoding="utf-8")
    chat_id = import_export(store, export).chat_id
    for window in iter_windows(store, chat_id, window=1):
        assert window.messages[0].text.startswith("Thanks, see you all")
    _assert_same_as_whole(store, chat_id, min_windows=10)
