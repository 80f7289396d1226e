"""Independent linkage test set 19: four synthetic lists of the missing, with ground truth.

Written blind (without seeing the linkage engine). Python 3.11 standard library only.

    python3 generate.py --seed 19 --persons 20000 --out DIR [--stats]

Lists:
- nmp_intake.csv: intake forms of a national commission for the missing (2025), Arabic parts;
- field_court.csv: photographed sheets of the military field court, read by OCR, Arabic;
- ce_asylum.csv: relatives named in Hungarian, Polish and Czech asylum files, Latin letters;
- rukban_council.csv: the Rukban camp council's list of those detained after leaving the camp.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Names. A name is (Arabic, phonemic key, weight, bedouin). Phonemic key letters:
# ' hamza, ` ayn, H ح, x خ, $ ش, j ج, y ي, w و, q ق, g غ, 8 ث, 6 ذ, T ط, S ص, D ض, Z ظ,
# A/I/U long vowels; "al-" the article.

MALE = [
    ("محمد", "muHammad", 14, 0),
    ("أحمد", "'aHmad", 8, 0),
    ("محمود", "maHmUd", 4.5, 0),
    ("علي", "`alI", 4.5, 0),
    ("حسن", "Hasan", 3, 0),
    ("حسين", "Husayn", 2.5, 0),
    ("خالد", "xAlid", 3, 0),
    ("عمر", "`umar", 2.5, 0),
    ("عبد الله", "`abd allAh", 3, 0),
    ("عبد الرحمن", "`abd al-raHmAn", 2, 0),
    ("عبد الكريم", "`abd al-karIm", 1, 0),
    ("عبد القادر", "`abd al-qAdir", 1, 0),
    ("مصطفى", "muSTafA", 2, 0),
    ("يوسف", "yUsuf", 2, 0),
    ("إبراهيم", "'ibrAhIm", 2, 0),
    ("سامر", "sAmir", 1, 0),
    ("وليد", "walId", 1.5, 0),
    ("جمال", "jamAl", 1, 0),
    ("شادي", "$AdI", 0.8, 0),
    ("ياسر", "yAsir", 1, 0),
    ("رامي", "rAmI", 1, 0),
    ("فادي", "fAdI", 1, 0),
    ("باسل", "bAsil", 0.8, 0),
    ("مازن", "mAzin", 0.8, 0),
    ("ماهر", "mAhir", 0.8, 0),
    ("سمير", "samIr", 0.8, 0),
    ("زياد", "ziyAd", 0.8, 0),
    ("فراس", "firAs", 0.8, 0),
    ("حمزة", "Hamza", 1, 0),
    ("أنس", "'anas", 1, 0),
    ("معاذ", "mu`A6", 0.6, 0),
    ("عمار", "`ammAr", 1, 0),
    ("بشار", "ba$$Ar", 0.5, 0),
    ("هيثم", "hay8am", 0.6, 0),
    ("غسان", "gassAn", 0.6, 0),
    ("صالح", "SAliH", 1, 1),
    ("نايف", "nAyif", 0.6, 1),
    ("عايد", "`Ayid", 0.7, 1),
    ("فرحان", "farHAn", 0.6, 1),
    ("مطر", "maTar", 0.4, 1),
    ("دحام", "daHHAm", 0.4, 1),
    ("عواد", "`awwAd", 0.5, 1),
    ("خلف", "xalaf", 0.8, 1),
    ("حمد", "Hamad", 0.8, 1),
    ("عبيد", "`ubayd", 0.5, 1),
    ("مشعل", "mi$`al", 0.4, 1),
    ("سطام", "saTTAm", 0.3, 1),
    ("جاسم", "jAsim", 0.8, 1),
    ("قاسم", "qAsim", 0.8, 0),
    ("طارق", "TAriq", 0.8, 0),
    ("نضال", "niDAl", 0.5, 0),
    ("منذر", "mun6ir", 0.4, 0),
    ("ثائر", "8A'ir", 0.5, 0),
    ("وسيم", "wasIm", 0.7, 0),
    ("نزار", "nizAr", 0.5, 0),
    ("رياض", "riyAD", 0.5, 0),
    ("عدنان", "`adnAn", 0.6, 0),
    ("مروان", "marwAn", 0.6, 0),
    ("عماد", "`imAd", 0.6, 0),
    ("شريف", "$arIf", 0.4, 0),
    ("صبحي", "SubHI", 0.4, 0),
    ("يحيى", "yaHyA", 0.6, 0),
    ("عيسى", "`IsA", 0.5, 0),
    ("موسى", "mUsA", 0.5, 0),
    ("إسماعيل", "'ismA`Il", 0.6, 0),
    ("كمال", "kamAl", 0.5, 0),
    ("جهاد", "jihAd", 0.5, 0),
    ("ناصر", "nASir", 0.6, 0),
    ("أيمن", "'ayman", 0.7, 0),
    ("أسامة", "'usAma", 0.7, 0),
    ("سليمان", "sulaymAn", 0.5, 0),
    ("خليل", "xalIl", 0.6, 0),
    ("غياث", "giyA8", 0.4, 0),
    ("مهند", "muhannad", 0.5, 0),
    ("حسام", "HusAm", 0.6, 0),
]

FEMALE = [
    ("فاطمة", "fATima", 5, 0),
    ("مريم", "maryam", 3, 0),
    ("عائشة", "`A'i$a", 2, 0),
    ("خديجة", "xadIja", 2, 0),
    ("زينب", "zaynab", 2, 0),
    ("أسماء", "'asmA'", 1.5, 0),
    ("هدى", "hudA", 1.5, 0),
    ("سعاد", "su`Ad", 1, 0),
    ("رنا", "ranA", 1.5, 0),
    ("ريم", "rIm", 1.5, 0),
    ("نور", "nUr", 2, 0),
    ("سلمى", "salmA", 1, 0),
    ("آمنة", "'Amina", 1.5, 0),
    ("أمينة", "'amIna", 1, 0),
    ("إيمان", "'ImAn", 1.5, 0),
    ("منى", "munA", 1.2, 0),
    ("سناء", "sanA'", 1, 0),
    ("حياة", "HayAt", 0.8, 0),
    ("وفاء", "wafA'", 1, 0),
    ("رشا", "ra$A", 1, 0),
    ("لينا", "lInA", 1, 0),
    ("غادة", "gAda", 0.8, 0),
    ("نجلاء", "najlA'", 0.6, 0),
    ("سميرة", "samIra", 1, 0),
    ("خلود", "xulUd", 0.6, 0),
    ("جميلة", "jamIla", 0.8, 0),
    ("صباح", "SabAH", 0.8, 1),
    ("نوال", "nawAl", 0.8, 0),
    ("هند", "hind", 0.8, 0),
    ("عبير", "`abIr", 0.8, 0),
    ("شيماء", "$aymA'", 0.6, 0),
    ("يسرى", "yusrA", 0.6, 0),
    ("دعاء", "du`A'", 0.7, 0),
    ("بشرى", "bu$rA", 0.6, 0),
    ("حليمة", "HalIma", 0.7, 1),
    ("عيدة", "`Ida", 0.5, 1),
    ("نوفة", "nUfa", 0.5, 1),
    ("هيفاء", "hayfA'", 0.6, 0),
    ("رقية", "ruqayya", 0.6, 0),
    ("سهام", "sihAm", 0.7, 0),
    ("منيرة", "munIra", 0.6, 1),
]

# English spellings an applicant writes (as on a passport); other names are spelt by rule.
EN_SPELLINGS = {
    "muHammad": ["Mohammad", "Mohammed", "Muhammad", "Mohamad", "Mohamed"],
    "'aHmad": ["Ahmad", "Ahmed"],
    "maHmUd": ["Mahmoud", "Mahmud", "Mahmood"],
    "`alI": ["Ali"],
    "Husayn": ["Hussein", "Hussain", "Husein"],
    "Hasan": ["Hassan", "Hasan"],
    "xAlid": ["Khaled", "Khalid"],
    "`umar": ["Omar", "Umar"],
    "`abd allAh": ["Abdullah", "Abdallah", "Abdulla"],
    "`abd al-raHmAn": ["Abdulrahman", "Abdul Rahman", "Abdelrahman"],
    "`abd al-karIm": ["Abdulkarim", "Abdul Karim"],
    "`abd al-qAdir": ["Abdulkader", "Abdul Qader"],
    "muSTafA": ["Mustafa", "Moustafa", "Mostafa"],
    "yUsuf": ["Youssef", "Yousef", "Yusuf"],
    "'ibrAhIm": ["Ibrahim"],
    "'usAma": ["Osama", "Usama"],
    "fATima": ["Fatima", "Fatma"],
    "`A'i$a": ["Aisha", "Aysha"],
    "xadIja": ["Khadija", "Khadeeja"],
    "zaynab": ["Zainab", "Zeinab"],
    "Hamza": ["Hamza", "Hamzeh"],
    "`ammAr": ["Ammar"],
    "hay8am": ["Haitham", "Haytham"],
    "'ayman": ["Ayman", "Aiman"],
}

# Families: (Arabic, phonemic key, region or "" for country-wide).
FAMILIES = [
    ("الحسن", "al-Hasan", ""),
    ("العلي", "al-`alI", ""),
    ("الأحمد", "al-'aHmad", ""),
    ("المحمد", "al-muHammad", ""),
    ("الخطيب", "al-xaTIb", ""),
    ("الشامي", "al-$AmI", ""),
    ("الحلبي", "al-HalabI", ""),
    ("الحمصي", "al-HimSI", ""),
    ("العبد الله", "al-`abd allAh", ""),
    ("الدرويش", "al-darwI$", ""),
    ("السيد", "al-sayyid", ""),
    ("النجار", "al-najjAr", ""),
    ("الحداد", "al-HaddAd", ""),
    ("المصري", "al-miSrI", ""),
    ("الصالح", "al-SAliH", ""),
    ("الخليل", "al-xalIl", ""),
    ("اليوسف", "al-yUsuf", ""),
    ("قاسم", "qAsim", ""),
    ("حمدان", "HamdAn", ""),
    ("عثمان", "`u8mAn", ""),
    ("الشيخ", "al-$ayx", ""),
    ("الدوماني", "al-dUmAnI", "rif"),
    ("الخولاني", "al-xawlAnI", "rif"),
    ("البويضاني", "al-buwayDAnI", "rif"),
    ("الزبداني", "al-zabadAnI", "rif"),
    ("الدباس", "al-dabbAs", "rif"),
    ("الأتاسي", "al-'atAsI", "homs"),
    ("الجندلي", "al-jandalI", "homs"),
    ("السباعي", "al-sibA`I", "homs"),
    ("العكاري", "al-`akkArI", "homs"),
    ("الرفاعي", "al-rifA`I", "homs"),
    ("الحموي", "al-HamawI", "hama"),
    ("الكيلاني", "al-kaylAnI", "hama"),
    ("البرازي", "al-barAzI", "hama"),
    ("الشيشكلي", "al-$I$aklI", "hama"),
    ("عليوي", "`ulaywI", "hama"),
    ("الحريري", "al-HarIrI", "daraa"),
    ("المسالمة", "al-masAlma", "daraa"),
    ("الزعبي", "al-zu`bI", "daraa"),
    ("أبازيد", "'abAzayd", "daraa"),
    ("الجباوي", "al-jabAwI", "daraa"),
    ("الشهابي", "al-$ihAbI", "aleppo"),
    ("الأنصاري", "al-'anSArI", "aleppo"),
    ("قباني", "qabbAnI", "aleppo"),
    ("كردي", "kurdI", "aleppo"),
    ("العنداني", "al-`andAnI", "aleppo"),
    ("العبيد", "al-`ubayd", "badia"),
    ("الفرحان", "al-farHAn", "badia"),
    ("الدحام", "al-daHHAm", "badia"),
    ("المطر", "al-maTar", "badia"),
    ("العواد", "al-`awwAd", "badia"),
    ("الخلف", "al-xalaf", "badia"),
    ("الحمد", "al-Hamad", "badia"),
    ("السلامة", "al-salAma", "badia"),
    ("الطلاع", "al-Talla`", "badia"),
    ("الجدعان", "al-jad`An", "badia"),
]

TRIBES = [
    ("العمور", "العموري"),
    ("بني خالد", "الخالدي"),
    ("الحسنة", "الحسناوي"),
    ("الفواعرة", "الفاعوري"),
    ("السبعة", "السبعاوي"),
    ("الموالي", "المولى"),
]

# Regions: key, weight, governorate (Arabic), towns (Arabic, phonemic), national-number code.
REGIONS = [
    (
        "rif",
        1.3,
        "ريف دمشق",
        [("دوما", "dUmA"), ("الزبداني", "al-zabadAnI"), ("يبرود", "yabrUd"), ("قدسيا", "qudsayyA")],
        "03",
    ),
    (
        "homs",
        1.1,
        "حمص",
        [("حمص", "HimS"), ("القصير", "al-quSayr"), ("الحولة", "al-HUla"), ("تلكلخ", "talkalax")],
        "05",
    ),
    (
        "hama",
        1.0,
        "حماة",
        [("حماة", "HamA"), ("السلمية", "al-salamiyya"), ("كفرنبودة", "kafr nabUda")],
        "06",
    ),
    (
        "daraa",
        1.0,
        "درعا",
        [
            ("إنخل", "'inxil"),
            ("جاسم", "jAsim"),
            ("بصر الحرير", "buSr al-HarIr"),
            ("الصنمين", "al-Sanamayn"),
        ],
        "12",
    ),
    (
        "aleppo",
        1.2,
        "حلب",
        [("حلب", "Halab"), ("عندان", "`andAn"), ("تل رفعت", "tall rif`at"), ("اعزاز", "'a`zAz")],
        "02",
    ),
    (
        "badia",
        1.5,
        "حمص",
        [
            ("تدمر", "tadmur"),
            ("القريتين", "al-qaryatayn"),
            ("مهين", "mahIn"),
            ("السخنة", "al-suxna"),
        ],
        "05",
    ),
]

CITY_LATIN = {
    "HimS": {"pl": "Homs", "cz": "Homs", "hu": "Homsz", "en": "Homs"},
    "Halab": {"pl": "Aleppo", "cz": "Aleppo", "hu": "Aleppó", "en": "Aleppo"},
    "HamA": {"pl": "Hama", "cz": "Hamá", "hu": "Háma", "en": "Hama"},
    "dimashq": {"pl": "Damaszek", "cz": "Damašek", "hu": "Damaszkusz", "en": "Damascus"},
}

# ---------------------------------------------------------------------------------------------
# Latin spelling of a phonemic key in an office's orthography.

CONS = {
    "en": {
        "H": "h",
        "x": "kh",
        "$": "sh",
        "j": "j",
        "y": "y",
        "w": "w",
        "q": "q",
        "g": "gh",
        "8": "th",
        "6": "dh",
        "T": "t",
        "S": "s",
        "D": "d",
        "Z": "z",
        "s": "s",
    },
    "pl": {
        "H": "h",
        "x": "ch",
        "$": "sz",
        "j": "dż",
        "y": "j",
        "w": "w",
        "q": "k",
        "g": "gh",
        "8": "s",
        "6": "z",
        "T": "t",
        "S": "s",
        "D": "d",
        "Z": "z",
        "s": "s",
    },
    "cz": {
        "H": "h",
        "x": "ch",
        "$": "š",
        "j": "dž",
        "y": "j",
        "w": "v",
        "q": "k",
        "g": "gh",
        "8": "s",
        "6": "z",
        "T": "t",
        "S": "s",
        "D": "d",
        "Z": "z",
        "s": "s",
    },
    "hu": {
        "H": "h",
        "x": "h",
        "$": "s",
        "j": "dzs",
        "y": "j",
        "w": "v",
        "q": "k",
        "g": "g",
        "8": "sz",
        "6": "z",
        "T": "t",
        "S": "sz",
        "D": "d",
        "Z": "z",
        "s": "sz",
    },
}
LONG = {
    "en": {"A": "a", "I": "i", "U": "u"},
    "pl": {"A": "a", "I": "i", "U": "u"},
    "cz": {"A": "á", "I": "í", "U": "ú"},
    "hu": {"A": "á", "I": "í", "U": "ú"},
}


def _latin_word(word: str, style: str, rng: random.Random) -> str:
    out: list[str] = []
    i = 0
    cons = CONS[style]
    while i < len(word):
        c = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if c in "'`":
            i += 1
            continue
        if c in "AIU":
            v = LONG[style][c]
            if style == "en" and c == "U" and rng.random() < 0.25:
                v = "ou"
            if style == "en" and c == "I" and rng.random() < 0.1:
                v = "ee"
            out.append(v)
        elif c == "a" and nxt == "y" and (i + 2 >= len(word) or word[i + 2] not in "aiuAIU"):
            out.append(
                "ai" if style == "en" and rng.random() < 0.4 else "ay" if style == "en" else "aj"
            )
            i += 1
        elif c == "a" and nxt == "w" and (i + 2 >= len(word) or word[i + 2] not in "aiuAIU"):
            out.append("aw" if style == "en" else "au")
            i += 1
        elif c in "aiu":
            v = c
            if style == "en" and c == "u" and rng.random() < 0.35:
                v = "o"
            if style == "en" and c == "i" and rng.random() < 0.2:
                v = "e"
            out.append(v)
        elif c in cons or c.isalpha():
            m = cons.get(c, c)
            if nxt == c:  # a doubled consonant
                if style == "hu" and len(m) > 1:
                    out.append(m[0] + m)
                elif style in ("en", "pl") and len(m) > 1:
                    out.append(m)
                else:
                    out.append(m + m)
                i += 1
            else:
                out.append(m)
        else:
            out.append(c)
        i += 1
    s = "".join(out)
    return s[:1].upper() + s[1:]


def latin_given(phon: str, style: str, rng: random.Random) -> str:
    if style == "en" and phon in EN_SPELLINGS:
        return rng.choice(EN_SPELLINGS[phon])
    if style == "hu" and phon == "muHammad" and rng.random() < 0.6:
        return "Mohamed"
    if phon.startswith("`abd "):
        rest = phon[5:]
        head = {"en": "Abd", "pl": "Abd", "cz": "Abd", "hu": "Abd"}[style]
        if rest.startswith("al-"):
            tail = _latin_word(rest[3:], style, rng)
            glue = rng.choice(["ul", "ul ", "al-", "el "]) if style == "en" else "al-"
            r = head + glue + (tail if glue.endswith((" ", "-")) else tail.lower())
            return r.replace("al-R", "ar-R") if style != "en" and rng.random() < 0.3 else r
        return head + ("ullah" if style == "en" else "allah")
    return " ".join(_latin_word(w, style, rng) for w in phon.split(" "))


def latin_family(phon: str, style: str, rng: random.Random, upper: bool = False) -> str:
    if phon.startswith("al-"):
        core = (
            latin_given(phon[3:], style, rng)
            if phon[3:] in EN_SPELLINGS and style == "en"
            else " ".join(_latin_word(w, style, rng) for w in phon[3:].split(" "))
        )
        r = rng.random()
        if style == "en":
            art = "Al-" if r < 0.45 else "Al " if r < 0.65 else "El-" if r < 0.8 else "Al"
        else:
            art = "al-" if r < 0.65 else "Al-" if r < 0.85 else ""
        s = "Al" + core.lower() if art == "Al" else art + core
    else:
        s = " ".join(_latin_word(w, style, rng) for w in phon.split(" "))
    return s.upper() if upper else s


# ---------------------------------------------------------------------------------------------
# Arabic typing and OCR slips.

DOT_PAIRS = [
    ("ب", "ت"),
    ("ت", "ث"),
    ("ن", "ت"),
    ("ج", "ح"),
    ("ح", "خ"),
    ("د", "ذ"),
    ("ر", "ز"),
    ("س", "ش"),
    ("ص", "ض"),
    ("ط", "ظ"),
    ("ع", "غ"),
    ("ف", "ق"),
    ("ي", "ب"),
]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DIGIT_OCR = {"3": "8", "8": "3", "5": "6", "6": "5", "1": "7", "7": "1", "0": "8", "9": "0"}


def drop_hamza(s: str) -> str:
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def final_ya(s: str) -> str:
    return " ".join(w[:-1] + "ى" if w.endswith("ي") else w for w in s.split(" "))


def ta_as_ha(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def dot_slip(s: str, rng: random.Random) -> str:
    idx = [i for i, c in enumerate(s) if any(c in p for p in DOT_PAIRS)]
    if not idx:
        return s
    i = rng.choice(idx)
    opts = [b if a == s[i] else a for a, b in DOT_PAIRS if s[i] in (a, b)]
    return s[:i] + rng.choice(opts) + s[i + 1 :]


def drop_letter(s: str, rng: random.Random) -> str:
    idx = [i for i, c in enumerate(s) if c != " " and 0 < i < len(s) - 1 and s[i - 1] != " "]
    if not idx:
        return s
    i = rng.choice(idx)
    return s[:i] + s[i + 1 :]


def join_abd(s: str) -> str:
    return s.replace("عبد ال", "عبدال")


def year_ocr(y: str, rng: random.Random) -> str:
    idx = [i for i, c in enumerate(y) if c in DIGIT_OCR]
    if not idx:
        return y
    i = rng.choice(idx[1:] if len(idx) > 1 and rng.random() < 0.8 else idx)
    return y[:i] + DIGIT_OCR[y[i]] + y[i + 1 :]


def strip_article(fam: str) -> str:
    return fam[2:] if fam.startswith("ال") and len(fam) > 4 else fam


# ---------------------------------------------------------------------------------------------
# The population.


class Person:
    __slots__ = (
        "activity",
        "arrest",
        "arrest_kind",
        "born",
        "ce",
        "clan",
        "died",
        "executed",
        "family",
        "family_phon",
        "father",
        "father_id",
        "fc",
        "first",
        "first_phon",
        "gf",
        "ggf",
        "household",
        "left_camp",
        "mother_family",
        "mother_first",
        "mother_id",
        "nid",
        "pid",
        "qayd",
        "region",
        "rukban",
        "sex",
        "spouse_id",
        "town",
        "town_phon",
        "tribe",
    )

    def __init__(self, **kw: object) -> None:
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def _pick(rng: random.Random, table: list, region: str) -> tuple:
    weights = [w * (4 if b and region == "badia" else 0.3 if b else 1) for _, _, w, b in table]
    return rng.choices(table, weights=weights)[0]


def _arrest_year(rng: random.Random) -> int:
    return rng.choices(range(2011, 2020), weights=[10, 28, 25, 14, 10, 6, 3, 2, 2])[0]


def build_population(seed: int, n: int) -> list[Person]:
    rng = random.Random(seed)
    persons: list[Person] = []
    regw = [r[1] for r in REGIONS]
    hh = 0
    clan_no = 0
    while len(persons) < n:
        clan_no += 1
        crng = random.Random(rng.getrandbits(64))
        reg = crng.choices(REGIONS, weights=regw)[0]
        region = reg[0]
        town, town_phon = crng.choice(reg[3])
        local = [f for f in FAMILIES if f[2] == region]
        fam = (
            crng.choice(local)
            if crng.random() < 0.6
            else crng.choice([f for f in FAMILIES if not f[2]])
        )
        tribe = crng.choice(TRIBES) if region == "badia" else None
        rukban = region == "badia" and crng.random() < 0.75
        for _g in range(crng.choice([1, 1, 2, 2, 3])):
            gf = _pick(crng, MALE, region)
            ggf = _pick(crng, MALE, region)
            used_sons: list[str] = []
            for _s in range(crng.choice([1, 2, 2, 3, 3, 4])):
                son = _pick(crng, MALE, region)
                if son[0] in used_sons:
                    continue
                used_sons.append(son[0])
                hh += 1
                activity = crng.uniform(0.4, 1.3)
                ce = crng.random() < 0.32
                byear = crng.randint(1940, 1972)
                qayd = f"{town} {crng.randint(1, 400)}"
                fpid = len(persons) + 1
                father = Person(
                    pid=fpid,
                    household=hh,
                    clan=clan_no,
                    region=region,
                    town=town,
                    town_phon=town_phon,
                    sex="M",
                    first=son[0],
                    first_phon=son[1],
                    father=gf[0],
                    gf=ggf[0],
                    ggf=_pick(crng, MALE, region)[0],
                    family=fam[0],
                    family_phon=fam[1],
                    born=(byear, crng.randint(1, 12), crng.randint(1, 28)),
                    tribe=tribe,
                    rukban=rukban,
                    activity=activity,
                    ce=ce,
                    qayd=qayd,
                )
                father.mother_first = _pick(crng, FEMALE, region)[0]
                father.mother_family = fam[0] if crng.random() < 0.3 else crng.choice(FAMILIES)[0]
                persons.append(father)
                # the wife, of her own family (the clan's own in 30 % of marriages)
                wfam = (
                    fam
                    if crng.random() < 0.3
                    else crng.choice([f for f in FAMILIES if f[2] in ("", region)])
                )
                wf = _pick(crng, FEMALE, region)
                wyear = min(byear + crng.randint(0, 10), 1980)
                wife = Person(
                    pid=fpid + 1,
                    household=hh,
                    clan=clan_no,
                    region=region,
                    town=town,
                    town_phon=town_phon,
                    sex="F",
                    first=wf[0],
                    first_phon=wf[1],
                    father=_pick(crng, MALE, region)[0],
                    gf=_pick(crng, MALE, region)[0],
                    ggf=_pick(crng, MALE, region)[0],
                    family=wfam[0],
                    family_phon=wfam[1],
                    born=(wyear, crng.randint(1, 12), crng.randint(1, 28)),
                    tribe=tribe,
                    rukban=rukban,
                    activity=activity,
                    ce=ce,
                    qayd=qayd,
                    spouse_id=fpid,
                )
                wife.mother_first = _pick(crng, FEMALE, region)[0]
                wife.mother_family = crng.choice(FAMILIES)[0]
                father.spouse_id = wife.pid
                persons.append(wife)
                used: list[str] = []
                y = max(wyear + 18, byear + 20)
                for k in range(crng.choice([1, 2, 3, 3, 4, 4, 5, 6])):
                    y += crng.randint(1, 4)
                    if y > 2004:
                        break
                    sex = "M" if crng.random() < 0.52 else "F"
                    if sex == "M" and k == 0 and crng.random() < 0.4:
                        nm = (gf[0], gf[1])
                    else:
                        c = _pick(crng, MALE if sex == "M" else FEMALE, region)
                        nm = (c[0], c[1])
                    if nm[0] in used or nm[0] == son[0]:
                        continue
                    used.append(nm[0])
                    child = Person(
                        pid=len(persons) + 1,
                        household=hh,
                        clan=clan_no,
                        region=region,
                        town=town,
                        town_phon=town_phon,
                        sex=sex,
                        first=nm[0],
                        first_phon=nm[1],
                        father=son[0],
                        gf=gf[0],
                        ggf=ggf[0],
                        family=fam[0],
                        family_phon=fam[1],
                        born=(y, crng.randint(1, 12), crng.randint(1, 28)),
                        tribe=tribe,
                        rukban=rukban,
                        activity=activity,
                        ce=ce,
                        qayd=qayd,
                        father_id=fpid,
                        mother_id=fpid + 1,
                        mother_first=wf[0],
                        mother_family=wfam[0],
                    )
                    persons.append(child)
    # national numbers, detention, the field court, the camp
    for p in persons:
        prng = random.Random(rng.getrandbits(64))
        reg = next(r for r in REGIONS if r[0] == p.region)
        p.nid = reg[4] + "".join(str(prng.randint(0, 9)) for _ in range(9))
        by = p.born[0]
        man_rate = 0.08 if p.region == "badia" else 0.24
        rate = man_rate if p.sex == "M" else 0.06 * man_rate / 0.24
        detained = False
        if 1950 <= by <= 1998 and prng.random() < rate:
            y = max(_arrest_year(prng), by + 16, 2011)
            if y <= 2019:
                detained = True
                p.arrest = (y, prng.randint(1, 12), prng.randint(1, 28))
        if not detained and p.rukban and prng.random() < 0.6:
            # left the camp for the shelters in Homs, 2019-2020
            left = (prng.choice([2019, 2019, 2020]), prng.randint(1, 12), prng.randint(1, 28))
            p.left_camp = left
            age = left[0] - by
            if (p.sex == "M" and 16 <= age <= 55 and prng.random() < 0.5) or (
                p.sex == "F" and 18 <= age <= 50 and prng.random() < 0.04
            ):
                days = prng.randint(3, 70)
                m, d = left[1], left[2] + days
                yy = left[0]
                while d > 28:
                    d -= 28
                    m += 1
                if m > 12:
                    m -= 12
                    yy += 1
                p.arrest = (yy, m, d)
                p.arrest_kind = "shelter"
        if p.arrest and not p.arrest_kind:
            p.arrest_kind = prng.choices(["home", "checkpoint", "border"], weights=[45, 40, 15])[0]
        if p.arrest:
            p.died = prng.random() < 0.18
            if p.arrest[0] <= 2016 and p.sex == "M" and prng.random() < 0.35:
                vy = p.arrest[0] + prng.choice([0, 1, 1, 2])
                verdict = (vy, prng.randint(1, 12), prng.randint(1, 28))
                if verdict <= p.arrest:  # a verdict comes months after the arrest
                    verdict = (p.arrest[0] + 1, verdict[1], verdict[2])
                death = prng.random() < 0.55
                ex = (vy + prng.choice([0, 0, 1]), prng.randint(1, 12), prng.randint(1, 28))
                if ex < verdict:
                    ex = (verdict[0] + 1, ex[1], ex[2])
                p.fc = (
                    f"{vy}/{prng.randint(100, 2999)}",
                    verdict,
                    ex if death else None,
                    "الإعدام"
                    if death
                    else prng.choice(
                        [
                            "الأشغال الشاقة المؤبدة",
                            "الأشغال الشاقة 15 سنة",
                            "الأشغال الشاقة 10 سنوات",
                            "الاعتقال المؤقت 7 سنوات",
                        ]
                    ),
                )
                if death:
                    p.died = True
                    p.executed = True
    return persons


# ---------------------------------------------------------------------------------------------
# Rendering helpers.


def ymd(d: tuple[int, int, int], fmt: str) -> str:
    y, m, dd = d
    return {
        "iso": f"{y}-{m:02d}-{dd:02d}",
        "ymd": f"{y}/{m:02d}/{dd:02d}",
        "dmy": f"{dd}/{m}/{y}",
        "ym": f"{y}/{m:02d}",
        "my": f"{m}/{y}",
        "dot": f"{dd:02d}.{m:02d}.{y}",
        "mdot": f"{m:02d}.{y}",
        "hu": f"{y}.{m:02d}.{dd:02d}.",
        "y": str(y),
    }[fmt]


class Lister:
    """Collects a list's rows, truth and form counts."""

    def __init__(self, name: str, header: list[str]) -> None:
        self.name = name
        self.header = header
        self.rows: list[list[str]] = []
        self.truth: list[tuple[str, int]] = []
        self.forms: Counter[str] = Counter()

    def add(self, rid: str, pid: int, row: dict[str, str], forms: list[str]) -> None:
        self.rows.append([rid] + [row.get(h, "") for h in self.header[1:]])
        self.truth.append((rid, pid))
        for f in forms:
            self.forms[f] += 1


def arabic_typos(s: str, rng: random.Random, rates: dict[str, float], forms: list[str]) -> str:
    if rng.random() < rates.get("hamza", 0):
        t = drop_hamza(s)
        if t != s:
            forms.append("hamza_dropped")
            s = t
    if rng.random() < rates.get("ya", 0):
        t = final_ya(s)
        if t != s:
            forms.append("final_ya")
            s = t
    if rng.random() < rates.get("ta", 0):
        t = ta_as_ha(s)
        if t != s:
            forms.append("ta_as_ha")
            s = t
    if rng.random() < rates.get("abd", 0):
        t = join_abd(s)
        if t != s:
            forms.append("abd_joined")
            s = t
    if rng.random() < rates.get("dot", 0):
        forms.append("dot_slip")
        s = dot_slip(s, rng)
    if rng.random() < rates.get("drop", 0):
        forms.append("letter_dropped")
        s = drop_letter(s, rng)
    return s


# ---------------------------------------------------------------------------------------------
# 1. The national commission's intake forms (2025).

NMP_HEADER = [
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
    "القيد",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
    "الجهة المسؤولة",
    "صلة المبلغ",
    "مركز التسجيل",
]
CENTRES = [
    ("DAM", "دمشق"),
    ("RIF", "ريف دمشق"),
    ("HMS", "حمص"),
    ("HMA", "حماة"),
    ("DRA", "درعا"),
    ("ALP", "حلب"),
    ("IDL", "إدلب"),
]
CENTRE_OF = {
    "rif": ["RIF", "DAM"],
    "homs": ["HMS"],
    "hama": ["HMA"],
    "daraa": ["DRA"],
    "aleppo": ["ALP", "IDL"],
    "badia": ["HMS", "DAM"],
}


def arrest_place_ar(p: Person, rng: random.Random) -> str:
    if p.arrest_kind == "shelter":
        return rng.choice(["مركز إيواء في حمص", "مراكز الإيواء - حمص", "حمص", "حاجز على طريق حمص"])
    if p.arrest_kind == "home":
        return p.town if rng.random() < 0.7 else f"{p.town} - من المنزل"
    if p.arrest_kind == "checkpoint":
        return rng.choice([f"حاجز {p.town}", f"حاجز قرب {p.town}", "حاجز في دمشق", "دمشق"])
    return rng.choice(["الحدود اللبنانية", "معبر جديدة يابوس", "معبر نصيب", "الحدود"])


def build_nmp(persons: list[Person], rng: random.Random, by_id: dict[int, Person]) -> Lister:
    L = Lister("nmp_intake", NMP_HEADER)
    seq: Counter[str] = Counter()
    rates = {"hamza": 0.06, "ya": 0.03, "ta": 0.01, "abd": 0.3, "dot": 0.015, "drop": 0.01}
    for p in persons:
        if not p.arrest:
            continue
        if rng.random() >= min(0.95, 0.72 * p.activity):
            continue
        n = 2 if rng.random() < 0.15 else 1
        for k in range(n):
            forms: list[str] = []
            centre = (
                rng.choice(CENTRE_OF[p.region])
                if k == 0 or rng.random() < 0.5
                else rng.choice(CENTRES)[0]
            )
            seq[centre] += 1
            rid = f"NMP-{centre}-{seq[centre]:05d}"
            row: dict[str, str] = {}
            row["الاسم"] = arabic_typos(p.first, rng, rates, forms)
            if rng.random() < 0.95:
                row["اسم الأب"] = arabic_typos(p.father, rng, rates, forms)
            else:
                forms.append("father_empty")
            if rng.random() < 0.55:
                row["اسم الجد"] = arabic_typos(p.gf, rng, rates, forms)
                forms.append("grandfather")
            r = rng.random()
            if r < 0.03:
                forms.append("family_empty")
            else:
                fam = p.family
                if r < 0.11 and fam.startswith("ال"):
                    fam = strip_article(fam)
                    forms.append("family_no_article")
                row["الكنية"] = arabic_typos(fam, rng, rates, forms)
            r = rng.random()
            if r < 0.6:
                row["اسم الأم"] = f"{p.mother_first} {p.mother_family}"
                forms.append("mother_full")
            elif r < 0.9:
                row["اسم الأم"] = p.mother_first
                forms.append("mother_first")
            if row.get("اسم الأم"):
                row["اسم الأم"] = arabic_typos(row["اسم الأم"], rng, {"hamza": 0.06}, [])
            if rng.random() < 0.95:
                row["الجنس"] = "ذكر" if p.sex == "M" else "أنثى"
            r = rng.random()
            if r < 0.4:
                row["سنة الولادة"] = ymd(p.born, "ymd")
                forms.append("birth_date")
            elif r < 0.5:
                row["سنة الولادة"] = ymd(p.born, "dmy")
                forms.append("birth_date")
            elif r < 0.85:
                row["سنة الولادة"] = str(p.born[0])
                forms.append("birth_year")
            if rng.random() < 0.8:
                row["مكان الولادة"] = (
                    p.town
                    if rng.random() < 0.8
                    else next(r[2] for r in REGIONS if r[0] == p.region)
                )
            if rng.random() < 0.5:
                nid = p.nid
                r = rng.random()
                if r < 0.03:
                    i = rng.randrange(2, 11)
                    nid = nid[:i] + str((int(nid[i]) + 1) % 10) + nid[i + 1 :]
                    forms.append("nid_typo")
                elif r < 0.05:
                    i = rng.randrange(2, 11)
                    nid = nid[:i] + nid[i + 1 :]
                    forms.append("nid_digit_missing")
                row["الرقم الوطني"] = nid
                forms.append("nid")
            if rng.random() < 0.45:
                row["القيد"] = p.qayd
            r = rng.random()
            if r < 0.45:
                row["تاريخ الاعتقال"] = ymd(p.arrest, rng.choice(["ymd", "dmy"]))
                forms.append("arrest_date")
            elif r < 0.55:
                row["تاريخ الاعتقال"] = ymd(p.arrest, "ym")
                forms.append("arrest_month")
            elif r < 0.8:
                row["تاريخ الاعتقال"] = str(p.arrest[0])
                forms.append("arrest_year")
            if rng.random() < 0.75:
                row["مكان الاعتقال"] = arrest_place_ar(p, rng)
            row["الجهة المسؤولة"] = rng.choice(
                [
                    "",
                    "الأمن العسكري",
                    "المخابرات الجوية",
                    "أمن الدولة",
                    "الأمن السياسي",
                    "غير معروف",
                ]
            )
            row["صلة المبلغ"] = rng.choice(["أم", "أب", "أخ", "أخت", "زوجة", "ابن", "ابنة"])
            row["مركز التسجيل"] = next(c[1] for c in CENTRES if c[0] == centre)
            if rng.random() < 0.05:
                for key in ("سنة الولادة", "تاريخ الاعتقال", "الرقم الوطني"):
                    if row.get(key):
                        row[key] = row[key].translate(INDIC)
                forms.append("indic_digits")
            if k:
                forms.append("repeat")
            L.add(rid, p.pid, row, forms)
    return L


# ---------------------------------------------------------------------------------------------
# 2. The military field court's sheets, photographed and read by OCR.

FC_HEADER = [
    "رقم السجل",
    "الاسم الكامل",
    "اسم الأم",
    "مكان الولادة",
    "تاريخ الاعتقال",
    "رقم الدعوى",
    "نوع الورقة",
    "الحكم",
    "تاريخ الحكم",
    "تاريخ التنفيذ",
]


def ocr_name(s: str, rng: random.Random, forms: list[str], indic: bool) -> str:
    words = s.split(" ")
    if rng.random() < 0.10:
        i = rng.randrange(len(words))
        words[i] = dot_slip(words[i], rng)
        forms.append("ocr_dot")
    if rng.random() < 0.06:
        words = [ta_as_ha(w) for w in words]
        forms.append("ocr_ta_ha")
    if rng.random() < 0.02:
        i = rng.randrange(len(words))
        words[i] = drop_letter(words[i], rng)
        forms.append("ocr_letter_dropped")
    s = " ".join(words)
    if rng.random() < 0.04 and len(words) > 1:
        i = rng.randrange(len(words) - 1)
        s = " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])
        forms.append("ocr_words_glued")
    elif rng.random() < 0.03:
        i = rng.randrange(len(words))
        w = words[i]
        if len(w) > 4:
            j = rng.randrange(2, len(w) - 1)
            words[i] = w[:j] + " " + w[j:]
            s = " ".join(words)
            forms.append("ocr_word_split")
    return s


def build_fc(persons: list[Person], rng: random.Random) -> Lister:
    L = Lister("field_court", FC_HEADER)
    sheets: list[tuple[str, Person]] = []
    for p in persons:
        if not p.fc:
            continue
        kinds = []
        if rng.random() < 0.3:
            kinds.append("إحالة")
        if rng.random() < 0.5:
            kinds.append("حكم")
        if p.executed and rng.random() < 0.45:
            kinds.append("تنفيذ")
        if not kinds and rng.random() < 0.8:
            kinds.append("حكم")
        for kd in kinds:
            sheets.append((kd, p))
    rng.shuffle(sheets)
    sheet_no = 100
    line = 99
    indic = False
    style = 0
    for kd, p in sheets:
        line += 1
        if line > rng.randint(12, 25):
            sheet_no += rng.randint(1, 3)
            line = 1
            indic = rng.random() < 0.4
            style = rng.randrange(4)
        forms: list[str] = [f"sheet_{kd}"]
        rid = f"FC-{sheet_no:04d}-{line:02d}"
        row: dict[str, str] = {"نوع الورقة": kd}
        r = rng.random()
        if r < 0.55:
            name = f"{p.first} {p.father} {p.family}"
            forms.append("name_three")
        elif r < 0.70:
            name = f"{p.first} بن {p.father} {p.family}"
            forms.append("name_bin")
        elif r < 0.86:
            name = f"{p.first} {p.father} {p.gf} {p.family}"
            forms.append("name_four")
        elif r < 0.92:
            name = f"{p.family} {p.first} بن {p.father}"
            forms.append("name_family_first")
        else:
            name = f"{p.first} {p.father}"
            forms.append("name_no_family")
        row["الاسم الكامل"] = ocr_name(name, rng, forms, indic)
        r = rng.random()
        if r < 0.55:
            row["اسم الأم"] = p.mother_first
            forms.append("mother_first")
        elif r < 0.75:
            row["اسم الأم"] = f"والدته {p.mother_first}"
            forms.append("mother_walidatuhu")
        elif r < 0.85:
            row["اسم الأم"] = f"{p.mother_first} {p.mother_family}"
            forms.append("mother_full")
        if row.get("اسم الأم"):
            row["اسم الأم"] = ocr_name(row["اسم الأم"], rng, [], indic)
        place = p.town if rng.random() < 0.7 else next(r[2] for r in REGIONS if r[0] == p.region)
        yr = str(p.born[0])
        if rng.random() < 0.05:
            yr = year_ocr(yr, rng)
            forms.append("ocr_year_digit")
        r = rng.random()
        if r < 0.45:
            cell = f"{place} {yr}"
            forms.append("place_year")
        elif r < 0.65:
            cell = f"{place} {p.born[2]}/{p.born[1]}/{yr}"
            forms.append("place_date")
        elif r < 0.8:
            cell = place
            forms.append("place_only")
        elif r < 0.9:
            cell = yr
            forms.append("year_only")
        else:
            cell = ""
        row["مكان الولادة"] = cell
        if rng.random() < 0.5:
            a = p.arrest
            lag = rng.randint(0, 60)
            m, d = a[1], a[2] + lag
            y = a[0]
            while d > 28:
                d -= 28
                m += 1
            if m > 12:
                m -= 12
                y += 1
            row["تاريخ الاعتقال"] = f"{d}/{m}/{y}"
            forms.append("arrest_date")
        case, verdict, ex, sentence = p.fc
        row["رقم الدعوى"] = case
        if kd != "إحالة":
            row["الحكم"] = sentence
            row["تاريخ الحكم"] = ymd(verdict, "dmy")
        if kd == "تنفيذ" and ex:
            row["تاريخ التنفيذ"] = ymd(ex, "dmy")
        if indic:
            for key in (
                "مكان الولادة",
                "تاريخ الاعتقال",
                "رقم الدعوى",
                "تاريخ الحكم",
                "تاريخ التنفيذ",
            ):
                if row.get(key):
                    row[key] = row[key].translate(INDIC)
            forms.append("indic_digits")
        if style == 3 and rng.random() < 0.5:
            row["الاسم الكامل"] = "المتهم " + row["الاسم الكامل"]
            forms.append("word_accused")
        L.add(rid, p.pid, row, forms)
    return L


# ---------------------------------------------------------------------------------------------
# 3. Relatives named in Hungarian, Polish and Czech asylum files (Latin letters).

CE_HEADER = [
    "record_id",
    "family_name",
    "first_name",
    "father_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "date_of_arrest",
    "place_of_arrest",
    "office",
    "relation",
    "applicant_ref",
]
OFFICES = {"hu": "HU-BMH", "pl": "PL-UDSC", "cz": "CZ-OAMP"}
APPROX = {"hu": "kb.", "pl": "ok.", "cz": "cca"}


def town_latin(p: Person, style: str, rng: random.Random) -> str:
    tp = p.town_phon
    if tp in CITY_LATIN:
        return CITY_LATIN[tp][style]
    return latin_family(tp, style, rng) if tp.startswith("al-") else latin_given(tp, style, rng)


def build_ce(persons: list[Person], rng: random.Random, by_id: dict[int, Person]) -> Lister:
    L = Lister("ce_asylum", CE_HEADER)
    hh_country: dict[int, str] = {}
    seq = 0
    for p in persons:
        if not (p.arrest and p.ce and p.arrest_kind != "shelter"):
            continue
        if rng.random() >= min(0.95, 0.9 * p.activity):
            continue
        if p.household not in hh_country:
            hh_country[p.household] = rng.choices(["hu", "pl", "cz"], weights=[35, 40, 25])[0]
        n = 2 if rng.random() < 0.28 else 1
        for k in range(n):
            country = (
                hh_country[p.household]
                if k == 0 or rng.random() < 0.6
                else rng.choice(["hu", "pl", "cz"])
            )
            seq += 1
            year = (
                2015
                if country == "hu"
                else rng.choice([2021, 2022, 2023])
                if country == "pl"
                else rng.choice([2016, 2019, 2022])
            )
            rid = f"{OFFICES[country]}-{year}-{seq:05d}"
            forms: list[str] = [f"office_{country}"]
            style = country if rng.random() < 0.6 else "en"
            forms.append("spelling_" + ("native" if style != "en" else "english"))
            row: dict[str, str] = {"office": OFFICES[country].split("-")[1]}
            first = latin_given(p.first_phon, style, rng)
            fam_phon = p.family_phon
            if p.sex == "F" and p.spouse_id and rng.random() < 0.3:
                fam_phon = by_id[p.spouse_id].family_phon
                forms.append("husband_family")
            fam = latin_family(fam_phon, style, rng, upper=country == "hu" or rng.random() < 0.3)
            if country == "cz" and p.sex == "F" and rng.random() < 0.15:
                fam = fam.rstrip("aáií") + "ová"
                forms.append("czech_ova")
            father_phon = next((m[1] for m in MALE if m[0] == p.father), "")
            father = latin_given(father_phon, style, rng)
            pfather = {"pl": 0.9, "hu": 0.6, "cz": 0.55}[country]
            r = rng.random()
            if r < 0.12:
                row["first_name"] = f"{first} {father}"
                forms.append("first_and_father_in_first")
            elif r < 0.15:
                row["first_name"] = first[0] + "."
                forms.append("initial_only")
                if rng.random() < pfather:
                    row["father_name"] = father
            else:
                row["first_name"] = first
                if rng.random() < pfather:
                    row["father_name"] = father
                    forms.append("father")
            row["family_name"] = fam
            mph = next((f[1] for f in FEMALE if f[0] == p.mother_first), "")
            mfam = next((f[1] for f in FAMILIES if f[0] == p.mother_family), "")
            mfirst = latin_given(mph, style, rng)
            r = rng.random()
            if country == "hu" and r < 0.7:
                row["mother_name"] = f"{latin_family(mfam, style, rng, upper=True)} {mfirst}"
                forms.append("mother_family_first")
            elif country == "hu" and r < 0.85:
                row["mother_name"] = f"{mfirst} {latin_family(mfam, style, rng)}"
                forms.append("mother_full")
            elif (country == "pl" and r < 0.8) or (country == "cz" and r < 0.4):
                row["mother_name"] = mfirst
                forms.append("mother_first")
            if country == "pl" and rng.random() < 0.5:
                row["sex"] = "M" if p.sex == "M" else "K"
                forms.append("sex_polish_K" if p.sex == "F" else "sex")
            else:
                row["sex"] = p.sex
            r = rng.random()
            if r < 0.4:
                row["birth_year"] = str(p.born[0])
                forms.append("birth_year")
            elif r < 0.65:
                row["birth_year"] = ymd(p.born, "hu" if country == "hu" else "dot")
                forms.append("birth_date_" + ("hu" if country == "hu" else "dot"))
            elif r < 0.75:
                row["birth_year"] = f"01.01.{p.born[0]}"
                forms.append("birth_01_01")
            elif r < 0.83:
                row["birth_year"] = f"{APPROX[country]} {p.born[0] + rng.choice([-1, 0, 0, 1])}"
                forms.append("birth_approx")
            if rng.random() < 0.55:
                row["birth_place"] = town_latin(p, style, rng)
            r = rng.random()
            if r < 0.4:
                row["date_of_arrest"] = str(p.arrest[0])
                forms.append("arrest_year")
            elif r < 0.55:
                row["date_of_arrest"] = ymd(p.arrest, "mdot")
                forms.append("arrest_month")
            elif r < 0.8:
                row["date_of_arrest"] = ymd(p.arrest, "hu" if country == "hu" else "dot")
                forms.append("arrest_date")
            if rng.random() < 0.6:
                if p.arrest_kind == "checkpoint" and rng.random() < 0.5:
                    row["place_of_arrest"] = CITY_LATIN["dimashq"][style]
                else:
                    row["place_of_arrest"] = town_latin(p, style, rng)
            if style in ("hu", "cz") and rng.random() < 0.2:
                tr = str.maketrans("áíúéóöőüűšč", "aiueooouusc")
                for key in (
                    "family_name",
                    "first_name",
                    "father_name",
                    "mother_name",
                    "birth_place",
                    "place_of_arrest",
                ):
                    if row.get(key):
                        row[key] = row[key].translate(tr).replace("ž", "z")
                forms.append("diacritics_lost")
            row["relation"] = rng.choice(
                ["brother", "father", "son", "husband", "cousin", "uncle"]
                if p.sex == "M"
                else ["sister", "mother", "wife", "daughter", "cousin"]
            )
            row["applicant_ref"] = f"A{rng.randint(10000, 99999)}"
            if k:
                forms.append("repeat")
            L.add(rid, p.pid, row, forms)
    return L


# ---------------------------------------------------------------------------------------------
# 4. The Rukban camp council's list.

RK_HEADER = [
    "رقم السجل",
    "الاسم الكامل",
    "العشيرة",
    "العمر",
    "مكان الولادة",
    "اسم الأم",
    "تاريخ الخروج",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
    "القطاع",
    "ملاحظات",
]


def build_rukban(persons: list[Person], rng: random.Random) -> Lister:
    L = Lister("rukban_council", RK_HEADER)
    seq: Counter[int] = Counter()
    rates = {"hamza": 0.15, "ya": 0.08, "ta": 0.04, "abd": 0.3, "dot": 0.02, "drop": 0.01}
    for p in persons:
        if not (p.rukban and p.arrest):
            continue
        if rng.random() >= min(0.97, 0.95 * p.activity):
            continue
        n = 2 if rng.random() < 0.12 else 1
        sectors = rng.sample(range(1, 9), 2)
        for k in range(n):
            sector = sectors[k]
            seq[sector] += 1
            rid = f"RK-{sector}-{seq[sector]:03d}"
            forms: list[str] = []
            row: dict[str, str] = {"القطاع": f"القطاع {sector}"}
            r = rng.random()
            tribe, nisba = p.tribe
            if r < 0.55:
                name = f"{p.first} {p.father} {p.family}"
                forms.append("name_three")
            elif r < 0.72:
                name = f"{p.first} {p.father} {p.gf}"
                forms.append("name_first_father_grandfather")
            elif r < 0.82:
                name = f"{p.first} {p.father} {nisba}"
                forms.append("name_tribe_nisba")
            elif r < 0.92:
                name = f"{p.first} {p.family}"
                forms.append("name_first_family")
            else:
                name = f"{p.first} {p.father}"
                forms.append("name_first_father")
            row["الاسم الكامل"] = arabic_typos(name, rng, rates, forms)
            if rng.random() < 0.85:
                row["العشيرة"] = tribe
            ref_year = 2020
            r = rng.random()
            if r < 0.75:
                age = ref_year - p.born[0] + rng.choice([-1, 0, 0, 0, 1])
                row["العمر"] = str(age)
                forms.append("age")
            elif r < 0.85:
                row["العمر"] = f"مواليد {p.born[0]}"
                forms.append("age_mawalid")
            if rng.random() < 0.7:
                row["مكان الولادة"] = p.town
            if rng.random() < 0.4:
                row["اسم الأم"] = p.mother_first
                forms.append("mother_first")
            if p.left_camp:
                row["تاريخ الخروج"] = ymd(p.left_camp, "my")
            r = rng.random()
            if p.arrest_kind == "shelter":
                if r < 0.4:
                    row["تاريخ الاعتقال"] = ymd(p.arrest, "my")
                    forms.append("arrest_month")
                elif r < 0.7:
                    row["تاريخ الاعتقال"] = str(p.arrest[0])
                    forms.append("arrest_year")
                row["مكان الاعتقال"] = rng.choice(["مركز الإيواء", "مراكز الإيواء بحمص", "حمص", ""])
                row["ملاحظات"] = rng.choice(
                    ["خرج مع عائلته", "اعتقل بعد التسوية", "", "", "لا يعرف مكانه"]
                )
                forms.append("left_to_shelter")
            else:
                if r < 0.6:
                    row["تاريخ الاعتقال"] = str(p.arrest[0])
                    forms.append("arrest_year")
                elif r < 0.75:
                    row["تاريخ الاعتقال"] = f"{p.arrest[0]} تقريبا"
                    forms.append("arrest_approx")
                row["مكان الاعتقال"] = rng.choice([p.town, "تدمر", "حاجز", ""])
                row["ملاحظات"] = rng.choice(["قبل النزوح", "", "اعتقل قبل الخروج من البلدة"])
            if k:
                forms.append("repeat")
            L.add(rid, p.pid, row, forms)
    return L


# ---------------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def build(seed: int, n: int) -> tuple[list[Person], list[Lister]]:
    rng = random.Random(seed * 1000003 + 19)
    persons = build_population(rng.getrandbits(64), n)
    by_id = {p.pid: p for p in persons}
    lists = [
        build_nmp(persons, random.Random(rng.getrandbits(64)), by_id),
        build_fc(persons, random.Random(rng.getrandbits(64))),
        build_ce(persons, random.Random(rng.getrandbits(64)), by_id),
        build_rukban(persons, random.Random(rng.getrandbits(64))),
    ]
    return persons, lists


def stats(persons: list[Person], lists: list[Lister]) -> dict:
    by_id = {p.pid: p for p in persons}
    in_lists: dict[int, list[str]] = {}
    for L in lists:
        for _rid, pid in L.truth:
            names = in_lists.setdefault(pid, [])
            if L.name not in names:
                names.append(L.name)
    listed = sorted(in_lists)
    combos = Counter(" & ".join(sorted(in_lists[pid])) for pid in listed)
    per_list = {}
    for L in lists:
        c = Counter(pid for _r, pid in L.truth)
        n = len(L.rows)
        per_list[L.name] = {
            "records": n,
            "persons": len(c),
            "persons_twice_or_more": sum(1 for v in c.values() if v > 1),
            "forms": {k: round(v / n, 3) for k, v in sorted(L.forms.items())},
        }
    lp = [by_id[i] for i in listed]
    key3 = Counter((p.first, p.father, p.family) for p in lp)
    key2 = Counter((p.first, p.family) for p in lp)
    hh_children = Counter(p.household for p in lp if p.father_id)
    gfam: dict[tuple[str, str], set[int]] = {}
    for p in lp:
        gfam.setdefault((p.gf, p.family), set()).add(p.household)
    fathers_listed = {p.pid for p in lp}
    latin_arabic = sum(
        1 for pid in listed if "ce_asylum" in in_lists[pid] and len(in_lists[pid]) > 1
    )
    fams = Counter(p.family for p in lp)
    men = [p for p in lp if p.sex == "M"]
    firsts = Counter(p.first for p in men)
    return {
        "population": len(persons),
        "households": len({p.household for p in persons}),
        "records": sum(len(L.rows) for L in lists),
        "listed_persons": len(listed),
        "lists": per_list,
        "persons_by_number_of_lists": dict(
            sorted(Counter(len(v) for v in in_lists.values()).items())
        ),
        "combinations": dict(combos.most_common()),
        "latin_and_arabic": latin_arabic,
        "namesake_groups_first_father_family": sum(1 for v in key3.values() if v > 1),
        "persons_sharing_first_family": sum(v for v in key2.values() if v > 1),
        "persons_sharing_grandfather_family_other_household": sum(
            1 for p in lp if len(gfam[(p.gf, p.family)]) > 1
        ),
        "households_with_several_children": sum(1 for v in hh_children.values() if v > 1),
        "sons_named_after_grandfather_father_listed": sum(
            1
            for p in lp
            if p.father_id and p.sex == "M" and p.first == p.gf and p.father_id in fathers_listed
        ),
        "women_listed": sum(1 for p in lp if p.sex == "F"),
        "died_in_custody": sum(1 for p in lp if p.died),
        "executed": sum(1 for p in lp if p.executed),
        "field_court_persons": sum(1 for p in lp if p.fc),
        "detained_after_leaving_rukban": sum(1 for p in lp if p.arrest_kind == "shelter"),
        "detained_in_population": sum(1 for p in persons if p.arrest),
        "largest_families": fams.most_common(6),
        "first_names_of_men": [(k, round(v / len(men), 3)) for k, v in firsts.most_common(4)],
        "arrests_by_year": dict(sorted(Counter(p.arrest[0] for p in lp).items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    persons, lists = build(a.seed, a.persons)
    truth: list[list[str]] = []
    for L in lists:
        write_csv(out / f"{L.name}.csv", L.header, L.rows)
        truth.extend([L.name, rid, str(pid)] for rid, pid in L.truth)
    write_csv(out / "truth.csv", ["list", "record_id", "person_id"], truth)
    in_lists: dict[int, list[str]] = {}
    for L in lists:
        for _rid, pid in L.truth:
            if L.name not in in_lists.setdefault(pid, []):
                in_lists[pid].append(L.name)
    prow = []
    for p in persons:
        prow.append(
            [
                str(p.pid),
                str(p.household),
                str(p.clan),
                p.region,
                p.town,
                p.sex,
                p.first,
                p.father,
                p.gf,
                p.family,
                p.mother_first or "",
                p.mother_family or "",
                ymd(p.born, "iso"),
                str(p.father_id or ""),
                str(p.mother_id or ""),
                str(p.spouse_id or ""),
                p.nid,
                ymd(p.arrest, "iso") if p.arrest else "",
                p.arrest_kind or "",
                "1" if p.died else "",
                "1" if p.executed else "",
                "1" if p.fc else "",
                ymd(p.left_camp, "iso") if p.left_camp else "",
                p.tribe[0] if p.tribe else "",
                "|".join(in_lists.get(p.pid, [])),
            ]
        )
    write_csv(
        out / "persons.csv",
        [
            "person_id",
            "household",
            "clan",
            "region",
            "town",
            "sex",
            "first_name",
            "father_name",
            "grandfather_name",
            "family_name",
            "mother_first",
            "mother_family",
            "born",
            "father_id",
            "mother_id",
            "spouse_id",
            "national_id",
            "arrest_date",
            "arrest_kind",
            "died_in_custody",
            "executed",
            "field_court",
            "left_rukban",
            "tribe",
            "lists",
        ],
        prow,
    )
    if a.stats:
        json.dump(stats(persons, lists), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
