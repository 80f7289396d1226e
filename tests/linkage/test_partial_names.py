"""Records that carry only part of a name (issue 15, branch `linkpartial`; set 9's hospital
register, set 5's testimonies): the names a partial record gives weigh by how often the lists
write them, and a name it lacks is no evidence either way."""

from __future__ import annotations

from pathlib import Path

from mizan.linkage import read_lists
from mizan.linkage.engine import _columns, _name_pairs, score_pair
from mizan.linkage.partial import PARTIAL_LEVEL_LABEL, PLACE_BLOCK_CAP, partial_sql
from tests.linkage.rows import person as _person

# Name shares as ``link`` hands them to ``score_pair`` (``LinkResult.term_frequencies``): محمد
# and أحمد written by many records, مازن and أسامة by few.
_FREQUENCIES = {
    "first_k": {"mhmd": 0.08, "mzn": 0.002},
    "father_k": {"ahmd": 0.06, "asm": 0.002},
    "family_k": {"btr": 0.001},
}


def _field(pair: object, name: str) -> object:
    return next(f for f in pair.fields if f.field == name)  # type: ignore[attr-defined]


def _full(first: str, father: str) -> dict[str, str]:
    return _person(
        first_name=first,
        father_name=father,
        grandfather_name="خالد",
        family_name="البيطار",
        birth_year="1978",
    )


def test_a_rare_first_and_fathers_name_outweighs_a_common_one() -> None:
    rare = score_pair(
        _person(first_name="مازن", father_name="أسامة"),
        _full("مازن", "أسامة"),
        population=5000,
        term_frequencies=_FREQUENCIES,
    )
    common = score_pair(
        _person(first_name="محمد", father_name="أحمد"),
        _full("محمد", "أحمد"),
        population=5000,
        term_frequencies=_FREQUENCIES,
    )
    for pair in (rare, common):
        assert _field(pair, "first").level == PARTIAL_LEVEL_LABEL  # type: ignore[attr-defined]
        assert _field(pair, "father").level == PARTIAL_LEVEL_LABEL  # type: ignore[attr-defined]
        # The family name missing is no evidence, not "different".
        assert _field(pair, "family").level == "missing"  # type: ignore[attr-defined]
    # «مازن أسامة» alone is one person among 5,000 records; «محمد أحمد» alone is many.
    assert rare.probability > 0.5 > common.probability
    assert rare.match_weight - common.match_weight > 8


def test_a_first_and_family_name_without_the_fathers_weigh_by_frequency() -> None:
    pair = score_pair(
        _person(first_name="مازن", family_name="البيطار"),
        _full("مازن", "أسامة"),
        population=5000,
        term_frequencies=_FREQUENCIES,
    )
    first = _field(pair, "first")
    assert first.level == PARTIAL_LEVEL_LABEL  # type: ignore[attr-defined]
    assert first.weight > 8  # type: ignore[attr-defined]  # log2(0.88 / 0.002) ≈ 8.8


def test_two_full_records_keep_the_spelling_levels() -> None:
    pair = score_pair(_full("مازن", "أسامة"), _full("مازن", "أسامة"), term_frequencies=_FREQUENCIES)
    assert all(f.level != PARTIAL_LEVEL_LABEL for f in pair.fields)
    assert _field(pair, "first").level == "same spelling"  # type: ignore[attr-defined]


def test_a_key_that_folds_two_names_is_not_the_same_name() -> None:
    # حسن and حسين share a key but not their letters: the level asks both.
    sql = partial_sql("first")
    assert '"first_k_l" = "first_k_r"' in sql
    assert 'coalesce("first_rasm_l" = "first_rasm_r", true)' in sql


def test_a_death_registers_referring_branch_is_read_as_the_place_held(tmp_path: Path) -> None:
    # Set 9's hospital register: «الجهة المحيلة» names the branch that sent the detainee, the
    # place a cellmate's account gives under «مكان الاعتقال».
    register = tmp_path / "hospital.csv"
    register.write_text(
        "رقم السجل,الاسم,اسم الأب,الكنية,سنة الولادة,الجهة المحيلة\n"
        "7195/251,مازن,علي,,1973,الفرع 251\n",
        encoding="utf-8",
    )
    (record,) = read_lists([register])
    assert record.values["place_of_arrest"] == "الفرع 251"
    cellmate = _person(full_name="مازن علي", place_of_arrest="الفرع 251")
    place = _field(score_pair(record.values, cellmate), "place_of_arrest")
    assert place.level == "same place"  # type: ignore[attr-defined]


def _place_keys(records: list[dict[str, str]]) -> list[list[str]]:
    rows = _columns(records)
    keys = _name_pairs(rows.columns, rows.record)
    # The first reading of each record.
    first_row: dict[int, int] = {}
    for row, record in enumerate(rows.record):
        first_row.setdefault(record, row)
    return [[k for k in keys[first_row[i]] if "@" in k] for i in range(len(records))]


def test_a_cellmate_named_by_one_word_meets_the_full_record_born_in_the_same_place() -> None:
    # Set 5's testimonies: «حسين», born in Deraa about 1975, and the prosecutor's «Hussein
    # Mustafa AL-MASRI», Deraa 1976, share no two name words.
    testimony = _person(full_name="حسين", birth_place="درعا", birth_year="1975")
    prosecutor = _person(
        full_name="Hussein Mustafa AL-MASRI", birth_place="Deraa", birth_year="1976"
    )
    other = _person(full_name="سامر خالد العلي", birth_place="حمص", birth_year="1980")
    keys = _place_keys([testimony, prosecutor, other])
    assert keys[0] and keys[0] == keys[1]
    assert keys[2] == []  # a key no other record gives makes no candidates


def test_a_first_name_and_place_many_records_share_is_no_key() -> None:
    # «محمد» born in Damascus: more than PLACE_BLOCK_CAP records, namesakes the other rules
    # compare where they should; the candidates stay linear in the size of the lists.
    records = [
        _person(full_name="محمد", birth_place="دمشق", birth_year=str(1960 + i))
        for i in range(PLACE_BLOCK_CAP + 1)
    ]
    assert all(keys == [] for keys in _place_keys(records))
    assert all(keys for keys in _place_keys(records[:PLACE_BLOCK_CAP]))
