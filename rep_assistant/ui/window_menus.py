"""The desk's menu bar and toolbars, laid out from its actions by name.

Why apart from the window: which action sits in which menu is a page of layout that changes
for reasons of its own (a new menu item, a reordered toolbar); the actions themselves are made
where their slots live. Takes only Qt objects, so it imports nothing of the window.
"""

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

MENU_NAMES = ("File", "Edit", "Review", "Act", "Members", "Data", "View", "Help")


def create_menus(window: QMainWindow) -> dict[str, QMenu]:
    """The empty menus, in menu-bar order (areas add to them as they install)."""
    menus = {}
    for name in MENU_NAMES:
        menus[name] = window.menuBar().addMenu(window.tr("&" + name))
        menus[name].setToolTipsVisible(True)
    return menus


def fill_menus(menus: Mapping[str, QMenu], by: Mapping[str, QAction], recent: QMenu) -> None:
    """Put the window's own actions in their menus; ``recent`` is File ▸ Open recent chat."""
    file_menu = menus["File"]
    file_menu.addAction(by["open"])
    file_menu.addMenu(recent)
    file_menu.addAction(by["rename_chat"])
    file_menu.addSeparator()
    file_menu.addAction(by["settings"])
    file_menu.addSeparator()
    file_menu.addAction(by["quit"])
    menus["Edit"].addActions([by["undo"], by["search"]])
    review_menu = menus["Review"]
    review_menu.addActions([by["next"], by["previous"]])
    review_menu.addSeparator()
    review_menu.addActions([by["confirm"], by["dismiss"], by["dismiss_kind"], by["snooze"], by["note"]])
    review_menu.addSeparator()
    review_menu.addActions([by["flag_message"], by["show_in_chat"], by["rescan"]])
    menus["Members"].addActions([by["member_note"], by["member_flags"]])
    view_menu = menus["View"]
    view_menu.addActions([by["view_review"], by["view_conversation"], by["view_members"]])
    view_menu.addSeparator()
    view_menu.addAction(by["audit"])
    menus["Help"].addAction(by["about"])


def build_toolbars(window: QMainWindow, by: Mapping[str, QAction], review_toolbar: QToolBar) -> QToolBar:
    """The main toolbar (icons with text) and the queue's decision bar."""
    toolbar = QToolBar(window.tr("Main"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    toolbar.addAction(by["open"])
    toolbar.addSeparator()
    for name in ("confirm", "dismiss", "snooze", "note", "flag_message", "undo"):
        toolbar.addAction(by[name])
    toolbar.addSeparator()
    toolbar.addAction(by["audit"])
    toolbar.addAction(by["settings"])
    window.addToolBar(toolbar)
    for name in ("confirm", "dismiss", "snooze", "note", "show_in_chat"):
        review_toolbar.addAction(by[name])
    return toolbar
