"""Sections of a case file's page that the apps above ``cases`` register.

A case file holds incidents and persons (``cases``) but also evidence items, handovers
(``evidence``) and testimonies (``testimonies``), which sit above ``cases`` in the import layers
(pyproject.toml), so the case-file page cannot import them. Each of those apps registers a
section in its ``AppConfig.ready``, as the start page's cards do (``core.dashboard``)::

    from mizan.cases.sections import CaseFileSection, register

    register(CaseFileSection(key="evidence", template="evidence/case_file_section.html",
                             order=10, context=lambda request, case_file: {...}))

``context`` takes the request and the case file and must return only what the user may see
(``visible_to``); the template is rendered inside the case-file page with ``section`` (that
dict) and the page's context. The actions of a section (add, remove) are views of its own app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class CaseFileSection:
    key: str
    template: str
    order: int = 100
    context: Callable[[HttpRequest, Any], dict[str, Any]] = field(
        default=lambda request, case_file: {}
    )


_sections: dict[str, CaseFileSection] = {}


def register(section: CaseFileSection) -> None:
    """Add (or replace, by ``key``: ``ready`` may run more than once in tests) a section."""
    _sections[section.key] = section


def sections_for(request: HttpRequest, case_file: Any) -> list[dict[str, Any]]:
    """The registered sections in order, each as ``{"template": …, "section": context}``."""
    return [
        {"template": s.template, "section": s.context(request, case_file)}
        for s in sorted(_sections.values(), key=lambda s: (s.order, s.key))
    ]


# The evidence locker's items, as cases may reach them: a consent's signed form is a locker item
# (``Consent.proof``), chosen by its reference. The evidence app registers the lookup (through
# its permission layer) in its ``ready``; without it no proof can be chosen.
_locker_lookup: list[Callable[[Any, str], Any]] = []


def register_locker_lookup(lookup: Callable[[Any, str], Any]) -> None:
    """``lookup(user, reference)`` returns the item the user may see, or ``None``."""
    _locker_lookup[:] = [lookup]


def locker_item(user: Any, reference: str) -> Any:
    """The locker item with ``reference`` that ``user`` may see, or ``None``."""
    return _locker_lookup[0](user, reference) if _locker_lookup and reference else None
