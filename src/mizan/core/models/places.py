from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.partial_dates import PartialDateField
from mizan.core.permissions import SensitiveModel
from mizan.text import normalise_for_search


class Place(models.Model):
    """An administrative place: country > governorate > district > sub-district > town.

    Codes follow the OCHA common operational datasets (P-codes) where one is known, so lists
    exchanged with humanitarian and UN bodies line up.
    """

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        GOVERNORATE = "governorate", _("Governorate")
        DISTRICT = "district", _("District")
        SUBDISTRICT = "subdistrict", _("Sub-district")
        TOWN = "town", _("Town or neighbourhood")

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    search_key = models.CharField(max_length=500, editable=False, db_index=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # The search key is derived data, not business logic: keep it in step with the names.
        self.search_key = normalise_for_search(f"{self.name_ar} {self.name_en} {self.code}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def name(self) -> str:
        return pick(self.name_ar, self.name_en)

    def ancestors(self) -> list[Place]:
        chain: list[Place] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))

    @property
    def governorate(self) -> Place | None:
        if self.kind == self.Kind.GOVERNORATE:
            return self
        return next((p for p in self.ancestors() if p.kind == self.Kind.GOVERNORATE), None)


class Site(SensitiveModel):
    """A typed site: detention facility, mass grave, archaeological site, property, …

    Sites are sensitive records: the location of an undisclosed mass grave is restricted.
    """

    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=300, blank=True)
    site_type = models.ForeignKey(
        "core.Term",
        verbose_name=_("type of site"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "site_type"},
    )
    facility_type = models.ForeignKey(
        "core.Term",
        verbose_name=_("type of facility"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "facility_type"},
    )
    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.PROTECT, related_name="sites"
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    in_use_from = PartialDateField(_("in use from"), blank=True, null=True)
    in_use_until = PartialDateField(_("in use until"), blank=True, null=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    search_key = models.CharField(max_length=700, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name_en", "name_ar"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(name_en="", name_ar=""), name="site_has_a_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_key = normalise_for_search(f"{self.name_ar} {self.name_en}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def name(self) -> str:
        return pick(self.name_ar, self.name_en)

    @property
    def description(self) -> str:
        return pick(self.description_ar, self.description_en)
