from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from mizan.cases.models import (
    NAME_PARTS,
    Act,
    CaseFile,
    Incident,
    Organisation,
    Person,
    Source,
)
from mizan.core.forms import BootstrapFormMixin
from mizan.core.models import Place, Site, Team, Term
from mizan.core.models.bases import ConsentMethod
from mizan.core.partial_dates import PartialDateFormField, check_order
from mizan.core.permissions import effective_clearance, user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_no_bidi_controls
from mizan.text import clean_name
from mizan.text.names import split_full_name


def term_choices(vocabulary: str, *, blank: bool = True) -> list[tuple[str, str]]:
    choices = [(t.code, t.label) for t in Term.objects.of(vocabulary)]
    return [("", "—"), *choices] if blank else choices


def sensitivity_choices(user: Any) -> list[tuple[int, str]]:
    clearance = effective_clearance(user)
    return [(v, str(label)) for v, label in Sensitivity.choices if v <= clearance]


def check_incident(form: forms.BaseForm, data: dict[str, Any]) -> None:
    """The checks an incident's own fields need, on recording and on editing alike."""
    if not data.get("title_ar") and not data.get("title_en"):
        form.add_error("title_ar", _("Give the incident a title in Arabic or English."))
    if not check_order(data.get("start_date"), data.get("end_date")):
        form.add_error("end_date", _("The end is before the start."))


class IncidentForm(BootstrapFormMixin, forms.Form):
    title_ar = forms.CharField(
        label=_("Title (Arabic)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
    )
    title_en = forms.CharField(
        label=_("Title (English)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    start_date = PartialDateFormField(label=_("Start"), required=False)
    end_date = PartialDateFormField(label=_("End"), required=False)
    place = forms.ModelChoiceField(label=_("Place"), queryset=Place.objects.none(), required=False)
    narrative_ar = forms.CharField(
        label=_("Narrative (Arabic)"),
        required=False,
        widget=forms.Textarea(attrs={"dir": "rtl", "rows": 5}),
    )
    narrative_en = forms.CharField(
        label=_("Narrative (English)"),
        required=False,
        widget=forms.Textarea(attrs={"dir": "ltr", "rows": 3}),
    )
    sensitivity = forms.TypedChoiceField(label=_("Sensitivity"), coerce=int)
    team = forms.ModelChoiceField(
        label=_("Case team"), queryset=Team.objects.none(), required=False
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)  # type: ignore[attr-defined]
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        self.fields["sensitivity"].initial = Sensitivity.CONFIDENTIAL
        self.fields["team"].queryset = actor_teams(actor)  # type: ignore[attr-defined]
        for name in ("title_ar", "title_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_incident(self, data)
        return data


# While a name is typed, htmx asks for persons already recorded with a similar name and puts the
# HTML fragment into the page's suggestions box (the page names it with an inherited
# hx-target). The view reads the typed value by the field's name (htmx's HX-Trigger-Name).
SUGGEST_PERSONS = {
    "data-suggest": "1",
    "hx-get": reverse_lazy("cases:person_suggest"),
    "hx-trigger": "input changed delay:200ms",
}


class PersonNameMixin(forms.Form):
    """A person picked from the suggestions (``person``) or typed anew (names)."""

    person = forms.IntegerField(
        required=False, widget=forms.HiddenInput(attrs={"data-person-id": "1"})
    )
    name_ar = forms.CharField(
        label=_("Name in Arabic"),
        max_length=300,
        required=False,
        validators=[validate_no_bidi_controls],
        widget=forms.TextInput(
            attrs={"dir": "rtl", "lang": "ar", "autocomplete": "off", **SUGGEST_PERSONS}
        ),
    )
    name_lat = forms.CharField(
        label=_("Name in Latin letters"),
        max_length=300,
        required=False,
        validators=[validate_no_bidi_controls],
        widget=forms.TextInput(
            attrs={"dir": "ltr", "lang": "en", "autocomplete": "off", **SUGGEST_PERSONS}
        ),
    )

    def clean(self) -> dict[str, Any]:
        """A name is stored in parts (first, father, grandfather, family): each part must fit
        its column, so a long name is refused here, next to its field, not by the database."""
        data = super().clean() or {}
        for script, field in (("ar", "name_ar"), ("lat", "name_lat")):
            for part, value in split_full_name(data.get(field) or "").items():
                column = Person._meta.get_field(f"{part}_{script}")
                limit = getattr(column, "max_length", None) or 0
                if len(value) > limit:
                    self.add_error(
                        field,
                        _(
                            "Each part of a name can have at most %(limit)s characters;"
                            " “%(part)s…” has %(length)s."
                        )
                        % {"limit": limit, "part": value[:20], "length": len(value)},
                    )
                    break
        return data

    def new_person_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for script, field in (("ar", "name_ar"), ("lat", "name_lat")):
            for part, value in split_full_name(self.cleaned_data.get(field, "")).items():
                data[f"{part}_{script}"] = value
        data["name_as_written"] = clean_name(
            self.cleaned_data.get("name_ar") or self.cleaned_data.get("name_lat") or ""
        )
        return data

    def has_person(self) -> bool:
        return bool(
            self.cleaned_data.get("person")
            or self.cleaned_data.get("name_ar")
            or self.cleaned_data.get("name_lat")
        )


class VictimForm(BootstrapFormMixin, PersonNameMixin):
    sex = forms.ChoiceField(label=_("Sex"), required=False)
    birth_year = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric"}),
    )
    age_group = forms.ChoiceField(
        label=_("Age group"), choices=Act.AgeGroup.choices, initial=Act.AgeGroup.UNKNOWN
    )
    act_type = forms.ChoiceField(label=_("What was done"))
    start_date = PartialDateFormField(label=_("From"), required=False)
    end_date = PartialDateFormField(label=_("Until"), required=False)
    status = forms.ChoiceField(label=_("Status now"), required=False)
    site = forms.ModelChoiceField(
        label=_("Detention facility or site"), queryset=Site.objects.none(), required=False
    )
    torture_methods = forms.MultipleChoiceField(
        label=_("Methods of torture"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    steps_taken = forms.CharField(
        label=_("Steps taken by the family to find the person or seek remedy"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )

    def __init__(self, *args: Any, actor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sex"].choices = term_choices("sex")  # type: ignore[attr-defined]
        self.fields["act_type"].choices = term_choices("act_type")  # type: ignore[attr-defined]
        self.fields["status"].choices = term_choices("act_status")  # type: ignore[attr-defined]
        self.fields["torture_methods"].choices = term_choices("torture_method", blank=False)  # type: ignore[attr-defined]
        self.fields["site"].queryset = Site.objects.visible_to(actor).filter(  # type: ignore[attr-defined]
            site_type__code="detention_facility"
        )

    def clean(self) -> dict[str, Any]:
        """The row's own date checks, so they show with the field errors, not after them."""
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if not check_order(start, end):
            self.add_error("end_date", _("The end is before the start."))
        birth_year = data.get("birth_year")
        if birth_year and start is not None and start.latest().year < birth_year:
            self.add_error("start_date", _("The act is dated before the victim's birth."))
        return data


class PerpetratorForm(BootstrapFormMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit or group"), queryset=Organisation.objects.none(), required=False
    )
    degree = forms.ChoiceField(label=_("Degree of involvement"), required=False)

    def __init__(self, *args: Any, actor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Organisation.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["degree"].choices = term_choices("involvement_degree")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("unit") and not data.get("degree"):
            self.add_error("degree", _("Choose the degree of involvement."))
        return data


class SourceForm(BootstrapFormMixin, PersonNameMixin):
    source_type = forms.ChoiceField(label=_("Type of source"), required=False)
    description = forms.CharField(
        label=_("What the source says or is"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
    )
    reliability = forms.ChoiceField(
        label=_("Reliability"), choices=Source.Reliability.choices, initial=Source.Reliability.F
    )
    credibility = forms.TypedChoiceField(
        label=_("Credibility"),
        coerce=int,
        choices=Source.Credibility.choices,
        initial=Source.Credibility.UNKNOWN,
    )
    protect_identity = forms.BooleanField(
        label=_("Protect this person's identity (only restricted clearance sees the name)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, actor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source_type"].choices = term_choices("source_type")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_person() and not data.get("source_type"):
            self.add_error("source_type", _("Choose the type of source."))
        return data


def person_from_choice(actor: Any, person_id: int | None) -> Person | None:
    if not person_id:
        return None
    return Person.objects.visible_to(actor).filter(pk=person_id).first()


class UnitForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Organisation
        fields = ["name_ar", "name_en", "org_type", "parent", "description", "sensitivity"]
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "description": forms.Textarea(attrs={"rows": 2, "dir": "auto"}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["org_type"].queryset = Term.objects.of("org_type")  # type: ignore[attr-defined]
        self.fields["parent"].queryset = Organisation.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        for name in ("name_ar", "name_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("name_ar") and not data.get("name_en"):
            self.add_error("name_ar", _("Give the unit a name in Arabic or English."))
        return data


class PersonForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """Editing a person's record: names in parts and scripts, identity protection."""

    class Meta:
        model = Person
        fields = [
            # Every name part in Arabic, then in Latin script, as the model defines them.
            *(f"{part}_{script}" for script in ("ar", "lat") for part in NAME_PARTS),
            "name_as_written",
            "sex",
            "birth_date",
            "birth_place",
            "nationality",
            "national_id",
            "occupation",
            "pseudonym",
            "identity_sensitivity",
            "sensitivity",
        ]

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sex"].queryset = Term.objects.of("sex")  # type: ignore[attr-defined]
        self.fields["birth_place"].queryset = Place.objects.exclude(  # type: ignore[attr-defined]
            kind=Place.Kind.COUNTRY
        )
        for name in ("sensitivity", "identity_sensitivity"):
            self.fields[name].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            if name.endswith("_ar"):
                field.widget.attrs.update({"dir": "rtl", "lang": "ar"})
            elif name.endswith("_lat") or name == "national_id":
                field.widget.attrs.update({"dir": "ltr"})
            if isinstance(field, forms.CharField):
                field.validators.append(validate_no_bidi_controls)


class IncidentEditForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Incident
        fields = [
            "title_ar",
            "title_en",
            "start_date",
            "end_date",
            "place",
            "narrative_ar",
            "narrative_en",
            "sensitivity",
        ]
        widgets = {
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "narrative_ar": forms.Textarea(attrs={"dir": "rtl", "rows": 5}),
            "narrative_en": forms.Textarea(attrs={"dir": "ltr", "rows": 3}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.exclude(  # type: ignore[attr-defined]
            kind=Place.Kind.COUNTRY
        )
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        for name in ("title_ar", "title_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_incident(self, data)
        return data


def actor_teams(actor: Any) -> Any:
    """The case teams ``actor`` may limit a record to: their own (every team for a superuser)."""
    teams = Team.objects.all()
    return teams if actor.is_superuser else teams.filter(pk__in=user_team_ids(actor))


class CaseFileForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """Creating or editing a case file: what it is for, for whom, its state, level and team."""

    class Meta:
        model = CaseFile
        fields = ["title", "purpose", "recipient", "status", "sensitivity", "team"]
        widgets = {
            "title": forms.TextInput(attrs={"dir": "auto"}),
            "purpose": forms.Textarea(attrs={"dir": "auto", "rows": 3}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = Term.objects.of("recipient_category")  # type: ignore[attr-defined]
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        if self.instance.pk is None:
            self.initial.setdefault("sensitivity", Sensitivity.CONFIDENTIAL)
        teams = actor_teams(actor)
        if self.instance.team_id is not None:
            # The file's present team stays choosable (keeping it is not a change).
            teams = teams | Team.objects.filter(pk=self.instance.team_id)
        self.fields["team"].queryset = teams.distinct()  # type: ignore[attr-defined]
        self.fields["title"].validators.append(validate_no_bidi_controls)


class SourceEditForm(BootstrapFormMixin, forms.Form):
    """Correcting a source of a recorded incident: what it is, says, and how far it is trusted
    (its person is chosen when it is added; a wrong person is corrected by taking the source out
    and adding it again)."""

    source_type = SourceForm.base_fields["source_type"]
    description = SourceForm.base_fields["description"]
    reliability = SourceForm.base_fields["reliability"]
    credibility = SourceForm.base_fields["credibility"]

    def __init__(self, *args: Any, source: Source, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "source_type": source.source_type.code,
                "description": source.description,
                "reliability": source.reliability,
                "credibility": source.credibility,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["source_type"].choices = term_choices("source_type", blank=False)  # type: ignore[attr-defined]
        self.fields["source_type"].required = True


class ConsentForm(BootstrapFormMixin, forms.Form):
    """A person's consent: what it allows, who gave it, when, how, and the signed form."""

    scope = forms.ChoiceField(label=_("What it allows"))
    method = forms.ChoiceField(
        label=_("How it was given"), choices=[("", "—"), *ConsentMethod.choices], required=False
    )
    given_on = PartialDateFormField(label=_("Given on"), required=False)
    given_by = forms.IntegerField(
        label=_("Given by (person number, if not the person themself)"),
        required=False,
        min_value=1,
        widget=forms.TextInput(attrs={"dir": "ltr", "inputmode": "numeric"}),
    )
    proof = forms.CharField(
        label=_("Signed form or recording (evidence reference)"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["scope"].choices = term_choices("consent_scope", blank=False)  # type: ignore[attr-defined]

    def clean_given_by(self) -> Person | None:
        number = self.cleaned_data.get("given_by")
        if not number:
            return None
        person = person_from_choice(self.actor, number)
        if person is None:
            raise forms.ValidationError(_("No person with this number that you may see."))
        return person

    def clean_proof(self) -> Any:
        from mizan.cases.sections import locker_item

        reference = (self.cleaned_data.get("proof") or "").strip()
        if not reference:
            return None
        item = locker_item(self.actor, reference)
        if item is None:
            raise forms.ValidationError(
                _("No item of the evidence locker with this reference that you may see.")
            )
        return item
