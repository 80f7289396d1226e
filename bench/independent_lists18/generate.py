"""Independent linkage test set 18: four synthetic lists of the missing, with ground truth.

Written blind (without seeing the engine). Standard library only; the same seed writes
byte-identical files under any PYTHONHASHSEED.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import unicodedata
from collections import Counter

# --- names: (Arabic, scholarly romanisation) ---------------------------------------------
MALE = [
    ("محمد", "Muḥammad"),
    ("أحمد", "Aḥmad"),
    ("محمود", "Maḥmūd"),
    ("علي", "ʿAlī"),
    ("عمر", "ʿUmar"),
    ("خالد", "Khālid"),
    ("حسن", "Ḥasan"),
    ("حسين", "Ḥusayn"),
    ("إبراهيم", "Ibrāhīm"),
    ("يوسف", "Yūsuf"),
    ("مصطفى", "Muṣṭafā"),
    ("عبد الله", "ʿAbd Allāh"),
    ("عبد الرحمن", "ʿAbd al-Raḥmān"),
    ("عبد القادر", "ʿAbd al-Qādir"),
    ("عبد الكريم", "ʿAbd al-Karīm"),
    ("سامر", "Sāmir"),
    ("وليد", "Walīd"),
    ("ياسر", "Yāsir"),
    ("فراس", "Firās"),
    ("أنس", "Anas"),
    ("معاذ", "Muʿādh"),
    ("حمزة", "Ḥamza"),
    ("بلال", "Bilāl"),
    ("جمال", "Jamāl"),
    ("سعيد", "Saʿīd"),
    ("صالح", "Ṣāliḥ"),
    ("طارق", "Ṭāriq"),
    ("عماد", "ʿImād"),
    ("فادي", "Fādī"),
    ("مازن", "Māzin"),
    ("ماهر", "Māhir"),
    ("نزار", "Nizār"),
    ("هيثم", "Haytham"),
    ("رامي", "Rāmī"),
    ("زياد", "Ziyād"),
    ("قاسم", "Qāsim"),
    ("عثمان", "ʿUthmān"),
    ("جاسم", "Jāsim"),
    ("فيصل", "Fayṣal"),
    ("عبد الرزاق", "ʿAbd al-Razzāq"),
    ("ضياء", "Ḍiyāʾ"),
    ("مهند", "Muhannad"),
    ("شادي", "Shādī"),
    ("غسان", "Ghassān"),
    ("عدنان", "ʿAdnān"),
    ("موسى", "Mūsā"),
    ("عيسى", "ʿĪsā"),
    ("سليمان", "Sulaymān"),
    ("رضوان", "Riḍwān"),
    ("مؤمن", "Muʾmin"),
]
MALE_W = [14, 8, 4, 4, 3, 3, 3, 2] + [1.2] * (len(MALE) - 8)
FEMALE = [
    ("فاطمة", "Fāṭima"),
    ("مريم", "Maryam"),
    ("عائشة", "ʿĀʾisha"),
    ("خديجة", "Khadīja"),
    ("زينب", "Zaynab"),
    ("رنا", "Ranā"),
    ("هبة", "Hiba"),
    ("سلمى", "Salmā"),
    ("نور", "Nūr"),
    ("رهف", "Rahaf"),
    ("آمنة", "Āmina"),
    ("سعاد", "Suʿād"),
    ("هدى", "Hudā"),
    ("منى", "Munā"),
    ("ليلى", "Laylā"),
    ("رغد", "Raghad"),
    ("ولاء", "Walāʾ"),
    ("أسماء", "Asmāʾ"),
    ("سمر", "Samar"),
    ("لينا", "Līnā"),
    ("دعاء", "Duʿāʾ"),
    ("إيمان", "Īmān"),
    ("نادية", "Nādiya"),
    ("سوسن", "Sawsan"),
    ("رشا", "Rashā"),
    ("غادة", "Ghāda"),
    ("وفاء", "Wafāʾ"),
    ("حنان", "Ḥanān"),
    ("رزان", "Razān"),
    ("بشرى", "Bushrā"),
]
FEMALE_W = [5, 4, 3, 3, 2] + [1.0] * (len(FEMALE) - 5)
ROM = dict(MALE + FEMALE)
# English forms a relative or an editor would type (first one the commonest)
ENGLISH = {
    "محمد": ["Mohammad", "Mohammed", "Muhammad", "Mohamad"],
    "أحمد": ["Ahmad", "Ahmed"],
    "محمود": ["Mahmoud", "Mahmood"],
    "علي": ["Ali"],
    "عمر": ["Omar", "Umar"],
    "خالد": ["Khaled", "Khalid"],
    "حسين": ["Hussein", "Hussain"],
    "يوسف": ["Yousef", "Yusuf"],
    "مصطفى": ["Mustafa", "Moustafa"],
    "عبد الله": ["Abdullah", "Abdallah"],
    "عبد الرحمن": ["Abdulrahman", "Abdel Rahman"],
    "عبد القادر": ["Abdulkader", "Abdul Qader"],
    "عبد الكريم": ["Abdulkarim"],
    "عبد الرزاق": ["Abdulrazzak", "Abdul Razzaq"],
    "إبراهيم": ["Ibrahim"],
    "عثمان": ["Othman", "Osman"],
    "هيثم": ["Haitham", "Haytham"],
    "فيصل": ["Faisal"],
    "سعيد": ["Saeed", "Said"],
    "ضياء": ["Diaa", "Dia"],
    "عائشة": ["Aisha", "Aysha"],
    "فاطمة": ["Fatima", "Fatma"],
    "زينب": ["Zainab", "Zeinab"],
    "ليلى": ["Layla", "Laila"],
    "هدى": ["Huda", "Houda"],
    "منى": ["Muna", "Mona"],
    "مؤمن": ["Moamen", "Mumen"],
    "إيمان": ["Iman", "Eman"],
}
PET = {
    "محمد": ["حمودة", "حمود"],
    "إبراهيم": ["برهوم"],
    "فاطمة": ["فطوم"],
    "عبد الله": ["عبود"],
    "عبد القادر": ["عبدو"],
    "عبد الرحمن": ["عبدو"],
    "مصطفى": ["صطوف"],
    "خديجة": ["خدوج"],
    "يوسف": ["يوسف"],
    "محمود": ["أبو حميد"],
}
# family names: (Arabic, romanisation without the article, has article, regions or None)
FAMILIES = [
    ("الأحمد", "Aḥmad", True, None),
    ("العلي", "ʿAlī", True, None),
    ("الحسن", "Ḥasan", True, None),
    ("الشيخ", "Shaykh", True, None),
    ("المحمد", "Muḥammad", True, None),
    ("الخطيب", "Khaṭīb", True, None),
    ("العبد الله", "ʿAbd Allāh", True, None),
    ("الحسين", "Ḥusayn", True, None),
    ("الحريري", "Ḥarīrī", True, ("dar",)),
    ("الزعبي", "Zuʿbī", True, ("dar",)),
    ("المحاميد", "Maḥāmīd", True, ("dar",)),
    ("الحموي", "Ḥamawī", True, ("ham",)),
    ("قدور", "Qaddūr", False, ("ham", "idl")),
    ("البكور", "Bakkūr", True, ("idl", "ham")),
    ("الحلبي", "Ḥalabī", True, ("alp",)),
    ("الديري", "Dayrī", True, ("dez",)),
    ("العكيدي", "ʿUkaydī", True, ("dez",)),
    ("البكاري", "Bakkārī", True, ("dez", "raq")),
    ("الشعيطي", "Shuʿayṭī", True, ("dez",)),
    ("الهويدي", "Huwaydī", True, ("raq",)),
    ("العفادلة", "ʿAfādila", True, ("raq",)),
    ("الجاسم", "Jāsim", True, ("raq", "dez")),
    ("الخلف", "Khalaf", True, ("raq", "dez")),
    ("الدرويش", "Darwīsh", True, None),
    ("الحمصي", "Ḥimṣī", True, ("hom",)),
    ("الخالدي", "Khālidī", True, ("hom",)),
    ("الدوماني", "Dūmānī", True, ("dam",)),
    ("الشامي", "Shāmī", True, ("dam",)),
    ("عيون السود", "ʿUyūn al-Sūd", False, ("hom",)),
    ("طه", "Ṭāhā", False, None),
    ("الإدلبي", "Idlibī", True, ("idl",)),
    ("السيد", "Sayyid", True, None),
]
TRIBE = {
    "dez": ["العكيدات", "البكارة", "الشعيطات", "البوسرايا"],
    "raq": ["العفادلة", "البوشعبان", "الولدة"],
}
REGIONS = {
    "dam": (
        "ريف دمشق",
        [
            ("دوما", "Dūmā"),
            ("داريا", "Dārayyā"),
            ("المعضمية", "al-Muʿaḍḍamiyya"),
            ("حرستا", "Ḥarastā"),
            ("التل", "al-Tall"),
        ],
        0.17,
    ),
    "hom": ("حمص", [("حمص", "Ḥimṣ"), ("الرستن", "al-Rastan"), ("تلبيسة", "Talbīsa")], 0.12),
    "dar": ("درعا", [("درعا", "Darʿā"), ("نوى", "Nawā"), ("طفس", "Ṭafas")], 0.11),
    "ham": ("حماة", [("حماة", "Ḥamāh"), ("كفرزيتا", "Kafr Zītā")], 0.08),
    "idl": (
        "إدلب",
        [("إدلب", "Idlib"), ("سراقب", "Sarāqib"), ("معرة النعمان", "Maʿarrat al-Nuʿmān")],
        0.09,
    ),
    "alp": ("حلب", [("حلب", "Ḥalab"), ("منبج", "Manbij"), ("الباب", "al-Bāb")], 0.13),
    "raq": (
        "الرقة",
        [("الرقة", "al-Raqqa"), ("الطبقة", "al-Ṭabqa"), ("تل أبيض", "Tall Abyaḍ")],
        0.14,
    ),
    "dez": (
        "دير الزور",
        [
            ("دير الزور", "Dayr al-Zūr"),
            ("الميادين", "al-Mayādīn"),
            ("البوكمال", "al-Būkamāl"),
            ("الشحيل", "al-Shuḥayl"),
        ],
        0.16,
    ),
}
REGION_KEYS = list(REGIONS)
ISIS_TOWNS = {
    "الرقة",
    "الطبقة",
    "تل أبيض",
    "دير الزور",
    "الميادين",
    "البوكمال",
    "الشحيل",
    "منبج",
    "الباب",
}
BRANCHES = [
    "فرع فلسطين",
    "الأمن العسكري",
    "المخابرات الجوية",
    "أمن الدولة",
    "الأمن السياسي",
    "سجن صيدنايا",
    "الشرطة العسكرية",
]
BRANCH_EN = {
    "فرع فلسطين": "Branch 235 (Palestine Branch)",
    "الأمن العسكري": "Military Intelligence",
    "المخابرات الجوية": "Air Force Intelligence",
    "أمن الدولة": "State Security",
    "الأمن السياسي": "Political Security",
    "سجن صيدنايا": "Saydnaya Prison",
    "الشرطة العسكرية": "Military Police (Qaboun)",
}
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
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DOTS = {
    "ح": "خج",
    "خ": "حج",
    "ج": "حخ",
    "ب": "تن",
    "ت": "بث",
    "ث": "تن",
    "ن": "بت",
    "ر": "ز",
    "ز": "ر",
    "د": "ذ",
    "ذ": "د",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
    "ط": "ظ",
}
ARABIC_RANGE = ("\u0600", "\u06ff")


# --- text forms ----------------------------------------------------------------------------
def drop_hamza(s: str) -> str:
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def ta_to_ha(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def ya_to_alif(s: str) -> str:
    return " ".join(w[:-1] + "ى" if w.endswith("ي") and len(w) > 2 else w for w in s.split(" "))


def join_abd(s: str) -> str:
    return s.replace("عبد ال", "عبدال")


def dot_slip(s: str, r: random.Random) -> str:
    idx = [i for i, c in enumerate(s) if c in DOTS]
    if not idx:
        return s
    i = r.choice(idx)
    return s[:i] + r.choice(DOTS[s[i]]) + s[i + 1 :]


def letter_drop(s: str, r: random.Random) -> str:
    idx = [i for i in range(1, len(s) - 1) if s[i] != " " and s[i - 1] != " "]
    if not idx:
        return s
    i = r.choice(idx)
    return s[:i] + s[i + 1 :]


def plain_rom(s: str) -> str:
    """Scholarly romanisation with its signs dropped, as a typesetter loses them."""
    s = s.replace("ʿ", "").replace("ʾ", "")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def english(ar: str, r: random.Random, usual: float = 0.7) -> str:
    forms = ENGLISH.get(ar)
    if forms:
        return forms[0] if r.random() < usual or len(forms) == 1 else r.choice(forms[1:])
    return plain_rom(ROM[ar])


ARABIZI = [
    ("ʿ", "3"),
    ("ʾ", "2"),
    ("kh", "5"),
    ("ḥ", "7"),
    ("Ḥ", "7"),
    ("ā", "a"),
    ("ī", "i"),
    ("ū", "ou"),
    ("Ā", "A"),
    ("Ī", "I"),
    ("ṣ", "s"),
    ("Ṣ", "S"),
    ("ṭ", "t"),
    ("Ṭ", "T"),
    ("ḍ", "d"),
    ("Ḍ", "D"),
    ("q", "2"),
    ("Q", "2"),
    ("Kh", "5"),
]


def arabizi(rom: str, r: random.Random) -> str:
    s = rom
    for a, b in ARABIZI:
        if b == "2" and a in "qQ" and r.random() < 0.4:
            b = a
        if b == "5" and r.random() < 0.3:
            b = a
        s = s.replace(a, b)
    s = s.replace("ay", "ei" if r.random() < 0.6 else "ai")
    if s.startswith("Mu7ammad"):
        s = r.choice(["Mo7ammad", "Mo7amad", "M7md", "Mohammad"]) + s[8:]
    if "ou" in s and r.random() < 0.3:
        s = s.replace("ou", "o")
    if s.startswith("3Abd ") and r.random() < 0.5:
        rest = s[5:]
        if rest.startswith("al-"):
            rest = r.choice(["ul", "el", "al"]) + rest[3:]
        s = r.choice(["3abd", "Abd", "3bd"]) + rest.lower()
    s = s.replace(" al-", " el ").replace("al-", "el " if r.random() < 0.7 else "al ")
    s = s[0].upper() + s[1:] if s and s[0].isalpha() else s
    return s if r.random() < 0.5 else s.lower()


def family_ar(fam: tuple, r: random.Random, no_article: float = 0.0) -> str:
    ar, _, art, _ = fam
    if art and r.random() < no_article:
        return ar[2:]
    return ar


def family_rom(fam: tuple) -> str:
    return ("al-" if fam[2] else "") + fam[1]


def ar_digits(s: str, r: random.Random, p: float) -> str:
    return s.translate(INDIC) if r.random() < p else s


def has_arabic(s: str) -> bool:
    return any(ARABIC_RANGE[0] <= c <= ARABIC_RANGE[1] for c in s)


# --- the people ----------------------------------------------------------------------------
class Person:
    __slots__ = (
        "abducted",
        "act",
        "arrest",
        "birth",
        "died",
        "family",
        "father_id",
        "first",
        "fname",
        "gname",
        "hh",
        "id",
        "isis_place",
        "kids",
        "kunya",
        "lists",
        "mfam",
        "mfirst",
        "mother_id",
        "place",
        "region",
        "sex",
        "spouse_id",
        "town",
        "with_brother",
    )

    def __init__(self, **kw: object) -> None:
        for k in self.__slots__:
            setattr(self, k, kw.get(k))


def rdate(r: random.Random, y0: int, y1: int) -> dt.date:
    return dt.date(y0, 1, 1) + dt.timedelta(
        days=r.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days + 1)
    )


def build_people(r: random.Random, n: int) -> list[Person]:
    people: list[Person] = []

    def new(**kw: object) -> Person:
        p = Person(id=f"P{len(people) + 1:05d}", kids=[], lists=[], **kw)
        people.append(p)
        return p

    hh = 0
    while len(people) < n:
        reg = r.choices(REGION_KEYS, [REGIONS[k][2] for k in REGION_KEYS])[0]
        town = r.choice(REGIONS[reg][1])
        fams = [f for f in FAMILIES if f[3] is None or reg in f[3]]
        fam = r.choice(fams)
        for _g in range(r.choice([1, 1, 2, 3])):
            gname = r.choices(MALE, MALE_W)[0][0]
            gg = r.choices(MALE, MALE_W)[0][0]
            used: list[str] = []
            for _s in range(r.randint(1, 4)):
                hh += 1
                act = r.uniform(0.4, 1.3)
                fn = r.choices(MALE, MALE_W)[0][0]
                while fn in used:
                    fn = r.choices(MALE, MALE_W)[0][0]
                used.append(fn)
                fb = rdate(r, 1940, 1972)
                father = new(
                    hh=hh,
                    region=reg,
                    town=town,
                    sex="M",
                    first=fn,
                    fname=gname,
                    gname=gg,
                    family=fam,
                    mfirst=r.choices(FEMALE, FEMALE_W)[0][0],
                    mfam=r.choice(fams),
                    birth=fb,
                    act=act,
                )
                wfam = fam if r.random() < 0.3 else r.choice(fams)
                wife = new(
                    hh=hh,
                    region=reg,
                    town=town,
                    sex="F",
                    first=r.choices(FEMALE, FEMALE_W)[0][0],
                    fname=r.choices(MALE, MALE_W)[0][0],
                    gname=r.choices(MALE, MALE_W)[0][0],
                    family=wfam,
                    mfirst=r.choices(FEMALE, FEMALE_W)[0][0],
                    mfam=r.choice(fams),
                    birth=fb + dt.timedelta(days=r.randint(0, 3650)),
                    act=act,
                )
                father.spouse_id, wife.spouse_id = wife.id, father.id
                names: list[str] = []
                ystart = max(fb.year + 20, wife.birth.year + 18)
                for k in range(r.randint(1, 6)):
                    sex = "M" if r.random() < 0.51 else "F"
                    if sex == "M" and k == 0 and gname not in names and r.random() < 0.4:
                        cn = gname
                    else:
                        pool, w = (MALE, MALE_W) if sex == "M" else (FEMALE, FEMALE_W)
                        cn = r.choices(pool, w)[0][0]
                        while cn in names:
                            cn = r.choices(pool, w)[0][0]
                    names.append(cn)
                    by = min(ystart + 2 * k + r.randint(0, 2), 2004)
                    c = new(
                        hh=hh,
                        region=reg,
                        town=town,
                        sex=sex,
                        first=cn,
                        fname=fn,
                        gname=gname,
                        family=fam,
                        mfirst=wife.first,
                        mfam=wife.family,
                        birth=rdate(r, by, by),
                        father_id=father.id,
                        mother_id=wife.id,
                        act=act,
                    )
                    father.kids.append(c)
                    wife.kids.append(c)
                sons = [c for c in father.kids if c.sex == "M"]
                eldest = sons[0].first if sons else None
                father.kunya = eldest
                wife.kunya = eldest
    return people


def assign_events(r: random.Random, people: list[Person], by_id: dict) -> None:
    for p in people:
        age_ok = 1950 <= p.birth.year <= 1997 if p.sex == "M" else 1955 <= p.birth.year <= 1997
        east = p.region in ("raq", "dez")
        if age_ok:
            rate = (0.08 if east else 0.24) if p.sex == "M" else (0.015 if east else 0.065)
            if r.random() < rate:
                y = r.choices(range(2011, 2020), [8, 22, 22, 14, 9, 7, 6, 6, 6])[0]
                d = rdate(r, y, y)
                d = max(d, dt.date(2011, 3, 15))
                if (d - p.birth).days < 16 * 366:
                    d = p.birth + dt.timedelta(days=16 * 366 + r.randint(0, 400))
                if d.year <= 2019:
                    p.arrest = d
                    p.place = r.choices(["home", "checkpoint", "border"], [45, 40, 15])[0]
                    p.died = r.random() < 0.18
            elif p.town[0] in ISIS_TOWNS:
                rate = (0.25 if east else 0.1) if p.sex == "M" else 0.02
                if r.random() < rate:
                    p.abducted = rdate(r, r.choice([2013, 2014, 2014, 2015, 2016, 2017]), 2017)
                    p.isis_place = r.choice(["حاجز", "البيت", "السوق", "الجامع", "الطريق"])
    # brothers arrested together
    for p in people:
        if p.arrest and p.sex == "M" and p.father_id and r.random() < 0.15:
            bros = [
                b
                for b in by_id[p.father_id].kids
                if b is not p
                and b.sex == "M"
                and not b.arrest
                and b.birth.year <= 1995
                and (p.arrest - b.birth).days > 16 * 366
            ]
            if bros:
                b = r.choice(bros)
                b.arrest, b.place, b.died, b.with_brother = p.arrest, p.place, False, p.id
                p.with_brother = b.id


# --- dates -----------------------------------------------------------------------------------
def ar_date(d: dt.date, r: random.Random) -> str:
    k = r.random()
    if k < 0.45:
        return f"{d.day}/{d.month}/{d.year}"
    if k < 0.6:
        return f"{d.year}/{d.month}/{d.day}"
    if k < 0.8:
        return f"{d.day} {AR_MONTHS[d.month - 1]} {d.year}"
    return (
        f"{AR_MONTHS[d.month - 1]} {d.year}" if k < 0.9 else f"{d.year}-{d.month:02d}-{d.day:02d}"
    )


# --- lists -----------------------------------------------------------------------------------
class Rows:
    def __init__(self, name: str, header: list[str]) -> None:
        self.name, self.header, self.rows, self.truth = name, header, [], []
        self.forms: Counter[str] = Counter()

    def add(self, rid: str, p: Person, row: list[str], forms: list[str]) -> None:
        self.rows.append([rid, *row])
        self.truth.append((self.name, rid, p.id))
        if self.name not in p.lists:
            p.lists.append(self.name)
        for f in forms:
            self.forms[f] += 1


def arabic_typing(
    s: str,
    r: random.Random,
    forms: list[str],
    hz: float,
    ya: float,
    abd: float,
    ta: float,
    dot: float,
    drop: float,
) -> str:
    if r.random() < hz and drop_hamza(s) != s:
        s = drop_hamza(s)
        forms.append("hamza_dropped")
    if r.random() < ya and ya_to_alif(s) != s:
        s = ya_to_alif(s)
        forms.append("final_ya_as_alif")
    if r.random() < abd and join_abd(s) != s:
        s = join_abd(s)
        forms.append("abd_joined")
    if r.random() < ta and ta_to_ha(s) != s:
        s = ta_to_ha(s)
        forms.append("ta_as_ha")
    if r.random() < dot:
        s = dot_slip(s, r)
        forms.append("dot_slip")
    if r.random() < drop:
        s = letter_drop(s, r)
        forms.append("letter_dropped")
    return s


def women_network(r: random.Random, people: list[Person], by_id: dict) -> Rows:
    """A women detainees' support network's register (Arabic headers)."""
    out = Rows(
        "women_network",
        [
            "رقم السجل",
            "الاسم الكامل",
            "اسم الأم",
            "سنة الولادة",
            "مكان الإقامة",
            "تاريخ الاعتقال",
            "مكان الاعتقال",
            "الجهة",
            "الحالة",
            "المبلغة",
            "ملاحظات",
        ],
    )
    chosen: list[tuple[Person, str]] = []
    for p in people:
        if not p.arrest:
            continue
        if p.sex == "F" and r.random() < 0.85 * min(1.0, p.act + 0.2):
            chosen.append((p, "self"))
        elif p.sex == "M" and p.spouse_id and r.random() < 0.3 * p.act:
            chosen.append((p, "wife"))
        elif p.sex == "M" and p.mother_id and r.random() < 0.10 * p.act:
            chosen.append((p, "mother"))
    n = 0
    for p, how in chosen:
        for rep in range(2 if r.random() < 0.13 else 1):
            n += 1
            forms: list[str] = []
            fam = family_ar(p.family, r, 0.08)
            k = r.random()
            if k < 0.5:
                name = f"{p.first} {p.fname} {fam}"
                forms.append("name_three")
            elif k < 0.65:
                name = f"{p.first} {fam}"
                forms.append("name_two")
            elif k < 0.78:
                name = f"{p.first} {p.fname} {p.gname} {fam}"
                forms.append("name_four")
            else:
                link = "بنت" if p.sex == "F" else "بن"
                name = f"{p.first} {link} {p.fname} {fam}"
                forms.append("name_bint")
            if p.sex == "F" and p.spouse_id and r.random() < 0.18:
                h = by_id[p.spouse_id]
                name += f" زوجة {h.first} {family_ar(h.family, r)}"
                forms.append("wife_of_in_name")
            if p.kunya and r.random() < 0.12:
                name += f" ({'أم' if p.sex == 'F' else 'أبو'} {p.kunya})"
                forms.append("kunya")
            if p.sex == "F" and r.random() < 0.1:
                name = "المعتقلة " + name
                forms.append("prefix_word")
            elif p.sex == "F" and p.birth.year < 1966 and r.random() < 0.3:
                name = "الحاجة " + name
                forms.append("title_hajja")
            name = arabic_typing(name, r, forms, 0.25, 0.06, 0.08, 0.03, 0.03, 0.012)
            m = r.random()
            mother = (
                p.mfirst if m < 0.4 else f"{p.mfirst} {family_ar(p.mfam, r)}" if m < 0.65 else ""
            )
            b = r.random()
            if b < 0.45:
                by = str(p.birth.year)
            elif b < 0.6:
                by = f"مواليد {p.birth.year}"
            elif b < 0.72:
                age = p.arrest.year - p.birth.year
                by = f"{p.arrest.year - age + r.choice([0, 0, -1, 1])}"
                forms.append("birth_from_age")
            elif b < 0.8:
                by = f"{p.birth.day}/{p.birth.month}/{p.birth.year}"
            else:
                by = ""
            by = ar_digits(by, r, 0.06)
            a = r.random()
            arr = ar_date(p.arrest, r) if a < 0.6 else str(p.arrest.year) if a < 0.85 else ""
            arr = ar_digits(arr, r, 0.05)
            pl = {
                "home": f"من منزلها في {p.town[0]}" if p.sex == "F" else f"من منزله في {p.town[0]}",
                "checkpoint": f"حاجز {p.town[0]}",
                "border": "حاجز المصنع الحدودي",
            }[p.place]
            st = (
                ("توفيت في المعتقل" if p.sex == "F" else "توفي في المعتقل")
                if p.died
                else r.choice(
                    [
                        "مجهولة المصير" if p.sex == "F" else "مجهول المصير",
                        "أفرج عنها" if p.sex == "F" else "مغيب",
                        "محولة إلى محكمة الإرهاب" if p.sex == "F" else "في صيدنايا",
                    ]
                )
            )
            inf = {
                "self": r.choice(["", "أختها", "والدتها", "نفسها (معتقلة سابقة)"]),
                "wife": "زوجته",
                "mother": "والدته",
            }[how]
            if how == "wife" and r.random() < 0.5:
                w = by_id[p.spouse_id]
                inf = f"زوجته {w.first} {family_ar(w.family, r)}"
            note = ""
            if p.sex == "F" and r.random() < 0.08:
                note = r.choice(["اعتقلت مع أطفالها", "اعتقلت رهينة عن زوجها", "اعتقلت مع ابنتها"])
            if rep == 1:
                note = r.choice(["تسجيل ثان من منسقة أخرى", "مكرر؟", note])
                forms.append("repeat")
            out.add(
                f"WN-{n:04d}",
                p,
                [
                    name,
                    mother,
                    by,
                    p.town[0],
                    arr,
                    pl if r.random() < 0.7 else "",
                    r.choice(BRANCHES) if r.random() < 0.5 else "",
                    st,
                    inf,
                    note,
                ],
                forms,
            )
    return out


def whatsapp(r: random.Random, people: list[Person], by_id: dict) -> Rows:
    """Roll-calls posted in families' WhatsApp groups, copied into a sheet by volunteers."""
    out = Rows(
        "whatsapp_rollcall",
        [
            "رقم السجل",
            "الاسم الكامل",
            "العمر",
            "مكان الولادة",
            "تاريخ الاعتقال",
            "المجموعة",
            "المرسل",
            "نص الرسالة",
        ],
    )
    n = 0
    for p in people:
        if not (p.arrest or p.abducted):
            continue
        if r.random() >= (0.56 if p.arrest else 0.3) * p.act:
            continue
        ev = p.arrest or p.abducted
        for rep in range(r.choices([1, 2, 3], [70, 22, 8])[0]):
            n += 1
            forms: list[str] = []
            latin = r.random() < 0.22
            first = p.first
            if first in PET and r.random() < 0.18 and not latin:
                first = r.choice(PET[first])
                forms.append("pet_name")
            if latin:
                fam = arabizi(family_rom(p.family), r)
                parts = [arabizi(ROM[p.first], r), arabizi(ROM[p.fname], r)]
                name = " ".join([parts[0], fam] if r.random() < 0.4 else [*parts, fam])
                forms.append("arabizi")
            else:
                fam = family_ar(p.family, r, 0.12)
                k = r.random()
                if k < 0.45:
                    name = f"{first} {p.fname} {fam}"
                elif k < 0.7:
                    name = f"{first} {fam}"
                    forms.append("name_two")
                elif k < 0.8:
                    name = f"{first} {p.fname}"
                    forms.append("no_family")
                else:
                    name = (
                        f"{(p.kunya and 'أبو ' + p.kunya) or first} {fam}"
                        if p.sex == "M"
                        else (f"{first} {p.fname} {fam}")
                    )
                    if p.kunya and p.sex == "M":
                        forms.append("kunya_only")
                if r.random() < 0.15:
                    name = (
                        r.choice(["المعتقل ", "الشاب ", "اخي ", "المغيب "]) + name
                        if (p.sex == "M")
                        else r.choice(["المعتقلة ", "اختي "]) + name
                    )
                    forms.append("prefix_word")
                name = arabic_typing(name, r, forms, 0.55, 0.2, 0.15, 0.12, 0.02, 0.02)
            age = ev.year - p.birth.year - r.choice([0, 0, 0, 1, -1])
            ag = r.random()
            age_s = (
                f"{age}"
                if ag < 0.4
                else f"عمره {age}"
                if ag < 0.5
                else f"مواليد {p.birth.year % 100:02d}"
                if ag < 0.65
                else ""
            )
            place = p.town[0] if r.random() < 0.6 else ""
            if place and r.random() < 0.3:
                place = "من " + place
            a = r.random()
            if a < 0.3:
                arr = ar_date(ev, r)
            elif a < 0.7:
                arr = r.choice(
                    [f"{ev.year}", f"من {ev.year}", f"اعتقل سنة {ev.year}", f"أواخر {ev.year}"]
                )
            else:
                arr = ""
            arr = ar_digits(arr, r, 0.1)
            grp = f"أهالي معتقلي {p.town[0]}" if r.random() < 0.7 else "أهالي المغيبين قسريا"
            rel = (
                r.choice(["أخوه", "أمه", "ابن عمه", "زوجته", "أخته", "خاله"])
                if p.sex == "M"
                else r.choice(["أخوها", "أمها", "ابن عمها", "زوجها"])
            )
            msg = ("مين بيعرف شي عنه" if p.sex == "M" else "مين بيعرف شي عنها") + r.choice(
                [
                    "",
                    " الله يفك أسره" if p.sex == "M" else " الله يفك أسرها",
                    " آخر خبر انه بصيدنايا" if p.sex == "M" else " آخر خبر انها بعدرا",
                    " ضروري",
                ]
            )
            if p.abducted:
                msg = "مخطوف عند داعش" + ("" if r.random() < 0.5 else " من " + str(ev.year))
            if rep:
                forms.append("repeat")
            out.add(f"WA-{n:05d}", p, [name, age_s, place, arr, grp, rel, msg], forms)
    return out


def alalc_name(p: Person, r: random.Random, forms: list[str], plain: float) -> str:
    fam = family_rom(p.family)
    link = "bint" if p.sex == "F" else "ibn"
    k = r.random()
    if k < 0.35:
        s = f"{ROM[p.first]} {ROM[p.fname]} {fam}"
        forms.append("given_first")
    elif k < 0.6:
        head = fam[0].upper() + fam[1:] if fam.startswith("al-") else fam
        s = f"{head}, {ROM[p.first]} {ROM[p.fname]}"
        forms.append("family_comma")
    elif k < 0.78:
        s = f"{ROM[p.first]} {link} {ROM[p.fname]} {fam}"
        forms.append("ibn")
    elif k < 0.88:
        s = f"{ROM[p.first]} {fam}"
        forms.append("name_two")
    else:
        s = f"{ROM[p.first]} {ROM[p.fname]} {ROM[p.gname]} {fam}"
        forms.append("name_four")
    if r.random() < 0.1:
        s = f"{english(p.first, r)} {english(p.fname, r)} {plain_rom(fam).title()}"
        forms.append("press_spelling")
    elif r.random() < plain:
        s = plain_rom(s)
        forms.append("signs_lost")
    elif r.random() < 0.15:
        s = s.replace("ʿ", "'").replace("ʾ", "'")
        forms.append("apostrophe_ayn")
    return s


def report_annex(r: random.Random, people: list[Person], by_id: dict) -> Rows:
    """The annex of a human-rights report on deaths and torture in custody (English)."""
    out = Rows(
        "report_annex",
        [
            "record_id",
            "full_name",
            "sex",
            "age_at_arrest",
            "date_of_arrest",
            "place_of_arrest",
            "facility",
            "fate",
            "source_type",
            "annex_table",
        ],
    )
    n = 0
    for p in people:
        if not p.arrest or p.arrest.year > 2016:
            continue
        pr = (0.7 if p.died else 0.2) * (0.6 + p.act / 2)
        if r.random() >= pr:
            continue
        tables = ["A"] if not p.died or r.random() < 0.88 else ["A", "C"]
        for t in tables:
            n += 1
            forms: list[str] = []
            name = alalc_name(p, r, forms, 0.2)
            if r.random() < 0.015:
                i = r.randrange(1, len(name) - 1)
                name = name[:i] + name[i + 1 :]
                forms.append("typo")
            age = (
                p.arrest.year
                - p.birth.year
                - (1 if (p.arrest.month, p.arrest.day) < (p.birth.month, p.birth.day) else 0)
            )
            age_s = (
                str(age) if r.random() < 0.7 else (f"{age // 10 * 10}s" if r.random() < 0.3 else "")
            )
            a = r.random()
            d = p.arrest
            arr = (
                f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}"
                if a < 0.45
                else f"{EN_MONTHS[d.month - 1]} {d.year}"
                if a < 0.7
                else f"{d.year}"
                if a < 0.9
                else ""
            )
            town = plain_rom(ROMTOWN[p.town[0]]) if r.random() < 0.5 else ROMTOWN[p.town[0]]
            pl = {
                "home": f"home, {town}",
                "checkpoint": f"checkpoint, {town}",
                "border": "Masnaʿ border crossing",
            }[p.place]
            fac = BRANCH_EN[r.choice(BRANCHES)] if r.random() < 0.75 else ""
            fate = (
                ("died in custody" + (f" ({d.year + r.randint(0, 2)})" if r.random() < 0.5 else ""))
                if p.died
                else r.choice(["released", "unknown", "transferred to Saydnaya"])
            )
            src = r.choice(
                [
                    "interview with relative",
                    "interview with former cellmate",
                    "photograph identified by family",
                    "death certificate",
                ]
            )
            if t == "C":
                forms.append("repeat")
            out.add(f"ANX-{t}{n:04d}", p, [name, p.sex, age_s, arr, pl, fac, fate, src, t], forms)
    return out


def isis_register(r: random.Random, people: list[Person], by_id: dict) -> Rows:
    """A families' association register of persons abducted in the east (Arabic headers)."""
    out = Rows(
        "isis_missing",
        [
            "رقم السجل",
            "الاسم",
            "اسم الأب",
            "الكنية",
            "اسم الأم",
            "سنة الولادة",
            "مكان الولادة",
            "تاريخ الاعتقال",
            "مكان الاعتقال",
            "الجهة الخاطفة",
            "العشيرة",
            "ملاحظات",
        ],
    )
    n = 0
    for p in people:
        if p.abducted:
            pr = 0.8
        elif p.arrest and p.region in ("raq", "dez"):
            pr = 0.6
        elif p.arrest and p.town[0] in ISIS_TOWNS:
            pr = 0.25
        else:
            continue
        if r.random() >= pr * min(1.0, p.act + 0.3):
            continue
        ev = p.abducted or p.arrest
        for rep in range(2 if r.random() < 0.14 else 1):
            n += 1
            forms: list[str] = []
            first = p.first
            father = p.fname
            if r.random() < 0.08:
                father = f"{p.fname} {p.gname}"
                forms.append("father_with_grandfather")
            fam = family_ar(p.family, r, 0.1)
            tribe = tribe_of(p)
            if tribe and r.random() < 0.12:
                fam = tribe[2:] if tribe.startswith("ال") else tribe
                forms.append("tribe_as_family")
            elif r.random() < 0.04:
                fam = ""
                forms.append("family_empty")
            if r.random() < 0.05:
                first = f"{p.first} {p.fname} {family_ar(p.family, r)}"
                father = ""
                forms.append("whole_name_in_first")
            first = arabic_typing(first, r, forms, 0.35, 0.12, 0.1, 0.05, 0.035, 0.015)
            father = arabic_typing(father, r, forms, 0.35, 0.12, 0.1, 0.05, 0.02, 0.01)
            m = r.random()
            mother = (
                p.mfirst if m < 0.55 else f"{p.mfirst} {family_ar(p.mfam, r)}" if m < 0.75 else ""
            )
            b = r.random()
            by = (
                str(p.birth.year)
                if b < 0.55
                else f"{p.birth.year}-{p.birth.month:02d}-{p.birth.day:02d}"
                if b < 0.7
                else f"{p.birth.year}-01-01"
                if b < 0.75
                else ""
            )
            a = r.random()
            arr = ar_date(ev, r) if a < 0.5 else str(ev.year) if a < 0.85 else ""
            arr = ar_digits(arr, r, 0.04)
            if p.abducted:
                pl = {
                    "حاجز": "حاجز للتنظيم قرب " + p.town[0],
                    "البيت": "من بيته",
                    "السوق": f"سوق {p.town[0]}",
                    "الجامع": "بعد صلاة الجمعة",
                    "الطريق": "على طريق الرقة - دير الزور",
                }[p.isis_place]
                who = r.choice(["داعش", "تنظيم الدولة", "الحسبة", "أمنيي داعش"])
            else:
                pl = r.choice(["حاجز", "مطار دمشق", f"{p.town[0]}", ""])
                who = r.choice(["النظام", "الأمن العسكري", "المخابرات الجوية"])
                forms.append("regime_detainee")
            note = ""
            if p.abducted and r.random() < 0.1:
                note = r.choice(
                    [
                        "يحتمل وجوده في مقبرة الفخيخة",
                        "شوهد في سجن الملعب البلدي",
                        "كان يعمل مع المجلس المحلي",
                    ]
                )
            if rep:
                forms.append("repeat")
                note = note or "سجل مرتين (من أخيه ومن زوجته)"
            out.add(
                f"ISM-{n:04d}",
                p,
                [
                    first,
                    father,
                    fam,
                    mother,
                    ar_digits(by, r, 0.03),
                    p.town[0] if r.random() < 0.8 else "",
                    arr,
                    pl,
                    who,
                    tribe if r.random() < 0.6 else "",
                    note,
                ],
                forms,
            )
    return out


NISBA_TRIBE = {
    "العكيدي": "العكيدات",
    "البكاري": "البكارة",
    "الشعيطي": "الشعيطات",
    "العفادلة": "العفادلة",
}


def tribe_of(p: Person) -> str:
    """The tribe a household of the east names (by its family name, or else its household)."""
    if p.region not in TRIBE:
        return ""
    return NISBA_TRIBE.get(p.family[0]) or TRIBE[p.region][p.hh % len(TRIBE[p.region])]


ROMTOWN = {t[0]: t[1] for reg in REGIONS.values() for t in reg[1]}


def generate(seed: int, persons: int, outdir: str) -> dict:
    root = random.Random(seed)
    streams = [random.Random(root.getrandbits(64)) for _ in range(8)]
    people = build_people(streams[0], persons)
    by_id = {p.id: p for p in people}
    assign_events(streams[1], people, by_id)
    lists = [
        women_network(streams[2], people, by_id),
        whatsapp(streams[3], people, by_id),
        report_annex(streams[4], people, by_id),
        isis_register(streams[5], people, by_id),
    ]
    os.makedirs(outdir, exist_ok=True)
    for lst in lists:
        with open(os.path.join(outdir, lst.name + ".csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(lst.header)
            w.writerows(lst.rows)
    with open(os.path.join(outdir, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        for lst in lists:
            w.writerows(lst.truth)
    with open(os.path.join(outdir, "persons.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(
            [
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
                "father_id",
                "mother_id",
                "spouse_id",
                "arrest_date",
                "arrested_with",
                "died_in_custody",
                "abducted_date",
                "tribe",
                "lists",
            ]
        )
        for p in people:
            w.writerow(
                [
                    p.id,
                    p.hh,
                    REGIONS[p.region][0],
                    p.town[0],
                    p.sex,
                    p.first,
                    p.fname,
                    p.gname,
                    p.family[0],
                    p.mfirst,
                    p.mfam[0],
                    p.birth.isoformat(),
                    p.father_id or "",
                    p.mother_id or "",
                    p.spouse_id or "",
                    p.arrest.isoformat() if p.arrest else "",
                    p.with_brother or "",
                    "1" if p.died else "",
                    p.abducted.isoformat() if p.abducted else "",
                    tribe_of(p),
                    ";".join(p.lists),
                ]
            )
    return stats(people, by_id, lists)


def stats(people: list[Person], by_id: dict, lists: list[Rows]) -> dict:
    listed = [p for p in people if p.lists]
    st: dict = {
        "records": sum(len(x.rows) for x in lists),
        "listed_persons": len(listed),
        "detained": sum(1 for p in people if p.arrest),
        "abducted_isis": sum(1 for p in people if p.abducted),
        "lists": {},
    }
    for x in lists:
        per = Counter(t[2] for t in x.truth)
        st["lists"][x.name] = {
            "records": len(x.rows),
            "persons": len(per),
            "persons_twice_or_more": sum(1 for v in per.values() if v > 1),
            "forms_pct": {k: round(100 * v / len(x.rows), 1) for k, v in sorted(x.forms.items())},
        }
    combos = Counter(" & ".join(sorted(p.lists)) for p in listed)
    st["combinations"] = dict(sorted(combos.items(), key=lambda kv: (-kv[1], kv[0])))
    st["by_number_of_lists"] = dict(sorted(Counter(len(p.lists) for p in listed).items()))
    latin = {"report_annex"}
    st["latin_and_arabic"] = sum(1 for p in listed if latin & set(p.lists) and set(p.lists) - latin)
    key3 = Counter((p.first, p.fname, p.family[0]) for p in listed)
    key2 = Counter((p.first, p.family[0]) for p in listed)
    st["namesake_groups_first_father_family"] = sum(1 for v in key3.values() if v > 1)
    st["persons_sharing_first_family"] = sum(1 for p in listed if key2[(p.first, p.family[0])] > 1)
    hh = Counter(p.father_id for p in listed if p.father_id)
    st["households_several_children_listed"] = sum(1 for v in hh.values() if v > 1)
    st["sons_named_after_grandfather_father_listed"] = sum(
        1 for p in listed if p.father_id and p.first == p.gname and by_id[p.father_id].lists
    )
    st["brothers_arrested_together_listed"] = sum(1 for p in listed if p.with_brother)
    st["women_listed"] = sum(1 for p in listed if p.sex == "F")
    cousins = Counter((by_id[p.father_id].fname, p.family[0]) for p in listed if p.father_id)
    st["listed_with_listed_cousin"] = sum(
        1
        for p in listed
        if p.father_id and cousins[(by_id[p.father_id].fname, p.family[0])] > hh[p.father_id]
    )
    st["arrests_by_year"] = dict(sorted(Counter(p.arrest.year for p in listed if p.arrest).items()))
    return st


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    st = generate(a.seed, a.persons, a.out)
    if a.stats:
        print(json.dumps(st, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
