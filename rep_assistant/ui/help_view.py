"""In-app help: a topic list beside a text browser, entirely offline.

Why some pages are built here rather than written out: the categories page reads the same
CATEGORIES table the scanner uses, and the shortcuts page reads the actions of the window that
opened the help, so neither can drift from what the app really does. The prose pages are
Markdown files in resources/help, with the rep's real data folder filled in.
"""

import sys
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from rep_assistant import APP_NAME
from rep_assistant.core import paths, resources
from rep_assistant.core.errors import RepError
from rep_assistant.core.policy import CATEGORIES

if TYPE_CHECKING:
    from rep_assistant.ui.desk import Desk


@dataclass(frozen=True)
class HelpTopic:
    key: str
    title: str


TOPICS = (
    HelpTopic("about", "What Rep Assistant does"),
    HelpTopic("export", "Export a chat from WhatsApp"),
    HelpTopic("categories", "What each flag means"),
    HelpTopic("shortcuts", "Keyboard shortcuts"),
    HelpTopic("privacy", "Your data and your duties"),
)


def categories_markdown() -> str:
    lines = [
        "# What each flag means",
        "",
        "Each flag names one of these categories and quotes the clause of your school's policy it "
        "falls under. **Breach** categories are things the policy forbids; **advisory** ones are "
        "good-practice hints, worth a gentle word rather than action. A category the active policy "
        "does not mention is not flagged at all.",
        "",
    ]
    for default, heading in (("breach", "Breaches"), ("advisory", "Advisories")):
        lines += [f"## {heading}", ""]
        for cat in sorted((c for c in CATEGORIES.values() if c.default == default), key=lambda c: -c.rank):
            judged = " *(judged on a run of messages or on their timing)*" if cat.kind == "behaviour" else ""
            lines.append(f"- **{cat.label}** (`{cat.id}`): {cat.meaning}{judged}")
        lines.append("")
    return "\n".join(lines)


def _plain(text: str) -> str:
    """Menu text without its mnemonic ampersands and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty())


def collect_shortcuts(window: QWidget | None) -> list[tuple[str, str, str]]:
    """(menu, what, keys) for the window's shortcuts: menus in menu-bar order, then the rest."""
    if window is None:
        return []
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()

    def add(group: str, what: str, keys: str) -> None:
        if what and keys and what not in seen:
            seen.add(what)
            found.append((group, what, keys))

    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    for menu_action in bar.actions() if bar is not None else []:
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            add(_plain(menu.title()), _plain(action.text()), _keys(action))
    for action in window.findChildren(QAction):
        add("Other", _plain(action.text()), _keys(action))
    for shortcut in window.findChildren(QShortcut):
        add("Other", shortcut.whatsThis(), shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
    return found


def shortcuts_html(shortcuts: list[tuple[str, str, str]]) -> str:
    """HTML, not Markdown: Markdown tables need a header row, and these read better without one."""
    parts = ["<h1>Keyboard shortcuts</h1>"]
    if not shortcuts:
        parts.append("<p>Open this help from the main window to see its shortcuts.</p>")
        return "".join(parts)
    parts.append("<p>The review queue works without the mouse: move with J and K, then decide with one key.</p>")
    group = None
    for menu, what, keys in shortcuts:
        if menu != group:
            parts.append(("</table>" if group is not None else "") + f"<h3>{escape(menu)}</h3><table cellpadding='3' cellspacing='0'>")
            group = menu
        parts.append(f"<tr><td width='240'>{escape(what)}</td><td><b>{escape(keys)}</b></td></tr>")
    parts.append("</table>")
    return "".join(parts)


def page_markdown(key: str) -> str:
    if key == "categories":
        return categories_markdown()
    text = resources.read_text(f"help/{key}.md")
    return text.replace("{data_dir}", str(paths.data_dir())).replace("{config_dir}", str(paths.config_dir()))


class HelpDialog(QDialog):
    """The help window: topics on the left, the page on the right. Never opens a web browser."""

    def __init__(self, parent: QWidget | None = None, topic: str = "about") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("{app} Help").format(app=APP_NAME))
        self.setObjectName("help_dialog")
        self.resize(880, 620)
        self._shortcuts = collect_shortcuts(parent.window() if parent is not None else None)

        self.topics = QListWidget()
        self.topics.setObjectName("help_topics")
        for t in TOPICS:
            self.topics.addItem(self.tr(t.title))
        self.topics.setFixedWidth(230)
        self.topics.setStyleSheet("QListWidget::item { padding: 6px 8px; }")
        self.page = QTextBrowser()
        self.page.setObjectName("help_page")
        self.page.setOpenLinks(False)  # links never leave the app
        self.page.anchorClicked.connect(self._on_page_anchor_clicked)
        self.page.document().setDocumentMargin(16)

        body = QHBoxLayout()
        body.addWidget(self.topics)
        body.addWidget(self.page, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.topics.currentRowChanged.connect(self._on_topics_current_row_changed)
        self.show_topic(topic)

    def show_topic(self, key: str) -> None:
        keys = [t.key for t in TOPICS]
        if key not in keys:
            raise KeyError(f"no help topic called {key!r}")
        self.topics.setCurrentRow(keys.index(key))

    def _on_topics_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        if TOPICS[row].key == "shortcuts":
            self.page.setHtml(shortcuts_html(self._shortcuts))
        else:
            self.page.setMarkdown(page_markdown(TOPICS[row].key))

    def _on_page_anchor_clicked(self, url: QUrl) -> None:
        """``topic:<key>`` links move between pages; any other link is ignored on purpose."""
        if url.scheme() == "topic":
            self.show_topic(url.path())


def demo_command() -> tuple[str, list[str]]:
    """The program and arguments that start this app on the demo chat, frozen or not."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "rep_assistant", "--demo"]


def open_demo_window() -> bool:
    """Start the demo as its own process, with its own store, so it never mixes with the rep's chats."""
    program, args = demo_command()
    ok, _pid = QProcess.startDetached(program, args)
    return ok


def _open_demo_or_say(window: "Desk") -> None:
    """A demo that does not start says so, rather than the menu item seeming to do nothing."""
    if not open_demo_window():
        window.show_error(RepError("The demo chat could not be started: Rep Assistant could not run a second copy of itself."))


def show_help(window: QWidget, topic: str = "about") -> HelpDialog:
    """Show the window's help dialog (one per window, raised if already open) on ``topic``."""
    dialog = window.findChild(HelpDialog)
    if dialog is None:
        dialog = HelpDialog(window, topic)
    else:
        dialog.show_topic(topic)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install_help_actions(window: "Desk") -> None:
    """Add Help > Rep Assistant Help (F1) and Help > Open the demo chat to the main window."""
    window.new_action("help", "Rep Assistant &Help", lambda: show_help(window), QKeySequence.StandardKey.HelpContents,
                      tip="How to export a chat, what each flag means, shortcuts, your data", menu="Help")
    window.new_action("demo", "Open the &demo chat", lambda: _open_demo_or_say(window),
                      tip="A made-up class chat in a separate window and store", menu="Help")
