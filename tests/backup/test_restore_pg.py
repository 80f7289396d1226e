"""Loading a PostgreSQL dump into the restore target (services._restore_pg), on the real server.

A dump carries each column's TOAST compression (``ALTER TABLE ONLY … SET COMPRESSION lz4``,
written by library migration 0009 where the server has lz4). A server built without lz4 rejects
that statement; the restore must still load the data, the columns taking the server's default,
and a restore that fails must leave the target database as empty as it found it.

No lz4-less server is at hand, so the dump of a server with a method this one lacks is made
honestly by renaming ``lz4`` in the archive's table of contents to ``zzz`` (same length, so the
archive stays valid): this server refuses ``SET COMPRESSION zzz`` exactly as an lz4-less one
refuses ``SET COMPRESSION lz4``.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mizan.backup import services
from mizan.backup.errors import BackupError

# A data value that reads like the statement the restore drops: data are never rewritten.
LOOKALIKE = "ALTER TABLE ONLY public.probe ALTER COLUMN body SET COMPRESSION zzz;"


@pytest.fixture
def databases() -> Iterator[tuple[str, str]]:
    url = os.environ.get("MIZAN_TEST_DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("MIZAN_TEST_DATABASE_URL is not a PostgreSQL database")
    import psycopg

    base = url.rsplit("/", 1)[0]
    names = (f"mizan_restore_{os.getpid()}_src", f"mizan_restore_{os.getpid()}_dst")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{names[0]}", f"{base}/{names[1]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sql(url: str, *statements: str | tuple[str, tuple[object, ...]]) -> list[tuple]:  # type: ignore[type-arg]
    """Run each statement (or (statement, parameters)); the last one's rows."""
    import psycopg

    rows: list[tuple] = []  # type: ignore[type-arg]
    with psycopg.connect(url, autocommit=True) as conn:
        for statement in statements:
            sql, params = statement if isinstance(statement, tuple) else (statement, ())
            cur = conn.execute(sql, params)  # type: ignore[call-overload]
            rows = cur.fetchall() if cur.description else []
    return rows


def _dump(source: str, target: Path, *, rows: int = 50, then: str = "") -> Path:
    """A small database shaped like the search tables, dumped the way backups dump it."""
    _sql(
        source,
        "CREATE TABLE probe (id int PRIMARY KEY, body text, vector text)",
        "ALTER TABLE probe ALTER COLUMN body SET COMPRESSION lz4",
        "ALTER TABLE probe ALTER COLUMN vector SET STORAGE EXTERNAL",
        "CREATE INDEX probe_body ON probe (left(body, 20))",
        "CREATE TABLE notes (line text)",
        ("INSERT INTO notes VALUES (%s)", (LOOKALIKE,)),
        (
            "INSERT INTO probe SELECT i, (SELECT string_agg(md5(i || '.' || g), '')"
            " FROM generate_series(1, 400) g), md5((-i)::text) FROM generate_series(1, %s) i",
            (rows,),
        ),
        *([then] if then else []),
    )
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), source], check=True
    )
    return target


def _from_a_server_with_a_method_this_one_lacks(dump: Path) -> Path:
    data = dump.read_bytes()
    assert data.count(b" SET COMPRESSION lz4;") == 1  # the table of contents; data are zlib'd
    dump.write_bytes(data.replace(b" SET COMPRESSION lz4;", b" SET COMPRESSION zzz;"))
    return dump


def _tables(url: str) -> list[str]:
    return [r[0] for r in _sql(url, "SELECT tablename FROM pg_tables WHERE schemaname='public'")]


def test_a_column_compression_the_target_lacks_is_left_to_its_default_and_the_data_load(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    source, target = databases
    dump = _from_a_server_with_a_method_this_one_lacks(_dump(source, tmp_path / "db.pgdump"))

    services._restore_pg(dump, target)

    assert _sql(target, "SELECT count(*), sum(length(body)) FROM probe") == _sql(
        source, "SELECT count(*), sum(length(body)) FROM probe"
    )
    assert _sql(target, "SELECT line FROM notes") == [(LOOKALIKE,)]
    columns = dict(
        _sql(
            target,
            "SELECT attname, attcompression::text || '/' || attstorage::text FROM pg_attribute"
            " WHERE attrelid = 'probe'::regclass AND attname IN ('body', 'vector')",
        )
    )
    # body: the server's default compression ('' = default_toast_compression); vector keeps its
    # storage, which every server has.
    assert columns == {"body": "/x", "vector": "/e"}
    assert _sql(target, "SELECT count(*) FROM pg_indexes WHERE indexname = 'probe_body'") == [(1,)]


def test_an_lz4_dump_onto_a_server_without_lz4_drops_only_the_compression_statements(
    databases: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real statement of migration 0009, with the target's list of methods read as an
    lz4-less build reports it (``default_toast_compression``'s enumvals: pglz only)."""
    source, target = databases
    dump = _dump(source, tmp_path / "db.pgdump")
    monkeypatch.setattr(services, "_server_compressions", lambda env: {"pglz"})

    dropped = services._restore_pg(dump, target)

    assert dropped == ["public.probe.body lz4"]
    assert _sql(target, "SELECT count(*) FROM probe") == [(50,)]
    assert _sql(
        target,
        "SELECT attcompression FROM pg_attribute WHERE attrelid = 'probe'::regclass"
        " AND attname = 'body'",
    ) == [("",)]


def test_a_dump_this_server_can_take_keeps_its_compression(
    databases: tuple[str, str], tmp_path: Path
) -> None:
    source, target = databases
    assert services._restore_pg(_dump(source, tmp_path / "db.pgdump"), target) == []
    assert _sql(
        target,
        "SELECT attcompression FROM pg_attribute WHERE attrelid = 'probe'::regclass"
        " AND attname = 'body'",
    ) == [("l",)]


@pytest.mark.parametrize("lacking", [False, True], ids=["as-is", "compression-dropped"])
@pytest.mark.parametrize("fault", ["data-cut", "grant-to-unknown-role"])
def test_a_restore_that_fails_half_way_leaves_the_target_database_empty(
    databases: tuple[str, str], tmp_path: Path, lacking: bool, fault: str
) -> None:
    source, target = databases
    if fault == "data-cut":  # the tables' definitions whole, their data cut short
        dump = _dump(source, tmp_path / "db.pgdump", rows=400)
        data = dump.read_bytes()
        dump.write_bytes(data[: len(data) // 2])
    else:  # every row loaded, then the last statements (the grants) refused
        role = f"mizan_restore_{os.getpid()}_reader"
        _sql(source, f'CREATE ROLE "{role}"')
        try:
            dump = _dump(source, tmp_path / "db.pgdump", then=f'GRANT SELECT ON probe TO "{role}"')
        finally:
            _sql(source, f'DROP OWNED BY "{role}"', f'DROP ROLE "{role}"')
    if lacking:
        _from_a_server_with_a_method_this_one_lacks(dump)

    with pytest.raises(BackupError, match="pg_restore failed"):
        services._restore_pg(dump, target)

    assert _tables(target) == []  # … so the same, still empty, target can be used again
