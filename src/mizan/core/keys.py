"""Where the organisation's signing key is loaded from: the one function every signer calls.

The key is a file outside the database (``MIZAN_SIGNING_KEY_FILE``, by default
``MIZAN_HOME/keys/signing-key.pem``, mode 0600), so a copy of the database alone cannot forge a
checkpoint. Whoever changes how the key is kept (wrapped, split, rotated) changes
:func:`get_signing_key` and nothing else: the audit log, the custody log and handover packages
all come through here.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings

from mizan.core.signing import SigningKey

__all__ = ["SigningKeyMissing", "get_signing_key", "signing_key_path"]

_lock = threading.Lock()
_cache: dict[str, SigningKey] = {}


class SigningKeyMissing(FileNotFoundError):
    """A read-only check needed the signing key and there is none: nothing was created."""


def signing_key_path() -> Path:
    return Path(settings.SIGNING_KEY_FILE)


def get_signing_key(*, create: bool = True) -> SigningKey:
    """The installation's signing key; created (0600) on first use unless ``create`` is False.

    Read-only commands (``mizan audit verify``, ``mizan evidence verify``) pass ``create=False``:
    a missing key then raises :class:`SigningKeyMissing` naming the path instead of a new key
    that would make every existing signature look forged.
    """
    path = signing_key_path()
    with _lock:
        key = _cache.get(str(path))
        if key is not None and path.exists():
            return key
        if not create and not path.exists():
            raise SigningKeyMissing(
                f"the signing key {path} is missing (MIZAN_SIGNING_KEY_FILE); restore it from"
                " the key backup — signatures cannot be checked without it"
            )
        key = _cache[str(path)] = SigningKey.load_or_create(path)
        return key
