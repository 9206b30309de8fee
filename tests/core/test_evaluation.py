"""The evaluation: grouped runs, per-category scores, and the dev-set bar."""

from pathlib import Path

import pytest

from rep_assistant.cli import main
from rep_assistant.core.detection.evaluation import predict, read_labels, score
from rep_assistant.core.policy import load_policy


def _row(labels: list[str], group: str | None = None) -> dict:
    return {"timestamp": "2025-01-06T10:00", "author": "A", "text": "x", "labels": labels, "group": group}


def test_a_flag_on_any_message_of_a_run_finds_it_and_the_others_are_not_false_alarms() -> None:
    rows = [_row(["fragmented"], "g"), _row(["fragmented"], "g"), _row(["fragmented"], "g"), _row([]), _row(["abuse"])]
    report = score(rows, {1: {"fragmented"}, 2: {"fragmented"}, 3: {"abuse"}})
    frag, abuse = report.per_category["fragmented"], report.per_category["abuse"]
    assert (frag.tp, frag.fp, frag.fn) == (1, 0, 0)
    assert (abuse.tp, abuse.fp, abuse.fn) == (0, 1, 1)
    assert report.false_alarm_rate == 1.0 and report.benign_units == 1
    assert report.breach_recall == 0.0


@pytest.mark.shared
def test_dev_set_meets_the_bar(shared_dir: Path) -> None:
    rows = read_labels(shared_dir / "eval" / "dev" / "labels.jsonl")
    report = score(rows, predict(rows, load_policy("builtin:model")))
    # The rules were tuned with this set in view, so its scores guard against regressions and
    # are not evidence of quality (the outside-written chats in ../shared/corpus are). A message
    # may now carry several categories (a complaint that swears), which this set, labelled one
    # category per message, counts as false alarms of the second: hence F1 0.7, not 0.8.
    assert report.breach_recall >= 0.9
    assert report.false_alarm_rate <= 0.03
    for cat, s in report.per_category.items():
        assert s.f1 >= 0.7, (cat, s)


@pytest.mark.shared
def test_command_prints_the_table(shared_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(shared_dir / "eval" / "dev" / "labels.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "breach recall" in out and "late-night" in out


def test_bad_labels_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "labels.jsonl"
    bad.write_text('{"timestamp": "2025-01-06T10:00", "author": "A", "text": "x", "labels": ["swearing"]}\n', encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    assert "unknown categories: swearing" in capsys.readouterr().err


@pytest.mark.parametrize("line", ["[1]", '{"author": "A", "text": "x"}', "{not json"])
def test_a_malformed_line_is_named_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str) -> None:
    bad = tmp_path / "labels.jsonl"
    bad.write_text('{"timestamp": "2025-01-06T10:00", "author": "A", "text": "x", "labels": []}\n' + line + "\n", encoding="utf-8")
    assert main(["evaluate", str(bad)]) == 2
    assert "Line 2 of the labels file" in capsys.readouterr().err


def test_a_flags_file_without_categories_is_a_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text('{"timestamp": "2025-01-06T10:00", "author": "A", "text": "x", "labels": []}\n', encoding="utf-8")
    flags = tmp_path / "flags.jsonl"
    flags.write_text('{"timestamp": "2025-01-06T10:00", "author": "A", "text": "x"}\n', encoding="utf-8")
    assert main(["evaluate", str(labels), "--flags", str(flags)]) == 2
    assert "Line 1 of the flags file" in capsys.readouterr().err
