"""Two defects of the Sorani and rank readings (issue 15, helper `fixe`). Synthetic names only.

D3: a camp's list typed on a Sorani keyboard keeps the long u written as a single و (مەحمود is
Mahmoud, not Muhammad); its short u (حوسەین) is read back by the lists' names, end to end. D5: a
list's rank column strips the name's first words only where they write that rank: a name word
without the article is no rank written with one («رائد محمد الخالد» under «الرائد»), a rank cell
that is a given name strips nothing, and a cell that is only the rank gives no name."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import link
from mizan.linkage.features import ListVocabulary, mark_speech_lists, record_readings
from mizan.linkage.lists import RANK_COLUMN, read_name_cells
from tests.linkage.rows import person

_TYPED = ("محمد", "محمود", "حسين", "حسن", "عمر", "يوسف")


def _register() -> list[dict[str, str]]:
    """A register typed in Arabic spelling that writes each given name many times."""
    return [
        person(full_name=f"{name} {father} العلي{i}", birth_year=str(1960 + i))
        for i, (name, father) in enumerate(
            (name, father) for name in _TYPED for father in ("خالد", "سامر", "باسل", "وليد", "فادي")
        )
    ]


def _camp(full_name: str, **values: str) -> dict[str, str]:
    """A record of the camp's list, read as ``mizan link`` reads its cells."""
    return dict(read_name_cells(person(full_name=full_name, **values)))


def test_mahmoud_written_with_sorani_letters_is_no_muhammad() -> None:
    register = _register()
    camp = [_camp("مەحمود عەلی الخطیب"), _camp("حوسەین عومەر الخطیب"), _camp("عومەر حوسەین ملا")]
    records = mark_speech_lists([*register, *camp], ["register"] * len(register) + ["camp"] * 3)
    vocabulary = ListVocabulary.of(records)
    mahmoud = record_readings(records[len(register)], vocabulary)[0][0]
    muhammad = record_readings(person(full_name="محمد علي الخطيب"), vocabulary)[0][0]
    typed = record_readings(person(full_name="محمود علي الخطيب"), vocabulary)[0][0]
    assert mahmoud["first_k"] == typed["first_k"] != muhammad["first_k"]


def test_hussein_with_its_short_u_written_still_links() -> None:
    register = _register()
    mother = {"mother_name": "فاطمة", "birth_year": "1984", "birth_place": "الحسكة"}
    camp = [
        _camp("حوسەین عومەر الخطیب", **mother),
        _camp("مەحمود عەلی ملا"),
        _camp("عومەر یووسوف المصری"),
    ]
    typed = person(full_name="حسين عمر الخطيب", **mother)
    records = [typed, *register, *camp]
    sources = ["army", *["register"] * len(register), *["camp"] * len(camp)]
    clusters = link(records, sources=sources).clusters
    assert clusters[0] == clusters[1 + len(register)]


def _soldier(rank: str, full_name: str) -> dict[str, str]:
    return {**person(full_name=full_name), RANK_COLUMN: rank}


@pytest.mark.parametrize(
    ("rank", "full_name", "read"),
    [
        # Raed, a given name, is not the rank «الرائد» written with the article.
        ("الرائد", "رائد محمد الخالد", "رائد محمد الخالد"),
        ("الرائد", "الرائد رائد محمد الخالد", "رائد محمد الخالد"),
        # A rank cell that is a given name strips nothing.
        ("سامر", "سامر خالد الحموي", "سامر خالد الحموي"),
        # ثاني is the first name: a qualifier goes only where two name words are left after it.
        ("المجند", "المجند ثاني الخالد", "ثاني الخالد"),
        # A rank written without the article in its column is the rank written with it.
        ("مساعد اول", "المساعد أول عدنان شادي النعيمي", "عدنان شادي النعيمي"),
        # A cell that is only the rank gives no name.
        ("المساعد أول", "المساعد أول", ""),
    ],
)
def test_the_rank_column_strips_only_the_rank(rank: str, full_name: str, read: str) -> None:
    assert read_name_cells(_soldier(rank, full_name))["full_name"] == read
