"""A donor, a project with indicators, and a counted workshop of the project (synthetic)."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest

from mizan.activities import services
from mizan.activities.models import Activity, Indicator, Project
from mizan.cases import services as cases_services
from mizan.cases.models import Organisation
from mizan.core.models import Place, Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity


def term(vocabulary: str, code: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, code=code)


@pytest.fixture
def donor(db: Any) -> Organisation:
    return cases_services.organisation_create(
        actor=None,
        data={
            "name_ar": "وزارة مانحة",
            "name_en": "Donor Ministry",
            "sensitivity": Sensitivity.PUBLIC,
        },
    )


@pytest.fixture
def partner(db: Any) -> Organisation:
    return cases_services.organisation_create(
        actor=None,
        data={"name_ar": "رابطة المحامين", "name_en": "Lawyers Association"},
    )


@pytest.fixture
def project(donor: Organisation) -> Project:
    project = Project.objects.create(
        code="TJ-1",
        title_ar="العدالة الانتقالية",
        title_en="Transitional justice",
        donor=donor,
        starts_on=date(2025, 1, 1),
    )
    Indicator.objects.create(
        project=project,
        code="workshops",
        label_ar="ورش العمل",
        label_en="Workshops",
        measure=Indicator.Measure.ACTIVITIES,
        activity_type=term("activity_type", "workshop"),
        target=3,
    )
    Indicator.objects.create(
        project=project,
        code="share",
        label_ar="نسبة النساء",
        label_en="Share of women",
        measure=Indicator.Measure.WOMEN_SHARE,
        target=40,
    )
    return project


def make_activity(project: Project | None = None, **extra: Any) -> Activity:
    data: dict[str, Any] = {
        "activity_type": term("activity_type", "workshop"),
        "title_ar": "ورشة عمل",
        "title_en": "Workshop",
        "start_date": PartialDate(2025, 3, 10),
        "place": Place.objects.get(code="TR-27-GAZ"),
        "sensitivity": Sensitivity.INTERNAL,
        "projects": [project] if project else [],
        **extra,
    }
    return services.activity_create(actor=None, data=data)


@pytest.fixture
def workshop(project: Project) -> Activity:
    activity = make_activity(project)
    services.counts_set(
        actor=None,
        activity=activity,
        figures={"women": 12, "men": 8, "girls": 0, "boys": 0},
        breakdown={
            term("participant_group", "families_missing"): 15,
            term("participant_group", "lawyers"): 5,
            term("age_band", "30_49"): 20,
        },
    )
    return activity


class _RemovalForms(HTMLParser):
    def __init__(self, action: str) -> None:
        super().__init__()
        self.action = action
        self.details: list[bool] = []  # the <details> around the current point: open?
        self.found: list[list[bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "details":
            self.details.append(any(name == "open" for name, _ in attrs))
        elif tag == "form" and dict(attrs).get("action") == self.action:
            self.found.append(list(self.details))

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self.details.pop()


def removal_question(client: Any, page_url: str, action: str) -> str:
    """The form on ``page_url`` that posts to ``action``, as HTML, once checked to be the only
    one and to stand inside one closed <details> (the question a Remove click opens)."""
    page = client.get(page_url).content.decode()
    parser = _RemovalForms(action)
    parser.feed(page)
    assert parser.found == [[False]]
    return page[page.index(f'action="{action}"') :].split("</form>", 1)[0]
