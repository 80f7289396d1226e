"""Independent linkage test set 9: four synthetic lists of the missing, with ground truth.

Written blind (see README.md). Python 3.11 standard library only; the same seed writes
byte-identical files.

    python3 generate.py --seed 9 --persons 20000 --out DIR [--stats]

Lists:
  bamf_de.csv             relatives' statements in German migration-office files (Latin)
  cellmate_accounts.csv   survivors' recollections of cellmates (Arabic, partial names)
  hospital_register.csv   a military hospital's death register, transcribed by volunteers
                          on an Arabic-Windows spreadsheet (Arabic, partial names)
  civil_death_notices.csv civil-registry death notifications issued years later (Arabic)
All people are invented from pools of common Syrian names.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

# --------------------------------------------------------------------------- name pools
# (Arabic, English-style Latin, weight)
MALE = [
    ("محمد", "Mohammad", 30),
    ("أحمد", "Ahmad", 15),
    ("علي", "Ali", 8),
    ("خالد", "Khaled", 6),
    ("محمود", "Mahmoud", 6),
    ("عمر", "Omar", 5),
    ("عبد الله", "Abdullah", 5),
    ("حسن", "Hassan", 4),
    ("حسين", "Hussein", 4),
    ("مصطفى", "Mustafa", 4),
    ("إبراهيم", "Ibrahim", 4),
    ("يوسف", "Yousef", 4),
    ("عبد الرحمن", "Abdulrahman", 4),
    ("عبد الكريم", "Abdulkarim", 2),
    ("عبد القادر", "Abdulkader", 2),
    ("سامر", "Samer", 2),
    ("ياسر", "Yaser", 2),
    ("جمال", "Jamal", 2),
    ("شادي", "Shadi", 2),
    ("رامي", "Rami", 2),
    ("فادي", "Fadi", 2),
    ("ماهر", "Maher", 2),
    ("وليد", "Walid", 2),
    ("طارق", "Tarek", 2),
    ("باسل", "Basel", 2),
    ("أنس", "Anas", 2),
    ("عمار", "Ammar", 2),
    ("حمزة", "Hamza", 2),
    ("أيمن", "Ayman", 2),
    ("أسامة", "Osama", 2),
    ("سليمان", "Suleiman", 2),
    ("زياد", "Ziad", 2),
    ("صالح", "Saleh", 2),
    ("بشار", "Bashar", 1),
    ("عبادة", "Obada", 1),
    ("معاذ", "Muaz", 1),
    ("رياض", "Riad", 1),
    ("جهاد", "Jihad", 1),
    ("نضال", "Nidal", 1),
    ("منذر", "Munther", 1),
    ("غياث", "Ghiath", 1),
    ("مهند", "Muhannad", 1),
    ("هيثم", "Haitham", 1),
    ("ثائر", "Thaer", 1),
    ("فراس", "Firas", 1),
    ("عدنان", "Adnan", 1),
    ("نبيل", "Nabil", 1),
    ("جميل", "Jamil", 1),
    ("حسام", "Hussam", 1),
    ("قاسم", "Qasem", 1),
    ("يحيى", "Yahya", 1),
    ("عيسى", "Issa", 1),
    ("موسى", "Mousa", 1),
    ("عثمان", "Othman", 1),
    ("إياد", "Iyad", 1),
    ("مازن", "Mazen", 1),
]
FEMALE = [
    ("فاطمة", "Fatima", 8),
    ("عائشة", "Aisha", 4),
    ("خديجة", "Khadija", 4),
    ("مريم", "Maryam", 4),
    ("زينب", "Zainab", 3),
    ("آمنة", "Amina", 3),
    ("نور", "Nour", 2),
    ("رنا", "Rana", 2),
    ("هبة", "Heba", 2),
    ("سارة", "Sara", 2),
    ("رشا", "Rasha", 2),
    ("ريم", "Reem", 2),
    ("لينا", "Lina", 1),
    ("سعاد", "Suad", 2),
    ("منى", "Mona", 2),
    ("هدى", "Huda", 2),
    ("سمر", "Samar", 1),
    ("رغد", "Raghad", 1),
    ("دعاء", "Duaa", 1),
    ("إيمان", "Iman", 2),
    ("أسماء", "Asmaa", 1),
    ("حنان", "Hanan", 1),
    ("وفاء", "Wafaa", 1),
    ("نجاح", "Najah", 1),
    ("صفاء", "Safaa", 1),
]
# family name, Latin, weight (popularity), home region
FAMILY = [
    ("الحموي", "Al-Hamwi", 3, "hama"),
    ("الحلبي", "Al-Halabi", 3, "aleppo"),
    ("الخطيب", "Al-Khatib", 4, "dam"),
    ("النجار", "Al-Najjar", 3, "homs"),
    ("درويش", "Darwish", 3, "dam"),
    ("قباني", "Qabbani", 1, "dam"),
    ("الشيخ", "Al-Sheikh", 2, "idlib"),
    ("السيد", "Al-Sayed", 3, "homs"),
    ("العلي", "Al-Ali", 4, "deir"),
    ("الأحمد", "Al-Ahmad", 4, "deir"),
    ("المصري", "Al-Masri", 2, "dam"),
    ("الحسن", "Al-Hasan", 3, "hama"),
    ("الخليل", "Al-Khalil", 2, "idlib"),
    ("حمدان", "Hamdan", 2, "dam"),
    ("سويدان", "Swaidan", 1, "daraa"),
    ("طيفور", "Taifour", 1, "hama"),
    ("الدباغ", "Al-Dabbagh", 1, "aleppo"),
    ("الحداد", "Al-Haddad", 2, "homs"),
    ("الزين", "Al-Zein", 1, "dam"),
    ("البيطار", "Al-Bitar", 1, "dam"),
    ("الصباغ", "Al-Sabbagh", 1, "homs"),
    ("شحادة", "Shehadeh", 2, "dam"),
    ("غزال", "Ghazal", 1, "aleppo"),
    ("الكردي", "Al-Kurdi", 2, "aleppo"),
    ("الرفاعي", "Al-Rifai", 2, "daraa"),
    ("الزعبي", "Al-Zoubi", 4, "daraa"),
    ("الحريري", "Al-Hariri", 3, "daraa"),
    ("المقداد", "Al-Miqdad", 2, "daraa"),
    ("المسالمة", "Al-Masalmeh", 2, "daraa"),
    ("الشعار", "Al-Shaar", 1, "idlib"),
    ("خليفة", "Khalifa", 1, "homs"),
    ("الأسود", "Al-Aswad", 1, "dam"),
    ("الجاسم", "Al-Jasem", 3, "deir"),
    ("الخلف", "Al-Khalaf", 2, "deir"),
    ("العبيد", "Al-Obaid", 2, "deir"),
    ("الحسين", "Al-Hussein", 3, "deir"),
    ("السلوم", "Al-Salloum", 1, "hama"),
    ("الفارس", "Al-Fares", 2, "idlib"),
    ("الرحال", "Al-Rahhal", 1, "hama"),
    ("قدور", "Qaddour", 1, "aleppo"),
    ("جمعة", "Jumaa", 2, "dam"),
    ("العمر", "Al-Omar", 3, "idlib"),
    ("الصالح", "Al-Saleh", 2, "aleppo"),
    ("الشهابي", "Al-Shehabi", 1, "dam"),
    ("الإدلبي", "Al-Idlibi", 1, "idlib"),
    ("الحمصي", "Al-Homsi", 2, "homs"),
    ("التركماني", "Al-Turkmani", 1, "homs"),
    ("الحوراني", "Al-Hourani", 1, "daraa"),
    ("كيالي", "Kayyali", 1, "aleppo"),
    ("حجازي", "Hijazi", 1, "dam"),
    ("دياب", "Diab", 1, "homs"),
    ("الطويل", "Al-Tawil", 1, "hama"),
    ("زيدان", "Zeidan", 1, "dam"),
    ("منصور", "Mansour", 2, "homs"),
    ("الخضر", "Al-Khader", 1, "deir"),
    ("بكور", "Bakkour", 2, "idlib"),
    ("حاج حسين", "Haj Hussein", 1, "aleppo"),
    ("أبو زيد", "Abu Zaid", 2, "daraa"),
    ("أبو شعر", "Abu Shaar", 1, "dam"),
    ("الخالدي", "Al-Khalidi", 1, "homs"),
    ("الكيلاني", "Al-Kilani", 1, "hama"),
    ("حبش", "Habash", 1, "dam"),
    ("الشريف", "Al-Sharif", 1, "idlib"),
    ("عرنوس", "Arnous", 1, "dam"),
    ("القاسم", "Al-Qasem", 2, "daraa"),
]
# the name a civil registry has on file where the family is known by another (laqab vs. qayd)
REGISTRY_NAME = {
    "الحمصي": "الشيخ علي",
    "الحلبي": "حاج بكري",
    "الحموي": "الدالاتي",
    "الكردي": "حسو",
    "التركماني": "آغا",
    "الطويل": "السلوم",
    "الحوراني": "المحاميد",
    "الإدلبي": "قطيع",
    "أبو زيد": "أبازيد",
    "أبو شعر": "أبوشعر",
}
# Arabic, English Latin, German exonym, nisba (for a place nickname)
PLACES = {
    "dam": [
        ("دمشق", "Damascus", "Damaskus", "الشامي"),
        ("داريا", "Darayya", "Daraya", "الداراني"),
        ("دوما", "Douma", "Duma", "الدوماني"),
        ("المعضمية", "Moadamiya", "Muadamija", "المعضماني"),
        ("حرستا", "Harasta", "Harasta", "الحرستاني"),
        ("الزبداني", "Zabadani", "Sabadani", "الزبداني"),
    ],
    "homs": [
        ("حمص", "Homs", "Homs", "الحمصي"),
        ("الرستن", "Rastan", "Rastan", "الرستناوي"),
        ("تلبيسة", "Talbiseh", "Talbisa", "التلبيساوي"),
    ],
    "hama": [("حماة", "Hama", "Hama", "الحموي"), ("كفرنبودة", "Kafr Nabudah", "Kafr Nabuda", "")],
    "aleppo": [("حلب", "Aleppo", "Aleppo", "الحلبي"), ("عندان", "Anadan", "Andan", "العنداني")],
    "idlib": [
        ("إدلب", "Idlib", "Idlib", "الإدلبي"),
        ("جسر الشغور", "Jisr al-Shughur", "Dschisr asch-Schughur", "الجسراوي"),
        ("سراقب", "Saraqib", "Sarakib", "السراقبي"),
    ],
    "daraa": [("درعا", "Daraa", "Daraa", "الدرعاوي"), ("نوى", "Nawa", "Nawa", "النواوي")],
    "deir": [
        ("دير الزور", "Deir ez-Zor", "Deir ez-Zor", "الديري"),
        ("الميادين", "Mayadin", "Majadin", "الميادني"),
    ],
}
REGION_WEIGHT = {
    "dam": 30,
    "homs": 16,
    "hama": 10,
    "aleppo": 14,
    "idlib": 10,
    "daraa": 12,
    "deir": 8,
}
# security branches and prisons where detainees were held (Arabic)
BRANCHES = [
    "الفرع 215",
    "الفرع 227",
    "فرع فلسطين",
    "الفرع 251",
    "المخابرات الجوية - المزة",
    "الفرع 248",
    "الأمن العسكري بحمص",
]
PRISONS = ["صيدنايا", "سجن عدرا", "سجن حمص المركزي"]


def wchoice(rng: random.Random, items, weight_index=2):
    return rng.choices(items, weights=[it[weight_index] for it in items], k=1)[0]


# --------------------------------------------------------------------------- people
class Person:
    __slots__ = (
        "arrest_date",
        "arrest_place",
        "birth_date",
        "birth_place",
        "birth_year",
        "branch",
        "family",
        "fate",
        "father",
        "first",
        "grand",
        "household",
        "kunya",
        "mother_family",
        "mother_first",
        "nickname",
        "nid",
        "pid",
        "region",
        "sex",
    )


MALE_LAT = {a: la for a, la, _ in MALE}
FEMALE_LAT = {a: la for a, la, _ in FEMALE}
FAMILY_LAT = {a: la for a, la, _, _ in FAMILY}


def make_people(rng: random.Random, n: int) -> list[Person]:
    """Clans -> grandfathers -> fathers -> children; children are the persons."""
    people: list[Person] = []
    nid_seen: set[str] = set()
    household = 0
    while len(people) < n:
        fam = wchoice(rng, FAMILY)
        region = (
            fam[3]
            if rng.random() < 0.8
            else rng.choices(list(REGION_WEIGHT), list(REGION_WEIGHT.values()))[0]
        )
        clan_place = rng.choice(PLACES[region])
        # big families make namesakes: several grandfathers, each with several sons
        for _g in range(rng.choices([1, 2, 3, 4, 6], [40, 25, 15, 12, 8])[0]):
            grand = wchoice(rng, MALE)[0]
            sons = set()
            for _f in range(rng.choices([1, 2, 3, 4], [30, 35, 22, 13])[0]):
                father = wchoice(rng, MALE)[0]
                if father in sons or father == grand:
                    continue
                sons.add(father)
                household += 1
                mother_first = wchoice(rng, FEMALE)[0]
                mother_family = wchoice(rng, FAMILY)[0] if rng.random() < 0.6 else fam[0]
                base_year = rng.randint(1955, 1998)
                place = clan_place if rng.random() < 0.8 else rng.choice(PLACES[region])
                names_used: set[str] = set()
                for k in range(rng.choices([1, 2, 3, 4, 5], [15, 25, 28, 20, 12])[0]):
                    p = Person()
                    p.pid = f"P{len(people) + 1:06d}"
                    p.household = household
                    p.sex = "M" if rng.random() < 0.62 else "F"
                    pool = MALE if p.sex == "M" else FEMALE
                    # the eldest son is often named after his grandfather (cousins share it)
                    if k == 0 and p.sex == "M" and rng.random() < 0.45:
                        first = grand
                    else:
                        first = wchoice(rng, pool)[0]
                    tries = 0
                    while (first in names_used or first == father) and tries < 20:
                        first = wchoice(rng, pool)[0]
                        tries += 1
                    if first in names_used or first == father:
                        continue
                    names_used.add(first)
                    p.first, p.father, p.grand, p.family = first, father, grand, fam[0]
                    p.mother_first, p.mother_family = mother_first, mother_family
                    p.birth_year = min(2000, base_year + 2 * k + rng.randint(0, 2))
                    p.birth_date = (p.birth_year, rng.randint(1, 12), rng.randint(1, 28))
                    p.region = region
                    p.birth_place = place
                    ay = rng.choices(range(2011, 2019), [10, 22, 24, 16, 11, 8, 5, 4])[0]
                    p.arrest_date = (ay, rng.randint(1, 12), rng.randint(1, 28))
                    p.arrest_place = place if rng.random() < 0.7 else rng.choice(PLACES[region])
                    p.branch = rng.choice(BRANCHES)
                    while True:
                        nid = (
                            f"{rng.choice('01')}{rng.randint(1, 9)}{rng.randint(0, 999999999):09d}"
                        )
                        if nid not in nid_seen:
                            nid_seen.add(nid)
                            break
                    p.nid = nid
                    # kunya: a man's eldest son is usually named after the man's father
                    if p.sex == "M":
                        son = father if rng.random() < 0.6 else wchoice(rng, MALE)[0]
                        p.kunya = "أبو " + son
                        p.nickname = rng.choice(
                            ["الطويل", "الأشقر", "القصير", "الأسمر", "", "", "", ""]
                        )
                    else:
                        p.kunya = "أم " + wchoice(rng, MALE)[0]
                        p.nickname = ""
                    p.fate = rng.choices(["died", "missing", "released"], [36, 50, 14])[0]
                    people.append(p)
                    if len(people) >= n:
                        return people
    return people


# --------------------------------------------------------------------------- Arabic noise
HAMZA = {"أ": "ا", "إ": "ا", "آ": "ا"}
DOTS = {
    "ب": "تن",
    "ت": "بث",
    "ث": "ت",
    "ن": "بت",
    "ي": "ب",
    "ج": "حخ",
    "ح": "جخ",
    "خ": "ح",
    "ر": "ز",
    "ز": "ر",
    "د": "ذ",
    "ذ": "د",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
    "ط": "ظ",
}
TASHKEEL = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652"]


def strip_hamza(s: str) -> str:
    return "".join(HAMZA.get(c, c) for c in s)


def taa_to_haa(s: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def yaa_to_alif(s: str) -> str:
    return " ".join(w[:-1] + "ى" if w.endswith("ي") and len(w) > 2 else w for w in s.split(" "))


def alif_to_yaa(s: str) -> str:
    return " ".join(w[:-1] + "ي" if w.endswith("ى") else w for w in s.split(" "))


def drop_al(s: str) -> str:
    return s[2:] if s.startswith("ال") and len(s) > 4 else s


def add_al(s: str) -> str:
    return s if s.startswith("ال") or " " in s else "ال" + s


def misread_dot(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c in DOTS]
    if not idx:
        return s
    i = rng.choice(idx)
    return s[:i] + rng.choice(DOTS[s[i]]) + s[i + 1 :]


def typo_ar(rng: random.Random, s: str) -> str:
    letters = [i for i, c in enumerate(s) if c != " "]
    if len(letters) < 3:
        return s
    i = rng.choice(letters[1:])
    r = rng.random()
    if r < 0.4:  # a letter dropped
        return s[:i] + s[i + 1 :]
    if r < 0.7:  # a letter doubled
        return s[:i] + s[i] + s[i:]
    j = i - 1  # two letters swapped
    if s[j] == " ":
        return s
    return s[:j] + s[i] + s[j] + s[i + 1 :]


def glue_abd(s: str) -> str:
    return s.replace("عبد ", "عبد") if s.startswith("عبد ") else s


def to_indic(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# --------------------------------------------------------------------------- German Latin
MOHAMMED_DE = [
    ("Mohammed", 40),
    ("Muhammad", 20),
    ("Mohamad", 15),
    ("Mohammad", 15),
    ("Muhammed", 10),
]


def german_given(rng: random.Random, arabic: str, female: bool = False) -> str:
    if arabic == "محمد":
        return wchoice(rng, MOHAMMED_DE, 1)[0]
    latin = FEMALE_LAT[arabic] if female else MALE_LAT[arabic]
    return german_latin(rng, latin)


UMLAUT = {
    "Suleiman": "Süleiman",
    "Hussein": "Hüssein",
    "Yousef": "Jüssef",
    "Mousa": "Müsa",
    "Othman": "Öthman",
}
ABD_DE = {
    "Abdullah": ["Abdullah", "Abdallah", "Abdulla", "Abd Allah"],
    "Abdulrahman": ["Abdulrahman", "Abdul Rahman", "Abdelrahman", "Abd Al-Rahman", "Abdurrahman"],
    "Abdulkarim": ["Abdulkarim", "Abdul Karim", "Abdelkarim", "Abd Al-Karim"],
    "Abdulkader": ["Abdulkader", "Abdul Kader", "Abdelkader", "Abd Al-Qadir", "Abdulkadir"],
}


def german_latin(rng: random.Random, latin: str) -> str:
    if latin in ABD_DE:
        return rng.choices(ABD_DE[latin], [40, 20, 20, 10, 10][: len(ABD_DE[latin])])[0]
    if latin in UMLAUT and rng.random() < 0.15:
        return UMLAUT[latin]
    s = latin
    if rng.random() < 0.7:
        s = s.replace("Kh", "Ch").replace("kh", "ch")
    if rng.random() < 0.75:
        s = s.replace("Sh", "Sch").replace("sh", "sch")
    r = rng.random()
    if r < 0.45:
        s = "".join({"J": "Dsch", "j": "dsch"}.get(c, c) for c in s)
    elif r < 0.55:
        s = "".join({"J": "Dj", "j": "dj"}.get(c, c) for c in s)
    if rng.random() < 0.6:
        s = s.replace("Y", "J").replace("y", "j")
    if rng.random() < 0.5:
        s = s.replace("ou", "u")
    if rng.random() < 0.3:
        s = s.replace("ee", "i").replace("ei", "ai")
    if rng.random() < 0.25 and s.startswith("Z"):
        s = "S" + s[1:]
    if rng.random() < 0.2:
        s = s.replace("Ahmad", "Achmed").replace("Mahmoud", "Machmud").replace("Maher", "Macher")
    return s


def german_family(rng: random.Random, arabic: str) -> tuple[str, str]:
    latin = german_latin(rng, FAMILY_LAT[arabic])
    form = "as_written"
    if latin.startswith("Al-"):
        rest = latin[3:]
        r = rng.random()
        if r < 0.35:
            latin, form = rest, "article_dropped"
        elif r < 0.5:
            latin, form = "Al " + rest, "article_spaced"
        elif r < 0.6:
            latin, form = "Al" + rest.lower(), "article_fused"
        elif r < 0.7:
            latin, form = "El-" + rest, "article_el"
    return latin, form


def typo_lat(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    r = rng.random()
    if r < 0.4:
        return s[:i] + s[i + 1 :]
    if r < 0.7:
        return s[:i] + s[i] + s[i:]
    if i < 2:
        return s
    return s[: i - 1] + s[i] + s[i - 1] + s[i + 1 :]


# --------------------------------------------------------------------------- list writers
class Stats:
    def __init__(self):
        self.c: dict[str, Counter] = defaultdict(Counter)

    def add(self, lst: str, form: str) -> None:
        self.c[lst][form] += 1


def de_date(d) -> str:
    return f"{d[2]:02d}.{d[1]:02d}.{d[0]}"


def bamf_rows(rng, persons, stats):
    """German migration-office files: a relative states that the person was detained in Syria."""
    L = "bamf_de"
    rows = []
    used = set()
    for p in persons:
        for _rep in range(2 if rng.random() < 0.05 else 1):
            if _rep:
                stats.add(L, "repeat_second_relative")
            while True:
                rid = f"{rng.choice(['7', '8'])}{rng.randint(100000, 999999)}-475"
                if rid not in used:
                    used.add(rid)
                    break
            first = german_given(rng, p.first, p.sex == "F")
            father = german_given(rng, p.father)
            family, fform = german_family(rng, p.family)
            stats.add(L, "family_" + fform)
            if any(x in (first + father + family) for x in ("Sch", "sch", "Dsch", "Ch", "ü")):
                stats.add(L, "german_letters")
            r = rng.random()
            if r < 0.22:  # the officer put first and father's name together as Vorname
                first, father = f"{first} {father}", ""
                stats.add(L, "vorname_first_plus_father")
            elif r < 0.26:  # Vorname and Nachname swapped
                first, family = family, first
                stats.add(L, "first_family_swapped")
            elif r < 0.36:
                father = ""
                stats.add(L, "father_missing")
            if rng.random() < 0.03:
                first = typo_lat(rng, first)
                stats.add(L, "typo")
            if rng.random() < 0.3:
                family = family.upper()
                stats.add(L, "family_upper")
            r = rng.random()
            mfirst = german_given(rng, p.mother_first, True)
            if r < 0.4:
                mother = f"{mfirst} {german_family(rng, p.mother_family)[0]}"
                stats.add(L, "mother_full")
            elif r < 0.8:
                mother = mfirst
                stats.add(L, "mother_first_only")
            else:
                mother = ""
                stats.add(L, "mother_missing")
            r = rng.random()
            if r < 0.15:  # German practice: unknown day and month recorded as 01.01.
                by = f"01.01.{p.birth_year}"
                stats.add(L, "birth_0101")
            elif r < 0.35:
                by = de_date(p.birth_date)
                stats.add(L, "birth_full_date")
            elif r < 0.9:
                by = str(p.birth_year + (rng.choice([-1, 1]) if rng.random() < 0.1 else 0))
                stats.add(L, "birth_year")
            else:
                by = ""
                stats.add(L, "birth_missing")
            r = rng.random()
            if r < 0.5:
                da = de_date(p.arrest_date)
                stats.add(L, "arrest_ddmmyyyy")
            elif r < 0.65:
                da = f"{p.arrest_date[1]:02d}.{p.arrest_date[0]}"
                stats.add(L, "arrest_mm_yyyy")
            elif r < 0.8:
                da = str(p.arrest_date[0])
                stats.add(L, "arrest_year")
            else:
                da = ""
                stats.add(L, "arrest_missing")
            bp = p.birth_place[2] if rng.random() < 0.85 else ""
            ap = p.arrest_place[2] if rng.random() < 0.5 else ""
            if ap and rng.random() < 0.3:
                ap = "Checkpoint bei " + ap
            nid = ""
            if rng.random() < 0.25:
                nid = p.nid
                stats.add(L, "national_id")
            sex = {"M": "m", "F": "w"}[p.sex] if rng.random() < 0.9 else ""
            rows.append(
                {
                    "record_id": rid,
                    "family_name": family,
                    "first_name": first,
                    "father_name": father,
                    "mother_name": mother,
                    "sex": sex,
                    "birth_year": by,
                    "birth_place": bp,
                    "national_id": nid,
                    "date_of_arrest": da,
                    "place_of_arrest": ap,
                    "person": p.pid,
                }
            )
    return rows


SEASON = ["صيف", "شتاء", "أواخر", "أوائل", "ربيع"]


def cellmate_rows(rng, persons, stats):
    """Survivors' recollections of cellmates: partial names, kunyas, place nicknames."""
    L = "cellmate_accounts"
    rows = []
    items: Counter = Counter()
    for p in persons:
        for _rep in range(2 if rng.random() < 0.09 else 1):
            if _rep:
                stats.add(L, "repeat_other_survivor")
            survivor = rng.randint(1, max(1, len(persons) // 6))
            items[survivor] += 1
            first = p.first
            if rng.random() < 0.5:
                first = strip_hamza(first)
            family = p.family
            if rng.random() < 0.12:
                family = drop_al(family)
                stats.add(L, "al_dropped")
            place = p.birth_place if rng.random() < 0.7 else p.arrest_place
            nisba = place[3]
            r = rng.random()
            if r < 0.33:
                name = f"{first} {family}"
                form = "first_family"
            elif r < 0.50:
                name = f"{first} {p.father} {family}"
                form = "first_father_family"
            elif r < 0.60 and p.sex == "M":
                name = f"{p.kunya} {nisba or family}"
                form = "kunya_nisba_only"
            elif r < 0.70:
                name = f"{first} ({p.kunya}) {family}"
                form = "first_kunya_bracket_family"
            elif r < 0.80 and nisba:
                name = f"{first} {nisba}"
                form = "first_place_nickname"
            elif r < 0.87:
                desc = p.nickname or ""
                name = f"{first} {desc} من {place[0]}".replace("  ", " ")
                form = "first_description_from_town"
            else:
                name = f"{first} {p.father}"
                form = "first_father"
            stats.add(L, "name_" + form)
            if rng.random() < 0.15:
                name = taa_to_haa(name)
                stats.add(L, "taa_marbuta_as_haa")
            if rng.random() < 0.05:
                name = typo_ar(rng, name)
                stats.add(L, "typo")
            r = rng.random()
            ay = p.arrest_date[0] + rng.choice([-1, 0, 0, 0, 1])
            if r < 0.35:
                da = f"{ay} تقريباً"
                stats.add(L, "arrest_year_approx")
            elif r < 0.55:
                da = f"{rng.choice(SEASON)} {ay}"
                stats.add(L, "arrest_season")
            elif r < 0.7:
                da = str(ay)
                stats.add(L, "arrest_year")
            else:
                da = ""
                stats.add(L, "arrest_missing")
            age = ""
            if rng.random() < 0.45:
                a = p.arrest_date[0] - p.birth_year + rng.randint(-4, 4)
                age = f"{a} سنة" if rng.random() < 0.4 else str(a)
                stats.add(L, "age_estimate")
            by = ""
            if rng.random() < 0.12:
                by = f"{p.birth_year + rng.randint(-2, 2)} تقريباً"
                stats.add(L, "birth_year_approx")
            r = rng.random()
            if r < 0.45:
                seen = p.branch
                stats.add(L, "place_is_branch")
            elif r < 0.6:
                seen = rng.choice(PRISONS)
                stats.add(L, "place_is_prison")
            elif r < 0.8:
                seen = "حاجز " + p.arrest_place[0]
                stats.add(L, "place_is_checkpoint")
            else:
                seen = ""
            rows.append(
                {
                    "رقم السجل": f"T{survivor:04d}-{items[survivor]:02d}",
                    "الاسم الكامل": name,
                    "الجنس": "" if rng.random() < 0.3 else ("ذكر" if p.sex == "M" else "أنثى"),
                    "العمر": age,
                    "سنة الولادة": by,
                    "تاريخ الاعتقال": da,
                    "مكان الاعتقال": seen,
                    "ملاحظات": rng.choice(
                        ["", "", "شاهده في المهجع", "كان مريضاً", "نُقل إلى صيدنايا", "شاهده آخر مرة"]
                    ),
                    "person": p.pid,
                }
            )
    return rows


def windows_sheet_noise(rng, s: str, stats, L) -> str:
    if not s:
        return s
    if rng.random() < 0.08 and ("ي" in s or "ك" in s):
        s = s.replace("ي", "ی").replace("ك", "ک")
        stats.add(L, "persian_yeh_kaf")
    if rng.random() < 0.05 and len(s) > 3:
        i = rng.randrange(1, len(s) - 1)
        if s[i] != " " and s[i - 1] not in "ادذرزوة ":
            s = s[:i] + "ـ" + s[i:]
            stats.add(L, "tatweel")
    if rng.random() < 0.04:
        i = rng.randrange(1, len(s) + 1)
        s = s[:i] + rng.choice(TASHKEEL) + s[i:]
        stats.add(L, "stray_diacritic")
    if rng.random() < 0.05:
        s = s + " "
        stats.add(L, "trailing_space")
    return s


def hospital_rows(rng, persons, stats):
    """A military hospital's death register, photographed and transcribed by volunteers."""
    L = "hospital_register"
    rows = []
    used = set()
    for p in persons:
        for _rep in range(2 if rng.random() < 0.03 else 1):
            if _rep:
                stats.add(L, "repeat_new_detainee_number")
            while True:
                num = rng.randint(1000, 9999)
                rid = f"{num}/{p.branch.split()[-1] if p.branch.split()[-1].isdigit() else 'ف'}"
                if rid not in used:
                    used.add(rid)
                    break
            first, father, family = p.first, p.father, p.family
            r = rng.random()
            if r < 0.35:
                family = ""
                stats.add(L, "first_father_only")
            elif r < 0.45:
                father = ""
                stats.add(L, "first_family_only")
            elif r < 0.52:
                father, family = "", ""
                stats.add(L, "first_only")
            else:
                stats.add(L, "three_parts")
            if rng.random() < 0.6:
                first, father = strip_hamza(first), strip_hamza(father)
                family = strip_hamza(family)
            if rng.random() < 0.2:
                family = drop_al(family) if rng.random() < 0.6 else add_al(family)
                stats.add(L, "al_dropped_or_added")
            if rng.random() < 0.2:
                first, family = taa_to_haa(first), taa_to_haa(family)
            if rng.random() < 0.15:
                first, father = alif_to_yaa(first), alif_to_yaa(father)
            # handwriting read by a volunteer: a dot misplaced
            for which in ("first", "father", "family"):
                if rng.random() < 0.06:
                    v = {"first": first, "father": father, "family": family}[which]
                    if v:
                        v = misread_dot(rng, v)
                        stats.add(L, "dot_misread")
                        if which == "first":
                            first = v
                        elif which == "father":
                            father = v
                        else:
                            family = v
            if rng.random() < 0.04:
                first = glue_abd(first)
                father = glue_abd(father)
            if rng.random() < 0.02 and father:  # first and father's name glued in one cell
                first, father = first + " " + father, ""
                stats.add(L, "first_father_in_first_cell")
            if rng.random() < 0.03:
                first = MALE_LAT.get(p.first, FEMALE_LAT.get(p.first, first))
                stats.add(L, "first_typed_latin")
            first = windows_sheet_noise(rng, first, stats, L)
            father = windows_sheet_noise(rng, father, stats, L)
            family = windows_sheet_noise(rng, family, stats, L)
            r = rng.random()
            if r < 0.45:
                by = str(p.birth_year)
                stats.add(L, "birth_year")
            elif r < 0.55:
                by = to_indic(str(p.birth_year))
                stats.add(L, "birth_year_indic")
            elif r < 0.565:
                y = str(p.birth_year)
                by = rng.choice(["1", "7"]) + y[1:] if rng.random() < 0.5 else y[:2] + y[3] + y[2]
                stats.add(L, "birth_year_misread")
            else:
                by = ""
                stats.add(L, "birth_missing")
            death = (p.arrest_date[0] + rng.randint(0, 2), rng.randint(1, 12), rng.randint(1, 28))
            if death[0] == p.arrest_date[0]:
                death = (death[0], rng.randint(p.arrest_date[1], 12), death[2])
            death_s = f"{death[2]}/{death[1]}/{death[0]}"
            rows.append(
                {
                    "رقم السجل": rid,
                    "الاسم": first,
                    "اسم الأب": father,
                    "الكنية": family,
                    "سنة الولادة": by,
                    "الجهة المحيلة": p.branch,
                    "تاريخ الوفاة": death_s,
                    "سبب الوفاة": rng.choice(["توقف القلب والتنفس", "قصور كلوي", "توقف قلب"]),
                    "person": p.pid,
                }
            )
    return rows


def registry_rows(rng, persons, stats):
    """Civil-registry death notifications (بيان وفاة) issued years later, typed from copies."""
    L = "civil_death_notices"
    rows = []
    used = set()
    for p in persons:
        for _rep in range(2 if rng.random() < 0.015 else 1):
            if _rep:
                stats.add(L, "repeat_second_notice")
            family = p.family
            if p.family in REGISTRY_NAME and rng.random() < 0.7:
                family = REGISTRY_NAME[p.family]
                stats.add(L, "family_as_registered")
            mother = f"{p.mother_first} {p.mother_family}" if rng.random() < 0.9 else p.mother_first
            stats.add(
                L,
                "mother_full"
                if " " in mother.strip() and mother != p.mother_first
                else "mother_first",
            )
            first, father, grand = p.first, p.father, p.grand
            if rng.random() < 0.012:
                first = typo_ar(rng, first)
                stats.add(L, "typo")
            if rng.random() < 0.1:
                family = yaa_to_alif(family)
            by = str(p.birth_year)
            if rng.random() < 0.008:
                by = str(p.birth_year + 1000 * rng.choice([-1, 1]))
                stats.add(L, "birth_year_implausible")
            nid = p.nid if rng.random() < 0.85 else ""
            if nid:
                stats.add(L, "national_id")
                if rng.random() < 0.02:
                    nid = nid[:-1]
                    stats.add(L, "national_id_digit_missing")
            death = (p.arrest_date[0] + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
            if death[0] == p.arrest_date[0]:
                death = (death[0], rng.randint(p.arrest_date[1], 12), death[2])
            issued = rng.randint(max(2018, death[0] + 1), 2024)
            while True:
                rid = f"{issued}/{rng.randint(1, 99999):05d}"
                if rid not in used:
                    used.add(rid)
                    break
            four = rng.random() < 0.5
            if four:
                stats.add(L, "full_name_four_parts")
            rows.append(
                {
                    "رقم السجل": rid,
                    "الاسم الكامل": f"{first} {father} {grand} {family}" if four else "",
                    "الاسم": first,
                    "اسم الأب": father,
                    "اسم الجد": grand,
                    "الكنية": family,
                    "اسم الأم": mother,
                    "الجنس": "ذكر" if p.sex == "M" else "أنثى",
                    "مكان الولادة": p.birth_place[0],
                    "سنة الولادة": by,
                    "الرقم الوطني": nid,
                    "تاريخ الوفاة": f"{death[0]}-{death[1]:02d}-{death[2]:02d}",
                    "تاريخ الإصدار": f"{issued}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                    "person": p.pid,
                }
            )
    return rows


# --------------------------------------------------------------------------- main
LISTS = ["bamf_de", "cellmate_accounts", "hospital_register", "civil_death_notices"]


def choose_lists(rng: random.Random, p: Person) -> list[str]:
    reach = {
        "bamf_de": 0.33,
        "cellmate_accounts": 0.38,
        "hospital_register": 0.62 if p.fate == "died" else 0.0,
        "civil_death_notices": 0.55 if p.fate == "died" else (0.06 if p.fate == "missing" else 0.0),
    }
    chosen = [name for name in LISTS if rng.random() < reach[name]]
    if not chosen:
        chosen = [rng.choice(["bamf_de", "cellmate_accounts"])]
    return chosen


def generate(seed: int, n_persons: int):
    rng = random.Random(seed)
    people = make_people(rng, n_persons)
    # documentation reaches households: an affected household has several of its children in lists
    affected = {h for h in sorted({p.household for p in people}) if rng.random() < 0.40}
    documented = []
    for p in people:
        if p.household in affected and rng.random() < (0.62 if p.sex == "M" else 0.12):
            documented.append(p)
    members: dict[str, list[Person]] = {name: [] for name in LISTS}
    for p in documented:
        for name in choose_lists(rng, p):
            members[name].append(p)
    stats = Stats()
    writers = {
        "bamf_de": bamf_rows,
        "cellmate_accounts": cellmate_rows,
        "hospital_register": hospital_rows,
        "civil_death_notices": registry_rows,
    }
    out: dict[str, list[dict]] = {}
    for name in LISTS:
        lrng = random.Random(f"{seed}-{name}")
        rows = writers[name](lrng, members[name], stats)
        lrng.shuffle(rows)
        out[name] = rows
    return out, stats


def write(out: dict[str, list[dict]], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    truth = []
    for name, rows in out.items():
        cols = [c for c in rows[0] if c != "person"] if rows else ["record_id", "full_name"]
        with open(directory / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(cols)
            for r in rows:
                w.writerow([r[c] for c in cols])
                truth.append((name, r[cols[0]], r["person"]))
    with open(directory / "truth.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)


def summary(out) -> list[str]:
    lines = []
    per_person: dict[str, set] = defaultdict(set)
    total = 0
    for name, rows in out.items():
        ids = Counter(r["person"] for r in rows)
        repeats = sum(v - 1 for v in ids.values())
        lines.append(
            f"{name}: {len(rows)} records, {len(ids)} persons, {repeats} repeats inside the list"
        )
        total += len(rows)
        for r in rows:
            per_person[r["person"]].add(name)
    dist = Counter(len(v) for v in per_person.values())
    lines.append(f"total: {total} records of {len(per_person)} persons")
    lines.append(
        "persons by number of lists: " + ", ".join(f"{k}: {dist[k]}" for k in sorted(dist))
    )
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    out, stats = generate(a.seed, a.persons)
    write(out, Path(a.out))
    if a.stats:
        for line in summary(out):
            print(line)
        for name in LISTS:
            print(f"\n[{name}] {len(out[name])} records")
            for form, k in sorted(stats.c[name].items()):
                print(f"  {form:34s} {k:6d}  {100 * k / max(1, len(out[name])):5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
