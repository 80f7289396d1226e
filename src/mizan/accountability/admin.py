"""Administration of the accountability tracker.

Agreements (memoranda of understanding) have their own pages (legal officers are not Django
staff); an administrator may also keep them here, audited.
Submissions and proceedings change only through their services (status order, reference checks,
audit), so the admin shows them — only those the administrator may see — and nothing more.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from mizan.accountability.models import Agreement, Proceeding, Submission
from mizan.core.admin_audit import AuditedModelAdmin


@admin.register(Agreement)
class AgreementAdmin(AuditedModelAdmin):
    list_display = ["title", "recipient", "signed_on", "valid_until", "sensitivity"]
    list_filter = ["recipient"]
    search_fields = ["title"]
    raw_id_fields = ["document"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).visible_to(request.user)  # type: ignore[attr-defined]


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).visible_to(request.user)  # type: ignore[attr-defined]


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "recipient", "status", "status_on", "due_on"]
    list_filter = ["status", "recipient"]
    search_fields = ["reference", "title", "recipient_reference"]
    exclude = ["case_files", "handovers", "acts", "items"]


@admin.register(Proceeding)
class ProceedingAdmin(ReadOnlyAdmin):
    list_display = ["case_name", "case_number", "jurisdiction", "stage", "opened_on"]
    list_filter = ["stage", "legal_basis"]
    search_fields = ["case_name", "case_number", "court"]
    exclude = ["accused", "units", "victims", "case_files", "submissions"]
