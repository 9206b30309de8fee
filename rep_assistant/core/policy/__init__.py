"""Policies as data: clauses of a school's code of conduct mapped to the 18 categories."""

from rep_assistant.core.policy.categories import CATEGORIES, CATEGORY_IDS, Category, rank_of
from rep_assistant.core.policy.document import parse_policy_text
from rep_assistant.core.policy.gaps import CHOICES as GAP_CHOICES
from rep_assistant.core.policy.gaps import CoverageRow, coverage, set_gap
from rep_assistant.core.policy.library import (
    DEFAULT_POLICY_ID,
    ImportResult,
    active_policy,
    active_policy_id,
    import_policy_document,
    import_policy_file,
    import_policy_text,
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
    "GAP_CHOICES",
    "Category",
    "Clause",
    "CoverageRow",
    "ImportResult",
    "Policy",
    "active_policy",
    "active_policy_id",
    "coverage",
    "import_policy_document",
    "import_policy_file",
    "import_policy_text",
    "list_policies",
    "list_policy_ids",
    "load_policy",
    "parse_policy_text",
    "rank_of",
    "save_policy",
    "set_gap",
    "suggest_categories",
]
