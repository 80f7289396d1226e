"""Partial dates: a year, an optional month and day, and an "approximate" flag (DESIGN 3).

Witnesses rarely know the exact day of an arrest; a record may say "spring 2013" or "about
2012". A ``PartialDate`` keeps exactly what is known and no more, and answers the questions the
rest of the platform asks: which days it may cover, whether it is certainly before another date,
how to show it in Arabic and English, and how to store it so that the database can filter it.

Storage is a short string — ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with ``~`` appended when
approximate. Without the ``~``, comparing two storage strings as text orders them by the first day
they cover. The ``~`` (the agreed storage contract) sorts after ``-``, so ``2013~`` comes after
``2013-05`` as text; order by ``chronological_order(field)`` when approximate dates are mixed in.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Combinable
from django.db.models.functions import Replace
from django.forms.renderers import BaseRenderer
from django.template.loader import render_to_string
from django.utils.functional import lazy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mizan.text import strip_bidi_controls, to_ascii_digits
from mizan.text.dates import APPROXIMATE_LEADING, APPROXIMATE_TRAILING, ARABIC_MONTHS

__all__ = [
    "ARABIC_MONTHS",
    "EARLIEST_YEAR",
    "PartialDate",
    "PartialDateError",
    "PartialDateField",
    "PartialDateFormField",
    "PartialDateWidget",
    "check_order",
    "chronological_order",
    "month_name",
    "year_range_q",
]

EARLIEST_YEAR = 1900
STORAGE_MAX_LENGTH = len("YYYY-MM-DD~")
APPROXIMATE_SUFFIX = "~"

# Levantine month names, as Syrians write them (the organisation's choice, DESIGN): kept in
# ``mizan.text.dates``, which the record linkage reads dates with too.
# A context of our own keeps Django's catalogue (which has "January" without context) out.
ENGLISH_MONTHS = (
    pgettext_lazy("month name", "January"),
    pgettext_lazy("month name", "February"),
    pgettext_lazy("month name", "March"),
    pgettext_lazy("month name", "April"),
    pgettext_lazy("month name", "May"),
    pgettext_lazy("month name", "June"),
    pgettext_lazy("month name", "July"),
    pgettext_lazy("month name", "August"),
    pgettext_lazy("month name", "September"),
    pgettext_lazy("month name", "October"),
    pgettext_lazy("month name", "November"),
    pgettext_lazy("month name", "December"),
)

# Django's own Arabic catalogue names the months the Egyptian way («ديسمبر»), so a date shown
# with the ``date`` filter ("j F Y") read differently from a partial date («كانون الأول»).
# These entries put the Levantine names in Mizan's catalogue, which Django reads before its
# own (LOCALE_PATHS): one set of month names across the interface. Never evaluated here.
DJANGO_MONTH_NAMES = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

# Translated messages for the form and model layers, keyed by PartialDateError.code.
MESSAGES: dict[str, Any] = {
    "year_required": _("Enter a year."),
    "invalid_month": _("The month must be between 1 and 12."),
    "invalid_day": _("There is no day %(day)s in %(month)s %(year)s."),
    "day_without_month": _("A day needs a month."),
    "future": _("The date cannot be in the future."),
    "too_early": _("The year must be 1900 or later."),
    "invalid": _("Enter a date such as 2013, 04/2013 or 07/04/2013."),
}


class PartialDateError(ValueError):
    """A ValueError whose ``code`` and ``params`` let the form layer show a translated message."""

    def __init__(self, message: str, *, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = params or {}


def _is_arabic(language: str | None) -> bool:
    return (language or "").lower().split("-")[0] == "ar"


def _active_language() -> str:
    from django.conf import settings

    return get_language() or settings.LANGUAGE_CODE


def month_name(month: int, language: str | None = None) -> str:
    """The month's name in ``language`` (default: the active one); Levantine names in Arabic."""
    language = language or _active_language()
    if _is_arabic(language):
        return ARABIC_MONTHS[month - 1]
    with override(language):
        return str(ENGLISH_MONTHS[month - 1])


def latest_possible_day() -> date:
    """Today somewhere on Earth: the last day an event can already have happened.

    UTC alone would call an arrest at 01:00 in Damascus (UTC+3) "in the future" for three hours;
    the date in UTC+14 (the furthest time zone ahead) never does.
    """
    return (datetime.now(tz=UTC) + timedelta(hours=14)).date()


_STORAGE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?", re.ASCII)

_LEADING_MARKER = APPROXIMATE_LEADING
_TRAILING_MARKER = APPROXIMATE_TRAILING
_APPROXIMATE_RE = re.compile(
    rf"(?:(?P<lead>{_LEADING_MARKER})\s*)?(?P<date>.*?)(?:\s*(?P<trail>{_TRAILING_MARKER}))?",
    re.IGNORECASE,
)
_DATE_FORMS = (
    # 2013, 2013-04, 2013-04-07, 2013-4-7
    re.compile(
        r"(?P<year>\d{4})(?:(?P<sep>[-/.])(?P<month>\d{1,2})(?:(?P=sep)(?P<day>\d{1,2}))?)?"
    ),
    # 07/04/2013: day before month, as dates are written in Syria
    re.compile(r"(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})"),
    # 04/2013
    re.compile(r"(?P<month>\d{1,2})(?P<sep>[-/.])(?P<year>\d{4})"),
)
_PARSE_HELP = "Expected a date such as 2013, 2013-04, 2013-04-07 or 07/04/2013."


def _optional_int(text: str | None) -> int | None:
    return int(text) if text else None


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the year, the month or the day, possibly only approximately."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int):
                raise PartialDateError(f"The {name} must be a whole number.", code="invalid")
        if not isinstance(self.approximate, bool):
            raise PartialDateError("'approximate' must be True or False.", code="invalid")
        if self.year < EARLIEST_YEAR:
            raise PartialDateError("The year must be 1900 or later.", code="too_early")
        limit = latest_possible_day()
        if self.year > limit.year:
            raise PartialDateError("The date cannot be in the future.", code="future")
        if self.month is not None and not 1 <= self.month <= 12:
            raise PartialDateError("The month must be between 1 and 12.", code="invalid_month")
        if self.day is not None:
            if self.month is None:
                raise PartialDateError("A day needs a month.", code="day_without_month")
            if not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]:
                raise PartialDateError(
                    f"There is no day {self.day} in {calendar.month_name[self.month]} {self.year}.",
                    code="invalid_day",
                    params={"day": self.day, "month": self.month, "year": self.year},
                )
        if self.earliest() > limit:
            raise PartialDateError("The date cannot be in the future.", code="future")

    # --- Reading and writing ------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read a date as people type it.

        Accepts ``2013``, ``2013-04``, ``2013-04-07``, ``2013-4-7``, ``07/04/2013`` (day first),
        ``04/2013``, Arabic-Indic digits, and a marker of approximation: a leading ``~``, ``c.``,
        ``ca.``, ``circa``, ``حوالي`` or ``نحو``, or ``تقريباً`` before or after the date.
        """
        if not isinstance(text, str):
            raise PartialDateError(_PARSE_HELP, code="invalid")
        cleaned = " ".join(to_ascii_digits(strip_bidi_controls(text)).split())
        if not cleaned:
            raise PartialDateError("Enter a year.", code="year_required")
        marked = _APPROXIMATE_RE.fullmatch(cleaned)
        if marked is None:  # pragma: no cover - the pattern matches any text
            raise PartialDateError(_PARSE_HELP, code="invalid")
        if marked["lead"] and marked["trail"]:
            raise PartialDateError(_PARSE_HELP, code="invalid")
        for form in _DATE_FORMS:
            found = form.fullmatch(marked["date"])
            if found is not None:
                parts = found.groupdict()
                return cls(
                    year=int(parts["year"]),
                    month=_optional_int(parts.get("month")),
                    day=_optional_int(parts.get("day")),
                    approximate=bool(marked["lead"] or marked["trail"]),
                )
        raise PartialDateError(_PARSE_HELP, code="invalid")

    def to_storage(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with ``~`` appended when approximate."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text + (APPROXIMATE_SUFFIX if self.approximate else "")

    @classmethod
    def from_storage(cls, text: str) -> PartialDate:
        """The inverse of ``to_storage``; anything not in exactly that form is refused."""
        found = _STORAGE_RE.fullmatch(text) if isinstance(text, str) else None
        if found is None:
            raise PartialDateError(f"Not a stored partial date: {text!r}.", code="invalid")
        year, month, day, approximate = found.groups()
        return cls(int(year), _optional_int(month), _optional_int(day), approximate is not None)

    # --- The days it covers -------------------------------------------------------------------

    def earliest(self) -> date:
        """The first day the date may be; "approximate" does not widen the range."""
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last day the date may be; "approximate" does not widen the range."""
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def is_definitely_before(self, other: PartialDate) -> bool:
        return self.latest() < other.earliest()

    def may_overlap(self, other: PartialDate) -> bool:
        return not (self.is_definitely_before(other) or other.is_definitely_before(self))

    # --- Display ------------------------------------------------------------------------------

    def display(self, language: str | None = None) -> str:
        """The date in words: ``7 April 2013``, ``about April 2013``, ``7 نيسان 2013``.

        Arabic uses the Levantine month names and ``حوالي`` for "about"; both languages use
        Western digits, as everywhere in Mizan.
        """
        language = language or _active_language()
        parts = [str(self.year)]
        if self.month is not None:
            parts.insert(0, month_name(self.month, language))
            if self.day is not None:
                parts.insert(0, str(self.day))
        text = " ".join(parts)
        if self.approximate:
            text = ("حوالي " if _is_arabic(language) else "about ") + text
        return text

    def __str__(self) -> str:
        return self.display()


def year_filters(params: Any, *names: str) -> tuple[dict[str, int | None], list[str]]:
    """Years typed into a list's filters (``year_from``, ``year_to`` …), and what is wrong.

    A filter that is not a year, or out of range, is left out and said so; two years in the
    wrong order (the first two names: from, to) are both left out and said so, rather than
    silently answering nothing.
    """
    from django.utils.translation import gettext

    years: dict[str, int | None] = {}
    problems: list[str] = []
    latest = latest_possible_day().year
    for name in names:
        text = str(params.get(name) or "").strip()
        years[name] = None
        if not text:
            continue
        if not (text.isascii() and text.isdigit() and len(text) == 4):
            problems.append(
                gettext("“%(value)s” is not a year (four digits, such as 2013): not applied.")
                % {"value": text[:20]}
            )
        elif not 1900 <= int(text) <= latest:
            problems.append(
                gettext("The year must be between 1900 and %(latest)s: “%(value)s” not applied.")
                % {"latest": latest, "value": text}
            )
        else:
            years[name] = int(text)
    if len(names) >= 2:
        start, end = years[names[0]], years[names[1]]
        if start is not None and end is not None and start > end:
            problems.append(
                gettext("The first year (%(start)s) is after the last (%(end)s): not applied.")
                % {"start": start, "end": end}
            )
            years[names[0]] = years[names[1]] = None
    return years, problems


def check_order(earlier: PartialDate | None, later: PartialDate | None) -> bool:
    """False only when both dates are known and ``later`` is certainly before ``earlier``."""
    if earlier is None or later is None:
        return True
    return not later.is_definitely_before(earlier)


# --- Model field ------------------------------------------------------------------------------


class PartialDateField(models.CharField):  # type: ignore[type-arg]
    """Stores a ``PartialDate`` as its storage string; reads it back as a ``PartialDate``."""

    _pyi_private_set_type: PartialDate | str | Combinable | None  # type: ignore[assignment]
    _pyi_private_get_type: PartialDate | None  # type: ignore[assignment]

    description = _("Partial date")
    default_error_messages: ClassVar[dict[str, Any]] = {"invalid": MESSAGES["invalid"]}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", STORAGE_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, Any, dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == STORAGE_MAX_LENGTH:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if not value:
            return None
        return PartialDate.from_storage(value)

    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            if not value.strip():
                return None
            try:
                if _STORAGE_RE.fullmatch(value):
                    return PartialDate.from_storage(value)
                return PartialDate.parse(value)
            except PartialDateError as error:
                raise _validation_error(error) from error
        raise ValidationError(self.error_messages["invalid"], code="invalid")

    def get_prep_value(self, value: Any) -> Any:
        """A PartialDate, a storage string or None, as the database compares it.

        Strings are only checked for their shape here, so lookups may use bounds that are not
        dates themselves (``year_range_q`` compares with next year's ``"2027"``); saving checks
        them in full (``get_db_prep_save``).
        """
        value = super(models.CharField, self).get_prep_value(value)  # resolves lazy strings
        if value is None or value == "":
            return None if self.null else ""
        if isinstance(value, PartialDate):
            return value.to_storage()
        if isinstance(value, str) and _STORAGE_RE.fullmatch(value):
            return value
        raise ValueError(f"Field {self.name!r} expected a partial date but got {value!r}.")

    def get_db_prep_save(self, value: Any, connection: BaseDatabaseWrapper) -> Any:
        if isinstance(value, str) and value:
            try:
                value = PartialDate.from_storage(value)
            except PartialDateError as error:
                raise ValueError(f"Field {self.name!r}: {error}") from error
        return super().get_db_prep_save(value, connection)

    def run_validators(self, value: Any) -> None:
        # CharField's length validator measures text, so hand it the stored form.
        super().run_validators(value.to_storage() if isinstance(value, PartialDate) else value)

    def value_to_string(self, obj: models.Model) -> str:
        value = self.value_from_object(obj)
        return value.to_storage() if isinstance(value, PartialDate) else (value or "")

    def formfield(self, **kwargs: Any) -> Any:
        widget = kwargs.get("widget")
        if widget is not None and not (
            isinstance(widget, PartialDateWidget)
            or (isinstance(widget, type) and issubclass(widget, PartialDateWidget))
        ):
            # The admin maps every CharField subclass to a text input; that cannot hold a date.
            del kwargs["widget"]
        # Skip CharField.formfield: it passes max_length and empty_value, meant for a text field.
        return models.Field.formfield(self, **{"form_class": PartialDateFormField, **kwargs})


def year_range_q(field_name: str, start_year: int | None, end_year: int | None) -> models.Q:
    """Records whose partial date lies in ``start_year``..``end_year`` (inclusive; None = open).

    Every storage string of a year Y starts with the four digits of Y, so it is ``>= "Y"`` and
    ``< "Y+1"`` as text, whatever month, day or ``~`` follows. Both bounds None matches all rows.
    """
    bounds: dict[str, str] = {}
    if start_year is not None:
        bounds[f"{field_name}__gte"] = f"{start_year:04d}"
    if end_year is not None:
        bounds[f"{field_name}__lt"] = f"{end_year + 1:04d}"
    return models.Q(**bounds)


def chronological_order(field_name: str) -> Replace:
    """An ordering expression that sorts by the first day covered, approximate dates included.

    Plain ``order_by(field)`` puts ``2013~`` after ``2013-05`` because ``~`` sorts after ``-``;
    dropping the marker restores chronological order. Use ``.asc()``/``.desc()`` on the result
    to place empty values (``nulls_last=True``).
    """
    return Replace(
        models.F(field_name),
        models.Value(APPROXIMATE_SUFFIX),
        models.Value(""),
        output_field=models.CharField(),
    )


# --- Form widget and field --------------------------------------------------------------------


def _month_choices() -> list[tuple[str, Any]]:
    # Labels are lazy: the choices are built once, the language is chosen on each request.
    lazy_month_name = lazy(month_name, str)
    return [("", "—")] + [(str(month), lazy_month_name(month)) for month in range(1, 13)]


class PartialDateWidget(forms.MultiWidget):
    """Year, month, day and "approximate" side by side; submits ``<name>_0`` … ``<name>_3``."""

    template_name = "core/widgets/partial_date.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        # Text inputs, not type=number: people type Arabic-Indic digits (٢٠١٣), which number
        # inputs refuse; the form field folds them to ASCII.
        number = {"dir": "ltr", "inputmode": "numeric", "autocomplete": "off"}
        widgets = (
            forms.TextInput(attrs={**number, "class": "form-control", "maxlength": "4"}),
            forms.Select(attrs={"class": "form-select"}, choices=_month_choices()),
            forms.TextInput(attrs={**number, "class": "form-control", "maxlength": "2"}),
            forms.CheckboxInput(attrs={"class": "form-check-input"}),
        )
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, str) and value.strip():
            try:
                value = PartialDate.parse(value)
            except PartialDateError:
                return [value, "", "", False]
        if not isinstance(value, PartialDate):
            return ["", "", "", False]
        return [
            str(value.year),
            "" if value.month is None else str(value.month),
            "" if value.day is None else str(value.day),
            value.approximate,
        ]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        parts = context["widget"]["subwidgets"]
        parts[0]["attrs"].setdefault("max", str(latest_possible_day().year))
        for part in parts:
            part_attrs = part["attrs"]
            if part_attrs.get("aria-invalid") == "true":
                part_attrs["class"] = f"{part_attrs.get('class', '')} is-invalid".strip()
        return context

    def id_for_label(self, id_: str) -> str:
        # The field's own label points at the year, the one part every partial date has.
        return f"{id_}_0" if id_ else ""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        # The template lives with the project's templates (TEMPLATES["DIRS"]), which Django's
        # default form renderer does not search; render it with the project's engine instead.
        html = render_to_string(self.template_name, self.get_context(name, value, attrs))
        return mark_safe(html)  # noqa: S308 - the template engine has escaped every value


def _validation_error(error: PartialDateError, messages: dict[str, Any] | None = None) -> Any:
    messages = messages or MESSAGES
    params = dict(error.params)
    if "month" in params:
        params["month"] = month_name(params["month"])
    return ValidationError(
        messages.get(error.code, messages["invalid"]), code=error.code, params=params or None
    )


_DIGITS_RE = re.compile(r"[0-9]+", re.ASCII)


class PartialDateFormField(forms.MultiValueField):
    """Cleans the four parts of a ``PartialDateWidget`` to a ``PartialDate`` or None."""

    widget = PartialDateWidget
    default_error_messages: ClassVar[dict[str, Any]] = {**MESSAGES, "required": _("Enter a year.")}

    def __init__(self, **kwargs: Any) -> None:
        fields = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.BooleanField(required=False),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[Any]) -> PartialDate | None:
        if not data_list:
            return None
        year, month, day = (to_ascii_digits(str(part or "")).strip() for part in data_list[:3])
        approximate = bool(data_list[3]) if len(data_list) > 3 else False
        if not (year or month or day):
            if approximate:
                raise ValidationError(self.error_messages["year_required"], code="year_required")
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if not _DIGITS_RE.fullmatch(year):
            raise ValidationError(self.error_messages["year_required"], code="year_required")
        if month and not _DIGITS_RE.fullmatch(month):
            raise ValidationError(self.error_messages["invalid_month"], code="invalid_month")
        if day and not _DIGITS_RE.fullmatch(day):
            # Report what is wrong with the year and month first, then the unreadable day.
            month_only = self._build(year, month, "", approximate)
            if month_only.month is None:
                raise ValidationError(
                    self.error_messages["day_without_month"], code="day_without_month"
                )
            raise ValidationError(
                self.error_messages["invalid_day"],
                code="invalid_day",
                params={"day": day, "month": month_name(month_only.month), "year": year},
            )
        return self._build(year, month, day, approximate)

    def _build(self, year: str, month: str, day: str, approximate: bool) -> PartialDate:
        try:
            return PartialDate(
                int(year), _optional_int(month), _optional_int(day), approximate=approximate
            )
        except PartialDateError as error:
            raise _validation_error(error, self.error_messages) from error
