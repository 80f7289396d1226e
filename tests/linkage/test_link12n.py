"""Lists as they come (issue 15, branch `link12n`; set 12): a property register copying the title
deed's «حسن بن أيمن» into the first-name cell beside a family name, and the Swedish and Danish
asylum files' spellings of Arabic names. Synthetic people only."""

from __future__ import annotations

from mizan.linkage import link
from mizan.linkage.features import record_features
from mizan.linkage.lists import read_name_cells
from mizan.text.names import lineage_chain
from tests.linkage.rows import arabic_key, person


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
