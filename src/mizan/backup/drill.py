"""The restore drill, run in its own process on a restored MIZAN_HOME.

``python -m mizan.backup.drill HOME`` (MIZAN_HOME=HOME, and DATABASE_URL for PostgreSQL, set by
the caller) prints one JSON line: the checks, each ok or not with a detail. The order matters:
counts and chain heads are compared *before* the schema is migrated forward (a migration may add
rows), the audit log and the locker are verified *after* (their code needs the current schema).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any


def _check(name: str, ok: bool, detail: str) -> dict[str, Any]:
    return {"name": name, "ok": bool(ok), "detail": detail}


def _drill(home: Path) -> list[dict[str, Any]]:
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from mizan.backup import manifest as manifests
    from mizan.backup.services import RESTORED_MANIFEST_DIR, _facts, _sqlite_tables

    kept = home / RESTORED_MANIFEST_DIR
    checked = manifests.check_signed(
        (kept / manifests.MANIFEST).read_bytes(),
        (kept / manifests.SIGNATURE).read_bytes(),
        (kept / manifests.PUBLIC_KEY).read_bytes(),
    )
    manifest = checked.manifest
    checks = [
        _check(
            "manifest signature",
            not checked.problems,
            "; ".join(checked.problems) or f"valid (key {checked.fingerprint[:16]}…)",
        )
    ]

    # 1. Database integrity.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            result = [row[0] for row in cursor.fetchall()]
            checks.append(_check("database integrity", result == ["ok"], "; ".join(result[:5])))
            tables = _sqlite_tables(cursor)
        else:
            cursor.execute("SELECT 1")
            checks.append(_check("database integrity", True, "pg_restore loaded every object"))
            tables = connection.introspection.table_names(cursor)
        facts = _facts(cursor, tables, connection.ops.quote_name)

    # 2. Row counts against the manifest.
    differ = [
        f"{table}: {facts['tables'].get(table, 'missing')} rows, manifest says {count}"
        for table, count in sorted(manifest["tables"].items())
        if facts["tables"].get(table) != count
    ]
    checks.append(
        _check(
            "row counts",
            not differ,
            "; ".join(differ[:10])
            or f"{len(manifest['tables'])} tables, {sum(manifest['tables'].values())} rows,"
            " as in the manifest",
        )
    )

    # 3. Chain heads against the manifest.
    for name in ("audit", "custody"):
        got, want = facts["heads"][name], manifest[f"{name}_head"]
        checks.append(
            _check(
                f"{name} chain head",
                got == want,
                f"#{got['seq']} {got['hash'][:16]}…"
                + ("" if got == want else f", manifest says #{want['seq']} {want['hash'][:16]}…"),
            )
        )

    # 4. Keys: present, private, and the signing key is the one that signed the manifest.
    key_problems = []
    for path in (Path(settings.EVIDENCE_KEY_FILE), Path(settings.SIGNING_KEY_FILE)):
        if not path.exists():
            key_problems.append(f"{path.name} is missing")
        elif path.stat().st_mode & 0o077:
            key_problems.append(f"{path.name} is readable by others")
    if not key_problems:
        own = manifests.organisation_signing_key().fingerprint
        if own != checked.fingerprint:
            key_problems.append("the restored signing key did not sign the manifest")
    checks.append(_check("keys", not key_problems, "; ".join(key_problems) or "present, 0600"))
    if key_problems:
        return checks  # without the keys, the locker cannot be checked (and must not be re-keyed)

    # 5. Schema: migrate a backup from an older Mizan forward.
    from django.core.management import call_command

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    try:
        call_command("migrate", interactive=False, verbosity=0)
        checks.append(
            _check(
                "schema",
                True,
                f"migrated forward ({len(plan)} migrations applied)" if plan else "current",
            )
        )
    except Exception as exc:  # any failure of a migration is a failed drill, reported
        checks.append(_check("schema", False, f"migrating forward failed: {exc}"))
        return checks

    # 6. mizan audit verify.
    #    Against the checkpoint signed into the backup too: the restored log must still hold
    #    the head that was signed when the backup was taken.
    from mizan.backup.services import AUDIT_CHECKPOINT, _file_sha256
    from mizan.core.audit import CheckpointFileError, audit_verify, read_checkpoint_file

    against = None
    signed = manifest.get("audit_checkpoint")
    if signed:
        path = kept / AUDIT_CHECKPOINT
        try:
            if not path.is_file() or _file_sha256(path) != signed["sha256"]:
                raise CheckpointFileError("missing, or not the file the manifest signed")
            against = read_checkpoint_file(path.read_bytes())
        except CheckpointFileError as exc:
            checks.append(_check("audit checkpoint", False, str(exc)))
    problems = audit_verify(against=against)
    checks.append(
        _check(
            "audit verify",
            not problems,
            "; ".join(str(p) for p in problems[:5])
            or f"{facts['heads']['audit']['seq']} entries, chain intact"
            + (f", holds the signed checkpoint #{against['seq']}" if against else ""),
        )
    )

    # 7. mizan evidence verify: every object decrypted and re-hashed.
    from mizan.backup.services import _evidence_objects
    from mizan.evidence.services import locker_verify

    _root, count, size = _evidence_objects()
    want = manifest["evidence"]
    checks.append(
        _check(
            "evidence objects",
            count >= want["objects"],
            f"{count} objects ({size / 1048576:.1f} MiB) restored, manifest lists"
            f" {want['objects']}",
        )
    )
    report = locker_verify()
    checks.append(
        _check(
            "evidence verify",
            report.ok,
            "; ".join(report.problems[:5])
            or f"{report.items_checked} items decrypted and re-hashed,"
            f" {report.events_checked} custody events, {report.checkpoints_checked} checkpoints",
        )
    )
    return checks


def main(argv: list[str]) -> int:
    home = Path(argv[0]).resolve()
    os.environ["MIZAN_HOME"] = str(home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    # The wrapping key of a locked store key, handed over by the parent through the pipe.
    from mizan.evidence.store import remember_wrapping_keys

    given = sys.stdin.read() if not sys.stdin.isatty() else ""
    remember_wrapping_keys(json.loads(given) if given.strip() else {})
    try:
        checks = _drill(home)
    except Exception as exc:  # report, don't crash: the caller prints a failed drill
        checks = [_check("drill", False, f"{type(exc).__name__}: {exc}")]
    print(json.dumps({"checks": checks}))
    return 0 if all(c["ok"] for c in checks) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
