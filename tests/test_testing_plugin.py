"""The PostgreSQL pass of ``./mizan.sh test`` leaves out only the tests that cannot reach a
database (``mizan.testing.plugin.uses_database``)."""

from __future__ import annotations

from typing import Any

import pytest

from mizan.testing.plugin import uses_database


def test_a_test_without_database_access_is_left_to_the_sqlite_pass(request: Any) -> None:
    assert not uses_database(request.node)


@pytest.mark.django_db
def test_a_django_db_mark_keeps_a_test_in_the_postgresql_pass(request: Any) -> None:
    assert uses_database(request.node)


def test_a_database_fixture_keeps_a_test_in_the_postgresql_pass(request: Any, db: Any) -> None:
    assert uses_database(request.node)


@pytest.fixture
def through_another_fixture(transactional_db: Any) -> None:
    return None


def test_a_database_fixture_reached_through_another_keeps_it_too(
    request: Any, through_another_fixture: None
) -> None:
    assert uses_database(request.node)
