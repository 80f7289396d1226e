"""Independent test set 7 for `mizan link`: four lists of invented detained persons.

    python3 bench/independent_lists7/generate.py --seed 7 --persons 20000 --out DIR

Written from the issue, the user guide's `mizan link` section and the organisation's own
description only (see README.md). Standard library only; the output depends on --seed and
--persons alone (one random.Random per stage, no iteration over sets).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pools

# ---------------------------------------------------------------------------
# Drawing with a record of every rate used
# ---------------------------------------------------------------------------


class Stage:
    """A random stream of its own, which tallies every noise it draws.

    `chance(key, p)` and `pick(key, {option: p})` record the rate and how often it was
    drawn and applied, so stats.json holds exactly the rates the code used.
    """

    def __init__(self, seed: int, name: str) -> None:
        self.name = name
        self.rng = random.Random(f"set7:{seed}:{name}")
        self.tally: dict[str, dict] = {}

    def chance(self, key: str, p: float) -> bool:
        hit = self.rng.random() < p
        t = self.tally.setdefault(key, {"kind": "rate", "rate": p, "drawn": 0, "applied": 0})
        if t["rate"] != p:
            raise ValueError(f"{self.name}.{key}: two rates {t['rate']} and {p}")
        t["drawn"] += 1
        t["applied"] += hit
        return hit

    def pick(self, key: str, options: dict[str, float]) -> str:
        names = list(options)
        choice = self.rng.choices(names, weights=[options[n] for n in names])[0]
        total = sum(options.values())
        t = self.tally.setdefault(
            key,
            {
                "kind": "choice",
                "rates": {n: round(options[n] / total, 6) for n in names},
                "drawn": 0,
                "counts": {n: 0 for n in names},
            },
        )
        t["drawn"] += 1
        t["counts"][choice] += 1
        return choice


def weighted(rng: random.Random, items: list[tuple[str, int]]) -> str:
    return rng.choices([i[0] for i in items], weights=[i[1] for i in items])[0]


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


@dataclass
class Name:
    ar: list[str]  # Arabic spellings (first is the usual one)
    canonical: str = ""  # hand romanisation of an Arabic name, "" for Kurdish-origin names
    ku: list[str] = field(default_factory=list)  # Kurmanji spellings
    en: str = ""  # English spelling of a Kurdish-origin name
    kurdish_origin: bool = False


def _arab(pairs: list[tuple[str, str]]) -> list[Name]:
    return [Name(ar=[a], canonical=c, ku=pools.KURMANJI_OF.get(a, [])) for a, c in pairs]


def _kurd(rows: list[tuple[str, str, str]]) -> list[Name]:
    return [Name(ar=a.split("|"), ku=[k], en=e, kurdish_origin=True) for a, k, e in rows]


ARAB_MALE = _arab(pools.pairs(pools.ARAB_MALE))
ARAB_FEMALE = _arab(pools.pairs(pools.ARAB_FEMALE))
ARAB_FAMILY = _arab(pools.pairs(pools.ARAB_FAMILY))
KURD_MALE = _kurd(pools.KURD_MALE)
KURD_FEMALE = _kurd(pools.KURD_FEMALE)
KURD_FAMILY = _kurd(pools.KURD_FAMILY)
for _n in KURD_FAMILY:  # Kurdish families written as the Arabic name they come from
    _n.kurdish_origin = True

DIGRAPHS = ("kh", "sh", "th", "dh", "gh")
VOWELS = ("aa", "ii", "uu", "a", "i", "u")


def tokens(word: str) -> list[str]:
    out, i = [], 0
    while i < len(word):
        two = word[i : i + 2]
        if two in DIGRAPHS or two in ("aa", "ii", "uu"):
            out.append(two)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


EN_CONS = {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": ""}
FR_CONS = {"H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "3": "", "'": "", "sh": "ch"}
KU_CONS = {
    "H": "h",
    "S": "s",
    "D": "d",
    "T": "t",
    "Z": "z",
    "3": "",
    "'": "",
    "sh": "ş",
    "kh": "x",
    "gh": "x",
    "j": "c",
    "th": "s",
    "dh": "z",
}


def render_word(word: str, style: str, rng: random.Random) -> str:
    """One Arabic word in canonical romanisation, spelled in a Latin tradition."""
    t = tokens(word)
    out: list[str] = []
    for i, tok in enumerate(t):
        prev = t[i - 1] if i else ""
        nxt = t[i + 1] if i + 1 < len(t) else ""
        last = i == len(t) - 1
        if tok in VOWELS:
            diph = tok == "a" and glide(t, i + 1)
            out.append(_vowel(tok, nxt, diph, last, style, rng))
            continue
        if glide(t, i):
            continue  # written with the diphthong (Haytham, Sawsan, Qusayy)
        if tok == prev:  # geminate
            keep = {"en": 0.7, "fr": 0.8, "ku": 0.0}[style]
            if rng.random() >= keep:
                continue
        if style == "en":
            s = EN_CONS.get(tok, tok)
            if tok == "3" and prev in VOWELS:  # Sa'ad, Saad, Sad
                saad = prev == "a" and nxt not in VOWELS
                s = weighted(rng, [("'", 15), ("a" if saad else "", 35), ("", 50)])
            if tok == "dh" and rng.random() < 0.3:
                s = "z"
            elif tok == "q" and rng.random() < 0.1:
                s = "k"
        elif style == "fr":
            s = FR_CONS.get(tok, tok)
            if tok == "j":
                s = "dj" if rng.random() < 0.6 else "j"
            elif tok == "q":
                s = "k" if rng.random() < 0.5 else "q"
            elif tok == "th":
                s = "t" if rng.random() < 0.5 else "th"
            elif tok == "dh":
                s = "d" if rng.random() < 0.5 else "z"
            elif tok == "w" and nxt in VOWELS and rng.random() < 0.6:
                s = "ou"
            elif tok == "s" and prev in VOWELS and nxt in VOWELS:
                s = "ss"
        else:
            s = KU_CONS.get(tok, tok)
        out.append(s)
    text = "".join(out)
    return text[:1].upper() + text[1:] if text else text


def glide(t: list[str], i: int) -> bool:
    """Whether t[i] is the y or w of a diphthong ay/aw: after a, and no vowel after its run."""
    if i >= len(t) or t[i] not in ("y", "w"):
        return False
    j = i
    while j > 0 and t[j - 1] == t[i]:
        j -= 1
    k = i
    while k + 1 < len(t) and t[k + 1] == t[i]:
        k += 1
    return j > 0 and t[j - 1] == "a" and (k + 1 == len(t) or t[k + 1] not in VOWELS)


def _vowel(tok: str, nxt: str, diph: bool, last: bool, style: str, rng: random.Random) -> str:
    r = rng.random()
    if style == "en":
        if diph and nxt == "y":
            return "ay" if r < 0.5 else ("ai" if r < 0.8 else "ei")
        if diph:
            return "aw" if r < 0.7 else "ou"
        if tok == "a":
            return ("a" if r < 0.8 else "ah") if last else "a"
        if tok == "i":
            return "i" if r < 0.75 else "e"
        if tok == "u":
            return "u" if r < 0.5 else "o"
        if tok == "aa":
            return "a" if r < 0.95 else "aa"
        if tok == "ii":
            if last:
                return "i" if r < 0.9 else "y"
            return "i" if r < 0.6 else ("ee" if r < 0.95 else "ie")
        return "ou" if r < 0.55 else ("u" if r < 0.9 else "oo")
    if style == "fr":
        if diph and nxt == "y":
            return "ai" if r < 0.5 else ("ei" if r < 0.75 else "ay")
        if diph:
            return "aou" if r < 0.5 else "aw"
        if tok in ("a", "aa"):
            return "a"
        if tok == "i":
            return "i" if r < 0.6 else "e"
        if tok == "ii":
            return "i"
        if tok == "u":
            return "ou" if r < 0.7 else "o"
        return "ou"
    if diph and nxt == "y":
        return "ey"
    if diph:
        return "ew"
    if tok == "a":
        return "e" if r < 0.75 else "a"
    if tok == "aa":
        return "a"
    if tok == "i":
        return "i"
    if tok == "ii":
        return "î"
    if tok == "u":
        return "i" if r < 0.5 else "u"
    return "û"


def _article(style: str, rng: random.Random, family: bool) -> str:
    """The article al- as a Latin list writes it; "" drops it, "+" glues it."""
    if style == "en":
        return weighted(
            rng, [("Al-", 40), ("Al ", 20), ("al-", 10), ("El-", 10), ("Al+", 10), ("", 10)]
        )
    if style == "fr":
        return weighted(rng, [("El-", 40), ("El ", 20), ("Al-", 20), ("el-", 10), ("Al+", 10)])
    return weighted(rng, [("", 75), ("El-", 25)]) if family else ""


def romanise(name: Name, style: str, rng: random.Random) -> str:
    """A name in Latin letters: style en (English), fr (French tradition), ku (Kurmanji)."""
    if name.kurdish_origin:
        if style == "ku":
            return rng.choice(name.ku)
        if style == "fr":
            return name.en.replace("sh", "ch").replace("Sh", "Ch").replace("j", "dj")
        return name.en
    ar = name.ar[0]
    if style == "ku" and name.ku:
        return rng.choice(name.ku)
    table = {"en": pools.ENGLISH_OF, "fr": pools.FRENCH_OF}.get(style, {})
    if ar in table:
        return weighted(rng, table[ar])
    words = name.canonical.split()
    if words == ["al-3abd", "allaah"]:  # the family name العبد الله
        ku = weighted(rng, [("Evdila", 60), ("Ebdulla", 40)])
        art = _article(style, rng, family=True)
        body = (
            ku
            if style == "ku"
            else romanise(Name(ar=["عبد الله"], canonical="3abd allaah"), style, rng)
        )
        return (art[:-1] + body.lower()) if art.endswith("+") else art + body
    if len(words) == 2 and words[0] == "3abd":
        rest = words[1].removeprefix("al-").replace("allaah", "laah")
        body = "Allah" if rest == "laah" else render_word(rest, style, rng)
        if rest == "laah":
            if style == "en":
                return weighted(
                    rng, [("Abdullah", 60), ("Abdallah", 15), ("Abd Allah", 15), ("Abdulla", 10)]
                )
            if style == "fr":
                return weighted(rng, [("Abdallah", 70), ("Abdellah", 30)])
            return "Evdila"
        low = body.lower()
        if style == "en":
            opts = [
                (f"Abdul{low}", 30),
                (f"Abdul {body}", 25),
                (f"Abd Al-{body}", 15),
                (f"Abdel {body}", 10),
                (f"Abd Al{low}", 15),
                (f"Abd {body}", 5),
            ]
        elif style == "fr":
            opts = [
                (f"Abdel{low}", 50),
                (f"Abdel {body}", 25),
                (f"Abd El-{body}", 15),
                (f"Abdal{low}", 10),
            ]
        else:
            opts = [(f"Evdil{low}", 50), (f"Ebdul{low}", 30), (f"Ebdul {body}", 20)]
        return weighted(rng, opts)
    if len(words) == 2 and words[1] == "al-diin":
        first = render_word(words[0], style, rng)
        if style == "en":
            return first + weighted(
                rng,
                [(" Al-Din", 30), ("aldin", 25), (" Aldeen", 20), ("eddin", 15), (" Eddin", 10)],
            )
        if style == "fr":
            return first + weighted(rng, [("eddine", 70), (" Eddine", 30)])
        return first + "edîn"
    parts = []
    for w in words:
        if w.startswith("al-"):
            art = _article(style, rng, family=True)
            body = render_word(w[3:], style, rng)
            if art.endswith("+"):
                parts.append(art[:-1] + body.lower())
            else:
                parts.append(art + body)
        else:
            parts.append(render_word(w, style, rng))
    return " ".join(parts)


# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

TOWN = {t[0]: t for t in pools.TOWNS}


def town_name(key: str, script: str, rng: random.Random) -> str:
    _, ar, en, fr, ku, _gov, _n = TOWN[key]
    if script == "ar":
        return ar
    if script == "en":
        return pools.ENGLISH_ALT[key] if key in pools.ENGLISH_ALT and rng.random() < 0.5 else en
    if script == "fr":
        return fr
    return ku or en


def neighbourhoods(key: str) -> list[str]:
    return [n.replace("_", " ") for n in TOWN[key][6].split()]


# ---------------------------------------------------------------------------
# The population
# ---------------------------------------------------------------------------


@dataclass
class Person:
    pid: str
    kurd: bool
    sex: str
    first: Name
    father: Name
    grandfather: Name
    family: Name
    mother: Name
    mother_father: Name
    mother_family: Name
    birth: dt.date
    birth_town: str
    town: str
    neighbourhood: str
    national_id: str
    stateless: bool
    household: str
    father_pid: str = ""
    kunya: Name | None = None
    nickname: str = ""
    arrest: dt.date = dt.date(2013, 1, 1)
    arrest_town: str = ""
    arrest_kind: str = ""  # town, neighbourhood, checkpoint, branch, home
    branch: int = 0
    children: list[str] = field(default_factory=list)


GOV_CODE = {
    "دمشق": "01",
    "ريف دمشق": "02",
    "حمص": "04",
    "حماة": "05",
    "حلب": "03",
    "إدلب": "07",
    "درعا": "09",
    "دير الزور": "12",
    "الحسكة": "11",
    "الرقة": "13",
    "اللاذقية": "06",
}


def zipf_pick(rng: random.Random, items: list[Name], s: float = 1.0) -> Name:
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights=weights)[0]


def build_population(n: int, stage: Stage) -> list[Person]:
    rng = stage.rng
    arab_towns = list(pools.ARAB_TOWN_WEIGHTS.items())
    kurd_towns = list(pools.KURD_TOWN_WEIGHTS.items())
    town_families: dict[tuple[str, bool], list[Name]] = {}
    for key, *_ in pools.TOWNS:
        town_families[(key, False)] = rng.sample(ARAB_FAMILY, 14)
        kf = rng.sample(KURD_FAMILY, 10) + rng.sample(ARAB_FAMILY, 2)
        town_families[(key, True)] = kf
    people: list[Person] = []
    clan_no = 0
    while len(people) < n:
        clan_no += 1
        kurd = stage.chance("population.kurdish_clan", 0.27)
        town = weighted(rng, kurd_towns if kurd else arab_towns)
        family = rng.choice(town_families[(town, kurd)])

        def male(kurd: bool = kurd) -> Name:
            if kurd and rng.random() < 0.45:
                return zipf_pick(rng, KURD_MALE, 0.8)
            return zipf_pick(rng, ARAB_MALE, 0.9)

        def female(kurd: bool = kurd) -> Name:
            if kurd and rng.random() < 0.5:
                return zipf_pick(rng, KURD_FEMALE, 0.7)
            return zipf_pick(rng, ARAB_FEMALE, 0.8)

        def wife(kurd: bool = kurd, town: str = town) -> tuple[Name, Name, Name]:
            fam = (
                rng.choice(town_families[(town, kurd)])
                if rng.random() < 0.7
                else rng.choice(ARAB_FAMILY)
            )
            return female(), male(), fam

        g0, g0_father = male(), male()
        g0_wife = wife()
        g0_born = rng.randint(1915, 1950)
        n_g1 = rng.choice([1, 2, 2, 3, 3, 4, 5])
        for j in range(n_g1):
            sex = "M" if rng.random() < 0.55 else "F"
            born = g0_born + rng.randint(20, 42)
            if born > 2004:
                continue
            given = male() if sex == "M" else female()
            while given is g0:  # a son is not given his father's own name
                given = male()
            p1 = _person(
                people,
                rng,
                kurd,
                sex,
                given,
                g0,
                g0_father,
                family,
                g0_wife,
                born,
                town,
                f"H{clan_no}-0",
            )
            if sex == "F" or born > 1986:
                continue
            w = wife()
            kids = rng.choice([1, 2, 3, 3, 4, 5, 6])
            for k in range(kids):
                kb = born + rng.randint(20, 40)
                if kb > 2005:
                    continue
                ks = "M" if rng.random() < 0.55 else "F"
                if (
                    ks == "M"
                    and k == 0
                    and stage.chance("population.son_named_after_grandfather", 0.45)
                ):
                    kn = g0
                else:
                    kn = male() if ks == "M" else female()
                    while kn is p1.first:  # a son is not given his father's own name
                        kn = male()
                child = _person(
                    people,
                    rng,
                    kurd,
                    ks,
                    kn,
                    p1.first,
                    g0,
                    family,
                    w,
                    kb,
                    town,
                    f"H{clan_no}-{j + 1}",
                )
                child.father_pid = p1.pid
                p1.children.append(child.pid)
    people = people[:n]
    by_pid = {p.pid: p for p in people}
    for p in people:
        if p.sex != "M":
            continue
        if stage.chance("population.nickname", 0.06):
            p.nickname = rng.choice(pools.NICKNAMES_AR)
        if p.birth.year > 1992:  # too young in 2011-2014 to be called Abu someone
            continue
        sons = [by_pid[c] for c in p.children if c in by_pid and by_pid[c].sex == "M"]
        if sons and rng.random() < 0.8:
            p.kunya = sons[0].first
        elif stage.chance("population.kunya_without_son", 0.35):
            p.kunya = zipf_pick(rng, ARAB_MALE)
    # arrest
    for p in people:
        year = weighted(
            rng,
            [
                ("2011", 14),
                ("2012", 28),
                ("2013", 24),
                ("2014", 14),
                ("2015", 8),
                ("2016", 5),
                ("2017", 3),
                ("2018", 2),
                ("2019", 2),
            ],
        )
        start = dt.date(int(year), 3 if year == "2011" else 1, 15 if year == "2011" else 1)
        p.arrest = start + dt.timedelta(days=rng.randint(0, 364 if year != "2011" else 290))
        p.arrest_town = p.town if rng.random() < 0.75 else weighted(rng, arab_towns[:12])
        p.arrest_kind = weighted(
            rng,
            [("town", 40), ("neighbourhood", 20), ("checkpoint", 22), ("branch", 10), ("home", 8)],
        )
        p.branch = rng.randrange(len(pools.BRANCHES_AR))
    return people


def _person(
    people, rng, kurd, sex, first, father, grandfather, family, mother, born, town, household
):
    pid = f"P{len(people) + 1:06d}"
    birth = dt.date(born, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
    gov = TOWN[town][5]
    hoods = neighbourhoods(town)
    hood = pools.KURD_NEIGHBOURHOOD.get(town, "") if kurd else ""
    if not hood and hoods:
        hood = rng.choice(hoods)
    stateless = kurd and rng.random() < 0.18
    nid = "" if stateless else GOV_CODE[gov] + "".join(rng.choice("0123456789") for _ in range(9))
    birth_town = (
        town if rng.random() < 0.85 else rng.choice([t[0] for t in pools.TOWNS if t[5] == gov])
    )
    p = Person(
        pid,
        kurd,
        sex,
        first,
        father,
        grandfather,
        family,
        mother[0],
        mother[1],
        mother[2],
        birth,
        birth_town,
        town,
        hood,
        nid,
        stateless,
        household,
    )
    people.append(p)
    return p


def select_pool(people: list[Person], stage: Stage) -> list[Person]:
    """Persons documented by anyone: mostly men of working age, with relatives arrested together."""
    rng = stage.rng
    target = max(3, round(len(people) * 0.08))
    by_household: dict[str, list[Person]] = {}
    for p in people:
        by_household.setdefault(p.household.split("-")[0], []).append(p)
    chosen: dict[str, Person] = {}
    order = people[:]
    rng.shuffle(order)
    for p in order:
        if len(chosen) >= target:
            break
        age = p.arrest.year - p.birth.year
        w = (
            (1.0 if p.sex == "M" else 0.12)
            * (1.0 if 16 <= age <= 60 else 0.1)
            * (1.3 if p.kurd else 1.0)
        )
        if rng.random() >= w * 0.5:
            continue
        chosen[p.pid] = p
        clan = by_household[p.household.split("-")[0]]
        if stage.chance("pool.relative_arrested_too", 0.3):
            kind = stage.pick(
                "pool.relative_kind", {"brother": 60, "cousin": 20, "father_or_son": 20}
            )
            cands = []
            for q in clan:
                if q.pid in chosen or q.sex != "M":
                    continue
                brother = q.household == p.household
                cousin = not brother and bool(q.father_pid and p.father_pid)
                parent = p.father_pid == q.pid or q.father_pid == p.pid
                if {"brother": brother, "cousin": cousin, "father_or_son": parent}[kind]:
                    cands.append(q)
            if cands:
                q = rng.choice(cands)
                q.arrest = p.arrest  # arrested together
                q.arrest_town, q.arrest_kind, q.branch = p.arrest_town, p.arrest_kind, p.branch
                chosen[q.pid] = q
    return sorted(chosen.values(), key=lambda p: p.pid)


# ---------------------------------------------------------------------------
# Arabic and Latin noise
# ---------------------------------------------------------------------------

KEY_ROWS = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرلىةوزظ"]
DOT_GROUPS = ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق", "ةه"]
OCR_DIGITS = {
    "2": "3",
    "3": "2",
    "7": "8",
    "8": "7",
    "4": "6",
    "6": "4",
    "1": "7",
    "9": "0",
    "0": "9",
    "5": "6",
}
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def kb_neighbour(ch: str, rng: random.Random) -> str:
    for row in KEY_ROWS:
        i = row.find(ch)
        if i >= 0:
            opts = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            return rng.choice(opts)
    return ch


def arabic_typo(word: str, rng: random.Random) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))
    op = rng.choice(["sub", "drop", "double"])
    if op == "sub":
        return word[:i] + kb_neighbour(word[i], rng) + word[i + 1 :]
    if op == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def keyboard(text: str, st: Stage, prefix: str) -> str:
    """Habits of typing Arabic on a phone or PC: hamza, taa marbuta, alif maqsura, عبد glued."""
    has_hamza = "أ" in text or "إ" in text or "آ" in text
    if has_hamza and st.chance(f"{prefix}.hamza_dropped", 0.55):
        text = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا")
    words = text.split(" ")
    for k, w in enumerate(words):
        if w.endswith("ة") and st.chance(f"{prefix}.taa_marbuta_as_ha", 0.15):
            words[k] = w[:-1] + "ه"
        elif w.endswith("ى") and st.chance(f"{prefix}.alif_maqsura_as_ya", 0.3):
            words[k] = w[:-1] + "ي"
        elif w.endswith("ي") and st.chance(f"{prefix}.final_ya_as_alif_maqsura", 0.06):
            words[k] = w[:-1] + "ى"
    text = " ".join(words)
    for pre in ("عبد ", "ابو ", "أبو "):
        if pre in text and st.chance(f"{prefix}.compound_glued", 0.45):
            text = text.replace(pre, pre.strip())
    return text


def ocr_arabic(text: str, st: Stage, prefix: str) -> str:
    """A scanned, typed Arabic table cell read by OCR."""
    out = []
    for ch in text:
        group = next((g for g in DOT_GROUPS if ch in g), "")
        if group and st.chance(f"{prefix}.dotted_letter_confused", 0.025):
            ch = st.rng.choice([c for c in group if c != ch])
        elif ch not in " " and st.chance(f"{prefix}.letter_dropped", 0.006):
            ch = ""
        out.append(ch)
    text = "".join(out)
    if " " in text and st.chance(f"{prefix}.words_merged", 0.05):
        i = st.rng.choice([k for k, c in enumerate(text) if c == " "])
        text = text[:i] + text[i + 1 :]
    words = text.split(" ")
    long = [k for k, w in enumerate(words) if len(w) >= 5]
    if long and st.chance(f"{prefix}.word_split", 0.04):
        k = st.rng.choice(long)
        cut = st.rng.randint(2, len(words[k]) - 2)
        words[k] = words[k][:cut] + " " + words[k][cut:]
    return " ".join(words)


def ocr_digits(s: str, st: Stage, prefix: str, p: float) -> str:
    if s and st.chance(prefix, p):
        i = st.rng.choice([k for k, c in enumerate(s) if c in OCR_DIGITS])
        return s[:i] + OCR_DIGITS[s[i]] + s[i + 1 :]
    return s


def latin_typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(["drop", "double", "swap", "vowel"])
    if op == "drop":
        return word[:i] + word[i + 1 :]
    if op == "double":
        return word[:i] + word[i] + word[i:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    sw = {"a": "e", "e": "a", "o": "u", "u": "o", "i": "e"}
    vs = [k for k, c in enumerate(word) if c in sw and k > 0]
    if not vs:
        return word
    k = rng.choice(vs)
    return word[:k] + sw[word[k]] + word[k + 1 :]


ASCII_KU = {"ê": "e", "î": "i", "û": "u", "Ê": "E", "Î": "I", "Û": "U"}


def kurmanji_ascii(text: str, rng: random.Random) -> str:
    """Kurmanji typed without a Kurdish keyboard."""
    for a, b in ASCII_KU.items():
        text = text.replace(a, b)
    sh = "sh" if rng.random() < 0.5 else "s"
    ch = "ch" if rng.random() < 0.5 else "c"
    text = (
        text.replace("ş", sh)
        .replace("Ş", sh.capitalize())
        .replace("ç", ch)
        .replace("Ç", ch.capitalize())
    )
    return text


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------


def arrest_date_text(d: dt.date, fmt: str) -> str:
    return {
        "iso": d.isoformat(),
        "dmy": f"{d.day}/{d.month}/{d.year}",
        "dmy0": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "ymd_slash": f"{d.year}/{d.month:02d}/{d.day:02d}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "my": f"{d.month:02d}/{d.year}",
        "month_ar": f"{pools.MONTHS_LEVANT[d.month - 1]} {d.year}",
        "month_fr": f"{pools.MONTHS_FR[d.month - 1]} {d.year}",
        "month_en": f"{pools.MONTHS_EN[d.month - 1]} {d.year}",
        "year": str(d.year),
        "year_approx_ar": f"{d.year} تقريباً",
        "season_ar": f"{'أواخر' if d.month > 8 else ('أوائل' if d.month < 5 else 'صيف')} {d.year}",
        "missing": "",
    }[fmt]


def remembered(d: dt.date, st: Stage, prefix: str) -> dt.date:
    """A relative's memory of the date: a month off now and then."""
    if st.chance(f"{prefix}.arrest_month_off", 0.08):
        return d + dt.timedelta(days=st.rng.choice([-1, 1]) * st.rng.randint(25, 40))
    return d


# ---------------------------------------------------------------------------
# The lists
# ---------------------------------------------------------------------------

Row = dict[str, str]


def kunya_ar(p: Person) -> str:
    return f"أبو {p.kunya.ar[0]}" if p.kunya else ""


def ar_name(n: Name, rng: random.Random) -> str:
    return rng.choice(n.ar) if len(n.ar) > 1 else n.ar[0]


def arrest_place_ar(p: Person, st: Stage, prefix: str, options: dict[str, float]) -> str:
    kind = st.pick(f"{prefix}.arrest_place_form", options)
    town = TOWN[p.arrest_town][1]
    if kind == "as_known":
        kind = p.arrest_kind
    if kind == "town":
        return town
    if kind == "neighbourhood":
        if p.arrest_town == p.town and p.neighbourhood:
            return p.neighbourhood
        hoods = neighbourhoods(p.arrest_town)
        return st.rng.choice(hoods) if hoods else town
    if kind == "checkpoint":
        return f"حاجز {town}"
    if kind == "branch":
        return pools.BRANCHES_AR[p.branch]
    if kind == "home":
        return st.rng.choice(["من المنزل", "من مكان عمله", f"من منزله في {town}"])
    if kind == "governorate":
        return TOWN[p.arrest_town][5]
    return ""


def social_media(pool: list[Person], st: Stage) -> list[tuple[Row, str]]:
    """Names collected from families' posts on social media, typed by volunteers."""
    rng = st.rng
    rows: list[tuple[Row, str]] = []
    members = [p for p in pool if st.chance("social.included", 0.45)]
    entries = members + [p for p in members if st.chance("social.posted_twice", 0.07)]
    rng.shuffle(entries)
    for p in entries:
        parts = [
            ar_name(p.first, rng),
            ar_name(p.father, rng),
            ar_name(p.grandfather, rng),
            ar_name(p.family, rng),
        ]
        form = st.pick(
            "social.name_form",
            {
                "first_father_grand_family": 15,
                "first_father_family": 35,
                "first_family": 25,
                "first_father": 10,
                "first_father_grand": 5,
                "family_first_father": 5,
                "first_only_with_kunya": 5,
            },
        )
        if form == "first_only_with_kunya" and not p.kunya:
            form = "first_family"
        name = {
            "first_father_grand_family": parts,
            "first_father_family": [parts[0], parts[1], parts[3]],
            "first_family": [parts[0], parts[3]],
            "first_father": [parts[0], parts[1]],
            "first_father_grand": parts[:3],
            "family_first_father": [parts[3], parts[0], parts[1]],
            "first_only_with_kunya": [parts[0]],
        }[form]
        text = " ".join(name)
        notes = []
        if p.kunya:
            where = st.pick(
                "social.kunya_form",
                {"none": 55, "brackets": 18, "mulaqqab": 8, "bare_after": 7, "notes_only": 12},
            )
            if form == "first_only_with_kunya":
                where = "bare_before"
            k = kunya_ar(p)
            text = {
                "none": text,
                "brackets": f"{text} ({k})",
                "mulaqqab": f"{text} الملقب {k}",
                "bare_after": f"{text} {k}",
                "bare_before": f"{k} {text}",
                "notes_only": text,
            }[where]
            if where == "notes_only":
                notes.append(f"ويكنى {k}")
        if p.nickname and st.chance("social.nickname_shown", 0.5):
            text = f"{text} ({p.nickname})"
        if st.chance("social.prefix_word", 0.1):
            text = rng.choice(["المعتقل", "الشاب", "المغيب قسراً", "الأخ"]) + " " + text
        text = keyboard(text, st, "social")
        if st.chance("social.typo", 0.05):
            ws = text.split(" ")
            k = rng.randrange(len(ws))
            ws[k] = arabic_typo(ws[k], rng)
            text = " ".join(ws)
        # age and birth year
        birth = st.pick(
            "social.birth_info", {"age_only": 45, "year_only": 20, "both": 5, "neither": 30}
        )
        age = year = ""
        if birth in ("age_only", "both"):
            when = st.pick("social.age_taken", {"at_arrest": 70, "at_post": 30})
            ref = p.arrest.year if when == "at_arrest" else p.arrest.year + rng.randint(1, 7)
            a = ref - p.birth.year - (1 if rng.random() < 0.4 else 0)
            if st.chance("social.age_off_by_one_or_two", 0.15):
                a += rng.choice([-2, -1, 1, 2])
            age = st.pick("social.age_format", {"digits": 60, "with_sana": 25, "indic": 15})
            age = {"digits": str(a), "with_sana": f"{a} سنة", "indic": str(a).translate(INDIC)}[age]
        if birth in ("year_only", "both"):
            y = p.birth.year + (
                rng.choice([-1, 1]) if st.chance("social.birth_year_off", 0.1) else 0
            )
            yf = st.pick(
                "social.birth_year_format", {"digits": 65, "approx": 15, "indic": 15, "hijri": 5}
            )
            year = {
                "digits": str(y),
                "approx": f"{y} تقريباً",
                "indic": str(y).translate(INDIC),
                "hijri": f"{round((y - 622) * 33 / 32)} هـ",
            }[yf]
        d = remembered(p.arrest, st, "social")
        fmt = st.pick(
            "social.arrest_date_format",
            {
                "iso": 8,
                "dmy": 25,
                "month_ar": 20,
                "year": 17,
                "year_approx_ar": 8,
                "season_ar": 5,
                "missing": 17,
            },
        )
        place = arrest_place_ar(
            p, st, "social", {"as_known": 70, "town": 10, "governorate": 5, "missing": 15}
        )
        mother = ar_name(p.mother, rng) if st.chance("social.mother_given", 0.15) else ""
        rows.append(
            (
                {
                    "المعرف": "",
                    "الاسم الكامل": text,
                    "اسم الأم": mother,
                    "العمر": age,
                    "المواليد": year,
                    "تاريخ الاعتقال": arrest_date_text(d, fmt),
                    "مكان الاعتقال": place,
                    "ملاحظات": "، ".join(notes),
                    "رابط المنشور": f"https://social.example/posts/{rng.randrange(10**9, 10**10)}",
                },
                p.pid,
            )
        )
    for i, (row, _) in enumerate(rows, 1):
        row["المعرف"] = f"SM-{i:05d}"
    return rows


def prison_register(pool: list[Person], st: Stage) -> list[tuple[Row, str]]:
    """Pages of a transfer register typed by an official, scanned, read by OCR."""
    rng = st.rng
    members = [
        p
        for p in pool
        if (
            st.chance("register.included_kurd", 0.3)
            if p.kurd
            else st.chance("register.included_arab", 0.4)
        )
    ]
    entries = members + [p for p in members if st.chance("register.listed_twice", 0.02)]
    # a register lists people arrested together next to each other
    entries.sort(key=lambda p: (p.arrest, p.household, p.pid))
    rows: list[tuple[Row, str]] = []
    indic = st.chance("register.indic_digits_kept", 0.4)  # one decision for the whole register
    for p in entries:
        first, father, family = p.first.ar[0], p.father.ar[0], p.family.ar[0]
        if family.startswith("ال") and st.chance("register.family_article_dropped", 0.05):
            family = family[2:]
        mform = st.pick(
            "register.mother_form", {"first": 55, "first_family": 30, "full": 10, "walidatuhu": 5}
        )
        mother = {
            "first": p.mother.ar[0],
            "first_family": f"{p.mother.ar[0]} {p.mother_family.ar[0]}",
            "full": f"{p.mother.ar[0]} {p.mother_father.ar[0]} {p.mother_family.ar[0]}",
            "walidatuhu": f"والدته {p.mother.ar[0]}",
        }[mform]
        y = p.birth.year
        if st.chance("register.birth_year_registered_off", 0.04):
            y += rng.choice([-1, 1])
        bform = st.pick(
            "register.birth_form", {"year": 75, "ymd_slash": 10, "dmy": 5, "missing": 10}
        )
        bd = (
            dt.date(y, p.birth.month, p.birth.day)
            if not (p.birth.month == 2 and p.birth.day == 29)
            else p.birth
        )
        birth = {
            "year": str(y),
            "ymd_slash": f"{y}/{bd.month}/{bd.day}",
            "dmy": f"{bd.day}/{bd.month}/{y}",
            "missing": "",
        }[bform]
        birth = ocr_digits(birth, st, "register.birth_digit_misread", 0.05)
        if bform == "year" and st.chance("register.birth_zero_lost", 0.01):
            birth = birth.replace("0", "", 1) if "0" in birth else birth
        bplace = (
            TOWN[p.birth_town][1]
            if not st.chance("register.birth_place_governorate", 0.08)
            else TOWN[p.birth_town][5]
        )
        if st.chance("register.birth_place_missing", 0.05):
            bplace = ""
        nid = p.national_id
        if nid and st.chance("register.national_id_missing", 0.25):
            nid = ""
        nid = ocr_digits(nid, st, "register.national_id_digit_misread", 0.06)
        if nid and st.chance("register.national_id_digit_dropped", 0.02):
            k = rng.randrange(len(nid))
            nid = nid[:k] + nid[k + 1 :]
        if nid and st.chance("register.national_id_letter", 0.02):
            k = rng.randrange(len(nid))
            nid = nid[:k] + {"0": "O", "1": "l", "5": "S", "8": "B"}.get(nid[k], "O") + nid[k + 1 :]
        afmt = st.pick("register.arrest_date_format", {"ymd_slash": 60, "dmy": 30, "missing": 10})
        arrest = arrest_date_text(p.arrest, afmt if afmt != "missing" else "missing")
        arrest = ocr_digits(arrest, st, "register.arrest_digit_misread", 0.03)
        cells = {
            "الاسم": ocr_arabic(first, st, "register.ocr"),
            "الكنية": ocr_arabic(family, st, "register.ocr"),
            "اسم الأب": ocr_arabic(father, st, "register.ocr"),
            "اسم الأم": ocr_arabic(mother, st, "register.ocr"),
            "محل الولادة": ocr_arabic(bplace, st, "register.ocr"),
        }
        if st.chance("register.taa_marbuta_read_as_ha", 0.1):
            cells = {k: v.replace("ة", "ه") for k, v in cells.items()}
        if indic:
            birth, nid, arrest = (
                birth.translate(INDIC),
                nid.translate(INDIC),
                arrest.translate(INDIC),
            )
        rows.append(
            (
                {
                    "م": "",
                    "الاسم": cells["الاسم"],
                    "الكنية": cells["الكنية"],
                    "اسم الأب": cells["اسم الأب"],
                    "اسم الأم": cells["اسم الأم"],
                    "محل الولادة": cells["محل الولادة"],
                    "التولد": birth,
                    "الرقم الوطني": nid,
                    "تاريخ الاحتجاز": arrest,
                    "الجهة المحيلة": pools.BRANCHES_AR[p.branch],
                    "رقم الصفحة": "",
                },
                p.pid,
            )
        )
    for i, (row, _) in enumerate(rows, 1):
        row["م"] = str(i)
        row["رقم الصفحة"] = str(1 + (i - 1) // 25)
    return rows


def upper_family(fam: str) -> str:
    return fam.upper().replace("AL+", "AL")


def tracing_requests(pool: list[Person], st: Stage) -> list[tuple[Row, str]]:
    """Tracing requests filed by families at offices in Lebanon, written in Latin letters."""
    rng = st.rng
    members = [p for p in pool if st.chance("tracing.included", 0.38)]
    entries = members + [p for p in members if st.chance("tracing.filed_twice", 0.04)]
    rng.shuffle(entries)
    # share of each office's volunteers who write names in the French tradition
    french_share = {"Beirut": 0.7, "Tripoli": 0.8, "Zahle": 0.6, "Akkar": 0.2, "Saida": 0.4}
    rows: list[tuple[Row, str]] = []
    for p in entries:
        office = st.pick(
            "tracing.office", {"Beirut": 35, "Tripoli": 25, "Zahle": 15, "Akkar": 15, "Saida": 10}
        )
        style = (
            "fr"
            if st.chance(f"tracing.french_spelling_at_{office.lower()}", french_share[office])
            else "en"
        )
        first, father = romanise(p.first, style, rng), romanise(p.father, style, rng)
        grand, family = romanise(p.grandfather, style, rng), romanise(p.family, style, rng)
        ws = [first, father, grand, family]
        for k in range(4):
            if st.chance("tracing.typo", 0.03):
                ws[k] = latin_typo(ws[k], rng)
        first, father, grand, family = ws
        form = st.pick(
            "tracing.name_form",
            {
                "FAMILY_first_father": 25,
                "FAMILY_comma_first_father": 15,
                "first_father_FAMILY": 20,
                "first_father_family": 20,
                "first_family": 12,
                "first_father_grand_family": 8,
            },
        )
        if (
            p.sex == "F"
            and form == "first_father_family"
            and st.chance("tracing.bint_written", 0.3)
        ):
            form = "bint"
        name = {
            "FAMILY_first_father": f"{upper_family(family)} {first} {father}",
            "FAMILY_comma_first_father": f"{upper_family(family)}, {first} {father}",
            "first_father_FAMILY": f"{first} {father} {upper_family(family)}",
            "first_father_family": f"{first} {father} {family}",
            "first_family": f"{first} {family}",
            "first_father_grand_family": f"{first} {father} {grand} {family}",
            "bint": f"{first} bint {father} {family}",
        }[form]
        if p.kunya and st.chance("tracing.kunya_in_brackets", 0.06):
            name += (
                f" (Abou {romanise(p.kunya, style, rng)})"
                if style == "fr"
                else f" (Abu {romanise(p.kunya, style, rng)})"
            )
        mform = st.pick("tracing.mother_form", {"first": 50, "first_family": 25, "missing": 25})
        mother = romanise(p.mother, style, rng)
        mother = {
            "first": mother,
            "first_family": f"{mother} {romanise(p.mother_family, style, rng)}",
            "missing": "",
        }[mform]
        sex = st.pick("tracing.sex_form", {"MF": 60, "word": 30, "missing": 10})
        sex = {"MF": p.sex, "word": "male" if p.sex == "M" else "female", "missing": ""}[sex]
        bform = st.pick("tracing.birth_form", {"year": 55, "approx": 15, "age": 15, "missing": 15})
        byear = age = ""
        if bform == "year":
            byear = str(
                p.birth.year
                + (rng.choice([-1, 1]) if st.chance("tracing.birth_year_off", 0.1) else 0)
            )
        elif bform == "approx":
            y = p.birth.year + rng.choice([-2, -1, 0, 0, 0, 1, 2])
            byear = rng.choice(["approx. ", "env. ", "~", "vers "]) + str(y)
        elif bform == "age":
            age = str(p.arrest.year - p.birth.year - (1 if rng.random() < 0.4 else 0))
        bplace = (
            town_name(p.birth_town, style, rng)
            if st.chance("tracing.birth_place_given", 0.6)
            else ""
        )
        d = remembered(p.arrest, st, "tracing")
        dfmt = st.pick(
            "tracing.arrest_date_format",
            {"dmy0": 40, "my": 20, "month_text": 15, "year": 15, "missing": 10},
        )
        if dfmt == "month_text":
            dfmt = "month_fr" if style == "fr" else "month_en"
        kind = st.pick("tracing.arrest_place_form", {"as_known": 70, "town": 15, "missing": 15})
        kind = p.arrest_kind if kind == "as_known" else kind
        town = town_name(p.arrest_town, style, rng)
        place = {
            "town": town,
            "neighbourhood": town,
            "checkpoint": (f"barrage de {town}" if style == "fr" else f"{town} checkpoint"),
            "branch": (pools.BRANCHES_FR if style == "fr" else pools.BRANCHES_EN)[p.branch],
            "home": (f"domicile, {town}" if style == "fr" else f"at home, {town}"),
            "missing": "",
        }[kind]
        rows.append(
            (
                {
                    "record_id": "",
                    "full_name": name,
                    "mother_name": mother,
                    "sex": sex,
                    "birth_year": byear,
                    "age": age,
                    "birth_place": bplace,
                    "date_of_arrest": arrest_date_text(d, dfmt),
                    "place_of_arrest": place,
                    "office": office,
                    "enquirer": rng.choice(
                        ["mother", "father", "wife", "brother", "sister", "son", "cousin"]
                    ),
                },
                p.pid,
            )
        )
    year_counter: dict[str, int] = {}
    for row, _pid in rows:
        y = str(2014 + rng.randrange(6))
        year_counter[y] = year_counter.get(y, 0) + 1
        row["record_id"] = f"TR-{row['office'][:3].upper()}-{y}-{year_counter[y]:04d}"
    return rows


def kurdish_ngo(pool: list[Person], st: Stage) -> list[tuple[Row, str]]:
    """A Kurdish rights group's list in Kurmanji Latin letters (north-east Syria and Afrin)."""
    rng = st.rng
    kurd_area = {
        "qamishli",
        "amuda",
        "darbasiyah",
        "malikiyah",
        "rasalain",
        "qahtaniyah",
        "hasakah",
        "kobani",
        "afrin",
        "jindires",
        "rajo",
    }
    members = []
    for p in pool:
        if p.kurd:
            if st.chance("kurdish.included_kurd", 0.6):
                members.append(p)
        elif p.town in kurd_area and st.chance("kurdish.included_arab_of_the_area", 0.35):
            members.append(p)
    entries = members + [p for p in members if st.chance("kurdish.listed_twice", 0.02)]
    rng.shuffle(entries)
    rows: list[tuple[Row, str]] = []
    for p in entries:
        ascii_only = st.chance("kurdish.typed_without_kurdish_letters", 0.3)
        first, father = romanise(p.first, "ku", rng), romanise(p.father, "ku", rng)
        family = romanise(p.family, "ku", rng)
        if st.chance("kurdish.family_missing", 0.15):
            family = ""
        mother = romanise(p.mother, "ku", rng) if st.chance("kurdish.mother_given", 0.7) else ""
        cells = [first, father, family, mother]
        for k in range(4):
            if cells[k] and st.chance("kurdish.typo", 0.03):
                cells[k] = latin_typo(cells[k], rng)
            if ascii_only:
                cells[k] = kurmanji_ascii(cells[k], rng)
        sex = st.pick("kurdish.sex_form", {"MF": 70, "kurmanji": 20, "missing": 10})
        sex = {"MF": p.sex, "kurmanji": "mêr" if p.sex == "M" else "jin", "missing": ""}[sex]
        bform = st.pick("kurdish.birth_form", {"year": 70, "missing": 30})
        byear = str(p.birth.year) if bform == "year" else ""
        if byear and st.chance("kurdish.birth_year_off", 0.08):
            byear = str(p.birth.year + rng.choice([-1, 1]))
        bplace = (
            town_name(p.birth_town, "ku", rng)
            if st.chance("kurdish.birth_place_given", 0.7)
            else ""
        )
        if ascii_only:
            bplace = kurmanji_ascii(bplace, rng)
        dfmt = st.pick(
            "kurdish.arrest_date_format", {"dot": 40, "iso": 30, "year": 20, "missing": 10}
        )
        kind = p.arrest_kind
        town = town_name(p.arrest_town, "ku", rng)
        if kind == "neighbourhood" and p.neighbourhood in pools.KURMANJI_NEIGHBOURHOOD:
            place = pools.KURMANJI_NEIGHBOURHOOD[p.neighbourhood]
        elif kind == "checkpoint":
            place = f"bazgeha {town}"
        elif kind == "branch":
            place = pools.BRANCHES_EN[p.branch]
        else:
            place = town
        if st.chance("kurdish.arrest_place_missing", 0.15):
            place = ""
        notes = []
        if p.kunya and st.chance("kurdish.kunya_in_notes", 0.15):
            notes.append(f"bavê {romanise(p.kunya, 'ku', rng)}")
        if p.stateless:
            notes.append(rng.choice(["bê nasname", "ajanib", "maktoumin"]))
        rows.append(
            (
                {
                    "record_id": "",
                    "first_name": cells[0],
                    "father_name": cells[1],
                    "family_name": cells[2],
                    "mother_name": cells[3],
                    "gender": sex,
                    "birth_year": byear,
                    "birth_place": bplace,
                    "date_of_arrest": arrest_date_text(p.arrest, dfmt),
                    "place_of_arrest": place,
                    "notes": "; ".join(notes),
                },
                p.pid,
            )
        )
    for i, (row, _) in enumerate(rows, 1):
        row["record_id"] = f"KMR-{i:04d}"
    return rows


LISTS = {
    "social_media": social_media,
    "prison_register": prison_register,
    "tracing_requests": tracing_requests,
    "kurdish_ngo": kurdish_ngo,
}


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def generate(seed: int, persons: int, out: Path) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    pop_stage = Stage(seed, "population")
    people = build_population(persons, pop_stage)
    pool_stage = Stage(seed, "pool")
    pool = select_pool(people, pool_stage)
    pool_ids = {p.pid for p in pool}
    stats: dict = {
        "seed": seed,
        "persons": len(people),
        "pool_persons": len(pool),
        "stages": {"population": pop_stage.tally, "pool": pool_stage.tally},
        "lists": {},
    }
    truth: list[list[str]] = []
    membership: dict[str, list[str]] = {}
    for name, fn in LISTS.items():
        st = Stage(seed, name)
        rows = fn(pool, st)
        header = list(rows[0][0]) if rows else _empty_header(fn)
        write_csv(out / f"{name}.csv", header, [[r[h] for h in header] for r, _ in rows])
        ids = [r[header[0]] for r, _ in rows]
        for (_, pid), rid in zip(rows, ids, strict=True):
            truth.append([name, rid, pid])
            membership.setdefault(pid, [])
            if name not in membership[pid]:
                membership[pid].append(name)
        stats["lists"][name] = {
            "records": len(rows),
            "persons": len({pid for _, pid in rows}),
            "header": header,
        }
        stats["stages"][name] = st.tally
    write_csv(out / "truth.csv", ["list", "record_id", "person_id"], truth)
    write_csv(
        out / "persons.csv",
        [
            "person_id",
            "ethnicity",
            "sex",
            "first_name",
            "father_name",
            "grandfather_name",
            "family_name",
            "mother_name",
            "birth_date",
            "birth_place",
            "town",
            "neighbourhood",
            "national_id",
            "stateless",
            "kunya",
            "nickname",
            "father_person_id",
            "household",
            "arrest_date",
            "arrest_place",
            "arrest_kind",
            "documented",
            "lists",
        ],
        [
            [
                p.pid,
                "kurdish" if p.kurd else "arab",
                p.sex,
                p.first.ar[0],
                p.father.ar[0],
                p.grandfather.ar[0],
                p.family.ar[0],
                f"{p.mother.ar[0]} {p.mother_father.ar[0]} {p.mother_family.ar[0]}",
                p.birth.isoformat(),
                TOWN[p.birth_town][1],
                TOWN[p.town][1],
                p.neighbourhood,
                p.national_id,
                str(p.stateless).lower(),
                kunya_ar(p),
                p.nickname,
                p.father_pid,
                p.household,
                p.arrest.isoformat(),
                TOWN[p.arrest_town][1],
                p.arrest_kind,
                str(p.pid in pool_ids).lower(),
                "+".join(membership.get(p.pid, [])),
            ]
            for p in people
        ],
    )
    overlap: dict[str, int] = {}
    names = list(LISTS)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            overlap[f"{a}&{b}"] = sum(1 for m in membership.values() if a in m and b in m)
    stats["persons_in_lists"] = len(membership)
    stats["persons_by_number_of_lists"] = {
        str(k): sum(1 for m in membership.values() if len(m) == k) for k in range(1, len(names) + 1)
    }
    stats["persons_shared_by_list_pairs"] = overlap
    stats["records"] = len(truth)
    stats["hard_negatives_among_listed_persons"] = hard_negatives(
        [p for p in people if p.pid in membership]
    )
    (out / "stats.json").write_text(
        json.dumps(stats, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    )
    return stats


def hard_negatives(listed: list[Person]) -> dict[str, int]:
    """Pairs of different listed persons that look alike: relatives and namesakes."""

    def pairs_by(key) -> int:
        groups: dict[tuple, int] = {}
        for p in listed:
            k = key(p)
            if k is not None:
                groups[k] = groups.get(k, 0) + 1
        return sum(n * (n - 1) // 2 for n in groups.values())

    return {
        "siblings": pairs_by(lambda p: p.household),
        "same_clan_and_generation_incl_cousins": pairs_by(
            lambda p: (p.household.split("-")[0], p.household.endswith("-0"))
        ),
        "father_and_son": sum(1 for p in listed for q in listed if q.father_pid == p.pid),
        "namesakes_first_father_family": pairs_by(
            lambda p: (p.first.ar[0], p.father.ar[0], p.family.ar[0])
        ),
        "namesakes_first_family_same_town": pairs_by(
            lambda p: (p.first.ar[0], p.family.ar[0], p.town)
        ),
    }


def _empty_header(fn) -> list[str]:
    """The header of a list that drew no record (only with a tiny --persons)."""
    return {
        social_media: ["المعرف", "الاسم الكامل"],
        prison_register: ["م", "الاسم", "الكنية", "اسم الأب"],
        tracing_requests: ["record_id", "full_name"],
        kurdish_ngo: ["record_id", "first_name", "father_name", "family_name"],
    }[fn]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args(argv)
    stats = generate(a.seed, a.persons, a.out)
    sizes = ", ".join(f"{k} {v['records']}" for k, v in stats["lists"].items())
    print(f"{stats['persons']} persons, {stats['pool_persons']} documented")
    print(f"records: {sizes}; total {stats['records']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
