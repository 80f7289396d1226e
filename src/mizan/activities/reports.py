"""The donor report as files: an XLSX workbook (openpyxl) and a bilingual PDF (WeasyPrint).

Both are drawn from the same ``selectors.DonorReport`` the page shows, so their totals are the
page's. Neither holds a name: a report carries counts only. Every export is audited.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.activities.selectors import DonorReport, Label, both
from mizan.core.audit import Action, audit_record
from mizan.core.exports import spreadsheet_safe

SEX_LABELS = {
    "women": _("Women"),
    "men": _("Men"),
    "girls": _("Girls (under 18)"),
    "boys": _("Boys (under 18)"),
}


def headings() -> dict[str, Label]:
    """Every heading of the files in both languages (one place, so XLSX and PDF agree)."""
    words = {
        "report": _("Donor report"),
        "project": _("Project"),
        "donor": _("Donor"),
        "period": _("Period"),
        "summary": _("Summary"),
        "activities": _("Activities"),
        "participants": _("Participants"),
        "women_girls": _("Women and girls"),
        "women_share": _("Share of women and girls (%)"),
        "by_type": _("Activities by type"),
        "by_month": _("Activities by month"),
        "by_sex": _("Participants by sex and age"),
        "groups": _("Participants by group"),
        "age_bands": _("Participants by age band"),
        "indicators": _("Indicators against targets"),
        "indicator": _("Indicator"),
        "target": _("Target"),
        "actual": _("Achieved"),
        "outputs": _("Outputs"),
        "category": _("Category"),
        "count": _("Count"),
        "month": _("Month"),
        "reference": _("Reference"),
        "title": _("Title"),
        "type": _("Type"),
        "date": _("Date"),
        "place": _("Place"),
        "total": _("Total"),
        "generated": _("Generated"),
        "no_names": _("Counts only: no participant's name is part of this report."),
        **SEX_LABELS,
    }
    return {key: both(text) for key, text in words.items()}


def _pair(label: Label) -> str:
    return f"{label.en} / {label.ar}" if label.ar and label.ar != label.en else label.en


def report_xlsx(report: DonorReport, *, actor: Any) -> bytes:
    """One workbook: a summary sheet, one sheet per breakdown, the indicators and the list of
    activities (reference, title, type, date, place, participants, women and girls)."""
    from openpyxl import Workbook

    h = headings()
    book = Workbook()
    summary = book.active
    summary.title = "Summary"
    summary.sheet_view.rightToLeft = False
    rows: list[list[Any]] = [
        [_pair(h["report"])],
        [_pair(h["project"]), _pair(report.title)],
        [_pair(h["donor"]), _pair(report.donor)],
        [_pair(h["period"]), report.start.isoformat(), report.end.isoformat()],
        [],
        [_pair(h["activities"]), len(report.activities)],
        [_pair(h["participants"]), report.total],
        *[[_pair(h[name]), report.sexes[name]] for name in SEX_LABELS],
        [_pair(h["women_girls"]), report.female],
        [_pair(h["women_share"]), report.women_share if report.women_share is not None else ""],
        [_pair(h["outputs"]), report.output_total],
        [],
        [_pair(h["no_names"])],
    ]
    for row in rows:
        summary.append([spreadsheet_safe(v) if isinstance(v, str) else v for v in row])
    summary.column_dimensions["A"].width = 48

    def sheet(name: str, header: list[Label], body: list[list[Any]], *, total: bool = True) -> None:
        ws = book.create_sheet(name)
        ws.append([_pair(label) for label in header])
        for values in body:
            ws.append(
                [
                    _pair(v)
                    if isinstance(v, Label)
                    else spreadsheet_safe(v)
                    if isinstance(v, str)
                    else v
                    for v in values
                ]
            )
        if total:
            ws.append([_pair(h["total"]), sum(values[-1] for values in body)])
        ws.column_dimensions["A"].width = 40

    sheet("By type", [h["type"], h["count"]], [[label, n] for label, n in report.by_type])
    sheet("By month", [h["month"], h["count"]], [[month, n] for month, n in report.by_month])
    sheet("By group", [h["category"], h["count"]], [[label, n] for label, n in report.groups])
    sheet("By age band", [h["category"], h["count"]], [[label, n] for label, n in report.age_bands])
    sheet(
        "Indicators",
        [h["indicator"], h["target"], h["actual"]],
        [[row["label"], row["target"], row["actual"]] for row in report.indicators],
        total=False,
    )
    sheet("Outputs", [h["category"], h["count"]], [[label, n] for label, n in report.outputs])
    sheet(
        "Activities",
        [
            h["reference"],
            h["title"],
            h["type"],
            h["date"],
            h["place"],
            h["participants"],
            h["women_girls"],
        ],
        [
            [r["reference"], r["title"], r["type"], r["date"], r["place"], r["total"], r["women"]]
            for r in report.per_activity
        ],
        total=False,
    )
    out = io.BytesIO()
    book.save(out)
    _audit(report, actor=actor, fmt="xlsx")
    return out.getvalue()


def report_pdf(report: DonorReport, *, actor: Any) -> bytes:
    """The same figures as a PDF with every heading and label in Arabic and English."""
    from weasyprint import HTML

    html = render_to_string(
        "activities/report.pdf.html",
        {
            "report": report,
            "h": headings(),
            "sex_rows": [(headings()[name], report.sexes[name]) for name in SEX_LABELS],
            "generated": timezone.now(),
        },
    )
    document = bytes(HTML(string=html).write_pdf())
    _audit(report, actor=actor, fmt="pdf")
    return document


def _audit(report: DonorReport, *, actor: Any, fmt: str) -> None:
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        object_type="activities.donorreport",
        detail={
            "format": fmt,
            "from": report.start.isoformat(),
            "to": report.end.isoformat(),
            "activities": len(report.activities),
            "participants": report.total,
        },
    )
