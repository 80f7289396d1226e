from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mizan.core"
    label = "core"
    verbose_name = _("Shared records")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from mizan.core import reference_data

        post_migrate.connect(reference_data.sync_after_migrate, sender=self)

        from mizan.core.audit_links import register_record_link

        register_record_link("core.site", "core:site_detail")
