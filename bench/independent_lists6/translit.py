"""Latin spellings of a phonemic name key, in the habits of one writing tradition.

Traditions: ``en`` (UN/English habits), ``fr`` (French), ``de`` (German authorities),
``sv`` (Swedish), ``tr`` (Turkish residence papers), ``ku`` (Kurmanji Kurdish Latin) and
``az`` (Latin typed by Arabic speakers with keyboard digits: 3 = ع, 7 = ح, 5 = خ, 2 = ء/ق).
Where a tradition has several habits one is drawn with the given ``random.Random``.
"""

from __future__ import annotations

import random

_TOKENS = ["aa", "ii", "uu", "ee", "oo", "th", "kh", "dh", "sh", "gh"]

_BASE: dict[str, str | list[str]] = {
    "a": "a",
    "aa": "a",
    "i": "i",
    "ii": "i",
    "u": "u",
    "uu": "u",
    "e": "e",
    "ee": "e",
    "o": "o",
    "oo": "o",
    "b": "b",
    "t": "t",
    "th": "th",
    "j": "j",
    "H": "h",
    "kh": "kh",
    "d": "d",
    "dh": "dh",
    "r": "r",
    "z": "z",
    "s": "s",
    "sh": "sh",
    "S": "s",
    "D": "d",
    "T": "t",
    "Z": "z",
    "3": "",
    "gh": "gh",
    "f": "f",
    "q": "q",
    "k": "k",
    "l": "l",
    "m": "m",
    "n": "n",
    "h": "h",
    "w": "w",
    "y": "y",
    "v": "v",
    "'": "",
}

_TRAD: dict[str, dict[str, str | list[str]]] = {
    "en": {
        "i": ["i", "i", "e"],
        "ii": ["i", "i", "ee"],
        "u": ["u", "o"],
        "uu": ["ou", "u", "oo"],
        "dh": ["dh", "z", "th"],
        "q": ["q", "q", "k"],
        "th": ["th", "th", "s"],
        "3": ["", "", "'"],
    },
    "fr": {
        "u": "ou",
        "uu": "ou",
        "sh": "ch",
        "j": "dj",
        "q": "k",
        "dh": "d",
        "w": ["w", "ou"],
        "ee": "é",
        "kh": "kh",
    },
    "de": {"sh": "sch", "j": "dsch", "kh": "ch", "y": "j", "q": "k", "uu": "u"},
    "sv": {"sh": "sj", "j": ["dj", "j"], "y": "j", "q": "k", "u": ["o", "u"], "uu": ["o", "u"]},
    "tr": {
        "sh": "ş",
        "j": "c",
        "kh": "h",
        "w": "v",
        "q": "k",
        "th": "s",
        "dh": "z",
        "gh": "ğ",
        "S": "s",
        "D": "z",
        "Z": "z",
    },
    "ku": {
        "a": "e",
        "ii": "î",
        "uu": "û",
        "ee": "ê",
        "u": "i",
        "sh": "ş",
        "j": "c",
        "kh": "x",
        "th": "s",
        "dh": "z",
        "gh": "x",
        "D": "z",
        "H": ["h", "h", "ḧ"],
    },
    "az": {
        "3": "3",
        "H": "7",
        "kh": ["5", "kh"],
        "'": "2",
        "q": ["2", "q"],
        "u": ["o", "u"],
        "uu": ["ou", "u"],
        "ii": ["i", "ee"],
    },
}

# Conventional spellings that no letter table gives.
_SPECIAL: dict[str, dict[str, list[str]]] = {
    "muHammad": {
        "en": ["Mohammad", "Mohammed", "Muhammad", "Mohamad", "Mhd"],
        "fr": ["Mohamed", "Mohammad", "Mouhammad"],
        "de": ["Mohammed", "Mohamad", "Muhammad"],
        "sv": ["Mohammad", "Mohamad", "Muhammed"],
        "tr": ["Muhammet", "Muhammed", "Muhammet"],
        "ku": ["Mihemed", "Mihemed", "Mehmed"],
        "az": ["Mo7ammad", "Mohammad", "M7md"],
    },
    "aHmad": {
        "tr": ["Ahmet", "Ahmed"],
        "ku": ["Ehmed"],
        "fr": ["Ahmad", "Ahmed"],
        "de": ["Ahmad", "Ahmed"],
    },
    "maHmuud": {"tr": ["Mahmut"], "fr": ["Mahmoud"], "ku": ["Mehmûd", "Mahmud"]},
    "3alii": {"ku": ["Elî", "Eli"], "tr": ["Ali"]},
    "muSTafaa": {
        "tr": ["Mustafa"],
        "fr": ["Moustafa", "Mostafa"],
        "ku": ["Mistefa"],
        "en": ["Mustafa", "Mostafa"],
    },
    "ibraahiim": {"tr": ["İbrahim"], "ku": ["Birahîm", "Ibrahîm"], "de": ["Ibrahim"]},
    "yuusuf": {
        "fr": ["Youssef", "Youcef"],
        "tr": ["Yusuf"],
        "en": ["Yousef", "Yusuf", "Youssef"],
        "ku": ["Ûsiv", "Yûsif"],
    },
    "Husayn": {
        "fr": ["Houssein", "Hussein"],
        "en": ["Hussein", "Husein", "Hussain"],
        "tr": ["Hüseyin"],
        "ku": ["Hisên"],
        "de": ["Hussein", "Husain"],
    },
    "Hasan": {
        "fr": ["Hassan"],
        "en": ["Hasan", "Hassan"],
        "tr": ["Hasan"],
        "ku": ["Hesen"],
        "de": ["Hassan", "Hasan"],
    },
    "3umar": {
        "fr": ["Omar"],
        "en": ["Omar", "Omer"],
        "tr": ["Ömer"],
        "ku": ["Omer"],
        "de": ["Omar"],
    },
    "3uthmaan": {
        "tr": ["Osman"],
        "ku": ["Osman"],
        "fr": ["Othmane", "Osman"],
        "en": ["Othman", "Osman"],
    },
    "khaliil": {"tr": ["Halil"], "ku": ["Xelîl"]},
    "khaalid": {
        "tr": ["Halit", "Halid"],
        "ku": ["Xalid"],
        "fr": ["Khaled"],
        "de": ["Chaled", "Khaled"],
        "en": ["Khaled", "Khalid"],
    },
    "jamaal": {"tr": ["Cemal"], "fr": ["Djamal", "Jamal"], "de": ["Dschamal", "Jamal"]},
    "qaasim": {"tr": ["Kasım"], "fr": ["Kacem", "Kassem"], "en": ["Qasem", "Kassem", "Qasim"]},
    "shaadii": {"fr": ["Chadi"], "tr": ["Şadi"], "de": ["Schadi", "Shadi"]},
    "waliid": {"tr": ["Velid", "Valid"]},
    "nuur_al-diin": {
        "tr": ["Nurettin", "Nureddin"],
        "fr": ["Noureddine", "Nour Eddine"],
        "en": ["Nour Aldin", "Nouraldeen", "Nour al-Din"],
    },
    "3abd_allaah": {
        "en": ["Abdullah", "Abdallah", "Abd Allah"],
        "fr": ["Abdallah", "Abdellah"],
        "tr": ["Abdullah"],
        "de": ["Abdullah", "Abdallah"],
        "ku": ["Evdila", "Ebdila"],
        "az": ["3abdallah", "Abdullah"],
    },
}

_ABD_PREFIX = {
    "en": ["Abdul", "Abdel", "Abd al-", "Abd Al "],
    "fr": ["Abdel", "Abdel ", "Abd el-"],
    "de": ["Abdul", "Abdel", "Abd al-"],
    "sv": ["Abdul", "Abdel"],
    "tr": ["Abdul", "Abdül"],
    "ku": ["Ebdul", "Evdul"],
    "az": ["3abd al", "Abdul"],
}

_ARTICLE = {
    "en": ["al-", "Al-", "Al ", "", "el-"],
    "fr": ["el-", "El ", "al-", ""],
    "de": ["al-", "Al-", "el-", ""],
    "sv": ["al-", "Al-", ""],
    "tr": ["el-", "El ", ""],
    "ku": ["", "", "el-"],
    "az": ["al", "el ", ""],
}


def _tokens(word: str) -> list[str]:
    out = []
    i = 0
    while i < len(word):
        two = word[i : i + 2]
        if two in _TOKENS:
            out.append(two)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


def _pick(value: str | list[str], rng: random.Random) -> str:
    if isinstance(value, list):
        return value[rng.randrange(len(value))]
    return value


def _word(word: str, trad: str, rng: random.Random) -> str:
    table = _TRAD[trad]
    toks = _tokens(word)
    vowels = {"a", "aa", "i", "ii", "u", "uu", "e", "ee", "o", "oo"}
    out = []
    for n, tok in enumerate(toks):
        value = _pick(table.get(tok, _BASE.get(tok, tok)), rng)
        # French doubles an s between vowels (Moussa, Hassan); Turkish ends -ad/-ed in -t.
        if (
            trad == "fr"
            and tok == "s"
            and 0 < n < len(toks) - 1
            and toks[n - 1] in vowels
            and toks[n + 1] in vowels
        ):
            value = "ss"
        if trad == "tr" and tok == "d" and n == len(toks) - 1 and rng.random() < 0.5:
            value = "t"
        # a diphthong before a consonant or at the end: Zainab, Hussein, Taufik, Taoufik
        nxt = toks[n + 1] if n + 1 < len(toks) else ""
        if n > 0 and toks[n - 1] == "a" and nxt not in vowels and tok in ("y", "w"):
            if tok == "y":
                value = {"de": "i", "sv": "i", "fr": ["i", "y"], "en": ["y", "i", "y"]}.get(
                    trad, value
                )  # type: ignore[assignment]
            else:
                value = {"de": "u", "fr": "ou", "sv": "u"}.get(trad, value)
            value = _pick(value, rng)
        out.append(value)
    text = "".join(out)
    if not text:
        return text
    first = text[0]
    if trad == "tr" and first == "i":
        return "İ" + text[1:]
    return first.upper() + text[1:]


def latin(phon: str, trad: str, rng: random.Random) -> str:
    """One Latin spelling of the phonemic key ``phon`` in tradition ``trad``."""
    special = _SPECIAL.get(phon, {}).get(trad)
    if special:
        return _pick(special, rng)
    parts = phon.split("_")
    words: list[str] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part == "3abd" and i + 1 < len(parts):
            rest = parts[i + 1]
            if rest.startswith("al-"):
                rest = rest[3:]
            prefix = _pick(_ABD_PREFIX[trad], rng)
            body = _word(rest, trad, rng)
            if prefix.endswith((" ", "-")):
                words.append(prefix + body)
            else:
                words.append(prefix + body.lower())
            i += 2
            continue
        if part == "abuu":
            words.append(
                _pick(
                    {"fr": ["Abou"], "tr": ["Ebu"], "ku": ["Ebû", "Ebu"]}.get(
                        trad, ["Abu", "Abou"]
                    ),
                    rng,
                )
            )
            i += 1
            continue
        if part.startswith("al-"):
            article = _pick(_ARTICLE[trad], rng)
            body = _word(part[3:], trad, rng)
            words.append(article + body)
        else:
            words.append(_word(part, trad, rng))
        i += 1
    return " ".join(w for w in words if w)
