"""Finding and reading draft templates: the rep's folder first, then the built-ins.

A template is a UTF-8 text file named ``<kind>.txt``. Optional header lines at the top
(``Subject:``, ``To:``) followed by a blank line make it an e-mail template; everything else
is the body. Keeping the format this plain lets a rep edit it in any text editor.

A kind may have variants by tone, ``<kind>.firm.txt`` and ``<kind>.light.txt``: a threat needs a
firm, calm text and a late-night post a light one, and one text cannot be both. The rep's own
files come first (their variant, then their plain copy), then the built-in variant, then the
built-in plain file, so a rep who rewrote a template keeps their words for every tone.
"""

from dataclasses import dataclass
from pathlib import Path

import regex

from rep_assistant.core import paths, resources
from rep_assistant.core.errors import NotFoundError, RepError

TEMPLATE_SUFFIX = ".txt"
_HEADER = regex.compile(r"(?i)(subject|to):[ \t]*(.*)")
_KIND = regex.compile(r"[a-z0-9][a-z0-9-]*")
#: How a draft should sound, from the categories it is about (see ``fields.tone_for``).
TONES = ("firm", "standard", "light")


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


def _builtin_files() -> set[str]:
    folder = resources.resource("templates")
    return {p.name for p in folder.iterdir() if p.name.endswith(TEMPLATE_SUFFIX)}


def _kinds(names: "set[str] | list[str]") -> set[str]:
    """File names to kinds: tone variants (``warning.firm.txt``) are not kinds of their own."""
    stems = (name[: -len(TEMPLATE_SUFFIX)] for name in names)
    return {stem for stem in stems if _KIND.fullmatch(stem)}


def available_kinds() -> list[str]:
    """Built-in kinds plus any the rep added, sorted."""
    user = [p.name for p in paths.user_templates_dir().glob(f"*{TEMPLATE_SUFFIX}")]
    return sorted(_kinds(_builtin_files()) | _kinds(user))


def _read_user(kind: str, path: Path) -> Template:
    try:
        return parse_template(kind, path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise RepError(f"The template {path} cannot be read ({exc}); fix it or delete it to use the built-in.") from exc


def load_template(kind: str, tone: str = "standard") -> Template:
    """The template for ``kind`` in ``tone``: the rep's files first, then the built-ins (see the module's note)."""
    if not _KIND.fullmatch(kind):
        raise NotFoundError(f"{kind!r} is not a template name (use lowercase letters, digits and dashes).")
    names = [f"{kind}.{tone}{TEMPLATE_SUFFIX}", f"{kind}{TEMPLATE_SUFFIX}"] if tone != "standard" else [f"{kind}{TEMPLATE_SUFFIX}"]
    for name in names:
        user = paths.user_templates_dir() / name
        if user.is_file():
            return _read_user(kind, user)
    builtin = _builtin_files()
    for name in names:
        if name in builtin:
            label = f"the built-in {kind} template" + (f" ({tone})" if name != f"{kind}{TEMPLATE_SUFFIX}" else "")
            return parse_template(kind, resources.read_text(f"templates/{name}"), label)
    raise NotFoundError(f"There is no draft template called {kind}; the templates are: {', '.join(available_kinds())}.")
