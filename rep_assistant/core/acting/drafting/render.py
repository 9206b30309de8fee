"""A tiny ``{field}`` substitution that is safe with any text the rep or a chat supplies.

Why not str.format: a user template could reach attributes (``{flag.__class__}``) and values
would be re-parsed. Here a placeholder is only ``{name}`` with a lowercase identifier, values
are inserted once and never scanned again, ``{{``/``}}`` write literal braces, and anything
else in braces is reported, not guessed at.
"""

from collections.abc import Mapping

import regex

from rep_assistant.core.errors import RepError

_TOKEN = regex.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
_FIELD = regex.compile(r"[a-z][a-z0-9_]*")


class TemplateError(RepError):
    """A template names fields that do not exist or has a malformed placeholder."""


def placeholders(text: str) -> list[str]:
    """The field names a template uses, in order of first appearance (malformed ones included)."""
    seen: dict[str, None] = {}
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            seen.setdefault(match.group(1).strip(), None)
    return list(seen)


def render(text: str, fields: Mapping[str, str], *, source: str = "the template") -> str:
    """Fill ``text`` from ``fields``; unknown or malformed placeholders raise one TemplateError."""
    unknown = [name for name in placeholders(text) if not _FIELD.fullmatch(name) or name not in fields]
    if unknown:
        listed = ", ".join("{" + name + "}" for name in unknown)
        known = ", ".join("{" + name + "}" for name in sorted(fields))
        raise TemplateError(
            f"{source} uses {listed}, which is not a field it can fill; the fields are: {known} "
            "(write {{ and }} for a literal brace)."
        )

    def substitute(match: "regex.Match[str]") -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return str(fields[match.group(1).strip()])

    return _TOKEN.sub(substitute, text)
