"""What a handover package is made of: its format name, the files every package holds and where
they are, and the one error that building or opening a package raises.

Shared by the building side (:mod:`.plan`, :mod:`.build`) and the offline verifier
(:mod:`.verify`). Imports nothing.
"""

from __future__ import annotations

FORMAT = "mizan-handover-package/1"
ALGORITHMS = ("sha256", "sha512")
SIGNATURE_FILE = "tagmanifest-sha256.txt.sig"
SIGNED_FILE = "tagmanifest-sha256.txt"
PUBLIC_KEY_FILE = "public-key.pem"
README_FILE = "README.txt"
SUMMARY_PATH = "data/summary.json"
SUMMARY_PDF_PATH = "data/summary.pdf"
EVENTS_PATH = "data/custody-events.jsonl"
ITEMS_DIR = "data/items"
# Tag files every Mizan package lists in its signed tag manifest.
REQUIRED_TAG_FILES = (
    "bagit.txt",
    "bag-info.txt",
    "manifest-sha256.txt",
    "manifest-sha512.txt",
    PUBLIC_KEY_FILE,
    README_FILE,
)
BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"


class PackageError(Exception):
    """The package cannot be built as asked; nothing was written."""
