"""The administration in Arabic names other packages' apps and models, and the roles, in Arabic."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_admin_index_has_no_english_app_or_model_names(administrator: Any) -> None:
    body = signed_in(administrator, language="ar").get("/admin/").content.decode()
    for english in (
        "Otp_Totp",
        "Otp_Static",
        "TOTP devices",
        "Static devices",
        "Axes",
        "Tasks Database Backend",
        "Task Results",
    ):
        assert english not in body, english
    assert "تطبيقات المصادقة" in body


def test_roles_are_named_in_the_admin(administrator: Any) -> None:
    body = signed_in(administrator, language="ar").get("/admin/auth/group/").content.decode()
    assert "موظف قانوني" in body
