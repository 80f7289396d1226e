from importlib import import_module

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mizan.core.admin_audit import AuditedModelAdmin, audit_registered_admin
from mizan.core.models import Place, Team, Term
from mizan.core.third_party import relabel_app_list

admin.site.site_header = _("Mizan administration")
admin.site.site_title = _("Mizan")
admin.site.index_title = _("Administration")
_app_list = admin.site.get_app_list
admin.site.get_app_list = lambda request, app_label=None: relabel_app_list(  # type: ignore[method-assign]
    _app_list(request, app_label)
)


@admin.register(Term)
class TermAdmin(AuditedModelAdmin):
    list_display = ["vocabulary", "code", "label_ar", "label_en", "parent", "sort_order", "active"]
    list_filter = ["vocabulary", "active"]
    search_fields = ["code", "label_ar", "label_en"]
    list_editable = ["sort_order", "active"]
    ordering = ["vocabulary", "sort_order", "code"]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        # Terms are deactivated, not deleted: records keep pointing at them.
        return False


@admin.register(Place)
class PlaceAdmin(AuditedModelAdmin):
    list_display = ["code", "kind", "name_ar", "name_en", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name_ar", "name_en", "search_key"]
    raw_id_fields = ["parent"]


@admin.register(Team)
class TeamAdmin(AuditedModelAdmin):
    list_display = ["slug", "name_ar", "name_en"]
    search_fields = ["slug", "name_ar", "name_en"]


def _audit_third_party_admins() -> None:
    """Roles (groups), two-factor devices and sign-in lockouts are changed in the admin through
    other packages' admin classes: put those on the audit log too (their admin modules are
    imported here, so they are registered before this app's admin module ends)."""
    for module in (
        "django.contrib.auth.admin",
        "django_otp.plugins.otp_totp.admin",
        "django_otp.plugins.otp_static.admin",
        "axes.admin",
    ):
        import_module(module)
    for model in list(admin.site._registry):
        if model._meta.app_label in {"auth", "otp_totp", "otp_static", "axes"}:
            audit_registered_admin(admin.site, model)


_audit_third_party_admins()
