"""The 18 breach categories of TAXONOMY.md: stable ids with their kind, default and meaning.

The ids are interface (command line, files, the GUI's help), so they live in one table here.
``rank`` orders the review queue: a threat is read before a late-night post, whatever the
order the messages came in.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    kind: str  # content | behaviour
    default: str  # breach | advisory
    meaning: str
    rank: int  # higher = reviewed first


_TABLE = (
    ("threat", "Threat", "content", "breach", "Threatens or intimidates someone, e.g. 'you'll regret it' or waiting for them outside."),
    ("defamation", "Defamation", "content", "breach", "States as fact that an identifiable person did something wrong (theft, crime, misconduct)."),
    ("abuse", "Abuse", "content", "breach", "Insults or attacks a member of staff, a pupil or a parent."),
    ("personal-data", "Personal data", "content", "breach",
     "Shares someone else's phone number, address or e-mail, a child's health or school record, or photos of children."),
    ("private-correspondence", "Private correspondence", "content", "breach", "Posts or screenshots a private e-mail or letter from staff."),
    ("individual-child", "Individual child", "content", "breach", "Discusses an identifiable child's behaviour, health, discipline or home life."),
    ("offensive-language", "Offensive language", "content", "breach", "Swearing or bad language, including disguised spellings."),
    ("disrepute", "Disrepute", "content", "breach", "Runs the school down in public or urges others to leave bad reviews or leave the school."),
    ("policy-challenge", "Policy challenge", "content", "breach", "Publicly attacks a school policy or urges others to ignore it."),
    ("grievance", "Grievance", "content", "breach", "Airs a complaint about a teacher, a child, a parent or how the school handled something."),
    ("political", "Political", "content", "breach", "Gives opinions on politics or current affairs: parties, governments, politicians."),
    ("commercial", "Commercial", "content", "breach", "Sells or promotes something, asks for personal fundraising, or pushes an unrelated petition."),
    ("rumour", "Rumour", "content", "advisory", "Passes on an unverified claim: 'apparently', 'I heard', 'word is'."),
    ("private-conversation", "Private conversation", "behaviour", "advisory",
     "Two members chatting back and forth about something that belongs in a private chat."),
    ("anger", "Anger", "content", "advisory", "Posts in anger: shouting in capitals, strings of !!! or ?!?!"),
    ("dont-know", "Don't know", "content", "advisory", "Replies only 'don't know' or 'no idea' to someone's question."),
    ("fragmented", "Fragmented", "behaviour", "advisory", "Splits one thought into many tiny messages in a row."),
    ("late-night", "Late night", "behaviour", "advisory", "Posts during quiet hours (22:00 to 07:00 unless changed in settings)."),
)

CATEGORIES: dict[str, Category] = {
    cid: Category(cid, label, kind, default, meaning, len(_TABLE) - i) for i, (cid, label, kind, default, meaning) in enumerate(_TABLE)
}
CATEGORY_IDS: tuple[str, ...] = tuple(CATEGORIES)


def rank_of(category: str) -> int:
    return CATEGORIES[category].rank
