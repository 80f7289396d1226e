from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick


class Team(models.Model):
    """A case team: records limited to a team are seen only by its members."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("case team")
        verbose_name_plural = _("case teams")

    def __str__(self) -> str:
        return pick(self.name_ar, self.name_en)
