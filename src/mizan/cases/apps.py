from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any]:
    from mizan.cases.models import Incident

    return {"total": Incident.objects.visible_to(request.user).count()}


class CasesConfig(AppConfig):
    name = "mizan.cases"
    label = "cases"
    verbose_name = _("Documentation")

    def ready(self) -> None:
        from mizan.core.audit_links import register_record_link

        register_record_link("cases.incident", "cases:incident_detail")
        register_record_link("cases.person", "cases:person_detail")
        register_record_link("cases.organisation", "cases:unit_detail")
        from mizan.core.dashboard import DashboardCard, register

        register(
            DashboardCard(
                key="cases",
                template="cases/dashboard_card.html",
                order=10,
                context=_dashboard_card,
            )
        )
