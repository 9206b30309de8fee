"""Schema migrations, one function per change, never edited once released.

The schema covers every capability from the start (chats to the audit log) so that the
importer, scanner, review desk, register and bundle all meet on one set of tables. Adding a
column or table after the first release means a new decorated function below, not an edit.
"""

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("rep_assistant")

#: Bumped with every new migration; PRAGMA user_version holds it so a newer store is refused.
SCHEMA_VERSION = 4


def _run_script(db: Database, script: str) -> None:
    """Run statements one at a time: executescript() would COMMIT and break the migration's atomicity."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""


@migrations()
def m001_initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        CREATE TABLE chats (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );

        -- One row per author per chat, phone-number authors included. Erasure clears name
        -- to the pseudonym and sets erased_at.
        CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            is_phone INTEGER NOT NULL DEFAULT 0,
            pseudonym TEXT,
            erased_at TEXT,
            UNIQUE (chat_id, name)
        );

        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            source_name TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL,
            entries INTEGER NOT NULL,
            added INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            media_added INTEGER NOT NULL DEFAULT 0
        );

        -- Media files kept from zip exports, stored under the media dir by content hash.
        CREATE TABLE media (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            original_name TEXT NOT NULL,
            stored_name TEXT NOT NULL
        );

        -- kind: message | system | media | deleted | poll | location | contact
        -- fingerprint + occurrence make re-imports idempotent: the n-th occurrence of the same
        -- (timestamp, author, kind, text) in a chat is one message however often it is imported.
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            ts TEXT NOT NULL,
            member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            edited INTEGER NOT NULL DEFAULT 0,
            media_name TEXT,
            media_sha256 TEXT REFERENCES media(sha256),
            system_event TEXT,
            actor TEXT,
            target TEXT,
            extra TEXT,
            fingerprint TEXT NOT NULL,
            occurrence INTEGER NOT NULL DEFAULT 0,
            import_id INTEGER REFERENCES imports(id),
            purged_at TEXT
        );
        -- A named index rather than a UNIQUE constraint so the importer can drop it for the
        -- bulk insert into a new chat and rebuild it before commit (core/importing/importer.py).
        CREATE UNIQUE INDEX messages_dedupe ON messages(chat_id, fingerprint, occurrence);
        CREATE INDEX messages_chat_seq ON messages(chat_id, seq);
        CREATE INDEX messages_member ON messages(member_id);

        CREATE TABLE scans (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            policy_id TEXT NOT NULL,
            policy_version TEXT,
            scanned_at TEXT NOT NULL,
            messages INTEGER NOT NULL,
            flags_active INTEGER NOT NULL,
            flags_new INTEGER NOT NULL
        );

        -- A flag's identity is (message, category, rule): re-scans update clause and wording
        -- but keep the id and the rep's decision. active=0 when the latest scan no longer
        -- produces it (kept because a decision or an incident may refer to it).
        CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
            category TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('breach', 'advisory')),
            rank INTEGER NOT NULL DEFAULT 0,
            policy_id TEXT NOT NULL,
            clause_id TEXT NOT NULL,
            clause_text TEXT NOT NULL,
            explanation TEXT NOT NULL,
            spans TEXT NOT NULL DEFAULT '[]',
            related TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'confirmed', 'dismissed', 'snoozed')),
            snoozed_until TEXT,
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (message_id, category, rule_id)
        );
        CREATE INDEX flags_chat_status ON flags(chat_id, status, active);
        CREATE INDEX flags_member ON flags(member_id);

        -- Every review decision, in order, so the desk can undo and the record shows history.
        CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            old_status TEXT NOT NULL,
            new_status TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            old_snoozed_until TEXT,
            new_snoozed_until TEXT,
            -- set on the decision that reverts an earlier one (the desk's undo)
            undoes INTEGER REFERENCES decisions(id)
        );

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            flag_id INTEGER REFERENCES flags(id) ON DELETE CASCADE,
            member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
            incident_id INTEGER REFERENCES incidents(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL
        );

        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'reported', 'resolved')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE incident_flags (
            incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            flag_id INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
            PRIMARY KEY (incident_id, flag_id)
        );
        -- Actions taken on an incident (draft copied, e-mailed, bundle exported, reported...).
        CREATE TABLE incident_actions (
            id INTEGER PRIMARY KEY,
            incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            actor TEXT NOT NULL
        );

        -- The members register. source 'app' = recorded by the rep; 'chat' = matched from an
        -- imported system event (removed / left / added / joined), with message_id set.
        CREATE TABLE member_events (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('warning', 'removal', 'readmission', 'left', 'joined')),
            reason TEXT NOT NULL DEFAULT '',
            clause_id TEXT,
            flag_id INTEGER REFERENCES flags(id) ON DELETE SET NULL,
            incident_id INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'chat')),
            message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
        );
        CREATE INDEX member_events_member ON member_events(member_id);

        -- Append-only, hash-chained. Never holds message text or names: only ids and facts,
        -- so erasing a member never has to touch it.
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            objects TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        -- The chain's head, so that cutting entries off the end is noticed too.
        CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            count INTEGER NOT NULL,
            hash TEXT NOT NULL
        );
        INSERT INTO audit_head (id, count, hash) VALUES (1, 0, '');
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
    )
    # messages_fts is kept in sync by sqlite-utils' triggers (messages_ai/_ad/_au), so every
    # UPDATE or DELETE of messages.text (purge, erasure) and any other insert updates the index.
    # Exception, for speed: the importer drops messages_ai inside its own transaction, indexes
    # its new rows with one INSERT ... SELECT (about 20x faster than the per-row trigger) and
    # recreates the trigger from its sqlite_master SQL before committing; no other connection
    # ever sees the table without it, and a rollback restores it (core/importing/importer.py).
    db["messages"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations()
def m002_fts_without_column_sizes(db: Database) -> None:
    """Rebuild the full-text index without its per-message column sizes (``columnsize=0``).

    Those sizes only feed bm25 ranking, and search lists matches in chat order (chats.py), so
    they were a table written for nothing: without it indexing an import takes half the time
    (0.11 s to 0.05 s per 100k messages). The sqlite-utils triggers name the table, not its
    options, so they stay as they are.
    """
    _run_script(
        db,
        """
        DROP TABLE messages_fts;
        CREATE VIRTUAL TABLE messages_fts USING fts5(
            text, content=messages, tokenize='unicode61 remove_diacritics 2', columnsize=0
        );
        INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
        """,
    )


@migrations()
def m003_manual_flags(db: Database) -> None:
    """What the review desk needs for one item per message and the rep's own flags.

    ``decisions.batch`` groups the decisions made by one key press on a message with several
    flags, so undo reverts them together. ``suppressions`` holds the rep's "never flag this kind
    of message in this chat" (a rule and category per chat); re-scans skip findings it covers,
    and lifting one (undo) sets ``lifted_at`` rather than deleting the record. Hand-made flags
    need no column: they are flags with rule id ``manual``.
    """
    _run_script(
        db,
        """
        ALTER TABLE decisions ADD COLUMN batch INTEGER;
        CREATE TABLE suppressions (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            flag_id INTEGER REFERENCES flags(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            actor TEXT NOT NULL,
            lifted_at TEXT
        );
        CREATE INDEX suppressions_chat ON suppressions(chat_id, lifted_at);
        """,
    )


@migrations()
def m004_flag_tier(db: Database) -> None:
    """A flag's tier and the learned model's confidence.

    ``tier`` is 'main' (the review queue) or 'worth-a-look' (likely breaches shown apart, so
    the main queue keeps its near-zero false-alarm rate); every flag before this was a rule's
    and belongs to the main queue. ``confidence`` is the learned model's probability, NULL
    for a rule's flag.
    """
    _run_script(
        db,
        """
        ALTER TABLE flags ADD COLUMN tier TEXT NOT NULL DEFAULT 'main' CHECK (tier IN ('main', 'worth-a-look'));
        ALTER TABLE flags ADD COLUMN confidence REAL;
        """,
    )
