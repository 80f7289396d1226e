"""Neutralising the names of uploaded and ingested files.

A file name comes from outside (a browser, a USB stick, a WhatsApp export) and is later shown on
pages, written into packages and read by recipients' tools, so it must never carry a path, a
reference to a parent directory, control characters or bidi controls that reorder what a reader
sees (``evil\u202egpj.exe`` shows as ``evilexe.jpg``). Arabic and other letters are kept.

Only the last path component of what the sender gave is kept; the rules for one component are
those of the handover packages (:func:`mizan.evidence.package.safe_filename`), so a name that was
safe on ingest is the same name inside a package.
"""

from __future__ import annotations

from mizan.evidence.package import safe_filename as safe_component

FALLBACK = "unnamed"


def safe_filename(name: str) -> str:
    """The last path component of ``name`` with everything dangerous removed or replaced."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    return safe_component(base, fallback=FALLBACK)
