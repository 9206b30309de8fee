"""The learned layer: reproducible training, the shipped model and its provenance, tiers end to end.

The tiny training set below is made up for these tests (no sentence of any labelled chat).
"""

import dataclasses
import itertools
import json
import math
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from rep_assistant.cli import main
from rep_assistant.core.detection import layers
from rep_assistant.core.detection.evaluation import format_report, predictions_from_flags, score_tiers
from rep_assistant.core.detection.learned import LearnedModel, load_model
from rep_assistant.core.detection.learned import train as train_module
from rep_assistant.core.detection.learned.features import (
    NGRAM,
    bridge_grams,
    features,
    own_count,
    pair_features,
    with_rule_marks,
    with_scene,
    word_features,
    words_of,
)
from rep_assistant.core.detection.learned.train import Params, calibrate, train
from rep_assistant.core.detection.rules import DetectOptions, Message, Rule, detect
from rep_assistant.core.detection.rules import engine as rules_engine
from rep_assistant.core.detection.rules.model import Finding, Hit
from rep_assistant.core.errors import RepError
from rep_assistant.core.reviewing.review import flag_summaries, list_flag_ids

ROOT = Path(__file__).resolve().parents[2]
SELLING = ["selling my homemade candles, message me for prices", "new skincare range in stock, dm me to order today",
           "discount code for my online shop this weekend only", "join my team and earn from home, ask me how",
           "raffle tickets for my cousin's business launch, a fiver each", "my bakery does birthday cakes, order by friday",
           "grab a bargain from my market stall this saturday", "flash sale on my handmade jewellery, link in my bio",
           "earn extra cash selling from home, message me"]
THREATS = ["you will regret crossing me, wait and see", "watch your back at the gate tomorrow morning",
           "keep talking and see what happens to your car", "i know where you live so be careful",
           "say that again and you'll be sorry", "next time i see you there will be trouble",
           "you better watch yourself after pick up", "cross me again and you'll regret it for good",
           "wait till i catch you in the car park"]
BENIGN = ["does anyone know if the library books go back on monday", "lovely sunny morning for the walk to school",
          "the harvest assembly starts at nine in the hall", "has anyone seen a green lunchbox with a dinosaur on",
          "thanks for organising the class gift everyone", "swimming kit is needed on thursday this week",
          "the cake sale raised a lot for the library", "reminder that the trip letter is due back friday",
          "can someone tell me what time pick up is on the inset day", "my little one loved the pirate day costumes",
          "is it wellies or trainers for forest school", "the choir sounded wonderful at the concert",
          "happy birthday to all the september children", "who is bringing the squash for the sports day stall",
          "the lost property box is by the office door", "what a brilliant nativity, well done to the class"]


def _chats() -> dict[str, list[dict]]:
    """Three made-up chats, each with some of every kind, so each can be left out for calibration."""
    chats: dict[str, list[dict]] = {"x": [], "y": [], "z": []}
    for k, name in enumerate(chats):
        chats[name] += [{"text": t, "labels": ["commercial"]} for t in SELLING[k::3]]
        chats[name] += [{"text": t, "labels": ["threat"]} for t in THREATS[k::3]]
        chats[name] += [{"text": t, "labels": []} for t in BENIGN[k::3]]
    return chats


TINY = Params(epochs=30, min_df=1, min_chats=1, prune=0.0, look_benign=0.5, main_benign=0.2, main_precision=0.5)


def _tiny_model() -> LearnedModel:
    return LearnedModel(train(_chats(), TINY, categories=("commercial", "threat"), meta={"data_sha256": "0" * 64}))


def _write_rows(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"timestamp": "2025-01-06T10:00", "author": "A", "group": None, **r}) + "\n"
                            for r in rows), encoding="utf-8")


def test_training_is_reproducible_and_records_its_parameters() -> None:
    first = train(_chats(), TINY, categories=("commercial", "threat"))
    second = train(_chats(), TINY, categories=("commercial", "threat"))
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["params"]["epochs"] == 30 and first["chats"] == {"x": 12, "y": 11, "z": 11}
    assert first["thresholds"]["commercial"]["look"] <= first["thresholds"]["commercial"]["main"]


def test_the_both_tier_budget_is_held_chat_by_chat_with_the_rules_flags_counted() -> None:
    """In each calibration chat but the spare worst, rules and model together flag at most ``look_benign`` of its benign messages."""
    positives, benign = [5.0, 3.2, 3.1, 3.0, 1.0], [4.5, 3.5, 2.5, 1.5, 0.5] + [-1.0] * 95
    margins = [(z,) for z in positives + benign]
    labels = [frozenset({"x"})] * 5 + [frozenset()] * 100

    def look(ruled_benign: set[int], spare: float = 0.0, chats: list[str] | None = None) -> float:
        ruled = [False] * 5 + [k in ruled_benign for k in range(100)]
        return calibrate(margins, labels, ["x"], Params(look_benign=0.02, look_spare=spare), ruled, chats)["x"]["look"]

    def prob(z: float) -> float:
        return round(1 / (1 + math.exp(-z)), 6)

    assert look(set()) == prob(3.0)  # two benign messages in a hundred: down to 3.0, past 4.5 and 3.5
    assert look({98, 99}) == prob(5.0)  # the rules flagged two elsewhere: none left for the model
    # The rules alone are past the limit: the model may still flag, but only where it adds no false alarm.
    assert look({0, 1, 2, 3}) == prob(1.0)
    assert look({0, 1, 2, 3, 4}) == prob(1.0) and look({0, 1, 2}) == prob(3.0)
    assert look(set(), spare=1.0) == prob(1.0)  # the only chat may be the spare worst one
    assert look(set(), spare=0.5) == prob(3.0)  # half of one chat is no chat
    # Two chats: the one holding the high-scoring benign messages is the spare (half of them); the other limits the model.
    chats = ["a"] * 5 + ["a"] * 5 + ["b"] * 95
    assert look(set(), spare=0.5, chats=chats) == prob(1.0)
    assert look(set(), spare=0.0, chats=chats) == prob(5.0)


def test_recall_weight_decides_whether_a_rare_categorys_one_find_or_a_common_ones_five_get_the_budget() -> None:
    """One benign flag to spend: on the rare category's only breach (every category's recall alike), or on five of the
    common one's ten (every breach alike); the square root between them weighs 1 × 1 against 0.5 × √10."""
    margins = [(2.0, -5.0)] + [(-5.0, 5.0)] * 5 + [(-5.0, 2.0)] * 5 + [(2.5, -5.0), (-5.0, 2.5)] + [(-5.0, -5.0)] * 98
    labels = [frozenset({"rare"})] + [frozenset({"common"})] * 10 + [frozenset()] * 100

    def looks(weight: float) -> tuple[float, float]:
        th = calibrate(margins, labels, ["rare", "common"], Params(look_benign=0.01, look_spare=0.0, recall_weight=weight))
        return th["rare"]["look"], th["common"]["look"]

    def prob(z: float) -> float:
        return round(1 / (1 + math.exp(-z)), 6)

    assert looks(0.0) == (prob(2.0), prob(5.0))
    assert looks(1.0) == (1.0, prob(2.0))
    assert looks(0.5) == (1.0, prob(2.0))


def test_training_script_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_model import main as train_main

    files = []
    for name, rows in _chats().items():
        _write_rows(tmp_path / name / "labels.jsonl", rows)
        files.append(str(tmp_path / name / "labels.jsonl"))
    args = [*files, "--epochs", "5", "--min-df", "1", "--min-chats", "1"]
    assert train_main([*args, "--out", str(tmp_path / "a.json")]) == 0
    assert train_main([*args, "--out", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    model = LearnedModel(json.loads((tmp_path / "a.json").read_text(encoding="utf-8")))
    assert re.fullmatch(r"[0-9a-f]{64}", model.meta["data_sha256"])
    assert [d["chat"] for d in model.meta["data"]] == ["x", "y", "z"]
    assert model.meta["params"]["epochs"] == 5


def test_each_writers_file_is_a_chat_of_its_own_and_the_team_sets_are_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_model

    team = tmp_path / "labelled"
    monkeypatch.setattr(train_model, "SHARED", tmp_path / "shared")
    monkeypatch.setattr(train_model, "TEAM", team)
    monkeypatch.setattr(train_model, "WRITERS", team / "writers")
    monkeypatch.setattr(train_model, "MESSAGES", team / "messages")
    x, y, z = _chats().values()
    _write_rows(tmp_path / "shared" / "corpus" / "x_city" / "labels.jsonl", x)
    _write_rows(team / "first.jsonl", y[:6])
    _write_rows(team / "second.jsonl", y[6:])
    _write_rows(team / "writers" / "z_seaside.jsonl", z[::2])
    _write_rows(team / "writers" / "z_valley.jsonl", z[1::2])
    (team / "messages").mkdir()
    (team / "messages" / "probe.jsonl").write_text("".join(json.dumps({"text": r["text"], "expect": (r["labels"] or [None])[0]}) + "\n"
                                                          for r in x), encoding="utf-8")
    out = tmp_path / "model.json"
    taught: list[set[str]] = []
    real_train = train_model.train
    monkeypatch.setattr(train_model, "train", lambda *a, **k: taught.append(set(k.get("fit_only", ()))) or real_train(*a, **k))
    assert train_model.main(["--out", str(out), "--epochs", "3", "--min-df", "1", "--min-chats", "1"]) == 0
    assert taught == [{"messages-probe"}]
    meta = json.loads(out.read_text(encoding="utf-8"))
    assert meta["chats"] == {"x_city": len(x), "team": len(y), "z_seaside": len(z[::2]), "z_valley": len(z[1::2]), "messages-probe": len(x)}
    assert {d["file"]: d["chat"] for d in meta["data"]}["writers/z_valley.jsonl"] == "z_valley"
    _write_rows(team / "writers" / "team.jsonl", z)  # would silently join the team's chat
    assert train_model.main(["--out", str(out), "--epochs", "3"]) == 2


def test_a_set_of_messages_teaches_every_fold_but_never_calibrates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Single messages written apart are dense in breaches: they teach the model, but a threshold's promise about
    a real chat's false alarms must come from chats alone."""
    import rep_assistant.core.detection.learned.train as training

    taught = [{"text": "florbish gadgets at half price, florbish for everyone", "labels": ["commercial"]}] * 3
    seen: list[list[str]] = []
    real = training.calibrate
    monkeypatch.setattr(training, "calibrate", lambda *a, **k: seen.append(list(a[5])) or real(*a, **k))
    folds: list[set[str]] = []
    held_out = training._held_out
    monkeypatch.setattr(training, "_held_out", lambda job: folds.append({ex.chat for ex in job[0]}) or held_out(job))
    monkeypatch.setattr(training.os, "cpu_count", lambda: 1)  # the folds in this process, where the spy sees them
    doc = train({**_chats(), "m": taught}, TINY, categories=("commercial", "threat"), fit_only=["m"])
    assert seen and "m" not in seen[0] and {"x", "y", "z"} <= set(seen[0])
    assert len(folds) == 3 and all("m" in rest for rest in folds)
    assert doc["chats"]["m"] == 3
    model = LearnedModel(doc)
    alone = LearnedModel(train(_chats(), TINY, categories=("commercial", "threat")))
    words = words_of("florbish gadgets for everyone at the gate")
    assert model.margins(words)[0] > alone.margins(words)[0]  # what only the set said was learned


def test_a_set_of_messages_is_read_as_labelled_rows_without_the_ambiguous_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_model

    monkeypatch.setattr(train_model, "MESSAGES", tmp_path)
    path = tmp_path / "set_a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"author": "Jo Bloggs", "text": "The office never answers, what a shambles", "expect": "grievance", "also": ["abuse"]},
        {"author": "Sam Example", "text": "Lovely assembly this morning", "expect": None},
        {"author": "Al Sample", "text": "Is that fair? Not sure", "expect": "grievance", "ambiguous": True}]) + "\n", encoding="utf-8")
    rows = train_model.read_chats([path])["messages-set_a"]
    assert [r["labels"] for r in rows] == [["abuse", "grievance"], []]
    assert rows[0]["timestamp"][:10] != rows[1]["timestamp"][:10]  # a day apart: no run, no reply context
    assert train_model.fit_only([path]) == {"messages-set_a"}
    assert train_model.fit_only([Path(os.path.relpath(path))]) == {"messages-set_a"}  # as typed on the command line
    path.write_text(json.dumps({"text": "hello all", "expect": "moaning"}) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="unknown categories: moaning"):
        train_model.read_chats([path])


def test_training_on_sets_of_messages_alone_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValueError, match="at least two writers"):
        train({"x": _chats()["x"], "m": _chats()["y"]}, TINY, categories=("commercial", "threat"), fit_only=["m"])


def test_a_trained_model_tells_new_wording_apart_and_says_why() -> None:
    model = _tiny_model()
    margins = model.margins(words_of("message me to order my homemade soap"))
    calm = model.margins(words_of("the library is open after school on monday"))
    assert margins is not None and calm is not None
    assert margins[0] > calm[0]
    found = model.score("Selling homemade soap, message me to order")
    assert found and found[0].category == "commercial"
    assert set(found[0].words) & {"selling", "homemade", "message", "order", "message me"}
    assert model.score("Thanks!") == []  # too short to judge: never scored


def test_features_fold_styled_letters_and_case() -> None:
    assert words_of("ＳＥＬＬＩＮＧ Candles") == words_of("selling candles") == ["selling", "candles"]
    assert {"~selling", "~selling candles", "_sell"} <= set(features(["selling", "candles"]))
    shaped = words_of("WHERE is the refund?! Still waiting")
    assert shaped[-3:] == ["#shout", "#bang", "#ask"]
    assert "#shout" in features(shaped) and "~waiting #shout" not in features(shaped)


def test_emoji_and_scare_quotes_are_marks_of_tone() -> None:
    """Each picture once, skin tones and joiners aside; a few words in double quotes, not a long quotation."""
    assert words_of("Super organised as ever 🙃🙃 👏🏾👏🏾") == ["super", "organised", "as", "ever", "#e🙃", "#e👏"]
    assert words_of("The office said it is “being looked into” again")[-1] == "#scare"
    assert words_of('They said it is "being looked into" again')[-1] == "#scare"
    assert "#scare" not in words_of('She wrote "please can all parents make sure the forms are back by Friday" today')
    assert words_of("Café trip on Friday ☕ → meet at the gate ⚽")[-2:] == ["#e☕", "#e⚽"]  # an arrow is not a picture
    assert words_of("Lovely day at the park") == ["lovely", "day", "at", "the", "park"]  # no marks where none is written
    # Quotes pair up: two quotations are not one short one between them; an inch mark is not a quote.
    assert "#scare" not in words_of('The letter says "all children must bring a packed lunch for the trip" and "please label everything clearly with names"')
    assert "#scare" not in words_of('Has anyone got a 26" or 28" waist skirt spare')
    assert not [w for w in words_of("Flags out for the match 🇬🇧 ┌──┐ ⠿ done") if w.startswith("#e")]  # flag letters, box drawing, braille


def test_a_word_used_twice_counts_once_and_a_shared_ngram_counts_for_each_word() -> None:
    feats = features(["meeting", "meeting", "waiting"])
    assert feats.count("~meeting") == 1 and feats.count("~meeting meeting") == 1
    assert feats.count("ting_") == 2  # inside "meeting" and inside "waiting"


def test_the_ngrams_of_words_pairs_and_one_letter_bridges_are_the_messages_ngrams() -> None:
    """The scan builds a message's n-grams from its words and neighbouring pairs; training reads them off the whole text."""
    rnd = random.Random(5)
    vocabulary = ["a", "i", "x", "of", "to", "the", "ok", "going", "doing", "it's", "tomorrow", "über", "b", "cd"]
    for _ in range(300):
        words = rnd.choices(vocabulary, k=rnd.randint(1, 9))
        grams = {f for f in features(words) if f[0] != "~"}
        whole = "_" + "_".join(words) + "_"
        assert grams == {whole[i:i + NGRAM] for i in range(len(whole) - NGRAM + 1)}, words
        parts = {g for w in words for g in word_features(w)[1:]} | {g for a, b in itertools.pairwise(words) for g in pair_features(a, b)[1:]}
        assert parts | set(bridge_grams(words)) == grams, words


def test_what_the_scan_remembers_of_words_is_dropped_past_its_limit_and_scores_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = SELLING + THREATS + BENIGN
    expected = [_tiny_model().margins(words_of(t)) for t in texts]
    forgetful = _tiny_model()
    monkeypatch.setattr(forgetful._sums, "LIMIT", 10)
    assert [forgetful.margins(words_of(t)) for t in texts + texts][len(texts):] == expected
    assert len(forgetful._sums._words) + len(forgetful._sums._pairs) <= 10 + 60


def test_the_scan_sums_each_words_features_as_training_lists_them() -> None:
    """The scan's remembered sums per word and pair give the margins of the plain sum over features()."""
    model = _tiny_model()
    for text in SELLING + THREATS + BENIGN + ["a b c d, a b c d again and again I say", "x y z"]:
        words = words_of(text)
        if len(words) < 3:
            continue
        # Read alone and read in a scene (a message before it, which the scale does not count: own_count).
        for read in (words, with_scene(words, words_of("they cancelled the trip again, selling tickets"), {"grievance"})):
            feats = features(read)
            found = [model.lanes[f] for f in feats if f in model.lanes]
            plain = model._margins(sum(found), len(found), 1.0 / math.sqrt(own_count(feats)))
            assert model.margins(read) == tuple(plain), text
            assert own_count(feats) == len(features(words))


def test_the_shipped_model_loads_offline_and_records_its_data() -> None:
    """The network is blocked in every test (conftest): loading must not need it, nor ../shared."""
    model = load_model()
    assert model is not None
    assert re.fullmatch(r"[0-9a-f]{64}", model.meta["data_sha256"])
    assert model.meta["trained_by"] == "scripts/train_model.py"
    assert {"epochs", "l2", "look_benign", "main_benign"} <= set(model.meta["params"])
    assert {"grievance", "threat", "rumour", "abuse"} <= set(model.categories)
    assert all(0 < lo <= mn for lo, mn in zip(model.look, model.main, strict=True))


def test_the_shipped_model_was_fitted_with_the_parameters_the_code_gives() -> None:
    """Retraining with scripts/train_model.py's defaults must remake the shipped model, not one fitted otherwise (the
    step and decay were once left at values that stopped the fit short of its optimum)."""
    model = load_model()
    assert model is not None
    assert model.meta["params"] == dataclasses.asdict(Params())


@pytest.mark.shared
def test_the_shipped_model_was_trained_on_the_data_it_names(shared_dir: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_model import checksummed

    from rep_assistant.core.detection.learned.train import data_checksum

    model = load_model()
    assert model is not None
    assert data_checksum(checksummed()) == model.meta["data_sha256"], "retrain: scripts/train_model.py"


@pytest.mark.shared
def test_the_shipped_model_was_calibrated_with_the_rules_as_they_are(shared_dir: Path) -> None:
    """The model reads the rules' flags: when the rules flag differently on its data, it must be retrained."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_model import read_chats, rule_flags, training_data

    from rep_assistant.core.detection.learned.train import flags_checksum

    model = load_model()
    assert model is not None
    assert flags_checksum(rule_flags(read_chats(training_data()))) == model.meta["rule_flags_sha256"], "the rules changed: retrain with scripts/train_model.py"


def test_the_rules_flags_reach_the_model_as_marks() -> None:
    words = words_of("that is a disgrace and she knows it")
    assert with_rule_marks(words, {"abuse", "anger"})[-3:] == ["#r:abuse", "#r:anger", "#r:any"]
    assert with_rule_marks(words, ()) == words
    assert with_rule_marks(["too", "short"], {"abuse"}) == ["too", "short"]
    assert {"#r:abuse", "#r:any"} <= set(features(with_rule_marks(words, {"abuse"})))


def test_learned_flags_go_to_the_tier_their_confidence_earns() -> None:
    model = _tiny_model()
    msgs = [Message(1, "2025-01-06T10:00", "A", "my homemade soap bars are lovely, message me"),
            Message(2, "2025-01-06T10:05", "B", "Does anyone know when the library books go back?")]
    found = layers.detect_all(msgs, None, model=model)
    learned = [f for f in found if f.rule_id.startswith("learned.")]
    assert [(f.message_id, f.category) for f in learned] == [(1, "commercial")]
    f = learned[0]
    assert f.tier in ("main", "worth-a-look") and 0 < f.confidence <= 1
    assert "learned model" in f.summary and "sure" in f.summary
    assert all(msgs[0].text[a:b] for a, b in f.spans)
    assert layers.detect_all(msgs, None, model=None) == detect(msgs)


def test_an_uncertain_rule_flags_worth_a_look(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = Rule("commercial.maybe", "commercial", "A made-up uncertain rule.", lambda t: Hit("Maybe selling"), uncertain=True)
    monkeypatch.setattr(rules_engine, "content_rules", lambda: (rule,))
    [finding] = detect([Message(1, "2025-01-06T10:00", "A", "anything at all")])
    assert finding.tier == "worth-a-look"


def _constant_model(probability: float, main: float = 0.995, confirm: float = 0.0, withdraw: float | None = None,
                    category: str = "commercial") -> LearnedModel:
    """A real model that gives ``category`` the same ``probability`` whatever the words: only its bias is set."""
    bias = math.log(probability / (1 - probability))
    bars = {"look": 0.99, "main": main, "confirm": confirm} | ({} if withdraw is None else {"withdraw": withdraw})
    return LearnedModel.from_weights([category], {}, [bias], {category: bars}, {})


def test_a_rule_flag_on_a_message_in_another_language_is_neither_withdrawn_nor_doubted() -> None:
    """The model read English: its low score for an insult in Roman Urdu says nothing of the rule's flag."""
    urdu = Message(1, "2025-01-06T10:00", "A", "Yaar woh naya coach poora gadha hai, kuch nahi aata usko")
    english = Message(2, "2025-01-06T10:05", "B", "Honestly that new coach is a total idiot and a disgrace")
    [in_urdu] = [f for f in detect([urdu]) if f.category == "abuse"]
    [in_english] = [f for f in detect([english]) if f.category == "abuse"]
    withdrawing = _constant_model(0.05, withdraw=0.1, category="abuse")
    found = layers.detect_all([urdu, english], None, model=withdrawing)
    assert [(f.message_id, f.rule_id, f.tier) for f in found if f.category == "abuse"] == [(1, in_urdu.rule_id, "main")]
    doubting = _constant_model(0.2, confirm=0.9, category="abuse")
    tiers = {f.message_id: f.tier for f in layers.detect_all([urdu, english], None, model=doubting) if f.category == "abuse"}
    assert tiers == {1: "main", 2: "worth-a-look"} and in_english.tier == "main"


def test_an_other_language_rules_flag_inside_a_message_read_as_english_is_neither_withdrawn_nor_doubted() -> None:
    """A phrase of Urdu matched in a message mostly in English: the model read English and cannot judge that phrase."""
    mixed = Message(1, "2025-01-06T10:00", "A", "Honestly at pickup today Zain ne Adam ko maara again, nobody saw it apparently")
    from rep_assistant.core.detection.rules.languages import reads_as_english

    assert reads_as_english(mixed.text)
    [rule] = [f for f in detect([mixed]) if f.category == "individual-child"]
    assert rule.rule_id == "child.topic-other-language"
    withdrawing = _constant_model(0.05, withdraw=0.1, category="individual-child")
    doubting = _constant_model(0.2, confirm=0.9, category="individual-child")
    for model in (withdrawing, doubting):
        assert [(f.rule_id, f.tier) for f in layers.detect_all([mixed], None, model=model)
                if f.category == "individual-child"] == [(rule.rule_id, "main")]


def test_a_rule_flag_the_model_rules_out_is_withdrawn_and_no_other() -> None:
    msgs = [Message(1, "2025-01-06T10:00", "A", "My handmade bracelets are for sale, £5 each, message me to order"),
            Message(2, "2025-01-06T10:05", "B", "Selling cupcakes!")]  # too short for the model: never withdrawn
    [rule_only, short] = detect(msgs)
    assert layers.detect_all(msgs, None, model=_constant_model(0.05, withdraw=0.1)) == [short]
    # At the bar the rule's flag stands; a model without a bar withdraws nothing.
    [kept, _] = layers.detect_all(msgs, None, model=_constant_model(0.5, withdraw=0.5))
    assert (kept.rule_id, kept.tier) == (rule_only.rule_id, "main")
    assert layers.detect_all(msgs, None, model=_constant_model(0.05))[0].rule_id == rule_only.rule_id
    # Only the category ruled out goes: the same message's political flag, judged apart, stays.
    both = [Message(3, "2025-01-06T11:00", "C", "The Tories have ruined this country. Anyway, selling my kids bike, £20 ono, message me")]
    assert {f.category for f in detect(both)} == {"commercial", "political"}
    model = LearnedModel.from_weights(["commercial", "political"], {}, [math.log(0.05 / 0.95), 0.0],
                                      {"commercial": {"look": 0.99, "main": 0.995, "confirm": 0.0, "withdraw": 0.1},
                                       "political": {"look": 0.99, "main": 0.3, "confirm": 0.0, "withdraw": 0.1}}, {})
    assert [(f.category, f.tier) for f in layers.detect_all(both, None, model=model)] == [("political", "main")]


def test_a_rule_flag_the_model_doubts_waits_in_worth_a_look_and_says_why() -> None:
    msgs = [Message(1, "2025-01-06T10:00", "A", "My handmade bracelets are for sale, £5 each, message me to order"),
            Message(2, "2025-01-06T10:05", "B", "Selling cupcakes!")]  # too short for the model: the rule alone decides
    [rule_only, short] = detect(msgs)
    assert (rule_only.category, rule_only.tier, short.tier) == ("commercial", "main", "main")
    [doubted, kept_short] = layers.detect_all(msgs, None, model=_constant_model(0.2))
    assert (doubted.rule_id, doubted.spans, doubted.tier, doubted.confidence) == (rule_only.rule_id, rule_only.spans, "worth-a-look", 0.2)
    assert doubted.summary.startswith(rule_only.summary) and "20%" in doubted.summary
    assert kept_short == short
    assert layers.detect_all(msgs, None, model=_constant_model(0.8)) == [rule_only, short]
    # A rare category's main threshold can be under even odds: reaching it and the category's calibrated bar keeps the flag.
    assert layers.detect_all(msgs, None, model=_constant_model(0.2, main=0.15, confirm=0.15)) == [rule_only, short]
    assert layers.detect_all(msgs, None, model=_constant_model(0.2, main=0.15, confirm=0.25))[0].tier == "worth-a-look"
    assert layers.detect_all(msgs, None, model=_constant_model(0.2, main=0.25, confirm=0.15))[0].tier == "worth-a-look"
    # Where the rules' flags of a category were often wrong on other chats, even odds are not enough, and the rep is told why.
    strict = layers.detect_all(msgs, None, model=_constant_model(0.8, confirm=0.9))[0]
    assert strict.tier == "worth-a-look" and "gives it 80%" in strict.summary and "right 9 times in 10 only from 90%" in strict.summary


def _vetting_model(probability: float, confirm: float = 0.6, marked: float = 0.0) -> LearnedModel:
    """A model that gives individual-child ``probability`` (and ``marked`` more margin where the rules flagged individual
    child), with a bar for child-health flags."""
    from rep_assistant.core.detection.learned.model import pack

    bias = math.log(probability / (1 - probability))
    bars = {"look": 0.99, "main": 0.995, "confirm": 0.0}
    return LearnedModel(pack(["individual-child"], {"#r:individual-child": [marked]}, [bias], {"individual-child": bars}, {},
                             {"personal-data<individual-child": {"confirm": confirm}}))


def _health(findings: list[Any]) -> list[tuple[int, str]]:
    return [(f.message_id, f.tier) for f in findings if f.rule_id == "personal.child-health"]


def test_a_childs_health_told_is_judged_by_whether_the_model_reads_it_as_another_familys_child() -> None:
    """personal.child-health names ``vetted_by = "individual-child"``: that category's probability decides its tier."""
    from rep_assistant.core.detection.rules.data import vetted_rules

    assert vetted_rules()["personal.child-health"] == "individual-child"
    msgs = [Message(1, "2025-01-06T10:00", "A", "Tilly has been diagnosed with dyspraxia, we finally know what helps her"),
            Message(2, "2025-01-06T10:05", "B", "Leo's asthma")]  # too short for the model: the rule alone decides
    assert _health(detect(msgs)) == [(1, "main"), (2, "main")]
    # Under the bar: worth a look, never withdrawn (the model may not read the message as well as it seems to).
    assert _health(layers.detect_all(msgs, None, model=_vetting_model(0.1))) == [(1, "worth-a-look"), (2, "main")]
    assert _health(layers.detect_all(msgs, None, model=_vetting_model(0.9))) == [(1, "main"), (2, "main")]
    doubted = next(f for f in layers.detect_all(msgs, None, model=_vetting_model(0.45)) if f.rule_id == "personal.child-health")
    assert "holds only where the message is “Individual child”, and the learned model reads it so only 45%" in doubted.summary
    assert doubted.confidence is None  # the probability is of another category, not of this flag's
    # A model without a bar for the mark vets nothing.
    bare = LearnedModel.from_weights(["individual-child"], {}, [math.log(0.1 / 0.9)],
                                     {"individual-child": {"look": 0.99, "main": 0.995, "confirm": 0.0}}, {})
    assert _health(layers.detect_all(msgs, None, model=bare)) == [(1, "main"), (2, "main")]


def test_vetting_reads_a_message_as_training_did_whatever_the_policy_covers_and_not_in_another_language() -> None:
    # The model here leans on the rules' individual-child mark, as the real one does: it must be there even when the
    # policy (or the options) leave individual child out, since training read every category's rule flags.
    msgs = [Message(1, "2025-01-06T10:00", "A", "Did you hear Hugo was excluded for two days? Not surprised")]
    model = _vetting_model(0.3, marked=60.0)  # the mark weighs against 1/sqrt(the features): about +6
    assert _health(layers.detect_all(msgs, None, model=model)) == [(1, "main")]
    only = DetectOptions(categories=frozenset({"personal-data"}))
    assert [(f.rule_id, f.tier) for f in layers.detect_all(msgs, None, only, model=model)] == [("personal.child-health", "main")]
    # The restriction still restricts, and a policy's gaps work as the options' do.
    assert {f.category for f in layers.detect_all(msgs, None, only, model=model)} == {"personal-data"}


def test_a_vetted_flag_on_a_message_in_another_language_is_not_put_to_the_model() -> None:
    """The model read English (the other languages' own rule, not vetted, usually wins such a message first)."""
    from rep_assistant.core.detection.rules.languages import reads_as_english

    urdu = "Hamza ko asthma hai aur woh bohat bimar tha kal, school mein inhaler bhi nahi tha"
    english = "Hamza has asthma and was really poorly yesterday, no inhaler in school either"
    assert not reads_as_english(urdu) and reads_as_english(english) and reads_as_english("") and reads_as_english("👍🙃")
    # Other alphabets than the ones the language rules read: Punjabi in Gurmukhi, Russian; a disguise stays English.
    assert not reads_as_english("ਹਮਜ਼ਾ ਨੂੰ ਦਮਾ ਹੈ, inhaler ਵੀ ਨਹੀਂ ਸੀ") and not reads_as_english("У Хамзы астма, он вчера болел")
    assert reads_as_english("Hamza has аsthmа аgаin, no inhaler") and reads_as_english("Ｈａｍｚａ has asthma")
    model = _vetting_model(0.1)
    for text, tier in ((urdu, "main"), (english, "worth-a-look")):
        m = Message(1, "2025-01-06T10:00", "A", text)
        flag = Finding(1, "personal-data", "personal.child-health", "Shares a child's health or school record ('asthma')")
        [vetted] = layers._vetted([flag], [m], model, {1: frozenset({"personal-data"})}, [None])
        assert vetted.tier == tier
    # Nor are polls or media: the model never read them.
    poll = Message(1, "2025-01-06T10:00", "A", english, kind="poll")
    flag = Finding(1, "personal-data", "personal.child-health", "…")
    assert layers._vetted([flag], [poll], model, {1: frozenset({"personal-data"})}, [None]) == [flag]


def test_a_vetted_rule_does_not_hide_another_rule_of_its_category() -> None:
    """The engine keeps one flag per category on a message: a rule that stands on its own is kept before a vetted one,
    though declared after it (child-address follows child-health in its file)."""
    text = "Mia's party is Sunday, Mia's address is the big house by the church, she has a nut allergy so no nuts"
    [pd] = [f for f in layers.detect_all([Message(1, "2025-01-06T10:00", "A", text)], None, model=_vetting_model(0.1))
            if f.category == "personal-data"]
    assert (pd.rule_id, pd.tier) == ("personal.child-address", "main")
    order = [r.id for r in rules_engine.content_rules()]
    assert order.index("personal.child-health") > max(order.index("personal.child-address"), order.index("personal.child-health-other-language"))


def test_vetting_bars_are_read_off_out_of_chat_scores_of_the_vetted_flags_only() -> None:
    # Twenty child-health flags scored out of chat on individual-child: the low ones wrong, the high ones right.
    scores = [-3.0 + 0.3 * k for k in range(20)]
    right = [k >= 12 for k in range(20)]
    margins = [(z,) for z in scores] + [(5.0,)] * 10  # ten unvetted messages scored high and benign: not counted
    labels = [frozenset({"personal-data"}) if ok else frozenset() for ok in right] + [frozenset()] * 10
    vetted = [frozenset({"personal-data<individual-child"})] * 20 + [frozenset()] * 10
    bars = train_module.vetting(margins, labels, ["individual-child"], vetted, Params())
    # Main from the lowest score at and above which nine in ten are right (the first right one here).
    assert bars == {"personal-data<individual-child": {"confirm": round(1 / (1 + math.exp(-scores[12])), 6)}}
    # A flag on a message labelled with the vetting category is right too (another family's child, whichever clause).
    relabelled = [frozenset({"individual-child"}) if ok else ls for ok, ls in zip(right, labels, strict=False)] + labels[20:]
    assert train_module.vetting(margins, relabelled, ["individual-child"], vetted, Params()) == bars
    # A mark whose vetting category the model does not have is not calibrated.
    assert train_module.vetting(margins, labels, ["grievance"], vetted, Params()) == {}


def test_vet_marks_calibrate_but_are_not_features() -> None:
    rows = [{"text": "Noah has been diagnosed with dyslexia apparently", "labels": ["personal-data"]}]
    [ex] = train_module.examples(rows, "c", [frozenset({"personal-data", "individual-child", "personal-data<individual-child"})])
    assert ex.vetted == frozenset({"personal-data<individual-child"})
    assert "#r:personal-data" in ex.words and not any("<" in w for w in ex.words)


def test_every_vetted_rule_is_judged_by_a_learned_category_and_is_not_one() -> None:
    """Otherwise its flags would be vetted never (no bar) or twice (by ``_doubts`` too)."""
    from rep_assistant.core.detection.rules.data import content_rules

    vetted = [r for r in content_rules() if r.vetted_by]
    assert vetted and all(r.vetted_by in train_module.CATEGORIES and r.category not in train_module.CATEGORIES for r in vetted)


def test_a_rules_vetted_by_must_name_another_category() -> None:
    from rep_assistant.core.detection.rules.data import RuleDataError, parse

    rule = 'category = "personal-data"\n[[rule]]\nid = "x.y"\ndescription = "d"\nreason = "r"\npatterns = ["asthma"]\nvetted_by = "{}"\n'
    assert parse(rule.format("individual-child"), "t.toml")[0].rule.vetted_by == "individual-child"
    for bad in ("personal-data", "children"):
        with pytest.raises(RuleDataError, match="vetted_by"):
            parse(rule.format(bad), "t.toml")
    with pytest.raises(RuleDataError, match="not both"):  # a vetted flag's tier is the model's to decide
        parse(rule.format("individual-child") + "uncertain = true\n", "t.toml")


def test_a_rule_file_can_send_a_rules_flags_to_worth_a_look() -> None:
    from rep_assistant.core.detection.rules.data import RuleDataError, parse

    rule = 'category = "anger"\n[[rule]]\nid = "x.y"\ndescription = "d"\nreason = "r"\npatterns = ["cross"]\n'
    assert not parse(rule, "t.toml")[0].rule.uncertain
    assert parse(rule + "uncertain = true\n", "t.toml")[0].rule.uncertain
    with pytest.raises(RuleDataError, match="uncertain"):
        parse(rule + 'uncertain = "yes"\n', "t.toml")
    # Saying one is fuming is seldom what a labeller calls anger: worth a look, not the main queue.
    [said] = detect([Message(1, "2025-01-06T10:00", "A", "Honestly I am fuming about the new parking rules")], None,
                    DetectOptions(categories=frozenset({"anger"})))
    assert (said.rule_id, said.tier) == ("anger.words", "worth-a-look")


def test_the_bar_for_a_rules_flag_is_where_the_rules_flags_are_right_nine_times_in_ten() -> None:
    """``confirm``: the lowest probability at and above which the rules' flags of a category were right 90 % of the time."""
    # Twenty rule-flagged messages, scored out of chat: right ones high, wrong ones low, one wrong one high.
    scores = [4.0, 3.5, 3.0] + [2.0] * 8 + [1.0, 0.5, 0.0] + [-1.0, -1.5, -2.0, -2.5, -3.0, -3.5]
    right = [True, False, True] + [True] * 8 + [True, False, True] + [False] * 6
    margins = [(z,) for z in scores] + [(-4.0,)] * 10
    labels = [frozenset({"x"}) if ok else frozenset() for ok in right] + [frozenset()] * 10
    flags = [frozenset({"x"})] * 20 + [frozenset()] * 10

    def bar(precision: float) -> float:
        return calibrate(margins, labels, ["x"], Params(main_precision=precision), rule_flags=flags)["x"]["confirm"]

    def prob(z: float) -> float:
        return round(1 / (1 + math.exp(-z)), 6)

    assert bar(0.9) == prob(1.0)  # 12 of the top 13 are right; with 0.5 and 0.0 it would be 13 of 15
    assert bar(0.8) == prob(-1.0)  # 12 of the top 15
    assert bar(0.5) == 0.0  # every rule flag is right often enough: none is doubted
    # A category the rules never flagged keeps its main threshold.
    none = calibrate(margins, labels, ["x"], Params(), rule_flags=[frozenset()] * 30)["x"]
    assert none["confirm"] == none["main"]


def test_a_rules_flag_is_withdrawn_under_the_bar_where_such_flags_were_wrong_nine_times_in_ten() -> None:
    """``withdraw``: under it, the rules' flags of a category were right at most one time in ten, on ten or more of
    them, and so were the ten nearest the bar."""
    scores = [-3.0, -2.8, -2.6, -2.4, -2.2, -2.0, -1.8, -1.6, -1.4, -1.2, -1.0, 0.0, 1.0, 2.0]
    right = [False] * 4 + [True] + [False] * 6 + [True, True, True]

    def bar(scores: list[float], right: list[bool], **params: Any) -> float:
        return train_module._withdraw(scores, right, Params(**params))

    def prob(z: float) -> float:
        return round(1 / (1 + math.exp(-z)), 6)

    assert bar(scores, right) == prob(-0.5)  # the lowest eleven are right once: halfway to the next score, 0.0
    assert bar(scores, right, withdraw_least=12) == 0.0  # with 0.0 included, two of twelve are right: none withdrawn
    assert bar(scores, right, withdraw_precision=0.05) == 0.0
    # Tied scores are withdrawn together or not at all: the bar never falls between two flags the model scored alike.
    assert bar([-2.0] * 10 + [-1.0] * 3 + [1.0], [False] * 10 + [False, True, True, True]) == prob(-1.5)
    # Many wrong flags far below do not carry a run of right ones just under the bar.
    assert bar([-5.0] * 90 + [-1.0] * 10 + [1.0] * 5, [False] * 90 + [True] * 10 + [True] * 5) == prob(-3.0)
    # Every flag wrong: the bar sits just above the highest.
    assert bar([-2.0 + k / 10 for k in range(12)], [False] * 12) == prob(-0.89)
    # Through calibrate: never above the category's own "worth a look" threshold, and none without the rules' flags.
    margins = [(z,) for z in scores] + [(-4.0,)] * 10
    labels = [frozenset({"x"}) if ok else frozenset() for ok in right] + [frozenset()] * 10
    flags = [frozenset({"x"})] * len(scores) + [frozenset()] * 10
    bars = calibrate(margins, labels, ["x"], Params(look_spare=1.0), rule_flags=flags)["x"]
    assert bars["withdraw"] == bars["look"] == prob(-2.2)  # the look threshold reaches the lowest breach, under -0.5
    assert calibrate(margins, labels, ["x"], Params())["x"]["withdraw"] == 0.0


def test_a_message_whose_rule_flags_are_all_withdrawn_spends_the_benign_budget_like_any_other() -> None:
    """Counted as the rules' false alarm, twenty wrong flags would fill two chats' 8 % budget and silence the model."""
    margins: list[tuple[float, ...]] = []
    labels: list[frozenset[str]] = []
    flags: list[frozenset[str]] = []
    chats: list[str] = []
    for chat in ("a", "b"):
        rows = ([((-3.0,), frozenset(), frozenset({"x"}))] * 20 + [((-4.0,), frozenset(), frozenset())] * 80
                + [((1.5,), frozenset(), frozenset())] * 5 + [((1.0,), frozenset({"x"}), frozenset())] * 10)
        for m, label, flag in rows:
            margins.append(m)
            labels.append(label)
            flags.append(flag)
            chats.append(chat)
    ruled = [bool(f) for f in flags]
    look = calibrate(margins, labels, ["x"], Params(look_spare=0.0), ruled, chats, flags)["x"]["look"]
    assert look == round(1 / (1 + math.exp(-1.0)), 6)  # the ten breaches found, the five hard benign messages paid for
    kept = calibrate(margins, labels, ["x"], Params(look_spare=0.0, withdraw_precision=-1.0), ruled, chats, flags)["x"]["look"]
    assert kept > 0.99  # the rules' twenty flags stand: no budget left, the model stays silent


CHAT = """\
06/01/2025, 08:00 - Ann Bell: Does anyone know when the trip money is due?
06/01/2025, 09:00 - Eve Frost: Mr Grant is completely useless, honestly
06/01/2025, 09:30 - Cal Dean: my homemade soap bars are lovely, message me
"""


@pytest.fixture
def tiny_model(monkeypatch: pytest.MonkeyPatch) -> LearnedModel:
    model = _tiny_model()
    monkeypatch.setattr(layers, "load_model", lambda: model)
    return model


def test_scan_jsonl_gives_every_flag_a_tier_and_review_filters_by_it(tiny_model: LearnedModel, tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "WhatsApp Chat with Class 3.txt"
    export.write_text(CHAT, encoding="utf-8")
    db = tmp_path / "s.db"
    assert main(["scan", str(export), "--format", "jsonl", "--db", str(db)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert all(r["tier"] in ("main", "worth-a-look") for r in rows)
    learned = [r for r in rows if r["rule_id"].startswith("learned.")]
    assert [(r["author"], r["category"]) for r in learned] == [("Cal Dean", "commercial")]
    assert learned[0]["confidence"] > 0
    assert all(r["tier"] == "main" and r["confidence"] is None for r in rows if r not in learned)

    from rep_assistant.core.store import Store

    with Store(db) as store:
        tier = learned[0]["tier"]
        ids = list_flag_ids(store, 1, tiers=[tier])
        assert learned[0]["id"] in ids
        assert {s["tier"] for s in flag_summaries(store, ids)} == {tier}
        assert len(list_flag_ids(store, 1)) == len(rows)
        with pytest.raises(RepError, match="no flag tier"):
            list_flag_ids(store, 1, tiers=["maybe"])


def test_evaluate_scores_each_tier_and_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"timestamp": f"2025-01-06T10:0{i}", "author": "A", "text": t, "labels": labels, "group": None}
            for i, (t, labels) in enumerate([("one", ["threat"]), ("two", ["commercial"]), ("three", []), ("four", [])])]
    flags = [{"timestamp": "2025-01-06T10:00", "author": "A", "text": "one", "category": "threat", "tier": "main"},
             {"timestamp": "2025-01-06T10:01", "author": "A", "text": "two", "category": "commercial", "tier": "worth-a-look"},
             {"timestamp": "2025-01-06T10:02", "author": "A", "text": "three", "category": "commercial", "tier": "worth-a-look"}]
    report = score_tiers(rows, predictions_from_flags(rows, flags), ["threat", "commercial"])
    assert report.main.breach_recall == 0.5 and report.main.false_alarm_rate == 0.0
    assert report.look.per_category["commercial"].precision == 0.5
    assert report.both.breach_recall == 1.0 and report.both.false_alarm_rate == 0.5
    assert "worth a look" in format_report(report)

    labels, flag_file = tmp_path / "labels.jsonl", tmp_path / "flags.jsonl"
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    flag_file.write_text("".join(json.dumps(f) + "\n" for f in flags), encoding="utf-8")
    assert main(["evaluate", str(labels), "--flags", str(flag_file), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["breach_recall"] == 1.0
    assert out["tiers"]["main"]["breach_recall"] == 0.5
    assert out["tiers"]["worth-a-look"]["categories"]["commercial"]["tp"] == 1


def test_a_store_from_before_tiers_keeps_its_flags_in_the_main_queue(tmp_path: Path) -> None:
    import sqlite3

    from sqlite_utils import Database

    from rep_assistant.core.store import Store
    from rep_assistant.core.store.migrations import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m003_flag_tier")
    old.execute("INSERT INTO chats (id, name, created_at) VALUES (1, 'Class 4', '2025-01-06T10:00')")
    old.execute("INSERT INTO flags (chat_id, category, rule_id, severity, policy_id, clause_id, clause_text, explanation, "
                "created_at, updated_at) VALUES (1, 'abuse', 'r', 'breach', 'p', '1', 'c', 'e', 'now', 'now')")
    old.conn.commit()
    old.close()
    with Store(path) as store:
        assert store.query("SELECT tier, confidence FROM flags") == [{"tier": "main", "confidence": None}]
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("UPDATE flags SET tier = 'maybe'")


@pytest.mark.parametrize(("text", "words"), [
    ("text Pam on 07700 900321 about it", ["text", "pam", "on", "about", "it", "#phone"]),
    ("forms to office.helper@example.org please", ["forms", "to", "please", "#email"]),
    ("sign it at https://www.example.com/p/42 today", ["sign", "it", "at", "today", "#link"]),
    ("all on gofundme.com/f/for-a-trip now", ["all", "on", "gofundme", "now", "#link"]),
    ("back at 3:15 on 12.03.2026", ["back", "at", "3", "15", "on", "12", "03", "2026"]),
])
def test_contact_details_and_links_reach_the_model_as_what_they_are_not_what_they_spell(text: str, words: list[str]) -> None:
    assert words_of(text) == words


def test_a_writers_chats_are_left_out_together_for_calibration() -> None:
    from rep_assistant.core.detection.learned.train import writer_groups

    chats = ["a_one", "a_two", "b_one", "b_two", "c", "d", "e"]
    writers = {"a_one": "ann", "a_two": "ann", "b_one": "bob", "b_two": "bob"}
    groups = writer_groups(chats, writers, folds=3)
    assert sorted(n for g in groups for n in g) == sorted(chats)  # every chat once
    for pair in (("a_one", "a_two"), ("b_one", "b_two")):
        assert sum(set(pair) <= g for g in groups) == 1
    assert len(groups) == 3
    # Without writers every chat is a writer of its own, dealt in turn by name.
    assert writer_groups(chats, {}, folds=3) == [set(chats[k::3]) for k in range(3)]
    assert len(writer_groups(["x", "y"], {"x": "w", "y": "w"}, folds=10)) == 1


def test_every_writers_chat_has_its_writer_on_record() -> None:
    from collections import Counter

    sys.path.insert(0, str(ROOT / "scripts"))
    from train_model import chat_name, who_wrote, writer_data

    wrote = who_wrote()
    assert {chat_name(p) for p in writer_data()} == set(wrote), "tests/data/labelled/writers/writers.csv: one row per chat"
    assert set(Counter(wrote.values()).values()) == {2}  # each writer wrote two chats


def test_a_writers_list_with_a_blank_writer_stops_training_with_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_model

    (tmp_path / "writers.csv").write_text("chat,writer\nseaside_y2,\n", encoding="utf-8")
    monkeypatch.setattr(train_model, "WRITERS", tmp_path)
    with pytest.raises(SystemExit, match="needs a chat and its writer"):
        train_model.who_wrote()
