"""Dates the rep types: a typo is a sentence, not a silent empty list or an endless snooze."""

import pytest

from rep_assistant.core import when
from rep_assistant.core.errors import RepError


def test_a_bare_until_date_includes_that_whole_day() -> None:
    assert when.until_bound("2025-11-20") == ("<", "2025-11-21T00:00:00")
    assert when.until_bound("2025-11-20T07:30") == ("<=", "2025-11-20T07:30:00")


def test_times_are_put_in_the_stored_shape() -> None:
    assert when.moment("2025-11-20") == "2025-11-20T00:00:00"
    assert when.moment(" 2025-11-20 07:00 ") == "2025-11-20T07:00:00"


@pytest.mark.parametrize("typo", ["2025-13-01", "tomorow", "20/11/2025", ""])
def test_a_typo_is_one_sentence(typo: str) -> None:
    with pytest.raises(RepError, match="is not a date; give YYYY-MM-DD"):
        when.moment(typo)
    with pytest.raises(RepError, match="is not a date"):
        when.until_bound(typo)
