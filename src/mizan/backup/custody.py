"""Key custody: the store key, the signing key and the backup password split among trustees.

SLIP-39 (``shamir-mnemonic``, the Trezor reference implementation): each key is split into
``shares`` word lists of which any ``threshold`` recover it and fewer reveal nothing about it
(Shamir's scheme over GF(256), with a checksum per share so a mistyped word is caught). Every
trustee gets one page: their share of each key as words and as a QR code. Nothing but the PDFs
is written; print them, hand them over, delete the files.

A secret must be 16 bytes or more and of even length for SLIP-39: the 32-byte keys are; the
backup password is NUL-padded (a password never holds NUL) and the padding is stripped again.
"""

from __future__ import annotations

import base64
import io
import os
from dataclasses import dataclass
from pathlib import Path

import shamir_mnemonic
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mizan.backup.errors import BackupError

# The label on each share line, in the order of the page.
STORE, SIGNING, PASSWORD = "store-key", "signing-key", "backup-password"
LABELS = (STORE, SIGNING, PASSWORD)


@dataclass(frozen=True)
class Secrets:
    store_key: bytes
    signing_key: bytes  # raw 32-byte Ed25519 private key
    backup_password: str

    def as_bytes(self) -> dict[str, bytes]:
        password = self.backup_password.encode("utf-8")
        size = max(16, len(password) + len(password) % 2)
        return {
            STORE: self.store_key,
            SIGNING: self.signing_key,
            PASSWORD: password.ljust(size, b"\0"),
        }


def load_installation_secrets() -> Secrets:
    """Read the three secrets of this installation (never creating one)."""
    from django.conf import settings

    from mizan.backup.services import repository_password
    from mizan.evidence.store import StoreError, StoreKey

    try:
        store = StoreKey.load(Path(settings.EVIDENCE_KEY_FILE)).secret
    except (OSError, StoreError) as exc:
        raise BackupError(f"cannot read the store key: {exc}") from exc
    try:
        private = serialization.load_pem_private_key(
            Path(settings.SIGNING_KEY_FILE).read_bytes(), password=None
        )
    except (OSError, ValueError) as exc:
        raise BackupError(f"cannot read the signing key: {exc}") from exc
    assert isinstance(private, Ed25519PrivateKey)
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    return Secrets(store, raw, repository_password(create=False))


def split(secrets: Secrets, *, shares: int, threshold: int) -> list[dict[str, str]]:
    """One dict per trustee: label → that trustee's share of the key, as words."""
    if not 1 < threshold <= shares <= 16:
        raise BackupError("choose 2 ≤ threshold ≤ shares ≤ 16 (e.g. --shares 5 --threshold 3)")
    per_key = {
        label: shamir_mnemonic.generate_mnemonics(1, [(threshold, shares)], secret)[0]
        for label, secret in secrets.as_bytes().items()
    }
    return [{label: per_key[label][i] for label in LABELS} for i in range(shares)]


def recover(lines: list[str]) -> Secrets:
    """Combine share lines (``label: words``); fewer than the threshold recover nothing."""
    by_label: dict[str, list[str]] = {label: [] for label in LABELS}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        label, sep, words = line.partition(":")
        if not sep or label.strip() not in by_label:
            raise BackupError(
                f"a share line must start with one of {', '.join(LABELS)} and a colon:"
                f" {line[:40]!r}…"
            )
        by_label[label.strip()].append(" ".join(words.split()))
    recovered: dict[str, bytes] = {}
    for label, mnemonics in by_label.items():
        if not mnemonics:
            raise BackupError(f"no share of the {label} was given; nothing was recovered")
        try:
            recovered[label] = shamir_mnemonic.combine_mnemonics(mnemonics)
        except shamir_mnemonic.MnemonicError as exc:
            raise BackupError(
                f"the {label} cannot be recovered from these {len(mnemonics)} share(s): {exc}."
                " Nothing was recovered."
            ) from None
    return Secrets(
        recovered[STORE],
        recovered[SIGNING],
        recovered[PASSWORD].rstrip(b"\0").decode("utf-8"),
    )


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def write_key_files(secrets: Secrets, directory: Path) -> list[Path]:
    """The recovered keys as Mizan reads them: store.key, signing-key.pem, backup-password."""
    from mizan.evidence.store import StoreKey

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    targets = [directory / n for n in ("store.key", "signing-key.pem", "backup-password")]
    existing = [p for p in targets if p.exists()]
    if existing:
        raise BackupError(f"{existing[0]} already exists; nothing was written")
    StoreKey(secrets.store_key).save(targets[0])
    pem = Ed25519PrivateKey.from_private_bytes(secrets.signing_key).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_new(targets[1], pem)
    _write_new(targets[2], (secrets.backup_password + "\n").encode("utf-8"))
    return targets


def _qr_svg(text: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=4)
    out = io.BytesIO()
    image.save(out)
    svg = out.getvalue().decode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def share_pdfs(
    trustees: list[dict[str, str]], *, threshold: int, organisation: str, out: Path
) -> list[Path]:
    """One PDF per trustee (each on its own page), written into the new directory ``out``."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    if out.exists() and any(out.iterdir()):
        raise BackupError(f"{out} is not empty: give a new directory for the share pages")
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = []
    for number, shares in enumerate(trustees, start=1):
        keys = [
            {"label": label, "words": words, "qr": _qr_svg(f"{label}: {words}")}
            for label, words in shares.items()
        ]
        with translation.override("en"):
            html = render_to_string(
                "backup/share_page.html",
                {
                    "number": number,
                    "total": len(trustees),
                    "threshold": threshold,
                    "organisation": organisation,
                    "keys": keys,
                },
            )
        path = out / f"share-{number}-of-{len(trustees)}.pdf"
        _write_new(path, bytes(HTML(string=html).write_pdf()))
        written.append(path)
    return written
