"""Personas and records shared by the whole suite.

Named personas, not anonymous users (CONVENTIONS): a viewer with no clearance for confidential
records, a documenter on case team A, a documenter on team B, and an administrator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from mizan.accounts.models import User
from mizan.accounts.services import user_create
from mizan.core.models import Place, Site, Team, Term
from mizan.core.sensitivity import Sensitivity

PASSWORD = "correct horse battery staple 42"

# Property tests judge answers, not speed: Hypothesis's default 200 ms deadline per example (and
# its "too slow" check of data generation) measure the clock, which a loaded CI machine stretches
# (an example over the deadline, fast on the rerun, fails as "Flaky"). Speed has its own tests
# (tests/testimonies/test_leaks.py, tests/library/test_search_budget.py, bench/).
hypothesis_settings.register_profile(
    "mizan", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("mizan")


@pytest.fixture(autouse=True)
def _each_test_starts_in_english() -> Iterator[None]:
    """A test starts in English, whatever the test before it left active in the thread.

    (A client request leaves its language active.) Without this a test reading an English
    message passed or failed with the order of the tests, which pytest-xdist changes; a test
    of Arabic text activates Arabic itself.
    """
    with translation.override("en"):
        yield


@pytest.fixture
def team_a(db: Any) -> Team:
    return Team.objects.create(slug="team-a", name_en="Team A", name_ar="الفريق أ")


@pytest.fixture
def team_b(db: Any) -> Team:
    return Team.objects.create(slug="team-b", name_en="Team B", name_ar="الفريق ب")


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    def _make(username: str, role: str, teams: tuple[Team, ...] = (), **extra: Any) -> User:
        user = user_create(
            actor=None,
            username=username,
            password=PASSWORD,
            role=role,
            teams=list(teams),
            is_superuser=extra.pop("is_superuser", False),
        )
        for key, value in extra.items():
            setattr(user, key, value)
        if extra:
            user.save()
        # The persona objects stand for a session that has passed the second factor; tests of
        # the unverified case override this.
        user.is_verified = lambda: True
        return user

    return _make


@pytest.fixture
def viewer(make_user: Callable[..., User]) -> User:
    return make_user("vera_viewer", "viewer")


@pytest.fixture
def documenter_a(make_user: Callable[..., User], team_a: Team) -> User:
    return make_user("dana_documenter", "documenter", (team_a,))


@pytest.fixture
def documenter_b(make_user: Callable[..., User], team_b: Team) -> User:
    return make_user("omar_outsider", "documenter", (team_b,))


@pytest.fixture
def administrator(make_user: Callable[..., User], team_a: Team) -> User:
    return make_user("alia_admin", "administrator", is_superuser=True)


def signed_in(
    user: User | None, *, verified: bool = True, device: bool = True, language: str = "en"
) -> Client:
    """A client signed in as ``user`` who has a confirmed authenticator; ``verified`` marks the
    session as past the second factor."""
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    if user is None:
        return client
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if not device:
        return client
    totp_device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="test", defaults={"confirmed": True}
    )
    if verified:
        session = client.session
        session["otp_device_id"] = totp_device.persistent_id
        session.save()
    return client


@pytest.fixture
def place(db: Any) -> Place:
    return Place.objects.get(code="SY03")


def make_site(
    name_en: str,
    name_ar: str,
    sensitivity: int,
    team: Team | None = None,
    site_type: str = "detention_facility",
) -> Site:
    return Site.objects.create(
        name_en=name_en,
        name_ar=name_ar,
        site_type=Term.objects.get(vocabulary="site_type", code=site_type),
        place=Place.objects.filter(kind="town").first(),
        sensitivity=sensitivity,
        team=team,
    )


@pytest.fixture
def sites(db: Any, team_a: Team, team_b: Team) -> dict[str, Site]:
    """One site per level, plus team-limited ones. Names carry the level so leaks are obvious."""
    return {
        "public": make_site("Public prison", "سجن عام", Sensitivity.PUBLIC),
        "internal": make_site("Internal branch", "فرع داخلي", Sensitivity.INTERNAL),
        "confidential": make_site("Confidential facility", "مرفق سري", Sensitivity.CONFIDENTIAL),
        "restricted": make_site(
            "Restricted grave", "مقبرة مقيدة", Sensitivity.RESTRICTED, site_type="mass_grave"
        ),
        "team_a": make_site(
            "Team A confidential grave",
            "مقبرة الفريق أ",
            Sensitivity.CONFIDENTIAL,
            team=team_a,
            site_type="mass_grave",
        ),
        "team_b": make_site(
            "Team B internal site", "موقع الفريق ب", Sensitivity.INTERNAL, team=team_b
        ),
    }


def needs_tool(name: str, package: str) -> pytest.MarkDecorator:
    """Skip where the Debian ``package`` giving ``name`` is missing on a developer's machine; under
    CI (``CI`` set), where ``./mizan.sh test`` installs it, a missing tool fails instead of
    skipping, so a test that must run there can never pass by not running."""
    import os
    import shutil

    missing = shutil.which(name) is None
    if missing and os.environ.get("CI"):
        raise RuntimeError(f"{name} is missing under CI: ./mizan.sh test should install {package}")
    return pytest.mark.skipif(missing, reason=f"{package} is not installed (mizan.sh installs it)")


@pytest.fixture
def store_puts(monkeypatch: Any) -> list[int]:
    """Every write of content to the evidence store, as the number of transactions open at
    that moment beyond the test's own."""
    from django.db import connection

    from mizan.evidence.store import LocalStore

    depths: list[int] = []
    baseline = len(connection.atomic_blocks)
    put = LocalStore.put

    def traced(self: Any, stream: Any) -> Any:
        depths.append(len(connection.atomic_blocks) - baseline)
        return put(self, stream)

    monkeypatch.setattr(LocalStore, "put", traced)
    return depths
