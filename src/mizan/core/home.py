"""MIZAN_HOME is private to the account that runs Mizan: files 0600, directories 0700.

The SQLite database (and its WAL and shared-memory files), the library's files, the evidence
store, keys, uploads and temporary files all hold or lead to witnesses' names. Any other local
account must read none of it. Three things keep it so:

1. **umask 077** from the first line of every entry point (``mizan`` and the WSGI module), so
   whatever the process creates — SQLite's files included, which follow the umask — is private;
2. **a check at start** (:func:`secure_home`) walks MIZAN_HOME (and the configured locations
   outside it) and takes group and other permissions away from anything that has them, logging
   each path with its old and new mode, so a copy restored with ``cp -r`` or a database created
   by an older version is tightened and the administrator is told what was wrong;
3. **a private temporary directory** (:func:`use_private_temp`): ``MIZAN_HOME/tmp`` (0700)
   replaces the system's ``/tmp`` for this process and the programs it starts (OCR), and
   Django's upload temporary files go to ``MIZAN_HOME/tmp/uploads`` (``FILE_UPLOAD_TEMP_DIR``).
   What a killed process left there is swept at the next start.

This module only uses the standard library and Django's settings, and creates nothing in
:func:`secure_home`: read-only commands may call it on a directory they must not change.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

log = logging.getLogger("mizan.home")

PRIVATE_UMASK = 0o077
# Group and other bits: none of them may be set under MIZAN_HOME.
SHARED_BITS = 0o077
# Swept at start when nothing in them changed for this long (an upload being received, an OCR
# run or a linkage spill keeps writing, so it is never this old).
STALE_UPLOAD_SECONDS = 10 * 60
STALE_TEMP_SECONDS = 60 * 60


def restrict_umask() -> None:
    """Make everything this process creates private to its account (files 0600, dirs 0700)."""
    os.umask(PRIVATE_UMASK)


@dataclass(frozen=True)
class LoosePermission:
    """A path under MIZAN_HOME that group or other users could read, write or enter."""

    path: Path
    old_mode: int
    new_mode: int | None  # None: could not be fixed (see ``error``)
    error: str = ""

    def describe(self) -> str:
        who = (
            "group and others"
            if self.old_mode & 0o070 and self.old_mode & 0o007
            else ("its group" if self.old_mode & 0o070 else "other users")
        )
        text = f"{self.path} was open to {who} (mode {self.old_mode:04o})"
        if self.new_mode is not None:
            return f"{text}; now {self.new_mode:04o}"
        return f"{text}; NOT fixed: {self.error}"


def private_roots() -> list[Path]:
    """MIZAN_HOME, Mizan's own data folders, and single files configured outside them.

    Folders that are Mizan's alone (MIZAN_HOME, the evidence store, handovers, media) are walked
    whole. Of a key or an SQLite database configured elsewhere, only the file itself (and the
    database's -wal and -shm files) is checked: its folder may hold other programs' files.
    """
    trees = [
        Path(settings.MIZAN_HOME),
        Path(getattr(settings, "EVIDENCE_ROOT", settings.MIZAN_HOME)),
        Path(getattr(settings, "EVIDENCE_EXPORT_ROOT", settings.MIZAN_HOME)),
        Path(settings.MEDIA_ROOT),
    ]
    files = [
        Path(getattr(settings, "EVIDENCE_KEY_FILE", settings.MIZAN_HOME)),
        Path(getattr(settings, "SIGNING_KEY_FILE", settings.MIZAN_HOME)),
    ]
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and str(database["NAME"]) != ":memory:":
        name = str(database["NAME"])
        files += [Path(name), Path(name + "-wal"), Path(name + "-shm")]
    roots: list[Path] = []
    for candidate in (c.resolve() for c in trees):
        if any(candidate == root or root in candidate.parents for root in roots):
            continue
        roots = [r for r in roots if candidate not in r.parents]
        roots.append(candidate)
    for file in (f.resolve() for f in files):
        if file.is_file() and not any(root in file.parents for root in roots):
            roots.append(file)
    return roots


def _walk(root: Path) -> Iterable[Path]:
    if not root.exists() or root.is_symlink():
        return
    yield root
    if not root.is_dir():
        return
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        for name in (*dirnames, *filenames):
            yield Path(directory) / name


def loose_permissions(roots: Iterable[Path], *, fix: bool) -> list[LoosePermission]:
    """Every path under ``roots`` with group or other bits; with ``fix``, those bits removed.

    Symbolic links are not followed (chmod would change their target, possibly outside).
    """
    found: list[LoosePermission] = []
    for root in roots:
        for path in _walk(root):
            try:
                mode = path.lstat().st_mode
            except FileNotFoundError:
                continue  # removed while we walked (a temporary file)
            if stat.S_ISLNK(mode) or not mode & SHARED_BITS:
                continue
            old = stat.S_IMODE(mode)
            if not fix:
                found.append(LoosePermission(path, old, None, "check only"))
                continue
            new = old & ~SHARED_BITS
            try:
                os.chmod(path, new)
            except OSError as exc:
                found.append(LoosePermission(path, old, None, exc.strerror or str(exc)))
            else:
                found.append(LoosePermission(path, old, new))
    return found


def secure_home(*, fix: bool = True) -> list[LoosePermission]:
    """Check (and fix) the permissions of everything Mizan keeps; log what was wrong.

    Creates nothing: a MIZAN_HOME that does not exist yet is left alone.
    """
    problems = loose_permissions(private_roots(), fix=fix)
    if problems:
        log.warning(
            "%d path(s) under MIZAN_HOME could be read by other accounts on this machine; "
            "Mizan keeps its files 0600 and its folders 0700:",
            len(problems),
        )
        for problem in problems[:50]:
            log.warning("  %s", problem.describe())
        if len(problems) > 50:
            log.warning("  … and %d more", len(problems) - 50)
    return problems


def private_temp_root() -> Path:
    return Path(settings.MIZAN_HOME) / "tmp"


def upload_temp_dir() -> Path:
    """Where Django's upload handler spools files (FILE_UPLOAD_TEMP_DIR), made on first use."""
    directory = Path(settings.FILE_UPLOAD_TEMP_DIR)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def private_temp_dir() -> Path:
    """MIZAN_HOME/tmp, made (0700) on first use."""
    directory = private_temp_root()
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def _newest_change(path: Path) -> float:
    newest = path.lstat().st_mtime
    if path.is_dir() and not path.is_symlink():
        for inner in _walk(path):
            try:
                newest = max(newest, inner.lstat().st_mtime)
            except FileNotFoundError:
                continue
    return newest


def sweep_stale_temp(*, now: float | None = None) -> list[Path]:
    """Remove what killed processes left in MIZAN_HOME/tmp (uploads, OCR and linkage scratch)."""
    root = private_temp_root()
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    uploads = Path(settings.FILE_UPLOAD_TEMP_DIR)
    removed: list[Path] = []
    places = [(root, STALE_TEMP_SECONDS)]
    if uploads.is_dir():
        places.append((uploads, STALE_UPLOAD_SECONDS))
    for directory, age in places:
        for entry in list(directory.iterdir()):
            if entry == uploads:
                continue
            try:
                if now - _newest_change(entry) < age:
                    continue
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except FileNotFoundError:
                continue
            removed.append(entry)
    if removed:
        log.warning(
            "Removed %d temporary file(s) left in %s by a process that stopped early.",
            len(removed),
            root,
        )
    return removed


def use_private_temp() -> Path:
    """Send this process's temporary files (and its child programs') to MIZAN_HOME/tmp."""
    directory = private_temp_dir()
    sweep_stale_temp()
    tempfile.tempdir = str(directory)
    os.environ["TMPDIR"] = str(directory)
    return directory


_started: list[bool] = []


def secure_process_start(*, private_temp: bool) -> None:
    """What every entry point does first, once per process: umask, permission check, and (for
    processes that receive or process files) the private temporary directory."""
    restrict_umask()
    if not _started:
        _started.append(True)
        secure_home(fix=True)
    if private_temp:
        use_private_temp()


def django_setup(default_env: str | None = None, *, private_temp: bool = False) -> None:
    """Set Django up for a command; check MIZAN_HOME's permissions; with ``private_temp``, keep
    this process's temporary files in MIZAN_HOME/tmp (commands that receive or process files
    of names). Here rather than in ``mizan.cli`` so that apps' commands can call it without
    importing up the stack."""
    if default_env:
        os.environ.setdefault("MIZAN_ENV", default_env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    secure_process_start(private_temp=private_temp)
