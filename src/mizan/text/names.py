"""Splitting a full name into its parts (first, father, grandfather, family)."""

from __future__ import annotations

import re

from mizan.text.normalise import clean_name, normalise_arabic

# Words that belong to the next word: عبد الرحمن, أبو بكر, Abdul Rahman, Abu Bakr.
_JOINERS_AR = {"عبد", "ابو", "أبو", "بو"}
_JOINERS_LAT = {"abd", "abdul", "abdel", "abu", "abou", "abo", "abd-al", "abd-el"}
_ARTICLES_LAT = {"al", "el"}
_DIN_WORDS = {"الدين", "ed-din", "al-din", "el-din", "ad-din", "ud-din", "eddin", "uddin", "eddine"}


def drop_titles(name: str) -> str:
    """The name without leading titles (الحاج, الشيخ, د., Dr, Hajj, Sheikh …), as written.

    A name that is nothing but a title is returned unchanged.
    """
    from mizan.text.translit import is_title

    words = clean_name(name).split(" ")
    index = 0
    while index < len(words) - 1 and is_title(words[index]):
        index += 1
    return " ".join(words[index:])


def name_words(full_name: str) -> list[str]:
    """Words of a name with compounds kept together (``عبد الرحمن`` is one word)."""
    words = clean_name(full_name).split(" ") if full_name.strip() else []
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        lower = word.lower()
        if index + 1 < len(words) and (word in _JOINERS_AR or lower in _JOINERS_LAT):
            follow = words[index + 1]
            if follow.lower() in _ARTICLES_LAT and index + 2 < len(words):
                joined.append(f"{word} {follow} {words[index + 2]}")
                index += 3
                continue
            joined.append(f"{word} {follow}")
            index += 2
            continue
        if lower in _ARTICLES_LAT and index + 1 < len(words):
            joined.append(f"{word} {words[index + 1]}")
            index += 2
            continue
        if joined and normalise_arabic(word).lower() in _DIN_WORDS:
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
    words = name_words(full_name)
    parts = {"first_name": "", "father_name": "", "grandfather_name": "", "family_name": ""}
    if not words:
        return parts
    parts["first_name"] = words[0]
    if len(words) == 2:
        parts["family_name"] = words[1]
    elif len(words) == 3:
        parts["father_name"], parts["family_name"] = words[1], words[2]
    elif len(words) >= 4:
        parts["father_name"], parts["grandfather_name"] = words[1], words[2]
        parts["family_name"] = " ".join(words[3:])
    return parts
