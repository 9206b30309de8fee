"""The offline, tamper-evident audit log.

Each entry's hash is SHA-256 over its own content and the previous entry's hash, and the
``audit_head`` row holds the count and last hash. Editing, deleting, inserting or reordering
any row through raw SQL therefore breaks the chain at a findable entry (``verify``), and
cutting entries off the end disagrees with the head. Triggers refuse UPDATE/DELETE through
the app. Entries carry ids and facts only, never message text or names, so erasure of a
member leaves the chain untouched and valid.
"""

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(entry_id: int, at: str, actor: str, action: str, objects: str, details: str, prev_hash: str) -> str:
    payload = _canonical([entry_id, at, actor, action, objects, details, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: sqlite3.Connection, *, actor: str, action: str, objects: dict[str, Any], details: dict[str, Any]) -> int:
    """Write one entry chained to the head. The caller owns the transaction."""
    count, head = conn.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    prev = head or GENESIS
    entry_id = (conn.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0) + 1
    at = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    objects_json, details_json = _canonical(objects), _canonical(details)
    digest = entry_hash(entry_id, at, actor, action, objects_json, details_json, prev)
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, objects, details, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
        (entry_id, at, actor, action, objects_json, details_json, prev, digest),
    )
    conn.execute("UPDATE audit_head SET count = ?, hash = ? WHERE id = 1", (count + 1, digest))
    return entry_id


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    problem: str = ""
    entry_id: int | None = None


def verify(conn: sqlite3.Connection) -> VerifyResult:
    """Walk the chain in id order and say exactly which entry is wrong, if any."""
    prev = GENESIS
    expected_id = 1
    checked = 0
    rows = conn.execute(
        "SELECT id, at, actor, action, objects, details, prev_hash, hash FROM audit_log ORDER BY id"
    )
    for entry_id, at, actor, action, objects, details, prev_hash, digest in rows:
        if entry_id != expected_id:
            if entry_id > expected_id:
                return VerifyResult(False, checked, f"entry {expected_id} is missing (deleted): the log jumps to entry {entry_id}", expected_id)
            return VerifyResult(False, checked, f"entry {entry_id} is out of place", entry_id)
        if prev_hash != prev:
            return VerifyResult(
                False, checked,
                f"entry {entry_id} does not follow entry {entry_id - 1}: rows were inserted, deleted or reordered before it",
                entry_id,
            )
        if entry_hash(entry_id, at, actor, action, objects, details, prev_hash) != digest:
            return VerifyResult(False, checked, f"entry {entry_id} was edited: its content no longer matches its hash", entry_id)
        prev = digest
        expected_id += 1
        checked += 1
    count, head = conn.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    if count != checked or (head or GENESIS) != prev:
        if count > checked:
            return VerifyResult(False, checked, f"the log ends at entry {checked} but {count} were written: entries after {checked} were deleted", checked + 1)
        return VerifyResult(False, checked, f"the log's head does not match its last entry ({checked}): it was altered", checked)
    return VerifyResult(True, checked)


def entries(conn: sqlite3.Connection, *, since: str | None = None, action: str | None = None) -> list[dict[str, Any]]:
    """Entries in order, with objects/details decoded; ``since`` is an ISO date or datetime."""
    sql = "SELECT id, at, actor, action, objects, details, hash FROM audit_log WHERE 1=1"
    params: list[Any] = []
    if since:
        sql += " AND at >= ?"
        params.append(since)
    if action:
        sql += " AND action = ?"
        params.append(action)
    out = []
    for entry_id, at, actor, act, objects, details, digest in conn.execute(sql + " ORDER BY id", params):
        out.append({"id": entry_id, "at": at, "actor": actor, "action": act,
                    "objects": json.loads(objects), "details": json.loads(details), "hash": digest})
    return out
