"""Behaviour checks that do not lean on one word: don't-know said other ways, private chats without
"you", and capitals that stay angry beside a sarcastic thank-you. Made-up people and wording."""

import pytest

from rep_assistant.core.detection.rules import Message, detect


def _thread(*posts: tuple[str, str], start_minute: int = 0, gap: int = 2) -> list[Message]:
    return [Message(i, f"2025-03-04T10:{start_minute + i * gap:02d}", author, text) for i, (author, text) in enumerate(posts)]


def _dont_know(reply: str) -> bool:
    msgs = _thread(("Ama Boateng", "Does anyone know if the library bus comes on Thursday?"), ("Rhys Vaughan", reply))
    return any(f.category == "dont-know" for f in detect(msgs))


@pytest.mark.parametrize("reply", ["🤷‍♀️", "🤷", "no clue sorry x", "haven't a scooby", "not a clue", "haven't the faintest, pet",
                                   "beats me", "couldn't tell you, sorry", "Sorry, I really don't know", "nae idea pal", "dinnae ken",
                                   "nie wiem", "dim syniad", "pata nahi yaar", "Honestly no idea, Ama",
                                   "haven't a notion", "not got the foggiest", "wish I knew!", "your guess is as good as mine",
                                   "clueless sorry", "ami jani na", "ma garanayo", "مجھے نہیں پتا",
                                   # text-speak, a stretched "no", a kaomoji, a shrug with "pass", an excuse before it
                                   "idek", "ngl no idea", "nooooo idea hun", "¯\\_(ツ)_/¯", "pass 🤷‍♂️",
                                   "we only moved here in May so I wouldn't know", "I no know o",
                                   # other languages UK families speak
                                   "আমি জানিনা", "mainu vi nahi pata", "nu știu, scuze", "não sei 🤷", "je sais pas désolée"])
def test_dont_know_said_another_way(reply: str) -> None:
    assert _dont_know(reply)


@pytest.mark.parametrize("reply", ["Not certain, but I believe it's the later slot", "No idea why but it's been moved to Friday",
                                   "I can tell you tomorrow", "🤷‍♀️ ask the office, they'll know, it's on the app",
                                   "Off all week so no idea, but the app should say", "pass me the link and I'll check"])
def test_a_real_answer_is_not_a_dont_know(reply: str) -> None:
    assert not _dont_know(reply)


def test_a_personal_back_and_forth_without_you_or_questions() -> None:
    msgs = _thread(("Dot Pryce", "caravan's booked for the bank holiday"), ("Bev Onyango", "ooh where did you go for in the end"),
                   ("Dot Pryce", "Tenby again, the one by the harbour"), ("Bev Onyango", "lush, we went there the year before last"),
                   ("Dot Pryce", "the chippy on the front is still the best"), ("Bev Onyango", "bring me back a battered sausage then"))
    found = [f for f in detect(msgs) if f.category == "private-conversation"]
    assert len(found) == 1 and len(found[0].related) == 5


def test_a_short_school_exchange_is_not_a_private_chat() -> None:
    msgs = _thread(("Dot Pryce", "trip letter says packed lunch"), ("Bev Onyango", "and a waterproof coat for the trip"),
                   ("Dot Pryce", "school said 8:45 at the gate"), ("Bev Onyango", "PE kit not needed that day"))
    assert not [f for f in detect(msgs) if f.category == "private-conversation"]


def _anger(text: str) -> bool:
    return any(f.category == "anger" for f in detect([Message(1, "2025-03-04T10:00", "Parent", text)]))


def test_a_sarcastic_thank_you_does_not_switch_off_shouting() -> None:
    assert _anger("THANKS FOR NOTHING AS USUAL")
    assert _anger("Oh brilliant, THE TRIP IS CANCELLED AGAIN 🙄")
    assert _anger("Thanks a lot, NOBODY TOLD US ANYTHING")


@pytest.mark.parametrize("text", [
    "Oh THANKS a bunch for the notice, very useful 🙄", "Cheers for the heads-up. REALLY useful. Not.", "thanks for nothing, as ever",
    "Non-uniform moved again. Fab. Love that for us", "GREAT. Just great. Coats soaked through",
])
def test_sarcastic_praise_is_anger(text: str) -> None:
    assert _anger(text)


@pytest.mark.parametrize("text", [
    "Thank you SO much Mr Idowu, the children loved it 😍", "found it in his bag 🙄 thanks for looking everyone",
    "Cheers for that, really helpful!", "Just GREAT news about the pool reopening",
])
def test_sincere_praise_and_an_eye_roll_at_ones_own_child_are_not(text: str) -> None:
    assert not _anger(text)


@pytest.mark.parametrize("text", [
    "Who signed off a swimming gala in a heatwave?!?!", "Is anybody from the office going to ring me back??!",
    "This is NOT ok, forty minutes in the rain", "THE BUS DRIVER HAD A CIGARETTE!!!",
])
def test_a_question_shouted_with_interrobangs_and_a_sour_word_in_capitals_are_anger(text: str) -> None:
    assert _anger(text)


@pytest.mark.parametrize("text", [
    "Jago's fuming he didn't get picked 😂", "my mam is livid with the weather people", "you're fuming, I can tell, but leave it",
    "I'm raging about the Bake Off final lol", "SHE DID IT 🏅 county champion!", "WE CAME SECOND!!!",
    "Please make sure NOTHING with nuts goes in the lunchboxes", "How cute are they in their hats?!?!", "Who else is going to the disco?!?",
    "The coach is late, Not my fault I know, thanks for waiting", "Thank you SO much everyone, I'd forget my head 🙃",
])
def test_someone_elses_temper_laughter_and_happy_capitals_are_not_anger(text: str) -> None:
    assert not _anger(text)


@pytest.mark.parametrize("text", [
    "ABSOLUTELY SHAMEFUL", "the coach is late, NOT HAPPY", "honestly this is a JOKE", "unbelievable!!! the fourth time this term",
    "ugh!!! another form", "?!?!", "can't believe they did that 😡😡", "who thought this was a good idea 🤬",
])
def test_anger_said_short_in_capitals_exasperation_or_angry_faces(text: str) -> None:
    assert _anger(text)


@pytest.mark.parametrize("text", [
    "See you all at the fair!!!", "PE on Tuesday, PTA at 6", "Please do NOT park on the zigzags", "Well done everyone!!",
    "Goal!!! what a finish",
])
def test_excitement_reminders_and_acronyms_are_not_anger(text: str) -> None:
    assert not _anger(text)


def test_happy_capitals_are_still_not_anger() -> None:
    assert not _anger("HAPPY BIRTHDAY TO THE TWINS!!!")
    assert not _anger("THANK YOU SO MUCH EVERYONE, WHAT A LOVELY FAIR")


def test_capitals_from_someone_who_always_writes_in_them_are_a_habit_not_shouting() -> None:
    habit = ["IS THE BOOK FAIR ON THURSDAY OR FRIDAY", "WELL DONE TO ALL THE CHOIR THIS MORNING", "CAN SOMEONE TELL ME WHERE THE COAT IS",
             "THE BUS WAS LATE AGAIN NOBODY TOLD US WHY"]
    msgs = _thread(*[("Grandad Alf", text) for text in habit], ("Nia Jones", "WHY DOES NOBODY EVER ANSWER THE OFFICE PHONE"))
    angry = {f.message_id for f in detect(msgs) if f.category == "anger"}
    assert angry == {4}  # Nia's capitals are a raised voice; Alf's are how he types
    # One message in capitals is no habit: the same poster's rant still counts.
    assert _anger("THE BUS WAS LATE AGAIN NOBODY TOLD US WHY")
    # A habit of capitals does not hide !!! beside a complaint.
    msgs = _thread(*[("Grandad Alf", text) for text in habit[:3]], ("Grandad Alf", "NOBODY TOLD US ABOUT THE TRIP!!!"))
    assert {f.message_id for f in detect(msgs) if f.category == "anger"} == {3}


def _photo_flags(*texts: str, kind: str = "message") -> list[str]:
    msgs = [Message(i, f"2025-03-04T10:{i:02d}", "Wren Abara", t, kind) for i, t in enumerate(texts)]
    return [f.summary for f in detect(msgs) if f.rule_id in ("personal.child-photos", "personal.child-photo-text")]


@pytest.mark.parametrize("text", [
    "IMG-20250304-WA0011.jpg (file attached)\nthe nativity shepherds lined up 😍 Kit, Orla and Benji",
    "IMG-20250304-WA0012.jpg (file attached)\nlook at the whole class in their wellies",
])
def test_a_photo_whose_own_caption_names_children_is_personal_data(text: str) -> None:
    assert _photo_flags(text, kind="media")


@pytest.mark.parametrize("text", [
    "<Media omitted> the Otters after sports day, Ruby, Faisal and Jo with their medals",
    "the kids doing the maypole 😍 [photo]",
    "All the photos of the kids from the disco are here: www.example.com/disco-album",
    "Took a video of the choir, Mabel and Ifan right at the front, putting it on my Facebook tonight",
])
def test_a_photo_tag_a_link_to_an_album_or_a_post_online_naming_children_is_personal_data(text: str) -> None:
    assert _photo_flags(text)


@pytest.mark.parametrize("text", [
    # Handed round in the group, no tag: the text says the pictures are here.
    "Here are the pics from the Halloween disco, all the kids in their costumes 👇",
    "dropping the vids from the cup final on here now, the lads were unreal",
    "Please find attached photographs of the entire class at the castle",
    # Put online, many verbs and places, or a post that is online by what it is.
    "stuck the Year 2 assembly clips on our family youtube channel",
    "bunged all the party piccies on me insta, tagged the kids as well",
    "Made a reel of the girls' netball squad warming up, already 300 likes",
    "the prom photos are all on my Facebook if you want to see everyone",
    # A media tag whose caption names a group, an event's people, or a fight.
    "<Media omitted>\nthe squad 🏆",
    "video omitted\nsports day egg and spoon, bless every one of them",
    "IMG-20250611-WA0009.jpg (file attached) Noor and Leon fighting on the field at lunch",
    # A child shown so the group will say who they are.
    "<Media omitted> does anyone recognise this boy? he took my son's scooter",
    "That's the girl who keeps tripping our Alfie up, I took a photo of her at home time [photo]",
])
def test_photos_of_children_handed_round_put_online_captioned_or_shown_to_be_named_are_personal_data(text: str) -> None:
    assert _photo_flags(text)


@pytest.mark.parametrize("text", [
    "<Media omitted> our three at the caravan, finally asleep",  # the writer's own children
    "here are my boys in their new kits, so proud",
    "<Media omitted> the venue for Saturday, the entrance is round the side",  # a place, a pet, food, paper, lost property
    "<Media omitted> meet Pickle our new puppy, the kids are obsessed",
    "pics of the cupcakes for Friday's bake sale below 👇 50p each",
    "sending the photo of the reading log page again",
    "IMG-20250611-WA0010.jpg (file attached) whose is this lunchbox? left on the field",
    "Mrs Oduya has put the trip photos on the school app, have a look",  # someone else's post, or a report of one
    "someone put photos of the kids at the disco on Facebook, not happy",
    "Thanks Dev for sharing the match photos in the team group",
    "is it ok to put the class photo on my Facebook? don't want to upset anyone",  # asking, or asking not to
    "the show is on YouTube tonight at 7, the BBC one I mean",  # no picture of anyone
    "her daughter has been posting videos of the Year 8 girls on TikTok",  # another's post, told
    "link to the trip letter: www.example.com/trip?id=4",
])
def test_own_children_things_someone_elses_posts_and_questions_are_not_photos_of_children(text: str) -> None:
    assert not _photo_flags(text)


@pytest.mark.parametrize("text", [
    "here's the pic of our team at the office quiz night, what a state 🍻",  # grown-ups' groups and events, a desk
    "video of the band at the festival 👇 still got it",
    "photo of the reception area so you know where to wait",
    "<Media omitted> my three little monkeys at the seaside, shattered",  # the writer's own, words between
    "Filmed him doing his first roly-poly on the lawn, so proud of my boy",  # a pronoun is no child shown to be named
    "Put the photos of the kids in the memory books in the library",  # a book is no place online
    "His dad put the match pics of all the boys on Facebook, I'd rather he hadn't",  # another's post, told
])
def test_grown_ups_events_own_children_with_words_between_and_anothers_post_are_not_photos_of_children(text: str) -> None:
    assert not _photo_flags(text)


@pytest.mark.parametrize("text", [
    "<Media omitted> the whole year on the steps at the museum 😍 don't they look grown up?",  # the caption's own question
    "<Media omitted> the squad after they lost the semi, proud of every one of them",  # "lost" is no lost property
    "got some great shots of all the kids at the fun run, will pop them on here tonight",
])
def test_a_captions_question_a_loss_and_other_photo_words_still_share_photos_of_children(text: str) -> None:
    assert _photo_flags(text)


def _beside_a_photo(text: str) -> bool:
    """Whether ``text``, posted a minute before the same member's photo (no caption of its own), is read as its caption."""
    msgs = [Message(0, "2025-03-04T10:00", "Wren Abara", text), Message(1, "2025-03-04T10:01", "Wren Abara", "<Media omitted>", "media")]
    return any(f.rule_id == "personal.child-photos" and f.related == (1,) for f in detect(msgs))


@pytest.mark.parametrize(("text", "children"), [
    ("look at them all on the bouncy castle 😍", True),  # the same reading as a caption: words for children, a group shown
    ("Our Year 2s up on stage, so proud 🥰", True),  # "our" the class's
    ("the whole class on the museum steps, don't they look smart?", True),
    ("here's my little Ada at the disco 😍", False),  # the writer's own child, a thing, the school's post, a request
    ("here are my two in their costumes, shattered now", False),
    ("couldn't resist, the cakes for the fair 🥰", False),
    ("the school have posted the trip photos, here's one", False),
    ("please don't share this one of the kids anywhere else", False),
    ("does anyone know if the kids need PE kits tomorrow?", False),  # beside a photo, yet no word of a picture
    ("the kids will love this snow", False),
    ("here are our kids at the caravan, shattered 😍", False),  # "our kids" is a family's own
])
def test_a_text_beside_a_members_photo_is_read_as_its_caption(text: str, children: bool) -> None:
    assert _beside_a_photo(text) is children


@pytest.mark.parametrize("caption", ["our kids on the beach today", "our babies are 5 today!! 🎂 so proud", "our little ones at nan's 😍"])
def test_a_familys_our_is_its_own_children_in_a_caption(caption: str) -> None:
    assert not _photo_flags(f"IMG-20250304-WA0015.jpg (file attached)\n{caption}", kind="media")
    assert _photo_flags("IMG-20250304-WA0016.jpg (file attached)\nour Year 2s on the museum steps 😍", kind="media")  # the class's
    assert _photo_flags("IMG-20250304-WA0017.jpg (file attached)\nour kids at sports day 😍", kind="media")  # at a children's event, the class's


@pytest.mark.parametrize(("text", "kind"), [
    ("IMG-20250304-WA0013.jpg (file attached)\nfound this coat by the gate, whose child's is it?", "media"),
    ("IMG-20250304-WA0014.jpg (file attached)\nthe trip letter, in case you lost yours", "media"),
    ("Can you remind everyone not to post photos of the children on Facebook please", "message"),
    ("the new reading books have lovely pictures", "message"),
])
def test_lost_property_a_letter_and_a_request_not_to_post_photos_are_not(text: str, kind: str) -> None:
    assert not _photo_flags(text, kind=kind)
