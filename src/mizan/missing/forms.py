"""Forms of the registry. They validate only; writes go through ``mizan.missing.services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.cases.forms import PersonNameMixin, sensitivity_choices, term_choices
from mizan.core.forms import BootstrapFormMixin, ConsentScopesField
from mizan.core.models import Place, Site, Team, Term
from mizan.core.partial_dates import PartialDateFormField
from mizan.core.permissions import person_name_for, user_team_ids
from mizan.core.validators import (
    CONSENT_SCOPE_MISSING,
    INTERNAL_USE_SCOPE,
    validate_no_bidi_controls,
)
from mizan.missing.models import (
    FamilyContact,
    GraveDocument,
    MissingPerson,
    Relative,
    SourceList,
    Status,
)
from mizan.missing.selectors import relatives_visible_to, source_lists_visible_to

SEX_CHOICES = [("", "—"), ("male", _("Male")), ("female", _("Female"))]


def _teams(actor: Any) -> Any:
    teams = Team.objects.all()
    if not actor.is_superuser:
        teams = teams.filter(pk__in=user_team_ids(actor))
    return teams


def _places() -> Any:
    return Place.objects.exclude(kind=Place.Kind.COUNTRY).order_by("code")


class MissingPersonForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """The file's own fields (the person's names are edited on the person's page)."""

    class Meta:
        model = MissingPerson
        fields = ["disappeared_on", "disappeared_at", "circumstances", "sensitivity", "team"]
        widgets = {"circumstances": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["disappeared_at"].queryset = _places()  # type: ignore[attr-defined]
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        self.fields["team"].queryset = _teams(actor)  # type: ignore[attr-defined]


class NewMissingPersonForm(PersonNameMixin, MissingPersonForm):
    """A new file for a person typed anew (or for the person given in the address)."""

    sex = forms.ChoiceField(label=_("Sex"), choices=SEX_CHOICES, required=False)
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900)
    mother_name_ar = forms.CharField(
        label=_("Mother's name (Arabic)"),
        max_length=100,
        required=False,
        validators=[validate_no_bidi_controls],
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
    )
    national_id = forms.CharField(label=_("National ID number"), max_length=50, required=False)
    source_description = forms.CharField(
        label=_("Who reported the disappearance"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    field_order = [
        "name_ar",
        "name_lat",
        "mother_name_ar",
        "sex",
        "birth_year",
        "national_id",
        "disappeared_on",
        "disappeared_at",
        "circumstances",
        "source_description",
        "sensitivity",
        "team",
    ]

    def __init__(self, *args: Any, actor: Any, has_person: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, actor=actor, **kwargs)
        self.has_chosen_person = has_person
        if has_person:
            for name in (
                "name_ar",
                "name_lat",
                "mother_name_ar",
                "sex",
                "birth_year",
                "national_id",
            ):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_chosen_person and not (data.get("name_ar") or data.get("name_lat")):
            self.add_error("name_ar", _("Type the name in Arabic or in Latin letters."))
        year = data.get("birth_year")
        if year and year > timezone.now().year:
            self.add_error("birth_year", _("The year cannot be in the future."))
        return data


class StatusChangeForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    date = PartialDateFormField(label=_("Date"), required=False)
    facility = forms.ModelChoiceField(
        label=_("Detention facility"), queryset=Site.objects.none(), required=False
    )
    source_description = forms.CharField(
        label=_("Source of the information"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Who or what says so: a released detainee, a document, an official answer."),
    )
    source_list = forms.ModelChoiceField(
        label=_("Source list"), queryset=SourceList.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = (  # type: ignore[attr-defined]
            Site.objects.visible_to(actor)
            .filter(site_type__code="detention_facility")
            .order_by("name_en", "name_ar")
        )
        self.fields["source_list"].queryset = source_lists_visible_to(actor)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("facility") and data.get("status") != Status.DETAINED:
            self.add_error(
                "facility", _("A detention facility goes with the status “known detained”.")
            )
        return data


class RelativeForm(BootstrapFormMixin, PersonNameMixin):
    relationship = forms.ChoiceField(label=_("Relationship"), choices=())
    phone = forms.CharField(label=_("Phone"), max_length=60, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    contact_notes = forms.CharField(
        label=_("How and when to contact"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contact_sensitivity = forms.TypedChoiceField(
        label=_("Who may see the contact details"), coerce=int, choices=()
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = term_choices("relationship")  # type: ignore[attr-defined]
        # The contact details are at least confidential: a family inside Syria can be found
        # through a phone number.
        self.fields["contact_sensitivity"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in sensitivity_choices(actor) if value >= 2
        ]
        for name in ("phone", "email", "address"):
            self.fields[name].widget.attrs["dir"] = "ltr" if name != "address" else "auto"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.has_person():
            self.add_error("name_ar", _("Type the name in Arabic or in Latin letters."))
        return data

    def contact(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data.get(name) or ""
            for name in ("phone", "email", "address", "contact_notes")
        } | {"contact_sensitivity": self.cleaned_data["contact_sensitivity"]}


class RelativeChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A relative of the file, named as the user may see the name."""

    actor: Any = None

    def label_from_instance(self, obj: Relative) -> str:
        return f"{person_name_for(obj.person, self.actor)} — {obj.relationship.label}"


def _relatives(form: forms.Form, name: str, missing_person: MissingPerson, actor: Any) -> None:
    field = form.fields[name]
    field.queryset = relatives_visible_to(actor).filter(missing_person=missing_person)  # type: ignore[attr-defined]
    field.actor = actor  # type: ignore[attr-defined]


class RelativeContactForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A relative's contact details (the name is edited on the person's page)."""

    class Meta:
        model = Relative
        fields = ["phone", "email", "address", "contact_notes", "contact_sensitivity"]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
            "contact_notes": forms.Textarea(attrs={"rows": 2}),
            "phone": forms.TextInput(attrs={"dir": "ltr"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_sensitivity"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in sensitivity_choices(actor) if value >= 2
        ]


class FamilyReportForm(BootstrapFormMixin, forms.Form):
    reported_by = RelativeChoiceField(
        label=_("Reported by"), queryset=Relative.objects.none(), required=False
    )
    reported_on = PartialDateFormField(label=_("Reported on"), required=False)
    consent_scopes = ConsentScopesField(
        label=_("The family allows sharing with"),
        queryset=Term.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick each one the family agreed to; “Internal use only” if nothing more."),
        error_messages={"required": CONSENT_SCOPE_MISSING},
    )
    account = forms.CharField(
        label=_("What the family told us"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, missing_person: MissingPerson, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _relatives(self, "reported_by", missing_person, actor)
        scopes = self.fields["consent_scopes"]
        scopes.queryset = Term.objects.of("consent_scope")  # type: ignore[attr-defined]
        scopes.initial = list(scopes.queryset.filter(code=INTERNAL_USE_SCOPE))  # type: ignore[attr-defined]
        scopes.widget.attrs["class"] = ""


class FamilyContactForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FamilyContact.Kind.choices)
    relative = RelativeChoiceField(
        label=_("With"), queryset=Relative.objects.none(), required=False
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    follow_up = forms.CharField(
        label=_("Follow-up"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self, *args: Any, missing_person: MissingPerson, actor: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _relatives(self, "relative", missing_person, actor)


class SourceListForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = SourceList
        fields = [
            "name",
            "origin",
            "origin_detail",
            "list_date",
            "reliability",
            "description",
            "grave_document",
            "sensitivity",
            "team",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        self.fields["team"].queryset = _teams(actor)  # type: ignore[attr-defined]
        self.fields["grave_document"].queryset = GraveDocument.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["name"].validators.append(validate_no_bidi_controls)


class ImportForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "First row: the column names (record_id, full_name or first_name … family_name, "
            "and the others of the guide), in English or Arabic."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".txt", ".tsv", ".xlsx", ".xlsm")):
            raise forms.ValidationError(_("Only CSV and XLSX files can be imported."))
        return upload


class GraveDocumentForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = GraveDocument
        fields = [
            "site",
            "title",
            "document_date",
            "evidence_reference",
            "persons_listed",
            "notes",
            "sensitivity",
            "team",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = Site.objects.visible_to(actor).filter(  # type: ignore[attr-defined]
            site_type__code="mass_grave"
        )
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        self.fields["team"].queryset = _teams(actor)  # type: ignore[attr-defined]
        self.actor = actor

    def clean(self) -> dict[str, Any]:
        """An ``EV-…`` reference must name an item of the locker the user may see; it is linked."""
        from mizan.evidence.models import Item

        data = super().clean() or {}
        reference = (data.get("evidence_reference") or "").strip()
        data["evidence_item"] = None
        if reference.upper().startswith("EV-"):
            item = Item.objects.visible_to(self.actor).filter(reference__iexact=reference).first()
            if item is None:
                self.add_error(
                    "evidence_reference",
                    _("No item %(ref)s in the evidence locker that you can see.")
                    % {"ref": reference},
                )
            else:
                data["evidence_item"] = item
                data["evidence_reference"] = item.reference
        return data
