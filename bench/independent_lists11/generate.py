"""Independent linkage test set 11: four lists of the missing, written blind.

Lists: a Dutch migration office's files (Latin, Dutch spelling), a forensic exhumation
team's register (Arabic, partial names, estimated ages), a student union's list of
detained university students (Arabic, official registers and colleagues' memory), and a
French lawyer's case list (Latin, French transliteration, `NOM Prénom`, `épouse`).

Python 3.11 standard library only. Same seed -> byte-identical files.

    python3 generate.py --seed 11 --persons 20000 --out DIR [--stats]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

# ---------------------------------------------------------------- name pools
# Arabic, then English (Levantine registrar) spellings, then French spellings.
MALE = [
    ("محمد", "Mohammad|Mohamad|Muhammad|Mohammed", "Mohamed|Mohammed|Mohamad", 30),
    ("أحمد", "Ahmad|Ahmed", "Ahmad|Ahmed", 14),
    ("خالد", "Khaled|Khalid", "Khaled|Khaled", 8),
    ("محمود", "Mahmoud|Mahmud", "Mahmoud", 7),
    ("علي", "Ali", "Ali", 7),
    ("حسن", "Hasan|Hassan", "Hassan|Hasan", 5),
    ("حسين", "Hussein|Husein|Hussain", "Houssein|Hussein", 4),
    ("عمر", "Omar|Umar", "Omar", 5),
    ("عبد الله", "Abdullah|Abdallah|Abd Allah", "Abdallah|Abdullah", 5),
    ("عبد الرحمن", "Abdulrahman|Abdul Rahman|Abdel Rahman", "Abdel Rahman|Abderrahmane", 4),
    ("عبد الكريم", "Abdulkarim|Abdul Karim", "Abdel Karim|Abdelkarim", 2),
    ("عبد القادر", "Abdulqader|Abdul Qader", "Abdelkader|Abdel Kader", 2),
    ("مصطفى", "Mustafa|Moustafa", "Moustafa|Mostafa", 4),
    ("يوسف", "Yousef|Yusuf|Yousif", "Youssef|Youssouf", 4),
    ("إبراهيم", "Ibrahim", "Ibrahim|Brahim", 4),
    ("ياسر", "Yaser|Yasser", "Yasser", 3),
    ("سامر", "Samer", "Samer", 2),
    ("رامي", "Rami", "Rami", 2),
    ("باسل", "Basel|Basil", "Bassel", 2),
    ("وليد", "Walid|Waleed", "Walid", 3),
    ("جمال", "Jamal", "Djamal|Jamal", 2),
    ("شادي", "Shadi", "Chadi", 2),
    ("هشام", "Hisham|Hesham", "Hicham", 2),
    ("فراس", "Firas|Feras", "Firas", 2),
    ("عماد", "Imad|Emad", "Imad", 2),
    ("مازن", "Mazen", "Mazen", 2),
    ("ماهر", "Maher", "Maher", 2),
    ("بشار", "Bashar", "Bachar", 1),
    ("أنس", "Anas", "Anas", 2),
    ("معاذ", "Muaz|Moaz|Muadh", "Mouaz", 2),
    ("عمار", "Ammar", "Ammar", 2),
    ("سعيد", "Saeed|Said", "Saïd|Said", 2),
    ("طارق", "Tareq|Tarek", "Tarek", 2),
    ("زياد", "Ziad|Ziyad", "Ziad", 2),
    ("فادي", "Fadi", "Fadi", 2),
    ("أسامة", "Osama|Usama", "Oussama", 2),
    ("غسان", "Ghassan", "Ghassan", 1),
    ("قاسم", "Qasem|Kassem", "Kacem|Kassem", 1),
    ("جهاد", "Jihad", "Djihad|Jihad", 1),
    ("صالح", "Saleh", "Saleh|Salah", 2),
    ("عدنان", "Adnan", "Adnane|Adnan", 1),
    ("نبيل", "Nabil", "Nabil", 1),
    ("سليمان", "Suleiman|Sulaiman", "Souleiman", 1),
    ("إياد", "Iyad|Eyad", "Iyad", 1),
    ("هيثم", "Haitham|Haytham", "Haytham", 1),
    ("ثائر", "Thaer", "Thaer", 1),
    ("منذر", "Munther|Mundhir", "Moundher", 1),
]
MALE_CHRISTIAN = [
    ("جورج", "George", "Georges", 3),
    ("إلياس", "Elias", "Élias|Elias", 3),
    ("حنا", "Hanna", "Hanna", 2),
    ("ميشيل", "Michel", "Michel", 2),
    ("عبد المسيح", "Abdulmasih|Abdul Masih", "Abdel Massih", 1),
]
MALE_KURD = [
    ("آزاد", "Azad", "Azad", 3),
    ("شيار", "Shiyar", "Chiyar", 2),
    ("هفال", "Heval", "Heval", 2),
    ("جوان", "Jwan|Juan", "Djouan", 1),
]
FEMALE = [
    ("فاطمة", "Fatima|Fatmeh|Fatema", "Fatima|Fatma", 8),
    ("خديجة", "Khadija|Khadijeh", "Khadija", 4),
    ("مريم", "Maryam|Mariam", "Meryem|Mariam", 4),
    ("زينب", "Zainab|Zeinab", "Zeineb|Zeinab", 3),
    ("عائشة", "Aisha|Aysha", "Aïcha|Aicha", 3),
    ("رنا", "Rana", "Rana", 2),
    ("هدى", "Huda|Hoda", "Houda", 3),
    ("سلمى", "Salma", "Salma", 2),
    ("نور", "Nour|Noor", "Nour", 2),
    ("ريم", "Reem|Rim", "Rim|Reem", 2),
    ("آمنة", "Amina|Amneh", "Amina", 3),
    ("سعاد", "Suad|Souad", "Souad", 2),
    ("ليلى", "Layla|Laila", "Leila", 2),
    ("رزان", "Razan", "Razane|Razan", 2),
    ("هبة", "Heba|Hiba", "Hiba", 2),
    ("سمر", "Samar", "Samar", 2),
    ("منى", "Muna|Mona", "Mouna", 2),
    ("وفاء", "Wafaa|Wafa", "Wafa", 1),
    ("رهف", "Rahaf", "Rahaf", 1),
    ("جميلة", "Jamila", "Djamila|Jamila", 1),
    ("سوسن", "Sawsan", "Sawsan", 1),
    ("غادة", "Ghada", "Ghada", 1),
    ("إيمان", "Iman|Eman", "Imane|Iman", 2),
    ("حنان", "Hanan", "Hanane", 1),
    ("ياسمين", "Yasmin|Yasmeen", "Yasmine", 1),
    ("ماري", "Mary|Marie", "Marie", 1),
    ("روجين", "Rojin", "Rojin", 1),
]

# family names: Arabic, English (article-free stem), French stem, article?, regions ("*" = all)
FAMILIES = [
    ("المصري", "Masri", "Masri", True, "*", 6),
    ("الحلبي", "Halabi", "Halabi", True, "*", 5),
    ("الأحمد", "Ahmad", "Ahmad", True, "*", 4),
    ("العلي", "Ali", "Ali", True, "*", 4),
    ("الحسن", "Hasan", "Hassan", True, "*", 4),
    ("المحمد", "Mohammad", "Mohamed", True, "*", 4),
    ("الخطيب", "Khatib", "Khatib", True, "*", 4),
    ("الشيخ", "Sheikh", "Cheikh", True, "*", 2),
    ("السيد", "Sayed", "Sayed", True, "*", 2),
    ("النجار", "Najjar", "Najjar", True, "*", 2),
    ("الحمصي", "Homsi", "Homsi", True, "HOM", 4),
    ("الحموي", "Hamwi", "Hamoui", True, "HAM", 4),
    ("الدوماني", "Doumani", "Doumani", True, "DAM", 2),
    ("الشامي", "Shami", "Chami", True, "DAM", 3),
    ("البيطار", "Bitar", "Bitar", True, "DAM", 2),
    ("الطحان", "Tahhan", "Tahhan", True, "DAM", 2),
    ("الشعار", "Shaar", "Chaar", True, "ALE", 2),
    ("البكور", "Bakour", "Bakour", True, "IDL", 2),
    ("الإدلبي", "Idlibi", "Idlibi", True, "IDL", 2),
    ("الزعبي", "Zoubi", "Zoubi", True, "HAU", 5),
    ("الحريري", "Hariri", "Hariri", True, "HAU", 3),
    ("المقداد", "Miqdad", "Mekdad", True, "HAU", 2),
    ("الرفاعي", "Rifai", "Rifaï", True, "HAU", 2),
    ("الخلف", "Khalaf", "Khalaf", True, "DEZ", 3),
    ("العبد الله", "Abdullah", "Abdallah", True, "DEZ", 2),
    ("الجاسم", "Jasem", "Jassem", True, "DEZ", 3),
    ("العثمان", "Othman", "Othmane", True, "DEZ", 2),
    ("الفارس", "Fares", "Farès", True, "HOM", 2),
    ("الأسود", "Aswad", "Asouad", True, "HAM", 1),
    ("الصالح", "Saleh", "Saleh", True, "*", 2),
    ("العمر", "Omar", "Omar", True, "*", 2),
    ("الحسين", "Hussein", "Houssein", True, "*", 2),
    ("درويش", "Darwish", "Darwich", False, "*", 2),
    ("حمدان", "Hamdan", "Hamdan", False, "*", 2),
    ("عثمان", "Othman", "Othmane", False, "ALE", 2),
    ("قاسم", "Qasem", "Kassem", False, "HAM", 2),
    ("سليمان", "Suleiman", "Souleiman", False, "LAT", 2),
    ("يوسف", "Yousef", "Youssef", False, "*", 2),
    ("عرابي", "Orabi", "Orabi", False, "IDL", 1),
    ("الكردي", "Kurdi", "Kurdi", True, "KUR", 2),
    ("حسو", "Hasso", "Hasso", False, "KUR", 2),
    ("شيخو", "Sheikho", "Cheikho", False, "KUR", 2),
    ("إيبو", "Ibo", "Ibo", False, "KUR", 1),
    ("خوري", "Khoury", "Khoury", False, "CHR", 2),
    ("حداد", "Haddad", "Haddad", False, "CHR", 2),
    ("عيسى", "Issa", "Issa", False, "CHR", 1),
    ("نصر", "Nasr", "Nasr", False, "LAT", 1),
]

# region: places (Arabic, English, French, Dutch), community weight
REGIONS = {
    "DAM": (
        [
            ("دمشق", "Damascus", "Damas", "Damascus"),
            ("دوما", "Douma", "Douma", "Doema"),
            ("داريا", "Darayya", "Daraya", "Darayya"),
            ("المعضمية", "Moadamiyeh", "Mouadamiyé", "Moadamiyeh"),
            ("الزبداني", "Zabadani", "Zabadani", "Zabadani"),
            ("حرستا", "Harasta", "Harasta", "Harasta"),
        ],
        18,
    ),
    "HOM": (
        [
            ("حمص", "Homs", "Homs", "Homs"),
            ("الرستن", "Rastan", "Rastane", "Rastan"),
            ("تلبيسة", "Talbiseh", "Talbissé", "Talbiseh"),
            ("القصير", "Qusayr", "Qousseir", "Qoesair"),
        ],
        14,
    ),
    "HAM": (
        [
            ("حماة", "Hama", "Hama", "Hama"),
            ("السلمية", "Salamiyah", "Salamiyé", "Salamiyah"),
            ("طيبة الإمام", "Tayyibat al-Imam", "Tayybet el-Imam", "Tayyibat al-Imam"),
        ],
        9,
    ),
    "ALE": (
        [
            ("حلب", "Aleppo", "Alep", "Aleppo"),
            ("الباب", "al-Bab", "Al-Bab", "al-Bab"),
            ("منبج", "Manbij", "Manbij", "Manbidj"),
            ("إعزاز", "Azaz", "Azaz", "Azaz"),
        ],
        15,
    ),
    "IDL": (
        [
            ("إدلب", "Idlib", "Idleb", "Idlib"),
            ("سراقب", "Saraqib", "Saraqeb", "Saraqib"),
            ("معرة النعمان", "Maarat al-Numan", "Maarret en-Nouman", "Maarat al-Noeman"),
        ],
        9,
    ),
    "HAU": (
        [
            ("درعا", "Daraa", "Deraa", "Daraa"),
            ("إنخل", "Inkhil", "Inkhil", "Inchil"),
            ("نوى", "Nawa", "Nawa", "Nawa"),
            ("بصرى الشام", "Busra al-Sham", "Bosra", "Boesra al-Sham"),
        ],
        11,
    ),
    "DEZ": (
        [
            ("دير الزور", "Deir ez-Zor", "Deir Ezzor", "Deir ez-Zor"),
            ("الميادين", "Mayadin", "Mayadine", "Majadin"),
            ("البوكمال", "Albukamal", "Abou Kamal", "Aboekamal"),
        ],
        8,
    ),
    "KUR": (
        [
            ("القامشلي", "Qamishli", "Qamichli", "Qamishli"),
            ("عامودا", "Amuda", "Amouda", "Amoeda"),
            ("عفرين", "Afrin", "Afrine", "Afrin"),
        ],
        7,
    ),
    "LAT": (
        [
            ("اللاذقية", "Latakia", "Lattaquié", "Latakia"),
            ("جبلة", "Jableh", "Jablé", "Djabla"),
            ("بانياس", "Baniyas", "Banias", "Banias"),
        ],
        5,
    ),
    "CHR": (
        [
            ("دمشق", "Damascus", "Damas", "Damascus"),
            ("حمص", "Homs", "Homs", "Homs"),
            ("وادي النصارى", "Wadi al-Nasara", "Wadi al-Nassara", "Wadi al-Nasara"),
        ],
        4,
    ),
}
GOV_PREFIX = {
    "DAM": "01",
    "HOM": "04",
    "HAM": "05",
    "ALE": "02",
    "IDL": "07",
    "HAU": "12",
    "DEZ": "09",
    "KUR": "08",
    "LAT": "06",
    "CHR": "03",
}
BRANCHES = [
    ("الفرع 215", "Branch 215", "branche 215", "afdeling 215"),
    ("الفرع 227", "Branch 227", "branche 227", "afdeling 227"),
    ("فرع فلسطين", "Palestine Branch", "branche Palestine", "Palestina-afdeling"),
    (
        "المخابرات الجوية",
        "Air Force Intelligence",
        "renseignement de l'armée de l'air",
        "luchtmachtinlichtingendienst",
    ),
    ("سجن صيدنايا", "Saydnaya prison", "prison de Saydnaya", "Saydnaya-gevangenis"),
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
FACULTIES = [
    "كلية الطب البشري",
    "كلية الهندسة المدنية",
    "كلية الهندسة المعلوماتية",
    "كلية الحقوق",
    "كلية الآداب - قسم اللغة العربية",
    "كلية الآداب - قسم اللغة الإنكليزية",
    "كلية الاقتصاد",
    "كلية الصيدلة",
    "كلية طب الأسنان",
    "كلية العلوم",
    "كلية التربية",
    "كلية الشريعة",
]
UNIVERSITIES = {
    "DAM": ("DU", "جامعة دمشق"),
    "CHR": ("DU", "جامعة دمشق"),
    "HAU": ("DU", "جامعة دمشق"),
    "HOM": ("BU", "جامعة البعث"),
    "HAM": ("BU", "جامعة البعث"),
    "ALE": ("AU", "جامعة حلب"),
    "IDL": ("AU", "جامعة حلب"),
    "KUR": ("AU", "جامعة حلب"),
    "DEZ": ("FU", "جامعة الفرات"),
    "LAT": ("TU", "جامعة تشرين"),
}
STUDY_YEARS = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "دراسات عليا"]

# nominal rates, checked by selftest (list, form) -> (rate, tolerance)
EXPECTED = {
    ("ind_nl", "dutch_spelling"): (0.55, 0.08),
    ("ind_nl", "initials"): (0.06, 0.03),
    ("ind_nl", "birth_00_00"): (0.25, 0.06),
    ("ind_nl", "repeat"): (0.07, 0.04),
    ("exhumation_register", "partial_name"): (0.55, 0.08),
    ("exhumation_register", "illegible_part"): (0.06, 0.03),
    ("exhumation_register", "age_range_only"): (0.78, 0.08),
    ("university_students", "mother_full"): (0.62, 0.08),
    ("university_students", "from_memory"): (0.35, 0.08),
    ("fr_avocat", "nom_prenom"): (0.50, 0.08),
    ("fr_avocat", "epouse"): (0.10, 0.04),
    ("fr_avocat", "date_in_words"): (0.45, 0.10),
}


def pick_w(rng: random.Random, items: list) -> tuple:
    return rng.choices(items, weights=[it[-1] for it in items], k=1)[0]


# ---------------------------------------------------------------- population
@dataclass
class Person:
    pid: str
    sex: str
    first: tuple  # (ar, en, fr)
    father: tuple
    grandfather: tuple
    family: tuple  # FAMILIES row
    mother_first: tuple
    mother_family: tuple
    birth: tuple  # (y, m, d)
    region: str
    birth_place: tuple
    national_id: str
    household: str
    role: str  # father / mother / child
    spouse_family: tuple | None = None
    detained: bool = False
    arrest: tuple | None = None
    arrest_place: tuple | None = None
    branch: tuple | None = None
    fate: str = ""
    lists: list = field(default_factory=list)


def region_names(region: str, sex: str) -> list:
    if sex == "F":
        if region == "CHR":
            return [f for f in FEMALE if f[0] not in ("عائشة", "خديجة", "زينب", "روجين")]
        if region == "KUR":
            return [f for f in FEMALE if f[0] != "ماري"]
        return [f for f in FEMALE if f[0] not in ("ماري", "روجين")]
    if region == "CHR":
        return MALE_CHRISTIAN + [
            m for m in MALE if m[0] in ("يوسف", "إبراهيم", "سامر", "رامي", "باسل", "فادي")
        ]
    if region == "KUR":
        return MALE + MALE_KURD * 3
    return MALE


def family_pool(region: str) -> list:
    return [f for f in FAMILIES if f[4] in (region, "*")]


def build_population(rng: random.Random, n: int) -> list[Person]:
    persons: list[Person] = []
    regions = list(REGIONS)
    rweights = [REGIONS[r][1] for r in regions]
    used_nid: set[str] = set()
    clan_no = 0

    def nid(region: str) -> str:
        while True:
            v = GOV_PREFIX[region] + "".join(rng.choice("0123456789") for _ in range(9))
            if v not in used_nid:
                used_nid.add(v)
                return v

    def add(**kw) -> Person:
        p = Person(pid=f"P{len(persons) + 1:06d}", **kw)
        persons.append(p)
        return p

    while len(persons) < n:
        clan_no += 1
        region = rng.choices(regions, weights=rweights, k=1)[0]
        pool = family_pool(region)
        fam = pick_w(rng, pool)
        places = REGIONS[region][0]
        for g in range(rng.choice([1, 1, 2, 2, 3, 4])):
            gf = pick_w(rng, region_names(region, "M"))
            ggf = pick_w(rng, region_names(region, "M"))
            gm = pick_w(rng, region_names(region, "F"))
            sons_used: set[str] = set()
            for s in range(rng.choice([1, 2, 2, 3, 4])):
                if len(persons) >= n:
                    break
                fname = pick_w(rng, region_names(region, "M"))
                if fname[0] in sons_used or fname[0] == gf[0]:
                    continue
                sons_used.add(fname[0])
                hh = f"H{clan_no:05d}-{g}-{s}"
                fy = rng.randint(1938, 1968)
                bp = rng.choice(places)
                add(
                    sex="M",
                    first=fname,
                    father=gf,
                    grandfather=ggf,
                    family=fam,
                    mother_first=gm,
                    mother_family=pick_w(rng, pool),
                    birth=(fy, rng.randint(1, 12), rng.randint(1, 28)),
                    region=region,
                    birth_place=bp,
                    national_id=nid(region),
                    household=hh,
                    role="father",
                )
                wife_fam = fam if rng.random() < 0.4 else pick_w(rng, pool)
                wife_first = pick_w(rng, region_names(region, "F"))
                wife = add(
                    sex="F",
                    first=wife_first,
                    father=pick_w(rng, region_names(region, "M")),
                    grandfather=pick_w(rng, region_names(region, "M")),
                    family=wife_fam,
                    mother_first=pick_w(rng, region_names(region, "F")),
                    mother_family=pick_w(rng, pool),
                    birth=(fy + rng.randint(0, 10), rng.randint(1, 12), rng.randint(1, 28)),
                    region=region,
                    birth_place=rng.choice(places),
                    national_id=nid(region),
                    household=hh,
                    role="mother",
                    spouse_family=fam,
                )
                used_first: set[str] = set()
                for c in range(rng.choice([1, 2, 3, 3, 4, 4, 5, 6])):
                    if len(persons) >= n:
                        break
                    sex = "M" if rng.random() < 0.52 else "F"
                    if sex == "M" and c == 0 and rng.random() < 0.45:
                        cf = gf  # eldest son after his grandfather
                    elif sex == "F" and rng.random() < 0.2:
                        cf = gm  # a daughter after her grandmother
                    else:
                        cf = pick_w(rng, region_names(region, sex))
                    if cf[0] in used_first:
                        continue
                    used_first.add(cf[0])
                    by = min(2002, wife.birth[0] + rng.randint(18, 38))
                    child = add(
                        sex=sex,
                        first=cf,
                        father=fname,
                        grandfather=gf,
                        family=fam,
                        mother_first=wife_first,
                        mother_family=wife_fam,
                        birth=(by, rng.randint(1, 12), rng.randint(1, 28)),
                        region=region,
                        birth_place=bp if rng.random() < 0.8 else rng.choice(places),
                        national_id=nid(region),
                        household=hh,
                        role="child",
                    )
                    if sex == "F" and by < 1992 and rng.random() < 0.6:
                        child.spouse_family = pick_w(rng, pool)
    # detention
    for p in persons:
        y = p.birth[0]
        pr = (0.5 if 1960 <= y <= 1996 else 0.18) if p.sex == "M" else (0.1 if y <= 1996 else 0.0)
        if y > 1997:
            pr = 0.0
        if rng.random() < pr:
            p.detained = True
            ay = rng.choices(
                [2011, 2012, 2013, 2014, 2015, 2016, 2017], weights=[14, 30, 24, 12, 9, 6, 5]
            )[0]
            p.arrest = (ay, rng.randint(1, 12), rng.randint(1, 28))
            places = REGIONS[p.region][0]
            p.arrest_place = places[0] if rng.random() < 0.35 else rng.choice(places)
            p.branch = rng.choice(BRANCHES)
            p.fate = rng.choices(["died", "missing", "released"], weights=[38, 52, 10])[0]
    return persons


# ---------------------------------------------------------------- spelling helpers
AR_SLIP_NEAR = {
    "ح": "ج",
    "ج": "خ",
    "ب": "ت",
    "ت": "ث",
    "س": "ش",
    "ر": "ز",
    "د": "ذ",
    "ع": "غ",
    "ص": "ض",
    "ف": "ق",
}


def ar_hamza_drop(s: str) -> str:
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def ar_variant(
    rng: random.Random, s: str, tags: set, hamza: float, ta: float, abd_join: float
) -> str:
    if rng.random() < hamza and any(c in s for c in "أإآ"):
        s = ar_hamza_drop(s)
        tags.add("hamza_dropped")
    if rng.random() < ta and s.endswith("ة"):
        s = s[:-1] + "ه"
        tags.add("ta_marbuta_ha")
    if s.startswith("عبد ") and rng.random() < abd_join:
        s = s.replace("عبد ", "عبد", 1)
        tags.add("abd_joined")
    return s


def ar_slip(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c != " "]
    if len(idx) < 3:
        return s
    i = rng.choice(idx[1:])
    kind = rng.random()
    if kind < 0.4 and s[i] in AR_SLIP_NEAR:
        return s[:i] + AR_SLIP_NEAR[s[i]] + s[i + 1 :]
    if kind < 0.7:
        return s[:i] + s[i + 1 :]
    if i + 1 < len(s) and s[i + 1] != " ":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + s[i] + s[i:]


def lat_slip(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c.isalpha()]
    if len(idx) < 4:
        return s
    i = rng.choice(idx[1:-1])
    kind = rng.random()
    if kind < 0.35:
        return s[:i] + s[i + 1 :]
    if kind < 0.7 and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if kind < 0.85:
        return s[:i] + s[i] + s[i:]
    near = {
        "a": "e",
        "e": "a",
        "i": "e",
        "o": "u",
        "u": "o",
        "s": "z",
        "d": "t",
        "k": "q",
        "m": "n",
        "n": "m",
    }
    c = s[i].lower()
    if c in near:
        r = near[c] if s[i].islower() else near[c].upper()
        return s[:i] + r + s[i + 1 :]
    return s[:i] + s[i + 1 :]


def en_spelling(rng: random.Random, name: tuple) -> str:
    opts = name[1].split("|")
    return opts[0] if rng.random() < 0.6 else rng.choice(opts)


def fr_spelling(rng: random.Random, name: tuple) -> str:
    opts = name[2].split("|")
    return opts[0] if rng.random() < 0.7 else rng.choice(opts)


def dutchify(s: str) -> str:
    """An English-style transliteration as a Dutch officer writes it."""
    out = s
    for a, b in (
        ("Sh", "Sj"),
        ("sh", "sj"),
        ("Kh", "Ch"),
        ("kh", "ch"),
        ("ou", "oe"),
        ("oo", "oe"),
    ):
        out = out.replace(a, b)
    res = []
    for i, c in enumerate(out):
        prev = out[i - 1] if i else ""
        if c == "J" and (i == 0 or not prev.isalpha()):
            res.append("Dj")
        elif c == "j" and prev not in "dDsS":
            res.append("dj")
        elif c == "u" and prev not in "oO":
            res.append("oe")
        elif c == "U" and (i == 0 or not prev.isalpha()):
            res.append("Oe")
        elif c == "Y" and (i == 0 or not prev.isalpha()):
            res.append("J")
        elif c == "y" and i + 1 < len(out) and out[i + 1] in "aeiou" and prev in "aeiou":
            res.append("j")
        else:
            res.append(c)
    return "".join(res)


def fmt_place(pl: tuple, lang: str) -> str:
    return pl[{"ar": 0, "en": 1, "fr": 2, "nl": 3}[lang]]


def to_indic(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


# ---------------------------------------------------------------- the lists
class ListWriter:
    def __init__(self, name: str, header: list[str]) -> None:
        self.name = name
        self.header = header
        self.rows: list[list[str]] = []
        self.truth: list[tuple[str, str]] = []
        self.forms: Counter = Counter()
        self.ids: set[str] = set()

    def add(self, rid: str, pid: str, row: dict, tags: set) -> None:
        assert rid not in self.ids, rid
        self.ids.add(rid)
        row = dict(row)
        row[self.header[0]] = rid
        self.rows.append([row.get(h, "") for h in self.header])
        self.truth.append((rid, pid))
        for t in tags:
            self.forms[t] += 1


def make_ind_nl(rng: random.Random, people: list[Person]) -> ListWriter:
    """Dutch IND asylum files: a relative in the Netherlands declares a detained family member."""
    w = ListWriter(
        "ind_nl",
        [
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
            "relationship",
        ],
    )
    rels = {
        "father": ["vader", "echtgenoot"],
        "mother": ["moeder", "echtgenote"],
        "child": ["broer", "zoon", "neef", "zus", "dochter"],
    }
    vnums: set[str] = set()

    def new_v() -> str:
        while True:
            v = "".join(rng.choice("0123456789") for _ in range(10))
            if v not in vnums:
                vnums.add(v)
                return v

    for p in people:
        reps = 2 if rng.random() < 0.075 else 1
        for r in range(reps):
            tags: set = set()
            if r:
                tags.add("repeat")
            dutch = rng.random() < 0.55
            if dutch:
                tags.add("dutch_spelling")

            def sp(name: tuple, dutch: bool = dutch) -> str:
                s = en_spelling(rng, name)
                return dutchify(s) if dutch else s

            first = sp(p.first)
            father = sp(p.father)
            fam_stem = dutchify(p.family[1]) if dutch else p.family[1]
            if p.family[3]:
                art = rng.choices(
                    ["Al-", "Al ", "El-", "El ", "", "Al"], weights=[35, 15, 15, 10, 20, 5]
                )[0]
                if art == "Al":
                    fam = "Al" + fam_stem.lower()
                    tags.add("article_fused")
                else:
                    fam = art + fam_stem
            else:
                fam = fam_stem
            if rng.random() < 0.02:
                fam = lat_slip(rng, fam)
                tags.add("typing_slip")
            elif rng.random() < 0.02:
                first = lat_slip(rng, first)
                tags.add("typing_slip")
            if rng.random() < 0.35:
                fam = fam.upper()
                tags.add("family_upper")
            father_out = father
            if rng.random() < 0.06:
                # voorletters: the register keeps initials only
                first = f"{first[0]}.{father[0]}."
                father_out = ""
                tags.add("initials")
            elif rng.random() < 0.15:
                father_out = ""
                tags.add("father_missing")
            elif rng.random() < 0.12:
                first = f"{first} {father}"
                father_out = ""
                tags.add("given_names_together")
            mroll = rng.random()
            if mroll < 0.45:
                mother = sp(p.mother_first)
                tags.add("mother_first")
            elif mroll < 0.65:
                mother = f"{sp(p.mother_first)} {p.mother_family[1]}"
                tags.add("mother_full")
            else:
                mother = ""
            y, m, d = p.birth
            broll = rng.random()
            if rng.random() < 0.08:
                y += rng.choice([-1, 1])
                tags.add("year_off")
            if broll < 0.25:
                birth = f"00-00-{y}"
                tags.add("birth_00_00")
            elif broll < 0.45:
                birth = f"01-01-{y}"
                tags.add("birth_01_01")
            elif broll < 0.80:
                birth = f"{d:02d}-{m:02d}-{y}"
                tags.add("birth_dd_mm_yyyy_dash")
            else:
                birth = ""
            ay, am, ad = p.arrest
            aroll = rng.random()
            if aroll < 0.3:
                arrest = f"{MONTHS_NL[am - 1]} {ay}"
                tags.add("arrest_dutch_month")
            elif aroll < 0.6:
                arrest = f"{ad:02d}-{am:02d}-{ay}"
            elif aroll < 0.8:
                arrest = str(ay)
            else:
                arrest = ""
            proll = rng.random()
            if proll < 0.6:
                place = fmt_place(p.arrest_place, "nl" if dutch else "en")
            elif proll < 0.72:
                place = f"checkpoint bij {fmt_place(p.arrest_place, 'en')}"
                tags.add("checkpoint")
            elif proll < 0.82:
                place = p.branch[3]
            else:
                place = ""
            row = {
                "family_name": fam,
                "first_name": first,
                "father_name": father_out,
                "mother_name": mother,
                "sex": p.sex if rng.random() < 0.9 else ("V" if p.sex == "F" else "M"),
                "birth_year": birth,
                "birth_place": fmt_place(p.birth_place, "nl" if dutch else "en")
                if rng.random() < 0.7
                else "",
                "date_of_arrest": arrest,
                "place_of_arrest": place,
                "relationship": rng.choice(rels[p.role]),
            }
            if row["sex"] == "V":
                tags.add("sex_v")
            rid = f"V{new_v()}-{rng.randint(1, 6)}"
            w.add(rid, p.pid, row, tags)
    return w


def make_exhumation(rng: random.Random, people: list[Person]) -> ListWriter:
    """A forensic team's register of exhumed remains that carry an identification."""
    w = ListWriter(
        "exhumation_register",
        [
            "رقم السجل",
            "الاسم",
            "اسم الأب",
            "الكنية",
            "اسم الأم",
            "الجنس",
            "العمر التقديري",
            "سنة الولادة",
            "الرقم الوطني",
            "تاريخ الاعتقال",
            "مكان الاعتقال",
            "مصدر التعرف",
            "ملاحظات",
        ],
    )
    sites = ["NJH", "QTF", "ADR", "TDM", "SBN"]
    used: set[tuple] = set()
    for p in people:
        reps = 2 if rng.random() < 0.06 else 1
        for r in range(reps):
            tags: set = set()
            if r:
                tags.add("repeat")
            src = rng.choices(
                ["وثيقة", "قريب", "ملابس ومقتنيات", "شاهد"], weights=[30, 45, 15, 10]
            )[0]
            first = ar_variant(rng, p.first[0], tags, 0.3, 0.3, 0.4)
            father = ar_variant(rng, p.father[0], tags, 0.3, 0.3, 0.4)
            fam = ar_variant(rng, p.family[0], tags, 0.3, 0.3, 0.4)
            full = True if src == "وثيقة" else rng.random() < 0.3
            if not full:
                tags.add("partial_name")
                if rng.random() < 0.6:
                    father = ""
                else:
                    fam = ""
            if src == "وثيقة" and rng.random() < 0.2:
                # a damaged document: one part of the name cannot be read
                part = rng.choice(["first", "father", "fam"])
                if part == "first":
                    first = "(غير مقروء)"
                elif part == "father" and father:
                    father = "؟"
                else:
                    fam = "..."
                tags.add("illegible_part")
            if rng.random() < 0.035:
                fam = ar_slip(rng, fam) if fam and fam != "..." else fam
                tags.add("typing_slip")
            mother = ""
            if src in ("قريب", "شاهد") and rng.random() < 0.35:
                mother = ar_variant(rng, p.mother_first[0], tags, 0.3, 0.3, 0)
            # age at death estimated from the remains: a range
            death_year = p.arrest[0] + rng.randint(0, 3)
            age = death_year - p.birth[0]
            lo = max(15, age - rng.randint(2, 8))
            hi = age + rng.randint(2, 8)
            lo, hi = (lo // 5) * 5, ((hi + 4) // 5) * 5
            age_txt = f"{lo}-{hi}" if rng.random() < 0.8 else f"{lo}-{hi} سنة"
            byear = ""
            nid = ""
            if src == "وثيقة":
                if rng.random() < 0.7:
                    byear = str(p.birth[0])
                if rng.random() < 0.5:
                    nid = p.national_id
                    if rng.random() < 0.25:
                        k = rng.randrange(len(nid))
                        nid = nid[:k] + "؟" + nid[k + 1 :]
                        tags.add("nid_illegible_digit")
                    tags.add("national_id")
            if not byear:
                tags.add("age_range_only")
            arrest = ""
            if src in ("قريب", "شاهد") and rng.random() < 0.5:
                ay = p.arrest[0]
                arrest = f"{ay}" if rng.random() < 0.6 else f"{p.arrest[1]}/{ay}"
            place = ""
            if src in ("قريب", "شاهد") and rng.random() < 0.4:
                place = p.arrest_place[0] if rng.random() < 0.7 else f"حاجز {p.arrest_place[0]}"
            sex = {"M": "ذكر", "F": "أنثى"}[p.sex]
            if rng.random() < 0.07:
                sex = ""
                tags.add("sex_undetermined")
            note = ""
            if src == "قريب" and rng.random() < 0.15:
                note = "تعرف أولي بانتظار مطابقة DNA"
            if rng.random() < 0.08:
                digits = to_indic
                tags.add("indic_digits")
            else:

                def digits(s: str) -> str:
                    return s

            while True:
                key = (rng.choice(sites), rng.randint(1, 12), rng.randint(1, 450))
                if key not in used:
                    used.add(key)
                    break
            rid = f"{key[0]}-G{key[1]:02d}-B{key[2]:03d}"
            row = {
                "الاسم": first,
                "اسم الأب": father,
                "الكنية": fam,
                "اسم الأم": mother,
                "الجنس": sex,
                "العمر التقديري": digits(age_txt),
                "سنة الولادة": digits(byear),
                "الرقم الوطني": digits(nid),
                "تاريخ الاعتقال": digits(arrest),
                "مكان الاعتقال": place,
                "مصدر التعرف": src,
                "ملاحظات": note,
            }
            w.add(rid, p.pid, row, tags)
    return w


def make_students(rng: random.Random, people: list[Person]) -> ListWriter:
    """A students' union list of detained university students, from registers and memory."""
    w = ListWriter(
        "university_students",
        [
            "رقم السجل",
            "الاسم",
            "اسم الأب",
            "الكنية",
            "اسم الأم",
            "الجنس",
            "سنة الولادة",
            "مكان الولادة",
            "الجامعة",
            "الكلية",
            "السنة الدراسية",
            "تاريخ الاعتقال",
            "مكان الاعتقال",
        ],
    )
    used: set[str] = set()
    faculty_of: dict[str, str] = {}
    for p in people:
        reps = 2 if rng.random() < 0.07 else 1
        code, uni = UNIVERSITIES[p.region]
        faculty_of[p.pid] = rng.choice(FACULTIES)
        for r in range(reps):
            tags: set = set()
            if r:
                tags.add("repeat")
            memory = rng.random() < 0.35
            if memory:
                tags.add("from_memory")
            hz, ta = (0.35, 0.3) if memory else (0.05, 0.05)
            first = ar_variant(rng, p.first[0], tags, hz, ta, 0.3)
            father = ar_variant(rng, p.father[0], tags, hz, ta, 0.3)
            fam = ar_variant(rng, p.family[0], tags, hz, ta, 0.3)
            if memory:
                roll = rng.random()
                if roll < 0.25:
                    father = ""
                    tags.add("father_missing")
                elif roll < 0.33:
                    fam = ""
                    tags.add("family_missing")
                if fam.startswith("ال") and rng.random() < 0.12:
                    fam = fam[2:]
                    tags.add("article_dropped")
            if rng.random() < (0.05 if memory else 0.02):
                which = rng.choice(["first", "father", "fam"])
                if which == "first":
                    first = ar_slip(rng, first)
                elif which == "father" and father:
                    father = ar_slip(rng, father)
                elif fam:
                    fam = ar_slip(rng, fam)
                tags.add("typing_slip")
            mroll = rng.random()
            if (not memory and mroll < 0.85) or (memory and mroll < 0.25):
                mother = f"{p.mother_first[0]} {p.mother_family[0]}"
                tags.add("mother_full")
            elif (not memory and mroll < 0.93) or (memory and mroll < 0.6):
                mother = p.mother_first[0]
                tags.add("mother_first")
            else:
                mother = ""
            y, m, d = p.birth
            if memory:
                birth = str(y) if rng.random() < 0.5 else ""
                if birth and rng.random() < 0.2:
                    birth = str(y + rng.choice([-1, 1]))
                    tags.add("year_off")
            else:
                birth = f"{d}/{m}/{y}" if rng.random() < 0.7 else str(y)
                if "/" in birth:
                    tags.add("birth_full_date")
            bp = p.birth_place[0]
            if not memory and rng.random() < 0.3:
                bp = (
                    f"{REGIONS[p.region][0][0][0]} - {bp}"
                    if bp != REGIONS[p.region][0][0][0]
                    else bp
                )
                tags.add("place_with_governorate")
            elif memory and rng.random() < 0.5:
                bp = ""
            ay, am, ad = p.arrest
            aroll = rng.random()
            if aroll < 0.45:
                arrest = f"{ad}/{am}/{ay}"
            elif aroll < 0.75:
                arrest = f"{am}/{ay}"
            elif aroll < 0.9:
                arrest = str(ay)
            else:
                arrest = ""
            proll = rng.random()
            if proll < 0.3:
                place = rng.choice(["الحرم الجامعي", "المدينة الجامعية", "من أمام الكلية"])
                tags.add("campus_place")
            elif proll < 0.7:
                place = p.arrest_place[0]
            elif proll < 0.85:
                place = f"حاجز {p.arrest_place[0]}"
            else:
                place = ""
            study = STUDY_YEARS[min(5, max(0, ay - y - 18))]
            while True:
                sid = f"{code}-{rng.randint(2003, 2013)}{rng.randint(0, 99999):05d}"
                if sid not in used:
                    used.add(sid)
                    break
            row = {
                "الاسم": first,
                "اسم الأب": father,
                "الكنية": fam,
                "اسم الأم": mother,
                "الجنس": {"M": "ذكر", "F": "أنثى"}[p.sex],
                "سنة الولادة": birth,
                "مكان الولادة": bp,
                "الجامعة": uni,
                "الكلية": faculty_of[p.pid]
                if r == 0 or rng.random() < 0.6
                else rng.choice(FACULTIES),
                "السنة الدراسية": study,
                "تاريخ الاعتقال": arrest,
                "مكان الاعتقال": place,
            }
            w.add(sid, p.pid, row, tags)
    return w


def make_fr_avocat(rng: random.Random, people: list[Person]) -> ListWriter:
    """A French-speaking lawyer's list of victims in complaints (partie civile files)."""
    w = ListWriter(
        "fr_avocat",
        [
            "record_id",
            "full_name",
            "mother_name",
            "sex",
            "birth_year",
            "birth_place",
            "date_of_arrest",
            "place_of_arrest",
            "statut",
        ],
    )
    dossier = 0
    victim = 0
    statut = {"died": "décédé en détention", "missing": "disparu", "released": "libéré"}
    for p in people:
        reps = 2 if rng.random() < 0.05 else 1
        for r in range(reps):
            tags: set = set()
            if r:
                tags.add("repeat")
            first = fr_spelling(rng, p.first)
            father = fr_spelling(rng, p.father)
            stem = p.family[2]
            if p.family[3]:
                art = rng.choices(["AL-", "EL-", "AL ", "", "EL "], weights=[40, 25, 10, 15, 10])[0]
            else:
                art = ""
            fam_up = (art + stem).upper()
            if rng.random() < 0.1:
                fam_up = art + stem  # not upper-cased
                tags.add("family_not_upper")
            if rng.random() < 0.025:
                first = lat_slip(rng, first)
                tags.add("typing_slip")
            with_father = rng.random() < 0.4
            given = f"{first} {father}" if with_father else first
            if with_father:
                tags.add("father_in_name")
            roll = rng.random()
            if roll < 0.50:
                name = f"{fam_up} {given}"
                tags.add("nom_prenom")
            elif roll < 0.68:
                name = f"{fam_up}, {given}"
                tags.add("nom_comma_prenom")
            elif roll < 0.93:
                name = f"{given} {fam_up}"
                tags.add("prenom_nom")
            else:
                name = (
                    f"{first} {fam_up} fils de {father}"
                    if p.sex == "M"
                    else f"{first} {fam_up} fille de {father}"
                )
                tags.add("fils_de")
            if p.sex == "F" and p.spouse_family is not None and rng.random() < 0.75:
                sp = p.spouse_family
                sp_name = (("AL-" if sp[3] else "") + sp[2]).upper()
                name = f"{name} épouse {sp_name}"
                tags.add("epouse")
            if rng.random() < 0.12:
                name = ("M. " if p.sex == "M" else "Mme ") + name
                tags.add("civility")
            mother = ""
            mroll = rng.random()
            if mroll < 0.3:
                mother = fr_spelling(rng, p.mother_first)
            elif mroll < 0.5:
                mf = p.mother_family
                mother = (
                    f"{fr_spelling(rng, p.mother_first)} {('AL-' if mf[3] else '') + mf[2].upper()}"
                )
            y, m, d = p.birth
            broll = rng.random()
            if broll < 0.3:
                birth = (
                    f"né le {d} {MONTHS_FR[m - 1]} {y}"
                    if p.sex == "M"
                    else f"née le {d} {MONTHS_FR[m - 1]} {y}"
                )
                tags.add("birth_in_words")
            elif broll < 0.55:
                birth = f"{d:02d}/{m:02d}/{y}"
            elif broll < 0.8:
                birth = str(y)
            elif broll < 0.88:
                birth = f"vers {y}"
                tags.add("birth_vers")
            else:
                birth = ""
            ay, am, ad = p.arrest
            aroll = rng.random()
            if aroll < 0.3:
                arrest = f"{ad} {MONTHS_FR[am - 1]} {ay}"
                tags.add("date_in_words")
            elif aroll < 0.45:
                arrest = f"{MONTHS_FR[am - 1]} {ay}"
                tags.add("date_in_words")
            elif aroll < 0.8:
                arrest = f"{ad:02d}/{am:02d}/{ay}"
            elif aroll < 0.92:
                arrest = str(ay)
            else:
                arrest = ""
            proll = rng.random()
            if proll < 0.5:
                place = fmt_place(p.arrest_place, "fr")
            elif proll < 0.65:
                place = f"checkpoint de {fmt_place(p.arrest_place, 'fr')}"
            elif proll < 0.85:
                place = f"{p.branch[2]} ({fmt_place(p.arrest_place, 'fr')})"
                tags.add("branch_place")
            else:
                place = ""
            # one complaint file names one to several victims
            if victim == 0 or rng.random() < 0.55:
                dossier += 1
                victim = 0
            victim += 1
            rid = f"DOS-{2016 + dossier * 8 // 1000}-{dossier:04d}/V{victim}"
            row = {
                "full_name": name,
                "mother_name": mother,
                "sex": p.sex,
                "birth_year": birth,
                "birth_place": fmt_place(p.birth_place, "fr") if rng.random() < 0.6 else "",
                "date_of_arrest": arrest,
                "place_of_arrest": place,
                "statut": statut[p.fate],
            }
            w.add(rid, p.pid, row, tags)
    return w


# ---------------------------------------------------------------- selection
def select(rng: random.Random, persons: list[Person]) -> dict[str, list[Person]]:
    """Which detained person each source reaches (documented households only)."""
    by_hh: dict[str, list[Person]] = defaultdict(list)
    for p in persons:
        by_hh[p.household].append(p)
    documented: set[str] = set()
    for hh, members in by_hh.items():
        if any(m.detained for m in members) and rng.random() < 0.85:
            documented.add(hh)
    out: dict[str, list[Person]] = {
        "ind_nl": [],
        "exhumation_register": [],
        "university_students": [],
        "fr_avocat": [],
    }
    flight = {
        "DAM": 0.5,
        "HOM": 0.48,
        "ALE": 0.48,
        "HAM": 0.42,
        "IDL": 0.36,
        "HAU": 0.32,
        "DEZ": 0.32,
        "KUR": 0.4,
        "LAT": 0.25,
        "CHR": 0.48,
    }
    for p in persons:
        if not p.detained or p.household not in documented:
            continue
        if rng.random() < flight[p.region]:
            out["ind_nl"].append(p)
        if p.fate == "died" and p.arrest[0] <= 2015 and rng.random() < 0.65:
            out["exhumation_register"].append(p)
        age = p.arrest[0] - p.birth[0]
        if 18 <= age <= 27 and rng.random() < 0.8:
            out["university_students"].append(p)
        if rng.random() < (0.36 if p.region in ("DAM", "HOM", "ALE", "CHR") else 0.24):
            out["fr_avocat"].append(p)
    for k in out:
        rng.shuffle(out[k])
    return out


def generate(seed: int, n: int) -> tuple[list[Person], list[ListWriter]]:
    rng = random.Random(seed)
    persons = build_population(rng, n)
    chosen = select(rng, persons)
    writers = [
        make_ind_nl(random.Random(seed * 1000 + 1), chosen["ind_nl"]),
        make_exhumation(random.Random(seed * 1000 + 2), chosen["exhumation_register"]),
        make_students(random.Random(seed * 1000 + 3), chosen["university_students"]),
        make_fr_avocat(random.Random(seed * 1000 + 4), chosen["fr_avocat"]),
    ]
    for w in writers:
        order = list(range(len(w.rows)))
        random.Random(seed * 7 + len(w.name)).shuffle(order)
        w.rows = [w.rows[i] for i in order]
        w.truth = [w.truth[i] for i in order]
    return persons, writers


def write_csv(path: str, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(header)
        wr.writerows(rows)


def write_all(out: str, persons: list[Person], writers: list[ListWriter]) -> None:
    os.makedirs(out, exist_ok=True)
    truth = []
    for w in writers:
        write_csv(os.path.join(out, f"{w.name}.csv"), w.header, w.rows)
        truth += [[w.name, rid, pid] for rid, pid in w.truth]
    write_csv(os.path.join(out, "truth.csv"), ["list", "record_id", "person_id"], truth)
    prow = []
    for p in persons:
        prow.append(
            [
                p.pid,
                p.household,
                p.role,
                p.sex,
                p.first[0],
                p.father[0],
                p.grandfather[0],
                p.family[0],
                f"{p.mother_first[0]} {p.mother_family[0]}",
                f"{p.birth[0]:04d}-{p.birth[1]:02d}-{p.birth[2]:02d}",
                p.birth_place[0],
                p.national_id,
                "1" if p.detained else "0",
                f"{p.arrest[0]:04d}-{p.arrest[1]:02d}-{p.arrest[2]:02d}" if p.arrest else "",
                p.arrest_place[0] if p.arrest_place else "",
                p.fate,
            ]
        )
    write_csv(
        os.path.join(out, "persons.csv"),
        [
            "person_id",
            "household",
            "role",
            "sex",
            "first_name",
            "father_name",
            "grandfather_name",
            "family_name",
            "mother_name",
            "birth_date",
            "birth_place",
            "national_id",
            "detained",
            "date_of_arrest",
            "place_of_arrest",
            "fate",
        ],
        prow,
    )


def stats(persons: list[Person], writers: list[ListWriter]) -> dict:
    pid_lists: dict[str, set] = defaultdict(set)
    res: dict = {"lists": {}}
    for w in writers:
        pids = [pid for _, pid in w.truth]
        for pid in pids:
            pid_lists[pid].add(w.name)
        res["lists"][w.name] = {
            "records": len(pids),
            "persons": len(set(pids)),
            "forms": {k: round(v / len(pids), 3) for k, v in sorted(w.forms.items())},
        }
    res["records"] = sum(len(w.rows) for w in writers)
    res["persons"] = len(pid_lists)
    res["by_number_of_lists"] = dict(sorted(Counter(len(v) for v in pid_lists.values()).items()))
    pairs: Counter = Counter()
    names = [w.name for w in writers]
    for v in pid_lists.values():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if a in v and b in v:
                    pairs[f"{a} & {b}"] += 1
    res["pairs"] = dict(pairs)
    byp = {p.pid: p for p in persons}
    groups: Counter = Counter()
    for pid in pid_lists:
        p = byp[pid]
        groups[(p.first[0], p.father[0], p.family[0])] += 1
    res["same_first_father_family_groups"] = sum(1 for v in groups.values() if v > 1)
    res["same_first_father_family_persons"] = sum(v for v in groups.values() if v > 1)
    hh: Counter = Counter(byp[pid].household for pid in pid_lists if byp[pid].role == "child")
    res["households_2plus_children_listed"] = sum(1 for v in hh.values() if v > 1)
    listed_children = {byp[pid].household for pid in pid_lists if byp[pid].role == "child"}
    res["fathers_listed_with_a_child"] = sum(
        1
        for pid in pid_lists
        if byp[pid].role == "father" and byp[pid].household in listed_children
    )
    res["women_listed"] = sum(1 for pid in pid_lists if byp[pid].sex == "F")
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    persons, writers = generate(a.seed, a.persons)
    write_all(a.out, persons, writers)
    if a.stats:
        s = stats(persons, writers)
        print(f"records {s['records']}  persons {s['persons']}")
        for name, d in s["lists"].items():
            print(
                f"{name}: {d['records']} records, {d['persons']} persons, "
                f"repeats {d['records'] - d['persons']}"
            )
            for k, v in d["forms"].items():
                print(f"    {k}: {v:.3f}")
        print("by number of lists:", s["by_number_of_lists"])
        for k, v in s["pairs"].items():
            print(f"  {k}: {v}")
        print(
            "same first/father/family:",
            s["same_first_father_family_groups"],
            "groups,",
            s["same_first_father_family_persons"],
            "persons",
        )
        print("households with 2+ children listed:", s["households_2plus_children_listed"])
        print("fathers listed with a child listed:", s["fathers_listed_with_a_child"])
        print("women listed:", s["women_listed"])


if __name__ == "__main__":
    main()
