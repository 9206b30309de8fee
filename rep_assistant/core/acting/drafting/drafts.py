"""Creating a draft and recording what the rep did with it.

The audit log gets the kind and ids only (never the text): the draft is the rep's message,
and the record only needs to show that one was prepared and how it left the app.
"""

from dataclasses import dataclass, field

from rep_assistant.core.acting.drafting.fields import draft_fields
from rep_assistant.core.acting.drafting.render import render
from rep_assistant.core.acting.drafting.templates import load_template
from rep_assistant.core.acting.incidents import record_action
from rep_assistant.core.errors import RepError
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store

BUILTIN_KINDS = ("removal-request", "group-reminder", "school-notification", "removal-notice", "warning")
#: How a draft can leave the app: WhatsApp has no API, so copy and paste is the main path.
USES = ("copied", "mailto", "eml")


@dataclass
class Draft:
    kind: str
    body: str
    subject: str | None = None
    to: str | None = None
    flag_id: int | None = None
    incident_id: int | None = None
    chat_id: int | None = None
    fields: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def is_email(self) -> bool:
        return self.subject is not None


def create_draft(store: Store, kind: str, settings: Settings, *, flag_id: int | None = None,
                 incident_id: int | None = None) -> Draft:
    """Fill the ``kind`` template for a flag or an incident and record draft.create."""
    if (flag_id is None) == (incident_id is None):
        raise RepError("A draft is about one flag (--flag ID) or one incident (--incident ID); give one of them.")
    template = load_template(kind)
    values = draft_fields(store, settings, flag_id=flag_id, incident_id=incident_id)
    incident = int(values["incident_id"]) if values["incident_id"] else None
    draft = Draft(
        kind=kind,
        body=render(template.body, values, source=template.source),
        subject=None if template.subject is None else render(template.subject, values, source=template.source),
        to=None if template.to is None else render(template.to, values, source=template.source),
        flag_id=flag_id,
        incident_id=incident,
        chat_id=int(store.scalar("SELECT chat_id FROM flags WHERE id = ?", [flag_id]) if flag_id is not None
                    else store.scalar("SELECT chat_id FROM incidents WHERE id = ?", [incident])),
        fields=values,
    )
    with store.transaction():
        store.audit("draft.create", _objects(draft), {"kind": kind, "custom": not template.source.startswith("the built-in")})
    return draft


def _objects(draft: Draft) -> dict[str, int]:
    objects = {"chat": draft.chat_id, "flag": draft.flag_id, "incident": draft.incident_id}
    return {k: v for k, v in objects.items() if v is not None}


def record_draft_use(store: Store, draft: Draft, how: str) -> None:
    """Note that the draft was copied, opened in the mail program or saved as .eml."""
    if how not in USES:
        raise ValueError(f"unknown draft use {how!r}")
    with store.transaction():
        if draft.incident_id is not None:
            record_action(store, draft.incident_id, f"draft.{how}", draft.kind)
        store.audit("draft.use", _objects(draft), {"kind": draft.kind, "how": how})
