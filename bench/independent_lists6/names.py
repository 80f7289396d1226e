"""Name and place pools for the sixth independent linkage test set.

Written by hand for this set (no other pool of the project was read).  Every entry is
``arabic:phonemic:weight``.  The phonemic form is a plain ASCII key from which the Latin
spellings of each tradition are made (see ``translit.py``):

* short vowels ``a i u`` (and ``e o`` for Kurdish names), long vowels ``aa ii uu oo ee``;
* consonants ``b t th j H kh d dh r z s sh S D T Z 3 gh f q k l m n h w y v '``
  (``H`` = ح, ``S`` = ص, ``D`` = ض, ``T`` = ط, ``Z`` = ظ, ``3`` = ع, ``'`` = hamza);
* ``al-`` is the article; ``_`` joins the parts of a compound name (عبد الله, أبو زيد).

Weights are relative frequencies: محمد is by far the most frequent male first name, and a
handful of names cover most of the population, as in real Syrian registers.  The people built
from these pools are invented; no entry is taken from a list of victims.
"""

from __future__ import annotations

MALE = """
محمد:muHammad:120
أحمد:aHmad:45
محمود:maHmuud:25
خالد:khaalid:22
علي:3alii:22
عبد الله:3abd_allaah:14
حسن:Hasan:16
حسين:Husayn:14
عمر:3umar:14
مصطفى:muSTafaa:12
إبراهيم:ibraahiim:12
يوسف:yuusuf:12
عبد الرحمن:3abd_al-raHmaan:8
عبد الكريم:3abd_al-kariim:5
عبد القادر:3abd_al-qaadir:5
عبد الرزاق:3abd_al-razzaaq:3
عبد الحميد:3abd_al-Hamiid:3
عبد الباسط:3abd_al-baasiT:2
سامر:saamir:6
رامي:raamii:6
فادي:faadii:6
شادي:shaadii:4
باسل:baasil:5
وليد:waliid:7
جمال:jamaal:6
قاسم:qaasim:5
طارق:Taariq:5
ماهر:maahir:5
مازن:maazin:4
نور الدين:nuur_al-diin:3
صلاح:SalaaH:4
زياد:ziyaad:5
أنس:anas:5
معاذ:mu3aadh:4
حمزة:Hamza:6
بلال:bilaal:5
عمار:3ammaar:5
ياسر:yaasir:5
هيثم:haytham:4
وائل:waa'il:4
غسان:ghassaan:4
نضال:niDaal:3
رياض:riyaaD:3
منير:muniir:3
سعيد:sa3iid:5
سليمان:sulaymaan:5
عثمان:3uthmaan:4
فراس:firaas:4
عدنان:3adnaan:4
كمال:kamaal:4
جهاد:jihaad:4
ثائر:thaa'ir:3
مهند:muhannad:4
أيمن:ayman:4
أسامة:usaama:4
عماد:3imaad:4
صالح:SaaliH:5
حسام:Husaam:4
عادل:3aadil:4
نبيل:nabiil:3
فيصل:faySal:3
رضوان:riDwaan:3
عيسى:3iisaa:3
موسى:muusaa:4
إسماعيل:ismaa3iil:4
أيهم:ayham:3
مجد:majd:3
قصي:quSay:3
لؤي:lu'ay:2
ضياء:Diyaa':2
يحيى:yaHyaa:4
زكريا:zakariyyaa:3
مروان:marwaan:3
منذر:mundhir:2
بشير:bashiir:2
نزار:nizaar:2
توفيق:tawfiiq:2
شريف:shariif:2
عصام:3iSaam:3
رشيد:rashiid:2
حازم:Haazim:2
خليل:khaliil:4
جميل:jamiil:2
"""

FEMALE = """
فاطمة:faaTima:30
مريم:maryam:15
عائشة:3aa'isha:10
خديجة:khadiija:10
زينب:zaynab:8
رنا:ranaa:6
هبة:hiba:6
نور:nuur:8
سارة:saara:6
ريم:riim:6
آمنة:aamina:7
سميرة:samiira:5
هدى:hudaa:5
رهف:rahaf:4
لينا:liinaa:4
منى:munaa:5
سعاد:su3aad:5
نجاح:najaaH:4
وفاء:wafaa':4
أسماء:asmaa':5
رشا:rashaa:4
ديما:diimaa:3
لمى:lamaa:3
إيمان:iimaan:6
حنان:Hanaan:5
سلمى:salmaa:4
نادية:naadiya:4
ليلى:laylaa:4
سهام:sihaam:3
عبير:3abiir:3
غادة:ghaada:3
جميلة:jamiila:3
صفاء:Safaa':3
نسرين:nisriin:4
رغد:raghad:3
بشرى:bushraa:3
هالة:haala:3
رزان:razaan:3
دعاء:du3aa':3
أمل:amal:4
ياسمين:yaasmiin:3
حليمة:Haliima:3
كوثر:kawthar:2
رقية:ruqayya:3
وداد:widaad:2
ابتسام:ibtisaam:2
نوال:nawaal:3
خلود:khuluud:2
مها:mahaa:3
"""

# Kurdish given names (families of the Afrin, Kobani and Qamishli areas); these families
# also give Arabic names (see KURDISH_ARABIC_SHARE in generate.py).
KURDISH_MALE = """
شيرفان:sheervaan:3
آزاد:aazaad:4
روجهات:roojhaat:2
ديلوفان:deeloovaan:2
برزان:barzaan:2
هوزان:hoozaan:2
جوان:jiwaan:2
ريزان:reezaan:2
كاوا:kaawaa:2
شفان:shivaan:2
آلان:aalaan:2
هفال:haval:2
"""

KURDISH_FEMALE = """
روجين:roojiin:3
آفين:aaviin:3
جيان:jiyaan:2
بريفان:beriivaan:2
هيفي:heevii:2
زوزان:zoozaan:2
شيرين:shiiriin:2
نارين:naariin:2
"""

FAMILY = """
الأحمد:al-aHmad:10
الحسن:al-Hasan:8
العلي:al-3alii:9
المحمد:al-muHammad:8
الخطيب:al-khaTiib:6
الحموي:al-Hamawii:4
الحلبي:al-Halabii:4
الحمصي:al-HimSii:3
الشامي:al-shaamii:3
المصري:al-miSrii:4
الدرويش:al-darwiish:4
السيد:al-sayyid:4
الزعبي:al-zu3bii:5
المقداد:al-miqdaad:3
الحريري:al-Hariirii:4
الحوراني:al-Hawraanii:3
الرفاعي:al-rifaa3ii:3
النعيمي:al-nu3aymii:3
العبد الله:al-3abd_allaah:4
الحسين:al-Husayn:5
الإبراهيم:al-ibraahiim:4
اليوسف:al-yuusuf:4
الخليل:al-khaliil:3
الصالح:al-SaaliH:4
العمر:al-3umar:4
الشيخ:al-shaykh:3
قباني:qabbaanii:2
الجاسم:al-jaasim:3
الحمادة:al-Hamaada:3
السعدي:al-sa3dii:2
العثمان:al-3uthmaan:3
البكري:al-bakrii:2
الطويل:al-Tawiil:2
حداد:Haddaad:3
نجار:najjaar:3
خياط:khayyaaT:2
عطار:3aTTaar:2
الدباغ:al-dabbaagh:2
حمدان:Hamdaan:3
شحادة:shiHaada:3
سليمان:sulaymaan:3
قاسم:qaasim:2
الأسعد:al-as3ad:2
البيطار:al-bayTaar:2
كيالي:kayyaalii:2
الكردي:al-kurdii:3
التركماني:al-turkumaanii:2
العكيدي:al-3ukaydii:2
الجبوري:al-jubuurii:2
الشمري:al-shammarii:2
العنزي:al-3anazii:2
الفارس:al-faaris:2
الموسى:al-muusaa:3
المحمود:al-maHmuud:3
الجندي:al-jundii:2
الزين:al-zayn:2
الحاج:al-Haajj:3
حاج علي:Haajj_3alii:2
أبو زيد:abuu_zayd:2
أبو حمدان:abuu_Hamdaan:1
الغزاوي:al-ghazzaawii:1
الكيلاني:al-kiilaanii:1
الخالد:al-khaalid:3
الحمد:al-Hamad:3
العيسى:al-3iisaa:2
المصطفى:al-muSTafaa:2
"""

KURDISH_FAMILY = """
شيخو:sheekhoo:3
حسو:Hassoo:3
مامو:maamoo:2
كالو:kaaloo:2
حاجي:Haajii:3
رشو:rashoo:2
تمو:tammoo:2
بكر:bakir:2
جعفر:ja3far:2
عبدي:3abdii:2
حمو:Hammoo:2
إيبو:iiboo:1
"""

# Consonants for generated rare family names: (Arabic letter, phonemic).
ROOT_CONSONANTS = [
    ("ب", "b"),
    ("ت", "t"),
    ("ج", "j"),
    ("ح", "H"),
    ("خ", "kh"),
    ("د", "d"),
    ("ر", "r"),
    ("ز", "z"),
    ("س", "s"),
    ("ش", "sh"),
    ("ص", "S"),
    ("ط", "T"),
    ("ع", "3"),
    ("غ", "gh"),
    ("ف", "f"),
    ("ق", "q"),
    ("ك", "k"),
    ("ل", "l"),
    ("م", "m"),
    ("ن", "n"),
    ("ه", "h"),
]

# Word patterns for the long tail of family names: {1}{2}{3} are the root's consonants.
SURNAME_PATTERNS = [
    ("ال{1}{2}ا{3}ي", "al-{1}i{2}aa{3}ii"),
    ("ال{1}{2}{3}اني", "al-{1}a{2}{3}aanii"),
    ("{1}{2}ا{3}ة", "{1}a{2}aa{3}a"),
    ("ال{1}{2}ي{3}ي", "al-{1}u{2}ay{3}ii"),
    ("{1}{2}و{3}", "{1}a{2}{2}uu{3}"),
    ("ال{1}ا{2}{3}", "al-{1}aa{2}i{3}"),
]

# Towns: arabic, phonemic, governorate (arabic), region, Kurdish-majority flag,
# exonyms {tradition: spelling} used by European and media lists.
TOWNS = [
    (
        "دمشق",
        "dimashq",
        "دمشق",
        "south",
        False,
        {"de": "Damaskus", "fr": "Damas", "en": "Damascus", "sv": "Damaskus"},
    ),
    ("داريا", "daaryaa", "ريف دمشق", "south", False, {}),
    ("دوما", "duumaa", "ريف دمشق", "south", False, {"fr": "Douma", "en": "Douma"}),
    ("الزبداني", "al-zabadaanii", "ريف دمشق", "south", False, {}),
    ("التل", "al-tall", "ريف دمشق", "south", False, {}),
    (
        "حلب",
        "Halab",
        "حلب",
        "north",
        False,
        {"de": "Aleppo", "fr": "Alep", "en": "Aleppo", "sv": "Aleppo"},
    ),
    ("الباب", "al-baab", "حلب", "north", False, {}),
    ("منبج", "manbij", "حلب", "north", False, {}),
    ("اعزاز", "a3zaaz", "حلب", "north", False, {"en": "Azaz", "fr": "Azaz", "de": "Azaz"}),
    ("تل رفعت", "tall_rif3at", "حلب", "north", False, {}),
    ("عفرين", "3afriin", "حلب", "north", True, {"en": "Afrin", "fr": "Afrin", "de": "Afrin"}),
    (
        "عين العرب",
        "3ayn_al-3arab",
        "حلب",
        "north",
        True,
        {"en": "Kobani", "de": "Kobane", "fr": "Kobané"},
    ),
    (
        "حمص",
        "HimS",
        "حمص",
        "centre",
        False,
        {"en": "Homs", "fr": "Homs", "de": "Homs", "sv": "Homs"},
    ),
    ("تلبيسة", "talbiisa", "حمص", "centre", False, {}),
    ("الرستن", "al-rastan", "حمص", "centre", False, {}),
    ("القصير", "al-quSayr", "حمص", "centre", False, {}),
    (
        "حماة",
        "Hamaa",
        "حماة",
        "centre",
        False,
        {"en": "Hama", "fr": "Hama", "de": "Hama", "sv": "Hama"},
    ),
    ("السلمية", "al-salamiyya", "حماة", "centre", False, {}),
    ("كفرنبودة", "kafr_nabuuda", "حماة", "centre", False, {}),
    (
        "درعا",
        "dar3aa",
        "درعا",
        "south",
        False,
        {"en": "Daraa", "fr": "Deraa", "de": "Daraa", "sv": "Daraa"},
    ),
    ("نوى", "nawaa", "درعا", "south", False, {}),
    ("انخل", "inkhil", "درعا", "south", False, {}),
    ("الحراك", "al-Haraak", "درعا", "south", False, {}),
    ("إدلب", "idlib", "إدلب", "north", False, {"en": "Idlib", "fr": "Idleb", "de": "Idlib"}),
    ("سراقب", "saraaqib", "إدلب", "north", False, {}),
    ("معرة النعمان", "ma3arrat_al-nu3maan", "إدلب", "north", False, {}),
    ("جسر الشغور", "jisr_al-shughuur", "إدلب", "north", False, {}),
    (
        "دير الزور",
        "dayr_al-zuur",
        "دير الزور",
        "east",
        False,
        {"en": "Deir ez-Zor", "fr": "Deir ez-Zor", "de": "Deir ez-Zor"},
    ),
    ("الميادين", "al-mayaadiin", "دير الزور", "east", False, {}),
    ("الرقة", "al-raqqa", "الرقة", "east", False, {"en": "Raqqa", "fr": "Raqqa", "de": "Rakka"}),
    (
        "القامشلي",
        "al-qaamishlii",
        "الحسكة",
        "east",
        True,
        {"en": "Qamishli", "fr": "Qamichli", "de": "Qamischli"},
    ),
    (
        "الحسكة",
        "al-Hasaka",
        "الحسكة",
        "east",
        False,
        {"en": "Hasakah", "fr": "Hassaké", "de": "Hasaka"},
    ),
    (
        "اللاذقية",
        "al-laadhiqiyya",
        "اللاذقية",
        "coast",
        False,
        {"en": "Latakia", "fr": "Lattaquié", "de": "Latakia"},
    ),
    ("بانياس", "baaniyaas", "طرطوس", "coast", False, {}),
]

# Places of arrest that are not towns (checkpoints, offices); used by several lists.
ARREST_PLACES_EXTRA = ["حاجز القطيفة", "مطار دمشق", "الحدود اللبنانية", "جامعة دمشق", "حاجز المزة"]

# Detention branches written in the burial documents (institutions, not people).
BRANCHES = ["الفرع 215", "الفرع 227", "الفرع 235", "الفرع 248", "الفرع 251", "سجن صيدنايا"]

# Invented two-digit codes by governorate for the invented national numbers.
GOV_CODE = {
    "دمشق": "01",
    "ريف دمشق": "02",
    "حلب": "03",
    "حمص": "04",
    "حماة": "05",
    "درعا": "06",
    "إدلب": "07",
    "دير الزور": "08",
    "الرقة": "09",
    "الحسكة": "10",
    "اللاذقية": "11",
    "طرطوس": "12",
}


def parse_pool(text: str) -> list[tuple[str, str, int]]:
    """Return the ``(arabic, phonemic, weight)`` rows of a pool, in file order."""
    rows = []
    for line in text.strip().splitlines():
        arabic, phon, weight = line.split(":")
        rows.append((arabic, phon, int(weight)))
    return rows
