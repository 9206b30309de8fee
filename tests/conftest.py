"""Shared test setup.

- Qt runs offscreen (no display needed); pass --onscreen to watch a GUI test.
- Every test gets its own REP_ASSISTANT_HOME under tmp_path, so nothing touches real data.
- Network sockets are refused for the whole suite: the app must never need one.
- ``shared_dir`` finds ../shared (the team's fixtures) or skips the test cleanly.
"""

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("REP_ASSISTANT_SHARED", ROOT.parent / "shared"))
DATA = Path(__file__).resolve().parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show GUI tests on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["REP_ASSISTANT_NO_WELCOME"] = "1"  # run_gui starts straight away; tests/ui/test_welcome.py tests the welcome
    _block_network()
    # Hypothesis keeps examples and caches in .hypothesis/ under the working directory: the suite
    # writes nowhere but temporary folders, so it gets one of those for the session.
    from hypothesis.configuration import set_hypothesis_home_dir

    _HYPOTHESIS_HOME.append(tempfile.mkdtemp(prefix="rep-assistant-hypothesis-"))
    set_hypothesis_home_dir(_HYPOTHESIS_HOME[0])


_HYPOTHESIS_HOME: list[str] = []


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _HYPOTHESIS_HOME:
        shutil.rmtree(folder, ignore_errors=True)


class NetworkBlockedError(RuntimeError):
    """Raised when code under test tries to open a network connection."""


_NET_FAMILIES = {socket.AF_INET, socket.AF_INET6}


def _block_network() -> None:
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guard(sock: socket.socket, *args: object) -> None:
        if sock.family in _NET_FAMILIES:
            raise NetworkBlockedError(f"network connection attempted to {args[0]!r}")

    def connect(self: socket.socket, address: object) -> None:
        guard(self, address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(self, address)
        return real_connect_ex(self, address)

    real_sendto, real_getaddrinfo = socket.socket.sendto, socket.getaddrinfo

    def sendto(self: socket.socket, data: bytes, *rest: object) -> int:
        guard(self, rest[-1])  # UDP needs no connect()
        return real_sendto(self, data, *rest)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
        if host not in (None, "localhost", "127.0.0.1", "::1", b"localhost"):
            raise NetworkBlockedError(f"name lookup attempted for {host!r}")  # DNS goes out through libc
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("REP_ASSISTANT_HOME", str(home))
    return home


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture
def store(tmp_path: Path):
    from rep_assistant.core.store import Store

    s = Store(tmp_path / "store.sqlite3", actor="Test Rep")
    yield s
    s.close()
