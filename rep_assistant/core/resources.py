"""Packaged runtime files, resolved through importlib.resources.

Paths are relative to the resources package; absolute paths and '..' are refused
(qutebrowser's utils/resources.py), so nothing outside the package can be read this way.
"""

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def _root() -> Traversable:
    try:
        return resources.files("rep_assistant.resources")
    except ModuleNotFoundError:
        # A source checkout on sys.path ahead of the installed mapping: the folder itself.
        return Path(__file__).resolve().parents[2] / "resources"


def resource(relative: str) -> Traversable:
    parts = relative.replace("\\", "/").split("/")
    if relative.startswith("/") or ".." in parts:
        raise ValueError(f"resource paths are relative and stay inside the package: {relative!r}")
    node = _root()
    for part in parts:
        node = node / part
    return node


def read_text(relative: str) -> str:
    return resource(relative).read_text(encoding="utf-8")


def read_bytes(relative: str) -> bytes:
    return resource(relative).read_bytes()
