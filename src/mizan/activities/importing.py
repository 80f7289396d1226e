"""Bringing activities in from a CSV or XLSX file (``mizan activities import``).

    reference, type, title_ar, title_en, start_date, end_date, place, partners, donor, project,
    topics, women, men, girls, boys, groups

``partners`` and ``topics`` are separated by ``;``; ``groups`` is ``code:count;code:count``
(codes of the participant-group vocabulary). Every row is checked before anything is written;
then all rows are written in one transaction, so a bad row stops the whole import with its row
number and the reason (translated), and nothing is half-written. Imported activities are
counted (no list) and internal, limited to no case team.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from mizan.activities import services
from mizan.activities.models import ACTIVITY_TOPIC, ACTIVITY_TYPE, PARTICIPANT_GROUP, Activity
from mizan.activities.selectors import find_project, organisations_named
from mizan.core.models import Place, Term
from mizan.core.partial_dates import PartialDate, PartialDateError, check_order
from mizan.core.sensitivity import Sensitivity

COLUMNS = (
    "reference",
    "type",
    "title_ar",
    "title_en",
    "start_date",
    "end_date",
    "place",
    "partners",
    "donor",
    "project",
    "topics",
    "women",
    "men",
    "girls",
    "boys",
    "groups",
)
MAX_ROWS = 10_000


class ImportRefused(Exception):
    """A file or a row that cannot be imported; the message is translated and says where."""


@dataclass
class Row:
    number: int
    data: dict[str, Any]
    relations: dict[str, list[Any]]
    figures: dict[str, int]
    breakdown: dict[Term, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return str(self.data.get("reference") or self.data["title_ar"] or self.data["title_en"])


def read_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8, with or without BOM) or XLSX file as dicts of stripped text."""
    if not path.is_file():
        raise ImportRefused(_("No file %(name)s.") % {"name": path})
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception:
            raise ImportRefused(
                _("The spreadsheet cannot be read: it is damaged or not an XLSX file.")
            ) from None
        values = [
            ["" if cell is None else str(cell) for cell in row]
            for row in book.active.iter_rows(values_only=True)
        ]
        book.close()
    elif path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused(_("The file is not UTF-8 text.")) from None
        values = list(csv.reader(io.StringIO(text)))
    else:
        raise ImportRefused(_("Give a .csv or .xlsx file."))
    if not values:
        raise ImportRefused(_("The file is empty."))
    header = [name.strip().lower() for name in values[0]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise ImportRefused(_("Missing columns: %(names)s.") % {"names": ", ".join(missing)})
    if len(values) - 1 > MAX_ROWS:
        raise ImportRefused(_("More than %(n)s rows: split the file.") % {"n": MAX_ROWS})
    return [
        {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        for cells in values[1:]
        if any(cell.strip() for cell in cells)
    ]


def _term(vocabulary: str, text: str, what: str) -> Term:
    term = (
        Term.objects.of(vocabulary)
        .filter(Q(code=text) | Q(label_en__iexact=text) | Q(label_ar=text))
        .first()
    )
    if term is None:
        raise ValidationError(_("Unknown %(what)s “%(value)s”.") % {"what": what, "value": text})
    return term


def _place(text: str) -> Place | None:
    if not text:
        return None
    place = (
        Place.objects.filter(Q(code=text) | Q(name_en__iexact=text) | Q(name_ar=text))
        .order_by("-kind")
        .first()
    )
    if place is None:
        raise ValidationError(_("Unknown place “%(value)s”.") % {"value": text})
    return place


def _date(text: str, what: str) -> PartialDate | None:
    if not text:
        return None
    try:
        return PartialDate.parse(text)
    except PartialDateError:
        raise ValidationError(
            _("The %(what)s “%(value)s” is not a date (write 2026, 2026-03 or 2026-03-14).")
            % {"what": what, "value": text}
        ) from None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def check_row(number: int, raw: dict[str, str], seen: set[str]) -> Row:
    """One row checked and resolved, or ValidationError with the reason."""
    reference = raw["reference"]
    if reference:
        if reference in seen:
            raise ValidationError(
                _("The reference %(ref)s is twice in the file.") % {"ref": reference}
            )
        if Activity.objects.filter(reference=reference).exists():
            raise ValidationError(
                _("The activity %(ref)s is already recorded.") % {"ref": reference}
            )
        seen.add(reference)
    if not raw["title_ar"] and not raw["title_en"]:
        raise ValidationError(_("Give the activity a title in Arabic or English."))
    start = _date(raw["start_date"], _("start date"))
    if start is None:
        raise ValidationError(_("Give the start date."))
    end = _date(raw["end_date"], _("end date"))
    if not check_order(start, end):
        raise ValidationError(_("The activity ends before it starts."))
    partners = []
    for name in _split(raw["partners"]):
        found = organisations_named(name)
        if not found:
            raise ValidationError(_("Unknown organisation “%(value)s”.") % {"value": name})
        partners.append(found[0])
    projects = []
    if raw["project"]:
        project = find_project(raw["project"])
        if project is None:
            raise ValidationError(_("Unknown project “%(value)s”.") % {"value": raw["project"]})
        projects.append(project)
    if raw["donor"]:
        donors = organisations_named(raw["donor"])
        if not donors:
            raise ValidationError(_("Unknown donor “%(value)s”.") % {"value": raw["donor"]})
        if projects and projects[0].donor not in donors:
            raise ValidationError(
                _("The project %(project)s is not funded by %(donor)s.")
                % {"project": projects[0].code, "donor": raw["donor"]}
            )
    figures = {
        name: services.parse_count(raw[name], label)
        for name, label in services.sex_labels().items()
    }
    breakdown: dict[Term, int] = {}
    for part in _split(raw["groups"]):
        code, sep, count = part.partition(":")
        if not sep:
            raise ValidationError(
                _("Write the groups as code:count;code:count (not “%(value)s”).") % {"value": part}
            )
        term = _term(PARTICIPANT_GROUP, code.strip(), _("participant group"))
        if term in breakdown:
            raise ValidationError(_("The group %(code)s is given twice.") % {"code": term.code})
        breakdown[term] = services.parse_count(count, term.label)
    services.check_breakdown(sum(figures.values()), breakdown)
    data = {
        "reference": reference,
        "activity_type": _term(ACTIVITY_TYPE, raw["type"], _("type of activity")),
        "title_ar": raw["title_ar"],
        "title_en": raw["title_en"],
        "start_date": start,
        "end_date": end,
        "place": _place(raw["place"]),
        "sensitivity": Sensitivity.INTERNAL,
    }
    relations = {
        "partners": partners,
        "projects": projects,
        "topics": [_term(ACTIVITY_TOPIC, t, _("topic")) for t in _split(raw["topics"])],
    }
    return Row(number, data, relations, figures, breakdown)


def check_rows(rows: list[dict[str, str]]) -> list[Row]:
    """Every row checked; the first bad one stops with its row number (the header is row 1)."""
    seen: set[str] = set()
    checked = []
    for index, raw in enumerate(rows, start=2):
        try:
            checked.append(check_row(index, raw, seen))
        except ValidationError as exc:
            raise ImportRefused(
                _("Row %(n)s: %(reason)s") % {"n": index, "reason": " ".join(exc.messages)}
            ) from None
    return checked


def import_rows(rows: list[Row], *, actor: Any) -> list[Activity]:
    """Write every checked row in one transaction (all or nothing)."""
    created = []
    with transaction.atomic():
        for row in rows:
            try:
                activity = services.activity_create(actor=actor, data={**row.data, **row.relations})
                services.counts_set(
                    actor=actor, activity=activity, figures=row.figures, breakdown=row.breakdown
                )
            except ValidationError as exc:
                raise ImportRefused(
                    _("Row %(n)s: %(reason)s") % {"n": row.number, "reason": " ".join(exc.messages)}
                ) from None
            created.append(activity)
    return created
