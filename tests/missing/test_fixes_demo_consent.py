"""The demo registry's family reports give consents the form would take: “Internal use only”
alone or wider scopes, never both (``core.validators.validate_consent_scopes``)."""

from __future__ import annotations

import io
from typing import Any

from mizan.core.validators import validate_consent_scopes
from mizan.missing import demo
from mizan.missing.models import FamilyReport


def test_the_demo_family_reports_consent_says_one_thing(db: Any) -> None:
    demo.load(io.StringIO(), show_credentials=False)
    reports = FamilyReport.objects.prefetch_related("consent_scopes")
    assert reports.count() > 10
    for report in reports:
        validate_consent_scopes(term.code for term in report.consent_scopes.all())
    assert any(len(report.consent_scopes.all()) > 1 for report in reports)
