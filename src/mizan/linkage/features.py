"""Turn a person record as written into the comparison features the linkage model reads.

Every name part gets two features, both from ``mizan.text``:

- ``<part>_n``, the *spelling*: the name in ``normalise_arabic`` form, lowercase, without spaces,
  article or titles. Two records agreeing here wrote the name the same way.
- ``<part>_rasm``, the *dotless key* (``mizan.text.translit.dotless_key``): Arabic letters without
  their dots, so that OCR confusions (حسين/خسين) still meet;
- ``<part>_loose``, the key with letters of the same dotless shape folded together
  (``mizan.text.translit.loose_key``), so that an OCR error on the Arabic side does not hide a
  Latin spelling of the same name;
- ``<part>_k``, the *name key*: ``mizan.text.translit.name_keys`` joined, a consonant skeleton
  shared by Arabic and Latin spellings (محمد, Mohammad, Muhammad, Mhd → ``mhmd``; عبد الرحمن,
  عبدالرحمن, Abdul Rahman, Abdulrahman → ``abdrhmn``; الحموي, al-Hamwi, Hamwi → ``hmwy``).

A record with only ``full_name`` has it split into first, father, grandfather and family name
(``mizan.text.names.split_full_name``) after titles (الحاج, Dr …) and a kunya or nickname in
brackets ("(أبو خالد)") are set aside. Digits may be Arabic-Indic. Derived values are cached by
the text they come from, since a list repeats the same few thousand names.
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from hashlib import blake2b
from itertools import count, islice, pairwise
from os import getpid
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from mizan.linkage.lists import (
    AGE_COLUMN,
    AGE_YEAR_COLUMN,
    ESTIMATED_AGE_COLUMN,
    LINEAGE_NAME_LETTERS,
    MAIDEN_NAME_COLUMN,
    MOTHER_WORD_BEFORE,
    ORIGIN_COLUMN,
    RESIDENCE_COLUMN,
    lineage_in_father_cell,
    read_name_cells,
    usual_double_second,
)
from mizan.linkage.model import LATE_AGE_YEARS
from mizan.linkage.problems import (
    BORN_TWO_DIGITS,
    HIJRI_LIST,
    ILLEGIBLE_NAME,
    SCIENTIFIC_NUMBER,
    TWO_DIGIT_YEARS,
    age_in_birth_cell,
    hijri_lists,
    mark_two_digit_years,
    national_id_digits,
    ocr_digits,
    plausible_age_at_arrest,
    plausible_year,
    since_date,
    two_digit_birth_year,
    written_hijri,
    written_year,
)
from mizan.linkage.recollection import (
    AFTER,
    INSTEAD,
    RECOLLECTED_TOWNS,
    recollected_rows,
)
from mizan.text import (
    contains_arabic,
    name_key,
    name_keys,
    normalise_for_search,
    to_ascii_digits,
)
from mizan.text.bidi import visual_to_logical
from mizan.text.dates import (
    APPROXIMATE_LEADING,
    APPROXIMATE_TRAILING,
    date_orders,
    hijri_year_in,
    is_approximate,
    month_in,
    numeric_month,
    spreadsheet_day_date,
    writes_month_first,
)
from mizan.text.names import (
    FAMILY_FIRST_LINEAGE,
    HOUSE_OF_FAMILY,
    UNREAD_NAMES,
    NameReading,
    compound_names,
    drop_titles,
    formal_name,
    has_article,
    is_given_name,
    is_given_name_spelling,
    is_tribe_name,
    is_womans_name,
    name_words,
    parse_full_name,
    set_aside_head,
    strip_asides,
    unfold_passport_name,
)
from mizan.text.normalise import glyphs_as_letters, normalise_arabic
from mizan.text.translit import (
    SCHOLARLY_MARKS,
    WOMAN_CIVILITIES,
    dotless_key,
    germanic_spelling,
    greek_route_readings,
    greek_to_latin,
    has_cyrillic_letters,
    has_greek_letters,
    has_scholarly_letters,
    inner_acute_dropped,
    is_germanic_spelling,
    is_greek_route_word,
    is_italian_spelling,
    is_kurmanji_spelling,
    is_name_joiner,
    is_russian_route_word,
    is_title,
    is_turkish_spelling,
    loose_key,
    russian_letters,
    russian_route_readings,
    saint_readings,
    scholarly_readings,
    vowel_marks,
)

__all__ = [
    "AGE_ALONE",
    "AGE_APART_YEARS",
    "ARREST_HELD",
    "ARREST_SPAN",
    "CIVILITY_LIST",
    "EITHER_DATE_AGES",
    "FEATURE_COLUMNS",
    "GERMANIC_LIST",
    "GREEK_LIST",
    "KURMANJI_LIST",
    "LATE_AGES",
    "LINEAGE_FAMILY",
    "LINEAGE_LIST",
    "NAME_PARTS",
    "ROMANCE_LIST",
    "RUSSIAN_LIST",
    "SOME_LATE_AGES",
    "SPEECH_LIST",
    "TURKISH_LIST",
    "ListVocabulary",
    "age_apart",
    "mark_arrest_spans",
    "mark_civility_lists",
    "mark_dotted_names",
    "mark_either_date_ages",
    "mark_father_surname_lists",
    "mark_germanic_lists",
    "mark_greek_lists",
    "mark_kurmanji_lists",
    "mark_late_ages",
    "mark_lineage_lists",
    "mark_ocr_years",
    "mark_post_lists",
    "mark_romance_lists",
    "mark_russian_lists",
    "mark_speech_lists",
    "mark_turkish_lists",
    "mark_two_digit_years",
    "record_features",
    "record_readings",
    "sex_of",
]

NAME_PARTS: tuple[str, ...] = ("first", "father", "grandfather", "family", "mother")
# Parts whose spelling is counted in the lists being linked (``<part>_common``: how often its
# rarest word is written): one letter apart from another spelling, a rare one, or one far rarer
# than the other, is more likely misread by OCR than a name.
COMMON_PARTS: tuple[str, ...] = ("first", "father", "grandfather", "family")
# An initial ("M.", "A", "م."), or a Dutch file's initials of the given names in the first
# name's cell ("M.K.", voorletters, issue 15, set 11): a name not given, not a different name.
_INITIAL = re.compile(r"[^\W\d_]\.?|(?:[^\W\d_]\.){2,3}")
# What the initials stand for is still a little evidence (``INITIAL_COLUMNS``, compared in
# ``model``): the first letter of the first name (and, when no father's name is given, the
# second initial that of the father's, as a Dutch office writes a Syrian's given names "M.K."
# for «محمد خالد»). A Latin initial may open any spelling of the letters the name keys read
# (``mizan.text.translit``): K is ك/ق or Kh خ, S is س/ص or Sh ش, D is د/ض, Dj ج or Dh ذ, G is
# Gamal's ج or Gh غ, P and V are the b and f of Latin spellings, a vowel is a name opening with
# ا, ع, أ or إ; C is Ch (ش in French, خ in German and Dutch) or ك, J is ج (ي in German and
# Dutch), and in Turkish and Kurmanji spelling C is ج and H also خ. Each letter is given as the
# key letters (``name_keys``) its name's key may open with; w stands for a name opening with و,
# whose key keeps it only as its u flag.
_INITIAL_SOUNDS: dict[str, str] = {
    **dict.fromkeys("aeiou", "a"),
    "b": "b",
    "p": "b",
    "c": "ck",
    "ç": "c",
    "ş": "c",
    "d": "djz",
    "f": "f",
    "v": "f",
    "g": "jg",
    "h": "h",
    "j": "j",
    "k": "kx",
    "l": "l",
    "m": "m",
    "n": "n",
    "q": "k",
    "r": "r",
    "s": "sc",
    "t": "t",
    "w": "w",
    "x": "x",
    "y": "y",
    "z": "z",
}
_INITIAL_SOUNDS_GERMANIC = {"c": "ckx", "j": "jy"}
_INITIAL_SOUNDS_TURKISH = {"c": "ckj", "h": "hx"}
INITIAL_COLUMNS: tuple[str, ...] = ("first_initial", "father_initial")

# The mother's own family name, where her cell gives one after her first name («فاطمة الحسن»,
# "Rana Al-Rifai", "HAMWI, Fatima"): compared where both records give it (``model``'s mother
# level "same first name, her family name differs"; ``engine._two_mothers``). Two namesakes
# whose mothers share a common first name (two «محمود محمد المحمد» whose mothers are both «رنا»,
# «رنا قدور» and «Rana Al-Rifai») are two men (issue 15, set 17).
MOTHER_FAMILY = "mother_family"
MOTHER_FAMILY_COLUMNS: tuple[str, ...] = tuple(
    f"{MOTHER_FAMILY}_{kind}" for kind in ("n", "k", "rasm", "loose")
)
# The second word of a woman's compound given name (فاطمة الزهراء, نور الهدى, نور الشام, بنت
# الهدى): her name, not her family's.
_COMPOUND_SECONDS = ("الزهراء", "الزهرا", "الهدى", "الإيمان", "الشام", "الحياة", "الصباح")
# Fewest letters of a family name of hers: fewer is a piece of her first name OCR cut off.
_MOTHER_FAMILY_LETTERS = 3
# The key of «أم» («ام محمد», "Um Mohammad": a mother remembered by her son's name, her kunya,
# not her own): no family name of hers follows it.
_UMM_KEY = name_key("أم")


def is_umm_key(key: str | None) -> bool:
    """Whether a word's key is «أم»'s (ام, إم; Um, Umm, Om in Latin letters: its long u aside)."""
    return key is not None and key.replace("w", "") == _UMM_KEY


@lru_cache(maxsize=100_000)
def mother_family(cell: str) -> str:
    """The family name a mother's cell gives after her first name («فاطمة الحسن»: الحسن;
    "HAMWI, Fatima": HAMWI), or "" where it gives none: her first name alone, her father's
    name («مريم بنت محمد»), her kunya («ام محمد»), a compound given name («فاطمة الزهراء»), or
    a second word that is a given name without an article («أمل شادي»: as likely her father's
    name as her family's, as registers write «اسم الأم» with the father's)."""
    text = MOTHER_WORD_BEFORE.sub("", cell).strip() or cell.strip()
    words = text.split()
    if len(words) < 2 or is_umm_key(name_key(words[0].strip("-"))):
        return ""
    reading = parse_full_name(text)[0]
    if reading.form not in ("natural", "family, given", "FAMILY given"):
        return ""
    family = reading.parts.get("family_name") or ""
    family_words = family.split()
    if len("".join(family_words)) < _MOTHER_FAMILY_LETTERS:
        return ""  # a name OCR cut in two («لي نا»), not a family's
    if words[0] in _SITT_WORDS and len(words) == 2:
        return ""  # «ست البنات», «ست الشام»: one given name of hers
    if _compound_second(family):
        # «نور الهدى», "Nour El Houda", "Nour Al-Huda" (the article a word of its own, or
        # hyphened): her compound given name.
        return ""
    if not has_article(family) and _compound_given(family):
        # «عبد الرحمن», «خير الله», «نور الدين», "Abdel Karim" (``name_words`` keeps them as one
        # name): her father's given name, as registers write «اسم الأم» with it, no family's.
        return ""
    if len(family_words) == 1:
        word = family_words[0]
        if is_given_name(word) and not has_article(word):
            return ""
    return family


# «ست» opening a woman's compound given name (ست البنات, ست الشام, ست الكل).
_SITT_WORDS = frozenset({"ست", "ستّ", "سِت"})


def _compound_given(family: str) -> bool:
    """Whether a family cell is one compound given name as ``name_words`` joins them: ʿAbd and a
    name, a name and Allah or al-Din («عبد الرحمن», «خير الله», «نور الدين», "Abdul Rahman"); not
    an Abu, which opens family names as often (أبو زيد, "Abou Chakra")."""
    units = name_words(family)
    if len(units) != 1 or " " not in units[0]:
        return False
    return units[0].split(" ", 1)[0].lower() not in _ABU_WORDS


_ABU_WORDS = frozenset({"ابو", "أبو", "إبو", "بو", "abu", "abou", "abo", "bou", "abū"})


# … as Latin letters write them, the article aside ("Nour El Houda", "Fatima Al-Zahraa").
_COMPOUND_SECONDS_LATIN = frozenset(
    {"zahra", "zahraa", "zehra", "houda", "huda", "hoda", "iman", "imane", "eman"}
    | {"sham", "cham", "hayat", "hayet", "sabah"}
)
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ez|az|es|as|ash|esh)[-\s]+", re.IGNORECASE)


def _compound_second(family: str) -> bool:
    """Whether a family cell is the second half of a woman's compound given name (الزهراء,
    الهدى; "El Houda", "Al-Zahraa"), by its spelling: a key would take «حداد» for «الهدى»."""
    if family.isascii():
        return _LATIN_ARTICLE.sub("", family.strip()).lower() in _COMPOUND_SECONDS_LATIN
    return normalise_arabic(family.strip()) in _compound_second_spellings()


@lru_cache(maxsize=1)
def _compound_second_spellings() -> frozenset[str]:
    return frozenset(normalise_arabic(word) for word in _COMPOUND_SECONDS)


FEATURE_COLUMNS: tuple[str, ...] = (
    *(f"{part}_{kind}" for part in NAME_PARTS for kind in ("n", "k", "rasm", "loose")),
    *(f"{part}_common" for part in COMMON_PARTS),
    *(f"{part}_vw" for part in NAME_PARTS),
    *MOTHER_FAMILY_COLUMNS,
    "family_rare",
    "sex",
    "birth_year",
    "birth_year_late",
    "birth_year_approx",
    "birth_year_ocr",
    "birth_year_hijri",
    "age_low",
    "age_high",
    "birth_place_k",
    "birth_place_block",
    "birth_place_parts",
    "birth_place_wide",
    "birth_place_gov",
    "national_id",
    "arrest_year",
    "arrest_month",
    "arrest_approx",
    "arrest_place_parts",
    "arrest_border",
    *INITIAL_COLUMNS,
)

_ARTICLES = ("ال", "al", "el")
# The month of an ISO date ("2013-04", "2013-04-17", "2013/04/17"), of a day-first one
# ("17/04/2013", "17.04.2013"), of a month and year ("04/2013") or of a compact date as a
# Swedish personnummer writes it ("20130417").
_MONTH = re.compile(
    r"(?:^\d{4}[-/.](\d{1,2})|^\d{1,2}[-/.](\d{1,2})[-/.]\d{4}|^(\d{1,2})[-/.]\d{4}(?!\d)"
    r"|^(?:19|20)\d\d(\d\d)\d\d$)"
)
_SEX = {
    "m": "M",
    "male": "M",
    "ذكر": "M",
    "ذ": "M",
    "f": "F",
    "female": "F",
    "انثي": "F",
    "انثى": "F",
    "أنثى": "F",
    "ا": "F",
    # Swedish, Danish and Norwegian files: K (kvinna, kvinde, kvinne), M (man, mand, mann).
    "k": "F",
    "kvinna": "F",
    "kvinde": "F",
    "kvinne": "F",
    "man": "M",
    "mand": "M",
    "mann": "M",
    "woman": "F",
    # French: H (homme), F (femme); a church's or a French office's list.
    "h": "M",
    "homme": "M",
    "femme": "F",
    "masculin": "M",
    "feminin": "F",
    # Russian: М, муж(ской), Ж, жен(ский), in Cyrillic and romanised.
    "м": "M",
    "муж": "M",
    "мужской": "M",
    "muzh": "M",
    "muzhskoy": "M",
    "ж": "F",
    "жен": "F",
    "женский": "F",
    "zh": "F",
    "zhen": "F",
    "zhenskiy": "F",
    # Sorani, as Iraqi Kurdistan's forms write it: نێر (male), مێ (female), and the adjectives.
    "نێر": "M",
    "نێرينه": "M",
    "مێ": "F",
    "مێينه": "F",
}


@lru_cache(maxsize=1024)
def sex_of(text: str) -> str | None:
    """ "M" or "F" for a sex as lists write it (M/F, male/female, ذكر/أنثى, Swedish K, Sorani
    نێر/مێ), or None: the one table of ``mizan link`` and the registry's import. Cached: a list
    writes a handful of spellings for a million records."""
    return _SEX.get(normalise_for_search(text or ""))


@lru_cache(maxsize=200_000)
def _spelling(text: str) -> str:
    words = normalise_for_search(drop_titles(text)).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    joined = "".join(words)
    for article in _ARTICLES:
        if joined.startswith(article) and len(joined) > len(article) + 2:
            return joined[len(article) :]
    return joined


@lru_cache(maxsize=200_000)
def _key(
    text: str,
    turkish: bool = False,
    germanic: bool = False,
    kurmanji: bool = False,
    romance: str = "",
) -> str:
    # «عبذ الكريم», the ʿAbd of a compound as OCR misread its dots, is keyed as عبد by name_keys.
    keys = name_keys(text, turkish=turkish, germanic=germanic, kurmanji=kurmanji, romance=romance)
    if not keys:
        # A title alone is the name itself: the families الشيخ, الحاج ("El Şayh", "Al-Hajj"),
        # in German spelling too ("Al-Scheich", "Al Shaich").
        return name_key(_german_title(text) if germanic else text)
    return "".join(keys)


@lru_cache(maxsize=200_000)
def spelling_keys(spelling: str | None) -> frozenset[str]:
    """The keys a Latin name's spelling (a ``…_n`` feature: lower case, the article dropped)
    reads as both ways a European office writes it: as written, and in German or Nordic spelling
    (Chalil خليل, Rijad رياض, Alsjeich الشيخ). What the likeliest reading keyed a record's name
    by is one of them or not ("Alomar", whose glued article the key keeps); no key for an Arabic
    spelling, whose key is the only one. Cached: one set for each spelling, however many records
    write it (a million records' traits hold them all)."""
    if not spelling or not spelling.isascii():
        return frozenset()
    # A saint's French name reads as each Arabic name it may stand for (Pierre: بيير, بطرس).
    saints = {name_key(each) for each in saint_readings(spelling)}
    return frozenset({_key(spelling), _key(spelling, germanic=True), *saints})


# English names of Syrian places that no transliteration key reaches (search form → Arabic).
_EXONYMS: dict[str, str] = {
    "damascus": "دمشق",
    "aleppo": "حلب",
    "latakia": "اللاذقية",
    "lattakia": "اللاذقية",
    "latakiya": "اللاذقية",
    "sweida": "السويداء",
    "suwayda": "السويداء",
    "as suwayda": "السويداء",
    "as-suwayda": "السويداء",
    "al suwayda": "السويداء",
    "deraa": "درعا",
    "dera'a": "درعا",
    "homs": "حمص",
    "hama": "حماة",
}


_EXONYMS.update(
    {
        "alep": "حلب",
        "damas": "دمشق",
        "hims": "حمص",
        "rural damascus": "ريف دمشق",
        "reef damascus": "ريف دمشق",
        "rif dimashq": "ريف دمشق",
        "damascus countryside": "ريف دمشق",
        "damascus suburbs": "ريف دمشق",
        "damascus city": "دمشق",
        "deir ez-zor": "دير الزور",
        "deir ez zor": "دير الزور",
        "deir ezzor": "دير الزور",
        "deir al-zour": "دير الزور",
        "deir al zour": "دير الزور",
        "deir el-zor": "دير الزور",
        "deir ezzour": "دير الزور",
        "الشام": "دمشق",
        "ريف الشام": "ريف دمشق",
        "الريف": "ريف دمشق",
    }
)
# Turkish exonyms, as Syrians registered in Türkiye write their places (search form: Şam is
# "sam", Kamışlı "kamisli"); Halep, Rakka, Hama, İdlib, Serakib key like the Arabic already.
_EXONYMS.update(
    {
        "sam": "دمشق",
        "sam kirsal": "ريف دمشق",
        "humus": "حمص",
        "lazkiye": "اللاذقية",
        "deyrizor": "دير الزور",
        "deyr ez zor": "دير الزور",
        "deyrezzor": "دير الزور",
        "kamisli": "القامشلي",
        "munbic": "منبج",
        "suveyda": "السويداء",
        "haseke": "الحسكة",
        "kuneytra": "القنيطرة",
    }
)
# Italian, Spanish and French exonyms (Damasco, Alepo, Lattaquié) as asylum offices write them.
_EXONYMS.update({"damasco": "دمشق", "alepo": "حلب", "lattaquie": "اللاذقية"})
# Greek exonyms (Δαμασκός, Χαλέπι), as the Greek route reads them (``_letters_read``).
_EXONYMS.update(
    {"damaskos": "دمشق", "damaskous": "دمشق", "chalepi": "حلب", "halepi": "حلب", "halepio": "حلب"}
)
# Russian exonyms as romanised (Дамаск "Damask"); Khoms, Khama, Aleppo, Latakiya read already.
_EXONYMS.update({"damask": "دمشق"})
# German and Dutch exonyms (Damaskus, Kamischli, Doema); Aleppo, Homs, Hama, Rakka key already.
_EXONYMS.update({"damaskus": "دمشق", "kamischli": "القامشلي", "doema": "دوما"})
# … and as a German migration office writes the towns (issue 15, set 9): S for a first ز, j for
# ي, Dsch for ج and sch for ش, which place keys do not read the German way.
_EXONYMS.update(
    {
        normalise_for_search(name): arabic
        for name, arabic in (
            ("Sabadani", "الزبداني"),
            ("Majadin", "الميادين"),
            ("Al-Majadin", "الميادين"),
            ("Muadamija", "المعضمية"),
            ("Dschisr asch-Schughur", "جسر الشغور"),
            ("Dschisr asch Schughur", "جسر الشغور"),
            ("Dscharablus", "جرابلس"),
            ("Dschableh", "جبلة"),
            ("Dschobar", "جوبر"),
        )
    }
)
# Kurdish (Kurmanji) names of towns in the governorates of al-Hasakah, Aleppo and al-Raqqa, and of
# Kurdish quarters, as a Kurdish group's list writes them: most differ wholly from the Arabic
# name (Kobanî عين العرب, Dêrik المالكية, Tirbespî القحطانية). Each is also met typed without
# Kurdish letters (ş as s or sh, ç as c or ch, ê î û as e i u; ``_kurdish_spellings``).
_KURDISH_PLACES: dict[str, str] = {
    # al-Hasakah
    "Qamişlo": "القامشلي",
    "Qamişlî": "القامشلي",
    "Amûdê": "عامودا",
    "Amûda": "عامودا",
    "Dirbêsiyê": "الدرباسية",
    "Dirbêsî": "الدرباسية",
    "Dêrik": "المالكية",
    "Dêrika Hemko": "المالكية",
    "Serêkaniyê": "رأس العين",
    "Serê Kaniyê": "رأس العين",
    "Tirbespî": "القحطانية",
    "Girkê Legê": "المعبدة",
    "Rimêlan": "رميلان",
    "Çilaxa": "الجوادية",
    "Til Koçer": "اليعربية",
    "Hesekê": "الحسكة",
    "Hesiçe": "الحسكة",
    "Til Temir": "تل تمر",
    "Şedadê": "الشدادي",
    "Til Hemîs": "تل حميس",
    "Til Berak": "تل براك",
    "Holê": "الهول",
    # Aleppo: Afrin and Kobani, Manbij, the city's Kurdish quarters
    "Kobanî": "عين العرب",
    "Efrîn": "عفرين",
    "Cindirês": "جنديرس",
    "Reco": "راجو",
    "Şiyê": "الشيخ حديد",
    "Bilbilê": "بلبل",
    "Şera": "شران",
    "Mabeta": "معبطلي",
    "Şêrawa": "شيراوا",
    "Heleb": "حلب",
    "Minbic": "منبج",
    "Ezaz": "اعزاز",
    "Til Rifet": "تل رفعت",
    "Sirîn": "صرين",
    "Şêxmeqsûd": "الشيخ مقصود",
    "Şêx Meqsûd": "الشيخ مقصود",
    "Eşrefiyê": "الأشرفية",
    # al-Raqqa
    "Girê Spî": "تل أبيض",
    "Reqa": "الرقة",
    "Eyn Îsa": "عين عيسى",
    # Damascus and Deir ez-Zor. Şam is the Turkish exonym's "sam" already; "Sham" typed for it is
    # left out, as Busra al-Sham (in Daraa) would read it as the governorate of Damascus.
    "Zorava": "وادي المشاريع",
    "Taxa Kurdan": "ركن الدين",
    "Dêra Zor": "دير الزور",
    "Dêrezor": "دير الزور",
}


def _kurdish_spellings(name: str) -> set[str]:
    """The search forms of a Kurmanji place name as typed with and without Kurdish letters."""
    plain = {name}
    for old, typed in (
        ("ş", ("s", "sh")),
        ("Ş", ("S", "Sh")),
        ("ç", ("c", "ch")),
        ("Ç", ("C", "Ch")),
    ):
        plain = (
            {each.replace(old, way) for each in plain for way in typed} if old in name else plain
        )
    return {normalise_for_search(each) for each in plain}


_EXONYMS.update(
    {
        spelling: arabic
        for name, arabic in _KURDISH_PLACES.items()
        for spelling in _kurdish_spellings(name)
    }
)
# … and the Kurdish names in Arabic or Sorani letters, as Kurds write them on either keyboard
# (search form: ی is ي, ە is ه).
_EXONYMS.update(
    {
        normalise_for_search(name): arabic
        for name, arabic in (
            ("كوباني", "عين العرب"),
            ("کۆبانی", "عين العرب"),
            ("قامشلو", "القامشلي"),
            ("قامیشلۆ", "القامشلي"),
            ("ديريك", "المالكية"),
            ("دێرک", "المالكية"),
            ("سري كانيه", "رأس العين"),
            ("سەرێکانیێ", "رأس العين"),
            ("تربه سبي", "القحطانية"),
            ("كري سبي", "تل أبيض"),
        )
    }
)
# Syria's governorates: a place given only as one of them (حلب, "Deraa") may hold the town the
# other list names (عندان, "Nawa"), so it is no evidence against it.
_GOVERNORATES = (
    "دمشق",
    "ريف دمشق",
    "حلب",
    "حمص",
    "حماة",
    "اللاذقية",
    "طرطوس",
    "إدلب",
    "الرقة",
    "دير الزور",
    "الحسكة",
    "درعا",
    "السويداء",
    "القنيطرة",
)
# Words that say what kind of place a part is, not which: "Daraa Governorate", "محافظة درعا";
# a refugee camp is the place it is named after ("Neirab Camp", «مخيم النيرب»), and a village
# the village («قرية لوبية», «… من قرية لوبية» as a Palestinian list writes the family's origin).
_PLACE_KIND = re.compile(
    r"\b(?:governorate|province|gov\.?|city|district|countryside|camp|village"
    r"|محافظة|محافظه|مدينة|مدينه|منطقة|مخيّ?م|قرية|قريه|بلدة|بلده)\b",
    re.IGNORECASE,
)
_PLACE_PARTS = re.compile(r"[,،()/]|\s[-–]\s")
# Words that say which part of a governorate, not which town: «حمص - المدينة», «حلب - الريف»,
# "Homs - city", "Aleppo - Centre", a Turkish office's "Halep Merkez". Beside a governorate
# («حمص - المدينة», governorate first as a register sorted by governorate writes it) they are
# no town: the place is the governorate (``_place``). Alone they say nothing (المدينة may be
# Medina), and are left as written. «درعا البلد» is a district of Daraa: البلد is not listed.
_COUNTRYSIDE = (
    "الريف", "ريف", "countryside", "the countryside", "rural", "rural area", "rural areas",
    "kirsal", "campagne", "umland",
)  # fmt: skip
_GENERIC_PLACES = frozenset(
    normalise_for_search(word)
    for word in (
        *_COUNTRYSIDE,
        "المدينة", "مدينة", "المركز", "مركز", "مركز المدينة", "وسط المدينة", "مركز المحافظة",
        "city", "the city", "city centre", "city center", "centre", "center", "downtown",
        "urban", "merkez", "ville", "centre ville", "stadt", "zentrum", "innenstadt",
    )
)  # fmt: skip
_COUNTRYSIDE_FORMS = frozenset(normalise_for_search(word) for word in _COUNTRYSIDE)


@lru_cache(maxsize=50_000)
def _place_key(text: str) -> str:
    return _key(_EXONYMS.get(normalise_for_search(text), text))


@lru_cache(maxsize=1)
def _governorate_keys() -> frozenset[str]:
    return frozenset(_place_key(name) for name in _GOVERNORATES)


def _governorate_apart(part: str) -> list[str]:
    """A place written with its governorate without a comma ("التل ريف دمشق", "دمشق اليرموك"):
    the town and the governorate apart, the town first; the governorate alone where the rest
    names no town («حمص المدينة», "Halep Merkez": ``_in_governorate``)."""
    words = part.split()
    if _is_governorate(part):
        return [part]
    for size in (2, 1):
        if len(words) > size:
            if _is_governorate(" ".join(words[-size:])):
                return _in_governorate(" ".join(words[:-size]), " ".join(words[-size:]))
            if _is_governorate(" ".join(words[:size])):
                return _in_governorate(" ".join(words[size:]), " ".join(words[:size]))
    return [part]


def _in_governorate(town: str, governorate: str) -> list[str]:
    """A place part and the governorate written beside it, the town first: the governorate
    alone where the part is a word for any of its parts («المدينة», "countryside",
    ``_GENERIC_PLACES``) — Damascus's countryside is the governorate of Rural Damascus."""
    generic = normalise_for_search(town)
    if generic not in _GENERIC_PLACES:
        return [town, governorate]
    if generic in _COUNTRYSIDE_FORMS and _is_damascus(governorate):
        return ["ريف دمشق"]
    return [governorate]


def _is_damascus(governorate: str) -> bool:
    return _place_key(governorate) == _place_key("دمشق")


@lru_cache(maxsize=1)
def _governorate_spellings() -> frozenset[str]:
    names = {normalise_for_search(name) for name in _GOVERNORATES}
    names |= {name for name, arabic in _EXONYMS.items() if arabic in _GOVERNORATES}
    names |= {"daraa", "idlib", "idleb", "hama", "hamah", "raqqa", "hasakah", "hasaka", "tartus"}
    names |= {"tartous", "quneitra", "suwayda", "halab", "hims", "dimashq"}
    # … and Aleppo as a Turkish office writes it ("Halep Merkez": ``_in_governorate``).
    names |= {"halep"}
    return frozenset(names)


@lru_cache(maxsize=50_000)
def _is_governorate(text: str) -> bool:
    """Whether ``text`` is written as one of Syria's governorates (by spelling, not by key:
    دير is not درعا)."""
    spelling = normalise_for_search(text)
    for article in ("ال", "al ", "al-", "el ", "el-"):
        if spelling.startswith(article) and spelling[len(article) :] in _governorate_spellings():
            return True
    return spelling in _governorate_spellings()


def _place_variants(piece: str, key: str) -> set[str]:
    """Other keys a place part is met by: a final ي written ى or the reverse (نوي/نوى), and its
    loose key (marked "~", so that it only meets other loose keys), which OCR's misread dots
    (الفصير, الصنميث) keep (issue 15)."""
    variants: set[str] = set()
    stripped = piece.rstrip()
    if stripped.endswith(("ي", "ى")):
        other = _place_key(stripped[:-1] + ("ى" if stripped.endswith("ي") else "ي"))
        if other:
            variants.add(other)
    for each in (key, *variants):
        loose = loose_key(each)
        if len(loose) >= 3:
            variants.add(f"~{loose}")
    return variants


# The project's gazetteer (``mizan.core``'s seed data, OCHA's P-codes): each Syrian town,
# district and governorate it names, in Arabic and English, with the governorate it lies in. A
# list that gives only a governorate («حلب», "Hama") says nothing against a town of that
# governorate, but a town of another governorate («التل», Rural Damascus) is another place
# (issue 15, set 17: «تولد حلب 1996» against «التل 1996»). Rural Damascus is read with Damascus:
# families say "Damascus" for its suburbs (Douma, Darayya) as often as not.
_GAZETTEER = Path(__file__).resolve().parent.parent / "core" / "fixtures" / "places.json"
_ONE_REGION = {"SY03": "SY01"}


# A town's key shorter than this says no governorate: two or three consonants are many places'
# (المعرة's م ر is مارع's, Aleppo's, as well as Idlib's Maarat; الحولة's ه ل و الهول's).
GAZETTEER_KEY_LETTERS = 4


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    """What the gazetteer says of each place's governorate (its P-code): ``governorates`` by
    the key of a governorate's own name (its spellings are many: Der'a, Edlib, Hims); ``forms``
    by the search form (``mizan.text``) of each place it names in one governorate only, with
    and without its article; ``keys`` by the key of such a place, when no place of another
    governorate shares it and it has ``GAZETTEER_KEY_LETTERS`` letters at least."""

    governorates: dict[str, str]
    forms: dict[str, str]
    keys: dict[str, str]


def _unarticled(form: str) -> str:
    for article in ("ال", "al ", "el "):
        if form.startswith(article) and len(form) > len(article) + 2:
            return form[len(article) :]
    return form


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    """The governorate of each place the gazetteer names (``_Gazetteer``). Empty without the
    gazetteer (a test makes sure it is there: ``tests/linkage/test_fixg.py``)."""
    try:
        rows = json.loads(_GAZETTEER.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _Gazetteer({}, {}, {})
    by_code = {row["code"]: row for row in rows}
    by_key: dict[str, set[str]] = {}
    by_form: dict[str, set[str]] = {}
    governorates: dict[str, str] = {}
    for row in rows:
        node = row
        while node is not None and node.get("kind") != "governorate":
            node = by_code.get(node.get("parent") or "")
        if node is None:
            continue
        governorate = _ONE_REGION.get(node["code"], node["code"])
        for name in (row.get("name_ar") or "", row.get("name_en") or ""):
            key = _place_key(name) if name else ""
            if not key:
                continue
            by_key.setdefault(key, set()).add(governorate)
            form = normalise_for_search(name)
            for each in {form, _unarticled(form)}:
                by_form.setdefault(each, set()).add(governorate)
            if node is row:
                governorates[key] = governorate
    return _Gazetteer(
        governorates,
        {form: next(iter(each)) for form, each in by_form.items() if len(each) == 1},
        {
            key: next(iter(each))
            for key, each in by_key.items()
            if len(each) == 1 and len(key) >= GAZETTEER_KEY_LETTERS
        },
    )


def _gazetteer_form(gazetteer: _Gazetteer, text: str) -> str | None:
    form = normalise_for_search(text)
    return gazetteer.forms.get(form) or gazetteer.forms.get(_unarticled(form))


def _governorate_of(text: str, keys: Sequence[str], wide: bool | None) -> str | None:
    """The one governorate the parts of a place (``text``, read by ``_place`` into ``keys``) lie
    in, or None: none known, or two. A place no finer than a governorate («حماة») is that
    governorate, by its key. A town is found by its search form, or failing that by a key of its
    own (``_Gazetteer.keys``): «الحولة» (Homs) is no الهول (Hasakah) for sharing ه ل و."""
    if wide:
        governorates = _gazetteer().governorates
        found = {governorates[key] for key in keys if key in governorates}
        return found.pop() if len(found) == 1 else None
    return _town_governorate(text)


@lru_cache(maxsize=50_000)
def _town_governorate(text: str) -> str | None:
    gazetteer = _gazetteer()
    found: set[str] = set()
    for part in _PLACE_PARTS.split(text):
        part = part.strip()
        if normalise_for_search(part) not in _EXONYMS:
            part = _PLACE_KIND.sub(" ", part).strip()
        if not part:
            continue
        # «بصرى الشام» is one town, not بصرى in الشام: the part whole first.
        whole = _gazetteer_form(gazetteer, part)
        for piece in [part] if whole else _governorate_apart(part):
            governorate = whole or _gazetteer_form(gazetteer, piece)
            if governorate is None:
                key = _place_key(piece)
                # A governorate's own key only for its own spellings (Daraya's is Daraa's).
                governorate = gazetteer.keys.get(key) or (
                    gazetteer.governorates.get(key) if _is_governorate(piece) else None
                )
            if governorate is not None:
                found.add(governorate)
    return found.pop() if len(found) == 1 else None


# Towns whose key is a governorate's: داريا (Daraya, Rural Damascus) and درعا (Daraa) share the
# consonants د ر. Listed by spelling, since a governorate's own unusual spellings (Der'a, Edlib)
# must keep meeting it.
_TOWNS_KEYED_AS_GOVERNORATES = ("داريا", "داريّا", "داريه", "daraya", "darayya", "dariya", "daria")


@lru_cache(maxsize=1)
def _towns_keyed_as_governorates() -> frozenset[str]:
    return frozenset(normalise_for_search(name) for name in _TOWNS_KEYED_AS_GOVERNORATES)


def _not_a_governorate(piece: str, key: str) -> str:
    """``key``, marked apart for a town written with a governorate's key (داريا is not درعا,
    nor a place no finer than a governorate; issue 15)."""
    if key in _governorate_keys():
        spelling = normalise_for_search(piece)
        for article in ("ال", "al ", "al-", "el ", "el-"):
            spelling = spelling.removeprefix(article)
        if spelling in _towns_keyed_as_governorates():
            return f"{key}'"
    return key


# A place given as a civil-registry entry («قيد كفرنبل 123», «محل ورقم القيد: كفرنبل/123»): the
# family's registry town (its father's home town) and its entry number, which a court or a
# registry extract writes where other lists write the place of birth.
_REGISTRY_ENTRY = re.compile(
    r"^\s*(?:(?:محل|مكان)\s+(?:و\s*)?(?:رقم\s+)?(?:ال)?قيد|(?:ال)?قيد)(?![^\W\d_])\s*[:：]?\s*"
    r"(\D*?[^\W\d_])\s*(?:[-/،,:]\s*)?(?:رقم\s*)?(?:[0-9٠-٩۰-۹]+)?\s*$"
)


@lru_cache(maxsize=50_000)
def _registry_town(text: str) -> str | None:
    """The town of a civil-registry entry written as a place («قيد كفرنبل 123»: كفرنبل), or
    None for a place written otherwise."""
    match = _REGISTRY_ENTRY.match(text)
    return match.group(1).strip() if match else None


# A place of birth written with the year, as a decree or a civil-registry extract gives both in
# one cell («تولد حماة 1975», «مواليد حمص 1980», «حماة 1975», "born in Hama, 1975"; issue 15,
# set 15's dismissal decrees): the word "born" and the year are no part of the place.
# The words may follow the place too («حلب مواليد 1990», «حماة تاريخ 12/3/1985»: the cell's
# "place and date of birth" read out): wherever they stand as words, they are no part of it.
_BORN_AT = re.compile(
    r"(?<!\S)(?:(?:من\s+)?مواليد|تولد|مولود[ةه]?|born(?:\s+in)?|(?:ب)?تاريخ)(?![^\W\d_])\s*[:：]?\s*",
    re.IGNORECASE,
)
_PLACE_YEAR = re.compile(r"(?<![^\s,،\-/(])((?:19|20)\d\d)(?![^\s,،\-/)])")
# … or the whole date, as a court's roll or a civil-registry extract gives «محل وتاريخ الولادة»
# («حماة 12/3/1985», «حماة 1985/3/12», "Hama 12.03.1985"; issue 15, set 17): its year.
_PLACE_DATE = re.compile(
    r"(?<![^\s,،\-(])(?:\d{1,2}[./-]\d{1,2}[./-]((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)[./-]\d{1,2}[./-]\d{1,2})(?![^\s,،\-)])"
)


# «من منبج», «في حلب», "from Homs": a family's post or a volunteer's sheet writes the town a
# person is from, or was taken in, with the preposition; no Syrian town's name begins with it.
_PLACE_PREPOSITION = re.compile(r"^\s*(?:من|في|from|in)\s+(?=\S)", re.IGNORECASE)


def _born_in_age_cell(text: str) -> bool:
    """Whether an age's cell gives the year of birth instead, with its word («مواليد 84»,
    «مواليد 1984», «تولد 1990», "born 1984"): a year of birth, not an age."""
    return _BORN_AT.match(text) is not None and any(ch.isdigit() for ch in to_ascii_digits(text))


@lru_cache(maxsize=50_000)
def _born_at(text: str) -> tuple[str, str]:
    """A place of birth cell read as its place and the year written in it («تولد حماة 1975»:
    «حماة» and «1975»; a place without a year, «تولد حماة», its place and ""; a civil-registry
    entry's number («قيد كفرنبل 1990», ``_registry_town``): itself and ""). A preposition
    before the place («من منبج», ``_PLACE_PREPOSITION``) is no part of it."""
    text = _PLACE_PREPOSITION.sub("", text)
    if _registry_town(text) is not None:
        return text, ""
    digits = to_ascii_digits(text)
    if BORN_TWO_DIGITS.match(digits):
        return "", digits.strip()
    dates = _PLACE_DATE.findall(digits)
    if len(dates) == 1:
        digits = _PLACE_DATE.sub(" ", digits)
        if any(ch.isdigit() for ch in digits):
            return _BORN_AT.sub("", text).strip(" \t,،-–/()") or text, ""
        return _BORN_AT.sub("", digits).strip(" \t,،-–/()"), dates[0][0] or dates[0][1]
    years = _PLACE_YEAR.findall(digits)
    place = _PLACE_YEAR.sub(" ", digits) if len(years) == 1 else digits
    if len(years) != 1 or any(ch.isdigit() for ch in place):
        # No year, or digits beside it (a telephone number, «حلب، 0933 2011 45»): the word
        # "born" still goes («تولد حماة» is حماة), the digits stay with the place.
        return _BORN_AT.sub("", text).strip(" \t,،-–/()") or text, ""
    return _BORN_AT.sub("", place).strip(" \t,،-–/()"), years[0]


# A residence in a camp («مخيم الركبان», "Zaatari camp"): where a displaced family lives now, not
# the town it is from (``home_residence``).
_CAMP = re.compile(r"\b(?:camp|kamp|camps|مخيّ?م|مخيمات|كامب)\b", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def home_residence(text: str) -> bool:
    """Whether a register's place of residence (``lists.RESIDENCE_COLUMN``) may stand for the
    family's town: a place the gazetteer finds in one governorate of Syria, not a camp. A town
    abroad (Gaziantep, Beirut) or a camp is where the family lives now, which namesakes in one
    diaspora's or one camp's lists share: no evidence of who they are."""
    text = text.strip()
    if not text or _CAMP.search(text):
        return False
    _key, parts, wide = _place(text)
    if not parts:
        return False
    # A town the gazetteer places in one governorate, or a name of its that several places
    # share (المعضمية: Rural Damascus's and Idlib's), spelled as it writes it.
    if _governorate_of(text, parts, wide) is not None:
        return True
    forms = _syrian_place_forms()
    return any(
        _unarticled(normalise_for_search(_PLACE_KIND.sub(" ", part).strip())) in forms
        for part in _PLACE_PARTS.split(text)
    )


@lru_cache(maxsize=1)
def _syrian_place_forms() -> frozenset[str]:
    """The search forms (``mizan.text``) of every Syrian place the gazetteer names (its P-code,
    or an ancestor's, begins SY; it names a few towns abroad too), in Arabic and English,
    without the article."""
    try:
        rows = json.loads(_GAZETTEER.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    by_code = {row["code"]: row for row in rows}

    def syrian(row: Mapping[str, Any]) -> bool:
        node: Mapping[str, Any] | None = row
        while node is not None and not str(node.get("code") or "").startswith("SY"):
            node = by_code.get(node.get("parent") or "")
        return node is not None

    names = (row.get(name) or "" for row in rows if syrian(row) for name in ("name_ar", "name_en"))
    return frozenset(_unarticled(normalise_for_search(name)) for name in names if name)


@lru_cache(maxsize=50_000)
def _place(text: str) -> tuple[str | None, tuple[str, ...] | None, bool | None]:
    """A place as written, read as its parts ("Tadmur, Hims", "حلب - الأتارب", "Nawa (Daraa
    Governorate)", «ريف دمشق - حرستا»): the key of its most precise part (the first that is no
    governorate), the keys of every part and of the whole, and whether it names nothing finer
    than a governorate. Lists give places at different depths; two places agree when they share
    a part."""
    whole = _not_a_governorate(text, _place_key(text))
    keys: list[str] = []
    variants: set[str] = set()
    parts = [part.strip() for part in _PLACE_PARTS.split(text)]
    governorate = next(
        (
            part
            for part in parts
            if _is_governorate(part) and normalise_for_search(part) not in _GENERIC_PLACES
        ),
        None,
    )
    if governorate is not None:
        # «حمص - المدينة», «حلب - الريف», "Homs - centre": the governorate, no town called
        # "the city" (``_in_governorate``); «دمشق - الريف» is Rural Damascus.
        generic = [part for part in parts if normalise_for_search(part) in _GENERIC_PLACES]
        if generic:
            parts = [part for part in parts if part not in generic]
            for word in generic:
                (read,) = _in_governorate(word, governorate)
                parts = [read if part == governorate else part for part in parts]
    for part in parts:
        if normalise_for_search(part) not in _EXONYMS:
            part = _PLACE_KIND.sub(" ", part).strip()
        if not part or part.isdigit():
            continue
        for piece in _governorate_apart(part):
            key = _not_a_governorate(piece, _place_key(piece))
            if key and key not in keys:
                keys.append(key)
            variants.update(_place_variants(piece, key))
    if not keys:
        return (whole or None), ((whole,) if whole else None), None
    towns = [key for key in keys if key not in _governorate_keys()]
    every = tuple(sorted({*keys, *variants, whole} - {""}))
    # The town, wherever it is written: "Nawa, Daraa" and «ريف دمشق - حرستا» (the governorate
    # first, as a register sorted by governorate writes it) both give the town's key.
    return (towns or keys)[0], every, not towns


# A word-final yaa: without its dots it is an alef maqsura (ى), and typists write either for the
# other (موسى/موسي, ليلى/ليلي, مصطفى/مصطفي).
_FINAL_YAA = re.compile(r"[يی](?=[\s\-_.,)]|$)")


@lru_cache(maxsize=200_000)
def _dotless(text: str) -> str:
    return dotless_key(_FINAL_YAA.sub("ى", text))


@lru_cache(maxsize=50_000)
def _first_word_key(
    text: str,
    turkish: bool = False,
    germanic: bool = False,
    kurmanji: bool = False,
    romance: str = "",
) -> str:
    keys = name_keys(text, turkish=turkish, germanic=germanic, kurmanji=kurmanji, romance=romance)
    return keys[0] if keys else ""


@lru_cache(maxsize=50_000)
def _first_word(text: str) -> str:
    words = drop_titles(text).split()
    return words[0] if words else ""


@lru_cache(maxsize=50_000)
def _year(value: str, hijri_list: bool = False) -> int | None:
    """The year in ``value`` if it is a plausible one (``problems.YEAR_RANGE``), else None: an
    OCR'd ``1470`` or ``7992`` is compared as missing, and flagged by ``record_problems``. A
    Hijri year («1405 هـ», as a relative's post gives a year of birth) is the Gregorian year it
    began in (1984); a Gregorian year written beside it («1985 م الموافق 1405 هـ») is read
    instead (``problems.written_year``)."""
    return written_year(value, plausible=True, hijri_list=hijri_list)


# 1 January 1900, the first day of spreadsheets' and databases' calendars, which an office's
# system writes for a date of birth it was not given (issue 15, set 13's Greek asylum register):
# no year. (A real date's 1 January of another year, "01/01/1977", is its year alone.)
_NULL_DATE = re.compile(r"\s*(?:0?1[./-]0?1[./-]1900|1900-0?1-0?1)(?:\s+00:00(?::00)?)?\s*$")


def _birth_year(
    value: str, two_digits: bool = False, arrest: int | None = None, hijri_list: bool = False
) -> int | None:
    """The year of birth in ``value``: a year (``_year``), or in a list that writes years of
    two digits as Syrians say them (``TWO_DIGIT_YEARS``), «85» or «مواليد 85»: 1985, never
    after ``arrest``, the year of arrest (``problems.two_digit_birth_year``)."""
    if _NULL_DATE.match(value):
        return None
    year = _year(value, hijri_list)
    if year is None and value and two_digits:
        year = two_digit_birth_year(value, arrest)
    return year


def _hijri_other_year(value: str, hijri_list: bool = False) -> int | None:
    """The second Gregorian year a Hijri date in ``value`` spans («1405 هـ»: 1984 beside 1985,
    «صفر 1434»: December 2012 and January 2013), or None: a Gregorian date, a Hijri day, or a
    Hijri month within one Gregorian year."""
    hijri = written_hijri(value, hijri_list) if value else None
    if hijri is None or hijri.first.year == hijri.last.year:
        return None
    return hijri.first.year if hijri.year == hijri.last.year else hijri.last.year


def _year_month(
    date: str, year: int | None, month_first_list: bool = False, hijri_list: bool = False
) -> str | None:
    """The year and month of a date of arrest («2013-04», "17.04.2013", "04/2013", and a month
    written in words: «نيسان 2013», «أبريل 2013», "avril 2013"), or None without a month. A
    date in digits is read day first, unless its numbers say otherwise ("04/17/2013") or its
    list writes the month first (``month_first_list``, ``mark_month_first_lists``)."""
    hijri = written_hijri(date, hijri_list)
    if hijri is not None:
        # «12/5/1434 هـ» is 24 March 2013 (``mizan.text.dates.hijri_date_in``): its Gregorian
        # month, not May; a Hijri month or year alone (Jumada I 1434 ran from 13 March to 10
        # April 2013) gives none.
        first, last = hijri.first, hijri.last
        same = (first.year, first.month) == (last.year, last.month)
        return f"{first.year}-{first.month:02d}" if same and first.year == year else None
    if year is None or hijri_year_in(to_ascii_digits(date)) is not None:
        # «24/3/2013 م الموافق 12/5/1434 هـ»: only the year the Gregorian date gives.
        return None
    digits = ocr_digits(date).strip()
    match = _MONTH.search(digits)
    numeric = numeric_month(digits, month_first_list)
    if numeric is not None:
        month = numeric
    elif match is not None:
        month = int(match.group(1) or match.group(2) or match.group(3) or match.group(4))
    else:
        # Before ``ocr_digits``, which reads the alif of «نيسان» as a misread ١.
        named = month_in(date)
        if named is None:
            return None
        month = named
    return f"{year}-{month:02d}" if 1 <= month <= 12 else None


_FINAL_YAA_WORD = re.compile(r"(\S+)([يى])(?=\s|$)")


def _usual_yaa(text: str, vocabulary: ListVocabulary | None) -> str:
    """``text`` with a word-final ي/ى written the way the name is usually written: typists put
    one for the other (فادى for فادي, موسي for موسى), and across scripts the key must follow the
    name (Fadi, Musa), not the slip. The usual form is the one in the lexicon of given names, or
    else the one the lists write more often."""
    if "ي" not in text and "ى" not in text:
        return text
    return _FINAL_YAA_WORD.sub(lambda m: _usual_word(m.group(0), vocabulary), text)


def _usual_word(word: str, vocabulary: ListVocabulary | None) -> str:
    other = word[:-1] + ("ى" if word[-1] == "ي" else "ي")
    if is_given_name_spelling(word):
        return word
    if is_given_name_spelling(other):
        return other
    if word.startswith("ال") and len(word) > 3:
        # A family name made of a given name (المصطفى, الموسى, العيسى) is written as the name is.
        bare, bare_other = word[2:], other[2:]
        if is_given_name_spelling(bare):
            return word
        if is_given_name_spelling(bare_other):
            return other
    if vocabulary is not None:
        # The spelling the lists write more often, so that both spellings of one name get one
        # key whatever their shares (a copyist's الحموى beside الحموي, issue 15, set 8); on a
        # tie, ي, the nisba's letter.
        mine, theirs = vocabulary.yaa_count(word), vocabulary.yaa_count(other)
        if theirs > mine or (theirs == mine and mine and other[-1] == "ي"):
            return other
    return word


_GIVEN_PARTS = ("first", "father", "grandfather")


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> str:
    """The keys of a name word joined (``name_keys``), as ``ListVocabulary.key_count`` counts
    them: each word once, though the lists count it in several roles."""
    return "".join(name_keys(word))


@lru_cache(maxsize=200_000)
def _word_form(word: str) -> str:
    """A name word as the vocabulary counts it: search form, no spaces, no hyphens."""
    return normalise_for_search(word).replace(" ", "").replace("-", "")


_YAAS = ("ي", "ى")

# The endings of a village's name that its nisba drops (لوبية اللوباني, ترشيحا الترشيحي,
# الطيرة الطيراوي, الجاعونة الجاعوني), in the search form (ة folded to ه, ى to ي).
_PLACE_ENDINGS = ("يه", "يا", "ه", "ا", "ي")
# The shortest stem read: two letters (عكا عك, العلي عل) would make every short family name a
# village's nisba.
NISBA_STEM = 3
# … and what a nisba adds to the stem before its ي: -اوي (الطيراوي، الحيفاوي), -اني (اللوباني،
# الطبراني of طبريا).
_NISBA_INFIXES = ("او", "ان")


def _origin_stem(place: str) -> str:
    """The stem of a village's or town's name as its nisba keeps it (لوبية لوب, ترشيحا ترشيح,
    الشجرة شجر, صفد صفد), or "" for a name of several words or a stem under ``NISBA_STEM``
    letters (عكا: two letters are a part of too many family names)."""
    words = normalise_for_search(place).replace("-", "").split()
    if len(words) != 1:
        return ""
    stem = words[0]
    if stem.startswith("ال") and len(stem) > 4:
        stem = stem[2:]
    for ending in _PLACE_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= NISBA_STEM:
            return stem[: -len(ending)]
    return stem if len(stem) >= NISBA_STEM else ""


def _nisba_stems(word: str) -> tuple[str, ...]:
    """The stems a nisba may be made from (``_origin_stem``'s): «اللوباني» لوبان or لوب,
    «الطيراوي» طير, «الصفدي» صفد; () for a word not shaped as a nisba (the article, a final ي,
    ``NISBA_STEM`` letters of stem at least)."""
    form = _word_form(word)
    if not form.startswith("ال") or form[-1:] not in _YAAS:
        return ()
    stem = form[2:-1]
    stems = [stem]
    for infix in _NISBA_INFIXES:
        if stem.endswith(infix):
            stems.append(stem[: -len(infix)])
    if stem.endswith("او"):
        stems.append(stem[:-1])  # العكاوي عكا, the village's own final alef
    return tuple(each for each in stems if len(each) >= NISBA_STEM)


def _count_compounds(counts: Counter[str], text: str) -> None:
    """Count in ``counts`` each name of ``text`` written in two words or more (``name_words``:
    «عبد الله», «أبو بكر», "Abdul Karim"), by its words joined (``_word_form``)."""
    for name in compound_names(text):
        counts[_word_form(name)] += 1


def _count_muhammad_double(counts: Counter[str], row: Mapping[str, str]) -> None:
    """Count in ``counts`` (by the key of its second name) a double given name opening with
    محمد that ``row`` writes where it can only be one man's: its first-name cell beside a
    father's, its father's cell beside a grandfather's (``ListVocabulary.muhammad_doubles``)."""
    for cell, beside in (("first_name", "father_name"), ("father_name", "grandfather_name")):
        text = (row.get(cell) or "").strip()
        if " " not in text or not (row.get(beside) or "").strip():
            continue
        words = name_words(drop_titles(strip_asides(text)))
        if (
            len(words) == 2
            and name_key(words[0]) == _MUHAMMAD_KEY
            and len(words[1]) >= LINEAGE_NAME_LETTERS
            and not has_article(words[1])
        ):
            counts[name_key(words[1])] += 1


def _yaa_form(word: str) -> str:
    """A word ending in ي or ى as ``ListVocabulary.final_yaa`` counts it: its ``_word_form``
    (which folds the two) with its own final letter."""
    return _word_form(word)[:-1] + word[-1]


# A name word of the shape without dots of one the lists write DOTS_RATIO times as often is
# that word with its dots misread (``dots_reading``; the ratio of ``model.OCR_RATIO``), in a
# list whose names show such misreadings (``mark_dotted_names``): a ledger's hand misreads one
# name the same way again and again (محموذ 6 times beside محمود 158). Words of fewer than
# DOTS_LETTERS letters have too many neighbours of one shape (بن/بت/ثن) to be read so.
DOTS_RATIO = 20
DOTS_LETTERS = 3


def _dotted_word(form: str) -> bool:
    """Whether a name word (``_word_form``) is one to read by its shape (``dots_reading``): in
    Arabic letters, DOTS_LETTERS of them at least, and a name, not عبد or أبو opening one (عيد
    is a name, not عبد misread)."""
    return (
        len(form) >= DOTS_LETTERS and "\u0621" <= form[0] <= "\u064a" and not is_name_joiner(form)
    )


@lru_cache(maxsize=200_000)
def _dots_shape(form: str) -> tuple[bool, str]:
    """A name word's shape without dots (``dotless_key``: a hand's final ي is its final ن,
    حسيي/حسين, علن/علي) and whether it opens with the article: الأحمد and أحمد are two names
    of one shape."""
    return form.startswith("ال"), dotless_key(form)


# The most texts ``ListVocabulary.repair`` keeps mended, and words ``count`` keeps counted, at
# once (a few dozen MB at most).
_REPAIRED_MAX = 200_000
_T = TypeVar("_T")


def _kept(cache: dict[str, _T], key: str, compute: Callable[[str], _T]) -> _T:
    """``compute(key)``, kept in ``cache`` for the next time, the whole cache let go at
    ``_REPAIRED_MAX`` entries (``ListVocabulary``'s answers, per word or text)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _REPAIRED_MAX:
            cache.clear()
        found = cache[key] = compute(key)
    return found


class ListVocabulary:
    """What the lists being linked say about their own name words (no lexicon of real people).

    - ``words``: how often each word (``_word_form``) is written in any name column, so that a
      word glued or split by OCR ("محمدخالد", "محمو د") can be told from a name the lists write;
    - ``as_given`` / ``as_family``: how often a word, as spelt (article included: يوسف is a given
      name, اليوسف a family name), stands as a given name (first, father, grandfather) or as a
      family name where the record says so (separate columns, a comma, an
      upper-case family name), so that a full name written family-first without any sign is
      read in the order the lists themselves support, even when its first name is in no list
      of given names;
    - ``given_words`` / ``family_words``: how often each word is written in a given name (first,
      father's, grandfather's and the mother's first name) or in a family name, so that a Latin
      given name's letters are read by the given names the lists write and a family name's by
      their family names (``letters``): «Adham» is not read as عزام because a family is;
    - ``misread``: how often each word is written by a list whose names are misheard or misread
      (``SPEECH_LIST``, ``DOTTED_NAMES``), so that a word the other lists write as a name at
      least ``FREQUENT`` times (سامر beside ثامر, يسار beside بشار) is never read as another
      (``sounds``, ``dots_reading``), while a list's own misreading (مهمد) still is;
    - ``muhammad_doubles``: how often, by the key of its second name, a double given name
      opening with محمد is written in one cell where it can only be one man's name (a first-name
      cell beside a father's, a father's beside a grandfather's: «محمد خير» | «أحمد»), so that
      the same two names in a middle-name box are read whole first (``double_father``).
    """

    # A word the lists write at least this often is a name; one written at most ``RARE`` times
    # (this record alone) is a candidate OCR split or merge.
    FREQUENT = 3
    # A family name written at most this often in all the lists is one family's: the same
    # spelling of it is strong evidence (``model.RARE_LEVEL_LABEL``).
    FAMILY_RARE = 6
    RARE = 1
    # Two words are also one when the lists write them glued this many times more often than
    # either alone (OCR's frequent fragments of a frequent name).
    GLUE_RATIO = 8

    __slots__ = (
        "_counted",
        "_dotted",
        "_key_counts",
        "_letters",
        "_logical",
        "_name_traits",
        "_nisba_keys",
        "_parts_read",
        "_read_from",
        "_read_texts",
        "_repaired",
        "_reversed",
        "_saint_counts",
        "_saint_latin",
        "_saints",
        "_scholarly",
        "_sounds",
        "abu_families",
        "abu_keys",
        "as_family",
        "as_given",
        "compounds",
        "family_words",
        "final_yaa",
        "given_words",
        "misread",
        "muhammad_doubles",
        "origins",
        "routed",
        "routed_family",
        "routed_given",
        "words",
    )

    def __init__(self) -> None:
        self.words: Counter[str] = Counter()
        self.as_given: Counter[str] = Counter()
        self.as_family: Counter[str] = Counter()
        self.given_words: Counter[str] = Counter()
        self.family_words: Counter[str] = Counter()
        self.misread: Counter[str] = Counter()
        # How often each name of two words or more is written (``name_words``: «عبد الله»,
        # «أبو بكر», "Abdul Karim", «نور الدين»), by its words joined: ``words`` counts its
        # words one by one, so that a father «عبد الله» was counted as a word no list writes.
        self.compounds: Counter[str] = Counter()
        # … and by a list written through the Russian alphabet (``RUSSIAN_LIST``) or in a record
        # in Cyrillic letters, in any name, a given name and a family name: its own spellings
        # ("Khasan") are no evidence of how the other lists write a name (``russian_letters``).
        self.routed: Counter[str] = Counter()
        self.routed_given: Counter[str] = Counter()
        self.routed_family: Counter[str] = Counter()
        self.muhammad_doubles: Counter[str] = Counter()
        # How often an origin column (``lists.ORIGIN_COLUMN``: «البلدة الأصلية») names each
        # village or town, by its stem (``_origin_stem``), and the keys, in either script, of
        # the name words that are the nisba of one of them («اللوباني», "Loubani" for لوبية),
        # built when first needed (``village_nisba``).
        self.origins: Counter[str] = Counter()
        self._nisba_keys: dict[str, str] | None = None
        # Family names of the form أبو/أم and a name that a family column writes («أبو غياث»):
        # written bare after a name in these lists, they are that family name, not a kunya.
        self.abu_families: set[str] = set()
        # … and their keys, in either script («أبو أنس», "Abu Anas"), for a Latin kunya.
        self.abu_keys: Counter[str] = Counter()
        # How often each word ending in ي or ى is written with that letter (``_yaa_form``): the
        # search form folds the two, and a copyist or typist writes one for the other.
        self.final_yaa: Counter[str] = Counter()
        # How often the lists write a name word of each key, in any name and in each role
        # (``GIVEN``, ``FAMILY``), built when first needed (``letters``); the Latin words read
        # so far, with the role they were read in, and the word each reading came from.
        self._key_counts: dict[str, Counter[str]] = {}
        # The Arabic name word the lists write most often of each shape without dots (whether it
        # opens with the article, its ``dotless_key``), with its count: built when first needed
        # (``dots_reading``).
        self._dotted: dict[tuple[bool, str], tuple[str, int]] | None = None
        self._letters: dict[tuple[str, str], str] = {}
        self._read_from: dict[str, str] = {}
        # Each text ``repair`` has mended (names repeat: one reading per spelling), let go
        # whenever ``_read_from`` learns a word, which may change a count ``repair`` reads.
        self._repaired: dict[str, str] = {}
        # … and each word ``count`` has counted, let go alike.
        self._counted: dict[str, int] = {}
        # Each Latin text (with its role) whose letters were read (``_read_letters``): what
        # ``letters`` reads a word once it never changes, so neither does the text's reading.
        self._read_texts: dict[tuple[str, str], str] = {}
        # The Arabic words of lists written as speech says them, read so far (``sounds``).
        self._sounds: dict[tuple[str, str], str] = {}
        # A scholarly romanisation's words read in Arabic letters (``scholarly``).
        self._scholarly: dict[str, str] = {}
        # Each name part's features as ``_features`` read them, by the part's text and the
        # record's spellings (``_features``): a million records write a few hundred
        # thousand name cells. Let go alike, as they count words (``_learn_reading``).
        self._parts_read: dict[tuple[Any, ...], tuple[tuple[str, Any], ...]] = {}
        # … and each name's traits (``name_trait``), one tuple however many records share it.
        self._name_traits: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        # Each name cell of a list copied in visual order read in reading order (``logical``).
        self._logical: dict[str, str] = {}
        self._reversed: dict[str, float] = {}
        # The readings of each saint's French name the lists write (``saint_readings``), by the
        # word as written, and how often they write a given name of each key (its u flag
        # aside), built when first needed.
        self._saints: dict[str, tuple[tuple[str, float], ...]] = {}
        self._saint_counts: Counter[str] | None = None
        # … and the Latin spelling of each key they write most, with its count.
        self._saint_latin: dict[str, tuple[int, str]] = {}

    @classmethod
    def of(cls, rows: Iterable[Mapping[str, str]]) -> ListVocabulary:
        vocabulary = cls()
        words, as_given, as_family = vocabulary.words, vocabulary.as_given, vocabulary.as_family
        final_yaa = vocabulary.final_yaa
        given_words, family_words = vocabulary.given_words, vocabulary.family_words
        misread, compounds = vocabulary.misread, vocabulary.compounds
        for row in rows:
            row = read_name_cells(row)
            heard = bool(row.get(SPEECH_LIST) or row.get(DOTTED_NAMES))
            if row.get(RUSSIAN_LIST) or any(
                has_cyrillic_letters(row.get(cell) or "") for cell in _NAME_CELLS
            ):
                vocabulary._count_routed(row)
            given = [(row.get(f"{p}_name") or "").strip() for p in _GIVEN_PARTS]
            family = (row.get("family_name") or "").strip()
            for part in ("first", "father", "grandfather", "family", "mother"):
                cell = (row.get(f"{part}_name") or "").split()
                for word in cell:
                    words[_word_form(word)] += 1
                    if heard:
                        misread[_word_form(word)] += 1
                    if word[-1] in _YAAS:
                        final_yaa[_yaa_form(word)] += 1
                if len(cell) > 1:
                    _count_compounds(compounds, " ".join(cell))
            full = (row.get("full_name") or "").strip()
            if full:
                spaced = strip_asides(unfold_passport_name(full))
                spaced = spaced.replace(",", " ").replace("،", " ")
                for word in spaced.split():
                    words[_word_form(word)] += 1
                    if heard:
                        misread[_word_form(word)] += 1
                    if word[-1] in _YAAS:
                        final_yaa[_yaa_form(word)] += 1
                _count_compounds(compounds, spaced)
                if not (given[0] or family):
                    reading = parse_full_name(full)[0]
                    if reading.confidence >= 0.9:
                        given = [reading.parts[f"{p}_name"] for p in ("first", "father")]
                        family = reading.parts["family_name"]
            for name in given:
                if name:
                    as_given[_word_form(name)] += 1
                    for word in name.split():
                        given_words[_word_form(word)] += 1
            if family:
                as_family[_word_form(family)] += 1
                for word in family.split():
                    family_words[_word_form(word)] += 1
            _count_muhammad_double(vocabulary.muhammad_doubles, row)
            origin = row.get(ORIGIN_COLUMN)
            stem = _origin_stem(origin) if origin else ""
            if stem:
                vocabulary.origins[stem] += 1
            mother = (row.get("mother_name") or "").split()
            if mother:
                # The mother's first name is a given name; what follows may be her family name.
                given_words[_word_form(mother[0])] += 1
            column = (row.get("family_name") or "").strip()
            if column and _KUNYA_WORD.match(column):
                vocabulary.abu_families.add(_word_form(column))
                vocabulary.abu_keys["".join(name_keys(column))] += 1
            elif column and _KUNYA_LATIN_WORD.match(column):
                vocabulary.abu_keys["".join(name_keys(column))] += 1
        return vocabulary

    def _count_routed(self, row: Mapping[str, str]) -> None:
        """Count the name words of a record of a list written through the Russian alphabet as
        ``of`` counts them, in ``routed``: its full name's words in any role but the given
        and family names' by its cells, as ``of`` reads them."""
        for part in ("first", "father", "grandfather", "family", "mother"):
            for word in (row.get(f"{part}_name") or "").split():
                form = _word_form(word)
                self.routed[form] += 1
                if part == "family":
                    self.routed_family[form] += 1
                elif part != "mother":
                    self.routed_given[form] += 1
        mother = (row.get("mother_name") or "").split()
        if mother:
            self.routed_given[_word_form(mother[0])] += 1
        full = (row.get("full_name") or "").strip()
        if full:
            for word in strip_asides(unfold_passport_name(full)).replace(",", " ").split():
                form = _word_form(word)
                self.routed[form] += 1
                # Its words may be given names or the family's: neither role counts them as
                # the other lists' evidence.
                self.routed_given[form] += 1
                self.routed_family[form] += 1

    # What ``of`` counts, added up by ``merged``.
    _COUNTS = (
        "words",
        "as_given",
        "as_family",
        "given_words",
        "family_words",
        "abu_keys",
        "final_yaa",
        "misread",
        "compounds",
        "routed",
        "routed_given",
        "routed_family",
        "muhammad_doubles",
        "origins",
    )

    @classmethod
    def merged(cls, parts: Iterable[ListVocabulary]) -> ListVocabulary:
        """One vocabulary of the lists whose slices ``parts`` counted, in order: the same
        counts (and the same order of words) ``of`` gives of the whole (``engine._columns``)."""
        vocabulary = cls()
        for part in parts:
            for name in cls._COUNTS:
                getattr(vocabulary, name).update(getattr(part, name))
            vocabulary.abu_families |= part.abu_families
        return vocabulary

    def village_nisba(self, family: str) -> bool:
        """Whether the family name ``family`` (either script) is the nisba of a village or town
        that the lists' origin columns name at least ``FREQUENT`` times («اللوباني», "Loubani"
        of لوبية; «الترشيحي» of ترشيحا): a Palestinian list of the camps may write it in the
        family name's place, so that it says where the family comes from, not who it is. False
        without such a column."""
        return bool(self.nisba_village(family))

    def nisba_village(self, family: str) -> str:
        """The stem (``_origin_stem``) of the village whose nisba ``family`` is
        (``village_nisba``), or "". An Arabic name is told by its own stems (``_nisba_stems``),
        not by its consonants: «الحوفي» and «الحفاوي» are no nisba of حيفا, «الطويري» none of
        الطيرة. A Latin one ("Loubani"), which has no stem to read, by the key of an Arabic
        nisba the lists write, when that key is one village's only."""
        if not self.origins or not family:
            return ""
        villages = self._villages()
        # «اللوبانى»: a final ى typed for the nisba's ي keys otherwise.
        glued = family.replace(" ", "")
        glued = glued[:-1] + "ي" if glued.endswith("ى") else glued
        if contains_arabic(glued):
            found = sorted(villages.intersection(_nisba_stems(glued)))
            return found[0] if found else ""
        if self._nisba_keys is None:
            by_key: dict[str, set[str]] = {}
            for word in self.words:
                hit = villages.intersection(_nisba_stems(word))
                if hit:
                    by_key.setdefault(_word_keys(word), set()).update(hit)
            self._nisba_keys = {
                key: next(iter(each)) for key, each in by_key.items() if len(each) == 1
            }
        return self._nisba_keys.get(_word_keys(glued), "")

    def _villages(self) -> frozenset[str]:
        return frozenset(stem for stem, n in self.origins.items() if n >= self.FREQUENT)

    def double_father(self, second: str) -> bool:
        """Whether the lists write محمد and ``second`` as one man's double given name
        (``muhammad_doubles``), in either script: at least ``FREQUENT`` cells, so that one
        first-name cell «محمد أحمد» does not make every father's «محمد أحمد» of every list one man
        (a father and his father is as usual a reading of it)."""
        return self.muhammad_doubles.get(name_key(second), 0) >= self.FREQUENT

    def count(self, word: str) -> int:
        return _kept(self._counted, word, self._count)

    def name_count(self, spelling: str) -> int:
        """How often the lists write a name of this ``spelling`` (a name part's, its words
        joined: ``_spelling``): as one word (``count``) and as a name of two words or more
        (``compounds``), so that «عبد الله» counts as often as it is written, apart or glued."""
        return self.count(spelling) + self.compounds.get(_word_form(spelling), 0)

    def _count(self, word: str) -> int:
        form = _word_form(word)
        found = self.words.get(form, 0)
        if found or not self._read_from:
            return found
        # A Latin word read with other letters (``letters``) counts as the word as written.
        written = self._read_from.get(form)
        return self.words.get(written, 0) if written is not None else 0

    def dots_reading(self, text: str) -> str:
        """``text`` with each Arabic word read as the word of its shape without dots
        (``_dots_shape``) that the lists write ``DOTS_RATIO`` times as often, if any: «محموذ»
        as محمود, «الأجمد» as الأحمد — a handwritten ledger's or an OCR'd page's dots misread
        (``mark_dotted_names`` says which lists), where a name's key must follow the name, not
        the misreading. Other words as written."""
        words = text.split()
        read = [self._dots_word(word) for word in words]
        return text if read == words else " ".join(read)

    def _dots_word(self, word: str) -> str:
        form = _word_form(word)
        if not _dotted_word(form) or self.written_name(form):
            return word
        count = self.words.get(form, 0)
        if self._dotted is None:
            self._dotted = {}
            for other, number in self.words.items():
                if _dotted_word(other):
                    shape = _dots_shape(other)
                    if number > self._dotted.get(shape, ("", 0))[1]:
                        self._dotted[shape] = (other, number)
        other, number = self._dotted.get(_dots_shape(form), (form, 0))
        return other if other != form and number >= DOTS_RATIO * max(count, 1) else word

    # The roles a name word is counted in (``key_count``, ``letters``): any name, a given name
    # (first, father's, grandfather's, the mother's first), a family name.
    ANY, GIVEN, FAMILY = "", "given", "family"

    def key_count(
        self, key: str, role: str = ANY, *, arabic: bool = False, unrouted: bool = False
    ) -> int:
        """How often the lists write a name word whose key (``name_keys``) is ``key``, in any
        name or, with ``role``, in a given name (``GIVEN``) or a family name (``FAMILY``); with
        ``arabic``, in Arabic letters only; with ``unrouted``, not counting the words of lists
        written through the Russian alphabet (``routed``)."""
        kind = "arabic" if arabic else "unrouted" if unrouted else ""
        counts = self._key_counts.get(f"{role}:{kind}")
        if counts is None:
            words = {
                self.ANY: self.words,
                self.GIVEN: self.given_words,
                self.FAMILY: self.family_words,
            }[role]
            routed = {
                self.ANY: self.routed,
                self.GIVEN: self.routed_given,
                self.FAMILY: self.routed_family,
            }[role]
            every: Counter[str] = Counter()
            arabic_counts: Counter[str] = Counter()
            unrouted_counts: Counter[str] = Counter()
            for form, number in words.items():
                # عبد and أبو written apart open a compound, and are no name of their own.
                if not is_name_joiner(form):
                    keyed = _word_keys(form)
                    every[keyed] += number
                    if not form[:1].isascii():
                        arabic_counts[keyed] += number
                    if (others := number - routed.get(form, 0)) > 0:
                        unrouted_counts[keyed] += others
            self._key_counts[f"{role}:"] = every
            self._key_counts[f"{role}:arabic"] = arabic_counts
            self._key_counts[f"{role}:unrouted"] = unrouted_counts
            counts = self._key_counts[f"{role}:{kind}"]
        return counts.get(key, 0)

    def letters(self, word: str, role: str = ANY) -> str:
        """A Latin or Arabizi name word with its letters read as the lists' names say
        (``LETTER_READINGS``): «tare9» as طارق (``tareq``), «monther» as منذر (``monzer``),
        when the name the other reading keys is one the lists write at least ``LETTER_RATIO``
        times as often as the name as written; else as written. A word whose ``role`` the
        record tells (``GIVEN``, ``FAMILY``) is read by the names the lists write in that role
        alone, both readings counted there: a given name «Adham» stays أدهم however often a
        family is called عزام."""
        read = self._letters.get((word, role))
        if read is None:
            read = self._letters[word, role] = self._read_letters(word, role)
            if read != word:
                self._learn_reading(read, word)
        return read

    def _learn_reading(self, read: str, word: str) -> None:
        """Remember that ``word`` was read as ``read`` (``repair``, ``count``), and let go of the
        answers those gave before: a count may change with the word learnt."""
        form = _word_form(read)
        if form not in self._read_from:
            self._read_from[form] = _word_form(word)
            self._repaired.clear()
            self._counted.clear()
            self._parts_read.clear()
            self._name_traits.clear()

    def greek_letters(self, word: str, role: str = ANY) -> str:
        """A Latin name word of a list written through the Greek alphabet (``GREEK_LIST``) read
        as the lists' names say (``translit.greek_route_readings``): "CHALINT" as خالد
        (``khalid``) where the lists write خالد more often than حالد, "SANTI" as شادي. The word as
        written stays where the lists' other words key alike at least ``FREQUENT`` times
        ("SAMER", a French "CHADI"); else, and always for a word that shows the Greek route's
        letters (mp, nt, tz, gk, Greek letters), the likeliest reading is taken unless the lists
        write another one more often ("CHASAN" حسن; "ACHMANT" أحمد however seldom)."""
        return self._route_read(word, role, _GREEK_ROLE, self._read_greek)

    def _read_greek(self, word: str, role: str) -> str:
        # A word in Greek letters went through Greek whatever its letters.
        shows = is_greek_route_word(word)
        form = _word_form(word)
        word = greek_to_latin(word)
        lower = normalise_for_search(word)
        if len(lower) < 2 or not lower.isalpha() or not lower.isascii():
            return word
        if is_name_joiner(lower) or is_title(lower):
            return word
        readings = greek_route_readings(lower)
        if readings == (lower,):
            return word
        written = "".join(name_keys(lower))
        words = {self.ANY: self.words, self.GIVEN: self.given_words, self.FAMILY: self.family_words}
        # Its own list's writing of the word is no evidence of how the other lists spell it.
        others = self.key_count(written, role) - words[role].get(form, 0)
        if others >= self.FREQUENT and not shows:
            best, best_count = word, others
        else:
            # The likeliest reading unless the lists write another more often.
            best = readings[0]
            best_count = self.key_count("".join(name_keys(best)), role)
        for other in readings:
            key = "".join(name_keys(other))
            if key == written:
                continue
            found = self.key_count(key, role)
            if found > best_count:
                best, best_count = other, found
        return best.upper() if best is not word and word.isupper() else best

    def russian_letters(self, word: str, role: str = ANY) -> str:
        """A name word of a list written through the Russian alphabet (``RUSSIAN_LIST``), or in
        Cyrillic letters, read as the lists' names say (``translit.russian_route_readings``):
        "Khasan" as حسن where the other lists write حسن more often than خسن, "Khalid" as خالد,
        "Ibragim" as إبراهيم, "Dzhamal'" as جمال, "Valid" as وليد, "Мухаммед" as محمد. The other
        lists' names alone choose (``key_count``'s ``unrouted``): the list's own "Khasan" is no
        evidence; where they write none of the readings, the likeliest is taken (kh ح, g غ); a
        name they write as written ("Khitam" ختام) stays unless they write another reading
        ``LETTER_RATIO`` times as often. A hyphened word ("al'-Khatib", "Abdul-Karim") is read
        part by part."""
        return self._route_read(word, role, _RUSSIAN_ROLE, self._read_russian)

    def _route_read(
        self, word: str, role: str, route: str, read_word: Callable[[str, str], str]
    ) -> str:
        """``word`` read by ``read_word`` (a route's reading: ``greek_letters``,
        ``russian_letters``), cached by its role and ``route``, the reading learnt."""
        read = self._letters.get((word, role + route))
        if read is None:
            read = self._letters[word, role + route] = read_word(word, role)
            if read != word:
                self._learn_reading(read, word)
        return read

    def _read_russian(self, word: str, role: str) -> str:
        letters = russian_letters(word)
        if "-" in letters:
            return "-".join(self._read_russian_part(part, role) for part in letters.split("-"))
        return self._read_russian_part(letters, role)

    def _read_russian_part(self, word: str, role: str) -> str:
        lower = normalise_for_search(word)
        if len(lower) < 2 or not lower.isalpha() or not lower.isascii():
            return word
        if is_name_joiner(lower) or is_title(lower):
            return word
        readings = russian_route_readings(lower)
        if readings == (lower,):
            return word
        best = readings[0]
        best_count = self.key_count("".join(name_keys(best)), role, unrouted=True)
        written = "".join(name_keys(lower))
        if (as_written := self.key_count(written, role, unrouted=True)) >= self.FREQUENT:
            # A name the other lists write with the letters as written (kh خ: "Khitam" ختام,
            # "Khalid" خالد) stays so unless they write another reading ``LETTER_RATIO`` times as
            # often (حاتم and هيثم, keyed alike, are no ختام).
            best, best_count = lower, as_written * LETTER_RATIO - 1
        for other in readings:
            found = self.key_count("".join(name_keys(other)), role, unrouted=True)
            if found > best_count:
                best, best_count = other, found
        if word.isupper():
            return best.upper()
        return best.capitalize() if word[:1].isupper() else best

    def learn_letters(self, records: Iterable[Mapping[str, str]]) -> None:
        """Read the letters of every Latin name word of ``records`` now, in their order, as
        ``record_readings`` would one record after another (``engine._columns`` forks after)."""
        for record in records:
            _letters_read(read_name_cells(record), self)

    def _read_letters(self, word: str, role: str) -> str:
        lower = word.lower()
        if len(lower) < 3 or not lower.isascii() or not any(c.isalpha() for c in lower):
            return word
        # Most words have no letter to read two ways: they are told before any key is made.
        variants = _letter_variants(lower)
        if not variants or is_name_joiner(lower) or is_title(lower):
            return word  # "Abd", "Abdul", "al", "Hajj": not a name to read
        written = _word_keys(lower)
        best, best_count = word, max(self.key_count(written, role), 1) * LETTER_RATIO - 1
        for other in variants:
            key = _word_keys(other)
            if key == written:
                continue
            found = self.key_count(key, role)
            if found >= self.FREQUENT and found > best_count:
                best, best_count = other, found
        if best is word and "dh" in lower:
            best = self._arabic_dh(word, lower, written, role)
        return best

    def _arabic_dh(self, word: str, lower: str, written: str, role: str) -> str:
        """``word`` with its dh read as ذ/ظ (z) where the lists' Arabic spellings write the name
        so at least ``FREQUENT`` times and ``LETTER_RATIO`` times as often as with د/ض; else as
        written. English writes ذ, ظ and ض all dh (Mundhir منذر, Dhafer ظافر, Ramadhan رمضان);
        the key reads it d, as ض. The Latin lists' own counts say how they spell, not which name
        it is: in set 11 "Moundher", "Mundhir" were written 12 times beside «منذر» 21 and
        "Munzer" 9, too few for ``letters``. Ramadhan stays رمضان where the lists write that,
        and Adham أدهم where they write أدهم as well as عزام. (th, ذ in "Munther", read so too
        raised sets 3, 11 and 12 but cost set 9 0.003: a cellmate's «منذر خالدي» then met a
        namesake.)"""
        against = self.key_count(written, role, arabic=True) * LETTER_RATIO
        best, best_count = word, max(against, self.FREQUENT - 1)
        for other in _letter_variants(lower, _DH_READINGS):
            found = self.key_count("".join(name_keys(other)), role, arabic=True)
            if found > best_count:
                best, best_count = other, found
        return best

    def scholarly(self, word: str) -> str:
        """A word of a scholarly romanisation ("Muṣṭafā", "Su'ād") in Arabic letters, the
        reading (``translit.scholarly_readings``) the lists write most often: مصطفى or مصطفا,
        سعاد or سؤاد; the likeliest where they write none."""
        return _kept(self._scholarly, word, _scholarly_word_in(self))

    def sounds(self, word: str, role: str = ANY) -> str:
        """An Arabic name word of a list written as speech says it (``SPEECH_LIST``) read as the
        name the lists write far more often, in its search form (``_sound_reading``: مهمد محمد,
        الختيب الخطيب, امر عمر), or as written. A word whose ``role`` the record tells
        (``GIVEN``, ``FAMILY``) is read by the names the lists write in that role alone: a first
        name «حلا» is no family's حلاق. A name the other lists write (``written_name``: سامر,
        تامر, دياب) stays as written."""
        read = self._sounds.get((word, role))
        if read is None:
            form = _word_form(word)
            if self.written_name(form):
                read = word
            else:
                # A bare hamza, which the search form drops, is ق said as a glottal stop (الدءر).
                qaf = (_word_form(word.replace("ء", "ق")),) if "ء" in word else ()
                counts = {
                    self.ANY: self.words,
                    self.GIVEN: self.given_words,
                    self.FAMILY: self.family_words,
                }[role]
                read = _sound_reading(form, counts, qaf, self.final_yaa) or word
            self._sounds[word, role] = read
        return read

    def saint_readings(self, word: str) -> tuple[tuple[str, float], ...]:
        """The Arabic names a saint's French or English name (Pierre, Jean, Georges, Marie …)
        stands for in these lists, each with its log2-odds, the likeliest first: the readings
        (``translit.saint_readings``: Pierre بيير or بطرس) whose key the lists write as a given
        name at least ``FREQUENT`` times, in either script (بطرس, Boutros; any name word but those
        written as family names), the most written
        first (0.0), the others at ``SAINT_ODDS``, the word's own reading (Pierre بيير) among
        them if another record writes it at all; each given as the spelling to key it by (the
        lists' likeliest Latin spelling of it, else the Arabic), "" for the word's own key. A list
        typed in French usage writes Pierre for a man whose papers say بطرس, and a Syrian
        named بيير writes Pierre too: which of the two a list's Pierre is, the lists' own
        usage says. () for a word with no such readings, or whose own key is the only one the
        lists write."""
        found = self._saints.get(word)
        if found is None:
            if len(self._saints) >= _REPAIRED_MAX:
                self._saints.clear()
            found = self._saints[word] = self._read_saint(word)
        return found

    def _read_saint(self, word: str) -> tuple[tuple[str, float], ...]:
        readings = saint_readings(_word_form(word)) if word.isalpha() else ()
        if not readings:
            return ()
        counts = self._saint_counts
        if counts is None:
            counts = self._saint_counts = Counter()
            family = self.family_words
            for form, number in self.words.items():
                # Every name word but those written as family names (سمعان, Semaan is a family
                # too): a full name's given names are counted only where its order is sure.
                # The saints' French names themselves are no evidence of either reading.
                number -= family.get(form, 0)
                if number > 0 and not saint_readings(form) and not is_name_joiner(form):
                    bare = _word_keys(form).replace("w", "")
                    counts[bare] += number
                    if form.isascii() and number > self._saint_latin.get(bare, (0, ""))[0]:
                        self._saint_latin[bare] = (number, form)
        own = _word_keys(word)
        written: dict[str, tuple[int, str]] = {}
        for spelling in readings:
            key = name_key(spelling)
            bare = key.replace("w", "")
            number = counts.get(bare, 0)
            if number >= self.FREQUENT and key not in written:
                # Keyed as the lists' Latin spelling of it, if they write one (Boutros, whose
                # ou the key marks where «بطرس» has no و): the reading is a Latin name's, and
                # two Latin spellings are compared letter for letter.
                latin = self._saint_latin.get(bare)
                spelling = latin[1] if latin is not None else spelling
                written[key] = (number, "" if key == own else spelling)
        if not written or list(written) == [own]:
            return ()
        mine = counts.get(own.replace("w", ""), 0)
        if own not in written and mine and own in {name_key(each) for each in readings}:
            # The name as written stays a reading wherever another record writes it (a single
            # «ماري» is still met), however seldom.
            written[own] = (mine, "")
        ranked = sorted(written.values(), key=lambda each: -each[0])
        return tuple(
            (spelling, 0.0 if index == 0 else SAINT_ODDS)
            for index, (_number, spelling) in enumerate(ranked)
        )

    def written_name(self, form: str) -> bool:
        """Whether the lists not marked as misheard or misread (``misread``) write the word
        ``form`` (search form) at least ``FREQUENT`` times: a name of its own, not to be read
        as another by its sound or its dots."""
        return self.words.get(form, 0) - self.misread.get(form, 0) >= self.FREQUENT

    def name_trait(
        self, key: str | None, rasm: str | None, loose: str | None, spelling: str | None
    ) -> tuple[Any, ...]:
        """What ``engine._traits`` keeps of a name: its key, dotless key, loose key, how often
        the lists write its spelling and the keys of a Latin spelling's two readings
        (``spelling_keys``); the same tuple for every record that writes the name alike."""
        found_key = (key, rasm, loose, spelling)
        found = self._name_traits.get(found_key)
        if found is None:
            if len(self._name_traits) >= _REPAIRED_MAX:
                self._name_traits.clear()
            count = self.name_count(spelling) if spelling is not None else 0
            found = (key, rasm, loose, count, spelling_keys(spelling))
            self._name_traits[found_key] = found
        return found

    def logical(self, text: str) -> str:
        """A name cell of a list copied out of PDFs in visual order (``VISUAL_ORDER_LIST``) in
        reading order: «ةنمآ يلع نادمح» as «حمدان علي آمنة» where its words read reversed as
        names the lists write, or the letters Arabic writes only at a word's end open them
        (``reversed_odds``); as written otherwise. The words' order is then the one the lists
        support (``natural_order_odds``): a line copied in visual order has them last first, a
        tool that reversed each word alone kept them."""
        return _kept(self._logical, text, self._read_logical)

    def reversed_odds(self, text: str) -> float:
        """``reversed_odds`` of a name cell by the lists' words, once per distinct text."""
        return _kept(self._reversed, text, lambda cell: reversed_odds(cell, self.words.get))

    def _read_logical(self, text: str) -> str:
        if self.reversed_odds(text) < REVERSED_ODDS:
            return text
        whole = visual_to_logical(text)
        each = " ".join(visual_to_logical(word) for word in text.split())
        if each != whole and natural_order_odds(glyphs_as_letters(each), self) > (
            natural_order_odds(glyphs_as_letters(whole), self)
        ):
            return each
        return whole

    def yaa_count(self, word: str) -> int:
        """How often the lists write ``word`` (ending in ي or ى) with its own final letter."""
        return self.final_yaa.get(_yaa_form(word), 0)

    def repair(self, text: str) -> str:
        """``text`` with OCR's word splits mended and its merges split, where the lists say so:
        two rare neighbours that make a frequent word are one ("محمو د" → "محمود"), a rare word
        made of two frequent ones is two ("محمدخالد" → "محمد خالد")."""
        return _kept(self._repaired, text, self._repair)

    def _repair(self, text: str) -> str:
        words = text.split()
        if not words:
            return text
        mended: list[str] = []
        index = 0
        while index < len(words):
            word = words[index]
            if index + 1 < len(words) and "," not in word and "،" not in word:
                follow = words[index + 1]
                glued = word + follow
                # The rare test first: it is cached per word, the glued pair is a new string.
                # A fragment OCR makes often ("مح مد", "إبراهي م" in a list where محمد is written
                # thousands of times) is no longer rare, but far rarer than the whole word.
                least, most = sorted((self.count(word), self.count(follow)))
                if (
                    least <= self.RARE or most * self.GLUE_RATIO <= self.count(glued)
                ) and self.count(glued) >= self.FREQUENT:
                    mended.append(glued)
                    index += 2
                    continue
            mended.append(self._split(word))
            index += 1
        return " ".join(mended)

    def _split(self, word: str) -> str:
        letters = word.rstrip(",،")
        # Only a word of letters alone: "Al-Hamwi" or "Abd-al" is written that way on purpose.
        if len(letters) < 6 or not letters.isalpha() or self.count(letters) > self.RARE:
            return word
        best, best_count = None, 0
        for cut in range(3, len(letters) - 2):
            head, tail = letters[:cut], letters[cut:]
            least = min(self.count(head), self.count(tail))
            if least >= self.FREQUENT and least > best_count:
                best, best_count = f"{head} {tail}", least
        return word if best is None else best + word[len(letters) :]

    # How far one word's placement in the lists can move a reading (log-odds): a word the lists
    # use both ways (حسن, Hassan as a family name) must not outweigh everything else.
    WORD_EVIDENCE = 3.0

    def _givenness(self, word: str) -> float:
        """Log-odds, from the lists, that ``word`` is a given name rather than a family name,
        bounded by ``WORD_EVIDENCE`` (0 for a word the lists never place)."""
        key = _word_form(word)
        key = key if key in self.words else self._read_from.get(key, key)
        ratio = math.log((self.as_given.get(key, 0) + 1) / (self.as_family.get(key, 0) + 1))
        return max(-self.WORD_EVIDENCE, min(self.WORD_EVIDENCE, ratio))

    def order_score(self, words: list[str]) -> float:
        """Log-odds, from the lists, that ``words`` are in the natural order (family name last)
        rather than family name first: the first and the last word are the ones whose role
        changes between the two readings. Positive for "رنا خالد قطان", negative for
        "قطان رنا خالد", 0 when the lists do not tell. Only a first word the lists place as a
        family name speaks against the natural order: a family name that is also a given name
        ("… محمد الحسن", "… Youssef") leaves it standing."""
        if len(words) < 2:
            return 0.0
        head, tail = self._givenness(words[0]), self._givenness(words[-1])
        return head - tail if head < 0 else max(0.0, head - tail)


# Letters a Latin or Arabizi spelling writes for two Arabic letters, each with the letter of
# its other reading: 2 is ء and, as Damascus says it, ق (me2dad مقداد, tare2 طارق); 9 is ص and ق
# (9asem قاسم, me9dad); 8 is غ and ق (8assan غسان, 8asem قاسم); th and dh are ث and ذ (Monther
# منذر). The key reads each one way; the other reading is taken when the lists write the name it
# keys far more often (``ListVocabulary.letters``). (d for ذ and s for ث are left to the
# comparison: read by counts, Khalis became خالد and al-Hamid حمزة in the project's own lists,
# −0.003 F1.)
LETTER_READINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Where the key reads a final 2 as ق (``translit.ARABIZI_QAF``: "hane2" may be هانئ) …
    (re.compile(r"(?<=[eiou])2$"), "'"),
    # … and where it reads a hamza ("ba2er" may be باقر, "me2dad" مقداد).
    (re.compile(r"(?<=[a-z])2(?=[a-z'])|(?<=a)2$"), "q"),
    (re.compile(r"9"), "q"),
    # 8 is غ in the key ("8assan" غسان) and ق as much of the Gulf and many phones type it
    # ("8asem" قاسم, "Ta8i" تقي).
    (re.compile(r"8"), "q"),
    (re.compile(r"[td]h"), "z"),
)
# The other reading's name must be written at least this many times as often as the name as
# written (and at least ``ListVocabulary.FREQUENT`` times): two names that both exist keep their
# own reading.
LETTER_RATIO = 8


# An English dh read as ذ or ظ (``ListVocabulary._arabic_dh``).
_DH_READINGS: tuple[tuple[re.Pattern[str], str], ...] = ((re.compile(r"dh"), "z"),)


# Letters a name written as Damascene and Levantine speech says it writes for others, each with
# the letters (in the search form of ``_word_form``) it may stand for: ق said as a glottal stop
# (written أ or ا, آ for قا, or dropped at the end: حلاء, حلا for حلاق), ث as س or ت, ذ as ز or
# د, ظ as ض or ز, and the emphatic and pharyngeal letters a speech-to-text model trained on
# standard Arabic hears plain (ض د, ص س, ط ت, ح ه, ع ا). Read back where the lists write the
# name far more often so (``ListVocabulary.sounds``): مهمد محمد, الختيب الخطيب, امر عمر.
SOUND_READINGS: dict[str, tuple[str, ...]] = {
    "ا": ("ق", "قا", "ع", "عا"),
    "س": ("ث", "ص"),
    "ت": ("ث", "ط"),
    "ز": ("ذ", "ظ"),
    "د": ("ذ", "ض"),
    "ض": ("ظ",),
    "ه": ("ح",),
}
# Letters a name written as said writes for a short vowel Arabic leaves unwritten (Kurdish
# orthography on a Sorani keyboard, issue 15, set 15; ە, Sorani's a, is already gone in
# ``sorani_as_arabic``): و for u and ي for i in a name's first syllable, between its first
# letter and a consonant (حوسەین حسين, عومەر عمر, ئیبراھیم إبراهيم); one of a doubled و or ي,
# which such a writer writes for the long vowel (مەحموود محمود, ئییاد إياد, عائیشە عائشة),
# and, in a word that shows one, a single one anywhere (یووسوف يوسف); and و before the
# article's ل after عبد for its a («عەبدولکەریم» عبدالكريم: Abdul-). A long vowel Arabic writes
# too is not taken for one: عبّود, حسّون, عبيد, سعيد keep theirs, so does السويد (و before ي).
# Each is one change of ``SOUND_LETTERS``, read back as ``SOUND_READINGS`` are.
VOWEL_LETTERS = frozenset("وي")
# At most this many letters of one word are read back (مسطفى: one; الساله الصالح: two); a final
# alef written for ى (مستەفا مصطفى, بوشرا بشرى) comes on top (``_sound_reading``).
SOUND_LETTERS = 2
# A word longer than this is no one name (a glued run of words, a cell of junk): it is not read
# by sound, whose readings of two letters grow with the square of its length.
SOUND_WORD_MAX = 15


@lru_cache(maxsize=100_000)
def _sound_variants(form: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``form`` (a word in search form) with one, then two, of its letters read as the letters
    they may stand for in speech (``SOUND_READINGS``) or a written short vowel dropped
    (``VOWEL_LETTERS``), and with a ق a final alef lost (حلا حلاق, with the first): the nearer
    readings apart, so that the lists' choice goes to the nearest name written far more often
    (حوسين حسين, not حسن)."""
    places = [(i, other) for i, c in enumerate(form) for other in SOUND_READINGS.get(c, ())]
    places += [(i, "") for i in _short_vowels(form)]
    if form.startswith(_ABD_SAID):
        places.append((len(_ABD_SAID) - 2, "ا"))
    if form.endswith(_ALLAH_SAID):
        # … and Allah as said, its h unwritten (عەبدوڵڵا عبدالله).
        places.append((len(form) - 1, "ه"))
    places.sort(key=lambda place: place[0])
    once: list[str] = []
    twice: list[str] = []
    for index, (i, other) in enumerate(places):
        once.append(form[:i] + other + form[i + 1 :])
        if SOUND_LETTERS > 1:
            for j, second in places[index + 1 :]:
                if j != i:
                    twice.append(form[:i] + other + form[i + 1 : j] + second + form[j + 1 :])
    if form.endswith("ا"):
        once.append(form + "ق")
    return tuple(dict.fromkeys(once)), tuple(dict.fromkeys(twice))


def _short_vowels(form: str) -> list[int]:
    """Where ``form`` (a word in search form) may write a short vowel (``VOWEL_LETTERS``)."""
    # The name's first letter, after the article if it opens with one.
    first = 2 if form.startswith("ال") and len(form) > 4 else 0
    doubled = {c for c, d in pairwise(form) if c == d and c in VOWEL_LETTERS}
    found: list[int] = []
    for i in range(1, len(form) - 1):
        c, before, after = form[i], form[i - 1], form[i + 1]
        if c not in VOWEL_LETTERS:
            continue
        if c in (before, after) or (
            after not in _VOWELS_AFTER
            and before not in VOWEL_LETTERS
            and (i == first + 1 or c in doubled)
        ):
            found.append(i)
    return found


# Letters after which a و or ي is no short vowel but a consonant or a long vowel's part.
_VOWELS_AFTER = frozenset("اويىةء")
# ʿAbd said with its article's vowel u (Abdul-), glued to the name (``_sound_variants``).
_ABD_SAID = "عبدول"


# A word's last letter, in the search form and as written, where a final alef is read as ى
# (``_sound_reading``): the search form folds ى into ي.
_MAQSURA_FOLDED, _MAQSURA = "ي", "ى"
# Allah written as said, its h unwritten, at a word's end (``_sound_variants``); and the ʿAbd
# compound a reading opens with, whose name the lists mostly write apart («عبد الكريم»).
_ALLAH_SAID = "للا"
_ABD_ARTICLE = "عبدال"


def _sound_reading(
    form: str,
    counts: Mapping[str, int],
    others: Sequence[str] = (),
    maqsura: Mapping[str, int] | None = None,
) -> str | None:
    """The word a name word (search form) written as speech says it stands for: its reading by
    ``SOUND_READINGS`` and ``VOWEL_LETTERS`` that ``counts`` (how often the lists write each
    word) has at least ``ListVocabulary.FREQUENT`` times and ``LETTER_RATIO`` times as often as
    ``form``, the most written of the nearest such readings (one letter before two; ``others``,
    more readings of the word, with one); None if none (or for a Latin word, a joiner or a
    title). With ``maqsura`` (how often the lists write each word ending in ي or ى with that
    letter, ``ListVocabulary.final_yaa``), a final alef is also read as ى where the lists write
    the name so more often than with ي (بوشرا بشرى, مستفا مصطفى; not علا علي). A reading
    opening with عبدال counts its name written apart too («عبد الكريم»: its word «الكريم»)."""
    if not 3 <= len(form) <= SOUND_WORD_MAX or form[:1].isascii():
        return None
    if is_name_joiner(form) or is_title(form):
        return None
    written = max(counts.get(form, 0), 1) * LETTER_RATIO - 1
    least = max(written, ListVocabulary.FREQUENT - 1)
    once, twice = _sound_variants(form)
    tiers: list[list[tuple[str, bool]]] = [
        [],
        [(other, False) for other in (*once, *others)],
        [(other, False) for other in twice],
    ]
    if maqsura is not None and form.endswith("ا"):
        alef = form[:-1] + _MAQSURA_FOLDED
        alef_once, alef_twice = _sound_variants(alef)
        tiers[0].append((alef, True))
        tiers[1] += [(other, True) for other in alef_once if other.endswith(_MAQSURA_FOLDED)]
        tiers[2] += [(other, True) for other in alef_twice if other.endswith(_MAQSURA_FOLDED)]
    for tier in tiers:
        best, best_count = None, least
        for other, as_maqsura in tier:
            found = counts.get(other, 0)
            if other.startswith(_ABD_ARTICLE) and len(other) > len(_ABD_ARTICLE) + 1:
                # «عبدولکریم» عبدالكريم: the lists write it glued or apart (its «الكريم»).
                found += counts.get(other[len(_ABD_ARTICLE) - 2 :], 0)
            if (
                as_maqsura
                and maqsura is not None
                and maqsura.get(other[:-1] + _MAQSURA, 0) <= maqsura.get(other, 0)
            ):
                # The lists write it with ي as often (علا is no علي).
                continue
            if found > best_count:
                best, best_count = other, found
        if best is not None:
            return best
    return None


def _letter_variants(
    word: str, readings: tuple[tuple[re.Pattern[str], str], ...] = LETTER_READINGS
) -> list[str]:
    """``word`` (lower case) with one ambiguous letter, or every one of a kind, read the other
    way (``LETTER_READINGS``, or ``readings``)."""
    variants: list[str] = []
    for pattern, other in readings:
        found = list(pattern.finditer(word))
        for match in found:
            variants.append(word[: match.start()] + other + word[match.end() :])
        if len(found) > 1:
            variants.append(pattern.sub(other, word))
    return variants


def _read_letters(
    text: str, vocabulary: ListVocabulary | None, role: str = ListVocabulary.ANY
) -> str:
    """``text`` with each Latin name word's letters read as the lists' names say
    (``ListVocabulary.letters``), by the names of ``role`` (``ListVocabulary.GIVEN``, ``FAMILY``)
    where the cell tells it; Arabic text as it is."""
    if vocabulary is None or not text or not text[:1].isascii():
        return text
    known = vocabulary._read_texts.get((text, role))
    if known is not None:
        return known
    words = text.split(" ")
    read = [vocabulary.letters(word, role) if word else word for word in words]
    known = text if read == words else " ".join(read)
    if len(vocabulary._read_texts) >= _REPAIRED_MAX:
        vocabulary._read_texts.clear()
    vocabulary._read_texts[text, role] = known
    return known


# A second reading of a full name is compared too (``record_readings``) unless the first is at
# least this much likelier (log-odds, natural log: e^2.2 ≈ 9 to 1).
ALTERNATIVE_MARGIN = 2.2


# What a volunteer's post writes before a name: «المغيب قسراً» ("the forcibly disappeared"),
# «الشهيد», «المفقود», «المخطوف», «الطفل», «المواطن» (with their feminine), set aside when a name
# of at least two words follows (``mizan.text.translit`` drops المعتقل, الشاب, الأخ already).
_POST_LEAD = re.compile(
    r"^\s*(?:(?:ال)?(?:مغيب|مختفي|مخفي|مغيبه|مغيبة|مختفيه|مختفية|مخفيه|مخفية)\s+قسر\S*"
    r"|(?:ال)?(?:شهيد|مفقود|مخطوف|طفل|مواطن)(?:ة|ه)?|المغيب(?:ة|ه)?)\s+(?=\S+\s+\S)"
)
# A kunya written bare after the name («أحمد العلي ابو خالد», «… أبوعثمان», «… أم محمد») or
# before it («ابو احمد احمد», «ابوصالح شيار»): أبو/أم and one name, the kunya's own word glued or
# apart. أم is only ever read apart (امجد, امين are names).
_KUNYA_AFTER = re.compile(r"(?<=\S)\s+(?:(?:أبو|ابو|إبو|أم|ام)\s+|(?:أبو|ابو)(?=\S{3}))\S+\s*$")
_KUNYA_BEFORE = re.compile(r"^\s*(?:(?:أبو|ابو|إبو|أم|ام)\s+|(?:أبو|ابو)(?=\S{3}))\S+\s+(?=\S)")
# … and in Latin letters or Arabizi ("mo7ammad el shami abu 5aled", "Anas Yusif Abu Ahmad").
_KUNYA_AFTER_LATIN = re.compile(r"(?<=\S)\s+(?:abu|abou|abo|umm?|om)\s+\S+\s*$", re.IGNORECASE)
_KUNYA_LATIN_WORD = re.compile(r"^\s*(?:abu|abou|abo|umm?|om)\s+\S", re.IGNORECASE)
# أبو/أم and a name at the start of a family-name cell.
_KUNYA_WORD = re.compile(r"^(?:(?:أبو|ابو|إبو|أم|ام)\s+|(?:أبو|ابو)(?=\S{3}))\S")
# أبو/أم and a name that is a given name in its own right, not a kunya: أبو بكر (Abu Bakr),
# أم كلثوم, أم هانئ. Read aside, «أبو بكر محمد الحسن» would be his father محمد's name.
# (أبو هاني, the father of Hani, is a kunya.)
_KUNYA_SHAPED_NAMES = re.compile(
    r"^\s*(?:(?:أبو|ابو|إبو)\s*بكر|(?:أم|ام)\s*(?:كلثوم|هانئ|هاني))(?!\S)"
)


def _given_kunya_shape(kunya: str) -> bool:
    """Whether ``kunya`` (أبو/أم and a name) is a given name of that shape (أبو بكر, أم كلثوم)."""
    return _KUNYA_SHAPED_NAMES.match(kunya) is not None


# The name read without a bare kunya is compared at these log2-odds against the name as written:
# a family name may itself be أبو and a name (أبو زيد, أبو حمدان, أبو غياث).
KUNYA_ASIDE_ODDS = -1.0


# … and as a post in Latin letters or Arabizi writes them (issue 15, set 10's Facebook group):
# "el mo3ta2al" (المعتقل), "al shahid", "el shab", "el mafqud", "Detainee", "Martyr", "Missing",
# and the Hajj with its article ("al 7ajj", "el 7aj", which the title alone does not drop), one
# or more of them before a name of at least two words.
_POST_LEAD_LATIN = re.compile(
    r"^\s*(?:(?:(?:al|el)[\s-]*(?:mo3ta2al|mu3ta2al|mo3tagal|mu3taqal|mo3taqal|shah[ei]e?d|shabb?"
    r"|maf[qk](?:oo|ou|u|o)d|m[ou]ghayyab|ma5tu?o?u?f|7ajj?|hajj?)a?|detainee|detained|martyr|missing)"
    r"\s+)+(?=\S+\s+\S)",
    re.IGNORECASE,
)


def _latin_post_lead(full: str) -> bool:
    """Whether a Latin name opens with a post's words — not in capitals, as a UN-style list
    writes a family name first (ALHAJ Rana Khaled, AL-SHAHED Omar: الحاج and الشاهد are
    families)."""
    match = _POST_LEAD_LATIN.match(full)
    return match is not None and not match.group(0).isupper()


def _post_name(full: str) -> str:
    """A name as a post writes it, with the post's words before it set aside."""
    if full[:1].isascii():
        return _POST_LEAD_LATIN.sub("", full, count=1) if _latin_post_lead(full) else full
    return _POST_LEAD.sub("", full, count=1) if "ال" in full or "ة" in full else full


def _latin_abu_family(kunya: str, vocabulary: ListVocabulary | None) -> bool:
    """Whether a Latin kunya is a family name a family-name column of the lists writes, in
    either script ("Abu Anas" and «أبو أنس»), often enough to be a family's."""
    return (
        vocabulary is not None
        and vocabulary.abu_keys["".join(name_keys(kunya))] >= LATIN_ABU_FAMILY_COUNT
    )


# A Latin kunya is a family name when family-name columns write it this often: a family's
# name recurs, a kunya written there by mistake («أبو أحمد» for the family name) seldom.
LATIN_ABU_FAMILY_COUNT = 3


def _latin_kunya(full: str) -> re.Match[str] | None:
    """A kunya in Latin letters written bare after the name ("… abu 5aled"), or None."""
    return _KUNYA_AFTER_LATIN.search(full) if full[:1].isascii() else None


def _kunya_aside(full: str, vocabulary: ListVocabulary | None) -> str | None:
    """``full`` without a kunya written bare after or before the name, or None if it has none.
    At least one word of the name must stay; a bare kunya after a single word is the family
    name as written («محمد ابو زيد»), and so is one the lists write in a family-name column
    (``ListVocabulary.abu_families``)."""
    known = vocabulary.abu_families if vocabulary is not None else set()
    latin = _latin_kunya(full)
    if latin is not None and len(full[: latin.start()].split()) >= 2:
        if _latin_abu_family(latin.group(0), vocabulary):
            return None
        return full[: latin.start()].strip()
    if "بو" not in full and "ام" not in full and "أم" not in full:
        return None
    after = _KUNYA_AFTER.search(full)
    if after is not None and len(full[: after.start()].split()) >= 2:
        if _word_form(after.group(0)) in known or _given_kunya_shape(after.group(0)):
            return None
        return full[: after.start()].strip()
    before = _KUNYA_BEFORE.match(full) if "," not in full and "،" not in full else None
    if before is not None:
        rest = full[before.end() :].strip()
        words = rest.split()
        # A kunya and a first name («ابو احمد احمد»), or and a first and family name; before a
        # longer name, أبو and a name may be the family name written first (أبو زيد محمد علي),
        # and before a word with the article or «من» it is a man known by his kunya and his
        # town («أبو علي الدوماني», «أبو عبدو من اللاذقية»): no first name to compare.
        if (
            1 <= len(words) <= 2
            and not has_article(words[0])
            and words[0] not in _NOT_A_NAME
            and _word_form(before.group(0)) not in known
            and not _given_kunya_shape(before.group(0))
        ):
            return rest
    return None


# Words after a kunya that begin no name: «أبو عبدو من اللاذقية» ("from Latakia").
_NOT_A_NAME = frozenset({"من", "في", "بن", "ابن", "بنت"})


def _kunya_family(full: str, vocabulary: ListVocabulary | None) -> tuple[str, bool] | None:
    """The family name of a person named by a kunya and the family alone («أبو محمد الأحمد»,
    «ابو مصطفى العبد الله», «أبو محمد طه», «أم محمد الحسن» as a family's post writes them),
    and whether it has its article; None for any other name. The kunya's name is the eldest
    son's, none of the person's: read so, the name gives no first name to compare."""
    if "بو" not in full and "ام" not in full and "أم" not in full:
        return None
    before = _KUNYA_BEFORE.match(full) if "," not in full and "،" not in full else None
    if before is None or _given_kunya_shape(before.group(0)):
        return None
    known = vocabulary.abu_families if vocabulary is not None else set()
    if _word_form(before.group(0)) in known:
        return None
    rest = full[before.end() :].strip()
    words = rest.split()
    if not words or words[0] in _NOT_A_NAME:
        return None
    article = has_article(words[0])
    # One word, or a compound family name with its article («العبد الله», «آل عبد الله»).
    if len(words) == 1 or (article and len(words) == 2 and is_name_joiner(words[0])):
        return rest, article
    return None


def _readings_of(
    full: str, vocabulary: ListVocabulary | None, posts: bool = False
) -> list[tuple[dict[str, str], float]]:
    """The readings of a full name worth comparing, each with its log2-odds against the likeliest
    (0.0 for the likeliest, first): with a vocabulary of the lists, after OCR's splits and merges
    are mended, the order the lists support first and the other one second when the lists and
    the parser together do not settle it. A name with a bare kunya («… ابو خالد») is read
    as written and without it (``KUNYA_ASIDE_ODDS``); a Latin one without it first in Arabizi
    or in a list of posts (``posts``, ``mark_post_lists``)."""
    return _readings_of_full(full, vocabulary, posts)


def _readings_of_full(
    full: str, vocabulary: ListVocabulary | None, posts: bool
) -> list[tuple[dict[str, str], float]]:
    full = unfold_passport_name(_post_name(full))
    kunya_family = _kunya_family(strip_asides(full), vocabulary) if posts else None
    if kunya_family is not None:
        # «أبو محمد الأحمد» in a list of posts: a man named by his kunya and his family, no
        # first name of his; as written (أبو محمد as if a first name, which another post of the
        # same kunya meets) after it. A word without the article may be his given name («أبو
        # محمد طه»). Elsewhere a kunya and a word with the article is as often a kunya and a
        # town, which ``recollection`` reads (a cellmate's «أبو عبدو الحموي»).
        family, article = kunya_family
        nameless = {
            "first_name": "",
            "father_name": "",
            "grandfather_name": "",
            "family_name": family,
        }
        written = _readings_of_written(full, vocabulary, posts)
        if article:
            return [(nameless, 0.0), *((parts, odds + KUNYA_ASIDE_ODDS) for parts, odds in written)]
        return [*written, (nameless, KUNYA_ASIDE_ODDS)]
    return _readings_of_written(full, vocabulary, posts)


def _readings_of_written(
    full: str, vocabulary: ListVocabulary | None, posts: bool
) -> list[tuple[dict[str, str], float]]:
    """``_readings_of`` of a name other than a kunya and a family alone."""
    aside = _kunya_aside(strip_asides(full), vocabulary)
    if aside is not None:
        # As written first: the lists' own traits (``engine._traits``) keep it, and a list that
        # writes أبو غياث as its family name («محمد محمود ابوغياث») is not read otherwise.
        written = _readings_in_order(full, vocabulary)
        without = _readings_in_order(aside, vocabulary)
        kunya = _latin_kunya(full)
        if (
            kunya is not None
            and (posts or _ARABIZI_WORD.search(full) is not None)
            and is_given_name(kunya.group(0).split()[-1])
        ):
            # "… el shami abu a7mad": as a post writes a name in Latin letters, a family name is
            # seldom أبو and a given name (the Druze أبو فخر, أبو عساف are not given names), so
            # the name without it comes first, and the lists' traits compare it. Elsewhere
            # ("Mohammad Khaled Abu Zeid") أبو زيد, أبو حمدان are families' names as written.
            return [*without, *((parts, odds + KUNYA_ASIDE_ODDS) for parts, odds in written)]
        return [*written, *((parts, odds + KUNYA_ASIDE_ODDS) for parts, odds in without)]
    return _readings_in_order(full, vocabulary)


def _readings_in_order(
    full: str, vocabulary: ListVocabulary | None
) -> list[tuple[dict[str, str], float]]:
    text = vocabulary.repair(full) if vocabulary is not None else full
    readings = parse_full_name(text)
    best = readings[0]
    if len(readings) == 1 or best.confidence >= 0.9:
        return [(best.parts, 0.0)]
    forms = {reading.form: reading for reading in readings}
    if set(forms) == {FAMILY_FIRST_LINEAGE, "son of"}:
        return _lineage_readings(forms[FAMILY_FIRST_LINEAGE], vocabulary)
    if set(forms) != {"natural", "family first"}:
        return [(best.parts, 0.0)]
    natural, family_first = forms["natural"], forms["family first"]
    odds = _natural_order_odds(text, natural, family_first, vocabulary)
    first, second = (natural, family_first) if odds >= 0 else (family_first, natural)
    if abs(odds) >= ALTERNATIVE_MARGIN or first.parts == second.parts:
        return [(first.parts, 0.0)]
    if odds >= 0 and _ARABIZI_WORD.search(text) is not None:
        # A name typed in Arabizi is typed as it is said, the family name last ("5alid el
        # 7asan"): the family-first order of registers and passports is not compared unless
        # the lists tell it. Read so, "Sa3id El 7usain" met «حسن محمود السيد» (سعيد، السيد).
        return [(first.parts, 0.0)]
    return [(first.parts, 0.0), (second.parts, -abs(odds) / math.log(2))]


def _lineage_readings(
    before: NameReading, vocabulary: ListVocabulary | None
) -> list[tuple[dict[str, str], float]]:
    """The readings of a name whose two words before «بن» («حسين شحادة بن علي») may be the
    family's and the person's, as a hand-copied prison register writes a name (``names.
    FAMILY_FIRST_LINEAGE``), or the person's and the family's, as a Syrian court's roll or a
    security branch's list writes «الاسم والشهرة بن الأب» («أحمد العلي بن وليد»; issue 15, set
    17): both, the one the lists support first (the word they keep as a family name), the
    family's first when they do not tell (``parse_full_name``'s odds)."""
    parts = before.parts
    family, first = parts["family_name"], parts["first_name"]
    if not family or not first or " " in family:
        return [(parts, 0.0)]
    given_family = dict(parts, first_name=family, family_name=first)
    odds = math.log(max(1.0 - before.confidence, 1e-3) / max(before.confidence, 1e-3))
    if vocabulary is not None:
        odds += vocabulary.order_score([family, first])
    one, other = (given_family, parts) if odds >= 0 else (parts, given_family)
    if abs(odds) >= ALTERNATIVE_MARGIN:
        return [(one, 0.0)]
    return [(one, 0.0), (other, -abs(odds) / math.log(2))]


def _natural_order_odds(
    text: str, natural: NameReading, family_first: NameReading, vocabulary: ListVocabulary | None
) -> float:
    """Log-odds that a full name's words are in the natural order (family name last) rather
    than family name first: the parser's (``parse_full_name``), and the lists' (``order_score``)."""
    odds = math.log(max(natural.confidence, 1e-3) / max(family_first.confidence, 1e-3))
    if vocabulary is not None:
        # The words the parser read: «السيد» before a four-part name is no family name first.
        odds += vocabulary.order_score(name_words(set_aside_head(drop_titles(strip_asides(text)))))
    return odds


def natural_order_odds(text: str, vocabulary: ListVocabulary | None) -> float:
    """``_natural_order_odds`` of a full name, 0.0 where the parser reads it one way only."""
    forms = {reading.form: reading for reading in parse_full_name(text)}
    if set(forms) != {"natural", "family first"}:
        return 0.0
    return _natural_order_odds(text, forms["natural"], forms["family first"], vocabulary)


# A two-word full name whose second word is a given name without an article ("Khaled Mahmoud",
# "احمد محمد") is as often a name and the father's (lists that give no family name) as a name and
# a family name: that reading is compared too, at these log2-odds against the likeliest; so is
# a three-word one read as the name, the father's and the grandfather's.
GIVEN_FATHER_ODDS = -2.0
GIVEN_GRANDFATHER_ODDS = -3.0


def _given_father(
    found: list[tuple[dict[str, str], float]], full: str
) -> list[tuple[dict[str, str], float]]:
    """The "given name, father's name" reading of a two-word full name, or the "name, father's,
    grandfather's" reading of a three-word one whose order nothing marks, when worth comparing."""
    parts = found[0][0]
    family = parts["family_name"]
    if (
        parts["grandfather_name"]
        or not family
        or " " in family
        or has_article(family)
        or not is_given_name(family)
        # «… من بيت حكيم»: the house's name is the family's, whatever name it is.
        or parse_full_name(full)[0].form == HOUSE_OF_FAMILY
    ):
        return []
    if parts["father_name"]:
        if parse_full_name(full)[0].confidence >= 0.9:
            return []  # "RIYAD, Ziyab Mohammad", "Ziyab Mohammad RIYAD": the family is marked.
        # «خالد عبد القادر حسين»: the three names a post or a form gives («الاسم الثلاثي») are as
        # often the name, the father's and the grandfather's as the name, father's and family.
        return [(dict(parts, grandfather_name=family, family_name=""), GIVEN_GRANDFATHER_ODDS)]
    return [(dict(parts, father_name=family, family_name=""), GIVEN_FATHER_ODDS)]


def _reading(full: str, vocabulary: ListVocabulary | None) -> dict[str, str]:
    """The parts of a full name: its likeliest reading, or with a vocabulary of the lists,
    the reading the lists support best after OCR's splits and merges are mended."""
    return _readings_of(full, vocabulary)[0][0]


def _has_parts(row: Mapping[str, str]) -> bool:
    """Whether the record gives its first or family name in their own columns. A list that gives
    only the father's (or grandfather's) name beside the full name ("Fayez EL-RAHHOUMI", father
    "Ammar") still has its name read from the full name."""
    return any((row.get(f"{p}_name") or "").strip() for p in ("first", "family"))


def _name_parts(
    row: Mapping[str, str],
    vocabulary: ListVocabulary | None = None,
    reading: Mapping[str, str] | None = None,
) -> dict[str, str]:
    row = read_name_cells(row)
    parts = {part: (row.get(f"{part}_name") or "").strip() for part in NAME_PARTS}
    for part in NAME_PARTS:
        if not parts[part]:
            continue
        if part != "mother":
            # A nickname or kunya written in the column itself: "مهدي (الصغير)", "زينب (أم حسين)".
            parts[part] = strip_asides(parts[part]) or parts[part]
        if vocabulary is not None:
            # OCR splits and merges in a column too: "حس ين", "ا لفتحي", "جميلةتوفيق".
            parts[part] = vocabulary.repair(parts[part])
    full = (row.get("full_name") or "").strip()
    if full and not (parts["first"] or parts["family"]):
        # The reading of the name as written: "FAMILY, Given Father", an upper-case family
        # name on either side, bin/ibn/son of, a kunya in brackets set aside; without a sign,
        # the order the lists themselves support (``ListVocabulary``). A father's name given in
        # its own column stands; the full name gives the rest.
        split = reading if reading is not None else _reading(full, vocabulary)
        for part in ("first", "father", "grandfather", "family"):
            parts[part] = parts[part] or split[f"{part}_name"]
    if parts["mother"]:
        # An official list prints «والدته فاطمة» ("his mother Fatima") in the mother's cell.
        parts["mother"] = MOTHER_WORD_BEFORE.sub("", parts["mother"]).strip() or parts["mother"]
        parts[MOTHER_FAMILY] = mother_family(parts["mother"])
        # Her first name is what every list gives; "HAMWI, Fatima" and "HAMWI Fatima" put it
        # after her family name.
        reading_m = parse_full_name(parts["mother"])[0]
        if reading_m.form in ("family, given", "FAMILY given", FAMILY_FIRST_LINEAGE):
            parts["mother"] = reading_m.parts["first_name"]
        else:
            parts["mother"] = strip_asides(parts["mother"])
    return parts


# An OCR'd table's name cells out of their columns (issue 15, set 5's field-court list): the
# row read with its cells put back is compared too, at these log2-odds against the row as read.
SHIFTED_CELLS_ODDS = -1.0
FIRST_FATHER_ODDS = -1.0
_JOINERS = frozenset({"عبد", "ابو", "أبو", "abd", "abdul", "abdel", "abu", "abou"})


def _shifted_cells(
    row: Mapping[str, str], vocabulary: ListVocabulary | None
) -> list[tuple[Mapping[str, str], float]]:
    """Other readings of a record's name cells that an OCR'd table misplaced: a compound first
    name cut over two cells («عبد» | «الله» | father), pushing the father into the family cell;
    an empty first cell with the names shifted one column right; a first cell that holds the
    first and father's names glued («يوسفعلي» | family | empty), which the lists' own words
    cut apart. Each is compared beside the row as read; the pair takes the better."""
    first, father, family = (
        (row.get(f"{part}_name") or "").strip() for part in ("first", "father", "family")
    )
    if first.lower() in _JOINERS and father:
        # No name is عبد or أبو alone: the first name is cut, and read whole it is certain.
        return [({**row, "first_name": f"{first} {father}", "father_name": family,
                  "family_name": ""}, 0.0)]  # fmt: skip
    if not first and father and family and not (row.get("grandfather_name") or "").strip():
        shifted = {**row, "first_name": father, "father_name": family, "family_name": ""}
        return [(shifted, SHIFTED_CELLS_ODDS)]
    if (
        first
        and father
        and not family
        and vocabulary is not None
        and " " not in first
        and " " in vocabulary.repair(first)
    ):
        glued = {**row, "first_name": "", "father_name": "", "full_name": f"{first} {father}"}
        return [(glued, SHIFTED_CELLS_ODDS)]
    return []


# A European office registers a refugee whose papers give no family name under the father's
# name ("Mohammad | Khaled": محمد خالد الطباع), as it registers patronymic names: in a list that
# does so (``mark_father_surname_lists``), a Latin family cell that holds one given name without
# the article, the father's cell empty, is also read as the father's name, as a two-word full
# name is (``GIVEN_FATHER_ODDS``).
FATHER_AS_SURNAME_ODDS = GIVEN_FATHER_ODDS
# A tribe's name in the family's cell (``names.is_tribe_name``) read as no family name: less
# likely than as written (العفادلة is a family's name as well as a tribe's).
TRIBE_FAMILY_ODDS = -1.0
# Set on the records of a list where at least ``FATHER_SURNAME_SHARE`` of the records have such a
# family cell: a tenth of a list is its office's habit; a few records are a family name that is
# also a given name (Hassan, Ibrahim), whose second reading only shifts every pair's weight.
FATHER_SURNAME_LIST = "_father_surname_list"
FATHER_SURNAME_SHARE = 0.1


def mark_father_surname_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that registers people under their father's name
    (``FATHER_SURNAME_SHARE``) marked ``FATHER_SURNAME_LIST``."""
    shown, total = _shown_per_list(
        records, sources, lambda record: _father_as_surname(record) is not None
    )
    markers = {
        s: FATHER_SURNAME_LIST for s, n in shown.items() if n >= FATHER_SURNAME_SHARE * total[s]
    }
    return _marked(records, sources, markers)


def _father_as_surname(row: Mapping[str, str]) -> Mapping[str, str] | None:
    """The record read with its family cell as the father's name (``FATHER_AS_SURNAME_ODDS``),
    or None: a Latin record with a first name, no father's or grandfather's name, and a family
    name that is one given name ("Khaled", "Abdallah"; not "Al-Ahmad", "Kabbani")."""
    first, family = ((row.get(f"{part}_name") or "").strip() for part in ("first", "family"))
    if not first or not family or not family.isascii() or has_article(family):
        return None
    if (row.get("father_name") or "").strip() or (row.get("grandfather_name") or "").strip():
        return None
    if len(name_words(family)) != 1 or not is_given_name(family):
        return None
    return {**row, "father_name": family, "family_name": ""}


def _first_and_father(row: Mapping[str, str]) -> Mapping[str, str] | None:
    """A record whose first-name cell holds two names and whose father's and grandfather's
    cells are empty («احمد محمود» | empty | «العلي»: a volunteer who types the first and the
    father's name together under «الاسم»), read as a first name and a father's; else None.
    A compound (عبد القادر, نور الدين) is one name; a title (Hajj Fatima, الشيخ محمد) is none."""
    first = (row.get("first_name") or "").strip()
    if " " not in first or (row.get("father_name") or "").strip():
        return None
    words = name_words(drop_titles(strip_asides(first)))
    if len(words) != 2:
        return None
    return {**row, "first_name": words[0], "father_name": words[1]}


# A father's cell of two names read as the father's and grandfather's
# (``lists.lineage_in_father_cell``); read whole, as one man's double name, at these log2-odds.
FATHER_LINEAGE_ODDS = -1.0
_FATHER_WHOLE = "_father_whole"
_MUHAMMAD_KEY = name_key("محمد")
# A married woman read under her own family name (``lists.MAIDEN_NAME_COLUMN``) beside her
# husband's, at these log2-odds: which one another list writes is not known.
MAIDEN_NAME_ODDS = -1.0
# The key of the maiden name a record gives, beside its features (``engine._traits``).
MAIDEN_KEY = "_maiden_k"
# Set (True) on the features of a reading whose family name may be the great-grandfather's
# given name of a four-part name (``_lineage_family``).
LINEAGE_FAMILY = "_lineage_family"


# Set on a record (by ``mizan.linkage.engine``) of a list that writes four-part names without a
# family name (``mark_lineage_lists``): only there is a record's last given name read as a
# great-grandfather's (``LINEAGE_FAMILY``). Elsewhere «محمد أحمد حسن علي» is a family named علي,
# as common in Syria as حسن, أحمد or عيسى.
LINEAGE_LIST = "_lineage_list"
# A list writes such names when the share of its names of four words that end in a given name
# is at least this many times the share of its names of three words that do (a list whose family
# names are often given names, علي or حسن, shows both alike) …
LINEAGE_LIST_RATIO = 2.0
# … in at least so many records, judged on at most so many records of each list.
LINEAGE_LIST_RECORDS = 10
_LINEAGE_SAMPLE = 20_000


def _given_last(row: Mapping[str, str]) -> int | None:
    """How many words a full name (without name cells) has, 3 or 4, as a negative number when
    its last word is no given name or has the article; None for any other record."""
    text = row.get("full_name") or ""
    if _has_parts(row) or not text.strip():
        return None
    words = name_words(text)
    if len(words) not in (3, 4):
        return None
    last = words[-1]
    return len(words) if is_given_name(last) and not has_article(last) else -len(words)


def mark_lineage_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that writes four-part names without a family name (an
    Egyptian form's الاسم الرباعي, "Moustafa Abdallah Gamil Esmail") marked ``LINEAGE_LIST``:
    its names of four words end in a given name ``LINEAGE_LIST_RATIO`` times as often as its
    names of three words do, in at least ``LINEAGE_LIST_RECORDS`` records."""
    counts: dict[str, Counter[int]] = {}
    for record, source in zip(records, sources, strict=True):
        seen = counts.setdefault(source, Counter())
        if seen[0] >= _LINEAGE_SAMPLE:
            continue
        seen[0] += 1
        if (words := _given_last(record)) is not None:
            seen[words] += 1
    markers = {}
    for source, seen in counts.items():
        four, three = seen[4], seen[3]
        fours, threes = four + seen[-4], three + seen[-3]
        if four < LINEAGE_LIST_RECORDS:
            continue
        if four * threes >= LINEAGE_LIST_RATIO * three * fours:
            markers[source] = LINEAGE_LIST
    return _marked(records, sources, markers)


def _lineage_family(row: Mapping[str, str], parts: Mapping[str, str]) -> bool:
    """Whether a reading of a full name has a first, father's and grandfather's name and, as its
    family name, one given name without the article: an Egyptian form (الاسم الرباعي) or a
    family's message gives a four-part name, first, father, grandfather and great-grandfather,
    with no family name at all ("Moustafa Abdallah Gamil Esmail"); read in the natural order,
    its last word stands where a family name would. A family cell is a family name whatever it
    holds. Only in a list that writes such names (``LINEAGE_LIST``)."""
    if not row.get(LINEAGE_LIST) or _has_parts(row) or not (row.get("full_name") or "").strip():
        return False
    if not all(parts[part] for part in ("first", "father", "grandfather")):
        return False
    family = parts["family"]
    return (
        bool(family)
        and len(name_words(family)) == 1
        and not has_article(family)
        and is_given_name(family)
    )


def _double_father(lineage: Mapping[str, str], vocabulary: ListVocabulary | None) -> bool:
    """Whether a father's cell read as the father and his father (``lineage``) is rather one
    man's double given name opening with محمد: a usual one (``lists.usual_double_second``) or
    one the lists themselves write in one cell (``ListVocabulary.double_father``)."""
    if name_key(lineage["father_name"]) != _MUHAMMAD_KEY:
        return False
    second = lineage["grandfather_name"]
    return usual_double_second(second) or (
        vocabulary is not None and vocabulary.double_father(second)
    )


# The name read without a family name that is a village's nisba (``ListVocabulary.village_nisba``)
# against the name as written. A nisba is a family's name as often as not (الصفدي، الحيفاوي), and
# many unrelated families share one village: it is weak evidence either way, and a pair needs its
# given names, mother and dates to be joined without it (set 16: at -2 or -3, a namesake with
# the same mother's name and month of arrest was joined).
VILLAGE_NISBA_ODDS = -3.5
# Keys of a reading's features, no splink columns: where its record's family comes from (its
# origin column's stem, and the villages of its nisbas), and, in the reading without a nisba,
# that nisba's village (``nisba_apart``).
ORIGINS_KEY = "_origins"
NISBA_KEY = "_nisba"


def nisba_apart(
    nisba: str, origin: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]] | None
) -> bool:
    """Whether a reading without the nisba of village ``nisba`` (its record's ``origin``) says
    nothing of a record whose family comes from ``other`` (None: not said). The reading is for a
    record of the same family under its family's own name; a record whose family name is the
    nisba of another village in a list that gives origins (two nisbas, «اللوباني» and
    «الترشيحي»), or whose origin column names another village than this record's, is of another
    family however its given names and year agree: the name as written is compared with it,
    not this reading."""
    if other is None:
        return False
    column, nisbas = other
    if nisbas and nisba not in nisbas:
        return True
    return bool(column) and column != nisba and column != origin[0]


@overload
def record_readings(
    row: Mapping[str, str], vocabulary: ListVocabulary | None = None
) -> list[tuple[dict[str, Any], float]]: ...


@overload
def record_readings(
    row: Mapping[str, str], vocabulary: ListVocabulary | None, *, with_parts: Literal[True]
) -> list[tuple[dict[str, Any], float, dict[str, str]]]: ...


def record_readings(
    row: Mapping[str, str], vocabulary: ListVocabulary | None = None, *, with_parts: bool = False
) -> list[Any]:
    """The comparison features of each reading of a record worth comparing, with its log2-odds
    against the likeliest (0.0 first): a full name written without any sign of its order
    ("ذياب محمد رياض": ذياب may be the given name or the family's) is compared in both orders, and
    a pair of records takes its best-matching pair of readings, less their odds. With
    ``with_parts``, each reading also gives the name parts it read."""
    if vocabulary is not None and row.get(VISUAL_ORDER_LIST):
        # Before the glyphs are read as letters: a ligature's letters keep their own order.
        row = _visual_read(row, vocabulary)
    row = _scholarly_read(read_name_cells(row), vocabulary)
    whole = None
    if not row.get(_FATHER_WHOLE):
        lineage = lineage_in_father_cell(row)
        if lineage is not None and vocabulary is not None:
            # A name OCR cut in two that the lists' own words mend is one name (``repair``).
            father = row.get("father_name") or ""
            lineage = lineage if " " in vocabulary.repair(father.strip()) else None
        if lineage is not None and _double_father(lineage, vocabulary):
            # «محمد خير», "Mohammad Ali", "Mhd Nour": a usual double name of one man, or one the
            # lists write whole, is read whole first (the first reading gives the traits that
            # keep a list's cousins apart), father and grandfather after. "Mohammad Ahmad" in
            # a middle-name box is the father and his father first, as any other pair.
            whole, row = lineage, {**row, _FATHER_WHOLE: "1"}
        elif lineage is not None:
            # «Khaled Ahmad» in the father's cell: the father and his father first; the cell
            # read whole (a double name, «محمد نور») after, at ``FATHER_LINEAGE_ODDS``.
            whole, row = {**row, _FATHER_WHOLE: "1"}, lineage
    if vocabulary is not None:
        # A Latin name's letters read as the lists' names say (tare9 طارق, monther منذر).
        row = _letters_read(row, vocabulary)
        if row.get(SPEECH_LIST):
            # … and an Arabic one's as speech says them (مهمد محمد, الختيب الخطيب).
            row = _sounds_read(row, vocabulary)
    full = (row.get("full_name") or "").strip()
    if row.get(CIVILITY_LIST) and _MAN_CIVILITY.match(full):
        # "M. AL-HALABI Mahmoud" in a list of civilities (``mark_civility_lists``): Monsieur.
        full = _MAN_CIVILITY.sub("", full)
        row = {**row, "full_name": full}
    if full[:1].isascii() and _latin_post_lead(full):
        # A post's words before a name in Latin letters ("al shahid", "Detainee") go for every
        # reading, the recollected ones too (Arabic ones are read aside by their own readers).
        full = _post_name(full)
        row = {**row, "full_name": full}
    if not full or _has_parts(row):
        cells = [row]
        odds = [0.0]
        split = _first_and_father(row)
        if split is not None:
            # The two names read apart come first (their traits keep namesakes of one list
            # apart); the cell read whole is still compared.
            cells = [split, row]
            odds = [0.0, FIRST_FATHER_ODDS]
        for shifted, value in _shifted_cells(row, vocabulary):
            cells.append(shifted)
            odds.append(value)
        if is_tribe_name(row.get("family_name") or ""):
            # «عكيدات» in the family's cell: the tribe, not the family name the other lists
            # write (العكيدي, الحسن …); also read without a family name.
            cells.append({**row, "family_name": ""})
            odds.append(TRIBE_FAMILY_ODDS)
        surname = _father_as_surname(row) if row.get(FATHER_SURNAME_LIST) else None
        if surname is not None:
            cells.append(surname)
            odds.append(FATHER_AS_SURNAME_ODDS)
        cells, odds = _german_swapped(row, cells, odds, vocabulary)
        readings = [_name_parts(each, vocabulary) for each in cells]
    else:
        found = _readings_of(full, vocabulary, bool(row.get(POST_LIST)))
        if not (row.get("father_name") or "").strip():
            found += _given_father(found, full)
        readings = [_name_parts(row, vocabulary, parts) for parts, _odds in found]
        odds = [value for _parts, value in found]
        maiden = (row.get(MAIDEN_NAME_COLUMN) or "").strip()
        if maiden and sex_of(row.get("sex") or "") != "M":
            # «Marie HADDAD née KHOURY» (``lists.read_name_cells``): under her own family name
            # too, as a Syrian list writes her, as for a form's maiden-name cell below.
            for parts, value in list(zip(readings, odds, strict=True)):
                if parts["family"] and _spelling(parts["family"]) != _spelling(maiden):
                    readings.append({**parts, "family": maiden})
                    odds.append(value + MAIDEN_NAME_ODDS)
    result: list[Any] = []
    for parts, value in zip(readings, odds, strict=True):
        # A saint's French name read as each Arabic name the lists write for it (Pierre: بطرس
        # or بيير), the likeliest first; as written for most records.
        for saints, more in _saint_choices(parts, vocabulary):
            features = _features(row, parts, vocabulary, saints)
            if row.get(_SCHOLARLY_WORDS):
                _written_spellings(features, parts, row[_SCHOLARLY_WORDS])
            result.append(
                (features, value + more, parts) if with_parts else (features, value + more)
            )
    if vocabulary is not None and vocabulary.origins:
        # A family name that is the nisba of a village the lists' origin columns name
        # («اللوباني» of لوبية): a Palestinian list may write it instead of the family name, so
        # the name is also compared without a family name, less likely (many families share
        # one village; the name as written, a family name too, comes first).
        # Where the family comes from, which the nisba reading must not contradict
        # (``nisba_apart``): the origin column's village and the villages of nisbas read.
        column = row.get(ORIGIN_COLUMN)
        nisbas = {
            village for parts in readings if (village := vocabulary.nisba_village(parts["family"]))
        }
        # A nisba says where the family comes from only in a list that gives origins (its
        # record has an origin column): elsewhere «الحيفاوي» is as likely the family's own
        # name, whatever village it comes from (set 16: «طارق وليد الحيفاوي» of a charity's list
        # is «طارق وليد الترشيحي» of ترشيحا).
        stem = _origin_stem(column) if column else ""
        origin = (stem, frozenset(nisbas) if (column or "").strip() else frozenset())
        if stem or nisbas:
            for each in result:
                each[0][ORIGINS_KEY] = origin
        for parts, value in zip(readings, odds, strict=True):
            village = vocabulary.nisba_village(parts["family"])
            if village:
                read = {**parts, "family": ""}
                features = _features(row, read, vocabulary)
                features[ORIGINS_KEY] = origin
                features[NISBA_KEY] = village
                odds_read = value + VILLAGE_NISBA_ODDS
                result.append((features, odds_read, read) if with_parts else (features, odds_read))
    # A name as people remember it: «خالد الطويل من داريا», «محمد التلبيساوي», «أبو حسن
    # السراقبي» (``recollection``): its town, nickname and kunya read apart, beside as written.
    result = _recollected(row, vocabulary, result, with_parts=with_parts)
    if (
        row.get(GERMANIC_SOME)
        and _LATIN_J_CH.search(_names_text(row))
        and not (row.get(TURKISH_LIST) or _kurmanji_record(row) or _germanic_record(row))
    ):
        # A list that mixes German and other spellings: "Jasir", "Chaled" also read the
        # German way (ياسر, خالد), a little less likely than the way English reads them.
        german = {**row, GERMANIC_SOME: "", GERMANIC_LIST: "1"}
        for each in record_readings(german, vocabulary, with_parts=True):
            value = each[1] + GERMANIC_SOME_ODDS
            result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    if (
        row.get(TURKISH_SOME)
        and _names_text(row).isascii()
        and not _NOT_TURKISH_LETTERS.search(_names_text(row))
        and not (_turkish_record(row) or _kurmanji_record(row) or _germanic_record(row))
    ):
        # A list that mixes Turkish residence papers with other offices' spellings: "Halit",
        # "Cemil", "Heysem" typed without a Turkish letter are also read the Turkish way (خالد,
        # جميل, هيثم), a little less likely than the way English reads them.
        turkish = {**row, TURKISH_SOME: "", TURKISH_LIST: "1"}
        for each in record_readings(turkish, vocabulary, with_parts=True):
            value = each[1] + TURKISH_SOME_ODDS
            result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    if _kurmanji_record(row) and any("x" in (row.get(c) or "").lower() for c in _NAME_CELLS):
        # Kurmanji writes غ as well as خ with x (Xade غادة, Evdilxenî عبد الغني, Axa آغا): its
        # names are also read with every x as غ, a little less likely than خ.
        ghayn = {
            **row,
            **{c: row[c].translate(_X_AS_GHAYN) for c in _NAME_CELLS if row.get(c)},
        }
        for each in record_readings(ghayn, vocabulary, with_parts=True):
            value = each[1] + KURMANJI_GHAYN_ODDS
            result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    maiden = (row.get(MAIDEN_NAME_COLUMN) or "").strip()
    if maiden and sex_of(row.get("sex") or "") != "M" and not full:
        # A married woman registered under her husband's family name, her own beside it (a
        # form's "maiden name"): as Syrian lists write her, under her father's, too.
        own = {**row, "family_name": maiden, MAIDEN_NAME_COLUMN: ""}
        for each in record_readings(own, vocabulary, with_parts=True):
            value = each[1] + MAIDEN_NAME_ODDS
            result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    if whole is not None:
        for each in record_readings(whole, vocabulary, with_parts=True):
            value = each[1] + FATHER_LINEAGE_ODDS
            result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    if row.get(ROMANCE_LIST) and not row.get(_ROMANCE_READING):
        # A list written by Italian and Spanish offices (``mark_romance_lists``): each record's
        # Latin names are also read in Italian and in Spanish spelling (one office's habits per
        # record, not told by every record's letters), a little less likely than as written; a
        # reading that keys every name alike is not compared twice.
        seen = [features for features, *_rest in result]
        for romance in _ROMANCE_SPELLINGS:
            read = {**row, _ROMANCE_READING: romance}
            for each in record_readings(read, vocabulary, with_parts=True):
                if each[0] in seen:
                    continue
                seen.append(each[0])
                value = each[1] + ROMANCE_ODDS
                result.append((each[0], value, each[2]) if with_parts else (each[0], value))
    return result


def _letters_read(row: Mapping[str, str], vocabulary: ListVocabulary) -> Mapping[str, str]:
    """``row`` with the letters of its Latin name cells read as the lists' names say: a given
    name's by the lists' given names, a family name's by their family names, a full name's
    (whose words' roles are not told yet) by all their names. A name in Greek letters, or in a
    list written through the Greek alphabet (``GREEK_LIST``), is read the Greek route's way."""
    changed: dict[str, str] = {}
    greek = bool(row.get(GREEK_LIST))
    russian = bool(row.get(RUSSIAN_LIST))
    for cell in _NAME_CELLS:
        text = row.get(cell)
        if text and (greek or has_greek_letters(text)):
            if (greek_read := _words_read(text, cell, vocabulary.greek_letters)) is not None:
                changed[cell] = greek_read
            continue
        if text and (russian or has_cyrillic_letters(text)):
            if (russian_read := _words_read(text, cell, vocabulary.russian_letters)) is not None:
                changed[cell] = russian_read
            continue
        if text and text.isascii():
            role = _CELL_ROLES.get(cell, ListVocabulary.ANY)
            if cell == "mother_name":
                # Her first name is a given name; what follows may be her family's.
                first, space, rest = text.partition(" ")
                read = _read_letters(first, vocabulary, role)
                if space:
                    read += " " + _read_letters(rest, vocabulary)
            else:
                read = _read_letters(text, vocabulary, role)
            if read != text:
                changed[cell] = read
    if greek:
        for cell in _PLACE_CELLS:
            text = row.get(cell)
            if text:
                # A town's name has no count in the lists' names: read the likeliest way
                # ("INTLIMP" إدلب, "CHOMS" حمص, "KAFRANMPEL" كفرنبل).
                read = " ".join(
                    greek_route_readings(word)[0] if word.isalpha() else word
                    for word in normalise_for_search(greek_to_latin(text)).split()
                )
                if read != text:
                    changed[cell] = read
    for cell in _PLACE_CELLS:
        text = row.get(cell)
        if text and (russian or has_cyrillic_letters(text)):
            # A town's name read the likeliest way ("Khoms" حمص, "Dzhasim" جاسم, "KPP Duma").
            read = " ".join(
                russian_route_readings(word)[0] if word.isalpha() else word
                for word in normalise_for_search(russian_letters(text)).split()
            )
            if read != text:
                changed[cell] = read
    return {**row, **changed} if changed else row


def _sounds_read(row: Mapping[str, str], vocabulary: ListVocabulary) -> Mapping[str, str]:
    """``row`` with the words of its Arabic name cells read as the lists write the names that
    speech says so (``ListVocabulary.sounds``)."""
    changed: dict[str, str] = {}
    for cell in _NAME_CELLS:
        text = row.get(cell)
        if not text or text[:1].isascii():
            continue
        if (read := _words_read(text, cell, vocabulary.sounds)) is not None:
            changed[cell] = read
    return {**row, **changed} if changed else row


def _scholarly_word_in(vocabulary: ListVocabulary | None) -> Callable[[str], str]:
    """How ``vocabulary`` (or, without one, the likeliest reading) reads a scholarly word."""

    def read(word: str) -> str:
        readings = scholarly_readings(word)
        if not readings:
            return word
        if vocabulary is None or len(readings) == 1:
            return readings[0]
        counts = [vocabulary.words.get(_word_form(each), 0) for each in readings]
        return readings[counts.index(max(counts))]

    return read


# The long vowels a scholarly romanisation marks: a name cell that shows none is not read so.
_LONG_VOWEL_MARKS = frozenset("āīūáĀĪŪÁ")


def _scholarly_word(word: str) -> bool:
    """Whether ``word`` may be a word of a scholarly romanisation: it writes no e or o (ALA-LC,
    DMG and EI2 write a, i, u) and does not end in a short i or u, which these systems drop
    ("Šadi", "AL-ḤARIRI", "Ali" write a long ī unmarked)."""
    lower = word.lower().rstrip("'’`´‘ʿʾʼ")
    return "e" not in lower and "o" not in lower and not lower.endswith(("i", "u"))


def _scholarly_plain(word: str, vocabulary: ListVocabulary | None) -> bool:
    """Whether an unmarked word beside words of a scholarly romanisation is one of its words
    (Zaynab زينب, Haytham هيثم, ibn): a romanisation that writes no e or o, read as a name the
    lists write (``ListVocabulary.FREQUENT``) or a particle."""
    lower = word.lower().lstrip("'’`´‘")
    if not lower.isascii():
        return False
    if is_name_joiner(lower) or lower in ("ibn", "bin", "bint", "al", "umm"):
        return True
    if vocabulary is None:
        return True
    readings = scholarly_readings(word)
    return bool(readings) and vocabulary.words.get(_word_form(readings[0]), 0) >= (
        ListVocabulary.FREQUENT
    )


# The punctuation around a word of a name cell ("Al-Khaṭīb," "(Abū Aḥmad)"), kept as it is.
_AROUND_WORD = re.compile(r"^([^\w'’`´‘ʿʾʼ]*)(.*?)([^\w'’`´‘ʿʾʼ\u0331\u0332]*)$")


def _scholarly_read(row: Mapping[str, str], vocabulary: ListVocabulary | None) -> Mapping[str, str]:
    """``row`` with its name cells written in a scholarly romanisation (ALA-LC, DMG, EI2: a
    letter of theirs shows it, ``translit.has_scholarly_letters``) read in Arabic letters, word
    by word ("Al-Khaṭīb, Muḥammad ʿAbd al-Raḥmān" as «الخطيب, محمد عبد الرحمن»): their marks
    tell ح from ه, ص from س, a long vowel from a short one, which a Latin spelling's key folds
    together (issue 15, set 18's report annex). A cell copied without its marks ("Abd
    al-Rahman") is read as any Latin spelling."""
    changed: dict[str, str] = {}
    written: dict[str, str] = {}
    read = vocabulary.scholarly if vocabulary is not None else _scholarly_word_in(None)
    for cell in _NAME_CELLS:
        text = row.get(cell)
        if (
            not text
            or not _LONG_VOWEL_MARKS.intersection(inner_acute_dropped(text))
            or contains_arabic(text)
        ):
            # A romanisation that marks no long vowel (Muḥammad Aḥmad al-Ḥasan has none to
            # mark; "Mohammad AL-ḤARIRI", "Šadi bin Ḫaled" leave ā and ī unmarked) is read as
            # any Latin spelling, its marked letters by the key (ḥ h, š sh).
            continue
        words = []
        for word in text.split(" "):
            match = _AROUND_WORD.match(word)
            if match is None or not match.group(2):
                words.append(word)
                continue
            core = match.group(2)
            if not _scholarly_word(core) or (
                not has_scholarly_letters(core, marks=True)
                and not _scholarly_plain(core, vocabulary)
            ):
                # "Samer", "Fatima" beside "ʿAbd al-Ḥamīd": a common spelling, not a word of
                # the romanisation whose vowels are all short (Zaynab, Haytham), as written.
                words.append(word)
                continue
            arabic = read(core)
            if arabic != match.group(2):
                written.setdefault(arabic, match.group(2))
            words.append(match.group(1) + arabic + match.group(3))
        changed[cell] = " ".join(words)
    if not changed:
        return row
    changed[_SCHOLARLY_WORDS] = "\n".join(f"{arabic}\t{latin}" for arabic, latin in written.items())
    return {**row, **changed}


# Where ``_scholarly_read`` keeps the words it read (Arabic, then the Latin as written): the
# spelling compared (``<part>_n``) stays the one written. Two records of the romanisation still
# meet on it, and a record in Arabic letters on the name's key and letters, as any Latin
# spelling: the "same spelling" level learns its weight from records of one script.
_SCHOLARLY_WORDS = "_scholarly_words"


def _written_spellings(features: dict[str, Any], parts: Mapping[str, str], words: str) -> None:
    """``features`` with the spellings (``<part>_n``) of a record ``_scholarly_read`` read in
    Arabic letters put back as written in its romanisation."""
    latin = dict(line.split("\t", 1) for line in words.split("\n") if "\t" in line)
    for part in NAME_PARTS:
        text = parts.get(part) or ""
        if text and features.get(f"{part}_n") is not None:
            written = " ".join(latin.get(word, word) for word in text.split(" "))
            features[f"{part}_n"] = _spelling(written) or None


def _words_read(text: str, cell: str, read: Callable[[str, str], str]) -> str | None:
    """A name cell's text with each word read by ``read(word, role)`` (``greek_letters``,
    ``sounds``) in the cell's role (``_CELL_ROLES``), or None where no word changed."""
    role = _CELL_ROLES.get(cell, ListVocabulary.ANY)
    words = text.split(" ")
    read_words = [
        # The mother's first name is a given name; what follows may be her family's.
        read(word, role if index == 0 or cell != "mother_name" else ListVocabulary.ANY)
        if word
        else word
        for index, word in enumerate(words)
    ]
    return " ".join(read_words) if read_words != words else None


# Set on a record (by ``mizan.linkage.engine``) of a list that writes names as Damascene and
# Levantine speech says them (a family's voice message transcribed by speech-to-text: مهمد,
# الختيب, امر, issue 15, set 13): its Arabic name words are read back as the lists write the
# names they sound like (``SOUND_READINGS``), where the lists write them far more often.
SPEECH_LIST = "_speech_list"
# … a list at least this share of whose records have such a word: speech's 10 % of set 13's
# voice messages; typed and OCR'd lists have a few (0.1 … 0.6 %: هيتم, رياد as a Syrian types
# them), which are left to the comparison as before.
SPEECH_LIST_SHARE = 0.03
SPEECH_SAMPLE = 2000
_SPEECH_CELLS = ("full_name", "first_name", "father_name", "family_name")


def mark_speech_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that writes names as speech says them (``SPEECH_LIST_SHARE``
    of its records with a word ``_sound_reading`` reads as a name all the lists write far more
    often) marked ``SPEECH_LIST``."""
    # The first ``SPEECH_SAMPLE`` records of each list tell it, against the words of all those
    # samples: a million records are not read twice for it.
    words: Counter[str] = Counter()
    # … and, as ``ListVocabulary.final_yaa``, those ending in ي or ى with that letter.
    final_yaa: Counter[str] = Counter()
    sample: list[tuple[list[str], str]] = []
    taken = Counter(sources)
    for record, source in _first_records(records, sources):
        written = [
            word
            for cell in _SPEECH_CELLS
            for word in (record.get(cell) or "").split()
            if not word[:1].isascii()
        ]
        forms = [_word_form(word) for word in written]
        words.update(forms)
        final_yaa.update(_yaa_form(word) for word in written if word[-1] in _YAAS)
        sample.append((forms, source))
    heard: dict[str, bool] = {}
    shown: Counter[str] = Counter()
    for forms, source in sample:
        for form in forms:
            if form not in heard:
                heard[form] = _sound_reading(form, words, (), final_yaa) is not None
            if heard[form]:
                shown[source] += 1
                break
    markers = {
        s: SPEECH_LIST
        for s, n in shown.items()
        if n >= SPEECH_LIST_SHARE * min(taken[s], SPEECH_SAMPLE)
    }
    return _marked(records, sources, markers)


def _first_records(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> Iterator[tuple[Mapping[str, str], str]]:
    """The first ``SPEECH_SAMPLE`` records of each list, with its name, in the records' order."""
    taken: Counter[str] = Counter()
    for record, source in zip(records, sources, strict=True):
        if taken[source] < SPEECH_SAMPLE:
            taken[source] += 1
            yield record, source


# Set on a record (by ``mizan.linkage.engine``) of a list copied out of PDFs whose text layer
# holds some lines in visual order («ةزمح نسح بيطخلا», every letter and word reversed: a security
# branch's register published as a PDF, issue 15, set 14): each of its Arabic name cells that
# reads reversed is read in reading order (``ListVocabulary.logical``).
VISUAL_ORDER_LIST = "_visual_order_list"
# … a list at least this share of whose sampled records (``SPEECH_SAMPLE`` of each list, the
# words of all the samples counted) have such a cell: 7 % of set 14's copied registers; a
# typed list has none (a word whose reversal is a name is a rarity, and its cell's other
# words say otherwise).
VISUAL_ORDER_SHARE = 0.01
VISUAL_ORDER_RECORDS = 3
# The log2-odds from which a cell reads reversed (``reversed_odds``), and the most one word's
# counts can weigh: a word the lists write both ways (a name and its reversal both rare)
# does not decide a cell alone.
REVERSED_ODDS = 3.0
REVERSED_WORD_ODDS = 4.0
# Letters Arabic writes only at a word's end (taa marbuta, alef maqsura): a word opening with
# one reads reversed («ةنمآ», «ىده»), ending with one in reading order, whatever the counts.
_FINAL_ONLY = frozenset("ةى")
_ARTICLE_REVERSED = "لا"
_NAME_AND_MOTHER_CELLS = ("full_name", "first_name", "father_name", "family_name", "mother_name")


def _word_reversed_odds(word: str, count: Callable[[str], int | None]) -> float:
    """Log2-odds that a name word is written reversed rather than in reading order: how much
    more often the lists write its reversal (``count`` of ``_word_form``), bounded by
    ``REVERSED_WORD_ODDS``, and what its letters say — a letter written only at a word's end
    opening it, the article closing it, a lexicon's given name read one way only."""
    letters = glyphs_as_letters(word)
    if len(letters) < 2 or not contains_arabic(letters):
        return 0.0
    back = glyphs_as_letters(visual_to_logical(word))
    if back == letters:
        return 0.0
    written, reversal = count(_word_form(letters)) or 0, count(_word_form(back)) or 0
    odds = math.log2((reversal + 1) / (written + 1))
    odds = max(-REVERSED_WORD_ODDS, min(REVERSED_WORD_ODDS, odds))
    if letters[0] in _FINAL_ONLY or letters[-1] in _FINAL_ONLY:
        odds += REVERSED_WORD_ODDS if letters[0] in _FINAL_ONLY else -REVERSED_WORD_ODDS
    if len(letters) > 3 and (has_article(letters) or letters.endswith(_ARTICLE_REVERSED)):
        odds += -1.0 if has_article(letters) else 1.0
    given, given_back = is_given_name(letters), is_given_name(back)
    if given != given_back:
        odds += 1.0 if given_back else -1.0
    return odds


def reversed_odds(
    text: str, count: Callable[[str], int | None], known: dict[str, float] | None = None
) -> float:
    """Log2-odds that a name cell's Arabic text is written in visual order (its letters
    reversed), the sum of its words' (``_word_reversed_odds``, kept in ``known``, if given,
    for a word met again)."""
    if known is None:
        return sum(_word_reversed_odds(word, count) for word in text.split())
    total = 0.0
    for word in text.split():
        odds = known.get(word)
        if odds is None:
            odds = known[word] = _word_reversed_odds(word, count)
        total += odds
    return total


def mark_visual_order_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list copied in visual order often enough (``VISUAL_ORDER_SHARE``
    of its sampled records with a name cell that reads reversed, ``REVERSED_ODDS``) marked
    ``VISUAL_ORDER_LIST``."""
    # As ``mark_speech_lists``: the first ``SPEECH_SAMPLE`` records of each list tell it,
    # against the words of all those samples.
    words: Counter[str] = Counter()
    sample: list[tuple[list[str], str]] = []
    taken = Counter(sources)
    for record, source in _first_records(records, sources):
        cells = [
            text
            for cell in _NAME_AND_MOTHER_CELLS
            if (text := record.get(cell)) and not text[:1].isascii()
        ]
        words.update(_word_form(word) for text in cells for word in text.split())
        sample.append((cells, source))
    shown: Counter[str] = Counter()
    known: dict[str, float] = {}
    for cells, source in sample:
        if any(reversed_odds(text, words.get, known) >= REVERSED_ODDS for text in cells):
            shown[source] += 1
    markers = {
        s: VISUAL_ORDER_LIST
        for s, n in shown.items()
        if n >= max(VISUAL_ORDER_RECORDS, VISUAL_ORDER_SHARE * min(taken[s], SPEECH_SAMPLE))
    }
    return _marked(records, sources, markers)


def _reversed_letters(text: str) -> bool:
    """Whether a name cell's own letters say it is written reversed: a word opens with a letter
    Arabic writes only at a word's end («ةنمآ», «ىده») or closes with the article reversed
    («بيطخلا»), not on how often the lists write it either way."""
    for word in text.split():
        letters = glyphs_as_letters(word)
        if letters[:1] in _FINAL_ONLY and letters[-1:] not in _FINAL_ONLY:
            return True
        if len(letters) > 3 and letters.endswith(_ARTICLE_REVERSED) and not has_article(letters):
            return True
    return False


def _visual_read(row: Mapping[str, str], vocabulary: ListVocabulary) -> Mapping[str, str]:
    """``row`` with each Arabic name cell in reading order (``ListVocabulary.logical``).

    A line copied in visual order is reversed whole: a cell that reads reversed on the lists'
    counts alone (the single word «رهام», whose reversal ماهر the lists write more often) is
    read reversed only where its letters say so (``_reversed_letters``) or the record's name
    cells together read reversed — «رهام» beside «خالد» and «الحلبي» in reading order is رهام,
    not her brother ماهر."""
    cells = [
        (cell, text)
        for cell in _NAME_AND_MOTHER_CELLS
        if (text := row.get(cell)) and not text[:1].isascii()
    ]
    changed: dict[str, str] = {}
    whole: bool | None = None
    for cell, text in cells:
        if (read := vocabulary.logical(text)) == text:
            continue
        if whole is None:
            whole = len(cells) == 1 or (
                sum(vocabulary.reversed_odds(each) for _cell, each in cells) >= REVERSED_ODDS
            )
        if whole or _reversed_letters(text):
            changed[cell] = read
    return {**row, **changed} if changed else row


_PLACE_CELLS = ("birth_place", "place_of_arrest")
# The role of a name cell's words (``_letters_read``); a full name's are not told.
_CELL_ROLES = {
    "first_name": ListVocabulary.GIVEN,
    "father_name": ListVocabulary.GIVEN,
    "grandfather_name": ListVocabulary.GIVEN,
    "mother_name": ListVocabulary.GIVEN,
    "family_name": ListVocabulary.FAMILY,
}


def _recollected(
    row: Mapping[str, str],
    vocabulary: ListVocabulary | None,
    result: list[Any],
    *,
    with_parts: bool,
) -> list[Any]:
    """``result`` with the readings of ``recollection.recollected_rows`` added, each at its
    log2-odds: before the name as written when it is the likelier reading, else after."""
    known = (
        (lambda word: vocabulary.as_family[_word_form(word)] >= ListVocabulary.FREQUENT)
        if vocabulary is not None
        else None
    )
    before: list[Any] = []
    after: list[Any] = []
    instead = False
    for read, value, where in recollected_rows(row, known):
        towns = (read.get(RECOLLECTED_TOWNS) or "").split("\n")
        parts = [part for town in towns if town for part in (_place(town)[1] or ())]
        for each in record_readings(read, vocabulary, with_parts=True):
            if parts:
                # A nisba's towns (الدوماني: دوما or دومان), each a part of the place it names.
                each[0]["birth_place_parts"] = list(dict.fromkeys(parts))
            odds = each[1] + value
            reading = (each[0], odds, each[2]) if with_parts else (each[0], odds)
            (before if where != AFTER else after).append(reading)
        instead = instead or where == INSTEAD
    if not before and not after:
        return result
    return [*before, *([] if instead else result), *after]


# The name cells of a record as the lists write them (the Kurmanji x read as غ in them).
_NAME_CELLS = (*(f"{part}_name" for part in NAME_PARTS), "full_name")
_X_AS_GHAYN = str.maketrans({"x": "ẍ", "X": "Ẍ"})
KURMANJI_GHAYN_ODDS = -1.0


def record_features(
    row: Mapping[str, str], vocabulary: ListVocabulary | None = None
) -> dict[str, Any]:
    """Comparison features of one record (a mapping with the list header names as keys).

    With the ``vocabulary`` of the lists being linked (``ListVocabulary.of``), a full name is
    mended of OCR's word splits and merges and read in the order the lists support.

    Missing values are ``None`` so that the model treats them as "no evidence", never as a
    disagreement.
    """
    row = _scholarly_read(row, vocabulary)
    parts = _name_parts(row, vocabulary)
    features = _features(row, parts, vocabulary)
    if row.get(_SCHOLARLY_WORDS):
        _written_spellings(features, parts, row[_SCHOLARLY_WORDS])
    return features


# The cells whose letters tell a record written in Turkish spelling (``_turkish_record``).
_TURKISH_CELLS = (*(f"{part}_name" for part in NAME_PARTS), "full_name", "birth_place")

# Set on a record (by ``mizan.linkage.engine``) whose list is written in Turkish spelling.
TURKISH_LIST = "_turkish_list"


def _turkish_record(row: Mapping[str, str]) -> bool:
    """Whether the Latin names of a record are in Turkish spelling: its list is (``TURKISH_LIST``,
    set by the engine), or one of its names or its birth place shows a letter only Turkish writes
    ("HALİT", "Şadi", "Halep" beside "İdlib"), so that its "CEMAL" is جمال and "VALİD" وليد. A
    record in Kurmanji spelling (``_kurmanji_record``) is not: its ş and ç are Kurmanji's."""
    if row.get(TURKISH_LIST):
        return True
    if _kurmanji_record(row):
        return False
    return any(is_turkish_spelling(row.get(cell) or "") for cell in _TURKISH_CELLS)


# Set on a record (by ``mizan.linkage.engine``) whose list is written in Kurmanji (Hawar) spelling.
KURMANJI_LIST = "_kurmanji_list"
# The share of a list's records showing a letter only Kurmanji writes (ê î û ẍ ḧ) from which its
# every Latin name is read in Kurmanji spelling: a Kurdish group's list typed partly on keyboards
# without those letters ("Xelil", "Cemil", "Dilovan") is still Kurmanji.
KURMANJI_LIST_SHARE = 0.2


def _kurmanji_record(row: Mapping[str, str]) -> bool:
    """Whether the Latin names of a record are in Kurmanji spelling: its list is
    (``KURMANJI_LIST``), or one of its names or its birth place shows a letter only Kurmanji
    writes ("Xelîl", "Mehmûd", "Dêrik"), so that its "Cihad" is جهاد, "Rizgar" رزكار and
    "Dilovan" ديلوفان (``mizan.text.translit``)."""
    return bool(row.get(KURMANJI_LIST)) or is_kurmanji_spelling(_names_text(row))


def mark_kurmanji_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written in Kurmanji spelling marked ``KURMANJI_LIST`` (as
    ``mark_turkish_lists`` does for Turkish, and before it: a Kurdish list's ş and ç are not
    Turkish): at least ``KURMANJI_LIST_SHARE`` of its records show ê, î, û, ẍ or ḧ."""
    shown, total = _shown_per_list(records, sources, _kurmanji_record)
    kurmanji = {s: KURMANJI_LIST for s, n in shown.items() if n >= KURMANJI_LIST_SHARE * total[s]}
    return _marked(records, sources, kurmanji)


def _shown_per_list(
    records: Sequence[Mapping[str, str]],
    sources: Sequence[str],
    shows: Callable[[Mapping[str, str]], bool],
) -> tuple[Counter[str], Counter[str]]:
    """How many records of each list ``shows`` (a spelling's letters), and how many it has."""
    shown: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for record, source in zip(records, sources, strict=True):
        total[source] += 1
        if shows(record):
            shown[source] += 1
    return shown, total


def _marked(
    records: Sequence[Mapping[str, str]], sources: Sequence[str], markers: Mapping[str, str]
) -> list[Mapping[str, str]]:
    """``records``, each of a list named in ``markers`` marked with that list's marker."""
    if not markers:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, markers[source]: "1"} if source in markers else record
        for record, source in zip(records, sources, strict=True)
    ]


# Set on a record (by ``mizan.linkage.engine``) of a list that writes French civilities before
# its names ("Mme EL-ALI Salma", "M. AL-HALABI Mahmoud"): its leading "M." is "Monsieur", not the
# initial of a first name (issue 15, set 11's lawyer's list).
CIVILITY_LIST = "_civility_list"
# A list is one of civilities when at least this share of its records' full names open with a
# woman's civility (Mme, Mlle, Madame), which nothing else writes.
CIVILITY_LIST_SHARE = 0.02
_WOMAN_CIVILITY = re.compile(rf"^\s*(?:{'|'.join(WOMAN_CIVILITIES)})\.?\s", re.IGNORECASE)
_MAN_CIVILITY = re.compile(r"^\s*M\.\s+(?=\S)")


def _woman_civility(record: Mapping[str, str]) -> bool:
    return _WOMAN_CIVILITY.match(record.get("full_name") or "") is not None


def mark_civility_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that writes civilities marked ``CIVILITY_LIST``: at least
    ``CIVILITY_LIST_SHARE`` of its records' full names open with Mme, Mlle or Madame."""
    shown, total = _shown_per_list(records, sources, _woman_civility)
    civility = {s: CIVILITY_LIST for s, n in shown.items() if n >= CIVILITY_LIST_SHARE * total[s]}
    return _marked(records, sources, civility)


# Set on a record (by ``mizan.linkage.engine``) of a list of posts (a families' group, a
# WhatsApp or Facebook page): its Latin kunyas written bare after a name are read aside first.
POST_LIST = "_post_list"
# A list is one of posts when it dates its records' posts (``lists.AGE_YEAR_COLUMN``) or at
# least this share of its records write their names in Arabizi or after a post's words.
POST_LIST_SHARE = 0.1
# A word in Arabizi: a digit for a letter Latin lacks beside a letter ("a7mad", "3omar", "5aled").
_ARABIZI_WORD = re.compile(r"[a-z][2356789]|[2356789]['’]?[a-z]", re.IGNORECASE)


def _post_record(record: Mapping[str, str]) -> bool:
    """Whether a record looks like a post's: its post dated, or its name written in Arabizi or
    after a post's words ("el mo3ta2al", "Detainee")."""
    if (record.get(AGE_YEAR_COLUMN) or "").strip():
        return True
    full = (record.get("full_name") or "").strip()
    names = full or " ".join(record.get(f"{part}_name") or "" for part in ("first", "family"))
    if not names[:1].isascii():
        return False
    return _ARABIZI_WORD.search(names) is not None or (bool(full) and _latin_post_lead(full))


def mark_post_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list of posts marked ``POST_LIST``: a list any of whose records
    dates its post, or at least ``POST_LIST_SHARE`` of whose records look like posts
    (``_post_record``)."""
    shown, total = _shown_per_list(records, sources, _post_record)
    dated = {
        source
        for record, source in zip(records, sources, strict=True)
        if (record.get(AGE_YEAR_COLUMN) or "").strip()
    }
    posts = {
        s: POST_LIST for s, n in shown.items() if s in dated or n >= POST_LIST_SHARE * total[s]
    }
    return _marked(records, sources, posts)


# The share of a list's records in Turkish letters from which its every Latin name is read in
# Turkish spelling: a list whose records show ı İ ğ ş … this often was typed from Turkish papers.
TURKISH_LIST_SHARE = 0.2
# Set on a record whose list shows Turkish letters in at least ``TURKISH_SOME_SHARE`` of its
# records but less than ``TURKISH_LIST_SHARE`` (a missing-persons body's cases collected by
# offices in Türkiye and elsewhere, issue 15, set 17): its plain Latin records are read both
# ways, the Turkish one at ``TURKISH_SOME_ODDS``, as ``GERMANIC_SOME`` does for German.
TURKISH_SOME = "_turkish_some"
TURKISH_SOME_SHARE = 0.05
TURKISH_SOME_ODDS = -1.0
# Letter groups Turkish orthography never writes (its ç, ş, h, ğ, c, u, v, k, ks): a record
# showing one ("Chehade" شحادة, "Shadi", "Khaled", "Youssef", "Wael") was not typed from Turkish
# papers, nor one with a French "-ille" (Camille كميل), so a ``TURKISH_SOME`` list does not read
# it the Turkish way too (whose c is ج: "Chehade" keyed as جهاد, "Camille" as جميل, issue 15).
# A th is no such sign: Turkish writes t and h across a syllable (Fethi فتحي, Ethem أدهم).
_NOT_TURKISH_LETTERS = re.compile(r"ch|sh|kh|gh|ou|dj|[wqx]|ille\b", re.IGNORECASE)


def mark_turkish_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written in Turkish spelling marked ``TURKISH_LIST``: in such a
    list "CEMAL", "Casim" and "VALİD" without a Turkish letter of their own are جمال, جاسم, وليد
    too. A list is in Turkish spelling when at least ``TURKISH_LIST_SHARE`` of its records show
    a letter only Turkish writes (``_turkish_record``)."""
    shown, total = _shown_per_list(records, sources, _turkish_record)
    turkish = {s: TURKISH_SOME for s, n in shown.items() if n >= TURKISH_SOME_SHARE * total[s]}
    turkish |= {s: TURKISH_LIST for s, n in shown.items() if n >= TURKISH_LIST_SHARE * total[s]}
    return _marked(records, sources, turkish)


# Set on a record (by ``mizan.linkage.engine``) whose list is written in German or Dutch spelling.
GERMANIC_LIST = "_germanic_list"
# The share of a list's records in German or Dutch spelling of their own (sch, sj, oe) from which
# its every Latin name is read so: "Jusef", "Chaled" and "Marjam" show no such letter.
GERMANIC_LIST_SHARE = 0.2
# Set on a record whose list shows German or Dutch spelling in at least ``GERMANIC_SOME_SHARE``
# of its records but less than ``GERMANIC_LIST_SHARE`` (a European court's list mixing German,
# French and Swedish files): its plain records are read both ways, the German one at
# ``GERMANIC_SOME_ODDS`` (issue 15, set 6).
GERMANIC_SOME = "_germanic_some"
GERMANIC_SOME_SHARE = 0.01
GERMANIC_SOME_ODDS = -1.0
_LATIN_J_CH = re.compile(r"j|ch", re.IGNORECASE)


def _names_text(row: Mapping[str, str]) -> str:
    """The record's names and birth place in one text, for the tests of its spelling."""
    return " ".join(value for cell in _TURKISH_CELLS if (value := row.get(cell)))


def _germanic_record(row: Mapping[str, str]) -> bool:
    """Whether the Latin names of a record are in German or Dutch spelling (j ي, ch خ, oe u):
    its list is (``GERMANIC_LIST``) or one of its names shows it ("Dschamal", "Hoessein"), and
    none of its names is in the scholarly spelling ("Ḫālid", whose j is ج)."""
    text = _names_text(row)
    if row.get(_SCHOLARLY_WORDS) or (not text.isascii() and SCHOLARLY_MARKS.intersection(text)):
        # (A cell ``_scholarly_read`` read in Arabic letters was in the scholarly spelling.)
        return False
    return bool(row.get(GERMANIC_LIST)) or is_germanic_spelling(text)


def mark_germanic_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written in German or Dutch spelling marked ``GERMANIC_LIST``
    (as ``mark_turkish_lists`` does for Turkish): a list where at least ``GERMANIC_LIST_SHARE``
    of the records show sch, sj or oe in a name has its "Jusef" read يوسف and "Chaled" خالد."""
    shown, total = _shown_per_list(
        records, sources, lambda record: not record.get(TURKISH_LIST) and _germanic_record(record)
    )
    markers = {s: GERMANIC_SOME for s, n in shown.items() if n >= GERMANIC_SOME_SHARE * total[s]}
    markers |= {s: GERMANIC_LIST for s, n in shown.items() if n >= GERMANIC_LIST_SHARE * total[s]}
    return _marked(records, sources, markers)


# The letters a German office writes in a Syrian name that Turkish spelling writes too: in a list
# the engine marks German (``GERMANIC_LIST``) they are German ("Süleiman", "Hüssein", "Jüssef",
# "Öthman"), not a sign of Turkish papers, whose c is ج and v و (issue 15, set 9).
_GERMAN_UMLAUTS = frozenset("äöüÄÖÜ")
_TURKISH_LETTERS = frozenset("İıĞğŞşÇçÖöÜü")


def _german_umlauts(row: Mapping[str, str]) -> bool:
    """Whether the record is of a German list and its only Turkish-looking letters are umlauts."""
    if not row.get(GERMANIC_LIST) or row.get(TURKISH_LIST):
        return False
    text = _names_text(row)
    # A c that is no part of ch or ck is Turkish ج (Cemil Hüseyin, Cihad: Turkish papers copied
    # into a German list); a German office writes Dsch, ch, ck and z, never a c alone.
    if _TURKISH_C.search(text):
        return False
    return _TURKISH_LETTERS.intersection(text) <= _GERMAN_UMLAUTS


_TURKISH_C = re.compile(r"[cC](?![hHkK])")


# A family name with the article glued before a vowel ("Alaswad", "Alobaid", "Elahmad"), as a
# German office writes it: the key reads a glued "al" only before a consonant, as "Alaa",
# "Alawi" are names of their own.
_GLUED_ARTICLE_VOWEL = re.compile(r"^([AaEe][Ll])(?=[AEIOUaeiou][^\W\d_]{3})", re.UNICODE)
# … but not in a family name whose "Al" is of the name itself: ʿAyn and Lam (Aloush علوش,
# Alayan عليان, Alawneh علاونة), or a compound of الدين (Alaeddin علاء الدين, Alamuddin).
_AL_OF_THE_NAME = re.compile(
    r"^(?:[AaEe][Ll]+(?:o?ush|[ai]y+an|awneh|awna|aoui|aiwi)|.*d(?:in|ine|een))$", re.IGNORECASE
)


def _glued_article_split(family: str) -> str | None:
    """``family`` with its glued article before a vowel set apart ("Alaswad" as "Al-aswad"), or
    None for a family name of more than one word, with no such article, or whose "Al" is of the
    name itself (``_AL_OF_THE_NAME``)."""
    if " " in family or not _GLUED_ARTICLE_VOWEL.match(family) or _AL_OF_THE_NAME.match(family):
        return None
    return _GLUED_ARTICLE_VOWEL.sub(r"\1-", family, count=1)


def _german_family_article(parts: Mapping[str, str]) -> dict[str, str]:
    """``parts`` with a glued article before a vowel in a one-word family name set apart, and
    each j that English papers wrote for ج written dj (``_german_j``)."""
    read = {part: _german_j(text) if "j" in text or "J" in text else text
            for part, text in parts.items()}  # fmt: skip
    for part in ("first", "father", "grandfather", "mother"):
        if read.get(part, "")[:1] in ("S", "s"):
            read[part] = _german_s(read[part])
    split = _glued_article_split(read.get("family") or "")
    return read if split is None else {**read, "family": split}


# The vowel after a glued article and a doubled consonant ("Alissa", "Elissa"): the rest is
# the given name as English writes it (Issa عيسى), not a given name of the whole word, though
# its key is إلياس's.
_DOUBLED_AFTER_ARTICLE = re.compile(r"^[AaEe][Ll][AEIOUaeiou]([^\W\d_])\1", re.UNICODE)


def _glued_article_family(
    parts: Mapping[str, str], vocabulary: ListVocabulary | None = None
) -> Mapping[str, str]:
    """``parts`` with the article glued before a vowel set apart in a one-word Latin family
    name that is a given name with the article: "Alomar", "Alahmad" (العمر, الأحمد), as
    English and French lists write them too, not only German offices
    (``_german_family_article``). A name whose "Al" is its own (Aloush, Alaeddin), whose rest
    is no given name ("Alawi" علوي), that is itself a given name (Eliyas إلياس; "Elissa" with
    its doubled s is العيسى) or that the lists write as a given name is kept whole (issue 15,
    set 17's health workers)."""
    family = parts.get("family") or ""
    if not family.isascii():
        return parts
    split = _glued_article_split(family)
    if (
        split is None
        or not is_given_name(family[2:])
        or (is_given_name(family) and not _DOUBLED_AFTER_ARTICLE.match(family))
        or (vocabulary is not None and vocabulary.given_words.get(_word_form(family), 0) >= 2)
    ):
        return parts
    return {**parts, "family": split}


# A j before a vowel that is no part of a German or Dutch letter group (dj ج, sj ش, tj چ):
# German ي (Jusef) or English ج (Jamal, Najjar). Before a consonant it is only ي (Ajham,
# Majsara: English writes no j there).
_LONE_J = re.compile(r"(?<![dDsStT])[jJ](?=[jaeiouäöüJAEIOUÄÖÜ])")


@lru_cache(maxsize=50_000)
def _german_j(text: str) -> str:
    """``text`` with the j of each word written dj (ج) unless it is ي in German: a German list
    copies names from English papers too, whose j is ج (Jamal, Jasem, Khadija, Hijazi); a j is
    read ي only where that makes a common given name (Jusef, Jaser, Marjam, a family Al-Jusef)
    and ج does not (issue 15, set 9's migration-office files)."""
    return _WORD.sub(_german_j_word, text)


_WORD = re.compile(r"[^\s\-]+")

# A German office writes a first ز as S, which German says so (Sainab زينب, Siad زياد).
_FIRST_S = re.compile(r"^[Ss](?=[aeiouäöüAEIOUÄÖÜ])")


@lru_cache(maxsize=50_000)
def _german_s(text: str) -> str:
    """``text`` with a given name's first S read ز where only that makes a common given name
    (Sainab, Sakaria), not where S does too (Samir, Suhair)."""
    first, _space, rest = text.partition(" ")
    if not _FIRST_S.match(first) or _german_given(first):
        return text
    z = _FIRST_S.sub("Z", first)
    return f"{z}{_space}{rest}" if _german_given(z) else text


# … and a ز within a given name, before a vowel or ending it, which German says s as z or
# hardens (Hamsa حمزة, Munser منذر, Nisar نزار, Muas معاذ; issue 15, set 17); never in ss, sch,
# st or sp.
_INNER_S = re.compile(r"(?<=[^\W\dsS_])s(?=[aeiouyäöü]|$)")
_GIVEN_CELLS = ("first", "father", "grandfather", "mother")


def _german_inner_s(parts: Mapping[str, str], vocabulary: ListVocabulary) -> Mapping[str, str]:
    """``parts`` of a record in German spelling with each given name's inner s read ز where the
    lists write the name so read (in Arabic letters, as a given name) at least ``ListVocabulary.
    FREQUENT`` times and ``LETTER_RATIO`` times as often as the name as written (Hamsa is
    Hamza; Yasin, Husam and Anas stay as written)."""
    read: dict[str, str] | None = None
    for part in _GIVEN_CELLS:
        text = parts.get(part) or ""
        first, space, rest = text.partition(" ")
        if "s" not in first:
            continue
        other = _german_z(first, vocabulary)
        if other != first:
            read = read if read is not None else dict(parts)
            read[part] = f"{other}{space}{rest}"
    return read if read is not None else parts


def _german_z(word: str, vocabulary: ListVocabulary) -> str:
    inner = _INNER_S.sub("z", word)
    if inner == word:
        return word
    given = ListVocabulary.GIVEN
    written = vocabulary.key_count(_key(word, germanic=True), given, arabic=True)
    found = vocabulary.key_count(_key(inner, germanic=True), given, arabic=True)
    if found >= ListVocabulary.FREQUENT and found >= max(written, 1) * LETTER_RATIO:
        return inner
    return word


def _german_j_word(match: re.Match[str]) -> str:
    word = match.group()
    if not _LONE_J.search(word):
        return word
    english = _LONE_J.sub(lambda m: "Dj" if m.group() == "J" else "dj", word)
    german = germanic_spelling(word)
    if not (is_given_name(german) or _german_j_name(german)) or is_given_name(
        germanic_spelling(english)
    ):
        return english
    return word


# Common given names with a ي that a German office writes j (Junes, Jara, Bajan, Najef) and
# the short lexicon of ``is_given_name`` does not hold: read ج, they met no Arabic record.
_GERMAN_J_NAMES = "يونس يارا بيان ميار نايف"


@lru_cache(maxsize=1)
def _german_j_keys() -> frozenset[str]:
    return frozenset("".join(name_keys(name)) for name in _GERMAN_J_NAMES.split())


def _german_j_name(word: str) -> bool:
    return "".join(name_keys(word)) in _german_j_keys()


# A German office's Vorname and Nachname cells the other way round (issue 15, set 9): the record
# is also read with the two swapped, first when the first-name cell holds a family name by its
# article ("Ghiath | Al-Kurdi"), at ``GERMAN_SWAPPED_ODDS`` when the family cell holds a given
# name and the first-name cell none ("RIAD | Taifur"). Not every record: each reading is a row
# of the u sampling, and swapped rows of a whole list shift every pair's weight.
GERMAN_SWAPPED_ODDS = -4.0


def _german_title(text: str) -> str:
    """A title written as a name in German spelling ("Al-Scheich"), in the common spelling."""
    return " ".join(germanic_spelling(word) for word in text.split())


def _german_swapped(
    row: Mapping[str, str],
    cells: list[Mapping[str, str]],
    odds: list[float],
    vocabulary: ListVocabulary | None = None,
) -> tuple[list[Mapping[str, str]], list[float]]:
    """``cells`` and their ``odds`` with the record read with its first-name and family cells
    swapped: for a record of a list the engine marks German, and for any record in Latin
    letters whose first-name cell holds a family name with the article ("AL-KURDI",
    "Al Zaatari", "Alali") beside one given name in the family cell ("Mohamad", "Abdel
    Rahman"): a clerk's form filled the other way round, or a name read in the other order."""
    german = bool(row.get(GERMANIC_LIST))
    first = (row.get("first_name") or "").strip()
    family = (row.get("family_name") or "").strip()
    if not first or not family:
        return cells, odds
    if german and " " in family:
        return cells, odds
    if not german and not (first.isascii() and family.isascii() and len(name_words(family)) == 1):
        return cells, odds
    # The likeliest reading swapped when it kept the first-name cell as written (a father's
    # cell read as father and grandfather, ``lists.lineage_in_father_cell``); else the row.
    base = cells[0] if (cells[0].get("first_name") or "").strip() == first else row
    swapped = {**base, "first_name": family, "family_name": first}
    words = first.replace("-", " ").split()
    article = (
        has_article(first)
        or (len(words) > 1 and words[0].lower() in ("al", "el"))
        # … or glued to it: "Alscheikh", "Alhamwi" (not "Alaa", a given name).
        or (
            _GLUED_ARTICLE.match(first) is not None
            and not (_german_given(first) if german else is_given_name(first))
            and not _AL_OF_THE_NAME.match(first)  # "Alaaeddin" علاء الدين
        )
        # … or, beside a given name, glued to a given name that is a family's too ("Alali",
        # "Alhassan": العلي, الحسن), swapped only last (``_given_with_article``): الحسن is
        # also a given name.
        or (
            not german
            and len(words) == 1
            and words[0][:2].lower() in ("al", "el")
            and len(words[0]) > len("al") + 2
            and is_given_name(words[0][2:])
        )
    )
    if article and not has_article(family) and (german or is_given_name(family)):
        if _given_with_article(words, vocabulary):
            # "Albaraa", "Al-Walid", "Elissa" | "Hasan": a given name with the article
            # (البراء, الوليد, إليسا) beside a family name; swapped only as a last resort.
            return [*cells, swapped], [*odds, GERMAN_SWAPPED_ODDS]
        return [swapped, *cells], [0.0, *(value - 1.0 for value in odds)]
    if not german:
        if (
            not has_article(family)
            and len(name_words(first)) == 1
            and is_given_name(family)
            and not is_given_name(first)
        ):
            # "Daqqar | Mohammad": a given name in the family cell, none in the first-name cell.
            return [*cells, swapped], [*odds, GERMAN_SWAPPED_ODDS]
        return cells, odds
    if _german_given(family) and not _german_given(words[0]):
        # "RIAD | Taifur": a given name in the family cell, none in the first-name cell.
        return [*cells, swapped], [*odds, GERMAN_SWAPPED_ODDS]
    return cells, odds


_GLUED_ARTICLE = re.compile(r"^[AaEe][Ll][^\W\d_]{4,}$")


def _given_with_article(words: list[str], vocabulary: ListVocabulary | None) -> bool:
    """Whether a first-name cell's words (``_german_swapped``) with the article written apart
    or glued ("Al-Baraa", "Alwalid", "Elissa") removed are a given name: in the common given
    names, or written as a given name more often than as a family's in the lists' Arabic."""
    if len(words) > 1 and words[0].lower() in ("al", "el"):
        bare = " ".join(words[1:])
    elif len(words) == 1 and words[0][:2].lower() in ("al", "el") and len(words[0]) > 4:
        bare = words[0][2:]
    else:
        return False
    if is_given_name(bare):
        return True
    if vocabulary is None:
        return False
    key = "".join(name_keys(bare))
    given = vocabulary.key_count(key, ListVocabulary.GIVEN, arabic=True)
    return given > vocabulary.key_count(key, ListVocabulary.FAMILY, arabic=True)


def _german_given(word: str) -> bool:
    """Whether a word of a German list is a common given name, as written or read in German."""
    return is_given_name(word) or is_given_name(germanic_spelling(word))


# Set on a record (by ``mizan.linkage.engine``) whose list writes its Latin names through the
# Greek alphabet (a Greek or Cypriot asylum office: "MOCHAMANT", "IMPRACHIM", "TZAMAL"): its
# every Latin name word is read the Greek route's way (``ListVocabulary.greek_letters``).
GREEK_LIST = "_greek_list"
# The share of a list's records with a name word that shows the Greek route's letters (mp, gk,
# tz, an nt that ends a word or stands before a consonant, or Greek letters) from which the list
# is read so, and at least so many records: an English list's "Antoun", "Hantoush" show none,
# and one stray "Tzvi" does not make a list Greek.
GREEK_LIST_SHARE = 0.05
GREEK_LIST_RECORDS = 5
# … and at least so many different words show them: one family's name written fifty times
# ("Georges Haddad" beside a stray "Vincent") is one spelling, not a list's alphabet.
GREEK_LIST_WORDS = 5
# Suffix of a role in ``ListVocabulary._letters``' cache for a word read the Greek route's way.
_GREEK_ROLE = ":greek"


def mark_greek_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written through the Greek alphabet marked ``GREEK_LIST``
    (as ``mark_turkish_lists`` does for Turkish): at least ``GREEK_LIST_SHARE`` of its records,
    and ``GREEK_LIST_RECORDS``, show the Greek route's letters in a name, in at least
    ``GREEK_LIST_WORDS`` different words."""
    thresholds = (GREEK_LIST_SHARE, GREEK_LIST_RECORDS, GREEK_LIST_WORDS)
    return _route_lists(records, sources, is_greek_route_word, GREEK_LIST, thresholds)


# Set on a record (by ``mizan.linkage.engine``) whose list writes its Latin names through the
# Russian alphabet (the Russian Reconciliation Centre's lists, a Russian military police
# register, romanised: "Mukhammed", "Dzhamal'", "al'-Khasan", "Ibragim"): its every name word is
# read the Russian route's way (``ListVocabulary.russian_letters``).
RUSSIAN_LIST = "_russian_list"
# The share of a list's records with a name word that shows the Russian route's letters (dzh,
# shch, the soft sign after l, the Russian forms of محمد, أحمد, محمود, إبراهيم, or Cyrillic
# letters) from which the list is read so, at least so many records and so many different
# words: one "Akhmed" in an English list does not make it Russian.
RUSSIAN_LIST_SHARE = 0.05
RUSSIAN_LIST_RECORDS = 5
RUSSIAN_LIST_WORDS = 5
# Suffix of a role in ``ListVocabulary._letters``' cache for a word read the Russian route's way.
_RUSSIAN_ROLE = ":russian"


def _route_words(row: Mapping[str, str], shows: Callable[[str], bool]) -> set[str]:
    """The record's name words that ``shows`` says show a route's letters, folded."""
    return {
        word.casefold()
        for cell in _NAME_CELLS
        if (text := row.get(cell))
        for word in text.split()
        if shows(word)
    }


def _route_lists(
    records: Sequence[Mapping[str, str]],
    sources: Sequence[str],
    shows: Callable[[str], bool],
    marker: str,
    thresholds: tuple[float, int, int],
) -> list[Mapping[str, str]]:
    """``records``, those of a list whose name words show a route's letters (``shows``) marked
    ``marker``: at least a share of its records, and a number, in a number of different words
    (``thresholds``)."""
    share, least, different = thresholds
    shown: Counter[str] = Counter()
    total: Counter[str] = Counter()
    words: dict[str, set[str]] = {}
    for record, source in zip(records, sources, strict=True):
        total[source] += 1
        if found := _route_words(record, shows):
            shown[source] += 1
            words.setdefault(source, set()).update(found)
    markers = {
        s: marker
        for s, n in shown.items()
        if n >= max(least, share * total[s]) and len(words.get(s, ())) >= different
    }
    return _marked(records, sources, markers)


def mark_russian_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written through the Russian alphabet marked
    ``RUSSIAN_LIST`` (as ``mark_greek_lists`` does for Greek): at least ``RUSSIAN_LIST_SHARE``
    of its records, and ``RUSSIAN_LIST_RECORDS``, show the Russian route's letters in a name,
    in at least ``RUSSIAN_LIST_WORDS`` different words."""
    thresholds = (RUSSIAN_LIST_SHARE, RUSSIAN_LIST_RECORDS, RUSSIAN_LIST_WORDS)
    return _route_lists(records, sources, is_russian_route_word, RUSSIAN_LIST, thresholds)


# Set on a record (by ``mizan.linkage.engine``) whose list is written by Italian and Spanish
# offices (asylum files): its Latin names are also read in each of those spellings.
ROMANCE_LIST = "_romance_list"
# The share of a list's records showing Italian spelling of their own (``is_italian_spelling``:
# gi, sci, initial ua, iu) from which the list is so read: the Spanish records of such a list
# show no letter of their own ("Jaled", "Yamal"), nor do most Italian ones ("Casim").
ROMANCE_LIST_SHARE = 0.03
# … and at least so many records: one Egyptian "Ragia" does not make a short list Italian.
ROMANCE_LIST_RECORDS = 3
# Which reading of a marked record is being made ("it", "es"; internal to ``record_readings``).
_ROMANCE_READING = "_romance_reading"
_ROMANCE_SPELLINGS = ("it", "es")
ROMANCE_ODDS = -1.0


def _italian_record(row: Mapping[str, str]) -> bool:
    """Whether one of the record's Latin names shows Italian spelling of its own ("Sciadi",
    "Giamal", "Ualid"), and it is in no spelling the engine already reads."""
    text = _names_text(row)
    if not (text.isascii() and is_italian_spelling(text)):
        return False  # most records: the cheap tests first
    return not (row.get(TURKISH_LIST) or _kurmanji_record(row) or _germanic_record(row))


def mark_romance_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list written by Italian and Spanish offices marked
    ``ROMANCE_LIST`` (as ``mark_turkish_lists`` does for Turkish): at least
    ``ROMANCE_LIST_SHARE`` of its records show Italian spelling of their own."""
    shown, total = _shown_per_list(records, sources, _italian_record)
    romance = {
        s: ROMANCE_LIST
        for s, n in shown.items()
        if n >= max(ROMANCE_LIST_RECORDS, ROMANCE_LIST_SHARE * total[s])
    }
    return _marked(records, sources, romance)


def _romance_spelling(given: str, romance: str) -> str:
    """The Italian or Spanish reading of a given name, unless as written it is already a common
    given name: a Spanish office writes ي as y too ("Yusuf", "Yasin"), and the j of an office
    that writes ج so ("Jamil", "Jihad") is no خ."""
    return "" if romance and given and is_given_name(given) else romance


def _initial_sounds(letter: str, turkish: bool, germanic: bool, kurmanji: bool) -> str:
    """The key letters a name opening with the initial ``letter`` may start with
    (``_INITIAL_SOUNDS``); an Arabic initial is its own letter's."""
    letter = letter.lower()
    if not letter.isascii() and letter not in _INITIAL_SOUNDS:
        if "\u0600" <= letter <= "\u06ff":
            if letter == "\u0648":  # و, kept by the key as its u flag only
                return "w"
            return _key(letter + "\u0631\u0627")[:1]  # the letter before «را»: its own class
        letter = normalise_for_search(letter)[:1]
    sounds = _INITIAL_SOUNDS.get(letter, "")
    if germanic:
        sounds = _INITIAL_SOUNDS_GERMANIC.get(letter, sounds)
    if turkish or kurmanji:
        sounds = "".join(dict.fromkeys(sounds + _INITIAL_SOUNDS_TURKISH.get(letter, "")))
    return sounds


def _initials(
    parts: Mapping[str, str], turkish: bool, germanic: bool, kurmanji: bool
) -> tuple[str | None, str | None]:
    """``first_initial``, ``father_initial`` (``INITIAL_COLUMNS``): the key letters the first
    and father's names may open with, where the first name is given by its initials alone."""
    text = parts["first"].strip()
    if not _INITIAL.fullmatch(text):
        return None, None
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None, None  # "¼", a numeral the pattern's letters admit: no initial
    sounds = [_initial_sounds(c, turkish, germanic, kurmanji) or None for c in letters]
    # A second initial is the father's name's only where the record gives none of its own.
    father = sounds[1] if len(sounds) > 1 and not parts["father"].strip() else None
    return sounds[0], father


@lru_cache(maxsize=100_000)
def _initial_or_illegible(text: str) -> bool:
    """Whether a name part is an initial alone or says it could not be read (``_features``
    compares neither as a name): asked of every part of every reading, and names repeat."""
    return bool(_INITIAL.fullmatch(text) or ILLEGIBLE_NAME.fullmatch(text))


@lru_cache(maxsize=200_000)
def _loose_key(key: str) -> str:
    """``loose_key`` of a name key, once per key (``_features``)."""
    return loose_key(key)


_UNREAD_SERIAL = count()


def _unread_first(placeholder: str) -> dict[str, Any]:
    """The first name's features of a record whose first name was lost (``names.UNREAD_NAMES``):
    a key and letters no other record has (the process and a serial, hashed so that no two are
    near in letters), no spelling, loose key or count. Against any other record's first name it
    is another name: with the same father and family, a brother's (the sibling level)."""
    token = blake2b(f"{getpid()}.{next(_UNREAD_SERIAL)}".encode(), digest_size=8).hexdigest()
    return {
        "first_n": None,
        "first_k": f"?{token}",
        # An Arabic record's letters too, so that against an Arabic name it is the Arabic
        # sibling level («[ممزق] عماد الخالدي» / «أحمد عماد الخالدي»), not the weaker one.
        "first_rasm": None if placeholder.isascii() else f"?{token}",
        "first_loose": None,
        "first_common": None,
        "first_vw": None,
    }


# A saint's French name read as the Arabic name the lists write less often than another of its
# readings (``ListVocabulary.saint_readings``): a little less likely, as a Romance reading is.
SAINT_ODDS = -1.0
# At most so many readings of one reading of a record by its saints' names (a Pierre son of Jean
# whose mother is Marie reads eight ways where the lists write both readings of each): the
# likeliest.
SAINT_READINGS = 4
# The names read so (the mother's first word).
_SAINT_PARTS = ("first", "father", "grandfather", "mother")


def _saint_choices(
    parts: Mapping[str, str], vocabulary: ListVocabulary | None
) -> list[tuple[dict[str, str], float]]:
    """The ways to key a reading's names by the saints' names in them
    (``ListVocabulary.saint_readings``), each with its log2-odds, the likeliest first: for each
    name, the text its key is made of (the saint's name replaced by the Arabic one it is read
    as), or no entry where it is keyed as written. One way, as written, for most records."""
    choices: list[tuple[dict[str, str], float]] = [({}, 0.0)]
    if vocabulary is None:
        return choices
    for part in _SAINT_PARTS:
        text = parts[part]
        if not text or "\u0600" <= text[0] <= "\u06ff":
            continue  # most names: none, or in Arabic letters
        words = text.split()
        if part == "mother":
            words = words[:1]
        ways: list[tuple[list[str], float]] = [([], 0.0)]
        read = False
        for word in words:
            readings = vocabulary.saint_readings(word)
            if not readings:
                ways = [([*each, word], odds) for each, odds in ways]
                continue
            read = True
            ways = [
                ([*each, spelling or word], odds + more)
                for each, odds in ways
                for spelling, more in readings
            ]
        if not read:
            continue
        choices = [
            ({**chosen, part: " ".join(each)} if each != words else chosen, odds + more)
            for chosen, odds in choices
            for each, more in ways
        ]
        choices.sort(key=lambda each: -each[1])
        del choices[SAINT_READINGS:]
    return choices


def _features(
    row: Mapping[str, str],
    parts: Mapping[str, str],
    vocabulary: ListVocabulary | None,
    saints: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The comparison features of one reading of a record (``parts``, its name parts);
    ``saints`` gives, for a name read by a saint's name in it (``_saint_choices``), the text
    its key is made of."""
    features: dict[str, Any] = {}
    saints = saints or {}
    kurmanji = _kurmanji_record(row)
    turkish = not kurmanji and _turkish_record(row) and not _german_umlauts(row)
    germanic = not (turkish or kurmanji) and _germanic_record(row)
    romance = row.get(_ROMANCE_READING) or ""
    if germanic:
        parts = _german_family_article(parts)
        if vocabulary is not None:
            parts = _german_inner_s(parts, vocabulary)
    elif not turkish and not kurmanji:
        parts = _glued_article_family(parts, vocabulary)
    features["first_initial"], features["father_initial"] = _initials(
        parts, turkish, germanic, kurmanji
    )
    # A list whose names show dots misread: a seldom spelling is read as the name whose dots it
    # lost («محموذ» as محمود, ``ListVocabulary.dots_reading``) for its key and its count.
    dotted = vocabulary.dots_reading if vocabulary is not None and row.get(DOTTED_NAMES) else None
    # A part's features depend on its text, these spellings and the vocabulary alone: read once
    # per distinct cell and kept on the vocabulary (``ListVocabulary._parts_read``).
    known = vocabulary._parts_read if vocabulary is not None else None
    # A pet name that is also a family's (حمود, حسون) is the first name's only where the list
    # says so: a first-name column, or a full name that goes on after it (``formal_name``).
    pet_first = bool(
        not (row.get("full_name") or "").strip()
        or any(parts[part] for part in ("father", "grandfather", "family"))
    )
    for part in NAME_PARTS:
        if part == "first" and parts["first"] in UNREAD_NAMES:
            # A full name whose first name was lost («[ممزق] عماد الخالدي»): the rest is his
            # brothers' as much as his, so his first name is compared as one no one else has:
            # never the placeholder's word keyed as a name, which joined two brothers whose
            # first names were both lost (``_unread_first``).
            features.update(_unread_first(parts["first"]))
            continue
        saint = saints.get(part)
        if known is not None:
            cache_key = (
                part,
                parts[part],
                pet_first and part == "first",
                turkish,
                germanic,
                kurmanji,
                romance,
                bool(dotted),
                saint,
            )
            read = known.get(cache_key)
            if read is not None:
                features.update(read)
                continue
            before = len(features)
        text = parts[part]
        if _initial_or_illegible(text):
            text = ""
        if part == "mother":
            # The mother's name is often written with her own family name; her first name is the
            # part every list gives.
            text = _first_word(text) if text else ""
            usual = _usual_yaa(dotted(parts[part]) if dotted else parts[part], vocabulary)
            spelling = _romance_spelling(text, romance)
            key = _first_word_key(usual, turkish, germanic, kurmanji, spelling) if text else ""
            if saint is not None and text:
                key = _key(saint)
        else:
            # A pet name (حمودة, برهوم, فطوم) is keyed as the name it stands for.
            first = pet_first and part == "first"
            name = formal_name(text, first=first) if part in _GIVEN_PARTS else text
            usual = _usual_yaa(dotted(name) if dotted else name, vocabulary)
            spelling = _romance_spelling(text, romance) if part in _GIVEN_PARTS else romance
            key = _key(usual, turkish, germanic, kurmanji, spelling) if text else ""
            if saint is not None and text:
                # Its saint's name read as the Arabic one (Pierre as بطرس): the key is that
                # name's; the spelling stays as written.
                key = _key(saint, turkish, germanic, kurmanji, spelling)
        features[f"{part}_n"] = (_spelling(text) or None) if text else None
        features[f"{part}_k"] = key or None
        # The letters of the name a pet name or a title stands beside (علوش: علي; «الحاج علي»:
        # علي): compared as written, the name would read as a brother's beside its own key.
        written = (
            formal_name(drop_titles(text), first=pet_first and part == "first")
            if part in _GIVEN_PARTS
            else text
        )
        if dotted:
            # … and its letters are the reading's, as its key is (حسيي read حسين is حسين).
            written = dotted(written)
        features[f"{part}_rasm"] = (_dotless(written) or None) if text else None
        features[f"{part}_loose"] = (_loose_key(key) or None) if key else None
        # The long vowels a one-word name writes (``vowel_marks``), read letter by letter: not
        # through a Turkish, German, Kurmanji or Romance reading of the list's spellings.
        plain = key and not (turkish or germanic or kurmanji or spelling or saint)
        features[f"{part}_vw"] = vowel_marks(usual) if plain else None
        if part in COMMON_PARTS:
            # How often the lists write it (its rarest word): the OCR level compares the two.
            features[f"{part}_common"] = (
                min(map(vocabulary.count, (dotted(text) if dotted else text).split()))
                if text.strip() and vocabulary is not None
                else None
            )
        if known is not None:
            if len(known) >= _REPAIRED_MAX:
                known.clear()
            known[cache_key] = tuple(islice(features.items(), before, None))
    # The mother's family name (``mother_family``), keyed as a family name is.
    family_m = parts.get(MOTHER_FAMILY) or ""
    # … read as the record's other names are (a German office's "Bachhan" is بخحان's خ).
    key_m = (_key(family_m, turkish, germanic, kurmanji, romance) or None) if family_m else None
    features[f"{MOTHER_FAMILY}_n"] = (_spelling(family_m) or None) if family_m else None
    features[f"{MOTHER_FAMILY}_k"] = key_m
    features[f"{MOTHER_FAMILY}_rasm"] = (_dotless(family_m) or None) if family_m else None
    features[f"{MOTHER_FAMILY}_loose"] = (_loose_key(key_m) or None) if key_m else None
    # A family name the lists write so seldom that one family's records are all of them.
    family = parts["family"]
    features["family_rare"] = (
        all(vocabulary.count(word) <= ListVocabulary.FAMILY_RARE for word in family.split())
        if family and vocabulary is not None and features["family_n"] is not None
        else None
    )
    # A full name's last word a given name without the article after three given names
    # ("Moustafa Abdallah Gamil Esmail"): as likely the great-grandfather of a four-part name
    # (الاسم الرباعي, with no family name) as a family name (``engine``).
    features[LINEAGE_FAMILY] = _lineage_family(row, parts)
    features["sex"] = sex_of(row.get("sex") or "")
    if features["sex"] is None and is_womans_name(drop_titles(parts["first"])):
        # A register without a sex column (security branches copy only names): «أسماء» is a
        # woman, not the "Osama" of a list that says he is a man.
        features["sex"] = "F"
    # A married woman's own family name (``lists.MAIDEN_NAME_COLUMN``): two women of one list
    # born to two families are two women, whatever their husbands' names (``engine``).
    maiden = (row.get(MAIDEN_NAME_COLUMN) or "").strip()
    if ILLEGIBLE_NAME.fullmatch(maiden):
        maiden = ""  # «غير معروف», "N/A": no family of hers (``lists.read_name_cells``)
    features[MAIDEN_KEY] = (_key(maiden) or None) if maiden else None
    # An age estimated (a forensic team's «25-35» at death): the ages at arrest it allows.
    features["age_low"], features["age_high"] = estimated_age(row.get(ESTIMATED_AGE_COLUMN) or "")
    if features["age_low"] is None and row.get(AGE_COLUMN):
        # … or an age at arrest given by its decade ("20s", «في الثلاثينات»): the ages it allows.
        features["age_low"], features["age_high"] = decade_age(row[AGE_COLUMN])
    arrest = row.get("date_of_arrest") or ""
    # A spreadsheet's day number («41171»): the date it stands for (``problems`` flags it).
    arrest = spreadsheet_day_date(arrest) or arrest
    # «موقوف منذ 15/4/2013» ("held since"), as a court's file or a branch's list dates the
    # arrest: the date after the words.
    arrest = since_date(arrest)
    # A list that dates in Hijri (``mark_hijri_lists``) writes «12/5/1434» without its «هـ».
    hijri_list = bool(row.get(HIJRI_LIST))
    arrest_year = _year(arrest, hijri_list)
    place, place_year = _born_at((row.get("birth_place") or "").strip())
    # A register that asks where the person lived, not where they were born
    # (``lists.RESIDENCE_COLUMN``): mostly the family's town, compared as a place of birth is,
    # but as loosely as a registry town (a wife lives in her husband's town, a family moves
    # nearby): where it agrees it is a place's evidence, where it names another town of the same
    # governorate none, and another governorate's town counts as a different place.
    residence = not place and home_residence(row.get(RESIDENCE_COLUMN) or "")
    if residence:
        place = (row.get(RESIDENCE_COLUMN) or "").strip()
    birth = row.get("birth_year") or ""
    if not birth.strip():
        # «تولد حماة 1975» in the place's cell, the year's empty: the year it writes.
        birth = place_year
    if not birth.strip() and _born_in_age_cell(row.get(AGE_COLUMN) or ""):
        # «مواليد 84» in the age's cell, as a family's post gives the birth for the age.
        birth = row.get(AGE_COLUMN) or ""
    features["birth_year"] = _birth_year(
        birth,
        bool(row.get(TWO_DIGIT_YEARS)) or BORN_TWO_DIGITS.match(birth) is not None,
        arrest_year,
        hijri_list,
    )
    # «1985 تقريباً»: a year remembered, a year or two off as often as not (``model``).
    approximate = features["birth_year"] is not None and is_approximate(row.get("birth_year") or "")
    features["birth_year_approx"] = True if approximate else None
    # A Hijri year alone («1405 هـ», a court's or a civil registry's): the birth is in either
    # Gregorian year it spans (26 September 1984 to 14 September 1985), the one holding more of
    # it read as the year, the other kept here (``model.YEAR_HIJRI_SQL``).
    features["birth_year_hijri"] = _hijri_other_year(row.get("birth_year") or "", hijri_list)
    # A list whose years show OCR's damage (``mark_ocr_years``): a digit apart may be misread.
    features["birth_year_ocr"] = True if row.get(OCR_YEARS) else None
    registry = _registry_town(place) if place else None
    if place:
        features["birth_place_k"], place_parts, wide = _place(registry or place)
        # A residence is compared, never a blocking key (``model.BLOCKING_RULES``,
        # ``partial.first_place_keys``): two namesakes of one year who live in one town are
        # no candidates for that alone.
        features["birth_place_block"] = None if residence else features["birth_place_k"]
        features["birth_place_parts"] = list(place_parts) if place_parts else None
        # The registry town is the father's home town, mostly but not always the place of
        # birth: where it agrees it is a place's evidence, where it differs none (as a
        # governorate is against a town, ``model.PLACE_WIDE_SQL``).
        features["birth_place_wide"] = True if registry or residence else wide
        features["birth_place_gov"] = (
            _governorate_of(place, place_parts, wide) if place_parts and not registry else None
        )
    else:
        features["birth_place_k"] = features["birth_place_parts"] = None
        features["birth_place_block"] = None
        features["birth_place_wide"] = features["birth_place_gov"] = None
    # Letters OCR reads for digits (O/0, l/1, S/5, ه/٥) are read back: the digit comparison
    # then sees "one digit apart" for a misread or dropped digit.
    number = row.get("national_id") or ""
    digits = (
        "" if SCIENTIFIC_NUMBER.fullmatch(to_ascii_digits(number)) else national_id_digits(number)
    )
    features["national_id"] = digits if len(digits) >= 6 else None
    features["arrest_year"] = arrest_year
    month_first_list = bool(row.get(MONTH_FIRST_LIST))
    features["arrest_month"] = _year_month(
        arrest, features["arrest_year"], month_first_list, hijri_list
    )
    # «2013 تقريباً», «صيف 2013»: a date remembered, often a year off (``model.ARREST_APPROX_SQL``).
    features["arrest_approx"] = (
        True
        if is_approximate(arrest)
        or (arrest and row.get(AGE_YEAR_COLUMN))
        or _hijri_other_year(arrest, hijri_list) is not None
        else None
    )
    born, arrested = features["birth_year"], features["arrest_year"]
    if born is not None and arrested is not None and born - arrested >= SWAPPED_YEARS:
        # An arrest decades before the birth: an OCR'd table put each in the other's column
        # («٢٠١٢» under the year of birth, «١٥/٠٧/١٩٧١» under the date of arrest). Read back.
        features["birth_year"], features["arrest_year"] = arrested, born
        features["arrest_month"] = _year_month(arrest, born, month_first_list, hijri_list)
    born, arrested = features["birth_year"], features["arrest_year"]
    if (
        born is not None
        and arrested is not None
        and arrested >= born  # an arrest dated before the birth is a slip in either
        and not plausible_age_at_arrest(born, arrested)
    ):
        # An age at arrest no one has (``problems.AGE_AT_ARREST``, flagged there): a misread
        # year of birth, compared as missing.
        features["birth_year"] = None
    features["arrest_place_parts"] = _arrest_place(row.get("place_of_arrest") or "")
    features["arrest_border"] = True if at_border(row.get("place_of_arrest") or "") else None
    features[ARREST_HELD] = held_at(row.get("place_of_arrest") or "")
    # Unless the list's ages were taken years later (``mark_late_ages``): such an age puts the
    # birth anywhere in the ten years before, which says nothing a name does not.
    late = bool(row.get(LATE_AGES))
    features["birth_year_late"] = None
    # An age remembered without a date of arrest («31 سنة», a cellmate's): no year of birth,
    # but one another record's years of birth and arrest can contradict (``age_apart``).
    features[AGE_ALONE] = (
        _age(row.get(AGE_COLUMN) or "")
        if features["birth_year"] is None
        and features["arrest_year"] is None
        and not (late or row.get(SOME_LATE_AGES) or row.get(AGE_YEAR_COLUMN))
        else None
    )
    # … and the years of arrest its list gives (``mark_arrest_spans``), when no record dates it.
    span = (row.get(ARREST_SPAN) or "").split("-")
    features[ARREST_SPAN] = (
        (int(span[0]), int(span[1])) if features[AGE_ALONE] is not None and len(span) == 2 else None
    )
    if features["birth_year"] is None and row.get(AGE_YEAR_COLUMN):
        # An age with the date it was given (a post of 2019: «41 sne»): the birth that year
        # less the age, a year late if the birthday had not yet come.
        given = _year(row.get(AGE_YEAR_COLUMN) or "")
        age_given = _age(row.get(AGE_COLUMN) or "")
        if given is not None and age_given is not None and plausible_year(given - age_given):
            features["birth_year"] = given - age_given
            arrested = features["arrest_year"]
            if (
                row.get(EITHER_DATE_AGES)
                and arrested is not None
                and AGE_AT_EITHER_DATE_YEARS <= given - arrested <= LATE_AGE_YEARS
                and plausible_year(arrested - age_given)
            ):
                # A family's message of 2022 about an arrest of 2013 gives the age at the
                # arrest as often as at the message («35»): the birth is the arrest year less
                # the age or up to the years between later (issue 15, set 13's voice messages).
                # Only while those years fit the late window (``model.LATE_AGE_YEARS``): a
                # message of 2024 about 1982 with «62» is of a man born in 1962, not 1920.
                features["birth_year"] = arrested - age_given
                features["birth_year_late"] = True
            elif row.get(EITHER_DATE_AGES) and arrested is None and len(span) == 2:
                # … and about an arrest it does not date: the list's years of arrest
                # (``mark_arrest_spans``) say how much earlier the birth may be.
                earliest = int(span[0])
                if AGE_AT_EITHER_DATE_YEARS <= given - earliest <= LATE_AGE_YEARS and (
                    plausible_year(earliest - age_given)
                ):
                    features["birth_year"] = earliest - age_given
                    features["birth_year_late"] = True
            return features
    if features["birth_year"] is None and features["arrest_year"] is not None and not late:
        # An age at arrest typed under the year of birth («27»: a sheet that gave ages, pasted
        # into one that gives years), in a list whose two-digit numbers are not years.
        birth_cell = (row.get("birth_year") or "").strip()
        age = row.get(AGE_COLUMN) or (
            birth_cell if not row.get(TWO_DIGIT_YEARS) and age_in_birth_cell(birth_cell) else ""
        )
        features["birth_year"] = _year_from_age(age, features["arrest_year"])
        # Some of the list's ages were taken years later (``mark_late_ages``): the birth may
        # be up to ``LATE_AGE_YEARS`` years after the year the age gives (``model``).
        if features["birth_year"] is not None and row.get(SOME_LATE_AGES):
            features["birth_year_late"] = True
        elif features["birth_year"] is not None and (
            features["arrest_approx"] or is_approximate(age)
        ):
            # An age at a remembered date («38» arrested «صيف 2013»): a year remembered too.
            features["birth_year_approx"] = True
    return features


# Set on a record (by ``mizan.linkage.engine``) of a list whose ages, given with the date of
# their message (``lists.AGE_YEAR_COLUMN``), are at the arrest for some records and at the
# message for others (a family's voice message: «35» for a brother arrested nine years before,
# issue 15, set 13): an age at least ``AGE_AT_EITHER_DATE_YEARS`` after the arrest may be the
# age at either date (``_features``). Elsewhere such an age is the age at the message (set 10's
# Facebook group).
EITHER_DATE_AGES = "_either_date_ages"
AGE_AT_EITHER_DATE_YEARS = 2
# A list says so when at least this share of those ages (of at least ``AGE_EVIDENCE``), read at
# the message, would put the arrest before the person's ``YOUNGEST_DETAINEE``th year: a share
# no list of detainees has (set 10's posts 0.9 %, set 13's voice messages 7 %).
EITHER_DATE_SHARE = 0.03
YOUNGEST_DETAINEE = 14


def mark_either_date_ages(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list whose dated ages are at either date marked
    ``EITHER_DATE_AGES`` (``EITHER_DATE_SHARE``)."""
    dated: Counter[str] = Counter()
    young: Counter[str] = Counter()
    for record, source in zip(records, sources, strict=True):
        if not record.get(AGE_YEAR_COLUMN) or not record.get(AGE_COLUMN):
            continue
        given, age = _year(record.get(AGE_YEAR_COLUMN) or ""), _age(record.get(AGE_COLUMN) or "")
        arrested = _year(record.get("date_of_arrest") or "")
        if given is None or age is None or arrested is None:
            continue
        if given - arrested >= AGE_AT_EITHER_DATE_YEARS:
            dated[source] += 1
            young[source] += age - (given - arrested) < YOUNGEST_DETAINEE
    markers = {
        s: EITHER_DATE_AGES
        for s, n in dated.items()
        if n >= AGE_EVIDENCE and young[s] >= EITHER_DATE_SHARE * n
    }
    return _marked(records, sources, markers)


# An estimated age (``lists.ESTIMATED_AGE_COLUMN``) as lists write one: a range («25-35»,
# «30-45 سنة», «٢٥–٣٥», "25 to 35", «بين 25 و35»), or one age, often «حوالي 30» or "about 30";
# a digit that cannot be read is written ؟ or ? («3؟»: thirty to thirty-nine).
_AGE_NUMBER = r"(\d[\d؟?]?)"
_ESTIMATED_RANGE = re.compile(
    rf"^\s*(?:بين|من|between|from)?\s*{_AGE_NUMBER}\s*(?:-|–|—|/|الى|إلى|to|و|and)\s*"
    rf"{_AGE_NUMBER}\s*(?:سنة|سنه|سنوات|عام|عاما|عاماً|years?|yrs?|ans)?\.?\s*$",
    re.IGNORECASE,
)
_ESTIMATED_ONE = re.compile(
    rf"^\s*(?:(?:{APPROXIMATE_LEADING}|about|around|approx\.?|environ)\s*)?{_AGE_NUMBER}"
    r"\s*(?:سنة|سنه|سنوات|عام|عاما|عاماً|years?|yrs?|ans)?\.?"
    rf"\s*(?:{APPROXIMATE_TRAILING})?\s*$",
    re.IGNORECASE,
)
# One age estimated is taken as this many years either side of it (a forensic estimate is
# given in a range of ten to twenty years; a witness's «حوالي 30» is no closer).
ESTIMATED_AGE_SPREAD = 5
# The age estimated is at the death or when the person was last seen, which is at the arrest or
# up to this many years later: the age at arrest may be that much lower than the range says.
ESTIMATED_AGE_AFTER = 4


def estimated_age(text: str) -> tuple[int | None, int | None]:
    """The ages at arrest an estimated age allows, lowest and highest (``model``'s estimated
    age levels compare them with the other record's years of birth and arrest): the range
    written, less up to ``ESTIMATED_AGE_AFTER`` years and plus one for a birthday not yet come;
    one age ± ``ESTIMATED_AGE_SPREAD``. (None, None) when there is none or it cannot be read."""
    text = to_ascii_digits(text.strip())
    if not text:
        return None, None
    match = _ESTIMATED_RANGE.match(text)
    if match is not None:
        low, high = _age_bounds(match.group(1))[0], _age_bounds(match.group(2))[1]
    else:
        match = _ESTIMATED_ONE.match(text)
        if match is None:
            return None, None
        low, high = _age_bounds(match.group(1))
        if low == high:
            low, high = low - ESTIMATED_AGE_SPREAD, high + ESTIMATED_AGE_SPREAD
    if not 0 < high < 110 or low > high:
        return None, None
    return max(low - ESTIMATED_AGE_AFTER, 0), high + 1


# An age given by its decade, as a report's annex or a witness gives it: "20s", "in his 30s",
# "early 40s", "late 20's", «في الثلاثينات», «بالعشرينيات», «الأربعينات».
_DECADE_LATIN = re.compile(
    r"^\s*(?:in\s+(?:his|her|their)\s+)?(?:(early|mid|late)[\s-]*)?([1-9])0\s*['’]?s\s*$",
    re.IGNORECASE,
)
_DECADE_WORDS = {
    "عشرين": 2,
    "ثلاثين": 3,
    "اربعين": 4,
    "خمسين": 5,
    "ستين": 6,
    "سبعين": 7,
    "ثمانين": 8,
}
_DECADE_ARABIC = re.compile(
    r"^\s*(?:في\s+|ب)?(?:ال)?(" + "|".join(_DECADE_WORDS) + r")(?:ي)?(?:ات)\s*(?:من العمر)?\s*$"
)
# The years of a decade an "early", "mid" or "late" one gives.
_DECADE_PART = {"early": (0, 3), "mid": (3, 7), "late": (6, 9)}


def decade_age(text: str) -> tuple[int | None, int | None]:
    """The ages at arrest an age given by its decade allows, lowest and highest (as
    ``estimated_age``'s, plus one for a birthday not yet come): "20s" 20 … 30, "late 30s"
    36 … 40, «في الأربعينات» 40 … 50. (None, None) for any other text."""
    if text.strip().isdigit():
        return None, None  # "42", «٤٢»: an age, no decade (most age cells)
    match = _DECADE_LATIN.match(to_ascii_digits(text))
    if match is not None:
        decade = int(match.group(2)) * 10
        low, high = _DECADE_PART.get((match.group(1) or "").lower(), (0, 9))
        return decade + low, decade + high + 1
    match = _DECADE_ARABIC.match(normalise_arabic(text))
    if match is not None:
        decade = _DECADE_WORDS[match.group(1)] * 10
        return decade, decade + 10
    return None, None


def _age_bounds(number: str) -> tuple[int, int]:
    """The lowest and highest age a written number may be, each illegible digit 0 … 9."""
    return int(re.sub(r"[؟?]", "0", number)), int(re.sub(r"[؟?]", "9", number))


# Where ``_features`` keeps the age at arrest of a record that gives neither a year of birth nor
# a date of arrest (not a column compared by the model: the clustering reads it).
AGE_ALONE = "_age_alone"
# An age at arrest remembered (a cellmate's «38», often four years off) and the age another
# record's years of birth and arrest give, further apart than this, are two people's (as
# ``engine.TWO_LISTS_YEARS`` for two years of birth).
AGE_APART_YEARS = 8


def age_apart(
    age: int | None,
    birth_year: int | None,
    arrest_year: int | None,
    span: tuple[int, int] | None = None,
) -> bool:
    """Whether an age at arrest given alone (``AGE_ALONE``) is more than ``AGE_APART_YEARS``
    from the age another record's year of birth and year of arrest give — or, with no year of
    arrest in either record, from every age that year of birth gives in the years of arrest
    its list gives (``span``, ``mark_arrest_spans``)."""
    if age is None or birth_year is None:
        return False
    if arrest_year is not None:
        return abs(arrest_year - birth_year - age) > AGE_APART_YEARS
    if span is None:
        return False
    first, last = span
    return not first - AGE_APART_YEARS <= birth_year + age <= last + AGE_APART_YEARS


# Set on the records of a list whose dates in digits put the month first, as American and
# Canadian forms do ("04/17/2013"), by ``dates.writes_month_first``.
# Its dates that either order reads (04/07/2013) are then read month first (``_year_month``).
MONTH_FIRST_LIST = "_month_first_list"
_DATE_CELLS = ("date_of_arrest", "birth_year")


def mark_hijri_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that dates in Hijri (``problems.hijri_lists``) marked
    ``HIJRI_LIST``."""
    return _marked(records, sources, dict.fromkeys(hijri_lists(records, sources), HIJRI_LIST))


def mark_month_first_lists(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that writes its dates month first marked
    ``MONTH_FIRST_LIST``: its dates of arrest and of birth (a form's date of birth under the
    year of birth, "05/18/1964") decide it, each by ``dates.month_first``."""
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    dated: Counter[str] = Counter()
    for record, source in zip(records, sources, strict=True):
        cells = (to_ascii_digits(record.get(cell) or "").strip() for cell in _DATE_CELLS)
        month_first_dates, day_first_dates, dates = date_orders(cells)
        first[source] += month_first_dates
        second[source] += day_first_dates
        dated[source] += dates
    markers = {
        source: MONTH_FIRST_LIST
        for source, count in first.items()
        if writes_month_first(count, second[source], dated[source])
    }
    return _marked(records, sources, markers)


# Set on the records of a list that gives ages without dates: the years of arrest its other
# records give («2011-2017»: the 5th to the 95th hundredth of them), from at least
# ``AGE_EVIDENCE`` of them (``mark_arrest_spans``).
ARREST_SPAN = "_arrest_span"


def mark_arrest_spans(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list that gives ages at arrest without a date marked with the
    years of arrest its dated records give (``ARREST_SPAN``): a survivors' list that dates
    its cellmates' arrests 2011 to 2017 says that an undated «23» was born about 1988 to 1994
    (``age_apart``). Lists without such ages, or with fewer than ``AGE_EVIDENCE`` dated
    records, are left as they are."""
    years: dict[str, list[int]] = {}
    undated: set[str] = set()
    for record, source in zip(records, sources, strict=True):
        year = _year(record.get("date_of_arrest") or "")
        if year is not None:
            years.setdefault(source, []).append(year)
        elif record.get(AGE_COLUMN) and not record.get("birth_year"):
            undated.add(source)
    marks: dict[str, str] = {}
    for source in undated:
        found = sorted(years.get(source, ()))
        if len(found) >= AGE_EVIDENCE:
            marks[source] = f"{found[len(found) // 20]}-{found[len(found) * 19 // 20]}"
    if not marks:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, ARREST_SPAN: marks[source]} if source in marks else record
        for record, source in zip(records, sources, strict=True)
    ]


# A date of arrest at least this many years before the year of birth is the two swapped: one
# person cannot be arrested before birth, and a child of ten is seldom on a list (issue 15).
SWAPPED_YEARS = 10


# Words before a place of arrest that say what kind of place it was, not which: "حاجز دوما"
# (the checkpoint of Douma) is Douma; so is a Russian list's "KPP Duma" (КПП, a checkpoint; the
# Cyrillic read in Latin first, ``_letters_read``).
# The word after it that says where the checkpoint stood, not which place: "Checkpoint bei
# Talbisa" (a German office's), "checkpoint at Harasta", «حاجز قرب دوما».
_ARREST_PLACE_KIND = re.compile(
    r"^(?:حاجز|checkpoint|barrage|bazgeha?|kpp|blokpost)\s+"
    r"(?:(?:bei|nahe|at|near|in|à|près de|قرب|عند|في|u)\s+)?",
    re.IGNORECASE,
)
# A place of arrest that names none: the kind alone («حاجز», "checkpoint"), the home or work,
# unknown. Two records that both say so agree on no place (search form, hamza folded).
_NO_ARREST_PLACE = frozenset(
    normalise_for_search(word)
    for word in (
        "حاجز",
        "الحاجز",
        "على",
        "عند",
        "من",
        "في",
        "أثناء",
        "اثناء",
        "اعتقل",
        "اعتقلت",
        "اعتقال",
        "المنزل",
        "منزل",
        "منزله",
        "منزلها",
        "البيت",
        "بيت",
        "بيته",
        "بيتها",
        "العمل",
        "عمله",
        "عملها",
        "مكان",
        "الشارع",
        "الطريق",
        "فرع",
        "الفرع",
        "غير",
        "معروف",
        "معروفة",
        "مجهول",
        "مجهولة",
        "لا",
        "يوجد",
        "checkpoint",
        "checkpoints",
        "kpp",
        "blokpost",
        "barrage",
        "bazgeh",
        "bazgeha",
        "branch",
        "at",
        "a",
        "an",
        "the",
        "from",
        "in",
        "his",
        "her",
        "home",
        "house",
        "work",
        "street",
        "road",
        "arrested",
        "unknown",
        "not",
        "known",
        "n",
        "na",
    )
)


# An arrest at a border crossing or an airport is, as often as not, the arrest of a refugee who
# came back (from Lebanon, Jordan, Turkey) — a second arrest for one detained and released
# before, whom the other lists know by the first (issue 15, set 12's returnees' list). The words
# that say so (search form: lower case, hamza and ة folded) and the crossings lists name alone.
_BORDER_WORDS = frozenset(
    normalise_for_search(word)
    for word in (
        "border",
        "borders",
        "crossing",
        "frontier",
        "frontière",
        "frontiere",
        "grenze",
        "grenzübergang",
        "gräns",
        "gränsen",
        "grænse",
        "grænsen",
        "grens",
        "sınır",
        "الحدود",
        "الحدودي",
        "الحدودية",
        "الحدود",
        "حدود",
        "معبر",
        "المعبر",
        "منفذ",
        # The crossings between Syria and Lebanon, Jordan and Turkey, as lists write them.
        "masnaa",
        "masna",
        "yabous",
        "yabus",
        "يابوس",
        "dabousieh",
        "dabboussieh",
        "dabbousieh",
        "dabousiyeh",
        "الدبوسية",
        "jousieh",
        "joussieh",
        "jousiyeh",
        "جوسية",
        "arida",
        "العريضة",
        "abboudieh",
        "aboudieh",
        "abboudiyeh",
        "العبودية",
    )
)
# An airport is a crossing on return (Damascus International) unless the place says it is one of
# the military airports that are themselves places of detention (Mezzeh: Air Force Intelligence).
_AIRPORT_WORDS = frozenset(
    normalise_for_search(word)
    for word in (
        "airport",
        "aéroport",
        "aeroport",
        "flughafen",
        "flygplats",
        "lufthavn",
        "luchthaven",
        "مطار",
    )
)
_MILITARY_AIRPORT = frozenset(
    normalise_for_search(word)
    for word in (
        "العسكري",
        "military",
        "militaire",
        "militär",
        "المزة",
        "مزة",
        "mezzeh",
        "mezze",
        "mazzeh",
        "mazzah",
        "mazza",
        "النيرب",
        "nayrab",
        "neirab",
        "التيفور",
        "tiyas",
        "t4",
        "الضمير",
        "dumayr",
        "حماة",
        "حماه",
        "hama",
        "kweires",
        "كويرس",
    )
)
_BORDER_PHRASES = tuple(
    normalise_for_search(phrase)
    for phrase in ("bab al hawa", "باب الهوى", "bab al salama", "باب السلامة")
)


# Where ``_features`` says whether the date of arrest is dated at a place of detention or trial
# (``held_at``: not a column compared by the model, the clustering reads it).
ARREST_HELD = "_arrest_held"
# The words of a place where a person is held or tried, not arrested: a prison's register, a
# security branch's or a court's dates its entry, transfer or trial, years after the arrest.
_HELD_WORDS = re.compile(
    r"(?<![^\W_])(?:prison|jail|detention|branch|intelligence|court|gefängnis"
    r"|(?:ال)?(?:سجن|فرع|مخابرات|محكمة|معتقل)|الأمن|الامن)(?![^\W_])",
    re.IGNORECASE,
)


@lru_cache(maxsize=50_000)
def held_at(text: str) -> bool:
    """Whether a place of arrest names a place of detention or trial («سجن صيدنايا»، «الفرع
    215»، «محكمة الميدان»، "Military Intelligence", "Adra prison"): the date beside it may be
    that of an entry or a transfer there, not of the arrest."""
    return bool(text) and _HELD_WORDS.search(text) is not None


@lru_cache(maxsize=50_000)
def at_border(text: str) -> bool:
    """Whether a place of arrest is a border crossing or an airport: the words that say so
    ("border crossing", «الحدود اللبنانية», «معبر», "airport") or a crossing's own name
    (Masnaa, Jdeidet Yabous, «باب الهوى»). A military airport (Mezzeh, «مطار حماة العسكري») is a
    place of detention, not a crossing; a village's name alone (Nasib, «المصنع» "the factory")
    is not one either without a word that says crossing."""
    normal = normalise_for_search(text)
    if not normal:
        return False
    words = set(normal.split())
    if not _BORDER_WORDS.isdisjoint(words):
        return True
    if not _AIRPORT_WORDS.isdisjoint(words):
        return _MILITARY_AIRPORT.isdisjoint(words)
    spaced = f" {normal} "
    return any(f" {phrase} " in spaced for phrase in _BORDER_PHRASES)


def _arrest_place(text: str) -> list[str] | None:
    """The keys of a place of arrest's parts (as ``_place`` reads a birth place), or None: a
    new list each time (a record's features are its own), read once per place written."""
    parts = _arrest_place_keys(text)
    return list(parts) if parts is not None else None


# The words that say what kind of place of arrest a place is, wherever they stand: English puts
# them after the name ("AFRIN CHECKPOINT", "NASSIB BORDER", "DAMASCUS INTERNATIONAL AIRPORT")
# where Arabic puts them before («حاجز عفرين», «معبر نصيب», «مطار دمشق الدولي»); the name is
# the place (``at_border`` reads the words themselves).
_ARREST_PLACE_WORDS = re.compile(
    r"(?<![^\W_])(?:check\s*-?\s*point|border|crossing|(?:international\s+)?airport"
    r"|(?:ال)?(?:حاجز|معبر|مطار)|الدولي)(?![^\W_])",
    re.IGNORECASE,
)


_AIRPORT_WORD = re.compile(r"(?<![^\W_])(?:airport|(?:ال)?مطار)(?![^\W_])", re.IGNORECASE)
_MILITARY_WORD = re.compile(r"(?<![^\W_])(?:military|العسكري)(?![^\W_])", re.IGNORECASE)


@lru_cache(maxsize=50_000)
def _arrest_place_keys(text: str) -> tuple[str, ...] | None:
    text = _ARREST_PLACE_KIND.sub("", _PLACE_PREPOSITION.sub("", text.strip()))
    named = _ARREST_PLACE_WORDS.sub(" ", text)
    if named != text and _AIRPORT_WORD.search(text):
        # «مطار حماة العسكري» is at حماة: "military" no town of it (nor every airport's).
        named = _MILITARY_WORD.sub(" ", named)
    named = " ".join(named.split())
    if named and not _NO_ARREST_PLACE.issuperset(normalise_for_search(named).split()):
        text = named
    # (else the kind word is the place's only name: «حاجز المطار», «المعبر».)
    if not text or _NO_ARREST_PLACE.issuperset(normalise_for_search(text).split()):
        return None
    digits = "".join(re.findall(r"\d+", to_ascii_digits(text)))
    if digits and _NO_ARREST_PLACE.issuperset(
        normalise_for_search(re.sub(r"\d", "", text)).split()
    ):
        # A branch known by its number alone («الفرع 215», "Branch 215", «فرع ٢١٥»).
        return (f"#{digits}",)
    _first, parts, _wide = _place(text)
    if not parts:
        return None
    if digits:
        # … or by its number and its words: the key of its words alone would be every branch's.
        return tuple(f"{part}{digits}" for part in parts)
    return tuple(parts)


# An age as lists write it: "42", "٤٢", "42 سنة", "42 عاماً", "42 years".
# ("33 sne", "33 sana": the Arabizi سنة.)
# («حوالي 28», "about 28", "28 تقريباً": an age remembered, read as the age it gives.)
# («عمره 34», «عمرها 34», «العمر: 34», "aged 34": an age as a family's post says it.)
_AGE = re.compile(
    r"^\s*(?:(?:(?:ب|ال)?عمر(?:ه|ها)?|aged?)\s*[:：]?\s*)?"
    rf"(?:(?:{APPROXIMATE_LEADING}|about|around|approx\.?)\s*)?"
    r"(\d{1,3})\s*(?:سنة|سنه|سنوات|عام|عاما|عاماً|years?|yrs?|y|sne|sene|sana|seneh)?\.?"
    rf"\s*(?:{APPROXIMATE_TRAILING})?\s*$",
    re.IGNORECASE,
)


def _age(text: str) -> int | None:
    # The unit as written first: OCR's digit-shaped letters would make "33 sne" "33 5ne".
    match = _AGE.match(to_ascii_digits(text)) or _AGE.match(ocr_digits(text))
    if match is None or not 0 < int(match.group(1)) < 100:
        return None
    return int(match.group(1))


def _year_from_age(age: str, arrest_year: int) -> int | None:
    """The year of birth of a record that gives only the age at arrest ("42", "٤٢", "42 سنة"):
    the year of arrest less the age (a year late if the birthday had not yet come, which the
    comparison's "one year apart" level absorbs)."""
    value = _age(age)
    if value is None:
        return None
    year = arrest_year - value
    return year if plausible_year(year) else None


# Set on a record (by ``mizan.linkage.engine``) whose list gives ages taken years after the
# arrest (a relative's message of 2018 about an arrest of 2012), not the age at arrest.
LATE_AGES = "_late_ages"
# … and on a record of a list only some of whose ages were (its ages older on the whole than
# its years of birth say): its age gives a year of birth that may be years too early.
SOME_LATE_AGES = "_some_late_ages"
# A list's ages are at the arrest when its records that give an age, a year of arrest and a
# year of birth put the birth this close to the arrest year less the age (median, years).
AGE_AT_ARREST_YEARS = 1
# Fewest such records from which a list says when its ages were taken.
AGE_EVIDENCE = 20


def mark_late_ages(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list whose ages were taken years after the arrest marked
    ``LATE_AGES``: their age gives no year of birth. A relatives' list gives the age at the time
    of the message (2013 … 2022) for an arrest years before; read as the age at arrest, it puts
    the birth years too early, and a true pair then disagrees on the year. The list's own
    records with an age, a year of birth and a date of arrest tell which it is: the birth year
    plus the age is the arrest year (median within ``AGE_AT_ARREST_YEARS``) or later. With
    fewer than ``AGE_EVIDENCE`` such records nothing changes (ages at arrest, as before)."""
    gaps: dict[str, list[int]] = {}
    # Without such records, the list's ages against its own records' years of birth: the age
    # at arrest of a record giving only an age, and of one giving only a year of birth (arrest
    # year less it), come from the same people, so ages years older on the whole were taken
    # later (set 8: a quarter of a relatives' list's ages 5 … 13 years after the arrest).
    ages: dict[str, list[int]] = {}
    implied: dict[str, list[int]] = {}
    for record, source in zip(records, sources, strict=True):
        text = record.get(AGE_COLUMN) if not record.get(AGE_YEAR_COLUMN) else None
        age = _age(text) if text else None
        arrest = _year(record.get("date_of_arrest") or "")
        two_digits = bool(record.get(TWO_DIGIT_YEARS))
        birth = _birth_year(record.get("birth_year") or "", two_digits, arrest)
        if arrest is None:
            continue
        if age is not None and birth is not None:
            gaps.setdefault(source, []).append(birth + age - arrest)
        elif age is not None:
            ages.setdefault(source, []).append(age)
        elif birth is not None and plausible_year(birth) and 0 < arrest - birth < 100:
            implied.setdefault(source, []).append(arrest - birth)
    marks: dict[str, str] = {}
    for source, values in gaps.items():
        values.sort()
        if len(values) >= AGE_EVIDENCE and values[len(values) // 2] > AGE_AT_ARREST_YEARS:
            marks[source] = LATE_AGES
    for source, values in ages.items():
        if len(gaps.get(source, ())) < AGE_EVIDENCE and _older(values, implied.get(source, [])):
            marks[source] = SOME_LATE_AGES
    if not marks:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, marks[source]: "1"} if source in marks else record
        for record, source in zip(records, sources, strict=True)
    ]


# Ages at least this many years older on average than the same list's ages at arrest from a
# year of birth, and this many standard errors of the difference, were taken years later.
LATE_AGE_SHIFT = 3.0
LATE_AGE_SIGMAS = 3.0


def _older(ages: Sequence[int], implied: Sequence[int]) -> bool:
    """Whether ``ages`` (a list's ages given alone) are older on the whole than ``implied``
    (the same list's arrest year less year of birth): a mean LATE_AGE_SHIFT years older, beyond
    LATE_AGE_SIGMAS standard errors, from at least AGE_EVIDENCE of each."""
    if len(ages) < AGE_EVIDENCE or len(implied) < AGE_EVIDENCE:
        return False
    shift = statistics.fmean(ages) - statistics.fmean(implied)
    error = math.sqrt(
        statistics.variance(ages) / len(ages) + statistics.variance(implied) / len(implied)
    )
    return shift >= LATE_AGE_SHIFT and shift >= LATE_AGE_SIGMAS * error


# Set on a record (by ``mizan.linkage.engine``) of a list whose years of birth show OCR's damage:
# there, two years one digit apart (1971 and 1977) may be one year misread (``model``'s level
# "one digit apart (OCR?)"); in a typed list they are two people's years (s12: a returnees'
# list's 1975 against a defenders' 1971, −1.6 instead of −4.5).
OCR_YEARS = "_ocr_years"
# Fewest years of birth no person has (1470, 7992: ``problems.plausible_year``) that show a list
# was read by OCR (the OCR'd lists of the tuning sets have 9 … 169, the typed ones none).
OCR_YEAR_EVIDENCE = 3


def mark_ocr_years(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list with at least ``OCR_YEAR_EVIDENCE`` years of birth no
    person has (an OCR'd «1470», «7992») marked ``OCR_YEARS``."""
    damaged: dict[str, int] = {}
    for record, source in zip(records, sources, strict=True):
        year = written_year(record.get("birth_year") or "")
        if year is not None and not plausible_year(year):
            damaged[source] = damaged.get(source, 0) + 1
    marked = {source for source, count in damaged.items() if count >= OCR_YEAR_EVIDENCE}
    if not marked:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, OCR_YEARS: "1"} if source in marked else record
        for record, source in zip(records, sources, strict=True)
    ]


# Set on a record (by ``mizan.linkage.engine``) of a list whose names show dots misread (a
# handwritten ledger read by HTR, a page read by OCR): there a name word the lists write seldom,
# of the shape without dots of one they write far more often, is read as that one
# (``ListVocabulary.dots_reading``: «محموذ» is محمود, and no brother's name beside محمد). A
# typed list writes its names' dots as the keyboard has them: its rare spellings are names.
DOTTED_NAMES = "_dotted_names"
# Fewest such words, and their least share of the list's Arabic name words, that show it (the
# OCR'd and handwritten lists of the tuning sets: 2.6 … 8 % of their words; the typed ones
# 0.25 % at most).
DOTTED_EVIDENCE = 10
DOTTED_SHARE = 0.01
_DOTTED_CELLS = (
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "full_name",
)


def mark_dotted_names(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list whose Arabic name words are misread in their dots often
    enough (``DOTTED_EVIDENCE``, ``DOTTED_SHARE``) marked ``DOTTED_NAMES``."""
    # The words as written first (a million records write a few thousand), then their forms.
    written: dict[str, Counter[str]] = {}
    for record, source in zip(records, sources, strict=True):
        cells = [text for cell in _DOTTED_CELLS if (text := record.get(cell))]
        if cells:
            written.setdefault(source, Counter()).update(" ".join(cells).split())
    counts: Counter[str] = Counter()
    by_list: dict[str, Counter[str]] = {}
    for source, words in written.items():
        mine = by_list[source] = Counter()
        for word, number in words.items():
            if not any("\u0621" <= letter <= "\u064a" for letter in word):
                continue  # no Arabic letter: no dots to misread
            form = _word_form(word)
            if _dotted_word(form):
                counts[form] += number
                mine[form] += number
    best: dict[tuple[bool, str], int] = {}
    for form, number in counts.items():
        shape = _dots_shape(form)
        best[shape] = max(best.get(shape, 0), number)
    marked = set()
    for source, mine in by_list.items():
        total = sum(mine.values())
        misread = sum(
            number
            for form, number in mine.items()
            if best[_dots_shape(form)] >= DOTS_RATIO * counts[form]
        )
        if misread >= DOTTED_EVIDENCE and misread >= DOTTED_SHARE * total:
            marked.add(source)
    if not marked:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, DOTTED_NAMES: "1"} if source in marked else record
        for record, source in zip(records, sources, strict=True)
    ]
