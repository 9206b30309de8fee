"""Polite drafts for acting on a breach: templates, safe field filling, and recording their use.

Templates are plain files (user copies override the built-ins of the same name, the Datasette
order) so a rep can reword them without touching code; filling them never executes anything.
"""

from rep_assistant.core.acting.drafting.drafts import BUILTIN_KINDS, Draft, create_draft, record_draft_use
from rep_assistant.core.acting.drafting.render import TemplateError, render
from rep_assistant.core.acting.drafting.templates import Template, available_kinds, load_template

__all__ = [
    "BUILTIN_KINDS",
    "Draft",
    "Template",
    "TemplateError",
    "available_kinds",
    "create_draft",
    "load_template",
    "record_draft_use",
    "render",
]
