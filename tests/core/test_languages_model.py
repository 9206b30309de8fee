"""The learned model of other languages (scripts/train_languages_model.py; layers.py reads it beside the rules).

It reads only messages that may be written in Urdu, Punjabi, Bengali, Arabic, Polish, Welsh or Somali, flags swearing,
insults and another family's child told of where the rules missed them (a spelling, a victim told first, a passive),
doubts or withdraws the rules' flags there as the English model does on English messages, explains itself like the
English model, and is measured on sets written for it that it never learned from.
"""

import json
import sys
from pathlib import Path

import pytest

from rep_assistant.core.detection.layers import LEARNED_PREFIX, OTHER_LANGUAGES, detect_all
from rep_assistant.core.detection.learned import load_languages_model
from rep_assistant.core.detection.learned.train import data_checksum
from rep_assistant.core.detection.rules import Message, detect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import train_languages_model  # noqa: E402

FROM_IT = LEARNED_PREFIX + OTHER_LANGUAGES
WATCHED = {"offensive-language", "abuse", "individual-child", "personal-data"}


def _flags(text: str, **kw: object) -> list:
    return [f for f in detect_all([Message(1, "2025-01-06T10:00", "Parent", text)], **kw) if f.message_id == 1]


def test_the_shipped_model_loads_offline_and_names_its_data() -> None:
    model = load_languages_model()
    assert model is not None
    assert model.meta["trained_by"] == "scripts/train_languages_model.py"
    assert set(model.categories) == {"offensive-language", "abuse", "individual-child"}
    assert all(0 < lo <= mn < 1 for lo, mn in zip(model.look, model.main, strict=True))
    english = train_languages_model.team_data() + train_languages_model.writer_data() + train_languages_model.message_data()
    paths = train_languages_model.default_data()
    assert data_checksum(paths + english) == model.meta["data_sha256"], "retrain: scripts/train_languages_model.py"
    assert not {p.stem for p in paths} & set(train_languages_model.MEASURED)  # the sets that measure it never teach it


def test_the_shipped_model_was_calibrated_with_the_rules_as_they_are() -> None:
    """Its bars on the rules' flags were read off what the rules flag on its sets: when that changes, retrain it."""
    from rep_assistant.core.detection.learned.train import flags_checksum

    model = load_languages_model()
    assert model is not None
    chats = {p.stem: train_languages_model.message_rows(p) for p in train_languages_model.default_data()}
    assert flags_checksum(train_languages_model.rule_flags(chats)) == model.meta["rule_flags_sha256"], \
        "retrain: scripts/train_languages_model.py"


def test_the_script_makes_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "languages.json"
    assert train_languages_model.main(["--out", str(out)]) == 0
    assert out.read_bytes() == (ROOT / "resources" / "model" / "languages.json").read_bytes()


@pytest.mark.parametrize(("text", "category"), [
    ("yousef darab ibni el naharda fel break", "individual-child"),  # Arabizi in lower case: the name is no capital
    ("Cafodd Elin ei gwthio gan Rhys ddoe", "individual-child"),  # Welsh passive: pushed by Rhys
    ("Ali ko Hamza ne maara aaj", "individual-child"),  # Urdu, the one hit told first
])
def test_what_the_rules_miss_in_another_language_the_model_flags_and_explains(text: str, category: str) -> None:
    assert not any(f.category == category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)]))
    flags = [f for f in _flags(text) if f.category == category]
    assert [f.rule_id for f in flags] == [FROM_IT + category]
    f = flags[0]
    assert "the learned model of other languages" in f.summary and "% sure" in f.summary
    assert 0 < f.confidence < 1 and f.tier in ("main", "worth-a-look")
    assert f.spans and all(text[a:b].strip() for a, b in f.spans)  # the words that weighed most, highlighted


@pytest.mark.parametrize("text", [
    "Shut up, you're such an idiot, honestly",  # English: the English rules and model's, never this one's
    "Mrs Patel said Tom hit another boy at lunch",
    "Happy Eid everyone 🌙 see you all at the party on Saturday",
])
def test_it_never_reads_an_english_message(text: str) -> None:
    assert not any(f.rule_id.startswith(FROM_IT) for f in _flags(text))


def test_it_is_a_learned_layer_switched_off_with_the_others() -> None:
    text = "yousef darab ibni el naharda fel break"
    assert any(f.rule_id.startswith(FROM_IT) for f in _flags(text))
    assert not any(f.rule_id.startswith(FROM_IT) for f in _flags(text, model=False))
    assert not any(f.rule_id.startswith(FROM_IT) for f in _flags(text, languages=False))


@pytest.mark.parametrize("text", [
    "Diolch yn fawr i bawb am y parti ddoe",
    "Kal school trip ke paise jama karwa dein please",
    "Mój syn ma jutro wizytę u dentysty, nie będzie go rano",
    "Amar meye aj school e jabe na, jor hoyeche",
])
def test_everyday_messages_in_the_languages_stay_clean(text: str) -> None:
    assert not {f.category for f in _flags(text)} & WATCHED


def test_a_rule_flag_it_reads_as_no_breach_is_withdrawn_and_one_it_reads_as_a_breach_stays() -> None:
    """Under a category's ``withdraw`` bar, read off sets it never saw, the rules' flags were right one time in ten."""
    asked = "Czy ktoś wie, czy dzieci z alergią mogą jeść na wycieczce?"  # Polish: a question to the group, no child told of
    assert {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", asked)])} >= {"individual-child", "personal-data"}
    assert _flags(asked) == []  # the personal data of a child's health goes with the child told of
    told = "Bilal ki ammi ne bataya ke usko asthma ka attack hua tha kal raat"  # Roman Urdu: another family's child's asthma
    assert {(f.category, f.tier) for f in _flags(told)} >= {("individual-child", "main"), ("personal-data", "main")}


def test_a_phone_number_in_another_language_is_judged_by_no_childs_reading() -> None:
    """Only the child's health told in another language is personal data as another family's child's news; a number
    shared in Urdu, Polish or Welsh is someone's personal data whatever the model reads of children."""
    for text in ("Zosi mama ma numer 07700 900456, dzwońcie do niej", "Rhif ffôn mam Elin yw 07700 900456, ffoniwch hi",
                 "Nadia ki khala ka number 07700 900456 hai, unko call kar lein"):
        assert ("personal-data", "main") in {(f.category, f.tier) for f in _flags(text)}, text


def _scored(name: str) -> tuple[list[bool], list[bool], list[bool], list[bool]]:
    """Per offending message whether the whole detector's main queue / both tiers caught it; per benign one whether
    flagged in the main queue / in either tier."""
    path = train_languages_model.SETS / f"{name}.jsonl"
    rows = [r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if not r.get("ambiguous")]
    main, both, benign_main, benign = [], [], [], []
    for r in rows:
        flags = _flags(r["text"])
        if r["expect"]:
            wanted = {r["expect"], *r.get("also", [])}
            main.append(bool(wanted & {f.category for f in flags if f.tier == "main"}))
            both.append(bool(wanted & {f.category for f in flags}))
        else:
            benign_main.append(bool(WATCHED & {f.category for f in flags if f.tier == "main"}))
            benign.append(bool(WATCHED & {f.category for f in flags}))
    return main, both, benign_main, benign


#: Measured when the model was made (sixteenth session); the sets were written for it by two outside writers, a third
#: (ay: everyday messages and near misses only) and an independent reviewer (bd: the hard cases a reviewer would try;
#: a second reviewer's set, bc, and four more to that brief teach it), and never read; bk and bl (a writer to the
#: probe brief, a reviewer) were scored once, at the end: a change may raise these, never quietly lower them. (Raised in
#: the seventeenth session, when the model was refitted with the English model's new step and decay.)
@pytest.mark.parametrize(("name", "main_least", "both_least", "main_benign_most", "benign_most"), [
    ("languages_aw", 0.84, 0.9, 1, 2), ("languages_ax", 0.86, 0.94, 2, 2), ("languages_ay", None, None, 0, 2),
    ("languages_bd", 0.84, 0.91, 3, 16), ("languages_bk", 0.83, 0.89, 2, 5), ("languages_bl", 0.72, 0.89, 4, 19),
])
def test_the_sets_kept_to_measure_it(name: str, main_least: float | None, both_least: float | None, main_benign_most: int,
                                     benign_most: int) -> None:
    main, both, benign_main, benign = _scored(name)
    if main_least is not None:
        assert sum(main) / len(main) >= main_least
        assert sum(both) / len(both) >= both_least
    assert sum(benign_main) <= main_benign_most
    assert sum(benign) <= benign_most
