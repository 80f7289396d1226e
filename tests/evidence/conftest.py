"""Fixtures of the evidence store's tests: a fresh store key and a store of format v2."""

from __future__ import annotations

from pathlib import Path

import pytest

from mizan.evidence.store import LocalStore, StoreKey


@pytest.fixture
def key() -> StoreKey:
    return StoreKey.generate()


@pytest.fixture
def store(tmp_path: Path, key: StoreKey) -> LocalStore:
    return LocalStore(tmp_path / "store", key)
