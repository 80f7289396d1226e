"""Checks the generator of set 8 against its own invariants (not the engine).

    python selftest.py [--persons 20000]

Determinism for a seed, truth covering every record once, record ids unique per
list, the documented headers, scripts of the lists, and each form near its
stated rate. Exits 1 on the first failed check.
"""

from __future__ import annotations

import argparse
import collections
import csv
import hashlib
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate as g

DOCUMENTED = {
    "record_id",
    "full_name",
    "first_name",
    "father_name",
    "grandfather_name",
    "family_name",
    "mother_name",
    "sex",
    "birth_year",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
    "رقم السجل",
    "الاسم الكامل",
    "الاسم",
    "اسم الأب",
    "اسم الجد",
    "الكنية",
    "اسم العائلة",
    "اسم الأم",
    "الجنس",
    "سنة الولادة",
    "مكان الولادة",
    "الرقم الوطني",
    "تاريخ الاعتقال",
    "مكان الاعتقال",
    "العمر",
    "age_at_arrest",
}
ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def near(observed: int, total: int, rate: float, what: str, tol: float = 0.35) -> None:
    """The observed share is within tol (relative) of the stated rate."""
    share = observed / total if total else 0.0
    check(abs(share - rate) <= tol * rate, f"{what}: {share:.3f} (stated {rate:.3f})")


def digest(d: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(d.iterdir()):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def read(d: Path, name: str) -> list[dict[str, str]]:
    with (d / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--persons", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=8)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d1, d2, d3 = Path(tmp, "a"), Path(tmp, "b"), Path(tmp, "c")
        lists, truth, forms = g.generate(a.seed, a.persons)
        g.write(d1, lists, truth)
        g.write(d2, *g.generate(a.seed, a.persons)[:2])
        g.write(d3, *g.generate(a.seed + 1, a.persons)[:2])
        check(digest(d1) == digest(d2), "same seed writes byte-identical files")
        check(digest(d1) != digest(d3), "another seed writes other files")

        names = sorted(p.stem for p in d1.glob("*.csv") if p.stem != "truth")
        check(len(names) == 4 and set(names) == set(g.LISTS), f"four lists: {names}")
        tr = read(d1, "truth")
        check(
            list(tr[0]) == ["list", "record_id", "person_id"],
            "truth header list,record_id,person_id",
        )
        tkeys = [(r["list"], r["record_id"]) for r in tr]
        check(len(tkeys) == len(set(tkeys)), "truth names each record once")
        person = {(r["list"], r["record_id"]): r["person_id"] for r in tr}

        scripts: dict[str, str] = {}
        all_keys = set()
        for name in names:
            rows = read(d1, name)
            with (d1 / f"{name}.csv").open(encoding="utf-8", newline="") as f:
                header = next(csv.reader(f))
            check(
                set(header) <= DOCUMENTED, f"{name}: every header is one the user guide documents"
            )
            idcol = header[0]
            check(idcol in ("record_id", "رقم السجل"), f"{name}: record id column first")
            ids = [r[idcol] for r in rows]
            check(
                all(ids) and len(ids) == len(set(ids)),
                f"{name}: {len(ids)} record ids, non-empty and unique",
            )
            keys = {(name, i) for i in ids}
            all_keys |= keys
            check(keys <= set(person), f"{name}: truth covers every record")
            text = " ".join(" ".join(v for k, v in r.items() if k != idcol) for r in rows)
            ar, la = len(ARABIC.findall(text)), len(LATIN.findall(text))
            scripts[name] = "arabic" if ar > 10 * la else "latin" if la > 10 * ar else "mixed"
            per = collections.Counter(person[(name, i)] for i in ids)
            dups = sum(c - 1 for c in per.values())
            near(
                dups,
                len(ids),
                g.DUP_RATE[name] / (1 + g.DUP_RATE[name]),
                f"{name}: records repeating a person",
            )
        check(set(person) == all_keys, "truth holds no record that is in no list")
        check(
            sum(s == "arabic" for s in scripts.values()) >= 2,
            f"two lists or more in Arabic script: {scripts}",
        )
        check(sum(s == "latin" for s in scripts.values()) >= 1, "one list or more in Latin script")

        # pairs across scripts and within Arabic exist, and namesakes exist
        lists_of = collections.defaultdict(set)
        for (lst, _), pid in person.items():
            lists_of[pid].add(lst)
        ar_ar = sum(1 for s in lists_of.values() if {"iimp_families", "transfer_records"} <= s)
        ar_la = sum(
            1
            for s in lists_of.values()
            if s & {"iimp_families", "transfer_records"} and s & {"amman_ngo", "asylum_it_es"}
        )
        check(ar_ar > 100, f"persons in both Arabic lists: {ar_ar}")
        check(ar_la > 100, f"persons in an Arabic and a Latin list: {ar_la}")

        fam = read(d1, "iimp_families")
        triples = collections.defaultdict(set)
        for r in fam:
            triples[(r["الاسم"], r["اسم الأب"], r["الكنية"])].add(
                person[("iimp_families", r["رقم السجل"])]
            )
        check(
            sum(len(v) > 1 for v in triples.values()) > 10,
            "namesakes: one first, father's and family name, two persons",
        )

        # forms at their stated rates (from the files themselves where a form shows)
        n = len(fam)
        near(
            sum(bool(r["اسم الجد"]) for r in fam),
            n,
            0.72,
            "iimp_families: grandfather's name given",
        )
        near(
            sum(bool(r["العمر"]) for r in fam),
            n,
            0.18,
            "iimp_families: age instead of a year of birth",
        )
        near(
            sum(" " in r["اسم الأم"] for r in fam),
            n,
            0.85 * 0.6,
            "iimp_families: mother's full name",
            0.4,
        )
        near(
            sum(bool(r["الرقم الوطني"]) for r in fam),
            n,
            0.25,
            "iimp_families: national number given",
        )
        women = [r for r in fam if r["الجنس"] == "أنثى"]
        near(len(women), n, 0.12, "iimp_families: women")

        tra = read(d1, "transfer_records")
        n = len(tra)
        near(
            sum(bool(re.search(r" (ابن|بن|بنت) ", r["الاسم الكامل"])) for r in tra),
            n,
            0.40 + 0.18 * 0.5,
            "transfer_records: ابن/بن/بنت before the father's name",
        )
        near(
            sum(r["الاسم الكامل"].startswith("الموقوف") for r in tra),
            n,
            0.10,
            "transfer_records: الموقوف before the name",
        )
        near(
            sum(bool(re.search("[٠-٩]", r["سنة الولادة"])) for r in tra),
            n,
            0.85 * 0.5,
            "transfer_records: Arabic-Indic year",
        )
        near(
            sum(r["مكان الاعتقال"].startswith(("الفرع", "فرع", "المخابرات")) for r in tra),
            n,
            0.5,
            "transfer_records: branch as place",
        )
        near(
            forms["transfer_records"]["misread_letter"],
            n,
            0.12,
            "transfer_records: a letter misread by its dots",
            0.5,
        )
        near(
            sum(r["اسم الأم"].startswith(("والدت", "امه")) for r in tra),
            n,
            0.55 * 2 / 3,
            "transfer_records: والدته/امه",
        )

        ngo = read(d1, "amman_ngo")
        n = len(ngo)
        mf = sum(
            1 for r in ngo if r["date_of_arrest"] and int(r["date_of_arrest"].split("/")[1]) > 12
        )  # month first, visible only when the day is over 12
        near(forms["amman_ngo"]["month_first"], n, 0.75 * 0.25, "amman_ngo: month-first dates")
        check(mf > 0, f"amman_ngo: month-first dates visible as such: {mf}")
        near(sum(bool(r["national_id"]) for r in ngo), n, 0.2, "amman_ngo: national number given")
        arts = sum(r["family_name"].startswith(("Al", "El", "al-")) for r in ngo)
        check(
            0.3 < arts / n < 0.9,
            f"amman_ngo: family names with an article, fused or apart: {arts / n:.2f}",
        )

        asy = read(d1, "asylum_it_es")
        n = len(asy)
        near(sum("<<" in r["full_name"] for r in asy), n, 0.30, "asylum_it_es: passport-line names")
        near(
            sum(r["full_name"].endswith("<<<") for r in asy),
            n,
            0.09,
            "asylum_it_es: padded passport names",
            0.5,
        )
        near(forms["asylum_it_es"]["italian"], n, 0.40, "asylum_it_es: Italian spelling")
        near(forms["asylum_it_es"]["spanish"], n, 0.30, "asylum_it_es: Spanish spelling")
        check(
            any(
                re.search(
                    r"\b(Giamal|Gihad|Ualid|Sci|Chal|Jaled|Yamal)", r["first_name"] + r["full_name"]
                )
                for r in asy
            ),
            "asylum_it_es: Italian or Spanish spellings visible",
        )

        # communities and households
        persons = g.make_persons(__import__("random").Random(a.seed), a.persons)
        regions = collections.Counter(p.region for p in persons)
        for reg, w in g.REGION_WEIGHTS.items():
            near(
                regions[reg],
                len(persons),
                w / sum(g.REGION_WEIGHTS.values()),
                f"persons from region {reg}",
                0.25,
            )
        sib = collections.Counter(
            (p.region, p.family.ph, p.father.ph, p.grandfather.ph, p.mother_first.ph)
            for p in persons
        )
        check(
            sum(c > 1 for c in sib.values()) > 100, "siblings: households with two or three persons"
        )
        cousins = collections.defaultdict(set)
        for p in persons:
            cousins[(p.region, p.family.ph, p.grandfather.ph)].add(p.father.ph)
        check(
            sum(len(v) > 1 for v in cousins.values()) > 100, "cousins: one grandfather, two fathers"
        )
        women = [p for p in persons if p.sex == "F"]
        near(
            sum(p.husband_family is not None for p in women),
            len(women),
            0.55,
            "women with a husband's family name",
            0.3,
        )
        check(len({p.pid for p in persons}) == len(persons), "person ids unique")

    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
