"""Tests for mizan.evidence.store: round trips, tamper detection, crashes, full disk, memory.

Each fault test damages a stored object (or the process, or the disk) the way it happens in the
field and asserts the store notices; none of them needs Django or the network.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from mizan.evidence.store import (
    CHUNK_SIZE,
    IntegrityError,
    LocalStore,
    ObjectNotFoundError,
    StoreError,
    StoreFullError,
    StoreKey,
    WrongKeyError,
)

SRC = Path(__file__).resolve().parents[2] / "src"
HEADER_SIZE = 124
SEALED_CHUNK = CHUNK_SIZE + 17


def content(size: int, seed: int = 0) -> bytes:
    """Deterministic bytes of any size that differ between seeds (no accidental dedup)."""
    block = hashlib.sha512(f"seed {seed}".encode()).digest() * 2048  # 128 KiB
    return (block * (size // len(block) + 1))[:size]


class TrickleStream(io.RawIOBase):
    """A pipe-like stream: short reads of uneven size, produced on demand, never all in memory."""

    def __init__(
        self,
        total: int | None,
        *,
        piece: bytes = b"0123456789abcdef" * 4096,
        step: int = 65_531,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        self.total, self.piece, self.step, self.on_read = total, piece, step, on_read
        self._twice = piece + piece  # so any window of len(piece) bytes is one slice
        self.produced = 0

    def expected(self) -> bytes:
        """What the stream yields in full: the piece repeated, cut to the total."""
        assert self.total is not None
        return (self.piece * (self.total // len(self.piece) + 1))[: self.total]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.step, len(self.piece))
        if self.total is not None:
            n = min(n, self.total - self.produced)
        start = self.produced % len(self.piece)
        buffer[:n] = self._twice[start : start + n]
        self.produced += n
        if self.on_read is not None:
            self.on_read(self.produced)
        return n


@pytest.fixture
def store_v1(tmp_path: Path, key: StoreKey) -> LocalStore:
    """A store that writes format v1 objects: the byte offsets of the fault tests below are v1's
    (v1 objects stay readable; tests/evidence/test_store_v2.py damages v2 objects)."""
    return LocalStore(tmp_path / "store", key, write_version=1)


def object_files(store: LocalStore) -> list[Path]:
    return sorted(p for p in store.objects.rglob("*") if p.is_file())


def damage(path: Path, edit: Callable[[bytearray], bytearray]) -> None:
    path.chmod(0o600)  # objects are stored read-only; an attacker or a bad disk does not care
    path.write_bytes(bytes(edit(bytearray(path.read_bytes()))))


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size",
    [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 5],
)
def test_round_trip_around_chunk_boundaries(store: LocalStore, size: int) -> None:
    data = content(size)
    stored = store.put(io.BytesIO(data))

    assert stored.created
    assert stored.size == size
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.sha512 == hashlib.sha512(data).hexdigest()
    path = store.path_for(stored.sha256)
    assert path == store.objects / stored.sha256[:2] / stored.sha256[2:4] / stored.sha256
    assert stored.ciphertext_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert b"".join(store.open(stored.sha256)) == data
    out = io.BytesIO()
    again = store.read_to(stored.sha256, out)
    assert out.getvalue() == data
    assert (again.sha512, again.size, again.ciphertext_sha256) == (
        stored.sha512,
        size,
        stored.ciphertext_sha256,
    )
    result = store.verify(stored.sha256)
    assert result.ok, result.problem
    assert result.size == size
    assert not list(store.tmp.iterdir()), "temporary files must not outlive an ingest"


def test_short_reads_from_a_pipe_like_stream(store: LocalStore) -> None:
    stream = TrickleStream(3 * CHUNK_SIZE + 12_345)
    stored = store.put(stream)  # type: ignore[arg-type]
    expected = stream.expected()
    assert stored.sha256 == hashlib.sha256(expected).hexdigest()
    assert b"".join(store.open(stored.sha256)) == expected


def test_object_files_are_read_only_and_ciphertext(store: LocalStore) -> None:
    data = b"witness statement " * 10_000
    stored = store.put(io.BytesIO(data))
    path = store.path_for(stored.sha256)
    assert path.stat().st_mode & 0o777 == 0o400
    raw = path.read_bytes()
    assert raw.startswith(b"MIZANEV2")
    assert b"witness statement" not in raw


def test_identical_content_is_stored_once(store: LocalStore) -> None:
    data = content(CHUNK_SIZE + 99)
    first = store.put(io.BytesIO(data))
    second = store.put(io.BytesIO(data))

    assert first.created and not second.created
    assert second.sha256 == first.sha256
    # Each put encrypts with a fresh data key; the answer must describe the object kept.
    assert second.ciphertext_sha256 == first.ciphertext_sha256
    assert len(object_files(store)) == 1
    assert not list(store.tmp.iterdir())


def test_unknown_and_malformed_addresses(store: LocalStore) -> None:
    missing = "0" * 64
    assert not store.exists(missing)
    with pytest.raises(ObjectNotFoundError):
        store.read_to(missing, io.BytesIO())
    assert not store.verify(missing).ok
    with pytest.raises(StoreError, match="not a SHA-256"):
        store.exists("../../etc/passwd")
    with pytest.raises(StoreError, match="not a SHA-256"):
        store.path_for("A" * 64)


# --- tamper detection -------------------------------------------------------------------------

THREE_CHUNKS = 2 * CHUNK_SIZE + 1000  # chunks 0 and 1 full, chunk 2 short and final

FLIP_AT = {
    "magic": 0,
    "chunk size": 10,
    "key id": 20,
    "wrapped key nonce": 40,
    "wrapped key": 90,
    "stream header": 110,
    "first chunk": HEADER_SIZE + 5,
    "middle chunk": HEADER_SIZE + SEALED_CHUNK + CHUNK_SIZE // 2,
    "middle chunk tag": HEADER_SIZE + 2 * SEALED_CHUNK - 1,
    "last chunk": HEADER_SIZE + 2 * SEALED_CHUNK + 10,
    "last byte": -1,
}


@pytest.mark.parametrize("where", FLIP_AT)
def test_a_flipped_bit_anywhere_is_detected(store_v1: LocalStore, where: str) -> None:
    data = content(THREE_CHUNKS)
    stored = store_v1.put(io.BytesIO(data))
    path = store_v1.path_for(stored.sha256)

    def flip(raw: bytearray) -> bytearray:
        raw[FLIP_AT[where]] ^= 0x04
        return raw

    damage(path, flip)

    with pytest.raises(IntegrityError):
        store_v1.read_to(stored.sha256, io.BytesIO())
    assert not store_v1.verify(stored.sha256).ok
    keyless = LocalStore(store_v1.root)  # no key: fixity from the recorded ciphertext hash
    assert not keyless.verify_ciphertext(stored.sha256, stored.ciphertext_sha256).ok


def test_keyless_fixity_passes_on_an_intact_object(store: LocalStore) -> None:
    stored = store.put(io.BytesIO(content(5000)))
    keyless = LocalStore(store.root)
    result = keyless.verify_ciphertext(stored.sha256, stored.ciphertext_sha256)
    assert result.ok, result.problem
    with pytest.raises(StoreError, match="needs the store key"):
        keyless.read_to(stored.sha256, io.BytesIO())


@pytest.mark.parametrize(
    ("cut_to", "message"),
    [
        (HEADER_SIZE + 2 * SEALED_CHUNK, "truncated"),  # final chunk missing entirely
        (HEADER_SIZE + SEALED_CHUNK + 100, "chunk 1"),  # cut inside a chunk
        (HEADER_SIZE, "truncated"),  # header only
        (50, "shorter than its header"),
    ],
)
def test_a_truncated_object_is_detected(store_v1: LocalStore, cut_to: int, message: str) -> None:
    stored = store_v1.put(io.BytesIO(content(THREE_CHUNKS)))
    damage(store_v1.path_for(stored.sha256), lambda raw: raw[:cut_to])

    with pytest.raises(IntegrityError, match=message):
        b"".join(store_v1.open(stored.sha256))
    assert not store_v1.verify(stored.sha256).ok


def test_a_stream_cut_at_a_chunk_boundary_without_final_tag_is_rejected(
    store_v1: LocalStore,
) -> None:
    # Exactly two full chunks: the second carries TAG_FINAL. Dropping it leaves a stream that is
    # well-formed chunk by chunk; only the missing final tag gives the truncation away.
    stored = store_v1.put(io.BytesIO(content(2 * CHUNK_SIZE)))
    damage(store_v1.path_for(stored.sha256), lambda raw: raw[: HEADER_SIZE + SEALED_CHUNK])
    with pytest.raises(IntegrityError, match="truncated"):
        store_v1.read_to(stored.sha256, io.BytesIO())


@pytest.mark.parametrize(
    ("size", "appended", "message"),
    [
        # The final chunk is full, so the reader sees it whole and then finds more bytes.
        (2 * CHUNK_SIZE, b"\x00", "after its final chunk"),
        (2 * CHUNK_SIZE, bytes(SEALED_CHUNK), "after its final chunk"),
        # The final chunk is short: appended bytes become part of it and break its tag.
        (THREE_CHUNKS, b"\x00", "chunk 2 of the object fails authentication"),
    ],
)
def test_appended_data_is_detected(
    store_v1: LocalStore, size: int, appended: bytes, message: str
) -> None:
    stored = store_v1.put(io.BytesIO(content(size)))
    damage(store_v1.path_for(stored.sha256), lambda raw: raw + appended)
    with pytest.raises(IntegrityError, match=message):
        store_v1.read_to(stored.sha256, io.BytesIO())


def test_reordered_chunks_are_detected(store_v1: LocalStore) -> None:
    stored = store_v1.put(io.BytesIO(content(THREE_CHUNKS)))

    def swap(raw: bytearray) -> bytearray:
        a = raw[HEADER_SIZE : HEADER_SIZE + SEALED_CHUNK]
        b = raw[HEADER_SIZE + SEALED_CHUNK : HEADER_SIZE + 2 * SEALED_CHUNK]
        return raw[:HEADER_SIZE] + b + a + raw[HEADER_SIZE + 2 * SEALED_CHUNK :]

    damage(store_v1.path_for(stored.sha256), swap)
    with pytest.raises(IntegrityError):
        store_v1.read_to(stored.sha256, io.BytesIO())


def test_an_object_swapped_for_another_valid_one_is_detected(store: LocalStore) -> None:
    # Both files decrypt perfectly; only re-hashing the plaintext shows the address is a lie.
    real = store.put(io.BytesIO(content(4000, seed=1)))
    other = store.put(io.BytesIO(content(4000, seed=2)))
    target = store.path_for(real.sha256)
    damage(target, lambda _raw: bytearray(store.path_for(other.sha256).read_bytes()))

    with pytest.raises(IntegrityError, match="replaced"):
        store.read_to(real.sha256, io.BytesIO())
    assert "replaced" in store.verify(real.sha256).problem


def test_the_wrong_store_key_is_rejected(tmp_path: Path, store: LocalStore) -> None:
    stored = store.put(io.BytesIO(content(3000)))
    intruder = LocalStore(store.root, StoreKey.generate())
    with pytest.raises(WrongKeyError, match="another store key"):
        intruder.read_to(stored.sha256, io.BytesIO())
    assert not intruder.verify(stored.sha256).ok


# --- keys -------------------------------------------------------------------------------------


def test_key_file_is_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "store.key"
    key = LocalStore.create_key(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert StoreKey.load(path) == key
    assert key.secret.hex() not in repr(key)
    with pytest.raises(StoreError, match="refusing to overwrite"):
        LocalStore.create_key(path)
    assert StoreKey.load(path) == key

    path.chmod(0o644)
    with pytest.raises(StoreError, match="chmod 600"):
        StoreKey.load(path)


def test_objects_stay_readable_with_the_key_loaded_from_its_file(tmp_path: Path) -> None:
    key_path = tmp_path / "store.key"
    LocalStore.create_key(key_path)
    stored = LocalStore(tmp_path / "s", StoreKey.load(key_path)).put(io.BytesIO(b"photo"))
    reopened = LocalStore(tmp_path / "s", StoreKey.load(key_path))
    assert b"".join(reopened.open(stored.sha256)) == b"photo"


# --- crashes, full disk, memory, plaintext ----------------------------------------------------


def run_child(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


SLOW_INGEST = """
    import io, sys, time
    from pathlib import Path
    from mizan.evidence.store import LocalStore, StoreKey

    class Slow(io.RawIOBase):
        def readable(self):
            return True
        def readinto(self, b):
            time.sleep(0.002)  # a slow upload: the ingest is still running when it is killed
            n = min(len(b), 65536)
            b[:n] = b"x" * n
            return n

    LocalStore(Path(sys.argv[1]), StoreKey.load(Path(sys.argv[2]))).put(Slow())
"""


def test_sigkill_mid_ingest_leaves_no_partial_object(tmp_path: Path) -> None:
    key_path = tmp_path / "store.key"
    store = LocalStore(tmp_path / "store", LocalStore.create_key(key_path))
    earlier = store.put(io.BytesIO(content(CHUNK_SIZE * 2 + 7)))
    before = object_files(store)

    child = run_child(SLOW_INGEST, str(store.root), str(key_path))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            partial = list(store.tmp.glob("*.partial"))
            if partial and partial[0].stat().st_size > 3 * CHUNK_SIZE:
                break
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            time.sleep(0.05)
        else:
            pytest.fail("the child never started writing")
        # A live ingest's temporary file is not touched by a cleanup running beside it.
        assert store.cleanup_tmp() == 0
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert child.returncode == -signal.SIGKILL
    assert object_files(store) == before, "no partial object may become visible"
    assert len(list(store.tmp.glob("*.partial"))) == 1
    assert store.verify(earlier.sha256).ok
    assert store.cleanup_tmp() == 1
    assert not list(store.tmp.iterdir())
    # The store keeps working after the crash.
    assert store.put(io.BytesIO(b"after the crash")).created


def test_cleanup_leaves_a_live_ingest_in_this_process_alone(store: LocalStore) -> None:
    started, release = threading.Event(), threading.Event()

    def hold(produced: int) -> None:
        if produced > 2 * CHUNK_SIZE and not started.is_set():
            started.set()
            release.wait(timeout=30)

    result: list[object] = []
    stream = TrickleStream(4 * CHUNK_SIZE, on_read=hold)
    worker = threading.Thread(target=lambda: result.append(store.put(stream)))  # type: ignore[arg-type]
    worker.start()
    assert started.wait(timeout=30)
    try:
        assert list(store.tmp.glob("*.partial"))
        assert store.cleanup_tmp() == 0
    finally:
        release.set()
        worker.join(timeout=60)
    assert result and store.verify(result[0].sha256).ok  # type: ignore[attr-defined]


def test_a_full_disk_gives_a_clear_error_and_loses_nothing(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = store.put(io.BytesIO(content(CHUNK_SIZE + 5, seed=7)))
    before = {p: p.read_bytes() for p in object_files(store)}
    real_write = os.write
    written = 0

    def write(fd: int, data: bytes) -> int:
        nonlocal written
        target = os.readlink(f"/proc/self/fd/{fd}")
        if target.startswith(str(store.tmp)):
            written += len(data)
            if written > 2 * CHUNK_SIZE:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with pytest.raises(StoreFullError, match="is full") as caught:
        store.put(io.BytesIO(content(5 * CHUNK_SIZE, seed=8)))
    monkeypatch.undo()

    assert "untouched" in str(caught.value)
    assert written > 2 * CHUNK_SIZE, "the fake disk must actually have filled up"
    assert not list(store.tmp.iterdir()), "the partial ciphertext must be removed"
    assert {p: p.read_bytes() for p in object_files(store)} == before
    assert store.verify(earlier.sha256).ok


MEASURE_MEMORY = """
    import io, sys
    from pathlib import Path
    from mizan.evidence.store import LocalStore, StoreKey

    class Generated(io.RawIOBase):
        def __init__(self, total):
            self.left = total
            self.block = bytes(range(256)) * 4096
        def readable(self):
            return True
        def readinto(self, b):
            n = min(len(b), len(self.block), self.left)
            b[:n] = self.block[:n]
            self.left -= n
            return n

    store = LocalStore(Path(sys.argv[1]), StoreKey.generate())
    stored = store.put(Generated(int(sys.argv[2])))
    assert stored.size == int(sys.argv[2])
    assert store.verify(stored.sha256).ok
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the parent through
    # fork and exec, so inside a large test run it reported pytest's own peak, not ours.
    status = Path("/proc/self/status").read_text()
    print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""


def test_peak_memory_stays_bounded_for_a_large_ingest(tmp_path: Path) -> None:
    size = 200 * 1024 * 1024
    child = run_child(MEASURE_MEMORY, str(tmp_path / "store"), str(size))
    out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    peak_mb = int(out.strip()) * 1024 / 1e6
    # The whole file would be 210 MB; a bounded pipeline needs a few chunks plus the interpreter.
    assert peak_mb < 150, f"peak RSS {peak_mb:.0f} MB"


def test_plaintext_never_lands_on_disk(store: LocalStore) -> None:
    marker = b"PLAINTEXT-MARKER-\xd8\xb4\xd8\xa7\xd9\x87\xd8\xaf-"  # "شاهد": witness
    piece = marker * (65_536 // len(marker) + 1)
    seen_during: list[tuple[Path, bool]] = []

    def scan(produced: int) -> None:
        # Midway through the ingest, while ciphertext is being written to tmp/.
        if produced > 3 * CHUNK_SIZE and not seen_during:
            # Let the writer thread catch up: wait until ciphertext is in the temporary file (a
            # fixed 0.2 s sleep was no promise on a loaded machine; the check passed on an empty
            # file then).
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not any(
                path.stat().st_size > CHUNK_SIZE for path in store.tmp.iterdir()
            ):
                time.sleep(0.01)
            for path in store.root.rglob("*"):
                if path.is_file():
                    seen_during.append((path, marker in path.read_bytes()))

    stream = TrickleStream(6 * CHUNK_SIZE, piece=piece, step=len(piece), on_read=scan)
    stored = store.put(stream)  # type: ignore[arg-type]

    assert any(path.parent == store.tmp for path, _ in seen_during), "tmp file was not scanned"
    assert not [path for path, found in seen_during if found]
    assert store.path_for(stored.sha256).stat().st_size > 6 * CHUNK_SIZE
    for path in store.root.rglob("*"):
        if path.is_file():
            assert marker not in path.read_bytes(), path
    assert marker in b"".join(store.open(stored.sha256))  # the marker was really there
