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
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from rep_assistant.core import when
from rep_assistant.core.duties.anchor import Anchor
from rep_assistant.core.duties.anchor import problem as anchor_problem
from rep_assistant.core.progress import CancelFn, ProgressFn, check_cancel, report

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
    head_hash: str = ""

    def sentence(self) -> str:
        """What ``audit verify`` says: the count and fingerprint when intact, the broken entry otherwise."""
        if self.ok:
            return f"The audit log is intact: {self.checked} entries, last hash {self.head_hash or GENESIS}."
        return f"The audit log has been tampered with: {self.problem}."


#: Progress is reported (and a cancel honoured) every this many entries of a chain walk.
_VERIFY_STEP = 500


def verify(conn: sqlite3.Connection, progress: ProgressFn | None = None, cancelled: CancelFn | None = None, *,
           anchored: "Anchor | None" = None, known_hash: str | None = None) -> VerifyResult:
    """Walk the chain in id order and say exactly which entry is wrong, if any.

    Inside the database only a rewrite of every following entry and the head can pass. Two
    checks from outside rule that out: ``anchored``, the head written beside the store after
    every change (duties/anchor.py), catches a log cut short, rewritten up to its end or wiped;
    ``known_hash``, a head hash the rep wrote down earlier, must still be an entry of the log.
    A years-old log takes seconds to walk, hence ``progress(done, total)`` and ``cancelled()``.
    """
    total = conn.execute("SELECT count FROM audit_head WHERE id = 1").fetchone()[0]
    prev = GENESIS
    expected_id = 1
    checked = 0
    rows = conn.execute(
        "SELECT id, at, actor, action, objects, details, prev_hash, hash FROM audit_log ORDER BY id"
    )
    for entry_id, at, actor, action, objects, details, prev_hash, digest in rows:
        if entry_id != expected_id:
            return VerifyResult(False, checked, f"entry {expected_id} is missing (deleted): the log jumps to entry {entry_id}", expected_id)
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
        if checked % _VERIFY_STEP == 0:
            check_cancel(cancelled)
            report(progress, checked, max(total, checked), "Checking the log")
    count, head = conn.execute("SELECT count, hash FROM audit_head WHERE id = 1").fetchone()
    if count > checked:
        return VerifyResult(False, checked, f"the log ends at entry {checked} but {count} were written: entries after {checked} were deleted", checked + 1)
    if count < checked:
        return VerifyResult(False, checked, f"entry {count + 1} was not written by the app: the log recorded only {count} entries", count + 1)
    if (head or GENESIS) != prev:
        return VerifyResult(False, checked, f"the log's head does not match its last entry ({checked}): it was altered", checked)
    if anchored is not None and (problem := anchor_problem(conn, anchored, checked)):
        return VerifyResult(False, checked, problem, min(max(anchored.count, 1), checked + 1))
    if known_hash and known_hash != GENESIS and conn.execute(
            "SELECT 1 FROM audit_log WHERE hash = ?", (known_hash.strip().lower(),)).fetchone() is None:
        return VerifyResult(False, checked, "the head hash you gave is not in the log: it was rewritten or cut short "
                                            "since you wrote that hash down")
    return VerifyResult(True, checked, head_hash=prev)


def entries(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    action: str | None = None,
    actor: str | None = None,
    about: Mapping[str, Collection[Any]] | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[dict[str, Any]]:
    """Entries with objects/details decoded, filtered the way the GUI's log view and the CLI need.

    ``since``/``until`` are ISO dates or datetimes (a bare ``until`` date includes that day);
    ``action`` matches exactly or, ending in ``.*``, a family (``member.*``); ``about``
    (``{"flag": [12]}``) finds every entry that touched one of those objects, the question a school
    asks, whether the entry names it alone (``flag: 12``) or in a list (``flags: [12, 13]``). It takes
    several kinds and ids at once (an incident and its flags, one person's rows in several chats)
    so such a record is one query in id order, each entry once.
    """
    sql = "SELECT id, at, actor, action, objects, details, hash FROM audit_log WHERE 1=1"
    params: list[Any] = []
    if since:
        sql += " AND at >= ?"
        params.append(when.moment(since, "start date"))
    if until:
        op, bound = when.until_bound(until)
        sql += f" AND at {op} ?"
        params.append(bound)
    if action:
        if action.endswith(".*"):
            sql += " AND (action = ? OR action LIKE ? ESCAPE '\\')"
            family = action[:-2]
            params += [family, family.replace("_", "\\_").replace("%", "\\%") + ".%"]
        else:
            sql += " AND action = ?"
            params.append(action)
    if actor:
        sql += " AND actor = ?"
        params.append(actor)
    if about is not None:
        named = []
        for key, values in about.items():
            if values:
                marks = ",".join("?" * len(values))
                for path in (key, key + "s"):
                    named.append("EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid(objects) THEN objects END, '$.' || ?) "
                             f"WHERE value IN ({marks}))")
                    params += [path, *values]
        sql += f" AND ({' OR '.join(named) or '0'})"
    sql += " ORDER BY id DESC" if newest_first else " ORDER BY id"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    out = []
    for entry_id, at, who, act, objects, details, digest in conn.execute(sql, params):
        entry = {"id": entry_id, "at": at, "actor": who, "action": act, "objects": _decoded(objects),
                 "details": _decoded(details), "hash": digest}
        if DAMAGED in entry["objects"] or DAMAGED in entry["details"]:
            entry["damaged"] = True
        out.append(entry)
    return out


#: The key a field that is not valid JSON is shown under, so listing the log never stops at a bad entry.
DAMAGED = "damaged (not valid JSON)"


def _decoded(text: object) -> dict[str, Any]:
    try:
        value = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return {DAMAGED: str(text)}
    return value if isinstance(value, dict) else {DAMAGED: str(text)}


def actions(conn: sqlite3.Connection) -> list[str]:
    """The distinct actions recorded, for a filter drop-down."""
    return [row[0] for row in conn.execute("SELECT DISTINCT action FROM audit_log ORDER BY action")]
