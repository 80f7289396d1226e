"""Checks of independent set 16's generator: determinism, files, counts, form rates, invariants.

python3 bench/independent_lists16/selftest.py      # a few seconds, standard library only
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "generate.py")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import generate as g  # noqa: E402

FILES = [*(n + ".csv" for n in g.LISTS), "truth.csv", "persons.csv"]
ARABIC = re.compile("[\u0600-\u06ff]")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Form rates (% of the list's records) at seed 16 / 20,000 persons, as the README gives them.
EXPECTED = {
    "yarmouk_group": {
        "four_part_name": 44.2,
        "family_abu": 34.1,
        "age_at_arrest": 46.3,
        "profession_before_name": 9.1,
        "kunya_brackets": 6.1,
        "hamza_dropped": 35.6,
        "village_nisba_for_family": 5.7,
        "arrest_levantine_month": 14.3,
    },
    "church_list": {
        "baptismal_equivalent": 43.6,
        "family_first_caps": 35.7,
        "family_comma": 16.8,
        "sex_h_for_homme": 31.3,
        "town_french_exonym": 34.0,
        "arrest_french_month": 26.8,
        "father_column": 54.0,
    },
    "charity_aid": {
        "age_at_registration": 47.8,
        "registry_qayd": 27.8,
        "final_ya_as_alef_maqsura": 11.5,
        "hamza_dropped": 45.5,
        "first_family_only": 14.1,
        "three_given_no_family": 7.7,
    },
    "online_form": {
        "middle_is_father": 50.4,
        "lower_case": 23.4,
        "dob_jan_first_placeholder": 28.4,
        "whole_name_in_first": 7.6,
        "french_tradition": 21.3,
        "exact_double_submission": 5.6,
    },
}


def run(out, seed=16, persons=20000, hashseed="0", stats=False):
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [sys.executable, GEN, "--seed", str(seed), "--persons", str(persons), "--out", out]
    if stats:
        cmd.append("--stats")
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(res.stdout) if stats else None


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def check(cond, msg, failures):
    if not cond:
        failures.append(msg)


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = (os.path.join(tmp, x) for x in "abc")
        st = run(a, hashseed="1", stats=True)
        run(b, hashseed="4242")
        run(c, seed=17)
        check(sorted(os.listdir(a)) == sorted(FILES), f"files: {sorted(os.listdir(a))}", failures)
        for f in FILES:
            check(
                filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False),
                f"{f} differs under another PYTHONHASHSEED",
                failures,
            )
        check(
            any(
                not filecmp.cmp(os.path.join(a, f), os.path.join(c, f), shallow=False)
                for f in FILES
            ),
            "another seed writes the same files",
            failures,
        )

        persons = {r[0]: r for r in read(os.path.join(a, "persons.csv"))[1:]}
        truth = read(os.path.join(a, "truth.csv"))
        check(truth[0] == ["list", "record_id", "person_id"], "truth header", failures)
        truth_keys = Counter((r[0], r[1]) for r in truth[1:])
        check(all(v == 1 for v in truth_keys.values()), "truth has a record twice", failures)
        check(all(r[2] in persons for r in truth[1:]), "truth names unknown persons", failures)
        seen = set()
        rows_by_list = {}
        for name in g.LISTS:
            rows = read(os.path.join(a, name + ".csv"))
            header, body = rows[0], rows[1:]
            rows_by_list[name] = (header, body)
            check(header[0] in ("record_id", "رقم السجل"), f"{name}: id column", failures)
            check(
                any(h in header for h in ("full_name", "first_name", "الاسم الكامل")),
                f"{name}: no name column",
                failures,
            )
            ids = [r[0] for r in body]
            check(all(ids) and len(set(ids)) == len(ids), f"{name}: record ids", failures)
            check(all(len(r) == len(header) for r in body), f"{name}: ragged rows", failures)
            check(not any(BIDI.search(x) for r in body for x in r), f"{name}: bidi", failures)
            for rid in ids:
                seen.add((name, rid))
        check(seen == set(truth_keys), "truth and the lists hold different records", failures)

        # counts
        check(3500 <= st["records"] <= 4500, f"records {st['records']}", failures)
        check(2000 <= st["persons_listed"] <= 2500, f"persons {st['persons_listed']}", failures)
        check(st["namesake_groups_first_father_family"] >= 20, "namesakes", failures)
        check(st["households_with_several_listed_children"] >= 100, "siblings", failures)
        check(
            st["listed_sons_named_after_grandfather_with_father_listed"] >= 10,
            "grandfather's name reused",
            failures,
        )
        latin_arabic = st["persons_latin_and_arabic"]
        check(latin_arabic >= 500, f"Latin-Arabic persons {latin_arabic}", failures)

        # scripts and sources
        for name in ("church_list", "online_form"):
            header, body = rows_by_list[name]
            check(
                not any(ARABIC.search(x) for r in body for x in r),
                f"{name} has Arabic letters",
                failures,
            )
        for name in ("yarmouk_group", "charity_aid"):
            header, body = rows_by_list[name]
            i = header.index("الاسم الكامل")
            check(all(ARABIC.search(r[i]) for r in body), f"{name}: a Latin name", failures)
        by_list = {}
        for lst, _rid, pid in truth[1:]:
            by_list.setdefault(lst, []).append(persons[pid])
        check(
            all(p[2] == "pal" for p in by_list["yarmouk_group"]),
            "yarmouk: non-Palestinian",
            failures,
        )
        check(all(p[2] == "chr" for p in by_list["church_list"]), "church: non-Christian", failures)

        # form rates: within 35 % (+2 points) of the seed-16 figures
        for name, forms in EXPECTED.items():
            got = st["lists"][name]["forms_pct"]
            for form, want in forms.items():
                have = got.get(form, 0.0)
                check(
                    abs(have - want) <= 0.35 * want + 2,
                    f"{name}.{form}: {have} vs {want}",
                    failures,
                )

        # persons
        nids = Counter()
        for p in persons.values():
            if p[19]:
                check(int(p[19][:4]) - int(p[13][:4]) >= 16, f"{p[0]} arrested young", failures)
            nids[(p[15], p[7])] += 1 if p[15] else 0
        check(all(v <= 1 for k, v in nids.items() if k[0]), "children share a first name", failures)
        for p in persons.values():
            if p[14]:
                check(persons[p[14]][7] == p[8], f"{p[0]} father's name", failures)

    # units
    check(g.french("Shadi") == "Chadi", "french Sh", failures)
    check(g.french("Jasem") == "Djasem", "french J", failures)
    check(g.drop_hamza("أحمد إبراهيم") == "احمد ابراهيم", "hamza", failures)
    check(g.ya_to_alef_maqsura("علي الحلبي") == "على الحلبى", "alef maqsura", failures)
    check(g.join_abd("عبد الله أبو خليل") == "عبدالله أبو خليل", "join abd", failures)
    check(g.join_abu("علي أبو خليل") == "علي ابوخليل", "join abu", failures)
    check(g.GIVEN["يوسف"]["eu"] == "Joseph" and g.GIVEN["بطرس"]["eu"] == "Pierre", "eu", failures)
    check(
        g._split_spellings("Abdulrahman Abdul Rahman") == ["Abdulrahman", "Abdul Rahman"],
        "split",
        failures,
    )

    if failures:
        print("FAIL")
        for f in failures[:50]:
            print(" -", f)
        return 1
    print("OK: determinism, files, counts, scripts, form rates, persons, units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
