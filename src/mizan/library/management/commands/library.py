"""Library tools from the command line: import a folder of documents, search the library.

They exist so a researcher can bring a whole collection in at once (with a manifest of its
metadata) and scripts can query the library the same way the web site does.

    mizan library import DIR [--manifest FILE.csv] [--background] [--dry-run]
    mizan library search "QUERY" [--limit N] [--json] [--public]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mizan.library.imports import ManifestError, import_directory
from mizan.library.models import Document
from mizan.library.search import bulk_indexing, search_as_dicts, search_documents


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        importer = sub.add_parser("import", help="import every file of a folder")
        importer.add_argument("directory")
        importer.add_argument(
            "--manifest",
            help="CSV with columns path,symbol,title_ar,title_en,body,type,date,language,public",
        )
        importer.add_argument(
            "--background",
            action="store_true",
            help="queue text extraction for `mizan worker` instead of extracting now",
        )
        importer.add_argument("--dry-run", action="store_true", help="check, write nothing")
        searcher = sub.add_parser("search", help="search the library")
        searcher.add_argument("query")
        searcher.add_argument("--limit", type=int, default=10)
        searcher.add_argument("--json", action="store_true", help="print a JSON list")
        searcher.add_argument(
            "--public", action="store_true", help="only what the public site shows"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self._import(options)
        else:
            self._search(options)

    def _import(self, options: dict[str, Any]) -> None:
        directory = Path(options["directory"])
        manifest = Path(options["manifest"]) if options.get("manifest") else None
        if manifest is not None and not manifest.is_file():
            raise CommandError(f"no manifest at {manifest}")
        try:
            with bulk_indexing():
                report = import_directory(
                    directory,
                    actor=None,
                    manifest=manifest,
                    extraction="background" if options["background"] else "inline",
                    dry_run=options["dry_run"],
                    say=lambda line: self.stdout.write(line),
                )
        except ManifestError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"imported {len(report.imported)}, duplicates {len(report.duplicates)}, "
            f"problems {len(report.problems)}"
        )
        if options["background"] and report.imported:
            self.stdout.write("text extraction is queued: `mizan worker` runs it")
        if report.problems:
            for problem in report.problems:
                self.stderr.write(problem)

    def _search(self, options: dict[str, Any]) -> None:
        limit = max(1, min(int(options["limit"]), 1000))
        visible = Document.objects.all()
        if options["public"]:
            from django.contrib.auth.models import AnonymousUser

            visible = Document.objects.visible_to(AnonymousUser())
        results = search_documents(
            options["query"],
            visible=visible,
            limit=limit,
            snippets=not options["json"],
            budget_ms=None,  # run by an administrator on the server: no time limit
        )
        rows = search_as_dicts(results)
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        if not rows:
            self.stdout.write("no document matches")
        for rank, row in enumerate(rows, start=1):
            label = row["symbol"] or row["path"]
            self.stdout.write(
                f"{rank:>3}. [{row['score']:.3f}] #{row['id']} {label} {row['title']}"
            )
