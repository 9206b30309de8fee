"""Probe sets written blind to the detector (issue #12), kept as floors so a change cannot quietly lose them.

Nineteen independent writers in three rounds, none of whom read the rules, the word lists or the tests,
wrote these (``tests/data/probes/written_blind/``, made-up people and details): disguised swearing
with innocent look-alikes (a, b; g, h; o, q, s), swearing, insults and disclosures about a child in Urdu,
Polish, Arabic, Bengali, Welsh and Somali with benign messages in them (c, d; i, j; m, n, p, r), and contact
details, "don't know" replies and anger (e, f; k, l). Sets a, c, e, g, i and k were read to find the
kinds of wording the rules lacked; b, d, f, h, j, l and m to s were measured before anyone read them
(the README gives both figures); b, d, f, h, n, o, r and s were read afterwards, j, l, m, p and q never.
In the fourth round four more wrote single messages of the hard categories (grievance, another family's child,
hearsay, accusations, sneers) with their near misses: t and u were read, v and w never; in the fifth, y and z,
never read (twelve sisters of theirs, x7 to x18, teach the model unread); in the sixth, aa and ab, never read
(seventeen sisters, x19 to x35, teach the model unread). In the seventh, t (disguised swearing) and u (seven
languages, Punjabi and Arabic in Latin letters among them) were scored before anyone read them, then taught from
their misses counted by kind (a word written backwards, a verb's other forms, the writer's child as the one hurt),
their sentences never read; then x (disguised swearing) and w (six languages) were written and scored once, never
read. In the eighth, ae (disguised swearing) and ad (ten languages and scripts) were scored as they came, then read;
then ag (seven languages, half benign) was scored and read, and af (ten languages and scripts) scored, never read
(kept as a floor, as w and x are). In the tenth, ah (ten languages and scripts) was scored, then read; ai and aj, never
read. In the eleventh, ak (ten languages and scripts) was scored, then read; disguise_ak (disguised swearing) and ac
(the hard categories, whole detector) were scored and never read; then al (ten languages and scripts), never read.
In the fourteenth, aq and ar (seven languages and their scripts) were written to one brief and scored, never read (one
benign flag of ar was traced, by leaving rows out, to a word list's row, which went). In the fifteenth, as and at were
written to the same brief and scored at the session's start and end, never read; au and av, written to it with more
of another child's conduct and of insults, were scored, then read to find the classes of wording the rules lacked. In
the sixteenth, aw and ax (to the same brief) and ay (everyday messages and near misses in the seven languages) were
written to measure the learned model of other languages (test_languages_model.py), which every other language set
here teaches; then az, ba and bb, to a brief with more of another child's conduct told every way, to teach it; never
read. Then two independent reviewers wrote the hard cases a reviewer would try (innocent look-alikes, a parent's own
news, notices to the group; conduct buried, asked, passive): bc was read (its benign flags) and teaches the model, bd
was never read and measures it; three more writers wrote be, bf and bg to that brief to teach it, never read; then bh
and bi (conduct told every way) and bj (hard cases) to teach it, and bk (the probe brief) and bl (hard cases) to
measure it once at the end; never read.
Probes their writer marked ambiguous are not scored. When a floor fails on a set never read, the failure names the
kinds of the messages it flagged, not their words (``_shown``): reading them would spend the set.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from rep_assistant.core.detection.layers import detect_all
from rep_assistant.core.detection.learned import load_model
from rep_assistant.core.detection.rules import Message, detect

DATA = Path(__file__).resolve().parents[1] / "data"
HERE = DATA / "probes" / "written_blind"
#: Sets the learned model is trained on (scripts/train_model.py): their floors here are the rules' alone.
TAUGHT = DATA / "labelled" / "messages"
WATCHED = {"offensive-language", "abuse", "individual-child", "personal-data"}


#: The sets nobody has read (af's failure once printed four of its benign messages; m's, three).
NEVER_READ = frozenset({"content_v", "content_w", "content_y", "content_z", "content_aa", "content_ab", "disguise_t", "disguise_x",
                        "disguise_q", "languages_j", "languages_m", "languages_p", "languages_u", "languages_w", "languages_af",
                        "languages_ai", "languages_aj", "contact_and_behaviour_l", "disguise_ak", "content_ac",
                        "languages_al", "languages_an", "languages_ap", "languages_aq", "languages_ar", "languages_as",
                        "languages_at", "languages_aw", "languages_ax", "languages_ay", "languages_az",
                        "languages_ba", "languages_bb", "languages_bd", "languages_be", "languages_bf", "languages_bg",
                        "languages_bh", "languages_bi", "languages_bj", "languages_bk", "languages_bl"})


def _shown(name: str, rows: list[dict]) -> list[str]:
    """What a failing floor shows of the ``rows`` it flagged: their words, or for a set never read only their kinds."""
    if name.removesuffix(".jsonl") in NEVER_READ:
        return [f"{r.get('lang', '')} {r.get('kind', '')}".strip() for r in rows]
    return [r["text"] for r in rows]


def _rows(name: str) -> list[dict]:
    path = HERE / name if (HERE / name).exists() else TAUGHT / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if not r.get("ambiguous")]


def _found(rows: list[dict], ask_first: bool = False, *, whole: bool = False) -> list[set[str]]:
    """Each probe's categories, read on its own (a "don't know" reply after a question put to the group); by the rules
    alone, or (``whole``) by the whole detector, the shipped model's two tiers included."""
    out = []
    for r in rows:
        msgs = [Message(1, "2025-01-06T10:00", r.get("author", "Parent"), r["text"])]
        if ask_first and (r.get("expect") == "dont-know" or "answer" in r.get("kind", "")):
            msgs.insert(0, Message(0, "2025-01-06T09:58", "Another Parent", "Does anyone know what time the coach is back?"))
        out.append({f.category for f in (detect_all(msgs) if whole else detect(msgs)) if f.message_id == 1})
    return out


@pytest.mark.parametrize(("name", "least", "innocent_flagged"), [
    ("disguise_a.jsonl", 0.94, 0), ("disguise_b.jsonl", 0.93, 0), ("disguise_g.jsonl", 0.95, 0), ("disguise_h.jsonl", 0.95, 0),
    ("disguise_o.jsonl", 0.92, 1), ("disguise_q.jsonl", 0.93, 1), ("disguise_s.jsonl", 0.95, 0), ("disguise_t.jsonl", 0.94, 0),
    ("disguise_x.jsonl", 0.95, 1), ("disguise_ae.jsonl", 0.99, 0), ("disguise_ak.jsonl", 0.98, 0),
])
def test_disguised_swearing_is_caught_and_look_alikes_are_not(name: str, least: float, innocent_flagged: int) -> None:
    rows = _rows(name)
    found = _found(rows)
    swearing = [("offensive-language" in f) for r, f in zip(rows, found, strict=True) if r["expect"]]
    innocent = _shown(name, [r for r, f in zip(rows, found, strict=True) if not r["expect"] and "offensive-language" in f])
    assert sum(swearing) / len(swearing) >= least
    assert len(innocent) <= innocent_flagged, innocent


#: Floors as measured at the end of the sixteenth session (rules alone): a change may raise them, never quietly lower them.
@pytest.mark.parametrize(("name", "least", "flagged"), [
    ("languages_c.jsonl", 0.95, 0), ("languages_d.jsonl", 0.96, 0), ("languages_i.jsonl", 0.93, 0),
    ("languages_j.jsonl", 0.89, 0), ("languages_m.jsonl", 0.84, 1), ("languages_n.jsonl", 0.97, 0),
    ("languages_p.jsonl", 0.87, 0), ("languages_r.jsonl", 0.93, 1), ("languages_u.jsonl", 0.82, 3),
    ("languages_w.jsonl", 0.9, 0), ("languages_ad.jsonl", 0.95, 0), ("languages_ag.jsonl", 0.94, 1),
    ("languages_af.jsonl", 0.84, 2), ("languages_ah.jsonl", 0.92, 0), ("languages_ai.jsonl", 0.77, 3),
    ("languages_aj.jsonl", 0.77, 5), ("languages_ak.jsonl", 0.91, 0), ("languages_al.jsonl", 0.8, 7),
    ("languages_am.jsonl", 0.87, 1), ("languages_an.jsonl", 0.8, 0), ("languages_ao.jsonl", 0.79, 1),
    ("languages_ap.jsonl", 0.72, 1), ("languages_aq.jsonl", 0.71, 4), ("languages_ar.jsonl", 0.75, 6),
    ("languages_as.jsonl", 0.7, 9), ("languages_at.jsonl", 0.65, 5), ("languages_au.jsonl", 0.66, 9),
    ("languages_av.jsonl", 0.66, 8), ("languages_aw.jsonl", 0.7, 4), ("languages_ax.jsonl", 0.73, 11),
    ("languages_ay.jsonl", None, 11), ("languages_az.jsonl", 0.67, 8), ("languages_ba.jsonl", 0.61, 10),
    ("languages_bb.jsonl", 0.61, 7), ("languages_bc.jsonl", 0.62, 25), ("languages_bd.jsonl", 0.57, 27),
    ("languages_be.jsonl", 0.67, 37), ("languages_bf.jsonl", 0.61, 23), ("languages_bg.jsonl", 0.56, 27),
    ("languages_bh.jsonl", 0.61, 7), ("languages_bi.jsonl", 0.57, 11), ("languages_bj.jsonl", 0.55, 27),
    ("languages_bk.jsonl", 0.76, 6), ("languages_bl.jsonl", 0.58, 38),
])
def test_other_languages_are_caught_in_a_category_they_breach_and_benign_ones_are_left(name: str, least: float | None, flagged: int) -> None:
    rows = _rows(name)
    found = _found(rows)
    caught = [bool(({r["expect"], *r.get("also", [])}) & f) for r, f in zip(rows, found, strict=True) if r["expect"]]
    benign = _shown(name, [r for r, f in zip(rows, found, strict=True) if not r["expect"] and f & WATCHED])
    if least is not None:  # ay is everyday messages and near misses only
        assert sum(caught) / len(caught) >= least
    assert len(benign) <= flagged, benign


@pytest.mark.parametrize(("name", "least"), [
    ("contact_and_behaviour_e.jsonl", {"personal-data": 0.9, "dont-know": 0.9, "anger": 0.75}),
    ("contact_and_behaviour_f.jsonl", {"personal-data": 0.85, "dont-know": 0.7, "anger": 0.6}),
    ("contact_and_behaviour_k.jsonl", {"personal-data": 0.95, "dont-know": 0.95, "anger": 0.75}),
    ("contact_and_behaviour_l.jsonl", {"personal-data": 0.9, "dont-know": 0.9, "anger": 0.8}),
])
def test_contact_details_dont_know_and_anger(name: str, least: dict[str, float]) -> None:
    rows = _rows(name)
    found = _found(rows, ask_first=True)
    caught, total = Counter(), Counter()
    for r, f in zip(rows, found, strict=True):
        if r.get("expect"):
            total[r["expect"]] += 1
            caught[r["expect"]] += bool(({r["expect"], *r.get("also", [])}) & f)
    assert {c: round(caught[c] / total[c], 2) for c in least if caught[c] / total[c] < least[c]} == {}


@pytest.mark.parametrize(("name", "least", "flagged"), [("content_t.jsonl", 0.6, 14), ("content_u.jsonl", 0.67, 10),
                                                       ("content_v.jsonl", 0.54, 14), ("content_w.jsonl", 0.46, 12),
                                                       ("content_y.jsonl", 0.47, 9), ("content_z.jsonl", 0.46, 7),
                                                       ("content_aa.jsonl", 0.48, 9), ("content_ab.jsonl", 0.45, 14),
                                                       ("content_ac.jsonl", 0.5, 3)])
def test_complaints_children_hearsay_accusations_and_sneers(name: str, least: float, flagged: int) -> None:
    """The fourth round (t, u read and now training data for the model; v, w never read): what a rule can hear in
    one message of the hard categories, and the near misses beside them (a complaint about the council, a parent's
    own child, "apparently" about the weather) left alone."""
    rows = _rows(name)
    found = _found(rows)
    caught = [bool(({r["expect"], *r.get("also", [])}) & f) for r, f in zip(rows, found, strict=True) if r["expect"]]
    benign = _shown(name, [r for r, f in zip(rows, found, strict=True) if not r["expect"] and f - {"late-night"}])
    assert sum(caught) / len(caught) >= least
    assert len(benign) <= flagged, benign


@pytest.mark.skipif(load_model() is None, reason="no learned model shipped")
# The model retrained on the rules' flags of 2026-12-07's eighteenth session found 1,144 of the 1,319 (was 1,142) and
# flagged 56 of the 812 near misses (was 57), but z fell from 0.85 to 0.844 and aa from 0.89 to 0.888 with one more near
# miss flagged: the floors follow (a retrained model moves single sets by a message or two either way).
# The nineteenth session's model, which reads a message in its scene (these single messages have none), finds more on
# every set (1,144 -> 1,163 of 1,319) and flags 7 more of the 812 near misses (56 -> 63; v, ab and ac): both floors follow.
# The twentieth session's model (retrained on three classes' rule flags) finds the same 1,163 and flags one more near miss
# of aa (63 -> 64): its ceiling follows.
# The twenty-first session's model (retrained on four classes' rule flags: desks' lines, a parent's own news, school
# councils, the school selling) finds more (1,163 -> 1,169) and flags fewer near misses (64 -> 62), but one more of v's
# (11 -> 12): its ceiling follows.
# The twenty-second session's model (retrained on the rules' flags of nine classes and a review's mends: 114 wrong flags
# fewer and 148 right ones more on the training messages) finds fewer with both tiers (1,169 -> 1,161) and flags fewer
# near misses (62 -> 58); y falls from 159 to 158 of 178 (0.893 -> 0.888): its floor follows.
# The twenty-third session's model (retrained on the rules' flags of some thirty new classes: 429 right flags more on the
# training messages, 20 wrong) finds more with both tiers (1,161 -> 1,164) and flags one more near miss (58 -> 59); w
# falls from 162 to 161 of 186 (0.871 -> 0.866), z from 155 to 153 of 179 (0.866 -> 0.855) and aa from 179 to 178 of 196
# (0.913 -> 0.908), while v, y, ab and ac rise: the three floors follow.
@pytest.mark.parametrize(("name", "least", "flagged"), [("content_v.jsonl", 0.92, 12), ("content_w.jsonl", 0.86, 10),
                                                       ("content_y.jsonl", 0.88, 8), ("content_z.jsonl", 0.85, 8),
                                                       ("content_aa.jsonl", 0.90, 8), ("content_ab.jsonl", 0.83, 12),
                                                       ("content_ac.jsonl", 0.86, 7)])
def test_the_whole_detector_on_the_hard_categories_nobody_read(name: str, least: float, flagged: int) -> None:
    """Rules and the shipped model, both tiers, on the sets never read nor trained on: a retrained model or a change to
    how the tiers are joined (a rule's flag withdrawn, a threshold) cannot quietly lose what they find."""
    rows = _rows(name)
    found = _found(rows, whole=True)
    caught = [bool(({r["expect"], *r.get("also", [])}) & f) for r, f in zip(rows, found, strict=True) if r["expect"]]
    benign = _shown(name, [r for r, f in zip(rows, found, strict=True) if not r["expect"] and f - {"late-night"}])
    assert sum(caught) / len(caught) >= least
    assert len(benign) <= flagged, benign


def test_a_failing_floor_on_a_set_never_read_names_kinds_not_words() -> None:
    flagged = [{"text": "words nobody may read", "lang": "ur", "kind": "near-miss"}]
    assert _shown("languages_aj.jsonl", flagged) == ["ur near-miss"]
    assert _shown("languages_ah.jsonl", flagged) == ["words nobody may read"]  # read after scoring
    assert all((HERE / f"{name}.jsonl").exists() or (TAUGHT / f"{name}.jsonl").exists() for name in NEVER_READ)
