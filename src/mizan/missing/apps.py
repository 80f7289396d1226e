from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissingConfig(AppConfig):
    name = "mizan.missing"
    label = "missing"
    verbose_name = _("Registry of the missing")
