"""A locker item's consent scopes say one thing (the shared
``core.validators.validate_consent_scopes``): “Internal use only” alone or the wider scopes,
refused together on the forms and in the services, nothing written; an item may have none."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from mizan.core.models import Term
from mizan.evidence.forms import ItemDetailsForm, ItemEditForm
from mizan.evidence.models import Item
from mizan.evidence.services import item_ingest, item_update

pytestmark = pytest.mark.django_db
CONTRADICTION = "“Internal use only” cannot be chosen beside wider scopes"


def _terms(*codes: str) -> list[Term]:
    return list(Term.objects.filter(vocabulary="consent_scope", code__in=codes))


def test_ingest_refuses_internal_use_only_beside_a_wider_scope() -> None:
    with pytest.raises(ValidationError, match=CONTRADICTION):
        item_ingest(
            io.BytesIO(b"synthetic statement"),
            filename="a.txt",
            actor="t",
            consent_scopes=_terms("internal_use", "courts_prosecutors"),
        )
    assert not Item.objects.exists()
    assert item_ingest(io.BytesIO(b"synthetic statement"), filename="a.txt", actor="t").created


def test_update_refuses_internal_use_only_beside_a_wider_scope() -> None:
    item = item_ingest(
        io.BytesIO(b"synthetic statement"),
        filename="a.txt",
        actor="t",
        consent_scopes=_terms("internal_use"),
    ).item
    with pytest.raises(ValidationError, match=CONTRADICTION):
        item_update(
            item=item, actor=None, data={"consent_scopes": _terms("internal_use", "un_bodies")}
        )
    assert list(item.consent_scopes.values_list("code", flat=True)) == ["internal_use"]
    item_update(item=item, actor=None, data={"consent_scopes": _terms("un_bodies")})
    assert list(item.consent_scopes.values_list("code", flat=True)) == ["un_bodies"]


@pytest.mark.parametrize("form_class", [ItemDetailsForm, ItemEditForm])
def test_the_forms_refuse_internal_use_only_beside_a_wider_scope(
    form_class: Any, make_user: Any
) -> None:
    actor = make_user("dana_documenter", "documenter")
    both = form_class(
        {"consent_scopes": [t.pk for t in _terms("internal_use", "un_bodies")]}, actor=actor
    )
    assert not both.is_valid()
    assert CONTRADICTION in " ".join(both.errors["consent_scopes"])
    for codes in (("internal_use",), ("un_bodies",), ()):
        form = form_class({"consent_scopes": [t.pk for t in _terms(*codes)]}, actor=actor)
        form.is_valid()
        assert "consent_scopes" not in form.errors
