"""Rules that replaced one-sentence patterns, and rules tightened so they stop accusing innocent parents.

Every sentence here is new: other names, other staff, other wording than the labelled sets
that the rules were tuned on. Each generalised family has positives (the family of phrasings
the one-sentence pattern stood for) and traps (everyday messages with the same words), so a
rule that drifts back to one sentence, or out to every sentence, fails here.
"""

import pytest

from rep_assistant.core.detection.rules import Message, detect


def _cats(text: str) -> set[str]:
    return {f.category for f in detect([Message(1, "2025-02-04T10:00", "Parent", text)])}


def _check(text: str, category: str, expected: bool) -> None:
    got = _cats(text)
    assert (category in got) is expected, (text, category, got)


# -- generalised families ----------------------------------------------------------------------

#: "let them fine me" was one sentence; defying an absence fine is a family.
FINE_DEFIANCE = [
    ("We're off to Lanzarote in term time, let them fine us", True),
    ("Taking mine out for the holiday in May, I'll happily pay the fine", True),
    ("A week in Cornwall is cheaper than the fine would be", True),
    ("Keeping him off for his cousin's wedding, fine me then", True),
    ("Holiday booked for June, we'd rather pay the fine than the August prices", True),
    ("I'll just pay the fine for Ava's lost library book", False),
    ("Is there a fine for returning library books late?", False),
    ("The weather looks fine for sports day, bring sun cream", False),
    ("Let them finish their lunch before the coach leaves please", False),
    ("I'll pay the fine print no attention, the form is fine", False),
]

#: "going down the pan", "regret choosing this place": each was an idiom row for one sentence.
SCHOOL_GONE_DOWNHILL = [
    ("This school has gone right down the pan since the new head started", True),
    ("Honestly the standards have gone to pot since September", True),
    ("Our academy is going down the drain and nobody in charge cares", True),
    ("This place is going to the dogs, I'm telling everyone", True),
    ("I regret ever sending my two to this school", True),
    ("Really regret picking that academy for Year 7", True),
    ("My savings went down the drain after Christmas", False),
    ("The bathwater went down the drain and the twins cried", False),
    ("school dinners have gone downhill, my two come home starving", False),  # a grievance, not disrepute
    ("I regret not bringing a coat to the school fair", False),
]

#: Neglect hints ("no coat every day") instead of one sentence's "no coat".
NEGLECT_SIGNS = [
    ("Kian turns up without any breakfast every morning, someone should say something", True),
    ("Maisie wears the same dirty clothes all week", True),
    ("Ruby is always hungry at pickup, I don't think they feed her", True),
    ("Jayden came in with no coat again in this weather", True),
    ("Ellie-Rose has no shoes most days, it's not right", True),
    ("Harry has no coat for the trip tomorrow, does anyone have a spare?", False),
    ("Forgot the packed lunch, no lunch for me today haha", False),
    ("Autumn turns the leaves orange, lovely walk today", False),
    ("Without a coat the kids will freeze on the trip, please send one in", False),
]

#: Taking the class money for oneself, in any of its wordings.
MONEY_MISUSE = [
    ("Bella's dad took the class collection money and spent it on himself", True),
    ("The treasurer used the PTA takings on her own holiday", True),
    ("Apparently she kept all the raffle cash and pocketed it", True),
    ("The old chair spent our fundraising money on his own car", True),
    ("Mrs Quinn took the trip money and kept it", True),
    ("Mrs Bell took the money for the trip to the office this morning", False),
    ("The PTA spent the fair money on new library books", False),
    ("I took the dinner money in yesterday, all paid", False),
    ("We used the class collection money on a lovely gift for Miss Orr", False),
]

#: Posting about the school on a public site (was a pattern for "on Mumsnet" only).
POSTING_PUBLICLY = [
    ("Posted about the school on Facebook, people need to know", True),
    ("I've written all about this school on Mumsnet, it's had 200 replies", True),
    ("Wrote a long post about the head on Nextdoor last night", True),
    ("Posted about the school on the local mums group, the replies are savage", True),
    ("I've put a review on Google warning people what this place is really like", True),
    ("I posted about the school fair on the PTA page", False),
    ("I posted about the school on the PTA page so it's in one place", False),
    ("Left a lovely review on Google for the school holiday club", False),
    ("I've gone to the paper shop for the school trip snacks", False),
    ("Just going to the newsagents, anyone need anything?", False),
]

#: "Someone needs to give that TA a slap": the blow, not every "needs ... punch".
DESERVES_A_SLAP = [
    ("That dinner lady needs a good slap", True),
    ("Honestly someone needs to give the deputy a smack", True),
    ("He deserves a proper kicking for what he said", True),
    ("Whoever keyed my car needs a good hiding", True),
    ("The pudding needs a good stir then punch holes in the top", False),
    ("Sam needs a hug and some fruit punch after the race", False),
    ("The party needs a punch bowl, can anyone lend one?", False),
]


#: "This school is a sinking ship" was one sentence; calling the school a circus or a laughing stock is a family.
SCHOOL_IS_A_CIRCUS = [
    ("Honestly our academy has become a complete laughing stock", True),
    ("This place is an absolute circus, nobody knows what's happening", True),
    ("The school is turning into a madhouse since the new head came", True),
    ("That primary is a sinking ship, get out now", True),
    ("The school's a total clown show at pickup", True),
    ("The school is hosting a circus skills workshop on Friday", False),
    ("Our school is a circus-themed disco this year, costumes welcome", False),
    ("The kids said the assembly was a laughing stock of jokes, they loved it", False),
    ("We went to the circus at the weekend, the school trip is next", False),
]

#: "Review: avoid" as a verdict on the school, not advice to avoid the car park.
VERDICT_AVOID = [
    ("Two years at this school, my verdict: avoid!", True),
    ("The head never answers and the staff keep leaving. Verdict - avoid.", True),
    ("My advice: avoid the car park at 3pm, the school gate is gridlock", False),
    ("Review of the new chippy: avoid.", False),
]

#: Telling people to avoid the school itself, not a place or thing that starts with "school".
AVOID_THE_SCHOOL = [
    ("Avoid this school at all costs", True),
    ("If you're choosing primaries, stay away from this school.", True),
    ("Best to avoid the school car park at pick-up, it's gridlocked", False),
    ("Stay away from the school gates this afternoon, the road is closed", False),
    ("Avoid the school run traffic on Elm Road tomorrow", False),
]

#: A child described as withdrawn in themselves, not withdrawn from a club.
CHILD_WITHDRAWN = [
    ("Noticed Kofi is quiet and withdrawn since Christmas, is everything alright?", True),
    ("Amara has gone really withdrawn this term, poor thing", True),
    ("Amelia has been withdrawn from swimming lessons this term", False),
    ("Leo was withdrawn by his parents from the residential", False),
]

@pytest.mark.parametrize(("text", "expected"), FINE_DEFIANCE)
def test_fine_defiance_is_a_policy_challenge(text: str, expected: bool) -> None:
    _check(text, "policy-challenge", expected)


@pytest.mark.parametrize(("text", "expected"), SCHOOL_GONE_DOWNHILL)
def test_school_gone_downhill_is_disrepute(text: str, expected: bool) -> None:
    _check(text, "disrepute", expected)


@pytest.mark.parametrize(("text", "expected"), NEGLECT_SIGNS)
def test_neglect_signs_are_about_a_child(text: str, expected: bool) -> None:
    _check(text, "individual-child", expected)


@pytest.mark.parametrize(("text", "expected"), MONEY_MISUSE)
def test_money_misuse_is_defamation(text: str, expected: bool) -> None:
    _check(text, "defamation", expected)


@pytest.mark.parametrize(("text", "expected"), POSTING_PUBLICLY)
def test_posting_publicly_is_disrepute(text: str, expected: bool) -> None:
    _check(text, "disrepute", expected)


@pytest.mark.parametrize(("text", "expected"), DESERVES_A_SLAP)
def test_deserving_a_slap_is_a_threat(text: str, expected: bool) -> None:
    _check(text, "threat", expected)


# -- tightened: rules that used to accuse innocent messages ------------------------------------

#: Threats need a threat: a dare, a blow aimed at a person, "say it to my face".
THREATS = [
    ("Touch my lad one more time and see what happens", True),
    ("Go on, try it again and see what happens", True),
    ("Say that to my face at the gate, I dare you", True),
    ("Next time I see him I'll punch his lights out", True),
    ("If she blocks my drive again I'll smash her car", True),
    ("She'll pay for this, mark my words", True),
    ("Plant the cress seeds on Monday and see what happens", False),
    ("Let's try the new reading app and see what happens", False),
    ("The nativity brought a tear to my face", False),
    ("I'll come round at 4 to drop off the costume", False),
    ("I'll get him to bring the form in tomorrow", False),
    ("I'll knock on the door when I arrive", False),
    ("I'll hit the shops after drop off if anyone needs anything", False),
    ("I'll be waiting outside the gate at 3 for anyone who wants the spare tickets", False),
    ("I'll regret this third slice of cake later", False),
    ("We're going to regret this sleepover tomorrow morning haha", False),
    ("I know who you are, you're Mila's mum! Lovely to meet you", False),
    ("Whoever found my keys, I'll get you a bottle of wine!", False),
    ("They'll know about it at the office, just ring them", False),
    ("She'll pay for the pizzas and we can split it after", False),
    ("I know where Mrs Okafor lives, she's my neighbour, happy to drop the card round", False),
]

#: A complaint needs complaining words: a streak, short notice or "last minute" are not enough.
GRIEVANCES = [
    ("Fourth week in a row the reading books haven't come home, the teacher needs to sort it", True),
    ("Parents evening moved again with one day's notice, how is anyone meant to plan around the school?", True),
    ("They always tell us about trips at the last minute, the school never plans", True),
    ("Last minute reminder: school trip tomorrow, packed lunch please", False),
    ("Won three matches in a row, the school team were brilliant", False),
    ("Please give the school two days notice of any absence", False),
]

#: An insult must be about the person: what a teacher said about the weather is not about her.
ABUSE = [
    ("Mrs Achebe from 4C is completely useless", True),
    ("Jonah's dad at pickup is an absolute idiot", True),
    ("Mrs Khan said the new road layout is awful for parking", False),
    ("Miss Patel told us the weather on Friday is terrible so bring coats", False),
    ("Mr Jones said the old printer is useless so they bought a new one", False),
    ("Mrs Webb mentioned the old hall is disgusting and they are repainting it", False),
    ("Friday is terrible for me, can we do Monday?", False),
    ("Thanks Mr Rahman for the photos. On the way home the coach was late and rubbish", False),
    ("Our football coach is useless, never turns up", True),
]

#: A child's name and a behaviour or health word must share a sentence (a list under a colon counts as one).
ONE_SENTENCE = [
    ("Mia and Zoe are best friends now, so sweet. Unrelated but my dog keeps biting the sofa", False),
    ("Olivia loved the party. Separately, my youngest is crying about swimming being cancelled", False),
    ("Arlo keeps biting the other kids in the line", True),
    ("About Jaden for the party:\n- severe nut allergy\n- carries an EpiPen", True),
    ("Layla's birthday party is Saturday at 2, the address is 14 Elm Road", False),
    ("Evie was crying with laughter at the puppet show", False),
    ("Max is in trouble with his sister for eating her Easter egg haha", False),
    ("Sienna's behaviour chart is a lovely idea, she loves the stickers", False),
    ("Alfie pushed his way to the front of the queue for ice cream, the little monkey", False),
    ("Alfie pushed my daughter off the climbing frame", True),
    ("Sienna's behaviour has been awful since Christmas", True),
    ("Is Rory still on the behaviour chart? He was sent out again", True),
]

#: Everyday messages with a trigger word in them.
EVERYDAY = [
    ("We're going to Stratford-upon-Avon for half term, any tips?", "commercial"),
    ("ParentPay wants my account details again, anyone else having trouble?", "commercial"),
    ("Please vote for our school in the council's eco award", "commercial"),
    ("We were told at parents evening that the trip is on Tuesday", "rumour"),
    ("Did you hear the school choir on the radio?", "rumour"),
    ("The teacher's car was stolen from outside the school, poor Mrs Finch", "defamation"),
    ("Theo kicked the winning goal, so proud of the team", "individual-child"),
    ("Ella hit a six at cricket club!", "individual-child"),
    ("Ava's slime smells amazing, where did you buy it?", "individual-child"),
]


@pytest.mark.parametrize(("text", "expected"), THREATS)
def test_threats_need_a_threat(text: str, expected: bool) -> None:
    _check(text, "threat", expected)


@pytest.mark.parametrize(("text", "expected"), GRIEVANCES)
def test_grievances_need_a_complaint(text: str, expected: bool) -> None:
    _check(text, "grievance", expected)


@pytest.mark.parametrize(("text", "expected"), ABUSE)
def test_insults_are_about_the_person_named(text: str, expected: bool) -> None:
    _check(text, "abuse", expected)


@pytest.mark.parametrize(("text", "category"), EVERYDAY)
def test_everyday_messages_are_not_flagged(text: str, category: str) -> None:
    _check(text, category, False)


@pytest.mark.parametrize(("text", "expected"), ONE_SENTENCE)
def test_child_topics_share_a_sentence_with_the_child(text: str, expected: bool) -> None:
    _check(text, "individual-child", expected)


#: A policy with scorn or a call to defy it; not the rules of a game, nor a call to read the policy.
POLICY_CHALLENGE = [
    ("The new phone ban is ludicrous, let's all refuse to hand them in", True),
    ("If we all keep them home on the INSET swap day the attendance policy can't touch us", True),
    ("The dress code is pointless, we should all ignore it", True),
    ("Let's all remember the rules for the sponsored walk, stay with your group", False),
    ("The rules of the board game were silly but the kids loved it", False),
    ("Reminder: the uniform policy is on the website, no chance of it changing this year", False),
    ("We should all read the new homework policy, it's actually really helpful", False),
]

#: Politics named with an opinion in the same sentence; not a colour, a club, a lesson or the afternoon.
POLITICAL = [
    ("Labour are destroying this country", True),
    ("Honestly the PM is a disgrace", True),
    ("The government is a disgrace, teachers are underpaid everywhere", True),
    ("Whoever voted for this lot should be ashamed. Tories out!", True),
    ("The best seats for the show are in the Green room", False),
    ("Green team won sports day, best day ever", False),
    ("Labour of love, this costume! Best thing I've made", False),
    ("The government's free school meal form is on the website, support is available", False),
    ("The PM club (after school) is the best thing they've done", False),
    ("Pick up is in the pm, best to come early", False),
    ("Immigration topic in Year 6 history was great, they learnt about Windrush", False),
]


@pytest.mark.parametrize(("text", "expected"), POLICY_CHALLENGE)
def test_policy_challenge_needs_scorn_or_defiance(text: str, expected: bool) -> None:
    _check(text, "policy-challenge", expected)


@pytest.mark.parametrize(("text", "expected"), POLITICAL)
def test_political_opinion_needs_politics_and_an_opinion(text: str, expected: bool) -> None:
    _check(text, "political", expected)


#: Private correspondence is a reply to the poster shown to the group, not the newsletter or a note of arrangements.
CORRESPONDENCE = [
    ("Look at this reply from the office, they couldn't care less", True),
    ("Look at this email from Mrs Shah, unbelievable", True),
    ("Mr Kovac emailed me last night, look at the tone of it", True),
    ("The deputy head emailed me, see below", True),
    ("Mrs Ito texted me to say the trip is on, see you all at 8", False),
    ("Look at this email from the school about the fair, so exciting", False),
    ("Miss Dale emailed me back about the lost jumper, it's in lost property, thanks Miss Dale!", False),
]

#: Good news passed on is not gossip; a happy caps post is not anger.
GOOD_NEWS = [
    ("I've heard the new climbing frame arrives Monday, the kids will be thrilled", "rumour"),
    ("She was drunk with happiness when her team won haha", "defamation"),
    ("WHAT A DAY!!! The kids loved the farm trip!!!", "anger"),
]


@pytest.mark.parametrize(("text", "expected"), CORRESPONDENCE)
def test_private_correspondence_is_a_private_reply(text: str, expected: bool) -> None:
    _check(text, "private-correspondence", expected)


@pytest.mark.parametrize(("text", "category"), GOOD_NEWS)
def test_good_news_is_not_flagged(text: str, category: str) -> None:
    _check(text, category, False)


@pytest.mark.parametrize(("text", "expected"), SCHOOL_IS_A_CIRCUS)
def test_school_called_a_circus_is_disrepute(text: str, expected: bool) -> None:
    _check(text, "disrepute", expected)


@pytest.mark.parametrize(("text", "expected"), VERDICT_AVOID + AVOID_THE_SCHOOL)
def test_a_verdict_to_avoid_the_school_is_disrepute(text: str, expected: bool) -> None:
    _check(text, "disrepute", expected)


@pytest.mark.parametrize(("text", "expected"), CHILD_WITHDRAWN)
def test_a_withdrawn_child_is_about_the_child(text: str, expected: bool) -> None:
    _check(text, "individual-child", expected)
