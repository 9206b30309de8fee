"""Commands: parse, import, chats, messages (issue: chat import)."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to the top-level parser."""
