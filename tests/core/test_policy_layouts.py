"""A policy reads the same whatever layout the school published it in: Word, PDF, web page,
OpenDocument, text pasted from Word (tabs after bullets) or copied from a PDF (page furniture)."""

from collections.abc import Callable
from pathlib import Path

import pytest

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy import Policy, parse_policy_text
from rep_assistant.core.policy.reading import read_document
from tests.core.policy_corpus import REAL, Labelled, labelled_documents
from tests.core.policy_layouts import pdf_copy, scanned_pdf, to_docx, to_html, to_odt, to_pdf, word_paste

# Fixtures covering the layouts: dash bullets, bullets with blank lines, numbered items,
# plain lines under a lead-in, numbered section headings, a NOT list.
SAMPLES = ["kelvingrove.txt", "oatlands.txt", "scoiliognaid.txt", "brereton.txt", "patana.txt", "greenfieldgirls.txt", "trinity.txt"]


def _clauses(policy: Policy) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.number, c.text, c.categories) for c in policy.clauses if c.categories]


def _from_file(tmp_path: Path, name: str, data: bytes | str) -> Policy:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return parse_policy_text(read_document(path), policy_id="x")


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize(("suffix", "make"), [(".docx", to_docx), (".pdf", to_pdf), (".html", to_html), (".odt", to_odt),
                                              (".txt", word_paste), (".txt", pdf_copy)])
def test_every_layout_gives_the_clauses_of_the_text(tmp_path: Path, sample: str, suffix: str, make: Callable[[str], str | bytes]) -> None:
    text = (REAL / sample).read_text(encoding="utf-8")
    expected = _clauses(parse_policy_text(text, policy_id="x"))
    got = _clauses(_from_file(tmp_path, f"policy{suffix}", make(text)))
    assert got == expected
    for _, quote, _ in got:
        assert "Page " not in quote and "Running header" not in quote and "code of conduct (v2)" not in quote


def test_a_scanned_pdf_gets_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(PolicyError, match=r"has no text in it \(it looks like a scan\)"):
        read_document(path)


def test_a_device_or_directory_is_refused_without_reading(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="is not a regular file"):
        read_document(tmp_path)
    if Path("/dev/zero").exists():
        with pytest.raises(PolicyError, match="is not a regular file"):
            read_document(Path("/dev/zero"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_text_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "policy.txt"
    path.write_bytes("Don’t share pupils’ photos – ever.\nPlease avoid gossip about staff.\n".encode(encoding))
    policy = parse_policy_text(read_document(path), policy_id="x")
    assert [c.text for c in policy.clauses] == ["Don’t share pupils’ photos – ever.", "Please avoid gossip about staff."]


def test_do_and_dont_table_items_read_as_rules_and_prohibitions() -> None:
    text = ("Class WhatsApp: Do's and Don'ts\n\nDo\tDon't\nBe kind and patient with everyone\tPost photos of other people's children\n"
            "Keep messages short\tShare rumours about staff\nReply privately to one person\tMoan about the school's decisions\n")
    policy = parse_policy_text(text, policy_id="x")
    by_text = {c.text: c for c in policy.clauses}
    assert by_text["Don't: Post photos of other people's children"].categories == ("personal-data",)
    assert by_text["Don't: Share rumours about staff"].categories == ("rumour",)
    assert by_text["Don't: Moan about the school's decisions"].categories == ("grievance",)
    assert by_text["Be kind and patient with everyone"].categories == ("abuse",)


def test_tabs_bullets_numbers_wrapping_and_hyphens() -> None:
    text = ("Code of Conduct\n"
            "1)\tPlease do not swear in the group.\n"
            "(a) Never post anyone's home address or phone number.\n"
            "ii.\tDo not forward private e-mails from teachers.\n"
            "▪ Avoid posting in capital letters, it reads as shout-\n  ing at people.\n"
            "o\tNo selling or advertising of any kind, including\nraffles for outside charities.\n"
            "·  Keep political views out of the group\n"
            "Section 2 Timing\n")
    policy = parse_policy_text(text, policy_id="x")
    rows = [(c.number, c.text, c.categories) for c in policy.clauses]
    assert rows == [
        ("1", "Please do not swear in the group.", ("offensive-language",)),
        ("a", "Never post anyone's home address or phone number.", ("personal-data",)),
        ("ii", "Do not forward private e-mails from teachers.", ("private-correspondence",)),
        ("", "Avoid posting in capital letters, it reads as shouting at people.", ("anger",)),
        ("", "No selling or advertising of any kind, including raffles for outside charities.", ("commercial",)),
        ("", "Keep political views out of the group", ("political",)),
    ]
    assert policy.clauses[-1].section == "Code of Conduct"


@pytest.mark.parametrize("doc", labelled_documents(), ids=lambda d: d.name)
def test_every_real_code_reads_the_same_pasted_from_word_or_copied_from_a_pdf(doc: Labelled) -> None:
    text = doc.path.read_text(encoding="utf-8")
    expected = _clauses(parse_policy_text(text, policy_id="x"))
    assert _clauses(parse_policy_text(word_paste(text), policy_id="x")) == expected
    assert _clauses(parse_policy_text(pdf_copy(text), policy_id="x")) == expected


def test_a_do_and_dont_table_in_word_reads_as_rules_and_prohibitions(tmp_path: Path) -> None:
    import zipfile

    def cell(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    rows = [("Do", "Don’t"), ("Keep messages short and kind", "Share photos of other people’s children"),
            ("Take concerns to the class teacher", "Post gossip or rumours about families")]
    table = "<w:tbl>" + "".join(f"<w:tr>{cell(a)}{cell(b)}</w:tr>" for a, b in rows) + "</w:tbl>"
    body = '<w:p><w:r><w:t>Hazel Grove Primary School: group do’s and don’ts</w:t></w:r></w:p>' + table
    path = tmp_path / "table.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    policy = parse_policy_text(read_document(path), policy_id="x")
    by_text = {c.text: c.categories for c in policy.clauses}
    assert by_text["Don't: Share photos of other people’s children"] == ("personal-data",)
    assert by_text["Don't: Post gossip or rumours about families"] == ("rumour",)
    assert by_text["Take concerns to the class teacher"] == ("grievance",)
    assert policy.school == "Hazel Grove Primary School"


def test_an_aside_after_the_lead_in_and_a_prohibiting_heading_keep_the_items_prohibitions() -> None:
    text = ("Parents and social media\n\n"
            "Posting on social media is rarely the right way to raise a worry. The school regards these as inappropriate "
            "uses of social media. (The list gives examples and is not complete):\n"
            "• Naming pupils in posts about incidents at school\n"
            "• Making allegations about members of staff\n\n"
            "What is not acceptable in class groups\n"
            "- Adverts for your own business\n"
            "- Long back-and-forth chats between two parents\n\n"
            "What happens after a breach\n"
            "- The admin may remove abusive posts\n")
    policy = parse_policy_text(text, policy_id="x")
    by_start = {c.text.split(":", 1)[-1].strip()[:20]: c for c in policy.clauses}
    naming = by_start["Naming pupils in pos"]
    assert naming.text.startswith("The school regards these as inappropriate uses of social media: Naming")
    assert naming.categories == ("individual-child",)
    assert by_start["Making allegations a"].categories == ("defamation",)
    assert by_start["Adverts for your own"].text == "What is not acceptable in class groups: Adverts for your own business"
    assert by_start["Adverts for your own"].categories == ("commercial",)
    assert by_start["Long back-and-forth "].categories == ("private-conversation",)
    assert by_start["The admin may remove"].categories == ()  # what happens after a breach is not a rule


def test_word_content_controls_and_tracked_insertions_are_read(tmp_path: Path) -> None:
    import zipfile

    para = "<w:p><w:r><w:t>{}</w:t></w:r></w:p>"
    body = (para.format("Code of conduct") + "<w:sdt><w:sdtContent>" + para.format("Please do not swear in the group.")
            + "</w:sdtContent></w:sdt>" + "<w:p><w:ins><w:r><w:t>Never post photos of children.</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText>Old wording.</w:delText></w:r></w:del></w:p>")
    path = tmp_path / "controls.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    policy = parse_policy_text(read_document(path), policy_id="x")
    assert [(c.text, c.categories) for c in policy.clauses] == [
        ("Please do not swear in the group.", ("offensive-language",)), ("Never post photos of children.", ("personal-data",))]


def test_a_bullet_or_number_a_pdf_put_on_its_own_line_stays_with_its_item() -> None:
    text = "Code of conduct\nThe school considers the following inappropriate:\n•\nBringing the school into disrepute.\n2.\nPlease do not swear.\n"
    rows = [(c.number, c.text) for c in parse_policy_text(text, policy_id="x").clauses if c.categories]
    assert rows == [("", "The school considers the following inappropriate: Bringing the school into disrepute."),
                    ("2", "Please do not swear.")]


def test_word_list_styles_number_their_paragraphs(tmp_path: Path) -> None:
    """python-docx and many templates number a list through its paragraph style, not the paragraph."""
    import zipfile

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def para(text: str, style: str = "") -> str:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"

    body = (para("Code of conduct") + para("Please do not swear in the group.", "ListNumber")
            + para("Never post photos of children.", "ListNumber") + para("Treat everyone with respect.", "ListBullet"))
    styles = (f'<w:styles {w}><w:style w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>'
              '<w:style w:styleId="ListBullet"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    numbering = (f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    path = tmp_path / "styled.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
        z.writestr("word/styles.xml", styles)
        z.writestr("word/numbering.xml", numbering)
    rows = [(c.number, c.text) for c in parse_policy_text(read_document(path), policy_id="x").clauses]
    assert rows == [("1", "Please do not swear in the group."), ("2", "Never post photos of children."),
                    ("", "Treat everyone with respect.")]
