"""Splitting a full name into its parts (first, father, grandfather, family)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mizan.text.normalise import clean_name, normalise_arabic
from mizan.text.translit import ABD_MISREAD_WORDS, is_muhammad_abbreviation

# Words that belong to the next word: عبد الرحمن, أبو بكر, Abdul Rahman, Abu Bakr.
# العبد (ʿAbd with the article) opens a family name: العبد الله, العبد الرحمن.
_JOINERS_AR = {"عبد", "العبد", "ابو", "أبو", "بو"}
# عبد as OCR misreads its dots (عبذ الكريم, غبد الله, عتد الرحمن): no Arabic word or name is spelt
# so, while عند ("at") and عيد (a name) are, so those two are left as written (issue 15).
_ABD_MISREAD = re.compile(rf"(?<!\S)(?:{'|'.join(sorted(ABD_MISREAD_WORDS))})(?=\s+\S|ال)")


def mend_compounds(text: str) -> str:
    """``text`` with the ʿAbd of a compound name read back where OCR misread its dots: «عبذ
    الكريم» and «عبذالكريم» are عبد الكريم, «غبد الله» عبد الله. Only before another word or a
    glued article: a word spelt so on its own is left as written."""
    if ("ع" not in text and "غ" not in text) or not _ABD_MISREAD.search(text):
        return text
    return _ABD_MISREAD.sub("عبد", text)


_JOINERS_LAT = {"abd", "abdul", "abdel", "abu", "abou", "abo", "abd-al", "abd-el"}
# … and ʿAbd as Kurmanji lists write it apart from the name ("Evdil Rehman", "Ebdul Kerîm").
_JOINERS_LAT |= {"ebd", "ebdul", "ebdil", "ebdel", "evd", "evdil", "evdul", "evdel"}
_ARTICLES_LAT = {"al", "el"}
# ʿAbd with the article, the first half of a family name (العبد الله, "al-Abd Alla" as a Russian
# list writes it, "Al Abd Allah"): joined with the name after it, as العبد is.
_ABD_WITH_ARTICLE_LAT = {"al-abd", "el-abd"}
_JOINERS_LAT |= _ABD_WITH_ARTICLE_LAT
# … but only before Allah: «EL ABD Ahmad Khaled» is the family name العبد written first, then
# the first and father's names (no «العبد أحمد» is one name).
_ALLAH_ARABIC = frozenset({"الله", "اللة", "اللّه"})
_ALLAH_WORDS = {*_ALLAH_ARABIC, "allah", "alla", "allakh", "ullah", "ulla", "illah", "ellah"}
_DIN_WORDS = {
    "الدين",
    "ed-din",
    "al-din",
    "al-deen",
    "el-deen",
    "ad-deen",
    "ed-deen",
    "el-din",
    "ad-din",
    "ud-din",
    "eddin",
    "uddin",
    "eddine",
    "aldeen",
    "aldin",
    "eldeen",
    "eldin",
    "uddeen",
    "eddeen",
    "addin",
}


@lru_cache(maxsize=100_000)
def drop_titles(name: str) -> str:
    """The name without leading titles (الحاج, الشيخ, د., Dr, Hajj, Sheikh …), as written.

    A name that is nothing but a title is returned unchanged (العميد, العريف are family names
    too), but one that is nothing but a rank and its qualifier («المساعد أول») gives no name.
    A rank's qualifier («أول», «ثاني») goes with the rank only where a name of two words is
    left after it: «المجند ثاني الخالد» is ثاني الخالد. Cached: record linkage asks it of every
    name part of every record, and names repeat.
    """
    from mizan.text.translit import is_rank_qualifier, is_rank_word, is_title

    words = clean_name(name).split(" ")
    if (
        len(words) > 1
        and is_rank_word(words[0])
        and all(is_rank_qualifier(word) for word in words[1:])
    ):
        return ""
    index = 0
    # A title before a comma is the family name the comma closes («الشيخ، محمد احمد»).
    while (
        index < len(words) - 1
        and (
            is_title(words[index])
            # «الرقيب أول», «المجند الاحتياطي»: a rank's qualifier goes with the rank.
            or (
                index > 0
                and is_rank_word(words[index - 1])
                and is_rank_qualifier(words[index])
                and len(words) - index > 2
            )
        )
        and not words[index].endswith((",", "،"))
    ):
        index += 1
    return " ".join(words[index:])


@lru_cache(maxsize=65536)
def _is_din(word: str) -> bool:
    return normalise_arabic(_latin_plain(word)).lower() in _DIN_WORDS


# The ʿayn and hamza marks of scholarly transliteration ("ʿAbd", "Abū", "Raḥmān" in court and
# library lists): signs on a word, not letters of it.
_TRANSLIT_MARKS = "ʿʾʻʼ‘’`'"
# … after the article too ("al-ʿAbd", "al-'Abd" of al-ʿAbd Allāh).
_MARK_AFTER_ARTICLE = re.compile(rf"^((?:al|el)-)[{_TRANSLIT_MARKS}]+", re.IGNORECASE)


# Arabic-keyboard spelling ("Arabizi"): a 2 or 3 opening a word, or its part after a hyphen, is
# the hamza or ʿayn before a vowel ("3abd" ʿAbd, "2abu" Abu, "al-3abd"), and stands for one where
# the vowel is left unwritten ("3bd"); so is the sign that a Latin spelling writes for them after
# the article's hyphen ("al-ʿAbd", "al-'Abd"), which ``_latin_plain`` strips only at the start.
_KEYBOARD_OPENING = re.compile(r"(?:^|(?<=-))[23ʿʾʻʼ‘’`'](?=[^\W\d_])")

_KEYBOARD_SIGNS = frozenset("23ʿʾʻʼ‘’`'")


@lru_cache(maxsize=65536)
def _keyboard_plain(word: str) -> str:
    """``_latin_plain`` with an Arabizi 2 or 3 opening the word read as the vowel it carries:
    "3abd" and "3Abd" are "abd", "3bd" is "abd", "el-3abd" is "el-abd"."""
    lower = _latin_plain(word)
    if not _KEYBOARD_SIGNS.intersection(lower):
        return lower
    return _KEYBOARD_OPENING.sub(
        lambda match: "" if match.group() not in "23" or lower[match.end()] in "aeiou" else "a",
        lower,
    )


@lru_cache(maxsize=65536)
def _latin_plain(word: str) -> str:
    """A Latin word without the marks of scholarly transliteration (ʿAbd → Abd, ABŪ → ABU,
    al-Raḥmān → al-Rahman), lower-cased; Arabic words only lower-cased (no-op)."""
    if any("\u0600" <= char <= "\u06ff" for char in word):
        return word.lower()
    if word.isascii():
        # "'Abd", "al-'Abd": ʿayn written with an apostrophe, as a copy of the marks leaves it.
        return _MARK_AFTER_ARTICLE.sub(r"\1", word.lstrip(_TRANSLIT_MARKS)).lower()
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _MARK_AFTER_ARTICLE.sub(r"\1", stripped.lstrip(_TRANSLIT_MARKS)).lower()


# A text whose words ``name_words`` may join holds one of these: an ʿAbd, Abu or al-Din (ٱلدىن) in
# Arabic letters (misread ones too), a word opening as a Latin joiner or article does (abd, abu,
# ebd, evd, al, el; "3abd", "2abu"), din/deen, a letter outside ASCII and Arabic (a scholarly
# "ʿAbd", an invisible character ``clean_name`` removes) or an Arabic mark. A superset:
# ``compound_names`` skips ``name_words`` on any other text (most full names of a list).
_MAY_JOIN = re.compile(
    r"عبد|عبذ|غبد|غبذ|عتد|عثد|بو|لد|الله|اللة|din|deen"
    r"|(?<![^\W\d_])(?:[23]|ab|eb|ev|al|el)"
    r"|[^\x00-\x7f\u0600-\u06ff]|[\u0640\u064b-\u065f\u0670]",
    re.IGNORECASE,
)


def compound_names(text: str) -> list[str]:
    """The names of ``text`` written in two words or more, as ``name_words`` keeps them
    together («عبد الله», «أبو بكر», "Abdul Karim", «نور الدين»): cheap on a text that has none."""
    if not _MAY_JOIN.search(text):
        return []
    return [word for word in name_words(text) if " " in word]


def _is_arabic_word(word: str) -> bool:
    return all("\u0600" <= char <= "\u06ff" for char in word)


def name_words(full_name: str) -> list[str]:
    """Words of a name with compounds kept together (``عبد الرحمن`` is one word, and so is
    ``عبذ الكريم``, whose misread ʿAbd ``mend_compounds`` reads back for the key)."""
    words = clean_name(full_name).split(" ") if full_name.strip() else []
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        lower = _keyboard_plain(word)
        joiner = word in _JOINERS_AR or lower in _JOINERS_LAT or word in ABD_MISREAD_WORDS
        if joiner and (word == "العبد" or lower in _ABD_WITH_ARTICLE_LAT):
            joiner = index + 1 < len(words) and _latin_plain(words[index + 1]) in _ALLAH_WORDS
        if (
            not joiner
            and index + 1 < len(words)
            and words[index + 1] in _ALLAH_ARABIC
            and word not in _ALLAH_ARABIC
            and _is_arabic_word(word)
        ):
            # «الله» alone is no name: it closes a compound with the word before it (عبد الله,
            # نصر الله, فتح الله), a misread or mistyped ʿAbd too («العتد الله», «عند الله»).
            joined.append(f"{word} {words[index + 1]}")
            index += 2
            continue
        if index + 1 < len(words) and joiner:
            follow = words[index + 1]
            if _latin_plain(follow) in _ARTICLES_LAT and index + 2 < len(words):
                joined.append(f"{word} {follow} {words[index + 2]}")
                index += 3
                continue
            joined.append(f"{word} {follow}")
            index += 2
            continue
        if (
            lower in _ARTICLES_LAT
            and index + 2 < len(words)
            and _keyboard_plain(words[index + 1]) == "abd"
            and _latin_plain(words[index + 2]) in _ALLAH_WORDS
        ):
            # "Al Abd Allah": the article, ʿAbd and the name, one family name.
            joined.append(" ".join(words[index : index + 3]))
            index += 3
            continue
        if lower in _ARTICLES_LAT and index + 1 < len(words):
            if joined and _latin_plain(words[index + 1]) in ("din", "deen", "dine", "dien"):
                # "Nur El Din", "Salah Al Deen": al-Din belongs to the word before it.
                joined[-1] = f"{joined[-1]} {word} {words[index + 1]}"
                index += 2
                continue
            joined.append(f"{word} {words[index + 1]}")
            index += 2
            continue
        if joined and _is_din(word):
            # نور الدين, صلاح الدين: "al-Din" belongs to the word before it.
            joined[-1] = f"{joined[-1]} {word}"
            index += 1
            continue
        joined.append(word)
        index += 1
    return [w for w in joined if not re.fullmatch(r"\W+", w)]


def split_full_name(full_name: str) -> dict[str, str]:
    """Parts of a Syrian name written in order: first, father, grandfather, family.

    Two words are first and family name; three are first, father and family; four or more
    put the fourth and any further words in the family name.
    """
    return _natural(name_words(full_name))


# --- Reading a full name written in any order ----------------------------------------------------

# A kunya or nickname set apart: in brackets or quotes, or after "a.k.a." / "alias" / «الملقب».
# A bracket never closed runs to the end of the name ("Mohamad Adel (aka Abu Utman").
_ASIDE = re.compile(r"[(\[{][^)\]}]*(?:[)\]}]|$)|«[^»]*(?:»|$)|\"[^\"]*\"")
_AKA = re.compile(
    r"\s(?:a\.?k\.?a\.?|alias|known as|called"
    r"|الملقب(?:\s+ب)?|المعروف\s+ب(?:اسم)?|الملقبة|المعروفة\s+ب)"
    # An alias closes the name as lists write it: everything after it goes ("a.k.a. Abu Nur
    # al-Din"), up to a comma.
    r"\s[^,،]*",
    re.IGNORECASE,
)
# A married woman named with her husband's family name after her own, as a French lawyer's
# list writes it ("Fatima EL-ALI épouse AL-MASRI", "veuve HADDAD"): his name, not hers, up to a
# comma; set aside as an alias is (issue 15, set 11). So is her husband's whole name after «زوجة»
# (wife of) or «أرملة» (widow of), as a women's network's register writes it after hers («رنا
# فراس الشعيطي زوجة زياد السيد», issue 15, set 18) — only after a name of her own: «زوجة زياد
# السيد» alone names no one else.
_SPOUSE = re.compile(
    r"\s(?:[ée]pouse|[ée]p\.|veuve)\s[^,،]*|(?<=\S)\s+(?:زوجة|زوجه|أرملة|ارملة|ارمله)\s[^,،]*",
    re.IGNORECASE,
)
# Words that mark the next name as the father's: "son of", "bin", "ibn", "s/o", بن … (and "bn",
# as Arabizi posts shorten it)
_LINEAGE = re.compile(
    r"(?<!\S)(?:son\s+of|daughter\s+of|s/o|d/o|bin|ben|ibn|bn|bint|بن|ابن|إبن|بنت"
    # … as French, German and Kurmanji lists write it (fils de, Sohn von, kurê).
    r"|fils\s+de|fille\s+de|sohn\s+von|tochter\s+von|kur[eê]|ke[cç]a)(?!\S)",
    re.IGNORECASE,
)
_FAMILY_MARKERS = frozenset({"al", "el"})
# «محمد أحمد من بيت الخطيب», «… من عيلة …», «… من دار …», «… من آل …» ("of the house / family
# of"): the family name as Levantine speech gives it, after the person's names (a family's voice
# message, issue 15, set 13). Not «من» alone, which a remembered name puts before a town
# (``mizan.linkage.recollection``).
HOUSE_WORDS = r"(?:بيت|عيلة|عيله|عائلة|عائله|عايلة|عايله|دار|آل)"
_HOUSE_OF = re.compile(rf"(?<!\S)من\s+{HOUSE_WORDS}\s+(?=\S)")
# The form of a reading "Given Father من بيت FAMILY".
HOUSE_OF_FAMILY = "given, of the house of"


# The word a reader of lists puts in a full name in place of a name the list could not give
# («نزار ماهر [ممزق]», "Ahmad (illegible) Hassan": ``mizan.linkage.lists.read_name_cells``),
# written so that no list writes it: the other words keep their places.
UNREAD_NAME = "غ.مقروء"
UNREAD_NAME_LATIN = "n/a"
UNREAD_NAMES = frozenset({UNREAD_NAME, UNREAD_NAME_LATIN})


def _relative_or_given(word: str) -> bool:
    from mizan.text.translit import is_relative_or_given

    return is_relative_or_given(word)


def _title_or_family(word: str) -> bool:
    from mizan.text.translit import is_title_or_family

    return is_title_or_family(word)


def _without_titles(words: list[str]) -> list[str]:
    """Words that are not titles (Sheikh, Hajj, الحاج …): after a comma or an upper-case family
    name the title stands in the middle of the name ("HAMWI, Hajj Ahmad Khaled")."""
    from mizan.text.translit import is_relative_word, is_title

    kept: list[str] = []
    for index, word in enumerate(words):
        if not is_title(word) or (kept and is_relative_word(word)):
            # («أحمد محمد الشاب»: after a name word, الشاب is the family name.)
            kept.append(word)
        elif 0 < index == len(words) - 1 and _is_family_title(word):
            # "ديما حسين شيخ": a family name that is a title's word (شيخ, Hajj), last.
            kept.append(word)
        elif 0 < index == len(words) - 2 and _is_family_title(word):
            # "… فتحي حاج مالك", "Ghazi Haj Aiman": a title just before the last word, after the
            # given names, is part of a compound family name (حاج مالك, شيخ موسى), not a title.
            kept.append(f"{word} {words[-1]}")
            break
    return kept or words


# Titles that also begin or are Syrian family names (حاج مالك, شيخ موسى, Hajj Tariq, المهندس,
# الأستاذ).
_FAMILY_TITLES = frozenset({"حاج", "الحاج", "شيخ", "الشيخ", "المهندس", "مهندس", "الأستاذ", "أستاذ"})


@lru_cache(maxsize=4096)
def _is_family_title(word: str) -> bool:
    from mizan.text.translit import name_keys

    return "".join(name_keys(word)) == "" and (
        normalise_arabic(word) in {normalise_arabic(t) for t in _FAMILY_TITLES}
        or word.lower().strip(".") in {"hajj", "haj", "hadj", "haji", "shaykh", "sheikh", "cheikh"}
    )


def _is_upper_word(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _given_parts(words: list[str], family: str) -> dict[str, str]:
    parts = {"first_name": "", "father_name": "", "grandfather_name": "", "family_name": family}
    if words:
        parts["first_name"] = words[0]
    if len(words) >= 2:
        parts["father_name"] = words[1]
    if len(words) >= 3:
        parts["grandfather_name"] = " ".join(words[2:])
    return parts


def _natural(words: list[str]) -> dict[str, str]:
    """``split_full_name`` on words already cut by ``name_words``."""
    parts = {"first_name": "", "father_name": "", "grandfather_name": "", "family_name": ""}
    if words:
        parts["first_name"] = words[0]
    if len(words) == 2:
        parts["family_name"] = words[1]
    elif len(words) == 3:
        parts["father_name"], parts["family_name"] = words[1], words[2]
    elif len(words) >= 4:
        parts["father_name"], parts["grandfather_name"] = words[1], words[2]
        parts["family_name"] = " ".join(words[3:])
    return parts


# Common Syrian given names, to tell the order of a full name written without a comma or an
# upper-case family name: "الحموي رنا خالد" starts with a word that is no given name and ends with
# one. A lexicon of given names is common knowledge (no list of real people).
_GIVEN_NAMES = (
    "محمد أحمد محمود خالد عبد_الرحمن عبد_الله عبد_الكريم عبد_القادر عبد_العزيز عبد_الحميد"
    " عبد_الرزاق عبد_الغني عبد_اللطيف عبد_السلام عبد_الناصر عبد_الحكيم عبد_الباسط عبد_المجيد"
    " علي عمر حسن حسين مصطفى يوسف إبراهيم سامر باسل مازن وليد فادي رامي زياد ياسر عماد أنس"
    " معاذ حمزة بلال طارق فراس صالح سليمان عثمان جمال نبيل عادل منذر غسان هيثم أيمن وسيم قاسم"
    " سعيد رياض إسماعيل ماهر شادي مراد جهاد عمار مهند نضال أسامة حازم كنان إياد رائد بشار عدنان"
    " فيصل منير نزار توفيق جميل كمال عيسى موسى يحيى زكريا هاني سمير ناصر مأمون شريف ماجد وائل"
    " حسام علاء هشام خليل سليم عامر أكرم أنور بسام تامر ثائر حكم خلدون رضوان زهير سعد صلاح ضياء"
    " عصام عمرو غياث فؤاد فايز قصي لؤي مالك محسن مروان معتز منصور مهدي نادر نعمان هادي همام"
    " ياسين يامن يزن إسحاق يعقوب داود سلمان بكر عبدو إلياس"
    " فاطمة خديجة مريم عائشة زينب نور هدى سعاد رنا ريم لينا سلمى منى أمل سمر رغد آمنة نادية"
    " حنان سوسن ليلى دعاء إيمان رهف هبة جميلة سميرة غادة يسرى وفاء رقية أسماء صفاء ميساء بشرى"
    " رحاب آية بتول تسنيم جنى حلا دانة رشا روان زهرة سارة سحر شهد عبير علا فرح لمى مها ميس"
    " نسرين نهى هالة هيفاء وعد ياسمين إلهام ألفت"
)
_given_keys: frozenset[str] | None = None

# Pet names that relatives write for the given name (common knowledge, as the lexicon above):
# each read as the name it stands for. Those shared by several names (عبدو, عبود for any ʿAbd
# compound; سلو, زوزو) are left as written.
_PET_NAMES: dict[str, str] = {
    "حمودة": "محمد",
    "ممد": "محمد",
    "حمادة": "أحمد",
    "أحمدو": "أحمد",
    "حمودي": "محمود",
    "برهوم": "إبراهيم",
    "صطوف": "مصطفى",
    "صطيف": "مصطفى",
    "فطوم": "فاطمة",
    "فطومة": "فاطمة",
    "فطيمة": "فاطمة",
    "خدوج": "خديجة",
    "خدوجة": "خديجة",
    "زنوبة": "زينب",
    "عيوش": "عائشة",
    # Pet names that are also families' names (آل حسون, العلوش, الحمود, قدور): read as the given
    # name only as the first word of a name that goes on (``formal_name(first=True)``), never in
    # the father's or the family's place, nor alone.
    "حمود": "محمد",
    "حسون": "حسين",
    "علوش": "علي",
    "قدور": "عبد القادر",
}
_PET_FAMILY_NAMES = ("حمود", "حسون", "علوش", "قدور")


@lru_cache(maxsize=1)
def _pet_names() -> dict[str, str]:
    return {normalise_arabic(pet): name for pet, name in _PET_NAMES.items()}


@lru_cache(maxsize=1)
def _pet_family_names() -> frozenset[str]:
    return frozenset(normalise_arabic(pet) for pet in _PET_FAMILY_NAMES)


def _pet_given(word: str, family_next: bool) -> bool:
    """Whether ``word`` is a pet name read as a given name first in a name (``formal_name``); one
    that is also a family's (حمود) only when ``family_next``."""
    written = normalise_arabic(word.strip())
    if written not in _pet_names():
        return False
    return family_next or written not in _pet_family_names()


@lru_cache(maxsize=65536)
def formal_name(word: str, *, first: bool = False) -> str:
    """The given name a pet name stands for (حمودة محمد, برهوم إبراهيم, فطوم فاطمة), or ``word``
    itself when it is no pet name. A pet name that is also a family's (حمود, حسون, علوش, قدور)
    only when ``first``: the first name of a record that gives another name beside it."""
    written = normalise_arabic(word.strip())
    if not first and written in _pet_family_names():
        return word
    return _pet_names().get(written, word)


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """Whether a name word (Arabic or Latin) has the key of a common given name."""
    global _given_keys
    from mizan.text.translit import name_keys

    if _given_keys is None:
        _given_keys = frozenset(
            "".join(name_keys(name.replace("_", " "))) for name in _GIVEN_NAMES.split()
        )
    if " " in word and _is_family_title(word.split(" ", 1)[0]):
        return False  # حاج مالك is a family name even though مالك is a given name
    if _abd_with_article(word):
        return False  # العبد الله, "al-Abd Alla": a family name, though keyed as عبد الله
    if "".join(name_keys(word)) in _given_keys:
        return True
    # A final ي written ى or the reverse (فادى, مني) is still the given name.
    if word[-1:] in ("ي", "ى") and len(word) > 2:
        other = word[:-1] + ("ى" if word[-1] == "ي" else "ي")
        return "".join(name_keys(other)) in _given_keys
    return False


@lru_cache(maxsize=1)
def _lexicon_spellings() -> dict[str, str]:
    return {normalise_arabic(name.replace("_", " ")): name for name in _GIVEN_NAMES.split()}


@lru_cache(maxsize=100_000)
def is_given_name_spelling(word: str) -> bool:
    """Whether ``word`` is a common given name written as the lexicon has it, its final letter
    included (فادي, موسى; not فادى or موسي, which the search form folds together)."""
    spelling = _lexicon_spellings().get(normalise_arabic(word))
    return spelling is not None and spelling[-1:] == word[-1:]


# Women's names of the lexicon that men bear too (نور, as in نور الدين written apart; أمل,
# إيمان, وعد), or that write a man's name as it is often typed (علا for علاء, its hamza left
# off): they tell no sex.
_SHARED_NAMES = frozenset({"نور", "أمل", "إيمان", "وعد", "علا"})


@lru_cache(maxsize=1)
def _women_spellings() -> frozenset[str]:
    women = _GIVEN_NAMES.split(_FIRST_FEMALE_NAME)[1]
    return frozenset(
        normalise_arabic(name) for name in ("فاطمة " + women).split() if name not in _SHARED_NAMES
    )


@lru_cache(maxsize=100_000)
def is_womans_name(word: str) -> bool:
    """Whether ``word`` is a woman's given name of the lexicon in Arabic letters, written as the
    lexicon has it (أسماء, سعاد, هدى): a register that gives no sex still says it so. Latin
    spellings say nothing: "Osama" and «أسماء», "Said" and «سعاد» share their letters' key."""
    word = word.strip()
    if not word or not any("\u0600" <= char <= "\u06ff" for char in word):
        return False
    return is_given_name_spelling(word) and normalise_arabic(word) in _women_spellings()


def u_flag_pairs() -> list[str]:
    """Keys of common given names that another common given name of the same sex repeats with
    only the u flag of ``translit.name_key`` added: محمد/محمود ("mhmd"), عمر/عمرو. Across scripts
    a u flag is often just a Latin vowel (هدى "Hoda", توفيق "Toufic"), but for these it tells two
    names. A man's and a woman's name (منى/مأمون, ليلى/وائل, ميساء/موسى) are not such a pair: the
    sex tells them apart, and "Mona", "Layla", "Maysa" are their Latin spellings (issue 15)."""
    from mizan.text.translit import name_keys

    pairs: set[str] = set()
    for names in _GIVEN_NAMES.split(_FIRST_FEMALE_NAME):
        keys = {"".join(name_keys(name.replace("_", " "))) for name in names.split()}
        pairs |= {key for key in keys if key and f"{key}w" in keys}
    return sorted(pairs)


# The lexicon lists men's names, then women's from this one on.
_FIRST_FEMALE_NAME = " فاطمة "


_ARTICLE_START = re.compile(r"^(?:ال|al[-\s]|el[-\s])", re.IGNORECASE)


@lru_cache(maxsize=100_000)
def _has_article(word: str) -> bool:
    return len(word) > 4 and bool(_ARTICLE_START.match(normalise_arabic(word)))


def has_article(word: str) -> bool:
    """Whether a name word starts with the article (الحموي, al-Hamwi, El Hassan), as family
    names often do and given names seldom."""
    return _has_article(word)


def _abd_with_article(word: str) -> bool:
    """Whether a name word is ʿAbd with the article and a name (العبد الله, "al-Abd Alla"): a
    family name, though its key is the given name عبد الله's."""
    words = [_keyboard_plain(each) for each in word.split(" ")]
    if len(words) < 2:
        return False
    return (
        words[0] in _ABD_WITH_ARTICLE_LAT
        or words[0] == "العبد"
        or words[:2]
        in (
            ["al", "abd"],
            ["el", "abd"],
        )
    )


def _family_first(words: list[str]) -> dict[str, str]:
    return _given_parts(words[1:], words[0]) if len(words) > 1 else _natural(words)


class NameReading:
    """One way to read a full name: its parts, how sure the reading is (0–1) and why."""

    __slots__ = ("confidence", "form", "parts")

    def __init__(self, parts: dict[str, str], confidence: float, form: str) -> None:
        self.parts = parts
        self.confidence = confidence
        self.form = form

    def __repr__(self) -> str:
        return f"NameReading({self.form}, {self.confidence}, {self.parts})"


@lru_cache(maxsize=100_000)
def strip_asides(full_name: str) -> str:
    """The name without a kunya or nickname set apart ("(أبو خالد)", "a.k.a. Abu Ahmad") or a
    husband's family name after «épouse» ("Salma EL-ALI épouse HAMDAN")."""
    return clean_name(_SPOUSE.sub(" ", _AKA.sub(" ", _ASIDE.sub(" ", f" {full_name} "))))


# A name copied from a passport's machine-readable zone: the family name, «<<», the given names,
# each «<» a space and the rest of the field filled with «<» ("EL<MEQDAD<<LAMA<KHALAF<<<<<").
_ZONE_HEAD = re.compile(r"^P<[A-Z]{3}(?=[A-Z])")
_ZONE_DIGITS = re.compile(r"<*\d")
_PASSPORT_ZONE = re.compile(r"^\s*([A-Za-z][A-Za-z<]*?)<<+(?:([A-Za-z][A-Za-z<]*?)<*)?\s*$")


def unfold_passport_name(text: str) -> str:
    """A name written as a passport's machine-readable zone writes it («SALAMA<<SOLEIMAN<MAHMUD»)
    in the "FAMILY, Given Father" form every list reads («SALAMA, SOLEIMAN MAHMUD»); any other
    text unchanged (issue 15, set 8's asylum list)."""
    if "<<" not in text:
        return text
    # A whole first line of the zone: the document's type and issuing state first («P<SYR»),
    # and on a copied second line digits (number, dates, check digits) after the name.
    zone = _ZONE_DIGITS.split(_ZONE_HEAD.sub("", text.strip()), maxsplit=1)[0]
    match = _PASSPORT_ZONE.match(zone)
    if match is None:
        return text
    family = match.group(1).replace("<", " ").strip()
    given = (match.group(2) or "").replace("<", " ").strip()
    return f"{family}, {given}" if given else f"{family},"


def parse_full_name(full_name: str) -> list[NameReading]:
    """See ``_parse_full_name``; the readings are cached (lists repeat names) and read-only."""
    return list(_parse_full_name(full_name))


@lru_cache(maxsize=200_000)
def _parse_full_name(full_name: str) -> tuple[NameReading, ...]:
    return tuple(_readings(full_name))


# The form of a reading "FAMILY Name bin Father": the family name first, before the name that
# «بن/ابن/بنت» follows (a hand-copied prison register, issue 15, set 8).
FAMILY_FIRST_LINEAGE = "family first, son of"


def lineage_chain(text: str) -> list[str] | None:
    """The names of a given-name cell written as a title deed writes it, a name and its father's
    and grandfather's joined by «بن/ابن/بنت» ("son of", bin …): «محمد بن خالد بن حسن» gives
    ``["محمد", "خالد", "حسن"]``; None when the cell has no such word, begins with one, or one of
    its links is more than one name (a family name may follow: the full-name readers decide)."""
    match = _LINEAGE.search(text)
    if match is None or not text[: match.start()].strip():
        return None
    chain = [name_words(segment) for segment in _LINEAGE.split(text)]
    if any(len(words) != 1 for words in chain):
        return None
    return [words[0] for words in chain]


def _family_before_lineage(text: str) -> dict[str, str] | None:
    """The parts of a name whose family name is written first, before the person's name and
    «بن/ابن/بنت» and the father's («الحموي زياد بن عبد الكريم», "Hamwi Ziad bin Abdulkarim"), or
    None for any other form. The word just before the first «بن» is the person's name and the
    words before it the family's when nothing follows the father's name but further «بن» and a
    name (his grandfather's), or when the first word has the article and the last has not
    («الحسن احمد بن محمود علي»)."""
    match = _LINEAGE.search(text)
    if match is None:
        return None
    head = _without_titles(name_words(text[: match.start()]))
    if len(head) < 2:
        return None
    chain = [name_words(segment) for segment in _LINEAGE.split(text[match.end() :])]
    tail = [word for words in chain for word in words]
    if not tail:
        return None
    if any(len(words) != 1 for words in chain) and not (
        _has_article(head[0]) and not _has_article(tail[-1])
    ):
        return None
    return _given_parts([head[-1], *tail], " ".join(head[:-1]))


def _given_family_before_lineage(text: str) -> dict[str, str] | None:
    """The parts of a name written "Prénom NOM fils de Père" ("Abdel Rahman AL HALABI fils de
    Omar", "Djamal EL-Najjar fils de Omar"), or None for any other form: the word just before
    the first "son of" is the family name when it is in capitals and the words before it are not,
    or when it has the article and the first word, a given name, has not (issue 15, set 11)."""
    match = _LINEAGE.search(text)
    if match is None:
        return None
    head = _without_titles(name_words(text[: match.start()]))
    tail = name_words(_LINEAGE.sub(" ", text[match.end() :]))
    if len(head) < 2 or not tail:
        return None
    last = head[-1]
    upper = _is_upper_word(last) and not any(_is_upper_word(word) for word in head[:-1])
    article = (
        _has_article(last)
        and not any(_has_article(word) for word in head[:-1])
        and is_given_name(head[0])
    )
    if not (upper or article):
        return None
    # The words before the family name are all the given name («Mhd Ali EL-NAJJAR fils de
    # Omar»: محمد علي son of Omar), never the father's, whom "fils de" names.
    return _given_parts([" ".join(head[:-1]), *tail], last)


def set_aside_head(text: str) -> str:
    """``text`` (a full name, titles dropped) without a first word that is no name of the
    person's, or ``text``: a relative's word before two name words or more («أبي ياسر الحلاق»
    in a family's message is "my father Yaser al-Hallaq" far more often than أُبي (Ubayy) and his
    father's name, issue 15, set 13), or «السيد» before three or more («السيد علي محمود
    الكيلاني» in a directorate's decision: Mr Ali, not the family السيد written first,
    ``translit.is_title_or_family``). The parser and the lists' vote on word order
    (``linkage.features``) read the same words."""
    head, _, rest = text.partition(" ")
    if len(name_words(rest)) >= 2 and _relative_or_given(head):
        return rest
    if len(name_words(rest)) >= 3 and _title_or_family(head):
        return rest
    return text


def _readings(full_name: str) -> list[NameReading]:
    """Every plausible reading of a full name into first, father, grandfather and family name,
    the likeliest first. The verbatim text stays with the caller; this only reads it.

    Forms recognised: ``FAMILY, Given Father Grandfather`` (UN and court lists: the part before
    the comma is the family name); an upper-case family name before or after the given names
    (``HAMWI Rana Khaled``, ``Rana Khaled HAMWI``); "son of" / bin / ibn / bint / بن between a
    name and the father's; a kunya or nickname in brackets, quotes or after "a.k.a.", set aside;
    leading titles dropped; a passport zone's «FAMILY<<GIVEN<FATHER» read as "FAMILY, Given
    Father". Without any sign the natural order (first … family) is read with a
    confidence of 0.7 and the family-first order given as a second reading.
    """
    text = drop_titles(strip_asides(unfold_passport_name(full_name)))
    if not text:
        return [NameReading(_natural([]), 0.0, "empty")]
    rest = set_aside_head(text)
    if rest != text:
        return _readings(rest)
    house = _HOUSE_OF.search(text) if "من" in text else None
    house_reading = None
    if house is not None:
        # The words after «من بيت» are the family's, those before the person's and their
        # father's («X ابن Y من بيت Z» too).
        family = " ".join(name_words(text[house.end() :]))
        given = _without_titles(name_words(_LINEAGE.sub(" ", text[: house.start()])))
        if family and given and text[: house.start()].strip():
            house_reading = NameReading(_given_parts(given, family), 0.95, HOUSE_OF_FAMILY)
            if _house_after_given(given):
                return [house_reading]
            # A family name before it («محمد أحمد الخطيب من بيت جن»): بيت جن, بيت لحم, بيت سحم
            # are towns; the name as written first, the house a distant second.
            house_reading.confidence = HOUSE_AFTER_FAMILY_CONFIDENCE
    readings = _plain_readings(text)
    return readings if house_reading is None else [*readings, house_reading]


# «… من بيت X» after a name that already ends with a family name, or after more words than a
# first, father's and grandfather's name, is most likely a town (بيت جن, بيت لحم): the house
# reading is then kept this likely beside the name as written.
HOUSE_AFTER_FAMILY_CONFIDENCE = 0.1
_HOUSE_GIVEN_MAX = 3


def _house_after_given(given: list[str]) -> bool:
    """Whether «من بيت X» after the name words ``given`` gives the family name: at most a
    first, father's and grandfather's name before it, the last no family name (the article, and
    no given name: «محمد أحمد الخطيب من بيت جن» is of the الخطيب family, from بيت جن)."""
    if len(given) > _HOUSE_GIVEN_MAX:
        return False
    last = given[-1]
    return len(given) < 2 or not (_has_article(last) and not is_given_name(last))


def house_of_family(full_name: str) -> bool:
    """Whether a full name gives its family name by «من بيت X» («محمد خالد من بيت الخطيب»),
    as ``parse_full_name`` reads it; not «محمد أحمد الخطيب من بيت جن» (from Beit Jinn)."""
    text = drop_titles(strip_asides(unfold_passport_name(full_name)))
    house = _HOUSE_OF.search(text) if "من" in text else None
    if house is None or not name_words(text[house.end() :]):
        return False
    given = _without_titles(name_words(_LINEAGE.sub(" ", text[: house.start()])))
    return bool(given) and _house_after_given(given)


def _plain_readings(text: str) -> list[NameReading]:
    if "," in text or "،" in text:
        head, _, tail = text.replace("،", ",").partition(",")
        family = " ".join(name_words(head))
        given = _without_titles(name_words(_LINEAGE.sub(" ", tail.replace(",", " "))))
        if family and given:
            return [
                NameReading(_given_parts(given, family), 0.95, "family, given"),
                NameReading(_natural([*given, family]), 0.05, "natural"),
            ]
        if family and not tail.strip(" ,"):
            # "SALAMA," (a passport zone without given names): a family name alone.
            return [
                NameReading(_given_parts([], family), 0.9, "family, given"),
                NameReading(_natural(name_words(head)), 0.1, "one word"),
            ]
        text = f"{head} {tail}"
    lineage = bool(_LINEAGE.search(text))
    words = _without_titles(name_words(_LINEAGE.sub(" ", text)))
    if len(words) <= 1:
        return [NameReading(_natural(words), 0.5, "one word")]
    # "MHD", an abbreviation of محمد, in capitals is a given name before the last word
    # ("ABUASSAF MHD Ibrahim"); last, it is the family name المحمد ("Mounir Hassan MHD").
    upper = [
        _is_upper_word(word) and (index == len(words) - 1 or not is_muhammad_abbreviation(word))
        for index, word in enumerate(words)
    ]
    if any(upper) and not all(upper):
        if upper[0] and not upper[-1]:
            count = next(i for i, flag in enumerate(upper) if not flag)
            family = " ".join(words[:count])
            return [
                NameReading(_given_parts(words[count:], family), 0.9, "FAMILY given"),
                NameReading(_natural(words), 0.1, "natural"),
            ]
        if upper[-1]:
            return [NameReading(_natural(words), 0.9, "given FAMILY")]
    if lineage:
        given_family = _given_family_before_lineage(text)
        if given_family is not None:
            return [NameReading(given_family, 0.9, "given FAMILY, son of")]
        before = _family_before_lineage(text)
        if before is not None:
            first_words = name_words(before["family_name"])
            if _has_article(first_words[0]) or not is_given_name(first_words[0]):
                return [NameReading(before, 0.9, FAMILY_FIRST_LINEAGE)]
            # «عثمان باسل ابن مصطفى» or «محمد علي بن حسين» (a compound first name): the first
            # word a given name, both readings, the family's first as copyists write.
            son_of = NameReading(_natural(words), 0.4, "son of")
            return [NameReading(before, 0.6, FAMILY_FIRST_LINEAGE), son_of]
        if len(words) == 2:
            # "Ghada bint Ahmad", "علي بن حسن": a name and the father's, no family name.
            return [NameReading(_given_parts(words, ""), 0.9, "son of")]
        return [NameReading(_natural(words), 0.9, "son of")]
    natural = NameReading(_natural(words), 0.7, "natural")
    family_first = NameReading(_family_first(words), 0.3, "family first")
    # The family name first, without a comma or capitals: the first word has the article and
    # the last has not ("الحموي رنا خالد"), or the first word is no given name and the words after
    # it are ("Hamwi Rana Khaled").
    first_article = _has_article(words[0]) and not is_given_name(words[0])
    last_article = _has_article(words[-1])
    if words[0] in UNREAD_NAMES and last_article:
        # «[ممزق] عماد الخالدي»: the family name last, so the word lost is the first name; read
        # family first, the lost word would be a missing family name, and the father's and the
        # family's names a first and a father's that every brother's record also reads.
        return [natural]
    if first_article and not last_article:
        family_first.confidence, natural.confidence = 0.8, 0.2
    elif (
        not first_article
        # A first name lost on a torn page («[ممزق] عماد الخالدي», ``UNREAD_NAMES``) was one.
        and words[0] not in UNREAD_NAMES
        and not is_given_name(words[0])
        # … nor a pet name (برهوم, حمودة): the given name it stands for, first; one that is also
        # a family's (حمود) only before a family name with the article («حمود الحسن»).
        and not _pet_given(words[0], last_article)
        and all(is_given_name(word) for word in words[1:])
    ):
        family_first.confidence, natural.confidence = 0.65, 0.35
    return sorted([natural, family_first], key=lambda r: -r.confidence)


# The tribes and clans of the east of Syria and the Jazira (Deir ez-Zor, al-Raqqa, al-Hasakah,
# the east of Aleppo), as a register of the east names a family's tribe: a tribe is no family
# name, though a clerk who has none to hand writes it in the family's cell («عكيدات»، «بكارة»).
# The tribes' own names (the article left out), not their members' nisbas (العكيدي, البكاري: a
# family's name as much as a tribe's), and only forms no family bears: a clan's «بو…» and the
# plural forms of a tribe (عكيدات, شعيطات, مشاهدة). Tribes whose name is also a common family
# name (جبور: Jabbour, a family name of Homs and Wadi al-Nasara; شمر, عنزة, دليم, عجيل, موالي)
# are left out: a family cell that writes them is as likely the family's own name.
_TRIBES = (
    *("عكيدات", "عقيدات", "بكارة", "بقارة", "شعيطات", "بوسرايا", "بو سرايا", "عفادلة"),
    *("بوشعبان", "بو شعبان", "ولدة", "طي", "طيء", "حديديين"),
    *("بوكامل", "بو كامل", "بورحمة", "بوخابور", "بو خابور", "بوليل", "بوعساف", "بوحسن"),
    *("بوجامل", "مشاهدة", "فواعرة", "شرابيين", "جحيش", "ويسات"),
    *("بوبنا", "بني خالد", "بوحمد", "بوعز الدين"),
)


def _tribe_form(text: str) -> str:
    form = normalise_arabic(text.strip()).replace(" ", "")
    return form[2:] if form.startswith("ال") and len(form) > 4 else form


_TRIBE_FORMS = frozenset(_tribe_form(tribe) for tribe in _TRIBES)
# Tribes whose name without the article is a common family name (جبور, Jabbour), read as the
# tribe only with it, as a register of the east writes the tribe (الجبور, al-Jubur).
_TRIBES_WITH_ARTICLE = frozenset(normalise_arabic(tribe) for tribe in ("الجبور",))


@lru_cache(maxsize=100_000)
def is_tribe_name(text: str) -> bool:
    """Whether ``text`` names a tribe or clan of the east (``_TRIBES``: «عكيدات», «البكارة»,
    «بوشعبان»), spaces aside, with or without the article where three letters or more follow it
    («الطي» is read as written, no form of طي); «الجبور» only with it (``_TRIBES_WITH_ARTICLE``)."""
    if not text:
        return False
    return (
        _tribe_form(text) in _TRIBE_FORMS
        or normalise_arabic(text.strip()).replace(" ", "") in _TRIBES_WITH_ARTICLE
    )
