"""Zip exports: media kept by content hash, hostile archives refused with a sentence, store untouched."""

import hashlib
import zipfile
from pathlib import Path

import pytest

from rep_assistant.core.errors import BadExportError
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.importing.parsing import parse_export, zipexport

CHAT = (
    "[14/03/2024, 09:05:41] Priya Shah: Photos from the trip\r\n"
    "\u200e[14/03/2024, 09:05:42] Priya Shah: \u200e<attached: 00000012-PHOTO-2024-03-14-09-05-42.jpg>\r\n"
    "\u200e[14/03/2024, 09:05:43] Tom Wilson: \u200e<attached: 00000013-PHOTO-2024-03-14-09-05-43.jpg>\r\n"
    "\u200e[14/03/2024, 09:06:00] Tom Wilson: \u200e<attached: 00000014-Minutes.pdf>\r\n"
)
PHOTO = b"\xff\xd8\xff\xe0 not really a jpeg " * 50


def _zip(path: Path, members: dict[str, bytes | str], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777 << 16)
            zf.writestr(info, "/etc/passwd")
    return path


def _rows(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("chats", "members", "imports", "media", "messages", "audit_log")}


def test_ios_zip_keeps_referenced_media_by_hash(store, tmp_path: Path) -> None:
    path = _zip(tmp_path / "WhatsApp Chat - Year 3 Parents.zip", {
        "_chat.txt": CHAT,
        "00000012-PHOTO-2024-03-14-09-05-42.jpg": PHOTO,
        "00000013-PHOTO-2024-03-14-09-05-43.jpg": PHOTO,  # same bytes: stored once
        "00000099-PHOTO-unreferenced.jpg": b"never copied",
    })
    result = import_export(store, path)
    sha = hashlib.sha256(PHOTO).hexdigest()
    assert (result.chat_name, result.entries, result.added, result.media_added) == ("Year 3 Parents", 4, 4, 1)
    assert sorted(p.name for p in store.media_dir.iterdir()) == [f"{sha}.jpg"]
    assert (store.media_dir / f"{sha}.jpg").read_bytes() == PHOTO
    assert store.media_dir.stat().st_mode & 0o777 == 0o700  # other parents' photos: the user alone reads them
    assert store.query("SELECT sha256, size, original_name, stored_name FROM media") == [
        {"sha256": sha, "size": len(PHOTO), "original_name": "00000012-PHOTO-2024-03-14-09-05-42.jpg", "stored_name": f"{sha}.jpg"}]
    rows = store.query("SELECT kind, media_name, media_sha256 FROM messages ORDER BY seq")
    assert [(r["kind"], r["media_sha256"]) for r in rows] == [("message", None), ("media", sha), ("media", sha), ("media", None)]
    assert rows[3]["media_name"] == "00000014-Minutes.pdf"
    again = import_export(store, path)
    assert (again.added, again.media_added) == (0, 0)


def test_android_zip_with_named_txt(tmp_path: Path) -> None:
    path = _zip(tmp_path / "export.zip", {
        "WhatsApp Chat with Maple Class.txt": "14/03/2024, 09:05 - Ana Silva: IMG-20240314-WA0007.jpg (file attached)\ncaption\n",
        "IMG-20240314-WA0007.jpg": PHOTO,
    })
    entries = parse_export(path)
    assert [(e.kind, e.media, e.text) for e in entries] == [("media", "IMG-20240314-WA0007.jpg", "IMG-20240314-WA0007.jpg (file attached)\ncaption")]


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("_chat.txt", "[14/03/2024, 09:05:41] Priya Shah: hi\n")
        zf.writestr("00000012-PHOTO.jpg", b"\0" * (20 << 20))
    return path


@pytest.mark.parametrize(("members", "symlink", "message"), [
    ({"_chat.txt": CHAT, "../escape.jpg": PHOTO}, None, "points outside the export"),
    ({"_chat.txt": CHAT, "/tmp/absolute.jpg": PHOTO}, None, "points outside the export"),
    ({"_chat.txt": CHAT, "C:/Windows/evil.jpg": PHOTO}, None, "points outside the export"),
    ({"_chat.txt": CHAT}, "00000012-PHOTO-2024-03-14-09-05-42.jpg", "symbolic link"),
    ({"photo.jpg": PHOTO}, None, "contains no chat text"),
    ({"a.txt": "x", "b.txt": "y"}, None, "several .txt files"),
])
def test_hostile_zips_are_refused(store, tmp_path: Path, members: dict, symlink: str | None, message: str) -> None:
    before = _rows(store)
    path = _zip(tmp_path / "WhatsApp Chat - Hostile.zip", members, symlink=symlink)
    with pytest.raises(BadExportError, match=message) as caught:
        import_export(store, path)
    assert "'WhatsApp Chat - Hostile.zip'" in str(caught.value)
    assert _rows(store) == before
    assert not store.media_dir.exists() or not any(store.media_dir.iterdir())


def test_zip_bomb_is_refused_before_inflating(store, tmp_path: Path) -> None:
    with pytest.raises(BadExportError, match="zip bomb"):
        import_export(store, _bomb(tmp_path / "bomb.zip"))
    assert _rows(store)["messages"] == 0


def test_oversized_members_are_refused(store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipexport, "MAX_CHAT_BYTES", 100)
    with pytest.raises(BadExportError, match="MiB limit"):
        import_export(store, _zip(tmp_path / "big.zip", {"_chat.txt": CHAT}))
    monkeypatch.setattr(zipexport, "MAX_CHAT_BYTES", 1 << 20)
    monkeypatch.setattr(zipexport, "MAX_MEDIA_BYTES", 100)
    path = _zip(tmp_path / "WhatsApp Chat - Big.zip", {"_chat.txt": CHAT, "00000012-PHOTO-2024-03-14-09-05-42.jpg": PHOTO})
    with pytest.raises(BadExportError, match="media file"):
        import_export(store, path)
    assert _rows(store)["messages"] == 0
    assert not store.media_dir.exists() or not any(store.media_dir.iterdir())
    monkeypatch.setattr(zipexport, "MAX_MEDIA_BYTES", 1 << 20)
    monkeypatch.setattr(zipexport, "MAX_TOTAL_MEDIA_BYTES", len(PHOTO) + 10)
    path = _zip(tmp_path / "WhatsApp Chat - Many.zip", {"_chat.txt": CHAT, "00000012-PHOTO-2024-03-14-09-05-42.jpg": PHOTO,
                                                         "00000013-PHOTO-2024-03-14-09-05-43.jpg": PHOTO + b"!"})
    with pytest.raises(BadExportError, match="of media files in all"):
        import_export(store, path)
    assert _rows(store)["messages"] == 0 and not any(store.media_dir.iterdir())


def test_failed_zip_import_removes_media_it_wrote(store, tmp_path: Path) -> None:
    from rep_assistant.core.errors import Cancelled

    path = _zip(tmp_path / "WhatsApp Chat - Trip.zip", {"_chat.txt": CHAT, "00000012-PHOTO-2024-03-14-09-05-42.jpg": PHOTO})
    asked = []

    def cancel_after_the_rows() -> bool:  # the first question comes before any row, the second after them all
        asked.append(True)
        return len(asked) > 1

    with pytest.raises(Cancelled):
        import_export(store, path, cancelled=cancel_after_the_rows)
    assert len(asked) == 2
    assert _rows(store)["media"] == 0 and not any(store.media_dir.iterdir())


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_corrupt_zip_is_refused(tmp_path: Path, damage: str) -> None:
    path = _zip(tmp_path / "WhatsApp Chat - Broken.zip", {"_chat.txt": CHAT * 20})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncate" else b"PK\x03\x04" + b"\x13" * 200)
    with pytest.raises(BadExportError, match="damaged"):
        parse_export(path)


def test_corrupt_member_data_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "WhatsApp Chat - Bad CRC.zip", {"_chat.txt": CHAT * 200})
    data = bytearray(path.read_bytes())
    start = data.index(b"_chat.txt") + len("_chat.txt") + 40
    data[start:start + 20] = b"\x00" * 20
    path.write_bytes(bytes(data))
    with pytest.raises(BadExportError, match=r"damaged|not UTF-8|does not look like"):
        parse_export(path)
