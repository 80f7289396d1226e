"""Timestamps kept as ISO 8601 text (custody events, hash-chained exactly as written) shown like
every other time on a page: ``{{ event.at|moment|date:"Y-m-d H:i" }}`` is in the local time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

register = template.Library()


@register.filter(expects_localtime=False)
def moment(value: Any) -> datetime | str:
    """The aware datetime of an ISO 8601 string (``Z`` accepted); the text itself otherwise."""
    if isinstance(value, datetime):
        return value
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    return parsed if parsed.tzinfo is not None else str(value)
