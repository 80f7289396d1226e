"""Self-test of the fourth independent set: reproducibility, list format, scorer.

    python bench/independent_lists4/selftest.py [--persons 3000]

1. Reproducibility: two runs of generate.py with the same seed and size, under two different
   PYTHONHASHSEED values, write the same bytes in every file; another seed writes other bytes.
2. Format: every list is UTF-8, has one header row of column names the user guide knows (plus
   columns the engine ignores), a record id column with unique non-empty ids, the same number of
   cells on every row, no direction-control characters; truth.csv names every record once,
   every person id is in persons.csv, and stats.json's counts agree with the files.
3. Scorer, on hand-made cases: perfect clustering gives 1.0 everywhere; all singletons give
   recall 0; one cluster of everything gives recall 1 and the precision expected; a record
   missing from the clusters file is reported; a record unknown to the truth is an error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import score as S

HERE = Path(__file__).resolve().parent

LISTS = ("families", "official", "un", "turkiye")
FILES = (*(f"{n}.csv" for n in LISTS), "truth.csv", "persons.csv", "stats.json")
GUIDE_EN = {
    "record_id", "full_name", "first_name", "father_name", "grandfather_name", "family_name",
    "mother_name", "sex", "birth_year", "birth_place", "national_id", "date_of_arrest",
    "place_of_arrest",
}  # fmt: skip
GUIDE_AR = {
    "رقم السجل", "الاسم الكامل", "الاسم", "اسم الأب", "اسم الجد", "الكنية", "اسم العائلة",
    "اسم الأم", "الجنس", "سنة الولادة", "مكان الولادة", "الرقم الوطني", "تاريخ الاعتقال",
    "مكان الاعتقال",
}  # fmt: skip
NAME_COLUMNS = GUIDE_EN - {"record_id", "sex", "birth_year", "birth_place", "national_id"}
NAME_COLUMNS |= {"الاسم الكامل", "الاسم", "الكنية", "اسم العائلة"}
BIDI = {chr(c) for c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
SEX_VALUES = {"", "M", "F", "male", "female", "ذكر", "أنثى"}

failures: list[str] = []


def check(cond: bool, what: str) -> None:
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(seed: int, persons: int, out: Path, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            *("--seed", str(seed), "--persons", str(persons), "--out", str(out)),
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def reproducibility(tmp: Path, persons: int) -> Path:
    a, b, c = tmp / "a", tmp / "b", tmp / "c"
    run(4, persons, a, "0")
    run(4, persons, b, "12345")
    run(5, persons, c, "0")
    for name in FILES:
        same = (a / name).read_bytes() == (b / name).read_bytes()
        check(same, f"{name}: same bytes under PYTHONHASHSEED 0 and 12345")
    check((a / "un.csv").read_bytes() != (c / "un.csv").read_bytes(), "another seed, other lists")
    return a


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # raises if not UTF-8
    text = text.removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return rows[0], rows[1:]


def formats(out: Path) -> None:
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    truth_h, truth = read_csv(out / "truth.csv")
    check(truth_h == ["list", "record_id", "person_id"], "truth.csv header")
    _, persons = read_csv(out / "persons.csv")
    pids = {r[0] for r in persons}
    check(len(pids) == len(persons) == stats["persons"], "persons.csv: one row per person")
    check(all(r[2] in pids for r in truth), "truth.csv: every person id is in persons.csv")
    truth_keys = [(r[0], r[1]) for r in truth]
    check(len(set(truth_keys)) == len(truth_keys), "truth.csv: every record once")
    check(len(truth) == stats["records_total"], "truth.csv: as many rows as stats.records_total")
    for name in LISTS:
        header, rows = read_csv(out / f"{name}.csv")
        known = [h for h in header if h in GUIDE_EN or h in GUIDE_AR]
        check(len(set(header)) == len(header), f"{name}: no repeated column")
        check(header[0] in ("record_id", "رقم السجل"), f"{name}: record id column first")
        check(any(h in NAME_COLUMNS for h in header), f"{name}: a name column")
        check(
            all((h in GUIDE_EN) == (header[0] == "record_id") for h in known),
            f"{name}: guide columns all English or all Arabic",
        )
        check(all(len(r) == len(header) for r in rows), f"{name}: same cell count on every row")
        ids = [r[0] for r in rows]
        check(all(ids) and len(set(ids)) == len(ids), f"{name}: record ids non-empty and unique")
        check(
            sorted(ids) == sorted(rid for lst, rid in truth_keys if lst == name),
            f"{name}: truth.csv names exactly its records",
        )
        check(len(rows) == stats["counts"][f"{name}_records"], f"{name}: count in stats.json")
        flat = "".join("".join(r) for r in rows)
        check(not (set(flat) & BIDI), f"{name}: no direction-control character")
        check('"' not in flat, f"{name}: no stray quote inside a value")
        sex_col = next((i for i, h in enumerate(header) if h in ("sex", "الجنس")), None)
        if sex_col is not None:
            bad = {r[sex_col] for r in rows} - SEX_VALUES
            check(not bad, f"{name}: sex values the guide accepts {sorted(bad)[:3]}")
        check(len(rows) > 0, f"{name}: not empty")
    pairs = stats["true_pairs"]
    check(sum(pairs.values()) > 0, "stats.json: true pairs counted")


def scorer() -> None:
    truth = [
        {"list": "a", "record_id": "1", "person_id": "p"},
        {"list": "a", "record_id": "2", "person_id": "p"},
        {"list": "b", "record_id": "1", "person_id": "p"},
        {"list": "b", "record_id": "2", "person_id": "q"},
        {"list": "c", "record_id": "1", "person_id": "q"},
        {"list": "c", "record_id": "2", "person_id": "r"},
    ]

    def clusters(assign: dict[tuple[str, str], str]) -> list[dict[str, str]]:
        return [
            {"source": s, "record_id": r, "cluster_id": cid, "cluster_size": "0"}
            for (s, r), cid in assign.items()
        ]

    keys = [(t["list"], t["record_id"]) for t in truth]
    perfect = S.score(truth, clusters({(t["list"], t["record_id"]): t["person_id"] for t in truth}))
    o = perfect["overall"]
    check(o["precision"] == o["recall"] == o["f1"] == 1.0, "scorer: perfect clustering = 1.0")
    check(o["true"] == 4, "scorer: 4 true pairs (3 for p, 1 for q)")
    check(perfect["pairs"]["a~a"]["true"] == 1, "scorer: a~a has the within-list duplicate")
    check(perfect["pairs"]["a~b"]["true"] == 2, "scorer: a~b has 2 true pairs")
    check(perfect["pairs"]["b~c"]["true"] == 1, "scorer: b~c has 1 true pair")
    single = S.score(truth, clusters({k: f"{k[0]}{k[1]}" for k in keys}))
    o = single["overall"]
    check(o["recall"] == 0.0 and o["precision"] is None, "scorer: all singletons = recall 0")
    check(o["f1"] == 0.0, "scorer: all singletons = F1 0")
    one = S.score(truth, clusters(dict.fromkeys(keys, "x")))
    o = one["overall"]
    check(o["recall"] == 1.0 and abs(o["precision"] - 4 / 15) < 1e-12, "scorer: one big cluster")
    half = {k: t["person_id"] for k, t in zip(keys, truth, strict=True)}
    half[("a", "2")] = "other"  # breaks 2 of p's 3 pairs
    h = S.score(truth, clusters(half))
    check(h["overall"]["recall"] == 0.5 and h["overall"]["precision"] == 1.0, "scorer: recall 1/2")
    check(h["pairs"]["a~b"]["recall"] == 0.5, "scorer: a~b recall 1/2")
    del half[("c", "2")]
    m = S.score(truth, clusters(half))
    check(m["records_missing_from_clusters"] == 1, "scorer: a missing record is reported")
    bad = [*clusters(half), {"source": "z", "record_id": "9", "cluster_id": "1"}]
    try:
        S.score(truth, bad)
        check(False, "scorer: an unknown record is an error")
    except ValueError:
        check(True, "scorer: an unknown record is an error")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--persons", type=int, default=3000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lists4-selftest-") as tmp:
        out = reproducibility(Path(tmp), args.persons)
        formats(out)
    scorer()
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
