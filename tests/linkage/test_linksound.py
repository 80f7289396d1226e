"""Names written as said, short vowels included (issue 15, branch `linksound`; set 15): a camp's
registration typed on a Sorani keyboard writes given names in Kurdish orthography — the short
vowels written (حوسەین, عومەر, یووسوف), the emphatics said plain (سالح, مونزر), a final alef for
ى (مستەفا, بوشرا), Abdul- and Allah as said (عەبدولکەریم, عەبدوڵڵا). Read back, where the lists
write the name far more often, as the lists write it."""

from __future__ import annotations

from mizan.linkage.features import (
    SOUND_WORD_MAX,
    SPEECH_LIST,
    ListVocabulary,
    _sound_reading,
    _sound_variants,
    mark_speech_lists,
    record_readings,
)
from mizan.text.normalise import sorani_as_arabic
from tests.linkage.rows import person

_TYPED = (
    "محمد حسين الخطيب",
    "عمر يوسف المصري",
    "مصطفى عبد الكريم حاجي",
    "بشرى عبد الله ملا",
    "صالح منذر الحسن",
    "علي سعيد العلي",
    "علا سعد حسو",
    "حسن سعد ديركي",
)
_CAMP = (
    "محەمەد حوسەین الخطیب",
    "عومەر یووسوف المصری",
    "مستەفا عەبدولکەریم حاجی",
    "بوشرا عەبدوڵڵا ملا",
    "سالح مونزر الحسن",
)


def _lists() -> tuple[list[dict[str, str]], list[str]]:
    """A register typed in Arabic spelling, each name thirty times, and a camp's list typed on a
    Sorani keyboard (read as Arabic letters, as ``lists._read_cell`` does), each name twice."""
    typed = [person(full_name=name) for name in _TYPED for _ in range(30)]
    camp = [person(full_name=sorani_as_arabic(name)) for name in _CAMP for _ in range(2)]
    return [*typed, *camp], ["register"] * len(typed) + ["camp"] * len(camp)


def test_a_list_that_writes_short_vowels_is_marked_and_its_names_read_back() -> None:
    records, sources = _lists()
    marked = mark_speech_lists(records, sources)
    assert [bool(r.get(SPEECH_LIST)) for r in marked] == [s == "camp" for s in sources]
    vocabulary = ListVocabulary.of(marked)
    assert vocabulary.sounds("حوسين") == "حسين"  # the nearest name, not حسن
    assert vocabulary.sounds("عومر") == "عمر"
    assert vocabulary.sounds("يووسوف") == "يوسف"
    assert vocabulary.sounds("سالح") == "صالح"
    assert vocabulary.sounds("مونزر") == "منذر"
    assert vocabulary.sounds("مستفا") == "مصطفي"
    assert vocabulary.sounds("بوشرا") == "بشري"
    assert vocabulary.sounds("عبدولكريم") == "عبدالكريم"
    assert vocabulary.sounds("عبدوللا") == "عبدالله"
    # The camp's record compares as the register's does.
    camp = {**person(full_name=sorani_as_arabic("عومەر یووسوف المصری")), SPEECH_LIST: "1"}
    features = record_readings(camp, vocabulary)[0][0]
    typed = record_readings(person(full_name="عمر يوسف المصري"), vocabulary)[0][0]
    for part in ("first", "father", "family"):
        assert features[f"{part}_rasm"] == typed[f"{part}_rasm"], part


def test_real_names_stay_themselves() -> None:
    records, sources = _lists()
    vocabulary = ListVocabulary.of(mark_speech_lists(records, sources))
    # A final alef is ى only where the lists write the name so: علا is no علي.
    assert vocabulary.sounds("علا") == "علا"
    # A name the other lists write keeps its long vowel (سعيد is no سعد), as does حسين (حسن).
    assert vocabulary.sounds("سعيد") == "سعيد"
    assert vocabulary.sounds("حسين") == "حسين"


def test_the_nearest_reading_is_taken_first() -> None:
    counts = {"حسين": 40, "حسن": 400}
    assert _sound_reading("حوسين", counts) == "حسين"
    assert _sound_reading("حوسن", counts) == "حسن"
    # Two letters apart: the vowel and the emphatic said plain.
    assert _sound_reading("مونزر", {"منذر": 30}) == "منذر"
    # Not far more often than the word as written: no reading.
    assert _sound_reading("حوسين", {"حوسين": 10, "حسين": 40}) is None


def test_a_long_vowel_arabic_writes_too_is_no_short_one() -> None:
    counts = {"عبد": 500, "حسن": 500, "السيد": 500, "سعد": 500, "بكر": 500}
    # عبّود, حسّون, بكّور, عبيد, سعيد, السويد are names of their own, not عبد, حسن, السيد …
    for word in ("عبود", "حسون", "بكور", "عبيد", "سعيد", "السويد"):
        assert _sound_reading(word, counts) is None, word
    # … while a short vowel in the first syllable, a doubled one, and Abdul- are read.
    assert _sound_reading("حوسن", counts) == "حسن"
    assert _sound_reading("عووبد", counts) == "عبد"
    assert _sound_reading("عبدولسيد", {"السيد": 40}) == "عبدالسيد"


def test_readings_stay_few_however_long_the_word() -> None:
    word = "يوسوفيوسوفيوسو"[:SOUND_WORD_MAX]
    once, twice = _sound_variants(word)
    places = len(word) * 2
    assert len(once) <= places and len(twice) <= places * places // 2
