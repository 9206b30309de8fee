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

    banned = ("socket", "urllib.request", "http.client", "requests", "httpx", "ftplib", "smtplib",
              "PySide6.QtNetwork", "PySide6.QtWebEngine", "webbrowser", "ssl", "asyncio")
    pkg = Path(rep_assistant.__file__).parent
    for path in pkg.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else [])
            for name in names:
                assert not name.startswith(banned), f"{path.name} imports {name}"


def test_name_lookups_and_udp_are_refused_too() -> None:
    with pytest.raises(RuntimeError, match="name lookup"):
        socket.getaddrinfo("example.com", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock, pytest.raises(RuntimeError, match="network"):
        sock.sendto(b"x", ("127.0.0.1", 9))


def test_the_app_names_no_web_address() -> None:
    """Links the app opens are mailto: and local folders; an http(s) literal would be a way out."""
    import ast
    from pathlib import Path

    import rep_assistant

    for path in Path(rep_assistant.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "http://" not in node.value and "https://" not in node.value, f"{path.name}: {node.value[:80]}"
