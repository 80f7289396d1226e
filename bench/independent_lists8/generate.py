"""Independent linkage test set 8: four lists of the missing as other hands write them.

Written blind (see README.md): the generator knows only the list format of the user guide.
Synthetic people only, built from pools of common Syrian given and family names.

    python generate.py --seed 8 --persons 20000 --out DIR

writes DIR/iimp_families.csv, DIR/transfer_records.csv, DIR/amman_ngo.csv,
DIR/asylum_it_es.csv and DIR/truth.csv (list, record_id, person_id).
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------
# Name pools. Phonetic spelling (one symbol per sound) lets each list write
# the same name by its own habits:
#   ' hamza, 3 ain, H ح, x خ, θ ث, ð ذ, š ش, ṣ ص, ḍ ض, ṭ ط, ẓ ظ, g غ,
#   G a Bedouin/Hauran "g" (ق or ك said g), q ق, @ final ta marbuta,
#   ā ī ū long vowels, "3abd al-" opens a compound name.
# Entry: phonetic | Arabic (alternates after /) | weight | western form (optional)
# ---------------------------------------------------------------------------

MALE = """
muHammad|محمد|30
'aHmad|أحمد|16
maHmūd|محمود|8
xālid|خالد|9
3alī|علي|10
Hasan|حسن|7
Husayn|حسين|6
3umar|عمر|7
yūsuf|يوسف|5
'ibrāhīm|إبراهيم|5
3abd al-raHmān|عبد الرحمن/عبدالرحمن|5
3abd allāh|عبد الله/عبدالله|6
3abd al-karīm|عبد الكريم/عبدالكريم|3
3abd al-qādir|عبد القادر/عبدالقادر|3
sāmir|سامر|3
bāsil|باسل|2
walīd|وليد|4
jamāl|جمال|3
šādī|شادي|2
qāsim|قاسم|3
muṣṭafā|مصطفى|5
ṭāriq|طارق|2
fāris|فارس|2
3ammār|عمار|3
māhir|ماهر|2
ziyād|زياد|2
3imād|عماد|2
nizār|نزار|2
hayθam|هيثم|2
gassān|غسان|2
3iṣām|عصام|2
rāmī|رامي|2
sulaymān|سليمان|2
yaHyā|يحيى|2
Hamz@|حمزة|3
3ubayd@|عبيدة|2
3uθmān|عثمان|2
fayṣal|فيصل|2
mūsā|موسى|2
jāsim|جاسم|2
xalaf|خلف|1
Hamad|حمد|1
ṣāliH|صالح|2
muHsin|محسن|1
"""

CHRISTIAN_MALE = """
Hannā|حنا|4|Hanna
buṭrus|بطرس|3|Peter
jibrā'īl|جبرائيل/جبرايل|2|Gabriel
'ilyās|إلياس/الياس|4|Elias
jūrj|جورج|4|George
mīšīl|ميشيل/ميشال|3|Michel
sam3ān|سمعان|2|Simon
naqūlā|نقولا|2|Nicolas
fādī|فادي|3
yūsuf|يوسف|3|Joseph
"""

ARMENIAN_MALE = """
hāgūb|هاغوب/هاكوب/آغوب|3|Hagop
kīfūrk|كيفورك/كيفوريك/غيفورغ|3|Kevork
sarkīs|سركيس|3|Sarkis
'ārā|آرا/ارا|2|Ara
"""

FEMALE = """
fāṭim@|فاطمة|10
xadīj@|خديجة|6
maryam|مريم|5
3ā'iš@|عائشة/عايشة|4
zaynab|زينب|4
rašā|رشا|3
hudā|هدى|3
nūr|نور|3
samar|سمر|3
'amal|أمل|3
'īmān|إيمان|3
sāmiy@|سامية|2
su3ād|سعاد|2
nisrīn|نسرين|3
rīm|ريم|3
gād@|غادة|2
wafā'|وفاء|2
manāl|منال|2
Hanān|حنان|3
'asmā'|أسماء|3
ruqayy@|رقية|2
lamā|لمى|2
"""

CHRISTIAN_FEMALE = """
mārī|ماري|3|Marie
rītā|ريتا|2|Rita
fayrūz|فيروز|2
jānīt|جانيت|2|Janet
maryam|مريم|3|Mary
"""

# Family names: phonetic | Arabic | weight | kind. kind "al" takes the article.
GENERIC = """
Hamwī|الحموي|4|al
Halabī|الحلبي|4|al
šāmī|الشامي|3|al
3alī|العلي|5|al
Hasan|الحسن|4|al
Husayn|الحسين|4|al
xaṭīb|الخطيب|4|al
maṣrī|المصري|3|al
kurdī|الكردي|2|al
3umar|العمر|3|al
'aHmad|الأحمد|3|al
darwīš|درويش|2|
Haddād|حداد|2|
najjār|النجار|3|al
Hamṣī|الحمصي|3|al
sulaymān|سليمان|2|
ṭawīl|الطويل|2|al
3uθmān|عثمان|2|
sayyid|السيد|2|al
qabbānī|قباني|1|
dabbāg|الدباغ|1|al
šayx|الشيخ|1|al
"""

HAURAN = """
zu3bī|الزعبي|6|al
masālm@|المسالمة|4|al
Harīrī|الحريري|5|al
miqdād|المقداد|3|al
rifā3ī|الرفاعي|3|al
abāzayd|أبازيد|3|aba
maHāmīd|المحاميد|3|al
jabāwī|الجباوي|2|al
"""

# Deir ez-Zor: the household's name and, separately, the tribe's.
DEIR_HOUSEHOLD = """
xalaf|الخلف|4|al
Hamad|الحمد|4|al
3abbūd|العبود|3|al
ṣāliH|الصالح|3|al
jāsim|الجاسم|3|al
3alī|العلي|3|al
Husayn|الحسين|3|al
muHammad|المحمد|2|al
"""

DEIR_TRIBE = """
baGGārī|البكاري|3|al
3uGaydī|العكيدي|3|al
šu3ayṭī|الشعيطي|2|al
jubūrī|الجبوري|2|al
"""

PALESTINIAN = """
lūbānī|اللوباني|2|al
ṭīrāwī|الطيراوي|2|al
ṣafadī|الصفدي|3|al
ṣaffūrī|الصفوري|2|al
3awd@|عودة|3|
salām@|سلامة|3|
Hamdān|حمدان|2|
šihābī|الشهابي|2|al
mī3ārī|ميعاري|1|
"""

CHRISTIAN_FAMILY = """
Haddād|حداد|3|
xūrī|خوري/الخوري|3|
ṣalībā|صليبا|2|
qassīs|قسيس|2|
3abd al-masīH|عبد المسيح/عبدالمسيح|2|abd
barṣūm|برصوم|2|
kabrū|كبرو|1|
"""

ARMENIAN_FAMILY = """
'arslāniyān|أرسلانيان/ارسلانيان|2|arm
kīfūrkiyān|كيفوركيان|2|arm
malkūniyān|ملكونيان|2|arm
'ūhāniyān|أوهانيان/اوهانيان|1|arm
"""

DRUZE = """
abū faxr|أبو فخر|3|abu
'aṭraš|الأطرش|2|al
abū 3assāf|أبو عساف|3|abu
Hinnāwī|الحناوي|2|al
šūfī|الشوفي|2|al
"""

COAST = """
Haydar|حيدر|3|
dīb|ديب|3|
'ismā3īl|إسماعيل|2|
xaḍḍūr|خضور|2|
ma3rūf|معروف|2|
"""


@dataclass(frozen=True)
class Name:
    ph: str
    ar: tuple[str, ...]
    weight: int
    extra: str = ""


def _pool(text: str) -> list[Name]:
    out = []
    for line in text.strip().splitlines():
        parts = line.split("|")
        extra = parts[3] if len(parts) > 3 else ""
        out.append(Name(parts[0], tuple(parts[1].split("/")), int(parts[2]), extra))
    return out


MALE_P = _pool(MALE)
FEMALE_P = _pool(FEMALE)
CHR_MALE_P = _pool(CHRISTIAN_MALE)
ARM_MALE_P = _pool(ARMENIAN_MALE)
CHR_FEMALE_P = _pool(CHRISTIAN_FEMALE)
# given names Christian and Muslim families both give their daughters
SHARED_FEMALE_P = [
    n
    for n in FEMALE_P
    if n.ph in {"nūr", "samar", "rīm", "rašā", "Hanān", "su3ād", "'amal", "manāl", "lamā"}
]

# Places: governorate (ar, latin forms) and towns/neighbourhoods (ar, latin forms).
GOV = {
    "daraa": ("درعا", ["Daraa", "Deraa", "Dar'a"]),
    "deir": ("دير الزور", ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "Dayr al-Zawr"]),
    "rifdimashq": ("ريف دمشق", ["Rif Dimashq", "Damascus Countryside", "Rural Damascus"]),
    "damascus": ("دمشق", ["Damascus", "Damasco", "Dimashq"]),
    "aleppo": ("حلب", ["Aleppo", "Halab", "Alepo"]),
    "homs": ("حمص", ["Homs", "Hims"]),
    "hama": ("حماة", ["Hama", "Hamah"]),
    "idlib": ("إدلب", ["Idlib", "Idleb"]),
    "sweida": ("السويداء", ["Sweida", "As-Suwayda", "Suwaida"]),
    "latakia": ("اللاذقية", ["Latakia", "Lattakia", "Lattaquie"]),
    "hasaka": ("الحسكة", ["Hasakah", "Al-Hasakah", "Hassake"]),
}

# region -> list of (governorate key, town ar, town latin forms, neighbourhoods [(ar, latin)])
TOWNS = {
    "hauran": [
        ("daraa", "درعا البلد", ["Daraa al-Balad", "Daraa Al Balad"], []),
        ("daraa", "نوى", ["Nawa", "Nawa"], []),
        ("daraa", "طفس", ["Tafas", "Tafes"], []),
        ("daraa", "الحراك", ["Al-Hirak", "Hrak"], []),
        ("daraa", "إنخل", ["Inkhil", "Inkhel"], []),
        ("daraa", "بصرى الشام", ["Busra al-Sham", "Bosra"], []),
    ],
    "deir": [
        (
            "deir",
            "دير الزور",
            ["Deir ez-Zor", "Deir Ezzor"],
            [("الجورة", "Al-Joura"), ("الحميدية", "Hamidiyeh")],
        ),
        ("deir", "الميادين", ["Al-Mayadin", "Mayadeen"], []),
        ("deir", "البوكمال", ["Al-Bukamal", "Abu Kamal"], []),
        ("deir", "الشحيل", ["Al-Shuhail", "Shheil"], []),
        ("deir", "هجين", ["Hajin", "Hajeen"], []),
        ("deir", "موحسن", ["Mohassan", "Muhasan"], []),
    ],
    "palestinian": [
        (
            "damascus",
            "مخيم اليرموك",
            ["Yarmouk Camp", "Yarmouk", "Al-Yarmuk"],
            [("شارع لوبية", "Loubieh St")],
        ),
        ("rifdimashq", "مخيم خان الشيح", ["Khan al-Sheeh Camp", "Khan Eshieh"], []),
        ("rifdimashq", "مخيم السبينة", ["Sbeineh Camp", "Sbeina"], []),
        ("aleppo", "مخيم النيرب", ["Neirab Camp", "Nairab"], []),
        ("daraa", "مخيم درعا", ["Daraa Camp"], []),
    ],
    "christian": [
        ("damascus", "دمشق", ["Damascus"], [("باب توما", "Bab Touma"), ("القصاع", "Al-Qassaa")]),
        ("homs", "وادي النصارى", ["Wadi al-Nasara", "Wadi al-Nasarah"], []),
        ("hasaka", "القامشلي", ["Qamishli", "Al-Qamishli", "Kamishli"], []),
        ("aleppo", "حلب", ["Aleppo"], [("الميدان", "Al-Midan"), ("السليمانية", "Al-Sulaymaniyah")]),
    ],
    "sweida": [
        ("sweida", "السويداء", ["Sweida", "Suwayda"], []),
        ("sweida", "شهبا", ["Shahba", "Shahbaa"], []),
        ("sweida", "صلخد", ["Salkhad", "Salkhed"], []),
        ("sweida", "القريا", ["Al-Qrayya", "Qurayya"], []),
    ],
    "coast": [
        ("latakia", "جبلة", ["Jableh", "Jablah", "Jebla"], []),
        ("latakia", "بيت ياشوط", ["Beit Yashout", "Bayt Yashut"], []),
        ("latakia", "اللاذقية", ["Latakia"], [("الرمل الجنوبي", "Al-Raml al-Janoubi")]),
    ],
    "generic": [
        ("homs", "حمص", ["Homs"], [("بابا عمرو", "Baba Amr"), ("الخالدية", "Al-Khalidiya")]),
        ("hama", "حماة", ["Hama"], [("الحاضر", "Al-Hader"), ("باب قبلي", "Bab Qibli")]),
        ("rifdimashq", "دوما", ["Douma", "Duma"], []),
        ("rifdimashq", "داريا", ["Darayya", "Daraya"], []),
        ("rifdimashq", "المعضمية", ["Moadamiyeh", "Al-Muadamiya"], []),
        ("aleppo", "حلب", ["Aleppo"], [("الصاخور", "Al-Sakhour"), ("صلاح الدين", "Salah al-Din")]),
        ("idlib", "سراقب", ["Saraqib", "Saraqeb"], []),
        ("idlib", "معرة النعمان", ["Maarat al-Numan", "Maarrat al-Nu'man"], []),
        ("damascus", "دمشق", ["Damascus"], [("الميدان", "Al-Midan"), ("برزة", "Barzeh")]),
    ],
}

REGION_WEIGHTS = {
    "generic": 46,
    "hauran": 16,
    "deir": 12,
    "palestinian": 8,
    "christian": 6,
    "sweida": 4,
    "coast": 4,
}

FAMILY_POOLS = {
    "generic": _pool(GENERIC),
    "hauran": _pool(HAURAN),
    "deir": _pool(DEIR_HOUSEHOLD),
    "palestinian": _pool(PALESTINIAN),
    "christian": _pool(CHRISTIAN_FAMILY) + _pool(ARMENIAN_FAMILY),
    "sweida": _pool(DRUZE),
    "coast": _pool(COAST),
}
TRIBES = _pool(DEIR_TRIBE)

BRANCHES = [
    ("215", "الفرع 215", "فرع سرية المداهمة 215"),
    ("235", "فرع فلسطين", "الفرع 235"),
    ("227", "الفرع 227", "فرع المنطقة"),
    ("251", "الفرع 251", "فرع الخطيب"),
    ("AFI", "المخابرات الجوية - المزة", "فرع الجوية بالمزة"),
]

TITLES_AR = ["الحاج", "المهندس", "د.", "الشيخ", "الأستاذ"]


# ---------------------------------------------------------------------------
# Persons
# ---------------------------------------------------------------------------


@dataclass
class Person:
    pid: str
    region: str
    sex: str
    first: Name
    father: Name
    grandfather: Name
    family: Name
    tribe: Name | None
    husband_family: Name | None
    mother_first: Name
    mother_family: Name
    birth_year: int
    birth_town: tuple
    birth_hood: tuple | None
    arrest_date: tuple[int, int, int]
    arrest_town: tuple
    branch: tuple
    national_id: str
    title: str | None = None
    faith: str = ""
    extras: dict = field(default_factory=dict)


def _pick(rng: random.Random, pool: list[Name]) -> Name:
    return rng.choices(pool, weights=[n.weight for n in pool])[0]


def _given_pool(faith: str, sex: str) -> list[Name]:
    if sex == "F":
        return CHR_FEMALE_P + SHARED_FEMALE_P if faith in ("christian", "armenian") else FEMALE_P
    if faith == "armenian":
        return ARM_MALE_P + CHR_MALE_P
    if faith == "christian":
        return CHR_MALE_P
    return MALE_P


def make_persons(rng: random.Random, n: int) -> list[Person]:
    persons: list[Person] = []
    regions = list(REGION_WEIGHTS)
    # grandfathers already made, per (region, family): lets households be cousins
    lineages: dict[tuple[str, str], list[tuple[Name, Name | None]]] = {}
    while len(persons) < n:
        region = rng.choices(regions, weights=[REGION_WEIGHTS[r] for r in regions])[0]
        family = _pick(rng, FAMILY_POOLS[region])
        faith = ""
        if region == "christian":
            faith = "armenian" if family.extra == "arm" else "christian"
        key = (region, family.ph)
        known = lineages.setdefault(key, [])
        if known and rng.random() < 0.35:
            grandfather, tribe = rng.choice(known)  # cousins: same grandfather
        else:
            grandfather = _pick(rng, _given_pool(faith, "M"))
            tribe = _pick(rng, TRIBES) if region == "deir" else None
            known.append((grandfather, tribe))
        father = _pick(rng, _given_pool(faith, "M"))
        while father.ph == grandfather.ph and rng.random() < 0.9:
            father = _pick(rng, _given_pool(faith, "M"))
        mother_first = _pick(rng, _given_pool(faith, "F"))
        mother_family = (
            _pick(rng, FAMILY_POOLS[region])
            if rng.random() < 0.8
            else _pick(rng, FAMILY_POOLS["generic"])
        )
        home = rng.choice(TOWNS[region])
        hood = rng.choice(home[3]) if home[3] else None
        n_children = rng.choices([1, 2, 3], weights=[62, 28, 10])[0]
        used: set[str] = set()
        base_year = rng.randint(1950, 1994)
        for _ in range(n_children):
            if len(persons) >= n:
                break
            sex = "F" if rng.random() < 0.12 else "M"
            for _try in range(20):
                first = _pick(rng, _given_pool(faith, sex))
                if first.ph not in used:
                    break
            if first.ph in used:
                continue
            used.add(first.ph)
            by = min(1997, base_year + rng.randint(0, 10))
            husband_family = None
            if sex == "F" and by < 1996 and rng.random() < 0.6:
                husband_family = _pick(rng, FAMILY_POOLS[region])
                if husband_family.ph == family.ph:
                    husband_family = _pick(rng, FAMILY_POOLS["generic"])
            ay = rng.choices([2011, 2012, 2013, 2014, 2015, 2016], weights=[14, 30, 24, 14, 10, 8])[
                0
            ]
            arrest_town = (
                home if rng.random() < 0.7 else rng.choice(TOWNS[region] + TOWNS["generic"])
            )
            title = None
            if sex == "M" and by < 1980 and rng.random() < 0.2:
                title = rng.choice(TITLES_AR)
            p = Person(
                pid=f"P{len(persons) + 1:06d}",
                region=region,
                sex=sex,
                first=first,
                father=father,
                grandfather=grandfather,
                family=family,
                tribe=tribe,
                husband_family=husband_family,
                mother_first=mother_first,
                mother_family=mother_family,
                birth_year=by,
                birth_town=home,
                birth_hood=hood,
                arrest_date=(ay, rng.randint(1, 12), rng.randint(1, 28)),
                arrest_town=arrest_town,
                branch=rng.choice(BRANCHES),
                national_id=f"{rng.randint(1, 14):02d}{rng.randint(0, 999999999):09d}",
                title=title,
                faith=faith,
            )
            persons.append(p)
    return persons


# ---------------------------------------------------------------------------
# Latin writing of a phonetic name, by the habits of a hand
# ---------------------------------------------------------------------------

STYLES = {
    # consonant maps; values may be lists (chosen per record)
    "english": {
        "θ": ["th"],
        "j": ["j"],
        "H": ["h"],
        "x": ["kh"],
        "ð": ["dh", "z"],
        "š": ["sh"],
        "ṣ": ["s"],
        "ḍ": ["d"],
        "ṭ": ["t"],
        "ẓ": ["z"],
        "g": ["gh"],
        "G": ["g"],
        "q": ["q", "k"],
        "w": ["w"],
        "y": ["y"],
    },
    "levantine": {
        "θ": ["th", "s"],
        "j": ["j"],
        "H": ["h"],
        "x": ["kh"],
        "ð": ["z", "th"],
        "š": ["sh"],
        "ṣ": ["s"],
        "ḍ": ["d"],
        "ṭ": ["t"],
        "ẓ": ["z"],
        "g": ["gh"],
        "G": ["g"],
        "q": ["k", "q", "'"],
        "w": ["w"],
        "y": ["y"],
    },
    "italian": {
        "θ": ["th", "t"],
        "j": ["gi", "g"],
        "H": ["h"],
        "x": ["kh", "ch"],
        "ð": ["d", "z"],
        "š": ["sc", "sh"],
        "ṣ": ["s"],
        "ḍ": ["d"],
        "ṭ": ["t"],
        "ẓ": ["z"],
        "g": ["gh"],
        "G": ["g"],
        "q": ["c", "q"],
        "w": ["u", "w"],
        "y": ["i", "y"],
    },
    "spanish": {
        "θ": ["z", "th"],
        "j": ["y", "j"],
        "H": ["h"],
        "x": ["j", "kh"],
        "ð": ["d"],
        "š": ["ch", "sh"],
        "ṣ": ["s"],
        "ḍ": ["d"],
        "ṭ": ["t"],
        "ẓ": ["z"],
        "g": ["g", "gh"],
        "G": ["g"],
        "q": ["q", "c", "k"],
        "w": ["u", "w"],
        "y": ["y"],
    },
}

VOWEL_OPTS = {
    # style: (u->o prob, i->e prob, ū forms, ī forms, ay forms, aw forms)
    "english": (0.45, 0.35, ["u", "ou", "oo"], ["i", "ee"], ["ay", "ai", "ei"], ["aw"]),
    "levantine": (0.6, 0.55, ["ou", "u", "oo"], ["i", "ee"], ["ei", "ai", "ay"], ["aw", "ow"]),
    "italian": (0.5, 0.4, ["u"], ["i"], ["ai", "ei"], ["au"]),
    "spanish": (0.45, 0.35, ["u"], ["i"], ["ai", "ei"], ["au"]),
}

CONSONANTS = set("bcdfghjklmnpqrstvwxyzθHðšṣḍṭẓGq'3")
VOWELS = set("aiuāīū")


class Hand:
    """The per-record choices of one writer: fixed for a record, so a name and
    its repetitions (father's name = grandfather's) are written alike."""

    def __init__(self, rng: random.Random, style: str):
        self.rng = rng
        self.style = style
        self.cons = {k: rng.choice(v) for k, v in STYLES[style].items()}
        uo, ie, ul, il, ayl, awl = VOWEL_OPTS[style]
        self.u_o = rng.random() < uo
        self.i_e = rng.random() < ie
        self.long_u = rng.choice(ul)
        self.long_i = rng.choice(il)
        self.ay = rng.choice(ayl)
        self.aw = rng.choice(awl)
        self.double = (
            rng.random()
            < {"english": 0.85, "levantine": 0.8, "italian": 0.9, "spanish": 0.6}[style]
        )
        self.intervocalic_ss = style == "levantine" and rng.random() < 0.5
        self.ta = rng.choice(["eh", "a"]) if style == "levantine" else "a"
        self.article = rng.choices(
            ["Al-", "Al ", "Al", "El-", "", "al-"],
            weights={
                "english": [40, 25, 12, 5, 12, 6],
                "levantine": [30, 20, 10, 20, 15, 5],
                "italian": [25, 25, 10, 15, 25, 0],
                "spanish": [25, 20, 10, 20, 25, 0],
            }[style],
        )[0]
        self.abd = rng.choice(["Abdul", "Abdel ", "Abd al-", "Abdel", "Abdal", "Abd Al "])
        self.abu = rng.choice(["Abu ", "Abou ", "Abu-", "Abu"])

    def word(self, ph: str) -> str:
        out = []
        i = 0
        n = len(ph)
        while i < n:
            c = ph[i]
            nxt = ph[i + 1] if i + 1 < n else ""
            prev = ph[i - 1] if i > 0 else ""
            if c == "@":
                out.append(self.ta if prev not in "āa" else "")
            elif c in "'3":
                if 0 < i < n - 1 and prev in VOWELS and nxt in VOWELS:
                    out.append(
                        "'" if self.style in ("english",) and self.rng.random() < 0.2 else ""
                    )
                # word-initial or final: silent in Latin
            elif c == "a" and nxt == "y" and (i + 2 >= n or ph[i + 2] not in VOWELS):
                out.append(self.ay)
                i += 1
            elif c == "a" and nxt == "w" and (i + 2 >= n or ph[i + 2] not in VOWELS):
                out.append(self.aw)
                i += 1
            elif c == "u":
                out.append("o" if self.u_o else "u")
            elif c == "i":
                out.append("e" if self.i_e and i > 0 else "i")
            elif c == "ā":
                out.append("a")
            elif c == "ī":
                out.append(self.long_i)
            elif c == "ū":
                out.append(self.long_u)
            elif c == nxt and c in CONSONANTS:
                lat = self.latin_cons(c, ph[i + 2] if i + 2 < n else "")
                if len(lat) == 1 and self.double:
                    out.append(lat + lat)
                else:
                    out.append(lat)
                i += 1
            elif c in CONSONANTS:
                lat = self.latin_cons(c, nxt)
                if (
                    lat == "s"
                    and self.intervocalic_ss
                    and prev
                    and nxt
                    and prev in VOWELS
                    and nxt in VOWELS
                ):
                    lat = "ss"
                out.append(lat)
            else:
                out.append(c)
            i += 1
        s = "".join(out)
        return s[:1].upper() + s[1:]

    def latin_cons(self, c: str, nxt: str) -> str:
        lat = self.cons.get(c, c)
        if self.style == "italian":
            front = nxt in ("i", "ī", "e")
            if c == "j":
                lat = "g" if front else "gi"
            elif c == "š" and lat == "sc":
                lat = "sc" if front else "sci"
            elif c in ("q", "k") and lat == "c" and front:
                lat = "ch"
        return lat

    def given(
        self, name: Name, western_rate: float = 0.0, forms: dict[str, str] | None = None
    ) -> str:
        if name.extra and self.rng.random() < western_rate:
            return (forms or {}).get(name.ph, name.extra)
        ph = name.ph
        if ph.startswith("3abd "):
            rest = ph.split(" ", 1)[1]
            rest = rest.removeprefix("al-")
            if rest == "allāh":
                return self.rng.choice(["Abdullah", "Abdallah", "Abd Allah", "Abdulla"])
            r = self.word(rest)
            if self.abd.endswith(("-", " ")):
                return self.abd + r
            return self.abd + r.lower()
        return self.word(ph)

    def family(self, name: Name) -> str:
        ph = name.ph
        if name.extra == "abu" or ph.startswith("abū "):
            rest = self.word(ph.split(" ", 1)[1])
            if self.abu == "Abu":
                return "Abu" + rest.lower()
            return self.abu + rest
        if name.extra == "aba":
            return self.rng.choice(["Abazeed", "Abazid", "Aba Zaid", "Abu Zeid", "Abazaid"])
        if name.extra == "abd":
            return self.given(name)
        if name.extra == "arm":
            w = self.word(ph.replace("iyān", "yān") if self.rng.random() < 0.3 else ph)
            return w.replace("Kif", "Kev").replace("Kīf", "Kev")
        w = self.word(ph)
        if name.extra == "al":
            if self.article.endswith(("-", " ")):
                return self.article + w
            return self.article + w.lower() if self.article else w
        return w


# ---------------------------------------------------------------------------
# Arabic writing of a name, by the habits of a hand
# ---------------------------------------------------------------------------

# A typist reading a handwritten list confuses letters that differ by their dots
# (a letter without its dots is read as another real letter, not as a dotless glyph).
MISREAD = {
    "ب": "ت",
    "ت": "ب",
    "ث": "ت",
    "ن": "ب",
    "ي": "ب",
    "ج": "ح",
    "خ": "ح",
    "ح": "ج",
    "ش": "س",
    "س": "ش",
    "ز": "ر",
    "ر": "ز",
    "ذ": "د",
    "د": "ذ",
    "ض": "ص",
    "ظ": "ط",
    "غ": "ع",
    "ق": "ف",
    "ف": "ق",
}


class ArHand:
    def __init__(
        self, rng: random.Random, hamza_drop: float, ta_h: float, dotless: float, fuse: float
    ):
        self.rng = rng
        self.hamza = rng.random() < hamza_drop
        self.ta_h = rng.random() < ta_h
        self.dotless = dotless
        self.fuse = rng.random() < fuse
        self.ya = rng.random() < ta_h
        self.misread = 0

    def write(self, name: Name, drop_article: bool = False) -> str:
        s = self.rng.choice(name.ar) if len(name.ar) > 1 and self.rng.random() < 0.5 else name.ar[0]
        if name.extra == "abu" and self.fuse:
            s = s.replace("أبو ", "أبو")
        if name.extra == "aba" and self.rng.random() < 0.3:
            s = self.rng.choice(["أبا زيد", "أبو زيد"])
        if drop_article and s.startswith("ال") and name.extra == "al":
            s = s[2:]
        if self.hamza:
            s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ئ", "ي")
        if self.ta_h and s.endswith("ة"):
            s = s[:-1] + "ه"
        if self.ya and s.endswith("ي") and self.rng.random() < 0.5:
            s = s[:-1] + "ى"
        if self.dotless and self.rng.random() < self.dotless:
            idx = [k for k, ch in enumerate(s) if ch in MISREAD]
            if idx:
                k = self.rng.choice(idx)
                s = s[:k] + MISREAD[s[k]] + s[k + 1 :]
                self.misread += 1
        return s


AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# ---------------------------------------------------------------------------
# The four lists
# ---------------------------------------------------------------------------

LISTS = ["iimp_families", "transfer_records", "amman_ngo", "asylum_it_es"]

# Share of documented persons each list holds, by region (a list's reach).
REACH = {
    "iimp_families": {"default": 0.36},
    "transfer_records": {"default": 0.30, "sweida": 0.2},
    "amman_ngo": {"default": 0.14, "hauran": 0.42, "palestinian": 0.40, "deir": 0.16},
    "asylum_it_es": {"default": 0.12, "christian": 0.30, "palestinian": 0.22, "coast": 0.08},
}
DUP_RATE = {
    "iimp_families": 0.06,
    "transfer_records": 0.07,
    "amman_ngo": 0.04,
    "asylum_it_es": 0.02,
}
DOCUMENTED = 0.24

HEAD_AR = [
    "رقم السجل",
    "الاسم",
    "اسم الأب",
    "اسم الجد",
    "الكنية",
    "اسم الأم",
    "الجنس",
    "سنة الولادة",
    "العمر",
    "مكان الولادة",
    "الرقم الوطني",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
]
HEAD_TRANSFER = [
    "رقم السجل",
    "الاسم الكامل",
    "اسم الأم",
    "الجنس",
    "سنة الولادة",
    "مكان الولادة",
    "الرقم الوطني",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
]
HEAD_NGO = [
    "record_id",
    "first_name",
    "father_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
]
HEAD_ASYLUM = [
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "family_name",
    "sex",
    "birth_year",
    "birth_place",
    "date_of_arrest",
]


def _family_for(p: Person, rng: random.Random, tribe_rate: float, husband_rate: float) -> Name:
    if p.husband_family is not None and rng.random() < husband_rate:
        return p.husband_family
    if p.tribe is not None and rng.random() < tribe_rate:
        return p.tribe
    return p.family


def _year(p: Person, rng: random.Random, off_rate: float) -> int:
    if rng.random() < off_rate:
        return p.birth_year + rng.choice([-2, -1, -1, 1, 1, 2])
    return p.birth_year


def _place_ar(p: Person, rng: random.Random, levels: list[int], town: tuple | None = None) -> str:
    town = town or p.birth_town
    level = rng.choices(["gov", "town", "hood"], weights=levels)[0]
    hood = p.birth_hood if town is p.birth_town else None
    if level == "gov":
        return GOV[town[0]][0]
    if level == "hood" and hood:
        return rng.choice([hood[0], f"{town[1]} - {hood[0]}"])
    return town[1]


EUROPEAN = {"Damasco", "Alepo", "Lattaquie"}  # written by the European offices only


def _place_lat(
    p: Person,
    rng: random.Random,
    levels: list[int],
    town: tuple | None = None,
    european: bool = False,
) -> str:
    town = town or p.birth_town
    level = rng.choices(["gov", "town", "hood"], weights=levels)[0]
    hood = p.birth_hood if town is p.birth_town else None
    if level == "gov":
        return rng.choice([x for x in GOV[town[0]][1] if european or x not in EUROPEAN])
    if level == "hood" and hood:
        return rng.choice([hood[1], f"{hood[1]}, {town[2][0]}"])
    return rng.choice(town[2])


def _nid(p: Person, rng: random.Random, err: float, short: float) -> str:
    s = p.national_id
    r = rng.random()
    if r < err:
        k = rng.randrange(len(s))
        s = s[:k] + rng.choice([d for d in "0123456789" if d != s[k]]) + s[k + 1 :]
    elif r < err + short:
        k = rng.randrange(len(s))
        s = s[:k] + s[k + 1 :]
    return s


def row_families(p: Person, rng: random.Random, rid: str, form: dict) -> list[str]:
    h = ArHand(rng, hamza_drop=0.3, ta_h=0.15, dotless=0.0, fuse=0.3)
    first = h.write(p.first)
    if p.title and rng.random() < 0.35:
        first = f"{p.title} {first}"
        form["title"] += 1
    gf = h.write(p.grandfather) if rng.random() < 0.72 else ""
    fam = _family_for(p, rng, tribe_rate=0.25, husband_rate=0.45)
    form["husband_family"] += fam is p.husband_family and p.husband_family is not None
    form["tribe"] += fam is p.tribe and p.tribe is not None
    mother = ""
    if rng.random() < 0.85:
        mother = h.write(p.mother_first)
        if rng.random() < 0.6:
            mother += " " + h.write(p.mother_family)
    year, age = "", ""
    r = rng.random()
    if r < 0.7:
        year = str(_year(p, rng, 0.12))
    elif r < 0.88:
        a = p.arrest_date[0] - p.birth_year
        if rng.random() < 0.3:  # age given today, not at arrest
            a += rng.randint(5, 12)
            form["age_late"] += 1
        age = rng.choice([str(a), f"{a} سنة"])
        form["age"] += 1
    d = p.arrest_date
    date = rng.choices(
        [f"{d[2]:02d}/{d[1]:02d}/{d[0]}", f"{d[0]}-{d[1]:02d}", str(d[0]), ""],
        weights=[50, 15, 20, 15],
    )[0]
    return [
        rid,
        first,
        h.write(p.father),
        gf,
        h.write(fam),
        mother,
        "ذكر" if p.sex == "M" else "أنثى",
        year,
        age,
        _place_ar(p, rng, [20, 50, 30]),
        _nid(p, rng, 0.03, 0.02) if rng.random() < 0.25 else "",
        date,
        _place_ar(p, rng, [15, 70, 15], p.arrest_town)
        if rng.random() < 0.8
        else rng.choice(["", "من المنزل"]),
    ]


def row_transfer(p: Person, rng: random.Random, rid: str, form: dict) -> list[str]:
    h = ArHand(rng, hamza_drop=0.75, ta_h=0.3, dotless=0.04, fuse=0.6)
    fam_n = _family_for(p, rng, tribe_rate=0.5, husband_rate=0.0)
    form["tribe"] += fam_n is p.tribe and p.tribe is not None
    first, father, fam = h.write(p.first), h.write(p.father), h.write(fam_n)
    link = "بنت" if p.sex == "F" else rng.choice(["ابن", "ابن", "بن"])
    order = rng.choices(["ibn", "plain", "fam_first", "four"], weights=[40, 30, 18, 12])[0]
    form[order] += 1
    if order == "ibn":
        full = f"{first} {link} {father} {fam}"
    elif order == "plain":
        full = f"{first} {father} {fam}"
    elif order == "fam_first":
        full = f"{fam} {first} {link} {father}" if rng.random() < 0.5 else f"{fam} {first} {father}"
    else:
        full = f"{first} {father} {h.write(p.grandfather)} {fam}"
    if rng.random() < 0.1:
        full = "الموقوف " + full
        form["prefix_word"] += 1
    mother = ""
    if rng.random() < 0.55:
        mother = h.write(p.mother_first)
        mother = rng.choice(
            [mother, f"والدته {mother}" if p.sex == "M" else f"والدتها {mother}", f"امه {mother}"]
        )
    year = str(_year(p, rng, 0.1)) if rng.random() < 0.85 else ""
    if year and rng.random() < 0.5:
        year = year.translate(AR_DIGITS)
        form["indic_digits"] += 1
    d = p.arrest_date
    date = ""
    if rng.random() < 0.6:
        date = f"{d[2]}/{d[1]}/{d[0]}"
        if rng.random() < 0.4:
            date = date.translate(AR_DIGITS)
    place = p.branch[1] if rng.random() < 0.5 else _place_ar(p, rng, [40, 50, 10], p.arrest_town)
    form["misread_letter"] += h.misread > 0
    return [
        rid,
        full,
        mother,
        "ذكر" if p.sex == "M" else "أنثى",
        year,
        _place_ar(p, rng, [55, 40, 5]),
        _nid(p, rng, 0.08, 0.03) if rng.random() < 0.45 else "",
        date,
        place,
    ]


# How a Lebanese or Jordanian office writes Christian names (French tradition), where a
# European office writes the western form of the Name entry.
LEVANT_FORMS = {
    "buṭrus": "Boutros",
    "jibrā'īl": "Gebrayel",
    "jūrj": "Georges",
    "sam3ān": "Semaan",
    "yūsuf": "Youssef",
    "mārī": "Marie",
    "maryam": "Mariam",
}


def row_ngo(p: Person, rng: random.Random, rid: str, form: dict) -> list[str]:
    h = Hand(rng, "levantine" if rng.random() < 0.7 else "english")
    western = 0.35 if p.faith else 0.0

    def given(n: Name) -> str:
        return h.given(n, western, LEVANT_FORMS)

    fam_n = _family_for(p, rng, tribe_rate=0.35, husband_rate=0.6)
    form["husband_family"] += fam_n is p.husband_family and p.husband_family is not None
    form["tribe"] += fam_n is p.tribe and p.tribe is not None
    mother = ""
    if rng.random() < 0.6:
        mother = given(p.mother_first)
        if rng.random() < 0.3:
            mother += " " + h.family(p.mother_family)
    d = p.arrest_date
    date = ""
    if rng.random() < 0.75:
        if rng.random() < 0.25:  # typed in a US-locale spreadsheet: month first
            date = f"{d[1]}/{d[2]}/{d[0]}"
            form["month_first"] += 1
        else:
            date = f"{d[2]:02d}/{d[1]:02d}/{d[0]}"
    nid = ""
    if rng.random() < 0.2:
        nid = _nid(p, rng, 0.03, 0.03)
    first = given(p.first)
    if p.title in ("د.", "المهندس") and rng.random() < 0.4:
        first = ("Dr. " if p.title == "د." else "Eng. ") + first
        form["title"] += 1
    return [
        rid,
        first,
        given(p.father) if rng.random() < 0.9 else "",
        h.family(fam_n),
        mother,
        rng.choice(["M", "Male"]) if p.sex == "M" else rng.choice(["F", "Female"]),
        str(_year(p, rng, 0.15)) if rng.random() < 0.8 else "",
        _place_lat(p, rng, [30, 55, 15]),
        nid,
        date,
        _place_lat(p, rng, [25, 65, 10], p.arrest_town) if rng.random() < 0.7 else "",
    ]


def _mrz(s: str) -> str:
    s = s.upper().replace("'", "").replace("-", "<").replace(" ", "<")
    return s


def row_asylum(p: Person, rng: random.Random, rid: str, form: dict) -> list[str]:
    style = rng.choices(["italian", "spanish", "english"], weights=[40, 30, 30])[0]
    form[style] += 1
    h = Hand(rng, style)
    western = 0.5 if p.faith else 0.0
    fam_n = _family_for(p, rng, tribe_rate=0.2, husband_rate=0.7)
    form["husband_family"] += fam_n is p.husband_family and p.husband_family is not None
    first, father, fam = h.given(p.first, western), h.given(p.father, western), h.family(fam_n)
    if p.first.ph == "muHammad" and rng.random() < 0.2:  # as Syrian civil papers abbreviate it
        first = rng.choice(["Mhd", "MHD", "Moh."])
        form["mhd"] += 1
    full, f1, f2, f3 = "", first, father if rng.random() < 0.6 else "", fam.upper()
    r = rng.random()
    if r < 0.3:
        form["mrz"] += 1
        fam_m = _mrz(fam)
        if rng.random() < 0.5:
            fam_m = fam_m.replace("<", "")
        given = _mrz(first)
        if f2 and rng.random() < 0.6:
            given += "<" + _mrz(father)
        full, f1, f2, f3 = f"{fam_m}<<{given}", "", "", ""
        if rng.random() < 0.3:  # the name field as a passport reader exports it, padded to 39
            full = full.ljust(39, "<")
            form["mrz_padded"] += 1
    elif r < 0.45:
        form["upper_full"] += 1
        full = (
            f"{fam.upper()} {first} {father}".strip()
            if rng.random() < 0.6
            else f"{first} {fam.upper()}"
        )
        f1, f2, f3 = "", "", ""
    by = p.birth_year
    birth = str(by)
    if rng.random() < 0.1:  # year declared by a relative, often approximate
        birth = str(_year(p, rng, 1.0))
    if rng.random() < 0.1:
        birth = ""
    d = p.arrest_date
    date = rng.choices([f"{d[2]:02d}/{d[1]:02d}/{d[0]}", str(d[0]), ""], weights=[40, 35, 25])[0]
    return [
        rid,
        full,
        f1,
        f2,
        f3,
        "M" if p.sex == "M" else "F",
        birth,
        _place_lat(p, rng, [45, 50, 5], european=True) if rng.random() < 0.7 else "",
        date,
    ]


ROWS = {
    "iimp_families": (HEAD_AR, row_families),
    "transfer_records": (HEAD_TRANSFER, row_transfer),
    "amman_ngo": (HEAD_NGO, row_ngo),
    "asylum_it_es": (HEAD_ASYLUM, row_asylum),
}


def _record_ids(rng: random.Random, name: str, n: int, persons: list[Person]) -> list[str]:
    if name == "transfer_records":
        # military-style numbering: branch / year / serial of the transfer batch
        ids, seen = [], set()
        for k, p in enumerate(persons):
            rid = f"{p.branch[0]}/{p.arrest_date[0]}/{k + 1:05d}"
            while rid in seen:
                rid += "a"
            seen.add(rid)
            ids.append(rid)
        return ids
    prefix = {"iimp_families": "F", "amman_ngo": "AMN-", "asylum_it_es": "ES-IT-"}[name]
    nums = rng.sample(range(10000, 10000 + 20 * n + 100), n)
    return [f"{prefix}{x}" for x in nums]


def generate(
    seed: int, n_persons: int
) -> tuple[dict[str, list[list[str]]], list[tuple[str, str, str]], dict]:
    rng = random.Random(seed)
    persons = make_persons(rng, n_persons)
    out: dict[str, list[list[str]]] = {}
    truth: list[tuple[str, str, str]] = []
    forms: dict[str, dict] = {}
    documented = [p for p in persons if rng.random() < DOCUMENTED]
    for name in LISTS:
        head, fn = ROWS[name]
        lrng = random.Random(f"{seed}-{name}")
        reach = REACH[name]
        members: list[Person] = []
        for p in documented:
            if lrng.random() < reach.get(p.region, reach["default"]):
                members.append(p)
                if lrng.random() < DUP_RATE[name]:
                    members.append(p)
        lrng.shuffle(members)
        ids = _record_ids(lrng, name, len(members), members)
        form: dict[str, int] = {}

        class Counter(dict):
            def __missing__(self, key):
                return 0

        form = Counter()
        rows = []
        for rid, p in zip(ids, members, strict=True):
            rows.append(fn(p, lrng, rid, form))
            truth.append((name, rid, p.pid))
        form["records"] = len(rows)
        form["women"] = sum(p.sex == "F" for p in members)
        form["women_married"] = sum(p.husband_family is not None for p in members)
        form["deir"] = sum(p.tribe is not None for p in members)
        form["titled"] = sum(p.title is not None for p in members)
        form["duplicates"] = len(members) - len({p.pid for p in members})
        out[name] = [head, *rows]
        forms[name] = dict(form)
    return out, truth, forms


def write(
    out_dir: Path, lists: dict[str, list[list[str]]], truth: list[tuple[str, str, str]]
) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, rows in lists.items():
        with (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    with (out_dir / "truth.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--stats", action="store_true", help="print the count of each form per list")
    a = ap.parse_args()
    lists, truth, forms = generate(a.seed, a.persons)
    write(a.out, lists, truth)
    for name in LISTS:
        print(f"{name}: {len(lists[name]) - 1} records")
        if a.stats:
            for k, v in sorted(forms[name].items()):
                print(f"    {k}: {v}")
    print(f"truth: {len(truth)} records")


if __name__ == "__main__":
    main()
