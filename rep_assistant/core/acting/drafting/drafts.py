"""Creating a draft and recording what the rep did with it.

Filling a draft writes nothing: a rep who browses the kinds has done nothing the school needs
to read about. Only what leaves the app is recorded (copied, opened in the mail program,
saved), and the audit log gets the kind and ids only (never the text): the draft is the rep's
message, and the record only needs to show how it left the app.
"""

from dataclasses import dataclass, field

import regex

from rep_assistant.core.acting.drafting.fields import bundle_notes, draft_fields
from rep_assistant.core.acting.drafting.render import render
from rep_assistant.core.acting.drafting.templates import load_template
from rep_assistant.core.acting.incidents import record_action
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

BUILTIN_KINDS = ("removal-request", "group-reminder", "school-notification", "removal-notice", "warning")
#: How a draft can leave the app: WhatsApp has no API, so copy and paste is the main path.
USES = ("copied", "mailto", "eml", "saved")
#: A conditional sentence that has nothing to say leaves an empty line; more than one blank line in a row is that.
_EXTRA_BLANKS = regex.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


@dataclass
class Draft:
    kind: str
    body: str
    subject: str | None = None
    to: str | None = None
    flag_id: int | None = None
    incident_id: int | None = None
    chat_id: int | None = None
    tone: str = "standard"
    fields: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def is_email(self) -> bool:
        return self.subject is not None

    def with_bundle_note(self, text: str, attached: bool) -> str:
        """``text`` with the bundle paragraph saying "attached" only when the bundle really goes with it.

        The rep may have edited everything else, so only that paragraph is swapped, and only if
        it is still there word for word.
        """
        with_it, without = bundle_notes(self.incident_id)
        old, new = (without, with_it) if attached else (with_it, without)
        return text.replace(old, new)


def create_draft(store: Store, kind: str, settings: Settings, *, flag_id: int | None = None,
                 incident_id: int | None = None, attached: bool = False) -> Draft:
    """Fill the ``kind`` template, in the tone the flags call for, for a flag or an incident (nothing is recorded)."""
    if (flag_id is None) == (incident_id is None):
        raise RepError("A draft is about one flag (--flag ID) or one incident (--incident ID); give one of them.")
    values = draft_fields(store, settings, flag_id=flag_id, incident_id=incident_id, attached=attached)
    template = load_template(kind, values["tone"])
    incident = int(values["incident_id"]) if values["incident_id"] else None
    return Draft(
        kind=kind,
        body=_EXTRA_BLANKS.sub("\n\n", render(template.body, values, source=template.source)),
        subject=None if template.subject is None else render(template.subject, values, source=template.source),
        to=None if template.to is None else render(template.to, values, source=template.source),
        flag_id=flag_id,
        incident_id=incident,
        chat_id=int(store.scalar("SELECT chat_id FROM flags WHERE id = ?", [flag_id]) if flag_id is not None
                    else store.scalar("SELECT chat_id FROM incidents WHERE id = ?", [incident])),
        tone=values["tone"],
        fields=values,
    )


def _objects(draft: Draft) -> dict[str, int]:
    objects = {"chat": draft.chat_id, "flag": draft.flag_id, "incident": draft.incident_id}
    return {k: v for k, v in objects.items() if v is not None}


def record_draft_use(store: Store, draft: Draft, how: str) -> None:
    """Note that the draft was copied, opened in the mail program or saved (.eml, or text from the command line)."""
    if how not in USES:
        raise ValueError(f"unknown draft use {how!r}")
    with store.transaction():
        if draft.incident_id is not None:
            record_action(store, draft.incident_id, f"draft.{how}", draft.kind)
        store.audit("draft.use", _objects(draft), {"kind": draft.kind, "how": how})
