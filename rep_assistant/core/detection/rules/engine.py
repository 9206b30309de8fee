"""Run every rule the loaded policy covers over a list of messages.

Content rules (resources/rules/, read by data.py) see one message at a time; sequence rules
(behaviour.py) see the list. Rules for categories the policy does not mention are not run
at all: no clause, no flag. Each rule's trigger words are derived from its patterns
(triggers.py), and a message is given only to the rules one of its words wakes, so most
messages meet no regular expression at all.

A message may breach several clauses at once (a complaint with swearing in it): every
category that fires is kept, one flag per category, the first rule declared in it winning.
"""

import contextlib
import gc
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rep_assistant.core.detection.rules import behaviour, family, triggers
from rep_assistant.core.detection.rules.content import in_capitals
from rep_assistant.core.detection.rules.data import content_rules as data_rules
from rep_assistant.core.detection.rules.data import first_hit
from rep_assistant.core.detection.rules.languages import LANGUAGE_RULE_IDS, LANGUAGE_RULES, asks_the_group
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


#: The categories whose English rules a question to the group in another language unmakes.
_ASKED = frozenset({"individual-child", "personal-data"})


def content_rules() -> tuple[Rule, ...]:
    """The rules files' rules, then the other-language word lists' (languages.py: swearing, insults, disclosures), then
    the rules whose flags the model vets (``vetted_by``).

    A message keeps the first rule's flag of a category, and a vetted rule's flag may wait in worth a look where
    another rule's of its category (a child's address beside their allergy, a diagnosis told in Urdu) would stand.
    """
    rules = data_rules() + LANGUAGE_RULES
    return tuple(r for r in rules if not r.vetted_by) + tuple(r for r in rules if r.vetted_by)


def all_rules() -> list[tuple[str, str, str]]:
    """(rule id, category, description) of every detector, for help pages and the README."""
    return [(r.id, r.category, r.description) for r in content_rules()] + list(SEQUENCE_RULES)


def _wanted(policy: Policy | None, options: DetectOptions) -> frozenset[str]:
    cats = frozenset(CATEGORY_IDS) if policy is None else policy.covered
    return cats & options.categories if options.categories is not None else cats


_MEMO_MAX = 120  # characters: longer messages are rarely repeated word for word
#: Distinct sets of trigger keys remembered by one pass; then it starts again. With the twenty-fourth session's rules
#: nearly every message of a real chat has a set of its own, so a large memo only held memory: at 100,000 the 100k-message
#: benchmark peaked at 398 MB RSS (96 MB traced), at 10,000 at 282 MB (32 MB traced) and ran as fast.
_GATED_MEMO_MAX = 10_000


def _content(messages: Sequence[Message], rules: list[Rule], options: DetectOptions, prefilter: bool = True) -> list[Finding]:
    ctx = Context(school_phone=options.school_phone, school_email=options.school_email)
    judge = _Judge(rules, Context(school_phone=options.school_phone, school_email=options.school_email), prefilter)
    # First what each text says, and what each member says of their children: a disclosure about
    # the poster's own child is theirs to make, and who is whose parent is read from the whole chat.
    # Class chats repeat short messages ("Thanks!", "Yes", "👍"); what the rules that need only
    # the text say about one copy holds for every copy, and so does which rules that also need
    # the author are woken.
    # And who writes in capitals out of habit: capitals from them are not shouting.
    families = family.Families()
    posts: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    seen: dict[str, _Judged] = {}
    pending: list[tuple[Message, _Judged]] = []  # only messages something was found in wait for the second look
    for m in messages:
        if not m.is_post or m.is_media or not m.text:
            continue
        j = seen.get(m.text)
        if j is None:
            t = Text(m.text)
            text_hits, context_rules = judge(t)
            j = (text_hits, context_rules, family.read(t.raw, t.token_set), in_capitals(t))
            if len(m.text) <= _MEMO_MAX:
                seen[m.text] = j
        posts[m.author] += 1
        if j[3]:
            capitals[m.author] += 1
        if j[2] is not family.NOTHING:
            families.add(m.author, j[2])
        if j[0] or j[1]:
            pending.append((m, j))
    children = families.children(set(posts))
    # Members' names, less any the chat also tells of as a child (a name may be a parent's and a pupil's).
    members = family.first_names(posts, {name for names in children.values() for name in names} | families.told_of())
    habitual = {a for a, n in capitals.items() if n >= _HABIT_LEAST and n >= _HABIT_SHARE * posts[a]}
    out: list[Finding] = []
    for m, (text_hits, context_rules, _, _) in pending:
        own = children.get(m.author)
        t: Text | None = None
        if text_hits:
            lower = m.text.lower()
            mine = own if own and any(name in lower for name in own) else None
            grown = frozenset(name for name in members if name in lower)
            if mine or grown:
                # Read again knowing the poster's children and the members named (grown-ups); this can only take flags
                # away (kept to the same categories).
                t = Text(m.text, own or frozenset(), grown)
                found = {rule.category for rule, _ in text_hits}
                text_hits = [(rule, hit) for rule, hit in judge(t)[0] if rule.category in found]
        hits = text_hits
        if context_rules:
            hits = list(text_hits)  # the memo's list stays as the text alone makes it
            ctx.author = m.author
            ctx.own_children = own or frozenset()
            ctx.writes_in_capitals = m.author in habitual
            t = t or Text(m.text)
            for rule in context_rules:
                hit = rule.check(t, ctx)
                if hit is not None:
                    hits.append((rule, t.in_original(hit)))
        if len(hits) > 1:
            hits.sort(key=lambda rh: judge.order[rh[0].id])
            hits = _one_per_category(hits)
        out.extend(Finding(m.id, rule.category, rule.id, hit.summary, hit.spans, tier=WORTH_A_LOOK if rule.uncertain else MAIN)
                   for rule, hit in hits)
    return out


#: What the rules that need only the text found, the rules that need the poster, what the text says of the
#: writer's children, and whether it is written in capitals.
_Judged = tuple[list[tuple[Rule, Hit]], list[Rule], family.Reading, bool]
#: A poster writes in capitals out of habit when at least this many of their messages, and this share, are in capitals.
_HABIT_LEAST = 3
_HABIT_SHARE = 0.5


class _Judge:
    """What the rules that need only the text find in a text, and which rules that need the poster it wakes.

    Pattern rules (data.py) are gated here for all rules at once: one index from trigger word
    to every pattern it wakes, and each woken pattern's other requirements checked against the
    message's words, so a rule is called only when one of its patterns can match. The other
    rules are woken by their triggers (or always run) as before.
    """

    def __init__(self, rules: list[Rule], anyone: Context, prefilter: bool) -> None:
        self.rules = rules
        self.anyone = anyone
        self.prefilter = prefilter
        plain: dict[int, frozenset[str] | None] = {}
        by_key: dict[str, list[int]] = {}
        self.pattern_of: list[tuple[int, int, tuple[frozenset[str], ...]]] = []  # (rule position, pattern, requirements left)
        for pos, rule in enumerate(rules):
            spec = rule.patterns
            if spec is None or spec.always or rule.wants_context:
                plain[pos] = rule.triggers
                continue
            for i, gate in enumerate(spec.gates):
                for k in gate[0]:
                    by_key.setdefault(k, []).append(len(self.pattern_of))
                self.pattern_of.append((pos, i, gate[1:]))
        self.index = triggers.Index(plain)  # keyed by position: sorted() is rule order
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.pattern_keys = frozenset(by_key)
        # Messages with the same trigger keys are gated alike: remembered by the keys (a frozenset, hashed once).
        self.gated_memo: dict[frozenset[str], dict[int, list[int]]] = {}
        self.order = {r.id: i for i, r in enumerate(rules)}

    def __call__(self, t: Text) -> tuple[list[tuple[Rule, Hit]], list[Rule]]:
        rules = self.rules
        if self.prefilter:
            keys = triggers.keys_of(t)
            woken = self.index.woken(keys, t.token_set)
            gated = self.gated_memo.get(keys)
            if gated is None:
                if len(self.gated_memo) >= _GATED_MEMO_MAX:
                    self.gated_memo = {}
                gated = self.gated_memo[keys] = self._gated(keys)
            candidates = sorted(woken.union(gated)) if gated else sorted(woken)
        else:
            gated, candidates = {}, range(len(rules))
        text_hits = []
        context_rules = []
        found_in: set[str] = set()  # categories already found: a later rule of one would lose to the first
        for pos in candidates:
            rule = rules[pos]
            if rule.category in found_in:
                continue
            if rule.wants_context:
                # The poster can only clear a message (their own number is theirs to share), so a
                # rule that finds nothing with the poster unknown finds nothing for any poster.
                if rule.check(t, self.anyone) is not None:
                    context_rules.append(rule)
                continue
            patterns = gated.get(pos)
            hit = first_hit(rule.patterns, t, patterns) if patterns is not None else rule.check(t)
            if hit is not None:
                text_hits.append((rule, t.in_original(hit)))
                found_in.add(rule.category)
        if found_in & _ASKED and any(rule.category in _ASKED and rule.id not in LANGUAGE_RULE_IDS for rule, _ in text_hits) \
                and asks_the_group(t):
            # An English word for a condition in a question to the group in another language ("kuwa nut allergy qaba…"):
            # that language's own words say no child is told of, as they do for its own rules.
            text_hits = [(rule, hit) for rule, hit in text_hits if rule.category not in _ASKED or rule.id in LANGUAGE_RULE_IDS]
        return text_hits, context_rules

    def _gated(self, keys: frozenset[str]) -> dict[int, list[int]]:
        """Rule position -> its patterns (in order) whose trigger words are all among ``keys`` (never changed after)."""
        hot = keys & self.pattern_keys
        if not hot:
            return {}
        by_key = self.by_key
        if len(hot) == 1:
            woken = by_key[next(iter(hot))]  # already in order
        else:
            found: set[int] = set()
            found.update(*map(by_key.__getitem__, hot))
            woken = sorted(found)
        out: dict[int, list[int]] = {}
        pattern_of = self.pattern_of
        for g in woken:
            pos, i, rest = pattern_of[g]
            for need in rest:
                if need.isdisjoint(keys):
                    break
            else:
                if pos in out:
                    out[pos].append(i)
                else:
                    out[pos] = [i]
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


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a detection pass, and back as it was after.

    Detection makes many small lists, sets and tuples and no reference cycles (refcounting
    frees them all), but their number sets the collector off every few hundred allocations,
    and its full passes walk every object alive, the chat's messages included: about a tenth
    of the detection time on a 100,000-message chat. Nested passes leave it to the outer one.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def detect(messages: Sequence[Message], policy: Policy | None = None, options: DetectOptions | None = None, *,
           prefilter: bool = True) -> list[Finding]:
    """Findings for ``messages`` (in chat order) under ``policy`` (None = every category).

    ``prefilter=False`` runs every rule on every message: slower, and the same findings
    (a test holds the trigger words to that).
    """
    with collector_paused():
        return _detect(messages, policy, options or DetectOptions(), prefilter)


def _detect(messages: Sequence[Message], policy: Policy | None, options: DetectOptions, prefilter: bool) -> list[Finding]:
    wanted = _wanted(policy, options)
    rules = [r for r in content_rules() if r.category in wanted]
    findings = _content(messages, rules, options, prefilter)
    have = {(f.message_id, f.category) for f in findings}
    for f in _sequence(messages, wanted, options):
        if (f.message_id, f.category) not in have:
            have.add((f.message_id, f.category))
            findings.append(f)
    return findings
