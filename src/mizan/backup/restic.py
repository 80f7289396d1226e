"""A thin wrapper around the ``restic`` command (no Django).

Why restic (docs/architecture.md has the measurements): one static binary in Debian, the same
encrypted, deduplicated repository format on a local disk, over SFTP or on S3-compatible
storage, and a full-data check (``restic check --read-data``) that names a damaged file.

The repository password never goes on a command line: it is handed over in ``RESTIC_PASSWORD``
in the child's environment only.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Restic", "ResticError", "Snapshot"]


class ResticError(Exception):
    """restic failed; ``str()`` says why in words an operator can act on."""

    def __init__(self, message: str, output: str = "") -> None:
        super().__init__(message)
        self.output = output


@dataclass(frozen=True)
class Snapshot:
    id: str
    short_id: str
    time: str
    paths: list[str]
    tags: list[str]
    hostname: str


_DISK_FULL = re.compile(r"no space left on device|disk quota exceeded", re.I)
_NOT_A_REPO = re.compile(
    r"does not exist|Is there a repository at the following location|unable to open config",
    re.I,
)
_WRONG_PASSWORD = re.compile(r"wrong password|no key found", re.I)


class Restic:
    def __init__(
        self,
        repository: str,
        password: str,
        *,
        cache_dir: Path | None = None,
        binary: str = "restic",
    ) -> None:
        self.repository = repository
        self._password = password
        self.cache_dir = cache_dir
        self.binary = binary

    # -- plumbing --

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("RESTIC_")}
        env["RESTIC_REPOSITORY"] = self.repository
        env["RESTIC_PASSWORD"] = self._password
        if self.cache_dir is not None:
            env["RESTIC_CACHE_DIR"] = str(self.cache_dir)
        return env

    def _explain(self, action: str, output: str) -> ResticError:
        if _DISK_FULL.search(output):
            return ResticError(
                f"{action} failed: the disk holding the backup repository {self.repository} is"
                " full. Earlier snapshots are untouched; free space (or use another repository)"
                " and run it again.",
                output,
            )
        if _WRONG_PASSWORD.search(output):
            return ResticError(
                f"{action} failed: the repository password does not open {self.repository}"
                " (check MIZAN_BACKUP_PASSWORD or MIZAN_BACKUP_PASSWORD_FILE).",
                output,
            )
        if _NOT_A_REPO.search(output):
            return ResticError(
                f"{action} failed: there is no backup repository at {self.repository}.", output
            )
        last = [line for line in output.strip().splitlines() if line.strip()][-8:]
        return ResticError(f"{action} failed: " + " | ".join(last), output)

    def run(self, *args: str, action: str = "restic", check: bool = True) -> str:
        proc = subprocess.run(
            [self.binary, *args],
            env=self._env(),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        output = proc.stdout + proc.stderr
        if check and proc.returncode != 0:
            raise self._explain(action, output)
        return output

    # -- repository --

    def exists(self) -> bool:
        if "://" not in self.repository and ":" not in self.repository.split("/")[0]:
            return (Path(self.repository) / "config").is_file()
        proc = subprocess.run(
            [self.binary, "cat", "config"],
            env=self._env(),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if proc.returncode == 0:
            return True
        if _NOT_A_REPO.search(proc.stderr):
            return False
        raise self._explain("opening the repository", proc.stdout + proc.stderr)

    def init(self) -> None:
        self.run("init", action="creating the backup repository")

    def unlock_stale(self) -> None:
        """Remove only locks left by dead restic processes (never a live one's)."""
        self.run("unlock", action="clearing stale locks", check=False)

    # -- work --

    def backup(
        self,
        paths: Iterable[Path],
        *,
        tags: Iterable[str],
        progress: Callable[[dict[str, Any]], None] | None = None,
    ) -> dict[str, Any]:
        """Take a snapshot of ``paths``; return restic's summary (snapshot_id, data_added, …)."""
        args = [self.binary, "backup", "--json", "--host", "mizan"]
        for tag in tags:
            args += ["--tag", tag]
        args += [str(p) for p in paths]
        proc = subprocess.Popen(
            args,
            env=self._env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        summary: dict[str, Any] = {}
        errors: list[str] = []
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                errors.append(line)
                continue
            kind = message.get("message_type")
            if kind == "status" and progress is not None:
                progress(message)
            elif kind == "summary":
                summary = message
            elif kind == "error":
                errors.append(json.dumps(message))
        stderr = proc.stderr.read()
        code = proc.wait()
        if code != 0 or not summary.get("snapshot_id"):
            raise self._explain("the backup", "\n".join(errors) + "\n" + stderr)
        return summary

    def snapshots(self, *tags: str) -> list[Snapshot]:
        args = ["snapshots", "--json"] + [a for tag in tags for a in ("--tag", tag)]
        raw = json.loads(self.run(*args, action="listing snapshots").strip() or "[]")
        return [
            Snapshot(
                id=s["id"],
                short_id=s.get("short_id", s["id"][:8]),
                time=s["time"],
                paths=list(s.get("paths") or []),
                tags=list(s.get("tags") or []),
                hostname=s.get("hostname", ""),
            )
            for s in raw or []
        ]

    def dump(self, snapshot: str, path: str) -> bytes:
        proc = subprocess.run(
            [self.binary, "dump", snapshot, path],
            env=self._env(),
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if proc.returncode != 0:
            raise self._explain(
                f"reading {path} from snapshot {snapshot}",
                proc.stderr.decode("utf-8", "replace"),
            )
        return proc.stdout

    def check(self, *, read_data: bool) -> tuple[bool, list[str]]:
        """The repository's own check; with ``read_data`` every pack is read and re-hashed.

        Returns (ok, problem lines); a problem line names the damaged file where restic does.
        """
        args = ["check"] + (["--read-data"] if read_data else [])
        proc = subprocess.run(
            [self.binary, *args],
            env=self._env(),
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        output = proc.stdout + proc.stderr
        if proc.returncode != 0 and _WRONG_PASSWORD.search(output):
            raise self._explain("checking the repository", output)
        problems = [
            line.strip()
            for line in output.splitlines()
            if line.strip()
            and not line.startswith(("using temporary cache", "create exclusive lock"))
            and re.search(
                r"error|not found|does not match|does not exist|missing|damaged|fail|unexpected|"
                r"truncat|invalid|no such file|wrong|size",
                line,
                re.I,
            )
            and not re.search(r"no errors were found", line, re.I)
        ]
        if proc.returncode != 0 and not problems:
            problems = [line.strip() for line in output.splitlines() if line.strip()][-5:]
        return proc.returncode == 0, [_name_file(p) for p in problems]

    def restore(self, snapshot: str, target: Path) -> None:
        self.run("restore", snapshot, "--target", str(target), "--verify", action="the restore")

    def forget(self, *, keep: dict[str, int], tags: Iterable[str]) -> str:
        args = ["forget", "--prune"]
        for tag in tags:
            args += ["--tag", tag]
        for period, count in keep.items():
            args += [f"--keep-{period}", str(count)]
        return self.run(*args, action="removing old snapshots")


_PACK = re.compile(r"\bpack ([0-9a-f]{64})")


def _name_file(problem: str) -> str:
    """restic names a damaged pack by its id; say which file of the repository that is."""
    match = _PACK.search(problem)
    if match is None:
        return problem
    pack = match.group(1)
    return f"{problem} (repository file data/{pack[:2]}/{pack})"


def throttled(
    report: Callable[[str], None], every: float = 1.0
) -> Callable[[dict[str, Any]], None]:
    """Turn restic's status messages into at most one progress line per ``every`` seconds."""
    last = [0.0]

    def on_status(message: dict[str, Any]) -> None:
        now = time.monotonic()
        if now - last[0] < every:
            return
        last[0] = now
        done = float(message.get("percent_done", 0.0)) * 100
        files = message.get("files_done", 0)
        total_files = message.get("total_files", 0)
        mib = int(message.get("bytes_done", 0)) / 1048576
        report(f"{done:5.1f}%  {files}/{total_files} files, {mib:.1f} MiB read")

    return on_status
