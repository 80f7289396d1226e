from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.cases.forms import sensitivity_choices
from mizan.cases.models import CaseFile
from mizan.core.forms import BootstrapFormMixin, ConsentScopesField, style_widget
from mizan.core.models import Place, Team, Term
from mizan.core.partial_dates import PartialDateFormField
from mizan.core.permissions import user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item, Recipient
from mizan.text.bidi import isolate


class ItemDetailsForm(BootstrapFormMixin, forms.Form):
    """What the person uploading says about a batch of files: provenance, protection, links."""

    title = forms.CharField(label=_("Title"), max_length=300, required=False)
    collected_by = forms.CharField(label=_("Collected by"), max_length=200, required=False)
    collected_on = PartialDateFormField(label=_("Collected on"), required=False)
    collected_where = forms.ModelChoiceField(
        label=_("Collected where"), queryset=Place.objects.none(), required=False
    )
    collected_from = forms.CharField(
        label=_("Collected from"),
        max_length=300,
        required=False,
        help_text=_("A person's name here is protected by the item's sensitivity."),
    )
    collection_method = forms.CharField(
        label=_("How it was collected"), max_length=300, required=False
    )
    source_text = forms.CharField(label=_("Source"), max_length=300, required=False)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    case_file = forms.ModelChoiceField(
        label=_("Case file"), queryset=CaseFile.objects.none(), required=False
    )
    incident_refs = forms.CharField(
        label=_("Incidents"),
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("Incident references separated by spaces or commas."),
    )
    person_numbers = forms.CharField(
        label=_("Persons"),
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("Person numbers (#12) separated by spaces or commas."),
    )
    consent_scopes = ConsentScopesField(
        label=_("May be shared with"),
        queryset=Term.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what the person who gave the material agreed to."),
    )
    sensitivity = forms.TypedChoiceField(label=_("Sensitivity"), coerce=int)
    team = forms.ModelChoiceField(
        label=_("Case team"), queryset=Team.objects.none(), required=False
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collected_where"].queryset = Place.objects.all()  # type: ignore[attr-defined]
        self.fields["case_file"].queryset = CaseFile.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["consent_scopes"].queryset = Term.objects.of("consent_scope")  # type: ignore[attr-defined]
        self.fields["sensitivity"].choices = sensitivity_choices(actor)  # type: ignore[attr-defined]
        self.fields["sensitivity"].initial = Sensitivity.CONFIDENTIAL
        teams = Team.objects.all()
        if not actor.is_superuser:
            teams = teams.filter(pk__in=user_team_ids(actor))
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        self.fields["consent_scopes"].widget.attrs["class"] = ""
        self.actor = actor

    def clean_incident_refs(self) -> list[Any]:
        return visible_incidents(self.actor, self.cleaned_data.get("incident_refs", ""))

    def clean_person_numbers(self) -> list[Any]:
        return visible_persons(self.actor, self.cleaned_data.get("person_numbers", ""))


class DeriveForm(BootstrapFormMixin, forms.Form):
    derivation = forms.ChoiceField(
        label=_("Kind of copy"),
        choices=[
            (Item.Derivation.REDACTED, Item.Derivation.REDACTED.label),
            (Item.Derivation.TRANSLATION, Item.Derivation.TRANSLATION.label),
            (Item.Derivation.TEXT, Item.Derivation.TEXT.label),
            (Item.Derivation.OTHER, Item.Derivation.OTHER.label),
        ],
    )


class NoteForm(BootstrapFormMixin, forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class HandoverForm(BootstrapFormMixin, forms.Form):
    recipient = forms.ModelChoiceField(label=_("Recipient"), queryset=Recipient.objects.none())
    case_file = forms.ModelChoiceField(
        label=_("Every item of this case file"), queryset=CaseFile.objects.none(), required=False
    )
    items = forms.CharField(
        label=_("Or these items"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "dir": "ltr", "placeholder": "EV-2026-000001"}),
        help_text=_("Item numbers separated by spaces, commas or new lines."),
    )
    age_recipient = forms.CharField(
        label=_("Encrypt to the recipient's age key"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"dir": "ltr", "placeholder": "age1…"}),
        help_text=_("Leave empty to use the key registered for the recipient, if any."),
    )

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["recipient"].queryset = Recipient.objects.select_related("category")  # type: ignore[attr-defined]
        self.fields["case_file"].queryset = CaseFile.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.chosen: list[Item] = []
        # Items that stopped the package for want of consent: the page links each to where
        # its consent is recorded.
        self.lacking: list[Item] = []

    def clean(self) -> dict[str, Any]:
        from mizan.evidence.services import missing_consent, required_scope

        data = super().clean() or {}
        case, refs = data.get("case_file"), (data.get("items") or "").replace(",", " ").split()
        if bool(case) == bool(refs):
            raise forms.ValidationError(_("Choose a case file or list items — one of the two."))
        visible = Item.objects.visible_to(self.actor)
        if case:
            self.chosen = list(visible.filter(case_files=case).order_by("pk"))
            hidden = Item.objects.filter(case_files=case).count() - len(self.chosen)
            if hidden:
                raise forms.ValidationError(
                    _(
                        "%(n)s items of this case file are beyond your clearance or case team: "
                        "an administrator or a member of that team must prepare this package."
                    )
                    % {"n": hidden}
                )
            if not self.chosen:
                raise forms.ValidationError(_("This case file has no evidence items you can see."))
        else:
            found = {i.reference: i for i in visible.filter(reference__in=refs)}
            unknown = [ref for ref in refs if ref not in found]
            if unknown:
                raise forms.ValidationError(
                    _("No item %(refs)s that you can see.") % {"refs": ", ".join(unknown)}
                )
            self.chosen = [found[ref] for ref in dict.fromkeys(refs)]
        recipient = data.get("recipient")
        if recipient is not None:
            lacking = self.lacking = missing_consent(self.chosen, recipient)
            if lacking:
                scope = Term.objects.filter(
                    vocabulary="consent_scope", code=required_scope(recipient.category.code)
                ).first()
                raise forms.ValidationError(
                    _("Stopped: these items have no consent for “%(scope)s”: %(refs)s.")
                    % {
                        "scope": scope.label if scope else "",
                        "refs": ", ".join(
                            f"{isolate(i.reference)} ({isolate(i.filename)})" for i in lacking
                        ),
                    }
                )
        key = (data.get("age_recipient") or "").strip()
        if key:
            import pyrage

            try:
                pyrage.x25519.Recipient.from_str(key)
            except Exception:
                self.add_error("age_recipient", _("This is not an age public key (age1…)."))
        return data


def _references(text: str) -> list[str]:
    return list(dict.fromkeys((text or "").replace(",", " ").replace("،", " ").split()))


def visible_incidents(actor: Any, text: str) -> list[Any]:
    """The incidents named by reference in ``text``, each one the actor may see; a reference
    out of reach is reported like a wrong one (its existence is not disclosed)."""
    from mizan.cases.models import Incident

    refs = _references(text)
    found = {i.reference: i for i in Incident.objects.visible_to(actor).filter(reference__in=refs)}
    unknown = [ref for ref in refs if ref not in found]
    if unknown:
        raise forms.ValidationError(
            _("No incident %(refs)s that you can see.") % {"refs": ", ".join(unknown)}
        )
    return [found[ref] for ref in refs]


def visible_persons(actor: Any, text: str) -> list[Any]:
    """The persons named by number (``#12``) in ``text``, each one the actor may see."""
    from mizan.cases.models import Person

    numbers = [n.lstrip("#") for n in _references(text)]
    found = {
        str(p.pk): p
        for p in Person.objects.visible_to(actor).filter(
            pk__in=[int(n) for n in numbers if n.isdigit()]
        )
    }
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise forms.ValidationError(
            _("No person %(numbers)s that you can see.") % {"numbers": ", ".join(unknown)}
        )
    return [found[n] for n in numbers]


class ItemEditForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """What may change about an item after it was received — never its content or hashes."""

    incident_refs = forms.CharField(
        label=_("Incidents"),
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr"}),
        help_text=_("Incident references separated by spaces or commas."),
    )

    class Meta:
        model = Item
        fields = [
            "title",
            "collected_by",
            "collected_on",
            "collected_where",
            "collected_from",
            "collection_method",
            "source_text",
            "consent_scopes",
            "case_files",
            "sensitivity",
            "team",
        ]
        widgets = {"consent_scopes": forms.CheckboxSelectMultiple}
        field_classes = {"consent_scopes": ConsentScopesField}

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["consent_scopes"].queryset = Term.objects.of("consent_scope")  # type: ignore[attr-defined]
        self.fields["consent_scopes"].widget.attrs["class"] = ""
        self.fields["case_files"].queryset = CaseFile.objects.visible_to(actor)  # type: ignore[attr-defined]
        self.fields["sensitivity"] = forms.TypedChoiceField(
            label=_("Sensitivity"), coerce=int, choices=sensitivity_choices(actor)
        )
        teams = Team.objects.all()
        if not actor.is_superuser:
            teams = teams.filter(pk__in=user_team_ids(actor))
        self.fields["team"].queryset = teams  # type: ignore[attr-defined]
        # Links to incidents and case files the editor may not see are neither shown (their
        # references would leak) nor dropped when the editor saves what they can see.
        self.hidden_incidents: list[Any] = []
        self.hidden_case_files: list[Any] = []
        if self.instance.pk:
            linked = self.instance.incidents.order_by("reference")
            visible = linked.visible_to(actor)
            self.fields["incident_refs"].initial = " ".join(
                visible.values_list("reference", flat=True)
            )
            self.hidden_incidents = list(linked.exclude(pk__in=visible.values("pk")))
            cases = self.instance.case_files.all()
            self.hidden_case_files = list(
                cases.exclude(pk__in=cases.visible_to(actor).values("pk"))
            )
            self.initial["case_files"] = list(cases.visible_to(actor).values_list("pk", flat=True))
        self.incidents: list[Any] = []
        for field in self.fields.values():
            style_widget(field.widget)
        self.fields["consent_scopes"].widget.attrs["class"] = ""

    def clean_incident_refs(self) -> str:
        incidents = visible_incidents(self.actor, self.cleaned_data.get("incident_refs", ""))
        self.incidents = incidents + self.hidden_incidents
        return " ".join(i.reference for i in incidents)

    def clean_case_files(self) -> list[Any]:
        return [*self.cleaned_data.get("case_files", []), *self.hidden_case_files]
