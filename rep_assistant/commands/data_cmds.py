"""Commands: audit verify|list, purge, member export|erase, backup, restore (issue: data-controller duties)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
