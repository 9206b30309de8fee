"""The few content checks written in Python; every other content rule is data (resources/rules/).

A rules file names one of these with ``check = "..."`` when the test is more than words in
a pattern: the curated swearing lexicon with its disguises, contact details checked against
the poster's own and the school's, and shouting in capitals told apart from acronyms. Each
returns a Hit (a sentence about the evidence plus spans) or None, and exits cheaply on the
ordinary message, as every check runs on every message.
"""

from collections.abc import Callable

import regex

from rep_assistant.core.detection.rules import photos, triggers
from rep_assistant.core.detection.rules.contact_details import TRIGGERS as CONTACT_TRIGGERS
from rep_assistant.core.detection.rules.contact_details import personal_contact
from rep_assistant.core.detection.rules.lexicon import insults
from rep_assistant.core.detection.rules.model import Context, Hit
from rep_assistant.core.detection.rules.text import CAPS_PRAISE, CAPS_SOUR, Text, compile_i

# -- offensive language ------------------------------------------------------------------------

def _offensive(t: Text) -> Hit | None:
    hits = t.offensive
    if not hits:
        return None
    shown = ", ".join(f"'{t.raw[h.start:h.end]}'" for h in hits[:3])
    return Hit(f"Uses offensive language ({shown})", tuple((h.start, h.end) for h in hits))


_SELF = compile_i(r"\b(?:i'?m|i am|i was|i feel|me|myself|i've been)\s+(?:\w+\s+){0,3}$")


def _disguised_insult(t: Text) -> Hit | None:
    """A masked insulting noun ("such a b*tch"): the lexicon decodes it, the insult table says it is aimed at someone."""
    if "#mask" not in t.token_set:
        return None
    nouns = insults()
    spans = tuple((h.start, h.end) for h in t.offensive if nouns.get(h.word) == "noun" and not _SELF.search(t.raw[:h.start]))
    return Hit(f"Calls someone '{t.raw[spans[0][0]:spans[0][1]]}'", spans) if spans else None


# -- personal data: contact_details.py (phone numbers through libphonenumber, e-mails, addresses) ---------


def _photo_of_children(t: Text) -> Hit | None:
    """A text sharing a photo of children: a media tag with a caption naming them, a link to an album, a post online."""
    if photos.TRIGGERS.isdisjoint(t.token_set):
        return None
    found = photos.shared_in_text(t.raw)
    return Hit(found, ((0, len(t.raw.rstrip())),)) if found else None


# -- shouting ---------------------------------------------------------------------------------------

# Words in capitals in a row ("A" and "I" may sit between them: "HE HAD A TEMPERATURE"); at least three of two letters or more.
_CAPS_RUN = regex.compile(r"(?:\b[A-Z][A-Z'!?]*\b[\s,!?.]+){2,}\b[A-Z][A-Z'!?]+\b")
_ACRONYMS = frozenset((
    "PE", "PTA", "PTFA", "SATS", "SATs", "RSVP", "TA", "SEN", "SENCO", "SENCo", "EHCP", "OK", "OMG", "LOL", "UK", "NHS", "BBC", "ASAP", "FYI", "TV", "PS",
    "PPS", "DT", "RE", "RSE", "PSHE", "ICT", "IT", "KS1", "KS2", "EYFS", "YR", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "AM", "PM", "NB", "WC", "FAQ", "DM",
    "ASN", "PSA", "GCSE",
))
_POSITIVE = regex.compile(r"\b(?:happy|birthday|congrat\w*|thank\w*|well\s+done|love|loved|enjoyed|merry|christmas|eid|mubarak|diwali|"
                          r"welcome|yay|ya+s+|wow|amazing|brilliant|fantastic|proud|hooray|woohoo|good\s+luck|did\s+it|won|scored|passed|"
                          r"came\s+(?:first|second|third))\b|🎉|🥳|🏆|🏅|🥇|🥈|🥉", regex.I)
# Praise turned sour: "THANKS A LOT 🙄", "REALLY helpful. NOT.", "thx for NOTHING", "Fab. Love that for us".
# An eye-roll beside a plain thank-you is usually at one's own child ("found it in his bag 🙄 thanks all"): not enough.
_PRAISE = compile_i(r"\b(?:thanks?|thank\s+you|thx|cheers|great|brilliant|fantastic|helpful|lovely|perfect|wonderful|fab|amazing|"
                    r"genius|marvellous|love\s+that)\b")
_SARCASM_CUE = compile_i(r"(?:^|[.!?]\s*)not\s*[.!]+\s*$|\b(?:for|4)\s+nothing\b|\blove\s+that\s+for\s+(?:us|me)\b")
# "GREAT. Just great.": praise said again flat, after it was shouted.
_FLAT_AGAIN = compile_i(r"\bjust\s+(?:great|brilliant|fab|perfect|marvellous|wonderful)\s*[.!]")
# An eye-roll at oneself or one's own child beside a thank-you: "it was in his bag all along 🙄".
_OWN_SLIP = compile_i(r"\b(?:found|in\s+(?:his|her|their|my|the)\s+(?:bag|car|drawer|room)|all\s+along|sorry|my\s+bad|forget|forgot|"
                      r"silly\s+me|oops)\b")
# Words of the sarcasm cues said without capitals ("thanks for nothing", "love that for us"): they wake the check too.
_SARCASM_WORDS = frozenset({"nothing", "love", "not"})
# What turns a "thank you" sour: "THANKS FOR NOTHING", "brilliant, AGAIN", an eye-roll.
_SOUR = compile_i(r"\b(?:for\s+nothing|again|nobody|no\s+one|never|not|why|ridiculous|joke|disgrace|seriously|useless|waste|"
                  r"sick|fed\s+up|can't|won't|didn't|wasn't|ffs|wtf)\b|🙄|😡|🤬|😤")
_SHOUT_PUNCT = regex.compile(r"!{3,}|(?=[?!]{3})[?!]*(?:\?!|!\?)[?!]*")
_NEGATIVE = compile_i(r"\b(?:why|nobody|no\s+one|never|again|ridiculous|sick|fed\s+up|joke|disgrace|unacceptable|seriously|stop|"
                      r"kidding|joking|serious|robbed|wrong|useless|how\s+hard|can't|cannot|won't|not|"
                      # exasperation said in words: "unbelievable!!!", "ugh!!!", "the third time!!!", "so done!!!"
                      r"unbelievable|ugh+|argh+|gr+|pathetic|shambles|farce|appalling|shocking|outrageous|absurd|ludicrous|"
                      r"nightmare|rubbish|terrible|awful|worst|typical|annoy\w*|frustrat\w*|angry|livid|fuming|furious|"
                      r"(?:second|third|fourth|fifth|sixth|umpteenth|hundredth|millionth)\s+time|every\s+(?:single\s+)?(?:day|time|week)|"
                      r"so\s+done|had\s+enough|sick\s+of|(?:meant|supposed)\s+to|come\s+on|how\s+many\s+times)\b|😡|🤬|😤")
_EXASPERATED = regex.compile(r"\?{3,}")
# A question shouted with ?! that asks nothing ("Who decided that?!?!", "Is anybody going to answer?!?"): exasperation.
# Only the questions nobody asks to learn the answer: "How cute are they?!?!" and "Who's coming?!?" are excitement.
_INTERROBANG = regex.compile(r"\?!|!\?|\?\?!|!!\?")
_ASKING = compile_i(r"\b(?:who\s+(?:decided|thought|signed|approved|agreed|said|keeps|put|took|counted|let|allowed|on\s+earth)"
                    r"|why\s+(?:is|are|has|have|do|does|did|would|on\s+earth|can'?t|won'?t|isn'?t)|how\s+(?:hard|many\s+times|come|is\s+it|dare)"
                    r"|when\s+(?:is|are|will)\s+(?:anyone|anybody|someone|somebody|they|the\s+school)|is\s+(?:anyone|anybody)\s+(?:\w+\s+){0,4}?(?:going|ever|actually)"
                    r"|excuse\s+me|are\s+you\s+(?:serious|kidding|joking|having\s+a\s+laugh))\b")
# Nothing but question and exclamation marks ("???!!!"): exasperation with no words at all.
_ONLY_MARKS = regex.compile(r"\s*[?!]*(?:\?!|!\?)[?!]*\s*")
# A cursing face, or angry faces in a row.
_ANGRY_FACES = regex.compile(r"🤬|(?:[😡😤😠]\ufe0f?\s*){2,}")
_SHEEPISH = regex.compile(r"\b(?:sorry|oops|lol|haha|soz)\b|🙈|😂|🤣|😅", regex.IGNORECASE)


def in_capitals(t: Text) -> bool:
    """Whether a message is written in capitals: most of its letters, and enough of them to tell."""
    if "#shout" not in t.token_set:
        return False
    letters = [c for c in t.raw if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _shouting(t: Text, ctx: Context) -> Hit | None:
    """Capitals, !!! or ?!? in a message that is angry rather than excited or sheepish.

    Happy news in capitals is not anger, but a thank-you beside sour words is sarcasm
    ("THANKS FOR NOTHING", "brilliant, cancelled AGAIN") and does not excuse the shouting; praise
    turned sour is anger even without capitals ("thanks for nothing", "REALLY helpful. Not.").
    Capitals from a poster who writes nearly everything in them (``ctx.writes_in_capitals``)
    are a habit, not a raised voice; their !!! and ?!? still count.
    """
    raw = t.raw
    shouted = "#shout" in t.token_set
    praise = _PRAISE.search(raw) if shouted or not _SARCASM_WORDS.isdisjoint(t.token_set) else None
    if praise and not ctx.writes_in_capitals:
        caps = CAPS_PRAISE.search(raw) if shouted else None
        if _SARCASM_CUE.search(raw) or (caps and (_FLAT_AGAIN.search(raw) or (("🙃" in raw or "🙄" in raw) and not _OWN_SLIP.search(raw)))):
            shown = caps or praise
            return Hit(f"Sarcastic thanks ('{shown.group()}')", (shown.span(),))
    if not shouted:
        return None
    if _POSITIVE.search(raw) and not _SOUR.search(raw):
        return None
    if not _SHEEPISH.search(raw) and not ctx.writes_in_capitals:
        for m in _CAPS_RUN.finditer(raw):
            caps = regex.findall(r"[A-Z][A-Z']+", m.group())
            if sum(1 for w in caps if w not in _ACRONYMS) >= 3:
                return Hit("Shouts in capital letters", (m.span(),))
        if in_capitals(t) and sum(1 for w in regex.findall(r"[A-Z][A-Z']+", raw) if w not in _ACRONYMS) >= 2:
            return Hit("Shouts in capital letters", ((0, len(raw.rstrip())),))  # "ABSOLUTELY RIDICULOUS": the whole message
        sour = CAPS_SOUR.search(raw)
        if sour:
            return Hit(f"Shouts in capital letters ('{sour.group()}')", (sour.span(),))
    p = _SHOUT_PUNCT.search(raw) or _EXASPERATED.search(raw)
    if p and (_NEGATIVE.search(raw) or _ONLY_MARKS.fullmatch(raw) or (_INTERROBANG.search(p.group()) and _ASKING.search(raw))):
        return Hit(f"Posts in anger ('{p.group()}')", (p.span(),))
    faces = None if raw.isascii() else _ANGRY_FACES.search(raw)
    if faces:
        return Hit(f"Posts in anger ('{faces.group().strip()}')", (faces.span(),))
    return None


def _contact_details(t: Text, ctx: Context) -> Hit | None:
    """Someone else's phone number, e-mail or address: the single call point for contact details."""
    if CONTACT_TRIGGERS.isdisjoint(t.token_set):
        return None
    if _MODERATING.search(t):
        return None  # the rep asking for details to come down is not sharing them
    return personal_contact(t, ctx)


_MODERATING = triggers.Gated(compile_i(r"\bplease\s+(?:delete|remove|take\s+(?:that|it|this)\s+down)"
                                       r"|\b(?:must|mustn't|should|shouldn't|can't|cannot)\s+(?:not\s+)?be\s+(?:shared|posted)"
                                       r"|\bnot\s+for\s+this\s+group\b"))


#: The words (or pseudo-tokens of Text) one of which a check needs to find anything: the engine wakes
#: the check only for a message that has one (the check still looks for itself, for the plain path).
CHECK_TRIGGERS: dict[str, frozenset[str]] = {
    "disguised_insult": frozenset({"#mask"}),
    "contact_details": CONTACT_TRIGGERS,
    "photo_of_children": photos.TRIGGERS,
    "shouting": frozenset({"#shout"}) | _SARCASM_WORDS,
}

#: The checks a rules file may name, by name.
CHECKS: dict[str, Callable[..., Hit | None]] = {
    "offensive_lexicon": _offensive,
    "disguised_insult": _disguised_insult,
    "contact_details": _contact_details,
    "photo_of_children": _photo_of_children,
    "shouting": _shouting,
}
