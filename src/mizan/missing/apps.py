from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any] | None:
    """The registry's card: files and, for who may decide them, the pairs waiting for review."""
    from django.urls import reverse

    from mizan.missing.review import queue
    from mizan.missing.selectors import registry_visible_to

    user = request.user
    if not user.has_perm("missing.view_missingperson"):
        return None
    attention = []
    links = [{"label": _("Open the registry"), "url": reverse("missing:registry_list")}]
    if user.has_perm("missing.change_missingperson"):
        attention.append(
            {
                "label": _("Pairs of records waiting for review"),
                "count": queue(user).count(),
                "url": reverse("missing:review_queue"),
            }
        )
        links.append({"label": _("Review pairs"), "url": reverse("missing:review_queue")})
    return {
        "key": "missing",
        "title": _("Registry of the missing"),
        "text": _("The missing and their families, the lists they appear on, and matches."),
        "total": registry_visible_to(user).count(),
        "attention": attention,
        "links": links,
    }


class MissingConfig(AppConfig):
    name = "mizan.missing"
    label = "missing"
    verbose_name = _("Registry of the missing")

    def ready(self) -> None:
        from mizan.core.audit_links import register_record_link

        register_record_link("missing.missingperson", "missing:file_detail")
        from mizan.core.dashboard import DashboardCard, register

        register(
            DashboardCard(
                key="missing", template="core/module_card.html", order=30, context=_dashboard_card
            )
        )
