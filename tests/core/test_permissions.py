"""The permission layer, tested mostly from the side that must be refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse

from mizan.core.models import Site
from mizan.core.permissions import effective_clearance, get_visible_or_404
from mizan.core.selectors import sites_visible_to
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def names(queryset) -> set[str]:  # type: ignore[no-untyped-def]
    return set(queryset.values_list("name_en", flat=True))


def test_anonymous_sees_only_public(sites) -> None:  # type: ignore[no-untyped-def]
    assert names(Site.objects.visible_to(AnonymousUser())) == {"Public prison"}


def test_viewer_cannot_list_count_or_search_above_clearance(viewer, sites) -> None:  # type: ignore[no-untyped-def]
    visible = Site.objects.visible_to(viewer)
    assert names(visible) == {"Public prison", "Internal branch"}
    assert visible.count() == 2
    assert not sites_visible_to(viewer, query="Confidential").exists()
    assert not sites_visible_to(viewer, query="مقبرة").exists()


def test_viewer_cannot_open_a_confidential_record(viewer, sites) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Http404):
        get_visible_or_404(Site, viewer, pk=sites["confidential"].pk)
    response = signed_in(viewer).get(reverse("core:site_detail", args=[sites["confidential"].pk]))
    assert response.status_code == 404
    assert "Confidential facility" not in response.content.decode()


def test_viewer_pages_never_show_hidden_names(viewer, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(viewer)
    for url in [
        reverse("core:site_list"),
        reverse("core:site_list") + "?q=grave",
        reverse("core:home"),
        reverse("core:place_detail", args=[sites["restricted"].place.code]),
    ]:
        body = client.get(url).content.decode()
        for hidden in (
            "Confidential facility",
            "Restricted grave",
            "Team A confidential grave",
            "مرفق سري",
            "Team B internal site",
        ):
            assert hidden not in body, (url, hidden)


def test_team_limit_applies_even_with_clearance(documenter_a, documenter_b, sites) -> None:  # type: ignore[no-untyped-def]
    assert "Team A confidential grave" in names(Site.objects.visible_to(documenter_a))
    assert "Team A confidential grave" not in names(Site.objects.visible_to(documenter_b))
    assert "Team B internal site" in names(Site.objects.visible_to(documenter_b))
    assert "Team B internal site" not in names(Site.objects.visible_to(documenter_a))
    assert not sites["team_a"].is_visible_to(documenter_b)


def test_documenter_clearance_stops_at_confidential(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    assert "Restricted grave" not in names(Site.objects.visible_to(documenter_a))


def test_unverified_second_factor_caps_clearance(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    documenter_a.is_verified = lambda: False
    assert effective_clearance(documenter_a) == Sensitivity.INTERNAL
    assert "Confidential facility" not in names(Site.objects.visible_to(documenter_a))
    documenter_a.is_verified = lambda: True
    assert "Confidential facility" in names(Site.objects.visible_to(documenter_a))


def test_unverified_user_is_sent_to_the_second_factor(documenter_a) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a, verified=False)
    response = client.get(reverse("core:site_list"))
    assert response.status_code == 302
    assert reverse("accounts:two_factor_verify") in response["Location"]


def test_new_account_without_device_is_sent_to_enrolment(make_user, team_a) -> None:  # type: ignore[no-untyped-def]
    legal = make_user("lina_legal", "legal_officer", (team_a,))
    response = signed_in(legal, verified=False, device=False).get(reverse("core:home"))
    assert response.status_code == 302
    assert reverse("accounts:two_factor_setup") in response["Location"]


def test_inactive_user_sees_public_only(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    documenter_a.is_active = False
    documenter_a.is_verified = lambda: True
    assert names(Site.objects.visible_to(documenter_a)) == {"Public prison"}


def test_administrator_sees_every_level_and_team(administrator, sites) -> None:  # type: ignore[no-untyped-def]
    administrator.is_verified = lambda: True
    assert names(Site.objects.visible_to(administrator)) == {s.name_en for s in sites.values()}


def test_form_refuses_a_level_the_author_cannot_read(documenter_a, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    response = client.post(
        reverse("core:site_create"),
        {
            "name_en": "Attempt",
            "site_type": sites["public"].site_type.pk,
            "place": sites["public"].place.pk,
            "sensitivity": Sensitivity.RESTRICTED,
            "in_use_from_0": "",
            "in_use_until_0": "",
        },
    )
    assert response.status_code == 200
    assert not Site.objects.filter(name_en="Attempt").exists()


def test_form_refuses_another_teams_limit(documenter_a, team_b, sites) -> None:  # type: ignore[no-untyped-def]
    client = signed_in(documenter_a)
    response = client.post(
        reverse("core:site_create"),
        {
            "name_en": "Sneaky",
            "site_type": sites["public"].site_type.pk,
            "place": sites["public"].place.pk,
            "sensitivity": Sensitivity.INTERNAL,
            "team": team_b.pk,
        },
    )
    assert response.status_code == 200
    assert not Site.objects.filter(name_en="Sneaky").exists()
