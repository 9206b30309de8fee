"""The erasure ledger: what the rep erased and purged, kept beside the store where a restore can't reach it.

Why a file beside the store and not a table in it: restoring an older backup replaces the
whole store, so anything remembered only inside it is forgotten with it, and the erased
parent would come back with all their messages. ``rep-assistant.sqlite3.erasures.json``
survives a restore; restoring (and opening any store at that path) re-applies every erasure
and purge it lists, and every import keeps re-applying them.

What it holds, and why that is safe to keep: a random key and, per erased person, only a
keyed hash (HMAC-SHA256) of each identifier (their name, case- and space-insensitive, and a
phone number in its one international form, so "+44 (0)7700 900123" and "07700.900.123" are
the same number). Someone who already knows a name can learn that it was erased; nobody can
read a name out of it. Per purge: its cutoff date, its chats (keyed hashes of their names, or
every chat) and keyed hashes of the messages an open incident kept. No text, no names.

Writes happen while the store's write lock is held (inside the erasure's or purge's
transaction, before it commits), so two windows never lose each other's entries, and an
erasure whose commit is interrupted is remembered anyway: it will be carried out again.
"""

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import phonenumbers

from rep_assistant.core import paths
from rep_assistant.core.errors import StoreError

if TYPE_CHECKING:
    from rep_assistant.core.store import Store

SUFFIX = ".erasures.json"
FORMAT = "rep-assistant erasure ledger 1"


def ledger_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def phone_e164(text: str, region: str = "GB") -> str | None:
    """The one international spelling of a phone number, or None if ``text`` is not one.

    UK numbers written as 07700 900123, +44 (0)7700 900123, 0044 7700 900123 or 07700.900.123
    all become +447700900123 (``phonenumbers``, Google's libphonenumber, knows every country's
    trunk and international prefixes).
    """
    digits = sum(ch.isdigit() for ch in text)
    if digits < 7 or any(ch.isalpha() for ch in text):
        return None
    cleaned = text.replace("(0)", "").replace(".", " ")
    if cleaned.lstrip().startswith("00"):
        cleaned = "+" + cleaned.lstrip()[2:]
    try:
        number = phonenumbers.parse(cleaned, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normal_identifier(name: str) -> str:
    """What is hashed for a name or number: numbers in E.164, names case- and space-insensitively."""
    return phone_e164(name) or " ".join(name.casefold().split())


@dataclass
class Ledger:
    """The ledger of one store path, loaded from and saved to its file."""

    path: Path
    key: bytes
    erased: dict[str, str] = field(default_factory=dict)  # digest -> date erased
    purges: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, db_path: Path, *, adopt_key: str | None = None) -> "Ledger":
        """The ledger beside ``db_path``; a new one (with ``adopt_key``, the store's old key, if given) when absent.

        A ledger that cannot be read is refused rather than replaced: replacing it would forget erasures.
        """
        path = ledger_path(Path(db_path))
        if not path.exists():
            return cls(path, bytes.fromhex(adopt_key) if adopt_key else secrets.token_bytes(32))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(path, bytes.fromhex(data["key"]), dict(data.get("erased", {})), list(data.get("purges", [])))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"The erasure ledger {path} cannot be read ({exc}); it records who was erased, so it "
                             "must not be lost: restore it from where you keep copies, or move it aside to start "
                             "afresh (erasures made so far would then not be re-applied).") from exc

    def save(self) -> None:
        data = {"format": FORMAT, "key": self.key.hex(), "erased": self.erased, "purges": self.purges}
        paths.write_private(self.path, json.dumps(data, indent=1, sort_keys=True) + "\n")

    @classmethod
    def for_store(cls, store: "Store") -> "Ledger":
        """The ledger of ``store``'s path; a new one takes over the key the store used before there was a ledger."""
        return cls.load(store.path, adopt_key=store.scalar("SELECT value FROM meta WHERE key = 'erasure_key'"))

    @property
    def generation(self) -> str:
        """A fingerprint of what the ledger requires; a store records the one it has applied."""
        body = json.dumps([sorted(self.erased), self.purges], sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:32]

    def digest(self, value: str | bytes) -> str:
        data = value.encode("utf-8") if isinstance(value, str) else value
        return hmac.new(self.key, data, hashlib.sha256).hexdigest()

    def identifier_digest(self, name: str) -> str:
        return self.digest("id:" + normal_identifier(name))

    def chat_digest(self, chat_name: str) -> str:
        return self.digest("chat:" + " ".join(chat_name.casefold().split()))

    def message_digest(self, fingerprint: str | bytes, occurrence: int) -> str:
        fp = fingerprint.encode("utf-8") if isinstance(fingerprint, str) else bytes(fingerprint)
        return self.digest(b"msg:" + fp + b":" + str(occurrence).encode())

    def is_erased(self, name: str) -> bool:
        return self.identifier_digest(name) in self.erased

    def remember_erasure(self, name: str) -> None:
        self.erased.setdefault(self.identifier_digest(name), dt.date.today().isoformat())

    def remember_purge(self, cutoff: str, chat_names: list[str] | None, kept: list[tuple[bytes, int]]) -> None:
        self.purges.append({
            "at": dt.date.today().isoformat(), "cutoff": cutoff,
            "chats": None if chat_names is None else sorted(self.chat_digest(c) for c in chat_names),
            "kept": sorted(self.message_digest(fp, occ) for fp, occ in kept),
        })
