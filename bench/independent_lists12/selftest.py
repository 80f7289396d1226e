#!/usr/bin/env python3
"""The generator's own invariants for independent test set 12 (a few seconds).

    python3 bench/independent_lists12/selftest.py

It checks the generator, not the engine: nothing here runs `mizan link`.
"""

from __future__ import annotations

import csv
import filecmp
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate as g  # noqa: E402

BIDI = {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067"}
BIDI |= {"\u2068", "\u2069", "\u061c"}
NAME_COLS = {
    "migration_nordic": ["family_name", "first_name", "father_name", "mother_name"],
    "hlp_register": ["الاسم", "اسم الأب", "اسم الجد", "الكنية", "اسم الأم"],
    "hrd_merged": ["full_name", "first_name", "father_name", "family_name", "mother_name"],
    "lb_returnees": ["full_name", "father_name", "mother_name"],
}
LATIN_LISTS = ("migration_nordic", "lb_returnees")


def has_arabic(s: str) -> bool:
    return any(c in g.ARABIC_LETTERS for c in s)


def read(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def run_cli(out: str, seed: int, persons: int, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [sys.executable, os.path.join(HERE, "generate.py"), "--seed", str(seed)]
    cmd += ["--persons", str(persons), "--out", out]
    subprocess.run(cmd, check=True, env=env)


def same_dirs(a: str, b: str) -> bool:
    names = sorted(os.listdir(a))
    if names != sorted(os.listdir(b)):
        return False
    _match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> int:
    failures: list[str] = []

    def check(cond: bool, what: str) -> None:
        if not cond:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        # Determinism: same seed, two hash seeds -> identical bytes; another seed -> other files.
        a, b, c = (os.path.join(tmp, x) for x in "abc")
        run_cli(a, 12, 4000, "1")
        run_cli(b, 12, 4000, "4242")
        run_cli(c, 13, 4000, "1")
        check(same_dirs(a, b), "same seed under two PYTHONHASHSEEDs gives other bytes")
        check(not same_dirs(a, c), "another seed gives the same files")

        # The full set at seed 12.
        out = os.path.join(tmp, "full")
        persons, lists = g.generate(12, 20000)
        g.write(out, persons, lists)
        pcols, prows = read(os.path.join(out, "persons.csv"))
        check(len(prows) == 20000, f"persons.csv has {len(prows)} rows, not 20000")
        by_pid = {r[0]: dict(zip(pcols, r, strict=True)) for r in prows}

        tcols, trows = read(os.path.join(out, "truth.csv"))
        check(tcols == ["list", "record_id", "person_id"], "truth header")
        truth = {(r[0], r[1]): r[2] for r in trows}
        check(len(truth) == len(trows), "truth repeats a record")
        check(all(pid in by_pid for pid in truth.values()), "truth names an unknown person")

        seen: set[tuple[str, str]] = set()
        per_list_persons: dict[str, set[str]] = defaultdict(set)
        for name, cols in g.LIST_COLS.items():
            header, rows = read(os.path.join(out, f"{name}.csv"))
            check(header == cols, f"{name}: header")
            id_col = header[0]
            check(id_col in ("record_id", "رقم السجل"), f"{name}: no record id column")
            check(any(c in header for c in NAME_COLS[name]), f"{name}: no name column")
            ids = [r[0] for r in rows]
            check(all(ids), f"{name}: empty record id")
            check(len(set(ids)) == len(ids), f"{name}: repeated record id")
            check(all(len(r) == len(header) for r in rows), f"{name}: ragged row")
            check(
                not any(ch in BIDI for r in rows for cell in r for ch in cell),
                f"{name}: direction-control character",
            )
            check(len(rows) > 100, f"{name}: only {len(rows)} records")
            pos = [header.index(c) for c in NAME_COLS[name]]
            for r in rows:
                key = (name, r[0])
                seen.add(key)
                check(key in truth, f"{name}: record {r[0]} missing from truth")
                per_list_persons[name].add(truth.get(key, ""))
                names = " ".join(r[i] for i in pos)
                if name in LATIN_LISTS:
                    check(not has_arabic(" ".join(r)), f"{name}: Arabic letters in {r[0]}")
                elif name == "hlp_register":
                    check(has_arabic(r[1]), f"{name}: record {r[0]} without an Arabic name")
                elif r[0].startswith("A-"):
                    check(has_arabic(names), f"{name}: sheet A record {r[0]} not Arabic")
                else:
                    check(not has_arabic(names), f"{name}: sheet B record {r[0]} not Latin")
                if name == "lb_returnees":
                    check(r[1] == r[1].upper(), f"{name}: {r[0]} not in capitals")
            check(
                len(rows) > len(per_list_persons[name]), f"{name}: repeats no person (no repeats)"
            )
        check(seen == set(truth), "truth holds records that no list has")

        # Counts at seed 12.
        n_rec = len(trows)
        n_per = len(set(truth.values()))
        check(3800 <= n_rec <= 5500, f"{n_rec} records, expected 3,800-5,500")
        check(2200 <= n_per <= 3300, f"{n_per} persons, expected 2,200-3,300")

        # Form rates.
        for (name, form), nominal in g.EXPECTED.items():
            got = lists.forms[name][form] / len(lists.rows[name])
            tol = max(0.03, 0.3 * nominal)
            check(abs(got - nominal) <= tol, f"{name}.{form}: {got:.3f} vs nominal {nominal}")

        # The people.
        for pid in set(truth.values()):
            p = by_pid[pid]
            check(bool(p["date_of_arrest"] or p["return_arrest"]), f"{pid} listed, never held")
        for pid in per_list_persons["lb_returnees"]:
            check(bool(by_pid[pid]["return_arrest"]), f"{pid} in lb_returnees, never returned")
        for pid in per_list_persons["hrd_merged"]:
            y = by_pid[pid]["date_of_arrest"][:4]
            check(y != "" and int(y) <= 2015, f"{pid} in hrd_merged with arrest {y}")
        full_sibs = Counter(
            (p["mother_id"], p["first_name"]) for p in by_pid.values() if p["mother_id"]
        )
        check(max(full_sibs.values()) == 1, "two children of one mother share a first name")
        half = Counter((p["father_id"], p["first_name"]) for p in by_pid.values() if p["father_id"])
        check(sum(1 for v in half.values() if v > 1) >= 10, "too few half-brothers of one name")
        nids = [p["national_id"] for p in by_pid.values()]
        check(len(set(nids)) == len(nids), "national numbers not unique")
        check(all(len(n) == 11 and n.isdigit() for n in nids), "a national number not 11 digits")
        listed = [by_pid[pid] for pid in set(truth.values())]
        groups = Counter((p["first_name"], p["father_name"], p["family_name"]) for p in listed)
        check(sum(1 for v in groups.values() if v > 1) >= 25, "too few namesake groups")
        hh = Counter(p["household"] for p in listed if p["role"] == "child")
        check(sum(1 for v in hh.values() if v > 1) >= 200, "too few multi-child households")
        for p in by_pid.values():
            for col in ("date_of_arrest", "return_arrest"):
                if p[col]:
                    age = int(p[col][:4]) - int(p["birth_date"][:4])
                    check(age >= 15, f"{p['person_id']} arrested at {age}")
        check(set(p["region"] for p in by_pid.values()) == set(g.REGIONS), "a region is empty")

    if failures:
        shown = failures[:40]
        print(f"FAILED ({len(failures)}):\n  " + "\n  ".join(shown))
        return 1
    print("selftest: all invariants hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
