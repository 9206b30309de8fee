"""Small read-only questions about imported chats: which chats, which chat, which messages."""

from typing import Any

from rep_assistant.core.errors import NotFoundError, RepError
from rep_assistant.core.store import Store

_MESSAGE_COLUMNS = (
    "m.id, m.seq, m.ts, mem.name AS author, m.kind, m.text, m.edited, m.media_name, m.media_sha256, "
    "m.system_event, m.actor, m.target, m.extra"
)


def chats_named(store: Store, name: str) -> list[dict[str, Any]]:
    """The chat called exactly ``name``, else every chat so called in any case, lowest id first.

    One rule for the commands that look a chat up and for the importer that adds to one, so
    ``--chat "year 3"`` means "Year 3" to both instead of starting a second copy of that chat.
    """
    return (store.query("SELECT * FROM chats WHERE name = ?", [name])
            or store.query("SELECT * FROM chats WHERE lower(name) = lower(?) ORDER BY id", [name]))


def find_chat(store: Store, name_or_id: str | int) -> dict[str, Any]:
    """A chat by exact name, then case-insensitive name, then id; NotFoundError otherwise."""
    text = str(name_or_id).strip()
    rows = chats_named(store, text)
    if not rows and text.isdigit():
        rows = store.query("SELECT * FROM chats WHERE id = ?", [int(text)])
    if len(rows) != 1:
        raise NotFoundError(f"There is no chat called {text!r}; 'rep-assistant chats' lists them.")
    return rows[0]


def list_chats(store: Store) -> list[dict[str, Any]]:
    """Every chat with its message and member counts, first and last message time and last import."""
    return store.query(
        """
        SELECT c.id, c.name,
               (SELECT count(*) FROM messages m WHERE m.chat_id = c.id) AS messages,
               (SELECT count(*) FROM members p WHERE p.chat_id = c.id) AS members,
               (SELECT min(ts) FROM messages m WHERE m.chat_id = c.id) AS first,
               (SELECT max(ts) FROM messages m WHERE m.chat_id = c.id) AS last,
               (SELECT max(imported_at) FROM imports i WHERE i.chat_id = c.id) AS imported
        FROM chats c ORDER BY c.name COLLATE NOCASE
        """
    )


def chat_messages(store: Store, chat_id: int, *, limit: int | None = None) -> list[dict[str, Any]]:
    """A chat's messages in file order (seq), with the author's current name."""
    sql = (f"SELECT {_MESSAGE_COLUMNS} FROM messages m LEFT JOIN members mem ON mem.id = m.member_id "
           "WHERE m.chat_id = ? ORDER BY m.seq")
    params: list[Any] = [chat_id]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query(sql, params)


def search_messages(store: Store, chat_id: int, text: str, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Messages of one chat whose text has every word of ``text`` (full-text index), in file order.

    The user's words are quoted one by one, so FTS syntax in them (AND, quotes, ``-``) is
    searched for literally instead of raising a syntax error.
    """
    query = store.db.quote_fts(text)
    if not query.strip():
        return []
    sql = (f"SELECT {_MESSAGE_COLUMNS} FROM messages_fts f JOIN messages m ON m.id = f.rowid "
           "LEFT JOIN members mem ON mem.id = m.member_id WHERE messages_fts MATCH ? AND m.chat_id = ? ORDER BY m.seq")
    params: list[Any] = [query, chat_id]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query(sql, params)


def rename_chat(store: Store, chat_id: int, new_name: str) -> str:
    """Give a chat the name the rep knows it by (exports are named after the file); returns the name.

    Drafts sign as "class rep for <chat>", so "chat" or "WhatsApp Chat with…" would read oddly.
    The audit entry records the change, not the names (they can identify a class).
    """
    name = " ".join(new_name.split())
    if not name:
        raise RepError("A chat needs a name; type one.")
    if store.scalar("SELECT 1 FROM chats WHERE id = ?", (chat_id,)) is None:
        raise NotFoundError(f"There is no chat with id {chat_id} in this store.")
    clash = store.scalar("SELECT id FROM chats WHERE lower(name) = lower(?) AND id != ?", (name, chat_id))
    if clash is not None:
        raise RepError(f"There is already a chat called {name!r}; choose another name.")
    with store.transaction():
        store.db.conn.execute("UPDATE chats SET name = ? WHERE id = ?", (name, chat_id))
        store.audit("chat.rename", objects={"chat": chat_id}, details={"length": len(name)})
    return name
