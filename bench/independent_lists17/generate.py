#!/usr/bin/env python3
"""Independent linkage test set 17: four synthetic lists of the missing, with ground truth.

Written blind (without seeing the engine). Standard library only. The same seed writes
byte-identical files under any PYTHONHASHSEED: every random stream is a random.Random seeded
from its parent's getrandbits, and no set or dict of unordered keys is ever iterated for output.

    python3 generate.py --seed 17 --persons 20000 --out DIR [--stats]

Lists (see README.md): ctc_court.csv, icmp_reference.csv, wanted_leak.csv, medical_staff.csv;
truth.csv (list,record_id,person_id) and persons.csv.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import Counter
from datetime import date, timedelta

# --------------------------------------------------------------------------------------------
# Names. Each given name: Arabic, weight, English-tradition spellings (first most usual),
# Turkish residence-paper spelling, German office spelling ("" = as the first English one).

MALE = [
    ("محمد", 30, "Mohammad/Mohamad/Muhammad/Mohammed/Mhd/Mohamed", "Muhammed", "Mohammed"),
    ("أحمد", 16, "Ahmad/Ahmed", "Ahmet", "Achmed"),
    ("محمود", 8, "Mahmoud/Mahmud/Mahmood", "Mahmut", "Machmud"),
    ("علي", 8, "Ali", "Ali", "Ali"),
    ("حسن", 6, "Hasan/Hassan", "Hasan", "Hassan"),
    ("حسين", 5, "Hussein/Hussain/Husain", "Hüseyin", "Hussein"),
    ("عمر", 6, "Omar/Umar", "Ömer", "Omar"),
    ("خالد", 6, "Khaled/Khalid", "Halit", "Chaled"),
    ("يوسف", 5, "Yousef/Yusuf/Youssef", "Yusuf", "Jussef"),
    ("إبراهيم", 5, "Ibrahim/Ebrahim", "İbrahim", "Ibrahim"),
    ("مصطفى", 5, "Mustafa/Moustafa/Mostafa", "Mustafa", "Mustafa"),
    ("عبد الله", 5, "Abdullah/Abdallah/Abdulla", "Abdullah", "Abdallah"),
    ("عبد الرحمن", 4, "Abdulrahman/Abdul Rahman/Abdelrahman", "Abdurrahman", "Abdulrahman"),
    ("عبد القادر", 3, "Abdulqader/Abdul Kader/Abdelkader", "Abdulkadir", "Abdulkader"),
    ("عبد الكريم", 2, "Abdulkarim/Abdul Karim", "Abdulkerim", "Abdulkarim"),
    ("سامر", 3, "Samer", "Samir", "Samer"),
    ("فادي", 3, "Fadi", "Fadi", "Fadi"),
    ("ماهر", 3, "Maher", "Mahir", "Maher"),
    ("رامي", 2, "Rami", "Rami", "Rami"),
    ("باسل", 2, "Basel/Basil", "Basil", "Basel"),
    ("وائل", 3, "Wael/Wa'el", "Vail", "Wael"),
    ("عماد", 3, "Imad/Emad", "İmad", "Imad"),
    ("زياد", 2, "Ziad/Ziyad", "Ziyad", "Siad"),
    ("طارق", 2, "Tarek/Tariq/Tareq", "Tarık", "Tarek"),
    ("ياسر", 3, "Yasser/Yaser", "Yasir", "Jasser"),
    ("بشار", 1, "Bashar", "Beşar", "Baschar"),
    ("أيمن", 3, "Ayman/Aiman", "Eymen", "Aiman"),
    ("أنس", 3, "Anas", "Enes", "Anas"),
    ("معاذ", 2, "Muaz/Moaz/Muadh", "Muaz", "Muas"),
    ("حمزة", 3, "Hamza/Hamzeh", "Hamza", "Hamsa"),
    ("عمار", 3, "Ammar", "Ammar", "Ammar"),
    ("منذر", 1, "Munzer/Monther/Mundhir", "Münzir", "Munser"),
    ("جمال", 2, "Jamal", "Cemal", "Dschamal"),
    ("سعيد", 2, "Said/Saeed", "Said", "Said"),
    ("صالح", 2, "Saleh/Salih", "Salih", "Saleh"),
    ("نزار", 1, "Nizar", "Nizar", "Nisar"),
    ("مازن", 2, "Mazen", "Mazin", "Masen"),
    ("هيثم", 2, "Haitham/Haytham", "Heysem", "Haitham"),
    ("غياث", 1, "Ghiath/Ghiyath", "Gıyas", "Ghiath"),
    ("قاسم", 2, "Qasem/Kasem/Qassem", "Kasım", "Kassem"),
    ("إياد", 2, "Iyad/Eyad", "İyad", "Ijad"),
    ("فراس", 2, "Firas/Feras", "Firas", "Firas"),
    ("مهند", 2, "Muhannad/Mohannad", "Muhanned", "Muhannad"),
    ("أسامة", 2, "Osama/Usama", "Usame", "Usama"),
    ("خليل", 2, "Khalil", "Halil", "Chalil"),
    ("جميل", 1, "Jamil/Jameel", "Cemil", "Dschamil"),
    ("وليد", 2, "Walid/Waleed", "Velid", "Walid"),
    ("عدنان", 1, "Adnan", "Adnan", "Adnan"),
    ("حسام", 2, "Husam/Hussam", "Hüsam", "Hussam"),
    ("بلال", 2, "Bilal/Belal", "Bilal", "Bilal"),
    ("محمد نور", 1, "Mohammad Nour/Mhd Nour/Mohamad Nour", "Muhammed Nur", "Mohammed Nur"),
    ("محمد خير", 1, "Mohammad Kheir/Mhd Kheir", "Muhammed Hayr", "Mohammed Cheir"),
    ("نور الدين", 1, "Nour Aldin/Nour al-Din/Nureddin", "Nurettin", "Nureddin"),
    ("رياض", 1, "Riad/Riyad", "Riyad", "Rijad"),
    ("شادي", 1, "Shadi", "Şadi", "Schadi"),
    ("جهاد", 1, "Jihad", "Cihad", "Dschihad"),
]
FEMALE = [
    ("فاطمة", 8, "Fatima/Fatma/Fatimah", "Fatma", "Fatima"),
    ("عائشة", 3, "Aisha/Aysha", "Ayşe", "Aischa"),
    ("خديجة", 3, "Khadija/Khadijeh", "Hatice", "Chadidscha"),
    ("مريم", 4, "Mariam/Maryam", "Meryem", "Marjam"),
    ("زينب", 3, "Zainab/Zeinab", "Zeynep", "Sainab"),
    ("آمنة", 2, "Amina/Amneh", "Emine", "Amina"),
    ("هدى", 2, "Huda/Houda", "Hüda", "Huda"),
    ("سعاد", 2, "Suad/Souad", "Suad", "Suad"),
    ("رنا", 2, "Rana", "Rana", "Rana"),
    ("ريم", 2, "Reem/Rim", "Rim", "Rim"),
    ("نور", 2, "Nour/Noor", "Nur", "Nur"),
    ("هبة", 2, "Hiba/Heba", "Hiba", "Hiba"),
    ("رشا", 2, "Rasha", "Raşa", "Rascha"),
    ("سمر", 2, "Samar", "Semer", "Samar"),
    ("لينا", 1, "Lina", "Lina", "Lina"),
    ("غادة", 2, "Ghada", "Gada", "Ghada"),
    ("منى", 2, "Mona/Muna", "Muna", "Muna"),
    ("سلمى", 1, "Salma", "Selma", "Salma"),
    ("أسماء", 2, "Asmaa/Asma", "Esma", "Asma"),
    ("رغد", 1, "Raghad", "Rağad", "Raghad"),
    ("دعاء", 1, "Duaa/Doaa", "Dua", "Duaa"),
    ("إيمان", 2, "Iman/Eman", "İman", "Iman"),
    ("وفاء", 2, "Wafaa/Wafa", "Vefa", "Wafaa"),
    ("حياة", 1, "Hayat", "Hayat", "Hajat"),
    ("نجاح", 1, "Najah", "Necah", "Nadschah"),
    ("سهام", 1, "Siham", "Siham", "Siham"),
    ("ختام", 1, "Khitam", "Hitam", "Chitam"),
    ("يسرى", 1, "Yusra/Yousra", "Yüsra", "Jusra"),
    ("ابتسام", 1, "Ibtisam/Ebtisam", "İbtisam", "Ibtisam"),
    ("سوسن", 1, "Sawsan/Sausan", "Sevsen", "Sausan"),
]
# Family names: Arabic, weight, English-tradition spellings (the bare root, the article added
# by the list), Turkish, German, regions ("*" country-wide).
FAMILIES = [
    ("الأحمد", 6, "Ahmad", "Ahmed", "Achmed", "*"),
    ("العلي", 6, "Ali", "Ali", "Ali", "*"),
    ("الحسن", 5, "Hasan/Hassan", "Hasan", "Hassan", "*"),
    ("الخطيب", 5, "Khatib/Khateeb", "Hatip", "Chatib", "*"),
    ("الشيخ", 4, "Sheikh/Shaikh", "Şeyh", "Scheich", "*"),
    ("السيد", 3, "Sayed/Sayyed", "Seyyid", "Sajed", "*"),
    ("المحمد", 4, "Mohammad/Mohamad", "Muhammed", "Mohammed", "*"),
    ("العمر", 3, "Omar", "Ömer", "Omar", "*"),
    ("الصالح", 3, "Saleh", "Salih", "Saleh", "*"),
    ("الحسين", 3, "Hussein", "Hüseyin", "Hussein", "*"),
    ("الحموي", 3, "Hamwi/Hamawi", "Hamevi", "Hamwi", "hama"),
    ("الحريري", 4, "Hariri", "Hariri", "Hariri", "daraa"),
    ("الزعبي", 4, "Zoubi/Zubi/Zoabi", "Zubi", "Soubi", "daraa"),
    ("المحاميد", 3, "Mahamid/Mahameed", "Mehamid", "Mahamid", "daraa"),
    ("المصري", 2, "Masri", "Mısri", "Masri", "*"),
    ("الحلبي", 2, "Halabi", "Halebi", "Halabi", "aleppo"),
    ("الكردي", 2, "Kurdi", "Kürdi", "Kurdi", "*"),
    ("النجار", 2, "Najjar/Najar", "Neccar", "Nadschar", "*"),
    ("الجاسم", 3, "Jasem/Jassem", "Casim", "Dschasem", "dez"),
    ("الدرويش", 2, "Darwish/Darweesh", "Derviş", "Darwisch", "*"),
    ("الرفاعي", 2, "Rifai/Refaai", "Rifai", "Rifai", "damascus"),
    ("البكور", 2, "Bakkour/Bakour", "Bekkur", "Bakkur", "hama"),
    ("قدور", 2, "Kaddour/Qaddour", "Kaddur", "Kaddur", "homs"),
    ("الخالدي", 2, "Khalidi", "Halidi", "Chalidi", "homs"),
    ("العبد الله", 3, "Abdullah/Abdallah", "Abdullah", "Abdallah", "idlib"),
    ("الحمصي", 2, "Homsi", "Humsi", "Homsi", "homs"),
    ("الإدلبي", 2, "Idlibi", "İdlibi", "Idlibi", "idlib"),
    ("الدوماني", 2, "Doumani/Dumani", "Dumani", "Dumani", "damascus"),
    ("البيطار", 2, "Bitar/Baytar", "Baytar", "Bitar", "damascus"),
    ("شحادة", 2, "Shehadeh/Shahada", "Şehade", "Schehadeh", "*"),
    ("حمدان", 2, "Hamdan", "Hamdan", "Hamdan", "*"),
    ("الأسعد", 2, "Asaad/Asad", "Esad", "Asaad", "*"),
    ("سليمان", 2, "Suleiman/Sleiman", "Süleyman", "Suleiman", "*"),
    ("الموسى", 2, "Mousa/Musa", "Musa", "Musa", "dez"),
    ("عثمان", 2, "Othman/Osman", "Osman", "Othman", "aleppo"),
    ("بركات", 2, "Barakat", "Berekat", "Barakat", "*"),
    ("الفارس", 2, "Fares/Faris", "Faris", "Fares", "hama"),
    ("الشامي", 2, "Shami", "Şami", "Schami", "damascus"),
    ("ديب", 2, "Deeb/Dib", "Dib", "Dib", "homs"),
    ("زيدان", 2, "Zaidan/Zeidan", "Zeydan", "Seidan", "idlib"),
    ("حجازي", 2, "Hijazi/Hegazi", "Hicazi", "Hidschasi", "*"),
    ("البوشي", 1, "Boushi/Bushi", "Buşi", "Buschi", "aleppo"),
    ("الطويل", 1, "Taweel/Tawil", "Tavil", "Tawil", "*"),
    ("القاسم", 2, "Qasem/Kassem", "Kasım", "Kassem", "daraa"),
    ("المقداد", 2, "Meqdad/Miqdad", "Mikdad", "Mikdad", "daraa"),
]
# Regions: towns as (Arabic, Latin spellings, Turkish/German form ignored: towns keep English).
REGIONS = {
    "damascus": (
        3,
        [
            ("دمشق", "Damascus"),
            ("دوما", "Douma/Duma"),
            ("داريا", "Darayya/Daraya"),
            ("حرستا", "Harasta"),
            ("المعضمية", "Moadamiyeh/Muadamiya"),
            ("التل", "Al-Tall/Tal"),
            ("القابون", "Qaboun/Qabun"),
            ("الزبداني", "Zabadani"),
        ],
    ),
    "homs": (
        2,
        [
            ("حمص", "Homs"),
            ("الرستن", "Rastan/Al-Rastan"),
            ("تلبيسة", "Talbiseh/Talbisa"),
            ("القصير", "Qusayr/Al-Qusair"),
        ],
    ),
    "hama": (
        2,
        [("حماة", "Hama/Hamah"), ("كفرزيتا", "Kafr Zita/Kafrzita"), ("مورك", "Morek/Murak")],
    ),
    "idlib": (
        2,
        [
            ("إدلب", "Idlib/Idleb"),
            ("سراقب", "Saraqib/Saraqeb"),
            ("معرة النعمان", "Maarat al-Numan/Maarat Al Nouman"),
            ("أريحا", "Ariha"),
            ("كفرنبل", "Kafranbel/Kafr Nabl"),
        ],
    ),
    "daraa": (
        2,
        [
            ("درعا", "Daraa/Dara'a"),
            ("نوى", "Nawa"),
            ("طفس", "Tafas"),
            ("إنخل", "Inkhil/Inkhel"),
            ("الصنمين", "Sanamayn/Al-Sanamein"),
        ],
    ),
    "aleppo": (
        2,
        [("حلب", "Aleppo"), ("منبج", "Manbij"), ("الباب", "Al-Bab"), ("عندان", "Anadan")],
    ),
    "dez": (1, [("دير الزور", "Deir ez-Zor/Deir Ezzor"), ("الميادين", "Mayadin/Al-Mayadeen")]),
}
REGION_NAMES = list(REGIONS)
GOV_CODE = {
    "damascus": "01",
    "homs": "04",
    "hama": "05",
    "idlib": "07",
    "daraa": "12",
    "aleppo": "02",
    "dez": "09",
}
BRANCHES = [
    ("فرع فلسطين 235", "Palestine Branch (235)"),
    ("الفرع 215", "Branch 215"),
    ("الفرع 227", "Branch 227"),
    ("الفرع 251", "Branch 251"),
    ("المخابرات الجوية بالمزة", "Air Force Intelligence, Mezzeh"),
    ("فرع الأمن العسكري 261", "Military Security Branch 261"),
    ("الفرع 291", "Branch 291"),
    ("فرع الأمن السياسي", "Political Security"),
    ("فرع الأمن الجنائي", "Criminal Security"),
]
AR_MONTHS = [
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
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
AR_ORD_DAYS = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
]
OCCUPATIONS = [
    ("doctor", 0.016),
    ("nurse", 0.014),
    ("pharmacist", 0.008),
    ("dentist", 0.005),
    ("medical student", 0.010),
    ("paramedic", 0.008),
    ("lab technician", 0.004),
]


def sub(rng: random.Random) -> random.Random:
    return random.Random(rng.getrandbits(64))


def wchoice(rng: random.Random, items: list, weights: list[float]):  # type: ignore[type-arg]
    return rng.choices(items, weights=weights, k=1)[0]


class P:
    __slots__ = (
        "activity",
        "arrest",
        "arrest_place",
        "birth",
        "branch",
        "co_arrest",
        "family",
        "father",
        "father_id",
        "first",
        "gfather",
        "ggfather",
        "hh",
        "lists",
        "mother_family",
        "mother_first",
        "mother_id",
        "nid",
        "occupation",
        "other_missing",
        "pid",
        "refuge",
        "region",
        "registry_no",
        "sex",
        "spouse_id",
        "town",
        "wanted",
    )

    def __init__(self) -> None:
        self.arrest: date | None = None
        self.arrest_place = ""
        self.branch = -1
        self.co_arrest = ""
        self.father_id = ""
        self.mother_id = ""
        self.spouse_id = ""
        self.occupation = ""
        self.other_missing = False
        self.wanted = 0
        self.lists: list[str] = []


def rand_date(rng: random.Random, y0: int, y1: int) -> date:
    d0 = date(y0, 1, 1).toordinal()
    d1 = date(y1, 12, 31).toordinal()
    return date.fromordinal(rng.randint(d0, d1))


def pick_name(rng: random.Random, table: list, avoid: list[str]) -> str:  # type: ignore[type-arg]
    for _ in range(50):
        n = wchoice(rng, [t[0] for t in table], [t[1] for t in table])
        if n not in avoid:
            return n
    return next(t[0] for t in table if t[0] not in avoid)


def build_population(rng: random.Random, n: int) -> tuple[list[P], list[list[int]]]:
    persons: list[P] = []
    households: list[list[int]] = []
    fam_names = [f[0] for f in FAMILIES]
    used_nids: dict[str, int] = {}

    def new_nid(region: str) -> str:
        while True:
            v = GOV_CODE[region] + f"{rng.randint(0, 999999999):09d}"
            if v not in used_nids:
                used_nids[v] = 1
                return v

    def add(p: P) -> P:
        p.pid = f"P{len(persons) + 1:05d}"
        persons.append(p)
        return p

    refuges = ["SY", "TR", "LB", "JO", "DE", "NL", "SE", "IQ"]
    refuge_w = [38, 22, 10, 7, 12, 4, 4, 3]
    while len(persons) < n:
        region = wchoice(rng, REGION_NAMES, [REGIONS[r][0] for r in REGION_NAMES])
        cands = [f for f in FAMILIES if f[5] in ("*", region)]
        fam = wchoice(
            rng, [f[0] for f in cands], [f[1] * (2 if f[5] == region else 1) for f in cands]
        )
        towns = REGIONS[region][1]
        town = rng.randrange(len(towns))
        activity = round(rng.uniform(0.4, 1.3), 2)
        registry_no = rng.randint(1, 400)
        ggf = pick_name(rng, MALE, [])
        for _g in range(rng.choice([1, 1, 2, 2, 3])):
            gf = pick_name(rng, MALE, [])
            sons: list[str] = []
            for _s in range(rng.randint(1, 4)):
                if len(persons) >= n:
                    break
                hh: list[int] = []
                refuge = wchoice(rng, refuges, refuge_w)
                f = P()
                f.first = pick_name(rng, MALE, sons)
                sons.append(f.first)
                f.father, f.gfather, f.ggfather, f.family = gf, ggf, "", fam
                f.sex, f.region, f.town = "M", region, town
                f.birth = rand_date(rng, 1940, 1972)
                f.activity, f.refuge, f.registry_no = activity, refuge, registry_no
                f.mother_first = pick_name(rng, FEMALE, [])
                f.mother_family = rng.choice(fam_names)
                f.hh = f"H{len(households) + 1:04d}"
                add(f)
                hh.append(len(persons) - 1)
                w = P()
                w.first = pick_name(rng, FEMALE, [])
                w.father = pick_name(rng, MALE, [])
                w.gfather = pick_name(rng, MALE, [])
                w.ggfather = ""
                w.family = fam if rng.random() < 0.3 else rng.choice(fam_names)
                w.sex, w.region, w.town = "F", region, town
                w.birth = f.birth + timedelta(days=rng.randint(0, 12 * 365))
                w.activity, w.refuge, w.registry_no = activity, refuge, rng.randint(1, 400)
                w.mother_first = pick_name(rng, FEMALE, [])
                w.mother_family = rng.choice(fam_names)
                w.hh = f.hh
                add(w)
                hh.append(len(persons) - 1)
                f.spouse_id, w.spouse_id = w.pid, f.pid
                kids: list[str] = []
                for k in range(rng.randint(1, 6)):
                    if len(persons) >= n:
                        break
                    c = P()
                    c.sex = "M" if rng.random() < 0.52 else "F"
                    if c.sex == "M" and k == 0 and rng.random() < 0.4:
                        c.first = gf
                    else:
                        c.first = pick_name(rng, MALE if c.sex == "M" else FEMALE, kids)
                    kids.append(c.first)
                    c.father, c.gfather, c.ggfather, c.family = f.first, gf, ggf, fam
                    c.region, c.town = region, town
                    y0 = max(w.birth.year, f.birth.year) + 18
                    c.birth = rand_date(rng, min(y0, 2004), min(y0 + 22, 2004))
                    c.activity, c.refuge, c.registry_no = activity, refuge, registry_no
                    c.mother_first, c.mother_family = w.first, w.family
                    c.father_id, c.mother_id, c.hh = f.pid, w.pid, f.hh
                    add(c)
                    hh.append(len(persons) - 1)
                households.append(hh)
    for p in persons:
        p.nid = new_nid(p.region)
        if 1955 <= p.birth.year <= 1995 and rng.random() < 0.75:
            occ = rng.random()
            acc = 0.0
            for o, share in OCCUPATIONS:
                acc += share / 0.75
                if occ < acc:
                    if o == "medical student" and p.birth.year < 1985:
                        o = "doctor"
                    p.occupation = o
                    break
    return persons, households


def choose_wanted(rng: random.Random, persons: list[P]) -> None:
    """Who is on the security branches' wanted lists: half of those arrested up to 2015 (listed
    before their arrest), and men of age never arrested, more often a detainee's brother."""
    det_fathers = {p.father_id: 1 for p in persons if p.arrest is not None and p.father_id}
    for p in persons:
        if p.sex != "M" and p.arrest is None:
            continue
        if p.arrest is not None:
            pr = 0.5 if p.arrest.year <= 2015 else 0.0
            if p.sex == "F":
                pr *= 0.3
        elif 1955 <= p.birth.year <= 1996:
            pr = 0.1 if p.father_id and p.father_id in det_fathers else 0.04
        else:
            pr = 0.0
        if pr and rng.random() < pr:
            p.wanted = 1


def detain(rng: random.Random, persons: list[P], households: list[list[int]]) -> None:
    years = [2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]
    yw = [12, 27, 25, 14, 9, 5, 4, 2, 2]
    reg_mult = {"damascus": 1.2, "homs": 1.1, "daraa": 1.1, "hama": 1.0, "idlib": 0.8}
    for p in persons:
        base = 0.0
        if p.sex == "M" and 1950 <= p.birth.year <= 1997:
            base = 0.25
        elif p.sex == "F" and 1955 <= p.birth.year <= 1997:
            base = 0.05
        base *= reg_mult.get(p.region, 0.9)
        if p.occupation:
            base = min(0.7, base * 2.2 + 0.03)
        if rng.random() >= base:
            continue
        for _ in range(10):
            y = wchoice(rng, years, yw)
            d = rand_date(rng, y, y)
            if y == 2011 and d.month < 3:
                continue
            if d >= date(p.birth.year + 16, p.birth.month, 1) + timedelta(days=31):
                p.arrest = d
                break
    pid_index = {p.pid: i for i, p in enumerate(persons)}
    for hh in households:
        for i in hh:
            p = persons[i]
            if p.arrest is None or p.sex != "M" or p.co_arrest or rng.random() >= 0.16:
                continue
            bros = [
                j
                for j in hh
                if j != i
                and persons[j].sex == "M"
                and persons[j].father_id
                and persons[j].father_id == p.father_id
                and persons[j].arrest is None
                and persons[j].birth.year + 17 <= p.arrest.year
            ]
            if bros:
                b = persons[rng.choice(bros)]
                b.arrest, b.co_arrest, p.co_arrest = p.arrest, p.pid, b.pid
    del pid_index
    for p in persons:
        if p.arrest is None:
            if p.sex == "M" and 1955 <= p.birth.year <= 1998 and rng.random() < 0.025:
                p.other_missing = True
            continue
        r = rng.random()
        p.arrest_place = "home" if r < 0.45 else ("checkpoint" if r < 0.8 else "travel")
        p.branch = rng.randrange(len(BRANCHES))
    # co-arrested brothers share the place and branch
    by_pid = {p.pid: p for p in persons}
    for p in persons:
        if p.co_arrest and p.pid > p.co_arrest:
            b = by_pid[p.co_arrest]
            p.arrest_place, p.branch = b.arrest_place, b.branch


# --------------------------------------------------------------------------------------------
# Arabic typing habits

DOTS = [
    "بتثن",
    "جحخ",
    "دذ",
    "رز",
    "سش",
    "صض",
    "طظ",
    "عغ",
    "فق",
]


def drop_hamza(s: str) -> str:
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def join_abd(s: str) -> str:
    return s.replace("عبد ال", "عبدال")


def final_ya(s: str) -> str:
    return " ".join(w[:-1] + "ى" if w.endswith("ي") else w for w in s.split(" "))


def ta_to_ha(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def dot_slip(rng: random.Random, s: str) -> str:
    idx = [i for i, ch in enumerate(s) if any(ch in g for g in DOTS)]
    if not idx:
        return s
    i = rng.choice(idx)
    g = next(g for g in DOTS if s[i] in g)
    other = rng.choice([c for c in g if c != s[i]])
    return s[:i] + other + s[i + 1 :]


def drop_letter(rng: random.Random, s: str) -> str:
    idx = [i for i, ch in enumerate(s) if ch != " " and 0 < i < len(s) - 1]
    if len(s) < 4 or not idx:
        return s
    i = rng.choice(idx)
    return s[:i] + s[i + 1 :]


def ar_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# --------------------------------------------------------------------------------------------
# Latin spellings

GIVEN_LAT: dict[str, tuple[list[str], str, str]] = {}
for _t in MALE + FEMALE:
    GIVEN_LAT[_t[0]] = (_t[2].split("/"), _t[3], _t[4])
FAM_LAT: dict[str, tuple[list[str], str, str, bool]] = {
    f[0]: (f[2].split("/"), f[3], f[4], f[0].startswith("ال")) for f in FAMILIES
}
TOWN_LAT: dict[str, list[str]] = {}
for _r in REGIONS.values():
    for _a, _l in _r[1]:
        TOWN_LAT[_a] = _l.split("/")


def given_lat(rng: random.Random, ar: str, conv: str, fixed: float = 0.6) -> str:
    en, tr, de = GIVEN_LAT[ar]
    if conv == "tr":
        return tr
    if conv == "de" and rng.random() < 0.7:
        return de
    if conv == "lb":
        # a Lebanese interpreter's French-school spelling: Ch, ou, Abdel, Youssef
        fr = [v for v in en if "ou" in v or "Abdel" in v]
        v = fr[0] if fr and rng.random() < 0.7 else en[0]
        v = v.replace("Sh", "Ch").replace("sh", "ch").replace("Abdul", "Abdel")
        return v.replace("Yousef", "Youssef").replace("Jamal", "Djamal")
    if rng.random() < fixed:
        return en[0]
    return rng.choice(en)


def family_lat(rng: random.Random, ar: str, conv: str, article: str | None = None) -> str:
    en, tr, de, has_al = FAM_LAT[ar]
    if conv == "tr":
        root = tr
        return ("El " + root) if has_al and rng.random() < 0.6 else root
    root = (
        de
        if conv == "de" and rng.random() < 0.6
        else (en[0] if rng.random() < 0.6 else rng.choice(en))
    )
    if not has_al:
        return root
    if article is None:
        article = wchoice(rng, ["Al-", "Al ", "Al", "", "El-"], [45, 15, 8, 25, 7])
    if conv == "lb" and article.startswith("Al") and rng.random() < 0.6:
        article = "El" + article[2:]
    if article == "Al":
        return "Al" + root.lower()
    return article + root


def tr_upper(s: str) -> str:
    """Capitals as Turkish residence papers print them: i is İ, ı is I."""
    return s.replace("i", "İ").upper()


def lat_typo(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 2)
    if rng.random() < 0.5:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + s[i + 1 :]


def town_lat(rng: random.Random, ar: str) -> str:
    v = TOWN_LAT[ar]
    return v[0] if rng.random() < 0.7 else rng.choice(v)


def town_of(p: P) -> str:
    return REGIONS[p.region][1][p.town][0]


def place_ar(rng: random.Random, p: P) -> str:
    town = town_of(p)
    if p.arrest_place == "home":
        return town if rng.random() < 0.7 else f"منزله في {town}"
    if p.arrest_place == "checkpoint":
        return f"حاجز {town}" if rng.random() < 0.8 else f"حاجز على مدخل {town}"
    return rng.choice(["مطار دمشق الدولي", "معبر جديدة يابوس", "الحدود اللبنانية", "مطار حلب"])


def place_en(rng: random.Random, p: P) -> str:
    town = town_lat(rng, town_of(p))
    if p.arrest_place == "home":
        return town if rng.random() < 0.6 else f"at home in {town}"
    if p.arrest_place == "checkpoint":
        return f"checkpoint in {town}" if rng.random() < 0.6 else f"{town} checkpoint"
    return rng.choice(
        ["Damascus airport", "Jdeidet Yabous crossing", "Lebanese border", "Aleppo airport"]
    )


def iso(d: date) -> str:
    return d.isoformat()


# --------------------------------------------------------------------------------------------
# List 1: lawyers' record of defendants at the Counter-Terrorism Court

CTC_START = date(2012, 8, 1)
CHARGES = [
    "تمويل الإرهاب",
    "الانتماء إلى منظمة إرهابية",
    "القيام بأعمال إرهابية",
    "الترويج للأعمال الإرهابية",
    "التواصل مع جهات معادية",
    "تقديم المساعدة لمجموعات مسلحة",
]
DECISIONS = [
    "تأجيل",
    "تأجيل لورود الإضبارة",
    "إخلاء سبيل",
    "إحالة إلى محكمة الجنايات",
    "حكم بالسجن 15 سنة",
    "حكم بالأشغال الشاقة المؤقتة 10 سنوات",
    "منع محاكمة",
    "",
]
CHAMBERS = [
    "قاضي التحقيق الأول",
    "قاضي التحقيق الثاني",
    "قاضي التحقيق الرابع",
    "قاضي الإحالة",
    "محكمة الجنايات الأولى",
    "محكمة الجنايات الثانية",
]


def ctc_typing(
    rng: random.Random,
    s: str,
    st: Counter,  # type: ignore[type-arg]
    hamza_rate: float,
    slip: float = 0.025,
) -> str:
    if rng.random() < hamza_rate:
        s2 = drop_hamza(s)
        if s2 != s:
            st["hamza_dropped"] += 1
        s = s2
    if "عبد ال" in s and rng.random() < 0.35:
        s = join_abd(s)
        st["abd_joined"] += 1
    if rng.random() < 0.05:
        s2 = ta_to_ha(s)
        if s2 != s:
            st["ta_as_ha"] += 1
        s = s2
    if rng.random() < slip:
        s = dot_slip(rng, s)
        st["dot_slip"] += 1
    elif rng.random() < slip * 0.4:
        s = drop_letter(rng, s)
        st["letter_dropped"] += 1
    return s


def ctc_date(rng: random.Random, d: date, st: Counter) -> str:  # type: ignore[type-arg]
    r = rng.random()
    if r < 0.55:
        return f"{d.day}/{d.month}/{d.year}"
    if r < 0.75:
        return f"{d.year}/{d.month}/{d.day}"
    if r < 0.85:
        st["date_levantine_month"] += 1
        return f"{d.day} {AR_MONTHS[d.month - 1]} {d.year}"
    if r < 0.9 and d.day <= 10:
        st["date_in_words"] += 1
        return f"{AR_ORD_DAYS[d.day - 1]} من {AR_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def ctc_list(
    rng: random.Random, persons: list[P]
) -> tuple[list[str], list[list[str]], list[str], Counter]:  # type: ignore[type-arg]
    st: Counter = Counter()  # type: ignore[type-arg]
    header = [
        "رقم السجل",
        "الاسم الكامل",
        "اسم الأم",
        "مكان الولادة",
        "تاريخ الاعتقال",
        "الجهة المحيلة",
        "رقم الأساس",
        "الغرفة",
        "تاريخ الجلسة",
        "التهمة",
        "القرار",
        "ملاحظات",
    ]
    entries: list[tuple[date, P, int]] = []
    for p in persons:
        if p.arrest is None or p.arrest < date(2012, 3, 1):
            continue
        pr = 0.42 if p.region in ("damascus", "homs", "daraa") else 0.24
        if p.sex == "F":
            pr *= 0.8
        if rng.random() >= pr:
            continue
        first = max(p.arrest, CTC_START) + timedelta(days=rng.randint(30, 500))
        entries.append((first, p, 0))
        if rng.random() < 0.17:
            st["repeat_person"] += 1
            entries.append((first + timedelta(days=rng.randint(40, 900)), p, 1))
    # men on the wanted lists who left the country, tried in absentia (rep 2)
    for p in persons:
        if p.wanted and p.arrest is None and p.refuge != "SY" and rng.random() < 0.15:
            entries.append((rand_date(rng, 2014, 2021), p, 2))
            st["in_absentia"] += 1
    # co-defendants (brothers arrested together) are heard on one roll, one case
    entries.sort(key=lambda e: (e[0], e[1].pid, e[2]))
    rows: list[list[str]] = []
    truth: list[str] = []
    case_of: dict[str, str] = {}
    for n, (hdate, p, rep) in enumerate(entries):
        key = p.co_arrest if p.co_arrest and p.co_arrest < p.pid else p.pid
        if key not in case_of or rep:
            case_of[key] = f"{rng.randint(100, 4999)}/{hdate.year}"
        case = case_of[key]
        parts = [p.first, p.father, p.family]
        form = rng.random()
        if form < 0.44:
            name = " ".join(parts)
            st["first_father_family"] += 1
        elif form < 0.66:
            name = f"{p.first} بن {p.father} {p.family}"
            st["bin_father"] += 1
        elif form < 0.80:
            name = f"{p.first} {p.father} {p.gfather} {p.family}"
            st["four_parts"] += 1
        elif form < 0.85:
            name = f"{p.first} {p.family} بن {p.father}"
            st["family_then_bin_father"] += 1
        elif form < 0.93:
            name = f"{p.first} {p.family}"
            st["first_family_only"] += 1
        else:
            name = f"{p.first} {p.father} {p.family} والدته {p.mother_first}"
            st["mother_in_name"] += 1
        if p.sex == "F":
            name = name.replace(" بن ", " بنت ")
        elif rng.random() < 0.03:
            # the court's «الملقب» (nicknamed), as the indictment writes a kunya
            name = f"{name} الملقب أبو {pick_name(rng, MALE, [])}"
            st["nickname_mulaqqab"] += 1
        if rng.random() < 0.04:
            name = ("الموقوف " if p.sex == "M" else "الموقوفة ") + name
            st["detainee_word"] += 1
        name = ctc_typing(rng, name, st, 0.3)
        r = rng.random()
        if r < 0.35:
            mother = p.mother_first
            st["mother_first"] += 1
        elif r < 0.55:
            mother = f"والدته {p.mother_first}" if p.sex == "M" else f"والدتها {p.mother_first}"
            st["mother_walidatuh"] += 1
        elif r < 0.70:
            mother = f"{p.mother_first} {p.mother_family}"
            st["mother_full"] += 1
        else:
            mother = ""
        if mother:
            mother = ctc_typing(rng, mother, st, 0.3)
        r = rng.random()
        town = town_of(p)
        y = p.birth.year
        if r < 0.40:
            birth = f"تولد {town} {y}"
            st["birth_tawallud"] += 1
        elif r < 0.62:
            birth = f"{town} {y}"
            st["birth_place_year"] += 1
        elif r < 0.72:
            birth = f"مواليد {y % 100:02d}"
            st["birth_two_digit"] += 1
        elif r < 0.82:
            birth = f"{town} {p.birth.day}/{p.birth.month}/{y}"
            st["birth_full_date"] += 1
        else:
            birth = ""
        if birth and rng.random() < 0.15:
            birth = drop_hamza(birth)
        r = rng.random()
        if p.arrest is None:
            arrest = ""
        elif r < 0.42:
            arrest = (
                "موقوف منذ " + ctc_date(rng, p.arrest, st)
                if rng.random() < 0.3
                else ctc_date(rng, p.arrest, st)
            )
            st["arrest_date"] += 1
        elif r < 0.55:
            arrest = str(p.arrest.year)
            st["arrest_year"] += 1
        else:
            arrest = ""
        if rng.random() < 0.12 and arrest:
            arrest = ar_digits(arrest)
            st["arabic_digits"] += 1
        referral = BRANCHES[p.branch][0] if p.arrest and rng.random() < 0.6 else ""
        decision = rng.choice(DECISIONS)
        if rep == 2:
            decision = rng.choice(
                [
                    "حكم غيابي بالأشغال الشاقة 20 سنة وحجز الأموال",
                    "حكم غيابي بالإعدام",
                    "تأجيل لتبليغ المتهم الفار",
                    "",
                ]
            )
        notes = ""
        if rep == 2:
            notes = rng.choice(["محاكمة غيابية", "غيابي", "فار من وجه العدالة"])
        elif p.co_arrest:
            notes = "مع شقيقه" if rng.random() < 0.5 else ""
            st["co_defendant_brother"] += 1
        if p.occupation and rng.random() < 0.3:
            notes = (notes + " " if notes else "") + {
                "doctor": "طبيب",
                "nurse": "ممرض" if p.sex == "M" else "ممرضة",
                "pharmacist": "صيدلاني",
                "dentist": "طبيب أسنان",
                "medical student": "طالب طب",
                "paramedic": "مسعف",
                "lab technician": "فني مخبر",
            }[p.occupation]
        rid = f"CTC-{n + 1:05d}"
        rows.append(
            [
                rid,
                name,
                mother,
                birth,
                arrest,
                referral,
                case,
                rng.choice(CHAMBERS),
                ctc_date(Random0, hdate, Counter()),
                rng.choice(CHARGES),
                decision,
                notes,
            ]
        )
        truth.append(p.pid)
        p.lists.append("ctc_court")
    return header, rows, truth, st


Random0 = random.Random(0)  # fixed stream for the hearing dates' format (deterministic)


# --------------------------------------------------------------------------------------------
# List 2: reference-sample case registrations of a missing-persons body

OFFICE_CONV = {
    "SY": "en",
    "TR": "tr",
    "LB": "lb",
    "JO": "en",
    "DE": "de",
    "NL": "en",
    "SE": "en",
    "IQ": "en",
}


def icmp_list(
    rng: random.Random, persons: list[P]
) -> tuple[list[str], list[list[str]], list[str], Counter]:  # type: ignore[type-arg]
    st: Counter = Counter()  # type: ignore[type-arg]
    header = [
        "record_id",
        "first_name",
        "father_name",
        "grandfather_name",
        "family_name",
        "mother_name",
        "sex",
        "birth_year",
        "birth_place",
        "date_of_arrest",
        "place_of_arrest",
        "circumstances",
        "donor_relationship",
        "donor_country",
        "samples",
    ]
    by_pid = {p.pid: p for p in persons}
    cases: list[tuple[str, int, P, str]] = []
    for p in persons:
        if p.arrest is None and not p.other_missing:
            continue
        pr = 0.5 * min(1.0, p.activity + 0.2) if p.refuge != "SY" else 0.3 * min(1.0, p.activity)
        if p.other_missing:
            pr = 0.45
        if rng.random() >= pr:
            continue
        cases.append((p.refuge, rng.randint(2016, 2025), p, "a"))
        if rng.random() < 0.14:
            other = rng.choice([c for c in OFFICE_CONV if c != p.refuge])
            cases.append((other, rng.randint(2016, 2025), p, "b"))
            st["repeat_person"] += 1
    cases.sort(key=lambda c: (c[0], c[1], c[2].hh, c[2].pid, c[3]))
    rows: list[list[str]] = []
    truth: list[str] = []
    counters: Counter = Counter()  # type: ignore[type-arg]
    for office, _year, p, which in cases:
        counters[office] += 1
        conv = OFFICE_CONV[office]
        if conv == "en" and rng.random() < 0.12:
            conv = "lb"
        st["conv_" + conv] += 1
        rid = f"SY-{office}-{counters[office]:05d}"
        first = given_lat(rng, p.first, conv)
        father = given_lat(rng, p.father, conv)
        gfather = given_lat(rng, p.gfather, conv) if rng.random() < 0.62 else ""
        if gfather:
            st["grandfather"] += 1
        family = family_lat(rng, p.family, conv)
        if rng.random() < 0.06:
            # the donor's answer typed whole into the first-name box
            first = f"{first} {father} {family}"
            father = family = gfather = ""
            st["whole_name_in_first"] += 1
        elif rng.random() < 0.04:
            family = ""
            st["family_missing"] += 1
        if rng.random() < 0.025:
            first = lat_typo(rng, first)
            st["typo"] += 1
        if rng.random() < 0.15:
            up = tr_upper if conv == "tr" else str.upper
            first, father, gfather, family = up(first), up(father), up(gfather), up(family)
            st["upper_case"] += 1
        r = rng.random()
        if r < 0.55:
            mother = (
                f"{given_lat(rng, p.mother_first, conv)} {family_lat(rng, p.mother_family, conv)}"
            )
            st["mother_full"] += 1
        elif r < 0.82:
            mother = given_lat(rng, p.mother_first, conv)
            st["mother_first"] += 1
        else:
            mother = ""
        sex = rng.choice(["M", "Male"]) if p.sex == "M" else rng.choice(["F", "Female"])
        r = rng.random()
        b = p.birth
        if r < 0.40:
            birth = (
                f"{b.day:02d}.{b.month:02d}.{b.year}"
                if office in ("DE", "NL")
                else (f"{b.day:02d}/{b.month:02d}/{b.year}")
            )
            st["birth_full_date"] += 1
        elif r < 0.72:
            birth = str(b.year)
            st["birth_year"] += 1
        elif r < 0.80:
            birth = f"01/01/{b.year}" if office not in ("DE", "NL") else f"01.01.{b.year}"
            st["birth_first_january"] += 1
        elif r < 0.86:
            birth = (
                f"~{b.year + rng.choice([-1, 0, 0, 1])}" if rng.random() < 0.5 else f"c. {b.year}"
            )
            st["birth_approx"] += 1
        else:
            birth = "unknown" if rng.random() < 0.4 else ""
        bplace = town_lat(rng, town_of(p)) if rng.random() < 0.75 else ""
        if p.other_missing:
            d = rand_date(rng, 2013, 2017)
            arrest = rng.choice([f"{EN_MONTHS[d.month - 1]} {d.year}", str(d.year), iso(d)])
            place = rng.choice(
                ["Raqqa", "on the way to Turkey", "Mediterranean (boat)", "Deir ez-Zor"]
            )
            circ = rng.choice(
                [
                    "abducted by ISIS",
                    "lost at sea",
                    "missing after shelling",
                    "abducted by armed group",
                ]
            )
        else:
            assert p.arrest is not None
            a = p.arrest
            r = rng.random()
            if r < 0.40:
                arrest = (
                    f"{a.day:02d}.{a.month:02d}.{a.year}"
                    if office in ("DE", "NL")
                    else (f"{a.day:02d}/{a.month:02d}/{a.year}")
                )
            elif r < 0.65:
                arrest = f"{EN_MONTHS[a.month - 1]} {a.year}"
                st["arrest_month_year"] += 1
            elif r < 0.88:
                arrest = str(a.year)
            else:
                arrest = ""
            place = place_en(rng, p) if rng.random() < 0.7 else ""
            circ = rng.choice(
                [
                    "arrested at checkpoint" if p.arrest_place == "checkpoint" else "arrested",
                    "detained by security forces",
                    f"last seen in {BRANCHES[p.branch][1]}",
                    "enforced disappearance",
                    "",
                ]
            )
        rels = []
        if p.mother_id or p.sex == "M":
            rels += ["Mother", "Mother", "Brother", "Sister"]
        if p.spouse_id:
            rels += ["Wife" if p.sex == "M" else "Husband", "Son", "Daughter"]
        if p.father_id and by_pid[p.father_id].arrest is None:
            rels.append("Father")
        rel = rng.choice(rels) if rels else "Cousin"
        if which == "b":
            rel = rng.choice(["Brother", "Sister", "Uncle", "Cousin", rel])
        rows.append(
            [
                rid,
                first,
                father,
                gfather,
                family,
                mother,
                sex,
                birth,
                bplace,
                arrest,
                place,
                circ,
                rel,
                office,
                str(rng.choice([1, 1, 2, 2, 3])),
            ]
        )
        truth.append(p.pid)
        p.lists.append("icmp_reference")
    return header, rows, truth, st


# --------------------------------------------------------------------------------------------
# List 3: a leaked database of persons wanted by the security branches

ACTIONS = ["توقيف", "مراجعة", "منع سفر", "توقيف وسوق", "توقيف وإحالة", "تفتيش"]


def wanted_list(
    rng: random.Random, persons: list[P]
) -> tuple[list[str], list[list[str]], list[str], Counter]:  # type: ignore[type-arg]
    st: Counter = Counter()  # type: ignore[type-arg]
    header = [
        "رقم السجل",
        "الاسم",
        "الكنية",
        "اسم الأب",
        "اسم الأم",
        "مكان الولادة",
        "سنة الولادة",
        "القيد",
        "الرقم الوطني",
        "الجهة الطالبة",
        "الإجراء",
        "تاريخ الإدراج",
    ]
    chosen = [p for p in persons if p.wanted]
    entries: list[tuple[int, P, int]] = []
    for p in chosen:
        k = wchoice(rng, [1, 2, 3], [70, 22, 8])
        branches = rng.sample(range(len(BRANCHES)), k)
        if p.arrest is not None and p.branch not in branches:
            branches[0] = p.branch
        for j, b in enumerate(branches):
            entries.append((rng.randint(1, 9_999_999), p, b * 10 + j))
        if k > 1:
            st["repeat_person"] += 1
    entries.sort(key=lambda e: e[0])
    rows: list[list[str]] = []
    truth: list[str] = []
    seen_ids: dict[int, int] = {}
    for num, p, code in entries:
        while num in seen_ids:
            num += 1
        seen_ids[num] = 1
        b = code // 10
        first, family, father = p.first, p.family, p.father
        # each branch's clerk types the name his own way
        hz = 0.55
        first = ctc_typing(rng, first, st, hz, 0.012)
        father = ctc_typing(rng, father, st, hz, 0.012)
        family = ctc_typing(rng, family, st, hz, 0.012)
        if rng.random() < 0.06 and family.startswith("ال"):
            family = family[2:]
            st["family_without_article"] += 1
        if rng.random() < 0.05:
            father = f"{father} {p.gfather}"
            st["father_with_grandfather"] += 1
        if rng.random() < 0.025:
            first = f"{first} {father} {family}"
            father = family = ""
            st["whole_name_in_first"] += 1
        elif rng.random() < 0.03:
            family = ""
            st["family_missing"] += 1
        if rng.random() < 0.08:
            first = final_ya(first)
            family = final_ya(family)
            st["final_ya"] += 1
        r = rng.random()
        if r < 0.55:
            mother = f"{p.mother_first} {p.mother_family}"
            st["mother_full"] += 1
        elif r < 0.9:
            mother = p.mother_first
            st["mother_first"] += 1
        else:
            mother = ""
        mother = ctc_typing(rng, mother, st, hz, 0.012) if mother else ""
        town = town_of(p)
        bplace = town if rng.random() < 0.88 else ""
        r = rng.random()
        if r < 0.55:
            by = f"{p.birth.year}-{p.birth.month:02d}-{p.birth.day:02d}"
            st["birth_full_date"] += 1
        elif r < 0.85:
            by = str(p.birth.year)
        elif r < 0.9:
            by = f"{p.birth.year}-01-01"
            st["birth_first_january"] += 1
        else:
            by = ""
        if by and rng.random() < 0.006:
            by = by[:2] + str((int(by[2]) + 3) % 10) + by[3:]
            st["birth_year_misread"] += 1
        registry = f"{town} {p.registry_no}" if rng.random() < 0.7 else ""
        nid = p.nid if rng.random() < 0.78 else ""
        if nid:
            st["national_id"] += 1
            if rng.random() < 0.02:
                i = rng.randrange(2, 11)
                nid = nid[:i] + str((int(nid[i]) + 1) % 10) + nid[i + 1 :]
                st["national_id_typo"] += 1
            elif rng.random() < 0.01:
                nid = nid[:-1]
                st["national_id_short"] += 1
        until = p.arrest or date(2015, 6, 1)
        start = date(2011, 4, 1).toordinal()
        listed = date.fromordinal(rng.randint(start, max(start, until.toordinal() - 10)))
        rows.append(
            [
                f"{num:07d}",
                first,
                family,
                father,
                mother,
                bplace,
                by,
                registry,
                nid,
                BRANCHES[b][0],
                rng.choice(ACTIONS),
                f"{listed.year}/{listed.month:02d}/{listed.day:02d}",
            ]
        )
        truth.append(p.pid)
        p.lists.append("wanted_leak")
        if p.arrest is None:
            st["never_detained"] += 1
    return header, rows, truth, st


# --------------------------------------------------------------------------------------------
# List 4: a medical NGO's list of detained health workers

PROF_EN = {
    "doctor": ("Doctor", "Dr."),
    "nurse": ("Nurse", ""),
    "pharmacist": ("Pharmacist", "Pharm."),
    "dentist": ("Dentist", "Dr."),
    "medical student": ("Medical student", ""),
    "paramedic": ("Paramedic", ""),
    "lab technician": ("Lab technician", ""),
}
SPECIALTIES = [
    "General surgery",
    "Internal medicine",
    "Pediatrics",
    "Orthopedics",
    "Anesthesia",
    "Obstetrics",
    "General practitioner",
    "",
]
FACILITIES = [
    "field hospital in {t}",
    "{t} National Hospital",
    "private clinic, {t}",
    "{t} Medical Point",
    "Al-Mouwasat Hospital",
    "Damascus University Hospital",
    "Syrian Arab Red Crescent, {t}",
    "pharmacy in {t}",
]
STATUS = ["still detained", "still detained", "died in detention", "released", "unknown"]


def medical_list(
    rng: random.Random, persons: list[P]
) -> tuple[list[str], list[list[str]], list[str], Counter]:  # type: ignore[type-arg]
    st: Counter = Counter()  # type: ignore[type-arg]
    header = [
        "record_id",
        "full_name",
        "profession",
        "specialty",
        "governorate",
        "facility",
        "age_at_arrest",
        "date_of_arrest",
        "place_of_arrest",
        "status",
        "reported_by",
    ]
    entries: list[tuple[P, int]] = []
    for p in persons:
        if p.arrest is None or not p.occupation:
            continue
        if rng.random() < 0.8:
            entries.append((p, 0))
            if rng.random() < 0.09:
                entries.append((p, 1))
                st["repeat_person"] += 1
    rng.shuffle(entries)
    entries.sort(key=lambda e: (e[0].arrest or date(2000, 1, 1), e[1]))
    rows: list[list[str]] = []
    truth: list[str] = []
    for n, (p, _rep) in enumerate(entries):
        assert p.arrest is not None
        first = given_lat(rng, p.first, "en", 0.7)
        father = given_lat(rng, p.father, "en", 0.7)
        family = family_lat(rng, p.family, "en")
        prof, title = PROF_EN[p.occupation]
        if p.occupation == "nurse" and p.sex == "F":
            title = ""
        r = rng.random()
        if r < 0.45:
            name = f"{first} {father} {family}"
            st["first_father_family"] += 1
        elif r < 0.85:
            name = f"{first} {family}"
            st["first_family_only"] += 1
        elif r < 0.93:
            name = (
                f"{family.upper()}, {first} {father}"
                if rng.random() < 0.5
                else f"{family.upper()}, {first}"
            )
            st["family_comma_first"] += 1
        else:
            name = (
                f"{first} {father} {family} (Abu {given_lat(rng, pick_name(rng, MALE, []), 'en')})"
                if p.sex == "M"
                else f"{first} {family}"
            )
            st["kunya_brackets"] += 1
        if title and rng.random() < 0.65:
            name = f"{title} {name}"
            st["title"] += 1
        if rng.random() < 0.02:
            name = lat_typo(rng, name)
            st["typo"] += 1
        age = (
            p.arrest.year
            - p.birth.year
            - (1 if (p.arrest.month, p.arrest.day) < (p.birth.month, p.birth.day) else 0)
        )
        age_s = str(age) if rng.random() < 0.35 else ""
        if age_s:
            st["age"] += 1
        a = p.arrest
        r = rng.random()
        if r < 0.4:
            arrest = iso(a)
        elif r < 0.55:
            arrest = f"{a.month}/{a.day}/{a.year}"
            st["arrest_month_first"] += 1
        elif r < 0.8:
            arrest = f"{EN_MONTHS[a.month - 1]} {a.year}"
        elif r < 0.95:
            arrest = str(a.year)
        else:
            arrest = ""
        town = town_lat(rng, town_of(p))
        gov = {
            "damascus": "Rif Dimashq" if town_of(p) != "دمشق" else "Damascus",
            "homs": "Homs",
            "hama": "Hama",
            "idlib": "Idlib",
            "daraa": "Daraa",
            "aleppo": "Aleppo",
            "dez": "Deir ez-Zor",
        }[p.region]
        rows.append(
            [
                f"HW-{n + 1:04d}",
                name,
                prof,
                rng.choice(SPECIALTIES) if p.occupation == "doctor" else "",
                gov,
                rng.choice(FACILITIES).format(t=town),
                age_s,
                arrest,
                place_en(rng, p) if rng.random() < 0.6 else "",
                rng.choice(STATUS),
                rng.choice(["colleague", "family", "media report", "former detainee"]),
            ]
        )
        truth.append(p.pid)
        p.lists.append("medical_staff")
    return header, rows, truth, st


# --------------------------------------------------------------------------------------------


def write_csv(path: str, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


LISTS = ["ctc_court", "icmp_reference", "wanted_leak", "medical_staff"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    root = random.Random(a.seed)
    pop_rng, det_rng = sub(root), sub(root)
    l_rngs = [sub(root) for _ in LISTS]
    global Random0
    Random0 = sub(root)
    persons, households = build_population(pop_rng, a.persons)
    detain(det_rng, persons, households)
    choose_wanted(sub(root), persons)
    builders = [ctc_list, icmp_list, wanted_list, medical_list]
    os.makedirs(a.out, exist_ok=True)
    truth_rows: list[list[str]] = []
    stats: dict[str, object] = {}
    per_list: dict[str, dict[str, object]] = {}
    for name, build, r in zip(LISTS, builders, l_rngs, strict=True):
        header, rows, truth, st = build(r, persons)
        write_csv(os.path.join(a.out, name + ".csv"), header, rows)
        for row, pid in zip(rows, truth, strict=True):
            truth_rows.append([name, row[0], pid])
        n = len(rows)
        per_pid = Counter(truth)
        per_list[name] = {
            "records": n,
            "persons": len(per_pid),
            "persons_twice_or_more": sum(1 for v in per_pid.values() if v > 1),
            "forms_pct": {k: round(100 * v / max(n, 1), 1) for k, v in sorted(st.items())},
        }
    write_csv(os.path.join(a.out, "truth.csv"), ["list", "record_id", "person_id"], truth_rows)
    pheader = [
        "person_id",
        "household",
        "region",
        "town",
        "sex",
        "first_name",
        "father_name",
        "grandfather_name",
        "family_name",
        "mother_first",
        "mother_family",
        "birth_date",
        "national_id",
        "father_id",
        "mother_id",
        "spouse_id",
        "occupation",
        "refuge",
        "arrest_date",
        "arrested_with",
        "other_missing",
        "wanted",
        "lists",
    ]
    prow = [
        [
            p.pid,
            p.hh,
            p.region,
            town_of(p),
            p.sex,
            p.first,
            p.father,
            p.gfather,
            p.family,
            p.mother_first,
            p.mother_family,
            iso(p.birth),
            p.nid,
            p.father_id,
            p.mother_id,
            p.spouse_id,
            p.occupation,
            p.refuge,
            iso(p.arrest) if p.arrest else "",
            p.co_arrest,
            "1" if p.other_missing else "",
            "1" if p.wanted else "",
            ";".join(dict.fromkeys(p.lists)),
        ]
        for p in persons
    ]
    write_csv(os.path.join(a.out, "persons.csv"), pheader, prow)
    if a.stats:
        listed = [p for p in persons if p.lists]
        combos: Counter = Counter()  # type: ignore[type-arg]
        for p in listed:
            combos[" & ".join(sorted(dict.fromkeys(p.lists)))] += 1
        nlists: Counter = Counter(len(dict.fromkeys(p.lists)) for p in listed)  # type: ignore[type-arg]
        key3: Counter = Counter((p.first, p.father, p.family) for p in listed)  # type: ignore[type-arg]
        key2: Counter = Counter((p.first, p.family) for p in listed)  # type: ignore[type-arg]
        hh_kids: Counter = Counter(p.hh for p in listed if p.father_id)  # type: ignore[type-arg]
        by_pid = {p.pid: p for p in persons}
        latin = {"icmp_reference", "medical_staff"}
        stats = {
            "records": len(truth_rows),
            "persons_listed": len(listed),
            "persons_detained": sum(1 for p in persons if p.arrest),
            "persons_other_missing": sum(1 for p in persons if p.other_missing),
            "lists": per_list,
            "persons_by_number_of_lists": {str(k): v for k, v in sorted(nlists.items())},
            "list_combinations": dict(sorted(combos.items(), key=lambda kv: (-kv[1], kv[0]))),
            "namesake_groups_first_father_family": sum(1 for v in key3.values() if v > 1),
            "persons_sharing_first_and_family": sum(v for v in key2.values() if v > 1),
            "households_with_several_listed_children": sum(1 for v in hh_kids.values() if v > 1),
            "listed_sons_named_after_grandfather_with_father_listed": sum(
                1
                for p in listed
                if p.father_id and p.first == p.gfather and by_pid[p.father_id].lists
            ),
            "co_arrested_brothers_listed": sum(1 for p in listed if p.co_arrest),
            "women_listed": sum(1 for p in listed if p.sex == "F"),
            "arrests_by_year_listed": dict(
                sorted(Counter(str(p.arrest.year) for p in listed if p.arrest).items())
            ),
            "largest_families_listed": Counter(p.family for p in listed).most_common(6),
            "first_names_of_listed_men": Counter(
                p.first for p in listed if p.sex == "M"
            ).most_common(4),
            "persons_latin_and_arabic": sum(
                1
                for p in listed
                if any(x in latin for x in p.lists) and any(x not in latin for x in p.lists)
            ),
            "wanted_never_detained_persons": sum(
                1 for p in listed if p.arrest is None and "wanted_leak" in p.lists
            ),
        }
        json.dump(stats, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
