"""The bundled demo chat is a believable Android export of made-up people, and it materializes safely.

Why these checks: the demo ships to every rep, so it must never contain a real-looking phone
number, e-mail or address, and it must exercise the shapes the importer meets in real exports.
"""

import re

import pytest

from rep_assistant.core import demo, paths, resources

HEADER = re.compile(r"^(\d\d)/(\d\d)/(\d{4}), (\d\d):(\d\d) - (.*)$")


@pytest.fixture(scope="module")
def demo_lines() -> list[str]:
    return resources.read_text(f"demo/{demo.DEMO_EXPORT_NAME}").splitlines()


def _messages(lines: list[str]) -> list[str]:
    """Header lines with their continuation lines joined, as an Android export is read."""
    messages: list[str] = []
    for line in lines:
        if HEADER.match(line):
            messages.append(line)
        else:
            assert messages, "the export starts with a header line"
            messages[-1] += "\n" + line
    return messages


def test_demo_is_a_two_week_android_24h_export(demo_lines: list[str]) -> None:
    messages = _messages(demo_lines)
    assert 120 <= len(messages) <= 200
    days = {HEADER.match(m.split("\n")[0]).group(1, 2, 3) for m in messages}
    assert 10 <= len(days) <= 20
    assert any("\n" in m for m in messages), "a multi-line message"
    assert any(m.endswith("<This message was edited>") for m in messages)
    assert sum(m.endswith(": <Media omitted>") for m in messages) >= 2
    bodies = [HEADER.match(m.split("\n")[0]).group(6) for m in messages]
    for event in (" added ", " removed ", " left", " joined using this group's invite link"):
        assert any(": " not in b and event in b for b in bodies), event


def test_demo_only_has_made_up_contact_details(demo_lines: list[str]) -> None:
    text = "\n".join(demo_lines)
    for number in re.findall(r"(?:\+44 ?|0)7\d{3} ?\d{6}", text):
        assert re.fullmatch(r"(?:\+44 ?|0)7700 ?900\d{3}", number), number
    for email in re.findall(r"[\w.+-]+@[\w.-]+", text):
        assert email.endswith("@example.com"), email
    for landline in re.findall(r"\b01\d{3} ?\d{6}\b", text):
        assert landline.startswith("01632 960"), landline  # Ofcom's drama range
    for url in re.findall(r"https?://\S+", text):
        assert re.match(r"https?://[\w.-]*example\.(com|org)/", url), url


def test_demo_export_is_materialized_privately_beside_its_own_store(private_home) -> None:
    export = demo.demo_export_path()
    assert export.read_bytes() == resources.read_bytes(f"demo/{demo.DEMO_EXPORT_NAME}")
    assert export.name == demo.DEMO_EXPORT_NAME
    assert demo.demo_db_path().parent == export.parent == paths.data_dir() / "demo"
    assert demo.demo_db_path() != paths.default_db_path()
    export.write_text("tampered", encoding="utf-8")
    assert demo.demo_export_path().read_bytes() == resources.read_bytes(f"demo/{demo.DEMO_EXPORT_NAME}")
