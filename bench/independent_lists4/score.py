"""Pairwise precision, recall and F1 of a clustering against truth.csv.

    python bench/independent_lists4/score.py --truth DIR/truth.csv --clusters clusters.csv [--json]

truth.csv has ``list,record_id,person_id``; the clusters file is what `mizan link` writes:
``source,record_id,cluster_id,cluster_size`` (the source is the list file's name without .csv).
A pair is two records; it is true when both records are one person, predicted when both are in
one cluster. Figures are given overall and for every pair of lists, a list with itself included
(duplicates inside one list). A record of the truth missing from the clusters file counts as a
cluster of its own and is reported; a record of the clusters file unknown to the truth is an
error.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _pairs(counts: Counter[tuple[str, str]], lists: list[str]) -> dict[str, int]:
    """Pairs per list pair from counts of (group, list): sum over groups of n_a*n_b."""
    by_group: dict[str, Counter[str]] = {}
    for (group, name), n in counts.items():
        by_group.setdefault(group, Counter())[name] += n
    out = {_key(a, b): 0 for i, a in enumerate(lists) for b in lists[i:]}
    for per in by_group.values():
        names = sorted(per)
        for i, a in enumerate(names):
            na = per[a]
            out[_key(a, a)] += na * (na - 1) // 2
            for b in names[i + 1 :]:
                out[_key(a, b)] += na * per[b]
    return out


def _key(a: str, b: str) -> str:
    return f"{a}~{b}" if a <= b else f"{b}~{a}"


def _prf(tp: int, pred: int, true: int) -> dict[str, float | int | None]:
    p = tp / pred if pred else None
    r = tp / true if true else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else None
    if p == 0 or r == 0:
        f = 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": pred, "true": true}


def score(truth_rows: list[dict[str, str]], cluster_rows: list[dict[str, str]]) -> dict:
    person: dict[tuple[str, str], str] = {}
    for row in truth_rows:
        person[(row["list"], row["record_id"])] = row["person_id"]
    cluster: dict[tuple[str, str], str] = {}
    unknown: list[tuple[str, str]] = []
    repeated = 0
    for row in cluster_rows:
        key = (row["source"], row["record_id"])
        if key not in person:
            unknown.append(key)
            continue
        if key in cluster:
            repeated += 1
        cluster[key] = row["cluster_id"]
    if unknown:
        raise ValueError(f"{len(unknown)} records not in the truth, e.g. {unknown[:3]}")
    missing = [key for key in person if key not in cluster]
    for key in missing:
        cluster[key] = f"__missing__{key[0]}__{key[1]}"
    lists = sorted({name for name, _ in person})
    cell: Counter[tuple[str, str]] = Counter()
    pc: Counter[tuple[str, str]] = Counter()
    tc: Counter[tuple[str, str]] = Counter()
    for key, pid in person.items():
        cid = cluster[key]
        cell[(f"{cid}\x00{pid}", key[0])] += 1
        pc[(cid, key[0])] += 1
        tc[(pid, key[0])] += 1
    tp, pred, true = _pairs(cell, lists), _pairs(pc, lists), _pairs(tc, lists)
    per_pair = {k: _prf(tp[k], pred[k], true[k]) for k in tp}
    overall = _prf(sum(tp.values()), sum(pred.values()), sum(true.values()))
    return {
        "records": len(person),
        "records_missing_from_clusters": len(missing),
        "records_repeated_in_clusters": repeated,
        "clusters": len(set(cluster.values())),
        "persons": len(set(person.values())),
        "overall": overall,
        "pairs": per_pair,
    }


def _fmt(x: float | int | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--truth", type=Path, required=True)
    ap.add_argument("--clusters", type=Path, required=True)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        result = score(_read(args.truth), _read(args.clusters))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1, sort_keys=True))
        return 0
    print(
        f"records {result['records']}, persons {result['persons']}, "
        f"clusters {result['clusters']}, missing from clusters "
        f"{result['records_missing_from_clusters']}"
    )
    print(f"{'pair':<22}{'precision':>10}{'recall':>10}{'F1':>10}{'true pairs':>12}")
    o = result["overall"]
    print(
        f"{'overall':<22}{_fmt(o['precision']):>10}{_fmt(o['recall']):>10}{_fmt(o['f1']):>10}{o['true']:>12}"
    )
    for k, v in result["pairs"].items():
        print(
            f"{k:<22}{_fmt(v['precision']):>10}{_fmt(v['recall']):>10}{_fmt(v['f1']):>10}{v['true']:>12}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
