"""``mizan manage rebuild_name_keys``: compute every person's name keys again.

The keys behind typing suggestions and the person picker come from ``mizan.text.translit``; when
it learns a spelling (a new release), a migration brings the stored keys up to date once. Run
this after loading persons around the services (a bulk import, a restore of an older dump).
``--check`` counts the persons whose keys are stale without writing, and exits non-zero if any.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.cases.services import name_keys_rebuild


class Command(BaseCommand):
    help = "Compute every person's name keys again; --check only counts the stale ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--check", action="store_true", help="count, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            stale = name_keys_rebuild(check=True)
            if stale:
                raise CommandError(f"{stale} person(s) have stale name keys; run rebuild_name_keys")
            self.stdout.write("OK: every person's name keys are up to date")
            return
        self.stdout.write(f"name keys computed again: {name_keys_rebuild()} person(s) updated")
