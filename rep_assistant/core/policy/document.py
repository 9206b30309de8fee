"""Turn a school's code-of-conduct text into clauses.

Schools paste their policy out of Word: bullets as "·", "-" or numbers, wrapped lines,
"[bookmark: _GoBack]" debris, curly quotes around a whole agreement, tables flattened to
tabs. Every list item becomes its own clause; a sentence ending in ":" introduces a list
and decides whether its items are rules ("I am agreeing to:") or description ("so they can:",
"the school may then:"). Where the school numbers nothing, clauses get "N" for a paragraph
and "N.k" for the k-th item of the list it introduces.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import regex

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.model import Clause, Policy, default_kind
from rep_assistant.core.policy.suggest import suggest_categories

_DEBRIS = regex.compile(r"\[bookmark:[^\]]*\]|[\u200b-\u200f\u2060\ufeff]")
_BULLET = regex.compile(r"^\s*(?:[-–—•·*▪◦●○]|o(?=\s))\s+")
_NUMBER = regex.compile(r"^\s*(\d+(?:\.\d+)+[.)]?|\(?(?:\d+|[a-z]|[ivx]+)[.)])\s+(?=\S)")
_SENTENCE_END = regex.compile(r"[.;:!?…”\"]\s*$")
_RULE_LEAD = regex.compile(r"agree|expect|anticipate|inappropriate|guidelines|follow|adhere|ask(?:ed)? that|must|should not", regex.I)
_DESCRIPTIVE_LEAD = regex.compile(r"may then|believe|so (?:that )?they can|important to|aims? (?:is|are) to|opportunity", regex.I)
_SCHOOL = regex.compile(
    r"\b((?:[A-Z][\w'’]+ )+(?:Primary School|School|Academy|Centre|College|Infants|Juniors))\b"
    r"|^At ((?:St\.? )?[A-Z][\w'’]+(?: [A-Z][\w'’]+)*),"
)
_TITLE = regex.compile(r"code of conduct|policy|agreement|acceptable use", regex.I)


@dataclass
class _Block:
    text: str
    number: str | None
    is_item: bool


def _clean(line: str) -> str:
    line = _DEBRIS.sub("", line).replace("\u00a0", " ").replace("\u202f", " ")
    return line.rstrip()


def _blocks(text: str) -> list[_Block | str]:
    """Paragraphs and list items (``_Block``) and headings (plain strings), in order."""
    out: list[_Block | str] = []
    current: _Block | None = None
    for raw in text.splitlines():
        line = _clean(raw)
        if not line.strip() or "\t" in line:
            current = None  # a blank line ends a paragraph; tab lines are flattened tables
            continue
        bullet = _BULLET.match(line)
        number = _NUMBER.match(line) if not bullet else None
        if bullet or number:
            body = line[(bullet or number).end():].strip()
            if number and _is_heading(body) and len(body.split()) <= 6:
                out.append(body)  # "1. Purpose": a numbered heading
                current = None
                continue
            current = _Block(body, number.group(1).strip("().") if number else None, True)
            out.append(current)
            continue
        stripped = line.strip()
        if current is not None and (raw[:1].isspace() or stripped[:1].islower() or not _SENTENCE_END.search(current.text)):
            current.text = f"{current.text} {stripped}"
            continue
        if _is_heading(stripped):
            out.append(stripped)
            current = None
            continue
        current = _Block(stripped, None, stripped.endswith(";"))
        out.append(current)
    return out


def _is_heading(line: str) -> bool:
    return not _SENTENCE_END.search(line) and len(line.split()) <= 14 and line[:1].isupper()


def _tidy(text: str) -> str:
    """The clause as the school wrote it, minus list punctuation and stray outer quotes."""
    text = regex.sub(r"\s+", " ", text).strip()
    if text.count("“") != text.count("”"):
        text = text.strip("“”")
    return text.rstrip(";,").strip()


def parse_policy_text(text: str, *, policy_id: str, name: str | None = None, source: str = "") -> Policy:
    """Clauses (with suggested categories) from a policy document's plain text."""
    items = _blocks(text)
    clauses: list[Clause] = []
    section = ""
    top = 0
    sub = 0
    lead_context: bool | None = None
    lead_id = ""
    headings: list[str] = []
    paragraphs: list[str] = []
    for block in items:
        if isinstance(block, str):
            headings.append(block)
            section = block
            lead_context, sub = None, 0
            continue
        body = _tidy(block.text)
        if not body:
            continue
        paragraphs.append(body)
        if block.is_item and lead_context is not None:
            sub += 1
            cid = block.number or f"{lead_id}.{sub}"
            context: bool | None = lead_context
        else:
            top += 1
            cid = block.number or str(top)
            context = None
            if body.endswith(":"):
                lead_id, sub = cid, 0
                lead_context = bool(_RULE_LEAD.search(body)) and not _DESCRIPTIVE_LEAD.search(body)
            else:
                lead_context = None
        cats = () if body.endswith(":") else suggest_categories(body, rule_context=context)
        clauses.append(Clause(_unique(cid, clauses), body, cats, default_kind(cats), section))
    if not clauses:
        raise PolicyError("No clauses were found in that document; is it the code of conduct as plain text?")
    school = name or _find(_SCHOOL, headings + paragraphs) or ""
    title = next((h for h in headings if _TITLE.search(h)), None) or "Code of conduct"
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return Policy(id=policy_id, school=school, title=title, version=version, clauses=tuple(clauses), source=source)


def _unique(cid: str, clauses: list[Clause]) -> str:
    taken = {c.id for c in clauses}
    if cid not in taken:
        return cid
    n = 2
    while f"{cid}-{n}" in taken:
        n += 1
    return f"{cid}-{n}"


def _find(pattern: regex.Pattern[str], lines: list[str]) -> str | None:
    for line in lines:
        m = pattern.search(line)
        if m:
            return next(g for g in m.groups() if g).strip()
    return None


def read_document(path: Path) -> str:
    """The text of a policy document, whatever encoding Word left it in."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PolicyError(f"The policy document {path} cannot be read ({exc.strerror}).") from exc
    encodings = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252")
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise PolicyError(f"{path} is not a text document; save the policy from Word as plain text (.txt) and import that.")
