"""Rules over the message sequence: timing, runs of messages, replies and neighbours.

These need more than one message (a "don't know" is only noise as a reply to a question;
a photo is only of children when the text beside it says so) or the clock (quiet hours).
"""

from collections.abc import Iterator, Sequence
from itertools import pairwise

import regex

from rep_assistant.core.detection.rules import photos
from rep_assistant.core.detection.rules.model import Finding, Message

# "Don't know" said many ways: dialect (dinnae ken, nae clue), idiom (not a scooby, haven't the
# foggiest, beats me), and in the languages of UK school communities (Polish, Urdu, Welsh, Somali,
# Arabic, Bengali). Only the whole reply counts: "not sure but I think it's Tuesday" is an answer.
_DONT_KNOW_CORE = (
    r"(?:i\s+)?(?:really\s+|honestly\s+|genuinely\s+|just\s+)?(?:don'?t|do\s+not|dinnae|dont|didn'?t|wouldn'?t|would\s+not|wouldnae)\s+(?:know|ken)"
    r"|dunno|dno|clueless|id(?:e|f)?k+|(?:no+|nae|not\s+a|no\s+a|nae\s+a)\s+(?:idea+|clue+|scooby|notion|baldy)"
    r"|(?:haven'?t|havnae|have\s+not|not)\s+(?:got\s+)?(?:a|any)\s+(?:clue|idea|scooby|notion|baldy)"
    r"|(?:haven'?t|have\s+not|havnae|not)\s+(?:got\s+)?the\s+(?:foggiest|faintest|slightest|first\s+idea)(?:\s+idea)?"
    r"|(?:i\s+)?wish\s+i\s+knew|your\s+guess\s+is\s+as\s+good\s+as\s+mine|(?:i'?m\s+)?as\s+lost\s+as\s+(?:you|u|everyone)(?:\s+are)?"
    r"|(?:i\s+)?no\s+(?:know|sabi)|dont\s+no|don'?t\s+no|don'?t\s+ask\s+me|ask\s+me\s+another|div(?:n'?t|vent)\s+kna+w?"
    r"|(?:i\s+)?(?:couldn'?t|couldnae|can'?t|cannae|cannot)\s+tell\s+(?:you|ye|ya)|beats\s+me|search\s+me"
    r"|nie\s+wiem|nie\s+mam\s+pojęcia|(?:mujhe\s+)?(?:bhi\s+)?(?:nahi|nahin|nai)\s+pata|pata\s+(?:nahi|nahin|nai)|dim\s+syniad"
    r"|(?:(?:dwi\s+)?ddim\s+yn\s+gwybod|wn\s+i\s+ddim)|ma\s+(?:aqaan|aqaano|garanayo|garan)|لا\s+أعرف|لا\s+اعرف|ما\s+بعرف|مش\s+عارف|معرفش"
    r"|(?:مجھے\s+)?(?:بھی\s+)?(?:پتہ|پتا)\s+نہیں|(?:مجھے\s+)?(?:بھی\s+)?نہیں\s+(?:پتہ|پتا)|(?:আমি\s+)?জানি\s*না|(?:ami\s+)?jani\s*na"
    # and other languages UK families speak: Punjabi, Romanian, Portuguese, Spanish, French, Italian, Lithuanian, Turkish
    r"|(?:mainu|menu|mujhe)\s+(?:vi\s+|bhi\s+)?(?:nahi|nahin|nai|ni)\s+(?:pata|maloom|malum)|(?:pata|maloom|malum)\s+(?:ni|nai|nahi|nahin)"
    r"|nu\s+(?:știu|ştiu|stiu)|n[ãa]o\s+sei|no\s+(?:lo\s+)?s[ée]|(?:je\s+(?:ne\s+)?)?sais\s+pas|aucune\s+id[ée]e|non\s+(?:lo\s+)?so"
    r"|ne(?:ž|z)inau|bilmiyorum"
)
# Replies that say "don't know" only when they stand alone: "not sure the cows would mind" and "Same. Whole town is
# gridlocked" go on to say something, so an excuse may follow only the plain ones above.
_DONT_KNOW_ALONE = (r"not\s+sure|no\s+sure|god\s+(?:only\s+)?knows|who\s+knows|same\s+question|same|ditto"
                    r"|would\s+like\s+to\s+know\s+too|wondering\s+the\s+same")
_FILLERS_AFTER = (r"(?:[\s,.!]*(?:sorry|soz|sori|either|too|tbh|i'?m\s+afraid|x+|hun|hon|hunni|babe|love|lovely|mate|pal|hen|pet|la|lad|"
                  r"o+|my\s+dear|dear|sis|bro|yaar|walaal|bach|cariad|apa|bhai|baji|aunty|auntie|wallahi|wallah|والله|(?-i:\p{Lu}\p{Ll}+)))*")
# What turns the rest of a reply into an answer ("no idea, but the letter says Friday"): without one, what follows a
# "don't know" is an excuse ("sorry, not been in the loop this week") and the reply is still only a "don't know".
_ANSWER_CUE = (r"\b(?:but|think|thought|reckon|maybe|probably|might|ask|try|check|look|letter|website|site|app|e-?mail|office|"
               r"said|says|told|should|could|guess|heard|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
               r"tonight|today)\b|\d")
_DONT_KNOW = regex.compile(
    r"^(?:(?:sorry|soz|hmm+|um+|er+|no|nope|nah|o+h|ah|honestly|tbh|tbf|ngl|lol|haha+|i'?m\s+sorry|i'?m\s+afraid|afraid|sadly|sure|ach|och)[\s,.!]*)*"
    rf"(?:i\s+|i'?ve\s+|i'?m\s+)?(?:(?:{_DONT_KNOW_CORE})(?:\s+(?:either|too|myself|me))?{_FILLERS_AFTER}"
    rf"(?:[\s,.!;:-]+(?:(?!{_ANSWER_CUE}).){{3,50}})?|(?:{_DONT_KNOW_ALONE})(?:\s+(?:either|too|myself))?{_FILLERS_AFTER})[\s.!?]*$",
    regex.IGNORECASE,
)
# An excuse before it that holds no answer: "we're new so I wouldn't know", "been off all week so no idea".
_EXCUSE_SO = regex.compile(r"^([^.?!]{3,40}?)\s+so\s+", regex.IGNORECASE)
_ANSWER = regex.compile(_ANSWER_CUE, regex.IGNORECASE)


class Openings:
    """``pattern.match`` behind a memo of the openings a match can start with.

    A text whose first few characters no match can open with holds no match at its start, and
    the pattern itself says which openings can: a partial match of the opening alone (the regex
    module's ``partial=True``: the opening could be the start of a match), asked once per opening.
    Chats open their messages in a few thousand ways, so most texts are settled by one dictionary
    lookup instead of the pattern's fifty alternatives tried in turn. Nothing is kept by hand.
    """

    WIDTH = 4  # characters: about a word, so openings are few and still tell most texts apart
    LIMIT = 50_000  # openings remembered; then the memo starts again (bounded memory)

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        self.pattern = pattern
        self._can_open: dict[str, bool] = {}

    def match(self, text: str) -> regex.Match[str] | None:
        """``pattern.match(text)``, or None at once where its opening cannot start a match."""
        head = text[:self.WIDTH]
        can = self._can_open.get(head)
        if can is None:
            if len(self._can_open) >= self.LIMIT:
                self._can_open = {}
            can = self._can_open[head] = self.pattern.match(head, partial=True) is not None
        return self.pattern.match(text) if can else None


_DONT_KNOW_OPENS = Openings(_DONT_KNOW)


def _only_dont_know(text: str) -> bool:
    """Whether a reply says only that the writer does not know (an excuse before or after it allowed)."""
    if _DONT_KNOW_OPENS.match(text) is not None:
        return True
    excuse = _EXCUSE_SO.match(text) if " so " in text.lower() else None
    return excuse is not None and not _ANSWER.search(excuse.group(1)) and _DONT_KNOW_OPENS.match(text[excuse.end():]) is not None


_SHRUG_FACE = r"🤷[\U0001F3FB-\U0001F3FF]?(?:\u200d[♀♂]\ufe0f?)?|¯\\_+\(.{1,3}\)_+/¯"
# A shrug alone, or beside a word that passes the question on ("pass 🤷", "nope 🤷‍♀️", "¯\_(ツ)_/¯").
_SHRUG = regex.compile(rf"^\s*(?:(?:pass|nope|nah|no|hmm+|eh|dunno|sorry)[\s,.!]*)?(?:\s*(?:{_SHRUG_FACE}))+\s*"
                       r"(?:(?:pass|nope|nah|no|hmm+|eh|dunno|sorry)[\s.!]*)?$", regex.IGNORECASE)
# Parents often ask without a question mark: "anyone know if the flu spray is this week".
_QUESTION = regex.compile(r"\?|^\W*(?:does|do|did|is|are|was|were|has|have|can|could|will|would|what|when|where|which|who|how|"
                          r"anyone|any\s+one|anybody|any\s+idea)\b", regex.IGNORECASE)
_EMOJI_ETC = regex.compile(r"[\p{So}\p{Sk}\p{Cf}\u200d\ufe0f]+")
_ADDRESSED = regex.compile(r"@\S+|\b(?:you|your|yours|u|ur|ye|ya|yous|youse|yer|hun|hen|babe|mate|pal|sis|bro)\b|\bx+$", regex.IGNORECASE)
_SCHOOL_BUSINESS = regex.compile(
    r"\b(?:school|class|teacher|trip|pe|homework|reading|spelling|uniform|kit|disco|fair|assembly|play|nativity|club|swimming|"
    r"term|newsletter|letter|form|pta|office|pick\s?up|drop\s?off|fancy\s+dress|costume|lunch|sports\s+day|parents\s+evening)\b",
    regex.IGNORECASE,
)
_TO_ALL = regex.compile(r"\b(?:anyone|everyone|all|anybody|any\s+(?:parents|mums|dads))\b", regex.IGNORECASE)


def _minutes(ts: str) -> int:
    return int(ts[11:13]) * 60 + int(ts[14:16])


def _hhmm_minutes(value: str) -> int:
    try:
        h, m = value.split(":")
        return int(h) * 60 + int(m)
    except ValueError as exc:
        raise ValueError(f"quiet hours must be HH:MM, not {value!r}") from exc


def late_night(messages: Sequence[Message], quiet_start: str, quiet_end: str) -> Iterator[Finding]:
    start, end = _hhmm_minutes(quiet_start), _hhmm_minutes(quiet_end)
    if start == end:
        return
    quiet_at: dict[str, bool] = {}  # by the clock "HH:MM", all _minutes() reads: a day has 1,440 of them, a chat many more posts
    for m in messages:
        if not m.is_post:
            continue
        clock = m.ts[11:16]
        quiet = quiet_at.get(clock)
        if quiet is None:
            t = _minutes(m.ts)
            quiet = quiet_at[clock] = start <= t < end if start < end else (t >= start or t < end)
        if quiet:
            yield Finding(m.id, "late-night", "late-night.quiet-hours",
                          f"Posted at {m.ts[11:16]}, during quiet hours ({quiet_start} to {quiet_end})")


def _short(m: Message) -> bool:
    """A tiny post with words in it (a row of emoji reactions is not a thought split up)."""
    text = m.text.strip()
    return not m.is_media and m.is_post and 0 < len(text) <= 28 and len(text.split()) <= 4 and any(c.isalnum() for c in text)


def fragmented(messages: Sequence[Message], *, min_run: int = 4, max_gap_s: int = 120) -> Iterator[Finding]:
    """Four or more tiny consecutive messages from one author, each within two minutes."""
    run: list[Message] = []
    for m in [*messages, None]:
        if m is not None and run and _short(m) and m.author == run[-1].author and \
                (m.when - run[-1].when).total_seconds() <= max_gap_s:
            run.append(m)
            continue
        if len(run) >= min_run:
            yield Finding(run[0].id, "fragmented", "fragmented.burst",
                          f"Splits one message into {len(run)} tiny posts in a row", related=tuple(x.id for x in run[1:]))
        run = [m] if m is not None and _short(m) else []


def private_conversation(messages: Sequence[Message], *, min_len: int = 4, max_gap_s: int = 600) -> Iterator[Finding]:
    """A back-and-forth between exactly two members, addressed to each other, nobody else joining."""
    posts = [m for m in messages if m.is_post and not m.is_media]
    authors = [m.author for m in posts]
    i = 0
    while i < len(posts):
        # Cheap look first: the next few posts must come from just these two people.
        if len(set(authors[i:i + min_len])) != 2:
            i += 1
            continue
        j = i + 1
        pair = {posts[i].author}
        while j < len(posts):
            gap = (posts[j].when - posts[j - 1].when).total_seconds()
            if gap > max_gap_s or (posts[j].author not in pair and len(pair) == 2):
                break
            pair.add(posts[j].author)
            j += 1
        run = posts[i:j]
        turns = sum(1 for a, b in pairwise(run) if a.author != b.author)
        # Calling the other by first name ("Tunde how is your mum?") addresses them as surely as "you".
        firsts = {a: regex.compile(rf"\b{regex.escape(b.split()[0])}\b", regex.IGNORECASE) for a in pair for b in pair
                  if b != a and b[:1].isalpha()}
        addressed = sum(1 for m in run if _ADDRESSED.search(m.text) or m.text.rstrip().endswith("?")
                        or (m.author in firsts and firsts[m.author].search(m.text)))
        # Two parents sorting out the class's own business (times, kit, the trip) are using the group as meant.
        school_talk = sum(1 for m in run if _SCHOOL_BUSINESS.search(m.text))
        # A longer exchange, five or more turns with nobody else joining, is a personal chat even
        # without "you" or questions ("sair but gettin there" / "when's the op?" / "march the 3rd").
        personal = addressed * 2 >= len(run) or (len(run) >= min_len + 1 and turns >= min_len)
        exchange = len(pair) == 2 and len(run) >= min_len and turns >= 3
        group_business = school_talk * 2 >= len(run) or _TO_ALL.search(run[0].text)
        if exchange and personal and not group_business:
            # The exchange starts where the two start answering each other: a post followed by
            # more from the same member ("Morning all" … then the chat) only leads up to it.
            start = 0
            while start + 1 < len(run) and run[start + 1].author == run[start].author:
                start += 1
            yield Finding(run[start].id, "private-conversation", "private-conversation.pair",
                          f"{len(run) - start} messages back and forth between the same two members",
                          related=tuple(m.id for m in run[start + 1:]))
            i = j
        elif exchange and group_business:
            # One exchange that answers the group or sorts out class business: its tail is the same exchange.
            i = j
        else:
            i += 1


def dont_know(messages: Sequence[Message], *, lookback: int = 6, window_s: int = 6 * 3600) -> Iterator[Finding]:
    """A reply that is only "don't know" / "no idea" to someone else's recent question."""
    verdicts: dict[str, bool] = {}  # the same few replies recur; judge each wording once
    for idx, m in enumerate(messages):
        if not m.is_post or m.is_media or len(m.text) > 90:
            continue
        verdict = verdicts.get(m.text)
        if verdict is None:
            # ASCII has no emoji and no format marks; its only modifier symbols are ^ and `.
            plain = m.text.isascii() and "^" not in m.text and "`" not in m.text
            text = (m.text if plain else _EMOJI_ETC.sub("", m.text)).strip()
            verdict = verdicts[m.text] = (bool(text) and len(text) <= 80 and _only_dont_know(text)) \
                or (("🤷" in m.text or "¯" in m.text) and _SHRUG.match(m.text) is not None)  # every shrug has one of these
        if not verdict:
            continue
        now = m.when
        for prev in reversed(messages[max(0, idx - lookback):idx]):
            if (now - prev.when).total_seconds() > window_s:
                break
            if prev.author != m.author and _QUESTION.search(prev.text):
                yield Finding(m.id, "dont-know", "dont-know.reply", f"Replies only '{m.text.strip()}' to a question")
                break


def child_photos(messages: Sequence[Message], *, window_s: int = 180, reach: int = 11) -> Iterator[Finding]:
    """Media posted with a caption about children: on the media's own next line, as Android exports it, or in the
    same author's text beside it (a text alone is the content check's: photos.shared_in_text)."""
    texts: dict[int, list[object]] = {}
    for k, media in enumerate(messages):
        if not media.is_media:
            continue
        caption = media.text.partition("\n")[2]
        if caption and photos.children_pictured(caption):
            yield Finding(media.id, "personal-data", "personal.child-photos", "Posts a photo of children (its caption names them)")
            continue
        # The author's nearest text before the media (a caption), or just after it.
        for idx in [*range(k - 1, max(-1, k - reach - 1), -1), *range(k + 1, min(len(messages), k + 4))]:
            other = messages[idx]
            if other.author == media.author and other.is_post and not other.is_media:
                if abs((other.when - media.when).total_seconds()) <= window_s:
                    texts.setdefault(idx, []).append(media.id)
                break
    for idx in sorted(texts):
        m = messages[idx]
        if photos.captions_children(m.text):
            media_ids = texts[idx]
            how_many = "a photo" if len(media_ids) == 1 else f"{len(media_ids)} photos"
            yield Finding(m.id, "personal-data", "personal.child-photos", f"Posts {how_many} of children",
                          related=tuple(media_ids))
