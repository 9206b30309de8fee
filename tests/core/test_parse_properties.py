"""Property tests: the parser fails only with its own sentence, and round-trips what it is given."""

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rep_assistant.core.errors import BadExportError
from rep_assistant.core.importing.parsing import parse_export, parse_text

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_HEADERISH = st.sampled_from(["14/03/2024, 09:05 - ", "[14/03/2024, 09:05:41] ", "3/14/24, 9:05\u202fPM - ", "\u200e[", "\r\n", "\ufeff",
                              ": ", "\n", "<attached: x.jpg>", " (file attached)", "POLL:\nOPTION: a (1 vote)", "\x00"])


@_SETTINGS
@given(st.lists(st.one_of(st.text(), _HEADERISH), max_size=30).map("".join))
def test_any_text_parses_or_raises_bad_export(text: str) -> None:
    try:
        entries = parse_text(text)
    except BadExportError as exc:
        assert str(exc)
        return
    assert entries and [e.seq for e in entries] == list(range(1, len(entries) + 1))


@_SETTINGS
@given(st.binary(max_size=2000) | st.lists(st.one_of(st.binary(max_size=20), _HEADERISH.map(str.encode)), max_size=40).map(b"".join))
def test_any_bytes_parse_or_raise_bad_export(tmp_path_factory, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "chat.txt"
    path.write_bytes(data)
    try:
        parse_export(path)
    except BadExportError as exc:
        assert str(exc).startswith("'chat.txt' ")


_NAMES = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True)
_TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u200e\u200f\ufeff<\x85"),
                 min_size=1, max_size=40).map(str.strip).filter(bool)


@_SETTINGS
@given(st.lists(st.tuples(st.integers(0, 10_000), _NAMES, _TEXTS), min_size=1, max_size=25), st.booleans())
def test_generated_chats_round_trip(messages: list[tuple[int, str, str]], ios: bool) -> None:
    start = dt.datetime(2024, 1, 1, 8, 0)
    lines, expected = [], []
    for minutes, author, text in messages:
        when = start + dt.timedelta(minutes=minutes)
        header = f"[{when:%d/%m/%Y, %H:%M:%S}] " if ios else f"{when:%d/%m/%Y, %H:%M} - "
        lines.append(f"{header}{author}: {text}")
        expected.append((when.isoformat(), author, text))
    entries = parse_text("\n".join(lines) + "\n")
    assert [(e.timestamp.isoformat(), e.author, e.text) for e in entries] == expected
