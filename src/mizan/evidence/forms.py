from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.cases.forms import sensitivity_choices
from mizan.cases.models import CaseFile
from mizan.core.forms import BootstrapFormMixin
from mizan.core.models import Place, Team, Term
from mizan.core.partial_dates import PartialDateFormField
from mizan.core.permissions import user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item


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
    consent_scopes = forms.ModelMultipleChoiceField(
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
