"""What the evidence locker gives the pages of ``cases`` (``mizan.cases.sections``): its section
of a case file's page, and the lookup of an item by reference (a consent's signed form).

The case-file page lists the items linked to the file that the user may see, the handovers
built from it (for those who hand evidence over), and offers to add or take out items; the
actions are views of this app (``views.case_file_items``).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mizan.evidence.models import Handover, Item


def item_for(user: Any, reference: str) -> Item | None:
    """The item ``reference`` if ``user`` may see it (a consent's proof is chosen this way)."""
    return Item.objects.visible_to(user).filter(reference=reference.strip()).first()


def section_context(request: HttpRequest, case_file: Any) -> dict[str, Any]:
    user = request.user
    if not user.has_perm("evidence.view_item"):
        return {"allowed": False}
    linked = Item.objects.filter(case_files=case_file)
    items = list(linked.visible_to(user).order_by("reference"))
    handovers: list[Handover] = []
    if user.has_perm("evidence.handover_items"):
        handovers = list(
            Handover.objects.filter(case_file=case_file).select_related("recipient")[:50]
        )
    return {
        "allowed": True,
        "items": items,
        "hidden_items": linked.count() - len(items),
        "handovers": handovers,
        "case_file": case_file,
    }
