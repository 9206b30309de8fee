"""Who a message is about (rules/about.py): children written in lower case, children named by their
family, a name opening a sentence, the PTA and the janitor as people a claim can be about.
Made-up names and wording throughout."""

import pytest

from rep_assistant.core.detection.rules import Message, about, detect
from rep_assistant.core.detection.rules.text import Text


def _found(text: str, kind: str, own: frozenset[str] = frozenset()) -> list[str]:
    t = Text(text, own)
    return [t.raw[s:e] for s, e in about.refs(t, kind)]


@pytest.mark.parametrize(("text", "name"), [
    ("rowan's been excluded again", "rowan"),
    ("odhran bit another kid at lunch", "odhran"),
    ("ask priya, anika told her all about it", "anika"),
    ("honestly tobiah got sent out twice", "tobiah"),
])
def test_a_child_written_in_lower_case_is_a_child(text: str, name: str) -> None:
    assert name in _found(text, "child")


@pytest.mark.parametrize("text", [
    "the dog bit through the lead",
    "school's been great this term",
    "everyone got sent home early for the snow",
    "the coach has been cancelled",
    "mum's been poorly all week",
    # words the writers' chats write in lower case (resources/lexicons/everyday_words.txt), in a name's place
    "please check the medical info is on the consent form",
    "i think panto's been booked for the week before christmas",
    "honestly disco's been a nightmare to organise",
])
def test_everyday_words_in_a_names_place_are_not_children(text: str) -> None:
    assert _found(text, "child") == []


def test_a_childs_record_beside_an_everyday_word_in_a_names_place_is_no_breach() -> None:
    assert not {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent",
                                                    "Could everyone make sure the allergy info is on the trip form please")])}


def test_hearsay_about_a_thing_in_a_names_place_is_still_hearsay() -> None:
    # "spoken_of": what rumour.marker is about takes things in a name's place too, as it did when they counted as children
    assert "prom" in _found("apparently prom's been cancelled cos nobody paid", "spoken_of")
    assert "prom" not in _found("apparently prom's been cancelled cos nobody paid", "child")
    assert "rumour" in {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent",
                                                            "apparently prom's been cancelled cos nobody paid")])}


def test_the_shipped_everyday_words_are_what_the_script_builds_from_the_writers_data(tmp_path) -> None:
    import importlib.util
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_everyday_words", root / "scripts" / "build_everyday_words.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "everyday_words.txt"
    assert script.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (root / "resources" / "lexicons" / "everyday_words.txt").read_text(encoding="utf-8")


def test_the_writers_own_child_in_lower_case_is_not_someone_elses() -> None:
    assert _found("rowan's got a cold, keeping him off", "child", frozenset({"rowan"})) == []


def test_a_lower_case_name_pointing_at_a_parent_is_the_parent() -> None:
    assert "tilly" not in _found("tilly's mum got lifted", "child")


@pytest.mark.parametrize(("text", "ref"), [
    ("it'll be the Okafor twins again", "the Okafor twins"),
    ("that kid's trouble", "that kid"),
])
def test_children_named_by_family_or_pointed_at(text: str, ref: str) -> None:
    assert ref in _found(text, "child")


def test_a_name_opening_a_sentence_before_what_was_done_is_someone() -> None:
    assert "Pryor" in _found("Pryor fiddled the figures. Ask anyone.", "accused")
    assert "Pryor" in _found("Pryor threw a chair in art.", "child")
    assert "Max" not in _found("Max nicked my seat at the concert", "child")
    assert "Tuesday" not in _found("Tuesday started badly.", "accused")


@pytest.mark.parametrize("text", ["the PTA has the tin", "that janny shouted at him", "the minibus driver was late"])
def test_bodies_and_roles_a_claim_can_be_about(text: str) -> None:
    assert _found(text, "accused")


def test_a_rumour_can_be_about_the_police_or_ofsted() -> None:
    assert _found("I heard the police were called", "authority") == ["police"]
    assert _found("Year 5 are on after the choir", "authority") == []


@pytest.mark.parametrize("text", [
    "one of the boys in 6B has ADHD, that's why he gets to leave the room",
    "the other Y4 girl who's always crying is on a behaviour plan now apparently",
    "the lad with the ear defenders had a meltdown in assembly again",
    "the lad with the scooter got a fixed term exclusion last week",
    "the one whose epi pen is kept in the office was rushed off in an ambulance",
])
def test_a_child_pointed_at_without_a_name_and_their_record_is_personal_data(text: str) -> None:
    cats = {f.category for f in detect([Message(1, "2025-03-04T10:00", "Parent", text)])}
    assert {"individual-child", "personal-data"} <= cats


def _categories(text: str) -> set[str]:
    return {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)])}


@pytest.mark.parametrize("text", [
    "Mrs Foster's husband is running the tombola again",
    "Mr Okoro's wife is divorcing him, the whole village knows",
    "Rumour has it the head has been suspended",
    "Word has it the deputy head is leaving",
])
def test_a_grown_ups_partner_a_surname_and_a_rumours_opening_words_are_no_child(text: str) -> None:
    assert not _categories(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize(("text", "name"), [
    ("Ellie's parents are splitting up, go gently with her", "Ellie's parents"),
    ("poor lad, his dad's in prison again", "his dad"),
    ("Theo's nan got arrested last week", "Theo's nan"),
])
def test_a_childs_family_is_named_through_the_child(text: str, name: str) -> None:
    assert name in _found(text, "family_of")
    assert "individual-child" in _categories(text)


def test_fostering_is_a_childs_home_life_and_a_surname_foster_is_not() -> None:
    assert "individual-child" in _categories("Kayden is in foster care now, poor mite")
    assert "individual-child" in _categories("Poppy's been fostered since Easter")
    assert not _found("Mrs Foster's husband is running the tombola", "family_of")


@pytest.mark.parametrize("text", [
    "Otto's EHCP review is on Monday, wish us luck",
    "Rafi's been diagnosed with dyspraxia, we're waiting on an OT referral now. Anyone been through this?",
    "Bodhi pushed a boy in the lunch queue, we've had a long chat at home and he's writing a sorry note",
])
def test_a_parent_speaking_for_their_own_child_without_my_shares_nothing(text: str) -> None:
    assert not _categories(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "Jayden got excluded again. Anyone else had experience of him kicking off?",
    "Kenzie has ADHD apparently, explains a lot tbh",
])
def test_gossip_about_another_child_still_tells_of_that_child(text: str) -> None:
    assert "individual-child" in _categories(text)


def test_members_of_the_chat_named_in_a_message_are_grown_ups_and_their_children_are_children() -> None:
    chat = [Message(0, "2025-01-06T10:00", "Danielle Cope", "Miss Hale sat down all through assembly"),
            Message(1, "2025-01-06T10:05", "Gemma Rowe", "Thanks Danielle. Miss Hale is seven months pregnant, let her sit"),
            Message(2, "2025-01-06T10:09", "Tom Price", "Danielle's son has ADHD you know"),
            Message(3, "2025-01-06T10:12", "Grace's Mum", "Grace has chickenpox so she's off all week")]
    flagged = {(f.message_id, f.category) for f in detect(chat)}
    assert not {c for i, c in flagged if i == 1} & {"individual-child", "personal-data"}  # Danielle is a member
    assert (2, "individual-child") in flagged  # her son is a child
    assert not {c for i, c in flagged if i == 3} & {"individual-child", "personal-data"}  # Grace's mum's own child


def test_a_members_name_the_chat_also_tells_news_of_stays_a_child() -> None:
    chat = [Message(0, "2025-01-06T10:00", "Jordan Pike", "Can someone lend a PE top for Friday?"),
            Message(1, "2025-01-06T10:05", "Amy Fox", "Jordan's been sent home again, third time"),
            Message(2, "2025-01-06T10:09", "Lena Marsh", "Jordan's always in trouble that one"),
            Message(3, "2025-01-06T10:12", "Tom Price", "Thing is, Jordan, he has ADHD, the school should know better")]
    assert (3, "individual-child") in {(f.message_id, f.category) for f in detect(chat)}


@pytest.mark.parametrize(("text", "name", "spoken_to"), [
    ("Thank you Lorraine, that helps", "Lorraine", True),
    ("Kelly you're right, they can search bags", "Kelly", True),
    ("Hi Iryna, the form is on the app", "Iryna", True),
    ("It was Leo, he's been pushing my boy over", "Leo", False),
    ("Oh Leo is autistic, didn't you know?", "Leo", False),
    ("My son got bitten again today by Leo.", "Leo", False),
    ("Grace has chickenpox again", "Grace", False),
    ("Is Grace ok after yesterday?", "Grace", False),
])
def test_someone_spoken_to_by_name_is_told_from_someone_spoken_of(text: str, name: str, spoken_to: bool) -> None:
    from rep_assistant.core.detection.rules.text import addressed
    start = text.index(name)
    assert addressed(text, (start, start + len(name))) is spoken_to


@pytest.mark.parametrize("text", [
    "Apparently the leavers' assembly is in the church hall this year",
    "I heard the cake sale starts at 3 not half 3, can anyone check?",
    "Someone said the harvest service is on Thursday, is that right?",
    "Heard on Radio Solent the bridge is shut Saturday",
    "Allegedly I'm the strictest dad in Year 5 now",
])
def test_when_and_where_of_an_event_the_radio_and_the_writer_themselves_are_no_rumour(text: str) -> None:
    assert "rumour" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Apparently the head is leaving at Easter",
    "Apparently Mr Hale was drunk at the fair on Saturday",
    "I heard the trip is off because the teacher is being investigated",
])
def test_hearsay_about_people_is_still_a_rumour(text: str) -> None:
    assert "rumour" in _categories(text)


@pytest.mark.parametrize("text", [
    "I know it's frustrating, but please ring the office rather than post here",
    "I get you're fed up Marie, the head of year is the one to ask",
    "I know people are annoyed about the trip but the school did text on Monday",
    "The weather's a joke, third day soaked on the walk to school",
    "Parking round the school on a Friday is a nightmare, go round the back",
])
def test_anothers_frustration_acknowledged_and_a_verdict_on_the_weather_or_parking_are_no_grievance(text: str) -> None:
    assert "grievance" not in _categories(text)


@pytest.mark.parametrize("text", [
    "Really frustrated the school still hasn't replied about the bus",
    "The way the office handled the trip money is a joke",
])
def test_a_complaint_about_the_school_is_still_a_grievance(text: str) -> None:
    assert "grievance" in _categories(text)


@pytest.mark.parametrize("text", [
    "Harvey's been diagnosed with autism, his mum is devastated, please let me know if we should do a card",
    "Wish him luck, Jacob's got his ADHD assessment tomorrow, his mum told me in confidence",
    "Thank you to everyone who's been so kind. By the way Mason in Year 4 was the one excluded",
    "I've filled in the consent form. Did you know Isla's on medication for epilepsy now?",
])
def test_a_stock_phrase_of_ones_own_beside_news_of_another_child_leaves_it_told(text: str) -> None:
    assert "individual-child" in _categories(text)


def test_a_child_named_in_a_parents_display_name_is_no_grown_up() -> None:
    chat = [Message(0, "2025-01-06T10:00", "Mia & Leo's Mum", "Is it PE tomorrow?"),
            Message(1, "2025-01-06T10:05", "Tom Price", "Yes Mia got excluded on Friday, the whole class saw")]
    assert (1, "individual-child") in {(f.message_id, f.category) for f in detect(chat)}


@pytest.mark.parametrize(("text", "category"), [
    ("Apparently the head got arrested, the meeting is at 6 in the main hall if you want to ask", "rumour"),
    ("Apparently the swimming is back on next week, the old instructor was sacked for touching a kid", "rumour"),
    ("Apparently I'm not supposed to say but Miss Reid is pregnant and leaving", "rumour"),
    ("Someone said I'm the one who reported Mrs Hay to Ofsted", "rumour"),
    ("The school wifi is a joke, the homework app never loads", "grievance"),
    ("Honestly the TV in the classroom is a joke, Miss just sticks films on all day", "grievance"),
    ("Kai is being Fostered by the Wrights now", "individual-child"),
    ("FOSTER CARE is where Kai has ended up, so sad", "individual-child"),
])
def test_logistics_weather_and_a_surname_beside_a_real_claim_leave_it_flagged(text: str, category: str) -> None:
    assert category in _categories(text)


@pytest.mark.parametrize("text", [
    "Priyanka's mum told me she's being tested for coeliac, so no cake for her at the party",
    "Hamish's dad says he's on a part-time timetable since half term",
    "Wiktor's mother mentioned that he has panic attacks before swimming",
])
def test_news_a_parent_gives_of_their_child_is_the_childs(text: str) -> None:
    # The name is the way to the parent and also the child the news is about: "Omar's mum told me he's…"
    assert "personal-data" in {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)])}


@pytest.mark.parametrize("text", [
    "Priyanka's mum told me she'll bring the spare costumes on Friday",
    "Hamish's dad says he can do the lift to the match if anyone needs one",
])
def test_a_parent_speaking_of_themselves_is_no_childs_news(text: str) -> None:
    # Only what a child's record is made of reads as the child's: "she'll bring", "he can do" stay the parent's. (A
    # mother's own diagnosis told this way, "…'s mum said she's been diagnosed with…", is read as the child's: the
    # words cannot tell, and it is someone else's health told to the group either way.)
    assert "individual-child" not in {f.category for f in detect([Message(1, "2025-01-06T10:00", "Parent", text)])}
