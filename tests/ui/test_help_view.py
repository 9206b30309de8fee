"""The help window shows every topic from packaged files and tables the app really uses."""

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from rep_assistant.core import paths
from rep_assistant.core.policy import CATEGORIES
from rep_assistant.ui.help_view import TOPICS, HelpDialog, collect_shortcuts

pytestmark = pytest.mark.gui


def test_every_topic_renders_a_page(qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    for topic in TOPICS:
        dialog.show_topic(topic.key)
        text = dialog.page.toPlainText()
        assert topic.title.split()[0].lower() in text.lower(), topic.key
        assert "{" not in text, f"unfilled placeholder on {topic.key}"


def test_export_guide_covers_both_phones_and_media(qtbot) -> None:
    dialog = HelpDialog(topic="export")
    qtbot.addWidget(dialog)
    text = dialog.page.toPlainText()
    for needle in ("Android", "iPhone", "Export chat", "Without media", "Include media", "Attach Media", ".zip"):
        assert needle in text


def test_categories_page_lists_all_eighteen(qtbot) -> None:
    dialog = HelpDialog(topic="categories")
    qtbot.addWidget(dialog)
    text = dialog.page.toPlainText()
    for cat in CATEGORIES.values():
        assert cat.label in text and cat.id in text and cat.meaning in text


def test_privacy_page_names_the_real_data_folder_and_the_controller(qtbot) -> None:
    dialog = HelpDialog(topic="privacy")
    qtbot.addWidget(dialog)
    text = dialog.page.toPlainText()
    assert str(paths.data_dir()) in text
    assert "data controller" in text
    dialog.show_topic("about")
    assert "never posts to WhatsApp" in dialog.page.toPlainText()
    assert "never sends anything anywhere" in dialog.page.toPlainText()


def test_shortcuts_come_from_the_window_that_opened_help(qtbot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    confirm = QAction("&Confirm flag", window)
    confirm.setShortcut(QKeySequence("C"))
    window.menuBar().addMenu("&Review").addAction(confirm)
    QAction("No shortcut", window)
    find = QAction("Find", window)
    find.setShortcut(QKeySequence("/"))
    assert collect_shortcuts(window) == [("Review", "Confirm flag", "C"), ("Other", "Find", "/")]
    dialog = HelpDialog(window, topic="shortcuts")
    qtbot.addWidget(dialog)
    assert "Confirm flag" in dialog.page.toPlainText()


def test_links_never_leave_the_app(qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert not dialog.page.openLinks() and not dialog.page.openExternalLinks()
    with pytest.raises(KeyError):
        dialog.show_topic("nonsense")


def test_main_window_has_help_on_f1_and_lists_its_real_shortcuts(qtbot, store) -> None:
    from rep_assistant.core.settings import Settings
    from rep_assistant.ui.main_window import MainWindow

    window = MainWindow(store, Settings.load())
    qtbot.addWidget(window)
    help_action = window.actions_by_name["help"]
    assert help_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    help_action.trigger()
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    help_action.trigger()
    assert len(window.findChildren(HelpDialog)) == 1, "F1 again raises the same window"
    dialog.show_topic("shortcuts")
    text = dialog.page.toPlainText()
    assert "Confirm" in text and "Next message" in text
    dialog.close()
    window.close()


def test_the_demo_opens_in_a_separate_process() -> None:
    import sys

    from rep_assistant.ui.help_view import demo_command

    assert demo_command() == (sys.executable, ["-m", "rep_assistant", "--demo"])


def test_a_demo_that_cannot_start_says_so(qtbot, store, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from rep_assistant.core.settings import Settings
    from rep_assistant.ui import help_view
    from rep_assistant.ui.main_window import MainWindow

    window = MainWindow(store, Settings.load())
    qtbot.addWidget(window)
    monkeypatch.setattr(help_view, "open_demo_window", lambda: False)  # what QProcess reports when it cannot start
    window.actions_by_name["demo"].trigger()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible() and "demo chat could not be started" in box.text()
    box.close()
    window.close()
