"""SIGKILL during an import or a scan, for real, at random moments: all or nothing, and the next run works.

Each trial copies a known store, starts ``python -m rep_assistant import|scan`` on it, kills
it after a random delay (anywhere from interpreter start-up to after the commit) and then
checks the file as the next run would find it: ``integrity_check`` ok, the audit chain intact,
and the data either exactly as before or exactly the whole operation, never part of it.
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rep_assistant.core.detection.scan import scan_chat
from rep_assistant.core.duties import audit
from rep_assistant.core.importing.importer import import_export
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL")]

IMPORT_TRIALS = 20
SCAN_TRIALS = 6
BIG = 60_000
NAMES = ("Tom Smith", "Ann Lee", "Priya Shah", "Sam Green", "Jo King", "+44 7700 900321")
WORDS = ("reminder", "PE", "kit", "Friday", "trip", "money", "thanks", "lovely", "see", "you", "at", "the", "gate",
         "homework", "reading", "book", "club", "idiot", "useless", "call", "me", "on", "07700", "900456", "lying")


def write_chat(path: Path, n: int, seed: int) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            day, hour, minute = 1 + (i // 1440) % 28, (i // 60) % 24, i % 60
            month = 1 + (i // (1440 * 28)) % 12
            words = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 12)))
            fh.write(f"{day:02d}/{month:02d}/2025, {hour:02d}:{minute:02d} - {rnd.choice(NAMES)}: {words} {i}\n")


def _run(args: list[str]) -> float:
    """Run ``python -m rep_assistant ARGS`` to the end; how long it took, start-up included."""
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "rep_assistant", *args], check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def _kill_after(args: list[str], delay: float) -> bool:
    """Run ``python -m rep_assistant ARGS`` and SIGKILL it after ``delay`` s; whether it had finished first."""
    proc = subprocess.Popen([sys.executable, "-m", "rep_assistant", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return finished


def _copy_store(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{src}{suffix}").exists():
            shutil.copyfile(f"{src}{suffix}", f"{dst}{suffix}")


def _state(db: Path) -> dict[str, int]:
    """What the next run finds, checked with plain sqlite3 first, as if by hand."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')")
        chain = audit.verify(conn)
        assert chain.ok, chain.problem
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("messages", "members", "imports", "flags", "scans", "audit_log")}
    finally:
        conn.close()


def _delays(seed: int, n: int, whole_run: float) -> list[float]:
    """Random moments spread evenly from interpreter start-up to after the commit (one per slice)."""
    rnd = random.Random(seed)
    span = whole_run * 1.5
    return [0.05 + span * (i + rnd.random()) / n for i in range(n)]


def _wal_bytes(db: Path) -> int:
    """Bytes a killed writer left in the WAL: nonzero means the kill landed mid-write."""
    wal = Path(f"{db}-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_killing_an_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    big = tmp_path / "WhatsApp Chat with Year 3.txt"
    write_chat(big, BIG, seed=1)
    base = tmp_path / "base.sqlite3"
    small = tmp_path / "WhatsApp Chat with Class 5.txt"
    write_chat(small, 20, seed=2)
    with Store(base) as store:
        import_export(store, small)
    before = _state(base)

    timing = tmp_path / "timing.sqlite3"
    _copy_store(base, timing)
    whole_run = _run(["import", str(big), "--db", str(timing)])
    assert _state(timing)["messages"] == before["messages"] + BIG

    outcomes = {"none": 0, "whole": 0, "mid_write": 0}
    base_wal = _wal_bytes(base)
    for trial, delay in enumerate(_delays(7, IMPORT_TRIALS, whole_run)):
        db = tmp_path / f"trial{trial}.sqlite3"
        _copy_store(base, db)
        finished = _kill_after(["import", str(big), "--db", str(db)], delay)
        outcomes["mid_write"] += not finished and _wal_bytes(db) > base_wal
        state = _state(db)
        if state["messages"] == before["messages"]:
            assert state == before, f"trial {trial} ({delay:.2f}s): partial import {state}"
            outcomes["none"] += 1
        else:
            assert state["messages"] == before["messages"] + BIG, f"trial {trial} ({delay:.2f}s): partial import {state}"
            assert state["imports"] == before["imports"] + 1 and state["audit_log"] == before["audit_log"] + 1
            outcomes["whole"] += 1
        with Store(db) as store:  # the next run works and can finish the job
            import_export(store, small)
            if trial % 5 == 0:
                import_export(store, big)
                assert store.scalar("SELECT count(*) FROM messages") == before["messages"] + BIG
        db.unlink()
        for suffix in ("-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    print(f"import kill trials: {IMPORT_TRIALS}, {outcomes}, whole run {whole_run:.2f}s")
    assert outcomes["none"] >= 3, "no kill landed before or during the import: the test proved nothing"


def test_killing_a_scan_leaves_all_or_nothing(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Year 3.txt"
    write_chat(chat, 3_000, seed=3)
    base = tmp_path / "base.sqlite3"
    with Store(base) as store:
        import_export(store, chat)
    before = _state(base)

    timing = tmp_path / "timing.sqlite3"
    _copy_store(base, timing)
    whole_run = _run(["scan", "--chat", "Year 3", "--db", str(timing)])
    after = _state(timing)
    assert after["flags"] > 100

    outcomes = {"none": 0, "whole": 0, "mid_write": 0}
    base_wal = _wal_bytes(base)
    for trial, delay in enumerate(_delays(11, SCAN_TRIALS, whole_run)):
        db = tmp_path / f"trial{trial}.sqlite3"
        _copy_store(base, db)
        finished = _kill_after(["scan", "--chat", "Year 3", "--db", str(db)], delay)
        outcomes["mid_write"] += not finished and _wal_bytes(db) > base_wal
        state = _state(db)
        assert state in (before, after), f"trial {trial} ({delay:.2f}s): partial scan {state}"
        outcomes["none" if state == before else "whole"] += 1
        if state == before:  # the next run works and finishes the job
            with Store(db) as store:
                scan_chat(store, 1, settings=Settings())
            assert _state(db)["flags"] == after["flags"]
    print(f"scan kill trials: {SCAN_TRIALS}, {outcomes}, whole run {whole_run:.2f}s")
    assert outcomes["none"] >= 1
