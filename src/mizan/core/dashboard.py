"""Dashboard cards that the apps above ``core`` register, so ``core`` imports none of them.

The start page (``core.views.home``) shows the kernel's own cards (sites, places, audit log,
administration, account) and, before them, one card per app that registered one in its
``AppConfig.ready``::

    from mizan.core.dashboard import DashboardCard, register

    register(DashboardCard(key="cases", template="cases/dashboard_card.html", order=10,
                           context=lambda request: {"total": ...}))

The card's template is rendered inside the dashboard with the page's context plus ``card`` (the
dict its ``context`` returned). ``context`` takes the request and must count only what the user
may see (``visible_to``), as every count on the page does. A ``context`` that returns ``None``
hides the card: the user may not use that module. Cards list what needs the user's attention
(``card.attention``: label, count, link), which the start page also gathers as notifications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class DashboardCard:
    key: str
    template: str
    order: int = 100
    context: Callable[[HttpRequest], dict[str, Any] | None] = field(default=lambda request: {})


_cards: dict[str, DashboardCard] = {}


def register(card: DashboardCard) -> None:
    """Add (or replace, by ``key``: ``ready`` may run more than once in tests) an app's card."""
    _cards[card.key] = card


def cards_for(request: HttpRequest) -> list[dict[str, Any]]:
    """The registered cards in order, each as ``{"template": …, "card": context}``."""
    shown = []
    for card in sorted(_cards.values(), key=lambda c: (c.order, c.key)):
        context = card.context(request)
        if context is not None:
            shown.append({"template": card.template, "card": context})
    return shown


def notifications(cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Everything the cards say needs attention and is not zero, for the start page's top."""
    return [item for entry in cards for item in entry["card"].get("attention", []) if item["count"]]
