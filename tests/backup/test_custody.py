"""mizan keys split / recover: any three of five shares recover the keys, two recover nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from mizan.backup.custody import LABELS, Secrets, recover, split
from mizan.backup.errors import BackupError
from tests.backup.conftest import Installation

SECRETS = Secrets(bytes(range(32)), bytes(range(32, 64)), "synthetic-password-ä")


def _lines(trustee: dict[str, str]) -> list[str]:
    return [f"{label}: {words}" for label, words in trustee.items()]


def test_any_three_of_five_shares_recover_every_key() -> None:
    trustees = split(SECRETS, shares=5, threshold=3)
    for chosen in ((0, 1, 2), (4, 2, 0), (1, 3, 4)):
        lines = [line for i in chosen for line in _lines(trustees[i])]
        assert recover(lines) == SECRETS


def test_two_shares_of_three_recover_nothing_and_say_so() -> None:
    trustees = split(SECRETS, shares=5, threshold=3)
    with pytest.raises(BackupError, match="cannot be recovered from these 2 share"):
        recover(_lines(trustees[0]) + _lines(trustees[3]))


def test_a_mistyped_word_is_caught_not_turned_into_a_wrong_key() -> None:
    trustees = split(SECRETS, shares=5, threshold=3)
    lines = [line for i in (0, 1, 2) for line in _lines(trustees[i])]
    words = lines[0].split()
    words[5] = "academic" if words[5] != "academic" else "acid"
    lines[0] = " ".join(words)
    with pytest.raises(BackupError, match="Nothing was recovered"):
        recover(lines)


def test_bad_parameters_are_refused() -> None:
    for shares, threshold in ((5, 1), (2, 3), (17, 3)):
        with pytest.raises(BackupError):
            split(SECRETS, shares=shares, threshold=threshold)


def _words(pdf: Path) -> list[str]:
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    lines = []
    for label in LABELS:
        match = re.search(rf"{label}:\s*(.*?)(?=\n\s*\n|{'|'.join(LABELS)}:|$)", text, re.S)
        assert match, text
        lines.append(f"{label}: {' '.join(match.group(1).split())}")
    return lines


def test_split_prints_one_page_per_trustee_and_recover_gives_the_keys_back(
    installation: Installation,
) -> None:
    out = installation.work / "shares"
    result = installation.mizan(
        "keys", "split", "--shares", "5", "--threshold", "3", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    pages = sorted(out.glob("share-*-of-5.pdf"))
    assert len(pages) == 5 and all(p.stat().st_mode & 0o077 == 0 for p in pages)

    two = installation.work / "two.txt"
    two.write_text("\n".join(_words(pages[0]) + _words(pages[4])))
    refused = installation.mizan(
        "keys", "recover", "--shares-file", str(two), "--out", str(installation.work / "k2")
    )
    assert refused.returncode == 1 and "Nothing was recovered" in refused.stderr
    assert not (installation.work / "k2").exists()

    three = installation.work / "three.txt"
    three.write_text("\n".join(_words(pages[1]) + _words(pages[3]) + _words(pages[4])))
    keys = installation.work / "recovered"
    recovered = installation.mizan(
        "keys", "recover", "--shares-file", str(three), "--out", str(keys)
    )
    assert recovered.returncode == 0, recovered.stderr
    store = (installation.home / "keys" / "store.key").read_bytes()
    assert (keys / "store.key").read_bytes() == store
    password = installation.env()["MIZAN_BACKUP_PASSWORD"]
    assert (keys / "backup-password").read_text() == password + "\n"
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    original = load_pem_private_key(
        (installation.home / "keys" / "signing-key.pem").read_bytes(), None
    )
    again = load_pem_private_key((keys / "signing-key.pem").read_bytes(), None)
    assert original.public_key().public_bytes_raw() == again.public_key().public_bytes_raw()  # type: ignore[union-attr]
