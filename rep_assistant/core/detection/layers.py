"""The whole detector: the rules, then the learned model for what they did not find, and a second opinion on what they did.

Why a layer on top rather than more rules: grievance, threat, rumour and the like are said
in endless ways, and a rule that names the ways is a catalogue of known sentences. The
model (learned/) reads the wording as a whole, and which categories the rules flagged on
the message. Where the rules do not flag a category, the model's flag joins the main queue
at or above its calibrated threshold, or the "worth a look" tier below it.

Where a rule flags a category the model also judges, the rule's flag stands (it can say
exactly what matched) but the model decides its tier, or withdraws it, on a message that reads
as English (``reads_as_english``: the model read English, and its doubt of an insult in Urdu or a
child's conduct told in Polish says nothing of the flag; on the language probe sets never read it
withdrew one rule flag in ten, nearly all right): the model has read the
rule's flag as one of the message's features and learned, on other writers' chats, how often
that flag was right. Under the category's calibrated ``withdraw`` bar (learned/train.py) such
flags were wrong nine times in ten on chats the model never saw, and the flag is dropped; the
bar is never above the model's own "worth a look" threshold, so the category then goes
unflagged on that message. The flag stays in the main queue only where the model gives the category both
even odds (``CONFIRM``; the category's own main threshold where that is lower, as for the rare
categories) and the category's calibrated ``confirm`` bar: the probability at and above which
the rules' flags of that category were right 90 % of the time on chats the model never saw
(learned/train.py), the promise the main queue makes for the model's own flags. Otherwise it
waits in "worth a look" and says why. Even odds alone, on twelve writers' chats that neither the
rules nor the model then shipped had seen, took the main queue's false alarms from 4.2 % to 1.9 %
of benign messages and lost no flag from the two tiers together. The calibrated bar alone is
too lenient where the rules were fitted to the training chats (their flags look precise there);
on the six blind chats of bench/heldout the stricter of the two bars kept the main queue's worst
false alarms at 3.6 % of benign messages, against 4.2 % for even odds alone and 4.7 % for the
calibrated bar alone, for 0–6 points less main-queue recall (the choice between the three was
read off those chats: the main-queue figures are lightly tuned to them; the two-tier figures do
not move). On an unseen chat a phrase rule is right less often than on the chats it was written
from, and a false accusation costs a rep a friendship.

A second model reads messages that may be in Urdu, Punjabi, Bengali, Arabic, Polish, Welsh or
Somali (``_in_another_language``; scripts/train_languages_model.py): it flags swearing, insults and
another family's child where the rules for those languages missed them, and judges the rules' flags
there as the English model judges them on English messages (``_judged_in_another_language``). On
the two sets written for it, never read and scored once at the end, the whole detector found 85.6 %
of languages_bk's offending messages (79.6 % in the main queue; 76.0 % by the rules alone) and
flagged 2 of its 59 benign ones in the main queue (6 by the rules alone); of an independent
reviewer's hard cases (languages_bl) 76.6 % (67.5 % main; the rules 58.4 %), benign 10 of 120 in the
main queue (the rules 38). On the labelled chats it added one flag and changed no other.
"""

import dataclasses
import functools
import re
from collections.abc import Sequence

from rep_assistant.core.detection.learned import LearnedModel, Scored, load_languages_model, load_model
from rep_assistant.core.detection.learned.features import scenes, with_rule_marks, with_scene, words_of
from rep_assistant.core.detection.learned.model import probability, vet_mark
from rep_assistant.core.detection.rules import DetectOptions, Finding, Message, detect
from rep_assistant.core.detection.rules.data import vetted_rules
from rep_assistant.core.detection.rules.engine import collector_paused, content_rules
from rep_assistant.core.detection.rules.languages import LANGUAGE_RULE_IDS, arabizi_word, reads_as_english
from rep_assistant.core.detection.tiers import MAIN, WORTH_A_LOOK
from rep_assistant.core.policy import CATEGORIES, CATEGORY_IDS, Policy

#: The learned model's rule ids are this plus the category ("learned.grievance").
LEARNED_PREFIX = "learned."
#: After it, the model of other languages' ("learned.other-languages.abuse").
OTHER_LANGUAGES = "other-languages."
_NOTHING: frozenset[str] = frozenset()
_ALL = frozenset(CATEGORY_IDS)
#: The model's probability a rule's flag needs to stay in the main queue (or the category's main threshold, where lower),
#: as well as the category's calibrated ``confirm`` bar (module docstring).
CONFIRM = 0.5
#: A doubt on a rule's flag: the category, the model's probability, and the bar it did not reach.
_Doubt = tuple[str, float, float]
#: The message a message was written after (``features.scenes``): its words (``words_of``) and the rules' flags on it.
_Scene = tuple[list[str], frozenset[str]]
#: What the model makes of one text: its own flags, its doubts on the rules' flags, and the rules' flags it withdraws.
_Judged = tuple[list[Scored], Sequence[_Doubt], frozenset[str]]
_NO_DOUBTS: tuple[_Doubt, ...] = ()
#: The Arabic and Bengali scripts, and the letters of Polish and Welsh that English never writes: a message with one may
#: be in one of the languages (``_in_another_language``).
_THEIR_LETTERS = re.compile("[\u0600-\u06ff\u0980-\u09ffąęłśżźćńŵŷĄĘŁŚŻŹĆŃŴŶ]")
#: In every word of Arabizi ("7mara", "ba3ref"): looked for once in a message before its words are.
_DIGIT_THEN_LETTER = re.compile("[2357][A-Za-z]")


def detect_all(messages: Sequence[Message], policy: Policy | None = None, options: DetectOptions | None = None, *,
               model: LearnedModel | bool | None = True, languages: LearnedModel | bool | None = True) -> list[Finding]:
    """``detect()``'s findings, less those the model withdraws, then the models' own (``model=True``: the shipped English
    one; None/False: rules only; ``languages``: the model of other languages beside it, True: the shipped one)."""
    with collector_paused():  # as detect() does, for the model's words and features too
        return _detect_all(messages, policy, options or DetectOptions(), model, languages)


def _detect_all(messages: Sequence[Message], policy: Policy | None, options: DetectOptions,
                model: LearnedModel | bool | None, languages: LearnedModel | bool | None) -> list[Finding]:
    learned = load_model() if model is True else (model or None)
    if learned is None:
        return detect(messages, policy, options)
    other = load_languages_model() if languages is True else (languages or None)
    wanted = frozenset(CATEGORY_IDS) if policy is None else policy.covered
    if options.categories is not None:
        wanted &= options.categories
    spoken = other is not None and not wanted.isdisjoint(other.categories)
    if wanted.isdisjoint(learned.categories) and wanted.isdisjoint(_vetted_categories()) and not spoken:
        return detect(messages, policy, options)  # nothing for a model to flag or vet (a policy of the late hour alone)
    # The model learned with every category's rule marks (training reads the rules under no policy), so it is given
    # them whatever the policy covers: a category switched off must not change how the model judges the others.
    every = detect(messages, None, dataclasses.replace(options, categories=None))
    findings = every if wanted == _ALL else [f for f in every if f.category in wanted]
    flagged: dict[int, frozenset[str]] = {}
    foreign: dict[int, frozenset[str]] = {}  # by message, what the other languages' rules flagged: never the model's to judge
    for f in every:
        flagged[f.message_id] = flagged.get(f.message_id, _NOTHING) | {f.category}
        if f.rule_id in LANGUAGE_RULE_IDS:  # a phrase of another language, even inside a message mostly in English
            foreign[f.message_id] = foreign.get(f.message_id, _NOTHING) | {f.category}
    scene_of = scenes(messages, learned.scene_s)
    if learned.vetted:
        findings = _vetted(findings, messages, learned, flagged, scene_of)
    english = not wanted.isdisjoint(learned.categories)
    if not english and not spoken:
        return findings
    judged = frozenset(learned.categories)
    doubted: dict[tuple[int, str], tuple[float, float]] = {}
    withdrawn: set[tuple[int, str]] = set()
    # A message read alone ("Thanks!", "see you at 3", a text posted after a quiet spell) is judged once per text; one
    # read in its scene (``features.with_scene``) is rarely the same twice and is not remembered.
    cache: dict[str, _Judged] = {}
    by_text: dict[tuple[str, frozenset[str]], _Judged] = {}  # a text seen before is not split into words again

    def judge(m: Message, plain: list[str], words: list[str], have: frozenset[str], scene: _Scene | None = None) -> _Judged:
        """``words``: the message's own (``_model_words``); ``scene``: the message before's words and rule flags."""
        scored, doubts, ruled_out = [], _NO_DOUBTS, _NOTHING
        if english:
            margins = learned.margins_in_scene(words, *scene) if scene else learned.margins(words)
            doubts, ruled_out = _doubts(learned, margins, have & judged) if have else (_NO_DOUBTS, _NOTHING)
            if (doubts or ruled_out) and not reads_as_english(m.text):
                doubts, ruled_out = _NO_DOUBTS, _NOTHING  # a message in another language: the model read English
            if learned.any_flag(margins):  # the scene's marks are written out only for a message the model flags
                scored = learned.scored(with_scene(words, *scene) if scene else words, margins)
        if spoken and other is not None and (said := _in_another_language(other, plain, m.text)):
            scored = _either(scored, said)
        return scored, doubts, ruled_out

    last: tuple[int, list[str]] = (-1, [])  # the message whose words were split last: usually the next one's scene
    for k, m in enumerate(messages):
        if not _readable(m):
            continue
        have = flagged.get(m.id, _NOTHING)
        if (j := scene_of[k]) is not None:
            plain = words_of(m.text)
            before = last[1] if last[0] == j else words_of(messages[j].text)
            last = (k, plain)
            found = judge(m, plain, _model_words(plain, have), have, (before, flagged.get(messages[j].id, _NOTHING)))
        elif (found := by_text.get((m.text, have))) is None:
            plain = words_of(m.text)
            last = (k, plain)
            words = _model_words(plain, have)
            key = " ".join(words)
            if (found := cache.get(key)) is None:
                found = cache[key] = judge(m, plain, words, have)
            by_text[(m.text, have)] = found
        scored, doubts, ruled_out = found
        if m.id in foreign and (doubts or ruled_out):  # a phrase of another language matched, whatever else is English
            doubts = [d for d in doubts if d[0] not in foreign[m.id]]
            ruled_out = ruled_out - foreign[m.id]
        if doubts:
            doubted.update(((m.id, c), (p, bar)) for c, p, bar in doubts)
        if ruled_out:
            withdrawn.update((m.id, c) for c in ruled_out)
        for s in scored:  # a withdrawn category is under the model's own threshold too (withdraw <= look)
            if s.category in wanted and s.category not in have:
                findings.append(_finding(m, s))
    if doubted or withdrawn:
        findings = [_doubted(f, *doubted[(f.message_id, f.category)]) if f.tier == MAIN and (f.message_id, f.category) in doubted else f
                    for f in findings if (f.message_id, f.category) not in withdrawn]  # withdrawn: rule flags only
    if spoken and other is not None:
        findings = _judged_in_another_language(findings, messages, other)
    return findings


def _in_another_language(other: LearnedModel, words: list[str], text: str) -> list[Scored]:
    """What the model of other languages finds in a message that may be written in one (a word of theirs that is no
    English word, a word of Arabizi, their scripts, a letter of Polish or Welsh); most messages have none.

    Why a model beside the rules: a parent's spelling ("hmara", "kazzaba"), a victim told first, a passive or a child
    described rather than named slip past rules that read words in a few orders; character n-grams read them all.
    Trained on sets written by outside writers (scripts/train_languages_model.py); the English model never read these
    languages, so this one reads only what may be theirs.
    """
    return other.score_words(words) if _may_be_theirs(other, words, text) else []


def _may_be_theirs(other: LearnedModel, words: list[str], text: str) -> bool:
    """Whether a message may be written in one of the other languages (``_in_another_language``)."""
    return (not other.hints.isdisjoint(words)
            or (_DIGIT_THEN_LETTER.search(text) is not None and any(map(arabizi_word, words)))
            or (not text.isascii() and _THEIR_LETTERS.search(text) is not None))


#: The other languages' rule whose flags the model of other languages judges by its reading of another category, as a
#: rule's ``vetted_by`` has the English model judge it: the child's health told in another language is personal data
#: only as the news of another family's child that child.topic-other-language flags. (It has no ``vetted_by``: the
#: English model, which vets those rules, cannot read it. A phone number in an Urdu message is personal data whoever's
#: child is told of: its rule is not judged.)
_JUDGED_AS_IN_ANOTHER_LANGUAGE = {"personal.child-health-other-language": "individual-child"}


def _judged_in_another_language(findings: list[Finding], messages: Sequence[Message], other: LearnedModel) -> list[Finding]:
    """The rules' flags on messages in another language, judged by the model of other languages as the English model
    judges those on English ones: under a category's ``withdraw`` bar the flag goes, under even odds or its ``confirm``
    bar a main-queue flag waits in "worth a look". The bars are read off the language sets left out in turn
    (scripts/train_languages_model.py): under ``withdraw`` the rules' flags were right at most one time in ten. Even
    odds for the same reason as in English: the rules for these languages were written from half of those sets, where
    their flags look more precise than on a stranger's wording (when it was chosen, on aw, ax and ay: benign flags in the
    main queue 11 -> 4 of 418, breaches found there 280 -> 272 of 335, both tiers unchanged). It judges the flags of the
    other languages' own rules on any message that may be in one, and every rule's on a message that does not read as
    English (the English model judges the rest). Few messages have such a flag, so their words are read again here.
    """
    judged = frozenset(other.categories)
    vetted = vetted_rules()
    reading: dict[int, str] = {}  # by finding, the category the model reads it by
    for k, f in enumerate(findings):
        read_as = _JUDGED_AS_IN_ANOTHER_LANGUAGE.get(f.rule_id) or vetted.get(f.rule_id) or f.category
        if read_as in judged and not f.rule_id.startswith(LEARNED_PREFIX):
            reading[k] = read_as
    if not reading:
        return findings
    verdicts: dict[int, tuple[list[_Doubt], frozenset[str], bool]] = {}  # by message: doubts, withdrawn, reads as English
    wanted = {findings[k].message_id for k in reading}
    for m in messages:
        if m.id in wanted and _readable(m) and _may_be_theirs(other, words := words_of(m.text), m.text):
            doubts, ruled_out = _doubts(other, other.margins(words), judged)
            verdicts[m.id] = (doubts, ruled_out, reads_as_english(m.text))
    out = []
    for k, f in enumerate(findings):
        verdict = verdicts.get(f.message_id) if k in reading else None
        if verdict is not None and (not verdict[2] or f.rule_id in LANGUAGE_RULE_IDS):
            doubts, ruled_out, _ = verdict
            if reading[k] in ruled_out:
                continue
            doubt = next(((p, bar) for c, p, bar in doubts if c == reading[k]), None)
            if doubt is not None and f.tier == MAIN:
                f = _doubted(f, *doubt, reader="the learned model of other languages", unseen="sets of messages")
        out.append(f)
    return out


def _either(english: list[Scored], other: list[Scored]) -> list[Scored]:
    """Both models' flags, one per category: the main queue's, else the surer."""
    best: dict[str, Scored] = {}
    for s in (*english, *other):
        held = best.get(s.category)
        if held is None or (s.tier == MAIN, s.confidence) > (held.tier == MAIN, held.confidence):
            best[s.category] = s
    return list(best.values())


def _vetted(findings: list[Finding], messages: Sequence[Message], learned: LearnedModel,
            flagged: dict[int, frozenset[str]], scene_of: Sequence[int | None]) -> list[Finding]:
    """The main-queue flags of rules that put them to the model (a rule's ``vetted_by``), in "worth a look" where the
    vetting category's probability is under the vet mark's ``confirm`` bar (or even odds).

    Never withdrawn: the model read English, and a child's health told half in Urdu or Arabizi, with a word or two of
    English, is read as English by any test of its language a scan can afford; the flag stays in sight, apart.
    Few messages have such a flag (a child's health told), so their words are read again here rather than carried. The
    vetted flags of a message in another language are not put to the model (``reads_as_english``; training alike).
    """
    rules = vetted_rules()
    put = {k: (mark, rules[f.rule_id]) for k, f in enumerate(findings)
           if f.tier == MAIN and f.rule_id in rules and (mark := vet_mark(f.category, rules[f.rule_id])) in learned.vetted
           and rules[f.rule_id] in learned.categories}
    if not put:
        return findings
    wanted = {findings[k].message_id for k in put}
    margins = {m.id: learned.margins(_model_words(words_of(m.text), flagged.get(m.id, _NOTHING), *_scene(messages, scene_of[k], flagged)))
               for k, m in enumerate(messages) if m.id in wanted and _readable(m) and reads_as_english(m.text)}
    out = []
    for k, f in enumerate(findings):
        if k in put and (z := margins.get(f.message_id)) is not None:
            mark, by = put[k]
            i = learned.categories.index(by)
            p = probability(z[i])
            bar = max(learned.vetted[mark], min(CONFIRM, learned.main[i]))
            if p < bar:
                f = _vetting_doubt(f, p, CATEGORIES[by].label)
        out.append(f)
    return out


def _scene(messages: Sequence[Message], before: int | None, flagged: dict[int, frozenset[str]]) -> _Scene:
    """The message a message was written after (``features.scenes``): its words and what the rules flagged on it."""
    return ([], _NOTHING) if before is None else (words_of(messages[before].text), flagged.get(messages[before].id, _NOTHING))


def _model_words(plain: list[str], have: frozenset[str], before: list[str] | None = None, before_flagged: frozenset[str] = _NOTHING) -> list[str]:
    """What the model reads of a message: its words (``plain``), the rules' marks, and its scene's words and marks."""
    words = with_rule_marks(plain, have) if have else plain  # most messages: no rule flagged them, no marks to add
    return with_scene(words, before, before_flagged) if before else words


@functools.cache
def _vetted_categories() -> frozenset[str]:
    """The categories of the rules the model vets (personal data)."""
    return frozenset(r.category for r in content_rules() if r.vetted_by)


def _readable(m: Message) -> bool:
    """A message the model reads: a post with text of its own (not media, a poll or a system line)."""
    return m.is_post and not m.is_media and m.kind == "message" and bool(m.text)


def _doubts(learned: LearnedModel, margins: Sequence[float] | None, categories: frozenset[str]) -> tuple[list[_Doubt], frozenset[str]]:
    """The rule-flagged ``categories`` the model gives less than even odds (or the main threshold) or their ``confirm``
    bar, and those it gives less than their ``withdraw`` bar (withdrawn).

    Neither for a message too short to score (``margins`` None).
    """
    if margins is None:
        return [], _NOTHING
    out = []
    ruled_out = set()
    for c in categories:
        i = learned.categories.index(c)
        p = probability(margins[i])
        bar = max(learned.confirm[i], min(CONFIRM, learned.main[i]))
        if p < learned.withdraw[i]:
            ruled_out.add(c)
        elif p < bar:
            out.append((c, p, bar))
    return out, frozenset(ruled_out)


def _doubted(f: Finding, p: float, bar: float, reader: str = "the learned model", unseen: str = "chats") -> Finding:
    """A rule's flag the model doubts: the same evidence, in "worth a look", saying why it is there.

    Where the bar is the category's calibrated one (above even odds), the rep is told what it
    means: a probability of 75 % sounds sure until one learns such flags were often wrong.
    """
    gives = f"{reader} gives it {p:.0%}"
    why = (f"{gives}; on {unseen} it had not seen, this rule's kind of flag was right 9 times "
           f"in 10 only from {bar:.0%}" if bar > CONFIRM else gives)
    return dataclasses.replace(f, tier=WORTH_A_LOOK, confidence=round(p, 3), summary=f"{f.summary} (Worth a look rather than certain: {why}.)")


def _vetting_doubt(f: Finding, p: float, vetting: str) -> Finding:
    """A vetted rule's flag under its bar: in "worth a look", telling the rep which category's reading it rests on.

    It carries no confidence: ``p`` is the model's reading of another category, not of this flag's.
    """
    why = f"this flag holds only where the message is “{vetting}”, and the learned model reads it so only {p:.0%}"
    return dataclasses.replace(f, tier=WORTH_A_LOOK, summary=f"{f.summary} (Worth a look rather than certain: {why}.)")


def _finding(m: Message, s: Scored) -> Finding:
    quoted = ", ".join(f"“{w}”" for w in s.words)
    why = f"; the words that weighed most: {quoted}" if quoted else ""
    reader = f"the learned model of {s.reads}" if s.reads else "the learned model"
    # Flagged only as read with the message before it: say so, and which of its words weighed.
    scene = "" if not s.scene else ", read with the message before it" + (
        f" (its {', '.join(f'“{w}”' for w in s.scene)})" if any(s.scene) else "")
    summary = (f"Reads like {CATEGORIES[s.category].label.lower()} to {reader} ({s.confidence:.0%} sure{why}){scene}. "
               f"{CATEGORIES[s.category].meaning}")
    return Finding(m.id, s.category, learned_rule_id(s), summary, _spans(m.text, s.words),
                   tier=s.tier, confidence=round(s.confidence, 3))


def learned_rule_id(s: Scored) -> str:
    """A learned flag's rule id: "learned.grievance" from the English model, "learned.other-languages.abuse" from the other."""
    return LEARNED_PREFIX + (OTHER_LANGUAGES if s.reads else "") + s.category


def _spans(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the weighty words are in the original text, for the highlight (those found as written)."""
    spans = []
    for w in words:
        pattern = r"[\s'’]+".join(re.escape(part) for part in w.replace("'", " ").split())
        hit = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
        if hit:
            spans.append(hit.span())
    return tuple(sorted(spans))
