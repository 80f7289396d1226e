"""Record linkage on lists as they arrive: Mizan against the splink baseline, per pair of lists.

    .venv/bin/python bench/linkage_lists.py --independent 7 --independent 11 --own 20000
    # the engine of another checkout beside it, on the same lists:
    git worktree add /tmp/main-tree main
    .venv/bin/python bench/linkage_lists.py --independent 7 --own 100000 --before /tmp/main-tree

Two kinds of test set, each run through ``mizan link`` and through the plain splink baseline of
``bench/linkage.py`` in child processes, one after the other, in the same run:

- ``--independent SEED``: the three lists of ``bench/independent_lists/generate.py`` (20,000
  persons; families / ocr_documents / un_list), written without looking at the engine and
  never used to tune it: **held out**. Scored with that set's own ``score.py``.
- ``--own RECORDS``: the project's own generator (``mizan.linkage.synthetic``, seed 7), the one
  the engine is tuned on, which now writes the forms of issue 15 (``FAMILY, Given Father``,
  upper-case family names, bin/ibn/son of, French spellings, Arabic-keyboard digits, OCR'd
  years and national numbers).

For each run: pairwise precision, recall and F1 overall and for each pair of lists (and within
each list), wall time and peak memory of the child (``ru_maxrss`` from ``wait4``).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.linkage import run_child
from mizan.linkage.synthetic import write_lists

HERE = Path(__file__).resolve().parent
INDEPENDENT = HERE / "independent_lists"


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("independent_score", INDEPENDENT / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _c2(n: int) -> int:
    return n * (n - 1) // 2


def score_pairs_by_source(
    clusters_csv: Path, truth: dict[tuple[str, str], str]
) -> dict[str, dict[str, float]]:
    """Pairwise P/R/F1 overall and for each pair of sources (any source names)."""
    cluster_of: dict[tuple[str, str], str] = {}
    with clusters_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            cluster_of[(row["source"], row["record_id"])] = row["cluster_id"]
    groups: dict[str, defaultdict[Any, Counter[str]]] = {
        name: defaultdict(Counter) for name in ("true", "predicted", "correct")
    }
    for key, person in truth.items():
        cluster = cluster_of.get(key, ("single", *key))
        groups["true"][person][key[0]] += 1
        groups["predicted"][cluster][key[0]] += 1
        groups["correct"][(cluster, person)][key[0]] += 1
    sources = sorted({source for source, _ in truth})
    counts: dict[str, Counter[tuple[str, str]]] = {}
    for name, by_group in groups.items():
        tally: Counter[tuple[str, str]] = Counter()
        for group in by_group.values():
            for i, a in enumerate(sources):
                tally[(a, a)] += _c2(group[a])
                for b in sources[i + 1 :]:
                    tally[(a, b)] += group[a] * group[b]
        counts[name] = tally

    def prf(keys: list[tuple[str, str]]) -> dict[str, float]:
        t = sum(counts["true"][k] for k in keys)
        p = sum(counts["predicted"][k] for k in keys)
        c = sum(counts["correct"][k] for k in keys)
        precision = c / p if p else 1.0
        recall = c / t if t else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1}

    every = [(a, b) for i, a in enumerate(sources) for b in sources[i:]]
    result = {"overall": prf(every)}
    for a, b in every:
        result[f"{a}-{b}" if a != b else f"within-{a}"] = prf([(a, b)])
    return result


def _convert(clusters_csv: Path, out: Path) -> None:
    """``source,record_id,cluster_id`` → the ``cluster_id,list,record_id`` of score.py."""
    with clusters_csv.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        writer = csv.writer(dst)
        writer.writerow(["cluster_id", "list", "record_id"])
        for row in csv.DictReader(src):
            writer.writerow([row["cluster_id"], row["source"], row["record_id"]])


def _engines(files: list[Path], folder: Path, before: Path | None) -> dict[str, list[str]]:
    mizan = str(Path(sys.executable).with_name("mizan"))
    engines: dict[str, list[str]] = {}
    if before is not None:
        # Another version of the engine, from a copy of its source tree, on the same lists.
        out = str(folder / "mizan-before.csv")
        engines["mizan-before"] = [
            "env",
            f"PYTHONPATH={before / 'src'}",
            mizan,
            "link",
            *map(str, files),
            "--out",
            out,
        ]
    return engines | {
        "mizan": [mizan, "link", *map(str, files), "--out", str(folder / "mizan.csv")],
        "baseline": [
            sys.executable,
            str(HERE / "linkage.py"),
            "baseline",
            str(folder / "baseline.csv"),
            *map(str, files),
        ],
    }


def _row(label: str, engine: str, scores: dict[str, Any], seconds: float, peak: float) -> str:
    cells = [f"{scores['overall'][k]:.3f}" for k in ("precision", "recall", "f1")]
    pairs = " · ".join(
        f"{name} {v['precision']:.3f}/{v['recall']:.3f}"
        for name, v in scores.items()
        if name not in ("overall", "within-list", "across-lists") and isinstance(v, dict)
    )
    return f"| {label} | {engine} | {' | '.join(cells)} | {seconds:.0f} | {peak:,.0f} | {pairs} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--independent", type=int, action="append", default=[], metavar="SEED")
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--own", type=int, action="append", default=[], metavar="RECORDS")
    parser.add_argument("--engine", action="append", choices=("mizan", "baseline", "mizan-before"))
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        metavar="TREE",
        help="also run the engine of another checkout (its src/ first on PYTHONPATH), e.g. main",
    )
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    engines = args.engine or ["mizan-before", "mizan", "baseline"]
    work = args.work or Path(tempfile.mkdtemp(prefix="mizan-linkage-lists-"))
    score = _score_module()
    print(
        "| test set | engine | precision | recall | F1 | time (s) | peak MiB"
        " | per pair of lists: precision/recall |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---|")
    for seed in args.independent:
        folder = work / f"independent-{seed}"
        subprocess.run(
            [
                sys.executable,
                str(INDEPENDENT / "generate.py"),
                "--seed",
                str(seed),
                "--persons",
                str(args.persons),
                "--out",
                str(folder),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        files = [folder / f"{name}.csv" for name in ("families", "ocr_documents", "un_list")]
        held_out = score.read_truth(folder / "truth.csv")
        for engine, command in _engines(files, folder, args.before).items():
            if engine not in engines:
                continue
            seconds, peak = run_child(command)
            converted = folder / f"{engine}-scored.csv"
            _convert(folder / f"{engine}.csv", converted)
            assign, _unknown, _missing = score.read_clusters(converted, held_out)
            label = f"independent, seed {seed} (held out)"
            print(_row(label, engine, score.score(held_out, assign), seconds, peak), flush=True)
    for size in args.own:
        folder = work / f"own-{size}"
        files = write_lists(size, folder, seed=7)
        truth: dict[tuple[str, str], str] = {}
        with (folder / "truth.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                truth[(row["source"], row["record_id"])] = row["person_id"]
        for engine, command in _engines(files, folder, args.before).items():
            if engine not in engines:
                continue
            seconds, peak = run_child(command)
            scores = score_pairs_by_source(folder / f"{engine}.csv", truth)
            label = f"own generator, {size:,} records, seed 7"
            print(_row(label, engine, scores, seconds, peak), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
