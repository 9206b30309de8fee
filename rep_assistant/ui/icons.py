"""SVG icons from resources/icons, loaded through importlib.resources.

Why SVG files through QIcon(path): Qt's SVG icon engine renders them at whatever size and
device pixel ratio the screen asks for, so they stay sharp on HiDPI displays.
"""

import contextlib
from functools import cache
from importlib import resources as importlib_resources

from PySide6.QtGui import QIcon

from rep_assistant.core import resources

_files = contextlib.ExitStack()


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (a missing name is a bug and raises)."""
    node = resources.resource(f"icons/{name}.svg")
    if not node.is_file():
        raise FileNotFoundError(f"no icon called {name!r}")
    path = _files.enter_context(importlib_resources.as_file(node))
    return QIcon(str(path))
