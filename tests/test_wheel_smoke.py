"""The wheel a rep's installer would use works on its own: built, installed in a clean venv, run.

Why: an editable checkout hides packaging mistakes (a resource folder left out of the wheel, a
subpackage not listed, a dependency only the dev venv has). This builds the wheel, installs it
into a fresh virtual environment with no access to this checkout, and runs the command line,
the demo scan and an offscreen start of the window from there.

Slow (about a minute, most of it pip installing PySide6): deselect with ``-m "not slow"`` while
developing. pip fetches the dependencies through its normal configuration (index, find-links,
cache); when it cannot reach them, the test is skipped rather than failed.
"""

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from rep_assistant import __version__
from rep_assistant.core.demo import DEMO_EXPORT_NAME

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(cmd: list[str], *, env: dict[str, str] | None = None, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Built from a copy: setuptools writes build/ and *.egg-info into the tree it builds, and the
    # suite touches nothing outside temporary folders (the checkout may not even be writable).
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("rep_assistant", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    build = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out), str(source)], cwd=out)
    if build.returncode != 0 and "Could not find a version" in build.stderr + build.stdout:
        pytest.skip("pip could not fetch the build backend (setuptools); no package index reachable")
    assert build.returncode == 0, build.stderr
    (path,) = out.glob("rep_assistant-*.whl")
    return path


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv (no system site-packages) with only the wheel and its dependencies."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True, clear=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    install = _run([str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=env_dir)
    if install.returncode != 0 and ("Could not find a version" in install.stderr or "No matching distribution" in install.stderr):
        pytest.skip("pip could not fetch the app's dependencies; no package index reachable")
    assert install.returncode == 0, install.stderr
    return bindir


def _app_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(REP_ASSISTANT_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def test_wheel_ships_the_resources_and_nothing_else(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (f"rep_assistant/resources/demo/{DEMO_EXPORT_NAME}", "rep_assistant/resources/help/export.md",
                   "rep_assistant/resources/icons/app.svg", "rep_assistant/resources/policies/model.json",
                   "rep_assistant/core/demo.py", "rep_assistant/ui/welcome.py"):
        assert needed in names, needed
    assert not [n for n in names if n.startswith(("tests/", "packaging/", "scripts/", "bench/"))]


def test_installed_command_line_runs_from_a_clean_venv(installed: Path, tmp_path: Path) -> None:
    app = str(installed / "rep-assistant")
    version = _run([app, "--version"], env=_app_env(tmp_path / "home"), cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"rep-assistant {__version__}", version.stderr
    scan = _run([app, "scan", "--demo"], env=_app_env(tmp_path / "home"), cwd=tmp_path)
    assert scan.returncode == 0, scan.stderr
    assert "threat" in scan.stdout and "late-night" in scan.stdout
    where = _run([str(installed / "python"), "-c", "import rep_assistant; print(rep_assistant.__file__)"],
                 env=_app_env(tmp_path / "home"), cwd=tmp_path)
    assert str(installed.parent) in where.stdout, "the venv's copy, not this checkout, was tested"


def test_installed_window_starts_offscreen_on_the_demo(installed: Path, tmp_path: Path) -> None:
    start = _run([str(installed / "rep-assistant"), "--demo", "--quit-after", "4"], env=_app_env(tmp_path / "home"),
                 cwd=tmp_path, timeout=120)
    assert start.returncode == 0, start.stderr
    assert "window shown (Maple Class Parents" in start.stdout and "chat None" not in start.stdout, start.stdout
