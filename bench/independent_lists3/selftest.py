"""Self-test of the third independent set: reproducible bytes, the list format of the user
guide, and a scorer that gives 1.0 to the truth and less to broken clusterings.

    python bench/independent_lists3/selftest.py [--persons 1500] [--seed 3]
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __package__ in (None, ""):
    sys.path.insert(0, str(HERE))
    import generate
    import score
else:
    from . import generate, score


def _run_generator(out: Path, seed: int, n: int, hashseed: str) -> None:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "--seed", str(seed), "--persons", str(n),
         "--out", str(out)],
        check=True, env=env, capture_output=True,
    )  # fmt: skip


def _tree(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def _write_clusters(path: Path, clusters: dict[tuple[str, str], str]) -> None:
    sizes: dict[str, int] = {}
    for c in clusters.values():
        sizes[c] = sizes.get(c, 0) + 1
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["source", "record_id", "cluster_id", "cluster_size"])
        for (src, rid), c in clusters.items():
            w.writerow([src, rid, c, sizes[c]])


def check_format(d: Path) -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = {}
    for k in generate.LISTS:
        with (d / f"{k}.csv").open(encoding="utf-8", newline="") as fh:
            r = list(csv.reader(fh))
        header, body = r[0], r[1:]
        want = generate.ARABIC_HEADER if k == "committees" else generate.STANDARD
        assert header[: len(want)] == want, (k, header)
        assert body, k
        ids = [row[0] for row in body]
        assert len(set(ids)) == len(ids), f"{k}: repeated record ids"
        assert all(i.startswith(generate.PREFIX[k]) for i in ids), k
        for line, row in enumerate(body, 2):
            assert len(row) == len(header), (k, line)
            assert any(row[1:6]), (k, line, "no name")
            assert not any("\u200e" in c or "\u200f" in c or "\u202a" in c for c in row), (k, line)
        rows[k] = [dict(zip(generate.STANDARD, row, strict=False)) for row in body]
    truth = score.read_truth(d / "truth.csv")
    listed = {(k, row["record_id"]) for k, rs in rows.items() for row in rs}
    assert set(truth) == listed, "truth.csv does not cover the lists exactly"
    with (d / "persons.csv").open(encoding="utf-8", newline="") as fh:
        persons = {r["person_id"] for r in csv.DictReader(fh)}
    assert set(truth.values()) <= persons
    return rows


def check_phenomena(rows: dict[str, list[dict[str, str]]], stats: dict) -> None:
    def bad_year(v: str) -> bool:
        v = v.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
        y = v[-4:] if "/" in v else v[:4]
        return y.isdigit() and len(v) >= 4 and not 1900 <= int(y) <= 2010

    ts = rows["testimonies"]
    assert any(bad_year(r["birth_year"]) for r in ts), "no OCR'd implausible birth year"
    assert any(r["national_id"] and not r["national_id"].isdigit() for r in ts)
    assert any(r["sex"] == "" for k in rows for r in rows[k]), "no record without sex"
    assert any("، " in r["full_name"] for r in ts), "no Arabic comma order"
    intl = rows["international"]
    assert any(", " in r["full_name"] for r in intl)
    assert any(any(c in r["full_name"] for c in "āīūḥṣʿ") for r in intl), "no scholarly form"
    com = rows["committees"]
    assert any(r["full_name"] and not r["first_name"] for r in com)
    assert any(r["birth_year"].isdigit() and len(r["birth_year"]) <= 2 for r in com), "no ages"
    for k in generate.LISTS:
        assert stats["lists"][k]["counts"].get("near_duplicate", 0) > 0, k


def check_scores(d: Path, seed: int) -> dict[str, float]:
    truth = score.read_truth(d / "truth.csv")
    perfect = score.score(truth, dict(truth))
    assert perfect["overall"]["f1"] == 1.0
    assert all(f["f1"] == 1.0 for f in perfect["by_pair"].values() if f["true_pairs"])
    # Through the file, as `mizan link` writes it.
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clusters.csv"
        _write_clusters(path, {k: f"c-{v}" for k, v in truth.items()})
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.main(["--truth", str(d / "truth.csv"), "--clusters", str(path), "--json"])
        assert json.loads(buf.getvalue())["overall"]["f1"] == 1.0
    rng = random.Random(seed)
    singletons = {k: f"s{i}" for i, k in enumerate(truth)}
    split = {k: (f"x{i}" if rng.random() < 0.2 else v) for i, (k, v) in enumerate(truth.items())}
    persons = {}
    with (d / "persons.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            persons[r["person_id"]] = r
    by_name = {k: persons[v]["first"] + persons[v]["family"] for k, v in truth.items()}
    keys = list(truth)
    shuffled = dict(truth)
    for k in rng.sample(keys, len(keys) // 10):
        shuffled[k] = truth[rng.choice(keys)]
    missing = dict(list(truth.items())[: len(truth) // 2])
    out = {}
    for name, clustering in [("singletons", singletons), ("split", split),
                             ("by_first_and_family_name", by_name), ("shuffled", shuffled),
                             ("half_missing", missing)]:  # fmt: skip
        s = score.score(truth, clustering)
        assert s["overall"]["f1"] < 1.0, name
        out[name] = s["overall"]["f1"]
    assert score.score(truth, singletons)["overall"]["recall"] == 0.0
    assert score.score(truth, split)["overall"]["precision"] == 1.0
    assert score.score(truth, by_name)["overall"]["precision"] < 0.9
    assert score.score(truth, missing)["records_missing_from_clusters"] == len(truth) - len(missing)
    return out


def run(n: int = 1500, seed: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a", Path(tmp) / "b"
        _run_generator(a, seed, n, "1")
        _run_generator(b, seed, n, "4242")
        assert _tree(a) == _tree(b), "same seed, different bytes"
        c = Path(tmp) / "c"
        _run_generator(c, seed + 1, n, "1")
        assert _tree(c)["truth.csv"] != _tree(a)["truth.csv"], "the seed changes nothing"
        stats = json.loads((a / "stats.json").read_text(encoding="utf-8"))
        assert stats["persons"] == n
        rows = check_format(a)
        check_phenomena(rows, stats)
        return check_scores(a, seed)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args(argv)
    print("selftest OK; broken clusterings score F1", run(a.persons, a.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
