"""Why the true pairs of a tuning set are missed (issue 15): the recall side of
``linkage_false_pairs``.

    .venv/bin/python bench/linkage_misses.py --work /tmp/sets --set s12-12 [--pair A~B] [--top 20]

Links the lists of one set of ``bench/linkage_sets.py`` (generated there, in ``WORK/SET``) in
this process and sorts every true pair the clusters miss into one of three causes:
- "not a candidate": no blocking rule brought the two records together, though the model,
  asked directly (``score_pairs``), weighs the pair at least as much as an unscored pair
  counts (``UNSCORED_WEIGHT``) — "(above the threshold)" when it would even have linked them:
  the blocking is to blame;
- "far below": the model weighs the pair under ``UNSCORED_WEIGHT`` (the readings or the
  weights are to blame);
- "under the threshold": scored, but too low (the model's weights are);
- "split by the clustering": scored above the threshold, and still in two clusters (a
  cannot-link rule or the average linkage kept them apart).
It prints the counts for each pair of lists, then, for the pair of lists ``--pair`` (default:
the one with the most misses), ``--top`` examples of each cause with both records' values and
the pair's weight.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.linkage_false_pairs import _weight, linked_set  # noqa: E402
from bench.linkage_sets import SETS  # noqa: E402
from mizan.linkage import score_pairs  # noqa: E402
from mizan.linkage.engine import DEFAULT_THRESHOLD, UNSCORED_WEIGHT  # noqa: E402

CAUSES = (
    "not a candidate (above the threshold)",
    "not a candidate",
    "far below",
    "under the threshold",
    "split by the clustering",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--set", required=True, choices=sorted(SETS))
    parser.add_argument("--pair", default=None, help="two list names joined by ~")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    records, result, weights, person = linked_set(args.work, args.set)
    threshold = _weight(DEFAULT_THRESHOLD)
    by_person: dict[str, list[int]] = defaultdict(list)
    for index, who in enumerate(person):
        by_person[who].append(index)
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], dict[str, list[tuple[int, int, float]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    missed: list[tuple[int, int]] = []
    for group in by_person.values():
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                if result.clusters[i] == result.clusters[j]:
                    continue
                missed.append((min(i, j), max(i, j)))
    unscored = [pair for pair in missed if pair not in weights]
    asked = score_pairs(
        [r.values for r in records],
        unscored,
        population=len(records),
        term_frequencies=result.term_frequencies,
        sources=[r.source for r in records],
    )
    direct = {pair: score.match_weight for pair, score in zip(unscored, asked, strict=True)}
    for i, j in missed:
        weight = weights.get((i, j))
        if weight is None:
            weight = direct[(i, j)]
            if weight >= threshold:
                cause = CAUSES[0]
            elif weight >= UNSCORED_WEIGHT:
                cause = CAUSES[1]
            else:
                cause = CAUSES[2]
        elif weight < threshold:
            cause = CAUSES[3]
        else:
            cause = CAUSES[4]
        lists = tuple(sorted((records[i].source, records[j].source)))
        key = (lists[0], lists[1])
        counts[key][cause] += 1
        examples[key][cause].append((i, j, weight))
    print(f"missed true pairs of {args.set}, by pair of lists and cause:")
    total: Counter[str] = Counter()
    for key, found in sorted(counts.items(), key=lambda item: -sum(item[1].values())):
        total.update(found)
        shown = " · ".join(f"{cause} {found[cause]}" for cause in CAUSES if found[cause])
        print(f"  {key[0]} ~ {key[1]}: {sum(found.values())} ({shown})")
    print("  all: " + " · ".join(f"{cause} {total[cause]}" for cause in CAUSES))
    if not counts:
        return 0
    if args.pair:
        a, _, b = args.pair.partition("~")
        chosen = (min(a, b), max(a, b))
    else:
        chosen = max(counts, key=lambda key: sum(counts[key].values()))
    for cause in CAUSES:
        found = examples[chosen][cause]
        print(f"\n{chosen[0]} ~ {chosen[1]}, {cause}: {len(found)}")
        for i, j, weight in found[: args.top]:
            print(f"  weight {weight:.2f} · clusters {result.clusters[i]} / {result.clusters[j]}")
            for index in (i, j):
                values = {k: v for k, v in records[index].values.items() if v}
                print(f"    {records[index].source}: {values}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
