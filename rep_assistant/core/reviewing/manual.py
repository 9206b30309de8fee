"""The rep's own judgement: flagging a message the scanner missed, and "never flag this kind here".

Why: detection finds about three breaches in four on a chat it has not seen, so the rep must be
able to act on the rest. A hand-made flag is an ordinary flag (rule id ``manual``, confirmed,
citing a clause of the active policy), so incidents, drafts, the register and bundles take it
like any other; re-scans keep it (scan.py leaves ``manual`` flags alone). A suppression is the
other direction: a rule's findings of one category in one chat that the rep has judged harmless
there; re-scans skip them, and lifting it (undo) is recorded, never deleted.
"""

from typing import Any

from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.policy import CATEGORIES, Policy, rank_of
from rep_assistant.core.policy.suggest import suggest_categories
from rep_assistant.core.store import Store, now_iso

MANUAL_RULE = "manual"


def category_choices(policy: Policy) -> list[dict[str, str]]:
    """The categories the rep can flag under ``policy``, each with the clause it cites, most severe first."""
    choices = []
    for category in sorted(policy.covered, key=rank_of, reverse=True):
        clause = policy.clause_for(category)
        if clause is not None:
            choices.append({"category": category, "label": CATEGORIES[category].label,
                            "clause_id": clause.id, "clause_text": clause.text})
    return choices


def suggest_category(store: Store, message_id: int, policy: Policy) -> str | None:
    """The category to offer first for a message, or None when nothing points anywhere.

    A category the scanner once found on the message and a later scan retired comes first;
    then the policy's own cue words in the message ("phone number", "complain", "photo"...).
    Only categories the policy covers and the message is not already flagged for are suggested.
    """
    text = store.scalar("SELECT text FROM messages WHERE id = ?", (message_id,))
    if text is None:
        raise NotFoundError(f"There is no message {message_id}; it may have been purged.")
    flagged = {c for (c,) in store.db.conn.execute("SELECT category FROM flags WHERE message_id = ? AND active = 1", (message_id,))}
    open_to = policy.covered - flagged
    retired = [c for (c,) in store.db.conn.execute(
        "SELECT category FROM flags WHERE message_id = ? AND active = 0 AND rule_id != ? ORDER BY rank DESC", (message_id, MANUAL_RULE))]
    cues = suggest_categories(str(text), rule_context=True)
    return next((c for c in (*retired, *cues) if c in open_to), None)


def flag_by_hand(store: Store, message_id: int, category: str, policy: Policy, *, clause_id: str | None = None) -> int:
    """Flag ``message_id`` as ``category`` under ``policy`` (its clause for the category unless
    ``clause_id`` names another); the flag is confirmed and audited as the rep's. Returns its id.

    Flagging the same message and category again re-activates the earlier hand-made flag.
    """
    if category not in CATEGORIES:
        raise RepError(f"There is no category called {category!r}; 'rep-assistant policy categories' lists them.")
    if clause_id is not None:
        clause = policy.clause(clause_id)
    else:
        clause = policy.clause_for(category)
        if clause is None:
            raise RepError(f"The policy {policy.title!r} has no clause about {CATEGORIES[category].label.lower()}; "
                           "choose the clause to cite (--clause).")
    severity = clause.kind if clause.kind in ("breach", "advisory") else CATEGORIES[category].default
    explanation = (f"You flagged this message by hand as {CATEGORIES[category].label.lower()} — "
                   f"clause {clause.id} says: “{clause.text}”")
    row = store.db.conn.execute("SELECT chat_id, member_id FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no message {message_id}; it may have been purged.")
    chat_id, member_id = row
    now = now_iso()
    with store.transaction():
        existing = store.scalar("SELECT id FROM flags WHERE message_id = ? AND category = ? AND rule_id = ?",
                                (message_id, category, MANUAL_RULE))
        values = (severity, rank_of(category), policy.id, clause.id, clause.text, explanation, member_id)
        if existing is None:
            flag_id = int(store.db.conn.execute(
                "INSERT INTO flags (severity, rank, policy_id, clause_id, clause_text, explanation, member_id, chat_id, "
                "message_id, category, rule_id, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,'confirmed',?,?)",
                (*values, chat_id, message_id, category, MANUAL_RULE, now, now),
            ).lastrowid or 0)
        else:
            flag_id = int(existing)
            store.db.conn.execute(
                "UPDATE flags SET severity=?, rank=?, policy_id=?, clause_id=?, clause_text=?, explanation=?, member_id=?, "
                "status='confirmed', snoozed_until=NULL, active=1, updated_at=? WHERE id=?",
                (*values, now, flag_id),
            )
        store.audit("flag.add", objects={"chat": chat_id, "flag": flag_id, "message": message_id},
                    details={"category": category, "clause_id": clause.id, "rule_id": MANUAL_RULE})
    return flag_id


def unflag(store: Store, flag_id: int) -> None:
    """Take back a hand-made flag (the undo of ``flag_by_hand``): it leaves the queue, the record stays."""
    row = store.db.conn.execute("SELECT chat_id, rule_id FROM flags WHERE id = ?", (flag_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no flag {flag_id}; it may have been removed by a purge.")
    if row[1] != MANUAL_RULE:
        raise RepError(f"Flag {flag_id} was found by the scanner; dismiss it instead.")
    with store.transaction():
        store.db.conn.execute("UPDATE flags SET active = 0, updated_at = ? WHERE id = ?", (now_iso(), flag_id))
        store.audit("flag.remove", objects={"chat": row[0], "flag": flag_id}, details={"rule_id": MANUAL_RULE})


def suppress_like(store: Store, flag_id: int) -> int:
    """Never flag this kind of message (the flag's rule and category) in this chat again.

    The flag is dismissed (if it was not already), and the chat's other undecided flags of that
    kind leave the queue now rather than at the next scan. Returns the suppression's id.
    """
    from rep_assistant.core.reviewing.review import decide

    row = store.db.conn.execute("SELECT chat_id, category, rule_id FROM flags WHERE id = ?", (flag_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no flag {flag_id}; it may have been removed by a purge.")
    chat_id, category, rule_id = row
    if rule_id == MANUAL_RULE:
        raise RepError("You flagged this message yourself; take the flag back instead of suppressing it.")
    with store.transaction():
        decide(store, [flag_id], "dismissed")
        suppression_id = int(store.db.conn.execute(
            "INSERT INTO suppressions (chat_id, category, rule_id, flag_id, created_at, actor) VALUES (?,?,?,?,?,?)",
            (chat_id, category, rule_id, flag_id, now_iso(), store.actor),
        ).lastrowid or 0)
        retired = store.db.conn.execute(
            "UPDATE flags SET active = 0, updated_at = ? WHERE chat_id = ? AND category = ? AND rule_id = ? AND status = 'new' "
            "AND active = 1 AND id != ?", (now_iso(), chat_id, category, rule_id, flag_id)).rowcount
        store.audit("flag.suppress", objects={"chat": chat_id, "flag": flag_id, "suppression": suppression_id},
                    details={"category": category, "rule_id": rule_id, "flags_retired": retired})
    return suppression_id


def lift_suppression(store: Store, suppression_id: int) -> int:
    """Undo ``suppress_like``: the kind is flagged again from the next scan on. Returns the chat id."""
    row = store.db.conn.execute("SELECT chat_id, lifted_at FROM suppressions WHERE id = ?", (suppression_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no suppression {suppression_id}.")
    if row[1] is None:
        with store.transaction():
            store.db.conn.execute("UPDATE suppressions SET lifted_at = ? WHERE id = ?", (now_iso(), suppression_id))
            store.audit("flag.unsuppress", objects={"chat": row[0], "suppression": suppression_id}, details={})
    return int(row[0])


def suppressed_kinds(store: Store, chat_id: int) -> set[tuple[str, str]]:
    """(category, rule id) pairs the rep said never to flag in this chat."""
    return {(c, r) for c, r in store.db.conn.execute(
        "SELECT category, rule_id FROM suppressions WHERE chat_id = ? AND lifted_at IS NULL", (chat_id,))}


def list_suppressions(store: Store, chat_id: int) -> list[dict[str, Any]]:
    """The chat's standing suppressions, newest first (for the CLI and the desk)."""
    return store.query("SELECT id, category, rule_id, flag_id, created_at, actor FROM suppressions "
                       "WHERE chat_id = ? AND lifted_at IS NULL ORDER BY id DESC", (chat_id,))
