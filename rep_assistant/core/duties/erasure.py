"""Erasure: removing one person from the store, keeping the record of what the rep did.

The person is named by chat and author, and erased from every chat where that exact name
posts (the rep's one-to-one chat with them is the same person), each row getting its own
pseudonym; mentions everywhere read as the pseudonym of the chat named.

The member's messages, the media only they sent and the rep's notes about them are deleted.
Everything that records the rep's actions (flags, decisions, incidents, warnings and removals)
stays, pointing at the member's row, whose name becomes a pseudonym ("Member 7", from the row
id, so it is unique and means nothing outside this store). Their name is then replaced by the
pseudonym in every text column of every table: other messages, system-event actor/target,
register reasons, notes, incident titles and actions, flag explanations, chat and import file
names (WhatsApp names an export after the chat or the contact). The audit log holds ids only,
so it is not touched and its chain stays valid.

Replacement is by whole name (and, for a phone-number author, by the number in its usual
spellings), never inside another member's longer name. A first name or nickname on its own
cannot be told apart from anyone else's, so it is left; ``preview`` says how many places
mention the full name so the rep can check.
"""

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from rep_assistant.core.chats import find_chat
from rep_assistant.core.duties import audit, scratch, wipe
from rep_assistant.core.duties.ledger import Ledger, phone_e164
from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store, now_iso

#: Tables the sweep never rewrites: the audit chain (ids only, and append-only), the head,
#: sqlite-utils' bookkeeping, and the members register itself (set directly).
_NOT_SWEPT = {"audit_log", "audit_head", "_sqlite_migrations", "members"}


@dataclass(frozen=True)
class Member:
    id: int
    chat_id: int
    chat: str
    name: str
    is_phone: bool

    @property
    def pseudonym(self) -> str:
        return f"Member {self.id}"


@dataclass(frozen=True)
class ErasurePlan:
    member: Member
    member_ids: tuple[int, ...]
    messages: int
    media_files: int
    notes: int
    flags: int
    open_incidents: int
    register_reasons: int = 0
    exports: tuple[Path, ...] = ()  # exports about them the app wrote into the store's own folder
    mentions: dict[str, int] = field(default_factory=dict)
    compacted: bool = True


def find_member(store: Store, chat: str, author: str) -> Member:
    """The member posting as exactly ``author`` in ``chat`` (found as every command finds a chat)."""
    found = find_chat(store, chat)
    chat = found["name"]
    row = store.db.conn.execute(
        "SELECT id, chat_id, ?, name, is_phone, erased_at FROM members WHERE chat_id = ? AND name = ?",
        (chat, found["id"], author),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"Nobody called {author!r} has posted in {chat!r}; 'rep-assistant members CHAT' lists them.")
    if row[5]:
        raise RepError(f"{author!r} in {chat!r} has already been erased.")
    return Member(row[0], row[1], row[2], row[3], bool(row[4]))


#: A phone number in any spelling: optional + or 00, digits with spaces, dots, dashes or brackets.
_NUMBER = r"(?P<number>(?<![\w+])\+?\(?\d(?:[\s().\-\u00a0\u202f\u2011]{0,2}\d){8,14}(?!\w))"


def name_pattern(store: Store, member: Member, same_person: tuple[int, ...] = (), *,
                 first_name: bool = False) -> regex.Pattern[str]:
    """Whole-name matches of the member, and (captured, to be left alone) other members' longer names.

    For a phone-number author every phone number is captured as ``number``, to be compared in its
    international form (``numbers_match``): "+44 (0)7700 900123", "0044 7700 900123" and
    "07700.900.123" are all the same number. ``first_name`` adds their first name alone, for the
    rep's own notes and reasons, when no other member shares it.
    """
    spellings = [regex.escape(member.name)]
    escaped = json.dumps(member.name)[1:-1]
    if escaped != member.name:
        spellings.append(regex.escape(escaped))  # JSON written with ensure_ascii
    if first_name and not member.is_phone:
        first = member.name.split()[0]
        sharing = store.scalar("SELECT count(*) FROM members WHERE (name = ? OR name LIKE ? || ' %') AND id NOT IN "
                               f"({','.join(str(int(i)) for i in (member.id, *same_person))})", (first, first))
        if len(first) >= 3 and first != member.name and not sharing:
            spellings.append(regex.escape(first))
    own = regex.compile(r"(?<![\w+])(?:" + "|".join(spellings) + r")(?!\w)", regex.IGNORECASE)
    others = sorted(
        {name for mid, name in store.db.conn.execute("SELECT id, name FROM members") if mid not in {member.id, *same_person} and own.search(name)},
        key=len, reverse=True,
    )
    guard = "(?P<other>" + "|".join(regex.escape(o) for o in others) + ")|" if others else ""
    number = "|" + _NUMBER if member.is_phone else ""
    return regex.compile(guard + own.pattern + number, regex.IGNORECASE)


def _scrubber(pattern: regex.Pattern[str], member: Member) -> Callable[[object], object]:
    own_number = phone_e164(member.name) if member.is_phone else None

    def replace_match(m: "regex.Match[str]") -> str:
        groups = m.groupdict()
        if groups.get("other"):
            return m.group(0)
        if groups.get("number") is not None:
            return member.pseudonym if phone_e164(m.group(0)) == own_number else m.group(0)
        return member.pseudonym

    def scrub(value: object) -> object:
        if not isinstance(value, str):
            return value
        return pattern.sub(replace_match, value)
    return scrub


def _text_columns(store: Store) -> list[tuple[str, str]]:
    conn = store.db.conn
    virtual = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        if table in _NOT_SWEPT or any(table == v or table.startswith(v + "_") for v in virtual):
            continue
        for col in conn.execute(f'PRAGMA table_info("{table}")').fetchall():
            if col[2].upper() in {"TEXT", ""}:
                out.append((table, col[1]))
    return out


#: The rep's own words, where a first name alone means the member (when nobody else has it).
_REPS_WORDS = {("notes", "text"), ("member_events", "reason"), ("incidents", "title"), ("incident_actions", "details")}


def _in(ids: tuple[int, ...] | list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def notes_about(store: Store, ids: tuple[int, ...]) -> list[int]:
    """The rep's notes about the person: on them, on flags on their messages, on incidents only about them.

    Erasure deletes these, and the subject-access export shows them (with the other notes that
    mention them), so the preview, the erasure and the export count the same notes.
    """
    rows = store.db.conn.execute(
        f"SELECT id FROM notes WHERE member_id IN ({_in(ids)}) "
        f"OR flag_id IN (SELECT id FROM flags WHERE member_id IN ({_in(ids)})) "
        "OR incident_id IN (SELECT x.incident_id FROM incident_flags x JOIN flags f ON f.id = x.flag_id "
        f"GROUP BY x.incident_id HAVING min(f.member_id IN ({_in(ids)})) = 1) ORDER BY id")
    return [row[0] for row in rows]


def _sweep(store: Store, member: Member, same_person: tuple[int, ...], *, apply: bool,
           skip_notes: list[int] | tuple[int, ...] = ()) -> dict[str, int]:
    """Count (with ``apply``, replace) the values naming the member in every text column but their own messages'.

    Replacing is one UPDATE per column whose row count is the figure, so the sweep reads each table once.
    ``skip_notes``: notes the erasure deletes anyway, as it blanks the reasons of their own register
    entries (so the preview does not count them twice).
    """
    conn = store.db.conn
    conn.create_function("rep_scrub", 1, _scrubber(name_pattern(store, member, same_person), member), deterministic=True)
    conn.create_function("rep_scrub_rep", 1, _scrubber(name_pattern(store, member, same_person, first_name=True), member),
                         deterministic=True)
    not_theirs = {"messages": f" AND (member_id IS NULL OR member_id NOT IN ({_in(same_person)}))",
                  "member_events": f" AND member_id NOT IN ({_in(same_person)})",
                  "notes": f" AND id NOT IN ({_in(list(skip_notes))})" if skip_notes else ""}
    counts: dict[str, int] = {}
    for table, column in _text_columns(store):
        scrub = "rep_scrub_rep" if (table, column) in _REPS_WORDS else "rep_scrub"
        where = f'"{column}" IS NOT {scrub}("{column}")' + not_theirs.get(table, "")
        if apply:
            n = conn.execute(f'UPDATE "{table}" SET "{column}" = {scrub}("{column}") WHERE {where}').rowcount
        else:
            n = conn.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]
        if n:
            counts[f"{table}.{column}"] = n
    return counts


def same_person(store: Store, member: Member) -> tuple[int, ...]:
    """The member's rows in every chat: the same name in the rep's other chats is the same person."""
    rows = store.db.conn.execute("SELECT id FROM members WHERE name = ? AND erased_at IS NULL ORDER BY id", (member.name,))
    return tuple(row[0] for row in rows)


def preview(store: Store, chat: str, author: str) -> ErasurePlan:
    """What ``erase`` would do, for the confirmation prompt; changes nothing."""
    plan = _plan(store, chat, author)
    skip = notes_about(store, plan.member_ids)
    return replace(plan, mentions=_sweep(store, plan.member, plan.member_ids, apply=False, skip_notes=skip))


def _plan(store: Store, chat: str, author: str) -> ErasurePlan:
    """What would be removed, without the mentions: ``erase`` counts those as it replaces them."""
    member = find_member(store, chat, author)
    ids = same_person(store, member)
    scalar = store.scalar
    return ErasurePlan(
        member=member,
        member_ids=ids,
        messages=scalar(f"SELECT count(*) FROM messages WHERE member_id IN ({_in(ids)})"),
        media_files=scalar(
            f"SELECT count(DISTINCT media_sha256) FROM messages WHERE member_id IN ({_in(ids)}) AND media_sha256 NOT IN "
            f"(SELECT media_sha256 FROM messages WHERE (member_id IS NULL OR member_id NOT IN ({_in(ids)})) "
            "AND media_sha256 IS NOT NULL)"),
        notes=len(notes_about(store, ids)),
        flags=scalar(f"SELECT count(*) FROM flags WHERE member_id IN ({_in(ids)})"),
        open_incidents=scalar(
            "SELECT count(DISTINCT i.id) FROM incidents i JOIN incident_flags x ON x.incident_id = i.id "
            f"JOIN flags f ON f.id = x.flag_id WHERE f.member_id IN ({_in(ids)}) AND i.status != 'resolved'"),
        register_reasons=scalar(f"SELECT count(*) FROM member_events WHERE member_id IN ({_in(ids)}) AND reason NOT IN ('', ?)",
                                (REASON_ERASED,)),
        exports=tuple(exports_about(store, ids)),
    )


def exports_about(store: Store, ids: tuple[int, ...]) -> list[Path]:
    """Subject-access exports, bundles and e-mail drafts about the person saved in the store's own folder.

    The audit log keeps only a hash of each exported file's path, which is enough to recognise
    the files in the data folder (where a rep may have saved them) without storing their names.
    Files the rep saved anywhere else are theirs to delete: the app does not go looking.
    """
    conn = store.db.conn
    incidents = [r[0] for r in conn.execute(
        f"SELECT DISTINCT incident_id FROM incident_flags WHERE flag_id IN (SELECT id FROM flags WHERE member_id IN ({_in(ids)}))")]
    digests: set[str] = set()
    for entry in audit.entries(conn, action="member.export", about={"member": list(ids)}):
        digests.update(entry["details"].get("paths_sha256") or [])
    for entry in audit.entries(conn, action="bundle.export", about={"incident": incidents}) if incidents else []:
        digests.add(entry["details"].get("path_sha256") or "")
    digests.discard("")
    if not digests:
        return []
    return sorted(p for p in store.path.parent.rglob("*") if p.is_file() and scratch.path_digest(p) in digests)


#: What a register entry about an erased member says in place of the rep's reason (which may quote them).
REASON_ERASED = "(reason erased with the member's data)"


def _remove(store: Store, member: Member, ids: tuple[int, ...], book: Ledger) -> tuple[list[str], dict[str, int]]:
    """The erasure itself, inside the caller's transaction: (media files to delete, replacements per column).

    The ledger beside the store learns the erasure first, so even if the commit never happens
    the person is erased again at the next start, and a restore can never bring them back.
    """
    book.remember_erasure(member.name)
    book.save()
    conn = store.db.conn
    conn.execute(f"DELETE FROM notes WHERE id IN ({_in(notes_about(store, ids))})")
    conn.execute(f"DELETE FROM messages WHERE member_id IN ({_in(ids)})")
    conn.execute(f"UPDATE member_events SET reason = ? WHERE member_id IN ({_in(ids)}) AND reason != ''", (REASON_ERASED,))
    wipe.forget_flag_wording(store, f"member_id IN ({_in(ids)}) AND message_id IS NULL", ())
    media_files = wipe.drop_unreferenced_media(store)
    swept = _sweep(store, member, ids, apply=True)
    stamp = now_iso()
    conn.executemany(
        "UPDATE members SET name = ?, pseudonym = ?, erased_at = ? WHERE id = ?",
        [(f"Member {i}", f"Member {i}", stamp, i) for i in ids],
    )
    _remember(store, member.name, member.pseudonym)
    mark_applied(store, book)
    return media_files, swept


def erase(store: Store, chat: str, author: str) -> ErasurePlan:
    """Erase one person in one audited transaction, then make the removal reach the file's bytes.

    Returns the plan with ``mentions`` being the replacements made, as the audit entry records
    them, and ``compacted`` False when the file could not be rewritten at once (another window
    was reading it): the erasure is done all the same and the rewrite is finished at the next start.
    """
    book = Ledger.for_store(store)
    with wipe.securely(store):
        plan = _plan(store, chat, author)  # inside the transaction: counts match what is removed
        member, ids = plan.member, plan.member_ids
        media_files, swept = _remove(store, member, ids, book)
        store.audit(
            "member.erase",
            {"chat": member.chat_id, "member": member.id, "members": list(ids)},
            {"pseudonym": member.pseudonym, "messages": plan.messages, "media_files": len(media_files),
             "notes": plan.notes, "register_reasons": plan.register_reasons, "exports_removed": len(plan.exports),
             "flags_kept": plan.flags, "replaced": swept},
        )
    # Committed: from here on the erasure is done, whatever happens to the clean-up below.
    wipe.remove_media_files(store, media_files)
    for export in plan.exports:
        export.unlink(missing_ok=True)
    compacted = wipe.compact(store)
    reach_copies(store, book)
    return replace(plan, mentions=swept, compacted=compacted)


# -- keeping an erasure erased ----------------------------------------------------------------
#
# A newer export of the same chat still holds the erased person's messages under their name,
# and an older backup still holds them too. The erasure ledger beside the store (ledger.py)
# remembers each erased name only as a keyed hash; ``reapply_erasures`` uses it to erase them
# again when they come back. The store keeps the same hashes in ``meta`` (under its own key),
# so a store copied without its ledger still re-erases on import.

_KEY = "erasure_key"
_PREFIX = "erased:"
_APPLIED = "ledger_applied"


def mark_applied(store: Store, book: Ledger) -> None:
    """Record in the store which state of the ledger it now reflects (inside the caller's transaction)."""
    store.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_APPLIED, book.generation))


def is_applied(store: Store, book: Ledger) -> bool:
    return store.scalar("SELECT value FROM meta WHERE key = ?", (_APPLIED,)) == book.generation


def _name_key(store: Store, *, create: bool) -> bytes | None:
    value = store.scalar("SELECT value FROM meta WHERE key = ?", (_KEY,))
    if value is None and create:
        value = secrets.token_hex(32)
        store.db.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (_KEY, value))
    return bytes.fromhex(value) if value else None


def _name_digest(key: bytes, name: str) -> str:
    """Phone numbers by their digits (without a leading 44 or 0), names case- and space-insensitively."""
    digits = "".join(ch for ch in name if ch.isdigit())
    is_number = len(digits) >= 7 and not any(ch.isalpha() for ch in name)
    normal = digits.removeprefix("44").removeprefix("0") if is_number else " ".join(name.casefold().split())
    return _PREFIX + hmac.new(key, normal.encode("utf-8"), hashlib.sha256).hexdigest()


def _remember(store: Store, name: str, pseudonym: str) -> None:
    key = _name_key(store, create=True) or b""
    store.db.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_name_digest(key, name), pseudonym))


def is_erased(store: Store, name: str, book: Ledger | None = None) -> bool:
    """Whether ``name`` belongs to someone the rep erased (in the ledger, or in the store's own memory)."""
    if book is not None and book.is_erased(name):
        return True
    key = _name_key(store, create=False)
    return key is not None and store.scalar("SELECT 1 FROM meta WHERE key = ?", (_name_digest(key, name),)) is not None


def reapply_erasures(store: Store, chat_id: int | None, book: Ledger | None = None) -> int:
    """Erase again anyone (in ``chat_id``, or every chat) who was erased before and came back.

    They come back with a re-import or a restored backup. Meant to run inside the caller's
    transaction (the import's, after its rows are indexed for search, so the messages are never
    visible); each re-erasure is audited. The caller compacts the file after committing.
    Returns how many were erased.
    """
    book = book or Ledger.for_store(store)
    rows = store.db.conn.execute(
        "SELECT m.id, m.chat_id, c.name, m.name, m.is_phone FROM members m JOIN chats c ON c.id = m.chat_id "
        "WHERE (? IS NULL OR m.chat_id = ?) AND m.erased_at IS NULL", (chat_id, chat_id)).fetchall()
    again = [Member(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows if is_erased(store, r[3], book)]
    for member in again:
        messages = store.scalar("SELECT count(*) FROM messages WHERE member_id = ?", (member.id,))
        media_files, swept = _remove(store, member, (member.id,), book)
        for name in media_files:  # only this import's new files; the importer cleans up after a rollback
            (store.media_dir / name).unlink(missing_ok=True)
        store.audit("member.erase", {"chat": member.chat_id, "member": member.id, "members": [member.id]},
                    {"pseudonym": member.pseudonym, "messages": messages, "media_files": len(media_files),
                     "replaced": swept, "reapplied": True})
    if again:
        wipe.merge_fulltext_index(store)
        wipe.owe_compaction(store)
    return len(again)


def reach_copies(store: Store, book: Ledger) -> int:
    """Apply the ledger to the copies of the store the app keeps beside it (``restore --keep-previous``).

    Returns how many copies were brought up to date; a copy that cannot be opened is left alone.
    """
    from rep_assistant.core.duties import upkeep  # upkeep builds on this module

    return upkeep.reach_copies(store.path, book)
