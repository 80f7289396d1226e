"""North-American resettlement files (issue 15, branch `linkresettle`; set 13): a middle-name box
holding the father's and the grandfather's names, dates written month first, names filed in the
other's cell, and a married woman registered under her husband's family name beside her maiden
name. Synthetic people only."""

from __future__ import annotations

from pathlib import Path

from mizan.linkage import link
from mizan.linkage.features import (
    MONTH_FIRST_LIST,
    mark_month_first_lists,
    record_features,
    record_readings,
)
from mizan.linkage.lists import MAIDEN_NAME_COLUMN, lineage_in_father_cell, read_lists
from mizan.text.dates import month_first, numeric_month
from tests.linkage.rows import person


def test_two_names_in_the_father_cell_are_the_father_and_the_grandfather() -> None:
    read = lineage_in_father_cell(person(first_name="Hisham", father_name="Abdallah Adnan"))
    assert read is not None
    assert (read["father_name"], read["grandfather_name"]) == ("Abdallah", "Adnan")
    # A compound is one name; a name with the article is the father's family's; a grandfather
    # given in his own cell leaves the father's cell as written.
    assert lineage_in_father_cell(person(father_name="Abdel Karim")) is None
    assert lineage_in_father_cell(person(father_name="عبد القادر")) is None
    assert lineage_in_father_cell(person(father_name="Ahmad Al-Hamwi")) is None
    assert lineage_in_father_cell(person(father_name="Osama Abdel Karim")) == {
        **person(father_name="Osama Abdel Karim"),
        "father_name": "Osama",
        "grandfather_name": "Abdel Karim",
    }
    # «ما زن»: one name OCR cut in two, not a father and a grandfather; «عند الله», «نور الدن»:
    # a compound a copyist damaged.
    assert lineage_in_father_cell(person(father_name="ما زن")) is None
    assert lineage_in_father_cell(person(father_name="عند الله")) is None
    assert lineage_in_father_cell(person(father_name="نور الدن")) is None
    assert lineage_in_father_cell(person(father_name="خالد أحمد")) is not None
    given = person(father_name="Khaled Ahmad", grandfather_name="Ali")
    assert lineage_in_father_cell(given) is None


def test_the_father_and_grandfather_reading_comes_first_and_the_whole_cell_after() -> None:
    readings = record_readings(
        person(first_name="Hisham", father_name="Abdallah Adnan", family_name="Rifai")
    )
    father_only = record_readings(person(first_name="Hesham", father_name="Abdullah"))
    first, odds = readings[0]
    assert odds == 0.0
    assert first["father_k"] == father_only[0][0]["father_k"]
    assert first["grandfather_k"] is not None
    # «محمد نور», one man's double name, is still compared whole, a little less likely.
    assert any(value < 0 and each["grandfather_k"] is None for each, value in readings)


def test_a_middle_name_box_does_not_split_one_man_of_a_list_in_two() -> None:
    records = [
        person(record_id="u1", first_name="Hisham", father_name="Abdallah Adnan",
               mother_name="Noor", family_name="Rifai", sex="M", birth_year="1983",
               birth_place="Homs", date_of_arrest="2011"),
        person(record_id="u2", first_name="Hesham", father_name="Abdullah",
               mother_name="Nour Alrifai", family_name="Rifai", sex="Male",
               birth_year="01/01/1983", birth_place="Homs, Syria", date_of_arrest="07/09/2011"),
    ]  # fmt: skip
    result = link(records, sources=["resettlement", "resettlement"])
    assert result.clusters[0] == result.clusters[1]


def test_dates_tell_their_order_and_a_list_reads_its_own() -> None:
    assert month_first("04/17/2013") is True
    assert month_first("17/04/2013") is False
    assert month_first("04/07/2013") is None
    assert month_first("April 2013") is None
    assert numeric_month("04/17/2013") == 4
    assert numeric_month("04/07/2013") == 7  # day first, as Syrians write, unless the list says
    assert numeric_month("04/07/2013", month_first_list=True) == 4
    assert numeric_month("17/04/2013", month_first_list=True) == 4  # the date itself decides


def test_a_list_whose_dates_put_the_month_first_reads_its_ambiguous_dates_so() -> None:
    us = [
        person(date_of_arrest="04/07/2013", birth_year="05/18/1964"),
        person(date_of_arrest="11/13/2015"),
        person(date_of_arrest="2012"),
    ]
    syrian = [person(date_of_arrest="04/07/2013"), person(date_of_arrest="17/04/2013")]
    marked = mark_month_first_lists([*us, *syrian], ["us"] * 3 + ["sy"] * 2)
    assert [bool(record.get(MONTH_FIRST_LIST)) for record in marked] == [True] * 3 + [False] * 2
    assert record_features(marked[0])["arrest_month"] == "2013-04"
    assert record_features(marked[3])["arrest_month"] == "2013-07"
    # One date that can only be read month first is not yet the list's habit.
    lone = mark_month_first_lists([person(date_of_arrest="04/17/2013")], ["x"])
    assert not lone[0].get(MONTH_FIRST_LIST)


def test_a_family_name_in_the_first_name_cell_is_read_back() -> None:
    for first in ("AL-KURDI", "Al Zaatari", "ALDOUMANI"):
        swapped = record_readings(person(first_name=first, family_name="Mohamad"))
        written = record_readings(person(first_name="Mohammed", family_name=first))
        assert swapped[0][1] == 0.0
        assert swapped[0][0]["first_k"] == written[0][0]["first_k"], first
        assert swapped[0][0]["family_k"] == written[0][0]["family_k"], first
    # No article: a family name that is no given name beside a given name is put back too,
    # far less likely than as written.
    daqqar = record_readings(person(first_name="Daqqar", family_name="Mohammad"))
    mohammad = record_readings(person(first_name="Mohammad"))[0][0]["first_k"]
    assert daqqar[0][1] == 0.0
    assert daqqar[0][0]["first_k"] != mohammad
    assert any(each["first_k"] == mohammad and odds < -1 for each, odds in daqqar)
    # … but not a compound given name beside a family name with the article.
    compound = record_readings(person(first_name="Abdul Karim", family_name="al-Ayman"))
    assert len(compound) == 1
    # A given name with the article's letters («Alaa») stays a first name.
    kept = record_readings(person(first_name="Alaa", family_name="Hassan"))
    assert kept[0][0]["family_k"] == record_readings(person(family_name="Hassan"))[0][0]["family_k"]


def test_a_maiden_name_column_is_read_and_compared_as_her_family_name(tmp_path: Path) -> None:
    path = tmp_path / "resettlement.csv"
    path.write_text(
        "record_id,first_name,father_name,family_name,sex,Maiden name\n"
        "CA-1,Jamila,F.,Qasso,Female,Alkurdi\n",
        encoding="utf-8",
    )
    (record,) = read_lists([path])
    assert record.values[MAIDEN_NAME_COLUMN] == "Alkurdi"
    own = record_readings(person(first_name="Jameela", family_name="Alkurdi"))[0][0]
    readings = record_readings(record.values)
    assert readings[0][0]["family_k"] != own["family_k"]
    assert any(each["family_k"] == own["family_k"] for each, _odds in readings)
    # A man's record, or one without the column, has no such reading.
    man = record_readings({**record.values, "sex": "M"})
    assert all(each["family_k"] != own["family_k"] for each, _odds in man)


def test_two_women_of_one_list_born_to_two_families_stay_apart() -> None:
    # Her husband's family name is the other's own: compared under her maiden name, the two
    # Ranas of Tafas meet, but each form says which family she was born to.
    records = [
        person(record_id="c1", first_name="Rana", father_name="Hisham", mother_name="Fatima",
               family_name="AL-ZOUBI", sex="Female", birth_place="Tafas, Syria"),
        person(record_id="c2", first_name="Rana", father_name="Hisham", mother_name="Fatima",
               family_name="Al-Rifai", sex="F", birth_place="Tafas"),
    ]  # fmt: skip
    records[0][MAIDEN_NAME_COLUMN] = "Rifai"
    records[1][MAIDEN_NAME_COLUMN] = "Al Ahmad"
    result = link(records, sources=["resettlement", "resettlement"])
    assert result.clusters[0] != result.clusters[1]
    # The same woman under her husband's name and, in another record, under her own.
    records[1] = person(record_id="c2", first_name="Rana", father_name="Hisham",
                        mother_name="Fatima", family_name="Rifai", sex="F",
                        birth_place="Tafas")  # fmt: skip
    result = link(records, sources=["resettlement", "resettlement"])
    assert result.clusters[0] == result.clusters[1]
