"""Photos of children in a class chat: what a caption, a media tag or a link says is pictured.

A photo of another family's child is personal data under the school's rules; a photo of lost
property, a letter or a poster is not. The chat export carries no picture, only what is
written with it: a caption on the media's next line (Android), a text beside it, a tag such
as "<Media omitted>" or "[photo]" copied into a text, a link to an album, or word of one put
online. behaviour.child_photos reads media and the texts beside them; the content check
``photo_of_children`` (content.py) reads a single text.
"""

import regex

PHOTO_WORDS = regex.compile(r"\b(?:pics?|pictures?|photos?|snaps?|videos?|vids?|selfies?)\b", regex.IGNORECASE)
CHILD_WORDS = regex.compile(
    r"\b(?:kids|children|child|boys|girls|little\s+ones|class|party|nativity|assembly|sports\s+day|disco|school\s+trip|"
    r"birthday|playground|costumes?|(?-i:[A-Z][a-z]+)'s\s+party|match|game|team|football|netball|concert|show|performance|"
    r"year\s?\d+s?|reception|swimming\s+gala|panto|christmas\s+play|our\s+lot|them\s+all|(?:up\s+)?on\s+stage)\b",
    regex.IGNORECASE,
)
SHOWING = regex.compile(r"\b(?:look\s+at|here\s+(?:are|is)|here's|check\s+out|couldn'?t\s+resist)\b|👇|📸|😍|🥰", regex.IGNORECASE)
NOT_CHILD_PHOTO = regex.compile(r"\b(?:poster|flyer|letter|list|form|timetable|menu|newsletter|screenshot|of\s+it|map)\b", regex.IGNORECASE)
# Lost property photographed is a coat, not a child: "whose is this jumper?", "found this in the car park".
_LOST_PROPERTY = regex.compile(r"\b(?:lost|found|whose|coat|jumper|cardigan|bottle|lunch\s*box|book\s*bag|shoe|shoes|trainers|hat|glove|"
                               r"gloves|scarf|bag|label(?:led)?)\b", regex.IGNORECASE)
# Words for the children in a picture (an event's name alone is not one: a party invite, a match moved).
_PICTURED = regex.compile(r"\b(?:kids|children|child|boys|girls|little\s+ones|babies|(?:the\s+)?whole\s+(?:class|year|team|lot|row)|"
                          r"class\s+photo|our\s+lot|them\s+all|all\s+of\s+them|on\s+stage|in\s+their\s+(?:costumes|outfits|uniforms?))\b",
                          regex.IGNORECASE)
# What a picture of people shows: "look at their faces", "with their medals", "on the slide".
_SHOWN = regex.compile(r"\b(?:faces?|smiles?|medals?|costumes?|outfits?|on\s+the\s+\w+|look\s+at|at\s+the\s+front|front\s+row|"
                       r"in\s+the\s+middle)\b|😍|🥰|🥹", regex.IGNORECASE)
# Not a picture of children: an invitation, a fixture, a cake made or prizes donated by someone.
_NOT_PICTURED = regex.compile(r"\b(?:invite|invitation|fixture|made\s+these|donated|prizes?|for\s+sale|selling|tickets?)\b", regex.IGNORECASE)
# Two or more names in a row: "Evie, Isla and Theo", "Tobi and Daria's faces".
_NAMES = regex.compile(r"(?-i:\p{Lu}\p{Ll}+)(?:,\s*(?-i:\p{Lu}\p{Ll}+))*,?\s+(?:and|&)\s+(?-i:\p{Lu}\p{Ll}+)")
# A photo or video named in a text: an export's tag copied in, "[photo]", "<Media omitted> …", or a word for one.
_MEDIA_TAG = regex.compile(r"<media omitted>|<attached:[^>]*>|\S+\.(?:jpe?g|png|heic|gif|mp4|mov)\b|"
                           r"\[(?:photos?|pics?|images?|videos?|img)\b[^\]\n]{0,120}\]?", regex.IGNORECASE)
_LINK = regex.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|uk)/", regex.IGNORECASE)
_ONLINE = regex.compile(r"\b(?:put|putting|posted|posting|uploaded|uploading|shared|sharing|post)\b[^.!?\n]{0,40}\b(?:on|to)\s+"
                        r"(?:my\s+|the\s+)?(?:facebook|fb|insta(?:gram)?|tiktok|story|snapchat|snap|youtube|twitter)\b", regex.IGNORECASE)
# Talk about posting rather than a post: a request not to, "no photos", or a question ("is it ok to post…?").
_ASKING_NOT_TO = regex.compile(r"\b(?:remind|reminder|don'?t|do\s+not|shouldn'?t|should\s+not|not\s+(?:to\s+)?(?:share|sharing|post|posting|put)|"
                               r"please\s+(?:delete|remove|take)|no\s+(?:photos|pictures|videos|filming)|is\s+it\s+ok|can\s+i|am\s+i\s+allowed)\b|\?",
                               regex.IGNORECASE)


def children_pictured(caption: str) -> bool:
    """Whether a photo's caption says children are in it: a word for them ("the kids", "the whole class", "them all"),
    or three names, or two beside what a picture shows ("Tobi and Daria's faces") — not an event alone ("party
    invite", "football match"), a coat, a letter or a cake someone made."""
    if NOT_CHILD_PHOTO.search(caption) or _LOST_PROPERTY.search(caption) or _NOT_PICTURED.search(caption):
        return False
    if _PICTURED.search(caption):
        return True
    names = _NAMES.search(caption)
    return names is not None and (names.group().count(",") >= 1 or _SHOWN.search(caption) is not None)


def shared_in_text(text: str) -> str | None:
    """What a text shares of children's photos, or None: a media tag in it, a link to an album, a post online."""
    if _ASKING_NOT_TO.search(text):
        return None  # "can you remind people not to share photos?": moderation, not a photo
    tag = _MEDIA_TAG.search(text)
    if tag is not None and children_pictured(text[:tag.start()] + " " + text[tag.end():]):
        return "Posts a photo of children (its caption names them)"
    if not PHOTO_WORDS.search(text) or not children_pictured(text):
        return None
    if _LINK.search(text):
        return "Shares a link to photos of children"
    if _ONLINE.search(text):
        return "Puts photos of children online"
    return None


#: Words one of which is in every text ``shared_in_text`` can flag (the engine's prefilter).
TRIGGERS = frozenset({"photo", "photos", "pic", "pics", "picture", "pictures", "video", "videos", "vid", "vids", "snap", "snaps",
                      "selfie", "selfies", "img", "image", "images", "media", "attached", "jpg", "jpeg", "png", "heic", "gif", "mp4", "mov"})
