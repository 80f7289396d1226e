"""Lists as they come (issue 15, branch `link12n`; set 12): a property register copying the title
deed's «حسن بن أيمن» into the first-name cell beside a family name, and the Swedish and Danish
asylum files' spellings of Arabic names. Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage import link
from mizan.linkage.engine import sheets_by_script
from mizan.linkage.features import (
    FATHER_SURNAME_LIST,
    mark_father_surname_lists,
    record_features,
    record_readings,
    spelling_keys,
)
from mizan.linkage.lists import read_name_cells
from mizan.text.names import lineage_chain
from tests.linkage.rows import arabic_key, person


def features_of(latin: str) -> str:
    return record_features(person(first_name=latin))["first_k"]


def test_lineage_in_the_first_name_cell_is_read_into_father_and_grandfather() -> None:
    row = person(first_name="أنس بن يحيى بن عادل", family_name="الشربجي")
    read = read_name_cells(row)
    assert (read["first_name"], read["father_name"], read["grandfather_name"]) == (
        "أنس",
        "يحيى",
        "عادل",
    )
    assert read["family_name"] == "الشربجي"
    features = record_features(read)
    assert features["first_k"] == arabic_key("أنس")
    assert features["father_k"] == arabic_key("يحيى")


def test_lineage_chain_keeps_compounds_and_leaves_other_cells_alone() -> None:
    assert lineage_chain("عبد الرحمن بن خالد") == ["عبد الرحمن", "خالد"]
    # A link of two names (a family name may follow) is for the full-name readers.
    assert lineage_chain("محمد بن خالد الحموي") is None
    assert lineage_chain("بن خالد") is None
    # A father's cell already filled: the first-name cell is left as the list wrote it.
    row = person(first_name="حسن بن أيمن", father_name="أيمن", family_name="الحموي")
    assert read_name_cells(row)["first_name"] == "حسن بن أيمن"


def test_title_deed_record_links_to_the_latin_record_of_the_same_man() -> None:
    deed = person(
        record_id="h1",
        first_name="حسن بن أيمن",
        family_name="الحموي",
        birth_year="9/5/1946",
        place_of_arrest="السلمية",
    )
    asylum = person(
        record_id="n1",
        first_name="Hasan",
        father_name="Ayman",
        family_name="Al-Hamwi",
        birth_year="09-05-1946",
        place_of_arrest="Salamiyah",
    )
    other = person(
        record_id="n2",
        first_name="Hasan",
        father_name="Ayman",
        family_name="Al-Hamwi",
        birth_year="1981",
    )
    result = link([deed, asylum, other], sources=["hlp", "nordic", "nordic"])
    assert result.clusters[0] == result.clusters[1]
    assert result.clusters[0] != result.clusters[2]


def _surname_list(**values: str) -> dict[str, str]:
    """A record of a list the engine marked as registering people under the father's name."""
    return {**person(**values), FATHER_SURNAME_LIST: "1"}


def test_a_family_cell_holding_a_given_name_is_also_read_as_the_fathers() -> None:
    # A Swedish file: no family name in the papers, the father's name became the surname.
    nordic = _surname_list(first_name="Mohammad", family_name="Majed", birth_year="1987")
    readings = record_readings(nordic)
    assert any(
        features["father_k"] == features_of("Majed") and features["family_k"] is None
        for features, _odds in readings
    )
    # A family name with the article, or one that is no given name, is a family's; and a list
    # that does not register people so reads its family cells as written.
    for row in (
        _surname_list(first_name="Ahmad", family_name="Al-Majed"),
        _surname_list(first_name="Ahmad", family_name="Kabbani"),
        person(first_name="Mohammad", family_name="Majed"),
    ):
        assert all(features["family_k"] is not None for features, _odds in record_readings(row))


def test_a_list_registering_a_tenth_of_its_people_under_the_fathers_name_is_marked() -> None:
    habit = [person(first_name="Ali", family_name="Hasan")] * 2 + [
        person(first_name="Ali", family_name="Al-Hasan")
    ] * 8
    few = [person(first_name="Ali", family_name="Hasan")] + [
        person(first_name="Ali", family_name="Kabbani")
    ] * 19
    marked = mark_father_surname_lists([*habit, *few], ["se"] * 10 + ["un"] * 20)
    assert all(record.get(FATHER_SURNAME_LIST) for record in marked[:10])
    assert not any(record.get(FATHER_SURNAME_LIST) for record in marked[10:])


def _nordic(record_id: str, **values: str) -> dict[str, str]:
    return person(record_id=record_id, **values)


def test_one_list_repeating_a_man_in_two_offices_spellings_is_one_cluster() -> None:
    # Two relatives name him, one file with "ch" for خ (Swedish), one with "kh"; and "Rijad".
    records = [
        _nordic("s1", first_name="Saleh", family_name="Chalil", mother_name="Fatima",
                sex="M", birth_year="1965", birth_place="Darayya", date_of_arrest="2012",
                place_of_arrest="Douma"),
        _nordic("s2", first_name="Salih", family_name="Khalil", mother_name="Fatima",
                sex="M", birth_year="19650101", birth_place="Darayya",
                date_of_arrest="2012-07-05", place_of_arrest="Douma"),
    ]  # fmt: skip
    # Both spellings are common in the list (other men named so): not one misread for the other.
    others = [
        _nordic(f"o{n}", first_name=name, family_name=family, sex="M", birth_year=str(1950 + n))
        for n, (name, family) in enumerate(
            [("Chalil", "Hamwi"), ("Chalil", "Nasser"), ("Chalil", "Darwish"),
             ("Khalil", "Sabbagh"), ("Khalil", "Haddad"), ("Khalil", "Tayyan")]
        )
    ]  # fmt: skip
    result = link([*records, *others], sources=["nordic"] * 8)
    assert result.clusters[0] == result.clusters[1]


def test_spelling_keys_read_a_latin_name_both_ways() -> None:
    assert features_of("Khalil") in spelling_keys("chalil")
    assert features_of("Riad") in spelling_keys("rijad")
    assert spelling_keys("خليل") == frozenset()


def test_a_wife_under_her_husbands_family_name_stays_one_woman_in_one_list() -> None:
    records = [
        _nordic("w1", first_name="Rim", father_name="Abdul Rahman", family_name="Al-Bakur",
                mother_name="Aisja", sex="F", birth_year="19560101",
                birth_place="Maarat al-Numan", date_of_arrest="2011", place_of_arrest="Binnish"),
        _nordic("w2", first_name="Rim", father_name="Abdulrahman", family_name="AHMAD",
                mother_name="Aisja", sex="K", birth_year="1956-01-01",
                birth_place="Maarat al-Numan", date_of_arrest="juni 2011",
                place_of_arrest="Binnish"),
    ]  # fmt: skip
    result = link(records, sources=["nordic", "nordic"])
    assert result.clusters[0] == result.clusters[1]
    # Two men of one list with other family names stay two.
    men = [{**r, "sex": "M", "first_name": "Ahmad"} for r in records]
    result = link(men, sources=["nordic", "nordic"])
    assert result.clusters[0] != result.clusters[1]


def test_swedish_and_danish_sex_letters() -> None:
    assert record_features(person(first_name="Rim", sex="K"))["sex"] == "F"
    assert record_features(person(first_name="Rim", sex="kvinde"))["sex"] == "F"


@pytest.mark.parametrize(
    ("written", "month"),
    [("marts 2013", "2013-03"), ("maj 2014", "2014-05"), ("februari 2017", "2017-02"),
     ("oktober 2011", "2011-10"), ("20130312", "2013-03"), ("Juni 2012", "2012-06")],
)  # fmt: skip
def test_swedish_and_danish_months_and_compact_dates_give_the_month_of_arrest(
    written: str, month: str
) -> None:
    assert (
        record_features(person(first_name="Ali", date_of_arrest=written))["arrest_month"] == month
    )


def test_a_list_merged_from_an_arabic_and_a_latin_sheet_is_read_as_two_sheets() -> None:
    arabic = [person(first_name="محمد")] * 3
    latin = [person(full_name="Mohammad Ali")] * 2
    sources = sheets_by_script([*arabic, *latin, person(first_name="Ali")], ["hrd"] * 5 + ["un"])
    assert len(set(sources[:3])) == 1 and len(set(sources[3:5])) == 1
    assert sources[0] != sources[3] and sources[5] == "un"
    # A list with a few records in the other script is one list.
    assert set(sheets_by_script([*arabic * 3, latin[0]], ["x"] * 10)) == {"x"}


def test_one_man_in_both_sheets_of_a_merged_list_is_one_cluster() -> None:
    # The Latin sheet gives less (no father, no year): a pair above the threshold, not above
    # the margin one list's two records need.
    sheet_a = person(
        record_id="A-1",
        first_name="غسان",
        father_name="محمد",
        family_name="الطباع",
        birth_year="1979",
    )
    sheet_b = person(record_id="B-1", full_name="Ghassan Al-Tabbaa")
    fillers_a = [
        person(record_id=f"A-{n}", first_name=first, family_name=family, birth_year=str(1960 + n))
        for n, (first, family) in enumerate(
            [("خالد", "العلي"), ("عمر", "حداد"), ("سامر", "النجار")]
        )
    ]
    fillers_b = [
        person(record_id=f"B-{n}", full_name=name, birth_year=str(1970 + n))
        for n, name in enumerate(["Yaser Hallak", "Rami Kurdi", "Nizar Halabi"])
    ]
    records = [sheet_a, sheet_b, *fillers_a, *fillers_b]
    result = link(records, sources=["hrd"] * len(records))
    assert result.clusters[0] == result.clusters[1]
