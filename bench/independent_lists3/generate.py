"""Third independent test set for `mizan link`: an invented population and three lists.

Written without looking at the engine (only the list format in docs/user-guide.md). See
README.md for what each list imitates and stats.json (written beside the lists) for the rates.

    python bench/independent_lists3/generate.py --seed 3 --persons 20000 --out /tmp/il3

Writes committees.csv, testimonies.csv, international.csv, truth.csv, persons.csv, stats.json.
Standard library only; same seed and size give the same bytes whatever PYTHONHASHSEED is.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import pools
else:
    from . import pools

# The standard columns of the user guide, in its order.
STANDARD = [
    "record_id", "full_name", "first_name", "father_name", "grandfather_name", "family_name",
    "mother_name", "sex", "birth_year", "birth_place", "national_id", "date_of_arrest",
    "place_of_arrest",
]  # fmt: skip
ARABIC_HEADER = [
    "رقم السجل", "الاسم الكامل", "الاسم", "اسم الأب", "اسم الجد", "الكنية", "اسم الأم",
    "الجنس", "سنة الولادة", "مكان الولادة", "الرقم الوطني", "تاريخ الاعتقال", "مكان الاعتقال",
]  # fmt: skip
LISTS = ("committees", "testimonies", "international")
PREFIX = {"committees": "LC-", "testimonies": "TS-", "international": "IN-"}

# Rates, all written to stats.json. Chosen by the author of this set, not fitted to anything.
RATES = {
    "membership": {"committees": 0.62, "testimonies": 0.30, "international": 0.38},
    "committees": {
        "near_duplicate": 0.035,  # the same person reported twice (two committees or twice)
        "hamza_dropped": 0.45, "ta_marbuta_as_ha": 0.25, "alif_maqsura_as_ya": 0.30,
        "compound_joined": 0.40, "family_article_dropped": 0.12, "arabic_indic_digits": 0.35,
        "age_instead_of_year_daraa": 0.22, "year_typo": 0.006, "sex_empty": 0.02,
        "national_id_known": 0.22, "national_id_digit_missing": 0.03, "kunya_in_brackets": 0.02,
        "title_hajj": 0.03, "grandfather_given_daraa": 0.6, "birth_year_known": 0.85,
    },
    "testimonies": {
        "near_duplicate": 0.02, "court_document": 0.6, "ocr_letter": 0.025,
        "ocr_space_lost": 0.03, "ocr_space_added": 0.015, "ocr_letter_dropped": 0.01,
        "birth_year_implausible_ocr": 0.02, "birth_year_wrong_digit": 0.03,
        "arrest_year_implausible_ocr": 0.008, "national_id_known_court": 0.55,
        "national_id_letters": 0.04, "national_id_digit_missing": 0.03, "bin_form": 0.2,
        "comma_family_first": 0.15, "sex_empty": 0.03, "kunya_only_first": 0.03,
        "testimony_birth_year_known": 0.35,
    },
    "international": {
        "near_duplicate": 0.015, "scholarly_diacritics": 0.08, "french_tradition": 0.15,
        "structured_columns": 0.15, "father_initial": 0.08, "father_dropped": 0.08,
        "grandfather_given": 0.10, "latin_typo": 0.03, "sex_empty": 0.04,
        "mother_first_name": 0.35, "national_id_known": 0.08, "birth_year_known": 0.8,
        "keyboard_digits": 0.01,
    },
}  # fmt: skip

ORDERS = [  # international full_name orders and their weights
    ("FAMILY Given Father", 30), ("FAMILY, Given Father", 20), ("Given Father FAMILY", 15),
    ("Given Father Family", 25), ("Family, Given Father", 10),
]  # fmt: skip

DOT_GROUPS = ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق"]
OCR_LATIN_DIGIT = {"1": "7", "7": "1", "9": "4", "8": "3", "3": "8", "5": "6", "6": "5", "0": "6"}
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


class Weighted:
    def __init__(self, items: list, weights: list[float]):
        self.items = items
        self.cum: list[float] = []
        total = 0.0
        for w in weights:
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng: random.Random):
        x = rng.random() * self.total
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.items[lo]


MALE = pools.parse(pools.MALE)
FEMALE = pools.parse(pools.FEMALE)
FAMILY = pools.parse(pools.FAMILY) + pools.derived_families(pools.parse(pools.MALE))
PLACES = [
    (ar, int(c), en.split("/"), fr.split("/"), sch)
    for ar, c, en, fr, sch in (line.split(";") for line in pools.PLACES.strip().splitlines())
]
LATIN = {e[0]: e for e in MALE + FEMALE + FAMILY}
PLACE = {p[0]: p for p in PLACES}
# Frequency skew: a Zipf-like sharpening of the hand weights.
MALE_W = Weighted([e[0] for e in MALE], [e[1] ** 1.15 for e in MALE])
FEMALE_W = Weighted([e[0] for e in FEMALE], [e[1] ** 1.2 for e in FEMALE])
FAMILY_W = Weighted([e[0] for e in FAMILY], [e[1] for e in FAMILY])
PLACE_W = Weighted([p[0] for p in PLACES], [3 if p[1] in (0, 1) else 2 for p in PLACES])


def chance(rng: random.Random, p: float) -> bool:
    return rng.random() < p


# ---------------------------------------------------------------- population


def build_population(rng: random.Random, n: int) -> list[dict]:
    persons: list[dict] = []
    fam_no = 0

    def new_person(**kw) -> dict:
        p = dict(kw)
        p["person_id"] = f"P{len(persons) + 1:06d}"
        persons.append(p)
        return p

    def arrest(birth: int, shared: tuple[int, int, int] | None) -> tuple[int, int, int]:
        if shared and chance(rng, 0.35):
            return shared
        year = Weighted(list(range(2011, 2020)), [4, 9, 10, 7, 5, 4, 3, 2, 2]).pick(rng)
        year = max(year, birth + 14)
        return (min(year, 2020), rng.randint(1, 12), rng.randint(1, 28))

    def household(
        family: str, grandfather: str, father: str, town: str, father_birth: int, clan: int
    ) -> None:
        nonlocal fam_no
        fam_no += 1
        fid = f"F{fam_no:05d}"
        mother = (FEMALE_W.pick(rng), FAMILY_W.pick(rng))
        shared = None
        used: set[str] = set()
        k = Weighted([1, 2, 3, 4], [70, 19, 8, 3]).pick(rng)
        kids = []
        for i in range(k):
            male = chance(rng, 0.86)
            if male and i == 0 and chance(rng, 0.3):
                first = grandfather  # the eldest son named after his grandfather
            else:
                first = (MALE_W if male else FEMALE_W).pick(rng)
                for _ in range(5):
                    if first not in used and first != father:
                        break
                    first = (MALE_W if male else FEMALE_W).pick(rng)
            used.add(first)
            birth = rng.randint(min(father_birth + 18, 1997), min(father_birth + 42, 1999))
            a = arrest(birth, shared)
            shared = a
            kids.append((first, male, birth, a))
        for first, male, birth, a in kids:
            new_person(
                first=first, father=father, grandfather=grandfather, family=family,
                mother_first=mother[0], mother_family=mother[1], sex="M" if male else "F",
                birth=birth, bm=rng.randint(1, 12), bd=rng.randint(1, 28), town=town,
                arrest=a, arrest_town=arrest_town(town), family_id=fid, clan=clan,
                role="child",
            )  # fmt: skip
        if chance(rng, 0.12):  # the father too
            new_person(
                first=father, father=grandfather, grandfather=MALE_W.pick(rng), family=family,
                mother_first=FEMALE_W.pick(rng), mother_family=FAMILY_W.pick(rng), sex="M",
                birth=father_birth, bm=rng.randint(1, 12), bd=rng.randint(1, 28), town=town,
                arrest=arrest(father_birth, shared), arrest_town=arrest_town(town),
                family_id=fid, clan=clan, role="father",
            )  # fmt: skip
        if chance(rng, 0.04):  # the mother, under her own family name
            mb = father_birth + rng.randint(0, 10)
            new_person(
                first=mother[0], father=MALE_W.pick(rng), grandfather=MALE_W.pick(rng),
                family=mother[1], mother_first=FEMALE_W.pick(rng),
                mother_family=FAMILY_W.pick(rng), sex="F", birth=mb, bm=rng.randint(1, 12),
                bd=rng.randint(1, 28), town=town, arrest=arrest(mb, shared),
                arrest_town=arrest_town(town), family_id=fid, clan=clan, role="mother",
            )  # fmt: skip

    def arrest_town(town: str) -> str:
        r = rng.random()
        if r < 0.6:
            return town
        if r < 0.8:
            return "دمشق"
        return PLACE_W.pick(rng)

    clan_no = 0
    earlier: list[tuple[str, str, str]] = []
    while len(persons) < n:
        clan_no += 1
        family = FAMILY_W.pick(rng)
        town = PLACE_W.pick(rng)
        grandfather = MALE_W.pick(rng)
        if earlier and chance(rng, 0.04):
            # A namesake household: same family and father's name elsewhere, unrelated.
            family, _, fname = earlier[rng.randrange(len(earlier))]
            town = PLACE_W.pick(rng)
        else:
            fname = MALE_W.pick(rng)
        fb = rng.randint(1935, 1975)
        household(family, grandfather, fname, town, fb, clan_no)
        earlier.append((family, grandfather, fname))
        if chance(rng, 0.15):  # cousins: a brother's household, same grandfather and family
            brother = MALE_W.pick(rng)
            if brother != fname:
                household(family, grandfather, brother, town, fb + rng.randint(-8, 8), clan_no)
    del persons[n:]
    for p in persons:
        p["national_id"] = f"{rng.randint(1, 14):02d}{rng.randint(0, 999999999):09d}"
    return persons


# ---------------------------------------------------------------- Arabic noise


def ar_variants(rng: random.Random, name: str, r: dict) -> str:
    if chance(rng, r["hamza_dropped"]):
        name = name.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    if chance(rng, r["ta_marbuta_as_ha"]):
        name = " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in name.split())
    if chance(rng, r["alif_maqsura_as_ya"]):
        name = " ".join(w[:-1] + "ي" if w.endswith("ى") else w for w in name.split())
    if " " in name and chance(rng, r["compound_joined"]):
        parts = name.split()
        if parts[0] in ("عبد", "العبد", "أبو", "ابو") or parts[-1] in ("الدين",):
            name = "".join(parts)
    return name


def ocr(rng: random.Random, text: str, r: dict) -> str:
    out = []
    for ch in text:
        if ch != " " and chance(rng, r["ocr_letter"]):
            for g in DOT_GROUPS:
                if ch in g:
                    ch = rng.choice([c for c in g if c != ch])
                    break
            else:
                if ch == "ة":
                    ch = "ه"
        if ch != " " and chance(rng, r["ocr_letter_dropped"]):
            continue
        if ch == " " and chance(rng, r["ocr_space_lost"]):
            continue
        out.append(ch)
        if ch != " " and chance(rng, r["ocr_space_added"] / 5):
            out.append(" ")
    s = "".join(out).strip()
    return s or text


def ocr_year(rng: random.Random, year: str, implausible: float, wrong: float) -> tuple[str, str]:
    if chance(rng, implausible):
        i = rng.choice([0, 1, 1, 2])  # the thousands or hundreds digit misread
        d = year[i]
        alt = OCR_LATIN_DIGIT.get(d, "7")
        bad = year[:i] + alt + year[i + 1 :]
        if 1900 <= int(bad) <= 2010:
            bad = "7" + year[1:]
        return bad, "implausible"
    if chance(rng, wrong):
        i = rng.choice([2, 3, 3])
        d = year[i]
        return year[:i] + OCR_LATIN_DIGIT.get(d, "8") + year[i + 1 :], "wrong_digit"
    return year, ""


# ---------------------------------------------------------------- list writers


def sex_value(rng: random.Random, p: dict, style: str, empty: float) -> tuple[str, bool]:
    if chance(rng, empty):
        return "", True
    m = p["sex"] == "M"
    if style == "ar":
        return ("ذكر" if m else "أنثى"), False
    return rng.choice(
        [("M" if m else "F"), ("male" if m else "female"), ("M" if m else "F")]
    ), False


def committee_row(rng: random.Random, p: dict, cnt: Counter, committee: int) -> dict:
    r = RATES["committees"]
    row = dict.fromkeys(STANDARD, "")
    row["committee"] = ["لجنة درعا", "لجنة الغوطة", "لجنة حمص وحماة", "لجنة إدلب وحلب"][committee]

    def v(x: str) -> str:
        return ar_variants(rng, x, r)

    family = p["family"]
    if family.startswith("ال") and chance(rng, r["family_article_dropped"]):
        family = family[2:]
        cnt["family_article_dropped"] += 1
    first, father, grand, family = v(p["first"]), v(p["father"]), v(p["grandfather"]), v(family)
    indic = chance(rng, r["arabic_indic_digits"])

    def digits(s: str) -> str:
        return s.translate(INDIC) if indic else s

    if chance(rng, r["title_hajj"]) and p["birth"] < 1965:
        first = "الحاج " + first
        cnt["title"] += 1
    if chance(rng, r["kunya_in_brackets"]) and p["sex"] == "M":
        first = f"{first} (أبو {v(MALE_W.pick(rng))})"
        cnt["kunya"] += 1
    year = str(p["birth"])
    if chance(rng, r["year_typo"]):
        year = year[0] + year[2] + year[1] + year[3]  # transposed digits: 1985 -> 1895
        cnt["year_typo"] += 1
    if committee == 0:  # Daraa: one full_name cell, grandfather often, ages
        parts = [first, father] + ([grand] if chance(rng, r["grandfather_given_daraa"]) else [])
        row["full_name"] = " ".join([*parts, family])
        cnt["full_name_only"] += 1
        if chance(rng, r["age_instead_of_year_daraa"]):
            year = str(p["arrest"][0] - p["birth"])
            cnt["age_instead_of_year"] += 1
        row["mother_name"] = v(p["mother_first"]) if chance(rng, 0.5) else ""
        arrest = f"{p['arrest'][0]}"
    else:
        row["first_name"], row["father_name"], row["family_name"] = first, father, family
        if committee == 1:  # Ghouta: no grandfather, month-only arrest dates
            row["mother_name"] = v(p["mother_first"])
            arrest = f"{p['arrest'][0]}-{p['arrest'][1]:02d}"
            cnt["grandfather_omitted"] += 1
        elif committee == 2:  # Homs: mother's full name, day dates
            row["grandfather_name"] = grand
            row["mother_name"] = f"{v(p['mother_first'])} {v(p['mother_family'])}"
            cnt["mother_full_name"] += 1
            if chance(rng, 0.4):
                year = f"{p['bd']:02d}/{p['bm']:02d}/{year}"
            a = p["arrest"]
            arrest = f"{a[2]:02d}/{a[1]:02d}/{a[0]}"
        else:  # Idlib and Aleppo: grandfather sometimes, year-only dates
            row["grandfather_name"] = grand if chance(rng, 0.5) else ""
            row["mother_name"] = v(p["mother_first"]) if chance(rng, 0.7) else ""
            arrest = (
                f"{p['arrest'][0]}"
                if chance(rng, 0.6)
                else f"{p['arrest'][0]}-{p['arrest'][1]:02d}"
            )
    if not chance(rng, r["birth_year_known"]):
        year = ""
    row["birth_year"] = digits(year)
    row["sex"], empty = sex_value(rng, p, "ar", r["sex_empty"])
    cnt["sex_empty"] += empty
    row["birth_place"] = v(p["town"]) if chance(rng, 0.8) else ""
    row["place_of_arrest"] = v(p["arrest_town"]) if chance(rng, 0.7) else ""
    row["date_of_arrest"] = digits(arrest) if chance(rng, 0.9) else ""
    if chance(rng, r["national_id_known"]):
        nid = p["national_id"]
        if chance(rng, r["national_id_digit_missing"]):
            i = rng.randrange(len(nid))
            nid = nid[:i] + nid[i + 1 :]
            cnt["national_id_malformed"] += 1
        row["national_id"] = digits(nid)
    row["notes"] = rng.choice(["", "", "", "", "لا معلومات منذ الاعتقال", "شوهد في صيدنايا"])
    return row


def testimony_row(rng: random.Random, p: dict, cnt: Counter) -> dict:
    r = RATES["testimonies"]
    row = dict.fromkeys(STANDARD, "")
    light = {"hamza_dropped": 0.3, "ta_marbuta_as_ha": 0.2, "alif_maqsura_as_ya": 0.3,
             "compound_joined": 0.3}  # fmt: skip

    def o(x: str) -> str:
        return ocr(rng, ar_variants(rng, x, light), r)

    if chance(rng, r["court_document"]):
        cnt["court_document"] += 1
        row["source_document"] = f"court-file {rng.randint(2012, 2019)}/{rng.randint(1, 9999)}"
        first, father, family = o(p["first"]), o(p["father"]), o(p["family"])
        x = rng.random()
        if x < r["bin_form"]:
            row["full_name"] = f"{first} {'بن' if p['sex'] == 'M' else 'بنت'} {father} {family}"
            cnt["bin_form"] += 1
        elif x < r["bin_form"] + r["comma_family_first"]:
            row["full_name"] = f"{family}، {first} {father}"
            cnt["comma_family_first"] += 1
        else:
            row["first_name"], row["father_name"], row["family_name"] = first, father, family
            if chance(rng, 0.3):
                row["grandfather_name"] = o(p["grandfather"])
        row["mother_name"] = o(p["mother_first"])
        year, kind = ocr_year(
            rng, str(p["birth"]), r["birth_year_implausible_ocr"], r["birth_year_wrong_digit"]
        )
        if kind:
            cnt[f"birth_year_{kind}"] += 1
        row["birth_year"] = year
        a = p["arrest"]
        ay = str(a[0])
        if chance(rng, r["arrest_year_implausible_ocr"]):
            ay = "1" + ay[1:] if chance(rng, 0.5) else ay[:2] + "7" + ay[3]
            cnt["arrest_year_implausible"] += 1
        row["date_of_arrest"] = f"{a[2]:02d}/{a[1]:02d}/{ay}"
        row["birth_place"] = o(p["town"])
        row["place_of_arrest"] = o(p["arrest_town"]) if chance(rng, 0.5) else ""
        if chance(rng, r["national_id_known_court"]):
            nid = p["national_id"]
            if chance(rng, r["national_id_letters"]):
                sub = {"0": "O", "1": "l", "5": "S", "8": "B"}
                idx = [i for i, c in enumerate(nid) if c in sub]
                if idx:
                    i = rng.choice(idx)
                    nid = nid[:i] + sub[nid[i]] + nid[i + 1 :]
                    cnt["national_id_letters"] += 1
            elif chance(rng, r["national_id_digit_missing"]):
                i = rng.randrange(len(nid))
                nid = nid[:i] + nid[i + 1 :]
                cnt["national_id_malformed"] += 1
            row["national_id"] = nid
        row["sex"], empty = sex_value(rng, p, "ar", r["sex_empty"])
    else:
        cnt["testimony"] += 1
        row["source_document"] = f"testimony T-{rng.randint(1, 900):04d}"
        light2 = {"hamza_dropped": 0.6, "ta_marbuta_as_ha": 0.3, "alif_maqsura_as_ya": 0.4,
                  "compound_joined": 0.5}  # fmt: skip
        first, family = ar_variants(rng, p["first"], light2), ar_variants(rng, p["family"], light2)
        if p["sex"] == "M" and chance(rng, r["kunya_only_first"]):
            first = f"أبو {ar_variants(rng, MALE_W.pick(rng), light2)}"
            cnt["kunya_only"] += 1
        if chance(rng, 0.5):
            row["full_name"] = f"{first} {ar_variants(rng, p['father'], light2)} {family}"
        else:
            row["full_name"] = f"{first} {family}"
            cnt["first_and_family_only"] += 1
        if chance(rng, r["testimony_birth_year_known"]):
            row["birth_year"] = str(p["birth"] + rng.choice([0, 0, 0, -1, 1, -2, 2]))
        row["birth_place"] = ar_variants(rng, p["town"], light2) if chance(rng, 0.6) else ""
        row["date_of_arrest"] = str(p["arrest"][0]) if chance(rng, 0.6) else ""
        row["place_of_arrest"] = (
            ar_variants(rng, p["arrest_town"], light2) if chance(rng, 0.4) else ""
        )
        row["sex"], empty = sex_value(rng, p, "ar", r["sex_empty"] * 3)
    cnt["sex_empty"] += empty
    return row


def latin_name(rng: random.Random, ar: str, conv: str) -> str:
    e = LATIN[ar]
    if conv == "scholarly":
        return e[4]
    if conv == "french":
        return rng.choice(e[3])
    return e[2][0] if chance(rng, 0.5) else rng.choice(e[2])


def latin_family(rng: random.Random, ar: str, conv: str) -> str:
    base = latin_name(rng, ar, conv)
    if not ar.startswith("ال"):
        return base
    if conv == "scholarly":
        return "al-" + base
    forms = ["al-", "Al-", "Al ", "El-", "El ", "Al", ""]
    weights = [30, 25, 10, 7 if conv != "french" else 25, 4, 5, 19]
    art = Weighted(forms, weights).pick(rng)
    return art + (base.lower() if art == "Al" else base)


def typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 2)
    k = rng.random()
    if k < 0.4:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if k < 0.7:
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


def international_row(rng: random.Random, p: dict, cnt: Counter) -> dict:
    r = RATES["international"]
    row = dict.fromkeys(STANDARD, "")
    x = rng.random()
    if x < r["scholarly_diacritics"]:
        conv = "scholarly"
    elif x < r["scholarly_diacritics"] + r["french_tradition"]:
        conv = "french"
    else:
        conv = "english"
    cnt[f"convention_{conv}"] += 1
    first = latin_name(rng, p["first"], conv)
    father = latin_name(rng, p["father"], conv)
    family = latin_family(rng, p["family"], conv)
    if conv == "english" and chance(rng, r["keyboard_digits"]):
        first = first.replace("Kh", "5").replace("Ah", "A7").replace("Om", "3om")
        cnt["keyboard_digits"] += 1
    if chance(rng, r["latin_typo"]):
        first = typo(rng, first) if chance(rng, 0.5) else first
        family = typo(rng, family)
        cnt["latin_typo"] += 1
    if " " in first and "-" not in first and chance(rng, 0.15):
        first = first.replace(" ", "-")
    if chance(rng, r["structured_columns"]):
        cnt["structured_columns"] += 1
        row["first_name"], row["family_name"] = first, family
        row["father_name"] = father if chance(rng, 0.8) else ""
    else:
        y = rng.random()
        if y < r["father_initial"]:
            father = father[0] + "."
            cnt["father_initial"] += 1
        elif y < r["father_initial"] + r["father_dropped"]:
            father = ""
            cnt["father_dropped"] += 1
        elif chance(rng, r["grandfather_given"]):
            father = f"{father} {latin_name(rng, p['grandfather'], conv)}"
            cnt["grandfather_given"] += 1
        given = f"{first} {father}".strip()
        order = Weighted([o for o, _ in ORDERS], [w for _, w in ORDERS]).pick(rng)
        cnt[f"order {order}"] += 1
        up = family.upper()
        row["full_name"] = {
            "FAMILY Given Father": f"{up} {given}",
            "FAMILY, Given Father": f"{up}, {given}",
            "Given Father FAMILY": f"{given} {up}",
            "Given Father Family": f"{given} {family}",
            "Family, Given Father": f"{family}, {given}",
        }[order]
    if chance(rng, r["mother_first_name"]):
        row["mother_name"] = latin_name(rng, p["mother_first"], conv)
        if chance(rng, 0.2):
            row["mother_name"] += " " + latin_family(rng, p["mother_family"], conv)
    row["sex"], empty = sex_value(rng, p, "en", r["sex_empty"])
    cnt["sex_empty"] += empty
    if chance(rng, r["birth_year_known"]):
        row["birth_year"] = (
            str(p["birth"]) if chance(rng, 0.8) else f"{p['birth']}-{p['bm']:02d}-{p['bd']:02d}"
        )
    pl = PLACE[p["town"]]
    row["birth_place"] = (
        (pl[4] if conv == "scholarly" else rng.choice(pl[2] + pl[3])) if chance(rng, 0.6) else ""
    )
    a = p["arrest"]
    row["date_of_arrest"] = rng.choice(
        [f"{a[0]}-{a[1]:02d}-{a[2]:02d}", f"{a[0]}-{a[1]:02d}", f"{a[0]}", ""]
    )
    at = PLACE[p["arrest_town"]]
    row["place_of_arrest"] = rng.choice(at[2]) if chance(rng, 0.6) else ""
    if chance(rng, r["national_id_known"]):
        row["national_id"] = p["national_id"]
    row["submitted_by"] = rng.choice(["partner A", "partner B", "partner C", "family association"])
    return row


# ---------------------------------------------------------------- main


def generate(seed: int, n: int, out: Path) -> dict:
    rng = random.Random(seed)
    persons = build_population(rng, n)
    m = RATES["membership"]
    rows: dict[str, list[tuple[dict, str]]] = {k: [] for k in LISTS}
    cnt: dict[str, Counter] = {k: Counter() for k in LISTS}
    for p in persons:
        inside = [k for k in LISTS if chance(rng, m[k])]
        if not inside:
            inside = [rng.choice(LISTS[:2])]
        for k in inside:
            copies = 2 if chance(rng, RATES[k]["near_duplicate"]) else 1
            for c in range(copies):
                if c:
                    cnt[k]["near_duplicate"] += 1
                if k == "committees":
                    committee = (
                        PLACE[p["town"]][1] if c == 0 or chance(rng, 0.5) else rng.randrange(4)
                    )
                    row = committee_row(rng, p, cnt[k], committee)
                elif k == "testimonies":
                    row = testimony_row(rng, p, cnt[k])
                else:
                    row = international_row(rng, p, cnt[k])
                rows[k].append((row, p["person_id"]))
    out.mkdir(parents=True, exist_ok=True)
    truth = []
    stats: dict = {"seed": seed, "persons": len(persons), "rates": RATES, "lists": {}}
    for k in LISTS:
        rng.shuffle(rows[k])
        extra = {"committees": ["committee", "notes"], "testimonies": ["source_document"],
                 "international": ["submitted_by"]}[k]  # fmt: skip
        header = (ARABIC_HEADER if k == "committees" else STANDARD) + extra
        keys = STANDARD + extra
        with (out / f"{k}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            for i, (row, pid) in enumerate(rows[k], 1):
                row["record_id"] = f"{PREFIX[k]}{i:06d}"
                w.writerow([row.get(c, "") for c in keys])
                truth.append((k, row["record_id"], pid))
        seen = Counter(pid for _, pid in rows[k])
        stats["lists"][k] = {
            "records": len(rows[k]),
            "persons": len(seen),
            "counts": dict(sorted(cnt[k].items())),
        }
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    cols = ["person_id", "first", "father", "grandfather", "family", "mother_first",
            "mother_family", "sex", "birth", "bm", "bd", "town", "arrest", "arrest_town",
            "national_id", "family_id", "clan", "role"]  # fmt: skip
    with (out / "persons.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(cols)
        for p in persons:
            a = p["arrest"]
            w.writerow([f"{a[0]}-{a[1]:02d}-{a[2]:02d}" if c == "arrest" else p[c] for c in cols])
    stats.update(population_stats(persons, truth))
    (out / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return stats


def population_stats(persons: list[dict], truth: list[tuple[str, str, str]]) -> dict:
    full = Counter((p["first"], p["father"], p["family"]) for p in persons)
    fams = Counter(p["family_id"] for p in persons)
    per_person: dict[str, set[str]] = {}
    for k, _, pid in truth:
        per_person.setdefault(pid, set()).add(k)
    overlap = Counter("+".join(k for k in LISTS if k in s) for s in per_person.values())
    top = Counter(p["first"] for p in persons if p["sex"] == "M").most_common(3)
    return {
        "households_with_several_missing": sum(1 for c in fams.values() if c > 1),
        "persons_in_households_with_several_missing": sum(c for c in fams.values() if c > 1),
        "clans_with_cousin_households": clan_cousins(persons),
        "fathers_missing_with_children": sum(1 for p in persons if p["role"] == "father"),
        "mothers_missing": sum(1 for p in persons if p["role"] == "mother"),
        "women": sum(1 for p in persons if p["sex"] == "F"),
        "persons_sharing_first_father_family_with_another": sum(c for c in full.values() if c > 1),
        "top_male_first_names": [[a, c] for a, c in top],
        "persons_by_lists": dict(sorted(overlap.items())),
    }


def clan_cousins(persons: list[dict]) -> int:
    by: dict[int, set[str]] = {}
    for p in persons:
        by.setdefault(p["clan"], set()).add(p["family_id"])
    return sum(1 for s in by.values() if len(s) > 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    stats = generate(a.seed, a.persons, a.out)
    for k in LISTS:
        print(f"{k}: {stats['lists'][k]['records']} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
