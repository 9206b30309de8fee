"""The incident bundle: one zip the rep can hand to the school, checkable file by file.

It holds the report (PDF and HTML), the flagged messages with context, the clauses verbatim,
media attached to the flagged messages, the incident's audit entries and a manifest with a
SHA-256 for every file. The PDF renderer is injected (``render_pdf(html) -> bytes``) because
making a PDF needs Qt and the core never imports it. The export is recorded as bundle.export
with the manifest's hash, in the same transaction that moves the finished file into place.
"""

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rep_assistant.core.acting.incidents import record_action
from rep_assistant.core.acting.redaction import Redactor
from rep_assistant.core.acting.report import incident_evidence, message_text, report_html
from rep_assistant.core.duties import anchor, scratch
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

RenderPdf = Callable[[str], bytes]
BUNDLE_FORMAT = "rep-assistant incident bundle 1"


@dataclass(frozen=True)
class Bundle:
    incident_id: int
    data: bytes  # the zip
    manifest_sha256: str
    names: list[str]
    redacted: bool

    @property
    def filename(self) -> str:
        return f"incident-{self.incident_id}-bundle.zip"


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _messages(evidence: dict[str, Any], redactor: Redactor) -> list[list[dict[str, Any]]]:
    return [[{"message_id": m["id"], "time": m["ts"], "author": redactor.name(m["author"]) if m["author"] else None,
              "kind": m["kind"], "text": message_text(m, redactor), "attachment": m["media_name"], "flags": m["flags"]}
             for m in segment] for segment in evidence["segments"]]


def _clauses(evidence: dict[str, Any]) -> bytes:
    parts = [f"Policy {c['policy_id']}{', clause ' + c['clause_id'] if c['clause_id'] else ''}:\n{c['clause_text'].strip()}\n"
             for c in evidence["clauses"]]
    return "\n".join(parts).encode("utf-8")


def _media(store: Store, evidence: dict[str, Any]) -> tuple[dict[str, bytes], list[str]]:
    files: dict[str, bytes] = {}
    missing: list[str] = []
    for m in evidence["media"]:
        source = store.media_dir / m["stored_name"]
        name = f"media/{Path(m['original_name']).name}"
        if name in files:
            name = f"media/{m['sha256'][:8]}-{Path(m['original_name']).name}"
        try:
            files[name] = source.read_bytes()
        except OSError:
            missing.append(m["original_name"])
    return files, missing


def make_bundle(store: Store, incident_id: int, settings: Settings, *, render_pdf: RenderPdf | None,
                redact: bool | None = None) -> Bundle:
    """Build the zip in memory. ``redact`` defaults to the redact_bundles setting."""
    redact = settings["redact_bundles"] if redact is None else redact
    evidence = incident_evidence(store, incident_id, settings, redact=redact)
    redactor: Redactor = evidence["redactor"]
    html = report_html(evidence)
    files: dict[str, bytes] = {"report.html": html.encode("utf-8")}
    if render_pdf is not None:
        files["report.pdf"] = render_pdf(html)
    files["messages.json"] = _json(_messages(evidence, redactor))
    files["clauses.txt"] = _clauses(evidence)
    files["audit.json"] = _json(evidence["audit"])
    media, missing = _media(store, evidence)
    head = anchor.head(store.db.conn)
    files.update(media)
    manifest = {
        "format": BUNDLE_FORMAT, "incident": incident_id, "created_at": evidence["generated_at"], "redacted": redact,
        "missing_media": missing,
        # The rep's audit log as it stood: the school can later ask for `audit verify --head` with this hash.
        "audit_head": {"entries": head.count, "hash": head.hash},
        "files": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for name, data in files.items()],
    }
    files["manifest.json"] = _json(manifest)
    stamp = dt.datetime.fromisoformat(evidence["generated_at"]).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o100600 << 16  # extracted files stay private to the user
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return Bundle(incident_id, buffer.getvalue(), hashlib.sha256(files["manifest.json"]).hexdigest(), list(files), redact)


def record_bundle_export(store: Store, bundle: Bundle, path: Path, *, attached_to: str | None = None) -> None:
    """Audit and note the export; call inside the transaction that hands ``path`` over.

    The entry keeps a hash of the path, never the path (``scratch.path_digest``).
    """
    chat_id = store.scalar("SELECT chat_id FROM incidents WHERE id = ?", [bundle.incident_id])
    record_action(store, bundle.incident_id, "bundle.export", "masked" if bundle.redacted else "not masked")
    details = {"path_sha256": scratch.path_digest(path), "manifest_sha256": bundle.manifest_sha256, "redacted": bundle.redacted,
               "files": len(bundle.names)}
    if attached_to:
        details["attached_to"] = attached_to
    store.audit("bundle.export", {"incident": bundle.incident_id, "chat": chat_id}, details)


def write_recorded(store: Store, path: Path, data: bytes, record: Callable[[], None]) -> None:
    """Write ``data`` to ``path`` (0600), handing it over only after ``record`` committed with its audit entry.

    So the audit log never claims an export that did not happen, and no file ever exists
    without its entry, even if the app is killed in between (``scratch.handover``).
    """
    path = Path(path)
    if path.is_dir():
        raise RepError(f"{path} is a folder; give a file name to write.")

    def recorded() -> None:
        with store.transaction():
            record()

    try:
        scratch.handover(store.path, [(path, data)], recorded)
    except OSError as exc:
        raise RepError(f"{path} could not be written ({exc.strerror or exc}); nothing was handed over.") from exc


def export_bundle(store: Store, incident_id: int, path: Path, settings: Settings, *, render_pdf: RenderPdf | None,
                  redact: bool | None = None) -> Bundle:
    """Build the bundle and write it to ``path``, recording bundle.export."""
    bundle = make_bundle(store, incident_id, settings, render_pdf=render_pdf, redact=redact)
    write_recorded(store, path, bundle.data, lambda: record_bundle_export(store, bundle, path))
    return bundle
