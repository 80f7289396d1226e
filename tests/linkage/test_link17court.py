"""Forms of a Syrian court's hearing roll copied by hand (issue 15, set 17): the mother inside the
name's cell, «الاسم والشهرة بن الأب», the place and date of birth in one cell, «مواليد 85»,
«موقوف منذ …» before the date of arrest; and a governorate against a town of another one.
Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage import score_pair
from mizan.linkage.engine import mark_lists
from mizan.linkage.features import _key, record_features, record_readings
from mizan.linkage.lists import mother_in_full_name, read_name_cells
from tests.linkage.rows import person


@pytest.mark.parametrize(
    ("cell", "name", "mother"),
    [
        ("وليد أيمن الأحمد والدته زينب", "وليد أيمن الأحمد", "زينب"),
        ("سلمى محمود الإدلبي والدتها وفاء", "سلمى محمود الإدلبي", "وفاء"),
        ("علي ابراهيم حمدان والذته يسرى", "علي ابراهيم حمدان", "يسرى"),
        ("محمد ابراهيم الحسن والدت ختام", "محمد ابراهيم الحسن", "ختام"),
    ],
)
def test_the_mother_named_in_the_name_cell_is_read_apart(cell: str, name: str, mother: str) -> None:
    assert mother_in_full_name(cell) == (name, mother)


def test_the_mother_in_the_name_cell_fills_an_empty_mother_cell_only() -> None:
    row = person(full_name="أحمد أيمن الدرويش والدته رنا الملقب أبو محمد")
    read = read_name_cells(row)
    assert read["mother_name"] == "رنا"
    parts = record_readings(row, None, with_parts=True)[0][2]
    assert (parts["first"], parts["father"], parts["family"]) == ("أحمد", "أيمن", "الدرويش")
    kept = read_name_cells(
        person(full_name="يوسف فراس سليمان والدته فاطمة", mother_name="فاطمة الجاسم")
    )
    assert kept["mother_name"] == "فاطمة الجاسم"
    assert kept["full_name"] == "يوسف فراس سليمان"
    # A name without her is left as it is: «أمه الله» is أمة الله, not "his mother Allah".
    assert read_name_cells(person(full_name="محمد أمه الله"))["full_name"] == "محمد أمه الله"
    assert mother_in_full_name("أمة الله محمد الخطيب") is None


def test_a_roll_with_the_mother_in_the_name_meets_the_same_man_in_a_register() -> None:
    roll = person(full_name="وليد أيمن الأحمد والدته زينب", date_of_arrest="موقوف منذ 15/04/2013")
    register = person(
        first_name="وليد",
        father_name="ايمن",
        family_name="الأحمد",
        mother_name="زينب الموسى",
        date_of_arrest="2013-04-20",
    )
    assert score_pair(roll, register).match_weight > 3


def test_the_family_before_bin_without_its_article_is_read_both_ways() -> None:
    # «حسين شحادة بن علي»: a prison register's family first, or a court's «الاسم والشهرة بن الأب».
    readings = [parts for _f, _odds, parts in record_readings(
        person(full_name="حسين شحادة بن علي"), None, with_parts=True
    )]  # fmt: skip
    court = {"first": "حسين", "father": "علي", "family": "شحادة"}
    assert any(all(parts[k] == v for k, v in court.items()) for parts in readings)
    register = person(first_name="حسين", father_name="علي", family_name="شحادة")
    assert score_pair(person(full_name="حسين شحادة بن علي"), register).match_weight > 0


@pytest.mark.parametrize(
    ("cell", "year", "place"),
    [
        ("حماة 12/3/1985", 1985, True),
        ("تولد حماة 1985/3/12", 1985, True),
        ("Hama 12.03.1985", 1985, True),
        ("مواليد 85", 1985, False),
        ("تولد ٧١", 1971, False),
    ],
)
def test_the_year_of_birth_in_the_place_cell_is_read(cell: str, year: int, place: bool) -> None:
    features = record_features(person(full_name="وليد أيمن الأحمد", birth_place=cell))
    assert features["birth_year"] == year
    assert (features["birth_place_k"] is not None) == place


def test_held_since_before_the_date_of_arrest_keeps_its_month() -> None:
    for cell in ("موقوف منذ 15/04/2013", "موقوف منذ ١٥ نيسان ٢٠١٣", "منذ 2013/4/15"):
        features = record_features(person(full_name="وليد أيمن الأحمد", date_of_arrest=cell))
        assert features["arrest_month"] == "2013-04", cell


def test_a_governorate_against_a_town_of_another_governorate_is_another_place() -> None:
    one = person(full_name="محمد بن إبراهيم الحسين", birth_place="التل 1996")
    other = person(full_name="محمد إبراهيم الحسن", birth_place="تولد حلب 1996")
    levels = {f.field: f.level for f in score_pair(one, other).fields}
    assert levels["birth_place"] == "different"
    # … but Aleppo's own towns, and Damascus's suburbs against Damascus, are no evidence against.
    near = person(full_name="محمد إبراهيم الحسن", birth_place="عندان")
    levels = {f.field: f.level for f in score_pair(near, other).fields}
    assert levels["birth_place"] == "one gives only the governorate"
    douma = person(full_name="محمد إبراهيم الحسن", birth_place="Douma")
    damascus = person(full_name="محمد إبراهيم الحسن", birth_place="Damascus")
    levels = {f.field: f.level for f in score_pair(douma, damascus).fields}
    assert levels["birth_place"] == "one gives only the governorate"


def _scored(records: list[dict[str, str]], sources: list[str], pair: tuple[int, int]) -> float:
    from mizan.linkage import score_pairs

    return score_pairs(records, [pair], sources=sources)[0].match_weight


def test_a_german_s_for_zay_in_a_given_name_meets_the_arabic_name_the_lists_write() -> None:
    # A German office writes حمزة "Hamsa" and منذر "Munser" (German says s before a vowel as z),
    # read so where the lists write those names at least eight times as often.
    arabic = [
        person(record_id=f"a{i}", first_name=first, father_name="محمود", family_name=family)
        for i, (first, family) in enumerate(
            [("حمزة", "الحسن"), ("حمزة", "العلي"), ("منذر", "حمدان"), ("منذر", "الخطيب")] * 4
        )
    ]
    german = [
        person(record_id=f"g{i}", first_name=first, father_name="Machmud", family_name=family)
        for i, (first, family) in enumerate(
            [("Hamsa", "El-Hasan"), ("Munser", "Hamdan"), ("Chaled", "Schehadeh")] * 7
        )
    ]
    records = [*arabic, *german]
    sources = ["register"] * len(arabic) + ["bamf"] * len(german)
    assert _scored(records, sources, (0, len(arabic))) > 3  # حمزة محمود الحسن ~ Hamsa Machmud
    assert _scored(records, sources, (2, len(arabic) + 1)) > 3  # منذر محمود حمدان ~ Munser


def test_a_mixed_list_reads_its_plain_latin_names_the_turkish_way_too() -> None:
    # Cases opened by offices in Türkiye and elsewhere: one in ten shows a Turkish letter.
    latin = [
        person(record_id=f"t{i}", first_name="Halit", father_name="Ömer", family_name="Şehade")
        for i in range(2)
    ] + [
        person(record_id=f"e{i}", first_name=first, father_name="Ahmad", family_name="Al-Ali")
        for i, first in enumerate(["Samer", "Rami", "Wael", "Fadi", "Bilal", "Ziad", "Nabil"] * 2)
    ]
    plain = person(record_id="tr", first_name="Cemil", father_name="Halil", family_name="Berekat")
    marked = mark_lists([*latin, plain], ["cases"] * (len(latin) + 1))
    keys = {features["first_k"] for features, _odds in record_readings(marked[-1])}
    assert _key("جميل") in keys  # Cemil, as Turkish papers write جميل
    # … and a list without Turkish letters is read as it is written.
    english = mark_lists([*latin[2:], plain], ["cases"] * (len(latin) - 1))
    assert _key("جميل") not in {
        features["first_k"] for features, _o in record_readings(english[-1])
    }


@pytest.mark.parametrize(
    ("written", "name", "mother"),
    [
        ("عمار عبد الله قدور والدته خديجة", "عمار عبد الله قدور", "خديجة"),
        ("رشا علي الزعبي والدتها هدى", "رشا علي الزعبي", "هدى"),
        ("محمد أحمد العلي، والدته: فاطمة الحسن", "محمد أحمد العلي", "فاطمة الحسن"),
    ],
)
def test_the_mother_after_the_name_is_read_with_the_punctuation_between(
    written: str, name: str, mother: str
) -> None:
    # link17med's cases for the same form (its own reading was not merged): the comma before
    # «والدته» was left on the name, which then read as "FAMILY، First" (family محمد أحمد العلي).
    read = read_name_cells({"full_name": written})
    assert (read["full_name"], read["mother_name"]) == (name, mother)
    features = record_readings({"full_name": written})[0][0]
    assert features["family_k"] == record_readings({"full_name": name})[0][0]["family_k"]
