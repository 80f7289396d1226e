"""Recall on names that families post (issue 15, set 10's ``fb_families_group``, branch
`linkfb`): what a post's words really say — a date of arrest remembered years later, Arabizi's 2
and 9 that write ق, Latin letters that write two Arabic ones (th ث/ذ, d د/ذ, s س/ث) read as the
lists' own names say, and an age given as «حوالي 28»."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_features, record_readings
from mizan.linkage.lists import AGE_COLUMN, AGE_YEAR_COLUMN
from mizan.text import name_key
from tests.linkage.rows import person


def _post(full_name: str, **values: str) -> dict[str, str]:
    return {**person(full_name=full_name), AGE_YEAR_COLUMN: "2019", **values}


def test_a_posts_date_of_arrest_is_remembered_not_recorded() -> None:
    # A relative posting in 2019 about an arrest of 2013 gives the year as remembered: a year
    # off is no evidence against (``model.ARREST_APPROX_SQL``), as for «2013 تقريباً».
    assert record_features(_post("mo7amad el 7asan", date_of_arrest="3/2013"))["arrest_approx"]
    registered = person(full_name="Mohamad Al Hasan", date_of_arrest="03/2013")
    assert record_features(registered)["arrest_approx"] is None
    # A post without a date of arrest has no remembered date to compare.
    assert record_features(_post("mo7amad el 7asan"))["arrest_approx"] is None


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [("tare2", "طارق"), ("sade2", "صادق"), ("2asem", "قاسم")],
)
def test_arabizi_2_after_e_i_o_u_at_the_end_or_at_the_start_is_qaf(
    arabizi: str, arabic: str
) -> None:
    assert name_key(arabizi) == name_key(arabic)


@pytest.mark.parametrize(
    ("arabizi", "arabic"),
    [
        ("asma2", "أسماء"),
        ("do3a2", "دعاء"),
        ("ra2ed", "رائد"),
        ("wa2el", "وائل"),
        ("lo2ay", "لؤي"),
        # Before a consonant the key keeps the hamza: these names are as common as مقداد, and
        # the stored search keys of persons are these keys (``cases`` migrations 0011–0016).
        ("mo2men", "مؤمن"),
        ("ra2fat", "رأفت"),
        ("ma2moun", "مأمون"),
    ],
)
def test_arabizi_2_before_a_vowel_or_a_consonant_or_after_a_at_the_end_stays_a_hamza(
    arabizi: str, arabic: str
) -> None:
    assert name_key(arabizi) == name_key(arabic)


def _key_in(full_name: str, vocabulary: ListVocabulary) -> str:
    return str(record_readings(person(first_name=full_name), vocabulary)[0][0]["first_k"])


def _vocabulary(*names: str, times: int = 10) -> ListVocabulary:
    return ListVocabulary.of([person(first_name=name) for name in names for _ in range(times)])


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("9asem", "قاسم"),  # 9 for ق, as for ص
        ("tare9", "طارق"),
        ("monther", "منذر"),  # th for ذ, as for ث
        ("Mundhir", "منذر"),
        ("me2dad", "مقداد"),  # a 2 before a consonant that is ق, as Damascus says it
        ("sa2r", "صقر"),
    ],
)
def test_a_latin_letter_is_read_as_the_name_the_lists_write(latin: str, arabic: str) -> None:
    vocabulary = _vocabulary(arabic)
    assert _key_in(latin, vocabulary) == name_key(arabic)


def test_a_latin_name_the_lists_write_keeps_its_own_reading() -> None:
    # 9 is ص in مصطفى, which the lists write, however often they write names with ق.
    vocabulary = _vocabulary("مصطفى", "قاسم", times=40)
    assert _key_in("mo9tafa", vocabulary) == name_key("مصطفى")


def test_a_reading_needs_the_lists_to_write_the_other_name_far_more_often() -> None:
    # "Monther" as written three times, منذر twelve: not eight times as often (both as a first
    # name, the role the cell read gives: ``test_fixes_letters``).
    vocabulary = _vocabulary("منذر", times=12)
    vocabulary.words.update({"monther": 3})
    vocabulary.given_words.update({"monther": 3})
    assert _key_in("Monther", vocabulary) == name_key("Monther")


def test_abd_written_apart_is_no_name_a_reading_could_take() -> None:
    # «عبد» alone, which the lists write before every compound, is no name a reading counts.
    vocabulary = ListVocabulary.of([person(first_name="عبد الرحمن") for _ in range(30)])
    assert vocabulary.key_count(name_key("عبد")) == 0
    assert vocabulary.key_count(name_key("الرحمن")) == 30


@pytest.mark.parametrize("age", ["حوالي 28", "حوالى ٢٨ سنة", "28 تقريباً", "~28", "about 28"])
def test_an_age_about_so_many_years_gives_a_year_of_birth(age: str) -> None:
    # A relative naming a photograph gives the age as remembered («حوالي 28»).
    row = {**person(full_name="محمد الحسن", date_of_arrest="2012"), AGE_COLUMN: age}
    features = record_features(row)
    assert features["birth_year"] == 1984
    assert features["birth_year_approx"] or age.startswith("about")
