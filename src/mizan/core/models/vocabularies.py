from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick


class TermQuerySet(models.QuerySet["Term"]):
    def of(self, vocabulary: str) -> TermQuerySet:
        return self.filter(vocabulary=vocabulary, active=True)


class Term(models.Model):
    """One entry of a bilingual controlled vocabulary (DESIGN decision 4).

    Vocabularies are data: seeded from ``core/fixtures/vocabularies.json`` and editable by
    administrators. Terms are deactivated rather than deleted once records point at them.
    """

    vocabulary = models.SlugField(_("vocabulary"), max_length=60)
    code = models.SlugField(_("code"), max_length=80)
    label_en = models.CharField(_("label (English)"), max_length=200)
    label_ar = models.CharField(_("label (Arabic)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader term"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    sort_order = models.IntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["vocabulary", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "code"], name="term_unique_code")
        ]
        verbose_name = _("vocabulary term")
        verbose_name_plural = _("vocabulary terms")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return pick(self.label_ar, self.label_en)

    def natural_key(self) -> tuple[str, str]:
        return (self.vocabulary, self.code)
