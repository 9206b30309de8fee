"""The review desk's main window: chats on the left; review queue, conversation and members.

Signals:
    import_finished(chat_id): an export was imported and scanned.
    changed(OpChanges): an operation changed the store; every panel (and any open dialog that
        shows the store) redraws what it shows of that. Nothing refreshes a panel by hand.

The window is the shell: it lays out the panels, opens chats and exports, and runs operations
on the database thread (``run_op``). The keys and menus live with what they do:
window_menus.py (actions, menus, toolbar), review_actions.py (decisions, notes, flagging by
hand), progress_indicator.py and window_geometry.py. The other areas (Act, Data, Help) see the
window only through the small ``Desk`` protocol (desk.py).
"""

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from rep_assistant import APP_NAME, __version__
from rep_assistant.core.errors import Cancelled
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui import window_geometry
from rep_assistant.ui.act_actions import install_act_actions
from rep_assistant.ui.data_duties import install_data_actions
from rep_assistant.ui.file_dialogs import ask_open_paths
from rep_assistant.ui.help_view import install_help_actions
from rep_assistant.ui.icons import icon
from rep_assistant.ui.progress_indicator import ProgressIndicator
from rep_assistant.ui.review_actions import ReviewActions
from rep_assistant.ui.settings_actions import SettingsActions
from rep_assistant.ui.views import layout
from rep_assistant.ui.views.audit_dialog import AuditDialog
from rep_assistant.ui.views.chat_list import ChatList
from rep_assistant.ui.views.conversation_view import ConversationView
from rep_assistant.ui.views.decision_notice import DecisionNotice
from rep_assistant.ui.views.empty_page import EmptyPage
from rep_assistant.ui.views.error_dialog import show_error
from rep_assistant.ui.views.members_panel import MembersPanel
from rep_assistant.ui.views.review_panel import ReviewPanel
from rep_assistant.ui.views.settings_dialog import SettingsDialog
from rep_assistant.ui.window_menus import build_toolbars, create_menus, fill_menus
from rep_assistant.ui.workers import ops
from rep_assistant.ui.workers.changes import OpChanges
from rep_assistant.ui.workers.db_worker import DbWorker, OpFn

EXPORT_SUFFIXES = (".txt", ".zip")


class MainWindow(QMainWindow):
    import_finished = Signal(int)
    changed = Signal(object)

    def __init__(self, store: Store, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._chat_id: int | None = None
        self._fitted = False
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)

        self.worker = DbWorker(store.path, settings.actor, self)
        self.worker.changed.connect(self.apply_changes)
        self._build_central()
        self.notice = DecisionNotice(self)
        self.statusBar().addWidget(self.notice)
        # One line at a time: a new message replaces the last decision's notice, a new notice the message.
        self.statusBar().messageChanged.connect(lambda text: self.notice.clear() if text else None)
        self.notice.shown.connect(self.statusBar().clearMessage)
        self.progress = ProgressIndicator(self.worker, self.statusBar())
        self.review = ReviewActions(self, self.tabs, self.review_panel, self.conversation, self.notice)
        self.settings_actions = SettingsActions(self, self.rescan_chat)
        self.review_panel.flag_message_requested.connect(self.review.flag_message)
        self.actions_by_name: dict[str, QAction] = {}
        self._menus = create_menus(self)
        self._create_actions()
        self.recent_menu = QMenu(self.tr("Open &recent chat"), self)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)
        fill_menus(self._menus, self.actions_by_name, self.recent_menu)
        build_toolbars(self, self.actions_by_name, self.review_panel.toolbar)
        self.chat_list.addAction(self.actions_by_name["rename_chat"])
        for name in ("flag_message", "confirm", "dismiss", "dismiss_kind", "snooze", "note"):
            self.conversation.add_action(self.actions_by_name[name])
        install_act_actions(self)  # Act menu + member actions: drafts, incidents, register, bundles
        install_help_actions(self)  # Help > Rep Assistant Help (F1), Open the demo chat
        install_data_actions(self)  # Data menu + member actions: subject access, erasure, retention, backup/restore
        for panel in (self.review_panel, self.conversation, self.members_panel):
            self.changed.connect(panel.on_changes)
        self.changed.connect(self._on_changed)
        window_geometry.restore(self)
        window_geometry.keep_dialogs_on_screen(QApplication.instance())  # type: ignore[arg-type]
        self._open_last_chat()

    # -- what the areas use (the Desk protocol) ------------------------------------------------

    @property
    def store(self) -> Store:
        """The window's store connection; read from it freely, write through ``run_op``."""
        return self._store

    @property
    def settings(self) -> Settings:
        return self._settings

    def current_chat_id(self) -> int | None:
        return self._chat_id

    def selected_flag_ids(self) -> list[int]:
        """The flags of the message the rep sees: the queue's selected message, or the conversation's
        (none on the Members tab: nothing there shows a flag)."""
        return self.review.shown()[0] if self._chat_id is not None else []

    def selected_flag_id(self) -> int | None:
        """The most serious flag of the message the rep sees (drafts and incidents start from it)."""
        flag_ids = self.selected_flag_ids()
        return flag_ids[0] if flag_ids else None

    def selected_member_id(self) -> int | None:
        return self.members_panel.selected_member_id() if self._chat_id is not None else None

    def menu(self, name: str) -> QMenu:
        return self._menus[name]

    def run_op(self, label: str, fn: OpFn, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> int:
        """Run ``fn(store, progress, cancelled)`` on the database thread; errors are shown unless handled.

        When ``fn`` returns ``Done(value, changes)``, every panel redraws from ``changes`` before
        ``on_success(value)`` runs.
        """
        return self.worker.submit(label, fn, on_success, on_failure or self.show_error)

    @Slot(object)
    def apply_changes(self, changes: OpChanges) -> None:
        """Tell every panel and open dialog what changed in the store."""
        self.changed.emit(changes)

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled; nothing was changed."), 8000)
            return
        show_error(self, exc)

    def new_action(self, name: str, text: str, slot: Callable[[], Any],
                   shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, icon_name: str | None = None,
                   tip: str = "", menu: str | None = None, member_label: str | None = None) -> QAction:
        """A window-wide action (its shortcut works on every tab and shows in its tooltip), kept in
        ``actions_by_name`` and added to the menu named ``menu``; the slot never sees triggered's bool.
        With ``member_label`` it is also offered in the members panel under that short text (menus
        keep the full one). A name used twice is refused, so no area can hide another's action.
        """
        if name in self.actions_by_name:
            raise ValueError(f"there is already an action called {name!r}")
        action = QAction(self.tr(text), self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(self.tr(tip))
        action.triggered.connect(lambda _checked=False: slot())
        _describe_shortcut(action)
        self.addAction(action)
        self.actions_by_name[name] = action
        if menu is not None:
            self._menus[menu].addAction(action)
        if member_label is not None:
            action.setIconText(self.tr(member_label))
            self.members_panel.add_action(action)
        return action

    def _create_actions(self) -> None:
        a, review = self.new_action, self.review
        a("open", "&Open export…", self.choose_files, QKeySequence.StandardKey.Open, "open", "Import a WhatsApp export (.txt or .zip)")
        a("rename_chat", "Re&name chat…", self.rename_chat, None, None, "Give this chat the name you know it by; drafts sign with it")
        a("settings", "&Settings…", self.show_settings, "Ctrl+,", "settings", "Your name, the school, the policy, quiet hours, appearance")
        a("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit)
        a("undo", "&Undo last decision", review.undo_last, QKeySequence.StandardKey.Undo, "undo", "Undo the last decision in this chat")
        a("search", "&Find in chat", self.focus_search, "/", "search", "Search every message of this chat")
        a("next", "&Next message", self.review_panel.select_next, "J", None, "Go to the next message in the queue")
        a("previous", "&Previous message", self.review_panel.select_previous, "K", None, "Go to the previous message in the queue")
        a("confirm", "&Confirm", partial(review.decide, "confirmed"), "C", "confirm",
          "It breaks the policy: keep it on record (the message you see)")
        a("dismiss", "&Dismiss (false alarm)", partial(review.decide, "dismissed"), "D", "dismiss",
          "Not a breach: it stays dismissed after re-scans")
        a("dismiss_kind", "Dismiss, and never flag this &kind here", review.dismiss_kind, "Shift+D", "dismiss",
          "A false alarm of a kind that is harmless in this chat: re-scans will not flag it again")
        a("snooze", "&Snooze until tomorrow", partial(review.decide, "snoozed"), "S", "snooze", "Hide it until tomorrow morning")
        a("note", "Add &note…", review.add_note_to_flag, "N", "note", "Write a note on this message's flag")
        a("flag_message", "&Flag this message…", review.flag_message, "F", "flag",
          "The scanner missed it: flag the message you see yourself, with the clause it breaks")
        a("show_in_chat", "Show in &conversation", review.show_in_conversation, "G", "chat", "Jump to the message in the conversation")
        a("rescan", "&Re-scan chat", self.rescan_chat, "Ctrl+R", None, "Check the whole chat again against the active policy")
        a("member_note", "Add note about &member…", lambda: review.add_note_to_member(self.selected_member_id()), None, "note",
          "Write a note about the selected member", member_label="Add note")
        a("member_flags", "Show member's &flags", self.show_member_flags, None, "flag", "Filter the review queue to this member",
          member_label="Show flags")
        a("view_review", "&Review queue", partial(self.tabs.setCurrentIndex, 0), "Ctrl+1", "flag")
        a("view_conversation", "&Conversation", partial(self.tabs.setCurrentIndex, 1), "Ctrl+2", "chat")
        a("view_members", "&Members", partial(self.tabs.setCurrentIndex, 2), "Ctrl+3", "members")
        a("audit", "&Audit log…", self.show_audit_log, "Ctrl+L", "audit", "What was done, when and by whom; verify it is intact")
        a("about", "&About Rep Assistant", self.show_about)

    def decide(self, status: str) -> int | None:
        """What C, D and S do: ``status`` on the message shown (for scripts and tests)."""
        return self.review.decide(status)

    # -- layout -----------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.chats = ChatList(self._store, self)
        self.chats_model, self.chat_list = self.chats.model, self.chats.view
        self.chats.chat_chosen.connect(self.open_chat)

        self.review_panel = ReviewPanel(self._store, self)
        self.conversation = ConversationView(self._store, self)
        self.members_panel = MembersPanel(self._store, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.review_panel, icon("flag"), self.tr("Review queue"))
        self.tabs.addTab(self.conversation, icon("chat"), self.tr("Conversation"))
        self.tabs.addTab(self.members_panel, icon("members"), self.tr("Members"))
        self.review_panel.flag_selected.connect(self._on_review_panel_flag_selected)

        self.empty_page = EmptyPage(self)
        self.empty_page.open_button.clicked.connect(self.choose_files)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.tabs)
        self.splitter = layout.splitter(self, Qt.Orientation.Horizontal, "main_splitter", [(self.chats, 0), (self.stack, 1)])
        self.splitter.setSizes([220, 1060])
        self.setCentralWidget(self.splitter)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Once shown, the frame's real size is known: keep the whole frame on the screen."""
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            window_geometry.fit_to_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        window_geometry.save(self, self.tabs.currentIndex(), self._chat_id)
        self.worker.shutdown()
        super().closeEvent(event)

    # -- chats --------------------------------------------------------------------------------

    def _open_last_chat(self) -> None:
        self.refresh_chats()
        state = window_geometry.window_settings()
        last = state.value("window/last_chat")
        chat_id = int(last) if last not in (None, "") else None
        if self.chats.record(chat_id) is None:
            chat_id = self.chats.first_chat()
        self.tabs.setCurrentIndex(int(state.value("window/tab", 0) or 0))
        self.open_chat(chat_id)

    def refresh_chats(self) -> None:
        """Re-read the chat list (names, what is left to review), keeping the open chat selected."""
        self.chats.show_chats(self._chat_id)
        rec = self.chats.record(self._chat_id)
        self.setWindowTitle(f"{rec['name']} — {APP_NAME}" if rec else APP_NAME)

    def open_chat(self, chat_id: int | None) -> None:
        """Show ``chat_id`` in every panel (None: the empty state)."""
        self._chat_id = chat_id
        self.refresh_chats()
        self.stack.setCurrentWidget(self.tabs if chat_id is not None else self.empty_page)
        self.notice.clear()
        for panel in (self.review_panel, self.conversation, self.members_panel):
            panel.set_chat(chat_id)
        self._update_actions()

    def rename_chat(self) -> int | None:
        """Ask for the chat's new name (drafts sign with it) and save it."""
        if self._chat_id is None:
            return None
        rec = self.chats.record(self._chat_id)
        current = rec["name"] if rec else ""
        name, ok = QInputDialog.getText(self, self.tr("Rename chat"), self.tr("The name you know this chat by (drafts sign with it):"),
                                        QLineEdit.EchoMode.Normal, current)
        if not ok or not name.strip() or name.strip() == current:
            return None
        return self.run_op(self.tr("Renaming"), partial(ops.rename_chat, self._chat_id, name),
                           lambda new: self.statusBar().showMessage(self.tr("The chat is now called {name}.").format(name=new), 6000))

    def _update_actions(self) -> None:
        has_chat = self._chat_id is not None
        for name in ("confirm", "dismiss", "dismiss_kind", "snooze", "note", "flag_message", "show_in_chat", "undo", "search",
                     "next", "previous", "rescan", "rename_chat", "member_note", "member_flags"):
            self.actions_by_name[name].setEnabled(has_chat)

    @Slot(object)
    def _on_changed(self, changes: OpChanges) -> None:
        if changes.chat_list:
            self.refresh_chats()

    # -- opening exports ------------------------------------------------------------------------

    @Slot()
    def choose_files(self) -> None:
        files = ask_open_paths(self, self.tr("Open a WhatsApp export"), self.tr("WhatsApp exports (*.txt *.zip);;All files (*)"))
        if files:
            self.open_files(files)

    def open_files(self, files: Sequence[Path]) -> list[int]:
        """Import and scan each export on the database thread; returns the op ids."""
        return [self.run_op(self.tr("Importing {name}").format(name=path.name),
                            partial(ops.import_and_scan, path, self._settings), self._on_import_succeeded)
                for path in files]

    def prepare_demo(self) -> int:
        """Open the bundled demo chat (imported and scanned on first use)."""
        return self.run_op(self.tr("Preparing the demo chat"), ops.prepare_demo, self._on_demo_prepared)

    def rescan_chat(self, label: str = "") -> int | None:
        if self._chat_id is None:
            return None
        return self.run_op(label or self.tr("Scanning the chat"), partial(ops.scan, self._chat_id, self._settings),
                           lambda result: self.statusBar().showMessage(self.tr(
                               "Checked again: {flags} flags, {new} of them new; your decisions are kept.").format(
                               flags=result.flags_active, new=result.flags_new), 8000))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if any(url.toLocalFile().lower().endswith(EXPORT_SUFFIXES) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.toLocalFile().lower().endswith(EXPORT_SUFFIXES)]
        if files:
            event.acceptProposedAction()
            self.open_files(files)

    def _on_import_succeeded(self, result: ops.ImportOutcome) -> None:
        self.open_chat(result.chat_id)
        if result.already_imported:
            summary = self.tr("{chat}: this export was already imported; nothing new.").format(chat=result.chat_name)
        else:
            # The count the chat list and the queue show (messages, not flags), so the three agree.
            row = self.chats_model.row_of(result.chat_id)
            waiting = self.chats_model.record(row)["new_flags"] if row is not None else result.flags_new
            summary = self.tr("{chat}: {added} new messages; {waiting} to review.").format(
                chat=result.chat_name, added=result.added, waiting=waiting)
        self.statusBar().showMessage(summary, 10000)
        self.import_finished.emit(result.chat_id)

    def _on_demo_prepared(self, chat_id: int) -> None:
        self.open_chat(chat_id)
        self.statusBar().showMessage(self.tr("This is the demo chat: made-up parents, every kind of breach."), 10000)

    # -- other views -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.conversation)
        self.conversation.focus_search()

    def show_member_flags(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None:
            self.review_panel.set_filters(status="All", member_id=member_id)
            self.tabs.setCurrentWidget(self.review_panel)

    def show_settings(self) -> SettingsDialog:
        return self.settings_actions.show()

    def save_settings(self, changes: dict[str, Any], theme: str | None = None) -> int | None:
        return self.settings_actions.save(changes, theme)

    def show_audit_log(self) -> AuditDialog:
        dialog = AuditDialog(self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Rep Assistant"), self.tr(
            "<h3>Rep Assistant {version}</h3><p>An offline helper for class representatives: it reads your class chat's "
            "export, points out messages that may break the school's code of conduct, and keeps a record of what you decided."
            "</p><p>It never connects to the internet.</p>").format(version=__version__))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.progress.running is not None:
            self.progress.cancel()
            return
        super().keyPressEvent(event)

    # -- selection -------------------------------------------------------------------------------

    @Slot(int)
    def _on_review_panel_flag_selected(self, _flag_id: int) -> None:
        self._update_actions()

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for row in range(min(self.chats.model.rowCount(), 10)):
            rec = self.chats.model.record(row)
            self.recent_menu.addAction(icon("chat"), rec["name"], partial(self.open_chat, rec["id"]))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No chats yet")).setEnabled(False)


def _describe_shortcut(action: QAction) -> None:
    """Put the shortcut in the tooltip too, so the keyboard way is visible wherever the action is."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = action.toolTip() or action.text().replace("&", "").rstrip("…")
    if keys and f"({keys})" not in tip:
        action.setToolTip(f"{tip} ({keys})")
