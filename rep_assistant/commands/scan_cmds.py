"""Commands: scan, policy import|show|list, evaluate (issue: detection)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
