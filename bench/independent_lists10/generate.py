"""Independent linkage test set 10: four synthetic lists of the missing, with ground truth.

Written blind (see README.md). Python 3.11 standard library only; the same seed gives
byte-identical files. Lists:

* unhcr_registration.csv  family members left behind in Syria, noted in refugee registration
                          cases in Lebanon and Jordan (Latin, Levantine/French transliteration)
* fb_families_group.csv   names posted by families on a Facebook group (Arabizi, Latin, Arabic)
* photo_identifications.csv  detainees recognised by relatives in custody photographs (Arabic)
* hotline_calls.csv       names dictated by phone to a volunteer who types them (Arabic)

Only invented people: names are drawn from pools of common given and family names.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
from collections import Counter

# ---------------------------------------------------------------------------
# Name pools. Each name: Arabic spelling, a phonetic base used to write it in Latin letters
# (7 ح, 3 ع, 5 خ, 8 غ, 2 ء, q ق, S ص, D ض, T ط, Z ظ, C ش, X ث, V ذ; aa/ii/uu long vowels),
# and a weight.

M_COMMON = [
    ("محمد", "mo7ammad", 18),
    ("أحمد", "a7mad", 8),
    ("محمود", "ma7muud", 4),
    ("خالد", "5aaled", 4),
    ("عمر", "3omar", 3),
    ("علي", "3ali", 3),
    ("حسن", "7asan", 2.5),
    ("حسين", "7usein", 2),
    ("عبد الله", "3abd allah", 3),
    ("عبد الرحمن", "3abd al-ra7maan", 2),
    ("عبد الكريم", "3abd al-kariim", 1),
    ("عبد القادر", "3abd al-qaader", 1),
    ("مصطفى", "moSTafa", 2),
    ("إبراهيم", "ibraahiim", 2),
    ("يوسف", "yuusef", 2),
    ("ياسر", "yaaser", 1.5),
    ("سامر", "saamer", 1),
    ("ماهر", "maaher", 1),
    ("وائل", "waa2el", 1),
    ("رائد", "raa2ed", 1),
    ("ثائر", "Xaa2er", 0.7),
    ("مؤيد", "mo2ayyad", 0.5),
    ("فراس", "feraas", 1),
    ("عمار", "3ammaar", 1),
    ("أنس", "anas", 1.5),
    ("معاذ", "mu3aaV", 0.8),
    ("حمزة", "7amza", 1.2),
    ("أسامة", "usaama", 1),
    ("طارق", "Taareq", 1),
    ("زياد", "ziyaad", 1),
    ("جمال", "jamaal", 1),
    ("باسل", "baasel", 0.8),
    ("شادي", "Caadi", 0.7),
    ("عدنان", "3adnaan", 0.6),
    ("قاسم", "qaasem", 0.7),
    ("غسان", "8assaan", 0.6),
    ("هيثم", "haiXam", 0.6),
    ("مازن", "maazen", 0.7),
    ("نضال", "neDaal", 0.5),
    ("صالح", "Saale7", 0.8),
    ("سعيد", "sa3iid", 0.8),
    ("ناصر", "naaSer", 0.6),
    ("بلال", "belaal", 0.8),
    ("جهاد", "jihaad", 0.6),
    ("منذر", "monVer", 0.4),
    ("إياد", "iyaad", 0.6),
    ("عماد", "3emaad", 0.6),
    ("وليد", "waliid", 0.7),
    ("خليل", "5aliil", 0.7),
    ("إسماعيل", "ismaa3iil", 0.6),
    ("موسى", "muusa", 0.4),
    ("يحيى", "ya7ya", 0.5),
    ("مهند", "mohannad", 0.6),
    ("لؤي", "lo2ay", 0.4),
    ("ضياء", "Diyaa2", 0.3),
    ("ظافر", "Zaafer", 0.2),
    ("صبحي", "Sub7i", 0.3),
]
M_ALAWITE = [
    ("علي", "3ali", 8),
    ("حيدر", "7aidar", 2),
    ("سليمان", "suleimaan", 2),
    ("محمود", "ma7muud", 2),
    ("جعفر", "ja3far", 1),
    ("حسان", "7assaan", 1.5),
    ("بسام", "bassaam", 1.5),
    ("منير", "muniir", 1),
    ("وسيم", "wasiim", 1.5),
    ("نبيل", "nabiil", 1),
    ("أيمن", "aiman", 1.5),
    ("مجد", "majd", 1),
    ("حسن", "7asan", 2),
    ("محمد", "mo7ammad", 3),
    ("نزار", "nizaar", 1),
]
M_CHRISTIAN = [
    ("جورج", "joorj", 3),
    ("حنا", "7anna", 2),
    ("إلياس", "elyaas", 2),
    ("ميشيل", "miiCeel", 2),
    ("جرجس", "jerjes", 1),
    ("نقولا", "nqoola", 1),
    ("بطرس", "boTros", 1),
    ("طوني", "Tooni", 1.5),
    ("فادي", "faadi", 2),
    ("رامي", "raami", 2),
    ("سامر", "saamer", 1.5),
    ("يوسف", "yuusef", 2),
    ("عبد المسيح", "3abd al-masii7", 0.8),
    ("سمير", "samiir", 1),
    ("جوزيف", "joozeef", 1),
]
M_KURDISH = [
    ("محمد", "mo7ammad", 6),
    ("أحمد", "a7mad", 3),
    ("آزاد", "aazaad", 2),
    ("شيار", "Ciyaar", 1.5),
    ("هفال", "heval", 1.5),
    ("جوان", "jwaan", 1.5),
    ("ريزان", "riizaan", 1),
    ("دلشاد", "dilCaad", 1),
    ("كاوا", "kaawa", 1),
    ("برزان", "barzaan", 1),
    ("خليل", "5aliil", 2),
    ("مصطفى", "moSTafa", 2),
    ("عبد الرحمن", "3abd al-ra7maan", 1.5),
    ("حسن", "7asan", 1.5),
    ("إبراهيم", "ibraahiim", 1.5),
]
M_DRUZE = [
    ("وائل", "waa2el", 2),
    ("فادي", "faadi", 2),
    ("نزيه", "naziih", 1),
    ("كمال", "kamaal", 1.5),
    ("سلمان", "salmaan", 1.5),
    ("جاد", "jaad", 1),
    ("معن", "ma3n", 1),
    ("ربيع", "rabii3", 1),
    ("نبيل", "nabiil", 1),
    ("مهند", "mohannad", 1),
    ("يامن", "yaamen", 1),
    ("هاني", "haani", 1),
    ("عادل", "3aadel", 1),
]
M_ISMAILI = [
    ("علي", "3ali", 3),
    ("حسن", "7asan", 2),
    ("ناصر", "naaSer", 1),
    ("أمير", "amiir", 1),
    ("حسان", "7assaan", 1),
    ("سامر", "saamer", 1),
    ("مهند", "mohannad", 1),
    ("نزار", "nizaar", 1),
    ("أيمن", "aiman", 1),
    ("عماد", "3emaad", 1),
    ("محمد", "mo7ammad", 2),
]
M_PALESTINIAN = [
    ("محمد", "mo7ammad", 8),
    ("أحمد", "a7mad", 4),
    ("خالد", "5aaled", 2),
    ("محمود", "ma7muud", 2),
    ("إبراهيم", "ibraahiim", 1.5),
    ("يوسف", "yuusef", 1.5),
    ("سامر", "saamer", 1),
    ("وسيم", "wasiim", 1),
    ("نضال", "neDaal", 1),
    ("جهاد", "jihaad", 1),
    ("علاء", "3alaa2", 1.5),
    ("ياسر", "yaaser", 1),
    ("عماد", "3emaad", 1),
]

F_COMMON = [
    ("فاطمة", "faaTma", 5),
    ("خديجة", "5adiija", 2),
    ("عائشة", "3aa2iCa", 2),
    ("مريم", "maryam", 2),
    ("زينب", "zeinab", 1.5),
    ("آمنة", "aamna", 1.5),
    ("رنا", "rana", 1.5),
    ("هبة", "heba", 1.5),
    ("نور", "nuur", 1.5),
    ("سارة", "saara", 1),
    ("ريم", "riim", 1),
    ("رهف", "rahaf", 1),
    ("هدى", "huda", 1),
    ("منى", "muna", 1),
    ("سلمى", "salma", 1),
    ("رشا", "raCa", 1),
    ("إيمان", "iimaan", 1.5),
    ("أسماء", "asmaa2", 1),
    ("دعاء", "do3aa2", 1),
    ("ياسمين", "yaasmiin", 1),
    ("رغد", "ra8ad", 0.8),
    ("بشرى", "boCra", 0.6),
    ("ليلى", "leila", 0.8),
]
F_CHRISTIAN = [
    ("ماري", "maari", 2),
    ("رولا", "ruula", 1.5),
    ("ريتا", "riita", 1),
    ("ميرنا", "mirna", 1),
    ("نسرين", "nesriin", 1),
    ("هالة", "haala", 1),
    ("رنا", "rana", 1),
]
F_KURDISH = [
    ("روجين", "rojiin", 2),
    ("شيرين", "Ciriin", 1.5),
    ("نسرين", "nesriin", 1),
    ("بيريفان", "beriivaan", 1),
    ("زوزان", "zozaan", 1),
    ("فاطمة", "faaTma", 2),
    ("عائشة", "3aa2iCa", 1),
]
F_ALAWITE = [
    ("غدير", "8adiir", 1.5),
    ("لمى", "lama", 1.5),
    ("سوسن", "sawsan", 1),
    ("ميساء", "maisaa2", 1),
    ("رزان", "razaan", 1.5),
    ("علا", "3ola", 1),
]
F_DRUZE = [
    ("ريما", "riima", 1),
    ("منال", "manaal", 1),
    ("سهى", "suha", 1),
    ("ندى", "nada", 1),
    ("جمانة", "jumaana", 1),
]
F_MOTHERS = [
    ("فاطمة", "faaTma", 5),
    ("خديجة", "5adiija", 2),
    ("عائشة", "3aa2iCa", 2),
    ("آمنة", "aamna", 1.5),
    ("زينب", "zeinab", 1),
    ("مريم", "maryam", 1.5),
    ("نجاح", "najaa7", 1),
    ("سعاد", "so3aad", 1),
    ("وداد", "wedaad", 0.8),
    ("حياة", "7ayaat", 0.8),
    ("نوال", "nawaal", 1),
    ("فوزية", "fawziyya", 0.8),
    ("سميرة", "samiira", 1),
    ("جميلة", "jamiila", 0.8),
    ("أمينة", "amiina", 1),
    ("حليمة", "7aliima", 0.8),
    ("سهام", "sihaam", 0.8),
]

# community: share, family names (Arabic, base, weight), places (Arabic, Latin forms),
# male pool, female pool, flight to Lebanon/Jordan (reach of the UNHCR list)
FAMILY = {
    "damascus": [
        ("الخطيب", "al-5aTiib", 3),
        ("الشامي", "al-Caami", 2),
        ("الدوماني", "al-duumaani", 2),
        ("بويضاني", "buwaiDaani", 1),
        ("طه", "Taha", 1.5),
        ("النجار", "al-najjaar", 2),
        ("الحلاق", "al-7allaaq", 1),
        ("القباني", "al-qabbaani", 1),
        ("الحسيني", "al-7useini", 1),
        ("الطباع", "al-Tabbaa3", 1),
        ("دياب", "diyaab", 1.5),
        ("الأحمد", "al-a7mad", 1.5),
        ("زيتون", "zeituun", 1),
        ("الريس", "al-rayyes", 1),
        ("عبد الله", "3abd allah", 1),
    ],
    "homs_hama": [
        ("الحمصي", "al-7imSi", 2),
        ("الدروبي", "al-druubi", 1.5),
        ("السباعي", "al-sibaa3i", 1.5),
        ("الحموي", "al-7amawi", 2),
        ("العلوان", "al-3alwaan", 1.5),
        ("طيارة", "Tayyaara", 1),
        ("الكيلاني", "al-kailaani", 1),
        ("البيطار", "al-beiTaar", 1),
        ("الخضر", "al-5iDr", 1.5),
        ("المصري", "al-maSri", 1.5),
        ("الفاعوري", "al-faa3uuri", 1),
        ("حمدان", "7amdaan", 1.5),
    ],
    "aleppo_idlib": [
        ("الحلبي", "al-7alabi", 2),
        ("كيالي", "kayyaali", 1),
        ("حاج حسين", "7aaj 7usein", 1),
        ("العلي", "al-3ali", 2.5),
        ("الإدلبي", "al-idlibi", 1),
        ("السيد", "al-sayyed", 1.5),
        ("الحسن", "al-7asan", 2),
        ("بكور", "bakkuur", 1),
        ("الخليل", "al-5aliil", 1.5),
        ("عثمان", "3uXmaan", 1),
        ("الحمود", "al-7amuud", 1.5),
        ("قدور", "qadduur", 1),
        ("المحمد", "al-mo7ammad", 2),
        ("النعسان", "al-na3saan", 1),
    ],
    "hauran": [
        ("الزعبي", "al-zo3bi", 3),
        ("الحريري", "al-7ariiri", 2),
        ("المقداد", "al-meqdaad", 1.5),
        ("المسالمة", "al-masaalma", 1.5),
        ("أبازيد", "abaaziid", 1.5),
        ("الرفاعي", "al-rifaa3i", 1),
        ("المحاميد", "al-ma7aamiid", 1),
        ("الجهماني", "al-jahmaani", 1),
        ("الحوراني", "al-7ouraani", 1),
    ],
    "deir_raqqa": [
        ("العبيد", "al-3beid", 1.5),
        ("الجاسم", "al-jaasem", 1.5),
        ("الحمد", "al-7amad", 1.5),
        ("الخلف", "al-5alaf", 1.5),
        ("الحسين", "al-7usein", 2),
        ("الدندل", "al-dandal", 1),
        ("الفرحان", "al-far7aan", 1),
        ("العبد الله", "al-3abd allah", 1.5),
        ("الهويدي", "al-huweidi", 1),
        ("العساف", "al-3assaaf", 1),
    ],
    "alawite": [
        ("إسماعيل", "ismaa3iil", 2),
        ("ديب", "diib", 2),
        ("حيدر", "7aidar", 1.5),
        ("سليمان", "suleimaan", 1.5),
        ("عباس", "3abbaas", 1.5),
        ("خضور", "5aDDuur", 1),
        ("معلا", "mu3alla", 1),
        ("صقر", "Saqr", 1),
        ("شاهين", "Caahiin", 1),
        ("ونوس", "wannuus", 1),
        ("ملحم", "mel7em", 1),
    ],
    "christian": [
        ("حداد", "7addaad", 2),
        ("خوري", "5uuri", 2),
        ("عازار", "3aazaar", 1),
        ("صليبا", "Saliiba", 1),
        ("نصار", "naSSaar", 1),
        ("شحادة", "Ce7aada", 1),
        ("جبور", "jabbuur", 1),
        ("مطر", "maTar", 1),
        ("سلوم", "salluum", 1),
        ("عبد المسيح", "3abd al-masii7", 1),
    ],
    "kurdish": [
        ("حسو", "7asso", 1.5),
        ("عثمان", "3uXmaan", 1),
        ("شيخو", "Ceikho", 1.5),
        ("حمو", "7ammo", 1.5),
        ("علو", "3allo", 1),
        ("بكر", "bakr", 1),
        ("سيدو", "seido", 1),
        ("كالو", "kaalo", 1),
        ("ملا", "mulla", 1),
        ("إيبو", "iibo", 1),
    ],
    "druze": [
        ("أبو فخر", "abu fa5r", 1.5),
        ("الأطرش", "al-aTraC", 1),
        ("الحناوي", "al-7innaawi", 1.5),
        ("أبو عساف", "abu 3assaaf", 1.5),
        ("نصر", "naSr", 1),
        ("الشوفي", "al-Cuufi", 1),
        ("عزام", "3azzaam", 1),
        ("القنطار", "al-qinTaar", 1),
        ("أبو حمدان", "abu 7amdaan", 1),
    ],
    "ismaili": [
        ("الجندي", "al-jundi", 2),
        ("الماغوط", "al-maa8uuT", 1),
        ("سلامة", "salaama", 1),
        ("الخير", "al-5eir", 1),
        ("المير", "al-miir", 1),
        ("درويش", "darwiiC", 1.5),
    ],
    "turkmen": [
        ("تركماني", "turkmaani", 2),
        ("بيرقدار", "bairaqdaar", 1),
        ("جاويش", "jaawiiC", 1),
        ("قره علي", "qara 3ali", 1),
        ("قره حسن", "qara 7asan", 1),
    ],
    "palestinian": [
        ("السعدي", "al-sa3di", 1.5),
        ("الحيفاوي", "al-7eifaawi", 1),
        ("العكاوي", "al-3akkaawi", 1),
        ("عبد العال", "3abd al-3aal", 1),
        ("أبو شقرة", "abu Caqra", 1),
        ("موعد", "maw3ed", 1),
        ("قاسم", "qaasem", 1),
        ("سرحان", "sar7aan", 1),
    ],
}

# places: (Arabic, [Latin forms])
PLACES = {
    "damascus": [
        ("دوما", ["Douma", "Duma", "Doma"]),
        ("داريا", ["Darayya", "Daraya", "Darya"]),
        ("معضمية الشام", ["Moadamiyeh", "Muadamiyat al-Sham", "Moadamiya"]),
        ("الزبداني", ["Zabadani", "Al-Zabadani", "Zabadany"]),
        ("يبرود", ["Yabroud", "Yabrud"]),
        ("القابون", ["Qaboun", "Kaboun", "Al Qabun"]),
        ("دمشق", ["Damascus", "Damas", "Dimashq"]),
    ],
    "homs_hama": [
        ("حمص", ["Homs", "Hims", "Homs City"]),
        ("بابا عمرو", ["Baba Amr", "Baba Amro"]),
        ("تلبيسة", ["Talbiseh", "Telbisa", "Talbisa"]),
        ("الرستن", ["Rastan", "Al-Rastan"]),
        ("حماة", ["Hama", "Hamah", "Hamaa"]),
        ("القصير", ["Qusayr", "Al Qusair", "Kusair"]),
    ],
    "aleppo_idlib": [
        ("حلب", ["Aleppo", "Halab", "Alep"]),
        ("الباب", ["Al-Bab", "Bab", "Al Bab"]),
        ("أعزاز", ["Azaz", "Aazaz", "Izaz"]),
        ("سراقب", ["Saraqib", "Saraqeb", "Sarakeb"]),
        ("معرة النعمان", ["Maarrat al-Numan", "Maaret Al Noman", "Maarat Alnuman"]),
        ("إدلب", ["Idlib", "Idleb", "Edlib"]),
    ],
    "hauran": [
        ("درعا", ["Daraa", "Dara'a", "Deraa", "Dar3a"]),
        ("إنخل", ["Inkhil", "Inkhel", "Enkhel"]),
        ("نوى", ["Nawa", "Nawa City"]),
        ("طفس", ["Tafas", "Tafs"]),
        ("الحراك", ["Al-Hirak", "Herak", "Hrak"]),
    ],
    "deir_raqqa": [
        ("دير الزور", ["Deir ez-Zor", "Deir Ezzor", "Der Al Zor", "Deir Al-Zour"]),
        ("الميادين", ["Mayadin", "Al Mayadeen", "Mayadeen"]),
        ("البوكمال", ["Albukamal", "Abu Kamal", "Boukamal"]),
        ("الرقة", ["Raqqa", "Al Raqqa", "Rakka"]),
    ],
    "alawite": [
        ("اللاذقية", ["Latakia", "Lattakia", "Lattaquie"]),
        ("جبلة", ["Jableh", "Jabla", "Jeble"]),
        ("طرطوس", ["Tartus", "Tartous"]),
        ("بانياس", ["Baniyas", "Banias", "Banyas"]),
    ],
    "christian": [
        ("دمشق", ["Damascus", "Damas"]),
        ("حمص", ["Homs", "Hims"]),
        ("وادي النصارى", ["Wadi al-Nasara", "Wadi Al Nasara", "Wadi Nasara"]),
        ("القامشلي", ["Qamishli", "Kamishli", "Qamishly"]),
        ("حلب", ["Aleppo", "Alep"]),
    ],
    "kurdish": [
        ("القامشلي", ["Qamishli", "Qamishly", "Kamishli", "Qamishlo"]),
        ("عامودا", ["Amuda", "Amouda"]),
        ("عفرين", ["Afrin", "Efrin", "Afreen"]),
        ("عين العرب", ["Kobani", "Ain al-Arab", "Kobane"]),
        ("الحسكة", ["Hasakah", "Al Hasakeh", "Hasaka"]),
        ("ركن الدين", ["Rukn al-Din", "Rukneddine"]),
    ],
    "druze": [
        ("السويداء", ["Sweida", "As-Suwayda", "Swaida", "Soueida"]),
        ("شهبا", ["Shahba", "Shahbaa"]),
        ("جرمانا", ["Jaramana", "Jaramanah"]),
        ("صحنايا", ["Sahnaya", "Sehnaya"]),
    ],
    "ismaili": [
        ("سلمية", ["Salamiyah", "Salamieh", "Salamiyeh", "Salamia"]),
        ("القدموس", ["Qadmus", "Al Qadmous"]),
        ("مصياف", ["Masyaf", "Misyaf", "Masyaf City"]),
    ],
    "turkmen": [
        ("الراعي", ["Al-Rai", "Rai", "Al Raee"]),
        ("اللاذقية", ["Latakia", "Lattakia"]),
        ("حمص", ["Homs", "Hims"]),
        ("حلب", ["Aleppo", "Halab"]),
    ],
    "palestinian": [
        ("مخيم اليرموك", ["Yarmouk Camp", "Yarmouk", "Al Yarmouk"]),
        ("خان الشيح", ["Khan Eshieh", "Khan al-Sheeh", "Khan Al Shih"]),
        ("سبينة", ["Sbeineh", "Sbeina", "Sbena"]),
        ("النيرب", ["Neirab", "Nayrab Camp"]),
        ("مخيم درعا", ["Daraa Camp", "Dar'a Camp"]),
    ],
}

COMMUNITIES = [
    # name, share, male pool, female pool, UNHCR reach, national-number prefix
    ("damascus", 0.17, M_COMMON, F_COMMON, 0.45, "01"),
    ("homs_hama", 0.16, M_COMMON, F_COMMON, 0.55, "05"),
    ("aleppo_idlib", 0.16, M_COMMON, F_COMMON, 0.15, "02"),
    ("hauran", 0.10, M_COMMON, F_COMMON, 0.55, "12"),
    ("deir_raqqa", 0.08, M_COMMON, F_COMMON, 0.15, "09"),
    ("alawite", 0.06, M_ALAWITE, F_ALAWITE, 0.25, "06"),
    ("christian", 0.05, M_CHRISTIAN, F_CHRISTIAN, 0.45, "03"),
    ("kurdish", 0.08, M_KURDISH, F_KURDISH, 0.08, "08"),
    ("druze", 0.04, M_DRUZE, F_DRUZE, 0.35, "13"),
    ("ismaili", 0.03, M_ISMAILI, F_ALAWITE, 0.25, "05"),
    ("turkmen", 0.02, M_COMMON, F_COMMON, 0.10, "02"),
    ("palestinian", 0.05, M_PALESTINIAN, F_COMMON, 0.45, "01"),
]

BRANCHES = [
    ("215", "فرع المداهمة 215", "Raid Branch 215", "far3 215"),
    ("227", "فرع المنطقة 227", "Branch 227", "far3 el manti2a"),
    ("235", "فرع فلسطين 235", "Palestine Branch", "far3 falastin"),
    ("248", "فرع التحقيق العسكري 248", "Military Interrogation 248", "far3 248"),
    ("251", "فرع الخطيب 251", "Al-Khatib Branch", "far3 el 5atib"),
    ("AF", "المخابرات الجوية", "Air Force Intelligence", "el jawiyye"),
    ("SD", "سجن صيدنايا", "Saydnaya Prison", "sednaya"),
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
MONTHS_EN = [
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

PET = {
    "محمد": "حمودة",
    "أحمد": "حمادة",
    "إبراهيم": "برهوم",
    "علي": "علوش",
    "عبد الرحمن": "عبود",
    "عبد الله": "عبدو",
    "مصطفى": "صطوف",
    "فاطمة": "فطوم",
    "خديجة": "خدوج",
    "عائشة": "عيوش",
    "يوسف": "جوجو",
    "حسن": "حسون",
    "محمود": "حمودي",
}
NICK_AR = ["الطويل", "الأشقر", "الأسمر", "الصغير", "أبو شامة"]
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# nominal per-record rates the selftest holds the generator to: list -> tag -> rate
EXPECTED = {
    "unhcr_registration": {
        "upper_family": 0.45,
        "given_in_first": 0.18,
        "father_missing": 0.10,
        "dob_0101": 0.35,
        "dob_full": 0.25,
        "age_only": 0.10,
        "repeat": 0.09,
        "typo": 0.03,
    },
    "fb_families_group": {
        "arabizi": 0.55,
        "arabic_script": 0.15,
        "kunya": 0.12,
        "prefix_word": 0.08,
        "two_digit_year": 0.07,
        "repeat": 0.12,
    },
    "photo_identifications": {
        "first_family_only": 0.20,
        "first_father_only": 0.15,
        "pet_name": 0.03,
        "age": 0.90,
        "hamza_dropped": 0.23,
        "repeat": 0.13,
    },
    "hotline_calls": {
        "phonetic": 0.08,
        "given_in_first": 0.08,
        "kunya_as_family": 0.04,
        "two_digit_year": 0.08,
        "indic_digits": 0.10,
        "repeat": 0.07,
    },
}


def wchoice(rng: random.Random, items):
    return rng.choices(items, weights=[it[-1] for it in items], k=1)[0]


# ---------------------------------------------------------------------------
# Population


def make_population(rng: random.Random, n_persons: int):
    persons = []
    hh_id = 0
    comm_w = [c[1] for c in COMMUNITIES]
    while len(persons) < n_persons:
        comm = rng.choices(COMMUNITIES, weights=comm_w, k=1)[0]
        cname, _, mpool, fpool, _, prefix = comm
        fam_ar, fam_base, _ = wchoice(rng, FAMILY[cname])
        places = PLACES[cname]
        home = rng.choice(places)
        for _g in range(rng.choice([1, 1, 2, 2, 3, 4])):
            gf = wchoice(rng, mpool)
            for _f in range(rng.choice([1, 2, 2, 3, 4])):
                father = wchoice(rng, mpool)
                hh_id += 1
                if rng.random() < 0.45:
                    mfam = (fam_ar, fam_base)
                else:
                    o = wchoice(rng, FAMILY[cname])
                    mfam = (o[0], o[1])
                mother = wchoice(rng, F_MOTHERS if rng.random() < 0.7 else fpool)
                town = home if rng.random() < 0.75 else rng.choice(places)
                base_year = rng.randint(1950, 1992)
                used = set()
                for k in range(rng.choice([1, 2, 3, 3, 4, 5, 6])):
                    female = rng.random() < 0.35
                    if k == 0 and not female and rng.random() < 0.45:
                        first = gf
                    else:
                        first = wchoice(rng, fpool if female else mpool)
                    if first[0] in used or first[0] == father[0]:
                        continue
                    used.add(first[0])
                    by = min(2000, base_year + 2 * k + rng.randint(0, 2))
                    pid = f"P{len(persons) + 1:05d}"
                    detained = rng.random() < (0.10 if female else 0.42)
                    arrest_y = rng.choices(
                        [2011, 2012, 2013, 2014, 2015, 2016, 2017], [14, 30, 22, 12, 9, 7, 6]
                    )[0]
                    fate = (
                        rng.choices(["died", "missing", "released"], [40, 50, 10])[0]
                        if detained
                        else ""
                    )
                    persons.append(
                        {
                            "person_id": pid,
                            "household": f"H{hh_id:05d}",
                            "community": cname,
                            "sex": "F" if female else "M",
                            "first": first[:2],
                            "father": father[:2],
                            "grandfather": gf[:2],
                            "family": (fam_ar, fam_base),
                            "mother": mother[:2],
                            "mother_family": mfam,
                            "birth": (by, rng.randint(1, 12), rng.randint(1, 28)),
                            "birth_place": town,
                            "national_id": prefix + f"{rng.randrange(10**9):09d}",
                            "detained": detained,
                            "arrest": (arrest_y, rng.randint(1, 12), rng.randint(1, 28))
                            if detained
                            else None,
                            "arrest_place": (town if rng.random() < 0.7 else rng.choice(places))
                            if detained
                            else None,
                            "branch": rng.choice(BRANCHES) if detained else None,
                            "fate": fate,
                            "kunya_of": wchoice(rng, mpool)[:2] if not female else None,
                            "nickname": rng.choice(NICK_AR)
                            if not female and rng.random() < 0.15
                            else "",
                        }
                    )
                    if len(persons) >= n_persons:
                        return persons
    return persons


# ---------------------------------------------------------------------------
# Writing a name in Latin letters


def _vowel(rng, v, style):
    if style == "arabizi":
        table = {
            "aa": [("a", 9), ("aa", 1)],
            "ii": [("i", 6), ("ee", 4)],
            "uu": [("o", 4), ("u", 4), ("ou", 2)],
            "a": [("a", 9), ("e", 1)],
            "e": [("e", 8), ("i", 2)],
            "i": [("i", 7), ("e", 3)],
            "i$": [("i", 1)],
            "o": [("o", 8), ("u", 2)],
            "u": [("u", 5), ("o", 5)],
            "oo": [("o", 8), ("oo", 2)],
            "ee": [("e", 7), ("ee", 3)],
        }
    else:
        table = {
            "aa": [("a", 9), ("aa", 1)],
            "ii": [("ee", 5), ("i", 5)],
            "i$": [("i", 8), ("y", 2)],
            "uu": [("ou", 5), ("u", 4), ("oo", 1)],
            "a": [("a", 96), ("e", 4)],
            "e": [("e", 6), ("i", 4)],
            "i": [("i", 7), ("e", 3)],
            "o": [("o", 6), ("ou", 2), ("u", 2)],
            "u": [("u", 6), ("o", 3), ("ou", 1)],
            "oo": [("o", 7), ("ou", 3)],
            "ee": [("e", 6), ("i", 4)],
        }
    opts = table[v]
    return rng.choices([o[0] for o in opts], [o[1] for o in opts])[0]


def _cons(rng, c, style, at_start, tags):
    if style == "arabizi":
        m = {
            "7": [("7", 1)],
            "3": [("3", 1)],
            "5": [("5", 6), ("7'", 2), ("kh", 2)],
            "8": [("8", 4), ("3'", 3), ("gh", 3)],
            "2": [("2", 8), ("", 2)],
            "q": [("2", 35), ("9", 20), ("q", 45)],
            "S": [("s", 85), ("9", 15)],
            "D": [("d", 1)],
            "T": [("t", 9), ("6", 1)],
            "Z": [("z", 5), ("th", 5)],
            "C": [("sh", 8), ("ch", 2)],
            "X": [("th", 5), ("s", 3), ("t", 2)],
            "V": [("th", 4), ("z", 4), ("d", 2)],
        }
    else:
        m = {
            "7": [("h", 1)],
            "3": [("", 8), ("'", 1), ("a", 1)] if not at_start else [("", 1)],
            "5": [("kh", 1)],
            "8": [("gh", 1)],
            "2": [("", 7), ("'", 3)],
            "q": [("q", 6), ("k", 4)],
            "S": [("s", 1)],
            "D": [("d", 1)],
            "T": [("t", 1)],
            "Z": [("z", 6), ("dh", 4)],
            "C": [("sh", 92), ("ch", 8)],
            "X": [("th", 6), ("s", 25), ("t", 15)],
            "V": [("dh", 4), ("z", 4), ("d", 2)],
            "j": [("j", 95), ("dj", 5)],
        }
    if c not in m:
        return c
    opts = m[c]
    out = rng.choices([o[0] for o in opts], [o[1] for o in opts])[0]
    if c == "C" and out == "ch":
        tags.add("french_ch")
    return out


def latin_word(rng, base, style, tags):
    out = []
    i = 0
    n = len(base)
    while i < n:
        c = base[i]
        if c in "aeiou":
            if i + 1 < n and base[i + 1] == c:
                out.append(_vowel(rng, c + c, style))
                i += 2
                continue
            out.append(_vowel(rng, "i$" if c == "i" and i == n - 1 else c, style))
            i += 1
            continue
        if i + 1 < n and base[i + 1] == c and rng.random() < 0.3:
            i += 1  # a doubled consonant written once
        out.append(_cons(rng, c, style, i == 0, tags))
        i += 1
    return "".join(out)


def cap(s):
    return s[:1].upper() + s[1:] if s and s[0].isalpha() else s


def latin_name(rng, base, style, tags):
    """A given or family name (possibly compound, possibly with the article) in Latin letters."""
    words = base.split(" ")
    arabizi = style == "arabizi"
    if words[0] == "3abd" and len(words) == 2:
        rest = words[1]
        if rest == "allah":
            if arabizi:
                return rng.choice(["3abdallah", "3abdalla", "3abd allah", "3bdallah", "abdullah"])
            return rng.choice(
                ["Abdullah", "Abdullah", "Abdallah", "Abdalla", "Abd Allah", "Abdulla"]
            )
        second = latin_word(rng, rest[3:] if rest.startswith("al-") else rest, style, tags)
        if arabizi:
            return rng.choice(["3abd el ", "3abdel", "3bd el ", "abd el ", "3abdul "]) + second
        form = rng.choice(
            ["Abdul ", "Abdul", "Abdel ", "Abdel", "Abd Al-", "Abed Al ", "Abd El ", "Abdel-"]
        )
        return form + (cap(second) if form[-1] in " -" else second)
    if words[0] in ("abu", "qara") and len(words) == 2:
        head = words[0]
        if head == "abu":
            head = rng.choice(["abu", "abo", "2abu"] if arabizi else ["Abu", "Abou", "Abo"])
        else:
            head = "qara" if arabizi else rng.choice(["Kara", "Qara"])
        return head + " " + latin_name(rng, words[1], style, tags)
    if base.startswith("al-"):
        core = latin_name(rng, base[3:], style, tags)
        if arabizi:
            art = rng.choices(["el ", "al ", "el", ""], [40, 20, 15, 25])[0]
            return art + core.lower()
        art = rng.choices(["Al-", "Al ", "El-", "Al", "", "El "], [35, 15, 10, 10, 25, 5])[0]
        return art + (cap(core) if art[-1:] in " -" or not art else core.lower())
    parts = [latin_word(rng, w, style, tags) for w in words]
    if arabizi:
        return " ".join(parts)
    return " ".join(cap(p) for p in parts)


def latin_typo(rng, s):
    if len(s) < 4:
        return s
    spots = [i for i in range(1, len(s) - 1) if s[i].isalnum() and s[i + 1].isalnum()]
    if not spots:
        return s
    i = rng.choice(spots)
    k = rng.random()
    if k < 0.4:
        return s[:i] + s[i + 1 :]
    if k < 0.7:
        return s[:i] + s[i] + s[i:]
    return s[:i] + s[i + 1] + s[i] + s[i + 2 :]


# ---------------------------------------------------------------------------
# Arabic spellings

DOTS = {
    "ب": "ت",
    "ت": "ب",
    "ث": "ت",
    "ن": "ب",
    "ج": "ح",
    "ح": "خ",
    "خ": "ح",
    "د": "ذ",
    "ذ": "د",
    "ر": "ز",
    "ز": "ر",
    "س": "ش",
    "ش": "س",
    "ص": "ض",
    "ض": "ص",
    "ع": "غ",
    "غ": "ع",
    "ف": "ق",
    "ق": "ف",
}
PHONETIC = {
    "ث": ["س", "ت"],
    "ذ": ["ز", "د"],
    "ظ": ["ض", "ز"],
    "ص": ["س"],
    "ط": ["ت"],
    "ض": ["د"],
    "ق": ["ك"],
    "ح": ["ه"],
    "ع": ["ا"],
}


def drop_hamza(s):
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")


def arabic_variant(rng, s, tags, hamza=0.5, taa=0.15, maqsura=0.1, abd_join=0.4):
    out = s
    if any(h in out for h in "أإآ") and rng.random() < hamza:
        out = drop_hamza(out)
        tags.add("hamza_dropped")
    if out.endswith("ة") and rng.random() < taa:
        out = out[:-1] + "ه"
    if out.endswith("ى") and rng.random() < maqsura:
        out = out[:-1] + "ي"
    elif out.endswith("ي") and rng.random() < maqsura / 2:
        out = out[:-1] + "ى"
    if out.startswith("عبد ") and rng.random() < abd_join:
        out = out.replace("عبد ", "عبد", 1)
    return out


def arabic_typo(rng, s):
    letters = [i for i, ch in enumerate(s) if ch != " "]
    if len(letters) < 3:
        return s
    i = rng.choice(letters[1:])
    k = rng.random()
    if k < 0.4 and s[i] in DOTS:
        return s[:i] + DOTS[s[i]] + s[i + 1 :]
    if k < 0.7:
        return s[:i] + s[i + 1 :]
    if i + 1 < len(s) and s[i + 1] != " ":
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    return s[:i] + s[i] + s[i:]


def al_toggle(s):
    if s.startswith("ال"):
        return s[2:]
    if " " in s or not s.endswith("ي"):
        return s  # only a nisba (حوراني) takes the article a caller may add
    return "ال" + s


def phonetic(rng, s):
    """A name as a volunteer hears it over a bad line (one sound written as a near one)."""
    # colloquial hamza first: رائد → رايد، مؤيد → مويد
    if "ئ" in s[1:] or "ؤ" in s[1:]:
        return s[0] + s[1:].replace("ئ", "ي").replace("ؤ", "و")
    if s.endswith("ى"):
        return s[:-1] + "ا"
    idx = [i for i, ch in enumerate(s) if ch in PHONETIC and i > 0]
    if not idx:
        return None
    i = rng.choice(idx)
    return s[:i] + rng.choice(PHONETIC[s[i]]) + s[i + 1 :]


# ---------------------------------------------------------------------------
# The lists


def pick(rng, items):
    return rng.choices([i[0] for i in items], [i[1] for i in items])[0]


def unhcr_rows(rng, people, stats):
    header = [
        "record_id",
        "family_name",
        "first_name",
        "father_name",
        "mother_name",
        "sex",
        "birth_year",
        "age",
        "birth_place",
        "national_id",
        "date_of_arrest",
        "place_of_arrest",
        "relationship",
        "country_of_asylum",
    ]
    rows, truth = [], []
    case_no = 0
    for p in people:
        copies = 1 + (rng.random() < 0.10)
        for c in range(copies):
            tags = set()
            if c:
                tags.add("repeat")
            case_no += 1
            country = "LEB" if rng.random() < 0.6 else "JOR"
            reg_year = max(2012, p["arrest"][0]) + rng.randint(0, 3)
            case = case_no * 37 % 100000
            rid = f"{country}-{reg_year % 100:02d}C{case:05d}/{rng.randint(2, 9):02d}"
            first = latin_name(rng, p["first"][1], "unhcr", tags)
            father = latin_name(rng, p["father"][1], "unhcr", tags)
            family = latin_name(rng, p["family"][1], "unhcr", tags)
            r = rng.random()
            if r < 0.18:
                first, father = f"{first} {father}", ""
                tags.add("given_in_first")
            elif r < 0.28:
                father = ""
                tags.add("father_missing")
            elif r < 0.34:
                father = f"{father} {latin_name(rng, p['grandfather'][1], 'unhcr', tags)}"
            if rng.random() < 0.03:
                first = latin_typo(rng, first)
                tags.add("typo")
            all_upper = rng.random() < 0.30
            if all_upper or rng.random() < 0.22:
                family = family.upper()
                tags.add("upper_family")
            m = rng.random()
            mother = latin_name(rng, p["mother"][1], "unhcr", tags)
            if m < 0.22:
                mother += " " + latin_name(rng, p["mother_family"][1], "unhcr", tags)
            elif m > 0.80:
                mother = ""
            y, mo, d = p["birth"]
            if rng.random() < 0.10:
                y += rng.choice([-1, 1])
            b = rng.random()
            age = ""
            if b < 0.35:
                by = f"01/01/{y}"
                tags.add("dob_0101")
            elif b < 0.60:
                by = f"{d:02d}/{mo:02d}/{y}"
                tags.add("dob_full")
            elif b < 0.80:
                by = str(y)
            else:
                by = ""
                if b < 0.90:
                    age = str(reg_year - y)
                    tags.add("age_only")
            place = rng.choice(p["birth_place"][1])
            bp = place if rng.random() < 0.75 else ""
            ay, am, ad = p["arrest"]
            a = rng.random()
            doa = (
                f"{am:02d}/{ay}"
                if a < 0.4
                else f"{ad:02d}/{am:02d}/{ay}"
                if a < 0.65
                else str(ay)
                if a < 0.85
                else ""
            )
            pa = rng.random()
            aplace = rng.choice(p["arrest_place"][1])
            poa = (
                aplace
                if pa < 0.55
                else f"Checkpoint, {aplace}"
                if pa < 0.67
                else p["branch"][2]
                if pa < 0.75
                else ""
            )
            nid = ""
            if rng.random() < 0.15:
                nid = p["national_id"]
                if rng.random() < 0.07:
                    nid = nid[:-1]
            sex = p["sex"] if rng.random() > 0.02 else ""
            rel = rng.choice(
                ["Son", "Brother", "Husband", "Son", "Father"]
                if p["sex"] == "M"
                else ["Daughter", "Wife", "Sister"]
            )
            row = [
                rid,
                family,
                first,
                father,
                mother,
                sex,
                by,
                age,
                bp,
                nid,
                doa,
                poa,
                rel,
                country,
            ]
            if all_upper:
                row = [v.upper() for v in row]
            rows.append(row)
            truth.append((rid, p["person_id"]))
            stats.update(tags)
    return header, rows, truth


AR_BIZI_PREFIX = ["el mo3ta2al", "el shab", "al shahid", "el mafqud", "detainee"]


def fb_rows(rng, people, stats):
    header = [
        "record_id",
        "full_name",
        "birth_year",
        "age",
        "date_of_arrest",
        "place_of_arrest",
        "posted",
    ]
    rows, truth = [], []
    post = 4000
    for p in people:
        copies = 1 + (rng.random() < 0.11) + (rng.random() < 0.025)
        for c in range(copies):
            tags = set()
            if c:
                tags.add("repeat")
            post += rng.randint(1, 9)
            rid = f"fb-{post}-{rng.randint(1, 40)}"
            posted = rng.randint(max(2016, p["arrest"][0] + 1), 2023)
            s = rng.random()
            style = "arabizi" if s < 0.55 else "plain" if s < 0.85 else "arabic"
            if style == "arabizi":
                tags.add("arabizi")
            elif style == "arabic":
                tags.add("arabic_script")

            def nm(part, style=style, tags=tags):
                if style == "arabic":
                    return arabic_variant(rng, part[0], tags, hamza=0.7, taa=0.3)
                return latin_name(rng, part[1], style, tags)

            first, father, family = nm(p["first"]), nm(p["father"]), nm(p["family"])
            o = rng.random()
            if o < 0.38:
                words = [first, father, family]
            elif o < 0.68:
                words = [first, family]
            elif o < 0.80:
                words = [first, father, nm(p["grandfather"]), family]
            elif o < 0.86:
                bin_ = {
                    "arabic": "بن",
                    "arabizi": rng.choice(["bin", "ibn", "bn"]),
                    "plain": rng.choice(["bin", "Ibn"]),
                }
                words = [first, bin_[style], father, family]
            else:
                words = [first, father]
            if rng.random() < 0.12 and p["kunya_of"]:
                k = p["kunya_of"]
                kun = (
                    "أبو " + k[0]
                    if style == "arabic"
                    else ("abu " if style == "arabizi" else "Abu ")
                    + latin_name(rng, k[1], style, tags)
                )
                if rng.random() < 0.6:
                    words.insert(1 if rng.random() < 0.3 else len(words), f"({kun})")
                else:
                    words.append(kun)
                tags.add("kunya")
            if p["sex"] == "M" and p["birth"][0] < 1968 and rng.random() < 0.25:
                title = {
                    "arabic": "الحاج",
                    "arabizi": rng.choice(["el 7aj", "al 7ajj", "7aj"]),
                    "plain": "Hajj",
                }
                words.insert(0, title[style])
                tags.add("title")
            if rng.random() < 0.08:
                pre = {
                    "arabic": rng.choice(["المعتقل", "الشاب", "الشهيد", "المغيب"]),
                    "arabizi": rng.choice(AR_BIZI_PREFIX),
                    "plain": rng.choice(["Detainee", "Martyr", "Missing"]),
                }
                words.insert(0, pre[style])
                tags.add("prefix_word")
            name = " ".join(w for w in words if w)
            if style == "arabizi" and rng.random() < 0.6:
                name = name.lower()
            if rng.random() < 0.05:
                name = latin_typo(rng, name) if style != "arabic" else arabic_typo(rng, name)
                tags.add("typo")
            y = p["birth"][0]
            by, age = "", ""
            r = rng.random()
            if r < 0.15:
                by = str(y)
            elif r < 0.22:
                by = f"{y % 100:02d}"
                tags.add("two_digit_year")
            elif r < 0.70:
                ag = posted - y + rng.choice([-1, 0, 0, 1])
                age = (
                    rng.choice([str(ag), f"{ag} years", f"{ag} sne"])
                    if style != "arabic"
                    else rng.choice([str(ag), f"{ag} سنة"])
                )
            ay, am, ad = p["arrest"]
            if rng.random() < 0.15:
                ay += rng.choice([-1, 1])
            a = rng.random()
            doa = (
                str(ay)
                if a < 0.3
                else f"{am}/{ay}"
                if a < 0.55
                else f"{MONTHS_EN[am - 1]} {ay}"
                if a < 0.65
                else f"{ad}/{am}/{ay}"
                if a < 0.8
                else ""
            )
            town = p["arrest_place"]
            if style == "arabic":
                tw = town[0]
                poa = rng.choice([tw, "حاجز " + tw, "من البيت", p["branch"][1], ""])
            else:
                tw = rng.choice(town[1])
                tw = tw.lower() if style == "arabizi" else tw
                poa = rng.choice(
                    [
                        tw,
                        ("7ajez " if style == "arabizi" else "checkpoint ") + tw,
                        p["branch"][3] if style == "arabizi" else p["branch"][2],
                        "",
                    ]
                )
            rows.append([rid, name, by, age, doa, poa, str(posted)])
            truth.append((rid, p["person_id"]))
            stats.update(tags)
    return header, rows, truth


def photo_rows(rng, people, stats):
    header = [
        "رقم السجل",
        "الاسم",
        "اسم الأب",
        "الكنية",
        "اسم الأم",
        "العمر",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
        "صلة القرابة",
        "الفرع",
    ]
    rows, truth = [], []
    photo = 1000
    for p in people:
        photo += rng.randint(1, 6)
        photos = [photo]
        if rng.random() < 0.03:
            photos.append(photo + rng.randint(200, 3000))
        idents = []
        for ph in photos:
            idents.append((ph, 1))
            if rng.random() < 0.10:
                idents.append((ph, 2))
        for ph, k in idents:
            tags = set()
            if len(idents) > 1 and (ph, k) != idents[0]:
                tags.add("repeat")
            br = p["branch"] if p["branch"][0].isdigit() else BRANCHES[1 + ph % 3]
            branch = br[0]
            rid = f"{branch}-{ph}-{k}"
            first = arabic_variant(rng, p["first"][0], tags, hamza=0.55)
            father = arabic_variant(rng, p["father"][0], tags, hamza=0.55)
            family = arabic_variant(rng, p["family"][0], tags, hamza=0.55)
            if rng.random() < 0.12:
                family = al_toggle(family)
            if rng.random() < 0.06 and p["first"][0] in PET:
                first = PET[p["first"][0]]
                tags.add("pet_name")
            elif rng.random() < 0.04 and p["nickname"]:
                first = f"{first} ({p['nickname']})"
            o = rng.random()
            if o < 0.20:
                father = ""
                tags.add("first_family_only")
            elif o < 0.35:
                family = ""
                tags.add("first_father_only")
            elif o < 0.38 and p["kunya_of"]:
                first, father = "أبو " + p["kunya_of"][0], ""
                tags.add("kunya_only")
            if rng.random() < 0.04:
                first = arabic_typo(rng, first)
                tags.add("typo")
            mother = arabic_variant(rng, p["mother"][0], tags) if rng.random() < 0.45 else ""
            ay, am, ad = p["arrest"]
            by = p["birth"][0]
            age = ""
            if rng.random() < 0.90:
                ag = ay - by + rng.choices([-2, -1, 0, 1, 2], [1, 3, 7, 3, 1])[0]
                age = rng.choice([str(ag), f"{ag} سنة", f"حوالي {ag}"])
                tags.add("age")
            a = rng.random()
            doa = (
                f"{MONTHS_LEV[am - 1]} {ay}"
                if a < 0.3
                else str(ay)
                if a < 0.6
                else f"{ad}/{am}/{ay}"
                if a < 0.8
                else ""
            )
            pl = p["arrest_place"][0]
            q = rng.random()
            poa = pl if q < 0.45 else "حاجز " + pl if q < 0.70 else "من المنزل" if q < 0.75 else ""
            rel = rng.choice(["الأم", "الأخ", "الأخت", "الزوجة", "الأب", "ابن العم"])
            rows.append([rid, first, father, family, mother, age, doa, poa, rel, br[1]])
            truth.append((rid, p["person_id"]))
            stats.update(tags)
    return header, rows, truth


def hotline_rows(rng, people, stats):
    header = [
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
    ]
    rows, truth = [], []
    n = 0
    for p in people:
        copies = 1 + (rng.random() < 0.075)
        for c in range(copies):
            tags = set()
            if c:
                tags.add("repeat")
            n += 1
            year = rng.randint(2019, 2024)
            rid = f"HL-{year}-{n:05d}"
            parts = {}
            for key in ("first", "father", "grandfather", "family"):
                v = arabic_variant(
                    rng, p[key][0], tags, hamza=0.6, taa=0.2, maqsura=0.0, abd_join=0.3
                )
                if v.endswith("ى") and rng.random() < 0.3:
                    v = v[:-1] + "ا"
                parts[key] = v
            if rng.random() < 0.14:
                key = rng.choice(["first", "father", "family", "family"])
                ph = phonetic(rng, parts[key])
                if ph:
                    parts[key] = ph
                    tags.add("phonetic")
            if rng.random() < 0.15:
                parts["family"] = al_toggle(parts["family"])
            if rng.random() < 0.60:
                parts["grandfather"] = ""
            if rng.random() < 0.08:
                parts["first"] = parts["first"] + " " + parts["father"]
                parts["father"] = ""
                tags.add("given_in_first")
            if p["sex"] == "M" and p["birth"][0] < 1968 and rng.random() < 0.25:
                parts["first"] = (
                    rng.choice(["الحاج", "الحاج", "المهندس", "الأستاذ"]) + " " + parts["first"]
                )
                tags.add("title")
            if rng.random() < 0.04 and p["kunya_of"]:
                parts["family"] = "أبو " + p["kunya_of"][0]
                tags.add("kunya_as_family")
            if rng.random() < 0.03:
                parts["first"] = arabic_typo(rng, parts["first"])
                tags.add("typo")
            m = rng.random()
            mother = (
                p["mother"][0]
                if m < 0.50
                else f"{p['mother'][0]} {p['mother_family'][0]}"
                if m < 0.75
                else ""
            )
            mother = drop_hamza(mother) if rng.random() < 0.6 else mother
            y = p["birth"][0]
            if rng.random() < 0.15:
                y += rng.choice([-1, 1, 2])
            b = rng.random()
            indic = rng.random() < 0.10
            if b < 0.50:
                by = str(y)
            elif b < 0.58:
                by = rng.choice([f"{y % 100:02d}", f"مواليد {y % 100:02d}"])
                tags.add("two_digit_year")
            elif b < 0.68:
                by = f"{y} تقريباً"
            else:
                by = ""
            ay, am, ad = p["arrest"]
            a = rng.random()
            if a < 0.35:
                mon = MONTHS_LEV[am - 1]
                if mon == "تشرين الثاني" and rng.random() < 0.5:
                    mon = "تشرين التاني"
                doa = f"{mon} {ay}"
            else:
                doa = str(ay) if a < 0.6 else f"{ad}/{am}/{ay}" if a < 0.8 else ""
            nid = p["national_id"] if rng.random() < 0.08 else ""
            if indic:
                by, doa, nid = (
                    by.translate(ARABIC_INDIC),
                    doa.translate(ARABIC_INDIC),
                    nid.translate(ARABIC_INDIC),
                )
                tags.add("indic_digits")
            sex = {"M": "ذكر", "F": "أنثى"}[p["sex"]] if rng.random() < 0.9 else ""
            bp = p["birth_place"][0] if rng.random() < 0.6 else ""
            q = rng.random()
            pl = p["arrest_place"][0]
            poa = (
                pl if q < 0.45 else "حاجز " + pl if q < 0.65 else p["branch"][1] if q < 0.75 else ""
            )
            rows.append(
                [
                    rid,
                    parts["first"],
                    parts["father"],
                    parts["grandfather"],
                    parts["family"],
                    mother,
                    sex,
                    by,
                    bp,
                    nid,
                    doa,
                    poa,
                ]
            )
            truth.append((rid, p["person_id"]))
            stats.update(tags)
    return header, rows, truth


def select(rng, persons):
    """Which detained persons each list reaches."""
    reach = {c[0]: c[4] for c in COMMUNITIES}
    sel = {
        "unhcr_registration": [],
        "fb_families_group": [],
        "photo_identifications": [],
        "hotline_calls": [],
    }
    households = Counter(p["household"] for p in persons if p["detained"])
    affected = {}
    for p in persons:
        if not p["detained"]:
            continue
        h = p["household"]
        if h not in affected:
            affected[h] = rng.random() < 0.65
        if not affected[h]:
            continue
        in_any = False
        if rng.random() < reach[p["community"]] * 0.85:
            sel["unhcr_registration"].append(p)
            in_any = True
        if rng.random() < 0.33:
            sel["fb_families_group"].append(p)
            in_any = True
        if p["fate"] == "died" and p["arrest"][0] <= 2013 and rng.random() < 0.60:
            sel["photo_identifications"].append(p)
            in_any = True
        if rng.random() < 0.30:
            sel["hotline_calls"].append(p)
            in_any = True
        if not in_any and households[h] > 1 and rng.random() < 0.5:
            sel["hotline_calls"].append(p)
    for k in sel:
        rng.shuffle(sel[k])
    return sel


def generate(seed: int, n_persons: int, out: str, show_stats: bool = False) -> dict:
    rng = random.Random(seed)
    persons = make_population(rng, n_persons)
    sel = select(rng, persons)
    os.makedirs(out, exist_ok=True)
    makers = [
        ("unhcr_registration", unhcr_rows),
        ("fb_families_group", fb_rows),
        ("photo_identifications", photo_rows),
        ("hotline_calls", hotline_rows),
    ]
    truth_rows = []
    report = {}
    for name, maker in makers:
        stats: Counter = Counter()
        header, rows, truth = maker(random.Random(f"{seed}-{name}"), sel[name], stats)
        with open(os.path.join(out, name + ".csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        truth_rows += [(name, rid, pid) for rid, pid in truth]
        report[name] = {
            "records": len(rows),
            "persons": len({pid for _, pid in truth}),
            "tags": dict(stats),
        }
    with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["list", "record_id", "person_id"])
        w.writerows(truth_rows)
    pcols = [
        "person_id",
        "household",
        "community",
        "sex",
        "first_name",
        "father_name",
        "grandfather_name",
        "family_name",
        "mother_name",
        "mother_family",
        "birth_date",
        "birth_place",
        "national_id",
        "detained",
        "date_of_arrest",
        "place_of_arrest",
        "branch",
        "fate",
        "kunya",
        "nickname",
    ]
    with open(os.path.join(out, "persons.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(pcols)
        for p in persons:
            b = p["birth"]
            a = p["arrest"]
            w.writerow(
                [
                    p["person_id"],
                    p["household"],
                    p["community"],
                    p["sex"],
                    p["first"][0],
                    p["father"][0],
                    p["grandfather"][0],
                    p["family"][0],
                    p["mother"][0],
                    p["mother_family"][0],
                    f"{b[0]}-{b[1]:02d}-{b[2]:02d}",
                    p["birth_place"][0],
                    p["national_id"],
                    int(p["detained"]),
                    f"{a[0]}-{a[1]:02d}-{a[2]:02d}" if a else "",
                    p["arrest_place"][0] if a else "",
                    p["branch"][1] if a else "",
                    p["fate"],
                    ("أبو " + p["kunya_of"][0]) if p["kunya_of"] else "",
                    p["nickname"],
                ]
            )
    report["_persons"] = persons
    report["_truth"] = truth_rows
    if show_stats:
        print_stats(report)
    return report


def print_stats(report):
    truth = report["_truth"]
    total = len(truth)
    by_person: dict[str, set] = {}
    for lst, _, pid in truth:
        by_person.setdefault(pid, set()).add(lst)
    print(f"{total} records of {len(by_person)} persons")
    for name, r in report.items():
        if name.startswith("_"):
            continue
        reps = r["records"] - r["persons"]
        print(f"{name}: {r['records']} records, {r['persons']} persons, {reps} repeats")
        for tag, n in sorted(r["tags"].items()):
            print(f"    {tag:20s} {n:6d}  {n / r['records']:.3f}")
    hist = Counter(len(s) for s in by_person.values())
    print("persons by number of lists:", dict(sorted(hist.items())))
    names = sorted(k for k in report if not k.startswith("_"))
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            print(f"  shared {a} & {b}: {sum(1 for s in by_person.values() if a in s and b in s)}")
    people = {p["person_id"]: p for p in report["_persons"]}
    groups = Counter(
        (people[pid]["first"][0], people[pid]["father"][0], people[pid]["family"][0])
        for pid in by_person
    )
    same = [g for g, n in groups.items() if n > 1]
    n_same = sum(groups[g] for g in same)
    print(f"namesakes (first, father, family) among listed persons: {len(same)} ({n_same} persons)")
    hh = Counter(people[pid]["household"] for pid in by_person)
    print(f"households with two or more listed children: {sum(1 for n in hh.values() if n > 1)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=10)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    generate(a.seed, a.persons, a.out, a.stats)


if __name__ == "__main__":
    main()
