"""Forms of the testimonies pages: they validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.cases.models import Act, Incident, Organisation, Person
from mizan.core.forms import BootstrapFormMixin, ConsentScopesField, limit_protection
from mizan.core.models import Place, Site, Term
from mizan.core.permissions import person_name_for
from mizan.core.validators import (
    CONSENT_SCOPE_MISSING,
    validate_no_bidi_controls,
)
from mizan.testimonies.models import (
    LANGUAGES,
    Collection,
    Publication,
    Segment,
    Testimony,
    TestimonyConsent,
    TestimonyPerson,
)
from mizan.testimonies.selectors import linkable_persons
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
    scopes = ConsentScopesField(
        label=_("the interviewee allows"),
        queryset=Term.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": CONSENT_SCOPE_MISSING},
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


class _LabelledChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """A choice of records whose labels come from a function (the user's view of a name)."""

    def __init__(self, *args: Any, label_for: Any = str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_for = label_for

    def label_from_instance(self, obj: Any) -> str:
        return str(self.label_for(obj))


class SegmentForm(BootstrapFormMixin, forms.Form):
    """A segment's title and index entries. The choices are what ``actor`` may see: persons the
    testimony speaks of (as the permission layer names them), sites and units through
    ``visible_to``, acts of the testimony's people and incidents the actor may see."""

    title = forms.CharField(label=_("title"), max_length=300, required=False)
    keywords = forms.ModelMultipleChoiceField(
        label=_("keywords"), queryset=Term.objects.none(), required=False
    )
    persons = _LabelledChoice(label=_("persons"), queryset=Person.objects.none(), required=False)
    places = forms.ModelMultipleChoiceField(
        label=_("places"), queryset=Place.objects.none(), required=False
    )
    sites = forms.ModelMultipleChoiceField(
        label=_("sites"), queryset=Site.objects.none(), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("units"), queryset=Organisation.objects.none(), required=False
    )
    acts = _LabelledChoice(label=_("acts"), queryset=Act.objects.none(), required=False)

    KEYWORD_VOCABULARIES = ("act_type", "torture_method", "facility_type", "legal_qualification")
    ENTRIES = ("keywords", "persons", "places", "sites", "units", "acts")

    def __init__(self, *args: Any, actor: Any, segment: Segment, **kwargs: Any) -> None:
        self.segment = segment
        testimony = segment.transcript.testimony
        initial: dict[str, Any] = {"title": segment.title}
        initial.update({name: list(getattr(segment, name).all()) for name in self.ENTRIES})
        super().__init__(*args, initial=initial, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["keywords"].queryset = Term.objects.filter(
            vocabulary__in=self.KEYWORD_VOCABULARIES, active=True
        ).order_by("vocabulary", "sort_order")
        fields["places"].queryset = Place.objects.exclude(kind=Place.Kind.COUNTRY)
        fields["sites"].queryset = Site.objects.visible_to(actor)
        fields["units"].queryset = Organisation.objects.visible_to(actor)
        people = [testimony.interviewee_id, *testimony.persons.values_list("person_id", flat=True)]
        fields["persons"].queryset = Person.objects.visible_to(actor).filter(pk__in=people)
        fields["persons"].label_for = lambda person: person_name_for(person, actor)
        incidents = Incident.objects.visible_to(actor)
        fields["acts"].queryset = (
            Act.objects.filter(incident__in=incidents)
            .filter(
                Q(victim_id__in=people)
                | Q(incident__in=testimony.incidents.all())
                | Q(pk__in=testimony.acts.all())
            )
            .select_related("act_type", "incident", "victim")
            .distinct()
        )
        fields["acts"].label_for = lambda act: " · ".join(
            part
            for part in (
                act.incident.reference,
                act.act_type.label,
                person_name_for(act.victim, actor),
                str(act.start_date or ""),
            )
            if part
        )
        for name in ("persons", "sites", "units", "acts"):
            fields[name].widget.attrs["size"] = 6

    def entries(self) -> dict[str, list[Any]]:
        """The chosen entries of each kind plus those the actor was not shown: saving the form
        must not drop an index entry the user may not see (a restricted site, a hidden unit)."""
        chosen: dict[str, list[Any]] = {}
        for name in self.ENTRIES:
            offered = self.fields[name].queryset  # type: ignore[attr-defined]
            hidden = getattr(self.segment, name).exclude(pk__in=offered.values("pk"))
            chosen[name] = [*self.cleaned_data[name], *hidden]
        return chosen


class PersonLinkForm(BootstrapFormMixin, forms.Form):
    """An existing person the testimony speaks of, chosen from the names the actor may see."""

    person = forms.ModelChoiceField(
        label=_("person"),
        queryset=Person.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Choose a person from the list.")},
    )
    role = forms.ChoiceField(label=_("role"), choices=TestimonyPerson.Role.choices)
    phone = forms.CharField(label=_("phone"), max_length=60, required=False)

    def __init__(self, *args: Any, actor: Any, testimony: Testimony, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = linkable_persons(actor, testimony)  # type: ignore[attr-defined]
        self.fields["person"].error_messages["required"] = _("Choose a person from the list.")


class ExcerptForm(BootstrapFormMixin, forms.Form):
    """A redacted audio excerpt: a range of segments, and what in it to silence or beep."""

    first = forms.IntegerField(label=_("from segment"), min_value=1)
    last = forms.IntegerField(label=_("to segment"), min_value=1)
    redact_segments = forms.CharField(
        label=_("segments to silence or beep"),
        required=False,
        max_length=500,
        help_text=_("Numbers and ranges, for example: 3, 5-7."),
    )
    redact_spans = forms.CharField(
        label=_("time spans to silence or beep"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_("One a line, for example: 0:01:02.5 - 0:01:04"),
    )
    mode = forms.ChoiceField(
        label=_("replace with"),
        choices=[("beep", _("a beep")), ("silence", _("silence"))],
        initial="beep",
    )

    def clean_redact_segments(self) -> list[int]:
        positions: list[int] = []
        for part in self.cleaned_data["redact_segments"].replace("،", ",").split(","):
            part = part.strip()
            if not part:
                continue
            low, _dash, high = part.partition("-")
            if not low.strip().isdigit() or (high and not high.strip().isdigit()):
                raise forms.ValidationError(
                    _("“%(part)s” is not a segment number or range.") % {"part": part[:20]}
                )
            a, b = int(low), int(high or low)
            if b < a or b - a > 10_000:
                raise forms.ValidationError(_("“%(part)s” is not a range.") % {"part": part[:20]})
            positions.extend(range(a, b + 1))
        return positions

    def clean_redact_spans(self) -> list[tuple[int, int]]:
        from mizan.testimonies.excerpts import parse_spans

        return parse_spans(self.cleaned_data["redact_spans"])


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
