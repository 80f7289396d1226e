"""Fifth independent test set for `mizan link`: an invented population and four lists.

Written from the user guide's list format and issue 15 only, without reading the engine, its
tests, its generator or the other independent sets. Standard library only; the same seed and
size give the same bytes whatever PYTHONHASHSEED is.

    python bench/independent_lists5/generate.py --seed 5 --persons 20000 --out /tmp/l5

writes whatsapp.csv, testimonies.csv, fieldcourt.csv, prosecutor.csv, truth.csv, persons.csv
and stats.json into --out. See README.md beside this file for what each list is.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from names import CUSTOMARY_KUNYA, FAMILY, FEMALE, MALE, NICKNAMES, TOWNS

LISTS = ("whatsapp", "testimonies", "fieldcourt", "prosecutor")

# Every rate drawn below, recorded as is in stats.json.
RATES: dict[str, float] = {
    # population
    "detained_male": 0.55,
    "detained_female": 0.10,
    "eldest_son_named_after_grandfather": 0.35,
    "mother_same_family_name": 0.25,
    "household_in_family_town": 0.75,
    "has_eldest_son_if_born_before_1985": 0.55,
    # inclusion of a detained person in each list, and a second record in the same list
    "in_whatsapp": 0.40,
    "in_testimonies": 0.12,
    "in_fieldcourt": 0.22,
    "in_prosecutor": 0.30,
    "twice_whatsapp": 0.08,
    "twice_testimonies": 0.10,
    "twice_fieldcourt": 0.04,
    "twice_prosecutor": 0.02,
    # whatsapp: relatives' messages copied into a sheet
    "wa_nickname_if_name_has_one": 0.15,
    "wa_arabizi": 0.06,
    "wa_form_first_family": 0.50,
    "wa_form_first_father_family": 0.35,
    "wa_form_four_parts": 0.10,
    "wa_hamza_dropped": 0.55,
    "wa_ta_marbuta_as_ha": 0.35,
    "wa_alif_maqsura_as_ya": 0.35,
    "wa_abd_joined": 0.45,
    "wa_family_without_al": 0.20,
    "wa_colloquial_consonant": 0.10,
    "wa_prefix_word": 0.06,
    "wa_age_given": 0.70,
    "wa_birth_year_given": 0.35,
    "wa_sex_given": 0.55,
    "wa_arrest_date_given": 0.80,
    # testimonies: cellmates named by released detainees
    "tm_form_kunya_town": 0.15,
    "tm_form_first_town": 0.25,
    "tm_form_first_family": 0.35,
    "tm_form_first_father_family": 0.15,
    "tm_form_first_family_kunya": 0.10,
    "tm_first_name_misremembered": 0.05,
    "tm_family_misremembered": 0.04,
    "tm_town_given": 0.60,
    "tm_age_guessed": 0.40,
    # fieldcourt: a photographed court list read by OCR
    "fc_name_dot_misread": 0.06,
    "fc_name_letter_dropped": 0.03,
    "fc_ta_marbuta_as_ha": 0.05,
    "fc_al_split": 0.04,
    "fc_first_father_merged": 0.03,
    "fc_compound_split_shift": 0.25,
    "fc_columns_shifted": 0.02,
    "fc_digit_misread": 0.03,
    "fc_indic_digits": 0.80,
    "fc_mother_full": 0.60,
    "fc_national_id_given": 0.60,
    "fc_birth_year_given": 0.90,
    "fc_birth_place_given": 0.85,
    # prosecutor: a Latin list for a European prosecutor
    "pr_german": 0.60,
    "pr_dutch": 0.25,
    "pr_scholarly": 0.15,
    "pr_family_first_comma": 0.55,
    "pr_upper_family_last": 0.25,
    "pr_father_given": 0.45,
    "pr_family_prefix_variant": 0.40,
    "pr_bin_form": 0.04,
    "pr_mother_given": 0.30,
    "pr_birth_year_given": 0.75,
    "pr_birth_year_off_by_one": 0.05,
    "pr_sex_given": 0.85,
    "pr_birth_place_given": 0.80,
}


def weighted(pool, idx=2):
    cum = list(accumulate(p[idx] for p in pool))
    return pool, cum


MALE_W = weighted(MALE)
FEMALE_W = weighted(FEMALE)
FAMILY_W = weighted(FAMILY)
TOWN_W = weighted(TOWNS)
LATIN = {a: lat for a, lat, *_ in (*MALE, *FEMALE, *FAMILY, *TOWNS)}


def pick(rng: random.Random, pw) -> tuple:
    pool, cum = pw
    return rng.choices(pool, cum_weights=cum)[0]


@dataclass
class Person:
    pid: str
    household: str
    sex: str
    first: str
    father: str
    grandfather: str
    family: str
    mother_first: str
    mother_family: str
    birth_year: int
    birth_place: str
    gov: str
    national_id: str
    kunya: str
    detained: bool
    arrest_date: str = ""
    arrest_place: str = ""


def make_population(rng: random.Random, n: int, stats: Counter) -> list[Person]:
    fam_town = {f[0]: pick(rng, TOWN_W) for f in FAMILY}
    people: list[Person] = []
    lineage = 0
    while len(people) < n:
        lineage += 1
        fam = pick(rng, FAMILY_W)[0]
        if rng.random() < RATES["household_in_family_town"]:
            town = fam_town[fam]
        else:
            town = pick(rng, TOWN_W)
        grandfather = pick(rng, MALE_W)[0]
        n_fathers = rng.choices((1, 2, 3, 4), weights=(35, 30, 22, 13))[0]
        stats["lineages"] += 1
        used_fathers: list[str] = []
        for _f in range(n_fathers):
            father = pick(rng, MALE_W)[0]
            if father in used_fathers:  # brothers do not share a first name
                continue
            used_fathers.append(father)
            hh = f"H{lineage:05d}-{len(used_fathers)}"
            stats["households"] += 1
            if rng.random() < RATES["mother_same_family_name"]:
                mfam = fam
            else:
                mfam = pick(rng, FAMILY_W)[0]
            mother = pick(rng, FEMALE_W)[0]
            father_born = rng.randint(1935, 1978)
            n_children = rng.choices(range(1, 8), weights=(10, 16, 20, 20, 15, 11, 8))[0]
            names_used: list[str] = []
            first_son = True
            for _c in range(n_children):
                sex = "M" if rng.random() < 0.52 else "F"
                if (
                    sex == "M"
                    and first_son
                    and rng.random() < RATES["eldest_son_named_after_grandfather"]
                ):
                    first = grandfather
                    stats["sons_named_after_grandfather"] += 1
                else:
                    first = pick(rng, MALE_W if sex == "M" else FEMALE_W)[0]
                if first in names_used:
                    continue
                if sex == "M":
                    first_son = False
                names_used.append(first)
                by = min(2005, father_born + rng.randint(20, 45))
                kunya = ""
                if sex == "M":
                    if by < 1985 and rng.random() < RATES["has_eldest_son_if_born_before_1985"]:
                        kunya = "أبو " + pick(rng, MALE_W)[0]
                    elif first in CUSTOMARY_KUNYA:
                        kunya = CUSTOMARY_KUNYA[first]
                gov = town[3]
                nid = gov + "".join(str(rng.randint(0, 9)) for _ in range(9))
                p_det = RATES["detained_male" if sex == "M" else "detained_female"]
                det = by <= 2001 and rng.random() < p_det
                pid = f"P{len(people) + 1:06d}"
                p = Person(
                    pid, hh, sex, first, father, grandfather, fam, mother, mfam, by,
                    town[0], gov, nid, kunya, det,
                )  # fmt: skip
                if det:
                    y = rng.randint(2011, 2019)
                    mo = rng.randint(3 if y == 2011 else 1, 12)
                    p.arrest_date = f"{y}-{mo:02d}-{rng.randint(1, 28):02d}"
                    p.arrest_place = town[0] if rng.random() < 0.6 else pick(rng, TOWN_W)[0]
                    stats["detained"] += 1
                people.append(p)
                if len(people) >= n:
                    return people
    return people


# ---------------------------------------------------------------- Arabic spellings

DOTS = [
    ("ب", "ت"), ("ت", "ث"), ("ن", "ب"), ("ي", "ب"), ("ج", "ح"), ("ح", "خ"), ("د", "ذ"),
    ("ر", "ز"), ("س", "ش"), ("ص", "ض"), ("ط", "ظ"), ("ع", "غ"), ("ف", "ق"), ("ة", "ه"),
]  # fmt: skip
INDIC = "٠١٢٣٤٥٦٧٨٩"
DIGIT_MISREAD = {"٢": "٣", "٣": "٢", "٧": "٨", "٨": "٧", "٠": "٥", "٥": "٠", "٦": "٩",
                 "٩": "٤", "١": "٧", "٤": "٩"}  # fmt: skip


def colloquial(rng: random.Random, name: str, st: Counter, is_family: bool = False) -> str:
    s = name
    if rng.random() < RATES["wa_hamza_dropped"] and any(c in s for c in "أإآ"):
        s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
        st["wa_hamza_dropped"] += 1
    if s.endswith("ة") and rng.random() < RATES["wa_ta_marbuta_as_ha"]:
        s = s[:-1] + "ه"
        st["wa_ta_marbuta_as_ha"] += 1
    if s.endswith("ى") and rng.random() < RATES["wa_alif_maqsura_as_ya"]:
        s = s[:-1] + "ي"
        st["wa_alif_maqsura_as_ya"] += 1
    if "عبد " in s and rng.random() < RATES["wa_abd_joined"]:
        s = s.replace("عبد ", "عبد")
        st["wa_abd_joined"] += 1
    if rng.random() < RATES["wa_colloquial_consonant"] and any(c in s for c in "ثذظق"):
        s = s.replace("ث", "ت").replace("ذ", "ز").replace("ظ", "ض").replace("ق", "ء")
        st["wa_colloquial_consonant"] += 1
    if is_family and s.startswith("ال") and rng.random() < RATES["wa_family_without_al"]:
        s = s[2:]
        st["wa_family_without_al"] += 1
    return s


def ocr_name(rng: random.Random, name: str, st: Counter) -> str:
    s = name
    if not s:
        return s
    if rng.random() < RATES["fc_name_dot_misread"]:
        options = [(i, b) for i, c in enumerate(s) for a, b in DOTS if c == a] + [
            (i, a) for i, c in enumerate(s) for a, b in DOTS if c == b and b != "ه"
        ]
        if options:
            i, b = rng.choice(options)
            s = s[:i] + b + s[i + 1 :]
            st["fc_name_dot_misread"] += 1
    if len(s) > 3 and rng.random() < RATES["fc_name_letter_dropped"]:
        i = rng.randrange(1, len(s))
        if s[i] != " ":
            s = s[:i] + s[i + 1 :]
            st["fc_name_letter_dropped"] += 1
    if s.endswith("ة") and rng.random() < RATES["fc_ta_marbuta_as_ha"]:
        s = s[:-1] + "ه"
        st["fc_ta_marbuta_as_ha"] += 1
    if s.startswith("ال") and len(s) > 4 and rng.random() < RATES["fc_al_split"]:
        s = "ال " + s[2:]
        st["fc_al_split"] += 1
    return s


def ocr_digits(rng: random.Random, digits: str, st: Counter, key: str) -> str:
    out = []
    for c in digits:
        if c in DIGIT_MISREAD and rng.random() < RATES["fc_digit_misread"]:
            out.append(DIGIT_MISREAD[c])
            st[f"fc_digit_misread_{key}"] += 1
        else:
            out.append(c)
    return "".join(out)


def indic(s: str) -> str:
    return "".join(INDIC[int(c)] if c.isdigit() and c.isascii() else c for c in s)


def latin_digits(s: str) -> str:
    return "".join(str(INDIC.index(c)) if c in INDIC else c for c in s)


# ---------------------------------------------------------------- Latin spellings

GERMAN_TOWNS = {"Damascus": "Damaskus", "Aleppo": "Aleppo", "Deir ez-Zor": "Deir ez-Zor",
                "Daraa": "Deraa", "Latakia": "Latakia", "Hama": "Hama", "Homs": "Homs",
                "Douma": "Duma", "Raqqa": "Rakka", "Qamishli": "Kamischli"}  # fmt: skip
DUTCH_TOWNS = {"Damascus": "Damascus", "Douma": "Doema", "Daraa": "Dara'a",
               "Raqqa": "Raqqa", "Qamishli": "Qamishli"}  # fmt: skip


def german(s: str) -> str:
    s = s.replace("J", "Dsch").replace("j", "dsch")
    s = s.replace("Y", "J").replace("y", "j")
    s = s.replace("Sh", "Sch").replace("sh", "sch").replace("Kh", "Ch").replace("kh", "ch")
    s = s.replace("ou", "u").replace("ee", "i").replace("Ou", "U")
    s = s.replace("Q", "K").replace("q", "k")
    s = s.replace("Ziad", "Siad").replace("Zai", "Sai")
    return s.replace("Mohammad", "Mohammed").replace("Ahmad", "Ahmed")


def dutch(s: str) -> str:
    s = s.replace("J", "Dj").replace("j", "dj")
    s = s.replace("Y", "J").replace("y", "j")
    s = s.replace("Sh", "Sj").replace("sh", "sj").replace("Kh", "Ch").replace("kh", "ch")
    s = s.replace("ou", "oe").replace("Ou", "Oe").replace("u", "oe").replace("ee", "ie")
    s = s.replace("oeoe", "oe")
    return s


def scholarly(s: str) -> str:
    s = s.replace("Kh", "Ḫ").replace("kh", "ḫ").replace("Sh", "Š").replace("sh", "š")
    s = s.replace("ou", "ū").replace("ee", "ī").replace("aa", "ā").replace("Th", "Ṯ")
    s = s.replace("Ha", "Ḥa").replace("Mahm", "Maḥm").replace("Abdul", "ʿAbd al-")
    return s


# ---------------------------------------------------------------- the four lists


def arabizi(arabic: str) -> str:
    """Latin as typed on a phone with an Arabic keyboard's habits: ح 7, خ 5, ع 3, ق 2."""
    lat = LATIN[arabic]
    lat = lat.replace("Kh", "5").replace("kh", "5").replace("Q", "2").replace("q", "2")
    if arabic.startswith("ع") and lat[:1] in "AEIOU":
        lat = "3" + lat.lower()
    elif arabic.startswith("ال") and arabic[2:3] == "ع":
        lat = lat[:3] + "3" + lat[3:].lower()
    if "ح" in arabic:
        for i, ch in enumerate(lat):
            if ch in "Hh" and (i == 0 or lat[i - 1] not in "sktgdSKTGD"):
                lat = lat[:i] + "7" + lat[i + 1 :]
                break
    return lat.lower() if lat[:1].isdigit() else lat


def render_whatsapp(rng: random.Random, p: Person, st: Counter) -> dict[str, str]:
    if rng.random() < RATES["wa_arabizi"]:
        st["wa_arabizi"] += 1
        parts = [arabizi(p.first)]
        if rng.random() < 0.3:
            parts.append(arabizi(p.father))
        parts.append(arabizi(p.family))
        return whatsapp_row(rng, p, st, " ".join(parts))
    first = p.first
    if first in NICKNAMES and rng.random() < RATES["wa_nickname_if_name_has_one"]:
        first = rng.choice(NICKNAMES[first])
        st["wa_nickname_if_name_has_one"] += 1
    first = colloquial(rng, first, st)
    fam = colloquial(rng, p.family, st, is_family=True)
    r = rng.random()
    if r < RATES["wa_form_first_family"]:
        parts = [first, fam]
        st["wa_form_first_family"] += 1
    elif r < RATES["wa_form_first_family"] + RATES["wa_form_first_father_family"]:
        parts = [first, colloquial(rng, p.father, st), fam]
        st["wa_form_first_father_family"] += 1
    elif r < 0.95:
        parts = [first, colloquial(rng, p.father, st), colloquial(rng, p.grandfather, st), fam]
        st["wa_form_four_parts"] += 1
    else:
        parts = [first, colloquial(rng, p.father, st)]
        st["wa_form_first_father_only"] += 1
    if rng.random() < RATES["wa_prefix_word"]:
        parts.insert(0, rng.choice(["الحاج", "الشاب", "المعتقل", "الأخ"]))
        st["wa_prefix_word"] += 1
    return whatsapp_row(rng, p, st, " ".join(parts))


def whatsapp_row(rng: random.Random, p: Person, st: Counter, name: str) -> dict[str, str]:
    report_year = rng.randint(2013, 2022)
    age = report_year - p.birth_year + rng.choice((-1, 0, 0, 0, 1))
    row = {
        "الاسم الكامل": name,
        "العمر": "",
        "سنة الولادة": "",
        "الجنس": "",
        "تاريخ الاعتقال": "",
        "مكان الاعتقال": "",
        "صلة المبلّغ": rng.choice(["أخ", "أخت", "أم", "زوجة", "ابن عم", "جار", "خال"]),
        "ملاحظات": rng.choice(["", "", "", "رسالة صوتية", "من مجموعة العائلة", "لا أخبار"]),
    }
    if rng.random() < RATES["wa_age_given"]:
        row["العمر"] = f"{age} سنة" if rng.random() < 0.5 else str(age)
        st["wa_age_given"] += 1
    if rng.random() < RATES["wa_birth_year_given"]:
        row["سنة الولادة"] = str(report_year - age if rng.random() < 0.5 else p.birth_year)
        st["wa_birth_year_given"] += 1
    if rng.random() < RATES["wa_sex_given"]:
        st["wa_sex_given"] += 1
        row["الجنس"] = "ذكر" if p.sex == "M" else "أنثى"
    if rng.random() < RATES["wa_arrest_date_given"]:
        y, m, d = p.arrest_date.split("-")
        row["تاريخ الاعتقال"] = rng.choice([f"{d}/{m}/{y}", y, f"{y}-{m}"])
        st["wa_arrest_date_given"] += 1
    row["مكان الاعتقال"] = rng.choice([p.arrest_place, "حاجز " + p.arrest_place, ""])
    return row


NISBA = {"دمشق": "الدمشقي", "داريا": "الداراني", "دوما": "الدوماني", "حمص": "الحمصي",
         "حماة": "الحموي", "حلب": "الحلبي", "إدلب": "الإدلبي", "درعا": "الدرعاوي",
         "دير الزور": "الديري", "الرقة": "الرقاوي", "الرستن": "الرستناوي",
         "سراقب": "السراقبي", "الزبداني": "الزبداني", "الميادين": "الميادني"}  # fmt: skip


def nisba(town: str) -> str:
    """How cellmates name a man by his town: a nisba when one is usual, else 'من X'."""
    return NISBA.get(town, "من " + town)


def render_testimony(rng: random.Random, p: Person, st: Counter) -> dict[str, str]:
    first = p.first
    if rng.random() < RATES["tm_first_name_misremembered"]:
        first = pick(rng, MALE_W if p.sex == "M" else FEMALE_W)[0]
        st["tm_first_name_misremembered"] += 1
    fam = p.family
    if rng.random() < RATES["tm_family_misremembered"]:
        fam = pick(rng, FAMILY_W)[0]
        st["tm_family_misremembered"] += 1
    kunya = p.kunya or ("أم " + pick(rng, MALE_W)[0] if p.sex == "F" else "")
    town_given = rng.random() < RATES["tm_town_given"]
    r = rng.random()
    c = 0.0
    form = ""
    for key in ("kunya_town", "first_town", "first_family", "first_father_family"):
        c += RATES["tm_form_" + key]
        if r < c:
            form = key
            break
    form = form or "first_family_kunya"
    if form in ("kunya_town", "first_family_kunya") and not kunya:
        form = "first_family"
    if form == "kunya_town":
        name = kunya + " " + nisba(p.birth_place)
        town_given = town_given or rng.random() < 0.5
    elif form == "first_town":
        name = first
        town_given = True
    elif form == "first_family":
        name = first + " " + fam
    elif form == "first_father_family":
        name = f"{first} {p.father} {fam}"
    else:
        name = f"{first} {fam} ({kunya})"
    st["tm_form_" + form] += 1
    seen = rng.randint(int(p.arrest_date[:4]), 2020)
    row = {
        "الاسم الكامل": name,
        "الجنس": "ذكر" if p.sex == "M" else "أنثى",
        "مكان الولادة": p.birth_place if town_given else "",
        "سنة الولادة": "",
        "العمر التقريبي": "",
        "مكان الاحتجاز": rng.choice(
            ["الفرع ٢١٥", "الفرع ٢٢٧", "سجن صيدنايا", "فرع فلسطين", "المزة العسكري", "فرع الخطيب"]
        ),
        "سنة المشاهدة": str(seen),
    }
    if town_given:
        st["tm_town_given"] += 1
    if rng.random() < RATES["tm_age_guessed"]:
        guess = round((seen - p.birth_year) / 5) * 5
        row["العمر التقريبي"] = f"حوالي {guess}"
        row["سنة الولادة"] = str(seen - guess)
        st["tm_age_guessed"] += 1
    return row


def render_fieldcourt(rng: random.Random, p: Person, st: Counter) -> dict[str, str]:
    first, father, fam = p.first, p.father, p.family
    cells = [first, father, fam]
    if " " in first and rng.random() < RATES["fc_compound_split_shift"]:
        a, b = first.split(" ", 1)
        cells = [a, b, father]  # family name pushed off the row's name columns
        st["fc_compound_split_shift"] += 1
    elif rng.random() < RATES["fc_first_father_merged"]:
        cells = [first.replace(" ", "") + father.replace(" ", ""), fam, ""]
        st["fc_first_father_merged"] += 1
    elif rng.random() < RATES["fc_columns_shifted"]:
        cells = ["", first, father]
        st["fc_columns_shifted"] += 1
    cells = [ocr_name(rng, c, st) for c in cells]
    mother = p.mother_first
    if rng.random() < RATES["fc_mother_full"]:
        mother = f"{p.mother_first} {p.mother_family}"
    mother = ocr_name(rng, mother, st)
    use_indic = rng.random() < RATES["fc_indic_digits"]
    year = ""
    if rng.random() < RATES["fc_birth_year_given"]:
        st["fc_birth_year_given"] += 1
        year = ocr_digits(rng, indic(str(p.birth_year)), st, "year")
        if not use_indic:
            year = latin_digits(year)
    nid = ""
    if rng.random() < RATES["fc_national_id_given"]:
        nid = ocr_digits(rng, indic(p.national_id), st, "national_id")
        if not use_indic:
            nid = latin_digits(nid)
        st["fc_national_id_given"] += 1
    y, m, d = p.arrest_date.split("-")
    arrest = f"{d}/{m}/{y}" if rng.random() < 0.7 else y
    arrest = indic(arrest) if use_indic else arrest
    case_year = rng.randint(int(y), 2020)
    return {
        "الاسم": cells[0],
        "اسم الأب": cells[1],
        "الكنية": cells[2],
        "اسم الأم": mother,
        "سنة الولادة": year,
        "مكان الولادة": ocr_name(rng, p.birth_place, st)
        if rng.random() < RATES["fc_birth_place_given"]
        else "",
        "الرقم الوطني": nid,
        "تاريخ الاعتقال": arrest,
        "رقم الدعوى": indic(f"{rng.randint(1, 9999)}/{case_year}"),
        "الحكم": rng.choice(["", "", "مؤبد", "عشر سنوات", "خمس عشرة سنة", "غير مقروء"]),
    }


def family_latin(rng: random.Random, fam: str, st: Counter) -> str:
    lat = LATIN[fam]
    if lat.startswith("al-") and rng.random() < RATES["pr_family_prefix_variant"]:
        prefix = rng.choice(["Al-", "el-", "Al ", "Al", ""])
        lat = prefix + (lat[3:].lower() if prefix == "Al" else lat[3:])
        st["pr_family_prefix_variant"] += 1
    return lat


def render_prosecutor(rng: random.Random, p: Person, st: Counter) -> dict[str, str]:
    r = rng.random()
    if r < RATES["pr_german"]:
        tr, towns, style = german, GERMAN_TOWNS, "german"
    elif r < RATES["pr_german"] + RATES["pr_dutch"]:
        tr, towns, style = dutch, DUTCH_TOWNS, "dutch"
    else:
        tr, towns, style = scholarly, {}, "scholarly"
    st["pr_" + style] += 1
    first = tr(LATIN[p.first])
    father = tr(LATIN[p.father]) if rng.random() < RATES["pr_father_given"] else ""
    if father:
        st["pr_father_given"] += 1
    fam = tr(family_latin(rng, p.family, st))
    r = rng.random()
    given = f"{first} {father}".strip()
    if father and rng.random() < RATES["pr_bin_form"] / RATES["pr_father_given"]:
        given = f"{first} {'bin' if p.sex == 'M' else 'bint'} {father}"
        st["pr_bin_form"] += 1
    if r < RATES["pr_family_first_comma"]:
        name = f"{fam.upper()}, {given}"
        st["pr_family_first_comma"] += 1
    elif r < RATES["pr_family_first_comma"] + RATES["pr_upper_family_last"]:
        name = f"{given} {fam.upper()}"
        st["pr_upper_family_last"] += 1
    else:
        name = f"{given} {fam}"
        st["pr_mixed_case_family_last"] += 1
    town_lat = LATIN[p.birth_place]
    town_lat = towns.get(town_lat, town_lat)
    year = ""
    if rng.random() < RATES["pr_birth_year_given"]:
        by = p.birth_year
        if rng.random() < RATES["pr_birth_year_off_by_one"]:
            by += rng.choice((-1, 1))
            st["pr_birth_year_off_by_one"] += 1
        year = str(by)
    mother = ""
    if rng.random() < RATES["pr_mother_given"]:
        mother = tr(LATIN[p.mother_first])
        if rng.random() < 0.4:
            mother += " " + tr(LATIN[p.mother_family])
        st["pr_mother_given"] += 1
    y, m, _d = p.arrest_date.split("-")
    arrest = rng.choice([p.arrest_date, f"{y}-{m}", y])
    arr_lat = LATIN[p.arrest_place]
    return {
        "full_name": name,
        "mother_name": mother,
        "sex": ("M" if p.sex == "M" else "F") if rng.random() < RATES["pr_sex_given"] else "",
        "birth_year": year,
        "birth_place": town_lat if rng.random() < RATES["pr_birth_place_given"] else "",
        "date_of_arrest": arrest,
        "place_of_arrest": towns.get(arr_lat, arr_lat),
        "witness_statement": f"Z-{rng.randint(1, 400):03d}",
        "transliteration": style,
    }


HEADERS = {
    "whatsapp": ["رقم السجل", "الاسم الكامل", "العمر", "سنة الولادة", "الجنس", "تاريخ الاعتقال",
                 "مكان الاعتقال", "صلة المبلّغ", "ملاحظات"],
    "testimonies": ["رقم السجل", "الاسم الكامل", "الجنس", "مكان الولادة", "سنة الولادة",
                    "العمر التقريبي", "مكان الاحتجاز", "سنة المشاهدة"],
    "fieldcourt": ["رقم السجل", "الاسم", "اسم الأب", "الكنية", "اسم الأم", "سنة الولادة",
                   "مكان الولادة", "الرقم الوطني", "تاريخ الاعتقال", "رقم الدعوى", "الحكم"],
    "prosecutor": ["record_id", "full_name", "mother_name", "sex", "birth_year", "birth_place",
                   "date_of_arrest", "place_of_arrest", "witness_statement", "transliteration"],
}  # fmt: skip
RENDER = {
    "whatsapp": render_whatsapp,
    "testimonies": render_testimony,
    "fieldcourt": render_fieldcourt,
    "prosecutor": render_prosecutor,
}


def record_id(name: str, i: int, rng: random.Random) -> str:
    if name == "whatsapp":
        return f"WA-{i:05d}"
    if name == "testimonies":
        return f"T{rng.randint(1, 300):03d}-{i:05d}"
    if name == "fieldcourt":
        return f"MFC/{i:05d}"
    return f"STR-{i:06d}"


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))


def generate(seed: int, n: int, out: Path) -> dict:
    rng = random.Random(seed)
    pop_stats: Counter = Counter()
    people = make_population(rng, n, pop_stats)
    out.mkdir(parents=True, exist_ok=True)
    list_stats: dict[str, Counter] = {name: Counter() for name in LISTS}
    truth: list[list[str]] = []
    for name in LISTS:
        lrng = random.Random(f"{seed}-{name}")
        st = list_stats[name]
        entries: list[tuple[Person, dict[str, str]]] = []
        for p in people:
            if not p.detained:
                continue
            if lrng.random() >= RATES["in_" + name]:
                continue
            st["persons"] += 1
            copies = 2 if lrng.random() < RATES["twice_" + name] else 1
            if copies == 2:
                st["persons_twice"] += 1
            for _ in range(copies):
                entries.append((p, RENDER[name](lrng, p, st)))
        lrng.shuffle(entries)
        rows = []
        for i, (p, row) in enumerate(entries, 1):
            rid = record_id(name, i, lrng)
            row[HEADERS[name][0]] = rid
            rows.append([row[h] for h in HEADERS[name]])
            truth.append([name, rid, p.pid])
        st["records"] = len(rows)
        write_csv(out / f"{name}.csv", HEADERS[name], rows)
    write_csv(out / "truth.csv", ["list", "record_id", "person_id"], truth)
    write_csv(
        out / "persons.csv",
        ["person_id", "household", "sex", "first_name", "father_name", "grandfather_name",
         "family_name", "mother_first", "mother_family", "birth_year", "birth_place",
         "national_id", "kunya", "detained", "date_of_arrest", "place_of_arrest"],
        [[p.pid, p.household, p.sex, p.first, p.father, p.grandfather, p.family,
          p.mother_first, p.mother_family, str(p.birth_year), p.birth_place, p.national_id,
          p.kunya, "1" if p.detained else "0", p.arrest_date, p.arrest_place] for p in people],
    )  # fmt: skip
    in_lists = Counter(pid for _l, _r, pid in truth)
    lists_of: dict[str, list[str]] = {}
    for lst, _r, pid in truth:
        if lst not in lists_of.setdefault(pid, []):
            lists_of[pid].append(lst)
    per_person_lists = Counter(len(v) for v in lists_of.values())
    full_keys = Counter((p.first, p.father, p.family) for p in people)
    listed = [p for p in people if p.pid in in_lists]
    listed_ff = Counter((p.first, p.family) for p in listed)
    listed_fff = Counter((p.first, p.father, p.family) for p in listed)
    recs_per_person = Counter(in_lists.values())
    stats = {
        "seed": seed,
        "persons": len(people),
        "rates": RATES,
        "population": dict(sorted(pop_stats.items())),
        "persons_in_no_list": len(people) - len(in_lists),
        "persons_by_number_of_lists": {str(k): v for k, v in sorted(per_person_lists.items())},
        "namesakes_same_first_father_family": sum(v for v in full_keys.values() if v > 1),
        "lists": {k: dict(sorted(v.items())) for k, v in list_stats.items()},
        "listed_persons": len(listed),
        "listed_sharing_first_and_family_with_another_listed": sum(
            v for v in listed_ff.values() if v > 1
        ),
        "listed_sharing_first_father_family_with_another_listed": sum(
            v for v in listed_fff.values() if v > 1
        ),
        "true_pairs": sum(k * (k - 1) // 2 * v for k, v in recs_per_person.items()),
        "records_total": len(truth),
    }
    (out / "stats.json").write_bytes(
        (json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    )
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    stats = generate(a.seed, a.persons, a.out)
    print(
        f"{stats['persons']} persons, {stats['records_total']} records: "
        + ", ".join(f"{k} {v['records']}" for k, v in stats["lists"].items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
