"""Issue 4 benchmark: building a handover package against ``cp`` and ``sha256sum`` of its bytes.

Why: a package build reads every original out of the encrypted store, hashes it (SHA-256 and
SHA-512) while copying, lets bagit hash the bag again to write its manifests, and verifies the
finished bag once more (bagit validation with hashes) before keeping it; the encrypted variant
streams once through age instead. This measures what that costs next to the plain tools a person
would use to copy and hash the same bytes, in the same run, runs interleaved.

    .venv/bin/python bench/package_build.py                   # 1 GiB item, 3 runs
    .venv/bin/python bench/package_build.py --size-mib 256 --runs 2

Each build runs in a fresh child process (peak memory from VmHWM, which starts afresh at exec).
The input is random bytes, put once into a temporary evidence store under ``--dir``.
Prints a Markdown report; bench/README.md holds the figures of the last run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MIB = 1024**2
ROOT = Path(__file__).resolve().parents[1]


def peak_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(ln.split()[1] for ln in status.splitlines() if ln.startswith("VmHWM:")))


def child_build(work: Path, mode: str) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from mizan.evidence.chain import GENESIS, seal
    from mizan.evidence.package import PackageItem, build_package
    from mizan.evidence.signing import SigningKey
    from mizan.evidence.store import LocalStore, StoreKey

    meta = json.loads((work / "item.json").read_text())
    store = LocalStore(work / "store", StoreKey.load(work / "store.key"))
    item = PackageItem(
        "EV-2026-000001",
        "input.bin",
        meta["sha256"],
        meta["sha512"],
        meta["size"],
        lambda: store.open(meta["sha256"]),
        {},
    )
    event = seal(
        {
            "seq": 1,
            "item": item.item_id,
            "action": "ingest",
            "actor": "bench",
            "at": "2026-11-24T00:00:00Z",
            "details": {"sha256": item.sha256},
            "prev": GENESIS,
            "item_prev": GENESIS,
        }
    )
    out = work / f"out-{mode}"
    shutil.rmtree(out, ignore_errors=True)
    copied_at: list[float] = []

    def progress(done: int, total: int) -> None:
        if done == total and not copied_at:
            copied_at.append(time.perf_counter())

    age = None
    if mode == "age":
        import pyrage

        age = str(pyrage.x25519.Identity.generate().to_public())
    start = time.perf_counter()
    build_package(
        out,
        items=[item],
        events=[event],
        summary={},
        summary_pdf=None,
        signing_key=SigningKey.load_or_create(work / "signing.pem"),
        organisation="bench",
        recipient="bench",
        age_recipient=age,
        progress=progress,
    )
    end = time.perf_counter()
    shutil.rmtree(out)
    copy_phase = (copied_at[0] if copied_at else end) - start
    print(json.dumps({"seconds": end - start, "copy": copy_phase, "peak_kib": peak_kib()}))


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "mizan-bench")
    parser.add_argument("--child", nargs=2, metavar=("WORK", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_build(Path(args.child[0]), args.child[1])
        return

    sys.path.insert(0, str(ROOT / "src"))
    from mizan.evidence.store import LocalStore, StoreKey

    work = args.dir / "package"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    size = args.size_mib * MIB
    source = work / "input.bin"
    with source.open("wb") as f:
        for _ in range(args.size_mib // 64):
            f.write(os.urandom(64 * MIB))
        f.write(os.urandom(size % (64 * MIB)))
    key = StoreKey.generate()
    key.save(work / "store.key")
    with source.open("rb") as f:
        stored = LocalStore(work / "store", key).put(f)
    (work / "item.json").write_text(
        json.dumps({"sha256": stored.sha256, "sha512": stored.sha512, "size": stored.size})
    )
    with source.open("rb") as f:  # page cache warm for the plain tools too
        assert hashlib.file_digest(f, "sha256").hexdigest() == stored.sha256

    results: dict[str, list[float]] = {
        k: [] for k in ("cp", "sha256sum", "sha512sum", "dir", "dir_copy", "age")
    }
    peaks: dict[str, list[int]] = {"dir": [], "age": []}
    for _ in range(args.runs):
        copy = work / "copy.bin"
        results["cp"].append(
            timed(["sh", "-c", f"cp '{source}' '{copy}' && sync '{copy}'"])  # fsync, as builds do
        )
        copy.unlink()
        results["sha256sum"].append(timed(["sha256sum", str(source)]))
        results["sha512sum"].append(timed(["sha512sum", str(source)]))
        for mode in ("dir", "age"):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(work), mode],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            data = json.loads(out.strip().splitlines()[-1])
            results[mode].append(data["seconds"])
            peaks[mode].append(round(data["peak_kib"] / 1024))
            if mode == "dir":
                results["dir_copy"].append(data["copy"])

    def rate(seconds: float) -> str:
        return f"{args.size_mib / seconds:.0f} MiB/s"

    median = {k: statistics.median(v) for k, v in results.items()}
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    print(f"Machine: {machine}, Python {platform.python_version()},")
    load = os.getloadavg()[0]
    print(f"load average at the end {load:.1f}; item {args.size_mib} MiB, {args.runs} runs")
    print()
    print("| what | median s | throughput | runs (s) | peak RSS |")
    print("|---|--:|--:|---|--:|")
    labels = {
        "cp": "`cp` + `sync` of the copy",
        "sha256sum": "`sha256sum`",
        "sha512sum": "`sha512sum`",
        "dir": "package, directory (whole build)",
        "dir_copy": "… of which: copy out of the store with SHA-256+SHA-512",
        "age": "package, age-encrypted (streamed)",
    }
    for key_name, label in labels.items():
        runs = " / ".join(f"{s:.2f}" for s in results[key_name])
        peak = f"{max(peaks[key_name])} MB" if key_name in peaks else ""
        print(f"| {label} | {median[key_name]:.2f} | {rate(median[key_name])} | {runs} | {peak} |")
    print()
    print(
        f"Ratios (speed): directory package / cp = {median['cp'] / median['dir']:.2f},"
        f" / sha256sum = {median['sha256sum'] / median['dir']:.2f};"
        f" age package / cp = {median['cp'] / median['age']:.2f},"
        f" / sha256sum = {median['sha256sum'] / median['age']:.2f}"
    )
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
