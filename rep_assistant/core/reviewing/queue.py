"""The review queue as the rep reads it: one item per message, with every flag on it.

Why items and not flags: a message the scanner flags twice (an insult that is also a threat)
is one thing to read and one decision to make; two rows far apart in the queue made the rep
judge it twice and let the counts lie. An item's order is that of its most severe flag.

Findings the scanner is unsure of carry ``tier = 'worth-a-look'`` (older stores have no such
column: every flag there is ``main``). An item is ``main`` when any of its flags is, so the
main queue and the clearly labelled "worth a look" list never show the same message.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rep_assistant.core.reviewing.conversation import has_tiers
from rep_assistant.core.reviewing.review import flag_summaries, list_flag_ids
from rep_assistant.core.store import Store

MAIN = "main"
WORTH_A_LOOK = "worth-a-look"


@dataclass(frozen=True)
class QueueItem:
    """One message in the queue: its id (None once purged) and its flags, most severe first."""

    message_id: int | None
    flag_ids: tuple[int, ...]
    tier: str

    @property
    def key(self) -> int:
        """A stable id for the item: its first flag (a purged message keeps its flags apart)."""
        return self.flag_ids[0]


def queue_items(store: Store, chat_id: int, *, tier: str | None = MAIN, **filters: Any) -> list[QueueItem]:
    """The chat's flags grouped by message in queue order; ``filters`` as for ``list_flag_ids``.

    ``tier``: only items of that tier (None: both).
    """
    flag_ids = list_flag_ids(store, chat_id, **filters)
    if not flag_ids:
        return []
    tier_sql = "coalesce(tier, 'main')" if has_tiers(store) else "'main'"
    info: dict[int, tuple[int | None, str]] = {}
    for start in range(0, len(flag_ids), 900):  # sqlite's bound-parameter limit
        chunk = flag_ids[start:start + 900]
        for fid, message_id, flag_tier in store.db.conn.execute(
            f"SELECT id, message_id, {tier_sql} FROM flags WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ):
            info[fid] = (message_id, flag_tier)
    grouped: dict[Any, list[int]] = {}
    tiers: dict[Any, set[str]] = {}
    for fid in flag_ids:
        message_id, flag_tier = info[fid]
        key = message_id if message_id is not None else ("flag", fid)
        grouped.setdefault(key, []).append(fid)
        tiers.setdefault(key, set()).add(flag_tier)
    items = []
    for key, ids in grouped.items():
        item_tier = MAIN if MAIN in tiers[key] else WORTH_A_LOOK
        if tier is None or tier == item_tier:
            items.append(QueueItem(key if isinstance(key, int) else None, tuple(ids), item_tier))
    return items


def item_summaries(store: Store, items: Sequence[QueueItem]) -> list[dict[str, Any]]:
    """A row per item: the first flag's summary plus ``flag_ids``, ``categories`` and ``statuses`` of all."""
    summaries = {s["id"]: s for s in flag_summaries(store, [fid for item in items for fid in item.flag_ids])}
    rows = []
    for item in items:
        flags = [summaries[fid] for fid in item.flag_ids if fid in summaries]
        if not flags:
            continue
        row = dict(flags[0])
        row["id"] = item.key
        row["flag_ids"] = [f["id"] for f in flags]
        row["categories"] = list(dict.fromkeys(f["category"] for f in flags))
        row["statuses"] = list(dict.fromkeys(f["status"] for f in flags))
        row["tier"] = item.tier
        rows.append(row)
    return rows


def evening_summary(store: Store, chat_id: int) -> dict[str, int]:
    """What the review produced, counted by message: for the empty queue's "done for today" page.

    ``to_act_on``: confirmed messages in no incident yet (a draft or an incident may be due).
    """
    one = store.db.conn.execute(
        """SELECT
             count(DISTINCT CASE WHEN status = 'confirmed' THEN coalesce(message_id, -id) END),
             count(DISTINCT CASE WHEN status = 'dismissed' THEN coalesce(message_id, -id) END),
             count(DISTINCT CASE WHEN status = 'snoozed' THEN coalesce(message_id, -id) END),
             count(DISTINCT CASE WHEN status = 'confirmed'
                   AND NOT EXISTS (SELECT 1 FROM incident_flags i WHERE i.flag_id = flags.id)
                   THEN coalesce(message_id, -id) END)
           FROM flags WHERE chat_id = ? AND active = 1""",
        (chat_id,),
    ).fetchone()
    open_incidents = store.scalar("SELECT count(*) FROM incidents WHERE chat_id = ? AND status != 'resolved'", (chat_id,))
    return {"confirmed": one[0], "dismissed": one[1], "snoozed": one[2], "to_act_on": one[3],
            "incidents_open": int(open_incidents or 0)}
