"""Personal data: phone numbers by libphonenumber, the poster's own and the school's stay clean; who a message is about."""

import pytest

from rep_assistant.core.detection.rules import Message, detect
from rep_assistant.core.detection.rules.contact_details import phone_numbers
from rep_assistant.core.detection.rules.normalise import lexicon_key
from rep_assistant.core.detection.rules.subjects import is_adult, own_child_mentions, own_child_spans


def _cats(text: str, author: str = "Parent") -> set[str]:
    return {f.category for f in detect([Message(1, "2025-01-06T10:00", author, text)])}


@pytest.mark.parametrize("number", [
    "07700 900123", "+44 (0)7700 900123", "0044 7700 900123", "07700.900.123", "020 7946 0018", "0113 496 0123",
    "+353 85 123 4567", "+48 512 345 678", "+92 300 1234567", "+1 212 555 0142",
])
def test_someone_elses_number_in_any_common_form_is_personal_data(number: str) -> None:
    assert [raw for _, raw in phone_numbers(f"her number is {number} ok")]
    assert "personal-data" in _cats(f"Priya's mum is on {number} if anyone needs her")


@pytest.mark.parametrize("text", ["Order 123456789 arrived", "Meet 10/12/2024 at 3", "Raised £1,250,000 in total"])
def test_order_numbers_dates_and_prices_are_not_phone_numbers(text: str) -> None:
    assert phone_numbers(text) == []


@pytest.mark.parametrize("text", [
    "my number is 07700 900456 if you need a lift", "call me on +44 7700 900456", "The school office is on 020 7946 0018",
    "e-mail me at sam.jones@example.com", "found a purple scooter by the bins, text 07700 900412 and I'll drop it round",
    "if anyone sees our rabbit loose please ring on 07700 900413",
])
def test_the_posters_own_details_and_the_schools_stay_clean(text: str) -> None:
    assert "personal-data" not in _cats(text)


@pytest.mark.parametrize("text", ["call Marta's dad 07700 900414, he has the spare key", "Text Jonah's mum on 07700 900415 about the lift",
                                  "Priya's gran says ring 07700 900416 to book", "found his glove, ring 07700 900417. Also Cora Finch is on 07700 900418"])
def test_a_number_to_ring_that_is_named_as_someone_elses_is_still_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)


def test_an_email_address_of_someone_else_is_personal_data() -> None:
    assert "personal-data" in _cats("Mrs Khan's e-mail is r.khan@example.com")


@pytest.mark.parametrize("text", [
    "My daughter's inhaler is in her book bag", "Our Ayesha's EHCP meeting went well today",
    "Zara, my eldest, was diagnosed with asthma last year", "Jac is mine, and yes he has type 1 diabetes, the staff know",
])
def test_a_parent_about_their_own_child_is_not_sharing_a_childs_data(text: str) -> None:
    assert not {"personal-data", "individual-child"} & _cats(text)


def test_another_named_child_with_a_diagnosis_is_still_flagged() -> None:
    assert "personal-data" in _cats("Apparently Jayden has been diagnosed with ADHD")


@pytest.mark.parametrize(("text", "name"), [
    ("his wife Sarah is on medication", "Sarah"), ("Sarah's husband was diagnosed with epilepsy", "Sarah"),
    ("Dave, the dad, has asthma", "Dave"),
])
def test_a_grown_up_is_not_a_child(text: str, name: str) -> None:
    start = text.index(name)
    assert is_adult(text, (start, start + len(name)))
    assert not {"personal-data", "individual-child"} & _cats(text)


def test_own_child_spans() -> None:
    assert own_child_spans("so proud of our Ayesha today") == [(12, 22)]


@pytest.mark.parametrize("text", [
    "she lives at 14 Rowan Close if you want to knock", "he live 7 birch way, go round and ask him",
    "found Mr Lee's insta, @lee.runs.daily", "the old class list has everyone's numbers and addresses on, posting it here",
    "someone sent me this with all the parents' phone numbers", "her address is 9 larch rise if you want to pop round",
])
def test_addresses_handles_and_lists_of_other_people_are_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)


@pytest.mark.parametrize("text", [
    "she lives 10 minutes from school", "staff personal numbers can't be shared here, use the office line",
    "From: Office <office@example.com>\nTo: Sam Jones <sam.jones@example.com>\nSubject: trip money",
    "follow the PTA on insta @oakfield.pta", "please delete that, staff home addresses are not for this group",
    "I do ironing, £10 a basket. Sue's Ironing, 07700 900358", "The school's trip mobile is 07700 900600, emergencies only",
])
def test_distances_reminders_forwarded_headers_and_school_accounts_are_not(text: str) -> None:
    assert "personal-data" not in _cats(text)


@pytest.mark.parametrize(("words", "own"), [
    (["moja", "córka", "ma", "astmę"], True), (["আমার", "মেয়ের", "হাঁপানি", "আছে"], True), (["fy", "mab", "yn", "awtistig"], True),
    (["z", "naszej", "klasy", "ma", "autyzm"], False), (["uski", "beti", "ko", "mirgi", "hai"], False),
])
def test_the_writers_own_child_in_other_languages(words: list[str], own: bool) -> None:
    assert bool(own_child_mentions([lexicon_key(w) for w in words])) is own


@pytest.mark.parametrize("text", [
    "Ollie's dad is on ollie.dad (at) example (dot) com for the lift share",
    "you can reach Bryony on bryony dot hale at example dot org",
    "Kids can walk to Nell's gran's after, 8 Quillfeather Lane",
    "The Okonjos moved to 31 Tinderbox Crescent, Leeds LS98 7ZZ",
    "Drop the present at 12 Marrowbone Gardens, Hull HU98 9QQ",
])
def test_addresses_spelled_out_emails_and_a_street_with_its_postcode_are_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)


@pytest.mark.parametrize(("text", "author"), [
    ("Send the forms to jo.ward@example.org, that's me", "Jo Ward"),
    ("Raffle money to priyanka.s@example.com please", "Priyanka Shah"),
    ("The absence line is 0117 496 0500, press 1", "Parent"),
    ("Cubs' number from their website: 0161 496 0777", "Parent"),
    ("The party is at the scout hall, 4 Wickham Road, Leeds LS98 1AA", "Parent"),
])
def test_the_posters_own_email_an_organisations_line_and_a_venue_stay_clean(text: str, author: str) -> None:
    assert "personal-data" not in _cats(text, author)


@pytest.mark.parametrize("text", [
    "Gethin's dad says ring him about the lift share: (07700) 900 612",
    "Tamsin said pass it on, her mobile is oh seven seven double oh, nine double oh, five one four",
    "the carpool lady's number is seven seven zero zero nine zero zero six three one",
    'Copied from the Reception class chat: "found a red scooter, ring Precious 07700 900 733"',
    "Treasure hunt starts at Lowri's nan's, 6 Figment Gardens. Park on the lane not the verge",
])
def test_numbers_read_out_bracketed_or_forwarded_and_an_address_beside_parking_advice_are_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)


@pytest.mark.parametrize("text", [
    "oh one two three, the kids were counting down for the rocket launch",
    "Call reception on 0117 496 0222 to book the flu spray",
    "The party is in Hollins Park, 3 Vantage Road side, by the swings",
])
def test_counting_in_words_the_school_reception_and_a_named_park_stay_clean(text: str) -> None:
    assert "personal-data" not in _cats(text)


@pytest.mark.parametrize("text", ["The Patels moved to LS6 2AB, round the corner from us", "they've moved to 9 The Close by the Co-op",
                                  "Party at Kit's gran's, 22 Mill St. Starts at 2", "Oskar's family moved to 14 Oak Chase"])
def test_a_postcode_alone_the_close_and_a_street_before_a_new_sentence_are_addresses(text: str) -> None:
    assert "personal-data" in _cats(text)


@pytest.mark.parametrize("text", [
    "Tilly's family are at 3 Pipistrelle Brae now, the house with the trampoline",  # the endings of the north and Scotland
    "Can someone drop this card off at Noor's, 27 Larkspur Holt",
    "Ffion's nan's is 5 Heol y Dderwen, the white bungalow",  # a Welsh street name opens with its street word
    "Dylan's is 14 Moorhen Garth isn't it? I'll bring the bag over",  # whose home: "Dylan's is …"
    "the family at number 19 Quince Meadows",
    "he's at number 23 Plover Croft since the summer",  # a house number of two digits
    "It's 7 Tŷ Gwyn Close, the Hughes' house",  # a name in Welsh letters
    "The Dunns have moved, new address is 3 Larch Holt if you want to send a card",  # someone else's move
])
def test_streets_of_every_british_kind_and_whose_home_it_is_are_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)


@pytest.mark.parametrize("text", [
    "Alfie's is 7 on Saturday! Party at 3 Rowan Croft from 2, all welcome",  # an age, not a house number
    "Cara's was 9 out of 10, the 3 step approach really works",  # a score
    "We've moved! New house is at 8 Sorrel Villas, pop round any time",  # the poster's own home
    "Our new flat is at 5 Gannet Wharf, pop round for a brew",
    "Can anyone take Zara to Scouts tonight? Last week 2 dads drove and it was fine",  # a verb, not a street
    "our house is at 4 Birch Close if anyone wants to drop the forms",
])
def test_ages_scores_verbs_and_the_posters_own_home_stay_clean(text: str) -> None:
    assert "personal-data" not in _cats(text)


@pytest.mark.parametrize("text", [
    # a desk's mailbox, named for what it handles
    "Forms go to trips@hollyfield.example.com, Mrs Dean picks them up",
    "you can send your views to planning.consultation@example.org before the 12th",
    "Receipts come from no-reply@example.net so check your junk",
    "Ask at year6.office@example.com, they sorted mine",
    # a switchboard: the number has a menu
    "It's 07700 900631 option 3 for absences",
    "Ring 07700 900632 ext. 41 and ask for the nurse",
    # the school's desk said something, then "ring them"
    "The office said the refund is on its way. If not, ring them on 07700 900633",
    # the number in a sentence of its own, after one that sends readers to the school
    "Phone the attendance line first thing. They are usually quick. Number is 07700 900634",
    # asked not to share
    "Please no personal mobiles or home addresses on here, thank you all",
    "Just asking everyone not to post personal emails from teachers in the chat",
    # a trade's advert: its number is the trade's line (selling is its flag)
    "My partner has started a gardening business, 10% off for school families, 07700 900635",
    "Tutor available for GCSE science, first session free then £30 per hour. Text Gosia 07700 900636",
])
def test_desks_switchboards_requests_not_to_share_and_a_trades_line_are_not_someones_details(text: str) -> None:
    assert "personal-data" not in _cats(text)


@pytest.mark.parametrize("text", [
    "Here's Kerry Dent's work email kerry.dent@example.com, she won't mind",  # a person's name before the @
    "sarah.year6@example.com is her email",  # a name among the desk words
    "The Haldanes have moved away. Ring them on 07700 900637",  # "them" is a family, not the office
    "Ring the office first. Number is 07700 900638. Or Ben's dad is on 07700 900639",  # the second number is Ben's dad's
    "Toby is on 07700 900640. Option 2 for the football is best",  # the menu is in another sentence
    "Jake's mum is on 07700 900641",
    "Posting Mrs Rudd's personal mobile 07700 900642 since the office never answers",
    "Sofa going for £40, collect from Dana's mum on 07700 900643",  # selling, but someone's own number
    # a price or a desk elsewhere in the message does not make a member's number a trade's or the school's
    "Coach is £9 on the app. Jess has the spare forms, ring Jess on 07700 900644",
    "Email the office if your child is off. Lee from Birch class is collecting for the gift. Number is 07700 900645",
    "The office said the Bakers are driving to the gala. Ring them on 07700 900646",
    # a menu word that is no switchboard's
    "Tara's number is 07700 900647, option 2 is just to text her",
    "Nadia 07700 900648 option 1 is red, option 2 is blue, tell her by Monday",
    "Can't reach Sam? Try his wife on 07700 900649, press 1 for her voicemail",
    "Anyone got Rosa's personal mobile? please no lectures, it's urgent",
])
def test_a_person_behind_a_mailbox_a_family_to_ring_and_another_sentence_stay_personal_data(text: str) -> None:
    assert "personal-data" in _cats(text)
