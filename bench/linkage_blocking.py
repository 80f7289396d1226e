"""Blocking recall of `mizan link`: how many true pairs are ever scored, per pair of lists.

    .venv/bin/python bench/linkage_blocking.py --truth DIR/truth.csv DIR/a.csv DIR/b.csv ...
        [--missed missed.tsv] [--rules]

A pair of records that no blocking rule puts together is never compared: the model cannot link
it, whatever its fields say. This reads the lists as ``mizan link`` does, builds the same
feature rows (every reading of a record), runs each blocking rule of ``mizan.linkage.model`` as
a self-join in DuckDB, and reports, for each pair of lists, the share of true pairs (same person
in the truth file) that at least one rule generates, and how many candidate pairs there are.
``--rules`` adds what each rule contributes; ``--missed`` writes the missed true pairs with their
features, for reading. The truth file has ``list`` (or ``source``), ``record_id``, ``person_id``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if not any(Path(entry).name == "src" for entry in sys.path):
    # Run from a checkout without the package installed; PYTHONPATH=<other tree>/src measures
    # another engine.
    sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--truth", type=Path, required=True)
    parser.add_argument("--missed", type=Path)
    parser.add_argument("--rules", action="store_true", help="what each rule adds")
    args = parser.parse_args()

    import duckdb
    import pyarrow as pa

    from mizan.linkage import engine, model, read_lists
    from mizan.linkage.features import FEATURE_COLUMNS

    with args.truth.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        source_column = "list" if "list" in (reader.fieldnames or []) else "source"
        truth = {(r[source_column], r["record_id"]): r["person_id"] for r in reader}

    started = time.perf_counter()
    records = read_lists(args.files)
    values = [r.values for r in records]
    sources = [r.source for r in records]
    # The lists marked as ``engine.link`` marks them (Kurmanji, Turkish, German, Italian and
    # Spanish spelling; late ages), those marks an engine has.
    from mizan.linkage import features

    for marking in (
        "mark_kurmanji_lists",
        "mark_turkish_lists",
        "mark_germanic_lists",
        "mark_romance_lists",
        "mark_late_ages",
    ):
        if hasattr(features, marking):
            values = getattr(features, marking)(values, sources)
    rows = engine._columns(values)
    if isinstance(rows, dict):  # an engine before readings: one row per record
        columns = rows
        record_of = list(range(len(records)))
    else:
        columns = dict(rows.columns)
        record_of = rows.record
    features_s = time.perf_counter() - started
    person = [truth.get((r.source, r.record_id)) for r in records]
    source = [r.source for r in records]

    data = {name: columns[name] for name in ("unique_id", *FEATURE_COLUMNS)}
    exploding = hasattr(engine, "_name_pairs")
    if exploding:
        # The rule on two name words in common explodes this column, as splink does.
        data["name_pairs"] = engine._name_pairs(columns, record_of)
    table = pa.table(data)
    connection = duckdb.connect(":memory:")
    connection.register("t", table)
    if exploding:
        connection.execute(
            "CREATE TABLE x AS SELECT * EXCLUDE (name_pairs), unnest(name_pairs) AS name_pairs"
            " FROM t"
        )
    started = time.perf_counter()
    candidates: set[tuple[int, int]] = set()
    per_rule: list[tuple[str, int, int]] = []
    for rule in model.blocking_rules():
        sql = rule["blocking_rule"]
        side = "x" if rule.get("arrays_to_explode") else "t"
        query = f"SELECT l.unique_id, r.unique_id FROM {side} AS l JOIN {side} AS r ON ({sql})"  # noqa: S608
        found = connection.execute(query + " AND l.unique_id < r.unique_id").fetchall()
        new = 0
        for a, b in found:
            x, y = record_of[a], record_of[b]
            if x == y:
                continue
            key = (x, y) if x < y else (y, x)
            if key not in candidates:
                candidates.add(key)
                new += 1
        per_rule.append((sql.split(" AND (")[0], len(found), new))
    blocking_s = time.perf_counter() - started

    by_person: dict[str, list[int]] = defaultdict(list)
    for index, who in enumerate(person):
        if who is not None:
            by_person[who].append(index)
    true_pairs: Counter[str] = Counter()
    blocked: Counter[str] = Counter()
    missed: list[tuple[int, int]] = []
    for members in by_person.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                name = "~".join(sorted((source[a], source[b])))
                true_pairs[name] += 1
                if (a, b) in candidates:
                    blocked[name] += 1
                else:
                    missed.append((a, b))
    candidate_by: Counter[str] = Counter(
        "~".join(sorted((source[a], source[b]))) for a, b in candidates
    )
    print(
        f"records {len(records)}  readings {len(record_of)}  candidate pairs {len(candidates)}"
        f"  features {features_s:.1f} s  blocking {blocking_s:.1f} s"
    )
    print(f"{'pair':<22} {'blocked':>8} {'true':>7} {'recall':>7} {'candidates':>11}")
    for name in sorted(true_pairs):
        recall = blocked[name] / true_pairs[name]
        print(
            f"{name:<22} {blocked[name]:>8} {true_pairs[name]:>7} {recall:>7.4f}"
            f" {candidate_by[name]:>11}"
        )
    total_true = sum(true_pairs.values())
    total = sum(blocked.values())
    print(
        f"{'overall':<22} {total:>8} {total_true:>7} {total / max(total_true, 1):>7.4f}"
        f" {len(candidates):>11}"
    )
    if args.rules:
        print("\nrule: row pairs, record pairs new to it")
        for sql, found, new in per_rule:
            print(f"{found:>9} {new:>8}  {sql}")
    if args.missed:
        first_row: dict[int, int] = {}
        for row_number, index in enumerate(record_of):
            first_row.setdefault(index, row_number)
        shown = ("first", "father", "grandfather", "family", "mother")
        with args.missed.open("w", encoding="utf-8") as handle:
            for a, b in missed:
                handle.write(f"{source[a]}~{source[b]}\n")
                for index in (a, b):
                    values = records[index].values
                    written = " | ".join(
                        values.get(k, "")
                        for k in (
                            "full_name",
                            "first_name",
                            "father_name",
                            "grandfather_name",
                            "family_name",
                            "birth_year",
                        )
                    )
                    row = first_row[index]
                    keys = " ".join(str(columns[f"{p}_k"][row]) for p in shown)
                    handle.write(
                        f"  {records[index].record_id}: {written}\n    keys: {keys}"
                        f" by={columns['birth_year'][row]}\n"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
