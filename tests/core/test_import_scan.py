"""Import and scan as one step (the GUI's Import, ``scan FILE``, the demo): all of it or none of it.

Why it matters: a scan that fails or is cancelled after a zip import must not leave the chat
imported but unscanned, nor other parents' photos in the media folder with no row naming them.
"""

import zipfile
from pathlib import Path

import pytest

from rep_assistant.core.errors import Cancelled
from rep_assistant.core.importing.import_scan import import_and_scan

CHAT = (
    "[14/03/2024, 09:05:41] Priya Shah: Photos from the trip\r\n"
    "\u200e[14/03/2024, 09:05:42] Priya Shah: \u200e<attached: 00000012-PHOTO-2024-03-14-09-05-42.jpg>\r\n"
    "[14/03/2024, 09:06:10] Tom Wilson: Mrs Hart is useless, everyone knows it. Ring her at home on 07700 900123\r\n"
)
PHOTO = b"\xff\xd8\xff\xe0 made-up photo bytes " * 40
_TABLES = ("chats", "members", "imports", "media", "messages", "scans", "flags", "audit_log")


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "WhatsApp Chat - Trip.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", CHAT)
        zf.writestr("00000012-PHOTO-2024-03-14-09-05-42.jpg", PHOTO)
    return path


def _rows(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in _TABLES}


def test_import_and_scan_keeps_rows_media_and_flags(store, tmp_path: Path) -> None:
    imported, scanned = import_and_scan(store, _export(tmp_path))
    assert (imported.chat_name, imported.added, imported.media_added) == ("Trip", 3, 1)
    assert (scanned.chat_id, scanned.messages) == (imported.chat_id, 3)
    assert scanned.flags_active > 0
    assert [p.suffix for p in store.media_dir.iterdir()] == [".jpg"]
    assert [r["action"] for r in store.query("SELECT action FROM audit_log ORDER BY id")] == ["import", "scan"]


@pytest.mark.parametrize(("failure", "stage"), [
    (Cancelled, "Looking for breaches"), (RuntimeError, "Looking for breaches"),
    (Cancelled, "Saving flags"),  # asked once the scan's flags and audit entry are written
    (RuntimeError, "Done"),  # the scan's own savepoint is released by then
])
def test_a_scan_that_fails_undoes_the_import_and_its_media(store, tmp_path: Path, failure: type[BaseException],
                                                           stage: str) -> None:
    labels: list[str] = []

    def progress(_done: int, _total: int, label: str) -> None:
        labels.append(label)
        if failure is RuntimeError and label == stage:
            raise RuntimeError("the progress display broke")

    with pytest.raises(failure):
        import_and_scan(store, _export(tmp_path), progress=progress, cancelled=lambda: stage in labels)
    assert "Importing messages" in labels or "Indexing messages for search" in labels  # the import did run
    assert set(_rows(store).values()) == {0}
    assert not store.media_dir.exists() or not any(store.media_dir.iterdir())
