"""Content rules as data: every file's examples, the derived prefilter, several labels per message, bad files.

The examples and counter-examples live beside each rule in resources/rules/*.toml, written
in the team's own words; this runs all of them, so adding a rule or a category is a data
change that brings its own test cases.
"""

import random

import pytest

from rep_assistant.core.detection.rules import Message, detect, triggers
from rep_assistant.core.detection.rules.data import _SENTENCE_BREAK, RuleDataError, alternatives, context_free, load, parse, sentence_bounds
from rep_assistant.core.detection.rules.text import Text

RULES = load()


def _cats(text: str, prefilter: bool = True) -> set[str]:
    return {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)], prefilter=prefilter)}


def _cases(attr: str) -> list[tuple[str, str]]:
    return [(rd.rule.id, text) for rd in RULES for text in getattr(rd, attr)]


def test_every_category_file_has_rules_with_examples() -> None:
    assert len({rd.file for rd in RULES}) >= 14
    missing = [rd.rule.id for rd in RULES if not rd.examples or not rd.counter_examples]
    assert missing == []


@pytest.mark.parametrize(("rule_id", "text"), _cases("examples"))
def test_each_example_is_found_by_its_rule_and_passes_the_prefilter(rule_id: str, text: str) -> None:
    rd = next(r for r in RULES if r.rule.id == rule_id)
    assert context_free(rd.rule, Text(text)) is not None
    assert rd.rule.category in _cats(text)  # through the engine, prefilter on


@pytest.mark.parametrize(("rule_id", "text"), _cases("counter_examples"))
def test_no_counter_example_is_found_by_its_rule(rule_id: str, text: str) -> None:
    rd = next(r for r in RULES if r.rule.id == rule_id)
    assert context_free(rd.rule, Text(text)) is None


def test_the_derived_prefilter_hides_nothing_on_every_example() -> None:
    for rd in RULES:
        for text in rd.examples + rd.counter_examples:
            assert _cats(text) == _cats(text, prefilter=False), (rd.rule.id, text)


def test_triggers_are_derived_from_the_words_every_match_needs() -> None:
    assert triggers.words(r"\bdisgrace(?:ful|d)\b") == {"disgraceful", "disgraced"}
    assert triggers.words(r"\bdisgrace(?:ful|d)") == {"disgr*"}  # no word end known: a prefix
    assert triggers.words(r"\bsorry\s+to\s+(?:moan|rant)\b") == {"moan", "rant"}
    assert triggers.words(r"\b(?:appalling|atrocious)\b") == {"appalling", "atrocious"}
    assert triggers.words(r"\w+ing") is None  # no word is certain: the rule runs on every message
    assert triggers.requirements(r"\bfor\s+no\s+reason\b")[0] == {"reason"}  # the rarest word first


def test_a_complaint_word_is_never_lost_to_a_trigger_list() -> None:
    """Hand-kept trigger lists drifted from their patterns; derived ones cannot."""
    for word in ("appalling", "atrocious", "disgraceful"):
        assert "grievance" in _cats(f"Mrs Ashdown's marking is {word}")


def test_patterns_are_split_into_alternatives_with_their_own_triggers() -> None:
    assert alternatives(r"\b(?:tell\s+us|warn\s+(?:them|us))\b") == [r"\b(?:tell\s+us)\b", r"\b(?:warn\s+(?:them|us))\b"]
    assert alternatives(r"(?:a)(?:b|c)") == [r"(?:a)(?:b|c)"]
    # A fragment used as the whole pattern ("{HEARSAY}") comes wrapped in a group of its own: split the same, so that a
    # rule reads the same whether its words are written in the rule or in a fragment.
    assert alternatives(r"(?:\b(?:tell\s+us|warn\s+(?:them|us))\b)") == alternatives(r"\b(?:tell\s+us|warn\s+(?:them|us))\b")
    assert alternatives(r"(?:x|y)z") == [r"(?:x|y)z"]


def test_one_message_can_breach_several_clauses() -> None:
    assert {"grievance", "offensive-language"} <= _cats("The way the school handled the trip is a f*cking joke")
    assert {"grievance", "anger"} <= _cats("Swimming cancelled AGAIN and nobody from the office even bothered to tell us!!!")
    assert {"grievance", "private-correspondence"} <= _cats("Pasting Mrs Ode's response below, still nothing done about the bullying")


def test_a_new_category_or_language_is_a_data_change() -> None:
    welsh = parse('''
category = "grievance"
[[rule]]
id = "grievance.welsh-test"
description = "A Welsh complaint about the school."
reason = "Airs a complaint ('{match}')"
patterns = ['\\b(?:siomedig|gwarthus)\\b']
requires = ['\\bysgol\\b']
examples = ["Mae'r ysgol yn gwarthus"]
counter_examples = ["Mae'r tywydd yn siomedig"]
''', "welsh-test.toml")
    rule = welsh[0].rule
    assert rule.triggers == {"siomedig", "gwarthus"}
    assert context_free(rule, Text("Mae'r ysgol yn gwarthus")) is not None
    assert context_free(rule, Text("Mae'r tywydd yn siomedig")) is None


def test_a_file_can_exempt_a_whole_message_from_its_rules() -> None:
    rules = parse('''
category = "commercial"
unless_message = ['{GROUP_RULES_TALK}']
[[rule]]
id = "commercial.exempt-test"
description = "Petitions."
reason = "Shares a petition ('{match}')"
patterns = ['\\bpetitions?\\b']
''', "exempt-test.toml")
    rule = rules[0].rule
    assert context_free(rule, Text("Sign the petition to save the library!")) is not None
    # The reminder may sit in another sentence than the match: the whole message is exempt.
    assert context_free(rule, Text("Thanks Gwen. Petitions are lovely but please keep them off the class chat x")) is None
    assert context_free(rule, Text("Sign my petition. Don't share this with the school though")) is not None


@pytest.mark.parametrize("text", [
    "Folks can we keep the chat for school stuff please, no more selling 🙂",
    "Just a gentle reminder that the school asks us not to post petitions or campaigns on here",
    "Ladies let's leave this one. If you're worried, talk to the teacher, not fair to discuss any child on the group",
    "Petitions about the council's library cuts are not allowed in this group, sorry Bev",
    "Shona love, petitions and campaigns can't go on here, sorry. You can share it on your status",
    "Could we leave the selling for the village Facebook page please? Thanks x",
])
def test_a_reminder_of_the_group_rules_is_not_the_breach_it_names(text: str) -> None:
    assert not _cats(text) & {"commercial", "political", "grievance", "individual-child", "disrepute"}


@pytest.mark.parametrize(("text", "says"), [
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\nreason = "r"\npatterns = ["{NOPE}"]\n', "unknown fragment {NOPE}"),
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\n', "needs patterns and a reason"),
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\ncheck = "nope"\n', "no check named 'nope'"),
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\nreason = "r"\npatterns = ["("]\n', "does not compile"),
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\nreason = "r"\npatterns = ["a"]\nabout = ["martian"]\n', "about 'martian'"),
    ('category = "x"\n[[rule]]\nid = "x.a"\ndescription = "d"\nreason = "r"\npatterns = ["a"]\nspelling = 1\n', "unknown keys"),
    ("category = ", "not valid TOML"),
    ('category = "x"\nunless_message = ["("]\n', "unless_message does not compile"),
    # A doubled backslash in a literal string matches a backslash, never a word's edge: it once hid a rule's own words.
    ("category = \"x\"\n[[rule]]\nid = \"x.a\"\ndescription = \"d\"\nreason = \"r\"\npatterns = ['a']\nrequires = ['\\\\bschool']\n",
     "is a backslash doubled"),
])
def test_a_broken_rules_file_is_named_in_one_sentence(text: str, says: str) -> None:
    with pytest.raises(RuleDataError, match=r"resources/rules/broken\.toml") as exc:
        parse(text, "broken.toml")
    assert says in str(exc.value)


@pytest.mark.parametrize("text", [
    "She came second at Crufts with our bitch puppy, so proud",  # dog showing, not name-calling
    "Wee Callum kicked the baw over the fence again, sorry Mrs Reid!",  # a ball in play
])
def test_a_dog_shows_word_and_a_ball_in_play_are_not_breaches(text: str) -> None:
    from rep_assistant.core.detection.rules import Message, detect

    found = {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)])}
    assert not found & {"abuse", "individual-child"}, found


def test_a_sentences_start_is_where_the_last_break_before_it_ends_read_from_the_whole_text_once() -> None:
    """sentence_bounds looks the breaks up instead of reading the text from its start each time; it must give what
    reading ``raw[:pos]`` from the start gives, a break cut short at ``pos`` and closing marks at the cut included."""
    def by_reading(raw: str, pos: int) -> tuple[int, int]:
        start = max((m.end() for m in _SENTENCE_BREAK.finditer(raw, 0, pos)), default=0)
        end = _SENTENCE_BREAK.search(raw, pos)
        return start, end.start() if end else len(raw)

    rnd = random.Random(12)
    for _ in range(20_000):
        raw = "".join(rnd.choice("ab .!?…\n\t") for _ in range(rnd.randint(0, 16)))
        pos = rnd.randint(0, len(raw))
        assert sentence_bounds(raw, pos) == by_reading(raw, pos), (raw, pos)


def test_a_pattern_set_off_by_a_picture_alone_wakes_only_where_there_is_one() -> None:
    # A pattern with no word to wake it ("🤡" at a grown-up) used to run on every message; now the mark #emoji,
    # which only a message with a picture carries, wakes it. The prefilter must still find what the full run finds.
    rules = parse('category = "abuse"\n[[rule]]\nid = "abuse.test-picture"\ndescription = "d"\nreason = "r"\n'
                  "patterns = ['''\\bfat\\s+cat\\b''', '''🤡''']\n", "abuse.toml", set())
    assert "#emoji" in rules[0].rule.triggers
    assert "#emoji" in Text("Mr Dunn on the gate again 🤡").token_set
    assert "#emoji" not in Text("Mr Dunn on the gate again").token_set
    text = "Mr Dunn on the gate again with his clipboard 🤡🤡"
    assert _cats(text) == _cats(text, prefilter=False)
