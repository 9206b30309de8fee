"""The desk's single database thread (Anki's taskman, Dangerzone's ConvertTask).

Why one thread with its own connection: sqlite connections belong to a thread, and a long
import holds the write lock for its whole transaction. Every write (imports, scans,
decisions, notes, settings) is queued here in order, so the window never blocks on a lock and
never calls processEvents; the window's own connection only reads (WAL lets it read while
this thread writes). Results and errors come back to the main thread through a signal.
"""

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.store import Store
from rep_assistant.ui.workers.changes import unwrap

#: An operation: gets the worker's store, a progress callback and a cancel predicate.
OpFn = Callable[[Store, ProgressFn, CancelFn], Any]

#: Progress is re-emitted at most this often (and when its label changes), so a million-row
#: import cannot flood the event loop.
_PROGRESS_INTERVAL = 0.05


@dataclass
class Op:
    id: int
    label: str
    fn: OpFn
    on_success: Callable[[Any], None] | None = None
    on_failure: Callable[[BaseException], None] | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)


class _Thread(QThread):
    """Runs queued ops one at a time; emits ``op_done(op_id, result, error)`` for each."""

    op_started = Signal(int, str)
    op_progress = Signal(int, int, int, str)
    op_done = Signal(int, object, object)

    def __init__(self, db_path: Path, actor: str) -> None:
        super().__init__()
        self._db_path = db_path
        self.actor = actor
        self.queue: queue.Queue[Op | None] = queue.Queue()

    def run(self) -> None:
        store: Store | None = None
        try:
            while (op := self.queue.get()) is not None:
                self.op_started.emit(op.id, op.label)
                try:
                    if store is None:
                        store = Store(self._db_path, actor=self.actor)
                    store.actor = self.actor
                    result = op.fn(store, self._progress_for(op), op.cancel_event.is_set)
                except BaseException as exc:  # delivered to the main thread, which decides how to show it
                    self.op_done.emit(op.id, None, exc)
                else:
                    self.op_done.emit(op.id, result, None)
        finally:
            if store is not None:
                store.close()

    def _progress_for(self, op: Op) -> ProgressFn:
        last = 0.0
        last_label = None

        def progress(done: int, total: int, label: str = "") -> None:
            nonlocal last, last_label
            now = time.monotonic()
            if now - last >= _PROGRESS_INTERVAL or label != last_label or (total and done >= total):
                last, last_label = now, label
                self.op_progress.emit(op.id, done, total, label)

        return progress


class DbWorker(QObject):
    """Queue store operations for the database thread and get their results on the main thread.

    Signals:
        changed(OpChanges): an operation returned ``Done``; sent before its success callback runs,
        so every panel shows the new state by the time the caller looks.
        op_started(op_id, label): the thread began an operation.
        op_progress(op_id, done, total, label): throttled progress of the running operation.
        op_finished(op_id): an operation's success or failure callback has run.
    """

    changed = Signal(object)
    op_started = Signal(int, str)
    op_progress = Signal(int, int, int, str)
    op_finished = Signal(int)

    def __init__(self, db_path: Path, actor: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, Op] = {}
        self._next_id = 1
        self._thread = _Thread(db_path, actor)
        self._thread.op_started.connect(self.op_started)
        self._thread.op_progress.connect(self.op_progress)
        self._thread.op_done.connect(self._on_thread_op_done)
        self._thread.start()

    def set_actor(self, actor: str) -> None:
        """Who later operations are audited as (the rep's name, once they set it)."""
        self._thread.actor = actor

    def submit(self, label: str, fn: OpFn, on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> int:
        op = Op(self._next_id, label, fn, on_success, on_failure)
        self._next_id += 1
        self._pending[op.id] = op
        self._thread.queue.put(op)
        return op.id

    def cancel(self, op_id: int | None = None) -> None:
        """Ask one operation (or every queued one) to stop; it rolls back and fails with Cancelled."""
        for op in list(self._pending.values()):
            if op_id is None or op.id == op_id:
                op.cancel_event.set()

    def is_busy(self) -> bool:
        return bool(self._pending)

    def shutdown(self) -> None:
        """Cancel what is queued, let the thread finish its current step and join it."""
        self.cancel()
        self._thread.queue.put(None)
        self._thread.wait()

    @Slot(int, object, object)
    def _on_thread_op_done(self, op_id: int, result: Any, error: BaseException | None) -> None:
        op = self._pending.pop(op_id, None)
        try:
            if op is not None:
                value, changes = unwrap(result)
                if error is None and changes is not None:
                    self.changed.emit(changes)
                if error is None and op.on_success is not None:
                    op.on_success(value)
                elif error is not None:
                    if op.on_failure is None:
                        raise error
                    op.on_failure(error)
        finally:
            self.op_finished.emit(op_id)
