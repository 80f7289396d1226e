"""Pairwise precision, recall and F1 of a `mizan link` clusters file against truth.csv.

    python bench/independent_lists5/score.py --truth DIR/truth.csv --clusters clusters.csv [--json]

A pair is two records. A true pair: both records are the same person in truth.csv. A predicted
pair: both records carry the same cluster_id. Figures are given overall and for every pair of
lists, including two records of the same list (`whatsapp~whatsapp`). The clusters file's
`source` is the list's file name without `.csv`, as truth.csv's `list`. A record of truth.csv
missing from the clusters file counts as alone in its own cluster (and is reported); a
clusters row not in truth.csv is reported and ignored.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def pairs_by_list_pair(groups: dict[str, Counter]) -> Counter:
    """Number of record pairs within groups, for each unordered pair of lists."""
    out: Counter = Counter()
    for counts in groups.values():
        names = sorted(counts)
        for i, a in enumerate(names):
            na = counts[a]
            out[(a, a)] += na * (na - 1) // 2
            for b in names[i + 1 :]:
                out[(a, b)] += na * counts[b]
    return out


def prf(tp: int, pred: int, true: int) -> dict[str, float | int]:
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


def score(truth_rows: list[dict[str, str]], cluster_rows: list[dict[str, str]]) -> dict:
    person = {(r["list"], r["record_id"]): r["person_id"] for r in truth_rows}
    cluster: dict[tuple[str, str], str] = {}
    unknown = 0
    for r in cluster_rows:
        key = (r["source"], r["record_id"])
        if key not in person:
            unknown += 1
            continue
        cluster[key] = r["cluster_id"]
    missing = 0
    by_person: dict[str, Counter] = defaultdict(Counter)
    by_cluster: dict[str, Counter] = defaultdict(Counter)
    by_both: dict[str, Counter] = defaultdict(Counter)
    for key, pid in person.items():
        lst = key[0]
        cid = cluster.get(key)
        if cid is None:
            missing += 1
            cid = "\x00missing:" + lst + "\x00" + key[1]
        by_person[pid][lst] += 1
        by_cluster[cid][lst] += 1
        by_both[cid + "\x01" + pid][lst] += 1
    true = pairs_by_list_pair(by_person)
    pred = pairs_by_list_pair(by_cluster)
    tp = pairs_by_list_pair(by_both)
    lists = sorted({k[0] for k in person})
    per_pair = {}
    for i, a in enumerate(lists):
        for b in lists[i:]:
            per_pair[f"{a}~{b}"] = prf(tp[(a, b)], pred[(a, b)], true[(a, b)])
    overall = prf(sum(tp.values()), sum(pred.values()), sum(true.values()))
    return {
        "records": len(person),
        "records_missing_from_clusters": missing,
        "cluster_rows_not_in_truth": unknown,
        "overall": overall,
        "pairs": per_pair,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--truth", type=Path, required=True)
    ap.add_argument("--clusters", type=Path, required=True)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args(argv)
    res = score(read_rows(a.truth), read_rows(a.clusters))
    if a.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
        sys.stdout.write("\n")
        return 0
    print(
        f"records {res['records']}, missing from clusters {res['records_missing_from_clusters']},"
        f" cluster rows not in truth {res['cluster_rows_not_in_truth']}"
    )
    fmt = "{:<28} {:>9} {:>7} {:>7} {:>10} {:>10}"
    print(fmt.format("lists", "precision", "recall", "F1", "true", "predicted"))
    rows = [("overall", res["overall"]), *res["pairs"].items()]
    for name, m in rows:
        print(
            fmt.format(
                name,
                f"{m['precision']:.4f}",
                f"{m['recall']:.4f}",
                f"{m['f1']:.4f}",
                m["true_pairs"],
                m["predicted_pairs"],
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
