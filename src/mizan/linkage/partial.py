"""Records that carry only part of a name (issue 15, set 9's hospital register, set 5's
testimonies): «مازن علي» with no family name, «يوسف البيطار» with no father's name.

Between two full records the first name's "same spelling" weighs the same for محمد and for مازن:
the family name, the father's and the birth year tell namesakes apart. A record with only two
of its names has nothing else: «محمد أحمد» alone pairs with hundreds of records, «مازن علي» with
one or two, and an average weight (+5.3 for the first name, +5.0 for the father's) is too much
for the first and too little for the second (set 9: a third of the hospital register gives first
and father's name only, and every such pair with the civil register scored −3.3 whatever the
names). So when one of the two records lacks the family or the father's name, the names both
give that agree weigh by how often the lists write them: splink's term-frequency adjustment on
the name's key, log2(m / share of the records writing it). A name missing is no evidence either
way (the null level), never "different".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["PARTIAL_LEVEL_LABEL", "PARTIAL_M", "PARTIAL_PARTS", "partial_level", "partial_sql"]

PARTIAL_LEVEL_LABEL = "same name, one record without family or father's name (by its frequency)"
# m: how often two records of one person give the same name (the shipped model's "same spelling"
# and "same name" levels together, 0.88 for first names). Set, not learnt: the level is new.
PARTIAL_M: dict[str, float] = {"first": 0.88, "father": 0.87, "family": 0.86}
# Its u, which the term-frequency adjustment replaces by the name's share (``partial_level``);
# the "same spelling" u of the shipped model.
PARTIAL_U: dict[str, float] = {"first": 0.0099, "father": 0.0129, "family": 0.0009}
# The part whose absence on either side makes a record partial for each compared name.
PARTIAL_PARTS: dict[str, tuple[str, ...]] = {
    "first": ("family", "father"),
    "father": ("family",),
    "family": ("father",),
}


def partial_sql(part: str) -> str:
    """The condition of the partial-record level of a name part (``PARTIAL_LEVEL_LABEL``): the
    same key with the same letters (a key that folds حسن and حسين together is not enough), and
    one of the two records without one of the names ``PARTIAL_PARTS`` gives for the part."""
    key, dotless = f"{part}_k", f"{part}_rasm"
    lacking = " OR ".join(
        f'"{other}_k_l" IS NULL OR "{other}_k_r" IS NULL' for other in PARTIAL_PARTS[part]
    )
    return (
        f'"{key}_l" = "{key}_r" AND coalesce("{dotless}_l" = "{dotless}_r", true) AND ({lacking})'
    )


def partial_level(part: str) -> Any:
    """The level itself, its m set and its u adjusted by the term frequency of the name's key."""
    import splink.comparison_level_library as cll

    return cll.CustomLevel(partial_sql(part), label_for_charts=PARTIAL_LEVEL_LABEL).configure(
        m_probability=PARTIAL_M[part],
        u_probability=PARTIAL_U[part],
        fix_m_probability=True,
        fix_u_probability=True,
        tf_adjustment_column=f"{part}_k",
        tf_adjustment_weight=1.0,
        # The adjustment divides by this level's own u, not by that of "same name" (learnt on
        # other pairs): the weight is log2(m / the name's share), whatever the input re-estimates.
        disable_tf_exact_match_detection=True,
    )


# A cellmate named by one word («حسين», born in Deraa about 1975: set 5's testimonies) shares
# no two name words with the same person's full record, only the first name, the place and about
# the year of birth. First name + place of birth as a blocking key, capped as ``engine``'s name
# pairs are: only a key that two to ``PLACE_BLOCK_CAP`` records share makes candidates (the rule
# joins birth years within ``model.YEAR_WINDOW``), so the candidates stay under
# ``PLACE_BLOCK_CAP`` / 2 per record whatever the size of the lists (an uncapped first name +
# place rule grew with the square of it: +13,000 pairs at 100,000 records).
PLACE_BLOCK_CAP = 12


def first_place_keys(columns: Mapping[str, list[Any]], record_of: Sequence[int]) -> list[list[str]]:
    """For each row, ``first@place`` (its first name's and birth place's keys) if two to
    ``PLACE_BLOCK_CAP`` records give it; a record's readings are consecutive rows."""
    from collections import Counter

    firsts, places = columns["first_k"], columns.get("birth_place_block")
    if places is None:
        return [[] for _ in record_of]
    keys: list[str | None] = []
    counts: Counter[str] = Counter()
    # The keys the current record's readings gave so far: each record counts once per key,
    # however its readings are ordered (A, B, A).
    previous, seen = -1, set[str]()
    for row, record in enumerate(record_of):
        first, place = firsts[row], places[row]
        key = f"{first}@{place}" if first and place and len(first) > 1 else None
        keys.append(key)
        if record != previous:
            previous, seen = record, set()
        if key is not None and key not in seen:
            counts[key] += 1
            seen.add(key)
    return [
        [key] if key is not None and 2 <= counts[key] <= PLACE_BLOCK_CAP else [] for key in keys
    ]
