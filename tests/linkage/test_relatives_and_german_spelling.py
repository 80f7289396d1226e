"""German, Dutch and scholarly spellings, relatives' messages (pet names, Arabizi, a word before
the name, ages taken years after the arrest) and Turkish ث written s (issue 15, branch
`linkwhats`): what the fifth independent set showed lost and the first four did not."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    GERMANIC_LIST,
    LATE_AGES,
    SOME_LATE_AGES,
    mark_germanic_lists,
    mark_late_ages,
    record_features,
    record_readings,
)
from mizan.linkage.problems import record_problems
from mizan.text import name_keys
from mizan.text.translit import is_germanic_spelling
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Chaled", "خالد"),
        ("Jusef", "يوسف"),
        ("Jahja", "يحيى"),
        ("Marjam", "مريم"),
        ("Jasmin", "ياسمين"),
        ("Chadidscha", "خديجة"),
        ("Sjadi", "شادي"),
        ("Darwisj", "درويش"),
        ("HADSCHDSCH TALAL", "حاج طلال"),
        ("MOESJAIZ", "مشيز"),
    ],
)
def test_a_name_is_read_in_german_or_dutch_spelling_when_asked(latin: str, arabic: str) -> None:
    from mizan.text.translit import loose_key

    german = [loose_key(key) for key in name_keys(latin, germanic=True)]
    assert german == [loose_key(key) for key in name_keys(arabic)]
    # In the English or French tradition j is ج and ch ش: another name.
    assert name_keys(latin) != name_keys(arabic)


def test_german_and_dutch_letters_of_their_own_are_told_from_english_and_french() -> None:
    for text in ("Dschamal", "Schadi", "Sjadi", "Darwisj", "Hoessein", "AL-HUDSCHAIRI"):
        assert is_germanic_spelling(text), text
    # English ؤ written oe before a vowel, "Masjid" (s + j), French Djamel and Chadi are not.
    for text in ("Loeiy", "Foead", "Masjid", "Djamel", "Chadi", "Jameel", "Ḫālid Šādī"):
        assert not is_germanic_spelling(text), text
    # English writes the hamza or ʿayn after mu- oe: معتز, مؤمن, معز, معتصم.
    for text in ("Moetaz", "Moemen", "Moez Saleh", "MOETASEM", "Abdulmoez"):
        assert not is_germanic_spelling(text), text
    assert is_germanic_spelling("Moestafa")


def test_an_english_list_with_a_moetaz_keeps_jasir_and_yasir_apart() -> None:
    """One "Moetaz" in twenty records of an English list (5 %) made it a list of mixed German
    spelling, and its "Jasir" (جاسر) was also read ياسر: the same first-name key as "Yasir"."""
    records = [_person(record_id="0", first_name="Moetaz", family_name="Haddad")]
    records += [
        _person(record_id=str(n), first_name="Jasir" if n % 2 else "Yasir", family_name="Haddad")
        for n in range(1, 20)
    ]
    marked = mark_germanic_lists(records, ["en"] * len(records))
    jasir = {reading["first_k"] for reading, _odds in record_readings(marked[1])}
    yasir = {reading["first_k"] for reading, _odds in record_readings(marked[2])}
    assert not jasir & yasir


def test_a_list_in_german_spelling_reads_its_plain_records_so_but_not_scholarly_ones() -> None:
    german = [
        _person(record_id="1", first_name="Dschamal", family_name="AL-SCHAMI"),
        _person(record_id="2", first_name="Chaled", family_name="Hoessein"),
        _person(record_id="3", first_name="Jusef", family_name="Marjam"),
        _person(record_id="4", first_name="Chadidja", family_name="ʿAbd al-Raḥmān"),
    ]
    french = [_person(record_id="5", first_name="Chadi", family_name="Djamel")]
    marked = mark_germanic_lists([*german, *french], ["de", "de", "de", "de", "fr"])
    assert [bool(record.get(GERMANIC_LIST)) for record in marked] == [1, 1, 1, 1, 0]
    jusef = record_features(marked[2])
    assert jusef["first_k"] == record_features(_person(first_name="يوسف"))["first_k"]
    chaled = record_features(marked[1])
    assert chaled["first_k"] == record_features(_person(first_name="خالد"))["first_k"]
    # A scholarly record in the list keeps j as ج; the French list keeps ch as ش.
    chadidja = record_features(marked[3])
    assert chadidja["first_k"] == record_features(_person(first_name="شديجة"))["first_k"]
    chadi = record_features(marked[4])
    assert chadi["first_k"] == record_features(_person(first_name="شادي"))["first_k"]


def test_scholarly_letters_are_the_digraphs_of_the_common_spelling() -> None:
    assert name_keys("Ḫālid") == name_keys("خالد")
    assert name_keys("Šādī") == name_keys("شادي")
    assert name_keys("ḤARŠAN") == name_keys("حرشان")


def test_a_pet_name_is_keyed_as_the_name_it_stands_for() -> None:
    for pet, name in (("حمودة", "محمد"), ("برهوم", "إبراهيم"), ("فطوم", "فاطمة"), ("ممد", "محمد")):
        pet_key = record_features(_person(first_name=pet))["first_k"]
        assert pet_key == record_features(_person(first_name=name))["first_k"], pet
    # The spelling stays as written; a family name is not read as a pet name.
    assert record_features(_person(first_name="حمودة"))["first_n"] != "محمد"
    family = record_features(_person(family_name="حمودة"))["family_k"]
    assert family != name_keys("محمد")[0]


def test_words_before_the_name_in_a_relatives_message_are_not_the_name() -> None:
    for text in ("المعتقل يوسف حداد", "الشاب يوسف حداد", "الأخ يوسف حداد"):
        features = record_features(_person(full_name=text))
        assert (features["first_k"], features["family_k"]) == tuple(name_keys("يوسف حداد"))


def test_an_arabizi_2_that_starts_a_name_or_is_doubled_is_qaf() -> None:
    assert name_keys("al-2asem") == name_keys("القاسم")
    assert name_keys("Sa22oum") == name_keys("سقوم")
    # Elsewhere it stays a hamza: "Ra2ed" رائد, "Wa2el" وائل.
    assert name_keys("Ra2ed") == name_keys("رائد")
    assert name_keys("Wa2el") == name_keys("وائل")


def test_an_age_is_read_with_its_unit() -> None:
    aged = {**_person(first_name="خالد", date_of_arrest="2011"), "age_at_arrest": "42 سنة"}
    assert record_features(aged)["birth_year"] == 1969


def _message(index: int, age: int, birth: str, arrest: str) -> dict[str, str]:
    record = _person(record_id=str(index), birth_year=birth, date_of_arrest=arrest)
    return {**record, "age_at_arrest": str(age)}


def test_a_list_whose_ages_were_taken_years_after_the_arrest_reads_no_year_from_them() -> None:
    # Messages of 2018 about arrests of 2012: birth year + age is 2018, not the arrest year.
    later = [_message(i, 30 + i % 10, str(1988 - i % 10), "2012") for i in range(30)]
    at_arrest = [_message(100 + i, 30, "1982", "2012") for i in range(30)]
    marked = mark_late_ages([*later, *at_arrest], ["wa"] * 30 + ["fam"] * 30)
    assert all(record.get(LATE_AGES) for record in marked[:30])
    assert not any(record.get(LATE_AGES) for record in marked[30:])
    only_age = _message(0, 34, "", "2011")
    assert record_features(only_age)["birth_year"] == 1977
    assert record_features({**only_age, LATE_AGES: "1"})["birth_year"] is None
    # Too few records with both say nothing: the ages are ages at arrest.
    assert not any(r.get(LATE_AGES) for r in mark_late_ages(later[:5], ["wa"] * 5))


@pytest.mark.parametrize(
    ("turkish", "arabic"), [("USMAN", "عثمان"), ("HEYSAM", "هيثم"), ("Gıyas", "غياث")]
)
def test_turkish_tha_written_s_is_read_in_the_names_that_have_it(turkish: str, arabic: str) -> None:
    assert name_keys(turkish, turkish=True) == name_keys(arabic)


def test_name_cells_an_ocrd_table_misplaced_are_also_read_put_back() -> None:
    from mizan.linkage.features import ListVocabulary, record_readings

    def keys(row: dict[str, str], vocabulary: ListVocabulary | None = None) -> list[tuple]:
        return [
            (f["first_k"], f["father_k"], f["family_k"], odds)
            for f, odds in record_readings(row, vocabulary)
        ]

    # A compound first name cut over two cells pushes the father into the family cell.
    cut = _person(first_name="عبد", father_name="الله", family_name="وليد")
    assert keys(cut)[-1] == ("abdl", "ldw", None, 0.0)
    # An empty first cell: the names one column to the right.
    shifted = _person(father_name="وليد", family_name="محمد")
    assert ("ldw", "mhmd", None, -1.0) in keys(shifted)
    # First and father glued in the first cell, the family name in the father's.
    words = [_person(first_name=n) for n in ("يوسف", "علي") for _ in range(3)]
    glued = _person(first_name="يوسفعلي", father_name="خناق")
    vocabulary = ListVocabulary.of([*words, glued])
    assert ("ysfw", "aly", "xnk", -1.0) in keys(glued, vocabulary)
    # A list without family names keeps its records as read.
    plain = _person(first_name="يوسف", father_name="علي")
    assert keys(plain, vocabulary) == [("ysfw", "aly", None, 0.0)]


def test_a_hamza_typed_for_a_spoken_qaf_is_qaf_but_not_a_seatless_hamza() -> None:
    for spoken, written in (("ءلاط", "قلاط"), ("ءاسم", "قاسم"), ("الحءبان", "الحقبان")):
        assert name_keys(spoken) == name_keys(written), spoken
    # فؤاد, رؤوف, لؤي typed without the hamza's seat; علاء ends in a hamza after alef.
    for seatless, written in (("فءاد", "فؤاد"), ("رءوف", "رؤوف"), ("لءي", "لؤي")):
        assert name_keys(seatless) == name_keys(written), seatless
    assert name_keys("علاء") == ["al"]
    # OCR drops the alef before a final hamza (أسمء, وفء) and glues it to the next word.
    assert name_keys("أسمء") == name_keys("أسماء")
    assert name_keys("وفء") == name_keys("وفاء")


def test_the_same_place_of_arrest_is_evidence_and_a_different_one_is_none() -> None:
    from mizan.linkage.engine import score_pairs

    whatsapp = _person(full_name="هبة دجاس", place_of_arrest="حاجز حمص")
    prosecutor = _person(full_name="Hiba DAJJAS", place_of_arrest="Homs")
    elsewhere = _person(full_name="Hiba DAJJAS", place_of_arrest="Fara' Falastin")
    same, other = score_pairs([whatsapp, prosecutor, elsewhere], [(0, 1), (0, 2)])
    place = {score: next(f for f in score.fields if f.field == "place_of_arrest")
             for score in (same, other)}  # fmt: skip
    assert place[same].level == "same place"
    assert place[same].weight > 1
    # A checkpoint, a town or (under the same header) a branch of detention: no evidence against.
    assert place[other].weight == 0
    assert same.match_weight > other.match_weight


@pytest.mark.parametrize(
    "place",
    ["حاجز", "الحاجز", "checkpoint", "من المنزل", "At home", "غير معروف", "unknown", "N/A", "فرع"],
)
def test_a_place_of_arrest_that_names_no_place_is_no_evidence(place: str) -> None:
    """Two records that both say «حاجز» (a checkpoint), "at home" or «غير معروف» agree on no
    place: it was read as the same place, +3.6 bits for two namesakes arrested at home."""
    from mizan.linkage.engine import score_pairs

    one = _person(full_name="هبة دجاس", place_of_arrest=place)
    two = _person(full_name="Hiba DAJJAS", place_of_arrest=place)
    (score,) = score_pairs([one, two], [(0, 1)])
    field = next(f for f in score.fields if f.field == "place_of_arrest")
    assert (field.level, field.weight) == ("missing", 0)
    # A named checkpoint or branch still is a place.
    named = [_person(full_name="هبة دجاس", place_of_arrest="حاجز دوما"),
             _person(full_name="Hiba DAJJAS", place_of_arrest="Douma")]  # fmt: skip
    (score,) = score_pairs(named, [(0, 1)])
    assert next(f for f in score.fields if f.field == "place_of_arrest").level == "same place"


def test_a_relatives_word_after_the_first_name_is_a_family_name() -> None:
    """«المعتقل», «الشاب», «الأخ» before a name are a relative's words; after its first word they
    are the family name (أحمد محمد الشاب), which was dropped from the keys and the reading."""
    assert name_keys("أحمد محمد الشاب") == [*name_keys("أحمد محمد"), name_keys("يوسف الشاب")[1]]
    assert name_keys("الشاب أحمد محمد") == name_keys("أحمد محمد")
    assert name_keys("المعتقل الشاب أحمد") == name_keys("أحمد")
    full = record_features(_person(full_name="أحمد محمد الشاب"))
    cells = record_features(_person(first_name="أحمد", father_name="محمد", family_name="الشاب"))
    assert (full["first_k"], full["father_k"], full["family_k"]) == (
        cells["first_k"],
        cells["father_k"],
        cells["family_k"],
    )
    assert full["family_k"] is not None and full["family_k"] != record_features(
        _person(full_name="أحمد محمد")
    ).get("family_k")


def test_a_list_whose_ages_run_years_older_than_its_own_birth_years_reads_no_year_from_them() -> (
    None
):
    # No record gives both an age and a year of birth (set 8's relatives' list): its records
    # giving only a year of birth put the age at arrest at 20 … 59, those giving only an age a
    # third of them 8 … 13 years older (the age when the family wrote, years later).
    born = [_message(i, 0, str(2012 - 20 - i % 40), "2012") for i in range(400)]
    for record in born:
        record["age_at_arrest"] = ""
    ages = [20 + i % 40 + (8 + i % 6 if i % 3 == 0 else 0) for i in range(400)]
    aged = [_message(500 + i, age, "", "2012") for i, age in enumerate(ages)]
    marked = mark_late_ages([*born, *aged], ["fam"] * 800)
    assert all(record.get(SOME_LATE_AGES) and not record.get(LATE_AGES) for record in marked)
    # An age then gives its year of birth as the earliest of a span up to years later; a year
    # of birth written as such is as before.
    features = record_features(marked[401])
    assert (features["birth_year"], features["birth_year_late"]) == (2012 - ages[1], True)
    assert record_features(marked[0])["birth_year_late"] is None
    assert record_features(aged[1])["birth_year_late"] is None
    # Ages given at the arrest, as old as the birth years say: nothing changes.
    true = [_message(500 + i, 20 + i % 40, "", "2012") for i in range(400)]
    unmarked = mark_late_ages([*born, *true], ["fam"] * 800)
    assert not any(r.get(SOME_LATE_AGES) or r.get(LATE_AGES) for r in unmarked)
    # Too few of either say nothing.
    few = mark_late_ages([*born[:10], *aged], ["fam"] * 410)
    assert not any(r.get(SOME_LATE_AGES) or r.get(LATE_AGES) for r in few)


@pytest.mark.parametrize(
    ("birth", "arrest", "year"),
    [
        ("1915", "2012", None),  # 1976 OCR'd: 97 at arrest
        ("2014", "03/05/2014", None),  # the year of arrest under the year of birth
        ("2005", "2012", None),  # seven at arrest
        ("2013", "2012", 2013),  # an arrest dated before the birth: a slip in either, flagged so
        ("1976", "2012", 1976),
        ("1930", "2012", 1930),  # 82: old, not impossible
    ],
)
def test_a_birth_year_giving_no_possible_age_at_arrest_is_compared_as_missing(
    birth: str, arrest: str, year: int | None
) -> None:
    record = _person(birth_year=birth, date_of_arrest=arrest)
    assert record_features(record)["birth_year"] == year
    flagged = {(p.field, p.code) for p in record_problems(record)}
    assert (("birth_year", "birth_year_implausible") in flagged) == (year is None)
