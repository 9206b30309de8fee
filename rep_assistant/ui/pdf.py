"""HTML to PDF with Qt's own text engine (QTextDocument + QPdfWriter), which works offscreen.

This lives in the UI package because the core never imports Qt; the core's bundle builder
takes ``render_pdf`` as a callable, and the CLI imports this module only when it needs a PDF.
"""

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

_RESOLUTION = 300


def ensure_gui_application() -> QApplication:
    """Text layout needs an application object; without a display, use the offscreen platform.

    A QApplication (not just QGuiApplication) so that the window, or a test, can still show
    widgets in the same process afterwards.
    """
    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and os.name == "posix":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["rep-assistant"])
    return app  # type: ignore[return-value]


def render_pdf(html: str) -> bytes:
    """An A4 PDF of ``html`` with 18 mm margins and page numbers handled by Qt's paginator."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(_RESOLUTION)
    writer.setTitle("Incident report")
    writer.setCreator("Rep Assistant")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
