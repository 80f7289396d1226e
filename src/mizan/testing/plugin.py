"""Pytest plugin loaded before pytest-django configures Django.

It selects the ``test`` settings profile and, when ``MIZAN_TEST_DATABASE_URL`` is set, runs the
suite against that database (PostgreSQL in CI) instead of SQLite. Setting it here rather than
in a conftest matters: pytest-django reads the settings before any conftest is imported.
"""

import os
import tempfile

import pytest

os.environ["MIZAN_ENV"] = "test"
os.environ.setdefault("MIZAN_HOME", tempfile.mkdtemp(prefix="mizan-test-"))
# Under pytest-xdist every worker inherits the controller's home; each gets its own below it, so
# two workers never share an evidence store, import files or uploads (their databases differ:
# pytest-django names them test_<name>_gw0, test_<name>_gw1 …).
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["MIZAN_HOME"] = os.path.join(
        os.environ["MIZAN_HOME"], os.environ["PYTEST_XDIST_WORKER"]
    )
    os.makedirs(os.environ["MIZAN_HOME"], exist_ok=True)
# WhiteNoise looks for the collected-files directory at start-up; tests serve from the finders.
os.makedirs(os.path.join(os.environ["MIZAN_HOME"], "static"), exist_ok=True)
if os.environ.get("MIZAN_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["MIZAN_TEST_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)
# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there are still synchronous, so Django's async-safety guard would only get in the way.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Fixtures through which a test reaches a database (pytest-django's, and the PostgreSQL pair of
# the backup tests); a test whose fixture closure holds none of them cannot touch one.
_DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "django_db_setup",
        "live_server",
        "postgres_databases",
    }
)


def uses_database(item: pytest.Item) -> bool:
    """Whether ``item`` may reach the database: a ``django_db`` mark, or a database fixture."""
    if item.get_closest_marker("django_db") is not None:
        return True
    return not _DATABASE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``MIZAN_TEST_DATABASE_ONLY=1`` (``./mizan.sh test``'s PostgreSQL pass), leave out
    the tests that reach no database: they give the same answer on either backend and run in
    the SQLite pass, so CI does not run them twice."""
    if os.environ.get("MIZAN_TEST_DATABASE_ONLY") != "1":
        return
    kept = [item for item in items if uses_database(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
        items[:] = kept
