from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _dashboard_card(request: Any) -> dict[str, Any] | None:
    """The library's card: for who may read the staff side of the library."""
    from django.urls import reverse

    from mizan.library.models import Document

    if not request.user.has_perm("library.view_document"):
        return None
    links = [{"label": _("Search the library"), "url": reverse("library:staff_search")}]
    if request.user.has_perm("library.add_document"):
        links.append({"label": _("Add a document"), "url": reverse("library:upload")})
    return {
        "key": "library",
        "title": _("Library"),
        "text": _("International documents, studies, testimonies and reports, in both languages."),
        "total": Document.objects.visible_to(request.user).count(),
        "links": links,
    }


class LibraryConfig(AppConfig):
    name = "mizan.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from mizan.core.audit_links import register_record_link

        register_record_link("library.document", "library:staff_detail")
        from mizan.core.dashboard import DashboardCard, register

        register(
            DashboardCard(
                key="library", template="core/module_card.html", order=40, context=_dashboard_card
            )
        )
        from django.db.models.signals import post_migrate

        from mizan.library import catalogue

        post_migrate.connect(catalogue.sync_after_migrate, sender=self)
