#!/usr/bin/env python3
"""Pairwise precision, recall and F1 against truth.csv, overall and per pair of lists.

    python bench/independent_lists2/score.py --truth DIR/truth.csv --clusters clusters.csv [--json]

truth.csv: list,record_id,person_id. The clusters file is what `mizan link` writes
(source,record_id,cluster_id[,cluster_size]); `list` may stand for `source`. A record of the
truth missing from the clusters counts as a cluster of its own (and is reported); a clustered
record absent from the truth is an error.
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
    with path.open(encoding="utf-8-sig", newline="") as f:
        return {(r["list"], r["record_id"]): r["person_id"] for r in csv.DictReader(f)}


def read_clusters(path: Path) -> dict[tuple[str, str], str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames or []
        src = "source" if "source" in fields else "list"
        if src not in fields or "record_id" not in fields or "cluster_id" not in fields:
            raise SystemExit(f"{path}: needs source (or list), record_id, cluster_id; has {fields}")
        out: dict[tuple[str, str], str] = {}
        for r in reader:
            key = (r[src], r["record_id"])
            if key in out:
                raise SystemExit(f"{path}: record {key} appears twice")
            out[key] = r["cluster_id"]
        return out


def _pairs(counts: dict[str, Counter[str]], a: str, b: str) -> int:
    total = 0
    for c in counts.values():
        if a == b:
            n = c.get(a, 0)
            total += n * (n - 1) // 2
        else:
            total += c.get(a, 0) * c.get(b, 0)
    return total


def _prf(tp: int, pred: int, true: int) -> dict[str, float | int]:
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "true_pairs": true,
        "predicted_pairs": pred,
        "correct_pairs": tp,
    }


def score(truth: dict[tuple[str, str], str], clusters: dict[tuple[str, str], str]) -> dict:  # type: ignore[type-arg]
    unknown = [k for k in clusters if k not in truth]
    if unknown:
        raise SystemExit(f"{len(unknown)} clustered records not in the truth, e.g. {unknown[:3]}")
    missing = [k for k in truth if k not in clusters]
    by_cluster: dict[str, Counter[str]] = defaultdict(Counter)
    by_person: dict[str, Counter[str]] = defaultdict(Counter)
    by_cell: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for key, person in truth.items():
        lst = key[0]
        cluster = clusters.get(key, f"__alone__{key[0]}/{key[1]}")
        by_cluster[cluster][lst] += 1
        by_person[person][lst] += 1
        by_cell[(cluster, person)][lst] += 1
    lists = sorted({k[0] for k in truth})
    per_pair = {}
    tp_all = pred_all = true_all = 0
    for a, b in combinations_with_replacement(lists, 2):
        tp = _pairs(by_cell, a, b)  # type: ignore[arg-type]
        pred = _pairs(by_cluster, a, b)
        true = _pairs(by_person, a, b)
        per_pair[f"{a}~{b}"] = _prf(tp, pred, true)
        tp_all, pred_all, true_all = tp_all + tp, pred_all + pred, true_all + true
    return {
        "records": len(truth),
        "records_missing_from_clusters": len(missing),
        "clusters": len(by_cluster),
        "persons": len(by_person),
        "overall": _prf(tp_all, pred_all, true_all),
        "per_list_pair": per_pair,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, required=True)
    ap.add_argument("--clusters", type=Path, required=True)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args(argv)
    res = score(read_truth(a.truth), read_clusters(a.clusters))
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    o = res["overall"]
    print(
        f"records {res['records']}  persons {res['persons']}  clusters {res['clusters']}"
        f"  missing from clusters {res['records_missing_from_clusters']}"
    )
    print(f"{'pair':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'true':>8}{'found':>8}")
    rows = [("overall", o), *res["per_list_pair"].items()]
    for name, m in rows:
        print(
            f"{name:<22}{m['precision']:>10.4f}{m['recall']:>8.4f}{m['f1']:>8.4f}"
            f"{m['true_pairs']:>8}{m['predicted_pairs']:>8}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
