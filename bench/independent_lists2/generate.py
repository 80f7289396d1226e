#!/usr/bin/env python3
"""Second independent test set for record linkage: three lists of the same invented missing persons.

Written without looking at Mizan's linkage engine or its generator; see README.md. Standard
library only. Same seed and size give the same bytes.

    python bench/independent_lists2/generate.py --seed 5 --persons 20000 --out /tmp/l2

writes intake.csv (a missing-persons officer's Arabic intake list), register.csv (an OCR'd prison
register and court records, Arabic), ngo.csv (a Latin-script list merged from NGO submissions),
truth.csv (list,record_id,person_id), persons.csv (the people) and stats.json (what was done how
often).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

try:
    from . import names as N
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import names as N  # type: ignore[no-redef]

LISTS = ("intake", "register", "ngo")
PREFIX = {"intake": "INT-", "register": "REG-", "ngo": "NGO-"}
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

INTAKE_HEADER = [
    "رقم السجل",
    "الاسم",
    "اسم الأب",
    "اسم الجد",
    "الكنية",
    "اسم الام",
    "الجنس",
    "التولد",
    "محل الولادة",
    "الرقم الوطني",
    "تاريخ الاختفاء",
    "مكان الاختفاء",
    "ملاحظات",
]
REGISTER_HEADER = [
    "رقم السجل",
    "رقم الوثيقة",
    "الاسم الثلاثي",
    "اسم الام ونسبتها",
    "الجنس",
    "المواليد",
    "محل الولادة",
    "الرقم الوطني",
    "تاريخ الاحتجاز",
    "مكان الاحتجاز",
]
NGO_HEADER = [
    "record_id",
    "name",
    "father_name",
    "mother_name",
    "gender",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
    "source_org",
    "remarks",
]


# --------------------------------------------------------------------------------------------
# The people


@dataclass(frozen=True)
class Name:
    ar: str
    ph: str
    nicks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    ar: str
    ph: str
    region: str


@dataclass(frozen=True)
class Town:
    ar: str
    lat: tuple[str, ...]
    gov: str


@dataclass
class Person:
    pid: str
    sex: str  # "M" / "F"
    first: Name
    father: Name
    grandfather: Name
    family: Family
    mother: Name
    mother_family: Family
    birth: tuple[int, int, int]
    birth_town: Town
    nid: str
    arrest: tuple[int, int, int]
    arrest_place: str  # kind:index, e.g. "checkpoint:3", "home", "town", "unknown"
    detention: int
    household: str
    clan: str
    father_pid: str = ""
    husband_family: Family | None = None
    kurdish: bool = False


class Pools:
    def __init__(self) -> None:
        self.male = [Name(a, p, n) for a, p, _, n in N.MALE]
        self.male_w = [w for _, _, w, _ in N.MALE]
        self.old_w = [w * N.OLD_MALE_BOOST.get(a, 1.0) for a, _, w, _ in N.MALE]
        self.kmale = [Name(a, p, n) for a, p, _, n in N.KURDISH_MALE]
        self.kmale_w = [w for _, _, w, _ in N.KURDISH_MALE]
        self.female = [Name(a, p, n) for a, p, _, n in N.FEMALE]
        self.female_w = [w for _, _, w, _ in N.FEMALE]
        self.mother = [Name(a, p, n) for a, p, _, n in N.MOTHER]
        self.mother_w = [w for _, _, w, _ in N.MOTHER]
        families = N.FAMILY + N.generated_families()
        self.family = [Family(a, p, r) for a, p, _, r in families]
        self.family_w = [w for _, _, w, _ in families]
        self.towns = [Town(a, lat, g) for a, lat, g, _ in N.TOWN]
        self.town_w = [w for *_, w in N.TOWN]


def pick(rng: random.Random, items: list, weights: list[float]):  # type: ignore[type-arg]
    return rng.choices(items, weights=weights, k=1)[0]


def arrest_date(rng: random.Random) -> tuple[int, int, int]:
    year = pick(rng, list(range(2011, 2020)), [12, 30, 22, 12, 7, 6, 4, 5, 2])
    month = rng.randint(3, 12) if year == 2011 else rng.randint(1, 12)
    return (year, month, rng.randint(1, 28))


def birth_date(rng: random.Random, year: int) -> tuple[int, int, int]:
    if rng.random() < 0.15:  # registered on 1 January, as many civil records are
        return (year, 1, 1)
    return (year, rng.randint(1, 12), rng.randint(1, 28))


def build_population(rng: random.Random, n: int, pools: Pools, st: Counter[str]) -> list[Person]:
    persons: list[Person] = []
    nid_seen: set[str] = set()
    clan_no = 0
    gov_codes = {g: f"{i + 1:02d}" for i, g in enumerate(sorted(N.GOVERNORATE))}

    def new_nid(gov: str) -> str:
        while True:
            nid = gov_codes[gov] + f"{rng.randrange(10**9):09d}"
            if nid not in nid_seen:
                nid_seen.add(nid)
                return nid

    while len(persons) < n:
        clan_no += 1
        clan = f"C{clan_no:05d}"
        fam: Family = pick(rng, pools.family, pools.family_w)
        kurdish = fam.region == "ku"
        if kurdish:
            towns = [t for t in pools.towns if t.gov in N.KURDISH_GOVS]
        elif fam.region:
            towns = [t for t in pools.towns if t.gov == fam.region]
        else:
            towns = pools.towns
        town: Town = pick(rng, towns, [pools.town_w[pools.towns.index(t)] for t in towns])
        great = pick(rng, pools.male, pools.old_w)
        grandfather = pick(rng, pools.male, pools.old_w)
        while grandfather.ar == great.ar:
            grandfather = pick(rng, pools.male, pools.old_w)
        grandmother = pick(rng, pools.mother, pools.mother_w)
        grandmother_fam = pick(rng, pools.family, pools.family_w)
        n_sons = pick(rng, [1, 2, 3, 4], [50, 28, 15, 7])
        sons: list[Name] = []
        while len(sons) < n_sons:
            s = pick(rng, pools.male, pools.old_w)
            if s.ar != grandfather.ar and all(s.ar != o.ar for o in sons):
                sons.append(s)
        if n_sons > 1:
            st["population_clans_with_cousins"] += 1
        for si, father in enumerate(sons):
            household = f"{clan}-{si + 1}"
            father_birth = rng.randint(1928, 1972)
            wives = [pick(rng, pools.mother, pools.mother_w)]
            if rng.random() < 0.08:  # a second wife: half-brothers
                wives.append(pick(rng, pools.mother, pools.mother_w))
            wife_fams = []
            for _ in wives:
                if rng.random() < 0.25:  # married within the family
                    wife_fams.append(fam)
                else:
                    wife_fams.append(pick(rng, pools.family, pools.family_w))
            father_pid = ""
            father_arrest = arrest_date(rng)
            if rng.random() < 0.04 and father_birth >= 1940:
                father_pid = f"P{len(persons) + 1:06d}"
                st["population_father_and_son_missing"] += 1
                persons.append(
                    Person(
                        pid=father_pid,
                        sex="M",
                        first=father,
                        father=grandfather,
                        grandfather=great,
                        family=fam,
                        mother=grandmother,
                        mother_family=grandmother_fam,
                        birth=birth_date(rng, father_birth),
                        birth_town=town,
                        nid=new_nid(town.gov),
                        arrest=father_arrest,
                        arrest_place=_arrest_place(rng),
                        detention=rng.randrange(len(N.DETENTION)),
                        household=f"{clan}-0",
                        clan=clan,
                        kurdish=kurdish,
                    )
                )
            k = pick(rng, [1, 2, 3, 4, 5], [58, 25, 11, 4, 2])
            if k > 1:
                st["population_households_with_siblings"] += 1
            raid = rng.random() < 0.4
            raid_date = father_arrest if father_pid and rng.random() < 0.6 else arrest_date(rng)
            year = min(father_birth + rng.randint(20, 34), 2002)
            used: list[str] = []
            for ci in range(k):
                female = rng.random() < 0.08
                if female:
                    first = pick(rng, pools.female, pools.female_w)
                elif ci == 0 and rng.random() < 0.3 and grandfather.ar not in used:
                    first = grandfather  # the eldest son carries his grandfather's name
                    st["population_named_after_grandfather"] += 1
                elif kurdish and rng.random() < 0.3:
                    first = pick(rng, pools.kmale, pools.kmale_w)
                else:
                    first = pick(rng, pools.male, pools.male_w)
                tries = 0
                while (first.ar in used or first.ar == father.ar) and tries < 50:
                    first = pick(
                        rng,
                        pools.female if female else pools.male,
                        pools.female_w if female else pools.male_w,
                    )
                    tries += 1
                used.append(first.ar)
                wi = 0 if len(wives) == 1 or rng.random() < 0.6 else 1
                husband = None
                if female and year < 1994 and rng.random() < 0.7:
                    husband = pick(rng, pools.family, pools.family_w)
                persons.append(
                    Person(
                        pid=f"P{len(persons) + 1:06d}",
                        sex="F" if female else "M",
                        first=first,
                        father=father,
                        grandfather=grandfather,
                        family=fam,
                        mother=wives[wi],
                        mother_family=wife_fams[wi],
                        birth=birth_date(rng, year),
                        birth_town=town
                        if rng.random() < 0.9
                        else pick(rng, pools.towns, pools.town_w),
                        nid=new_nid(town.gov),
                        arrest=raid_date if raid else arrest_date(rng),
                        arrest_place=_arrest_place(rng),
                        detention=rng.randrange(len(N.DETENTION)),
                        household=household,
                        clan=clan,
                        father_pid=father_pid,
                        husband_family=husband,
                        kurdish=kurdish,
                    )
                )
                year = min(year + rng.randint(1, 4), 2003)
    return persons[:n]


def _arrest_place(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return "home"
    if r < 0.75:
        return f"checkpoint:{rng.randrange(len(N.CHECKPOINT))}"
    if r < 0.85:
        return "branch"
    return "unknown"


# --------------------------------------------------------------------------------------------
# Arabic as typed from phone calls


HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
KEY_NEIGHBOURS = {
    "ح": "جخه",
    "م": "نك",
    "د": "ج",
    "ع": "غه",
    "ل": "اك",
    "س": "يش",
    "ر": "ؤز",
    "ي": "سب",
    "ن": "تم",
    "ب": "لي",
    "ه": "خع",
    "ف": "قغ",
    "ق": "فص",
    "ت": "نا",
    "ا": "تل",
    "ك": "مط",
}


def typed(s: str, rng: random.Random, style: dict[str, bool], st: Counter[str]) -> str:
    """One name part as an officer types it on an Arabic keyboard, in the caller's words."""
    out = s
    if style["no_hamza"]:
        t = out.translate(HAMZA)
        if t != out:
            st["hamza_alef_dropped"] += 1
        out = t
        if "ئ" in out and rng.random() < 0.5:
            out = out.replace("ئ", "ي")
            st["hamza_seat_ya"] += 1
        if "ؤ" in out and rng.random() < 0.5:
            out = out.replace("ؤ", "و")
            st["hamza_seat_waw"] += 1
        if out.endswith("اء") and rng.random() < 0.3:
            out = out[:-1]
            st["final_hamza_dropped"] += 1
    words = out.split(" ")
    for i, w in enumerate(words):
        if w.endswith("ة") and style["ta_as_ha"]:
            words[i] = w[:-1] + "ه"
            st["ta_marbuta_as_ha"] += 1
        elif w.endswith("ى") and style["alef_maqsura_as_ya"]:
            words[i] = w[:-1] + "ي"
            st["alef_maqsura_as_ya"] += 1
        elif w.endswith("ي") and len(w) > 2 and style["ya_as_alef_maqsura"]:
            words[i] = w[:-1] + "ى"
            st["ya_as_alef_maqsura"] += 1
    out = " ".join(words)
    if out.startswith("عبد ") or " الدين" in out:
        if style["join_compounds"]:
            out = out.replace("عبد ال", "عبدال").replace(" الدين", "الدين")
            st["compound_joined"] += 1
        elif rng.random() < 0.05 and out.startswith("عبد ال"):
            out = "عبد " + out[6:]  # عبد رحمن, as said on the phone
            st["compound_article_dropped"] += 1
    elif out.startswith("عبدال") and not style["join_compounds"]:
        out = "عبد ال" + out[5:]
        st["compound_split"] += 1
    if out.endswith("رحمن") and rng.random() < 0.04:
        out = out[:-2] + "ان"  # الرحمان
        st["colloquial_long_vowel"] += 1
    if rng.random() < 0.015 and len(out) > 3:
        out = _keyboard_typo(out, rng)
        st["typo"] += 1
    return out


def _keyboard_typo(s: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(s))
    kind = rng.random()
    if s[i] == " ":
        return s
    if kind < 0.3:
        return s[:i] + s[i + 1 :]
    if kind < 0.5:
        return s[:i] + s[i] + s[i:]
    if kind < 0.7 and i + 1 < len(s) and s[i + 1] != " ":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if s[i] in KEY_NEIGHBOURS:
        return s[:i] + rng.choice(KEY_NEIGHBOURS[s[i]]) + s[i + 1 :]
    return s


def intake_style(rng: random.Random) -> dict[str, bool]:
    return {
        "no_hamza": rng.random() < 0.5,
        "ta_as_ha": rng.random() < 0.3,
        "alef_maqsura_as_ya": rng.random() < 0.35,
        "ya_as_alef_maqsura": rng.random() < 0.08,
        "join_compounds": rng.random() < 0.4,
        "eastern_digits": rng.random() < 0.35,
    }


# --------------------------------------------------------------------------------------------
# OCR of printed or handwritten registers

DOT_CONFUSION = {
    "ب": "تني",
    "ت": "بنث",
    "ث": "تن",
    "ن": "بتي",
    "ي": "بن",
    "ج": "حخ",
    "ح": "جخ",
    "خ": "حج",
    "د": "ذر",
    "ذ": "د",
    "ر": "زو",
    "ز": "ر",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ط": "ظ",
    "ظ": "ط",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
    "ة": "ه",
    "ه": "ة",
    "ى": "ي",
    "و": "ر",
    "م": "ه",
    "ك": "ل",
}
NON_CONNECTING = set("ادذرزوةأإآ")
DIGIT_CONFUSION = {
    "0": "86",
    "1": "74",
    "2": "37",
    "3": "82",
    "4": "91",
    "5": "60",
    "6": "50",
    "7": "12",
    "8": "30",
    "9": "47",
}


def ocr(s: str, rng: random.Random, q: float, st: Counter[str]) -> str:
    if not s:
        return s
    chars = []
    for ch in s:
        if ch in DOT_CONFUSION and rng.random() < q:
            chars.append(rng.choice(DOT_CONFUSION[ch]))
            st["ocr_letter_confused"] += 1
        else:
            chars.append(ch)
    out = "".join(chars)
    if rng.random() < q * 12:
        t = out.translate(HAMZA)
        if t != out:
            st["ocr_hamza_lost"] += 1
        out = t
    # a space read inside a word after a letter that does not join the next one
    if rng.random() < q * 5:
        spots = [
            i
            for i in range(1, len(out) - 1)
            if out[i] in NON_CONNECTING and out[i + 1] != " " and out[i - 1] != " "
        ]
        if spots:
            i = rng.choice(spots)
            out = out[: i + 1] + " " + out[i + 1 :]
            st["ocr_word_split"] += 1
    if " " in out and rng.random() < q * 4:
        spaces = [i for i, c in enumerate(out) if c == " "]
        i = rng.choice(spaces)
        out = out[:i] + out[i + 1 :]
        st["ocr_words_merged"] += 1
    if rng.random() < q * 2:
        i = rng.randrange(len(out))
        out = out[:i] + rng.choice(("ـ", ".", "،", "ّ", "'")) + out[i:]
        st["ocr_stray_mark"] += 1
    return out


def ocr_digits(s: str, rng: random.Random, q: float, st: Counter[str], key: str) -> str:
    out = []
    changed = False
    for ch in s:
        if ch in DIGIT_CONFUSION and rng.random() < q * 1.5:
            out.append(rng.choice(DIGIT_CONFUSION[ch]))
            changed = True
        else:
            out.append(ch)
    if changed:
        st[key] += 1
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Latin transliteration in several traditions

TRAD_CONS = {
    "en": {
        "b": ["b"],
        "t": ["t"],
        "V": ["th", "s", "t"],
        "j": ["j"],
        "H": ["h"],
        "x": ["kh"],
        "d": ["d"],
        "Q": ["dh", "z", "th"],
        "r": ["r"],
        "z": ["z"],
        "s": ["s"],
        "$": ["sh"],
        "S": ["s"],
        "D": ["d", "dh"],
        "T": ["t"],
        "Z": ["z", "dh"],
        "3": ["", "'"],
        "G": ["gh"],
        "f": ["f"],
        "q": ["q", "k"],
        "k": ["k"],
        "l": ["l"],
        "m": ["m"],
        "n": ["n"],
        "h": ["h"],
        "w": ["w"],
        "y": ["y"],
        "2": ["", "'"],
    },
    "fr": {
        "b": ["b"],
        "t": ["t"],
        "V": ["th", "t", "s"],
        "j": ["dj", "j"],
        "H": ["h"],
        "x": ["kh"],
        "d": ["d"],
        "Q": ["dh", "z"],
        "r": ["r"],
        "z": ["z"],
        "s": ["s"],
        "$": ["ch"],
        "S": ["s"],
        "D": ["d"],
        "T": ["t"],
        "Z": ["z"],
        "3": ["", "'"],
        "G": ["gh"],
        "f": ["f"],
        "q": ["k", "q"],
        "k": ["k"],
        "l": ["l"],
        "m": ["m"],
        "n": ["n"],
        "h": ["h"],
        "w": ["w", "ou"],
        "y": ["y"],
        "2": ["", "'"],
    },
    "de": {
        "b": ["b"],
        "t": ["t"],
        "V": ["th", "s"],
        "j": ["dsch", "dj", "j"],
        "H": ["h"],
        "x": ["ch", "kh"],
        "d": ["d"],
        "Q": ["dh", "s"],
        "r": ["r"],
        "z": ["z", "s"],
        "s": ["s"],
        "$": ["sch"],
        "S": ["s"],
        "D": ["d"],
        "T": ["t"],
        "Z": ["z"],
        "3": [""],
        "G": ["gh"],
        "f": ["f"],
        "q": ["k", "q"],
        "k": ["k"],
        "l": ["l"],
        "m": ["m"],
        "n": ["n"],
        "h": ["h"],
        "w": ["w"],
        "y": ["j", "y"],
        "2": [""],
    },
    "az": {
        "b": ["b"],
        "t": ["t"],
        "V": ["th", "s", "t"],
        "j": ["j", "g"],
        "H": ["7"],
        "x": ["5", "kh"],
        "d": ["d"],
        "Q": ["z", "th"],
        "r": ["r"],
        "z": ["z"],
        "s": ["s"],
        "$": ["sh", "ch"],
        "S": ["s", "9"],
        "D": ["d", "th"],
        "T": ["t", "6"],
        "Z": ["z"],
        "3": ["3"],
        "G": ["gh"],
        "f": ["f"],
        "q": ["2", "q", "k"],
        "k": ["k"],
        "l": ["l"],
        "m": ["m"],
        "n": ["n"],
        "h": ["h"],
        "w": ["w"],
        "y": ["y"],
        "2": ["2", ""],
    },
    "ku": {
        "b": ["b"],
        "t": ["t"],
        "V": ["s"],
        "j": ["c"],
        "H": ["h", "ḧ"],
        "x": ["x"],
        "d": ["d"],
        "Q": ["z"],
        "r": ["r"],
        "z": ["z"],
        "s": ["s"],
        "$": ["ş"],
        "S": ["s"],
        "D": ["d"],
        "T": ["t"],
        "Z": ["z"],
        "3": ["", "'"],
        "G": ["x", "gh"],
        "f": ["f"],
        "q": ["q"],
        "k": ["k"],
        "l": ["l"],
        "m": ["m"],
        "n": ["n"],
        "h": ["h"],
        "w": ["w"],
        "y": ["y"],
        "2": [""],
    },
}
TRAD_VOW = {
    "en": {
        "a": ["a"],
        "i": ["i", "e"],
        "u": ["u", "o"],
        "A": ["a", "a", "aa"],
        "I": ["i", "ee"],
        "U": ["ou", "u", "oo"],
        "@": ["a", "ah", "eh"],
    },
    "fr": {
        "a": ["a"],
        "i": ["i", "e"],
        "u": ["ou", "o", "u"],
        "A": ["a"],
        "I": ["i"],
        "U": ["ou"],
        "@": ["a", "e"],
    },
    "de": {
        "a": ["a"],
        "i": ["i", "e"],
        "u": ["u", "o"],
        "A": ["a"],
        "I": ["i", "ie"],
        "U": ["u"],
        "@": ["a", "e"],
    },
    "az": {
        "a": ["a", "e"],
        "i": ["e", "i"],
        "u": ["o", "u"],
        "A": ["a"],
        "I": ["i", "ee"],
        "U": ["o", "ou", "u"],
        "@": ["a", "e", "eh"],
    },
    "ku": {
        "a": ["e", "a"],
        "i": ["i", "ê"],
        "u": ["u", "o"],
        "A": ["a"],
        "I": ["î"],
        "U": ["û"],
        "@": ["e", "a"],
    },
}
DIPHTHONG = {
    "en": {"ay": ["ay", "ai", "ei"], "aw": ["aw", "ou", "o"]},
    "fr": {"ay": ["ay", "ai", "ei"], "aw": ["aw", "ou", "au"]},
    "de": {"ay": ["ai", "ei"], "aw": ["au", "aw"]},
    "az": {"ay": ["ai", "ei", "ay"], "aw": ["aw", "ou", "o"]},
    "ku": {"ay": ["ey", "ay"], "aw": ["ew", "aw"]},
}
VOWELS = set("aiuAIU@")
CURATED = {
    "2abU": {
        "en": ["Abu", "Abou", "Abo"],
        "fr": ["Abou", "Abu"],
        "de": ["Abu"],
        "az": ["Abu", "Abo", "2abo"],
        "ku": ["Ebû", "Abu"],
    },
    "muHammad": {
        "en": ["Mohammad", "Mohammed", "Muhammad", "Mohamad", "Mhd", "Mohd", "Mohamed"],
        "fr": ["Mohamad", "Mohammed", "Mouhammad", "Mohamed", "Mhd", "Mouhamad"],
        "de": ["Mohammed", "Muhammad", "Mohamad"],
        "az": ["Mo7amad", "M7md", "Mohamad", "Mo7ammad"],
        "ku": ["Mihemed", "Muhammed"],
    },
    "2aHmad": {
        "en": ["Ahmad", "Ahmed"],
        "fr": ["Ahmad", "Ahmed"],
        "de": ["Ahmad", "Achmed"],
        "az": ["A7mad", "A7med"],
        "ku": ["Ehmed", "Ahmed"],
    },
    "maHmUd": {
        "en": ["Mahmoud", "Mahmud"],
        "fr": ["Mahmoud"],
        "de": ["Mahmud", "Machmud"],
        "az": ["Ma7moud", "Ma7mod"],
        "ku": ["Mehmûd"],
    },
    "3alI": {
        "en": ["Ali", "Aly"],
        "fr": ["Ali"],
        "de": ["Ali"],
        "az": ["3ali", "Ali"],
        "ku": ["Elî", "Ali"],
    },
    "xAlid": {
        "en": ["Khaled", "Khalid"],
        "fr": ["Khaled"],
        "de": ["Chalid", "Khaled"],
        "az": ["5aled", "Khaled"],
        "ku": ["Xalid"],
    },
    "3umar": {
        "en": ["Omar", "Umar"],
        "fr": ["Omar", "Oumar"],
        "de": ["Omar"],
        "az": ["3omar", "Omar"],
        "ku": ["Ömer", "Omer"],
    },
    "Husayn": {
        "en": ["Hussein", "Husain", "Hussain", "Husayn"],
        "fr": ["Hussein", "Houssein"],
        "de": ["Hussein", "Husain"],
        "az": ["7sen", "7usein", "Hussein"],
        "ku": ["Hisên", "Husên"],
    },
    "Hasan": {
        "en": ["Hassan", "Hasan"],
        "fr": ["Hassan"],
        "de": ["Hassan", "Hasan"],
        "az": ["7asan", "7assan"],
        "ku": ["Hesen"],
    },
    "muSTafA": {
        "en": ["Mustafa", "Mostafa", "Moustafa"],
        "fr": ["Moustafa", "Mostafa"],
        "de": ["Mustafa"],
        "az": ["Mostafa", "Mus6afa"],
        "ku": ["Mistefa"],
    },
    "yUsuf": {
        "en": ["Yousef", "Yusuf", "Youssef"],
        "fr": ["Youssef", "Youcef"],
        "de": ["Jusuf", "Yousef"],
        "az": ["Yousef", "Yosef"],
        "ku": ["Ûsiv", "Yusuf"],
    },
    "2ibrAhIm": {
        "en": ["Ibrahim", "Ebrahim"],
        "fr": ["Ibrahim", "Brahim"],
        "de": ["Ibrahim"],
        "az": ["Ibra7im", "Ebrahim"],
        "ku": ["Birahîm", "Ibrahim"],
    },
    "wA2il": {
        "en": ["Wael", "Wa'il", "Wail"],
        "fr": ["Wael", "Ouaël"],
        "de": ["Wael", "Wail"],
        "az": ["Wa2el", "Wael"],
        "ku": ["Wail"],
    },
    "fATima@": {
        "en": ["Fatima", "Fatema", "Fatmeh"],
        "fr": ["Fatima", "Fatma"],
        "de": ["Fatima", "Fatme"],
        "az": ["Fatma", "Fatme"],
        "ku": ["Fatma", "Fatê"],
    },
    "3A2i$a@": {
        "en": ["Aisha", "Aysha", "Aicha"],
        "fr": ["Aïcha", "Aicha"],
        "de": ["Aischa"],
        "az": ["3ay4a", "Aisha", "3aysheh"],
        "ku": ["Eyşe"],
    },
    "2usAma@": {
        "en": ["Osama", "Usama", "Ousama"],
        "fr": ["Oussama", "Ossama"],
        "de": ["Usama", "Osama"],
        "az": ["Osama", "2osama"],
        "ku": ["Usame"],
    },
    "3uVmAn": {
        "en": ["Othman", "Osman", "Uthman"],
        "fr": ["Othman", "Osmane"],
        "de": ["Osman", "Othman"],
        "az": ["3othman", "3osman"],
        "ku": ["Osman"],
    },
}
ARTICLE = {
    "en": (["al-", "Al-", "Al ", "al ", "el-", "", "Al"], [30, 20, 12, 5, 8, 20, 5]),
    "fr": (["al-", "Al-", "el-", "El ", "", "El"], [20, 15, 20, 10, 25, 10]),
    "de": (["al-", "Al-", "el-", ""], [30, 20, 10, 40]),
    "az": (["el ", "al ", "el", "al", ""], [25, 20, 15, 10, 30]),
    "ku": ([""], [1]),
}
SUN = set("tVdQrzs$SDTZln")
ABD = {
    "en": ["Abdul ", "Abdul", "Abd al-", "Abd Al ", "Abdel ", "Abdal", "Abd-Al-"],
    "fr": ["Abdel", "Abdel ", "Abd el-", "Abd El ", "Abdal", "Abdoul"],
    "de": ["Abdul", "Abd al-", "Abdel "],
    "az": ["3abd el", "3abdul ", "Abdul", "3bd al"],
    "ku": ["Ebdul", "Evdil "],
}
ABDALLAH = {
    "en": ["Abdullah", "Abdallah", "Abd Allah", "Abdulla"],
    "fr": ["Abdallah", "Abdellah", "Abdalla"],
    "de": ["Abdullah", "Abdallah"],
    "az": ["3abdallah", "Abdallah", "3bdullah"],
    "ku": ["Ebdulla", "Evdila"],
}
DIN = {
    "en": [" al-Din", " al Din", "uddin", "eddin", " Aldeen", " Eddin"],
    "fr": ["eddine", " Eddine", " el-Dine", "eddin"],
    "de": [" ad-Din", "eddin"],
    "az": [" el din", "eldeen", "eddin"],
    "ku": ["edîn", "eddin"],
}


def choose(rng: random.Random, opts: list[str]) -> str:
    """The first spelling most of the time, another one now and then."""
    if len(opts) == 1 or rng.random() < 0.7:
        return opts[0]
    return rng.choice(opts[1:])


def _cap(w: str) -> str:
    if w[:1].isdigit():  # 7asan, 3omar: chat spellings start with the digit
        return w
    for i, c in enumerate(w):
        if c.isalpha():
            return w[:i] + c.upper() + w[i + 1 :]
    return w


def translit_word(ph: str, trad: str, rng: random.Random, st: Counter[str]) -> str:
    ph = ph.replace("a@", "@")
    if ph in CURATED and rng.random() < 0.9:
        return choose(rng, CURATED[ph][trad])
    # An initial hamza or ayn is not written; chat spelling writes the ayn (3omar) only.
    ph = ph.lstrip("2") if trad == "az" else ph.lstrip("23")
    cons, vow, dip = TRAD_CONS[trad], TRAD_VOW[trad], DIPHTHONG[trad]
    drop_gem = rng.random() < (0.5 if trad == "az" else 0.3)
    out: list[str] = []
    i = 0
    while i < len(ph):
        c = ph[i]
        nxt = ph[i + 1] if i + 1 < len(ph) else ""
        after = ph[i + 2] if i + 2 < len(ph) else ""
        if c == "a" and nxt in "yw" and after not in VOWELS:
            out.append(choose(rng, dip["a" + nxt]))
            i += 2
            if after == nxt:  # quSayy
                i += 1
            continue
        if c in vow:
            if c == "I" and i == len(ph) - 1:
                out.append(
                    choose(
                        rng,
                        {
                            "en": ["i", "y", "ee"],
                            "fr": ["i", "y"],
                            "de": ["i"],
                            "az": ["i", "y"],
                            "ku": ["î"],
                        }[trad],
                    )
                )
            else:
                out.append(choose(rng, vow[c]))
            i += 1
            continue
        if c in cons:
            g = cons[c]
            letter = choose(rng, g)
            if nxt == c:  # shadda
                out.append(letter if drop_gem else letter + letter[-1:])
                i += 2
                continue
            if trad == "fr" and c == "s" and out and out[-1][-1:] in "aeiou" and nxt in VOWELS:
                letter = "ss"  # Oussama, Moussa
            out.append(letter)
            i += 1
            continue
        out.append(c)
        i += 1
    return _cap("".join(out))


def translit_name(ph: str, trad: str, rng: random.Random, st: Counter[str]) -> str:
    """A given name (possibly compound) in one tradition."""
    if ph in ("3abd allAh", "3abdallAh"):
        return choose(rng, ABDALLAH[trad])
    if ph.startswith("3abd al-"):
        head = choose(rng, ABD[trad])
        rest = translit_word(ph[len("3abd al-") :], trad, rng, st)
        if ph[8] in SUN and trad in ("en", "fr") and rng.random() < 0.08:
            head = (
                "Abd " + {"en": "a", "fr": "e"}[trad] + TRAD_CONS[trad].get(ph[8], [ph[8]])[0] + "-"
            )
        if head[-1:].isalpha():
            rest = rest.lower()
        return head + rest
    if ph.endswith(" al-dIn"):
        first = translit_word(ph[: -len(" al-dIn")], trad, rng, st)
        return first + choose(rng, DIN[trad])
    return " ".join(translit_word(w, trad, rng, st) for w in ph.split(" "))


def translit_family(
    fam: Family, trad: str, rng: random.Random, st: Counter[str], *, upper: bool
) -> str:
    ph = fam.ph
    if ph.startswith("al-"):
        body_ph = ph[3:]
        body = " ".join(translit_name(w, trad, rng, st) for w in body_ph.split(" "))
        arts, w = ARTICLE[trad]
        art = pick(rng, arts, w)
        if art == "":
            st["article_dropped"] += 1
        elif body_ph[0] in SUN and trad in ("en", "fr") and rng.random() < 0.12:
            sun = TRAD_CONS[trad][body_ph[0]][0]
            art = ("a" if trad == "en" else "e") + sun + "-"
            st["article_assimilated"] += 1
        name = art + body
    else:
        name = translit_name(ph, trad, rng, st)
        if ph.startswith("2abU ") and trad == "fr":
            name = name.replace("Abu ", "Abou ", 1)
    if upper:
        name = name.upper()
    return name


# --------------------------------------------------------------------------------------------
# Dates and numbers


def fmt_date(d: tuple[int, int, int], form: str) -> str:
    y, m, dd = d
    if form == "y":
        return f"{y}"
    if form == "ym":
        return f"{y}-{m:02d}"
    if form == "iso":
        return f"{y}-{m:02d}-{dd:02d}"
    return f"{dd:02d}/{m:02d}/{y}"


def shift_days(d: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    import datetime as dt

    x = dt.date(*d) + dt.timedelta(days=days)
    return (x.year, x.month, x.day)


def age_year(p: Person, rng: random.Random, st: Counter[str]) -> int:
    """The caller gave an age; the officer subtracted it from the year of the arrest."""
    age = p.arrest[0] - p.birth[0] - (1 if (p.arrest[1], p.arrest[2]) < p.birth[1:] else 0)
    age += pick(rng, [0, 1, -1, 2], [55, 25, 12, 8])
    if age > 28 and rng.random() < 0.35:
        age = 5 * round(age / 5)
    base = p.arrest[0] if rng.random() < 0.7 else 2016 + rng.randrange(5)  # or the call's year
    st["birth_year_from_age"] += 1
    return base - age


# --------------------------------------------------------------------------------------------
# The three lists


def render_intake(p: Person, rng: random.Random, st: Counter[str]) -> dict[str, str]:
    style = intake_style(rng)
    row = dict.fromkeys(INTAKE_HEADER, "")

    def t(name: str) -> str:
        return typed(name, rng, style, st)

    first = p.first.ar
    if p.first.nicks and rng.random() < 0.05:
        first = rng.choice(p.first.nicks)
        st["nickname_for_first_name"] += 1
    fam = p.family.ar
    if rng.random() < 0.07:  # the whole name in the first cell
        parts = [t(first), t(p.father.ar)]
        if rng.random() < 0.3:
            parts.append(t(p.grandfather.ar))
        parts.append(t(fam))
        row["الاسم"] = " ".join(parts)
        st["whole_name_in_first_cell"] += 1
    else:
        row["الاسم"] = t(first)
        if rng.random() < 0.025:
            row["الاسم"] += f" ({t('أبو ' + rng.choice(N.MALE)[0])})"
            st["kunya_in_brackets"] += 1
        if rng.random() < 0.12:
            st["father_missing"] += 1
        else:
            row["اسم الأب"] = t(p.father.ar)
        if rng.random() < 0.55:
            st["grandfather_missing"] += 1
        else:
            row["اسم الجد"] = t(p.grandfather.ar)
        r = rng.random()
        if r < 0.04:
            st["family_missing"] += 1
        else:
            f = t(fam)
            if f.startswith("ال") and rng.random() < 0.07:
                f = f[2:]
                st["family_article_dropped"] += 1
            row["الكنية"] = f
    r = rng.random()
    if r < 0.2:
        st["mother_missing"] += 1
    elif r < 0.75:
        row["اسم الام"] = t(p.mother.ar)
        st["mother_first_only"] += 1
    else:
        row["اسم الام"] = t(p.mother.ar) + " " + t(p.mother_family.ar)
        st["mother_full"] += 1
    if rng.random() < 0.92:
        row["الجنس"] = "ذكر" if p.sex == "M" else "أنثى"
    r = rng.random()
    if r < 0.12:
        st["birth_missing"] += 1
    elif r < 0.62:
        y = p.birth[0] + (pick(rng, [-1, 1], [1, 1]) if rng.random() < 0.1 else 0)
        row["التولد"] = str(y)
    elif r < 0.87:
        row["التولد"] = str(age_year(p, rng, st))
    elif r < 0.9:
        row["التولد"] = fmt_date(p.birth, "ym")
    elif r < 0.993:
        row["التولد"] = fmt_date(p.birth, "dmy")
    else:
        age = p.arrest[0] - p.birth[0]
        row["التولد"] = f"{age} سنة"
        st["birth_age_instead_of_year"] += 1
    r = rng.random()
    if r < 0.6:
        row["محل الولادة"] = t(p.birth_town.ar)
    elif r < 0.75:
        row["محل الولادة"] = N.GOVERNORATE[p.birth_town.gov][0]
        st["birth_place_governorate_only"] += 1
    if rng.random() < 0.12:
        nid = p.nid
        if rng.random() < 0.05:
            i = rng.randrange(len(nid))
            nid = nid[:i] + str((int(nid[i]) + 1) % 10) + nid[i + 1 :]
            st["national_id_typo"] += 1
        row["الرقم الوطني"] = nid
        st["national_id_given"] += 1
    r = rng.random()
    if r < 0.1:
        st["arrest_date_missing"] += 1
    else:
        d = p.arrest
        if rng.random() < 0.25:
            d = shift_days(d, rng.randint(-60, 60))
            st["arrest_date_misremembered"] += 1
        if rng.random() < 0.04:
            d = (d[0] + rng.choice((-1, 1)), d[1], d[2])
            st["arrest_year_misremembered"] += 1
        form = pick(rng, ["y", "ym", "dmy", "iso"], [20, 25, 33, 22])
        row["تاريخ الاختفاء"] = fmt_date(d, form)
    row["مكان الاختفاء"] = _intake_place(p, rng, t, st)
    row["ملاحظات"] = rng.choice(N.INTAKE_NOTES)
    if style["eastern_digits"]:
        for k in ("التولد", "الرقم الوطني", "تاريخ الاختفاء"):
            row[k] = row[k].translate(EASTERN)
        st["eastern_digits"] += 1
    return row


def _intake_place(p: Person, rng: random.Random, t, st: Counter[str]) -> str:  # type: ignore[no-untyped-def]
    if rng.random() < 0.25 or p.arrest_place == "unknown":
        return ""
    town = t(p.birth_town.ar)
    if p.arrest_place == "home":
        return rng.choice(("من المنزل في ", "من البيت - ", "")) + town
    if p.arrest_place.startswith("checkpoint:"):
        cp = N.CHECKPOINT[int(p.arrest_place.split(":")[1])][0]
        return cp if rng.random() < 0.6 else f"{cp} - {town}"
    return "راجع " + N.DETENTION[p.detention][0]


def render_register(
    p: Person, rng: random.Random, q: float, eastern: bool, doc: str, st: Counter[str]
) -> dict[str, str]:
    row = dict.fromkeys(REGISTER_HEADER, "")
    row["رقم الوثيقة"] = doc
    first, father, gf, fam = p.first.ar, p.father.ar, p.grandfather.ar, p.family.ar
    form = pick(rng, ["ffF", "ffgF", "bin", "Fff", "F,ff", "fF"], [45, 12, 8, 17, 10, 8])
    st[f"name_form_{form}"] += 1
    if form == "ffF":
        name = f"{first} {father} {fam}"
    elif form == "ffgF":
        name = f"{first} {father} {gf} {fam}"
    elif form == "bin":
        name = f"{first} بن {father} {fam}"
    elif form == "Fff":
        name = f"{fam} {first} {father}"
    elif form == "F,ff":
        name = f"{fam}، {first} {father}"
    else:
        name = f"{first} {fam}"
    row["الاسم الثلاثي"] = ocr(name, rng, q, st)
    r = rng.random()
    if r < 0.15:
        st["mother_missing"] += 1
    elif r < 0.5:
        row["اسم الام ونسبتها"] = ocr(p.mother.ar, rng, q, st)
        st["mother_first_only"] += 1
    else:
        row["اسم الام ونسبتها"] = ocr(f"{p.mother.ar} {p.mother_family.ar}", rng, q, st)
        st["mother_full"] += 1
    if rng.random() < 0.5:
        row["الجنس"] = ocr("ذكر" if p.sex == "M" else "أنثى", rng, q, st)
    r = rng.random()
    if r < 0.08:
        st["birth_missing"] += 1
    else:
        b = fmt_date(p.birth, "y" if r < 0.53 else "dmy")
        b = ocr_digits(b, rng, q, st, "birth_digit_misread")
        try:
            y = int(b[-4:]) if "/" in b else int(b)
            if not 1900 <= y <= 2010:
                st["birth_year_impossible"] += 1
        except ValueError:
            pass
        row["المواليد"] = b.translate(EASTERN) if eastern else b
    if rng.random() < 0.75:
        row["محل الولادة"] = ocr(p.birth_town.ar, rng, q, st)
    if rng.random() < 0.5:
        nid = ocr_digits(p.nid, rng, q, st, "national_id_digit_misread")
        if rng.random() < 0.02:
            i = rng.randrange(len(nid))
            nid = nid[:i] + nid[i + 1 :]
            st["national_id_digit_dropped"] += 1
        if eastern:
            nid = nid.translate(EASTERN)
        if rng.random() < 0.04:
            table = {"0": "O", "1": "l", "5": "S", "8": "B", "٥": "ه", "٠": "."}
            spots = [i for i, c in enumerate(nid) if c in table]
            if spots:
                i = rng.choice(spots)
                nid = nid[:i] + table[nid[i]] + nid[i + 1 :]
                st["national_id_letter_for_digit"] += 1
        row["الرقم الوطني"] = nid
        st["national_id_given"] += 1
    if rng.random() < 0.85:
        d = shift_days(p.arrest, rng.randint(0, 45))  # the day the register took him in
        a = ocr_digits(fmt_date(d, "dmy"), rng, q, st, "arrest_digit_misread")
        row["تاريخ الاحتجاز"] = a.translate(EASTERN) if eastern else a
    else:
        st["arrest_date_missing"] += 1
    det = N.DETENTION[p.detention][0]
    row["مكان الاحتجاز"] = ocr(det.translate(EASTERN) if eastern else det, rng, q, st)
    return row


ORGS = [
    ("Paris NGO", "fr", 28),
    ("Geneva desk", "fr", 12),
    ("London NGO", "en", 30),
    ("UN working group", "en", 12),
    ("Berlin NGO", "de", 8),
    ("volunteer sheet", "az", 6),
    ("Qamishli NGO", "ku", 4),
]


def render_ngo(
    p: Person, rng: random.Random, st: Counter[str], org: tuple[str, str, int]
) -> dict[str, str]:
    row = dict.fromkeys(NGO_HEADER, "")
    trad = org[1]
    st[f"tradition_{trad}"] += 1
    row["source_org"] = org[0]
    female = p.sex == "F"
    given = translit_name(p.first.ph, trad, rng, st)
    father = translit_name(p.father.ph, trad, rng, st)
    gf = translit_name(p.grandfather.ph, trad, rng, st)
    fam_obj = p.family
    if female and p.husband_family and rng.random() < 0.12:
        fam_obj = p.husband_family
        st["woman_under_husband_family"] += 1
    fmt = pick(
        rng,
        ["F, g f", "g f F", "g f Fam", "g F", "g son f F", "F g f", "g f gf F"],
        [35, 20, 14, 9, 7, 9, 6],
    )
    upper = fmt in ("F, g f", "g f F", "F g f", "g f gf F") or rng.random() < 0.2
    fam = translit_family(fam_obj, trad, rng, st, upper=upper)
    if rng.random() < 0.2 and fmt not in ("g F",):
        st["father_missing"] += 1
        fmt = {
            "F, g f": "F, g",
            "g f F": "g F",
            "g f Fam": "g F",
            "g son f F": "g F",
            "F g f": "F g",
            "g f gf F": "g F",
        }[fmt]
    st[f"name_form_{fmt}"] += 1
    if fmt == "F, g f":
        name = f"{fam}, {given} {father}"
    elif fmt == "F, g":
        name = f"{fam}, {given}"
    elif fmt in ("g f F", "g f Fam"):
        name = f"{given} {father} {fam}"
    elif fmt == "g F":
        name = f"{given} {fam}"
    elif fmt == "g son f F":
        link = {
            "en": ["son of", "bin", "ibn"],
            "fr": ["fils de", "ben", "bin"],
            "de": ["Sohn von", "bin", "ibn"],
            "az": ["bin", "ibn"],
            "ku": ["kurê", "bin"],
        }
        if female:
            link = {
                "en": ["daughter of", "bint"],
                "fr": ["fille de", "bint"],
                "de": ["Tochter von", "bint"],
                "az": ["bint"],
                "ku": ["keça", "bint"],
            }
        name = f"{given} {choose(rng, link[trad])} {father} {fam}"
    elif fmt == "F g f":
        name = f"{fam} {given} {father}"
    elif fmt == "F g":
        name = f"{fam} {given}"
    else:
        name = f"{given} {father} {gf} {fam}"
    if rng.random() < 0.04:
        name = f"{given} {father}" if fmt != "g F" else given
        st["family_missing"] += 1
    if female and p.husband_family and fam_obj is p.family and rng.random() < 0.04:
        husband = translit_family(p.husband_family, trad, rng, st, upper=True)
        name = f"{husband} (née {fam}), {given}"
        st["nee_form"] += 1
    if trad == "az" and rng.random() < 0.5:
        name = name.lower()
    if rng.random() < 0.03:
        name = _latin_typo(name, rng)
        st["typo"] += 1
    row["name"] = name
    if rng.random() < 0.3:
        row["father_name"] = translit_name(p.father.ph, trad, rng, st)
        st["father_column_filled"] += 1
    r = rng.random()
    if r < 0.5:
        st["mother_missing"] += 1
    elif r < 0.85:
        row["mother_name"] = translit_name(p.mother.ph, trad, rng, st)
        st["mother_first_only"] += 1
    else:
        row["mother_name"] = (
            translit_name(p.mother.ph, trad, rng, st)
            + " "
            + translit_family(p.mother_family, trad, rng, st, upper=rng.random() < 0.5)
        )
        st["mother_full"] += 1
    if rng.random() < 0.9:
        row["gender"] = pick(
            rng,
            [p.sex, "male" if p.sex == "M" else "female", "Male" if p.sex == "M" else "Female"],
            [50, 25, 25],
        )
    r = rng.random()
    if r < 0.15:
        st["birth_missing"] += 1
    elif r < 0.59:
        row["birth_year"] = str(p.birth[0])
    elif r < 0.84:
        row["birth_year"] = fmt_date(p.birth, "iso")
    elif r < 0.92:
        row["birth_year"] = fmt_date(p.birth, "dmy")
    elif r < 0.96:
        row["birth_year"] = str(age_year(p, rng, st))
    else:
        row["birth_year"] = f"c. {p.birth[0] + rng.choice((-1, 0, 0, 1))}"
        st["birth_year_approximate_marker"] += 1
    r = rng.random()
    if r < 0.55:
        row["birth_place"] = choose(rng, list(p.birth_town.lat))
    elif r < 0.75:
        row["birth_place"] = (
            choose(rng, list(p.birth_town.lat))
            + ", "
            + choose(rng, list(N.GOVERNORATE[p.birth_town.gov][1]))
        )
        st["birth_place_with_governorate"] += 1
    if rng.random() < 0.08:
        row["national_id"] = p.nid
        st["national_id_given"] += 1
    r = rng.random()
    if r < 0.1:
        st["arrest_date_missing"] += 1
    else:
        d = p.arrest if rng.random() < 0.8 else shift_days(p.arrest, rng.randint(-30, 30))
        row["date_of_arrest"] = fmt_date(d, pick(rng, ["iso", "ym", "y", "dmy"], [50, 20, 20, 10]))
    if p.arrest_place.startswith("checkpoint:") and rng.random() < 0.7:
        row["place_of_arrest"] = choose(
            rng, list(N.CHECKPOINT[int(p.arrest_place.split(":")[1])][1])
        )
    elif p.arrest_place != "unknown" and rng.random() < 0.7:
        row["place_of_arrest"] = choose(rng, list(p.birth_town.lat))
    if rng.random() < 0.1:
        seen = "last seen in " + choose(rng, list(N.DETENTION[p.detention][1]))
        row["remarks"] = rng.choice((seen, "family informed", "reported twice?", "see testimony"))
    return row


def _latin_typo(s: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(s) - 1)
    if not s[i].isalpha():
        return s
    k = rng.random()
    if k < 0.35:
        return s[:i] + s[i + 1 :]
    if k < 0.65:
        return s[:i] + s[i] + s[i:]
    if s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s


# --------------------------------------------------------------------------------------------


def membership(rng: random.Random, p: Person) -> dict[str, int]:
    while True:
        in_reg = rng.random() < 0.27
        in_int = rng.random() < 0.62
        in_ngo = rng.random() < (0.55 if in_reg else 0.36)
        if in_reg or in_int or in_ngo:
            break
    return {
        "intake": (2 if rng.random() < 0.045 else 1) if in_int else 0,
        "register": pick(rng, [1, 2, 3], [91, 8, 1]) if in_reg else 0,
        "ngo": (2 if rng.random() < 0.05 else 1) if in_ngo else 0,
    }


def generate(seed: int, persons_n: int, out: Path) -> dict[str, object]:
    rng = random.Random(seed)
    pools = Pools()
    pop_st: Counter[str] = Counter()
    people = build_population(rng, persons_n, pools, pop_st)
    st = {name: Counter() for name in LISTS}  # type: dict[str, Counter[str]]
    rows: dict[str, list[tuple[str, dict[str, str]]]] = {name: [] for name in LISTS}

    # Intake: calls come household by household, in the order families got through.
    by_household: dict[str, list[Person]] = {}
    member = {p.pid: membership(rng, p) for p in people}
    for p in people:
        by_household.setdefault(p.household, []).append(p)
    households = list(by_household)
    rng.shuffle(households)
    later: list[Person] = []
    for h in households:
        for p in by_household[h]:
            for i in range(member[p.pid]["intake"]):
                if i == 0:
                    rows["intake"].append((p.pid, render_intake(p, rng, st["intake"])))
                else:
                    later.append(p)
    for p in later:  # a second relative calls months later
        st["intake"]["reported_twice"] += 1
        rows["intake"].insert(
            rng.randrange(len(rows["intake"]) // 2, len(rows["intake"]) + 1),
            (p.pid, render_intake(p, rng, st["intake"])),
        )

    # Register: documents of 3-15 names from one place and period, each scanned once.
    reg_people = [p for p in people for _ in range(member[p.pid]["register"])]
    reg_people.sort(key=lambda p: (p.detention, p.arrest, p.pid))
    i = 0
    doc_no = 0
    n_reg = len(reg_people)
    entries: list[tuple[str, dict[str, str]]] = []
    quality_count: Counter[str] = Counter()
    while i < n_reg:
        doc_no += 1
        size = rng.randint(3, 15)
        quality = pick(rng, ["good", "medium", "poor"], [55, 33, 12])
        quality_count[quality] += 1
        q = {"good": 0.004, "medium": 0.02, "poor": 0.06}[quality]
        eastern = rng.random() < 0.6
        doc = f"وثيقة {doc_no}".translate(EASTERN) if eastern else f"DOC-{doc_no:04d}"
        for p in reg_people[i : i + size]:
            entries.append((p.pid, render_register(p, rng, q, eastern, doc, st["register"])))
        i += size
    rows["register"] = entries
    dup_reg = sum(max(0, m["register"] - 1) for m in member.values())
    st["register"]["in_more_than_one_document"] = dup_reg

    # NGO list: merged submissions, sorted by name as spreadsheets are.
    for p in people:
        orgs = list(ORGS)
        for k in range(member[p.pid]["ngo"]):
            weights = [w * (6 if (p.kurdish and o[1] == "ku") else 1) for o in orgs for w in [o[2]]]
            org = pick(rng, orgs, weights)
            orgs.remove(org)  # a second submission comes from another organisation
            if k:
                st["ngo"]["submitted_twice"] += 1
            rows["ngo"].append((p.pid, render_ngo(p, rng, st["ngo"], org)))
    rows["ngo"].sort(key=lambda r: (r[1]["name"].casefold(), r[0]))

    out.mkdir(parents=True, exist_ok=True)
    truth: list[tuple[str, str, str]] = []
    headers = {"intake": INTAKE_HEADER, "register": REGISTER_HEADER, "ngo": NGO_HEADER}
    for name in LISTS:
        path = out / f"{name}.csv"
        # The intake list comes out of Excel ("CSV UTF-8", with a byte-order mark).
        enc = "utf-8-sig" if name == "intake" else "utf-8"
        with path.open("w", encoding=enc, newline="") as f:
            w = csv.writer(f)
            w.writerow(headers[name])
            for n, (pid, row) in enumerate(rows[name], 1):
                rid = f"{PREFIX[name]}{n:06d}"
                row[headers[name][0]] = rid
                w.writerow([row[h] for h in headers[name]])
                truth.append((name, rid, pid))
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    with (out / "persons.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "person_id",
                "sex",
                "first_name",
                "father_name",
                "grandfather_name",
                "family_name",
                "mother_name",
                "mother_family",
                "birth_date",
                "birth_place",
                "national_id",
                "date_of_arrest",
                "place_of_arrest",
                "detention",
                "household_id",
                "clan_id",
                "father_person_id",
                "husband_family",
            ]
        )
        for p in people:
            place = p.arrest_place
            if place.startswith("checkpoint:"):
                place = N.CHECKPOINT[int(place.split(":")[1])][0]
            w.writerow(
                [
                    p.pid,
                    p.sex,
                    p.first.ar,
                    p.father.ar,
                    p.grandfather.ar,
                    p.family.ar,
                    p.mother.ar,
                    p.mother_family.ar,
                    fmt_date(p.birth, "iso"),
                    p.birth_town.ar,
                    p.nid,
                    fmt_date(p.arrest, "iso"),
                    place,
                    N.DETENTION[p.detention][0],
                    p.household,
                    p.clan,
                    p.father_pid,
                    p.husband_family.ar if p.husband_family else "",
                ]
            )

    stats = _stats(seed, people, rows, st, pop_st, quality_count, doc_no)
    (out / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return stats


def _stats(seed, people, rows, st, pop_st, quality_count, docs):  # type: ignore[no-untyped-def]
    by_pid: dict[str, int] = Counter()
    for name in LISTS:
        for pid, _ in rows[name]:
            by_pid[pid] += 1
    full = Counter((p.first.ar, p.father.ar, p.family.ar) for p in people)
    full4 = Counter((p.first.ar, p.father.ar, p.grandfather.ar, p.family.ar) for p in people)
    first_fam = Counter((p.first.ar, p.family.ar) for p in people)
    households = Counter(p.household for p in people)
    clans: dict[str, set[str]] = {}
    for p in people:
        clans.setdefault(p.clan, set()).add(p.household)
    pairs = lambda c: sum(v * (v - 1) // 2 for v in c.values())  # noqa: E731
    cousin_pairs = 0
    for hs in clans.values():
        sizes = [households[h] for h in sorted(hs) if not h.endswith("-0")]
        tot = sum(sizes)
        cousin_pairs += (tot * tot - sum(s * s for s in sizes)) // 2
    lists_of = Counter()
    present: dict[str, set[str]] = {n: {pid for pid, _ in rows[n]} for n in LISTS}
    for p in people:
        key = "+".join(n for n in LISTS if p.pid in present[n])
        lists_of[key] += 1
    out: dict[str, object] = {
        "seed": seed,
        "persons": len(people),
        "records": {n: len(rows[n]) for n in LISTS},
        "persons_by_lists": dict(sorted(lists_of.items())),
        "population": {
            **dict(sorted(pop_st.items())),
            "female_share": round(sum(p.sex == "F" for p in people) / len(people), 4),
            "sibling_pairs": pairs(Counter(p.household for p in people)),
            "cousin_pairs_same_grandfather_and_family": cousin_pairs,
            "namesake_pairs_same_first_father_family": pairs(full),
            "namesake_pairs_same_first_father_grandfather_family": pairs(full4),
            "pairs_same_first_and_family": pairs(first_fam),
            "share_named_muhammad": round(
                sum(p.first.ar == "محمد" for p in people) / len(people), 4
            ),
            "distinct_family_names": len({p.family.ar for p in people}),
        },
        "true_pairs_within_and_across_lists": pairs(by_pid),
        "register_documents": {"count": docs, **dict(sorted(quality_count.items()))},
        "lists": {},
    }
    for n in LISTS:
        total = len(rows[n])
        out["lists"][n] = {  # type: ignore[index]
            k: {"count": v, "rate": round(v / total, 4)} for k, v in sorted(st[n].items())
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--persons", type=int, default=20_000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    stats = generate(a.seed, a.persons, a.out)
    print(
        json.dumps(
            {
                "persons": stats["persons"],
                "records": stats["records"],
                "true_pairs": stats["true_pairs_within_and_across_lists"],
            },
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
