"""The generator's own invariants (a few seconds): python3 selftest.py"""

from __future__ import annotations

import csv
import filecmp
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate as g  # noqa: E402

LISTS = ["ind_nl", "exhumation_register", "university_students", "fr_avocat"]
ARABIC = re.compile(r"[\u0600-\u06ff]")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def run(seed: int, n: int, out: str, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [
        sys.executable,
        os.path.join(HERE, "generate.py"),
        "--seed",
        str(seed),
        "--persons",
        str(n),
        "--out",
        out,
    ]
    subprocess.run(cmd, check=True, env=env)


def read(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def main() -> None:
    failures: list[str] = []

    def check(cond: bool, msg: str) -> None:
        if not cond:
            failures.append(msg)

    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = (os.path.join(tmp, x) for x in "abc")
        run(11, 3000, a, "1")
        run(11, 3000, b, "977")
        run(12, 3000, c, "1")
        for f in [*LISTS, "truth", "persons"]:
            name = f + ".csv"
            check(
                filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False),
                f"{name} differs by hash seed",
            )
        check(
            not filecmp.cmp(
                os.path.join(a, "ind_nl.csv"), os.path.join(c, "ind_nl.csv"), shallow=False
            ),
            "another seed gives the same file",
        )

    persons, writers = g.generate(11, 20000)
    by_pid = {p.pid: p for p in persons}
    total = sum(len(w.rows) for w in writers)
    check(4000 <= total <= 6000, f"records at seed 11: {total}")
    listed = {pid for w in writers for _, pid in w.truth}
    check(2400 <= len(listed) <= 4000, f"persons at seed 11: {len(listed)}")
    for w in writers:
        ids = [r[0] for r in w.rows]
        check(len(ids) == len(set(ids)) and all(ids), f"{w.name}: record ids not unique/non-empty")
        check([t[0] for t in w.truth] == ids, f"{w.name}: truth does not follow the rows")
        check(all(len(r) == len(w.header) for r in w.rows), f"{w.name}: ragged rows")
        check(
            not any(BIDI.search(x) for r in w.rows for x in r),
            f"{w.name}: direction-control character",
        )
        check(
            len(set(pid for _, pid in w.truth)) < len(ids),
            f"{w.name}: no person repeated inside the list",
        )
        name_cols = [
            i
            for i, h in enumerate(w.header)
            if h in ("full_name", "first_name", "family_name", "الاسم", "الكنية")
        ]
        check(bool(name_cols), f"{w.name}: no name column")
        for r in w.rows:
            names = " ".join(r[i] for i in name_cols)
            if w.name in ("ind_nl", "fr_avocat"):
                check(not ARABIC.search(names), f"{w.name}: Arabic letters in {names}")
            else:
                check(bool(ARABIC.search(names)), f"{w.name}: no Arabic in {names}")
        for (lst, form), (rate, tol) in g.EXPECTED.items():
            if lst == w.name:
                got = w.forms[form] / len(w.rows)
                check(abs(got - rate) <= tol, f"{lst}.{form}: {got:.3f} vs {rate}±{tol}")
        for _, pid in w.truth:
            check(by_pid[pid].detained, f"{w.name}: {pid} listed but never detained")
    # only died persons in the exhumation register
    ex = next(w for w in writers if w.name == "exhumation_register")
    check(
        all(by_pid[pid].fate == "died" for _, pid in ex.truth), "exhumation lists a living person"
    )
    # siblings never share a first name
    sib: dict[str, Counter] = defaultdict(Counter)
    for p in persons:
        if p.role == "child":
            sib[p.household][p.first[0]] += 1
    check(all(max(c.values()) == 1 for c in sib.values()), "siblings share a first name")
    check(sum(1 for c in sib.values() if len(c) > 1) > 1000, "too few multi-child households")
    # namesakes across households
    names = Counter((p.first[0], p.father[0], p.family[0]) for p in persons if p.pid in listed)
    check(sum(1 for v in names.values() if v > 1) > 100, "too few namesakes")
    nids = [p.national_id for p in persons]
    check(len(nids) == len(set(nids)), "national numbers not unique")
    check(
        all(p.arrest[0] - p.birth[0] >= 8 for p in persons if p.detained),
        "arrest before the 8th birthday",
    )
    check(len({p.region for p in persons}) == len(g.REGIONS), "a region has no person")
    # the truth file covers every record once
    with tempfile.TemporaryDirectory() as tmp:
        g.write_all(tmp, persons, writers)
        _, truth = read(os.path.join(tmp, "truth.csv"))
        keys = [(t[0], t[1]) for t in truth]
        check(len(keys) == len(set(keys)) == total, "truth does not cover each record once")
        for w in writers:
            _, rows = read(os.path.join(tmp, w.name + ".csv"))
            check(len(rows) == len(w.rows), f"{w.name}: csv row count")
    if failures:
        print("FAIL")
        for f in failures[:40]:
            print(" -", f)
        sys.exit(1)
    print(
        f"ok: {total} records, {len(listed)} persons, {len(g.EXPECTED)} form rates within tolerance"
    )


if __name__ == "__main__":
    main()
