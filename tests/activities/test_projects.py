"""Projects and their indicators on their own pages: programme staff record a project with its
donor and period and add indicators with targets; the project page shows each indicator's
figure and the activities it counts — the donor report's own computation, so the two never
disagree; the refused side (a viewer; a confidential activity of another team); bad input
answered next to its field with nothing written; every write audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.activities import selectors, services
from mizan.activities.models import Indicator, Project
from mizan.cases import services as cases_services
from mizan.core.models import AuditEntry
from mizan.core.sensitivity import Sensitivity
from tests.activities.conftest import make_activity, removal_question, term
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _indicator_data(**extra: Any) -> dict[str, Any]:
    return {
        "code": "lectures",
        "label_ar": "محاضرات",
        "label_en": "Lectures",
        "measure": Indicator.Measure.ACTIVITIES,
        "target": 4,
        **extra,
    }


# --- Services ------------------------------------------------------------------------------------


def test_project_and_indicator_writes_are_audited(donor: Any, documenter_a: Any) -> None:
    project = services.project_create(
        actor=documenter_a,
        data={
            "code": "UPR-2026",
            "title_ar": "الاستعراض الدوري",
            "title_en": "UPR",
            "donor": donor,
            "starts_on": date(2026, 1, 1),
        },
    )
    indicator = services.indicator_add(actor=documenter_a, project=project, data=_indicator_data())
    assert services.indicator_update(
        actor=documenter_a, indicator=indicator, data={"target": 6}
    ) == ["target"]
    pk = indicator.pk
    services.indicator_remove(actor=documenter_a, indicator=indicator)
    entries = AuditEntry.objects.filter(
        object_type="activities.project", object_id=str(project.pk)
    ).order_by("seq")
    assert [e.action for e in entries] == ["create", "update", "update", "update"]
    assert entries[1].detail == {"indicator": pk, "added": "lectures"}
    assert entries[3].detail == {"indicator": pk, "removed": "lectures"}
    assert not Indicator.objects.exists()


def test_a_project_ending_before_it_starts_writes_nothing(donor: Any) -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        services.project_create(
            actor=None,
            data={
                "code": "BACK",
                "title_ar": "م",
                "title_en": "P",
                "donor": donor,
                "starts_on": date(2026, 1, 1),
                "ends_on": date(2025, 1, 1),
            },
        )
    assert not Project.objects.exists()
    assert not AuditEntry.objects.filter(object_type="activities.project").exists()


def test_a_donor_out_of_reach_is_refused(team_b: Any, documenter_a: Any) -> None:
    hidden = cases_services.organisation_create(
        actor=None,
        data={"name_en": "Hidden donor", "sensitivity": Sensitivity.CONFIDENTIAL, "team": team_b},
    )
    with pytest.raises(ValidationError, match="may not see"):
        services.project_create(
            actor=documenter_a,
            data={
                "code": "HID",
                "title_ar": "م",
                "title_en": "P",
                "donor": hidden,
                "starts_on": date(2026, 1, 1),
            },
        )
    assert not Project.objects.exists()


def test_a_share_above_a_hundred_and_a_code_used_twice_are_refused(project: Any) -> None:
    with pytest.raises(ValidationError, match="cannot be more than 100"):
        services.indicator_add(
            actor=None,
            project=project,
            data=_indicator_data(code="w", measure=Indicator.Measure.WOMEN_SHARE, target=140),
        )
    with pytest.raises(ValidationError):
        services.indicator_add(actor=None, project=project, data=_indicator_data(code="share"))
    assert project.indicators.count() == 2


def test_the_project_page_figures_are_the_donor_reports(
    project: Any, workshop: Any, documenter_a: Any
) -> None:
    figures = selectors.project_report(documenter_a, project, date(2025, 12, 31))
    report = selectors.donor_report(
        documenter_a, project=project, start=project.starts_on, end=date(2025, 12, 31)
    )
    assert [row["actual"] for row in figures.indicators] == [
        row["actual"] for row in report.indicators
    ]
    workshops = next(r for r in figures.indicators if r["indicator"].code == "workshops")
    assert workshops["activities"] == [workshop] and workshops["actual"] == 1


# --- Pages ---------------------------------------------------------------------------------------


def test_programme_staff_record_a_project_and_an_indicator(donor: Any, documenter_a: Any) -> None:
    client = signed_in(documenter_a)
    response = client.post(
        reverse("activities:project_new"),
        {
            "code": "WOMEN-2026",
            "title_ar": "مشاركة النساء",
            "title_en": "Women's participation",
            "donor": donor.pk,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
        },
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("activities:project_detail", args=[project.pk])
    response = client.post(
        reverse("activities:indicator_add", args=[project.pk]),
        {
            f"i-{k}": v
            for k, v in _indicator_data(activity_type=term("activity_type", "lecture").pk).items()
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("activities:project_detail", args=[project.pk])).content.decode()
    assert "Lectures" in page and 'id="indicator-lectures"' in page and "Donor Ministry" in page
    listing = client.get(reverse("activities:project_list")).content.decode()
    assert "WOMEN-2026" in listing


def test_every_error_is_shown_next_to_its_field_and_nothing_is_written(
    documenter_a: Any, project: Any
) -> None:
    client = signed_in(documenter_a)
    response = client.post(
        reverse("activities:project_new"),
        {
            "code": "TJ-1",  # already used
            "title_ar": "",
            "title_en": "",
            "donor": "",
            "starts_on": "2026-05-01",
            "ends_on": "2026-01-01",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {
        "code",
        "title_ar",
        "title_en",
        "donor",
        "ends_on",
    }
    assert Project.objects.count() == 1
    response = client.post(
        reverse("activities:indicator_add", args=[project.pk]),
        {
            "i-code": "share",
            "i-label_ar": "",
            "i-label_en": "x",
            "i-measure": "women_share",
            "i-target": "150",
        },
    )
    errors = response.context["form"].errors
    assert response.status_code == 200 and set(errors) >= {"code", "label_ar", "target"}
    assert project.indicators.count() == 2
    assert not AuditEntry.objects.filter(object_type="activities.project").exists()


def test_a_viewer_reads_projects_but_changes_nothing(viewer: Any, project: Any) -> None:
    client = signed_in(viewer)
    assert client.get(reverse("activities:project_list")).status_code == 200
    assert client.get(reverse("activities:project_detail", args=[project.pk])).status_code == 200
    indicator = project.indicators.first()
    for url in (
        reverse("activities:project_new"),
        reverse("activities:project_edit", args=[project.pk]),
        reverse("activities:indicator_add", args=[project.pk]),
        reverse("activities:indicator_edit", args=[project.pk, indicator.pk]),
    ):
        assert client.get(url).status_code == 403
    response = client.post(reverse("activities:indicator_remove", args=[project.pk, indicator.pk]))
    assert response.status_code == 403
    assert project.indicators.count() == 2


def test_an_activity_out_of_reach_adds_nothing_to_the_project_page(
    project: Any, team_a: Any, make_user: Any, team_b: Any
) -> None:
    make_activity(
        project,
        title_en="Team A meeting",
        sensitivity=Sensitivity.CONFIDENTIAL,
        team=team_a,
    )
    outsider = signed_in(make_user("omar_outsider", "documenter", (team_b,)))
    page = outsider.get(reverse("activities:project_detail", args=[project.pk]))
    assert "Team A meeting" not in page.content.decode()
    assert page.context["report"].activities == []
    insider = signed_in(make_user("ines_insider", "documenter", (team_a,)))
    page = insider.get(reverse("activities:project_detail", args=[project.pk]))
    assert len(page.context["report"].activities) == 1


def test_edit_a_project_and_an_indicator(documenter_a: Any, project: Any) -> None:
    client = signed_in(documenter_a)
    response = client.post(
        reverse("activities:project_edit", args=[project.pk]),
        {
            "code": "TJ-1",
            "title_ar": project.title_ar,
            "title_en": "Transitional justice II",
            "donor": project.donor_id,
            "starts_on": "2025-01-01",
            "ends_on": "2026-12-31",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title_en == "Transitional justice II" and project.ends_on == date(2026, 12, 31)
    entry = AuditEntry.objects.filter(object_type="activities.project").first()
    assert entry is not None and sorted(entry.fields) == ["ends_on", "title_en"]
    indicator = project.indicators.get(code="workshops")
    response = client.post(
        reverse("activities:indicator_edit", args=[project.pk, indicator.pk]),
        {
            "i-code": "workshops",
            "i-label_ar": indicator.label_ar,
            "i-label_en": indicator.label_en,
            "i-measure": indicator.measure,
            "i-activity_type": indicator.activity_type_id,
            "i-target": "5",
        },
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.target == 5


def test_links_from_the_activities_list_the_report_and_an_activity(
    documenter_a: Any, project: Any, workshop: Any
) -> None:
    client = signed_in(documenter_a)
    url = reverse("activities:project_detail", args=[project.pk])
    assert (
        reverse("activities:project_list")
        in client.get(reverse("activities:staff_list")).content.decode()
    )
    report = client.get(
        reverse("activities:report"),
        {"project": project.pk, "start": "2025-01-01", "end": "2025-12-31"},
    )
    assert url in report.content.decode()
    assert url in client.get(reverse("activities:detail", args=[workshop.pk])).content.decode()


@pytest.mark.parametrize(
    ("language", "question"),
    [("en", "Remove the indicator"), ("ar", "هل تحذف المؤشر")],
)
def test_removing_an_indicator_asks_first(
    documenter_a: Any, project: Any, language: str, question: str
) -> None:
    """The page's Remove opens a question with the indicator's code; only the button under it
    posts (no script: the CSP allows none inline). The POST itself removes at once, as before."""
    client = signed_in(documenter_a)
    client.cookies["mizan_language"] = language
    indicator = project.indicators.get(code="workshops")
    action = reverse("activities:indicator_remove", args=[project.pk, indicator.pk])
    form = removal_question(client, reverse("activities:project_detail", args=[project.pk]), action)
    assert question in form and '<bdi dir="ltr">workshops</bdi>' in form
    response = client.post(action)
    assert response.status_code == 302
    assert not project.indicators.filter(pk=indicator.pk).exists()
