"""OCR'd names and lists without a family name (issue 15, branch `linkocr`): a letter misread in
a rare spelling, initials, scholarly transliteration, fragments glued back, places misread, a
two-word name read as name and father's name, and blocking keys that survive a misread letter."""

from __future__ import annotations

from mizan.linkage import link
from mizan.linkage.engine import score_pairs
from mizan.linkage.features import ListVocabulary, _place, record_features, record_readings
from mizan.linkage.model import OCR_LEVEL_LABEL
from mizan.text import name_keys
from mizan.text.names import parse_full_name
from tests.linkage.rows import person as _person


def _first_name_level(a: dict[str, str], b: dict[str, str]) -> tuple[str, float]:
    # The lists write the real name often; the OCR'd spelling once.
    others = [
        _person(first_name="أحمد", father_name="سامر", family_name="العلي"),
        _person(first_name="أحمد", father_name="مازن", family_name="الخطيب"),
        _person(first_name="أحمد", father_name="رامي", family_name="الحسن"),
        _person(first_name="حسن", father_name="سامر", family_name="العلي"),
        _person(first_name="حسن", father_name="مازن", family_name="الخطيب"),
        _person(first_name="حسين", father_name="رامي", family_name="الحسن"),
        _person(first_name="حسين", father_name="رامي", family_name="الحسن"),
        _person(first_name="حسين", father_name="رامي", family_name="الحسن"),
    ]
    score = score_pairs([a, b, *others], [(0, 1)])[0]
    first = next(field for field in score.fields if field.field == "first")
    return first.level, first.weight


def test_a_rare_spelling_one_letter_from_a_name_is_an_ocr_misreading_not_a_sibling() -> None:
    typed = _person(first_name="أحمد", father_name="خالد", family_name="الحلبي")
    ocr = _person(first_name="أحم", father_name="خالد", family_name="الحلبي")
    level, weight = _first_name_level(typed, ocr)
    assert level == OCR_LEVEL_LABEL
    assert weight > 0


def test_two_common_names_one_letter_apart_stay_siblings() -> None:
    one = _person(first_name="حسن", father_name="خالد", family_name="الحلبي")
    other = _person(first_name="حسين", father_name="خالد", family_name="الحلبي")
    level, weight = _first_name_level(one, other)
    assert level != OCR_LEVEL_LABEL
    assert weight < -10


def test_an_initial_is_no_name() -> None:
    features = record_features(_person(full_name="EL-YASSER Abdelrahman O."))
    assert features["father_k"] is None
    assert features["first_k"] == "".join(name_keys("Abdelrahman"))
    assert record_features(_person(first_name="Ali", father_name="M."))["father_k"] is None


def test_scholarly_transliteration_marks_keep_compounds_together() -> None:
    parts = parse_full_name("Aḥmad Muḥammad ABŪ MAḤMŪD")[0].parts
    assert parts["family_name"] == "ABŪ MAḤMŪD"
    assert parts["grandfather_name"] == ""
    parts = parse_full_name("ʿAbd al-Raḥmān Khālid al-Ḥamwī")[0].parts
    assert (parts["first_name"], parts["father_name"]) == ("ʿAbd al-Raḥmān", "Khālid")


def test_a_name_and_the_fathers_after_bint_have_no_family_name() -> None:
    parts = parse_full_name("Ghada bint Ahmad")[0].parts
    assert (parts["first_name"], parts["father_name"], parts["family_name"]) == (
        "Ghada",
        "Ahmad",
        "",
    )


def test_a_fragment_ocr_makes_often_is_glued_back_to_the_frequent_name() -> None:
    rows = [_person(full_name="محمد خالد العلي") for _ in range(40)]
    rows += [_person(full_name="مح مد سامر الحسن") for _ in range(3)]
    vocabulary = ListVocabulary.of(rows)
    assert vocabulary.count("مح") == 3
    assert vocabulary.repair("مح مد سامر الحسن") == "محمد سامر الحسن"
    # Two names the lists write apart stay apart.
    assert vocabulary.repair("محمد خالد") == "محمد خالد"


def test_a_place_meets_its_final_yaa_slip_and_its_misread_dots() -> None:
    def parts(text: str) -> set[str]:
        found = _place(text)[1]
        assert found is not None
        return set(found)

    assert parts("نوي") & parts("Nawa")
    assert parts("نوي") & parts("نوى")
    assert parts("الفصير") & parts("Al-Qusair")
    assert not parts("حمص") & parts("Hama")


def test_a_two_word_name_is_also_read_as_name_and_fathers_name() -> None:
    readings = record_readings(_person(full_name="Khaled Mahmoud"))
    fathers = [features["father_k"] for features, _odds in readings]
    assert "".join(name_keys("Mahmoud")) in fathers
    assert readings[0][0]["family_k"] == "".join(name_keys("Mahmoud"))
    assert [odds for _features, odds in readings][-1] == -2.0
    # A family name with its article is one, and a father's column stands.
    for row in (
        _person(full_name="Khaled al-Hamwi"),
        _person(full_name="Khaled Mahmoud", father_name="Ali"),
    ):
        assert -2.0 not in [odds for _features, odds in record_readings(row)]


def test_a_misread_first_and_family_name_still_meet_through_father_and_family() -> None:
    ocr = _person(
        first_name="محم", father_name="خالد", family_name="الجلبي", birth_year="1980", sex="ذكر"
    )
    latin = _person(
        first_name="Mohammad",
        father_name="Khaled",
        family_name="Halabi",
        birth_year="1980",
        sex="M",
    )
    result = link([ocr, latin], estimate_u=False)
    assert result.clusters[0] == result.clusters[1]


def test_a_mans_and_a_womans_name_are_no_u_flag_pair() -> None:
    from mizan.text.names import u_flag_pairs

    pairs = u_flag_pairs()
    assert "mhmd" in pairs  # محمد/محمود: two men's names
    assert "mn" not in pairs and "l" not in pairs  # منى/مأمون, ليلى/وائل: the sex tells them
    arabic = _person(first_name="منى", father_name="خالد", family_name="الحلبي", sex="أنثى")
    latin = _person(first_name="Mona", father_name="Khaled", family_name="Halabi", sex="F")
    first = next(f for f in score_pairs([arabic, latin], [(0, 1)])[0].fields if f.field == "first")
    assert first.weight > 0
