#!/usr/bin/env python3
"""The generator's own invariants (set 17). Standard library only; about 5 s.

python3 bench/independent_lists17/selftest.py
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate as g  # noqa: E402

LISTS = ["ctc_court", "icmp_reference", "wanted_leak", "medical_staff"]
FILES = sorted([*(n + ".csv" for n in LISTS), "truth.csv", "persons.csv"])
LATIN = ["icmp_reference", "medical_staff"]
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NAME_COLS = {
    "ctc_court": ["الاسم الكامل"],
    "icmp_reference": ["first_name"],
    "wanted_leak": ["الاسم"],
    "medical_staff": ["full_name"],
}
# Form rates (% of the list's records) at seed 17 / 20,000 persons, from --stats.
EXPECTED = {
    ("ctc_court", "bin_father"): 23.1,
    ("ctc_court", "four_parts"): 13.7,
    ("ctc_court", "family_then_bin_father"): 4.2,
    ("ctc_court", "mother_walidatuh"): 20.2,
    ("ctc_court", "birth_tawallud"): 42.0,
    ("ctc_court", "birth_two_digit"): 10.1,
    ("ctc_court", "hamza_dropped"): 13.3,
    ("ctc_court", "repeat_person"): 14.5,
    ("ctc_court", "co_defendant_brother"): 12.3,
    ("ctc_court", "in_absentia"): 2.3,
    ("icmp_reference", "conv_tr"): 23.5,
    ("icmp_reference", "conv_de"): 13.0,
    ("icmp_reference", "conv_lb"): 18.5,
    ("icmp_reference", "grandfather"): 61.1,
    ("icmp_reference", "mother_full"): 56.2,
    ("icmp_reference", "whole_name_in_first"): 7.2,
    ("icmp_reference", "upper_case"): 14.1,
    ("icmp_reference", "birth_full_date"): 38.7,
    ("wanted_leak", "hamza_dropped"): 31.8,
    ("wanted_leak", "national_id"): 76.6,
    ("wanted_leak", "never_detained"): 19.6,
    ("wanted_leak", "mother_full"): 53.5,
    ("wanted_leak", "birth_full_date"): 54.2,
    ("wanted_leak", "dot_slip"): 4.7,
    ("medical_staff", "title"): 34.8,
    ("medical_staff", "first_family_only"): 38.5,
    ("medical_staff", "age"): 38.8,
    ("medical_staff", "arrest_month_first"): 12.8,
}

FAILS: list[str] = []


def check(cond: bool, what: str) -> None:
    if not cond:
        FAILS.append(what)


def run(seed: int, persons: int, out: str, hashseed: str, stats: bool = False) -> str:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [sys.executable, os.path.join(HERE, "generate.py"), "--seed", str(seed)]
    cmd += ["--persons", str(persons), "--out", out]
    if stats:
        cmd.append("--stats")
    return subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout


def read(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def has_arabic(s: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in s)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = (os.path.join(tmp, x) for x in "abc")
        out = run(17, 20000, a, "0", stats=True)
        run(17, 20000, b, "12345")
        run(18, 3000, c, "0")
        check(sorted(os.listdir(a)) == FILES, "the six files and no other")
        for f in FILES:
            check(filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False), f"same {f}")
        check(
            not filecmp.cmp(os.path.join(a, "truth.csv"), os.path.join(c, "truth.csv"), False),
            "another seed gives other files",
        )
        st = json.loads(out)
        _, truth = read(os.path.join(a, "truth.csv"))
        ph, prow = read(os.path.join(a, "persons.csv"))
        persons = {r[0]: dict(zip(ph, r, strict=True)) for r in prow}
        tkeys = Counter((r[0], r[1]) for r in truth)
        check(all(v == 1 for v in tkeys.values()), "truth names each record once")
        check(all(r[2] in persons for r in truth), "truth names persons of persons.csv")
        seen: set[tuple[str, str]] = set()
        for name in LISTS:
            header, rows = read(os.path.join(a, name + ".csv"))
            check(header[0] in ("record_id", "رقم السجل"), f"{name}: record id first")
            check(any(col in header for col in NAME_COLS[name]), f"{name}: a name column")
            ids = [r[0] for r in rows]
            check(all(ids) and len(set(ids)) == len(ids), f"{name}: ids unique, non-empty")
            check(all(len(r) == len(header) for r in rows), f"{name}: cells per row")
            text = "".join("".join(r) for r in rows)
            check(not any(ch in text for ch in BIDI), f"{name}: no direction controls")
            seen.update((name, i) for i in ids)
            ncols = [header.index(col) for col in NAME_COLS[name]]
            if name in LATIN:
                check(not has_arabic(text), f"{name}: no Arabic letters")
            else:
                check(all(has_arabic(r[ncols[0]]) for r in rows), f"{name}: Arabic names")
        check(seen == set(tkeys), "truth covers every record of every list, and only those")
        # counts at seed 17 / 20,000
        check(3500 <= st["records"] <= 4500, "3,500-4,500 records")
        check(2000 <= st["persons_listed"] <= 2600, "2,000-2,600 listed persons")
        check(st["namesake_groups_first_father_family"] >= 20, "namesake groups")
        check(st["households_with_several_listed_children"] >= 100, "siblings listed")
        check(st["listed_sons_named_after_grandfather_with_father_listed"] >= 10, "grandsons")
        check(st["persons_latin_and_arabic"] >= 400, "Latin and Arabic persons")
        check(st["co_arrested_brothers_listed"] >= 50, "brothers arrested together")
        check(st["wanted_never_detained_persons"] >= 100, "wanted persons never detained")
        for (lst, form), exp in EXPECTED.items():
            got = st["lists"][lst]["forms_pct"].get(form, 0.0)
            check(abs(got - exp) <= exp * 0.35 + 2, f"{lst} {form}: {got} vs {exp}")
        # persons
        kids: dict[str, list[str]] = defaultdict(list)
        for p in persons.values():
            if p["arrest_date"]:
                bd = date.fromisoformat(p["birth_date"])
                ad = date.fromisoformat(p["arrest_date"])
                check(ad >= date(bd.year + 16, bd.month, 1), f"{p['person_id']} arrested under 16")
            if p["mother_id"]:
                kids[p["mother_id"]].append(p["first_name"])
            if p["father_id"]:
                father = persons[p["father_id"]]
                check(p["father_name"] == father["first_name"], "father's name")
                check(p["grandfather_name"] == father["father_name"], "grandfather's name")
            if p["lists"] and "ctc_court" in p["lists"]:
                check(
                    bool(p["arrest_date"]) or p["wanted"] == "1",
                    "the court list holds detainees and wanted men tried in absentia only",
                )
            if p["lists"] and "medical_staff" in p["lists"]:
                check(bool(p["occupation"]), "the medical list holds health workers only")
        check(all(len(v) == len(set(v)) for v in kids.values()), "siblings' names distinct")
    # units
    rng = random.Random(1)
    check(g.drop_hamza("أحمد إبراهيم آمنة") == "احمد ابراهيم امنة", "drop_hamza")
    check(g.join_abd("عبد الله عبد الرحمن") == "عبدالله عبدالرحمن", "join_abd")
    check(g.final_ya("فادي الزعبي") == "فادى الزعبى", "final_ya")
    check(g.ta_to_ha("فاطمة حمزة") == "فاطمه حمزه", "ta_to_ha")
    check(g.ar_digits("2013/4/12") == "٢٠١٣/٤/١٢", "ar_digits")
    check(len(g.dot_slip(rng, "محمد")) == 4 and g.dot_slip(rng, "محمد") != "محمد", "dot_slip")
    check(g.given_lat(rng, "خالد", "tr") == "Halit", "Turkish spelling")
    check(g.tr_upper("Halit el Hamevi") == "HALİT EL HAMEVİ", "Turkish capitals")
    check(g.family_lat(rng, "الحموي", "tr").endswith("Hamevi"), "Turkish family name")
    check(g.family_lat(rng, "الحموي", "en", "Al-") in ("Al-Hamwi", "Al-Hamawi"), "Al- family")
    check(g.family_lat(rng, "الخطيب", "en", "Al") in ("Alkhatib", "Alkhateeb"), "glued article")
    check(g.family_lat(rng, "حمدان", "en") == "Hamdan", "no article on a bare family name")
    lb = {g.given_lat(random.Random(i), "شادي", "lb") for i in range(20)}
    check(lb == {"Chadi"}, "Lebanese interpreter's Ch")
    for f in FAILS:
        print("FAIL", f)
    print("selftest:", "ok" if not FAILS else f"{len(FAILS)} failures")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
