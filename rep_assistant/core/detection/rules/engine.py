"""Run every rule the loaded policy covers over a list of messages.

Content rules (resources/rules/, read by data.py) see one message at a time; sequence rules
(behaviour.py) see the list. Rules for categories the policy does not mention are not run
at all: no clause, no flag. Each rule's trigger words are derived from its patterns
(triggers.py), and a message is given only to the rules one of its words wakes, so most
messages meet no regular expression at all.

A message may breach several clauses at once (a complaint with swearing in it): every
category that fires is kept, one flag per category, the first rule declared in it winning.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rep_assistant.core.detection.rules import behaviour, triggers
from rep_assistant.core.detection.rules.data import content_rules as data_rules
from rep_assistant.core.detection.rules.languages import LANGUAGE_RULES
from rep_assistant.core.detection.rules.model import Context, Finding, Hit, Message, Rule
from rep_assistant.core.detection.rules.text import Text
from rep_assistant.core.detection.tiers import MAIN, WORTH_A_LOOK
from rep_assistant.core.policy import CATEGORY_IDS, Policy


@dataclass(frozen=True)
class DetectOptions:
    quiet_start: str = "22:00"
    quiet_end: str = "07:00"
    school_phone: str = ""
    school_email: str = ""
    categories: frozenset[str] | None = None  # restrict further (None = all the policy covers)

    @classmethod
    def from_settings(cls, settings: object) -> "DetectOptions":
        get = settings.get  # type: ignore[attr-defined]
        return cls(quiet_start=get("quiet_start") or "22:00", quiet_end=get("quiet_end") or "07:00",
                   school_phone=get("school_phone") or "", school_email=get("school_email") or "")


SEQUENCE_RULES: tuple[tuple[str, str, str], ...] = (
    ("late-night.quiet-hours", "late-night", "A post during quiet hours (settings quiet_start to quiet_end)."),
    ("fragmented.burst", "fragmented", "Four or more tiny consecutive posts by one member within two minutes of each other."),
    ("private-conversation.pair", "private-conversation", "Four or more messages back and forth between two members, addressed to each other."),
    ("dont-know.reply", "dont-know", "A reply that is only 'don't know' / 'no idea' to someone's question."),
    ("personal.child-photos", "personal-data", "Photos posted beside the same member's text about children, a party or the class."),
)


def content_rules() -> tuple[Rule, ...]:
    """The rules files' rules, then the other-language word lists' (languages.py: swearing, insults, disclosures)."""
    return data_rules() + LANGUAGE_RULES


def all_rules() -> list[tuple[str, str, str]]:
    """(rule id, category, description) of every detector, for help pages and the README."""
    return [(r.id, r.category, r.description) for r in content_rules()] + list(SEQUENCE_RULES)


def _wanted(policy: Policy | None, options: DetectOptions) -> frozenset[str]:
    cats = frozenset(CATEGORY_IDS) if policy is None else policy.covered
    return cats & options.categories if options.categories is not None else cats


_MEMO_MAX = 120  # characters: longer messages are rarely repeated word for word


def _content(messages: Sequence[Message], rules: list[Rule], options: DetectOptions, prefilter: bool = True) -> list[Finding]:
    out: list[Finding] = []
    ctx = Context(school_phone=options.school_phone, school_email=options.school_email)
    anyone = Context(school_phone=options.school_phone, school_email=options.school_email)
    index = triggers.Index({i: r.triggers for i, r in enumerate(rules)})  # keyed by position: sorted() is rule order
    order = {r.id: i for i, r in enumerate(rules)}
    # Class chats repeat short messages ("Thanks!", "Yes", "👍"); what the rules that need only
    # the text say about one copy holds for every copy, and so does which rules that also need
    # the author are woken.
    seen: dict[str, tuple[list[tuple[Rule, Hit]], list[Rule]]] = {}
    for m in messages:
        if not m.is_post or m.is_media or not m.text:
            continue
        memo = len(m.text) <= _MEMO_MAX
        cached = seen.get(m.text) if memo else None
        t: Text | None = None
        if cached is None:
            t = Text(m.text)
            candidates = [rules[i] for i in sorted(index.woken(triggers.keys_of(t) | t.token_set))] if prefilter else rules
            text_hits = []
            context_rules = []
            found_in: set[str] = set()  # categories already found: a later rule of one would lose to the first
            for rule in candidates:
                if rule.category in found_in:
                    continue
                if rule.wants_context:
                    # The poster can only clear a message (their own number is theirs to share), so a
                    # rule that finds nothing with the poster unknown finds nothing for any poster.
                    if rule.check(t, anyone) is not None:
                        context_rules.append(rule)
                    continue
                hit = rule.check(t)
                if hit is not None:
                    text_hits.append((rule, t.in_original(hit)))
                    found_in.add(rule.category)
            if memo:
                seen[m.text] = (text_hits, context_rules)
        else:
            text_hits, context_rules = cached
        hits = text_hits
        if context_rules:
            hits = list(text_hits)  # the memo's list stays as the text alone makes it
            ctx.author = m.author
            t = t or Text(m.text)
            for rule in context_rules:
                hit = rule.check(t, ctx)
                if hit is not None:
                    hits.append((rule, t.in_original(hit)))
        if len(hits) > 1:
            hits = _one_per_category(sorted(hits, key=lambda rh: order[rh[0].id]))
        out.extend(Finding(m.id, rule.category, rule.id, hit.summary, hit.spans, tier=WORTH_A_LOOK if rule.uncertain else MAIN)
                   for rule, hit in hits)
    return out


def _one_per_category(hits: list[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
    """Two rules of one category on one message are one flag: the first declared wins."""
    seen: set[str] = set()
    out = []
    for rule, hit in hits:
        if rule.category not in seen:
            seen.add(rule.category)
            out.append((rule, hit))
    return out


def _sequence(messages: Sequence[Message], wanted: frozenset[str], options: DetectOptions) -> Iterable[Finding]:
    if "late-night" in wanted:
        yield from behaviour.late_night(messages, options.quiet_start, options.quiet_end)
    if "fragmented" in wanted:
        yield from behaviour.fragmented(messages)
    if "private-conversation" in wanted:
        yield from behaviour.private_conversation(messages)
    if "dont-know" in wanted:
        yield from behaviour.dont_know(messages)
    if "personal-data" in wanted:
        yield from behaviour.child_photos(messages)


def detect(messages: Sequence[Message], policy: Policy | None = None, options: DetectOptions | None = None, *,
           prefilter: bool = True) -> list[Finding]:
    """Findings for ``messages`` (in chat order) under ``policy`` (None = every category).

    ``prefilter=False`` runs every rule on every message: slower, and the same findings
    (a test holds the trigger words to that).
    """
    options = options or DetectOptions()
    wanted = _wanted(policy, options)
    rules = [r for r in content_rules() if r.category in wanted]
    findings = _content(messages, rules, options, prefilter)
    have = {(f.message_id, f.category) for f in findings}
    for f in _sequence(messages, wanted, options):
        if (f.message_id, f.category) not in have:
            have.add((f.message_id, f.category))
            findings.append(f)
    return findings
