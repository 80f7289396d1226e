"""Neutralising the names of uploaded and ingested files.

A file name comes from outside (a browser, a USB stick, a WhatsApp export) and is later shown on
pages, written into packages and read by recipients' tools, so it must never carry a path, a
reference to a parent directory, control characters or bidi controls that reorder what a reader
sees (``evil\u202egpj.exe`` shows as ``evilexe.jpg``). Arabic and other letters are kept.
"""

from __future__ import annotations

import unicodedata

from mizan.text.normalise import strip_bidi_controls

MAX_LENGTH = 200
FALLBACK = "unnamed"


def safe_filename(name: str) -> str:
    """The last path component of ``name`` with everything dangerous removed or replaced."""
    name = unicodedata.normalize("NFC", strip_bidi_controls(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        "_" if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"} else ch
        for ch in name
    )
    name = " ".join(name.split())  # no leading/trailing or repeated whitespace
    name = name.lstrip(".") or FALLBACK  # no "..", no hidden files
    if name in {"", ".", ".."}:
        name = FALLBACK
    if len(name) > MAX_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 16:
            name = stem[: MAX_LENGTH - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_LENGTH]
    return name
