#!/usr/bin/env python3
"""Independent synthetic lists for testing Mizan's record linkage.

Writes three CSV lists of (synthetic) missing persons in the project's list
format -- families.csv (families' reports, Arabic), ocr_documents.csv (OCR'd
official documents, Arabic) and un_list.csv (UN/court/NGO lists, Latin) -- plus
truth.csv (list,record_id,person_id), persons.csv (the true people) and
stats.json (the measured rate of every phenomenon).

Written without looking at the linkage engine or at the project's own
generator.  Standard library only.  Usage:

    python generate.py --seed 7 --persons 20000 --out /tmp/lists

Name pools
----------
Every pool entry is ``arabic|phonemic|weight``.  The phonemic key is a small
transliteration-neutral notation from which the Latin spellings are rendered:

    a i u        short vowels          aa ii uu   long vowels
    7  = ح       3  = ع                2  = ء (hamza)
    kh = خ       sh = ش   th = ث       dh = ذ     gh = غ
    S  = ص       D  = ض   T  = ط       Z  = ظ     q  = ق
    @  = ة (ta marbuta, word-final)    al- = article

The weights are a hand-made frequency skew (many Mohammads, Ahmads, Alis,
Fatimas), not counts from any real list.  Nothing is taken from a list of
real missing or detained people: the pools are common Syrian given names,
generic family-name patterns (trades, nisbas, clan-style al-X) and place names.
"""

import argparse
import bisect
import csv
import json
import os
import random
import time
from collections import Counter

HEADER = [
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
]
LISTS = ("families", "ocr_documents", "un_list")


MALE = """
محمد|mu7ammad|120
أحمد|a7mad|60
علي|3alii|36
خالد|khaalid|30
محمود|ma7muud|28
عمر|3umar|25
حسن|7asan|22
حسين|7usayn|20
عبد الله|3abd al-laah|20
مصطفى|muSTafaa|18
إبراهيم|ibraahiim|18
يوسف|yuusuf|18
عبد الرحمن|3abd al-ra7maan|12
سامر|saamir|10
وليد|waliid|10
فادي|faadii|9
أنس|anas|9
حمزة|7amza@|9
رامي|raamii|8
عماد|3imaad|8
أيمن|ayman|8
أسامة|usaama@|8
سعيد|sa3iid|8
صالح|Saali7|8
ياسر|yaasir|8
عبد الكريم|3abd al-kariim|8
عبد القادر|3abd al-qaadir|8
باسل|baasil|7
زياد|ziyaad|7
ماهر|maahir|7
وائل|waa2il|7
سليمان|sulaymaan|7
جمال|jamaal|7
طارق|Taariq|7
عمار|3ammaar|7
إياد|iyaad|6
معاذ|mu3aadh|6
مالك|maalik|6
مازن|maazin|6
غسان|ghassaan|6
رائد|raa2id|6
قاسم|qaasim|6
عدنان|3adnaan|6
بلال|bilaal|6
جهاد|jihaad|6
شادي|shaadii|6
حسام|7usaam|6
هيثم|haytham|6
مهند|muhannad|6
بشار|bashshaar|5
نزار|nizaar|5
هاني|haanii|5
فراس|firaas|5
كمال|kamaal|5
عثمان|3uthmaan|5
نبيل|nabiil|5
رياض|riyaaD|5
عامر|3aamir|5
إسماعيل|ismaa3iil|5
موسى|muusaa|5
يحيى|ya7yaa|5
ناصر|naaSir|5
عادل|3aadil|5
هشام|hishaam|5
خليل|khaliil|5
عبد الرزاق|3abd al-razzaaq|5
عبد الحميد|3abd al-7amiid|5
عبد العزيز|3abd al-3aziiz|5
عبد الناصر|3abd al-naaSir|4
منير|muniir|4
فيصل|faySal|4
نضال|niDaal|4
فؤاد|fu2aad|4
رضوان|riDwaan|4
بكر|bakr|4
زكريا|zakariyyaa|4
فايز|faayiz|4
منصور|manSuur|4
جميل|jamiil|4
حازم|7aazim|4
أكرم|akram|4
أدهم|ad_ham|4
مجد|majd|4
نادر|naadir|4
وسيم|wasiim|4
أيهم|ayham|4
مروان|marwaan|4
سامي|saamii|4
عيسى|3iisaa|3
نور الدين|nuur al-diin|3
صلاح الدين|Salaa7 al-diin|3
فتحي|fat7ii|3
رشيد|rashiid|3
مأمون|ma2muun|3
ثائر|thaa2ir|3
شريف|shariif|3
غازي|ghaazii|3
لؤي|lu2ayy|3
مهدي|mahdii|3
تامر|taamir|3
قصي|quSayy|3
محسن|mu7sin|3
توفيق|tawfiiq|3
رمضان|ramaDaan|3
محي الدين|mu7yii al-diin|2
رؤوف|ra2uuf|2
ذياب|dhiyaab|2
ظافر|Zaafir|2
حيدر|7aydar|2
ضياء|Diyaa2|2
كنان|kinaan|2
حمدي|7amdii|2
شعبان|sha3baan|2
"""

FEMALE = """
فاطمة|faaTima@|30
مريم|maryam|18
زينب|zaynab|14
عائشة|3aa2isha@|12
خديجة|khadiija@|12
نور|nuur|10
آمنة|aamina@|9
سارة|saara@|9
هدى|hudaa|8
إيمان|iimaan|8
أسماء|asmaa2|8
سلمى|salmaa|7
هبة|hiba@|7
رنا|ranaa|6
ريم|riim|6
منى|munaa|6
حنان|7anaan|6
أمل|amal|6
رهف|rahaf|5
رزان|razaan|5
لينا|liinaa|5
سعاد|su3aad|5
سمر|samar|5
رانيا|raaniyaa|5
وفاء|wafaa2|5
ديما|diimaa|4
غادة|ghaada@|4
علا|3ulaa|4
آلاء|aalaa2|4
بشرى|bushraa|4
صفاء|Safaa2|4
نسرين|nisriin|4
ياسمين|yaasmiin|4
دعاء|du3aa2|4
جميلة|jamiila@|4
سهام|sihaam|4
نادية|naadiya@|4
سميرة|samiira@|4
حليمة|7aliima@|4
فرح|fara7|4
نجلاء|najlaa2|3
شيماء|shaymaa2|3
رغد|raghad|3
خلود|khuluud|3
ابتسام|ibtisaam|3
لمى|lamaa|3
ملك|malak|3
بتول|batuul|3
زهرة|zahra@|3
رقية|ruqayya@|3
صباح|Sabaa7|3
لبنى|lubnaa|3
هيفاء|hayfaa2|2
ضحى|Du7aa|2
رؤى|ru2aa|2
ظلال|Zilaal|1
"""

FAMILY = """
الخطيب|al-khaTiib|8
الحلبي|al-7alabii|6
الحمصي|al-7imSii|5
المصري|al-maSrii|7
الشامي|al-shaamii|6
الأحمد|al-a7mad|9
العلي|al-3alii|9
الحسن|al-7asan|8
الحسين|al-7usayn|8
المحمد|al-mu7ammad|9
الإبراهيم|al-ibraahiim|6
العمر|al-3umar|6
الصالح|al-Saali7|6
الخليل|al-khaliil|5
الزعبي|al-zu3bii|5
المقداد|al-miqdaad|3
الحريري|al-7ariirii|4
المسالمة|al-masaalima@|3
الرفاعي|al-rifaa3ii|4
الحوراني|al-7awraanii|4
النعيمي|al-nu3aymii|3
الجاسم|al-jaasim|5
الدالاتي|al-daalaatii|2
الأتاسي|al-ataasii|2
الدروبي|al-duruubii|2
السباعي|al-sibaa3ii|3
الجندي|al-jundii|4
الفاعوري|al-faa3uurii|2
الأيوبي|al-ayyuubii|3
الكردي|al-kurdii|4
التركماني|al-turkmaanii|3
البيطار|al-bayTaar|4
الدباغ|al-dabbaagh|3
النجار|al-najjaar|5
الحداد|al-7addaad|5
العطار|al-3aTTaar|4
الخياط|al-khayyaaT|4
القصاب|al-qaSSaab|3
الحلاق|al-7allaaq|3
السمان|al-sammaan|3
الطحان|al-Ta77aan|3
الشيخ|al-shaykh|5
الحاج|al-7aajj|4
الدرويش|al-darwiish|4
البكري|al-bakrii|3
العمري|al-3umarii|3
الحسيني|al-7usaynii|3
الهاشمي|al-haashimii|3
القاسم|al-qaasim|4
الموسى|al-muusaa|5
العيسى|al-3iisaa|4
اليوسف|al-yuusuf|5
الخالد|al-khaalid|5
الحمود|al-7ammuud|5
الشهابي|al-shihaabii|2
الزين|al-zayn|3
الرحمون|al-ra7muun|2
الظاهر|al-Zaahir|2
الضاهر|al-Daahir|2
العبيد|al-3ubayd|4
الشمري|al-shammarii|3
الجبوري|al-jubuurii|3
العنزي|al-3anazii|3
الدليمي|al-dulaymii|2
الفرا|al-farraa|2
الحمدان|al-7amdaan|4
السويدان|al-suwaydaan|2
العجيلي|al-3ujaylii|2
الهويدي|al-huwaydii|2
الفياض|al-fayyaaD|3
المحيميد|al-mu7aymiid|2
الشعار|al-sha33aar|2
الطويل|al-Tawiil|3
القباني|al-qabbaanii|2
الصباغ|al-Sabbaagh|3
الخوري|al-khuurii|2
الأسعد|al-as3ad|3
السيد|al-sayyid|4
المرعي|al-mar3ii|2
الجمل|al-jamal|2
الحكيم|al-7akiim|2
الخضر|al-khiDr|3
الدهان|al-dahhaan|2
العلواني|al-3alwaanii|2
الكيلاني|al-kiilaanii|2
الحموي|al-7amawii|3
الإدلبي|al-idlibii|2
الديري|al-dayrii|2
البرازي|al-baraazii|2
الأخرس|al-akhras|2
الأسود|al-aswad|2
قدور|qadduur|3
عثمان|3uthmaan|3
حمادة|7amaada@|4
دياب|diyaab|3
شحادة|sha7aada@|4
زيدان|zaydaan|3
عيد|3iid|3
سلامة|salaama@|3
نصار|naSSaar|2
حجازي|7ijaazii|3
عساف|3assaaf|2
طه|Taahaa|2
حداد|7addaad|3
خليفة|khaliifa@|3
بكور|bakkuur|2
حاج علي|7aajj 3alii|2
حاج حسين|7aajj 7usayn|2
شيخ موسى|shaykh muusaa|2
ديب|diib|3
عبود|3abbuud|3
حسون|7assuun|3
مرعي|mar3ii|2
سويد|suwayd|2
قطان|qaTTaan|2
زعرور|za3ruur|1
غنام|ghannaam|2
عرنوس|3arnuus|1
دقاق|daqqaaq|1
جبر|jabr|2
سرحان|sar7aan|2
نجم|najm|3
بدوي|badawii|3
عوض|3awaD|2
رجب|rajab|2
شاهين|shaahiin|3
كيالي|kayyaalii|2
سقا|saqqaa|2
معروف|ma3ruuf|2
فارس|faaris|3
منصور|manSuur|3
درويش|darwiish|3
ربيع|rabii3|2
حبش|7abash|2
خضور|khaDDuur|2
إسماعيل|ismaa3iil|2
مصطفى|muSTafaa|3
أبو زيد|abuu zayd|2
أبو الخير|abuu al-khayr|2
أبو عمر|abuu 3umar|2
عبد الرحمن|3abd al-ra7maan|2
"""

# Governorates: arabic | latin spellings (comma separated) | two-digit code
# used as the first digits of the invented national numbers.
GOVERNORATES = """
دمشق|Damascus,Damas,Dimashq,Damascus City|01
ريف دمشق|Rif Dimashq,Rural Damascus,Damascus Countryside,Reef Damascus,Rif Damas|02
حلب|Aleppo,Alep,Halab|03
حمص|Homs,Hims|04
حماة|Hama,Hamah,Hamat|05
إدلب|Idlib,Idleb,Edlib|06
درعا|Daraa,Deraa,Dar'a,Daraa Governorate|07
دير الزور|Deir ez-Zor,Deir Ezzor,Dayr al-Zawr,Deir al-Zour|08
الرقة|Raqqa,Al-Raqqah,Rakka,Ar-Raqqa|09
اللاذقية|Latakia,Lattakia,Lattaquie,Al-Ladhiqiyah|10
طرطوس|Tartus,Tartous,Tartouss|11
الحسكة|Hasakah,Al-Hasakah,Hassakeh,Hasaka|12
السويداء|As-Suwayda,Sweida,Suwayda,Soueida|13
القنيطرة|Quneitra,Kuneitra,Al-Qunaytirah|14
"""

# Towns: arabic | phonemic | governorate (arabic) | weight (population-ish)
TOWNS = """
دوما|duumaa|ريف دمشق|8
داريا|daarayyaa|ريف دمشق|6
المعضمية|al-mu3aDDamiyya@|ريف دمشق|4
حرستا|7arastaa|ريف دمشق|4
عربين|3irbiin|ريف دمشق|3
زملكا|zamalkaa|ريف دمشق|3
التل|al-tall|ريف دمشق|3
يبرود|yabruud|ريف دمشق|2
الزبداني|al-zabadaanii|ريف دمشق|3
قدسيا|qudsayyaa|ريف دمشق|2
جرمانا|jaramaanaa|ريف دمشق|3
ببيلا|babbiilaa|ريف دمشق|2
الكسوة|al-kiswa@|ريف دمشق|2
مضايا|maDaayaa|ريف دمشق|1
سقبا|saqbaa|ريف دمشق|2
كفربطنا|kafr baTnaa|ريف دمشق|2
الميدان|al-maydaan|دمشق|4
القابون|al-qaabuun|دمشق|3
برزة|barza@|دمشق|4
كفرسوسة|kafr suusa@|دمشق|3
المزة|al-mazza@|دمشق|4
الشاغور|al-shaaghuur|دمشق|2
ركن الدين|rukn al-diin|دمشق|3
جوبر|jawbar|دمشق|2
التضامن|al-taDaamun|دمشق|3
اليرموك|al-yarmuuk|دمشق|3
حلب|7alab|حلب|12
الباب|al-baab|حلب|4
منبج|manbij|حلب|4
إعزاز|a3zaaz|حلب|3
عندان|3andaan|حلب|2
حيان|7ayyaan|حلب|1
تل رفعت|tall rif3at|حلب|2
دارة عزة|daarat 3azza@|حلب|2
الأتارب|al-ataarib|حلب|2
مارع|maari3|حلب|2
حمص|7imS|حمص|9
الرستن|al-rastan|حمص|4
تلبيسة|talbiisa@|حمص|3
القصير|al-quSayr|حمص|3
الحولة|al-7uula@|حمص|3
تلكلخ|tall kalakh|حمص|2
تدمر|tadmur|حمص|2
بابا عمرو|baabaa 3amr|حمص|3
الخالدية|al-khaalidiyya@|حمص|3
حماة|7amaa@|حماة|8
كفرنبودة|kafr nabuuda@|حماة|2
اللطامنة|al-laTaamina@|حماة|2
مورك|muurik|حماة|2
السلمية|al-salamiyya@|حماة|3
حلفايا|7alfaayaa|حماة|2
صوران|Suuraan|حماة|2
إدلب|idlib|إدلب|6
معرة النعمان|ma3arrat al-nu3maan|إدلب|4
سراقب|saraaqib|إدلب|3
أريحا|arii7aa|إدلب|3
جسر الشغور|jisr al-shughuur|إدلب|3
خان شيخون|khaan shaykhuun|إدلب|3
بنش|binnish|إدلب|2
كفرنبل|kafr nabl|إدلب|2
سرمين|sarmiin|إدلب|2
درعا|dar3aa|درعا|7
طفس|Tafas|درعا|2
داعل|daa3il|درعا|2
الحراك|al-7iraak|درعا|2
نوى|nawaa|درعا|3
جاسم|jaasim|درعا|2
إنخل|inkhil|درعا|2
الصنمين|al-Sanamayn|درعا|2
بصرى الشام|buSraa al-shaam|درعا|2
الشيخ مسكين|al-shaykh miskiin|درعا|2
دير الزور|dayr al-zuur|دير الزور|6
الميادين|al-mayaadiin|دير الزور|3
البوكمال|al-buukamaal|دير الزور|3
العشارة|al-3ashaara@|دير الزور|2
موحسن|muu7asan|دير الزور|1
الرقة|al-raqqa@|الرقة|5
الطبقة|al-Tabqa@|الرقة|3
تل أبيض|tall abyaD|الرقة|2
اللاذقية|al-laadhiqiyya@|اللاذقية|4
جبلة|jabla@|اللاذقية|2
بانياس|baaniyaas|طرطوس|2
طرطوس|TarTuus|طرطوس|2
القامشلي|al-qaamishlii|الحسكة|3
الحسكة|al-7asaka@|الحسكة|3
رأس العين|ra2s al-3ayn|الحسكة|2
السويداء|al-suwaydaa2|السويداء|2
شهبا|shahbaa|السويداء|1
خان أرنبة|khaan arnaba@|القنيطرة|1
"""

# Places of arrest that are not towns: invented checkpoint / facility labels
# (arabic, latin) with a town index filled in at generation time.
ARREST_KINDS = (
    ("حاجز {t}", "{t} checkpoint"),
    ("حاجز مدخل {t}", "checkpoint at the entrance of {t}"),
    ("مداهمة منزل{h} في {t}", "house raid in {t}"),
    ("من مكان عمل{h} في {t}", "at {his} workplace in {t}"),
)

NICKNAMES = ("الأسمر", "الأشقر", "الصغير", "الكبير", "الحلو", "الطويل")


def parse(text, ncols):
    rows = []
    for line in text.strip().splitlines():
        parts = line.split("|")
        if len(parts) != ncols:
            raise ValueError(f"bad pool line: {line!r}")
        rows.append(parts)
    return rows


# --------------------------------------------------------------------------
# Latin rendering from the phonemic key
# --------------------------------------------------------------------------

_MULTI = ("kh", "sh", "th", "dh", "gh", "aa", "ii", "uu")
_VOWELS = set("aiu") | {"aa", "ii", "uu"}
_SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"}

MUHAMMAD_LATIN = (
    ("Mohammad", 30),
    ("Mohammed", 16),
    ("Muhammad", 16),
    ("Mohamed", 16),
    ("Mohamad", 14),
    ("Mhd", 4),
    ("Mouhammad", 2),
    ("Muhammed", 2),
)
ABDALLAH_LATIN = (
    ("Abdullah", 35),
    ("Abdallah", 25),
    ("Abd Allah", 10),
    ("Abdulla", 10),
    ("Abdellah", 8),
    ("Abd-Allah", 5),
    ("Abdalla", 7),
)


def tokenize(word):
    toks, i = [], 0
    while i < len(word):
        two = word[i : i + 2]
        if two in _MULTI:
            toks.append(two)
            i += 2
        else:
            toks.append(word[i])
            i += 1
    return toks


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.random() * total
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]


class Profile:
    """One writer's transliteration habits, drawn once per record."""

    def __init__(self, rng, style):
        self.style = style  # 'en', 'fr' or 'az' (Arabic-keyboard habits)
        fr = style == "fr"
        az = style == "az"
        ch = rng.random
        self.a_e = ch() < (0.4 if fr else 0.25)  # Ahmed, Mohammed
        self.i_e = ch() < (0.6 if fr else 0.4)  # Khaled, Samer
        self.u_o = ch() < (0.3 if fr else 0.5)  # Omar, Osama
        self.u_ou = fr and ch() < 0.6  # Oussama
        self.ii = wchoice(rng, (("i", 6), ("ee", 3 if not fr else 0.3), ("y", 1)))
        self.uu = (
            wchoice(rng, (("ou", 9), ("u", 1)))
            if fr
            else wchoice(rng, (("u", 5), ("ou", 2.5), ("oo", 2.5)))
        )
        self.aa = "aa" if ch() < 0.05 else "a"
        # ta marbuta: Fatima / Fatimah / Fatmeh-like Khadijeh / French Oussama
        self.tm_h = ch() < (0.1 if fr else 0.35)
        self.tm_e = ch() < (0.05 if fr else 0.12)
        self.double = ch() < 0.65  # Bashshar vs Bashar
        self.s_double = ch() < 0.3  # Hassan, Hussein
        self.ay = (
            wchoice(rng, (("ay", 4), ("ai", 3), ("ei", 3)))
            if not fr
            else wchoice(rng, (("ay", 2), ("ai", 3), ("ei", 5)))
        )
        self.ay0 = "ay" if ch() < 0.6 else "ai"  # word-initial: Ayman / Aiman
        self.ain_mid = wchoice(rng, (("'", 3), ("", 5), ("a", 2)))
        self.hamza_mid = wchoice(rng, (("'", 3), ("", 4), ("e", 3)))
        self.q = "k" if ch() < (0.5 if fr else 0.2) else "q"
        self.j = ("dj" if ch() < 0.6 else "j") if fr else ("g" if ch() < 0.02 else "j")
        self.sh = "ch" if fr else "sh"
        self.th = wchoice(rng, (("th", 7), ("s", 1.5), ("t", 1.5)))
        self.dh = wchoice(rng, (("dh", 6), ("z", 2.5), ("th", 1.5)))
        self.zz = "z" if ch() < 0.6 else "dh"
        self.w_ou = fr and ch() < 0.6  # Oualid
        self.kh = "5" if (az and ch() < 0.5) else "kh"
        self.az = az
        art = (
            (
                ("al-", 35),
                ("Al-", 15),
                ("el-", 8),
                ("El-", 10),
                ("Al ", 8),
                ("El ", 5),
                ("", 14),
                ("Al", 5),
            )
            if not fr
            else (("el-", 20), ("El-", 20), ("al-", 15), ("El ", 15), ("", 20), ("Al-", 10))
        )
        self.article = wchoice(rng, art)
        self.assimilate = (not fr) and self.article in ("al-", "") and ch() < 0.25
        self.abd = wchoice(
            rng,
            (
                ("Abdul ", 20),
                ("Abdel ", 15),
                ("Abd al-", 15),
                ("Abd el-", 6),
                ("Abdul", 15),
                ("Abdel", 8),
                ("Abd ", 8),
                ("Abdul-", 8),
                ("Abd-el-", 5),
            ),
        )
        self.din = wchoice(
            rng,
            (
                (" al-Din", 20),
                (" ad-Din", 8),
                ("eddin", 12),
                (" Eddine", 8 if fr else 2),
                ("uddin", 10),
                (" El Din", 10),
                (" Aldeen", 5),
                ("-Eddin", 5),
                ("addin", 5),
            ),
        )
        self.abu = wchoice(rng, (("Abu ", 6), ("Abou ", 3 if fr else 1), ("Abo ", 1)))
        self.hajj = wchoice(
            rng, (("Haj ", 5), ("Hajj ", 3), ("Hadj " if fr else "Haj ", 2), ("Al-Hajj ", 1))
        )
        self.rng = rng


def render_word(ph, pr):
    """Render one phonemic word (no article) in Latin, lower case."""
    if ph == "mu7ammad":
        return (
            wchoice(pr.rng, MUHAMMAD_LATIN).lower()
            if not pr.az
            else "m7md"
            if pr.rng.random() < 0.3
            else "mo7ammad"
        )
    toks = tokenize(ph)
    out = []
    n = len(toks)
    # a short a/i in a closed final syllable that is not the first syllable
    # may be written e: Ahmed, Khaled, Samer (but not Bekri, Mehmud)
    last_short = max((k for k, t in enumerate(toks) if t in ("a", "i")), default=-1)
    if last_short >= 0 and (
        last_short + 1 >= n
        or toks[last_short + 1] in ("@", "y")
        or not any(t in _VOWELS for t in toks[:last_short])
        or any(t in ("aa", "ii", "uu") for t in toks[last_short + 1 :])
    ):
        last_short = -1
    for k, t in enumerate(toks):
        prev = toks[k - 1] if k else None
        nxt = toks[k + 1] if k + 1 < n else None
        if t == "a":
            if nxt == "y" and (k + 2 >= n or toks[k + 2] not in _VOWELS):
                out.append(pr.ay0 if k == 0 else pr.ay)
                toks[k + 1] = ""  # consumed
                continue
            if nxt == "@":
                out.append("e" if (pr.tm_e and not pr.az) else "a")
                continue
            out.append("e" if (pr.a_e and k == last_short and k > 0 and prev != "3") else "a")
        elif t in ("", "_"):
            continue
        elif t == "i":
            out.append("e" if (pr.i_e and k == last_short and k > 0) else "i")
        elif t == "u":
            out.append("ou" if pr.u_ou else ("o" if pr.u_o else "u"))
        elif t == "aa":
            out.append(pr.aa if k not in (0, n - 1) else "a")
        elif t == "ii":
            out.append(pr.ii if (pr.ii != "y" or k == n - 1) else "i")
        elif t == "uu":
            out.append(pr.uu)
        elif t == "@":
            out.append("h" if (pr.tm_h or (prev == "a" and pr.tm_e)) else "")
        elif t == "7":
            out.append("7" if pr.az else "h")
        elif t == "3":
            if pr.az:
                out.append("3")
            elif k == 0 or k == n - 1:
                out.append("")
            else:
                out.append(pr.ain_mid)
        elif t == "2":
            if pr.az:
                out.append("2")
            elif k == n - 1:
                out.append("")
            else:
                out.append(pr.hamza_mid)
        elif t == "kh":
            out.append(pr.kh)
        elif t == "sh":
            out.append(pr.sh)
        elif t == "th":
            out.append(pr.th)
        elif t == "dh":
            out.append(pr.dh)
        elif t == "Z":
            out.append(pr.zz)
        elif t in ("S", "D", "T"):
            out.append(t.lower())
        elif t == "q":
            out.append(pr.q)
        elif t == "j":
            out.append(pr.j)
        elif t == "w":
            out.append("ou" if (pr.w_ou and k == 0 and nxt in _VOWELS) else "w")
        else:
            if t == prev and not pr.double:
                continue
            out.append(t)
            if t == "s" and pr.s_double and prev in _VOWELS and nxt in _VOWELS and k > 0:
                out.append("s")
    word = "".join(out)
    return word


def cap(w):
    return w[:1].upper() + w[1:] if w else w


def render_name(ph, pr, upper=False):
    """Render a (possibly compound, possibly article-bearing) phonemic name."""
    words = ph.split(" ")
    # 3abd al-X compounds
    if len(words) == 2 and words[0] == "3abd" and words[1].startswith("al-"):
        core = words[1][3:]
        if core == "laah":
            s = "3abdallah" if pr.az else wchoice(pr.rng, ABDALLAH_LATIN)
        else:
            body = render_word(core, pr)
            pre = pr.abd if not pr.az else "3abd al-"
            if pre.endswith((" ", "-")):
                if pr.assimilate and pre == "Abd al-" and tokenize(core)[0] in _SUN:
                    pre = "Abd a" + body[0] + "-"
                s = pre + cap(body)
            else:
                s = pre + body
    elif len(words) == 2 and words[1] == "al-diin":
        s = cap(render_word(words[0], pr)) + pr.din
    elif words[0] == "abuu" and len(words) == 2:
        rest = words[1]
        if rest.startswith("al-"):
            rest_s = render_word(rest[3:], pr)
            s = pr.abu + ("al-" if pr.article == "" else pr.article) + cap(rest_s)
        else:
            s = pr.abu + cap(render_word(rest, pr))
    elif words[0] == "7aajj" and len(words) == 2:
        s = pr.hajj + cap(render_word(words[1], pr))
    else:
        parts = []
        for w in words:
            if w.startswith("al-"):
                core = w[3:]
                body = render_word(core, pr)
                art = pr.article
                if pr.assimilate and tokenize(core)[0] in _SUN and body:
                    art = "a" + body[0] + "-" if pr.article == "al-" else ""
                if art == "Al":
                    parts.append("Al" + body)
                else:
                    parts.append(art + cap(body))
            else:
                parts.append(cap(render_word(w, pr)))
        s = " ".join(p for p in parts if p)
    s = s.strip()
    return s.upper() if upper else s


# --------------------------------------------------------------------------
# Arabic spelling variation (families) and OCR noise (documents)
# --------------------------------------------------------------------------


def fam_spell(s, rng, flags):
    """Spelling variants people really write when typing a name."""
    if s.startswith("عبد ") and rng.random() < 0.4:
        s = s.replace("عبد ", "عبد", 1)
        flags.add("fam_compound_joined")
    elif s.startswith("عبد") and not s.startswith("عبد ") and False:
        pass
    if " الدين" in s and rng.random() < 0.35:
        s = s.replace(" الدين", "الدين")
        flags.add("fam_compound_joined")
    if s.startswith("أبو ") and rng.random() < 0.2:
        s = s.replace("أبو ", "أبو", 1)
        flags.add("fam_compound_joined")
    out = []
    words = s.split(" ")
    for w in words:
        chars = list(w)
        for i, c in enumerate(chars):
            if c in "أإآ" and rng.random() < 0.35:
                chars[i] = "ا"
                flags.add("fam_hamza_alif")
            elif c == "ا" and i == 0 and w[1:2] != "ل" and rng.random() < 0.05:
                chars[i] = rng.choice("أإ")
                flags.add("fam_hamza_alif")
            elif c == "ئ" and rng.random() < 0.35:
                chars[i] = "ي"
                flags.add("fam_hamza_forms")
            elif c == "ؤ" and rng.random() < 0.3:
                chars[i] = rng.choice(("و", "ء"))
                flags.add("fam_hamza_forms")
            elif c == "ء" and i == len(chars) - 1 and rng.random() < 0.25:
                chars[i] = ""
                flags.add("fam_hamza_forms")
            elif c == "ة" and i == len(chars) - 1 and rng.random() < 0.25:
                chars[i] = "ه"
                flags.add("fam_ta_marbuta")
            elif c == "ى" and i == len(chars) - 1 and rng.random() < 0.3:
                chars[i] = "ي"
                flags.add("fam_alif_maqsura")
            elif c == "ي" and i == len(chars) - 1 and len(chars) > 2 and rng.random() < 0.04:
                chars[i] = "ى"
                flags.add("fam_alif_maqsura")
            elif c == "ظ" and rng.random() < 0.15:
                chars[i] = "ض"
                flags.add("fam_colloquial")
            elif c == "ث" and rng.random() < 0.03:
                chars[i] = "ت"
                flags.add("fam_colloquial")
            elif c == "ذ" and rng.random() < 0.03:
                chars[i] = "ز"
                flags.add("fam_colloquial")
        w2 = "".join(chars)
        if w2 == "محمد" and rng.random() < 0.03:
            w2 = "محمّد"
            flags.add("fam_diacritics")
        out.append(w2)
    return " ".join(out)


def fam_family_name(ar, rng, flags):
    """Family names with/without the article, then ordinary spelling variants."""
    if ar.startswith("ال") and " " not in ar and rng.random() < 0.15:
        ar = ar[2:]
        if ar.startswith("ا"):
            pass
        flags.add("fam_article_dropped")
    elif not ar.startswith("ال") and " " not in ar and rng.random() < 0.05:
        ar = "ال" + ar
        flags.add("fam_article_added")
    return fam_spell(ar, rng, flags)


_DOTS = {
    "ب": "تثني",
    "ت": "بثن",
    "ث": "تب",
    "ن": "بتي",
    "ي": "ىبن",
    "ح": "جخ",
    "ج": "حخ",
    "خ": "حج",
    "ع": "غ",
    "غ": "ع",
    "ر": "ز",
    "ز": "ر",
    "د": "ذ",
    "ذ": "د",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ط": "ظ",
    "ظ": "ط",
    "ف": "ق",
    "ق": "ف",
    "ة": "ه",
    "ى": "ي",
}
_NONJOIN = set("ادذرزوةأإآؤ")
EAST = "٠١٢٣٤٥٦٧٨٩"


def ocr_text(s, q, rng, flags):
    """Letter-level OCR noise on an Arabic string; q = per-letter error rate."""
    if not s:
        return s
    chars = []
    for c in s:
        r = rng.random()
        if c in _DOTS and r < q:
            chars.append(rng.choice(_DOTS[c]))
            flags.add("ocr_dots")
        elif c != " " and r > 1 - q / 6:
            flags.add("ocr_letter_dropped")
        else:
            chars.append(c)
    s = "".join(chars)
    # split words (gaps after non-joining letters) and merged words
    words = s.split(" ")
    out = []
    for w in words:
        if len(w) >= 4 and rng.random() < 0.5 * q + 0.01:
            cut = [i for i in range(1, len(w) - 1) if w[i - 1] in _NONJOIN] or list(
                range(2, len(w) - 1)
            )
            i = rng.choice(cut)
            w = w[:i] + " " + w[i:]
            flags.add("ocr_split_word")
        out.append(w)
    res = out[0]
    for w in out[1:]:
        if rng.random() < 0.6 * q + 0.015:
            res += w
            flags.add("ocr_merged_words")
        else:
            res += " " + w
    return res


def digits(s, mode, rng):
    """Write the ASCII digits of s as Western, Eastern Arabic or mixed."""
    if mode == "w":
        return s
    out = []
    for c in s:
        if c.isdigit() and (mode == "e" or rng.random() < 0.5):
            out.append(EAST[int(c)])
        else:
            out.append(c)
    return "".join(out)


_PLAUSIBLE_MISREAD = {
    "3": "8",
    "8": "3",
    "5": "6",
    "6": "5",
    "1": "7",
    "7": "1",
    "0": "8",
    "9": "8",
    "2": "7",
    "4": "9",
}


# --------------------------------------------------------------------------
# Population
# --------------------------------------------------------------------------


class Pool:
    def __init__(self, rows):
        self.rows = rows
        self.cum = []
        t = 0.0
        for r in rows:
            t += float(r[-1])
            self.cum.append(t)
        self.total = t

    def draw(self, rng):
        return self.rows[bisect.bisect(self.cum, rng.random() * self.total)]


def build_world(rng):
    male = Pool(parse(MALE, 3))
    female = Pool(parse(FEMALE, 3))
    fam_rows = parse(FAMILY, 3)
    # many Syrian family names are (forms of) given names: al-Ahmad, Abu Hussein,
    # plain Othman, Haj Ali.  Derive them from the male pool to widen the pool.
    seen = {r[0] for r in fam_rows}
    for ar, ph, w in parse(MALE, 3):
        if " " in ar:
            continue
        for dar, dph, dw in (
            ("ال" + ar, "al-" + ph, 1.5),
            ("أبو " + ar, "abuu " + ph, 0.8),
            (ar, ph, 1.2),
            ("حاج " + ar, "7aajj " + ph, 0.5 if float(w) >= 6 else 0),
        ):
            if dw and dar not in seen:
                seen.add(dar)
                fam_rows.append([dar, dph, str(dw)])
    family = Pool(fam_rows)
    govs = {}
    for ar, lat, code in parse(GOVERNORATES, 3):
        govs[ar] = (lat.split(","), code)
    towns = parse(TOWNS, 4)
    town_pool = Pool(towns)
    # each town has its own clans: a skewed local family-name pool
    local = {}
    for t in towns:
        k = rng.randint(10, 24)
        picks = []
        seen = set()
        while len(picks) < k:
            row = family.draw(rng)
            if row[0] not in seen:
                seen.add(row[0])
                picks.append([row[0], row[1], 12.0 / (len(picks) + 1)])
        local[t[0]] = Pool(picks)
    return dict(
        male=male,
        female=female,
        family=family,
        govs=govs,
        towns=towns,
        town_pool=town_pool,
        local=local,
    )


def arrest_year(rng):
    return int(
        wchoice(
            rng,
            (
                ("2011", 10),
                ("2012", 24),
                ("2013", 22),
                ("2014", 14),
                ("2015", 9),
                ("2016", 7),
                ("2017", 5),
                ("2018", 4),
                ("2019", 3),
                ("2020", 2),
            ),
        )
    )


def random_date(rng, year):
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return (year, m, d)


def make_population(rng, world, n):
    persons = []
    towns = world["towns"]
    same_gov = {}
    for t in towns:
        same_gov.setdefault(t[2], []).append(t)
    clan_no = 0
    while len(persons) < n:
        clan_no += 1
        town = world["town_pool"].draw(rng)
        fam = world["local"][town[0]].draw(rng) if rng.random() < 0.6 else world["family"].draw(rng)
        gf = world["male"].draw(rng)
        n_fathers = int(wchoice(rng, (("1", 60), ("2", 28), ("3", 12))))
        fathers = []
        while len(fathers) < n_fathers:
            f = world["male"].draw(rng)
            if f[0] not in [x[0] for x in fathers]:
                fathers.append(f)
        clan_arrest = arrest_year(rng)
        for father in fathers:
            m_first = world["female"].draw(rng)
            r = rng.random()
            if r < 0.2:
                m_fam = fam  # cousin marriage: mother shares the family name
            elif r < 0.75:
                m_fam = world["local"][town[0]].draw(rng)
            else:
                m_fam = world["family"].draw(rng)
            n_children = int(wchoice(rng, (("1", 55), ("2", 28), ("3", 12), ("4", 5))))
            eldest_birth = None
            names = []
            house_arrest = None
            for c in range(n_children):
                sex = "M" if rng.random() < 0.85 else "F"
                for _ in range(20):
                    if sex == "M" and c == 0 and rng.random() < 0.35:
                        first = gf  # eldest son named after his grandfather
                    else:
                        first = (world["male"] if sex == "M" else world["female"]).draw(rng)
                    if first[0] not in names and first[0] != father[0]:
                        break
                names.append(first[0])
                # arrest: siblings often taken together
                if house_arrest is not None and rng.random() < 0.3:
                    ad, aplace, akind = house_arrest
                else:
                    y = clan_arrest if rng.random() < 0.5 else arrest_year(rng)
                    ad = random_date(rng, y)
                    r2 = rng.random()
                    if r2 < 0.5:
                        aplace = town
                    elif r2 < 0.8:
                        aplace = rng.choice(same_gov[town[2]])
                    else:
                        aplace = world["town_pool"].draw(rng)
                    akind = None if rng.random() < 0.7 else rng.randrange(len(ARREST_KINDS))
                    house_arrest = (ad, aplace, akind)
                if eldest_birth is None:
                    age = int(rng.triangular(15, 65, 26))
                    by = ad[0] - age
                    eldest_birth = by
                else:
                    by = eldest_birth + rng.randint(1, 6) * c
                    if ad[0] - by < 13:
                        by = ad[0] - 13 - rng.randint(0, 3)
                btown = town if rng.random() < 0.8 else rng.choice(same_gov[town[2]])
                code = world["govs"][btown[2]][1]
                nid = code + "".join(str(rng.randint(0, 9)) for _ in range(9))
                age_at = ad[0] - by
                kunya = None
                if age_at >= 25:
                    if sex == "M" and rng.random() < 0.45:
                        son = father if rng.random() < 0.5 else world["male"].draw(rng)
                        kunya = ("أبو " + son[0], "abuu " + son[1])
                    elif sex == "F" and rng.random() < 0.2:
                        son = world["male"].draw(rng)
                        kunya = ("أم " + son[0], "umm " + son[1])
                nick = rng.choice(NICKNAMES) if rng.random() < 0.03 else None
                persons.append(
                    dict(
                        pid=f"P{len(persons) + 1:06d}",
                        clan=clan_no,
                        sex=sex,
                        first=first,
                        father=father,
                        grandfather=gf,
                        family=fam,
                        mother_first=m_first,
                        mother_family=m_fam,
                        birth_year=by,
                        birth_town=btown,
                        nid=nid,
                        arrest=ad,
                        arrest_town=aplace,
                        arrest_kind=akind,
                        kunya=kunya,
                        nick=nick,
                    )
                )
                if len(persons) >= n:
                    break
            if len(persons) >= n:
                break
    return persons


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


def empty_row():
    return {k: "" for k in HEADER}


def iso(d, precision):
    y, m, dd = d
    if precision == "day":
        return f"{y:04d}-{m:02d}-{dd:02d}"
    if precision == "month":
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}"


# what people say rather than what the map says (families only)
COLLOQUIAL_PLACES = {
    "دمشق": ("الشام",),
    "ريف دمشق": ("ريف الشام", "الريف"),
    "دير الزور": ("الدير",),
    "البوكمال": ("أبو كمال", "البو كمال"),
    "معرة النعمان": ("المعرة",),
    "بصرى الشام": ("بصرى",),
    "الشيخ مسكين": ("شيخ مسكين",),
    "اليرموك": ("مخيم اليرموك",),
}


def place_ar(town, world, rng, flags, with_gov_p, colloquial=False):
    name = town[0]
    gov = town[2]
    if colloquial:
        if name in COLLOQUIAL_PLACES and rng.random() < 0.25:
            name = rng.choice(COLLOQUIAL_PLACES[name])
            flags.add("fam_place_colloquial")
        if gov in COLLOQUIAL_PLACES and rng.random() < 0.2:
            gov = rng.choice(COLLOQUIAL_PLACES[gov])
            flags.add("fam_place_colloquial")
    r = rng.random()
    if town[0] == town[2]:  # the town is the governorate's seat and namesake
        return name
    if r < 0.1:
        flags.add("place_governorate_only")
        return gov
    if r < 0.1 + with_gov_p:
        sep = rng.choice(("، ", " - ", " / ", " "))
        return name + sep + gov if rng.random() < 0.7 else gov + sep + name
    return name


def place_lat(town, world, pr, flags):
    lat = render_name(town[1], pr)
    gov_names = world["govs"][town[2]][0]
    gov = pr.rng.choice(gov_names)
    r = pr.rng.random()
    if town[0] == town[2]:  # Aleppo, Homs, Hama...: the town is the governorate
        return lat if r < 0.6 else gov
    if r < 0.12:
        flags.add("place_governorate_only")
        return gov
    if r < 0.4:
        return lat + ", " + gov
    if r < 0.55:
        return lat + " (" + gov + ")"
    return lat


def arrest_place_ar(p, world, rng, flags, with_gov_p, colloquial=False):
    base = place_ar(p["arrest_town"], world, rng, flags, with_gov_p, colloquial)
    if p["arrest_kind"] is not None and rng.random() < 0.6:
        return ARREST_KINDS[p["arrest_kind"]][0].format(t=base, h="ه" if p["sex"] == "M" else "ها")
    return base


def fam_record(p, world, rng, st):
    """A family's report, typed in Arabic."""
    f = set()
    row = empty_row()
    first = fam_spell(p["first"][0], rng, f)
    father = fam_spell(p["father"][0], rng, f)
    gfather = fam_spell(p["grandfather"][0], rng, f)
    family = fam_family_name(p["family"][0], rng, f)
    shape = wchoice(rng, (("full4", 45), ("full3", 45), ("full2", 10)))
    f.add("fam_names_" + shape)
    if shape == "full2":
        father = gfather = ""
        f.add("fam_no_father")
    elif shape == "full3":
        gfather = ""
    name_parts = [x for x in (first, father, gfather, family) if x]
    full = " ".join(name_parts)
    alias = ""
    if p["kunya"] and rng.random() < 0.35:
        alias = fam_spell(p["kunya"][0], rng, f)
    elif p["nick"] and rng.random() < 0.5:
        alias = p["nick"]
    if alias:
        f.add("fam_kunya_or_nickname")
        if rng.random() < 0.85:
            full += " (" + alias + ")"
        else:
            full += " الملقب " + alias
    layout = wchoice(rng, (("both", 45), ("full_only", 35), ("parts_only", 20)))
    f.add("fam_layout_" + layout)
    if layout != "parts_only":
        row["full_name"] = full
    if layout != "full_only":
        row["first_name"] = first + (
            (" (" + alias + ")") if (alias and layout == "parts_only") else ""
        )
        row["father_name"] = father
        row["grandfather_name"] = gfather
        row["family_name"] = family
    r = rng.random()
    if r < 0.5:
        row["mother_name"] = (
            fam_spell(p["mother_first"][0], rng, f)
            + " "
            + fam_family_name(p["mother_family"][0], rng, f)
        )
        f.add("fam_mother_full")
    elif r < 0.85:
        row["mother_name"] = fam_spell(p["mother_first"][0], rng, f)
        f.add("fam_mother_first_only")
    else:
        f.add("fam_mother_missing")
    if rng.random() < 0.9:
        row["sex"] = p["sex"]
    else:
        f.add("sex_missing")
    dmode = "e" if rng.random() < 0.3 else "w"
    if dmode == "e":
        f.add("eastern_digits")
    r = rng.random()
    if r < 0.15:
        f.add("birth_year_missing")
    else:
        by = p["birth_year"]
        if r < 0.15 + 0.25:
            by += rng.choice((-2, -1, -1, 1, 1, 2))
            f.add("birth_year_approx")
        row["birth_year"] = digits(str(by), dmode, rng)
    if rng.random() < 0.8:
        row["birth_place"] = fam_spell(place_ar(p["birth_town"], world, rng, f, 0.3, True), rng, f)
    else:
        f.add("birth_place_missing")
    prec = wchoice(rng, (("day", 30), ("month", 30), ("year", 25), ("none", 15)))
    f.add("arrest_date_" + prec)
    if prec != "none":
        row["date_of_arrest"] = digits(iso(p["arrest"], prec), dmode, rng)
    if rng.random() < 0.85:
        row["place_of_arrest"] = fam_spell(arrest_place_ar(p, world, rng, f, 0.25, True), rng, f)
    if rng.random() < 0.3:
        nid = p["nid"]
        if rng.random() < 0.06:
            i = rng.randrange(len(nid))
            nid = nid[:i] + str((int(nid[i]) + rng.randint(1, 9)) % 10) + nid[i + 1 :]
            f.add("nid_typo")
        row["national_id"] = digits(nid, dmode, rng)
        f.add("nid_present")
    st.update(f)
    return row


def ocr_record(p, world, rng, st):
    """An official document, scanned and OCR'd (Arabic)."""
    f = set()
    row = empty_row()
    qual = wchoice(rng, (("good", 50), ("medium", 35), ("bad", 15)))
    f.add("ocr_quality_" + qual)
    q = {"good": 0.006, "medium": 0.03, "bad": 0.08}[qual]

    def noisy(s):
        return ocr_text(s, q, rng, f)

    row["first_name"] = noisy(p["first"][0])
    row["father_name"] = noisy(p["father"][0])
    if rng.random() < 0.25:
        row["grandfather_name"] = noisy(p["grandfather"][0])
    row["family_name"] = noisy(p["family"][0])
    if rng.random() < 0.6:
        parts = (
            [p["first"][0], p["father"][0]]
            + ([p["grandfather"][0]] if rng.random() < 0.2 else [])
            + [p["family"][0]]
        )
        row["full_name"] = noisy(" ".join(parts))
    r = rng.random()
    if r < 0.55:
        row["mother_name"] = noisy(p["mother_first"][0])
    elif r < 0.75:
        row["mother_name"] = noisy(p["mother_first"][0] + " " + p["mother_family"][0])
    if rng.random() < 0.97:
        row["sex"] = p["sex"]
    else:
        f.add("sex_missing")

    def dmode():
        r = rng.random()
        return "e" if r < 0.4 else ("mix" if r < 0.5 else "w")

    by = p["birth_year"]
    ad = p["arrest"]
    by_s = str(by)
    r = rng.random()
    if r < 0.015:
        # misread digit making the year implausible: 1970 -> 1470, 1992 -> 7992
        pos = rng.choice((0, 1, 1))
        if pos == 0:
            by_s = rng.choice("4789") + by_s[1:]
        else:
            by_s = by_s[0] + rng.choice("0147") + by_s[2:]
        f.add("ocr_birth_year_implausible")
    elif r < 0.015 + 0.03:
        pos = rng.choice((2, 3, 3))
        by_s = by_s[:pos] + _PLAUSIBLE_MISREAD[by_s[pos]] + by_s[pos + 1 :]
        f.add("ocr_birth_year_misread_plausible")
    ad_s_year = f"{ad[0]:04d}"
    r = rng.random()
    if r < 0.005:
        by_s, ad_s_year = str(ad[0]), str(by)  # fields swapped by the reader
        f.add("ocr_arrest_before_birth")
    elif r < 0.01:
        ad_s_year = "1" + ad_s_year[1:]  # 2012 -> 1012
        f.add("ocr_arrest_before_birth")
    if rng.random() < 0.96:
        m = dmode()
        if m != "w":
            f.add("eastern_digits")
        row["birth_year"] = digits(by_s, m, rng)
    else:
        f.add("birth_year_missing")
    if rng.random() < 0.8:
        row["birth_place"] = noisy(place_ar(p["birth_town"], world, rng, f, 0.4))
    else:
        f.add("birth_place_missing")
    if rng.random() < 0.9:
        m = dmode()
        if m != "w":
            f.add("eastern_digits")
        prec = "day" if rng.random() < 0.85 else "month"
        f.add("arrest_date_" + prec)
        if prec == "day":
            if rng.random() < 0.3:
                s = f"{ad[2]:02d}/{ad[1]:02d}/{ad_s_year}"
                f.add("ocr_date_dd_mm_yyyy")
            else:
                s = f"{ad_s_year}-{ad[1]:02d}-{ad[2]:02d}"
        else:
            s = f"{ad_s_year}-{ad[1]:02d}"
        row["date_of_arrest"] = digits(s, m, rng)
    else:
        f.add("arrest_date_none")
    if rng.random() < 0.85:
        row["place_of_arrest"] = noisy(arrest_place_ar(p, world, rng, f, 0.3))
    if rng.random() < 0.8:
        nid = p["nid"]
        r = rng.random()
        if r < 0.03:
            i = rng.randrange(len(nid))
            nid = nid[:i] + _PLAUSIBLE_MISREAD[nid[i]] + nid[i + 1 :]
            f.add("ocr_nid_digit_misread")
        elif r < 0.03 + 0.06:
            f.add("ocr_nid_malformed")
            kind = rng.choice(("drop", "dup", "letter", "letter"))
            i = rng.randrange(len(nid))
            if kind == "drop":
                nid = nid[:i] + nid[i + 1 :]
            elif kind == "dup":
                nid = nid[:i] + nid[i] + nid[i:]
        m = dmode()
        if m != "w":
            f.add("eastern_digits")
        nid = digits(nid, m, rng)
        if "ocr_nid_malformed" in f and kind == "letter":
            subs = {"0": "O", "1": "l", "5": "S", "8": "B", "٥": "ه", "٠": ".", "١": "ا", "٧": "V"}
            cand = [k for k, c in enumerate(nid) if c in subs]
            if cand:
                k = rng.choice(cand)
                nid = nid[:k] + subs[nid[k]] + nid[k + 1 :]
            else:
                nid = nid[:-1] + "O"
        row["national_id"] = nid
        f.add("nid_present")
    st.update(f)
    return row


def un_record(p, world, rng, st):
    """A UN / court / NGO list entry in Latin script."""
    f = set()
    row = empty_row()
    style = wchoice(rng, (("en", 70), ("fr", 26), ("az", 4)))
    f.add("un_style_" + style)
    pr = Profile(rng, style)
    first = render_name(p["first"][1], pr)
    father = render_name(p["father"][1], pr)
    gfather = render_name(p["grandfather"][1], pr)
    family = render_name(p["family"][1], pr)
    fam_up = family.upper()
    with_gf = rng.random() < 0.25
    given = " ".join([first, father] + ([gfather] if with_gf else []))
    form = wchoice(
        rng,
        (
            ("comma", 40),
            ("natural", 25),
            ("filiation", 12),
            ("family_first", 13),
            ("given_family", 10),
        ),
    )
    f.add("un_form_" + form)
    if form == "comma":
        full = fam_up + ", " + given
    elif form == "natural":
        full = given + " " + (fam_up if rng.random() < 0.3 else family)
    elif form == "filiation":
        word = (
            rng.choice(("son of", "bin", "ibn", "s/o"))
            if p["sex"] == "M"
            else rng.choice(("daughter of", "bint", "d/o"))
        )
        full = first + " " + word + " " + father + (" " + gfather if with_gf else "") + " " + family
    elif form == "family_first":
        full = fam_up + " " + given
    else:
        full = first + " " + family
        f.add("un_no_father")
    if p["kunya"] and rng.random() < 0.08:
        full += (
            rng.choice((" (a.k.a. ", " alias ", " (aka "))
            + render_name(p["kunya"][1], pr)
            + (")" if rng.random() < 0.7 else "")
        )
        f.add("un_alias")
    row["full_name"] = full
    if rng.random() < 0.3:
        row["first_name"] = first
        row["father_name"] = father if form != "given_family" else ""
        row["family_name"] = family
        f.add("un_parts_filled")
    if rng.random() < 0.3:
        m = render_name(p["mother_first"][1], pr)
        if rng.random() < 0.3:
            m += " " + render_name(p["mother_family"][1], pr)
        row["mother_name"] = m
        f.add("un_mother_present")
    if rng.random() < 0.65:
        row["sex"] = p["sex"] if rng.random() < 0.7 else {"M": "male", "F": "female"}[p["sex"]]
    else:
        f.add("sex_missing")
    r = rng.random()
    if r < 0.25:
        f.add("birth_year_missing")
    else:
        by = p["birth_year"]
        if r < 0.25 + 0.08:
            by += rng.choice((-1, 1))
            f.add("birth_year_approx")
        row["birth_year"] = str(by)
    if rng.random() < 0.6:
        row["birth_place"] = place_lat(p["birth_town"], world, pr, f)
    else:
        f.add("birth_place_missing")
    prec = wchoice(rng, (("day", 40), ("month", 30), ("year", 15), ("none", 15)))
    f.add("arrest_date_" + prec)
    if prec != "none":
        row["date_of_arrest"] = iso(p["arrest"], prec)
    if rng.random() < 0.7:
        pl = place_lat(p["arrest_town"], world, pr, f)
        if p["arrest_kind"] is not None and rng.random() < 0.5:
            pl = ARREST_KINDS[p["arrest_kind"]][1].format(
                t=pl, his="his" if p["sex"] == "M" else "her"
            )
        row["place_of_arrest"] = pl
    if rng.random() < 0.15:
        row["national_id"] = p["nid"]
        f.add("nid_present")
    st.update(f)
    return row


MAKERS = {"families": fam_record, "ocr_documents": ocr_record, "un_list": un_record}
PREFIX = {"families": "FAM", "ocr_documents": "OCR", "un_list": "UN"}

# which lists a person appears in
MEMBERSHIP = (
    (("families",), 25),
    (("ocr_documents",), 10),
    (("un_list",), 8),
    (("families", "ocr_documents"), 20),
    (("families", "un_list"), 12),
    (("ocr_documents", "un_list"), 7),
    (("families", "ocr_documents", "un_list"), 18),
)
DUPLICATE_RATE = 0.03


def generate(seed, n, out):
    rng = random.Random(seed)
    world = build_world(rng)
    persons = make_population(rng, world, n)
    recs = {k: [] for k in LISTS}
    stats = {k: Counter() for k in LISTS}
    memb = Counter()
    for p in persons:
        lists = wchoice(rng, MEMBERSHIP)
        memb[len(lists)] += 1
        for lst in lists:
            copies = 2 if rng.random() < DUPLICATE_RATE else 1
            if copies == 2:
                stats[lst]["duplicate_report"] += 1
            for _ in range(copies):
                recs[lst].append((p["pid"], MAKERS[lst](p, world, rng, stats[lst])))
    os.makedirs(out, exist_ok=True)
    truth = []
    counts = {}
    for lst in LISTS:
        rows = recs[lst]
        rng.shuffle(rows)
        counts[lst] = len(rows)
        with open(os.path.join(out, lst + ".csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            w.writerow(HEADER)
            for i, (pid, row) in enumerate(rows, 1):
                rid = f"{PREFIX[lst]}-{i:06d}"
                row["record_id"] = rid
                w.writerow([row[k] for k in HEADER])
                truth.append((lst, rid, pid))
    with open(os.path.join(out, "truth.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(("list", "record_id", "person_id"))
        w.writerows(truth)
    with open(os.path.join(out, "persons.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(
            (
                "person_id",
                "clan",
                "sex",
                "first_name",
                "father_name",
                "grandfather_name",
                "family_name",
                "mother_name",
                "birth_year",
                "birth_place",
                "national_id",
                "date_of_arrest",
                "place_of_arrest",
                "kunya",
            )
        )
        for p in persons:
            w.writerow(
                (
                    p["pid"],
                    p["clan"],
                    p["sex"],
                    p["first"][0],
                    p["father"][0],
                    p["grandfather"][0],
                    p["family"][0],
                    p["mother_first"][0] + " " + p["mother_family"][0],
                    p["birth_year"],
                    p["birth_town"][0],
                    p["nid"],
                    iso(p["arrest"], "day"),
                    p["arrest_town"][0],
                    p["kunya"][0] if p["kunya"] else "",
                )
            )
    # population structure
    key_ff = Counter((p["first"][0], p["family"][0]) for p in persons)
    namesakes = sum(c for c in key_ff.values() if c > 1)
    key_fff = Counter((p["first"][0], p["father"][0], p["family"][0]) for p in persons)
    namesakes3 = sum(c for c in key_fff.values() if c > 1)
    sib = Counter((p["clan"], p["father"][0]) for p in persons)
    clans = Counter(p["clan"] for p in persons)
    top = Counter(p["first"][0] for p in persons if p["sex"] == "M").most_common(5)
    report = {
        "seed": seed,
        "persons": n,
        "records": counts,
        "persons_in_k_lists": {str(k): memb[k] for k in sorted(memb)},
        "population": {
            "share_male": round(sum(p["sex"] == "M" for p in persons) / n, 3),
            "persons_with_a_sibling": sum(c for c in sib.values() if c > 1),
            "persons_with_a_cousin": sum(
                1 for p in persons if clans[p["clan"]] > sib[(p["clan"], p["father"][0])]
            ),
            "persons_sharing_first_and_family_name": namesakes,
            "persons_sharing_first_father_family_name": namesakes3,
            "persons_with_kunya": sum(1 for p in persons if p["kunya"]),
            "top_male_first_names": top,
        },
        "rates": {
            lst: {k: round(v / counts[lst], 4) for k, v in sorted(stats[lst].items())}
            for lst in LISTS
        },
    }
    with open(os.path.join(out, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(report, fh, ensure_ascii=False, indent=1)
    return report


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    rep = generate(a.seed, a.persons, a.out)
    dt = time.perf_counter() - t0
    print(f"persons {a.persons}, records {rep['records']}, {dt:.2f} s -> {a.out}")


if __name__ == "__main__":
    main()
