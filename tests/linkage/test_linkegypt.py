"""Four-part names without a family name (issue 15, branch `linkegypt`): an Egyptian community
association types a Syrian's name as Egyptian forms ask for it, «الاسم الرباعي», the name, the
father's, the grandfather's and the great-grandfather's ("Moustafa Abdallah Gamil Esmail"), and
the same person again, registered by another relative, with the family name ("Mostafa Abdalla
Gamil El Khawlany"). Read in the natural order the last given name stands where the family name
would, and the list seemed to hold two men of two families (synthetic people only)."""

from __future__ import annotations

from mizan.linkage.engine import link
from mizan.linkage.features import LINEAGE_FAMILY, LINEAGE_LIST, record_features
from tests.linkage.rows import person as _person


def _others() -> list[dict[str, str]]:
    # The association's list: most of its names four given names (``LINEAGE_LIST``).
    four = [
        ("Kamal Gamal Hesham Mohamad", "1970"),
        ("Mazin Abdelrahman Feras Mohamed", "1971"),
        ("Nagib Kossay Feras Abboud", "1972"),
        ("Redwan Samir Ridwan Riyad", "1973"),
        ("Tarek Hamza Omar Yasser", "1974"),
        ("Walid Anas Bassam Mahmoud", "1975"),
        ("Fadi Nabil Sami Khaled", "1976"),
        ("Amr Adel Hany Ibrahim", "1978"),
        ("Hosam Fathy Magdy Mostafa", "1979"),
        ("Rami Ziad Tamer Youssef", "1980"),
    ]
    return [
        _person(full_name=name, birth_year=year)
        for name, year in [
            ("Samy Hamza El Domani", "1990"),
            ("Rim Hassan Al Halaby", "1987"),
            ("Thaer Ragab El Hassan", "1963"),
            *four,
        ]
    ]


def _listed(**values: str) -> dict[str, str]:
    return {**_person(**values), LINEAGE_LIST: "1"}


def test_a_four_part_name_ending_in_a_given_name_is_marked() -> None:
    assert record_features(_listed(full_name="Moustafa Abdallah Gamil Esmail"))[LINEAGE_FAMILY]
    assert record_features(_listed(full_name="حسين مصطفى يوسف أحمد"))[LINEAGE_FAMILY]
    # … only in a list that writes such names (``mark_lineage_lists``).
    assert not record_features(_person(full_name="حسين مصطفى يوسف أحمد"))[LINEAGE_FAMILY]


def test_a_family_name_is_not_marked() -> None:
    # The article, a name no given name (Qabbani), three words only, or a family cell.
    for full in (
        "Mostafa Abdalla Gamil El Khawlany",
        "Basel Abdel Hamid Waleed Qabbani",
        "Nesrin Kassem Aly",
    ):
        assert not record_features(_listed(full_name=full))[LINEAGE_FAMILY]
    cells = _person(
        first_name="حسين", father_name="مصطفى", grandfather_name="يوسف", family_name="أحمد"
    )
    assert not record_features(cells)[LINEAGE_FAMILY]


def test_one_list_repeats_a_person_with_and_without_the_family_name() -> None:
    four = _person(
        full_name="Moustafa Abdallah Gamil Esmail",
        mother_name="Ala",
        birth_year="07/09/1957",
        birth_place="Damascus",
        date_of_arrest="14/05/2013",
    )
    family = _person(
        full_name="MOSTAFA ABDALLA GAMIL EL KHAWLANY",
        mother_name="ALA",
        birth_year="1957",
        date_of_arrest="14/05/2013",
    )
    result = link([four, family, *_others()], sources=["eg"] * (len(_others()) + 2))
    assert result.clusters[0] == result.clusters[1]


def test_three_given_names_that_differ_still_tell_two_men() -> None:
    # Cousins named after their grandfather: one first name, two fathers.
    cousin = _person(
        full_name="Hosam Ahmed Khaled Emad",
        mother_name="Mona",
        birth_year="1977",
        date_of_arrest="2013",
    )
    other = _person(
        full_name="Hosam Mohamad Khaled El Hakim",
        mother_name="Mona",
        birth_year="1977",
        date_of_arrest="2013",
    )
    # … and a namesake whose grandfather is another man.
    namesake = _person(
        full_name="Hosam Mohamad Samer Emad",
        mother_name="Mona",
        birth_year="1977",
        date_of_arrest="2013",
    )
    result = link([cousin, other, namesake, *_others()], sources=["eg"] * (len(_others()) + 3))
    assert result.clusters[0] != result.clusters[1]
    assert result.clusters[2] != result.clusters[1]


def test_a_man_of_one_list_is_not_a_woman_of_a_register_without_sex() -> None:
    # "Osama" and «أسماء» share their key (asm); the association says he is a man.
    osama = _person(
        full_name="Osama Mohamed Youssef El Fakhory",
        sex="M",
        birth_year="1993",
        birth_place="El-Koseir",
    )
    asmaa = _person(full_name="أسماء الفاخوري", birth_year="1993", birth_place="القصير")
    assert record_features(asmaa)["sex"] == "F"
    assert record_features(_person(full_name="أسامة الفاخوري"))["sex"] is None
    result = link([osama, asmaa, *_others()], sources=["eg", "branch", *["x"] * len(_others())])
    assert result.clusters[0] != result.clusters[1]
