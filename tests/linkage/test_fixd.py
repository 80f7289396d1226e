"""Review fixes of the engine (issue 15, branch `fixd`; synthetic people only): a four-part name
without a family name is one person with the family name only in a list that writes such names
and only when the grandfather agrees; an English list writing "Al'Hassan" is no Russian-route
list; the problems file reads a Hijri list's dates as the comparison does."""

from __future__ import annotations

import csv
from pathlib import Path

from mizan.linkage.engine import link, mark_lists
from mizan.linkage.features import (
    LINEAGE_LIST,
    RUSSIAN_LIST,
    mark_lineage_lists,
    mark_russian_lists,
)
from mizan.linkage.lists import read_lists, write_problems
from mizan.linkage.problems import HIJRI_LIST, record_problems
from tests.linkage.rows import person

_FIRST = ["محمد", "خالد", "سامر", "ماهر", "وليد", "عماد", "رامي", "باسل", "طارق", "زياد", "نزار"]
_FAMILY = ["الخطيب", "المصري", "الحلبي", "الشامي", "النجار", "الحموي", "الزعبي", "القاسم"]


def _syrian_list(count: int) -> list[dict[str, str]]:
    """A list of three-part Syrian names, some families given names (علي, حسن)."""
    rows = []
    for n in range(count):
        family = _FAMILY[n % len(_FAMILY)] if n % 5 else ["علي", "حسن"][n % 2]
        rows.append(
            person(
                record_id=f"s{n}",
                full_name=f"{_FIRST[n % 11]} {_FIRST[(n * 7 + 3) % 11]} {family}",
                birth_year=str(1960 + n % 40),
                birth_place="حمص",
            )
        )
    return rows


def test_namesakes_of_one_list_are_not_joined_through_a_family_name_like_ali() -> None:
    four = person(full_name="محمد أحمد حسن علي", birth_year="1990", birth_place="دوما")
    three = person(full_name="محمد أحمد الخطيب", birth_year="1990", birth_place="دوما")
    rows = [four, three, *_syrian_list(40)]
    result = link(rows, sources=["k"] * len(rows))
    assert result.clusters[0] != result.clusters[1]


def test_a_list_of_syrian_names_is_not_marked_as_writing_four_part_names() -> None:
    # Its names of four words end in a family name, or in a given name as often as its names of
    # three words do (علي, حسن as family names).
    syrian = _syrian_list(60)
    four = [
        person(full_name=f"{row['full_name'].rsplit(' ', 1)[0]} أحمد {family}")
        for row, family in zip(
            syrian, ["الخطيب", "الحلبي", "الشامي", "النجار", "علي"] * 12, strict=True
        )
    ]
    rows = [*syrian, *four]
    assert not any(r.get(LINEAGE_LIST) for r in mark_lineage_lists(rows, ["k"] * len(rows)))


def _egyptian_list() -> list[dict[str, str]]:
    four = [
        f"{a} {b} {c} {d}"
        for a, b, c, d in [
            ("Kamal", "Gamal", "Hesham", "Mohamad"),
            ("Mazin", "Abdelrahman", "Feras", "Mohamed"),
            ("Nagib", "Kossay", "Feras", "Abboud"),
            ("Redwan", "Samir", "Ridwan", "Riyad"),
            ("Salma", "Ahmed", "Hassan", "Hussein"),
            ("Tarek", "Hamza", "Omar", "Yasser"),
            ("Walid", "Anas", "Bassam", "Mahmoud"),
            ("Fadi", "Nabil", "Sami", "Khaled"),
            ("Amr", "Adel", "Hany", "Ibrahim"),
            ("Hosam", "Fathy", "Magdy", "Mostafa"),
            ("Rami", "Ziad", "Tamer", "Youssef"),
        ]
    ]
    family = ["Samy Hamza El Domani", "Rim Hassan Al Halaby", "Thaer Ragab El Hassan"]
    return [
        person(record_id=f"e{n}", full_name=name, birth_year=str(1960 + n))
        for n, name in enumerate(four + family)
    ]


def test_a_list_of_four_part_names_is_marked_and_repeats_a_person() -> None:
    rows = _egyptian_list()
    assert all(r.get(LINEAGE_LIST) for r in mark_lists(rows, ["eg"] * len(rows)))
    four = person(full_name="Moustafa Abdallah Gamil Esmail", birth_year="1957")
    family = person(full_name="MOSTAFA ABDALLA GAMIL EL KHAWLANY", birth_year="1957")
    # … not without the grandfather's name on both sides.
    short = person(full_name="Moustafa Abdallah El Khawlany", birth_year="1957")
    result = link([four, family, *rows], sources=["eg"] * (len(rows) + 2))
    assert result.clusters[0] == result.clusters[1]
    result = link([four, short, *rows], sources=["eg"] * (len(rows) + 2))
    assert result.clusters[0] != result.clusters[1]


def test_an_english_list_writing_al_with_an_apostrophe_is_not_russian() -> None:
    english = [
        person(record_id=f"e{n}", full_name=full)
        for n, full in enumerate(
            [
                "Ahmad Al'Hassan",
                "Khaled Al’Khatib",
                "Omar Abdel'Kader",
                "Jamal's son Ali El'Halabi",
                "Samer Al'Shami",
                "Walid Al'Masri",
            ]
            * 3
        )
    ]
    marked = mark_russian_lists(english, ["en"] * len(english))
    assert not any(r.get(RUSSIAN_LIST) for r in marked)
    russian = [
        person(record_id=f"r{n}", full_name=full)
        for n, full in enumerate(
            [
                "Dzhamal' Khalil al'-Khatib",
                "Nabil' Samir al'-Khalidi",
                "Sal'ma Omar al'-Rastani",
                "Ismail' Khasan al'-Shami",
                "Fadi Adil' al'-Masri",
                "Kamil' Tarik al'-Halabi",
            ]
        )
    ]
    assert all(r.get(RUSSIAN_LIST) for r in mark_russian_lists(russian, ["ru"] * 6))


def test_a_hijri_date_of_a_hijri_list_is_no_implausible_arrest() -> None:
    row = {**person(full_name="سامر خالد الحسن", date_of_arrest="3/7/1433"), HIJRI_LIST: "1"}
    assert [p.code for p in record_problems(row)] == []
    assert [p.code for p in record_problems({**row, HIJRI_LIST: ""})] == ["arrest_date_implausible"]


def test_the_problems_file_reads_a_hijri_lists_dates_as_hijri(tmp_path: Path) -> None:
    path = tmp_path / "court.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "full_name", "birth_year", "date_of_arrest"])
        for number in range(1, 7):
            writer.writerow([str(number), f"سامر خالد الحسن {number}", "1985", "12/5/1434 هـ"])
        writer.writerow(["7", "ماهر وليد الشامي", "1980", "3/7/1433"])
    records = read_lists([path])
    out = tmp_path / "clusters.problems.csv"
    write_problems(out, records, list(range(len(records))))
    with out.open(encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == []
