#!/usr/bin/env python3
"""Self-test of generate.py and score.py (standard library only).

    python bench/independent_lists/selftest.py

Generates 200 persons with seed 1, checks the CSV format, that the same seed
gives the same bytes, that the perfect clustering scores F1 = 1.0 everywhere,
and that deliberately broken clusterings score lower.
"""

import csv
import filecmp
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

HEADER = [
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
]


def run(*args):
    subprocess.run([sys.executable, *list(args)], check=True, stdout=subprocess.DEVNULL)


def write_clusters(path, mapping):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(("cluster_id", "list", "record_id"))
        for (lst, rid), cid in mapping.items():
            w.writerow((cid, lst, rid))


def main():
    tmp = tempfile.mkdtemp(prefix="mizan-indep-")
    a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
    gen = os.path.join(HERE, "generate.py")
    run(gen, "--persons", "200", "--seed", "1", "--out", a)
    run(gen, "--persons", "200", "--seed", "1", "--out", b)
    for name in ("families.csv", "ocr_documents.csv", "un_list.csv", "truth.csv"):
        assert filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False), (
            name + " not reproducible"
        )
    n_records = 0
    for name in ("families", "ocr_documents", "un_list"):
        with open(os.path.join(a, name + ".csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == HEADER, (name, rows[0])
        assert all(len(r) == len(HEADER) for r in rows), name
        n_records += len(rows) - 1
    truth_path = os.path.join(a, "truth.csv")
    truth = score.read_truth(truth_path)
    assert len(truth) == n_records

    perfect = os.path.join(tmp, "perfect.csv")
    run(os.path.join(HERE, "score.py"), "--truth", truth_path, "--truth-as-clusters", perfect)
    assign, _, _ = score.read_clusters(perfect, truth)
    res = score.score(truth, assign)
    for k, v in res.items():
        assert v["precision"] == 1.0 and v["recall"] == 1.0 and v["f1"] == 1.0, (k, v)
    print("perfect clustering: F1 {:.4f}".format(res["overall"]["f1"]))

    broken = {
        # every record alone: no pair found
        "singletons": {k: "S-{}-{}".format(*k) for k in truth},
        # same person, but never linked across lists
        "split by list": {k: f"{pid}-{k[0]}" for k, pid in truth.items()},
        # persons glued two by two: every true pair kept, many false ones
        "persons merged in pairs": {k: f"M{int(pid[1:]) // 2}" for k, pid in truth.items()},
    }
    for name, mapping in broken.items():
        path = os.path.join(tmp, "broken.csv")
        write_clusters(path, mapping)
        assign, _, _ = score.read_clusters(path, truth)
        r = score.score(truth, assign)["overall"]
        print(f"{name:<24} P {r['precision']:.4f} R {r['recall']:.4f} F1 {r['f1']:.4f}")
        assert r["f1"] < 0.99, name
    print(f"selftest ok ({tmp})")


if __name__ == "__main__":
    main()
