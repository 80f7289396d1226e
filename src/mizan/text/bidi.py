"""Bidirectional text: isolation for values embedded in plain text (messages, PDFs, README
files), and text copied in visual order read back in reading order (``visual_to_logical``).

A Latin file name, a reference or an ISO date inside an Arabic sentence takes the sentence's
punctuation with it, or is reordered, unless it is isolated: FIRST STRONG ISOLATE (U+2068)
before it and POP DIRECTIONAL ISOLATE (U+2069) after it (Unicode Bidirectional Algorithm,
UAX #9). HTML pages use ``<bdi>``, which browsers treat the same way.
"""

from __future__ import annotations

import re

FSI = "\u2068"
PDI = "\u2069"


def isolate(value: object) -> str:
    """``value`` as text between FSI and PDI; empty stays empty."""
    text = "" if value is None else str(value)
    return f"{FSI}{text}{PDI}" if text else ""


# What stays left to right inside a right-to-left line shown in visual order: digits and Latin
# letters («درعا 1970» is shown, and copied in visual order, as «1970 اعرد»).
_LEFT_TO_RIGHT_RUN = re.compile(r"[0-9A-Za-z\u0660-\u0669\u06f0-\u06f9]+")


def visual_to_logical(text: str) -> str:
    """Arabic text copied in visual order (a PDF's text layer without its reading order: the
    letters of «محمد» as «دمحم», the words of a line last first) put back in reading order.

    The characters are reversed, each run of digits or Latin letters kept as it reads. A
    ligature (``ﻻ``, lam-alef) is one character of the glyphs shown, and so keeps its own order:
    reverse before reading the glyphs as letters (``normalise.glyphs_as_letters``). Whether a
    text is in visual order at all is not told here (``mizan.linkage`` asks the lists' names).
    """
    reversed_text = text[::-1]
    return _LEFT_TO_RIGHT_RUN.sub(lambda match: match.group(0)[::-1], reversed_text)
