"""Tests for mizan.text.translit: cross-script name keys, worked examples then properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mizan.text import cross_script_match, name_key, name_keys

# Each group is one name; every spelling in it must give the same key. The first groups are the
# ones the search page promises; the rest are common Syrian names and spellings.
SAME_NAME: list[list[str]] = [
    ["أحمد", "Ahmad", "Ahmed", "Ahmet"],
    ["الحموي", "Hamwi", "al-Hamwi", "Hamawi", "Alhamwi"],
    ["محمد", "Mohammad", "Muhammad", "Mohamed", "Mohammed", "Mhd", "Muhammed", "Mehmet"],
    ["عبدالرحمن", "Abdulrahman", "Abdelrahman", "Abdurrahman", "Abderrahmane"],
    ["الحسن", "al-Hassan", "Hasan", "Hassan", "El-Hasan"],
    ["خالد", "Khaled", "Khalid"],
    ["يوسف", "Yousef", "Yusuf", "Youssef"],
    ["عمر", "Omar", "Umar"],
    ["فاطمة", "Fatima", "Fatma", "Fatemeh", "Fatimah"],
    ["حسين", "Hussein", "Husain", "Hossein"],
    ["قاسم", "Qasim", "Kassem", "Kasim"],
    ["ضياء", "Diaa", "Dhiya"],
    ["صالح", "Saleh", "Salih"],
    ["جمال", "Jamal", "Gamal"],
    ["غسان", "Ghassan"],
    ["ثائر", "Thaer", "Thair"],
    ["محمود", "Mahmoud", "Mahmud", "Mahmood"],
    ["مصطفى", "Mustafa", "Mostafa"],
    ["عمرو", "Amr", "Amro"],
    ["عبدالله", "Abdullah", "Abdallah", "Abdulla"],
    ["مريم", "Maryam", "Mariam"],
    ["زياد", "Ziad", "Ziyad", "Zeyad"],
    ["علي", "Ali", "Aly"],
    ["فتحي", "Fathi", "Fathy"],
    ["مدحت", "Medhat", "Midhat"],
    ["إسحاق", "Ishaq", "Is'haq"],
    ["وائل", "Wael", "Wa'el"],
    ["شوكت", "Shawkat", "Shaukat"],
    ["فؤاد", "Fouad", "Fuad"],
    ["لؤي", "Louay", "Luay", "Loay"],
    ["يحيى", "Yahya", "Yehia"],
    ["موسى", "Musa", "Moussa", "Mousa"],
    ["رياض", "Riad", "Riyad"],
    ["سامي", "Sami", "Samy"],
    ["منصور", "Mansour", "Mansur"],
    ["يونس", "Younes", "Yunus", "Younis"],
    ["إياد", "Iyad", "Eyad"],
    ["كريم", "Karim", "Kareem"],
    ["خليل", "Khalil", "Khaleel"],
    ["بشار", "Bashar", "Bachar"],
    ["شادي", "Shadi", "Chadi"],
    ["زينب", "Zeinab", "Zaynab", "Zainab"],
    ["حمزة", "Hamza", "Hamzah"],
    ["إبراهيم", "Ibrahim", "Ebrahim"],
    ["عائشة", "Aisha", "Aysha", "Aicha"],
    ["أسامة", "Osama", "Usama"],
    ["طارق", "Tarek", "Tariq", "Tareq"],
    ["رضوان", "Radwan", "Ridwan"],
    ["عبدو", "Abdo", "Abdou"],
    ["مراد", "Murad", "Mourad", "Murat"],
    ["معاذ", "Muaz", "Mouaz", "Moaz"],
    ["سيف", "Saif", "Seif", "Sayf"],
    ["أدهم", "Adham"],
    ["يعقوب", "Yaqub", "Yacoub", "Yaacoub"],
    ["داود", "Dawood", "Daoud", "Dawud"],
    ["ممدوح", "Mamdouh", "Mamduh"],
]

# Pairs of different names that must not share a key. Names that differ only in a vowel Latin
# cannot show (حسن/حسين, سمير/سامر, صالح/صلاح …) collide by design and are listed in the module
# docstring instead.
DIFFERENT_NAMES: list[tuple[str, str]] = [
    ("محمد", "محمود"),
    ("محمد", "أحمد"),
    ("أحمد", "حامد"),
    ("محمد", "حامد"),
    ("محمود", "حامد"),
    ("خالد", "خليل"),
    ("سامي", "سامر"),
    ("علي", "علاء"),
    ("يوسف", "يونس"),
    ("حسن", "حسام"),
    ("باسل", "باسم"),
    ("رامي", "رامز"),
    ("فاطمة", "فاتن"),
    ("مروان", "مراد"),
    ("غسان", "حسان"),
    ("جمال", "كمال"),
    ("قاسم", "هاشم"),
    ("طارق", "طلال"),
    ("هشام", "حسام"),
    ("فادي", "فادية"),
    ("أحمد", "أمجد"),
    ("سعيد", "سعود"),
    ("خالد", "خلود"),
    ("محمد", "مجد"),
    ("وائل", "وليد"),
    ("ماهر", "مهند"),
    ("عمر", "عمرو"),
    ("عبدالرحمن", "عبدالرحيم"),
    ("حمزة", "حمدي"),
    ("ضياء", "رضا"),
    ("ثائر", "تامر"),
    ("Mohammad", "Mahmoud"),
    ("Ahmad", "Hamid"),
    ("Khaled", "Khalil"),
    ("Omar", "Amr"),
    ("Ali", "Alaa"),
]


@pytest.mark.parametrize("spellings", SAME_NAME, ids=lambda spellings: spellings[1])
def test_spellings_of_one_name_share_a_key(spellings: list[str]) -> None:
    keys = {spelling: name_key(spelling) for spelling in spellings}
    assert len(set(keys.values())) == 1, keys


@pytest.mark.parametrize(("first", "second"), DIFFERENT_NAMES)
def test_different_names_have_different_keys(first: str, second: str) -> None:
    assert name_key(first) != name_key(second)


def test_keys_read_as_skeletons() -> None:
    assert name_key("أحمد") == "ahmd"
    assert name_key("محمد") == "mhmd"
    assert name_key("محمود") == "mhmdw"
    assert name_key("الحموي") == "hmyw"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أحمد الحموي", ["ahmd", "hmyw"]),
        ("Ahmad al-Hamwi", ["ahmd", "hmyw"]),
        ("Ahmed Hamwi", ["ahmd", "hmyw"]),
        ("عبد الرحمن", ["abdrhmn"]),
        ("عبدالرحمن", ["abdrhmn"]),
        ("Abdul Rahman", ["abdrhmn"]),
        ("Abdulrahman", ["abdrhmn"]),
        ("Abd al-Rahman", ["abdrhmn"]),
        ("Abd ar-Rahman", ["abdrhmn"]),
        ("Abdelrahman", ["abdrhmn"]),
        ("عبد الله", ["abdl"]),
        ("Abd Allah", ["abdl"]),
        ("أبو بكر", ["abwbkr"]),
        ("Abu Bakr", ["abwbkr"]),
        ("Abou Bakr", ["abwbkr"]),
        ("الحاج محمد الحسن", ["mhmd", "hsn"]),
        ("الشيخ خالد", ["xld"]),
        ("د. فاطمة", ["ftm"]),
        ("دكتور يوسف", ["ysfw"]),
        ("Dr. Khaled El Hasan", ["xld", "hsn"]),
        ("Sheikh Omar al Hassan", ["amr", "hsn"]),
        ("Hajj Mohammed", ["mhmd"]),
        ("Mr Ahmad", ["ahmd"]),
        ("Mrs. Fatima", ["ftm"]),
        ("Nour al-Din", ["nrw", "dn"]),
        ("Noureddine", ["nrw", "dn"]),
        ("نور الدين", ["nrw", "dn"]),
        ("", []),
        ("al", []),
    ],
)
def test_name_keys_handles_compounds_articles_and_titles(text: str, expected: list[str]) -> None:
    assert name_keys(text) == expected


def test_article_inside_abd_compound_is_kept_out_of_the_key() -> None:
    # The article of ʿAbd al-X belongs to the compound; spaced, glued and assimilated forms meet.
    spellings = ["عبد الرحمن", "Abd al-Rahman", "Abdurrahman", "Abderrahmane", "Abdel Rahman"]
    assert {tuple(name_keys(spelling)) for spelling in spellings} == {("abdrhmn",)}


def test_cross_script_match_scores_shared_words() -> None:
    assert cross_script_match("أحمد الحموي", "Ahmad al-Hamwi") == 1.0
    assert cross_script_match("Hamwi Ahmed", "أحمد الحموي") == 1.0
    assert cross_script_match("Ahmed Hamwi", "أحمد محمد الحموي") == pytest.approx(0.8)
    assert cross_script_match("محمد الحموي", "Mahmoud al-Halabi") == 0.0
    assert cross_script_match("", "Ahmad") == 0.0
    assert cross_script_match("Dr.", "الشيخ") == 0.0


def test_cross_script_match_counts_repeated_words_once_each() -> None:
    # "Mohammad Mohammad" shares one word with "محمد الحموي", not two.
    assert cross_script_match("Mohammad Mohammad", "محمد الحموي") == pytest.approx(0.5)


# --- properties -----------------------------------------------------------------------------------

KEY_SHAPE = re.compile(r"[a-z']*")

arabic_or_latin = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
        st.characters(min_codepoint=0x0020, max_codepoint=0x024F),
    )
)


@given(st.one_of(st.text(), arabic_or_latin))
def test_name_key_never_raises_and_is_lowercase_ascii(text: str) -> None:
    assert KEY_SHAPE.fullmatch(name_key(text))


@given(st.one_of(st.text(), arabic_or_latin))
def test_name_keys_never_raise_and_give_non_empty_ascii_keys(text: str) -> None:
    for key in name_keys(text):
        assert key
        assert KEY_SHAPE.fullmatch(key)


@given(st.one_of(st.text(), arabic_or_latin), st.one_of(st.text(), arabic_or_latin))
def test_cross_script_match_is_a_symmetric_fraction(a: str, b: str) -> None:
    score = cross_script_match(a, b)
    assert 0.0 <= score <= 1.0
    assert score == cross_script_match(b, a)


ARABIC_NAMES = [spellings[0] for spellings in SAME_NAME]
TASHKEEL = [chr(code_point) for code_point in range(0x064B, 0x0653)]
TATWEEL = "\u0640"
# Initial alef as typed with hamza above, below, madda, or none: one name to normalise_arabic.
ALEF_FORMS = ["\u0627", "\u0623", "\u0625", "\u0622"]


@st.composite
def arabic_spelling_variant(draw: st.DrawFn) -> tuple[str, str]:
    """A full Arabic name and the same name with hamza, diacritic and tatweel variations."""
    words = draw(st.lists(st.sampled_from(ARABIC_NAMES), min_size=1, max_size=4))
    name = " ".join(words)
    variant_words = []
    for word in words:
        if word[0] in ALEF_FORMS:
            word = draw(st.sampled_from(ALEF_FORMS)) + word[1:]
        letters = []
        for char in word:
            letters.append(char)
            if draw(st.booleans()):
                letters.append(draw(st.sampled_from([*TASHKEEL, TATWEEL])))
        variant_words.append("".join(letters))
    return name, " ".join(variant_words)


@given(arabic_spelling_variant())
def test_name_keys_ignore_hamza_diacritics_and_tatweel(pair: tuple[str, str]) -> None:
    name, variant = pair
    assert name_keys(variant) == name_keys(name)


@pytest.mark.parametrize("variant", ["احمد", "إحمد", "أَحْمَد", "أحـــمد", "أحمدُ"])
def test_hamza_diacritic_and_tatweel_variants_of_ahmad(variant: str) -> None:
    assert name_keys(variant) == name_keys("أحمد") == ["ahmd"]


@pytest.mark.parametrize("variant", ["ضياًءـ", "ضياءـ", "ضياءً", "ضيـاء"])
def test_a_hamza_beside_marks_or_tatweel_is_not_a_spoken_qaf(variant: str) -> None:
    # Hypothesis found «ضياًءـ» keyed "dk": the tatweel after the hamza looked like a letter, so
    # the hamza seemed to start a word (the spoken ق rule).
    assert name_keys(variant) == name_keys("ضياء") == ["d"]
