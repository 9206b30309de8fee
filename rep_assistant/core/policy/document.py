"""Turn a school's code-of-conduct text into clauses.

Schools write the same code in many layouts: bullets of every kind (•, ·, ▪, o, -, Word's
symbol-font bullets pasted with a tab), numbers (1. 1) (a) i. 2.3), Do/Don't tables,
numbered section headings, wrapped and hyphenated lines, page footers copied out of a PDF.
Every list item becomes its own clause. A sentence that introduces a list ("Please note
the school considers the following online activity inappropriate:", "Don't", "What these
groups are NOT:") sets what its items mean: rules, prohibitions, or description (the
group's purposes, the school's sanctions) that no flag may cite. An item under a
prohibition that doesn't say "not" itself is quoted with its lead-in, so a draft never
tells a parent the code "asks us to keep to this: 'Posting defamatory comments'".

Clauses keep the document's own numbering; where the school numbers nothing, a clause has
no number (its id is an internal key, never shown as a clause number).
"""

import hashlib
from dataclasses import dataclass, field, replace

import regex

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy.facts import school_facts
from rep_assistant.core.policy.gaps import default_gaps
from rep_assistant.core.policy.model import Clause, Policy, default_kind
from rep_assistant.core.policy.suggest import has_negation, lead_polarity, suggest_categories, warned_categories

_DEBRIS = regex.compile(r"\[bookmark:[^\]]*\]|[\u200b-\u200d\u2060\ufeff\u00ad]")
# Word's symbol-font bullets (private-use characters when pasted) and the other bullet shapes.
_SYMBOL_BULLETS = str.maketrans({c: "•" for c in "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf0e8\u2219\u25aa\u25ab\u25a0"
                                                 "\u25a1\u25cf\u25cb\u25e6\u2023\u2043\u27a2\u2713\u2714\u2794\u25ba\u2022"})
_BULLET = regex.compile(r"^(?:[-–—•·*▪◦●○➢»>]|o(?=[ \t]))[ \t]*(?=\S)")
_NUMBER = regex.compile(
    r"^(?:(\d{1,2}(?:\.\d{1,2})+)\.?|(\d{1,2})[.)]|\((\d{1,2}|[a-z]|[ivx]{1,5})\)|([a-z]|[ivx]{1,5})[.)])(?:[ \t]+(?=\S)|(?=[A-Z]))"
)
_LONE_MARKER = regex.compile(r"^\s*(?:[-–•·*▪◦●○]|\(?\d{1,2}[.)]|\((?:[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})[.)])\s*$")
_PAGE_FURNITURE = regex.compile(
    r"^\s*(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|\d{1,3}\s*\|\s*p\s?a\s?g\s?e|page\s*\|\s*\d{1,3})\s*$", regex.I)
# PDFs set "fi", "fl"... as one glyph; the words must read as typed ("office", "flag").
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"})
_INLINE_PAGE = regex.compile(r"\s*\bPage \d+ of \d+\b\s*")
# Words that open a sentence and are not capitalised mid-sentence.
_OPENER = regex.compile(r"(?:The|Please|If|We|You|It|This|These|Our|Parents|Never|When|Any)\s")
_SENTENCE_END = regex.compile(r"[.;:!?…”\"’)]\s*$")
_NORMATIVE_WORD = regex.compile(r"\b(?:should|must|shall|please|never|not|don'?t|do not|avoid|refrain)\b|n[’']t\b", regex.I)
_DO_HEADS = {"do", "dos", "do's", "do’s", "please do", "things to do"}
_DONT_HEADS = {"don't", "don’t", "dont", "don'ts", "don’ts", "do not", "please don't", "please don’t", "please do not", "avoid",
               "things to avoid", "not allowed", "not acceptable", "unacceptable"}
_TITLE_START = regex.compile(r"(?:what|things|behaviou?rs?|content|posts|messages|unacceptable|inappropriate|when)\b", regex.I)
_TITLE = regex.compile(r"code of conduct|code of use|policy|agreement|acceptable use|guidelines|etiquette|protocols?|expectations", regex.I)


@dataclass
class Block:
    """A paragraph, list item or heading of the document, with what introduces it."""

    kind: str  # heading | para | item
    text: str
    number: str = ""
    indent: int = 0
    lead: "Block | None" = None
    last_line_len: int = 0
    line_count: int = 1


def _clean_lines(text: str) -> list[tuple[str, int]]:
    """The document's lines, each with the length it had on the page, without debris, page
    numbers and running headers or footers (which are dropped, not made paragraph breaks:
    a sentence carries on over a page break)."""
    text = _DEBRIS.sub("", text).translate(_SYMBOL_BULLETS).translate(_LIGATURES).replace("\u00a0", " ").replace("\u202f", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    raw_lines = text.split("\n")
    lines = [_INLINE_PAGE.sub(" ", line).rstrip() for line in raw_lines]
    keys = [regex.sub(r"\d+", "#", " ".join(line.split()).lower()) for line in lines]
    listed = [bool(_BULLET.match(line.strip()) or _NUMBER.match(line.strip())) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        if 2 <= len(key.split()) <= 12:
            counts[key] = counts.get(key, 0) + 1
    page_marks = [i for i, line in enumerate(raw_lines) if _PAGE_FURNITURE.match(line) or _INLINE_PAGE.search(line)]
    near_mark = {j for i in page_marks for j in range(i - 2, i + 3)}
    # A running header or footer: a short line repeated on most pages, or repeated and found beside a page number.
    furniture = {key for i, key in enumerate(keys) if counts.get(key, 0) >= 2 and not listed[i] and i in near_mark}
    furniture |= {key for i, key in enumerate(keys) if counts.get(key, 0) >= 3 and not listed[i] and not _SENTENCE_END.search(lines[i])}
    out: list[tuple[str, int]] = []
    marker = ""  # a bullet or number a PDF put on a line of its own, waiting for its item's text
    for i, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if _PAGE_FURNITURE.match(raw_lines[i]) or (raw_lines[i].strip() and not line.strip()) or (key in furniture and not listed[i]):
            continue
        if _LONE_MARKER.match(line):
            marker = line.strip()
            continue
        if marker and line.strip():
            line, marker = f"{marker} {line.strip()}", ""
        # Several bullets typed on one line ("• one. • two.") are several items.
        parts = regex.split(r"(?<=\S)\s+(?=•\s)", line)
        out.extend((part, len(part.strip())) for part in parts[:-1])
        out.append((parts[-1], len(line.strip())))
    return out


def _cells(line: str) -> list[str]:
    """A tab-separated line's cells, after a leading bullet or number's tab is made a space."""
    line = line.strip(" \t")
    marker = _BULLET.match(line) or _NUMBER.match(line)
    if marker and "\t" in line[: marker.end() + 1]:
        line = line[: marker.end()].rstrip(" \t") + " " + line[marker.end():].lstrip(" \t")
    return [cell.strip() for cell in line.split("\t") if cell.strip()]


def _head_kind(text: str) -> str | None:
    """'do' or 'dont' for the headings of a Do/Don't list or table."""
    key = regex.sub(r"[\s:!.✓✗✔✘]+$", "", text.strip().lower())
    key = regex.sub(r"^[✓✗✔✘]\s*", "", key)
    if key in _DO_HEADS:
        return "do"
    if key in _DONT_HEADS:
        return "dont"
    return None


def _is_heading(text: str) -> bool:
    words = text.split()
    # "Do not swear" without a full stop is a rule; "What is not acceptable" is a heading.
    titled = bool(_TITLE_START.match(text)) or not _NORMATIVE_WORD.search(text)
    return (bool(words) and len(words) <= 10 and not _SENTENCE_END.search(text) and text[:1].isupper()
            and titled and not text.endswith((",", "-", "–")))


def split_blocks(text: str) -> list[Block]:
    """Headings, paragraphs and list items, in order, each item knowing its lead-in."""
    blocks: list[Block] = []
    current: Block | None = None
    blank = True
    columns: list[Block] | None = None  # the lead-ins of a Do/Don't table's columns
    lines = _clean_lines(text)
    width = _wrap_width([n for _, n in lines])
    for raw, physical in lines:
        if not raw.strip():
            blank = True
            continue
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        if "\t" in raw.strip(" \t"):
            cells = _cells(raw)
            heads = [_head_kind(c) for c in cells]
            if len(cells) >= 2 and all(heads):
                columns = [_new(blocks, Block("heading", c)) for c in cells]
                current = None
                continue
            if len(cells) >= 2:
                for i, cell in enumerate(cells):
                    lead = columns[i] if columns and i < len(columns) else None
                    current = _start(blocks, cell, indent, lead)
                blank = False
                continue
            raw = cells[0] if cells else ""
        elif columns is not None and blank:
            columns = None
        line = raw.strip()
        if not line:
            continue
        started = _BULLET.match(line) or _NUMBER.match(line)
        if not started and current is not None and _continues(current, line, blank, width, blocks):
            current.text = _join(current.text, line)
            current.line_count += 1
            current.last_line_len = physical
            blank = False
            continue
        current = _start(blocks, line, indent, None)
        current.last_line_len = physical
        blank = False
    _assign_leads(blocks)
    return blocks


def _new(blocks: list[Block], block: Block) -> Block:
    blocks.append(block)
    return block


def _start(blocks: list[Block], line: str, indent: int, lead: Block | None) -> Block:
    bullet = _BULLET.match(line)
    number = _NUMBER.match(line) if not bullet else None
    if bullet or number:
        body = line[(bullet or number).end():].strip()
        label = next((g for g in number.groups() if g), "") if number else ""
        if number and _is_heading(body) and len(body.split()) <= 8:
            return _new(blocks, Block("heading", body, label, indent))
        return _new(blocks, Block("item", body, label, indent, lead, len(line)))
    if lead is not None:
        return _new(blocks, Block("item", line, "", indent, lead, len(line)))
    if _is_heading(line) or _head_kind(line):
        return _new(blocks, Block("heading", line, "", indent))
    return _new(blocks, Block("para", line, "", indent, None, len(line)))


def _wrap_width(lengths: list[int]) -> int:
    """The width a PDF or e-mail wrapped the text at, or 0 when each paragraph is one line."""
    lengths = [n for n in lengths if n]
    if not lengths or max(lengths) > 120:
        return 0
    widest = max(lengths)
    full = sum(1 for n in lengths if n >= 0.8 * widest)
    return widest if full >= 5 and full >= 0.3 * len(lengths) else 0


def _continues(current: Block, line: str, blank: bool, width: int, blocks: list[Block]) -> bool:
    """Whether ``line`` carries on the block before it (a wrapped or hyphenated line)."""
    if current.kind == "heading":
        if line[:1].islower() and width and current.last_line_len + 1 + len(line.split()[0]) > width:
            current.kind = "item" if current.number else "para"  # not a heading: a short rule wrapped at the margin
            return True
        return False
    if current.text.endswith(":"):
        return False
    before = blocks[-2] if len(blocks) >= 2 and blocks[-1] is current else None
    if (current.kind == "para" and current.line_count == 1 and _SENTENCE_END.search(current.text) and before is not None
            and (before.kind == "heading" or before.text.endswith(":") or (before.kind == "para" and before.line_count == 1))):
        return False  # one-line sentences in a row under a lead-in: a list typed without bullets
    if current.text.endswith("-") and line[:1].islower():
        return True
    if width and not blank:
        # Wrapped text: a sentence carries on in lower case, or the line before broke only because this
        # line's first word didn't fit (or, set in a proportional font, it reached the margin mid-sentence).
        ended = bool(_SENTENCE_END.search(current.text))
        if line[:1].islower() and not ended:
            return True
        if current.last_line_len + 1 + len(line.split()[0]) > width:
            if not ended and _OPENER.match(line):
                return False  # the line above lacks its full stop: "…for relevant matters" / "The group should…"
            return not (ended and _is_heading(line))
        return not ended and current.last_line_len >= 0.9 * width and not _is_heading(line)
    # Text with one paragraph per line: only a lower-case start carries on (a line broken by hand).
    return not _SENTENCE_END.search(current.text) and line[:1].islower()


def _join(text: str, line: str) -> str:
    if regex.search(r"\p{Ll}-$", text) and line[:1].islower():
        return text[:-1] + line  # a word hyphenated at the end of a line
    return f"{text} {line}"


# "the following day" is a time, not a list.
_FOLLOWING = regex.compile(r"\bthe following\b(?!\s+(?:day|week|month|term|year|morning|afternoon|evening|night|weekend|"
                           r"school day|working day|\p{Lu}\p{Ll}+day))[^.]*\.\s*$", regex.I)
# A lead-in that stops mid-sentence, its items finishing it: "pupils should not" / "• be discussed",
# "…, therefore avoid" / "- discussing current affairs", "Please refrain from" / "- selling".
_DANGLING = regex.compile(r"(?<![.!?;:,]\s*)\b(?:not|never|avoid|refrain from|from|for|to|include|including|are|is|be|should|must|"
                          r"like|as|such as|please)\s*$", regex.I)


def _ends_as_lead(text: str) -> bool:
    return text.rstrip().endswith(":") or bool(_FOLLOWING.search(text)) or _dangles(text)


def _dangles(text: str) -> bool:
    """A lead-in whose sentence its items complete (no colon, no full stop)."""
    return bool(_DANGLING.search(text.rstrip()))


def _assign_leads(blocks: list[Block]) -> None:
    """Give each item the sentence that introduces it: the paragraph or item ending in ':' just above,
    a deeper-indented item's parent item, a Do/Don't heading; plain lines right under a lead-in are
    items (a list typed without bullets), until the first line that isn't one."""
    lead: Block | None = None
    outer: Block | None = None  # the lead before an item that leads the items after it
    plain_items = True  # whether the lead's items so far were plain lines
    parents: list[Block] = []  # open items by indent, for nested lists
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            lead = block if _heading_lead(block.text) else None
            plain_items, parents = True, []
            continue
        if block.lead is not None:  # a table cell under its column's heading
            continue
        if block.kind == "para":
            if lead is not None and lead.kind != "heading" and plain_items and _is_list_line(block):
                block.kind = "item"
                block.lead = lead
                continue
            lead = block if _ends_as_lead(block.text) else None
            plain_items, parents = True, []
            continue
        while parents and parents[-1].indent >= block.indent:
            parents.pop()
        if parents and block.indent > parents[-1].indent:
            block.lead = parents[-1]
        else:
            if (lead is not None and lead.kind == "item" and _own_rule(block.text)
                    and lead_polarity(_lead_text(lead)) == "description"):
                lead = outer  # a flat list (nesting lost in a paste): a rule after an item's list of purposes is not one of them
            block.lead = lead
            plain_items = False
        parents.append(block)
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        nests = after is not None and after.kind == "item" and after.indent > block.indent
        if _ends_as_lead(block.text) and not _dangles(block.text) and not nests and not parents[:-1]:
            # an item ending in ':' leads the items after it in a flat list; with sub-items, only those
            outer = lead if lead is None or lead.kind != "item" else outer
            lead = block
            plain_items, parents = True, []


def _own_rule(text: str) -> bool:
    """A whole sentence that states a rule of its own ("The group is not a political platform…"), not
    an item finishing the line above ("To request feedback (not on individual children)")."""
    return (text[:1].isupper() and not regex.match(r"(?:To|For|As|Such as)\b", text)
            and bool(regex.search(r"\b(?:is|are|should|must|will|may|can)\b", text))
            and bool(regex.search(r"\b(?:not|never|should|must|avoid|refrain|discourag\w*|tolerat\w*|please)\b|n['’]t\b", text, regex.I)))


def _is_list_line(block: Block) -> bool:
    """A plain line under a lead-in is one of its items unless it is a rule or statement of its own."""
    return len(block.text.split()) <= 40 and not regex.search(r"\b(?:must|should|shall|will|may|can|please)\b", block.text, regex.I)


def _last_sentence(text: str) -> str:
    """The sentence that introduces a list, ending in ':' ("(This list is not exhaustive):" is skipped)."""
    sentences = [x.strip() for x in regex.split(r"(?<=[.!?:])\s+(?=[A-Z“\"‘'(])", text.strip()) if x.strip()]
    while len(sentences) > 1 and sentences[-1].startswith("("):
        sentences.pop()  # an aside after the lead-in, e.g. that its examples are not the only ones
    last = sentences[-1]
    if _dangles(last):
        return last.rstrip()  # its items carry the sentence on: "pupils should not" + "be discussed"
    return regex.sub(r"[.:]?\s*$", ":", last, count=1)


def _lead_text(lead: Block) -> str:
    if lead.kind == "heading":
        return {"dont": "Don't:", "do": "Do:"}.get(_head_kind(lead.text) or "", regex.sub(r"[:.]?\s*$", ":", lead.text, count=1))
    return _last_sentence(lead.text)


def _heading_lead(text: str) -> bool:
    """Whether a heading sets the meaning of the list under it: Do / Don't, or a prohibition
    ("What is not acceptable", "Inappropriate content"), but not a section on what happens after a breach."""
    if _head_kind(text):
        return True
    return (lead_polarity(text) == "prohibition"
            and not regex.search(r"breach|consequence|sanction|action|happen|report|procedure|respon", text, regex.I))


def _tidy(text: str) -> str:
    """The clause as the school wrote it, minus list punctuation and stray outer quotes."""
    text = regex.sub(r"\s+", " ", text).strip()
    if text.count("“") != text.count("”"):
        text = text.strip("“”")
    return text.rstrip(";,").strip()


@dataclass
class _Numbering:
    """Internal keys for clauses: the document's own number where it has one ("1", "1#2" for its second list's 1)."""

    seen: dict[str, int] = field(default_factory=dict)
    unnumbered: int = 0

    def key(self, number: str) -> str:
        if not number:
            self.unnumbered += 1
            return f"p{self.unnumbered}"
        n = self.seen.get(number, 0) + 1
        self.seen[number] = n
        return number if n == 1 else f"{number}#{n}"


def clauses_from_blocks(blocks: list[Block]) -> list[Clause]:
    clauses: list[Clause] = []
    warned: list[tuple[int, tuple[str, ...]]] = []  # (clause index, categories named only in a sanction)
    numbering = _Numbering()
    section = ""
    leads = {id(b.lead) for b in blocks if b.lead is not None}
    for block in blocks:
        if block.kind == "heading":
            section = block.text
            continue
        body = _tidy(block.text)
        if not body:
            continue
        context: bool | None = None
        quote = body
        judged = body
        forbidden = False
        if block.kind == "item" and block.lead is not None:
            lead = _lead_text(block.lead)
            polarity = lead_polarity(lead)
            context = None if polarity == "neutral" else polarity in ("rule", "prohibition")
            forbidden = polarity == "prohibition"
            if _dangles(lead):  # the item is the end of the lead-in's sentence: judged and quoted whole
                judged = quote = f"{lead} {body.rstrip('.,;')}."
            elif forbidden and not has_negation(body):
                quote = f"{lead} {body}"
        is_lead = id(block) in leads and _ends_as_lead(body)
        cats = () if is_lead else suggest_categories(judged, rule_context=context, forbidden_by_lead=forbidden)
        clauses.append(Clause(numbering.key(block.number), quote, cats, default_kind(cats), section, block.number, cats))
        if context is None and not is_lead:
            warned.append((len(clauses) - 1, warned_categories(judged)))
    return _add_warned(clauses, warned)


def _add_warned(clauses: list[Clause], warned: list[tuple[int, tuple[str, ...]]]) -> list[Clause]:
    """A category the document names only where it says what follows a breach is still one it forbids:
    that sentence covers it (never in place of a rule that names it)."""
    named = {cat for clause in clauses for cat in clause.categories}
    for index, cats in warned:
        extra = tuple(cat for cat in cats if cat not in named)
        if extra:
            clause = clauses[index]
            new = clause.categories + extra
            clauses[index] = replace(clause, categories=new, kind=default_kind(new), suggested=new)
            named.update(extra)
    return clauses


def parse_policy_text(text: str, *, policy_id: str, name: str | None = None, source: str = "") -> Policy:
    """Clauses (with suggested categories), coverage choices and school facts from a document's text."""
    blocks = split_blocks(text)
    clauses = clauses_from_blocks(blocks)
    if not clauses:
        raise PolicyError("No clauses were found in that document; is it the code of conduct?")
    headings = [b.text for b in blocks if b.kind == "heading"]
    facts = school_facts(text, clauses)
    if name:
        facts["school_name"] = name
    title = next((h for h in headings if _TITLE.search(h) and len(h) <= 90), None) or "Code of conduct"
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    clauses_t = tuple(clauses)
    return Policy(id=policy_id, school=facts.get("school_name", ""), title=title, version=version, clauses=clauses_t,
                  source=source, gaps=default_gaps(clauses_t), facts=facts)
