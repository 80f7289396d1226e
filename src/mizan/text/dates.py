"""Month names and calendar years as people write them in dates (plain Python, no Django).

One home for the month names the platform reads and shows: the Levantine names Syrians write
(``ARABIC_MONTHS``, which ``mizan.core.partial_dates`` shows), the Egyptian/standard Arabic
ones, French, English, other European languages and Russian. ``month_in`` finds the month a
date names («نيسان 2013», "mars 2013", "April 2013", "mart 2013"); ``hijri_date_in`` reads a
Hijri date («12/3/1434 هـ», «ربيع الأول 1434», «1405 هـ») as the Gregorian days it may be,
``hijri_year_in`` as the Gregorian year that holds most of them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from hijridate import Hijri

from mizan.text.normalise import normalise_arabic, to_ascii_digits

__all__ = [
    "APPROXIMATE_LEADING",
    "APPROXIMATE_TRAILING",
    "ARABIC_MONTHS",
    "HijriDate",
    "date_orders",
    "hijri_date_in",
    "hijri_year_in",
    "is_approximate",
    "month_first",
    "month_in",
    "month_pattern",
    "numeric_month",
    "spreadsheet_day_date",
    "writes_month_first",
]

# Levantine month names, as Syrians write them. Which names to show is a decision of the
# organisation (DESIGN), not a translator's choice: Django's own Arabic catalogue says "إبريل".
ARABIC_MONTHS = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
# The Levantine two-word names as often written without the article («تشرين أول», «كانون ثاني»).
_LEVANTINE_WITHOUT_ARTICLE = {1: "كانون ثاني", 10: "تشرين أول", 11: "تشرين ثاني", 12: "كانون أول"}
# The Egyptian/standard names (يناير … ديسمبر), with their usual second spellings.
_STANDARD_MONTHS = (
    ("يناير",),
    ("فبراير",),
    ("مارس",),
    ("ابريل", "إبريل", "أبريل"),
    ("مايو",),
    ("يونيو", "يونيه"),
    ("يوليو", "يوليه"),
    ("اغسطس", "أغسطس"),
    ("سبتمبر",),
    ("اكتوبر", "أكتوبر"),
    ("نوفمبر",),
    ("ديسمبر",),
)
# The Syriac names as Iraqi Kurdistan writes them in Sorani letters (ە for a short a, ی and ک,
# vowels written: «ئازار ٢٠١٣», «تشرینی یەکەم ۲۰۱۲», the second word "first"/"second" after the
# izafe «ـی»), and May as Iraqi Arabic says it («مايس»): the camps' registrations (issue 15).
_SORANI_MONTHS = (
    ("کانوونی دووەم", "کانونی دووەم", "کانوونی دوەم", "کانونی دوەم"),
    ("شوبات",),
    ("ئازار",),
    ("نیسان",),
    ("ئایار", "مایس", "مايس"),
    ("حوزەیران",),
    ("تەمموز", "تەموز"),
    ("ئاب",),
    ("ئەیلوول", "ئەیلول"),
    ("تشرینی یەکەم", "تشرینی یەکم"),
    ("تشرینی دووەم", "تشرینی دوەم"),
    ("کانوونی یەکەم", "کانونی یەکەم", "کانوونی یەکم"),
)
# English and French; then Swedish, Danish and Norwegian, German and Dutch, as European asylum
# offices write a month (januari, marts, maj, oktober; Januar, März; maart, mei).
_LATIN_MONTHS = (
    ("january", "jan", "janvier", "janv", "januari", "januar"),
    ("february", "feb", "février", "fevrier", "févr", "fevr", "februari", "februar"),
    ("march", "mar", "mars", "marts", "märz", "maerz", "maart"),
    ("april", "apr", "avril", "avr"),
    ("may", "mai", "maj", "mei"),
    ("june", "jun", "juin", "juni"),
    ("july", "jul", "juillet", "juil", "juli"),
    ("august", "aug", "août", "aout", "augusti", "augustus"),
    ("september", "sep", "sept", "septembre"),
    ("october", "oct", "octobre", "oktober", "okt"),
    ("november", "nov", "novembre"),
    ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez"),
)
# Russian month names, in the nominative («март 2013»), the genitive of a full date («15 марта
# 2013») and the prepositional («в марте 2013», "in March 2013"), in Cyrillic and as BGN/PCGN,
# GOST 7.79 and the passport's ICAO table romanise them (the soft sign's apostrophe is no letter
# of the word: "oktyabr' 2012" reads "oktyabr").
_RUSSIAN_MONTHS = (
    ("январь", "января", "январе", "yanvar", "yanvarya", "yanvare", "ianvar", "ianvaria", "janvar"),
    ("февраль", "февраля", "феврале", "fevral", "fevralya", "fevrale", "fevralia", "fevralja"),
    ("март", "марта", "марте", "mart", "marta", "marte"),
    ("апрель", "апреля", "апреле", "aprel", "aprelya", "aprele", "aprelia", "aprelja"),
    ("май", "мая", "мае", "may", "maya", "mae", "maye", "mai", "maia", "maj", "maja"),
    ("июнь", "июня", "июне", "iyun", "iyunya", "iyune", "iiun", "iiunia", "iiune", "ijun"),
    ("июль", "июля", "июле", "iyul", "iyulya", "iyule", "iiul", "iiulia", "iiule", "ijul"),
    ("август", "августа", "августе", "avgust", "avgusta", "avguste"),
    ("сентябрь", "сентября", "сентябре", "sentyabr", "sentyabrya", "sentyabre", "sentiabr"),
    ("октябрь", "октября", "октябре", "oktyabr", "oktyabrya", "oktyabre", "oktiabr", "oktjabr"),
    ("ноябрь", "ноября", "ноябре", "noyabr", "noyabrya", "noyabre", "noiabr", "nojabr"),
    ("декабрь", "декабря", "декабре", "dekabr", "dekabrya", "dekabre", "dekabria", "dekabrja"),
)


def _arabic_form(text: str) -> str:
    """Hamza, alif and taa marbuta folded, the article and spaces kept as one space."""
    return " ".join(normalise_arabic(text).split())


@lru_cache(maxsize=1)
def _month_words() -> dict[str, int]:
    words: dict[str, int] = {}
    for month, name in enumerate(ARABIC_MONTHS, start=1):
        words[_arabic_form(name)] = month
    for month, name in _LEVANTINE_WITHOUT_ARTICLE.items():
        words[_arabic_form(name)] = month
    for table in (_STANDARD_MONTHS, _SORANI_MONTHS):
        for month, names in enumerate(table, start=1):
            for name in names:
                words[_arabic_form(name)] = month
    for months in (_LATIN_MONTHS, _RUSSIAN_MONTHS):
        for month, names in enumerate(months, start=1):
            for name in names:
                words[name] = month
    return words


# Two-word Levantine names first (تشرين الأول, تشرين أول before تشرين), and the Sorani ones
# (تشرینی یەکەم, کانوونی دووەم: "first", "second" in any of the typists' letters), then any one
# word.
_WORD = re.compile(
    r"[^\W\d_]+(?:\s+(?:ال|ٱل)[^\W\d_]+|\s+(?:[اأإآ]ول|ثان[يى])(?![^\W\d_])"
    r"|(?<=[یيى])\s+(?:[یيى][ەهة]?[کك][ەهة]?م|دوو?[ەهة]?م)(?![^\W\d_]))?\.?"
)
# The letters normalise_arabic folds together, as a character class each, to find a month name
# as written in a text that is not normalised (آذار/اذار, يونيه/يونية).
# Sorani letters too (ە and ھ for ه, ی for ي, ک for ك: «تشرینی یەکەم»).
_WRITTEN_LETTER = {
    "ا": "[اأإآٱ]",
    "ه": "[هةەھ]",
    "ي": "[يىئی]",
    "و": "[وؤ]",
    "ك": "[كک]",
}


@lru_cache(maxsize=1)
def month_pattern() -> str:
    """A regular expression, without groups, for any month name ``month_in`` reads as it is
    written in running text: hamza, madda, taa marbuta and alef maqsura spellings, one or more
    spaces between two words, longest names first. Match it case-insensitively and give what
    it matched to ``month_in`` for the month's number."""
    alternatives = []
    first_letters: set[str] = set()
    for name in sorted(_month_words(), key=len, reverse=True):
        parts = [_WRITTEN_LETTER.get(ch) or re.escape(ch) for ch in name]
        alternatives.append("".join(parts).replace(r"\ ", r"\s+").replace(" ", r"\s+"))
        first_letters.update(_WRITTEN_LETTER.get(name[0], name[0]).strip("[]"))
    # A look at the first letter first: the alternation is tried only where a name can begin.
    return f"(?=[{''.join(sorted(first_letters))}])(?:{'|'.join(alternatives)})"


@lru_cache(maxsize=20_000)
def month_in(text: str) -> int | None:
    """The month a date names in words, 1–12, or None: «نيسان 2013», «تشرين الثاني 2012»,
    «أبريل 2013», "mars 2013", "March 2013", "15 avril 2013". A word naming no month, or a date
    without one («أواخر 2013», "2013"), gives None; so does a text naming two different months."""
    words = _month_words()
    found: set[int] = set()
    for match in _WORD.finditer(text.lower()):
        token = match.group(0).rstrip(".")
        arabic = _arabic_form(token)
        month = words.get(arabic) or words.get(token)
        if month is None and " " in token:
            # "آب 2013" is one word; «تشرين الثاني» two: a following word that is no month part.
            head = token.split()[0]
            month = words.get(_arabic_form(head)) or words.get(head)
        if month is not None:
            found.add(month)
    return found.pop() if len(found) == 1 else None


# The Hijri marker after a year: «هـ», «ه» (not a word's letter), "AH".
_HIJRI_MARK = r"\s*(?:هـ|ه(?![\u0621-\u064a])|a\.?h\.?(?![a-z]))"
# … and after a whole date in digits, a bare "H" (a Saudi residence card's «04/04/1400H»); not
# after a year alone, where "1400h" is a time of day («12/03/2013 1400h»).
_HIJRI_DATE_MARK = (
    r"\s*(?:هـ|ه(?![\u0621-\u064a])|a\.?h\.?(?![a-z])|(?:(?<=\d)|(?<=\d\s))h(?![a-z0-9]))"
)
# A Hijri year: 13xx or 14xx followed by the marker («1405 هـ», «١٤٠٥هـ», "1405 AH").
_HIJRI = re.compile(rf"(?<!\d)(1[34]\d\d){_HIJRI_MARK}", re.I)
# A Hijri date in digits, day first («12/3/1434 هـ», «12.03.1434») or year first
# («1434/03/12هـ»), with the marker, or without it in a list that dates in Hijri (``unmarked``):
# a year of four digits from 1343 (1924) to 1499 is no Gregorian year a record of the living
# gives, but OCR makes one of a Gregorian year («01/07/1421» for 01/07/1971).
_HIJRI_DAY_FIRST = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*(1[34]\d\d)(?!\d)(?P<mark>{_HIJRI_DATE_MARK})?",
    re.I,
)
_HIJRI_YEAR_FIRST = re.compile(
    rf"(?<!\d)(1[34]\d\d)\s*[-/.]\s*(\d{{1,2}})\s*[-/.]\s*(\d{{1,2}})(?!\d)(?P<mark>{_HIJRI_DATE_MARK})?",
    re.I,
)
# A Hijri month and year in digits, with the marker («05/1434 هـ»).
_HIJRI_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})\s*[-/.]\s*(1[34]\d\d){_HIJRI_MARK}", re.I)
# The Hijri months as courts and civil registries write them (search form: hamza, alif and taa
# marbuta folded by ``normalise_arabic``), the second spellings of Rabiʿ II and the Jumadas too.
_HIJRI_MONTHS = (
    ("محرم", "المحرم"),
    ("صفر",),
    ("ربيع الأول", "ربيع أول"),
    ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع الاخر"),
    ("جمادى الأولى", "جمادى الأول", "جمادى أول"),
    ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى ثاني"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
)
# The Hijri years the Umm al-Qura tables of ``hijridate`` hold (1343–1500: 1924–2077) that a
# year of four digits from 13xx or 14xx writes.
_HIJRI_YEARS = range(1343, 1500)


class HijriDate(NamedTuple):
    """The Gregorian days a Hijri date written in a cell may be: one day for a full date, its
    month's days for a month and year, its year's for a year alone. ``start``/``end`` are
    where it is written in the text (to read what is written beside it)."""

    first: datetime.date
    last: datetime.date
    start: int
    end: int

    @property
    def year(self) -> int:
        """The Gregorian year that holds most of its days (the later one on a tie)."""
        middle = self.first + (self.last - self.first) / 2
        return middle.year


@lru_cache(maxsize=1)
def _hijri_month_pattern() -> re.Pattern[str]:
    names: list[tuple[str, int]] = []
    for month, spellings in enumerate(_HIJRI_MONTHS, start=1):
        names.extend((_arabic_form(spelling), month) for spelling in spellings)
    alternatives = []
    for name, _month in sorted(names, key=lambda item: len(item[0]), reverse=True):
        parts = [_WRITTEN_LETTER.get(ch) or re.escape(ch) for ch in name]
        alternatives.append("".join(parts).replace(r"\ ", r"\s+").replace(" ", r"\s+"))
    return re.compile(
        rf"(?:(?<!\d)(\d{{1,2}})\s+)?(?<![^\W\d_])({'|'.join(alternatives)})(?![^\W\d_])"
        rf"\s*(1[34]\d\d)(?!\d)(?:{_HIJRI_MARK})?"
    )


@lru_cache(maxsize=1)
def _hijri_month_numbers() -> dict[str, int]:
    return {
        " ".join(_arabic_form(spelling).split()): month
        for month, spellings in enumerate(_HIJRI_MONTHS, start=1)
        for spelling in spellings
    }


def _hijri_days(year: int, month: int | None, day: int | None) -> tuple[Any, Any] | None:
    """The Gregorian days of a Hijri year, month or day (Umm al-Qura), or None if there is none.
    A 30th of a month the tables give 29 days is its last day: a court that sighted the moon a
    day later than the tables dates a day the tables do not have."""
    if year not in _HIJRI_YEARS or (month is not None and not 1 <= month <= 12):
        return None
    try:
        if month is None:
            first = Hijri(year, 1, 1).to_gregorian()
            last = Hijri(year, 12, Hijri(year, 12, 1).month_length()).to_gregorian()
            return first, last
        length = Hijri(year, month, 1).month_length()
        if day is None:
            return Hijri(year, month, 1).to_gregorian(), Hijri(year, month, length).to_gregorian()
        if not 1 <= day <= 30:
            return None
        one = Hijri(year, month, min(day, length)).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return one, one


def _gregorian(day: Any) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


@lru_cache(maxsize=20_000)
def hijri_date_in(text: str, unmarked: bool = False) -> HijriDate | None:
    """The Hijri date ``text`` writes, as the Gregorian days it may be (``HijriDate``), or None:
    a day («12/3/1434 هـ», «1434/03/12هـ», «12 ربيع الأول 1434»), a month («ربيع الأول 1434 هـ»,
    «05/1434 هـ») or a year with its marker («1405 هـ»); with ``unmarked`` (a list that dates in
    Hijri), a day in digits without the marker too («12/3/1434»). Converted by the Umm al-Qura
    calendar (``hijridate``), which the courts' and registries' printed calendars follow; a
    court that sighted the moon may date a day or two apart. Digits must be ASCII already
    (``mizan.text.to_ascii_digits``)."""
    if not any(ch.isdigit() for ch in text):
        return None
    found: tuple[int, int | None, int | None, re.Match[str]] | None = None
    day_first = _HIJRI_DAY_FIRST.search(text)
    year_first = _HIJRI_YEAR_FIRST.search(text)
    if day_first is not None and (unmarked or day_first.group("mark")):
        found = (int(day_first[3]), int(day_first[2]), int(day_first[1]), day_first)
    elif year_first is not None and (unmarked or year_first.group("mark")):
        found = (int(year_first[1]), int(year_first[2]), int(year_first[3]), year_first)
    elif (named := _hijri_month_pattern().search(text)) is not None:
        month = _hijri_month_numbers().get(" ".join(_arabic_form(named[2]).split()))
        found = (int(named[3]), month, int(named[1]) if named[1] else None, named)
    elif (digits := _HIJRI_MONTH_YEAR.search(text)) is not None:
        found = (int(digits[2]), int(digits[1]), None, digits)
    elif (alone := _HIJRI.search(text)) is not None:
        found = (int(alone[1]), None, None, alone)
    if found is None or (found[1] is None and found[3].re is not _HIJRI):
        return None
    year, month, day, match = found
    days = _hijri_days(year, month, day)
    if days is None:
        return None
    return HijriDate(_gregorian(days[0]), _gregorian(days[1]), match.start(), match.end())


@lru_cache(maxsize=20_000)
def hijri_year_in(text: str) -> int | None:
    """The Gregorian year of the Hijri date written in ``text`` (``hijri_date_in``): the one
    that holds most of its days («1405 هـ» → 1985: 1405 ran from 26 September 1984 to 14
    September 1985; «12/5/1434 هـ» → 2013, 24 March), or None if ``text`` writes none. Digits
    must be ASCII already."""
    date = hijri_date_in(text)
    return date.year if date is not None else None


# The markers of an approximate date, before it (``~``, "c.", "ca.", "circa", «حوالي», «نحو»,
# «تقريباً») or after it («تقريباً», ``~``): ``mizan.core.partial_dates`` reads them into its
# "approximate" flag; ``is_approximate`` tells them in a list's date cell.
APPROXIMATE_LEADING = r"~|ca\.|c\.|circa\b|حوالي|حوالى|نحو|تقريباً|تقريبًا|تقريبا"
APPROXIMATE_TRAILING = r"~|تقريباً|تقريبًا|تقريبا"
# A part of the year instead of a date, as people remember one: a season («صيف 2013»), its end
# or beginning («أواخر 2012», «أوائل 2014», «منتصف 2013»), "summer 2013", "early 2014".
_PART_OF_YEAR = (
    r"صيف|شتاء|ربيع|خريف|أواخر|اواخر|أوائل|اوائل|أواسط|اواسط|منتصف|بداية|بدايه|نهاية|نهايه|مطلع"
    r"|summer|winter|spring|autumn|fall|early|late|mid|end of|beginning of"
)
_APPROXIMATE = re.compile(
    rf"(?:^|(?<=\s))(?:{APPROXIMATE_LEADING}|{_PART_OF_YEAR})(?=\s|\d|$)|(?:{APPROXIMATE_TRAILING})\s*$",
    re.IGNORECASE,
)


def is_approximate(text: str) -> bool:
    """Whether a date as written says it is approximate: «2013 تقريباً», «حوالي 2013», "~2013",
    "c. 2013", or a part of the year instead of a date («صيف 2013», «أواخر 2012», "early 2014").
    The Hijri months of Rabiʿ («ربيع الأول 1434») are months, not the spring."""
    if not text or _APPROXIMATE.search(text.strip()) is None:
        return False
    if "ربيع" in text:
        text = _hijri_month_pattern().sub(" ", to_ascii_digits(text))
    return _APPROXIMATE.search(text.strip()) is not None


# A date a spreadsheet program stored as its day number (days since 30 December 1899, the count
# Excel and LibreOffice use) and a CSV export then wrote as the number: «41171» is 19 September
# 2012. Five digits only, from 1970 (25569) to 2049 (54788): a year, a month and year or a
# national number is never five digits, and a year typed with a digit too many («20133»,
# «19850») is under 25569, so it stays the year it begins with.
_DAY_NUMBER = re.compile(r"\s*(\d{5})(?:\.0+)?\s*")
_DAY_ZERO = datetime.date(1899, 12, 30)
_DAY_NUMBERS = range(25569, 54789)


def spreadsheet_day_date(text: str) -> str | None:
    """The ISO date (``2012-09-19``) a spreadsheet's day number in ``text`` stands for («41171»),
    or None when ``text`` is not one."""
    match = _DAY_NUMBER.fullmatch(text)
    if match is None or int(match.group(1)) not in _DAY_NUMBERS:
        return None
    return (_DAY_ZERO + datetime.timedelta(days=int(match.group(1)))).isoformat()


# A date written in digits with the year last: «17/04/2013», "04/17/2013", "4.17.2013".
# … and a time after it, as a spreadsheet exports a date ("04/17/2013 00:00:00", "… 10:30 PM").
_DAY_MONTH_YEAR = re.compile(
    r"\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*"
)


def month_first(text: str) -> bool | None:
    """Whether a date in digits with the year last puts the month first, as American and
    Canadian forms do ("04/17/2013"): True when its second number cannot be a month (over 12)
    and its first can, False the other way round («17/04/2013»), None when both could be the
    month (04/07/2013), neither, or ``text`` is no such date. Digits must be ASCII already."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is None:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if 1 <= first <= 12 < second <= 31:
        return True
    if 1 <= second <= 12 < first <= 31:
        return False
    return None


# A list writes its dates month first when at least ``MONTH_FIRST_DATES`` of its dates, and
# ``MONTH_FIRST_SHARE`` of those with a day, month and year, can only be read so (a second
# number over 12), and under ``MONTH_FIRST_SLIPS`` of as many only day first: two slips among
# thirty 03/04/2012 do not make a Syrian list American.
MONTH_FIRST_DATES = 2
MONTH_FIRST_SHARE = 0.2
MONTH_FIRST_SLIPS = 0.05


def date_orders(texts: Iterable[str]) -> tuple[int, int, int]:
    """Of ``texts`` (cells with ASCII digits): how many dates can only be read month first,
    how many only day first (``month_first``), and how many are dates in digits at all."""
    first = second = dated = 0
    for text in texts:
        order = month_first(text)
        first += order is True
        second += order is False
        dated += order is not None or numeric_month(text) is not None
    return first, second, dated


def writes_month_first(month_first_dates: int, day_first_dates: int, dated: int) -> bool:
    """Whether a list whose ``dated`` dates count ``month_first_dates`` that can only be read
    month first and ``day_first_dates`` only day first (``month_first``) writes every date
    month first — `mizan link` and the registry's import decide it so, per list."""
    return (
        month_first_dates >= MONTH_FIRST_DATES
        and month_first_dates >= MONTH_FIRST_SHARE * dated
        and day_first_dates <= MONTH_FIRST_SLIPS * month_first_dates
    )


def numeric_month(text: str, month_first_list: bool = False) -> int | None:
    """The month, 1–12, of a date in digits with the year last, or None: the number that can
    only be the month when one of them cannot (``month_first``), else the second («17/04/2013»,
    day first, as Syrians and Europeans write), or the first in a list whose dates show the
    month first (``month_first_list``: a month over 12 nowhere but in the second place).
    Digits must be ASCII already."""
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is None:
        return None
    order = month_first(text)
    if order is None:
        order = month_first_list
    month = int(match.group(1) if order else match.group(2))
    return month if 1 <= month <= 12 else None
