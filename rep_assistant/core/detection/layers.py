"""The whole detector: the rules, then the learned model for what they did not find.

Why a layer on top rather than more rules: grievance, threat, rumour and the like are said
in endless ways, and a rule that names the ways is a catalogue of known sentences. The
model (learned/) reads the wording as a whole, and which categories the rules flagged on
the message; where a rule already flags the category the rule's flag stands (it can say
exactly what matched), and otherwise the model's flag joins the main queue at or above its
calibrated threshold, or the "worth a look" tier below it.
"""

import re
from collections.abc import Sequence

from rep_assistant.core.detection.learned import LearnedModel, Scored, load_model
from rep_assistant.core.detection.learned.features import with_rule_marks, words_of
from rep_assistant.core.detection.rules import DetectOptions, Finding, Message, detect
from rep_assistant.core.detection.rules.engine import collector_paused
from rep_assistant.core.policy import CATEGORIES, CATEGORY_IDS, Policy

#: The learned model's rule ids are this plus the category ("learned.grievance").
LEARNED_PREFIX = "learned."
_NOTHING: frozenset[str] = frozenset()


def detect_all(messages: Sequence[Message], policy: Policy | None = None, options: DetectOptions | None = None, *,
               model: LearnedModel | bool | None = True) -> list[Finding]:
    """``detect()``'s findings, then the learned model's (``model=True``: the shipped one; None/False: rules only)."""
    with collector_paused():  # as detect() does, for the model's words and features too
        return _detect_all(messages, policy, options or DetectOptions(), model)


def _detect_all(messages: Sequence[Message], policy: Policy | None, options: DetectOptions,
                model: LearnedModel | bool | None) -> list[Finding]:
    findings = detect(messages, policy, options)
    learned = load_model() if model is True else (model or None)
    if learned is None:
        return findings
    wanted = frozenset(CATEGORY_IDS) if policy is None else policy.covered
    if options.categories is not None:
        wanted &= options.categories
    if not wanted & set(learned.categories):
        return findings
    flagged: dict[int, frozenset[str]] = {}
    for f in findings:
        flagged[f.message_id] = flagged.get(f.message_id, _NOTHING) | {f.category}
    cache: dict[str, list[Scored]] = {}
    by_text: dict[tuple[str, frozenset[str]], list[Scored]] = {}  # a text seen before is not split into words again
    for m in messages:
        if not m.is_post or m.is_media or m.kind != "message" or not m.text:
            continue
        have = flagged.get(m.id, _NOTHING)
        scored = by_text.get((m.text, have))
        if scored is None:
            words = with_rule_marks(words_of(m.text), have)
            key = " ".join(words)
            scored = cache.get(key)
            if scored is None:
                scored = cache[key] = learned.score_words(words)
            by_text[(m.text, have)] = scored
        for s in scored:
            if s.category in wanted and s.category not in have:
                findings.append(_finding(m, s))
    return findings


def _finding(m: Message, s: Scored) -> Finding:
    quoted = ", ".join(f"“{w}”" for w in s.words)
    why = f"; the words that weighed most: {quoted}" if quoted else ""
    summary = (f"Reads like {CATEGORIES[s.category].label.lower()} to the learned model ({s.confidence:.0%} sure{why}). "
               f"{CATEGORIES[s.category].meaning}")
    return Finding(m.id, s.category, LEARNED_PREFIX + s.category, summary, _spans(m.text, s.words),
                   tier=s.tier, confidence=round(s.confidence, 3))


def _spans(text: str, words: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where the weighty words are in the original text, for the highlight (those found as written)."""
    spans = []
    for w in words:
        pattern = r"[\s'’]+".join(re.escape(part) for part in w.replace("'", " ").split())
        hit = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
        if hit:
            spans.append(hit.span())
    return tuple(sorted(spans))
