"""Latin spellings of a name written in the base romanisation of names.py.

Four traditions, each drawn afresh for every record (two clerks of the same organisation do not
spell a name the same way):

* ``en``  — English tradition: Mohammad/Mohammed/Muhammad, Hussein/Husain, Abdul/Abd al-, al-/Al;
* ``fr``  — French tradition: Mouhammad/Mohamed, Chadi, Djamal, Kacem, Youssef, Abdel, el-;
* ``chat`` — Latin typed with an Arabic keyboard's habits: A7mad, 5aled, 3omar, Mo2ayad;
* ``tr``  — Turkish spelling as in Turkish residence papers: MUHAMMED, AHMET, HALİT, ŞADİ, CEMAL.
"""

from __future__ import annotations

import random

_DIGRAPHS = ("kh", "sh", "th", "dh", "gh", "aa", "ii", "uu", "ay", "aw")
_VOWELS = {"a", "i", "u", "aa", "ii", "uu", "ay", "aw"}


def units(word: str) -> list[str]:
    """Split one base word (no article, no space) into letters and digraphs."""
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        before_vowel = word[i + 2 : i + 3] in ("a", "i", "u")
        if pair in _DIGRAPHS and not (pair in ("ay", "aw") and before_vowel):
            out.append(pair)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


def _pick(rng: random.Random, options: list[tuple[str, float]]) -> str:
    roll = rng.random()
    total = 0.0
    for value, weight in options:
        total += weight
        if roll < total:
            return value
    return options[-1][0]


# Per tradition: unit -> weighted spellings. A missing unit is written as itself.
_EN: dict[str, list[tuple[str, float]]] = {
    "a": [("a", 0.92), ("e", 0.08)],
    "aa": [("a", 0.9), ("aa", 0.1)],
    "i": [("i", 0.8), ("e", 0.2)],
    "ii": [("i", 0.6), ("ee", 0.3), ("ie", 0.1)],
    "u": [("u", 0.5), ("o", 0.5)],
    "uu": [("ou", 0.35), ("u", 0.4), ("oo", 0.25)],
    "ay": [("ay", 0.4), ("ai", 0.3), ("ei", 0.3)],
    "aw": [("aw", 0.7), ("ao", 0.3)],
    "7": [("h", 1.0)],
    "3": [("", 0.75), ("'", 0.25)],
    "'": [("", 0.7), ("'", 0.2), ("a", 0.1)],
    "th": [("th", 0.8), ("s", 0.2)],
    "dh": [("dh", 0.5), ("z", 0.4), ("th", 0.1)],
    "S": [("s", 1.0)],
    "D": [("d", 0.8), ("dh", 0.2)],
    "T": [("t", 1.0)],
    "Z": [("z", 0.6), ("dh", 0.4)],
    "q": [("q", 0.85), ("k", 0.15)],
}
_FR: dict[str, list[tuple[str, float]]] = {
    "a": [("a", 0.85), ("e", 0.15)],
    "aa": [("a", 1.0)],
    "i": [("i", 0.7), ("e", 0.3)],
    "ii": [("i", 1.0)],
    "u": [("ou", 0.6), ("o", 0.4)],
    "uu": [("ou", 1.0)],
    "ay": [("ai", 0.6), ("ay", 0.2), ("ei", 0.2)],
    "aw": [("aou", 0.6), ("ao", 0.4)],
    "7": [("h", 1.0)],
    "3": [("", 0.9), ("'", 0.1)],
    "'": [("", 0.85), ("ï", 0.15)],
    "sh": [("ch", 1.0)],
    "j": [("dj", 0.7), ("j", 0.3)],
    "th": [("th", 0.6), ("t", 0.4)],
    "dh": [("dh", 0.5), ("z", 0.5)],
    "S": [("s", 1.0)],
    "D": [("d", 1.0)],
    "T": [("t", 1.0)],
    "Z": [("z", 1.0)],
    "q": [("k", 0.6), ("q", 0.3), ("c", 0.1)],
    "w": [("ou", 0.5), ("w", 0.5)],
}
_CHAT: dict[str, list[tuple[str, float]]] = {
    "a": [("a", 0.9), ("e", 0.1)],
    "aa": [("a", 0.9), ("aa", 0.1)],
    "i": [("i", 0.7), ("e", 0.3)],
    "ii": [("i", 0.6), ("ee", 0.4)],
    "u": [("o", 0.7), ("u", 0.3)],
    "uu": [("o", 0.4), ("u", 0.4), ("oo", 0.2)],
    "ay": [("ai", 0.5), ("ay", 0.5)],
    "7": [("7", 0.9), ("h", 0.1)],
    "3": [("3", 0.9), ("", 0.1)],
    "'": [("2", 0.8), ("", 0.2)],
    "kh": [("5", 0.6), ("kh", 0.4)],
    "S": [("s", 0.8), ("9", 0.2)],
    "D": [("d", 1.0)],
    "T": [("6", 0.5), ("t", 0.5)],
    "Z": [("z", 1.0)],
    "q": [("q", 0.5), ("2", 0.3), ("9", 0.2)],
    "gh": [("gh", 0.7), ("3'", 0.3)],
    "th": [("th", 1.0)],
    "dh": [("th", 0.5), ("z", 0.5)],
}
_TR: dict[str, list[tuple[str, float]]] = {
    "a": [("a", 0.92), ("e", 0.08)],
    "aa": [("a", 1.0)],
    "i": [("i", 0.95), ("ı", 0.05)],
    "ii": [("i", 1.0)],
    "u": [("u", 0.75), ("ü", 0.1), ("o", 0.15)],
    "uu": [("u", 1.0)],
    "ay": [("ey", 0.6), ("ay", 0.4)],
    "aw": [("ev", 0.6), ("av", 0.4)],
    "7": [("h", 1.0)],
    "kh": [("h", 1.0)],
    "3": [("", 1.0)],
    "'": [("", 1.0)],
    "sh": [("ş", 1.0)],
    "j": [("c", 1.0)],
    "th": [("s", 1.0)],
    "dh": [("z", 1.0)],
    "S": [("s", 1.0)],
    "D": [("d", 0.6), ("z", 0.4)],
    "T": [("t", 1.0)],
    "Z": [("z", 1.0)],
    "gh": [("ğ", 0.5), ("g", 0.5)],
    "q": [("k", 1.0)],
    "w": [("v", 1.0)],
}
TABLES = {"en": _EN, "fr": _FR, "chat": _CHAT, "tr": _TR}


def word(base: str, scheme: str, rng: random.Random) -> str:
    """One base word (no article) in the given tradition, lower case."""
    table = TABLES[scheme]
    us = units(base)
    single_doubles = rng.random() < (0.35 if scheme in ("en", "chat") else 0.5)
    out: list[str] = []
    seen_vowel = False
    for pos, u in enumerate(us):
        last = pos == len(us) - 1
        prev = us[pos - 1] if pos else ""
        nxt = us[pos + 1] if not last else ""
        if u == prev and u not in _VOWELS and single_doubles:
            continue  # a doubled consonant written once (Hassan / Hasan)
        if scheme == "tr" and u == "gh" and pos == 0:
            out.append("g")  # no word starts with ğ
            continue
        soft = out[-1:] in (["e"], ["u"], ["ü"], ["i"])
        if scheme == "tr" and last and u in ("d", "b") and soft and rng.random() < 0.6:
            out.append({"d": "t", "b": "p"}[u])  # Ahmet, Mahmut, Yakup
            continue
        if scheme == "fr" and u == "s" and prev in _VOWELS and nxt in _VOWELS:
            out.append("ss")  # Moussa, Youssef
            continue
        if scheme == "fr" and u == "w" and pos == 0:
            out.append("ou")  # Oualid
            continue
        if last and u == "a" and prev not in _VOWELS:
            # taa marbuta: Hamza / Hamzah / Hamze
            opts = {
                "en": [("a", 0.75), ("ah", 0.25)],
                "fr": [("a", 0.8), ("e", 0.1), ("ah", 0.1)],
                "chat": [("a", 0.7), ("e", 0.3)],
                "tr": [("a", 0.6), ("e", 0.4)],
            }[scheme]
            out.append(_pick(rng, opts))
            continue
        if last and u == "ii" and scheme == "en":
            out.append(_pick(rng, [("i", 0.7), ("y", 0.2), ("ee", 0.1)]))
            continue
        if scheme == "fr" and last and u == "n" and prev == "aa" and rng.random() < 0.4:
            out.append("ne")  # Abderrahmane, Othmane
            continue
        if u == "a":
            later_vowel = any(x in _VOWELS for x in us[pos + 1 :])
            if not seen_vowel:
                out.append("a")  # Ahmad, Anas: the first syllable keeps its a
            elif scheme == "tr" and not later_vowel:
                out.append("e" if rng.random() < 0.6 else "a")  # Muhammed, Ahmet
            elif scheme == "en" and not later_vowel:
                out.append("e" if rng.random() < 0.25 else "a")  # Mohammed, Ahmed
            else:
                out.append(_pick(rng, table["a"]))
            seen_vowel = True
            continue
        if u in _VOWELS:
            seen_vowel = True
        choice = table.get(u)
        out.append(_pick(rng, choice) if choice else u)
    return "".join(out)


def _cap(text: str, scheme: str) -> str:
    if not text:
        return text
    if text[0].isdigit():
        return text  # 3omar, 7amza: typed as they are said
    if text[0] == "'":
        return text[0] + text[1:2].upper() + text[2:]
    if scheme == "tr" and text[0] == "i":
        return "İ" + text[1:]
    return text[0].upper() + text[1:]


def _article(scheme: str, rng: random.Random) -> str:
    """How ال before a family name is written; '' when it is dropped."""
    opts = {
        "en": [
            ("al-", 0.35),
            ("Al-", 0.15),
            ("Al ", 0.15),
            ("al ", 0.05),
            ("el-", 0.05),
            ("", 0.25),
        ],
        "fr": [("el-", 0.3), ("El ", 0.15), ("al-", 0.15), ("Al ", 0.05), ("", 0.35)],
        "chat": [("al ", 0.3), ("el ", 0.3), ("", 0.4)],
        "tr": [("El ", 0.35), ("Al ", 0.1), ("El", 0.1), ("", 0.45)],
    }[scheme]
    return _pick(rng, opts)


def _abd(rest: str, scheme: str, rng: random.Random) -> str:
    """عبد + al-X: Abdul Rahman, Abdulrahman, Abd al-Rahman, Abdel Rahman, Abderrahmane."""
    if rest == "allaah":
        opts = {
            "en": [
                ("Abdullah", 0.45),
                ("Abdallah", 0.2),
                ("Abd Allah", 0.1),
                ("Abdulla", 0.1),
                ("Abdalla", 0.05),
                ("Abdulah", 0.1),
            ],
            "fr": [("Abdallah", 0.6), ("Abdellah", 0.3), ("Abdalla", 0.1)],
            "chat": [("3abdallah", 0.5), ("Abdullah", 0.3), ("3bdullah", 0.2)],
            "tr": [("Abdullah", 0.9), ("Abdulla", 0.1)],
        }[scheme]
        return _pick(rng, opts)
    core = rest.removeprefix("al-")
    name = _cap(word(core, scheme, rng), scheme)
    if scheme == "en":
        prefix = _pick(
            rng,
            [
                ("Abdul ", 0.3),
                ("Abdul", 0.2),
                ("Abd al-", 0.15),
                ("Abdel ", 0.1),
                ("Abd Al ", 0.1),
                ("Abed Al ", 0.05),
                ("Abdal", 0.1),
            ],
        )
    elif scheme == "fr":
        prefix = _pick(rng, [("Abdel ", 0.4), ("Abdel", 0.3), ("Abd el-", 0.2), ("Abd ", 0.1)])
        if prefix == "Abdel" and core[:1] in "rsdtznl" and rng.random() < 0.5:
            prefix = "Abde" + core[0]  # Abderrahmane, Abdennour: the sun letter doubled
            name = name.lower()
    elif scheme == "chat":
        prefix = _pick(rng, [("3abd al ", 0.4), ("Abdul ", 0.3), ("3bd el", 0.3)])
    else:
        prefix = _pick(rng, [("Abdul", 0.6), ("Abdül", 0.1), ("Abd Ul ", 0.1), ("Abdul ", 0.2)])
        name = name if prefix.endswith(" ") else name.lower()
    if prefix.endswith(("l", "-")) and not prefix.endswith(" ") and name[:1].isupper():
        name = name if prefix.endswith("-") else name.lower()
    return prefix + name


def _din(first: str, scheme: str, rng: random.Random) -> str:
    """X + al-diin: Nour al-Din, Nureddin, Noureddine, Nurettin."""
    head = _cap(word(first, scheme, rng), scheme)
    opts = {
        "en": [(" al-Din", 0.4), (" Al Din", 0.2), ("uddin", 0.2), (" Eddin", 0.2)],
        "fr": [("eddine", 0.6), (" Eddine", 0.3), (" el-Dine", 0.1)],
        "chat": [(" el din", 0.5), ("eddin", 0.5)],
        "tr": [("ettin", 0.6), ("eddin", 0.4)],
    }[scheme]
    return head + _pick(rng, opts)


def name(base: str, scheme: str, rng: random.Random, family: bool = False) -> str:
    """A whole name (given or family) in the given tradition, capitalised."""
    parts = base.split(" ")
    if parts[0] == "al-3abd" or (family and base.startswith("al-") and " " in base):
        # العبد الله: Al-Abdullah, Al Abdallah, Abdullah
        art = _article(scheme, rng)
        text = _abd(parts[1], scheme, rng)
        return (_cap(art, scheme) + text) if art else text
    if parts[0] == "3abd" and len(parts) == 2:
        return _abd(parts[1], scheme, rng)
    if len(parts) == 2 and parts[1] == "al-diin":
        return _din(parts[0], scheme, rng)
    if parts[0] == "abuu" and len(parts) == 2:
        abu = {"en": "Abu", "fr": "Abou", "chat": "Abo", "tr": "Ebu"}[scheme]
        return abu + " " + _cap(word(parts[1], scheme, rng), scheme)
    if base.startswith("al-"):
        art = _article(scheme, rng)
        core = _cap(word(base[3:], scheme, rng), scheme)
        if art and not art.endswith((" ", "-")):
            core = core.lower()
        return (art + core) if art else core
    return _cap(word(base, scheme, rng), scheme)


def upper(text: str, scheme: str) -> str:
    if scheme == "tr":
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()
