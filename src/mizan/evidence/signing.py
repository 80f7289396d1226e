"""The organisation's Ed25519 signing key, as the evidence locker and packages use it.

The code lives in :mod:`mizan.core.signing` because the audit log (core) signs its checkpoints
with the same key and core may not import evidence. This module keeps the names that handover
packages and ``mizan verify-package`` import; like the core module it imports no Django.
"""

from mizan.core.signing import SigningKey, fingerprint, load_public_pem, verify_signature

__all__ = ["SigningKey", "fingerprint", "load_public_pem", "verify_signature"]
