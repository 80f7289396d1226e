"""Invented name pools for the fifth independent linkage set.

Every pool is (Arabic, plain English-style Latin, weight). The weights are a strongly skewed,
hand-set frequency: a handful of names (محمد, أحمد, علي …) cover a large share of men, as in
Syrian civil-registry practice, and the long tail is rare. No pool is copied from a list of
real people; the family names are ordinary Syrian surname shapes (trades, towns, ancestors,
tribes) combined by hand.
"""

from __future__ import annotations

MALE = [
    ("محمد", "Mohammad", 300),
    ("أحمد", "Ahmad", 140),
    ("علي", "Ali", 80),
    ("محمود", "Mahmoud", 70),
    ("خالد", "Khaled", 55),
    ("مصطفى", "Mustafa", 50),
    ("عبد الرحمن", "Abdulrahman", 45),
    ("حسن", "Hasan", 40),
    ("حسين", "Hussein", 38),
    ("عمر", "Omar", 38),
    ("إبراهيم", "Ibrahim", 35),
    ("يوسف", "Yousef", 34),
    ("عبد الله", "Abdullah", 33),
    ("ياسر", "Yaser", 20),
    ("سامر", "Samer", 18),
    ("فادي", "Fadi", 16),
    ("ماهر", "Maher", 15),
    ("عماد", "Imad", 14),
    ("جمال", "Jamal", 14),
    ("وليد", "Walid", 13),
    ("شادي", "Shadi", 13),
    ("باسل", "Basel", 12),
    ("طارق", "Tareq", 12),
    ("عبد الكريم", "Abdulkarim", 11),
    ("سليمان", "Sulaiman", 11),
    ("صالح", "Saleh", 11),
    ("أنس", "Anas", 10),
    ("ثائر", "Thaer", 9),
    ("رامي", "Rami", 9),
    ("مازن", "Mazen", 9),
    ("نضال", "Nidal", 8),
    ("زياد", "Ziad", 8),
    ("حمزة", "Hamza", 8),
    ("بلال", "Bilal", 8),
    ("قاسم", "Qasem", 7),
    ("جاسم", "Jasem", 7),
    ("عبد الحميد", "Abdulhamid", 6),
    ("منذر", "Munther", 5),
    ("غسان", "Ghassan", 5),
    ("هيثم", "Haitham", 5),
    ("معاذ", "Muath", 5),
    ("يحيى", "Yahya", 5),
    ("عدنان", "Adnan", 5),
    ("فراس", "Firas", 4),
    ("نزار", "Nizar", 4),
    ("وائل", "Wael", 4),
    ("أيهم", "Ayham", 4),
    ("مهند", "Muhannad", 4),
    ("عبد الباسط", "Abdulbaset", 3),
    ("خليل", "Khalil", 3),
    ("زكريا", "Zakariya", 3),
    ("صبحي", "Subhi", 3),
    ("حاتم", "Hatem", 3),
    ("منير", "Munir", 3),
    ("ضياء", "Diaa", 2),
    ("جهاد", "Jihad", 2),
    ("شريف", "Sharif", 2),
    ("عارف", "Aref", 2),
    ("نور الدين", "Nureddin", 2),
    ("عز الدين", "Izzeddin", 2),
    ("مؤيد", "Muayyad", 2),
    ("رضوان", "Radwan", 2),
    ("غياث", "Ghiath", 2),
    ("هشام", "Hisham", 2),
    ("لؤي", "Louay", 1),
    ("مجد", "Majd", 1),
    ("كنان", "Kinan", 1),
    ("أوس", "Aws", 1),
    ("عقبة", "Uqba", 1),
    ("ميسرة", "Maysara", 1),
    ("شاكر", "Shaker", 1),
    ("ظافر", "Thafer", 1),
    ("طلال", "Talal", 1),
    ("دحام", "Dahham", 1),
    ("فيصل", "Faisal", 1),
]

FEMALE = [
    ("فاطمة", "Fatima", 90),
    ("مريم", "Maryam", 45),
    ("خديجة", "Khadija", 40),
    ("عائشة", "Aisha", 35),
    ("زينب", "Zainab", 30),
    ("آمنة", "Amina", 25),
    ("نور", "Nour", 22),
    ("رنا", "Rana", 18),
    ("هبة", "Hiba", 16),
    ("سلمى", "Salma", 14),
    ("رهف", "Rahaf", 12),
    ("إيمان", "Iman", 12),
    ("سعاد", "Suad", 10),
    ("لينا", "Lina", 9),
    ("ديمة", "Dima", 8),
    ("هدى", "Huda", 8),
    ("أسماء", "Asmaa", 8),
    ("رغد", "Raghad", 6),
    ("سمر", "Samar", 6),
    ("وفاء", "Wafaa", 5),
    ("منى", "Mona", 5),
    ("غادة", "Ghada", 4),
    ("بشرى", "Bushra", 4),
    ("نسرين", "Nisreen", 3),
    ("جميلة", "Jamila", 3),
    ("رقية", "Ruqayya", 3),
    ("شيماء", "Shaimaa", 2),
    ("ياسمين", "Yasmin", 2),
    ("ختام", "Khitam", 2),
    ("صفاء", "Safaa", 2),
    ("حلا", "Hala", 1),
    ("تسنيم", "Tasnim", 1),
]

# family name, Latin, weight, kind. Kinds: trade/place/ancestor (أبو X, آل X) / tribe.
FAMILY = [
    ("الحلبي", "al-Halabi", 30, "place"),
    ("المصري", "al-Masri", 25, "place"),
    ("الخطيب", "al-Khatib", 24, "trade"),
    ("الأحمد", "al-Ahmad", 22, "ancestor"),
    ("الحسن", "al-Hasan", 22, "ancestor"),
    ("العلي", "al-Ali", 20, "ancestor"),
    ("الحمصي", "al-Homsi", 18, "place"),
    ("النجار", "al-Najjar", 16, "trade"),
    ("الحداد", "al-Haddad", 15, "trade"),
    ("الشامي", "al-Shami", 14, "place"),
    ("العبد الله", "al-Abdullah", 13, "ancestor"),
    ("الجاسم", "al-Jasem", 12, "ancestor"),
    ("الزعبي", "al-Zoubi", 12, "tribe"),
    ("المحمد", "al-Mohammad", 12, "ancestor"),
    ("العكيدي", "al-Ukaidi", 10, "tribe"),
    ("البكور", "al-Bakkour", 10, "tribe"),
    ("الحريري", "al-Hariri", 10, "tribe"),
    ("الخلف", "al-Khalaf", 9, "ancestor"),
    ("الحمود", "al-Hammoud", 9, "ancestor"),
    ("الدرويش", "al-Darwish", 9, "ancestor"),
    ("أبو زيد", "Abu Zeid", 8, "abu"),
    ("أبو شقرة", "Abu Shaqra", 6, "abu"),
    ("أبو النصر", "Abu al-Nasr", 5, "abu"),
    ("أبو الخير", "Abu al-Khair", 5, "abu"),
    ("أبو حمدان", "Abu Hamdan", 4, "abu"),
    ("الشيخ علي", "al-Sheikh Ali", 4, "ancestor"),
    ("الجبوري", "al-Jubouri", 8, "tribe"),
    ("البقاري", "al-Baqqari", 7, "tribe"),
    ("الشمري", "al-Shammari", 7, "tribe"),
    ("العنزي", "al-Anazi", 6, "tribe"),
    ("النعيمي", "al-Nuaimi", 6, "tribe"),
    ("الموسى", "al-Mousa", 8, "ancestor"),
    ("السيد", "al-Sayyed", 8, "ancestor"),
    ("القاسم", "al-Qasem", 7, "ancestor"),
    ("الصباغ", "al-Sabbagh", 7, "trade"),
    ("العطار", "al-Attar", 7, "trade"),
    ("الحلاق", "al-Hallaq", 6, "trade"),
    ("الدباغ", "al-Dabbagh", 5, "trade"),
    ("الطحان", "al-Tahhan", 5, "trade"),
    ("الخياط", "al-Khayyat", 6, "trade"),
    ("القصاب", "al-Qassab", 5, "trade"),
    ("الإدلبي", "al-Idlibi", 6, "place"),
    ("الحموي", "al-Hamawi", 6, "place"),
    ("الديري", "al-Deiri", 5, "place"),
    ("الحوراني", "al-Hourani", 5, "place"),
    ("الرفاعي", "al-Rifai", 5, "ancestor"),
    ("الكردي", "al-Kurdi", 6, "place"),
    ("التركماني", "al-Turkmani", 3, "place"),
    ("الشيخ", "al-Sheikh", 5, "ancestor"),
    ("عيسى", "Issa", 5, "ancestor"),
    ("حمدان", "Hamdan", 4, "ancestor"),
    ("سلامة", "Salameh", 4, "ancestor"),
    ("عثمان", "Othman", 4, "ancestor"),
    ("قطيش", "Qteish", 3, "ancestor"),
    ("زيتون", "Zaitoun", 3, "ancestor"),
    ("حبوش", "Habbouch", 2, "ancestor"),
    ("كيوان", "Kaiwan", 2, "ancestor"),
    ("مرعي", "Marei", 3, "ancestor"),
    ("بيرقدار", "Bayraqdar", 2, "trade"),
    ("قباني", "Qabbani", 2, "trade"),
    ("الدالاتي", "al-Dalati", 2, "trade"),
    ("شحادة", "Shehadeh", 3, "ancestor"),
    ("طعمة", "Tohmeh", 2, "ancestor"),
    ("جنيد", "Junaid", 2, "ancestor"),
    ("الأسعد", "al-Asaad", 3, "ancestor"),
    ("المقداد", "al-Miqdad", 3, "tribe"),
    ("الرشيد", "al-Rashid", 3, "ancestor"),
    ("الحسين", "al-Hussein", 4, "ancestor"),
    ("الخضر", "al-Khidr", 2, "ancestor"),
    ("البيطار", "al-Bitar", 3, "trade"),
    ("الفلاحة", "al-Fallaha", 2, "trade"),
    ("المحاميد", "al-Mahamid", 3, "tribe"),
    ("الغزاوي", "al-Ghazzawi", 1, "place"),
    ("القلموني", "al-Qalamouni", 2, "place"),
    ("السراقبي", "al-Saraqbi", 1, "place"),
    ("الطويل", "al-Tawil", 3, "ancestor"),
    ("الأطرش", "al-Atrash", 1, "ancestor"),
]

# town, Latin, weight, governorate code (first two digits of an invented national number)
TOWNS = [
    ("دمشق", "Damascus", 30, "01"),
    ("داريا", "Daraya", 14, "02"),
    ("دوما", "Douma", 14, "02"),
    ("المعضمية", "Moadamiyeh", 8, "02"),
    ("الزبداني", "Zabadani", 6, "02"),
    ("يبرود", "Yabroud", 4, "02"),
    ("حمص", "Homs", 22, "05"),
    ("تلكلخ", "Talkalakh", 4, "05"),
    ("الرستن", "Rastan", 7, "05"),
    ("تلبيسة", "Talbiseh", 5, "05"),
    ("حماة", "Hama", 14, "06"),
    ("كفرنبودة", "Kafr Nabuda", 3, "06"),
    ("حلب", "Aleppo", 26, "03"),
    ("منبج", "Manbij", 5, "03"),
    ("الباب", "al-Bab", 6, "03"),
    ("إدلب", "Idlib", 10, "04"),
    ("سراقب", "Saraqib", 5, "04"),
    ("معرة النعمان", "Maarat al-Numan", 6, "04"),
    ("درعا", "Daraa", 14, "12"),
    ("نوى", "Nawa", 5, "12"),
    ("طفس", "Tafas", 4, "12"),
    ("إنخل", "Inkhil", 3, "12"),
    ("دير الزور", "Deir ez-Zor", 10, "08"),
    ("الميادين", "Mayadin", 5, "08"),
    ("البوكمال", "Albu Kamal", 4, "08"),
    ("الرقة", "Raqqa", 8, "09"),
    ("اللاذقية", "Latakia", 8, "07"),
    ("جبلة", "Jableh", 4, "07"),
    ("بانياس", "Baniyas", 5, "10"),
    ("السويداء", "Suwayda", 4, "13"),
    ("القامشلي", "Qamishli", 5, "11"),
    ("التل", "al-Tall", 4, "02"),
]

# customary kunyas given to a man by his first name, before (or instead of) his eldest son's name
CUSTOMARY_KUNYA = {
    "محمد": "أبو جاسم",
    "علي": "أبو حسن",
    "حسين": "أبو علي",
    "حسن": "أبو علي",
    "عمر": "أبو حفص",
    "خالد": "أبو الوليد",
    "إبراهيم": "أبو خليل",
    "يوسف": "أبو يعقوب",
    "مصطفى": "أبو كمال",
    "أحمد": "أبو حميد",
    "سليمان": "أبو داود",
    "صالح": "أبو صلاح",
    "عبد الرحمن": "أبو عبدو",
    "يحيى": "أبو زكريا",
}

# family pet names as relatives write them in a message
NICKNAMES = {
    "محمد": ["حمودة", "محمّد", "ممد"],
    "أحمد": ["حمادة", "أحمدو"],
    "عبد الرحمن": ["عبدو", "عبودة"],
    "عبد الله": ["عبودي", "عبدالله"],
    "إبراهيم": ["برهوم", "ابراهيم"],
    "مصطفى": ["مصطفى", "صطوف"],
    "حسين": ["حسون"],
    "فاطمة": ["فطوم", "فاطمه"],
    "خديجة": ["خدوج"],
    "محمود": ["حمودي"],
    "سليمان": ["سلو"],
    "عبد الكريم": ["كريم"],
    "نور الدين": ["نورو"],
    "زينب": ["زوزو"],
}


def _family_tail() -> list[tuple[str, str, float, str]]:
    """A long tail of rare family names built the way many Syrian ones are: after an ancestor
    (ال + name, أبو + name, حاج + name, الشيخ + name). Each is rare; together they give the
    population the surname diversity a handful of big families alone would not."""
    have = {f[0] for f in FAMILY}
    tail: list[tuple[str, str, float, str]] = []
    for ar, lat, w in MALE:
        forms = [
            ("أبو " + ar, "Abu " + lat),
            ("حاج " + ar, "Hajj " + lat),
            ("الشيخ " + ar, "al-Sheikh " + lat),
        ]
        if " " not in ar:
            forms.insert(0, ("ال" + ar, "al-" + lat))
        for far, flat in forms:
            if far not in have:
                have.add(far)
                tail.append((far, flat, round(0.5 + w / 150, 3), "ancestor"))
    return tail


FAMILY = FAMILY + _family_tail()

_CONS = [
    ("ب", "b"), ("ت", "t"), ("ج", "j"), ("ح", "h"), ("خ", "kh"), ("د", "d"), ("ر", "r"),
    ("ز", "z"), ("س", "s"), ("ش", "sh"), ("ص", "s"), ("ط", "t"), ("ف", "f"), ("ق", "q"),
    ("ك", "k"), ("ل", "l"), ("م", "m"), ("ن", "n"), ("ع", "'"), ("غ", "gh"),
]  # fmt: skip


def _pattern_surnames(n: int = 1500) -> list[tuple[str, str, float, str]]:
    """Rare invented surnames on the usual Arabic patterns (فعّال، فعّول، فعيل، فعلان) from
    random three-letter roots, so that most families are small, as they are in life."""
    import random

    rng = random.Random(15)
    have = {f[0] for f in FAMILY}
    out: list[tuple[str, str, float, str]] = []
    while len(out) < n:
        (a1, l1), (a2, l2), (a3, l3) = (rng.choice(_CONS) for _ in range(3))
        if a1 == a2 or a2 == a3 or "ع" in (a1, a3):
            continue
        t = rng.randrange(4)
        if t == 0:
            ar, lat = a1 + a2 + "ا" + a3, f"{l1}a{l2}{l2}a{l3}"
        elif t == 1:
            ar, lat = a1 + a2 + "و" + a3, f"{l1}a{l2}{l2}ou{l3}"
        elif t == 2:
            ar, lat = a1 + a2 + "ي" + a3, f"{l1}u{l2}ai{l3}"
        else:
            ar, lat = a1 + a2 + a3 + "ان", f"{l1}a{l2}{l3}an"
        lat = lat.replace("''", "'").capitalize()
        if rng.random() < 0.35:
            ar, lat = "ال" + ar, "al-" + lat
        if ar in have:
            continue
        have.add(ar)
        out.append((ar, lat, 1.0, "pattern"))
    return out


FAMILY = FAMILY + _pattern_surnames()
