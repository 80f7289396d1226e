"""Checks on the sixth independent set (no scoring of any engine here).

    python bench/independent_lists6/selftest.py [--persons 3000] [--mizan .venv/bin/mizan]

1. Determinism: the generator run under two PYTHONHASHSEED values gives the same bytes.
2. Truth: every record of every list is in truth.csv exactly once, and nothing else is;
   every person id in truth is in persons.csv.
3. The files follow the rules the user guide documents for `mizan link` lists (UTF-8, a
   record id column and a name column, unique non-empty ids, as many cells as the header,
   quotes closed, no direction-control characters, documented date and sex forms).
4. With ``--mizan``: `mizan link` on a 50-person generation exits 0 and writes one cluster
   row per record.  Only acceptance is checked; the clusters are not compared with truth.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = ["families_merged", "amnesty_release", "burial_documents", "court_eu"]
ID_COLUMNS = ["record_id", "رقم السجل"]
NAME_COLUMNS = [
    "full_name",
    "first_name",
    "family_name",
    "الاسم الكامل",
    "الاسم",
    "الكنية",
    "اسم العائلة",
]
DATE_COLUMNS = ["date_of_arrest", "تاريخ الاعتقال"]
SEX_COLUMNS = ["sex", "الجنس"]
SEX_VALUES = {"", "M", "F", "male", "female", "ذكر", "أنثى"}
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_D = "[0-9٠-٩]"
DATE_FORMS = re.compile(
    rf"^(|{_D}{{4}}|{_D}{{4}}-{_D}{{2}}|{_D}{{4}}-{_D}{{2}}-{_D}{{2}}|{_D}{{2}}/{_D}{{2}}/{_D}{{4}})$"
)


def generate(out: Path, seed: int, persons: int, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [
        sys.executable,
        str(HERE / "generate.py"),
        "--seed",
        str(seed),
        "--persons",
        str(persons),
        "--out",
        str(out),
    ]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def read_list(path: Path) -> tuple[list[str], list[list[str]]]:
    text = path.read_bytes().decode("utf-8")  # raises on bytes that are not UTF-8
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
    return rows[0], rows[1:]


def check_list(path: Path) -> tuple[str, list[str]]:
    """Return the id column's name and the record ids; raise AssertionError on a rule broken."""
    header, rows = read_list(path)
    id_cols = [c for c in header if c in ID_COLUMNS]
    assert len(id_cols) == 1, f"{path.name}: one record id column expected, got {id_cols}"
    assert any(c in NAME_COLUMNS for c in header), f"{path.name}: no name column"
    id_col = header.index(id_cols[0])
    ids = []
    for line, row in enumerate(rows, 2):
        assert len(row) == len(header), (
            f"{path.name}:{line}: {len(row)} cells for {len(header)} columns"
        )
        assert row[id_col].strip(), f"{path.name}:{line}: empty record id"
        for value in row:
            assert not BIDI.search(value), f"{path.name}:{line}: direction-control character"
            assert '"' not in value or value.count('"') % 2 == 0, f"{path.name}:{line}: stray quote"
        for col in DATE_COLUMNS:
            if col in header:
                value = row[header.index(col)]
                assert DATE_FORMS.match(value), (
                    f"{path.name}:{line}: date {value!r} not in a documented form"
                )
        for col in SEX_COLUMNS:
            if col in header:
                assert row[header.index(col)] in SEX_VALUES, (
                    f"{path.name}:{line}: sex {row[header.index(col)]!r}"
                )
        ids.append(row[id_col])
    assert len(ids) == len(set(ids)), f"{path.name}: repeated record ids"
    return id_cols[0], ids


def check_truth(folder: Path) -> None:
    with (folder / "persons.csv").open(encoding="utf-8", newline="") as fh:
        persons = {r["person_id"] for r in csv.DictReader(fh)}
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as fh:
        truth = list(csv.DictReader(fh))
    assert truth and list(truth[0]) == ["list", "record_id", "person_id"], "truth.csv header"
    keys = [(t["list"], t["record_id"]) for t in truth]
    assert len(keys) == len(set(keys)), "a record appears twice in truth.csv"
    assert all(t["person_id"] in persons for t in truth), "truth names a person not in persons.csv"
    for name in LISTS:
        _, ids = check_list(folder / f"{name}.csv")
        in_truth = sorted(r for lst, r in keys if lst == name)
        assert in_truth == sorted(ids), (
            f"{name}: truth does not cover the list's records exactly once"
        )
    assert {lst for lst, _ in keys} <= set(LISTS), "truth names an unknown list"


def check_mizan(mizan: str, tmp: Path) -> None:
    folder = tmp / "m50"
    generate(folder, 5, 50, "0")  # seed 5 is a 50-person generation with records in all four lists
    files = [str(folder / f"{n}.csv") for n in LISTS]
    out = tmp / "m50out"
    out.mkdir()
    proc = subprocess.run(
        [mizan, "link", *files, "--out", str(out / "clusters.csv")], capture_output=True, text=True
    )
    assert proc.returncode == 0, f"mizan link refused the lists:\n{proc.stderr}"
    with (out / "clusters.csv").open(encoding="utf-8-sig", newline="") as fh:
        got = sorted((r["source"], r["record_id"]) for r in csv.DictReader(fh))
    with (folder / "truth.csv").open(encoding="utf-8", newline="") as fh:
        want = sorted((r["list"], r["record_id"]) for r in csv.DictReader(fh))
    assert got == want, "mizan link did not write exactly one cluster row per record"
    print(f"mizan link accepted the 50-person generation: {len(got)} records, one row each")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument(
        "--mizan", help="path of the mizan command, to check acceptance on 50 persons"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        generate(tmp / "a", args.seed, args.persons, "0")
        generate(tmp / "b", args.seed, args.persons, "4242")
        assert digest(tmp / "a") == digest(tmp / "b"), "output depends on PYTHONHASHSEED"
        print(f"deterministic: {len(digest(tmp / 'a'))} files identical under two hash seeds")
        check_truth(tmp / "a")
        print("truth covers every record exactly once; every list follows the documented rules")
        generate(tmp / "c", args.seed + 1, args.persons, "1")
        assert digest(tmp / "c") != digest(tmp / "a"), "another seed gives the same files"
        if args.mizan:
            check_mizan(args.mizan, tmp)
    print("selftest passed")


if __name__ == "__main__":
    main()
