"""The text of a policy document, whatever the school published it as.

Schools publish their codes as Word documents, PDFs, web pages, OpenDocument files or
plain text in whatever encoding the office PC used. Each reader turns its format into the
same plain-text shape the clause splitter reads: one paragraph or list item per line,
list items starting with "• " (or the number the document shows), table cells separated by
tabs, blank lines between paragraphs. Page headers and footers never reach the text: Word
and OpenDocument keep them in other parts of the file, and for PDFs the lines repeated at
the top or bottom of most pages are dropped along with "Page 2 of 3".

DOCX and ODT are zip files of XML, so the standard library reads them (no python-docx:
it would add lxml, a large compiled dependency, for what ``zipfile`` + ``ElementTree`` do
here). PDFs need a real parser: ``pypdf`` (BSD-3-Clause, pure Python, no dependencies,
actively maintained).
"""

import io
import os
import stat
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import regex

from rep_assistant.core.errors import PolicyError

#: Bigger than any code of conduct; a larger file is not one (and would only slow the import).
MAX_BYTES = 50 * 1024 * 1024



def read_document(path: Path) -> str:
    """The document's text in the splitter's shape; one sentence (PolicyError) when it can't be read."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise PolicyError(f"The policy document {path} cannot be read ({exc.strerror}).") from exc
    if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
        raise PolicyError(f"{path} is not a regular file; give the policy document itself (.docx, .pdf, .odt, .html or .txt).")
    if info.st_size == 0:
        raise PolicyError(f"{path} is empty; save the school's document again and import that.")
    if info.st_size > MAX_BYTES:
        raise PolicyError(f"{path} is {info.st_size // (1024 * 1024)} MB, too big to be a code of conduct; check the file.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"The policy document {path} cannot be read ({exc.strerror}).") from exc
    return text_from_bytes(raw, path.name)


def text_from_bytes(raw: bytes, name: str) -> str:
    """Dispatch on the file's content (its first bytes), not on a name that may be wrong."""
    suffix = Path(name).suffix.lower()
    if raw.startswith(b"%PDF"):
        return _pdf_text(raw, name)
    if raw.startswith(b"PK\x03\x04"):
        return _zipped_text(raw, name)
    if raw.startswith(b"{\\rtf"):
        raise PolicyError(f"{name} is a Rich Text file; save it from Word as .docx or plain text and import that.")
    text = decode_text(raw, name)
    if suffix in {".html", ".htm", ".xhtml"} or regex.match(r"\s*<(?:!doctype html|html|head|body)\b", text, regex.I):
        return html_text(text)
    return text


def decode_text(raw: bytes, name: str) -> str:
    """Plain text in UTF-8, UTF-16 (with or without a byte-order mark) or a Windows code page."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        candidates: tuple[str, ...] = ("utf-16",)
    elif len(raw) > 3 and raw[1:40:2].count(0) > 10:
        candidates = ("utf-16-le",)
    elif len(raw) > 3 and raw[0:40:2].count(0) > 10:
        candidates = ("utf-16-be",)
    else:
        candidates = ("utf-8-sig", "cp1252", "latin-1")
    for encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and _mostly_text(text):
            return text
    raise PolicyError(f"{name} is not a document this app can read; save the policy as .docx, .pdf, .odt, .html or plain text.")


def _mostly_text(text: str) -> bool:
    controls = sum(1 for ch in text[:5000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= max(2, len(text[:5000]) // 100)


# --- Word and OpenDocument -------------------------------------------------------------------

def _zipped_text(raw: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                parts = {part: _read_member(archive, f"word/{part}.xml") if f"word/{part}.xml" in names else b""
                         for part in ("numbering", "styles")}
                return _docx_text(_read_member(archive, "word/document.xml"), parts["numbering"], parts["styles"])
            if "content.xml" in names:
                return _odt_text(_read_member(archive, "content.xml"))
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError) as exc:
        raise PolicyError(f"{name} is damaged ({exc}); open it in Word and save it again.") from exc
    raise PolicyError(f"{name} is a zip file but not a Word (.docx) or OpenDocument (.odt) document.")


def _read_member(archive: zipfile.ZipFile, member: str) -> bytes:
    if archive.getinfo(member).file_size > MAX_BYTES:  # a zip bomb is not a policy
        raise PolicyError(f"{member} inside the document is too big to be a code of conduct.")
    return archive.read(member)


def _xml(data: bytes) -> ElementTree.Element:
    """The XML tree with namespaces dropped from tag and attribute names: Word's transitional and
    strict formats and OpenDocument's prefixes then read alike ("p", "val", "style-name")."""
    root = ElementTree.fromstring(data)
    for node in root.iter():
        node.tag = node.tag.rsplit("}", 1)[-1]
        if any(key.startswith("{") for key in node.attrib):
            node.attrib = {key.rsplit("}", 1)[-1]: value for key, value in node.attrib.items()}
    return root


def _docx_formats(numbering: bytes) -> dict[tuple[str, str], str]:
    """(numId, level) → number format ('bullet', 'decimal', 'lowerLetter', ...) from numbering.xml."""
    if not numbering:
        return {}
    root = _xml(numbering)
    abstract = {}
    for node in root.iter("abstractNum"):
        levels = {lvl.get("ilvl"): (lvl.find("numFmt").get("val") if lvl.find("numFmt") is not None else "bullet")
                  for lvl in node.iter("lvl")}
        abstract[node.get("abstractNumId")] = levels
    formats = {}
    for num in root.iter("num"):
        ref = num.find("abstractNumId")
        for level, fmt in abstract.get(ref.get("val") if ref is not None else "", {}).items():
            formats[(num.get("numId") or "", level or "0")] = fmt or "bullet"
    return formats


def _label(fmt: str, n: int) -> str:
    """What Word shows before the n-th item of a list in this format."""
    if fmt == "decimal":
        return f"{n}."
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return f"({letter if fmt == 'lowerLetter' else letter.upper()})"
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return f"{roman if fmt == 'lowerRoman' else roman.upper()}."
    return "•"


def _roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _num_value(own: ElementTree.Element | None, inherited: ElementTree.Element | None, tag: str) -> str | None:
    """A numbering property from the paragraph itself, else from its style (explicit None tests:
    an Element without children is falsy)."""
    for source in (own, inherited):
        node = source.find(tag) if source is not None else None
        if node is not None:
            return node.get("val")
    return None


def _docx_style_numbering(styles: bytes) -> dict[str, ElementTree.Element]:
    """Paragraph style id → its list numbering ("List Bullet", "List Number" number their paragraphs)."""
    out = {}
    for style in _xml(styles).iter("style") if styles else ():
        props = style.find("pPr")
        num = props.find("numPr") if props is not None else None
        if num is not None:
            out[style.get("styleId", "")] = num
    return out


def _docx_text(document: bytes, numbering: bytes, styles: bytes = b"") -> str:
    formats = _docx_formats(numbering)
    style_numbering = _docx_style_numbering(styles)
    counters: Counter[tuple[str, str]] = Counter()
    body = _xml(document).find("body")
    lines: list[str] = []

    def walk(container: ElementTree.Element) -> None:
        for block in container:
            if block.tag == "p":
                lines.append(_docx_paragraph(block, formats, style_numbering, counters))
            elif block.tag == "tbl":
                for row in block.iter("tr"):
                    cells = [" ".join(_docx_runs(p) for p in cell.iter("p")).strip() for cell in row.iter("tc")]
                    lines.append("\t".join(cells))
                lines.append("")
            elif block.tag in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
                walk(block)  # content controls and tracked insertions hold ordinary paragraphs

    if body is not None:
        walk(body)
    return "\n\n".join(line for line in lines if line.strip()) + "\n"


def _docx_runs(paragraph: ElementTree.Element) -> str:
    parts = []
    for node in paragraph.iter():
        if node.tag == "t" and node.text:
            parts.append(node.text)
        elif node.tag == "tab":
            parts.append("\t")
        elif node.tag in ("br", "cr"):
            parts.append("\n")
        elif node.tag == "softHyphen":
            continue
        elif node.tag == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _docx_paragraph(p: ElementTree.Element, formats: dict[tuple[str, str], str], style_numbering: dict[str, ElementTree.Element],
                    counters: Counter[tuple[str, str]]) -> str:
    text = _docx_runs(p).strip()
    props = p.find("pPr")
    num = props.find("numPr") if props is not None else None
    style = props.find("pStyle") if props is not None else None
    inherited = style_numbering.get(style.get("val", "")) if style is not None else None
    if not text or (num is None and inherited is None):
        return text
    key = (_num_value(num, inherited, "numId") or "", _num_value(num, inherited, "ilvl") or "0")
    if key[0] in ("", "0"):
        return text  # numId 0: numbering switched off for this paragraph
    fmt = formats.get(key, "bullet")
    counters[key] += 1
    for deeper in [k for k in counters if k[0] == key[0] and k[1] > key[1]]:
        del counters[deeper]  # a sub-list starts again under each item
    return f"{_label(fmt, counters[key])} {text}"


_ODF_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _odt_list_formats(root: ElementTree.Element) -> dict[str, str]:
    """List style name → the number format of its first level ('bullet' when it has bullets)."""
    formats = {}
    for style in root.iter("list-style"):
        first = next(iter(style), None)
        fmt = "bullet"
        if first is not None and first.tag == "list-level-style-number":
            fmt = _ODF_FORMATS.get(first.get("num-format", ""), "bullet")
        formats[style.get("name", "")] = fmt
    return formats


def _odt_text(content: bytes) -> str:
    root = _xml(content)
    formats = _odt_list_formats(root)
    lines: list[str] = []

    def walk(node: ElementTree.Element, lists: list[list]) -> None:
        for child in node:
            if child.tag in ("p", "h"):
                text = "".join(_odt_inline(child)).strip()
                if text and lists and not lists[-1][2]:
                    lists[-1][1] += 1
                    lists[-1][2] = True  # only an item's first paragraph gets the number
                    text = f"{_label(lists[-1][0], lists[-1][1])} {text}"
                if text:
                    lines.append(text)
            elif child.tag == "list":
                style = child.get("style-name") or (lists[-1][3] if lists else "")
                walk(child, [*lists, [formats.get(style, "bullet"), 0, True, style]])
            elif child.tag == "list-item" and lists:
                lists[-1][2] = False
                walk(child, lists)
            elif child.tag == "table-row":
                cells = ["".join("".join(_odt_inline(p)) for p in cell.iter("p")).strip()
                         for cell in child.iter("table-cell")]
                lines.append("\t".join(cells))
            else:
                walk(child, lists)

    walk(root, [])
    return "\n\n".join(lines) + "\n"


def _odt_inline(node: ElementTree.Element) -> list[str]:
    parts = [node.text or ""]
    for child in node:
        if child.tag == "s":
            parts.append(" " * int(child.get("c", "1")))
        elif child.tag == "tab":
            parts.append("\t")
        elif child.tag == "line-break":
            parts.append("\n")
        else:
            parts.extend(_odt_inline(child))
        parts.append(child.tail or "")
    return parts


# --- Web pages ---------------------------------------------------------------------------------

class _PageText(HTMLParser):
    """A saved web page's readable text: block elements on their own lines, list items bulleted."""

    _BLOCKS = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "dl", "dt", "dd"})
    _SKIP = frozenset({"script", "style", "noscript", "head", "nav", "footer", "header", "template", "svg", "form", "button", "select"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping = 0
        self.lists: list[list[int]] = []  # one [counter, ordered] per open list

    def _end_line(self) -> None:
        text = " ".join("".join(self.line).split())
        if text:
            self.lines.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
            return
        if tag in ("ul", "ol"):
            self._end_line()
            self.lists.append([0, tag == "ol"])
        elif tag == "li":
            self._end_line()
            if self.lists and self.lists[-1][1]:
                self.lists[-1][0] += 1
                self.line.append(f"{self.lists[-1][0]}. ")
            else:
                self.line.append("• ")
        elif tag == "tr":
            self._end_line()
        elif tag in ("td", "th"):
            if self.line:
                self.line.append("\u241e")  # a cell boundary, made a tab once the row ends
        elif tag == "br":
            self._end_line()
        elif tag in self._BLOCKS:
            self._end_line()
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag in self._BLOCKS or tag in ("li", "tr"):
            self._end_line()
            if tag in self._BLOCKS:
                self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(data)


def html_text(page: str) -> str:
    parser = _PageText()
    parser.feed(page)
    parser.close()
    parser._end_line()
    text = "\n".join(parser.lines).replace(" \u241e ", "\t").replace("\u241e", "\t")
    return regex.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# --- PDF -------------------------------------------------------------------------------------

_PAGE_NUMBER = regex.compile(r"^\s*(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]?\s*\d{1,3}\s*[-–—]?|\d+\s*/\s*\d+)\s*$", regex.I)


def _pdf_text(raw: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise PolicyError("Reading PDFs needs the pypdf package; reinstall Rep Assistant.") from exc
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PolicyError(f"{name} is a password-protected PDF; save an unprotected copy and import that.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PolicyError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PolicyError(f"{name} is a damaged PDF ({exc}); save it again from the program that made it.") from exc
    if not "".join(pages).strip():
        raise PolicyError(f"{name} has no text in it (it looks like a scan); ask the school for the Word or web version, "
                          "or paste the policy's text into the import window.")
    return _without_page_furniture(pages)


def _furniture_key(line: str) -> str:
    return regex.sub(r"\d+", "#", " ".join(line.split()).lower())


def _without_page_furniture(pages: list[str]) -> str:
    """The pages' text with running headers, footers and page numbers removed."""
    split = [[line for line in page.splitlines()] for page in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        content = [line for line in lines if line.strip()]
        edges.update({_furniture_key(line) for line in content[:2] + content[-2:]})
    repeated = {key for key, n in edges.items() if len(pages) >= 2 and n >= max(2, (len(pages) + 1) // 2)}
    kept = []
    for lines in split:
        content = [line for line in lines if line.strip()]
        edge = set(content[:2] + content[-2:])
        kept.extend(line for line in lines
                    if not (_PAGE_NUMBER.match(line) or (line in edge and _furniture_key(line) in repeated)))
    return "\n".join(kept)  # no break between pages: a sentence carries on over the page
