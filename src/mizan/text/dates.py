"""Month names and calendar years as people write them in dates (plain Python, no Django).

One home for the month names the platform reads and shows: the Levantine names Syrians write
(``ARABIC_MONTHS``, which ``mizan.core.partial_dates`` shows), the Egyptian/standard Arabic
ones, French, English, other European languages and Russian. ``month_in`` finds the month a
date names («نيسان 2013», "mars 2013", "April 2013", "mart 2013"); ``hijri_year_in`` reads a
Hijri year («1405 هـ») as the Gregorian year it began in.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

from mizan.text.normalise import normalise_arabic

__all__ = [
    "APPROXIMATE_LEADING",
    "APPROXIMATE_TRAILING",
    "ARABIC_MONTHS",
    "drop_hijri_years",
    "hijri_year_in",
    "is_approximate",
    "month_first",
    "month_in",
    "month_pattern",
    "numeric_month",
    "spreadsheet_day_date",
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
    for month, names in enumerate(_STANDARD_MONTHS, start=1):
        for name in names:
            words[_arabic_form(name)] = month
    for months in (_LATIN_MONTHS, _RUSSIAN_MONTHS):
        for month, names in enumerate(months, start=1):
            for name in names:
                words[name] = month
    return words


# Two-word Levantine names first (تشرين الأول, تشرين أول before تشرين), then any one word.
_WORD = re.compile(r"[^\W\d_]+(?:\s+(?:ال|ٱل)[^\W\d_]+|\s+(?:[اأإآ]ول|ثان[يى])(?![^\W\d_]))?\.?")
# The letters normalise_arabic folds together, as a character class each, to find a month name
# as written in a text that is not normalised (آذار/اذار, يونيه/يونية).
_WRITTEN_LETTER = {"ا": "[اأإآٱ]", "ه": "[هة]", "ي": "[يىئ]", "و": "[وؤ]"}


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


# A Hijri year: 13xx or 14xx followed by هـ / ه / "AH" («1405 هـ», «١٤٠٥هـ», "1405 AH").
_HIJRI = re.compile(r"(?<!\d)(1[34]\d\d)\s*(?:هـ|ه(?![\u0621-\u064a])|a\.?h\.?(?![a-z]))", re.I)
# The Hijri year 1 began on 16 July 622; a Hijri year is 354.367 days, 0.970224 Gregorian years.
_HIJRI_EPOCH = 622.54
_HIJRI_YEAR = 0.970224


@lru_cache(maxsize=20_000)
def hijri_year_in(text: str) -> int | None:
    """The Gregorian year in which the Hijri year written in ``text`` began («1405 هـ» → 1984:
    1405 ran from September 1984 to September 1985), or None if ``text`` writes none. Digits
    must be ASCII already."""
    match = _HIJRI.search(text)
    if match is None:
        return None
    return int(_HIJRI_EPOCH + (int(match.group(1)) - 1) * _HIJRI_YEAR)


def drop_hijri_years(text: str) -> str:
    """``text`` without the Hijri years it writes: «1985 م الموافق 1405 هـ» → its Gregorian
    year alone, which a reader of years prefers (exact, where the Hijri year's Gregorian one is
    the year it began in). Digits must be ASCII already."""
    return _HIJRI.sub(" ", text)


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
    "c. 2013", or a part of the year instead of a date («صيف 2013», «أواخر 2012», "early 2014")."""
    return bool(text) and _APPROXIMATE.search(text.strip()) is not None


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
