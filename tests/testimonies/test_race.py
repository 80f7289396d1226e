"""A consent withdrawn while a publication is being checked: the publication never outlives it.

``publication_create`` and ``consent_withdraw`` both lock the testimony row. Here the leak check
of a publication is held open in one thread while another withdraws the consent: the withdrawal
waits for the publication to commit, then takes it down. PostgreSQL only (SQLite has no row
locks; it serialises every writer on the whole database instead).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from mizan.testimonies import leaks, services
from mizan.testimonies.models import Publication
from tests.testimonies.conftest import give_consent

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are a PostgreSQL feature"
)


@pytest.mark.django_db(transaction=True)
def test_withdrawal_during_publication_takes_it_down(
    testimony: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    give_consent(testimony)
    checking = threading.Event()
    release = threading.Event()
    real_find = leaks.find_leaks

    def slow_find(text: str, identities: Any) -> Any:
        checking.set()
        release.wait(10)
        return real_find(text, identities)

    monkeypatch.setattr(services, "find_leaks", slow_find)
    errors: list[BaseException] = []

    def publish() -> None:
        try:
            services.publication_create(
                actor=None, testimony=testimony, narrative="قالت سلمى.", title=""
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    withdrawn: list[Any] = []

    def withdraw() -> None:
        try:
            withdrawn.extend(
                services.consent_withdraw(
                    actor=None, consent=testimony.consents.get(), reason="withdrawn"
                )
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    publisher = threading.Thread(target=publish)
    publisher.start()
    assert checking.wait(10)
    withdrawer = threading.Thread(target=withdraw)
    withdrawer.start()
    withdrawer.join(1.0)
    assert withdrawer.is_alive(), "the withdrawal must wait for the publication being checked"
    release.set()
    publisher.join(20)
    withdrawer.join(20)
    assert not errors, errors
    assert len(withdrawn) == 1
    assert not Publication.objects.public().exists()
    assert Publication.objects.get().state == Publication.State.WITHDRAWN
