"""The Help link opens the user guide, in the interface's language, with no raw HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_every_page_links_to_the_guide_in_both_languages(viewer: Any) -> None:
    english = signed_in(viewer).get(reverse("core:home")).content.decode()
    assert f'href="{reverse("core:help")}"' in english
    guide = signed_in(None).get(reverse("core:help")).content.decode()
    assert "Signing in" in guide and "<h2>" in guide
    arabic = signed_in(None, language="ar").get(reverse("core:help")).content.decode()
    assert "Signing in" not in arabic and "<h1>دليل المستخدم</h1>" in arabic


def test_the_guide_cannot_inject_markup(settings: Any, tmp_path: Path) -> None:
    guide = tmp_path / "guide.md"
    guide.write_text("# Guide\n\n<script>alert(1)</script>\n", encoding="utf-8")
    settings.USER_GUIDE_PATH = guide
    body = signed_in(None).get(reverse("core:help")).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_a_missing_guide_answers_404(settings: Any, tmp_path: Path) -> None:
    settings.USER_GUIDE_PATH = tmp_path / "none.md"
    assert signed_in(None).get(reverse("core:help")).status_code == 404
