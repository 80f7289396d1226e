"""/admin/ for a signed-in user who is not staff (issue 19, core job 2).

It redirected for ever: the admin sent the user to its sign-in page, which sent them to Mizan's
sign-in page, which sent a signed-in user back to the admin.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "only for administrators"), ("ar", "للمسؤولين")],
)
def test_a_signed_in_non_staff_user_is_told_the_admin_is_not_theirs(
    documenter_a, language, words
) -> None:
    client = signed_in(documenter_a, language=language)
    with translation.override(language):
        response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 1
    assert words in response.content.decode()


def test_a_visitor_is_sent_to_mizans_sign_in_page(client) -> None:
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("accounts:login") + "?next=%2Fadmin%2F"


def test_staff_reach_the_admin(administrator) -> None:
    client = signed_in(administrator)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert response.resolver_match.url_name == "index"
