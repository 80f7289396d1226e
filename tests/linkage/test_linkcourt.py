"""A Sharia court's cases of absence and death and a civil registry's extracts (issue 15, set
14's Idlib court): Hijri dates compared with Gregorian ones, the court's words before the name,
the registry entry written as the place of birth. Synthetic names only."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from mizan.linkage import link, score_pair
from mizan.linkage import model as model_module
from mizan.linkage.features import record_features
from tests.linkage.rows import person


def _court(**values: str) -> dict[str, str]:
    return person(
        first_name=values.pop("first_name", "الغائب المفقود حسام"),
        father_name="أحمد",
        grandfather_name="محمد",
        family_name="الحريري",
        mother_name="منى بنت خالد",
        sex="ذكر",
        **values,
    )


def _level(a: dict[str, str], b: dict[str, str], field: str) -> str:
    return next(f.level for f in score_pair(a, b).fields if f.field == field)


def test_the_courts_words_are_not_the_first_name() -> None:
    court = record_features(_court())
    plain = record_features(person(first_name="حسام", family_name="الحريري"))
    for kind in ("n", "k", "rasm"):
        assert court[f"first_{kind}"] == plain[f"first_{kind}"]
    # «منى بنت خالد»: her first name and her father's; خالد is not her family name.
    assert court["mother_k"] == record_features(person(mother_name="منى"))["mother_k"]


@pytest.mark.parametrize("full", ["الغائب حسام أحمد الحريري", "المدعى غيابه حسام أحمد الحريري"])
def test_the_courts_words_before_a_full_name_are_set_aside(full: str) -> None:
    features = record_features(person(full_name=full))
    plain = record_features(person(full_name="حسام أحمد الحريري"))
    for part in ("first", "father", "family"):
        assert features[f"{part}_k"] == plain[f"{part}_k"]


def test_a_hijri_date_of_arrest_is_its_gregorian_month() -> None:
    court = _court(date_of_arrest="١٢/٥/١٤٣٤ هـ")
    features = record_features(court)
    assert (features["arrest_year"], features["arrest_month"]) == (2013, "2013-03")
    assert features["arrest_approx"] is None
    # The same arrest in the other calendar is the same month.
    other = person(full_name="حسام أحمد الحريري", date_of_arrest="24/3/2013")
    assert _level(court, other, "date_of_arrest") == "same month"


def test_a_list_that_dates_in_hijri_reads_its_dates_without_the_mark() -> None:
    from mizan.linkage.engine import mark_lists

    court = [_court(date_of_arrest=f"{day}/5/1434 هـ") for day in range(1, 11)]
    court.append(_court(date_of_arrest="12/5/1434"))
    # A register whose OCR made 1421 of 1971 has no Hijri date: no year, not 2000.
    register = [person(full_name="حسام أحمد الحريري", birth_year="01/07/1421")] * 10
    marked = mark_lists([*court, *register], ["court"] * 11 + ["register"] * 10)
    features = record_features(marked[10])
    assert (features["arrest_year"], features["arrest_month"]) == (2013, "2013-03")
    assert record_features(marked[11])["birth_year"] is None
    assert record_features(court[10])["arrest_month"] is None


def test_a_hijri_year_of_arrest_alone_may_be_a_year_off() -> None:
    # 1434 ran from November 2012 to November 2013: read as 2013, and 2012 is no evidence against.
    features = record_features(_court(date_of_arrest="1434 هـ"))
    assert (features["arrest_year"], features["arrest_approx"]) == (2013, True)


@pytest.mark.parametrize(
    ("gregorian", "level"),
    [
        ("1984", model_module.YEAR_HIJRI_LABEL),
        ("1985", model_module.YEAR_HIJRI_LABEL),
        ("1983", model_module.YEAR_HIJRI_NEAR_LABEL),
        ("1986", model_module.YEAR_HIJRI_NEAR_LABEL),
        ("1990", "more than three years apart"),
    ],
)
def test_a_hijri_year_of_birth_meets_both_gregorian_years_it_spans(
    gregorian: str, level: str
) -> None:
    # 1405 هـ ran from September 1984 to September 1985: a birth in either year.
    court = _court(birth_year="١٤٠٥ هـ")
    other = person(full_name="حسام أحمد الحريري", birth_year=gregorian)
    assert _level(court, other, "birth_year") == level
    # Two Hijri years compare as years.
    assert _level(court, _court(birth_year="1405 هـ"), "birth_year") == "same year"


def test_the_hijri_levels_survive_a_retrain() -> None:
    # A retrain starts from build_settings(); its fixed levels must be the shipped model's.
    shipped = json.loads(resources.files("mizan.linkage").joinpath("model.json").read_text())
    labels = (model_module.YEAR_HIJRI_LABEL, model_module.YEAR_HIJRI_NEAR_LABEL)

    def levels(settings: dict[str, object]) -> list[object]:
        return [
            (level["sql_condition"], level["m_probability"], level["u_probability"])
            for comparison in settings["comparisons"]  # type: ignore[attr-defined]
            for level in comparison["comparison_levels"]
            if level.get("label_for_charts") in labels
        ]

    assert len(levels(shipped["settings"])) == 2
    assert levels(model_module.build_settings()) == levels(shipped["settings"])


@pytest.mark.parametrize(
    "place", ["قيد كفرنبل 123", "قيد كفرنبل ١٢٣", "محل ورقم القيد: كفرنبل 123", "القيد: كفرنبل/123"]
)
def test_a_registry_entry_is_its_town(place: str) -> None:
    features = record_features(_court(birth_place=place))
    town = record_features(person(birth_place="كفرنبل"))
    assert features["birth_place_k"] == town["birth_place_k"]
    # The registry town is the father's home town, not always the birth place: where it differs
    # from a place of birth it is no evidence against.
    other = person(full_name="حسام أحمد الحريري", birth_place="سراقب")
    assert _level(_court(birth_place=place), other, "birth_place") != "different"


def test_a_town_named_like_the_word_is_a_town() -> None:
    assert record_features(person(birth_place="قيدون"))["birth_place_wide"] is not True


def test_a_court_case_and_a_branch_register_of_one_man_are_linked() -> None:
    records = [
        _court(
            record_id="م.ش/سرمدا/00001",
            birth_year="1405 هـ",
            birth_place="قيد درعا 360",
            date_of_arrest="١٢/٥/١٤٣٤ هـ",
        ),
        person(
            record_id="215-2013-00001",
            full_name="حسام أحمد الحريري",
            mother_name="منى",
            birth_year="1985",
            birth_place="درعا",
            date_of_arrest="2013/3/24",
        ),
        person(
            record_id="215-2013-00002",
            full_name="عمر أحمد الحريري",
            mother_name="منى",
            birth_year="1988",
            birth_place="درعا",
            date_of_arrest="2013/3/24",
        ),
    ]
    clusters = link(records, sources=["court", "branch", "branch"]).clusters
    assert clusters[0] == clusters[1] != clusters[2]
