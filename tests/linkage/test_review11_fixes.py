"""The read-only review of this session's linkage change (review11): each defect, as a test."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mizan.linkage import link, score_pairs
from mizan.linkage import model as model_module
from mizan.linkage.features import at_border, record_features
from mizan.linkage.problems import record_problems
from mizan.text.dates import spreadsheet_day_date
from tests.linkage.rows import person


def test_a_year_typed_with_a_digit_too_many_is_no_day_number() -> None:
    assert spreadsheet_day_date("41171") == "2012-09-19"
    for typo in ("20133", "20123", "19850"):
        assert spreadsheet_day_date(typo) is None
    row = person(first_name="أحمد", date_of_arrest="20133")
    assert record_features(row)["arrest_year"] != 1955
    assert "arrest_date_day_number" not in [p.code for p in record_problems(row)]


def _women(first: str, father: str, families: tuple[str, str], **more: str) -> list[dict[str, str]]:
    common = {"first_name": first, "father_name": father, "birth_year": "1980", **more}
    return [person(record_id=str(n), family_name=f, **common) for n, f in enumerate(families)]


def test_two_arabic_namesake_women_of_one_list_stay_two() -> None:
    # In Arabic a woman keeps her father's family name: two family names are two women.
    women = _women("فاطمة", "محمد", ("العلي", "الحسن"), sex="F", mother_name="خديجة")
    assert len(set(link(women, sources=["x", "x"]).clusters)) == 2


def test_a_man_and_a_woman_are_never_joined_by_a_married_name() -> None:
    common = {"first_name": "Ahmad", "father_name": "Mohammad", "birth_year": "1980"}
    records = [
        person(record_id="1", family_name="Al-Ali", sex="M", **common),
        person(record_id="2", family_name="Al-Hasan", sex="F", **common),
    ]
    assert len(set(link(records, sources=["x", "x"]).clusters)) == 2


def test_a_wife_under_her_husbands_name_in_a_latin_file_still_joins() -> None:
    women = _women("Fatima", "Mohammad", ("Al-Ali", "Al-Hasan"), sex="F", mother_name="Khadija")
    assert len(set(link(women, sources=["x", "x"]).clusters)) == 1


@pytest.mark.parametrize(
    ("place", "border"),
    [
        ("مطار المزة العسكري", False),
        ("Mezzeh airport", False),
        ("مطار حماة العسكري", False),
        ("مطار المزة", False),
        ("بلدة نصيب", False),
        ("المصنع", False),
        ("Damascus airport", True),
        ("مطار دمشق الدولي", True),
        ("معبر نصيب", True),
        ("معبر المصنع", True),
        ("MASNAA", True),
        ("على الحدود اللبنانية", True),
    ],
)
def test_a_military_airport_or_a_village_is_no_border(place: str, border: bool) -> None:
    assert at_border(place) is border


@pytest.mark.parametrize(
    ("written", "year", "code"),
    [
        ("27", 1987, "birth_year_age"),
        ("42 سنة", 1972, "birth_year_age"),
        ("03", None, "birth_year_unreadable"),  # a year of two digits, never an age
        ("0", None, "birth_year_unreadable"),
        ("00", None, "birth_year_unreadable"),
    ],
)
def test_an_age_under_the_year_of_birth_is_read_and_flagged_alike(
    written: str, year: int | None, code: str
) -> None:
    row = person(first_name="أحمد", birth_year=written, date_of_arrest="2014-03-01")
    assert record_features(row)["birth_year"] == year
    assert [p.code for p in record_problems(row)] == [code]


def _return_levels(settings: dict[str, object]) -> list[float]:
    return [
        level["m_probability"]
        for comparison in settings["comparisons"]  # type: ignore[attr-defined]
        for level in comparison["comparison_levels"]
        if level.get("label_for_charts") == model_module.ARREST_RETURN_LABEL
    ]


def test_the_return_arrest_weight_survives_a_retrain() -> None:
    # A retrain starts from build_settings(); its fixed level must be the shipped model's.
    shipped = json.loads(resources.files("mizan.linkage").joinpath("model.json").read_text())
    assert _return_levels(model_module.build_settings()) == _return_levels(shipped["settings"])
    assert pytest.approx(0.125) == model_module.ARREST_RETURN_M


def test_the_review_weighs_a_less_likely_reading_as_link_did() -> None:
    def record(n: int, **values: str) -> dict[str, str]:
        return person(record_id=str(n), **values)

    records = [
        # A Nordic office's list: a given name alone in the family cell is the father's.
        record(1, first_name="Chalid", family_name="Mahmoud", birth_year="1985", sex="K"),
        record(2, first_name="Rijad", family_name="Ahmad", birth_year="1990", sex="M"),
        record(3, first_name="Jousef", family_name="Al-Halabi", birth_year="1978", sex="M"),
        record(4, first_name="Samir", family_name="Hassan", birth_year="1982", sex="M"),
        record(5, first_name="سمير", father_name="حسن", family_name="العمر", birth_year="1982"),
        record(
            6, first_name="Samir", father_name="Hasan", family_name="Al-Omar", birth_year="1982"
        ),
    ]
    sources = ["nordic"] * 4 + ["arabic", "latin"]
    result = link(records, sources=sources, keep_pairs_above=1e-6)
    pairs = [(p.left, p.right) for p in result.pairs]
    scores = score_pairs(
        records,
        pairs,
        sources=sources,
        term_frequencies=result.term_frequencies,
        population=len(records),
    )
    read_otherwise = 0
    for linked, scored in zip(result.pairs, scores, strict=True):
        assert scored.match_weight == pytest.approx(linked.match_weight, abs=1e-6)
        assert scored.match_weight == pytest.approx(
            scored.prior_weight + sum(item.weight for item in scored.fields), abs=0.01
        )
        read_otherwise += any(item.field == "reading" for item in scored.fields)
    assert read_otherwise  # Samir | — | Hassan met as the son of Hasan
