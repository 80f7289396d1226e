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
   an Arabic word of the text must moreover have the letters of an Arabic spelling of the name
   once article, clitic, final long vowel, hamza and diacritics are set aside (the key alone
   would take ربيع "spring" for ربى); a Latin spelling is tried against Arabic words only for a
   person whose name is known in Latin letters alone. Keep the matches of solo names, and of
   joined names when touching another match of the same person; merge touching matches of one
   person;
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
from functools import lru_cache

from mizan.text import name_key, to_ascii_digits
from mizan.text.dates import month_in, month_pattern
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

_MONTH = month_pattern()
_SEP = r"[\s,،]*"
_WRITTEN_DATE = re.compile(
    rf"(?P<d1>{_DIGIT}{{1,2}}){_SEP}(?:of\s+)?(?P<m1>{_MONTH}){_SEP}(?P<y1>{_DIGIT}{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DIGIT}{{1,2}})(?:st|nd|rd|th)?{_SEP}(?P<y2>{_DIGIT}{{4}})",
    re.IGNORECASE,
)


def _digits(text: str) -> str:
    return "".join(char for char in to_ascii_digits(text) if char.isdigit())


def _phone_core(phone: str) -> str:
    """The subscriber part of a phone number: its last eight digits (country and trunk codes
    vary with how the number is written: +963 9…, 00963 9…, 09…)."""
    digits = _digits(phone)
    return digits[-8:] if len(digits) >= 7 else ""


def _fold(word: str) -> str:
    """An Arabic word in search form without its article and a final long vowel or haa:
    ربى/ربا/رُبى → رب, الحمويّ/حموي → حمو, عبدالرحمن → عبدرحمن."""
    if word.startswith("عبدال") and len(word) > 6:
        word = "عبد" + word[5:]
    elif word.startswith("ال") and len(word) > 3:
        word = word[2:]
    if len(word) > 2 and word[-1] in "اىيه":
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def _skeleton(words: tuple[str, ...]) -> str:
    return "".join(_fold(word) for word in words)


def _is_arabic(word: str) -> bool:
    return bool(_ARABIC.match(word))


@dataclass(frozen=True)
class _Pattern:
    """The keys of one spelling of a name, and for an Arabic spelling the folded Arabic form of
    each key's words: an Arabic word of the text must match that form, not only the key (the key
    alone would take the word ربيع "spring" for the name ربى)."""

    keys: tuple[str, ...]
    skeletons: tuple[str | None, ...]
    arabic: bool


def _patterns(names: Iterable[str]) -> set[_Pattern]:
    patterns = set()
    for name in names:
        words = search_words(name)
        spans = name_key_spans(words)
        keys = tuple(key for key, _first, _last in spans)
        if not keys or sum(len(key) for key in keys) < 2 or keys == ("dn",):
            continue
        counts = [sum(1 for _k, f, _l in spans if f == index) for index in range(len(words))]
        skeletons = tuple(
            None
            if first == last and counts[first] > 1
            else _skeleton(tuple(words[first : last + 1]))
            for _key, first, last in spans
        )
        arabic = any(_is_arabic(word) for word in words)
        patterns.add(_Pattern(keys, skeletons if arabic else (), arabic))
    return patterns


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
    arabic: bool = False
    words: tuple[str, ...] = ()  # its words in search form; () when it cannot be confirmed
    extra_skeletons: set[str] = field(default_factory=set)
    # A Latin word written all in lower case ("cell", "sale"), without a glued article: an
    # ordinary word of the prose, whose consonants may still be a name's (Salih). Alone it is
    # not read as a name.
    lower_latin: bool = False

    def skeleton_fits(self, skeleton: str) -> bool:
        """Whether the token's Arabic letters are those of the name (computed only for the
        few tokens whose key matched)."""
        if not self.words:
            return True  # part of a glued نورالدين: the key decides
        return skeleton == _skeleton(self.words) or skeleton in self.extra_skeletons


# "alhamwi", "elhamwi": a family name with its article glued on is a name whatever its case.
_GLUED_ARTICLE = re.compile(r"(?:al|el)[a-z]{3,}")


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
        alternatives: dict[str, tuple[set[str], set[str]]] = {}
        spans = name_key_spans(words)
        covered = {index for _key, first, last in spans for index in range(first, last + 1)}
        starts: dict[int, int] = defaultdict(int)
        for _key, first, _last in spans:
            starts[first] += 1
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
            arabic = _is_arabic(words[first])
            token = _Token({key}, start, raw[last][2], arabic)
            token.lower_latin = not arabic and all(
                entry[3].islower() and not _GLUED_ARTICLE.match(entry[3])
                for entry in raw[first : last + 1]
            )
            if arabic and not (first == last and starts[first] > 1):
                token.words = tuple(words[first : last + 1])
            if first == last:
                word = raw[first][3]
                extra = alternatives.get(word)
                if extra is None:
                    extra = _alternatives(words[first], word)
                    alternatives[word] = extra
                token.keys |= extra[0]
                token.extra_skeletons = extra[1]
            self.tokens.append(token)


def _alternatives(form: str, word: str) -> tuple[set[str], set[str]]:
    """Keys and Arabic folded forms of a word without a glued clitic (وربى, بالحموي, للحموي),
    or of a Latin word without a possessive ("Ruba's")."""
    keys: set[str] = set()
    skeletons: set[str] = set()
    if _is_arabic(form) and len(form) >= 4:
        stripped = []
        if form.startswith("لل"):
            stripped.append("ال" + form[2:])
        if form[0] in _CLITICS:
            stripped.append(form[1:])
            if len(form) >= 5 and form[1] in _CLITICS:
                stripped.append(form[2:])
        for candidate in stripped:
            keys.add(name_key(candidate))
            skeletons.add(_fold(candidate))
    elif "'" in word or "’" in word:
        keys.add(name_key(re.split(r"['’]", word)[0]))
    keys.discard("")
    return keys, skeletons


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
    by_first_key: dict[str, list[tuple[_Pattern, str, bool, bool]]] = defaultdict(list)
    for identity in identities:
        solo = _patterns(identity.solo_names)
        joined = _patterns(identity.joined_names) - solo
        has_arabic = any(p.arabic for p in solo | joined)
        for pattern in solo:
            by_first_key[pattern.keys[0]].append((pattern, identity.reference, True, has_arabic))
        for pattern in joined:
            by_first_key[pattern.keys[0]].append((pattern, identity.reference, False, has_arabic))
    if not by_first_key:
        return []
    tokens = _Tokens(text).tokens

    def fits(pattern: _Pattern, offset: int, token: _Token, has_arabic: bool) -> bool:
        if pattern.keys[offset] not in token.keys:
            return False
        if not token.arabic:
            return True  # Latin spellings vary too much to ask more than the key
        if not pattern.arabic:
            # A Latin spelling is checked against Arabic words only for a person whose name
            # Mizan knows in Latin letters alone.
            return not has_arabic
        skeleton = pattern.skeletons[offset]
        return skeleton is None or token.skeleton_fits(skeleton)

    # matches[reference] = list of (first token, last token, solo)
    matches: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for index, token in enumerate(tokens):
        for key in token.keys:
            for pattern, reference, solo_name, has_arabic in by_first_key.get(key, ()):
                last = index + len(pattern.keys) - 1
                if last >= len(tokens):
                    continue
                if all(
                    fits(pattern, offset, tokens[index + offset], has_arabic)
                    for offset in range(len(pattern.keys))
                ):
                    matches[reference].append((index, last, solo_name))
    results: list[Occurrence] = []
    for reference, found in matches.items():
        # One span per place: two spellings of one name matching the same words count once.
        best: dict[tuple[int, int], bool] = {}
        for first, last, alone in found:
            best[(first, last)] = best.get((first, last), False) or alone
        # A lower-case Latin word alone ("a cell" for Salih) is prose, not a name: names in a
        # narrative are written with a capital. Two such words in a row that are both his
        # names ("salih hamwi") are kept, and a word with its article glued on ("alhamwi").
        lower = {first for first, last in best if first == last and tokens[first].lower_latin}
        spans = sorted(
            (first, last, alone)
            for (first, last), alone in best.items()
            if first not in lower or first - 1 in lower or first + 1 in lower
        )
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
            month = month_in(match.group("m1") or match.group("m2"))
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
