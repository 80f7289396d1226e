"""``mizan audit verify`` and ``mizan audit checkpoint``: prove the audit log is whole.

Exists because a hash chain is only worth something if someone checks it, and a chain kept only
in the database can be rewritten by whoever holds the database: run ``verify`` from cron or
before handing evidence over (it exits non-zero when any entry was altered or removed, or a
signed checkpoint is missing or does not match); run ``checkpoint --out FILE`` to sign the
current head and keep the file elsewhere, then ``verify --against FILE`` later proves that
nothing before it was rewritten since.

``verify`` is read-only: it creates no key, no database and no directory; what is missing is
named and the exit status is non-zero.
"""

import json
import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.core.audit import (
    AuditLogBroken,
    CheckpointFileError,
    audit_checkpoint_export,
    audit_verify,
    read_checkpoint_file,
)
from mizan.core.keys import SigningKeyMissing
from mizan.core.models import AuditCheckpoint, AuditHead


class Command(BaseCommand):
    help = (
        "verify: check the audit log's hash chain and signed checkpoints (exit status 1 when "
        "broken); checkpoint: sign the current head, optionally writing it to a file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify", "checkpoint"])
        parser.add_argument(
            "--against",
            metavar="FILE",
            help="verify: also check the log against a checkpoint exported earlier",
        )
        parser.add_argument(
            "--out", metavar="FILE", help="checkpoint: write the signed checkpoint to FILE"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "checkpoint":
            self._checkpoint(options.get("out"))
        else:
            self._verify(options.get("against"))

    def _verify(self, against_path: str | None) -> None:
        against = None
        if against_path:
            try:
                against = read_checkpoint_file(Path(against_path).read_bytes())
            except OSError as exc:
                raise CommandError(f"cannot read {against_path}: {exc.strerror or exc}") from None
            except CheckpointFileError as exc:
                raise CommandError(f"{against_path}: {exc}") from None
        try:
            problems = audit_verify(against=against)
        except SigningKeyMissing as exc:
            raise CommandError(str(exc)) from None
        head = AuditHead.objects.filter(pk=1).first()
        count = head.last_seq if head else 0
        signed = AuditCheckpoint.objects.count()
        if problems:
            for problem in problems:
                self.stderr.write(f"BAD {problem}")
            raise CommandError(
                f"audit log broken: first bad entry is #{problems[0].seq} "
                f"({len(problems)} problem(s) in {count} entries)"
            )
        extra = f"; matches the checkpoint in {against_path}" if against else ""
        self.stdout.write(
            f"OK: {count} audit entries, chain intact, {signed} signed checkpoints hold{extra}"
        )

    def _checkpoint(self, out: str | None) -> None:
        out_path = Path(out) if out else None
        if out_path is not None and not out_path.parent.is_dir():
            raise CommandError(f"the folder of {out_path} does not exist; nothing was signed")
        try:
            document = audit_checkpoint_export()
        except AuditLogBroken as exc:
            raise CommandError(
                f"{exc}; run `mizan audit verify` — no checkpoint was signed"
            ) from None
        if document is None:
            raise CommandError("the audit log is empty: there is nothing to sign")
        self.stdout.write(
            f"signed checkpoint: #{document['seq']} {document['head']} at {document['at']}"
        )
        if out_path is not None:
            data = (json.dumps(document, indent=2, sort_keys=True) + "\n").encode()
            fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            self.stdout.write(
                f"written to {out_path}: keep it away from this server; later, "
                f"`mizan audit verify --against {out_path}` shows whether the log was rewritten"
            )
