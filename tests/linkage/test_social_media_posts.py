"""Records as volunteers' posts write them (issue 15, set 7's social-media list, branch
`linksocial`): a kunya written bare after or before the name, words before the name, dates with
month names (Levantine, standard Arabic, French, English), a month and year, and Hijri years."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_features, record_readings
from mizan.linkage.problems import record_problems
from mizan.text import name_keys
from mizan.text.dates import ARABIC_MONTHS, hijri_year_in, month_in
from tests.linkage.rows import person as _person


def _parts(full_name: str) -> list[dict[str, str]]:
    return [
        parts
        for _f, _o, parts in record_readings(_person(full_name=full_name), None, with_parts=True)
    ]


def _has_reading(
    text: str, first: str, father: str, family: str, *, lists: list[dict[str, str]] | None = None
) -> bool:
    vocabulary = ListVocabulary.of(lists) if lists is not None else None
    readings = record_readings(_person(full_name=text), vocabulary, with_parts=True)
    return any(
        (p["first"], p["father"], p["family"]) == (first, father, family) for _f, _o, p in readings
    )


@pytest.mark.parametrize(
    "text",
    ["أحمد خالد العلي ابو محمود", "أحمد خالد العلي أبو محمود", "أحمد خالد العلي ابومحمود"],
)
def test_a_kunya_written_bare_after_the_name_is_also_read_aside(text: str) -> None:
    assert _has_reading(text, "أحمد", "خالد", "العلي")
    # As written first: a family name may be أبو and a name.
    assert "محمود" in _parts(text)[0]["family"]


def test_a_kunya_that_the_lists_write_as_a_family_name_is_the_family_name() -> None:
    text = "محمد عمر أبو غياث"
    assert _has_reading(text, "محمد", "", "عمر")
    column = _person(first_name="خالد", family_name="ابو غياث")
    assert not _has_reading(text, "محمد", "", "عمر", lists=[column])
    assert _parts("محمد ابو زيد")[0]["family"] == "ابو زيد"
    assert len(_parts("محمد ابو زيد")) == len(_parts("محمد الزيد"))


def test_a_kunya_before_a_first_name_gives_the_first_name_alone() -> None:
    assert _has_reading("ابو احمد احمد", "احمد", "", "")
    assert _has_reading("ابوصالح شيار", "شيار", "", "")
    # A man known by his kunya and his town has no first name to compare (the kunya is not set
    # aside to make the town one; ``recollection`` reads the town as a place, with no first name,
    # and the kunya's name as a possible father's); a comma puts the family name first.
    for text in ("أبو علي الدوماني", "أبو عبدو من اللاذقية", "أبو زيد، نبيل مؤيد"):
        named = [p for p in _parts(text) if p["first"]]
        assert len(named) <= 2
        assert all(p["first"] not in ("من", "اللاذقية") for p in named)
        assert all(not p["family"] for p in _parts(text) if not p["first"])


def test_a_posts_words_before_the_name_are_not_the_name() -> None:
    features = record_features(_person(full_name="المغيب قسراً يوسف حداد"))
    assert (features["first_k"], features["family_k"]) == tuple(name_keys("يوسف حداد"))
    # A one-word name after them is left alone.
    assert _parts("الشهيد حداد")[0]["first"] != ""


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("نيسان 2013", 4),
        ("تشرين الأول 2012", 10),
        ("تشرين الثاني 2012", 11),
        ("كانون الثاني 2014", 1),
        ("كانون الأول 2014", 12),
        ("آب 2011", 8),
        ("أبريل 2013", 4),
        ("ديسمبر 2013", 12),
        ("mars 2013", 3),
        ("15 août 2012", 8),
        ("March 2013", 3),
        ("أواخر 2013", None),
        ("2013 تقريباً", None),
    ],
)
def test_a_month_is_read_from_its_name(text: str, month: int | None) -> None:
    assert month_in(text) == month
    expected = f"{text[-4:]}-{month:02d}" if month else None
    assert record_features(_person(date_of_arrest=text))["arrest_month"] == expected


def test_the_levantine_month_names_are_the_ones_the_platform_shows() -> None:
    from mizan.core.partial_dates import month_name

    assert [month_in(f"{name} 2013") for name in ARABIC_MONTHS] == list(range(1, 13))
    assert month_name(4, "ar") == ARABIC_MONTHS[3]


@pytest.mark.parametrize(
    ("text", "month"),
    [("03/2013", "2013-03"), ("17.04.2013", "2013-04"), ("2013/04/17", "2013-04")],
)
def test_a_month_and_year_and_dotted_dates_give_the_month(text: str, month: str) -> None:
    assert record_features(_person(date_of_arrest=text))["arrest_month"] == month


@pytest.mark.parametrize(
    ("text", "year", "other"),
    [
        ("1405 هـ", 1985, 1984),
        ("١٤٠٥ هـ", 1985, 1984),
        ("1373هـ", 1954, 1953),
        ("1413 AH", 1992, 1993),
    ],
)
def test_a_hijri_year_of_birth_is_the_two_gregorian_years_it_spans(
    text: str, year: int, other: int
) -> None:
    # 1405 ran from 26 September 1984 to 14 September 1985: most of it in 1985, the rest in 1984
    # (``model.YEAR_HIJRI_SQL`` compares either).
    features = record_features(_person(birth_year=text))
    assert (features["birth_year"], features["birth_year_hijri"]) == (year, other)
    # Not an implausible year 1405 in the problems file.
    assert not [p for p in record_problems({"birth_year": text}) if p.field == "birth_year"]


def test_a_plain_year_is_no_hijri_year() -> None:
    assert hijri_year_in("1984") is None
    assert record_features(_person(birth_year="1405"))["birth_year"] is None


def test_three_given_names_are_also_read_as_the_name_the_fathers_and_the_grandfathers() -> None:
    readings = _parts("خالد عبد القادر حسين")
    assert (readings[0]["father"], readings[0]["family"]) == ("عبد القادر", "حسين")
    assert any(p["grandfather"] == "حسين" and not p["family"] for p in readings)
    # A family name with the article is never a grandfather's.
    assert not any(p["grandfather"] == "الحسين" for p in _parts("خالد عبد القادر الحسين"))


def test_within_a_list_a_spelling_far_rarer_than_its_neighbour_is_that_name_misread() -> None:
    from mizan.linkage.engine import _different_name

    # Both written at least three times, but one 40 times beside 1,000: OCR's misreading of
    # the other, as the model's OCR level reads it (``model.OCR_RATIO``), not a second name.
    # (No Latin spelling here: no keys of its two readings, ``features.spelling_keys``.)
    none = frozenset[str]()
    misread, name = ("hhmd", None, "hhmd", 40, none), ("mhmd", None, "mhmd", 1000, none)
    assert not _different_name(misread, name)
    assert _different_name(("hsn", None, "hsn", 300, none), ("hsyn", None, "hsyn", 900, none))


@pytest.mark.parametrize(
    ("text", "month"),
    [("12/05/1434 هـ", "2013-03"), ("12.05.1434هـ", "2013-03"), ("05/1434 هـ", None)],
)
def test_a_hijri_date_gives_its_gregorian_year_and_month(text: str, month: str | None) -> None:
    # The 05 of 12/05/1434 هـ is Jumada I, not May: 24 March 2013. Jumada I alone ran from 13
    # March to 10 April 2013, which gives the year but no Gregorian month.
    features = record_features(_person(date_of_arrest=text))
    assert features["arrest_year"] == 2013
    assert features["arrest_month"] == month


@pytest.mark.parametrize(
    "text", ["1985 م الموافق 1405 هـ", "1405 هـ - 1985 م", "1405هـ / 1985", "١٤٠٥ هـ ١٩٨٥ م"]
)
def test_a_gregorian_year_written_beside_a_hijri_one_is_read(text: str) -> None:
    # 1405 began in September 1984: the Gregorian year written beside it is the exact one.
    assert record_features(_person(birth_year=text))["birth_year"] == 1985
    assert record_problems({"birth_year": text, "date_of_arrest": "1984"}) != []


@pytest.mark.parametrize(
    ("text", "without"),
    [
        ("أبو بكر محمد الحسن", ("محمد", "", "الحسن")),
        ("ابوبكر خالد العلي", ("خالد", "", "العلي")),
        ("أم كلثوم أحمد الخطيب", ("أحمد", "", "الخطيب")),
        ("أحمد خالد العلي أبو بكر", ("أحمد", "خالد", "العلي")),
    ],
)
def test_abu_bakr_and_umm_kulthum_are_given_names_not_kunyas(
    text: str, without: tuple[str, str, str]
) -> None:
    # Read aside, «أبو بكر محمد الحسن» is his father محمد الحسن: a son linked to his father.
    assert not _has_reading(text, *without)
    # A kunya of another name still is read aside, أبو هاني (the father of Hani) too.
    assert _has_reading("أبو خالد محمد الحسن", "محمد", "", "الحسن")
    assert _has_reading("أبو هاني محمد الحسن", "محمد", "", "الحسن")


def test_a_hijri_date_of_arrest_tells_when_a_lists_ages_were_taken() -> None:
    from mizan.linkage.features import LATE_AGES, mark_late_ages

    # Born 1980, arrested in 1434 هـ (2013), "40": the age of a message years later, as the
    # record's own features read the same date (``_year``; OCR's ه-as-٥ lost the Hijri year).
    rows = [
        {**_person(birth_year="1980", date_of_arrest="12/05/1434 هـ"), "age_at_arrest": "40"}
        for _ in range(20)
    ]
    assert record_features(rows[0])["arrest_year"] == 2013
    assert all(row.get(LATE_AGES) for row in mark_late_ages(rows, ["posts"] * 20))
