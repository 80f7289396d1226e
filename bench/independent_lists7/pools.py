"""Hand-written pools of invented names and real place names for set 7.

Names are common given names and family names; every person made from them is
a random combination, never a real victim. Arabic names carry a "canonical"
romanisation written by hand (aa/ii/uu long vowels, H = ح, 3 = ع, ' = ء,
S D T Z = ص ض ط ظ, kh sh th dh gh), from which generate.py derives English,
French and Kurdish (Hawar) spellings. Kurdish-origin names are given directly
in Arabic script, Kurmanji Latin and English.
"""

import re

_PAIR = re.compile(
    r"([\u0600-\u06ff][\u0600-\u06ff ]*):([A-Za-z0-9' -]+?)(?=\s+[\u0600-\u06ff]|\s*$)"
)


def pairs(text: str) -> list[tuple[str, str]]:
    """Read "arabic:canonical" entries separated by white space."""
    return [(m.group(1).strip(), m.group(2).strip()) for m in _PAIR.finditer(text.strip())]


# Arabic given names, male: "arabic:canonical", most common first.
ARAB_MALE = """
محمد:muHammad أحمد:'aHmad محمود:maHmuud علي:3alii خالد:khaalid عمر:3umar
حسن:Hasan حسين:Husayn مصطفى:muSTafaa يوسف:yuusuf إبراهيم:'ibraahiim
عبد الله:3abd allaah عبد الرحمن:3abd al-raHmaan عبد القادر:3abd al-qaadir
عبد الكريم:3abd al-kariim عبد الرزاق:3abd al-razzaaq عبد الحميد:3abd al-Hamiid
عبد الغني:3abd al-ghanii عبد السلام:3abd al-salaam عبد العزيز:3abd al-3aziiz
عثمان:3uthmaan أسامة:'usaama شادي:shaadii سامر:saamir ماهر:maahir مازن:maazin
باسل:baasil وليد:waliid وسيم:wasiim وائل:waa'il رامي:raamii فادي:faadii
هاني:haanii جمال:jamaal كمال:kamaal نزار:nizaar نضال:niDaal جهاد:jihaad
زياد:ziyaad رياض:riyaaD إياد:'iyaad عماد:3imaad فراس:firaas أنس:'anas
معاذ:mu3aadh حمزة:Hamza طارق:Taariq قاسم:qaasim هشام:hishaam هيثم:haytham
غسان:ghassaan منذر:mundhir صالح:SaaliH فيصل:faySal ياسر:yaasir ياسين:yaasiin
موسى:muusaa عيسى:3iisaa سليمان:sulaymaan داود:daawuud نور الدين:nuur al-diin
صلاح الدين:SalaaH al-diin أيمن:'ayman أمجد:'amjad مهند:muhannad مجد:majd
بلال:bilaal جلال:jalaal شريف:shariif رضوان:riDwaan عدنان:3adnaan مروان:marwaan
سعيد:sa3iid سعد:sa3d ناصر:naaSir منصور:manSuur حسام:Husaam عصام:3iSaam
هاشم:haashim قصي:quSayy لؤي:lu'ayy يحيى:yaHyaa زكريا:zakariyyaa
إسماعيل:'ismaa3iil عامر:3aamir ثائر:thaa'ir تامر:taamir حازم:Haazim نبيل:nabiil
عادل:3aadil فواز:fawwaaz غياث:ghiyaath معتز:mu3tazz أنور:'anwar عمار:3ammaar
ضياء:Diyaa' صهيب:Suhayb عبادة:3ubaada حذيفة:Hudhayfa مالك:maalik رشيد:rashiid
مصعب:muS3ab خليل:khaliil جاسم:jaasim عبدو:3abdu حمدي:Hamdii شاكر:shaakir
"""

ARAB_FEMALE = """
فاطمة:faaTima خديجة:khadiija عائشة:3aa'isha مريم:maryam زينب:zaynab آمنة:'aamina
نور:nuur رنا:ranaa رشا:rashaa هبة:hiba سلمى:salmaa ليلى:laylaa سعاد:su3aad
نجلاء:najlaa' هدى:hudaa رغد:raghad ديمة:diima لمى:lamaa ريم:riim سمر:samar
منى:munaa وفاء:wafaa' أسماء:'asmaa' سوسن:sawsan نادية:naadiya سميرة:samiira
جميلة:jamiila حليمة:Haliima صفاء:Safaa' إيمان:'iimaan رقية:ruqayya شيماء:shaymaa'
ياسمين:yaasamiin غادة:ghaada كوثر:kawthar بشرى:bushraa أمل:'amal سناء:sanaa'
نوال:nawaal عفاف:3afaaf فضة:fiDDa وضحة:waDHa
"""

# Kurdish-origin given names: arabic (variants with |), Kurmanji, English.
KURD_MALE = [
    ("برزان", "Berzan", "Barzan"),
    ("روجهات", "Rojhat", "Rojhat"),
    ("شيار", "Şiyar", "Shiyar"),
    ("ديلوفان|ديلوڤان", "Dilovan", "Dilovan"),
    ("ولات", "Welat", "Walat"),
    ("آزاد", "Azad", "Azad"),
    ("هفال|هڤال", "Heval", "Heval"),
    ("جوان", "Ciwan", "Jwan"),
    ("شيرزاد", "Şêrzad", "Sherzad"),
    ("كاوا", "Kawa", "Kawa"),
    ("آرام", "Aram", "Aram"),
    ("سربست", "Serbest", "Sarbast"),
    ("رزكار", "Rizgar", "Rizgar"),
    ("دلشاد", "Dilşad", "Dilshad"),
    ("بروسك", "Birûsk", "Brusk"),
    ("زانا", "Zana", "Zana"),
    ("هوزان", "Hozan", "Hozan"),
    ("جكر", "Ciger", "Jigar"),
    ("شفان|شڤان", "Şivan", "Shivan"),
    ("سيامند", "Siyamend", "Siyamand"),
    ("ريزان", "Rêzan", "Rezan"),
    ("بوطان", "Botan", "Botan"),
    ("خبات", "Xebat", "Khabat"),
    ("سردار", "Serdar", "Sardar"),
    ("شيخموس", "Şêxmûs", "Sheikhmous"),
    ("حجي", "Hecî", "Hajji"),
    ("عبدو", "Evdo", "Abdo"),
]

KURD_FEMALE = [
    ("روجين", "Rojîn", "Rojin"),
    ("نوجين", "Nûjîn", "Nujin"),
    ("هيفين|هيڤين", "Hêvîn", "Hevin"),
    ("زوزان", "Zozan", "Zozan"),
    ("بريفان|بريڤان", "Berîvan", "Berivan"),
    ("جيان", "Jiyan", "Jiyan"),
    ("شيرين", "Şirîn", "Shirin"),
    ("روناهي", "Ronahî", "Ronahi"),
    ("نسرين", "Nesrîn", "Nisreen"),
    ("كلستان|گلستان", "Gulistan", "Gulistan"),
    ("ليلان", "Leylan", "Leylan"),
    ("ديلان", "Dîlan", "Dilan"),
    ("فيان|ڤيان", "Viyan", "Vian"),
    ("آفين|ئاڤين", "Evîn", "Avin"),
]

# Arab family names: "arabic:canonical".
ARAB_FAMILY = """
الأحمد:al-'aHmad العلي:al-3alii الحسن:al-Hasan الخطيب:al-khaTiib الحلبي:al-Halabii
الحمصي:al-HimSii الشامي:al-shaamii النجار:al-najjaar الحداد:al-Haddaad
الخياط:al-khayyaaT الصالح:al-SaaliH الحسين:al-Husayn العمر:al-3umar
الموسى:al-muusaa الإبراهيم:al-'ibraahiim الدرويش:al-darwiish القاسم:al-qaasim
الزعبي:al-zu3bii المقداد:al-miqdaad الحريري:al-Hariirii الرفاعي:al-rifaa3ii
الجاسم:al-jaasim الفياض:al-fayyaaD الشيخ:al-shaykh السيد:al-sayyid حمدان:Hamdaan
عثمان:3uthmaan سليمان:sulaymaan قدور:qadduur عيسى:3iisaa حجازي:Hijaazii ديب:diib
خليل:khaliil طه:Taaha بكور:bakkuur شحادة:shaHaada حمود:Hammuud الكردي:al-kurdii
البيطار:al-bayTaar الطحان:al-TaHHaan الحكيم:al-Hakiim السقا:al-saqqaa
العطار:al-3aTTaar الزين:al-zayn الأسعد:al-'as3ad المحمد:al-muHammad الخلف:al-khalaf
العساف:al-3assaaf الهلال:al-hilaal الحمادي:al-Hammaadii البكري:al-bakrii
السعدي:al-sa3dii الجبوري:al-jubuurii العنزي:al-3anazii الشمري:al-shammarii
الحموي:al-Hamawii الإدلبي:al-'idlibii الحوراني:al-Hawraanii الظاهر:al-Zaahir
الطويل:al-Tawiil المصطفى:al-muSTafaa الحمد:al-Hamad السليمان:al-sulaymaan
النعسان:al-na3saan العثمان:al-3uthmaan الجمعة:al-jum3a أبو زيد:'abuu zayd
أبو حمدان:'abuu Hamdaan الحاج علي:al-Haajj 3alii المصري:al-miSrii العبد الله:al-3abd allaah
"""

# Kurdish family names: arabic, Kurmanji, English.
KURD_FAMILY = [
    ("حسو", "Hiso", "Hasso"),
    ("عثمان", "Osman", "Othman"),
    ("شيخو", "Şêxo", "Sheikho"),
    ("ملا", "Mele", "Mulla"),
    ("حاجي", "Hacî", "Haji"),
    ("بكر", "Bekir", "Bakr"),
    ("حمو", "Hemo", "Hammo"),
    ("عليكو", "Eliko", "Aliko"),
    ("إبراهيم", "Îbrahîm", "Ibrahim"),
    ("كلو", "Kelo", "Kello"),
    ("سيدو", "Sîdo", "Sido"),
    ("رشو", "Reşo", "Rasho"),
    ("بوزان", "Bozan", "Bozan"),
    ("خلو", "Xelo", "Khallo"),
    ("جميل", "Cemîl", "Jamil"),
    ("يوسف", "Yûsif", "Yousef"),
    ("آغا", "Axa", "Agha"),
    ("ديكو", "Dîko", "Diko"),
    ("نعسو", "Nesso", "Naaso"),
    ("مراد", "Mirad", "Murad"),
    ("زيدو", "Zeydo", "Zaido"),
    ("بريم", "Birîm", "Brim"),
    ("عيسى", "Îsa", "Issa"),
    ("محمد", "Mihemed", "Mohammad"),
]

# Hand-written Kurmanji renderings of Arabic names Kurds carry.
KURMANJI_OF = {
    "محمد": ["Mihemed", "Mehmed", "Muhammed"],
    "أحمد": ["Ehmed"],
    "علي": ["Elî", "Eli"],
    "حسن": ["Hesen"],
    "حسين": ["Hisên", "Huseyn"],
    "مصطفى": ["Mistefa"],
    "عبد الرحمن": ["Evdirehman", "Ebdulrehman"],
    "عبد الله": ["Evdila", "Ebdulla"],
    "عبد القادر": ["Evdilqadir"],
    "عثمان": ["Osman"],
    "يوسف": ["Yûsif", "Yusuf"],
    "إبراهيم": ["Îbrahîm", "Ibrahîm"],
    "عمر": ["Omer"],
    "خليل": ["Xelîl"],
    "خالد": ["Xalid"],
    "سليمان": ["Silêman"],
    "فاطمة": ["Fatma"],
    "خديجة": ["Xedîce"],
    "عائشة": ["Eyşe"],
    "مريم": ["Meryem"],
    "زينب": ["Zeyneb"],
    "آمنة": ["Emîne"],
    "عيسى": ["Îsa"],
    "موسى": ["Mûsa"],
}

# Hand-written English spellings that rules would not give, with weights.
ENGLISH_OF = {
    "محمد": [("Mohammad", 35), ("Mohammed", 25), ("Muhammad", 15), ("Mohamad", 15), ("Mhd", 5)],
    "أحمد": [("Ahmad", 60), ("Ahmed", 40)],
    "محمود": [("Mahmoud", 70), ("Mahmud", 20), ("Mahmood", 10)],
    "مصطفى": [("Mustafa", 60), ("Mostafa", 30), ("Moustafa", 10)],
    "يوسف": [("Yousef", 45), ("Yusuf", 25), ("Youssef", 20), ("Yosef", 10)],
    "عمر": [("Omar", 85), ("Umar", 15)],
    "عثمان": [("Othman", 60), ("Osman", 25), ("Uthman", 15)],
    "حسين": [("Hussein", 60), ("Husain", 15), ("Hussain", 25)],
    "أسامة": [("Osama", 60), ("Usama", 25), ("Ousama", 15)],
    "عبدو": [("Abdo", 70), ("Abdu", 30)],
}

FRENCH_OF = {
    "محمد": [("Mohamed", 50), ("Mohammed", 20), ("Mouhammad", 15), ("Mhamad", 15)],
    "أحمد": [("Ahmed", 70), ("Ahmad", 30)],
    "مصطفى": [("Moustafa", 70), ("Mostafa", 30)],
    "يوسف": [("Youssef", 80), ("Youcef", 20)],
    "حسين": [("Houssein", 50), ("Hussein", 50)],
    "عبد القادر": [("Abdelkader", 80), ("Abdel Kader", 20)],
    "عبدو": [("Abdo", 100)],
}

# Towns: key, arabic, english, french, kurmanji (or ""), governorate, neighbourhoods.
TOWNS = [
    (
        "damascus",
        "دمشق",
        "Damascus",
        "Damas",
        "Şam",
        "دمشق",
        "الميدان كفرسوسة برزة القابون جوبر المزة التضامن مخيم_اليرموك ركن_الدين",
    ),
    ("douma", "دوما", "Douma", "Douma", "", "ريف دمشق", ""),
    ("darayya", "داريا", "Darayya", "Daraya", "", "ريف دمشق", ""),
    ("moadamiya", "المعضمية", "Al-Moadamiyah", "Mouadamiyé", "", "ريف دمشق", ""),
    ("harasta", "حرستا", "Harasta", "Harasta", "", "ريف دمشق", ""),
    ("zabadani", "الزبداني", "Al-Zabadani", "Zabadani", "", "ريف دمشق", ""),
    ("tall", "التل", "Al-Tall", "Tall", "", "ريف دمشق", ""),
    ("homs", "حمص", "Homs", "Homs", "Hims", "حمص", "بابا_عمرو الخالدية الوعر باب_السباع الإنشاءات"),
    ("qusayr", "القصير", "Al-Qusayr", "Qousseir", "", "حمص", ""),
    ("rastan", "الرستن", "Al-Rastan", "Rastane", "", "حمص", ""),
    ("talbiseh", "تلبيسة", "Talbiseh", "Talbissé", "", "حمص", ""),
    ("hama", "حماة", "Hama", "Hama", "Hema", "حماة", "الحاضر باب_قبلي جنوب_الملعب"),
    ("latamneh", "اللطامنة", "Al-Latamneh", "Lataminé", "", "حماة", ""),
    ("kafranbel", "كفرنبل", "Kafranbel", "Kafr Nabl", "", "إدلب", ""),
    ("maarat", "معرة النعمان", "Maarat al-Numan", "Maarret en-Noumane", "", "إدلب", ""),
    ("saraqib", "سراقب", "Saraqib", "Saraqeb", "", "إدلب", ""),
    (
        "aleppo",
        "حلب",
        "Aleppo",
        "Alep",
        "Heleb",
        "حلب",
        "الشعار صلاح_الدين بستان_القصر الصاخور الكلاسة الشيخ_مقصود",
    ),
    ("azaz", "إعزاز", "Azaz", "Aazaz", "Ezaz", "حلب", ""),
    ("bab", "الباب", "Al-Bab", "El-Bab", "", "حلب", ""),
    ("manbij", "منبج", "Manbij", "Manbej", "Minbic", "حلب", ""),
    ("daraa", "درعا", "Daraa", "Deraa", "", "درعا", "درعا_البلد درعا_المحطة"),
    ("nawa", "نوى", "Nawa", "Naoua", "", "درعا", ""),
    ("inkhil", "إنخل", "Inkhil", "Inkhel", "", "درعا", ""),
    ("tafas", "طفس", "Tafas", "Tafas", "", "درعا", ""),
    (
        "deir",
        "دير الزور",
        "Deir ez-Zor",
        "Deir ez-Zor",
        "Dêra Zor",
        "دير الزور",
        "الجورة القصور الحميدية",
    ),
    ("mayadin", "الميادين", "Al-Mayadin", "Mayadine", "", "دير الزور", ""),
    ("raqqa", "الرقة", "Raqqa", "Raqqa", "Reqa", "الرقة", ""),
    ("latakia", "اللاذقية", "Latakia", "Lattaquié", "", "اللاذقية", "الرمل_الجنوبي الصليبة"),
    # Kurdish towns: the Kurmanji name often differs from the Arabic one.
    ("qamishli", "القامشلي", "Qamishli", "Qamichli", "Qamişlo", "الحسكة", "الهلالية قدوربك"),
    ("amuda", "عامودا", "Amuda", "Amouda", "Amûdê", "الحسكة", ""),
    ("darbasiyah", "الدرباسية", "Al-Darbasiyah", "Derbassiyé", "Dirbêsiyê", "الحسكة", ""),
    ("malikiyah", "المالكية", "Al-Malikiyah", "Malkiyé", "Dêrik", "الحسكة", ""),
    ("rasalain", "رأس العين", "Ras al-Ain", "Ras el-Aïn", "Serêkaniyê", "الحسكة", ""),
    ("qahtaniyah", "القحطانية", "Al-Qahtaniyah", "Qahtaniyé", "Tirbespî", "الحسكة", ""),
    ("hasakah", "الحسكة", "Al-Hasakah", "Hassaké", "Hesekê", "الحسكة", ""),
    ("kobani", "عين العرب", "Ain al-Arab", "Aïn el-Arab", "Kobanî", "حلب", ""),
    ("afrin", "عفرين", "Afrin", "Afrine", "Efrîn", "حلب", ""),
    ("jindires", "جنديرس", "Jindires", "Jindirès", "Cindirês", "حلب", ""),
    ("rajo", "راجو", "Rajo", "Rajo", "Reco", "حلب", ""),
]

# English names some Latin lists use instead (Kobani for Ain al-Arab ...).
ENGLISH_ALT = {"kobani": "Kobani", "malikiyah": "Derik", "rasalain": "Serekaniye"}

ARAB_TOWN_WEIGHTS = {
    "damascus": 10,
    "douma": 7,
    "darayya": 5,
    "moadamiya": 3,
    "harasta": 3,
    "zabadani": 2,
    "tall": 2,
    "homs": 9,
    "qusayr": 2,
    "rastan": 3,
    "talbiseh": 2,
    "hama": 6,
    "latamneh": 2,
    "kafranbel": 2,
    "maarat": 3,
    "saraqib": 2,
    "aleppo": 10,
    "azaz": 2,
    "bab": 2,
    "manbij": 2,
    "daraa": 6,
    "nawa": 3,
    "inkhil": 2,
    "tafas": 2,
    "deir": 5,
    "mayadin": 2,
    "raqqa": 3,
    "latakia": 3,
    "hasakah": 2,
    "qamishli": 1,
}
KURD_TOWN_WEIGHTS = {
    "qamishli": 10,
    "amuda": 5,
    "darbasiyah": 3,
    "malikiyah": 4,
    "rasalain": 3,
    "qahtaniyah": 3,
    "hasakah": 4,
    "kobani": 6,
    "afrin": 7,
    "jindires": 3,
    "rajo": 2,
    "aleppo": 5,
    "damascus": 3,
}

# Kurds of Aleppo and Damascus live in these neighbourhoods.
KURD_NEIGHBOURHOOD = {"aleppo": "الشيخ مقصود", "damascus": "ركن الدين"}
KURMANJI_NEIGHBOURHOOD = {"الشيخ مقصود": "Şêxmeqsûd", "ركن الدين": "Zorava"}

BRANCHES_AR = [
    "فرع فلسطين",
    "الفرع 215",
    "فرع المنطقة",
    "المخابرات الجوية",
    "الأمن العسكري",
    "الأمن السياسي",
    "أمن الدولة",
]
BRANCHES_EN = [
    "Palestine Branch",
    "Branch 215",
    "Area Branch",
    "Air Force Intelligence",
    "Military Security",
    "Political Security",
    "State Security",
]
BRANCHES_FR = [
    "Branche Palestine",
    "Branche 215",
    "Branche de la Région",
    "Renseignements de l'armée de l'air",
    "Sécurité militaire",
    "Sécurité politique",
    "Sûreté de l'État",
]

NICKNAMES_AR = [
    "الأشقر",
    "الأسمر",
    "الطويل",
    "الحمصي",
    "الشيخ",
    "الأستاذ",
    "الدكتور",
    "أبو شنب",
    "الكردي",
    "الحلبي",
]

MONTHS_LEVANT = [
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
