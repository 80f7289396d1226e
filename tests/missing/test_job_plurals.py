"""An import job's counts are in the right plural form in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mizan.missing import services
from mizan.missing.models import ImportJob
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "counts", "expected"),
    [
        ("en", (1, 0, 1), "1 row · 0 errors · 1 warning"),
        ("ar", (5, 2, 1), "5 أسطر · خطآن · تنبيه واحد"),
        ("ar", (11, 0, 100), "11 سطراً · 0 خطأ · 100 تنبيه"),
    ],
)
def test_job_counts_have_their_plural(
    administrator: Any, language: str, counts: tuple[int, int, int], expected: str
) -> None:
    source_list = services.source_list_create(
        actor=None, data={"name": "Families' list (synthetic)", "origin": "families"}
    )
    rows, errors, warnings = counts
    job = ImportJob.objects.create(
        source_list=source_list,
        file_path="/nonexistent.csv",
        file_name="l.csv",
        state=ImportJob.State.FAILED,
        rows=rows,
        error_count=errors,
        warning_count=warnings,
    )
    page = signed_in(administrator, language=language).get(
        reverse("missing:job_detail", args=[job.pk])
    )
    assert expected in " ".join(page.content.decode().split())
