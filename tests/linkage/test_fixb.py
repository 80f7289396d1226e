"""Review fixes to the newest linkage code (issue 15): sound readings of long words, «من بيت X»
after a family name, sound and dots readings by role, ages at either date, relative words."""

from __future__ import annotations

import time

from mizan.linkage.features import (
    EITHER_DATE_AGES,
    SPEECH_LIST,
    ListVocabulary,
    _sound_reading,
    mark_speech_lists,
    record_readings,
)
from mizan.linkage.lists import AGE_COLUMN, AGE_YEAR_COLUMN
from mizan.text.names import HOUSE_OF_FAMILY, drop_titles, parse_full_name
from mizan.text.translit import name_keys


def test_a_very_long_word_is_not_read_by_sound_and_marking_stays_fast() -> None:
    # Its readings of two letters grew with the square of its length: 1.6 GB, seconds.
    word = "اسد" * 200
    records = [{"full_name": "محمد احمد"}] * 50 + [{"full_name": word}]
    start = time.perf_counter()
    mark_speech_lists(records, ["a"] * len(records))
    assert _sound_reading(word[:-3] + "سعد", {"اسد": 100}) is None
    assert time.perf_counter() - start < 0.5


def test_house_of_after_a_family_name_is_a_town_and_after_given_names_the_family() -> None:
    # بيت جن is a town (Beit Jinn): after الخطيب, the family name is الخطيب.
    readings = parse_full_name("محمد أحمد الخطيب من بيت جن")
    assert readings[0].parts["family_name"] != "جن"
    assert readings[-1].form == HOUSE_OF_FAMILY and readings[-1].parts["family_name"] == "جن"
    first = record_readings({"full_name": "محمد أحمد الخطيب من بيت جن"}, None, with_parts=True)
    assert first[0][2]["family"] == "الخطيب" and first[0][2]["father"] == "أحمد"
    assert first[0][0]["birth_place_k"]
    # After a first and a father's name, «من بيت» gives the family name.
    house = parse_full_name("محمد خالد من بيت الخطيب")
    assert house[0].form == HOUSE_OF_FAMILY and house[0].parts["family_name"] == "الخطيب"


def test_sound_and_dots_readings_keep_names_the_lists_write_and_read_by_role() -> None:
    typed = (
        [{"first_name": "محمد", "father_name": "أحمد", "family_name": "حلاق"}] * 40
        + [{"first_name": "ثامر", "father_name": "خالد", "family_name": "العلي"}] * 40
        + [{"first_name": "سامر", "father_name": "خالد", "family_name": "العلي"}] * 3
        + [{"first_name": "بشار", "father_name": "خالد", "family_name": "الحسن"}] * 40
        + [{"first_name": "يسار", "father_name": "خالد", "family_name": "الحسن"}] * 3
    )
    # A speech list's own misreading, however often it writes it, is still read back.
    spoken = [{"full_name": "مهمد خالد العلي", SPEECH_LIST: "1"}] * 5
    voc = ListVocabulary.of(typed + spoken)
    assert voc.sounds("سامر") == "سامر"
    assert voc.sounds("مهمد") == "محمد"
    assert voc.sounds("حلا", ListVocabulary.GIVEN) == "حلا"
    assert voc.dots_reading("يسار") == "يسار"
    row = {"first_name": "حلا", "father_name": "سامر", "family_name": "الخطيب", SPEECH_LIST: "1"}
    parts = record_readings(row, voc, with_parts=True)[0][2]
    assert (parts["first"], parts["father"]) == ("حلا", "سامر")


def test_an_age_at_either_date_is_read_at_the_arrest_only_within_the_late_window() -> None:
    row = {
        "first_name": "محمد",
        "family_name": "الحسن",
        "date_of_arrest": "1982",
        AGE_YEAR_COLUMN: "2024",
        AGE_COLUMN: "62",
        EITHER_DATE_AGES: "1",
    }
    features = record_readings(row, None)[0][0]
    assert features["birth_year"] == 1962 and not features["birth_year_late"]
    # Within it, as before: a message of 2022 about 2013, «35», born 1978 or up to 1987.
    near = {**row, "date_of_arrest": "2013", AGE_YEAR_COLUMN: "2022", AGE_COLUMN: "35"}
    features = record_readings(near, None)[0][0]
    assert features["birth_year"] == 1978 and features["birth_year_late"]


def test_ubayy_is_a_given_name_in_a_cell_and_my_father_before_a_name() -> None:
    # أُبي (Ubayy) is a given name: a first-name cell «أبي» keeps its key, titles keep it.
    assert drop_titles("أبي محمد الخطيب") == "أبي محمد الخطيب"
    assert name_keys("أبي") != []
    row = {"first_name": "أبي", "father_name": "محمد", "family_name": "الخطيب"}
    features = record_readings(row, None)[0][0]
    assert features["first_k"]
    # A family's message «أبي ياسر الحلاق» is still "my father Yaser al-Hallaq".
    parts = record_readings({"full_name": "ابي ياسر الحلاق"}, None, with_parts=True)[0][2]
    assert (parts["first"], parts["family"]) == ("ياسر", "الحلاق")
    # The spoken relative's words still go.
    assert drop_titles("أبوي محمد الخطيب") == "محمد الخطيب"
    assert drop_titles("أخي محمد الخطيب") == "محمد الخطيب"
