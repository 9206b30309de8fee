"""The incident bundle: every file checksummed, private, recorded; and the .eml draft that carries it."""

import email
import email.policy
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from rep_assistant.core.acting import incidents
from rep_assistant.core.acting.bundle import export_bundle, make_bundle
from rep_assistant.core.acting.drafting import create_draft
from rep_assistant.core.acting.eml import save_eml
from rep_assistant.core.duties import audit
from rep_assistant.core.duties.scratch import path_digest
from rep_assistant.core.errors import RepError
from rep_assistant.core.store import Store
from rep_assistant.ui.pdf import render_pdf
from tests.acting import BYSTANDER_DETAILS, World, world

JPEG = b"\xff\xd8\xff\xe0made-up photo bytes\xff\xd9"


@pytest.fixture
def incident(store: Store, qapp) -> tuple[World, int]:
    w = world(store)
    flag = w.confirmed_flag_on("useless")
    _attach_photo(store, flag)
    return w, incidents.create_incident(store, [flag], note="Priya Patel saw it too")


def _attach_photo(store: Store, flag_id: int) -> None:
    """Give the flagged message a media file, as a zip import would."""
    digest = hashlib.sha256(JPEG).hexdigest()
    store.media_dir.mkdir(parents=True, exist_ok=True)
    (store.media_dir / digest).write_bytes(JPEG)
    with store.transaction():
        store.db["media"].insert({"sha256": digest, "size": len(JPEG), "original_name": "IMG-20260312-WA0007.jpg",
                                  "stored_name": digest}, ignore=True)
        store.db.execute("UPDATE messages SET media_sha256 = ?, media_name = ? WHERE id = "
                         "(SELECT message_id FROM flags WHERE id = ?)", [digest, "IMG-20260312-WA0007.jpg", flag_id])


def _files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_bundle_holds_everything_with_checksums(store: Store, incident: tuple[World, int], tmp_path: Path) -> None:
    w, incident_id = incident
    out = tmp_path / "bundle.zip"
    bundle = export_bundle(store, incident_id, out, w.settings, render_pdf=render_pdf)
    files = _files(out.read_bytes())
    assert set(files) == {"report.html", "report.pdf", "messages.json", "clauses.txt", "audit.json",
                          "media/IMG-20260312-WA0007.jpg", "manifest.json"}
    manifest = json.loads(files["manifest.json"])
    assert {f["name"] for f in manifest["files"]} == set(files) - {"manifest.json"}
    for entry in manifest["files"]:
        assert hashlib.sha256(files[entry["name"]]).hexdigest() == entry["sha256"]
        assert len(files[entry["name"]]) == entry["size"]
    assert files["media/IMG-20260312-WA0007.jpg"] == JPEG
    assert files["report.pdf"].startswith(b"%PDF")
    clause = store.scalar("SELECT clause_text FROM flags f JOIN incident_flags x ON x.flag_id = f.id WHERE x.incident_id = ?",
                          [incident_id])
    assert clause.strip() in files["clauses.txt"].decode()
    segment = json.loads(files["messages.json"])[0]
    texts = [m["text"] for m in segment]
    assert any("blue jumper" in t for t in texts) and any("keep the chat kind" in t for t in texts)  # context before and after
    assert [m["flags"] != [] for m in segment].count(True) == 1
    logged = json.loads(files["audit.json"])
    assert [e["action"] for e in logged][:2] == ["flag.decide", "incident.create"]  # the confirmation, then the incident

    entry = audit.entries(store.db.conn, action="bundle.export")[-1]
    assert entry["details"]["manifest_sha256"] == hashlib.sha256(files["manifest.json"]).hexdigest() == bundle.manifest_sha256
    assert entry["details"]["path_sha256"] == path_digest(out) and str(out) not in str(entry) and entry["objects"]["incident"] == incident_id
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
        with zipfile.ZipFile(out) as zf:
            assert {(i.external_attr >> 16) & 0o777 for i in zf.infolist()} == {0o600}


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_masked_bundle_has_no_bystander_details_anywhere(store: Store, incident: tuple[World, int], tmp_path: Path) -> None:
    w, incident_id = incident
    files = _files(make_bundle(store, incident_id, w.settings, render_pdf=render_pdf).data)
    pdf_text = _pdf_text(files["report.pdf"], tmp_path)
    for name, data in [*files.items(), ("report.pdf as text", pdf_text.encode())]:
        for detail in (*BYSTANDER_DETAILS, "Anna Smith", "Priya", "Leo", "Ivy"):
            assert detail.encode() not in data, f"{detail!r} left unmasked in {name}"
    report = files["report.html"].decode()
    assert "07700 9•••••" in report and "a•••@example.com" in report
    assert "Parent " in report and "Child " in report
    assert "Sam Jones" in report and "Maya" in report  # the poster, and the child the flagged post is about
    assert "Sam Jones" in pdf_text and "Jo Rep" in pdf_text


def test_unmasked_bundle_shows_everything(store: Store, incident: tuple[World, int]) -> None:
    w, incident_id = incident
    bundle = make_bundle(store, incident_id, w.settings, render_pdf=None, redact=False)
    report = _files(bundle.data)["report.html"].decode()
    assert "07700 900123" in report and "anna.smith@example.com" in report and "Anna Smith" in report
    assert "report.pdf" not in bundle.names and not bundle.redacted


def test_a_failed_write_records_nothing(store: Store, incident: tuple[World, int], tmp_path: Path) -> None:
    w, incident_id = incident
    with pytest.raises(RepError, match="could not be written"):
        export_bundle(store, incident_id, tmp_path / "missing" / "b.zip", w.settings, render_pdf=None)
    assert audit.entries(store.db.conn, action="bundle.export") == []


def test_eml_draft_opens_as_an_unsent_message_with_the_bundle(store: Store, incident: tuple[World, int], tmp_path: Path) -> None:
    w, incident_id = incident
    draft = create_draft(store, "school-notification", w.settings, incident_id=incident_id)
    bundle = make_bundle(store, incident_id, w.settings, render_pdf=render_pdf)
    out = tmp_path / "to-school.eml"
    save_eml(store, draft, out, bundle)
    msg = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"] == "office@maple.example.com"
    assert msg["Subject"] == draft.subject
    assert msg.get_body(("plain",)).get_content().startswith("Dear leadership team at Maple Primary,")
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == f"incident-{incident_id}-bundle.zip"
    assert _files(attachment.get_content())["manifest.json"]
    used = audit.entries(store.db.conn, action="draft.use")[-1]
    exported = audit.entries(store.db.conn, action="bundle.export")[-1]
    assert used["details"] == {"kind": "school-notification", "how": "eml"}
    assert exported["details"]["attached_to"] == "eml" and exported["details"]["manifest_sha256"] == bundle.manifest_sha256
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
