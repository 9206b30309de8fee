"""Commands: incident, members, member warn|remove|readmit, draft, bundle (issue: acting on a breach)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
