from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from mizan.core.admin_audit import AuditedModelAdmin
from mizan.library import services
from mizan.library.models import Document, DocumentRelation, DocumentVersion


class VersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = DocumentVersion
    fields = ("language", "original_name", "sha256", "size", "status", "message")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # files are added through the library's upload page or the import command


class RelationInline(admin.TabularInline):  # type: ignore[type-arg]
    model = DocumentRelation
    fk_name = "source"
    raw_id_fields = ["target"]
    extra = 0


@admin.register(Document)
class DocumentAdmin(AuditedModelAdmin):
    list_display = ["symbol", "title_ar", "title_en", "body", "doc_type", "date", "sensitivity"]
    list_filter = ["collection", "sensitivity", "doc_type", "body"]
    search_fields = ["symbol", "title_ar", "title_en"]
    filter_horizontal = ["topics"]
    exclude = ["year", "created_by"]
    inlines = [VersionInline, RelationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: models.Model, form: Any, change: bool) -> None:
        assert isinstance(obj, Document)
        obj.year = obj.date.year if obj.date else None
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.document_reindex(form.instance)
