"""Given names written as initials, and an English dh for ذ (issue 15, branch `linkinit`; set 11).

A Dutch office writes a Syrian's given names as initials ("M.K." for «محمد خالد»): the initial
is weak evidence for or against the other record's first name (and the second one for its
father's), and pairs the record with the same family's records whose first name it may open.
A Latin "dh" is read as ذ where the lists' Arabic spellings write the name with ذ and not with
ض («منذر», "Mundhir"). Synthetic people only.
"""

from __future__ import annotations

import pytest

from mizan.linkage import link, model
from mizan.linkage.engine import score_pair
from mizan.linkage.features import ListVocabulary, record_features
from tests.linkage.rows import german_person, person


def _field(pair: object, name: str) -> object:
    return next(f for f in pair.fields if f.field == name)  # type: ignore[attr-defined]


def _dutch(initials: str, **values: str) -> dict[str, str]:
    return german_person(first_name=initials, family_name="Al-Qatarmizi", **values)


@pytest.mark.parametrize(
    ("initials", "first", "father"),
    [
        ("M.K.", "m", "kx"),  # محمد خالد, or Kamal's ك
        ("A.", "a", None),  # any name opening with ا, ع, أ, إ
        ("W.S.", "w", "sc"),  # وليد (its و is the key's u flag only); Sh ش
        ("D.", "djz", None),  # د/ض, Dj ج, Dh ذ
    ],
)
def test_initials_are_the_letters_the_names_may_open_with(
    initials: str, first: str, father: str | None
) -> None:
    features = record_features(person(first_name=initials, family_name="Qatarmizi"))
    assert features["first_k"] is None  # still no first name
    assert (features["first_initial"], features["father_initial"]) == (first, father)


def test_a_dutch_lists_c_and_j_are_kh_and_y() -> None:
    features = record_features(_dutch("C.J."))
    assert "x" in features["first_initial"]  # Chaled خالد
    assert "y" in features["father_initial"]  # Jasser ياسر


def test_a_second_initial_is_not_the_fathers_when_the_record_gives_his_name() -> None:
    features = record_features(person(first_name="M.K.", father_name="Ali", family_name="Q"))
    assert (features["first_initial"], features["father_initial"]) == ("m", None)


def test_an_initial_weighs_for_or_against_the_first_name_less_than_a_name_would() -> None:
    named = person(first_name="Yazan", father_name="Khaled", family_name="Al-Qatarmizi")
    both = score_pair(_dutch("Y.K."), named)
    first_only = score_pair(_dutch("Y."), named)
    father_differs = score_pair(_dutch("Y.M."), named)
    differs = score_pair(_dutch("M.K."), named)
    same_name = score_pair({**named, "father_name": ""}, named)
    levels = {
        model.INITIALS_BOTH_LABEL: both,
        model.INITIAL_LABEL: first_only,
        model.INITIALS_FATHER_DIFFERS_LABEL: father_differs,
        model.INITIALS_DIFFER_LABEL: differs,
    }
    for label, score in levels.items():
        assert _field(score, "initials").level == label  # type: ignore[attr-defined]
    weights = [_field(same_name, "first").weight] + [  # type: ignore[attr-defined]
        _field(score, "initials").weight  # type: ignore[attr-defined]
        for score in (both, first_only, father_differs, differs)
    ]
    # A real first name agreeing weighs most, then the initials, then one against.
    assert weights == sorted(weights, reverse=True)
    assert weights[1] > 0 > weights[3] > weights[4]


def test_an_initial_meets_its_family_without_a_year_or_a_mothers_name() -> None:
    """No other rule pairs «M.K. Al-Qatarmizi» with «Mahmoud Khaled Qatarmizi»: only the family
    name in common, and no year on one side."""
    rows = [
        _dutch("M.K.", birth_year="1980"),
        person(first_name="Mahmoud", father_name="Khaled", family_name="Qatarmizi"),
        person(first_name="Yazan", father_name="Khaled", family_name="Qatarmizi"),
    ]
    result = link(rows, keep_pairs_above=1e-9, estimate_u=False)
    scored = {(pair.left, pair.right) for pair in result.pairs}
    assert (0, 1) in scored
    # An initial no spelling of Yazan opens with pairs no record.
    assert (0, 2) not in scored


def _vocabulary(*names: str) -> ListVocabulary:
    return ListVocabulary.of([person(first_name=name, family_name="Qatarmizi") for name in names])


def test_a_latin_dh_is_the_arabic_spellings_letter() -> None:
    """«منذر» written in the lists' Arabic, "Mundhir" and "Moundher" in their Latin (more often
    than "Munzer"): the dh is ذ, for no Arabic spelling writes it «منضر». Ramadhan stays رمضان
    (the lists write no «رمذان»), and Adham أدهم where they write أدهم as well as عزام."""
    vocabulary = _vocabulary(
        *["منذر"] * 4,
        *["Mundhir"] * 5,
        *["Moundher"] * 4,
        "Munzer",
        *["رمضان"] * 5,
        "Ramadhan",
        *["أدهم"] * 3,
        *["عزام"] * 5,
        "Adham",
    )
    assert "".join(_key(vocabulary.letters("Mundhir", ListVocabulary.GIVEN))) == "mnzr"
    assert "".join(_key(vocabulary.letters("Moundher", ListVocabulary.GIVEN))) == "mnzr"
    assert vocabulary.letters("Ramadhan", ListVocabulary.GIVEN) == "Ramadhan"
    assert vocabulary.letters("Adham", ListVocabulary.GIVEN) == "Adham"


def _key(word: str) -> list[str]:
    from mizan.text import name_keys

    return name_keys(word)
