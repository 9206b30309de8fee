"""Other languages of UK school communities: >= 80% of offending probes caught, no benign one flagged.

tests/data/probes/languages.jsonl holds messages written for this test in Urdu (Roman and
Arabic script), Polish, Arabic, Bengali (script and romanised), Welsh and Somali: swearing,
insults, and a child's health, needs or exclusion told by someone who is not the child's
parent; and benign ones, among them parents telling of their own child's asthma or allergy.
"""

import json
from collections import Counter
from pathlib import Path

from rep_assistant.core.detection.rules import Message, detect

PROBES = Path(__file__).resolve().parents[1] / "data" / "probes" / "languages.jsonl"
WATCHED = {"offensive-language", "abuse", "individual-child", "personal-data"}


def _probes() -> list[dict[str, str]]:
    return [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line]


def _categories(rows: list[dict[str, str]]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in detect([Message(i, "2025-01-06T10:00", "Parent", r["text"]) for i, r in enumerate(rows)]):
        found.setdefault(f.message_id, set()).add(f.category)
    return found


def test_every_language_has_offending_and_benign_probes() -> None:
    rows = _probes()
    offending = Counter(r["lang"] for r in rows if r["expect"])
    benign = Counter(r["lang"] for r in rows if not r["expect"])
    assert set(offending) == set(benign) == {"ur", "pl", "ar", "bn", "cy", "so"}


def test_at_least_80_percent_of_offending_messages_are_caught_in_the_expected_category() -> None:
    rows = [r for r in _probes() if r["expect"]]
    found = _categories(rows)
    caught = [i for i, r in enumerate(rows) if r["expect"] in found.get(i, set())]
    assert len(caught) / len(rows) >= 0.8


def test_no_benign_message_is_flagged() -> None:
    rows = [r for r in _probes() if not r["expect"]]
    found = _categories(rows)
    assert {rows[i]["text"]: cats & WATCHED for i, cats in found.items() if cats & WATCHED} == {}


def test_a_childs_behaviour_told_first_does_not_hide_their_health_told_after() -> None:
    found = _categories([{"text": "Ten chłopak od Nowaków popycha dzieci, a przecież ma padaczkę"}])
    assert {"individual-child", "personal-data"} <= found.get(0, set())


def test_an_english_word_for_a_condition_inside_another_language_is_that_languages_disclosure() -> None:
    texts = ["Zainab ko ADHD hai, isi liye TA saath baithti hai",  # Roman Urdu
             "ফারহানের autism ধরা পড়েছে",  # Bengali script
             "Ma maqlay in Bilaal uu qabo asthma, waa xaqiiq"]  # Somali
    found = _categories([{"text": t} for t in texts])
    assert all({"individual-child", "personal-data"} <= found.get(i, set()) for i in range(len(texts))), found


def test_the_same_english_words_in_an_english_message_are_left_to_the_english_rules() -> None:
    found = _categories([{"text": "The ADHD and autism talk is in the hall on Thursday, all welcome"},
                         {"text": "Reminder: the asthma nurse is in on Monday for the inhaler checks"}])
    assert not any(cats & WATCHED for cats in found.values()), found


def test_romanised_urdu_and_bengali_insults_are_found_however_they_are_spelled() -> None:
    texts = ["woh admi poora ullu ka patha hai", "woh aurat ullu ki patthi hai", "kuttay ki aullad ne gate band kar diya"]
    found = _categories([{"text": t} for t in texts])
    assert all("abuse" in found.get(i, set()) for i in range(len(texts))), found
