"""Backup and restore drill benchmark (issue 13).

Builds a synthetic installation (documentation set from ``bench.cases_generate`` plus random
evidence files ingested through ``mizan evidence add``), then measures, in the same run:

1. ``mizan backup create`` (first backup): wall time, peak memory (the process tree), repository
   size; baseline: ``tar -cf - HOME | sha256sum`` of the same data directory.
2. a second backup after adding ``--add-mib`` MiB of new evidence: bytes restic reports added
   against the new data.
3. ``mizan backup restore latest --into DIR`` (restore + full drill: integrity, counts, chain
   heads, migrate, audit verify, every evidence object decrypted and re-hashed): wall time and
   peak memory; baseline: ``cp -r HOME`` of the same data directory.

    python -m bench.backup --incidents 20000 --evidence-mib 2048 --add-mib 512 \
        --out /tmp/mizan-bench-backup

Synthetic people only. Peak memory is ``ru_maxrss`` of the waited child, which on Linux is the
largest resident set of that process and every descendant it waited for (restic included).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def tar_sha256(home: Path) -> float:
    """Seconds for ``tar -cf - HOME | sha256sum``: reading and hashing every byte once."""
    start = time.monotonic()
    tar = subprocess.Popen(["tar", "-cf", "-", "-C", str(home), "."], stdout=subprocess.PIPE)
    digest = subprocess.run(["sha256sum"], stdin=tar.stdout, capture_output=True, check=True)
    assert tar.stdout is not None
    tar.stdout.close()
    if tar.wait() != 0 or not digest.stdout:
        raise SystemExit("tar | sha256sum failed")
    return time.monotonic() - start


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Like run(), but measured with os.wait4 so peak memory covers the whole process tree."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd} failed with status {proc.returncode}")
    return seconds, usage.ru_maxrss / 1024, out.decode()


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ingest(env: dict[str, str], work: Path, total_mib: int, name: str, file_mib: int) -> None:
    folder = work / name
    folder.mkdir()
    left, index = total_mib, 0
    while left > 0:
        size = min(file_mib, left)
        with (folder / f"{name}-{index:05}.bin").open("wb") as f:
            for _ in range(size):
                f.write(os.urandom(MIB))
        left -= size
        index += 1
    timed([sys.executable, "-m", "mizan.cli", "evidence", "add", str(folder)], env)
    shutil.rmtree(folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20_000)
    parser.add_argument("--evidence-mib", type=int, default=2048)
    parser.add_argument("--add-mib", type=int, default=512)
    parser.add_argument("--file-mib", type=int, default=64, help="size of each evidence file")
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "mizan-bench-backup"
    )
    args = parser.parse_args(argv)

    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    home, repo, restored = args.out / "home", args.out / "repo", args.out / "restored"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("MIZAN_") and k != "DATABASE_URL"
    }
    env.update(
        MIZAN_HOME=str(home),
        MIZAN_ENV="development",
        MIZAN_BACKUP_REPOSITORY=str(repo),
        MIZAN_BACKUP_PASSWORD="synthetic-bench-password",  # noqa: S106 - a throwaway repository
        MIZAN_LOG_LEVEL="ERROR",
    )
    mizan = [sys.executable, "-m", "mizan.cli"]
    print("preparing: migrate, documentation set, evidence …", file=sys.stderr, flush=True)
    timed([*mizan, "manage", "migrate", "-v0"], env)
    timed(
        [
            sys.executable,
            "-m",
            "bench.cases_generate",
            "--incidents",
            str(args.incidents),
            "--persons",
            str(args.incidents * 3),
            "--acts",
            str(args.incidents * 4),
        ],
        env,
    )
    ingest(env, args.out, args.evidence_mib, "evidence", args.file_mib)
    data_bytes = du(home)
    results: dict[str, Any] = {
        "incidents": args.incidents,
        "evidence_mib": args.evidence_mib,
        "data_dir_mib": round(data_bytes / MIB),
        "database_mib": round((home / "mizan.sqlite3").stat().st_size / MIB),
    }

    print("first backup …", file=sys.stderr, flush=True)
    seconds, peak, out = timed([*mizan, "backup", "create"], env)
    results["backup_1"] = {
        "s": round(seconds, 1),
        "peak_mib": round(peak),
        "repo_mib": round(du(repo) / MIB),
        "out": out.strip(),
    }
    results["baseline_tar_sha256"] = {"s": round(tar_sha256(home), 1)}

    print(f"adding {args.add_mib} MiB of evidence, second backup …", file=sys.stderr, flush=True)
    ingest(env, args.out, args.add_mib, "more", args.file_mib)
    before = du(repo)
    seconds, peak, out = timed([*mizan, "backup", "create"], env)
    added = int(re.match(r"\S+ (\d+) bytes added", out).group(1))  # type: ignore[union-attr]
    results["backup_2"] = {
        "s": round(seconds, 1),
        "peak_mib": round(peak),
        "new_evidence_mib": args.add_mib,
        "restic_added_mib": round(added / MIB, 1),
        "repository_grew_mib": round((du(repo) - before) / MIB, 1),
    }

    print("restore + drill …", file=sys.stderr, flush=True)
    seconds, peak, out = timed(
        [*mizan, "backup", "restore", "latest", "--into", str(restored)], env
    )
    results["restore_drill"] = {
        "s": round(seconds, 1),
        "peak_mib": round(peak),
        "passed": "RESULT: the restored copy is complete" in out,
    }
    shutil.rmtree(restored)  # the restored copy is as large as the data: free it for cp -r
    copy = args.out / "copy"
    seconds, peak, _ = timed(["cp", "-r", str(home), str(copy)], env)
    results["baseline_cp_r"] = {"s": round(seconds, 1), "peak_mib": round(peak)}
    shutil.rmtree(copy)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
