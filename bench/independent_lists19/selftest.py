"""Selftest of set 19's generator: its invariants and its determinism (a few seconds).

python3 bench/independent_lists19/selftest.py
"""

from __future__ import annotations

import csv
import filecmp
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate as g  # noqa: E402

LISTS = ["nmp_intake", "field_court", "ce_asylum", "rukban_council"]
FILES = sorted([*(f"{n}.csv" for n in LISTS), "truth.csv", "persons.csv"])
ARABIC = re.compile("[\u0600-\u06ff]")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# Form rates at seed 19, 20,000 persons (shares of the list's records), from --stats.
EXPECTED = {
    ("nmp_intake", "mother_full"): 0.57,
    ("nmp_intake", "grandfather"): 0.54,
    ("nmp_intake", "nid"): 0.50,
    ("nmp_intake", "birth_date"): 0.50,
    ("nmp_intake", "family_no_article"): 0.08,
    ("nmp_intake", "repeat"): 0.125,
    ("field_court", "name_bin"): 0.17,
    ("field_court", "name_four"): 0.175,
    ("field_court", "mother_walidatuhu"): 0.19,
    ("field_court", "place_year"): 0.47,
    ("field_court", "place_date"): 0.22,
    ("field_court", "ocr_dot"): 0.115,
    ("field_court", "indic_digits"): 0.38,
    ("field_court", "ocr_words_glued"): 0.043,
    ("ce_asylum", "office_hu"): 0.36,
    ("ce_asylum", "office_pl"): 0.38,
    ("ce_asylum", "spelling_native"): 0.56,
    ("ce_asylum", "mother_family_first"): 0.27,
    ("ce_asylum", "first_and_father_in_first"): 0.13,
    ("ce_asylum", "birth_approx"): 0.07,
    ("ce_asylum", "repeat"): 0.21,
    ("rukban_council", "name_first_father_grandfather"): 0.19,
    ("rukban_council", "name_tribe_nisba"): 0.095,
    ("rukban_council", "age"): 0.76,
    ("rukban_council", "left_to_shelter"): 0.60,
}


def run(seed: int, persons: int, out: Path, hashseed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    r = subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            "--seed",
            str(seed),
            "--persons",
            str(persons),
            "--out",
            str(out),
            "--stats",
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(r.stdout)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def check_units() -> None:
    rng = random.Random(1)
    assert g.drop_hamza("أحمد إبراهيم آمنة") == "احمد ابراهيم امنة"
    assert g.ta_as_ha("فاطمة حمزة") == "فاطمه حمزه"
    assert g.final_ya("علي الحلبي") == "على الحلبى"
    assert g.join_abd("عبد الرحمن") == "عبدالرحمن"
    assert g.strip_article("الحسن") == "حسن"
    s = g.dot_slip("حسن", rng)
    assert s != "حسن" and len(s) == 3
    assert g.year_ocr("1985", random.Random(2)) != "1985"
    assert "2013".translate(g.INDIC) == "٢٠١٣"
    assert g.latin_given("xAlid", "pl", rng) == "Chalid"
    assert g.latin_given("xAlid", "cz", rng) == "Chálid"
    assert g.latin_given("$AdI", "cz", rng) == "Šádí"
    assert g.latin_given("$AdI", "hu", rng) == "Sádí"
    assert g.latin_given("jamAl", "pl", rng) == "Dżamal"
    assert g.latin_given("jamAl", "hu", rng) == "Dzsamál"
    assert g.latin_given("Husayn", "pl", rng) == "Husajn"
    assert g.latin_given("Hasan", "hu", rng) == "Haszan"
    assert g.latin_given("ba$$Ar", "hu", rng) == "Bassár"
    assert g.latin_given("gassAn", "hu", rng) == "Gasszán"
    assert g.latin_given("ba$$Ar", "pl", rng) == "Baszar"
    assert g.latin_given("ba$$Ar", "cz", rng) == "Baššár"
    assert g.latin_given("walId", "cz", rng) == "Valíd"
    assert g.ymd((2013, 3, 5), "hu") == "2013.03.05."


def main() -> int:
    check_units()
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = Path(tmp, "a"), Path(tmp, "b"), Path(tmp, "c")
        st = run(19, 20000, a, "0")
        run(19, 20000, b, "12345")
        run(20, 3000, c, "1")
        assert sorted(p.name for p in a.iterdir()) == FILES, sorted(p.name for p in a.iterdir())
        for f in FILES:
            assert filecmp.cmp(a / f, b / f, shallow=False), f"{f} differs by PYTHONHASHSEED"
        assert not filecmp.cmp(a / "truth.csv", c / "truth.csv", shallow=False)

        persons = read(a / "persons.csv")
        ph = persons[0]
        pids = {r[0] for r in persons[1:]}
        truth = read(a / "truth.csv")
        assert truth[0] == ["list", "record_id", "person_id"]
        tkeys = Counter((r[0], r[1]) for r in truth[1:])
        assert all(v == 1 for v in tkeys.values())
        assert all(r[2] in pids for r in truth[1:])
        seen = set()
        for name in LISTS:
            rows = read(a / f"{name}.csv")
            head, body = rows[0], rows[1:]
            assert head[0] in ("record_id", "رقم السجل")
            ids = [r[0] for r in body]
            assert all(ids) and len(set(ids)) == len(ids), name
            assert all(len(r) == len(head) for r in body), name
            assert not any(BIDI.search(c) for r in rows for c in r), name
            seen |= {(name, i) for i in ids}
            names = [" ".join(r[1:3]) for r in body]
            if name == "ce_asylum":
                assert not any(ARABIC.search(c) for r in rows for c in r)
            else:
                assert all(ARABIC.search(n) for n in names), name
        assert seen == set(tkeys)

        # counts at seed 19
        assert 3000 <= st["records"] <= 4500, st["records"]
        assert 1600 <= st["listed_persons"] <= 2600
        assert st["namesake_groups_first_father_family"] >= 25
        assert st["households_with_several_children"] >= 100
        assert st["sons_named_after_grandfather_father_listed"] >= 10
        assert st["latin_and_arabic"] >= 250
        assert st["women_listed"] >= 200
        assert st["executed"] >= 200
        assert st["detained_after_leaving_rukban"] >= 150
        for (lst, form), want in EXPECTED.items():
            got = st["lists"][lst]["forms"].get(form, 0)
            assert abs(got - want) <= 0.35 * want + 0.02, (lst, form, got, want)

        # persons: arrest after the sixteenth birthday; one mother's children, distinct names;
        # a child's father's and grandfather's names are its father's first and father's
        col = {h: i for i, h in enumerate(ph)}
        by = {r[0]: r for r in persons[1:]}
        kids: dict[str, list[str]] = {}
        for r in persons[1:]:
            if r[col["arrest_date"]]:
                assert int(r[col["arrest_date"]][:4]) >= int(r[col["born"]][:4]) + 16
            if r[col["mother_id"]]:
                kids.setdefault(r[col["mother_id"]], []).append(r[col["first_name"]])
                f = by[r[col["father_id"]]]
                assert r[col["father_name"]] == f[col["first_name"]]
                assert r[col["grandfather_name"]] == f[col["father_name"]]
        assert all(len(v) == len(set(v)) for v in kids.values())
    print("selftest ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
