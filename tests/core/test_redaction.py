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
