from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any]:
    from mizan.accountability import selectors

    if not request.user.has_perm("accountability.view_submission"):
        return {"hidden": True}
    return {"reminders": selectors.reminders_for(request.user)[:8]}


class AccountabilityConfig(AppConfig):
    name = "mizan.accountability"
    label = "accountability"
    verbose_name = _("Accountability")

    def ready(self) -> None:
        from mizan.core.dashboard import DashboardCard, register

        register(
            DashboardCard(
                key="accountability",
                template="accountability/dashboard_card.html",
                order=15,
                context=_dashboard_card,
            )
        )
