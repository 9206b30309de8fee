"""Masking: phone numbers, e-mails, bystanders' and children's names, and what is kept."""

from rep_assistant.core.acting.redaction import Redactor, children_named, mask_email, mask_phone


def test_masks_keep_a_hint() -> None:
    assert mask_phone("07700 900123") == "07700 9•••••"
    assert mask_phone("+44 7700 900123") == "+44 7700 9•••••"
    assert mask_email("anna.smith@example.com") == "a•••@example.com"


def test_every_spelling_of_a_number_is_masked_but_the_schools_is_kept() -> None:
    r = Redactor(allowed=["01632 960000", "office@school.example.com"])
    text = "ring 07700900123, +44 (0)7700 900 123, 07700-900-123 or 01632 960000; office@school.example.com; x.y@example.com"
    masked = r.text(text)
    assert "900123" not in masked.replace(" ", "").replace("-", "")
    assert "01632 960000" in masked and "office@school.example.com" in masked
    assert "x.y@example.com" not in masked
    assert r.text("Year 3 trip costs £12.50 on 14/03/2026 at 09:05") == "Year 3 trip costs £12.50 on 14/03/2026 at 09:05"


def test_bystanders_get_stable_labels_and_kept_people_stay() -> None:
    r = Redactor(keep_names={"Sam Jones"}, bystanders=["Sam Jones", "Anna Smith", "Priya Patel"])
    assert r.name("Sam Jones") == "Sam Jones"
    assert (r.name("Anna Smith"), r.name("Priya Patel"), r.name("Anna Smith")) == ("Parent A", "Parent B", "Parent A")
    assert r.text("Thanks Anna Smith and Priya, Sam") == "Thanks Parent A and Parent B, Sam"


def test_children_found_from_the_words_around_them() -> None:
    texts = ["My son Leo lost his jumper", "Ivy in Year 3 had it", "Maya's mum said", "The girl called Zoe", "The Year 3 trip"]
    assert children_named(texts) == {"Leo", "Ivy", "Maya", "Zoe"}
    r = Redactor(children=children_named(texts), keep_children={"Maya"})
    assert r.text("Leo, Ivy, Maya and Zoe") == "Child A, Child B, Maya and Child C"  # labels in reading order


def test_a_phone_number_poster_keeps_their_number_when_named() -> None:
    r = Redactor(keep_names={"+44 7700 900456"}, bystanders=["+44 7700 900456"])
    assert r.name("+44 7700 900456") == "+44 7700 900456"
    assert r.text("my number is 07700 900456") == "my number is 07700 900456"


def test_off_means_off() -> None:
    r = Redactor(bystanders=["Anna Smith"], enabled=False)
    assert r.text("Anna Smith 07700 900123") == "Anna Smith 07700 900123"
    assert r.name("Anna Smith") == "Anna Smith"


# -- the bystander list a tester checks a masked bundle against ----------------------------------

BYSTANDERS = ["Sophie Quince", "Gareth Ashworth", "Will Green", "Rita Brown"]


def _masker(**kwargs: object) -> Redactor:
    return Redactor(keep_names={"Rita Brown"}, bystanders=BYSTANDERS, **kwargs)  # type: ignore[arg-type]


def test_every_form_of_a_bystanders_name_is_masked() -> None:
    r = _masker()
    cases = {
        "thanks sophie quince!": "thanks Parent A!",                 # lower case
        "SOPHIE QUINCE said": "Parent A said",                       # upper case
        "Sophie said so": "Parent A said so",                        # first name alone
        "the Quince family": "the Parent A family",                  # surname alone
        "ask Soph": "ask Parent A",                                  # a short form
        "gareth_ashworth and gareth.ashworth": "Parent B and Parent B",  # any separator
        "Will Green will bring the green bag": "Parent C will bring the green bag",  # names that are words
        "Will is late": "Parent C is late",
    }
    for text, masked in cases.items():
        assert r.text(text) == masked, text
    assert r.text("Rita Brown and Rita") == "Rita Brown and Rita"  # the poster the school needs stays


def test_names_inside_links_and_addresses_are_masked() -> None:
    r = _masker()
    assert r.text("see https://example.com/ashworth-runs please") == "see [link removed: it names someone] please"
    assert r.text("www.sophiequince.example.com") == "[link removed: it names someone]"
    assert r.text("https://example.com/school-fete") == "https://example.com/school-fete"
    masked = r.text("mail gq@ashworth-family.example.com")
    assert "ashworth" not in masked.lower()


def test_labels_start_at_a_in_reading_order_and_a_shared_first_name_names_nobody() -> None:
    r = Redactor(bystanders=["Zara Young", "Adam Young", "Sam Lee", "Sam Patel"])
    assert r.text("Zara Young, then Adam Young") == "Parent A, then Parent B"
    assert r.text("Sam said hi") == "a parent said hi"  # two Sams: which one cannot be known
    assert r.text("Sam Patel") == "Parent C"


def test_children_named_anywhere_are_masked_case_insensitively() -> None:
    r = Redactor(children=children_named(["My daughter Isla has a cold", "Theo in Year 2 too"]))
    assert r.text("isla and THEO played") == "Child A and Child B played"
