"""Pairwise precision, recall and F1 of a clustering against truth.csv.

    python bench/independent_lists3/score.py --truth DIR/truth.csv --clusters clusters.csv [--json]

The clusters file is `mizan link`'s output (columns source, record_id, cluster_id, ...; the
source is the list's file name without .csv). A record of the truth missing from the clusters
file counts as a cluster of its own and is reported. Figures are given overall and per pair of
lists, within each list too (committees~committees: near-duplicates inside one list).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from itertools import combinations_with_replacement
from pathlib import Path


def read_truth(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {(r["list"], r["record_id"]): r["person_id"] for r in csv.DictReader(fh)}


def read_clusters(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return {(r["source"], r["record_id"]): r["cluster_id"] for r in csv.DictReader(fh)}


def _pairs(groups: dict[str, Counter]) -> Counter:
    """Pairs per (list, list) key, summed over groups whose members are counted by list."""
    out: Counter = Counter()
    for by_list in groups.values():
        names = sorted(by_list)
        for a, b in combinations_with_replacement(names, 2):
            if a == b:
                n = by_list[a]
                out[(a, a)] += n * (n - 1) // 2
            else:
                out[(a, b)] += by_list[a] * by_list[b]
    return out


def score(truth: dict[tuple[str, str], str], clusters: dict[tuple[str, str], str]) -> dict:
    missing = [k for k in truth if k not in clusters]
    unknown = [k for k in clusters if k not in truth]
    true_g: dict[str, Counter] = defaultdict(Counter)
    pred_g: dict[str, Counter] = defaultdict(Counter)
    both_g: dict[str, Counter] = defaultdict(Counter)
    for key, person in truth.items():
        lst = key[0]
        cluster = clusters.get(key, f"\x00missing:{key[0]}:{key[1]}")
        true_g[person][lst] += 1
        pred_g[cluster][lst] += 1
        both_g[f"{cluster}\x01{person}"][lst] += 1
    tp, t, p = _pairs(both_g), _pairs(true_g), _pairs(pred_g)

    def figures(tp_n: int, t_n: int, p_n: int) -> dict:
        prec = tp_n / p_n if p_n else 1.0
        rec = tp_n / t_n if t_n else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {
            "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "true_pairs": t_n, "predicted_pairs": p_n, "correct_pairs": tp_n,
        }  # fmt: skip

    keys = sorted(set(t) | set(p))
    return {
        "records": len(truth),
        "persons": len(true_g),
        "clusters": len(pred_g),
        "records_missing_from_clusters": len(missing),
        "records_unknown_to_truth": len(unknown),
        "overall": figures(sum(tp.values()), sum(t.values()), sum(p.values())),
        "by_pair": {f"{a}~{b}": figures(tp[(a, b)], t[(a, b)], p[(a, b)]) for a, b in keys},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--truth", type=Path, required=True)
    ap.add_argument("--clusters", type=Path, required=True)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    result = score(read_truth(a.truth), read_clusters(a.clusters))
    if a.json:
        json.dump(result, sys.stdout, indent=1, sort_keys=True)
        print()
        return 0
    print(
        f"{result['records']} records, {result['persons']} persons, {result['clusters']} clusters"
        f" ({result['records_missing_from_clusters']} records missing from the clusters file)"
    )
    print(f"{'pair':34} {'precision':>9} {'recall':>7} {'F1':>7} {'true pairs':>10}")
    rows = [("overall", result["overall"]), *result["by_pair"].items()]
    for name, f in rows:
        print(
            f"{name:34} {f['precision']:9.4f} {f['recall']:7.4f} {f['f1']:7.4f}"
            f" {f['true_pairs']:10d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
