"""Bidirectional isolation for values embedded in plain text (messages, PDFs, README files).

A Latin file name, a reference or an ISO date inside an Arabic sentence takes the sentence's
punctuation with it, or is reordered, unless it is isolated: FIRST STRONG ISOLATE (U+2068)
before it and POP DIRECTIONAL ISOLATE (U+2069) after it (Unicode Bidirectional Algorithm,
UAX #9). HTML pages use ``<bdi>``, which browsers treat the same way.
"""

from __future__ import annotations

FSI = "\u2068"
PDI = "\u2069"


def isolate(value: object) -> str:
    """``value`` as text between FSI and PDI; empty stays empty."""
    text = "" if value is None else str(value)
    return f"{FSI}{text}{PDI}" if text else ""
