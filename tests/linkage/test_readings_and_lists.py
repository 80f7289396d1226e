"""Lists as they arrive (issue 15): every reading of an unmarked full name compared, places at
different depths, OCR'd years, and siblings or namesakes of one list kept apart."""

from __future__ import annotations

import pytest

from mizan.linkage import link
from mizan.linkage.engine import _average_linkage, _cannot_link, _one_edit
from mizan.linkage.features import ListVocabulary, _place, record_features, record_readings
from mizan.text import name_keys
from mizan.text.names import parse_full_name, strip_asides
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("text", "first", "family"),
    [
        ("ديما أيمن فتحي حاج مالك", "ديما", "حاج مالك"),
        ("ذياب احمد حاج طارق", "ذياب", "حاج طارق"),
        ("Ghazi Haj Aiman", "Ghazi", "Haj Aiman"),
        ("ديما حسين شيخ", "ديما", "شيخ"),
        ("الحاج محمد علي حسن", "محمد", "حسن"),
    ],
)
def test_a_title_before_the_last_word_is_a_compound_family_name(
    text: str, first: str, family: str
) -> None:
    parts = parse_full_name(text)[0].parts
    assert (parts["first_name"], parts["family_name"]) == (first, family)


def test_an_aside_never_closed_still_goes() -> None:
    assert strip_asides("Mohamad s/o Aymen Adel (aka Abu Utman") == "Mohamad s/o Aymen Adel"
    assert parse_full_name("Mohamad s/o Aymen Adel (aka Abu Utman")[0].parts["family_name"] == (
        "Adel"
    )


def test_a_nickname_in_a_name_column_is_set_aside() -> None:
    features = record_features(_person(first_name="مهدي (الصغير)", family_name="القصي"))
    assert features["first_k"] == name_keys("Mahdi")[0]


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("الدهان", "Al Dahhan"), ("الطحان", "EL-TAHHAN"), ("وسيم", "Ouasim"), ("وائل", "Ouael")],
)
def test_latin_spellings_meet_their_arabic_keys(arabic: str, latin: str) -> None:
    assert name_keys(arabic) == name_keys(latin)


def test_a_final_yaa_slip_keys_as_the_usual_name() -> None:
    assert record_features(_person(first_name="فادى"))["first_k"] == name_keys("Fadi")[0]
    assert record_features(_person(first_name="موسي"))["first_k"] == name_keys("Musa")[0]


def test_an_unmarked_full_name_is_compared_in_both_orders() -> None:
    row = _person(full_name="ذياب محمد رياض")
    readings = record_readings(row, ListVocabulary.of([row]))
    assert len(readings) == 2
    assert readings[0][1] == 0.0 and readings[1][1] < 0.0
    firsts = {features["first_k"] for features, _odds in readings}
    assert firsts == {name_keys("ذياب")[0], name_keys("محمد")[0]}
    # A comma says the order: one reading.
    marked = _person(full_name="RIYAD, Ziyab Mohammad")
    assert len(record_readings(marked, ListVocabulary.of([marked]))) == 1


def test_places_agree_on_any_part_and_a_governorate_alone_is_no_evidence() -> None:
    _town, town_parts, wide = _place("Tadmur, Hims")
    assert not wide
    assert set(town_parts or ()) & set(_place("حمص")[1] or ())
    assert _place("درعا")[2] is True
    assert _place("Al-Tall, Damascus Countryside")[0] == _place("التل")[0]
    assert _place("Maarat Al-Numan (Idleb)")[0] == _place("Maarat Al-Numan")[0]


def test_one_edit() -> None:
    assert _one_edit("smr", "mr") and _one_edit("hsn", "hsyn") and _one_edit("abc", "abd")
    assert not _one_edit("hsn", "hsyna") and not _one_edit("ab", "ba")


def _traits_of(rows: list[dict[str, str]]) -> list[tuple[object, ...]]:
    from mizan.linkage.engine import _columns

    return _columns(rows).traits


def test_records_of_one_list_join_only_on_their_own_pair() -> None:
    """Two namesakes of the families' list (different fathers) each linked to one UN record
    without a father's name: the UN record may join one of them, never both."""
    rows = [
        _person(first_name="سعيد", father_name="ماهر", family_name="بدوي", birth_year="1986"),
        _person(first_name="سعيد", father_name="نور الدين", family_name="بدوي", birth_year="1984"),
        _person(full_name="Said Badawi", birth_year="1985"),
    ]
    traits = _traits_of(rows)
    refuse = _cannot_link(traits, ["families", "families", "un"], direct=0.0)
    assert refuse is not None
    assert refuse(0, 1, None) and refuse(0, 1, -3.0)
    assert not refuse(0, 2, None)  # different lists
    pairs = [(0, 2, 8.0), (1, 2, 7.0)]
    owner = _average_linkage(3, pairs, -2.0)
    assert len(set(owner)) == 1  # without the lists, a third record chains them
    owner = _average_linkage(3, pairs, -2.0, refuse)
    assert owner[0] == owner[2] and owner[1] != owner[0]


def test_one_list_same_national_number_is_one_person_whatever_the_ocr() -> None:
    rows = [
        _person(first_name="سامر", family_name="رائد", national_id="08453468323"),
        _person(first_name="امر", family_name="رئد", national_id="08453468323"),
    ]
    refuse = _cannot_link(_traits_of(rows), ["ocr", "ocr"], direct=0.0)
    assert refuse is not None and not refuse(0, 1, None)


def test_link_takes_the_lists_of_the_records() -> None:
    rows = [
        _person(first_name="Ahmad", father_name="Khaled", family_name="Hamwi", birth_year="1980"),
        _person(first_name="أحمد", father_name="خالد", family_name="الحموي", birth_year="1980"),
    ]
    result = link(rows, sources=["un", "families"])
    assert result.clusters[0] == result.clusters[1]
    with pytest.raises(ValueError):
        link(rows, sources=["un"])


def test_every_level_of_the_model_has_words_for_the_reviewer() -> None:
    from mizan.linkage.model import default_model
    from mizan.missing.review.labels import LEVEL_LABELS

    labels = {
        str(level.get("label_for_charts", ""))
        for comparison in default_model().settings["comparisons"]
        for level in comparison["comparison_levels"]
        if not level.get("is_null_level")
    }
    assert labels - set(LEVEL_LABELS) == set()


def test_records_of_two_lists_born_years_apart_join_only_on_their_own_pair() -> None:
    """Set 8: «محمد مصطفى العلي» born 1991 (families) and «Muhammad Umar AL ALI» born 1973
    (asylum) met only through a third record without a birth year («محمد ابن عمر العلي»):
    two records of different lists whose years are far apart join no cluster through others;
    their own pair, strong enough, still joins them (a misread year)."""
    rows = [
        _person(first_name="محمد", father_name="مصطفى", family_name="العلي", birth_year="1991"),
        _person(full_name="Muhammad Umar AL ALI", birth_year="1973"),
        _person(full_name="محمد ابن عمر العلي"),
        _person(full_name="محمد مصطفى العلي", birth_year="1978"),
    ]
    traits = _traits_of(rows)
    refuse = _cannot_link(traits, ["families", "asylum", "transfer", "un"], direct=2.0)
    assert refuse is not None
    assert refuse(0, 1, None) and refuse(0, 1, -1.0)
    assert not refuse(0, 1, 2.5)  # their own pair says so
    assert not refuse(0, 2, None) and not refuse(1, 2, None)  # no year to contradict
    assert not refuse(1, 3, None)  # 1973 and 1978: within the years a list's ages are off
    pairs = [(0, 2, 3.0), (1, 2, 2.5), (0, 1, -6.0)]
    owner = _average_linkage(3, pairs, -2.0, refuse)
    assert owner[0] != owner[1]
