"""What a store operation changed, so each panel redraws itself from that (Anki's ``OpChanges``).

Why: when every write had to remember which panels to refresh, panels kept going stale (the
members panel after a removal, the queue count after a decision). Now an operation returns
``Done(value, changes)``; the window broadcasts the changes once, and each panel decides for
itself whether it shows any of them. No caller refreshes a panel by hand.
"""

from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class OpChanges:
    """Which kinds of stored things an operation changed (every write also adds to the audit log)."""

    chat_list: bool = False  # chats added, renamed or their counts changed
    flags: bool = False  # flag status, new or retired flags
    messages: bool = False  # message rows or text (imports, purges, erasure)
    members: bool = False  # members, their names and the register
    incidents: bool = False
    audit: bool = True

    def __or__(self, other: "OpChanges") -> "OpChanges":
        return OpChanges(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    @classmethod
    def everything(cls) -> "OpChanges":
        """After an operation that may touch anything (restore, erasure, a purge)."""
        return cls(**{f.name: True for f in fields(cls)})


#: A read (the audit viewer's entries, a chain check): nothing changed, it only ran off the GUI thread.
NOTHING = OpChanges(audit=False)

#: What one review decision changes: a flag's status, so the queue, the chat list's "to review"
#: count, the message margin and the member's counts.
DECISION = OpChanges(chat_list=True, flags=True, members=True)


@dataclass(frozen=True)
class Done(Generic[T]):
    """An operation's result with what it changed; the worker hands ``value`` to the caller."""

    value: T
    changes: OpChanges


def unwrap(result: Any) -> tuple[Any, OpChanges | None]:
    """(value, changes) of an operation's result; plain results changed nothing the desk shows."""
    if isinstance(result, Done):
        return result.value, result.changes
    return result, None
