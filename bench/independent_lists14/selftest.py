"""The generator's own invariants for independent linkage test set 14 (about 5 s).

    python3 bench/independent_lists14/selftest.py

Standard library only. Exits 0 and prints "N passed, 0 failed" when every check holds.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate as g  # noqa: E402

FILES = [*(n + ".csv" for n in g.LISTS), "truth.csv", "persons.csv"]
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
NAME_COLS = {
    "ru_reconciliation": ["full_name"],
    "eg_community": ["full_name"],
    "branch_archive": ["الاسم الكامل"],
    "idlib_court": ["الاسم", "اسم الأب", "الكنية"],
}

results: list[tuple[str, bool, str]] = []


def check(name: str, ok: bool, detail: str = "") -> None:
    results.append((name, bool(ok), detail))


def is_arabic(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("ARABIC")


def is_cyrillic(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CYRILLIC")


def read(path: str) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def spawn(seed: int, out: str, hashseed: str, persons: int = 20000) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    cmd = [
        sys.executable,
        os.path.join(HERE, "generate.py"),
        "--seed",
        str(seed),
        "--persons",
        str(persons),
        "--out",
        out,
    ]
    return subprocess.Popen(cmd, env=env)


def files_bytes(d: str) -> dict[str, bytes]:
    out = {}
    for f in sorted(os.listdir(d)):
        with open(os.path.join(d, f), "rb") as fh:
            out[f] = fh.read()
    return out


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="set14-")
    a, b, c = (os.path.join(tmp, x) for x in ("a", "b", "c"))
    procs = [spawn(14, a, "0"), spawn(14, b, "4242"), spawn(15, c, "0", 3000)]
    # in-process run, for the forms and the persons
    d = os.path.join(tmp, "d")
    persons, lists, _clans, _nh = g.generate(14, 20000, d)
    for p in procs:
        p.wait()
    check("generator runs exit 0", all(p.returncode == 0 for p in procs))
    fa, fb, fc, fd = files_bytes(a), files_bytes(b), files_bytes(c), files_bytes(d)
    check("six files, no other", sorted(fa) == sorted(FILES), str(sorted(fa)))
    check("byte-identical under two PYTHONHASHSEEDs", fa == fb)
    check("in-process run identical to the script's", fa == fd)
    check("another seed gives other files", all(fa[f] != fc.get(f) for f in FILES))

    # files
    _th, truth = read(os.path.join(a, "truth.csv"))
    tpos = 0
    truth_ok = True
    pids = {p.pid for p in persons}
    all_ids_ok = True
    cells_ok = True
    bidi_ok = True
    n_records = 0
    for name in g.LISTS:
        header, rows = read(os.path.join(a, name + ".csv"))
        n_records += len(rows)
        ids = [r[0] for r in rows]
        all_ids_ok &= all(ids) and len(set(ids)) == len(ids)
        cells_ok &= all(len(r) == len(header) for r in rows)
        bidi_ok &= not any(ch in BIDI for r in rows for cell in r for ch in cell)
        for rid in ids:
            t = truth[tpos] if tpos < len(truth) else None
            truth_ok &= t is not None and t[0] == name and t[1] == rid and t[2] in pids
            tpos += 1
        check(f"{name}: a name column", any(h in header for h in NAME_COLS[name]))
        check(f"{name}: first column is the record id", header[0] in ("record_id", "رقم السجل"))
        reps = Counter(t[2] for t in truth if t[0] == name)
        check(f"{name}: repeats some person", any(v > 1 for v in reps.values()))
    check("truth follows every list's rows, once, and only those", truth_ok and tpos == len(truth))
    check("record ids unique and non-empty", all_ids_ok)
    check("rows as wide as the header", cells_ok)
    check("no direction-control character", bidi_ok)

    listed = [p for p in persons if p.lists]
    check("records 3,300-4,800", 3300 <= n_records <= 4800, str(n_records))
    check("listed persons 2,000-3,000", 2000 <= len(listed) <= 3000, str(len(listed)))

    # scripts
    for name in g.LATIN:
        rows = lists[name]
        arabic = sum(1 for r, _f, _p in rows if any(is_arabic(ch) for ch in r["full_name"]))
        check(f"{name}: no Arabic letters", arabic == 0, str(arabic))
    cyr = sum(
        1
        for r, _f, _p in lists["eg_community"]
        if any(is_cyrillic(ch) for ch in "".join(r.values()))
    )
    check("eg_community: no Cyrillic", cyr == 0)
    cyr_rows = sum(
        1
        for r, _f, _p in lists["ru_reconciliation"]
        if any(is_cyrillic(ch) for ch in r["full_name"])
    )
    check(
        "ru_reconciliation: Cyrillic left in 1-6 % of rows",
        0.01 <= cyr_rows / len(lists["ru_reconciliation"]) <= 0.06,
        str(cyr_rows),
    )
    for name in g.ARABIC:
        bad = 0
        for r, _f, _p in lists[name]:
            txt = "".join(r[c] for c in NAME_COLS[name])
            bad += not any(is_arabic(ch) for ch in txt)
        check(f"{name}: every record has an Arabic name", bad == 0, str(bad))
    pres = sum(
        1
        for r, _f, _p in lists["branch_archive"]
        if any(0xFE70 <= ord(ch) <= 0xFEFF for ch in r["الاسم الكامل"])
    )
    check(
        "branch_archive: presentation forms only where tagged",
        pres == sum(1 for _r, f, _p in lists["branch_archive"] if f["pdf_glyphs"]),
    )

    # forms
    rates = g.form_rates(lists)
    for key, exp in g.EXPECTED.items():
        got = rates.get(key)
        ok = got is not None and abs(got - exp) <= 0.3 * exp + 0.01
        check(f"rate {key[0]}.{key[1]} {got if got is None else round(got, 3)} ~ {exp}", ok)

    # persons
    check(
        "every listed person detained after the fifteenth birthday",
        all(p.arrest and (p.arrest - p.birth).days >= 15 * 365 for p in listed),
    )
    nids = [p.nid for p in persons]
    check(
        "national numbers unique, 11 digits",
        len(set(nids)) == len(nids) and all(len(x) == 11 and x.isdigit() for x in nids),
    )
    by_mother: dict[str, list[str]] = {}
    for p in persons:
        if p.mother_id:
            by_mother.setdefault(p.mother_id, []).append(p.first[0])
    check(
        "children of one mother never share a first name",
        all(len(v) == len(set(v)) for v in by_mother.values()),
    )
    check(
        "more than 1,000 multi-child households",
        sum(1 for v in by_mother.values() if len(v) > 1) > 1000,
    )
    groups = Counter((p.first[0], p.father[0], p.family[0]) for p in listed)
    check(
        "more than 25 namesake groups among the listed",
        sum(1 for v in groups.values() if v > 1) > 25,
    )
    lat_ar = sum(
        1
        for p in listed
        if any(x in p.lists for x in g.LATIN) and any(x in p.lists for x in g.ARABIC)
    )
    check("more than 500 persons with a Latin and an Arabic record", lat_ar > 500, str(lat_ar))
    pm = {p.pid: p for p in persons}
    swapped = sum(
        1
        for p in listed
        if p.father_id and pm[p.father_id].lists and p.first[0] == pm[p.father_id].father[0]
    )
    check("more than 20 grandfather-named sons listed with their father", swapped > 20)
    check(
        "every region has persons", all(any(p.region == r for p in persons) for r in g.REGION_ORDER)
    )
    check(
        "branch_archive: archived branches, arrests up to 2016",
        all(
            p.branch in g.ARCHIVE_BRANCHES and p.arrest.year <= 2016
            for _r, _f, p in lists["branch_archive"]
        ),
    )
    check(
        "idlib_court: no released detainee",
        all(p.fate != "released" for _r, _f, p in lists["idlib_court"]),
    )

    # units
    check("Hijri 2013-03-24 is 12/5/1434", g.to_hijri(dt.date(2013, 3, 24)) == (1434, 5, 12))
    check("Hijri 1985-03-01 is in 1405", g.to_hijri(dt.date(1985, 3, 1))[0] == 1405)
    check("PDF glyphs of محمد", g.pdf_shape("محمد") == "\ufee3\ufea4\ufee4\ufeaa")
    check(
        "PDF glyphs read back by NFKC",
        unicodedata.normalize("NFKC", g.pdf_shape("عبد الله الحلبي")) == "عبد الله الحلبي",
    )
    rng = random.Random(1)
    check("Russian Jamal", g.ru_word("jamAl", rng) == "Джамаль")
    check(
        "romanised Джамаль",
        g.cyr_to_lat("Джамаль", True) == "Dzhamal'" and g.cyr_to_lat("Джамаль", False) == "Dzhamal",
    )
    check("romanised upper case", g.cyr_to_lat("АЛЬ-ХАМАВИ", False) == "AL-KHAMAVI")
    check(
        "Egyptian g for jim",
        all("g" in g.eg_word("jamAl", random.Random(s)).lower() for s in range(20)),
    )
    check(
        "Egyptian final y",
        sum(g.eg_word("fAdI", random.Random(s)).endswith("y") for s in range(50)) > 30,
    )

    failed = [r for r in results if not r[1]]
    for name, ok, detail in results:
        if not ok:
            print(f"FAIL {name} {detail}")
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
