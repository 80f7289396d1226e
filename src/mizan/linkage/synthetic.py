"""Synthetic lists of missing persons with ground truth, for tests, demos and the benchmark.

Only synthetic people: first names come from a short list of common Syrian given names, family
names are built from Arabic root letters and word patterns (so there are tens of thousands of them,
as in a real population, and none is taken from a real list), and every record is drawn at random.

How a population and its lists are made (``generate``):

1. Clans share a family name (about one in eight a given name: الحسن, يوسف) and a grandfather;
   each clan has one to three fathers (brothers), each father a wife and one to five children.
   That yields siblings (same father, grandfather, family and mother, different first name) and
   cousins (same grandfather and family), and the first son is often named after his
   grandfather, so cousins can share first name, grandfather and family name: the hard
   negatives a linker must not merge. Common first names (محمد, أحمد …) are drawn far more
   often than rare ones, so unrelated namesakes appear as they do in real lists.
2. Each person is reported in one to three of the lists, sometimes twice in the same list.
3. Each list writes names its own way:
   - ``families``: Arabic typed by relatives: hamza, taa marbuta and alef maqsura written either
     way, عبد الرحمن spaced or glued, the article dropped, titles (الحاج), a kunya in brackets,
     often the whole name in one ``full_name`` column; birth year off by one now and then;
   - ``official``: Arabic from scanned documents read by OCR: dotted letters confused (ب/ت/ن,
     ح/ج/خ, ر/ز, س/ش, ف/ق, ة/ه), Arabic-Indic digits, national ids, dates of arrest; the
     whole name on one line in 30 % of records, a word split in two or two words glued now and
     then;
   - ``un``: Latin transliteration for UN bodies: Mohammad/Muhammad/Mohamed/Mhd, Abdul Rahman/
     Abdulrahman/Abd al-Rahman, al-/el-/no article, doubled consonants, ou/u and e/a, often
     without grandfather or mother.
   Any field may be missing.

``python -m mizan.linkage.synthetic --records N --out DIR`` writes ``families.csv``,
``official.csv``, ``un.csv`` and ``truth.csv`` (source, record_id, person_id).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from mizan.linkage.lists import HEADERS

__all__ = ["FIELDS", "SOURCES", "Person", "generate", "write_lists"]

FIELDS: tuple[str, ...] = HEADERS  # the columns of DESIGN.md, in one place (lists.HEADERS)
SOURCES: tuple[str, ...] = ("families", "official", "un")

# (Arabic, Latin spellings, weight): weights follow the rough order of frequency of Syrian given
# names; محمد is by far the most common.
_MALE: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("محمد", ("Mohammad", "Muhammad", "Mohamed", "Mohammed", "Mhd", "Muhammed"), 120),
    ("أحمد", ("Ahmad", "Ahmed"), 60),
    ("محمود", ("Mahmoud", "Mahmud"), 30),
    ("خالد", ("Khaled", "Khalid"), 30),
    ("عبد الرحمن", ("Abdul Rahman", "Abdulrahman", "Abd al-Rahman", "Abdelrahman"), 25),
    ("عبد الله", ("Abdullah", "Abdallah", "Abd Allah"), 25),
    ("عبد الكريم", ("Abdul Karim", "Abdulkarim", "Abdelkarim"), 10),
    ("عبد القادر", ("Abdul Qader", "Abdulkader", "Abdelkader"), 10),
    ("عبد العزيز", ("Abdul Aziz", "Abdulaziz", "Abdelaziz"), 8),
    ("علي", ("Ali",), 30),
    ("عمر", ("Omar", "Umar"), 25),
    ("حسن", ("Hasan", "Hassan"), 20),
    ("حسين", ("Hussein", "Hussain", "Husain"), 20),
    ("مصطفى", ("Mustafa", "Mostafa"), 18),
    ("يوسف", ("Yousef", "Yusuf", "Youssef"), 18),
    ("إبراهيم", ("Ibrahim", "Ebrahim"), 18),
    ("سامر", ("Samer",), 8),
    ("باسل", ("Basel", "Bassel"), 8),
    ("مازن", ("Mazen",), 8),
    ("وليد", ("Walid", "Waleed"), 10),
    ("فادي", ("Fadi",), 8),
    ("رامي", ("Rami",), 8),
    ("زياد", ("Ziad", "Ziyad"), 8),
    ("ياسر", ("Yaser", "Yasser"), 10),
    ("عماد", ("Imad", "Emad"), 8),
    ("أنس", ("Anas",), 10),
    ("معاذ", ("Muaz", "Moaz", "Muath"), 8),
    ("حمزة", ("Hamza", "Hamzah"), 12),
    ("بلال", ("Bilal", "Belal"), 10),
    ("طارق", ("Tarek", "Tariq"), 8),
    ("فراس", ("Firas", "Feras"), 8),
    ("صالح", ("Saleh", "Salih"), 10),
    ("سليمان", ("Suleiman", "Sulaiman", "Sleiman"), 10),
    ("عثمان", ("Othman", "Uthman"), 8),
    ("جمال", ("Jamal", "Gamal"), 8),
    ("نبيل", ("Nabil", "Nabeel"), 6),
    ("عادل", ("Adel", "Adil"), 6),
    ("منذر", ("Munzer", "Monzer"), 5),
    ("غسان", ("Ghassan",), 6),
    ("هيثم", ("Haitham", "Haytham"), 6),
    ("أيمن", ("Ayman",), 8),
    ("وسيم", ("Wasim", "Wassim"), 5),
    ("قاسم", ("Qasim", "Kassem", "Qassem"), 6),
    ("نور الدين", ("Nour al-Din", "Noureddine", "Nur al-Din"), 5),
    ("سعيد", ("Said", "Saeed"), 8),
    ("رياض", ("Riad", "Riyad"), 6),
    ("إسماعيل", ("Ismail", "Ismael"), 8),
    ("ماهر", ("Maher",), 6),
    ("شادي", ("Shadi", "Chadi"), 5),
    ("مراد", ("Murad", "Mourad"), 5),
    ("جهاد", ("Jihad", "Jehad"), 6),
    ("عمار", ("Ammar",), 8),
    ("مهند", ("Muhannad", "Mohannad"), 6),
    ("نضال", ("Nidal", "Nedal"), 5),
    ("أسامة", ("Osama", "Usama"), 8),
    ("حازم", ("Hazem", "Hazim"), 5),
    ("كنان", ("Kinan", "Kenan"), 4),
    ("إياد", ("Iyad", "Eyad"), 5),
    ("رائد", ("Raed", "Raid"), 6),
    ("بشار", ("Bashar",), 4),
    ("عدنان", ("Adnan",), 6),
    ("فيصل", ("Faisal", "Faysal"), 5),
    ("منير", ("Munir", "Mounir"), 4),
    ("نزار", ("Nizar", "Nezar"), 5),
    ("توفيق", ("Tawfiq", "Tawfik", "Toufic"), 4),
    ("جميل", ("Jamil", "Jameel"), 5),
    ("كمال", ("Kamal",), 5),
    ("عيسى", ("Issa", "Isa"), 4),
    ("موسى", ("Musa", "Mousa"), 5),
    ("يحيى", ("Yahya",), 6),
    ("زكريا", ("Zakaria", "Zakariya"), 4),
    ("هاني", ("Hani",), 5),
    ("سمير", ("Samir", "Sameer"), 5),
    ("ناصر", ("Nasser", "Naser"), 5),
    ("مأمون", ("Mamoun", "Maamoun"), 3),
    ("شريف", ("Sharif", "Cherif"), 4),
)

_FEMALE: tuple[tuple[str, tuple[str, ...], int], ...] = (
    ("فاطمة", ("Fatima", "Fatmeh", "Fatemeh", "Fatma"), 40),
    ("خديجة", ("Khadija", "Khadijeh"), 20),
    ("مريم", ("Maryam", "Mariam"), 20),
    ("عائشة", ("Aisha", "Aysha", "Aicha"), 15),
    ("زينب", ("Zainab", "Zeinab"), 12),
    ("نور", ("Nour", "Noor"), 12),
    ("هدى", ("Huda", "Hoda"), 10),
    ("سعاد", ("Souad", "Suad"), 8),
    ("رنا", ("Rana",), 8),
    ("ريم", ("Reem", "Rim"), 8),
    ("لينا", ("Lina", "Leena"), 6),
    ("سلمى", ("Salma",), 6),
    ("منى", ("Mona", "Muna"), 8),
    ("أمل", ("Amal",), 8),
    ("سمر", ("Samar",), 6),
    ("رغد", ("Raghad",), 5),
    ("آمنة", ("Amina", "Amneh", "Ameneh"), 10),
    ("نادية", ("Nadia", "Nadiya"), 6),
    ("حنان", ("Hanan",), 6),
    ("سوسن", ("Sawsan", "Sawssan"), 4),
    ("ليلى", ("Layla", "Leila", "Laila"), 8),
    ("دعاء", ("Doaa", "Duaa"), 5),
    ("إيمان", ("Iman", "Eman"), 8),
    ("رهف", ("Rahaf",), 5),
    ("هبة", ("Hiba", "Heba"), 6),
    ("جميلة", ("Jamila", "Jamileh"), 5),
    ("سميرة", ("Samira", "Sameera"), 5),
    ("غادة", ("Ghada",), 5),
    ("يسرى", ("Yusra", "Yosra"), 4),
    ("وفاء", ("Wafaa", "Wafa"), 5),
    ("رقية", ("Ruqaya", "Roqaya"), 5),
    ("أسماء", ("Asmaa", "Asma"), 6),
    ("صفاء", ("Safaa", "Safa"), 5),
    ("ميساء", ("Maysaa", "Maisa"), 4),
    ("بشرى", ("Bushra", "Boushra"), 4),
    ("رحاب", ("Rehab", "Rihab"), 4),
)

_PLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("دمشق", ("Damascus", "Dimashq")),
    ("حلب", ("Aleppo", "Halab")),
    ("حمص", ("Homs", "Hims")),
    ("حماة", ("Hama", "Hamah")),
    ("درعا", ("Daraa", "Deraa")),
    ("إدلب", ("Idlib", "Edlib")),
    ("دير الزور", ("Deir ez-Zor", "Deir Ezzor")),
    ("الرقة", ("Raqqa", "Al-Raqqah")),
    ("اللاذقية", ("Latakia", "Lattakia")),
    ("طرطوس", ("Tartus", "Tartous")),
    ("دوما", ("Douma", "Duma")),
    ("داريا", ("Daraya", "Darayya")),
    ("الزبداني", ("Zabadani", "Al-Zabadani")),
    ("تلكلخ", ("Talkalakh", "Tal Kalakh")),
    ("السويداء", ("Sweida", "As-Suwayda")),
    ("القامشلي", ("Qamishli", "Al-Qamishli")),
)

_DETENTION_PLACES: tuple[tuple[str, str], ...] = (
    ("فرع فلسطين", "Palestine Branch"),
    ("سجن صيدنايا", "Saydnaya Prison"),
    ("فرع المنطقة", "Area Branch"),
    ("مطار المزة العسكري", "Mezzeh Military Airport"),
    ("فرع الأمن السياسي", "Political Security Branch"),
    ("حاجز", "Checkpoint"),
)

# Root letters for family names: (Arabic, Latin spellings).
_ROOT_LETTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ب", ("b",)),
    ("ت", ("t",)),
    ("ج", ("j", "g")),
    ("ح", ("h",)),
    ("خ", ("kh",)),
    ("د", ("d",)),
    ("ر", ("r",)),
    ("ز", ("z",)),
    ("س", ("s",)),
    ("ش", ("sh", "ch")),
    ("ص", ("s",)),
    ("ط", ("t",)),
    ("ف", ("f",)),
    ("ق", ("q", "k")),
    ("ك", ("k",)),
    ("ل", ("l",)),
    ("م", ("m",)),
    ("ن", ("n",)),
)
# Word patterns: Arabic with {1}{2}{3} root slots, Latin spellings of the same pattern.
_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("{1}ا{2}{3}", ("{1}a{2}i{3}", "{1}a{2}e{3}")),  # فاعل
    ("{1}{2}ي{3}", ("{1}a{2}i{3}", "{1}a{2}ee{3}")),  # فعيل
    ("{1}{2}ا{3}", ("{1}a{2}{2}a{3}", "{1}a{2}a{3}")),  # فعّال
    ("م{1}{2}و{3}", ("ma{1}{2}u{3}", "ma{1}{2}ou{3}")),  # مفعول
)

_OCR_CONFUSIONS: dict[str, str] = {
    "ب": "تن",
    "ت": "بن",
    "ث": "ت",
    "ن": "بت",
    "ج": "حخ",
    "ح": "جخ",
    "خ": "حج",
    "د": "ذ",
    "ذ": "د",
    "ر": "ز",
    "ز": "ر",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ط": "ظ",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
    "ة": "ه",
    "ه": "ة",
}
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TITLES_AR = ("الحاج", "الشيخ")
_TITLES_LAT = ("Hajj", "Sheikh")


@dataclass(frozen=True, slots=True)
class Name:
    """A name in Arabic with its Latin spellings."""

    arabic: str
    latin: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """One synthetic person: the truth that the lists report with errors."""

    person_id: int
    first: Name
    father: Name
    grandfather: Name
    family: Name
    mother: Name
    mother_family: Name
    sex: str
    birth_year: int
    birth_place: Name
    national_id: str
    arrest_year: int
    arrest_month: int
    arrest_place: tuple[str, str]


class _Pool:
    """Weighted draws from a list of names."""

    def __init__(self, names: Sequence[Name], weights: Sequence[float]) -> None:
        self.names = list(names)
        self.cumulative = list(accumulate(weights))

    def draw(self, rng: random.Random) -> Name:
        return rng.choices(self.names, cum_weights=self.cumulative)[0]


def _family_names(rng: random.Random) -> _Pool:
    names: list[Name] = []
    letters = list(_ROOT_LETTERS)
    for first in letters:
        for second in letters:
            for third in letters:
                if len({first[0], second[0], third[0]}) < 3:
                    continue
                for pattern_ar, patterns_lat in _PATTERNS:
                    arabic = (
                        pattern_ar.replace("{1}", first[0])
                        .replace("{2}", second[0])
                        .replace("{3}", third[0])
                    )
                    latin = tuple(
                        p.replace("{1}", c1).replace("{2}", c2).replace("{3}", c3)
                        for p in patterns_lat
                        for c1 in first[1][:1]
                        for c2 in second[1]
                        for c3 in third[1][:1]
                    )
                    names.append(Name(arabic, latin))
    rng.shuffle(names)
    # Many Syrian family names are given names, with or without the article (الحسن, العلي,
    # يوسف, Khalil): about one person in eight, among the larger families.
    for name, latin, _weight in _MALE:
        names.insert(rng.randrange(300), Name(name, latin))
    # Zipf-like frequencies: a few large families, a long tail of small ones.
    weights = [1.0 / (rank + 10) for rank in range(len(names))]
    return _Pool(names, weights)


def _given_pool(table: Sequence[tuple[str, tuple[str, ...], int]]) -> _Pool:
    return _Pool([Name(ar, lat) for ar, lat, _ in table], [w for _, _, w in table])


def _people(rng: random.Random) -> Iterator[Person]:
    families = _family_names(rng)
    males = _given_pool(_MALE)
    females = _given_pool(_FEMALE)
    places = [Name(ar, lat) for ar, lat in _PLACES]
    person_id = 0
    while True:
        family = families.draw(rng)
        grandfather = males.draw(rng)
        place = rng.choice(places)
        fathers: list[Name] = []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            father = males.draw(rng)
            while father in fathers or father == grandfather:
                father = males.draw(rng)
            fathers.append(father)
        for father in fathers:
            mother = females.draw(rng)
            # Her own family name: the same as her husband's in a cousin marriage.
            mother_family = family if rng.random() < 0.2 else families.draw(rng)
            year = rng.randint(1950, 2000)
            children: list[Name] = []
            for index in range(rng.choice((1, 2, 2, 3, 3, 4, 5))):
                sex = "M" if rng.random() < 0.8 else "F"
                if sex == "M" and index == 0 and rng.random() < 0.35:
                    first = grandfather  # the first son named after his grandfather
                else:
                    first = (males if sex == "M" else females).draw(rng)
                    while first in children or first == father:
                        first = (males if sex == "M" else females).draw(rng)
                children.append(first)
                person_id += 1
                yield Person(
                    person_id=person_id,
                    first=first,
                    father=father,
                    grandfather=grandfather,
                    family=family,
                    mother=mother,
                    mother_family=mother_family,
                    sex=sex,
                    birth_year=year,
                    birth_place=place,
                    national_id=f"{rng.randrange(10**10, 10**11)}",
                    arrest_year=rng.randint(2011, 2020),
                    arrest_month=rng.randint(1, 12),
                    arrest_place=rng.choice(_DETENTION_PLACES),
                )
                year += rng.randint(1, 4)


# --- how each list writes a name ------------------------------------------------------------


def _typed_arabic(name: str, rng: random.Random) -> str:
    """Spelling variation of a relative typing Arabic."""
    if rng.random() < 0.3:
        name = name.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    if rng.random() < 0.2 and name.endswith("ة"):
        name = name[:-1] + "ه"
    if rng.random() < 0.3 and name.endswith("ى"):
        name = name[:-1] + "ي"
    if name.startswith("عبد "):
        if rng.random() < 0.5:
            name = "عبد" + name[4:]
    elif rng.random() < 0.02 and len(name) > 3:
        # A typing slip: a letter doubled or dropped.
        index = rng.randrange(1, len(name) - 1)
        name = (
            name[:index] + name[index + 1 :]
            if rng.random() < 0.5
            else name[: index + 1] + name[index:]
        )
    return name


def _ocr_arabic(name: str, rng: random.Random) -> str:
    """A dotted letter misread by OCR, in about one name in six."""
    if rng.random() < 0.16:
        positions = [i for i, c in enumerate(name) if c in _OCR_CONFUSIONS]
        if positions:
            index = rng.choice(positions)
            name = name[:index] + rng.choice(_OCR_CONFUSIONS[name[index]]) + name[index + 1 :]
    return name


def _family_arabic(name: str, rng: random.Random) -> str:
    return ("ال" + name) if rng.random() < 0.5 else name


def _latin(name: Name, rng: random.Random) -> str:
    spelling = rng.choice(name.latin)
    if rng.random() < 0.05 and len(spelling) > 4:
        # A transliteration slip: e for a, or a doubled consonant.
        index = rng.randrange(1, len(spelling) - 1)
        if spelling[index] == "a":
            spelling = spelling[:index] + "e" + spelling[index + 1 :]
        elif spelling[index] not in "aeiou":
            spelling = spelling[:index] + spelling[index] + spelling[index:]
    return spelling[:1].upper() + spelling[1:]


def _family_latin(name: Name, rng: random.Random) -> str:
    base = _latin(name, rng)
    article = rng.choice(("", "", "al-", "Al-", "el-", "Al "))
    return article + base


def _french(spelling: str) -> str:
    """The French tradition of transliteration: ou for u, ch for sh, dj for j, Abdel, -e."""
    text = spelling.replace("Abdul", "Abdel").replace("Abd al-", "Abd el-")
    text = text.replace("sh", "ch").replace("Sh", "Ch")
    text = re.sub(r"(?<![oO])u", "ou", text)
    text = re.sub(r"(?<![oO])U", "Ou", text)
    if text.startswith("J"):
        text = "Dj" + text[1:]
    return text


def _arabizi(name: Name, spelling: str) -> str:
    """Latin typed with an Arabic keyboard's habits: 7 for ح, 5 for خ, 3 for an initial ع."""
    if "خ" in name.arabic and "kh" in spelling.lower():
        index = spelling.lower().index("kh")
        spelling = spelling[:index] + "5" + spelling[index + 2 :]
    if "ح" in name.arabic:
        for index, char in enumerate(spelling):
            before = spelling[index - 1 : index].lower()
            if char in "hH" and 0 < index < len(spelling) - 1 and before not in "kstgdc":
                spelling = spelling[:index] + "7" + spelling[index + 1 :]
                break
    if name.arabic.startswith("ع") and spelling[:1].lower() in "aeiou":
        spelling = "3" + spelling.lower()
    return spelling


_LINEAGE_WORDS = ("bin", "son of", "ibn", "s/o")
_LINEAGE_WORDS_F = ("bint", "daughter of", "d/o")


def _latin_full_name(
    first: str, father: str, grandfather: str, family: str, sex: str, rng: random.Random
) -> str:
    """A whole name in one column as Latin lists write it, in one of their orders (issue 15):
    ``FAMILY, Given Father`` 35 %, ``FAMILY Given Father`` 12 %, with "son of" / bin 10 %,
    ``Family Given Father`` without any sign 6 %, natural order otherwise."""
    given = " ".join(w for w in (first, father, grandfather) if w)
    draw = rng.random()
    upper = family.upper() if rng.random() < 0.7 else family
    if draw < 0.35:
        return f"{upper}, {given}"
    if draw < 0.47:
        return f"{family.upper()} {given}"
    if draw < 0.57 and father:
        word = rng.choice(_LINEAGE_WORDS if sex == "M" else _LINEAGE_WORDS_F)
        rest = " ".join(w for w in (father, grandfather) if w)
        return f"{first} {word} {rest} {family}"
    if draw < 0.63:
        # The family name first with no sign at all: no comma, no capitals.
        return f"{family} {given}"
    return f"{given} {family}"


# Arabic letters that do not join the next one: OCR's stray spaces fall after them ("محمو د").
_NON_JOINING = frozenset("اأإآدذرزوؤة")


def _ocr_words(words: list[str], rng: random.Random) -> list[str]:
    """A full name as OCR reads a scanned line: a word split in two after a letter that does not
    join (4 %), or two words glued where the space was narrow (4 %)."""
    draw = rng.random()
    if draw < 0.04:
        index = rng.randrange(len(words))
        word = words[index]
        cuts = [i + 1 for i, c in enumerate(word[:-2]) if c in _NON_JOINING and i >= 1]
        if cuts:
            cut = rng.choice(cuts)
            return [*words[:index], word[:cut], word[cut:], *words[index + 1 :]]
    elif draw < 0.08 and len(words) >= 2:
        index = rng.randrange(len(words) - 1)
        return [*words[:index], words[index] + words[index + 1], *words[index + 2 :]]
    return words


def _ocr_year(year: str, rng: random.Random) -> str:
    """A birth year misread beyond any plausible range (1985 → 7985, 1470, 1085)."""
    index = rng.choice((0, 1))
    wrong = rng.choice("0234567" if index == 0 else "0123458")
    return year[:index] + wrong + year[index + 1 :]


def _ocr_national_id(number: str, rng: random.Random) -> str:
    """A national number misread: a digit dropped or doubled, or a letter for a digit."""
    draw = rng.random()
    index = rng.randrange(len(number))
    if draw < 0.35:
        return number[:index] + number[index + 1 :]
    if draw < 0.6:
        return number[:index] + number[index] + number[index:]
    letters = {"0": "O", "1": "l", "5": "S", "8": "B"}
    spots = [i for i, c in enumerate(number) if c in letters]
    if not spots:
        return number[:index] + number[index + 1 :]
    index = rng.choice(spots)
    return number[:index] + letters[number[index]] + number[index + 1 :]


@dataclass(slots=True)
class _Record:
    source: str
    person: Person
    row: dict[str, str]


def _write_record(person: Person, source: str, rng: random.Random) -> dict[str, str]:
    row = dict.fromkeys(FIELDS, "")
    p = person
    if source == "un":
        first = _latin(p.first, rng)
        father = _latin(p.father, rng) if rng.random() < 0.9 else ""
        grandfather = _latin(p.grandfather, rng) if father and rng.random() < 0.5 else ""
        family = _family_latin(p.family, rng)
        mother = _latin(p.mother, rng) if rng.random() < 0.5 else ""
        if mother and rng.random() < 0.2:
            mother += " " + _family_latin(p.mother_family, rng)
        style = rng.random()
        if style < 0.25:  # a French-speaking writer
            first, father, grandfather, family, mother = map(
                _french, (first, father, grandfather, family, mother)
            )
        elif style < 0.29:  # Latin typed with an Arabic keyboard's habits
            first, father = _arabizi(p.first, first), _arabizi(p.father, father)
            family = _arabizi(p.family, family)
        place = rng.choice(p.birth_place.latin)
        if rng.random() < 0.05:
            first = f"{rng.choice(_TITLES_LAT)} {first}"
    else:
        alter = _typed_arabic if source == "families" else _ocr_arabic
        first = alter(p.first.arabic, rng)
        father = alter(p.father.arabic, rng)
        grandfather = alter(p.grandfather.arabic, rng) if rng.random() < 0.75 else ""
        family = alter(_family_arabic(p.family.arabic, rng), rng)
        mother = alter(p.mother.arabic, rng) if rng.random() < 0.8 else ""
        if mother and source == "families" and rng.random() < 0.4:
            # Her full name, with her own family name, as relatives often give it.
            mother += " " + alter(_family_arabic(p.mother_family.arabic, rng), rng)
        place = p.birth_place.arabic
        if source == "families" and rng.random() < 0.05:
            first = f"{rng.choice(_TITLES_AR)} {first}"
    year = p.birth_year
    if rng.random() < 0.12:
        year += rng.choice((-1, 1))
    row["birth_year"] = str(year) if rng.random() < 0.85 else ""
    if source == "official" and row["birth_year"] and rng.random() < 0.015:
        row["birth_year"] = _ocr_year(row["birth_year"], rng)
    if source == "official" and row["birth_year"] and rng.random() < 0.5:
        row["birth_year"] = row["birth_year"].translate(_ARABIC_INDIC)
    row["sex"] = (
        (("ذكر" if p.sex == "M" else "أنثى") if source != "un" else p.sex)
        if rng.random() < 0.9
        else ""
    )
    if source == "un" and row["sex"] and rng.random() < 0.3:
        row["sex"] = "male" if p.sex == "M" else "female"
    row["birth_place"] = place if rng.random() < 0.6 else ""
    if source == "official" and rng.random() < 0.5:
        number = p.national_id
        if rng.random() < 0.03:  # one digit misread
            index = rng.randrange(len(number))
            number = number[:index] + str(rng.randrange(10)) + number[index + 1 :]
        elif rng.random() < 0.06:  # a digit dropped or doubled, or a letter for a digit
            number = _ocr_national_id(number, rng)
        row["national_id"] = number.translate(_ARABIC_INDIC)
    elif source == "families" and rng.random() < 0.1:
        row["national_id"] = p.national_id
    if rng.random() < 0.7:
        month = p.arrest_month if rng.random() < 0.8 else rng.randint(1, 12)
        row["date_of_arrest"] = (
            f"{p.arrest_year}-{month:02d}" if rng.random() < 0.8 else (str(p.arrest_year))
        )
        if source == "official":
            if rng.random() < 0.25:  # day first, as Syrian documents write it
                row["date_of_arrest"] = f"{rng.randint(1, 28):02d}/{month:02d}/{p.arrest_year}"
            if rng.random() < 0.01:  # 2012 read as 1012: an arrest before the birth
                row["date_of_arrest"] = "1" + row["date_of_arrest"][1:]
        ar, en = p.arrest_place
        row["place_of_arrest"] = en if source == "un" else ar
    if source == "families" and rng.random() < 0.35:
        # The whole name in one column, as relatives often write it, sometimes with a kunya.
        words = [first, father] + ([grandfather] if grandfather else []) + [family]
        if rng.random() < 0.08:
            words = [family, *words[:-1]]  # the family name first, without any sign
        full = " ".join(words)
        if rng.random() < 0.1:
            full += f" (أبو {rng.choice(_MALE)[0]})"
        row["full_name"] = full
    elif source == "official" and rng.random() < 0.3:
        # A scanned document prints the name on one line: OCR splits and glues its words.
        words = [first, father] + ([grandfather] if grandfather else []) + [family]
        row["full_name"] = " ".join(_ocr_words(" ".join(words).split(), rng))
    elif source == "un" and rng.random() < 0.6:
        # UN and court lists give the whole name, in their own orders (issue 15).
        full = _latin_full_name(first, father, grandfather, family, p.sex, rng)
        if rng.random() < 0.04:
            full += f" a.k.a. Abu {_latin(rng.choice(_given_pool(_MALE).names), rng)}"
        row["full_name"] = full
        row["mother_name"] = mother
    else:
        row.update(
            first_name=first,
            father_name=father,
            grandfather_name=grandfather,
            family_name=family,
            mother_name=mother,
        )
    if source != "un" and row["full_name"] and mother:
        row["mother_name"] = mother
    return row


def generate(
    records: int, *, seed: int = 1, sources: Sequence[str] = SOURCES
) -> tuple[dict[str, list[dict[str, str]]], dict[tuple[str, str], int]]:
    """Return ``({source: rows}, {(source, record_id): person_id})`` with about ``records`` rows.

    Rows have every column of ``FIELDS`` as strings (empty when missing); record ids are unique
    within a list. The same seed gives the same lists.
    """
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    lists: dict[str, list[dict[str, str]]] = {source: [] for source in sources}
    truth: dict[tuple[str, str], int] = {}
    made = 0
    counters = dict.fromkeys(sources, 0)
    for person in _people(rng):
        if made >= records:
            break
        appearances = rng.choices((1, 2, 3), weights=(40, 35, 25))[0]
        chosen = rng.sample(list(sources), min(appearances, len(sources)))
        if rng.random() < 0.04:
            chosen.append(chosen[0])  # reported twice in one list
        for source in chosen:
            counters[source] += 1
            row = _write_record(person, source, rng)
            record_id = f"{source[:1].upper()}{counters[source]:07d}"
            row["record_id"] = record_id
            lists[source].append(row)
            truth[(source, record_id)] = person.person_id
            made += 1
    for rows in lists.values():
        rng.shuffle(rows)
    return lists, truth


# Arabic headers for the families' list, to exercise the documented aliases.
_ARABIC_HEADERS = {
    "record_id": "رقم السجل",
    "full_name": "الاسم الكامل",
    "first_name": "الاسم",
    "father_name": "اسم الأب",
    "grandfather_name": "اسم الجد",
    "family_name": "الكنية",
    "mother_name": "اسم الأم",
    "sex": "الجنس",
    "birth_year": "سنة الولادة",
    "birth_place": "مكان الولادة",
    "national_id": "الرقم الوطني",
    "date_of_arrest": "تاريخ الاعتقال",
    "place_of_arrest": "مكان الاعتقال",
}


def write_lists(records: int, out: Path, *, seed: int = 1) -> list[Path]:
    """Write the generated lists and ``truth.csv`` into ``out``; return the list files."""
    out.mkdir(parents=True, exist_ok=True)
    lists, truth = generate(records, seed=seed)
    paths: list[Path] = []
    for source, rows in lists.items():
        path = out / f"{source}.csv"
        header = [_ARABIC_HEADERS[f] if source == "families" else f for f in FIELDS]
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows([row[f] for f in FIELDS] for row in rows)
        paths.append(path)
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "record_id", "person_id"])
        writer.writerows([s, r, p] for (s, r), p in truth.items())
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mizan.linkage.synthetic",
        description="Write synthetic lists of missing persons (only invented people) with truth.",
    )
    parser.add_argument("--records", type=int, default=1000, help="about how many rows in all")
    parser.add_argument("--out", type=Path, required=True, help="folder for the CSV files")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    for path in write_lists(args.records, args.out, seed=args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
