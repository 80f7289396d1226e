"""Independent linkage test set 16: four synthetic lists of detained and disappeared Syrians.

Written blind (see README.md). Standard library only. The same seed writes byte-identical files
under any PYTHONHASHSEED: every random choice comes from a seeded ``random.Random``, and no set
or dict built from hashed keys is iterated in an order that depends on hashing.

    python3 generate.py --seed 16 --persons 20000 --out DIR [--stats]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import sys
from collections import Counter

LISTS = ("yarmouk_group", "church_list", "charity_aid", "online_form")

# ---------------------------------------------------------------------------------------------
# Names. Given names: Arabic spelling, weight, English-tradition Latin spellings, French-tradition
# ones, and (Christian names) the European baptismal equivalent a church writes.

MALE = [
    ("محمد", 14, "Mohammad Mohammed Muhammad Mohamad Mhd", "Mohamed Mouhamad"),
    ("أحمد", 7, "Ahmad Ahmed", "Ahmed"),
    ("علي", 4, "Ali", "Ali"),
    ("خالد", 4, "Khaled Khalid", "Khaled"),
    ("محمود", 3, "Mahmoud Mahmood", "Mahmoud"),
    ("عمر", 3, "Omar", "Omar"),
    ("حسن", 3, "Hasan Hassan", "Hassan"),
    ("حسين", 2, "Hussein Husain Hussain", "Houssein"),
    ("يوسف", 3, "Yousef Youssef Yusuf", "Youssef"),
    ("إبراهيم", 3, "Ibrahim", "Ibrahim"),
    ("مصطفى", 2, "Mustafa Mostafa", "Moustafa"),
    ("عبد الله", 2, "Abdullah Abdallah", "Abdallah"),
    ("عبد الرحمن", 2, "Abdulrahman Abdul Rahman", "Abdel Rahman Abderrahmane"),
    ("عبد الكريم", 1, "Abdulkarim Abdul Karim", "Abdel Karim"),
    ("سامر", 1, "Samer", "Samer"),
    ("رامي", 1, "Rami", "Rami"),
    ("فادي", 1, "Fadi", "Fadi"),
    ("وائل", 1, "Wael", "Wael"),
    ("ماهر", 1, "Maher", "Maher"),
    ("باسل", 1, "Basel Basil", "Bassel"),
    ("عماد", 1, "Imad Emad", "Imad"),
    ("سعيد", 1, "Said Saeed", "Said"),
    ("ياسر", 1, "Yaser Yasser", "Yasser"),
    ("طارق", 1, "Tareq Tarek", "Tarek"),
    ("زياد", 1, "Ziad Ziyad", "Ziad"),
    ("جمال", 1, "Jamal", "Djamal Jamal"),
    ("كمال", 1, "Kamal", "Kamel"),
    ("سليمان", 1, "Suleiman Sulaiman", "Souleiman"),
    ("أيمن", 1, "Ayman", "Aymen"),
    ("مازن", 1, "Mazen", "Mazen"),
    ("هيثم", 1, "Haitham Haytham", "Haytham"),
    ("شادي", 1, "Shadi", "Chadi"),
    ("غسان", 1, "Ghassan", "Ghassan"),
    ("قاسم", 0.8, "Qasem Kasem", "Kacem"),
    ("جهاد", 0.8, "Jihad", "Djihad"),
    ("فراس", 0.8, "Firas", "Firas"),
    ("عدنان", 0.8, "Adnan", "Adnane"),
    ("صالح", 0.8, "Saleh Salih", "Saleh"),
    ("وليد", 0.8, "Walid Waleed", "Walid"),
    ("حمزة", 0.8, "Hamza", "Hamza"),
    ("أنس", 0.8, "Anas", "Anas"),
    ("معاذ", 0.5, "Muath Moaz", "Mouaz"),
    ("منذر", 0.5, "Munther Mundhir", "Moundher"),
    ("عصام", 0.7, "Issam Essam", "Issam"),
    ("نزار", 0.7, "Nizar", "Nizar"),
    ("رياض", 0.7, "Riad Riyad", "Riad"),
]
PAL_MALE = [  # given names more frequent among Palestinians of Syria
    ("نضال", 1.2, "Nidal", "Nidal"),
    ("إياد", 1.0, "Iyad Eyad", "Iyad"),
    ("رائد", 1.0, "Raed", "Raed"),
    ("ثائر", 0.8, "Thaer", "Thaer"),
    ("سائد", 0.6, "Saed", "Saed"),
    ("فتحي", 0.6, "Fathi", "Fathi"),
    ("ناصر", 0.8, "Naser Nasser", "Nasser"),
]
FEMALE = [
    ("فاطمة", 6, "Fatima Fatmeh", "Fatma"),
    ("عائشة", 2, "Aisha", "Aicha"),
    ("مريم", 2, "Maryam Mariam", "Meriem"),
    ("زينب", 2, "Zainab Zeinab", "Zeineb"),
    ("خديجة", 2, "Khadija", "Khadija"),
    ("آمنة", 2, "Amina Amna", "Amna"),
    ("هدى", 1, "Huda Hoda", "Houda"),
    ("نور", 1, "Nour Noor", "Nour"),
    ("رنا", 1, "Rana", "Rana"),
    ("سلمى", 1, "Salma", "Salma"),
    ("رهف", 1, "Rahaf", "Rahaf"),
    ("إيمان", 1, "Iman Eman", "Imane"),
    ("أسماء", 1, "Asmaa Asma", "Asma"),
    ("سعاد", 1, "Suad Souad", "Souad"),
    ("منى", 1, "Muna Mona", "Mouna"),
    ("ريم", 1, "Reem Rim", "Rim"),
    ("هبة", 1, "Heba Hiba", "Hiba"),
    ("دعاء", 0.7, "Doaa Duaa", "Doua"),
    ("ولاء", 0.7, "Walaa", "Walaa"),
]
# Christian given names: Arabic, weight, English Latin, French Latin, baptismal equivalent.
CHR_MALE = [
    ("جورج", 3, "George", "Georges", "Georges"),
    ("إلياس", 3, "Elias", "Elias", "Elie"),
    ("يوسف", 3, "Youssef Yousef", "Youssef", "Joseph"),
    ("حنا", 2, "Hanna", "Hanna", "Jean"),
    ("ميشيل", 2, "Michel Michael", "Michel", "Michel"),
    ("أنطون", 2, "Antoun Anton", "Antoun", "Antoine"),
    ("بطرس", 1.5, "Boutros Butros", "Boutros", "Pierre"),
    ("جرجس", 1, "Jirjis Gerges", "Guirguis", "Georges"),
    ("نبيل", 1.5, "Nabil", "Nabil", ""),
    ("فادي", 1.5, "Fadi", "Fadi", ""),
    ("سمير", 1.5, "Samir", "Samir", ""),
    ("جميل", 1, "Jamil", "Djamil", ""),
    ("عيسى", 1, "Issa", "Issa", ""),
    ("إدوار", 0.8, "Edward Edouard", "Edouard", "Édouard"),
    ("جبرائيل", 1, "Jibrail Gabriel", "Gebrayel", "Gabriel"),
    ("يعقوب", 1, "Yaqoub Yacoub", "Yacoub", "Jacques"),
]
SYR_MALE = [
    ("أفرام", 1.5, "Afram Aphrem", "Afram", "Ephrem"),
    ("شمعون", 1.2, "Shamoun Simon", "Chamoun", "Simon"),
    ("ملكي", 1.0, "Malki Malke", "Malké", ""),
    ("نينوس", 0.8, "Ninos", "Ninos", ""),
    ("سركون", 0.8, "Sargon", "Sargon", ""),
    ("عبد المسيح", 1.0, "Abdulmasih Abdul Masih", "Abdel Messih", ""),
]
ARM_MALE = [  # Western Armenian names; the Arabic spelling Syrian lists write
    ("هاكوب", 2, "Hakob Hagop", "Hagop", "Hagop"),
    ("كريكور", 1.5, "Krikor Grigor", "Krikor", "Krikor"),
    ("كارابيت", 1.2, "Garabet Karapet", "Garabed", "Garabed"),
    ("سركيس", 1.5, "Sarkis", "Sarkis", "Sarkis"),
    ("فارتان", 1.2, "Vartan Vardan", "Vartan", "Vartan"),
    ("بوغوص", 1.0, "Boghos Poghos", "Boghos", "Boghos"),
    ("آرام", 1.2, "Aram", "Aram", "Aram"),
    ("هراير", 0.8, "Hrair", "Hraïr", "Hrair"),
    ("آفيديس", 0.8, "Avedis Avetis", "Avédis", "Avedis"),
]
CHR_FEMALE = [
    ("ماري", 3, "Mary Mari", "Marie", "Marie"),
    ("ريتا", 2, "Rita", "Rita", "Rita"),
    ("تيريز", 1, "Teresa Terez", "Thérèse", "Thérèse"),
    ("جورجيت", 1, "Georgette", "Georgette", "Georgette"),
    ("نوال", 1.5, "Nawal", "Nawal", ""),
    ("سلوى", 1.5, "Salwa", "Salwa", ""),
    ("هيلين", 1, "Helen Helene", "Hélène", "Hélène"),
    ("لينا", 1.5, "Lina", "Lina", ""),
    ("مريم", 2, "Mariam Maryam", "Myriam", "Marie"),
    ("رولا", 1, "Rula", "Roula", ""),
]
ARM_FEMALE = [
    ("آني", 1.5, "Ani", "Ani", "Ani"),
    ("سيلفا", 1, "Silva", "Silva", "Silva"),
    ("نايري", 1, "Nairi", "Nayiri", "Nayiri"),
    ("لوسين", 1, "Lusine", "Lucine", "Lucine"),
]


def _table(rows, chr_=False):
    out = {}
    for row in rows:
        ar, w = row[0], row[1]
        en = _split_spellings(row[2])
        fr = _split_spellings(row[3])
        eu = row[4] if chr_ and len(row) > 4 and row[4] else ""
        out[ar] = {"w": w, "en": en, "fr": fr, "eu": eu}
    return out


def _split_spellings(text):
    """'Abdulrahman Abdul Rahman' -> ['Abdulrahman', 'Abdul Rahman'] (Abdul/Abdel/Abd join)."""
    words = text.split()
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("Abdul", "Abdel", "Abd") and i + 1 < len(words):
            out.append(w + " " + words[i + 1])
            i += 2
            continue
        out.append(w)
        i += 1
    return out


GIVEN = {}
for _rows, _chr in (
    (MALE, False),
    (PAL_MALE, False),
    (FEMALE, False),
    (CHR_MALE, True),
    (SYR_MALE, True),
    (ARM_MALE, True),
    (CHR_FEMALE, True),
    (ARM_FEMALE, True),
):
    for _k, _v in _table(_rows, _chr).items():
        GIVEN.setdefault(_k, _v)
        if _v["eu"]:
            GIVEN[_k]["eu"] = _v["eu"]

# Family names: Arabic, Latin base (English tradition), whether Arabic writes the article.
ARAB_FAM = [
    ("الحلبي", "Halabi", 1),
    ("الحمصي", "Homsi", 1),
    ("الخطيب", "Khatib", 1),
    ("العلي", "Ali", 1),
    ("الأحمد", "Ahmad", 1),
    ("المصري", "Masri", 1),
    ("الشامي", "Shami", 1),
    ("الزعبي", "Zoubi", 1),
    ("الحريري", "Hariri", 1),
    ("المحاميد", "Mahamid", 1),
    ("الدوماني", "Doumani", 1),
    ("الخولاني", "Khawlani", 1),
    ("الطحان", "Tahhan", 1),
    ("النعسان", "Naasan", 1),
    ("العبد الله", "Abdallah", 1),
    ("الحسن", "Hasan", 1),
    ("الحسين", "Hussein", 1),
    ("الصالح", "Saleh", 1),
    ("حمدان", "Hamdan", 0),
    ("قطيش", "Qteish", 0),
    ("شحادة", "Shehadeh", 0),
    ("عرنوس", "Arnous", 0),
    ("الدقر", "Daqqar", 1),
    ("الإدلبي", "Idlibi", 1),
    ("البيطار", "Bitar", 1),
    ("الحموي", "Hamwi", 1),
    ("الرفاعي", "Rifai", 1),
    ("الجاسم", "Jasem", 1),
    ("كيالي", "Kayyali", 0),
    ("الحراكي", "Haraki", 1),
    ("السيد", "Sayed", 1),
    ("الشيخ", "Sheikh", 1),
]
PAL_FAM = [  # Palestinian families of Syria: "Abu" names are family names, not kunyas
    ("أبو خليل", "Abu Khalil", 0),
    ("أبو حطب", "Abu Hatab", 0),
    ("أبو شريعة", "Abu Sharia", 0),
    ("أبو رية", "Abu Rayya", 0),
    ("أبو الهيجاء", "Abu al-Haija", 0),
    ("أبو عيشة", "Abu Aisha", 0),
    ("الصفدي", "Safadi", 1),
    ("شهابي", "Shehabi", 0),
    ("عوض", "Awad", 0),
    ("الحيفاوي", "Haifawi", 1),
    ("الطيراوي", "Tirawi", 1),
    ("السعدي", "Saadi", 1),
    ("ميعاري", "Miari", 0),
    ("قاسم", "Qasem", 0),
    ("اللوباني", "Loubani", 1),
    ("حمد", "Hamad", 0),
    ("موعد", "Mawed", 0),
    ("الخطيب", "Khatib", 1),
]
ARM_FAM = [
    ("كيفوركيان", "Kevorkian", 0),
    ("بوياجيان", "Boyajian", 0),
    ("كشيشيان", "Keshishian", 0),
    ("أرسلانيان", "Arslanian", 0),
    ("دير سركيسيان", "Der Sarkissian", 0),
    ("طوروسيان", "Torossian", 0),
    ("ماركاريان", "Markarian", 0),
    ("نعلبنديان", "Nalbandian", 0),
    ("هوفسبيان", "Hovsepian", 0),
]
SYR_FAM = [
    ("كبرو", "Gabro", 0),
    ("ملكي", "Malke", 0),
    ("شمعون", "Shamoun", 0),
    ("ساكو", "Sako", 0),
    ("برصوم", "Barsoum", 0),
    ("اسحق", "Ishak", 0),
    ("عيسى", "Issa", 0),
]
ORTH_FAM = [
    ("حداد", "Haddad", 0),
    ("خوري", "Khoury", 0),
    ("نصر", "Nasr", 0),
    ("عبود", "Abboud", 0),
    ("جبور", "Jabbour", 0),
    ("نعمة", "Nehme", 0),
    ("الحلو", "Helou", 1),
    ("مطر", "Matar", 0),
    ("صليبا", "Saliba", 0),
    ("قسيس", "Kassis", 0),
    ("شاهين", "Shahin", 0),
    ("سمعان", "Semaan", 0),
    ("الصايغ", "Sayegh", 1),
]
FR_FAM = {"Shahin": "Chahine", "Khoury": "Khouri", "Keshishian": "Kechichian", "Nehme": "Nehmé"}

# Towns: Arabic, English, French exonym.
TOWNS = {
    "damascus": [
        ("دمشق", "Damascus", "Damas"),
        ("دوما", "Douma", "Douma"),
        ("داريا", "Darayya", "Daraya"),
        ("القابون", "Qaboun", "Kaboun"),
        ("حرستا", "Harasta", "Harasta"),
        ("التل", "Al-Tall", "Al-Tall"),
    ],
    "homs": [
        ("حمص", "Homs", "Homs"),
        ("الرستن", "Rastan", "Rastan"),
        ("تلبيسة", "Talbiseh", "Talbissé"),
        ("القصير", "Qusayr", "Koussair"),
    ],
    "hama": [
        ("حماة", "Hama", "Hama"),
        ("كفرزيتا", "Kafr Zita", "Kafr Zita"),
        ("مورك", "Morek", "Morek"),
    ],
    "aleppo": [
        ("حلب", "Aleppo", "Alep"),
        ("منبج", "Manbij", "Manbij"),
        ("الباب", "Al-Bab", "Al-Bab"),
        ("اعزاز", "Azaz", "Azaz"),
    ],
    "idlib": [
        ("إدلب", "Idlib", "Idleb"),
        ("سراقب", "Saraqib", "Saraqeb"),
        ("معرة النعمان", "Maarat al-Numan", "Maarat al-Nouman"),
        ("أريحا", "Ariha", "Ariha"),
    ],
    "daraa": [
        ("درعا", "Daraa", "Deraa"),
        ("نوى", "Nawa", "Nawa"),
        ("طفس", "Tafas", "Tafas"),
        ("انخل", "Inkhil", "Inkhil"),
        ("جاسم", "Jasim", "Jassem"),
    ],
}
CHR_TOWNS = {  # Christian communities
    "arm": [("حلب", "Aleppo", "Alep"), ("القامشلي", "Qamishli", "Kamechli")],
    "syr": [
        ("القامشلي", "Qamishli", "Kamechli"),
        ("الحسكة", "Hasakah", "Hassaké"),
        ("حلب", "Aleppo", "Alep"),
    ],
    "orth": [
        ("دمشق", "Damascus", "Damas"),
        ("حمص", "Homs", "Homs"),
        ("جرمانا", "Jaramana", "Jaramana"),
        ("مرمريتا", "Marmarita", "Marmarita"),
        ("حلب", "Aleppo", "Alep"),
        ("اللاذقية", "Latakia", "Lattaquié"),
    ],
}
CAMPS = [  # Palestinian camps: Arabic, Latin, the region it lies in, weight
    ("مخيم اليرموك", "Yarmouk camp", "damascus", 5),
    ("مخيم خان الشيح", "Khan al-Sheih camp", "damascus", 2),
    ("مخيم السبينة", "Sbeineh camp", "damascus", 1),
    ("مخيم جرمانا", "Jaramana camp", "damascus", 0.7),
    ("مخيم درعا", "Daraa camp", "daraa", 1.2),
    ("مخيم العائدين في حمص", "Homs camp", "homs", 1),
    ("مخيم حماة", "Hama camp", "hama", 0.6),
    ("مخيم النيرب", "Neirab camp", "aleppo", 1.5),
]
VILLAGES = [
    "لوبية",
    "صفورية",
    "الطيرة",
    "صفد",
    "حيفا",
    "الخالصة",
    "الجاعونة",
    "ترشيحا",
    "طبريا",
    "عين غزال",
    "الشجرة",
    "الصفصاف",
]
VILLAGE_NISBA = {
    "لوبية": "اللوباني",
    "صفورية": "الصفوري",
    "الطيرة": "الطيراوي",
    "صفد": "الصفدي",
    "حيفا": "الحيفاوي",
    "طبريا": "الطبراني",
    "ترشيحا": "الترشيحي",
    "الخالصة": "الخالصي",
    "الجاعونة": "الجاعوني",
    "عين غزال": "الغزلاني",
    "الشجرة": "الشجراوي",
    "الصفصاف": "الصفصافي",
}
REGION_W = [
    ("damascus", 4),
    ("homs", 2),
    ("hama", 1.5),
    ("aleppo", 2.5),
    ("idlib", 2),
    ("daraa", 2),
]
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
FR_MONTHS = [
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
EN_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def wchoice(rng, rows, wi=1):
    total = sum(r[wi] for r in rows)
    x = rng.random() * total
    for r in rows:
        x -= r[wi]
        if x < 0:
            return r
    return rows[-1]


# ---------------------------------------------------------------------------------------------
# Population


def given_pool(comm, sub, sex):
    if comm == "chr":
        if sex == "F":
            return CHR_FEMALE + (ARM_FEMALE * 2 if sub == "arm" else [])
        extra = {"arm": ARM_MALE * 3, "syr": SYR_MALE * 2}.get(sub, [])
        return CHR_MALE + extra
    if sex == "F":
        return FEMALE
    return MALE + (PAL_MALE if comm == "pal" else [])


def pick_name(rng, comm, sub, sex, avoid=()):
    pool = given_pool(comm, sub, sex)
    for _ in range(50):
        n = wchoice(rng, pool)[0]
        if n not in avoid:
            return n
    return n


class Person(dict):
    pass


def build_population(rng, n_persons):
    persons = []
    clans = []
    hh = 0

    def new_person(**kw):
        p = Person(kw)
        p["id"] = f"P{len(persons) + 1:05d}"
        persons.append(p)
        return p

    while len(persons) < n_persons:
        r = rng.random()
        comm = "arab" if r < 0.62 else ("pal" if r < 0.82 else "chr")
        sub = ""
        if comm == "arab":
            region = wchoice(rng, REGION_W)[0]
            town = rng.choice(TOWNS[region])
            fam = rng.choice(ARAB_FAM)
            camp = None
            village = ""
        elif comm == "pal":
            c = wchoice(rng, CAMPS, 3)
            region, camp = c[2], c
            town = (c[0], c[1], c[1])
            fam = rng.choice(PAL_FAM)
            village = rng.choice(VILLAGES)
        else:
            sub = rng.choice(["arm", "syr", "orth", "orth"])
            town = rng.choice(CHR_TOWNS[sub])
            region = {"حلب": "aleppo", "حمص": "homs"}.get(town[0], "other")
            fam = rng.choice({"arm": ARM_FAM, "syr": SYR_FAM, "orth": ORTH_FAM}[sub])
            camp = None
            village = ""
        clan = {
            "comm": comm,
            "sub": sub,
            "region": region,
            "town": town,
            "fam": fam,
            "camp": camp,
            "village": village,
            "act": 0.4 + rng.random() * 0.9,
        }
        clans.append(clan)
        for _g in range(rng.choice([1, 1, 2, 2, 3])):
            gname = pick_name(rng, comm, sub, "M")
            ggname = pick_name(rng, comm, sub, "M")
            sons = []
            for _s in range(rng.choice([1, 2, 2, 3, 3, 4])):
                sons.append(pick_name(rng, comm, sub, "M", avoid=sons))
            for sname in sons:
                hh += 1
                fby = rng.randint(1940, 1972)
                father = new_person(
                    hh=hh,
                    clan=len(clans),
                    comm=comm,
                    sub=sub,
                    region=region,
                    town=town,
                    sex="M",
                    first=sname,
                    father=gname,
                    grand=ggname,
                    fam=fam,
                    birth=rand_date(rng, fby),
                    father_id="",
                    mother_id="",
                    act=clan["act"],
                    camp=camp,
                    village=village,
                    spouse="",
                )
                # the wife: another family of the community, the same one 30 % (cousins)
                if rng.random() < 0.3:
                    wfam = fam
                else:
                    wfam = rng.choice(
                        {"arab": ARAB_FAM, "pal": PAL_FAM}.get(
                            comm, ARM_FAM if sub == "arm" else SYR_FAM + ORTH_FAM
                        )
                    )
                wby = min(1985, fby + rng.randint(-2, 10))
                wife = new_person(
                    hh=hh,
                    clan=len(clans),
                    comm=comm,
                    sub=sub,
                    region=region,
                    town=town,
                    sex="F",
                    first=pick_name(rng, comm, sub, "F"),
                    father=pick_name(rng, comm, sub, "M"),
                    grand=pick_name(rng, comm, sub, "M"),
                    fam=wfam,
                    birth=rand_date(rng, wby),
                    father_id="",
                    mother_id="",
                    act=clan["act"],
                    camp=camp,
                    village=village,
                    spouse=father["id"],
                )
                father["spouse"] = wife["id"]
                father["mother_first"] = pick_name(rng, comm, sub, "F")
                wife["mother_first"] = pick_name(rng, comm, sub, "F")
                names = []
                year = wby + rng.randint(18, 24)
                for k in range(rng.choice([1, 2, 3, 3, 4, 5, 6])):
                    if year > 2004:
                        break
                    sex = "M" if rng.random() < 0.52 else "F"
                    if k == 0 and sex == "M" and rng.random() < 0.4 and gname not in names:
                        first = gname  # the eldest son carries his grandfather's name
                    else:
                        first = pick_name(rng, comm, sub, sex, avoid=[*names, sname])
                    names.append(first)
                    new_person(
                        hh=hh,
                        clan=len(clans),
                        comm=comm,
                        sub=sub,
                        region=region,
                        town=town,
                        sex=sex,
                        first=first,
                        father=sname,
                        grand=gname,
                        fam=fam,
                        birth=rand_date(rng, year),
                        father_id=father["id"],
                        mother_id=wife["id"],
                        act=clan["act"],
                        camp=camp,
                        village=village,
                        spouse="",
                        mother_first=wife["first"],
                        mother_fam=wfam,
                    )
                    year += rng.randint(1, 4)
                father.setdefault("mother_fam", fam if rng.random() < 0.3 else "")
                wife.setdefault("mother_fam", "")
    del persons[n_persons:]
    for p in persons:
        p.setdefault("mother_fam", "")
        p.setdefault("mother_first", "")
    return persons, clans


def rand_date(rng, year):
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def detain(rng, persons):
    by_id = {p["id"]: p for p in persons}
    for p in persons:
        p["arrest"] = None
        by = p["birth"].year
        if p["sex"] == "M" and 1950 <= by <= 1997:
            prob = 0.3 if p["comm"] != "chr" else 0.22
        elif p["sex"] == "F" and 1955 <= by <= 1997:
            prob = 0.06
        else:
            prob = 0.0
        if rng.random() >= prob:
            continue
        y = wchoice(
            rng,
            [
                (2011, 2),
                (2012, 5),
                (2013, 5),
                (2014, 3),
                (2015, 2),
                (2016, 1),
                (2017, 1),
                (2018, 0.6),
                (2019, 0.3),
            ],
        )[0]
        d = dt.date(y, 1, 1) + dt.timedelta(days=rng.randrange(365))
        d = max(d, dt.date(2011, 3, 15))
        if (d - p["birth"]).days < 16 * 365 + 4:
            continue
        p["arrest"] = d
        town = p["town"]
        r = rng.random()
        if r < 0.45:
            p["arrest_place"] = ("home", town)
        elif r < 0.8:
            p["arrest_place"] = ("checkpoint", town)
        else:
            p["arrest_place"] = ("border", None)
    return by_id


# ---------------------------------------------------------------------------------------------
# Spelling habits


def drop_hamza(s):
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def ta_to_ha(s):
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in s.split(" "))


def ya_to_alef_maqsura(s):
    return " ".join(w[:-1] + "ى" if w.endswith("ي") and len(w) > 2 else w for w in s.split(" "))


def join_abd(s):
    return s.replace("عبد ال", "عبدال")


def join_abu(s):
    return s.replace("أبو ", "ابو").replace("ابو ", "ابو")


def french(latin):
    """English-tradition Latin to the French tradition (ch, ou, dj, k)."""
    out = latin.replace("sh", "ch").replace("Sh", "Ch").replace("q", "k").replace("Q", "K")
    out = out.replace("oo", "ou")
    if out.startswith("J"):
        out = "Dj" + out[1:]
    words = []
    for w in out.split(" "):
        if "u" in w and "ou" not in w and not w.startswith("Abu") and "ue" not in w:
            w = w.replace("u", "ou", 1)
        words.append(w)
    return " ".join(words)


def latin_given(rng, ar, style):
    g = GIVEN[ar]
    if style == "eu" and g["eu"]:
        return g["eu"]
    if style in ("fr", "eu"):
        return rng.choice(g["fr"])
    return rng.choice(g["en"])


def latin_family(rng, fam, style, article):
    _ar, base, art = fam
    if style in ("fr", "eu"):
        base = FR_FAM.get(base) or french(base)
    if base.startswith("Abu "):
        if style in ("fr", "eu"):
            base = "Abou " + base[4:]
        return base.replace(" ", "", 1) if rng.random() < 0.2 else base
    if not art:
        return base
    pre = {"dash": "Al-", "space": "Al ", "glued": "Al", "el": "El-", "none": ""}[article]
    return pre + (base.lower() if article == "glued" else base)


def typo(rng, w):
    if len(w) < 4:
        return w
    i = rng.randrange(1, len(w) - 1)
    if rng.random() < 0.5:
        return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    return w[:i] + w[i + 1 :]


def arabizi(rng, ar, latin):
    """Write a Latin name as Arabic-keyboard users do, digits for ح ع خ."""
    if "ح" in ar and "h" in latin.lower():
        i = latin.lower().find("h")
        if latin[max(0, i - 1)].lower() not in "kgsc":
            return latin[:i] + "7" + latin[i + 1 :]
    if ar.startswith("ع") and latin[0] in "AEOI":
        return "3" + latin[0].lower() + latin[1:]
    if "خ" in ar and "kh" in latin.lower():
        i = latin.lower().find("kh")
        return latin[:i] + "5" + latin[i + 2 :]
    return latin


# ---------------------------------------------------------------------------------------------
# Lists


class Rec:
    def __init__(self, person, row, forms):
        self.person = person
        self.row = row
        self.forms = forms


def arrest_ar(rng, d, tags):
    r = rng.random()
    if r < 0.4:
        tags.append("arrest_ymd_slash")
        return f"{d.year}/{d.month}/{d.day}"
    if r < 0.6:
        return f"{d.day}-{d.month}-{d.year}"
    if r < 0.75:
        tags.append("arrest_levantine_month")
        return f"{LEV_MONTHS[d.month - 1]} {d.year}"
    if r < 0.95:
        tags.append("arrest_year_only")
        return str(d.year)
    return ""


def arrest_place_ar(rng, p):
    kind, town = p["arrest_place"]
    if kind == "home":
        return town[0] if p["comm"] != "pal" else p["camp"][0]
    if kind == "checkpoint":
        if p["comm"] == "pal" and p["camp"][0] == "مخيم اليرموك":
            return rng.choice(["حاجز بيت سحم", "حاجز البطيخة", "حاجز مدخل المخيم"])
        return "حاجز " + town[0]
    return rng.choice(["مطار دمشق الدولي", "معبر جديدة يابوس", "معبر نصيب"])


def make_yarmouk(rng, people):
    recs = []
    for p in people:
        if p["comm"] != "pal" or rng.random() >= 0.85 * min(1.0, p["act"] + 0.2):
            continue
        copies = 2 if rng.random() < 0.09 else 1
        for _c in range(copies):
            recs.append(yarmouk_row(rng, p))
    return recs


PROFESSIONS_AR = ["الطالب الجامعي", "المهندس", "الطبيب", "المدرس", "الممرض", "المحامي"]


def yarmouk_row(rng, p):
    tags = []
    fam_ar = p["fam"][0]
    if fam_ar.startswith("أبو"):
        tags.append("family_abu")
        if rng.random() < 0.5:
            fam_ar = drop_hamza(fam_ar)
        if rng.random() < 0.2:
            fam_ar = join_abu(fam_ar)
            tags.append("family_abu_joined")
    if rng.random() < 0.05 and p["village"] in VILLAGE_NISBA:
        fam_ar = VILLAGE_NISBA[p["village"]]
        tags.append("village_nisba_for_family")
    r = rng.random()
    if r < 0.45:
        parts = [p["first"], p["father"], p["grand"], fam_ar]
        tags.append("four_part_name")
    elif r < 0.9:
        parts = [p["first"], p["father"], fam_ar]
    else:
        parts = [p["first"], fam_ar]
        tags.append("first_family_only")
    name = " ".join(parts)
    if rng.random() < 0.35:
        name = drop_hamza(name)
        tags.append("hamza_dropped")
    if rng.random() < 0.2:
        name = join_abd(name)
    age = (
        p["arrest"].year
        - p["birth"].year
        - ((p["arrest"].month, p["arrest"].day) < (p["birth"].month, p["birth"].day))
    )
    if p["sex"] == "M" and age >= 28 and rng.random() < 0.2:
        name += f" (أبو {pick_name(rng, 'pal', '', 'M')})" if rng.random() < 0.5 else ""
        if "(" in name:
            tags.append("kunya_brackets")
    if age >= 19 and rng.random() < 0.12:
        prof = rng.choice(PROFESSIONS_AR)
        if p["sex"] == "F":
            prof = " ".join(w + "ة" for w in prof.split(" "))
        name = prof + " " + name
        tags.append("profession_before_name")
    r = rng.random()
    age_cell = year_cell = ""
    if r < 0.45:
        age_cell = f"{age} عاماً" if rng.random() < 0.6 else str(age)
        tags.append("age_at_arrest")
    elif r < 0.8:
        year_cell = str(p["birth"].year)
        tags.append("birth_year")
    elif r < 0.85:
        age_cell = str(age)
        year_cell = str(p["birth"].year)
        tags.append("age_and_year")
    mother = ""
    if rng.random() < 0.4:
        mother = p["mother_first"]
        tags.append("mother_first")
    row = {
        "الاسم الكامل": name,
        "اسم الأم": mother,
        "الجنس": "ذكر" if p["sex"] == "M" else "أنثى",
        "العمر": age_cell,
        "سنة الولادة": year_cell,
        "المخيم": p["camp"][0],
        "البلدة الأصلية": p["village"] if rng.random() < 0.6 else "",
        "تاريخ الاعتقال": arrest_ar(rng, p["arrest"], tags),
        "مكان الاعتقال": arrest_place_ar(rng, p) if rng.random() < 0.8 else "",
        "ملاحظات": rng.choice(
            [
                "",
                "",
                "لا معلومات عنه منذ اعتقاله",
                "فلسطيني سوري",
                "شوهد في فرع فلسطين",
                "ورد اسمه في شهادة معتقل سابق",
            ]
        ),
    }
    return Rec(p, row, tags)


def make_church(rng, people, by_id):
    recs = []
    for p in people:
        if p["comm"] != "chr" or rng.random() >= 0.85 * min(1.0, p["act"] + 0.25):
            continue
        copies = 2 if rng.random() < 0.07 else 1
        for _c in range(copies):
            recs.append(church_row(rng, p, by_id))
    return recs


def church_row(rng, p, by_id):
    tags = []
    style = "eu" if rng.random() < 0.6 else "fr"
    if style == "eu" and GIVEN[p["first"]]["eu"]:
        tags.append("baptismal_equivalent")
    first = latin_given(rng, p["first"], style)
    fam = p["fam"]
    married = p["sex"] == "F" and p.get("spouse")
    nee = ""
    if married:
        husband = by_id[p["spouse"]]
        fam_latin = latin_family(rng, husband["fam"], "fr", "el")
        tags.append("married_woman_husbands_family")
        if rng.random() < 0.5:
            nee = " née " + latin_family(rng, fam, "fr", "el").upper()
            tags.append("nee_maiden")
    else:
        fam_latin = latin_family(rng, fam, "fr", "el")
    if fam[1].startswith("Der ") and rng.random() < 0.3:
        fam_latin = fam_latin.replace("Der ", "Der-" if rng.random() < 0.5 else "Der")
        tags.append("der_joined")
    civil = GIVEN[p["first"]]["fr"][0]
    if first == GIVEN[p["first"]]["eu"] and first != civil and rng.random() < 0.25:
        first = f"{first} ({civil})"
        tags.append("civil_name_in_brackets")
    father = latin_given(rng, p["father"], style)
    r = rng.random()
    father_cell = ""
    if r < 0.4:
        name = f"{fam_latin.upper()} {first}"
        tags.append("family_first_caps")
    elif r < 0.55:
        name = f"{fam_latin.upper()}, {first}"
        tags.append("family_comma")
    else:
        name = f"{first} {fam_latin.upper() if rng.random() < 0.5 else fam_latin}"
    if rng.random() < 0.55:
        father_cell = father
        tags.append("father_column")
    elif not married and rng.random() < 0.3:
        name = name.replace(first, f"{first} {father}", 1)
        tags.append("father_in_name")
    name += nee
    sex = p["sex"]
    if rng.random() < 0.35:
        sex = "H" if sex == "M" else "F"
        tags.append("sex_h_for_homme")
    b = p["birth"]
    r = rng.random()
    born = ""
    if r < 0.45:
        born = str(b.year)
    elif r < 0.8:
        born = f"{b.day:02d}/{b.month:02d}/{b.year}"
    d = p["arrest"]
    r = rng.random()
    if r < 0.45:
        when = f"{d.day:02d}/{d.month:02d}/{d.year}"
    elif r < 0.7:
        when = f"{FR_MONTHS[d.month - 1]} {d.year}"
        tags.append("arrest_french_month")
    elif r < 0.95:
        when = str(d.year)
    else:
        when = ""
    town = p["town"]
    bplace = ""
    if rng.random() < 0.7:
        bplace = town[2] if rng.random() < 0.7 else town[1]
        if bplace == town[2] and town[2] != town[1]:
            tags.append("town_french_exonym")
    kind, atown = p["arrest_place"]
    if kind == "border":
        aplace = rng.choice(["Aéroport de Damas", "frontière libanaise", "Jdeidet Yabous"])
    elif kind == "checkpoint":
        aplace = f"barrage à {atown[2]}"
    else:
        aplace = atown[2]
    parish = {
        "arm": ["Cathédrale des Quarante Martyrs", "Église Saint-Georges arménienne"],
        "syr": ["Cathédrale Saint-Georges syriaque", "Église Mor Gabriel"],
        "orth": ["Église de la Croix", "Cathédrale Notre-Dame de Damas", "Église Saint-Élie"],
    }[p["sub"]]
    mother = ""
    if rng.random() < 0.35:
        mother = latin_given(rng, p["mother_first"], style)
        tags.append("mother_first")
    row = {
        "full_name": name,
        "father_name": father_cell,
        "mother_name": mother,
        "sex": sex,
        "birth_year": born,
        "birth_place": bplace,
        "parish": rng.choice(parish),
        "date_of_arrest": when,
        "place_of_arrest": aplace if rng.random() < 0.75 else "",
    }
    return Rec(p, row, tags)


def make_charity(rng, people):
    recs = []
    for p in people:
        base = {"arab": 0.66, "pal": 0.3, "chr": 0.08}[p["comm"]]
        if p["comm"] == "arab" and p["region"] in ("idlib", "aleppo", "hama", "homs"):
            base += 0.12
        if rng.random() >= base * min(1.0, p["act"] + 0.1):
            continue
        copies = 2 if rng.random() < 0.08 else 1
        for _c in range(copies):
            recs.append(charity_row(rng, p))
    return recs


def charity_row(rng, p):
    tags = []
    r = rng.random()
    if r < 0.65:
        parts = [p["first"], p["father"], p["fam"][0]]
    elif r < 0.8:
        parts = [p["first"], p["fam"][0]]
        tags.append("first_family_only")
    elif r < 0.92:
        parts = [p["first"], p["father"], p["grand"], p["fam"][0]]
        tags.append("four_part_name")
    else:
        parts = [p["first"], p["father"], p["grand"]]
        tags.append("three_given_no_family")
    name = " ".join(parts)
    if rng.random() < 0.45:
        name = drop_hamza(name)
        tags.append("hamza_dropped")
    if rng.random() < 0.12:
        name = ya_to_alef_maqsura(name)
        tags.append("final_ya_as_alef_maqsura")
    if rng.random() < 0.1:
        name = ta_to_ha(name)
        tags.append("ta_marbuta_as_ha")
    if rng.random() < 0.3:
        name = join_abd(name)
    if rng.random() < 0.05:
        name = name.replace(" ", "  ", 1)
        tags.append("double_space")
    reg = rng.randint(2019, 2022)
    age_now = reg - p["birth"].year
    r = rng.random()
    age_cell = year_cell = ""
    if r < 0.5:
        age_cell = str(age_now)
        tags.append("age_at_registration")
    elif r < 0.8:
        year_cell = str(p["birth"].year)
        tags.append("birth_year")
    elif r < 0.9:
        age_cell = str(age_now)
        year_cell = str(p["birth"].year)
        tags.append("age_and_year")
    town = p["town"][0] if p["comm"] != "pal" else p["camp"][0]
    r = rng.random()
    if r < 0.3:
        bplace = "قيد " + town
        tags.append("registry_qayd")
    elif r < 0.8:
        bplace = town
    else:
        bplace = ""
    if p["sex"] == "M" and p.get("spouse"):
        ben_rel = rng.choice(["زوجة", "زوجة", "والدة"])
    else:
        ben_rel = rng.choice(["والدة", "أخت", "أخ", "والد"])
    mother = ""
    if rng.random() < 0.5:
        mother = p["mother_first"]
        tags.append("mother_first")
    row = {
        "الاسم الكامل": name,
        "اسم الأم": mother,
        "الجنس": "ذكر" if p["sex"] == "M" else "أنثى",
        "العمر": age_cell,
        "سنة الولادة": year_cell,
        "مكان الولادة": bplace,
        "تاريخ الاعتقال": arrest_ar(rng, p["arrest"], tags),
        "مكان الاعتقال": arrest_place_ar(rng, p) if rng.random() < 0.6 else "",
        "صلة المستفيد": ben_rel,
        "عدد الأطفال": str(rng.randint(0, 6)),
        "السكن الحالي": rng.choice(
            ["مخيم أطمة", "مخيم الكرامة", "سرمدا", "الدانا", "اعزاز", "مخيم قاح", "عفرين"]
        ),
        "تاريخ التسجيل": f"{reg}/{rng.randint(1, 12)}/{rng.randint(1, 28)}",
    }
    return Rec(p, row, tags)


def make_online(rng, people):
    recs = []
    for p in people:
        base = {"arab": 0.68, "pal": 0.5, "chr": 0.55}[p["comm"]]
        if rng.random() >= base * min(1.0, p["act"]):
            continue
        r = rng.random()
        if r < 0.03:
            rec = online_row(rng, p)
            recs.append(rec)
            recs.append(Rec(p, dict(rec.row), [*rec.forms, "exact_double_submission"]))
            rec.forms.append("exact_double_submission")
        elif r < 0.09:
            recs.append(online_row(rng, p))
            recs.append(online_row(rng, p))
        else:
            recs.append(online_row(rng, p))
    return recs


def online_row(rng, p):
    tags = []
    style = "fr" if rng.random() < 0.2 else "en"
    if style == "fr":
        tags.append("french_tradition")
    first = latin_given(rng, p["first"], style)
    father = latin_given(rng, p["father"], style)
    grand = latin_given(rng, p["grand"], style)
    art = rng.choices(["dash", "space", "glued", "el", "none"], [35, 20, 10, 10, 25])[0]
    last = latin_family(rng, p["fam"], style, art)
    if rng.random() < 0.04:
        first = arabizi(rng, p["first"], first)
        father = arabizi(rng, p["father"], father)
        tags.append("arabizi_digits")
    if rng.random() < 0.03:
        first = typo(rng, first)
        tags.append("typo")
    r = rng.random()
    if r < 0.5:
        middle = father
        tags.append("middle_is_father")
    elif r < 0.65:
        middle = f"{father} {grand}"
        tags.append("middle_father_grandfather")
    else:
        middle = ""
    if rng.random() < 0.08:
        first = " ".join(x for x in (first, middle, last) if x)
        middle = last = ""
        tags.append("whole_name_in_first")
    case = rng.random()
    if case < 0.25:
        first, middle, last = first.lower(), middle.lower(), last.lower()
        tags.append("lower_case")
    elif case < 0.4:
        first, middle, last = first.upper(), middle.upper(), last.upper()
        tags.append("upper_case")
    b = p["birth"]
    r = rng.random()
    if r < 0.45:
        dob = b.isoformat()
    elif r < 0.7:
        dob = f"{b.year}-01-01"
        tags.append("dob_jan_first_placeholder")
    elif r < 0.72:
        dob = "1900-01-01"
        tags.append("dob_1900_placeholder")
    else:
        dob = ""
    d = p["arrest"]
    r = rng.random()
    if r < 0.4:
        when = d.isoformat()
    elif r < 0.6:
        m = EN_MONTHS[d.month - 1]
        when = f"{m if rng.random() < 0.5 else m.capitalize()} {d.year}"
    elif r < 0.85:
        when = str(d.year)
    elif r < 0.9:
        season = "early" if d.month <= 4 else "summer" if d.month <= 8 else "late"
        when = f"{season} {d.year}"
        tags.append("arrest_approximate_words")
    else:
        when = ""
    town = p["town"] if p["comm"] != "pal" else (p["camp"][1], p["camp"][1], p["camp"][1])
    mother = ""
    if rng.random() < 0.45:
        mother = latin_given(rng, p["mother_first"], style)
        tags.append("mother_first")
    kind, atown = p["arrest_place"]
    if kind == "border":
        aplace = rng.choice(["Damascus airport", "Lebanese border", "Masnaa border"])
    elif kind == "checkpoint":
        aplace = f"checkpoint in {atown[1] if p['comm'] != 'pal' else town[1]}"
    else:
        aplace = atown[1] if p["comm"] != "pal" else town[1]
    row = {
        "first_name": first,
        "father_name": middle,
        "family_name": last,
        "mother_name": mother,
        "sex": rng.choice(["Male", "male", "M"])
        if p["sex"] == "M"
        else rng.choice(["Female", "female", "F"]),
        "birth_year": dob,
        "birth_place": town[1] if rng.random() < 0.7 else "",
        "date_of_arrest": when,
        "place_of_arrest": aplace if rng.random() < 0.7 else "",
        "submitter_relation": rng.choice(
            ["brother", "sister", "mother", "wife", "son", "cousin", "father", "daughter"]
        ),
    }
    return Rec(p, row, tags)


HEADERS = {
    "yarmouk_group": [
        "رقم السجل",
        "الاسم الكامل",
        "اسم الأم",
        "الجنس",
        "العمر",
        "سنة الولادة",
        "المخيم",
        "البلدة الأصلية",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
        "ملاحظات",
    ],
    "church_list": [
        "record_id",
        "full_name",
        "father_name",
        "mother_name",
        "sex",
        "birth_year",
        "birth_place",
        "parish",
        "date_of_arrest",
        "place_of_arrest",
    ],
    "charity_aid": [
        "رقم السجل",
        "الاسم الكامل",
        "اسم الأم",
        "الجنس",
        "العمر",
        "سنة الولادة",
        "مكان الولادة",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
        "صلة المستفيد",
        "عدد الأطفال",
        "السكن الحالي",
        "تاريخ التسجيل",
    ],
    "online_form": [
        "record_id",
        "first_name",
        "father_name",
        "family_name",
        "mother_name",
        "sex",
        "birth_year",
        "birth_place",
        "date_of_arrest",
        "place_of_arrest",
        "submitter_relation",
    ],
}


def record_ids(rng, name, recs):
    n = len(recs)
    nums = rng.sample(range(100, 100 + n * 7), n)
    ids = []
    for rec, k in zip(recs, nums, strict=True):
        p = rec.person
        if name == "yarmouk_group":
            ids.append(f"AGP-{k:05d}")
        elif name == "church_list":
            ids.append(f"{ {'arm': 'ARM', 'syr': 'SYR', 'orth': 'ORT'}[p['sub']] }-{k:05d}")
        elif name == "charity_aid":
            ids.append(f"KF-{k:05d}")
        else:
            ids.append(f"F{k:06d}")
    return ids


def generate(seed, n_persons, out):
    master = random.Random(seed)
    pop_rng = random.Random(master.getrandbits(64))
    det_rng = random.Random(master.getrandbits(64))
    list_seeds = [master.getrandbits(64) for _ in LISTS]
    persons, _clans = build_population(pop_rng, n_persons)
    by_id = detain(det_rng, persons)
    detained = [p for p in persons if p["arrest"]]
    makers = {
        "yarmouk_group": lambda r: make_yarmouk(r, detained),
        "church_list": lambda r: make_church(r, detained, by_id),
        "charity_aid": lambda r: make_charity(r, detained),
        "online_form": lambda r: make_online(r, detained),
    }
    os.makedirs(out, exist_ok=True)
    lists = {}
    for name, s in zip(LISTS, list_seeds, strict=True):
        rng = random.Random(s)
        recs = makers[name](rng)
        rng.shuffle(recs)
        ids = record_ids(rng, name, recs)
        for rec, rid in zip(recs, ids, strict=True):
            rec.rid = rid
        lists[name] = recs
        header = HEADERS[name]
        with open(os.path.join(out, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            for rec in recs:
                w.writerow([rec.rid] + [rec.row[h] for h in header[1:]])
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        for name in LISTS:
            for rec in lists[name]:
                w.writerow([name, rec.rid, rec.person["id"]])
    in_lists = {}
    for name in LISTS:
        for rec in lists[name]:
            in_lists.setdefault(rec.person["id"], [])
            if name not in in_lists[rec.person["id"]]:
                in_lists[rec.person["id"]].append(name)
    with open(os.path.join(out, "persons.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            [
                "person_id",
                "household",
                "community",
                "church",
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
                "camp",
                "origin_village",
                "arrest_date",
                "lists",
            ]
        )
        for p in persons:
            w.writerow(
                [
                    p["id"],
                    p["hh"],
                    p["comm"],
                    p["sub"],
                    p["region"],
                    p["town"][0],
                    p["sex"],
                    p["first"],
                    p["father"],
                    p["grand"],
                    p["fam"][0],
                    p["mother_first"],
                    p["mother_fam"][0] if p["mother_fam"] else "",
                    p["birth"].isoformat(),
                    p["father_id"],
                    p["mother_id"],
                    p["spouse"],
                    p["camp"][0] if p["camp"] else "",
                    p["village"],
                    p["arrest"].isoformat() if p["arrest"] else "",
                    ";".join(in_lists.get(p["id"], [])),
                ]
            )
    return persons, lists, in_lists


def stats(persons, lists, in_lists):
    out = {"lists": {}, "persons_listed": len(in_lists)}
    total = 0
    for name in LISTS:
        recs = lists[name]
        total += len(recs)
        pc = Counter(r.person["id"] for r in recs)
        forms = Counter(t for r in recs for t in dict.fromkeys(r.forms))
        out["lists"][name] = {
            "records": len(recs),
            "persons": len(pc),
            "persons_twice": sum(1 for v in pc.values() if v > 1),
            "repeat_records_pct": round(100 * sum(v for v in pc.values() if v > 1) / len(recs), 1),
            "forms_pct": {k: round(100 * forms[k] / len(recs), 1) for k in sorted(forms)},
        }
    out["records"] = total
    out["persons_by_number_of_lists"] = dict(
        sorted(Counter(len(v) for v in in_lists.values()).items())
    )
    pairs = Counter()
    for v in in_lists.values():
        for i, a in enumerate(v):
            for b in v[i + 1 :]:
                pairs[" & ".join(sorted((a, b)))] += 1
    out["pairs"] = dict(sorted(pairs.items()))
    latin, arabic = {"church_list", "online_form"}, {"yarmouk_group", "charity_aid"}
    out["persons_latin_and_arabic"] = sum(
        1 for v in in_lists.values() if latin.intersection(v) and arabic.intersection(v)
    )
    listed = [p for p in persons if p["id"] in in_lists]
    key3 = Counter((p["first"], p["father"], p["fam"][0]) for p in listed)
    key2 = Counter((p["first"], p["fam"][0]) for p in listed)
    out["namesake_groups_first_father_family"] = sum(1 for v in key3.values() if v > 1)
    out["persons_sharing_first_family"] = sum(v for v in key2.values() if v > 1)
    hh = Counter(p["hh"] for p in listed if p["father_id"])
    out["households_with_several_listed_children"] = sum(1 for v in hh.values() if v > 1)
    out["listed_by_community"] = dict(sorted(Counter(p["comm"] for p in listed).items()))
    out["listed_women"] = sum(1 for p in listed if p["sex"] == "F")
    out["detained"] = sum(1 for p in persons if p["arrest"])
    ids = {p["id"]: p for p in persons}
    out["listed_sons_named_after_grandfather_with_father_listed"] = sum(
        1
        for p in listed
        if p["father_id"]
        and p["first"] == p["grand"]
        and p["father_id"] in in_lists
        and ids[p["father_id"]]["first"] == p["father"]
    )
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args(argv)
    persons, lists, in_lists = generate(a.seed, a.persons, a.out)
    if a.stats:
        json.dump(stats(persons, lists, in_lists), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
