"""The same policy text in the layouts schools publish: Word, PDF, web page, OpenDocument, and
plain text as Word and PDF viewers paste it (tabs after bullets, page headers and footers).

Written for the tests: a tiny DOCX/ODT writer (zip + XML), a tiny PDF writer (Helvetica,
WinAnsi text, one text object per line, a running header and "Page N of M" footer on each
page), and an HTML page with navigation and scripts around the policy.
"""

import io
import zipfile
from collections.abc import Iterator
from html import escape as html_escape
from xml.sax.saxutils import escape

import regex

_BULLET = regex.compile(r"^\s*[-–•·*▪]\s+")
_NUMBER = regex.compile(r"^\s*(\d{1,2})[.)]\s*(?=\S)")


def paragraphs(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) per non-blank line: kind is bullet, number or para."""
    for kind, _, para in numbered_paragraphs(text):
        yield kind, para


def numbered_paragraphs(text: str) -> Iterator[tuple[str, str, str]]:
    """(kind, the document's number or "", text) per non-blank line."""
    for line in text.splitlines():
        if not line.strip():
            continue
        if _BULLET.match(line):
            yield "bullet", "", line[_BULLET.match(line).end():].strip()
        elif _NUMBER.match(line):
            yield "number", _NUMBER.match(line).group(1), line[_NUMBER.match(line).end():].strip()
        else:
            yield "para", "", line.strip()


# --- Word ------------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def to_docx(text: str) -> bytes:
    """A .docx whose bullets and numbers are Word's own list numbering, with a header and footer part."""
    body = []
    for kind, para in paragraphs(text):
        num = {"bullet": 1, "number": 2}.get(kind)
        props = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
        runs = "".join(f"<w:r><w:t xml:space=\"preserve\">{escape(part)}</w:t></w:r>" + ("<w:r><w:tab/></w:r>" if i < n - 1 else "")
                       for parts in [para.split("\t")] for n in [len(parts)] for i, part in enumerate(parts))
        body.append(f"<w:p>{props}{runs}</w:p>")
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{"".join(body)}</w:body></w:document>'
    numbering = (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_W}>'
                 '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    furniture = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {_W}><w:p><w:r><w:t>Running header — Page 1 of 3</w:t></w:r></w:p></w:hdr>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/header1.xml", furniture)
        z.writestr("word/footer1.xml", furniture.replace("w:hdr", "w:ftr"))
    return buffer.getvalue()


# --- OpenDocument ----------------------------------------------------------------------------

def to_odt(text: str) -> bytes:
    """An .odt whose bullets and numbers are OpenDocument list styles."""
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
    styles = ('<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
              '</text:list-style><text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/>'
              '</text:list-style></office:automatic-styles>')
    parts: list[str] = []
    open_list = ""
    for kind, para in paragraphs(text):
        style = {"bullet": "L1", "number": "L2"}.get(kind, "")
        if open_list and style != open_list:
            parts.append("</text:list>")
            open_list = ""
        if not style:
            parts.append(f"<text:p>{escape(para)}</text:p>")
            continue
        if not open_list:
            parts.append(f'<text:list text:style-name="{style}">')
            open_list = style
        parts.append(f"<text:list-item><text:p>{escape(para)}</text:p></text:list-item>")
    if open_list:
        parts.append("</text:list>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}>{styles}<office:body><office:text>'
               f'{"".join(parts)}</office:text></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    return buffer.getvalue()


# --- Web page --------------------------------------------------------------------------------

def to_html(text: str) -> str:
    body: list[str] = []
    open_list = ""
    for kind, para in paragraphs(text):
        tag = {"bullet": "ul", "number": "ol"}.get(kind, "")
        if open_list and tag != open_list:
            body.append(f"</{open_list}>")
            open_list = ""
        if tag and not open_list:
            body.append(f"<{tag}>")
            open_list = tag
        body.append(f"<li>{html_escape(para)}</li>" if tag else f"<p>{html_escape(para)}</p>")
    if open_list:
        body.append(f"</{open_list}>")
    return ("<!DOCTYPE html><html><head><title>Parents | Policies</title><style>p{color:red}</style>"
            "<script>var x = 'Do not run me';</script></head><body>"
            "<nav><ul><li>Home</li><li>Parents</li><li>Term dates</li></ul></nav><main>"
            + "\n".join(body) + "</main><footer>© The school. Page 1 of 1. Cookie settings</footer></body></html>")


# --- PDF -------------------------------------------------------------------------------------

def _wrap(line: str, width: int) -> list[str]:
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*out, current]


def _pdf_string(text: str) -> str:
    data = text.encode("cp1252", errors="replace").decode("latin-1")
    return "(" + data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def to_pdf(text: str, *, header: str = "Code of Conduct for Class WhatsApp Groups", lines_per_page: int = 24, width: int = 88,
           text_layer: bool = True) -> bytes:
    """A PDF with a text layer: the policy wrapped at ``width`` characters, bullets drawn as •."""
    lines: list[str] = []
    for kind, number, para in numbered_paragraphs(text):
        prefix = {"bullet": "• ", "number": f"{number}. "}.get(kind, "")
        lines.extend(_wrap(prefix + para.replace("\t", " "), width))
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects: list[str] = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for n, page in enumerate(pages, 1):
        ops = ["BT /F1 10 Tf", f"1 0 0 1 50 800 Tm {_pdf_string(header)} Tj", "ET"]
        y = 770
        for line in page:
            ops += ["BT /F1 10 Tf", f"1 0 0 1 50 {y} Tm {_pdf_string(line)} Tj", "ET"]
            y -= 14
        ops += ["BT /F1 9 Tf", f"1 0 0 1 270 30 Tm {_pdf_string(f'Page {n} of {len(pages)}')} Tj", "ET"]
        stream = "\n".join(ops) if text_layer else "0.5 g 50 50 495 742 re f"  # a scan: marks, no text
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write("".join(f"{o:010d} 00000 n \n" for o in offsets).encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF whose pages have no text layer, as a scanner makes (a grey box stands in for the image)."""
    return to_pdf("Do not post photos of children.", text_layer=False)


# --- Plain text as pasted --------------------------------------------------------------------

def word_paste(text: str) -> str:
    """Text copied out of Word: "•<TAB>" bullets, "1.<TAB>" numbers, tab-indented paragraphs, Windows line ends."""
    out = []
    for kind, number, para in numbered_paragraphs(text):
        if kind == "bullet":
            out.append(f"\uf0b7\t{para}")
        elif kind == "number":
            out.append(f"{number}.\t{para}")
        else:
            out.append(f"\t{para}")
    return "\r\n".join(out) + "\r\n"


def pdf_copy(text: str, *, width: int = 80, every: int = 12) -> str:
    """Text copied out of a PDF viewer: wrapped lines, a running header and "Page N of M" every ``every`` lines."""
    lines: list[str] = []
    for kind, number, para in numbered_paragraphs(text):
        prefix = {"bullet": "• ", "number": f"{number}. "}.get(kind, "")
        lines.extend(_wrap(prefix + para, width))
    out = []
    pages = [lines[i:i + every] for i in range(0, len(lines), every)]
    for n, page in enumerate(pages, 1):
        out += ["Parents' code of conduct (v2)", *page, f"Page {n} of {len(pages)}"]
    return "\n".join(out) + "\n"
