"""``mizan backup …`` (contracts written in issue 13; keep them):

* ``create [--to REPO]`` takes a backup while Mizan runs; prints the snapshot id and what it added.
* ``list`` lists the backups with what each manifest says.
* ``verify [SNAPSHOT]`` reads and re-hashes every file of the repository and checks the signed
  manifests; names every damaged file; exit 1 on any problem.
* ``restore SNAPSHOT --into DIR`` restores into an empty directory and runs the drill; prints a
  one-page report (also written to DIR/restore-report.txt); exit 1 on any difference.

Exit status 2 for refused input (a non-empty DIR, an unknown snapshot).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mizan.backup.errors import BackupError


def _say(message: str) -> None:
    print(f"mizan backup: {message}", file=sys.stderr, flush=True)


def _fail(action: str, exc: BackupError) -> int:
    print(f"mizan backup {action}: {exc}", file=sys.stderr)
    for problem in exc.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def cmd_create(args: argparse.Namespace) -> int:
    from mizan.backup.services import backup_create
    from mizan.evidence.commands import _actor

    try:
        result = backup_create(actor=_actor(), repository=args.to, progress=_say)
    except BackupError as exc:
        return _fail("create", exc)
    m = result.manifest
    print(
        f"{result.snapshot_id[:8]} {result.data_added} bytes added"
        f" ({result.files_new} new files) in {result.seconds:.1f} s;"
        f" {sum(m['tables'].values())} rows, {m['evidence']['objects']} evidence objects"
    )
    return 0


def _utc(restic_time: str) -> str:
    """restic prints local time with nanoseconds; say it in UTC, to the second."""
    from datetime import UTC, datetime

    trimmed = re.sub(r"(\.\d{6})\d+", r"\1", restic_time)
    try:
        return datetime.fromisoformat(trimmed).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except ValueError:
        return restic_time[:19]


def cmd_list(args: argparse.Namespace) -> int:
    from mizan.backup.services import backup_list

    try:
        listed = backup_list(repository=args.repo)
    except BackupError as exc:
        return _fail("list", exc)
    if not listed:
        print("no backups yet")
    for entry in listed:
        m = entry.manifest
        about = (
            f"{sum(m['tables'].values())} rows, {m['evidence']['objects']} objects"
            f" ({m['evidence']['bytes'] / 1048576:.1f} MiB), Mizan {m['mizan_version']}"
            if m
            else "no readable manifest"
        )
        flag = "" if not entry.problems else "  PROBLEM: " + "; ".join(entry.problems)
        print(f"{entry.snapshot.short_id}  {_utc(entry.snapshot.time)}  {about}{flag}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from mizan.backup.services import backup_verify

    try:
        report = backup_verify(repository=args.repo, snapshot=args.snapshot, progress=_say)
    except BackupError as exc:
        return _fail("verify", exc)
    for problem in report.problems:
        print(f"BAD {problem}")
    if report.ok:
        print(f"mizan backup verify: all hold ({len(report.snapshots)} snapshots checked)")
        return 0
    print(f"mizan backup verify: {len(report.problems)} problems", file=sys.stderr)
    return 1


def cmd_restore(args: argparse.Namespace) -> int:
    from mizan.backup.services import backup_restore, drill_record
    from mizan.evidence.commands import ask_passphrase

    into = Path(args.into)
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        print(
            f"mizan backup restore: {into} is not empty: restore into a new or empty directory",
            file=sys.stderr,
        )
        return 2
    try:
        report = backup_restore(
            snapshot=args.snapshot,
            into=into,
            repository=args.repo,
            database_url=args.database_url,
            progress=_say,
            ask_passphrase=ask_passphrase,
        )
    except BackupError as exc:
        return _fail("restore", exc)
    drill_record(report, repository=args.repo or "")
    print(report.render(), end="")
    return 0 if report.ok else 1


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = sub.add_parser("backup", help="backups, their verification, restore with the drill")
    actions = backup.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="take a backup now (Mizan may keep running)")
    create.add_argument("--to", metavar="REPO", help="restic repository (MIZAN_BACKUP_REPOSITORY)")
    listing = actions.add_parser("list", help="list the backups in the repository")
    verify = actions.add_parser("verify", help="re-read every file; check signed manifests")
    verify.add_argument("snapshot", nargs="?", metavar="SNAPSHOT")
    restore = actions.add_parser("restore", help="restore into an empty directory, then drill")
    restore.add_argument("snapshot", metavar="SNAPSHOT", help="snapshot id (or 'latest')")
    restore.add_argument("--into", metavar="DIR", required=True)
    restore.add_argument(
        "--database-url", metavar="URL", help="an empty PostgreSQL database (PostgreSQL backups)"
    )
    for parser in (listing, verify, restore):
        parser.add_argument("--repo", metavar="REPO", help="restic repository to read")
    backup.set_defaults(func=run)
    doctor = sub.add_parser(
        "doctor", help="worker, backups, drill, fixity, disk space, key files: what to do"
    )
    doctor.set_defaults(func=run_doctor)

    keys = sub.add_parser("keys", help="key custody: split the keys among trustees, recover them")
    keys_actions = keys.add_subparsers(dest="action", required=True)
    split = keys_actions.add_parser(
        "split", help="SLIP-39 shares of the store key, signing key and backup password (PDF)"
    )
    split.add_argument("--shares", type=int, default=5, metavar="N")
    split.add_argument("--threshold", type=int, default=3, metavar="K")
    split.add_argument("--out", required=True, metavar="DIR", help="a new directory for the PDFs")
    recover = keys_actions.add_parser("recover", help="recover the keys from enough shares")
    recover.add_argument(
        "--shares-file",
        metavar="FILE",
        help="share lines ('store-key: words…'); without it they are read from standard input",
    )
    recover.add_argument("--out", required=True, metavar="DIR", help="where to write the keys")
    lock = keys_actions.add_parser(
        "lock", help="wrap the store key under a passphrase (asked at each start of the services)"
    )
    lock.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE; without it, it is asked twice on the terminal",
    )
    keys_actions.add_parser("lock-status", help="is the store key locked with a passphrase?")
    keys_actions.add_parser(
        "rotate-store-key",
        help="re-wrap every object's data key under a new store key (resumable)",
    )
    keys.set_defaults(func=run_keys)


def run_keys(args: argparse.Namespace) -> int:
    """``mizan keys split|recover``: so the keys survive the loss of the server and of anyone."""
    from mizan.core.home import django_setup

    django_setup()
    from django.conf import settings

    from mizan.backup import custody
    from mizan.evidence.commands import ask_passphrase
    from mizan.evidence.store import StoreError

    if args.action in ("lock", "lock-status", "rotate-store-key"):
        return _store_key_command(args)
    try:
        if args.action == "split":
            from mizan.evidence.services import store_unlock

            store_unlock(ask=ask_passphrase)  # a locked store key is split as the key itself
            key_file = Path(settings.EVIDENCE_KEY_FILE)
            if key_file.with_name(key_file.name + ".next").exists():
                raise BackupError(
                    "a rotation of the store key is not finished (store.key.next exists):"
                    " finish it with mizan keys rotate-store-key, then split the new key"
                )
            trustees = custody.split(
                custody.load_installation_secrets(),
                shares=args.shares,
                threshold=args.threshold,
            )
            pages = custody.share_pdfs(
                trustees,
                threshold=args.threshold,
                organisation=settings.ORGANISATION_NAME,
                out=Path(args.out),
            )
            for page in pages:
                print(page)
            print(
                f"mizan keys split: {len(pages)} shares, any {args.threshold} recover the keys."
                " Print each page, give it to its trustee, then delete these files.",
                file=sys.stderr,
            )
            return 0
        if args.shares_file:
            lines = Path(args.shares_file).read_text(encoding="utf-8").splitlines()
        else:
            if sys.stdin.isatty():
                print(
                    "Type or scan the share lines (label: words), then an empty line twice:",
                    file=sys.stderr,
                )
            lines = []
            blank = 0
            for line in sys.stdin:
                blank = blank + 1 if not line.strip() else 0
                if blank >= 2:
                    break
                lines.append(line)
        written = custody.write_key_files(custody.recover(lines), Path(args.out))
    except (BackupError, OSError, StoreError) as exc:
        print(f"mizan keys {args.action}: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    print(
        "mizan keys recover: the keys are recovered (mode 0600). Put store.key and"
        " signing-key.pem in MIZAN_HOME/keys; give backup-password as MIZAN_BACKUP_PASSWORD_FILE.",
        file=sys.stderr,
    )
    return 0


def _store_key_command(args: argparse.Namespace) -> int:
    """``mizan keys lock | lock-status | rotate-store-key``."""
    from django.conf import settings

    from mizan.evidence import services
    from mizan.evidence.commands import _actor, ask_passphrase
    from mizan.evidence.store import StoreError, StoreKey

    key_file = Path(settings.EVIDENCE_KEY_FILE)
    try:
        if args.action == "lock-status":
            mode = services.store_lock_status()
            print(
                {
                    "locked": f"locked: {key_file} is wrapped under a passphrase; serve and"
                    " worker ask for it at start (or read MIZAN_KEY_PASSPHRASE_FILE)",
                    "plain": f"not locked: {key_file} is stored as it is (protected only by"
                    " file permissions); lock it with: mizan keys lock",
                    "missing": f"no store key at {key_file} yet",
                }[mode]
            )
            return 0 if mode != "missing" else 1
        if args.action == "lock":
            services.store_unlock(ask=ask_passphrase)  # re-locking a locked key needs the old one
            if args.passphrase_file:
                new = Path(args.passphrase_file).read_bytes().rstrip(b"\r\n")
            else:
                new = ask_passphrase("New passphrase: ")
                if ask_passphrase("The same again: ") != new:
                    print("mizan keys lock: the two passphrases differ; nothing changed")
                    return 2
            StoreKey.lock_file(key_file, new)
            print(
                f"mizan keys lock: {key_file} is locked. Keep the passphrase with the trustees:"
                " without it (or the key shares) the evidence cannot be read."
            )
            return 0
        services.store_unlock(ask=ask_passphrase)
        report = services.store_key_rotate(
            actor=_actor(),
            progress=lambda n, _sha: _say(f"{n} objects") if n % 500 == 0 else None,
        )
    except (StoreError, OSError) as exc:
        print(f"mizan keys {args.action}: {exc}", file=sys.stderr)
        return 1
    print(
        f"store key {report.old_key_id[:16]}… -> {report.new_key_id[:16]}…:"
        f" {report.rewrapped} re-wrapped, {report.converted} converted from format v1,"
        f" {report.already} already done"
    )
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    if not report.finished:
        print(
            "mizan keys rotate-store-key: NOT finished; the old key is kept and both keys read."
            " Deal with the objects above (restore them from a backup), then run it again.",
            file=sys.stderr,
        )
        return 1
    print(
        "mizan keys rotate-store-key: done. Take a backup and split the new key among the"
        " trustees (mizan keys split): earlier shares hold the old key."
    )
    return 0


def run_doctor(args: argparse.Namespace) -> int:
    """``mizan doctor``: exit 1 when any check needs an action, so cron can mail it."""
    from django.utils import translation

    from mizan.core.home import django_setup

    django_setup()
    from mizan.backup.health import FAIL, findings

    with translation.override("en"):
        found = findings()
        for f in found:
            mark = {"ok": "  ok  ", "warning": " warn "}.get(f.status, "FAILED")
            print(f"[{mark}] {f.name}: {f.detail}")
            if f.action:
                print(f"         -> {f.action}")
    return 1 if any(f.status == FAIL for f in found) else 0


def run(args: argparse.Namespace) -> int:
    from django.utils import translation

    from mizan.core.home import django_setup

    django_setup()
    commands = {
        "create": cmd_create,
        "list": cmd_list,
        "verify": cmd_verify,
        "restore": cmd_restore,
    }
    with translation.override("en"):
        return commands[args.action](args)
