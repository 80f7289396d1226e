from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceCounter(models.Model):
    """The last number given for one reference prefix (``INC-2026-``, ``EV-2026-`` …).

    Written only by ``mizan.core.writing.next_reference``, under a row lock, so two
    transactions never take the same number (``core/writing.py`` says how).
    """

    prefix = models.CharField(_("prefix"), max_length=40, primary_key=True)
    last = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")

    def __str__(self) -> str:
        return f"{self.prefix}{self.last}"
