"""A message read in its scene: the member's post just before it joins the learned model's reading as marks.

Every chat line here is made up for these tests (no sentence of any labelled chat).
"""

import pytest

from rep_assistant.core.detection import layers
from rep_assistant.core.detection.learned import LearnedModel, load_languages_model, load_model
from rep_assistant.core.detection.learned.features import SCENE, scenes, with_rule_marks, with_scene, words_of
from rep_assistant.core.detection.learned.train import Params, examples
from rep_assistant.core.detection.rules import Message, detect


def _chat(*lines: tuple[str, str, str, str]) -> list[Message]:
    return [Message(k, f"2025-02-03T{hhmm}", who, text, kind) for k, (hhmm, who, text, kind) in enumerate(lines)]


def test_the_scene_is_the_text_posted_just_before_within_the_half_hour_and_never_a_system_line() -> None:
    chat = _chat(("09:00", "Ama", "Swimming is off again this week", "message"),
                 ("09:04", "Bea", "same as always then", "message"),  # anyone's post, minutes before
                 ("09:05", "", "Cai joined using this group's invite link", "system"),
                 ("09:06", "Cai", "hello all", "message"),  # the system line is skipped: Bea's post is the scene
                 ("09:50", "Dee", "can someone bring a spare recorder", "message"),  # 44 minutes on: the chat has moved on
                 ("09:51", "Eve", "<Media omitted>", "media"),
                 ("09:52", "Fay", "who took that one?", "message"))  # a photo answered: nothing to read
    assert scenes(chat, 1800) == [None, 0, 1, 1, None, 4, None]
    assert scenes(chat, 0) == [None] * 7


def test_a_photo_a_deletion_a_poll_or_an_earlier_time_leaves_no_scene() -> None:
    chat = _chat(("10:00", "Ama", "Sports day is moved to Friday", "message"),
                 ("10:01", "Bea", "<Media omitted>", "message"),  # a photo's tag, as a labelled row carries it
                 ("10:02", "Cai", "who took that one?", "message"),  # answers a photo: nothing to read
                 ("10:03", "Dee", "This message was deleted", "message"),
                 ("10:04", "Eve", "what did she say?", "message"),
                 ("10:05", "Fay", "<attached: 00000012-PHOTO-2025-02-03-10-05-00.jpg>", "message"),
                 ("10:06", "Gus", "lovely", "message"),
                 ("09:10", "Hal", "an older export's line, imported after", "message"),  # earlier than the post before it
                 ("09:12", "Ian", "and the next one", "message"))
    assert scenes(chat, 1800) == [None, 0, None, 2, None, 4, None, None, 7]


def test_the_message_before_joins_as_marks_apart_from_the_messages_own() -> None:
    own = with_rule_marks(words_of("well that figures doesn't it"), {"anger"})
    before = words_of("They've cancelled the trip AGAIN!! with a day's notice")
    read = with_scene(own, before, {"grievance"})
    assert read[:len(own)] == own  # the message's own words and marks first, untouched
    scene = read[len(own):]
    assert all(w.startswith(SCENE) for w in scene)
    assert {"#^cancelled", "#^trip", "#^again", "#^r:grievance"} <= set(scene)
    assert not {"#^#shout", "#^#bang"} & set(scene)  # how the message before was written is not its scene
    assert len(scene) == len(set(scene))  # a word used twice counts once
    assert with_scene(["too", "short"], before) == ["too", "short"]  # a message too short to score stays so
    assert with_scene(own, []) == own


def _model(scene_s: int) -> LearnedModel:
    """A model that reads only one thing: a scene in which a trip was cancelled is a complaint's."""
    weights = {"#^cancelled": [60.0], "~figures": [0.5]}
    thresholds = {"grievance": {"look": 0.5, "main": 0.95}}
    return LearnedModel.from_weights(["grievance"], weights, [-4.0], thresholds, {"params": {"scene_s": scene_s}})


def test_a_reply_is_flagged_in_its_scene_and_says_the_message_before_weighed() -> None:
    chat = _chat(("18:00", "Ama", "They've cancelled the trip with a day's notice", "message"),
                 ("18:03", "Bea", "well that figures doesn't it", "message"),
                 ("21:00", "Cai", "well that figures doesn't it", "message"))  # three hours on: no scene, no flag
    found = [f for f in layers.detect_all(chat, None, model=_model(1800)) if f.rule_id == "learned.grievance"]
    assert [f.message_id for f in found] == [1]
    assert "read with the message before it (its “cancelled”)" in found[0].summary
    # A model trained without scenes reads none: the same reply is not flagged.
    assert not [f for f in layers.detect_all(chat, None, model=_model(0)) if f.rule_id == "learned.grievance"]


def test_a_text_first_read_alone_is_judged_afresh_in_a_scene() -> None:
    chat = _chat(("08:00", "Bea", "well that figures doesn't it", "message"),  # alone: remembered as not flagged
                 ("18:00", "Ama", "They've cancelled the trip with a day's notice", "message"),
                 ("18:03", "Bea", "well that figures doesn't it", "message"))
    found = [f.message_id for f in layers.detect_all(chat, None, model=_model(1800)) if f.rule_id == "learned.grievance"]
    assert found == [2]


def test_the_scan_gives_the_model_what_training_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word list the scan scores is one training builds for the same chat, scenes and rule marks included."""
    rows = [{"timestamp": f"2025-02-03T10:{k:02d}", "author": who, "text": text} for k, (who, text) in enumerate([
        ("Ama", "They've cancelled the trip again with a day's notice, absolutely disgraceful"),
        ("Bea", "typical of that office honestly"),
        ("Cai", "<Media omitted>"),
        ("Dee", "who took that photo of the kids?"),
        ("Eve", "This message was deleted"),
        ("Fay", "can someone send me the letter about Friday please"),
        ("Ama", "Mrs Pike is useless, she never answers an email"),
        ("Gus", "ok thanks, see you at pick up")])]
    chat = [Message(k, r["timestamp"], r["author"], r["text"]) for k, r in enumerate(rows)]
    flagged = {k: frozenset() for k in range(len(rows))}
    for f in detect(chat):
        flagged[f.message_id] |= {f.category}
    model = load_model()
    assert model is not None and model.scene_s == Params().scene_s
    read: list[list[str]] = []
    margins, in_scene = LearnedModel.margins, LearnedModel.margins_in_scene
    monkeypatch.setattr(LearnedModel, "margins", lambda self, words: read.append(list(words)) or margins(self, words))
    # A message read in its scene is summed without its scene's marks written out; what it reads is what they spell.
    monkeypatch.setattr(LearnedModel, "margins_in_scene", lambda self, words, before, flagged=():
                        read.append(with_scene(words, before, flagged)) or in_scene(self, words, before, flagged))
    layers.detect_all(chat, None, model=model, languages=None)
    taught = [ex.words for ex in examples(rows, "c", [flagged[k] for k in range(len(rows))], scene_s=model.scene_s)]
    scened = [w for w in read if any(x.startswith(SCENE) for x in w)]
    assert scened and all(w in taught for w in scened)
    assert all(w in read for w in taught)


def test_training_reads_a_reply_in_its_scene_as_the_scan_does() -> None:
    rows = [{"timestamp": "2025-02-03T18:00", "author": "Ama", "text": "They've cancelled the trip with a day's notice", "labels": ["grievance"]},
            {"timestamp": "2025-02-03T18:03", "author": "Bea", "text": "well that figures doesn't it", "labels": ["grievance"]},
            {"timestamp": "2025-02-03T21:00", "author": "Cai", "text": "anyone got a spare recorder for tomorrow?", "labels": []}]
    flagged = [frozenset({"grievance"}), frozenset(), frozenset()]
    taught = examples(rows, "c", flagged, scene_s=Params().scene_s)
    chat = [Message(k, r["timestamp"], r["author"], r["text"]) for k, r in enumerate(rows)]
    before = scenes(chat, Params().scene_s)
    read = [layers._model_words(words_of(m.text), flagged[k], *layers._scene(chat, before[k], dict(enumerate(flagged))))
            for k, m in enumerate(chat)]
    assert [ex.words for ex in taught] == read
    assert "#^r:grievance" in taught[1].words and not any(w.startswith(SCENE) for w in taught[2].words)
    # Without times (or with scenes off) nothing joins.
    assert all(not any(w.startswith(SCENE) for w in ex.words) for ex in examples(rows, "c", flagged, scene_s=0))
    untimed = [{k: v for k, v in r.items() if k != "timestamp"} for r in rows]
    assert all(not any(w.startswith(SCENE) for w in ex.words) for ex in examples(untimed, "c", flagged, scene_s=1800))


def test_the_model_of_other_languages_reads_single_messages_without_scenes() -> None:
    model = load_languages_model()
    assert model is not None and model.scene_s == 0
