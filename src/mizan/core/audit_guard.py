"""Database triggers that refuse UPDATE and DELETE on the append-only logs.

The hash chains *detect* tampering; these triggers *prevent* the application (or a stray SQL
console session) from changing history by accident. Someone who can drop triggers can still
tamper, which ``mizan audit verify`` and ``mizan evidence verify`` then report.

Guarded tables: the audit log, the evidence locker's custody log, and the signed checkpoints of
both (deleting checkpoints would otherwise let a rewritten chain pass unchallenged). ``install``
and ``remove`` act on those of them that exist, so each app's migration can call ``install``
after creating its table.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "core_auditentry"
TABLES = (TABLE, "core_auditcheckpoint", "evidence_custodyevent", "evidence_checkpoint")


def _sqlite_install(table: str) -> list[str]:
    return [
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END""",
        f"""CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table}
        BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END""",
    ]


def _sqlite_remove(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_update",
        f"DROP TRIGGER IF EXISTS {table}_no_delete",
    ]


def _postgres_install(table: str) -> list[str]:
    return [
        """CREATE OR REPLACE FUNCTION mizan_audit_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'the log is append-only'; END; $$ LANGUAGE plpgsql""",
        f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION mizan_audit_append_only()""",
    ]


def _postgres_remove(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}"]


def _existing(connection: BaseDatabaseWrapper, tables: Iterable[str] | None) -> list[str]:
    present = set(connection.introspection.table_names())
    return [t for t in (tables or TABLES) if t in present]


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper, tables: Iterable[str] | None = None) -> None:
    for table in _existing(connection, tables):
        if connection.vendor == "sqlite":
            _run(connection, _sqlite_install(table))
        elif connection.vendor == "postgresql":
            _run(connection, _postgres_install(table))


def remove(connection: BaseDatabaseWrapper, tables: Iterable[str] | None = None) -> None:
    """Only for tests that simulate tampering and for test-database teardown."""
    for table in _existing(connection, tables):
        if connection.vendor == "sqlite":
            _run(connection, _sqlite_remove(table))
        elif connection.vendor == "postgresql":
            _run(connection, _postgres_remove(table))
