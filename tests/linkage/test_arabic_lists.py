"""Arabic ↔ Arabic and within-list losses (issue 15, branch `linkarabic`): records that give only
a first and a father's name, a rare family name written alike, an ʿAbd misread by OCR."""

from __future__ import annotations

from mizan.linkage.engine import PAIR_BLOCK_CAP, link, score_pair
from mizan.linkage.features import ListVocabulary, record_features
from mizan.linkage.model import BLOCKING_RULES, BLOCKING_WITHOUT, RARE_LEVEL_LABEL
from tests.linkage.rows import person as _person


def _others(count: int) -> list[dict[str, str]]:
    return [
        _person(first_name=name, father_name="علي", family_name=f"العلي{i}")
        for i, name in enumerate(["سامر", "باسل", "مازن", "وليد", "فادي"][:count])
    ]


def test_first_and_father_alone_are_scored_against_a_record_with_a_family_name() -> None:
    # A burial document giving a compound first name and the father's, no family name and no
    # year: no other rule puts it beside the families' record.
    assert BLOCKING_WITHOUT[("first_rasm", "father_rasm")] == "family_k"
    assert ("first_rasm", "father_rasm") in BLOCKING_RULES
    families = _person(full_name="عبدالقادر فادي الفارس", date_of_arrest="2012-04-20")
    burial = _person(full_name="عبد القادر", father_name="فادي", date_of_arrest="20/04/2012")
    result = link([families, burial, *_others(3)], sources=["families", "burial", "x", "y", "z"])
    assert result.clusters[0] == result.clusters[1]


def test_the_rule_is_not_for_two_records_that_both_give_a_family_name() -> None:
    # Namesakes: the same first and father's names, two family names, in lists where «محمد
    # أحمد» is as common as it is in real ones. (A first and father's name that few records
    # share is compared under two family names, by ``engine._name_pairs``: a tribe's name in one
    # list and the household's in another, sets 5–7.)
    a = _person(first_name="محمد", father_name="أحمد", family_name="الحسن")
    b = _person(first_name="محمد", father_name="أحمد", family_name="الخطيب")
    namesakes = [
        _person(first_name="محمد", father_name="أحمد", family_name=f"{family}{i}")
        for i, family in enumerate(["العمر", "الخليل", "السيد", "الحاج"] * 5)
    ]
    assert len(namesakes) + 2 > PAIR_BLOCK_CAP
    records = [a, b, *_others(3), *namesakes]
    result = link(records, sources=["a", "b", *["x"] * (len(records) - 2)])
    assert result.clusters[0] != result.clusters[1]
    assert not [pair for pair in result.pairs if {pair.left, pair.right} == {0, 1}]


def test_a_family_name_written_by_one_family_alone_is_strong_evidence() -> None:
    records = [
        _person(full_name="انس صزات", date_of_arrest="2011-11"),
        _person(full_name="انس جمال احمد صزات"),
        *[_person(first_name="محمد", family_name="الحسن") for _ in range(8)],
    ]
    vocabulary = ListVocabulary.of(records)
    rare = record_features(records[0], vocabulary)
    common = record_features(records[2], vocabulary)
    assert rare["family_rare"] is True and common["family_rare"] is False
    # Across scripts a spelling says nothing of the family's size: Latin lists are small.
    assert record_features(_person(full_name="Anas SAZAT"), vocabulary)["family_rare"] is True
    pair = score_pair(records[0], records[1], population=20_000)
    family = next(f for f in pair.fields if f.field == "family")
    assert family.level == RARE_LEVEL_LABEL and family.weight > 11


def test_the_rare_level_is_not_given_to_latin_spellings() -> None:
    a = _person(full_name="Anas SAZAT")
    b = _person(full_name="Anas Jamal SAZAT")
    family = next(f for f in score_pair(a, b).fields if f.field == "family")
    assert family.level != RARE_LEVEL_LABEL


def test_a_year_of_birth_and_a_date_of_arrest_in_each_others_column_are_read_back() -> None:
    swapped = record_features(
        _person(first_name="محمد", birth_year="٢٠١٢", date_of_arrest="١٥/٠٧/١٩٧١")
    )
    assert (swapped["birth_year"], swapped["arrest_year"], swapped["arrest_month"]) == (
        1971,
        2012,
        "2012-07",
    )
    # A year apart is a slip in one of them, not the two swapped: left as written.
    slip = record_features(_person(first_name="محمد", birth_year="2013", date_of_arrest="2012"))
    assert (slip["birth_year"], slip["arrest_year"]) == (2013, 2012)
    families = _person(full_name="محمد شادي خضر", birth_year="1971", date_of_arrest="2012-07-15")
    official = _person(
        first_name="محمد",
        father_name="شادي",
        family_name="الخضر",
        birth_year="٢٠١٢",
        date_of_arrest="١٥/٠٧/١٩٧١",
    )
    result = link([families, official, *_others(3)], sources=["f", "o", "x", "y", "z"])
    assert result.clusters[0] == result.clusters[1]


def test_dates_of_arrest_weeks_apart_over_the_new_year_are_not_a_year_apart() -> None:
    from mizan.linkage.model import ARREST_NEW_YEAR_LABEL

    families = _person(first_name="جهاد", family_name="الحسن", date_of_arrest="06/12/2013")

    def arrest(date: str) -> tuple[str, float]:
        pair = score_pair(families, _person(full_name="جهاد الحسن", date_of_arrest=date))
        field = next(f for f in pair.fields if f.field == "date_of_arrest")
        return field.level, field.weight

    level, weight = arrest("17/01/2014")
    assert level == ARREST_NEW_YEAR_LABEL and weight == 0.0
    # A year given alone, or the next winter, is still a year apart.
    assert arrest("2014")[0] == "one year apart"
    assert arrest("17/01/2015")[0] == "different"


def test_one_person_written_twice_in_one_list_needs_no_margin() -> None:
    from mizan.linkage.engine import _cannot_link, _traits
    from mizan.linkage.features import record_readings

    rows = [
        _person(full_name="يوسف الحريري", father_name="عماد"),
        _person(full_name="يوسف الحريري", father_name="عماد"),
        _person(full_name="يوسف الحريري"),
    ]
    vocabulary = ListVocabulary.of(rows)
    traits = [_traits(record_readings(row, vocabulary)[0][0], vocabulary) for row in rows]
    refuse = _cannot_link(traits, ["burial"] * 3, direct=2.0, threshold=-2.0)
    assert refuse is not None
    # The same first, father's and family names: above the threshold is enough …
    assert not refuse(0, 1, 1.8)
    assert refuse(0, 1, -2.5)
    # … while without the father's name on one side the pair must clear the margin.
    assert refuse(0, 2, 1.8) and not refuse(0, 2, 2.5)


def test_a_spelling_far_rarer_than_its_neighbour_is_the_neighbour_misread() -> None:
    # OCR reads م as ه often enough that «هحمود» is written several times in lists that write
    # محمود a hundred times: still a misreading, not a brother; حسن and حسين, both written
    # often, stay two brothers.
    lists = [
        *[_person(first_name="محمود", family_name=f"س{i}", birth_year="1970") for i in range(100)],
        *[_person(first_name="هحمود", family_name=f"ص{i}", birth_year="1980") for i in range(3)],
        *[_person(first_name="حسن", family_name=f"ع{i}", birth_year="1960") for i in range(30)],
        *[_person(first_name="حسين", family_name=f"غ{i}", birth_year="1950") for i in range(30)],
    ]
    assert record_features(lists[100], ListVocabulary.of(lists))["first_common"] == 3

    def linked(a: str, b: str, years: tuple[str, str]) -> bool:
        pair = [
            _person(first_name=a, father_name="صالح", family_name="المبركو", birth_year=years[0]),
            _person(first_name=b, father_name="صالح", family_name="المبركو", birth_year=years[1]),
        ]
        result = link([*pair, *lists], sources=["a", "b", *["x"] * len(lists)])
        return result.clusters[0] == result.clusters[1]

    assert linked("هحمود", "محمود", ("1967", "1967"))
    assert not linked("حسن", "حسين", ("1967", "1972"))


def test_alloush_is_ali() -> None:
    from mizan.text.names import formal_name

    assert formal_name("علوش", first=True) == "علي"
    assert record_features(_person(first_name="علوش"))["first_k"] == "aly"
    # As a family name it stays what it is.
    assert record_features(_person(family_name="علوش"))["family_k"] != "aly"


def test_a_common_name_misread_by_its_dots_weighs_no_more_than_its_same_spelling() -> None:
    """Set 8: «اجمد» (أحمد, a dot misread) weighed +8.3 against «احمد» where «احمد» twice weighs
    +4.6: the dots level is lowered by how often the lists write the name."""
    from mizan.text import name_keys

    a = _person(first_name="احمد", father_name="محمد", family_name="الحسين")
    b = _person(first_name="اجمد", father_name="محمد", family_name="الحسين")
    frequencies = {"first_k": {name_keys("احمد")[0]: 0.06}}
    fields = {
        f.field: f for f in score_pair(a, b, population=5000, term_frequencies=frequencies).fields
    }
    same = {
        f.field: f for f in score_pair(a, a, population=5000, term_frequencies=frequencies).fields
    }
    assert fields["first"].level == "same letters but dots"
    assert fields["first"].weight <= same["first"].weight
