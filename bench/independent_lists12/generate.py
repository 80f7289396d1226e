#!/usr/bin/env python3
"""Independent linkage test set 12: four synthetic lists of the missing, with ground truth.

Written blind (without reading Mizan's engine). Python 3.11 standard library only.

    python3 generate.py --seed 12 --persons 20000 --out DIR [--stats]

Lists:
  migration_nordic.csv   Swedish and Danish migration authorities: family members named in
                         asylum files (Latin, Scandinavian spelling, European surname habits)
  hlp_register.csv       local councils' register of the property of absent owners (Arabic,
                         title-deed names, national numbers with typing errors, tribes)
  hrd_merged.csv         a human-rights defender's spreadsheet merging a 2013 Arabic sheet and
                         a 2016 English sheet (mixed columns, Excel damage, cross-script repeats)
  lb_returnees.csv       a Lebanese NGO's list of refugees arrested on return at the border
                         (passport Latin, ALL CAPS, surname first, Lebanese-French spelling)
plus truth.csv (list,record_id,person_id) and persons.csv (the whole invented population).
No name or number belongs to a real person.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta

# ---------------------------------------------------------------------------------------------
# Names. Each given name: Arabic, English spellings as Levantine registrars write them (the
# first is the usual one).
# ---------------------------------------------------------------------------------------------

MALE_COMMON = [
    ("محمد", "Mohammad|Mohamad|Muhammad|Mohammed"),
    ("أحمد", "Ahmad|Ahmed"),
    ("محمود", "Mahmoud|Mahmood|Mahmud"),
    ("خالد", "Khaled|Khalid"),
    ("عمر", "Omar|Umar"),
    ("علي", "Ali"),
    ("حسن", "Hasan|Hassan"),
    ("حسين", "Hussein|Husein|Hussain"),
    ("إبراهيم", "Ibrahim|Ibraheem"),
    ("يوسف", "Yousef|Yusuf|Yousif"),
    ("مصطفى", "Mustafa|Mostafa"),
    ("عبد الرحمن", "Abdulrahman|Abdul Rahman|Abdel Rahman"),
    ("عبد الله", "Abdullah|Abdallah"),
    ("عبد الكريم", "Abdulkarim|Abdul Karim"),
    ("عبد القادر", "Abdulqader|Abdul Qader"),
    ("عبد الحميد", "Abdulhamid|Abdul Hamid"),
    ("عبد العزيز", "Abdulaziz|Abdul Aziz"),
    ("سامر", "Samer"),
    ("ماهر", "Maher"),
    ("وائل", "Wael|Wa'el"),
    ("رامي", "Rami"),
    ("باسل", "Basel|Basil"),
    ("بشار", "Bashar"),
    ("فادي", "Fadi"),
    ("غسان", "Ghassan"),
    ("زياد", "Ziad|Ziyad"),
    ("نزار", "Nizar"),
    ("هشام", "Hisham|Hesham"),
    ("شادي", "Shadi"),
    ("جمال", "Jamal"),
    ("جهاد", "Jihad"),
    ("ياسر", "Yaser|Yasser"),
    ("أنس", "Anas"),
    ("معاذ", "Muaz|Moaz|Muadh"),
    ("عماد", "Imad|Emad"),
    ("عادل", "Adel|Adil"),
    ("سعيد", "Saeed|Said"),
    ("صالح", "Saleh|Salih"),
    ("ناصر", "Nasser|Naser"),
    ("قاسم", "Qasem|Kassem|Qassem"),
    ("حمزة", "Hamza|Hamzah"),
    ("طارق", "Tarek|Tariq"),
    ("منذر", "Munther|Monzer|Mundhir"),
    ("أيمن", "Ayman"),
    ("فراس", "Firas|Feras"),
    ("مازن", "Mazen"),
    ("نبيل", "Nabil|Nabeel"),
    ("رياض", "Riad|Riyad"),
    ("فيصل", "Faisal|Faysal"),
    ("حامد", "Hamed|Hamid"),
    ("ماجد", "Majed|Majid"),
    ("جاسم", "Jasem|Jassim"),
    ("سليمان", "Suleiman|Sulaiman"),
    ("موسى", "Mousa|Musa"),
    ("إسماعيل", "Ismail|Ismaeel"),
    ("منير", "Munir|Mounir"),
    ("هاني", "Hani"),
    ("وليد", "Walid|Waleed"),
    ("عدنان", "Adnan"),
    ("ثائر", "Thaer|Thair"),
    ("أسامة", "Osama|Usama"),
    ("خليل", "Khalil"),
    ("مهند", "Mohannad|Muhannad"),
    ("نور الدين", "Nour Aldin|Nur al-Din|Noureddin"),
    ("قصي", "Qusai|Kusay"),
    ("حازم", "Hazem"),
    ("مروان", "Marwan"),
    ("يحيى", "Yahya"),
    ("بلال", "Bilal|Belal"),
    ("شاهر", "Shaher"),
]
MALE_EAST = [
    ("فرحان", "Farhan"),
    ("عواد", "Awad|Awwad"),
    ("دحام", "Dahham|Daham"),
    ("مشعل", "Mishal|Meshal"),
    ("حمود", "Hamoud|Hammoud"),
    ("عبيد", "Obaid|Ubaid"),
    ("خلف", "Khalaf"),
    ("هزاع", "Hazza|Hazaa"),
    ("شلاش", "Shallash"),
    ("صياح", "Sayyah|Sayah"),
]
MALE_CHRISTIAN = [
    ("جورج", "George|Georges"),
    ("حنا", "Hanna|Hanna"),
    ("إلياس", "Elias|Ilyas"),
    ("ميشيل", "Michel|Michael"),
    ("بطرس", "Boutros|Butros"),
    ("جرجس", "Jerjes|Girgis"),
    ("نقولا", "Nicola|Nicolas"),
    ("سمعان", "Simaan|Semaan"),
]
FEMALE_COMMON = [
    ("فاطمة", "Fatima|Fatma"),
    ("خديجة", "Khadija|Khadijah"),
    ("عائشة", "Aisha|Aysha"),
    ("مريم", "Maryam|Mariam"),
    ("زينب", "Zainab|Zeinab"),
    ("رنا", "Rana"),
    ("هدى", "Huda|Houda"),
    ("منى", "Mona|Muna"),
    ("سعاد", "Suad|Souad"),
    ("نور", "Nour|Noor"),
    ("ريم", "Reem|Rim"),
    ("لينا", "Lina"),
    ("سلمى", "Salma"),
    ("آمنة", "Amina|Amna"),
    ("نجاح", "Najah"),
    ("سميرة", "Samira"),
    ("وفاء", "Wafaa|Wafa"),
    ("رشا", "Rasha"),
    ("هناء", "Hanaa|Hana"),
    ("ليلى", "Layla|Laila"),
    ("سوسن", "Sawsan"),
    ("غادة", "Ghada"),
    ("أمل", "Amal"),
    ("رهف", "Rahaf"),
    ("دعاء", "Doaa|Duaa"),
    ("إيمان", "Iman|Eman"),
    ("حنان", "Hanan"),
    ("ميساء", "Maysaa|Maisa"),
    ("ابتسام", "Ibtisam"),
    ("نوال", "Nawal"),
    ("صباح", "Sabah"),
    ("جميلة", "Jamila"),
    ("حليمة", "Halima"),
    ("كوثر", "Kawthar|Kawsar"),
    ("هيفاء", "Haifaa|Haifa"),
    ("شيماء", "Shaimaa|Shaima"),
]
FEMALE_CHRISTIAN = [
    ("ماري", "Mary|Marie"),
    ("جورجيت", "Georgette"),
    ("رندة", "Randa"),
    ("نهاد", "Nihad|Nuhad"),
    ("تيريز", "Therese"),
]

# Family names: Arabic, English stems (without the article), whether the Arabic has ال.
NATIONAL = [
    ("المصري", "Masri|Masry", True),
    ("الحلبي", "Halabi", True),
    ("العلي", "Ali", True),
    ("الأحمد", "Ahmad", True),
    ("المحمد", "Mohammad|Mohamad", True),
    ("الحسن", "Hasan|Hassan", True),
    ("الخطيب", "Khatib", True),
    ("الشيخ", "Sheikh|Shaikh", True),
    ("الحسين", "Hussein|Hussain", True),
    ("الصالح", "Saleh", True),
    ("العبد الله", "Abdullah|Abdallah", True),
    ("الإبراهيم", "Ibrahim", True),
]
REGIONS: dict[str, dict] = {
    "damascus": {
        "share": 0.20,
        "gov": "01",
        "families": [
            ("الدمشقي", "Dimashqi|Demashki", True),
            ("الشامي", "Shami", True),
            ("الخولاني", "Khawlani", True),
            ("النحاس", "Nahhas|Nahas", True),
            ("الطباع", "Tabbaa|Tabba", True),
            ("السمان", "Samman", True),
            ("الحلاق", "Hallaq|Hallak", True),
            ("قباني", "Kabbani|Qabbani", False),
            ("البيطار", "Bitar|Baytar", True),
            ("دياب", "Diab|Dyab", False),
            ("الشربجي", "Sharabji|Shorbaji", True),
            ("الكردي", "Kurdi", True),
        ],
        "places": [
            ("دمشق", "Damascus", "DAMAS"),
            ("دوما", "Douma", "DOUMA"),
            ("داريا", "Darayya", "DARAYA"),
            ("المعضمية", "Moadamiyeh", "MOADAMIYE"),
            ("الزبداني", "Zabadani", "ZABADANI"),
            ("حرستا", "Harasta", "HARASTA"),
            ("التل", "Al-Tal", "TALL"),
            ("كفر بطنا", "Kafr Batna", "KAFR BATNA"),
        ],
        "eu": 0.55,
        "council": 0.45,
    },
    "homs": {
        "share": 0.15,
        "gov": "03",
        "families": [
            ("الحمصي", "Homsi", True),
            ("الأتاسي", "Atassi|Atasi", True),
            ("الجندلي", "Jandali", True),
            ("الدروبي", "Droubi|Durubi", True),
            ("السباعي", "Sibai|Sebai", True),
            ("الزهراوي", "Zahrawi", True),
            ("العمر", "Omar", True),
            ("الفاخوري", "Fakhouri|Fakhoury", True),
            ("الرفاعي", "Rifai|Refai", True),
            ("الضاهر", "Daher|Dahir", True),
        ],
        "places": [
            ("حمص", "Homs", "HOMS"),
            ("الرستن", "Rastan", "RASTAN"),
            ("تلبيسة", "Talbiseh", "TALBISSE"),
            ("القصير", "Qusayr", "QOUSSAIR"),
            ("تلكلخ", "Talkalakh", "TALKALAKH"),
            ("الحولة", "Houla", "HOULA"),
        ],
        "eu": 0.50,
        "council": 0.50,
    },
    "hama": {
        "share": 0.10,
        "gov": "04",
        "families": [
            ("الحموي", "Hamwi|Hamawi", True),
            ("الكيلاني", "Kilani|Kaylani", True),
            ("البرازي", "Barazi", True),
            ("الشيشكلي", "Shishakli", True),
            ("الصباغ", "Sabbagh|Sabagh", True),
            ("الأصفر", "Asfar", True),
            ("قطرميز", "Qatarmiz|Katarmiz", False),
        ],
        "places": [
            ("حماة", "Hama", "HAMA"),
            ("السلمية", "Salamiyah", "SALAMIEH"),
            ("كفرزيتا", "Kafr Zita", "KAFR ZITA"),
            ("اللطامنة", "Latamneh", "LATAMNE"),
            ("مورك", "Morek", "MOREK"),
        ],
        "eu": 0.40,
        "council": 0.30,
    },
    "aleppo": {
        "share": 0.17,
        "gov": "02",
        "families": [
            ("الجابري", "Jabiri|Jabri", True),
            ("المدرس", "Mudarres|Modarres", True),
            ("الكواكبي", "Kawakibi", True),
            ("حمامي", "Hammami", False),
            ("البكور", "Bakkour|Bakour", True),
            ("السيد", "Sayed|Sayyed", True),
            ("قاطرجي", "Qaterji|Katerji", False),
            ("الإدلبي", "Idlibi|Edlibi", True),
        ],
        "places": [
            ("حلب", "Aleppo", "ALEP"),
            ("الباب", "Al-Bab", "BAB"),
            ("منبج", "Manbij", "MANBIJ"),
            ("إعزاز", "Azaz", "AZAZ"),
            ("عندان", "Anadan", "ANDANE"),
            ("تل رفعت", "Tal Rifaat", "TALL RIFAAT"),
        ],
        "eu": 0.45,
        "council": 0.35,
    },
    "idlib": {
        "share": 0.08,
        "gov": "07",
        "families": [
            ("الإدلبي", "Idlibi|Edlibi", True),
            ("البكور", "Bakkour|Bakour", True),
            ("السرميني", "Sarmini", True),
            ("الحاج علي", "Haj Ali|Hajj Ali", True),
            ("العمر", "Omar", True),
            ("الشيخ", "Sheikh|Shaikh", True),
        ],
        "places": [
            ("إدلب", "Idlib", "IDLEB"),
            ("سراقب", "Saraqib", "SARAQEB"),
            ("معرة النعمان", "Maarat al-Numan", "MAARET EL NOUMANE"),
            ("جسر الشغور", "Jisr al-Shughur", "JISR ECH CHOUGHOUR"),
            ("بنش", "Binnish", "BINNICH"),
        ],
        "eu": 0.30,
        "council": 0.40,
    },
    "hauran": {
        "share": 0.10,
        "gov": "12",
        "families": [
            ("الزعبي", "Zoubi|Zubi", True),
            ("الحريري", "Hariri", True),
            ("المسالمة", "Masalmeh|Masalma", True),
            ("المقداد", "Miqdad|Meqdad", True),
            ("الرفاعي", "Rifai|Refai", True),
            ("أبازيد", "Abazeid|Abazaid", False),
            ("الكراد", "Karrad|Karad", True),
            ("النابلسي", "Nabulsi|Nabulsy", True),
        ],
        "places": [
            ("درعا", "Daraa", "DERAA"),
            ("نوى", "Nawa", "NAWA"),
            ("إنخل", "Inkhil", "INKHIL"),
            ("طفس", "Tafas", "TAFAS"),
            ("الصنمين", "Sanamayn", "SANAMEIN"),
            ("بصرى الشام", "Busra al-Sham", "BOSRA"),
        ],
        "eu": 0.35,
        "council": 0.35,
    },
    "east": {
        "share": 0.10,
        "gov": "06",
        "families": [
            ("الحمود", "Hamoud|Hammoud", True),
            ("الخلف", "Khalaf", True),
            ("الفرحان", "Farhan", True),
            ("الدحام", "Dahham", True),
            ("العواد", "Awad|Awwad", True),
            ("الشلاش", "Shallash", True),
        ],
        "tribes": [
            ("العنزي", "Anazi|Enezi", True),
            ("الشمري", "Shammari|Shamari", True),
            ("الجبوري", "Jabouri|Jubouri", True),
            ("العكيدي", "Ogaidi|Akidi", True),
            ("البكاري", "Bakkari|Bakari", True),
            ("الدليمي", "Dulaimi|Dlaimi", True),
            ("النعيمي", "Nuaimi|Naimi", True),
            ("الحديدي", "Hadidi", True),
        ],
        "places": [
            ("دير الزور", "Deir ez-Zor", "DEIR EZZOR"),
            ("الميادين", "Mayadin", "MAYADINE"),
            ("البوكمال", "Albukamal", "ABOU KAMAL"),
            ("الرقة", "Raqqa", "RAQQA"),
            ("الحسكة", "Hasakah", "HASSAKE"),
            ("الشحيل", "Shuhayl", "CHHEIL"),
        ],
        "eu": 0.30,
        "council": 0.55,
    },
    "coast": {
        "share": 0.05,
        "gov": "05",
        "families": [
            ("الأسعد", "Asaad|Assad", True),
            ("ديوب", "Dayoub|Dayoob", False),
            ("سلوم", "Salloum|Saloum", False),
            ("يونس", "Younes|Yunis", False),
            ("الخير", "Kheir|Khair", True),
            ("شاهين", "Shahin|Shaheen", False),
        ],
        "places": [
            ("اللاذقية", "Latakia", "LATTAQUIE"),
            ("جبلة", "Jableh", "JABLE"),
            ("بانياس", "Baniyas", "BANIAS"),
            ("طرطوس", "Tartus", "TARTOUS"),
        ],
        "eu": 0.25,
        "council": 0.15,
    },
    "christian": {
        "share": 0.05,
        "gov": "03",
        "families": [
            ("حداد", "Haddad", False),
            ("خوري", "Khoury|Khouri", False),
            ("نصار", "Nassar|Nasar", False),
            ("عازار", "Azar|Azzar", False),
            ("الشماس", "Shammas", True),
            ("صليبا", "Saliba", False),
            ("غنطوس", "Ghantous", False),
        ],
        "places": [
            ("حمص", "Homs", "HOMS"),
            ("دمشق", "Damascus", "DAMAS"),
            ("وادي النصارى", "Wadi al-Nasara", "WADI EL NASARA"),
            ("صيدنايا", "Saydnaya", "SAIDNAYA"),
            ("القامشلي", "Qamishli", "QAMICHLI"),
        ],
        "eu": 0.55,
        "council": 0.25,
    },
}
REGION_ORDER = list(REGIONS)

BRANCHES = [
    ("الفرع 215", "Branch 215"),
    ("الفرع 227", "Branch 227"),
    ("الفرع 235", "Branch 235 (Palestine)"),
    ("المخابرات الجوية", "Air Force Intelligence"),
    ("سجن صيدنايا", "Saydnaya prison"),
]
CROSSINGS = [
    ("MASNAA", 0.40),
    ("JDEIDET YABOUS", 0.20),
    ("ARIDA", 0.12),
    ("JOUSIEH", 0.14),
    ("DABOUSIEH", 0.08),
    ("ABBOUDIEH", 0.06),
]

ARABIC_LETTERS = set(chr(c) for c in range(0x0600, 0x0700))

# ---------------------------------------------------------------------------------------------
# Spelling helpers
# ---------------------------------------------------------------------------------------------


def pick_variant(rng: random.Random, variants: str, first_weight: float = 0.6) -> str:
    opts = variants.split("|")
    if len(opts) == 1 or rng.random() < first_weight:
        return opts[0]
    return rng.choice(opts[1:])


def ar_drop_hamza(s: str) -> str:
    return (
        s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ؤ", "و").replace("ئ", "ي")
    )


def ar_ta_marbuta(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def ar_join_abd(s: str) -> str:
    return s.replace("عبد ال", "عبدال")


AR_NEAR = {
    "ح": "خج",
    "خ": "حج",
    "ج": "حخ",
    "س": "ش",
    "ش": "س",
    "ر": "ز",
    "ز": "ر",
    "د": "ذ",
    "ذ": "د",
    "ع": "غ",
    "غ": "ع",
    "ب": "ت",
    "ت": "بث",
    "ن": "ت",
    "ف": "ق",
    "ق": "ف",
    "ص": "ض",
    "ض": "ص",
    "ي": "ى",
}


def ar_typo(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c != " "]
    if len(idx) < 3:
        return s
    i = rng.choice(idx[1:])
    kind = rng.random()
    if kind < 0.45 and s[i] in AR_NEAR:
        return s[:i] + rng.choice(AR_NEAR[s[i]]) + s[i + 1 :]
    if kind < 0.75:
        return s[:i] + s[i + 1 :]
    if i + 1 < len(s) and s[i + 1] != " ":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + s[i] + s[i:]


def lat_typo(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c.isalpha()]
    if len(idx) < 4:
        return s
    i = rng.choice(idx[1:])
    kind = rng.random()
    if kind < 0.35:
        return s[:i] + s[i + 1 :]
    if kind < 0.65 and i + 1 < len(s) and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if kind < 0.85:
        return s[:i] + s[i] + s[i:]
    near = {"a": "e", "e": "a", "i": "y", "o": "u", "u": "o", "k": "q", "s": "z", "d": "t"}
    c = s[i]
    r = near.get(c.lower())
    if r is None:
        return s[:i] + s[i] + s[i:]
    r = r.upper() if c.isupper() else r
    return s[:i] + r + s[i + 1 :]


VOWELS = set("aeiouAEIOU")


def swedish(word: str, ch_for_kh: bool, dj_for_j: bool) -> str:
    """A Swedish officer's habits: sj for sh, j for y, u for ou/oo, ch for kh, dj for j."""
    w = word
    if dj_for_j:
        w = w.replace("J", "Dj").replace("j", "dj")
    w = w.replace("Sh", "Sj").replace("sh", "sj")
    if ch_for_kh:
        w = w.replace("Kh", "Ch").replace("kh", "ch")
    w = w.replace("ou", "u").replace("Ou", "U").replace("oo", "u").replace("ee", "i")
    out = []
    for i, c in enumerate(w):
        if c in "Yy":
            prev = w[i - 1] if i else ""
            nxt = w[i + 1] if i + 1 < len(w) else ""
            if (i == 0 or prev == " " or prev == "-") and nxt in VOWELS:
                out.append("J")
                continue
            if prev in VOWELS and nxt in VOWELS:
                out.append("j")
                continue
        out.append(c)
    return "".join(out)


def danish(word: str, arabic: str, long_aa: bool) -> str:
    """A Danish officer: j for y, u for ou, a long first a written aa (Khaaled, Saamer)."""
    w = swedish(word, ch_for_kh=False, dj_for_j=False).replace("Sj", "Sh").replace("sj", "sh")
    if long_aa and len(arabic) > 2 and arabic[1] == "ا" and " " not in arabic:
        i = w.lower().find("a")
        if 0 <= i <= 2:
            w = w[: i + 1] + "a" + w[i + 1 :]
    return w


LB_OVERRIDE = {
    "FATIMA": "FATMEH",
    "FATMA": "FATMEH",
    "KHADIJA": "KHADIJEH",
    "KHADIJAH": "KHADIJEH",
    "ZAINAB": "ZEINAB",
    "AMINA": "AMNEH",
    "AMNA": "AMNEH",
    "AISHA": "AICHA",
    "SAMIRA": "SAMIRA",
    "JAMILA": "JAMILEH",
    "HALIMA": "HALIMEH",
    "MUHAMMAD": "MOHAMMAD",
    "MUSTAFA": "MOUSTAFA",
    "YOUSEF": "YOUSSEF",
    "YUSUF": "YOUSSEF",
    "OSAMA": "OUSSAMA",
    "USAMA": "OUSSAMA",
}


def lebanese(word: str) -> str:
    """Lebanese General Security's Latin: upper case, ch for sh, ou for u, Abdel."""
    w = word.upper()
    if w in LB_OVERRIDE:
        return LB_OVERRIDE[w]
    w = w.replace("ABDUL", "ABDEL").replace("SH", "CH").replace("OO", "OU").replace("EE", "I")
    out = []
    for i, c in enumerate(w):
        if c == "U" and (i == 0 or w[i - 1] != "O"):
            out.append("OU")
        else:
            out.append(c)
    return "".join(out)


def with_article(stem: str, style: str) -> str:
    if style == "Al-":
        return "Al-" + stem
    if style == "Al ":
        return "Al " + stem
    if style == "El-":
        return "El-" + stem
    if style == "fused":
        return "Al" + stem.lower().replace(" ", "")
    return stem


def fmt_dmy(d: date, sep: str = "/", pad: bool = True) -> str:
    if pad:
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return f"{d.day}{sep}{d.month}{sep}{d.year}"


SV_MONTHS = "januari februari mars april maj juni juli augusti september oktober november december"
DA_MONTHS = "januar februar marts april maj juni juli august september oktober november december"

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# ---------------------------------------------------------------------------------------------
# Population
# ---------------------------------------------------------------------------------------------


class Person:
    __slots__ = (
        "arrest",
        "arrest_place",
        "birth_place",
        "born",
        "branch",
        "clan",
        "crossing",
        "documented",
        "family",
        "fate",
        "father",
        "father_pid",
        "first",
        "grand",
        "hh",
        "husband_family",
        "mother_family",
        "mother_first",
        "mother_pid",
        "nid",
        "pid",
        "region",
        "returned",
        "role",
        "sex",
        "tribe",
    )

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def weighted(rng: random.Random, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


def rand_date(rng: random.Random, y0: int, y1: int) -> date:
    start = date(y0, 1, 1)
    span = (date(y1, 12, 31) - start).days
    return start + timedelta(days=rng.randint(0, span))


NAME_WEIGHT = {
    "محمد": 16,
    "أحمد": 8,
    "محمود": 4,
    "خالد": 4,
    "علي": 4,
    "عمر": 3,
    "حسن": 3,
    "حسين": 3,
    "إبراهيم": 3,
    "يوسف": 3,
    "عبد الله": 3,
    "مصطفى": 2.5,
    "عبد الرحمن": 2.5,
    "فاطمة": 8,
    "خديجة": 3,
    "مريم": 3,
    "زينب": 2,
    "آمنة": 2,
    "عائشة": 2,
}


def draw_name(rng: random.Random, pool: list[tuple[str, str]]) -> str:
    """A given name, the common ones (محمد, أحمد, فاطمة) as often as Syrian lists show them."""
    return rng.choices(pool, weights=[NAME_WEIGHT.get(ar, 1.0) for ar, _ in pool])[0][0]


def given_pools(region: str):
    if region == "christian":
        return MALE_CHRISTIAN + MALE_COMMON[:12], FEMALE_CHRISTIAN + FEMALE_COMMON
    if region == "east":
        return MALE_COMMON + MALE_EAST * 2, FEMALE_COMMON
    return MALE_COMMON, FEMALE_COMMON


def build_population(rng: random.Random, n: int) -> list[Person]:
    persons: list[Person] = []
    nids: set[str] = set()
    name_lat: dict[str, str] = {}
    for ar, en in MALE_COMMON + MALE_EAST + MALE_CHRISTIAN + FEMALE_COMMON + FEMALE_CHRISTIAN:
        name_lat[ar] = en

    def new_nid(region: str) -> str:
        while True:
            nid = REGIONS[region]["gov"] + "".join(str(rng.randint(0, 9)) for _ in range(9))
            if nid not in nids:
                nids.add(nid)
                return nid

    def add(**kw) -> Person:
        p = Person(pid=f"P{len(persons) + 1:06d}", **kw)
        p.nid = new_nid(p.region)
        persons.append(p)
        return p

    hh_no = 0
    clan_no = 0
    shares = [(r, REGIONS[r]["share"]) for r in REGION_ORDER]
    while len(persons) < n:
        clan_no += 1
        region = weighted(rng, shares)
        reg = REGIONS[region]
        males, females = given_pools(region)
        tribe = None
        if region == "east":
            tribe = rng.choice(reg["tribes"])
            family = tribe if rng.random() < 0.35 else rng.choice(reg["families"])
        elif rng.random() < 0.25 and region != "christian":
            family = rng.choice(NATIONAL)
        else:
            family = rng.choice(reg["families"])
        places = reg["places"]
        home = rng.choice(places)
        for _g in range(rng.randint(1, 4)):
            grand = draw_name(rng, males)
            great = draw_name(rng, males)
            grandmother = draw_name(rng, females)
            gm_family = rng.choice(reg["families"] + NATIONAL)[0]
            used_sons: set[str] = set()
            for _s in range(rng.randint(1, 4)):
                while True:
                    fname = draw_name(rng, males)
                    if fname not in used_sons and fname != grand:
                        break
                used_sons.add(fname)
                hh_no += 1
                hh = f"H{hh_no:05d}"
                fborn = rand_date(rng, 1936, 1970)
                fplace = home if rng.random() < 0.8 else rng.choice(places)
                father = add(
                    hh=hh,
                    clan=clan_no,
                    region=region,
                    role="father",
                    sex="M",
                    first=fname,
                    father=grand,
                    grand=great,
                    family=family[0],
                    tribe=tribe[0] if tribe else "",
                    mother_first=grandmother,
                    mother_family=gm_family,
                    born=fborn,
                    birth_place=fplace,
                    husband_family="",
                )
                wives = 2 if rng.random() < 0.07 else 1
                used_children: set[str] = set()
                for w in range(wives):
                    wfam = family if rng.random() < 0.35 else rng.choice(reg["families"] + NATIONAL)
                    wborn = fborn + timedelta(days=rng.randint(-700, 4500 + 2500 * w))
                    wife = add(
                        hh=hh,
                        clan=clan_no,
                        region=region,
                        role="wife",
                        sex="F",
                        first=draw_name(rng, females),
                        father=draw_name(rng, males),
                        grand=draw_name(rng, males),
                        family=wfam[0],
                        tribe=tribe[0] if tribe else "",
                        mother_first=draw_name(rng, females),
                        mother_family=rng.choice(reg["families"] + NATIONAL)[0],
                        born=wborn,
                        birth_place=rng.choice(places),
                        husband_family=family[0],
                    )
                    first_son = True
                    for _c in range(rng.randint(1, 6)):
                        cborn = wborn + timedelta(days=rng.randint(18 * 365, 40 * 365))
                        if cborn.year > 2004:
                            continue
                        sex = "M" if rng.random() < 0.52 else "F"
                        if sex == "M" and first_son and rng.random() < 0.45:
                            # eldest son after his grandfather; in a household with two wives
                            # each wife's eldest may carry it: half-brothers of one name
                            cname = grand
                        else:
                            pool = males if sex == "M" else females
                            tries = 0
                            while True:
                                cname = draw_name(rng, pool)
                                tries += 1
                                if (cname not in used_children and cname != fname) or tries > 50:
                                    break
                            if cname in used_children:
                                continue
                        if sex == "M":
                            first_son = False
                        if cname in used_children and not (cname == grand and wives == 2):
                            continue
                        used_children.add(cname)
                        hfam = ""
                        if sex == "F" and cborn.year < 1994 and rng.random() < 0.55:
                            hfam = rng.choice(reg["families"] + NATIONAL)[0]
                        add(
                            hh=hh,
                            clan=clan_no,
                            region=region,
                            role="child",
                            sex=sex,
                            first=cname,
                            father=fname,
                            grand=grand,
                            family=family[0],
                            tribe=tribe[0] if tribe else "",
                            mother_first=wife.first,
                            mother_family=wife.family,
                            born=cborn,
                            birth_place=fplace if rng.random() < 0.85 else rng.choice(places),
                            husband_family=hfam,
                            father_pid=father.pid,
                            mother_pid=wife.pid,
                        )
    return persons[:n] if len(persons) > n else persons


ARREST_YEARS = [(2011, 12), (2012, 30), (2013, 25), (2014, 12), (2015, 8), (2016, 7), (2017, 6)]


def detain(rng: random.Random, persons: list[Person]) -> None:
    hh_doc: dict[str, bool] = {}
    for p in persons:
        y = p.born.year
        if p.sex == "M":
            rate = 0.42 if 1955 <= y <= 1996 else (0.12 if 1940 <= y < 1955 else 0.0)
        else:
            rate = 0.07 if 1950 <= y <= 1996 else 0.0
        reg = REGIONS[p.region]
        if rng.random() < rate:
            while True:
                year = weighted(rng, ARREST_YEARS)
                d = rand_date(rng, year, year)
                if d.year - p.born.year >= 15:
                    break
            p.arrest = d
            p.arrest_place = p.birth_place if rng.random() < 0.5 else rng.choice(reg["places"])
            p.branch = rng.choice(BRANCHES)
            p.fate = weighted(rng, [("died", 0.35), ("missing", 0.50), ("released", 0.15)])
        # Refugees arrested on return from Lebanon (2017-2023): released detainees and men
        # who fled the draft; the Lebanese-border communities more often.
        if p.sex == "M" and 1965 <= y <= 2000:
            near = p.region in ("homs", "damascus", "hauran", "hama", "christian")
            if p.fate == "released":
                chance = 0.45 if near else 0.2
            elif p.arrest is None:
                chance = 0.06 if near else 0.02
            else:
                chance = 0.0
            if rng.random() < chance:
                p.returned = rand_date(rng, 2017, 2023)
                p.crossing = weighted(rng, CROSSINGS)
        if p.hh not in hh_doc:
            hh_doc[p.hh] = rng.random() < 0.82
        p.documented = hh_doc[p.hh]


# ---------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------

LAT: dict[str, str] = {}
for _ar, _en in MALE_COMMON + MALE_EAST + MALE_CHRISTIAN + FEMALE_COMMON + FEMALE_CHRISTIAN:
    LAT[_ar] = _en
FAM_LAT: dict[str, tuple[str, bool]] = {}
for _reg in REGIONS.values():
    for _ar, _en, _art in _reg["families"] + _reg.get("tribes", []) + NATIONAL:
        FAM_LAT[_ar] = (_en, _art)
for _ar, _en, _art in NATIONAL:
    FAM_LAT[_ar] = (_en, _art)
PLACE_LAT: dict[str, tuple[str, str]] = {}
for _reg in REGIONS.values():
    for _ar, _en, _fr in _reg["places"]:
        PLACE_LAT[_ar] = (_en, _fr)


class Lists:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict]] = defaultdict(list)
        self.truth: list[tuple[str, str, str]] = []
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.ids: set[tuple[str, str]] = set()

    def add(self, name: str, rid: str, pid: str, row: dict, forms: list[str]) -> None:
        assert (name, rid) not in self.ids, (name, rid)
        self.ids.add((name, rid))
        row["record_id"] = rid
        self.rows[name].append(row)
        self.truth.append((name, rid, pid))
        for f in forms:
            self.forms[name][f] += 1


def unique_id(rng: random.Random, used: set[str], make) -> str:
    while True:
        rid = make()
        if rid not in used:
            used.add(rid)
            return rid


# --- migration_nordic -------------------------------------------------------------------------

NORDIC_COLS = [
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
    "relation",
    "authority",
]


def nordic_record(rng: random.Random, p: Person, dk: bool, forms: list[str]) -> dict:
    ch = (not dk) and rng.random() < 0.4
    dj = (not dk) and rng.random() < 0.25
    aa = dk and rng.random() < 0.5

    def lat(ar: str) -> str:
        en = pick_variant(rng, LAT[ar])
        if ar == "محمد" and rng.random() < 0.3:
            en = "Muhammed" if rng.random() < 0.6 else "Mohammed"
        if dk:
            return danish(en, ar, aa)
        return swedish(en, ch, dj)

    def fam(ar: str) -> str:
        stem, art = FAM_LAT[ar]
        stem = pick_variant(rng, stem)
        stem = danish(stem, ar, False) if dk else swedish(stem, ch, dj)
        if not art:
            return stem
        style = weighted(rng, [("Al-", 0.35), ("Al ", 0.15), ("fused", 0.2), ("", 0.3)])
        return with_article(stem, style)

    first = lat(p.first)
    father = lat(p.father)
    family = fam(p.family)
    if (p.husband_family and p.role == "wife" and rng.random() < 0.6) or (
        p.husband_family and rng.random() < 0.15
    ):
        family = fam(p.husband_family)
        forms.append("wife_under_husband_family")
    r = rng.random()
    if r < 0.12:
        # no family name in the papers: the father's name became the surname
        family, father = father, ""
        forms.append("father_as_surname")
    elif r < 0.22:
        first, father = f"{first} {father}", ""
        forms.append("father_in_first_name")
    elif r < 0.32:
        father = ""
        forms.append("father_missing")
    if rng.random() < 0.03:
        which = rng.random()
        if which < 0.5:
            first = lat_typo(rng, first)
        else:
            family = lat_typo(rng, family)
        forms.append("typo")
    if rng.random() < 0.18:
        family = family.upper()
        forms.append("family_upper")
    m = rng.random()
    if m < 0.5:
        mother = lat(p.mother_first)
        forms.append("mother_first")
    elif m < 0.7:
        mother = f"{lat(p.mother_first)} {fam(p.mother_family)}"
        forms.append("mother_full")
    else:
        mother = ""
    # birth
    b = p.born
    year = b.year
    if rng.random() < 0.07:
        year += rng.choice((-1, 1))
        forms.append("year_off")
    r = rng.random()
    compact = (not dk) and rng.random() < 0.3  # personnummer style, 19850312
    if r < 0.32:
        born = (f"{year}0101" if compact else f"{year}-01-01") if not dk else f"01-01-{year}"
        forms.append("birth_0101")
    elif r < 0.72:
        d = b if year == b.year else b.replace(year=year, day=min(b.day, 28))
        if dk:
            born = fmt_dmy(d, "-")
        else:
            born = f"{d.year}{d.month:02d}{d.day:02d}" if compact else d.isoformat()
        forms.append("birth_full")
    if compact and r < 0.72:
        forms.append("birth_compact")
    if 0.72 <= r < 0.90:
        born = str(year)
    elif r >= 0.90:
        born = ""
    bp = ""
    if rng.random() < 0.65:
        en = PLACE_LAT[p.birth_place[0]][0]
        bp = danish(en, "", False) if dk else swedish(en, False, False)
    # arrest: the latest arrest the relative knows of
    ad, ap = latest_arrest(p)
    months = (DA_MONTHS if dk else SV_MONTHS).split()
    r = rng.random()
    if ad is None or r < 0.15:
        arrest = ""
    elif r < 0.45:
        arrest = f"{months[ad.month - 1]} {ad.year}"
        forms.append("arrest_month_words")
    elif r < 0.75:
        arrest = ad.isoformat() if not dk else fmt_dmy(ad, "-")
    else:
        arrest = str(ad.year)
    place = ""
    if ap:
        r = rng.random()
        if r < 0.6:
            place = ap
        elif r < 0.75:
            place = f"vägspärr vid {ap}" if not dk else f"checkpoint ved {ap}"
            forms.append("checkpoint_words")
        elif r < 0.85 and p.branch:
            place = p.branch[1]
    rel_m = ["bror", "son", "make", "far"] if not dk else ["bror", "søn", "ægtefælle", "far"]
    rel_f = (
        ["syster", "dotter", "hustru", "mor"] if not dk else ["søster", "datter", "hustru", "mor"]
    )
    rel = rng.choice(rel_m if p.sex == "M" else rel_f)
    if p.role == "wife":
        rel = "hustru"
    sex = p.sex if rng.random() < 0.9 else ("K" if p.sex == "F" and not dk else "")
    if sex == "K":
        forms.append("sex_K")
    return {
        "family_name": family,
        "first_name": first,
        "father_name": father,
        "mother_name": mother,
        "sex": sex,
        "birth_year": born,
        "birth_place": bp,
        "date_of_arrest": arrest,
        "place_of_arrest": place,
        "relation": rel,
        "authority": "Udlændingestyrelsen" if dk else "Migrationsverket",
    }


def latest_arrest(p: Person):
    """(date, English place) of the arrest a relative abroad reports: the latest."""
    if p.returned:
        return p.returned, p.crossing.title()
    if p.arrest:
        return p.arrest, PLACE_LAT[p.arrest_place[0]][0]
    return None, ""


# --- hlp_register -----------------------------------------------------------------------------

HLP_COLS = [
    "رقم السجل",
    "الاسم",
    "اسم الأب",
    "اسم الجد",
    "الكنية",
    "العشيرة",
    "اسم الأم",
    "الجنس",
    "سنة الولادة",
    "مكان الولادة",
    "الرقم الوطني",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
    "نوع العقار",
    "صفة مقدم الطلب",
]
PROPERTY = ["منزل", "محل تجاري", "أرض زراعية", "شقة سكنية", "مستودع", "حصة إرثية"]
COUNCIL_CODE = {
    "damascus": "DMR",
    "homs": "HMS",
    "hama": "HMA",
    "aleppo": "ALP",
    "idlib": "IDL",
    "hauran": "DRA",
    "east": "DEZ",
    "coast": "LTK",
    "christian": "HMS",
}


def nid_error(rng: random.Random, nid: str) -> tuple[str, str]:
    r = rng.random()
    if r < 0.40:
        i = rng.randint(2, len(nid) - 2)
        return nid[:i] + nid[i + 1] + nid[i] + nid[i + 2 :], "nid_transposed"
    if r < 0.70:
        i = rng.randint(2, len(nid) - 1)
        d = str((int(nid[i]) + rng.choice((1, 9))) % 10)
        return nid[:i] + d + nid[i + 1 :], "nid_digit_wrong"
    if r < 0.90:
        return nid[1:] if nid[0] == "0" else nid[:-1], "nid_digit_missing"
    i = rng.randint(2, len(nid) - 1)
    return nid[:i] + nid[i] + nid[i:], "nid_digit_extra"


def hlp_record(rng: random.Random, p: Person, forms: list[str]) -> dict:
    first, father, grand = p.first, p.father, p.grand
    family = p.family
    tribe = ""
    if p.region == "east":
        tribe = p.tribe
        if family != p.tribe and rng.random() < 0.2:
            family = p.tribe
            forms.append("tribe_as_family")
    r = rng.random()
    if r < 0.10:
        first = f"{p.first} بن {p.father}" + (f" بن {p.grand}" if rng.random() < 0.5 else "")
        father, grand = "", ""
        forms.append("bin_chain")
    elif r < 0.55:
        pass
    else:
        grand = ""
    if rng.random() < 0.10:
        first, father, grand, family = (ar_drop_hamza(x) for x in (first, father, grand, family))
        forms.append("hamza_dropped")
    if rng.random() < 0.06:
        first, father, family = (ar_ta_marbuta(x) for x in (first, father, family))
        forms.append("ta_marbuta")
    if "عبد ال" in first + father and rng.random() < 0.3:
        first, father = ar_join_abd(first), ar_join_abd(father)
        forms.append("abd_joined")
    if rng.random() < 0.025:
        if rng.random() < 0.5:
            first = ar_typo(rng, first)
        else:
            family = ar_typo(rng, family)
        forms.append("typo")
    m = rng.random()
    if m < 0.45:
        mother = f"{p.mother_first} {p.mother_family}"
        forms.append("mother_full")
    elif m < 0.75:
        mother = f"والدته {p.mother_first}" if p.sex == "M" else f"والدتها {p.mother_first}"
        forms.append("mother_walidatuhu")
    elif m < 0.9:
        mother = p.mother_first
        forms.append("mother_first")
    else:
        mother = ""
    b = p.born
    r = rng.random()
    if r < 0.35:
        born = fmt_dmy(b, "/", pad=False)
        forms.append("birth_dmy")
    elif r < 0.85:
        born = str(b.year)
    else:
        born = ""
    nid = ""
    if rng.random() < 0.62:
        nid = p.nid
        forms.append("nid_given")
        if rng.random() < 0.14:
            nid, kind = nid_error(rng, nid)
            forms.append(kind)
            forms.append("nid_error")
    ad = p.arrest or p.returned
    arrest = ""
    if ad:
        r = rng.random()
        if r < 0.35:
            arrest = str(ad.year)
        elif r < 0.65:
            arrest = f"{ad.month}/{ad.year}"
        elif r < 0.85:
            arrest = fmt_dmy(ad, "/", pad=False)
    place = ""
    if p.arrest and rng.random() < 0.7:
        place = p.arrest_place[0]
        if rng.random() < 0.25:
            place = f"حاجز {place}"
            forms.append("checkpoint")
    elif p.returned and rng.random() < 0.6:
        place = "على الحدود اللبنانية"
    if rng.random() < 0.06:
        born = born.translate(AR_DIGITS)
        nid = nid.translate(AR_DIGITS)
        arrest = arrest.translate(AR_DIGITS)
        forms.append("arabic_digits")
    return {
        "الاسم": first,
        "اسم الأب": father,
        "اسم الجد": grand,
        "الكنية": family,
        "العشيرة": tribe,
        "اسم الأم": mother,
        "الجنس": ("ذكر" if p.sex == "M" else "أنثى") if rng.random() < 0.85 else "",
        "سنة الولادة": born,
        "مكان الولادة": p.birth_place[0] if rng.random() < 0.7 else "",
        "الرقم الوطني": nid,
        "تاريخ الاعتقال": arrest,
        "مكان الاعتقال": place,
        "نوع العقار": rng.choice(PROPERTY),
        "صفة مقدم الطلب": rng.choice(["ابن", "زوجة", "أخ", "أخت", "وكيل قانوني", "والد"]),
    }


# --- hrd_merged -------------------------------------------------------------------------------

HRD_COLS = [
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
    "sheet",
    "notes",
]
KUNYA = ["أبو محمد", "أبو أحمد", "أبو خالد", "أبو علي", "أبو عمر", "أبو حسن", "أبو عبدو"]
NICK = ["الطويل", "الأشقر", "الأسمر", "الحلاق", "الأستاذ"]


def excel_serial(d: date) -> str:
    return str((d - date(1899, 12, 30)).days)


def hrd_sheet_a(rng: random.Random, p: Person, forms: list[str]) -> dict:
    first, father, family = p.first, p.father, p.family
    if p.region == "east" and p.tribe != family and rng.random() < 0.1:
        family = p.tribe
        forms.append("tribe_as_family")
    if rng.random() < 0.25:
        first, father, family = (ar_drop_hamza(x) for x in (first, father, family))
        forms.append("hamza_dropped")
    if rng.random() < 0.15:
        first, father, family = (ar_ta_marbuta(x) for x in (first, father, family))
        forms.append("ta_marbuta")
    if "عبد ال" in first + father and rng.random() < 0.4:
        first, father = ar_join_abd(first), ar_join_abd(father)
        forms.append("abd_joined")
    r = rng.random()
    if r < 0.12:
        father = ""
        forms.append("father_missing")
    elif r < 0.17:
        family = ""
        forms.append("family_missing")
    if p.sex == "M" and rng.random() < 0.06:
        first = f"{first} ({rng.choice(KUNYA + NICK)})"
        forms.append("kunya_in_brackets")
    if rng.random() < 0.03:
        first = ar_typo(rng, first) if rng.random() < 0.5 else first
        family = ar_typo(rng, family) if family and rng.random() < 0.5 else family
        forms.append("typo")
    mother = p.mother_first if rng.random() < 0.4 else ""
    if mother:
        forms.append("mother_first")
    r = rng.random()
    born = str(p.born.year) if r < 0.55 else ""
    if born and rng.random() < 0.08:
        born = str(p.born.year + rng.choice((-1, 1)))
        forms.append("year_off")
    nid = ""
    if rng.random() < 0.25:
        nid = p.nid
        forms.append("nid_given")
        r = rng.random()
        if r < 0.12:
            nid = f"{int(nid) / 10 ** (len(str(int(nid))) - 1):.5f}E+{len(str(int(nid))) - 1}"
            forms.append("nid_scientific")
        elif nid.startswith("0") and r < 0.6:
            nid = nid.lstrip("0")
            forms.append("nid_leading_zero_lost")
    arrest = arrest_excel(rng, p.arrest, forms)
    place = ""
    r = rng.random()
    if r < 0.5:
        place = p.arrest_place[0]
    elif r < 0.7:
        place = f"حاجز {p.arrest_place[0]}"
        forms.append("checkpoint")
    elif r < 0.8:
        place = p.branch[0]
    return {
        "full_name": "",
        "first_name": first,
        "father_name": father,
        "family_name": family,
        "mother_name": mother,
        "sex": "",
        "birth_year": born,
        "national_id": nid,
        "date_of_arrest": arrest,
        "place_of_arrest": place,
        "sheet": "تنسيقية 2013",
        "notes": rng.choice(["", "", "", "معتقل", "مغيب", "لا معلومات", "شوهد في صيدنايا"]),
    }


def arrest_excel(rng: random.Random, d: date, forms: list[str]) -> str:
    r = rng.random()
    if r < 0.06:
        forms.append("arrest_excel_serial")
        return excel_serial(d)
    if r < 0.50:
        if d.day <= 12 and rng.random() < 0.18:
            forms.append("arrest_us_swapped")
            return f"{d.month:02d}/{d.day:02d}/{d.year}"
        return fmt_dmy(d)
    if r < 0.75:
        return f"{d.month}/{d.year}"
    if r < 0.9:
        return str(d.year)
    return ""


def hrd_sheet_b(rng: random.Random, p: Person, forms: list[str]) -> dict:
    first = pick_variant(rng, LAT[p.first])
    father = pick_variant(rng, LAT[p.father])
    stem, art = FAM_LAT[p.family]
    stem = pick_variant(rng, stem)
    style = weighted(rng, [("Al-", 0.45), ("Al ", 0.2), ("El-", 0.1), ("", 0.25)]) if art else ""
    family = with_article(stem, style)
    r = rng.random()
    if r < 0.55:
        full = f"{first} {father} {family}"
    elif r < 0.85:
        full = f"{first} {family}"
        forms.append("first_family_only")
    elif r < 0.93:
        full = f"{family.upper()} {first} {father}"
        forms.append("family_first_upper")
    else:
        full = f"{first} {father}"
        forms.append("first_father_only")
    if rng.random() < 0.04:
        full = lat_typo(rng, full)
        forms.append("typo")
    sex = "F" if p.sex == "F" else "M" if rng.random() < 0.8 else ""
    r = rng.random()
    born = ""
    if r < 0.5:
        born = str(p.born.year)
        if rng.random() < 0.1:
            born = str(p.born.year + rng.choice((-1, 1)))
            forms.append("year_off")
    elif r < 0.55 and p.arrest:
        # the 2016 sheet's column held the age at arrest: merged into birth_year
        born = str(p.arrest.year - p.born.year)
        forms.append("age_in_birth_year")
    arrest = arrest_excel(rng, p.arrest, forms)
    en, _fr = PLACE_LAT[p.arrest_place[0]]
    r = rng.random()
    if r < 0.55:
        place = en
    elif r < 0.7:
        place = f"checkpoint at {en}"
        forms.append("checkpoint")
    elif r < 0.82:
        place = p.branch[1]
    else:
        place = ""
    mother = ""
    if rng.random() < 0.25:
        mother = pick_variant(rng, LAT[p.mother_first])
        forms.append("mother_first")
    return {
        "full_name": full,
        "first_name": "",
        "father_name": "",
        "family_name": "",
        "mother_name": mother,
        "sex": sex,
        "birth_year": born,
        "national_id": "",
        "date_of_arrest": arrest,
        "place_of_arrest": place,
        "sheet": "list 2016",
        "notes": rng.choice(["", "", "detained", "disappeared", "no news since arrest"]),
    }


# --- lb_returnees ------------------------------------------------------------------------------

LB_COLS = [
    "record_id",
    "full_name",
    "father_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
    "return_type",
    "reported_by",
]


def lb_record(rng: random.Random, p: Person, forms: list[str]) -> dict:
    def given(ar: str) -> str:
        en = pick_variant(rng, LAT[ar], 0.7)
        if ar == "محمد" and rng.random() < 0.2:
            forms.append("mhd")
            return "MHD"
        return lebanese(en) if rng.random() < 0.75 else en.upper()

    first = given(p.first)
    father = given(p.father)
    stem, art = FAM_LAT[p.family]
    stem = pick_variant(rng, stem, 0.7)
    stem = lebanese(stem) if rng.random() < 0.7 else stem.upper()
    if art:
        style = weighted(rng, [("AL ", 0.35), ("fused", 0.30), ("EL ", 0.15), ("", 0.2)])
        family = "AL" + stem.replace(" ", "") if style == "fused" else style + stem
    else:
        family = stem
    r = rng.random()
    if r < 0.58:
        full = f"{family} {first}"
        forms.append("surname_first_nocomma")
    elif r < 0.73:
        full = f"{family}, {first}"
        forms.append("surname_comma")
    elif r < 0.88:
        full = f"{first} {family}"
        forms.append("given_first")
    else:
        full = f"{first} {father} {family}"
        forms.append("three_names")
        father = father if rng.random() < 0.5 else ""
    if rng.random() < 0.03:
        full = lat_typo(rng, full)
        forms.append("typo")
    mr = rng.random()
    if mr < 0.7:
        mother = given(p.mother_first)
        forms.append("mother_first")
    elif mr < 0.9:
        mstem, _ = FAM_LAT[p.mother_family]
        mother = f"{given(p.mother_first)} {lebanese(pick_variant(rng, mstem))}"
        forms.append("mother_full")
    else:
        mother = ""
    r = rng.random()
    if r < 0.78:
        born = fmt_dmy(p.born)
        forms.append("birth_full")
    elif r < 0.93:
        born = str(p.born.year)
    else:
        born = ""
    bp = ""
    if rng.random() < 0.6:
        bp = PLACE_LAT[p.birth_place[0]][1]
    nid = ""
    if rng.random() < 0.45:
        nid = p.nid
        forms.append("nid_given")
        if rng.random() < 0.05:
            nid, _k = nid_error(rng, nid)
            forms.append("nid_error")
    d = p.returned
    arrest = fmt_dmy(d) if rng.random() < 0.85 else f"{d.month:02d}/{d.year}"
    place = p.crossing
    r = rng.random()
    if r < 0.3:
        place = f"{p.crossing} BORDER CROSSING"
    elif r < 0.4:
        place = p.crossing.title()
    return {
        "full_name": full,
        "father_name": father,
        "mother_name": mother,
        "sex": p.sex,
        "birth_year": born,
        "birth_place": bp,
        "national_id": nid,
        "date_of_arrest": arrest,
        "place_of_arrest": place,
        "return_type": rng.choice(["deported", "deported", "voluntary return", "voluntary return"])
        if rng.random() < 0.9
        else "unknown",
        "reported_by": rng.choice(["mother", "wife", "brother", "sister", "cousin", "self-report"])
        if rng.random() < 0.97
        else "",
    }


# ---------------------------------------------------------------------------------------------


def build_lists(rng: random.Random, persons: list[Person]) -> Lists:
    L = Lists()
    used: dict[str, set[str]] = defaultdict(set)
    detainees = [p for p in persons if (p.arrest or p.returned) and p.documented]

    # migration_nordic: relatives who reached Sweden or Denmark
    for p in detainees:
        if rng.random() >= REGIONS[p.region]["eu"] * 0.85:
            continue
        dk = rng.random() < 0.35
        n = 2 if rng.random() < 0.09 else 1
        for k in range(n):
            dk_k = dk if k == 0 or rng.random() < 0.7 else not dk
            if dk_k:
                rid = unique_id(
                    rng,
                    used["n"],
                    lambda: (
                        f"DK-{rng.randint(2014, 2019)}-{rng.randint(10000, 99999)}-"
                        f"{rng.randint(2, 9)}"
                    ),
                )
            else:
                rid = unique_id(
                    rng,
                    used["n"],
                    lambda: (
                        f"SE-{rng.randint(10, 19)}-{rng.randint(100000, 999999)}/"
                        f"{rng.randint(2, 9):02d}"
                    ),
                )
            forms = ["danish" if dk_k else "swedish"] + (["repeat"] if k else [])
            row = nordic_record(rng, p, dk_k, forms)
            L.add("migration_nordic", rid, p.pid, row, forms)

    # hlp_register: absent owners whose relatives protect their property
    for p in detainees:
        owner = (p.sex == "M" and p.born.year <= 1988) or (p.sex == "F" and p.born.year <= 1980)
        if not owner:
            continue
        rate = REGIONS[p.region]["council"] * (1.1 if p.sex == "M" else 0.35)
        if rng.random() >= rate:
            continue
        n = 2 if rng.random() < 0.1 else 1
        code = COUNCIL_CODE[p.region]
        for k in range(n):
            rid = unique_id(rng, used["h"], lambda c=code: f"{c}-{rng.randint(1, 3999):04d}")
            forms = ["repeat"] if k else []
            L.add("hlp_register", rid, p.pid, hlp_record(rng, p, forms), forms)

    # hrd_merged: a 2013 coordination committee's sheet and a 2016 list, merged
    for p in detainees:
        if not p.arrest or p.arrest.year > 2015:
            continue
        in_a = rng.random() < 0.38
        in_b = rng.random() < 0.32
        if in_a and in_b and rng.random() < 0.35:
            in_b = False  # the defender removed the duplicate by hand
        if in_a:
            na = 2 if rng.random() < 0.03 else 1
            for k in range(na):
                rid = unique_id(rng, used["r"], lambda: f"A-{rng.randint(1, 9999):04d}")
                forms = ["sheet_a"] + (["repeat"] if k else [])
                L.add("hrd_merged", rid, p.pid, hrd_sheet_a(rng, p, forms), forms)
        if in_b:
            rid = unique_id(rng, used["r"], lambda: f"B-{rng.randint(1, 9999):04d}")
            forms = ["sheet_b"] + (["repeat", "cross_script_repeat"] if in_a else [])
            L.add("hrd_merged", rid, p.pid, hrd_sheet_b(rng, p, forms), forms)

    # lb_returnees: refugees arrested on return at the Lebanese border
    for p in persons:
        if not p.returned or rng.random() >= 0.85:
            continue
        n = 2 if rng.random() < 0.06 else 1
        for k in range(n):
            rid = unique_id(
                rng, used["l"], lambda d=p.returned: f"RET-{d.year}-{rng.randint(1, 2999):04d}"
            )
            forms = ["repeat"] if k else []
            L.add("lb_returnees", rid, p.pid, lb_record(rng, p, forms), forms)
    return L


# Nominal share of each list's records that show a form; the selftest checks the measured
# shares against these (within 0.03, or 30 % of the nominal value, whichever is larger).
EXPECTED = {
    ("migration_nordic", "danish"): 0.35,
    ("migration_nordic", "repeat"): 0.08,
    ("migration_nordic", "father_as_surname"): 0.12,
    ("migration_nordic", "father_in_first_name"): 0.10,
    ("migration_nordic", "father_missing"): 0.10,
    ("migration_nordic", "family_upper"): 0.18,
    ("migration_nordic", "mother_first"): 0.50,
    ("migration_nordic", "mother_full"): 0.20,
    ("migration_nordic", "birth_0101"): 0.32,
    ("migration_nordic", "arrest_month_words"): 0.30,
    ("migration_nordic", "typo"): 0.03,
    ("migration_nordic", "year_off"): 0.07,
    ("hlp_register", "bin_chain"): 0.10,
    ("hlp_register", "hamza_dropped"): 0.10,
    ("hlp_register", "nid_given"): 0.62,
    ("hlp_register", "nid_error"): 0.087,
    ("hlp_register", "mother_full"): 0.45,
    ("hlp_register", "mother_walidatuhu"): 0.30,
    ("hlp_register", "birth_dmy"): 0.35,
    ("hlp_register", "arabic_digits"): 0.06,
    ("hlp_register", "repeat"): 0.09,
    ("hrd_merged", "sheet_b"): 0.42,
    ("hrd_merged", "cross_script_repeat"): 0.11,
    ("hrd_merged", "hamza_dropped"): 0.145,
    ("hrd_merged", "arrest_excel_serial"): 0.06,
    ("hrd_merged", "first_family_only"): 0.125,
    ("hrd_merged", "mother_first"): 0.34,
    ("lb_returnees", "surname_first_nocomma"): 0.58,
    ("lb_returnees", "surname_comma"): 0.15,
    ("lb_returnees", "given_first"): 0.15,
    ("lb_returnees", "three_names"): 0.12,
    ("lb_returnees", "birth_full"): 0.78,
    ("lb_returnees", "mother_first"): 0.70,
}


LIST_COLS = {
    "migration_nordic": NORDIC_COLS,
    "hlp_register": HLP_COLS,
    "hrd_merged": HRD_COLS,
    "lb_returnees": LB_COLS,
}


def csv_text(cols: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([r.get(c, "") if c != "رقم السجل" else r["record_id"] for c in cols])
    return buf.getvalue()


def generate(seed: int, n: int):
    rng = random.Random(seed)
    persons = build_population(rng, n)
    detain(rng, persons)
    L = build_lists(rng, persons)
    return persons, L


def write(out: str, persons: list[Person], L: Lists) -> None:
    os.makedirs(out, exist_ok=True)
    for name, cols in LIST_COLS.items():
        rows = L.rows[name]
        # order rows by record id, as each source's own export is sorted
        rows = sorted(rows, key=lambda r: r["record_id"])
        L.rows[name] = rows
        with open(os.path.join(out, f"{name}.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(csv_text(cols, rows))
    order = {name: i for i, name in enumerate(LIST_COLS)}
    truth = sorted(L.truth, key=lambda t: (order[t[0]], t[1]))
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)
    with open(os.path.join(out, "persons.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            [
                "person_id",
                "household",
                "clan",
                "region",
                "role",
                "sex",
                "first_name",
                "father_name",
                "grandfather_name",
                "family_name",
                "tribe",
                "mother_first",
                "mother_family",
                "husband_family",
                "birth_date",
                "birth_place",
                "national_id",
                "date_of_arrest",
                "place_of_arrest",
                "branch",
                "fate",
                "return_arrest",
                "crossing",
                "father_id",
                "mother_id",
            ]
        )
        for p in persons:
            w.writerow(
                [
                    p.pid,
                    p.hh,
                    p.clan,
                    p.region,
                    p.role,
                    p.sex,
                    p.first,
                    p.father,
                    p.grand,
                    p.family,
                    p.tribe,
                    p.mother_first,
                    p.mother_family,
                    p.husband_family,
                    p.born.isoformat(),
                    p.birth_place[0],
                    p.nid,
                    p.arrest.isoformat() if p.arrest else "",
                    p.arrest_place[0] if p.arrest else "",
                    p.branch[0] if p.arrest else "",
                    p.fate or "",
                    p.returned.isoformat() if p.returned else "",
                    p.crossing or "",
                    p.father_pid or "",
                    p.mother_pid or "",
                ]
            )


def stats(persons: list[Person], L: Lists) -> str:
    out = []
    by_pid = {p.pid: p for p in persons}
    lists_of: dict[str, set[str]] = defaultdict(set)
    for name, _rid, pid in L.truth:
        lists_of[pid].add(name)
    total = len(L.truth)
    out.append(f"records {total} persons {len(lists_of)}")
    for name in LIST_COLS:
        recs = [t for t in L.truth if t[0] == name]
        pids = {t[2] for t in recs}
        out.append(
            f"  {name}: records {len(recs)} persons {len(pids)} repeats {len(recs) - len(pids)}"
        )
    dist = Counter(len(v) for v in lists_of.values())
    out.append("persons by number of lists: " + ", ".join(f"{k}:{dist[k]}" for k in sorted(dist)))
    names = list(LIST_COLS)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            n = sum(1 for v in lists_of.values() if a in v and b in v)
            out.append(f"  {a} & {b}: {n}")
    scripts: dict[str, set[str]] = defaultdict(set)
    for name, rid, pid in L.truth:
        latin = name in ("migration_nordic", "lb_returnees") or rid.startswith("B-")
        scripts[pid].add("latin" if latin else "arabic")
    n = sum(1 for v in scripts.values() if len(v) == 2)
    out.append(f"persons with both an Arabic-script and a Latin-script record: {n}")
    listed = [by_pid[pid] for pid in sorted(lists_of)]
    groups = Counter((p.first, p.father, p.family) for p in listed)
    ng = [g for g, c in groups.items() if c > 1]
    out.append(
        f"namesake groups (first, father, family): {len(ng)} ({sum(groups[g] for g in ng)} persons)"
    )
    hh = Counter(p.hh for p in listed if p.role == "child")
    out.append(
        f"households with two or more listed children: {sum(1 for c in hh.values() if c > 1)}"
    )
    half = Counter((p.hh, p.first) for p in listed if p.role == "child")
    out.append(f"listed half-brothers of one name: {sum(1 for c in half.values() if c > 1)}")
    fathers = {p.pid for p in listed if p.role == "father"}
    fc = sum(1 for p in listed if p.father_pid in fathers)
    out.append(f"listed children whose father is listed too: {fc}")
    out.append(f"listed women: {sum(1 for p in listed if p.sex == 'F')}")
    out.append(f"detained persons (first arrest): {sum(1 for p in persons if p.arrest)}")
    out.append(f"returnees arrested at the border: {sum(1 for p in persons if p.returned)}")
    both = sum(1 for p in persons if p.arrest and p.returned)
    out.append(f"  of whom detained before as well: {both}")
    fam = Counter(p.family for p in listed)
    out.append("largest families: " + ", ".join(f"{k} {v}" for k, v in fam.most_common(6)))
    men = [p for p in listed if p.sex == "M"]
    fn = Counter(p.first for p in men)
    out.append(
        "most common men's names: "
        + ", ".join(f"{k} {100 * v / len(men):.1f}%" for k, v in fn.most_common(3))
    )
    se = [r for r in L.rows["migration_nordic"] if r["record_id"].startswith("SE")]
    dk = [r for r in L.rows["migration_nordic"] if r["record_id"].startswith("DK")]

    def share(rows: list[dict], cols: tuple[str, ...], test) -> str:
        hit = sum(1 for r in rows if test(" ".join(r[c] for c in cols)))
        return f"{hit} of {len(rows)} ({100 * hit / max(1, len(rows)):.1f}%)"

    given = ("first_name", "father_name", "family_name", "mother_name")
    out.append("spellings in migration_nordic (names):")
    out.append("    Swedish sj: " + share(se, given, lambda s: "sj" in s.lower()))
    out.append("    Swedish dj: " + share(se, given, lambda s: "dj" in s.lower()))
    out.append("    Swedish ch: " + share(se, given, lambda s: "ch" in s.lower()))
    out.append("    Danish aa: " + share(dk, given[:2], lambda s: "aa" in s.lower()))
    lb = L.rows["lb_returnees"]
    lbc = ("full_name", "father_name", "mother_name")
    out.append("spellings in lb_returnees (names):")
    out.append("    CH: " + share(lb, lbc, lambda s: "CH" in s))
    out.append("    OU: " + share(lb, lbc, lambda s: "OU" in s))
    out.append("    EH ending: " + share(lb, lbc, lambda s: "EH " in s + " "))
    for name in LIST_COLS:
        n = len(L.rows[name])
        out.append(f"forms in {name} ({n} records):")
        for f, c in sorted(L.forms[name].items()):
            out.append(f"    {f}: {c} ({100 * c / n:.1f}%)")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    persons, L = generate(a.seed, a.persons)
    write(a.out, persons, L)
    if a.stats:
        print(stats(persons, L))
    return 0


if __name__ == "__main__":
    sys.exit(main())
