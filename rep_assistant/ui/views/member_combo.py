"""The member picker of the subject-access and erasure dialogs."""

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from rep_assistant.core.reviewing.members import members_to_choose
from rep_assistant.core.store import Store


class MemberCombo(QComboBox):
    """Members as "Name (chat)": the member selected in the desk, or nobody until the rep picks one.

    Never someone else by default, so an erasure cannot start on the wrong person.
    """

    def __init__(self, store: Store, member_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Member"))
        self.setPlaceholderText(self.tr("Choose a member"))
        for choice in members_to_choose(store):
            self.addItem(f"{choice['name']}  ({choice['chat']})", choice)
        self.setCurrentIndex(next((i for i in range(self.count()) if self.itemData(i)["id"] == member_id), -1))
        self.setMinimumContentsLength(28)

    def choice(self) -> dict[str, Any] | None:
        return self.currentData()
