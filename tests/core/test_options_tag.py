"""``{% options %}`` renders filter choices in one Python loop (issue 11: the incident list's
time went into template loops over every option). It must escape what an administrator typed
into a vocabulary, keep the chosen filter selected, and — on the incident list — still offer no
sensitivity level above the user's clearance and no unit the user may not see."""

from __future__ import annotations

from typing import Any

from django.template import Context, Template

from mizan.cases.models import Organisation
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from tests.conftest import signed_in


def render(source: str, **context: Any) -> str:
    return Template("{% load options %}" + source).render(Context(context))


def test_labels_and_values_are_escaped(db: Any) -> None:
    term = Term(vocabulary="x", code='a"b', label_en="<script>alert(1)</script>", label_ar="x")
    html = render("{% options items chosen %}", items=[term], chosen="")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'value="a&quot;b"' in html


def test_the_chosen_value_is_selected_by_attribute_or_index() -> None:
    pairs = [(1, "one"), (2, "two")]
    html = render("{% options items chosen 0 1 %}", items=pairs, chosen="2")
    assert html == '<option value="1">one</option><option value="2" selected>two</option>'
    assert " selected" not in render("{% options items chosen 0 1 %}", items=pairs, chosen="")


def test_limit_leaves_out_levels_above_it() -> None:
    html = render(
        "{% options items '' 0 1 limit=level %}",
        items=Sensitivity.choices,
        level=Sensitivity.INTERNAL,
    )
    assert f'value="{int(Sensitivity.INTERNAL)}"' in html
    assert f'value="{int(Sensitivity.CONFIDENTIAL)}"' not in html
    assert f'value="{int(Sensitivity.RESTRICTED)}"' not in html


def test_incident_list_filters_offer_nothing_above_the_viewer(viewer: Any, team_b: Any) -> None:
    hidden_unit = Organisation.objects.create(
        name_en="Canary Branch 9911", name_ar="فرع الكناري", sensitivity=Sensitivity.RESTRICTED
    )
    team_unit = Organisation.objects.create(
        name_en="Team Branch 7722", name_ar="فرع الفريق", team=team_b
    )
    open_unit = Organisation.objects.create(name_en="Open Branch 5533", name_ar="فرع مفتوح")
    html = signed_in(viewer).get(f"/cases/incidents/?unit={open_unit.pk}").content.decode()
    units = html.split('id="unit"')[1].split("</select>")[0]
    assert f'<option value="{open_unit.pk}" selected>Open Branch 5533</option>' in units
    assert f'value="{hidden_unit.pk}"' not in units and "Canary Branch 9911" not in html
    assert f'value="{team_unit.pk}"' not in units and "Team Branch 7722" not in html
    sensitivity = html.split('id="sensitivity"')[1].split("</select>")[0]
    assert f'value="{int(Sensitivity.INTERNAL)}"' in sensitivity
    assert f'value="{int(Sensitivity.CONFIDENTIAL)}"' not in sensitivity
