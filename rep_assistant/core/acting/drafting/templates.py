"""Finding and reading draft templates: the rep's folder first, then the built-ins.

A template is a UTF-8 text file named ``<kind>.txt``. Optional header lines at the top
(``Subject:``, ``To:``) followed by a blank line make it an e-mail template; everything else
is the body. Keeping the format this plain lets a rep edit it in any text editor.
"""

from dataclasses import dataclass
from pathlib import Path

import regex

from rep_assistant.core import paths, resources
from rep_assistant.core.errors import NotFoundError, RepError

TEMPLATE_SUFFIX = ".txt"
_HEADER = regex.compile(r"(?i)(subject|to):[ \t]*(.*)")
_KIND = regex.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Template:
    kind: str
    body: str
    subject: str | None
    to: str | None
    source: str  # where it was read from, for messages ("built-in" or a file path)

    @property
    def is_email(self) -> bool:
        return self.subject is not None


def parse_template(kind: str, text: str, source: str) -> Template:
    """Split header lines from the body; a header block only counts when a blank line ends it."""
    lines = text.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    headers: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            if headers:
                lines = lines[index + 1:]
            break
        match = _HEADER.fullmatch(line)
        if not match:
            headers = {}
            break
        headers[match.group(1).lower()] = match.group(2).strip()
    else:
        headers = {}
    body = "\n".join(lines).strip("\n") + "\n"
    return Template(kind, body, headers.get("subject"), headers.get("to"), source)


def _builtin_names() -> list[str]:
    folder = resources.resource("templates")
    return sorted(p.name[: -len(TEMPLATE_SUFFIX)] for p in folder.iterdir() if p.name.endswith(TEMPLATE_SUFFIX))


def _user_file(kind: str) -> Path:
    return paths.user_templates_dir() / f"{kind}{TEMPLATE_SUFFIX}"


def available_kinds() -> list[str]:
    """Built-in kinds plus any the rep added, sorted."""
    user = [p.stem for p in paths.user_templates_dir().glob(f"*{TEMPLATE_SUFFIX}") if _KIND.fullmatch(p.stem)]
    return sorted(set(_builtin_names()) | set(user))


def load_template(kind: str) -> Template:
    """The rep's copy of ``kind`` if there is one, else the built-in."""
    if not _KIND.fullmatch(kind):
        raise NotFoundError(f"{kind!r} is not a template name (use lowercase letters, digits and dashes).")
    user = _user_file(kind)
    if user.is_file():
        try:
            return parse_template(kind, user.read_text(encoding="utf-8"), str(user))
        except (OSError, UnicodeDecodeError) as exc:
            raise RepError(f"The template {user} cannot be read ({exc}); fix it or delete it to use the built-in.") from exc
    if kind in _builtin_names():
        return parse_template(kind, resources.read_text(f"templates/{kind}{TEMPLATE_SUFFIX}"), f"the built-in {kind} template")
    raise NotFoundError(f"There is no draft template called {kind}; the templates are: {', '.join(available_kinds())}.")
