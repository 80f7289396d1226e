"""The generator's own invariants (runs in a few seconds): python3 selftest.py"""

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

import generate  # noqa: E402

LISTS = ["unhcr_registration", "fb_families_group", "photo_identifications", "hotline_calls"]
FILES = [n + ".csv" for n in LISTS] + ["truth.csv", "persons.csv"]


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check_determinism(tmp):
    a, b, c, d = (os.path.join(tmp, x) for x in "abcd")
    generate.generate(7, 4000, a)
    generate.generate(7, 4000, b)
    for name in FILES:
        assert filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False), (
            f"{name} differs"
        )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run(
        [
            sys.executable,
            os.path.join(HERE, "generate.py"),
            "--seed",
            "7",
            "--persons",
            "4000",
            "--out",
            c,
        ],
        check=True,
        env=env,
    )
    for name in FILES:
        assert filecmp.cmp(os.path.join(a, name), os.path.join(c, name), shallow=False), (
            f"{name} hash-seed dependent"
        )
    generate.generate(8, 4000, d)
    assert not filecmp.cmp(
        os.path.join(a, "truth.csv"), os.path.join(d, "truth.csv"), shallow=False
    )


def check_files(out, report):
    truth = read(os.path.join(out, "truth.csv"))
    assert truth[0] == ["list", "record_id", "person_id"]
    truth_keys = Counter((r[0], r[1]) for r in truth[1:])
    assert all(n == 1 for n in truth_keys.values()), "a record twice in truth"
    persons = {r[0]: r for r in read(os.path.join(out, "persons.csv"))[1:]}
    listed = set()
    for name in LISTS:
        rows = read(os.path.join(out, name + ".csv"))
        header, body = rows[0], rows[1:]
        ids = [r[0] for r in body]
        assert all(ids), f"{name}: empty record id"
        assert len(ids) == len(set(ids)), f"{name}: repeated record id"
        assert all(len(r) == len(header) for r in body), f"{name}: ragged row"
        for r in body:
            assert (name, r[0]) in truth_keys, f"{name}: {r[0]} not in truth"
            for cell in r:
                assert not any(
                    ch in cell
                    for ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                )
        names = [
            c
            for c in header
            if c in ("full_name", "first_name", "family_name", "الاسم", "الاسم الكامل")
        ]
        assert names, f"{name}: no name column"
        assert "record_id" in header or "رقم السجل" in header
        assert sum(1 for k in truth_keys if k[0] == name) == len(body), (
            f"{name}: truth has other records"
        )
    for _lst, _, pid in truth[1:]:
        assert pid in persons, pid
        listed.add(pid)
    total = len(truth) - 1
    assert 4000 <= total <= 6500, total
    assert 2600 <= len(listed) <= 4000, len(listed)
    # a Latin list and Arabic-script lists
    un = read(os.path.join(out, "unhcr_registration.csv"))[1:]
    assert sum(1 for r in un if any("\u0600" <= ch <= "\u06ff" for ch in r[2])) == 0
    ph = read(os.path.join(out, "photo_identifications.csv"))[1:]
    assert sum(1 for r in ph if any("\u0600" <= ch <= "\u06ff" for ch in r[1])) > 0.95 * len(ph)


def check_rates(report):
    for name, expected in generate.EXPECTED.items():
        r = report[name]
        n = r["records"]
        for tag, rate in expected.items():
            got = r["tags"].get(tag, 0) / n
            tol = max(0.025, 0.25 * rate)
            assert abs(got - rate) <= tol, f"{name} {tag}: {got:.3f} vs {rate}"
        reps = n - r["persons"]
        assert reps > 0, f"{name}: no person written twice"


def check_people(report):
    persons = report["_persons"]
    ids = [p["national_id"] for p in persons]
    assert len(set(ids)) > 0.999 * len(ids)
    by_hh = defaultdict(list)
    for p in persons:
        by_hh[p["household"]].append(p["first"][0])
    assert all(len(v) == len(set(v)) for v in by_hh.values()), "siblings share a first name"
    assert sum(1 for v in by_hh.values() if len(v) > 1) > 1000
    listed = {pid for _, _, pid in report["_truth"]}
    groups = Counter(
        (p["first"][0], p["father"][0], p["family"][0]) for p in persons if p["person_id"] in listed
    )
    assert sum(1 for n in groups.values() if n > 1) >= 40, "too few namesakes"
    comms = Counter(p["community"] for p in persons)
    assert len(comms) == len(generate.COMMUNITIES)
    for p in persons:
        if p["detained"]:
            assert p["arrest"][0] > p["birth"][0] + 8


def main():
    with tempfile.TemporaryDirectory() as tmp:
        check_determinism(tmp)
        out = os.path.join(tmp, "full")
        report = generate.generate(10, 20000, out)
        check_files(out, report)
        check_rates(report)
        check_people(report)
    print("selftest ok")


if __name__ == "__main__":
    main()
