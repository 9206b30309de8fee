"""The small runner interface the desk's dialogs write through.

Why dialogs take a runner rather than the window: a dialog only needs "do this with the store,
then tell me", so tests hand it one that works at once on a test store, while the desk hands
it the window's database thread (``window_runner``).
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject

from rep_assistant.core.store import Store

if TYPE_CHECKING:
    from rep_assistant.ui.desk import Desk

#: Runs ``fn(store)`` where writes belong and calls ``on_success(result)`` on the GUI thread; an ``fn``
#: returning ``changes.Done(value, changes)`` has the desk redraw what changed and gets ``value``.
Runner = Callable[[str, Callable[[Store], Any], Callable[[Any], None]], None]


def window_runner(window: "Desk") -> Runner:
    """Run on the window's database thread, as every write in the desk does."""
    return lambda label, fn, on_success: window.run_op(label, lambda store, _progress, _cancelled: fn(store), on_success)


def owned_by(run: Runner, owner: QObject) -> Runner:
    """``run`` whose answers are dropped once ``owner`` is deleted.

    Why: a dialog closed (and deleted) while the database thread still works out its preview or
    plan would otherwise be called back, and touching its deleted widgets raises.
    """

    def guarded(label: str, fn: Callable[[Store], Any], on_success: Callable[[Any], None]) -> None:
        run(label, fn, lambda result: on_success(result) if shiboken6.isValid(owner) else None)

    return guarded
