"""Scan a stored chat under a policy and keep the flags with its messages.

A flag's identity is (message, category, rule): a re-scan after the rep loads their
school's policy rewrites the clause, explanation and severity of the flags it still
produces, keeps their ids and the rep's decisions, and retires (active=0) the undecided ones
it no longer produces. A flag the rep has confirmed or dismissed is the rep's record, not the
scanner's opinion: it stays as decided, with the clause it was decided under, when a changed
rule, a retrained model or another policy no longer raises it (a member's confirmed breaches
must not vanish because the detector changed its mind), and the same message and category
raised under another rule is not asked again; a snoozed flag is still waiting for the rep's
decision and retires like a new one. The scan row, the flag changes and the audit entry
are one transaction.
"""

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rep_assistant.core.detection.layers import LEARNED_PREFIX, OTHER_LANGUAGES, detect_all
from rep_assistant.core.detection.rules import DetectOptions, Finding
from rep_assistant.core.detection.rules.engine import SEQUENCE_RULES
from rep_assistant.core.detection.scan_windows import WINDOW, iter_windows, progress_total
from rep_assistant.core.errors import NotFoundError
from rep_assistant.core.policy import CATEGORIES, Policy, active_policy, rank_of
from rep_assistant.core.progress import CancelFn, ProgressFn, check_cancel, report
from rep_assistant.core.reviewing.manual import MANUAL_RULE, suppressed_kinds
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.core.store.store import now_iso


@dataclass(frozen=True)
class ScanResult:
    scan_id: int
    chat_id: int
    policy_id: str
    messages: int
    flags_active: int
    flags_new: int
    flags_retired: int
    #: Flags the scan no longer raises that stay because the rep confirmed or dismissed them.
    flags_kept: int = 0


def explain(summary: str, policy: Policy, category: str) -> tuple[str, str, str, str]:
    """(clause id, clause text, severity, explanation) for a finding under ``policy``."""
    clause = policy.clause_for(category, summary)  # the summary picks among equally specific clauses
    if clause is None:  # detect() never returns uncovered categories; a hand-made finding might
        raise ValueError(f"policy {policy.id} has no clause for {category}")
    severity = clause.kind if clause.kind in ("breach", "advisory") else CATEGORIES[category].default
    # The document's own number or none: an unnumbered clause is cited by its words alone.
    return clause.number, clause.text, severity, f"{summary} — {policy.citation(clause)} says: “{clause.text}”"


def detect_chat(store: Store, chat_id: int, policy: Policy, options: DetectOptions, *,
                progress: ProgressFn | None = None, cancelled: CancelFn | None = None,
                window: int = WINDOW) -> tuple[int, list[Finding], dict[int, int | None]]:
    """(messages read, findings, member id of each flagged message), reading the chat window by window.

    The findings are those of one ``detect_all()`` over the whole chat, in the same order:
    windows end only at quiet cuts (scan_windows.py), and as detect_all() lists content findings
    first, then each sequence rule's in turn, then the learned model's, a stable sort by that
    grouping puts the windows' findings back in whole-chat order (the order decides the new flags' ids).
    """
    total = progress_total(store, chat_id)
    read = 0
    findings: list[Finding] = []
    member_of: dict[int, int | None] = {}
    report(progress, 0, total, "Looking for breaches")
    check_cancel(cancelled)
    for win in iter_windows(store, chat_id, window=window):
        found = detect_all(win.messages, policy, options)
        findings.extend(found)
        member_of.update((f.message_id, win.member_of[f.message_id]) for f in found)
        read += len(win.messages)
        check_cancel(cancelled)
        report(progress, read, max(total, read), "Looking for breaches")
    findings.sort(key=lambda f: _SEQUENCE_GROUP.get(f.rule_id, 0))
    return read, findings, member_of


#: Sequence rules in the order detect() runs them (after every content rule, group 0), then the learned model's.
_SEQUENCE_GROUP = {rule_id: n for n, (rule_id, _, _) in enumerate(SEQUENCE_RULES, start=1)}
_SEQUENCE_GROUP.update((LEARNED_PREFIX + c, len(SEQUENCE_RULES) + 1) for c in CATEGORIES)
_SEQUENCE_GROUP.update((LEARNED_PREFIX + OTHER_LANGUAGES + c, len(SEQUENCE_RULES) + 1) for c in CATEGORIES)


def scan_chat(store: Store, chat_id: int, *, policy: Policy | None = None, settings: Settings | None = None,
              progress: ProgressFn | None = None, cancelled: CancelFn | None = None) -> ScanResult:
    if store.scalar("SELECT 1 FROM chats WHERE id = ?", (chat_id,)) is None:
        raise NotFoundError(f"There is no chat with id {chat_id} in this store.")
    settings = settings or Settings.load()
    policy = policy or active_policy(settings)
    count, findings, member_of = detect_chat(store, chat_id, policy, DetectOptions.from_settings(settings),
                                             progress=progress, cancelled=cancelled)
    report(progress, count, count, "Saving flags")
    with store.transaction():
        result = _write(store, chat_id, policy, count, findings, member_of)
        check_cancel(cancelled)
    report(progress, count, count, "Done")
    return result


def _write(store: Store, chat_id: int, policy: Policy, count: int, findings: list[Finding],
           members: dict[int, int | None]) -> ScanResult:
    db = store.db.conn
    now = now_iso()
    # The rep's own flags are not the scanner's to retire; kinds the rep suppressed in this chat are skipped, and
    # their dismissed flags retired with the undecided ones (the rep asked for no more of them; confirmed ones stay).
    suppressed = suppressed_kinds(store, chat_id)
    # Every scanner flag of the chat, one by one: a flag whose message was erased (message_id NULL) is never produced
    # again, and several such share a key, so the retiring below goes through the rows, not the keys.
    rows = db.execute("SELECT id, message_id, category, rule_id, status, active FROM flags WHERE chat_id = ? AND rule_id != ?",
                      (chat_id, MANUAL_RULE)).fetchall()
    existing = {(m, c, r): fid for fid, m, c, r, _, _ in rows if m is not None}
    findings = [f for f in findings if (f.category, f.rule_id) not in suppressed]

    def stands(status: str, category: str, rule_id: str) -> bool:
        """Whether a flag the scan no longer raises stays, as the rep decided it."""
        return status == "confirmed" or (status == "dismissed" and (category, rule_id) not in suppressed)

    # A message and category the rep has already decided on, through a flag this scan no longer raises, is not put to
    # them again under another rule's name (a changed rule, or the model flagging what a rule used to): the decision
    # stands for it.
    raised = {(f.message_id, f.category, f.rule_id) for f in findings}
    decided = {(m, c) for _, m, c, r, status, active in rows
               if m is not None and active and (m, c, r) not in raised and stands(status, c, r)}
    findings = [f for f in findings if (f.message_id, f.category) not in decided]
    produced: set[int] = set()
    new = 0
    counts: Counter[str] = Counter()
    tiers: Counter[str] = Counter()
    for f in findings:
        clause_id, clause_text, severity, explanation = explain(f.summary, policy, f.category)
        values = (severity, rank_of(f.category), policy.id, clause_id, clause_text, explanation,
                  json.dumps([list(s) for s in f.spans]), json.dumps(list(f.related)), members.get(f.message_id), f.tier, f.confidence)
        key = (f.message_id, f.category, f.rule_id)
        flag_id = existing.get(key)
        if flag_id is None:
            flag_id = db.execute(
                "INSERT INTO flags (severity, rank, policy_id, clause_id, clause_text, explanation, spans, related, member_id, "
                "tier, confidence, chat_id, message_id, category, rule_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (*values, chat_id, *key, now, now),
            ).lastrowid
            new += 1
        else:
            db.execute(
                "UPDATE flags SET severity=?, rank=?, policy_id=?, clause_id=?, clause_text=?, explanation=?, spans=?, related=?, "
                "member_id=?, tier=?, confidence=?, active=1, updated_at=? WHERE id=?",
                (*values, now, flag_id),
            )
        produced.add(flag_id)
        counts[f.category] += 1
        tiers[f.tier] += 1
    retired = kept = 0
    for fid, _, category, rule_id, status, active in rows:
        if fid in produced or not active:
            continue
        if stands(status, category, rule_id):
            kept += 1
        else:
            retired += db.execute("UPDATE flags SET active=0, updated_at=? WHERE id=?", (now, fid)).rowcount
    active = len(produced) + kept
    scan_id = db.execute(
        "INSERT INTO scans (chat_id, policy_id, policy_version, scanned_at, messages, flags_active, flags_new) VALUES (?,?,?,?,?,?,?)",
        (chat_id, policy.id, policy.version, now, count, active, new),
    ).lastrowid
    # "categories" and "tiers" count the flags this scan raised; "flags_active" adds those kept as decided.
    store.audit("scan", objects={"chat": chat_id, "scan": scan_id},
                details={"policy_id": policy.id, "policy_version": policy.version, "messages": count,
                         "flags_active": active, "flags_new": new, "flags_retired": retired, "flags_kept_as_decided": kept,
                         "categories": dict(sorted(counts.items())), "tiers": dict(sorted(tiers.items()))})
    return ScanResult(scan_id, chat_id, policy.id, count, active, new, retired, kept)


FLAG_COLUMNS = ("id", "chat", "timestamp", "author", "text", "category", "tier", "confidence", "status", "clause_id", "clause_text", "rule_id",
                "severity", "explanation", "spans")


def flag_rows(store: Store, chat_id: int, *, active_only: bool = True) -> list[dict[str, Any]]:
    """Flags as plain dicts (the jsonl shape): the main queue first, then "worth a look"; most severe first, then in chat order."""
    where = "f.chat_id = ?" + (" AND f.active = 1" if active_only else "")
    rows = store.query(
        "SELECT f.id, c.name AS chat, m.ts AS timestamp, COALESCE(mem.name, '') AS author, m.text, f.category, f.tier, f.confidence, f.clause_id, "
        "f.clause_text, f.rule_id, f.severity, f.explanation, f.spans, f.related, f.rank, f.status, f.active, f.policy_id, "
        "f.message_id, f.chat_id FROM flags f JOIN chats c ON c.id = f.chat_id LEFT JOIN messages m ON m.id = f.message_id "
        f"LEFT JOIN members mem ON mem.id = f.member_id WHERE {where} ORDER BY f.tier != 'main', f.rank DESC, m.seq, f.id",
        (chat_id,),
    )
    for r in rows:
        r["spans"] = json.loads(r["spans"])
        r["related"] = json.loads(r["related"])
    return rows
