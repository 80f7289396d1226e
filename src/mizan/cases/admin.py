from django.contrib import admin

from mizan.cases.models import CaseFile, Command, Organisation
from mizan.core.admin_audit import AuditedModelAdmin


class CommandInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Command
    raw_id_fields = ["commander"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(AuditedModelAdmin):
    list_display = ["name_ar", "name_en", "org_type", "parent", "sensitivity"]
    list_filter = ["org_type", "sensitivity"]
    search_fields = ["name_ar", "name_en", "search_key"]
    raw_id_fields = ["parent", "site"]
    inlines = [CommandInline]


@admin.register(CaseFile)
class CaseFileAdmin(AuditedModelAdmin):
    list_display = ["reference", "title", "recipient", "status", "sensitivity", "team"]
    list_filter = ["status", "recipient", "sensitivity"]
    search_fields = ["reference", "title"]
    filter_horizontal = ["incidents", "persons", "sources"]
