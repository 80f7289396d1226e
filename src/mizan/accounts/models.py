from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.sensitivity import Sensitivity


class User(AbstractUser):
    """A person who works in Mizan.

    What they may *do* comes from their role (a Django group with permissions, see
    :mod:`mizan.accounts.roles`); what they may *see* comes from their clearance and case teams
    (:mod:`mizan.core.permissions`).
    """

    clearance = models.PositiveSmallIntegerField(
        _("clearance"),
        choices=Sensitivity.choices,
        default=Sensitivity.INTERNAL,
        help_text=_("The most sensitive level of record this person may see."),
    )
    teams = models.ManyToManyField(
        "core.Team", verbose_name=_("case teams"), blank=True, related_name="members"
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[("ar", _("Arabic")), ("en", _("English"))],
        default="ar",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def role_names(self) -> list[str]:
        from mizan.accounts.roles import role_label

        return [role_label(g.name) for g in self.groups.all()]
