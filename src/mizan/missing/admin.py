from django.contrib import admin

from mizan.core.admin_audit import AuditedModelAdmin
from mizan.missing.models import GraveDocument, SourceList


@admin.register(SourceList)
class SourceListAdmin(AuditedModelAdmin):
    list_display = ["name", "origin", "list_date", "reliability", "record_count", "sensitivity"]
    list_filter = ["origin", "reliability", "sensitivity"]
    search_fields = ["name"]


@admin.register(GraveDocument)
class GraveDocumentAdmin(AuditedModelAdmin):
    list_display = ["title", "site", "document_date", "persons_listed", "sensitivity"]
    raw_id_fields = ["site"]
