"""The variants FORMATS.md lists that the shared corpus lacks, on hand-made exports (made-up people)."""

from pathlib import Path

import pytest

from rep_assistant.core.errors import BadExportError
from rep_assistant.core.importing.parsing import chat_name_from_filename, parse_export, parse_text

EXPORTS = Path(__file__).resolve().parents[1] / "data" / "exports"


def _brief(entries) -> list[tuple]:
    return [(e.timestamp.isoformat(), e.author, e.kind, e.text) for e in entries]


def test_ios_group_after_2024() -> None:
    """NNBSP before PM, CRLF, LRE/PDF-wrapped phone authors, ~ names, attributed events, polls, edits."""
    entries = parse_export(EXPORTS / "WhatsApp Chat - Year 3 Parents.txt")
    by_seq = {e.seq: e for e in entries}
    assert len(entries) == 16
    assert by_seq[1].kind == "system" and by_seq[1].system_event == "encryption" and by_seq[1].author == "Year 3 Parents"
    created = by_seq[2]
    assert (created.kind, created.system_event, created.actor, created.extra) == ("system", "created", "Gemma Clarke", {"subject": "Year 3 Parents"})
    assert (by_seq[3].system_event, by_seq[3].actor, by_seq[3].target) == ("added", "Gemma Clarke", "+44 7700 900123")
    assert by_seq[4].author == "+44 7700 900123"
    assert by_seq[5].author == "Olu Adeyemi"
    assert (by_seq[6].timestamp.isoformat(), by_seq[6].text, by_seq[6].edited) == ("2024-09-02T12:15:00", "see you at 3", True)
    poll = by_seq[7]
    assert poll.kind == "poll"
    assert poll.extra == {"question": "Which day for the bake sale?",
                          "options": [{"text": "Friday", "votes": 3}, {"text": "Saturday", "votes": 1}]}
    assert (by_seq[8].kind, by_seq[8].text) == ("media", "image omitted")
    assert [by_seq[9].author, by_seq[10].author] == ["PTA: Sam Lee", "PTA: Sam Lee"]
    assert by_seq[9].text == "Cake rota is on the class page"
    deleted = by_seq[11]
    assert (deleted.kind, deleted.actor, deleted.extra) == ("deleted", "Gemma Clarke", {"by_admin": True})
    assert (by_seq[12].system_event, by_seq[12].actor, by_seq[12].target) == ("removed", "Gemma Clarke", "Tom Wilson")
    assert (by_seq[13].system_event, by_seq[13].actor) == ("left", "Olu Adeyemi")
    assert (by_seq[14].system_event, by_seq[14].actor) == ("number_changed", "+44 7700 900123")
    assert by_seq[15].kind == "location" and by_seq[15].extra["url"] == "https://maps.google.com/?q=51.5,-0.12"
    assert (by_seq[16].kind, by_seq[16].media, by_seq[16].timestamp.isoformat()) == (
        "media", "00000012-PHOTO-2024-09-02-23-59-59.jpg", "2024-09-02T23:59:59")


def test_android_bom_crlf_lower_case_pm() -> None:
    """BOM + CRLF, 'pm' after NNBSP, day-first proven only by a later date, date-like body lines."""
    entries = parse_export(EXPORTS / "WhatsApp Chat with Maple Class.txt")
    assert len(entries) == 16
    assert entries[0].author is None and entries[0].system_event == "encryption"
    assert entries[1].text == "Swimming times:\n20.15.21.15 h training at the pool\n01/02/2024 is the first session"
    assert _brief(entries[2:4]) == [("2024-02-01T12:00:00", "Priya Shah", "message", "Thanks!")] * 2
    assert (entries[4].timestamp.isoformat(), entries[4].kind, entries[4].media) == ("2024-02-02T00:30:00", "media", "IMG-20240202-WA0007.jpg")
    assert entries[4].text.endswith("\nCostume ideas")
    assert [e.kind for e in entries[5:8]] == ["media", "deleted", "deleted"]
    assert [(e.system_event, e.actor, e.target) for e in entries[8:11]] == [
        ("removed", "Priya Shah", "Daniel Turner"), ("left", "Hannah Lee", "Hannah Lee"),
        ("number_changed", "+44 7700 900456", "+44 7700 900457")]
    assert (entries[11].kind, entries[11].system_event, entries[11].timestamp.isoformat()) == ("system", "missed_call", "2024-02-13T07:15:00")
    assert [e.author for e in entries[12:14]] == ["Re: Tom", "Re: Tom"]
    assert (entries[14].author, entries[14].text) == ("Priya Shah", "Note: bring wellies")
    assert (entries[15].text, entries[15].edited) == ("see you there", True)


def test_utf16_le_with_bom() -> None:
    entries = parse_export(EXPORTS / "WhatsApp Chat with Oak Class.txt")
    assert _brief(entries) == [
        ("2024-03-14T09:05:00", "Aisha Khan", "message", "Good morning 🌞"),
        ("2024-03-14T09:06:00", "Marek Nowak", "message", "Morning!\nIs it wellies today?"),
        ("2024-03-14T09:07:00", "Aisha Khan", "message", "Yes"),
    ]


@pytest.mark.parametrize(("name", "expected"), [
    ("arabic_indic_ios.txt", [("2024-03-14T09:05:41", "Layla Haddad"), ("2024-03-14T14:56:00", "Omar Aziz"),
                              ("2024-03-15T00:00:00", "Layla Haddad")]),
    ("chinese_android.txt", [("2024-03-14T09:05:00", "李明"), ("2024-03-14T21:05:00", "王芳"), ("2024-03-15T12:30:00", "李明")]),
    ("korean_android.txt", [("2024-03-14T09:05:00", "김민수"), ("2024-03-14T21:05:00", "이지은")]),
    ("finnish_klo.txt", [("2024-03-14T09:05:41", "Aino Virtanen"), ("2024-03-15T21:10:00", "Eero Laine")]),
    ("french_a.txt", [("2024-03-14T09:05:00", "Chloé Martin"), ("2024-03-15T21:10:00", "Luc Bernard")]),
    ("spaced_dot.txt", [("2024-03-14T09:05:41", "Ivana Horvat"), ("2024-03-15T21:10:00", "Marko Kovač")]),
    ("german_periods.txt", [("2024-03-14T09:05:00", "Jonas Weber"), ("2024-03-14T21:05:00", "Lena Fischer"),
                            ("2024-03-15T20:00:00", "Jonas Weber")]),
    ("old_colon.txt", [("2014-03-14T21:05:41", "Priya Shah"), ("2014-03-15T10:00:00", "Tom Wilson")]),
    ("vietnamese_ios.txt", [("2024-03-14T09:05:41", "Nguyễn An"), ("2024-03-15T21:10:00", "Trần Bình")]),
    ("us_late_proof.txt", [("2024-03-04T09:05:00", "Sophie Turner"), ("2024-03-05T09:06:00", "Liam Price"),
                           ("2024-03-25T09:07:00", "Sophie Turner")]),
])
def test_locale_shapes(name: str, expected: list[tuple[str, str]]) -> None:
    entries = parse_export(EXPORTS / name)
    assert [(e.timestamp.isoformat(), e.author) for e in entries] == expected
    assert all(e.kind == "message" and e.text and "\u200f" not in e.text[:1] for e in entries)


def test_date_order_comes_from_the_whole_file() -> None:
    text = "01/02/2024, 09:00 - Ana: a\n" + "".join(f"0{d}/02/2024, 09:00 - Ana: b\n" for d in range(2, 10)) + "28/02/2024, 09:00 - Ana: c\n"
    assert parse_text(text)[0].timestamp.isoformat() == "2024-02-01T09:00:00"
    us = text.replace("28/02/2024", "02/28/2024")
    assert parse_text(us)[0].timestamp.isoformat() == "2024-01-02T09:00:00"


def test_ambiguous_dates_are_day_first() -> None:
    assert parse_text("03/04/2024, 09:00 - Ana: hi\n")[0].timestamp.isoformat() == "2024-04-03T09:00:00"


@pytest.mark.parametrize(("header", "iso"), [
    ("14/03/2024, 9:05\u202fPM - ", "2024-03-14T21:05:00"),
    ("14/03/2024, 9:05\u202fpm - ", "2024-03-14T21:05:00"),
    ("14/03/2024, 12:05\u202fam - ", "2024-03-14T00:05:00"),
    ("14/03/2024, 12:05 PM - ", "2024-03-14T12:05:00"),
    ("14/03/2024, 9:05 p.\u00a0m. - ", "2024-03-14T21:05:00"),
    ("14/03/2024, 9:05 a. m. - ", "2024-03-14T09:05:00"),
    ("14/03/2024, 00:04 AM - ", "2024-03-14T00:04:00"),
    ("14/03/2024, 23:59 PM - ", "2024-03-14T23:59:00"),
    ("[14/03/2024, 09:05:41] ", "2024-03-14T09:05:41"),
    ("\u200e[14/03/2024, 09:05:41] ", "2024-03-14T09:05:41"),
    ("[\ufeff14/03/2024, 09:05:41] ", "2024-03-14T09:05:41"),
    ("2024-03-14, 09:05 - ", "2024-03-14T09:05:00"),
    ("14-03-24 09:05 - ", "2024-03-14T09:05:00"),
    ("[3/14/2567 BE, 09:05:41] ", "2024-03-14T09:05:41"),
    ("[3/14/R6, 09:05:41] ", "2024-03-14T09:05:41"),
    ("[\u200f14\u200f/3\u200f/2024\u060c 09:05:41] ", "2024-03-14T09:05:41"),
    ("[14.03.24 09.05.41] ", "2024-03-14T09:05:41"),
])
def test_header_variants(header: str, iso: str) -> None:
    entries = parse_text(f"{header}Priya Shah: hello\n")
    assert [(e.timestamp.isoformat(), e.author, e.text) for e in entries] == [(iso, "Priya Shah", "hello")]


def test_multiline_bodies_keep_blank_lines_and_drop_trailing_ones() -> None:
    text = "14/03/2024, 09:05 - Priya: shopping list:\neggs\n\nmilk\n14/03/2024, 09:06 - Tom: ok  \n\n\n"
    entries = parse_text(text)
    assert [e.text for e in entries] == ["shopping list:\neggs\n\nmilk", "ok  "]


def test_invisible_marks_and_crlf() -> None:
    text = "\ufeff[14/03/2024, 09:05:41] Priya: \u200eimage omitted\r\n\u200e[14/03/2024, 09:05:42] Priya: hi \u200e there\r\n"
    entries = parse_text(text)
    assert [(e.kind, e.text) for e in entries] == [("media", "image omitted"), ("message", "hi \u200e there")]


def test_empty_body_and_colon_in_text() -> None:
    entries = parse_text("14/03/2024, 09:05 - Tom:\n14/03/2024, 09:06 - Ana - PTA: time: 3pm : ok\n")
    assert [(e.author, e.text) for e in entries] == [("Tom", ""), ("Ana - PTA", "time: 3pm : ok")]


def test_system_line_quoting_a_colon_is_authorless() -> None:
    entries = parse_text('14/03/2024, 09:05 - Tom changed the subject from "Y3" to "Y3: trips"\n')
    assert (entries[0].author, entries[0].system_event, entries[0].extra) == (None, "subject_changed", {"subject": "Y3: trips"})


def test_added_several_people() -> None:
    entries = parse_text("14/03/2024, 09:05 - Tom added Ana, Ben and +44 7700 900321\n")
    assert entries[0].extra == {"targets": ["Ana", "Ben", "+44 7700 900321"]}


def test_not_a_chat_is_refused() -> None:
    with pytest.raises(BadExportError, match="does not look like a WhatsApp chat export"):
        parse_text("Dear parents,\nthe trip is on Friday.\n")


@pytest.mark.parametrize(("stem", "name"), [
    ("WhatsApp Chat with Year 3", "Year 3"),
    ("WhatsApp Chat - Year 3 Parents", "Year 3 Parents"),
    ("WhatsApp Chat mit Klasse 3b", "Klasse 3b"),
    ("Chat WhatsApp s\u00a0uživatelem Jana", "Jana"),
    ("Discussion WhatsApp avec CE2", "CE2"),
    ("WhatsApp Chat with Year 3 (1)", "Year 3"),
    ("notes", None),
])
def test_chat_name_from_file_name(stem: str, name: str | None) -> None:
    assert chat_name_from_filename(stem) == name


def test_a_line_without_end_is_refused_not_buffered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rep_assistant.core.importing.parsing import decoding

    monkeypatch.setattr(decoding, "MAX_LINE", 1000)
    monkeypatch.setattr(decoding, "CHUNK_SIZE", 256)
    path = tmp_path / "one-line.txt"
    path.write_text("14/03/2024, 09:05 - Ana: " + "x" * 5000, encoding="utf-8")
    with pytest.raises(BadExportError, match="line longer than"):
        parse_export(path)
    path.write_text("14/03/2024, 09:05 - Ana: hi\r\n" * 100, encoding="utf-8")
    assert [e.text for e in parse_export(path)] == ["hi"] * 100


@pytest.mark.parametrize(("body", "kind"), [
    ("image omitted", "media"),  # hand-edited iOS files lose the leading mark
    ("\u200eContact card omitted", "contact"),
    ("Minutes.pdf • \u200e3 pages \u200edocument omitted", "media"),
    ("Protokoll.pdf \u200eDokument weggelassen", "media"),
    ("Minutes.pdf • 3 pages \u200e<attached: 00000013-Minutes.pdf>", "media"),
    ("\u200e<attached: 00000014-Ana Silva.vcf>", "contact"),
    ("\u200eLocation: https://maps.google.com/?q=51.5,-0.12", "location"),
    ("Café Nero (London, UK): https://foursquare.com/v/abc", "location"),
    ("I left my coat (the blue one) at school", "message"),
    ("see https://www.example-primary.sch.uk/terms", "message"),
])
def test_placeholder_kinds(body: str, kind: str) -> None:
    entry = parse_text(f"[14/03/2024, 09:05:41] Priya Shah: {body}\n")[0]
    assert (entry.author, entry.kind) == ("Priya Shah", kind)
