"""Sixth independent test set for ``mizan link``: an invented population and four lists.

    python bench/independent_lists6/generate.py --seed 6 --persons 20000 --out /tmp/lists6

Writes ``persons.csv`` (the invented population), ``families_merged.csv``,
``amnesty_release.csv``, ``burial_documents.csv``, ``court_eu.csv``, ``truth.csv``
(``list,record_id,person_id``) and ``stats.json``.  Standard library only; the same seed
and size give the same bytes whatever PYTHONHASHSEED is (no set or hash order is used).
See README.md for the sources each list imitates and the rates below.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import names
import noise
from translit import latin

# ---------------------------------------------------------------------------------------
# Rates (all probabilities; README.md quotes them, stats.json repeats them).
RATES: dict[str, float] = {
    # population
    "rare_surname_clan": 0.25,  # clan with a generated (long-tail) family name
    "kurdish_town_kurdish_clan": 0.7,  # clan in a Kurdish-majority town that is Kurdish
    "kurdish_arabic_given_name": 0.6,  # a Kurdish person given an Arabic name
    "eldest_son_named_after_grandfather": 0.45,
    "mother_from_same_town": 0.75,
    "detained_male": 0.17,  # of men 15-70 at the arrest year drawn
    "detained_female": 0.03,
    "fate_died": 0.22,
    "fate_released": 0.18,  # the rest are still missing
    # which list knows whom
    "families_if_missing_or_died": 0.75,
    "families_if_released": 0.45,
    "families_reported_twice": 0.05,
    "amnesty_if_released": 0.8,
    "amnesty_other_prisoners_per_released": 0.5,  # persons not reported missing at all
    "burial_if_died": 0.85,
    "burial_if_released_and_amnestied": 0.02,  # death registered for a living person
    "burial_on_two_documents": 0.03,  # e.g. the hospital's death record and the burial list
    "court_if_missing_or_died": 0.12,
    "court_if_released": 0.3,
    # families_merged (four volunteers with their own habits)
    "fam_birth_year_off_by_1": 0.10,
    "fam_birth_year_off_by_2_3": 0.03,
    "fam_typo_per_name": 0.04,
    "fam_v2_arabic_indic_digits": 0.6,
    "fam_v2_age_instead_of_year": 0.4,
    "fam_v4_latin_for_kurdish": 0.6,
    "fam_national_id_v1": 0.3,
    # amnesty_release
    "amn_ocr_dots_per_name": 0.04,
    "amn_typo_per_name": 0.02,
    "amn_family_missing": 0.05,
    "amn_mother_full": 0.4,
    "amn_mother_cell_verbatim": 0.08,  # "والدته فاطمة" left as published
    "amn_birthplace_governorate": 0.2,
    "amn_birthplace_missing": 0.1,
    "amn_birth_year_missing": 0.1,
    "amn_birth_year_with_word": 0.03,  # "مواليد 1985"
    "amn_year_misread": 0.02,
    # burial_documents
    "bur_unidentified": 0.08,  # "مجهول الهوية": no name at all
    "bur_ocr_dots_per_word": 0.10,
    "bur_letter_dropped_per_word": 0.03,
    "bur_words_merged": 0.04,
    "bur_hamza_lost": 0.2,
    "bur_birth_year_present": 0.55,
    "bur_year_misread": 0.06,
    "bur_arabic_indic_digits": 0.5,
    "bur_birthplace_present": 0.5,
    "bur_arrest_date_present": 0.6,
    "bur_mother_present": 0.45,
    "bur_national_id_present": 0.1,
    "bur_national_id_letter": 0.2,  # of those: O for 0, l for 1
    # court_eu
    "court_typo_per_name": 0.04,
    "court_mother_present": 0.4,
    "court_sex_present": 0.7,
    "court_birth_year_present": 0.9,
    "court_dob_first_january": 0.35,
    "court_birthplace_present": 0.7,
    "court_arrest_date_present": 0.5,
    "court_given_family_swapped": 0.03,
    "court_kurdish_spelling_for_kurds": 0.3,
}

ARREST_YEARS = [
    (2011, 14),
    (2012, 26),
    (2013, 20),
    (2014, 12),
    (2015, 9),
    (2016, 7),
    (2017, 5),
    (2018, 4),
    (2019, 3),
]


@dataclass
class Name:
    ar: str
    ph: str


@dataclass
class Person:
    pid: str
    first: Name
    father: Name
    grand: Name
    family: Name
    mother_first: Name
    mother_family: Name
    sex: str
    birth_year: int
    town: int
    national_id: str
    clan: int
    kurdish: bool
    detained: bool = False
    fate: str = ""
    arrest_date: str = ""
    arrest_place: str = ""


class Pool:
    """Weighted draw from a pool, in a fixed order (deterministic)."""

    def __init__(self, rows: list[tuple[str, str, int]]):
        self.rows = rows
        self.cum: list[int] = []
        total = 0
        for _, _, w in rows:
            total += w
            self.cum.append(total)
        self.total = total

    def draw(self, rng: random.Random) -> Name:
        x = rng.randrange(self.total)
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        ar, ph, _ = self.rows[lo]
        return Name(ar, ph)


MALE = Pool(names.parse_pool(names.MALE))
FEMALE = Pool(names.parse_pool(names.FEMALE))
K_MALE = Pool(names.parse_pool(names.KURDISH_MALE))
K_FEMALE = Pool(names.parse_pool(names.KURDISH_FEMALE))
FAMILY = Pool(names.parse_pool(names.FAMILY))
K_FAMILY = Pool(names.parse_pool(names.KURDISH_FAMILY))
TOWN_WEIGHTS = [
    8
    if t[0] in ("دمشق", "حلب", "حمص")
    else 4
    if t[0] in ("حماة", "درعا", "إدلب", "دير الزور")
    else 2
    for t in names.TOWNS
]


def rare_surname(rng: random.Random) -> Name:
    c = [names.ROOT_CONSONANTS[rng.randrange(len(names.ROOT_CONSONANTS))] for _ in range(3)]
    while c[0] == c[1] or c[1] == c[2]:
        c = [names.ROOT_CONSONANTS[rng.randrange(len(names.ROOT_CONSONANTS))] for _ in range(3)]
    ar_pat, ph_pat = names.SURNAME_PATTERNS[rng.randrange(len(names.SURNAME_PATTERNS))]
    ar = ar_pat.format(None, c[0][0], c[1][0], c[2][0])
    ph = ph_pat.format(None, c[0][1], c[1][1], c[2][1])
    return Name(ar, ph)


def given(rng: random.Random, sex: str, kurdish: bool) -> Name:
    if kurdish and rng.random() >= RATES["kurdish_arabic_given_name"]:
        return (K_MALE if sex == "M" else K_FEMALE).draw(rng)
    return (MALE if sex == "M" else FEMALE).draw(rng)


def weighted_index(rng: random.Random, weights: list[int]) -> int:
    x = rng.randrange(sum(weights))
    for i, w in enumerate(weights):
        x -= w
        if x < 0:
            return i
    return len(weights) - 1


# ---------------------------------------------------------------------------------------
# Population


def build_population(rng: random.Random, target: int) -> list[Person]:
    persons: list[Person] = []
    clans_by_town: dict[int, list[Name]] = {}
    clan_no = 0
    used_ids: dict[str, bool] = {}

    def national_id(town: int) -> str:
        gov = names.TOWNS[town][2]
        while True:
            nid = names.GOV_CODE[gov] + "".join(str(rng.randrange(10)) for _ in range(9))
            if nid not in used_ids:
                used_ids[nid] = True
                return nid

    def wife_family(town: int, own: Name) -> Name:
        pool = [f for f in clans_by_town.get(town, []) if f.ar != own.ar]
        if pool and rng.random() < RATES["mother_from_same_town"]:
            return pool[rng.randrange(len(pool))]
        return FAMILY.draw(rng)

    def add(**kw: object) -> Person:
        p = Person(pid=f"P{len(persons) + 1:06d}", national_id=national_id(kw["town"]), **kw)  # type: ignore[arg-type]
        persons.append(p)
        return p

    while len(persons) < target:
        clan_no += 1
        town = weighted_index(rng, TOWN_WEIGHTS)
        kurdish = names.TOWNS[town][4] and rng.random() < RATES["kurdish_town_kurdish_clan"]
        if kurdish:
            family = K_FAMILY.draw(rng)
        elif rng.random() < RATES["rare_surname_clan"]:
            family = rare_surname(rng)
        else:
            family = FAMILY.draw(rng)
        clans_by_town.setdefault(town, []).append(family)
        great = given(rng, "M", kurdish)
        n_grand = 1 + weighted_index(rng, [4, 4, 2])
        grand_names: list[str] = []
        for _ in range(n_grand):
            grand = given(rng, "M", kurdish)
            while grand.ar in grand_names:
                grand = given(rng, "M", kurdish)
            grand_names.append(grand.ar)
            grandmother = given(rng, "F", kurdish)
            gm_family = wife_family(town, family)
            gen1_year = rng.randrange(1932, 1972)
            n_children = 2 + rng.randrange(6)
            used: list[str] = []
            for k in range(n_children):
                sex = "M" if rng.random() < 0.55 else "F"
                first = given(rng, sex, kurdish)
                while first.ar in used or first.ar == grand.ar:
                    first = given(rng, sex, kurdish)
                used.append(first.ar)
                year = gen1_year + 2 * k + rng.randrange(3)
                parent = add(
                    first=first,
                    father=grand,
                    grand=great,
                    family=family,
                    mother_first=grandmother,
                    mother_family=gm_family,
                    sex=sex,
                    birth_year=year,
                    town=town,
                    clan=clan_no,
                    kurdish=kurdish,
                )
                if sex != "M" or rng.random() < 0.15:
                    continue
                # his household
                wife = given(rng, "F", kurdish)
                w_family = wife_family(town, family)
                child_town = town if rng.random() < 0.85 else weighted_index(rng, TOWN_WEIGHTS)
                n_kids = 1 + rng.randrange(7)
                kid_names: list[str] = []
                base = parent.birth_year + 20 + rng.randrange(12)
                for j in range(n_kids):
                    ksex = "M" if rng.random() < 0.52 else "F"
                    if (
                        j == 0
                        and ksex == "M"
                        and rng.random() < RATES["eldest_son_named_after_grandfather"]
                    ):
                        kname = grand
                    else:
                        kname = given(rng, ksex, kurdish)
                        while kname.ar in kid_names or kname.ar == first.ar:
                            kname = given(rng, ksex, kurdish)
                    kid_names.append(kname.ar)
                    kyear = min(base + 2 * j + rng.randrange(2), 2010)
                    add(
                        first=kname,
                        father=first,
                        grand=grand,
                        family=family,
                        mother_first=wife,
                        mother_family=w_family,
                        sex=ksex,
                        birth_year=kyear,
                        town=child_town,
                        clan=clan_no,
                        kurdish=kurdish,
                    )
    return persons[:target]


def detain(rng: random.Random, persons: list[Person]) -> None:
    places = [t[0] for t in names.TOWNS]
    for p in persons:
        year = ARREST_YEARS[weighted_index(rng, [w for _, w in ARREST_YEARS])][0]
        age = year - p.birth_year
        rate = RATES["detained_male"] if p.sex == "M" else RATES["detained_female"]
        if names.TOWNS[p.town][3] in ("south", "centre"):
            rate *= 1.3
        if not 15 <= age <= 70 or rng.random() >= rate:
            continue
        p.detained = True
        x = rng.random()
        p.fate = (
            "died"
            if x < RATES["fate_died"]
            else "released"
            if x < RATES["fate_died"] + RATES["fate_released"]
            else "missing"
        )
        p.arrest_date = f"{year}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        y = rng.random()
        if y < 0.6:
            p.arrest_place = names.TOWNS[p.town][0]
        elif y < 0.8:
            p.arrest_place = names.ARREST_PLACES_EXTRA[
                rng.randrange(len(names.ARREST_PLACES_EXTRA))
            ]
        else:
            p.arrest_place = places[rng.randrange(len(places))]


# ---------------------------------------------------------------------------------------
# Helpers shared by the lists


def chance(rng: random.Random, key: str) -> bool:
    return rng.random() < RATES[key]


def family_birth_year(rng: random.Random, year: int) -> int:
    x = rng.random()
    if x < RATES["fam_birth_year_off_by_1"]:
        return year + rng.choice((-1, 1))
    if x < RATES["fam_birth_year_off_by_1"] + RATES["fam_birth_year_off_by_2_3"]:
        return year + rng.choice((-3, -2, 2, 3))
    return year


def dmy(iso: str, sep: str = "/") -> str:
    y, m, d = iso.split("-")
    return f"{d}{sep}{m}{sep}{y}"


def ar_habit(text: str, no_hamza: bool, haa: bool, rng: random.Random) -> str:
    if no_hamza:
        text = noise.drop_hamza(text)
    if haa:
        text = noise.taa_to_haa(text)
    if rng.random() < 0.05:
        text = noise.yaa_alef_maqsura(text)
    if rng.random() < 0.3:
        text = noise.join_compound(text)
    return text


# ---------------------------------------------------------------------------------------
# List 1: families_merged — a spreadsheet merged from four volunteers' sheets

FAM_HEADER = [
    "رقم السجل",
    "الاسم الكامل",
    "الاسم",
    "اسم الأب",
    "اسم الجد",
    "الكنية",
    "اسم الأم",
    "الجنس",
    "سنة الولادة",
    "العمر",
    "مكان الولادة",
    "الرقم الوطني",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
    "المتطوع",
]
VOLUNTEERS = ["غازي عنتاب", "إسطنبول", "اعزاز", "عفرين"]


def pick_volunteer(rng: random.Random, p: Person) -> int:
    if p.kurdish:
        return weighted_index(rng, [10, 10, 20, 60])
    if names.TOWNS[p.town][3] == "north":
        return weighted_index(rng, [25, 20, 40, 15])
    return weighted_index(rng, [45, 35, 15, 5])


def families_row(rng: random.Random, p: Person, vol: int, seq: int) -> dict[str, str]:
    row = dict.fromkeys(FAM_HEADER, "")
    row["رقم السجل"] = f"{['GAZ', 'IST', 'AZZ', 'AFR'][vol]}-{seq:04d}"
    row["المتطوع"] = VOLUNTEERS[vol]
    no_hamza = vol in (1, 2)
    haa = vol == 1 and rng.random() < 0.5

    def ar(n: Name) -> str:
        text = ar_habit(n.ar, no_hamza, haa, rng)
        if rng.random() < RATES["fam_typo_per_name"]:
            text = noise.typo(text, rng)
        return text

    year = family_birth_year(rng, p.birth_year)
    arrest_year = int(p.arrest_date[:4]) if p.arrest_date else 0
    if vol == 0:
        row["الاسم"], row["اسم الأب"], row["الكنية"] = ar(p.first), ar(p.father), ar(p.family)
        if rng.random() < 0.5:
            row["اسم الجد"] = ar(p.grand)
        row["اسم الأم"] = ar(p.mother_first) + (
            " " + ar(p.mother_family) if rng.random() < 0.8 else ""
        )
        row["الجنس"] = "ذكر" if p.sex == "M" else "أنثى"
        row["سنة الولادة"] = str(year) if rng.random() < 0.85 else ""
        if chance(rng, "fam_national_id_v1"):
            nid = p.national_id
            row["الرقم الوطني"] = noise.misread_digits(nid, rng) if rng.random() < 0.03 else nid
        x = rng.random()
        row["تاريخ الاعتقال"] = (
            p.arrest_date
            if x < 0.7
            else p.arrest_date[:7]
            if x < 0.85
            else p.arrest_date[:4]
            if x < 0.95
            else ""
        )
        row["مكان الاعتقال"] = p.arrest_place if rng.random() < 0.8 else ""
        row["مكان الولادة"] = names.TOWNS[p.town][0] if rng.random() < 0.7 else ""
    elif vol == 1:
        x = rng.random()
        if x < 0.6:
            parts = [p.first, p.father, p.family]
        elif x < 0.85:
            parts = [p.first, p.father, p.grand, p.family]
        else:
            parts = [p.first, p.family]
        row["الاسم الكامل"] = " ".join(ar(n) for n in parts)
        row["اسم الأم"] = ar(p.mother_first) if rng.random() < 0.7 else ""
        row["الجنس"] = rng.choice(["ذكر", "M"]) if p.sex == "M" else rng.choice(["أنثى", "F"])
        y = rng.random()
        if y < 0.45:
            row["سنة الولادة"] = str(year)
        elif y < 0.45 + RATES["fam_v2_age_instead_of_year"] and arrest_year:
            row["العمر"] = str(arrest_year - year)
        row["تاريخ الاعتقال"] = dmy(p.arrest_date) if p.arrest_date and rng.random() < 0.8 else ""
        row["مكان الاعتقال"] = p.arrest_place if rng.random() < 0.6 else ""
        if chance(rng, "fam_v2_arabic_indic_digits"):
            for key in ("سنة الولادة", "العمر", "تاريخ الاعتقال"):
                row[key] = row[key].translate(noise.AR_DIGITS)
    elif vol == 2:
        if rng.random() < 0.7:
            row["الاسم"] = ar(p.first) + " " + ar(p.father)
        else:
            row["الاسم"], row["اسم الأب"] = ar(p.first), ar(p.father)
        fam = ar(p.family)
        row["الكنية"] = noise.drop_article(fam) if rng.random() < 0.4 else fam
        row["اسم الأم"] = ar(p.mother_first) + (
            " " + ar(p.mother_family) if rng.random() < 0.5 else ""
        )
        if rng.random() < 0.6:
            row["سنة الولادة"] = str(year + (rng.choice((-1, 1)) if rng.random() < 0.3 else 0))
        row["تاريخ الاعتقال"] = p.arrest_date[:4] if rng.random() < 0.8 else p.arrest_date
        row["مكان الولادة"] = names.TOWNS[p.town][0] if rng.random() < 0.5 else ""
    else:
        latin_names = p.kurdish and chance(rng, "fam_v4_latin_for_kurdish")
        for key, n in (("الاسم", p.first), ("اسم الأب", p.father), ("الكنية", p.family)):
            if latin_names:
                text = latin(n.ph, "ku", rng)
                row[key] = (
                    noise.typo(text, rng, latin=True)
                    if rng.random() < RATES["fam_typo_per_name"]
                    else text
                )
            else:
                row[key] = ar(n)
        row["اسم الأم"] = (
            (latin(p.mother_first.ph, "ku", rng) if latin_names else ar(p.mother_first))
            if rng.random() < 0.6
            else ""
        )
        row["الجنس"] = "ذكر" if p.sex == "M" else "أنثى"
        row["سنة الولادة"] = str(year) if rng.random() < 0.7 else ""
        row["تاريخ الاعتقال"] = dmy(p.arrest_date) if p.arrest_date and rng.random() < 0.7 else ""
        row["مكان الاعتقال"] = p.arrest_place if rng.random() < 0.7 else ""
        row["مكان الولادة"] = names.TOWNS[p.town][0] if rng.random() < 0.6 else ""
    return row


# ---------------------------------------------------------------------------------------
# List 2: amnesty_release — names of released detainees as published by official media

AMN_HEADER = [
    "رقم السجل",
    "الاسم",
    "اسم الأب",
    "الكنية",
    "اسم الأم",
    "مكان الولادة",
    "سنة الولادة",
    "المرسوم",
]


def amnesty_row(rng: random.Random, p: Person) -> dict[str, str]:
    def ar(n: Name) -> str:
        text = n.ar
        if rng.random() < RATES["amn_ocr_dots_per_name"]:
            text = noise.ocr_dots(text, rng)
        if rng.random() < RATES["amn_typo_per_name"]:
            text = noise.typo(text, rng)
        return text

    row = dict.fromkeys(AMN_HEADER, "")
    row["الاسم"], row["اسم الأب"] = ar(p.first), ar(p.father)
    row["الكنية"] = "" if chance(rng, "amn_family_missing") else ar(p.family)
    mother = ar(p.mother_first) + (
        " " + ar(p.mother_family) if chance(rng, "amn_mother_full") else ""
    )
    row["اسم الأم"] = "والدته " + mother if chance(rng, "amn_mother_cell_verbatim") else mother
    x = rng.random()
    if x < RATES["amn_birthplace_missing"]:
        pass
    elif x < RATES["amn_birthplace_missing"] + RATES["amn_birthplace_governorate"]:
        row["مكان الولادة"] = names.TOWNS[p.town][2]
    else:
        row["مكان الولادة"] = names.TOWNS[p.town][0]
    if not chance(rng, "amn_birth_year_missing"):
        year = str(p.birth_year)
        if chance(rng, "amn_year_misread"):
            year = noise.misread_digits(year, rng)
        row["سنة الولادة"] = "مواليد " + year if chance(rng, "amn_birth_year_with_word") else year
    row["المرسوم"] = rng.choice(["7/2022", "24/2022", "36/2023"])
    return row


# ---------------------------------------------------------------------------------------
# List 3: burial_documents — OCR of stamped official documents (deaths in custody)

BUR_HEADER = [
    "record_id",
    "full_name",
    "father_name",
    "mother_name",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "detainee_no",
    "branch",
    "date_of_death",
]


def ocr_words(rng: random.Random, text: str) -> str:
    words = []
    for w in text.split(" "):
        if rng.random() < RATES["bur_hamza_lost"]:
            w = noise.drop_hamza(w)
        if rng.random() < RATES["bur_ocr_dots_per_word"]:
            w = noise.ocr_dots(w, rng)
        if rng.random() < RATES["bur_letter_dropped_per_word"] and len(w) > 3:
            k = 1 + rng.randrange(len(w) - 1)
            w = w[:k] + w[k + 1 :]
        words.append(w)
    out = words[0]
    for w in words[1:]:
        out += ("" if rng.random() < RATES["bur_words_merged"] else " ") + w
    return out


def burial_row(rng: random.Random, p: Person) -> dict[str, str]:
    row = dict.fromkeys(BUR_HEADER, "")
    digits = chance(rng, "bur_arabic_indic_digits")

    def num(text: str) -> str:
        return text.translate(noise.AR_DIGITS) if digits else text

    detainee_no = str(1000 + rng.randrange(9000))
    row["detainee_no"] = num(detainee_no)
    row["branch"] = names.BRANCHES[rng.randrange(len(names.BRANCHES))]
    arrested = (
        datetime.date.fromisoformat(p.arrest_date) if p.arrest_date else datetime.date(2013, 1, 1)
    )
    died = arrested + datetime.timedelta(days=3 + rng.randrange(900))
    row["date_of_death"] = num(died.strftime("%d/%m/%Y"))
    if chance(rng, "bur_unidentified"):
        row["full_name"] = "مجهول الهوية"
        return row
    x = rng.random()
    if x < 0.55:
        row["full_name"] = ocr_words(rng, f"{p.first.ar} {p.father.ar} {p.family.ar}")
    elif x < 0.9:
        row["full_name"] = ocr_words(rng, f"{p.first.ar} {p.family.ar}")
        row["father_name"] = ocr_words(rng, p.father.ar)
    else:
        row["full_name"] = ocr_words(rng, p.first.ar)
        row["father_name"] = ocr_words(rng, p.father.ar)
    if chance(rng, "bur_mother_present"):
        row["mother_name"] = ocr_words(rng, p.mother_first.ar)
    if chance(rng, "bur_birth_year_present"):
        year = str(p.birth_year)
        if chance(rng, "bur_year_misread"):
            year = noise.misread_digits(year, rng)
        row["birth_year"] = num(year)
    if chance(rng, "bur_birthplace_present"):
        row["birth_place"] = ocr_words(rng, names.TOWNS[p.town][0])
    if chance(rng, "bur_national_id_present"):
        nid = p.national_id
        if chance(rng, "bur_national_id_letter"):
            nid = nid.replace("0", "O", 1).replace("1", "l", 1)
        row["national_id"] = nid
    if p.arrest_date and chance(rng, "bur_arrest_date_present"):
        row["date_of_arrest"] = num(dmy(p.arrest_date))
    return row


# ---------------------------------------------------------------------------------------
# List 4: court_eu — persons named in European case files (DE, FR, SE)

COURT_HEADER = [
    "record_id",
    "full_name",
    "mother_name",
    "sex",
    "birth_year",
    "date_of_birth_original",
    "birth_place",
    "date_of_arrest",
    "role",
    "authority",
]
AUTHORITIES = [("DE", "de", 50), ("FR", "fr", 30), ("SE", "sv", 20)]


def court_row(rng: random.Random, p: Person, seq: dict[str, int]) -> dict[str, str]:
    row = dict.fromkeys(COURT_HEADER, "")
    country, trad, _ = AUTHORITIES[weighted_index(rng, [w for _, _, w in AUTHORITIES])]
    seq[country] += 1
    row["record_id"] = f"{country}-{2019 + rng.randrange(6)}-{seq[country]:04d}"
    row["authority"] = country
    if p.kurdish and chance(rng, "court_kurdish_spelling_for_kurds"):
        spell = "ku"
    elif rng.random() < 0.3:
        spell = "en"  # the passport's English spelling
    else:
        spell = trad

    def lat(n: Name) -> str:
        text = latin(n.ph, spell, rng)
        if rng.random() < RATES["court_typo_per_name"]:
            text = noise.typo(text, rng, latin=True)
        return text

    first, father, grand, family = lat(p.first), lat(p.father), lat(p.grand), lat(p.family)
    if chance(rng, "court_given_family_swapped"):
        first, family = family, first
    x = rng.random()
    if x < 0.35:
        full = f"{family.upper()}, {first} {father}"
    elif x < 0.6:
        full = f"{first} {family.upper()}"
    elif x < 0.8:
        full = f"{first} {father} {family}"
    elif x < 0.9:
        full = f"{family.upper()} {first}"
    else:
        full = f"{first} {father} {grand} {family.upper()}"
    row["full_name"] = full
    if chance(rng, "court_mother_present"):
        row["mother_name"] = lat(p.mother_first) + (
            " " + lat(p.mother_family) if rng.random() < 0.5 else ""
        )
    if chance(rng, "court_sex_present"):
        row["sex"] = p.sex
    if chance(rng, "court_birth_year_present"):
        row["birth_year"] = str(p.birth_year)
        if chance(rng, "court_dob_first_january"):
            row["date_of_birth_original"] = f"01.01.{p.birth_year}"
        else:
            row["date_of_birth_original"] = (
                f"{1 + rng.randrange(28):02d}.{1 + rng.randrange(12):02d}.{p.birth_year}"
            )
    if chance(rng, "court_birthplace_present"):
        town = names.TOWNS[p.town]
        exo = town[5].get(trad if spell != "en" else "en")
        row["birth_place"] = exo if exo else latin(town[1], spell, rng)
    if p.arrest_date and chance(rng, "court_arrest_date_present"):
        row["date_of_arrest"] = dmy(p.arrest_date)
    row["role"] = (
        rng.choice(["victim", "witness", "plaintiff"]) if p.fate == "released" else "victim"
    )
    return row


# ---------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]], bom: bool = False) -> None:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


def generate(seed: int, n_persons: int, out: Path) -> dict[str, object]:
    rng = random.Random(seed)
    persons = build_population(rng, n_persons)
    detain(random.Random(seed * 1000 + 1), persons)
    lrng = random.Random(seed * 1000 + 2)
    detained = [p for p in persons if p.detained]

    lists: dict[str, list[tuple[dict[str, str], str]]] = {
        "families_merged": [],
        "amnesty_release": [],
        "burial_documents": [],
        "court_eu": [],
    }
    # families_merged
    vol_seq = [0, 0, 0, 0]
    reported_twice = 0
    for p in detained:
        rate = (
            RATES["families_if_released"]
            if p.fate == "released"
            else RATES["families_if_missing_or_died"]
        )
        if lrng.random() >= rate:
            continue
        copies = 2 if chance(lrng, "families_reported_twice") else 1
        reported_twice += copies - 1
        last = -1
        for _ in range(copies):
            vol = pick_volunteer(lrng, p)
            while vol == last:
                vol = lrng.randrange(4)
            last = vol
            vol_seq[vol] += 1
            lists["families_merged"].append((families_row(lrng, p, vol, vol_seq[vol]), p.pid))
    # amnesty_release
    amnestied = [
        p for p in detained if p.fate == "released" and chance(lrng, "amnesty_if_released")
    ]
    others = [
        p for p in persons if not p.detained and p.sex == "M" and 18 <= 2022 - p.birth_year <= 70
    ]
    n_other = min(
        len(others), round(len(amnestied) * RATES["amnesty_other_prisoners_per_released"])
    )
    other_prisoners = lrng.sample(others, n_other)
    for p in amnestied + other_prisoners:
        lists["amnesty_release"].append((amnesty_row(lrng, p), p.pid))
    # burial_documents
    buried = [p for p in detained if p.fate == "died" and chance(lrng, "burial_if_died")]
    buried += [p for p in amnestied if chance(lrng, "burial_if_released_and_amnestied")]
    burial_twice = 0
    for p in buried:
        copies = 2 if chance(lrng, "burial_on_two_documents") else 1
        burial_twice += copies - 1
        for _ in range(copies):
            lists["burial_documents"].append((burial_row(lrng, p), p.pid))
    # court_eu
    seq = {"DE": 0, "FR": 0, "SE": 0}
    for p in detained:
        rate = (
            RATES["court_if_released"]
            if p.fate == "released"
            else RATES["court_if_missing_or_died"]
        )
        if lrng.random() < rate:
            lists["court_eu"].append((court_row(lrng, p, seq), p.pid))

    # record order and ids
    for name in ("amnesty_release", "burial_documents"):
        lrng.shuffle(lists[name])
    for i, (row, _) in enumerate(lists["amnesty_release"], 1):
        row["رقم السجل"] = str(i)
    doc, line, size = 1, 0, 1 + lrng.randrange(14)
    for row, _ in lists["burial_documents"]:
        line += 1
        if line > size:
            doc, line, size = doc + 1, 1, 1 + lrng.randrange(14)
        row["record_id"] = f"DOC{doc:04d}-{line:02d}"
    lrng.shuffle(lists["families_merged"])
    lrng.shuffle(lists["court_eu"])

    out.mkdir(parents=True, exist_ok=True)
    write_csv(
        out / "persons.csv",
        [
            "person_id",
            "first_name",
            "father_name",
            "grandfather_name",
            "family_name",
            "mother_name",
            "mother_family",
            "sex",
            "birth_year",
            "birth_place",
            "national_id",
            "clan",
            "kurdish",
            "detained",
            "fate",
            "date_of_arrest",
            "place_of_arrest",
        ],
        [
            {
                "person_id": p.pid,
                "first_name": p.first.ar,
                "father_name": p.father.ar,
                "grandfather_name": p.grand.ar,
                "family_name": p.family.ar,
                "mother_name": p.mother_first.ar,
                "mother_family": p.mother_family.ar,
                "sex": p.sex,
                "birth_year": str(p.birth_year),
                "birth_place": names.TOWNS[p.town][0],
                "national_id": p.national_id,
                "clan": str(p.clan),
                "kurdish": "1" if p.kurdish else "0",
                "detained": "1" if p.detained else "0",
                "fate": p.fate,
                "date_of_arrest": p.arrest_date,
                "place_of_arrest": p.arrest_place,
            }
            for p in persons
        ],
    )
    headers = {
        "families_merged": FAM_HEADER,
        "amnesty_release": AMN_HEADER,
        "burial_documents": BUR_HEADER,
        "court_eu": COURT_HEADER,
    }
    truth: list[dict[str, str]] = []
    for name, rows in lists.items():
        write_csv(
            out / f"{name}.csv", headers[name], [r for r, _ in rows], bom=name == "families_merged"
        )
        id_col = headers[name][0]
        truth += [{"list": name, "record_id": r[id_col], "person_id": pid} for r, pid in rows]
    write_csv(out / "truth.csv", ["list", "record_id", "person_id"], truth)

    in_lists: dict[str, int] = {}
    for t in truth:
        in_lists[t["person_id"]] = in_lists.get(t["person_id"], 0) + 1
    spread: dict[str, int] = {}
    per_person_lists: dict[str, list[str]] = {}
    for t in truth:
        lst = per_person_lists.setdefault(t["person_id"], [])
        if t["list"] not in lst:
            lst.append(t["list"])
    for lst in per_person_lists.values():
        k = str(len(lst))
        spread[k] = spread.get(k, 0) + 1
    first_counts: dict[str, int] = {}
    for p in persons:
        first_counts[p.first.ar] = first_counts.get(p.first.ar, 0) + 1
    namesakes: dict[tuple[str, str], int] = {}
    for p in persons:
        key = (p.first.ar, p.family.ar)
        namesakes[key] = namesakes.get(key, 0) + 1
    stats = {
        "seed": seed,
        "persons": len(persons),
        "clans": persons[-1].clan if persons else 0,
        "kurdish_persons": sum(p.kurdish for p in persons),
        "detained": len(detained),
        "fates": {f: sum(p.fate == f for p in detained) for f in ("missing", "died", "released")},
        "records": {name: len(rows) for name, rows in lists.items()},
        "families_reported_twice": reported_twice,
        "burial_persons_on_two_documents": burial_twice,
        "families_by_volunteer": dict(zip(["GAZ", "IST", "AZZ", "AFR"], vol_seq, strict=True)),
        "amnesty_other_prisoners": n_other,
        "persons_in_any_list": len(per_person_lists),
        "persons_by_number_of_lists": dict(sorted(spread.items())),
        "share_named_mohammad": round(
            first_counts.get("محمد", 0) / max(1, sum(p.sex == "M" for p in persons)), 3
        ),
        "persons_with_a_namesake": sum(c for c in namesakes.values() if c > 1),
        "rates": RATES,
    }
    (out / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--persons", type=int, default=20000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    stats = generate(args.seed, args.persons, args.out)
    print(
        json.dumps(
            {k: stats[k] for k in ("persons", "detained", "records", "persons_in_any_list")},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
