"""Photos of children in a class chat: what a caption, a media tag or a link says is pictured.

A photo of another family's child is personal data under the school's rules; a photo of lost
property, a letter or a poster is not, nor a parent's photo of their own child. The chat export
carries no picture, only what is written with it: a caption on the media's next line (Android),
a text beside it, a tag such as "<Media omitted>" or "[photo]" copied into a text, a text that
hands photos round ("pics from the disco below 👇", "sending you the trip photos"), a link to an
album, or word of one put online. behaviour.child_photos reads media and the texts beside them;
the content check ``photo_of_children`` (content.py) reads a single text.

What is pictured is read from the words, never from one known caption: words for children and
groups of them (the kids, the lads, the whole class, his mates, the under 9s), a child shown so
the group will say who they are ("whose boy is this?", "this is the lad who…"), a photo of or from
a children's event (the sports day photos, pics of everyone at the disco); and what is not: a
thing (a coat, a letter, a cake, the venue, the car on the zigzags), a request not to post, the
school's own photos, or only the writer's own children ("my two on the beach").
"""

import regex

_I = regex.IGNORECASE


def _any(words: str) -> str:
    return r"\b(?:" + words + r")\b"


#: Words for a picture or a film and verbs that make one; the check's prefilter is built from them.
_PHOTO_NOUNS = ("pic", "pics", "pix", "piccies", "piccy", "picture", "pictures", "photo", "photos", "photograph", "photographs", "photie", "photies",
                "snaps", "snapshot", "snapshots", "shots", "video", "videos", "vid", "vids", "clip", "clips", "footage", "selfie", "selfies",
                "image", "images", "recording", "recordings", "collage", "collages", "slideshow", "slideshows", "montage", "montages", "reel",
                "reels", "tiktok", "tiktoks", "filmed", "filming", "videoed", "photographed", "snapchatted")
PHOTO_WORDS = regex.compile(_any("|".join(_PHOTO_NOUNS)), _I)
#: An event children are at: a photo of or from it pictures them.
_EVENTS = (r"(?<!\b(?:work|works|office|hen|stag|staff|leaving|retirement|engagement|wedding)\s)party|nativity|assembly|sports\s+day|disco|trip|"
           r"(?:football|footy|netball|rugby|hockey)\s+(?:match|tournament)|"
           r"(?:school|christmas|summer|spring|carol)\s+concert|(?:school|summer|christmas|talent)\s+show|swimming\s+gala|(?:school|christmas)\s+panto|(?:christmas|nativity|school)\s+play|"
           r"residential|prom|leavers|maypole|sleepover|playdate|world\s+book\s+day|fun\s+run|brownies|cubs|scouts|camp|soft\s+play")
#: Groups that are children by what they are: a class, a year, an age group ("the U9s"); a team, a squad, a cast or a
#: choir may be grown-ups' (a work team), so they name children only in a caption that shows people.
_KID_GROUPS = r"class|year\s?\d{1,2}s?|reception\s+class|u\d{1,2}s|under\s?\d{1,2}s"
_GROUPS = r"team|squad|cast|choir|" + _KID_GROUPS
#: What is pictured when it is a thing, not a child: paper, a place, a vehicle, food, a child's work rather than the child.
_NOT_CHILD_PHOTO = regex.compile(_any(
    r"poster|flyer|leaflet|letter|list|form|forms|sheet|reading\s+log|rota|timetable|menu|newsletter|screenshot|of\s+it|map|receipt|"
    r"invoice|van|parking|zig\s*zags?|cakes?|bakes?|food|recipe|artwork|drawings?|"
    r"paintings?|models?|crafts?|homework|knot|tutorial|how\s+to|venue|hall|entrance|directions|building|car\s+park|pets?|puppy|"
    r"dog|cat|kitten|hamster|rabbit|guinea\s+pig"), _I)
# Lost property photographed is a coat, not a child: "whose is this jumper?", "found this in the car park".
_LOST_PROPERTY = regex.compile(r"\blost\s+(?:property|and\s+found)\b|\b(?:anyone|who|somebody|someone)(?:'s|\s+has)?\s+lost\b|"
                               r"\bwhose\s+is\s+(?:this|it)\b|\bfound\s+(?:this|these|a|an|it)\b(?!\s+(?:photo|pic|picture|video|clip))", _I)
_ITEMS = regex.compile(_any(r"coat|jumper|cardigan|bottle|lunch\s*box|book\s*bag|shoe|shoes|trainers|hat|glove|gloves|scarf|bag|"
                            r"label(?:led)?|keys?|purse|wallet|car"), _I)
# Words for the children in a picture (an event's name alone is not one: a party invite, a match moved).
_PICTURED = regex.compile(_any(
    r"kids|kiddies|kiddos|children|child|boys|girls|lads|lasses|bairns|weans|little\s+ones|babies|everyone's\s+(?:kids|children)|"
    r"(?:the\s+)?(?:whole|entire)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:class|year|team|lot|row|cast|squad|group|choir)|class\s+photo|our\s+lot|"
    r"them\s+all|all\s+of\s+them|on\s+stage|in\s+their\s+(?:costumes|outfits|uniforms?|kits?)|"
    r"(?:his|her|their|\w+'s)\s+(?:friends|mates|pals|classmates|team\s*mates)|" + _KID_GROUPS.replace("class|", "")), _I)
# Only the writer's own children: "my two on the beach", "our boys in their kits", "here are my girls".
# "Our" before a group of children is the class's, not the family's: "our class", "our Year 5s", "our team"; "our kids",
# "our little ones" are the class's only at a children's event ("our little ones at the Christmas panto"), else
# a family's own ("our kids on the beach").
_CLASS_GROUPS = r"class|team|squad|year"
_EITHER_GROUPS = r"kids|children|babies|little\s+ones|lot"
_CLASS_OUR = regex.compile(r"\s+(?:" + _CLASS_GROUPS + r")\b", _I)
_EITHER_OUR = regex.compile(r"\s+(?:" + _EITHER_GROUPS + r")\b", _I)
_OWN = regex.compile(r"(?<!\ball\s)\b(?:my|me|(our))\s+(?:[\w-]+\s+){0,3}$", _I)
#: How far before a word for children ``_OWN`` and ``_WHERE`` look (a window, so a long text is read once, not per word).
_REACH = 40
# A child shown so the group will say who they are, or what they did: "whose boy is this?", "this is the lad who…".
_IDENTIFIED = regex.compile(
    r"\bwhose\s+(?:little\s+)?(?:child|kid|boy|girl|son|daughter|lad|lass)\s+(?:is\s+(?:this|that|he|she|it)|this\s+is)\b|"
    r"\bwhoever'?s\s+(?:little\s+)?(?:child|kid|boy|girl|son|daughter|lad|lass)\s+(?:this|that|he|she)\s+is\b|"
    r"\b(?:does\s+anyone|anyone)\s+(?:know|recogni[sz]e)\s+(?:this|these|the)\s+(?:child|kid|kids|boy|boys|girl|girls|lad|lads|lass|children)\b|"
    r"\brecogni[sz]e\s+(?:him|her|them|this\s+(?:child|kid|boy|girl|lad|lass))\b|"
    r"\bwho(?:'s|\s+is|\s+are)\s+(?:his|her|their)\s+(?:mum|mam|mom|mother|dad|father|parents?)\b|\bwho\s+does\s+(?:he|she)\s+belong\s+to\b|"
    r"\b(?:this|that)(?:'s|\s+is|\s+was)\s+the\s+(?:child|kid|boy|girl|lad|lass)\s+(?:who|that|what)\b|"
    r"\bthis\s+(?:child|kid|boy|girl|lad|lass)\s+(?:keeps|kept|kicked|hit|pushed|pushing|throwing|threw|spat|bit|swore|has\s+been|was\s+(?:the\s+one|caught))\b|"
    r"\b(?:took\s+a\s+(?:photo|pic|picture|video|vid)\s+of|snapped|filmed|videoed|photographed)\s+(?:the|this|that|these|those)\s+(?:boys?|girls?|kids?|lads?|child|children)\b|"
    r"\bcaught\s+(?:this|him|her|them|these)\b[^.!?\n]{0,30}\bon\s+(?:camera|video|film)\b", _I)
# Not a picture of children: an invitation, a fixture list, a cake made or prizes donated by someone.
_NOT_PICTURED = regex.compile(_any(r"invite|invitation|fixture\s+(?:list|card|sheet)|fixtures|made\s+these|donated|prizes?|for\s+sale|"
                                   r"selling|tickets?|my\s+(?:little\s+)?(?:business|shop)|online\s+shop|discount|\d+\s*%\s*off"), _I)
# Two or more names in a row: "Evie, Isla and Theo", "Tobi and Daria's faces".
_NAMES = regex.compile(r"(?-i:\p{Lu}\p{Ll}+)(?:,\s*(?-i:\p{Lu}\p{Ll}+))*+,?\s+(?:and|&)\s+(?-i:\p{Lu}\p{Ll}+)")
# What a picture of people shows: "look at their faces", "with their medals", "on the slide", a fight.
_SHOWN = regex.compile(_any(r"faces?|smiles?|medals?|costumes?|outfits?|on\s+the\s+\w+|look\s+at|at\s+the\s+front|front\s+row|"
                            r"in\s+the\s+middle|fight(?:ing)?|scrap(?:ping)?") + r"|😍|🥰|🥹", _I)
# A caption that tells of the people in a picture: pride, "bless them", "they look…", "every one of them", a trophy.
_PEOPLE_SHOWN = regex.compile(_any(r"proud|bless\s+(?:them|em|'em|her|him)|cute|gorgeous|adorable|every\s+(?:one|single\s+one)\s+of|"
                                   r"all\s+of\s+them|they\s+(?:all\s+)?(?:look|looked|were)|look(?:s|ed)?\s+(?:so\s+|well\s+)?"
                                   r"(?:happy|excited|smart|cute|lovely|muddy)") + r"|😍|🥰|🥹|🏆|🥇", _I)
# A photo of or from a children's event, either way round: "the sports day photos", "pics of everyone at the disco".
_NOUN = "|".join(_PHOTO_NOUNS)
_EVENT_PHOTO = regex.compile(
    r"\b(?:" + _NOUN + r")\s+(?:\w+\s+){0,2}?(?:of|from|at)\s+(?:(?!my\b|our\b|me\b)\S+\s+){0,3}?(?:" + _EVENTS + "|" + _KID_GROUPS + r")\b|"
    r"\b(?:" + _EVENTS + "|" + _KID_GROUPS + r")\s+(?:\w+\s+)?(?:" + _NOUN + r")\b|"
    r"\b(?:filmed|videoed|photographed|recorded)\s+(?:(?!my\b|our\b|me\b)\S+\s+){0,3}?(?:" + _EVENTS + "|" + _KID_GROUPS + r")\b", _I)
_EVENT_OR_GROUP = regex.compile(_any(_EVENTS + "|" + _GROUPS), _I)
_AT_EVENT = regex.compile(_any(_EVENTS), _I)
_GROUP = regex.compile(_any(_GROUPS), _I)
# The writer's own child named in a caption ("my Tia", "our Freddie", "me little one"): a picture of them is theirs to post.
_MINE = regex.compile(r"\b(?:my|me)\s+\w+|\bour\s+(?!" + _CLASS_GROUPS + "|" + _EITHER_GROUPS + r")\w+", _I)
# A group named as where or which ("his first day in Year 1", "moving up to Reception"), not as who is pictured.
_WHERE = regex.compile(r"\b(?:in|into|to|for|of|from|at|starting|starts|started|joined|joining|moved|moving|up)\s+(?:the\s+)?$", _I)
# A photo or video named in a text: an export's tag copied in, "[photo]", "<Media omitted> …", or a word for one.
_MEDIA_TAG = regex.compile(r"<media omitted>|<attached:[^>]*>|\b(?:image|video|photo|gif)\s+omitted\b|(?<!\S)[\w-]{1,60}\.(?:jpe?g|png|heic|gif|mp4|mov)\b|"
                           r"\[(?:photos?|pics?|images?|videos?|img)\b[^\]\n]{0,120}\]?", _I)
_LINK = regex.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|uk)/", _I)
# A place online by its name; a story, a status, a page or an album only as the writer's or a platform's ("my story",
# "the Facebook page"), not "the story sacks" or "the family whatsapp group" of relatives.
_PLATFORMS = (r"facebook|fb|insta(?:gram)?|ig|tiktok|snapchat|youtube|yt|twitter|reels?|flickr|dropbox|icloud|google\s+(?:drive|photos)|"
              r"(?<=\b(?:my|me|our|facebook|fb|insta|instagram|snapchat|snap|whatsapp|google|youtube|public|shared|group|class)\s)(?:story|stories|status|page|album|"
              r"channel|drive|bio|profile|snap)")
# Put online: a verb of posting and where ("popped them on me Insta", "uploaded the clips to our family YouTube channel"),
# photos said to be there ("the prom pics are on my Facebook"), or a post that is online by what it is ("made a TikTok").
_ONLINE = regex.compile(
    r"(?<!\b(?:he|she|they|someone|somebody|who|has\s+been|have\s+been|had\s+been|is|are|was|were|been|he's|she's|they're|\w+'s)\s+)"
    r"\b(?:put|putting|posted|posting|uploaded|uploading|upload|shared|sharing|post|popped|popping|stuck|chucked|bunged|whacked|"
    r"tagged|tagging|added|sent|forwarded|forwarding)\b[^.!?\n]{0,60}?\b(?:on|to|in|onto|up\s+on)\s+(?:my\s+|me\s+|the\s+|our\s+|a\s+)?(?:(?!his\b|her\b|their\b)[\w']+\s+){0,2}?"
    r"(?:" + _PLATFORMS + r")\b|"
    r"\b(?:on|onto|up\s+on|in)\s+(?:my|me|our)\s+(?:\w+\s+)?(?:" + _PLATFORMS + r")\b|"
    r"\b(?:made|posted|did|done)\s+a\s+(?:tiktok|reel)\b|\bsnapchatted\b", _I)
# Where what is posted is a film or a photo by what the place is ("uploaded the school play to YouTube").
_FILM_PLATFORM = regex.compile(_any(r"youtube|tiktok|insta(?:gram)?|snapchat|reels?|flickr"), _I)
# Handing photos round in the group: "here are the pics", "sending you all the trip photos", "pics below 👇", "on here now".
_HANDED_ROUND = regex.compile(
    r"\b(?:here\s+(?:are|is)|here's|heres|sending|sent\s+round|dropping|attached|enjoy|find\s+attached|"
    r"(?:chuck|chucking|put|putting|pop|popping|stick|sticking|share|sharing|post|posting|drop|dropping|bung|bunging)\s+(?:them|these|it|they|em|'em)\s+(?:on\s+|in\s+)?here|"
    r"on\s+here\s+now|to\s+follow|coming\s+(?:up|now|next)|comin\s+now|hand(?:ing|ed)?\s+(?:them\s+|these\s+|it\s+)?(?:out|round)|"
    r"(?:stuck|put|posted|popped|shared|dropped)\s+(?:it|them|these)\s+(?:in|on)\s+(?:the|this)\s+(?:group|chat)|"
    r"(?:pics|photos|videos|vids|clips|pictures|snaps)\s+(?:below|attached|above))\b|👇|⬇️", _I)
# Talk about posting rather than a post: a request not to, "no photos", or a question ("is it ok to post…?").
_ASKING_NOT_TO = regex.compile(r"\b(?:remind|reminder|(?:don'?t|do\s+not|shouldn'?t|should\s+not|never)\s+(?:\w+\s+){0,2}?(?:post|share|put|upload|send|"
                               r"forward|screenshot|film|take|add|tag)|not\s+(?:to\s+)?(?:share|sharing|post|posting|put)|"
                               r"please\s+(?:delete|remove|take)|take\s+(?:it|them|that|this)\s+down|no\s+(?:photos|pictures|videos|filming)|"
                               r"is\s+it\s+ok|can\s+i|am\s+i\s+allowed)\b", _I)
# A question, not a link's query ("?v=…"): asking about posting, unless a picture is already there (a tag's caption).
_QUESTION = regex.compile(r"\?(?![\w=])")
# Photos the school or another body put up, not the writer: "the school have put the sports day photos on their website".
_SOMEONE_ELSES = regex.compile(
    r"\b(?:(?:the\s+)?(?:school|office|pta|teachers?|head|photographer|club|council)|(?:mrs?|miss|ms|dr)\.?\s+\w+|someone|somebody|"
    r"a\s+parent|another\s+parent|people|(?:his|her|their|(?-i:\p{Lu}\p{Ll}+)'s)\s+(?:mum|mam|dad|mother|father|sister|brother|nan|gran))"
    r"(?:'s)?\s+(?:have|has|will|are|is|'ll|just)?\s*(?:put|posted|post|uploaded|upload|shared|share|going\s+to\s+(?:put|post|share))"
    r"\s+(?:up\s+)?(?:\w+\s+){0,4}?(?:photos?|pics?|pictures?|videos?|clips?|them|these|it)\b|\bon\s+the\s+school(?:'s)?\s+(?:facebook|website|page|insta(?:gram)?|twitter|app|blog)\b|"
    r"\bfor\s+(?:\w+ly\s+)?(?:sending|sharing|posting|putting)\b", _I)


def _children_named(text: str) -> bool:
    """Words for children that are not only the writer's own ("the kids", "his mates"; not "my two", "our girls")."""
    return any(not _owned(text, m.start()) and (_GROUP.fullmatch(m.group()) is None or not _WHERE.search(text, max(0, m.start() - _REACH), m.start()))
               for m in _PICTURED.finditer(text))


def _owned(text: str, at: int) -> bool:
    """Whether the words just before ``at`` make what follows the writer's own ("my two little", "our")."""
    own = _OWN.search(text, max(0, at - _REACH), at)
    # "our" is read on in the whole text: the window ends at the word for children, which may be what makes it the class's.
    if own is None or own.group(1) is None:
        return own is not None
    after = own.end(1)
    return _CLASS_OUR.match(text, after) is None and (_EITHER_OUR.match(text, after) is None or _AT_EVENT.search(text) is None)


def _a_thing(text: str) -> bool:
    """Whether what is pictured is said to be a thing: paper, a place, food, lost property, an invitation."""
    return bool(_NOT_CHILD_PHOTO.search(text) or _NOT_PICTURED.search(text) or _ITEMS.search(text) or _LOST_PROPERTY.search(text))


def children_pictured(caption: str) -> bool:
    """Whether a photo's caption says children are in it: a word for them ("the kids", "the whole class", "them all")
    other than the writer's own, or three names, or two beside what a picture shows ("Tobi and Daria's faces") — not
    an event alone ("party invite", "football match"), a coat, a letter or a cake someone made."""
    if _a_thing(caption):
        return False
    if _children_named(caption):
        return True
    names = _NAMES.search(caption)
    return names is not None and (names.group().count(",") >= 1 or _SHOWN.search(caption) is not None)


def _event_pictured(text: str) -> bool:
    """A photo of or from a children's event or group ("the sports day photos", "pics of everyone at the disco"), not
    the writer's own children's alone, not of a thing (a menu, a cake, the venue)."""
    found = _EVENT_PHOTO.search(text)
    return found is not None and not _a_thing(text) and not _owned(text, found.start())


def _captioned(caption: str) -> bool:
    """A media tag's caption about children: named as above, a group by name ("the team 🏆"), or an event with what
    a picture of people shows ("sports day relay, so proud of every one of them")."""
    if children_pictured(caption) or _event_pictured(caption):
        return True
    if _a_thing(caption) or _PEOPLE_SHOWN.search(caption) is None or _MINE.search(caption):
        return False
    # A group or an event with people shown ("the squad 🏆", "sports day relay, so proud of every one of them"): at an
    # event, "at the disco" is who was there; the writer's own child there is theirs; a work do or a band is no one's child.
    return any(not _owned(caption, e.start()) and (_GROUP.fullmatch(e.group()) is None or _who(caption, e))
               for e in _EVENT_OR_GROUP.finditer(caption))


def _who(caption: str, named: regex.Match[str]) -> bool:
    """Whether a group or an event named in a caption is who is pictured, not the writer's own ("our team") or where or
    which ("his first day in Year 1")."""
    return not _owned(caption, named.start()) and not _WHERE.search(caption, max(0, named.start() - _REACH), named.start())


# A text that speaks of a picture: a word for one, what a picture of people shows, or pointing at it ("here are", 👇).
_POINTING = regex.compile(r"\b(?:look\s+at|here\s+(?:are|is)|here's|check\s+out)\b|👇|📸|⬇️", _I)


def captions_children(text: str) -> bool:
    """Whether a member's text posted beside their own photo, read as its caption, says children are in it: the same
    reading as a media tag's caption (not the writer's own child, not a thing, not the school's post or a request not
    to post), or a child shown for the group to name. Unlike a caption on the photo itself, the text must speak of a
    picture: "is it PE kits for the kids tomorrow?" sent a minute before a photo of the snow is a question, not its
    caption."""
    if _ASKING_NOT_TO.search(text) or _SOMEONE_ELSES.search(text):
        return False
    if _IDENTIFIED.search(text):
        return True
    pictured = PHOTO_WORDS.search(text) or _POINTING.search(text) or _SHOWN.search(text) or _PEOPLE_SHOWN.search(text)
    return pictured is not None and _captioned(text)


def shared_in_text(text: str) -> str | None:
    """What a text shares of children's photos, or None: a media tag in it with a caption about children, a child
    shown to be identified, a link to an album, a post online, photos handed round in the group."""
    tag = _MEDIA_TAG.search(text)
    caption = text if tag is None else text[:tag.start()] + " " + text[tag.end():]
    if _ASKING_NOT_TO.search(text) or _SOMEONE_ELSES.search(text):
        return None  # "can you remind people not to share photos?", "the school will post them": not the writer's post
    if (tag is not None or PHOTO_WORDS.search(text)) and _IDENTIFIED.search(caption):
        return "Posts a photo of a child for the group to say who they are"  # its question asks about the child shown
    if tag is not None and _captioned(caption):
        return "Posts a photo of children (its caption names them)"  # "aren't they gorgeous?" is no question about posting
    if _QUESTION.search(text):
        return None  # "can someone send the photos of the kids?", "is it ok to post…?": asking, not posting
    if not (PHOTO_WORDS.search(text) or _FILM_PLATFORM.search(text)) or not (children_pictured(text) or _event_pictured(text)):
        return None
    if _LINK.search(text):
        return "Shares a link to photos of children"
    if _ONLINE.search(text):
        return "Puts photos of children online"
    if _HANDED_ROUND.search(text):
        return "Hands round photos of children in the group"
    return None


#: Words one of which is in every text ``shared_in_text`` can flag (the engine's prefilter): the words for a picture
#: and what a media tag or a file's name leaves in a text.
TRIGGERS = frozenset(_PHOTO_NOUNS) | frozenset({"img", "media", "attached", "omitted", "gif", "jpg", "jpeg", "png", "heic", "mp4", "mov",
                                                "youtube", "insta", "instagram", "snapchat", "reel", "flickr"})
