"""Linking: cross-script matches found, brothers and cousins kept apart, every record once."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.cli import main
from mizan.linkage import FieldEvidence, link, score_pair
from mizan.linkage.features import record_features
from mizan.linkage.synthetic import FIELDS, generate, write_lists
from tests.linkage.rows import person as _person

# Synthetic people only. The same man in an Arabic family report and a Latin UN list.
AR = _person(
    record_id="a1",
    first_name="عبد الرحمن",
    father_name="محمد",
    grandfather_name="أحمد",
    family_name="الحموي",
    mother_name="فاطمة",
    sex="ذكر",
    birth_year="١٩٨٠",
    birth_place="حماة",
)
LAT = _person(
    record_id="u1",
    first_name="Abdulrahman",
    father_name="Mhd",
    family_name="al-Hamwi",
    mother_name="Fatima",
    sex="M",
    birth_year="1980",
    birth_place="Hama",
)
# His brother: same father, grandfather, family, mother and birth place, born three years later.
BROTHER = _person(
    record_id="a2",
    first_name="عبد الكريم",
    father_name="محمد",
    grandfather_name="أحمد",
    family_name="الحموي",
    mother_name="فاطمة",
    sex="ذكر",
    birth_year="1983",
    birth_place="حماة",
)
# A brother whose name is one letter from his: محمد and محمود.
BROTHER_CLOSE_NAMES = (
    _person(
        record_id="b1",
        first_name="محمد",
        father_name="خالد",
        grandfather_name="عمر",
        family_name="الشامي",
        mother_name="خديجة",
        birth_year="1975",
    ),
    _person(
        record_id="b2",
        first_name="محمود",
        father_name="خالد",
        grandfather_name="عمر",
        family_name="الشامي",
        mother_name="خديجة",
        birth_year="1976",
    ),
)
# Cousins both named after their grandfather, born the same year: only the father and mother differ.
COUSINS = (
    _person(
        record_id="c1",
        first_name="يوسف",
        father_name="علي",
        grandfather_name="يوسف",
        family_name="الحلبي",
        mother_name="مريم",
        birth_year="1990",
    ),
    _person(
        record_id="c2",
        first_name="Yousef",
        father_name="Hasan",
        grandfather_name="Yusuf",
        family_name="Al-Halabi",
        mother_name="Zainab",
        birth_year="1990",
    ),
)


@pytest.fixture(scope="module")
def background() -> list[dict[str, str]]:
    lists, _ = generate(3000, seed=11)
    return [row for rows in lists.values() for row in rows]


def _clusters(records: list[dict[str, str]]) -> list[int]:
    return link(records, threshold=0.9).clusters


def test_cross_script_match_is_found_and_brothers_and_cousins_are_not_merged(
    background: list[dict[str, str]],
) -> None:
    special = [AR, LAT, BROTHER, *BROTHER_CLOSE_NAMES, *COUSINS]
    clusters = _clusters(background + special)
    ar, lat, brother, b1, b2, c1, c2 = clusters[len(background) :]
    assert ar == lat
    assert brother != ar
    assert b1 != b2
    assert c1 != c2


def test_score_pair_explains_each_field() -> None:
    score = score_pair(AR, LAT)
    fields = {f.field: f for f in score.fields}
    assert list(fields) == [
        "first",
        "father",
        "grandfather",
        "family",
        "mother",
        "birth_year",
        "sex",
        "birth_place",
        "national_id",
        "date_of_arrest",
        "place_of_arrest",
    ]
    assert fields["first"] == FieldEvidence(
        "first", "عبد الرحمن", "Abdulrahman", "same name", fields["first"].weight
    )
    assert fields["first"].weight > 0
    assert fields["grandfather"].level == "missing"
    assert fields["grandfather"].weight == 0
    assert fields["birth_year"].level == "same year"
    total = score.prior_weight + sum(f.weight for f in score.fields)
    assert total == pytest.approx(score.match_weight, abs=0.01)
    assert score.probability > 0.9

    brothers = score_pair(AR, BROTHER)
    assert brothers.fields[0].level == "different name, same father and family (sibling)"
    assert brothers.fields[0].weight < -10
    assert brothers.probability < 0.1


def test_a_common_name_is_weaker_evidence_than_a_rare_one() -> None:
    frequencies = {"first_k": {"mhmd": 0.1, "mnzr": 0.0005}}
    # Both records give a father's and family name: a record without one weighs its names by
    # frequency at every level (``partial``), not only at "same name".
    common = score_pair(
        _person(first_name="محمد", father_name="أحمد", family_name="العلي"),
        _person(first_name="Mohamed", father_name="Ahmad", family_name="Al-Ali"),
        term_frequencies=frequencies,
    )
    rare = score_pair(
        _person(first_name="منذر", father_name="أحمد", family_name="العلي"),
        _person(first_name="Munzer", father_name="Ahmad", family_name="Al-Ali"),
        term_frequencies=frequencies,
    )
    assert common.fields[0].level == rare.fields[0].level == "same name"
    assert rare.fields[0].weight > common.fields[0].weight + 5


def test_mizan_link_writes_every_record_exactly_once(tmp_path: Path) -> None:
    files = write_lists(600, tmp_path, seed=3)
    out = tmp_path / "clusters.csv"
    assert main(["link", *map(str, files), "--out", str(out), "--threshold", "0.8"]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (tmp_path / "truth.csv").open(encoding="utf-8") as handle:
        truth = {(r["source"], r["record_id"]) for r in csv.DictReader(handle)}
    keys = [(r["source"], r["record_id"]) for r in rows]
    assert len(keys) == len(set(keys)) == len(truth)
    assert set(keys) == truth
    assert {r["source"] for r in rows} == {"families", "official", "un"}
    sizes: dict[str, int] = {}
    for row in rows:
        sizes[row["cluster_id"]] = sizes.get(row["cluster_id"], 0) + 1
    assert all(int(r["cluster_size"]) == sizes[r["cluster_id"]] for r in rows)
    assert max(sizes.values()) > 1


def test_mizan_link_does_not_set_up_django(tmp_path: Path) -> None:
    files = write_lists(50, tmp_path, seed=4)
    argv = ["link", *map(str, files), "--out", str(tmp_path / "o.csv")]
    script = (
        "import sys; from mizan.cli import main; "
        f"code = main({argv!r}); "
        "assert 'django' not in sys.modules, 'django was imported'; sys.exit(code)"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "nonexistent.settings"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "o.csv").exists()


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(st.dictionaries(st.sampled_from(FIELDS), _text))
def test_features_never_fail_on_any_text(row: Mapping[str, str]) -> None:
    features = record_features(row)
    assert all(
        v is None
        or isinstance(v, (str, int))
        # a place's parts: a non-empty list of keys
        or (isinstance(v, list) and v and all(isinstance(x, str) and x for x in v))
        for v in features.values()
    )


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "first_name": st.sampled_from(["محمد", "Mohammad", "أحمد", "", "Ahmed"]),
                "family_name": st.sampled_from(["الحموي", "Hamwi", "حداد", ""]),
                "birth_year": st.sampled_from(["1980", "١٩٨٠", "", "1981"]),
            }
        ),
        max_size=12,
    )
)
def test_every_record_gets_exactly_one_cluster(records: list[dict[str, str]]) -> None:
    result = link(records)
    assert len(result.clusters) == len(records)
    assert all(cluster >= 1 for cluster in result.clusters)
    # Average linkage never joins what the pairs at the threshold do not connect: each cluster is
    # connected by returned pairs (those at or above the threshold) inside it.
    joined = {index: {index} for index in range(len(records))}
    for pair in result.pairs:
        if result.clusters[pair.left] == result.clusters[pair.right]:
            merged = joined[pair.left] | joined[pair.right]
            for index in merged:
                joined[index] = merged
    for index, cluster in enumerate(result.clusters):
        assert joined[index] == {i for i, c in enumerate(result.clusters) if c == cluster}


def test_a_lone_pair_does_not_chain_two_people_together() -> None:
    """Connected components would join A, A' and B, B' through one namesake pair A'–B."""
    from mizan.linkage.engine import _average_linkage

    strong, weak = 12.0, 0.5
    pairs = [(0, 1, strong), (2, 3, strong), (1, 2, weak)]
    assert _average_linkage(4, pairs, threshold_weight=-2.0) == [0, 0, 2, 2]
    # If the other pairs between the two groups agree too, they are one person.
    agreeing = [*pairs, (0, 2, weak), (0, 3, weak), (1, 3, weak)]
    groups = _average_linkage(4, agreeing, threshold_weight=-2.0)
    assert len(set(groups)) == 1


def test_a_final_yaa_and_alef_maqsura_have_the_same_dotless_key() -> None:
    """Typists write موسى as موسي and ليلى as ليلي; without its dots, a final ي is ى."""
    for typed, written in (
        ("موسي", "موسى"),
        ("ليلي", "ليلى"),
        ("عبد الله مصطفي", "عبد الله مصطفى"),
    ):
        typed_key = record_features({"first_name": typed})["first_rasm"]
        assert typed_key == record_features({"first_name": written})["first_rasm"]


def test_siblings_sharing_every_family_field_stay_apart() -> None:
    """Issue 15: father, grandfather, family, mother and birth place all agree (about +28 bits)
    and the year is missing; the Arabic first names differ in their letters: two people."""
    a = {"full_name": "مصطفى احمد محمد زاجد", "mother_name": "رقية", "sex": "ذكر",
         "birth_year": "1970", "birth_place": "دير الزور"}  # fmt: skip
    b = {"first_name": "نبيل", "father_name": "أحمد", "grandfather_name": "محمد",
         "family_name": "زاجد", "mother_name": "رقية", "sex": "ذكر",
         "birth_place": "دير الزور"}  # fmt: skip
    assert score_pair(a, b, population=20_000).probability < 0.01


@pytest.mark.parametrize(
    ("arabic", "latin", "same"),
    [
        ("توفيق", "Toufic", True),  # a French ou: a spelling
        ("هدى", "Hoda", True),  # a Latin vowel the key reads as a long u
        ("سميز", "Samir", True),  # OCR ر→ز on the Arabic side
        ("محمد", "Mahmoud", False),  # two common names the u flag tells apart: brothers
        ("محمود", "Mhd", False),
    ],
)
def test_across_scripts_a_spelling_is_not_taken_for_a_brother(
    arabic: str, latin: str, same: bool
) -> None:
    family = {"father_name": "قاسم", "family_name": "الممحود", "birth_year": "1961"}
    latin_family = {"father_name": "Qassem", "family_name": "Mamhoud", "birth_year": "1961"}
    score = score_pair(
        {"first_name": arabic, **family}, {"first_name": latin, **latin_family}, population=20_000
    )
    assert (score.fields[0].level.startswith("different name")) is not same
    assert (score.probability > 0.5) is same
