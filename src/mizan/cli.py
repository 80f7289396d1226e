"""The ``mizan`` command.

mizan demo [--host H] [--port P]   set up ./var (or $MIZAN_HOME), demo data, serve
mizan serve [--host H] [--port P]  serve with gunicorn (production WSGI server) + WhiteNoise
mizan worker                       run background tasks (django-tasks database backend)
mizan createadmin                  create an administrator account
mizan audit verify [--against FILE] check the audit log's hash chain and signed checkpoints
mizan audit checkpoint [--out FILE] sign the audit log's head (and export it to FILE)
mizan evidence add PATH… [--case REF] [--source TEXT] [--note TEXT]
                                   put files into the evidence locker
mizan evidence verify              re-hash every original, check the custody chain and signatures
mizan evidence sweep               remove temporary files left by interrupted ingests
mizan evidence fixity              re-check every item and record fixity events
mizan evidence export (--case REF | --items ID…) --recipient NAME --out DIR [--age-recipient KEY]
                                   build a signed BagIt handover package
mizan verify-package DIR           verify a handover package offline (no database, no Django)
mizan missing import FILE --source NAME [--dry-run]   import a list of names (CSV/XLSX)
mizan manage ARGS…                 any Django management command
mizan library import DIR [--manifest FILE.csv]   import documents into the library
mizan library search "QUERY" [--limit N] [--json] search the library
mizan backup create [--to REPO] | list | verify [SNAPSHOT] | restore SNAPSHOT --into DIR
                                   encrypted backups (restic) and the restore drill
mizan doctor                       worker, backups, drill, fixity, disk, key files: what to do
mizan keys split|recover|lock|lock-status|rotate-store-key
                                   key custody: trustee shares, passphrase lock, key rotation
mizan link FILE.csv… --out CLUSTERS.csv [--threshold P]
                                   cluster records of the same person across lists (no database)
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any


def _setup(default_env: str | None = None, *, private_temp: bool = False) -> None:
    from mizan.core.home import django_setup

    django_setup(default_env, private_temp=private_temp)


def _serve(host: str, port: int, workers: int, threads: int) -> None:
    from gunicorn.app.base import BaseApplication

    from mizan.wsgi import application

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "timeout": 120,
                "accesslog": "-",
                # The access log keeps method, path and status: identifiers, not form content.
                "access_log_format": '%(h)s "%(r)s" %(s)s %(b)s %(M)sms',
                "limit_request_line": 8190,
            }.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    _Server().run()


def _setup_read_only() -> str | None:
    """Set Django up for a read-only check without creating anything on the way.

    Returns what is missing (the database file, the migrated tables) in words, or ``None``.
    Without this, opening SQLite creates an empty database file and the settings create a
    secret key, and the check then fails on a missing table with a traceback.
    """
    os.environ["MIZAN_READ_ONLY"] = "1"
    try:
        _setup()
    finally:
        os.environ.pop("MIZAN_READ_ONLY", None)  # not inherited by anything started later
    from django.conf import settings
    from django.db import DatabaseError, connection

    name = str(connection.settings_dict["NAME"])
    in_memory = name == ":memory:" or "mode=memory" in name
    if connection.vendor == "sqlite" and not in_memory and not Path(name).is_file():
        return (
            f"no Mizan database at {name} (MIZAN_HOME={settings.MIZAN_HOME}); "
            "set MIZAN_HOME or DATABASE_URL to the installation to check — nothing was created"
        )
    try:
        tables = set(connection.introspection.table_names())
    except DatabaseError as exc:
        return f"cannot open the database: {exc}".strip()
    if "core_auditentry" not in tables:
        return "the database holds no Mizan tables (was it ever migrated?) — nothing was created"
    return None


def _prepare_database() -> None:
    from django.core.management import call_command

    from mizan.settings import MIZAN_HOME

    MIZAN_HOME.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def cmd_demo(args: argparse.Namespace) -> int:
    _setup("demo", private_temp=True)
    from django.core.management import call_command

    print("Mizan: preparing the demo database…", flush=True)
    _prepare_database()
    call_command("demo_data")
    if args.no_serve:
        return 0
    worker = subprocess.Popen([sys.executable, "-m", "mizan.cli", "worker"])
    try:
        print(
            f"\nMizan is serving on http://{args.host}:{args.port}/  (Ctrl+C stops it)\n",
            flush=True,
        )
        _serve(args.host, args.port, workers=2, threads=4)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=10)
    return 0


def _unlock_store_key(program: str) -> None:
    """A store key locked with a passphrase is unlocked once, here, before serving: from
    MIZAN_KEY_PASSPHRASE_FILE or the terminal. Gunicorn's workers are forked after this and
    inherit it; it is never written down."""
    from mizan.evidence.commands import ask_passphrase
    from mizan.evidence.services import store_unlock
    from mizan.evidence.store import StoreError

    try:
        if store_unlock(ask=ask_passphrase) == "locked":
            print(f"mizan {program}: the store key is unlocked", flush=True)
    except StoreError as exc:
        print(f"mizan {program}: {exc}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


def cmd_serve(args: argparse.Namespace) -> int:
    _setup(private_temp=True)
    from django.core.management import call_command

    _unlock_store_key("serve")

    from mizan.evidence.services import store_sweep

    swept = store_sweep()  # temporary files of ingests killed with the last server
    if swept:
        print(f"mizan serve: removed {swept} temporary files of interrupted ingests", flush=True)
    call_command("collectstatic", interactive=False, verbosity=0)
    _serve(args.host, args.port, workers=args.workers, threads=args.threads)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _setup(private_temp=True)
    from datetime import timedelta

    from django.core.management import call_command

    from mizan.evidence.services import store_sweep
    from mizan.evidence.tasks import schedule_fixity

    _unlock_store_key("worker")

    swept = store_sweep()  # temporary files of ingests killed while the worker was down
    if swept:
        print(f"mizan worker: removed {swept} temporary files of interrupted ingests", flush=True)
    # The locker's periodic fixity check: the first run soon after start, then every
    # MIZAN_FIXITY_HOURS (it re-queues itself).
    schedule_fixity(after=timedelta(minutes=10))
    # Heartbeat, scheduled backups (MIZAN_BACKUP_SCHEDULE) and the weekly restore drill.
    from mizan.backup.tasks import schedule_backups

    schedule_backups(after=timedelta(seconds=30))

    call_command("db_worker", *args.rest)
    return 0


def cmd_createadmin(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import call_command

    options = ["--username", args.username] + (["--email", args.email] if args.email else [])
    call_command("createadmin", *options)
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    if args.action == "verify":
        missing = _setup_read_only()
        if missing:
            print(f"mizan audit verify: {missing}", file=sys.stderr)
            return 2
    else:
        _setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    options = []
    if args.against:
        options += ["--against", args.against]
    if args.out:
        options += ["--out", args.out]
    if (args.action == "verify" and args.out) or (args.action == "checkpoint" and args.against):
        print("mizan audit: --against goes with verify, --out with checkpoint", file=sys.stderr)
        return 2
    try:
        call_command("audit", args.action, *options)
    except CommandError as exc:
        print(f"mizan audit {args.action}: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    if args.action == "verify":
        missing = _setup_read_only()
        if missing:
            print(f"mizan evidence verify: {missing}", file=sys.stderr)
            return 2
    else:
        _setup()
    from mizan.evidence import commands

    return commands.run(args)


# `mizan verify-package` without --fingerprint on a package that holds together: not a failure
# of the package, not a verification either (a complete forgery looks the same).
UNCONFIRMED_SIGNER = 3


def cmd_verify_package(args: argparse.Namespace) -> int:
    """Verify a handover package where Mizan has never run: a prosecutor's or the IIIM's machine.

    Imports no Django and reads no settings, database or MIZAN_HOME: only the package. Exit
    status 0 only when everything holds *and* the key matches ``--fingerprint``; 1 when
    something does not hold; 3 when everything holds but no fingerprint was given.
    """
    import logging

    from mizan.evidence.package.verify import check_package

    # bagit logs each mismatch as a warning; the problems below already say it in one place.
    logging.getLogger("bagit").addHandler(logging.NullHandler())
    problems, description = check_package(
        args.package, expected_fingerprint=args.fingerprint, identity=args.identity
    )
    if problems:
        print(f"mizan verify-package: {args.package} does NOT verify:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    if args.fingerprint is None:
        # Everything holds together, but a forger who made a new key and re-signed everything
        # gets this far too: only the fingerprint given through another channel tells.
        print(f"signature consistent but signer not confirmed: {args.package}")
        print(f"  {description}")
        print(
            "  The signing key was not compared with the organisation's, so this is no proof:"
            " a forger's package with a new key looks the same. Run again with --fingerprint HEX,"
            " the fingerprint the organisation gave you separately."
        )
        return UNCONFIRMED_SIGNER
    print(f"verified: {args.package}")
    print(f"  {description}")
    return 0


def cmd_missing(args: argparse.Namespace) -> int:
    _setup(private_temp=True)
    from django.core.management import call_command
    from django.core.management.base import CommandError

    options = ["--source", args.source] + (["--dry-run"] if args.dry_run else [])
    try:
        call_command("missing_import", args.file, *options)
    except CommandError as exc:
        print(f"mizan missing import: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_library(args: argparse.Namespace) -> int:
    _setup(private_temp=True)
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("library", *args.rest)
    except CommandError as exc:
        print(f"mizan library: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_testimonies(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("testimonies", *args.rest)
    except CommandError as exc:
        print(f"mizan testimonies: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_activities(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    try:
        call_command("activities", *args.rest)
    except CommandError as exc:
        print(f"mizan activities: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    _setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["mizan manage", *args.rest])
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    """Link person lists into clusters; needs no database, so Django is never set up here."""
    from pathlib import Path

    from mizan.linkage import ListError, ReadingStopped, link, read_lists, write_clusters
    from mizan.linkage.lists import problems_path, write_problems

    if not 0.0 < args.threshold < 1.0:
        print("mizan link: --threshold must be between 0 and 1 (exclusive)", file=sys.stderr)
        return 2
    out = Path(args.out)
    if not out.parent.is_dir():
        print(f"mizan link: the folder of {out} does not exist", file=sys.stderr)
        return 2
    try:
        records = read_lists([Path(name) for name in args.files])
    except ListError as exc:
        print(f"mizan link: nothing was written.\n{exc}", file=sys.stderr)
        return 1
    print(f"mizan link: {len(records)} records from {len(args.files)} lists", file=sys.stderr)
    try:
        result = link(
            (r.values for r in records),
            threshold=args.threshold,
            progress=lambda stage: print(f"mizan link: {stage}", file=sys.stderr, flush=True),
            sources=[r.source for r in records],
        )
    except ReadingStopped as exc:
        print(f"mizan link: nothing was written: {exc}.", file=sys.stderr)
        return 1
    sizes: dict[int, int] = {}
    for cluster in result.clusters:
        sizes[cluster] = sizes.get(cluster, 0) + 1
    write_clusters(
        out, records, result.clusters, {"cluster_size": [sizes[c] for c in result.clusters]}
    )
    # Implausible values (OCR'd years, malformed national numbers) are flagged, not refused:
    # one row per value in X.problems.csv beside the clusters, header only when there is none.
    flagged = write_problems(problems_path(out), records, result.clusters)
    linked = sum(1 for c in result.clusters if sizes[c] > 1)
    print(
        f"mizan link: {len(sizes)} clusters; {linked} records share a cluster; wrote {out}",
        file=sys.stderr,
    )
    print(
        f"mizan link: {flagged} implausible values flagged (compared as missing or digit by"
        f" digit); wrote {problems_path(out)}",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mizan", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="set up the embedded database with demo data and serve")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--no-serve", action="store_true", help="prepare everything, then stop")
    demo.set_defaults(func=cmd_demo)

    serve = sub.add_parser("serve", help="serve the application (gunicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=2)
    serve.add_argument("--threads", type=int, default=4)
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run background tasks")
    worker.add_argument("rest", nargs=argparse.REMAINDER)
    worker.set_defaults(func=cmd_worker)

    admin = sub.add_parser("createadmin", help="create an administrator account")
    admin.add_argument("--username", default="admin")
    admin.add_argument("--email", default="")
    admin.set_defaults(func=cmd_createadmin)

    audit = sub.add_parser("audit", help="audit log tools")
    audit.add_argument("action", choices=["verify", "checkpoint"])
    audit.add_argument(
        "--against",
        metavar="FILE",
        help="verify: also check the log against a checkpoint exported earlier",
    )
    audit.add_argument(
        "--out", metavar="FILE", help="checkpoint: write the signed checkpoint to FILE"
    )
    audit.set_defaults(func=cmd_audit)

    evidence = sub.add_parser("evidence", help="the evidence locker")
    evidence_sub = evidence.add_subparsers(dest="action", required=True)
    add = evidence_sub.add_parser("add", help="put files into the locker")
    add.add_argument("paths", nargs="+", metavar="PATH", help="files (directories are walked)")
    add.add_argument("--case", metavar="REF", help="link the items to this case file")
    add.add_argument("--source", metavar="TEXT", default="", help="where the files came from")
    add.add_argument("--note", metavar="TEXT", default="")
    add.add_argument(
        "--consent",
        metavar="SCOPE",
        action="append",
        default=[],
        help="a consent scope code the items may be shared under (repeatable)",
    )
    evidence_sub.add_parser("verify", help="re-hash every original; check custody and signatures")
    evidence_sub.add_parser("fixity", help="re-check every item and record fixity events")
    evidence_sub.add_parser(
        "sweep", help="remove temporary files left in the store by interrupted ingests"
    )
    export = evidence_sub.add_parser("export", help="build a signed handover package")
    chosen = export.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--case", metavar="REF", help="every item of this case file")
    chosen.add_argument("--items", metavar="ID", nargs="+", help="these items")
    export.add_argument("--recipient", metavar="NAME", required=True)
    export.add_argument("--out", metavar="DIR", required=True)
    export.add_argument("--age-recipient", metavar="KEY", default=None)
    evidence.set_defaults(func=cmd_evidence)
    verify = sub.add_parser(
        "verify-package",
        help="verify a handover package offline (bag, signature, custody chain)",
        description="Verify a Mizan handover package without a database or a Mizan data"
        " directory: BagIt validity with every hash, the Ed25519 signature of the tag manifest,"
        " the custody events' chain and that every file is accounted for. Exit status 0 when"
        " all holds and the key has the --fingerprint given; 1 with one line per problem;"
        " 3 when all holds but no --fingerprint was given (a complete forgery with a new key"
        " would hold too, so the signer is not confirmed).",
    )
    verify.add_argument("package", type=Path, help="the package directory (or .tar.age file)")
    verify.add_argument(
        "--fingerprint", help="expected SHA-256 fingerprint of the organisation's public key"
    )
    verify.add_argument(
        "--identity",
        type=Path,
        help="age identity file: verify an encrypted .tar.age package directly",
    )
    verify.set_defaults(func=cmd_verify_package)
    missing = sub.add_parser("missing", help="registry of the missing")
    missing_sub = missing.add_subparsers(dest="missing_command", required=True)
    missing_import = missing_sub.add_parser(
        "import", help="import a CSV or XLSX list of names into a source list"
    )
    missing_import.add_argument("file")
    missing_import.add_argument("--source", required=True, help="the source list's name")
    missing_import.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    missing_import.set_defaults(func=cmd_missing)
    library = sub.add_parser("library", help="import and search library documents")
    library.add_argument("rest", nargs=argparse.REMAINDER)
    library.set_defaults(func=cmd_library)
    testimonies = sub.add_parser("testimonies", help="import, publish and unpublish testimonies")
    testimonies.add_argument("rest", nargs=argparse.REMAINDER)
    testimonies.set_defaults(func=cmd_testimonies)
    activities = sub.add_parser(
        "activities", help="import activities and write donor reports (XLSX, PDF)"
    )
    activities.add_argument("rest", nargs=argparse.REMAINDER)
    activities.set_defaults(func=cmd_activities)

    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)

    linkage = sub.add_parser(
        "link", help="cluster records of the same person across CSV lists (no database)"
    )
    linkage.add_argument("files", nargs="+", metavar="FILE.csv", help="lists; stem = source name")
    linkage.add_argument("--out", required=True, metavar="CLUSTERS.csv")
    linkage.add_argument(
        "--threshold",
        type=float,
        default=0.2,
        metavar="P",
        help="join groups whose pairs average at least this match probability (0.2)",
    )
    linkage.set_defaults(func=cmd_link)

    # Backups, health (issue 13): the mizan.backup app owns these commands.
    from mizan.backup import commands as backup_commands

    backup_commands.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before anything is created (the secret key, the database): private to this account.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
