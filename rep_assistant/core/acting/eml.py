"""E-mail drafts as .eml files that a mail program opens as a new, unsent message.

``X-Unsent: 1`` tells Outlook (and Thunderbird's "open as new") that it is a draft to edit and
send, which is how a bundle gets attached: a mailto: link cannot carry attachments. Nothing is
sent from here; the app never opens a network connection.
"""

import email.policy
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from rep_assistant.core.acting.bundle import Bundle, record_bundle_export, write_recorded
from rep_assistant.core.acting.drafting import Draft, record_draft_use
from rep_assistant.core.store import Store

_POLICY = email.policy.default.clone(linesep="\r\n")


def build_eml(draft: Draft, attachments: Sequence[tuple[str, bytes, str]] = ()) -> bytes:
    """The message as bytes; ``attachments`` are (file name, data, MIME type)."""
    msg = EmailMessage(policy=_POLICY)
    if draft.to:
        msg["To"] = draft.to
    msg["Subject"] = draft.subject or draft.kind.replace("-", " ").capitalize()
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"
    msg.set_content(draft.body)
    for name, data, mimetype in attachments:
        maintype, _, subtype = mimetype.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=_POLICY)


def save_eml(store: Store, draft: Draft, path: Path, bundle: Bundle | None = None) -> None:
    """Write the .eml (0600), recording draft.use and, when attached, the bundle's export."""
    attachments = [(bundle.filename, bundle.data, "application/zip")] if bundle else []
    data = build_eml(draft, attachments)

    def record() -> None:
        record_draft_use(store, draft, "eml")
        if bundle is not None:
            record_bundle_export(store, bundle, path, attached_to="eml")

    write_recorded(store, Path(path), data, record)
