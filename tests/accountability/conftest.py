"""Synthetic accountability records: a recipient, a confidential case file of team A with one
locker item, a legal officer of team A and one of team B (the outsider)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mizan.cases.models import CaseFile
from mizan.core.models import Team, Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item, Recipient
from mizan.evidence.services import item_ingest


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Messages are asserted in English here; the Arabic journey is the browser test's."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def recipient(db: Any) -> Recipient:
    return Recipient.objects.create(
        name="ICC Office of the Prosecutor (synthetic)",
        category=Term.objects.get(vocabulary="recipient_category", code="icc_otp"),
    )


@pytest.fixture
def case_file_a(team_a: Team) -> CaseFile:
    return CaseFile.objects.create(
        reference="CF-SYN-A", title="Team A file", sensitivity=Sensitivity.CONFIDENTIAL, team=team_a
    )


@pytest.fixture
def item_a(team_a: Team, case_file_a: CaseFile) -> Item:
    return item_ingest(
        io.BytesIO(b"synthetic statement"),
        filename="statement.txt",
        actor=None,
        team=team_a,
        case_files=[case_file_a],
    ).item


@pytest.fixture
def legal_a(make_user: Callable[..., Any], team_a: Team) -> Any:
    return make_user("layla_legal", "legal_officer", (team_a,))


@pytest.fixture
def legal_b(make_user: Callable[..., Any], team_b: Team) -> Any:
    return make_user("bilal_outsider", "legal_officer", (team_b,))
