"""Forms of the accountability pages: they validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accountability.models import (
    Agreement,
    Decision,
    Hearing,
    MonitoringReport,
    Proceeding,
    Submission,
)
from mizan.cases.models import CaseFile, Organisation, Person
from mizan.core.forms import BootstrapFormMixin
from mizan.core.models import Team, Term
from mizan.core.permissions import effective_clearance, user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_no_bidi_controls
from mizan.evidence.models import Item, Recipient

MAX_CORRESPONDENCE_BYTES = 50 * 1024 * 1024
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ITEM_HELP = _("Evidence item numbers (EV-…) separated by spaces or commas.")
PERSON_HELP = _(
    "Person numbers separated by spaces: the number in the address of the person's page "
    "(…/cases/persons/123/), or P-000123."
)


def _references(text: str) -> list[str]:
    return list(dict.fromkeys((text or "").replace(",", " ").split()))


def visible_records(text: str, queryset: Any, field: str, *, numeric: bool = False) -> list[Any]:
    """The records named in ``text`` (references separated by spaces or commas) from
    ``queryset`` (already limited to what the user may see). One that is unknown or out of
    reach is reported the same way, so the message does not tell which exists."""
    refs = _references(text)
    keys: list[Any] = []
    for ref in refs:
        digits = ref.upper().removeprefix("P-").removeprefix("U-").lstrip("0")
        keys.append(int(digits) if numeric and digits.isdigit() else ref)
    if numeric and any(not isinstance(key, int) for key in keys):
        bad = [ref for ref, key in zip(refs, keys, strict=True) if not isinstance(key, int)]
        raise forms.ValidationError(
            _("Unknown or out of your reach: %(refs)s.") % {"refs": ", ".join(bad)}
        )
    found = {getattr(record, field): record for record in queryset.filter(**{f"{field}__in": keys})}
    missing = [ref for ref, key in zip(refs, keys, strict=True) if key not in found]
    if missing:
        raise forms.ValidationError(
            _("Unknown or out of your reach: %(refs)s.") % {"refs": ", ".join(missing)}
        )
    return [found[key] for key in dict.fromkeys(keys)]


def _refs_field(label: Any, help_text: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=help_text,
    )


def _limit_protection(form: forms.BaseForm, actor: Any) -> None:
    """Nobody may file a record at a level or in a team they could not read back."""
    clearance = effective_clearance(actor)
    form.fields["sensitivity"].choices = [  # type: ignore[attr-defined]
        (value, label) for value, label in Sensitivity.choices if value <= clearance
    ]
    teams = Team.objects.all()
    if not actor.is_superuser:
        teams = teams.filter(pk__in=user_team_ids(actor))
    form.fields["team"].queryset = teams  # type: ignore[attr-defined]


def agreement_label(agreement: Agreement) -> str:
    """An agreement in a choice list: its title, its recipient and, when past, that it expired."""
    label = f"{agreement.title} — {agreement.recipient.name}"
    if agreement.is_expired(timezone.localdate()):
        label += f" ({_('expired')})"
    return label


class SubmissionForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    sent = forms.BooleanField(label=_("already sent"), required=False)
    status_on = forms.DateField(
        label=_("date prepared or sent"), widget=DATE, initial=timezone.localdate
    )
    source = forms.CharField(label=_("source"), max_length=300, required=False)
    item_refs = _refs_field(_("documents from the evidence locker"), ITEM_HELP)

    class Meta:
        model = Submission
        fields = [
            "title",
            "recipient",
            "agreement",
            "channel",
            "recipient_reference",
            "due_on",
            "summary",
            "case_files",
            "sensitivity",
            "team",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "due_on": DATE,
            "case_files": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case_files"].queryset = CaseFile.objects.visible_to(actor)  # type: ignore[attr-defined]
        agreements = Agreement.objects.visible_to(actor).select_related("recipient")
        # A recipient already known (a handover package's, an agreement's): only its agreements.
        recipient = self.initial.get("recipient")
        if recipient is not None and not self.is_bound:
            agreements = agreements.filter(recipient=recipient)
        self.fields["agreement"].queryset = agreements  # type: ignore[attr-defined]
        self.fields["agreement"].label_from_instance = agreement_label  # type: ignore[attr-defined]
        self.fields["agreement"].help_text = _("Only an agreement with the recipient chosen above.")
        self.fields["recipient"].queryset = Recipient.objects.select_related("category")  # type: ignore[attr-defined]
        self.fields["sent"].widget.attrs["class"] = "form-check-input"
        self.actor = actor
        _limit_protection(self, actor)

    def clean_item_refs(self) -> list[Any]:
        return visible_records(
            self.cleaned_data["item_refs"], Item.objects.visible_to(self.actor), "reference"
        )

    def clean_title(self) -> str:
        title = str(self.cleaned_data["title"]).strip()
        validate_no_bidi_controls(title)
        return title

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agreement, recipient = data.get("agreement"), data.get("recipient")
        if agreement and recipient and agreement.recipient_id != recipient.pk:
            self.add_error(
                "agreement",
                _("The agreement “%(agreement)s” is with %(other)s, not with %(recipient)s.")
                % {
                    "agreement": agreement.title,
                    "other": agreement.recipient.name,
                    "recipient": recipient.name,
                },
            )
        return data


class AgreementForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """An agreement with a recipient; its signed document is a locker item named by its
    reference, or a file uploaded here (kept in the locker at the agreement's level)."""

    document = forms.CharField(
        label=_("signed document (evidence item)"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("The number of the signed copy in the evidence locker (EV-…), if it is there."),
    )
    upload = forms.FileField(
        label=_("or upload the signed document"),
        required=False,
        help_text=_("Kept in the evidence locker at the agreement's sensitivity and case team."),
    )

    class Meta:
        model = Agreement
        fields = ["recipient", "title", "signed_on", "valid_until", "terms", "sensitivity", "team"]
        widgets = {
            "signed_on": DATE,
            "valid_until": DATE,
            "terms": forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
            "title": forms.TextInput(attrs={"dir": "auto"}),
        }
        labels = {"valid_until": _("in force until")}
        help_texts = {
            "signed_on": _("In force from this day."),
            "terms": _("A summary of the terms: what may be sent, how, and how it may be used."),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["recipient"].queryset = Recipient.objects.select_related("category")  # type: ignore[attr-defined]
        if self.instance.pk:
            if self.instance.document is not None and self.instance.document.is_visible_to(actor):
                self.initial["document"] = self.instance.document.reference
            if self.instance.submissions.exists():
                self.fields["recipient"].disabled = True
                self.fields["recipient"].help_text = _(
                    "Submissions were made under this agreement to its recipient: "
                    "the recipient cannot change."
                )
        _limit_protection(self, actor)

    def clean_title(self) -> str:
        title = str(self.cleaned_data["title"]).strip()
        validate_no_bidi_controls(title)
        return title

    def clean_document(self) -> Any:
        text = self.cleaned_data["document"].strip()
        if not text:
            # Left empty on an agreement whose document the user may not see: keep that one.
            current = self.instance.document if self.instance.pk else None
            hidden = current is not None and not current.is_visible_to(self.actor)
            return current if hidden else None
        return visible_records(text, Item.objects.visible_to(self.actor), "reference")[0]

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload is not None and upload.size > MAX_CORRESPONDENCE_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, until = data.get("signed_on"), data.get("valid_until")
        if signed and until and until < signed:
            self.add_error(
                "valid_until",
                _("The agreement would end (%(end)s) before it was signed (%(signed)s).")
                % {"end": until.isoformat(), "signed": signed.isoformat()},
            )
        if signed and signed > timezone.localdate():
            self.add_error(
                "signed_on", _("The date %(date)s is in the future.") % {"date": signed.isoformat()}
            )
        if data.get("document") and data.get("upload"):
            self.add_error("upload", _("Name the signed document or upload it, not both."))
        return data


class SubmissionEditForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Submission
        fields = [
            "title",
            "agreement",
            "channel",
            "recipient_reference",
            "due_on",
            "summary",
            "public",
            "public_summary_ar",
            "public_summary_en",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "due_on": DATE,
            "public_summary_ar": forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "ar"}),
            "public_summary_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr", "lang": "en"}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        visible = Agreement.objects.visible_to(actor).filter(
            recipient_id=self.instance.recipient_id
        )
        # The current agreement stays a choice even when the user may not see it (saving the
        # page must not drop it), named only as such.
        agreements = Agreement.objects.filter(
            Q(pk__in=visible.values("pk")) | Q(pk=self.instance.agreement_id)
        ).select_related("recipient")
        hidden = set(agreements.exclude(pk__in=visible.values("pk")).values_list("pk", flat=True))

        def label(agreement: Agreement) -> str:
            if agreement.pk in hidden:
                return str(_("An agreement you may not see"))
            return agreement_label(agreement)

        self.fields["agreement"].queryset = agreements  # type: ignore[attr-defined]
        self.fields["agreement"].label_from_instance = label  # type: ignore[attr-defined]


class StatusForm(BootstrapFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("new status"), choices=Submission.Status.choices)
    on = forms.DateField(label=_("date"), widget=DATE, initial=timezone.localdate)
    recipient_reference = forms.CharField(
        label=_("recipient's reference"),
        max_length=100,
        required=False,
        help_text=_("When the recipient assigned one (an OTP communication number, say)."),
    )
    source = forms.CharField(
        label=_("source"),
        max_length=300,
        required=False,
        help_text=_("Where this is known from: a letter, an e-mail, a call."),
    )
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the status goes back."),
    )
    correspondence = forms.FileField(
        label=_("correspondence (kept in the evidence locker)"), required=False
    )

    def clean_correspondence(self) -> Any:
        upload = self.cleaned_data.get("correspondence")
        if upload is not None and upload.size > MAX_CORRESPONDENCE_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload


class ProceedingForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    accused_refs = _refs_field(_("accused persons"), PERSON_HELP)
    unit_refs = _refs_field(
        _("accused units"),
        _(
            "Unit numbers separated by spaces: the number in the address of the unit's page "
            "(…/cases/units/12/)."
        ),
    )
    victim_refs = _refs_field(_("victims and parties supported"), PERSON_HELP)

    class Meta:
        model = Proceeding
        fields = [
            "jurisdiction",
            "court",
            "case_name",
            "case_number",
            "legal_basis",
            "stage",
            "opened_on",
            "summary",
            "crimes",
            "case_files",
            "submissions",
            "sensitivity",
            "team",
            "public",
            "public_summary_ar",
            "public_summary_en",
        ]
        widgets = {
            "public_summary_ar": forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "ar"}),
            "public_summary_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr", "lang": "en"}),
            "opened_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
            "crimes": forms.SelectMultiple(attrs={"size": 5}),
            "case_files": forms.SelectMultiple(attrs={"size": 4}),
            "submissions": forms.SelectMultiple(attrs={"size": 4}),
        }

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["crimes"].queryset = Term.objects.filter(  # type: ignore[attr-defined]
            vocabulary="legal_qualification", active=True
        )
        self.fields["case_files"].queryset = CaseFile.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["submissions"].queryset = Submission.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.actor = actor
        if self.instance.pk:
            self.initial["accused_refs"] = " ".join(
                f"P-{p.pk:06d}" for p in self.instance.accused.visible_to(actor)
            )
            self.initial["victim_refs"] = " ".join(
                f"P-{p.pk:06d}" for p in self.instance.victims.visible_to(actor)
            )
            self.initial["unit_refs"] = " ".join(
                str(u.pk) for u in self.instance.units.visible_to(actor)
            )
        _limit_protection(self, actor)

    def clean_accused_refs(self) -> list[Any]:
        return visible_records(
            self.cleaned_data["accused_refs"],
            Person.objects.visible_to(self.actor),
            "pk",
            numeric=True,
        )

    def clean_victim_refs(self) -> list[Any]:
        return visible_records(
            self.cleaned_data["victim_refs"],
            Person.objects.visible_to(self.actor),
            "pk",
            numeric=True,
        )

    def clean_unit_refs(self) -> list[Any]:
        return visible_records(
            self.cleaned_data["unit_refs"],
            Organisation.objects.visible_to(self.actor),
            "pk",
            numeric=True,
        )

    def relations(self) -> dict[str, Any]:
        """The cleaned data as the service takes it (the reference fields as relations)."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["accused"] = self.cleaned_data["accused_refs"]
        data["victims"] = self.cleaned_data["victim_refs"]
        data["units"] = self.cleaned_data["unit_refs"]
        return data


class HearingForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    item_refs = _refs_field(_("documents from the evidence locker"), ITEM_HELP)

    def __init__(self, *args: Any, actor: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor

    def clean_item_refs(self) -> list[Any]:
        return visible_records(
            self.cleaned_data["item_refs"], Item.objects.visible_to(self.actor), "reference"
        )

    class Meta:
        model = Hearing
        fields = ["held_on", "attended", "attendees", "notes_ar", "notes_en"]
        widgets = {
            "held_on": DATE,
            "notes_ar": forms.Textarea(attrs={"rows": 4, "dir": "rtl", "lang": "ar"}),
            "notes_en": forms.Textarea(attrs={"rows": 4, "dir": "ltr", "lang": "en"}),
        }


class DecisionForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Decision
        fields = ["decided_on", "kind", "summary_ar", "summary_en"]
        widgets = {
            "decided_on": DATE,
            "summary_ar": forms.Textarea(attrs={"rows": 3, "dir": "rtl", "lang": "ar"}),
            "summary_en": forms.Textarea(attrs={"rows": 3, "dir": "ltr", "lang": "en"}),
        }


class ReportForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = MonitoringReport
        fields = ["title_ar", "title_en", "body_ar", "body_en"]
        widgets = {
            "body_ar": forms.Textarea(attrs={"rows": 12, "dir": "rtl", "lang": "ar"}),
            "body_en": forms.Textarea(attrs={"rows": 12, "dir": "ltr", "lang": "en"}),
        }
