"""``mizan audit verify``: prove the audit log is whole, or name the first bad entry.

Exists because a hash chain is only worth something if someone checks it: run it from cron or
before handing evidence over; it exits non-zero when any entry was altered or removed.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.core.audit import audit_verify
from mizan.core.models import AuditHead


class Command(BaseCommand):
    help = "Verify the audit log's hash chain (exit status 1 when it is broken)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        problems = audit_verify()
        head = AuditHead.objects.filter(pk=1).first()
        count = head.last_seq if head else 0
        if problems:
            for problem in problems:
                self.stderr.write(f"BAD {problem}")
            raise CommandError(
                f"audit log broken: first bad entry is #{problems[0].seq} "
                f"({len(problems)} problem(s) in {count} entries)"
            )
        self.stdout.write(f"OK: {count} audit entries, chain intact")
