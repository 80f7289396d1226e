from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.core.admin_audit import AuditedModelAdmin
from mizan.testimonies.models import Collection, Publication, Testimony


@admin.register(Collection)
class CollectionAdmin(AuditedModelAdmin):
    """Collections are public labels (no personal data): administrators keep them here."""

    list_display = ["slug", "title_ar", "title_en"]
    search_fields = ["slug", "title_ar", "title_en"]


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Testimonies and publications change only through their services (leak and consent
    checks, audit); the admin shows them, nothing more."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).visible_to(request.user)  # type: ignore[attr-defined]


@admin.register(Testimony)
class TestimonyAdmin(ReadOnlyAdmin):
    list_display = ["reference", "interview_date", "sensitivity", "team"]
    list_filter = ["sensitivity"]
    search_fields = ["reference"]
    # The interviewee's and interpreter's names are shown only through Mizan's own pages, which
    # respect each person's identity protection.
    exclude = ["circumstances", "summary", "interviewee", "interpreter"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "testimony", "kind", "state", "published_at", "withdrawn_at"]
    list_filter = ["state", "kind"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return admin.ModelAdmin.get_queryset(self, request).filter(
            testimony__in=Testimony.objects.visible_to(request.user)
        )
