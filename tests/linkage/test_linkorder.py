"""An army unit's list (issue 15, set 15's defected officers' sheet): the rank kept in its own
column (الرتبة) and written again before the name, a rank of two words («الرقيب أول»، «المجند
الاحتياطي»), and the family name first behind the rank. Synthetic names only."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage import read_lists, score_pair
from mizan.linkage.features import record_features
from mizan.linkage.lists import RANK_COLUMN, read_name_cells
from mizan.text.names import parse_full_name
from tests.linkage.rows import person


def _soldier(rank: str, full_name: str, **values: str) -> dict[str, str]:
    return {**person(full_name=full_name, **values), RANK_COLUMN: rank}


def test_the_rank_column_is_read(tmp_path: Path) -> None:
    path = tmp_path / "army.csv"
    path.write_text(
        "رقم السجل,الرتبة,الاسم الكامل\nJND-1,الرقيب أول,الرقيب أول باسل كمال الخطيب\n",
        encoding="utf-8",
    )
    assert read_lists([path])[0].values[RANK_COLUMN] == "الرقيب أول"


@pytest.mark.parametrize(
    ("rank", "full_name", "read"),
    [
        ("المجند الاحتياطي", "المجند الاحتياطي صلاح محمد نادر الاحمد", "صلاح محمد نادر الاحمد"),
        ("الرقيب أول", "الرقيب أول البكري محمد خالد", "البكري محمد خالد"),
        ("الرائد", "الرائد عبدالقادر الحلاق", "عبدالقادر الحلاق"),
        # A rank that is also a family name: its own column says it is the rank here.
        ("النقيب", "النقيب الدندل علي محمد", "الدندل علي محمد"),
        # The rank's cell and the name's spell it apart (hamza, article): the same rank.
        ("مساعد اول", "المساعد أول عدنان شادي النعيمي", "عدنان شادي النعيمي"),
        # … the rank's qualifier written in the name only goes with it.
        ("الملازم", "الملازم أول زياد الحلبي", "زياد الحلبي"),
    ],
)
def test_the_records_own_rank_before_the_name_is_set_aside(
    rank: str, full_name: str, read: str
) -> None:
    assert read_name_cells(_soldier(rank, full_name))["full_name"] == read


@pytest.mark.parametrize(
    ("rank", "full_name"),
    [
        # Not the record's rank: النقيب is the family name written first.
        ("المجند", "النقيب أحمد محمد"),
        # No name would be left but one word: the family النقيب and a given name.
        ("النقيب", "النقيب علي"),
        ("", "الرقيب خالد"),
    ],
)
def test_a_name_that_does_not_begin_with_its_rank_is_left_as_it_is(
    rank: str, full_name: str
) -> None:
    assert read_name_cells(_soldier(rank, full_name))["full_name"] == full_name


@pytest.mark.parametrize(
    ("full_name", "first", "family"),
    [
        ("المجند الاحتياطي صلاح محمد نادر الاحمد", "صلاح", "الاحمد"),
        ("المساعد أول عدنان شادي النعيمي", "عدنان", "النعيمي"),
        ("الرقيب أول يوسف منير الحلاق", "يوسف", "الحلاق"),
        ("الملازم أول محمد عماد الدقر", "محمد", "الدقر"),
        # The family name first behind the rank, as a register sorted by family writes it.
        ("الرقيب أول الحريري أحمد رشيد", "أحمد", "الحريري"),
        ("المجند الاحتياطي الزعبي عادل هيثم", "عادل", "الزعبي"),
        # «الرائد» (also a family name) before three name words is the rank, as «السيد» is.
        ("الرائد عبد الرحمن محمود ديركي", "عبد الرحمن", "ديركي"),
    ],
)
def test_a_rank_of_two_words_is_set_aside_without_its_column(
    full_name: str, first: str, family: str
) -> None:
    parts = parse_full_name(full_name)[0].parts
    assert (parts["first_name"], parts["family_name"]) == (first, family)


@pytest.mark.parametrize(
    ("full_name", "word"),
    [
        # A qualifier where no rank comes before it is a name …
        ("أحمد أول الحسن", "أول"),
        ("ثاني محمد الخطيب", "ثاني"),
        # … and «الرائد» before two words may be the family name written first.
        ("الرائد محمد خالد", "الرائد"),
    ],
)
def test_a_word_that_may_be_a_name_is_kept_where_nothing_says_it_is_a_rank(
    full_name: str, word: str
) -> None:
    words = {value for reading in parse_full_name(full_name) for value in reading.parts.values()}
    assert word in words


def test_a_soldier_written_family_first_behind_his_rank_meets_his_passport_record() -> None:
    army = _soldier(
        "المجند الاحتياطي",
        "المجند الاحتياطي كيوان عمر محمد",
        birth_year="مواليد 1985",
        mother_name="هدى",
    )
    gulf = person(
        first_name="OMAR",
        father_name="MOHAMMED",
        family_name="KAYWAN",
        birth_year="15/05/1985",
        mother_name="HUDA",
    )
    assert score_pair(army, gulf).probability > 0.9
    plain = record_features(person(full_name="عمر محمد كيوان"))
    features = record_features(army)
    for part in ("first", "father", "family"):
        assert features[f"{part}_k"] == plain[f"{part}_k"]
