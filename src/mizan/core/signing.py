"""The organisation's Ed25519 signing key: created once, kept mode 0600, used to sign the audit
log's and the custody log's checkpoints and handover packages.

Pure Python on ``cryptography`` (no Django). Keys are PEM (PKCS#8 private, SubjectPublicKeyInfo
public) and signatures raw 64-byte Ed25519, so a recipient can check them with standard tools::

    openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin \\
        -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "SigningKey",
    "fingerprint",
    "load_public_pem",
    "verify_signature",
]


class SigningKey:
    """An Ed25519 private key with the helpers Mizan needs."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private

    @classmethod
    def load_or_create(cls, path: Path) -> SigningKey:
        """Load the key at ``path``; create it (mode 0600, atomically) when there is none."""
        if path.exists():
            mode = path.stat().st_mode & 0o777
            if mode & 0o077:
                raise PermissionError(
                    f"the signing key {path} is readable by others (mode {mode:o}); "
                    f"run: chmod 600 {path}"
                )
            return cls.load(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = cls(Ed25519PrivateKey.generate())
        pem = key._private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, pem)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)  # never overwrite a key another process created meanwhile
        except FileExistsError:
            os.unlink(tmp)
            return cls.load(path)
        os.unlink(tmp)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        return key

    @classmethod
    def load(cls, path: Path) -> SigningKey:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 private key")
        return cls(private)

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    @property
    def public_pem(self) -> bytes:
        return self._private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_pem)


def load_public_pem(pem: bytes) -> Ed25519PublicKey:
    public = serialization.load_pem_public_key(pem)
    if not isinstance(public, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return public


def verify_signature(public_pem: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid Ed25519 signature of ``data`` by that public key."""
    try:
        load_public_pem(public_pem).verify(signature, data)
    except (InvalidSignature, UnsupportedAlgorithm, ValueError, TypeError):
        return False
    return True


def fingerprint(public_pem: bytes) -> str:
    """SHA-256 of the DER public key, hex: what the organisation publishes so recipients can be
    sure a package's key is really theirs (``openssl pkey -pubin -in public-key.pem -outform DER |
    sha256sum`` prints the same)."""
    der = load_public_pem(public_pem).public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()
