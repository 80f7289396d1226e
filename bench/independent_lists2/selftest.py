#!/usr/bin/env python3
"""Self-test of the second independent test set: reproducible, well-formed, and scored sensibly.

    python bench/independent_lists2/selftest.py [--persons 1500]

Checks: the same seed gives the same bytes and another seed other bytes; every list has the
documented header, unique prefixed record ids and rows as long as the header; truth.csv names
every record once; a perfect clustering scores 1.0; all-singletons, one cluster per family name,
random merges and random splits all score lower.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

try:
    from . import generate, score
except ImportError:  # run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import generate  # type: ignore[no-redef]
    import score  # type: ignore[no-redef]

FILES = ("intake.csv", "register.csv", "ngo.csv", "truth.csv", "persons.csv", "stats.json")


def _digest(d: Path) -> dict[str, str]:
    return {f: hashlib.sha256((d / f).read_bytes()).hexdigest() for f in FILES}


def _write_clusters(path: Path, assignment: dict[tuple[str, str], str]) -> None:
    sizes: dict[str, int] = defaultdict(int)
    for c in assignment.values():
        sizes[c] += 1
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["source", "record_id", "cluster_id", "cluster_size"])
        for (lst, rid), c in sorted(assignment.items()):
            w.writerow([lst, rid, c, sizes[c]])


def run(persons: int = 1500, seed: int = 11) -> list[str]:
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        generate.generate(seed, persons, t / "a")
        generate.generate(seed, persons, t / "b")
        generate.generate(seed + 1, persons, t / "c")
        da, db, dc = _digest(t / "a"), _digest(t / "b"), _digest(t / "c")
        check(da == db, "same seed must give the same bytes")
        check(
            da["truth.csv"] != dc["truth.csv"] and da["ngo.csv"] != dc["ngo.csv"],
            "another seed must give other lists",
        )

        headers = {
            "intake": generate.INTAKE_HEADER,
            "register": generate.REGISTER_HEADER,
            "ngo": generate.NGO_HEADER,
        }
        seen: set[tuple[str, str]] = set()
        for name in generate.LISTS:
            with (t / "a" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            check(rows[0] == headers[name], f"{name}: header")
            ids = [r[0] for r in rows[1:]]
            check(len(ids) == len(set(ids)), f"{name}: record ids unique")
            check(all(i.startswith(generate.PREFIX[name]) for i in ids), f"{name}: id prefix")
            check(all(len(r) == len(rows[0]) for r in rows), f"{name}: row lengths")
            check(all(any(c.strip() for c in r[1:]) for r in rows[1:]), f"{name}: empty row")
            seen |= {(name, i) for i in ids}
        truth = score.read_truth(t / "a" / "truth.csv")
        check(set(truth) == seen, "truth.csv names every record exactly once")
        with (t / "a" / "persons.csv").open(encoding="utf-8", newline="") as f:
            people = {r["person_id"]: r for r in csv.DictReader(f)}
        check(len(people) == persons, "persons.csv has every person")
        check(set(truth.values()) == set(people), "every person is in at least one list")

        def scored(assign: dict[tuple[str, str], str]) -> dict:  # type: ignore[type-arg]
            _write_clusters(t / "x.csv", assign)
            return score.score(truth, score.read_clusters(t / "x.csv"))

        perfect = scored({k: f"c{v}" for k, v in truth.items()})
        check(perfect["overall"]["f1"] == 1.0, "perfect clustering scores 1.0")
        check(
            all(m["f1"] == 1.0 for m in perfect["per_list_pair"].values()),
            "perfect clustering scores 1.0 in every pair of lists",
        )
        check(len(perfect["per_list_pair"]) == 6, "three lists give six pairs")

        alone = scored({k: f"{k[0]}/{k[1]}" for k in truth})
        check(alone["overall"]["recall"] == 0.0, "singletons find no pair")
        by_family = scored({k: people[v]["family_name"] for k, v in truth.items()})
        check(by_family["overall"]["recall"] == 1.0, "one cluster per family keeps all pairs")
        check(by_family["overall"]["precision"] < 0.5, "one cluster per family is imprecise")
        rng = random.Random(3)
        keys = sorted(truth)
        merged = {k: f"c{v}" for k, v in truth.items()}
        for k in rng.sample(keys, len(keys) // 10):
            merged[k] = merged[rng.choice(keys)]
        m = scored(merged)
        check(m["overall"]["precision"] < 1.0 and m["overall"]["f1"] < 1.0, "random merges cost")
        split = {k: (f"{k[0]}/{k[1]}" if rng.random() < 0.2 else f"c{v}") for k, v in truth.items()}
        s = scored(split)
        check(
            s["overall"]["precision"] == 1.0 and s["overall"]["recall"] < 1.0,
            "random splits cost recall only",
        )
        cross = scored({k: f"c{v}-{k[0] == 'ngo'}" for k, v in truth.items()})
        check(
            cross["per_list_pair"]["intake~ngo"]["recall"] == 0.0
            and cross["per_list_pair"]["intake~register"]["recall"] == 1.0,
            "per-pair figures see a missed script",
        )
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--persons", type=int, default=1500)
    a = ap.parse_args(argv)
    failures = run(a.persons)
    for f in failures:
        print("FAIL:", f)
    print("selftest:", "ok" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
