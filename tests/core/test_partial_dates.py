"""Partial dates (DESIGN 3): parsing, validation, storage order, display, model and form fields."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from mizan.core.partial_dates import (
    ARABIC_MONTHS,
    PartialDate,
    PartialDateError,
    PartialDateField,
    PartialDateFormField,
    PartialDateWidget,
    check_order,
    chronological_order,
    year_range_q,
)

NOW = datetime.now(tz=UTC)
# Two years and two days ahead are in the future in every time zone, whatever the hour.
FUTURE_YEAR = NOW.year + 2
DAY_AFTER_TOMORROW = (NOW + timedelta(days=2)).date()


# --- Strategies -------------------------------------------------------------------------------

past_days = st.dates(min_value=date(1900, 1, 1), max_value=NOW.date())


@st.composite
def partial_dates(draw: st.DrawFn, approximate: bool | None = None) -> PartialDate:
    """Any valid partial date: a past day cut to the year, the month or the day."""
    day = draw(past_days)
    precision = draw(st.sampled_from(["year", "month", "day"]))
    flag = draw(st.booleans()) if approximate is None else approximate
    return PartialDate(
        day.year,
        None if precision == "year" else day.month,
        day.day if precision == "day" else None,
        approximate=flag,
    )


# --- Parsing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013", PartialDate(2013)),
        ("2013-04", PartialDate(2013, 4)),
        ("2013-04-07", PartialDate(2013, 4, 7)),
        ("2013-4-7", PartialDate(2013, 4, 7)),
        ("07/04/2013", PartialDate(2013, 4, 7)),
        ("1/2/2013", PartialDate(2013, 2, 1)),  # day first, as in Syria
        ("04/2013", PartialDate(2013, 4)),
        ("2012-02-29", PartialDate(2012, 2, 29)),
        ("  2013-04-07  ", PartialDate(2013, 4, 7)),
        ("~2013", PartialDate(2013, approximate=True)),
        ("2013-04~", PartialDate(2013, 4, approximate=True)),
        ("c. 2013", PartialDate(2013, approximate=True)),
        ("c.2013-04", PartialDate(2013, 4, approximate=True)),
        ("ca. 04/2013", PartialDate(2013, 4, approximate=True)),
        ("circa 2013", PartialDate(2013, approximate=True)),
        ("Circa 2013", PartialDate(2013, approximate=True)),
        ("حوالي 2013", PartialDate(2013, approximate=True)),
        ("نحو 07/04/2013", PartialDate(2013, 4, 7, approximate=True)),
        ("تقريبا 2013", PartialDate(2013, approximate=True)),
        ("تقريباً 2013", PartialDate(2013, approximate=True)),
        ("2013 تقريباً", PartialDate(2013, approximate=True)),
        ("٢٠١٣", PartialDate(2013)),
        ("٠٧/٠٤/٢٠١٣", PartialDate(2013, 4, 7)),
        ("حوالي ٢٠١٣-٠٤", PartialDate(2013, 4, approximate=True)),
        ("\u200f07/04/2013", PartialDate(2013, 4, 7)),  # a right-to-left mark pasted along
    ],
)
def test_parse_reads_what_people_type(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2013-02-30", "invalid_day"),
        ("2013-02-29", "invalid_day"),
        ("31/04/2013", "invalid_day"),
        ("2013-13", "invalid_month"),
        ("2013-00", "invalid_month"),
        ("13/2013", "invalid_month"),
        (str(FUTURE_YEAR), "future"),
        (DAY_AFTER_TOMORROW.isoformat(), "future"),
        ("1899", "too_early"),
        ("1899-12-31", "too_early"),
        ("garbage", "invalid"),
        ("2013-04-07-01", "invalid"),
        ("2013/04-07", "invalid"),
        ("20133", "invalid"),
        ("13", "invalid"),
        ("~", "invalid"),
        ("~2013~", "invalid"),
        ("", "year_required"),
        ("   ", "year_required"),
    ],
)
def test_parse_refuses_what_is_not_a_valid_past_date(text: str, code: str) -> None:
    with pytest.raises(ValueError, match=r".") as caught:
        PartialDate.parse(text)
    assert isinstance(caught.value, PartialDateError)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((2013, None, 5), "day_without_month", "A day needs a month."),
        ((2013, 13), "invalid_month", "The month must be between 1 and 12."),
        ((2013, 0), "invalid_month", "The month must be between 1 and 12."),
        ((2013, 2, 29), "invalid_day", "There is no day 29 in February 2013."),
        ((2013, 4, 31), "invalid_day", "There is no day 31 in April 2013."),
        ((1899,), "too_early", "The year must be 1900 or later."),
        ((FUTURE_YEAR,), "future", "The date cannot be in the future."),
        (
            (DAY_AFTER_TOMORROW.year, DAY_AFTER_TOMORROW.month, DAY_AFTER_TOMORROW.day),
            "future",
            "The date cannot be in the future.",
        ),
        (("2013",), "invalid", "The year must be a whole number."),
    ],
)
def test_constructor_validates(args: tuple[object, ...], code: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        PartialDate(*args)  # type: ignore[arg-type]
    assert caught.value.code == code  # type: ignore[attr-defined]


def test_a_month_still_running_is_not_in_the_future() -> None:
    today = NOW.date()
    assert PartialDate(today.year, today.month).latest() >= today
    assert PartialDate(today.year, today.month, today.day).earliest() == today


@given(st.text(max_size=30))
def test_parse_either_reads_text_or_raises_value_error(text: str) -> None:
    try:
        result = PartialDate.parse(text)
    except ValueError:
        return
    assert isinstance(result, PartialDate)
    assert PartialDate.parse(result.to_storage()) == result


@given(partial_dates())
def test_storage_round_trips(value: PartialDate) -> None:
    stored = value.to_storage()
    assert PartialDate.from_storage(stored) == value
    assert PartialDate.parse(stored) == value


@given(past_days, st.booleans())
def test_day_first_form_round_trips(day: date, approximate: bool) -> None:
    text = ("~" if approximate else "") + day.strftime("%d/%m/%Y")
    assert PartialDate.parse(text) == PartialDate(day.year, day.month, day.day, approximate)


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (PartialDate(2013), "2013"),
        (PartialDate(2013, 4), "2013-04"),
        (PartialDate(2013, 4, 7), "2013-04-07"),
        (PartialDate(2013, 4, 7, approximate=True), "2013-04-07~"),
        (PartialDate(1900, approximate=True), "1900~"),
    ],
)
def test_storage_strings(value: PartialDate, stored: str) -> None:
    assert value.to_storage() == stored


@pytest.mark.parametrize("text", ["07/04/2013", "2013-4-7", "~2013", "2013 ", "2013-04-7", ""])
def test_from_storage_accepts_only_the_canonical_form(text: str) -> None:
    with pytest.raises(ValueError, match="stored partial date"):
        PartialDate.from_storage(text)


# --- Order and ranges -------------------------------------------------------------------------


@given(st.lists(partial_dates(approximate=False), min_size=2, max_size=12))
def test_storage_order_is_chronological(values: list[PartialDate]) -> None:
    by_text = sorted(values, key=lambda v: v.to_storage())
    # Same first day: the coarser date (a prefix of the finer one) comes first.
    by_time = sorted(values, key=lambda v: (v.earliest(), len(v.to_storage())))
    assert [v.to_storage() for v in by_text] == [v.to_storage() for v in by_time]


@given(st.lists(partial_dates(), min_size=2, max_size=12))
def test_storage_without_the_marker_orders_approximate_dates_too(values: list[PartialDate]) -> None:
    # What chronological_order() does in SQL: "2013~" sorts after "2013-05" until "~" is dropped.
    by_text = sorted(values, key=lambda v: v.to_storage().replace("~", ""))
    firsts = [v.earliest() for v in by_text]
    assert firsts == sorted(firsts)


def bounds_of(q: Q) -> dict[str, str]:
    bounds: dict[str, str] = {}
    for child in q.children:
        assert isinstance(child, tuple)
        key, value = child
        bounds[key] = value
    return bounds


@given(partial_dates(), st.integers(1890, NOW.year + 1), st.integers(0, 5))
def test_year_range_bounds_select_exactly_those_years(
    value: PartialDate, start: int, span: int
) -> None:
    bounds = bounds_of(year_range_q("when", start, start + span))
    stored = value.to_storage()
    in_range = bounds["when__gte"] <= stored < bounds["when__lt"]
    assert in_range == (start <= value.year <= start + span)


def test_year_range_with_open_ends() -> None:
    assert bounds_of(year_range_q("when", 2011, None)) == {"when__gte": "2011"}
    assert bounds_of(year_range_q("when", None, 2012)) == {"when__lt": "2013"}
    assert not year_range_q("when", None, None).children


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        (PartialDate(2013), date(2013, 1, 1), date(2013, 12, 31)),
        (PartialDate(2013, 4), date(2013, 4, 1), date(2013, 4, 30)),
        (PartialDate(2012, 2), date(2012, 2, 1), date(2012, 2, 29)),
        (PartialDate(2013, 2), date(2013, 2, 1), date(2013, 2, 28)),
        (PartialDate(2013, 4, 7), date(2013, 4, 7), date(2013, 4, 7)),
        (PartialDate(2013, 4, approximate=True), date(2013, 4, 1), date(2013, 4, 30)),
    ],
)
def test_range_covered(value: PartialDate, first: date, last: date) -> None:
    assert (value.earliest(), value.latest()) == (first, last)


@given(partial_dates(), partial_dates())
def test_before_and_overlap_agree_with_the_days_covered(a: PartialDate, b: PartialDate) -> None:
    a_days = (a.earliest(), a.latest())
    b_days = (b.earliest(), b.latest())
    assert a.is_definitely_before(b) == (a_days[1] < b_days[0])
    assert a.may_overlap(b) == (a_days[0] <= b_days[1] and b_days[0] <= a_days[1])
    assert a.may_overlap(b) == b.may_overlap(a)
    assert not (a.is_definitely_before(b) and a.may_overlap(b))


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        (PartialDate(2015), PartialDate(2012), False),
        (PartialDate(2013, 4, 7), PartialDate(2013, 4, 6), False),
        (PartialDate(2013, 5), PartialDate(2013, 4, 30, approximate=True), False),
        (PartialDate(2013, 4, 7), PartialDate(2013, 4), True),  # may be the same month
        (PartialDate(2013), PartialDate(2013, 1, 1), True),
        (PartialDate(2012), PartialDate(2015), True),
        (PartialDate(2013, 4, 7), PartialDate(2013, 4, 7), True),
        (None, PartialDate(2012), True),
        (PartialDate(2015), None, True),
        (None, None, True),
    ],
)
def test_check_order(
    earlier: PartialDate | None, later: PartialDate | None, expected: bool
) -> None:
    assert check_order(earlier, later) is expected


# --- Display ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "english", "arabic"),
    [
        (PartialDate(2013, 4, 7), "7 April 2013", "7 نيسان 2013"),
        (PartialDate(2013, 4), "April 2013", "نيسان 2013"),
        (PartialDate(2013), "2013", "2013"),
        (PartialDate(2013, 4, approximate=True), "about April 2013", "حوالي نيسان 2013"),
        (PartialDate(2014, 1, 15), "15 January 2014", "15 كانون الثاني 2014"),
        (PartialDate(2011, 12, approximate=True), "about December 2011", "حوالي كانون الأول 2011"),
        (PartialDate(2012, 5), "May 2012", "أيار 2012"),
    ],
)
def test_display(value: PartialDate, english: str, arabic: str) -> None:
    assert value.display("en") == english
    assert value.display("ar") == arabic
    with translation.override("en"):
        assert str(value) == english
    with translation.override("ar"):
        assert str(value) == arabic
        assert value.display("en") == english


def test_arabic_uses_every_levantine_month_name() -> None:
    shown = [PartialDate(2013, month).display("ar") for month in range(1, 13)]
    assert shown == [f"{name} 2013" for name in ARABIC_MONTHS]
    assert ARABIC_MONTHS[3] == "نيسان"
    assert ARABIC_MONTHS[9] == "تشرين الأول"


# --- Model field ------------------------------------------------------------------------------


def nullable_field() -> PartialDateField:
    field = PartialDateField(blank=True, null=True)
    field.set_attributes_from_name("when")
    return field


def test_field_prepares_values_for_the_database() -> None:
    field = nullable_field()
    assert field.get_prep_value(PartialDate(2013, 4, approximate=True)) == "2013-04~"
    assert field.get_prep_value("2013-04") == "2013-04"
    assert field.get_prep_value(None) is None
    assert field.get_prep_value("") is None
    not_null = PartialDateField(blank=True)
    assert not_null.get_prep_value(None) == ""
    with pytest.raises(ValueError, match="expected a partial date"):
        field.get_prep_value("07/04/2013")


def test_saving_checks_strings_in_full() -> None:
    field = nullable_field()
    assert field.get_db_prep_save("2013-04-07", connection) == "2013-04-07"
    assert field.get_db_prep_save(None, connection) is None
    for bad in ("2013-02-30", str(FUTURE_YEAR), "1899"):
        with pytest.raises(ValueError, match="when"):
            field.get_db_prep_save(bad, connection)


def test_field_reads_values_back() -> None:
    field = nullable_field()
    assert field.from_db_value("2013-04~", None, connection) == PartialDate(
        2013, 4, approximate=True
    )
    assert field.from_db_value(None, None, connection) is None
    assert field.from_db_value("", None, connection) is None
    assert field.to_python("~2012-08") == PartialDate(2012, 8, approximate=True)
    assert field.to_python("2012-08") == PartialDate(2012, 8)
    assert field.to_python(PartialDate(2012)) == PartialDate(2012)
    assert field.to_python("") is None
    with pytest.raises(ValidationError) as caught:
        field.to_python("2013-02-30")
    assert caught.value.code == "invalid_day"


def test_field_clean_runs_its_validators_on_the_stored_form() -> None:
    field = nullable_field()
    assert field.clean(PartialDate(2013, 4, 7, True), None) == PartialDate(2013, 4, 7, True)
    assert field.clean("2013-04-07~", None) == PartialDate(2013, 4, 7, True)


def test_deconstruct_keeps_migrations_clean() -> None:
    _name, path, args, kwargs = nullable_field().deconstruct()
    assert args == []
    assert path == "mizan.core.partial_dates.PartialDateField"
    assert kwargs == {"blank": True, "null": True}
    wider = PartialDateField(max_length=20)
    assert wider.deconstruct()[3]["max_length"] == 20
    assert nullable_field().max_length == 11


def test_model_field_gives_the_partial_date_form_field() -> None:
    form_field = nullable_field().formfield()
    assert isinstance(form_field, PartialDateFormField)
    assert isinstance(form_field.widget, PartialDateWidget)
    assert not form_field.required
    assert PartialDateField().formfield().required
    # The admin offers every CharField a text input; the date keeps its own widget.
    admin_like = nullable_field().formfield(widget=forms.TextInput)
    assert isinstance(admin_like.widget, PartialDateWidget)


def make_dated_site(name: str, when: PartialDate | None):  # type: ignore[no-untyped-def]
    from mizan.core.models import Place, Site, Term
    from mizan.core.sensitivity import Sensitivity

    place = Place.objects.exclude(kind="country").first()
    assert place is not None, "reference places are loaded after migrate"
    return Site.objects.create(
        name_en=name,
        name_ar=name,
        site_type=Term.objects.get(vocabulary="site_type", code="detention_facility"),
        place=place,
        sensitivity=Sensitivity.PUBLIC,
        in_use_from=when,
    )


@pytest.mark.django_db
def test_database_round_trip_filter_and_order() -> None:
    from mizan.core.models import Site

    dates = {
        "may-2013": PartialDate(2013, 5),
        "about-2013": PartialDate(2013, approximate=True),
        "eve-2013": PartialDate(2012, 12, 31),
        "about-2014": PartialDate(2014, approximate=True),
        "unknown": None,
    }
    for name, when in dates.items():
        make_dated_site(name, when)
    sites = Site.objects.filter(name_en__in=dates)

    assert {s.name_en: s.in_use_from for s in sites} == dates
    in_2013 = sites.filter(year_range_q("in_use_from", 2013, 2013))
    assert sorted(s.name_en for s in in_2013) == ["about-2013", "may-2013"]
    assert sites.get(in_use_from=PartialDate(2013, approximate=True)).name_en == "about-2013"
    ordered = sites.order_by(chronological_order("in_use_from").asc(nulls_last=True))
    assert [s.name_en for s in ordered] == [
        "eve-2013",
        "about-2013",
        "may-2013",
        "about-2014",
        "unknown",
    ]
    sites.filter(name_en="unknown").update(in_use_from="2011-03-15")
    assert sites.get(name_en="unknown").in_use_from == PartialDate(2011, 3, 15)


# --- Form field and widget --------------------------------------------------------------------


class DatesForm(forms.Form):
    when = PartialDateFormField(required=False)
    born = PartialDateFormField(label="Born")


def errors_for(when: tuple[str, ...], language: str = "en") -> list[str]:
    data = {f"when_{i}": part for i, part in enumerate(when)}
    data.update({"born_0": "1980"})
    with translation.override(language):
        form = DatesForm(data)
        assert not form.is_valid()
        assert list(form.errors) == ["when"]
        return [str(message) for message in form.errors["when"]]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("2013", "4", "7", "on"), PartialDate(2013, 4, 7, approximate=True)),
        (("2013", "4", "", ""), PartialDate(2013, 4)),
        (("2013", "", "", ""), PartialDate(2013)),
        ((" ٢٠١٣ ", "4", "٧", ""), PartialDate(2013, 4, 7)),
        (("", "", "", ""), None),
        ((), None),
    ],
)
def test_form_field_cleans_valid_parts(parts: tuple[str, ...], expected: object) -> None:
    data = {f"when_{i}": part for i, part in enumerate(parts)}
    form = DatesForm({**data, "born_0": "1980"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["when"] == expected
    assert form.cleaned_data["born"] == PartialDate(1980)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("2013", "2", "30"), "There is no day 30 in February 2013."),
        (("2013", "4", "x"), "There is no day x in April 2013."),
        (("2013", "13", ""), "The month must be between 1 and 12."),
        (("2013", "", "5"), "A day needs a month."),
        ((str(FUTURE_YEAR), "", ""), "The date cannot be in the future."),
        (("1899", "", ""), "The year must be 1900 or later."),
        (("", "4", ""), "Enter a year."),
        (("abc", "", ""), "Enter a year."),
        (("", "", "", "on"), "Enter a year."),
    ],
)
def test_form_field_explains_what_is_wrong(parts: tuple[str, ...], message: str) -> None:
    assert errors_for(parts) == [message]


def test_required_form_field_asks_for_a_year() -> None:
    form = DatesForm({"when_0": "2013"})
    with translation.override("en"):  # the messages are lazy: compare them in English too
        assert not form.is_valid()
        assert form.errors["born"] == ["Enter a year."]


def test_form_error_names_the_month_in_the_active_language() -> None:
    (message,) = errors_for(("2013", "2", "30"), language="ar")
    assert "شباط" in message
    assert "February" not in message


def test_unchanged_initial_value_is_not_a_change() -> None:
    initial = {"when": PartialDate(2013, 4, approximate=True), "born": PartialDate(1980)}
    same = DatesForm(
        {"when_0": "2013", "when_1": "4", "when_2": "", "when_3": "on", "born_0": "1980"},
        initial=initial,
    )
    assert not same.has_changed()
    other = DatesForm(
        {"when_0": "2013", "when_1": "4", "when_2": "", "born_0": "1980"}, initial=initial
    )
    assert other.changed_data == ["when"]


def test_decompress() -> None:
    widget = PartialDateWidget()
    assert widget.decompress(PartialDate(2013, 4, 7, approximate=True)) == ["2013", "4", "7", True]
    assert widget.decompress(PartialDate(2013)) == ["2013", "", "", False]
    assert widget.decompress("2013-04~") == ["2013", "4", "", True]
    assert widget.decompress(None) == ["", "", "", False]


def test_widget_renders_the_four_parts() -> None:
    with translation.override("en"):
        html = str(DatesForm(initial={"when": PartialDate(2013, 4, 7, approximate=True)})["when"])
    assert 'type="text" name="when_0" value="2013"' in html
    assert 'inputmode="numeric"' in html
    assert 'dir="ltr"' in html
    assert '<select name="when_1"' in html
    assert '<option value="4" selected>April</option>' in html
    assert html.count("<option") == 13
    assert 'type="text" name="when_2" value="7"' in html
    assert 'type="checkbox" name="when_3"' in html
    assert " checked" in html
    assert 'id="id_when_0"' in html
    assert 'for="id_when_3"' in html
    assert f'max="{NOW.year}"' in html or f'max="{NOW.year + 1}"' in html
    assert "style=" not in html
    assert "<script" not in html


def test_widget_shows_levantine_month_names_in_arabic() -> None:
    with translation.override("ar"):
        html = str(DatesForm()["when"])
    assert '<option value="4">نيسان</option>' in html
    assert "كانون الثاني" in html
    assert "إبريل" not in html
    assert "April" not in html


def test_widget_marks_its_parts_invalid_when_the_field_has_errors() -> None:
    form = DatesForm({"when_0": "2013", "when_1": "2", "when_2": "30", "born_0": "1980"})
    form.is_valid()
    html = str(form["when"])
    assert html.count("is-invalid") == 4


def test_field_label_points_at_the_year() -> None:
    assert DatesForm()["when"].id_for_label == "id_when_0"
    assert PartialDateWidget().id_for_label("") == ""


def test_month_name_in_error_uses_calendar_of_that_year() -> None:
    # February has 29 days in leap years only; the check follows the year, not a fixed table.
    assert calendar.isleap(2012)
    assert errors_for(("2013", "2", "29")) == ["There is no day 29 in February 2013."]
    form = DatesForm({"when_0": "2012", "when_1": "2", "when_2": "29", "born_0": "1980"})
    assert form.is_valid()
