"""Testimonies from the command line.

    mizan testimonies import DIR --manifest FILE.csv [--dry-run]
    mizan testimonies publish REF --narrative FILE.txt [--collection NAME] [--title TEXT] [--named]
    mizan testimonies unpublish REF --reason TEXT

``import`` brings an archive of earlier interviews in (one line per testimony:
``<reference> <id> <recording sha256>``); a bad row stops the whole import with its row and
reason. ``publish`` runs the leak check and the consent check; on refusal it prints every
occurrence (``line:column  matched text  → person reference``) and exits non-zero; on success it
prints the public address. ``unpublish`` takes every published version off the public site.
Every write is audited, with no user as the actor (the command line).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django.urls import reverse

from mizan.testimonies import importing, services
from mizan.testimonies.models import Collection, Publication, Testimony


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="import interviews listed in a CSV manifest")
        importer.add_argument("directory")
        importer.add_argument("--manifest", required=True)
        importer.add_argument("--dry-run", action="store_true", help="check only; write nothing")
        publisher = sub.add_parser("publish", help="publish a narrative of a testimony")
        publisher.add_argument("reference")
        publisher.add_argument("--narrative", required=True, help="UTF-8 text file")
        publisher.add_argument("--collection", default="", help="collection short name or title")
        publisher.add_argument("--title", default="")
        publisher.add_argument(
            "--named", action="store_true", help="publish with the interviewee's name"
        )
        publisher.add_argument("--language", default="ar")
        unpublisher = sub.add_parser("unpublish", help="take a testimony off the public site")
        unpublisher.add_argument("reference")
        unpublisher.add_argument("--reason", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _testimony(self, reference: str) -> Testimony:
        testimony = Testimony.objects.filter(reference=reference).first()
        if testimony is None:
            raise CommandError(f"no testimony {reference}")
        return testimony

    def _import(self, options: dict[str, Any]) -> None:
        directory = Path(options["directory"])
        try:
            rows = importing.read_manifest(directory, Path(options["manifest"]))
            if options["dry_run"]:
                for row in rows:
                    self.stdout.write(f"{row.reference} - {row.recording_sha256 or '-'}")
                self.stdout.write(f"checked {len(rows)} rows; nothing was written (dry run)")
                return
            importing.import_rows(
                rows,
                actor=None,
                report=lambda testimony, row: self.stdout.write(
                    f"{testimony.reference} {testimony.pk} "
                    f"{testimony.recording.sha256 if testimony.recording else '-'}"
                ),
            )
        except importing.ManifestError as exc:
            raise CommandError(f"{exc}; nothing was imported") from None

    def _publish(self, options: dict[str, Any]) -> None:
        testimony = self._testimony(options["reference"])
        path = Path(options["narrative"])
        try:
            narrative = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"no narrative at {path}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path} is not UTF-8 text; save it as UTF-8") from None
        collection = None
        if options["collection"]:
            name = options["collection"]
            collection = Collection.objects.filter(
                Q(slug=name) | Q(title_en=name) | Q(title_ar=name)
            ).first()
            if collection is None:
                known = ", ".join(Collection.objects.values_list("slug", flat=True)) or "none"
                raise CommandError(f"no collection “{name}” (known: {known})")
        try:
            publication = services.publication_create(
                actor=None,
                testimony=testimony,
                narrative=narrative,
                title=options["title"],
                kind=Publication.Kind.NAMED if options["named"] else Publication.Kind.ANONYMISED,
                language=options["language"],
                collection=collection,
            )
        except services.LeakFound as exc:
            for o in exc.occurrences:
                where = "title" if o.line == 0 else f"{o.line}:{o.column}"
                self.stdout.write(f"{where}  {o.text}  → {o.reference}")
            raise CommandError(
                f"refused: the narrative identifies a protected person ({len(exc.occurrences)} "
                "occurrences above); nothing was published"
            ) from None
        except ValidationError as exc:
            raise CommandError(f"refused: {' '.join(exc.messages)}") from None
        path_part = reverse("testimonies:public_detail", kwargs={"pk": publication.pk})
        self.stdout.write(f"{settings.MIZAN_PUBLIC_URL}{path_part}")

    def _unpublish(self, options: dict[str, Any]) -> None:
        testimony = self._testimony(options["reference"])
        try:
            withdrawn = services.testimony_unpublish(
                actor=None, testimony=testimony, reason=options["reason"]
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        if not withdrawn:
            raise CommandError(f"{testimony.reference} has nothing published")
        self.stdout.write(f"{testimony.reference}: {len(withdrawn)} publication(s) withdrawn")
