"""The records detection works on and produces, free of the store and of Qt."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rep_assistant.core.detection.tiers import MAIN

MEDIA_TEXTS = frozenset({"<media omitted>", "image omitted", "video omitted", "gif omitted", "sticker omitted",
                         "<image omitted>", "<video omitted>"})


class once:  # noqa: N801 - used as a decorator, like functools.cached_property
    """A property worked out on first use and kept in the instance's ``__dict__``.

    functools.cached_property without its lock: Python 3.11 takes an RLock on every first
    use, which cost as much as the property itself on a message's Text. Computing a pure
    value twice in a rare race is harmless.
    """

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


def kept(obj: Any, key: str, compute: Callable[[Any], Any]) -> Any:
    """``compute(obj)`` worked out once and kept in ``obj.__dict__`` under ``key``, as ``once`` keeps a property.

    For what the rule modules ask of a Text that Text does not define itself (who it is about,
    its trigger keys): several rules ask the same text the same question.
    """
    cache = obj.__dict__
    value = cache.get(key)
    if value is None:
        value = cache[key] = compute(obj)
    return value


@dataclass(frozen=True)
class Message:
    """One chat message as detection sees it. ``ts`` is ISO 'YYYY-MM-DDTHH:MM[:SS]'."""

    id: Any
    ts: str
    author: str
    text: str
    kind: str = "message"  # message | media | system | deleted | poll | location | contact
    is_media: bool = field(init=False, repr=False, compare=False)
    is_post: bool = field(init=False, repr=False, compare=False)  # written by a member, not a system line

    def __post_init__(self) -> None:
        # Worked out once: every sequence rule asks for every message.
        media = self.kind == "media" or (len(self.text) < 24 and self.text.strip().lstrip("\u200e").lower() in MEDIA_TEXTS)
        object.__setattr__(self, "is_media", media)
        object.__setattr__(self, "is_post", self.kind != "system")

    @once
    def when(self) -> dt.datetime:
        """``ts`` as a time, parsed once: the sequence rules and the window cutter compare it with many neighbours."""
        return dt.datetime.fromisoformat(self.ts[:19])


@dataclass(frozen=True)
class Finding:
    """A message that likely breaches one category, and what in it does.

    ``summary`` is the first half of the explanation a parent reads ("Calls a member of staff
    'useless'"); the scan adds the clause. ``related`` holds the other messages of a run.
    ``tier`` is "main" (the review queue) or "worth-a-look" (likely, shown apart: an uncertain
    rule or the learned model below its main threshold); ``confidence`` is the model's, if any.
    """

    message_id: Any
    category: str
    rule_id: str
    summary: str
    spans: tuple[tuple[int, int], ...] = ()
    related: tuple[Any, ...] = ()
    tier: str = MAIN
    confidence: float | None = None


@dataclass(frozen=True)
class Hit:
    """What a content rule's check returns: the evidence and the sentence about it."""

    summary: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass
class Context:
    """What a content rule may need besides the text: who posted it, their children and the school's own contacts.

    ``own_children`` are the lower-cased first names the chat shows the poster to be the
    parent of (family.py); like the poster, they may only clear a message. So may
    ``writes_in_capitals``: the poster writes most of their messages in capitals (a habit,
    often a grandparent's or a phone's), so capitals from them are not shouting.
    """

    author: str = ""
    own_children: frozenset[str] = frozenset()
    writes_in_capitals: bool = False
    school_phone: str = ""
    school_email: str = ""


@dataclass(frozen=True)
class Rule:
    """A declared detector: one category, a plain description, and how it decides.

    ``triggers`` are derived from the rule's patterns (triggers.py): words one of which every
    match contains, as "word" or "prefix*". A message with none of them is never checked.
    A Python check's triggers are declared beside it (content.CHECK_TRIGGERS), pseudo-tokens
    such as "#shout" included. None means the rule looks at every message (the swearing lexicon,
    whose disguises are not words).
    A rule that ``wants_context`` is also given the poster; knowing the poster may only clear
    a message, never flag one (the engine relies on it to judge a repeated text once).
    An ``uncertain`` rule's flags go to the "worth a look" tier, not the main queue.
    ``vetted_by`` names another category whose learned probability decides whether the rule's flag
    is right: a child's health told is another family's data only when the message is about another
    family's child, which the model's individual-child score tells better than a pattern can
    (layers.py; the bars are read off chats the model never saw, learned/train.py).
    ``patterns`` is a pattern rule's compiled form (data.PatternSpec), which lets the engine
    check every rule's trigger words for a message in one pass instead of rule by rule.
    """

    id: str
    category: str
    description: str
    check: Callable[..., Hit | None]
    triggers: frozenset[str] | None = None
    wants_context: bool = False
    uncertain: bool = False
    vetted_by: str | None = None
    patterns: Any = field(default=None, repr=False, compare=False)
