from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "mizan.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from mizan.library import catalogue

        post_migrate.connect(catalogue.sync_after_migrate, sender=self)
