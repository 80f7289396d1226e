"""Content-addressed, encrypted, append-only store for evidence originals.

Why it looks like this (Berkeley Protocol: hash on capture, originals never altered):

* **Address.** An original is named by the SHA-256 of its plaintext; SHA-512 is computed in the
  same pass and returned so a court can be given two independent digests. Identical content is
  stored once. There is no ``delete``: originals are immutable (object files are mode 0400).
* **Encryption, no home-made cryptography.** libsodium's XChaCha20-Poly1305 (IETF AEAD, through
  PyNaCl's bindings) encrypts the content in 1 MiB chunks, each on its own (format v2 below):
  every chunk is authenticated with its index and a last-chunk flag in its nonce, so bit flips,
  truncation (even at a chunk boundary), appended bytes, reordered chunks and chunks from another
  object are all detected, and any byte range can be read without the bytes before it. Each
  object gets its own random 32-byte data key, wrapped with the organisation's store key in the
  object header, which is authenticated on its own; so the store key can be rotated by giving
  each object a new header, without re-encrypting content. Format v1 (libsodium's secretstream,
  whose chunks chain and whose header was the first chunk's additional data) is still read.
  age (pyrage) was the first choice of DESIGN.md, but the issue measured it at 200-400 MiB/s on
  this kind of machine, too slow for the target once SHA-256 and SHA-512 are added; libsodium's
  constructions are well reviewed and PyNaCl exposes them chunk by chunk, which lets the
  hashing run in other threads (single-thread figures in bench/README.md: SHA-256 ~1150 MiB/s,
  SHA-512 ~420 MiB/s, secretstream ~600 MiB/s; SHA-512 is the costliest step).
* **Key-less fixity.** The SHA-256 of the whole object file (header included) is computed while
  writing and returned as ``ciphertext_sha256``: ``sha256sum`` on the object file checks it
  without the key, e.g. on a backup copy held by a partner.
* **Both cores.** Plaintext SHA-256+SHA-512 run in one worker thread, ciphertext SHA-256 and the
  file writes in another, reading and encryption in the caller's thread. hashlib, libsodium
  (cffi) and os.write release the GIL on large buffers, so the three overlap; bounded queues keep
  memory constant (at most about 14 MiB in flight, whatever the file size).
* **Atomic, durable writes.** Ciphertext goes to ``tmp/<random>.partial`` (created 0600,
  ``O_EXCL``, held under ``flock``), is fsynced, then hard-linked to ``objects/ab/cd/<sha256>``
  (``link`` never overwrites, so a concurrent identical ingest simply finds the object there) and
  the directories are fsynced. A process killed mid-ingest leaves only a ``.partial`` file whose
  lock died with it; ``cleanup_tmp`` removes those and leaves live ingests alone.
* **Plaintext never touches the disk**: only ciphertext is written, and only inside the store.
* **Backends.** ``EvidenceStore`` is the interface; ``LocalStore`` the local-filesystem backend.
  The object format (``_ObjectWriter``/``_ObjectReader``) is independent of where bytes go, so an
  S3-compatible backend can stream the same bytes to a temporary key and copy it to its address.

Object file format, version 2 (written since issue 13; all integers big-endian)::

    magic         8   b"MIZANEV2"
    chunk_size    4   plaintext bytes per chunk (the last chunk may be shorter, even empty)
    nonce_prefix 15   random per object: the first bytes of every chunk nonce, and its identity
    key_id       16   BLAKE2b-128 of the store key that wrapped the data key
    wrap_nonce   24   random nonce of the key wrap
    wrapped_key  48   XChaCha20-Poly1305(data key), additional data = the 43 bytes above
    chunks        *   XChaCha20-Poly1305(chunk i), chunk_size + 16 bytes each, the last shorter;
                      nonce = nonce_prefix || i (8 bytes) || 1 if last else 0,
                      additional data = magic || chunk_size || nonce_prefix (the first 27 bytes)

Why v2 (docs/architecture.md, "Locker object format v2"): in v1 the header is the additional
data of the first secretstream chunk and each chunk's tag feeds the next, so the data key cannot
be re-wrapped without re-encrypting everything, and a read at byte N decrypts every byte before
it. In v2 the header is authenticated on its own (the key wrap's AEAD covers every header field),
and every chunk can be decrypted alone: its index and a last-chunk flag are in its nonce, so a
reordered, swapped (from another object: other key, other prefix), dropped or appended chunk
fails authentication, and a file cut at a chunk boundary ends in a chunk that does not open as
the last one. The number of chunks follows from the file's length. Chunk additional data holds
only the header fields that never change, so ``rewrap`` gives an object a new header (new store
key) and copies the chunks byte for byte. v1 objects are still read; new ones are written v2.

Object file format, version 1 (still read; all integers big-endian)::

    magic        8   b"MIZANEV1"
    chunk_size   4   plaintext bytes per chunk (the last chunk may be shorter, even empty)
    key_id      16   BLAKE2b-128 of the store key (personalised); tells "wrong key" from damage
    wrapped_key 72   secretbox nonce (24) + secretbox(data key) (48)
    ss_header   24   secretstream header
    chunks       *   secretstream ciphertext, chunk_size + 17 bytes each, the last one shorter
"""

from __future__ import annotations

import base64
import errno
import fcntl
import hashlib
import os
import queue
import secrets
import stat
import struct
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from nacl import bindings as sodium
from nacl.exceptions import CryptoError
from nacl.pwhash import argon2id

__all__ = [
    "CHUNK_SIZE",
    "EvidenceStore",
    "IntegrityError",
    "KeyLockedError",
    "LocalStore",
    "ObjectNotFoundError",
    "StoreError",
    "StoreFullError",
    "StoreKey",
    "StoredObject",
    "VerifyResult",
    "WrongKeyError",
    "WrongPassphraseError",
    "key_file_locked",
]

MAGIC = b"MIZANEV1"
MAGIC_V2 = b"MIZANEV2"
CHUNK_SIZE = 1024 * 1024
# A corrupted header must not make the reader allocate gigabytes: bound what it accepts.
_MIN_CHUNK, _MAX_CHUNK = 4 * 1024, 64 * 1024 * 1024
_HEADER = struct.Struct(">8sI16s72s24s")
_HEADER_V2 = struct.Struct(">8sI15s16s24s48s")
_V2_IDENTITY = 27  # magic, chunk size, nonce prefix: the part of the header that never changes
_V2_WRAPPED_AD = 43  # ... and the key id: what the key wrap authenticates
_AEAD_ABYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES
_PREFIX_BYTES = 15
_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_KEY_FILE_PREFIX = "mizan-store-key-v1:"
_LOCKED_PREFIX = "mizan-store-key-locked-v1:"
_HEX = frozenset("0123456789abcdef")
# Chunks buffered between the reader/encryptor and each hashing thread: enough to absorb jitter,
# small enough that memory does not depend on the file size.
_QUEUE_CHUNKS = 4
_COPY_BLOCK = 1024 * 1024


class StoreError(Exception):
    """Base class of every error the evidence store raises."""


class IntegrityError(StoreError):
    """Stored bytes do not match what was written: bit flip, truncation, appended data."""


class WrongKeyError(StoreError):
    """The object was encrypted for a different store key."""


class ObjectNotFoundError(StoreError):
    """No object with this address."""


class StoreFullError(StoreError):
    """The disk (or quota) is full; the ingest was abandoned and nothing stored was touched."""


@dataclass(frozen=True)
class StoredObject:
    sha256: str
    sha512: str
    size: int
    ciphertext_sha256: str
    created: bool  # False when identical content was already stored (deduplicated)


@dataclass(frozen=True)
class VerifyResult:
    sha256: str  # the address that was checked
    ok: bool
    problem: str = ""  # why not ok, in words an operator can act on
    sha512: str = ""
    size: int = 0
    ciphertext_sha256: str = ""


class KeyLockedError(StoreError):
    """The store key file is locked with a passphrase and this process has not unlocked it."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open the locked store key: nothing was unlocked."""


@dataclass(frozen=True)
class _KeyLock:
    """How a locked key file derives its wrapping key: Argon2id (libsodium) parameters."""

    salt: bytes
    opslimit: int
    memlimit: int

    @property
    def ident(self) -> bytes:
        return self.salt + struct.pack(">QQ", self.opslimit, self.memlimit)

    def derive(self, passphrase: bytes) -> bytes:
        return argon2id.kdf(
            sodium.crypto_secretbox_KEYBYTES, passphrase, self.salt, self.opslimit, self.memlimit
        )


# Wrapping keys derived from passphrases in this process, by lock: ``serve`` and ``worker`` unlock
# once at start (forked gunicorn workers inherit this), and a key written during a rotation is
# locked with the same derivation, so it opens without asking again. Never written anywhere.
_unlocked: dict[bytes, bytes] = {}
# Argon2id cost of a new lock: libsodium's "moderate" (256 MiB, about a second here), so guessing
# passphrases on a seized disk is slow. Tests lower it.
LOCK_OPSLIMIT = argon2id.OPSLIMIT_MODERATE
LOCK_MEMLIMIT = argon2id.MEMLIMIT_MODERATE


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _read_key_file(path: Path) -> tuple[_KeyLock | None, bytes]:
    """(lock, boxed key) of a locked key file, (None, key) of a plain one."""
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise StoreError(
            f"key file {path} is accessible to group or others (mode {stat.filemode(mode)});"
            f" run: chmod 600 {path}"
        )
    text = path.read_text(encoding="ascii").strip()
    try:
        if text.startswith(_KEY_FILE_PREFIX):
            return None, base64.b64decode(text.removeprefix(_KEY_FILE_PREFIX), validate=True)
        if text.startswith(_LOCKED_PREFIX):
            salt, ops, mem, boxed = text.removeprefix(_LOCKED_PREFIX).split(":")
            lock = _KeyLock(base64.b64decode(salt, validate=True), int(ops), int(mem))
            return lock, base64.b64decode(boxed, validate=True)
    except ValueError:
        raise StoreError(f"{path}: the key file is damaged (not valid base64)") from None
    raise StoreError(f"{path} is not a Mizan store key file")


def key_file_locked(path: Path) -> bool:
    """Whether the key file is wrapped under a passphrase (``mizan keys lock-status``)."""
    return _read_key_file(Path(path))[0] is not None


def _write_key_text(path: Path, text: str, *, replace: bool) -> None:
    """A new 0600 key file, fsynced; with ``replace``, swapped in for the old one atomically."""
    target = path.with_name(path.name + ".writing") if replace else path
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    if replace:
        target.unlink(missing_ok=True)
    try:
        fd = os.open(target, flags, 0o600)
    except FileExistsError:
        raise StoreError(f"key file {path} already exists; refusing to overwrite it") from None
    try:
        os.write(fd, text.encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if replace:
        os.replace(target, path)
    _fsync_dir(path.parent)


@dataclass(frozen=True)
class StoreKey:
    """The organisation's store key; wraps the per-object data keys."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != sodium.crypto_secretbox_KEYBYTES:
            raise StoreError("a store key is 32 bytes")

    @property
    def key_id(self) -> bytes:
        return hashlib.blake2b(self.secret, digest_size=16, person=b"mizan-store-kid").digest()

    @classmethod
    def generate(cls) -> StoreKey:
        return cls(secrets.token_bytes(sodium.crypto_secretbox_KEYBYTES))

    def _file_text(self, lock: _KeyLock | None, wrapping_key: bytes | None) -> str:
        if lock is None or wrapping_key is None:
            return _KEY_FILE_PREFIX + _b64(self.secret) + "\n"
        nonce = secrets.token_bytes(sodium.crypto_secretbox_NONCEBYTES)
        boxed = nonce + sodium.crypto_secretbox(self.secret, nonce, wrapping_key)
        fields = [_b64(lock.salt), str(lock.opslimit), str(lock.memlimit), _b64(boxed)]
        return _LOCKED_PREFIX + ":".join(fields) + "\n"

    def save(self, path: Path, *, locked_like: Path | None = None) -> None:
        """Write the key to a new 0600 file; never overwrite (losing a key loses the evidence).

        With ``locked_like``, lock it as that key file is locked (same passphrase; that file
        must have been unlocked in this process), or write it plain if that one is plain."""
        lock = wrapping = None
        if locked_like is not None:
            lock, _boxed = _read_key_file(Path(locked_like))
            if lock is not None:
                wrapping = _unlocked.get(lock.ident)
                if wrapping is None:
                    raise KeyLockedError(f"unlock {locked_like} first")
        _write_key_text(Path(path), self._file_text(lock, wrapping), replace=False)

    @classmethod
    def load(cls, path: Path, *, passphrase: bytes | None = None) -> StoreKey:
        """Read a key file. A locked one opens with ``passphrase`` (then remembered for this
        process) or with a passphrase already given in this process; otherwise
        :class:`KeyLockedError`, and :class:`WrongPassphraseError` when it does not open."""
        lock, stored = _read_key_file(Path(path))
        if lock is None:
            return cls(stored)
        if passphrase is not None:
            wrapping = lock.derive(passphrase)
        elif (cached := _unlocked.get(lock.ident)) is not None:
            wrapping = cached
        else:
            raise KeyLockedError(
                f"the store key {path} is locked with a passphrase: give it on a terminal or in"
                " the file named by MIZAN_KEY_PASSPHRASE_FILE"
            )
        nonce, boxed = stored[: sodium.crypto_secretbox_NONCEBYTES], stored[24:]
        try:
            secret = sodium.crypto_secretbox_open(boxed, nonce, wrapping)
        except CryptoError:
            raise WrongPassphraseError(
                f"wrong passphrase: the store key {path} stays locked; nothing was unlocked"
            ) from None
        _unlocked[lock.ident] = wrapping
        return cls(secret)

    @staticmethod
    def lock_file(path: Path, passphrase: bytes) -> None:
        """Wrap the key file under ``passphrase`` (Argon2id), replacing it atomically. A locked
        file is re-locked (new passphrase) only once it has been unlocked in this process."""
        path = Path(path)
        key = StoreKey.load(path)
        if len(passphrase) < 8:
            raise StoreError("a passphrase of at least 8 characters, please (longer is better)")
        lock = _KeyLock(secrets.token_bytes(argon2id.SALTBYTES), LOCK_OPSLIMIT, LOCK_MEMLIMIT)
        wrapping = lock.derive(passphrase)
        _write_key_text(path, key._file_text(lock, wrapping), replace=True)
        _unlocked[lock.ident] = wrapping


def unlocked_wrapping_keys() -> dict[str, str]:
    """What this process has unlocked, to hand to a child (the restore drill) through a pipe."""
    return {ident.hex(): key.hex() for ident, key in _unlocked.items()}


def remember_wrapping_keys(given: dict[str, str]) -> None:
    for ident, key in given.items():
        _unlocked[bytes.fromhex(ident)] = bytes.fromhex(key)


class EvidenceStore(Protocol):
    """What every backend offers. There is deliberately no delete: originals are immutable."""

    def put(self, stream: BinaryIO) -> StoredObject: ...

    def open(self, sha256: str) -> Iterator[bytes]: ...

    def open_range(self, sha256: str, start: int, stop: int) -> Iterator[bytes]: ...

    def object_info(self, sha256: str) -> tuple[int, bytes]: ...

    def read_to(self, sha256: str, out: BinaryIO) -> StoredObject: ...

    def verify(self, sha256: str) -> VerifyResult: ...

    def verify_ciphertext(self, sha256: str, expected_ciphertext_sha256: str) -> VerifyResult: ...

    def exists(self, sha256: str) -> bool: ...


# --- parallel hashing -------------------------------------------------------------------------


class _HashWorker:
    """Feeds chunks to hashlib objects in a thread, then (with ``fd``) writes them to the file.

    hashlib and os.write release the GIL on large buffers, so this overlaps with encryption in
    the caller's thread. A failure (say ENOSPC) is raised by the next ``feed`` so the caller
    stops early, and again by ``finish``.
    """

    def __init__(self, *algorithms: str, fd: int | None = None) -> None:
        self._hashes = [hashlib.new(name) for name in algorithms]
        self._fd = fd
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUE_CHUNKS)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="evidence-hash", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            # After a failure keep draining, so the feeder never blocks on a full queue.
            if self._error is None:
                try:
                    for h in self._hashes:
                        h.update(chunk)
                    if self._fd is not None:
                        _write_all(self._fd, chunk)
                except BaseException as exc:  # handed to the caller by feed() and finish()
                    self._error = exc

    def feed(self, chunk: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._queue.put(chunk)

    def finish(self) -> list[str]:
        self.stop()
        if self._error is not None:
            raise self._error
        return [h.hexdigest() for h in self._hashes]

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


# --- object format ----------------------------------------------------------------------------


def _wrap_key(store_key: StoreKey, data_key: bytes) -> bytes:
    nonce = secrets.token_bytes(sodium.crypto_secretbox_NONCEBYTES)
    return nonce + sodium.crypto_secretbox(data_key, nonce, store_key.secret)


class _ObjectWriterV1:
    """Format v1 (secretstream). Kept only so tests can make v1 objects and prove they are read."""

    def __init__(self, store_key: StoreKey, chunk_size: int = CHUNK_SIZE) -> None:
        data_key = sodium.crypto_secretstream_xchacha20poly1305_keygen()
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        ss_header = sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, data_key)
        self.chunk_size = chunk_size
        self.header = _HEADER.pack(
            MAGIC, chunk_size, store_key.key_id, _wrap_key(store_key, data_key), ss_header
        )
        self._first = True

    def encrypt(self, chunk: bytes, *, final: bool) -> bytes:
        ad = self.header if self._first else None
        self._first = False
        return sodium.crypto_secretstream_xchacha20poly1305_push(
            self._state, chunk, ad, _TAG_FINAL if final else _TAG_MESSAGE
        )


def _chunk_nonce(prefix: bytes, index: int, *, last: bool) -> bytes:
    return prefix + struct.pack(">Q", index) + (b"\x01" if last else b"\x00")


def _v2_header(identity: bytes, store_key: StoreKey, data_key: bytes) -> bytes:
    """The v2 header for an object ``identity`` whose data key is wrapped under ``store_key``."""
    authenticated = identity + store_key.key_id
    nonce = secrets.token_bytes(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
    wrapped = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        data_key, authenticated, nonce, store_key.secret
    )
    return authenticated + nonce + wrapped


class _ObjectWriter:
    """Encrypts a plaintext stream into the v2 object format; the header comes first."""

    def __init__(self, store_key: StoreKey, chunk_size: int = CHUNK_SIZE) -> None:
        self._data_key = secrets.token_bytes(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        self._prefix = secrets.token_bytes(_PREFIX_BYTES)
        self.chunk_size = chunk_size
        self._identity = MAGIC_V2 + struct.pack(">I", chunk_size) + self._prefix
        self.header = _v2_header(self._identity, store_key, self._data_key)
        self._index = 0

    def encrypt(self, chunk: bytes, *, final: bool) -> bytes:
        nonce = _chunk_nonce(self._prefix, self._index, last=final)
        self._index += 1
        return sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
            chunk, self._identity, nonce, self._data_key
        )


def _read_full(stream: BinaryIO, size: int) -> bytes:
    """Read exactly ``size`` bytes unless the stream ends; pipes and sockets return short reads."""
    data = stream.read(size)
    if data is None:
        raise StoreError("non-blocking streams are not supported")
    if len(data) == size or not data:
        return data
    parts = [data]
    missing = size - len(data)
    while missing:
        more = stream.read(missing)
        if not more:
            break
        parts.append(more)
        missing -= len(more)
    return b"".join(parts)


Keys = dict[bytes, "StoreKey"]  # the keys a store may read with, by key id


def _unwrap_failed(key_id: bytes, keys: Keys) -> StoreError:
    if key_id not in keys:
        known = ", ".join(k.hex() for k in keys) or "none"
        return WrongKeyError(
            f"object was encrypted for another store key (key id {key_id.hex()}, this store's"
            f" keys are {known})"
        )
    return IntegrityError("object header is damaged: the data key does not authenticate")


@dataclass(frozen=True)
class _V2Object:
    """An opened v2 object: what is needed to decrypt any chunk of it on its own."""

    header: bytes
    data_key: bytes = field(repr=False)
    chunk_size: int
    chunks: int
    size: int  # plaintext bytes
    key_id: bytes

    @property
    def identity(self) -> bytes:
        return self.header[:_V2_IDENTITY]

    @property
    def sealed_size(self) -> int:
        return self.chunk_size + _AEAD_ABYTES

    def offset(self, index: int) -> int:
        return _HEADER_V2.size + index * self.sealed_size

    def decrypt(self, index: int, sealed: bytes) -> bytes:
        last = index == self.chunks - 1
        prefix = self.header[12:_V2_IDENTITY]
        try:
            return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                sealed, self.identity, _chunk_nonce(prefix, index, last=last), self.data_key
            )
        except CryptoError:
            pass
        if last and len(sealed) == self.sealed_size:
            try:
                sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                    sealed, self.identity, _chunk_nonce(prefix, index, last=False), self.data_key
                )
            except CryptoError:
                pass
            else:
                raise IntegrityError(
                    f"object is truncated: it ends after {self.chunks} chunks, before the final one"
                )
        raise IntegrityError(
            f"chunk {index} of the object fails authentication (damaged, moved, or from another"
            " object)"
        )


def _open_v2(header: bytes, file_size: int, keys: Keys) -> _V2Object:
    """Check a v2 header (it authenticates on its own) and lay the chunks out from the length."""
    if len(header) < _HEADER_V2.size:
        raise IntegrityError("object is shorter than its header")
    _magic, chunk_size, _prefix, key_id, nonce, wrapped = _HEADER_V2.unpack(header)
    key = keys.get(key_id)
    if key is None:
        raise _unwrap_failed(key_id, keys)
    try:
        data_key = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            wrapped, header[:_V2_WRAPPED_AD], nonce, key.secret
        )
    except CryptoError:
        raise _unwrap_failed(key_id, keys) from None
    if not _MIN_CHUNK <= chunk_size <= _MAX_CHUNK:  # authenticated, so only a writer's bug
        raise IntegrityError(f"object header is damaged: chunk size {chunk_size}")
    payload = file_size - _HEADER_V2.size
    sealed_size = chunk_size + _AEAD_ABYTES
    if payload < _AEAD_ABYTES:
        raise IntegrityError("object is truncated: it ends before its first chunk")
    chunks = -(-payload // sealed_size)
    last = payload - (chunks - 1) * sealed_size
    if last < _AEAD_ABYTES:
        raise IntegrityError(
            f"object is truncated or has data after its final chunk ({last} stray bytes)"
        )
    size = (chunks - 1) * chunk_size + last - _AEAD_ABYTES
    return _V2Object(header[: _HEADER_V2.size], data_key, chunk_size, chunks, size, key_id)


def _read_header(f: BinaryIO) -> tuple[bytes, bytes]:
    """The object's magic and its whole header (read from the start of ``f``)."""
    magic = _read_full(f, len(MAGIC))
    if magic == MAGIC_V2:
        return magic, magic + _read_full(f, _HEADER_V2.size - len(magic))
    return magic, magic + _read_full(f, _HEADER.size - len(magic))


def _peek_key_id(f: BinaryIO) -> bytes:
    """The key id an object names (without checking anything); the file is left at its start."""
    head = _read_full(f, _V2_WRAPPED_AD)
    f.seek(0)
    if head[: len(MAGIC_V2)] == MAGIC_V2:
        return head[_V2_IDENTITY:_V2_WRAPPED_AD]
    return head[12:28]


def _decrypt_stream(f: BinaryIO, keys: Keys, cipher_hash: _HashWorker | None) -> Iterator[bytes]:
    """Yield the plaintext chunks of an object file, raising on any authentication failure."""
    magic, header = _read_header(f)
    if cipher_hash is not None:
        cipher_hash.feed(header)
    if magic == MAGIC_V2:
        obj = _open_v2(header, os.fstat(f.fileno()).st_size, keys)
        for index in range(obj.chunks):
            sealed = _read_full(f, obj.sealed_size)
            if cipher_hash is not None:
                cipher_hash.feed(sealed)
            yield obj.decrypt(index, sealed)
        return
    yield from _decrypt_v1(f, header, keys, cipher_hash)


def _decrypt_v1(
    f: BinaryIO, header: bytes, keys: Keys, cipher_hash: _HashWorker | None
) -> Iterator[bytes]:
    if len(header) < _HEADER.size:
        raise IntegrityError("object is shorter than its header")
    magic, chunk_size, key_id, wrapped, ss_header = _HEADER.unpack(header)
    if magic != MAGIC:
        raise IntegrityError(
            f"unknown object format {magic!r} (expected {MAGIC_V2!r} or {MAGIC!r})"
        )
    nonce, boxed = wrapped[: sodium.crypto_secretbox_NONCEBYTES], wrapped[24:]
    # The key id is not authenticated in v1: a damaged one falls back to the current key.
    key = keys.get(key_id) or next(iter(keys.values()))
    try:
        data_key = sodium.crypto_secretbox_open(boxed, nonce, key.secret)
    except CryptoError:
        raise _unwrap_failed(key_id, keys) from None
    if not _MIN_CHUNK <= chunk_size <= _MAX_CHUNK:
        raise IntegrityError(f"object header is damaged: chunk size {chunk_size}")
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, ss_header, data_key)
    except CryptoError:
        raise IntegrityError("object header is damaged: bad stream header") from None
    ad: bytes | None = header
    index = 0
    while True:
        sealed = _read_full(f, chunk_size + _ABYTES)
        if not sealed:
            raise IntegrityError(
                f"object is truncated: it ends after {index} chunks, before the final one"
            )
        if cipher_hash is not None:
            cipher_hash.feed(sealed)
        try:
            plain, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, ad)
        except CryptoError:
            raise IntegrityError(f"chunk {index} of the object fails authentication") from None
        ad = None
        if tag == _TAG_FINAL:
            if f.read(1):
                raise IntegrityError("object has data after its final chunk")
            yield plain
            return
        if tag != _TAG_MESSAGE or len(sealed) != chunk_size + _ABYTES:
            # We only ever write full MESSAGE chunks before the FINAL one.
            raise IntegrityError(f"chunk {index} of the object is malformed")
        yield plain
        index += 1


# --- filesystem helpers -----------------------------------------------------------------------


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _is_disk_full(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _check_address(sha256: str) -> str:
    # The address becomes a path: accept only what SHA-256 can produce.
    if len(sha256) != 64 or not _HEX.issuperset(sha256):
        raise StoreError(f"not a SHA-256 address: {sha256[:80]!r}")
    return sha256


# --- local filesystem backend -----------------------------------------------------------------


class LocalStore:
    """The evidence store on a local directory: ``objects/ab/cd/<sha256>`` and ``tmp/``.

    ``key`` may be omitted for key-less work (``exists``, ``verify_ciphertext``,
    ``cleanup_tmp``). With ``create=False`` (read-only checks) no directory is made: a missing
    store then reads as missing objects.
    """

    def __init__(
        self,
        root: Path,
        key: StoreKey | None = None,
        *,
        create: bool = True,
        previous_keys: Sequence[StoreKey] = (),
        refresh: Callable[[], tuple[StoreKey, Sequence[StoreKey]]] | None = None,
        write_version: int = 2,
    ) -> None:
        """``key`` writes new objects; it and ``previous_keys`` read them (a rotation in progress
        has objects under both). ``refresh`` re-reads the key files: it is called before each
        ``put`` and when an object names a key the store does not hold, so a long-running
        process follows a rotation made by another one."""
        self.root = Path(root)
        self.objects = self.root / "objects"
        self.tmp = self.root / "tmp"
        self._key = key
        self._previous = tuple(previous_keys)
        self._refresh = refresh
        if write_version not in (1, 2):
            raise StoreError(f"unknown object format version {write_version}")
        self._write_version = write_version  # 1 only in tests: v1 objects must stay readable
        if create:
            for directory in (self.root, self.objects, self.tmp):
                directory.mkdir(mode=0o700, exist_ok=True)

    @staticmethod
    def create_key(path: Path) -> StoreKey:
        """Generate a store key and save it to ``path`` (mode 0600, never overwritten)."""
        key = StoreKey.generate()
        key.save(Path(path))
        return key

    def _require_key(self) -> StoreKey:
        if self._key is None:
            raise StoreError("this operation needs the store key; open the store with key=...")
        return self._key

    def _reload_keys(self) -> None:
        if self._refresh is not None:
            self._key, previous = self._refresh()
            self._previous = tuple(previous)

    def _writer_key(self) -> StoreKey:
        self._reload_keys()
        return self._require_key()

    def _keys(self, *, reload: bool = False) -> Keys:
        if reload:
            self._reload_keys()
        key = self._require_key()
        keys = {key.key_id: key}
        for old in self._previous:
            keys.setdefault(old.key_id, old)
        return keys

    def _keys_for(self, key_id: bytes) -> Keys:
        keys = self._keys()
        if key_id not in keys and self._refresh is not None:
            keys = self._keys(reload=True)
        return keys

    def path_for(self, sha256: str) -> Path:
        _check_address(sha256)
        return self.objects / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    # -- writing --

    def put(self, stream: BinaryIO) -> StoredObject:
        """Hash, encrypt and store ``stream``; return the existing object for known content."""
        tmp_path = self.tmp / f"{secrets.token_hex(16)}.partial"
        try:
            fd = os.open(tmp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            if _is_disk_full(exc):
                raise StoreFullError(f"evidence store {self.root} is full: {exc}") from exc
            raise
        # The lock tells cleanup_tmp() that this temporary file belongs to a live ingest.
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            # Chosen once the temporary file exists: a rotation of the store key waits for the
            # ingests whose temporary files predate it, and later ones see the new key here.
            key = self._writer_key()
            sha256, sha512, size, ciphertext_sha256 = self._encrypt_to(fd, stream, key)
            os.fchmod(fd, 0o400)
            os.fsync(fd)
            final = self.path_for(sha256)
            created = self._publish(tmp_path, final)
            if not created:
                ciphertext_sha256 = _file_sha256(final)
        except OSError as exc:
            if _is_disk_full(exc):
                raise StoreFullError(
                    f"evidence store {self.root} is full; the ingest was abandoned and objects"
                    " already stored are untouched. Free space and ingest again."
                ) from exc
            raise StoreError(f"could not store evidence in {self.root}: {exc}") from exc
        finally:
            # On success the object is reachable through its hard link; on failure the partial
            # ciphertext is useless. Either way the temporary name goes.
            os.close(fd)
            tmp_path.unlink(missing_ok=True)
        return StoredObject(sha256, sha512, size, ciphertext_sha256, created)

    def _encrypt_to(self, fd: int, stream: BinaryIO, key: StoreKey) -> tuple[str, str, int, str]:
        writer = _ObjectWriter(key) if self._write_version == 2 else _ObjectWriterV1(key)
        plain_hash = _HashWorker("sha256", "sha512")
        # The ciphertext thread hashes and writes, so the caller's thread only reads and encrypts.
        cipher_hash = _HashWorker("sha256", fd=fd)
        try:
            cipher_hash.feed(writer.header)
            size = 0
            chunk = _read_full(stream, writer.chunk_size)
            while True:
                # Read one chunk ahead: only then do we know whether this one is the last.
                following = (
                    _read_full(stream, writer.chunk_size)
                    if len(chunk) == writer.chunk_size
                    else b""
                )
                final = not following
                plain_hash.feed(chunk)
                sealed = writer.encrypt(chunk, final=final)
                cipher_hash.feed(sealed)
                size += len(chunk)
                if final:
                    break
                chunk = following
            sha256, sha512 = plain_hash.finish()
            (ciphertext_sha256,) = cipher_hash.finish()
        finally:
            plain_hash.stop()
            cipher_hash.stop()
        return sha256, sha512, size, ciphertext_sha256

    def _publish(self, tmp_path: Path, final: Path) -> bool:
        """Give the fsynced temporary file its address; False if the content was already there."""
        created_dirs = []
        for directory in (final.parent.parent, final.parent):
            if not directory.is_dir():
                directory.mkdir(mode=0o700, exist_ok=True)
                created_dirs.append(directory)
        try:
            os.link(tmp_path, final)
        except FileExistsError:
            return False
        # Make the new name (and any new directory entries) durable before reporting success.
        _fsync_dir(final.parent)
        for directory in reversed(created_dirs):
            _fsync_dir(directory.parent)
        return True

    def cleanup_tmp(self) -> int:
        """Remove temporary files left by ingests that died (e.g. SIGKILL); return how many.

        A live ingest holds an exclusive lock on its temporary file, so it is left alone.
        """
        removed = 0
        for path in self.tmp.glob("*.partial"):
            try:
                fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                continue  # finished or cleaned meanwhile
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                path.unlink(missing_ok=True)
                removed += 1
            finally:
                os.close(fd)
        if removed:
            _fsync_dir(self.tmp)
        return removed

    # -- reading --

    def _open_object(self, sha256: str) -> BinaryIO:
        path = self.path_for(sha256)
        try:
            return path.open("rb")
        except FileNotFoundError:
            raise ObjectNotFoundError(f"no evidence object {sha256}") from None

    def _plaintext(
        self, sha256: str, result: dict[str, str | int], *, full: bool
    ) -> Iterator[bytes]:
        """Decrypt and re-hash; raise IntegrityError at the end if the content is not ``sha256``.

        With ``full``, SHA-512 and the ciphertext SHA-256 are computed too and put in ``result``.
        """
        self._require_key()
        plain_hash = _HashWorker("sha256", "sha512") if full else _HashWorker("sha256")
        cipher_hash = _HashWorker("sha256") if full else None
        try:
            with self._open_object(sha256) as f:
                size = 0
                for chunk in _decrypt_stream(f, self._keys_for(_peek_key_id(f)), cipher_hash):
                    plain_hash.feed(chunk)
                    size += len(chunk)
                    yield chunk
            digests = plain_hash.finish()
            if cipher_hash is not None:
                result["ciphertext_sha256"] = cipher_hash.finish()[0]
        finally:
            plain_hash.stop()
            if cipher_hash is not None:
                cipher_hash.stop()
        result["size"] = size
        if full:
            result["sha512"] = digests[1]
        if digests[0] != sha256:
            raise IntegrityError(
                f"object {sha256} decrypts to content with SHA-256 {digests[0]}: it was replaced"
            )

    def open(self, sha256: str) -> Iterator[bytes]:
        """Stream the plaintext. It is verified only when the iterator is exhausted without error:
        a consumer must discard what it received if an IntegrityError is raised."""
        return self._plaintext(sha256, {}, full=False)

    def open_range(self, sha256: str, start: int, stop: int) -> Iterator[bytes]:
        """Stream plaintext bytes ``start`` to ``stop`` (exclusive) without reading the rest.

        For a v2 object only the chunks that hold the range are read and decrypted, each
        authenticated on its own (index and last-chunk flag in its nonce), so a seek costs the
        same at the end of a two-hour recording as at its start. A v1 object is decrypted from
        its start. The plaintext SHA-256 is not re-computed (that needs every byte): the range
        is authentic, while a whole-object check (``verify``, fixity) is what proves the object
        complete.
        """
        if start < 0 or stop < start:
            raise StoreError(f"bad byte range {start}-{stop}")
        f = self._open_object(sha256)
        try:
            magic, header = _read_header(f)
            if magic != MAGIC_V2:
                f.seek(0)
                yield from _slice(
                    _decrypt_stream(f, self._keys_for(_peek_key_id(f)), None), start, stop
                )
                return
            key_id = header[_V2_IDENTITY:_V2_WRAPPED_AD]
            obj = _open_v2(header, os.fstat(f.fileno()).st_size, self._keys_for(key_id))
            stop = min(stop, obj.size)
            if start >= stop:
                return
            first, last = start // obj.chunk_size, (stop - 1) // obj.chunk_size
            f.seek(obj.offset(first))
            for index in range(first, last + 1):
                plain = obj.decrypt(index, _read_full(f, obj.sealed_size))
                base = index * obj.chunk_size
                yield plain[max(start - base, 0) : stop - base]
        finally:
            f.close()

    def object_info(self, sha256: str) -> tuple[int, bytes]:
        """The object's format version and the id of the key that wraps its data key
        (unchecked: what the header says)."""
        with self._open_object(sha256) as f:
            magic = f.read(len(MAGIC))
            f.seek(0)
            return (2 if magic == MAGIC_V2 else 1), _peek_key_id(f)

    def rewrap_to(
        self, sha256: str, new_key: StoreKey, target: BinaryIO, *, expected_ciphertext: str = ""
    ) -> tuple[str, str]:
        """Write the object, with its data key wrapped under ``new_key``, to ``target``; return
        the SHA-256 of the old and of the new object file.

        A v2 object gets a new header and its chunks copied byte for byte (nothing decrypted);
        a v1 object is decrypted, its plaintext re-hashed against its address, and written as v2
        (the address, SHA-256 of the plaintext, does not change). With ``expected_ciphertext``
        a v2 object whose file no longer has that SHA-256 is refused (IntegrityError), so a
        rotation never gives damaged bytes a fresh recorded digest.
        """
        new_hash = _HashWorker("sha256", fd=target.fileno())
        old_hash = _HashWorker("sha256")
        try:
            with self._open_object(sha256) as f:
                magic, header = _read_header(f)
                if magic == MAGIC_V2:
                    old_hash.feed(header)
                    key_id = header[_V2_IDENTITY:_V2_WRAPPED_AD]
                    obj = _open_v2(header, os.fstat(f.fileno()).st_size, self._keys_for(key_id))
                    new_hash.feed(_v2_header(obj.identity, new_key, obj.data_key))
                    while block := f.read(_COPY_BLOCK):
                        old_hash.feed(block)
                        new_hash.feed(block)
                else:
                    f.seek(0)
                    writer = _ObjectWriter(new_key)
                    new_hash.feed(writer.header)
                    plain_hash = _HashWorker("sha256")
                    try:
                        previous: bytes | None = None
                        # decrypt one chunk ahead: only then is the last one known
                        keys = self._keys_for(_peek_key_id(f))
                        for chunk in _decrypt_stream(f, keys, old_hash):
                            if previous is not None:
                                new_hash.feed(writer.encrypt(previous, final=False))
                            plain_hash.feed(chunk)
                            previous = chunk
                        new_hash.feed(writer.encrypt(previous or b"", final=True))
                        (plain,) = plain_hash.finish()
                    finally:
                        plain_hash.stop()
                    if plain != sha256:
                        raise IntegrityError(
                            f"object {sha256} decrypts to content with SHA-256 {plain}: it was"
                            " replaced"
                        )
            (old,) = old_hash.finish()
            (new,) = new_hash.finish()
        finally:
            old_hash.stop()
            new_hash.stop()
        if expected_ciphertext and old != expected_ciphertext:
            raise IntegrityError(
                f"object file of {sha256} has SHA-256 {old}, {expected_ciphertext} was recorded"
            )
        return old, new

    def replace_object(self, sha256: str, replacement: Path) -> None:
        """Put an fsynced replacement file (same plaintext, e.g. a re-wrapped key) at the
        object's address in one atomic rename, then make the rename durable."""
        final = self.path_for(sha256)
        os.chmod(replacement, 0o400)
        os.replace(replacement, final)
        _fsync_dir(final.parent)

    def read_to(self, sha256: str, out: BinaryIO) -> StoredObject:
        """Write the plaintext to ``out`` and return its digests; raise on any mismatch."""
        result: dict[str, str | int] = {}
        for chunk in self._plaintext(sha256, result, full=True):
            out.write(chunk)
        return StoredObject(
            sha256,
            str(result["sha512"]),
            int(result["size"]),
            str(result["ciphertext_sha256"]),
            created=False,
        )

    def verify(self, sha256: str) -> VerifyResult:
        """Decrypt and re-hash the object (needs the key); report problems instead of raising."""
        self._require_key()
        result: dict[str, str | int] = {}
        try:
            for _chunk in self._plaintext(sha256, result, full=True):
                pass
        except (IntegrityError, WrongKeyError, ObjectNotFoundError) as exc:
            return VerifyResult(sha256, ok=False, problem=str(exc))
        return VerifyResult(
            sha256,
            ok=True,
            sha512=str(result["sha512"]),
            size=int(result["size"]),
            ciphertext_sha256=str(result["ciphertext_sha256"]),
        )

    def verify_ciphertext(self, sha256: str, expected_ciphertext_sha256: str) -> VerifyResult:
        """Fixity without the key: compare the object file's SHA-256 with the recorded one."""
        path = self.path_for(sha256)
        if not path.is_file():
            return VerifyResult(sha256, ok=False, problem=f"no evidence object {sha256}")
        actual = _file_sha256(path)
        if actual != expected_ciphertext_sha256.lower():
            return VerifyResult(
                sha256,
                ok=False,
                problem=f"object file has SHA-256 {actual}, recorded {expected_ciphertext_sha256}",
                ciphertext_sha256=actual,
            )
        return VerifyResult(sha256, ok=True, ciphertext_sha256=actual)


def _slice(chunks: Iterator[bytes], start: int, stop: int) -> Iterator[bytes]:
    position = 0
    for chunk in chunks:
        end = position + len(chunk)
        if end > start and position < stop:
            yield chunk[max(start - position, 0) : stop - position]
        position = end
        if position >= stop:
            return


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
