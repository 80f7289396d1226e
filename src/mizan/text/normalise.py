"""Normalisation of Arabic and Latin text for storing, matching and searching.

Three strengths, from lightest to heaviest:

- ``clean_name`` keeps what the person typed (letters untouched) and only removes the invisible
  debris that copy-paste leaves behind, so the stored form is the form as written.
- ``normalise_arabic`` is the matching key: spellings of one name that Arabic writers treat as the
  same (hamza on alef or not, taa marbuta or haa, alef maqsura or yaa, vowel marks, Persian
  keyboard letters, Arabic-Indic digits) collapse into one string.
- ``normalise_for_search`` goes further for full-text search: punctuation becomes word breaks and
  Latin accents are dropped, so "Ḥamwī", "Hamwi" and "hamwi" find each other.

Everything here is plain Python with no Django import, so that record linkage, imports and search
share one definition and it can be tested and benchmarked on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Literal

__all__ = [
    "BIDI_CONTROLS",
    "INVISIBLE_CHARS",
    "Script",
    "clean_name",
    "contains_arabic",
    "glyphs_as_letters",
    "has_bidi_controls",
    "normalise_arabic",
    "normalise_for_search",
    "script_of",
    "strip_bidi_controls",
    "to_ascii_digits",
    "tokens",
]

Script = Literal["arabic", "latin", "mixed", "none"]

BIDI_CONTROLS: frozenset[str] = frozenset(
    {
        "\u061c",  # ARABIC LETTER MARK
        "\u200e",  # LEFT-TO-RIGHT MARK
        "\u200f",  # RIGHT-TO-LEFT MARK
        "\u202a",  # LEFT-TO-RIGHT EMBEDDING
        "\u202b",  # RIGHT-TO-LEFT EMBEDDING
        "\u202c",  # POP DIRECTIONAL FORMATTING
        "\u202d",  # LEFT-TO-RIGHT OVERRIDE
        "\u202e",  # RIGHT-TO-LEFT OVERRIDE
        "\u2066",  # LEFT-TO-RIGHT ISOLATE
        "\u2067",  # RIGHT-TO-LEFT ISOLATE
        "\u2068",  # FIRST STRONG ISOLATE
        "\u2069",  # POP DIRECTIONAL ISOLATE
    }
)
"""Characters that change the display order of text without being visible themselves.

They can make a name or a file name look like something else ("Trojan Source"), so forms reject
them with a message and keys strip them.
"""

INVISIBLE_CHARS: frozenset[str] = frozenset(
    {
        "\u200b",  # ZERO WIDTH SPACE
        "\u2060",  # WORD JOINER, the modern spelling of a zero-width no-break space
        "\ufeff",  # BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
    }
)
"""Zero-width characters that word processors and web pages leave in copied text.

They never carry meaning in a name, but they make two identical-looking strings differ.
"""

_BIDI_AND_INVISIBLE = {ord(char): None for char in BIDI_CONTROLS | INVISIBLE_CHARS}
_INVISIBLE = {ord(char): None for char in INVISIBLE_CHARS}

_ARABIC_INDIC_DIGITS = "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
_EXTENDED_ARABIC_INDIC_DIGITS = "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"
_DIGITS: dict[int, str] = {
    **{ord(digit): str(value) for value, digit in enumerate(_ARABIC_INDIC_DIGITS)},
    **{ord(digit): str(value) for value, digit in enumerate(_EXTENDED_ARABIC_INDIC_DIGITS)},
    0x066B: ".",  # ARABIC DECIMAL SEPARATOR
    0x066C: ",",  # ARABIC THOUSANDS SEPARATOR
}

_ALEF = "\u0627"
_WAW = "\u0648"
_YEH = "\u064a"
_HEH = "\u0647"
_KAF = "\u0643"

# Letters that Arabic writers use interchangeably in names, and the letters that Persian and Urdu
# keyboards produce for Arabic ones; each is folded into the plain letter so both spellings meet.
_LETTER_FOLDS: dict[int, str] = {
    0x0622: _ALEF,  # ALEF WITH MADDA ABOVE
    0x0623: _ALEF,  # ALEF WITH HAMZA ABOVE
    0x0625: _ALEF,  # ALEF WITH HAMZA BELOW
    0x0671: _ALEF,  # ALEF WASLA
    0x0672: _ALEF,  # ALEF WITH WAVY HAMZA ABOVE
    0x0673: _ALEF,  # ALEF WITH WAVY HAMZA BELOW
    0x0624: _WAW,  # WAW WITH HAMZA ABOVE
    0x0626: _YEH,  # YEH WITH HAMZA ABOVE
    0x0649: _YEH,  # ALEF MAKSURA: final yeh is written either way
    0x06CC: _YEH,  # FARSI YEH
    0x0629: _HEH,  # TEH MARBUTA: final taa marbuta and haa are confused in typing
    0x06C0: _HEH,  # HEH WITH YEH ABOVE
    0x06C1: _HEH,  # HEH GOAL
    0x06C2: _HEH,  # HEH GOAL WITH HAMZA ABOVE
    0x06C3: _HEH,  # TEH MARBUTA GOAL
    0x06BE: _HEH,  # HEH DOACHASHMEE
    0x06D5: _HEH,  # AE, Kurdish letter that Arabic writers render as heh
    0x06A9: _KAF,  # KEHEH, the Persian kaf
    0x06AA: _KAF,  # SWASH KAF
}

# Marks that change pronunciation but not which name is meant; most names are typed without them.
_DIACRITIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # honorific and Quranic signs above letters
    (0x064B, 0x065F),  # tashkeel: tanween, harakat, shadda, sukun, hamza above and below
    (0x0670, 0x0670),  # SUPERSCRIPT ALEF
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x08CA, 0x08FF),  # extended Quranic and tashkeel marks
)
_DIACRITICS: frozenset[int] = frozenset(
    code_point for first, last in _DIACRITIC_RANGES for code_point in range(first, last + 1)
)
# A ``str.translate`` table deleting the marks and tatweel, which sit between letters without
# being letters: a rule that reads a letter's neighbours applies it first (translit's spoken ق).
MARKS_AND_TATWEEL: dict[int, None] = dict.fromkeys(sorted(_DIACRITICS | {0x0640}))
_DELETED_IN_KEY: frozenset[int] = _DIACRITICS | {
    0x0640,  # TATWEEL: stretches a word for layout only
    0x0621,  # HAMZA on its own line: often omitted in typing
    0x0674,  # HIGH HAMZA, left over by NFKC from letters such as U+0675
}


def _key_char(code_point: int) -> str | None:
    """Map one code point to its form in the matching key (None deletes it)."""
    if code_point in _DELETED_IN_KEY:
        return None
    if code_point in _LETTER_FOLDS:
        return _LETTER_FOLDS[code_point]
    if code_point in _DIGITS:
        return _DIGITS[code_point]
    char = chr(code_point)
    # Format characters (bidi controls, zero-width joiners, soft hyphens …) steer rendering and
    # never change which letters were written, so the key has none of them.
    if unicodedata.category(char) == "Cf":
        return None
    return char


class _LazyTable(dict[int, str | None]):
    """A ``str.translate`` table that computes each code point's entry the first time it is seen.

    Listing every format character up front would mean scanning all of Unicode at import time;
    computing on demand keeps ``str.translate``'s speed for the few thousand characters that real
    text uses.
    """

    def __init__(self, compute: Callable[[int], str | None]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, code_point: int) -> str | None:
        value = self._compute(code_point)
        self[code_point] = value
        return value


_KEY_TABLE = _LazyTable(_key_char)

# Apostrophes and the half rings of scholarly transliteration stand for ʿayn and hamza inside a
# word ("Sa'id", "ʿAli"); deleting them lets those spellings meet "Said" and "Ali", whereas turning
# them into spaces would split the name in two.
_APOSTROPHES: frozenset[str] = frozenset("'`\u02b9\u02bb\u02bc\u02bd\u02be\u02bf\u2018\u2019")

# Latin letters whose stroke or ligature is part of the letter rather than a combining mark, so
# dropping marks after decomposition would leave them as they are.
_LATIN_LETTER_FOLDS: dict[str, str] = {
    "\u00f8": "o",  # o with stroke
    "\u0142": "l",  # l with stroke
    "\u0111": "d",  # d with stroke
    "\u0127": "h",  # h with stroke
    "\u0131": "i",  # dotless i
    "\u0167": "t",  # t with stroke
    "\u00e6": "ae",
    "\u0153": "oe",
}


def _search_char(code_point: int) -> str | None:
    """Map one code point of a matching key to its form in the search form (None deletes it)."""
    char = chr(code_point)
    if char in _APOSTROPHES:
        return None
    if char in _LATIN_LETTER_FOLDS:
        return _LATIN_LETTER_FOLDS[char]
    # Punctuation and symbols (Arabic comma, semicolon and question mark included) separate words.
    if unicodedata.category(char)[0] in "PS":
        return " "
    return char


_SEARCH_TABLE = _LazyTable(_search_char)

# Latin letters in the blocks that hold them; a combining mark after one of them is an accent.
_LATIN_LETTERS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0250-\u02af\u1d00-\u1dbf\u1e00-\u1eff"
    "\u2c60-\u2c7f\ua720-\ua7ff\uab30-\uab6f"
)
# Combining marks that accent Latin letters. Arabic marks are not listed: an Arabic letter is
# never decomposed into letter and mark by this module, and the key has already dropped them.
_LATIN_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# Marks after a Latin letter are accents; marks after a space or at the start have lost their
# letter (NFKC turns a spacing acute into space + combining acute) and carry nothing searchable.
_LATIN_ACCENTS = re.compile(f"(?:(?<=[{_LATIN_LETTERS}])|(?<=\\s)|^)[{_LATIN_MARKS}]+")

_MAX_STEPS = 8


def _until_stable(step: Callable[[str], str], is_stable: Callable[[str], bool], text: str) -> str:
    """Apply ``step`` until ``is_stable`` says that applying it again would change nothing.

    Unicode normalisation does not commute with deleting characters or case folding: removing a
    tatweel between a letter and an accent, or case-folding "ǰ" into "j" + caron, yields text that
    the next NFC or NFKC would recompose. Repeating the step is what makes the public functions
    idempotent, which stored keys rely on. ``is_stable`` must be a sufficient condition for
    ``step(x) == x`` that is cheaper than the step; when it cannot tell, the step is run again and
    the results compared. Real text settles after one step; the bound only guards against a
    Unicode corner we have not met.
    """
    current = step(text)
    for _ in range(_MAX_STEPS):
        if is_stable(current):
            break
        following = step(current)
        if following == current:
            break
        current = following
    return current


def _collapse_whitespace(text: str) -> str:
    # str.split() without an argument splits on every Unicode whitespace character (no-break
    # spaces, tabs, line and paragraph separators) and drops empty pieces, which also trims.
    return " ".join(text.split())


def has_bidi_controls(text: str) -> bool:
    """Return True if ``text`` contains any character of ``BIDI_CONTROLS``.

    Forms use this to refuse such input with a message rather than silently altering it.
    """
    return not BIDI_CONTROLS.isdisjoint(text)


def strip_bidi_controls(text: str) -> str:
    """Remove bidi controls and invisible zero-width characters, leaving everything else as is."""
    return text.translate(_BIDI_AND_INVISIBLE)


# What copying Arabic out of a PDF's text layer keeps besides letters: the presentation forms
# (contextual glyphs such as ﻣﺤﻤﺪ, the lam-alef ligature ﻻ, the word ligature ﷲ), the tatweel
# that stretches a word for layout, and zero-width characters and joiners.
_GLYPHS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\u0640\u200b-\u200d\u2060]")
_ZERO_WIDTH = INVISIBLE_CHARS | {"\u200c", "\u200d"}  # … and the (non-)joiners


def _letters_of_glyph(code_point: int) -> str | None:
    """Map one code point to the letters it shows (None deletes it)."""
    char = chr(code_point)
    if char in _ZERO_WIDTH or code_point == 0x0640:
        return None
    if 0xFB50 <= code_point <= 0xFDFF or 0xFE70 <= code_point <= 0xFEFF:
        # NFKC gives an isolated tashkeel form (U+FE70 …) as a space and the mark: the mark.
        return unicodedata.normalize("NFKC", char).strip() or None
    return char


_GLYPH_TABLE = _LazyTable(_letters_of_glyph)


def glyphs_as_letters(text: str) -> str:
    """``text`` with what a PDF's text layer holds in place of Arabic letters read as the letters.

    Arabic presentation forms (``ﻣﺤﻤﺪ`` is محمد, the ligature ``ﻻ`` is لا, ``ﷲ`` is الله) become
    the letters they show — by NFKC, as ``normalise_arabic`` reads them, but only them, so that
    hamza, taa marbuta and every other character stay as written — and tatweel and zero-width
    characters and joiners go. Text without any of them is returned as it is. Bidi controls are
    kept: callers refuse them with a message (``has_bidi_controls``).
    """
    if _GLYPHS.search(text) is None:
        return text
    return unicodedata.normalize("NFC", text.translate(_GLYPH_TABLE))


# Sorani Kurdish written on its own keyboard (a camp's registration in the Kurdistan Region of
# Iraq): the letters Arabic has no use for, as an Arabic writer reads them. Sorani writes every
# vowel: ە is a short a/e inside a word (ئەحمەد, محەمەد, عەلی) and the final a an Arabic name ends
# in with taa marbuta (فاتمە, خدیجە); a word never opens with a vowel letter, so ئ carries the
# first vowel (ئەحمەد أحمد, ئیمان إيمان, ئاڤین آفين). ێ ۆ ڕ ڵ ڤ are ي و ر ل ف.
_SORANI_LETTERS = str.maketrans(
    {
        "\u06ce": "\u064a",
        "\u06c6": "\u0648",
        "\u0695": "\u0631",
        "\u06b5": "\u0644",
        "\u06a4": "\u0641",
    }
)
_SORANI = re.compile("[\u06d5\u06ce\u06c6\u0695\u06b5\u06a4]|(?<![\u0600-\u06ff])\u0626")
_SORANI_WORD_START = re.compile("(?<![\u0600-\u06ff])\u0626\u06d5?")
_SORANI_AE_INSIDE = re.compile("\u06d5(?=[\u0600-\u06ff])")


# … and its u: long ū is «وو» (مەحموود محمود, یووسوف یوسف), and «عەبدول» is عبد ال (عەبدولکەریم
# عبد الكريم, عەبدوڵڵا عبد الله). A single و between two consonants is the short u Arabic leaves
# unwritten only in a word that writes «وو» for the long one (یووسوف یوسف); elsewhere it is kept,
# since one who keeps the Arabic spelling and adds only ە writes the long u so (مەحمود محمود, not
# محمد; مەسعود, ڕەسوڵ), and the lists' names read a short one back (حوسین حسين, عومەر عمر:
# ``linkage.features.ListVocabulary.sounds``). Read so only in a word that shows a Sorani letter
# or «وو»: a Kurdish name written the Arabic way beside it (کوجر, هوزان, or ديلوڤان with the ڤ
# Kurmanji writes too) keeps its و.
_SORANI_IN_WORD = re.compile("[\u06d5\u06ce\u06c6\u0695\u06b5]|^\u0626|\u0648\u0648")
_SORANI_WORD = re.compile("[\u0621-\u064a\u0660-\u06ff]+")
# The letters that are no consonant: alef, hamza, yeh, waw and Sorani's vowel letters.
_NOT_CONSONANT = "\u0627\u0622\u0623\u0625\u0626\u0621\u06cc\u064a\u0649\u0648\u06d5\u06ce\u06c6"
_SORANI_SHORT_U = re.compile(
    f"(?<=[\u0621-\u064a\u0660-\u06ff])(?<![{_NOT_CONSONANT}])\u0648"
    f"(?=[\u0621-\u064a\u0660-\u06ff])(?![{_NOT_CONSONANT}])"
)
_SORANI_ABDULLAH = re.compile("^\u0639\u06d5?\u0628\u062f\u0648[\u06b5\u0644]{1,2}\u0627\u0647?$")
_SORANI_ABDUL = re.compile("^(\u0639\u06d5?\u0628\u062f)\u0648(?=\u0644.)")
_LONG_U = "\x00"


def _sorani_vowels(match: re.Match[str]) -> str:
    word = match.group()
    if _SORANI_IN_WORD.search(word) is None:
        return word
    if _SORANI_ABDULLAH.match(word):
        return "\u0639\u0628\u062f \u0627\u0644\u0644\u0647"
    word = _SORANI_ABDUL.sub("\\1 \u0627", word)
    if "\u0648\u0648" not in word:
        # A writer who keeps the Arabic spelling and adds only ە writes the long u with one و
        # (مەحمود, مەسعود, ڕەسوڵ): whether it is a short u is the lists' to say (the features'
        # ``ListVocabulary.sounds``), not this step's.
        return word
    word = word.replace("\u0648\u0648", _LONG_U)
    return _SORANI_SHORT_U.sub("", word).replace(_LONG_U, "\u0648")


def sorani_as_arabic(text: str) -> str:
    """``text`` typed on a Sorani Kurdish keyboard read as Arabic letters: «ئەحمەد عەلی» is أحمد
    علی, «فاتمە» فاتمة, «ڕەشید» رشید, «مەحمود» and «مەحموود» محمود, «عەبدوڵڵا» عبد الله.
    Text without a Sorani letter (ە ێ ۆ ڕ ڵ ڤ, or ئ opening a word, which Arabic never writes)
    is returned as it is."""
    if _SORANI.search(text) is None:
        return text
    text = _SORANI_WORD.sub(_sorani_vowels, text)
    text = _SORANI_WORD_START.sub("\u0627", text).replace("\u0627\u0627", "\u0627")
    text = _SORANI_AE_INSIDE.sub("", text).replace("\u06d5", "\u0629")
    return text.translate(_SORANI_LETTERS)


def to_ascii_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits and Arabic number separators with ASCII ones.

    ``٢٠١٣`` becomes ``2013``, ``٣٫٥`` becomes ``3.5`` and ``١٬٠٠٠`` becomes ``1,000``; all other
    characters are kept.
    """
    return text.translate(_DIGITS)


def clean_name(text: str) -> str:
    """Tidy a name or short text for storage, as typed.

    Composes it to NFC, removes zero-width characters, turns every run of whitespace (no-break
    spaces, tabs, newlines) into one space and trims the ends. Letters, marks and digits are kept
    exactly: this is the form shown back to people, not a matching key. Bidi controls are kept too,
    because callers reject them with a message before storing.
    """
    # Removing the invisible characters before composing lets a letter and an accent that were
    # separated by one compose, so the result is stable when cleaned again.
    composed = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return _collapse_whitespace(composed)


# NFKC turns a spacing acute into a space and a combining acute, which would split "Sa´id" in two;
# people type it as an apostrophe, so it becomes one before NFKC sees it.
_BEFORE_NFKC = {0x00B4: "'"}


def _arabic_key_step(text: str) -> str:
    # NFKC first so presentation forms and ligatures (lam-alef) become ordinary letters that the
    # table knows, and again after case folding, which can leave decomposed sequences behind.
    compatible = unicodedata.normalize("NFKC", text.translate(_BEFORE_NFKC))
    folded = compatible.casefold()
    if folded != compatible:
        folded = unicodedata.normalize("NFKC", folded)
    # No ASCII character is folded or deleted by the table, and skipping it halves the cost for
    # Latin names.
    if not folded.isascii():
        folded = folded.translate(_KEY_TABLE)
    return _collapse_whitespace(folded)


def _key_step_output_is_stable(key: str) -> bool:
    # For an output of _arabic_key_step the table and the whitespace stages are already no-ops
    # (every replacement in the table maps to itself), so only the normalisations need checking;
    # NFKC text has no spacing acute either.
    return unicodedata.is_normalized("NFKC", key) and key.casefold() == key


def _is_arabic_key(text: str) -> bool:
    # Each condition makes one stage of _arabic_key_step a no-op, for any text.
    return (
        _key_step_output_is_stable(text)
        and (text.isascii() or text.translate(_KEY_TABLE) == text)
        and _collapse_whitespace(text) == text
    )


def normalise_arabic(text: str) -> str:
    """Return the matching key of ``text``: the form in which spelling variants compare equal.

    Steps:

    1. NFKC, so presentation forms and ligatures become letters, then case folding (Latin and any
       other cased script).
    2. Delete format characters (bidi controls, zero-width characters), tashkeel and Quranic marks,
       superscript alef, tatweel and a lone hamza.
    3. Fold alef with hamza or madda and alef wasla into alef, waw and yeh with hamza into waw and
       yeh, alef maqsura into yeh, taa marbuta into haa, Persian kaf and yeh into Arabic ones.
    4. Turn Arabic-Indic and Persian digits into ASCII digits.
    5. Collapse whitespace into single spaces and trim.

    The result is idempotent: normalising a key returns it unchanged.
    """
    return _until_stable(_arabic_key_step, _key_step_output_is_stable, text)


def _search_step(text: str) -> str:
    spaced = normalise_arabic(text).translate(_SEARCH_TABLE)
    if spaced.isascii():
        return _collapse_whitespace(spaced)
    # Decomposing the whole string and recomposing it afterwards is safe for Arabic: the only
    # Arabic letters that decompose (hamza and madda forms) are recomposed by NFC unless their
    # base is Latin, so only Latin accents are lost.
    decomposed = unicodedata.normalize("NFD", spaced)
    unaccented = unicodedata.normalize("NFC", _LATIN_ACCENTS.sub("", decomposed))
    return _collapse_whitespace(unaccented)


def _is_search_form(text: str) -> bool:
    # A matching key (so normalise_arabic returns it unchanged) that the search table leaves alone
    # and with no Latin accent to drop is returned unchanged by _search_step.
    return (
        _is_arabic_key(text)
        and text.translate(_SEARCH_TABLE) == text
        and (text.isascii() or not _LATIN_ACCENTS.search(unicodedata.normalize("NFD", text)))
    )


def normalise_for_search(text: str) -> str:
    """Return the search form of ``text``: its matching key with punctuation and accents removed.

    On top of ``normalise_arabic``: apostrophes and transliteration marks for ʿayn and hamza are
    deleted ("Sa'id" → "said"), other punctuation and symbols (Arabic ، ؛ ؟ included) become
    spaces, and accents on Latin letters are dropped ("Ḥamwī" → "hamwi"). Idempotent.
    """
    return _until_stable(_search_step, _is_search_form, text)


def tokens(text: str) -> list[str]:
    """Split the search form of ``text`` into words."""
    return normalise_for_search(text).split()


@cache
def _letter_script(char: str) -> Literal["arabic", "latin", "other", ""]:
    """Classify one character as an Arabic letter, a Latin letter, another letter or no letter."""
    if not unicodedata.category(char).startswith("L"):
        return ""
    name = unicodedata.name(char, "")
    # Unicode names every Arabic letter, in every Arabic block, "ARABIC …", and every Latin one
    # "LATIN …" (or "FULLWIDTH LATIN …"), which is sturdier than a list of block ranges.
    if name.startswith("ARABIC"):
        return "arabic"
    if name.startswith(("LATIN", "FULLWIDTH LATIN")):
        return "latin"
    return "other"


def script_of(text: str) -> Script:
    """Say which of Arabic and Latin script the letters of ``text`` are written in.

    Only letters count: digits, punctuation and marks do not. Letters of other scripts are ignored,
    so Greek-only text is ``"none"``: the question Mizan asks is which name field text belongs to.
    """
    scripts = {_letter_script(char) for char in text}
    has_arabic = "arabic" in scripts
    has_latin = "latin" in scripts
    if has_arabic and has_latin:
        return "mixed"
    if has_arabic:
        return "arabic"
    if has_latin:
        return "latin"
    return "none"


def contains_arabic(text: str) -> bool:
    """Return True if ``text`` contains at least one Arabic letter."""
    # Each distinct character classified once, in C (``set``, ``map`` and the cache): snippets
    # ask this of every passage they show (bench/README.md, issue 16, branch ``libpg2``).
    return "arabic" in set(map(_letter_script, set(text)))
