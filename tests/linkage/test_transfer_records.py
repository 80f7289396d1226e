"""A hand-copied prison transfer list (issue 15, set 8's `transfer_records`, branch
`linktransfer`): «الموقوف» ("the detainee") before the name, the family name first before
«بن/ابن/بنت», and «امه» ("his mother") before the mother's name."""

from __future__ import annotations

import pytest

from mizan.linkage.features import ListVocabulary, record_features, record_readings
from mizan.text.names import parse_full_name
from tests.linkage.rows import person as _person


def _parts(text: str) -> tuple[str, str, str, str]:
    parts = parse_full_name(text)[0].parts
    return (
        parts["first_name"],
        parts["father_name"],
        parts["grandfather_name"],
        parts["family_name"],
    )


@pytest.mark.parametrize(
    "text",
    [
        "الموقوف محمد ابن علي الحسن",
        "الموقوفة فاطمة بنت علي الحسن",
        "المدعو محمد علي الحسن",
        "الموقوف الحسن محمد بن علي",
    ],
)
def test_the_detainee_written_before_the_name_is_no_name(text: str) -> None:
    features = record_features(_person(full_name=text))
    assert features["first_n"] in ("محمد", "فاطمه")
    assert (features["father_k"], features["family_k"]) == ("aly", "hsn")
    assert features["grandfather_n"] is None


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # The family name first, then the name and the father's after «بن».
        ("الحموي زياد بن عبد الكريم", ("زياد", "عبد الكريم", "", "الحموي")),
        ("كيفوركيان نقولا ابن كيفورك", ("نقولا", "كيفورك", "", "كيفوركيان")),
        ("العلي مريم بنت رامي", ("مريم", "رامي", "", "العلي")),
        ("AL-HAMWI Rana bint Khaled", ("Rana", "Khaled", "", "AL-HAMWI")),
        # … and a grandfather's name after the father's.
        ("الحموي زياد بن عبد الكريم بن محمد", ("زياد", "عبد الكريم", "محمد", "الحموي")),
        # In the natural order nothing changes.
        ("فارس ابن محمد العمر", ("فارس", "محمد", "", "العمر")),
        ("فاطمة بنت باسل محمد حمدان", ("فاطمة", "باسل", "محمد", "حمدان")),
        ("محمد بن أحمد بن علي الحسن", ("محمد", "أحمد", "علي", "الحسن")),
        ("Ghada bint Ahmad", ("Ghada", "Ahmad", "", "")),
    ],
)
def test_the_name_before_bin_is_the_persons_and_the_words_before_it_the_family(
    text: str, parts: tuple[str, str, str, str]
) -> None:
    assert _parts(text) == parts
    assert parse_full_name(text)[0].confidence >= 0.9


def test_a_family_first_record_and_a_natural_one_get_the_same_keys() -> None:
    family_first = record_readings(_person(full_name="اللوباني طارق ابن محمد"))
    natural = record_features(_person(full_name="طارق بن محمد اللوباني"))
    assert len(family_first) == 1
    for part in ("first", "father", "family"):
        assert family_first[0][0][f"{part}_k"] == natural[f"{part}_k"], part


@pytest.mark.parametrize("cell", ["امه فاطمة", "أمه فاطمة", "امها فاطمة", "أمها: فاطمة"])
def test_his_mother_written_as_umm_before_her_name_is_not_her_name(cell: str) -> None:
    assert record_features(_person(first_name="حسن", mother_name=cell))["mother_k"] == "ftm"


def test_a_mothers_name_that_starts_like_umm_is_her_name() -> None:
    for name in ("امينة", "أماني"):
        features = record_features(_person(first_name="حسن", mother_name=name))
        assert features["mother_n"] == record_features(_person(first_name=name))["first_n"]


@pytest.mark.parametrize("cell", ["المهندس خالد", "الأستاذ خالد", "المهندسة خالد", "أستاذ خالد"])
def test_an_engineers_or_teachers_title_in_the_first_name_cell_is_no_name(cell: str) -> None:
    features = record_features(_person(first_name=cell, family_name="العلي"))
    plain = record_features(_person(first_name="خالد", family_name="العلي"))
    assert (features["first_n"], features["first_k"]) == (plain["first_n"], plain["first_k"])


def test_both_final_yaa_spellings_of_a_family_name_key_alike_whatever_their_shares() -> None:
    # A copyist writes ى for ي (and a typist the reverse) often enough that neither spelling
    # is twice the other: the two must still share one key (blocking joins on it).
    rows = [_person(first_name="زينب", family_name="الحموي") for _ in range(3)]
    rows += [_person(first_name="زينب", family_name="الحموى") for _ in range(2)]
    rows += [_person(first_name="هدى", family_name="المصطفى") for _ in range(3)]
    rows += [_person(first_name="هدى", family_name="المصطفي") for _ in range(3)]
    vocabulary = ListVocabulary.of(rows)
    keys = [record_features(row, vocabulary)["family_k"] for row in rows]
    assert len(set(keys[:5])) == 1
    assert len(set(keys[5:])) == 1
