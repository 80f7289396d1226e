"""Checks the invariants of set 7's output; computes no accuracy figure.

    python3 bench/independent_lists7/selftest.py [--seed 7] [--persons 20000] [--mizan PATH]

- truth.csv has one row per record of every list, and nothing else;
- record ids are unique within each list; headers are the ones the lists are meant to have;
- two runs with different PYTHONHASHSEED give byte-identical files;
- every rate recorded in stats.json is met by its draws within binomial tolerance;
- 2,000 to 3,000 records for 20,000 persons;
- with --mizan, `mizan link` runs on a 50-person generation, exits 0 and writes one
  cluster row per record (the clusters themselves are not looked at).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = ["social_media", "prison_register", "tracing_requests", "kurdish_ngo"]
HEADERS = {
    "social_media": [
        "المعرف",
        "الاسم الكامل",
        "اسم الأم",
        "العمر",
        "المواليد",
        "تاريخ الاعتقال",
        "مكان الاعتقال",
    ],
    "prison_register": [
        "م",
        "الاسم",
        "الكنية",
        "اسم الأب",
        "اسم الأم",
        "محل الولادة",
        "التولد",
        "الرقم الوطني",
    ],
    "tracing_requests": [
        "record_id",
        "full_name",
        "mother_name",
        "sex",
        "birth_year",
        "age",
        "birth_place",
    ],
    "kurdish_ngo": [
        "record_id",
        "first_name",
        "father_name",
        "family_name",
        "mother_name",
        "gender",
    ],
}


def run_generate(seed: int, persons: int, out: Path, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            "--seed",
            str(seed),
            "--persons",
            str(persons),
            "--out",
            str(out),
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def check_output(out: Path, persons: int, failures: list[str]) -> int:
    truth = read(out / "truth.csv")
    person_ids = {r["person_id"] for r in read(out / "persons.csv")}
    truth_keys = [(r["list"], r["record_id"]) for r in truth]
    if len(set(truth_keys)) != len(truth_keys):
        failures.append("truth.csv repeats a (list, record_id)")
    if any(r["person_id"] not in person_ids for r in truth):
        failures.append("truth.csv names a person missing from persons.csv")
    total = 0
    for name in LISTS:
        path = out / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        rows = read(path)
        total += len(rows)
        if rows and header[: len(HEADERS[name])] != HEADERS[name]:
            failures.append(f"{name}: header {header}")
        ids = [r[header[0]] for r in rows]
        if len(set(ids)) != len(ids) or any(not i for i in ids):
            failures.append(f"{name}: record ids empty or not unique")
        in_truth = sorted(r["record_id"] for r in truth if r["list"] == name)
        if in_truth != sorted(ids):
            failures.append(f"{name}: truth.csv does not cover exactly its records")
        if any(len(r) != len(header) or None in r for r in rows):
            failures.append(f"{name}: a row with a wrong number of cells")
    if len(truth) != total:
        failures.append(f"truth.csv has {len(truth)} rows for {total} records")
    if persons == 20000 and not 2000 <= total <= 3000:
        failures.append(f"{total} records for 20,000 persons (expected 2,000-3,000)")
    return total


def check_rates(stats: dict, failures: list[str]) -> int:
    checked = 0

    def within(key: str, rate: float, hits: int, n: int) -> None:
        nonlocal checked
        if n < 40:
            return
        checked += 1
        tol = 4 * math.sqrt(rate * (1 - rate) / n) + 0.01
        if abs(hits / n - rate) > tol:
            failures.append(
                f"{key}: observed {hits}/{n} = {hits / n:.3f}, rate {rate} (tolerance {tol:.3f})"
            )

    for stage, tally in stats["stages"].items():
        for key, t in tally.items():
            if t["kind"] == "rate":
                within(f"{stage}.{key}", t["rate"], t["applied"], t["drawn"])
            else:
                for option, rate in t["rates"].items():
                    within(f"{stage}.{key}={option}", rate, t["counts"][option], t["drawn"])
    return checked


def run_mizan(mizan: str, failures: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lists"
        run_generate(7, 50, out, "0")
        files = [out / f"{n}.csv" for n in LISTS if read(out / f"{n}.csv")]
        skipped = [n for n in LISTS if out / f"{n}.csv" not in files]
        clusters = Path(tmp) / "clusters.csv"
        proc = subprocess.run(
            [mizan, "link", *map(str, files), "--out", str(clusters)],
            capture_output=True,
            text=True,
        )
        print(
            f"mizan link on 50 persons: exit {proc.returncode}; lists {[f.stem for f in files]}"
            + (f", empty lists not passed: {skipped}" if skipped else "")
        )
        if proc.returncode != 0:
            failures.append(f"mizan link exited {proc.returncode}: {proc.stderr[-2000:]}")
            return
        rows = read(clusters)
        got = sorted((r["source"], r["record_id"]) for r in rows)
        want = sorted(
            (r["list"], r["record_id"]) for r in read(out / "truth.csv") if r["list"] not in skipped
        )
        if got != want:
            failures.append(
                f"mizan link wrote {len(got)} cluster rows for {len(want)} records (or others)"
            )
        else:
            print(f"mizan link wrote one cluster row for each of the {len(want)} records")


def main() -> int:
    ap = argparse.ArgumentParser(description="Self-test of set 7 (no scoring).")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--mizan", help="path of the mizan command, to check that `mizan link` runs")
    a = ap.parse_args()
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        one, two = Path(tmp) / "one", Path(tmp) / "two"
        run_generate(a.seed, a.persons, one, "1")
        run_generate(a.seed, a.persons, two, "random")
        names = sorted(p.name for p in one.iterdir())
        if names != sorted(p.name for p in two.iterdir()):
            failures.append("the two runs wrote different files")
        for n in names:
            if (one / n).read_bytes() != (two / n).read_bytes():
                failures.append(f"{n} differs between two runs with different PYTHONHASHSEED")
        expected = sorted([*(f"{n}.csv" for n in LISTS), "truth.csv", "persons.csv", "stats.json"])
        if names != expected:
            failures.append(f"files {names}")
        total = check_output(one, a.persons, failures)
        stats = json.loads((one / "stats.json").read_text(encoding="utf-8"))
        checked = check_rates(stats, failures)
        print(
            f"seed {a.seed}, {a.persons} persons: {total} records; "
            + ", ".join(f"{k} {v['records']}" for k, v in stats["lists"].items())
            + f"; {checked} rates checked"
        )
    if a.mizan:
        run_mizan(a.mizan, failures)
    for f in failures:
        print("FAIL:", f)
    print("selftest:", "FAILED" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
