"""Content rules: one message at a time, each a declared Rule with a small check.

A check returns a Hit (a sentence about the evidence plus spans) or None. Word lists say
*what* is said; the people references of ``Text`` say *about whom*: an insult needs a
person to be about, a complaint needs a teacher, child or the school to be about, a
diagnosis needs a child who is not the writer's own.
"""

from collections.abc import Callable

import regex

from rep_assistant.core.detection.rules.contact_details import TRIGGERS as CONTACT_TRIGGERS
from rep_assistant.core.detection.rules.contact_details import personal_contact as _personal_contact
from rep_assistant.core.detection.rules.languages import LANGUAGE_RULES
from rep_assistant.core.detection.rules.lexicon import idioms, insults, political_terms, political_terms_pattern
from rep_assistant.core.detection.rules.model import Hit, Rule
from rep_assistant.core.detection.rules.text import (
    COMMON_CAPS,
    NAME_WORD,
    PERSON_NOUN,
    PLACE_WORDS,
    PRONOUN,
    SCHOOL,
    STAFF_ROLE,
    TITLE_NAME,
    Text,
    compile_i,
    words,
)


def _phrase_check(pattern: regex.Pattern[str], summary: str) -> Callable[[Text], Hit | None]:
    """A check that is one pattern; ``summary`` may quote what matched as {match}."""
    def check(t: Text) -> Hit | None:
        m = pattern.search(t.raw)
        return Hit(summary.format(match=m.group().strip()), (m.span(),)) if m else None

    return check


def _quote(t: Text, span: tuple[int, int]) -> str:
    return t.raw[span[0]:span[1]]


def _near(spans: list[tuple[int, int]], pos: int, window: int = 80) -> bool:
    return any(abs(s - pos) <= window for s, _ in spans)


_SENTENCE_BREAK = regex.compile(r"[.!?]+(?:\s|$)")  # not a line break: "About Jaden:\n- nut allergy" is one topic


def _near_in_sentence(raw: str, spans: list[tuple[int, int]], pos: int, window: int = 80) -> tuple[int, int] | None:
    """The span near ``pos`` in the same sentence: "Mia and Zoe are friends. My dog keeps biting" is two topics."""
    for s, e in spans:
        if abs(s - pos) <= window and not _SENTENCE_BREAK.search(raw, min(e, pos), max(s, pos)):
            return (s, e)
    return None


def _about(t: Text) -> str:
    if t.staff:
        return "a member of staff"
    if t.child_refs:
        return "a child"
    return "someone"


# -- offensive language ------------------------------------------------------------------------

def _offensive(t: Text) -> Hit | None:
    hits = t.offensive
    if not hits:
        return None
    shown = ", ".join(f"'{t.raw[h.start:h.end]}'" for h in hits[:3])
    return Hit(f"Uses offensive language ({shown})", tuple((h.start, h.end) for h in hits))


# -- abuse ---------------------------------------------------------------------------------------

_SELF = compile_i(r"\b(?:i'?m|i am|i was|i feel|me|myself|i've been)\s+(?:\w+\s+){0,3}$")
_COPULA = r"(?:is|are|was|were|'s|'re|being|seems?|looks?|sounds?|acting|behaving)"
_DEGREE = (r"(?:(?:so|such|really|completely|totally|utterly|absolutely|just|a|an|bit|of|proper|bloody|very|quite|clearly|seriously|genuinely|"
    r"actually|properly|literally|dead|well|even|"
    r"honestly|too|right|little|bunch|load|lot|complete|total|absolute|silly|stupid|nasty|miserable|grumpy|bitter|sad)\s+){0,4}")


# Words that end the clause about the person: after "Mrs Khan said" the next "is awful" is about
# whatever she said ("the road layout is awful"), not about her.
_NEW_CLAUSE = (r"(?:said|says|say|told|tells|tell|thinks|thought|reckons|mentioned|explained|warned|announced|reminded|confirmed|"
               r"agrees|agreed|asked|wrote|e-?mailed|because|cos|so|but|and|that|when|if|as|while|though|although)")


def _insult_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    table = insults()
    alt = {kind: "|".join(sorted((regex.escape(w) for w, k in table.items() if k == kind), key=len, reverse=True))
           for kind in ("noun", "context", "adj")}
    noun = compile_i(rf"\b(?:{alt['noun']})\b")
    subject = rf"(?:{TITLE_NAME}|{STAFF_ROLE}|{PERSON_NOUN}|{PRONOUN}|\b{NAME_WORD}\b)"
    context = compile_i(rf"(?P<who>{subject})(?:\s+(?:{_COPULA}|such)|'s|'re)\s+(?:a\s+|an\s+)?(?:[\w'-]+\s+){{0,2}}?(?P<w>{alt['context']})\b"
                        r"(?!\s+(?:teller|of\s+a|for|about|at))"
                        rf"|\b(?:what|absolute|complete|total|proper|right|little|bunch\s+of|lot\s+of|load\s+of)\s+{_DEGREE}(?P<w2>{alt['context']})\b(?!\s+(?:of\s+a|for))")
    adj = compile_i(rf"(?P<who>{subject})(?:\s+(?!{_NEW_CLAUSE}\b)[\w']+){{0,5}}?(?:\s+{_COPULA}|'s|'re)\s+(?!not\b){_DEGREE}(?P<w>{alt['adj']})\b"
                    rf"|(?P<w2>{alt['adj']})\s+(?:(?:old|little|bunch\s+of|lot\s+of)\s+)?(?P<who2>{PERSON_NOUN}|lot|cow|woman|man)\b")
    return noun, context, adj


_NOUN_RE, _CONTEXT_RE, _ADJ_RE = _insult_patterns()


def _insult_tokens() -> frozenset[str]:
    return frozenset(tok for entry in insults() for tok in regex.findall(r"[a-z]+", entry) if tok not in {"a", "of", "to", "not", "old"})


_INSULT_WORDS = _insult_tokens()
_VEHICLE = compile_i(r"^(?:(?:the|our|a|this|that)\s+)?coach$")
_SPORT_BEFORE = compile_i(r"\b(?:football|swimming|pe|sports?|cricket|netball|rugby|gym|gymnastics|dance|tennis|hockey|athletics)\s+$")
_PERSON_WORD = compile_i(f"{STAFF_ROLE}|{PERSON_NOUN}|{PRONOUN}")
_NOT_PERSON_SUBJECT = frozenset({"it", "this", "that", "the", "weather", "parking", "traffic", "i", "there", "what", "which"})


def _abuse_hits(t: Text) -> list[tuple[int, int]]:
    spans = []
    if "#mask" in t.token_set:  # a disguised insult: "such a b*tch"
        nouns = insults()
        spans += [(h.start, h.end) for h in t.offensive
                  if nouns.get(h.word) == "noun" and not _SELF.search(t.raw[:h.start])]
    if _INSULT_WORDS.isdisjoint(t.token_set):
        return spans
    for m in _NOUN_RE.finditer(t.raw):
        if not _SELF.search(t.raw[:m.start()]):
            spans.append(m.span())
    for m in _CONTEXT_RE.finditer(t.raw, overlapped=True):
        who = m.group("who") or ""
        if m.group("w") and who.lower() not in _NOT_PERSON_SUBJECT and who.lower() not in _CAPS_NOT_PEOPLE \
                and who.lower() not in PLACE_WORDS:
            spans.append(m.span("w"))
        elif m.group("w2") and t.persons and _near(t.persons, m.start("w2"), 40) and not _SELF.search(t.raw[:m.start()]):
            spans.append(m.span("w2"))
    for m in _ADJ_RE.finditer(t.raw, overlapped=True):
        who = m.group("who") or m.group("who2") or ""
        if who.lower() in _NOT_PERSON_SUBJECT or (who[:1].isupper() and who.lower() in _CAPS_NOT_PEOPLE) \
                or (who.lower() in COMMON_CAPS and not _PERSON_WORD.fullmatch(who)) \
                or (_VEHICLE.search(who) and not _SPORT_BEFORE.search(t.raw, 0, m.start("who" if m.group("who") else "who2"))):
            continue  # "Friday is terrible"; "the coach was late and rubbish" is the bus, "the football coach" a person
        span = m.span("w") if m.group("w") else m.span("w2")
        spans.append(span)
    return sorted(set(spans))


_CAPS_NOT_PEOPLE = frozenset({"it", "this", "that", "the", "there", "what", "which", "honestly", "parking", "weather", "traffic",
                              "today", "tonight", "everything", "nothing", "life", "school", "homework", "newsletter", "app"})


def _abuse(t: Text) -> Hit | None:
    spans = _abuse_hits(t)
    if not spans:
        return None
    word = _quote(t, spans[0])
    return Hit(f"Calls {_about(t)} '{word}'", tuple(spans))


# -- grievance -----------------------------------------------------------------------------------

_COMPLAINT = compile_i(
    r"\b(?:not\s+(?:at\s+all\s+)?happy\s+(?:with|about)|unhappy\s+(?:with|about)|fed\s+up\s+(?:with|of)|sick\s+(?:and\s+tired\s+)?of|"
    r"(?:really\s+|very\s+|so\s+)?disappointed\b|(?:nobody|no\s+one)\s+(?:\w+\s+){0,3}(?:has\s+)?(?:answered|replied|responded|got\s+back|listened|bothered)|"
    r"appalling|disgraceful|atrocious|not\s+good\s+enough|(?:sorry\s+to\s+)?(?:moan|rant)\b|"
    r"(?:second|third|fourth|fifth|\w+th|umpteenth|\d+\w*)\s+(?:time|week|day|term|month|trip)\s+in\s+a\s+row|"
    r"needs?\s+to\s+(?:have\s+a\s+word|speak\s+to|talk\s+to)|"
    r"(?:has|have)\s+been\s+(?:\w+\s+)?(?:dreadful|awful|terrible|appalling|shocking|poor|rubbish|useless)|(?:always|keeps?|constantly)\s+forgett?ing|forgets\s+to|"
    r"so\s+angry\s+(?:about|with|that)|furious\s+(?:about|with|that)|disgusted\s+(?:with|by|that)|appalled|unacceptable|"
    r"(?:handled|managed|dealt\s+with)\s+(?:so\s+|really\s+|very\s+)?(?:badly|poorly|terribly|appallingly)|"
    r"how\s+(?:\w+\s+){0,4}(?:were|was|has\s+been|have\s+been)\s+handled|"
    r"(?:don't|doesn't|do\s+not|does\s+not|never|didn't|won't|hasn't|haven't|still\s+not|can't\s+be\s+bothered\s+to|not\s+once)\s+(?:\w+\s+){0,2}?"
    r"(?:care|cares|listen|listens|listening|reply|replies|replied|replying|respond|responds|responded|answer|answers|answered|answering|"
    r"bother|bothers|tell\s+us|tells\s+us|telling\s+us)|"
    r"(?:haven't|hasn't|still\s+not|not)\s+heard\s+(?:anything\s+)?back|"
    r"(?:hasn't|haven't|has\s+not|have\s+not|still\s+not)\s+(?:\w+\s+){0,2}?(?:fixed|sorted|done\s+anything|dealt\s+with)|"
    r"after\s+(?:two|three|four|five|six|\d+)\s+(?:weeks|months)|it's\s+been\s+(?:a|two|three|four|\d+)\s+(?:weeks?|months?)|"
    r"(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?complained|(?:my|our)\s+complaint|complaining\s+about|let\s+(?:us|"
    r"our\s+kids|the\s+kids|them)\s+down|failing\s+(?:our|my|the)\s+(?:kids|children)|"
    r"(?:isn't|is\s+not|aren't|are\s+not|wasn't)\s+good\s+enough|a\s+(?:joke|disgrace|farce|shambles)|ridiculous|"
    r"(?:cancelled|changed|moved)\s+(?:\w+\s+)?again|yet\s+again|(?:why|how)\s+(?:on\s+earth\s+)?(?:is|was|does|did)\s+(?:nobody|no\s+one)\s+|"
    # Complaints in plainer words: letdowns, unfairness, being kept in the dark, sarcastic thanks.
    r"not\s+(?:very\s+|at\s+all\s+)?impressed|unprofessional|gone\s+(?:\w+\s+)?downhill|what'?s\s+the\s+point|not\s+fair\s+on|"
    r"makes\s+no\s+sense|without\s+(?:even\s+)?(?:asking|telling|consulting|warning|informing)|fobbed\s+off|"
    r"(?:is|are|was|were|been|it's|its)\s+(?:\w+\s+){0,2}?(?:shocking|frustrating|infuriating|poor|a\s+letdown)\b|"
    r"(?:has|have)\s+not\s+(?:\w+\s+)?(?:responded|replied|answered|got\s+back|listened)|"
    r"(?:nobody|no\s+one)\s+(?:even\s+)?(?:cares|listens|bothers)|(?:can't|cannot|can\s+not)\s+believe\s+(?:this|they|the\s+school)\b|"
    r"how\s+hard\s+(?:is|can)\s+it|(?:for\s+the\s+)?(?:second|third|fourth|fifth|umpteenth)\s+time\b|"
    r"never\s+(?:gets?|been|being)\s+(?:marked|checked|read|answered|returned)|thanks\s+for\s+nothing\b|"
    r"(?:only|with|just|given|gave\s+us|give\s+us|on)\s+(?:a\s+|one|two|three|a\s+few|\d)\s*(?:days?|hours?)(?:'s|')?\s+notice|"
    r"(?:until|till|til|at)\s+the\s+(?:very\s+)?last\s+minute|last[- ]minute\s+(?:again|changes?|cancell?ations?|notice))"
)
_GRIEVANCE_TARGET = compile_i(
    rf"{TITLE_NAME}|{STAFF_ROLE}|{SCHOOL}|\bschool\b|\b(?:trip|trips|homework|reading\s+levels?|marking|detention|reports?|"
    r"parents?\s+evening|sports\s+day|the\s+play|nativity|casting|swimming|clubs?|communication|lunches|dinners|the\s+way\s+(?:they|it|this)|"
    r"(?:was|were|been|being)\s+handled|inset|pick\s?-?up|drop\s?-?off|cloakroom|lost\s+property|toilets?|"
    r"the\s+app|teaching)\b"
    # The institutional "they" of complaints about the school: "they never tell us anything".
    r"|\bthey\s+(?:\w+\s+)?(?:never|don't|keep|always|won't|didn't|can't)\s+(?:\w+\s+)?(?:us|parents|changing|cancelling)\b"
)
_CHILD_HARM = compile_i(
    r"\b(?:keeps?|kept|always|constantly|won't\s+stop|keeps\s+on)\s+(?:\w+\s+)?(?:pushing|hitting|biting|kicking|hurting|bullying|"
    r"picking\s+on|pinching|scratching|spitting\s+at|punching|shoving|tormenting|teasing)\b"
    r"|\b(?:his|her|their|the)\s+(?:parents|mum|dad|mother|father)\s+(?:need|needs|should|ought|have|has)\s+(?:to\s+)?"
    r"(?:sort|control|discipline|deal\s+with|do\s+something|teach|get\s+a\s+grip|be\s+ashamed)"
    r"|\b(?:hit|hits|punched|kicked|bit|pushed|shoved|hurt|scratched|pinched|bullied|bullying|thumped)\s+"
    r"(?:my|our)\s+(?:son|daughter|child|kid|boy|girl|little\s+one)\b(?=[^.!?]*\b(?:again|parents|mum|dad|nothing|every))"
)


def _grievance(t: Text) -> Hit | None:
    m = _COMPLAINT.search(t.raw)
    if m and _GRIEVANCE_TARGET.search(t.raw):
        return Hit(f"Airs a complaint ('{m.group().strip()}') about {_about(t) if t.staff or t.child_refs else 'the school'}",
                   (m.span(),))
    harm = _CHILD_HARM.search(t.raw)
    if harm and _near_in_sentence(t.raw, t.child_refs, harm.start(), 120):
        return Hit("Complains about another child's behaviour and their family", (harm.span(),))
    if t.staff:
        spans = _abuse_hits(t)
        if spans:
            return Hit(f"Criticises a member of staff ('{_quote(t, spans[0])}')", tuple(spans))
    return None


# -- individual child / health -------------------------------------------------------------------

# A ball, a goal or a note is struck in play: "Theo kicked the winning goal" is sport.
_IN_PLAY = r"(?!\s+(?:the|a|an|his|her|their)\s+(?:\w+\s+)?(?:ball|goal|penalty|shot|target|jackpot|bullseye|note|century|six|four|conker)s?\b)"
_BEHAVIOUR = (rf"biting|bitten|bites|bit\s+(?:my|another|other)|(?:hitting|hits|kicking|kicked|punched|punching){_IN_PLAY}|"
              r"hit\s+(?:my|another|a)(?!\s+(?:\w+\s+)?(?:ball|goal|target|six|four)s?\b)|"
              r"(?:pushing|pushed)(?!\s+(?:for\b|(?:his|her|their)\s+way|(?:the|a|his|her)\s+(?:button|door|pram|buggy|swing|trolley|bike)))|"
              r"thumping|thumped|shoving|shoved|pinching|scratching|spitting|fighting|hurting|throwing\s+things|"
              r"bully|bullying|bullied|bullies|naughty|badly\s+behaved|"
              # behaviour as a problem, not the sticker chart or the award for good behaviour
              r"(?<!\b(?:good|great|lovely|excellent|best|brilliant|amazing|fab|super)\s)behaviou?r(?!\s+(?:charts?|points?|awards?|certificates?|stars?))|"
              r"(?<=\bon\s+(?:the|a|his|her)\s+)behaviou?r\s+(?:chart|plan)|violent|aggressive|thug|brat|feral|tantrum|"
              r"lashing\s+out|swearing\s+at|stealing|stole|spat\s+at|out\s+of\s+control|nicking|nicked|"
              r"wet\s+(?:himself|herself|themselves)|soiled|(?:crying|cries)(?!\s+(?:with|of)\s+laughter|\s+laughing)|horrible\s+to|mean\s+to|nasty\s+to|unkind\s+to|rude\s+to|"
              r"copied\s+(?:off|from)|cheat(?:ed|ing)\s+(?:in|on|off)|starting\s+(?:it|fights?|trouble)|smelly|"
              r"smells(?=\s*(?:[,.!?]|$|\s+(?:bad|awful|horrible|terrible|disgusting|of\s+(?:wee|pee|poo|sweat|smoke))))|acting\s+out|"
              # withdrawn in herself, not withdrawn from swimming or by the school
              r"withdrawn(?!\s+(?:from|by)\b)|bit\s+(?=(?-i:\p{Lu}))")
_DISCIPLINE = (r"detention|excluded|exclusion|suspended|expelled|sent\s+home|sent\s+out|sent\s+to\s+(?:the\s+head|(?-i:Mrs|Mr|"
    r"Ms|Miss|Dr))|isolation|on\s+report|in\s+trouble(?!\s+with\s+(?:his|her|their)\s+(?:sister|brother|mum|dad|nan|gran))|red\s+card|internal\s+exclusion")
_HEALTH = (r"diagnosed|diagnosis|adhd|autism|autistic|asd|dyslexic|dyslexia|dyspraxia|(?-i:SEN|SEND)|ehcp|special\s+needs|allergy|allergic|"
           r"epipen|epi-pen|asthma|inhaler|diabetic|diabetes|epilepsy|seizures?|medication|meds|therapy|camhs|head\s+lice|nits|"
           r"self[- ]harm|eating\s+disorder|learning\s+difficult(?:y|ies)|speech\s+delay|on\s+the\s+spectrum|statement(?:ed)?")
_HOME = (r"divorce|divorcing|getting\s+divorced|split(?:ting)?\s+up|breaking\s+up|separated|custody|social\s+services|"
    r"in\s+care|foster(?:ed)?|police\s+came|domestic|evicted|"
         r"(?:mum|dad)\s+(?:left|walked\s+out)|free\s+school\s+meals|neglect(?:ed)?|"
         r"(?:going\s+on|problems?|trouble|issues|something\s+(?:wrong|up)|ok|okay|alright|happening)\s+at\s+home|"
         # signs of neglect: the same lack again and again
         r"(?:no|without\s+(?:a|any|her|his|their))\s+(?:coat|breakfast|lunch|packed\s+lunch|socks|shoes|food|jumper)\s+"
         r"(?:again|every\s+(?:day|morning|week)|all\s+week|most\s+days|in\s+this\s+weather)|"
         r"same\s+(?:dirty\s+)?clothes\s+(?:every\s+day|all\s+week|for\s+days)|(?:always|constantly)\s+(?:hungry|dirty|filthy|unwashed)")
# Whose address: "Shanice's address is", "her new address is", not a party's "the address is".
_ADDRESS_OF = compile_i(r"(?:\b\w+'s|\b(?:his|her|their))\s+(?:new\s+|home\s+)?address\s+(?:\w+\s+){0,3}?is\b|\blives\s+at\b")
_KID_CONTEXT = compile_i(r"\b(?:party|parties|invites?|invitations?|kids|children|child|son|daughter|class|playdate|classmates?)\b")
_CHILD_TOPIC = compile_i(rf"\b(?:{_BEHAVIOUR}|{_DISCIPLINE}|{_HEALTH}|{_HOME})\b")
_HOME_RE = compile_i(rf"\b(?:{_HOME})\b")
_HEALTH_RE = compile_i(rf"\b(?:{_HEALTH}|excluded|exclusion|suspended|expelled)\b")


def _individual_child(t: Text) -> Hit | None:
    home = _HOME_RE.search(t.raw)
    if home and t.parents_of and _near(t.parents_of, home.start(), 60):  # "Grace's parents are splitting up"
        return Hit(f"Discusses an identifiable child's home life ('{home.group()}')", (home.span(),))
    refs = t.child_refs
    if not refs:
        return None
    address = _child_address(t)
    if address:
        return Hit(f"Gives an identifiable child's home address ({_quote(t, refs[0])})", (address.span(),))
    for m in _CHILD_TOPIC.finditer(t.raw):
        ref = _near_in_sentence(t.raw, refs, m.start(), 90)
        if ref:
            who = _quote(t, ref)
            return Hit(f"Discusses an identifiable child ({who}): '{m.group()}'", (m.span(),))
    if not t.staff:
        kids = t.child_nouns
        insults = [s for s in _abuse_hits(t) if _near(kids, s[0], 60)] if kids else []
        if insults:
            return Hit(f"Insults an identifiable child ({_quote(t, kids[0])})", tuple(insults))
    return None


# -- personal data -----------------------------------------------------------------------------

def _child_health(t: Text) -> Hit | None:
    if not t.child_refs:
        return None
    for m in _HEALTH_RE.finditer(t.raw):
        if _near_in_sentence(t.raw, t.child_refs, m.start(), 90):
            return Hit(f"Shares a child's health or school record ('{m.group()}')", (m.span(),))
    m = _child_address(t)
    return Hit("Shares a child's home address", (m.span(),)) if m else None


def _child_address(t: Text) -> regex.Match[str] | None:
    """'Zainab's address is …' where the talk is of children (party invites, the class)."""
    m = _ADDRESS_OF.search(t.raw)
    return m if m and t.child_refs and _KID_CONTEXT.search(t.raw) else None


# -- threat, defamation, disrepute ---------------------------------------------------------------

_THREAT = compile_i(
    r"\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|gonna)\s+be\s+waiting\s+(?:for\s+(?:her|him|them|you)\b(?!\s+(?:with|by\s+the\s+(?:gate|door)\s+with))|"
    r"outside\s*(?:[.!]|$|for\s+(?:her|him|them|you)\b))"
    r"|\bwait(?:ing)?\s+for\s+(?:her|him|them|you)\s+(?:in|at|outside|after)\b"
    r"|\b(?:you|she|he|they)(?:'ll|\s+will|'re\s+going\s+to|'s\s+going\s+to)\s+(?:regret|be\s+sorry|pay\s+for(?=\s+(?:this|that|it|what)\b))"
    r"(?!\s+(?:\w+ing|not|you|if|to|that|when|about|for\s+missing)\b)"
    r"|\b(?:again|one\s+more\s+time|try\s+(?:it|that|me)|dare|do\s+(?:it|that)|go\s+on)\s+(?:\w+\s+){0,4}?and\s+see\s+what\s+happens\b"
    r"|\b(?:say|said|says|tell|told|repeat)\s+(?:\w+\s+){0,3}?to\s+my\s+face\b|\bwatch\s+(?:your|his|her)\s+back\b"
    r"|\bi\s+know\s+where\s+(?:you|she|he|they)\s+live|\bi\s+know\s+who\s+you\s+are\b(?!,?\s+you'?re\b)|\byou'?ve\s+been\s+warned\b"
    r"|\b(?:get|gets|got)\s+what's\s+coming\s+to\s+(?:them|him|her|you)\b"
    r"|\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|gonna)\s+(?:\w+\s+){0,3}?(?:sort\s+(?:you|her|him|them)\s+out|deal\s+with\s+(?:you|her|him|them)|"
    r"(?:smash|punch|hit|slap|kill|batter|deck|knock|thump|lamp|floor|smack)\s+(?:her|him|you|them|that\s+\w+|"
    r"(?:her|his|your|their)\s+(?:\w+\s+)?(?:face|head|teeth|car|windows?|house|door\s+in|lights\s+out))\b(?!\s+(?:up\s+)?(?:to|with|a\s+text|a\s+message))|"
    r"do\s+(?:her|him|you)\s+in|get\s+(?:her|him|you)\s*(?:[.!]|$|back\b|for\s+(?:this|that|it))|"
    r"make\s+(?:your|her|his|their)\s+life\s+(?:hell|a\s+misery)|ruin\s+(?:you|her|him))"
    r"|\b(?:you|she|he|they)(?:'d|\s+had)\s+better\s+watch\b(?!\s+out\b)"
    r"|\bif\s+(?:anyone|anybody|someone|he|she|they|you|that\s+\w+)\b[^.!?]{0,60}\bthere\s+will\s+be\s+consequences\b"
    r"|\bcome\s+(?:near|round\s+to)\s+my\s+\w+\s+again\s+and\b"
    r"|\bwatch\s+yourself\b(?!\s+(?:on|in|near|crossing|going|with\s+the))"
    r"|(?<!\b(?:i|we)(?:'re|'m|\s+am|\s+are)?\s*)\b(?:will|'ll|gonna|going\s+to)\s+regret\s+(?:ignoring|crossing|messing|the\s+day|this|it,?\s+(?:trust|mark|believe))"
    r"|\b(?:slash|smash|brick)\s+(?:the|their|his|her|your)\s+(?:\w+\s+)?(?:tyres|tires|car|windows?|house)\b"
    r"|\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|gonna|i'?m)\s+(?:be\s+)?waiting\s+(?:by|outside|at|in)\s+(?:[\w']+\s+){0,4}?for\s+"
    r"(?:the\s+\w+|her|him|them|you|(?-i:Mrs|Mr|Miss|Ms|Dr)\b)"
)


_threat = _phrase_check(_THREAT, "Sounds like a threat ('{match}')")


_WRONGDOING = compile_i(
    r"\b(?:(?:has|have|had)\s+been|is|was|were|'s|keeps?|got\s+caught|caught|been)\s+(?:\w+\s+){0,2}?"
    r"(?:fiddling|stealing|nicking|pinching\s+money|embezzling|pocketing|skimming|lying\s+about|falsifying|drunk(?!\s+(?:with|on)\s+(?:happiness|joy|power|excitement|love))|on\s+drugs|"
    r"taking\s+drugs|dealing|having\s+an\s+affair|sleeping\s+with|abusing|hitting\s+(?:a|the)?\s*(?:child|kids|children|pupils)|"
    r"arrested|in\s+prison|a\s+(?:thief|fraud|drunk|paedo(?:phile)?|nonce|racist|criminal|crook)|an\s+alcoholic|racist|"
    r"drinking\s+(?:at|on|during)\s+(?:work|duty|the\s+job|school)|"
    r"under\s+investigation|struck\s+off)\b"
    r"|\b(?:sacked|fired|dismissed|suspended|struck\s+off)\s+(?:\w+\s+){0,5}?for\s+(?:\w+ing|being)\b"
    r"|(?<!\b(?:was|were|been|being|got|get|gets|be|is|are)\s+)\b(?:stole|stolen|embezzled|pocketed|fiddled|nicked)\s+(?:the|from|money|our|PTA)\b"
    r"|\blied\s+(?:to|about)\b"
    r"|\b(?:steals|nicks|scammed|defrauded|conned|swindled|robbed)\s+(?:the|from|money|our|my|his|her|kids|children|people|us)\b"
    r"|\b(?:deals|dealing|sells|selling)\s+drugs\b|\bhelped\s+(?:him|her|them)sel(?:f|ves)\s+to\b"
    r"|\bcheat(?:s|ing)\s+on\s+(?:his|her|their)\s+(?:wife|husband|partner)\b"
    r"|\b(?:is|was|'s)\s+a\s+(?:fraudster|scammer|con\s?man|con\s+artist|drug\s+dealer|dealer)\b"
    r"|\b(?:hit|hits|beats|slapped|abused)\s+(?:a|the|his|her|their)\s+(?:child|kids|children|pupils|wife|husband)\b(?!\s+at\b)"
)
_ACCUSED = compile_i(rf"{TITLE_NAME}|{STAFF_ROLE}|\b(?:he|she|they|his|her)\b"
                     rf"|\b(?:\w+'s\s+)?(?:mum|dad|husband|wife|uncle|aunt(?:ie)?|brother|sister|partner)\b|\b{NAME_WORD}\b")
_CHILDHOOD = compile_i(r"\b(?:at\s+(?:lunch|break|playtime|pick\s?up)|in\s+(?:the\s+)?(?:playground|class|assembly|line)|"
                       r"book\s+fair|other\s+(?:kids|children)|classmates|(?:his|her)\s+(?:mum|dad|parents)\s+had\s+to)\b")
_GENERIC_SUBJECT = compile_i(r"^\W*(?:anyone|anybody|everyone|everybody|people|whoever|those|all|some)\b")
_HEARSAY_PAST = compile_i(r"\b(?:last|previous|old|other|former)\s+(?:school|job|workplace)\b|\bused\s+to\s+work\b")


def _defamation(t: Text) -> Hit | None:
    m = _WRONGDOING.search(t.raw)
    if not m:
        return None
    before = t.raw[:m.start()]
    if _GENERIC_SUBJECT.search(regex.split(r"[.!?]\s", before)[-1]):
        return None  # "anyone voting X is a racist" accuses nobody identifiable
    subject = [s for s in _ACCUSED.finditer(before) if s.group().lower() not in _CAPS_NOT_PEOPLE and s.group() not in {"I"}]
    if not subject or regex.search(r"\b(?:i|we|my\s+(?:son|daughter|child|kid))\s*$", before.strip().split(",")[-1], regex.I):
        return None
    if any(s < m.start() for s, _ in t.child_nouns) and not t.staff:
        return None  # a child's discipline is the individual-child rule's business
    if subject[-1].group() in {_quote(t, n) for n in t.names} and _CHILDHOOD.search(t.raw):
        return None
    claim = regex.sub(r"^(?:'s|is|was|were|(?:has|have|had)\s+been|keeps?|got\s+caught|caught|been)\s+", "", m.group().strip(), flags=regex.I)
    return Hit(f"States as fact that someone did wrong ('{claim}')", (subject[-1].span(), m.span()))


def _hearsay_wrongdoing(t: Text) -> Hit | None:
    if _HEARSAY_PAST.search(t.raw) and _defamation(t):
        m = _HEARSAY_PAST.search(t.raw)
        return Hit("Passes on second-hand claims about someone's past", (m.span(),))
    return None


_DISREPUTE = compile_i(
    r"\bworst\s+school\b|\b(?:rubbish|shocking|terrible|awful|failing|useless|crap|dreadful)\s+school\b"
    r"|\b(?:this|the|our)\s+school\s+(?:is|has\s+become|has\s+gone)\s+(?:\w+\s+){0,2}?(?:joke|shambles|disgrace|"
    r"rubbish|terrible|awful|failing|hopeless|useless|dump|downhill|to\s+the\s+dogs)"
    r"|\bofsted\s+(?:should|need\s+to|needs\s+to|must)\s+(?:shut|close|sort|come\s+in)|\bshut\s+(?:it|the\s+school|this\s+place)\s+down\b"
    r"|\b(?:tell|telling|warn|warning)\s+(?:anyone|everyone|people|friends|them)\s+(?:\w+\s+){0,5}?"
    r"(?:not\s+to|to\s+avoid|to\s+stay\s+away|to\s+(?:go|look)\s+elsewhere)"
    r"|\bregret\s+(?:ever\s+)?(?:choosing|picking|sending\s+(?:\w+\s+){1,2}?to)\s+(?:this|the|that)\s+(?:school|place|primary|academy)\b"
    r"|\b(?:thinking\s+of|considering)\s+(?:applying|sending\s+\w+)\s+(?:here|to\s+this\s+school)|\bnot\s+to\s+bother\b(?=.*\b(?:here|school|shambles)\b)"
    # "Avoid this school", not "avoid the school car park": school as the first word of a place or thing.
    r"|\b(?:avoid|stay\s+away\s+from)\s+(?:this|the)\s+school\b(?!'s|\s+(?:car|gates?|run|road|traffic|field|hall|office|"
    r"playground|bus|coach|trip|entrance|reception|building|site|kitchen|library|crossing|drop|pick|disco|fair|fete)\b)"
    r"|\b(?:don't|do\s+not|wouldn't|never|would\s+not)\s+send\s+(?:your|ur|any)\s+(?:kids|children|child)\s+(?:here|to\s+this\s+school)\b"
    r"|\b(?:leave|leaving|write|post|give|giving)\s+(?:\w+\s+){0,3}?(?:bad|negative|1[- ]star|one[- ]star|terrible|honest|scathing)\s+reviews?"
    r"|\b(?:everyone|we\s+should\s+all|let's\s+all)\s+(?:\w+\s+){0,2}?(?:leave|write|post)\s+(?:a\s+)?reviews?"
    r"|\b(?:pull|pulling|take|taking|move|moving)\s+(?:our|your|all\s+the|the|my)\s+(?:kids|children|child|son|daughter)\s+out"
    r"(?:\s+of\s+(?:this|the|that)\s+(?:school|place)|\s*(?:[.!,]|$)|\s+(?:at|after|before|by|in)\s+(?:christmas|easter|half\s+term|the\s+end|september))"
    r"|\b(?:it's|its|what)\s+a\s+(?:shambles|joke|disgrace)\s+(?:here|of\s+a\s+school)"
    r"|\bworst\s+(?:\w+\s+){1,2}(?:school|primary|academy)\b"
    r"|\b(?:this|the|our)\s+(?:place|primary|academy)\s+(?:is|has\s+become|has\s+gone)\s+(?:\w+\s+){0,2}?(?:joke|shambles|disgrace|"
    r"rubbish|terrible|awful|failing|hopeless|useless|dump|downhill|to\s+the\s+dogs)"
    r"|\b(?:(?:this|the|our|that)\s+(?:school|place|primary|academy)|(?:the|its|their)\s+standards)(?:'s|\s+(?:has|have|is|are))?\s+(?:\w+\s+)?"
    r"(?:going|gone|went|goes)\s+(?:(?:right|straight|completely|totally|rapidly|fast)\s+)?"
    r"(?:down\s+the\s+(?:pan|drain|toilet|tubes|swanny)|to\s+the\s+dogs|to\s+pot)\b"
    r"|\b(?:don't|do\s+not|wouldn't|never|would\s+not)\s+send\s+(?:your|ur|any|them|kids|children|yours|younger\s+ones?)\s+(?:\w+\s+){0,2}?here\b"
    r"|\b(?:moving|move|moved|taking|pulling|leaving)\b[^.!?]{0,60}\b(?:you\s+(?:lot|all|guys)\s+should|everyone\s+should|"
    r"while\s+you\s+(?:still\s+)?can)\b"
    r"|\b(?:written|writing|wrote|going|gone|complained)\s+to\s+(?:the\s+)?(?:local\s+)?(?:paper|press|newspaper|news|bbc)\b(?!\s*(?:shop|round|agents?|stand))"
    r"|\b(?:posted|posting|written|wrote|writing)\s+(?:\w+\s+){0,3}?about\s+(?:the|this|our)\s+(?:school|place|head|teachers?)\s+(?:on|to)\s+"
    r"(?:facebook|fb|twitter|x|tiktok|mumsnet|reddit|nextdoor|google|instagram|insta|trustpilot|the\s+local\s+\w+\s+group)\b"
    r"|\b(?:let's\s+all|everyone|we\s+should\s+all)\b[^.!?]{0,40}\b(?:rate\s*my\s*school|google|mumsnet|trustpilot)\b"
)


_disrepute = _phrase_check(_DISREPUTE, "Runs the school down in public ('{match}')")


# -- policy challenge, political --------------------------------------------------------------------

_POLICY_REF = compile_i(
    r"\b(?:polic(?:y|ies)|rules?(?!\s+(?:of|for|to)\s+(?:the\s+|a\s+|this\s+)?(?:\w+\s+)?"
    r"(?:game|games|quiz|match|race|walk|competition|contest|raffle|party))|ban|dress\s+code)\b|"
    r"\b(?:holiday|term[- ]time|attendance|lateness|parking)\s+fines?\b"
    r"|\b(?:the|a|£\d+)\s+fines?\b|\b(?:home[- ]school\s+)?agreement\b|\breading\s+logs?\b|\b(?:voluntary\s+)?contributions?\b"
)
_CHALLENGE = compile_i(
    r"\b(?:ridiculous|pathetic|stupid|daft|silly|mad|crazy|nonsense|rubbish|a\s+joke|regardless|"
    r"(?:total\s+)?rip[- ]?off|unfair|madness|insane|absurd|pointless|petty|"
    r"draconian|ludicrous|outrageous|who\s+decided|who\s+came\s+up|refuse|boycott|ignore\s+(?:it|them|the|this)|"
    r"not\s+(?:going\s+to|gonna)\s+(?:follow|comply|sign|pay)|won't\s+(?:follow|comply|sign|pay)|don't\s+sign|"
    # A call to the group is a challenge when it calls for defiance, not for reading the rules.
    r"(?:let's\s+all|we\s+should\s+all|everyone\s+should|all\s+just|if\s+we\s+all)\s+(?:\w+\s+){0,2}?"
    r"(?:refuse|ignore|boycott|not\s+|stop\s+(?:paying|signing|following|sending)|keep|send|complain|push|break|say\s+no|withhold|"
    r"take\s+them\s+out|do\s+it|wear|pay\s+nothing)|send\s+them\s+in\s+(?:\w+\s+)*?anyway|do\s+it\s+anyway|break\s+(?:the|this)\s+rule|"
    r"cheaper\s+than|just\s+take\s+them\s+out|can't\s+make\s+(?:us|me|you)|push\s+back|keep\s+them\s+home|"
    r"don't\s+(?:bother\s+)?(?:pay|paying|sign|signing)|no\s+chance(?=\s*(?:[.!,]|$)))"
)


def _policy_challenge(t: Text) -> Hit | None:
    ref = _POLICY_REF.search(t.raw)
    if not ref:
        return None
    m = _CHALLENGE.search(t.raw)
    return Hit(f"Publicly challenges a school policy ('{m.group().strip()}')", (ref.span(), m.span())) if m else None


_POLITICS = political_terms_pattern()
_CHARGED = frozenset(term.lower() for term, how in political_terms().items() if how == "charged")
_POLITICAL_OPINION = compile_i(
    r"\b(?:disgrace(?:ful)?|destroying|destroyed|ruin(?:ing|ed)?|fault|useless|corrupt|liars?|idiots?|evil|hate|scum|traitors?|"
    r"should\s+(?:resign|go|be\s+ashamed)|head\s+examin\w*|get\s+(?:them|him|her)\s+out|vote[sd]?|voting|best|worst|brilliant|terrible|"
    r"awful|joke|shambles|clowns?|incompetent|lies|lying|underpaid|cuts|crisis|mess|this\s+country|wake\s+up|sheep|elite|"
    r"(?:i|we)\s+support|supporters?|against|stop|save|protest|ban|pathetic|genocide|invasion|illegal|out\s+of\s+control|(?:don't|doesn't)\s+care|"
    r"talking\s+sense|the\s+only\s+one|hero|legend|genius|right\s+about|can't\s+stand|wreck(?:ed|ing)?|"
    r"spite(?:ful)?|nonsense|war\s+on|out\s+of\s+touch|shameful|scandal(?:ous)?|boycott|cruel|heartless|greedy|rigged|"
    r"vote\s+(?:them|him|her)\s+out|waste\s+of\s+(?:a\s+)?vote|racists?|fascists?|free\s+(?:palestine|gaza|israel|tibet)|"
    r"disaster|betray(?:ed|s|al)?|sort\s+(?:it|this|things|the\s+country)\s+out|saviour|puppet|deserves?\s+what)\b"
)


_CAPITALISED = frozenset(term for term, how in political_terms().items() if how == "capitalised")
# "Labour of love", "Green team", "the Reform synagogue": a capitalised word that names something else.
_NOT_A_PARTY = compile_i(r"\s+(?:of|team|room|class|group|day|flag|lane|park|street|road|cross|house|belt|card|shield|synagogue|"
                         r"judaism|jewish|paper|light|week|planet|fingers|tea|beans|pepper)\b")
# A lesson about politics is teaching, not an opinion: "the immigration topic in history".
_LESSON = compile_i(r"\b(?:topic|lessons?|history|project|homework|learn(?:t|ed|ing|s)?|studying|assembly|curriculum|school\s+council|"
                    r"mock\s+election|debate\s+club)\b")


_SLOGAN = compile_i(r"\s+out\b\s*(?:[!.]|$)")  # "Tories out!"


def _sentence_at(raw: str, pos: int) -> str:
    """The sentence around ``pos``: an opinion counts only in the sentence that names the politics."""
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(raw, 0, pos)), default=0)
    end = _SENTENCE_BREAK.search(raw, pos)
    return raw[start:end.start() if end else len(raw)]


def _political(t: Text) -> Hit | None:
    for m in _POLITICS.finditer(t.raw):
        if m.group() in _CAPITALISED and _NOT_A_PARTY.match(t.raw, m.end()):
            continue
        sentence = _sentence_at(t.raw, m.start())
        if _LESSON.search(sentence):
            continue
        if regex.sub(r"\s+", " ", m.group().lower()) in _CHARGED:
            return Hit(f"Gives a political opinion (about {m.group()})", (m.span(),))
        o = next((o for o in _POLITICAL_OPINION.finditer(sentence) if o.group().lower() != m.group().lower()), None)
        if o or _SLOGAN.match(t.raw, m.end()):
            return Hit(f"Gives a political opinion (about {m.group()})", (m.span(),))
    return None


_PETITION_POLITICS = compile_i(r"\bpetition\b.{0,60}\b(?:against|stop|save|ban|protest|scrap)\b|\b(?:against|stop|save|ban|scrap)\b.{0,60}\bpetition\b")


_petition_politics = _phrase_check(_PETITION_POLITICS, "Campaigns on a public issue (a petition)")


# -- commercial --------------------------------------------------------------------------------

_COMMERCIAL = compile_i(
    r"\b(?:selling|for\s+sale|ono\b|ovno\b|(?:buy|sell)\s+(?:\w+\s+){0,2}?tickets\s+for\s+my|raffle\s+tickets\s+for\s+my|(?:dm|pm|message|inbox)\s+me\s+for|\d+\s?%\s+off|£\d+\s+off|discount\s+code|"
    r"use\s+my\s+code|my\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:business|shop|page|website|etsy|store|products)|free\s+trial|class\s+discount|check\s+out\s+my|link\s+in\s+bio|aloe\s+vera|"
    r"forever\s+living|younique|herbalife|arbonne|(?<![-\w])avon(?!\s+(?:and\s+somerset|river|valley|gorge))|scentsy|tupperware|business\s+opportunity|work\s+from\s+home|"
    r"be\s+your\s+own\s+boss|join\s+my\s+team|earn\s+(?:money|extra|from\s+(?:home|your\s+phone))|make\s+money\s+from|"
    r"passive\s+income|crypto|bitcoin|forex|investment\s+opportunity|side\s+hustle|"
    r"(?:please\s+)?vote\s+for\s+(?:my|his|her|our)(?!\s+(?:school|class|pta)\b)|sponsor\s+(?:me|my|his|her|him|them|us)|please\s+donate|donate\s+here|justgiving|"
    r"gofundme|go\s+fund\s+me|crowdfunder|raising\s+money\s+for\s+(?:my|his|her)|(?:sign|signed|signing)\s+(?:the|this|my|our|a)?\s*petition|"
    r"petition|change\.org|patroni[sz]e|(?:my|our)\s+\w+'s\s+(?:[\w-]+\s+){0,2}?(?:business|shop|salon|bakery|company)|"
    r"donations?\s+(?:are\s+)?(?:welcome|appreciated|gratefully)|fundrais(?:ing|er)\s+for\s+(?:a|an|my|our|his|her)\b)"
)
_SCHOOL_CAUSE = compile_i(
    r"\b(?:pta|ptfa|friends\s+of\s+\w+|school\s+(?:fair|fete|library|trip|fund|funds|raffle)|cake\s+sale|bake\s+sale|non[- ]uniform|"
    r"children\s+in\s+need|comic\s+relief|for\s+the\s+school|class\s+fund|book\s+fair|summer\s+fair|christmas\s+fair|"
    r"uniform\s+(?:rail|shop|swap)|second[- ]hand\s+uniform)\b"
    r"|\b(?:anyone|does\s+anyone|is\s+anyone|who's|who\s+is)\s+(?:\w+\s+)?selling\b"
)


def _commercial(t: Text) -> Hit | None:
    m = _COMMERCIAL.search(t.raw)
    if not m or _SCHOOL_CAUSE.search(t.raw):
        return None
    return Hit(f"Promotes something unrelated to the school ('{m.group().strip()}')", (m.span(),))


# -- private correspondence, rumour, anger ------------------------------------------------------

_STAFF = rf"{TITLE_NAME}|{STAFF_ROLE}"
_CORRESPONDENCE = compile_i(
    r"\b(?:copying|pasting|posting|sharing|forwarding|screenshot\w*)\b[^.!?]{0,40}\b(?:e-?mail|letter|reply|response|message)\b"
    r"[^.!?]{0,40}\b(?:sent|wrote|emailed|e-mailed|replied)\s+(?:to\s+)?me\b|"
    r"\bwhat\s+(?:[\w']+\s+){1,3}(?:wrote|said|sent|replied)\s+(?:back\s+)?(?:to\s+)?me\b"
    # A reply is private; an e-mail or letter "from the school" is usually the newsletter everyone got.
    r"|\b(?:look|see|read|here's|here\s+is)\s+(?:at\s+)?(?:this|the)\s+(?:(?:reply|response)\s+(?:I\s+got\s+)?from\s+"
    rf"(?:{TITLE_NAME}|the\s+(?:head|teacher|school|office|class\s+teacher))|(?:e-?mail|letter|message)\s+(?:I\s+got\s+)?from\s+"
    rf"(?:{TITLE_NAME}|the\s+(?:head|teacher|class\s+teacher))|(?:e-?mail|letter|message)\s+I\s+got\s+from\s+the\s+(?:school|office))"
    r"|\b(?:e-?mailed|messaged|texted|wrote\s+to|replied\s+to|sent)\s+me\b(?=.{0,80}\b(?:screenshot|below|look\s+at|see\s+(?:below|for\s+yourselves?|what|how|attached)|here(?:'s|\s+it\s+is|\s+is)?(?!\s+(?:at|on|tomorrow|by))|"
    r"read\s+(?:it|this)|attached)\b|.{0,3}$)"
    r"|\b(?:look|see|read)\s+(?:at\s+)?what\s+(?:\w+\s+){1,3}(?:e-?mailed|wrote|sent|replied|said\s+in\s+(?:her|his|the)\s+(?:e-?mail|letter))"
    r"|\b(?:copying|copied|pasting|pasted|posting|sharing|forwarding|screenshot(?:ted)?\s+(?:of\s+)?)\s+(?:\w+\s+){0,3}?"
    r"(?:reply|response|e-?mail|letter|message)\s+(?:\w+\s+){0,2}?(?:to\s+(?:my|me)|from\s+(?:the\s+head|mrs|mr|miss|ms|dr|the\s+teacher))"
    rf"|(?:{TITLE_NAME}|\bthe\s+(?:head|teacher|school))'s\s+(?:reply|response|e-?mail|letter|message)\s+to\s+(?:me|my)\b"
    r"|\b(?:copying|pasting|posting|sharing|forwarding)\s+(?:the\s+)?(?:head'?s|teacher'?s|(?-i:Mrs|Mr|Miss|Ms|Dr)\s+\w+'s)\s+(?:reply|response|e-?mail|letter)"
    r"|\bdear\s+(?:mrs|mr|ms|miss|dr)\.?\s+\w+,?\s+(?:\w+\s+){0,3}(?:thank\s+you\s+for\s+your|further\s+to|regarding\s+your|in\s+response\s+to|(?:we|i)\s+have\s+looked|i\s+am\s+writing|i'm\s+writing)"
    rf"|\b(?:got|had|received)\s+(?:a\s+|an\s+)?(?:reply|response|e-?mail|letter)\s+from\s+(?:{TITLE_NAME}|the\s+(?:head|teacher|school|office))"
    r"[^.!?]{0,60}\b(?:copying|pasting|here|below|screenshot|read\s+this)\b"
    r"|\bscreenshot\s+of\s+(?:[\w']+\s+){0,3}(?:e-?mail|letter|reply|messages?\s+(?:from|with)\s+(?:the\s+)?(?:teacher|head|mrs|mr|miss))"
    rf"|\b(?:the|this|her|his|their)\s+(?:e-?mail|letter|message|text|reply|response)\s+(?:that\s+)?(?:{_STAFF})\s+(?:\w+\s+)?"
    r"(?:sent|wrote|e-?mailed|texted|messaged|gave)\s+(?:to\s+)?me\b"
    rf"|\b(?:copying|pasting|posting|sharing|forwarding|screenshot\w*)\s+(?:the\s+|this\s+)?(?:{_STAFF})'s\s+(?:reply|response|e-?mail|letter|message|text)"
    rf"|\bwhat\s+(?:{_STAFF})\s+(?:\w+\s+)?(?:wrote|sent|texted|e-?mailed|messaged|replied|said)\s+(?:back\s+)?(?:to\s+)?me\b"
    rf"|\bgot\s+(?:this|that)\s+from\s+(?:{_STAFF})\b[^.!?]{{0,40}}\b(?:pasting|copying|here|below|screenshot)"
)


_correspondence = _phrase_check(_CORRESPONDENCE, "Shares a private e-mail or letter from staff")


_RUMOUR = compile_i(
    r"\b(?:apparently|allegedly|supposedly|rumou?r\s+(?:has\s+it|is|going\s+round)|heard\s+a\s+rumou?r|i(?:'ve)?\s+heard\s+(?!back\b)|"
    r"i\s+hear\s+(?:that\s+)?|did\s+you\s+(?:all\s+)?hear(?![^.!?]*\b(?:radio|sing\w*|perform\w*|concert|choir|band|play(?:ing)?)\b)|have\s+you\s+(?:all\s+)?heard|has\s+anyone\s+(?:else\s+)?heard\s+(?:that|about)|"
    r"(?:someone|somebody|(?:a|another|one\s+of\s+the)\s+(?:friend|mum|dad|parent|teacher|"
    r"neighbour)s?(?:\s+[\w']+){0,5}?)\s+(?:told|said|says|reckons)|people\s+are\s+saying|"
    r"word\s+(?:is|on\s+the\s+street|has\s+it)|i(?:'ve)?\s+been\s+told|a\s+little\s+bird|not\s+sure\s+if\s+(?:it's|its)\s+true|"
    r"they\s+reckon|i\s+was\s+told|grapevine|on\s+good\s+authority|"
    r"(?:my|our)\s+(?:friend|neighbour|mate|sister|brother|cousin|husband|wife|partner|childminder)\s+(?:\w+\s+){0,2}?(?:told|said|says|reckons))"
)
# "I heard from the office" is news with a source, not gossip.
_SOURCED = compile_i(r"^\s*(?:\w+\s+){0,2}?(?:from|by|in|on)\s+(?:the\s+)?(?:office|school|head|teacher|newsletter|letter|app|website|"
                     r"class\s+teacher|(?-i:Mrs|Mr|Miss|Ms|Dr)\b)")
_NOT_RUMOUR_SUBJECT = frozenset({"everyone", "anyone", "people"})
_GOOD_NEWS = compile_i(r"\b(?:lovely|brilliant|great|amazing|fantastic|wonderful|beautiful(?:ly)?|proud|won|winning|raised|well\s+done|"
                        r"thrilled|excited|exciting|can't\s+wait|yay|congrat\w*)\b")
_RUMOUR_SUBJECT = compile_i(rf"{TITLE_NAME}|{STAFF_ROLE}|{SCHOOL}|\bschool\b|\b(?:he|she|they|his|her)\b|{PERSON_NOUN}"
                            r"|\b(?:year\s?\d|class(?:es)?|trip|field|club|building|merg(?:e|ing)|clos(?:e|ing))\b")


def _rumour(t: Text) -> Hit | None:
    m = _RUMOUR.search(t.raw)
    if not m:
        return None
    rest = regex.split(r"[.!?…]", t.raw[m.end():], maxsplit=1)[0]
    head = regex.split(r"[.!?…]", t.raw[:m.start()])[-1]
    clause = head + rest
    if (_GOOD_NEWS.search(clause) and not _WRONGDOING.search(clause)) or _SOURCED.match(rest):
        return None
    # The claim may come before the marker: "Poppy's been excluded, apparently".
    about_names = any(m.start() - len(head) <= s and not m.start() <= s < m.end() for s, _ in t.names)
    if about_names or (t.staff and any(s < m.start() for s, _ in t.staff)) \
            or any(s.group().lower() not in _NOT_RUMOUR_SUBJECT for s in _RUMOUR_SUBJECT.finditer(rest)):
        return Hit(f"Passes on an unverified claim ('{m.group().strip()}')", (m.span(),))
    return None


_CAPS_RUN = regex.compile(r"(?:\b[A-Z][A-Z'!?]+\b[\s,!?.]+){2,}\b[A-Z][A-Z'!?]+\b")
_ACRONYMS = words("PE PTA PTFA SATS SATs RSVP TA SEN SENCO SENCo EHCP OK OMG LOL UK NHS BBC ASAP FYI TV PS PPS "
               "DT RE RSE PSHE ICT IT KS1 KS2 EYFS YR Y1 Y2 Y3 Y4 Y5 Y6 AM PM NB WC FAQ DM PM")
_POSITIVE = regex.compile(r"\b(?:happy|birthday|congrat\w*|thank\w*|well\s+done|love|loved|enjoyed|merry|christmas|eid|mubarak|diwali|welcome|yay|wow|"
    r"amazing|brilliant|fantastic|proud|hooray|woohoo|good\s+luck)\b", regex.I)
_SHOUT_PUNCT = regex.compile(r"!{3,}|(?=[?!]{3})[?!]*(?:\?!|!\?)[?!]*")
_ANGER_WORDS = compile_i(r"\b(?:furious|fuming|livid|seething|raging|so\s+angry|absolutely\s+raging|sick\s+to\s+death|"
                         r"(?:i'?ve|i\s+have|we'?ve|we\s+have)\s+(?:\w+\s+)?had\s+enough|"
    r"so\s+annoyed|infuriating|beyond\s+angry)\b")
_NEGATIVE = compile_i(r"\b(?:why|nobody|no\s+one|never|again|ridiculous|sick|fed\s+up|joke|disgrace|unacceptable|seriously|what|who|stop|kidding|"
                      r"useless|how\s+hard|can't|cannot|won't)\b")
_EXASPERATED = regex.compile(r"\?{3,}")
_EXASPERATION_WORDS = compile_i(r"\b(?:seriously|again|why|nobody|no\s+one|ridiculous|joke|really)\b")
_THIRD_PERSON_FEELING = compile_i(r"\b(?:he|she|they|his\s+\w+|her\s+\w+|their\s+\w+|\w+'s\s+\w+)\s+(?:is|was|are|were|'s)\s+"
                                  r"(?:\w+\s+)?$")
_SHEEPISH = regex.compile(r"\b(?:sorry|oops|lol|haha|soz)\b|🙈|😂|🤣|😅", regex.IGNORECASE)


def _anger(t: Text) -> Hit | None:
    raw = t.raw
    if _POSITIVE.search(raw):
        return None
    for m in _CAPS_RUN.finditer(raw):
        caps = regex.findall(r"[A-Z][A-Z']+", m.group())
        if sum(1 for w in caps if w not in _ACRONYMS) >= 3 and not _SHEEPISH.search(raw):
            return Hit("Shouts in capital letters", (m.span(),))
    p = _SHOUT_PUNCT.search(raw)
    if p and _NEGATIVE.search(raw):
        return Hit(f"Posts in anger ('{p.group()}')", (p.span(),))
    q = _EXASPERATED.search(raw)
    if q and _EXASPERATION_WORDS.search(raw):
        return Hit(f"Posts in anger ('{q.group()}')", (q.span(),))
    a = _ANGER_WORDS.search(raw)
    if a and not regex.match(r"\s+(?:at|with)\s+(?:myself|me)\b", raw[a.end():], regex.I) \
            and not _THIRD_PERSON_FEELING.search(raw[max(0, a.start() - 30):a.start()]):
        return Hit(f"Posts in anger ('{a.group()}')", (a.span(),))
    return None


_INSULT_TOKENS = _INSULT_WORDS | {"#mask"}
_WRONGDOING_TOKENS = words("""fiddling stealing nicking pinching embezzling pocketing skimming lying falsifying drunk drugs dealing affair
    sleeping abusing hitting arrested prison thief fraud paedo paedophile nonce racist criminal crook alcoholic investigation struck
    drinking sacked fired dismissed suspended stole stolen embezzled pocketed fiddled nicked hit hits beats slapped abused lied
    steals nicks scammed defrauded conned swindled robbed deals sells selling helped cheats cheating fraudster scammer conman con
    dealer""")
_CHILD_TOPIC_TOKENS = frozenset(
    tok for tok in regex.findall(r"[a-z]+", "|".join((_BEHAVIOUR, _DISCIPLINE, _HEALTH, _HOME)).lower())
    if len(tok) > 2 and tok not in {"out", "the", "off", "left", "bit", "hit", "my", "another"}
) | {"hit", "bit", "address", "lives"}
_GRIEVANCE_TOKENS = words("""happy unhappy fed sick angry furious disgusted appalled unacceptable handled managed dealt care cares listen
    listens listening reply replies replied replying respond responds responded answer answers answered answering bother bothers tell
    tells telling complained complaint complaining let failing good joke disgrace farce shambles ridiculous cancelled changed moved
    again disappointed nobody heard been keeps kept always constantly stop parents mum dad mother father moan rant row word speak talk
    dreadful awful terrible poor shocking rubbish useless ashamed fixed sorted weeks months impressed unprofessional downhill point
    fair sense without fobbed frustrating infuriating letdown cares believe hard second third fourth fifth umpteenth never nothing
    forgetting notice minute""") | _INSULT_TOKENS

CONTENT_RULES: tuple[Rule, ...] = (
    Rule("offensive.lexicon", "offensive-language", "A swear word or slur from the curated lexicon, also disguised (f*ck, s h i t, fuuuck).",
         _offensive),
    Rule("abuse.insult", "abuse", "An insult aimed at a person: an insulting noun, or 'X is useless' with X a person.", _abuse,
         _INSULT_TOKENS),
    Rule("grievance.complaint", "grievance", "A complaint about staff, a child, a parent or the school's handling of something.", _grievance,
         _GRIEVANCE_TOKENS),
    Rule("child.topic", "individual-child", "An identifiable child (a name, 'that boy') with their behaviour, discipline, health or home life.",
         _individual_child, _CHILD_TOPIC_TOKENS | _INSULT_TOKENS),
    Rule("personal.contact", "personal-data", "Someone else's phone number, e-mail or home address (not the poster's own, not the school's).",
         _personal_contact, CONTACT_TRIGGERS, wants_context=True),
    Rule("personal.child-health", "personal-data", "A named child's health, special needs, exclusion or home address.", _child_health,
         _CHILD_TOPIC_TOKENS),
    Rule("threat.phrase", "threat", "Threatening or intimidating wording: waiting for someone, 'you'll regret it', 'to my face'.", _threat,
         words("""waiting wait regret sorry pay happens face back live who warned ll will gonna going better consequences near round
             outside car carpark coming yourself slash smash brick""")),
    Rule("defamation.claim", "defamation", "A named or identifiable person stated to have done wrong (theft, drink, violence, dismissal).",
         _defamation, _WRONGDOING_TOKENS),
    Rule("rumour.past", "rumour", "Second-hand claims about wrongdoing at someone's previous school or job.", _hearsay_wrongdoing,
         words("last previous old other former used")),
    Rule("disrepute.rundown", "disrepute", "Running the school down: 'worst school', urging bad reviews or others to leave.", _disrepute,
         words("""worst rubbish shocking terrible awful failing useless crap dreadful joke shambles disgrace hopeless dump downhill dogs
             ofsted shut tell telling warn warning thinking considering bother avoid stay review reviews pull pulling take taking move
             moving regret elsewhere send review paper press newspaper news bbc
             posted posting written wrote writing rate ratemyschool pan drain toilet tubes swanny pot""")),
    Rule("policy.challenge", "policy-challenge", "A school policy named with scorn or a call to defy it.", _policy_challenge,
         words("policy policies rule rules ban fine fines dress code agreement log logs contribution contributions")),
    Rule("political.opinion", "political", "A party, politician or government named with an opinion.", _political,
         frozenset(tok for term in political_terms() for tok in regex.findall(r"[a-z]+", term.lower()) if tok not in {"the", "s"})),
    Rule("political.petition", "political", "A petition campaigning against or for a public issue.", _petition_politics, words("petition")),
    Rule("commercial.promotion", "commercial", "Selling, promotions, MLM, crypto, personal fundraising, petitions (school causes excepted).",
         _commercial, words("""selling sale ono ovno each dm pm message inbox off discount code business shop page website etsy store
             products check bio aloe forever younique herbalife arbonne avon scentsy tupperware opportunity home boss income crypto
             bitcoin forex investment hustle vote sponsor donate join earn money buy sell tickets justgiving gofundme fund trial
             crowdfunder raising petition change patronise patronize donation donations fundraising fundraiser""")),
    Rule("correspondence.private", "private-correspondence", "Quoting or screenshotting a private e-mail or letter from staff.",
         _correspondence, words("""emailed mailed messaged texted wrote replied sent copying copied pasting pasted posting sharing
             forwarding screenshot screenshotted dear reply response email letter look see read here text got""")),
    Rule("rumour.marker", "rumour", "'Apparently', 'I heard', 'someone told me' followed by a claim about people or the school.", _rumour,
         words("apparently allegedly supposedly rumour rumor heard hear told said says reckons reckon saying word bird true gossip grapevine authority")),
    Rule("anger.shouting", "anger", "Shouting in capitals, strings of !!! or ?!, or 'furious'/'fuming' (positive messages excepted).", _anger,
         words("#shout furious fuming livid seething raging angry sick enough annoyed infuriating")),
)

CONTENT_RULES += LANGUAGE_RULES

_IDIOM_SUMMARY = {
    "threat": "Sounds like a threat", "defamation": "States as fact that someone did wrong",
    "disrepute": "Runs the school down in public", "grievance": "Airs a complaint",
    "commercial": "Promotes something unrelated to the school", "rumour": "Passes on an unverified claim",
    "individual-child": "Discusses an identifiable child", "private-correspondence": "Shares a private message from staff",
}


#: What spares a message in the category's own rule spares it from the idioms too.
_IDIOM_UNLESS = {"commercial": _SCHOOL_CAUSE}


def _idiom_rule(category: str) -> Rule:
    """One rule per category over the declared idioms (resources/lexicons/idioms.csv)."""
    table = [(i.triggers, compile_i(i.pattern.replace("{staff}", _STAFF))) for i in idioms() if i.category == category]
    summary = _IDIOM_SUMMARY.get(category, "Uses a phrase the policy forbids")

    unless = _IDIOM_UNLESS.get(category)

    def check(t: Text) -> Hit | None:
        if unless is not None and unless.search(t.raw):
            return None
        for triggers, pattern in table:
            if triggers.isdisjoint(t.token_set):
                continue
            m = pattern.search(t.raw)
            if m:
                return Hit(f"{summary} ('{m.group().strip()}')", (m.span(),))
        return None

    return Rule(f"{category}.idiom", category, f"A set phrase declared for {category} in resources/lexicons/idioms.csv.", check,
                frozenset().union(*(trig for trig, _ in table)))


CONTENT_RULES += tuple(_idiom_rule(c) for c in dict.fromkeys(i.category for i in idioms()))

#: Categories a more specific one on the same message replaces: a complaint about a policy
#: is a policy challenge, running the school down is disrepute, not also a grievance.
SUPERSEDED_BY: dict[str, frozenset[str]] = {
    "grievance": frozenset({"policy-challenge", "disrepute", "political", "private-correspondence"}),
    "abuse": frozenset({"political"}),  # insulting a politician is a political opinion, not abuse of the school community
}
