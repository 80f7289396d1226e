"""Names as people remember them: a cellmate, a neighbour, a man known in the branch (issue 15).

Survivors list the people they shared a cell with as they knew them, not as a register writes
them: «خالد الطويل من داريا» (Khaled, the tall one, from Darayya), «محمد التلبيساوي» (Mohammad
from Talbiseh), «أبو حسن السراقبي» (the father of Hasan, from Saraqib), «محمد (أبو حسن) جمعة».
Read as a register's name, the town and the description become a family name that no other list
gives. ``recollected_rows`` gives the other ways to read such a name, each as a record whose
``full_name`` keeps only the names, whose ``birth_place`` holds the town the name tells (the
place the person is known by, as often the birth place as not), and whose ``father_name`` holds
the name a kunya suggests; ``mizan.linkage.features.record_readings`` compares each beside the
name as written, at its log2-odds, and a pair takes the better.

- «… من TOWN» (from TOWN): the town is a place, never a name; a word before «من» that describes
  the person (الطويل، الأشقر …) is a nickname, compared with nothing.
- A last word with the article and a nisba's ي («السراقبي», «التلبيساوي»): the town it is
  made from (سراقب، تلبيسا، and the stems a nisba in -اوي/-اني drops), or the family name as
  written. A word the lists write as a family name (``known_family``) stays a family name first.
- A kunya, أبو and a name (in brackets or before a nisba): by Syrian custom a man's eldest son
  carries the man's father's name, so أبو حسن suggests, weakly (``KUNYA_FATHER_ODDS``), that
  the father is حسن.

Plain Python, no list of real people or places: the towns are the nisba's own letters, and the
place comparison (``features._place``) keys them as it keys any place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from mizan.text.names import HOUSE_WORDS, has_article, house_of_family, strip_asides

__all__ = [
    "AFTER",
    "BEFORE",
    "DESCRIPTIONS",
    "FROM_TOWN_ODDS",
    "INSTEAD",
    "KUNYA_FATHER_ODDS",
    "NISBA_FAMILY_ODDS",
    "NISBA_PLACE_ODDS",
    "RECOLLECTED",
    "RECOLLECTED_TOWNS",
    "nisba_towns",
    "recollected_rows",
]

# Set on a record read by ``recollected_rows``, so that it is not read again.
RECOLLECTED = "_recollected"
# … and the towns a nisba may be made from, one a line, when it gave more than one (the first
# is its ``birth_place``): each is a part of the place it names.
RECOLLECTED_TOWNS = "_recollected_towns"
# Where a reading goes among the name's readings: before the name as written (likelier), after
# it, or instead of it («… من داريا»: the words after «من» are no name).
BEFORE, AFTER, INSTEAD = "before", "after", "instead"

# «… من TOWN»: the town is certain, the name before it is the name (no other reading is likelier).
FROM_TOWN_ODDS = 0.0
# A nisba read as the town against the name as written (its family name): a family name is often
# a nisba too (الحمصي، الحلبي), and most ي-ending family names are no town's (العيسى، البكري): the
# name as written stays first (its traits keep namesakes apart), the town a little less likely …
NISBA_PLACE_ODDS = -1.0
# … unless the lists write the word as a family name: then the town is the less likely reading.
NISBA_FAMILY_ODDS = -2.0
# The father's name a kunya suggests (أبو حسن: the father may be حسن), against no father's name:
# weak evidence — the custom is common, not a rule, and a kunya may name any son.
KUNYA_FATHER_ODDS = -3.0

# Words that describe a person, remembered instead of a family name («خالد الطويل من داريا»).
# Search-form spellings (hamza folded), with and without the article.
DESCRIPTIONS = frozenset(
    {
        "طويل",
        "قصير",
        "اشقر",
        "اسمر",
        "ابيض",
        "اسود",
        "اعرج",
        "اطرش",
        "اعور",
        "اصلع",
        "سمين",
        "ضعيف",
        "صغير",
        "كبير",
        "ختيار",
        "شايب",
    }
)

# («… من بيت الخطيب» is the family's house, ``names.HOUSE_WORDS``: a family name, no town, where
# ``names.house_of_family`` reads it so; after a family name, «… الخطيب من بيت جن» is a town.)
_FROM = re.compile(rf"(?:^|\s+)من\s+(?=\S)(?!{HOUSE_WORDS}\s+\S)")
_FROM_ANY = re.compile(r"(?:^|\s+)من\s+(?=\S)")
_KUNYA = re.compile(r"^(?:أبو|ابو|إبو|ابا|أبا)$")
_BRACKETED_KUNYA = re.compile(r"[(\[]\s*(?:أبو|ابو|إبو)\s+(\S+?)\s*[)\]]")
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def _plain(word: str) -> str:
    word = word.translate(_HAMZA)
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _is_description(word: str) -> bool:
    return _plain(word) in DESCRIPTIONS


def nisba_towns(word: str) -> list[str]:
    """The towns a nisba may be made from («السراقبي» سراقب, «التلبيساوي» تلبيسا/تلبيس,
    «الدوماني» دوما/دومان), or [] for a word not shaped as a nisba (article, final ي, a stem of
    at least three letters). The place comparison keys each as it keys a written place."""
    if not has_article(word) or word[-1] not in "يى" or not word.startswith("ال"):
        return []
    stem = word[2:-1]
    if len(stem) < 3:
        return []
    if stem.endswith("او") and len(stem) >= 4:
        return [stem[:-1]]  # التلبيساوي تلبيسا, الدرعاوي درعا (the place key drops the vowel)
    if stem.endswith("ان") and len(stem) >= 4:
        return [stem[:-1], stem]  # الدوماني دوما, العنداني عندان
    return [stem]


def recollected_rows(
    row: Mapping[str, str], known_family: Callable[[str], bool] | None = None
) -> list[tuple[dict[str, str], float, str]]:
    """Other readings of a record whose full name is written as people remember names, each as
    ``(row, log2-odds, where)``: ``where`` is ``BEFORE`` the name as written when the reading is
    likelier (it is then compared first, and the record's traits are its own), ``AFTER`` it, or
    ``INSTEAD`` of it when the name as written is no name («… من داريا»). [] for any other record:
    one that gives its name parts in columns, or a full name without a town, nisba or kunya."""
    full = (row.get("full_name") or "").strip()
    if not full or row.get(RECOLLECTED):
        return []
    if any((row.get(f"{part}_name") or "").strip() for part in ("first", "family")):
        return []
    has_place = bool((row.get("birth_place") or "").strip())
    kunya = _BRACKETED_KUNYA.search(full)
    names = strip_asides(full) if kunya is not None else full
    father = kunya.group(1) if kunya is not None else ""
    words = names.split()
    # «أبو حسن السراقبي», «أبو حسن الخطيب»: a man known by his kunya and his town or family name,
    # without his first name.
    # («أبو عساف خالد محمود» is a family name written first: more than one word follows.)
    known_by_kunya = (
        len(words) >= 3
        and _KUNYA.match(words[0]) is not None
        and (len(words) == 3 or words[2] == "من")
    )
    if known_by_kunya:
        father, words = words[1], words[2:]
    town, nisba = "", ""
    towns: list[str] = []
    text = " ".join(words)
    found = (_FROM if house_of_family(text) else _FROM_ANY).search(text)
    if found is not None:
        town = text[found.end() :].strip()
        words = text[: found.start()].split()
        while len(words) > 1 and _is_description(words[-1]):
            words = words[:-1]
    elif len(words) == 2 or (known_by_kunya and len(words) == 1):
        # «محمد التلبيساوي», «أبو حسن السراقبي»: a name and a nisba. After a father's name too
        # («محمد أنس الشكيبي»), a nisba is the family name a register writes.
        towns = nisba_towns(words[-1])
        if towns:
            nisba, words = words[-1], words[:-1]
    base = {**row, RECOLLECTED: "1"}
    if known_by_kunya:
        # What is left is a family name, if anything («أبو حسن الخطيب»), never a first name.
        names_read = {**base, "full_name": "", "family_name": " ".join(words)}
    else:
        names_read = {**base, "full_name": " ".join(words)}
    result: list[tuple[dict[str, str], float, str]] = []
    if town or towns:
        read = dict(names_read)
        if not has_place:
            read["birth_place"] = town or towns[0]
            if len(towns) > 1:
                read[RECOLLECTED_TOWNS] = "\n".join(towns)
        if town:
            result.append((read, FROM_TOWN_ODDS, INSTEAD))
        elif known_by_kunya:
            result.append((read, FROM_TOWN_ODDS, BEFORE))
        elif known_family is not None and known_family(nisba):
            result.append((read, NISBA_FAMILY_ODDS, AFTER))
        else:
            result.append((read, NISBA_PLACE_ODDS, AFTER))
    elif known_by_kunya:
        result.append((names_read, 0.0, BEFORE))
    if father and not (row.get("father_name") or "").strip():
        # The name as read above with the father's name the kunya suggests.
        read, odds, _where = result[0] if result else (names_read, 0.0, AFTER)
        result.append(({**read, "father_name": father}, odds + KUNYA_FATHER_ODDS, AFTER))
    return result
