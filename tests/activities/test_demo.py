"""The demo activities: a year of them under two projects, counts that agree with the lists,
some published, loaded once (issue 17, "Done when")."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from django.utils import timezone

from mizan.activities import demo, selectors
from mizan.activities.models import Activity, Project
from mizan.core.sensitivity import Sensitivity


def test_demo_loads_a_year_under_two_projects_once(db: Any) -> None:
    demo.load(io.StringIO())
    activities = list(Activity.objects.all())
    assert len(activities) >= 12
    assert set(Project.objects.values_list("code", flat=True)) == {"TJ-DEMO", "FAM-DEMO"}
    assert all(a.projects.count() == 1 for a in activities)
    today = timezone.localdate()
    first = min(a.start_date.earliest() for a in activities if a.start_date)
    assert today - first <= timedelta(days=366)
    listed = [a for a in activities if a.participation == Activity.Participation.LISTED]
    assert len(listed) == 2
    for activity in listed:
        rows = list(activity.participants.all())
        assert activity.total == len(rows)
        assert activity.women + activity.girls == sum(r.sex == "female" for r in rows)
    public = list(selectors.public_activities())
    assert public and all(a.sensitivity == Sensitivity.PUBLIC for a in public)
    assert len(public) < len(activities)

    out = io.StringIO()
    demo.load(out)
    assert "none added" in out.getvalue()
    assert Activity.objects.count() == len(activities)
