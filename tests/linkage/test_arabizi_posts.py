"""Names as a families' Facebook group posts them (issue 15, set 10's ``fb_families_group``,
branch `linkarabizi`): Arabizi and Latin words before the name, "bn", a bare Latin kunya, the
dotted letters 7' 3' 8, "3bd", two-digit years of birth, and an age with the year of the post."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage.engine import _cannot_link, _father_as_family, _traits
from mizan.linkage.features import (
    POST_LIST,
    ListVocabulary,
    mark_two_digit_years,
    record_features,
    record_readings,
)
from mizan.linkage.lists import AGE_COLUMN, AGE_YEAR_COLUMN, read_lists
from mizan.text import name_key
from mizan.text.names import name_words
from tests.linkage.rows import person as _person


def _first_parts(
    full_name: str, vocabulary: ListVocabulary | None = None, *, posts: bool = False
) -> tuple[str, ...]:
    row = {**_person(full_name=full_name), **({POST_LIST: "1"} if posts else {})}
    parts = record_readings(row, vocabulary, with_parts=True)[0][2]
    return parts["first"], parts["father"], parts["family"]


@pytest.mark.parametrize(
    "lead",
    [
        "el mo3ta2al",
        "al shahid",
        "el shab",
        "el mafqud",
        "detainee",
        "Detainee",
        "Martyr",
        "Missing",
        "al 7ajj",
        "el 7aj",
        "detainee 7aj",
        "al shahid el 7aj",
    ],
)
def test_a_posts_latin_words_before_the_name_are_not_the_name(lead: str) -> None:
    assert _first_parts(f"{lead} jihad moayyed el shami") == ("jihad", "moayyed", "el shami")


def test_a_latin_lead_word_before_a_single_word_is_left_alone() -> None:
    # Nothing but the lead and one word: no name would be left to compare.
    assert "Martyr" in _first_parts("Martyr Anas")


def test_the_bare_arabic_lead_word_of_the_disappeared_is_not_the_name() -> None:
    assert _first_parts("المغيب هدى وائل العلي") == ("هدى", "وائل", "العلي")


def test_bn_marks_the_fathers_name() -> None:
    assert _first_parts("ma7moud bn shadi elzo3bi") == ("ma7moud", "shadi", "elzo3bi")


def test_a_bare_latin_kunya_after_the_name_is_read_aside_first() -> None:
    assert _first_parts("a7mad tha2er el shami abu ma7mod") == ("a7mad", "tha2er", "el shami")
    # … and in plain Latin letters in a list of posts (``mark_post_lists``).
    assert _first_parts("Anas Yusif Abu Ahmad", posts=True) == ("Anas", "", "Yusif")
    readings = record_readings(_person(full_name="Anas Yusif Abu Ahmad"), None, with_parts=True)
    assert any(parts["family"] == "Abu Ahmad" for _f, _o, parts in readings)


def test_a_latin_abu_family_name_that_is_no_given_name_stays_first() -> None:
    # The Druze أبو فخر is a family name, not the father of a Fakhr.
    assert _first_parts("Fadi Nazeeh Abou Fakhr") == ("Fadi", "Nazeeh", "Abou Fakhr")


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [("7'uri", "خوري"), ("7'aleel", "خليل"), ("3'assan", "غسان"), ("8assan", "غسان")],
)
def test_the_dotted_letters_of_arabizi_are_read(arabizi: str, arabic: str) -> None:
    assert name_key(arabizi) == name_key(arabic)


def test_3bd_is_the_abd_compound() -> None:
    assert name_words("azad 3bd el re7man 7amo") == ["azad", "3bd el re7man", "7amo"]


@pytest.mark.parametrize(
    ("text", "year"), [("85", 1985), ("مواليد 85", 1985), ("٨٢", 1982), ("05", 2005)]
)
def test_a_two_digit_year_of_birth_is_read_in_a_list_that_writes_them(text: str, year: int) -> None:
    years = [_person(full_name="أحمد العلي", birth_year=value) for value in ("82", "71", "1990")]
    rows = mark_two_digit_years(
        [*years, _person(full_name="أحمد العلي", birth_year=text)], ["a"] * 4
    )
    assert record_features(rows[-1])["birth_year"] == year


def test_two_digit_ages_in_the_year_column_are_no_years() -> None:
    # A committee's list writing the age at arrest under the year of birth («34», «27»).
    ages = [_person(full_name="أحمد العلي", birth_year=value) for value in ("34", "27", "41", "85")]
    rows = mark_two_digit_years(ages, ["c"] * len(ages))
    assert all(record_features(row)["birth_year"] is None for row in rows)


@pytest.mark.parametrize("age", ["41", "41 years", "41 sne", "41 سنة"])
def test_an_age_with_the_year_of_the_post_gives_the_year_of_birth(age: str) -> None:
    row = {
        **_person(full_name="mo7amad sob7i el 7asan", date_of_arrest="2011"),
        AGE_COLUMN: age,
        AGE_YEAR_COLUMN: "2019",
    }
    assert record_features(row)["birth_year"] == 1978


def test_the_posted_column_is_when_the_age_was_given(tmp_path: Path) -> None:
    path = tmp_path / "fb.csv"
    path.write_text(
        "record_id,full_name,age,date_of_arrest,posted\nfb-1,mo7amad el 7asan,41 sne,2011,2019\n",
        encoding="utf-8",
    )
    (record,) = read_lists([path])
    assert record.values[AGE_YEAR_COLUMN] == "2019"


def test_a_name_with_the_fathers_only_is_not_refused_within_a_list() -> None:
    two = record_features(_person(first_name="mostafa", family_name="3omar"))
    three = record_features(
        _person(first_name="mo9tafa", father_name="3omar", family_name="el3alwan")
    )
    other = record_features(
        _person(first_name="mo9tafa", father_name="5aled", family_name="el3alwan")
    )
    vocabulary = ListVocabulary.of([])
    traits = [_traits(each, vocabulary) for each in (two, three, other)]
    assert _father_as_family(traits[0], traits[1])
    assert not _father_as_family(traits[0], traits[2])
    refuse = _cannot_link(traits, ["fb", "fb", "fb"], direct=0.0)
    assert refuse is not None
    assert not refuse(0, 1, 10.0)
    assert refuse(0, 2, 10.0)


def test_a_latin_kunya_the_family_columns_write_often_is_the_family_name() -> None:
    # Set 3's lists write the family «أبو أنس» in their family-name columns: "Khaled Abdullah
    # Abu Anas" is then read as written first, his family name Abu Anas.
    family = [_person(first_name=name, family_name="أبو أنس") for name in ("محمد", "علي", "عمر")]
    vocabulary = ListVocabulary.of(family)
    assert _first_parts("Khaled Abdullah Abu Anas", vocabulary, posts=True)[2] == "Abu Anas"
    # A kunya a family-name column writes once (a kunya typed there by mistake) is a kunya.
    once = ListVocabulary.of(family[:1])
    assert _first_parts("Khaled Abdullah Abu Anas", once, posts=True) == (
        "Khaled",
        "",
        "Abdullah",
    )


@pytest.mark.parametrize("family", ["ALHAJ", "AL HAJJ", "AL-SHAHED", "EL HAJ"])
def test_a_family_name_in_capitals_is_no_posts_word(family: str) -> None:
    # A UN-style list writes the family name first in capitals: الحاج and الشاهد are families
    # there, not a post's words to set aside (review of the merge).
    parts = _first_parts(f"{family} Rana Khaled")
    assert parts[0] == "Rana" and parts[-1] != "Khaled"
