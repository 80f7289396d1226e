from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from mizan.core.admin_audit import ServiceModelAdmin
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


class DocumentAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    def clean_symbol(self) -> str:
        symbol: str = self.cleaned_data.get("symbol", "")
        if "symbol" in self.changed_data:
            try:
                services.symbol_check(symbol, document=self.instance)
            except forms.ValidationError as exc:
                raise forms.ValidationError(exc.message_dict["symbol"]) from exc
        return symbol


@admin.register(Document)
class DocumentAdmin(ServiceModelAdmin):
    """Saved through the library's services: the year, the search index and the refusal of a
    symbol another document has are the same as on the library's own edit page."""

    form = DocumentAdminForm
    list_display = ["symbol", "title_ar", "title_en", "body", "doc_type", "date", "sensitivity"]
    list_filter = ["collection", "sensitivity", "doc_type", "body"]
    search_fields = ["symbol", "title_ar", "title_en"]
    filter_horizontal = ["topics"]
    exclude = ["year", "created_by"]
    inlines = [VersionInline, RelationInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def service_create(self, request: HttpRequest, data: dict[str, Any], form: Any) -> Document:
        return services.document_create(
            actor=request.user, data=data, topics=form.cleaned_data.get("topics") or ()
        )

    def service_update(
        self, request: HttpRequest, obj: Any, data: dict[str, Any], form: Any
    ) -> Document:
        return services.document_update(
            actor=request.user, document=obj, data=data, topics=form.cleaned_data.get("topics")
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.document_reindex(form.instance)
