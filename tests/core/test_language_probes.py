"""Other languages of UK school communities: >= 80% of offending probes caught, no benign one flagged.

tests/data/probes/languages.jsonl holds messages written for this test in Urdu (Roman and
Arabic script), Polish, Arabic, Bengali (script and romanised), Welsh and Somali: swearing,
insults, and a child's health, needs or exclusion told by someone who is not the child's
parent; and benign ones, among them parents telling of their own child's asthma or allergy.
"""

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from rep_assistant.core.detection.rules import Message, detect

PROBES = Path(__file__).resolve().parents[1] / "data" / "probes" / "languages.jsonl"
WATCHED = {"offensive-language", "abuse", "individual-child", "personal-data"}


def _probes() -> list[dict[str, str]]:
    return [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line]


def _categories(rows: list[dict[str, str]]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for f in detect([Message(i, "2025-01-06T10:00", "Parent", r["text"]) for i, r in enumerate(rows)]):
        found.setdefault(f.message_id, set()).add(f.category)
    return found


def test_every_language_has_offending_and_benign_probes() -> None:
    rows = _probes()
    offending = Counter(r["lang"] for r in rows if r["expect"])
    benign = Counter(r["lang"] for r in rows if not r["expect"])
    assert set(offending) == set(benign) == {"ur", "pl", "ar", "bn", "cy", "so"}


def test_at_least_80_percent_of_offending_messages_are_caught_in_the_expected_category() -> None:
    rows = [r for r in _probes() if r["expect"]]
    found = _categories(rows)
    caught = [i for i, r in enumerate(rows) if r["expect"] in found.get(i, set())]
    assert len(caught) / len(rows) >= 0.8


def test_no_benign_message_is_flagged() -> None:
    rows = [r for r in _probes() if not r["expect"]]
    found = _categories(rows)
    assert {rows[i]["text"]: cats & WATCHED for i, cats in found.items() if cats & WATCHED} == {}


def test_a_childs_behaviour_told_first_does_not_hide_their_health_told_after() -> None:
    found = _categories([{"text": "Ten chłopak od Nowaków popycha dzieci, a przecież ma padaczkę"}])
    assert {"individual-child", "personal-data"} <= found.get(0, set())


def test_an_english_word_for_a_condition_inside_another_language_is_that_languages_disclosure() -> None:
    texts = ["Zainab ko ADHD hai, isi liye TA saath baithti hai",  # Roman Urdu
             "ফারহানের autism ধরা পড়েছে",  # Bengali script
             "Ma maqlay in Bilaal uu qabo asthma, waa xaqiiq"]  # Somali
    found = _categories([{"text": t} for t in texts])
    assert all({"individual-child", "personal-data"} <= found.get(i, set()) for i in range(len(texts))), found


def test_the_same_english_words_in_an_english_message_are_left_to_the_english_rules() -> None:
    found = _categories([{"text": "The ADHD and autism talk is in the hall on Thursday, all welcome"},
                         {"text": "Reminder: the asthma nurse is in on Monday for the inhaler checks"}])
    assert not any(cats & WATCHED for cats in found.values()), found


def test_romanised_urdu_and_bengali_insults_are_found_however_they_are_spelled() -> None:
    texts = ["woh admi poora ullu ka patha hai", "woh aurat ullu ki patthi hai", "kuttay ki aullad ne gate band kar diya"]
    found = _categories([{"text": t} for t in texts])
    assert all("abuse" in found.get(i, set()) for i in range(len(texts))), found


def _flags(text: str) -> set[str]:
    return _categories([{"text": text}]).get(0, set())


@pytest.mark.parametrize("text", [
    "Ten nowy trener to zwykły baran, krzyczy na dzieci",  # Polish: the new coach is a plain ram
    "Hooyada Ladan waa doofaar, mar kale ayay iska dhex gashay",  # Somali: Ladan's mum is a pig
    "المدير الجديد حمار، ما بيرد على حدا",  # Arabic: the new head (is a) donkey
    "yeh naya coach poora gadha hai",  # Roman Urdu: this new coach is a complete donkey
    "Mae'r hyfforddwr newydd yn hen fochyn",  # Welsh: the new coach is an old pig
    "honestly the caretaker is such a حمار",  # code-switched
    "ابو سامي خنزير، صف سيارته قدام البوابة",  # Arabic: Sami's dad (is a) pig
])
def test_someone_called_an_animal_in_another_language_is_abuse(text: str) -> None:
    assert "abuse" in _flags(text)


@pytest.mark.parametrize("text", [
    "Na wycieczce na farmę dzieci karmiły krowa i osła",  # Polish: a farm trip
    "Farm pe bachon ne gadha aur bakri dekhi, bohat maza aaya",  # Roman Urdu: saw a donkey and a goat at the farm
    "الأولاد شافوا حمار بالمزرعة",  # Arabic: the kids saw a donkey at the farm
    "Mae'r plant yn hoffi'r asyn yn y fferm",  # Welsh: the children like the donkey at the farm
    "waxaan arkay dameer iyo ri",  # Somali: I saw a donkey and a goat (no one is called one)
    "ام سامي شافت كلب كبير بالحديقة الصبح",  # Arabic: Sami's mum saw a big dog this morning
    "المعلمة عندها كلب اسمه ماكس",  # Arabic: the teacher has a dog called Max
    "هاد الكلب نبح طول الليل",  # Arabic: this dog barked all night
    "wo kutta bohat bhonkta hai raat ko",  # Roman Urdu: that dog barks at night
    "Zobacz, to krowa!",  # Polish: look, that's a cow
    "Say thanks to Baran for the lift", "Tell Bandar he left his coat", "Happy birthday to Koza!",  # English, names
])
def test_an_animal_that_is_an_animal_is_not(text: str) -> None:
    assert "abuse" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Nasz Kuba ma astmę, więc biorę mu inhalator na wycieczkę",  # Polish: our Kuba has asthma
    "Mae gan Gethin ni epilepsi, felly dw i'n dod ar y trip",  # Welsh: our Gethin has epilepsy
    "meri Sana ko dama hai, inhaler uske bag mein hai",  # Roman Urdu: my Sana has asthma
])
def test_a_parent_naming_their_own_child_with_their_languages_possessive_shares_nothing(text: str) -> None:
    assert not _flags(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "Jarek z 3B ma wszy, jego mama nic nie robi",  # Polish: has lice
    "Bilal ke sar mein joon hain, apne bachon ko door rakhna",  # Roman Urdu: lice
    "Mae Osian yn dal i wlychu'r gwely ar dripiau, meddai ei nain",  # Welsh: still wets the bed (mutated)
    "Tariq ka behaviour plan ban gaya hai, roz kisi ko marta hai aur school wale pareshan hain",  # Roman Urdu + English
])
def test_lice_wetting_and_a_behaviour_plan_told_in_another_language_are_about_a_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Na piknik robię sernik, czy ktoś ma alergię na orzechy?",  # Polish: does anyone have a nut allergy?
    "بعمل كبة للحفلة، حدا عنده حساسية من شي؟",  # Arabic: does anyone have an allergy to anything?
    "Dzień Dobry. Ktoś pobił mojego syna na przerwie, pani już wie",  # a greeting is no child's name
    "Good Morning. Ktoś pobił mojego syna wczoraj",
    "Red Nose Day pe kisi ne meri beti ko kaata",  # an event's name
    "Zielona Szkoła była super. Ktoś pobił mojego syna",  # a school trip named in another sentence
    "Kal Ali ko kaata mere bete ne, maazrat",  # Roman Urdu: my son bit Ali ("ne" marks the doer), sorry
    "Kisi bache ko allergy hai kya? Cake bana rahi hoon",  # Roman Urdu: does any child have an allergy?
    "Kal school mein nurse aa rahi hai, asthma aur allergy wale forms bhar dein",  # a sentence-opening word is no name
    "Niestety gryzie inne dzieci, moja córka ma ciężki czas",  # Polish: (she) bites, unfortunately: no doer named
    "Oes gan unrhyw blentyn alergedd i gnau? Dw i'n gwneud cacen",  # Welsh: does any child have a nut allergy?
    "Wiilkayga Abdi wuxuu qabaa asthma, inhaler-ka wuu sitaa",  # Somali: my son Abdi has asthma
])
def test_questions_to_the_group_greetings_events_and_the_writers_child_as_doer_tell_of_no_other_child(text: str) -> None:
    assert not _flags(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "My son says Jarek ma padaczkę, uważajcie na wycieczce",  # Polish: my son says Jarek has epilepsy
    "Nasza Hania mówi, że Jarek ma padaczkę",  # Polish: our Hania says Jarek has epilepsy
])
def test_the_writers_own_child_telling_of_another_child_still_tells_of_that_child(text: str) -> None:
    assert {"individual-child", "personal-data"} <= _flags(text)


def test_a_possessive_that_is_also_a_given_name_is_a_name_when_capitalised() -> None:
    assert {"individual-child", "personal-data"} <= _flags("Amar Hughes has head lice, keep your kids away from him")
    assert not _flags("amar Rumi r asthma ache, inhaler bag e ache") & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "Ten Kacper z 2A znowu popchnął Olę na przerwie",  # Polish: pushed (a form not listed)
    "Wiktoria ukradła kredki koleżance z ławki, pani dzwoniła do jej mamy",  # Polish: stole (feminine past)
    "Ahmed ne aaj phir Bilal ko maara, teacher ne kuch nahi kiya",  # Roman Urdu: hit (past)
    "Liban wuu qaniinay wiil kale fasalka dhexdiisa",  # Somali: bit
])
def test_a_childs_conduct_is_found_in_any_form_of_its_verb(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Aaj Zayan ne mere bete ko maara aur teacher ko pata hai",  # Roman Urdu: hit my son
    "Wczoraj Szymon znowu dokuczał mojej córce w szatni",  # Polish: picked on my daughter
    "Ddoe roedd Rafi yn gas wrth fy mab, eto",  # Welsh: nasty to my son
    "Aajkeo Rafi amar cheleke dhakka dise",  # Romanised Bengali: pushed my son
])
def test_another_named_childs_conduct_towards_the_writers_child_is_still_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mera beta bohat shararti ho gaya hai aaj kal, maaf karna agar kisi ko tang kiya",  # Roman Urdu: my son is naughty
    "Mój syn bije się z bratem w domu, nie wiem co robić",  # Polish: my son fights his brother at home
    "Przepraszam za mojego syna, uderzył kolegę na boisku",  # Polish: sorry for my son, he hit a classmate
    "Przepraszam za mojego syna, popchnął wczoraj Kubę",  # Polish: the same, with the other child named
    "Mere ladke ne kal Ali ko maara, bohat sharminda hoon",  # Roman Urdu: my boy hit Ali
    "Kal Maths class mein kisi ne mere bete ko dhakka diya",  # Roman Urdu: a school subject is not a child's name
    "Mrs Nadia Khan ne mere bete ko dhakka dete dekha, theek hai",  # Roman Urdu: a teacher's full name
    "Mere bete ko samjha diya hai, ab woh kisi ko nahi maarega",  # Roman Urdu: I've had a word with my son
    "Mere ladke ne kisi ko maara, bohat sharminda hoon",  # Roman Urdu: my boy hit someone, I'm ashamed
    "ضرب ابني زميله اليوم، آسفة جدا",  # Arabic: my son hit his classmate today, so sorry
])
def test_a_parent_telling_of_their_own_childs_conduct_shares_nothing(text: str) -> None:
    assert "individual-child" not in _flags(text)


def test_the_writers_child_as_victim_tells_another_childs_conduct_not_the_writers_childs_health() -> None:
    found = _flags("Aaj Danish ne mere bete ko dhakka diya, aur mere bete ko dama hai, saans ruk gayi")
    assert "individual-child" in found
    assert "personal-data" not in found


@pytest.mark.parametrize("text", [
    "Simran nu ADHD hai, ohnu class vich extra help mildi",  # Punjabi: has ADHD
    "Yousef 3ando autism, ya3ni lazem nkoon latifin ma3o",  # Arabizi: has autism
])
def test_an_english_condition_inside_punjabi_or_arabizi_is_that_languages_disclosure(text: str) -> None:
    assert {"individual-child", "personal-data"} <= _flags(text)


@pytest.mark.parametrize("text", [
    "Do ciasta dodajcie szczyptę soli i trochę szczypiorku",  # Polish: a pinch of salt, chives
    "Nasz chomik to gryzoń, nie dawajcie mu czekolady",  # Polish: a hamster is a rodent
    "Staś pobił rekord szkoły w skoku w dal!",  # Polish: broke the school record
    "Serce mi bije jak szalone przed występem",  # Polish: my heart is pounding
    "الدفعة الثانية من رسوم الرحلة يوم الخميس",  # Arabic: the second instalment of the trip fee
    "انتبهوا من ضربة الشمس في الرحلة",  # Arabic: watch out for sunstroke
    "ساعدوا ولادكم في جدول الضرب قبل الامتحان",  # Arabic: the times table
    "مارتن عنده حفلة يوم السبت",  # Arabic: Martin has a party on Saturday
    "Machar maar spray le aana trip ke liye",  # Roman Urdu: bring mosquito spray
    "Maariyah ki birthday party Saturday ko hai",  # Roman Urdu: a name
    "Bachiyan nu sugar wali cheezan na deo party te",  # Punjabi: no sugary things for the children
    "Mae'n bygwth glaw, dewch â chotiau",  # Welsh: it's threatening rain
    "Roedd y plant yn cicio pêl ar y cae",  # Welsh: the children were kicking a ball
    "Riix badhanka cagaaran si aad u furto albaabka",  # Somali: press the green button
    "নতুন গালিচা কিনেছি ক্লাসরুমের জন্য",  # Bengali: a new carpet for the classroom
    "Mrs Howe has ADHD herself, she told us, up at 3am marking, lovely mesh tops in the uniform shop",
    "Kuba gryzmoli w zeszycie zamiast pisać, normalka",  # Polish: scribbles
    "Dzieci kopały dołek w piaskownicy cały ranek",  # Polish: were digging a hole
    "عضة بعوض على يدها بس مش مشكلة",  # Arabic: a mosquito bite
    "العاصفة العنيفة أغلقت الطريق للمدرسة",  # Arabic: the violent storm closed the road
    "أحمد سلوكه ممتاز هالفصل، شكرا للمعلمة",  # Arabic: praise of a child's behaviour
    "fi azmeh kteer 3al tari2 el yom, ta5arna",  # Arabizi: a traffic jam
    "Roedd y cyngerdd wedi taro deuddeg, diolch i bawb",  # Welsh: the concert was a hit
    "Ajj meri maa di birthday hai, party te sab nu bulaya",  # Punjabi: my mother's birthday
    "Meri bhen di wedding agle hafte hai, main nahi aa sakdi",  # Punjabi: my sister's wedding
    "The Peeta and Katniss costumes for World Book Day were brilliant",  # a name that is also an Urdu verb
    "Azma has been such a help with the bake sale",  # a name that is a romanised word for asthma
    "Mrs Sokkari is the new TA and Mrs Lartey runs the trip",  # surnames
    "Who has the churan from the Diwali stall?",  # a digestive sweet
    "Ahmed sirf paani peeta hai, juice nahi",  # Roman Urdu: drinks
    "Sab bachon ne haath uthaya jab teacher ne sawal poocha",  # Roman Urdu: raised their hands
    "Piorun uderzył w drzewo przy boisku, dzieci są bezpieczne",  # Polish: lightning struck a tree
    "Antek kopnął piłkę prosto do bramki!",  # Polish: kicked the ball
    "Mae'r tîm yn ymladd am y gwpan ddydd Sadwrn",  # Welsh: the team is fighting for the cup
    "Tarodd y cloc hanner dydd a daeth y plant allan",  # Welsh: the clock struck noon
    "الرسوم دفعها زوجي امس",  # Arabic: my husband paid the fees
    "amar kamor e betha, tai ashte parbo na",  # Romanised Bengali: my waist hurts
    "Thanks to Pema Chodon for the class gift",  # a Tibetan name
    "Leora is coming to the Point of Ayre walk on Sunday",  # a given name and a place
])
def test_everyday_words_that_share_a_verbs_letters_are_not_a_childs_conduct(text: str) -> None:
    assert not _flags(text) & {"individual-child", "personal-data", "offensive-language"}


def test_a_stem_has_enough_letters_to_name_one_verb_wherever_it_is_in_a_phrase() -> None:
    from rep_assistant.core.detection.rules.languages import STEM, STEM_KEY, _disclosures
    letters = [w for key in _disclosures()[0] for w in key if w.endswith(STEM)]
    # Arabizi writes a letter Latin lacks with a digit ("3and*": every form of "has", 3ando, 3andaha, 3andhom)
    short = [w for w in letters if sum(unicodedata.category(c).startswith("L") or c in "2357" for c in w[:-1]) < STEM_KEY]
    assert letters and short == []


@pytest.mark.parametrize("text", [
    "Zofia znowu gryzie dzieci w szatni, moja córka płakała cały wieczór",  # Polish: bites; my daughter cried
    "Mae Tomos yn brathu'r plant eraill amser cinio, mae fy merch yn ofnus",  # Welsh: bites the other children
])
def test_another_named_childs_conduct_told_before_the_writers_child_comes_in_is_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mój syn gryzie inne dzieci, bardzo przepraszam wszystkich",  # Polish: my son bites (the writer's child first)
    "Gryzie inne dzieci, moja córka ma ciężki czas, pracujemy nad tym",  # Polish: (she) bites…, my daughter: no name
    "Przepraszam wszystkich, Kuba dokucza innym dzieciom, mój syn…",  # an apology: the writer's own child, named
    "Maazrat sab se, party mein bachon ko maara, mera beta bohat thaka tha",  # Roman Urdu: sorry, (he) hit children
    "آسفة، يضرب البنات بالصف، ابني عنده مشكلة ونحن نتابع",  # Arabic: sorry, (he) hits the girls, my son…
])
def test_conduct_with_its_doer_unsaid_or_in_an_apology_stays_the_writers_own_childs(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Lina 3andaha asthma, ma2dar tel3ab bel PE",  # Arabizi: Lina has asthma, can't play in PE
    "Omar 3ando seizures, el nurse 2alet lazem ykoon ma3o 7ada",  # Arabizi: Omar has seizures
])
def test_arabic_written_with_digits_for_its_letters_is_read_as_arabic(text: str) -> None:
    assert {"individual-child", "personal-data"} <= _flags(text)


@pytest.mark.parametrize("text", [
    "Asthma awareness talk at 3pm on the 2nd, 5ish finish, 7ish for the older ones",
    "Year3 and Year5: the nurse talks about seizures and insulin, page5 and page7 of the leaflet",
    "Back in 2weeks: 5aside, 3hours of it, and a talk on asthma for the mp3 club",
])
def test_times_ordinals_years_and_pages_do_not_make_a_message_arabic(text: str) -> None:
    from rep_assistant.core.detection.rules.languages import reads_as_english
    assert reads_as_english(text) and not _flags(text) & {"individual-child", "personal-data"}


def test_styled_letters_are_english() -> None:
    from rep_assistant.core.detection.rules.languages import reads_as_english
    assert reads_as_english("𝐑𝐞𝐦𝐢𝐧𝐝𝐞𝐫: 𝐧𝐨 𝐬𝐜𝐡𝐨𝐨𝐥 𝐨𝐧 𝐌𝐨𝐧𝐝𝐚𝐲")


@pytest.mark.parametrize("text", [
    "Miss Gorringe 7mara, ma bte3ref tsharre7 shi",  # Arabizi: Miss Gorringe (is a) donkey
    "Mr Hale khota aa, bacheyan nu kuch nahi sikhaunda",  # Punjabi: Mr Hale is a donkey
    "new head teacher ta pura gadha, kichu bojhe na",  # romanised Bengali: the head teacher is a complete donkey
])
def test_a_teacher_called_an_animal_by_title_or_role_is_abuse(text: str) -> None:
    assert "abuse" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mr Khan bandar wali kahani parh rahe thay, bachay bohat hanse",  # Roman Urdu: read the monkey story
    "Miss Sana kutta le kar nahi aa sakti school mein",  # Roman Urdu: can't bring a dog to school
    "Pani Kasia koza na wycieczce była super, dzieci ją karmiły",  # Polish: the goat on the trip
    "Head teacher gadha wala play dekhne aayengi kal",  # Roman Urdu: coming to see the donkey play
])
def test_an_animal_beside_a_teachers_title_or_role_but_not_said_of_them_is_not_abuse(text: str) -> None:
    assert "abuse" not in _flags(text)


@pytest.mark.parametrize("text", ["kos om el parking hena, kol yom nafs el mashakel", "Teri maa di, bus phir late aa"])
def test_common_oaths_of_egyptian_arabic_and_punjabi_are_offensive(text: str) -> None:
    assert "offensive-language" in _flags(text)


@pytest.mark.parametrize("text", [
    "My son Rayan has asthma so he's off today, sorry all",  # English: "My" opening the message is no name
    "Our daughter Isla is off with chickenpox, keep an eye out",
    "Mera beta Hamza aaj bimar hai, asthma ki wajah se ghar pe hai",  # Roman Urdu: my son Hamza
    "Moja córka Zosia ma astmę, więc nie będzie na basenie",  # Polish: my daughter Zosia
    "Saade Arjun nu ADHD hai, tusi sab bahut changa support karde ho",  # Punjabi: our Arjun
    "Mae Gwion ni adre heddiw efo chickenpox, sori bawb",  # Welsh: our Gwion is home ("Mae" is "is")
])
def test_a_parent_naming_their_own_child_after_my_son_or_my_daughter_shares_nothing(text: str) -> None:
    assert not _flags(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "Diabetes UK ke liye sponsored walk Sunday ko hai, naam likhwa dein",  # Roman Urdu: a charity walk
    "Nits er letter aise abar, bacchader chul check koren",  # romanised Bengali: the nits letter again
    "Czy któreś dziecko ma alergię na orzechy? Robię ciasto na urodziny",  # Polish: does any child have an allergy?
    "Nits er jonno sobai bacchader baal check koren please",  # romanised Bengali: check the children's hair for nits
])
def test_charity_walks_nits_letters_questions_to_the_group_and_hair_tell_nothing(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize(("text", "category"), [
    ("Aliya Qureshi ne aaj phir mere bete ko kaata, koi kuch nahi karta", "individual-child"),  # full name, bit my son
    ("Cai Roberts wedi brathu fy mab i eto heddiw", "individual-child"),  # Welsh: bit my son (my son as the object)
    ("Mam Osian yw'r hen jadan fwya snobyddlyd", "abuse"),  # Welsh: the most snobbish old hussy
    ("Us bande di wife poori kanjari ae", "abuse"),  # Punjabi: a slur said of a woman
    ("tumi ekta kuttar baccha, gate e gari rakhse", "abuse"),  # romanised Bengali: son of a dog, said of someone
    ("Farm trip ke baad bhi, ye organiser kutte ki aulad hai", "abuse"),  # a farm in the message: the insult stays one
    ("baal, abar late hoye gelam", "offensive-language"),  # romanised Bengali: the swear word, no hair in sight
    ("baal, form ta abar check korte hobe", "offensive-language"),  # "check" alone is no sign of hair
    ("Przepraszam za spóźnienie. Hania znowu gryzie dzieci w szatni, mój syn ma siniaki", "individual-child"),  # apology elsewhere
    ("Mojej córce Zosia znowu dokuczała w szatni", "individual-child"),  # Polish: Zosia picked on my daughter
    ("Mr Qadir gadha banda hai, koi sunta hi nahi", "abuse"),  # an animal said of a titled man, a noun after it
    ("Pani Kowalska krowa jedna", "abuse"),  # Polish: a cow, that one
    ("Zayd 3ando autism, kolna 3arfeen", "individual-child"),  # Arabizi with one of its own words and a digit first
])
def test_full_names_objects_welsh_and_punjabi_insults_and_bengali_swearing_are_found(text: str, category: str) -> None:
    assert category in _flags(text)




@pytest.mark.parametrize("text", [
    "Dawid Zieliński znowu pobił mojego syna, ile można",  # Polish: a full name opening the sentence
    "Back in class today and Jayden still has nits, keep yours away",  # English: a name later in the sentence
])
def test_a_full_name_opening_the_sentence_or_a_name_after_a_common_opener_is_another_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Zubair ne mere bete ko dhakka diya line mein",  # one name opening the sentence, "ne" marking him the doer
    "Tomek znowu popchnął moją córkę na schodach",  # Polish: one name, the writer's daughter the object
    "Aaj Faisal ne Hamid ko zor se maara playground mein",  # Roman Urdu: "zor se" (hard) inside "ko … maara"
    "Bartek uderzył znowu moją córkę w szatni",  # Polish: "znowu" (again) between the verb and its object
    "Sabbir amar meye ke dhakka dise break e",  # romanised Bengali: the object ending typed as a word of its own
    "Kareem darabo la ibni bel sa7a",  # Arabizi: Levantine "la" (to) before "ibni" (my son)
    "Mere bete ko Danish ne haath pe laat maari",  # the writer's son told first, the other child named after
    "Abdi Warsame maanta wiilkayga ayuu garaacay fasalka dhexdiisa",  # Somali: word order marks no role; Abdi named
    "Mae Dylan wedi brathu fy merch ddoe",  # Welsh: "Mae" leads into the name
])
def test_another_childs_conduct_told_with_one_name_a_word_between_or_the_writers_child_first(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize(("hurt", "not_hurt"), [
    ("Kacper ugryzł moją córkę w rękę", "Komar ugryzł Zosię w nocy, ma bąbel"),  # Polish: bit (a mosquito bites too)
    ("Filip kopnął mojego syna na przerwie", "Na WF Kuba kopnął piłkę za bramkę"),  # kicked (a ball is kicked too)
    ("Ayaan ayaa riixay wiilkayga fasalka", "Cabdi wuxuu riixay badhanka lifka"),  # Somali: pushed (a lift button too)
    ("Hamza ne mere bete ko mukka maara", "Bachon ne aaj football mein mukka maar ke khela"),  # Roman Urdu: punched
    ("Simran ne saadi kudi de vaal khiche", "Mummy ne photo khiche trip di"),  # Punjabi: pulled (photos are taken too)
    ("Omar darab ibni bel sa7a", "Mrs Haddad darabetli telefon embare7"),  # Arabizi: hit (and "gave me a call")
])
def test_a_verb_that_is_conduct_only_when_done_to_the_writers_child_counts_only_then(hurt: str, not_hurt: str) -> None:
    assert "individual-child" in _flags(hurt)
    assert not _flags(not_hurt) & WATCHED


@pytest.mark.parametrize("text", [
    "عمر ضرب ابني في المدرسة",  # Arabic: Omar hit my son at school (no capitals: the word opening the sentence)
    "সাব্বির আমার ছেলেকে মেরেছে",  # Bengali: Sabbir hit my son
    "احمد نے میرے بیٹے کو مارا",  # Urdu: Ahmed (before "نے") hit my son
])
def test_in_scripts_without_capitals_the_doer_is_the_word_opening_the_sentence_or_before_ne(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "اليوم ولد ضرب ابني بالملعب",  # Arabic: today a boy hit my son (no one named)
    "কেউ আমার ছেলেকে মেরেছে, জানি না কে",  # Bengali: someone hit my son
    "کسی نے میرے بیٹے کو مارا، پتہ نہیں کون تھا",  # Urdu: someone hit my son
])
def test_in_scripts_without_capitals_someone_or_a_boy_is_no_child_named(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "আজ আবার রাফি আমার ছেলেকে মেরেছে",  # Bengali: today again Rafi hit my son (words of time before the name)
    "আমার মেয়েকে নুসরাত খামচি দিয়েছে",  # Bengali: my daughter, Nusrat scratched her (the writer's child first)
    "سامي حداد ضرب ابني بالملعب",  # Arabic: a first name and surname
    "Bartek pluje na dzieci w szatni, moja Ola płakała",  # Polish: the writer's child in a clause of its own
])
def test_the_doer_after_words_of_time_or_the_writers_child_and_with_a_surname(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize(("text", "category"), [
    ("bhainchod app phir crash ho gayi", "offensive-language"),  # Punjabi and Urdu, spelled with 'ai'
    ("Uffern dân, mae'r maes parcio yn llawn eto", "offensive-language"),  # Welsh: hell's fire
    ("كسم الزحمة دي كل يوم", "offensive-language"),  # Egyptian Arabic, run together
    ("Ilaahay ha habaaro ninkaas", "abuse"),  # Somali: may God curse that man
])
def test_common_oaths_and_curses_spelled_as_people_type_them(text: str, category: str) -> None:
    assert category in _flags(text)


@pytest.mark.parametrize("text", [
    "Sorry sab ko, mere bete ne aaj Hamid ko dhakka diya, main ne usay samjha diya hai",  # the writer's son did it
    "Wiilkaygu shalay wuu riixay Cabdi, waan la hadlay, raali noqo",  # Somali: "my son" in the subject's case
    "Red Nose Day pe kisi ne meri beti ko dhakka diya",  # an event's name opening the sentence is no child
    "Kamil pobił rekord szkoły w skoku w dal!",  # Polish: broke the school record
    "Mae'r ci wedi bwyta esgid ysgol Owain eto",  # Welsh: the dog ate Owain's school shoe
    "Inaya ke baal bahut lambe hain, koi acha shampoo batayein",  # Urdu: "baal" is hair, not Bengali's swear word
    "Shayad kisi ne mere bete ko dhakka diya, pata nahi kaun tha",  # a capitalised first word is no name: someone did it
    "Podobno ktoś popchnął mojego syna na korytarzu",  # Polish: apparently someone pushed my son
    "Mój syn Kuba popchnął kolegę, rozmawialiśmy w domu",  # Polish: my son Kuba did it
    "Mae'n ddrwg gen i, fy merch wedi brathu Cai heddiw",  # Welsh: I'm sorry, my daughter bit Cai
    "Wiilkayga ayaa garaacay Cabdi, waan ka xumahay",  # Somali: my son hit Cabdi, I'm sorry
    "Meri beti Inaya ne Sara ko dhakka diya, main ne samjha diya hai",  # "ne" after the writer's child's name
    "Gardło mnie drapie od rana, chyba zostanę w domu",  # Polish: a scratchy throat
    "Mae'r tywydd yn bygwth glaw, cofiwch gotiau",  # Welsh: the weather threatens rain
    "Gaari ko dhakka lagana para subah, battery khatam thi",  # Urdu: we had to push the car
])
def test_the_writers_own_child_as_doer_events_records_and_hair_are_no_other_childs_conduct(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize(("text", "flagged"), [
    ("Mrs Kaur nu kuch nahi pata, poori khoti aa oh", True),  # Punjabi: a complete donkey, said of her
    ("Ohda peo kutta banda, har roz gate te chikda", True),  # Punjabi: a dog of a man
    ("Sadi kutti bimaar aa, vet kol lai ke jaana", False),  # Punjabi: our dog is ill (a pet, not an insult)
    ("keu jane ukun er jonno bhalo shampoo? meyer chul e ukun paisi", False),  # Bengali: does anyone know (asking)
])
def test_animals_said_of_someone_in_punjabi_and_pets_and_questions_to_the_group(text: str, flagged: bool) -> None:
    assert bool(_flags(text) & WATCHED) == flagged


@pytest.mark.parametrize("text", [
    "Mere bete ko Bilal ke kutte ne kaata, chhota sa zakham hai",  # Bilal's dog bit him: an animal, no child's conduct
    "Pies Kuby ugryzł moją córkę, ale to nic poważnego",  # Polish: Kuba's dog
    "Zara ne meri beti ke liye birthday cake kaata, bohat shukriya!",  # a cake cut for her: not marked as hurt
    "Macallinka ayaa wiilkayga garaacay",  # Somali: "the teacher" (a definite ending), no child named
    "Dziękuję, że Kuba pomógł mojemu synowi, kiedy się przewrócił",  # Polish: fell over (reflexive)
    "نانی نے میری بیٹی کے لیے کیک کاٹا",  # Urdu: grandma cut a cake for my daughter
    "بالملعب ضرب ابني الكرة",  # Arabic: at the playground my son hit the ball (a word with the article is no name)
    "Bilal ne mere bete ki taraf ball ko laat maari aur goal ho gaya",  # a ball kicked towards him
])
def test_animals_owners_family_teachers_and_play_are_no_other_childs_conduct(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Kuba kopnął mojego syna jak psa",  # Polish: kicked my son like a dog (a likeness, not a dog's bite)
    "Bilal ne mere bete ko kutte ki tarah maara",  # Roman Urdu: like a dog
    "Cabdi ayaa wiilkayga riixay",  # Somali: the writer's son after the subject's focus word, not in the subject's case
    "Malika ayaa gabadhayda garaacday",  # Somali: a name that ends like a definite noun
    "Kuba kopnął mojego syna, mój syn płakał cały dzień",  # the writer's son named again
    "Bilal ke bete ne mere bete ko maara",  # a child named by a parent ("Bilal's son")
    "Super zabawa była, ale Kuba ma padaczkę i dostał ataku",  # fun unmakes conduct, never a child's health
    "الياس ضرب ابني بالملعب",  # Arabic: a name that opens with the article's letters
])
def test_likenesses_somali_order_names_a_second_mention_and_fun_beside_a_disclosure(text: str) -> None:
    assert "individual-child" in _flags(text)


def test_a_question_to_the_group_in_another_language_unmakes_the_english_words_for_a_condition() -> None:
    """The English rules read "egg allergy" and a name; the Somali words around them ask the group (those who have…)."""
    assert not _flags("Hooyooyin, xafladda dhalashada Ayaan waa Jimcaha, kuwa egg allergy qaba fadlan noo sheega") & WATCHED
    assert "individual-child" in _flags("Ayaan waxa uu qabaa egg allergy, fadlan ha siinina keega")  # told of Ayaan


def test_letters_spelled_out_at_length_are_read_at_once() -> None:
    assert _flags(" ".join("HAPPYBIRTHDAYAMELIAWELLDONE" * 40)) == set()


@pytest.mark.parametrize("text", [
    "রাকিব আজকে আবার আমার ছেলেকে মেরেছে",  # Bengali: today and again between the doer and the child
    "Faris ne kal lunch mein Adam ko thappad maara",  # Roman Urdu: one named child marked as doer, another as hurt
    "Rehan roz line mein Sana ke baal kheenchta hai",  # the one hurt by her hair (genitive and a part of the body)
    "Arjun ne kal Manveer de mooh te thukkeya",  # Punjabi: on his face
])
def test_words_of_time_between_doer_and_child_and_one_named_child_hurting_another(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "ضرب المعلم ابني",  # the teacher (the article): no child named
    "Hamza ne Ali ko ball maari aur goal ho gaya",  # the ball, not a child, was hit
    "Miss Sana ne Ali ko bohat pyaar se samjhaya",  # a teacher, and no hurt
    "Zara ne Aisha ko awaaz maari aur dono saath school gayi",  # called out to her: a noun between the one and the verb
    "Hamza ne Bilal ko high five maara jab goal hua",  # a high five
    "Zara ne Aisha ko selfie kheench ke bheji",  # took a selfie and sent it
    "عطيت قرص بنادول ابني الصبح",  # Arabic: I gave my son a Panadol tablet (no verb-first reading)
    "كرة السلة ضربت ابني بوجهه",  # Arabic: the basketball hit my son
    "Hamari billi roz khana chura leti hai",  # our cat steals food
    "Bisadda ayaa xada hilibka mar walba",  # Somali: the cat steals the meat
])
def test_a_ball_a_teacher_light_verbs_medicine_and_pets_are_no_child_hurting_another(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "yaar ye behanchod traffic har roz",
    "kya bakchodi hai ye parking ki",
    "woh banda pura madarjaat hai",
    "Bhosdiwale ne phir gate block kar diya",
    "ki holo re shuor, gari sorao",
    "shut up you cunto",  # not Somali: the swear
    "phook off mate, the car park is full again",
])
def test_romanised_swearing_of_a_permissive_list_in_its_spellings(text: str) -> None:
    assert _flags(text) & {"offensive-language", "abuse"}


@pytest.mark.parametrize("text", [
    "Mrs Lund said the trip money is due Friday",  # a surname
    "Loved the film about Niki Lauda, the kids were gripped",  # a surname
    "Idziemy na loda po szkole, ktoś chętny?",  # Polish: going for an ice cream
    "She graduated magna cum laude, so proud of my sister",
    "Zoya ko uski maa chod gayi thi school, main le aaungi",  # Roman Urdu: her mum dropped her off
    "Behn chod dengi aaj bachon ko, mera appointment hai",  # my sister will drop the children off
    "Bechara bohat thaka hoga, mara mara phirta hai",  # "will be tired": not a Bengali swear
    "Yahan ke sweets mein haram zada hota hai, halal wale lena",  # "more haram"
    "Cawl madarch i ginio heddiw, a bara ffres",  # Welsh: mushroom soup
    "Jhat pat ready ho jao, bus aa gayi",  # quickly
    "Bachon ko kabhi baddua nahi deni chahiye",  # a curse (to wish ill)
    "In shalla kal milenge sab",
    "Yoga shala opened near school, anyone interested?",
    "Balor the giant is in the Irish myths topic this term",
    "Naveed bhai ke saale ki dukaan pe uniform sasta milta hai",  # someone's brother-in-law
    "Aapke saale sahab ko bhi invite kar lein",
    "Ye khabar jhooti hai, school kal khula hai",  # the news is false
    "Ye glass jhoota hai, naya le lo",
    "Ta sukienka to len, nie poliester",  # Polish: linen
])
def test_surnames_ice_cream_latin_and_everyday_urdu_welsh_and_bengali_are_not_swear_words(text: str) -> None:
    assert not _flags(text) & {"offensive-language", "abuse"}


@pytest.mark.parametrize("text", [
    "Zainab ko epilepsy hai. Koi bachi hai jo uske saath baith sake lunch pe?",  # told, then a question
    "Cabdi wuxuu qabaa autism. Ma jiraa ilmo kale oo qaba?",
    "Rahimer autism ache. Kono bacchar ache aro class e?",
])
def test_a_question_in_another_clause_leaves_a_child_told_of_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Koi bacha egg allergy wala hai class mein? Cupcakes bana rahi hoon",  # Roman Urdu: is any child…?
    "کسی بچے کو گلوٹین سے الرجی ہے؟ میں کیک بنا رہی ہوں",  # Urdu: does any child have a gluten allergy?
    "Kise bache nu dairy ton allergy aa? Party layi puchh rahi aan",  # Punjabi
    "কোনো বাচ্চার ডিমে এলার্জি আছে? পার্টির জন্য খাবার বানাচ্ছি",  # Bengali
    "هل يوجد طفل عنده حساسية من الحليب؟ بدي اعمل كيك للصف",  # Arabic: is there a child with a milk allergy?
    "Ma jiraa ilmo xasaasiyad caano ku leh? Keeg ayaan keenayaa",  # Somali: is there a child with a milk allergy?
    "Czy któreś dziecko ma alergię na orzechy? Piekę ciasto na piątek",  # Polish: does any child…?
])
def test_a_question_to_the_group_about_any_child_tells_of_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Kisi bache ko nuts se allergy ho to bata dein, party bags bana rahi hun",  # Roman Urdu: if any child…, do tell
    "اگر کسی بچے کو انڈے سے الرجی ہو تو بتا دیں، کپ کیک بنا رہی ہوں",  # Urdu
    "Kise bache nu gluten ton allergy hove taan das dena, langar da khana bana rahe aan",  # Punjabi
    "Kono bacchar nut allergy thakle janaben, cake order dibo",  # romanised Bengali: if any child has…, let me know
    "কোনো বাচ্চার দুধে এলার্জি থাকলে জানাবেন, পার্টির খাবার বানাচ্ছি",  # Bengali
    "اذا اي طفل عنده حساسية من المكسرات خبروني، بحضر الكيك",  # Arabic: if any child…, tell me
    "Ilmo ma jiraa oo xasaasiyad ku leh looska, ii soo sheega",  # Somali: is there a child…, let me know
    "Koi bacha hai jisko asthma hai to let me know, trip ke liye inhaler list bana rahe hain",  # English request inside
])
def test_a_request_to_tell_asks_the_group_about_any_child_as_a_question_mark_does(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Zara ko nuts se allergy hai. Party ka time bata dein",  # told; the request is another sentence's
    "Rahim er nut allergy ase, janaben sobai",  # a child named: told whatever is asked
])
def test_a_request_to_tell_leaves_a_child_named_or_told_in_another_sentence_told(text: str) -> None:
    assert "individual-child" in _flags(text)


def test_a_question_to_the_group_that_also_names_a_child_still_tells_of_that_child() -> None:
    assert "individual-child" in _flags("Party kal hai, Zayan ko nut allergy hai, kisi aur bache ko bhi?")


@pytest.mark.parametrize("text", [
    "Cunto ma keenaynaa xafladda? Anigu bariis ayaan keenayaa",  # Somali: food
    "Bachon ne ek phook mein saari candles bujha di 🎂",  # Roman Urdu: a puff of breath
    "Mera saala kal aa raha hai shaadi ke liye",  # Roman Urdu: my brother-in-law
    "amar shala ajke London theke ashbe",  # Bengali: my brother-in-law
    "The baler on the farm broke down again, harvest festival bales delayed",
    "Ye jhoota wada tha, trip cancel ho gaya",  # a false promise, not a person called a liar
])
def test_food_breath_in_laws_a_hay_baler_and_a_false_promise_are_not_offensive(text: str) -> None:
    assert not _flags(text) & {"offensive-language", "abuse"}


@pytest.mark.parametrize("text", [
    "Saala ye ParentPay phir se band hai",  # Roman Urdu: damned (not of a relative)
    "Om Sami di wa7da kaddaba",  # Arabizi: she is a liar
    "Pani od WF to taki kłamca, nic nie robi",  # Polish: such a liar
])
def test_damned_not_of_a_brother_in_law_and_a_liar_said_of_someone(text: str) -> None:
    assert _flags(text) & {"offensive-language", "abuse"}


@pytest.mark.parametrize("text", [
    "Rayyan roz doosre bachon ka tiffin chura leta hai",  # Roman Urdu: steals (a compound verb)
    "Gurleen roz bacheyan di chocolate khoh laindi aa",  # Punjabi: snatches
    "Tanvir protidin onno bacchader chul tane",  # Bengali: pulls hair
    "علي كل يوم يسحب شعر البنات بالطابور",  # Arabic: pulls the girls' hair
    "Cabdi wuxuu xadaa cuntada carruurta kale",  # Somali: steals
])
def test_theft_snatching_spitting_and_hair_pulling_in_their_common_forms_are_conduct(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Meri saas ko diabetes hai, aaj pickup late hoga",  # Roman Urdu: my mother-in-law
    "Mere shohar ko asthma hai, woh nahi aa sakenge",  # my husband
    "Moja teściowa ma cukrzycę, więc nie dam rady przyjść",  # Polish: my mother-in-law
    "امي عندها سكري وبدي آخدها عالدكتور",  # Arabic: my mum has diabetes
    "আমার মায়ের ডায়াবেটিস, তাই আজ দেরি হবে",  # Bengali: my mother's diabetes
    "Hooyaday waxay qabtaa sonkorow, maanta ma imaan karo",  # Somali: my mother has diabetes
])
def test_a_grown_up_of_the_writers_family_is_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "ليلى بنت أبو خالد عندها سكري",  # Arabic: Abu Khalid's daughter (a father named as a child's)
    "Khala ke bete ko asthma hai, bohat pareshan hain",  # Roman Urdu: my aunt's son
    "Zara ki ammi ne bataya ke Zara ko asthma hai",  # a mum telling of Zara: Zara is named
])
def test_a_child_named_by_a_grown_up_of_theirs_is_still_told_of(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mama Kuby leży w szpitalu, zbieramy na kwiaty",  # Polish: Kuba's mum
    "Aabaha Cali isbitaalka ku jira",  # Somali: Cali's father
    "Hamari billi ka operation hua, vet ne kaha theek hai",  # a pet
    "Zainab ko Grammar school mein admit hua, mubarak ho",  # admitted to a school
    "Jutro idę z Olą do logopedy, więc odbierze ją babcia",  # the writer's own appointment
    "Ayaan ki smile sab ka dil chura leti hai",  # steals everyone's heart
])
def test_hospital_stays_pets_school_admissions_and_idioms_tell_of_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "ماما قالت إن يوسف عنده سكري",  # Arabic: mum said Youssef has diabetes (the grown-up tells, the child has it)
    "المعلمة قالت إن خالد عنده توحد",  # the teacher said Khalid has autism
    "مس نے بتایا کہ زید کو آٹزم ہے",  # Urdu: Miss told that Zaid has autism
    "Mrs Khan ne bataya ke unke bete ko epilepsy hai",  # her son
    "Mam wrażenie że jej syn ma autyzm",  # Polish: I have the impression her son has autism ("mam" is no mum)
])
def test_a_grown_up_telling_of_a_child_does_not_hide_the_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Miss Sarah ko sugar hai, card bhejein sab mil ke?",  # a teacher, by title
    "Pani Nowak leży w szpitalu, zbieramy na kwiaty",  # Polish: the teacher is in hospital
    "Mujhe kal operation hua tha, is liye message late dekha",  # the writer
    "Meri ammi hospital mein admit hain, koi pickup kar sakta hai?",  # the writer's mum
    "Ravneet ki ammi ko sugar hai, dua karein",  # a child's mum: a grown-up
])
def test_a_teacher_the_writer_and_a_childs_mum_are_grown_ups(text: str) -> None:
    assert not _flags(text) & WATCHED


def test_a_ball_far_from_the_conduct_in_a_long_sentence_does_not_unmake_it() -> None:
    assert "individual-child" in _flags("Bilal ne ball maari aur phir Ahmed ko thappad maara")


@pytest.mark.parametrize(("text", "flagged"), [
    ("Woh aunty roz line mein dhakke deti hai", False),  # a grown-up's conduct, the verb further off
    ("Bilal ka main masla ADHD hai, focus nahi kar pata", True),  # "main" is the English word here, not "I"
    ("Ahmed ke abbu kehte hain autism hai, isliye alag baithta hai", True),  # a grown-up telling of a child
    ("টিচার বলেছে রাহিমের অটিজম আছে", True),  # Bengali: the teacher said Rahim has autism
    ("قالت المعلمة خالد عنده توحد", True),  # Arabic, the word of telling before the grown-up
    ("Ahmed ne Bilal ko maara aur mera dil toot gaya", True),  # "my heart broke" unmakes no hit
    ("Yeh WhatsApp forward pakka jhoota hai, share mat karo", False),  # a fake forward, not a liar
    ("Seagull haath se chips cheen leta hai, trip pe dhyan rakhna", False),  # a seagull snatches
])
def test_grown_ups_words_of_telling_hearts_fakes_and_seagulls(text: str, flagged: bool) -> None:
    assert bool(_flags(text) & WATCHED) == flagged


@pytest.mark.parametrize("text", [
    "Oes plentyn arall efo alergedd cnau?",  # Welsh: is there another child…? (the question ends the message)
    "Koi aur bacha hai class mein jisko egg allergy ho?",  # Roman Urdu: any other child
    "Czy któreś dziecko ma alergię na orzechy?",
    "هل يوجد طفل عنده حساسية من الحليب؟",
])
def test_a_question_to_the_group_that_ends_the_message_tells_of_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize(("text", "flagged"), [
    ("W naszej klasie córeczka pani Kasi ma padaczkę", True),  # Polish: Mrs Kasia's little daughter (a child of a grown-up)
    ("Woh jhooti aurat hai, uski baat pe yaqeen mat karo", True),  # called a liar
    ("Tu bhen chod hai", True),
    ("Coach ne rain karke match suspend kar ditta", False),  # a match called off, not a child suspended
    ("Hania toh har saal nativity mein sab ka dhyan chura leti hai", False),  # steals the show
    ("Zara ne Aisha ke baal kheench ke pony banayi sleepover pe", False),  # a ponytail
    ("The Year 4 trip to the tufa caves was amazing", False),  # a rock, not Somali spitting
    ("Damia's 7th birthday party is Saturday at the soft play", False),  # a name, not Welsh "damn"
    ("Sadde saale Canada ton aa rahe ne, Diwali te party aa", False),  # Punjabi: our brothers-in-law
])
def test_a_childs_kin_liars_shows_stolen_ponytails_rocks_names_and_in_laws(text: str, flagged: bool) -> None:
    assert bool(_flags(text) & (WATCHED | {"offensive-language", "abuse"})) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Yusra ne Hiba ka lunchbox chura liya aur jhoot bola", True),  # Roman Urdu: one named child stole from another
    ("Bryn wedi dwyn pensiliau newydd Cerys", True),  # Welsh: Bryn has stolen Cerys's pencils
    ("Mera purse kisi ne chura liya car park mein", False),  # someone stole the writer's purse
    ("Hamare kutte ne pados ki chappal chura li", False),  # the dog did
    ("Mae rhywun wedi dwyn fy meic o'r iard", False),  # Welsh: someone stole my bike
    ("Kal Tesco ke bahar kisi ne meri cycle chura li", False),  # a shop's name is no child's
    ("Mere dost Kamran ne mera charger chura liya office mein", False),  # a friend of the writer's
    ("Thanks Sana, kisi ne gate se mera umbrella chura liya tha", False),  # the one thanked
    ("Mae gwaith caled Deio wedi dwyn ffrwyth, da iawn", False),  # Welsh: hard work has borne fruit
    ("Ceri wedi dwyn y sioe yn y cyngerdd!", False),  # Welsh: stole the show
    ("Zubair ne bataya ke Asad ne uska pencil case chura liya", True),  # the teller is not the child; Asad is
])
def test_a_theft_tells_of_a_child_only_where_one_is_named(text: str, flagged: bool) -> None:
    assert ("individual-child" in _flags(text)) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Oliwer pobił chłopaka z równoległej klasy", True),  # Polish: a named child beat up a boy
    ("Staś uderzył innego chłopca na przerwie", True),  # Polish: another boy
    ("Dylan wedi taro bachgen arall ar yr iard", True),  # Welsh: hit another boy
    ("Ktoś pobił chłopaka pod sklepem", False),  # Polish: someone, named by nobody
    ("Franek kopnął piłkę do chłopca z 2b", False),  # kicked a ball to a boy
    ("Bartek uderzył w bęben, dzieci tańczyły", False),  # the children in the next clause were not hurt
    ("Janek pobił chłopaka w szachy na kółku", False),  # beat him at chess, at the club
])
def test_a_named_child_hurting_a_child_told_by_what_they_are_is_told(text: str, flagged: bool) -> None:
    assert ("individual-child" in _flags(text)) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Mae ei fag ysgol ar goll ers dydd Gwener, plis edrychwch", False),  # Welsh: his school bag (soft mutation of bag)
    ("Dwi wedi gadael dy fag di yn y car bore 'ma", False),  # Welsh: your bag
    ("don't be such a fag about it", True),  # English: still a slur
    ("Diolch for the lift, but Mae called my boy a fag at the gate", True),  # a Welsh word or an English name beside it
    ("Mae Cai yn galw Emyr yn 'fag' drwy'r amser", True),  # Welsh around the English slur, not after a mutating word
])
def test_welsh_bag_after_a_soft_mutation_is_no_slur(text: str, flagged: bool) -> None:
    assert ("offensive-language" in _flags(text)) == flagged


@pytest.mark.parametrize("text", [
    "Tahmid r diabetes khub kharap, insulin chara lunch korte parena",  # Banglish: a name, English words
    "Cabdi laga helay autism, sidaas darteed dugsiga ma tago",  # Somali
    "Jaspreet ajj vi inhaler bina aundi aa, ohnu asthma haiga",  # Punjabi
])
def test_an_english_word_for_a_condition_in_banglish_somali_or_punjabi_is_read_in_that_language(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Oliwia kopnęła koleżankę niechcący na WF", False),  # Polish: by accident
    ("Bartek przypadkiem uderzył chłopca piłką", False),  # by accident, with a ball
    ("Mae Lowri wedi dwyn ein calonnau yn y sioe Nadolig", False),  # Welsh: stole our hearts
    ("Rehan ne mujhse nazrein chura li aaj gate pe", False),  # Roman Urdu: avoided my eyes
    ("Eh phone bada tang karda, har vaari hang", False),  # Punjabi: a phone that gives trouble
])
def test_accidents_hearts_eyes_and_things_that_give_trouble_tell_of_no_childs_conduct(text: str, flagged: bool) -> None:
    assert ("individual-child" in _flags(text)) == flagged


@pytest.mark.parametrize("text", [
    "Weiß jemand ob Sport morgen ist oder nicht? Er hat Asthma",  # German "oder" and "er": no Bengali
    "Kale salad again, then Jira all afternoon. Reminder: inhalers for anyone with asthma on the trip",  # no Somali
])
def test_english_and_german_words_are_not_markers_of_bengali_or_somali(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize(("text", "flagged"), [
    ("Mae Gruffudd wedi taro bachgen arall ar y cae", True),  # Welsh: "Mae" leads into the name
    ("Dzisiaj Antek popchnął chłopca na schodach", True),  # Polish: "today" leads into the name
    ("Heddiw Mam wedi taro'r car yn y maes parcio", False),  # a grown-up and a car
    ("ہمارے بلے نے پڑوسی کی مچھلی چرا لی", False),  # Urdu script: our tomcat stole the neighbour's fish
])
def test_a_name_after_a_word_that_leads_into_it_opens_the_clause_and_a_tomcat_is_no_child(text: str, flagged: bool) -> None:
    assert ("individual-child" in _flags(text)) == flagged


@pytest.mark.parametrize("text", [
    "Wiilkaygu cuntadiisa oo dhan wuu cunay, gabadhayduna way cuntay 😋",  # Somali: my son ate all his food, my girl ate too
    "Carruurtu waxay cuntaan bariis iyo hilib maalin walba",  # they eat rice and meat every day
    "Fadlan ha cunteen keega ilaa xafladda",  # don't eat (plural) the cake until the party
    "Cuntadeena dugsiga waa ka fiican tahay sanadkii hore",  # our school food is better than last year
])
def test_somali_words_for_eating_and_food_are_not_swearing(text: str) -> None:
    assert "offensive-language" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Mój Kuba dostał dziś detention, znowu gadał na lekcji 🙄",  # Polish: my Kuba got detention today
    "Mój Staś ma astmę, inhaler jest w plecaku",  # my Staś has asthma
])
def test_a_possessive_with_letters_beyond_ascii_names_the_writers_own_child_for_the_english_rules(text: str) -> None:
    assert not _flags(text) & {"individual-child", "personal-data"}


@pytest.mark.parametrize("text", [
    "Wiilka Xaliimo, Yuusuf, wuxuu qabaa sickle cell, isbitaalka ayuu jiifaa",  # Somali: sickle cell
    "Shahana r furi autism, class e ekla boshe thake",  # Sylheti: her girl has autism
    "Kamran da puttar ohnu ADHD hai, ohnu extra help lagdi",  # Punjabi: his son has ADHD
])
def test_english_school_and_health_words_inside_another_language_tell_of_a_named_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Zubair ko bhi detention mili, Ayaan ke saath larai ki thi",  # Roman Urdu: Zubair got detention too
])
def test_a_named_childs_detention_inside_another_language_is_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Detention letter sab ko aaya hai, sign kar ke wapas bhejna",  # a letter to every family
    "Mr Khan ne poori class ko detention di, bohat na-insafi hai",  # the whole class, by a teacher
    "Ali bhai ka kehna hai ke detention se kuch nahi hota",  # a grown-up's opinion of detentions
    "Waalidiinta, maanta fasalka oo dhan ayaa detention helay",  # Somali: parents, the whole class got detention
    "Mera munda detention ch ae ajj, late aauga",  # Punjabi: my boy
])
def test_english_school_words_inside_another_language_without_another_child_tell_nothing(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Wiilka Faadumo ayaa garaacay wiilkayga maanta",  # Somali: Faadumo's son hit my son today
    "Gabadha Sahra ayaa qaniinay gabadhayda, calaamad ayaa ka muuqata",  # Sahra's girl bit my girl
])
def test_a_child_named_through_their_parent_opening_the_sentence_is_the_doer(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "রাকিব আমার ছেলেকে থাপ্পড় মেরেছে",  # Bengali: Rakib slapped my son (slap, then the verb that deals it)
    "রাকিব আজকে আমার মেয়েকে লাথি মেরেছে",  # Rakib kicked my daughter today
])
def test_the_blow_between_the_writers_child_and_the_verb_leaves_the_name_opening_the_sentence_the_doer(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Bhaad mein jaye ye parking, school ke aage jagah hi nahi",  # Roman Urdu: to hell with this parking
    "یہ بارش بھاڑ میں جائے، پھر سے کھیل منسوخ",  # Urdu: to hell with this rain
    "Aisi ki taisi is bus ki, phir late",  # damn this bus
    "Lakh di lanat is traffic te",  # Punjabi: a hundred thousand curses on this traffic
    "Pieronie, znowu korek pod szkołą",  # Silesian: damn, another jam by the school
    "Nacaladda roobkan, ciyaartii waa la joojiyay",  # Somali: damn this rain
])
def test_everyday_curses_of_urdu_punjabi_silesian_and_somali_are_swearing(text: str) -> None:
    assert "offensive-language" in _flags(text)


@pytest.mark.parametrize("text", [
    "بنتي خدت detention اليوم لأنها نسيت الواجب",  # Arabic: my daughter got detention today, she forgot her homework
    "ابني عنده detention بكرة بعد المدرسة",  # my son has detention tomorrow after school
])
def test_a_sanction_of_the_writers_own_child_in_arabic_script_tells_of_no_other_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Saba ki beti ko ADHD hai aur koi aur bacha ho to bata dein",  # a child named, then a request about others
    "Rafi er allergy ache kono bacchar thakle janaben",
    "Ahmed ke bete ko autism hai aur any child ho to let me know",
])
def test_a_request_about_other_children_after_a_named_child_leaves_that_child_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Kamran ab on report hai, har period ke baad sign hota hai",  # Roman Urdu: Kamran is on report now
    "Rehana ekhon detention e, protidin lunch e",  # romanised Bengali: Rehana is in detention now
    "Oskar ma teraz detention po lekcjach, już trzeci raz w tym tygodniu",  # Polish: Oskar has detention after lessons
])
def test_a_sanction_a_few_words_after_a_childs_name_tells_of_that_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mrs Aziz ab detention lunch mein deti hain",  # a teacher by title
    "Tariq bhai kehte hain detention se kuch nahi badalta",  # a grown-up's view
])
def test_a_sanction_after_a_member_a_teacher_or_a_grown_up_tells_of_no_child(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Nath Gruffydd gicio Mali yn y ciw bore ma",  # Welsh: Gruffydd kicked Mali in the queue
    "Fe wnaeth Owain frathu llaw Nia amser cinio",  # Welsh: Owain bit Nia's hand at lunch
    "Szymek pobił Jasia w szatni",  # Polish: Szymek beat up Jaś in the cloakroom
])
def test_a_named_child_hurting_another_named_after_the_verb_is_told(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize(("named", "not_named"), [
    ("يوسف المصري دفش ابني بالدرج اليوم", "كرة القدم دفشت ابني بالملعب اليوم"),  # a family name of origin; football
    ("يوسف المصري دفش ابني بالدرج اليوم", "مدرب الرياضي دفش ابني بالملعب"),  # after a first name; not after "the coach"
])
def test_an_arabic_family_name_with_the_article_names_the_doer_but_a_compound_noun_does_not(named: str, not_named: str) -> None:
    assert "individual-child" in _flags(named)
    assert "individual-child" not in _flags(not_named)


@pytest.mark.parametrize("text", [
    "bc phir se bus late hai, aadha ghanta ho gaya",  # Roman Urdu: bc, the bus is late again
    "Parking dekho yaar!! mc koi jagah hi nahi chhodta",  # after an exclamation
    "بی سی، آج پھر بارش ہو رہی ہے",  # Urdu letters
])
def test_a_swears_initials_opening_a_sentence_of_urdu_or_punjabi_are_swearing(text: str) -> None:
    assert "offensive-language" in _flags(text)


@pytest.mark.parametrize("text", [
    "bc the bus was late I missed the start",  # English: because
    "Main kal nahi aa sakti bc beta beemar hai",  # "because" inside a sentence, in Roman Urdu
    "Who is the MC for the summer fair?",  # a master of ceremonies
])
def test_the_same_letters_as_because_or_a_master_of_ceremonies_are_not(text: str) -> None:
    assert "offensive-language" not in _flags(text)


@pytest.mark.parametrize(("swearing", "family"), [
    ("Saala ye app phir band ho gaya, fees ke liye try kar rahi hun", "Mera saala kal Lahore se aa raha hai"),
    ("Shala ei website abar down, trip er taka kemne dibo", "Amar shala er biye next month e"),
])
def test_a_swear_that_is_also_a_relative_is_a_relative_only_beside_the_family_words(swearing: str, family: str) -> None:
    assert "offensive-language" in _flags(swearing)
    assert "offensive-language" not in _flags(family)


@pytest.mark.parametrize("text", [
    "Zoya kal raat se hospital mein hai, dua karein sab",  # Roman Urdu: Zoya has been in hospital since last night
    "Wiktor od wczoraj leży w szpitalu, trzymajcie kciuki",  # Polish: Wiktor has been in hospital since yesterday
    "Ma Cadi yn yr ysbyty ers dydd Sul",  # Welsh: Cadi has been in hospital since Sunday
])
def test_a_named_child_in_hospital_is_their_health(text: str) -> None:
    assert "personal-data" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mere pitaji hospital mein hain, koi pick-up kar sakta hai kal?",  # my father is in hospital
    "Hospital ki parking phir full thi, aadha ghanta laga",  # the hospital's car park
    "Szpital w centrum ma nowy parking, warto wiedzieć",  # Polish: the hospital in town has a new car park
])
def test_a_grown_up_in_hospital_or_a_hospital_named_tells_of_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Waxaan ahay nacas, bacda PE-ga ayaan guriga uga tagay",  # Somali: I'm an idiot, I left the PE bag at home
    "Jestem idiotka, zapomniałam podpisać zgodę",  # Polish: I'm an idiot, I forgot to sign the form
    "Sori, dwi'n ddiogyn heddiw, heb wneud y gacen",  # Welsh: sorry, I'm a lazybones today
])
def test_a_writer_calling_themselves_a_fool_insults_nobody(text: str) -> None:
    assert "abuse" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Hooyada Cali waa nacas, mar walba way soo daahdaa",  # Somali: Ali's mother is an idiot
    "Ona jest idiotka, znowu zablokowała bramę",  # Polish: she's an idiot, blocked the gate again
    "Mae hi'n ddiogyn llwyr, byth yn helpu",  # Welsh: she's a total lazybones
])
def test_the_same_words_said_of_someone_else_are_abuse(text: str) -> None:
    assert "abuse" in _flags(text)


@pytest.mark.parametrize("text", [
    "ریحان کو آج پھر detention ملی",  # Urdu script: Rayhan got detention again today
    "তাহমিদ এখন on report, প্রতিদিন head এর কাছে যায়",  # Bengali script: Tahmid is on report now
    "مريم بالمستشفى من امبارح",  # Arabic: Maryam has been in hospital since yesterday
])
def test_a_given_name_in_a_script_without_capitals_names_the_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "الحمدللہ میرے ریحان کی speech therapy اچھی جا رہی ہے",  # Urdu: my Rayhan's speech therapy is going well
    "ام مريم بالمستشفى، ادعولها",  # Arabic: Maryam's mum is in hospital, pray for her
])
def test_the_writers_own_child_or_a_parent_named_by_their_child_is_no_other_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize(("swearing", "because"), [
    ("Lanat hai is traffic pe, bc 40 minute se khare hain", "Kal Bilal school nahi aayega, bc uski tabiyat theek nahi"),
    ("Phir se app band?? bc koi sunta hi nahi", "Sorry late ho gayi, bc traffic is mad today"),
])
def test_initials_after_a_comma_swear_unless_a_clause_of_because_follows(swearing: str, because: str) -> None:
    assert "offensive-language" in _flags(swearing)
    assert "offensive-language" not in _flags(because)


@pytest.mark.parametrize("text", [
    "MC khel raha hai sara din, homework kab karega",  # Minecraft
    "بی سی جی کا ٹیکہ سب بچوں کو لگے گا",  # the BCG jab, its letters written out
])
def test_initials_that_name_a_game_or_spell_an_acronym_are_not_swearing(text: str) -> None:
    assert "offensive-language" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Yazan byedrob ibni kol yom bel break",  # Arabizi: Yazan hits my son every day at break
    "Rima darbetha la binti 3al wesh, 3anda 3alame",  # Rima hit my daughter on the face
    "Kareem t3a9ab el yom, ma 5allouh yel3ab",  # Kareem was punished today
])
def test_an_arabizi_verb_is_found_by_its_root_whatever_its_vowels_and_endings(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "El darb kan za7me kteer el yom, 3al school run",  # Arabizi: the road was very busy today
    "Adorable costumes for world book day, 3anjad",  # English with one Arabizi word
])
def test_a_word_with_the_same_consonants_that_is_no_form_of_the_verb_is_not(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize("text", [
    "Jestem w szpitalu z młodszym, nic poważnego",  # Polish: I'm in hospital with the youngest
    "Poori class ko saza mili aaj, koi bhi break mein nahi gaya",  # the whole class was punished
    "Samina hospital mein nurse hai, kal shift hai uski",  # a grown-up who works there
    "Zara hospital mein nani se milne gayi thi",  # visiting her grandmother
    "Farah aap abhi bhi hospital mein ho?",  # a member spoken to
    "ڈاکٹر احمد ہسپتال میں ہیں آج",  # a doctor by title
    "Babar ko warning mili umpire se, kya match tha",  # a cricketer
])
def test_the_writer_a_class_a_grown_up_or_a_sportsman_in_hospital_or_punished_is_no_child(text: str) -> None:
    assert not _flags(text) & WATCHED


@pytest.mark.parametrize(("self_", "other"), [
    ("Mera beta bohat kaamchor hai, kamra saaf hi nahi karta", "Bilal ki ammi bohat beadab hai, salam ka jawab nahi deti"),
    ("Waxaan ahay doqon, foomka waan illaaway", "Main kehti hoon Bilal gadha hai"),
])
def test_a_parent_calling_themselves_or_their_own_child_names_insults_nobody_but_saying_it_of_another_does(self_: str, other: str) -> None:
    assert "abuse" not in _flags(self_)
    assert "abuse" in _flags(other)


@pytest.mark.parametrize("text", [
    "Main gate pe khra hun, bachi ko bhej dein",  # Roman Urdu: I'm standing at the main gate
    "Usko tatti aa rahi hai, thora late aayenge",  # a toddler needs the toilet
    "Lakh lanat shaitan te, chalo sulah kar lo sab",  # a curse on the devil, and make peace
    "Aag lage to 999 call karna, bachon ko sikhaya",  # the fire drill
    "Meri marjaani dhee, love you, well done aaj",  # said fondly
    "يخرب بيت ضحكتك يا قلبي",  # praise: "your laugh is ruinous", my heart
])
def test_a_curse_word_said_of_the_devil_fondly_of_a_child_or_in_its_plain_sense_is_no_swearing(text: str) -> None:
    assert "offensive-language" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Tatti weather aaj phir, PE kit geeli",  # Roman Urdu: shit weather
    "Jahannum mein jaye ye parking, roz ka masla",  # to hell with this parking
    "يخرب بيت هالزحمة كل يوم",  # damn this traffic every day
])
def test_the_same_curses_at_a_thing_are_swearing(text: str) -> None:
    assert "offensive-language" in _flags(text)


def test_polish_i_have_is_no_welsh_mother_beside_a_childs_diagnosis() -> None:
    assert "individual-child" in _flags("Mam informację, że Kuba ma ADHD i dlatego krzyczy")  # Polish: I've heard Kuba has ADHD


@pytest.mark.parametrize("text", [
    "Mere bete ko class ke ek larke ne dhakka diya aur teacher ne kuch nahi kiya",  # Roman Urdu: a boy of the class
    "Mojego syna pobił chłopak z klasy na przerwie",  # Polish: a boy from the class beat my son
    "Mae un o'r bechgyn wedi taro fy mab i heddiw",  # Welsh: one of the boys hit my son
    "Wiil fasalka ayaa garaacay wiilkayga",  # Somali: a boy of the class hit my son
    "আমার ছেলেকে ক্লাসের একটা ছেলে মেরেছে",  # Bengali: a boy of the class hit my son
])
def test_another_child_told_by_who_they_are_not_by_name_is_still_a_child(text: str) -> None:
    """As English "a boy in his class hit my son" tells of one child, so does "class ke ek larke ne"."""
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mere bete ne bataya ke aaj Hamza ne usko maara",  # Roman Urdu: my son told me Hamza hit him
    "Mój syn mówi, że Kuba go bije codziennie",  # Polish: my son says Kuba hits him
    "Dywedodd fy mab bod Osian wedi ei daro fe",  # Welsh: my son said Osian hit him
    "ابني قال إن يوسف ضربه اليوم",  # Arabic: my son said Yusuf hit him
    "بنتي رجعت تبكي لأن ليان شدت شعرها",  # Arabic: my daughter came home crying because Layan pulled her hair
])
def test_the_writers_child_reporting_another_named_childs_conduct_tells_of_that_child(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "يوسف كل يوم بالاستراحة بيتنمر على ابني",  # Arabic: Yusuf bullies my son every break
    "আজকে রাফি টিফিনের সময় আমার ছেলেকে ধাক্কা দিয়েছে",  # Bengali: Rafi pushed my son at lunch today
    "حمزہ آج پھر کلاس میں میرے بیٹے کو تنگ کر رہا تھا",  # Urdu: Hamza was pestering my son in class again
])
def test_a_listed_name_anywhere_before_the_conduct_in_a_script_without_capitals_is_the_doer(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Mera beta kehta hai ke woh Hamza ko maarta hai, sorry",  # Roman Urdu: my son says HE hits Hamza
    "Mera beta ek larke ko maar raha tha, sorry sab ko",  # Roman Urdu: my son was hitting a boy
    "Mój syn uderzył kolegę z klasy, bardzo przepraszam",  # Polish: my son hit a classmate, sorry
    "Ek larke ne mere bete ko birthday card diya, so sweet",  # Roman Urdu: a boy gave my son a card
    "عيد ميلاد يوسف بكرة وابني بيعض اظافره من الحماس",  # Arabic: Yusuf's party tomorrow, my son bites his nails
    "مریم کی سالگرہ پر میرے بیٹے نے کیک گرا دیا، معذرت",  # Urdu: my son dropped the cake at Maryam's party
    "يوسف قال إن ابني ضربه",  # Arabic: Yusuf said my son hit him (the writer's child did it)
    "Mój syn mówi, że Kuba ma nowy rower",  # Polish: my son says Kuba has a new bike
])
def test_the_writers_child_as_doer_or_nobodys_conduct_is_not_another_childs(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize("text", [
    "Jo larka meri beti ke saath baithta hai, woh roz uski pencils chura leta hai",  # Roman Urdu: the boy who sits with her
    "Yr hogyn sy'n eistedd wrth ymyl fy mab i, mae o'n ei daro fo bob dydd",  # Welsh: the boy who sits next to my son
    "Naveed bhai ka beta aaj phir detention mein tha",  # Roman Urdu: (someone)'s son was in detention again
    "Pencil case phenk diya, phir jhoot bola. Kaun? Wohi Danyal",  # Roman Urdu: who? that Danyal
    "Kal abar ekjon churi korse, ke korse? Sohel",  # romanised Bengali: someone stole again, who did it? Sohel
    "بلال اس ہفتے 'on report' پر ہے",  # Urdu: Bilal is 'on report' this week (the sanction in quote marks)
])
def test_another_child_told_by_who_they_are_or_named_in_answer_to_who(text: str) -> None:
    assert "individual-child" in _flags(text)


@pytest.mark.parametrize("text", [
    "Who? Nobody knows yet, the school will tell us",
    "Kaun aa raha hai kal? Zara ki ammi ne cake banaya hai",  # Roman Urdu: who's coming? Zara's mum made a cake
    "Ahmed bhai ka beta bohat acha bowler hai mashallah",  # Roman Urdu: (someone)'s son bowls well
    "Chłopiec, który wygrał konkurs, dostał nagrodę od dyrektora",  # Polish: the boy who won got a prize
    "Jo larka bhi class mein disturb karta hai usko saza milti hai, school ka rule hai",  # Roman Urdu: whichever boy
    "Goal kisne maara? Kaun? Saka! Kya match tha",  # Roman Urdu: who scored? a footballer
    "Parcel kisne toda? Kaun? Evri ka driver, darwaza bhi tod diya",  # Roman Urdu: who broke it? a courier's driver
])
def test_a_child_described_or_named_without_conduct_is_told_of_nothing(text: str) -> None:
    assert "individual-child" not in _flags(text)


@pytest.mark.parametrize(("text", "abuse"), [
    ("El teacher el gdeed zay el 7mar, mesh fahem haga", True),  # Arabizi: the new teacher is like a donkey
    ("Naya head teacher bilkul ullu jaisa hai, kuch samajh nahi aata", True),  # Roman Urdu: like an owl (a fool)
    ("Mr Khan bilkul ullu wangu baitha rehnda", True),  # Punjabi: sits there like an owl
    ("Mera beta bandar ki tarah uchhal raha tha party mein 😂", False),  # Roman Urdu: my son jumping like a monkey
    ("Zoo mein bandar jaisa dikhne wala ek janwar dekha", False),  # Roman Urdu: an animal at the zoo
    ("Bachay aaj park mein bandar ki tarah jhoolay pe chadh rahe the 😂", False),  # children at play, fondly
    ("Hamari billi kutte jaisi harkatein karti hai 😂", False),  # a pet like a dog
])
def test_someone_likened_to_an_animal_is_abuse_unless_it_is_the_writers_child_or_an_animal(text: str, abuse: bool) -> None:
    assert ("abuse" in _flags(text)) is abuse


@pytest.mark.parametrize(("text", "swears"), [
    ("ParentPay ki maa ki... teesri dafa payment fail, kisne banaya ye app", True),  # Roman Urdu: an oath cut short
    ("Oye es parking di maa di... roz adha ghanta chakkar", True),  # Punjabi: the same
    ("Zara ki maa ki tabiyat kharab hai, dua karein", False),  # Roman Urdu: Zara's mum's health
    ("Meri maa ki... sehat ke liye dua karein 🤲", False),  # Roman Urdu: pray for my mother's health (dots of style)
    ("Main kal nahi aa sakti bc meri beti ki appointment hai", False),  # Roman Urdu + English "because"
    ("Aaj school nahi aa rahe bc 🤒 fever hai", False),  # "because", an emoji after it
])
def test_an_oath_cut_short_swears_and_a_mothers_news_with_dots_does_not(text: str, swears: bool) -> None:
    assert ("offensive-language" in _flags(text)) is swears
