"""Policies as data: clauses of a school's code of conduct mapped to the 18 categories."""

from rep_assistant.core.policy.categories import CATEGORIES, CATEGORY_IDS, Category, rank_of
from rep_assistant.core.policy.document import parse_policy_text
from rep_assistant.core.policy.library import (
    DEFAULT_POLICY_ID,
    active_policy,
    active_policy_id,
    import_policy_document,
    list_policies,
    list_policy_ids,
    load_policy,
    save_policy,
)
from rep_assistant.core.policy.model import Clause, Policy
from rep_assistant.core.policy.suggest import suggest_categories

__all__ = [
    "CATEGORIES",
    "CATEGORY_IDS",
    "DEFAULT_POLICY_ID",
    "Category",
    "Clause",
    "Policy",
    "active_policy",
    "active_policy_id",
    "import_policy_document",
    "list_policies",
    "list_policy_ids",
    "load_policy",
    "parse_policy_text",
    "rank_of",
    "save_policy",
    "suggest_categories",
]
