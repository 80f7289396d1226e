"""A web form's or a spreadsheet's usual English headers are read as the columns they name
(``HEADER_ALIASES``: one table for ``mizan link`` and the registry's import)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage.lists import read_lists


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Last Name", "family_name"),
        ("surname", "family_name"),
        ("Given name", "first_name"),
        ("Middle_Name", "father_name"),
        ("Father's name", "father_name"),
        ("Grandfather's Name", "grandfather_name"),
        ("Mother's name", "mother_name"),
        ("Date of birth", "birth_year"),
        ("DOB", "birth_year"),
        ("تاريخ الولادة", "birth_year"),
        ("Place of birth", "birth_place"),
        ("National number", "national_id"),
        ("Arrest date", "date_of_arrest"),
        ("Date of disappearance", "date_of_arrest"),
        ("Place of detention", "place_of_arrest"),
    ],
)
def test_a_usual_english_header_names_its_column(tmp_path: Path, header: str, column: str) -> None:
    path = tmp_path / "form.csv"
    path.write_text(f"record_id,full_name,{header}\nF-1,Rana Hamwi,X1\n", encoding="utf-8")
    (record,) = read_lists([path])
    assert record.values[column] == "X1"


def test_an_online_form_export_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "form.csv"
    path.write_text(
        "ID,First Name,Middle Name,Last Name,Gender,Date of Birth,Place of Birth\n"
        "F-7,Rana,Khaled,Hamwi,F,1990-03-04,Hama\n",
        encoding="utf-8",
    )
    (record,) = read_lists([path])
    values = record.values
    assert (values["first_name"], values["father_name"], values["family_name"]) == (
        "Rana",
        "Khaled",
        "Hamwi",
    )
    assert (values["sex"], values["birth_year"], values["birth_place"]) == (
        "F",
        "1990-03-04",
        "Hama",
    )


def test_name_beside_a_surname_is_the_given_name(tmp_path: Path) -> None:
    # "Name, Surname": the given name, not a full name the family column would hide.
    path = tmp_path / "form.csv"
    path.write_text(
        "id,Name,Surname,Father's name\nA-1,Ahmad,Hamwi,Khaled\nA-2,Rana,Hamwi,Khaled\n",
        encoding="utf-8",
    )
    first, second = read_lists([path])
    assert (first.values["first_name"], first.values["family_name"]) == ("Ahmad", "Hamwi")
    assert second.values["first_name"] == "Rana"
    assert "full_name" not in first.values


def test_name_beside_a_father_only_is_still_the_full_name(tmp_path: Path) -> None:
    path = tmp_path / "ngo.csv"
    path.write_text("record_id,name,father_name\nN-1,Ahmad Hamwi,Khaled\n", encoding="utf-8")
    (record,) = read_lists([path])
    assert record.values["full_name"] == "Ahmad Hamwi"


def test_a_middle_name_beside_a_fathers_column_is_not_read(tmp_path: Path) -> None:
    # A Western or church form's middle name is a second given name: no refusal, left unread.
    path = tmp_path / "form.csv"
    path.write_text(
        "id,First name,Middle name,Last name,Father's name\nF-1,Rana,Maria,Hamwi,Khaled\n",
        encoding="utf-8",
    )
    (record,) = read_lists([path])
    assert record.values["father_name"] == "Khaled"
    assert "Maria" not in record.values.values()


def test_the_registry_import_reads_the_same_headers() -> None:
    from mizan.missing.importing import match_header

    mapping, problems = match_header(
        ["ID", "Name", "Surname", "Middle name", "Father's name", "Date of birth"]
    )
    assert mapping == {
        0: "record_id",
        1: "first_name",
        2: "family_name",
        4: "father_name",
        5: "birth_year",
    }
    assert [(p["code"], p["params"]["header"]) for p in problems] == [
        ("unknown_column", "Middle name")
    ]
