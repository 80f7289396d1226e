"""How an uploaded file name becomes one safe path component: inside a handover package
(``data/items/<item id>/<name>``) and, through :mod:`mizan.evidence.filenames`, in the locker, so a
name that was safe on ingest is the same name inside a package. Imports nothing.
"""

from __future__ import annotations

import unicodedata

# --- file names -------------------------------------------------------------------------------

# Characters that separate paths somewhere (POSIX, Windows, old Mac), look like a separator, or
# are reserved on Windows; "%" because RFC 8493 percent-encodes it in manifests and bagit.py does
# not, so a name with "%0A" would read back as a line feed.
_REPLACED = frozenset('/\\:*?"<>|%') | frozenset("\u2215\u2044\u2216\uff0f\uff3c\u29f8\u29f9\ufe68")
# Control, format (bidi overrides and isolates, zero-width characters, BOM), surrogate, private
# use, unassigned code points and line/paragraph separators never belong in a name.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
)
MAX_NAME_BYTES = 150  # well under the 255-byte limit of common file systems, Arabic included


def safe_filename(name: str, *, fallback: str = "original") -> str:
    """Turn an uploaded file name into one safe path component, keeping its letters (Arabic too).

    Steps: Unicode NFC; drop control, bidi and other format characters; replace separators and
    Windows-reserved characters with ``_``; collapse white space; strip leading and trailing dots,
    spaces and dashes (no ``.``/``..``, no hidden file, no option-like name); prefix
    Windows device names (``CON``, ``LPT1`` …); cut to MAX_NAME_BYTES of UTF-8, keeping a short
    extension; ``fallback`` when nothing is left.
    """
    text = unicodedata.normalize("NFC", name)
    kept: list[str] = []
    for ch in text:
        if ch in _REPLACED:
            kept.append("_")
        elif ch.isspace():  # tabs and line breaks too: one space
            kept.append(" ")
        elif unicodedata.category(ch) in _DROPPED_CATEGORIES:
            continue
        else:
            kept.append(ch)
    cleaned = " ".join("".join(kept).split()).strip(" .-")
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or not stem or len(ext) > 16 or " " in ext:
        stem, ext = cleaned, ""
    if stem.split(".")[0].upper().rstrip() in _WINDOWS_RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if ext else ""
    budget = MAX_NAME_BYTES - len(suffix.encode())
    stem = stem.encode()[:budget].decode("utf-8", errors="ignore")
    stem = stem.rstrip(" ") if suffix else stem.rstrip(" .")
    result = unicodedata.normalize("NFC", stem + suffix) if stem else ""
    return result or fallback
