from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mizan.core.forms import BootstrapFormMixin
from mizan.core.models import Team, Term
from mizan.core.permissions import effective_clearance, user_team_ids
from mizan.core.sensitivity import Sensitivity
from mizan.core.validators import validate_no_bidi_controls
from mizan.library.models import (
    BODY_VOCABULARY,
    TOPIC_VOCABULARY,
    TYPE_VOCABULARY,
    Collection,
    Document,
    Language,
    RelationKind,
)


def _limit_document_fields(form: forms.ModelForm, actor: Any) -> None:  # type: ignore[type-arg]
    """The vocabularies, the levels and the teams a user may choose for a document."""
    fields = form.fields
    fields["body"].queryset = Term.objects.of(BODY_VOCABULARY)  # type: ignore[attr-defined]
    fields["doc_type"].queryset = Term.objects.of(TYPE_VOCABULARY)  # type: ignore[attr-defined]
    fields["topics"].queryset = Term.objects.of(TOPIC_VOCABULARY)  # type: ignore[attr-defined]
    clearance = effective_clearance(actor)
    # Nobody may file a document at a level they could not read back.
    fields["sensitivity"].choices = [  # type: ignore[attr-defined]
        (value, label) for value, label in Sensitivity.choices if value <= clearance
    ]
    fields["sensitivity"].help_text = _(
        "Public documents appear on the public site; internal ones only to staff."
    )
    teams = Team.objects.all()
    if not actor.is_superuser:
        teams = teams.filter(pk__in=user_team_ids(actor))
    fields["team"].queryset = teams  # type: ignore[attr-defined]
    for name in ("title_ar", "title_en", "symbol", "authors"):
        if name in fields:
            fields[name].validators.append(validate_no_bidi_controls)


DOCUMENT_WIDGETS = {
    "title_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
    "title_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    "symbol": forms.TextInput(attrs={"dir": "ltr"}),
    "official_url": forms.URLInput(attrs={"dir": "ltr"}),
    "abstract_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 4}),
    "abstract_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 4}),
    "topics": forms.SelectMultiple(attrs={"size": 8}),
}
PUBLICATION_FIELDS = ("authors", "abstract_ar", "abstract_en")


# The description of a document, as uploaded and as edited (the upload adds its collection).
DESCRIPTION_FIELDS = [
    "title_ar",
    "title_en",
    "symbol",
    "body",
    "doc_type",
    "date",
    "topics",
    "official_url",
    "authors",
    "abstract_ar",
    "abstract_en",
    "sensitivity",
    "team",
]


class _DescriptionForm(BootstrapFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """What the upload and the edit page share: the fields, their widgets, the clearance and
    team limits, and the rule that a document needs a title or a symbol."""

    official_url = forms.URLField(
        label=_("Official text"), max_length=500, required=False, assume_scheme="https"
    )

    class Meta:
        model = Document
        fields = DESCRIPTION_FIELDS
        widgets = DOCUMENT_WIDGETS

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit_document_fields(self, actor)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        untitled = not (data.get("title_ar") or data.get("title_en") or data.get("symbol"))
        if untitled and not any(self.has_error(n) for n in ("title_ar", "title_en", "symbol")):
            self.add_error(
                "title_ar", _("Give the document a title in Arabic or English, or a symbol.")
            )
        return data


class DocumentEditForm(_DescriptionForm):
    """A document's metadata on its edit page; the publication fields only for publications."""

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, actor=actor, **kwargs)
        if self.instance.collection != Collection.PUBLICATION:
            for name in PUBLICATION_FIELDS:
                del self.fields[name]
        if self.instance.collection == Collection.PUBLICATION:
            self.fields["sensitivity"].help_text = _(
                "A publication is published on the public site when it is public."
            )


class RelationForm(BootstrapFormMixin, forms.Form):
    """A link from this document to another, named by its symbol or its number."""

    kind = forms.ChoiceField(label=_("Relation"), choices=RelationKind.choices)
    target = forms.CharField(
        label=_("Related document"),
        max_length=120,
        help_text=_("Its symbol (e.g. A/RES/71/248) or its number in the library."),
        widget=forms.TextInput(attrs={"dir": "ltr"}),
    )


class DocumentUploadForm(_DescriptionForm):
    """A new document with its first file; the text is extracted in the background."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF (born-digital or scanned), Word (DOCX), HTML or plain text."),
    )
    language = forms.ChoiceField(label=_("Language of the file"), choices=Language.choices)

    class Meta(_DescriptionForm.Meta):
        fields = ["collection", *DESCRIPTION_FIELDS]

    def __init__(self, *args: Any, actor: Any, **kwargs: Any) -> None:
        super().__init__(*args, actor=actor, **kwargs)
        self.fields["collection"].choices = Collection.choices  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        upload = data.get("file")
        if upload is not None and upload.size == 0:
            self.add_error("file", _("The file is empty (0 bytes)."))
        return data


class VersionAddForm(BootstrapFormMixin, forms.Form):
    """Another language's file for a document already in the library."""

    language = forms.ChoiceField(label=_("Language of the file"), choices=Language.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF (born-digital or scanned), Word (DOCX), HTML or plain text."),
    )
