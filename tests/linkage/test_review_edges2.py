"""Edges a review of the German migration-office readings and the partial-record level found
(issue 15, branches `linkde` and `linkpartial`): ordinary names of a German list must keep the
key they had. Synthetic names only."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.linkage.features import record_features, record_readings
from mizan.linkage.lists import read_lists
from mizan.missing.importing import match_header
from tests.linkage.rows import arabic_key as _key
from tests.linkage.rows import german_person as _german


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        # The "Al" of these family names is of the name itself (ʿAyn, Lam), no article.
        ("Aloush", "علوش"),
        ("Alayan", "عليان"),
        ("Aliyan", "عليان"),
        ("Alawneh", "علاونة"),
        ("Alaeddin", "علاء الدين"),
        ("Alamuddin", "علم الدين"),
        # … while a glued article still comes apart.
        ("Alaswad", "الأسود"),
        ("Alomari", "العمري"),
    ],
)
def test_a_family_name_that_merely_starts_with_al_and_a_vowel_is_not_split(
    latin: str, arabic: str
) -> None:
    record = _german(first_name="Rami", family_name=latin)
    assert record_features(record)["family_k"] == _key(arabic)


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        # A German office's j for ي in common given names the short lexicon does not hold:
        # read ج they met no Arabic record (they did before the j rule).
        ("Junes", "يونس"),
        ("Jara", "يارا"),
        ("Bajan", "بيان"),
        ("Majar", "ميار"),
        ("Najef", "نايف"),
        # … and English papers' j for ج still read so.
        ("Jamal", "جمال"),
        ("Jana", "جنى"),
        ("Jihad", "جهاد"),
    ],
)
def test_a_german_lists_j_of_a_common_given_name_stays_yaa(latin: str, arabic: str) -> None:
    assert record_features(_german(first_name=latin))["first_k"] == _key(arabic)


@pytest.mark.parametrize("first", ["Alaaeddin", "Alaeddin", "Alaaldin"])
def test_a_given_name_of_al_din_in_the_first_name_cell_is_no_sign_of_swapped_cells(
    first: str,
) -> None:
    # علاء الدين is a given name: its "Al" glued before a consonant is no family's article.
    record = _german(first_name=first, family_name="Hamwi", father_name="Khaled")
    readings = record_readings(record)
    assert len(readings) == 1
    assert readings[0][0]["family_k"] == _key("الحموي")


def test_a_records_readings_count_once_toward_the_first_name_and_place_cap() -> None:
    # One record read three ways (first names A, B, A) and PLACE_BLOCK_CAP - 1 others named A,
    # all born in one town: PLACE_BLOCK_CAP records share A@town, which is within the cap.
    from mizan.linkage.partial import PLACE_BLOCK_CAP, first_place_keys

    others = PLACE_BLOCK_CAP - 1
    firsts = ["mzn", "rnd", "mzn", *["mzn"] * others]
    record_of = [0, 0, 0, *range(1, others + 1)]
    # The blocking's place column: the place of birth, never a register's residence (fixk).
    columns = {"first_k": firsts, "birth_place_block": ["drc"] * len(firsts)}
    keys = first_place_keys(columns, record_of)
    assert keys[0] == keys[2] == keys[-1] == ["mzn@drc"]


@pytest.mark.parametrize(
    ("first", "family", "arabic"),
    [("Cemil", "Hüseyin", "جميل"), ("Cemal", "Öztürk", "جمال"), ("Cihad", "Mühemmed", "جهاد")],
)
def test_turkish_papers_in_a_german_list_keep_their_turkish_c_though_umlauts_are_all_they_show(
    first: str, family: str, arabic: str
) -> None:
    # Their only Turkish letters are ö and ü, which a German office writes too; the c is not.
    record = _german(first_name=first, family_name=family)
    assert record_features(record)["first_k"] == _key(arabic)


def test_a_list_with_a_place_of_arrest_and_a_referring_branch_is_read_not_refused(
    tmp_path: Path,
) -> None:
    # الجهة المحيلة stands for the place of arrest only where the list has none: beside
    # «مكان الاعتقال» it is a column of its own, not a repeated one (which refuses the list).
    path = tmp_path / "register.csv"
    path.write_text(
        "رقم السجل,الاسم الأول,الكنية,مكان الاعتقال,الجهة المحيلة\n"
        "1,رامي,الحموي,حاجز دوما,الفرع 215\n",
        encoding="utf-8",
    )
    (record,) = read_lists([path])
    assert record.values["place_of_arrest"] == "حاجز دوما"
    mapping, _problems = match_header(
        ["رقم السجل", "الاسم الأول", "مكان الاعتقال", "الجهة المحيلة"]
    )
    assert sorted(mapping.values()) == ["first_name", "place_of_arrest", "record_id"]
    # Alone, it is the place.
    mapping, _problems = match_header(["رقم السجل", "الاسم الأول", "الجهة المحيلة"])
    assert mapping[2] == "place_of_arrest"
