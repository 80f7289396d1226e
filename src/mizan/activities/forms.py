"""Forms of the activities pages: they validate; the services write."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.activities.models import (
    ACTIVITY_TOPIC,
    ACTIVITY_TYPE,
    AGE_BAND,
    PARTICIPANT_GROUP,
    Activity,
    FollowUp,
    Indicator,
    Output,
    Participant,
    Project,
)
from mizan.cases.models import Organisation
from mizan.core.forms import BootstrapFormMixin, limit_protection, style_widget
from mizan.core.models import Place, Term
from mizan.core.partial_dates import check_order
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_no_bidi_controls

MAX_FILE_BYTES = 50 * 1024 * 1024


class ActivityForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Activity
        fields = [
            "activity_type",
            "title_ar",
            "title_en",
            "start_date",
            "end_date",
            "place",
            "organisers",
            "partners",
            "projects",
            "topics",
            "facilitators",
            "summary_ar",
            "summary_en",
            "sensitivity",
            "team",
        ]
        widgets = {
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "title_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "summary_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 3}),
            "summary_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 3}),
            "organisers": forms.SelectMultiple(attrs={"size": 4}),
            "partners": forms.SelectMultiple(attrs={"size": 4}),
            "projects": forms.SelectMultiple(attrs={"size": 3}),
            "topics": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = Term.objects.of(ACTIVITY_TYPE)  # type: ignore[attr-defined]
        self.fields["topics"].queryset = Term.objects.of(ACTIVITY_TOPIC)  # type: ignore[attr-defined]
        self.fields["topics"].widget.attrs.pop("class", None)
        self.fields["place"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)  # type: ignore[attr-defined]
        organisations = Organisation.objects.visible_to(actor)
        self.fields["organisers"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["partners"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["projects"].queryset = Project.objects.all()  # type: ignore[attr-defined]
        for name in ("title_ar", "title_en", "facilitators"):
            self.fields[name].validators.append(validate_no_bidi_controls)
        # A meeting with families of the missing is itself sensitive: internal unless said.
        if not self.instance.pk:
            self.initial.setdefault("sensitivity", Sensitivity.INTERNAL)
        limit_protection(self, actor)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("title_ar") and not data.get("title_en") and not self.has_error("title_ar"):
            self.add_error("title_ar", _("Give the activity a title in Arabic or English."))
        if not check_order(data.get("start_date"), data.get("end_date")):
            self.add_error("end_date", _("The activity ends before it starts."))
        return data


class CountsForm(BootstrapFormMixin, forms.Form):
    """The counted audience: by sex and age, then by group and age band where known."""

    women = forms.IntegerField(label=_("Women"), min_value=0, initial=0)
    men = forms.IntegerField(label=_("Men"), min_value=0, initial=0)
    girls = forms.IntegerField(label=_("Girls (under 18)"), min_value=0, initial=0)
    boys = forms.IntegerField(label=_("Boys (under 18)"), min_value=0, initial=0)
    with_disability = forms.IntegerField(
        label=_("Participants with a disability"), min_value=0, required=False
    )

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        existing = {row.term_id: row.count for row in activity.counts.all()}
        self.breakdown_terms: list[Term] = []
        for vocabulary in (PARTICIPANT_GROUP, AGE_BAND):
            for term in Term.objects.of(vocabulary):
                name = f"{vocabulary}_{term.code}"
                self.fields[name] = forms.IntegerField(
                    label=term.label, min_value=0, required=False, initial=existing.get(term.pk)
                )
                style_widget(self.fields[name].widget)
                self.breakdown_terms.append(term)
        for name in ("women", "men", "girls", "boys", "with_disability"):
            self.initial.setdefault(name, getattr(activity, name))
        for field in self.fields.values():
            field.widget.attrs.update({"dir": "ltr", "inputmode": "numeric"})

    def breakdown(self) -> dict[Term, int]:
        return {
            term: self.cleaned_data.get(f"{term.vocabulary}_{term.code}") or 0
            for term in self.breakdown_terms
        }

    def sex_fields(self) -> list[Any]:
        return [self[name] for name in ("women", "men", "girls", "boys", "with_disability")]

    def group_fields(self) -> list[Any]:
        return [
            self[f"{t.vocabulary}_{t.code}"]
            for t in self.breakdown_terms
            if t.vocabulary == PARTICIPANT_GROUP
        ]

    def age_fields(self) -> list[Any]:
        return [
            self[f"{t.vocabulary}_{t.code}"]
            for t in self.breakdown_terms
            if t.vocabulary == AGE_BAND
        ]


class ParticipantForm(BootstrapFormMixin, forms.Form):
    full_name_ar = forms.CharField(
        label=_("Name (Arabic)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
    )
    full_name_lat = forms.CharField(
        label=_("Name (Latin)"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=Participant.Sex.choices)
    age_band = forms.ModelChoiceField(
        label=_("Age band"), queryset=Term.objects.none(), required=False
    )
    group = forms.ModelChoiceField(label=_("Group"), queryset=Term.objects.none(), required=False)
    disability = forms.BooleanField(label=_("Has a disability"), required=False)
    consent = forms.BooleanField(
        label=_("The participant agreed to be listed by name"),
        required=False,
        help_text=_(
            "Names on the list are confidential: only users with confidential clearance see them."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["age_band"].queryset = Term.objects.of(AGE_BAND)  # type: ignore[attr-defined]
        self.fields["group"].queryset = Term.objects.of(PARTICIPANT_GROUP)  # type: ignore[attr-defined]
        for name in ("full_name_ar", "full_name_lat"):
            self.fields[name].validators.append(validate_no_bidi_controls)


class FileForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label=_("File"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload


class OutputForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    file = forms.FileField(label=_("Photo or file"), required=False)

    class Meta:
        model = Output
        fields = ["kind", "title", "text", "document"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from mizan.library.models import Document

        self.fields["document"].queryset = Document.objects.visible_to(actor)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None and upload.size > MAX_FILE_BYTES:
            self.add_error("file", _("The file is larger than 50 MB."))
        if data.get("kind") == Output.Kind.PHOTO and upload is None:
            self.add_error("file", _("Attach the photo."))
        if data.get("kind") == Output.Kind.REPORT and not data.get("document"):
            self.add_error("document", _("Choose the report in the library."))
        return data


class FollowUpForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = FollowUp
        fields = ["action", "owner", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date", "dir": "ltr"})}


class ReportForm(BootstrapFormMixin, forms.Form):
    """A project, or a donor (every project it funds), and a period."""

    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.select_related("donor"), required=False
    )
    donor = forms.ModelChoiceField(
        label=_("Or every project of the donor"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    start = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date", "dir": "ltr"})
    )
    end = forms.DateField(
        label=_("To"), widget=forms.DateInput(attrs={"type": "date", "dir": "ltr"})
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = Organisation.objects.visible_to(actor).filter(  # type: ignore[attr-defined]
            pk__in=Project.objects.values("donor")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error("end", _("The period ends before it starts."))
        if bool(data.get("project")) == bool(data.get("donor")):
            self.add_error("project", _("Choose a project or a donor."))
        return data


DATE = forms.DateInput(attrs={"type": "date", "dir": "ltr"}, format="%Y-%m-%d")


class ProjectForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A project: its code, bilingual title, donor (an organisation of the documentation model)
    and period."""

    class Meta:
        model = Project
        fields = ["code", "title_ar", "title_en", "donor", "starts_on", "ends_on"]
        widgets = {
            "code": forms.TextInput(attrs={"dir": "ltr"}),
            "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "title_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "starts_on": DATE,
            "ends_on": DATE,
        }
        help_texts = {
            "code": _(
                "A short code in Latin letters, digits and hyphens (for example TJ-2026): "
                "the report command names the project by it."
            ),
            "donor": _("The organisation that funds it, as recorded under Units."),
            "ends_on": _("Empty while the project runs without an end date."),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["donor"].queryset = Organisation.objects.visible_to(actor)  # type: ignore[attr-defined]
        for name in ("title_ar", "title_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if isinstance(start, date) and isinstance(end, date) and end < start:
            self.add_error(
                "ends_on",
                _("The project would end (%(end)s) before it starts (%(start)s).")
                % {"end": end.isoformat(), "start": start.isoformat()},
            )
        return data


class IndicatorForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """What a project promised: a figure the activities are counted against, with a target."""

    class Meta:
        model = Indicator
        fields = ["code", "label_ar", "label_en", "measure", "activity_type", "target"]
        widgets = {
            "code": forms.TextInput(attrs={"dir": "ltr"}),
            "label_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "label_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "target": forms.NumberInput(attrs={"dir": "ltr", "min": 0}),
        }
        help_texts = {
            "activity_type": _("Empty: every activity of the project counts."),
            "target": _("A number; for a share of women and girls, a percentage (0–100)."),
        }

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.fields["activity_type"].queryset = Term.objects.of(ACTIVITY_TYPE)  # type: ignore[attr-defined]
        self.fields["activity_type"].required = False
        for name in ("label_ar", "label_en"):
            self.fields[name].validators.append(validate_no_bidi_controls)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        target = data.get("target")
        if data.get("measure") == Indicator.Measure.WOMEN_SHARE and target and target > 100:
            self.add_error(
                "target", _("A share is a percentage: the target cannot be more than 100.")
            )
        code = data.get("code")
        if (
            code
            and Indicator.objects.filter(project=self.project, code=code)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("code", _("This project already has an indicator with this code."))
        return data
