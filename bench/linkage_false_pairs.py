"""Which false pairs cost a tuning set the most (issue 15, branch `linkprec`).

    .venv/bin/python bench/linkage_false_pairs.py --work /tmp/sets --set s9-9 [--top 30]

Links the lists of one set of ``bench/linkage_sets.py`` (generated there, in ``WORK/SET``) in
this process and prints the false pairs of the clusters: how many per pair of lists, how many
joined by their own pair at or above the threshold ("direct") and how many only through other
records ("chained"), then the clusters holding the most false pairs, each record with its
values, its person in the truth and the weight of each false pair (None: never scored).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.linkage_sets import SETS  # noqa: E402
from mizan.linkage import link, read_lists  # noqa: E402
from mizan.linkage.engine import DEFAULT_THRESHOLD, UNSCORED_WEIGHT  # noqa: E402


def _weight(probability: float) -> float:
    import math

    return math.log2(probability / (1 - probability))


def linked_set(
    work: Path, name: str
) -> tuple[list[Any], Any, dict[tuple[int, int], float], list[str]]:
    """The records of set ``name`` (generated in ``WORK/name``) linked in this process: the
    records, ``link``'s result, the weight of every pair kept (down to the weight an unscored
    pair counts as: the clustering sees the same) and each record's person in the truth."""
    folder = work / name
    records = read_lists([folder / f"{each}.csv" for each in SETS[name][2]])
    result = link(
        [r.values for r in records],
        sources=[r.source for r in records],
        keep_pairs_above=1 / (1 + 2**-UNSCORED_WEIGHT),
    )
    weights = {(p.left, p.right): p.match_weight for p in result.pairs}
    truth = {}
    with (folder / "truth.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[(row.get("list") or row["source"], row["record_id"])] = row["person_id"]
    person = [truth[(r.source, r.record_id)] for r in records]
    return records, result, weights, person


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--set", required=True, choices=sorted(SETS))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    records, result, weights, person = linked_set(args.work, args.set)
    threshold = _weight(DEFAULT_THRESHOLD)
    members: dict[int, list[int]] = defaultdict(list)
    for index, cluster in enumerate(result.clusters):
        members[cluster].append(index)
    by_pair: Counter[tuple[str, str]] = Counter()
    kinds: Counter[str] = Counter()
    worst = []
    for group in members.values():
        false = []
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                if person[i] == person[j]:
                    continue
                weight = weights.get((min(i, j), max(i, j)))
                kind = "direct" if weight is not None and weight >= threshold else "chained"
                kinds[kind] += 1
                a, b = sorted((records[i].source, records[j].source))
                by_pair[(a, b)] += 1
                false.append((i, j, weight))
        if false:
            worst.append((len(false), group, false))
    print("false pairs by pair of lists:")
    for (a, b), count in by_pair.most_common():
        print(f"  {a} ~ {b}: {count}")
    print("joined by their own pair / only through others:", dict(kinds))
    worst.sort(key=lambda item: -item[0])
    for count, group, false in worst[: args.top]:
        print(f"\n{count} false pairs in a cluster of {len(group)}:")
        for i in group:
            values = {k: v for k, v in records[i].values.items() if v}
            print(f"  {records[i].source} {person[i]} {values}")
        for i, j, weight in false:
            shown = "None" if weight is None else f"{weight:.2f}"
            print(f"    {records[i].record_id} ~ {records[j].record_id}: {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
