"""Tests for mizan.text.normalise: worked examples first, then properties over generated text."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mizan.text import (
    BIDI_CONTROLS,
    INVISIBLE_CHARS,
    clean_name,
    contains_arabic,
    has_bidi_controls,
    normalise_arabic,
    normalise_for_search,
    script_of,
    strip_bidi_controls,
    to_ascii_digits,
    tokens,
)

TASHKEEL = frozenset(
    chr(code_point)
    for first, last in ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
    for code_point in range(first, last + 1)
)
TATWEEL = "\u0640"
# Letters that the matching key folds into others, so none may survive in a key.
FOLDED_LETTERS = frozenset("أإآٱؤئءىةکی")
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

# Text that exercises what the normaliser handles: Arabic letters and marks, presentation forms,
# Latin letters and accents, digits, invisible and bidi characters, and assorted whitespace.
_INTERESTING_CHARS = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),
    st.characters(min_codepoint=0x08A0, max_codepoint=0x08FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),
    st.characters(min_codepoint=0x0041, max_codepoint=0x024F),
    st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),
    st.sampled_from(
        [
            *sorted(BIDI_CONTROLS | INVISIBLE_CHARS),
            *[
                " ",
                "\u00a0",
                "\t",
                "\n",
                "\u2009",
                "\u200c",
                "\u200d",
                "\u00ad",
                "\u00b4",
                "'",
                "-",
            ],
        ]
    ),
)
interesting_text = st.text(alphabet=_INTERESTING_CHARS)
any_text = st.one_of(st.text(), interesting_text)

# The core Arabic letters (hamza to yeh, without tatweel). Adding a mark to one of them either
# leaves a separate mark or composes into a hamza or madda form that the key folds back.
core_arabic_letters = st.characters(min_codepoint=0x0621, max_codepoint=0x064A).filter(
    lambda char: char != TATWEEL and unicodedata.category(char) == "Lo"
)
arabic_marks = st.sampled_from([*sorted(TASHKEEL), TATWEEL])

# Combining marks for Latin letters; U+0345 is left out because case folding turns it into the
# Greek letter iota rather than dropping it.
latin_marks = st.characters(min_codepoint=0x0300, max_codepoint=0x036F).filter(
    lambda char: char != "\u0345"
)

arabic_letters = st.characters(categories=("Lo", "Lm"), min_codepoint=0x0600, max_codepoint=0x06FF)
# Letters of the Latin script only: the range also holds µ (MICRO SIGN), a Greek letter.
latin_letters = st.characters(
    categories=("Lu", "Ll"), min_codepoint=0x0041, max_codepoint=0x024F
).filter(lambda char: unicodedata.name(char, "").startswith("LATIN"))

STRIPPING_FUNCTIONS: list[Callable[[str], str]] = [
    normalise_arabic,
    normalise_for_search,
    strip_bidi_controls,
]
IDEMPOTENT_FUNCTIONS: list[Callable[[str], str]] = [*STRIPPING_FUNCTIONS, clean_name]


# Worked examples


@pytest.mark.parametrize("spelling", ["أحمد", "احمد", "إحمد", "آحمد", "ٱحمد"])
def test_alef_forms_share_a_key(spelling: str) -> None:
    assert normalise_arabic(spelling) == "احمد"


@pytest.mark.parametrize(
    ("written", "variant"),
    [
        ("فاطمة", "فاطمه"),  # taa marbuta or haa
        ("مصطفى", "مصطفي"),  # alef maqsura or yeh
        ("مُحَمَّد", "محمد"),  # tashkeel
        ("محـــمد", "محمد"),  # tatweel
        ("هٰذا", "هذا"),  # superscript alef
        ("مؤمن", "مومن"),  # waw with hamza
        ("هائل", "هايل"),  # yeh with hamza
        ("سماء", "سما"),  # lone hamza
        ("کریم", "كريم"),  # Persian kaf and yeh
        ("ﺃﺣﻤﺪ", "أحمد"),  # presentation forms, as some PDFs and old systems give them
        ("AHMAD al-Hamwi", "ahmad AL-HAMWI"),  # Latin case
        ("  محمد\u00a0\tالحموي\n", "محمد الحموي"),  # whitespace
    ],
)
def test_spelling_variants_share_a_key(written: str, variant: str) -> None:
    assert normalise_arabic(written) == normalise_arabic(variant)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("مُحَمَّد", "محمد"),
        ("فاطمة", "فاطمه"),
        ("مصطفى", "مصطفي"),
        ("٢٠١٣", "2013"),
        ("۲۰۱۳", "2013"),
        ("ﻻ", "لا"),
        ("ﻷ", "لا"),
        ("\u202bمحمد\u202c \u200fأحمد\u200e", "محمد احمد"),
        ("\ufeffمحمد\u200b", "محمد"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_arabic_examples(text: str, key: str) -> None:
    assert normalise_arabic(text) == key


def test_normalise_arabic_keeps_latin_accents() -> None:
    # Accents only go in the search form; the key still tells "é" from "e".
    assert normalise_arabic("Ḥamwī") == "ḥamwī"


def test_normalise_arabic_keeps_letters_that_differ() -> None:
    assert normalise_arabic("حسن") != normalise_arabic("حسين")
    assert normalise_arabic("عمر") != normalise_arabic("عمرو")


@pytest.mark.parametrize(
    ("text", "search_form"),
    [
        ("Ḥamwī", "hamwi"),
        ("Sa'id", "said"),
        ("Sa´id", "said"),
        ("ʿAli", "ali"),
        ("Éléonore", "eleonore"),
        ("Øzil", "ozil"),
        ("al-Hamwi", "al hamwi"),
        ("عبد الله، محمد؛ أين؟", "عبد الله محمد اين"),
        ("«آمنة»", "امنه"),
        ("(محمد) [2013]", "محمد 2013"),
        ("q\u0301", "q"),  # an accent with no precomposed letter
    ],
)
def test_normalise_for_search_examples(text: str, search_form: str) -> None:
    assert normalise_for_search(text) == search_form


def test_search_form_does_not_decompose_arabic_letters() -> None:
    # Yeh barree with hamza above has a canonical decomposition but is a letter of its own.
    assert normalise_for_search("\u06d3") == "\u06d3"
    assert normalise_for_search("آمنة") == "امنه"


def test_tokens_split_the_search_form() -> None:
    assert tokens("  محمد، أحمد  Ahmad al-Ḥamwī ") == ["محمد", "احمد", "ahmad", "al", "hamwi"]
    assert tokens("") == []
    assert tokens(" ،؛؟ ") == []


def test_arabic_spellings_find_each_other() -> None:
    assert tokens("أحمد") == tokens("احمد") == tokens("إحمد")


@pytest.mark.parametrize("control", sorted(BIDI_CONTROLS))
def test_each_bidi_control_is_detected_and_stripped(control: str) -> None:
    text = f"abc{control}محمد"
    assert has_bidi_controls(text)
    assert strip_bidi_controls(text) == "abcمحمد"


@pytest.mark.parametrize("invisible", sorted(INVISIBLE_CHARS))
def test_invisible_chars_are_stripped_but_are_not_bidi(invisible: str) -> None:
    text = f"محمد{invisible}"
    assert not has_bidi_controls(text)
    assert strip_bidi_controls(text) == "محمد"


def test_right_to_left_text_alone_has_no_bidi_controls() -> None:
    assert not has_bidi_controls("محمد الحموي 2013")


def test_strip_bidi_controls_leaves_other_text_alone() -> None:
    text = " مُحَمَّد\u200c Ahmad\u00a0٢٠١٣ "
    assert strip_bidi_controls(text) == text


@pytest.mark.parametrize(
    ("text", "ascii_digits"),
    [
        ("٢٠١٣", "2013"),
        ("۲۰۱۳", "2013"),
        ("٣٫٥", "3.5"),
        ("١٬٠٠٠", "1,000"),
        ("ولد عام ١٩٨٠م", "ولد عام 1980م"),
        ("no digits", "no digits"),
    ],
)
def test_to_ascii_digits_examples(text: str, ascii_digits: str) -> None:
    assert to_ascii_digits(text) == ascii_digits


def test_clean_name_tidies_whitespace() -> None:
    assert clean_name("  Ahmad\u00a0 al-Hamwi \n") == "Ahmad al-Hamwi"


def test_clean_name_keeps_letters_as_typed() -> None:
    assert clean_name("مُحَمَّد أَحْمَد") == "مُحَمَّد أَحْمَد"
    assert clean_name("فاطمة") == "فاطمة"
    assert clean_name("Ḥamwī") == "Ḥamwī"


def test_clean_name_composes_and_removes_invisible_chars() -> None:
    assert clean_name("e\u0301") == "\u00e9"
    assert clean_name("e\u200b\u0301") == "\u00e9"
    assert clean_name("\ufeffمحمد\u200b") == "محمد"


def test_clean_name_keeps_bidi_controls_for_the_caller_to_reject() -> None:
    assert clean_name("\u202eمحمد") == "\u202eمحمد"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("محمد", "arabic"),
        ("مُحَمَّد ٢٠١٣", "arabic"),
        ("ﻻ", "arabic"),
        ("Ahmad", "latin"),
        ("Ḥamwī 2013", "latin"),
        ("Ahmad محمد", "mixed"),
        ("٢٠١٣، 2013", "none"),
        ("", "none"),
        ("Ελένη", "none"),
    ],
)
def test_script_of_examples(text: str, script: str) -> None:
    assert script_of(text) == script


def test_contains_arabic_examples() -> None:
    assert contains_arabic("Ahmad محمد")
    assert not contains_arabic("Ahmad")
    assert not contains_arabic("٢٠١٣ ،")


@pytest.mark.parametrize("function", [normalise_arabic, normalise_for_search])
def test_every_single_bmp_character_is_idempotent(function: Callable[[str], str]) -> None:
    # Exhaustive over the Basic Multilingual Plane: generated text rarely hits a given character,
    # and the idempotence shortcut depends on each table entry being stable.
    unstable = [
        hex(code_point)
        for code_point in range(0x10000)
        if not 0xD800 <= code_point <= 0xDFFF
        and function(function(chr(code_point))) != function(chr(code_point))
    ]
    assert unstable == []


# Properties


@pytest.mark.parametrize("function", IDEMPOTENT_FUNCTIONS)
@settings(max_examples=300)
@given(text=any_text)
@example(text="ǰ\u0640\u0301")  # deleting tatweel lets the accent reach a letter
@example(text="a\u200b\u0301")  # deleting a zero-width space does the same
@example(text="\u0130")  # case folding dotted capital I leaves a combining dot
def test_idempotent(function: Callable[[str], str], text: str) -> None:
    once = function(text)
    assert function(once) == once


@pytest.mark.parametrize("function", STRIPPING_FUNCTIONS)
@given(text=any_text)
def test_outputs_have_no_bidi_or_invisible_chars(function: Callable[[str], str], text: str) -> None:
    assert (BIDI_CONTROLS | INVISIBLE_CHARS).isdisjoint(function(text))


@given(text=any_text)
def test_has_bidi_controls_agrees_with_membership(text: str) -> None:
    assert has_bidi_controls(text) == any(char in BIDI_CONTROLS for char in text)
    assert not has_bidi_controls(strip_bidi_controls(text))


@pytest.mark.parametrize("function", [normalise_arabic, normalise_for_search])
@given(text=any_text)
def test_keys_have_no_tashkeel_tatweel_or_folded_letters(
    function: Callable[[str], str], text: str
) -> None:
    result = function(text)
    assert TASHKEEL.isdisjoint(result)
    assert TATWEEL not in result
    assert FOLDED_LETTERS.isdisjoint(result)
    assert not any(char in result for char in ARABIC_INDIC_DIGITS + PERSIAN_DIGITS)


@pytest.mark.parametrize("function", [normalise_arabic, normalise_for_search, clean_name])
@given(text=any_text)
def test_whitespace_is_collapsed_and_trimmed(function: Callable[[str], str], text: str) -> None:
    result = function(text)
    assert result == result.strip()
    assert "  " not in result
    assert all(char == " " for char in result if char.isspace())


@given(
    letters_and_marks=st.lists(
        st.tuples(core_arabic_letters, st.lists(arabic_marks, max_size=3)), min_size=1
    )
)
def test_marks_and_tatweel_do_not_change_the_key(
    letters_and_marks: list[tuple[str, list[str]]],
) -> None:
    bare = "".join(letter for letter, _ in letters_and_marks)
    marked = "".join(letter + "".join(marks) for letter, marks in letters_and_marks)
    assert normalise_arabic(marked) == normalise_arabic(bare)


@given(
    letters_and_marks=st.lists(
        st.tuples(
            st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")),
            st.booleans(),
            st.lists(latin_marks, max_size=2),
        ),
        min_size=1,
    )
)
def test_search_form_drops_latin_accents_and_case(
    letters_and_marks: list[tuple[str, bool, list[str]]],
) -> None:
    bare = "".join(letter for letter, _, _ in letters_and_marks)
    accented = "".join(
        (letter.upper() if upper else letter) + "".join(marks)
        for letter, upper, marks in letters_and_marks
    )
    assert normalise_for_search(accented) == bare


@given(text=any_text)
def test_tokens_are_the_words_of_the_search_form(text: str) -> None:
    words = tokens(text)
    assert " ".join(words) == normalise_for_search(text)
    assert all(word and not any(char.isspace() for char in word) for word in words)


@given(digits=st.text(alphabet=st.sampled_from(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS), min_size=1))
def test_to_ascii_digits_keeps_the_number(digits: str) -> None:
    ascii_digits = to_ascii_digits(digits)
    assert ascii_digits.isascii()
    assert ascii_digits.isdigit()
    # int() reads any Unicode decimal digits, so it is an independent oracle for the value.
    assert int(ascii_digits) == int(digits)
    assert len(ascii_digits) == len(digits)


@given(text=st.text().filter(lambda text: not any(char in text for char in "٫٬")))
def test_to_ascii_digits_changes_only_arabic_digits(text: str) -> None:
    result = to_ascii_digits(text)
    assert len(result) == len(text)
    for before, after in zip(text, result, strict=True):
        if before in ARABIC_INDIC_DIGITS or before in PERSIAN_DIGITS:
            assert after == str(unicodedata.decimal(before))
        else:
            assert after == before


@given(text=any_text.filter(lambda text: INVISIBLE_CHARS.isdisjoint(text)))
def test_clean_name_keeps_every_non_space_character(text: str) -> None:
    def non_space(value: str) -> Counter[str]:
        return Counter(char for char in value if not char.isspace())

    assert non_space(clean_name(text)) == non_space(unicodedata.normalize("NFC", text))


@given(text=st.text(alphabet=arabic_letters, min_size=1))
def test_script_of_pure_arabic_letters_is_arabic(text: str) -> None:
    assert script_of(text) == "arabic"
    assert contains_arabic(text)


@given(text=st.text(alphabet=latin_letters, min_size=1))
def test_script_of_pure_latin_letters_is_latin(text: str) -> None:
    assert script_of(text) == "latin"
    assert not contains_arabic(text)


@given(
    arabic=st.text(alphabet=arabic_letters, min_size=1),
    latin=st.text(alphabet=latin_letters, min_size=1),
)
def test_script_of_arabic_and_latin_letters_is_mixed(arabic: str, latin: str) -> None:
    assert script_of(arabic + " " + latin) == "mixed"


@given(text=any_text)
def test_contains_arabic_agrees_with_script_of(text: str) -> None:
    assert contains_arabic(text) == (script_of(text) in {"arabic", "mixed"})
