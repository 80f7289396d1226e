"""Bidirectional text for output that has no ``<bdi>``: PDFs and plain text.

``{{ value|isolate }}`` wraps a value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
(U+2068 … U+2069, Unicode Bidirectional Algorithm, UAX #9), so a Latin file name, an ISO date
or a reference inside an Arabic sentence keeps its own order and does not drag the sentence's
punctuation with it. HTML pages use ``<bdi>`` instead, which browsers treat the same way.
"""

from __future__ import annotations

from typing import Any

from django import template

from mizan.text.bidi import isolate as isolated

register = template.Library()


@register.filter
def isolate(value: Any) -> str:
    """The value between FSI and PDI (autoescaping still applies to it)."""
    return isolated(value)
