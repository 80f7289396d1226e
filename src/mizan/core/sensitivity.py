"""Sensitivity levels (DESIGN decision 6), ordered so that a clearance is a simple comparison."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sensitivity(models.IntegerChoices):
    PUBLIC = 0, _("Public")
    INTERNAL = 1, _("Internal")
    CONFIDENTIAL = 2, _("Confidential")
    RESTRICTED = 3, _("Restricted")

    @classmethod
    def from_name(cls, name: str) -> "Sensitivity":
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown sensitivity {name!r}; expected public, internal, confidential or "
                "restricted"
            ) from None
