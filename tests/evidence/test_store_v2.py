"""Object format v2 of the evidence store: faults, ranges read on their own, re-wrapping the key,
and v1 objects still read. (The v1 fault tests with v1 byte offsets are in test_store.py.)
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.evidence import store as store_module
from mizan.evidence.store import (
    CHUNK_SIZE,
    IntegrityError,
    LocalStore,
    StoreError,
    StoreKey,
    WrongKeyError,
)
from tests.evidence.test_store import content, damage

HEADER = 115
SEALED = CHUNK_SIZE + 16
THREE_CHUNKS = 2 * CHUNK_SIZE + 1000


def chunk(raw: bytearray, index: int) -> bytearray:
    return raw[HEADER + index * SEALED : HEADER + (index + 1) * SEALED]


def assert_refused(
    store: LocalStore, sha256: str, error: type[StoreError] = IntegrityError
) -> None:
    with pytest.raises(error):
        store.read_to(sha256, io.BytesIO())
    assert not store.verify(sha256).ok


def test_the_header_is_as_documented(store: LocalStore, key: StoreKey) -> None:
    stored = store.put(io.BytesIO(content(THREE_CHUNKS)))
    raw = store.path_for(stored.sha256).read_bytes()
    assert raw[:8] == b"MIZANEV2"
    assert int.from_bytes(raw[8:12], "big") == CHUNK_SIZE
    assert raw[27:43] == key.key_id
    assert len(raw) == HEADER + 2 * SEALED + 1000 + 16


FLIP_AT = {
    "magic": (3, IntegrityError),
    "chunk size": (10, IntegrityError),
    "nonce prefix": (20, IntegrityError),
    "key id": (30, WrongKeyError),  # authenticated: a changed id names a key nobody has
    "wrap nonce": (50, IntegrityError),
    "wrapped key": (100, IntegrityError),
    "first chunk": (HEADER + 5, IntegrityError),
    "middle chunk": (HEADER + SEALED + CHUNK_SIZE // 2, IntegrityError),
    "middle chunk tag": (HEADER + 2 * SEALED - 1, IntegrityError),
    "last byte": (-1, IntegrityError),
}


@pytest.mark.parametrize("where", FLIP_AT)
def test_header_tamper_and_flipped_bits_are_detected(store: LocalStore, where: str) -> None:
    at, error = FLIP_AT[where]
    stored = store.put(io.BytesIO(content(THREE_CHUNKS)))

    def flip(raw: bytearray) -> bytearray:
        raw[at] ^= 0x04
        return raw

    damage(store.path_for(stored.sha256), flip)
    assert_refused(store, stored.sha256, error)
    keyless = LocalStore(store.root)
    assert not keyless.verify_ciphertext(stored.sha256, stored.ciphertext_sha256).ok


@pytest.mark.parametrize(
    ("size", "cut_to", "message"),
    [
        (THREE_CHUNKS, HEADER + 2 * SEALED, "truncated: it ends after 2 chunks"),
        (2 * CHUNK_SIZE, HEADER + SEALED, "truncated: it ends after 1 chunks"),
        (THREE_CHUNKS, HEADER + SEALED + 100, "chunk 1"),
        (THREE_CHUNKS, HEADER, "ends before its first chunk"),
        (THREE_CHUNKS, 50, "shorter than its header"),
        (THREE_CHUNKS, HEADER + SEALED + 5, "truncated or has data after"),
    ],
)
def test_truncation_is_detected_even_at_a_chunk_boundary(
    store: LocalStore, size: int, cut_to: int, message: str
) -> None:
    stored = store.put(io.BytesIO(content(size)))
    damage(store.path_for(stored.sha256), lambda raw: raw[:cut_to])
    with pytest.raises(IntegrityError, match=message):
        b"".join(store.open(stored.sha256))
    assert not store.verify(stored.sha256).ok


@pytest.mark.parametrize("appended", [b"\x00", bytes(SEALED), bytes(16)])
def test_appended_data_is_detected(store: LocalStore, appended: bytes) -> None:
    stored = store.put(io.BytesIO(content(2 * CHUNK_SIZE)))
    damage(store.path_for(stored.sha256), lambda raw: raw + appended)
    assert_refused(store, stored.sha256)


def test_reordered_chunks_are_detected(store: LocalStore) -> None:
    stored = store.put(io.BytesIO(content(3 * CHUNK_SIZE)))

    def reorder(raw: bytearray) -> bytearray:
        return raw[:HEADER] + chunk(raw, 1) + chunk(raw, 0) + chunk(raw, 2)

    damage(store.path_for(stored.sha256), reorder)
    assert_refused(store, stored.sha256)
    with pytest.raises(IntegrityError, match="chunk 0"):
        b"".join(store.open_range(stored.sha256, 0, 10))


def test_a_chunk_swapped_in_from_another_object_is_detected(store: LocalStore) -> None:
    a = store.put(io.BytesIO(content(THREE_CHUNKS, seed=1)))
    b = store.put(io.BytesIO(content(THREE_CHUNKS, seed=2)))
    other = bytearray(store.path_for(b.sha256).read_bytes())

    def swap(raw: bytearray) -> bytearray:
        return raw[:HEADER] + chunk(raw, 0) + chunk(other, 1) + raw[HEADER + 2 * SEALED :]

    damage(store.path_for(a.sha256), swap)
    assert_refused(store, a.sha256)
    with pytest.raises(IntegrityError, match="chunk 1"):
        b"".join(store.open_range(a.sha256, CHUNK_SIZE + 10, CHUNK_SIZE + 20))


def test_another_objects_header_on_these_chunks_is_detected(store: LocalStore) -> None:
    a = store.put(io.BytesIO(content(THREE_CHUNKS, seed=1)))
    b = store.put(io.BytesIO(content(THREE_CHUNKS, seed=2)))
    other = store.path_for(b.sha256).read_bytes()
    damage(store.path_for(a.sha256), lambda raw: bytearray(other[:HEADER]) + raw[HEADER:])
    assert_refused(store, a.sha256)


# --- ranges -----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 5000, CHUNK_SIZE, THREE_CHUNKS, 3 * CHUNK_SIZE])
@pytest.mark.parametrize("version", [1, 2])
def test_ranges_give_exactly_the_requested_bytes(tmp_path: Path, size: int, version: int) -> None:
    key = StoreKey.generate()
    store = LocalStore(tmp_path / "s", key, write_version=version)
    data = content(size)
    stored = store.put(io.BytesIO(data))
    for start, stop in [
        (0, size),
        (0, 1),
        (size // 2, size // 2 + 65536),
        (CHUNK_SIZE - 3, CHUNK_SIZE + 3),
        (max(size - 70000, 0), size + 100),  # past the end: cut at the end
        (size, size + 10),
    ]:
        got = b"".join(store.open_range(stored.sha256, start, stop))
        assert got == data[start:stop], (start, stop)


def test_a_range_decrypts_only_the_chunks_it_needs(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = content(12 * CHUNK_SIZE + 77)
    stored = store.put(io.BytesIO(data))
    decrypted: list[int] = []
    real: Callable[..., bytes] = store_module._V2Object.decrypt

    def counting(self: store_module._V2Object, index: int, sealed: bytes) -> bytes:
        decrypted.append(index)
        return real(self, index, sealed)

    monkeypatch.setattr(store_module._V2Object, "decrypt", counting)
    start = len(data) - 70000
    assert b"".join(store.open_range(stored.sha256, start, start + 65536)) == data[start:][:65536]
    assert decrypted == [11]  # one chunk of thirteen
    decrypted.clear()
    assert b"".join(store.open_range(stored.sha256, 12 * CHUNK_SIZE - 5, len(data))) == data[-82:]
    assert decrypted == [11, 12]


def test_a_range_away_from_damage_still_reads_but_the_whole_object_does_not(
    store: LocalStore,
) -> None:
    data = content(THREE_CHUNKS)
    stored = store.put(io.BytesIO(data))

    def flip(raw: bytearray) -> bytearray:
        raw[HEADER + 2 * SEALED + 10] ^= 1
        return raw

    damage(store.path_for(stored.sha256), flip)
    assert b"".join(store.open_range(stored.sha256, 0, 100)) == data[:100]
    with pytest.raises(IntegrityError, match="chunk 2"):
        b"".join(store.open_range(stored.sha256, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 5))
    assert not store.verify(stored.sha256).ok


# --- v1 still read; re-wrapping -------------------------------------------------------------


def test_v1_objects_are_still_read(tmp_path: Path, key: StoreKey) -> None:
    old = LocalStore(tmp_path / "s", key, write_version=1)
    data = content(THREE_CHUNKS)
    stored = old.put(io.BytesIO(data))
    assert old.path_for(stored.sha256).read_bytes()[:8] == b"MIZANEV1"
    current = LocalStore(tmp_path / "s", key)
    out = io.BytesIO()
    assert current.read_to(stored.sha256, out).ciphertext_sha256 == stored.ciphertext_sha256
    assert out.getvalue() == data
    assert current.object_info(stored.sha256) == (1, key.key_id)


@pytest.mark.parametrize("version", [1, 2])
def test_rewrap_moves_an_object_to_a_new_key(tmp_path: Path, key: StoreKey, version: int) -> None:
    store = LocalStore(tmp_path / "s", key, write_version=version)
    data = content(THREE_CHUNKS)
    stored = store.put(io.BytesIO(data))
    before = store.path_for(stored.sha256).read_bytes()
    new_key = StoreKey.generate()
    replacement = tmp_path / "s" / "tmp" / "new"
    with replacement.open("wb") as target:
        old_hash, new_hash = store.rewrap_to(
            stored.sha256, new_key, target, expected_ciphertext=stored.ciphertext_sha256
        )
    assert old_hash == stored.ciphertext_sha256
    store.replace_object(stored.sha256, replacement)
    after = store.path_for(stored.sha256).read_bytes()
    assert after[:8] == b"MIZANEV2"
    if version == 2:
        assert after[HEADER:] == before[HEADER:]  # content copied byte for byte
        assert after[:27] == before[:27]  # same object identity
    rotated = LocalStore(tmp_path / "s", new_key)
    result = rotated.verify(stored.sha256)
    assert result.ok and result.ciphertext_sha256 == new_hash
    assert rotated.object_info(stored.sha256) == (2, new_key.key_id)
    with pytest.raises(WrongKeyError):
        store.read_to(stored.sha256, io.BytesIO())
    # During a rotation a store holding both keys reads either.
    both = LocalStore(tmp_path / "s", new_key, previous_keys=[key])
    assert both.verify(stored.sha256).ok


def test_rewrap_refuses_a_file_that_no_longer_matches_its_record(
    store: LocalStore, tmp_path: Path
) -> None:
    stored = store.put(io.BytesIO(content(THREE_CHUNKS)))

    def flip(raw: bytearray) -> bytearray:
        raw[HEADER + SEALED + 3] ^= 1
        return raw

    damage(store.path_for(stored.sha256), flip)
    with (tmp_path / "new").open("wb") as target, pytest.raises(IntegrityError, match="recorded"):
        store.rewrap_to(
            stored.sha256,
            StoreKey.generate(),
            target,
            expected_ciphertext=stored.ciphertext_sha256,
        )


def test_a_long_running_store_follows_a_key_change_through_refresh(
    tmp_path: Path, key: StoreKey
) -> None:
    new_key = StoreKey.generate()
    current = {"keys": (key, ())}
    store = LocalStore(tmp_path / "s", key, refresh=lambda: current["keys"])
    first = store.put(io.BytesIO(content(100, seed=1)))
    current["keys"] = (new_key, (key,))
    second = store.put(io.BytesIO(content(100, seed=2)))
    assert store.object_info(second.sha256)[1] == new_key.key_id
    assert store.verify(first.sha256).ok and store.verify(second.sha256).ok


@pytest.fixture(scope="module")
def ranged(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalStore, str, bytes]:
    store = LocalStore(tmp_path_factory.mktemp("ranged"), StoreKey.generate())
    data = content(THREE_CHUNKS, seed=7)
    return store, store.put(io.BytesIO(data)).sha256, data


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, THREE_CHUNKS + 10), length=st.integers(0, 2 * CHUNK_SIZE + 20))
def test_any_range_a_player_may_ask_for(
    ranged: tuple[LocalStore, str, bytes], start: int, length: int
) -> None:
    store, sha256, data = ranged
    got = b"".join(store.open_range(sha256, start, start + length))
    assert got == data[start : start + length]
