from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.core.admin_audit import AuditedModelAdmin


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "email", "clearance", "is_active", "is_staff", "last_login"]
    list_filter = ["clearance", "is_active", "is_staff", "groups", "teams"]
    filter_horizontal = ["groups", "teams", "user_permissions"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Access to records"), {"fields": ("clearance", "teams", "preferred_language")}),
    )
