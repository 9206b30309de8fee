"""Blind held-out sets, and the general gaps they showed, held so that they stay fixed.

``blind_*.jsonl`` were written without looking at the rules, but the old phrase catalogue was
then fitted to them (most of its idioms came from these sets), so their scores are no longer
evidence. Rules are now general families in resources/rules/; these sets keep only a guard:
benign traps stay clean (the false-alarm ceilings), and recall does not collapse (a low floor).
Chats written outside the team (../shared/corpus) are what measure detection.
"""

from pathlib import Path

import pytest

from rep_assistant.core.detection.evaluation import predict, read_labels, score
from rep_assistant.core.detection.rules import Message, detect
from rep_assistant.core.policy import load_policy

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled"

#: file -> (minimum breach recall, maximum false alarms on benign messages)
FLOORS = {"blind_1.jsonl": (0.75, 0.01), "blind_2.jsonl": (0.6, 0.02), "blind_3.jsonl": (0.75, 0.02),
          "blind_4.jsonl": (0.55, 0.02)}


def _cats(text: str, author: str = "Parent") -> set[str]:
    return {f.category for f in detect([Message(1, "2025-01-06T10:00", author, text)])}


@pytest.mark.parametrize("name", sorted(p.name for p in LABELLED.glob("blind_*.jsonl")))
def test_blind_sets_do_not_regress(name: str) -> None:
    rows = read_labels(LABELLED / name)
    report = score(rows, predict(rows, load_policy("builtin:model")))
    recall, false_alarms = FLOORS[name]
    assert report.breach_recall >= recall
    assert report.false_alarm_rate <= false_alarms


def test_names_need_not_be_ascii() -> None:
    assert {"individual-child", "personal-data"} <= _cats("Oisín has an EHCP now for his autism")
    assert "individual-child" in _cats("Saoirse was crying at pick up, Siobhán's boy had been horrible to her")


def test_staff_named_by_role() -> None:
    assert "defamation" in _cats("The PTA treasurer helped herself to the summer fair takings")
    assert "private-correspondence" in _cats("Look at the email the SENDCo sent me about the review")
    assert "private-correspondence" in _cats("this is what the TA texted me privately")


def test_plainer_complaints_and_sarcasm_about_the_school() -> None:
    assert "grievance" in _cats("Not impressed that Mr Jankowski kept the whole class in at break")
    assert "grievance" in _cats("They never tell us anything until the last minute, so frustrating")
    assert "grievance" in _cats("another inset day with 3 days notice, thanks school 🙄")
    assert _cats("Oh great, it's raining on sports day again 🙄") == set()
    assert _cats("I can't believe how well the kids did in the show") == set()
    assert _cats("Second time lucky for the raffle!") == set()


def test_sourced_news_and_generic_subjects_are_not_accusations() -> None:
    assert _cats("I heard from the office this morning, letters go out Monday") == set()
    assert "rumour" in _cats("Poppy's been excluded for a day apparently")
    assert "rumour" in _cats("Heard through the grapevine that Mrs Oduya got a written warning")
    assert _cats("Anyone voting Reform is a racist, simple as") == {"political"}
    assert "defamation" in _cats("Kayla's dad deals drugs outside the chippy")


def test_calls_to_run_down_or_defy_the_school() -> None:
    assert "disrepute" in _cats("If you've got a younger one, do NOT send them here")
    assert "disrepute" in _cats("I'm moving mine to St Bride's at Easter, you lot should too while you still can")
    assert _cats("The Mumsnet thread on packed lunch ideas is genuinely useful") == set()
    assert "policy-challenge" in _cats("Honestly just take them out for the holiday, the fine is cheaper than the flights")
    assert _cats("That's fine, the fine weather is back") == set()


def test_threats_without_the_usual_words() -> None:
    assert "threat" in _cats("Somebody should slash the tyres of whoever parks on the zigzags")
    assert "threat" in _cats("Watch yourself Kerry-Ann, I've screenshotted everything")
    assert "threat" in _cats("The office will regret ignoring me, trust me")
    assert _cats("Watch yourself on the ice this morning") == set()
    assert _cats("It won't be pretty but the cake tastes great") == set()


def test_innocent_uses_of_new_words() -> None:
    for text in ("Bring an old bag for forest school", "The government's new free school meals scheme starts in April",
                 "Rumour has it there's cake in the staff room", "Happy to help with the PTA fundraising for the school library"):
        assert _cats(text) == set(), text


def test_a_question_without_a_question_mark_still_gets_a_dont_know_reply() -> None:
    msgs = [Message(1, "2025-01-06T10:00", "A", "anyone know if the flu spray is this week"),
            Message(2, "2025-01-06T10:02", "B", "no clue hun")]
    assert [f.category for f in detect(msgs)] == ["dont-know"]


def test_places_and_oneself_are_not_targets() -> None:
    assert _cats("The traffic on Station Road is an absolute joke this morning") == set()
    assert _cats("We had fish and chips in Shitterton! It's in Dorset") == set()
    assert _cats("I'm so annoyed at myself, forgot the cakes again") == set()


def test_idioms_leave_everyday_uses_alone() -> None:
    for text in ("Heard back from the office, all sorted", "Someone from the office told me the trip is still on",
                 "I'll pay the fine for the overdue library book", "You'd better watch out, nits are going round!",
                 "Mr Cox beats the kids at chess every week", "PTA: £2 off uniform at the rail this week",
                 "Thanks, I'll find you at the gate with the cake", "Ours is struggling with fractions, any tips?",
                 "They say the weather will be nice for sports day", "I'm hearing good things about the new head"):
        assert _cats(text) == set(), text
    assert "anger" not in _cats("Hassan's been moved down a reading group, his mum is livid")
    assert "defamation" not in _cats("Tobi has been hitting kids at lunch all week")
