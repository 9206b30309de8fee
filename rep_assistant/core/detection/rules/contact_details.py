"""Someone else's phone number, e-mail or home address in a message (personal data).

Phone numbers are found by Google's libphonenumber (the ``phonenumbers`` lite build): UK
forms (020 7946 0018, 0113 496 0123, 07700 900123, +44 (0)7700 900123, 0044 7700 900123,
07700.900.123) and numbers of other countries written with their code (+353, +48, +92,
+1…); order numbers, dates and prices are not numbers anyone can ring. A UK number written
with its 0 or +44 counts when it has the shape of a landline or mobile, even in Ofcom's drama
ranges (07700 900xxx, 01632 960xxx) that libphonenumber calls invalid and made-up examples use.

What stays clean: the poster's own details ("my number is…", "call me on…", the number the
chat shows as the author), a school's published number or address ("the office is on…",
the school phone and e-mail in settings, addresses at .sch.uk), a desk's mailbox ("trips@",
"no-reply@"), a switchboard's number ("option 2 for absences"), a trade's own line in its
advert (the selling is commercial's flag), and a request not to share such details.
"""

import phonenumbers
import regex
from phonenumbers import Leniency, PhoneNumberMatcher

from rep_assistant.core.detection.rules import triggers
from rep_assistant.core.detection.rules.model import Context, Hit
from rep_assistant.core.detection.rules.text import POSTCODE, TITLE_NAME, Text, compile_i, words

#: An e-mail address as written (the learned model's features read it with the same pattern).
EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An e-mail address spelled out so filters miss it: "p_sharma (at) example (dot) com", "becca dot lyons at example dot com".
_SPELLED_EMAIL = compile_i(r"\b[\w.+-]+(?:\s+dot\s+[\w+-]+)*\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*[\w-]+"
                           r"(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+)\s*[\w-]+)+\b"
                           # "(at)" in brackets says it alone; the domain may then be written plainly: "ruth_m (at) example.org"
                           r"|\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\})\s*[\w-]+(?:\.[\w-]+)+\b")
_STREET_WORDS = ("Road", "Rd", "Street", "St", "Avenue", "Ave", "Lane", "Ln", "Close", "Drive", "Dr", "Way", "Crescent", "Gardens", "Court",
                 "Place", "Grove", "Terrace", "Mews", "Hill", "Park", "Rise", "View", "Walk", "Row", "Square", "Parade", "Vale", "Mount",
                 "Heights", "Chase", "Wynd", "Green", "Gate",
                 # and the rest of the endings British streets carry, the north's and Scotland's among them ("Brae", "Garth",
                 # "Chare", "Vennel"); not those that are everyday words after a count ("End", "Bank", "Wood", "Cross") or verbs
                 # ("2 dads drove", "the girls fold the leaflets", "a 3 step approach").
                 "Brae", "Holt", "Croft", "Garth", "Dene", "Meadows", "Paddock", "Cottages", "Villas", "Wharf", "Quay", "Boulevard",
                 "Broadway", "Esplanade", "Glade", "Chare", "Vennel")
_STREET_WORD = "(?:" + "|".join(_STREET_WORDS) + ")"
#: The Welsh words that open a street's name, before it ("12 Heol y Felin", "4 Clos Derwen", "9 Lôn Las").
_WELSH_STREET_WORDS = ("Heol", "Ffordd", "Stryd", "Clos", "Lôn", "Lon", "Rhodfa", "Cilgant", "Maes", "Llys", "Cwrt", "Rhes")
# A house number and a street's name: not a time or a count before a preposition ("9.15 at St Michael's", "the 5 down St
# Clement's"), nor a saint's name ("St Anne's").
_STREET = compile_i(rf"\b\d{{1,4}}[a-z]?,?\s+(?:(?!(?:at|on|in|down|up|to|and|of|for|by|from|past|near|into)\b)\p{{L}}\p{{L}}+\s+){{1,3}}"
                    rf"{_STREET_WORD}\b(?<!\bSt(?=\.?\s+(?-i:\p{{Lu}}\p{{Ll}}+)'s\b))"
                    rf"|\b\d{{1,4}}[a-z]?,?\s+(?:{'|'.join(_WELSH_STREET_WORDS)})\s+(?:y\s+|yr\s+|'r\s+)?\p{{L}}[\p{{L}}'-]+")
_OWN_CONTACT = compile_i(r"\b(?:my|our|mera|meri|mój|moj|moja|fy|ein)\s+(?:\w+\s+)?(?:number|numer|rhif|mobile|mob|phone|e-?mail|address|house|home|flat|"
                         r"bungalow|place)\b"
                         # the poster's own move: "we've moved! new house is…" (not "the Novaks have moved, new address is…")
                         r"|\bwe(?:'ve|\s+have)\s+(?:just\s+|finally\s+)?moved\b"
                         r"|\bme\s+(?:mobile|mob|number|phone)'s\b"  # "me mobile's 07700…": my, as said in the north
                         r"|\bme\s+(?:an?\s+)?(?:e-?mail|"
                         r"text|message|call|line|ring)\b|\b(?:call|text|ring|email|e-mail|contact|message|whatsapp)\s+(?:me|us)\b|"
                         r"\bme\s+(?:on|at)\b|\bat\s+ours\b|\bwe(?:'re|\s+are|\s+live)\b"
                         # the poster's own trade: "I do repairs … Munro Roofing, 07700 900358"
                         r"|\bI\s+(?:do|offer|run|make|sell)\s+(?!not\b)\w+"
                         r"|\b(?:that'?s|that\s+is|it'?s|its)\s+me\b|\bI'?m\s+on\b")
# Asked to ring the number itself ("found a scooter, text 07700 900412", "if you spot him, ring…"): the poster's, unless
# the sentence says whose it is ("Ayesha's mum says text…", "his dad: ring…") or names someone beside it.
_RING_THIS = compile_i(r"\b(?:call|text|ring|whatsapp|message)\s+(?:on\s+)?$")
_SOMEONE_IN_SENTENCE = regex.compile(r"(?i:\b\w+'s\b|\b(?:his|their)\b)|(?<![.!?]\s*|^)\b\p{Lu}\p{Ll}+")  # not "her"/"him": a pet too
_NOT_POSSESSIVE = r"(?!(?:here|there|it|that|what|who|where|he|she|let)'s)"
_OTHERS_CONTACT = compile_i(rf"\b(?:{_NOT_POSSESSIVE}\w+'s|his|her|their|{TITLE_NAME})\s+(?:\w+\s+)?(?:number|mobile|phone|e-?mail|"
                            r"address|house|home)\b|\b(?:lives|living)\s+(?:at|on|in)\b|personal\s+(?:mobile|number|phone|e-?mail)|"
                            r"home\s+(?:address|number|phone)")
_DIGIT = regex.compile(r"\d")
_LIVES_ON = triggers.Gated(compile_i(rf"\b(?:lives|living)\s+(?:at|on|in|(?:above|over|next\s+(?:door\s+)?to|opposite|behind)\s+(?:\w+\s+){{1,4}}?(?:on|in))\s+"
                      rf"(?:\w+\s+){{0,2}}?(?-i:\p{{Lu}}\p{{Ll}}+\s+){{1,3}}{_STREET_WORD}\b"
                      # a house number and a street, however it is written: "lives at 22 clos y gwyddfid", "she live 41 Ferrier Terrace"
                      r"|\b(?:lives?|living|stays?|staying)\s+(?:at\s+|on\s+)?(?:number\s+)?\d{1,4}[a-z]?,?\s+"
                      r"(?!(?:min(?:ute)?s?|miles?|doors?|houses?|streets?|seconds?|km|yards?|metres?|hours?|days?|weeks?|years?)\b)"
                      r"[\p{L}][\w'-]+(?:\s+[\w'-]+){0,3}"
                      rf"|\b(?:{_NOT_POSSESSIVE}\w+'s|his|her|their)\s+(?:new\s+|home\s+)?address\s+is\s+\d{{1,4}}[a-z]?,?\s+[\p{{L}}][\w'-]+(?:\s+[\w'-]+){{0,3}}"))
_EVERYONES = r"(?:everyone's|everyones|every1s|every1's|everybody's|all\s+the\s+(?:parents'|families'|mums'|dads'|parents|families))"
_CONTACTS = r"(?:home\s+)?(?:addresses|numbers|phone\s+numbers|mobile\s+numbers|e-?mails|e-?mail\s+addresses|contact\s+details)"
_BULK_CONTACT = triggers.Gated(compile_i(
    r"\b(?:here's|here\s+(?:is|are)|attached|below|photo\s+of|screenshot\s+of|sharing|posting)\b[^.!?]{0,60}"
    rf"(?:\b{_EVERYONES}\s+{_CONTACTS}\b"
    r"|\blist\s+(?:\w+\s+){0,2}with\s+(?:\w+\s+){0,2}(?:addresses|phone\s+numbers|numbers)\b)"
    # a class or contact list that carries everyone's details, passed on to the group
    rf"|\b(?:class|contact|parents?'?)\s+list\b[^.!?]{{0,60}}\b{_EVERYONES}\s+{_CONTACTS}"
    rf"|\b(?:sent|gave|forwarded|shared)\s+me\s+(?:this|it)\b[^.!?]{{0,30}}\b{_EVERYONES}\s+{_CONTACTS}"
))
# A published line, not a person's: the school's ("the office is on…", "school office number", not any sentence that
# says "school"), or any organisation's.
# "Reception" alone is also the first class of primary school ("from the Reception group"): only the desk counts.
_PUBLISHED_LINE = compile_i(r"\b(?:school(?:'s)?\s+(?:\w+\s+)?(?:office|number|phone|line|mobile|reception)|office|(?:front|main)\s+reception|"
                           r"reception\s+(?:desk|number|line|phone)|(?:ring|call|phone)\s+reception|main\s+number|"
                           r"(?:attendance|absence|booking|bookings|enquiry|enquiries|information|info)\s+(?:line|number|phone)|"
                           # any organisation's published line: a club's, the council's, the surgery's, one from a website
                           r"(?:club|council|surgery|practice|clinic|library|centre|center|helpline|hotline|charity|service|"
                           r"group|team|organisation|organization|company|shop|brownies|scouts|cubs|guides)(?:'s)?\s+(?:\w+\s+){0,2}"
                           r"(?:number|line|phone|e-?mail|address)|(?:from|on)\s+(?:their|the|its)\s+(?:website|site|page|leaflet|letter))\b")
# A sentence telling readers to ring someone at the school: "ring the safeguarding lead on…", "call the office on…",
# "give the office a ring".
_SCHOOL_DESK = (r"(?:school|office|reception|safeguarding|(?-i:DSL|SENCO|SENCo|SENDCo)|designated|head(?:teacher)?|deputy|"
                r"attendance|welfare|family\s+support|pastoral|school\s+nurse)")
_RING_THE_SCHOOL = compile_i(r"\b(?:ring|call|phone|contact|text|speak\s+to|get\s+(?:hold\s+of|in\s+touch\s+with))\s+(?:\w+\s+){0,3}?"
                             rf"{_SCHOOL_DESK}\b|\bgiv(?:e|ing)\s+(?:\w+\s+){{0,2}}?{_SCHOOL_DESK}\s+a\s+(?:quick\s+)?(?:ring|call|bell|buzz)\b")
# A number given in a sentence of its own, after the one that says whose it is: "Ring the office. It's 0113 496 0000",
# "…a ring? 0113 496 0000" (what may come before the number, and nothing else).
_BARE_NUMBER = compile_i(r"^\W*(?:(?:it'?s|it\s+is|its|that'?s|that\s+is|(?:the\s+)?(?:number|no|tel|phone)(?:'s|\s+is)?|on)\W*)?$")
# A number behind a switchboard's menu ("07700 900500 option 2", "press 1", "ext 214"): an organisation's line, no one's own.
_SWITCHBOARD = compile_i(r"[\s,:)-]*\(?\s*(?:(?:option|opt|press)\s*\d{1,2}"
                         r"(?=\s*(?:$|[^\w\s]|(?:for|then|and\s+(?:ask|speak|then)|to\s+(?:speak|talk|book|report))\b))"
                         r"|(?:ext|extension)\.?\s*\d{1,4}\b)")
# Someone named or a family in a sentence ("Kerry's", "his wife", "the Novaks", "Kai's parents"): the number is theirs, whatever
# desk or menu the message mentions.
_FAMILY_IN = compile_i(rf"\b{_NOT_POSSESSIVE}\w+'s\b|\b(?:his|her|their)\b|\b(?:parents?|mum|mam|dad|wife|husband|partner|family|families|nan|gran)\b"
                       r"|\bthe\s+(?-i:\p{Lu}\p{Ll}+)s\b")
# The school's desk as the subject of a sentence ("Office say it's a glitch", "The school office told me…", "Reception said"):
# "ring them on…" after it rings the desk.
_DESK_SAYS = compile_i(r"(?:^|[.!?]\s+|\n)\W*(?:the\s+)?(?:school(?:'s)?\s+)?(?:office|reception|attendance\s+(?:line|team|officer)|"
                       r"school)\s+(?:\w+\s+)?(?:say|says|said|told|tell|reckon|reckons|confirmed|emailed|texted|rang|replied)\b")
_RING_THEM = compile_i(r"\b(?:call|ring|phone|text|contact)\s+(?:them|they)\s+(?:on\s+|at\s+)?$")
# A post that advertises a trade (a price, a discount, a business, bookings): the number in it is the trade's line, given to
# be rung ("cleaning business, 10% off, 07700 900…", "first lesson free! Call Marek 07700 900…"); selling is its flag.
_ADVERT = regex.compile(r"(?=.*(?:£\s?\d|\b\d{1,2}\s?%\s*off\b|\b(?:discount|mates'?\s+rates|half\s+price|free\s+quotes?|per\s+hour|an\s+hour)\b))"
                        r"(?=.*\b(?:business|company|firm|bookings?|book\s+now|(?:first|1st)\s+(?:lesson|session|class|visit)|dm\s+me|inbox\s+me|"
                        r"(?:my|our)\s+(?:\w+\s+)?(?:brother|sister|husband|wife|partner|cousin|friend|mum|dad|brother-in-law|sister-in-law)\s+"
                        r"(?:does|runs|has|is|opened|started|make|makes|do))\b)", regex.IGNORECASE | regex.DOTALL)
_POSSESSIVE = compile_i(rf"\b{_NOT_POSSESSIVE}\w+'s\b")
_PRIVATE_LINE = compile_i(r"\b(?:personal|private|home|own)\s+(?:mobile|number|phone|line)\b")
_SCHOOL_EMAIL = compile_i(r"\.sch\.uk$|\.ac\.uk$|\.gov\.uk$")
# A mailbox named for what it handles, not for whom (RFC 2142's role addresses and a school's and a club's desks:
# "trips@", "year6.trips@", "consultation@", "no-reply@"): every word of the name before the @ is one of these or a club's,
# numbers aside.
_ROLE_WORDS = words("""office admin administration enquiries enquiry info information head headteacher school pta club bookings booking
    reception hello contact contacts trips trip consultation consultations attendance absence absences finance accounts payments bursar
    sen send senco sendco inclusion safeguarding dsl admissions parents parent lettings events news newsletter team support help helpdesk
    sales orders feedback comms communications press marketing governors clerk catering kitchen transport uniform careers exams
    welfare wellbeing pastoral sports pe music library lostproperty lost property noreply no reply donotreply do not year years class
    classes nursery early primary secondary juniors infants sixth form sixthform studentservices student services secretary chair
    treasurer committee fundraising friends volunteers volunteer council customer customers service services membership members
    register registration mail email postmaster webmaster abuse security planning licensing housing highways parking
    waste recycling environment education schools""")
_ROLE_PART = regex.compile(r"[a-z]+|\d+")
_HEADER_LINE = regex.compile(r"(?m)^\s*(?:From|To|Cc|Sent|Reply-To|Date)\s*:")
# A reminder not to share ("please delete that, staff numbers must not be shared") is moderation, not a leak.
_NEGATED = compile_i(r"\b(?:can't|cannot|can\s+not|don't|do\s+not|shouldn't|must\s+not|mustn't|not\s+allowed|never|not\s+for|"
                     # asked not to ("please no personal numbers on here", "asking people not to post…", "avoid sharing…")
                     r"please\s+no\s+(?:personal|private|phone|numbers|addresses|e-?mails|contact)|no\s+personal|not\s+to\s+(?:post|share|put|give|pass)|(?:avoid|stop)\s+(?:posting|sharing|putting)|"
                     r"please\s+(?:delete|remove|take)|(?:delete|remove|take\s+down)\s+(?:that|this|it)|take\s+(?:that|this|it)\s+down)\b")
_PERSONAL_DETAILS = regex.compile(r"personal\s+(?:mobile|number|phone|e-?mail)|home\s+address")
_SOCIAL_OF = compile_i(rf"\b(?:{_NOT_POSSESSIVE}\w+'s|his|her|their)\s+(?:\w+\s+)?(?:insta(?:gram)?|facebook|fb|tiktok|snap(?:chat)?|twitter)\b")
_HANDLE = regex.compile(r"(?<![\w.])@[\w.]{3,}(?![\w@]*\.(?:com|co|uk|org|net)\b)")
_MIN_DIGITS = 9
_O_FOR_ZERO = regex.compile(r"(?<=\d)[oO]+(?=[oO\s-]*\d)")
#: Words one of which is in every message this rule can flag (the engine's prefilter).
TRIGGERS = frozenset({"#at", "#num", "#postcode", "personal", "home", "address", "addresses", "numbers", "lives", "living", "live", "stays",
                      "staying", "postcode", "list", "dot",
                      "zero", "oh", "nought"}  # a number said in words has a 0 in it (a UK one opens with it; a mobile read without its 0 still has 00)
                     # a house number and a street, fewer digits than any phone number: "42 Makebelieve Avenue", "7 Meadow View"
                     | {w.lower() for w in _STREET_WORDS + _WELSH_STREET_WORDS})


def phone_numbers(raw: str) -> list[tuple[tuple[int, int], str]]:
    """(span, number in E.164) of every phone number in ``raw``, read as a UK chat writes them."""
    out = _spelled_numbers(raw) if _SPELLED_HINT.search(raw) else []
    if "o" in raw or "O" in raw:
        raw = _O_FOR_ZERO.sub(lambda m: "0" * len(m.group()), raw)  # "077OO 9OO 486": letters for zeros, same length
    if len(_DIGIT.findall(raw)) < _MIN_DIGITS:
        return out
    for m in PhoneNumberMatcher(raw, "GB", leniency=Leniency.POSSIBLE):
        n = m.number
        if _uk_shaped(n, m.raw_string) or phonenumbers.is_valid_number(n):
            out.append(((m.start, m.end), phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)))
    return out


def _uk_shaped(n: phonenumbers.PhoneNumber, written: str) -> bool:
    """A UK landline or mobile written with its 0 or +44 ("(07700) 900349" too), drama ranges included."""
    national = str(n.national_number)
    return n.country_code == 44 and written.lstrip("(")[:1] in "0+" and len(national) in (9, 10) and national[0] in "1237"


# A number said in words, as it is read out: "oh seven seven double oh, nine double oh, three eight eight".
_SPOKEN_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                  "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_SPOKEN = r"(?:(?:double|treble|triple)\s+)?(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_HINT = compile_i(r"\b(?:zero|oh|nought)\b")
_SPELLED_NUMBER = compile_i(rf"\b{_SPOKEN}\b(?:[\s,.-]+{_SPOKEN}\b){{6,}}")


def _spelled_numbers(raw: str) -> list[tuple[tuple[int, int], str]]:
    out = []
    for m in _SPELLED_NUMBER.finditer(raw):
        digits, times = [], 1
        for word in regex.findall(r"\w+", m.group().lower()):
            if word in ("double", "treble", "triple"):
                times = 2 if word == "double" else 3
                continue
            digits.append(_SPOKEN_DIGITS[word] * times)
            times = 1
        number = "".join(digits)
        if number[:1] == "7" and len(number) == 10:
            number = "0" + number  # a mobile read out without its first 0
        if number[:1] != "0" or len(number) not in (10, 11):
            continue
        n = phonenumbers.parse(number, "GB")
        if _uk_shaped(n, number):
            out.append((m.span(), phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)))
    return out


# Whose home it is: "Maisie's nan's", "Jack's family moved to", "where the Kowalskis live", "drop them at".
_HOME_OF = compile_i(r"\b(?:moved\s+to|(?:lives?|living|stays?|staying)\s+(?:at|on|in)|house\s+is|round\s+at|drop(?:ped)?\s+(?:\w+\s+)?(?:at|to|off\s+at)"
                     r"|(?:nan|nana|nanna|gran|granny|grandma|grandad|grandpa|auntie|aunty|uncle|cousin|family)'s"
                     r"|where\s+(?:the\s+)?(?-i:\p{Lu})\w+\s+(?:live|lives|stay|stays)"
                     r"|(?-i:\p{Lu}\p{Ll}+)'s\s+(?:house|home|place|nan|gran|mum|dad|family|parents)"
                     r"|(?-i:\p{Lu}\p{Ll}+)'s(?=\s*[,.!]|\s*$)"  # "12 Acacia Way, Gemma's": whose the address is
                     # "Kian's is 8 Larch Close": Kian's home (not "Mia's is 6 on Sunday", her age)
                     rf"|(?-i:\p{{Lu}}\p{{Ll}}+)'s\s+(?:is|was)\s+(?:at\s+)?(?:number\s+\d+|\d{{1,4}}[a-z]?,?\s+(?:\p{{L}}+\s+){{1,3}}{_STREET_WORD}\b)"
                     r"|(?-i:\p{Lu}\p{Ll}+)s'\s+(?:house|home|place)"  # "the Evans' house"
                     r"|\bfamily\s+(?:at|on)\s+(?:number\s+)?\d+"  # "the family at number 8"
                     # where someone is to be found: "you'll find her at", "the Okafors are at", "he's at number 9"
                     r"|(?:find|visit|catch)\s+(?:him|her|them)\s+at|the\s+(?-i:\p{Lu}\p{Ll}+)s\s+(?:are|were|live|lived|moved)"
                     r"|(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:now\s+|still\s+)?(?:at|on)\s+(?:number\s+)?\d+)\b")
# A place anyone may go, not someone's home: a venue, a shop, a hall, the school.
_VENUE = compile_i(r"\b(?:venue|hall|centre|center|church|chapel|mosque|temple|gurdwara|club|caf[eé]|pub|restaurant|shop|store|"
                   r"soft\s+play|leisure|library|surgery|clinic|hotel|school|academy|nursery|studio|office|unit|"
                   # a park, not "park on the road": the park, a car park, a named park
                   r"(?:the|car|(?-i:\p{Lu}\p{Ll}+))\s+park|parking\s+(?:area|lot))\b")


def _role_mailbox(address: str) -> bool:
    """Whether an e-mail address names a desk, not a person, by every word before its @ ("trips@", "year6.office@")."""
    parts = [w for w in _ROLE_PART.findall(address.split("@", 1)[0].lower()) if not w.isdigit()]
    return bool(parts) and all(w in _ROLE_WORDS or "club" in w for w in parts)  # "breakfastclub@" too


def _is_authors(address: str, author: str) -> bool:
    """Whether an e-mail address is the poster's own by its name part: "katie.l@…" from Katie Lowe."""
    local = address.split("@", 1)[0]
    first = author.split()[0].lower() if author.split() else ""
    return len(first) >= 3 and first in local


def _school_line(raw: str, span: tuple[int, int]) -> bool:
    """Whether the number at ``span`` is given as the school's: named so just before, or in a sentence telling readers to ring the school."""
    lead = _sentence_before(raw, span[0])
    if _PUBLISHED_LINE.search(lead):
        return True
    sentence = _sentence_at(raw, span[0])
    if _SWITCHBOARD.match(raw, span[1]) and not _FAMILY_IN.search(sentence):
        return True  # "07700 900… option 2": a switchboard's menu
    start = _sentence_start(raw, span[0])
    before = _sentences_before(raw, start)
    if before and _RING_THEM.search(lead) and _DESK_SAYS.search(before[0]) and not _FAMILY_IN.search(before[0]):
        return True  # "Office say it's a glitch. Ring them on…"
    if before and _BARE_NUMBER.match(raw[start:span[0]]):
        # "It's 0115 496 0000": a sentence before says whose, the one just before or the one before that when nobody is named
        # between ("Phone the attendance line. They're quick. Number is…"; not "…call the office. Dana's doing the gift. Number is…").
        for earlier in before:
            if _RING_THE_SCHOOL.search(earlier):
                sentence = f"{earlier} {sentence}"
                break
            if _FAMILY_IN.search(earlier) or _SOMEONE_IN_SENTENCE.search(earlier):
                break
    return bool(_RING_THE_SCHOOL.search(sentence)) and not _PRIVATE_LINE.search(sentence) and not _OTHERS_CONTACT.search(sentence)


def _sentences_before(raw: str, start: int, most: int = 2) -> list[str]:
    """The sentences before the one that begins at ``start``, nearest first, at most ``most`` of them."""
    out: list[str] = []
    while start > 1 and len(out) < most:
        previous = _sentence_start(raw, start - 2)
        out.append(raw[previous:start].strip())
        start = previous
    return out


def _e164(text: str) -> str:
    """A settings or author value as E.164 ('' when it is not a phone number)."""
    try:
        return phonenumbers.format_number(phonenumbers.parse(text, "GB"), phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        return ""


def _line_at(raw: str, pos: int) -> str:
    start = raw.rfind("\n", 0, pos) + 1
    end = raw.find("\n", pos)
    return raw[start:end if end >= 0 else len(raw)]


def _given_to_ring(raw: str, span: tuple[int, int]) -> bool:
    """Whether a number is given just after "call", "text" or "ring" in a sentence that names nobody: the poster's own."""
    lead = _sentence_before(raw, span[0])
    return _RING_THIS.search(lead) is not None and _SOMEONE_IN_SENTENCE.search(_sentence_at(raw, span[0])) is None


def _sentence_before(raw: str, pos: int) -> str:
    """The words of the sentence that lead up to ``pos`` (at most 80 characters of them)."""
    return raw[max(pos - 80, _sentence_start(raw, pos)):pos]


def personal_contact(t: Text, ctx: Context) -> Hit | None:
    """Someone else's phone number, e-mail or home address; the poster's own and the school's stay clean."""
    raw = t.raw
    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    digits, at = _DIGIT.search(raw) is not None, "@" in raw
    numbers = phone_numbers(raw) if digits or _SPELLED_HINT.search(raw) else []
    streets = [m.span() for m in _STREET.finditer(raw)] if digits else []
    postcodes = [m.span() for m in POSTCODE.finditer(raw)] if digits else []
    places = streets + postcodes
    emails = list(EMAIL.finditer(raw)) if at else []
    if "dot" in t.token_set:
        emails += list(_SPELLED_EMAIL.finditer(raw))
    # Whose details they are matters only beside a number, an address or an e-mail address: most messages that
    # wake this rule ("the letter came home", "2 kids", "£5") have none, and skip both searches.
    others = own = None
    if numbers or places or emails:
        others = _OTHERS_CONTACT.search(raw)
        own = _OWN_CONTACT.search(raw) and not others
    if numbers:
        safe = {_e164(x) for x in (ctx.author, ctx.school_phone) if x} - {""}
        advert = _ADVERT.match(raw) is not None and not others
        for span, number in numbers:
            if number not in safe and not own and not _school_line(raw, span) and not _given_to_ring(raw, span) \
                    and not (advert and not _POSSESSIVE.search(_sentence_at(raw, span[0]))):
                spans.append(span)
                kinds.append("phone number")
    # A street with its postcode is a postal address whoever it is said to be; a street alone needs a person beside it.
    if places and not own and (others or "address" in t.token_set or _HOME_OF.search(raw) or (streets and postcodes)) \
            and not _VENUE.search(raw):
        spans += places
        kinds.append("home address")
    for m in emails:
        addr = m.group().lower()
        if _HEADER_LINE.search(raw, 0, m.start()) and _HEADER_LINE.search(_line_at(raw, m.start())):
            continue  # "From: … <address>" heads a forwarded e-mail: correspondence, not a contact shared
        if own or _SCHOOL_EMAIL.search(addr) or _role_mailbox(addr) or (ctx.school_email and addr == ctx.school_email.lower()) \
                or _is_authors(addr, ctx.author) or _PUBLISHED_LINE.search(_sentence_before(raw, m.start())):
            continue
        spans.append(m.span())
        kinds.append("e-mail address")
    if spans:
        what = " and ".join(dict.fromkeys(kinds))
        return Hit(f"Shares someone else's {what}", tuple(sorted(set(spans))))
    bulk = _BULK_CONTACT.search(t)
    if bulk:
        return Hit("Shares other families' contact details", (bulk.span(),))
    lives = _LIVES_ON.search(t)
    if lives:
        return Hit("Says where someone lives", (lives.span(),))
    if _PERSONAL_DETAILS.search(t.lower):
        others = others or _OTHERS_CONTACT.search(raw)
        if others and not _NEGATED.search(raw):
            return Hit("Shares someone else's personal contact details", (others.span(),))
    if at and _SOCIAL_OF.search(raw):
        handle = _HANDLE.search(raw)
        if handle:  # "found Miss X's insta: @…": where to find a person outside the group
            return Hit("Shares someone else's social media account", (handle.span(),))
    return None


_SENTENCE_END = regex.compile(r"[.!?]\s|\n")


#: ``_SENTENCE_END`` searched backwards from a position: the nearest sentence end before it, found without reading the text
#: from its start (a message of a thousand numbers asks for a thousand sentence starts).
_LAST_SENTENCE_END = regex.compile(r"(?r)[.!?]\s|\n")


def _sentence_start(raw: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins: after the last full stop, ! or ? and a space, or line break, before it."""
    m = _LAST_SENTENCE_END.search(raw, 0, pos)
    return m.end() if m else 0


def _sentence_at(raw: str, pos: int) -> str:
    end = _SENTENCE_END.search(raw, pos)
    return raw[_sentence_start(raw, pos):end.start() if end else len(raw)]
