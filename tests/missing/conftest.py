"""Personas and records of the registry of the missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from mizan.accounts.models import User
from mizan.core.models import Team
from mizan.core.sensitivity import Sensitivity
from mizan.missing import services
from mizan.missing.models import MissingPerson


@pytest.fixture
def registry_team(db: Any) -> Team:
    return Team.objects.create(slug="missing-registry", name_en="Registry", name_ar="السجل")


@pytest.fixture
def officer(make_user: Callable[..., User], registry_team: Team) -> User:
    return make_user("mona_officer", "missing_persons_officer", (registry_team,))


@pytest.fixture
def missing_file(officer: User, registry_team: Team) -> MissingPerson:
    file = services.missing_person_create(
        actor=officer,
        data={"sensitivity": Sensitivity.INTERNAL},
        person_data={"first_name_ar": "سامر", "family_name_ar": "الحلبي"},
    )
    services.relative_add(
        actor=officer,
        missing_person=file,
        relationship="mother",
        person_data={"first_name_ar": "فاطمة", "family_name_ar": "النجار"},
        contact={"phone": "+963 944 000 111", "email": "family@example.org"},
    )
    return file
