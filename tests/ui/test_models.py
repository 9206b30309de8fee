"""Every desk model passes pytest-qt's model tester on a real imported and scanned chat."""

from pathlib import Path

import pytest

from rep_assistant.core.reviewing import conversation
from rep_assistant.ui.models.chats_model import ChatsModel
from rep_assistant.ui.models.members_model import MembersModel
from rep_assistant.ui.models.messages_model import PAGE_SIZE, MessagesModel
from rep_assistant.ui.models.queue_model import QueueModel
from rep_assistant.ui.models.roles import IdRole, RecordRole
from tests.ui.conftest import Desk

pytestmark = pytest.mark.gui


def test_models_pass_the_model_tester(desk: Desk, demo_export: Path, qtmodeltester: object) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    store, chat_id = window.store, window.current_chat_id()
    chats = ChatsModel(store)
    chats.refresh()
    messages = MessagesModel(store)
    messages.set_chat(chat_id)
    flags = QueueModel(store)
    flags.load(chat_id, tier=None)
    members = MembersModel(store)
    members.set_chat(chat_id)
    for model in (chats, messages, flags, members):
        qtmodeltester.check(model, force_py=True)
        assert model.rowCount() > 0


def test_messages_are_read_a_page_at_a_time_in_chat_order(desk: Desk, demo_export: Path) -> None:
    window = desk.open()
    desk.import_file(window, demo_export)
    store, chat_id = window.store, window.current_chat_id()
    model = MessagesModel(store)
    model.set_chat(chat_id)
    total = model.rowCount()
    assert total == conversation.count_messages(store, chat_id)
    last = model.index(total - 1, 0).data(RecordRole)
    assert list(model._pages) == [(total - 1) // PAGE_SIZE]  # only the page asked for was read
    assert model.row_of(last["id"]) == total - 1
    seqs = [model.index(r, 0).data(RecordRole)["seq"] for r in range(total)]
    assert seqs == sorted(seqs)
    flagged = [r for r in range(total) if model.index(r, 0).data(RecordRole)["flags"]]
    assert flagged, "the scanner's flags are attached to their messages"
    assert model.index(flagged[0], 0).data(IdRole) == model.index(flagged[0], 0).data(RecordRole)["id"]


@pytest.mark.parametrize(("stored", "shown"), [("2025-11-07T09:40:31+00:00", "7 Nov 2025 09:40"), ("2025-11-07 21:05", "7 Nov 2025 21:05"),
                                               ("2026-03-12", "12 Mar 2026"), (None, ""), ("not a time", "not a time")])
def test_times_read_as_a_parent_writes_them(stored: str | None, shown: str) -> None:
    from rep_assistant.ui.style import stamp

    assert stamp(stored) == shown
