"""A French-speaking lawyer's list of victims and a Dutch migration office's files (issue 15,
branch `linkfr`, set 11): the lawyer writes a civility before the name ("M.", "Mme"), a married
woman's husband's family name after «épouse», and "Prénom NOM fils de Père" with the family name
between the person's name and the father's; the Dutch officer writes only the initials of the
given names (voorletters, "M.K.") in the first name's cell. Synthetic names only."""

from __future__ import annotations

import pytest

from mizan.linkage.features import (
    CIVILITY_LIST,
    mark_civility_lists,
    record_features,
    record_readings,
)
from mizan.linkage.model import BLOCKING_RULES, BLOCKING_WITHOUT, _blocking_sql
from mizan.text.names import parse_full_name
from tests.linkage.rows import arabic_key as _key
from tests.linkage.rows import person as _person


def _parts(full_name: str) -> tuple[str, str, str]:
    parts = parse_full_name(full_name)[0].parts
    return parts["first_name"], parts["father_name"], parts["family_name"]


@pytest.mark.parametrize(
    ("full_name", "parts"),
    [
        # The family name in capitals between the name and «fils de» …
        ("Abdel Rahman AL HALABI fils de Omar", ("Abdel Rahman", "Omar", "AL HALABI")),
        ("Walid OTHMANE fils de Rami", ("Walid", "Rami", "OTHMANE")),
        # … or not in capitals, with its article after a given name.
        ("Djamal EL-Najjar fils de Omar", ("Djamal", "Omar", "EL-Najjar")),
        ("Mouna AL-ALI fille de Hassan", ("Mouna", "Hassan", "AL-ALI")),
    ],
)
def test_the_family_name_before_fils_de_is_the_family_name(
    full_name: str, parts: tuple[str, str, str]
) -> None:
    assert _parts(full_name) == parts


def test_the_family_name_first_before_a_lineage_word_stays_so() -> None:
    # «الحسن احمد بن محمود»: the family's name first, as a prison register writes it.
    assert _parts("الحسن احمد بن محمود") == ("احمد", "محمود", "الحسن")
    assert _parts("AL-HALABI Ahmad fils de Omar") == ("Ahmad", "Omar", "AL-HALABI")


@pytest.mark.parametrize(
    ("full_name", "parts"),
    [
        ("Salma EL-ALI épouse HAMDAN", ("Salma", "", "EL-ALI")),
        ("Fatma Abdel Massih AL-MASRI épouse HADDAD", ("Fatma", "Abdel Massih", "AL-MASRI")),
        ("Mme EL-MOHAMED Hiba épouse DARWICH", ("Hiba", "", "EL-MOHAMED")),
        ("Mme EL-OTHMANE, Fatma Iyad épouse AL-MASRI", ("Fatma", "Iyad", "EL-OTHMANE")),
        ("Rana HAMWI veuve AL-KHATIB", ("Rana", "", "HAMWI")),
    ],
)
def test_a_husbands_family_name_and_a_womans_civility_are_set_aside(
    full_name: str, parts: tuple[str, str, str]
) -> None:
    assert _parts(full_name) == parts


def _lawyer(full_name: str, **values: str) -> dict[str, str]:
    return {**_person(full_name=full_name, **values), CIVILITY_LIST: "1"}


def test_monsieur_is_read_as_a_civility_in_a_list_that_writes_civilities() -> None:
    (features, _odds), *_rest = record_readings(_lawyer("M. AL-HALABI Mahmoud"))
    assert features["first_k"] == _key("محمود")
    assert features["family_k"] == _key("الحلبي")
    (features, _odds), *_rest = record_readings(_lawyer("M. HAMDAN, Abdel Massih"))
    assert features["first_k"] == _key("عبد المسيح")
    assert features["family_k"] == _key("حمدان")


def test_an_m_elsewhere_stays_an_initial() -> None:
    # Without the list's civilities "M." is the initial of a first name, not a word to drop.
    (features, _odds), *_rest = record_readings(_person(full_name="M. Khaled HAMWI"))
    assert features["first_k"] is None
    assert features["father_k"] == _key("خالد")


def test_a_list_is_one_of_civilities_by_its_womens_mme() -> None:
    lawyer = [_person(full_name="Mme AL-ALI Salma"), *[_person(full_name="M. AL-ALI Omar")] * 9]
    other = [_person(full_name="M. Khaled HAMWI")] * 10
    marked = mark_civility_lists([*lawyer, *other], ["lawyer"] * 10 + ["other"] * 10)
    assert all(record.get(CIVILITY_LIST) for record in marked[:10])
    assert not any(record.get(CIVILITY_LIST) for record in marked[10:])


@pytest.mark.parametrize("initials", ["M.K.", "A.H.", "M.", "G.S.A."])
def test_initials_of_the_given_names_are_no_name(initials: str) -> None:
    features = record_features(_person(first_name=initials, family_name="Yousef"))
    assert features["first_k"] is None
    assert features["first_n"] is None
    assert features["family_k"] == _key("يوسف")


def test_a_record_without_a_first_name_is_paired_by_family_and_birth_year() -> None:
    # "Yousef M.K." born 1960 against "Yousef Mohammad" born 1960: no other rule pairs them.
    assert ("family_k", "birth_year") in BLOCKING_RULES
    assert BLOCKING_WITHOUT[("family_k", "birth_year")] == "first_k"
    # … only when one side lacks the first name: every family and year would be too many pairs.
    sql = _blocking_sql(("family_k", "birth_year"), lacking="l")
    assert 'l."first_k" IS NULL' in sql
    assert 'l."birth_year" = r."birth_year"' in sql


@pytest.mark.parametrize("unread", ["(غير مقروء)", "غير مقروء", "«غير واضح»"])
def test_a_name_that_could_not_be_read_is_no_name(unread: str) -> None:
    # A forensic register's document whose first name is illegible: not the name «غير».
    features = record_features(_person(first_name=unread, family_name="المصري"))
    assert features["first_k"] is None
    assert features["first_n"] is None
    assert features["family_k"] == _key("المصري")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Mhd Ali EL-NAJJAR fils de Omar", "Mhd Ali"),
        ("Mohammad Khaled HALABI son of Omar", "Mohammad Khaled"),
    ],
)
def test_two_given_names_before_the_family_keep_the_named_father(text: str, first: str) -> None:
    """ "fils de Omar" names the father: the second given word is not the father's (review)."""
    parts = parse_full_name(text)[0].parts
    assert parts["first_name"] == first
    assert parts["father_name"] == "Omar"
    assert parts["grandfather_name"] == ""
