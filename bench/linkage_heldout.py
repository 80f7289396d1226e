"""Score a held-out independent set once: ``mizan link`` (this tree, and optionally another
tree's engine) beside the plain splink baseline, in the same run, per pair of lists.

    .venv/bin/python bench/linkage_heldout.py --set independent_lists6 --seed 6 \
        --work /tmp/heldout6 [--before OTHER_TREE]

Generates the set's lists (20,000 persons unless ``--persons``) with its own ``generate.py``,
takes the lists named in its ``truth.csv`` (in the order they first appear there), runs each
engine in a child process (wall time and peak memory from ``wait4``), and prints pairwise
precision / recall / F1 overall and for every pair of lists, as a Markdown table. The scores
go to ``WORK/scores.json``. A held-out set is scored **once**: run this after the engine work,
never while tuning.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.linkage import run_child  # noqa: E402
from bench.linkage_lists import score_pairs_by_source  # noqa: E402


def _truth(folder: Path) -> tuple[dict[tuple[str, str], str], list[str]]:
    truth: dict[tuple[str, str], str] = {}
    lists: list[str] = []
    with (folder / "truth.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row.get("list") or row["source"]
            if name not in lists:
                lists.append(name)
            truth[(name, row["record_id"])] = row["person_id"]
    return truth, lists


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", required=True, help="a folder of bench/, e.g. independent_lists6")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--before", type=Path, default=None, help="another tree (its src/)")
    args = parser.parse_args()
    folder = args.work / f"{args.set}-{args.seed}"
    if not (folder / "truth.csv").exists():
        script = ROOT / "bench" / args.set / "generate.py"
        command = [sys.executable, str(script), "--seed", str(args.seed)]
        command += ["--persons", str(args.persons), "--out", str(folder)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    truth, lists = _truth(folder)
    files = [str(folder / f"{name}.csv") for name in lists]
    mizan = str(Path(sys.executable).with_name("mizan"))
    engines: dict[str, list[str]] = {}
    if args.before is not None:
        before_src = f"PYTHONPATH={args.before.resolve() / 'src'}"
        out = str(folder / "mizan-before.csv")
        engines["mizan (before)"] = ["env", before_src, mizan, "link", *files, "--out", out]
    engines["mizan"] = [mizan, "link", *files, "--out", str(folder / "mizan.csv")]
    baseline = [sys.executable, str(ROOT / "bench" / "linkage.py"), "baseline"]
    engines["splink baseline"] = [*baseline, str(folder / "baseline.csv"), *files]
    outputs = {"mizan (before)": "mizan-before", "mizan": "mizan", "splink baseline": "baseline"}
    print(f"{args.set}, seed {args.seed}: {len(truth):,} records in {len(lists)} lists")
    print("| engine | precision | recall | F1 | time (s) | peak MiB | per pair: precision/recall |")
    print("|---|--:|--:|--:|--:|--:|---|")
    results = {}
    for engine, command in engines.items():
        seconds, peak = run_child(command)
        scores = score_pairs_by_source(folder / f"{outputs[engine]}.csv", truth)
        results[engine] = {"scores": scores, "seconds": seconds, "peak_mib": peak}
        overall = scores["overall"]
        pairs = "; ".join(
            f"{pair} {value['precision']:.3f}/{value['recall']:.3f}"
            for pair, value in scores.items()
            if pair != "overall"
        )
        cells = " | ".join(f"{overall[k]:.3f}" for k in ("precision", "recall", "f1"))
        print(f"| {engine} | {cells} | {seconds:.1f} | {peak:.0f} | {pairs} |", flush=True)
    (args.work / "scores.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
