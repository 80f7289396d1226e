"""Cross-script name keys: one phonetic skeleton per name word, in Arabic or Latin script.

A person recorded as "أحمد الحموي" must be found by someone typing "Ahmad al-Hamwi", "Ahmed
Hamwi" or "Ahmet". Arabic script writes consonants and long vowels but not short vowels;
Latin transliterations write every vowel but disagree on which letter (Ahmad/Ahmed,
Khaled/Khalid, Mohammed/Muhammad). So the key keeps what both scripts agree on, the consonants,
folded into classes that absorb the usual transliteration choices, plus three vowel markers
that both scripts show reliably.

``name_key(word)`` steps:

1. Fold the word with ``normalise_for_search`` after turning final alef maqsura (ى) into alef and
   hamza on waw (ؤ) into a bare hamza, because both are vowels in names (مصطفى "Mustafa",
   فؤاد "Fouad") and the search form would otherwise fold them into yeh and waw.
2. Strip a leading article (ال, glued "al"/"el" before a consonant) and split a glued ʿAbd
   compound (عبدالرحمن, "Abdulrahman", "Abderrahmane") into "abd" + the key of the rest.
3. Cut the word into units. Consonants go to one class per sound that transliterations confuse:
   ح/ه → h, خ/kh → x, غ/gh → g, ج/j/g → j, ق/ك/q/k/c → k, س/ص/s → s, ش/sh/ch → c,
   ت/ط/ث/t/th → t, د/ض/d/dh → d, ذ/ظ/ز/z → z, ف/f/v/ph → f, ب/b/p → b. In Arabic a ح or ه
   after ت د ز س ك merges with it the way Latin reads the digraph ("Fathi" فتحي, "Medhat" مدحت,
   "Ishaq" إسحاق).
4. Vowels are dropped, except for three markers:
   - onset ``a``: the word starts with a vowel (ا or ع in Arabic, a e i o u in Latin), which keeps
     أحمد "ahmd" apart from حامد "hmd";
   - final ``y``: the word ends in ي, or in Latin in i or y (nisbas such as الحموي "Hamwi",
     علي "Ali" against علاء "Alaa");
   - u flag ``w``, appended once at the end: the word has a و in Arabic; in Latin it has a w, or
     the vowels right before its last consonant or at its very end end in o or u, or it starts
     with "you". This is what keeps محمد "Muhammad" (u in the first syllable, short) apart from
     محمود "Mahmud" (u in the last syllable, long) while "Yusuf", "Yousef" and يوسف meet.
5. Drop a word-final h (ة, ح, ه; "Fatemeh", "Saleh", "Abdullah"), collapse repeated classes
   ("Hassan" = "Hasan") and read a final t as d ("Ahmet", "Murat", "Mehmet" are Turkish spellings
   of أحمد, مراد, محمد).

The key is a blocking key, not a verdict: names that differ only in short vowels or in a long
vowel that Latin cannot show collide by design, because Latin "Khalil" (خليل, long i) and
"Khalid" (خالد, short i) are written alike. Known collisions: حسن/حسين, صالح/صلاح, جمال/جميل,
بشار/بشير, عمر/عامر/عمار, زياد/زيد, سعد/سعيد, إياد/عيد, رائد/رعد. Deliberate
non-matches: a French "ou" in a first syllable ("Moustafa", "Oussama") raises the u flag that
مصطفى and أسامة lack, and a final yeh typed for alef maqsura (مصطفي) keeps its ``y``.

``name_keys(text)`` applies ``name_key`` to each word of a full name after dropping titles and
articles and joining compounds (عبد/Abd/Abdul… and أبو/Abu with the next word).
``cross_script_match(a, b)`` scores how many name words two names share, for ranking suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from mizan.text.normalise import MARKS_AND_TATWEEL, normalise_for_search

__all__ = [
    "cross_script_match",
    "cyrillic_to_latin",
    "dotless_key",
    "germanic_spelling",
    "greek_route_readings",
    "greek_to_latin",
    "has_cyrillic_letters",
    "has_greek_letters",
    "has_scholarly_letters",
    "inner_acute_dropped",
    "is_germanic_spelling",
    "is_greek_route_word",
    "is_italian_spelling",
    "is_kurmanji_spelling",
    "is_muhammad_abbreviation",
    "is_name_joiner",
    "is_relative_or_given",
    "is_relative_word",
    "is_russian_route_word",
    "is_title",
    "is_turkish_spelling",
    "loose_key",
    "name_key",
    "name_key_spans",
    "name_keys",
    "russian_letters",
    "russian_route_readings",
    "saint_readings",
    "scholarly_readings",
    "search_words",
    "vowel_marks",
]

# Applied before normalise_for_search, which would fold these into yeh and waw: in names both are
# vowels or hamza seats, not the consonant or long vowel that yeh and waw stand for in the key.
_BEFORE_SEARCH_FORM: dict[int, str] = {
    0x0649: "\u0627",  # ALEF MAKSURA → alef: مصطفى, موسى, يحيى end in a vowel "a"
    0xFEEF: "\u0627",  # ALEF MAKSURA isolated form
    0xFEF0: "\u0627",  # ALEF MAKSURA final form
    0x0624: "\u0621",  # WAW WITH HAMZA → hamza, which the search form drops: فؤاد "Fouad"
    0xFE85: "\u0621",  # WAW WITH HAMZA isolated form
    0xFE86: "\u0621",  # WAW WITH HAMZA final form
}

_ALEF = "\u0627"
_AYN = "\u0639"
_WAW = "\u0648"
_YEH = "\u064a"
_ARTICLE = "\u0627\u0644"  # ال
_ABD = "\u0639\u0628\u062f"  # عبد
_ABD_ARTICLE = _ABD + _ARTICLE  # عبدال
_TAHA = "\u0637\u0647"  # طه

# Consonant classes of Arabic letters (after the search form has folded hamza seats and taa
# marbuta). Alef, ʿayn, waw and yeh are vowels or markers and are handled separately.
_ARABIC_CONSONANTS: dict[str, str] = {
    "\u0628": "b",  # ب
    "\u062a": "t",  # ت
    "\u062b": "t",  # ث: "Thaer"; the h of "th" is absorbed, as in Latin
    "\u062c": "j",  # ج
    "\u062d": "h",  # ح
    "\u062e": "x",  # خ
    "\u062f": "d",  # د
    "\u0630": "z",  # ذ: Syrian names say and write z ("Munzer", "Mouaz")
    "\u0631": "r",  # ر
    "\u0632": "z",  # ز
    "\u0633": "s",  # س
    "\u0634": "c",  # ش
    "\u0635": "s",  # ص
    "\u0636": "d",  # ض: "Diaa", "Dhiya", "Ramadan"
    "\u0637": "t",  # ط
    "\u0638": "z",  # ظ: "Nazem", "Zafer"
    "\u063a": "g",  # غ
    "\u0641": "f",  # ف
    "\u0642": "k",  # ق: "Qasim", "Kassem"
    "\u0643": "k",  # ك
    "\u0644": "l",  # ل
    "\u0645": "m",  # م
    "\u0646": "n",  # ن
    "\u0647": "h",  # ه (and taa marbuta, folded into it by the search form)
    "\u067e": "b",  # پ
    "\u0686": "c",  # چ
    "\u0698": "z",  # ژ
    # گ is the g of Kurdish names, which Arabic letters otherwise write ك (گلستان, كلستان, Kurmanji
    # "Gulistan"); an English "g" is ج's class, as Egyptian spelling writes it ("Gamal").
    "\u06af": "k",
    "\u06a4": "f",  # ڤ: Syrian "v"
}

# A following h merges into these classes the way Latin reads th, dh, zh, sh, kh.
_H_DIGRAPHS: dict[str, str] = {"t": "t", "d": "d", "z": "z", "s": "c", "k": "x"}

_LATIN_DIGRAPHS: dict[str, str] = {
    "kh": "x",
    "gh": "g",
    "sh": "c",
    "ch": "c",
    "th": "t",
    "dh": "d",
    "zh": "z",
    "ph": "f",
    "dj": "j",
    "ck": "k",
}
# German spellings: "Dschamil" جميل, "Tschelebi", "Maschmusi" ش. Longest first.
_LATIN_TRIGRAPHS: dict[str, str] = {"dsch": "j", "tsch": "c", "sch": "c"}
_LATIN_CONSONANTS: dict[str, str] = {
    "b": "b",
    "c": "k",
    "d": "d",
    "f": "f",
    "g": "j",  # "Gamal" is جمال; غ is always written "gh"
    "h": "h",
    "j": "j",
    "k": "k",
    "l": "l",
    "m": "m",
    "n": "n",
    "p": "b",
    "q": "k",
    "r": "r",
    "s": "s",
    "t": "t",
    "v": "f",
    "x": "x",
    "z": "z",
}
_LATIN_VOWELS = frozenset("aeiouy")

# Spellings that the rules cannot reach: abbreviations of Muhammad, and ʿAmr, whose silent
# final waw (عمرو) is what tells it from ʿUmar (عمر).
_LATIN_SPELLINGS: dict[str, str] = {
    "mhd": "muhammad",
    "mhmd": "muhammad",
    "mohd": "muhammad",
    "muhd": "muhammad",
    "moh": "muhammad",  # "Moh.", as Syrian civil papers abbreviate it
    "amr": "amru",
    # French and Maghrebi lists drop the first vowel of إبراهيم.
    "brahim": "ibrahim",
    "brahem": "ibrahim",
    # A German office writes the ح of أحمد, محمود, محمد and the ه of ماهر as ch, a letter group
    # no other spelling gives these names (read so, "Achmed" would be خ's).
    "achmed": "ahmed",
    "achmad": "ahmad",
    "machmud": "mahmud",
    "machmoud": "mahmoud",
    "mochammed": "mohammed",
    "mochammad": "mohammad",
    "muchammed": "muhammed",
    "muchammad": "muhammad",
    "macher": "maher",
}
# Levantine speech says ث as s, and Latin lists write the names that have it so (عثمان "Osman",
# هيثم "Haysam", ثائر "Saer"): no letter rule can tell that s from س, so the names are listed, in
# the spelling whose th keys as ث. Only names where the s-spelling is no other name (سامر
# "Samer" is not ثامر, سناء "Sanaa" not ثناء).
_LATIN_THA: dict[str, str] = {
    "osman": "uthman",
    "osmane": "uthman",
    "usman": "uthman",
    "ousman": "uthman",
    "haysam": "haytham",
    "haisam": "haytham",
    "heisam": "haytham",
    "heysam": "haytham",
    "haysem": "haytham",
    "haisem": "haytham",
    "maysam": "maytham",
    "meysam": "maytham",
    "saer": "thaer",
    "sair": "thaer",  # Russian Саир
    "saaer": "thaer",
    "sayer": "thaer",
    "ghiyas": "ghiyath",
    "ghias": "ghiyath",
    "ghayas": "ghiyath",
    "kawsar": "kawthar",
    "kausar": "kawthar",
    "kawser": "kawthar",
    "busaina": "buthaina",
    "bousaina": "buthaina",
    "bussaina": "buthaina",
}
_LATIN_SPELLINGS.update(_LATIN_THA)
# Western Armenian writes the voiced and the voiceless stops the other way round from Eastern
# Armenian and from the Arabic spelling (هاكوب، كريكور، كارابيت، كيفورك): "Hagop", "Garabed"
# are "Hakob", "Karapet"; "Grigor", "Gevorg" (Eastern) are "Krikor", "Kevork".
_LATIN_SPELLINGS.update(
    {
        "hagop": "hakob",
        "agop": "hakob",
        "garabed": "karapet",
        "karabed": "karapet",
        "grigor": "krikor",
        "gevorg": "kevork",
    }
)
# The western forms of Christian given names that European offices write for the Arabic one
# (common knowledge, as ``_EXONYMS`` of places): no letter rule reaches بطرس from "Peter".
# English, French, Italian, Spanish and German forms, in search form — but not the French forms
# Syrian Christians also write in Arabic letters as names of their own (Pierre بيير, Paul بول,
# Simon سيمون): those keep meeting their Arabic spelling.
_WESTERN_GIVEN_NAMES: dict[str, str] = {
    **dict.fromkeys(("peter", "pietro", "pedro", "petrus"), "\u0628\u0637\u0631\u0633"),
    **dict.fromkeys(("george", "georges", "giorgio", "jorge", "georg"), "\u062c\u0648\u0631\u062c"),
    # … and جورج transliterated: "Jurj" (its u before a final cluster), Italian "Giurgi".
    **dict.fromkeys(("jurj", "giurgi"), "\u062c\u0648\u0631\u062c"),
    **dict.fromkeys(("joseph", "giuseppe", "jose", "josef"), "\u064a\u0648\u0633\u0641"),
    **dict.fromkeys(("simeon",), "\u0633\u0645\u0639\u0627\u0646"),
    **dict.fromkeys(
        ("nicolas", "nicholas", "nicola", "nikolaus"), "\u0646\u0642\u0648\u0644\u0627"
    ),
    **dict.fromkeys(("paolo", "pablo"), "\u0628\u0648\u0644\u0633"),
    **dict.fromkeys(("jacob", "giacomo", "jakob", "jacques"), "\u064a\u0639\u0642\u0648\u0628"),
    # A parish register typed in French usage writes Elie for إلياس («Elie (Elias)»). Pierre and
    # Jean stay out, as above: Syrians write them in Arabic letters too (بيير، جان).
    "elie": "\u0627\u0644\u064a\u0627\u0633",
    # … and Antoine أنطوان (its oi shows no u), Thérèse تيريز (a French s between vowels is z;
    # Teresa, as English and Italian write her).
    "antoine": "\u0627\u0646\u0637\u0648\u0627\u0646",
    **dict.fromkeys(("therese", "teresa", "theresa"), "\u062a\u064a\u0631\u064a\u0632"),
}

# A saint's name in its French (or English) form stands for either of two Arabic names a Syrian
# Christian may carry: the Western one, written in Arabic letters as a name of its own (بيير،
# جان، جورج، ميشيل), and the Arabic or Syriac one of the same saint (بطرس، يوحنا/حنا، جرجس،
# ميخائيل) — a parish register typed in French usage writes Pierre for a man whose papers say
# بطرس. Search form → Arabic spellings of each reading (common knowledge, as ``_EXONYMS``); the
# linkage reads the word as each reading the lists themselves write
# (``mizan.linkage.features.ListVocabulary.saint_readings``). Elie stays إلياس alone: إيلي keys
# as علي.
_SAINTS_READINGS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("pierre",), ("بيير", "بطرس")),
    **dict.fromkeys(("jean", "john"), ("جان", "حنا", "يوحنا")),
    **dict.fromkeys(("georges", "george"), ("جورج", "جرجس")),
    "michel": ("ميشيل", "ميخائيل"),
    "joseph": ("يوسف", "جوزيف"),
    "jacques": ("يعقوب", "جاك"),
    "paul": ("بول", "بولس"),
    **dict.fromkeys(("marie", "mary"), ("ماري", "مريم")),
    "simon": ("سيمون", "سمعان", "شمعون"),
    "antoine": ("أنطوان", "أنطونيوس"),
    "gabriel": ("جبرائيل", "غابرييل"),
    "etienne": ("إتيان", "اسطفان"),
    "thomas": ("توماس", "توما"),
    "philippe": ("فيليب", "فيلبس"),
    "andre": ("أندريه", "اندراوس"),
    "marc": ("مارك", "مرقس"),
    "gregoire": ("غريغوار", "غريغوريوس"),
    "raphael": ("رفائيل", "روفائيل"),
    "isaac": ("إسحق",),
    "moise": ("موسى",),
    "david": ("داود",),
}


def saint_readings(word: str) -> tuple[str, ...]:
    """The Arabic names a saint's French or English name (``word`` in search form: "pierre")
    may stand for, the Western one first (``_SAINTS_READINGS``); () for any other word."""
    return _SAINTS_READINGS.get(word, ())


# Words that start with ال or al/el without it being the article.
_ARABIC_NOT_ARTICLE = frozenset(
    {
        "\u0627\u0644\u064a\u0627\u0633",  # الياس Elias
        "\u0627\u0644\u0647\u0627\u0645",  # الهام Ilham
        "\u0627\u0644\u0641\u062a",  # الفت Olfat
        "\u0627\u0644\u0645\u0627\u0633",  # الماس Almas
    }
)
_LATIN_NOT_ARTICLE = frozenset({"elham", "alham", "almas", "elmas", "albert", "alfred"})

# Latin spellings of ʿAbd + article, longest first so "abdul" wins over "abd".
_LATIN_ABD_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            "abd",
            "abdul",
            "abdoul",
            "abdel",
            "abdal",
            "abdol",
            "abdil",
            "abdur",
            "abder",
            "abdar",
            "abdus",
            "abdes",
            "abdas",
            "abduz",
            "abdez",
            "abdun",
            "abden",
            # Kurmanji and Turkish lists write ʿAbd with an e ("Ebdulrehman", "Ebdullah"), and
            # Kurmanji with a v ("Evdil Rehman", "Evdulkerim").
            "evd",
            "evdul",
            "evdel",
            "evdil",
            "ebd",
            "ebdi",
            "ebdul",
            "ebdel",
            "ebdil",
            "ebdur",
            "ebder",
        },
        key=len,
        reverse=True,
    )
)
# العبد before a name is ʿAbd with the article, the first half of a family name (العبد الله,
# "Al-Abdallah"), never a name of its own.
_ABD_WORDS = frozenset({*_LATIN_ABD_PREFIXES, _ABD, _ARTICLE + _ABD})
# ابو; Turkish "Ebu"; Kurmanji "Ebû", "Abo" as its reading writes them (``_kurmanji_word``).
_ABU_WORDS = frozenset(
    {"abu", "abou", "abo", "ebu", "ebuw", "abuw", "abow", "ebow", "\u0627\u0628\u0648"}
)
# The ʿAbd of a compound as OCR misreads its dots («عبذ الكريم», «غبد الله», «عبذالكريم»): ʿAbd
# before another word or a glued article, the word as written when alone (عند "at" and عيد, a
# name, are not listed). ``mizan.text.names.mend_compounds`` reads the same words back in text.
ABD_MISREAD_WORDS = frozenset(
    {
        "\u0639\u0628\u0630",  # عبذ
        "\u063a\u0628\u062f",  # غبد
        "\u063a\u0628\u0630",  # غبذ
        "\u0639\u062a\u062f",  # عتد
        "\u0639\u062b\u062f",  # عثد
    }
)
_ABD_KEY = "abd"

# Articles written as a word of their own once hyphens are word breaks ("al-Hassan",
# "Abd ar-Rahman"); assimilated forms included.
_ARTICLE_WORDS = frozenset(
    {
        _ARTICLE,
        "al",
        "el",
        "il",
        "ul",
        "ar",
        "as",
        "ad",
        "an",
        "at",
        "az",
        "ash",
        "ath",
        "adh",
        "ed",
        "er",
        "es",
        "en",
        "et",
        "ez",
        "esh",
        "ud",
        "ur",
        "us",
    }
)

# "… al-Din" names glued into one word ("Noureddine", "Salahuddin", "نورالدين"): split so they key
# like the spaced spelling "Nour al-Din". Longest first.
_DIN_SUFFIXES: tuple[str, ...] = (
    "\u0627\u0644\u062f\u064a\u0646",  # الدين
    "eddine",
    "eddeen",
    "uddeen",
    "aldeen",
    "eldeen",
    "eddin",
    "ettin",  # Turkish: Nurettin, Muhyiettin
    "uddin",
    "addin",
    "oddin",
    "aldin",
    "eldin",
)
_DIN_KEY = "dn"

# Titles and honorifics that precede a name but are not part of it (search form spellings).

# French civilities before a woman's name (a lawyer's list, issue 15, set 11): titles; "M." for a
# man is read by its list (``mizan.linkage.features.mark_civility_lists``), as an initial elsewhere.
WOMAN_CIVILITIES = ("mme", "mlle", "madame", "mademoiselle")

_TITLES = frozenset(
    {
        "\u0627\u0644\u062d\u0627\u062c",  # الحاج
        "\u062d\u0627\u062c",  # حاج
        "\u0627\u0644\u062d\u0627\u062c\u0647",  # الحاجة
        "\u062d\u0627\u062c\u0647",  # حاجة
        "\u0627\u0644\u062d\u062c\u0647",  # الحجة
        "\u0627\u0644\u0634\u064a\u062e",  # الشيخ
        "\u0634\u064a\u062e",  # شيخ
        "\u062f\u0643\u062a\u0648\u0631",  # دكتور
        "\u0627\u0644\u062f\u0643\u062a\u0648\u0631",  # الدكتور
        "\u062f",  # د.
        # … and the engineer's and the teacher's (issue 15, set 8's families' list).
        "\u0627\u0644\u0645\u0647\u0646\u062f\u0633",  # المهندس
        "\u0627\u0644\u0645\u0647\u0646\u062f\u0633\u0647",  # المهندسة
        "\u0645\u0647\u0646\u062f\u0633",  # مهندس
        "\u0627\u0644\u0627\u0633\u062a\u0627\u0630",  # الأستاذ
        "\u0627\u0644\u0627\u0633\u062a\u0627\u0630\u0647",  # الأستاذة
        "\u0627\u0633\u062a\u0627\u0630",  # أستاذ
        "hajj",
        "haj",
        "hajji",
        "haji",
        "hajja",
        "hadj",
        "sheikh",
        "shaikh",
        "shaykh",
        "sheik",
        "cheikh",
        "dr",
        "doctor",
        # … and the other titles and professions a professional body's or a medical or legal
        # NGO's list writes before its members' names: "Pharm. Ziad …", "Eng.", "Prof.", "Nurse
        # Rana …", a French-school lawyer's "Me" (Maître). No name is spelt so (issue 15, set 17).
        "pharm",
        "pharmd",
        "pharmacist",
        "eng",
        "engr",
        "engineer",
        "ing",
        "prof",
        "professor",
        "dentist",
        "nurse",
        "paramedic",
        "lawyer",
        "attorney",
        "me",
        "maitre",
        "mr",
        "mrs",
        "ms",
        "miss",
        *WOMAN_CIVILITIES,
    }
)


# Letters that differ only by their dots, folded to one letter each: what an OCR engine or a
# faded photocopy confuses in Arabic script (حسين/خسين, بشار/نشار, فادي/قادي, رياض/زياض).
_DOTLESS = str.maketrans(
    {
        "\u062a": "\u0628",  # ت → ب
        "\u062b": "\u0628",  # ث → ب
        "\u0646": "\u0628",  # ن → ب
        "\u064a": "\u0628",  # ي → ب (its medial form is a dotted tooth)
        "\u062c": "\u062d",  # ج → ح
        "\u062e": "\u062d",  # خ → ح
        "\u0630": "\u062f",  # ذ → د
        "\u0632": "\u0631",  # ز → ر
        "\u0634": "\u0633",  # ش → س
        "\u0636": "\u0635",  # ض → ص
        "\u0638": "\u0637",  # ظ → ط
        "\u063a": "\u0639",  # غ → ع
        "\u0642": "\u0641",  # ق → ف
    }
)


# Words a relative's message puts before the name: المعتقل "the detainee", الشاب "the young man",
# الأخ "brother" (search form: hamza and taa marbuta folded). Dropped only before the name's first
# word: after it they are a family name (أحمد محمد الشاب).
_RELATIVE_WORDS = frozenset(
    {
        "\u0627\u0644\u0645\u0639\u062a\u0642\u0644",  # المعتقل
        "\u0627\u0644\u0645\u0639\u062a\u0642\u0644\u0647",  # المعتقلة
        "\u0627\u0644\u0634\u0627\u0628",  # الشاب
        "\u0627\u0644\u0634\u0627\u0628\u0647",  # الشابة
        "\u0627\u0644\u0627\u062e",  # الأخ
        "\u0627\u0644\u0627\u062e\u062a",  # الأخت
        # … and a security branch's register or transfer list: الموقوف "the detainee", المدعو
        # "the one called" (issue 15, set 8).
        "\u0627\u0644\u0645\u0648\u0642\u0648\u0641",  # الموقوف
        "\u0627\u0644\u0645\u0648\u0642\u0648\u0641\u0647",  # الموقوفة
        "\u0627\u0644\u0645\u062f\u0639\u0648",  # المدعو
        "\u0627\u0644\u0645\u062f\u0639\u0648\u0647",  # المدعوة
        # … and a family's voice message, as said: «أخي محمد …», «ابني», «أختي», «أبي», «أمي»
        # and the spoken «خيي», «أخوي», «أبوي», «جوزي» (my husband), «المغيب» (the disappeared),
        # «المفقود», «المخطوف» (issue 15, set 13), in search form. No given name is spelt so:
        # not «أبي» (my father), which is also the given name أُبي (Ubayy, أبي بن كعب)
        # (``is_relative_or_given``).
        "اخي",
        "اختي",
        "امي",
        "ابني",
        "ابنتي",
        "بنتي",
        "زوجي",
        "زوجتي",
        "جوزي",
        "اخوي",
        "خيي",
        "ابوي",
        "المغيب",
        "المغيبه",
        "المفقود",
        "المفقوده",
        "المخطوف",
        "المخطوفه",
        # … and a Sharia court's or a civil registry's case of absence or death: «الغائب»,
        # «الغائبة» (the absent), «المدعى غيابه» / «المدعى وفاته» (the one claimed absent, dead),
        # «المتوفى» (the deceased), with their feminine (issue 15, set 14's Idlib court). Not
        # «المرحوم» (the late), which is also a family name.
        "الغايب",
        "الغايبه",
        "المدعا",
        "غيابه",
        "غيابها",
        "وفاته",
        "وفاتها",
        "المتوفا",
        "المتوفاه",
        # … and a rank or a post written before the name by an army unit's or a directorate's
        # list: «المجند», «العريف», «المساعد»; «العامل», «الموظفة», «السيدة» (issue 15, set 15).
        # Not those that are also family names (الجندي, النقيب, السيد, المعلم, المدرس).
        "المجند",
        "المجنده",
        "المتطوع",
        "المكلف",
        "العريف",
        "الرقيب",
        "المساعد",
        "الملازم",
        "المقدم",
        "العقيد",
        "العميد",
        "العامل",
        "العامله",
        "الموظف",
        "الموظفه",
        "السيده",
        "الانسه",
        "مدرس",
        "مدرسه",
        # … and a profession a group's report writes before the name: «الطالب الجامعي» (the
        # university student), «الممرض», and the feminine forms, which are no family names
        # (issue 15, set 16's Palestinian group). Those that are also family names (الطبيب،
        # المدرس، المحامي) are ``_TITLE_OR_FAMILY_WORDS``.
        "الطالب",
        "الطالبه",
        "الجامعي",
        "الجامعيه",
        "الممرض",
        "الممرضه",
        "المحاميه",
        "الطبيبه",
        "المدرسه",
        # … and a woman doctor's or a pharmacist's title («الدكتورة», «الصيدلانية»), which no
        # family name is (the pharmacist's «الصيدلاني» may be one: ``_TITLE_OR_FAMILY_WORDS``).
        "الدكتوره",
        "دكتوره",
        "الصيدلانيه",
    }
)
# … each with its final ي typed ى, as phones and many typists write it («اخى», «اختى», «ابنى»):
# the search form reads that ى as ا (issue 15, set 18's WhatsApp roll-calls).
_RELATIVE_WORDS |= frozenset(word[:-1] + "\u0627" for word in _RELATIVE_WORDS if word[-1] == "ي")


def _name_words_only(words: list[str]) -> list[str]:
    """``words`` without titles, articles, and the relative's words before the first name word."""
    kept: list[str] = []
    for word in words:
        if word in _TITLES or word in _ARTICLE_WORDS or (word in _RELATIVE_WORDS and not kept):
            continue
        kept.append(word)
    return kept


def dotless_key(text: str) -> str:
    """The Arabic letters of ``text`` with dots removed (its *rasm*), or "" for Latin text.

    Two spellings with the same dotless key differ only in dotted letters, the usual OCR
    confusion in Arabic: "حسين" and "خسين" both give "حسبب". Articles and titles are dropped and
    compounds joined as in ``name_keys``; taa marbuta is already heh in the search form.
    """
    words = _name_words_only(_search_words(text))
    letters = "".join(c for c in "".join(words) if _is_arabic_letter(c))
    if len(letters) >= 4 and letters.startswith(_ARTICLE) and letters not in _ARABIC_NOT_ARTICLE:
        letters = letters[2:]
    return letters.translate(_DOTLESS)


# Key letters whose Arabic letters share a dotless shape, folded to one: ب ت ث ن ي (b t n y),
# ج ح خ ه (j h x), د ذ ر ز (d z r), س ش (s c), ف ق ك (f k). غ (g) goes, as ع has no letter in the
# key; so do the vowel markers (onset a, final y, u flag w), which OCR also turns into others.
_LOOSE = str.maketrans(
    {
        "t": "b",
        "n": "b",
        "y": "b",
        "j": "h",
        "x": "h",
        "z": "d",
        "r": "d",
        "c": "s",
        "k": "f",
        "g": None,
        "w": None,
        "a": None,
    }
)


def loose_key(key: str) -> str:
    """Fold a name key (``name_key``) so that misread dots no longer matter, in either script.

    ``loose_key(name_key("خسين")) == loose_key(name_key("Hussein"))``: an OCR error on the
    Arabic side no longer hides a Latin spelling of the same name. Far looser than the key, so
    a weaker piece of evidence; also folds together names that are simply different.
    """
    folded = key.translate(_LOOSE)
    collapsed = [c for i, c in enumerate(folded) if i == 0 or folded[i - 1] != c]
    return "".join(collapsed)


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    """Whether one word is a title or honorific that precedes a name (الحاج, Dr., Sheikh)."""
    folded = _search_words(word)
    return len(folded) == 1 and (folded[0] in _TITLES or folded[0] in _RELATIVE_WORDS)


@lru_cache(maxsize=65536)
def is_name_joiner(word: str) -> bool:
    """Whether one word opens the name after it rather than being one: ʿAbd, Abu or an article
    written apart («عبد», "Abdul", "3abd", «أبو», "al")."""
    folded = _search_words(word)
    return len(folded) == 1 and (
        folded[0] in _ABD_WORDS or folded[0] in _ABU_WORDS or folded[0] in _ARTICLE_WORDS
    )


# A relative's word that is also a given name: «أبي» (my father; أُبي, Ubayy). Kept as a name
# in a name cell and by ``drop_titles``; a full name of a family's message reads it as the
# relative's word before two name words or more (``names.parse_full_name``).
_RELATIVE_OR_GIVEN_WORDS = frozenset({"ابي"})


def is_relative_or_given(word: str) -> bool:
    """Whether one word is a relative's word that is also a given name («أبي»: my father, or
    أُبي)."""
    folded = _search_words(word)
    return len(folded) == 1 and folded[0] in _RELATIVE_OR_GIVEN_WORDS


# An honorific that is also a family name: «السيد» (Mr; the family السيد). A directorate's
# decision writes «السيد علي محمود الكيلاني»: before three name words or more it is the
# honorific (``names.parse_full_name``); before fewer, as in «السيد محمد أحمد», it may be the
# family name written first, and is kept (issue 15, set 15). So is «الرائد» (the major; the
# family الرائد): «الرائد عبد الرحمن محمود ديركي» in an army unit's list. (A list that keeps the
# rank in its own column has it set aside whatever it is: ``lists.RANK_COLUMN``.)
# So are the professions that are family names too: «الطبيب», «المدرس», «المحامي» (set 16).
_TITLE_OR_FAMILY_WORDS = frozenset(
    {"السيد", "الرايد", "الطبيب", "المدرس", "المحامي", "الصيدلاني", "الصيدلي"}
)


def is_title_or_family(word: str) -> bool:
    """Whether one word is an honorific or a rank that is also a family name («السيد»،
    «الرائد»)."""
    folded = _search_words(word)
    return len(folded) == 1 and folded[0] in _TITLE_OR_FAMILY_WORDS


# The ranks of ``_RELATIVE_WORDS`` (search form), after which a rank's qualifier is part of the
# rank: «الرقيب أول», «المساعد أول», «الملازم أول» (first sergeant, first warrant officer, first
# lieutenant), «المجند الاحتياطي» (the reservist), «العميد الركن» (staff brigadier).
_RANK_WORDS = frozenset(
    {"المجند", "المتطوع", "المكلف", "العريف", "الرقيب", "المساعد", "الملازم", "المقدم", "العقيد",
     "العميد"}
)  # fmt: skip
_RANK_QUALIFIERS = frozenset(
    {"اول", "الاول", "ثاني", "الثاني", "الاحتياطي", "احتياطي", "المتطوع", "متطوع", "الركن", "ركن",
     "المجند", "المكلف"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def is_rank_word(word: str) -> bool:
    """Whether one word is a rank a list writes before the name («المجند», «الرقيب»)."""
    folded = _search_words(word)
    return len(folded) == 1 and folded[0] in _RANK_WORDS


@lru_cache(maxsize=65536)
def is_rank_qualifier(word: str) -> bool:
    """Whether one word is a rank's qualifier, part of the rank after it: «أول» in «الرقيب أول»,
    «الاحتياطي» in «المجند الاحتياطي» (never a name there; a name elsewhere, as ثاني may be)."""
    folded = _search_words(word)
    return len(folded) == 1 and folded[0] in _RANK_QUALIFIERS


def is_relative_word(word: str) -> bool:
    """Whether one word is one a relative's message puts before a name (المعتقل, الشاب, الأخ):
    a title there, a family name after the name's first word."""
    folded = _search_words(word)
    return len(folded) == 1 and folded[0] in _RELATIVE_WORDS


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a" or char in _ARABIC_CONSONANTS


def _skeleton(consonants: list[str], *, ends_in_h: bool) -> str:
    """Finish a consonant sequence: drop a final h, collapse repeats, read a final t as d."""
    if ends_in_h and consonants and consonants[-1] == "h":
        # Taa marbuta, final ح and ه are written "a", "ah", "eh", "e" or nothing in Latin.
        consonants = consonants[:-1]
    collapsed: list[str] = []
    for consonant in consonants:
        # Shadda is not written in Arabic and doubling is optional in Latin ("Hasan", "Hassan").
        if not collapsed or collapsed[-1] != consonant:
            collapsed.append(consonant)
    if collapsed and collapsed[-1] == "t":
        collapsed[-1] = "d"
    return "".join(collapsed)


def _arabic_key(word: str) -> str:
    if len(word) >= 4 and word.startswith(_ARTICLE) and word not in _ARABIC_NOT_ARTICLE:
        word = word[2:]
    onset = "a" if word[:1] in (_ALEF, _AYN) else ""
    final_y = "y" if len(word) > 1 and word.endswith(_YEH) else ""
    u_flag = "w" if _WAW in word else ""
    consonants: list[str] = []
    for index, char in enumerate(word):
        if char == _YEH and index == 0:
            consonants.append("y")
            continue
        sound = _ARABIC_CONSONANTS.get(char)
        if sound is None:
            # Alef, ʿayn, waw, medial yeh, and letters outside the table carry no consonant.
            continue
        # A final ه (or taa marbuta) is dropped below, never read as the h of a digraph: الرقة
        # is "Raqqa", not "Rakh".
        # Not after the word's first letter: it always carries a vowel, so Latin writes the h
        # apart (دهان "Dahhan", طحان "Tahhan"), never as a digraph.
        if sound == "h" and 1 < index < len(word) - 1 and consonants:
            previous = _ARABIC_CONSONANTS.get(word[index - 1])
            if previous is not None and previous in _H_DIGRAPHS:
                consonants[-1] = _H_DIGRAPHS[previous]
                continue
        consonants.append(sound)
    # The final ه of طه "Taha" is a consonant that Latin writes, not a taa marbuta.
    ends_in_h = _ARABIC_CONSONANTS.get(word[-1:]) == "h" and word != _TAHA
    return onset + _skeleton(consonants, ends_in_h=ends_in_h) + final_y + u_flag


# A nisba in -ani after an open syllable with u: the u is long, a و (اللوباني "Lubani",
# الحوراني "Hourani", السوداني "Sudani"); a closed syllable's u is short (لبناني "Lubnani").
_LATIN_LONG_U_NISBA = re.compile(r"(?:u|ou|oo)[^aeiouyw]aa?n(?:i|y|ee|ie)$")
# A nisba in -ui after a consonant: the u is the و of -wi (الحموي "Hamui", as "Hamwi").
_LATIN_UI_NISBA = re.compile(r"[^aeiouy](?:u|ou)i$")


def _latin_u_flag(word: str, vowel_runs: list[tuple[int, str]], last_consonant: int) -> bool:
    if "w" in word or word.startswith("you"):
        return True
    if _LATIN_LONG_U_NISBA.search(word) or _LATIN_UI_NISBA.search(word):
        return True
    for end, run in vowel_runs:
        # "au" is the diphthong of شوكت "Shaukat"; "ou" alone is too often a French short u.
        if "au" in run:
            return True
        # The vowel before the last consonant is where a long ū sits in Mahmūd, Yūsuf, Manṣūr;
        # a word-final o or u is a final waw (عبدو "Abdo", ابو "Abu").
        if (end == last_consonant or end == len(word)) and run[-1] in "ou":
            return True
    return False


# A doubled letter written by repeating only the h of a digraph ("Bachhar" بشّار, "Khadhhar"
# خضّار, "Daghhoum" دغّوم): one consonant, as "shsh" already is.
_DOUBLED_DIGRAPH = re.compile(r"(?<=[kgsctdz]h)h")


def _without_latin_article(word: str) -> str:
    """A Latin word without a glued article ("alhamwi"), as its key reads it."""
    if (
        len(word) >= 5
        and word[:2] in ("al", "el")
        and word[2] not in _LATIN_VOWELS
        and word[2] != "w"
        and word not in _LATIN_NOT_ARTICLE
    ):
        return word[2:]
    return word


def _latin_key(word: str) -> str:
    word = _LATIN_SPELLINGS.get(word, word)
    if "hh" in word:
        word = _DOUBLED_DIGRAPH.sub("", word)
    if len(word) > 3 and word.startswith("ou") and word[2] in "aeiy":
        # French "ou" before a vowel is a w: "Ouasim" وسيم, "Ouael" وائل, "Ouissam" وسام.
        word = "w" + word[2:]
    word = _without_latin_article(word)
    onset = "a" if word[:1] in ("a", "e", "i", "o", "u") else ""
    final_y = "y" if len(word) > 1 and (word[-1] in "iy" or word.endswith(("ee", "ie"))) else ""
    consonants: list[str] = []
    vowel_runs: list[tuple[int, str]] = []  # (index just after the run, run)
    run_start = -1
    last_consonant = -1
    index = 0
    while index < len(word):
        char = word[index]
        is_vowel = char in _LATIN_VOWELS and not (char == "y" and index == 0)
        if is_vowel:
            if run_start < 0:
                run_start = index
            index += 1
            continue
        if run_start >= 0:
            vowel_runs.append((index, word[run_start:index]))
            run_start = -1
        # A doubled letter is one consonant ("Moussa"), so the vowel before it still counts as the
        # vowel before the last consonant.
        if index == 0 or word[index - 1] != char:
            last_consonant = index
        longer = next((g for g in _LATIN_TRIGRAPHS if word.startswith(g, index)), None)
        if longer is not None:
            consonants.append(_LATIN_TRIGRAPHS[longer])
            index += len(longer)
            continue
        pair = word[index : index + 2]
        if pair in _LATIN_DIGRAPHS:
            consonants.append(_LATIN_DIGRAPHS[pair])
            index += 2
            continue
        if char == "y":
            consonants.append("y")
        elif char == "c" and word[index + 1 : index + 2] in ("e", "i"):
            # French soft c: "Kacem" قاسم, "Mouncef" منصف.
            consonants.append("s")
        elif char == "x":
            # خ: Kurmanji and Spanish-style lists write x for it ("Xalid", "Şîxu", "Maxlûf");
            # Syrian names have no "ks".
            consonants.append("x")
        elif char in _LATIN_CONSONANTS:
            consonants.append(_LATIN_CONSONANTS[char])
        # w is a marker only; anything else has been filtered out already.
        index += 1
    if run_start >= 0:
        vowel_runs.append((len(word), word[run_start:]))
    u_flag = "w" if _latin_u_flag(word, vowel_runs, last_consonant) else ""
    ends_in_h = word.endswith("h") and word[-2:] not in _LATIN_DIGRAPHS
    return onset + _skeleton(consonants, ends_in_h=ends_in_h) + final_y + u_flag


@lru_cache(maxsize=65536)
def is_muhammad_abbreviation(word: str) -> bool:
    """Whether one word is an abbreviation of محمد as lists write it ("Mhd", "MHD", "Moh.",
    "Mohd"): a given name even in capitals beside an upper-case family name."""
    words = _search_words(word)
    return len(words) == 1 and _LATIN_SPELLINGS.get(words[0]) == "muhammad"


def _split_abd(word: str) -> tuple[str, str] | None:
    """Split a glued ʿAbd compound into ("abd", rest), or return None."""
    if word.startswith(_ABD_ARTICLE) and len(word) > len(_ABD_ARTICLE):
        return _ABD_KEY, word[len(_ABD_ARTICLE) :]
    if word[:3] in ABD_MISREAD_WORDS and word[3:5] == _ARTICLE and len(word) > 5:
        return _ABD_KEY, word[5:]
    for prefix in _LATIN_ABD_PREFIXES:
        rest = word[len(prefix) :]
        # The rest must hold a consonant: "Abdo" and "Abdou" are names (عبدو), not compounds.
        if not word.startswith(prefix):
            continue
        if prefix.endswith("l") and rest in _ALLAH_WITHOUT_L:
            # "Abdulah", "Abdelah", Kurmanji "Evdila": عبد الله with Allah's l written once.
            return _ABD_KEY, "l" + rest
        if len(rest) >= 2 and any(c in _LATIN_CONSONANTS for c in rest):
            return _ABD_KEY, rest
    return None


_ALLAH_WITHOUT_L = frozenset({"a", "ah", "ahi", "ahh"})
# Allah written apart from ʿAbd without its h ("Abd Alla", "al-Abd Alla"), as Russian writes it.
_ALLAH_WITHOUT_H = frozenset({"alla"})

# أبو glued to the name it governs («أبوماهر», "Abumaher", "Abouzaid"), keyed as the two words
# are (أبو ماهر, "Abu Maher"). The rest must be a name of three letters or more opening with a
# consonant: "Aboud" and "Abouda" are عبود, not compounds.
_GLUED_ABU_PREFIXES = ("\u0627\u0628\u0648", "abou", "abu", "abo", "ebu")


def _split_abu(word: str) -> tuple[str, str] | None:
    """Split a glued أبو compound into (prefix, rest), or return None."""
    for prefix in _GLUED_ABU_PREFIXES:
        rest = word[len(prefix) :]
        if not word.startswith(prefix) or len(rest) < 3:
            continue
        if prefix[0] == "\u0627" or (rest[0] not in _LATIN_VOWELS and rest[0] != "w"):
            return prefix, rest
        if prefix in _GLUED_ABU_BEFORE_VOWEL and (
            len(rest) >= _GLUED_ABU_VOWEL_REST or _GLUED_ABU_ARTICLE.match(rest)
        ):
            # "Abualhaija" (أبو الهيجاء, the article glued too), "Abuaisha" (أبو عيشة): after
            # Abu/Abou spelt whole, a name of four letters or more, or the article and a name.
            return prefix, rest
        return None
    return None


# A glued Abu/Abou before a vowel: «أبو» and a name opening with a vowel or ع ("Abuaisha",
# "Abouomar") or with the article ("Abualhaija"); "Abo" is left alone ("Aboud", "Abouda" عبود
# open so), and the rest must be a name of four letters at least.
_GLUED_ABU_BEFORE_VOWEL = frozenset({"abu", "abou"})
_GLUED_ABU_VOWEL_REST = 4
_GLUED_ABU_ARTICLE = re.compile(r"^[ae]l[^aeiou]{1,2}[a-z]{2}")
# أبو glued to the article alone, the name after a hyphen or a space ("Abual-Haija", "Abul
# Hassan"): أبو and the article, which join the next word as أبو does.
ABU_ARTICLE_WORDS = frozenset({"abual", "aboual", "abuel", "abouel", "abul", "aboul"})


# Latin written on an Arabic keyboard's habits ("Arabizi"): digits for the letters Latin lacks,
# 7 ح, 5 خ, 6 ط, 9 ص, 8 غ, and 3 ع / 2 ء, which carry no consonant in the key ("A7mad", "5aled",
# "3omar"). Read only inside a word that has Latin letters: a number stays a number.
_ARABIZI = str.maketrans({"7": "h", "5": "kh", "6": "t", "9": "s", "3": "a", "2": "a", "8": "gh"})
_ARABIZI_VOWEL_CARRIER = re.compile(r"[23](?=[aeiou])")
# A word-initial 2 is ق said the Syrian way, a glottal stop ("2asem" قاسم, "2urain" قرين): a
# name never starts with a written hamza in Arabizi, whose initial alef is a plain vowel; so is
# a doubled 22 ("Sa22oum" سقّوم), as a hamza is never doubled; so is a 2 ending a word after a
# vowel other than a ("tare2" طارق, "sade2" صادق): names end in ـاء ("asma2", "do3a2"), not in
# ـئ or ـؤ. A 2 closing a syllable before a consonant is a hamza as often ("mo2men" مؤمن,
# "ra2fat" رأفت, "ma2moun" مأمون) as a ق ("me2dad" مقداد, "sa2r" صقر): the key keeps the
# hamza, and the linkage reads ق where the lists write that name far more often
# (``mizan.linkage.features.LETTER_READINGS``).
ARABIZI_QAF = re.compile(r"^2(?=[a-z])|22|(?<=[eiou])2$")
_ARABIZI_QAF = ARABIZI_QAF
# … and so is a 2 opening the name after ʿAbd and the article glued to it ("3bdel2adir",
# "abdul2adir" عبد القادر, "3abdel2awi" عبد القوي: the name's initial, as "2adir" alone), but
# not the hamza of the names of God that open with one: الإله, الإمام ("3abdel2ilah", 2i or
# 2e is إ), الأحد, الأمير ("3bdel2a7ad", "abdel2amir"); the linkage still reads ق for those
# where the lists write that name far more often (``LETTER_READINGS``). A final 2 after a
# doubled letter and a in such a name is ق too ("3abdalrazza2" عبد الرزاق, الخلاق, الفتاح's
# kin): the names of God of the pattern faʿʿāl end in ق, none in ـّاء. Elsewhere a final ـّا2
# is the hamza of حوّاء, البنّاء, الفرّاء, الحذّاء ("7awwa2", "el banna2") as much as the ق of
# a trade (دقّاق, ورّاق): the key keeps the hamza, the lists' counts read ق.
_ARABIZI_QAF_AFTER = re.compile(
    r"^((?:[23]a?|a)bd[aeiu]l)2(?=[a-z])(?![ie]|a[7h]a?d|am[ie]+r)"
    r"|^((?:[23]a?|a)bd[aeiu]l[a-z]*([b-df-hj-np-tv-z])\3a)2$"
)


def _arabizi_qaf(match: re.Match[str]) -> str:
    return (match.group(1) or match.group(2)) + "q"


# The dotted letters a digit and an apostrophe write: 7' خ (as 5), 3' غ (as 8) ("7'aled",
# "3'assan"), read before the search form drops the apostrophe; 8 is غ too ("8assan").
_ARABIZI_DOTTED = re.compile(r"(?<![0-9])([37])['’`´]")
_ARABIZI_DOTTED_LETTER = {"7": "5", "3": "8"}


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """Key of one word already in search form (lowercase, no spaces)."""
    arabic = "".join(char for char in word if _is_arabic_letter(char))
    latin = "".join(char for char in word if "a" <= char <= "z")
    # A word mixing scripts is keyed by its majority script; the rest is noise such as a stray
    # letter from switching keyboards mid-word.
    letters = arabic if len(arabic) > len(latin) else latin
    if not letters:
        return ""
    western = _WESTERN_GIVEN_NAMES.get(letters)
    if western is not None:
        return _arabic_key(western)
    compound = _split_abd(letters)
    if compound is not None:
        prefix, rest = compound
        return prefix + _word_key(rest)
    abu = _split_abu(letters)
    if abu is not None:
        return _word_key(abu[0]) + _word_key(abu[1])
    if letters is arabic:
        return _arabic_key(letters)
    return _latin_key(letters)


def _arabizi(word: str) -> str:
    if any(char.isdigit() for char in word) and any("a" <= char <= "z" for char in word):
        # ع and ء before a vowel leave only the vowel ("3abd" is "abd", so the ʿAbd compound
        # is still found); elsewhere they stand for a vowel.
        word = _ARABIZI_QAF_AFTER.sub(_arabizi_qaf, _ARABIZI_QAF.sub("q", word))
        return _ARABIZI_VOWEL_CARRIER.sub("", word).translate(_ARABIZI)
    return word


# Kurmanji Latin (Hawar alphabet): ş ش, ç چ, and in a word written with its letters (ş ç ê î û)
# c is ج ("Cemîl" جميل) and x is خ. Read before the search form strips the marks.
_KURMANJI_MARKS = frozenset("şŞçÇêÊîÎûÛẍẌḧḦ")
_KURMANJI = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "c": "j", "C": "J"})
# Letters only Kurmanji writes in a Syrian name (Turkish has ş ç but not these): a word or record
# that shows one is read in Kurmanji spelling whole (``_kurmanji_word``).
_KURMANJI_ONLY = frozenset("êÊîÎûÛẍẌḧḦ")
# The Hawar alphabet read into the common spelling, letter by letter: c ج, ç چ, ş ش, x خ (as
# already), ẍ غ, ḧ ح; ê and î are the long vowels Arabic writes ي, which the key drops as it does
# any medial vowel; û and o are the long vowels Arabic writes و (Yûsif يوسف, Dilovan ديلوفان,
# Rojîn روجين), so a w is put after them for the key's u flag, while e, i and u are the short
# vowels Arabic does not write (Mihemed محمد). An o that starts a word is the short u of Omer
# عمر and Osman عثمان; g is the Kurdish g that Arabic letters write ك (Rizgar رزكار, Ciger جكر).
_KURMANJI_LETTERS: dict[str, str] = {
    "ş": "sh",
    "Ş": "Sh",
    "ç": "ch",
    "Ç": "Ch",
    "c": "j",
    "C": "J",
    "ẍ": "gh",
    "Ẍ": "Gh",
    "ḧ": "h",
    "Ḧ": "H",
    "ê": "e",
    "Ê": "E",
    "î": "i",
    "Î": "I",
    "û": "uw",
    "Û": "Uw",
    "o": "ow",
    "O": "Ow",
    "g": "k",
    "G": "K",
}
# ch and gh typed for ç and ẍ on a keyboard without them stay what they are.
_KURMANJI_LETTER = re.compile(rf"[cgCG][hH]|[{''.join(_KURMANJI_LETTERS)}]")
# ʿAbd said and written "Evd" in Kurmanji (Evdirehman عبد الرحمن, Evdilqadir, Evdo عبدو).
_KURMANJI_EVD = re.compile(r"^([EeAa])v(?=d)")
# "… al-Din" written "-edîn" (Selahedîn صلاح الدين, Ezedîn عز الدين, Nûredîn نور الدين).
_KURMANJI_DIN = re.compile(r"(?<=\w\w)ed[iî]n$", re.IGNORECASE)


def is_kurmanji_spelling(text: str) -> bool:
    """Whether ``text`` has a letter that only Kurmanji (Hawar) spelling writes in a Syrian name:
    ê î û, or ẍ ḧ ("Xelîl", "Şêxmûs", "Evdirehman Mehmûd")."""
    return bool(_KURMANJI_ONLY.intersection(text))


# Kurmanji drops the y of a Yû- that starts a name (Ûsiv يوسف, Ûnis يونس).
_KURMANJI_YU = re.compile(r"^([Ûû])(?=[^\W\daeiouêîûAEIOUÊÎÛ])")


def _kurmanji_word(word: str) -> str:
    """One Latin word read in Kurmanji spelling, rewritten in the common one."""
    if any(_is_arabic_letter(char) for char in word):
        return word
    word = _KURMANJI_DIN.sub("eddin", _KURMANJI_EVD.sub(r"\1b", word))
    word = _KURMANJI_YU.sub(lambda match: "Y" + match.group(1).lower(), word)
    return _KURMANJI_LETTER.sub(_kurmanji_letter, word)


def _kurmanji_letter(match: re.Match[str]) -> str:
    letter = match.group()
    if len(letter) == 2 or (match.start() == 0 and letter in "oO"):
        return letter
    if letter in "oO" and match.start() == 1 and match.string[0] in "mM":
        # "Mo…" is the English or French mu- of an Arabic name typed into a Kurdish list
        # (Mohammed محمد, Mostafa مصطفى, Mohanad مهند), which Kurmanji writes Mi-, Mu-, Me-: a
        # short u, not و (read so, Mohammed would take محمود's key).
        return letter
    return _KURMANJI_LETTERS[letter]


def _kurmanji(text: str, *, every_word: bool = False) -> str:
    """The Latin words of ``text`` that show Kurmanji letters (all of them with ``every_word``,
    a record or list in Kurmanji spelling) read so; a word with only ş or ç of Kurmanji's
    letters has only those, and its c, read."""
    if not every_word and not _KURMANJI_MARKS.intersection(text):
        return text
    return " ".join(
        _kurmanji_word(word)
        if every_word or _KURMANJI_ONLY.intersection(word)
        else word.translate(_KURMANJI)
        if _KURMANJI_MARKS.intersection(word)
        else word
        for word in text.split(" ")
    )


# Turkish spelling, as on the residence papers of Syrians in Türkiye (MUHAMMET, HALİT, ŞADİ,
# CEMAL, VALİD, GASAN, EBU ZEYD): c is ج, ç چ, ş ش, ğ and g غ (ج is c), v و; ı İ ö ü are plain
# vowels. A name with a letter only Turkish writes (ı İ ğ ö ü, or ş ç without Kurmanji's ê î û)
# is read so; so is every Latin word of a record or list that shows them (``turkish=True``).
_TURKISH_MARKS = frozenset("İıĞğŞşÇçÖöÜü")
_TURKISH = str.maketrans(
    {
        "ç": "ch",
        "Ç": "Ch",
        "ş": "sh",
        "Ş": "Sh",
        "ğ": "gh",
        "Ğ": "Gh",
        "c": "j",
        "C": "J",
        "g": "gh",
        "G": "Gh",
        "v": "w",
        "V": "W",
        "ı": "i",
        "İ": "I",
        "ö": "o",
        "Ö": "O",
        "ü": "u",
        "Ü": "U",
    }
)


def is_turkish_spelling(text: str) -> bool:
    """Whether ``text`` has a letter that only Turkish spelling writes in a Syrian name (ı İ ğ ö
    ü, or ş ç in a text without Kurmanji's ê î û): "HALİT", "Şadi", "Münbiç"."""
    return bool(_TURKISH_MARKS.intersection(text)) and not _KURMANJI_ONLY.intersection(text)


# Turkish writes ث as s (Osman, Heysem), which no letter rule can tell from س: the names that
# have it, in the common spelling (Turkish letters already read).
_TURKISH_THA: dict[str, str] = {
    "osman": "uthman",
    "usman": "uthman",
    "heysem": "haytham",
    "heysam": "haytham",
    "hejsam": "haytham",
    "meysem": "maytham",
    "leys": "layth",
    "ghiyas": "ghiyath",
    "ghiyaseddin": "ghiyathuddin",
    "kewser": "kawthar",
    "kawser": "kawthar",
}


def _turkish_word(word: str) -> str:
    read = word.translate(_TURKISH)
    return _TURKISH_THA.get(read.lower(), read)


def _turkish(text: str) -> str:
    """The Latin words of ``text`` read in Turkish spelling, rewritten in the common one."""
    return " ".join(
        word if any(_is_arabic_letter(char) for char in word) else _turkish_word(word)
        for word in text.split(" ")
    )


# Scholarly transliteration (DMG, ALA-LC): its marked letters are the digraphs of the common
# spelling ("Ḫālid" خالد, "Šādī" شادي, "Ṯāmir" ثامر, "ǦAMĪL" جميل). The search form would strip the
# marks and leave h, s, t, g: read them first. Plain-marked letters (ḥ ṣ ṭ ḍ ẓ ā ī ū) lose their
# mark to no harm.
_SCHOLARLY = str.maketrans(
    {
        "ḫ": "kh",
        "Ḫ": "Kh",
        "š": "sh",
        "Š": "Sh",
        "ṯ": "th",
        "Ṯ": "Th",
        "ḏ": "dh",
        "Ḏ": "Dh",
        "ġ": "gh",
        "Ġ": "Gh",
        "ǧ": "j",
        "Ǧ": "J",
    }
)
# Letters of the scholarly spelling: a record that shows them is not in German or Dutch spelling.
SCHOLARLY_MARKS = frozenset("ḫḪšŠṯṮḏḎġĠǧǦḥḤṣṢṭṬḍḌẓẒāĀīĪūŪʿʾ")

# German and Dutch spelling, as on European lists (prosecutors, asylum files): j is ي ("Jusef",
# "Jahja"), ch خ ("Chaled"), sch and Dutch sj ش ("Schadi", "Sjadi"), dsch and Dutch dj ج
# ("Dschamal", "Djamal"), tsch and Dutch tj چ, Dutch oe a u ("Hoessein", "Moestafa"). Read only
# when the record or its list says so (``germanic=True``): French writes dj and ch too, English j.
_GERMANIC_STEPS: tuple[tuple[str, str], ...] = (
    ("dsch", "\x01"),
    ("tsch", "\x02"),
    ("sch", "sh"),
    ("dj", "\x01"),
    ("tj", "\x02"),
    ("sj", "sh"),
    ("ch", "kh"),
    ("j", "y"),
    ("oe", "u"),
    ("\x01", "j"),
    ("\x02", "ch"),
)
# A word that shows German or Dutch spelling of its own: sch, Dutch sj at either end of a word
# ("Sjadi", "Darwisj"; "Masjid" is s + j) or oe for u between consonants ("Hoessein"; English
# writes لؤي "Loeiy", فؤاد "Foead" with oe before a vowel, and معتز "Moetaz", مؤمن "Moemen",
# معز "Moez", معتصم "Moetasem" with oe for the hamza or ʿayn after mu-: no evidence).
_C = r"[^aeiouy\W\d_]"
_GERMANIC_WORD = re.compile(rf"sch|\bsj|sj\b|(?!moe[mtz]){_C}oe{_C}", re.IGNORECASE)


def is_germanic_spelling(text: str) -> bool:
    """Whether ``text`` has a Latin word in German or Dutch spelling of its own ("Dschamal",
    "Schadi", "Sjadi", "Hoessein") and no letter of the scholarly spelling."""
    return bool(_GERMANIC_WORD.search(text)) and not SCHOLARLY_MARKS.intersection(text)


@lru_cache(maxsize=65536)
def _germanic_word(word: str) -> str:
    # A German office's ch for ح or ه after a vowel (Achmed أحمد, Machmud محمود, Macher ماهر):
    # ``_LATIN_SPELLINGS`` lists those names.
    return _germanic_steps(_LATIN_SPELLINGS.get(word, word))


def germanic_spelling(word: str) -> str:
    """One Latin name word in German or Dutch spelling ("Jusef", "Chaled", "Dschamal") rewritten
    in the common spelling the keys read ("yousef", "khaled", "jamal"); lower case."""
    return _germanic_word(normalise_for_search(word))


# Umlauts a German office writes in Syrian names ("Süleiman", "Jüssef", "Öthman"): in a record
# read in German spelling they are no sign of Turkish papers.
_GERMAN_UMLAUTS = frozenset("äöüÄÖÜ")


def _german_umlauts_only(text: str, germanic: bool) -> bool:
    return germanic and _TURKISH_MARKS.intersection(text) <= _GERMAN_UMLAUTS


def _germanic_steps(word: str) -> str:
    for old, new in _GERMANIC_STEPS:
        word = word.replace(old, new)
    # German Ju- is يو, the long u that English writes "You" (Jusef, Junis): the u flag.
    return "you" + word[2:] if word.startswith("yu") else word


# Italian and Spanish spelling, as the offices of those countries write Arabic names (asylum
# files). Italian: gi, and g before e or i, ج ("Giamal", "Gihad"; the key reads g so already),
# sci, and sc before e or i, ش ("Sciadi", "Hasciem"), ch خ ("Churi", "Chalil"), i before a vowel
# at a word's start ي ("Iusuf", "Iahia"). Spanish: j خ ("Jaled", "Eljatib"), y before a vowel ج
# ("Yamal", "Nayar"; also ي, as in "Yusuf", which the reading as written keeps). Both: u before a
# vowel at a word's start or after one, or in a final -ui, و ("Ualid", "Yabaui", "Hamui"; not
# the short u of "Fuad", "Suad"). Read only when the record's list says so (``romance="it"`` or
# ``"es"``): English and French read j, y, ch and sc otherwise. Applied to search-form words.
_ROMANCE_W = (re.compile(r"^u(?=[aeiou])|(?<=[aeiou])u(?=[aeiou])|(?<=[^aeiou])u(?=i$)"), "w")
_ROMANCE_STEPS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "it": (
        (re.compile(r"sci(?=[aou])|sc(?=[ei])"), "sh"),
        (re.compile(r"(?<!s)ch"), "kh"),
        (re.compile(r"^i(?=[aou])"), "y"),
        _ROMANCE_W,
    ),
    "es": (
        (re.compile(r"j"), "kh"),
        (re.compile(r"^y(?=[aeiou])|(?<=[aeiou])y(?=[aeiou])"), "j"),
        _ROMANCE_W,
    ),
}
# Letters only Italian spelling writes in an Arabic name: gi or sci before a vowel that is not
# i ("Giamal", "ALNAGIAR", "Sciadi"), sc before e or i ("Hasciem"), u or i before another vowel
# at a word's start ("Ualid", "Iusuf"). English "Ghiath" and "Iyad" have none.
_ITALIAN_WORD = re.compile(r"(?:gi|sci)[aou]|sc[ei]|\b[ui][aou]|\bu[ei]", re.IGNORECASE)


def is_italian_spelling(text: str) -> bool:
    """Whether ``text`` has a Latin word in Italian spelling of its own ("Giamal", "Sciadi",
    "Ualid", "Iusuf")."""
    return bool(_ITALIAN_WORD.search(text))


def _romance_word(word: str, romance: str) -> str:
    for pattern, letters in _ROMANCE_STEPS[romance]:
        word = pattern.sub(letters, word)
    return word


# Greek letters as ELOT 743 / ISO 843 write them in Latin (a Greek or Cypriot office's papers):
# each letter one way, its digraphs (μπ, ντ, γκ, τζ, ου) letter by letter, so that a name typed
# in Greek letters and one copied from the Latin line of the same document read alike. ξ is
# written ks, not ELOT's x, which the key reads خ.
_GREEK_SMALL = dict(
    zip("αβγδεζηικλμνοπρσςτυφω", "avgdeziiklmnoprsstyfo", strict=True),
    θ="th",
    ξ="ks",
    χ="ch",
    ψ="ps",
)
_GREEK_LETTERS_ONE = {
    **_GREEK_SMALL,
    **{small.upper(): latin.upper() for small, latin in _GREEK_SMALL.items() if small != "ς"},
}
_GREEK_DIPHTHONGS = re.compile("ου|αυ|ευ|γγ", re.IGNORECASE)
_GREEK_DIPHTHONG_LETTERS = {"ου": "ou", "αυ": "av", "ευ": "ev", "γγ": "ng"}


def _greek_diphthong(match: re.Match[str]) -> str:
    found = match.group()
    letters = _GREEK_DIPHTHONG_LETTERS[found.lower()]
    if found.isupper():
        return letters.upper()
    return letters.capitalize() if found[0].isupper() else letters


_GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def has_greek_letters(text: str) -> bool:
    """Whether ``text`` has a letter of the Greek alphabet ("ΦΑΤΙΜΑ", "ΑΧΜΕΝΤ")."""
    return _GREEK_LETTER.search(text) is not None


def greek_to_latin(text: str) -> str:
    """``text`` with its Greek letters written in Latin as ELOT 743 does ("ΑΜΠΝΤΟΥΛΑ" →
    "AMPNTOULA", "Χασάν" → "Chasan"), case kept and accents dropped; other letters as they are.
    The Greek-route reading (``greek_route_readings``) then reads the name's Arabic sounds."""
    if not has_greek_letters(text):
        return text
    plain = "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )
    plain = _GREEK_DIPHTHONGS.sub(_greek_diphthong, plain)
    # A capital written with two letters (Χ ch, Θ th) is all capitals in a word of capitals only.
    return "".join(
        _GREEK_LETTERS_ONE.get(char, char).capitalize()
        if char.isupper() and plain[index + 1 : index + 2].islower()
        else _GREEK_LETTERS_ONE.get(char, char)
        for index, char in enumerate(plain)
    )


# Latin names that went through the Greek alphabet (an asylum office in Greece or Cyprus writes
# the name in Greek, and its Latin line is the Greek spelling transliterated, ELOT 743 or a
# passport office's habit). Greek has no b, d, g, j, h, sh or w of its own: it writes b μπ
# ("AMPSI" العبسي, "IMPRACHIM" إبراهيم), d ντ ("ACHMANT" أحمد, "CHALINT" خالد; ν + ντ for
# n + d, "TZANNTALI" الجندلي), the g of a foreign name γκ, j τζ ("TZAMAL" جمال), y γι before a
# vowel ("GIASER" ياسر, "ZAKARIGIA" زكريا), ح ه and خ alike χ ("CHASAN" حسن, "CHALAF" خلف), س and
# ش alike σ ("SANTI" شادي), غ γ ("GASAN" غسان), w ου or β ("OUALINT" وليد), u ου, every i
# sound ι η υ ει οι, no doubled letter, and may add a declension's final -s. Each word is read
# with its sure letters rewritten (μπ, ντ, τζ, γι) and its doubtful ones (χ, σ, γ, γκ, a final
# s, ντ for a real n + t) both ways; the lists' names choose (``ListVocabulary.greek_letters``).
# Evidence a Latin word went through Greek: letter groups English and French spellings of Arabic
# names never write (mp, gk, tz, an nt that opens a word, ends one of five letters or more or
# stands before a consonant other than the h of "Munther", the w of "Antwan" or the r of
# "Antranik", Christian names a French or English list writes so; بنت "bint" is no evidence).
_GREEK_ROUTE_WORD = re.compile(
    r"mp|gk|tz|(?<=[^\W\d_]{3})nt\b|nt(?=[^aeiouyhwr\W\d_])|\bnt(?=[^\W\d_])", re.IGNORECASE
)
# Letters the Greek route never writes (h outside ch, th, ph, ps; w, j, q; sh, kh, gh, dh, or c
# outside ch): a word with one is in another spelling, read as written.
_NOT_GREEK_ROUTE = re.compile(r"(?<![ctp])h|[wjq]|c(?!h)|[sk]h|[gd]h")
# The letter groups read one way: τζ j (before ντ: "ntz" is ν + τζ), μπ b, ν + ντ nd, ου before
# a vowel w.
_GREEK_ROUTE_SURE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"tz"), "j"),
    (re.compile(r"mp"), "b"),
    (re.compile(r"nnt"), "nd"),
    (re.compile(r"ou(?=[aei])"), "w"),
)
# The letter groups read two ways (the first the likelier where the lists do not tell): γι
# before a vowel y or غ + i ("GIASER" ياسر, "GIATH" غياث); δ, which
# is ð, ض or ذ/ظ ("MOUNDIR" منذر; before the ντ read d, whose d is د); ντ d or
# n + t ("Montaser"), χ ح/ه or خ, γκ ك/ق or غ, γ غ or, before e and i, ي, σ س or ش, θ ث or ذ,
# β ب's v or و, a final -s of declension or of the name ("Anas", "Firas").
_GREEK_ROUTE_DOUBT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(?<=[aeiou])gi(?=[aeou])|^gi(?=[aeou])"), ("y", "ghi")),
    (re.compile(r"d"), ("d", "z")),
    (re.compile(r"nt"), ("d", "nt")),
    (re.compile(r"ch"), ("h", "kh")),
    (re.compile(r"gk"), ("k", "gh")),
    (re.compile(r"g(?=[ei])"), ("y", "gh")),
    (re.compile(r"g(?![eih])"), ("gh", "g")),
    (re.compile(r"th"), ("th", "z")),
    (re.compile(r"s(?!h)"), ("s", "sh")),
    (re.compile(r"v"), ("v", "w")),
    (re.compile(r"(?<=\w{3}[aeio])s$"), ("s", "")),
)
# At most so many readings of one word (a long compound has many doubtful letters).
_GREEK_ROUTE_READINGS = 64


def is_greek_route_word(word: str) -> bool:
    """Whether a Latin name word shows letters only the Greek route writes ("ACHMANT",
    "IMPRACHIM", "TZAMAL"), or has Greek letters."""
    return bool(_GREEK_ROUTE_WORD.search(word)) or has_greek_letters(word)


@lru_cache(maxsize=65536)
def greek_route_readings(word: str) -> tuple[str, ...]:
    """The readings of one Latin name word (lower case, search form) that may have been written
    through the Greek alphabet, likeliest first (see ``_GREEK_ROUTE_SURE``): "chalint" gives
    "halid", "khalid" …; "tzamal" "jamal"; "ampntoulrachman" "abdulrahman" …; a word with a
    letter the Greek route never writes ("Mohammad", "Khalid") gives itself alone."""
    if _NOT_GREEK_ROUTE.search(word) or not word.isascii():
        return (word,)
    return _route_readings(word, _GREEK_ROUTE_SURE, _GREEK_ROUTE_DOUBT, _GREEK_ROUTE_READINGS)


def _route_readings(
    word: str,
    sure: tuple[tuple[re.Pattern[str], str], ...],
    doubt: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...],
    bound: int,
) -> tuple[str, ...]:
    """``word`` with its ``sure`` letter groups rewritten and each of its ``doubt`` ones read
    every way it may be (the first the likelier), at most about ``bound`` readings, likeliest
    first: a name that went through another alphabet (``greek_route_readings``,
    ``russian_route_readings``)."""
    for pattern, letters in sure:
        word = pattern.sub(letters, word)
    readings = [word]
    for pattern, choices in doubt:
        grown: list[str] = []
        for reading in readings:
            found = list(pattern.finditer(reading))
            if not found:
                grown.append(reading)
                continue
            spellings = [""]
            last = 0
            for match in found:
                between = reading[last : match.start()]
                # Past the bound, the rest of a word's doubtful letters are read the likelier way.
                ways = choices if len(spellings) * len(readings) < bound else choices[:1]
                spellings = [s + between + c for s in spellings for c in ways]
                last = match.end()
            grown.extend(s + reading[last:] for s in spellings)
        readings = grown
    return tuple(dict.fromkeys(readings))


# Cyrillic letters as the BGN/PCGN tables write them in Latin (a Russian office's papers: the
# Russian Centre for Reconciliation's answers, a military police list): х kh, ж zh, ц ts, ч ch,
# ш sh, щ shch, ы y, ю yu, я ya, й y, е and э e, the soft sign an apostrophe, the hard sign
# nothing; Ukrainian і, ї, є, ґ alike. A name typed in Cyrillic and one romanised from the same
# document then read alike (``russian_route_readings``).
_CYRILLIC_SMALL = dict(
    zip("абвгдеёзийклмнопрстуфыэіґ", "abvgdeeziyklmnoprstufyeig", strict=True),
    ж="zh",
    х="kh",
    ц="ts",
    ч="ch",
    ш="sh",
    щ="shch",
    ъ="",
    ь="'",
    ю="yu",
    я="ya",
    ї="yi",
    є="ye",
)
_CYRILLIC_LETTERS_ONE = {
    **_CYRILLIC_SMALL,
    **{small.upper(): latin.upper() for small, latin in _CYRILLIC_SMALL.items()},
}
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def has_cyrillic_letters(text: str) -> bool:
    """Whether ``text`` has a letter of the Cyrillic alphabet ("Мухаммед", "АЛЬ-ХАТИБ")."""
    return not text.isascii() and _CYRILLIC_LETTER.search(text) is not None


def cyrillic_to_latin(text: str) -> str:
    """``text`` with its Cyrillic letters written in Latin as BGN/PCGN does ("Мухаммед" →
    "Mukhammed", "АЛЬ-ХАЛЛАК" → "AL'-KHALLAK", "Джамаль" → "Dzhamal'"), case kept; other
    letters as they are. The Russian-route reading (``russian_route_readings``) then reads the
    name's Arabic sounds."""
    if not has_cyrillic_letters(text):
        return text
    # A capital written with two letters (Х kh, Ш sh) is all capitals in a word of capitals only.
    return "".join(
        _CYRILLIC_LETTERS_ONE.get(char, char).capitalize()
        if char.isupper() and text[index + 1 : index + 2].islower()
        else _CYRILLIC_LETTERS_ONE.get(char, char)
        for index, char in enumerate(text)
    )


# The marked letters of the scholarly romanisations of Russian (ISO 9, GOST 7.79 System A, the
# Library of Congress's): ž ж, č ч, š ш (already read by ``_SCHOLARLY``), ŝ щ, è э, ë ё, û ю,
# â я; read into the BGN letters before the search form strips their marks.
_RUSSIAN_SCHOLARLY = str.maketrans(
    {
        "ž": "zh",
        "Ž": "Zh",
        "č": "ch",
        "Č": "Ch",
        "ŝ": "shch",
        "Ŝ": "Shch",
        "û": "yu",
        "Û": "Yu",
        "â": "ya",
        "Â": "Ya",
    }
)


def russian_letters(text: str) -> str:
    """``text`` with Cyrillic letters and the scholarly romanisation's marked letters (ž, č, ŝ)
    written as BGN/PCGN writes them, and the soft sign's apostrophe dropped: "Джамаль",
    "Džamal'" and "Dzhamal'" all give "Dzhamal"."""
    text = cyrillic_to_latin(text).translate(_RUSSIAN_SCHOLARLY)
    return _SOFT_SIGN.sub("", text)


# The soft sign as romanisations write it: an apostrophe or a prime after a letter.
_SOFT_SIGN = re.compile(r"(?<=[^\W\d_])['’ʹʼ]")

# Latin names that went through the Russian alphabet (the Russian Centre for the Reconciliation
# of Opposing Sides' lists, a Russian military police register, romanised by BGN/PCGN, GOST
# 7.79 or the passport's ICAO table). Russian has no h, ʿayn, w or ʾ of its own: it writes ح,
# خ and ه all х kh ("Mukhammed" محمد, "Khalid" خالد, "Ibrakhim" إبراهيم) — and ه as г g in the
# old forms ("Ibragim"), where г is otherwise غ ("Gassan" غسان) —, ج дж dzh ("Dzhamal"), w в v
# ("Valid" وليد, "Marvan" مروان), ay ей ey, and drops ʿayn and hamza. Each word is read with its
# sure letters rewritten (dzh j, zh j, shch sh, v w, a first g غ, the passport's ia/iu for я/ю,
# GOST's x for х) and its doubtful ones (kh, a g inside a word, a lone j, a first ye or yu)
# both ways; the lists' names choose (``ListVocabulary.russian_letters``).
_RUSSIAN_ROUTE_SURE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"dzh"), "\x01"),
    (re.compile(r"shch"), "sh"),
    (re.compile(r"zh"), "\x01"),
    (re.compile(r"x"), "kh"),
    (re.compile(r"v"), "w"),
    (re.compile(r"^i(?=[aeuo])"), "y"),
    (re.compile(r"^g(?!h)"), "gh"),
)
_RUSSIAN_ROUTE_DOUBT: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"kh"), ("h", "kh")),
    # Not a first г: "Gassan" is غسان; the Caucasian "Gasan", "Guseyn" are no Syrian's.
    (re.compile(r"(?<=\w)g(?!h)"), ("gh", "h")),
    (re.compile(r"j"), ("y", "j")),
    (re.compile(r"^ye"), ("e", "ye")),
    # A first ю is the long u of يوسف, يونس ("Yusef"), which the key hears in "you"; or short
    # (يسرى "Yusra").
    (re.compile(r"^yu"), ("you", "yu")),
)
# At most so many readings of one word.
_RUSSIAN_ROUTE_READINGS = 16
# Evidence that a list's Latin names went through Russian: letter groups no English, French or
# German spelling of an Arabic name writes — dzh, shch, the soft sign after l where only Russian
# writes it: ending a word ("Dzhamal'", "Abdel' Karim"; not the article alone, "Al' Hassan"),
# before a hyphen ("al'-Khatib") or inside a name before a consonant ("Sal'ma", "Tal'bisa"); not
# an apostrophe joining the article to a name ("Al'Hassan", "Abdel'Kader") nor the English
# "Jamal's" — and the Russian forms of the commonest names, whose ح no other spelling writes kh
# or x (Mukhammed, Mokhammad, Akhmed, Makhmud, Ibrakhim, Ibragim; GOST's Muxammed).
_RUSSIAN_ROUTE_WORD = re.compile(
    r"dzh|shch"
    r"|^(?![ae]l['’ʹ]$).*(?<=[^\W\d_])l['’ʹ](?:$|-)"
    r"|^(?!(?:abd[aeiu]?|[ae])l['’ʹ])[^\W\d_]+l['’ʹ](?-i:[bcdfghjklmnpqrtvwxz]|s(?!$))"
    r"|^(?:mu|mo)(?:kh|x)am|^a(?:kh|x)m[ae]d|^ma(?:kh|x)m[uo]d|^ibra(?:g|kh|x)im",
    re.IGNORECASE,
)


def is_russian_route_word(word: str) -> bool:
    """Whether a name word shows letters only the Russian route writes ("Dzhamal", "al'-Khatib",
    "Mukhammed", "Ibragim"), or has Cyrillic letters."""
    return bool(_RUSSIAN_ROUTE_WORD.search(word)) or has_cyrillic_letters(word)


@lru_cache(maxsize=65536)
def russian_route_readings(word: str) -> tuple[str, ...]:
    """The readings of one Latin name word (lower case, search form, ``russian_letters`` read)
    that may have been written through the Russian alphabet, likeliest first (see
    ``_RUSSIAN_ROUTE_SURE``): "khasan" gives "hasan", "khasan"; "dzhamal" "jamal"; "ibragim"
    "ibraghim", "ibrahim"; "valid" "walid"; a word with nothing to read gives itself alone."""
    if not word.isascii() or not word.isalpha():
        return (word,)
    readings = _route_readings(
        word, _RUSSIAN_ROUTE_SURE, _RUSSIAN_ROUTE_DOUBT, _RUSSIAN_ROUTE_READINGS
    )
    return tuple(dict.fromkeys(reading.replace("\x01", "j") for reading in readings))


# Spoken Syrian says ق as a glottal stop, and relatives type it so (ءاسم, الحءبان): a bare
# hamza that starts a word, or stands between two consonants, is ق. One before a long vowel is
# the hamza of فؤاد, رؤوف, لؤي typed without its seat (فءاد, رءوف, لءي); one after alef or at the
# end of a word the hamza of علاء, أسماء (أسمء, وفء when OCR drops the alef), which also
# glues to the next word (أسماءفايز).
_SPOKEN_QAF = re.compile(
    # starts a word: not alone, nor before an article (OCR's stray ء before ال)
    "(?:(?<![\u0621-\u064a])\u0621(?=[\u0621-\u064a])(?!\u0627\u0644))"
    "|(?:(?<=[\u0628-\u0647])\u0621(?=[\u0628-\u0647]))"  # between consonants
)


# Kurdish in Arabic letters opens a word that starts with a vowel with ئ (ئازاد Azad, ئاڤين Evîn),
# which the search form would fold into a consonant ي: it is the alef of آزاد, آفين.
# Only before a vowel letter (ا و ي, Kurdish ە ۆ ێ): an OCR'd «عا ئشة» keeps its hamza.
_KURDISH_VOWEL_SEAT = re.compile(
    "(?<![\u0621-\u06ff])\u0626(?=[\u0627\u0648\u064a\u06d5\u06c6\u06ce])"
)


def _search_words(
    text: str,
    *,
    turkish: bool = False,
    germanic: bool = False,
    kurmanji: bool = False,
    romance: str = "",
) -> list[str]:
    if "\u0626" in text:
        text = _KURDISH_VOWEL_SEAT.sub("\u0627", text)
    if "\u0621" in text:
        # Marks and tatweel first: «ضياًءـ» is ضياء, its hamza after alef, not before a letter.
        text = _SPOKEN_QAF.sub("\u0642", text.translate(MARKS_AND_TATWEEL))
    text = text.translate(_SCHOLARLY)
    if has_greek_letters(text):
        # A name in Greek letters is read the Greek route's likeliest way ("ΑΧΜΕΝΤ" أحمد).
        text = " ".join(
            " ".join(
                greek_route_readings(word)[0]
                for word in normalise_for_search(greek_to_latin(token)).split()
            )
            if has_greek_letters(token)
            else token
            for token in text.split()
        )
    if has_cyrillic_letters(text):
        # … and one in Cyrillic letters the Russian route's likeliest way ("Ахмед" أحمد).
        text = " ".join(
            " ".join(
                russian_route_readings(word)[0]
                for word in normalise_for_search(russian_letters(token)).split()
            )
            if has_cyrillic_letters(token)
            else token
            for token in text.split()
        )
    if "'" in text or "’" in text or "`" in text or "´" in text:
        text = _ARABIZI_DOTTED.sub(lambda m: _ARABIZI_DOTTED_LETTER[m.group(1)], text)
    if kurmanji:
        text = _kurmanji(text, every_word=True)
    elif turkish or (is_turkish_spelling(text) and not _german_umlauts_only(text, germanic)):
        text = _turkish(text)
    else:
        text = _kurmanji(text)
    if germanic:
        return [
            _arabizi(_germanic_word(word) if word.isascii() else word)
            for word in normalise_for_search(text.translate(_BEFORE_SEARCH_FORM)).split()
        ]
    if romance:
        return [
            _arabizi(_romance_word(word, romance) if word.isascii() else word)
            for word in normalise_for_search(text.translate(_BEFORE_SEARCH_FORM)).split()
        ]
    return [
        _arabizi(word) for word in normalise_for_search(text.translate(_BEFORE_SEARCH_FORM)).split()
    ]


def name_key(word: str) -> str:
    """Return the cross-script key of one name word ("أحمد" and "Ahmet" both give "ahmd").

    The key is ASCII: lowercase letters only. Text that normalises to several words (a hyphenated
    "al-Hassan") is keyed as one word. See the module docstring for the algorithm and the names
    that share a key by design.
    """
    words = _search_words(word)
    # A hyphenated article ("al-Idlibi") is a word of its own in the search form.
    while len(words) > 1 and words[0] in _ARTICLE_WORDS:
        words = words[1:]
    return _word_key("".join(words))


def name_keys(
    text: str,
    *,
    turkish: bool = False,
    germanic: bool = False,
    kurmanji: bool = False,
    romance: str = "",
) -> list[str]:
    """Return the keys of the words of a full name, in order.

    Titles (الحاج, الشيخ, د., Dr, Sheikh, Hajj …) and stand-alone articles (ال, al, el, ar …) are
    dropped; عبد/Abd/Abdul/Abdel … and أبو/Abu join the next word into one key, so "عبد الرحمن",
    "Abd al-Rahman" and "Abdulrahman" each give one key.
    """
    words = _search_words(
        text, turkish=turkish, germanic=germanic, kurmanji=kurmanji, romance=romance
    )
    return [key for key, _first, _last in name_key_spans(words)]


def search_words(text: str) -> list[str]:
    """The words of ``text`` in the search form ``name_key_spans`` expects."""
    return _search_words(text)


def name_key_spans(words: list[str]) -> list[tuple[str, int, int]]:
    """Key a sequence of words already in search form, saying which words each key came from.

    Returns ``(key, first, last)`` with ``first``..``last`` the indexes of the words the key was
    made of (a compound "abd al rahman" spans three words). The rules are those of ``name_keys``,
    which is this function over the words of one name; a text scanner (the leak check of
    testimonies) uses it to find names at their place in a long text.
    """
    keys: list[tuple[str, int, int]] = []
    index = 0
    while index < len(words):
        start = index
        word = words[index]
        index += 1
        if word in _TITLES or word in _ARTICLE_WORDS:
            continue
        if word in _RELATIVE_WORDS and not keys:
            continue
        abu = word in _ABU_WORDS or (word in ABU_ARTICLE_WORDS and index < len(words))
        if word in _ABD_WORDS or abu or word in ABD_MISREAD_WORDS:
            # Skip an article between the prefix and the name it governs ("Abd al-Rahman").
            following = index
            while following < len(words) and words[following] in _ARTICLE_WORDS:
                following += 1
            if following < len(words):
                head = _ABD_KEY if not abu else _word_key("abu")
                name = words[following]
                if head == _ABD_KEY and name in _ALLAH_WITHOUT_H:
                    # "Abd Alla" (Russian Абд Алла): Allah with its h unwritten.
                    name = "allah"
                keys.append((head + _word_key(name), start, following))
                index = following + 1
                continue
        suffix = next((end for end in _DIN_SUFFIXES if word.endswith(end)), None)
        # A one-letter head is not a name ("weddin"); an empty one is a spaced "ed-din".
        if suffix is not None and len(word) - len(suffix) != 1:
            head = word[: -len(suffix)]
            if head:
                keys.append((_word_key(head), start, start))
            keys.append((_DIN_KEY, start, start))
            continue
        key = _word_key(word)
        if key:
            keys.append((key, start, start))
    return keys


def cross_script_match(a: str, b: str) -> float:
    """Score in [0, 1] how many name words of ``a`` and ``b`` share a key, in any order.

    The score is 2·shared / (words in a + words in b), so "Ahmad Hamwi" against
    "أحمد محمد الحموي" scores 0.8; it is 0.0 when either name has no keyed word.
    """
    keys_a = Counter(name_keys(a))
    keys_b = Counter(name_keys(b))
    total = sum(keys_a.values()) + sum(keys_b.values())
    if total == 0 or not keys_a or not keys_b:
        return 0.0
    shared = sum((keys_a & keys_b).values())
    return 2 * shared / total


# The vowels of a name word, slot by slot (``vowel_marks``): the gap before each consonant of the
# key and the one after the last. An Arabic spelling writes its long vowels (ا ā, ي ī, و ū) and
# leaves short ones out; a Latin spelling writes every vowel, the long ones too. So where the
# Arabic writes a long ā, a Latin spelling of the same name has an a (or an e: Jamel, Kamel)
# there, never an i or only a u; where it writes ī, an i, e or y, never only an a. The key drops
# vowels, and names a long vowel apart share it (حسن/حسين, جمال/جميل, سعيد/سعاد, أمين/أمينة); the
# marks tell "Hassan" from حسين, "Gamil" from جمال, "Said" from سعاد, "Amina" from إيمان.
# Bits of a slot: for an Arabic spelling the long vowel it writes there; for a Latin one the long
# vowels its letters there rule out. Two spellings whose keys agree contradict each other where
# one's bits meet the other's (``features``; ``model.VOWELS_DIFFER_LABEL``).
VOWEL_A, VOWEL_I, VOWEL_U, VOWEL_CLOSED = 1, 2, 4, 8
_SLOT_BITS = 4
_MAX_SLOTS = 15
_ARABIC_LONG = {_ALEF: VOWEL_A, "\u0622": VOWEL_A, _YEH: VOWEL_I, _WAW: VOWEL_U}
# What the last letter of a Latin vowel run before a consonant rules out.
_LATIN_RULES_OUT = {
    "a": VOWEL_I | VOWEL_U,
    "i": VOWEL_A | VOWEL_U,
    "y": VOWEL_A | VOWEL_U,
    "e": VOWEL_U,
    "o": VOWEL_A | VOWEL_I,
    "u": VOWEL_A | VOWEL_I,
    "w": VOWEL_A | VOWEL_I,
}


def _latin_slot(gap: str) -> int:
    rules_out = _LATIN_RULES_OUT.get(gap[-1:], 0)
    if gap[-2:-1] in ("i", "y", "e"):
        rules_out &= ~VOWEL_I  # Maryam, Mariam: the ي of «مريم» is a y before a short a
    elif gap[-2:-1] in ("u", "o", "w"):
        rules_out &= ~VOWEL_U  # Marwan's و before its ā, Rawan's
    return rules_out


def _arabic_slot(gap: str, *, onset: bool) -> int:
    if onset and gap[:1] in (_WAW, _ALEF):
        # A word's first و is the consonant w («وليد» Walid, «وسام» Wissam), its first alef the
        # seat of a hamza and its short vowel («أسامة» Osama, «إيمان»'s ī is the yeh after it).
        gap = gap[1:]
    if gap.endswith(_ALEF + _YEH):
        return 0  # ā and a hamza on its seat (رائد, وائل: the search form's ي), not ī
    return _ARABIC_LONG.get(gap[-1:], 0) if gap else 0


def _pack(slots: list[int]) -> int | None:
    if not slots or len(slots) > _MAX_SLOTS:
        return None
    packed = 0
    for index, bits in enumerate(slots):
        packed |= bits << (_SLOT_BITS * index)
    return packed


def _arabic_marks(word: str) -> tuple[int | None, str]:
    if len(word) >= 4 and word.startswith(_ARTICLE) and word not in _ARABIC_NOT_ARTICLE:
        word = word[2:]
    consonants: list[str] = []
    slots: list[int] = []
    gap = ""
    blurred = False
    for index, char in enumerate(word):
        sound = "y" if char == _YEH and index == 0 else _ARABIC_CONSONANTS.get(char)
        if sound is None:
            gap += char
            continue
        if sound == "h" and 1 < index < len(word) - 1 and consonants:
            previous = _ARABIC_CONSONANTS.get(word[index - 1])
            if previous is not None and previous in _H_DIGRAPHS:
                consonants[-1] = _H_DIGRAPHS[previous]
                gap = ""
                continue
        if consonants and consonants[-1] == sound:
            # One consonant for the key (shadda is not written): one slot, whose vowel is the
            # first's or unknown where the key folds two apart («مأمون», Sawsan).
            blurred = blurred or bool(gap)
            continue
        slots.append(0 if blurred else _arabic_slot(gap, onset=not consonants))
        consonants.append(sound)
        gap = ""
        blurred = False
    if not consonants:
        return None, ""
    last_h = _ARABIC_CONSONANTS.get(word[-1:]) == "h"
    if last_h or blurred:
        final = 0  # ة, ح, ه: a final a, ah, eh or a consonant as Latin writes it
    elif not gap:
        final = VOWEL_CLOSED
    else:
        final = _ARABIC_LONG.get(gap[-1:], 0) if gap[-1:] != _YEH else 0
    if last_h and word != _TAHA and consonants[-1] == "h":
        slots.pop()
        consonants.pop()
        final = 0
    return _pack([*slots, final]), "".join(consonants)


def _latin_marks(word: str) -> tuple[int | None, str]:
    if word in _LATIN_SPELLINGS or "hh" in word or word.startswith("ou"):
        return None, ""
    word = _without_latin_article(word)
    consonants: list[str] = []
    slots: list[int] = []
    gap = ""
    blurred = False
    index = 0
    while index < len(word):
        char = word[index]
        if (char in _LATIN_VOWELS and not (char == "y" and index == 0)) or char == "w":
            gap += char
            index += 1
            continue
        longer = next((g for g in _LATIN_TRIGRAPHS if word.startswith(g, index)), None)
        if longer is not None:
            sound, step = _LATIN_TRIGRAPHS[longer], len(longer)
        elif word[index : index + 2] in _LATIN_DIGRAPHS:
            sound, step = _LATIN_DIGRAPHS[word[index : index + 2]], 2
        elif char == "y":
            sound, step = "y", 1
        elif char == "c" and word[index + 1 : index + 2] in ("e", "i"):
            sound, step = "s", 1
        elif char in _LATIN_CONSONANTS or char == "x":
            sound, step = ("x" if char == "x" else _LATIN_CONSONANTS[char]), 1
        else:
            return None, ""
        index += step
        if consonants and consonants[-1] == sound:
            blurred = blurred or bool(gap)
            continue  # "Hassan": one consonant for the key, one slot
        slots.append(0 if blurred else _latin_slot(gap))
        consonants.append(sound)
        gap = ""
        blurred = False
    if not consonants:
        return None, ""
    # A final a is no final consonant nor a final ū or ī (Amina is not أمين); a final e may be
    # French for one (Amine: أمين).
    final = VOWEL_CLOSED | VOWEL_I | VOWEL_U if gap == "a" and not blurred else 0
    if word.endswith("h") and word[-2:] not in _LATIN_DIGRAPHS and consonants[-1] == "h":
        slots.pop()
        consonants.pop()
        final = 0
    return _pack([*slots, final]), "".join(consonants)


@lru_cache(maxsize=65536)
def vowel_marks(text: str) -> int | None:
    """The vowels a one-word name writes, slot by slot (``VOWEL_A`` …, 4 bits a slot: before
    each consonant of its key, then after the last): an Arabic spelling's long vowels, or the
    long vowels a Latin spelling's letters rule out. None for a name of several words, a
    compound, or a spelling
    the key reads otherwise than letter by letter (a fixed spelling, a French ou, a Turkish,
    German or Kurmanji reading): two spellings are compared only where both have marks and
    their keys agree, so the slots stand for the same consonants."""
    if has_greek_letters(text):
        return None  # read by the Greek route's likeliest reading, not letter by letter
    words = _name_words_only(_search_words(text))
    while len(words) > 1 and words[0] in _ARTICLE_WORDS:
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0]
    if not word.isalpha() or _split_abd(word) or _split_abu(word) or word in _WESTERN_GIVEN_NAMES:
        # A compound's letters are two words' («عبدالله»'s alef is the article's, not ā).
        return None
    if all(_is_arabic_letter(char) for char in word):
        marks, consonants = _arabic_marks(word)
    elif word.isascii():
        marks, consonants = _latin_marks(word)
    else:
        return None
    # The slots must be the key's consonants, one for one.
    key = _word_key(word)
    core = (key[1:] if key[:1] == "a" else key).rstrip("w")
    if marks is None or len(consonants) not in (len(core), len(core.removesuffix("y"))):
        return None
    return marks


# Scholarly romanisation read back into Arabic letters (issue 15, set 18's report annex): ALA-LC
# ("Muḥammad ʿAbd al-Raḥmān al-Khaṭīb", "Suʿād bint ʿĪsā"), DMG ("Ḫālid", "aš-Šaiḫ", "Ǧamīl")
# and the Encyclopaedia of Islam's ("Ḳāsim", "Djamāl", "K̲h̲ālid") mark every letter that
# common spellings fold together: ḥ ح, ṣ ص, ṭ ط, ḍ ض, ẓ ظ, ʿ ع, ʾ ء; ā ī ū the long vowels
# (ا ي و), a i u the short ones Arabic leaves unwritten; á ى. A name so written is read back
# letter for letter, where the key (``name_key``) could only fold ح/ه or س/ص together.
# Letters of these systems beyond ``SCHOLARLY_MARKS``: á (ALA-LC's ى), ḳ (EI2's ق), the
# underline EI2 puts under its digraphs. Not î, û or ê: Kurmanji's letters (Mihemed, Birahîm).
SCHOLARLY_LETTERS = SCHOLARLY_MARKS | frozenset("áÁḳḲ\u0332\u0331")
# The consonants, digraphs first (ALA-LC writes a prime between two letters read apart:
# "Adʹham" أدهم).
_SCHOLARLY_CONSONANTS: tuple[tuple[str, str], ...] = (
    ("kh", "خ"),
    ("sh", "ش"),
    ("th", "ث"),
    ("dh", "ذ"),
    ("gh", "غ"),
    ("dj", "ج"),
    ("ḫ", "خ"),
    ("š", "ش"),
    ("ṯ", "ث"),
    ("ḏ", "ذ"),
    ("ġ", "غ"),
    ("ǧ", "ج"),
    ("ḥ", "ح"),
    ("ṣ", "ص"),
    ("ṭ", "ط"),
    ("ḍ", "ض"),
    ("ẓ", "ظ"),
    ("ḳ", "ق"),
    ("ʿ", "ع"),
    ("‘", "ع"),
    ("b", "ب"),
    ("p", "ب"),
    ("t", "ت"),
    ("j", "ج"),
    ("g", "ج"),
    ("d", "د"),
    ("r", "ر"),
    ("z", "ز"),
    ("s", "س"),
    ("f", "ف"),
    ("v", "ف"),
    ("q", "ق"),
    ("k", "ك"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "ن"),
    ("h", "ه"),
    ("w", "و"),
    ("y", "ي"),
)
_SCHOLARLY_LONG = {"ā": "ا", "ī": "ي", "ū": "و", "á": "ى"}
_SCHOLARLY_SHORT = {"a": "a", "e": "i", "i": "i", "o": "u", "u": "u"}
# The hamza's mark, and the apostrophes a copy writes for ʿayn or hamza ("Suʿād" as "Su'ad").
_HAMZA_MARKS = frozenset("ʾʼ")
_EITHER_MARKS = frozenset("'’`´")
# Words the letters do not spell as Arabic writes them: Allāh and al-Raḥmān without their alif,
# Ṭāhā طه, Dāwūd داود, ʿAmr with its silent waw; the particles of a lineage.
_SCHOLARLY_WORDS = {
    "allah": "الله",
    "ilah": "إله",
    "rahman": "رحمن",
    "taha": "طه",
    "dawud": "داود",
    "amr": "عمرو",
    "ibn": "بن",
    "bin": "بن",
    "bint": "بنت",
    "abu": "أبو",
    "umm": "أم",
    "abd": "عبد",
}
# The article as these systems write it: al- (ALA-LC, EI2), or assimilated to a sun letter (DMG:
# "aš-Šaiḫ", "ar-Raḥmān", "aḍ-Ḍāmin"; some write "ash-Shaykh", "ad-Din").
_SCHOLARLY_ARTICLE = re.compile(
    r"^(?:[ae]l|[ae](?:sh|th|dh|[tdrzsnṭḍṣẓšṯḏ]))-(?=\S)", re.IGNORECASE
)


# Two short vowels in a row are a diphthong, its second half a consonant ("e" is read "i").
_DIPHTHONGS: dict[tuple[tuple[str, str], tuple[str, str]], tuple[str, str]] = {
    (("a", "v"), ("i", "v")): ("ي", "c"),
    (("i", "v"), ("i", "v")): ("ي", "c"),
    (("a", "v"), ("u", "v")): ("و", "c"),
}


# … but for the marks of ʿayn and hamza, which spellings that mark no other letter write too
# ("ʿAbd al-Hamid", "Saʿid", whose h and i may be ح and ي).
_SCHOLARLY_SPELLING = SCHOLARLY_LETTERS - frozenset("ʿʾ")


def has_scholarly_letters(text: str, *, marks: bool = False) -> bool:
    """Whether ``text`` shows a letter of the scholarly romanisations (ḥ, ā, š, ḳ …), or with
    ``marks`` the ʿayn and hamza marks (ʿ, ʾ) alone too."""
    letters = SCHOLARLY_LETTERS if marks else _SCHOLARLY_SPELLING
    return not text.isascii() and bool(letters.intersection(inner_acute_dropped(text)))


# ALA-LC writes á for ى only at a word's end ("Muṣṭafá", "Laylá"); an á inside a word is the
# acute accent of Czech, Hungarian or Spanish spelling ("Chálid", "Ádám", "Jamál"), not a letter
# of the romanisation.
_INNER_ACUTE = re.compile(r"[áÁ](?=\w)")


def inner_acute_dropped(text: str) -> str:
    """``text`` without the á that stand inside a word, which are no scholarly letter (ALA-LC's
    á is a final ى): what is left tells whether the text is in a scholarly romanisation."""
    return _INNER_ACUTE.sub("", text) if "á" in text or "Á" in text else text


def _hamza_seat(before: str, after: str, final: bool) -> str:
    """The letter a hamza sits on between the vowels ``before`` and ``after`` ("a" "i" "u", or
    "A" "I" "U" long, "" a consonant or none), as Arabic spelling seats it."""
    if final:
        return {"a": "أ", "i": "ئ", "u": "ؤ"}.get(before, "ء")
    if not before and not after:
        return "ء"
    vowels = (before.lower(), after.lower())
    if "i" in vowels:
        return "ئ"
    if "u" in vowels:
        return "ؤ"
    if before == "A" and after:
        return "ء"
    return "أ"


@lru_cache(maxsize=50_000)
def scholarly_readings(word: str) -> tuple[str, ...]:
    """The Arabic spellings one word of a scholarly romanisation stands for, the likeliest
    first: "Muḥammad" محمد, "al-Khaṭīb" الخطيب, "ʿĀʾisha" عائشة, "Muṣṭafā" مصطفى or مصطفا.
    Short vowels are left out, a doubled letter written once (its shadda), a word-final a or ah
    is ة, a hamza takes the seat its vowels give it; a final ā may be ا or ى, an apostrophe
    inside a word ʿayn or hamza (the readings give both). () for a word with no letter to read
    (a digit, a punctuation mark)."""
    text = unicodedata.normalize("NFC", word.replace("\u0332", "").replace("\u0331", ""))
    if not text or any(_is_arabic_letter(char) for char in text):
        return ()
    article = ""
    match = _SCHOLARLY_ARTICLE.match(text)
    if match is not None:
        article, text = "ال", text[match.end() :]
    lower = text.lower().strip("-")
    plain = normalise_for_search(lower.lstrip("ʿʾʼ'’`´‘")).replace(" ", "")
    if plain == "lah" and article:
        return ("الله",)  # "AL-ʿABD AL-LAH"
    if plain in _SCHOLARLY_WORDS and (plain != "rahman" or article):
        return (article + _SCHOLARLY_WORDS[plain],)
    # Units: (letter, kind) with kind "c" a consonant, "v" a short vowel (a i u), "V" a long one,
    # "h" a hamza, "e" an apostrophe (ʿayn or hamza).
    units: list[tuple[str, str]] = []
    index = 0
    while index < len(lower):
        char = lower[index]
        if char in _SCHOLARLY_LONG:
            # An á inside a word is a long a as any acute-accent spelling writes it, not ى.
            inner = char == "á" and index + 1 < len(lower) and lower[index + 1].isalpha()
            units.append(("ا" if inner else _SCHOLARLY_LONG[char], "V"))
            index += 1
            continue
        if char in _SCHOLARLY_SHORT:
            units.append((_SCHOLARLY_SHORT[char], "v"))
            index += 1
            continue
        if char in _HAMZA_MARKS:
            units.append(("", "h"))
            index += 1
            continue
        if char in _EITHER_MARKS:
            units.append(("", "e"))
            index += 1
            continue
        for latin, arabic in _SCHOLARLY_CONSONANTS:
            if lower.startswith(latin, index):
                units.append((arabic, "c"))
                index += len(latin)
                break
        else:
            index += 1  # a prime, a hyphen, a letter outside the systems: no letter
    if not units:
        return ()
    # DMG's diphthongs: ai (ei) ي, au و ("Ḥusain" حسين, "Šaukat" شوكت, "Šeiḫ" شيخ).
    for position in range(1, len(units)):
        diphthong = _DIPHTHONGS.get((units[position - 1], units[position]))
        if diphthong is not None:
            units[position] = diphthong
    # An apostrophe opening a word is ʿayn (ALA-LC writes no hamza there); inside one, either.
    if units[0][1] == "e":
        units[0] = ("ع", "c")
    choices: list[list[str]] = []
    for position, (letter, kind) in enumerate(units):
        previous = units[position - 1] if position else ("", "")
        following = units[position + 1] if position + 1 < len(units) else ("", "")
        last = position + 1 == len(units)
        if kind == "v":
            if position == 0:
                choices.append(["ا"])
            elif last and letter == "a" and previous[1] == "c":
                choices.append(["ة"])  # Fāṭima, Ḥamza: the ta marbuta
            else:
                choices.append([""])
            continue
        if kind == "V":
            if position == 0:
                choices.append(["ا" + (letter if letter != "ا" else "")])
            elif last and letter == "ا":
                choices.append(["ى", "ا"] if previous[0] != "ي" else ["ا"])
            else:
                choices.append([letter])
            continue
        if kind in ("h", "e"):
            if position == 0:
                choices.append(["ا"])
                continue
            before = previous[0] if previous[1] == "v" else ""
            if previous[1] == "V":
                before = {"ا": "A", "ي": "I", "و": "U"}.get(previous[0], "")
            after = following[0] if following[1] == "v" else ""
            if following[1] == "V":
                after = {"ا": "A", "ي": "I", "و": "U", "ى": "A"}.get(following[0], "")
            seat = _hamza_seat(before, after, last)
            choices.append([seat, "ع"] if kind == "e" else [seat])
            continue
        if last and letter == "ه" and previous == ("a", "v"):
            choices.append(["ة"])  # Fāṭimah: ALA-LC's ta marbuta
            continue
        choices.append([letter])
    readings: list[str] = []
    spelled = [""]
    for options in choices:
        spelled = [done + option for done in spelled for option in options][:8]
    for each in spelled:
        # A doubled letter is written once (Muḥammad محمد, Sayyid سيد, Zakariyyā زكريا).
        collapsed = re.sub(r"(.)\1+", r"\1", each)
        if collapsed.startswith("اا"):
            collapsed = collapsed[1:]
        reading = article + collapsed
        if reading and reading not in readings:
            readings.append(reading)
    return tuple(readings)
