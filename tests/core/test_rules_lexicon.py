"""Offensive language: disguised swearing is caught, UK homographs and place names are not."""

import pytest

from rep_assistant.core.detection.rules import Message, detect
from rep_assistant.core.detection.rules.lexicon import profanity


def _offensive(text: str) -> list[str]:
    findings = detect([Message(1, "2025-01-06T10:00", "Parent", text)])
    return [f.summary for f in findings if f.category == "offensive-language"]


@pytest.mark.parametrize("text", [
    "What the f*ck is this", "a f**king joke", "this sh!t weather", "sh1t", "f.u.c.k off", "f u c k i n g traffic",
    "fuuuuuck", "b*llocks to that", "b0ll0cks", "wtf is going on", "ffs not again", "oh f*** I forgot", "s.h.i.t I forgot",
    "absolute shitshow", "Bloody hell", "Crap, forgot the form", "p*ss off", "what a tw@t", "F-U-C-K me",
    "what a c*ck", "total pr*ck", "fu@k me", "f-ing hell", "a-hole driver", "fookin rain", "kurwa, forgot it", "what a bell end",
])
def test_disguised_and_british_swearing_is_found(text: str) -> None:
    assert _offensive(text), text


@pytest.mark.parametrize("text", [
    "The Scunthorpe trip", "Penistone", "Cockermouth for the weekend", "Dick Whittington panto", "spotted dick and custard",
    "a blue tit and two great tits", "Mr Cox says hi", "faggots and peas for tea", "the peacock at the farm", "cocktail evening",
    "reading assessment", "a therapist for anxiety", "grapes in the lunchbox", "off to Sussex", "data analysis",
    "shiitake mushrooms", "a bloody nose after PE", "hoe down theme", "door knob", "Knob of butter", "bus number 69",
    "Gay Gordons at the ceilidh", "Willy Wonka costume", "sex education letter", "the nativity ass's ears", "classic passion",
    "assure", "Bumgardner", "it's 4pm at the 3rd gate", "see www.example.com/terms", "mrs.smith@example.com", "pussy willow",
    "peanut nut butter", "Hooray!!!", "the cock crowed", "a photo by the Bell End sign", "effing and blinding at the ref",
    "a batch of scones", "the bitch and her pups", "Mr Pratt on the gate", "7ish at the pub?", "roads shut from 1ish",
])
def test_homographs_and_innocent_words_are_not(text: str) -> None:
    assert _offensive(text) == [], text


def test_spans_point_at_the_disguised_word() -> None:
    text = "honestly, what the f*ck happened"
    lower = text.lower()
    hits = profanity().scan(lower, lower.replace(",", " ").split())
    assert [text[h.start:h.end] for h in hits] == ["f*ck"]


def test_curation_drops_and_adds() -> None:
    lex = profanity()
    assert "69" not in lex.words and "hoe" not in lex.words and "knob" not in lex.words
    assert {"bloody", "bugger", "wtf", "ffs"} <= set(lex.words)
