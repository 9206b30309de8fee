"""The draft dialog's writes: a draft used (copied, mailed, saved as .eml) is recorded, and says what changed.

Why through ``Done``: using a draft about an incident adds to that incident's actions (and a
school notification makes later drafts say the school was told), so the incidents dialog must
redraw. Returning the change lets it do so like every other panel, with no signal wired by hand.
"""

from pathlib import Path

from rep_assistant.core.acting.bundle import make_bundle
from rep_assistant.core.acting.drafting import Draft, record_draft_use
from rep_assistant.core.acting.eml import save_eml
from rep_assistant.core.settings import Settings
from rep_assistant.core.store import Store
from rep_assistant.ui.pdf import render_pdf
from rep_assistant.ui.workers.changes import Done, OpChanges


def _changes(draft: Draft) -> OpChanges:
    """An incident's record shows each use of its drafts; a draft about a lone flag adds only to the audit log."""
    return OpChanges(incidents=draft.incident_id is not None)


def record_use(draft: Draft, how: str, store: Store) -> Done[str]:
    record_draft_use(store, draft, how)
    return Done(how, _changes(draft))


def save_eml_draft(draft: Draft, path: Path, settings: Settings, *, attach: bool, redact: bool, store: Store) -> Done[Path]:
    """Write the .eml, with the incident's bundle attached when ``attach`` (masked when ``redact``)."""
    bundle = make_bundle(store, draft.incident_id, settings, render_pdf=render_pdf, redact=redact) if attach else None
    save_eml(store, draft, path, bundle)
    return Done(path, _changes(draft))
