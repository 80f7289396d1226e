"""Two defects of the day's merges (issue 15, review of 2026-12-07): a village's nisba read as
"no family name" joined two families of two villages, and the gazetteer gave places the
governorate of another place with the same consonants. Synthetic people only."""

from __future__ import annotations

import pytest

from mizan.linkage import score_pair, score_pairs
from mizan.linkage.engine import _best_readings, _columns
from mizan.linkage.features import (
    ListVocabulary,
    _place_key,
    record_features,
)
from mizan.linkage.lists import ORIGIN_COLUMN

from .rows import person

# ---------------------------------------------------------------------------------------------
# D1: the reading without a village's nisba


def _camp(name: str, origin: str = "", **values: str) -> dict[str, str]:
    return {**person(full_name=name, **values), ORIGIN_COLUMN: origin}


def _person(
    first: str, father: str, family: str, origin: str = "", **values: str
) -> dict[str, str]:
    """A record of a list that gives each name in its column (no order to guess)."""
    names = {"first_name": first, "father_name": father, "family_name": family}
    return {**person(**names, birth_year="1985", **values), ORIGIN_COLUMN: origin}


# The lists' origin column names each village three times.
_VILLAGES = [
    _camp(f"{first} {father} العمر", village)
    for village in ("لوبية", "ترشيحا", "صفورية", "حيفا", "الطيرة")
    for first, father in (("سامر", "علي"), ("باسل", "حسن"), ("نضال", "رائد"))
]


def _probability(a: dict[str, str], b: dict[str, str]) -> float:
    records = [*_VILLAGES, a, b]
    n = len(records)
    (score,) = score_pairs(records, [(n - 2, n - 1)], population=100_000)
    return score.probability


_LOUBANI = _person("فادي", "فتحي", "اللوباني", "لوبية")


@pytest.mark.parametrize(
    "other",
    [
        _person("فادي", "فتحي", "الترشيحي", "ترشيحا"),
        # Two nisbas of two villages, in a list that gives origins: the column is blank.
        {**_person("فادي", "فتحي", "الترشيحي"), ORIGIN_COLUMN: "-"},
        # A family of another village, under its own name.
        _person("فادي", "فتحي", "الخطيب", "صفورية"),
    ],
)
@pytest.mark.parametrize("mother", ["", "فاطمة"])
def test_a_nisba_does_not_join_a_family_of_another_village(
    other: dict[str, str], mother: str
) -> None:
    a = {**_LOUBANI, "mother_name": mother}
    if not other[ORIGIN_COLUMN]:
        a = {**a, ORIGIN_COLUMN: ""}
    b = {**other, "mother_name": mother}
    assert _probability(a, b) < 0.2
    assert _probability(b, a) < 0.2


def test_a_nisba_still_meets_its_family_of_the_same_village() -> None:
    """The reading stays for what it is for: the same man under his family's own name, of the
    same village or of a list without an origin column."""
    same = _person("فادي", "فتحي", "الخطيب", "لوبية", mother_name="فاطمة")
    unsaid = _person("فادي", "فتحي", "الخطيب", mother_name="فاطمة")
    other = _person("فادي", "فتحي", "الخطيب", "صفورية", mother_name="فاطمة")
    loubani = {**_LOUBANI, "mother_name": "فاطمة"}
    assert _probability(loubani, same) > _probability(loubani, other) + 0.3
    assert _probability(loubani, unsaid) > _probability(loubani, other) + 0.3


@pytest.mark.parametrize(
    ("family", "village"),
    [("الحوفي", "حيف"), ("الحفاوي", "حيف"), ("الطويري", "طير")],
)
def test_a_nisba_is_told_by_its_stem_not_its_key(family: str, village: str) -> None:
    nisbas = [_camp("محمد الحيفاوي"), _camp("أحمد الطيراوي"), _camp("خالد الطيري")]
    vocabulary = ListVocabulary.of([*_VILLAGES, *nisbas, _camp(f"محمد {family}")])
    assert not vocabulary.village_nisba(family)
    assert vocabulary.nisba_village("الحيفاوي") == "حيف"
    assert vocabulary.nisba_village("الطيراوي") == "طير"
    assert vocabulary.nisba_village("Tirawi") == "طير"


def test_link_takes_no_nisba_reading_against_another_village() -> None:
    """``link`` takes the same pairs of readings as ``score_pairs``: the reading without the
    nisba counts against the same man of the village (or of no village said), never against
    a record of another village."""
    own = _person("فادي", "فتحي", "الخطيب", "لوبية")
    unsaid = _person("فادي", "فتحي", "الخطيب")
    other = _person("فادي", "فتحي", "الخطيب", "صفورية")
    tarshihi = {**_person("فادي", "فتحي", "الترشيحي"), ORIGIN_COLUMN: "-"}
    records = [*_VILLAGES, _LOUBANI, own, unsaid, other, tarshihi]
    rows = _columns(records)
    loubani = len(_VILLAGES)
    (nisba,) = [r for r, record in enumerate(rows.record) if record == loubani and rows.odds[r]]
    # Every pair of the nisba reading with each other record's first reading, weighed alike.
    scored = [(nisba, rows.record.index(other), 10.0) for other in range(loubani + 1, len(records))]
    best = _best_readings(scored, rows, -50.0)
    assert sorted(best) == [(loubani, loubani + 1), (loubani, loubani + 2)]


# ---------------------------------------------------------------------------------------------
# D4: a place's governorate, by the gazetteer


def test_the_gazetteer_is_read_with_every_governorate() -> None:
    """The gazetteer is read by its path; moved, it would give no governorate to anything, in
    silence. Syria's 14 governorates are there (Rural Damascus read with Damascus: 13 codes)."""
    from mizan.linkage.features import _gazetteer, _governorate_of

    gazetteer = _gazetteer()
    assert len(gazetteer.forms) > 200
    assert len(gazetteer.keys) > 100
    names = [
        "دمشق", "ريف دمشق", "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "الرقة",
        "دير الزور", "الحسكة", "درعا", "السويداء", "القنيطرة",
    ]  # fmt: skip
    found = {name: _governorate_of(name, (_place_key(name),), True) for name in names}
    assert None not in found.values(), found
    assert len(set(found.values())) == 13


@pytest.mark.parametrize(
    ("place", "governorate"),
    [
        ("الحولة", None),
        ("Houla", None),
        ("المعرة", None),
        ("مارع", "SY02"),
        ("الهول", "SY08"),
        # A town of two words whose second is a governorate's other name (الشام) …
        ("بصرى الشام", "SY12"),
        # … and a town whose key is a governorate's (Daraya's د ر, Daraa's).
        ("Daraya", None),
        ("داريا", "SY01"),
    ],
)
def test_a_town_takes_no_governorate_of_another_town_by_its_consonants(
    place: str, governorate: str | None
) -> None:
    features = record_features(person(full_name="وليد أيمن الأحمد", birth_place=place))
    assert features["birth_place_gov"] == governorate


@pytest.mark.parametrize(("town", "governorate"), [("الحولة", "حمص"), ("المعرة", "ادلب")])
def test_a_governorate_against_its_own_town_a_key_shares_is_no_other_place(
    town: str, governorate: str
) -> None:
    one = person(full_name="محمد إبراهيم الحسن", birth_place=governorate)
    other = person(full_name="محمد إبراهيم الحسن", birth_place=town)
    levels = {f.field: (f.level, f.weight) for f in score_pair(one, other).fields}
    assert levels["birth_place"][0] != "different"
    assert levels["birth_place"][1] >= 0
