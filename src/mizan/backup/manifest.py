"""The backup manifest: what a backup holds, signed with the organisation's Ed25519 key.

The manifest is canonical JSON (sorted keys, no spaces) so its signature can be checked with
standard tools: ``openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin
-in manifest.json -sigfile manifest.json.sig``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mizan.evidence.signing import SigningKey, fingerprint, verify_signature

FORMAT = "mizan-backup-manifest-1"
MANIFEST, SIGNATURE, PUBLIC_KEY = "manifest.json", "manifest.json.sig", "public-key.pem"


def organisation_signing_key() -> SigningKey:
    """The one place the backup reaches for the signing key (issue 13 asks to keep it single:
    the generic signing code is moving to core/signing.py, re-point this call there)."""
    from mizan.evidence.services import get_signing_key

    return get_signing_key()


def canonical(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def write_signed(directory: Path, manifest: dict[str, Any]) -> str:
    """Write manifest.json, its raw Ed25519 signature and the public key; return the fingerprint."""
    key = organisation_signing_key()
    data = canonical(manifest)
    (directory / MANIFEST).write_bytes(data)
    (directory / SIGNATURE).write_bytes(key.sign(data))
    (directory / PUBLIC_KEY).write_bytes(key.public_pem)
    return key.fingerprint


@dataclass(frozen=True)
class Checked:
    manifest: dict[str, Any]
    fingerprint: str
    problems: list[str]


def check_signed(data: bytes, signature: bytes, public_pem: bytes) -> Checked:
    """Check a manifest's signature with the public key that came with it.

    That alone proves the manifest was not altered after signing by someone without the key;
    callers also compare the fingerprint with the installation's own key where there is one.
    """
    problems: list[str] = []
    try:
        manifest = json.loads(data)
    except ValueError:
        return Checked({}, "", ["the manifest is not valid JSON"])
    try:
        key_fingerprint = fingerprint(public_pem)
    except ValueError:
        return Checked(manifest, "", ["the public key stored with the manifest is not valid"])
    if not verify_signature(public_pem, data, signature):
        problems.append("the manifest's signature does not verify: it was altered or damaged")
    if manifest.get("format") != FORMAT:
        problems.append(f"unknown manifest format {manifest.get('format')!r}")
    return Checked(manifest, key_fingerprint, problems)
