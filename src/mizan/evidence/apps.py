from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any] | None:
    """The locker's card: items, failed fixity checks and, for who hands over, recent packages."""
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from mizan.evidence.models import Handover, Item

    user = request.user
    if not user.has_perm("evidence.view_item"):
        return None
    items = Item.objects.visible_to(user)
    attention = [
        {
            "label": _("Items that failed their last fixity check"),
            "count": items.filter(last_fixity_ok=False).count(),
            "url": reverse("evidence:item_list"),
        }
    ]
    links = [{"label": _("Open the locker"), "url": reverse("evidence:item_list")}]
    if user.has_perm("evidence.handover_items"):
        attention.append(
            {
                "label": _("Handover packages ready in the last 7 days"),
                "count": Handover.objects.filter(
                    created_at__gte=timezone.now() - timedelta(days=7)
                ).count(),
                "url": reverse("evidence:handover_list"),
            }
        )
        links.append({"label": _("Handovers"), "url": reverse("evidence:handover_list")})
    return {
        "key": "evidence",
        "title": _("Evidence locker"),
        "text": _("Originals kept encrypted and unaltered, with their chain of custody."),
        "total": items.count(),
        "attention": attention,
        "links": links,
    }


class EvidenceConfig(AppConfig):
    name = "mizan.evidence"
    label = "evidence"
    verbose_name = _("Evidence locker")

    def ready(self) -> None:
        from mizan.cases import sections
        from mizan.core import dashboard
        from mizan.evidence.case_files import item_for, section_context

        sections.register(
            sections.CaseFileSection(
                key="evidence",
                template="evidence/case_file_section.html",
                order=10,
                context=section_context,
            )
        )
        sections.register_locker_lookup(item_for)
        dashboard.register(
            dashboard.DashboardCard(
                key="evidence", template="core/module_card.html", order=20, context=_dashboard_card
            )
        )
