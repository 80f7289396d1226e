"""The generator's own invariants (no engine involved).

python3 bench/independent_lists9/selftest.py
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate as g

FILES = [f"{name}.csv" for name in g.LISTS] + ["truth.csv"]
ID_COLUMN = {"bamf_de": "record_id"}  # the Arabic lists name it رقم السجل


def digest(directory: Path) -> dict[str, str]:
    return {f: hashlib.sha256((directory / f).read_bytes()).hexdigest() for f in FILES}


def check(cond: bool, what: str, failures: list[str]) -> None:
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)


def main() -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        a, b, c = Path(tmp, "a"), Path(tmp, "b"), Path(tmp, "c")
        g.main(["--seed", "9", "--persons", "20000", "--out", str(a)])
        g.main(["--seed", "9", "--persons", "20000", "--out", str(b)])
        g.main(["--seed", "10", "--persons", "20000", "--out", str(c)])
        check(digest(a) == digest(b), "same seed writes byte-identical files", failures)
        check(
            digest(a)["truth.csv"] != digest(c)["truth.csv"],
            "another seed writes other files",
            failures,
        )

        with open(a / "truth.csv", encoding="utf-8", newline="") as fh:
            truth = list(csv.DictReader(fh))
        check(list(truth[0]) == ["list", "record_id", "person_id"], "truth.csv columns", failures)
        truth_keys = Counter((t["list"], t["record_id"]) for t in truth)
        check(max(truth_keys.values()) == 1, "truth has each record once", failures)
        listed = set()
        for name in g.LISTS:
            with open(a / f"{name}.csv", encoding="utf-8", newline="") as fh:
                rows = list(csv.reader(fh))
            header, body = rows[0], rows[1:]
            check(
                all(len(r) == len(header) for r in body),
                f"{name}: every row has the header's cells",
                failures,
            )
            ids = [r[0] for r in body]
            check(
                len(ids) == len(set(ids)) and all(ids),
                f"{name}: record ids unique and non-empty",
                failures,
            )
            check(
                header[0] in ("record_id", "رقم السجل"),
                f"{name}: first column is the record id",
                failures,
            )
            listed |= {(name, i) for i in ids}
            text = "".join("".join(r) for r in body)
            check(
                "\u200f" not in text and "\u200e" not in text,
                f"{name}: no direction-control characters",
                failures,
            )
        check(
            listed == set(truth_keys),
            "truth covers every record of every list, and only those",
            failures,
        )

        # size and shape of the set
        per_person = Counter()
        lists_of: dict[str, set] = {}
        for t in truth:
            per_person[t["person_id"]] += 1
            lists_of.setdefault(t["person_id"], set()).add(t["list"])
        n_lists = Counter(len(v) for v in lists_of.values())
        check(4000 <= len(truth) <= 6500, f"records in 4,000-6,500 ({len(truth)})", failures)
        check(3000 <= len(per_person) <= 4000, f"persons about 3,500 ({len(per_person)})", failures)
        check(
            all(n_lists[k] > 0 for k in (1, 2, 3, 4)),
            f"persons in 1, 2, 3 and 4 lists {dict(n_lists)}",
            failures,
        )

    # forms appear at their rates (seed 9, 20,000 persons)
    out, stats = g.generate(9, 20000)
    expected = {
        ("bamf_de", "vorname_first_plus_father"): (0.17, 0.27),
        ("bamf_de", "birth_0101"): (0.11, 0.19),
        ("bamf_de", "german_letters"): (0.2, 0.5),
        ("bamf_de", "first_family_swapped"): (0.02, 0.06),
        ("bamf_de", "arrest_ddmmyyyy"): (0.45, 0.57),
        ("cellmate_accounts", "name_kunya_nisba_only"): (0.06, 0.14),
        ("cellmate_accounts", "name_first_place_nickname"): (0.06, 0.14),
        ("cellmate_accounts", "arrest_year_approx"): (0.29, 0.40),
        ("cellmate_accounts", "repeat_other_survivor"): (0.05, 0.12),
        ("hospital_register", "first_father_only"): (0.30, 0.45),
        ("hospital_register", "dot_misread"): (0.10, 0.25),
        ("hospital_register", "persian_yeh_kaf"): (0.03, 0.12),
        ("hospital_register", "tatweel"): (0.04, 0.15),
        ("civil_death_notices", "family_as_registered"): (0.03, 0.12),
        ("civil_death_notices", "national_id"): (0.78, 0.9),
        ("civil_death_notices", "mother_full"): (0.84, 0.94),
    }
    for (name, form), (lo, hi) in expected.items():
        rate = stats.c[name][form] / len(out[name])
        check(lo <= rate <= hi, f"{name}: {form} at {rate:.3f} within [{lo}, {hi}]", failures)

    # namesakes and siblings exist
    people = g.make_people(random.Random(9), 20000)
    triple = Counter((p.first, p.father, p.family) for p in people)
    check(
        sum(1 for v in triple.values() if v > 1) > 50,
        "namesakes: same first, father's and family name",
        failures,
    )
    households = Counter(p.household for p in people)
    check(
        sum(1 for v in households.values() if v > 1) > 1000, "siblings share a household", failures
    )
    sib = Counter((p.household, p.first) for p in people)
    check(max(sib.values()) == 1, "brothers and sisters never share a first name", failures)

    # no real person: every name is drawn from the invented pools, every national number unique
    male = {a for a, _, _ in g.MALE}
    female = {a for a, _, _ in g.FEMALE}
    family = {a for a, _, _, _ in g.FAMILY}
    check(
        all(
            p.first in (male | female)
            and p.father in male
            and p.grand in male
            and p.family in family
            and p.mother_first in female
            for p in people
        ),
        "every person is built from the pools of common names",
        failures,
    )
    check(
        len({p.nid for p in people}) == len(people),
        "national numbers are synthetic and unique",
        failures,
    )

    print(f"\n{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
