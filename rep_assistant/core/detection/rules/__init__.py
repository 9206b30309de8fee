"""Breach detection: declared rules over plain message records, one engine to run them."""

from rep_assistant.core.detection.rules.engine import DetectOptions, all_rules, detect
from rep_assistant.core.detection.rules.model import Finding, Hit, Message, Rule

__all__ = ["DetectOptions", "Finding", "Hit", "Message", "Rule", "all_rules", "detect"]
