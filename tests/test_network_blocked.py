"""The suite refuses network sockets, so any code path that tries one fails loudly."""

import socket

import pytest


def test_outbound_connection_is_refused() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(RuntimeError, match="network"):
        sock.connect(("127.0.0.1", 9))


def test_no_module_of_the_app_imports_network_libraries() -> None:
    import ast
    from pathlib import Path

    import rep_assistant

    banned = ("socket", "urllib.request", "http.client", "requests", "httpx", "ftplib", "smtplib")
    pkg = Path(rep_assistant.__file__).parent
    for path in pkg.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert not name.startswith(banned), f"{path.name} imports {name}"
