"""``mizan manage rebuild_statistics``: recount the statistics summary from the acts.

The services keep ``ActTally`` right as they write; a recount is needed only after data was
loaded around them (a bulk import, the benchmark's generator, a restore of an older dump).
``--check`` compares without writing and exits non-zero on any difference.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.cases import tallies


class Command(BaseCommand):
    help = "Recount the statistics summary (ActTally) from the acts; --check only compares."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="compare with a recount, change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            stored, fresh = tallies.stored(), tallies.recount()
            wrong = {key for key in stored.keys() | fresh.keys() if stored[key] != fresh[key]}
            if wrong:
                raise CommandError(
                    f"statistics summary differs from a recount in {len(wrong)} row(s); "
                    "run rebuild_statistics"
                )
            self.stdout.write(f"OK: {len(fresh)} summary rows match a recount")
            return
        rows = tallies.rebuild()
        self.stdout.write(f"statistics summary rebuilt: {rows} rows")
