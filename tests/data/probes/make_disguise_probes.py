#!/usr/bin/env python3
"""Write disguised.jsonl and lookalikes.jsonl: the disguised-swearing probe set (own wording).

usage: tests/data/probes/make_disguise_probes.py

Disguised probes are generated systematically: every word of WORDS through every disguise
of DISGUISES that changes it, inside carrier sentences written for this set. Look-alikes are
hand-written: real UK place names with rude-looking spellings, foods, birds, surnames,
pantomimes, dog breeding, Welsh and Scots words, and ordinary text with digits and stars.
"""

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent

WORDS = ["fuck", "fucking", "shit", "shite", "bollocks", "bastard", "bitch", "twat", "wanker", "arsehole", "piss", "pissed",
         "crap", "cunt", "dickhead", "bellend", "tosser", "slag", "whore", "bugger",
         # rude only when disguised: the plain words are a pin prick, a door knob, Moby Dick
         "prick", "knob", "dick"]
CARRIERS = ["{w} I left the lunchbox on the bus", "the car park this morning was {w}", "honestly what a {w} week it has been",
            "{w}, the form was due yesterday", "who moved the cones, {w}"]

_CYRILLIC = {"a": "а", "o": "о", "e": "е", "c": "с", "p": "р", "i": "і", "x": "х", "y": "у", "s": "ѕ", "h": "һ", "j": "ј"}
_LEET = {"o": "0", "i": "1", "e": "3", "a": "4", "s": "5", "t": "7"}
_VOWELS = "aeiou"


def _styled(base: int, lower: int) -> Callable[[str], str]:
    return lambda w: "".join(chr(base + ord(c) - lower) for c in w)


def _cyrillic(w: str) -> str:
    return "".join(_CYRILLIC.get(c, c) for c in w)


def _one_cyrillic(w: str) -> str:
    i = next((i for i, c in enumerate(w) if c in _CYRILLIC), None)
    return w if i is None else w[:i] + _CYRILLIC[w[i]] + w[i + 1:]


def _leet(w: str) -> str:
    return w[0] + "".join(_LEET.get(c, c) for c in w[1:])


def _symbols(w: str) -> str:
    return w[0] + "".join({"a": "@", "s": "$", "i": "!"}.get(c, c) for c in w[1:])


def _mask_vowels(w: str) -> str:
    return w[0] + "".join("*" if c in _VOWELS else c for c in w[1:])


def _mask_middle(w: str) -> str:
    return w[0] + "*" * (len(w) - 2) + w[-1] if len(w) > 3 else w


def _mask_mixed(w: str) -> str:
    marks = "*&%#"
    return w[0] + "".join(marks[i % 4] if c in _VOWELS else c for i, c in enumerate(w[1:]))


def _stretch(w: str) -> str:
    i = next((i for i, c in enumerate(w) if c in _VOWELS), None)
    return w if i is None else w[:i] + w[i] * 5 + w[i + 1:]


def _drop_vowels(w: str) -> str:
    return w[0] + "".join(c for c in w[1:] if c not in _VOWELS)


def _zero_width(w: str) -> str:
    return w[:2] + "\u200b" + w[2:]


def _soft_hyphen(w: str) -> str:
    return w[:1] + "\u00ad" + w[1:]


_DIALECT = {"fuck": "fook", "fucking": "fookin", "shit": "shyte", "bollocks": "bollox", "bitch": "biatch", "piss": "pish",
            "arsehole": "a-hole", "pissed": "pished", "wanker": "wnkr", "bastard": "bstrd", "twat": "twot", "cunt": "kunt"}


def _wrong_symbol(w: str) -> str:
    """A symbol that is not the letter's own leet: 'fu@k', 'sh@t'."""
    i = next((i for i, c in enumerate(w) if c in "eiou" and i > 0), None)
    return w if i is None else w[:i] + "@" + w[i + 1:]


def _direction_mark(w: str) -> str:
    return w[:-1] + "\u200e" + w[-1]


_DOTTED = {"a": "ȧ", "c": "ċ", "e": "ė", "i": "ï", "k": "ḱ", "n": "ṅ", "o": "ȯ", "r": "ṙ", "s": "ṡ", "t": "ṫ", "u": "ü", "w": "ẇ"}
_SMALL_CAPS = {"a": "ᴀ", "b": "ʙ", "c": "ᴄ", "d": "ᴅ", "e": "ᴇ", "g": "ɢ", "h": "ʜ", "i": "ɪ", "k": "ᴋ", "l": "ʟ", "n": "ɴ",
               "o": "ᴏ", "p": "ᴘ", "r": "ʀ", "s": "ꜱ", "t": "ᴛ", "u": "ᴜ", "w": "ᴡ"}
_DRAWN = {"u": "|_|", "w": "\\/\\/", "k": "|<"}


def _first_vowel(w: str, into: Callable[[str], str]) -> str:
    i = next((i for i, c in enumerate(w) if c in _VOWELS and i > 0), None)
    return w if i is None else w[:i] + into(w[i]) + w[i + 1:]


def _drawn(w: str) -> str:
    return "".join(_DRAWN.get(c, c) for c in w) if set(w) & set(_DRAWN) else _first_vowel(w, lambda c: f"({c})")


def _regional_spaced(w: str) -> str:
    return "\u200b".join(chr(0x1F1E6 + ord(c) - ord("a")) for c in w)


DISGUISES: dict[str, Callable[[str], str]] = {
    "cyrillic": _cyrillic,
    "one-cyrillic-letter": _one_cyrillic,
    "fullwidth": _styled(0xFF41, ord("a")),
    "maths-bold": _styled(0x1D41A, ord("a")),
    "maths-sans-bold": _styled(0x1D5EE, ord("a")),
    "circled": _styled(0x24D0, ord("a")),
    "zero-width": _zero_width,
    "soft-hyphen": _soft_hyphen,
    "direction-mark": _direction_mark,
    "spaced": " ".join,
    "dotted": ".".join,
    "dashed": lambda w: "-".join(w.upper()),
    "underscored": "_".join,
    "leet-digits": _leet,
    "leet-symbols": _symbols,
    "masked-vowels": _mask_vowels,
    "masked-middle": _mask_middle,
    "masked-mixed": _mask_mixed,
    "stretched": _stretch,
    "dropped-vowels": _drop_vowels,
    "capitals-spaced": lambda w: " ".join(w.upper()),
    "strike-through": lambda w: "".join(c + "\u0336" for c in w),
    "negative-squared": lambda w: "".join(chr(0x1F170 + ord(c) - ord("a")) for c in w),
    "middle-dots": "\u00b7".join,
    "slashes": "/".join,
    "wrong-symbol": _wrong_symbol,
    "dialect-or-text-spelling": lambda w: _DIALECT.get(w, w),
    "dotted-and-accented": lambda w: "".join(_DOTTED.get(c, c) for c in w),
    "small-capitals": lambda w: "".join(_SMALL_CAPS.get(c, c) for c in w),
    "emoji-for-a-letter": lambda w: _first_vowel(w, lambda c: "🤬"),
    "bullets": lambda w: w[0] + "•" * (len(w) - 1),
    "bracketed-letter": lambda w: _first_vowel(w, lambda c: f"[{c}]"),
    "letters-drawn-or-bracketed": _drawn,
    "wrong-digit": lambda w: _first_vowel(w, lambda c: "4" if c != "a" else "0"),
    "one-letter-a-line": lambda w: "\n".join(w.upper()),
    "regional-letters-apart": _regional_spaced,
}


LOOKALIKES = [
    "Coach to Scunthorpe leaves at 8 from the front gate", "Anyone driving over to Penistone for the gala?",
    "We stayed at a lovely cottage near Cockermouth", "The map shows Shitterton just past the farm shop",
    "Grandad grew up in Twatt on Orkney", "Bitchfield is on the way to Grantham", "Crapstone has a lovely duck pond",
    "Fanny Barks is tiny, blink and you miss it", "Sandy Balls holiday park for half term", "Pratts Bottom is near Orpington",
    "The Wetwang show is on Saturday", "We walked up Great Cockup in the rain", "Brown Willy is the highest point in Cornwall",
    "Nob End has orchids in June", "Cumwhinton school are our rivals at football", "Change at Cockfosters for the bus",
    "The castle at Clitheroe is worth a visit", "Penisarwaun chapel choir sang beautifully", "Assington church fete next week",
    "Shitlington Crags is a good climb for older kids", "Scratchy Bottom is on the coast path",
    "Spotted dick and custard for school dinner today", "Faggots and peas on the menu on Thursday",
    "Cock-a-leekie soup for the Burns supper", "Shitake mushrooms in the stir fry", "Blue tits nesting in the box again",
    "Two great tits and a robin on the feeder", "The coal tits love the fat balls", "Blue-footed boobies at the zoo",
    "Saw shags diving off the pier", "A cock pheasant ran across the lane", "The peacock at the farm park was showing off",
    "Our cocker spaniel is called Biscuit", "Dick Whittington at the Playhouse on the 14th", "Puss in Boots tickets are £12",
    "Widow Twankey was the best bit of the panto", "Moby Dick is a long read for Year 6", "Mrs Cockburn is covering on Friday",
    "Matt Hancock was on the news", "Dickens for the book club", "Our bitch had six puppies last night",
    "The brood bitch and the stud dog are both Kennel Club registered", "The dam and sire are both champions",
    "Dim problem, I'll bring the cones", "Mae hi'n twt iawn", "The weans had a wee play in the snow",
    "It's awful dreich out there", "Pump o blant yn y tîm", "The assessment week starts Monday",
    "Passing the class assembly script round", "Cocktail night for the PTA", "Pistachio ice cream at the fair",
    "Off to Sussex for the weekend", "The Titanic topic starts after half term", "The analysis is on page 3",
    "Bassoon lessons are on Tuesday", "Arsenal shirt for non-uniform day", "Shuttlecock lost on the hall roof",
    "Scrapbook pages due in by Friday", "See you b4 3pm at the gate", "Gr8 news about the trip",
    "*Reminder* PE kit tomorrow", "5* review for the cake stall", "Y3 and Y4 swimming on the 1st",
    "Room 4b or 4c? not sure", "It's f.a.o. the office", "Is it a.s.a.p. or next week?", "T-shirt sizes please",
    "Send me the e-mail again", "I got 3/4 on the spelling test lol", "Meet at 4pm by the shed",
    "Bellingham trip on Monday", "The Cumbrian coast is gorgeous", "Button batteries are dangerous for toddlers",
    "Spanish homework: escribe cinco frases", "Happy Dydd Gŵyl Dewi everyone", "Class 3 sh-sh-shushed the whole hall",
    "We stopped by the Bell End road sign for a photo", "The ref was effing and blinding at the linesman",
    "Our old bitch is nursing four pups in the shed", "Привет всем, спасибо за помощь", "Mrs Shittu is back on Monday",
    "The cock crowed at dawn on the farm trip", "Just a pin prick for the blood test", "The door knob came off again",
    "Back by 3 o'clock", "The x-ray showed no break", "Mrs Dickinson's class won the cup",
    "Made a batch of flapjacks for the sale", "Mr Pratt is on the gate today",
    "Walking Offa's Dyke with the Scouts on Sunday", "My cousin lives in Effin, out past Kilmallock",
    "Art homework: a street scene in the style of Pissarro", "Lovely😍 thanks for the photos", "Pick up 7ish or 1ish?",
    "(a) the form and (b) the money, both by Friday", "Snake_case file names for the coding club",
    "Book club: Moby Dick chapter 3", "Plain Cook's Dick pudding recipe in the newsletter", "The kids loved the 🐓 at the farm",
    "Science week: prick a balloon with a pin to see it pop", "Flapjacks: 250g oats, 100g butter, 4tbsp syrup",
]


def main() -> None:
    rows = []
    for w in WORDS:
        for i, (name, disguise) in enumerate(DISGUISES.items()):
            shown = disguise(w)
            if shown == w or unicodedata.normalize("NFC", shown) == w:
                continue
            carrier = CARRIERS[(WORDS.index(w) + i) % len(CARRIERS)]
            rows.append({"text": carrier.format(w=shown), "word": w, "disguise": name})
    (HERE / "disguised.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (HERE / "lookalikes.jsonl").write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in LOOKALIKES),
                                           encoding="utf-8")
    print(f"{len(rows)} disguised, {len(LOOKALIKES)} look-alikes")


if __name__ == "__main__":
    main()
