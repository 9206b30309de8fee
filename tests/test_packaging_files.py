"""The installers' files agree with the package: one APP_ID, the current version, valid icons.

Why: a desktop file whose Icon or StartupWMClass drifts from APP_ID gives a blank icon and a
second taskbar entry, and nothing at run time would notice.
"""

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from rep_assistant import APP_ID, APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"


def test_desktop_entry_names_the_app_id_and_claims_no_file_types() -> None:
    path = LINUX / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert (d["Type"], d["Icon"]) == ("Application", APP_ID)
    # On X11 Qt sets WM_CLASS to (program name, applicationName); docks match the class part.
    # (On Wayland the app id is setDesktopFileName(APP_ID), which matches the file name.)
    assert d["StartupWMClass"] == APP_NAME
    assert d["Exec"] == "rep-assistant --open %F"
    # No MIME claim: exports are plain text and zip files, and claiming those would offer the app
    # for every text and zip file (or make it their default); files come in by Open, drag or --open.
    assert "MimeType" not in d
    assert d["Categories"] == "Office;"  # one main category
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout


def test_metainfo_matches_the_package() -> None:
    path = LINUX / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("releases/release").get("version") == __version__, "add a <release> for the new version"
    if shutil.which("appstreamcli"):
        result = subprocess.run(["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_pyinstaller_spec_and_build_scripts_are_present_and_parse() -> None:
    spec = ROOT / "packaging" / "pyinstaller" / "rep-assistant.spec"
    compile(spec.read_text(encoding="utf-8"), str(spec), "exec")
    for script in ("freeze.sh", "linux/build.sh", "linux/install.sh", "linux/smoke.sh", "macos/build.sh", "windows/build.ps1"):
        assert (ROOT / "packaging" / script).is_file(), script
    if shutil.which("bash"):
        for script in ("freeze.sh", "linux/build.sh", "linux/smoke.sh", "macos/build.sh"):
            subprocess.run(["bash", "-n", str(ROOT / "packaging" / script)], check=True)


@pytest.mark.gui
def test_icons_render_from_the_svg_master(qapp, tmp_path: Path) -> None:
    import importlib.util

    from PySide6.QtGui import QImage

    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "packaging" / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)
    make_icons.main(tmp_path)
    for size in make_icons.PNG_SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank
    ico = (tmp_path / f"{APP_ID}.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, len(make_icons.ICO_SIZES))
    icns = (tmp_path / f"{APP_ID}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert not QImage(str(tmp_path / f"{APP_ID}.ico")).isNull()


def test_the_desktop_entry_command_line_parses_with_and_without_files() -> None:
    from rep_assistant.cli import build_parser

    entry = configparser.ConfigParser(interpolation=None)
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    program, *args = entry["Desktop Entry"]["Exec"].split()
    assert program == "rep-assistant"
    from_menu = build_parser().parse_args([a for a in args if a != "%F"])  # launched with no file
    assert from_menu.command is None and from_menu.open_files == []
    with_files = build_parser().parse_args([a for a in args if a != "%F"] + ["a.txt", "b.zip"])
    assert [p.name for p in with_files.open_files] == ["a.txt", "b.zip"]
