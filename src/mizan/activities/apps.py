from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "mizan.activities"
    label = "activities"
    verbose_name = _("Activities")

    def ready(self) -> None:
        from mizan.activities.selectors import dashboard_card
        from mizan.core.dashboard import DashboardCard, register

        register(
            DashboardCard(
                key="activities",
                template="activities/dashboard_card.html",
                order=60,
                context=dashboard_card,
            )
        )
