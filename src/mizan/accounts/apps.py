from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "mizan.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from mizan.accounts import roles, signals  # noqa: F401  (connects the sign-in audit)

        post_migrate.connect(roles.sync_role_permissions, dispatch_uid="mizan-roles")
