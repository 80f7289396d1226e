from typing import Any

from django.contrib import admin

from mizan.cases import services
from mizan.cases.models import CaseFile, Command, Organisation
from mizan.core.admin_audit import AuditedModelAdmin, ServiceModelAdmin


class CommandInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Command
    raw_id_fields = ["commander"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(ServiceModelAdmin):
    """Units are edited here only: through the services, so the search key follows a rename."""

    list_display = ["name_ar", "name_en", "org_type", "parent", "sensitivity"]
    list_filter = ["org_type", "sensitivity"]
    search_fields = ["name_ar", "name_en", "search_key"]
    raw_id_fields = ["parent", "site"]
    inlines = [CommandInline]

    def service_create(self, request: Any, data: dict[str, Any], form: Any) -> Organisation:
        return services.organisation_create(actor=request.user, data=data)

    def service_update(
        self, request: Any, obj: Any, data: dict[str, Any], form: Any
    ) -> Organisation:
        return services.organisation_update(actor=request.user, unit=obj, data=data)


@admin.register(CaseFile)
class CaseFileAdmin(AuditedModelAdmin):
    list_display = ["reference", "title", "recipient", "status", "sensitivity", "team"]
    list_filter = ["status", "recipient", "sensitivity"]
    search_fields = ["reference", "title"]
    filter_horizontal = ["incidents", "persons", "sources"]
