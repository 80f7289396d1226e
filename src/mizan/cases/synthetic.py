"""Synthetic Syrian people for demos, tests and benchmarks — never a real person.

Names are drawn from lists of very common first names and from family names formed after
places and trades (الحلبي، النجار), each with several Latin spellings as they appear in
lists prepared for UN bodies, so the same synthetic person can be typed in different ways.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MALE = [
    ("محمد", ["Mohammad", "Muhammad", "Mohamed", "Mhd"]),
    ("أحمد", ["Ahmad", "Ahmed"]),
    ("عبد الرحمن", ["Abdul Rahman", "Abdulrahman"]),
    ("خالد", ["Khaled", "Khalid"]),
    ("عمر", ["Omar", "Umar"]),
    ("يوسف", ["Yousef", "Yusuf"]),
    ("حسن", ["Hassan", "Hasan"]),
    ("حسين", ["Hussein", "Husain"]),
    ("علي", ["Ali"]),
    ("مصطفى", ["Mustafa", "Moustafa"]),
    ("إبراهيم", ["Ibrahim", "Ebrahim"]),
    ("سامر", ["Samer"]),
    ("وائل", ["Wael", "Wail"]),
    ("باسل", ["Basel", "Basil"]),
    ("غسان", ["Ghassan"]),
    ("ماهر", ["Maher"]),
    ("فراس", ["Firas", "Feras"]),
    ("رامي", ["Rami"]),
    ("طارق", ["Tarek", "Tariq"]),
    ("جمال", ["Jamal"]),
    ("صالح", ["Saleh", "Salih"]),
    ("قاسم", ["Qasim", "Kassem"]),
]
FEMALE = [
    ("فاطمة", ["Fatima", "Fatma"]),
    ("مريم", ["Maryam", "Mariam"]),
    ("زينب", ["Zainab", "Zeinab"]),
    ("هبة", ["Hiba", "Heba"]),
    ("رنا", ["Rana"]),
    ("سلمى", ["Salma"]),
    ("نور", ["Nour", "Noor"]),
    ("آمنة", ["Amina", "Amena"]),
    ("خديجة", ["Khadija", "Khadijeh"]),
    ("ريم", ["Reem", "Rim"]),
    ("لينا", ["Lina"]),
    ("دعاء", ["Duaa", "Doaa"]),
]
FAMILY = [
    ("الحلبي", ["al-Halabi", "Halabi"]),
    ("الشامي", ["al-Shami", "Shami"]),
    ("النجار", ["al-Najjar", "Najjar"]),
    ("الحداد", ["al-Haddad", "Haddad"]),
    ("الخطيب", ["al-Khatib", "Khatib"]),
    ("العلي", ["al-Ali", "Alali"]),
    ("الحموي", ["al-Hamwi", "Hamwi"]),
    ("الحمصي", ["al-Homsi", "Homsi"]),
    ("الديري", ["al-Deiri", "Deiri"]),
    ("الإدلبي", ["al-Idlibi", "Idlibi"]),
    ("الدرعاوي", ["al-Daraawi", "Daraawi"]),
    ("الرقاوي", ["al-Raqqawi", "Raqqawi"]),
    ("السعدي", ["al-Saadi", "Saadi"]),
    ("الزعبي", ["al-Zoubi", "Zoubi"]),
    ("العمر", ["al-Omar", "Alomar"]),
    ("الأحمد", ["al-Ahmad", "Alahmad"]),
    ("الخليل", ["al-Khalil", "Khalil"]),
    ("القاسم", ["al-Qasim", "Alkasem"]),
    ("الصباغ", ["al-Sabbagh", "Sabbagh"]),
    ("العطار", ["al-Attar", "Attar"]),
]


@dataclass(frozen=True)
class SyntheticPerson:
    sex: str
    first_ar: str
    father_ar: str
    grandfather_ar: str
    family_ar: str
    mother_ar: str
    first_lat: str
    father_lat: str
    family_lat: str
    birth_year: int


def person(rng: random.Random, *, sex: str | None = None) -> SyntheticPerson:
    sex = sex or rng.choice(["male", "male", "male", "female"])
    first_ar, first_lat = rng.choice(MALE if sex == "male" else FEMALE)
    father_ar, father_lat = rng.choice(MALE)
    grandfather_ar, _ = rng.choice(MALE)
    family_ar, family_lat = rng.choice(FAMILY)
    mother_ar, _ = rng.choice(FEMALE)
    return SyntheticPerson(
        sex=sex,
        first_ar=first_ar,
        father_ar=father_ar,
        grandfather_ar=grandfather_ar,
        family_ar=family_ar,
        mother_ar=mother_ar,
        first_lat=rng.choice(first_lat),
        father_lat=rng.choice(father_lat),
        family_lat=rng.choice(family_lat),
        birth_year=rng.randint(1950, 2005),
    )
