"""The leak check: every trace of a protected person in a text meant for publication.

A narrative published from a testimony must not name the interviewee or anyone else linked to it
whose identity is protected (relatives, other victims), in any spelling. People write a name in
Arabic or Latin letters, with or without the article, hamza, diacritics or tatweel, glued to a
conjunction or preposition (وأحمد، بالحموي), compound or split (عبد الرحمن / Abdulrahman /
Abd al-Rahman). The check keys every word of the text with ``mizan.text``'s cross-script name
keys — the same keys that suggest persons while typing — and looks for each protected person's
keys there. Besides names it finds the person's national ID numbers, phone numbers and exact date
of birth (in digits or with the month written out, Arabic or English).

Which words count (a leak check should refuse rather than miss, but it must stay usable):

* a person's **first name** and **family name** are found on their own;
* the **father's, grandfather's and mother's names** are found when they stand next to another of
  the person's names ("Ruba Ahmad"): alone they are common given names shared by thousands, and
  a narrative about a detention that never says "Ahmad" is not a reasonable demand;
* a run of the person's names side by side is reported once, as one occurrence.

Names share a key by design when Latin script cannot tell them apart (حسن/حسين, see
``mizan.text.translit``): the check may then report a word that is another name. That is the
safe side; the editor rewrites the sentence or chooses another pseudonym.

Steps of ``find_leaks``:

1. cut the text into words with their offsets (letters, marks, inner apostrophes);
2. put each word in search form (cached per distinct word) and key the sequence with
   ``name_key_spans``; a word glued to و ف ب ك ل (or لل for ال) gets the key of the word without it
   as an alternative;
3. for each key position, try the key sequences of the protected names that start with that key;
   keep the matches of solo names, and of joined names when touching another match of the same
   person; merge touching matches of one person;
4. scan digit runs (ASCII, Arabic-Indic, Persian; separated by spaces, dashes, dots or slashes)
   for ID numbers, phone numbers and numeric dates of birth, and written-out dates;
5. report each occurrence with its line and column (1-based, in characters), sorted.

Plain Python: no Django import, so it can be benchmarked on its own (bench/testimonies_leak.py).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from mizan.text import name_key, to_ascii_digits
from mizan.text.translit import name_key_spans, search_words

__all__ = ["Occurrence", "ProtectedIdentity", "find_leaks"]


@dataclass(frozen=True)
class ProtectedIdentity:
    """What identifies one protected person: the names by kind and the numbers."""

    reference: str
    solo_names: tuple[str, ...] = ()  # first and family names, each spelling
    joined_names: tuple[str, ...] = ()  # other name parts, full names as written
    national_ids: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    birth_dates: tuple[date, ...] = ()


@dataclass(frozen=True, order=True)
class Occurrence:
    line: int
    column: int
    text: str = field(compare=False)
    reference: str = field(compare=False)
    kind: str = field(compare=False)  # name, national_id, phone, birth_date
    start: int = field(compare=False, default=0)
    end: int = field(compare=False, default=0)


# Letters and the marks that sit on them (Arabic harakat, Latin combining accents), tatweel, and
# apostrophes or ʿayn/hamza marks between letters ("Sa'id", "Ruba's").
_WORD = re.compile(
    r"[^\W\d_][\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]*"
    r"(?:['’ʿʾ`][^\W\d_][\w\u0300-\u036f\u064b-\u065f\u0670]*)*"
)
_CLITICS = "وفبكل"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_DIGIT_RUN = re.compile(rf"\+?{_DIGIT}(?:{_DIGIT}|[ \-./](?={_DIGIT})|[()](?=[ ]?{_DIGIT}))*")

_MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# Levantine and Egyptian month names, with and without hamza and madda.
_MONTHS_AR: dict[int, str] = {
    1: "كانون الثاني|كانون ثاني|يناير",
    2: "شباط|فبراير",
    3: "[آا]ذار|مارس",
    4: "نيسان|[أاإ]بريل",
    5: "[أا]يار|مايو",
    6: "حزيران|يونيو|يونية",
    7: "تموز|يوليو|يولية",
    8: "[آا]ب|[أا]غسطس",
    9: "[أا]يلول|سبتمبر",
    10: "تشرين ال[أا]ول|تشرين [أا]ول|[أا]كتوبر",
    11: "تشرين الثاني|تشرين ثاني|نوفمبر",
    12: "كانون ال[أا]ول|كانون [أا]ول|ديسمبر",
}
_MONTH_NUMBER: dict[str, int] = {}
_month_words: list[str] = []
for _number, _name in enumerate(_MONTHS_EN, start=1):
    _MONTH_NUMBER[_name] = _number
    _month_words.append(_name)
_MONTH_AR_PATTERNS = [(n, re.compile(rf"^(?:{p})$")) for n, p in _MONTHS_AR.items()]
_MONTH = "|".join([*_MONTHS_EN, *(_MONTHS_AR[n] for n in range(1, 13))])
_SEP = r"[\s,،]*"
_WRITTEN_DATE = re.compile(
    rf"(?P<d1>{_DIGIT}{{1,2}}){_SEP}(?:of\s+)?(?P<m1>{_MONTH}){_SEP}(?P<y1>{_DIGIT}{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DIGIT}{{1,2}})(?:st|nd|rd|th)?{_SEP}(?P<y2>{_DIGIT}{{4}})",
    re.IGNORECASE,
)


def _month_number(text: str) -> int | None:
    lowered = " ".join(text.lower().split())
    if lowered in _MONTH_NUMBER:
        return _MONTH_NUMBER[lowered]
    return next((n for n, pattern in _MONTH_AR_PATTERNS if pattern.match(lowered)), None)


def _digits(text: str) -> str:
    return "".join(char for char in to_ascii_digits(text) if char.isdigit())


def _phone_core(phone: str) -> str:
    """The subscriber part of a phone number: its last eight digits (country and trunk codes
    vary with how the number is written: +963 9…, 00963 9…, 09…)."""
    digits = _digits(phone)
    return digits[-8:] if len(digits) >= 7 else ""


def _name_sequences(names: Iterable[str]) -> set[tuple[str, ...]]:
    sequences = set()
    for name in names:
        keys = tuple(key for key, _first, _last in name_key_spans(search_words(name)))
        if keys and sum(len(key) for key in keys) >= 2 and keys != ("dn",):
            sequences.add(keys)
    return sequences


@dataclass
class _Pattern:
    keys: tuple[str, ...]
    reference: str
    solo: bool


@dataclass
class _Run:
    first: int
    last: int
    solo: bool
    names: int


@dataclass
class _Token:
    keys: set[str]
    start: int  # character offsets in the text
    end: int


class _Tokens:
    """The keyed words of a text, with their character spans."""

    def __init__(self, text: str) -> None:
        raw: list[tuple[str, int, int, str]] = []
        forms: dict[str, str] = {}
        for match in _WORD.finditer(text):
            word = match.group()
            form = forms.get(word)
            if form is None:
                form = "".join(search_words(word))
                # A clitic glued to ʿAbd or Abu must not hide the compound (وعبد الرحمن).
                if len(form) == 4 and form[0] in _CLITICS and form[1:] in ("عبد", "ابو"):
                    form = form[1:]
                forms[word] = form
            if form:
                raw.append((form, match.start(), match.end(), word))
        words = [entry[0] for entry in raw]
        self.tokens: list[_Token] = []
        alternatives: dict[str, set[str]] = {}
        spans = name_key_spans(words)
        covered = {index for _key, first, last in spans for index in range(first, last + 1)}
        for key, first, last in spans:
            start = raw[first][1]
            # An article written apart ("al-Hamwi", "El Hamwi") belongs to the occurrence.
            before = first - 1
            gap = text[raw[before][2] : start] if before >= 0 else ""
            if (
                before >= 0
                and before not in covered
                and words[before].isascii() == words[first].isascii()
                and (
                    (gap in ("-", "\u2010") and len(words[before]) <= 3)
                    or (gap == " " and words[before] in ("al", "el", "ال"))
                )
            ):
                start = raw[before][1]
            token = _Token({key}, start, raw[last][2])
            if first == last:
                word = raw[first][3]
                extra = alternatives.get(word)
                if extra is None:
                    extra = _alternative_keys(words[first], word)
                    alternatives[word] = extra
                token.keys |= extra
            self.tokens.append(token)


def _alternative_keys(form: str, word: str) -> set[str]:
    keys: set[str] = set()
    if _ARABIC.match(form) and len(form) >= 4:
        if form.startswith("لل"):
            keys.add(name_key("ال" + form[2:]))
        if form[0] in _CLITICS:
            keys.add(name_key(form[1:]))
            if len(form) >= 5 and form[1] in _CLITICS:
                keys.add(name_key(form[2:]))
    elif "'" in word or "’" in word:
        # "Ruba's": the possessive is not part of the name.
        keys.add(name_key(re.split(r"['’]", word)[0]))
    keys.discard("")
    return keys


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(match.end() for match in re.finditer(r"\r\n|\n|\r", text))
    return starts


def find_leaks(text: str, identities: Sequence[ProtectedIdentity]) -> list[Occurrence]:
    """Every occurrence in ``text`` of anything that identifies one of ``identities``."""
    line_starts = _line_starts(text)

    def occurrence(start: int, end: int, reference: str, kind: str) -> Occurrence:
        line = bisect.bisect_right(line_starts, start)
        column = start - line_starts[line - 1] + 1
        return Occurrence(line, column, text[start:end], reference, kind, start, end)

    found: list[Occurrence] = []
    found.extend(_name_occurrences(text, identities, occurrence))
    found.extend(_number_occurrences(text, identities, occurrence))
    return sorted(found)


_Make = Callable[[int, int, str, str], Occurrence]


def _name_occurrences(
    text: str, identities: Sequence[ProtectedIdentity], occurrence: _Make
) -> list[Occurrence]:
    by_first_key: dict[str, list[_Pattern]] = defaultdict(list)
    for identity in identities:
        solo = _name_sequences(identity.solo_names)
        joined = _name_sequences(identity.joined_names) - solo
        for keys in solo:
            by_first_key[keys[0]].append(_Pattern(keys, identity.reference, True))
        for keys in joined:
            by_first_key[keys[0]].append(_Pattern(keys, identity.reference, False))
    if not by_first_key:
        return []
    tokens = _Tokens(text).tokens
    # matches[reference] = list of (first token, last token, solo)
    matches: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for index, token in enumerate(tokens):
        for key in token.keys:
            for pattern in by_first_key.get(key, ()):
                last = index + len(pattern.keys) - 1
                if last >= len(tokens):
                    continue
                if all(
                    pattern.keys[offset] in tokens[index + offset].keys
                    for offset in range(1, len(pattern.keys))
                ):
                    matches[pattern.reference].append((index, last, pattern.solo))
    results: list[Occurrence] = []
    for reference, spans in matches.items():
        spans.sort()
        # Merge touching or overlapping spans of the same person into runs:
        # [first token, last token, any solo name, number of names].
        runs: list[_Run] = []
        for first, last, alone in spans:
            if runs and first <= runs[-1].last + 1:
                runs[-1].last = max(runs[-1].last, last)
                runs[-1].solo = runs[-1].solo or alone
                runs[-1].names += 1
            else:
                runs.append(_Run(first, last, alone, 1))
        for run in runs:
            # A joined name alone (a father's name by itself) is not reported.
            if not run.solo and run.names < 2:
                continue
            results.append(
                occurrence(tokens[run.first].start, tokens[run.last].end, reference, "name")
            )
    return results


def _number_occurrences(
    text: str, identities: Sequence[ProtectedIdentity], occurrence: _Make
) -> list[Occurrence]:
    ids = [(_digits(n), i.reference) for i in identities for n in i.national_ids]
    ids = [(digits, ref) for digits, ref in ids if len(digits) >= 5]
    phones = [(_phone_core(p), i.reference) for i in identities for p in i.phones]
    phones = [(core, ref) for core, ref in phones if core]
    births = [(d, i.reference) for i in identities for d in i.birth_dates]
    results: list[Occurrence] = []
    if ids or phones or births:
        for match in _DIGIT_RUN.finditer(text):
            digits = _digits(match.group())
            start, end = match.span()
            for number, reference in ids:
                if number in digits:
                    results.append(occurrence(start, end, reference, "national_id"))
            for core, reference in phones:
                if core in digits:
                    results.append(occurrence(start, end, reference, "phone"))
            if births:
                groups = [_digits(g) for g in re.split(r"[ \-./]", to_ascii_digits(match.group()))]
                groups = [g for g in groups if g]
                for birth, reference in births:
                    if _is_numeric_date(groups, birth):
                        results.append(occurrence(start, end, reference, "birth_date"))
    if births:
        for match in _WRITTEN_DATE.finditer(text):
            day = match.group("d1") or match.group("d2")
            month = _month_number(match.group("m1") or match.group("m2"))
            year = match.group("y1") or match.group("y2")
            for birth, reference in births:
                if (
                    month == birth.month
                    and int(_digits(day)) == birth.day
                    and int(_digits(year)) == birth.year
                ):
                    results.append(occurrence(*match.span(), reference, "birth_date"))
    return results


def _is_numeric_date(groups: list[str], birth: date) -> bool:
    if len(groups) != 3:
        return False
    numbers = [int(g) for g in groups]
    day_first = numbers == [birth.day, birth.month, birth.year]
    month_first = numbers == [birth.month, birth.day, birth.year]
    year_first = numbers == [birth.year, birth.month, birth.day]
    return day_first or month_first or year_first
