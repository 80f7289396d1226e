"""Self-test of the fifth independent set: reproducibility, list format, and the scorer.

    python bench/independent_lists5/selftest.py [--persons 3000]

Exits 0 when every check passes; prints each failure otherwise.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score import score  # noqa: E402

# The user guide's column names; only record_id and a name column are required.
KNOWN = {
    "record_id", "full_name", "first_name", "father_name", "grandfather_name", "family_name",
    "mother_name", "sex", "birth_year", "birth_place", "national_id", "date_of_arrest",
    "place_of_arrest", "رقم السجل", "الاسم الكامل", "الاسم", "اسم الأب", "اسم الجد", "الكنية",
    "اسم العائلة", "اسم الأم", "الجنس", "سنة الولادة", "مكان الولادة", "الرقم الوطني",
    "تاريخ الاعتقال", "مكان الاعتقال",
}  # fmt: skip
NAME_COLUMNS = {"full_name", "first_name", "family_name", "الاسم الكامل", "الاسم", "الكنية"}
ID_COLUMNS = {"record_id", "رقم السجل"}
BIDI = {chr(c) for c in (0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
LISTS = ("whatsapp", "testimonies", "fieldcourt", "prosecutor")

failures: list[str] = []


def check(cond: bool, msg: str) -> None:
    if not cond:
        failures.append(msg)
        print("FAIL:", msg)


def digest(d: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(d.iterdir()):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def gen(out: Path, seed: int, persons: int, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "--seed", str(seed), "--persons",
         str(persons), "--out", str(out)],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def check_formats(d: Path) -> None:
    truth = list(csv.DictReader((d / "truth.csv").open(encoding="utf-8", newline="")))
    persons = {
        r["person_id"]
        for r in csv.DictReader((d / "persons.csv").open(encoding="utf-8", newline=""))
    }
    truth_keys = {(r["list"], r["record_id"]) for r in truth}
    check(len(truth_keys) == len(truth), "truth.csv has a repeated (list, record_id)")
    check(all(r["person_id"] in persons for r in truth), "truth.csv names an unknown person")
    seen: set[tuple[str, str]] = set()
    for name in LISTS:
        raw = (d / f"{name}.csv").read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            check(False, f"{name}.csv is not UTF-8")
            continue
        check(not (set(text) & BIDI), f"{name}.csv carries a direction-control character")
        rows = list(csv.reader(text.splitlines()))
        header = rows[0]
        check(len(set(header)) == len(header), f"{name}.csv repeats a column")
        ids = [h for h in header if h in ID_COLUMNS]
        check(len(ids) == 1, f"{name}.csv needs one record id column")
        check(bool(set(header) & NAME_COLUMNS), f"{name}.csv has no name column")
        check(bool(set(header) & KNOWN), f"{name}.csv uses none of the guide's columns")
        idx = header.index(ids[0])
        rids = [r[idx] for r in rows[1:]]
        check(all(len(r) == len(header) for r in rows), f"{name}.csv has a row of another width")
        check(all(rids), f"{name}.csv has an empty record id")
        check(len(set(rids)) == len(rids), f"{name}.csv repeats a record id")
        seen |= {(name, r) for r in rids}
        # every value the guide reads as a year is four digits when not empty (OCR'd ones may
        # be implausible, which the guide flags and does not refuse)
        for col in ("birth_year", "سنة الولادة"):
            if col in header:
                j = header.index(col)
                vals = [r[j] for r in rows[1:] if r[j]]
                check(all(len(v) == 4 for v in vals), f"{name}.csv {col} not four characters")
    check(seen == truth_keys, "truth.csv and the lists do not hold the same records")
    stats = json.loads((d / "stats.json").read_text(encoding="utf-8"))
    check(stats["records_total"] == len(truth), "stats.json records_total disagrees")
    for name in LISTS:
        check(name in stats["lists"], f"stats.json lacks {name}")


def t(rows: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    return [{"list": a, "record_id": b, "person_id": c} for a, b, c in rows]


def c(rows: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    return [{"source": a, "record_id": b, "cluster_id": c, "cluster_size": ""} for a, b, c in rows]


def check_scorer() -> None:
    truth = t([("a", "1", "p"), ("b", "1", "p"), ("b", "2", "p"), ("a", "2", "q"), ("b", "3", "r")])
    # perfect
    res = score(truth, c([("a", "1", "x"), ("b", "1", "x"), ("b", "2", "x"), ("a", "2", "y"),
                          ("b", "3", "z")]))  # fmt: skip
    check(res["overall"]["f1"] == 1.0, "scorer: perfect clustering is not F1 1")
    check(res["overall"]["true_pairs"] == 3, "scorer: three true pairs expected")
    check(res["pairs"]["b~b"]["true_pairs"] == 1, "scorer: one within-list pair in b")
    check(res["pairs"]["a~b"]["true_pairs"] == 2, "scorer: two a~b pairs")
    # all singletons
    res = score(truth, c([(x, y, x + y) for x, y, _ in [(r["list"], r["record_id"], "") for r in
                                                       truth]]))  # fmt: skip
    check(res["overall"]["recall"] == 0.0, "scorer: singletons have recall 0")
    check(res["overall"]["precision"] == 1.0, "scorer: no predicted pairs is precision 1")
    # everything together: 10 predicted pairs, 3 correct
    res = score(truth, c([(r["list"], r["record_id"], "k") for r in truth]))
    o = res["overall"]
    check((o["predicted_pairs"], o["correct_pairs"]) == (10, 3), "scorer: one big cluster")
    check(o["precision"] == 0.3 and o["recall"] == 1.0, "scorer: one big cluster P/R")
    # one record missing from the clusters file; one unknown row
    res = score(truth, c([("a", "1", "x"), ("b", "1", "x"), ("a", "2", "y"), ("b", "3", "z"),
                          ("c", "9", "x")]))  # fmt: skip
    check(res["records_missing_from_clusters"] == 1, "scorer: missing record not counted")
    check(res["cluster_rows_not_in_truth"] == 1, "scorer: unknown row not counted")
    o = res["overall"]
    check((o["correct_pairs"], o["predicted_pairs"]) == (1, 1), "scorer: missing is alone")
    check(abs(o["recall"] - 1 / 3) < 1e-3, "scorer: recall 1/3 expected")
    # a wrong join across lists only
    res = score(truth, c([("a", "1", "x"), ("b", "1", "x"), ("b", "2", "x"), ("a", "2", "x"),
                          ("b", "3", "z")]))  # fmt: skip
    ab = res["pairs"]["a~b"]
    check((ab["predicted_pairs"], ab["correct_pairs"]) == (4, 2), "scorer: a~b counts")
    aa = res["pairs"]["a~a"]
    check((aa["predicted_pairs"], aa["correct_pairs"], aa["precision"]) == (1, 0, 0.0),
          "scorer: a~a wrong pair")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=3000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d1, d2, d3 = Path(tmp, "1"), Path(tmp, "2"), Path(tmp, "3")
        gen(d1, 5, a.persons, "0")
        gen(d2, 5, a.persons, "12345")
        gen(d3, 6, a.persons, "0")
        check(digest(d1) == digest(d2), "same seed, other PYTHONHASHSEED: bytes differ")
        check(digest(d1) != digest(d3), "another seed gives the same bytes")
        check_formats(d1)
        check_formats(d3)
        # truth scored against itself is perfect
        truth = list(csv.DictReader((d1 / "truth.csv").open(encoding="utf-8", newline="")))
        res = score(truth, c([(r["list"], r["record_id"], r["person_id"]) for r in truth]))
        check(res["overall"]["f1"] == 1.0, "truth as clusters is not F1 1")
    check_scorer()
    print("selftest:", "OK" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
