"""Families' voice messages transcribed by speech-to-text (issue 15, branch `linkvoice`; set 13):
the name said after «أخي», «ابني», «المغيب»; the family said as «من بيت/عيلة/دار/آل X»; the
letters Damascene and Levantine speech says otherwise (ق as a glottal stop, ث as س or ت, the
emphatics and pharyngeals heard plain: مهمد, الختيب, امر) read back where the lists write the
name far more often, in a list that writes names so; and an age given with the message's date
that may be the age at the arrest. Synthetic people only."""

from __future__ import annotations

from mizan.linkage.features import (
    ARREST_SPAN,
    EITHER_DATE_AGES,
    SPEECH_LIST,
    ListVocabulary,
    mark_either_date_ages,
    mark_speech_lists,
    record_readings,
)
from mizan.linkage.lists import AGE_COLUMN, AGE_YEAR_COLUMN
from mizan.linkage.recollection import recollected_rows
from mizan.text.names import HOUSE_OF_FAMILY, parse_full_name
from tests.linkage.rows import person


def _parts(full_name: str, **values: str) -> dict[str, str]:
    _features, _odds, parts = record_readings(
        {**person(full_name=full_name), **values}, None, with_parts=True
    )[0]
    return {part: name for part, name in parts.items() if name}


def test_the_house_said_after_the_names_is_the_family_name() -> None:
    reading = parse_full_name("طارق محمد من بيت الشربجي")[0]
    assert reading.form == HOUSE_OF_FAMILY
    assert reading.parts["first_name"] == "طارق"
    assert reading.parts["father_name"] == "محمد"
    assert reading.parts["family_name"] == "الشربجي"
    assert _parts("حسين ابن جمال من عيلة المصري") == {
        "first": "حسين",
        "father": "جمال",
        "family": "المصري",
    }
    assert _parts("ادنان من دار حكيم") == {"first": "ادنان", "family": "حكيم"}
    assert _parts("محمد علي من آل الشيخ")["family"] == "الشيخ"


def test_the_house_is_no_town_but_a_town_still_is() -> None:
    # «من بيت …» names the family: no reading puts it in the birth place instead of the name.
    assert recollected_rows(person(full_name="طارق محمد من بيت الشربجي")) == []
    # A remembered name's town stays a town (``recollection``).
    rows = recollected_rows(person(full_name="خالد الطويل من داريا"))
    assert rows and rows[0][0]["birth_place"] == "داريا"


def test_a_relative_said_before_the_name_is_no_name() -> None:
    assert _parts("اخي محمد غسان حسين المصري") == {
        "first": "محمد",
        "father": "غسان",
        "grandfather": "حسين",
        "family": "المصري",
    }
    assert _parts("ابني احمد محمد الخطيب")["first"] == "احمد"
    assert _parts("أختي نور الخطيب") == {"first": "نور", "family": "الخطيب"}
    assert _parts("المغيب عمر المصري") == {"first": "عمر", "family": "المصري"}


def _lists(heard: int, messages: int = 20) -> tuple[list[dict[str, str]], list[str]]:
    """A typed register that writes محمد and الخطيب, and a sheet of ``messages`` voice messages
    of which ``heard`` write a name as speech says it."""
    typed = [person(first_name="محمد", family_name="الخطيب") for _ in range(30)]
    typed += [person(first_name="عمر", family_name="المصري") for _ in range(30)]
    said = ["مهمد الختيب" if index < heard else "محمد الخطيب" for index in range(messages)]
    voice = [person(full_name=name) for name in said]
    return [*typed, *voice], ["register"] * len(typed) + ["voice"] * len(voice)


def test_a_list_that_writes_names_as_said_is_marked_and_a_typed_one_is_not() -> None:
    records, sources = _lists(heard=4)
    marked = mark_speech_lists(records, sources)
    voice = [bool(record.get(SPEECH_LIST)) for record in marked]
    assert voice == [source == "voice" for source in sources]
    # One name in sixty is a typing slip, not speech: nothing is marked.
    records, sources = _lists(heard=1, messages=60)
    assert not any(record.get(SPEECH_LIST) for record in mark_speech_lists(records, sources))


def test_a_name_as_said_is_read_as_the_lists_write_it() -> None:
    records, sources = _lists(heard=4)
    # Marked first, as the engine does: the voice list's own مهمد is no name of the lists.
    vocabulary = ListVocabulary.of(mark_speech_lists(records, sources))
    assert vocabulary.sounds("مهمد") == "محمد"
    assert vocabulary.sounds("الختيب") == "الخطيب"
    assert vocabulary.sounds("امر") == "عمر"
    # A name the lists write as often as its neighbour stays itself; so does a joiner.
    assert vocabulary.sounds("محمد") == "محمد"
    assert vocabulary.sounds("ابو") == "ابو"
    said = {**person(full_name="مهمد الختيب"), SPEECH_LIST: "1"}
    features = record_readings(said, vocabulary)[0][0]
    typed = record_readings(person(first_name="محمد", family_name="الخطيب"), vocabulary)[0][0]
    assert features["first_rasm"] == typed["first_rasm"]
    assert features["family_rasm"] == typed["family_rasm"]
    # … only in a list that writes names as said.
    unmarked = record_readings(person(full_name="مهمد الختيب"), vocabulary)[0][0]
    assert unmarked["first_rasm"] != typed["first_rasm"]


def _message(age: str, posted: str, arrested: str) -> dict[str, str]:
    return {
        **person(full_name="محمد الخطيب", date_of_arrest=arrested),
        AGE_COLUMN: age,
        AGE_YEAR_COLUMN: posted,
    }


def test_ages_at_either_date_are_told_by_the_list() -> None:
    # Messages of 2022 about arrests of 2012: some ages (12, 13) only fit at the arrest.
    voice = [_message(str(age), "2022-05-01", "2012") for age in (12, 13, *range(30, 48))]
    posts = [_message(str(age), "2022-05-01", "2012") for age in range(30, 50)]
    records, sources = [*voice, *posts], ["voice"] * 20 + ["posts"] * 20
    marked = mark_either_date_ages(records, sources)
    assert [bool(r.get(EITHER_DATE_AGES)) for r in marked] == [s == "voice" for s in sources]
    either = record_readings(marked[5], None)[0][0]
    # «33» in 2022 about 2012: born 1979 (at the arrest) or up to ten years later.
    assert either["birth_year"] == 2012 - 33
    assert either["birth_year_late"]
    at_post = record_readings(marked[25], None)[0][0]
    assert at_post["birth_year"] == 2022 - 35  # «35» at the post
    assert not at_post["birth_year_late"]
    # An undated arrest in such a list: as early as the list's years of arrest allow.
    undated = {**marked[5], "date_of_arrest": "", ARREST_SPAN: "2011-2016"}
    either = record_readings(undated, None)[0][0]
    assert either["birth_year"] == 2011 - 33
    assert either["birth_year_late"]
