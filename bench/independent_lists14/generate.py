"""Independent linkage test set 14: four lists of the missing, with ground truth.

Written blind (without seeing the engine). Standard library only.

    python3 generate.py --seed 14 --persons 20000 --out DIR [--stats]

Writes ru_reconciliation.csv, eg_community.csv, branch_archive.csv, idlib_court.csv,
truth.csv and persons.csv. The same seed writes byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import unicodedata
from collections import Counter

LISTS = ("ru_reconciliation", "eg_community", "branch_archive", "idlib_court")
LATIN = ("ru_reconciliation", "eg_community")
ARABIC = ("branch_archive", "idlib_court")

# ---------------------------------------------------------------------------------------------
# Names. Each name: Arabic spelling, a phonemic spelling, a weight.
# Phonemes: ' hamza, 3 ayn, H h-dot, x kh, S sh, C s-dot, D d-dot, T t-dot, Z z-dot, V th,
# Q dh, G gh, q qaf, j jim; a i u short, A I U long. A word "al-X" carries the article.
# ---------------------------------------------------------------------------------------------

MALE = [
    ("محمد", "muHammad", 120),
    ("أحمد", "'aHmad", 60),
    ("محمود", "maHmUd", 30),
    ("خالد", "xAlid", 25),
    ("علي", "3alI", 25),
    ("حسن", "Hasan", 20),
    ("حسين", "Husayn", 18),
    ("عمر", "3umar", 20),
    ("مصطفى", "muCTafA", 15),
    ("يوسف", "yUsuf", 15),
    ("إبراهيم", "'ibrAhIm", 15),
    ("عبد الله", "3abd allAh", 18),
    ("عبد الرحمن", "3abd al-raHmAn", 12),
    ("عبد الكريم", "3abd al-karIm", 8),
    ("عبد القادر", "3abd al-qAdir", 8),
    ("عبد الرزاق", "3abd al-razzAq", 5),
    ("عبد الحميد", "3abd al-HamId", 5),
    ("عبد الناصر", "3abd al-nACir", 4),
    ("سامر", "sAmir", 8),
    ("فادي", "fAdI", 8),
    ("رامي", "rAmI", 8),
    ("سامي", "sAmI", 6),
    ("هاني", "hAnI", 5),
    ("وليد", "walId", 10),
    ("مروان", "marwAn", 7),
    ("ماهر", "mAhir", 7),
    ("ياسر", "yAsir", 8),
    ("ناصر", "nACir", 6),
    ("جمال", "jamAl", 8),
    ("كمال", "kamAl", 5),
    ("جهاد", "jihAd", 6),
    ("طارق", "TAriq", 8),
    ("زياد", "ziyAd", 7),
    ("باسل", "bAsil", 6),
    ("بشار", "baSSAr", 5),
    ("شادي", "SAdI", 6),
    ("هشام", "hiSAm", 6),
    ("عماد", "3imAd", 7),
    ("إياد", "'iyAd", 6),
    ("أيمن", "'ayman", 7),
    ("أسامة", "'usAma", 8),
    ("أنس", "'anas", 7),
    ("معاذ", "mu3AQ", 5),
    ("مازن", "mAzin", 6),
    ("نزار", "nizAr", 4),
    ("فراس", "firAs", 5),
    ("غسان", "GassAn", 5),
    ("رياض", "riyAD", 5),
    ("عدنان", "3adnAn", 5),
    ("منذر", "munQir", 3),
    ("هيثم", "hayVam", 5),
    ("عثمان", "3uVmAn", 5),
    ("ثائر", "VA'ir", 3),
    ("قاسم", "qAsim", 6),
    ("جميل", "jamIl", 4),
    ("خليل", "xalIl", 6),
    ("إسماعيل", "'ismA3Il", 6),
    ("سليمان", "sulaymAn", 6),
    ("رضوان", "riDwAn", 4),
    ("صالح", "CAliH", 7),
    ("سعيد", "sa3Id", 6),
    ("مجد", "majd", 5),
    ("ماجد", "mAjid", 6),
    ("نبيل", "nabIl", 4),
    ("حمزة", "Hamza", 7),
    ("بلال", "bilAl", 5),
    ("عامر", "3Amir", 5),
    ("ضياء", "DiyA'", 3),
    ("ظافر", "ZAfir", 2),
    ("توفيق", "tawfIq", 3),
    ("رجب", "rajab", 3),
    ("حازم", "HAzim", 4),
    ("وائل", "wA'il", 5),
    ("مهند", "muhannad", 4),
    ("يحيى", "yaHyA", 5),
    ("زكريا", "zakariyyA", 4),
    ("عيسى", "3IsA", 3),
    ("موسى", "mUsA", 4),
    ("فايز", "fAyiz", 3),
    ("نجيب", "najIb", 3),
    ("حسام", "HusAm", 5),
    ("عصام", "3iCAm", 4),
    ("غياث", "GiyAV", 3),
    ("طلال", "TalAl", 3),
    ("لؤي", "lu'ayy", 3),
    ("قصي", "quCayy", 3),
    ("أيهم", "'ayham", 3),
]

FEMALE = [
    ("فاطمة", "fATima", 40),
    ("خديجة", "xadIja", 15),
    ("عائشة", "3A'iSa", 12),
    ("مريم", "maryam", 15),
    ("زينب", "zaynab", 12),
    ("آمنة", "'Amina", 10),
    ("هدى", "hudA", 8),
    ("سعاد", "su3Ad", 8),
    ("نور", "nUr", 10),
    ("رنا", "ranA", 8),
    ("ريم", "rIm", 8),
    ("سلمى", "salmA", 7),
    ("هبة", "hiba", 7),
    ("رشا", "raSA", 6),
    ("لينا", "lInA", 6),
    ("ديما", "dImA", 5),
    ("نادية", "nAdiya", 6),
    ("سميرة", "samIra", 6),
    ("منى", "munA", 7),
    ("أسماء", "'asmA'", 8),
    ("إيمان", "'ImAn", 9),
    ("حنان", "HanAn", 7),
    ("وفاء", "wafA'", 6),
    ("نجوى", "najwA", 5),
    ("غادة", "GAda", 5),
    ("جميلة", "jamIla", 5),
    ("رغد", "raGad", 4),
    ("بشرى", "buSrA", 4),
    ("سوسن", "sawsan", 4),
    ("ياسمين", "yAsamIn", 5),
    ("دعاء", "du3A'", 5),
    ("آلاء", "'AlA'", 5),
    ("روان", "rawAn", 5),
    ("لمى", "lamA", 4),
    ("نسرين", "nisrIn", 5),
    ("خلود", "xulUd", 4),
    ("عبير", "3abIr", 5),
    ("صفاء", "CafA'", 4),
    ("ابتسام", "'ibtisAm", 4),
    ("وداد", "widAd", 3),
    ("أمل", "'amal", 6),
    ("ختام", "xitAm", 3),
    ("زهرة", "zahra", 4),
    ("رقية", "ruqayya", 4),
]

# Family names: Arabic, phonemic (with its article, if any).
COUNTRY_FAMILIES = [
    ("الأحمد", "al-'aHmad"),
    ("العلي", "al-3alI"),
    ("المحمد", "al-muHammad"),
    ("الحسن", "al-Hasan"),
    ("الخطيب", "al-xaTIb"),
    ("الشيخ", "al-Sayx"),
    ("المصري", "al-miCrI"),
    ("الحلبي", "al-HalabI"),
    ("الصالح", "al-CAliH"),
    ("الإبراهيم", "al-'ibrAhIm"),
    ("العبد الله", "al-3abd allAh"),
]

REGIONS = {
    "damascus": {
        "gov": "01",
        "towns": [
            ("دمشق", "dimaSq", 8),
            ("دوما", "dUmA", 4),
            ("حرستا", "HarastA", 3),
            ("عربين", "3arbIn", 2),
            ("زملكا", "zamalkA", 2),
            ("كفر بطنا", "kafr baTnA", 2),
            ("سقبا", "saqbA", 2),
            ("جوبر", "jawbar", 2),
            ("داريا", "dArayyA", 3),
            ("المعضمية", "al-mu3aDDamiyya", 2),
            ("قدسيا", "qudsayyA", 1),
            ("التل", "al-tall", 1),
            ("يبرود", "yabrUd", 1),
        ],
        "families": [
            ("الشامي", "al-SAmI"),
            ("الدمشقي", "al-dimaSqI"),
            ("القباني", "al-qabbAnI"),
            ("البيطار", "al-bayTAr"),
            ("الحلاق", "al-HallAq"),
            ("الطباع", "al-TabbA3"),
            ("السمان", "al-sammAn"),
            ("النحاس", "al-naHHAs"),
            ("الخولاني", "al-xawlAnI"),
            ("الدوماني", "al-dUmAnI"),
            ("الشربجي", "al-Sarbaji"),
            ("ديب", "dIb"),
            ("عرنوس", "3arnUs"),
            ("الحكيم", "al-HakIm"),
            ("حمدان", "HamdAn"),
            ("الجزائري", "al-jazA'irI"),
            ("طه", "TAhA"),
            ("الريس", "al-rayyis"),
        ],
        "weight": 0.22,
    },
    "homs": {
        "gov": "04",
        "towns": [
            ("حمص", "HimC", 6),
            ("الرستن", "al-rastan", 2),
            ("تلبيسة", "talbIsa", 2),
            ("القصير", "al-quCayr", 2),
            ("الحولة", "al-HUla", 1),
            ("تلكلخ", "talkalax", 1),
        ],
        "families": [
            ("الأتاسي", "al-'atAsI"),
            ("السباعي", "al-sibA3I"),
            ("الجندلي", "al-jandalI"),
            ("الدروبي", "al-darUbI"),
            ("الحمصي", "al-HimCI"),
            ("الرفاعي", "al-rifA3I"),
            ("طلاس", "TallAs"),
            ("الزهراوي", "al-zahrAwI"),
            ("الخالدي", "al-xAlidI"),
            ("الفاخوري", "al-fAxUrI"),
            ("النعسان", "al-na3sAn"),
            ("الضاهر", "al-DAhir"),
            ("عبود", "3abbUd"),
        ],
        "weight": 0.14,
    },
    "hama": {
        "gov": "05",
        "towns": [
            ("حماة", "HamA", 5),
            ("كفرنبودة", "kafrnabUda", 1),
            ("صوران", "CUrAn", 1),
            ("مورك", "mUrik", 1),
            ("اللطامنة", "al-laTAmna", 1),
            ("السلمية", "al-salamiyya", 2),
        ],
        "families": [
            ("الحموي", "al-HamawI"),
            ("الكيلاني", "al-kIlAnI"),
            ("العظم", "al-3aZm"),
            ("البرازي", "al-barAzI"),
            ("الشيشكلي", "al-SISaklI"),
            ("الدالاتي", "al-dAlAtI"),
            ("السيد", "al-sayyid"),
            ("الأصفر", "al-'aCfar"),
            ("العمر", "al-3umar"),
            ("قنطقجي", "qunTuqjI"),
            ("المصطفى", "al-muCTafA"),
        ],
        "weight": 0.10,
    },
    "aleppo": {
        "gov": "02",
        "towns": [
            ("حلب", "Halab", 6),
            ("اعزاز", "3azAz", 1),
            ("الباب", "al-bAb", 2),
            ("عندان", "3andAn", 1),
            ("تل رفعت", "tall rif3at", 1),
            ("منبج", "manbij", 1),
        ],
        "families": [
            ("الجابري", "al-jAbirI"),
            ("الكيالي", "al-kayyAlI"),
            ("المدرس", "al-mudarris"),
            ("الشهابي", "al-SihAbI"),
            ("العقاد", "al-3aqqAd"),
            ("الدباغ", "al-dabbAG"),
            ("الطحان", "al-TaHHAn"),
            ("الأنصاري", "al-'anCArI"),
            ("الزعيم", "al-za3Im"),
            ("حداد", "HaddAd"),
            ("النجار", "al-najjAr"),
            ("الحاج حسين", "al-HAjj Husayn"),
        ],
        "weight": 0.16,
    },
    "idlib": {
        "gov": "07",
        "towns": [
            ("إدلب", "'idlib", 4),
            ("معرة النعمان", "ma3arrat al-nu3mAn", 2),
            ("سراقب", "sarAqib", 2),
            ("كفرنبل", "kafranbil", 2),
            ("جسر الشغور", "jisr al-SuGUr", 2),
            ("بنش", "binniS", 1),
        ],
        "families": [
            ("البكور", "al-bakkUr"),
            ("الإدلبي", "al-'idlibI"),
            ("الحسين", "al-Husayn"),
            ("قطيش", "quTayS"),
            ("اليوسف", "al-yUsuf"),
            ("الجسري", "al-jisrI"),
            ("العبود", "al-3abbUd"),
            ("السعيد", "al-sa3Id"),
            ("بركات", "barakAt"),
            ("الدغيم", "al-duGaym"),
            ("الرحال", "al-raHHAl"),
        ],
        "weight": 0.12,
    },
    "hauran": {
        "gov": "12",
        "towns": [
            ("درعا", "dar3A", 5),
            ("نوى", "nawA", 2),
            ("إنخل", "'inxil", 1),
            ("جاسم", "jAsim", 1),
            ("بصر الحرير", "buCr al-HarIr", 1),
            ("طفس", "Tafas", 1),
            ("الصنمين", "al-Canamayn", 1),
        ],
        "families": [
            ("الحريري", "al-HarIrI"),
            ("الزعبي", "al-zu3bI"),
            ("المقداد", "al-miqdAd"),
            ("المسالمة", "al-masAlma"),
            ("أبازيد", "'abAzayd"),
            ("الغزالي", "al-GazAlI"),
            ("البردان", "al-bardAn"),
            ("القداح", "al-qaddAH"),
            ("العودات", "al-3awdAt"),
            ("الجهماني", "al-jahmAnI"),
            ("الرفاعي", "al-rifA3I"),
        ],
        "weight": 0.12,
    },
    "east": {
        "gov": "09",
        "towns": [
            ("دير الزور", "dayr al-zUr", 4),
            ("الميادين", "al-mayAdIn", 2),
            ("البوكمال", "al-bUkamAl", 2),
            ("الرقة", "al-raqqa", 3),
            ("الحسكة", "al-Hasaka", 2),
        ],
        "families": [
            ("العبيد", "al-3ubayd"),
            ("الخلف", "al-xalaf"),
            ("الحمود", "al-HammUd"),
            ("الفرحان", "al-farHAn"),
            ("الجاسم", "al-jAsim"),
            ("الموسى", "al-mUsA"),
            ("الدندل", "al-dandal"),
            ("العكيدي", "al-3ukaydI"),
            ("البكاري", "al-bakkArI"),
            ("الشمري", "al-SammarI"),
            ("الجبوري", "al-jubUrI"),
        ],
        "weight": 0.09,
    },
    "coast": {
        "gov": "06",
        "towns": [
            ("اللاذقية", "al-lAQiqiyya", 4),
            ("جبلة", "jabla", 2),
            ("بانياس", "bAniyAs", 2),
        ],
        "families": [
            ("الخير", "al-xayr"),
            ("اللاذقاني", "al-lAQiqAnI"),
            ("الجبلاوي", "al-jablAwI"),
            ("ديوب", "diyUb"),
            ("عثمان", "3uVmAn"),
            ("حسون", "HassUn"),
            ("الأسعد", "al-'as3ad"),
            ("الهندي", "al-hindI"),
            ("الصوفي", "al-CUfI"),
        ],
        "weight": 0.05,
    },
}
REGION_ORDER = ("damascus", "homs", "hama", "aleppo", "idlib", "hauran", "east", "coast")

BRANCHES = ("215", "227", "235", "251", "air_force", "saydnaya")
BRANCH_AR = {
    "215": "الفرع 215",
    "227": "الفرع 227",
    "235": "فرع فلسطين 235",
    "251": "الفرع 251",
    "air_force": "المخابرات الجوية",
    "saydnaya": "سجن صيدنايا",
}
ARCHIVE_BRANCHES = ("215", "227", "235", "251")  # archives recovered in December 2024

# Russian renderings of frequent names (Cyrillic), overriding the generic rules.
RU_OVERRIDE = {
    "muHammad": ["Мухаммед", "Мухаммад", "Мохаммед", "Мохаммад", "Мухамед"],
    "'aHmad": ["Ахмед", "Ахмад"],
    "'ibrAhIm": ["Ибрагим", "Ибрахим"],
    "Husayn": ["Хусейн", "Хусейн", "Хуссейн", "Хусайн"],
    "yUsuf": ["Юсеф", "Юсуф"],
    "3alI": ["Али"],
    "3umar": ["Омар", "Умар"],
    "muCTafA": ["Мустафа"],
    "maHmUd": ["Махмуд"],
    "xAlid": ["Халид", "Халед"],
    "fATima": ["Фатима", "Фатьма"],
    "'usAma": ["Усама", "Осама"],
    "3uVmAn": ["Усман", "Осман"],
    "3A'iSa": ["Аиша", "Айша"],
    "zaynab": ["Зейнаб", "Зайнаб"],
    "'ismA3Il": ["Исмаил"],
    "mUsA": ["Муса"],
    "3IsA": ["Иса"],
    "yaHyA": ["Яхья"],
    "3abd allAh": ["Абдулла", "Абдалла", "Абдаллах"],
}
RU_TOWN = {
    "dimaSq": "Дамаск",
    "HimC": "Хомс",
    "HamA": "Хама",
    "Halab": "Алеппо",
    "'idlib": "Идлиб",
    "dar3A": "Дараа",
    "dayr al-zUr": "Дейр-эз-Зор",
    "al-lAQiqiyya": "Латакия",
    "al-raqqa": "Ракка",
    "dUmA": "Дума",
}
EG_OVERRIDE = {
    "muHammad": ["Mohamed", "Mohamed", "Mohamed", "Mohammed", "Mohamad"],
    "'aHmad": ["Ahmed"],
    "3alI": ["Aly", "Ali"],
    "Husayn": ["Hussein", "Hussien"],
    "Hasan": ["Hassan"],
    "muCTafA": ["Mostafa", "Moustafa"],
    "maHmUd": ["Mahmoud"],
    "yUsuf": ["Youssef", "Yousef"],
    "fATima": ["Fatma", "Fatma", "Fatima"],
    "3umar": ["Omar"],
    "'usAma": ["Osama"],
    "3abd allAh": ["Abdallah", "Abdalla", "Abd Allah"],
    "3A'iSa": ["Aisha", "Aysha"],
    "xadIja": ["Khadiga", "Khadiga", "Khadija"],
    "'ibrAhIm": ["Ibrahim", "Ebrahim"],
    "'ismA3Il": ["Esmail", "Ismail"],
}
EG_TOWN = {
    "dimaSq": "Damascus",
    "HimC": "Homs",
    "HamA": "Hama",
    "Halab": "Aleppo",
    "'idlib": "Idlib",
    "dar3A": "Daraa",
    "dayr al-zUr": "Deir El Zor",
    "al-lAQiqiyya": "Lattakia",
    "al-raqqa": "Raqqa",
}

VOWELS = "aiuAIU"


def isv(c: str) -> bool:
    """A vowel phoneme (the empty string, past a word's end, is not one)."""
    return c != "" and c in VOWELS


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def sub(rng: random.Random) -> random.Random:
    """A sub-generator seeded from the parent's bits (never from hash order)."""
    return random.Random(rng.getrandbits(64))


def wchoice(rng: random.Random, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


# ---------------------------------------------------------------------------------------------
# Russian (Cyrillic) rendering and its romanisation
# ---------------------------------------------------------------------------------------------

RU_CONS = {
    "b": "б",
    "t": "т",
    "V": "с",
    "j": "дж",
    "H": "х",
    "x": "х",
    "d": "д",
    "Q": "з",
    "r": "р",
    "z": "з",
    "s": "с",
    "S": "ш",
    "C": "с",
    "D": "д",
    "T": "т",
    "Z": "з",
    "G": "г",
    "f": "ф",
    "q": "к",
    "k": "к",
    "m": "м",
    "n": "н",
    "h": "х",
}


def ru_word(w: str, rng: random.Random) -> str:
    out = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        nx = w[i + 1] if i + 1 < n else ""
        if c in "'3":
            i += 1
            continue
        if c == "y":
            if nx == "y":
                out.append("йя" if i + 2 < n and w[i + 2] in "aA" else "й")
                i += 3 if i + 2 < n and w[i + 2] in "aA" else 2
                continue
            if nx in "aA":
                out.append("я")
                i += 2
                continue
            if nx in "uU":
                out.append("ю")
                i += 2
                continue
            out.append("й")
            i += 1
            continue
        if c == "w":
            out.append("в" if (isv(nx) or nx == "w") else "у")
            i += 1
            continue
        if c == "l":
            if nx == "l":
                out.append("лл")
                i += 2
                continue
            out.append("л" if isv(nx) else "ль")
            i += 1
            continue
        if c == "h" and nx == "" and i > 0:
            i += 1  # a final h is not heard (Абдулла)
            continue
        if c in "aA":
            if nx == "y" and (i + 2 >= n or not isv(w[i + 2])):
                out.append("е" if rng.random() < 0.6 else "а")
            else:
                out.append("а")
        elif c in "iI":
            out.append("и")
        elif c in "uU":
            out.append("у")
        elif c in RU_CONS:
            out.append(RU_CONS[c])
        i += 1
    s = "".join(out)
    return s[:1].upper() + s[1:] if s else s


def ru_name(phon: str, rng: random.Random, family: bool = False) -> str:
    if phon in RU_OVERRIDE:
        return rng.choice(RU_OVERRIDE[phon])
    if phon in RU_TOWN and rng.random() < 0.9:
        return RU_TOWN[phon]
    words = phon.split(" ")
    if words[0] == "3abd" and len(words) == 2:
        rest = words[1]
        stem = rest[3:] if rest.startswith("al-") else rest
        core = ru_word(stem, rng)
        style = rng.random()
        if style < 0.35:
            return "Абд аль-" + core
        if style < 0.6:
            return "Абдель " + core
        if style < 0.85:
            return "Абдуль-" + core
        return "Абдул" + core.lower()
    parts = []
    for w in words:
        if w.startswith("al-"):
            stem = w[3:]
            core = rng.choice(RU_OVERRIDE[stem]) if stem in RU_OVERRIDE else ru_word(stem, rng)
            r = rng.random()
            if family and r < 0.15:
                parts.append(core)  # the article left out
            elif r < 0.8:
                parts.append("аль-" + core)
            else:
                parts.append("Аль-" + core)
        else:
            parts.append(ru_word(w, rng))
    return " ".join(parts)


CYR_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "'",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def cyr_to_lat(s: str, apostrophe: bool) -> str:
    """BGN/PCGN-like romanisation; the soft sign as an apostrophe or dropped."""
    out = []
    prev = " "
    caps = [False] * len(s)
    start = 0
    for k in range(len(s) + 1):
        if k == len(s) or s[k] in " -":
            word = s[start:k]
            if len(word) > 1 and word.isupper():
                for j in range(start, k):
                    caps[j] = True
            start = k + 1
    for pos, ch in enumerate(s):
        low = ch.lower()
        if low in CYR_LAT:
            lat = CYR_LAT[low]
            if low == "е" and (prev in " -" or prev.lower() in "аеиоуыэюяьъ"):
                lat = "ye"
            if low == "ь" and not apostrophe:
                lat = ""
            if caps[pos]:
                lat = lat.upper()
            elif ch != low and lat:
                lat = lat[0].upper() + lat[1:]
            out.append(lat)
        else:
            out.append(ch)
        prev = ch
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Egyptian Latin spelling (g for jim, -y for a final i, Abd El, El for the article)
# ---------------------------------------------------------------------------------------------

EG_CONS = {
    "b": "b",
    "t": "t",
    "j": "g",
    "H": "h",
    "x": "kh",
    "d": "d",
    "Q": "z",
    "r": "r",
    "z": "z",
    "S": "sh",
    "D": "d",
    "T": "t",
    "Z": "z",
    "G": "gh",
    "f": "f",
    "k": "k",
    "l": "l",
    "m": "m",
    "n": "n",
    "h": "h",
    "w": "w",
    "y": "y",
}


def eg_word(w: str, rng: random.Random) -> str:
    out = []
    i = 0
    n = len(w)
    while i < n:
        c = w[i]
        nx = w[i + 1] if i + 1 < n else ""
        pv = w[i - 1] if i > 0 else ""
        if c in "'3":
            if i == 0 and nx in "iI":
                out.append("E" if rng.random() < 0.5 else "I")
                i += 2
                continue
            if i > 0 and isv(nx) and isv(pv):
                out.append("'" if rng.random() < 0.2 else "")
            i += 1
            continue
        if c in "sC":
            if isv(pv) and isv(nx) and rng.random() < 0.6:
                out.append("ss")
            else:
                out.append("s")
        elif c == "V":
            out.append("th" if rng.random() < 0.5 else "s")
        elif c == "q":
            out.append("k" if rng.random() < 0.6 else "q")
        elif c == "a":
            if nx == "y" and (i + 2 >= n or not isv(w[i + 2])):
                out.append("ei" if rng.random() < 0.7 else "ai")
                i += 2
                continue
            out.append("a")
        elif c == "A":
            out.append("a")
        elif c == "i":
            out.append("e" if (i + 1 < n and rng.random() < 0.7) else "i")
        elif c == "I":
            if i == n - 1:
                out.append("y" if rng.random() < 0.8 else "i")
            else:
                out.append("ee" if rng.random() < 0.25 else "i")
        elif c == "u":
            out.append("o" if rng.random() < 0.8 else "u")
        elif c == "U":
            r = rng.random()
            out.append("ou" if r < 0.6 else ("o" if r < 0.8 else "u"))
        elif c in EG_CONS:
            out.append(EG_CONS[c])
        i += 1
    s = "".join(out)
    return s[:1].upper() + s[1:] if s else s


def eg_name(phon: str, rng: random.Random, form: dict | None = None) -> str:
    if phon in EG_OVERRIDE:
        return rng.choice(EG_OVERRIDE[phon])
    if phon in EG_TOWN:
        return EG_TOWN[phon]
    words = phon.split(" ")
    if words[0] == "3abd" and len(words) == 2:
        rest = words[1]
        stem = rest[3:] if rest.startswith("al-") else rest
        core = eg_word(stem, rng)
        r = rng.random()
        if form is not None:
            form["abd_el"] = r < 0.55
        if r < 0.55:
            return "Abd El " + core
        if r < 0.8:
            return "Abdel " + core
        return "Abdel" + core.lower()
    parts = []
    for w in words:
        if w.startswith("al-"):
            core = eg_word(w[3:], rng)
            r = rng.random()
            if r < 0.6:
                parts.append("El " + core)
            elif r < 0.8:
                parts.append("El-" + core)
            elif r < 0.9:
                parts.append("Al " + core)
            else:
                parts.append(core)
        else:
            parts.append(eg_word(w, rng))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# Arabic damage
# ---------------------------------------------------------------------------------------------


def build_presentation_forms():
    forms: dict[str, dict[str, str]] = {}
    liga: dict[str, dict[str, str]] = {}
    for cp in range(0xFE70, 0xFEFD):
        ch = chr(cp)
        dec = unicodedata.decomposition(ch).split()
        if len(dec) < 2 or not dec[0].startswith("<"):
            continue
        tag = dec[0][1:-1]
        codes = [chr(int(x, 16)) for x in dec[1:]]
        if len(codes) == 1:
            forms.setdefault(codes[0], {})[tag] = ch
        elif len(codes) == 2 and codes[0] == "ل":
            liga.setdefault(codes[1], {})[tag] = ch
    return forms, liga


PFORMS, PLIGA = build_presentation_forms()
RIGHT_JOINING = "اأإآدذرزوؤةى"


def _dual(ch: str) -> bool:
    return ch in PFORMS and ch not in RIGHT_JOINING and ch != "ء"


def pdf_shape(text: str) -> str:
    """The contextual glyphs a PDF's text layer gives when copied (ﻣﺤﻤﺪ for محمد)."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch not in PFORMS:
            out.append(ch)
            i += 1
            continue
        joins_prev = i > 0 and _dual(text[i - 1])
        if ch == "ل" and i + 1 < n and text[i + 1] in PLIGA:
            tag = "final" if joins_prev else "isolated"
            out.append(PLIGA[text[i + 1]].get(tag, ch + text[i + 1]))
            i += 2
            continue
        joins_next = _dual(ch) and i + 1 < n and text[i + 1] in PFORMS
        if joins_prev and joins_next:
            tag = "medial"
        elif joins_prev:
            tag = "final"
        elif joins_next:
            tag = "initial"
        else:
            tag = "isolated"
        f = PFORMS[ch]
        out.append(f.get(tag) or f.get("isolated") or ch)
        i += 1
    return "".join(out)


def drop_hamza(s: str) -> str:
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ؤ", "و")


def taa_to_haa(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def join_abd(s: str) -> str:
    return s.replace("عبد ال", "عبدال")


def typo(s: str, rng: random.Random) -> str:
    idx = [i for i, c in enumerate(s) if c.isalpha()]
    if len(idx) < 4:
        return s
    i = rng.choice(idx[1:-1])
    r = rng.random()
    if r < 0.4 and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if r < 0.7:
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]


# ---------------------------------------------------------------------------------------------
# Calendars
# ---------------------------------------------------------------------------------------------


def to_hijri(d: dt.date) -> tuple[int, int, int]:
    """Tabular Islamic calendar (civil epoch)."""
    jd = d.toordinal() + 1721425
    lv = jd - 1948440 + 10632
    n = (lv - 1) // 10631
    lv = lv - 10631 * n + 354
    j = ((10985 - lv) // 5316) * ((50 * lv) // 17719) + (lv // 5670) * ((43 * lv) // 15238)
    lv = lv - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * lv) // 709
    day = lv - (709 * m) // 24
    y = 30 * n + j - 30
    return y, m, day


EN_MONTHS = (
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
)
RU_MONTHS = (
    "yanvar'",
    "fevral'",
    "mart",
    "aprel'",
    "may",
    "iyun'",
    "iyul'",
    "avgust",
    "sentyabr'",
    "oktyabr'",
    "noyabr'",
    "dekabr'",
)


# ---------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------


class Person:
    __slots__ = (  # noqa: RUF023 (kept in the order of persons.csv)
        "pid",
        "region",
        "clan",
        "household",
        "role",
        "sex",
        "first",
        "father",
        "grandfather",
        "ggf",
        "family",
        "mother_first",
        "mother_family",
        "mother_father",
        "birth",
        "birth_town",
        "home_town",
        "nid",
        "married_into",
        "arrest",
        "arrest_town",
        "branch",
        "fate",
        "father_id",
        "mother_id",
        "lists",
    )

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))
        self.lists = []


def rand_date(rng: random.Random, y0: int, y1: int) -> dt.date:
    start = dt.date(y0, 1, 1).toordinal()
    end = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, end))


def make_population(rng: random.Random, n_persons: int):
    rn = sub(rng)  # names
    rf = sub(rng)  # families and structure
    rd = sub(rng)  # dates and detention
    rid = sub(rng)  # national numbers
    m_items = [m[:2] for m in MALE]
    m_w = [m[2] for m in MALE]
    f_items = [f[:2] for f in FEMALE]
    f_w = [f[2] for f in FEMALE]
    persons: list[Person] = []
    used_nid: dict[str, int] = {}
    clans = []
    reg_w = [REGIONS[r]["weight"] for r in REGION_ORDER]
    clan_no = 0
    hh_no = 0

    def new_nid(gov: str) -> str:
        while True:
            v = gov + "".join(str(rid.randint(0, 9)) for _ in range(9))
            if v not in used_nid:
                used_nid[v] = 1
                return v

    def add(p: Person) -> bool:
        if len(persons) >= n_persons:
            return False
        p.pid = f"P{len(persons) + 1:06d}"
        persons.append(p)
        return True

    while len(persons) < n_persons:
        region = wchoice(rf, REGION_ORDER, reg_w)
        reg = REGIONS[region]
        country_wide = rf.random() < 0.25
        fam = rf.choice(COUNTRY_FAMILIES) if country_wide else rf.choice(reg["families"])
        towns = reg["towns"]
        home = wchoice(rf, towns, [t[2] for t in towns])[:2]
        clan_no += 1
        clan_id = f"C{clan_no:04d}"
        clans.append(clan_id)
        for _g in range(rf.randint(1, 4)):
            gf = wchoice(rn, m_items, m_w)
            ggf = wchoice(rn, m_items, m_w)
            gm = wchoice(rn, f_items, f_w)
            used_sons: list[str] = []
            for _s in range(rf.randint(1, 4)):
                hh_no += 1
                hh = f"H{hh_no:05d}"
                while True:
                    fn = wchoice(rn, m_items, m_w)
                    if fn[0] not in used_sons:
                        break
                used_sons.append(fn[0])
                fb = rand_date(rd, 1938, 1970)
                father = Person(
                    region=region,
                    clan=clan_id,
                    household=hh,
                    role="father",
                    sex="M",
                    first=fn,
                    father=gf,
                    grandfather=ggf,
                    ggf=None,
                    family=fam,
                    mother_first=gm,
                    mother_family=fam if rf.random() < 0.4 else rf.choice(reg["families"]),
                    mother_father=wchoice(rn, m_items, m_w),
                    birth=fb,
                    birth_town=home,
                    home_town=home,
                    nid=new_nid(reg["gov"]),
                )
                if not add(father):
                    break
                if rf.random() < 0.4:
                    wfam = fam
                else:
                    wfam = rf.choice(reg["families"] + COUNTRY_FAMILIES[:4])
                wife_father = wchoice(rn, m_items, m_w)
                mb = fb + dt.timedelta(days=rd.randint(365 * 2, 365 * 12))
                wife = Person(
                    region=region,
                    clan=clan_id,
                    household=hh,
                    role="mother",
                    sex="F",
                    first=wchoice(rn, f_items, f_w),
                    father=wife_father,
                    grandfather=wchoice(rn, m_items, m_w),
                    family=wfam,
                    mother_first=wchoice(rn, f_items, f_w),
                    mother_family=rf.choice(reg["families"]),
                    mother_father=wchoice(rn, m_items, m_w),
                    birth=mb,
                    birth_town=home
                    if wfam == fam
                    else wchoice(rf, towns, [t[2] for t in towns])[:2],
                    home_town=home,
                    nid=new_nid(reg["gov"]),
                    married_into=fam[0],
                )
                if not add(wife):
                    break
                used_kids: list[str] = []
                kb = dt.date(mb.year + rd.randint(18, 24), 1, 1)
                for k in range(rf.randint(1, 6)):
                    if kb.year > 2004:
                        break
                    sex = "M" if rf.random() < 0.52 else "F"
                    if sex == "M" and k == 0 and rf.random() < 0.45:
                        nm = gf
                    elif sex == "F" and rf.random() < 0.2:
                        nm = gm
                    else:
                        nm = None
                    for _t in range(50):
                        if nm is not None and nm[0] not in used_kids:
                            break
                        nm = wchoice(rn, m_items, m_w) if sex == "M" else wchoice(rn, f_items, f_w)
                    used_kids.append(nm[0])
                    birth = kb + dt.timedelta(days=rd.randint(0, 364))
                    married = None
                    if sex == "F" and birth.year < 1994 and rf.random() < 0.6:
                        married = rf.choice(reg["families"] + COUNTRY_FAMILIES)[0]
                    child = Person(
                        region=region,
                        clan=clan_id,
                        household=hh,
                        role="child",
                        sex=sex,
                        first=nm,
                        father=fn,
                        grandfather=gf,
                        ggf=ggf,
                        family=fam,
                        mother_first=wife.first,
                        mother_family=wfam,
                        mother_father=wife_father,
                        birth=birth,
                        birth_town=home
                        if rf.random() < 0.85
                        else wchoice(rf, towns, [t[2] for t in towns])[:2],
                        home_town=home,
                        nid=new_nid(reg["gov"]),
                        married_into=married,
                        father_id=father.pid,
                        mother_id=wife.pid,
                    )
                    if not add(child):
                        break
                    kb = dt.date(birth.year + rd.randint(1, 4), 1, 1)
            # father's ggf is the clan's great-grandfather for the Egyptian four-part name
        for p in persons[-40:]:
            if p.clan == clan_id and p.role == "father" and p.ggf is None:
                p.ggf = wchoice(rn, m_items, m_w)
    for p in persons:
        if p.ggf is None:
            p.ggf = wchoice(rn, m_items, m_w)

    # detention
    year_w = {2011: 14, 2012: 30, 2013: 24, 2014: 12, 2015: 8, 2016: 7, 2017: 5}
    years = list(year_w)
    for p in persons:
        by = p.birth.year
        if p.sex == "M":
            prob = 0.45 if 1955 <= by <= 1996 else (0.12 if 1940 <= by <= 1954 else 0.0)
        else:
            prob = 0.08 if 1950 <= by <= 1996 else 0.0
        if rd.random() >= prob:
            continue
        for _t in range(20):
            y = wchoice(rd, years, [year_w[x] for x in years])
            d = rand_date(rd, y, y)
            if (d - p.birth).days >= 15 * 365 + 4:
                break
        else:
            continue
        if (d - p.birth).days < 15 * 365 + 4:
            continue
        p.arrest = d
        towns = REGIONS[p.region]["towns"]
        if rd.random() < 0.5:
            p.arrest_town = p.home_town
        else:
            p.arrest_town = wchoice(rd, towns, [t[2] for t in towns])[:2]
        p.branch = wchoice(rd, BRANCHES, [24, 18, 16, 10, 16, 16])
        p.fate = wchoice(rd, ("died", "missing", "released"), [36, 52, 12])
    return persons, clans, hh_no


# ---------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------

RU_FACTOR = {
    "damascus": 1.0,
    "hauran": 1.0,
    "homs": 0.8,
    "hama": 0.1,
    "aleppo": 0.1,
    "idlib": 0.05,
    "east": 0.05,
    "coast": 0.03,
}
EG_FACTOR = {
    "damascus": 1.0,
    "homs": 0.9,
    "hama": 0.5,
    "hauran": 0.6,
    "aleppo": 0.5,
    "idlib": 0.3,
    "east": 0.2,
    "coast": 0.2,
}
COURT_FACTOR = {
    "idlib": 1.0,
    "aleppo": 0.5,
    "hama": 0.6,
    "homs": 0.3,
    "damascus": 0.25,
    "hauran": 0.25,
    "east": 0.15,
    "coast": 0.1,
}
GHOUTA = ("dUmA", "HarastA", "3arbIn", "zamalkA", "kafr baTnA", "saqbA", "jawbar")

# Nominal form rates, shares of each list's records, checked by the selftest.
EXPECTED = {
    ("ru_reconciliation", "family_first"): 0.55,
    ("ru_reconciliation", "family_upper"): 0.17,
    ("ru_reconciliation", "soft_sign_apostrophe"): 0.25,
    ("ru_reconciliation", "cyrillic_left"): 0.04,
    ("ru_reconciliation", "two_names"): 0.25,
    ("ru_reconciliation", "kh"): 0.80,
    ("ru_reconciliation", "dzh"): 0.13,
    ("ru_reconciliation", "mother"): 0.30,
    ("ru_reconciliation", "birth_dotted"): 0.45,
    ("ru_reconciliation", "arrest_month_ru"): 0.10,
    ("ru_reconciliation", "birth_gr"): 0.08,
    ("ru_reconciliation", "birth_year_off"): 0.07,
    ("eg_community", "four_part"): 0.45,
    ("eg_community", "no_family"): 0.10,
    ("eg_community", "first_family"): 0.15,
    ("eg_community", "upper"): 0.30,
    ("eg_community", "g_for_jim"): 0.12,
    ("eg_community", "final_y"): 0.37,
    ("eg_community", "typo"): 0.03,
    ("eg_community", "mother"): 0.75,
    ("eg_community", "birth_full_date"): 0.40,
    ("eg_community", "birth_year_off"): 0.06,
    ("branch_archive", "pdf_glyphs"): 0.25,
    ("branch_archive", "pdf_reversed"): 0.08,
    ("branch_archive", "four_part"): 0.10,
    ("branch_archive", "first_family"): 0.12,
    ("branch_archive", "mother"): 0.92,
    ("branch_archive", "torn"): 0.04,
    ("branch_archive", "indic_digits"): 0.35,
    ("branch_archive", "birth_place_year"): 0.15,
    ("branch_archive", "transfer_repeat"): 0.08,
    ("idlib_court", "court_word"): 0.25,
    ("idlib_court", "mother_bint"): 0.30,
    ("idlib_court", "arrest_hijri"): 0.35,
    ("idlib_court", "birth_hijri"): 0.25,
    ("idlib_court", "birth_greg_m"): 0.30,
    ("idlib_court", "qayd"): 0.35,
    ("idlib_court", "grandfather"): 0.60,
    ("idlib_court", "hamza_dropped"): 0.25,
    ("idlib_court", "abd_joined"): 0.06,
    ("idlib_court", "laqab_note"): 0.08,
    ("idlib_court", "national_id"): 0.40,
    ("idlib_court", "indic_digits"): 0.50,
}


def birth_year_value(p: Person, rng: random.Random, off_rate: float) -> tuple[int, bool]:
    y = p.birth.year
    if rng.random() < off_rate:
        return y + rng.choice((-1, 1)), True
    return y, False


def make_ru(p: Person, rng: random.Random, idx: int, doc_apostrophe: bool):
    forms: dict = {}
    cyr_left = rng.random() < 0.04
    fam = ru_name(p.family[1], rng, family=True)
    first = ru_name(p.first[1], rng)
    father = ru_name(p.father[1], rng)
    two = rng.random() < 0.25
    forms["two_names"] = two
    fam_first = rng.random() < 0.55
    forms["family_first"] = fam_first
    upper = fam_first and rng.random() < 0.3
    if upper:
        fam = fam.upper()
    forms["family_upper"] = upper
    given = first if two else first + " " + father
    cyr = fam + " " + given if fam_first else given + " " + fam
    mother = ""
    if rng.random() < 0.3:
        mother = ru_name(p.mother_first[1], rng)
    forms["mother"] = bool(mother)
    forms["cyrillic_left"] = cyr_left
    if cyr_left:
        full = cyr
    else:
        full = cyr_to_lat(cyr, doc_apostrophe)
        mother = cyr_to_lat(mother, doc_apostrophe)
    forms["soft_sign_apostrophe"] = "'" in full
    forms["kh"] = "kh" in full.lower() or "х" in full.lower()
    forms["dzh"] = "dzh" in full.lower() or "дж" in full.lower()
    y, off = birth_year_value(p, rng, 0.07)
    forms["birth_year_off"] = off
    r = rng.random()
    forms["birth_dotted"] = r < 0.45
    if r < 0.35:
        by = f"{p.birth.day:02d}.{p.birth.month:02d}.{y}"
    elif r < 0.45:
        by = f"01.01.{y}"
    elif r < 0.85:
        by = str(y)
    else:
        by = ""
    # "1985 г.р." (год рождения, "year of birth"), as Russian lists write a bare year
    forms["birth_gr"] = bool(by) and r >= 0.45 and rng.random() < 0.2
    if forms["birth_gr"]:
        by = f"{y} г.р." if cyr_left else f"{y} g.r."
    a = p.arrest
    r = rng.random()
    forms["arrest_month_ru"] = 0.4 <= r < 0.5
    if r < 0.4:
        da = f"{a.day:02d}.{a.month:02d}.{a.year}"
    elif r < 0.5:
        da = f"{RU_MONTHS[a.month - 1]} {a.year}"
    elif r < 0.75:
        da = str(a.year)
    else:
        da = ""
    town = ru_name(p.arrest_town[1], rng)
    r = rng.random()
    if r < 0.6:
        pa = town
    elif r < 0.75:
        pa = "KPP " + town if cyr_left else "KPP " + cyr_to_lat(town, doc_apostrophe)
    else:
        pa = ""
    if pa and not cyr_left and not pa.startswith("KPP"):
        pa = cyr_to_lat(pa, doc_apostrophe)
    if cyr_left and pa.startswith("KPP"):
        pa = "КПП " + town
    bp = ""
    if rng.random() < 0.4:
        bp = ru_name(p.birth_town[1], rng)
        bp = bp if cyr_left else cyr_to_lat(bp, doc_apostrophe)
    area = {"damascus": "RD", "hauran": "DR", "homs": "KhM"}.get(p.region, "SY")
    status = {"missing": "ne naydeno", "died": "ne naydeno", "released": "osvobozhden"}[p.fate]
    if rng.random() < 0.3:
        status = "zaderzhan" if p.fate != "released" else status
    row = {
        "record_id": f"TsPVS-{2016 + idx % 3}-{area}-{idx:05d}",
        "full_name": full,
        "mother_name": mother,
        "birth_year": by,
        "birth_place": bp,
        "date_of_arrest": da,
        "place_of_arrest": pa,
        "otvet": status,
    }
    return row, forms


def make_eg(p: Person, rng: random.Random, idx: int):
    forms: dict = {}
    abd: dict = {}
    first = eg_name(p.first[1], rng, abd)
    father = eg_name(p.father[1], rng, abd)
    gf = eg_name(p.grandfather[1], rng, abd)
    fam = eg_name(p.family[1], rng)
    r = rng.random()
    forms["four_part"] = r < 0.45
    forms["no_family"] = 0.45 <= r < 0.55
    forms["first_family"] = r >= 0.85
    if r < 0.45:
        full = f"{first} {father} {gf} {fam}"
    elif r < 0.55:
        full = f"{first} {father} {gf} {eg_name(p.ggf[1], rng)}"
    elif r < 0.85:
        full = f"{first} {father} {fam}"
    else:
        full = f"{first} {fam}"
    forms["typo"] = rng.random() < 0.03
    if forms["typo"]:
        full = typo(full, rng)
    upper = rng.random() < 0.3
    forms["upper"] = upper
    if upper:
        full = full.upper()
    low = full.lower()
    forms["g_for_jim"] = any("j" in x[1] for x in (p.first, p.father, p.family)) and "g" in low
    forms["final_y"] = any(w.endswith("y") for w in low.split())
    r = rng.random()
    if r < 0.55:
        mother = eg_name(p.mother_first[1], rng)
    elif r < 0.75:
        mother = eg_name(p.mother_first[1], rng) + " " + eg_name(p.mother_family[1], rng)
    else:
        mother = ""
    forms["mother"] = bool(mother)
    if upper:
        mother = mother.upper()
    y, off = birth_year_value(p, rng, 0.06)
    forms["birth_year_off"] = off
    r = rng.random()
    forms["birth_full_date"] = r < 0.4
    if r < 0.4:
        by = f"{p.birth.day:02d}/{p.birth.month:02d}/{y}"
    elif r < 0.75:
        by = str(y)
    else:
        by = ""
    a = p.arrest
    r = rng.random()
    if r < 0.4:
        da = f"{a.day:02d}/{a.month:02d}/{a.year}"
    elif r < 0.6:
        da = f"{EN_MONTHS[a.month - 1]} {a.year}"
    elif r < 0.85:
        da = str(a.year)
    else:
        da = ""
    town = eg_name(p.arrest_town[1], rng)
    r = rng.random()
    if r < 0.55:
        pa = town
    elif r < 0.7:
        pa = f"Checkpoint {town}" if rng.random() < 0.5 else f"{town} checkpoint"
    elif r < 0.8:
        pa = "From home"
    else:
        pa = ""
    bp = eg_name(p.birth_town[1], rng) if rng.random() < 0.6 else ""
    rel = rng.choice(("brother", "son", "husband", "father", "cousin", "nephew"))
    if p.sex == "F":
        rel = rng.choice(("sister", "daughter", "wife", "mother"))
    sex = {"M": rng.choice(("M", "Male")), "F": rng.choice(("F", "Female"))}[p.sex]
    if rng.random() < 0.15:
        sex = ""
    row = {
        "record_id": f"EG-6OCT-{idx:05d}",
        "full_name": full,
        "mother_name": mother,
        "sex": sex,
        "birth_year": by,
        "birth_place": bp,
        "date_of_arrest": da,
        "place_of_arrest": pa,
        "relation": rel,
    }
    return row, forms


def make_archive(p: Person, rng: random.Random, idx: int, branch: str, repeat: bool):
    forms: dict = {}
    r = rng.random()
    forms["four_part"] = r < 0.10
    forms["first_family"] = r >= 0.88
    if r < 0.10:
        parts = [p.first[0], p.father[0], p.grandfather[0], p.family[0]]
    elif r < 0.88:
        parts = [p.first[0], p.father[0], p.family[0]]
    else:
        parts = [p.first[0], p.family[0]]
    torn = rng.random() < 0.04
    forms["torn"] = torn
    if torn:
        k = rng.randrange(len(parts))
        parts[k] = "[ممزق]" if rng.random() < 0.5 else "غير واضح"
    full = " ".join(parts)
    if rng.random() < 0.10:
        full = drop_hamza(full)
    if rng.random() < 0.3:
        full = join_abd(full)
    mother = p.mother_first[0] if rng.random() < 0.92 else ""
    forms["mother"] = bool(mother)
    g = rng.random() < 0.25
    rev = rng.random() < 0.08
    forms["pdf_glyphs"] = g
    forms["pdf_reversed"] = rev
    if g:
        full = pdf_shape(full)
        mother = pdf_shape(mother)
    if rev:
        full = full[::-1]
        mother = mother[::-1]
    indic = rng.random() < 0.35
    forms["indic_digits"] = indic
    y = p.birth.year
    r = rng.random()
    bp = p.birth_town[0]
    forms["birth_place_year"] = False
    if r < 0.4:
        by = f"{y}/{p.birth.month}/{p.birth.day}"
    elif r < 0.85:
        by = str(y)
    else:
        by = ""
    if rng.random() < 0.15:
        forms["birth_place_year"] = True
        bp = f"{bp} {y}"
    elif rng.random() < 0.3:
        bp = ""
    a = p.arrest
    if repeat:  # entered again at a transfer, a few weeks later
        a = a + dt.timedelta(days=rng.randint(7, 120))
    r = rng.random()
    if r < 0.7:
        da = f"{a.year}/{a.month}/{a.day}"
    elif r < 0.85:
        da = f"{a.year}/{a.month}"
    else:
        da = ""
    if indic:
        by = by.translate(ARABIC_INDIC)
        da = da.translate(ARABIC_INDIC)
        bp = bp.translate(ARABIC_INDIC)
    r = rng.random()
    if r < 0.5:
        pa = p.arrest_town[0]
    elif r < 0.7:
        pa = "حاجز " + p.arrest_town[0]
    else:
        pa = ""
    forms["transfer_repeat"] = repeat
    num = f"{branch}-{a.year}-{idx:05d}"
    row = {
        "رقم السجل": num,
        "الاسم الكامل": full,
        "اسم الأم": mother,
        "سنة الولادة": by,
        "مكان الولادة": bp,
        "تاريخ الاعتقال": da,
        "مكان الاعتقال": pa,
        "الفرع": BRANCH_AR[branch],
        "ملاحظات": "نقل من فرع آخر" if repeat else "",
    }
    return row, forms


def make_court(p: Person, rng: random.Random, idx: int, second: bool):
    forms: dict = {}
    first = p.first[0]
    father = p.father[0]
    gf = p.grandfather[0] if rng.random() < 0.6 else ""
    forms["grandfather"] = bool(gf)
    fam = p.family[0]
    cw = rng.random() < 0.25
    forms["court_word"] = cw
    if cw:
        if p.sex == "F":
            word = rng.choice(("الغائبة", "المفقودة", "الغائبة المفقودة"))
        else:
            word = rng.choice(("الغائب", "المفقود", "الغائب المفقود"))
        first = word + " " + first
    hd = rng.random() < 0.25
    forms["hamza_dropped"] = hd
    cells = [first, father, gf, fam]
    if hd:
        cells = [drop_hamza(c) for c in cells]
    if rng.random() < 0.12:
        cells = [taa_to_haa(c) for c in cells]
    joined = False
    if rng.random() < 0.3:
        new = [join_abd(c) for c in cells]
        joined = new != cells
        cells = new
    forms["abd_joined"] = joined
    first, father, gf, fam = cells
    r = rng.random()
    forms["mother_bint"] = r < 0.30
    if r < 0.30:
        mother = f"{p.mother_first[0]} بنت {p.mother_father[0]}"
    elif r < 0.80:
        mother = p.mother_first[0]
    else:
        mother = f"{p.mother_first[0]} {p.mother_family[0]}"
    if hd:
        mother = drop_hamza(mother)
    by_y = p.birth.year
    r = rng.random()
    forms["birth_hijri"] = r < 0.25
    forms["birth_greg_m"] = 0.25 <= r < 0.55
    if r < 0.25:
        by = f"{to_hijri(p.birth)[0]} هـ"
    elif r < 0.55:
        by = f"{by_y} م"
    elif r < 0.8:
        by = str(by_y)
    else:
        by = ""
    a = p.arrest
    r = rng.random()
    forms["arrest_hijri"] = r < 0.35
    if r < 0.35:
        hy, hm, hdd = to_hijri(a)
        da = f"{hdd}/{hm}/{hy} هـ"
    elif r < 0.65:
        da = f"{a.day}/{a.month}/{a.year} م"
    elif r < 0.85:
        da = str(a.year)
    else:
        da = ""
    r = rng.random()
    forms["qayd"] = r < 0.35
    if r < 0.35:
        bp = f"قيد {p.home_town[0]} {rng.randint(1, 400)}"
    elif r < 0.7:
        bp = p.birth_town[0]
    else:
        bp = ""
    nid = p.nid if rng.random() < 0.4 else ""
    forms["national_id"] = bool(nid)
    if nid and rng.random() < 0.05:
        k = rng.randrange(len(nid) - 1)
        nid = nid[:k] + nid[k + 1] + nid[k] + nid[k + 2 :]
    indic = rng.random() < 0.5
    forms["indic_digits"] = indic
    if indic:
        by = by.translate(ARABIC_INDIC)
        da = da.translate(ARABIC_INDIC)
        bp = bp.translate(ARABIC_INDIC)
        nid = nid.translate(ARABIC_INDIC)
    r = rng.random()
    if r < 0.45:
        pa = p.arrest_town[0]
    elif r < 0.65:
        pa = "حاجز " + p.arrest_town[0]
    elif r < 0.75:
        pa = BRANCH_AR[p.branch]
    else:
        pa = ""
    laqab = rng.random() < 0.08
    forms["laqab_note"] = laqab
    note = ""
    if laqab:
        note = "الملقب أبو " + (p.first[0] if p.role == "child" else "محمد")
    claimant = "الزوجة" if p.role == "father" else rng.choice(("الأب", "الأم", "الأخ"))
    if p.sex == "F":
        claimant = rng.choice(("الأب", "الأخ", "الزوج"))
    case = "تثبيت وفاة" if second else rng.choice(("تثبيت غياب", "تثبيت غياب", "تثبيت وفاة"))
    row = {
        "رقم السجل": f"م.ش/{rng.choice(('إدلب', 'سرمدا', 'الدانا', 'أريحا'))}/{idx:05d}",
        "الاسم": first,
        "اسم الأب": father,
        "اسم الجد": gf,
        "الكنية": fam,
        "اسم الأم": mother,
        "الجنس": "ذكر" if p.sex == "M" else "أنثى",
        "سنة الولادة": by,
        "مكان الولادة": bp,
        "الرقم الوطني": nid,
        "تاريخ الاعتقال": da,
        "مكان الاعتقال": pa,
        "نوع الدعوى": case,
        "صفة المدعي": claimant,
        "ملاحظات": note,
    }
    return row, forms


HEADERS = {
    "ru_reconciliation": [
        "record_id",
        "full_name",
        "mother_name",
        "birth_year",
        "birth_place",
        "date_of_arrest",
        "place_of_arrest",
        "otvet",
    ],
    "eg_community": [
        "record_id",
        "full_name",
        "mother_name",
        "sex",
        "birth_year",
        "birth_place",
        "date_of_arrest",
        "place_of_arrest",
        "relation",
    ],
    "branch_archive": [
        "رقم السجل",
        "الاسم الكامل",
        "اسم الأم",
        "سنة الولادة",
        "مكان الولادة",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
        "الفرع",
        "ملاحظات",
    ],
    "idlib_court": [
        "رقم السجل",
        "الاسم",
        "اسم الأب",
        "اسم الجد",
        "الكنية",
        "اسم الأم",
        "الجنس",
        "سنة الولادة",
        "مكان الولادة",
        "الرقم الوطني",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
        "نوع الدعوى",
        "صفة المدعي",
        "ملاحظات",
    ],
}


def build_lists(persons: list[Person], rng: random.Random):
    r_sel = sub(rng)
    r_ru = sub(rng)
    r_eg = sub(rng)
    r_ar = sub(rng)
    r_ct = sub(rng)
    documented: dict[str, bool] = {}
    entries: dict[str, list] = {name: [] for name in LISTS}  # (person, extra)
    for p in persons:
        if p.arrest is None:
            continue
        if p.household not in documented:
            documented[p.household] = r_sel.random() < 0.85
        if not documented[p.household]:
            continue
        # Russian reconciliation lists: families' requests in the areas under settlement
        f = RU_FACTOR[p.region]
        if p.region == "damascus" and p.home_town[1] in GHOUTA:
            f *= 1.4
        fate_f = {"missing": 1.0, "died": 0.7, "released": 0.25}[p.fate]
        if r_sel.random() < 0.62 * f * fate_f:
            entries["ru_reconciliation"].append((p, 0))
            if r_sel.random() < 0.04:
                entries["ru_reconciliation"].append((p, 1))
        # Egyptian community association
        fate_f = {"missing": 1.0, "died": 0.8, "released": 0.3}[p.fate]
        if r_sel.random() < 0.52 * EG_FACTOR[p.region] * fate_f:
            entries["eg_community"].append((p, 0))
            if r_sel.random() < 0.07:
                entries["eg_community"].append((p, 1))
        # branch archives recovered in December 2024
        if p.branch in ARCHIVE_BRANCHES and p.arrest.year <= 2016 and r_sel.random() < 0.45:
            entries["branch_archive"].append((p, 0))
            if r_sel.random() < 0.09:
                entries["branch_archive"].append((p, 1))
        # Idlib court cases of absence
        if p.fate != "released":
            f = COURT_FACTOR[p.region]
            if p.region in ("damascus", "homs", "hauran") and p.home_town[1] in (
                (*GHOUTA, "al-rastan", "talbIsa", "dar3A", "nawA", "Tafas")
            ):
                f = 0.35  # displaced to the north in 2018
            role_f = 1.0 if p.role == "father" else 0.55
            if r_sel.random() < 0.9 * f * role_f:
                entries["idlib_court"].append((p, 0))
                if r_sel.random() < 0.03:
                    entries["idlib_court"].append((p, 1))
    out: dict[str, list] = {}
    for name in LISTS:
        ents = entries[name]
        order = list(range(len(ents)))
        sub(r_sel).shuffle(order)
        rows = []
        for k, j in enumerate(order):
            p, extra = ents[j]
            idx = k + 1
            if name == "ru_reconciliation":
                doc_apos = r_ru.random() < 0.3  # two volunteers romanised the lists
                row, forms = make_ru(p, r_ru, idx, doc_apos)
            elif name == "eg_community":
                row, forms = make_eg(p, r_eg, idx)
            elif name == "branch_archive":
                br = p.branch
                if extra:
                    others = [b for b in ARCHIVE_BRANCHES if b != p.branch]
                    br = r_ar.choice(others)
                row, forms = make_archive(p, r_ar, idx, br, bool(extra))
            else:
                row, forms = make_court(p, r_ct, idx, bool(extra))
            rows.append((row, forms, p))
            if name not in p.lists:
                p.lists.append(name)
        out[name] = rows
    return out


def write_csv(path: str, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


def generate(seed: int, n_persons: int, out: str):
    rng = random.Random(seed)
    persons, clans, n_households = make_population(sub(rng), n_persons)
    lists = build_lists(persons, sub(rng))
    os.makedirs(out, exist_ok=True)
    truth = []
    for name in LISTS:
        header = HEADERS[name]
        rows = [[row[h] for h in header] for row, _f, _p in lists[name]]
        write_csv(os.path.join(out, name + ".csv"), header, rows)
        id_col = header[0]
        for row, _f, p in lists[name]:
            truth.append([name, row[id_col], p.pid])
    write_csv(os.path.join(out, "truth.csv"), ["list", "record_id", "person_id"], truth)
    ph = [
        "person_id",
        "region",
        "clan",
        "household",
        "role",
        "sex",
        "first_name",
        "father_name",
        "grandfather_name",
        "great_grandfather_name",
        "family_name",
        "mother_first_name",
        "mother_family_name",
        "mother_father_name",
        "birth_date",
        "birth_place",
        "home_town",
        "national_id",
        "married_into",
        "date_of_arrest",
        "place_of_arrest",
        "branch",
        "fate",
        "father_id",
        "mother_id",
        "lists",
    ]
    prow = []
    for p in persons:
        prow.append(
            [
                p.pid,
                p.region,
                p.clan,
                p.household,
                p.role,
                p.sex,
                p.first[0],
                p.father[0],
                p.grandfather[0],
                p.ggf[0],
                p.family[0],
                p.mother_first[0],
                p.mother_family[0],
                p.mother_father[0],
                p.birth.isoformat(),
                p.birth_town[0],
                p.home_town[0],
                p.nid,
                p.married_into or "",
                p.arrest.isoformat() if p.arrest else "",
                p.arrest_town[0] if p.arrest_town else "",
                p.branch or "",
                p.fate or "",
                p.father_id or "",
                p.mother_id or "",
                ";".join(p.lists),
            ]
        )
    write_csv(os.path.join(out, "persons.csv"), ph, prow)
    return persons, lists, clans, n_households


def form_rates(lists) -> dict:
    rates = {}
    for name in LISTS:
        rows = lists[name]
        cnt: Counter = Counter()
        keys: list[str] = []
        for _row, forms, _p in rows:
            for k, v in forms.items():
                if k not in keys:
                    keys.append(k)
                if v:
                    cnt[k] += 1
        for k in keys:
            rates[(name, k)] = cnt[k] / max(1, len(rows))
    return rates


def stats(persons, lists, clans, n_households) -> str:
    out = []
    total = sum(len(lists[n]) for n in LISTS)
    listed = [p for p in persons if p.lists]
    out.append(f"persons {len(persons)}  clans {len(clans)}  households {n_households}")
    out.append(f"detained {sum(1 for p in persons if p.arrest)}")
    out.append(f"records {total}  listed persons {len(listed)}")
    for n in LISTS:
        pids = [p.pid for _r, _f, p in lists[n]]
        uniq = len(dict.fromkeys(pids))
        out.append(f"  {n}: records {len(pids)} persons {uniq} repeats {len(pids) - uniq}")
    by_n = Counter(len(p.lists) for p in listed)
    out.append("persons by number of lists: " + ", ".join(f"{k}: {by_n[k]}" for k in sorted(by_n)))
    for i, a in enumerate(LISTS):
        for b in LISTS[i + 1 :]:
            c = sum(1 for p in listed if a in p.lists and b in p.lists)
            out.append(f"  shared {a} & {b}: {c}")
    lat_ar = sum(
        1 for p in listed if any(x in p.lists for x in LATIN) and any(x in p.lists for x in ARABIC)
    )
    out.append(f"Latin<->Arabic persons: {lat_ar}")
    groups: Counter = Counter((p.first[0], p.father[0], p.family[0]) for p in listed)
    ng = [g for g, c in groups.items() if c > 1]
    out.append(
        f"namesake groups (first, father, family): {len(ng)} ({sum(groups[g] for g in ng)} persons)"
    )
    hh: Counter = Counter(p.household for p in listed if p.role == "child")
    out.append(f"households with 2+ listed children: {sum(1 for c in hh.values() if c > 1)}")
    pid_map = {p.pid: p for p in persons}
    swapped = sum(
        1
        for p in listed
        if p.role == "child"
        and p.father_id
        and pid_map[p.father_id].lists
        and p.first[0] == pid_map[p.father_id].father[0]
    )
    out.append(f"listed sons named after the grandfather with the father listed: {swapped}")
    women = [p for p in listed if p.sex == "F"]
    out.append(f"listed women {len(women)} (married {sum(1 for p in women if p.married_into)})")
    fams = Counter(p.family[0] for p in listed)
    out.append("largest families: " + ", ".join(f"{f} {c}" for f, c in fams.most_common(6)))
    men = [p for p in listed if p.sex == "M"]
    fn = Counter(p.first[0] for p in men)
    out.append(
        "listed men's first names: "
        + ", ".join(f"{f} {100 * c / len(men):.1f}%" for f, c in fn.most_common(3))
    )
    out.append("form rates (share of the list's records; nominal in brackets):")
    rates = form_rates(lists)
    for (n, k), v in rates.items():
        exp = EXPECTED.get((n, k))
        e = f" [{exp:.2f}]" if exp is not None else ""
        out.append(f"  {n}.{k}: {100 * v:.1f}%{e}")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    persons, lists, clans, nh = generate(a.seed, a.persons, a.out)
    if a.stats:
        print(stats(persons, lists, clans, nh))
    return 0


if __name__ == "__main__":
    sys.exit(main())
