"""Noise that real lists carry: typing habits, typos, OCR misreadings, digit forms."""

from __future__ import annotations

import random

HAMZA = {"أ": "ا", "إ": "ا", "آ": "ا"}

# Letters a scanner or a tired reader confuses (same skeleton, dots differ), both ways.
OCR_DOTS = [
    "بتثني",
    "جحخ",
    "دذ",
    "رز",
    "سش",
    "صض",
    "طظ",
    "عغ",
    "فق",
]
_OCR_GROUP = {ch: group for group in OCR_DOTS for ch in group}

# Letters next to each other on the Arabic keyboard (for typing slips).
_AR_KEYS = ["ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرلاىةوزظ"]
_LAT_KEYS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]

AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# Digits an OCR engine or a hasty reader takes one for the other.
DIGIT_CONFUSION = {
    "1": "7",
    "7": "1",
    "3": "8",
    "8": "3",
    "5": "6",
    "6": "5",
    "0": "8",
    "9": "4",
    "4": "9",
    "2": "7",
}


def _neighbour(ch: str, rows: list[str], rng: random.Random) -> str:
    for row in rows:
        k = row.find(ch)
        if k >= 0:
            options = [row[j] for j in (k - 1, k + 1) if 0 <= j < len(row)]
            return options[rng.randrange(len(options))]
    return ch


def typo(word: str, rng: random.Random, latin: bool = False) -> str:
    """One typing slip: a neighbouring key, a letter dropped, doubled or two swapped."""
    letters = [i for i, ch in enumerate(word) if ch.isalpha()]
    if len(letters) < 3:
        return word
    i = letters[rng.randrange(1, len(letters))]
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + _neighbour(word[i], _LAT_KEYS if latin else _AR_KEYS, rng) + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    j = i - 1
    if not word[j].isalpha():
        return word
    return word[:j] + word[i] + word[j] + word[i + 1 :]


def ocr_dots(word: str, rng: random.Random) -> str:
    """One letter read with its dots wrong (ح/خ, ب/ت/ن, ...)."""
    spots = [i for i, ch in enumerate(word) if ch in _OCR_GROUP]
    if not spots:
        return word
    i = spots[rng.randrange(len(spots))]
    group = _OCR_GROUP[word[i]].replace(word[i], "")
    return word[:i] + group[rng.randrange(len(group))] + word[i + 1 :]


def drop_hamza(text: str) -> str:
    return "".join(HAMZA.get(ch, ch) for ch in text)


def taa_to_haa(text: str) -> str:
    return " ".join(w[:-1] + "ه" if w.endswith("ة") else w for w in text.split(" "))


def yaa_alef_maqsura(text: str) -> str:
    """Final ى written ي and final ي written ى (both habits exist)."""
    out = []
    for w in text.split(" "):
        if w.endswith("ى"):
            w = w[:-1] + "ي"
        elif w.endswith("ي") and len(w) > 2:
            w = w[:-1] + "ى"
        out.append(w)
    return " ".join(out)


def drop_article(text: str) -> str:
    return text[2:] if text.startswith("ال") and len(text) > 4 else text


def join_compound(text: str) -> str:
    """عبد الله → عبدالله, أبو زيد → أبوزيد (a very common way of typing)."""
    for head in ("عبد ", "أبو ", "ابو ", "نور "):
        if text.startswith(head):
            return text.replace(" ", "", 1)
    return text


def misread_digits(text: str, rng: random.Random) -> str:
    """One digit misread (1985 → 1935 or 7985)."""
    spots = [i for i, ch in enumerate(text) if ch in DIGIT_CONFUSION]
    if not spots:
        return text
    i = spots[rng.randrange(len(spots))]
    return text[:i] + DIGIT_CONFUSION[text[i]] + text[i + 1 :]
