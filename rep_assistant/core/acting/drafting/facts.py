"""The sentences of a draft that state a fact, each derived from what the store has recorded.

A draft the rep sends in their own name must never say something the record does not show:
"the school knows" only when a school notification was prepared and used (or the incident was
marked reported), "I have removed you" only when the register shows the removal, "I wrote to
you before" only when a warning is in the register. Each function here answers one such
question and returns the sentence for either answer, so a test can check both.
"""

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

import regex

from rep_assistant.core import resources
from rep_assistant.core.acting.register import member_events, standing
from rep_assistant.core.policy.categories import CATEGORIES
from rep_assistant.core.policy.facts import escalation_route
from rep_assistant.core.policy.library import DEFAULT_POLICY_ID
from rep_assistant.core.store import Store

#: Categories whose drafts must be firm and calm: nothing that plays down what was posted.
FIRM_CATEGORIES = frozenset({"threat", "defamation", "abuse"})
#: Uses of a school notification that mean the rep passed it to the school (see drafts.USES).
_SENT = ("draft.copied", "draft.mailto", "draft.eml")


def tone_for(rows: Sequence[dict[str, Any]]) -> str:
    """'firm' if any flag is a threat, defamation or abuse; 'light' if every flag is advisory; else 'standard'."""
    categories = {r["category"] for r in rows}
    if categories & FIRM_CATEGORIES:
        return "firm"
    if rows and all(r["severity"] == "advisory" for r in rows):  # the policy's call: a late-night post, a run of tiny ones
        return "light"
    return "standard"


def most_serious(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The flag a private message is about: the highest-ranked category, the oldest message among equals."""
    ranked = [(CATEGORIES[r["category"]].rank if r["category"] in CATEGORIES else 0, -i) for i, r in enumerate(rows)]
    return rows[-max(ranked)[1]]


@cache
def _reasons() -> dict[str, str]:
    data = json.loads(resources.read_text("templates/reasons.json"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def why_it_matters(category: str) -> str:
    """One sentence on why the guideline matters, about the guideline and never about the poster."""
    return _reasons().get(category, "The group's guidelines keep it a friendly and useful place for every family.")


def guidelines_phrase(policy_id: str, school_name: str) -> str:
    """'the group's guidelines agreed with <school>' only for a policy the rep imported and a school that is named.

    The built-in model policy was never agreed with anyone's school, so saying so would be untrue.
    """
    if policy_id != DEFAULT_POLICY_ID and not policy_id.startswith("builtin:") and school_name:
        return f"the group's guidelines agreed with {school_name}"
    return "the group's guidelines"


def school_was_told(store: Store, incident: dict[str, Any] | None) -> bool:
    """Whether the record shows the school was told: a school notification used, or the incident marked reported."""
    for action in (incident or {}).get("actions", []):
        if action["action"] in _SENT and action["details"] == "school-notification":
            return True
        if action["action"] == "status" and action["details"].endswith("reported"):
            return True
    return False


def school_sentence(told: bool, school_contact: str) -> str:
    """``school_contact`` may be empty (nothing in Settings): the sentence then names no address."""
    contact = f": {school_contact}" if school_contact else ""
    if told:
        return f"I have let the school know, and they are the best people to talk it through with{contact}."
    return f"If you would like to talk it through, the school is the right place{contact}."


def route(school_escalation: str) -> str:
    """Who the school's code says concerns go to, from the confirmed setting ("" when Settings hold none)."""
    return escalation_route(school_escalation) if school_escalation.strip() else ""


def _names_someone(route: str) -> bool:
    """A route more particular than the school as a whole ("the class teacher", not "the school")."""
    return bool(route) and not regex.fullmatch(r"(?:the |your )?(?:school|college|academy)(?: office)?", route, regex.I)


def concerns_sentence(route: str, school_contact: str) -> str:
    """Where a concern behind a post should go: the code's own route when Settings hold one, else the school,
    with the school's confirmed contact in brackets when there is one."""
    if route:
        contact = f" (school contact: {school_contact})" if school_contact else ""
        return f"as the school's code asks, please take it to {route}{contact}."
    contact = f" ({school_contact})" if school_contact else ""
    return f"please take it to the school directly{contact}."


def greeting(school_name: str) -> str:
    """The notification's salutation: the school named only when Settings name it."""
    return f"Dear leadership team at {school_name}," if school_name else "Dear leadership team,"


def passing_on_sentence(route: str) -> str:
    """Said to the school only when the code names someone in particular; empty otherwise (the line disappears)."""
    if not _names_someone(route):
        return ""
    return f"As the school's code asks, I am passing this to {route}; please forward it if someone else should see it."


def removed_from_group(store: Store, member_id: int | None) -> bool:
    """Whether the register's latest move for the member is a removal (by the rep here or in WhatsApp)."""
    if member_id is None:
        return False
    place, last = standing(store, member_id)
    return place == "out" and last is not None and last["kind"] == "removal"


def removal_sentence(removed: bool) -> str:
    return "I have removed you from the group" if removed else "I am removing you from the group"


def earlier_warning(store: Store, member_id: int | None) -> str | None:
    """The time of the first warning the register holds for the member, if any."""
    if member_id is None:
        return None
    warnings = [e for e in member_events(store, member_id=member_id) if e["kind"] == "warning"]
    return warnings[0]["at"] if warnings else None


def warning_sentence(warned_at: str | None, nice_date: str) -> str:
    """Empty without a recorded warning: the template's line then disappears."""
    if warned_at is None:
        return ""
    return f"I wrote to you privately on {nice_date} about keeping to the group's guidelines."
