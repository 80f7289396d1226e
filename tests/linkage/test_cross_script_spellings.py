"""Arabic ↔ Latin pairs that lists written elsewhere showed lost (issue 15, branch `linkscript`):
transliteration habits the key read as other letters, an Arabic family name that opens with
العبد, and first and family names a vowel marker apart that no blocking rule put together."""

from __future__ import annotations

import pytest

from mizan.linkage.engine import link
from mizan.linkage.features import (
    GERMANIC_SOME,
    mark_germanic_lists,
    record_features,
    record_readings,
)
from mizan.linkage.model import CROSS_SCRIPT_BLOCKING_SQL, blocking_rules
from mizan.text import name_keys
from tests.linkage.rows import person as _person


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        # Levantine ث said and written s.
        ("Osman", "عثمان"),
        ("Osmane", "عثمان"),
        ("Haysam", "هيثم"),
        ("Heisam", "هيثم"),
        ("Saer", "ثائر"),
        ("Ghiyas", "غياث"),
        ("Kawsar", "كوثر"),
        # French and Maghrebi إبراهيم without its first vowel.
        ("Brahim", "ابراهيم"),
        # طه's final ه is a consonant Latin writes.
        ("Taha", "طه"),
        ("Taha Yassin", "طه ياسين"),
        # A doubled digraph written by repeating its h.
        ("Bachhar", "بشار"),
        ("KHADHHAR", "خضار"),
        ("Daghhoum", "دغوم"),
        # Kurmanji and Turkish ʿAbd with an e.
        ("Ebdulrehman", "عبد الرحمن"),
        ("Ebdullah", "عبد الله"),
        # Allah's l written once after Abdul/Abdel.
        ("Abdulah", "عبد الله"),
        ("Abdelah", "عبدالله"),
        # العبد opens a compound family name.
        ("Al-Abdallah", "العبد الله"),
    ],
)
def test_latin_spellings_of_these_habits_share_the_arabic_key(latin: str, arabic: str) -> None:
    assert name_keys(latin) == name_keys(arabic)


def test_the_listed_and_doubled_spellings_leave_other_names_alone() -> None:
    # Samer is سامر, not ثامر; Sanaa سناء.
    assert name_keys("Samer") == name_keys("سامر") != name_keys("ثامر")
    # Taa marbuta and a final ه after a longer word are still dropped.
    assert name_keys("Fatima") == name_keys("فاطمة")
    assert name_keys("Abdullah") == name_keys("عبد الله") == name_keys("عبدالله")
    # h after a consonant of its own is still a letter: دهان "Dahhan", فتحي "Fathi".
    assert name_keys("Dahhan") == name_keys("دهان")
    assert name_keys("Fathi") == name_keys("فتحي")


def test_a_full_name_ending_in_al_abd_allah_reads_it_as_the_family_name() -> None:
    full = record_features(_person(full_name="محمد سعيد العبد الله"))
    assert (full["first_k"], full["father_k"], full["family_k"]) == ("mhmd", "sd", "abdl")
    latin = record_readings(_person(full_name="AL-ABDALLAH, Mohammad Said"))[0][0]
    assert latin["family_k"] == full["family_k"]


def test_first_and_family_a_vowel_marker_apart_are_blocked_across_scripts() -> None:
    rules = [rule["blocking_rule"] for rule in blocking_rules()]
    assert all(sql in rules for sql in CROSS_SCRIPT_BLOCKING_SQL)
    # Mouna/منى: the Latin o raises the u flag that the Arabic has no و for; Halid/خالد: a
    # Turkish h for خ; Muadh/معاذ: an English dh for ذ. Neither pair gives what the other rules
    # need (a birth year on both sides, a father's name on both).
    arabic = _person(first_name="منى", family_name="الزعبي", mother_name="فاطمة",
                     sex="أنثى", birth_year="1980", birth_place="درعا")  # fmt: skip
    latin = _person(full_name="Mouna ZOUBI", mother_name="Fatima", sex="F", birth_place="Deraa")
    assert name_keys("Mouna")[0] != name_keys("منى")[0]
    turkish = _person(full_name="HALİD EL HAMEVİ", birth_place="HUMUS", sex="E")
    arabic_2 = _person(first_name="خالد", family_name="الحموي", birth_year="1975",
                       birth_place="حمص", sex="ذكر")  # fmt: skip
    english = _person(full_name="Muadh RABIE", birth_place="Hama", sex="M")
    arabic_3 = _person(first_name="معاذ", family_name="ربيع", birth_year="1990",
                       birth_place="حماة", sex="ذكر")  # fmt: skip
    others = [_person(first_name=name, family_name="العلي") for name in ("سامر", "باسل", "رامي")]
    records = [arabic, latin, turkish, arabic_2, english, arabic_3, *others]
    clusters = link(records, threshold=0.5).clusters
    assert clusters[0] == clusters[1]
    assert clusters[2] == clusters[3]
    assert clusters[4] == clusters[5]
    assert len({clusters[0], clusters[2], clusters[4]}) == 3


def test_the_vowel_marker_rule_keeps_the_u_flag_that_tells_two_names_apart() -> None:
    # "Mohammed AL-HOMSI" is not محمود الحمصي: the u flag is the only letter between them.
    latin = _person(full_name="Mohammed AL-HOMSI", sex="M", birth_place="Damascus")
    arabic = _person(full_name="محمود الحمصي", sex="ذكر", birth_year="1980", birth_place="دمشق")
    others = [_person(first_name=name, family_name="العلي") for name in ("سامر", "باسل", "رامي")]
    clusters = link([latin, arabic, *others], threshold=0.5).clusters
    assert clusters[0] != clusters[1]


def test_the_vowel_marker_rule_pairs_no_two_records_of_one_script() -> None:
    # Two Arabic spellings a و apart are different letters (محمد/محمود), compared by their own
    # rules; this one is for a Latin record against an Arabic one only.
    latin_left, latin_right = CROSS_SCRIPT_BLOCKING_SQL
    assert 'l."first_rasm" IS NULL' in latin_left and 'r."first_rasm" IS NOT NULL' in latin_left
    assert 'r."first_rasm" IS NULL' in latin_right and 'l."first_rasm" IS NOT NULL' in latin_right


def test_a_list_with_one_record_in_a_hundred_in_german_spelling_reads_the_others_both_ways() -> (
    None
):
    german = [_person(full_name="Khadidscha AL-SCHAMI")] * 2
    english = [_person(full_name="Jasir AL-SAMIN")] * 98
    records = mark_germanic_lists([*german, *english], ["ngo"] * 100)
    assert records[-1][GERMANIC_SOME]
    keys = {f["first_k"] for f, _odds in record_readings(records[-1])}
    assert name_keys("ياسر")[0] in keys


def test_a_latin_name_of_first_and_father_only_meets_the_arabic_record() -> None:
    from mizan.linkage.model import BLOCKING_WITHOUT, _blocking_sql

    assert BLOCKING_WITHOUT[("first_k", "father_k")] == "family_k"
    rules = [rule["blocking_rule"] for rule in blocking_rules()]
    # One rule per side lacking the family name, so that the join stays small.
    assert _blocking_sql(("first_k", "father_k"), lacking="l") in rules
    assert _blocking_sql(("first_k", "father_k"), lacking="r") in rules
    # "Salih Faysal" (a UN list without family names) is صالح فيصل السيد; the Latin record has no
    # birth year, the Arabic one no sex: no other rule pairs them.
    arabic = _person(first_name="صالح", father_name="فيصل", family_name="السيد",
                     mother_name="رهف", birth_place="حمص", date_of_arrest="08/02/2013")  # fmt: skip
    latin = _person(full_name="Salih Faysal", sex="M", birth_place="Homs",
                    date_of_arrest="2013-02")  # fmt: skip
    others = [_person(first_name=name, family_name="العلي") for name in ("سامر", "باسل", "رامي")]
    clusters = link([arabic, latin, *others], threshold=0.5).clusters
    assert clusters[0] == clusters[1]


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [
        ("Sbeineh Camp", "مخيم السبينة"),
        ("Neirab Camp", "مخيم النيرب"),
        ("Yarmouk camp", "مخيم اليرموك"),
        ("Camp Neirab, Aleppo", "مخيّم النيرب - حلب"),
    ],
)
def test_a_camp_is_the_place_the_camp_word_names(latin: str, arabic: str) -> None:
    # "Camp" and مخيم say what kind of place a part is, as "Governorate" and محافظة do.
    one = record_features(_person(full_name="Ahmad", birth_place=latin))
    other = record_features(_person(full_name="أحمد", birth_place=arabic))
    assert one["birth_place_k"] == other["birth_place_k"]
    assert set(one["birth_place_parts"]) & set(other["birth_place_parts"])
