"""Disguised swearing is caught (>= 95% of the generated probe set) and no innocent look-alike is flagged.

The probes are written by tests/data/probes/make_disguise_probes.py (own wording): every core
swear word through every disguise (look-alike and styled letters, invisible marks, spacing,
leet, masks, stretching, dropped vowels), and hand-written UK place names, foods, birds,
surnames, pantomimes, dog breeding, Welsh and Scots words that look rude and are not.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from rep_assistant.core.detection.rules import Message, detect

PROBES = Path(__file__).resolve().parents[1] / "data" / "probes"


def _rows(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (PROBES / name).read_text(encoding="utf-8").splitlines() if line]


def _flagged(texts: list[str]) -> set[int]:
    messages = [Message(i, "2025-01-06T10:00", "Parent", t) for i, t in enumerate(texts)]
    return {f.message_id for f in detect(messages) if f.category == "offensive-language"}


def test_the_probe_set_is_big_and_varied() -> None:
    rows = _rows("disguised.jsonl")
    assert len(rows) >= 150 and len({r["word"] for r in rows}) >= 15 and len({r["disguise"] for r in rows}) >= 15
    assert len(_rows("lookalikes.jsonl")) >= 60


def test_at_least_95_percent_of_disguised_swearing_is_caught_and_every_disguise_kind_mostly() -> None:
    rows = _rows("disguised.jsonl")
    flagged = _flagged([r["text"] for r in rows])
    assert len(flagged) / len(rows) >= 0.95
    missed = Counter(r["disguise"] for i, r in enumerate(rows) if i not in flagged)
    total = Counter(r["disguise"] for r in rows)
    assert all(missed[k] <= total[k] // 4 for k in total), missed


def test_no_innocent_lookalike_is_flagged() -> None:
    texts = [r["text"] for r in _rows("lookalikes.jsonl")]
    assert [texts[i] for i in sorted(_flagged(texts))] == []


@pytest.mark.parametrize(("text", "quoted"), [
    ("what a ｆｕｃｋｉｎｇ mess", "ｆｕｃｋｉｎｇ"),
    ("Ой 🙈 a lоad of bоllоcks, honestly", "bоllоcks"),
    ("🎉🎉 sh\u200bit I forgot", "sh\u200bit"),
    ("𝐬𝐡𝐢𝐭𝐞 weather", "𝐬𝐡𝐢𝐭𝐞"),
    # emoji, brackets and drawn letters as masks; a word rude only disguised, disguised (a Cyrillic р, small capitals)
    ("that referee is a right рrick", "рrick"),
    ("what a ᴋɴᴏʙ", "ᴋɴᴏʙ"),
    ("sh🙈t, the bake sale is today", "sh🙈t"),
    ("f(u)cking roadworks again", "f(u)cking"),
    ("proper \\/\\/anker on the school run", "\\/\\/anker"),
])
def test_spans_point_at_the_characters_written(text: str, quoted: str) -> None:
    (finding,) = [f for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)]) if f.category == "offensive-language"]
    (start, end), = finding.spans
    assert text[start:end] == quoted


@pytest.mark.parametrize("text", [
    "a pin prick and it's done", "the door knob is loose", "Moby Dick for book club", "lovely🥰 see you at 9",
    "My aunt lives in Effin, near Kilmallock", "Effin hell, missed the bus",
])
def test_plain_rude_only_words_decoration_and_a_capitalised_place(text: str) -> None:
    flagged = bool(_flagged([text]))
    assert flagged == text.startswith("Effin hell")  # a capital opening a sentence is no place name

