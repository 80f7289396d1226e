"""The helpers every service writes with (mizan.core.writing), from the side that must not happen.

Reference numbers: two concurrent creators may not take the same number. Before, the registry
read the highest committed reference and added one, so a second file opened while the first
was still being saved got the same ``MP-…`` number and failed on the unique index.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from mizan.cases.services import person_create
from mizan.core.models import Team
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.missing.services import missing_person_create

YEAR = timezone.now().year


@pytest.mark.django_db
def test_numbers_continue_after_the_highest_existing_reference() -> None:
    Team.objects.create(slug=f"TM-{YEAR}-000041", name_en="a", name_ar="أ")
    Team.objects.create(slug=f"TM-{YEAR}-000009", name_en="b", name_ar="ب")
    Team.objects.create(slug=f"TM-{YEAR - 1}-000500", name_en="c", name_ar="ج")
    assert next_reference(Team, "TM", field="slug") == f"TM-{YEAR}-000042"
    # The counter, not the rows, now gives the numbers: a number is never given twice.
    assert next_reference(Team, "TM", field="slug") == f"TM-{YEAR}-000043"
    assert next_reference(Team, "TM", digits=4, field="slug") == f"TM-{YEAR}-0044"


@pytest.mark.django_db
def test_a_rolled_back_create_gives_its_number_back() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        assert next_reference(Team, "RB", field="slug") == f"RB-{YEAR}-000001"
        raise RuntimeError("the create failed")
    assert next_reference(Team, "RB", field="slug") == f"RB-{YEAR}-000001"


@pytest.mark.django_db(transaction=True)
def test_two_files_opened_at_once_get_two_numbers() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writing transaction at a time (IMMEDIATE): no race to test")
    # Existing persons: the file takes its number before anything else is written (a new
    # person's audit entry would queue the second creator on the audit log's head first).
    persons = {
        name: person_create(actor=None, data={"first_name_ar": name}) for name in ("سامر", "رامي")
    }
    first_saved, references, errors = threading.Event(), [], []

    def open_file(name: str, *, hold: bool) -> None:
        try:
            with transaction.atomic():
                file = missing_person_create(actor=None, data={}, person=persons[name])
                references.append(file.reference)
                if hold:  # still uncommitted while the other creator takes its number
                    first_saved.set()
                    threading.Event().wait(0.5)
        except Exception as exc:
            errors.append(exc)
        finally:
            first_saved.set()
            connections.close_all()

    holder = threading.Thread(target=open_file, args=("سامر",), kwargs={"hold": True})
    holder.start()
    first_saved.wait(10)
    second = threading.Thread(target=open_file, args=("رامي",), kwargs={"hold": False})
    second.start()
    holder.join(20)
    second.join(20)
    assert errors == []
    assert sorted(references) == [f"MP-{YEAR}-000001", f"MP-{YEAR}-000002"]


def test_acting_user_and_assign_changes() -> None:
    class Anonymous:
        is_authenticated = False

    class Signed:
        is_authenticated = True

    signed = Signed()
    assert acting_user(signed) is signed
    assert acting_user(Anonymous()) is None
    assert acting_user("cli-operator") is None
    assert acting_user(None) is None
    team = Team(slug="t", name_en="Old", name_ar="قديم")
    assert assign_changes(team, {"name_en": "New", "name_ar": "قديم"}) == ["name_en"]
    assert (team.name_en, team.name_ar) == ("New", "قديم")
