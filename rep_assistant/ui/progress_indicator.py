"""The status bar's progress for the database thread: label, bar and Cancel, shown only when slow.

Why a delay: most operations (a decision, a note) take milliseconds, and a bar flashing on each
key press is noise; anything longer than ``DELAY_MS`` shows its progress and can be cancelled
(Esc or the button), which rolls it back.
"""

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from rep_assistant.ui.icons import icon
from rep_assistant.ui.workers.db_worker import DbWorker

DELAY_MS = 300


class ProgressIndicator(QObject):
    def __init__(self, worker: DbWorker, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self._worker = worker
        self.running: int | None = None
        self.label = QLabel(status_bar)
        self.bar = QProgressBar(status_bar)
        self.bar.setMaximumWidth(200)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QToolButton(status_bar)
        self.cancel_button.setIcon(icon("cancel"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setToolTip(self.tr("Stop; the store is left as it was before (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running operation"))
        self.cancel_button.clicked.connect(self.cancel)
        for widget in self._widgets():
            status_bar.addPermanentWidget(widget)
            widget.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        worker.op_started.connect(self._on_worker_op_started)
        worker.op_progress.connect(self._on_worker_op_progress)
        worker.op_finished.connect(self._on_worker_op_finished)

    def _widgets(self) -> tuple[QLabel, QProgressBar, QToolButton]:
        return self.label, self.bar, self.cancel_button

    def cancel(self) -> None:
        self._worker.cancel(self.running)

    @Slot(int, str)
    def _on_worker_op_started(self, op_id: int, label: str) -> None:
        self.running = op_id
        self.label.setText(label + "…")
        self.bar.setRange(0, 0)
        self._timer.start(DELAY_MS)

    @Slot(int, int, int, str)
    def _on_worker_op_progress(self, op_id: int, done: int, total: int, label: str) -> None:
        if op_id != self.running:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if label:
            self.label.setText(label)

    @Slot(int)
    def _on_worker_op_finished(self, op_id: int) -> None:
        if op_id != self.running:
            return
        self.running = None
        self._timer.stop()
        for widget in self._widgets():
            widget.hide()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.running is not None:
            for widget in self._widgets():
                widget.show()
