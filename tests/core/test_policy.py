"""Policies as data: the built-in model code, importing a school's own text, loading and saving."""

import json
from pathlib import Path

import pytest

from rep_assistant.core.errors import PolicyError
from rep_assistant.core.policy import (
    CATEGORIES,
    CATEGORY_IDS,
    Policy,
    import_policy_document,
    list_policies,
    load_policy,
    parse_policy_text,
    suggest_categories,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "policies"


def test_categories_are_the_eighteen_of_the_taxonomy() -> None:
    assert len(CATEGORY_IDS) == 18
    assert CATEGORIES["threat"].rank > CATEGORIES["abuse"].rank > CATEGORIES["late-night"].rank
    assert {c.kind for c in CATEGORIES.values()} == {"content", "behaviour"}
    assert all(c.meaning.endswith((".", "!", "?")) for c in CATEGORIES.values())


def test_builtin_model_covers_every_category_with_its_own_clause() -> None:
    model = load_policy("builtin:model")
    assert model.covered == frozenset(CATEGORY_IDS)
    for cat in CATEGORY_IDS:
        clause = model.clause_for(cat)
        assert clause is not None and clause.categories[0] == cat
        assert clause.kind == CATEGORIES[cat].default


def _rule_bullets(text: str) -> list[str]:
    return [line.lstrip("-· \t").rstrip(";").strip() for line in text.splitlines() if line.strip().startswith(("-", "·"))]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["000_2a6c7f430bb33a8a.txt", "002_70ea268ee06e98f5.txt", "003_d0256b81e0f4abf9.txt"])
def test_every_bullet_of_a_shared_policy_is_its_own_clause(shared_dir: Path, name: str) -> None:
    text = (shared_dir / "policies" / name).read_text(encoding="utf-8")
    policy = parse_policy_text(text, policy_id="x")
    clause_texts = [c.text for c in policy.clauses]
    for bullet in _rule_bullets(text):
        first_words = " ".join(bullet.split()[:6]).strip("“”")
        assert any(first_words in c for c in clause_texts), bullet
    assert not any("[bookmark" in c or c.startswith(("·", "-")) for c in clause_texts)


@pytest.mark.shared
def test_policies_differ_in_what_they_cover(shared_dir: Path) -> None:
    homerton = parse_policy_text((shared_dir / "policies" / "000_2a6c7f430bb33a8a.txt").read_text(encoding="utf-8"), policy_id="h")
    eanswythe = parse_policy_text((shared_dir / "policies" / "002_70ea268ee06e98f5.txt").read_text(encoding="utf-8"), policy_id="e")
    iqra = parse_policy_text((shared_dir / "policies" / "003_d0256b81e0f4abf9.txt").read_text(encoding="utf-8"), policy_id="i")
    assert homerton.school == "Homerton Early Years Centre"
    assert {"offensive-language", "abuse", "personal-data", "individual-child", "grievance"} <= homerton.document_covered
    assert not {"political", "private-conversation", "commercial", "threat"} & homerton.document_covered
    arrangements = [c for c in homerton.clauses if c.text == "Make social or practical arrangements together"]
    assert arrangements and all(c.categories == () and c.kind == "info" for c in arrangements)
    assert {"political", "private-conversation", "threat", "defamation", "disrepute", "policy-challenge"} <= eanswythe.document_covered
    assert eanswythe.clause_for("private-conversation").text.startswith("The group should not be used for private conversations")
    assert {"private-correspondence", "commercial"} <= iqra.document_covered
    sanctions = [c for c in iqra.clauses if "libellous or slanderous" in c.text]
    assert sanctions and all(not c.categories for c in sanctions), "what the school does after a breach is not a rule"


def test_school_numbering_is_kept_and_categories_suggested() -> None:
    policy = parse_policy_text((DATA / "numbered_policy.txt").read_text(encoding="utf-8"), policy_id="oak")
    by_id = {c.id: c for c in policy.clauses}
    assert by_id["2.1"].categories == ("offensive-language",)
    assert by_id["2.2"].categories == ("personal-data",)
    assert by_id["2.3"].categories == ("commercial",)
    assert by_id["1.1"].categories == () and by_id["3.1"].categories == ()
    assert policy.school == "Oakfield Primary School"


@pytest.mark.parametrize(("text", "expected"), [
    ("Please do not post rumours or gossip about other families", ("rumour",)),
    ("Never use the group for political debate", ("political",)),
    ("Do not share screenshots of private emails from staff", ("private-correspondence",)),
    ("Make social or practical arrangements together", ()),
    # The variety real schools write in: curly quotes, no "should", other words for the same thing.
    ("Don’t post between 9pm–7am unless it’s urgent", ("late-night",)),
    ("Avoid spreading lies or unsubstantiated claims about staff", ("defamation",)),
    ("No canvassing or party campaigns in the group", ("political",)),
    ("Never urge others to leave bad reviews of the school online", ("disrepute",)),
    ("Keep it kind: no mocking or belittling other parents", ("abuse",)),
    ("Move one-to-one chats to direct messages", ("private-conversation",)),
    ("Post your message in one go rather than as a series of short messages", ("fragmented",)),
    ("Please review these guidelines each September", ()),
    ("The school may report threatening posts to the police", ()),
])

def test_suggest_categories_from_wording(text: str, expected: tuple[str, ...]) -> None:
    assert suggest_categories(text) == expected


@pytest.mark.parametrize(("text", "hours"), [
    ("No posting 9pm-7am please.", ("21:00", "07:00")),
    ("Avoid sending messages before 6.30 AM or after 8:00 PM.", ("20:00", "06:30")),
    ("Please do not post between 21:00 and 07:00.", ("21:00", "07:00")),
    ("Bring 3 to 5 cakes for the sale.", None),
])
def test_quiet_hours_read_from_a_clause(text: str, hours: tuple[str, str] | None) -> None:
    from rep_assistant.core.policy.facts import quiet_hours

    assert quiet_hours(text) == hours


def test_import_saves_an_editable_file_that_loads_again(private_home: Path) -> None:
    policy = import_policy_document(DATA / "numbered_policy.txt", name="Oakfield Primary")
    assert policy.id == "oakfield-primary"
    stored = json.loads((private_home / "config" / "policies" / "oakfield-primary.json").read_text(encoding="utf-8"))
    stored["clauses"][1]["categories"] = ["offensive-language", "anger"]  # a rep's correction
    (private_home / "config" / "policies" / "oakfield-primary.json").write_text(json.dumps(stored), encoding="utf-8")
    again = load_policy("oakfield-primary")
    assert again.clause(stored["clauses"][1]["id"]).categories == ("offensive-language", "anger")
    assert [p.id for p in list_policies()] == ["builtin:model", "oakfield-primary"]


@pytest.mark.parametrize(("data", "message"), [
    ({"clauses": "nope"}, "not a policy file"),
    ({"clauses": [{"id": "1", "text": "x", "categories": ["swearing"]}]}, "unknown categories: swearing"),
    ({"clauses": [{"id": "1", "text": "a"}, {"id": "1", "text": "b"}]}, "appears twice"),
    ({"clauses": [{"id": "1", "text": ""}]}, "has no text"),
])
def test_bad_policy_files_get_one_sentence(data: object, message: str) -> None:
    with pytest.raises(PolicyError, match=message):
        Policy.from_dict(data, "policy.json")


def test_unknown_policy_and_unreadable_documents(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="There is no policy called nope"):
        load_policy("nope")
    with pytest.raises(PolicyError, match="no built-in policy"):
        load_policy("builtin:other")
    binary = tmp_path / "policy.txt"
    binary.write_bytes(b"\x00\x01\x02 not text \x00")
    with pytest.raises(PolicyError, match="not a document this app can read"):
        import_policy_document(binary)


def test_a_single_category_written_without_brackets_is_that_category() -> None:
    policy = Policy.from_dict({"clauses": [{"text": "Be kind to staff.", "categories": "abuse"}]}, "hand-edited.json")
    assert policy.clauses[0].categories == ("abuse",)
    with pytest.raises(PolicyError, match=r"unknown categories: abus\.$"):
        Policy.from_dict({"clauses": [{"text": "Be kind to staff.", "categories": "abus"}]}, "hand-edited.json")


def test_reimporting_a_newer_version_keeps_corrections_and_says_what_changed(tmp_path: Path, private_home: Path) -> None:
    from rep_assistant.core.policy import import_policy_file, set_gap

    first = tmp_path / "code-v1.txt"
    first.write_text("Elmwood Academy\nCode of conduct\n\n- Please do not swear in the group.\n- Do not post photos of children.\n"
                     "- Keep conversations about one family private.\n- Treat everyone with respect.\n", encoding="utf-8")
    v1 = import_policy_file(first).policy
    assert v1.id == "elmwood-academy"
    stored = private_home / "config" / "policies" / "elmwood-academy.json"
    data = json.loads(stored.read_text(encoding="utf-8"))
    keep = next(c for c in data["clauses"] if c["text"].startswith("Keep conversations"))
    keep["categories"], keep["kind"] = ["private-conversation"], "advisory"  # the rep's correction
    stored.write_text(json.dumps(data), encoding="utf-8")
    from rep_assistant.core.policy import save_policy

    save_policy(set_gap(load_policy("elmwood-academy"), "political", "off"))
    second = tmp_path / "code-v2.txt"
    second.write_text("Elmwood Academy\nCode of conduct\n\n- Please do not swear or use offensive language in the group.\n"
                      "- Do not post photos of children.\n- Keep conversations about one family private.\n"
                      "- Treat everyone with respect.\n- No selling or advertising.\n", encoding="utf-8")
    result = import_policy_file(second)
    assert result.previous is not None and result.previous.version == v1.version
    assert [c.text for c in result.added] == ["No selling or advertising."]
    assert [(a.text, b.text) for a, b in result.changed] == [("Please do not swear in the group.",
                                                             "Please do not swear or use offensive language in the group.")]
    assert result.corrections_kept == 1
    again = load_policy("elmwood-academy")
    assert next(c for c in again.clauses if c.text.startswith("Keep conversations")).categories == ("private-conversation",)
    assert again.gaps["political"] == "off" and "political" not in again.covered
    assert "commercial" in again.document_covered


@pytest.mark.parametrize(("text", "phone"), [
    ("Call the school office on 01632 960000.", "01632 960000"),
    ("Phone +44 (0)1632 960000 during school hours.", "+44 (0)1632 960000"),
    ("Ring the office: +44 7700 900456", "+44 7700 900456"),
    ("Founded in 1998, the school has 420 pupils.", None),
])
def test_the_school_phone_is_read_in_the_forms_schools_print_it(text: str, phone: str | None) -> None:
    from rep_assistant.core.policy.facts import school_facts

    assert school_facts(text, []).get("school_phone") == phone
