"""The audit viewer's reads, run on the database thread like every long operation.

Why not on the GUI thread: a log grows by dozens of entries an evening and is never pruned, so
walking its whole hash chain (or turning thousands of entries into sentences, each looking up
names) would freeze the window for seconds on a years-old store. The viewer shows the newest
``PAGE`` entries that match its filters; older ones are a narrower filter or ``audit list`` away.
"""

from dataclasses import dataclass
from typing import Any

from rep_assistant.core.duties import audit, upkeep
from rep_assistant.core.duties.audit_sentences import Names, kind_label, sentence
from rep_assistant.core.progress import CancelFn, ProgressFn
from rep_assistant.core.store import Store
from rep_assistant.ui.workers.changes import NOTHING, Done

#: How many entries the viewer lists at most (the newest that match).
PAGE = 1000


@dataclass(frozen=True)
class AuditPage:
    """Entries to list, oldest first, each with its sentence; ``more`` when older ones matched too."""

    entries: list[tuple[dict[str, Any], str]]
    more: bool
    #: Every kind recorded, as (label, action) sorted by label, for the Action filter.
    kinds: list[tuple[str, str]]


def read_page(since: str | None, action: str | None, store: Store, _p: ProgressFn, _c: CancelFn) -> Done[AuditPage]:
    rows = audit.entries(store.db.conn, since=since, action=action, limit=PAGE + 1, newest_first=True)
    names = Names(store)
    shown = [(entry, sentence(entry, names)) for entry in reversed(rows[:PAGE])]
    kinds = sorted((kind_label(a), a) for a in audit.actions(store.db.conn))
    return Done(AuditPage(shown, len(rows) > PAGE, kinds), NOTHING)


def verify_chain(store: Store, progress: ProgressFn, cancelled: CancelFn) -> Done[audit.VerifyResult]:
    return Done(upkeep.verify_log(store, progress=progress, cancelled=cancelled), NOTHING)
