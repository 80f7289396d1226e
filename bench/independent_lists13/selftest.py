"""The generator's own invariants for independent linkage test set 13 (about 10 s).

    python3 bench/independent_lists13/selftest.py

Checks determinism, the files' structure, the scripts of each list, the form rates against
generate.EXPECTED, and the invented population. Says nothing about any engine.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate as g  # noqa: E402

ARABIC = re.compile(r"[\u0600-\u06ff]")
BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
NAME_COLUMNS = {"full_name", "first_name", "family_name", "الاسم", "الاسم الكامل", "الكنية"}
FAILURES: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def run(seed: int, persons: int, out: Path, hashseed: str) -> None:
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
    )


def files_of(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = Path(tmp) / "a", Path(tmp) / "b", Path(tmp) / "c"
        run(13, 20000, a, "0")
        run(13, 20000, b, "4242")
        run(14, 3000, c, "0")
        fa = files_of(a)
        check(fa == files_of(b), "same seed, byte-identical files under two PYTHONHASHSEEDs")
        check(fa["truth.csv"] != files_of(c)["truth.csv"], "another seed gives other files")
        check(
            sorted(fa) == sorted([f"{n}.csv" for n in g.LISTS] + ["truth.csv", "persons.csv"]),
            "the six files, and only those",
        )
        check_files(a)
    check_rates_and_people()
    check_units()
    print(f"\n{len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


def check_files(d: Path) -> None:
    _, truth = read(d / "truth.csv")
    by_list: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for lst, rid, pid in truth:
        by_list[lst].append((rid, pid))
    total = 0
    for name in g.LISTS:
        header, rows = read(d / f"{name}.csv")
        total += len(rows)
        ids = [r[0] for r in rows]
        check([rid for rid, _ in by_list[name]] == ids, f"{name}: truth follows the list's rows")
        check(all(ids) and len(set(ids)) == len(ids), f"{name}: record ids unique and non-empty")
        check(all(len(r) == len(header) for r in rows), f"{name}: every row has the header's cells")
        check(
            not any(BIDI.search(cell) for r in rows for cell in r),
            f"{name}: no direction-control character",
        )
        check(bool(NAME_COLUMNS & set(header)), f"{name}: has a name column")
        names = [
            " ".join(cell for h, cell in zip(header, r, strict=True) if h in NAME_COLUMNS)
            for r in rows
        ]
        if name in ("resettlement_na", "gr_asylum"):
            check(not any(ARABIC.search(n) for n in names), f"{name}: no Arabic letter in names")
        else:
            check(all(ARABIC.search(n) for n in names), f"{name}: every record has an Arabic name")
        persons = {pid for _, pid in by_list[name]}
        check(len(persons) < len(rows), f"{name}: repeats some person ({len(rows) - len(persons)})")
    check(len(truth) == total, "truth has one row per record, and no other")
    check(3500 <= total <= 5500, f"records at seed 13: {total} in 3,500-5,500")
    listed = {pid for _, _, pid in truth}
    check(2000 <= len(listed) <= 3500, f"listed persons at seed 13: {len(listed)} in 2,000-3,500")


def check_rates_and_people() -> None:
    pop, writers = g.generate(13, 20000)
    for w in writers:
        n = len(w.rows)
        for form, nominal in g.EXPECTED[w.name].items():
            rate = w.forms[form] / n
            tol = 0.3 * nominal + 0.01
            check(abs(rate - nominal) <= tol, f"{w.name}: {form} {rate:.3f} ~ {nominal}")
    persons = {p.pid: p for p in pop.persons}
    listed = [p for p in pop.persons if p.lists]
    check(all(p.arrest is not None for p in listed), "every listed person was detained")
    check(
        all(p.arrest is None or p.arrest[0] - p.birth[0] >= 15 for p in pop.persons),
        "every arrest is after the fifteenth birthday",
    )
    check(len({p.nid for p in pop.persons}) == len(pop.persons), "national numbers are unique")
    kids: dict[str, list[str]] = defaultdict(list)
    for p in pop.persons:
        if p.mother_pid:
            kids[p.mother_pid].append(p.first)
    check(
        all(len(v) == len(set(v)) for v in kids.values()),
        "children of one mother never share a first name",
    )
    multi = sum(1 for v in kids.values() if len(v) > 1)
    check(multi > 1000, f"{multi} households with two or more children")
    key = Counter((p.first, p.father, p.family) for p in listed)
    groups = sum(1 for v in key.values() if v > 1)
    check(groups > 30, f"{groups} namesake groups among listed persons")
    check(len({p.region for p in pop.persons}) == len(g.REGIONS), "every region has persons")
    arab = {"htr_ledger", "voice_stt"}
    cross = sum(1 for p in listed if set(p.lists) & arab and set(p.lists) - arab)
    check(cross > 500, f"{cross} persons with both an Arabic and a Latin record")
    married = sum(1 for p in listed if p.sex == "F" and p.husband_family)
    check(married > 100, f"{married} listed married women")
    grandsons = sum(
        1
        for p in listed
        if p.father_pid and p.first == p.grandfather and persons[p.father_pid].lists
    )
    check(grandsons > 10, f"{grandsons} listed sons named after the grandfather, father listed")


def check_units() -> None:
    cases = {
        "Mohammad": "MOCHAMANT",
        "Khaled": "CHALENT",
        "Bashar": "BASAR",
        "Jamal": "TZAMAL",
        "Yousef": "GIOUSEF",
        "Al-Hamwi": "AL CHAMOUI",
        "Abdullah": "AMPNTOULA",
        "Ghassan": "GASAN",
    }
    for en, gr in cases.items():
        check(g.to_greek_latin(en) == gr, f"Greek round trip {en} -> {gr}")
    import random

    rng = random.Random(1)
    ok = True
    for name in g.M_NAMES + g.F_NAMES:
        for _ in range(5):
            out = g.htr_confuse(rng, name)
            diff = [(x, y) for x, y in zip(name, out, strict=True) if x != y]
            if len(diff) > 1 or (diff and g.DOT_OF[diff[0][0]] != g.DOT_OF.get(diff[0][1])):
                ok = False
    check(ok, "handwriting confusions change one letter within its dot group")


if __name__ == "__main__":
    sys.exit(main())
