"""The local SQLite store: one file, WAL, foreign keys on, migrated on open."""

from rep_assistant.core.store.store import Store, now_iso, open_store

__all__ = ["Store", "now_iso", "open_store"]
