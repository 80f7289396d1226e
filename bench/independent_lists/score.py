#!/usr/bin/env python3
"""Pairwise precision / recall / F1 of a clustering against truth.csv.

    python score.py --truth DIR/truth.csv --clusters clusters.csv [--json]
    python score.py --truth DIR/truth.csv --truth-as-clusters perfect.csv

clusters.csv has the header ``cluster_id,list,record_id``; ``list`` is one of
families, ocr_documents, un_list (the CSV file name without .csv).  A record
of truth.csv that is missing from clusters.csv counts as a singleton; a record
in clusters.csv that truth.csv does not know is reported and ignored; a record
given twice is an error.

A pair is two records of the same cluster (predicted) or of the same person
(true).  Scores are given overall and per pair of lists: families-ocr,
families-un, ocr-un, and within each list.  Standard library only.
"""

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict

LISTS = ("families", "ocr_documents", "un_list")
SHORT = {"families": "families", "ocr_documents": "ocr", "un_list": "un"}


def read_truth(path):
    truth = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            truth[(row["list"], row["record_id"])] = row["person_id"]
    return truth


def read_clusters(path, truth):
    assign = {}
    unknown = 0
    with open(path, encoding="utf-8", newline="") as fh:
        rd = csv.DictReader(fh)
        missing = {"cluster_id", "list", "record_id"} - set(rd.fieldnames or ())
        if missing:
            sys.exit("clusters file lacks column(s): {}".format(", ".join(sorted(missing))))
        for row in rd:
            key = (row["list"], row["record_id"])
            if key not in truth:
                unknown += 1
                continue
            if key in assign:
                sys.exit("record {}/{} is in two clusters".format(*key))
            assign[key] = row["cluster_id"]
    n_missing = 0
    for key in truth:
        if key not in assign:
            assign[key] = ("__singleton__", *key)
            n_missing += 1
    return assign, unknown, n_missing


def c2(n):
    return n * (n - 1) // 2


def pair_counts(groups):
    """groups: iterable of Counter(list -> n).  Returns Counter(pair-kind -> pairs)."""
    out = Counter()
    for g in groups:
        ls = [name for name in LISTS if g.get(name)]
        for i, a in enumerate(ls):
            out[(a, a)] += c2(g[a])
            for b in ls[i + 1 :]:
                out[(a, b)] += g[a] * g[b]
    return out


def score(truth, assign):
    by_person = defaultdict(Counter)
    by_cluster = defaultdict(Counter)
    by_cell = defaultdict(Counter)
    for key, pid in truth.items():
        lst = key[0]
        cid = assign[key]
        by_person[pid][lst] += 1
        by_cluster[cid][lst] += 1
        by_cell[(cid, pid)][lst] += 1
    true_p = pair_counts(by_person.values())
    pred_p = pair_counts(by_cluster.values())
    tp = pair_counts(by_cell.values())
    kinds = [
        ("families", "ocr_documents"),
        ("families", "un_list"),
        ("ocr_documents", "un_list"),
        ("families", "families"),
        ("ocr_documents", "ocr_documents"),
        ("un_list", "un_list"),
    ]

    def prf(t, p, ok):
        prec = ok / p if p else 1.0
        rec = ok / t if t else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {
            "true_pairs": t,
            "predicted_pairs": p,
            "correct_pairs": ok,
            "precision": prec,
            "recall": rec,
            "f1": f1,
        }

    res = {"overall": prf(sum(true_p.values()), sum(pred_p.values()), sum(tp.values()))}
    for a, b in kinds:
        name = (f"{SHORT[a]}-{SHORT[b]}") if a != b else f"within-{SHORT[a]}"
        res[name] = prf(true_p[(a, b)], pred_p[(a, b)], tp[(a, b)])
    w = [(a, a) for a in LISTS]
    res["within-list"] = prf(
        sum(true_p[k] for k in w), sum(pred_p[k] for k in w), sum(tp[k] for k in w)
    )
    x = [k for k in kinds if k[0] != k[1]]
    res["across-lists"] = prf(
        sum(true_p[k] for k in x), sum(pred_p[k] for k in x), sum(tp[k] for k in x)
    )
    return res


def truth_as_clusters(truth, out):
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("cluster_id", "list", "record_id"))
        for (lst, rid), pid in sorted(truth.items()):
            w.writerow(("C-" + pid, lst, rid))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--truth", required=True, help="truth.csv written by generate.py")
    ap.add_argument("--clusters", help="cluster_id,list,record_id CSV to score")
    ap.add_argument(
        "--truth-as-clusters",
        metavar="OUT",
        help="write the perfect clustering (one cluster per person) to OUT and exit",
    )
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    a = ap.parse_args(argv)
    truth = read_truth(a.truth)
    if a.truth_as_clusters:
        truth_as_clusters(truth, a.truth_as_clusters)
        print(
            f"wrote {len(truth)} records in {len(set(truth.values()))} clusters"
            f" to {a.truth_as_clusters}"
        )
        return 0
    if not a.clusters:
        ap.error("--clusters or --truth-as-clusters is required")
    assign, unknown, n_missing = read_clusters(a.clusters, truth)
    res = score(truth, assign)
    res["records"] = len(truth)
    res["records_missing_from_clusters"] = n_missing
    res["records_unknown_to_truth"] = unknown
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    print(
        f"records {len(truth)} (missing from clusters, counted as singletons: {n_missing};"
        f" unknown, ignored: {unknown})"
    )
    print(
        f"{'pairs':<16} {'true':>10} {'predicted':>10} {'correct':>10}"
        f" {'precision':>9} {'recall':>9} {'F1':>9}"
    )
    for k, v in res.items():
        if not isinstance(v, dict):
            continue
        print(
            f"{k:<16} {v['true_pairs']:>10} {v['predicted_pairs']:>10}"
            f" {v['correct_pairs']:>10} {v['precision']:>9.4f} {v['recall']:>9.4f}"
            f" {v['f1']:>9.4f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
