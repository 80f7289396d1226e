"""The donor report (issue 17): figures on the page, in the XLSX and in the PDF agree; counts
never include what the user may not see; no name is part of a report."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from mizan.activities import reports, selectors, services
from mizan.activities.models import Activity, Output, Project
from mizan.core.models import AuditEntry
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.activities.conftest import make_activity, term
from tests.conftest import needs_tool, signed_in

pytestmark = pytest.mark.django_db
needs_pdftotext = needs_tool("pdftotext", "poppler-utils")

START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def year(project: Project, workshop: Activity, team_a: Any) -> dict[str, Activity]:
    """The counted workshop (12 women, 8 men), a listed meeting (2 women, 1 man), a confidential
    meeting of team A (30 women), one out of the period and one of no project."""
    meeting = make_activity(
        project,
        activity_type=term("activity_type", "focused_meeting"),
        start_date=PartialDate(2025, 6),
        title_en="Meeting",
    )
    for name, sex in (("سلمى الحلبي", "female"), ("ريم النجار", "female"), ("عمر العطار", "male")):
        services.participant_add(
            actor=None,
            activity=meeting,
            data={
                "full_name_ar": name,
                "sex": sex,
                "consent": True,
                "group": term("participant_group", "families_missing"),
            },
        )
    secret = make_activity(
        project, sensitivity=Sensitivity.CONFIDENTIAL, team=team_a, title_en="Secret meeting"
    )
    services.counts_set(actor=None, activity=secret, figures={"women": 30}, breakdown={})
    later = make_activity(project, start_date=PartialDate(2026, 1, 5))
    services.counts_set(actor=None, activity=later, figures={"men": 50}, breakdown={})
    other = make_activity(None)
    services.counts_set(actor=None, activity=other, figures={"men": 70}, breakdown={})
    services.output_add(
        actor=None, activity=workshop, data={"kind": Output.Kind.RECOMMENDATIONS, "title": "R"}
    )
    return {"meeting": meeting, "secret": secret}


def test_the_report_counts_only_the_projects_visible_activities_of_the_period(
    year: dict[str, Activity], project: Project, viewer: Any, documenter_a: Any
) -> None:
    seen = selectors.donor_report(viewer, project=project, start=START, end=END)
    assert len(seen.activities) == 2
    assert seen.sexes == {"women": 14, "men": 9, "girls": 0, "boys": 0}
    assert seen.total == 23
    assert seen.women_share == round(100 * 14 / 23, 1)
    assert [(str(label), n) for label, n in seen.groups] == [
        ("Families of the missing", 18),
        ("Lawyers", 5),
    ]
    indicators = {row["indicator"].code: row["actual"] for row in seen.indicators}
    assert indicators == {"workshops": 1, "share": round(100 * 14 / 23, 1)}
    assert [(str(label), n) for label, n in seen.outputs] == [("Recommendations", 1)]

    cleared = selectors.donor_report(documenter_a, project=project, start=START, end=END)
    assert cleared.total == 53  # the team's confidential meeting counts for its team
    assert cleared.sexes["women"] == 44


def _page_figures(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-figure="(\w+)">(?:<bdi>)?([\d.]+)', html))


@needs_pdftotext
def test_the_xlsx_and_pdf_totals_equal_the_pages(
    year: dict[str, Activity], project: Project, viewer: Any
) -> None:
    client = signed_in(viewer)
    query = f"?project={project.pk}&start=2025-01-01&end=2025-12-31"
    html = client.get(f"/activities/staff/report/{query}").content.decode()
    page = _page_figures(html)
    assert page == {"activities": "2", "participants": "23", "female": "14", "share": "60.9"}
    assert "سلمى" not in html and "Secret meeting" not in html

    response = client.get(f"/activities/staff/report/{query}&format=xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert summary["Activities / الأنشطة"] == int(page["activities"])
    assert summary["Participants / المشاركون"] == int(page["participants"])
    assert summary["Women and girls / النساء والفتيات"] == int(page["female"])
    assert summary["Share of women and girls (%) / نسبة النساء والفتيات (%)"] == float(
        page["share"]
    )
    groups = list(book["By group"].iter_rows(values_only=True))
    assert groups[-1][1] == 23
    text = "\n".join(
        str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row
    )
    assert "سلمى" not in text and "الحلبي" not in text

    pdf = client.get(f"/activities/staff/report/{query}&format=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = _pdftotext(pdf.content)
    assert _pdf_figure(text, "Participants") == page["participants"]
    assert _pdf_figure(text, "Women and girls") == page["female"]
    assert _pdf_figure(text, "Activities") == page["activities"]
    assert "Secret meeting" not in text and "الحلبي" not in text
    assert AuditEntry.objects.filter(object_type="activities.donorreport").count() == 2


def _pdftotext(content: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return done.stdout.decode()


def _pdf_figure(text: str, label: str) -> str:
    """The number at the end of the summary line that starts with ``label``."""
    for line in text.splitlines():
        if line.strip().startswith(label + " ") or line.strip().startswith(label + "\u00a0"):
            return line.split()[-1]
    raise AssertionError(f"no line {label!r} in the PDF")


def _report_command(out: Path, *extra: str, project: str = "TJ-1") -> str:
    """Run ``mizan activities report`` for 2025; return what it printed."""
    printed = io.StringIO()
    call_command(
        "activities",
        "report",
        *("--project", project, "--from", "2025-01-01", "--to", "2025-12-31"),
        *("--out", str(out), *extra),
        stdout=printed,
    )
    return printed.getvalue()


@needs_pdftotext
def test_the_report_command_writes_xlsx_and_pdf(
    year: dict[str, Activity], project: Project, tmp_path: Path
) -> None:
    printed = _report_command(tmp_path / "r.xlsx")
    # The command line is the operator: every activity of the project counts.
    assert "3 activities, 53 participants, 44 women and girls" in printed
    book = load_workbook(tmp_path / "r.xlsx")
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True) if row}
    assert summary["Participants / المشاركون"] == 53
    _report_command(tmp_path / "r.pdf")
    assert _pdf_figure(_pdftotext((tmp_path / "r.pdf").read_bytes()), "Participants") == "53"
    with pytest.raises(CommandError, match="unknown project"):
        _report_command(tmp_path / "x.pdf", project="NOPE")


def test_the_report_command_counts_what_a_named_user_may_see(
    year: dict[str, Activity], project: Project, viewer: Any, tmp_path: Path
) -> None:
    assert "2 activities, 23 participants" in _report_command(
        tmp_path / "r.xlsx", "--user", viewer.username
    )


def test_a_donor_report_covers_every_project_of_the_donor(
    year: dict[str, Activity], project: Project, donor: Any, viewer: Any
) -> None:
    second = Project.objects.create(
        code="TJ-2", title_ar="ثان", title_en="Second", donor=donor, starts_on=START
    )
    extra = make_activity(second, title_en="Second project's lecture")
    services.counts_set(actor=None, activity=extra, figures={"women": 7}, breakdown={})
    report = selectors.donor_report(viewer, donor=donor, start=START, end=END)
    assert len(report.activities) == 3
    assert report.total == 30
    html = (
        signed_in(viewer)
        .get(f"/activities/staff/report/?donor={donor.pk}&start=2025-01-01&end=2025-12-31")
        .content.decode()
    )
    assert 'data-figure="participants">30<' in html


def test_the_report_needs_a_project_or_a_donor(viewer: Any, project: Project) -> None:
    html = (
        signed_in(viewer)
        .get("/activities/staff/report/?start=2025-01-01&end=2025-12-31")
        .content.decode()
    )
    assert "Choose a project or a donor." in html
    assert "report-summary" not in html


def test_report_labels_exist_in_both_languages() -> None:
    labels = reports.headings()
    assert labels["participants"].en == "Participants"
    assert labels["participants"].ar == "المشاركون"
