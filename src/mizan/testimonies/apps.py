from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any] | None:
    """The testimonies' card: testimonies and those without an active consent."""
    from django.urls import reverse

    from mizan.testimonies.models import Testimony

    user = request.user
    if not user.has_perm("testimonies.view_testimony"):
        return None
    testimonies = Testimony.objects.visible_to(user)
    return {
        "key": "testimonies",
        "title": _("Testimonies"),
        "text": _("Interviews, their consent, transcripts and publication."),
        "total": testimonies.count(),
        "attention": [
            {
                "label": _("Testimonies without an active consent"),
                "count": testimonies.exclude(consents__withdrawn_at__isnull=True).count(),
                "url": reverse("testimonies:staff_list"),
            }
        ],
        "links": [{"label": _("Open testimonies"), "url": reverse("testimonies:staff_list")}],
    }


class TestimoniesConfig(AppConfig):
    name = "mizan.testimonies"
    label = "testimonies"
    verbose_name = _("Testimonies")

    def ready(self) -> None:
        from mizan.cases import sections
        from mizan.core import dashboard
        from mizan.core.audit_links import register_record_link
        from mizan.testimonies.case_files import section_context

        sections.register(
            sections.CaseFileSection(
                key="testimonies",
                template="testimonies/case_file_section.html",
                order=20,
                context=section_context,
            )
        )
        register_record_link("testimonies.testimony", "testimonies:detail")
        dashboard.register(
            dashboard.DashboardCard(
                key="testimonies",
                template="core/module_card.html",
                order=35,
                context=_dashboard_card,
            )
        )
