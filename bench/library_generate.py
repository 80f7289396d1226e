"""Fill the library with the synthetic corpus and time the indexing (issue 6 benchmark).

Writes with ``bulk_create`` in batches (the services audit every document and would dominate
the time of a bulk load), but computes each document's search terms with the service's own
``index_terms``, and the database builds its index (FTS5 triggers on SQLite, the generated,
GIN-indexed tsvector on PostgreSQL) exactly as for an upload. Timed separately:

* *indexing*: ``index_terms`` plus writing the ``SearchEntry`` rows (with the database's index
  maintenance), the part that runs for every new or changed document, inside
  ``bulk_indexing()`` as ``mizan library import`` does (on PostgreSQL: a larger GIN pending
  list, merged at the end — that final merge is counted too);
* *total*: that plus generating the text and writing documents and their text versions.

90 % of documents are public, 10 % internal; dates spread over 2011–2025; bodies and types from
the library vocabularies.

    mizan manage migrate && python -m bench.library_generate --docs 100000

*indexing CPU docs/s* counts this process's CPU time only: on SQLite all of the indexing work
(terms, forms, FTS5 triggers), the figure to compare on a loaded machine; on PostgreSQL only the
Python side.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from typing import Any

BATCH = 500


def create_batch(
    batch: list[tuple[str, str, str]],
    first: int,
    rng: random.Random,
    bodies: list[Any],
    types: list[Any],
) -> list[Any]:
    """The documents of ``batch`` (language, title, text; numbered from ``first``) and their
    extracted versions, in two bulk inserts; the documents, for their search entries. Shared
    with ``bench/library_index_count.py`` (it must index exactly what this generator makes)."""
    from mizan.core.partial_dates import PartialDate
    from mizan.library.models import Document, DocumentVersion

    documents = []
    for number, (language, title, _text) in enumerate(batch, start=first):
        year = 2011 + number % 15
        documents.append(
            Document(
                symbol=f"BENCH/{number}",
                title_ar=title if language == "ar" else "",
                title_en=title if language == "en" else "",
                body=rng.choice(bodies),
                doc_type=rng.choice(types),
                date=PartialDate(year=year, month=1 + number % 12),
                year=year,
                sensitivity=0 if rng.random() < 0.9 else 1,
            )
        )
    Document.objects.bulk_create(documents)
    DocumentVersion.objects.bulk_create(
        [
            DocumentVersion(
                document=document,
                language=language,
                text=text,
                status="done",
                import_path=f"bench/{document.symbol.split('/')[1]}.txt",
            )
            for document, (language, _title, text) in zip(documents, batch, strict=True)
        ]
    )
    return documents


def write_entries(documents: list[Any], computed: list[tuple[str, ...]]) -> None:
    """The search entries (and, from issue 16 on, exact forms) of a batch's ``documents``,
    ``computed`` by ``index_terms``: through ``mizan.library.search.insert_entries`` where the
    code has it (PostgreSQL: ``COPY``), else ``bulk_create`` as the code before it did. Shared
    with ``bench/library_index_count.py``, which runs older versions of the code too."""
    from mizan.library import models, search
    from mizan.library.models import SearchEntry

    insert = getattr(search, "insert_entries", None)
    if insert is not None:
        insert((document.pk, *terms) for document, terms in zip(documents, computed, strict=True))
        return
    SearchEntry.objects.bulk_create(
        [
            SearchEntry(document=document, title_terms=terms[0], body_terms=terms[1])
            for document, terms in zip(documents, computed, strict=True)
        ]
    )
    search_forms = getattr(models, "SearchForms", None)  # none before issue 16
    if search_forms is not None:
        search_forms.objects.bulk_create(
            [
                search_forms(document=document, forms=terms[2])
                for document, terms in zip(documents, computed, strict=True)
            ]
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mizan.settings")
    import django

    django.setup()
    from django.db import connection, transaction

    from bench.library_corpus import Corpus
    from mizan.core.models import Term

    # Also runs the code before issue 16 (``PYTHONPATH=<that checkout>/src``, for before/after
    # figures in one run): no forms table there, and ``index_terms`` gives (title, body);
    # ``write_entries`` allows for both.
    from mizan.library.search import bulk_indexing, index_terms

    corpus = Corpus(args.docs)
    bodies = list(Term.objects.filter(vocabulary="library_body"))
    types = list(Term.objects.filter(vocabulary="library_type"))
    rng = random.Random(7)
    indexing = 0.0
    indexing_cpu = 0.0
    terms_cpu = 0.0  # of which index_terms alone
    text_bytes = 0
    started = time.perf_counter()
    bulk = bulk_indexing()
    bulk.__enter__()
    for first in range(0, args.docs, BATCH):
        batch = [corpus.document(n) for n in range(first, min(args.docs, first + BATCH))]
        with transaction.atomic():
            documents = create_batch(batch, first, rng, bodies, types)
            text_bytes += sum(len(text.encode()) for _l, _t, text in batch)
            tick, cpu_tick = time.perf_counter(), time.process_time()
            computed = [
                index_terms(document, [text])
                for document, (_language, _title, text) in zip(documents, batch, strict=True)
            ]
            terms_cpu += time.process_time() - cpu_tick
            write_entries(documents, computed)
            indexing += time.perf_counter() - tick
            indexing_cpu += time.process_time() - cpu_tick
        done = min(args.docs, first + BATCH)
        if done % 10_000 == 0 or done == args.docs:
            elapsed = time.perf_counter() - started
            print(
                f"{done} documents, {text_bytes / 1e9:.2f} GB text, {elapsed:.0f} s total, "
                f"indexing {done / indexing:.0f} docs/s",
                flush=True,
            )
    # Merging what is left of PostgreSQL's GIN pending list is part of indexing.
    tick = time.perf_counter()
    bulk.__exit__(None, None, None)
    indexing += time.perf_counter() - tick
    with connection.cursor() as cursor:
        # PostgreSQL's autovacuum vacuums a table after this many inserts anyway (and sets the
        # visibility map that index-only counts need); do it now so the search is timed on
        # the steady state. SQLite has no such step.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    total = time.perf_counter() - started
    print(
        f"RESULT docs={args.docs} text_gb={text_bytes / 1e9:.2f} total_s={total:.0f} "
        f"total_docs_per_s={args.docs / total:.0f} indexing_s={indexing:.0f} "
        f"indexing_docs_per_s={args.docs / indexing:.0f} "
        f"indexing_cpu_docs_per_s={args.docs / indexing_cpu:.0f} "
        f"terms_cpu_docs_per_s={args.docs / terms_cpu:.0f} "
        f"writes_cpu_docs_per_s={args.docs / (indexing_cpu - terms_cpu):.0f}"
    )


if __name__ == "__main__":
    main()
