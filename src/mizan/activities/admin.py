from django.contrib import admin

from mizan.activities.models import Indicator, Project
from mizan.core.admin_audit import AuditedModelAdmin


class IndicatorInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Indicator
    extra = 0


@admin.register(Project)
class ProjectAdmin(AuditedModelAdmin):
    """Projects, their donor and their indicators hold no personal data; programme staff keep
    them on their own pages (/activities/staff/projects/), an administrator may also keep them
    here. Activities change only through their pages and services (counts and lists)."""

    list_display = ["code", "title_en", "title_ar", "donor", "starts_on", "ends_on"]
    search_fields = ["code", "title_ar", "title_en"]
    inlines = [IndicatorInline]
