"""Benign messages that used to be flagged, one test per kind of mistake, with a breach beside each
to show the rule still works. Made-up people and wording, none taken from a labelled chat."""

import pytest

from rep_assistant.core.detection.rules import Message, detect
from rep_assistant.core.detection.rules.family import children_by_author


def _chat(*posts: tuple[str, str], gap: int = 3) -> list[Message]:
    return [Message(i, f"2025-05-12T09:{i * gap:02d}", author, text) for i, (author, text) in enumerate(posts)]


def _categories(messages: list[Message], message_id: int) -> set[str]:
    return {f.category for f in detect(messages) if f.message_id == message_id}


# -- 1. a parent naming their own child without "my" ------------------------------------------------

@pytest.mark.parametrize(("author", "intro", "expected"), [
    ("Bronwen Ellis", "Hello all, I'm Bronwen, Tomos's mum", {"tomos"}),
    ("Kwame Asante", "Efua's dad here, thanks for the add", {"efua"}),
    ("Joanne Pike", "See you all at the gate tomorrow. Joanne (Alfie's mum)", {"alfie"}),
    ("Marta Nowak", "my daughter Zofia loved the trip", {"zofia"}),
    ("Marta Nowak", "our Kacper is off with a cold", {"kacper"}),
    ("Ollie's Mum", "Thanks everyone", {"ollie"}),
])
def test_each_members_children_are_read_from_the_chat(author: str, intro: str, expected: set[str]) -> None:
    assert children_by_author(_chat((author, intro)))[author] == expected


def test_a_name_talked_of_as_family_twice_is_the_members_child_unless_someone_else_claims_it() -> None:
    chat = _chat(("Dee Hart", "me and Rory made the volcano last night"), ("Dee Hart", "we took Rory to the dentist so he'll be late"))
    assert children_by_author(chat)["Dee Hart"] == {"rory"}
    claimed = [*chat, Message(9, "2025-05-12T10:00", "Sal Obi", "Hi, I'm Sal, Rory's mum")]
    assert "rory" not in children_by_author(claimed).get("Dee Hart", frozenset())


def test_a_name_one_member_keeps_telling_news_of_is_their_child() -> None:
    chat = _chat(("Rhian Pugh", "Dylan's lost his water bottle again, green one"), ("Rhian Pugh", "Dylan has his swimming badge! 🏊"),
                 ("Tess Moon", "Well done Dylan!"), ("Rhian Pugh", "Dylan was up at 5 this morning, send coffee"),
                 ("Rhian Pugh", "Dylan has an inhaler now for his asthma, it's in the office"))
    assert children_by_author(chat)["Rhian Pugh"] == {"dylan"}
    assert "tess moon" not in {a.lower() for a in children_by_author(chat)}
    assert not _categories(chat, 4) & {"individual-child", "personal-data"}


def test_the_authors_own_child_as_the_source_of_news_about_another_child_still_breaches() -> None:
    chat = _chat(("Rhian Pugh", "Hi, I'm Rhian, Dylan's mum"),
                 ("Rhian Pugh", "Is Kit in Dylan's class ok? Dylan says he was crying at the gate every morning this week"))
    assert "individual-child" in _categories(chat, 1)


def test_a_health_note_about_the_authors_own_child_is_not_another_childs_data() -> None:
    chat = _chat(("Bronwen Ellis", "Hello all, I'm Bronwen, Tomos's mum"),
                 ("Bronwen Ellis", "Tomos is allergic to kiwi so please nothing with kiwi at the picnic"),
                 ("Gethin Rowe", "Tomos is allergic to kiwi so please nothing with kiwi at the picnic"))
    assert not _categories(chat, 1) & {"individual-child", "personal-data"}
    # The same words from someone else still breach: what the poster's children clear is never remembered for the text.
    assert "individual-child" in _categories(chat, 2)


def test_a_parent_sharing_their_own_news_and_offering_support_reads_as_their_own() -> None:
    chat = _chat(("Leah Crane", "Isla has just been diagnosed with dyslexia, honestly a relief. Happy to chat if anyone's going through the same"))
    assert not _categories(chat, 0) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", ["Took Mali to the walk-in centre with her asthma last night, all fine now",
                                  "Seb's on antibiotics and I'm keeping him off, the doctors said his asthma needs watching",
                                  "We've finally had the diagnosis, Ivy is autistic and honestly it explains so much"])
def test_a_parent_telling_their_own_familys_news_in_the_first_person_reads_as_their_own(text: str) -> None:
    assert not _categories(_chat(("Parent", text)), 0) & {"individual-child", "personal-data"}


def test_someone_elses_trip_to_hospital_is_still_a_disclosure() -> None:
    assert "individual-child" in _categories(_chat(("Gossip", "Her mum took Mali to hospital with her asthma again, third time this term")), 0)


# -- 2. notices to the whole class ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["Letter came round about nits in Year 1, worth combing tonight",
                                  "There's a nasty sickness bug going round the juniors, fingers crossed",
                                  "Food bank collection box is by the office door until Friday"])
def test_a_class_wide_notice_names_no_child(text: str) -> None:
    assert not _categories(_chat(("Rep", text)), 0) & {"individual-child", "personal-data"}


def test_a_named_childs_nits_are_still_a_disclosure() -> None:
    assert "individual-child" in _categories(_chat(("Gossip", "Poppy has nits again, keep yours away from her")), 0)


# -- 3. the school's own numbers --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["If you have a worry about a child, ring the safeguarding lead on 07700 900345",
                                  "Please call the attendance line on 01632 960456 before 9",
                                  "Worth giving the school office a quick ring about it? 01632 960456",
                                  "I'd phone reception in the morning and ask for the head. It's 01632 960456, they're helpful",
                                  "Give the office a bell first thing. Number's 01632 960456"])
def test_a_number_given_to_ring_the_school_is_not_personal_data(text: str) -> None:
    assert "personal-data" not in _categories(_chat(("Rep", text)), 0)


@pytest.mark.parametrize("text", ["Call the head on her personal mobile, 07700 900456",
                                  "Ring the office and they'll give you Kerry's dad's number. It's 07700 900456",
                                  "Give the office a ring. Or Tom's mum is on 07700 900456",
                                  "Give Shauna a ring, 07700 900456", "Ring the school. Or Dave, 07700 900456",
                                  "I'd give the office a ring. Jo's 07700 900456", "Give the head a ring, her mobile is 07700 900456",
                                  "Did you give the office a ring? Ring Dave on 07700 900456 instead"])
def test_a_staff_members_private_mobile_or_a_parents_number_is_still_personal_data(text: str) -> None:
    assert "personal-data" in _categories(_chat(("Rep", text)), 0)


# -- 4. naming a category without doing it ----------------------------------------------------------

@pytest.mark.parametrize(("text", "category"), [
    ("Friendly reminder, no selling on here please", "commercial"),
    ("Can we keep the adverts out of the chat, ta", "commercial"),
    ("bitcoin talk in the reception chat now 🤣", "commercial"),
    ("the dads all slag the referee off every Saturday", "offensive-language"),
    ("the dads all slag the referee off every Saturday", "abuse"),
    ("Aw that's not fair, nits go for any head", "grievance"),
])
def test_naming_a_category_is_not_breaching_it(text: str, category: str) -> None:
    assert category not in _categories(_chat(("Member", text)), 0)


@pytest.mark.parametrize(("text", "category"), [
    ("Selling a kids scooter, £15, message me 😂", "commercial"),
    ("she's a slag", "offensive-language"),
    ("Kept in at lunch for forgetting a pencil, not fair at all", "grievance"),
])
def test_the_same_words_still_breach_when_they_do_it(text: str, category: str) -> None:
    assert category in _categories(_chat(("Member", text)), 0)


# -- 5. "apparently" about plans -----------------------------------------------------------------------

def test_apparently_in_a_question_about_travel_plans_is_not_a_rumour() -> None:
    assert "rumour" not in _categories(_chat(("Member", "Nia is off to Cornwall for half term apparently, is that a long drive?")), 0)


def test_apparently_about_conduct_is_still_a_rumour() -> None:
    assert "rumour" in _categories(_chat(("Member", "Apparently Mr Gale shouted at the whole class again")), 0)


# -- 6. a possessive read as "is" -------------------------------------------------------------------

def test_a_possessive_followed_by_a_verb_is_not_a_claim_of_wrongdoing() -> None:
    assert "defamation" not in _categories(_chat(("Member", "Found them! Jacob's was tucked inside the lost property box")), 0)


# -- 7. private-conversation run boundaries -----------------------------------------------------------

def test_an_answer_to_a_question_for_everyone_does_not_start_a_private_chat() -> None:
    chat = _chat(("Ama Boateng", "Does anyone know if the library bus is running?"), ("Rhys Vaughan", "yes hun it is, saw it this morning"),
                 ("Ama Boateng", "ah thanks, you're a star"), ("Rhys Vaughan", "no worries x"), ("Ama Boateng", "x"), gap=1)
    assert not [f for f in detect(chat) if f.category == "private-conversation"]


def test_a_private_chat_is_flagged_where_the_two_start_answering_each_other() -> None:
    chat = _chat(("Dot Pryce", "Morning"), ("Dot Pryce", "caravan's booked for the bank holiday"),
                 ("Bev Onyango", "ooh where did you go for in the end"), ("Dot Pryce", "Tenby again, the one by the harbour"),
                 ("Bev Onyango", "lush, you'll love it"), ("Dot Pryce", "the chippy on the front is still the best"), gap=1)
    found = [f for f in detect(chat) if f.category == "private-conversation"]
    assert [f.message_id for f in found] == [1]


# -- 8. the writer's own child, said with a contraction ------------------------------------------------

@pytest.mark.parametrize("text", ["My son's been suspended for a day for swearing at a teacher, I'm mortified",
                                  "My lad's been suspended for a day for swearing at a teacher, I'm mortified"])
def test_the_writers_own_child_in_trouble_is_not_a_claim_against_someone(text: str) -> None:
    assert "defamation" not in _categories(_chat(("Member", text)), 0)


@pytest.mark.parametrize("text", ["Her lad's been suspended for a day for swearing at a teacher",
                                  "My son's teacher has been arrested, the police were at the school",  # not the writer's child
                                  "My daughter's swimming coach was caught stealing from the club"])
def test_the_same_news_of_someone_else_still_is(text: str) -> None:
    assert "defamation" in _categories(_chat(("Member", text)), 0)


@pytest.mark.parametrize("text", ["Kerry's bairns are feral and it's no wonder", "that fella is useless, he never turns up"])
def test_bairns_and_fellas_are_people_an_insult_can_be_about(text: str) -> None:
    assert "abuse" in _categories(_chat(("Member", text)), 0)


@pytest.mark.parametrize("text", ["the lads were useless in the first half but won it in the end",
                                  "our teens are useless at getting up on a Saturday"])
def test_a_team_or_the_writers_own_teenagers_teased_are_not_insulted(text: str) -> None:
    assert "abuse" not in _categories(_chat(("Member", text)), 0)
