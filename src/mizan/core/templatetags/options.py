"""``{% options items selected %}``: the ``<option>`` elements of a filter's ``<select>``.

Why a tag: list pages offer every vocabulary term, governorate and unit as an option on every
request; a Django ``{% for %}`` loop with an ``{% if %}`` per option resolves several template
variables for each one and was most of the incident list's rendering time (issue 11). This tag
builds the same HTML in one Python loop, escaping every value and label. It renders only what
the view passed in — the view still chooses the items through the permission layer — so it
caches nothing and changes nothing about who sees what.

``value`` and ``label`` name an attribute of each item, or an index when items are pairs
(``Sensitivity.choices``: ``{% options sensitivities params.sensitivity 0 1 %}``). ``limit``
leaves out items whose value is above it (the sensitivity levels above the user's clearance).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _part(item: Any, key: str | int) -> Any:
    if isinstance(key, int):
        return item[key]
    return getattr(item, key)


@register.simple_tag
def options(
    items: Iterable[Any],
    selected: Any = "",
    value: str | int = "code",
    label: str | int = "label",
    limit: int | None = None,
) -> SafeString:
    chosen = "" if selected is None else str(selected)
    parts = []
    for item in items:
        raw = _part(item, value)
        if limit is not None and int(raw) > int(limit):
            continue
        text = str(raw)
        mark = " selected" if text == chosen and chosen != "" else ""
        parts.append(f'<option value="{escape(text)}"{mark}>{escape(_part(item, label))}</option>')
    return mark_safe("".join(parts))  # noqa: S308 - every value and label is escaped above
