"""The judged sets of issue 16 (``bench.stem_judged``: tuned and held-out) answered by the
service itself — ``mizan.library.search.search_documents`` on the configured database — rather
than by ``bench.library_stemmers``' stand-alone copy of its SQL.

The corpus is ``bench.library_stemmers.build_corpus`` (same seed, same documents), indexed as
the service indexes (``index_terms``; ``SearchEntry`` and ``SearchForms`` rows), so the ranking
SQL that reads the exact forms (the narrow ``library_searchforms`` table, migration 0006) is
the one measured. Only the documents it adds are searched (``visible``), and it deletes them:

    MIZAN_HOME=/tmp/x python -m bench.library_service_judged                      # SQLite
    MIZAN_HOME=/tmp/x DATABASE_URL=postgres://…/db python -m bench.library_service_judged
"""

from __future__ import annotations

import argparse
import os


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--background", type=int, default=3000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from bench.library_stemmers import build_corpus, ndcg_at_10, recall_at, trap_above
    from bench.stem_judged import HELD_OUT, TUNED
    from mizan.library.models import Document, SearchEntry, SearchForms
    from mizan.library.search import index_terms, search_documents

    backend = "PostgreSQL" if connection.vendor == "postgresql" else "SQLite"
    for name, queries in (("tuned", TUNED), ("held-out", HELD_OUT)):
        corpus = build_corpus(queries, args.background)
        with transaction.atomic():
            documents = Document.objects.bulk_create(
                Document(symbol=f"JUDGED/{n}", year=2020, sensitivity=0)
                for n in range(len(corpus.texts))
            )
            entries, forms = [], []
            for document, text in zip(documents, corpus.texts, strict=True):
                title, body, form_terms = index_terms(document, [text])
                entries.append(SearchEntry(document=document, title_terms=title, body_terms=body))
                forms.append(SearchForms(document=document, forms=form_terms))
            SearchEntry.objects.bulk_create(entries)
            SearchForms.objects.bulk_create(forms)
        judged = Document.objects.filter(symbol__startswith="JUDGED/")
        number_of = {document.pk: n for n, document in enumerate(documents)}
        by_kind: dict[str, list[list[float]]] = {}
        for number, (kind, text, _forms, _traps) in enumerate(queries):
            found = search_documents(text, visible=judged, limit=40, snippets=False, budget_ms=None)
            ranked = [number_of[hit.document.pk] for hit in found.hits]
            relevant, traps = corpus.relevant[number], corpus.traps[number]
            row = [
                recall_at(3, ranked, relevant),
                recall_at(10, ranked, relevant),
                ndcg_at_10(ranked, relevant),
                float(trap_above(ranked, relevant, traps)) if traps else 0.0,
            ]
            for key in (kind, "all"):
                by_kind.setdefault(key, []).append(row)
        Document.objects.filter(pk__in=number_of).delete()
        cells = []
        for kind in ("plural", "haa", "prep", "trap", "all"):
            rows = by_kind.get(kind, [])
            cells.append(f"{sum(r[0] for r in rows) / len(rows):.3f}" if rows else "–")
        rows, traps_rows = by_kind["all"], by_kind.get("trap", [])
        print(
            f"| {name} ({len(queries)}) | service, {backend} | "
            + " | ".join(cells)
            + f" | {sum(r[1] for r in rows) / len(rows):.3f}"
            + f" | {sum(r[2] for r in rows) / len(rows):.3f}"
            + f" | {int(sum(r[3] for r in traps_rows))}/{len(traps_rows)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
