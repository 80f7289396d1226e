"""Backups of a running installation, their verification, and restores with the drill.

What a backup holds (one restic snapshot, tagged ``mizan``):

* ``backup-staging/`` — made fresh for each run, removed afterwards:
  ``db/mizan.sqlite3`` (SQLite's online backup API: one consistent copy while Mizan runs) or
  ``db/mizan.pgdump`` (``pg_dump`` inside the same REPEATABLE READ snapshot the manifest's
  counts are read in); ``keys/`` (store key, signing key, Django secret key); ``settings.json``
  (the non-secret MIZAN_* settings); ``manifest.json`` with its Ed25519 signature and public key.
* the evidence store's ``objects/`` directory. Objects are content-addressed, immutable and
  already encrypted, so restic's deduplication sends only new objects. The database is copied
  *before* the objects are read, so every object the copy refers to is in the snapshot
  (objects are never deleted; an object ingested meanwhile is merely extra).

The repository password unlocks the keys inside it; keep it away from the server (``mizan keys
split``). The drill runs in a separate process (``mizan.backup.drill``) with MIZAN_HOME pointing
at the restored directory, because Django's settings belong to one process.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

import mizan
from mizan.backup import manifest as manifests
from mizan.backup.errors import BackupError
from mizan.backup.models import BackupRun
from mizan.backup.restic import Restic, ResticError, Snapshot, throttled

TAG = "mizan"
STAGING = "backup-staging"
RESTORED_MANIFEST_DIR = "backup-manifest"
REPORT_NAME = "restore-report.txt"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
# Settings that may be written into a backup: never a password, key, token or URL with secrets.
_SECRET_SETTING = re.compile(r"PASSWORD|SECRET|KEY|TOKEN|DATABASE_URL|_FILE$", re.I)

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


# ---------------------------------------------------------------------------------------------
# The repository


def repository_password(*, create: bool) -> str:
    if settings.BACKUP_PASSWORD:
        return str(settings.BACKUP_PASSWORD)
    path = Path(settings.BACKUP_PASSWORD_FILE_DEFAULT)
    if path.exists():
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            raise BackupError(
                f"the backup password file {path} is readable by others (mode {mode:o});"
                f" run: chmod 600 {path}"
            )
        return path.read_text(encoding="utf-8").strip()
    if not create:
        raise BackupError(
            "no backup password: set MIZAN_BACKUP_PASSWORD or MIZAN_BACKUP_PASSWORD_FILE"
            f" (or put it in {path}, mode 0600)"
        )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    password = base64.b32encode(secrets.token_bytes(20)).decode("ascii").lower()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, (password + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return password


def open_repository(repository: str | None = None, *, create: bool = False) -> Restic:
    if shutil.which("restic") is None:
        raise BackupError("restic is not installed: apt-get install restic")
    cache = Path(settings.MIZAN_HOME) / "cache" / "restic"
    return Restic(
        repository or str(settings.BACKUP_REPOSITORY),
        repository_password(create=create),
        cache_dir=cache,
    )


# ---------------------------------------------------------------------------------------------
# Taking a backup


def _sqlite_copy(source: Path, target: Path) -> None:
    """One consistent copy through SQLite's online backup API (readers and writers go on)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)  # all pages in one step: one read transaction, one snapshot
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def _facts(cursor: Any, tables: list[str], quote: Callable[[str], str]) -> dict[str, Any]:
    """Row counts, chain heads and applied migrations, read through one cursor (one snapshot)."""
    from mizan.core.models import AuditHead
    from mizan.evidence.models import CustodyHead

    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (introspected names)
        counts[table] = int(cursor.fetchone()[0])
    heads = {}
    for name, model in (("audit", AuditHead), ("custody", CustodyHead)):
        cursor.execute(f"SELECT last_seq, last_hash FROM {quote(model._meta.db_table)}")  # noqa: S608
        row = cursor.fetchone()
        heads[name] = {"seq": int(row[0]), "hash": row[1]} if row else {"seq": 0, "hash": ""}
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
    migrations: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        migrations.setdefault(app, []).append(name)
    return {"tables": counts, "heads": heads, "migrations": migrations}


def _sqlite_tables(cursor: Any) -> list[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return [row[0] for row in cursor.fetchall()]


def _pg_environment(db: Any) -> dict[str, str]:
    env = dict(os.environ)
    for var, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def _pg_dump(target: Path) -> dict[str, Any]:
    """pg_dump in the snapshot the counts and heads are read in, so they describe the dump."""
    if shutil.which("pg_dump") is None:
        raise BackupError("pg_dump is not installed: apt-get install postgresql-client")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        facts = _facts(
            cursor, connection.introspection.table_names(cursor), connection.ops.quote_name
        )
        proc = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                f"--snapshot={snapshot}",
                "--no-owner",
                "--file",
                str(target),
            ],
            env=_pg_environment(settings.DATABASES["default"]),
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise BackupError(f"pg_dump failed: {proc.stderr.strip()[-500:]}")
    return facts


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_key(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as src:
        shutil.copyfileobj(src, out)


def _evidence_objects() -> tuple[Path, int, int]:
    root = Path(settings.EVIDENCE_ROOT) / "objects"
    count = size = 0
    for directory, _dirs, files in os.walk(root):
        for name in files:
            if _HEX64.match(name):
                count += 1
                size += os.stat(os.path.join(directory, name)).st_size
    return root, count, size


def _non_secret_settings() -> dict[str, str]:
    return {
        name: value
        for name, value in sorted(os.environ.items())
        if name.startswith("MIZAN_") and not _SECRET_SETTING.search(name)
    }


AUDIT_CHECKPOINT = "audit-checkpoint.json"


def _audit_checkpoint(stage: Path, progress: Progress) -> dict[str, Any] | None:
    """Sign the audit log's head into ``stage``; its seq and hash for the manifest, or ``None``
    for an empty log or one that does not verify (then said in the progress lines)."""
    from mizan.core.audit import AuditLogBroken, audit_checkpoint_export

    progress("signing a checkpoint of the audit log")
    try:
        document = audit_checkpoint_export()
    except AuditLogBroken as exc:
        progress(
            f"WARNING: the audit log does not verify (first bad entry #{exc.problems[0].seq});"
            " no checkpoint is signed into this backup — run `mizan audit verify`"
        )
        return None
    if document is None:
        return None
    path = stage / AUDIT_CHECKPOINT
    path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return {"file": AUDIT_CHECKPOINT, "seq": document["seq"], "sha256": _file_sha256(path)}


def _stage(stage: Path, progress: Progress) -> dict[str, Any]:
    """Fill the staging directory; return the (signed) manifest."""
    from mizan.evidence.services import get_store

    get_store()  # makes sure the store and its key exist, so the backup holds them
    manifests.organisation_signing_key()
    if stage.exists():  # left by a run that was killed
        shutil.rmtree(stage)
    stage.mkdir(mode=0o700, parents=True)
    (stage / "db").mkdir(mode=0o700)
    # A signed checkpoint of the audit log, taken before the copy so the copy holds it: kept
    # off the server with the backup, it shows a later rewrite of the whole log (issue 13,
    # item 3). A log that does not verify is still backed up, and the manifest says so.
    audit_checkpoint = _audit_checkpoint(stage, progress)
    db = settings.DATABASES["default"]
    progress("copying the database (consistent snapshot)")
    if db["ENGINE"] == "django.db.backends.sqlite3":
        copy = stage / "db" / "mizan.sqlite3"
        _sqlite_copy(Path(db["NAME"]), copy)
        with sqlite3.connect(copy) as conn:
            cursor = conn.cursor()
            facts = _facts(cursor, _sqlite_tables(cursor), lambda n: '"' + n + '"')
        conn.close()
        database: dict[str, Any] = {"vendor": "sqlite", "file": "db/mizan.sqlite3"}
    else:
        copy = stage / "db" / "mizan.pgdump"
        facts = _pg_dump(copy)
        database = {"vendor": "postgresql", "file": "db/mizan.pgdump"}
    database["sha256"] = _file_sha256(copy)
    database["bytes"] = copy.stat().st_size

    (stage / "keys").mkdir(mode=0o700)
    keys = {
        "store.key": Path(settings.EVIDENCE_KEY_FILE),
        # During a rotation of the store key, objects are under either key: keep both.
        "store.key.next": Path(settings.EVIDENCE_KEY_FILE).with_name(
            Path(settings.EVIDENCE_KEY_FILE).name + ".next"
        ),
        "signing-key.pem": Path(settings.SIGNING_KEY_FILE),
        "secret_key": Path(settings.MIZAN_HOME) / "secret_key",
    }
    for name, source in keys.items():
        if source.exists():
            _copy_key(source, stage / "keys" / name)
    (stage / "settings.json").write_text(
        json.dumps(_non_secret_settings(), indent=2, sort_keys=True), encoding="utf-8"
    )
    progress("counting evidence objects")
    objects_root, count, size = _evidence_objects()
    manifest = {
        "format": manifests.FORMAT,
        "created_at": datetime.now(tz=UTC).isoformat(timespec="seconds"),
        "mizan_version": mizan.__version__,
        "organisation": settings.ORGANISATION_NAME,
        "database": database,
        "tables": facts["tables"],
        "migrations": facts["migrations"],
        "audit_head": facts["heads"]["audit"],
        "audit_checkpoint": audit_checkpoint,
        "custody_head": facts["heads"]["custody"],
        "evidence": {"objects": count, "bytes": size},
        "keys": sorted(p.name for p in (stage / "keys").iterdir()),
        "paths": {"staging": str(stage), "objects": str(objects_root)},
    }
    manifests.write_signed(stage, manifest)
    return manifest


def _exclusive(path: Path) -> int | None:
    """An flock held for one backup (it dies with the process, so a killed run leaves none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


@dataclass
class BackupResult:
    snapshot_id: str
    data_added: int
    files_new: int
    seconds: float
    manifest: dict[str, Any]


def _disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def backup_create(
    *, actor: Any, repository: str | None = None, progress: Progress = _quiet
) -> BackupResult:
    """Take a backup while Mizan runs. A failure leaves earlier snapshots as they were."""
    from mizan.core.audit import audit_record

    started = time.monotonic()
    run = BackupRun.objects.create(
        kind=BackupRun.Kind.BACKUP,
        started_at=timezone.now(),
        repository=repository or str(settings.BACKUP_REPOSITORY),
    )
    stage = Path(settings.MIZAN_HOME) / STAGING
    lock = _exclusive(Path(settings.MIZAN_HOME) / "backup.lock")
    try:
        if lock is None:
            raise BackupError(
                "another backup is running on this installation (the worker's schedule or"
                " another command); wait for it to finish"
            )
        restic = open_repository(repository, create=True)
        if not restic.exists():
            progress(f"creating the backup repository {restic.repository}")
            restic.init()
        restic.unlock_stale()
        manifest = _stage(stage, progress)
        progress(
            f"sending to {restic.repository}: database, keys and"
            f" {manifest['evidence']['objects']} evidence objects (only new data is sent)"
        )
        summary = restic.backup(
            [stage, Path(manifest["paths"]["objects"])],
            tags=[TAG],
            progress=throttled(progress),
        )
    except (BackupError, ResticError, OSError, sqlite3.Error) as exc:
        if _disk_full(exc) or (isinstance(exc, sqlite3.Error) and "full" in str(exc)):
            message = (
                f"the backup failed: the disk holding {settings.MIZAN_HOME} is full ({exc})."
                " Nothing was changed; free space and run it again."
            )
        else:
            message = str(exc)
        BackupRun.objects.filter(pk=run.pk).update(finished_at=timezone.now(), message=message)
        raise BackupError(message) from exc
    finally:
        if lock is not None:
            shutil.rmtree(stage, ignore_errors=True)
            os.close(lock)  # releases the flock
    snapshot = str(summary["snapshot_id"])
    BackupRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(),
        ok=True,
        snapshot=snapshot,
        bytes_added=int(summary.get("data_added", 0)),
    )
    audit_record(
        actor=actor,
        action="backup.create",
        object_type="backup",
        object_id=snapshot[:16],
        detail={
            "objects": manifest["evidence"]["objects"],
            "bytes_added": int(summary.get("data_added", 0)),
        },
    )
    return BackupResult(
        snapshot_id=snapshot,
        data_added=int(summary.get("data_added", 0)),
        files_new=int(summary.get("files_new", 0)),
        seconds=time.monotonic() - started,
        manifest=manifest,
    )


# ---------------------------------------------------------------------------------------------
# Listing and verifying


def _staging_path(snapshot: Snapshot) -> str:
    for path in snapshot.paths:
        if path.rstrip("/").endswith("/" + STAGING):
            return path.rstrip("/")
    raise BackupError(f"snapshot {snapshot.short_id} is not a Mizan backup (no {STAGING})")


def _find(restic: Restic, wanted: str) -> Snapshot:
    snapshots = restic.snapshots(TAG)
    if not snapshots:
        raise BackupError(f"the repository {restic.repository} holds no Mizan backup")
    if wanted == "latest":
        return snapshots[-1]
    found = [s for s in snapshots if s.id.startswith(wanted.lower())]
    if len(found) != 1:
        raise BackupError(
            f"no snapshot {wanted!r} in {restic.repository}"
            if not found
            else f"{wanted!r} matches {len(found)} snapshots; give more of its id"
        )
    return found[0]


def _read_manifest(restic: Restic, snapshot: Snapshot) -> manifests.Checked:
    base = _staging_path(snapshot)
    return manifests.check_signed(
        restic.dump(snapshot.id, f"{base}/{manifests.MANIFEST}"),
        restic.dump(snapshot.id, f"{base}/{manifests.SIGNATURE}"),
        restic.dump(snapshot.id, f"{base}/{manifests.PUBLIC_KEY}"),
    )


def _own_fingerprint() -> str | None:
    """This installation's signing-key fingerprint, without creating a key on a fresh machine."""
    if not Path(settings.SIGNING_KEY_FILE).exists():
        return None
    return manifests.organisation_signing_key().fingerprint


@dataclass
class Listed:
    snapshot: Snapshot
    manifest: dict[str, Any]
    problems: list[str]


def backup_list(*, repository: str | None = None) -> list[Listed]:
    restic = open_repository(repository)
    listed = []
    for snapshot in restic.snapshots(TAG):
        try:
            checked = _read_manifest(restic, snapshot)
            listed.append(Listed(snapshot, checked.manifest, checked.problems))
        except (BackupError, ResticError) as exc:
            listed.append(Listed(snapshot, {}, [str(exc)]))
    return listed


@dataclass
class VerifyReport:
    snapshots: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def backup_verify(
    *, repository: str | None = None, snapshot: str | None = None, progress: Progress = _quiet
) -> VerifyReport:
    """restic's full-data check (every pack read and re-hashed) and each manifest's signature."""
    restic = open_repository(repository)
    report = VerifyReport()
    restic.unlock_stale()
    progress(f"reading and re-hashing every file of {restic.repository}")
    ok, problems = restic.check(read_data=True)
    if not ok:
        report.problems += [f"repository: {p}" for p in problems] or ["repository check failed"]
    chosen = [_find(restic, snapshot)] if snapshot else restic.snapshots(TAG)
    own = _own_fingerprint()
    for snap in chosen:
        report.snapshots.append(snap.short_id)
        progress(f"checking the signed manifest of snapshot {snap.short_id}")
        try:
            checked = _read_manifest(restic, snap)
        except (BackupError, ResticError) as exc:
            report.problems.append(f"snapshot {snap.short_id}: {exc}")
            continue
        report.problems += [f"snapshot {snap.short_id}: {p}" for p in checked.problems]
        if own is not None and checked.fingerprint != own:
            report.problems.append(
                f"snapshot {snap.short_id}: signed by key {checked.fingerprint[:16]}…, not by"
                f" this installation's key {own[:16]}…"
            )
    return report


# ---------------------------------------------------------------------------------------------
# Restoring and the drill


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


@dataclass
class DrillReport:
    snapshot: str
    into: Path
    manifest: dict[str, Any]
    fingerprint: str
    checks: list[Check]

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def render(self) -> str:
        m = self.manifest
        lines = [
            "Mizan restore drill",
            f"  snapshot    {self.snapshot}  (taken {m.get('created_at', '?')},"
            f" Mizan {m.get('mizan_version', '?')}, {m.get('database', {}).get('vendor', '?')})",
            f"  restored to {self.into}",
            f"  manifest    signed by key {self.fingerprint}",
            f"  holds       {sum(m.get('tables', {}).values())} rows in"
            f" {len(m.get('tables', {}))} tables, {m.get('evidence', {}).get('objects', 0)}"
            f" evidence objects ({m.get('evidence', {}).get('bytes', 0) / 1048576:.1f} MiB)",
            "",
        ]
        for check in self.checks:
            lines.append(f"  [{'OK' if check.ok else 'FAILED':^6}] {check.name}: {check.detail}")
        failed = sum(1 for c in self.checks if not c.ok)
        lines += [
            "",
            "RESULT: the restored copy is complete and intact."
            if self.ok
            else f"RESULT: {failed} check(s) FAILED — do not rely on this backup until it is"
            " understood.",
        ]
        return "\n".join(lines) + "\n"


def _empty(directory: Path) -> None:
    for child in directory.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


# What pg_dump writes after CREATE TABLE for a column whose TOAST compression is not the
# source server's default (library migration 0009 sets lz4 where the server has it). pg_dump
# (PostgreSQL ≥ 14) writes it as its own line of the table's entry in the archive.
_SET_COMPRESSION = re.compile(
    rb"^ALTER (?:FOREIGN )?TABLE ONLY (?P<table>.+) ALTER COLUMN (?P<column>.+)"
    rb" SET COMPRESSION (?P<method>\w+);\n?$"
)
_COPY_START = re.compile(rb"^COPY .* FROM stdin;\n?$")


def _server_compressions(env: dict[str, str]) -> set[str]:
    """The TOAST compression methods the target server was built with (``pglz``, and ``lz4``
    where built with it); none before PostgreSQL 14."""
    methods = _psql_answer(
        env,
        "SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'",
        "cannot read the target server's settings",
    )
    return set(methods.split())


def _psql_answer(env: dict[str, str], query: str, failure: str) -> str:
    """What the target server answers to ``query`` (unaligned, no headers); ``failure`` and the
    server's words when it cannot answer."""
    proc = subprocess.run(
        ["psql", "-XAtqc", query], env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise BackupError(f"{failure}: {proc.stderr.strip()[-300:]}")
    return proc.stdout.strip()


def _unsupported_compressions(dump: Path, supported: set[str]) -> list[str]:
    """The columns whose compression in the dump the target server lacks, as
    ``table.column method`` (read from the schema part of the archive only)."""
    proc = subprocess.run(
        ["pg_restore", "--section=pre-data", "--file", "-", str(dump)],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BackupError(f"pg_restore cannot read the dump: {proc.stderr.decode()[-500:]}")
    found = []
    for line in proc.stdout.splitlines():
        match = _SET_COMPRESSION.match(line)
        if match and match["method"].decode() not in supported:
            found.append(
                f"{match['table'].decode()}.{match['column'].decode()} {match['method'].decode()}"
            )
    return found


def _restore_pg_without(dump: Path, env: dict[str, str], supported: set[str]) -> None:
    """pg_restore's script of the whole archive, one transaction, into psql — without the
    ``SET COMPRESSION`` lines the target server cannot run (the column then takes the server's
    default). Only statements are filtered: the rows of ``COPY`` blocks pass through untouched.

    All or nothing: the script's ``COMMIT`` is its last line, so if pg_restore stops half way
    psql is killed before it could read one, and if psql fails (``ON_ERROR_STOP``) its
    transaction is rolled back; either way the target database is left empty."""
    with tempfile.TemporaryFile() as restore_log, tempfile.TemporaryFile() as psql_log:
        psql = subprocess.Popen(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--file", "-"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=psql_log,
        )
        script = subprocess.Popen(
            ["pg_restore", "--no-owner", "--single-transaction", "--file", "-", str(dump)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=restore_log,
        )
        assert psql.stdin is not None and script.stdout is not None
        psql_stopped, in_copy = False, False
        try:
            for line in script.stdout:
                if in_copy:
                    in_copy = line.rstrip(b"\n") != b"\\."
                elif _COPY_START.match(line):
                    in_copy = True
                elif (match := _SET_COMPRESSION.match(line)) and (
                    match["method"].decode() not in supported
                ):
                    continue
                psql.stdin.write(line)
        except BrokenPipeError:  # psql stopped on an error; its message says which
            psql_stopped = True
            script.kill()
        script.stdout.close()
        if script.wait() != 0 and not psql_stopped:
            psql.kill()
            psql.wait()
            restore_log.seek(0)
            raise BackupError(f"pg_restore failed: {restore_log.read().decode()[-500:].strip()}")
        with contextlib.suppress(BrokenPipeError):
            psql.stdin.close()
        if psql.wait() != 0 or psql_stopped:
            psql_log.seek(0)
            raise BackupError(f"pg_restore failed: {psql_log.read().decode()[-500:].strip()}")


def _restore_pg(dump: Path, database_url: str) -> list[str]:
    """Load the dump into an empty database, in one transaction (a failure leaves it empty).

    A column whose TOAST compression the target server lacks (a dump from a server with lz4,
    restored onto one built without it) takes the server's default instead; those columns are
    returned as ``table.column method``."""
    import dj_database_url

    db = dj_database_url.parse(database_url)
    env = _pg_environment(db)
    tables = _psql_answer(
        env,
        "SELECT count(*) FROM pg_tables WHERE schemaname='public'",
        "cannot reach the target database",
    )
    if tables != "0":
        raise BackupError("the target database is not empty; restore into a new, empty one")
    supported = _server_compressions(env)
    dropped = _unsupported_compressions(dump, supported)
    if dropped:
        _restore_pg_without(dump, env, supported)
        return dropped
    proc = subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            str(db["NAME"]),
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BackupError(f"pg_restore failed: {proc.stderr.strip()[-500:]}")
    return []


def _lay_out(scratch: Path, into: Path, snapshot: Snapshot, manifest: dict[str, Any]) -> Path:
    """Move what restic restored (under its original absolute paths) into a MIZAN_HOME layout."""
    stage = scratch / _staging_path(snapshot).lstrip("/")
    objects = scratch / str(manifest["paths"]["objects"]).lstrip("/")
    database = stage / manifest["database"]["file"]
    target_db = into / ("mizan.sqlite3" if database.suffix == ".sqlite3" else database.name)
    os.replace(database, target_db)
    target_db.chmod(0o600)
    (into / "keys").mkdir(mode=0o700)
    for key in (stage / "keys").iterdir():
        if key.name == "secret_key":
            os.replace(key, into / "secret_key")
        else:
            os.replace(key, into / "keys" / key.name)
    kept = into / RESTORED_MANIFEST_DIR
    kept.mkdir(mode=0o700)
    for name in (manifests.MANIFEST, manifests.SIGNATURE, manifests.PUBLIC_KEY, "settings.json"):
        os.replace(stage / name, kept / name)
    if (stage / AUDIT_CHECKPOINT).is_file():
        os.replace(stage / AUDIT_CHECKPOINT, kept / AUDIT_CHECKPOINT)
    (into / "evidence").mkdir(mode=0o700)
    if objects.is_dir():
        os.replace(objects, into / "evidence" / "objects")
    else:
        (into / "evidence" / "objects").mkdir(mode=0o700)
    (into / "evidence" / "tmp").mkdir(mode=0o700)
    shutil.rmtree(scratch)
    return target_db


def backup_restore(
    *,
    snapshot: str,
    into: Path,
    repository: str | None = None,
    database_url: str | None = None,
    progress: Progress = _quiet,
    ask_passphrase: Callable[[], bytes] | None = None,
) -> DrillReport:
    """Restore a snapshot into an empty directory, then run the drill on it.

    A store key locked with a passphrase is unlocked for the drill with the passphrase this
    process already holds (the worker's), MIZAN_KEY_PASSPHRASE_FILE, or ``ask_passphrase``.

    Refuses (BackupError, with the damaged files named) a repository that fails its checks; in
    that case the target directory is left empty again.
    """
    into = into.resolve()
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise BackupError(f"{into} is not empty: restore into a new or empty directory")
    restic = open_repository(repository)
    restic.unlock_stale()
    snap = _find(restic, snapshot)
    progress(f"checking the repository's structure before restoring {snap.short_id}")
    ok, problems = restic.check(read_data=False)
    if not ok:
        raise BackupError("the repository is damaged; nothing was restored", problems)
    checked = _read_manifest(restic, snap)
    if checked.problems:
        raise BackupError(
            "the backup's manifest does not verify; nothing was restored", checked.problems
        )
    if checked.manifest["database"]["vendor"] == "postgresql" and not database_url:
        raise BackupError(
            "this backup holds a PostgreSQL database: give --database-url for a new, empty"
            " database to restore it into"
        )
    into.mkdir(mode=0o700, parents=True, exist_ok=True)
    scratch = into / ".restoring"
    progress(f"restoring snapshot {snap.short_id} into {into}")
    try:
        restic.restore(snap.id, scratch)
        target_db = _lay_out(scratch, into, snap, checked.manifest)
        if checked.manifest["database"]["vendor"] == "postgresql":
            assert database_url is not None
            progress("loading the database dump into the target database")
            dropped = _restore_pg(target_db, database_url)
            for method in sorted({column.rsplit(" ", 1)[1] for column in dropped}):
                columns = [c.rsplit(" ", 1)[0] for c in dropped if c.endswith(f" {method}")]
                progress(
                    f"the target server was built without {method} compression: {len(columns)}"
                    f" column(s) take its default instead ({', '.join(columns)}); every row is"
                    " restored as it was"
                )
    except (ResticError, BackupError, OSError) as exc:
        _empty(into)
        progress("the restore failed; reading every file of the repository to name the damage")
        _ok, damaged = restic.check(read_data=True)
        raise BackupError(
            f"the restore was refused: {exc}; {into} was emptied again", damaged
        ) from exc
    progress("running the restore drill")
    report = run_drill(
        into, checked.manifest, database_url=database_url, ask_passphrase=ask_passphrase
    )
    report.snapshot, report.fingerprint = snap.id, checked.fingerprint
    (into / REPORT_NAME).write_text(report.render(), encoding="utf-8")
    return report


def _unlock_restored_key(home: Path, ask: Callable[[], bytes] | None) -> str:
    """Unlock the restored store key in this process if it is locked, so the drill can be given
    its wrapping key; return the problem in words, or ''."""
    from mizan.evidence.services.custody import load_store_key
    from mizan.evidence.store import KeyLockedError, StoreError, StoreKey, key_file_locked

    key_file = home / "keys" / "store.key"
    try:
        if not key_file.exists() or not key_file_locked(key_file):
            return ""
        try:
            load_store_key(key_file)
        except KeyLockedError:
            if ask is None:
                raise
            StoreKey.load(key_file, passphrase=ask())
    except StoreError as exc:
        return str(exc)
    return ""


def run_drill(
    home: Path,
    manifest: dict[str, Any],
    *,
    database_url: str | None = None,
    ask_passphrase: Callable[[], bytes] | None = None,
) -> DrillReport:
    """Run the drill on a restored MIZAN_HOME in a child process (its own Django settings).

    A locked store key's wrapping key (derived here from the passphrase) reaches the child
    through a pipe, never its environment or a file."""
    from mizan.evidence.store import unlocked_wrapping_keys

    locked = _unlock_restored_key(home, ask_passphrase)
    if locked:
        checks = [Check("keys", False, f"the restored store key cannot be unlocked: {locked}")]
        return DrillReport("", home, manifest, "", checks)
    env = {
        k: v
        for k, v in os.environ.items()
        if not (k.startswith("MIZAN_") or k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"))
    }
    env.update({"MIZAN_HOME": str(home), "MIZAN_ENV": "development"})
    if database_url:
        env["DATABASE_URL"] = database_url
    proc = subprocess.run(
        [sys.executable, "-m", "mizan.backup.drill", str(home)],
        env=env,
        input=json.dumps(unlocked_wrapping_keys()),
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        checks = [Check(**c) for c in result["checks"]]
    except (ValueError, IndexError, KeyError, TypeError):
        checks = [Check("drill", False, f"the drill process failed: {proc.stderr.strip()[-800:]}")]
    return DrillReport("", home, manifest, "", checks)


def drill_record(report: DrillReport, *, repository: str) -> None:
    """Remember the drill for the health page, where there is an installation to remember it in:
    a restore onto a fresh machine runs before any database of its own exists."""
    from django.db import DatabaseError

    with contextlib.suppress(DatabaseError):
        _drill_record(report, repository=repository)


def _drill_record(report: DrillReport, *, repository: str) -> None:
    BackupRun.objects.create(
        kind=BackupRun.Kind.DRILL,
        started_at=timezone.now(),
        finished_at=timezone.now(),
        ok=report.ok,
        repository=repository,
        snapshot=report.snapshot,
        message=""
        if report.ok
        else "; ".join(f"{c.name}: {c.detail}" for c in report.checks if not c.ok)[:2000],
    )
