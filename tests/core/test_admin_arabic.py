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


def test_admin_scripts_speak_arabic(administrator: Any) -> None:
    """Every string Django admin's scripts ask gettext for has an Arabic translation in the
    script catalogue (Django 5.2's own Arabic lacks "Choose all %s" and a few more)."""
    import json
    import re
    from pathlib import Path

    import django

    body = signed_in(administrator, language="ar").get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S)[1])
    scripts = Path(django.__file__).parent / "contrib/admin/static/admin/js"
    wanted = set()
    for script in scripts.rglob("*.js"):
        if "vendor" not in script.parts:
            text = script.read_text(encoding="utf-8")
            wanted |= {m[1] for m in re.finditer(r"(?<![p])gettext\(\s*'([^']+)'", text)}
            wanted |= {m[1] for m in re.finditer(r'(?<![p])gettext\(\s*"([^"]+)"', text)}
    missing = sorted(m for m in wanted if m not in catalogue)
    assert not missing, missing
    assert catalogue["December"] == "كانون الأول"
