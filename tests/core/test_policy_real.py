"""Real schools' published codes (tests/data/policies/real): what each covers is found, every
quote reads as the school meant it, and no clause number is invented."""

import pytest
import regex

from rep_assistant.core.detection.scan import explain
from rep_assistant.core.policy import Policy, parse_policy_text
from rep_assistant.core.policy.suggest import has_negation
from tests.core.policy_corpus import Labelled, labelled_documents, score

DOCS = labelled_documents()


def _policy(doc: Labelled) -> Policy:
    return parse_policy_text(doc.path.read_text(encoding="utf-8"), policy_id="x")


def test_the_fixture_set_is_broad_and_every_document_has_its_source() -> None:
    assert len(DOCS) >= 43
    assert all(d.source.startswith("http") for d in DOCS)
    assert {d.split for d in DOCS} == {"dev", "holdout"}


def test_categories_each_document_covers_are_found_over_the_whole_set() -> None:
    result = score(DOCS, lambda d: _policy(d).document_covered)
    assert result.recall >= 0.90 and result.precision >= 0.95, result


def test_held_out_documents_are_covered_too() -> None:
    result = score([d for d in DOCS if d.split == "holdout"], lambda d: _policy(d).document_covered)
    assert result.recall >= 0.90 and result.precision >= 0.90, result


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_no_invented_numbers_and_no_page_furniture(doc: Labelled) -> None:
    text = doc.path.read_text(encoding="utf-8")
    policy = _policy(doc)
    for clause in policy.clauses:
        if clause.number:  # the document prints this number before the clause
            assert regex.search(rf"(?m)^\s*\(?{regex.escape(clause.number)}[.)\s]", text), clause
        assert not regex.search(r"\bPage \d+ of \d+\b", clause.text)
    numbers = {c.number for c in policy.clauses if c.number}
    for cat in policy.covered:
        number, _, _, explanation = explain("A post", policy, cat)
        cited = explanation.split(" says:")[0]
        assert (number in numbers and f"clause {number} of" in cited) if number else "clause" not in cited, (cat, explanation)


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.name)
def test_every_quoted_rule_reads_as_a_prohibition_or_a_request(doc: Labelled) -> None:
    """A listed item alone ("Bringing the school into disrepute") would tell a parent the code asks for it:
    every clause a flag can cite either says what not to do, asks for something, or carries its lead-in."""
    policy = _policy(doc)
    for cat in policy.document_covered:
        quote = policy.clause_for(cat).text
        asks = regex.search(r"\b(?:should|must|please|agree|expect\w*|ask\w*|keep|be|use|move|post|treat|respect|raise|"
                            r"approach|follow|stay|limit|consider|only|require\w*|comply\w*|ensure|discuss|direct)\b", quote, regex.I)
        assert has_negation(quote) or asks or regex.search(r"inappropriate|unacceptable|tolerat|discourag", quote, regex.I), (cat, quote)


def test_listed_items_are_quoted_with_their_lead_in() -> None:
    brereton = _policy(next(d for d in DOCS if d.name == "brereton.txt"))
    quote = brereton.clause_for("disrepute").text
    assert quote == "Please note the school considers the following online activity inappropriate: Bringing the school into disrepute."
    _, _, _, explanation = explain("Posted that the school is a disgrace", brereton, "disrepute")
    assert "the code of conduct says: “Please note the school considers the following online activity inappropriate: Bringing" in explanation
    mount = _policy(next(d for d in DOCS if d.name == "mountpleasant.txt"))
    assert mount.clause_for("threat").text.startswith("The school considers the following examples to be inappropriate uses")
    # An item that says "not" itself needs no lead-in.
    greenfield = _policy(next(d for d in DOCS if d.name == "greenfieldgirls.txt"))
    assert greenfield.clause_for("grievance").text.startswith("They are NOT a facility to air grievances")


def test_the_most_specific_clause_wins_not_the_first() -> None:
    brereton = _policy(next(d for d in DOCS if d.name == "brereton.txt"))
    assert regex.search(r"(?i)bullying|abusive", brereton.clause_for("abuse").text)
    assert "mutual respect" not in brereton.clause_for("abuse").text  # the general clause loses to a specific one
    text = ("Code of conduct\n- Respect the ethos and values of the school and treat everyone kindly.\n"
            "- Do not post anything that would bring the school into disrepute, such as bad reviews.\n")
    assert "disrepute" in parse_policy_text(text, policy_id="x").clause_for("disrepute").text


def test_descriptions_and_sanctions_are_never_cited() -> None:
    mount = _policy(next(d for d in DOCS if d.name == "mountpleasant.txt"))
    sanctions = [c for c in mount.clauses if c.text.startswith(("Take legal advice", "Contact the Police"))]
    assert sanctions and all(not c.categories for c in sanctions)
    denbigh = _policy(next(d for d in DOCS if d.name == "denbighshire.txt"))
    assert denbigh.document_covered == frozenset() and denbigh.is_poor


def test_uncovered_categories_default_to_the_choice_that_loses_nothing() -> None:
    brereton = _policy(next(d for d in DOCS if d.name == "brereton.txt"))
    general = brereton.clause_for("rumour")
    assert general is not None and "mutual respect" in general.text  # the document's general clause
    model = brereton.clause_for("late-night")
    assert model is not None and model.kind == "advisory" and model.number == ""
    assert "the model code of conduct (advisory" in explain("Posted at 23:40", brereton, "late-night")[3]
    assert len(brereton.covered) == 18 and not brereton.is_poor


def test_among_equally_specific_clauses_the_flag_cites_the_one_about_what_the_message_did() -> None:
    patana = _policy(next(d for d in DOCS if d.name == "patana.txt"))
    assert "contact information" in patana.clause_for("personal-data", "Posts a parent's mobile number").text
    assert "photos" in patana.clause_for("personal-data", "Posts a picture of a child").text
    assert "contact information" in explain("Posts a parent's mobile number", patana, "personal-data")[3]


@pytest.mark.parametrize("doc", [d for d in DOCS if d.facts], ids=lambda d: d.name)
def test_school_facts_printed_in_the_document_are_read_right(doc: Labelled) -> None:
    """Labelled by hand (name, e-mail, phone as printed) before the importer ran on these documents."""
    facts = _policy(doc).facts
    expected = {f"school_{key}": value for key, value in doc.facts}
    assert {key: facts.get(key) for key in expected} == expected
