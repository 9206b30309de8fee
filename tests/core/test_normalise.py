"""The normalisation layer: what every rule reads, and the map back to what was written."""

import pytest

from rep_assistant.core.detection.rules import text as text_module
from rep_assistant.core.detection.rules.normalise import fold, lexicon_key
from rep_assistant.core.detection.rules.text import Text


@pytest.mark.parametrize(("written", "folded"), [
    ("ｆｕｃｋ off", "fuck off"), ("𝐬𝐡𝐢𝐭𝐞", "shite"), ("lоad of bоllоcks", "load of bollocks"), ("ѕһіт I forgot", "shit I forgot"),
    ("fu\u200bck", "fuck"), ("sh\u00adit", "shit"), ("I’m late", "I'm late"), ("🇫🇺🇨🇰 that", "FUCK that"), ("ⓕⓤⓒⓚ", "fuck"),
])
def test_disguises_every_rule_should_see_through_are_folded(written: str, folded: str) -> None:
    assert fold(written).text == folded


@pytest.mark.parametrize("written", ["привет всем", "Καλημέρα", "شكراً كتير", "ধন্যবাদ", "Zoë and Siobhán 👍", "👨\u200d👩\u200d👧 family day"])
def test_real_words_of_other_scripts_accents_and_emoji_sequences_are_left_alone(written: str) -> None:
    assert fold(written).text == written


def test_plain_ascii_is_not_copied_or_mapped() -> None:
    t = Text("Mrs Patel is lovely")
    assert t.folded is None and t.raw is t.original


def test_spans_on_the_folded_text_map_back_to_the_characters_written() -> None:
    written = "ok 🙈 ｓｈ\u200bｉｔｅ day"
    f = fold(written)
    start = f.text.index("shite")
    s, e = f.span(start, start + 5)
    assert written[s:e] == "ｓｈ\u200bｉｔｅ"


def test_the_lexicon_key_keeps_lengths_and_drops_accents() -> None:
    assert lexicon_key("pierdolę łódź") == "pierdole lodz"
    assert len(lexicon_key("fück ñ")) == len("fück ñ")


@pytest.mark.parametrize("text", [
    "Mrs Patel said no", "ask the teacher", "the head's letter", "our TA was off", "the SENCO rang", "the office closes at 3",
    "dinner ladies were great", "the lollipop lady waved", "Dr Okafor visited", "Sir Ben said hello", "the new deputy head",
    "school nurse came in", "a supply teacher today", "chair of governors", "the caretaker fixed it", "Miss Jones", "mr khan",
])
def test_the_staff_word_gate_never_hides_a_member_of_staff(text: str) -> None:
    t = Text(text)
    assert t.staff == [m.span() for m in text_module._STAFF_RE.finditer(t.raw)] != []
