"""Suggest the categories a policy clause covers from its wording.

Real schools say the same few things in many ways: "abusive or personal comments",
"harsh words or nastiness", "laugh at other parents"; "airing grievances", "moaning about
the teachers", "be critical of teaching staff"; "no messages before 6am and after 8pm".
So each category has a family of cues, written as word stems and short patterns rather than
any school's sentence, plus a few generic cues ("respect", "courteous", "kind") that count
only when nothing specific is there. A clause that only states a general value is a
*general clause*: the rep may choose to cite it for categories the document never names.

Only rules get categories. A sentence describing the group's purpose or what the school does
after a breach ("may be reported to the police", "will take legal advice") maps to nothing,
so a flag can never cite it. Free-standing sentences need normative language (not, never,
should, please, avoid, an imperative verb); items under a lead-in take their meaning from it.
"""

import regex

_I = regex.IGNORECASE
_CHILD = r"(?:child(?:ren)?|pupils?|students?|kids?|sons?|daughters?|learners?)"
_STAFF = r"(?:teach(?:ers?|ing staff)|staff|head ?teachers?|principals?|school|college|academy)"

# Most specific first: ties on position are broken by this order.
_SPECIFIC: dict[str, tuple[str, ...]] = {
    "private-correspondence": (
        r"private (?:e-?mails?|letters?|correspondence)",
        r"(?:post|shar|forward|circulat|publish|screenshot)\w*\s+(?:\w+\s+){0,3}private(?:\s+or\s+\w+)?\s+(?:messages?|e-?mails?|letters?|correspondence)",
        r"screenshot\w*\s+(?:of\s+)?(?:\w+\s+){0,3}(?:e-?mails?|letters?|correspondence|communications?)",
        r"(?:e-?mails?|letters?) (?:from|sent by) (?:the )?" + _STAFF,
    ),
    "individual-child": (
        r"individual " + _CHILD,
        r"(?<!(?:photo(?:graph)?s?|pictures?|images?|videos?|footage) of )(?:named|identifiable|another(?: person)?['’]s|other people['’]s) " + _CHILD
        + r"(?! in (?:photos|pictures|images))(?!['’]s? (?:photo|picture|image))",
        r"" + _CHILD + r" (?:should|must) (?:never|not) be named", r"nam(?:e|ing) (?:\w+ ){0,2}" + _CHILD,
        r"discuss\w*\s+(?:(?!within\b|in front\b|earshot\b)[\w/,’']+\s+){0,8}?" + _CHILD
        + r"\b(?!['’]s? (?:photo|picture|image|key ?(?:person|worker)|teacher|class|school|nursery))",
        r"incidents?\b[^.]{0,60}\b" + _CHILD,
        _CHILD + r"\b[^.;]{0,30}\b(?:be|being) (?:\w+ )?(?:discussed|named|talked about)",
        r"(?:behaviour|behavior|discipline|health|needs) of (?:a |an |another |other )?" + _CHILD,
    ),
    "private-conversation": (
        r"private (?:conversations?|chats?|discussions?)", r"one[- ](?:to|on)[- ]one", r"direct (?:messages?|conversations?|chats?)",
        r"(?:conversations?|chats?|exchanges?) with (?:a single|one|only one|just one) (?:other )?(?:member|person|parent)",
        r"(?:use|move|switch|send|via|by way of|reply|take it|chat)\w*\s+(?:\w+\s+){0,4}(?:private|personal|individual) (?:messages?|texts?|chats?|groups?)",
        r"general conversations?", r"chat(?:ting)? with (?:1|one|2|two)\b", r"(?:conversation|discussion) (?:\w+ ){0,3}(?:continued )?outside the group",
        r"back[- ]and[- ]forth", r"personal (?:conversations?|chats?|exchanges?)", r"long[- ]winded chats?",
    ),
    "defamation": (r"defamat", r"\blibel", r"slander",
                   r"(?:false|untrue|unfounded|malicious|unproven) (?:or \w+ )?(?:allegations?|accusations?|claims?|statements?|comments?)",
                   r"\ballegations?\b", r"\baccus(?:e|ing|ations?)\b", r"false or malicious", r"unsubstantiated", r"\bsmear",
                   r"\blies\b", r"\buntrue\b"),
    "threat": (r"threat", r"intimidat", r"aggressi(?:ve|on)", r"\bmenac", r"coerci", r"\bregret it\b"),
    "policy-challenge": (
        r"(?:air|discuss|challeng|criticis|critique|debat|grievances?|issues?|question|undermin|campaign|views|defy|ignore|oppos)\w*\b[^.;]{0,80}\bpolic(?:y|ies)\b",
        r"challeng\w* (?:the )?(?:school|college|academy)['’]?s? (?:decisions?|rules?)", r"\bdefy\b", r"campaign\w* against",
    ),
    "political": (r"politic", r"current affairs", r"\bpart(?:y|ies) (?:politics|political)", r"\belections?\b", r"\bgovernments?\b",
                  r"campaigning for", r"\bcanvass", r"\blobby", r"\bvot(?:e|ing) for", r"(?:election|party|political) campaign"),
    "disrepute": (r"disrepute", r"reputation(?! of (?:the |a |an |that |this )?(?:person|individual|member|parent|pupil|child|family))",
                  r"bring\w* (?:the )?(?:school|college|academy) into",
                  r"(?:bad|negative|poor|online|unfavourable|one-star|1-star) reviews?", r"review (?:sites?|websites?|platforms?)",
                  r"trustpilot|google reviews?|mumsnet|parent view",
                  r"(?:negative(?:ly)?|malicious|disparag\w*|derogatory)\b[^.;]{0,40}\babout (?:the|our) (?:school|college|academy)\b",
                  r"(?:school|college|academy)[^.;]{0,60}\b(?:mentioned|discussed|talked about|portrayed) in a negative",
                  r"run\w* (?:the |our )?(?:school|college|academy) down", r"undermin\w* (?:the )?(?:school|college|academy|mission)"),
    "personal-data": (
        r"(?:personal|private)(?:,? (?:\w+,? ){0,2}(?:or|and) \w+)? (?:details|data|information)",
        r"(?:others['’]?|other people['’]s|everyone['’]s|families['’]?|(?<!your )their) privacy", r"\bnames of (?:\w+ ){0,2}" + _CHILD,
        r"contact (?:details|information|numbers?)", r"phone numbers?", r"telephone numbers?",
        r"mobile numbers?", r"(?:home )?address(?:es)?\b(?! (?:concerns|issues|this|the))", r"e-?mail address", r"confidential information",
        r"\bphoto(?:graph)?s?\b",
        r"(?:pictures?|images?|videos?|video footage|footage)\s+(?:\w+\s+){0,6}(?:of|containing|showing|with|in which)\s+(?:\w+\s+){0,3}"
        + r"(?:" + _CHILD + r"|other|others|people|families|anyone)", r"in which a (?:pupil|child|student) appears",
        r"medical", r"\bhealth\b", r"full names", r"identifying information", r"class lists?", r"data (?:privacy|protection)",
    ),
    "commercial": (r"commercial", r"advertis", r"\badverts?\b", r"\bpromot(?:e|ing|ions?)\b", r"\bsell(?:ing|s)?\b", r"\bproducts?\b",
                   r"marketing", r"business(?:es)?\b", r"fundrais", r"chain (?:mail|messages?|letters?)", r"\bspam", r"\bMLM\b",
                   r"pyramid", r"petitions?", r"personal appeals?", r"sponsor", r"crypto", r"unrelated campaigns?"),
    "offensive-language": (r"\bswear", r"\bcurs(?:e|es|ing)\b", r"(?:offensive|bad|foul|inappropriate|crude|vulgar|abusive|strong|coarse|rude) language",
                           r"profan", r"obscen", r"expletive", r"offensive (?:material|content|jokes?|images?|words?)",
                           r"sexually explicit", r"explicit (?:content|material|images?|language)", r"pornograph",
                           r"violent (?:content|material|images?|videos?)", r"\bgraphic\b", r"\b18\+", r"\badult (?:content|material|images?)",
                           r"\bexplicit\b(?!\s+(?:written\s+)?(?:permission|consent|approval|agreement))",
                           r"(?:anything|something|material|content|images?|memes?|jokes?|videos?)\b[^.;]{0,30}\boffensive\b"),
    "grievance": (r"grievance", r"complain", r"critici", r"\bcritical\b", r"\bmoan", r"\bvent(?:ing)?\b",
                  r"air(?:ing)? (?:views|issues|concerns|problems|frustrations)", r"\bconcerns?\b", r"\bfrustrations?\b",
                  r"(?:issues?|problems?|disputes?) (?:with|about|around|involving|regarding) (?:\w+ ){0,2}" + _STAFF,
                  r"discuss\w*\s+(?:[\w,/]+\s+){0,3}(?:members of )?(?:staff|teachers?)\b",
                  r"(?:staff|teachers?)\b[^.;]{0,60}\b(?:be|being) (?:\w+ )?discussed", r"talk\w* about (?:the )?teach", r"\bberate",
                  r"(?:negative )?comments? (?:about|on|regarding) (?:the )?(?:teach|staff)",
                  r"(?:reach(?:ing)? out|speak|talk|go|come|raise|contact|approach|take|bring|direct)\w*\s+(?:\w+\s+){0,3}(?:to|with)\s+(?:the |your )?"
                  r"(?:class )?(?:teachers?|school|head\w*|principal|office)\b.{0,120}?\b(?:rather than|instead of|not (?:in|on|via|through) the group)"),
    "abuse": (r"\babus(?:e|ive)\b(?! section)(?!['’] section)", r"\binsult", r"\bbull(?:y|ying|ied)\b", r"harass", r"derogatory", r"demean",
              r"\bnast(?:y|iness)\b", r"harsh words", r"\bunkind", r"\brude\b", r"disrespect", r"belittl", r"\bmock", r"ridicul",
              r"laugh\w* (?:at|from|about) ", r"personal (?:attacks?|comments?|remarks?)", r"\bracis", r"\bsexis", r"homophob",
              r"discriminat", r"(?:negative|offensive|unpleasant|hurtful|mean|nasty)\W+(?:(?!or\b|and\b)\w+\W+){0,2}(?:comments?|remarks?|posts|messages)\b"
              r"(?! (?:about|on|regarding) (?:the |our )?(?:school|college|academy)\b)",
              r"\bsarcas", r"\bdegrad", r"\bshaming\b", r"humiliat"),
    "anger": (r"\banger\b", r"\bangry\b", r"capital letters", r"\bcapitals\b", r"shouting(?! at\b)", r"\bheated\b", r"\btemper\b",
              r"exclamation marks?", r"\barguments?\b", r"in the heat of the moment", r"\bcalm\b"),
    "rumour": (r"rumou?r", r"gossip", r"misinformation", r"not verified", r"unverified", r"hearsay", r"speculat", r"chinese whispers",
               r"fake news", r"\bhoax", r"\baccura(?:te|cy)\b", r"\bverif(?:y|ied|iable)\b", r"false (?:information|news|stories)", r"fear[- ]?mongering"),
    "late-night": (r"late at night", r"late-night", r"quiet hours", r"(?:unsociable|antisocial|anti-social|reasonable|sociable) hours",
                   r"(?:before|after|between)\s+\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)", r"between\s+\d{1,2}[.:]\d\d\s+and\s+\d{1,2}[.:]\d\d",
                   r"early in the morning", r"time (?:of day )?you post", r"family time", r"\bovernight\b", r"after (?:bed ?time|midnight)",
                   r"out[- ]of[- ]hours", r"outside (?:of )?(?:\w+ )?hours",
                   r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\s*(?:-|–|to|until|and)\s*\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm)\b",
                   r"\b\d{1,2}[.:]\d\d\s*(?:-|–|to|until)\s*\d{1,2}[.:]\d\d\b", r"(?:after|before) \d{1,2} ?o['’]clock"),
    "fragmented": (r"one (?:single )?chunk", r"single (?:complete )?(?:messages?|posts?)",
                   r"(?:each|every) (?:word|sentence|line|thought)\b[^.]{0,30}(?:new|separate) (?:message|post)",
                   r"series of (?:short |small )?messages", r"(?:many|lots of|several|multiple) (?:short|small|separate|tiny) messages",
                   r"not as a series", r"split\w* (?:your |a )?(?:messages?|thoughts?)"),
    "dont-know": (r"(?:do not|don['’]t|dont) know", r"no idea", r"nothing to add", r"not going to (?:bring|add) anything", r"unhelpful (?:replies|answers)"),
}
_GENERIC: dict[str, tuple[str, ...]] = {
    "offensive-language": (r"(?:polite|positive|friendly|clean|appropriate|kind|respectful in (?:their |your )?)(?:,? \w+){0,3}(?: and \w+)? language",),
    "abuse": (r"\brespectful(?:ly)?\b",
              r"\brespect\b(?! (?:\w+ )?(?:when|if|that)\b)(?! (?:the )?(?:purpose|time|ethos)|family time|people['’]s (?:time|privacy))"
              r"(?! (?:the |our |all |any )?(?:\w+['’]s? )?(?:polic(?:y|ies)|procedures?|decisions?|rules|guidelines|boundaries)\b)",
              r"\bcourteous", r"\bpolite\b", r"\bkind\b",
              r"\bconsiderate\b", r"\bsupportive\b", r"civil(?:ised|ized)?\b", r"\bfriendly\b"),
}
_ORDER = list(_SPECIFIC)

#: Categories a general clause ("treat all members with respect") can stand in for when the
#: document names nothing more specific: how members treat one another.
GENERAL_COVERS = ("threat", "abuse", "defamation", "offensive-language", "anger", "rumour")


def _compile(table: dict[str, tuple[str, ...]]) -> dict[str, regex.Pattern[str]]:
    return {cat: regex.compile("|".join(f"(?:{c})" for c in cues), _I) for cat, cues in table.items()}


_SPECIFIC_RE = _compile(_SPECIFIC)
_GENERIC_RE = _compile(_GENERIC)

_NEGATION = regex.compile(r"\b(?:not|never|no|nor|don['’]?t|avoid\w*|refrain\w*|prevent\w*|without|instead of|rather than)\b|n['’]t\b", _I)
_IMPERATIVE = regex.compile(
    r"^(?:always |only |just |kindly |try (?:not )?to |remember to )?(?:be|keep|use|post|move|stay|switch|send|share|think|ask|treat|respect|"
    r"consider|limit|mute|raise|take|contact|speak|report|check|make sure|ensure|follow|put|reply|respond|help|include|"
    r"politely|allow|leave|let|write|type|bring|approach|seek|collaborate|address|direct)\b", _I)
_NORMATIVE = regex.compile(
    r"\b(?:not|never|no|refrain|avoid|should|must|shall|please|inappropriate|unacceptable|agree(?:ing)? to|adhere|expected|required|"
    r"prohibited|forbidden|permissible|permitted|tolerated|best (?:addressed|raised)|would (?:like|ask) (?:you|parents|all parents|everyone)|"
    r"ask(?:s|ed)? (?:you|parents|that|everyone|all))\b|n['’]t\b", _I)
# A general value ("be respectful") is a rule only when asked for outright.
_ASKED = regex.compile(r"\b(?:should|must|please|always|never|do not|don['’]t|avoid|expect\w*|agree\w*|ask\w*)\b", _I)
_SENTENCES = regex.compile(r"(?<=[.!?])(?<!\b(?:Mr|Mrs|Ms|Miss|Dr|St|Rev|e\.g|i\.e|etc|No)\.)\s+(?=[A-Z“\"‘'])")
# What the school or its admins do after a breach, or say about themselves: never a rule.
_SANCTION = regex.compile(
    r"\b(?:will|may|can|could|might)\s+(?:\w+\s+){0,3}?(?:be reported|be removed|be banned|be asked|be advised|be grounds|"
    r"take (?:legal|further|action|other)|seek legal|contact the police|report (?:it|them|the)|consider (?:taking|further)|result in|face)\b", _I)
_OWN_RULE = regex.compile(r"\b(?:should|must|please|do not|don['’]t|never)\b", _I)
# What the school, its staff or the admins do themselves ("The school will not upload pictures…",
# "Staff are advised not to accept friend requests"): their practice, not a rule for parents,
# unless it says what they won't put up with.
_SCHOOL_PRACTICE = regex.compile(
    r"^(?:the |our |all |any )?(?:school|college|academy|staff(?: members)?|teachers?|we|admins?|administrators?|moderators?|class reps?|"
    r"group admin\w*)\b(?:\s+\w+){0,2}?\s+(?:will|may|can|aims?|tries|try|is|are|does not|do not|doesn['’]t|don['’]t|never)\b"
    r"(?![^.]*\b(?:tolerat|accept|allow|permit|expect|ask|request))", _I)
# A clock time is about quiet hours only where the clause is about posting (not "arrive before 11.00am").
_MESSAGING = regex.compile(r"\b(?:post\w*|messag\w*|send\w*|sent|text\w*|chat\w*|groups?|notif\w*|repl\w*|whatsapp|ping\w*|online)\b", _I)
_LATE_WORDS = regex.compile(r"late at night|late-night|quiet hours|unsociable|antisocial|anti-social|sociable hours|family time|overnight|"
                            r"bed ?time|midnight|early in the morning|out[- ]of[- ]hours", _I)
# A personal-data cue (phone numbers, photos) in a sentence that neither forbids it nor asks for care is consent
# or description ("members agree to share their mobile number with the group").
_GUARDS = regex.compile(r"\b(?:permission|consent|privacy|private|care(?:ful)?|mindful|cautious|only|protect\w*|safe\w*)\b", _I)

_DESCRIPTIVE_LEAD = regex.compile(
    r"\b(?:aims?\b|aim is|purpose|intended|can be used|may be used|are used|used to share|believe|important to|not limited to|legislation|"
    r"in conjunction|following (?:\w+ )?policies|may then|will consider|following action|steps? (?:we|the school)|so (?:that )?they can|"
    r"opportunity|benefits|will be able|encourag\w+ social|examples? of (?:good|appropriate)|\bappropriate uses|\bacceptable (?:uses|content|posts)|"
    r"welcome|include(?:s|d)? (?:things|items) like|useful for)\b|\bbe used (?:for|to|as)\b(?![^.]*\b(?:not|never|avoid\w*)\b)[^.]*$", _I)
_PROHIBITIVE_LEAD = regex.compile(
    r"\b(?:inappropriate|unacceptable|not (?:be )?tolerat\w*|will not accept|prohibited|forbidden|not (?:permitted|allowed|acceptable|appropriate)|"
    r"avoid|don['’]?t|do not|never|must not|should not|refrain|banned|breach\w*|not to)\b|\bNOT\b", _I)
_UPPER_NOT = regex.compile(r"\bNOT\b")
_RULE_LEAD = regex.compile(
    r"\b(?:agree|expect|anticipate|guidelines?|follow|adhere|ask(?:ed|s)? (?:that|everyone|you|all|parents)|must|should|rules?|code of conduct|"
    r"etiquette|take note|note the following|please|requirements?|required|comply|complying|remember|do:)", _I)


def has_negation(text: str) -> bool:
    return bool(_NEGATION.search(text))


def prohibits(text: str) -> bool:
    """Whether a clause says what not to do (itself or through its lead-in), the most direct thing a flag can cite."""
    return has_negation(text) or bool(regex.search(r"inappropriate|unacceptable|tolerat|forbidden|prohibited|not (?:permitted|allowed)", text, _I))


def lead_polarity(lead: str) -> str:
    """What a lead-in makes of the items under it: 'prohibition', 'rule', 'description' or 'neutral'."""
    if regex.search(r"\bARE\b|\bIS\b", lead) and not _UPPER_NOT.search(lead):
        return "description"  # "What these groups ARE:"
    if _DESCRIPTIVE_LEAD.search(lead) and not _UPPER_NOT.search(lead):
        return "description"
    if regex.fullmatch(r"(?:please )?do\W*", lead.strip(), _I):
        return "rule"
    if _PROHIBITIVE_LEAD.search(lead):
        return "prohibition"
    if _RULE_LEAD.search(lead):
        return "rule"
    return "neutral"


def is_rule(text: str) -> bool:
    """Whether a free-standing sentence asks something of members (rather than describing)."""
    if _SANCTION.search(text) and not _OWN_RULE.search(text):
        return False
    if _SCHOOL_PRACTICE.search(text.strip(" \"“‘'")):
        return False
    return bool(_NORMATIVE.search(text) or _IMPERATIVE.search(text.strip(" \"“‘'")))


def suggest_categories(text: str, *, rule_context: bool | None = None, forbidden_by_lead: bool = False) -> tuple[str, ...]:
    """Categories a clause's wording covers, in the order it names them; () when not a rule.

    ``rule_context``: True for an item of a rule list, False for an item of a descriptive
    list (purposes, the school's sanctions), None to judge the sentence on its own.
    ``forbidden_by_lead``: the item sits under a lead-in that forbids what it lists.
    """
    if rule_context is False:
        return ()
    if rule_context is None:  # only the sentences that ask something count, not the school's narrative around them
        text = " ".join(s for s in _SENTENCES.split(text) if is_rule(s))
        if not text:
            return ()
    else:  # an item of a rule list may still describe what the school itself does
        text = " ".join(s for s in _SENTENCES.split(text) if not _SCHOOL_PRACTICE.search(s.strip(" \"“‘'"))) or text
    found = _matches(_SPECIFIC_RE, text)
    if not found and (rule_context or _ASKED.search(text) or _IMPERATIVE.search(text.strip(" \"“‘'"))):
        found = _matches(_GENERIC_RE, text)
    if any(cat == "late-night" for *_, cat in found) and not _LATE_WORDS.search(text) and not _MESSAGING.search(text):
        found = [hit for hit in found if hit[2] != "late-night"]  # "arrive before 11.00am" is not about posting
    if not forbidden_by_lead and any(cat == "personal-data" for *_, cat in found) and not any(
            _SPECIFIC_RE["personal-data"].search(s) and (prohibits(s) or _GUARDS.search(s)) for s in _SENTENCES.split(text)):
        found = [hit for hit in found if hit[2] != "personal-data"]
    return tuple(cat for _, _, cat in sorted(found))


def warned_categories(text: str) -> tuple[str, ...]:
    """Categories a clause names only in what the school says follows a breach ("Any bad language or abusive
    posts will be removed", "posts that may be slanderous will be reported"). The document does forbid them;
    such a sentence is cited only for a category no rule of the document names."""
    warnings = " ".join(s for s in _SENTENCES.split(text) if _SANCTION.search(s) and not _OWN_RULE.search(s))
    return tuple(cat for *_, cat in sorted(_matches(_SPECIFIC_RE, warnings))) if warnings else ()


def is_general(text: str) -> bool:
    """A clause that states only a general value ("be respectful and kind"), naming nothing specific."""
    return not _matches(_SPECIFIC_RE, text) and bool(_matches(_GENERIC_RE, text))


def specificity(text: str, category: str) -> tuple[int, int]:
    """How squarely a clause names ``category``: (2 for a specific cue, 1 for only a generic one,
    0 for neither; how many of the category's cues it uses)."""
    for level, table in ((2, _SPECIFIC_RE), (1, _GENERIC_RE)):
        if category in table:
            hits = len(table[category].findall(text))
            if hits:
                return level, hits
    return 0, 0


def _matches(table: dict[str, regex.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    hits = []
    for cat, pattern in table.items():
        m = pattern.search(text)
        if m:
            hits.append((m.start(), _ORDER.index(cat) if cat in _ORDER else len(_ORDER), cat))
    return hits
