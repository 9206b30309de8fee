"""Run every rule the loaded policy covers over a list of messages.

Content rules see one message at a time; sequence rules see the list. Rules for categories
the policy does not mention are not run at all: no clause, no flag. A cheap prefilter (each
rule's trigger words) keeps most messages away from the expensive regexes.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rep_assistant.core.detection.rules import behaviour
from rep_assistant.core.detection.rules.content import CONTENT_RULES, SUPERSEDED_BY
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


def all_rules() -> list[tuple[str, str, str]]:
    """(rule id, category, description) of every detector, for help pages and the README."""
    return [(r.id, r.category, r.description) for r in CONTENT_RULES] + list(SEQUENCE_RULES)


def _wanted(policy: Policy | None, options: DetectOptions) -> frozenset[str]:
    cats = frozenset(CATEGORY_IDS) if policy is None else policy.covered
    return cats & options.categories if options.categories is not None else cats


_MEMO_MAX = 120  # characters: longer messages are rarely repeated word for word


def _index(rules: list[Rule]) -> tuple[list[Rule], dict[str, list[int]]]:
    """Rules that always run, and for every trigger word the positions of the rules it wakes."""
    always = [r for r in rules if not r.triggers]
    by_word: dict[str, list[int]] = {}
    for pos, rule in enumerate(rules):
        for word in rule.triggers:
            by_word.setdefault(word, []).append(pos)
    return always, by_word


def _content(messages: Sequence[Message], rules: list[Rule], options: DetectOptions, prefilter: bool = True) -> list[Finding]:
    out: list[Finding] = []
    ctx = Context(school_phone=options.school_phone, school_email=options.school_email)
    always, by_word = _index(rules)
    order = {r.id: i for i, r in enumerate(rules)}
    # Class chats repeat short messages ("Thanks!", "Yes", "👍") endlessly; what a rule that
    # needs only the text says about one of them holds for every copy, and so does which of
    # the rules that also need the author are woken: a copy without such a rule is never
    # tokenised again.
    seen: dict[str, tuple[list[tuple[Rule, Hit]], list[Rule]]] = {}
    for m in messages:
        if not m.is_post or m.is_media or not m.text:
            continue
        memo = len(m.text) <= _MEMO_MAX and prefilter
        cached = seen.get(m.text) if memo else None
        t: Text | None = None
        if cached is None:
            t = Text(m.text)
            if prefilter:
                woken = {pos for word in t.token_set if word in by_word for pos in by_word[word]}
                candidates = always + [rules[pos] for pos in sorted(woken)]
            else:
                candidates = rules
            text_hits = []
            context_rules = []
            for rule in candidates:
                if rule.wants_context:
                    context_rules.append(rule)
                    continue
                hit = rule.check(t)
                if hit is not None:
                    text_hits.append((rule, hit))
            if memo:
                seen[m.text] = (text_hits, context_rules)
        else:
            text_hits, context_rules = cached
        hits = list(text_hits)
        if context_rules:
            ctx.author = m.author
            t = t or Text(m.text)
            for rule in context_rules:
                hit = rule.check(t, ctx)
                if hit is not None:
                    hits.append((rule, hit))
        if len(hits) > 1:
            hits.sort(key=lambda rh: order[rh[0].id])
        found = [Finding(m.id, rule.category, rule.id, hit.summary, hit.spans, tier=WORTH_A_LOOK if rule.uncertain else MAIN)
                 for rule, hit in hits]
        if len(found) > 1:
            cats = {f.category for f in found}
            found = [f for f in found if not (SUPERSEDED_BY.get(f.category, frozenset()) & cats)]
            found = _one_per_category(found)
        out.extend(found)
    return out


def _one_per_category(found: list[Finding]) -> list[Finding]:
    """Two rules of one category on one message are one flag: the first declared wins."""
    seen: set[str] = set()
    out = []
    for f in found:
        if f.category not in seen:
            seen.add(f.category)
            out.append(f)
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
    rules = [r for r in CONTENT_RULES if r.category in wanted]
    findings = _content(messages, rules, options, prefilter)
    have = {(f.message_id, f.category) for f in findings}
    for f in _sequence(messages, wanted, options):
        if (f.message_id, f.category) not in have:
            have.add((f.message_id, f.category))
            findings.append(f)
    return findings
