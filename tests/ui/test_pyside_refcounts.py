"""Guard against PySide releases that drop references to Python singletons.

PySide6 6.12.0 on Python 3.11 released a reference to True on every ``Signal.emit()`` and to
None on every None a model's ``data()`` returned to Qt; after a few thousand of either, CPython
aborts ("bool_dealloc"/"none_dealloc"). The desk does both constantly, so the installed PySide
must keep the counts steady (pyproject excludes 6.12.0). The tests give back what a broken
release took, so they fail instead of aborting the test run.
"""

import ctypes
import sys

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    happened = Signal(object)


class _Model(QAbstractListModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 50

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


def test_emitting_a_signal_keeps_references_to_true(qapp: object) -> None:
    emitter = _Emitter()
    emitter.happened.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for _ in range(20):
        emitter.happened.emit(None)
    lost = _give_back(True, before)
    assert lost <= 2, f"Signal.emit() dropped {lost} references to True in 20 emits"


def test_none_from_a_model_keeps_references_to_none(qapp: object) -> None:
    model = _Model()
    index = model.index(0)
    before = sys.getrefcount(None)
    for _ in range(20):
        index.data(Qt.ItemDataRole.FontRole)  # through Qt: the Python data() answers None
    lost = _give_back(None, before)
    assert lost <= 5, f"data() returning None dropped {lost} references to None"


def _give_back(obj: object, before: int) -> int:
    lost = max(0, before - sys.getrefcount(obj))
    for _ in range(lost):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))
    return lost
