"""Highlights land on the matched words even after emoji (Qt counts UTF-16 units)."""

from rep_assistant.ui.views.message_delegate import utf16_ranges


def test_ranges_after_an_emoji_are_shifted_into_utf16_units() -> None:
    text = "Hi ladies! 💔 Launch offer 25% off for class mums"
    start = text.index("25% off")
    (qt_start, qt_end), = utf16_ranges(text, [[start, start + len("25% off")]])
    as_utf16 = text.encode("utf-16-le")
    assert as_utf16[qt_start * 2:qt_end * 2].decode("utf-16-le") == "25% off"


def test_plain_text_ranges_are_unchanged() -> None:
    assert utf16_ranges("Mr Barraclough is hopeless", [{"start": 18, "end": 26}]) == [(18, 26)]
