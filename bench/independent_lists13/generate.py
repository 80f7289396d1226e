"""Independent linkage test set 13: four synthetic lists of the missing, with ground truth.

Written blind (see README.md): only issue 15, the `mizan link` section of the user guide and
the organisation's description were read. Python 3.11 standard library only.

    python3 generate.py --seed 13 --persons 20000 --out DIR [--stats]

Writes resettlement_na.csv, gr_asylum.csv, htr_ledger.csv, voice_stt.csv, truth.csv and
persons.csv. Same seed, same bytes (no set or hash order is ever used).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

LISTS = ("resettlement_na", "gr_asylum", "htr_ledger", "voice_stt")

# Nominal share of each list's records that show a form (checked by selftest.py).
EXPECTED = {
    "resettlement_na": dict(
        middle_two_names=0.22,
        father_missing=0.12,
        middle_initial=0.06,
        upper_family=0.20,
        first_last_swapped=0.05,
        mother_first=0.45,
        mother_full=0.20,
        birth_us_date=0.30,
        birth_jan1=0.22,
        birth_missing=0.15,
        year_off=0.07,
        arrest_us_date=0.25,
        typing_slip=0.035,
    ),
    "gr_asylum": dict(
        greek_roundtrip=0.62,
        father_missing=0.07,
        father_agnosto=0.015,
        mother_first=0.80,
        greek_letters=0.02,
        birth_jan1=0.30,
        birth_missing=0.10,
        year_off=0.06,
        typing_slip=0.03,
    ),
    "htr_ledger": dict(
        grandfather_missing=0.45,
        father_missing=0.06,
        mother_full=0.25,
        indic_digits=0.60,
        nid=0.30,
        birth_missing=0.20,
        dot_confusion=0.35,
        year_digit_misread=0.04,
        first_father_glued=0.04,
        year_off=0.06,
    ),
    "voice_stt": dict(
        first_family=0.38,
        first_father_family=0.37,
        four_parts=0.10,
        son_of=0.07,
        min_beit=0.08,
        stt_sound=0.15,
        hamza_dropped=0.20,
        lead_word=0.30,
        mother_first=0.35,
        age=0.55,
    ),
}

# ----------------------------------------------------------------------------- names
# Arabic name : English spellings (the first is the commonest) : weight
MALE = """
محمد:Mohammad|Mohamad|Mohammed|Muhammad|Mohamed:60
أحمد:Ahmad|Ahmed:30
خالد:Khaled|Khalid:14
محمود:Mahmoud|Mahmud|Mahmood:12
علي:Ali:12
عمر:Omar|Umar:10
حسن:Hasan|Hassan:9
حسين:Hussein|Husein|Hussain|Hossein:9
عبد الله:Abdullah|Abdallah|Abdulla:9
عبد الرحمن:Abdulrahman|Abdul Rahman|Abdel Rahman|Abdurrahman:7
عبد الكريم:Abdulkarim|Abdul Karim|Abdel Karim:5
عبد القادر:Abdulkader|Abdul Qader|Abdel Kader:5
يوسف:Yousef|Yusuf|Youssef|Yousif:7
إبراهيم:Ibrahim|Ebrahim:7
مصطفى:Mustafa|Moustafa|Mostafa:6
أسامة:Osama|Usama|Oussama:4
سامر:Samer:4
باسل:Basel|Basil:4
بشار:Bashar:3
ماهر:Maher:4
مازن:Mazen:4
وليد:Walid|Waleed:5
فراس:Firas|Feras:4
عمار:Ammar:5
ياسر:Yaser|Yasser:5
جمال:Jamal|Gamal:4
شادي:Shadi|Chadi:3
رامي:Rami:4
طارق:Tarek|Tariq|Tarik:4
زياد:Ziad|Ziyad:4
نزار:Nizar|Nezar:3
غسان:Ghassan:3
منذر:Munther|Monther|Mundhir:2
ثائر:Thaer|Thair:2
قاسم:Qasem|Kasem|Qasim:3
صالح:Saleh|Salih:4
فادي:Fadi:4
هشام:Hisham|Hesham:3
أيمن:Ayman|Aiman:4
عماد:Imad|Emad:4
عدنان:Adnan:3
سليمان:Suleiman|Sulaiman|Soliman:3
يحيى:Yahya|Yehia:3
زكريا:Zakaria|Zakariya:2
معاذ:Muath|Moaz|Muadh:2
حمزة:Hamza|Hamzah:4
أنس:Anas:3
بلال:Bilal|Belal:3
مهند:Muhannad|Mohannad:3
نور الدين:Nour Aldin|Noureddine|Nour El Din:2
عبد الرزاق:Abdulrazzaq|Abdul Razzak:2
فيصل:Faisal|Faysal:2
رياض:Riad|Riyad:2
كنان:Kinan|Kenan:2
صبحي:Subhi|Sobhi:2
دياب:Diab|Dyab:1
ضياء:Diaa|Dia:2
ظافر:Zafer|Dhafer:1
غياث:Ghiath|Ghiyath:2
""".strip()

FEMALE = """
فاطمة:Fatima|Fatma|Fatimah:20
مريم:Mariam|Maryam|Miriam:10
خديجة:Khadija|Khadijah:8
عائشة:Aisha|Aysha|Aicha:7
زينب:Zainab|Zeinab|Zaynab:6
آمنة:Amina|Amna|Aminah:6
نور:Nour|Noor|Nur:7
هدى:Huda|Houda|Hoda:5
رنا:Rana:5
سعاد:Suad|Souad:4
منى:Muna|Mona|Mouna:5
رحاب:Rehab|Rihab:3
سمر:Samar:4
لينا:Lina:4
ريم:Reem|Rim:5
أمل:Amal:5
وفاء:Wafaa|Wafa:4
هبة:Heba|Hiba:4
رغد:Raghad:3
دعاء:Doaa|Duaa:3
سلمى:Salma:4
نسرين:Nisreen|Nesrine:3
غادة:Ghada:3
شيماء:Shaimaa|Shayma:2
ياسمين:Yasmin|Yasmine:3
حنان:Hanan:4
جميلة:Jamila|Jameela:3
ظريفة:Zarifa:1
""".strip()

CHRISTIAN_MALE = """
جورج:George|Georges:6
إلياس:Elias|Elyas:6
حنا:Hanna|Hanna:5
ميشيل:Michel|Michael:4
يوسف:Yousef|Youssef|Yusuf:4
جوزيف:Joseph:3
نقولا:Nicola|Nicolas:3
سمعان:Simon|Sami:2
فادي:Fadi:3
رامي:Rami:3
""".strip()

CHRISTIAN_FEMALE = """
ماري:Marie|Mary:6
ريتا:Rita:4
جورجيت:Georgette:3
سعاد:Suad|Souad:3
هيلانة:Helena|Hilana:2
نهى:Nuha|Noha:3
""".strip()

# Pet names and forms heard in speech: Arabic given name -> spoken form.
PET = {
    "محمد": "حمودة",
    "إبراهيم": "برهوم",
    "فاطمة": "فطوم",
    "علي": "علوش",
    "عبد الرحمن": "عبود",
    "يوسف": "جوسف",
    "خديجة": "خدوج",
    "مصطفى": "مصطفى",
}

# Region: towns (Arabic, English), family names (Arabic, English stem), refugee share.
REGIONS = {
    "damascus": dict(
        towns=[
            ("دمشق", "Damascus"),
            ("دوما", "Douma"),
            ("داريا", "Darayya"),
            ("المعضمية", "Moadamiya"),
            ("حرستا", "Harasta"),
            ("التل", "Al-Tall"),
            ("الزبداني", "Zabadani"),
            ("يبرود", "Yabroud"),
        ],
        families="الشامي:Shami|الدوماني:Doumani|الخولاني:Khawlani|الطباع:Tabbaa|الحلاق:Hallaq|"
        "البيطار:Bitar|القباني:Qabbani|الدقر:Daqqar|الحكيم:Hakim|النحاس:Nahhas|الشربجي:Sharbaji|"
        "الغبرة:Ghabra|الزعتري:Zaatari|عيون:Ayoun|الخطيب:Khatib",
        share=dict(resettlement_na=1.0, gr_asylum=0.8, htr_ledger=0.55, voice_stt=1.0),
    ),
    "homs": dict(
        towns=[
            ("حمص", "Homs"),
            ("الرستن", "Rastan"),
            ("تلبيسة", "Talbiseh"),
            ("القصير", "Qusayr"),
            ("الحولة", "Houla"),
            ("تلكلخ", "Talkalakh"),
        ],
        families="الحمصي:Homsi|الأتاسي:Atassi|السباعي:Sibai|الدروبي:Droubi|الجندلي:Jandali|"
        "الزهراوي:Zahrawi|طلاس:Tlass|عبد الحي:Abdulhay|الفاخوري:Fakhouri|الرفاعي:Rifai|"
        "العمر:Omar|الضاهر:Daher",
        share=dict(resettlement_na=1.1, gr_asylum=0.9, htr_ledger=0.55, voice_stt=1.0),
    ),
    "hama": dict(
        towns=[
            ("حماة", "Hama"),
            ("السلمية", "Salamiyah"),
            ("كفرزيتا", "Kafr Zita"),
            ("مورك", "Morek"),
            ("صوران", "Souran"),
        ],
        families="الحموي:Hamwi|الكيلاني:Kilani|العظم:Azm|البرازي:Barazi|الشيشكلي:Shishakli|"
        "الدالاتي:Dalati|الصمصام:Samsam|الحصني:Hosni|النعسان:Naasan|قطرميز:Qatarmiz",
        share=dict(resettlement_na=0.8, gr_asylum=1.0, htr_ledger=0.04, voice_stt=0.9),
    ),
    "aleppo": dict(
        towns=[
            ("حلب", "Aleppo"),
            ("منبج", "Manbij"),
            ("الباب", "Al-Bab"),
            ("إعزاز", "Azaz"),
            ("عندان", "Anadan"),
            ("حريتان", "Hraytan"),
        ],
        families="الحلبي:Halabi|الجابري:Jabiri|الكردي:Kurdi|القدسي:Qudsi|الشهابي:Shehabi|"
        "حمدو:Hamdo|عكام:Akkam|البيانوني:Bayanouni|الأورفلي:Orfali|الزير:Zeer|قاسو:Qasso|"
        "بكور:Bakkour",
        share=dict(resettlement_na=0.8, gr_asylum=1.3, htr_ledger=0.04, voice_stt=1.0),
    ),
    "idlib": dict(
        towns=[
            ("إدلب", "Idlib"),
            ("معرة النعمان", "Maarat al-Numan"),
            ("سراقب", "Saraqib"),
            ("جسر الشغور", "Jisr al-Shughur"),
            ("بنش", "Binnish"),
            ("كفرنبل", "Kafranbel"),
        ],
        families="الإدلبي:Idlibi|الشيخ:Sheikh|الحسين:Hussein|اليوسف:Yousef|الصطوف:Sattouf|"
        "العبسي:Absi|القاسم:Qasem|الرحمون:Rahmoun|البكور:Bakkour|السيد علي:Sayed Ali|"
        "الخليل:Khalil",
        share=dict(resettlement_na=0.6, gr_asylum=1.4, htr_ledger=0.04, voice_stt=1.1),
    ),
    "hauran": dict(
        towns=[
            ("درعا", "Daraa"),
            ("نوى", "Nawa"),
            ("الصنمين", "Al-Sanamayn"),
            ("طفس", "Tafas"),
            ("جاسم", "Jasim"),
            ("بصرى الشام", "Busra al-Sham"),
            ("إنخل", "Inkhil"),
        ],
        families="الزعبي:Zoubi|المسالمة:Masalmeh|الحريري:Hariri|المقداد:Miqdad|أبازيد:Abazeid|"
        "الرفاعي:Rifai|الجهماني:Jahmani|الحوراني:Hourani|القداح:Qaddah|العودات:Awdat|"
        "الغزالي:Ghazali",
        share=dict(resettlement_na=1.2, gr_asylum=0.6, htr_ledger=0.55, voice_stt=1.0),
    ),
    "deir": dict(
        towns=[
            ("دير الزور", "Deir ez-Zor"),
            ("الميادين", "Mayadin"),
            ("البوكمال", "Abu Kamal"),
            ("الرقة", "Raqqa"),
            ("الحسكة", "Hasakah"),
            ("الشحيل", "Shuhail"),
        ],
        families="العكيدي:Ogaidi|البكاري:Bakkari|الدليمي:Dulaimi|الفرحان:Farhan|الخلف:Khalaf|"
        "الحمود:Hammoud|العبيد:Obaid|الجاسم:Jassem|النعيمي:Nuaimi|الشمري:Shammari",
        share=dict(resettlement_na=0.7, gr_asylum=1.3, htr_ledger=0.04, voice_stt=0.9),
    ),
    "coast": dict(
        towns=[
            ("اللاذقية", "Latakia"),
            ("جبلة", "Jableh"),
            ("بانياس", "Baniyas"),
            ("الحفة", "Haffa"),
            ("طرطوس", "Tartus"),
        ],
        families="اللاذقاني:Ladhkani|الجبلاوي:Jablawi|الشريتح:Shraitah|هارون:Haroun|"
        "بيضون:Baydoun|الحسامي:Hosami|نجار:Najjar|صوفان:Soufan",
        share=dict(resettlement_na=0.5, gr_asylum=0.6, htr_ledger=0.04, voice_stt=0.7),
    ),
    "christian": dict(
        towns=[
            ("دمشق", "Damascus"),
            ("حمص", "Homs"),
            ("حلب", "Aleppo"),
            ("وادي النصارى", "Wadi al-Nasara"),
            ("صيدنايا", "Saydnaya"),
        ],
        families="حداد:Haddad|عطية:Atiyeh|خوري:Khoury|نصر:Nasr|صباغ:Sabbagh|شاهين:Shahin|"
        "غزال:Ghazal|عيسى:Issa|بطرس:Boutros",
        share=dict(resettlement_na=1.6, gr_asylum=0.4, htr_ledger=0.1, voice_stt=0.6),
    ),
}
REGION_WEIGHT = dict(
    damascus=22, homs=14, hama=10, aleppo=18, idlib=10, hauran=10, deir=8, coast=5, christian=3
)
COUNTRY_FAMILIES = (
    "المصري:Masri|العلي:Ali|الأحمد:Ahmad|المحمد:Mohammad|الحسن:Hasan|"
    "الصالح:Saleh|العبد الله:Abdullah|الإبراهيم:Ibrahim|الخطيب:Khatib|الشيخ:Sheikh"
)
GOV_CODE = dict(
    damascus="01",
    aleppo="02",
    homs="04",
    hama="05",
    coast="06",
    idlib="07",
    deir="09",
    hauran="12",
    christian="03",
)
ARREST_YEARS = [(2011, 10), (2012, 30), (2013, 25), (2014, 13), (2015, 10), (2016, 7), (2017, 5)]
BRANCHES = [
    ("الفرع 215", "Branch 215"),
    ("الفرع 227", "Branch 227"),
    ("فرع فلسطين", "Palestine Branch"),
    ("المخابرات الجوية", "Air Force Intelligence"),
    ("سجن صيدنايا", "Saydnaya prison"),
]


def parse_names(text: str) -> tuple[list[str], list[int], dict[str, list[str]]]:
    names, weights, spell = [], [], {}
    for line in text.splitlines():
        ar, en, w = line.split(":")
        names.append(ar)
        weights.append(int(w))
        spell[ar] = en.split("|")
    return names, weights, spell


def parse_families(text: str) -> list[tuple[str, str]]:
    out = []
    for item in text.split("|"):
        ar, en = item.split(":")
        out.append((ar, en))
    return out


M_NAMES, M_W, SPELL = parse_names(MALE)
F_NAMES, F_W, _sp = parse_names(FEMALE)
SPELL.update(_sp)
CM_NAMES, CM_W, _sp = parse_names(CHRISTIAN_MALE)
SPELL.update({k: v for k, v in _sp.items() if k not in SPELL})
CF_NAMES, CF_W, _sp = parse_names(CHRISTIAN_FEMALE)
SPELL.update({k: v for k, v in _sp.items() if k not in SPELL})
FAMILY_EN: dict[str, str] = {}
for _r in REGIONS.values():
    _r["fam"] = parse_families(_r["families"])
    FAMILY_EN.update(dict(_r["fam"]))
COUNTRY = parse_families(COUNTRY_FAMILIES)
FAMILY_EN.update(dict(COUNTRY))
TOWN_EN = {ar: en for r in REGIONS.values() for ar, en in r["towns"]}

# ----------------------------------------------------------------------------- people


@dataclass
class Person:
    pid: str
    region: str
    clan: int
    household: int
    role: str  # father, mother, child
    sex: str
    first: str
    father: str
    grandfather: str
    family: str
    mother_first: str
    mother_family: str
    birth: tuple[int, int, int]
    birth_place: str
    nid: str
    husband_family: str = ""
    arrest: tuple[int, int, int] | None = None
    arrest_place: str = ""
    branch: str = ""
    fate: str = ""
    father_pid: str = ""
    mother_pid: str = ""
    lists: list[str] = field(default_factory=list)


class Population:
    def __init__(self, rng: random.Random, n: int) -> None:
        self.rng = rng
        self.persons: list[Person] = []
        self.nids: set[str] = set()
        regions = list(REGION_WEIGHT)
        rw = [REGION_WEIGHT[r] for r in regions]
        clan = 0
        household = 0
        while len(self.persons) < n:
            region = rng.choices(regions, rw)[0]
            clan += 1
            fams = REGIONS[region]["fam"]
            if region != "christian" and rng.random() < 0.25:
                family = rng.choice(COUNTRY)[0]
            else:
                family = rng.choice(fams)[0]
            for _g in range(rng.choice([1, 1, 2, 2, 3, 4])):
                gname = self.given(region, "M")
                ggname = self.given(region, "M")
                gmother = self.given(region, "F")
                used_sons: list[str] = []
                for _s in range(rng.choice([1, 2, 2, 3, 3, 4])):
                    household += 1
                    self.household(
                        region, clan, household, family, gname, ggname, gmother, used_sons
                    )
                    if len(self.persons) >= n:
                        break
                if len(self.persons) >= n:
                    break

    def given(self, region: str, sex: str) -> str:
        if region == "christian":
            names, w = (CM_NAMES, CM_W) if sex == "M" else (CF_NAMES, CF_W)
        else:
            names, w = (M_NAMES, M_W) if sex == "M" else (F_NAMES, F_W)
        return self.rng.choices(names, w)[0]

    def nid(self, region: str) -> str:
        while True:
            v = GOV_CODE[region] + "".join(self.rng.choice("0123456789") for _ in range(9))
            if v not in self.nids:
                self.nids.add(v)
                return v

    def place(self, region: str) -> str:
        towns = REGIONS[region]["towns"]
        return self.rng.choices([t[0] for t in towns], [4] + [2] * (len(towns) - 1))[0]

    def other_family(self, region: str) -> str:
        extra = [] if region == "christian" else COUNTRY[:4]
        return self.rng.choice(REGIONS[region]["fam"] + extra)[0]

    def add(self, **kw: object) -> Person:
        p = Person(pid=f"P{len(self.persons) + 1:06d}", **kw)  # type: ignore[arg-type]
        self.persons.append(p)
        return p

    def household(
        self,
        region: str,
        clan: int,
        hh: int,
        family: str,
        gname: str,
        ggname: str,
        gmother: str,
        used_sons: list[str],
    ) -> None:
        rng = self.rng
        fname = self.given(region, "M")
        while fname in used_sons:
            fname = self.given(region, "M")
        used_sons.append(fname)
        fy = rng.randint(1938, 1970)
        home = self.place(region)
        father = self.add(
            region=region,
            clan=clan,
            household=hh,
            role="father",
            sex="M",
            first=fname,
            father=gname,
            grandfather=ggname,
            family=family,
            mother_first=gmother,
            mother_family=self.other_family(region),
            birth=(fy, rng.randint(1, 12), rng.randint(1, 28)),
            birth_place=home,
            nid=self.nid(region),
        )
        wfam = family if rng.random() < 0.4 else self.other_family(region)
        wy = fy + rng.randint(-2, 10)
        mother = self.add(
            region=region,
            clan=clan,
            household=hh,
            role="mother",
            sex="F",
            first=self.given(region, "F"),
            father=self.given(region, "M"),
            grandfather=self.given(region, "M"),
            family=wfam,
            mother_first=self.given(region, "F"),
            mother_family=self.other_family(region),
            birth=(wy, rng.randint(1, 12), rng.randint(1, 28)),
            birth_place=self.place(region) if rng.random() < 0.4 else home,
            nid=self.nid(region),
            husband_family=family,
        )
        names_used: list[str] = []
        y = wy + rng.randint(18, 24)
        for i in range(rng.choice([1, 2, 3, 3, 4, 4, 5, 6])):
            if y > 2004:
                break
            sex = "M" if rng.random() < 0.52 else "F"
            if sex == "M" and i < 2 and gname not in names_used and rng.random() < 0.45:
                first = gname  # the eldest son carries his grandfather's name
            elif sex == "F" and gmother not in names_used and rng.random() < 0.2:
                first = gmother
            else:
                first = self.given(region, sex)
                while first in names_used:
                    first = self.given(region, sex)
            names_used.append(first)
            hfam = ""
            if sex == "F" and y < 1994 and rng.random() < 0.6:
                hfam = self.other_family(region)
            self.add(
                region=region,
                clan=clan,
                household=hh,
                role="child",
                sex=sex,
                first=first,
                father=fname,
                grandfather=gname,
                family=family,
                mother_first=mother.first,
                mother_family=wfam,
                birth=(y, rng.randint(1, 12), rng.randint(1, 28)),
                birth_place=home if rng.random() < 0.85 else self.place(region),
                nid=self.nid(region),
                husband_family=hfam,
                father_pid=father.pid,
                mother_pid=mother.pid,
            )
            y += rng.randint(1, 4)

    def detain(self) -> None:
        rng = self.rng
        years = [y for y, _ in ARREST_YEARS]
        yw = [w for _, w in ARREST_YEARS]
        for p in self.persons:
            by = p.birth[0]
            if p.sex == "M":
                prob = 0.45 if 1955 <= by <= 1996 else (0.12 if 1940 <= by < 1955 else 0.0)
            else:
                prob = 0.08 if 1950 <= by <= 1996 else 0.0
            if rng.random() >= prob:
                continue
            ay = rng.choices(years, yw)[0]
            if ay - by < 15:
                ay = by + 15 + rng.randint(0, 2)
                if ay > 2017:
                    continue
            p.arrest = (ay, rng.randint(1, 12), rng.randint(1, 28))
            p.arrest_place = (
                REGIONS[p.region]["towns"][0][0] if rng.random() < 0.33 else self.place(p.region)
            )
            p.branch = rng.choice(BRANCHES)[0]
            p.fate = rng.choices(["died", "missing", "released"], [36, 52, 12])[0]


def reach(pop: Population, rng: random.Random) -> dict[str, list[Person]]:
    households = sorted({p.household for p in pop.persons})
    documented = {h for h in households if rng.random() < 0.85}
    base = dict(resettlement_na=0.33, gr_asylum=0.28, htr_ledger=1.0, voice_stt=0.30)
    out: dict[str, list[Person]] = {k: [] for k in LISTS}
    for p in pop.persons:
        if p.arrest is None or p.household not in documented:
            continue
        for lst in LISTS:
            prob = base[lst] * REGIONS[p.region]["share"][lst]
            if lst == "htr_ledger" and p.arrest[0] > 2016:
                prob *= 0.2  # the ledgers were kept 2012-2016
            if lst == "voice_stt" and p.fate == "released":
                prob *= 0.3
            if rng.random() < prob:
                out[lst].append(p)
                p.lists.append(lst)
    return out


# ----------------------------------------------------------------------------- damage helpers

QWERTY_NEAR = {
    "a": "sq",
    "b": "vn",
    "d": "sf",
    "e": "wr",
    "f": "dg",
    "h": "gj",
    "i": "uo",
    "k": "jl",
    "l": "k",
    "m": "n",
    "n": "mb",
    "o": "ip",
    "r": "et",
    "s": "ad",
    "t": "ry",
    "u": "yi",
    "y": "tu",
    "z": "x",
}


def latin_slip(rng: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = rng.randrange(1, len(s) - 1)
    kind = rng.random()
    c = s[i]
    if kind < 0.35 and c.lower() in QWERTY_NEAR:
        r = rng.choice(QWERTY_NEAR[c.lower()])
        return s[:i] + (r.upper() if c.isupper() else r) + s[i + 1 :]
    if kind < 0.6:
        return s[:i] + s[i + 1 :]
    if kind < 0.8 and s[i].isalpha() and s[i + 1].isalpha():
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + c + s[i:]


def ar_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))


def strip_hamza(s: str) -> str:
    return s.translate(str.maketrans("أإآؤئ", "اااوي"))


MONTHS_EN = [
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
MONTHS_LEV = [
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


def has_article(ar: str) -> bool:
    return ar.startswith("ال")


def en_family(rng: random.Random, ar: str, weights: tuple[int, ...] = (35, 20, 15, 5, 25)) -> str:
    """An English family name: Al-X, Al X, Alx, El-X or X for a name with the article."""
    stem = FAMILY_EN[ar]
    if not has_article(ar):
        return stem
    form = rng.choices(["Al-", "Al ", "Al", "El-", ""], weights)[0]
    if form == "Al":
        return "Al" + stem.lower()
    return form + stem


def en_given(rng: random.Random, ar: str, common_first: float = 0.55) -> str:
    sp = SPELL[ar]
    if len(sp) == 1 or rng.random() < common_first:
        return sp[0]
    return rng.choice(sp[1:])


# --- Greek round trip: an English spelling heard, written in Greek letters, then romanised
# back by the Greek register's ELOT 743 transliteration (upper case).

VOWELS = "aeiou"


def to_greek_latin(word: str) -> str:
    w = word.lower().replace("'", "")
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        nxt = w[i + 1] if i + 1 < len(w) else ""
        two = w[i : i + 2]
        prev = out[-1][-1] if out else ""
        if c == nxt and c not in VOWELS:  # Greek writes the doubled consonant once
            i += 1
            continue
        if two == "kh":
            out.append("ch")
            i += 2
        elif two == "sh":
            out.append("s")
            i += 2
        elif two == "th":
            out.append("th")
            i += 2
        elif two == "dh":
            out.append("d")
            i += 2
        elif two == "gh":
            out.append("g")
            i += 2
        elif two in ("ou", "oo"):
            out.append("ou")
            i += 2
        elif two == "ee":
            out.append("i")
            i += 2
        elif c == "u":
            out.append("ou")
            i += 1
        elif c == "j":
            out.append("tz")
            i += 1
        elif c == "b":
            out.append("mp")
            i += 1
        elif c == "d":
            out.append("nt")
            i += 1
        elif c == "g":
            out.append("gk")
            i += 1
        elif c == "h":
            if nxt == "" and prev in VOWELS:
                pass  # a final h after a vowel is not heard
            else:
                out.append("ch")
            i += 1
        elif c == "w":
            out.append("ou")
            i += 1
        elif c == "y":
            if (i == 0 or prev in VOWELS) and nxt in VOWELS and nxt:
                out.append("gi")
            else:
                out.append("i")
            i += 1
        elif c in "qck":
            out.append("k")
            i += 1
        elif c == "x":
            out.append("ks")
            i += 1
        elif c == "-":
            out.append(" ")
            i += 1
        else:
            out.append(c)
            i += 1
    s = "".join(out)
    words = []
    for part in s.split():
        for digraph, start in (("mp", "b"), ("nt", "d"), ("gk", "g")):
            if part.startswith(digraph):
                part = start + part[2:]
        words.append(part)
    return " ".join(words).upper()


GREEK_UP = {
    "CH": "Χ",
    "TH": "Θ",
    "PS": "Ψ",
    "KS": "Ξ",
    "A": "Α",
    "B": "ΜΠ",
    "D": "ΝΤ",
    "E": "Ε",
    "F": "Φ",
    "G": "Γ",
    "I": "Ι",
    "K": "Κ",
    "L": "Λ",
    "M": "Μ",
    "N": "Ν",
    "O": "Ο",
    "P": "Π",
    "R": "Ρ",
    "S": "Σ",
    "T": "Τ",
    "Z": "Ζ",
    "V": "Β",
    "X": "Χ",
    " ": " ",
}


def to_greek_letters(latin: str) -> str:
    out = []
    i = 0
    while i < len(latin):
        two = latin[i : i + 2]
        if two in GREEK_UP:
            out.append(GREEK_UP[two])
            i += 2
        else:
            out.append(GREEK_UP.get(latin[i], latin[i]))
            i += 1
    return "".join(out)


# --- handwriting recognition: letters told apart only by dots
DOT_GROUPS = ["بتثني", "جحخ", "رز", "سش", "صض", "طظ", "عغ", "فق", "دذ", "هة"]
DOT_OF = {c: g for g in DOT_GROUPS for c in g}


def htr_confuse(rng: random.Random, s: str) -> str:
    idx = [i for i, c in enumerate(s) if c in DOT_OF]
    if not idx:
        return s
    i = rng.choice(idx)
    c = s[i]
    group = DOT_OF[c]
    if c in "ني" and i == len(s) - 1:
        group = "ني"
    if c in "هة" and i != len(s) - 1:
        return s
    r = rng.choice([x for x in group if x != c])
    return s[:i] + r + s[i + 1 :]


HTR_DIGIT = {
    "٢": "٣",
    "٣": "٢",
    "٧": "٨",
    "٨": "٧",
    "٤": "٦",
    "٦": "٤",
    "٠": "٥",
    "٥": "٠",
    "١": "٩",
    "٩": "١",
}

# --- speech-to-text: Damascene and Levantine sounds written by a model trained on standard
# Arabic
STT_SWAPS = [
    ("ق", "ء"),
    ("ق", "أ"),
    ("ث", "س"),
    ("ث", "ت"),
    ("ذ", "ز"),
    ("ذ", "د"),
    ("ظ", "ض"),
    ("ظ", "ز"),
    ("ض", "د"),
    ("ص", "س"),
    ("ط", "ت"),
    ("ح", "ه"),
    ("ع", "ا"),
    ("ة", "ه"),
    ("ى", "ا"),
]


def stt_confuse(rng: random.Random, s: str) -> str:
    options = [(a, b) for a, b in STT_SWAPS if a in s]
    if not options:
        return s
    a, b = rng.choice(options)
    i = s.index(a)
    if a == "ق" and i == 0 and b == "ء":
        b = "أ"
    return s[:i] + b + s[i + 1 :]


# ----------------------------------------------------------------------------- lists


class Writer:
    def __init__(self, name: str, header: list[str]) -> None:
        self.name = name
        self.header = header
        self.rows: list[list[str]] = []
        self.truth: list[tuple[str, str]] = []
        self.forms: Counter[str] = Counter()
        self.ids: set[str] = set()

    def add(self, rid: str, person: Person, row: dict[str, str], forms: list[str]) -> None:
        assert rid not in self.ids, rid
        self.ids.add(rid)
        self.rows.append([rid] + [row.get(h, "") for h in self.header[1:]])
        self.truth.append((rid, person.pid))
        self.forms.update(forms)


def unique_id(rng: random.Random, w: Writer, make) -> str:  # type: ignore[no-untyped-def]
    while True:
        rid = make(rng)
        if rid not in w.ids:
            return rid


def with_repeats(rng: random.Random, people: list[Person], rate: float) -> list[Person]:
    out = []
    for p in people:
        out.append(p)
        if rng.random() < rate:
            out.append(p)
    return out


def relation_en(p: Person, rng: random.Random) -> str:
    if p.role == "father":
        return rng.choice(["father", "husband", "brother"])
    if p.role == "mother":
        return rng.choice(["mother", "wife", "sister"])
    return rng.choice(
        ["son", "brother", "nephew", "cousin"] if p.sex == "M" else ["daughter", "sister", "niece"]
    )


def fmt_us(d: tuple[int, int, int]) -> str:
    return f"{d[1]:02d}/{d[2]:02d}/{d[0]}"


def year_noise(rng: random.Random, y: int, p1: float) -> tuple[int, list[str]]:
    if rng.random() < p1:
        return y + rng.choice([-1, 1]), ["year_off"]
    return y, []


def make_resettlement(rng: random.Random, people: list[Person]) -> Writer:
    """A North-American resettlement case list: relatives declared detained or missing."""
    w = Writer(
        "resettlement_na",
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
            "maiden_name",
        ],
    )
    case_of: dict[str, str] = {}
    for p in with_repeats(rng, people, 0.06):
        forms: list[str] = []
        if p.pid in case_of and rng.random() < 0.5:
            case = case_of[p.pid]  # the same case file lists him twice (two family members)
        else:
            country = rng.choice(["CA", "CA", "US"])
            case = f"{country}-{rng.randint(10, 99)}{rng.randint(0, 99999):05d}"
        case_of.setdefault(p.pid, case)
        rid = unique_id(rng, w, lambda r, c=case: f"{c}-{r.randint(2, 12):02d}")
        first = en_given(rng, p.first)
        father = en_given(rng, p.father)
        famw = (25, 15, 35, 5, 20)
        family = en_family(rng, p.family, famw)
        row: dict[str, str] = {}
        maiden = ""
        r = rng.random()
        if r < 0.22:
            # the form's "middle name" holds father's and grandfather's names
            father = father + " " + en_given(rng, p.grandfather)
            forms.append("middle_two_names")
        elif r < 0.34:
            father = ""
            forms.append("father_missing")
        elif r < 0.40:
            father = father[0] + "."
            forms.append("middle_initial")
        if p.sex == "F" and p.husband_family and rng.random() < 0.55:
            maiden = family
            family = en_family(rng, p.husband_family, famw)
            forms.append("married_surname")
        if rng.random() < 0.2:
            family = family.upper()
            forms.append("upper_family")
        if rng.random() < 0.035:
            tgt = rng.choice(["first", "family"])
            if tgt == "first":
                first = latin_slip(rng, first)
            else:
                family = latin_slip(rng, family)
            forms.append("typing_slip")
        if rng.random() < 0.05:
            first, family = family, first  # first and last name boxes swapped
            forms.append("first_last_swapped")
        row["first_name"] = first
        row["father_name"] = father
        row["family_name"] = family
        row["maiden_name"] = maiden
        mr = rng.random()
        if mr < 0.45:
            row["mother_name"] = en_given(rng, p.mother_first)
            forms.append("mother_first")
        elif mr < 0.65:
            row["mother_name"] = (
                en_given(rng, p.mother_first) + " " + en_family(rng, p.mother_family, famw)
            )
            forms.append("mother_full")
        word = "Male" if p.sex == "M" else "Female"
        row["sex"] = rng.choices([p.sex, word, ""], [45, 40, 15])[0]
        y, f = year_noise(rng, p.birth[0], 0.07)
        forms += f
        br = rng.random()
        if br < 0.30:
            row["birth_year"] = fmt_us((y, p.birth[1], p.birth[2]))
            forms.append("birth_us_date")
        elif br < 0.52:
            row["birth_year"] = f"01/01/{y}"
            forms.append("birth_jan1")
        elif br < 0.85:
            row["birth_year"] = str(y)
        else:
            forms.append("birth_missing")
        if rng.random() < 0.008 and row.get("birth_year"):
            row["birth_year"] = str(p.arrest[0] + rng.randint(1, 6))  # type: ignore[index]
            forms.append("birth_after_arrest")
        if rng.random() < 0.6:
            row["birth_place"] = TOWN_EN[p.birth_place] + rng.choice([", Syria", "", ""])
        a = p.arrest
        assert a is not None
        ar = rng.random()
        if ar < 0.25:
            row["date_of_arrest"] = fmt_us(a)
            forms.append("arrest_us_date")
        elif ar < 0.5:
            row["date_of_arrest"] = f"{MONTHS_EN[a[1] - 1]} {a[0]}"
        elif ar < 0.75:
            row["date_of_arrest"] = str(a[0])
        pr = rng.random()
        town = TOWN_EN[p.arrest_place]
        if pr < 0.45:
            row["place_of_arrest"] = town
        elif pr < 0.6:
            row["place_of_arrest"] = rng.choice(["checkpoint in ", "checkpoint near "]) + town
        elif pr < 0.7:
            row["place_of_arrest"] = "at home"
        elif pr < 0.78:
            row["place_of_arrest"] = "unknown"
        row["relationship"] = relation_en(p, rng)
        w.add(rid, p, row, forms)
    return w


def make_greek(rng: random.Random, people: list[Person]) -> Writer:
    """Greek and Cypriot asylum registers: relatives declared detained in asylum interviews."""
    w = Writer(
        "gr_asylum",
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
            "office",
        ],
    )
    for p in with_repeats(rng, people, 0.05):
        forms: list[str] = []
        cy = rng.random() < 0.2
        rid = unique_id(
            rng,
            w,
            (lambda r: f"CY-AS-{r.randint(2014, 2021)}/{r.randint(1, 99999):05d}")
            if cy
            else (
                lambda r: f"GAS {r.randint(100, 999)}-{r.randint(10000, 99999)}/{r.randint(1, 9)}"
            ),
        )
        greek = rng.random() < 0.62
        if greek:
            forms.append("greek_roundtrip")

        def name(en: str, g: bool = greek) -> str:
            return to_greek_latin(en) if g else en.upper()

        first = name(en_given(rng, p.first, 0.4))
        father = name(en_given(rng, p.father, 0.4))
        family = name(en_family(rng, p.family, (30, 30, 10, 10, 20)))
        fr = rng.random()
        if fr < 0.07:
            father = ""
            forms.append("father_missing")
        elif fr < 0.085:
            father = "AGNOSTO"  # "unknown" in the Greek register
            forms.append("father_agnosto")
        if rng.random() < 0.03:
            first = latin_slip(rng, first)
            forms.append("typing_slip")
        if p.sex == "F" and p.husband_family and rng.random() < 0.25:
            family = name(en_family(rng, p.husband_family))
            forms.append("married_surname")
        mother = name(en_given(rng, p.mother_first, 0.4)) if rng.random() < 0.8 else ""
        if mother:
            forms.append("mother_first")
        if rng.random() < 0.02:
            first, father, family = (to_greek_letters(x) for x in (first, father, family))
            forms.append("greek_letters")
        row = dict(family_name=family, first_name=first, father_name=father, mother_name=mother)
        row["sex"] = "M" if p.sex == "M" else "F"
        if rng.random() < 0.08:
            row["sex"] = ""
        y, f = year_noise(rng, p.birth[0], 0.06)
        forms += f
        br = rng.random()
        if br < 0.35:
            row["birth_year"] = f"{p.birth[2]:02d}/{p.birth[1]:02d}/{y}"
        elif br < 0.65:
            row["birth_year"] = f"01/01/{y}"
            forms.append("birth_jan1")
        elif br < 0.9:
            row["birth_year"] = str(y)
        else:
            forms.append("birth_missing")
        if rng.random() < 0.012:
            row["birth_year"] = "01/01/1900"  # the register's placeholder for "not declared"
            forms.append("birth_1900")
        if rng.random() < 0.5:
            row["birth_place"] = name(TOWN_EN[p.birth_place], greek)
        a = p.arrest
        assert a is not None
        ar = rng.random()
        if ar < 0.3:
            row["date_of_arrest"] = f"{a[2]:02d}/{a[1]:02d}/{a[0]}"
        elif ar < 0.55:
            row["date_of_arrest"] = f"{a[1]:02d}/{a[0]}"
        elif ar < 0.8:
            row["date_of_arrest"] = str(a[0])
        if rng.random() < 0.6:
            row["place_of_arrest"] = name(TOWN_EN[p.arrest_place], greek)
        row["office"] = (
            "Asylum Service Nicosia"
            if cy
            else rng.choice(
                ["RAO Attica", "RAO Lesvos", "RAO Thessaloniki", "AAU Samos", "RAO Chios"]
            )
        )
        w.add(rid, p, row, forms)
    return w


def make_htr(rng: random.Random, people: list[Person]) -> Writer:
    """Local committees' handwritten ledgers, read by handwriting recognition."""
    w = Writer(
        "htr_ledger",
        [
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
            "تاريخ الاعتقال",
            "مكان الاعتقال",
            "ملاحظات",
        ],
    )
    ledger_of = {"damascus": "DM", "homs": "HM", "hauran": "DR"}
    for p in with_repeats(rng, people, 0.07):
        forms: list[str] = []
        book = ledger_of.get(p.region, rng.choice(list(ledger_of.values())))
        rid = unique_id(
            rng,
            w,
            lambda r, b=book: (
                f"{b}{r.randint(1, 9)}-ص{r.randint(1, 240):03d}-{r.randint(1, 25):02d}"
            ),
        )
        parts = {
            "الاسم": p.first,
            "اسم الأب": p.father,
            "اسم الجد": p.grandfather,
            "الكنية": p.family,
            "اسم الأم": p.mother_first,
        }
        if rng.random() < 0.45:
            parts["اسم الجد"] = ""
            forms.append("grandfather_missing")
        if rng.random() < 0.06:
            parts["اسم الأب"] = ""
            forms.append("father_missing")
        mr = rng.random()
        if mr < 0.25:
            parts["اسم الأم"] = p.mother_first + " " + p.mother_family
            forms.append("mother_full")
        elif mr < 0.35:
            parts["اسم الأم"] = ""
        n_conf = 0
        for k in list(parts):
            v = parts[k]
            if not v:
                continue
            if rng.random() < 0.09:
                v = htr_confuse(rng, v)
                n_conf += 1
            if rng.random() < 0.15:
                v = strip_hamza(v)
            if v.endswith("ة") and rng.random() < 0.15:
                v = v[:-1] + "ه"
            if v.endswith("ى") and rng.random() < 0.3:
                v = v[:-1] + "ي"
            if v.startswith("عبد ") and rng.random() < 0.3:
                v = v.replace("عبد ", "عبد", 1)
            if rng.random() < 0.012:
                v = "(غير مقروء)"
                forms.append("illegible")
            parts[k] = v
        if n_conf:
            forms.append("dot_confusion")
        if rng.random() < 0.04:
            # the recogniser glued the first and father's names into one cell
            parts["الاسم"] = parts["الاسم"] + " " + parts["اسم الأب"]
            parts["اسم الأب"] = ""
            forms.append("first_father_glued")
        if p.sex == "F" and p.husband_family and rng.random() < 0.15:
            parts["ملاحظات"] = "زوجة " + (
                "آل " + p.husband_family[2:] if has_article(p.husband_family) else p.husband_family
            )
        row = dict(parts)
        row["الجنس"] = rng.choices(["ذكر" if p.sex == "M" else "أنثى", ""], [70, 30])[0]
        indic = rng.random() < 0.6
        if indic:
            forms.append("indic_digits")
        y, f = year_noise(rng, p.birth[0], 0.06)
        forms += f
        if rng.random() < 0.8:
            ys = ar_digits(str(y))
            if rng.random() < 0.05:
                i = rng.randrange(4)
                ys = ys[:i] + HTR_DIGIT.get(ys[i], ys[i]) + ys[i + 1 :]
                forms.append("year_digit_misread")
            if not indic:
                ys = ys.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
            row["سنة الولادة"] = ys
        else:
            forms.append("birth_missing")
        if rng.random() < 0.55:
            row["مكان الولادة"] = p.birth_place
        if rng.random() < 0.3:
            nid = p.nid
            if rng.random() < 0.15:
                i = rng.randrange(len(nid))
                nid = nid[:i] + nid[i + 1 :]
                forms.append("nid_digit_dropped")
            elif rng.random() < 0.15:
                i = rng.randrange(len(nid))
                nid = nid[:i] + str((int(nid[i]) + rng.choice([1, 9])) % 10) + nid[i + 1 :]
                forms.append("nid_digit_misread")
            row["الرقم الوطني"] = ar_digits(nid) if indic else nid
            forms.append("nid")
        a = p.arrest
        assert a is not None
        ar = rng.random()
        if ar < 0.4:
            d = f"{a[2]}/{a[1]}/{a[0]}"
        elif ar < 0.65:
            d = f"{MONTHS_LEV[a[1] - 1]} {a[0]}"
        elif ar < 0.85:
            d = str(a[0])
        else:
            d = ""
        if d:
            row["تاريخ الاعتقال"] = ar_digits(d) if indic else d
        pr = rng.random()
        if pr < 0.4:
            row["مكان الاعتقال"] = p.arrest_place
        elif pr < 0.6:
            row["مكان الاعتقال"] = "حاجز " + p.arrest_place
        elif pr < 0.75:
            row["مكان الاعتقال"] = p.branch
        elif pr < 0.82:
            row["مكان الاعتقال"] = "من المنزل"
        w.add(rid, p, row, forms)
    return w


def make_voice(rng: random.Random, people: list[Person]) -> Writer:
    """Voice messages from families to the organisation, transcribed by speech-to-text."""
    w = Writer(
        "voice_stt",
        [
            "record_id",
            "full_name",
            "mother_name",
            "sex",
            "age",
            "posted",
            "date_of_arrest",
            "place_of_arrest",
            "transcript_confidence",
        ],
    )
    for p in with_repeats(rng, people, 0.10):
        forms: list[str] = []
        first = p.first
        if first in PET and rng.random() < 0.12:
            first = PET[first]
            forms.append("pet_name")
        fam = p.family
        if has_article(fam) and rng.random() < 0.1:
            fam = fam[2:]  # the article swallowed in speech
            forms.append("article_dropped")
        shape = rng.random()
        if shape < 0.38:
            words = [first, fam]
            forms.append("first_family")
        elif shape < 0.75:
            words = [first, p.father, fam]
            forms.append("first_father_family")
        elif shape < 0.85:
            words = [first, p.father, p.grandfather, fam]
            forms.append("four_parts")
        elif shape < 0.92:
            words = [first, "ابن", p.father, fam] if p.sex == "M" else [first, "بنت", p.father, fam]
            forms.append("son_of")
        else:
            words = [first, p.father, "من بيت", fam]
            forms.append("min_beit")
        words = [x for x in words if x]
        if rng.random() < 0.16:
            i = rng.randrange(len(words))
            if words[i] not in ("ابن", "بنت", "من بيت"):
                words[i] = stt_confuse(rng, words[i])
                forms.append("stt_sound")
        if rng.random() < 0.2:
            words = [strip_hamza(x) for x in words]
            forms.append("hamza_dropped")
        if rng.random() < 0.25:
            words = [x.replace("عبد ", "عبد", 1) for x in words]
        name = " ".join(words)
        if rng.random() < 0.1 and p.sex == "M" and p.role == "father":
            name += " ابو " + rng.choice(M_NAMES[:10])
            forms.append("kunya")
        lead = rng.random()
        if lead < 0.3:
            rel = (
                ("اخي" if p.sex == "M" else "اختي")
                if p.role == "child"
                else ("ابي" if p.sex == "M" else "امي")
            )
            name = rng.choice(["المعتقل", rel, "الشاب" if p.sex == "M" else "الشابة"]) + " " + name
            forms.append("lead_word")
        row = {"full_name": name}
        if rng.random() < 0.35:
            row["mother_name"] = ("امه " if rng.random() < 0.3 else "") + p.mother_first
            forms.append("mother_first")
        if rng.random() < 0.25:
            row["sex"] = "ذكر" if p.sex == "M" else "أنثى"
        a = p.arrest
        assert a is not None
        post_year = rng.randint(max(2019, a[0] + 1), 2024)
        row["posted"] = f"{post_year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rid = unique_id(rng, w, lambda r, y=post_year: f"VM-{y}-{r.randint(1, 999999):06d}")
        ar = rng.random()
        if ar < 0.35:
            row["date_of_arrest"] = str(a[0])
        elif ar < 0.55:
            row["date_of_arrest"] = f"{MONTHS_LEV[a[1] - 1]} {a[0]}"
        elif ar < 0.7:
            row["date_of_arrest"] = f"{a[0]} تقريباً"
        ag = rng.random()
        if ag < 0.55:
            # the age said in the message: at the arrest, or (a third of the time) today
            base = a[0] if rng.random() < 0.66 else post_year
            age = base - p.birth[0] + rng.choice([0, 0, 0, -1, 1])
            row["age"] = str(age) if rng.random() < 0.7 else f"{age} سنة"
            forms.append("age")
            if rng.random() < 0.01:
                row["age"] = str(age) + str(rng.randint(0, 9))  # "thirty ... five" run together
                forms.append("age_implausible")
        pr = rng.random()
        if pr < 0.45:
            row["place_of_arrest"] = p.arrest_place
        elif pr < 0.65:
            row["place_of_arrest"] = "حاجز " + p.arrest_place
        elif pr < 0.72:
            row["place_of_arrest"] = "من البيت"
        conf = rng.uniform(0.55, 0.97) - (0.15 if "stt_sound" in forms else 0.0)
        row["transcript_confidence"] = f"{max(conf, 0.3):.2f}"
        w.add(rid, p, row, forms)
    return w


def shuffle_rows(rng: random.Random, w: Writer) -> None:
    order = list(range(len(w.rows)))
    rng.shuffle(order)
    w.rows = [w.rows[i] for i in order]
    w.truth = [w.truth[i] for i in order]


def generate(seed: int, n: int) -> tuple[Population, list[Writer]]:
    rng = random.Random(seed)
    pop = Population(random.Random(rng.getrandbits(64)), n)
    pop.detain()
    reached = reach(pop, random.Random(rng.getrandbits(64)))
    writers = [
        make_resettlement(random.Random(rng.getrandbits(64)), reached["resettlement_na"]),
        make_greek(random.Random(rng.getrandbits(64)), reached["gr_asylum"]),
        make_htr(random.Random(rng.getrandbits(64)), reached["htr_ledger"]),
        make_voice(random.Random(rng.getrandbits(64)), reached["voice_stt"]),
    ]
    for w in writers:
        shuffle_rows(random.Random(rng.getrandbits(64)), w)
    return pop, writers


def write(out: Path, pop: Population, writers: list[Writer]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for w in writers:
        with (out / f"{w.name}.csv").open("w", encoding="utf-8", newline="") as fh:
            cw = csv.writer(fh, lineterminator="\n")
            cw.writerow(w.header)
            cw.writerows(w.rows)
    with (out / "truth.csv").open("w", encoding="utf-8", newline="") as fh:
        cw = csv.writer(fh, lineterminator="\n")
        cw.writerow(["list", "record_id", "person_id"])
        for w in writers:
            for rid, pid in w.truth:
                cw.writerow([w.name, rid, pid])
    with (out / "persons.csv").open("w", encoding="utf-8", newline="") as fh:
        cw = csv.writer(fh, lineterminator="\n")
        cw.writerow(
            [
                "person_id",
                "region",
                "clan",
                "household",
                "role",
                "sex",
                "first_name",
                "father_name",
                "grandfather_name",
                "family_name",
                "mother_first",
                "mother_family",
                "husband_family",
                "birth_date",
                "birth_place",
                "national_id",
                "arrest_date",
                "arrest_place",
                "branch",
                "fate",
                "father_id",
                "mother_id",
                "lists",
            ]
        )
        for p in pop.persons:
            cw.writerow(
                [
                    p.pid,
                    p.region,
                    p.clan,
                    p.household,
                    p.role,
                    p.sex,
                    p.first,
                    p.father,
                    p.grandfather,
                    p.family,
                    p.mother_first,
                    p.mother_family,
                    p.husband_family,
                    "{:04d}-{:02d}-{:02d}".format(*p.birth),
                    p.birth_place,
                    p.nid,
                    "{:04d}-{:02d}-{:02d}".format(*p.arrest) if p.arrest else "",
                    p.arrest_place,
                    p.branch,
                    p.fate,
                    p.father_pid,
                    p.mother_pid,
                    " ".join(p.lists),
                ]
            )


def stats(pop: Population, writers: list[Writer]) -> str:
    lines = []
    listed = [p for p in pop.persons if p.lists]
    total = sum(len(w.rows) for w in writers)
    lines.append(
        f"persons {len(pop.persons)}, detained "
        f"{sum(1 for p in pop.persons if p.arrest)}, listed {len(listed)}, "
        f"records {total}"
    )
    for w in writers:
        persons = len({pid for _, pid in w.truth})
        lines.append(
            f"\n{w.name}: {len(w.rows)} records, {persons} persons, {len(w.rows) - persons} repeats"
        )
        for form, c in sorted(w.forms.items()):
            lines.append(f"  {form:24s} {c:6d}  {100 * c / len(w.rows):5.1f} %")
    by_n = Counter(len(p.lists) for p in listed)
    lines.append(
        "\npersons by number of lists: " + ", ".join(f"{k}: {by_n[k]}" for k in sorted(by_n))
    )
    pairs = Counter()
    for p in listed:
        for i, a in enumerate(p.lists):
            for b in p.lists[i + 1 :]:
                pairs[(a, b)] += 1
    for (a, b), c in sorted(pairs.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {a} & {b}: {c}")
    arab = {"htr_ledger", "voice_stt"}
    cross = sum(1 for p in listed if set(p.lists) & arab and set(p.lists) - arab)
    lines.append(f"persons with an Arabic and a Latin record: {cross}")
    key = Counter((p.first, p.father, p.family) for p in listed)
    groups = [k for k, c in key.items() if c > 1]
    lines.append(
        f"namesake groups (first, father, family) among listed: {len(groups)} "
        f"({sum(key[k] for k in groups)} persons)"
    )
    hh = Counter(p.household for p in listed if p.role == "child")
    lines.append(
        f"households with two or more listed children: {sum(1 for c in hh.values() if c > 1)}"
    )
    women = sum(1 for p in listed if p.sex == "F")
    married = sum(1 for p in listed if p.sex == "F" and p.husband_family)
    lines.append(f"listed women: {women} (married: {married})")
    fams = Counter(p.family for p in listed)
    lines.append("largest families: " + ", ".join(f"{f} {c}" for f, c in fams.most_common(6)))
    men = [p for p in listed if p.sex == "M"]
    fn = Counter(p.first for p in men)
    lines.append(
        "commonest men's names: "
        + ", ".join(f"{f} {100 * c / len(men):.1f} %" for f, c in fn.most_common(3))
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args(argv)
    pop, writers = generate(args.seed, args.persons)
    write(args.out, pop, writers)
    if args.stats:
        print(stats(pop, writers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
