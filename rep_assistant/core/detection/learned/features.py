"""What the learned model sees of a message: words, word pairs, character 5-grams, and what the rules found.

One function for training and for scanning, so the two can never drift apart. Character
n-grams inside the word stream carry spelling variety (dialect, dropped vowels, "marking's"
and "marked") that whole words miss; word pairs carry short phrases ("heard that"). The text
is NFKC-folded and case-folded first, so fullwidth and styled letters read as plain ones.
The categories the rules flagged on the message join as marks (``with_rule_marks``): what a
rule found is a signal that holds across writers (an insult often comes with a complaint).
So does the message just before it, as its scene (``with_scene``): a reply is read in its thread.
"""

import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

from rep_assistant.core.detection.rules.contact_details import EMAIL
from rep_assistant.core.detection.rules.model import Message
from rep_assistant.core.detection.rules.text import PICTURE
from rep_assistant.core.importing.parsing.phrases import DELETED, DELETED_BY_ADMIN

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Character n-gram length. Mean held-out AUC leaving each corpus chat out: words and pairs alone 0.903,
#: with 3-grams 0.910, 4-grams 0.916, 5-grams 0.919, 4- and 5-grams 0.919 (twice the features).
NGRAM = 5
#: Messages with fewer words than this are not scored ("Thanks!", "Yes", "👍"): too little to go on.
MIN_WORDS = 3
#: Only the start of a very long message is read: enough to judge it, and the cost stays bounded.
MAX_CHARS = 600


_SHOUT = re.compile(r"\b[A-Z]{4,}\b")
_FOUR_CAPITALS = re.compile("[A-Z]{4}")  # in every match of _SHOUT, and about twice as quick to look for
# _WORD on a lower-cased ASCII text, where [^\W_] can only be [a-z0-9] and ’ cannot occur: the same words, a
# cheaper character class (most messages).
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# Emoji and pictures (rules/text.py's PICTURE), each a mark of its own: a tone no word carries (🙃 and 👏 after praise are sarcasm, 🙄 a raised
# eyebrow, also #angry). The blocks read: miscellaneous symbols and dingbats (☀ ❤ ✅, and the few arrows and squares
# among them: ➡ ⬅ ⬛), ⭐'s block, and the emoji planes. Not read: the arrows block (→), technical symbols (⏰ ⌛),
# box drawing, braille and geometric shapes (pasted tables, text art), and the letters flags are made of. Skin tones
# and joiners are not symbols ("So") and fall out too.

# Each pair of double quotes ("…" or “…”), what is inside them; scare quotes are one to four words of it ("being dealt
# with", "monitoring"), how parents quote the school's own words back at it. A longer quotation (a pasted e-mail)
# is not this, nor an inch mark after a digit (26", 5'2").
_QUOTED = re.compile(r'(?<!\d)["“]([^"“”\n]*)["”]')
_SCARE_MOST = 4
_ANGRY = frozenset("😡🤬😤😠🙄")


def words_of(text: str) -> list[str]:
    """The message's words, NFKC-folded and case-folded, apostrophes kept inside words, then its shape marks.

    Shape marks (``#shout``, ``#bang``, ``#ask``, ``#angry``, ``#e`` and each emoji, ``#scare`` for a few words in
    double quotes, ``#lines``, ``#money``) say how a message is written rather than what it says, which varies less
    between writers than words do. Leaving each writer out (the calibration's ten groups), the emoji and scare
    quotes raised the breaches found at 0.5 / 1 / 2 / 4 % of benign messages flagged from 0.620 / 0.695 / 0.762 /
    0.832 to 0.628 / 0.699 / 0.769 / 0.839 (grievance, most of the misses, 0.41 / 0.50 / 0.59 / 0.69 to 0.43 / 0.51 /
    0.61 / 0.71).
    Contact details and links are marks too (``contact_marks``).
    """
    head = text[:MAX_CHARS]
    plain = head.isascii()  # most messages: NFKC changes nothing, casefold is lower, no emoji or £ to look for
    if not plain:
        head = unicodedata.normalize("NFKC", head)
    folded, contacts = contact_marks(head.lower() if plain else head.casefold().replace("’", "'"))
    words = (_ASCII_WORD if plain else _WORD).findall(folded) + contacts
    if len(words) < MIN_WORDS:
        return words
    # In this order; each test only where it can be true (no list of every mark built per message).
    if _FOUR_CAPITALS.search(head) and _SHOUT.search(head):
        words.append("#shout")
    if "!!" in head or "?!" in head or "!?" in head:
        words.append("#bang")
    if "?" in head:
        words.append("#ask")
    if not plain and not _ANGRY.isdisjoint(head):
        words.append("#angry")
    if not plain and (pictures := PICTURE.findall(head)):
        words.extend("#e" + ch for ch in dict.fromkeys(pictures) if unicodedata.category(ch) == "So")
    if ('"' in head or "“" in head) and any(0 < len(q.split()) <= _SCARE_MOST for q in _QUOTED.findall(head)):
        words.append("#scare")
    if "\n" in head:
        words.append("#lines")
    if not plain and "£" in head:
        words.append("#money")
    return words


_LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|uk|io|ly|me|info|biz)\b(?:/\S*)?")
_LINKISH = re.compile(r"@|://|www\.|\.(?:com|org|net|uk|io|ly|me|info|biz)\b")
# Nine to fifteen digits, perhaps apart by a space, a dot, a dash or brackets: "07700 900123", "+44 (0)7700 900123".
_PHONE = re.compile(r"(?<![\w.])\+?\(?\d(?:[ ().-]{0,2}\d){8,14}(?![\w.])")
_PHONE_HINT = re.compile(r"\d[\d ().-]{8}")  # in every match of _PHONE: a pattern that opens with a digit is quick to look for


def contact_marks(head: str) -> tuple[str, list[str]]:
    """``head`` (lower-cased) with e-mail addresses, links and phone numbers taken out, and a mark for each kind found.

    What a detail is matters to the model (a link in a post that sells, a number passed on);
    what it spells does not, and the labelled chats' made-up details (example.com, 07700 900…)
    would otherwise teach it words no real chat has. A link keeps the name of its site
    ("gofundme"), which does say something, unless the name is a reserved placeholder.
    """
    marks: list[str] = []
    if ("." in head or "@" in head) and _LINKISH.search(head):
        blanked = EMAIL.sub(" ", head)
        if blanked != head:
            marks.append("#email")
            head = blanked
        blanked = _LINK.sub(_site_name, head)
        if blanked != head:
            marks.append("#link")
            head = blanked
    if _PHONE_HINT.search(head) and _PHONE.search(head):
        marks.append("#phone")
        head = _PHONE.sub(" ", head)
    return head, marks


#: Parts of a web address that name no site: schemes' leftovers, top-level domains, RFC 2606's placeholder.
_NOT_A_SITE = frozenset({"www", "com", "org", "net", "uk", "co", "io", "ly", "me", "info", "biz", "gov", "sch", "ac", "example"})


def _site_name(link: re.Match[str]) -> str:
    host = link.group().split("://", 1)[-1].split("/", 1)[0]
    return " " + " ".join(part for part in host.lower().split(".") if part not in _NOT_A_SITE) + " "


def features(words: list[str]) -> list[str]:
    """The feature strings of a message's words and shape marks, a list in which a string may come more than once.

    Each distinct word gives ``~word`` and the 5-grams inside ``_word_``; each distinct pair of
    neighbouring words gives ``~word word`` and the 5-grams across the ``_`` between them; a
    one-letter word gives the 5-grams that reach over it (``bridge_grams``). Together these are
    every 5-gram of ``_word_word_..._``. A word used twice counts once, but a 5-gram that two
    different words share ("ting_" in "meeting" and "waiting") counts for each: a message's sum
    is then the sum of its words' and pairs' sums, which the scan keeps from one message to the
    next (model.py). Leaving each writer's chat out, this scored as well as counting each
    5-gram once (mean held-out AUC over the 11 categories 0.960 on the writers' chats, 0.978 on
    the corpus chats, both ways).
    """
    marks = [w for w in words if w[0] == "#"]
    if marks:
        words = words[:-len(marks)]
    out = []
    for w in dict.fromkeys(words):
        out.extend(word_features(w))
    for a, b in dict.fromkeys(itertools.pairwise(words)):
        out.extend(pair_features(a, b))
    out.extend(bridge_grams(words))
    out.extend(marks)
    return out


def word_features(word: str) -> list[str]:
    """What one word gives every message it is in: ``~word`` and the n-grams inside its ``_word_``."""
    seg = "_" + word + "_"
    return ["~" + word, *(seg[i:i + NGRAM] for i in range(len(seg) - NGRAM + 1))]


def pair_features(a: str, b: str) -> list[str]:
    """What two neighbouring words give: ``~a b`` and the n-grams across the ``_`` between them, inside ``_a_b_``."""
    seg = "_" + a + "_" + b + "_"
    joint = len(a) + 1
    return [f"~{a} {b}", *(seg[i:i + NGRAM] for i in range(max(0, joint - NGRAM + 2), min(joint, len(seg) - NGRAM + 1)))]


def bridge_grams(words: list[str]) -> list[str]:
    """The n-grams of ``features`` that reach over a one-letter word into both its neighbours (``s_a_b``).

    With those of ``word_features`` and ``pair_features`` these are every n-gram of ``_word_word_..._``: an n-gram
    not inside one word's ``_word_`` has a ``_`` between two words inside it, and only a one-letter
    word is short enough for an n-gram to cover it and a letter on each side.
    """
    return [f"{a[-1]}_{m}_{b[0]}" for a, m, b in zip(words, words[1:], words[2:], strict=False) if len(m) == 1]


#: The mark every message the rules flagged carries (``with_rule_marks``).
RULED = "#r:any"


def with_rule_marks(words: list[str], flagged: Iterable[str]) -> list[str]:
    """``words`` (from ``words_of``) with a mark per category the rules flagged on the message, and ``#r:any``.

    Training reads the rules' flags on every labelled message the same way (scripts/train_model.py),
    so the model learns what a rule's flag says about the categories it did not flag. A message
    too short to score stays too short.
    """
    if len(words) < MIN_WORDS:
        return words
    marks = sorted("#r:" + c for c in flagged)
    return words + marks + [RULED] if marks else words


#: What a mark of the message before begins with: "#^trip" (its word "trip"), "#^r:grievance" (a rule's flag on it).
SCENE = "#^"


# What an export writes where a post's photo or file was (Android, iOS); a deletion is the parser's DELETED phrases.
_PLACEHOLDER = re.compile(r"\s*(?:<attached:[^>]*>|<[^<>]{0,30}omitted>|(?:image|video|gif|sticker|audio|document)\s+omitted)",
                          re.IGNORECASE)


def sets_a_scene(m: Message) -> bool:
    """Whether a post's text can be read as the scene of the next: a member's own words, not a photo's tag or "This
    message was deleted" (those words are how an export marks the post, and would read the same after any post)."""
    return (m.kind == "message" and not m.is_media and bool(m.text) and _PLACEHOLDER.match(m.text) is None
            and m.text.rstrip(".") not in DELETED and not m.text.startswith(DELETED_BY_ADMIN))


def scenes(messages: Sequence[Message], within_s: int) -> list[int | None]:
    """For each message, the index of the member's post just before it when that is text posted at most ``within_s``
    seconds earlier (the scene it was written in), else None; ``within_s`` 0: none.

    A system line ("Ana joined") is passed over; a photo, a deleted message or a poll leaves the next message with no
    scene (what it answers cannot be read). An earlier time after a later one (an older export imported after a newer
    one) is no scene either. Chat order, not time order, is what the members saw.
    """
    out: list[int | None] = [None] * len(messages)
    if within_s <= 0:
        return out
    last: int | None = None
    for k, m in enumerate(messages):
        if last is not None and 0 <= (m.when - messages[last].when).total_seconds() <= within_s:
            out[k] = last
        if m.is_post:
            last = k if sets_a_scene(m) else None
    return out


def own_count(feats: list[str]) -> int:
    """How many of a message's features (``features``) set its scale, 1/sqrt(n): its own, not its scene's marks.

    A message's own words then weigh the same whether or not a message came just before it (the first of a thread,
    a set of single messages), and its scene adds on top. Leaving each writer out, counting the scene's marks too
    scored the same (mean recall at 0.5 / 1 / 2 / 4 % of benign messages flagged 0.789 / 0.837 / 0.878 / 0.918
    against 0.787 / 0.835 / 0.877 / 0.918).
    """
    return sum(1 for f in feats if not f.startswith(SCENE)) or 1


def with_scene(words: list[str], before: list[str], flagged: Iterable[str] = ()) -> list[str]:
    """``words`` (a message's, rule marks included) with the message before as marks: its words (``words_of``, not
    its shape marks) and the categories the rules flagged on it.

    Why: a complaint, a sneer or a political jab is often a reply that says little alone ("of course they have",
    "typical", "and who pays for that?"); what it answers says what it is. Leaving each writer out (the calibration's
    groups, five folds), the words of the message before, as marks apart from the message's own, raised the breaches
    found at 0.5 / 1 / 2 / 4 % of benign messages flagged from 0.778 / 0.827 / 0.872 / 0.911 to 0.789 / 0.837 / 0.878 /
    0.918 (grievance 0.454 / 0.539 / 0.639 / 0.736 to 0.473 / 0.564 / 0.651 / 0.744; abuse, policy challenge and
    political up by 1.5 to 2 points at 1 %); the rules' flags on it alone hardly moved it (0.781 / 0.829 / 0.873 /
    0.912). A message too short to score stays so.
    """
    if len(words) < MIN_WORDS or not before:
        return words
    scene = [SCENE + w for w in dict.fromkeys(before) if w[0] != "#"]
    scene += [SCENE + "r:" + c for c in sorted(flagged)]
    return words + scene if scene else words
