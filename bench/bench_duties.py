#!/usr/bin/env python3
"""What the data duties cost on a big store: erase, purge, restore (with the ledger re-applied), opening.

usage: bench/bench_duties.py [N]   (default 100000 messages)

Builds a store of N generated messages from four members (one to erase) in a temporary folder,
then times, each once: opening the store (the start-up upkeep: journals, anchor, ledger check),
a subject-access export, an erasure (delete, sweep every text column, VACUUM), a purge of half
the chat, a restore of a backup taken before both (which re-applies them in the staging copy),
and the next open. Prints seconds and the store's size.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rep_assistant.core.duties import backup, erasure, retention, subject_access  # noqa: E402
from rep_assistant.core.importing.importer import import_export  # noqa: E402
from rep_assistant.core.store import Store  # noqa: E402

NAMES = ("Tom Smith", "Ann Lee", "Imelda Zaragoza", "Sam Green")


def _chat(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            day, month, year = 1 + (i // 1440) % 28, 1 + (i // 40320) % 12, 2023 + i * 3 // n
            fh.write(f"{day:02d}/{month:02d}/{year}, {(i // 60) % 24:02d}:{i % 60:02d} - {NAMES[i % 4]}: "
                     f"message {i} about the trip and PE kit, thanks Imelda Zaragoza\n")


def _timed(label: str, fn: object) -> object:
    started = time.perf_counter()
    result = fn()  # type: ignore[operator]
    print(f"{label:<58} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["REP_ASSISTANT_HOME"] = str(folder / "home")
        chat = folder / "WhatsApp Chat with Year 5.txt"
        _chat(chat, n)
        db = folder / "store.sqlite3"
        with Store(db) as store:
            import_export(store, chat)
            backup.backup(store, folder / "before.sqlite3")
        print(f"{n} messages, store {db.stat().st_size / 1e6:.1f} MB")
        store = _timed("open (start-up upkeep)", lambda: Store(db))
        _timed("subject-access export of one member (1/4 of the chat)",
               lambda: subject_access.export(store, "Year 5", "Tom Smith", folder / "tom"))
        plan = _timed("erase one member (1/4 of the chat) incl. VACUUM", lambda: erasure.erase(store, "Year 5", NAMES[2]))
        print(f"  {plan.messages} messages deleted, mentions replaced: {sum(plan.mentions.values())}")
        purge = retention.plan_purge(store, 365 * 2)
        _timed(f"purge {purge.total} messages incl. VACUUM", lambda: retention.purge(store, purge))
        store.close()
        done = _timed("restore the backup from before both (ledger re-applied)",
                      lambda: backup.restore(db, folder / "before.sqlite3"))
        print(f"  re-applied: {done.erasures} erasure, {done.purged} messages purged")
        _timed("open after the restore", lambda: Store(db).close())


if __name__ == "__main__":
    main()
