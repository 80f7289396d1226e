from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import User
from mizan.accounts.roles import role_label
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


def _role(group: Group) -> str:
    return role_label(group.name)


_role.short_description = _("Role")  # type: ignore[attr-defined]


class RoleGroupAdmin(AuditedModelAdmin, DjangoGroupAdmin):
    """Roles are groups named by their code (legal_officer…): the list shows the role's name
    in the interface's language beside it."""

    list_display = [_role, "name"]


admin.site.unregister(Group)
admin.site.register(Group, RoleGroupAdmin)
