"""Retrain the shipped linkage model on synthetic lists, without their labels.

    .venv/bin/python bench/linkage_train.py [--records 100000] [--seed 1000]

Writes src/mizan/linkage/model.json. The benchmark uses another seed (7), so the model is never
scored on the lists it was trained on; no ground truth is used in training (EM).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mizan.linkage.engine import train
from mizan.linkage.synthetic import generate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1000)
    args = parser.parse_args()
    start = time.perf_counter()
    lists, _ = generate(args.records, seed=args.seed)
    rows = [row for rows in lists.values() for row in rows]
    model = train(
        rows,
        trained_on=f"synthetic lists, {args.records} records, seed {args.seed}"
        " (python -m mizan.linkage.synthetic)",
    )
    target = Path(__file__).resolve().parent.parent / "src/mizan/linkage/model.json"
    target.write_text(model.to_json(), encoding="utf-8")
    print(
        f"{target}: matches per record {model.matches_per_record:.3f},"
        f" {time.perf_counter() - start:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
