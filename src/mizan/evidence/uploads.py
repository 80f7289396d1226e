"""Resumable browser uploads that never write plaintext to disk.

The browser sends a file in chunks of at most ``EVIDENCE_UPLOAD_CHUNK_BYTES`` with each chunk's
SHA-256; the server checks the hash and the offset, encrypts the chunk at once with
XSalsa20-Poly1305 (libsodium's ``secretbox``) under a key derived from the store key and the
upload's random token (BLAKE2b keyed hashing, libsodium's KDF construction), and writes it as a
segment file (temporary name, fsync, rename). After a dropped connection the browser asks how
much arrived and continues from there. When the last chunk is in, the segments are decrypted in
sequence and streamed into the store as one item, then deleted.

Django's own multipart upload handling is not used for evidence: it spools files larger than
2.5 MB to a plaintext temporary file.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from nacl import bindings as sodium

from mizan.evidence.filenames import safe_filename
from mizan.evidence.models import Upload
from mizan.evidence.services import IngestResult, get_store, item_ingest
from mizan.evidence.services.custody import upload_segment_key, upload_segment_open
from mizan.evidence.services.ingest import OutOfReach
from mizan.evidence.store import StoreKey


class OffsetMismatch(ValidationError):
    def __init__(self, received: int) -> None:
        super().__init__(_("The upload continues from byte %(n)s.") % {"n": received})
        self.received = received


def _directory(upload: Upload) -> Path:
    return Path(settings.EVIDENCE_ROOT) / "uploads" / upload.token


def _key(upload: Upload) -> bytes:
    """The key new segments are sealed with: derived from the store key new objects go under."""
    return upload_segment_key(upload.token, get_store()._writer_key())


def _keys() -> list[StoreKey]:
    """Every store key a segment may be sealed under (two during a key rotation)."""
    store = get_store()
    return list(store._keys(reload=True).values())


def upload_start(*, user: Any, filename: str, size: int) -> Upload:
    name = safe_filename(filename)
    if size <= 0:
        raise ValidationError(_("“%(name)s” is empty: there is nothing to keep.") % {"name": name})
    limit = settings.EVIDENCE_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            _("“%(name)s” is larger than the %(limit)s GiB an upload may have.")
            % {"name": name, "limit": limit // 1024**3}
        )
    upload = Upload.objects.create(token=secrets.token_hex(24), user=user, filename=name, size=size)
    _directory(upload).mkdir(parents=True, mode=0o700)
    return upload


def upload_chunk(*, upload: Upload, offset: int, data: bytes, sha256: str) -> Upload:
    if upload.item_id is not None:
        raise ValidationError(_("This upload is already complete."))
    if offset != upload.received:
        raise OffsetMismatch(upload.received)
    if not data:
        raise ValidationError(_("The chunk is empty."))
    if len(data) > settings.EVIDENCE_UPLOAD_CHUNK_BYTES:
        raise ValidationError(_("The chunk is larger than allowed."))
    if upload.received + len(data) > upload.size:
        raise ValidationError(_("More data arrived than the file's announced size."))
    if hashlib.sha256(data).hexdigest() != sha256.lower():
        raise ValidationError(_("The chunk was damaged on the way; it will be sent again."))
    directory = _directory(upload)
    nonce = secrets.token_bytes(sodium.crypto_secretbox_NONCEBYTES)
    sealed = nonce + sodium.crypto_secretbox(data, nonce, _key(upload))
    final = directory / f"{upload.chunks:08d}.seg"
    tmp = directory / f"{upload.chunks:08d}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(sealed)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, final)
    with transaction.atomic():
        Upload.objects.filter(pk=upload.pk).update(
            received=upload.received + len(data), chunks=upload.chunks + 1
        )
    upload.refresh_from_db()
    return upload


class _SegmentReader(io.RawIOBase):
    """The upload's plaintext, decrypted segment by segment (one segment in memory at a time)."""

    def __init__(self, upload: Upload) -> None:
        self._paths = [_directory(upload) / f"{i:08d}.seg" for i in range(upload.chunks)]
        self._token = upload.token
        self._keys = _keys()
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer and self._paths:
            sealed = self._paths.pop(0).read_bytes()
            self._buffer = upload_segment_open(self._token, sealed, self._keys)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return n


def upload_complete(*, upload: Upload, actor: Any, **ingest: Any) -> IngestResult:
    if upload.received != upload.size:
        raise ValidationError(
            _("Only %(received)s of %(size)s bytes have arrived; the upload is not complete.")
            % {"received": upload.received, "size": upload.size}
        )
    stream = io.BufferedReader(_SegmentReader(upload), buffer_size=1024 * 1024)
    try:
        result = item_ingest(stream, filename=upload.filename, actor=actor, **ingest)
        # The same bytes as an item the uploader may not see: that item is not theirs to be
        # told of (its reference, its page) nor to link to; the upload is dropped.
        result.within_reach_of(actor)
    except OutOfReach:
        upload_discard(upload)
        raise
    Upload.objects.filter(pk=upload.pk).update(item=result.item)
    shutil.rmtree(_directory(upload), ignore_errors=True)
    return result


def uploads_forget_stale(days: int = 7) -> int:
    """Remove uploads nobody continued for ``days`` days (their encrypted segments too)."""
    from datetime import timedelta

    from django.utils import timezone

    stale = Upload.objects.filter(
        item__isnull=True, updated_at__lt=timezone.now() - timedelta(days=days)
    )
    count = 0
    for upload in stale:
        upload_discard(upload)
        count += 1
    return count


def upload_discard(upload: Upload) -> None:
    shutil.rmtree(_directory(upload), ignore_errors=True)
    upload.delete()
