"""Forms of a families' WhatsApp roll-call written in Arabic letters (issue 15, set 18): the
name as a relative posts it (a kunya with the family, «اخى» before it), the age as
said («عمره 34», «مواليد 84») and the town with its preposition («من منبج»). Synthetic names."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.linkage import score_pair
from mizan.linkage.features import POST_LIST, record_readings
from mizan.text.names import parse_full_name


def _likeliest(row: dict[str, str]) -> dict[str, Any]:
    features, _odds = record_readings(row)[0]
    return features


@pytest.mark.parametrize("word", ["اخى", "اختى", "ابنى", "أخى"])
def test_a_relatives_word_typed_with_a_final_alef_maqsura_is_set_aside(word: str) -> None:
    reading = parse_full_name(f"{word} ليلى عبد الله الأحمد")[0].parts
    assert reading["first_name"] == "ليلى"
    assert reading["family_name"] == "الأحمد"


def test_a_place_written_with_its_preposition_is_the_place() -> None:
    one = _likeliest({"full_name": "عثمان العلي", "birth_place": "من منبج"})
    other = _likeliest({"full_name": "عثمان العلي", "birth_place": "منبج"})
    assert one["birth_place_k"] == other["birth_place_k"]
    assert one["birth_place_parts"] == other["birth_place_parts"]
    taken = _likeliest({"full_name": "عثمان العلي", "place_of_arrest": "في حلب"})
    assert (
        taken["arrest_place_parts"]
        == _likeliest({"full_name": "عثمان العلي", "place_of_arrest": "حلب"})["arrest_place_parts"]
    )


@pytest.mark.parametrize(
    "written", ["أبو مصطفى العبد الله", "ابو مصطفى العبد الله", "أبومصطفى العبد الله"]
)
def test_a_kunya_and_a_family_alone_give_no_first_name_in_a_list_of_posts(written: str) -> None:
    features = _likeliest({"full_name": written, POST_LIST: "1"})
    assert features["first_n"] is None
    assert features["family_k"] == _likeliest({"full_name": "حسن العبد الله"})["family_k"]


def test_a_kunya_with_a_family_meets_the_man_whose_father_his_son_is_named_after() -> None:
    # «أبو مصطفى»: his eldest son's name, no name of his (حسن), whom the other post names.
    man = {"full_name": "حسن مصطفى العبد الله", "birth_place": "منبج", "age_at_arrest": "60"}
    kunya = {"full_name": "أبو مصطفى العبد الله", "birth_place": "منبج", POST_LIST: "1"}
    score = score_pair(man, kunya)
    first = next(f for f in score.fields if f.field == "first")
    assert first.level == "missing"


def test_a_kunya_and_a_family_outside_a_list_of_posts_is_read_as_before() -> None:
    # A cellmate's «أبو عبدو الحموي» is as often a kunya and a town (``recollection``): outside
    # a list of posts the kunya is not read aside.
    assert _likeliest({"full_name": "أبو مصطفى العبد الله"})["first_n"] is not None


def test_a_given_name_of_kunya_shape_is_still_a_name() -> None:
    row = {"full_name": "أبو بكر محمد الحسن", POST_LIST: "1"}
    assert _likeliest(row)["first_n"] is not None


@pytest.mark.parametrize(("age", "born"), [("عمره 34", 1979), ("عمرها ٣٤", 1979), ("34", 1979)])
def test_an_age_as_a_post_says_it_gives_the_year_of_birth(age: str, born: int) -> None:
    features = _likeliest(
        {"full_name": "عمر محمد الدرويش", "age_at_arrest": age, "date_of_arrest": "2013"}
    )
    assert features["birth_year"] == born


@pytest.mark.parametrize("age", ["مواليد 84", "مواليد ٨٤", "مواليد 1984"])
def test_a_year_of_birth_in_the_ages_cell_is_the_year_of_birth(age: str) -> None:
    features = _likeliest({"full_name": "عمر محمد الدرويش", "age_at_arrest": age})
    assert features["birth_year"] == 1984
    with_arrest = _likeliest(
        {"full_name": "عمر محمد الدرويش", "age_at_arrest": age, "date_of_arrest": "من 2013"}
    )
    assert with_arrest["birth_year"] == 1984
