#!/usr/bin/env python3
"""Independent linkage test set 15: four lists of the missing, written blind.

Lists: army_defection (Arabic, a defected officers' group), dismissal_decrees (Arabic,
directorates' decisions deeming detained employees resigned), krg_camps (Arabic script typed
on Sorani Kurdish keyboards in camps of the Kurdistan Region of Iraq), gulf_association
(Latin, a Syrian association in the Gulf, names as on passports and residence cards).

python3 generate.py --seed 15 --persons 20000 --out DIR [--stats]
Standard library only; deterministic for a seed whatever PYTHONHASHSEED is.
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import sys

# ---------------------------------------------------------------- names
# (Arabic spelling, phonemic code, weight). Phonemic code: b t V(th) j H(ح) x(خ) d W(dh) r z s
# c(ش) S(ص) D(ض) T(ط) Z(ظ) 3(ع) g(غ) f q k l m n h w y 2(ء) v(ڤ); short a i u o e, long A I U,
# @ the ta marbuta.
MALE = [
    ("محمد", "muHammad", 14),
    ("أحمد", "2aHmad", 7),
    ("علي", "3alI", 4),
    ("محمود", "maHmUd", 3),
    ("خالد", "xAlid", 3),
    ("عمر", "3umar", 3),
    ("حسن", "Hasan", 2.5),
    ("حسين", "Husayn", 2),
    ("مصطفى", "muSTafA", 2),
    ("إبراهيم", "2ibrAhIm", 2),
    ("يوسف", "yUsuf", 2),
    ("عبد الله", "3abd allAh", 2.5),
    ("عبد الرحمن", "3abd al-raHmAn", 1.5),
    ("عبد الكريم", "3abd al-karIm", 1),
    ("عبد القادر", "3abd al-qAdir", 1),
    ("ياسر", "yAsir", 1),
    ("سامر", "sAmir", 1),
    ("فادي", "fAdI", 1),
    ("رامي", "rAmI", 1),
    ("وليد", "walId", 1),
    ("باسل", "bAsil", 0.8),
    ("ماهر", "mAhir", 0.8),
    ("عمار", "3ammAr", 1),
    ("أنس", "2anas", 1),
    ("معاذ", "mu3AW", 0.8),
    ("حمزة", "Hamza@", 1),
    ("طارق", "TAriq", 0.8),
    ("زياد", "ziyAd", 0.8),
    ("جمال", "jamAl", 0.8),
    ("سعيد", "sa3Id", 0.7),
    ("رشيد", "racId", 0.5),
    ("صالح", "SAliH", 0.8),
    ("عادل", "3Adil", 0.7),
    ("بشار", "baccAr", 0.5),
    ("غسان", "gassAn", 0.6),
    ("هيثم", "hayVam", 0.6),
    ("مازن", "mAzin", 0.7),
    ("منذر", "munWir", 0.5),
    ("قاسم", "qAsim", 0.7),
    ("يحيى", "yaHyA", 0.7),
    ("إسماعيل", "2ismA3Il", 0.6),
    ("عثمان", "3uVmAn", 0.6),
    ("شادي", "cAdI", 0.6),
    ("نبيل", "nabIl", 0.5),
    ("عماد", "3imAd", 0.6),
    ("فراس", "firAs", 0.6),
    ("مهند", "muhannad", 0.6),
    ("عبد العزيز", "3abd al-3azIz", 0.6),
    ("سليمان", "sulaymAn", 0.6),
    ("جهاد", "jihAd", 0.5),
    ("بلال", "bilAl", 0.7),
    ("إياد", "2iyAd", 0.5),
    ("وائل", "wA2il", 0.6),
    ("كمال", "kamAl", 0.5),
    ("رياض", "riyAD", 0.5),
    ("نزار", "nizAr", 0.5),
    ("فايز", "fAyiz", 0.4),
    ("حسام", "HusAm", 0.6),
    ("أيمن", "2ayman", 0.6),
    ("صلاح", "SalAH", 0.5),
    ("نادر", "nAdir", 0.4),
    ("مروان", "marwAn", 0.5),
    ("عدنان", "3adnAn", 0.5),
    ("منير", "munIr", 0.4),
    ("ضياء", "DiyA2", 0.3),
    ("ظافر", "ZAfir", 0.3),
]
KURD_MALE = [
    ("آزاد", "2AzAd", 1),
    ("شيرزاد", "cIrzAd", 0.6),
    ("هفال", "hevAl", 0.7),
    ("جوان", "jiwAn", 0.6),
    ("دلشاد", "dilcAd", 0.5),
    ("ريزان", "rIzAn", 0.5),
    ("رودي", "rUdI", 0.4),
    ("زانا", "zAnA", 0.4),
    ("كاوا", "kAwA", 0.5),
    ("شفان", "civAn", 0.5),
    ("هوزان", "hUzAn", 0.4),
    ("ريبر", "rIbar", 0.4),
    ("سربست", "sarbast", 0.3),
    ("بروسك", "birUsk", 0.3),
]
FEMALE = [
    ("فاطمة", "fATima@", 6),
    ("خديجة", "xadIja@", 2),
    ("مريم", "maryam", 2),
    ("زينب", "zaynab", 2),
    ("عائشة", "3A2ica@", 1.5),
    ("رنا", "ranA", 1),
    ("هدى", "hudA", 1),
    ("سمر", "samar", 1),
    ("ريم", "rIm", 1),
    ("نور", "nUr", 1.5),
    ("آمنة", "2Amina@", 1),
    ("سعاد", "su3Ad", 1),
    ("هبة", "hiba@", 1),
    ("ولاء", "walA2", 0.8),
    ("أسماء", "2asmA2", 1),
    ("رهف", "rahaf", 0.8),
    ("لينا", "lInA", 0.7),
    ("منى", "munA", 0.8),
    ("سلمى", "salmA", 0.7),
    ("نسرين", "nisrIn", 0.8),
    ("رغد", "ragad", 0.6),
    ("دعاء", "du3A2", 0.7),
    ("إيمان", "2ImAn", 0.8),
    ("سوسن", "sawsan", 0.6),
    ("ياسمين", "yAsamIn", 0.6),
    ("حنان", "HanAn", 0.7),
    ("وفاء", "wafA2", 0.6),
    ("بشرى", "bucrA", 0.5),
    ("ميساء", "maysA2", 0.5),
    ("غادة", "gAda@", 0.6),
    ("نجلاء", "najlA2", 0.5),
    ("ليلى", "laylA", 0.6),
    ("أمل", "2amal", 0.7),
    ("رقية", "ruqayya@", 0.5),
    ("صفاء", "SafA2", 0.5),
]
KURD_FEMALE = [
    ("روجين", "rojIn", 0.8),
    ("آفين", "2AvIn", 0.7),
    ("شيرين", "cIrIn", 0.7),
    ("زوزان", "zozAn", 0.5),
    ("بيريفان", "bIrIvAn", 0.4),
    ("هيفي", "hevI", 0.5),
    ("جيهان", "jIhAn", 0.5),
    ("نارين", "nArIn", 0.5),
]
COUNTRY_FAMILIES = [
    ("الأحمد", "al-2aHmad"),
    ("العلي", "al-3alI"),
    ("المحمد", "al-muHammad"),
    ("الحسن", "al-Hasan"),
    ("الخطيب", "al-xaTIb"),
    ("الشيخ", "al-cayx"),
    ("المصري", "al-miSrI"),
    ("الحلبي", "al-HalabI"),
    ("الصالح", "al-SAliH"),
    ("الإبراهيم", "al-2ibrAhIm"),
    ("العبد الله", "al-3abd allAh"),
    ("الحسين", "al-Husayn"),
    ("حمدان", "HamdAn"),
    ("السيد", "al-sayyid"),
]
# region: (governorate code, governorate name ar/latin, towns [(ar, latin)], families [(ar, ph)])
REGIONS = {
    "damascus": (
        "02",
        ("ريف دمشق", "RIF DIMASHQ"),
        [
            ("دمشق", "DAMASCUS"),
            ("دوما", "DOUMA"),
            ("داريا", "DARAYA"),
            ("معضمية الشام", "MOADAMIYEH"),
            ("التل", "AL TALL"),
            ("الزبداني", "ZABADANI"),
            ("حرستا", "HARASTA"),
            ("عربين", "ARBEEN"),
        ],
        [
            ("الشامي", "al-cAmI"),
            ("دياب", "diyAb"),
            ("القباني", "al-qabbAnI"),
            ("النحاس", "al-naHHAs"),
            ("الحلاق", "al-HallAq"),
            ("طيفور", "TayfUr"),
            ("الخولاني", "al-xawlAnI"),
            ("بكور", "bakkUr"),
            ("الطباع", "al-TabbA3"),
            ("السمان", "al-sammAn"),
            ("كيوان", "kaywAn"),
            ("عبيد", "3ubayd"),
            ("الزين", "al-zayn"),
            ("الدقر", "al-daqr"),
            ("خبية", "xubayya@"),
        ],
    ),
    "homs": (
        "04",
        ("حمص", "HOMS"),
        [
            ("حمص", "HOMS"),
            ("الرستن", "RASTAN"),
            ("تلبيسة", "TALBISEH"),
            ("القصير", "QUSAYR"),
            ("الحولة", "HOULA"),
        ],
        [
            ("الحمصي", "al-HimSI"),
            ("الأتاسي", "al-2atAsI"),
            ("الدروبي", "al-durUbI"),
            ("الجندلي", "al-jundalI"),
            ("السباعي", "al-sibA3I"),
            ("الخالدي", "al-xAlidI"),
            ("الرفاعي", "al-rifA3I"),
            ("البكور", "al-bakkUr"),
            ("الضاهر", "al-DAhir"),
            ("الفاعوري", "al-fA3UrI"),
            ("عبارة", "3abbAra@"),
            ("النعيمي", "al-nu3aymI"),
        ],
    ),
    "hama": (
        "05",
        ("حماة", "HAMA"),
        [
            ("حماة", "HAMA"),
            ("كفرزيتا", "KAFR ZITA"),
            ("مورك", "MORAK"),
            ("اللطامنة", "LATAMNEH"),
            ("حلفايا", "HALFAYA"),
        ],
        [
            ("الحموي", "al-HamawI"),
            ("الكيلاني", "al-kaylAnI"),
            ("البرازي", "al-barAzI"),
            ("القدور", "al-qaddUr"),
            ("المصطفى", "al-muSTafA"),
            ("قطيني", "quTaynI"),
            ("العلوان", "al-3alwAn"),
            ("السويد", "al-suwayd"),
            ("الرحال", "al-raHHAl"),
            ("الشيخ علي", "al-cayx 3alI"),
        ],
    ),
    "aleppo": (
        "03",
        ("حلب", "ALEPPO"),
        [
            ("حلب", "ALEPPO"),
            ("منبج", "MANBIJ"),
            ("الباب", "AL BAB"),
            ("اعزاز", "AZAZ"),
            ("عندان", "ANADAN"),
            ("تل رفعت", "TAL RIFAAT"),
        ],
        [
            ("الجابري", "al-jAbirI"),
            ("العنداني", "al-3andAnI"),
            ("الشهابي", "al-cihAbI"),
            ("حجازي", "HijAzI"),
            ("الأعرج", "al-2a3raj"),
            ("بيرقدار", "bayraqdAr"),
            ("قصاب", "qaSSAb"),
            ("حمامي", "HammAmI"),
            ("الأنصاري", "al-2anSArI"),
            ("الحاج يوسف", "al-HAjj yUsuf"),
            ("دبيس", "dubays"),
        ],
    ),
    "idlib": (
        "07",
        ("إدلب", "IDLEB"),
        [
            ("إدلب", "IDLEB"),
            ("معرة النعمان", "MAARET AL NUMAN"),
            ("سراقب", "SARAQEB"),
            ("أريحا", "ARIHA"),
            ("جسر الشغور", "JISR AL SHUGHOUR"),
            ("كفرنبل", "KAFRANBEL"),
        ],
        [
            ("السرميني", "al-sarmInI"),
            ("الإدلبي", "al-2idlibI"),
            ("العمر", "al-3umar"),
            ("قطيش", "quTayc"),
            ("البكري", "al-bakrI"),
            ("الخلف", "al-xalaf"),
            ("الرحمون", "al-raHmUn"),
            ("شحادة", "caHAda@"),
            ("دغيم", "dugaym"),
            ("اليوسف", "al-yUsuf"),
        ],
    ),
    "daraa": (
        "12",
        ("درعا", "DARAA"),
        [
            ("درعا", "DARAA"),
            ("نوى", "NAWA"),
            ("طفس", "TAFAS"),
            ("انخل", "INKHIL"),
            ("جاسم", "JASIM"),
            ("بصرى الشام", "BOSRA"),
        ],
        [
            ("الزعبي", "al-zu3bI"),
            ("الحريري", "al-HarIrI"),
            ("المسالمة", "al-masAlma@"),
            ("المحاميد", "al-maHAmId"),
            ("أبازيد", "2abAzayd"),
            ("الحوراني", "al-HawrAnI"),
            ("الكراد", "al-karrAd"),
            ("العودات", "al-3awdAt"),
            ("الصياصنة", "al-SayASna@"),
            ("البردان", "al-bardAn"),
        ],
    ),
    "east": (
        "09",
        ("دير الزور", "DEIR EZZOR"),
        [
            ("دير الزور", "DEIR EZZOR"),
            ("الميادين", "MAYADIN"),
            ("البوكمال", "ALBUKAMAL"),
            ("الرقة", "RAQQA"),
        ],
        [
            ("العكيدي", "al-3ukaydI"),
            ("الجبوري", "al-jubUrI"),
            ("الشمري", "al-cammarI"),
            ("الفرج", "al-faraj"),
            ("الهفل", "al-hafl"),
            ("البكير", "al-bukayr"),
            ("الدندل", "al-dandal"),
            ("الموسى", "al-mUsA"),
            ("الحمادي", "al-HammAdI"),
            ("الجاسم", "al-jAsim"),
        ],
    ),
    "kurdish": (
        "08",
        ("الحسكة", "HASAKA"),
        [
            ("القامشلي", "QAMISHLI"),
            ("الحسكة", "HASAKA"),
            ("عامودا", "AMUDA"),
            ("المالكية", "MALIKIYAH"),
            ("عين العرب", "KOBANI"),
            ("عفرين", "AFRIN"),
            ("الدرباسية", "DARBASIYAH"),
            ("رأس العين", "RAS AL AIN"),
        ],
        [
            ("حسو", "Hassu"),
            ("شيخو", "cayxU"),
            ("عثمان", "3uVmAn"),
            ("ملا", "mullA"),
            ("أوسو", "2UsU"),
            ("بكر", "bakr"),
            ("كوجر", "kocar"),
            ("تمو", "tammU"),
            ("رشو", "raccU"),
            ("حاجي", "HAjI"),
            ("عيسى", "3IsA"),
            ("جمو", "jammU"),
            ("علو", "3allU"),
            ("مراد", "murAd"),
            ("ديركي", "dIrikI"),
            ("خليل", "xalIl"),
        ],
    ),
}
REGION_W = [
    ("damascus", 21),
    ("homs", 13),
    ("hama", 9),
    ("aleppo", 15),
    ("idlib", 9),
    ("daraa", 10),
    ("east", 8),
    ("kurdish", 22),
]
TOWN_LATIN = {ar: la for r in REGIONS.values() for ar, la in r[2]}

LISTS = ["army_defection", "dismissal_decrees", "krg_camps", "gulf_association"]


def wchoice(rng, items, wi=-1):
    tot = sum(x[wi] for x in items)
    r = rng.random() * tot
    for x in items:
        r -= x[wi]
        if r <= 0:
            return x
    return items[-1]


# ---------------------------------------------------------------- population
def rand_date(rng, y0, y1):
    d0 = dt.date(y0, 1, 1).toordinal()
    d1 = dt.date(y1, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(d0, d1))


def arrest_date(rng, born):
    # most often 2012-2013
    y = wchoice(
        rng,
        [
            (2011, 14),
            (2012, 26),
            (2013, 22),
            (2014, 12),
            (2015, 9),
            (2016, 7),
            (2017, 5),
            (2018, 3),
            (2019, 2),
        ],
    )[0]
    d = rand_date(rng, y, y)
    if y == 2011 and d.month < 3:
        d = d.replace(month=rng.randint(3, 12))
    lo = dt.date(born.year + 16, born.month, min(born.day, 28))
    return d if d >= lo else None


def build_population(rng, n):
    persons = []
    nid_used = set()
    clan_no = 0

    def new_nid(code):
        while True:
            nid = code + "".join(str(rng.randint(0, 9)) for _ in range(9))
            if nid not in nid_used:
                nid_used.add(nid)
                return nid

    def pick_name(pool, exclude):
        for _ in range(50):
            nm = wchoice(rng, pool)
            if nm[0] not in exclude:
                return nm
        return nm

    while len(persons) < n:
        clan_no += 1
        reg = wchoice(rng, REGION_W)[0]
        code, _gov, towns, fams = REGIONS[reg]
        kurd = reg == "kurdish" and rng.random() < 0.8
        if reg == "kurdish" and not kurd:
            fam = rng.choice(REGIONS["east"][3] + COUNTRY_FAMILIES)
        elif rng.random() < (0.15 if kurd else 0.25):
            fam = rng.choice(COUNTRY_FAMILIES)
        else:
            fam = rng.choice(fams)
        home = rng.choice(towns)
        mpool = MALE + (KURD_MALE if kurd else [])
        fpool = FEMALE + (KURD_FEMALE if kurd else [])
        gnames = set()
        for _g in range(rng.randint(1, 4)):
            gf = pick_name(MALE, gnames)
            gnames.add(gf[0])
            ggf = wchoice(rng, MALE)
            grandmother = wchoice(rng, fpool)
            sons = set()
            for _s in range(rng.randint(1, 4)):
                fa = pick_name(mpool, sons | {gf[0]})
                sons.add(fa[0])
                fborn = rand_date(rng, 1940, 1972)
                hh = {
                    "id": f"H{clan_no:04d}{_g}{_s}",
                    "gulf": rng.random() < 0.45,
                    "krg": (kurd and rng.random() < 0.85)
                    or (reg in ("kurdish", "aleppo") and rng.random() < 0.12),
                    "active": rng.choice([0.35, 0.8, 1.0, 1.0, 1.3]),
                }
                mfam = (
                    fam
                    if rng.random() < 0.35
                    else rng.choice(fams if not kurd else fams + fams[:3])
                )
                mfather = wchoice(rng, MALE)
                wife = wchoice(rng, fpool)
                mborn = rand_date(rng, fborn.year, min(fborn.year + 10, 1980))
                father = mk(
                    persons,
                    "M",
                    fa,
                    gf,
                    ggf,
                    fam,
                    grandmother,
                    ("?", "?"),
                    fborn,
                    home,
                    reg,
                    kurd,
                    hh,
                    "father",
                    new_nid(code),
                    rng,
                    towns,
                )
                mother = mk(
                    persons,
                    "F",
                    wife,
                    mfather,
                    wchoice(rng, MALE),
                    mfam,
                    wchoice(rng, fpool),
                    ("?", "?"),
                    mborn,
                    rng.choice(towns),
                    reg,
                    kurd,
                    hh,
                    "mother",
                    new_nid(code),
                    rng,
                    towns,
                )
                kids = set()
                y = max(fborn.year, mborn.year) + rng.randint(20, 26)
                for k in range(rng.randint(1, 6)):
                    if y > 2004:
                        break
                    sex = "M" if rng.random() < 0.52 else "F"
                    if sex == "M" and k == 0 and rng.random() < 0.4 and gf[0] not in kids:
                        nm = gf
                    elif sex == "F" and rng.random() < 0.15 and grandmother[0] not in kids:
                        nm = grandmother
                    else:
                        nm = pick_name(mpool if sex == "M" else fpool, kids | {fa[0]})
                    kids.add(nm[0])
                    born = rand_date(rng, y, y)
                    c = mk(
                        persons,
                        sex,
                        nm,
                        fa,
                        gf,
                        fam,
                        wife,
                        None,
                        born,
                        home if rng.random() < 0.85 else rng.choice(towns),
                        reg,
                        kurd,
                        hh,
                        "child",
                        new_nid(code),
                        rng,
                        towns,
                        mfam=mfam,
                    )
                    c["father_id"] = father["id"]
                    c["mother_id"] = mother["id"]
                    y += rng.randint(1, 4)
    return persons[:n]


def mk(
    persons,
    sex,
    nm,
    fa,
    gf,
    fam,
    mom,
    _unused,
    born,
    town,
    reg,
    kurd,
    hh,
    role,
    nid,
    rng,
    towns,
    mfam=("", ""),
):
    p = {
        "id": f"P{len(persons) + 1:06d}",
        "sex": sex,
        "first": nm[0],
        "first_ph": nm[1],
        "father": fa[0],
        "father_ph": fa[1],
        "grandfather": gf[0],
        "grandfather_ph": gf[1],
        "family": fam[0],
        "family_ph": fam[1],
        "mother_first": mom[0],
        "mother_ph": mom[1],
        "mother_family": mfam[0],
        "mother_family_ph": mfam[1],
        "born": born,
        "birth_place": town[0] if rng.random() < 0.85 else rng.choice(towns)[0],
        "home": town[0],
        "region": reg,
        "kurd": kurd,
        "household": hh["id"],
        "hh": hh,
        "role": role,
        "national_id": nid,
        "father_id": "",
        "mother_id": "",
        "employee": "",
        "military": "",
        "gulf_worker": False,
        "arrest": None,
        "arrest_place": "",
        "lists": [],
    }
    y = born.year
    if sex == "M" and 1950 <= y <= 1990 and rng.random() < 0.45:
        p["employee"] = rng.choice(["مدرس", "مدرس", "موظف", "مستخدم", "مهندس", "محاسب"])
    elif sex == "F" and 1955 <= y <= 1990 and rng.random() < 0.3:
        p["employee"] = rng.choice(["مدرسة", "مدرسة", "موظفة", "ممرضة"])
    if sex == "M" and 1976 <= y <= 1996:
        r = rng.random()
        if y >= 1986:
            rank = (
                "المجند" if r < 0.8 else rng.choice(["العريف", "الرقيب", "الملازم", "الملازم أول"])
            )
        else:
            rank = (
                "المجند الاحتياطي"
                if r < 0.55
                else rng.choice(
                    ["الرقيب أول", "المساعد", "النقيب", "الرائد", "المساعد أول", "الرقيب"]
                )
            )
        p["military"] = rank
        p["in_service"] = rng.random() < 0.5
    if sex == "M" and hh["gulf"] and 1960 <= y <= 1992 and rng.random() < 0.45:
        p["gulf_worker"] = True
    persons.append(p)
    return p


def detain(rng, persons):
    for p in persons:
        y = p["born"].year
        if p["sex"] == "M" and 1955 <= y <= 1997:
            pr = 0.23
            if p.get("in_service"):
                pr = 0.55
            elif p["military"]:
                pr = 0.3
            if p["gulf_worker"]:
                pr += 0.1
        elif p["sex"] == "F" and 1955 <= y <= 1996:
            pr = 0.04 + (0.06 if p["employee"] else 0)
        else:
            pr = 0
        if pr and rng.random() < pr:
            p["arrest"] = arrest_date(rng, p["born"])
            if p["arrest"]:
                towns = REGIONS[p["region"]][2]
                r = rng.random()
                if p["gulf_worker"] and r < 0.5:
                    p["arrest_place"] = rng.choice(["مطار دمشق الدولي", "معبر نصيب", "جديدة يابوس"])
                elif p.get("in_service") and r < 0.6:
                    p["arrest_place"] = rng.choice(UNITS)
                elif r < 0.55:
                    p["arrest_place"] = p["home"]
                elif r < 0.85:
                    p["arrest_place"] = "حاجز " + rng.choice(towns)[0]
                else:
                    p["arrest_place"] = rng.choice(towns)[0]
                p["fate"] = wchoice(rng, [("missing", 52), ("died", 36), ("released", 12)])[0]


UNITS = [
    "مطار المزة العسكري",
    "الفرقة الرابعة",
    "الشرطة العسكرية في القابون",
    "اللواء 105",
    "الفرقة 17",
    "مطار حماة العسكري",
    "الفرقة 11",
    "كلية المدفعية",
]


def choose_lists(rng, persons):
    det = [p for p in persons if p["arrest"]]
    for p in det:
        a = p["hh"]["active"]
        lst = []
        if p["military"]:
            pr = (0.85 if p.get("in_service") else 0.5) * min(a, 1.0)
            if rng.random() < pr:
                lst.append("army_defection")
        if p["employee"] and rng.random() < 0.85:
            lst.append("dismissal_decrees")
        krg = p["hh"]["krg"] and rng.random() < 0.9 * a
        if krg or (p["region"] == "kurdish" and rng.random() < 0.12 * a):
            lst.append("krg_camps")
        gulf = p["gulf_worker"] and rng.random() < 0.85
        if gulf or (p["hh"]["gulf"] and rng.random() < 0.72 * a):
            lst.append("gulf_association")
        p["lists"] = lst
    return [p for p in det if p["lists"]]


# ---------------------------------------------------------------- spelling helpers
HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
LEV_MONTHS = [
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
SOR_MONTHS = [
    "کانوونی دووەم",
    "شوبات",
    "ئازار",
    "نیسان",
    "ئایار",
    "حوزەیران",
    "تەمموز",
    "ئاب",
    "ئەیلوول",
    "تشرینی یەکەم",
    "تشرینی دووەم",
    "کانوونی یەکەم",
]
EN_MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def ar_typed(s, rng, hamza=0.3, taa=0.1, join_abd=0.2):
    if rng.random() < hamza:
        s = s.translate(HAMZA)
    if rng.random() < taa:
        s = " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split())
    if "عبد " in s and rng.random() < join_abd:
        s = s.replace("عبد ", "عبد")
    return s


def slip(s, rng):
    """one letter dropped or doubled inside a word of 4+ letters."""
    words = s.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 4]
    if not idx:
        return s
    i = rng.choice(idx)
    w = words[i]
    k = rng.randint(1, len(w) - 2)
    words[i] = w[:k] + w[k + 1 :] if rng.random() < 0.6 else w[:k] + w[k] + w[k:]
    return " ".join(words)


# Sorani keyboard: typing Arabic spelling on a Kurdish (Sorani) layout
def sorani_kb(s, heh_doachashmee):
    out = []
    for i, ch in enumerate(s):
        nxt = s[i + 1] if i + 1 < len(s) else " "
        if ch in "يى":
            out.append("ی")
        elif ch == "ك":
            out.append("ک")
        elif ch == "ة":
            out.append("ە")
        elif ch == "ه" and heh_doachashmee and nxt != " ":
            out.append("ھ")
        else:
            out.append(ch)
    return "".join(out)


SOR_CONS = {
    "b": "ب",
    "t": "ت",
    "V": "س",
    "j": "ج",
    "H": "ح",
    "x": "خ",
    "d": "د",
    "W": "ز",
    "r": "ر",
    "z": "ز",
    "s": "س",
    "c": "ش",
    "S": "س",
    "D": "ز",
    "T": "ت",
    "Z": "ز",
    "3": "ع",
    "g": "غ",
    "f": "ف",
    "q": "ق",
    "k": "ک",
    "l": "ل",
    "m": "م",
    "n": "ن",
    "h": "ھ",
    "w": "و",
    "y": "ی",
    "v": "ڤ",
    "2": "ئ",
}
SOR_VOW = {"a": "ە", "A": "ا", "I": "ی", "u": "و", "U": "وو", "o": "ۆ", "e": "ێ", "@": ""}
SOR_WHOLE = {
    "muHammad": "محەمەد",
    "3abd allAh": "عەبدوڵڵا",
    "2ibrAhIm": "ئیبراھیم",
    "muSTafA": "مستەفا",
}


def sorani_phonetic(ph):
    """A given name as Kurdish (Sorani) orthography writes it, vowels written."""
    if ph in SOR_WHOLE:
        return SOR_WHOLE[ph]
    if ph.startswith("3abd al-"):
        return "عەبدول" + sorani_phonetic(ph[8:])
    out = []
    i = 0
    n = len(ph)
    while i < n:
        ch = ph[i]
        start = i == 0 or ph[i - 1] == " "
        if ch == " ":
            out.append(" ")
        elif ch in SOR_VOW or ch == "i":
            if ch == "i":  # noqa: SIM108
                v = "ی" if (i == n - 1 or ph[i + 1] == " ") else ""
            else:
                v = SOR_VOW[ch]
            if start:
                v = "ئ" + (v or "ی")
            out.append(v)
        elif ch == "2" and (i == n - 1 or ph[i + 1] == " "):
            pass
        elif ch == "2" and i + 1 < n and (ph[i + 1] in SOR_VOW or ph[i + 1] == "i"):
            nx = ph[i + 1]
            out.append("ئ" + (SOR_VOW.get(nx) or "ی"))
            i += 2
            continue
        else:
            if i > 0 and ph[i - 1] == ch:
                i += 1
                continue
            c = SOR_CONS.get(ch, "")
            if ch == "r" and start:
                c = "ڕ"
            out.append(c)
        i += 1
    return "".join(out)


# Gulf passport / residence card Latin
GULF_MUHAMMAD = [
    ("MOHAMMAD", 30),
    ("MOHAMMED", 30),
    ("MOHAMAD", 15),
    ("MUHAMMAD", 10),
    ("MHD", 8),
    ("MOHD", 7),
]


def gulf_latin(ph, prof, rng, family=False):
    if ph == "muHammad":
        return wchoice(rng, GULF_MUHAMMAD)[0]
    if ph == "3abd allAh":
        return rng.choice(["ABDULLAH", "ABDULLAH", "ABDALLAH", "ABDULLA"])
    if ph.startswith("3abd al-"):
        rest = gulf_latin(ph[8:], prof, rng)
        form = prof["abd"]
        return {
            "ABDUL ": "ABDUL " + rest,
            "ABDUL": "ABDUL" + rest,
            "ABDEL ": "ABDEL " + rest,
            "ABD AL": "ABD AL " + rest,
        }[form]
    art = ""
    if family and ph.startswith("al-"):
        ph = ph[3:]
        art = prof["art"]
    out = []
    i = 0
    while i < len(ph):
        ch = ph[i]
        nx = ph[i + 1] if i + 1 < len(ph) else ""
        if ch == " ":
            out.append(" ")
        elif ch == nx and ch not in "aiuAIU" and not prof["double"]:
            i += 1
            continue
        elif ch == "a" and nx == "y" and (i + 2 >= len(ph) or ph[i + 2] not in "aiuAIU"):
            out.append(prof["ay"])
            i += 2
            continue
        elif ch == "a":
            out.append("A")
        elif ch == "i":
            out.append("E" if rng.random() < prof["e"] else "I")
        elif ch == "u":
            out.append("O" if rng.random() < prof["o"] else "U")
        elif ch == "A":
            out.append("A")
        elif ch == "I" and (nx == "" or nx == " "):
            out.append("Y" if rng.random() < 0.08 else "I")
        elif ch == "I":
            out.append("EE" if rng.random() < prof["ee"] else "I")
        elif ch == "U":
            r = rng.random()
            out.append("OO" if r < prof["oo"] else ("OU" if r < prof["oo"] + 0.25 else "U"))
        elif ch == "@":
            out.append("H" if rng.random() < prof["ah"] else "")
        elif ch in "23":
            pass
        else:
            out.append(
                {
                    "V": "TH",
                    "W": "DH" if rng.random() < 0.6 else "Z",
                    "H": "H",
                    "x": "KH",
                    "c": "SH",
                    "g": "GH",
                    "S": "S",
                    "D": "DH" if rng.random() < 0.25 else "D",
                    "T": "T",
                    "Z": "DH" if rng.random() < 0.3 else "Z",
                    "q": "K" if rng.random() < 0.15 else "Q",
                    "v": "V",
                    "o": "O",
                    "e": "E",
                    "-": "-",
                }.get(ch, ch.upper())
            )
        i += 1
    s = "".join(out)
    if art:
        sep = art[2:] if len(art) > 2 else ""
        s = art[:2] + sep + s if art != "-" else s
    return s


def fmt_digits(s, mode):
    if mode == "ar":
        return s.translate(AR_DIGITS)
    if mode == "fa":
        return s.translate(FA_DIGITS)
    return s


# ---------------------------------------------------------------- Hijri (tabular)
def hijri(d):
    jd = d.toordinal() + 1721424.5 + 0.5
    jd = int(jd)
    l_ = jd - 1948440 + 10632
    n = (l_ - 1) // 10631
    l_ = l_ - 10631 * n + 354
    j = ((10985 - l_) // 5316) * ((50 * l_) // 17719) + (l_ // 5670) * ((43 * l_) // 15238)
    l_ = l_ - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    m = (24 * l_) // 709
    day = l_ - (709 * m) // 24
    y = 30 * n + j - 30
    return y, m, day


# ---------------------------------------------------------------- list writers
class Tags:
    def __init__(self):
        self.t = set()

    def add(self, name):
        self.t.add(name)


def yr_noise(p, rng, rate):
    y = p["born"].year
    if rng.random() < rate:
        y += rng.choice([-1, 1])
    return y


def army_row(p, rng, tg):
    first, fa, gf, fam = p["first"], p["father"], p["grandfather"], p["family"]
    r = rng.random()
    if r < 0.62:
        parts = [first, fa, fam]
    elif r < 0.76:
        parts = [first, fa, gf, fam]
        tg.add("grandfather")
    elif r < 0.89:
        parts = [first, fam]
        tg.add("first_family_only")
    else:
        parts = [fam, first, fa]
        tg.add("family_first_no_comma")
    name = ar_typed(" ".join(parts), rng, hamza=0.35, taa=0.08, join_abd=0.25)
    if rng.random() < 0.02:
        name = slip(name, rng)
        tg.add("slip")
    rank = p["military"]
    if rng.random() < 0.45:
        name = rank + " " + name
        tg.add("rank_before_name")
    r = rng.random()
    mom = (
        p["mother_first"]
        if r < 0.6
        else (
            p["mother_first"] + " " + p["mother_family"] if r < 0.78 and p["mother_family"] else ""
        )
    )
    if mom:
        tg.add("mother")
    y = yr_noise(p, rng, 0.05)
    r = rng.random()
    by = f"مواليد {y}" if r < 0.4 else (str(y) if r < 0.9 else "")
    if r < 0.4:
        tg.add("birth_mawalid")
    towns = REGIONS[p["region"]]
    r = rng.random()
    bp = (
        towns[1][0] + " - " + p["birth_place"]
        if r < 0.4
        else p["birth_place"]
        if r < 0.8
        else towns[1][0]
        if r < 0.9
        else ""
    )
    if r < 0.4:
        tg.add("birth_place_governorate_dash_town")
    a = p["arrest"]
    r = rng.random()
    if r < 0.45:
        ad = f"{a.year}/{a.month}/{a.day}"
    elif r < 0.65:
        ad = f"{a.day}-{a.month}-{a.year}"
    elif r < 0.8:
        ad = f"{LEV_MONTHS[a.month - 1]} {a.year}"
        tg.add("arrest_levantine_month")
    elif r < 0.95:
        ad = str(a.year)
    else:
        ad = ""
    nid = p["national_id"] if rng.random() < 0.1 else ""
    if nid:
        tg.add("national_id")
    mil = f"{p['born'].year + 19}/{rng.randint(100000, 999999)}"
    unit = p["arrest_place"] if p["arrest_place"] in UNITS else rng.choice(UNITS)
    place = p["arrest_place"] if rng.random() < 0.8 else ""
    note = rng.choice(
        [
            "اعتقل أثناء محاولة الانشقاق",
            "متخلف عن الخدمة، سيق من الحاجز",
            "انشق وأعيد اعتقاله",
            "",
            "",
            "أبلغ عنه زملاؤه في القطعة",
        ]
    )
    return {
        "رقم السجل": None,
        "الرتبة": rank,
        "الاسم الكامل": name,
        "اسم الأم": mom,
        "سنة الولادة": by,
        "مكان الولادة": bp,
        "الرقم الوطني": nid,
        "الرقم العسكري": mil,
        "القطعة": unit,
        "تاريخ الاعتقال": ad,
        "مكان الاعتقال": place,
        "ملاحظات": note,
    }


DIRECTORATES = {
    "مدرس": "مديرية التربية",
    "مدرسة": "مديرية التربية",
    "ممرضة": "مديرية الصحة",
    "مهندس": "مديرية الخدمات الفنية",
    "محاسب": "مديرية المالية",
    "موظف": "مديرية الشؤون الاجتماعية والعمل",
    "موظفة": "مديرية المالية",
    "مستخدم": "مديرية التربية",
}


def dismissal_row(p, rng, tg):
    f = p["sex"] == "F"
    first, fa, gf, fam = p["first"], p["father"], p["grandfather"], p["family"]
    r = rng.random()
    if r < 0.32:
        parts = [first, "بنت" if f else "بن", fa, fam]
        tg.add("bin_form")
    elif r < 0.9:
        parts = [first, fa, fam]
    else:
        parts = [first, fa, gf, fam]
        tg.add("grandfather")
    name = ar_typed(" ".join(parts), rng, hamza=0.12, taa=0.04, join_abd=0.15)
    if rng.random() < 0.025:
        name = slip(name, rng)
        tg.add("slip")
    r = rng.random()
    job = p["employee"]
    if r < 0.25:
        name = ("السيدة " if f else "السيد ") + name
        tg.add("title_before_name")
    elif r < 0.45:
        name = ("العاملة " if f else "العامل ") + name
        tg.add("title_before_name")
    elif r < 0.6 and job.startswith("مدرس"):
        name = job + " " + name
        tg.add("title_before_name")
    r = rng.random()
    mom = (
        ("والدتها " if f else "والدته ") + p["mother_first"]
        if r < 0.4
        else (p["mother_first"] if r < 0.92 else "")
    )
    if r < 0.4:
        tg.add("mother_walidatuhu")
    y = yr_noise(p, rng, 0.02)
    r = rng.random()
    if r < 0.22:
        by, bp = "", f"تولد {p['birth_place']} {y}"
        tg.add("birth_tawallud_in_place")
    elif r < 0.9:
        by, bp = str(y), p["birth_place"]
    else:
        by, bp = str(y), ""
    nid = p["national_id"] if rng.random() < 0.35 else ""
    if nid:
        tg.add("national_id")
    a = p["arrest"] + dt.timedelta(days=rng.randint(1, 20))
    r = rng.random()
    ad = (
        f"{a.year}/{a.month:02d}/{a.day:02d}"
        if r < 0.6
        else (f"{a.day}/{a.month}/{a.year}" if r < 0.95 else "")
    )
    gov = REGIONS[p["region"]][1][0]
    dec = f"{a.year + rng.choice([0, 0, 1])}/{rng.randint(100, 4999)}"
    return {
        "رقم السجل": None,
        "الاسم الكامل": name,
        "اسم الأم": mom,
        "سنة الولادة": by,
        "مكان الولادة": bp,
        "الرقم الوطني": nid,
        "تاريخ الاعتقال": ad,
        "الجهة": DIRECTORATES[job] + " في " + gov,
        "الوظيفة": job,
        "رقم القرار": dec,
        "ملاحظات": rng.choice(["بحكم المستقيل لتركه العمل", "بحكم المستقيل", "صرف من الخدمة", ""]),
    }


CAMPS = ["DOMIZ", "DOMIZ", "KAWERGOSK", "DARASHAKRAN", "QUSHTAPA", "BASIRMA", "AKRE", "GAWILAN"]


def krg_row(p, rng, tg):
    kb = rng.random() < 0.78  # typed on a Sorani keyboard
    phon = kb and rng.random() < 0.35  # given names in Kurdish orthography
    doach = rng.random() < 0.35
    if kb:
        tg.add("sorani_keyboard")
    if phon:
        tg.add("kurdish_orthography_given")

    def given(ar, ph):
        if phon:
            return sorani_phonetic(ph)
        s = ar_typed(ar, rng, hamza=0.5, taa=0.0, join_abd=0.3)
        return sorani_kb(s, doach) if kb else s

    def famname(ar):
        s = ar_typed(ar, rng, hamza=0.5, taa=0.0, join_abd=0.3)
        return sorani_kb(s, doach) if kb else s

    r = rng.random()
    f1 = given(p["first"], p["first_ph"])
    f2 = given(p["father"], p["father_ph"])
    if r < 0.52:
        name = f"{f1} {f2} {famname(p['family'])}"
    elif r < 0.66:
        name = f"{f1} {f2} {given(p['grandfather'], p['grandfather_ph'])} {famname(p['family'])}"
        tg.add("grandfather")
    elif r < 0.86:
        name = f"{f1} {f2} {given(p['grandfather'], p['grandfather_ph'])}"
        tg.add("no_family_three_given")
    else:
        name = f"{f1} {famname(p['family'])}"
        tg.add("first_family_only")
    mom = given(p["mother_first"], p["mother_ph"]) if rng.random() < 0.65 else ""
    if mom:
        tg.add("mother")
    digits = wchoice(rng, [("lat", 40), ("ar", 35), ("fa", 25)])[0]
    if digits == "fa":
        tg.add("persian_digits")
    b = p["born"]
    if rng.random() < 0.06:
        b = b.replace(year=b.year + rng.choice([-1, 1]))
    r = rng.random()
    by = f"{b.day:02d}/{b.month:02d}/{b.year}" if r < 0.5 else (str(b.year) if r < 0.85 else "")
    r = rng.random()
    sex = (
        ("نێر" if p["sex"] == "M" else "مێ")
        if r < 0.35
        else (
            ("ذكر" if p["sex"] == "M" else "أنثى") if r < 0.65 else (p["sex"] if r < 0.85 else "")
        )
    )
    if r < 0.35:
        tg.add("sex_sorani")
    a = p["arrest"]
    r = rng.random()
    if r < 0.4:
        ad = str(a.year)
    elif r < 0.6:
        ad = f"{SOR_MONTHS[a.month - 1]} {a.year}"
        tg.add("arrest_sorani_month")
    elif r < 0.85:
        ad = f"{a.day:02d}/{a.month:02d}/{a.year}"
    else:
        ad = ""
    bp = p["birth_place"] if rng.random() < 0.6 else ""
    if kb:
        bp = sorani_kb(bp, doach)
    ap = p["arrest_place"] if rng.random() < 0.55 else ""
    if kb:
        ap = sorani_kb(ap, doach)
    return {
        "record_id": None,
        "full_name": name,
        "mother_name": mom,
        "sex": sex,
        "birth_year": fmt_digits(by, digits),
        "birth_place": bp,
        "date_of_arrest": fmt_digits(ad, digits),
        "place_of_arrest": ap,
        "camp": rng.choice(CAMPS),
        "tent": fmt_digits(f"{rng.randint(1, 40)}-{rng.randint(1, 300)}", digits),
        "relation": rng.choice(["کوڕ", "برا", "باوک", "کچ", "خوشک", "هاوسەر", ""]),
    }


GULF = [("KW", "KUWAIT", 30), ("SA", "SAUDI ARABIA", 30), ("AE", "UAE", 25), ("QA", "QATAR", 15)]
GULF_PLACES = {
    "مطار دمشق الدولي": "DAMASCUS INTERNATIONAL AIRPORT",
    "معبر نصيب": "NASSIB BORDER",
    "جديدة يابوس": "JDEIDET YABOUS BORDER",
}


def gulf_row(p, rng, tg):
    prof = {
        "double": rng.random() < 0.7,
        "ay": rng.choice(["AI", "EI", "AY"]),
        "e": 0.2,
        "o": 0.35,
        "ee": 0.55,
        "oo": 0.5,
        "ah": 0.3,
        "abd": wchoice(rng, [("ABDUL ", 40), ("ABDUL", 30), ("ABDEL ", 15), ("ABD AL", 15)])[0],
        "art": wchoice(rng, [("AL", 40), ("AL ", 30), ("AL-", 20), ("-", 10)])[0],
    }
    if prof["art"] == "AL":
        tg.add("article_glued")
    first = gulf_latin(p["first_ph"], prof, rng)
    fa = gulf_latin(p["father_ph"], prof, rng)
    gf = gulf_latin(p["grandfather_ph"], prof, rng)
    fam = gulf_latin(p["family_ph"], prof, rng, family=True)
    fam = fam.removeprefix("-")
    cc = wchoice(rng, GULF)
    row = {
        "record_id": None,
        "full_name": "",
        "first_name": "",
        "father_name": "",
        "grandfather_name": "",
        "family_name": "",
        "mother_name": "",
        "sex": "",
        "birth_year": "",
        "birth_place": "",
        "national_id": "",
        "passport_no": "",
        "date_of_arrest": "",
        "place_of_arrest": "",
        "country": cc[1],
        "relation": "",
    }
    row["_cc"] = cc[0]
    if rng.random() < 0.64:
        row["first_name"], row["father_name"], row["family_name"] = first, fa, fam
        if rng.random() < 0.6:
            row["grandfather_name"] = gf
            tg.add("grandfather")
        tg.add("split_columns")
    else:
        r = rng.random()
        if r < 0.35:
            so = "D/O" if p["sex"] == "F" else "S/O"
            row["full_name"] = f"{first} {so} {fa} {fam}"
            tg.add("s_o_form")
        elif r < 0.85:
            row["full_name"] = (
                f"{first} {fa} {gf} {fam}" if rng.random() < 0.4 else f"{first} {fa} {fam}"
            )
        else:
            row["full_name"] = f"{first} {fam}"
            tg.add("first_family_only")
        tg.add("full_name_only")
    title = rng.random() < 0.15
    if title:
        tg.add("title_case")
        for k in ("full_name", "first_name", "father_name", "grandfather_name", "family_name"):
            row[k] = " ".join(w[:1] + w[1:].lower() for w in row[k].split(" ")).replace(
                "S/o", "S/O"
            )
    r = rng.random()
    mf = gulf_latin(p["mother_ph"], prof, rng)
    if r < 0.5:
        row["mother_name"] = mf
    elif r < 0.7 and p["mother_family"]:
        mfam = gulf_latin(p["mother_family_ph"], prof, rng, family=True).lstrip("-")
        row["mother_name"] = mf + " " + mfam
        tg.add("mother_with_family")
    if row["mother_name"]:
        tg.add("mother")
        if title:
            row["mother_name"] = " ".join(w[:1] + w[1:].lower() for w in row["mother_name"].split())
    row["sex"] = rng.choice(["M", "MALE"] if p["sex"] == "M" else ["F", "FEMALE"])
    b = p["born"]
    if rng.random() < 0.03:
        b = b.replace(year=b.year + rng.choice([-1, 1]))
    r = rng.random()
    if r < 0.68:
        row["birth_year"] = f"{b.day:02d}/{b.month:02d}/{b.year}"
    elif r < 0.8:
        row["birth_year"] = f"{b.day:02d}-{EN_MON[b.month - 1]}-{b.year}"
        tg.add("birth_dd_mon_yyyy")
    elif r < 0.88 and cc[0] == "SA":
        hy, hm, hd = hijri(b)
        row["birth_year"] = f"{hd:02d}/{hm:02d}/{hy}H"
        tg.add("birth_hijri_iqama")
    else:
        row["birth_year"] = str(b.year)
    bp = p["birth_place"]
    row["birth_place"] = TOWN_LATIN.get(bp, "") if rng.random() < 0.75 else ""
    if rng.random() < 0.35:
        nid = p["national_id"]
        if rng.random() < 0.05:
            k = rng.randint(2, 9)
            nid = nid[:k] + nid[k + 1] + nid[k] + nid[k + 2 :]
            tg.add("national_id_swapped_digits")
        row["national_id"] = nid
        tg.add("national_id")
    row["passport_no"] = f"N{rng.randint(10000000, 19999999):09d}" if rng.random() < 0.5 else ""
    a = p["arrest"]
    r = rng.random()
    row["date_of_arrest"] = (
        f"{a.day:02d}/{a.month:02d}/{a.year}"
        if r < 0.5
        else f"{EN_MON[a.month - 1]} {a.year}"
        if r < 0.7
        else str(a.year)
        if r < 0.95
        else ""
    )
    ap = p["arrest_place"]
    if ap in GULF_PLACES:
        row["place_of_arrest"] = GULF_PLACES[ap]
    elif ap.startswith("حاجز "):
        row["place_of_arrest"] = TOWN_LATIN.get(ap[5:], "") + " CHECKPOINT"
    elif ap in TOWN_LATIN and rng.random() < 0.7:
        row["place_of_arrest"] = TOWN_LATIN[ap]
    row["relation"] = (
        "MEMBER"
        if p["gulf_worker"]
        else rng.choice(["BROTHER", "SON", "FATHER", "COUSIN", "SISTER", "NEPHEW"])
    )
    return row


WRITERS = {
    "army_defection": army_row,
    "dismissal_decrees": dismissal_row,
    "krg_camps": krg_row,
    "gulf_association": gulf_row,
}
REPEAT = {
    "army_defection": 0.05,
    "dismissal_decrees": 0.06,
    "krg_camps": 0.06,
    "gulf_association": 0.04,
}


def make_id(lst, row, n, rng, p):
    if lst == "army_defection":
        return f"JND-{n:05d}"
    if lst == "dismissal_decrees":
        return f"QR-{p['arrest'].year}-{n:04d}-{rng.randint(1, 9)}"
    if lst == "krg_camps":
        return f"{row['camp']}-{n:05d}-{rng.randint(1, 6)}"
    return f"{row['_cc']}-{n:05d}"


def generate(seed, n_persons):
    master = random.Random(seed)
    rng_pop = random.Random(master.getrandbits(64))
    persons = build_population(rng_pop, n_persons)
    detain(random.Random(master.getrandbits(64)), persons)
    listed = choose_lists(random.Random(master.getrandbits(64)), persons)
    out = {}
    tags = {}
    truth = []
    for lst in LISTS:
        rng = random.Random(master.getrandbits(64))
        recs = []
        for p in listed:
            if lst not in p["lists"]:
                continue
            k = 2 if rng.random() < REPEAT[lst] else 1
            for _ in range(k):
                tg = Tags()
                if k == 2:
                    tg.add("repeat")
                recs.append((p, WRITERS[lst](p, rng, tg), tg.t))
        rng.shuffle(recs)
        rows = []
        tg_list = []
        for i, (p, row, t) in enumerate(recs, 1):
            row[next(iter(row))] = make_id(lst, row, i, rng, p)
            row.pop("_cc", None)
            rows.append(row)
            tg_list.append(t)
            truth.append((lst, row[next(iter(row))], p["id"]))
        out[lst] = rows
        tags[lst] = tg_list
    return persons, listed, out, tags, truth


def to_csv(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r.get(h, "") for h in header])
    return buf.getvalue()


PERSON_COLS = [
    "id",
    "household",
    "region",
    "role",
    "sex",
    "first",
    "father",
    "grandfather",
    "family",
    "mother_first",
    "mother_family",
    "born",
    "birth_place",
    "home",
    "kurd",
    "national_id",
    "father_id",
    "mother_id",
    "employee",
    "military",
    "gulf_worker",
    "gulf_household",
    "krg_household",
    "arrest",
    "arrest_place",
    "fate",
    "lists",
]


def write(outdir, persons, out, truth):
    os.makedirs(outdir, exist_ok=True)
    for lst, rows in out.items():
        header = list(rows[0].keys()) if rows else ["record_id", "full_name"]
        with open(os.path.join(outdir, lst + ".csv"), "w", encoding="utf-8", newline="") as fh:
            fh.write(to_csv(header, rows))
    with open(os.path.join(outdir, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(
            to_csv(
                ["list", "record_id", "person_id"],
                [{"list": a, "record_id": b, "person_id": c} for a, b, c in truth],
            )
        )
    prow = []
    for p in persons:
        d = {k: p.get(k, "") for k in PERSON_COLS}
        d["born"] = p["born"].isoformat()
        d["arrest"] = p["arrest"].isoformat() if p["arrest"] else ""
        d["kurd"] = "1" if p["kurd"] else "0"
        d["gulf_worker"] = "1" if p["gulf_worker"] else "0"
        d["gulf_household"] = "1" if p["hh"]["gulf"] else "0"
        d["krg_household"] = "1" if p["hh"]["krg"] else "0"
        d["lists"] = ";".join(p["lists"])
        prow.append(d)
    with open(os.path.join(outdir, "persons.csv"), "w", encoding="utf-8", newline="") as fh:
        fh.write(to_csv(PERSON_COLS, prow))


def stats(persons, listed, out, tags, truth):
    s = {
        "records": {k: len(v) for k, v in out.items()},
        "total_records": len(truth),
        "persons_listed": len(listed),
    }
    per = {}
    for lst, _rid, pid in truth:
        per.setdefault(pid, set()).add(lst)
    cnt = {}
    for v in per.values():
        cnt[len(v)] = cnt.get(len(v), 0) + 1
    s["persons_by_number_of_lists"] = dict(sorted(cnt.items()))
    s["persons_per_list"] = {lst: sum(1 for v in per.values() if lst in v) for lst in LISTS}
    pairs = {}
    for i, a in enumerate(LISTS):
        for b in LISTS[i + 1 :]:
            pairs[f"{a} & {b}"] = sum(1 for v in per.values() if a in v and b in v)
    s["pairs"] = pairs
    s["gulf_with_arabic"] = sum(1 for v in per.values() if "gulf_association" in v and len(v) > 1)
    rates = {}
    for lst, tl in tags.items():
        c = {}
        for t in tl:
            for x in t:
                c[x] = c.get(x, 0) + 1
        rates[lst] = {k: round(100 * v / max(1, len(tl)), 1) for k, v in sorted(c.items())}
    s["form_rates_percent"] = rates
    lp = listed
    key3 = {}
    for p in lp:
        key3.setdefault((p["first"], p["father"], p["family"]), []).append(p)
    groups = [v for v in key3.values() if len(v) > 1]
    s["namesake_groups_first_father_family"] = [len(groups), sum(len(g) for g in groups)]
    key2 = {}
    for p in lp:
        key2.setdefault((p["first"], p["family"]), []).append(p)
    s["persons_sharing_first_and_family"] = sum(len(v) for v in key2.values() if len(v) > 1)
    hh = {}
    for p in lp:
        if p["role"] == "child":
            hh[p["father_id"]] = hh.get(p["father_id"], 0) + 1
    s["households_with_2plus_listed_children"] = sum(1 for v in hh.values() if v >= 2)
    s["women_listed"] = sum(1 for p in lp if p["sex"] == "F")
    s["by_region"] = {r: sum(1 for p in lp if p["region"] == r) for r, _w in REGION_W}
    s["population"] = {
        "persons": len(persons),
        "detained": sum(1 for p in persons if p["arrest"]),
        "households": len({p["household"] for p in persons}),
    }
    return s


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    persons, listed, out, tags, truth = generate(a.seed, a.persons)
    write(a.out, persons, out, truth)
    if a.stats:
        json.dump(
            stats(persons, listed, out, tags, truth), sys.stdout, ensure_ascii=False, indent=1
        )
        print()


if __name__ == "__main__":
    main()
