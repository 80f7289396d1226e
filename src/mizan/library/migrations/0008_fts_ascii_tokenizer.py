"""SQLite: both FTS5 tables (documents, passages) tokenise with ``ascii`` instead of
``unicode61`` (issue 16, indexing speed).

FTS5 only ever reads terms Mizan has already normalised, stemmed and separated by single spaces
(``mizan.text.stem.search_term``): lower-case ASCII letters and digits, or non-ASCII letters
and digits, never punctuation or marks. On such text ``unicode61`` finds no separator but the
space and folds no case Mizan had not already folded, so it returns each term unchanged — the
work of looking every character up in its Unicode tables is wasted — and ``ascii`` (non-ASCII
characters are word characters, ASCII ones split on all but letters and digits) returns the same
tokens. Measured on the benchmark's 2,000 documents: 9 % less FTS5 insert CPU (bench/README.md).
Search finds the same documents at the same ranks: the tokens are the same, so are the index,
bm25 and phrase positions (``tests/library/test_fts_tokenizer.py`` pins it for every character
the normaliser lets through). The only difference: the vowel signs of New Tai Lue and two Vedic
signs, letters for Python's Unicode tables but not for SQLite's older ones; ``unicode61`` split
a word at them, ``ascii`` keeps the word whole, as the PostgreSQL index does.

The tables are made again under the same names (the triggers name them, so they stay) and
rebuilt from their content tables: about 0.6 ms of CPU a document by the insert figures, so a
minute or two at 100,000 documents (not measured on that database). PostgreSQL: nothing.
"""

from django.db import migrations

TABLES = {
    "library_fts": ("title_terms, body_terms", "library_searchentry", "document_id"),
    "library_passage_fts": ("title_terms, body_terms", "library_passageentry", "id"),
}


def _recreate(tokenize: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for table, (columns, content, rowid) in TABLES.items():
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
            schema_editor.execute(
                f"CREATE VIRTUAL TABLE {table} USING fts5({columns}, content='{content}', "
                f"content_rowid='{rowid}', tokenize='{tokenize}')"
            )
            schema_editor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    return run


class Migration(migrations.Migration):
    dependencies = [("library", "0007_vector_statistics")]

    operations = [
        migrations.RunPython(
            _recreate("ascii"), _recreate("unicode61 remove_diacritics 0"), elidable=False
        )
    ]
