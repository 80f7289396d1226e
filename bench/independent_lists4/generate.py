"""Fourth independent test set for `mizan link`: an invented population and four lists.

    python bench/independent_lists4/generate.py --seed 4 --persons 20000 --out /tmp/l4

writes families.csv, official.csv, un.csv, turkiye.csv (the lists), truth.csv
(list,record_id,person_id), persons.csv and stats.json (every rate used and every count drawn).
Standard library only; the same seed and size give the same bytes whatever PYTHONHASHSEED is
(every random draw comes from random.Random seeded with a string, nothing iterates over a set).
See README.md for what each list is and why it looks the way it does.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import names as N
import translit as T

# ----------------------------------------------------------------------------------------------
# Every rate, in one place; written to stats.json as it is.
# ----------------------------------------------------------------------------------------------
RATES: dict[str, dict[str, float]] = {
    "population": {
        "sons_per_grandfather_mean": 3.0,
        "daughters_per_grandfather_as_persons_mean": 0.8,
        "children_per_household_mean": 4.2,
        "eldest_son_named_after_grandfather": 0.4,
        "child_born_outside_lineage_town": 0.15,
        "household_raided": 0.85,
        "detained_if_raided_male_16_60": 0.85,
        "detained_if_raided_male_13_15_or_61_75": 0.25,
        "detained_if_raided_female_16_60": 0.3,
        "detained_if_raided_other": 0.02,
        "arrested_in_household_raid_not_alone": 0.55,
        "arrested_in_own_town_when_alone": 0.5,
    },
    "inclusion": {
        "families": 0.68,
        "official": 0.55,
        "official_if_female": 0.4,
        "un_if_in_families": 0.65,
        "un_if_not_in_families": 0.25,
        "turkiye_if_from_north": 0.35,
        "turkiye_otherwise": 0.08,
        "families_duplicate": 0.08,
        "official_duplicate": 0.06,
        "un_duplicate": 0.03,
        "turkiye_duplicate": 0.03,
    },
    "families": {
        "record_typed_without_hamza": 0.35,
        "taa_marbuta_as_haa": 0.15,
        "alif_maqsura_as_yaa": 0.2,
        "final_yaa_as_alif_maqsura": 0.03,
        "abd_joined": 0.4,
        "typo_per_name_part": 0.025,
        "tashkeel_or_tatweel": 0.01,
        "nickname_instead_of_first": 0.03,
        "kunya_in_brackets": 0.05,
        "title_if_over_50": 0.15,
        "full_name_in_first_name_cell": 0.02,
        "father_missing": 0.03,
        "grandfather_missing": 0.4,
        "family_missing": 0.05,
        "family_article_dropped": 0.1,
        "woman_under_husband_family": 0.06,
        "mother_missing": 0.3,
        "mother_first_only": 0.45,
        "sex_missing": 0.15,
        "birth_year_given": 0.62,
        "age_instead_of_year": 0.28,
        "year_off_by_1": 0.08,
        "year_off_by_2_to_4": 0.03,
        "arabic_indic_digits": 0.25,
        "birth_place_given": 0.7,
        "national_id_given": 0.18,
        "national_id_digit_typo": 0.05,
        "arrest_date_given": 0.85,
        "arrest_date_misremembered": 0.1,
        "arrest_place_given": 0.75,
    },
    "official": {
        "document_size_min": 5,
        "document_size_max": 20,
        "quality_good": 0.5,
        "quality_medium": 0.35,
        "quality_poor": 0.15,
        "ocr_letter_rate_good": 0.004,
        "ocr_letter_rate_medium": 0.015,
        "ocr_letter_rate_poor": 0.045,
        "digit_misread_per_digit_factor": 0.8,
        "id_letter_for_digit_per_digit_factor": 0.5,
        "id_digit_dropped_per_id_factor": 2.0,
        "word_merge_per_space_factor": 1.5,
        "word_split_per_word_factor": 0.8,
        "cell_blank_per_cell_factor": 2.0,
        "arabic_indic_document": 0.4,
        "three_part_name": 0.65,
        "four_part_name": 0.25,
        "family_first_arabic_comma": 0.05,
        "bin_form": 0.05,
        "columns_shifted_right": 0.015,
        "columns_shifted_right_poor": 0.05,
        "columns_shifted_left": 0.005,
        "registered_days_after_arrest": 0.4,
        "mother_first_only": 0.7,
        "type_security_list": 0.5,
        "type_court_register": 0.25,
        "type_transfer_list": 0.25,
    },
    "un": {
        "scheme_en": 0.62,
        "scheme_fr": 0.28,
        "scheme_chat": 0.04,
        "scheme_mixed_en_fr": 0.06,
        "form_FAMILY_comma_given_father": 0.4,
        "form_given_father_FAMILY": 0.15,
        "form_given_father_family": 0.15,
        "form_four_parts": 0.08,
        "form_son_of": 0.06,
        "form_given_family_no_father": 0.08,
        "form_given_father_no_family": 0.04,
        "form_FAMILY_given_father": 0.04,
        "mhd_for_mohammad": 0.08,
        "typo_per_name_part": 0.03,
        "aka_kunya": 0.02,
        "all_caps": 0.05,
        "woman_under_husband_family": 0.08,
        "mother_missing": 0.45,
        "sex_missing": 0.15,
        "birth_year_given": 0.75,
        "age_instead_of_year": 0.1,
        "year_off_by_1": 0.06,
        "birth_place_given": 0.55,
        "arrest_date_given": 0.9,
        "arrest_place_given": 0.7,
    },
    "turkiye": {
        "upper_case": 0.7,
        "typed_in_arabic": 0.1,
        "father_given": 0.85,
        "mother_given": 0.8,
        "family_missing": 0.05,
        "birth_year_given": 0.9,
        "year_off_by_1": 0.1,
        "birth_place_given": 0.7,
        "arrest_date_given": 0.6,
        "typo_per_name_part": 0.03,
        "sex_given": 0.95,
    },
}

LISTS = ("families", "official", "un", "turkiye")


@dataclass
class Person:
    pid: str
    first: int  # index into N.MALE or N.FEMALE according to sex
    sex: str  # "M" / "F"
    father: int  # index into N.MALE
    grandfather: int  # index into N.MALE
    family: int  # index into N.FAMILY
    mother_first: int  # index into N.FEMALE
    mother_family: int
    birth_year: int
    birth_place: int  # index into N.PLACES
    household: str
    lineage: str
    town: int
    national_id: str = ""
    husband_family: int = -1
    missing: bool = False
    arrest_date: dt.date | None = None
    arrest_place: int = -1
    arrest_checkpoint: bool = False


@dataclass
class Draw:
    """Weighted choice over a fixed list, by cumulative weights (deterministic)."""

    weights: list[float]
    cum: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        total = 0.0
        for w in self.weights:
            total += w
            self.cum.append(total)

    def __call__(self, rng: random.Random) -> int:
        x = rng.random() * self.cum[-1]
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] > x:
                hi = mid
            else:
                lo = mid + 1
        return lo


DRAW_MALE = Draw([float(w) for _, _, w in N.MALE])
DRAW_FEMALE = Draw([float(w) for _, _, w in N.FEMALE])
DRAW_FAMILY = Draw([float(w) for _, _, w in N.FAMILY])
DRAW_PLACE = Draw([float(p[5]) for p in N.PLACES])
ARREST_YEARS = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]
DRAW_ARREST_YEAR = Draw([0.12, 0.3, 0.22, 0.12, 0.08, 0.06, 0.04, 0.03, 0.02, 0.01])


def arrest_day(rng: random.Random) -> dt.date:
    """A day of arrest: 2011 from 18 March (the first protests in Daraa), most in 2012-2013."""
    year = ARREST_YEARS[DRAW_ARREST_YEAR(rng)]
    start = dt.date(2011, 3, 18) if year == 2011 else dt.date(year, 1, 1)
    return start + dt.timedelta(days=rng.randint(0, (dt.date(year, 12, 31) - start).days))


def _poisson_like(rng: random.Random, mean: float, cap: int) -> int:
    """A small count around mean (sum of Bernoulli draws), capped."""
    n = 0
    trials = cap * 2
    p = mean / trials
    for _ in range(trials):
        if rng.random() < p:
            n += 1
    return min(n, cap)


def _distinct(rng: random.Random, draw: Draw, taken: set[int]) -> int:
    for _ in range(30):
        i = draw(rng)
        if i not in taken:
            return i
    return draw(rng)


def build_population(n: int, seed: int, counts: Counter[str]) -> list[Person]:
    rng = random.Random(f"lists4-population-{seed}")
    pr = RATES["population"]
    persons: list[Person] = []
    lineage_no = 0
    household_no = 0

    def new_pid() -> str:
        return f"P{len(persons) + 1:06d}"

    while len(persons) < n:
        lineage_no += 1
        lineage = f"L{lineage_no:05d}"
        family = DRAW_FAMILY(rng)
        town = DRAW_PLACE(rng)
        ggf = DRAW_MALE(rng)
        gf = DRAW_MALE(rng)
        grandmother = DRAW_FEMALE(rng)
        grandmother_family = DRAW_FAMILY(rng)
        sons = max(1, _poisson_like(rng, pr["sons_per_grandfather_mean"], 7))
        daughters = _poisson_like(rng, pr["daughters_per_grandfather_as_persons_mean"], 4)
        counts["lineages"] += 1
        sons_taken: set[int] = set()
        daughters_taken: set[int] = set()
        gf_birth = rng.randint(1905, 1940)
        for _ in range(sons):
            household_no += 1
            hh = f"H{household_no:06d}"
            counts["households"] += 1
            first = _distinct(rng, DRAW_MALE, sons_taken)
            sons_taken.add(first)
            by = min(1985, gf_birth + rng.randint(20, 42))
            father = Person(
                new_pid(), first, "M", gf, ggf, family, grandmother, grandmother_family,
                by, town, hh, lineage, town,
            )  # fmt: skip
            persons.append(father)
            wife_family = DRAW_FAMILY(rng)
            wife = Person(
                new_pid(), DRAW_FEMALE(rng), "F", DRAW_MALE(rng), DRAW_MALE(rng), wife_family,
                DRAW_FEMALE(rng), DRAW_FAMILY(rng), by + rng.randint(2, 10),
                town if rng.random() < 0.7 else DRAW_PLACE(rng), hh, lineage, town,
                husband_family=family,
            )  # fmt: skip
            persons.append(wife)
            kids = _poisson_like(rng, pr["children_per_household_mean"], 9)
            taken_m: set[int] = set()
            taken_f: set[int] = set()
            year = wife.birth_year + rng.randint(17, 24)
            for k in range(kids):
                if year > 2009:
                    break
                sex = "M" if rng.random() < 0.5 else "F"
                if sex == "M":
                    if not taken_m and rng.random() < pr["eldest_son_named_after_grandfather"]:
                        first_k = gf
                        counts["eldest_son_named_after_grandfather"] += 1
                    else:
                        first_k = _distinct(rng, DRAW_MALE, taken_m | {first})
                    taken_m.add(first_k)
                else:
                    first_k = _distinct(rng, DRAW_FEMALE, taken_f)
                    taken_f.add(first_k)
                born = town
                if rng.random() < pr["child_born_outside_lineage_town"]:
                    born = DRAW_PLACE(rng)
                child = Person(
                    new_pid(), first_k, sex, first, gf, family, wife.first, wife.family,
                    year, born, hh, lineage, town,
                )  # fmt: skip
                if sex == "F" and year < 1995 and rng.random() < 0.6:
                    child.husband_family = DRAW_FAMILY(rng)
                persons.append(child)
                counts[f"child_order_{min(k, 5)}"] += 1
                year += rng.randint(1, 4)
        for _ in range(daughters):
            household_no += 1
            counts["households"] += 1
            first_d = _distinct(rng, DRAW_FEMALE, daughters_taken)
            daughters_taken.add(first_d)
            persons.append(
                Person(
                    new_pid(),
                    first_d,
                    "F",
                    gf,
                    ggf,
                    family,
                    grandmother,
                    grandmother_family,
                    min(1988, gf_birth + rng.randint(18, 44)),
                    town,
                    f"H{household_no:06d}",
                    lineage,
                    town,
                    husband_family=DRAW_FAMILY(rng),
                )
            )
    del persons[n:]

    # National numbers: 11 digits, the first two the governorate of registration.
    seen: set[str] = set()
    for p in persons:
        while True:
            nid = N.PLACES[p.town][4] + "".join(str(rng.randint(0, 9)) for _ in range(9))
            if nid not in seen:
                seen.add(nid)
                p.national_id = nid
                break

    # Detention: households are raided; who is taken depends on sex and age.
    by_household: dict[str, list[Person]] = {}
    for p in persons:
        by_household.setdefault(p.household, []).append(p)
    for hh in sorted(by_household):
        members = by_household[hh]
        if rng.random() >= pr["household_raided"]:
            continue
        counts["households_raided"] += 1
        raid = arrest_day(rng)
        for p in members:
            age = raid.year - p.birth_year
            if p.sex == "M" and 16 <= age <= 60:
                prob = pr["detained_if_raided_male_16_60"]
            elif p.sex == "M" and (13 <= age <= 15 or 61 <= age <= 75):
                prob = pr["detained_if_raided_male_13_15_or_61_75"]
            elif p.sex == "F" and 16 <= age <= 60:
                prob = pr["detained_if_raided_female_16_60"]
            else:
                prob = pr["detained_if_raided_other"]
            if rng.random() >= prob:
                continue
            p.missing = True
            if rng.random() < pr["arrested_in_household_raid_not_alone"]:
                p.arrest_date, p.arrest_place = raid, p.town
                counts["arrested_in_raid"] += 1
            else:
                p.arrest_date = arrest_day(rng)
                own = rng.random() < pr["arrested_in_own_town_when_alone"]
                p.arrest_place = p.town if own else DRAW_PLACE(rng)
                p.arrest_checkpoint = rng.random() < 0.5
                counts["arrested_alone"] += 1
            counts["missing"] += 1
            counts[f"missing_{p.sex}"] += 1
    return persons


# ----------------------------------------------------------------------------------------------
# Arabic text: how families type it and how OCR reads it
# ----------------------------------------------------------------------------------------------
AR_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BACK_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
DOT_GROUPS = ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "ةه", "ىي"]
DOT_PEER: dict[str, str] = {}
for _g in DOT_GROUPS:
    for _c in _g:
        DOT_PEER[_c] = "".join(x for x in _g if x != _c)
SHAPE_PEER = {"ر": "و", "و": "ر", "م": "ه", "ل": "ا", "ا": "ل", "ك": "ل"}
SOUND_PEER = {"س": "ص", "ص": "س", "ت": "ط", "ط": "ت", "د": "ض", "ض": "د", "ذ": "ز", "ز": "ذ"}
SOUND_PEER |= {"ه": "ح", "ح": "ه", "ق": "ك", "ك": "ق", "ظ": "ض", "ث": "س", "ء": "ئ"}
DIGIT_OCR = {
    "0": "869", "1": "7", "2": "7", "3": "8", "4": "9", "5": "6",
    "6": "58", "7": "12", "8": "30", "9": "40",
}  # fmt: skip
LETTER_FOR_DIGIT = {"0": "O", "1": "l", "5": "S", "8": "B"}


def ar_digits(text: str, indic: bool) -> str:
    return text.translate(AR_INDIC) if indic else text


def ar_typing(text: str, rng: random.Random, prof: dict[str, bool], c: Counter[str]) -> str:
    """Spelling habits of one typist (prof holds the record-wide choices)."""
    if prof["no_hamza"]:
        new = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        c["fam_no_hamza"] += int(new != text)
        text = new
    if prof["taa"] and text.endswith("ة"):
        text = text[:-1] + "ه"
        c["fam_taa_as_haa"] += 1
    words = text.split(" ")
    for i, w in enumerate(words):
        if prof["maqsura"] and w.endswith("ى"):
            words[i] = w[:-1] + "ي"
            c["fam_maqsura_as_yaa"] += 1
        elif prof["final_yaa"] and w.endswith("ي"):
            words[i] = w[:-1] + "ى"
            c["fam_yaa_as_maqsura"] += 1
    text = " ".join(words)
    if prof["abd_joined"] and "عبد " in text:
        text = text.replace("عبد ", "عبد")
        c["fam_abd_joined"] += 1
    return text


def ar_typo(text: str, rng: random.Random) -> str:
    if len(text) < 3:
        return text
    i = rng.randrange(len(text))
    kind = rng.random()
    if text[i] == " ":
        return text
    if kind < 0.3:
        return text[:i] + text[i + 1 :]
    if kind < 0.5:
        return text[:i] + text[i] + text[i:]
    if kind < 0.7 and i + 1 < len(text) and text[i + 1] != " ":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    peer = SOUND_PEER.get(text[i]) or DOT_PEER.get(text[i])
    if peer:
        return text[:i] + peer[0] + text[i + 1 :]
    return text[:i] + text[i + 1 :]


def ocr_text(text: str, rate: float, rng: random.Random, c: Counter[str]) -> str:
    if not text:
        return text
    out: list[str] = []
    for ch in text:
        if ch in DOT_PEER and rng.random() < rate:
            peers = DOT_PEER[ch]
            out.append(peers[rng.randrange(len(peers))])
            c["ocr_dots"] += 1
        elif ch in SHAPE_PEER and rng.random() < rate * 0.2:
            out.append(SHAPE_PEER[ch])
            c["ocr_shape"] += 1
        else:
            out.append(ch)
    s = "".join(out)
    ro = RATES["official"]
    # words merged (a space lost) or split (a space read inside a word)
    if " " in s and rng.random() < rate * ro["word_merge_per_space_factor"] * s.count(" "):
        spaces = [i for i, ch in enumerate(s) if ch == " "]
        i = spaces[rng.randrange(len(spaces))]
        s = s[:i] + s[i + 1 :]
        c["ocr_words_merged"] += 1
    words = s.split(" ")
    if rng.random() < rate * ro["word_split_per_word_factor"] * len(words):
        j = rng.randrange(len(words))
        w = words[j]
        if len(w) >= 4:
            k = rng.randint(2, len(w) - 2)
            words[j] = w[:k] + " " + w[k:]
            c["ocr_word_split"] += 1
    return " ".join(words)


def ocr_digits(text: str, rate: float, rng: random.Random, c: Counter[str]) -> str:
    out = []
    for ch in text:
        if (
            ch in DIGIT_OCR
            and rng.random() < rate * RATES["official"]["digit_misread_per_digit_factor"]
        ):
            peers = DIGIT_OCR[ch]
            out.append(peers[rng.randrange(len(peers))])
            c["ocr_digit_misread"] += 1
        else:
            out.append(ch)
    return "".join(out)


# ----------------------------------------------------------------------------------------------
# Helpers shared by the lists
# ----------------------------------------------------------------------------------------------
def m_ar(i: int) -> str:
    return N.MALE[i][0]


def f_ar(i: int) -> str:
    return N.FEMALE[i][0]


def first_ar(p: Person) -> str:
    return m_ar(p.first) if p.sex == "M" else f_ar(p.first)


def first_base(p: Person) -> str:
    return N.MALE[p.first][1] if p.sex == "M" else N.FEMALE[p.first][1]


def fam_ar(i: int) -> str:
    return N.FAMILY[i][0]


def drop_article(ar: str) -> str:
    return ar[2:] if ar.startswith("ال") and len(ar) > 4 else ar


def fmt_date(d: dt.date, style: str) -> str:
    if style == "dmy":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "ymd":
        return d.isoformat()
    if style == "ym":
        return f"{d.year}-{d.month:02d}"
    return str(d.year)


def year_noise(
    rng: random.Random, year: int, off1: float, off2: float, c: Counter[str], k: str
) -> int:
    roll = rng.random()
    if roll < off1:
        c[f"{k}_year_off_1"] += 1
        return year + rng.choice((-1, 1))
    if roll < off1 + off2:
        c[f"{k}_year_off_2_4"] += 1
        return year + rng.choice((-1, 1)) * rng.randint(2, 4)
    return year


def place_latin(i: int, scheme: str) -> str:
    row = N.PLACES[i]
    return {"en": row[1], "fr": row[2], "tr": row[3], "chat": row[1]}[scheme]


def arrest_place_ar(p: Person) -> str:
    town = N.PLACES[p.arrest_place][0]
    return f"حاجز {town}" if p.arrest_checkpoint else town


def arrest_place_latin(p: Person, scheme: str, rng: random.Random) -> str:
    town = place_latin(p.arrest_place, scheme)
    if not p.arrest_checkpoint:
        return town
    if scheme == "fr":
        return f"barrage de {town}"
    if scheme == "tr":
        return f"{town} kontrol noktası"
    return f"{town} checkpoint" if rng.random() < 0.5 else f"checkpoint in {town}"


# ----------------------------------------------------------------------------------------------
# List 1: families' intake, typed in Arabic
# ----------------------------------------------------------------------------------------------
FAMILIES_HEADER = [
    "رقم السجل", "الاسم", "اسم الأب", "اسم الجد", "الكنية", "اسم الأم", "الجنس", "سنة الولادة",
    "العمر", "مكان الولادة", "الرقم الوطني", "تاريخ الاعتقال", "مكان الاعتقال", "صلة المبلغ",
    "تاريخ البلاغ", "ملاحظات",
]  # fmt: skip
REPORTERS = ["الأم", "الأب", "الأخ", "الأخت", "الزوجة", "الزوج", "الابن", "الابنة", "العم", "الخال"]
NOTES = [
    "",
    "",
    "",
    "",
    "شوهد في سجن صيدنايا حسب معتقل سابق",
    "لا معلومات منذ الاعتقال",
    "اعتقل مع أخيه",
    "تم تحويله إلى فرع آخر، حسب أحد المفرج عنهم",
    "دفعت العائلة مبلغاً لوسيط دون نتيجة",
    "ورد اسمه في قائمة سابقة",
]


def families_row(p: Person, rng: random.Random, c: Counter[str]) -> list[str]:
    r = RATES["families"]
    prof = {
        "no_hamza": rng.random() < r["record_typed_without_hamza"],
        "taa": rng.random() < r["taa_marbuta_as_haa"],
        "maqsura": rng.random() < r["alif_maqsura_as_yaa"],
        "final_yaa": rng.random() < r["final_yaa_as_alif_maqsura"],
        "abd_joined": rng.random() < r["abd_joined"],
    }
    indic = rng.random() < r["arabic_indic_digits"]

    def part(text: str) -> str:
        text = ar_typing(text, rng, prof, c)
        if rng.random() < r["typo_per_name_part"]:
            text = ar_typo(text, rng)
            c["fam_typo"] += 1
        if rng.random() < r["tashkeel_or_tatweel"] and len(text) > 2:
            k = rng.randint(1, len(text) - 1)
            text = text[:k] + rng.choice(("ـ", "ّ")) + text[k:]
            c["fam_tashkeel_tatweel"] += 1
        return text

    first = first_ar(p)
    if first in N.NICKNAMES and rng.random() < r["nickname_instead_of_first"]:
        first = rng.choice(N.NICKNAMES[first])
        c["fam_nickname"] += 1
    first = part(first)
    if p.sex == "M" and rng.random() < r["kunya_in_brackets"]:
        first = f"{first} (أبو {m_ar(DRAW_MALE(rng))})"
        c["fam_kunya"] += 1
    assert p.arrest_date is not None
    age_at_arrest = p.arrest_date.year - p.birth_year
    if p.sex == "M" and age_at_arrest > 50 and rng.random() < r["title_if_over_50"]:
        first = f"{rng.choice(N.TITLES_AR)} {first}"
        c["fam_title"] += 1
    father = "" if rng.random() < r["father_missing"] else part(m_ar(p.father))
    grandfather = "" if rng.random() < r["grandfather_missing"] else part(m_ar(p.grandfather))
    fam_i = p.family
    if p.sex == "F" and p.husband_family >= 0 and rng.random() < r["woman_under_husband_family"]:
        fam_i = p.husband_family
        c["fam_woman_husband_family"] += 1
    family = fam_ar(fam_i)
    if rng.random() < r["family_article_dropped"]:
        family = drop_article(family)
        c["fam_article_dropped"] += 1
    family = "" if rng.random() < r["family_missing"] else part(family)
    c["fam_family_missing"] += int(family == "")
    roll = rng.random()
    if roll < r["mother_missing"]:
        mother = ""
    elif roll < r["mother_missing"] + r["mother_first_only"]:
        mother = part(f_ar(p.mother_first))
    else:
        mother = part(f_ar(p.mother_first)) + " " + part(fam_ar(p.mother_family))
    if rng.random() < r["full_name_in_first_name_cell"]:
        first = " ".join(x for x in (first, father, grandfather, family) if x)
        father = grandfather = family = ""
        c["fam_full_name_in_first_cell"] += 1
    sex = "" if rng.random() < r["sex_missing"] else ("ذكر" if p.sex == "M" else "أنثى")
    roll = rng.random()
    year = age = ""
    if roll < r["birth_year_given"]:
        y = year_noise(rng, p.birth_year, r["year_off_by_1"], r["year_off_by_2_to_4"], c, "fam")
        year = ar_digits(str(y), indic)
    elif roll < r["birth_year_given"] + r["age_instead_of_year"]:
        age = ar_digits(str(age_at_arrest + rng.choice((0, 0, 1, -1))), indic)
        c["fam_age_instead_of_year"] += 1
    place = N.PLACES[p.birth_place][0] if rng.random() < r["birth_place_given"] else ""
    nid = ""
    if rng.random() < r["national_id_given"]:
        nid = p.national_id
        if rng.random() < r["national_id_digit_typo"]:
            k = rng.randrange(len(nid))
            nid = nid[:k] + str(rng.randint(0, 9)) + nid[k + 1 :]
            c["fam_national_id_typo"] += 1
        nid = ar_digits(nid, indic)
    adate = ""
    if rng.random() < r["arrest_date_given"]:
        d = p.arrest_date
        if rng.random() < r["arrest_date_misremembered"]:
            d = d + dt.timedelta(days=rng.randint(-60, 60))
            c["fam_arrest_date_misremembered"] += 1
        style = rng.choices(("dmy", "ymd", "ym", "y"), (0.5, 0.15, 0.15, 0.2))[0]
        adate = ar_digits(fmt_date(d, style), indic)
    aplace = arrest_place_ar(p) if rng.random() < r["arrest_place_given"] else ""
    reported = p.arrest_date + dt.timedelta(days=rng.randint(30, 2500))
    reported = min(reported, dt.date(2024, 12, 31))
    return [
        "",  # record id, given after shuffling
        first, father, grandfather, family, mother, sex, year, age, place, nid, adate, aplace,
        rng.choice(REPORTERS), ar_digits(reported.isoformat(), indic), rng.choice(NOTES),
    ]  # fmt: skip


# ----------------------------------------------------------------------------------------------
# List 2: official registers read by OCR
# ----------------------------------------------------------------------------------------------
OFFICIAL_HEADER = [
    "record_id", "full_name", "mother_name", "birth_year", "birth_place", "national_id",
    "date_of_arrest", "place_of_arrest", "document", "page", "line", "document_type",
]  # fmt: skip
DOC_TYPES = ("security_list", "court_register", "transfer_list")
# Which columns each kind of document carries (probability that the value is there).
_COLS = ("mother", "year", "place", "nid", "date", "aplace")
DOC_COLUMNS = {
    "security_list": dict(zip(_COLS, (0.9, 0.95, 0.95, 0.4, 0.95, 0.6), strict=True)),
    "court_register": dict(zip(_COLS, (0.95, 0.95, 0.95, 0.9, 0.5, 0.2), strict=True)),
    "transfer_list": dict(zip(_COLS, (0.5, 0.7, 0.4, 0.2, 0.7, 0.4), strict=True)),
}


def official_rows(people: list[Person], rng: random.Random, c: Counter[str]) -> list[list[str]]:
    ro = RATES["official"]
    rows: list[list[str]] = []
    i = 0
    doc_no = 0
    while i < len(people):
        doc_no += 1
        size = rng.randint(int(ro["document_size_min"]), int(ro["document_size_max"]))
        chunk = people[i : i + size]
        i += size
        q_roll = rng.random()
        quality = "good" if q_roll < ro["quality_good"] else "medium"
        if q_roll >= ro["quality_good"] + ro["quality_medium"]:
            quality = "poor"
        c[f"off_documents_{quality}"] += 1
        rate = ro[f"ocr_letter_rate_{quality}"]
        kind = DOC_TYPES[
            Draw([ro["type_security_list"], ro["type_court_register"], ro["type_transfer_list"]])(
                rng
            )
        ]
        c[f"off_documents_{kind}"] += 1
        cols = DOC_COLUMNS[kind]
        indic = rng.random() < ro["arabic_indic_document"]
        four_share = ro["four_part_name"] * (2 if kind == "court_register" else 1)
        for line, p in enumerate(chunk, start=1):
            c[f"off_records_{quality}"] += 1
            fn, fa, gf = first_ar(p), m_ar(p.father), m_ar(p.grandfather)
            fam = fam_ar(p.family)
            roll = rng.random()
            if roll < ro["family_first_arabic_comma"]:
                full = f"{fam}، {fn} {fa}"
                c["off_family_first_comma"] += 1
            elif roll < ro["family_first_arabic_comma"] + ro["bin_form"]:
                full = f"{fn} بن {fa} {fam}"
                c["off_bin_form"] += 1
            elif roll < ro["family_first_arabic_comma"] + ro["bin_form"] + four_share:
                full = f"{fn} {fa} {gf} {fam}"
                c["off_four_part"] += 1
            else:
                full = f"{fn} {fa} {fam}"
                c["off_three_part"] += 1
            full = ocr_text(full, rate, rng, c)
            mother = ""
            if rng.random() < cols["mother"]:
                mother = f_ar(p.mother_first)
                if rng.random() >= ro["mother_first_only"]:
                    mother += " " + fam_ar(p.mother_family)
                mother = ocr_text(mother, rate, rng, c)

            def digits(text: str, rate: float = rate, indic: bool = indic) -> str:
                return ar_digits(ocr_digits(text, rate, rng, c), indic)

            year = digits(str(p.birth_year)) if rng.random() < cols["year"] else ""
            if year and year.translate(BACK_TO_ASCII) != str(p.birth_year):
                c["off_birth_year_misread"] += 1
            if year and not indic and rng.random() < rate * 0.5:
                k = rng.randrange(4)
                src = str(p.birth_year)
                if src[k] in LETTER_FOR_DIGIT:
                    year = year[:k] + LETTER_FOR_DIGIT[src[k]] + year[k + 1 :]
                    c["off_year_letter_for_digit"] += 1
            place = (
                ocr_text(N.PLACES[p.birth_place][0], rate, rng, c)
                if rng.random() < cols["place"]
                else ""
            )
            nid = ""
            if rng.random() < cols["nid"]:
                raw = ocr_digits(p.national_id, rate, rng, c)
                chars = list(raw)
                for k, ch in enumerate(chars):
                    if (
                        ch in LETTER_FOR_DIGIT
                        and not indic  # Arabic-Indic digits: ه for ٥ below instead
                        and rng.random() < rate * ro["id_letter_for_digit_per_digit_factor"]
                    ):
                        chars[k] = LETTER_FOR_DIGIT[ch]
                        c["off_id_letter_for_digit"] += 1
                if rng.random() < rate * ro["id_digit_dropped_per_id_factor"]:
                    del chars[rng.randrange(len(chars))]
                    c["off_id_digit_dropped"] += 1
                nid = "".join(chars)
                if indic:
                    nid = nid.translate(AR_INDIC)
                    if "٥" in nid and rng.random() < rate * 3:
                        nid = nid.replace("٥", "ه", 1)
                        c["off_id_haa_for_five"] += 1
            date = ""
            assert p.arrest_date is not None
            if rng.random() < cols["date"]:
                d = p.arrest_date
                if rng.random() < ro["registered_days_after_arrest"]:
                    d = d + dt.timedelta(days=rng.randint(1, 45))
                text = fmt_date(d, "dmy" if rng.random() < 0.8 else "ymd")
                if rng.random() < rate * 4 and (d.month, d.day) != (2, 29):
                    # one misread digit in the year only, so the date keeps its shape
                    k = rng.randrange(4)
                    ys = str(d.year)
                    peers = DIGIT_OCR[ys[k]]
                    y = ys[:k] + peers[rng.randrange(len(peers))] + ys[k + 1 :]
                    text = text.replace(str(d.year), y)
                    c["off_arrest_year_misread"] += 1
                date = ar_digits(text, indic)
            aplace = (
                ocr_text(arrest_place_ar(p), rate, rng, c) if rng.random() < cols["aplace"] else ""
            )
            row = [
                "", full, mother, year, place, nid, date, aplace,
                f"D{doc_no:05d}", str(1 + (line - 1) // 25), str(line), kind,
            ]  # fmt: skip
            # Blotted or cut cells: empty.
            for k in (2, 3, 4, 5, 6, 7):
                if row[k] and rng.random() < rate * ro["cell_blank_per_cell_factor"]:
                    row[k] = ""
                    c["off_cell_blank"] += 1
            shift_right = ro[
                "columns_shifted_right_poor" if quality == "poor" else "columns_shifted_right"
            ]
            roll = rng.random()
            if roll < shift_right:
                # the OCR table lost a column boundary: values from mother_name on move right
                row[2:8] = ["", *row[2:7]]
                c["off_columns_shifted_right"] += 1
            elif roll < shift_right + ro["columns_shifted_left"]:
                row[2:8] = [*row[3:8], ""]
                c["off_columns_shifted_left"] += 1
            rows.append(row)
            rows[-1][0] = f"D{doc_no:05d}-{line:02d}"
    return rows


# ----------------------------------------------------------------------------------------------
# List 3: a Latin-script list for a UN body
# ----------------------------------------------------------------------------------------------
UN_HEADER = [
    "record_id", "full_name", "mother_name", "sex", "birth_year", "birth_place",
    "date_of_arrest", "place_of_arrest", "age_at_arrest", "submitted_by", "status",
]  # fmt: skip
SUBMITTERS = {"en": "NGO-A (London)", "fr": "NGO-B (Paris)", "chat": "volunteer", "mixed": "NGO-C"}


def latin_typo(text: str, rng: random.Random) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = letters[rng.randrange(1, len(letters))]
    kind = rng.random()
    if kind < 0.35:
        return text[:i] + text[i + 1 :]
    if kind < 0.6:
        return text[:i] + text[i] + text[i:]
    if kind < 0.8 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    near = {
        "a": "e",
        "e": "i",
        "i": "e",
        "o": "u",
        "u": "o",
        "h": "k",
        "s": "z",
        "d": "t",
        "m": "n",
    }
    return text[:i] + near.get(text[i].lower(), text[i]) + text[i + 1 :]


def un_row(p: Person, rng: random.Random, c: Counter[str]) -> list[str]:
    r = RATES["un"]
    roll = rng.random()
    if roll < r["scheme_en"]:
        scheme = "en"
    elif roll < r["scheme_en"] + r["scheme_fr"]:
        scheme = "fr"
    elif roll < r["scheme_en"] + r["scheme_fr"] + r["scheme_chat"]:
        scheme = "chat"
    else:
        scheme = "mixed"
    c[f"un_scheme_{scheme}"] += 1
    given_scheme = "en" if scheme == "mixed" else scheme
    fam_scheme = "fr" if scheme == "mixed" else scheme

    def typo(text: str) -> str:
        if rng.random() < r["typo_per_name_part"]:
            c["un_typo"] += 1
            return latin_typo(text, rng)
        return text

    def given(base: str) -> str:
        if base == "mu7ammad" and given_scheme == "en" and rng.random() < r["mhd_for_mohammad"]:
            c["un_mhd"] += 1
            return rng.choice(("Mhd", "Mhd.", "M."))
        return typo(T.name(base, given_scheme, rng))

    fn = given(first_base(p))
    fa = given(N.MALE[p.father][1])
    gf = given(N.MALE[p.grandfather][1])
    fam_i = p.family
    if p.sex == "F" and p.husband_family >= 0 and rng.random() < r["woman_under_husband_family"]:
        fam_i = p.husband_family
        c["un_woman_husband_family"] += 1
    fam = typo(T.name(N.FAMILY[fam_i][1], fam_scheme, rng, family=True))
    up = T.upper(fam, fam_scheme)
    forms = [
        ("comma", r["form_FAMILY_comma_given_father"]),
        ("gfF", r["form_given_father_FAMILY"]),
        ("gff", r["form_given_father_family"]),
        ("four", r["form_four_parts"]),
        ("sonof", r["form_son_of"]),
        ("nofather", r["form_given_family_no_father"]),
        ("nofamily", r["form_given_father_no_family"]),
        ("Fgf", r["form_FAMILY_given_father"]),
    ]
    form = forms[Draw([w for _, w in forms])(rng)][0]
    c[f"un_form_{form}"] += 1
    if form == "comma":
        full = f"{up}, {fn} {fa}"
    elif form == "gfF":
        full = f"{fn} {fa} {up}"
    elif form == "gff":
        full = f"{fn} {fa} {fam}"
    elif form == "four":
        full = f"{fn} {fa} {gf} {fam}"
    elif form == "sonof":
        link = "son of" if p.sex == "M" else "daughter of"
        if rng.random() < 0.4:
            link = "bin" if p.sex == "M" else "bint"
        full = f"{fn} {link} {fa} {fam}"
    elif form == "nofather":
        full = f"{fn} {up if rng.random() < 0.5 else fam}"
    elif form == "nofamily":
        full = f"{fn} {fa}"
    else:
        full = f"{up} {fn} {fa}"
    if p.sex == "M" and rng.random() < r["aka_kunya"]:
        full += f" (a.k.a. Abu {T.name(N.MALE[DRAW_MALE(rng)][1], given_scheme, rng)})"
        c["un_aka"] += 1
    if rng.random() < r["all_caps"]:
        full = T.upper(full, given_scheme)
        c["un_all_caps"] += 1
    mother = ""
    if rng.random() >= r["mother_missing"]:
        mf = T.name(N.FEMALE[p.mother_first][1], given_scheme, rng)
        mfam = T.name(N.FAMILY[p.mother_family][1], fam_scheme, rng, family=True)
        roll = rng.random()
        if roll < 0.45:
            mother = mf
        elif roll < 0.85:
            mother = f"{mf} {mfam}"
        else:
            mother = f"{T.upper(mfam, fam_scheme)}, {mf}"
    sex = ""
    if rng.random() >= r["sex_missing"]:
        sex = rng.choice((p.sex, p.sex, "male" if p.sex == "M" else "female"))
    assert p.arrest_date is not None
    year = age = ""
    roll = rng.random()
    if roll < r["birth_year_given"]:
        year = str(year_noise(rng, p.birth_year, r["year_off_by_1"], 0.0, c, "un"))
    elif roll < r["birth_year_given"] + r["age_instead_of_year"]:
        age = str(p.arrest_date.year - p.birth_year)
        c["un_age_instead_of_year"] += 1
    pl_scheme = "en" if given_scheme == "chat" else fam_scheme
    place = place_latin(p.birth_place, pl_scheme) if rng.random() < r["birth_place_given"] else ""
    date = ""
    if rng.random() < r["arrest_date_given"]:
        style = rng.choices(("ymd", "ym", "y", "dmy"), (0.6, 0.2, 0.1, 0.1))[0]
        date = fmt_date(p.arrest_date, style)
    aplace = arrest_place_latin(p, pl_scheme, rng) if rng.random() < r["arrest_place_given"] else ""
    status = "disappeared" if rng.random() < 0.7 else "detained"
    return ["", full, mother, sex, year, place, date, aplace, age, SUBMITTERS[scheme], status]


# ----------------------------------------------------------------------------------------------
# List 4: an association of Syrian families in Türkiye, names as in Turkish residence papers
# ----------------------------------------------------------------------------------------------
TURKIYE_HEADER = [
    "record_id", "first_name", "father_name", "family_name", "mother_name", "sex", "birth_year",
    "birth_place", "date_of_arrest", "reporter_province", "reporter_relation",
]  # fmt: skip
PROVINCES = ["Gaziantep", "Hatay", "İstanbul", "Şanlıurfa", "Kilis", "Mersin"]
RELATIONS_TR = ["anne", "baba", "kardeş", "eş", "oğul", "kız", "amca"]


def turkiye_row(p: Person, rng: random.Random, c: Counter[str]) -> list[str]:
    r = RATES["turkiye"]
    arabic = rng.random() < r["typed_in_arabic"]
    upper = rng.random() < r["upper_case"]
    c["tr_typed_in_arabic" if arabic else ("tr_upper" if upper else "tr_title_case")] += 1

    def nm(base: str, ar: str, family: bool = False) -> str:
        if arabic:
            text = ar
        else:
            text = T.name(base, "tr", rng, family=family)
            if upper:
                text = T.upper(text, "tr")
        if rng.random() < r["typo_per_name_part"]:
            c["tr_typo"] += 1
            text = ar_typo(text, rng) if arabic else latin_typo(text, rng)
        return text

    fn = nm(first_base(p), first_ar(p))
    fa = nm(N.MALE[p.father][1], m_ar(p.father)) if rng.random() < r["father_given"] else ""
    fam = ""
    if rng.random() >= r["family_missing"]:
        fam = nm(N.FAMILY[p.family][1], fam_ar(p.family), family=True)
    mother = (
        nm(N.FEMALE[p.mother_first][1], f_ar(p.mother_first))
        if rng.random() < r["mother_given"]
        else ""
    )
    sex = p.sex if rng.random() < r["sex_given"] else ""
    year = ""
    if rng.random() < r["birth_year_given"]:
        year = str(year_noise(rng, p.birth_year, r["year_off_by_1"], 0.0, c, "tr"))
    place = ""
    if rng.random() < r["birth_place_given"]:
        place = N.PLACES[p.birth_place][0] if arabic else place_latin(p.birth_place, "tr")
        if upper and not arabic:
            place = T.upper(place, "tr")
    assert p.arrest_date is not None
    date = ""
    if rng.random() < r["arrest_date_given"]:
        date = fmt_date(p.arrest_date, rng.choice(("y", "ym", "ymd")))
    return [
        "",
        fn,
        fa,
        fam,
        mother,
        sex,
        year,
        place,
        date,
        rng.choice(PROVINCES),
        rng.choice(RELATIONS_TR),
    ]


# ----------------------------------------------------------------------------------------------
# Drawing the lists
# ----------------------------------------------------------------------------------------------
def draw_lists(
    persons: list[Person], seed: int, counts: Counter[str]
) -> dict[str, list[tuple[str, list[str]]]]:
    """For each list, (person_id, row) pairs in the order the list has them."""
    ri = RATES["inclusion"]
    rng = random.Random(f"lists4-inclusion-{seed}")
    members: dict[str, list[Person]] = {name: [] for name in LISTS}
    for p in persons:
        if not p.missing:
            continue
        in_fam = rng.random() < ri["families"]
        if in_fam:
            members["families"].append(p)
        if rng.random() < (ri["official_if_female"] if p.sex == "F" else ri["official"]):
            members["official"].append(p)
        if rng.random() < (ri["un_if_in_families"] if in_fam else ri["un_if_not_in_families"]):
            members["un"].append(p)
        north = N.PLACES[p.town][6]
        if rng.random() < (ri["turkiye_if_from_north"] if north else ri["turkiye_otherwise"]):
            members["turkiye"].append(p)
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for name in LISTS:
        lrng = random.Random(f"lists4-{name}-{seed}")
        people = list(members[name])
        dups = [p for p in people if lrng.random() < ri[f"{name}_duplicate"]]
        counts[f"{name}_duplicates"] = len(dups)
        people.extend(dups)
        lrng.shuffle(people)
        c: Counter[str] = Counter()
        if name == "official":
            rows = official_rows(people, lrng, c)
        else:
            fn = {"families": families_row, "un": un_row, "turkiye": turkiye_row}[name]
            rows = [fn(p, lrng, c) for p in people]
        for k, row in enumerate(rows, start=1):
            if name == "families":
                row[0] = f"{2013 + (k * 11) // max(1, len(rows))}/{k:05d}"
            elif name == "un":
                row[0] = f"SY-{k:05d}"
            elif name == "turkiye":
                row[0] = f"TR{k:05d}"
        for key in sorted(c):
            counts[f"noise.{name}.{key}"] = c[key]
        out[name] = [(p.pid, row) for p, row in zip(people, rows, strict=True)]
        counts[f"{name}_records"] = len(rows)
        counts[f"{name}_persons"] = len(members[name])
    return out


HEADERS = {
    "families": FAMILIES_HEADER,
    "official": OFFICIAL_HEADER,
    "un": UN_HEADER,
    "turkiye": TURKIYE_HEADER,
}


def csv_bytes(header: list[str], rows: list[list[str]], bom: bool = False) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return (("\ufeff" if bom else "") + buf.getvalue()).encode("utf-8")


def pair_counts(lists: dict[str, list[tuple[str, list[str]]]]) -> dict[str, int]:
    """True pairs (same person) per pair of lists, including within a list."""
    per: dict[str, Counter[str]] = {name: Counter(pid for pid, _ in lists[name]) for name in LISTS}
    out: dict[str, int] = {}
    for i, a in enumerate(LISTS):
        for b in LISTS[i:]:
            if a == b:
                n = sum(k * (k - 1) // 2 for k in per[a].values())
            else:
                n = sum(per[a][pid] * per[b][pid] for pid in per[a])
            out[f"{a}~{b}" if a <= b else f"{b}~{a}"] = n  # the scorer's names
    return dict(sorted(out.items()))


def generate(seed: int, n: int, out: Path) -> dict[str, object]:
    t0 = time.perf_counter()
    counts: Counter[str] = Counter()
    persons = build_population(n, seed, counts)
    lists = draw_lists(persons, seed, counts)
    out.mkdir(parents=True, exist_ok=True)
    for name in LISTS:
        rows = [row for _, row in lists[name]]
        (out / f"{name}.csv").write_bytes(csv_bytes(HEADERS[name], rows, bom=name == "families"))
    truth = [[name, row[0], pid] for name in LISTS for pid, row in lists[name]]
    (out / "truth.csv").write_bytes(csv_bytes(["list", "record_id", "person_id"], truth))
    prow = []
    for p in persons:
        prow.append([
            p.pid, first_ar(p), m_ar(p.father), m_ar(p.grandfather), fam_ar(p.family),
            f"{f_ar(p.mother_first)} {fam_ar(p.mother_family)}", p.sex, str(p.birth_year),
            N.PLACES[p.birth_place][0], p.national_id, p.household, p.lineage,
            fam_ar(p.husband_family) if p.husband_family >= 0 else "",
            "1" if p.missing else "0", p.arrest_date.isoformat() if p.arrest_date else "",
            arrest_place_ar(p) if p.missing else "",
        ])  # fmt: skip
    pheader = [
        "person_id", "first_name", "father_name", "grandfather_name", "family_name",
        "mother_name", "sex", "birth_year", "birth_place", "national_id", "household_id",
        "lineage_id", "husband_family", "missing", "date_of_arrest", "place_of_arrest",
    ]  # fmt: skip
    (out / "persons.csv").write_bytes(csv_bytes(pheader, prow))

    in_lists: Counter[str] = Counter()
    for name in LISTS:
        for pid in {pid for pid, _ in lists[name]}:
            in_lists[pid] += 1
    hist = Counter(in_lists[p.pid] for p in persons)
    first_names = Counter(first_ar(p) for p in persons if p.sex == "M")
    fams = Counter(fam_ar(p.family) for p in persons)
    keys = Counter(
        (p.first, p.sex, p.father, p.family) for p in persons if p.missing
    )  # namesakes: same first, father and family name
    stats = {
        "seed": seed,
        "persons": n,
        "rates": RATES,
        "counts": {k: counts[k] for k in sorted(counts)},
        "records_total": sum(len(lists[name]) for name in LISTS),
        "persons_by_number_of_lists": {str(k): hist[k] for k in sorted(hist)},
        "true_pairs": pair_counts(lists),
        "top_male_first_names": first_names.most_common(10),
        "top_family_names": fams.most_common(10),
        "missing_persons_sharing_first_father_family_with_another": sum(
            v for v in keys.values() if v > 1
        ),
        "generation_seconds": round(time.perf_counter() - t0, 2),
    }
    # generation_seconds varies from run to run: keep it out of the bytes compared.
    timing = stats.pop("generation_seconds")
    (out / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    stats["generation_seconds"] = timing
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    stats = generate(args.seed, args.persons, args.out)
    print(
        f"{args.persons} persons, {stats['records_total']} records "
        + ", ".join(f"{n} {stats['counts'][n + '_records']}" for n in LISTS)
        + f" in {stats['generation_seconds']} s -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
