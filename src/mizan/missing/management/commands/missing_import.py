"""``mizan missing import FILE --source NAME [--dry-run]``: import a list of names.

Why: lists of thousands of names (families' associations, official documents, mass-grave
records) arrive as CSV or XLSX files; an officer imports them from the command line on the
server as well as from the web page. The same service does both: every row is checked first
and reported row by row; the list is written in one transaction or not at all.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.missing import importing, services
from mizan.missing.models import SourceList


class Command(BaseCommand):
    help = "Import a CSV or XLSX list of names into a source list (--dry-run checks only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the CSV or XLSX file")
        parser.add_argument("--source", required=True, help="the source list's name")
        parser.add_argument(
            "--dry-run", action="store_true", help="check every row and report; write nothing"
        )
        parser.add_argument(
            "--origin",
            default=SourceList.Origin.OTHER,
            choices=SourceList.Origin.values,
            help="origin of a list created by this import (default: other)",
        )
        parser.add_argument(
            "--reliability", default="F", choices=list("ABCDEF"), help="reliability A–F"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        name = options["source"].strip()
        if not name:
            raise CommandError(_("Give the source list a name with --source."))
        dry_run = options["dry_run"]
        source_list = SourceList.objects.filter(name=name).first()
        started = time.monotonic()
        last_shown = [0.0]

        def progress(rows: int, fraction: float) -> None:
            now = time.monotonic()
            if sys.stderr.isatty() and now - last_shown[0] > 0.5:
                last_shown[0] = now
                sys.stderr.write(f"\r{rows:,} rows, {fraction:.0%}")
                sys.stderr.flush()

        try:
            if source_list is None and dry_run:
                outcome = services.ImportOutcome(
                    scan=importing.walk(path, file_name=path.name, progress=progress)
                )
            else:
                # A list created here is created in the import's transaction: a failed import
                # leaves no empty list behind.
                with transaction.atomic():
                    if source_list is None:
                        source_list = services.source_list_create(
                            actor=None,
                            data={
                                "name": name,
                                "origin": options["origin"],
                                "reliability": options["reliability"],
                            },
                        )
                    outcome = services.source_list_import(
                        actor=None,
                        source_list=source_list,
                        path=path,
                        file_name=path.name,
                        dry_run=dry_run,
                        progress=progress,
                    )
                    if not outcome.ok:
                        transaction.set_rollback(True)
        except importing.ImportRefused as refused:
            raise CommandError(str(refused)) from None
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        scan = outcome.scan
        self.stdout.write(
            ngettext(
                "%(rows)s row read; file encoding: %(encoding)s.",
                "%(rows)s rows read; file encoding: %(encoding)s.",
                scan.rows,
            )
            % {"rows": f"{scan.rows:,}", "encoding": importing.encoding_label(scan.encoding)}
        )
        for problem in scan.problems:
            label = _("error") if problem["severity"] == importing.ERROR else _("warning")
            self.stdout.write(
                _("row %(row)s, %(label)s: %(message)s")
                % {
                    "row": problem["row"],
                    "label": label,
                    "message": importing.problem_message(problem),
                }
            )
        hidden = scan.errors + scan.warnings - len(scan.problems)
        if hidden > 0:
            self.stdout.write(
                ngettext("… and %(n)s more problem.", "… and %(n)s more problems.", hidden)
                % {"n": f"{hidden:,}"}
            )
        if not scan.ok:
            raise CommandError(
                ngettext(
                    "%(n)s row has errors; nothing was imported.",
                    "%(n)s rows have errors; nothing was imported.",
                    scan.errors,
                )
                % {"n": f"{scan.errors:,}"}
            )
        seconds = time.monotonic() - started
        if dry_run:
            self.stdout.write(
                ngettext(
                    "Dry run: no errors, %(warnings)s warning; nothing was written.",
                    "Dry run: no errors, %(warnings)s warnings; nothing was written.",
                    scan.warnings,
                )
                % {"warnings": f"{scan.warnings:,}"}
            )
        else:
            self.stdout.write(
                ngettext(
                    "Imported %(n)s record into “%(list)s” in %(seconds).1f s.",
                    "Imported %(n)s records into “%(list)s” in %(seconds).1f s.",
                    outcome.imported,
                )
                % {"n": f"{outcome.imported:,}", "list": name, "seconds": seconds}
            )
