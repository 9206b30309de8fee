"""The core must never import Qt or the UI: the CLI and tests run it without a display."""

import ast
from pathlib import Path

import rep_assistant.core

FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "rep_assistant.ui")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_or_ui() -> None:
    core = Path(rep_assistant.core.__file__).parent
    offenders = {
        str(path.relative_to(core)): sorted(n for n in imported_modules(path) if n.startswith(FORBIDDEN))
        for path in core.rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"core modules importing Qt/UI: {offenders}"
    assert len(list(core.rglob("*.py"))) > 5


def test_the_border_check_sees_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport rep_assistant.ui.app\n", encoding="utf-8")
    assert {n for n in imported_modules(bad) if n.startswith(FORBIDDEN)} == {"PySide6.QtCore", "rep_assistant.ui.app"}
