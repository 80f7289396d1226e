"""Activities from the command line.

    mizan activities import FILE.csv|xlsx [--dry-run]
    mizan activities report --project CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx|.pdf

``import`` brings a table of activities in (columns in ``mizan.activities.importing``); every row
is checked first and a bad row stops the whole import with its row number and reason; with
``--dry-run`` each row is checked and printed and nothing is written. ``report`` writes the donor
report of a project for a period. The command line is the server's operator: it counts every
activity, unless ``--user NAME`` asks for what one user may see. Every write and export is
audited, with no user as the actor (the command line).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.activities import importing, reports, selectors
from mizan.core.sensitivity import Sensitivity


class Operator:
    """The command line as a reader: every level, every team (like a verified superuser)."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    clearance = Sensitivity.RESTRICTED
    pk = None

    def is_verified(self) -> bool:
        return True


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="import activities from a CSV or XLSX file")
        importer.add_argument("file")
        importer.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        report = sub.add_parser("report", help="write the donor report of a project")
        report.add_argument("--project", required=True, help="project code")
        report.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        report.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
        report.add_argument("--out", required=True, help="FILE.xlsx or FILE.pdf")
        report.add_argument("--user", default="", help="count only what this user may see")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _import(self, options: dict[str, Any]) -> None:
        try:
            rows = importing.check_rows(importing.read_table(Path(options["file"])))
            if options["dry_run"]:
                for row in rows:
                    self.stdout.write(
                        f"row {row.number}: ok {row.label} ({sum(row.figures.values())})"
                    )
                self.stdout.write(f"checked {len(rows)} rows; nothing was written (dry run)")
                return
            created = importing.import_rows(rows, actor=None)
        except importing.ImportRefused as exc:
            raise CommandError(f"{exc}; nothing was imported") from None
        for activity in created:
            self.stdout.write(f"{activity.reference} {activity.total}")
        self.stdout.write(f"imported {len(created)} activities")

    def _report(self, options: dict[str, Any]) -> None:
        project = selectors.find_project(options["project"])
        if project is None:
            raise CommandError(f"unknown project {options['project']}")
        try:
            start = date.fromisoformat(options["start"])
            end = date.fromisoformat(options["end"])
        except ValueError:
            raise CommandError("--from and --to are dates written YYYY-MM-DD") from None
        if end < start:
            raise CommandError("the period ends before it starts")
        out = Path(options["out"])
        if out.suffix.lower() not in (".xlsx", ".pdf"):
            raise CommandError("--out must end in .xlsx or .pdf")
        reader: Any = Operator()
        if options["user"]:
            reader = get_user_model().objects.filter(username=options["user"]).first()
            if reader is None:
                raise CommandError(f"no user {options['user']}")
            reader.is_verified = lambda: True
        report = selectors.donor_report(reader, project=project, start=start, end=end)
        if out.suffix.lower() == ".xlsx":
            body = reports.report_xlsx(report, actor=None)
        else:
            body = reports.report_pdf(report, actor=None)
        out.write_bytes(body)
        self.stdout.write(
            f"{out}: {len(report.activities)} activities, {report.total} participants, "
            f"{report.female} women and girls"
        )
