"""Reading person lists (CSV) for linkage, and writing clusters, with no half-done work.

A list is a CSV file in UTF-8 whose first row names its columns with the header set of DESIGN.md
or their Arabic equivalents (``HEADER_ALIASES``); the file's stem is the list's source name.
``read_lists`` checks every file completely before returning anything and raises ``ListError``
with every problem found, file and line; ``write_clusters`` writes to a temporary file and
renames it, so an interrupted run leaves no partial output.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mizan.linkage.problems import (
    HIJRI_LIST,
    ILLEGIBLE_NAME,
    PROBLEM_TEXTS,
    TWO_DIGIT_YEARS,
    UNREAD_WORDS,
    hijri_lists,
    record_problems,
    two_digit_year_lists,
)
from mizan.text import has_bidi_controls, normalise_arabic, to_ascii_digits
from mizan.text.names import (
    UNREAD_NAME,
    UNREAD_NAME_LATIN,
    has_article,
    is_given_name_spelling,
    is_tribe_name,
    lineage_chain,
    name_words,
    strip_asides,
)
from mizan.text.normalise import glyphs_as_letters, sorani_as_arabic
from mizan.text.spreadsheet import csv_writer as spreadsheet_csv
from mizan.text.translit import is_rank_qualifier

__all__ = [
    "HEADERS",
    "HEADER_ALIASES",
    "LINEAGE_NAME_LETTERS",
    "ListError",
    "SourceRecord",
    "lineage_in_father_cell",
    "list_column",
    "problems_path",
    "rank_in_row",
    "read_lists",
    "read_name_cells",
    "usual_double_second",
    "whole_name_in_first_cell",
    "without_rank",
    "write_clusters",
    "write_problems",
]

HEADERS: tuple[str, ...] = (
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
)

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "record_id": (
        "id", "record id", "رقم السجل", "الرقم", "المعرف", "رقم", "الرقم التسلسلي", "م",
    ),
    "full_name": ("name", "الاسم الكامل", "الاسم الثلاثي", "الاسم الرباعي"),
    "first_name": ("الاسم", "الاسم الأول", "given name", "forename"),
    # A form made for Arabs' names asks the father's name as the "middle name".
    "father_name": ("اسم الأب", "الأب", "father", "father's name", "fathers name", "middle name"),
    "grandfather_name": ("اسم الجد", "الجد", "grandfather", "grandfather's name"),
    "family_name": (
        "الكنية", "اسم العائلة", "النسبة", "العائلة", "last name", "surname",
    ),
    "mother_name": ("اسم الأم", "الأم", "اسم الام ونسبتها", "mother", "mother's name"),
    "sex": ("gender", "الجنس"),
    "birth_year": (
        "سنة الولادة", "سنة الميلاد", "المواليد", "التولد", "تاريخ الولادة", "تاريخ الميلاد",
        "date of birth", "birth date", "birthdate", "dob", "year of birth",
    ),
    "birth_place": ("مكان الولادة", "مكان الميلاد", "محل الولادة", "place of birth", "birthplace"),
    "national_id": ("الرقم الوطني", "رقم الهوية", "national number", "national id number"),
    "date_of_arrest": (
        "تاريخ الاعتقال", "تاريخ الاحتجاز", "تاريخ الاختفاء", "تاريخ الفقدان", "arrest date",
        "date of detention", "detention date", "date of disappearance",
    ),
    # A death register's referring branch (الجهة المحيلة) is where the person was last held
    # (``FALLBACK_ALIASES``: only in a list that has no place of arrest of its own).
    "place_of_arrest": (
        "مكان الاعتقال", "مكان الاحتجاز", "مكان الاختفاء", "مكان الفقدان", "الجهة المحيلة",
        "place of detention", "place of disappearance",
    ),
}  # fmt: skip
# … and Russian, as a Russian office's list heads its columns (ФИО: family name, given name and
# father's name in one cell; Отчество, the patronymic, is the father's name of an Arab's record).
_RUSSIAN_HEADERS: dict[str, tuple[str, ...]] = {
    "full_name": ("ФИО", "Ф.И.О.", "Фамилия, имя, отчество", "Фамилия имя отчество"),
    "first_name": ("Имя",),
    "father_name": ("Отчество", "Имя отца"),
    "family_name": ("Фамилия",),
    "mother_name": ("Имя матери", "Мать"),
    "sex": ("Пол",),
    "birth_year": ("Дата рождения", "Год рождения"),
    "birth_place": ("Место рождения",),
    "date_of_arrest": ("Дата задержания", "Дата ареста"),
    "place_of_arrest": ("Место задержания", "Место ареста"),
}
for _column, _names in _RUSSIAN_HEADERS.items():
    HEADER_ALIASES[_column] = (*HEADER_ALIASES[_column], *_names)
"""Column names accepted for each header, English, Arabic and Russian (hamza, case, spaces and
underscores do not matter). The one table for ``mizan link`` and the registry's list import
alike."""

BARE_NAME = "الاسم"
"""«الاسم» alone is the first name in a list that also has a father's, grandfather's or family
name column, and the full name otherwise (see :func:`resolve_bare_name`)."""


FALLBACK_ALIASES: frozenset[str] = frozenset({"الجهة المحيلة", "middle name"})
"""Aliases that stand for their column only where no other header of the list gives it: beside
«مكان الاعتقال» the referring branch is a column of its own, not a repeated place of arrest;
beside a father's name column, a "middle name" is a second given name, left unread."""

BARE_NAME_LATIN = "name"
""""Name" is the full name, and the given name in a list that also has a family-name column and
no first-name column ("Name, Surname", as English forms often head them)."""


def resolve_fallbacks(columns: list[str | None], raw: Sequence[object], key: Any) -> None:
    """Leave unread each column found by a ``FALLBACK_ALIASES`` header when another header
    gives its column (arguments as :func:`resolve_bare_name`). Changes ``columns`` in place."""
    fallbacks = {key(alias) for alias in FALLBACK_ALIASES}
    second = [key(str(cell or "")) in fallbacks for cell in raw]
    given = {c for c, fallback in zip(columns, second, strict=True) if c and not fallback}
    for index, fallback in enumerate(second):
        if fallback and columns[index] in given:
            columns[index] = None


def resolve_bare_name(columns: list[str | None], raw: Sequence[object], key: Any) -> None:
    """Turn the column read from «الاسم» into ``full_name`` when no other name part is there,
    and the one read from "Name" into ``first_name`` beside a family-name column and no
    first-name column ("Name, Surname").

    ``columns`` are the header names found for the raw header cells ``raw``; ``key`` is the
    caller's header normaliser. Changes ``columns`` in place."""
    latin = key(BARE_NAME_LATIN)
    if "family_name" in columns and "first_name" not in columns:
        for index, cell in enumerate(raw):
            if columns[index] == "full_name" and key(str(cell or "")) == latin:
                columns[index] = "first_name"
    parts = {"father_name", "grandfather_name", "family_name"}
    if parts.intersection(c for c in columns if c):
        return
    bare = key(BARE_NAME)
    for index, cell in enumerate(raw):
        if (
            columns[index] == "first_name"
            and key(str(cell or "")) == bare
            and "full_name" not in columns
        ):
            columns[index] = "full_name"


# A whole name typed into the first-name cell has at least this many names (compounds such as
# عبد الرحمن counted as one): first, father and family.
WHOLE_NAME_WORDS = 3
_OTHER_PARTS = ("father_name", "grandfather_name", "family_name")


def whole_name_in_first_cell(values: Mapping[str, str]) -> str | None:
    """The whole name, when a list has it typed into the first-name cell («محمد خالد الحموي»
    under «الاسم», the father's, grandfather's and family name cells empty, no full name); else
    None. A kunya or nickname in brackets is not counted as a name."""
    first = (values.get("first_name") or "").strip()
    if not first or (values.get("full_name") or "").strip():
        return None
    if any((values.get(part) or "").strip() for part in _OTHER_PARTS[:2]):
        return None
    words = name_words(strip_asides(first))
    if len(words) < WHOLE_NAME_WORDS:
        return None
    family = (values.get("family_name") or "").strip()
    if family and not (is_tribe_name(family) or _same_family_word(words[-1], family)):
        # «حمزة فراس الخطيب» | «عفادلة» is the whole name, the family's cell the tribe's, and
        # «… الخطيب» | «الخطيب» the family again (issue 15, set 18's register of those ISIS
        # abducted). Any other family cell is the list's own: «محمد أحمد الحلبي» | «الخطيب» and
        # «عبد الرحمن محمد الأمين» | «الحسن» are kept as written, not read without the family
        # name the list gives (a last word with the article is as often a double name's or the
        # father's family's as the person's).
        return None
    return first


def _same_family_word(word: str, family: str) -> bool:
    """Whether the family's cell repeats ``word`` (the first cell's last word), the article, the
    hamza's seat and a final ة/ه aside (their search forms)."""
    return _without_article(normalise_arabic(word)) == _without_article(
        normalise_arabic(family.strip())
    )


def _lineage_in_first_cell(values: Mapping[str, str]) -> Mapping[str, str] | None:
    """``values`` with a first-name cell that chains the father's and grandfather's names by
    «بن» (``names.lineage_chain``: «حسن بن أيمن» under «الاسم», a property register copying the
    title deed) read into those cells, when they are empty and there is no full name; else None."""
    first = (values.get("first_name") or "").strip()
    if not first or (values.get("full_name") or "").strip():
        return None
    if (values.get("father_name") or "").strip() or (values.get("grandfather_name") or "").strip():
        return None
    chain = lineage_chain(first)
    if chain is None or len(chain) > 3:
        return None
    parts = dict(zip(("first_name", "father_name", "grandfather_name"), chain, strict=False))
    return {**values, **parts}


def lineage_in_father_cell(values: Mapping[str, str]) -> Mapping[str, str] | None:
    """``values`` with a father's-name cell that holds two names read as the father's and the
    grandfather's, when the grandfather's cell is empty; else None. A resettlement or asylum
    form's middle-name box takes the names that come between the person's and the family's,
    «Khaled Ahmad» (خالد أحمد: the father, then his father), as «الاسم الثلاثي» chains them
    without «بن» (``_lineage_in_first_cell`` reads the chain a deed writes with it). A compound
    (Abdel Karim, عبد القادر) is one name (``names.name_words``); a second word with the article
    ("Ahmad Al-Hamwi") is the father's family name, not his father's. Read with less
    confidence than a deed's «بن»: the cell read whole is compared too
    (``features.FATHER_LINEAGE_ODDS``), for a double name of one man («محمد نور»)."""
    father = strip_asides((values.get("father_name") or "").strip())
    if not father or " " not in father or (values.get("grandfather_name") or "").strip():
        return None
    words = name_words(father)
    if len(words) != 2 or any(has_article(word) for word in words):
        return None
    if any(len(word) < LINEAGE_NAME_LETTERS for word in words):
        # «ما زن», «مح مد»: one name OCR cut in two, not two names.
        return None
    if words[1].startswith(("ال", "ٱل")):
        # «عند الله», «نور الدن»: a compound whose first half a copyist or OCR damaged (no given
        # name of a father's father begins with the article).
        return None
    return {**values, "father_name": words[0], "grandfather_name": words[1]}


# The fewest letters of a name read as a father's or grandfather's in a father's cell.
LINEAGE_NAME_LETTERS = 3

# The second halves of the usual double given names that open with محمد («محمد خير», «محمد نور»,
# "Mhd Kheir"), in Arabic letters (search form) and in the Latin spellings a form gives them.
# Spelt out, not keyed: the key of أمين is أيمن's, of سعيد سعد's, of بشير بشار's, of رضا رعد's,
# and "Mohammad Ayman" in a middle-name box is a father and his father.
_DOUBLE_SECOND_ARABIC = frozenset(
    normalise_arabic(word)
    for word in (
        *("خير", "نور", "علي", "على", "سعيد", "أمين", "الأمين"),
        *("عيد", "ديب", "بشير", "رضا", "رضى", "فؤاد", "فواد"),
    )
)
_DOUBLE_SECOND_LATIN = re.compile(
    r"(?:kh|ch|x)(?:e|a|i|ai|ei|ay|ey|ie|ee|ae)r"  # خير: Kheir, Khair, Khayr, Kher, Khir
    r"|n(?:ou|u|oo|o)r"  # نور: Nour, Nur, Noor
    r"|al(?:i|y|ee|ey)"  # علي: Ali, Aly
    r"|sa(?:e|a)?(?:i|ee|ie|ei|ii)d"  # سعيد: Said, Saeed, Saied (not Saad, Sayed)
    r"|(?:al-?|el-?)?am(?:i|ee|ie|ei)ne?"  # أمين: Amin, Ameen, Al-Amin (not Ayman)
    r"|e(?:i|e|y)d"  # عيد: Eid, Eed
    r"|d(?:i|ee|ie|ei|y)b"  # ديب: Dib, Deeb, Deib
    r"|b[ae](?:sh|ch)(?:i|ee|ie|ei|y)r"  # بشير: Bashir, Basheer, Bachir (not Bashar)
    r"|r[ie](?:d|dh|th|z)h?aa?"  # رضا: Reda, Rida, Ridha, Riza
    r"|f(?:ou|u|o)a{1,2}d|f[ao]wad",  # فؤاد: Fouad, Fuad, Fawad
)


def usual_double_second(word: str) -> bool:
    """Whether ``word`` is the second half of a usual double given name opening with محمد
    (``_DOUBLE_SECOND_ARABIC``, ``_DOUBLE_SECOND_LATIN``): «محمد خير» in a father's cell is one
    man's name more often than محمد son of خير, "Mohammad Ahmad" a father and his father."""
    if word[:1].isascii():
        latin = re.sub(r"['’`ʿʾ]", "", word.lower())
        return _DOUBLE_SECOND_LATIN.fullmatch(latin) is not None
    return normalise_arabic(word) in _DOUBLE_SECOND_ARABIC


# (``problems.ILLEGIBLE_NAME``: a name the record says could not be read or is not known.)
# … and such words, or marks alone («؟؟», «...»), standing for one name among others in a cell:
# «نزار ماهر [ممزق]», «منذر غير واضح المصري», as security-branch registers copied out of PDFs
# write a name lost on a torn or burnt page (issue 15, set 14). Not «مجهول الهوية» ("identity
# unknown", a body's register): that is no name with one part lost.
# (Possessive runs of marks: a long one is read at once, never backtracked over.)
_UNREAD_IN_NAME = re.compile(
    rf"(?<!\S)(?:[^\w\s]*+{UNREAD_WORDS}[^\w\s]*+|(?=[^\w\s]*?(?:[؟?]|\.\.|…))[^\w\s]++)"
    r"(?!\S)(?!\s+(?:ال)?(?:هوي[ةه]|اسم))",
    re.IGNORECASE,
)
_NAME_CELLS = ("first_name", "father_name", "grandfather_name", "family_name", "mother_name")


@lru_cache(maxsize=100_000)
def _illegible(text: str) -> bool:
    """Whether a name cell says it could not be read (``ILLEGIBLE_NAME``): asked of every name
    cell of every record several times over, and cells repeat."""
    return ILLEGIBLE_NAME.fullmatch(text) is not None


@lru_cache(maxsize=100_000)
def _read_cell(text: str, full: bool) -> str:
    """A name cell's text as ``read_name_cells`` reads it (``full``: the full name's cell)."""
    text = sorani_as_arabic(glyphs_as_letters(text))
    if _illegible(text):
        return ""
    if _UNREAD_IN_NAME.search(text) is None:
        return text
    if not full:
        # One name's cell: what it could not read is no part of the name it gives.
        return " ".join(_UNREAD_IN_NAME.sub(" ", text).split())
    # In a full name, a word in its place (``names.UNREAD_NAMES``): the other names keep theirs,
    # and the name it stands for is compared as missing (``ILLEGIBLE_NAME``), a first name as
    # one no one else has (``features._features``).
    unread = UNREAD_NAME_LATIN if text.isascii() else UNREAD_NAME
    return " ".join(_UNREAD_IN_NAME.sub(f" {unread} ", text).split())


def _rank_words(text: str) -> list[str]:
    """The words of a rank as compared with a name cell's first words: hamza, case and the
    article do not matter («مجند احتياطي» is «المجند الاحتياطي»), but a name word without the
    article is no rank written with one (``_is_rank_head``)."""
    return normalise_arabic(text).lower().replace(".", " ").replace(",", " ").split()


def _without_article(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _is_rank_head(words: list[str], rank_words: list[str]) -> bool:
    """Whether a name cell's first ``words`` write the rank ``rank_words`` (``_rank_words``): the
    same words, the article aside, except that a word without it is a name, not the rank written
    with it (rank «الرائد», name «رائد محمد الخالد»: Raed)."""
    return len(words) == len(rank_words) and all(
        _without_article(word) == _without_article(rank)
        and (word != _without_article(word) or rank == _without_article(rank))
        for word, rank in zip(words, rank_words, strict=True)
    )


@lru_cache(maxsize=100_000)
def _without_rank(text: str, rank: str, full: bool) -> str:
    """A name cell's text without the record's own rank (``RANK_COLUMN``) written before the
    name, and a rank's qualifier after it («أول», «الاحتياطي», ``translit.is_rank_qualifier``)
    where a name is left after it (``full``: a full name of two words at least, a first name's
    cell one: «المجند ثاني الخالد» is ثاني الخالد); no name where the cell is only the rank;
    ``text`` as it is where it does not begin with the rank, where the rank cell is a given
    name («سامر», ``names.is_given_name_spelling``) or where no name would be left."""
    rank_words = _rank_words(rank)
    words = text.split()
    if (
        not rank_words
        or not _is_rank_head(_rank_words(" ".join(words[: len(rank_words)])), rank_words)
        or is_given_name_spelling(rank.strip())
    ):
        return text
    least = 2 if full else 1
    rest = words[len(rank_words) :]
    if all(is_rank_qualifier(word) for word in rest):
        # «المساعد أول» and nothing else: the rank, no name.
        return ""
    while rest and is_rank_qualifier(rest[0]) and len(name_words(" ".join(rest[1:]))) >= least:
        rest = rest[1:]
    return " ".join(rest) if len(name_words(" ".join(rest))) >= least else text


def rank_in_row(raw: Mapping[str, Any]) -> str:
    """The rank a stored row (``SourceRecord.raw``, keyed by the file's own headers) gives in a
    rank column (``RANK_ALIASES``), or '': the registry keeps no rank field, its matching reads
    the rank from the row as ``mizan link`` reads it from the list."""
    return column_in_row(raw, RANK_COLUMN)


def column_in_row(raw: Mapping[str, Any], column: str) -> str:
    """What a stored row (``SourceRecord.raw``, keyed by the file's own headers) gives in the
    column ``mizan link`` reads as ``column`` (``RANK_COLUMN``, ``ORIGIN_COLUMN``,
    ``RESIDENCE_COLUMN``: columns the registry keeps no field for), or ''."""
    header = _column_header(tuple(str(key) for key in raw), column)
    value = raw.get(header) if header is not None else None
    return str(value).strip() if value else ""


def list_column(header: str) -> str | None:
    """The column ``mizan link`` reads a list's ``header`` as (one of ``HEADERS``, or a column of
    its own: ``RANK_COLUMN``, ``AGE_COLUMN`` …), or None for a header it does not read."""
    return _ALIASES.get(_header_key(header))


@lru_cache(maxsize=256)
def _column_header(headers: tuple[str, ...], column: str) -> str | None:
    """The header of a list's ``column``: read once per list's header, not per record."""
    return next((h for h in headers if _ALIASES.get(_header_key(h)) == column), None)


def without_rank(text: str, rank: str) -> str:
    """A full name without its record's own ``rank`` written before it (``_without_rank``), as
    the registry's import reads it into its parts."""
    return _without_rank(text, rank, True) if rank and text else text


# A married woman's family name before her marriage written in her full name after «née», as
# French and English lists write it, or «geb.» (geboren) as German ones do: "Marie HADDAD née
# KHOURY" is listed under her husband's family name, HADDAD; KHOURY is her maiden name
# (``MAIDEN_NAME_COLUMN``), up to the end of the name or a comma.
_BORN_NAME = re.compile(
    r"\s(?:n[ée]e|geb\.|geborene)\s+([^\s,،][^,،]*?)\s*(?=,|،|$)", re.IGNORECASE
)


def read_name_cells(values: Mapping[str, str]) -> Mapping[str, str]:
    """``values`` with its name cells read as written, not as they were laid out: a name cell
    that says it could not be read or gives no name (``ILLEGIBLE_NAME``), a maiden name's too,
    empty; a name that a cell could not give among others («نزار ماهر [ممزق]») left out of its
    cell, or in a full name, ``names.UNREAD_NAME`` in its place; the glyphs a PDF's text layer holds
    read as letters (``glyphs_as_letters``: ﻣﺤﻤﺪ is محمد); the record's own rank
    (``RANK_COLUMN``) written again before the name left out of it;
    a maiden name written in the full name after «née» (``_BORN_NAME``) moved to its own
    cell; and a whole name typed into the first-name cell read as the full name
    (``whole_name_in_first_cell``): its parts are then found as in any full name, instead of
    the first name being compared as one long word. Other records are returned as they are."""
    read: dict[str, str] | None = None
    rank = values.get(RANK_COLUMN)
    for cell in (*_NAME_CELLS, "full_name", MAIDEN_NAME_COLUMN):
        text = values.get(cell)
        if not text:
            continue
        new = _read_cell(text, cell == "full_name")
        if rank and cell in ("full_name", "first_name"):
            new = _without_rank(new, rank, cell == "full_name")
        if new != text:
            read = read if read is not None else {}
            read[cell] = new
    if read is not None:
        values = {**values, **read}
    full = values.get("full_name")
    split = mother_in_full_name(full) if full else None
    if split is not None:
        # «أحمد العلي والدته لينا»: the name, and the mother where her own cell gives none.
        name, mother = split
        values = {**values, "full_name": name}
        if not (values.get("mother_name") or "").strip():
            values["mother_name"] = mother
    full = values.get("full_name") or ""
    # (A name in Arabic letters is none: most records, told before the search.)
    born = _BORN_NAME.search(full) if full and not "\u0600" <= full[0] <= "\u06ff" else None
    if born is not None and born.start() > 0:
        # «Marie HADDAD née KHOURY»: the name she is listed under, and her maiden name.
        values = {
            **values,
            "full_name": full[: born.start()].rstrip(),
            MAIDEN_NAME_COLUMN: values.get(MAIDEN_NAME_COLUMN) or born.group(1).strip(),
        }
    lineage = _lineage_in_first_cell(values)
    if lineage is not None:
        return lineage
    whole = whole_name_in_first_cell(values)
    if whole is None:
        return values
    moved = dict(values)
    moved["first_name"] = ""
    moved["family_name"] = ""
    moved["full_name"] = whole
    return moved


# The mother named inside the name's cell, after the name, as a court's hearing roll or a
# security branch's list writes a defendant or a detainee («محمد أحمد الخطيب والدته فاطمة»,
# «… والدتها …», «… أمه …»; issue 15, set 17's court roll): «والدته» ("his mother") and what
# follows it are hers, the words before it his. A letter dropped in copying («والدت») or a dot
# misread («والذته») is the same word; in the name cell not «والده» ("his father": «محمد والده
# أحمد العلي» is no mother), although a mother's own cell writes her so (ة typed ه). «امه» only
# before a name without the article: «أمه الله» is أمة الله, a woman's own name.
# «والدته» / «والدتها» / «الوالدة» ("his/her mother", "the mother") before the mother's name, and
# «امه» / «أمها» ("his/her mother") as a hand-copied register writes it (issue 15, set 8).
_MOTHER_WORD = r"(?:(?:ال)?وال[دذ](?:{ending}|[تث](?:ه|ها)?)|[اأإ]م(?:ه|ها)(?!\s+ال))\s*[:：]?\s+"
# The word at the start of a mother's cell («والدته فاطمة», «والده فاطمة»), and after the
# person's name in a full name cell («وليد أيمن الأحمد والدته زينب», ``mother_in_full_name``).
MOTHER_WORD_BEFORE = re.compile(r"^\s*" + _MOTHER_WORD.format(ending="[ةه]"))
_MOTHER_IN_NAME = re.compile(r"(?<=\S)\s+" + _MOTHER_WORD.format(ending="ة") + r"(?=\S)")


@lru_cache(maxsize=100_000)
def mother_in_full_name(text: str) -> tuple[str, str] | None:
    """A full name cell that names the mother after the person (``_MOTHER_IN_NAME``) read as the
    person's name and the mother's, each without the other («وليد أيمن الأحمد والدته زينب»:
    «وليد أيمن الأحمد» and «زينب»); None for a cell without her. A nickname after either
    («… والدته رنا الملقب أبو محمد») stays with the name, where ``strip_asides`` sets it apart."""
    if "ال" not in text and "م" not in text:
        return None
    match = _MOTHER_IN_NAME.search(text)
    if match is None:
        return None
    # «محمد أحمد العلي، والدته: فاطمة»: the comma before her closes his name (left on it, it
    # would read the cell as "FAMILY, First").
    name = text[: match.start()].strip().rstrip("،,;:-–").strip()
    mother = text[match.end() :].strip()
    aside = strip_asides(mother)
    if aside != mother.strip():
        # The nickname written after the mother is his: it goes back with his name.
        name = f"{name} {mother[len(aside) :].strip()}" if mother.startswith(aside) else name
        mother = aside
    if not name or not mother:
        return None
    return name, mother


_NAME_HEADERS = ("full_name", "first_name", "family_name")
_MAX_REPORTED = 50


class ListError(Exception):
    """A list cannot be read; ``problems`` has one line per problem, with file and line."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:_MAX_REPORTED]
        more = len(self.problems) - len(shown)
        text = "\n".join(shown) + (f"\n… and {more} more problems" if more > 0 else "")
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One row of a list: its source (file stem), record id, line and values by header name.

    The cells are kept as a tuple beside the list's shared tuple of header names, and repeated
    cell values are stored once: a million-row list then fits in a few hundred megabytes.
    """

    source: str
    record_id: str
    line: int
    names: tuple[str, ...]
    cells: tuple[str, ...]

    @property
    def values(self) -> dict[str, str]:
        return dict(zip(self.names, self.cells, strict=True))


def _header_key(text: str) -> str:
    folded = normalise_arabic(text.replace("\ufeff", "")).lower()
    return "_".join(folded.replace("-", " ").replace("_", " ").split())


AGE_COLUMN = "age_at_arrest"
"""A column read by ``mizan link`` only (not a field of the registry): the age at arrest, which
many lists give instead of the year of birth; the comparison takes the year of arrest less it."""
AGE_ALIASES: tuple[str, ...] = ("age", "age at arrest", "العمر", "العمر عند الاعتقال", "السن")

AGE_YEAR_COLUMN = "age_year"
"""A column read by ``mizan link`` only: when the age was given (a relative's post or message,
«تاريخ النشر»), whose year less the age is the year of birth, however long after the arrest."""
AGE_YEAR_ALIASES: tuple[str, ...] = (
    "posted",
    "date posted",
    "posted on",
    "post date",
    "date of post",
    "تاريخ النشر",
    "تاريخ المنشور",
)

ESTIMATED_AGE_COLUMN = "estimated_age"
"""A column read by ``mizan link`` only: an age estimated, not known — a forensic team's age at
death of remains («25-35», «30-45 سنة»), a witness's «حوالي 30» — at or a few years after the
arrest; the comparison reads it against the other record's years of birth and arrest."""
ESTIMATED_AGE_ALIASES: tuple[str, ...] = (
    "estimated age",
    "age range",
    "estimated age range",
    "age estimate",
    "العمر التقديري",
    "العمر المقدر",
    "الفئة العمرية",
)
MAIDEN_NAME_COLUMN = "maiden_name"
"""A column read by ``mizan link`` only: a married woman's family name before her marriage,
which a North-American or European form asks for beside the family name she is registered
under, her husband's. A Syrian list writes her under her father's family name: the engine
compares her under both (``features.MAIDEN_NAME_ODDS``)."""
MAIDEN_NAME_ALIASES: tuple[str, ...] = (
    "maiden name",
    "maiden family name",
    "birth name",
    "name at birth",
    "née",
    "nee",
    "nom de jeune fille",
    "nom de naissance",
    "geburtsname",
    "apellido de soltera",
    "cognome da nubile",
    "meisjesnaam",
    "الكنية قبل الزواج",
    "كنية الزوجة قبل الزواج",
    "اسم العائلة قبل الزواج",
)

ORIGIN_COLUMN = "origin"
"""A column read by ``mizan link`` only: the town or village the family comes from, which a
Palestinian group's list of the camps in Syria gives beside the camp («البلدة الأصلية»: لوبية،
صفورية، ترشيحا). Such lists often write the village's nisba in the family name's place
(«اللوباني» for a family from لوبية): a family name that is the nisba of a village these columns
name may be no family name at all (``features.ListVocabulary.village_nisba``)."""
ORIGIN_ALIASES: tuple[str, ...] = (
    "village of origin",
    "town of origin",
    "place of origin",
    "origin village",
    "home village",
    "village d'origine",
    "البلدة الأصلية",
    "القرية الأصلية",
    "البلد الأصلي",
    "بلدة الأصل",
    "قرية الأصل",
    "مكان الأصل",
)

RESIDENCE_COLUMN = "residence"
"""A column read by ``mizan link`` only: the town the person lived in, which a register of the
detained gives where it asks no place of birth («مكان الإقامة»: a women's network's register,
issue 15, set 18). Only the civil register's words for the family's place of residence
(«مكان الإقامة», «محل الإقامة»), which is mostly the family's town: compared as the place of
birth where the record gives none, loosely (``features``: another town of the same governorate
is no evidence), when it is a Syrian town and no camp (``features.home_residence``), and never a
blocking key. Not «مكان السكن», "place of residence" or a current residence («السكن الحالي»):
a displaced people's or a diaspora's list means by them where the family lives now (Gaziantep,
a camp), which says nothing of where it is from."""
RESIDENCE_ALIASES: tuple[str, ...] = (
    "مكان الإقامة",
    "محل الإقامة",
)
# A place of residence compared as the place of birth, as ``engine.score_pair``'s explanation
# shows it; the review translates the words (``missing.review.queries``).
RESIDENCE_SHOWN = "{place} (place of residence)"

RANK_COLUMN = "rank"
"""A column read by ``mizan link`` only: the rank of a soldier or an officer, which an army
unit's or a defected officers' sheet keeps in its own column and often writes again before the
name («المجند الاحتياطي صلاح محمد نادر الاحمد», rank «المجند الاحتياطي»): there the words that
repeat the record's own rank are no part of the name (``read_name_cells``)."""
RANK_ALIASES: tuple[str, ...] = (
    "military rank",
    "الرتبة",
    "الرتبة العسكرية",
    "رتبة",
)

# («العمر التقريبي», a witness's «حوالي 30» in the year they saw the person, years after the
# arrest — set 5's testimonies — is not read as one: the age would lie years past the range.)

_ALIASES: dict[str, str] = {
    **{_header_key(name): name for name in HEADERS},
    **{_header_key(alias): name for name, aliases in HEADER_ALIASES.items() for alias in aliases},
    **{_header_key(alias): AGE_COLUMN for alias in (AGE_COLUMN, *AGE_ALIASES)},
    **{_header_key(alias): AGE_YEAR_COLUMN for alias in (AGE_YEAR_COLUMN, *AGE_YEAR_ALIASES)},
    **{
        _header_key(alias): ESTIMATED_AGE_COLUMN
        for alias in (ESTIMATED_AGE_COLUMN, *ESTIMATED_AGE_ALIASES)
    },
    **{
        _header_key(alias): MAIDEN_NAME_COLUMN
        for alias in (MAIDEN_NAME_COLUMN, *MAIDEN_NAME_ALIASES)
    },
    **{_header_key(alias): RANK_COLUMN for alias in (RANK_COLUMN, *RANK_ALIASES)},
    **{_header_key(alias): ORIGIN_COLUMN for alias in (ORIGIN_COLUMN, *ORIGIN_ALIASES)},
    **{_header_key(alias): RESIDENCE_COLUMN for alias in (RESIDENCE_COLUMN, *RESIDENCE_ALIASES)},
}


MAX_BYTES = 1 << 30
"""Largest list read (1 GiB, some 30 million rows): a larger file is refused with a message
rather than exhausting the machine's memory half-way through."""


def _decode(path: Path, problems: list[str]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.append(
                f"{path}: is {size / (1 << 30):.1f} GiB; lists larger than"
                f" {MAX_BYTES >> 30} GiB are not read — split it into several files"
            )
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            sample = data.decode("cp1256")
            if any("\u0621" <= char <= "\u064a" for char in sample):
                hint = " It looks like Windows-1256 (Arabic Windows)"
        except UnicodeDecodeError:
            pass
        problems.append(
            f"{path}: is not UTF-8 (byte {exc.start} cannot be read).{hint} "
            "Save it as “CSV UTF-8” and run again; nothing was written."
        )
        return None


def _read_one(path: Path, problems: list[str]) -> list[SourceRecord]:
    text = _decode(path, problems)
    if text is None:
        return []
    if "\x00" in text:
        problems.append(f"{path}: contains NUL bytes; is it really a CSV file?")
        return []
    # Strict: a quote never closed would otherwise swallow every following line into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        problems.append(f"{path}: is empty (no header row)")
        return []
    except csv.Error as exc:
        problems.append(f"{path}, line 1: {exc}")
        return []
    columns: list[str | None] = [_ALIASES.get(_header_key(raw)) for raw in header]
    resolve_fallbacks(columns, header, _header_key)
    resolve_bare_name(columns, header, _header_key)
    for index, (raw, name) in enumerate(zip(header, columns, strict=True)):
        if name is not None and name in columns[:index]:
            problems.append(f"{path}, line 1: column “{raw}” repeats “{name}”")
    if "record_id" not in columns:
        problems.append(f"{path}, line 1: no record_id column (رقم السجل)")
    if not any(name in columns for name in _NAME_HEADERS):
        problems.append(f"{path}, line 1: no name column (full_name, first_name or family_name)")
    if "record_id" not in columns or not any(name in columns for name in _NAME_HEADERS):
        return []
    records: list[SourceRecord] = []
    seen: dict[str, int] = {}
    source = path.stem
    names = tuple(name for name in columns if name is not None)
    interned: dict[str, str] = {}
    line = reader.line_num
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append(
                    f"{path}, line {line}: {len(row)} cells where the header has {len(header)}"
                    " (merged or split cells?)"
                )
                continue
            values: dict[str, str] = {}
            for name, cell in zip(columns, row, strict=True):
                if name is None:
                    continue
                if has_bidi_controls(cell):
                    problems.append(
                        f"{path}, line {line}: {name} contains invisible direction-control"
                        " characters (bidi); remove them and run again"
                    )
                values[name] = cell.strip()
            record_id = to_ascii_digits(values.get("record_id", ""))
            if not record_id:
                problems.append(f"{path}, line {line}: record_id is empty")
                continue
            if record_id in seen:
                problems.append(
                    f"{path}, line {line}: record_id “{record_id}” already used on line"
                    f" {seen[record_id]}"
                )
                continue
            seen[record_id] = line
            if not any(values.get(name) for name in (*_NAME_HEADERS, "father_name")):
                problems.append(f"{path}, line {line}: record “{record_id}” has no name")
            cells = tuple(interned.setdefault(values[name], values[name]) for name in names)
            records.append(SourceRecord(source, record_id, line, names, cells))
    except csv.Error as exc:
        problems.append(csv_error(path, line + 1, reader.line_num, exc))
        return []
    return records


def csv_error(path: Path, start: int, end: int, exc: csv.Error) -> str:
    """A CSV syntax error in words, at the line where the faulty row starts."""
    if "unexpected end of data" in str(exc):
        return (
            f'{path}, line {start}: a quoted field (") opened on this line is never closed;'
            " everything to the end of the file would be read as one cell. Close the quote"
            " and run again"
        )
    return f"{path}, line {max(start, end)}: {exc}"


def read_lists(paths: Iterable[Path]) -> list[SourceRecord]:
    """Read and check every list; return all records, or raise ``ListError`` with every problem."""
    problems: list[str] = []
    records: list[SourceRecord] = []
    sources: dict[str, Path] = {}
    for path in paths:
        if path.stem in sources:
            problems.append(
                f"{path}: the source name “{path.stem}” is already taken by {sources[path.stem]};"
                " rename one of the files"
            )
            continue
        sources[path.stem] = path
        records.extend(_read_one(path, problems))
    if problems:
        raise ListError(problems)
    return records


def _write_atomically(path: Path, rows: Iterable[Sequence[object]]) -> None:
    """Write CSV rows to ``path`` through a temporary file renamed at the end."""
    directory = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, renamed or deleted
        "w", encoding="utf-8", newline="", dir=directory, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            # Opened in spreadsheets: record ids, source names and values that look like
            # formulas are neutralised by the one export helper (plain Python, like this module).
            writer = spreadsheet_csv(handle)
            writer.writerows(rows)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def write_clusters(
    path: Path,
    records: Sequence[SourceRecord],
    clusters: Sequence[int],
    extra: dict[str, Sequence[object]] | None = None,
) -> None:
    """Write ``source,record_id,cluster_id`` (plus ``extra`` columns) atomically to ``path``."""
    extra = extra or {}
    header: list[object] = ["source", "record_id", "cluster_id", *extra]
    rows = (
        [
            record.source,
            record.record_id,
            clusters[index],
            *(column[index] for column in extra.values()),
        ]
        for index, record in enumerate(records)
    )
    _write_atomically(path, itertools.chain([header], rows))


PROBLEM_COLUMNS: tuple[str, ...] = (
    "source", "record_id", "line", "cluster_id", "field", "problem", "value", "explanation",
)  # fmt: skip


def problems_path(clusters_path: Path) -> Path:
    """Where the problems file of a clusters file goes: ``X.csv`` → ``X.problems.csv``."""
    return clusters_path.with_name(f"{clusters_path.stem}.problems.csv")


def write_problems(path: Path, records: Sequence[SourceRecord], clusters: Sequence[int]) -> int:
    """Write every implausible value of ``records`` (``problems.record_problems``), one row per
    value, atomically to ``path`` (the header alone when there is none); return how many. A
    list's years of birth of two digits are judged as the engine reads them
    (``problems.two_digit_year_lists``): years in a list of years, not in a list of ages; and
    a list's Hijri dates without their «هـ» as Hijri (``problems.hijri_lists``)."""
    count = 0
    years = two_digit_year_lists((r.values for r in records), (r.source for r in records))
    hijri = hijri_lists((r.values for r in records), (r.source for r in records))

    def rows() -> Iterable[Sequence[object]]:
        nonlocal count
        yield PROBLEM_COLUMNS
        for index, record in enumerate(records):
            values = record.values
            if record.source in years:
                values = {**values, TWO_DIGIT_YEARS: "1"}
            if record.source in hijri:
                values = {**values, HIJRI_LIST: "1"}
            for problem in record_problems(values):
                count += 1
                yield (
                    record.source,
                    record.record_id,
                    record.line,
                    clusters[index],
                    problem.field,
                    problem.code,
                    problem.value,
                    PROBLEM_TEXTS[problem.code],
                )

    _write_atomically(path, rows())
    return count
