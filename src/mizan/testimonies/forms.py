"""Forms of the testimonies pages: they validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.core.forms import BootstrapFormMixin, limit_protection
from mizan.core.models import Place, Term
from mizan.core.validators import validate_no_bidi_controls
from mizan.testimonies.models import (
    LANGUAGES,
    Collection,
    Publication,
    Testimony,
    TestimonyConsent,
    TestimonyPerson,
)
from mizan.text import clean_name

MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024


class TestimonyForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    languages = forms.MultipleChoiceField(
        label=_("languages"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Testimony
        fields = [
            "interview_date",
            "place",
            "mode",
            "languages",
            "interviewer_names",
            "circumstances",
            "summary",
            "sensitivity",
            "team",
        ]
        widgets = {"circumstances": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["languages"] = self.instance.language_list
        self.fields["place"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)  # type: ignore[attr-defined]
        self.fields["languages"].widget.attrs.pop("class", None)
        limit_protection(self, actor)

    def clean_languages(self) -> str:
        return ",".join(self.cleaned_data["languages"])


class IntervieweeForm(BootstrapFormMixin, forms.Form):
    """A new interviewee (a Person); the name is protected unless said otherwise."""

    full_name_ar = forms.CharField(label=_("name (Arabic)"), max_length=300, required=False)
    full_name_lat = forms.CharField(label=_("name (Latin)"), max_length=300, required=False)
    pseudonym = forms.CharField(
        label=_("pseudonym"),
        max_length=100,
        required=False,
        help_text=_("Shown instead of the name to users without clearance and used in narratives."),
    )
    protected = forms.BooleanField(
        label=_("protect the interviewee's identity"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("full_name_ar", "full_name_lat", "pseudonym"):
            self.fields[name].validators.append(validate_no_bidi_controls)
        self.fields["full_name_ar"].widget.attrs.update({"dir": "rtl", "lang": "ar"})
        self.fields["full_name_lat"].widget.attrs.update({"dir": "ltr", "lang": "en"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("full_name_ar", "full_name_lat", "pseudonym"):
            data[name] = clean_name(data.get(name) or "")
        if not data["full_name_ar"] and not data["full_name_lat"]:
            self.add_error("full_name_ar", _("Give the interviewee's name in Arabic or Latin."))
        if data.get("protected") and not data["pseudonym"]:
            self.add_error("pseudonym", _("A protected interviewee needs a pseudonym."))
        return data


class LinkedPersonForm(IntervieweeForm):
    """A new person the testimony speaks of (a relative, another victim…)."""

    role = forms.ChoiceField(label=_("role"), choices=TestimonyPerson.Role.choices)
    national_id = forms.CharField(label=_("national ID number"), max_length=50, required=False)
    phone = forms.CharField(label=_("phone"), max_length=60, required=False)

    field_order = ["role", "full_name_ar", "full_name_lat", "pseudonym", "protected"]


class OriginalForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label=_("file"))
    as_recording = forms.BooleanField(
        label=_("this is the recording the transcript follows"), required=False
    )
    title = forms.CharField(label=_("title"), max_length=300, required=False)


class ConsentForm(BootstrapFormMixin, forms.Form):
    scopes = forms.ModelMultipleChoiceField(
        label=_("the interviewee allows"),
        queryset=Term.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    method = forms.ChoiceField(label=_("how it was given"), choices=TestimonyConsent.Method.choices)
    taken_on = forms.DateField(
        label=_("taken on"), widget=forms.DateInput(attrs={"type": "date", "dir": "ltr"})
    )
    proof = forms.FileField(
        label=_("signed form or recording of the consent"),
        required=False,
        help_text=_("Stored in the evidence locker. Needed for publication, courts and the IIIM."),
    )
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scopes"].queryset = Term.objects.of("consent_scope")  # type: ignore[attr-defined]
        self.fields["scopes"].widget.attrs.pop("class", None)
        self.initial.setdefault("taken_on", timezone.localdate())


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("reason"), max_length=2000)


class TranscriptForm(BootstrapFormMixin, forms.Form):
    file = forms.FileField(label=_("WebVTT, SRT, text or Word (DOCX) file"))
    language = forms.ChoiceField(label=_("language"), choices=LANGUAGES)
    replace = forms.BooleanField(label=_("replace the transcript in this language"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_TRANSCRIPT_BYTES:
            raise forms.ValidationError(_("A transcript may be at most 20 MB."))
        return upload


class SegmentForm(BootstrapFormMixin, forms.Form):
    title = forms.CharField(label=_("title"), max_length=300, required=False)
    keywords = forms.ModelMultipleChoiceField(
        label=_("keywords"), queryset=Term.objects.none(), required=False
    )
    places = forms.ModelMultipleChoiceField(
        label=_("places"), queryset=Place.objects.none(), required=False
    )

    KEYWORD_VOCABULARIES = ("act_type", "torture_method", "facility_type", "legal_qualification")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keywords"].queryset = Term.objects.filter(  # type: ignore[attr-defined]
            vocabulary__in=self.KEYWORD_VOCABULARIES, active=True
        ).order_by("vocabulary", "sort_order")
        self.fields["places"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)  # type: ignore[attr-defined]


class PublishForm(BootstrapFormMixin, forms.Form):
    title = forms.CharField(label=_("title"), max_length=300, required=False)
    narrative = forms.CharField(
        label=_("narrative"),
        widget=forms.Textarea(attrs={"rows": 16, "dir": "auto"}),
        max_length=2_000_000,
    )
    kind = forms.ChoiceField(label=_("kind"), choices=Publication.Kind.choices)
    language = forms.ChoiceField(label=_("language"), choices=LANGUAGES)
    collection = forms.ModelChoiceField[Collection](
        label=_("collection"), queryset=Collection.objects.all(), required=False
    )
