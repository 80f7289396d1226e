"""Implausible values in a person record: evidence to flag, never a reason to refuse a list.

Lists read from scanned documents carry OCR'd digits (a birth year ``1470`` or ``7992``, an
arrest in ``1012``, a national number with a letter in it). An officer cannot clean thousands of
rows by hand before linking, so ``mizan link`` and the review screen flag such values per record
(``record_problems``) and the comparison treats them as missing (``features.record_features``)
or reads their digits the way OCR confuses them (``ocr_digits``: O/0, l/1, S/5, B/8, ه/٥ …).
Only structural faults refuse a list (``lists.read_lists``).

Plain Python: the codes are stable words; ``mizan link`` writes them with an English text, the
review screen translates them (``mizan.missing.review.labels``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from mizan.text import to_ascii_digits
from mizan.text.dates import HijriDate, hijri_date_in, spreadsheet_day_date

__all__ = [
    "HIJRI_LIST",
    "PROBLEM_TEXTS",
    "SCIENTIFIC_NUMBER",
    "TWO_DIGIT_YEARS",
    "YEAR_RANGE",
    "RecordProblem",
    "age_in_birth_cell",
    "hijri_lists",
    "mark_two_digit_years",
    "national_id_digits",
    "ocr_digits",
    "plausible_age_at_arrest",
    "plausible_year",
    "record_problems",
    "two_digit_birth_year",
    "two_digit_year_lists",
    "written_hijri",
    "written_year",
]

# The earliest birth year taken as real, and the latest (this year): outside it a year is a
# misreading, compared as missing.
YEAR_RANGE: tuple[int, int] = (1900, date.today().year)  # noqa: DTZ011 - a calendar year
NATIONAL_ID_LENGTH = 11

# Characters OCR (or a hurried typist) puts where a digit was: Latin letters of the same shape,
# and the Arabic letters that look like Arabic-Indic digits (ه/٥, ا/١).
_OCR_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "l": "1",
        "I": "1",
        "i": "1",
        "|": "1",
        "Z": "2",
        "z": "2",
        "S": "5",
        "s": "5",
        "G": "6",
        "b": "6",
        "T": "7",
        "B": "8",
        "g": "9",
        "q": "9",
        "\u0647": "5",  # ه looks like ٥
        "\u0627": "1",  # ا looks like ١
        "\u0623": "1",
        "\u0625": "1",
        "\u00b7": "0",  # a middle dot for ٠
    }
)

_YEAR = re.compile(r"\d{4}")


def ocr_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits as ASCII and letters misread for digits turned back."""
    return to_ascii_digits(text).translate(_OCR_DIGITS)


def plausible_year(year: int | None, low: int | None = None) -> bool:
    start, end = YEAR_RANGE
    return year is not None and (low or start) <= year <= end


# The youngest and oldest age at arrest taken as real: a year of birth giving another age is a
# misreading (1976 OCR'd as 1915, the year of arrest typed under the year of birth), compared
# as missing (s1-7).
AGE_AT_ARREST: tuple[int, int] = (10, 85)


def plausible_age_at_arrest(birth: int, arrest: int) -> bool:
    """Whether one born in ``birth`` is of an age to be arrested in ``arrest``."""
    youngest, oldest = AGE_AT_ARREST
    return youngest <= arrest - birth <= oldest


# A Gregorian year where a year of birth, arrest or post may stand (1800–2099): what the
# comparison reads (``written_year`` with ``plausible``); ``record_problems`` judges any four
# digits (``_YEAR``).
_LIKELY_YEAR = re.compile(r"1[89]\d\d|20\d\d")


# What a Hijri date needs to be looked for: its marker («هـ», "AH") or a year of four digits
# from 13xx or 14xx (a Hijri date in digits or with its month's name, «12/3/1434», «رجب 1434»).
_MAYBE_HIJRI = re.compile(r"ه|h|(?<!\d)1[34]\d\d(?!\d)", re.IGNORECASE)


@lru_cache(maxsize=20_000)
def _year_read(
    text: str, plausible: bool, hijri_list: bool = False
) -> tuple[int | None, HijriDate | None]:
    ascii_text = to_ascii_digits(text)
    hijri = hijri_date_in(ascii_text, hijri_list) if _MAYBE_HIJRI.search(ascii_text) else None
    rest = ascii_text
    if hijri is not None:
        rest = f"{ascii_text[: hijri.start]} {ascii_text[hijri.end :]}"
    match = (_LIKELY_YEAR if plausible else _YEAR).search(ocr_digits(rest))
    year = int(match.group(0)) if match else None
    if not plausible:
        return (year, None) if year is not None else (hijri.year if hijri else None, hijri)
    if plausible_year(year):
        return year, None
    if hijri is not None and plausible_year(hijri.year):
        return hijri.year, hijri
    return None, None


def written_year(text: str, *, plausible: bool = False, hijri_list: bool = False) -> int | None:
    """The year a cell writes, choosing between a Gregorian and a Hijri year: the Gregorian year
    (four digits, with OCR's digit-shaped letters read back, ``ocr_digits``) before a Hijri date
    written beside it («1985 م الموافق 1405 هـ»: 1985), else the Gregorian year that holds most
    of the Hijri date's days («1405 هـ»: 1985, «12/5/1434 هـ»: 2013; ``written_hijri``), else
    None. Without ``plausible``, the first four digits, whatever year they make
    (``record_problems`` flags an OCR'd 1470 or 7992); with it, only a year in ``YEAR_RANGE``
    (the comparison's: 1470 beside «1405 هـ» gives 1985, and alone None). In a list that dates
    in Hijri (``hijri_list``), a Hijri date in digits needs no «هـ» («12/5/1434»)."""
    return _year_read(text, plausible, hijri_list)[0]


def written_hijri(text: str, hijri_list: bool = False) -> HijriDate | None:
    """The Hijri date whose Gregorian year ``written_year`` (``plausible``) reads in a cell — the
    Gregorian days it may be (``mizan.text.dates.HijriDate``) —, or None when the cell writes
    none or a Gregorian year beside it."""
    return _year_read(text, True, hijri_list)[1]


# A year of birth as Syrians say it, its last two digits alone: «85», «مواليد 85» ("born in
# 85"), "mwalid 82", «٨٥» (issue 15, set 10's hotline and Facebook lists).
_TWO_DIGIT_BIRTH = re.compile(
    r"^\s*(?:(?:مواليد|مواليد:|تولد|mwalid|mawalid|mawaleed|mwaleed|born)\s*)?(\d{2})\s*$",
    re.IGNORECASE,
)
# … «مواليد 85», «تولد 85» ("born in 85"): the word "born" says the two digits are the year, not
# an age, in any list (``features``, ``record_problems``), whatever the list's other cells say.
BORN_TWO_DIGITS = re.compile(r"^\s*(?:(?:من\s+)?مواليد|تولد|مولود[ةه]?)\s*[:：]?\s*\d\d\s*$")
# Two digits at or above this are 19xx, below it 20xx (a child born in 2005 is «05»).
TWO_DIGIT_CENTURY = 20


def two_digit_birth_year(text: str, arrest: int | None = None) -> int | None:
    """The year of birth a two-digit year gives («85» 1985, «مواليد 03» 2003), or None. A birth
    is never after the arrest (``arrest``, its year, if known): «15» of one arrested in 2013 is
    1915 (an age no one has at arrest, compared as missing), never 2015."""
    match = _TWO_DIGIT_BIRTH.match(to_ascii_digits(text))
    if match is None:
        return None
    value = int(match.group(1))
    year = (1900 if value >= TWO_DIGIT_CENTURY else 2000) + value
    return year - 100 if arrest is not None and year > arrest else year


# Set on a record (by ``mizan.linkage.engine``, and by ``lists.write_problems`` for the problems
# file) of a list whose two-digit years of birth are years («85», «مواليد 85»), not ages written
# in the column (a committee's «34»).
TWO_DIGIT_YEARS = "_two_digit_years"
# A list's two-digit values there are years when their median is at least this: ages at arrest
# are mostly under it, the years of birth of the detained above it (issue 15, sets 3 and 10).
TWO_DIGIT_YEAR_MEDIAN = 50


def two_digit_year_lists(records: Iterable[Mapping[str, str]], sources: Iterable[str]) -> set[str]:
    """The lists (of ``sources``, one per record) whose two-digit years of birth are years: the
    median of their two-digit values is ``TWO_DIGIT_YEAR_MEDIAN`` or more."""
    values: dict[str, list[int]] = {}
    for record, source in zip(records, sources, strict=True):
        text = record.get("birth_year") or ""
        if text and len(text) <= 12 and written_year(text, plausible=True) is None:
            year = two_digit_birth_year(text)
            if year is not None:
                values.setdefault(source, []).append(year % 100)
    marked = set()
    for source, found in values.items():
        found.sort()
        if found[len(found) // 2] >= TWO_DIGIT_YEAR_MEDIAN:
            marked.add(source)
    return marked


# Set on a record (by ``mizan.linkage.engine``, and by ``lists.write_problems`` for the problems
# file) of a list that dates in the Hijri calendar (a Sharia court's cases, a civil registry's
# extracts): its dates in digits with a year from 13xx or 14xx are Hijri without their «هـ»
# («12/5/1434»). Elsewhere such a date is OCR's misreading of a Gregorian one («01/07/1421» for
# 01/07/1971, issue 15, set 2's register), not a date.
HIJRI_LIST = "_hijri_list"
# A list dates in Hijri when at least this share of its records write a Hijri date with its
# marker or its month's name in their date of birth or arrest (set 14's court: a third).
HIJRI_LIST_SHARE = 0.05
HIJRI_LIST_RECORDS = 3
_DATE_CELLS = ("date_of_arrest", "birth_year")


def hijri_lists(records: Iterable[Mapping[str, str]], sources: Iterable[str]) -> set[str]:
    """The lists (of ``sources``, one per record) that date in Hijri: at least
    ``HIJRI_LIST_SHARE`` of their records (and ``HIJRI_LIST_RECORDS``) write a Hijri date with
    its «هـ» or its month's name."""
    shown: dict[str, int] = {}
    total: dict[str, int] = {}
    for record, source in zip(records, sources, strict=True):
        total[source] = total.get(source, 0) + 1
        if any(
            hijri_date_in(to_ascii_digits(record.get(cell) or "")) is not None
            for cell in _DATE_CELLS
        ):
            shown[source] = shown.get(source, 0) + 1
    return {
        s for s, n in shown.items() if n >= HIJRI_LIST_RECORDS and n >= HIJRI_LIST_SHARE * total[s]
    }


def mark_two_digit_years(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> list[Mapping[str, str]]:
    """``records``, those of a list whose two-digit years of birth are years
    (``two_digit_year_lists``) marked ``TWO_DIGIT_YEARS``; a list whose two-digit values are
    ages, or that writes none, is left as it is."""
    marked = two_digit_year_lists(records, sources)
    if not marked:
        return records if isinstance(records, list) else list(records)
    return [
        {**record, TWO_DIGIT_YEARS: "1"} if source in marked else record
        for record, source in zip(records, sources, strict=True)
    ]


# A national number a spreadsheet showed in scientific notation and a CSV export kept so
# («1.28446E+10»): its first digits only, the others lost. A spreadsheet also writes a long
# number as «9.99E+300» and a tiny one as «1.28446E-10»; neither is a national number's digits.
SCIENTIFIC_NUMBER = re.compile(r"\s*\d(?:[.,]\d+)?[eE][+-]?\d{1,3}\s*")


def national_id_digits(text: str) -> str:
    """The digits of a national number as written, with OCR letters read back as digits."""
    return re.sub(r"\D", "", ocr_digits(text))


@dataclass(frozen=True, slots=True)
class RecordProblem:
    """One implausible value: the field, a stable code (``PROBLEM_TEXTS``) and the value."""

    field: str
    code: str
    value: str


PROBLEM_TEXTS: dict[str, str] = {
    "birth_year_implausible": "birth year is not a plausible year; compared as missing",
    "birth_year_unreadable": "birth year cannot be read as a year; compared as missing",
    "birth_year_age": ("birth year is a number of two digits, an age: read as the age at arrest"),
    "arrest_date_implausible": "date of arrest has no plausible year; compared as missing",
    "arrest_date_day_number": (
        "date of arrest is a spreadsheet's day number; read as the date it stands for"
    ),
    "arrest_before_birth": "date of arrest is before the birth year",
    "national_id_malformed": "national number is not 11 digits; compared digit by digit",
    "national_id_letters": "national number has letters where digits belong; read as digits",
    "national_id_rounded": (
        "national number in a spreadsheet's scientific notation, its last digits lost;"
        " compared as missing"
    ),
    "posted_date_unreadable": (
        "date posted has no year that can be read (a two-digit year, a spreadsheet's day"
        " number?); the age is not counted from it"
    ),
}

# A value the record says could not be read or is not known: «(غير مقروء)», «غير واضح»,
# "(illegible)", or only marks («؟», «...», "?", "-"): a value not given («غير» alone would be a
# brother's name). (One run of marks at most on each side: no backtracking over a long one.) So
# is a Greek office's «ΑΓΝΩΣΤΟ» ("unknown"), in Greek letters or Latin ("AGNOSTO"), for a father
# it was not told, and a form's placeholders for a value not known or not had: «غير معروف»,
# «لا يوجد», «غير محدد», "Unknown", "N/A", "none", a Turkish office's "bilinmiyor", a Nordic one's
# "ukendt"/"okänd" (a maiden name's cell most of all, ``lists.MAIDEN_NAME_COLUMN``; a year of
# birth's too, ``not_given``). ``lists`` reads name cells with it.
UNREAD_WORDS = (
    r"(?:(?:غير|غ\.)\s*(?:مقروء|مقروءة|مقروئ|مقروء[ةه]|واضح|واضحة|معروف|معروفة|محدد|محددة"
    r"|متوفر|متوفرة|متوفّر)"
    r"|مطموس|ممحي|لا\s*يوجد|لا\s*يعرف|لا\s*نعرف|مجهول|مجهولة"
    # A register's page torn, burnt or cut where the name was («[ممزق]», «تالف», "[torn]").
    r"|ممزق|ممزقة|تالف|تالفة|محروق|محروقة|مقطوع|مقطوعة|torn|damaged"
    r"|illegible|unreadable|ilisible|onleesbaar|unleserlich"
    r"|unknown|not\s+known|inconnue?|unbekannt|onbekend|n\s*/\s*a|none"
    r"|bilinmiyor|bilinmeyen|belirsiz|ukendt|ukjent|ok[äa]nd"
    r"|agnost(?:os|o|i)|[αά]γν[ωώοό]στ(?:ος|ο|η))"
)
ILLEGIBLE_NAME = re.compile(rf"[\W_]*(?:{UNREAD_WORDS}[\W_]*)?", re.IGNORECASE)
# A date a form fills with zeros or letters for "not known": «00/00/0000», "0000", "xx/xx/xxxx"
# (not "0" or "00" alone: a spreadsheet's empty formula, an age, reported as unreadable).
_ZERO_DATE = re.compile(r"\s*(?:(?:[0x]{1,4}[/.\-]){1,2}[0x]{2,4}|0000|xxxx)\s*", re.IGNORECASE)


def not_given(text: str) -> bool:
    """Whether a cell says its value is not known or not given («غير معروف», "unknown", "N/A",
    «؟», "-", «00/00/0000»): compared as missing, as an empty cell is, and no problem to report
    — the list says what it does not know; nothing in it is wrong."""
    return bool(ILLEGIBLE_NAME.fullmatch(text) or _ZERO_DATE.fullmatch(to_ascii_digits(text)))


# The words before a date of arrest that say it is the day a detention began: «موقوف منذ»
# ("held since", a court's roll and a detainee's file), «معتقل منذ», «مفقود منذ», «منذ تاريخ»,
# "since", "depuis", "seit" (issue 15, set 17).
SINCE_WORDS = re.compile(
    r"^\s*(?:(?:ال)?(?:موقوف|معتقل|محتجز|مفقود|مختف[يى]?|مغيب)[ةه]?\s+)?"
    r"(?:منذ(?:\s+تاريخ)?|من\s+تاريخ|اعتبارا\s+من|اعتباراً\s+من|since|depuis\s+le|depuis|seit\s+dem|seit)"
    r"\s*[:：]?\s+(?=\S)",
    re.IGNORECASE,
)


@lru_cache(maxsize=50_000)
def since_date(text: str) -> str:
    """A date of arrest without the words before it that say the detention began then
    (``SINCE_WORDS``): «موقوف منذ 15/4/2013» is 15/4/2013; any other text as it is."""
    return SINCE_WORDS.sub("", text, count=1) if text else text


# The column of the date a post gave an age on (``lists.AGE_YEAR_COLUMN``; ``lists`` imports
# this module): its year less the age is the year of birth (``features``).
POSTED_COLUMN = "age_year"


# An age typed under the year of birth: one or two digits, not zero-padded («03» is a year of
# two digits, 2003), perhaps with its unit («42 سنة», "27 years").
_AGE_IN_BIRTH_CELL = re.compile(
    r"\s*[1-9]\d?\s*(?:سنة|سنه|سنوات|عام|عاما|عاماً|years?|yrs?|y)?\.?\s*", re.IGNORECASE
)


def age_in_birth_cell(text: str) -> bool:
    """Whether a year-of-birth cell holds an age, not a year («27», «42 سنة»; never «03» or 0):
    the features read it as the age at arrest where the list's two-digit numbers are not years
    and the record dates its arrest, and the problems file says so (``_age_at_arrest``)."""
    return _AGE_IN_BIRTH_CELL.fullmatch(to_ascii_digits(text)) is not None


def _age_at_arrest(birth_text: str, arrest_text: str, values: Mapping[str, str]) -> bool:
    """Whether a year of birth of one or two digits, in a list whose such numbers are not
    years, is read as an age at arrest: the record dates its arrest."""
    if values.get(TWO_DIGIT_YEARS) or not age_in_birth_cell(birth_text):
        return False
    day = spreadsheet_day_date(arrest_text)
    return written_year(day or arrest_text, plausible=True) is not None


def record_problems(values: Mapping[str, str]) -> list[RecordProblem]:
    """The implausible values of one record (a mapping keyed by the list headers). A year of
    birth of two digits is read as the comparison reads it: a year in a list marked
    ``TWO_DIGIT_YEARS`` («85»: 1985, checked against the arrest like any year), unreadable in
    any other (a committee's ages)."""
    problems: list[RecordProblem] = []
    birth_text, arrest_text, posted, id_text = (
        "" if not_given(text) else text
        for text in (
            (values.get(column) or "").strip()
            for column in ("birth_year", "date_of_arrest", POSTED_COLUMN, "national_id")
        )
    )
    # A list that dates in Hijri (``HIJRI_LIST``) writes «3/7/1433» without its «هـ»: 2012.
    hijri = bool(values.get(HIJRI_LIST))
    birth = written_year(birth_text, hijri_list=hijri) if birth_text else None
    if (
        birth is None
        and birth_text
        and (values.get(TWO_DIGIT_YEARS) or BORN_TWO_DIGITS.match(to_ascii_digits(birth_text)))
    ):
        arrest_year = (
            written_year(arrest_text, plausible=True, hijri_list=hijri) if arrest_text else None
        )
        birth = two_digit_birth_year(birth_text, arrest_year)
    if birth_text:
        if birth is None and _age_at_arrest(birth_text, arrest_text, values):
            # An age typed under the year of birth, in a record dated by its arrest
            # (``features``: the year of arrest less the age).
            problems.append(RecordProblem("birth_year", "birth_year_age", birth_text))
        elif birth is None:
            problems.append(RecordProblem("birth_year", "birth_year_unreadable", birth_text))
        elif not plausible_year(birth):
            problems.append(RecordProblem("birth_year", "birth_year_implausible", birth_text))
            birth = None
    if arrest_text:
        day = spreadsheet_day_date(arrest_text)
        if day is not None:
            problems.append(RecordProblem("date_of_arrest", "arrest_date_day_number", arrest_text))
        arrest = written_year(day or arrest_text, hijri_list=hijri)
        if not plausible_year(arrest, low=1950):
            problems.append(RecordProblem("date_of_arrest", "arrest_date_implausible", arrest_text))
        elif birth is not None and arrest is not None and arrest < birth:
            problems.append(RecordProblem("date_of_arrest", "arrest_before_birth", arrest_text))
        elif (
            birth is not None and arrest is not None and not plausible_age_at_arrest(birth, arrest)
        ):
            problems.append(RecordProblem("birth_year", "birth_year_implausible", birth_text))
    if posted and written_year(posted, plausible=True) is None:
        # Read as the comparison reads it: a date without a year of four digits («12/03/19»)
        # or a spreadsheet's day number (43536), as a date of arrest's, is no year.
        problems.append(RecordProblem(POSTED_COLUMN, "posted_date_unreadable", posted))
    if id_text:
        plain = re.sub(r"[\s\-/.]", "", to_ascii_digits(id_text))
        if SCIENTIFIC_NUMBER.fullmatch(to_ascii_digits(id_text)):
            problems.append(RecordProblem("national_id", "national_id_rounded", id_text))
        elif (
            not plain.isdigit()
            and national_id_digits(id_text)
            and any(char.isalpha() for char in plain)
        ):
            problems.append(RecordProblem("national_id", "national_id_letters", id_text))
        elif len(national_id_digits(id_text)) != NATIONAL_ID_LENGTH:
            problems.append(RecordProblem("national_id", "national_id_malformed", id_text))
    return problems
