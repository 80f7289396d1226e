"""Turkish spelling as a transliteration tradition of its own (issue 15, branch `linkturk`): the
names of Syrians in Türkiye as their residence papers spell them (MUHAMMET, HALİT, CEMAL,
VALİD, EL HAMEVİ, EBU ZEYD, NURETTİN), read by their own letters, by their record's, or by their
list's."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage.features import TURKISH_LIST, mark_turkish_lists, record_features
from mizan.linkage.model import OCR_LEVEL_LABEL
from mizan.text import name_keys
from mizan.text.translit import is_turkish_spelling
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("turkish", "arabic"),
    [
        ("HALİT", "خالد"),
        ("HADİCE", "خديجة"),
        ("CAMİL", "جميل"),
        ("VALİD", "وليد"),
        ("EL HAMEVİ", "الحموي"),
        ("Dabağ", "دباغ"),
        ("ŞADİ", "شادي"),
        ("Münir", "منير"),
    ],
)
def test_a_name_with_turkish_letters_is_read_in_turkish_spelling(turkish: str, arabic: str) -> None:
    # c is ج, ğ غ, v و, and the letters ı İ ö ü are plain vowels (خ is h: its key differs only
    # in the letter that the loose key folds).
    from mizan.text.translit import loose_key

    assert [loose_key(k) for k in name_keys(turkish)] == [loose_key(k) for k in name_keys(arabic)]
    if any(letter in "cgvşğ" for letter in turkish.lower()):
        # Without its Turkish letters, the name is read in the English tradition: another key.
        plain = turkish.translate(str.maketrans("İıŞşğÜü", "IiSsgUu"))
        assert name_keys(turkish) != name_keys(plain)


def test_ebu_and_ettin_are_turkish_spellings_of_abu_and_al_din() -> None:
    assert name_keys("EBU ZEYD") == name_keys("أبو زيد")
    assert name_keys("NURETTİN") == name_keys("نور الدين")


@pytest.mark.parametrize(
    ("turkish", "arabic"),
    [("CEMAL", "جمال"), ("Casim", "جاسم"), ("Nacar", "نجار"), ("GASAN", "غسان"), ("Vafa", "وفاء")],
)
def test_a_plain_latin_name_is_read_in_turkish_spelling_when_asked(
    turkish: str, arabic: str
) -> None:
    assert name_keys(turkish, turkish=True) == name_keys(arabic)
    # Read in the English or French tradition, the same letters are another name.
    assert name_keys(turkish) != name_keys(arabic)


def test_english_french_german_and_kurmanji_spellings_are_not_read_as_turkish() -> None:
    for text in ("Kacem", "Yacine", "Gamal", "Walid", "Dschamil", "Cemîl Şêx"):
        assert not is_turkish_spelling(text)
    assert name_keys("Kacem") == name_keys("قاسم")
    assert name_keys("Cemîl") == name_keys("جميل")


def test_a_record_with_turkish_letters_reads_all_its_latin_names_in_turkish_spelling() -> None:
    record = _person(first_name="CEMAL", father_name="HALİT", family_name="EL CASİM")
    arabic = _person(first_name="جمال", father_name="خالد", family_name="الجاسم")
    assert record_features(record)["first_k"] == record_features(arabic)["first_k"]
    plain = _person(first_name="CEMAL", father_name="HALID", family_name="EL CASIM")
    assert record_features(plain)["first_k"] != record_features(arabic)["first_k"]


def test_a_list_in_turkish_spelling_reads_its_records_without_turkish_letters_so() -> None:
    turkish = [
        _person(record_id="1", first_name="HALİT", family_name="EL HAMEVİ"),
        _person(record_id="2", first_name="Casim", family_name="Nacar"),
        _person(record_id="3", first_name="ŞADİ", family_name="VALİ"),
    ]
    english = [_person(record_id="4", first_name="Yacine", family_name="Nacer")]
    marked = mark_turkish_lists([*turkish, *english], ["tr", "tr", "tr", "un"])
    assert [bool(record.get(TURKISH_LIST)) for record in marked] == [True, True, True, False]
    casim = record_features(marked[1])
    assert casim["first_k"] == record_features(_person(first_name="جاسم"))["first_k"]
    assert casim["family_k"] == record_features(_person(family_name="نجار"))["family_k"]
    # The French list keeps its soft c: "Yacine" is ياسين, "Nacer" ناصر.
    yacine = record_features(marked[3])
    assert yacine["first_k"] == record_features(_person(first_name="ياسين"))["first_k"]
    assert yacine["family_k"] == record_features(_person(family_name="ناصر"))["family_k"]


def test_the_age_at_arrest_gives_the_year_of_birth_when_the_list_has_no_year() -> None:
    aged = {**_person(first_name="خالد", date_of_arrest="19/06/2011"), "age_at_arrest": "٤٢"}
    assert record_features(aged)["birth_year"] == 1969
    # A year of birth given wins; an age without a date of arrest says nothing.
    assert record_features({**aged, "birth_year": "1970"})["birth_year"] == 1970
    assert record_features({**aged, "date_of_arrest": ""})["birth_year"] is None


def test_a_list_column_of_ages_is_read_under_its_english_and_arabic_names(tmp_path: Path) -> None:
    from mizan.linkage.lists import AGE_COLUMN, read_lists

    path = tmp_path / "families.csv"
    path.write_text("رقم السجل,الاسم,الكنية,العمر,تاريخ الاعتقال\n1,خالد,الشامي,42,2011\n", "utf-8")
    (record,) = read_lists([path])
    assert record.values[AGE_COLUMN] == "42"
    assert record_features(record.values)["birth_year"] == 1969


def test_a_title_alone_in_the_family_cell_is_the_family_name() -> None:
    sheikh = record_features(_person(first_name="أحمد", family_name="الشيخ"))["family_k"]
    assert sheikh is not None
    assert record_features(_person(family_name="Sheikh"))["family_k"] == sheikh
    assert record_features(_person(family_name="El Sheikh"))["family_k"] == sheikh
    # Before a name it is still a title: "الشيخ علي" is علي.
    assert record_features(_person(first_name="الشيخ علي"))["first_k"] == name_keys("علي")[0]


def test_a_rare_spelling_of_one_key_a_letter_from_a_brothers_name_is_a_typo() -> None:
    from mizan.linkage.engine import score_pairs

    typo = _person(first_name="خلد", father_name="هيثم", family_name="الشامي", mother_name="زينب")
    typed = _person(first_name="خالد", father_name="هيثم", family_name="الشامي", mother_name="زينب")
    others = [
        _person(first_name="خالد", father_name=father, family_name="العلي")
        for father in ("سامر", "مازن", "رامي")
    ]
    score = score_pairs([typo, typed, *others], [(0, 1)])[0]
    first = next(field for field in score.fields if field.field == "first")
    assert first.level == OCR_LEVEL_LABEL
    assert first.weight > 0


def test_turkish_exonyms_of_syrian_places_are_the_arabic_places() -> None:
    from mizan.linkage.features import _place

    for turkish, arabic in (("ŞAM", "دمشق"), ("KAMIŞLI", "القامشلي"), ("Münbiç", "منبج")):
        assert _place(turkish)[0] == _place(arabic)[0]
