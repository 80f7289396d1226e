"""A German migration office's spellings of Syrian names (issue 15, branch `linkde`, set 9's
relatives' statements in asylum files): a list the engine marks German also holds names copied
from English papers (j for ج), writes ch for the ح of Achmed, umlauts in Süleiman and Jüssef,
the article glued before a vowel (Alaswad), and now and then the Vorname and Nachname cells the
other way round. Synthetic names only."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    GERMANIC_LIST,
    mark_germanic_lists,
    record_features,
    record_readings,
)
from mizan.text import name_keys
from tests.linkage.rows import arabic_key as _key
from tests.linkage.rows import german_person as _german
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        # j is ي where that makes a common given name …
        ("Jusef", "يوسف"),
        ("Jaser", "ياسر"),
        ("Marjam", "مريم"),
        # … and ج, as English papers write it, where only that does or neither does.
        ("Jamal", "جمال"),
        ("Chadija", "خديجة"),
        ("Hijazi", "حجازي"),
        ("Al-Najjar", "النجار"),
        ("Al-Jusef", "اليوسف"),
        # The ch of a German office for ح or ه.
        ("Achmed", "أحمد"),
        ("Machmud", "محمود"),
        ("Macher", "ماهر"),
    ],
)
def test_a_german_lists_j_and_ch_are_read_as_the_name_needs(latin: str, arabic: str) -> None:
    assert record_features(_german(first_name=latin))["first_k"] == _key(arabic)


def test_umlauts_in_a_german_list_are_no_sign_of_turkish_papers() -> None:
    # Read as Turkish, the C of "Chaled" would be ج and "Jüssef" would keep its j.
    assert name_keys("Süleiman Chaled", germanic=True) == name_keys("سليمان خالد")
    assert name_keys("Jüssef", germanic=True) == name_keys("يوسف")
    record = _german(first_name="Jüssef", father_name="Chaled", family_name="Al-Hamwi")
    features = record_features(record)
    assert features["first_k"] == _key("يوسف")
    assert features["father_k"] == _key("خالد")


def test_a_glued_article_before_a_vowel_is_set_apart_in_a_german_family_name() -> None:
    glued = record_features(_german(first_name="Rami", family_name="Alaswad"))
    apart = record_features(_german(first_name="Rami", family_name="AL-ASWAD"))
    assert glued["family_k"] == apart["family_k"] == _key("الأسود")
    # Elsewhere "Alaa" and "Alawi" stay names of their own.
    assert record_features(_person(first_name="Alaa"))["first_k"] == _key("علاء")


def test_swapped_vorname_and_nachname_cells_are_also_read_put_back() -> None:
    swapped = _german(first_name="Al-Kurdi", family_name="Ghiath", father_name="Fadi")
    readings = record_readings(swapped)
    # The first-name cell holds a family name by its article: the swap is read first.
    first, odds = readings[0]
    assert (first["first_k"], first["family_k"], odds) == (_key("غياث"), _key("الكردي"), 0.0)
    # Without a sign, the swap is a less likely reading beside the record as written.
    plain = _german(first_name="Taifur", family_name="RIAD", father_name="Jamal")
    keys = [(r["first_k"], r["family_k"], odds) for r, odds in record_readings(plain)]
    assert keys[0][:2] == (_key("طيفور"), _key("رياض"))
    assert any(k[:2] == (_key("رياض"), _key("طيفور")) and k[2] < 0 for k in keys[1:])
    # Any Latin list's form may be filled the other way round (branch `linkresettle`: a North
    # American resettlement file's «AL-KURDI | Mohamad»); one filled in order is read as written.
    english = _person(first_name="Al-Kurdi", family_name="Ghiath")
    assert record_readings(english)[0][0]["first_k"] == _key("غياث")
    assert len(record_readings(_person(first_name="Ghiath", family_name="Al-Kurdi"))) == 1


def test_a_german_list_is_marked_and_its_english_records_keep_their_j() -> None:
    records = [
        _person(record_id="1", first_name="Dschamal", family_name="Al-Schami"),
        _person(record_id="2", first_name="Schadi", family_name="Hidschazi"),
        _person(record_id="3", first_name="Jamal", family_name="Hijazi"),
    ]
    marked = mark_germanic_lists(records, ["de"] * 3)
    assert all(record.get(GERMANIC_LIST) for record in marked)
    assert record_features(marked[2])["first_k"] == record_features(marked[0])["first_k"]
    assert record_features(marked[2])["family_k"] == record_features(marked[1])["family_k"]


def test_a_first_s_is_read_z_where_only_that_makes_a_given_name() -> None:
    sainab = record_features(_german(first_name="Rami", mother_name="Sainab El-Kurdi"))
    assert sainab["mother_k"] == _key("زينب")
    sakaria = record_features(_german(first_name="Sakaria"))
    assert sakaria["first_k"] == _key("زكريا")
    # Samir is a name as written: its S stays س.
    assert record_features(_german(first_name="Samir"))["first_k"] == _key("سمير")


@pytest.mark.parametrize(
    ("german", "arabic"),
    [
        ("Sabadani", "الزبداني"),
        ("Majadin", "الميادين"),
        ("Muadamija", "المعضمية"),
        ("Dschisr asch-Schughur", "جسر الشغور"),
    ],
)
def test_a_german_offices_town_names_are_the_arabic_ones(german: str, arabic: str) -> None:
    assert (
        record_features(_german(birth_place=german))["birth_place_k"]
        == record_features(_person(birth_place=arabic))["birth_place_k"]
    )


def test_a_checkpoint_bei_a_town_is_that_town() -> None:
    at = record_features(_german(place_of_arrest="Checkpoint bei Talbisa"))
    assert (
        at["arrest_place_parts"]
        == record_features(_person(place_of_arrest="حاجز تلبيسة"))["arrest_place_parts"]
    )


def test_the_family_sheikh_in_german_spelling_is_the_arabic_one() -> None:
    arabic = record_features(_person(family_name="الشيخ"))["family_k"]
    for family in ("Al-Scheich", "Al Shaich", "SCHEIKH"):
        assert record_features(_german(family_name=family))["family_k"] == arabic, family


def test_a_glued_article_in_the_first_name_cell_marks_the_cells_swapped() -> None:
    glued = _german(first_name="Alscheikh", family_name="Khaled")
    first, odds = record_readings(glued)[0]
    assert (first["first_k"], odds) == (_key("خالد"), 0.0)
    # "Alaa" is a given name: nothing is swapped.
    assert len(record_readings(_german(first_name="Alaa", family_name="Khaled"))) == 1
