"""Records of one list that identify one item: the same photograph named twice.

A list of identifications numbers each identification within its item: a custody photograph
``215-2883`` identified by a mother is ``215-2883-1`` and by a brother ``215-2883-2``. The two
are one person, however partially each relative named him («أبو جمال» and «ناصر محمد
المقداد»). A list is read this way only when every record id of the list is an item's id and a
counter, the counters of each item run 1, 2 … from one, some item has two or more, and the
records of such an item mostly share the first name: a household's members numbered ``-1``,
``-2`` are siblings, who never do, and a serial number (``HL-2021-01386``) or a post's comment
(``fb-4008-39``) does not start every item at 1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from mizan.text.names import name_words
from mizan.text.normalise import normalise_arabic, to_ascii_digits

_ITEM_ID = re.compile(r"^(.*\d)\s*[-_.]\s*([1-9]\d?)$")
# At most this many identifications of one item; a larger count is a numbering of something else.
_MOST_PER_ITEM = 6
# Of the items identified twice or more, at least this share name the same first name.
_SAME_FIRST_SHARE = 0.5


def _first(record: Mapping[str, str]) -> str:
    name = record.get("first_name") or record.get("full_name") or ""
    # Compounds kept whole: عبد الله and عبد الرحمن are two first names, not one «عبد».
    words = name_words(normalise_arabic(name))
    return words[0] if words else ""


def same_item_pairs(
    records: Sequence[Mapping[str, str]], sources: Sequence[str]
) -> set[tuple[int, int]]:
    """Pairs of record indexes (low, high) of one list that identify the same item."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, source in enumerate(sources):
        by_source[source].append(index)
    pairs: set[tuple[int, int]] = set()
    for indexes in by_source.values():
        items: dict[str, dict[int, int]] = defaultdict(dict)
        readable = True
        for index in indexes:
            match = _ITEM_ID.match(to_ascii_digits(records[index].get("record_id", "")).strip())
            if match is None:
                readable = False
                break
            counters = items[match.group(1)]
            counter = int(match.group(2))
            if counter in counters or counter > _MOST_PER_ITEM:
                readable = False
                break
            counters[counter] = index
        if not readable:
            continue
        if any(sorted(c) != list(range(1, len(c) + 1)) for c in items.values()):
            continue
        shared = [list(c.values()) for c in items.values() if len(c) > 1]
        if not shared:
            continue
        same = sum(1 for group in shared if len({_first(records[i]) for i in group}) == 1)
        if same < _SAME_FIRST_SHARE * len(shared):
            continue
        for group in shared:
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    low, high = sorted((group[a], group[b]))
                    pairs.add((low, high))
    return pairs
