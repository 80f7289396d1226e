from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.core.bilingual import pick
from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import check_order
from mizan.core.permissions import effective_clearance, user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_consent_scopes, validate_no_bidi_controls
from mizan.text import clean_name


class BootstrapFormMixin:
    """Give every widget Bootstrap's class, so templates render fields with one include; a
    place picker shows each place's hierarchy and gets a search box (``place_picker``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # type: ignore[attr-defined]
            style_widget(field.widget)
            if getattr(getattr(field, "queryset", None), "model", None) is Place:
                place_picker(field)


class ConsentScopesField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Terms of the ``consent_scope`` vocabulary that say one thing
    (``validate_consent_scopes``: “Internal use only” never beside a wider scope; at least one
    where the field is required) — the family report's, the testimony consent's and the locker
    item's forms."""

    def clean(self, value: Any) -> Any:
        terms = super().clean(value)
        validate_consent_scopes((term.code for term in terms), required=self.required)
        return terms


def place_picker(field: forms.ModelChoiceField) -> None:  # type: ignore[type-arg]
    """Name each place by its path, "Governorate › District › Town (kind)", so the three
    «دمشق» (governorate, district, city) can be told apart, and mark the widget for the search
    box of static/mizan/place-picker.js. The places are read once per form, when it is shown."""
    rows: dict[int, tuple[int | None, str, str, str]] = {}
    kinds = dict(Place.Kind.choices)

    def label(place: Place) -> str:
        if not rows:
            for pk, parent, name_ar, name_en, kind in Place.objects.values_list(
                "pk", "parent_id", "name_ar", "name_en", "kind"
            ):
                rows[pk] = (parent, name_ar, name_en, kind)
        chain: list[str] = []
        node: int | None = place.pk
        while node is not None and node in rows:
            parent_id, name_ar, name_en, kind = rows[node]
            if kind != Place.Kind.COUNTRY:
                chain.append(pick(name_ar, name_en))
            node = parent_id
        path = " › ".join(reversed(chain)) or place.name
        return f"{path} ({kinds.get(place.kind, place.kind)})"

    field.label_from_instance = label  # type: ignore[method-assign,assignment]
    field.widget.attrs["data-place-picker"] = "1"
    field.widget.attrs["data-search-label"] = str(_("Search places"))


def style_widget(widget: forms.Widget) -> None:
    if isinstance(widget, forms.MultiWidget):
        for sub in widget.widgets:
            style_widget(sub)
        return
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select):
        css = "form-select"
    else:
        css = "form-control"
    existing = widget.attrs.get("class", "")
    if css not in existing.split():
        widget.attrs["class"] = f"{existing} {css}".strip()


def limit_protection(form: forms.BaseForm, actor: Any) -> None:
    """Nobody may file a record at a level or in a team they could not read back: the form's
    ``sensitivity`` offers the levels up to the actor's clearance, ``team`` the actor's teams."""
    clearance = effective_clearance(actor)
    form.fields["sensitivity"].choices = [  # type: ignore[attr-defined]
        (value, label) for value, label in Sensitivity.choices if value <= clearance
    ]
    teams = Team.objects.all()
    if not actor.is_superuser:
        teams = teams.filter(pk__in=user_team_ids(actor))
    form.fields["team"].queryset = teams  # type: ignore[attr-defined]


class SiteForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Site
        fields = [
            "name_ar",
            "name_en",
            "site_type",
            "facility_type",
            "place",
            "latitude",
            "longitude",
            "in_use_from",
            "in_use_until",
            "description_ar",
            "description_en",
            "sensitivity",
            "team",
        ]
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "description_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 4}),
            "description_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 4}),
            "latitude": forms.NumberInput(attrs={"dir": "ltr", "step": "0.000001"}),
            "longitude": forms.NumberInput(attrs={"dir": "ltr", "step": "0.000001"}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["site_type"].queryset = Term.objects.of("site_type")  # type: ignore[attr-defined]
        self.fields["facility_type"].queryset = Term.objects.of("facility_type")  # type: ignore[attr-defined]
        self.fields["place"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)  # type: ignore[attr-defined]
        limit_protection(self, actor)
        for name in ("name_ar", "name_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean_name_ar(self) -> str:
        return clean_name(self.cleaned_data["name_ar"])

    def clean_name_en(self) -> str:
        return clean_name(self.cleaned_data["name_en"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name_ar") and not data.get("name_en") and not self.has_error("name_ar"):
            self.add_error("name_ar", _("Give the site a name in Arabic or English."))
        if not check_order(data.get("in_use_from"), data.get("in_use_until")):
            self.add_error("in_use_until", _("The end of use is before its start."))
        site_type = data.get("site_type")
        if data.get("facility_type") and site_type and site_type.code != "detention_facility":
            self.add_error(
                "facility_type", _("A type of facility applies only to detention facilities.")
            )
        return data
