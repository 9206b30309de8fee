"""Progress and cancellation for long core operations, with no Qt in sight.

Core functions take an optional ``progress(done, total, label)`` callback and an optional
``cancelled()`` predicate; the GUI's workers adapt them to signals (the Dangerzone pattern),
tests and the CLI pass nothing or a simple printer.
"""

from collections.abc import Callable

from rep_assistant.core.errors import Cancelled

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


def report(progress: ProgressFn | None, done: int, total: int, label: str = "") -> None:
    if progress is not None:
        progress(done, total, label)


def check_cancel(cancelled: CancelFn | None) -> None:
    """Raise Cancelled when the caller asked to stop; the caller's transaction then rolls back."""
    if cancelled is not None and cancelled():
        raise Cancelled()
