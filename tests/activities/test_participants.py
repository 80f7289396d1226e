"""Counted and listed participants (issue 17): counts and lists agree, bad input is refused with
a clear message and nothing written, names are confidential."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mizan.activities import services
from mizan.activities.models import Activity, ActivityCount, Participant
from mizan.cases.models import Person
from mizan.core.models import AuditEntry
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from tests.activities.conftest import make_activity, removal_question, term
from tests.conftest import signed_in
from tests.factories import locker_item_of

pytestmark = pytest.mark.django_db


def _counts(activity: Activity) -> dict[str, int]:
    return {row.term.code: row.count for row in activity.counts.select_related("term")}


def test_a_counted_audience_keeps_its_figures_and_breakdown(workshop: Activity) -> None:
    workshop.refresh_from_db()
    assert (workshop.women, workshop.men, workshop.total) == (12, 8, 20)
    assert workshop.women_share() == 60.0
    assert _counts(workshop) == {"families_missing": 15, "lawyers": 5, "30_49": 20}
    assert workshop.participation == Activity.Participation.COUNTED


@pytest.mark.parametrize(
    ("figures", "breakdown", "message"),
    [
        ({"women": -1}, {}, "women cannot be negative"),
        ({"men": "twelve"}, {}, "men must be a whole number"),
        ({"women": 3, "men": 2}, {"lawyers": 4, "hrds": 2}, "adds up to 6 participants, more"),
        ({"women": 3}, {"50_plus": 4}, "breakdown by age bands adds up to 4"),
    ],
)
def test_bad_counts_are_refused_and_nothing_is_written(
    workshop: Activity, figures: dict[str, Any], breakdown: dict[str, int], message: str
) -> None:
    before = AuditEntry.objects.count()
    terms = {
        term("age_band" if code[0].isdigit() else "participant_group", code): n
        for code, n in breakdown.items()
    }
    with pytest.raises(ValidationError) as refused:
        services.counts_set(actor=None, activity=workshop, figures=figures, breakdown=terms)
    assert message in " ".join(refused.value.messages)
    workshop.refresh_from_db()
    assert (workshop.women, workshop.men) == (12, 8)
    assert _counts(workshop)["families_missing"] == 15
    assert AuditEntry.objects.count() == before


def test_an_activity_cannot_end_before_it_starts(project: Any) -> None:
    with pytest.raises(ValidationError, match="ends before it starts"):
        make_activity(project, end_date=PartialDate(2025, 3, 1))
    assert not Activity.objects.exists()


def _listed(activity: Activity, name: str, sex: str, **extra: Any) -> Participant:
    return services.participant_add(
        actor=None,
        activity=activity,
        data={"full_name_ar": name, "sex": sex, "consent": True, **extra},
    )


def test_a_list_gives_the_counts_and_typed_counts_are_then_refused(workshop: Activity) -> None:
    _listed(
        workshop,
        "سلمى أحمد الحلبي",
        "female",
        group=term("participant_group", "families_missing"),
        age_band=term("age_band", "50_plus"),
    )
    _listed(workshop, "ريم خالد النجار", "female", age_band=term("age_band", "under_18"))
    _listed(workshop, "عمر حسن العطار", "male", disability=True)
    workshop.refresh_from_db()
    # The typed figures (12 women, 8 men) are replaced by the list's.
    assert (workshop.women, workshop.girls, workshop.men, workshop.boys) == (1, 1, 1, 0)
    assert workshop.with_disability == 1
    assert workshop.participation == Activity.Participation.LISTED
    assert _counts(workshop) == {"families_missing": 1, "50_plus": 1, "under_18": 1}
    with pytest.raises(ValidationError, match="counts come from the list"):
        services.counts_set(actor=None, activity=workshop, figures={"women": 40}, breakdown={})
    workshop.refresh_from_db()
    assert workshop.total == 3

    for row in list(workshop.participants.all()):
        services.participant_remove(actor=None, participant=row)
    workshop.refresh_from_db()
    assert workshop.total == 0
    assert workshop.participation == Activity.Participation.COUNTED
    assert not ActivityCount.objects.filter(activity=workshop).exists()


def test_a_participant_listed_twice_is_refused_whatever_the_spelling(project: Any) -> None:
    activity = make_activity(project)
    _listed(activity, "سلمى أحمد الحلبي", "female")
    persons = Person.objects.count()
    with pytest.raises(ValidationError, match="already on the list"):
        _listed(activity, "سلمى  احمد الحلبى", "female")  # other hamza, ya, spacing
    assert Person.objects.count() == persons
    assert activity.participants.count() == 1


def test_a_name_is_listed_only_with_consent(project: Any) -> None:
    activity = make_activity(project)
    with pytest.raises(ValidationError, match="only with their consent"):
        services.participant_add(
            actor=None,
            activity=activity,
            data={"full_name_ar": "سلمى الحلبي", "sex": "female", "consent": False},
        )
    assert not Person.objects.exists()


def test_participants_names_are_confidential_by_default(
    project: Any, viewer: Any, documenter_a: Any
) -> None:
    activity = make_activity(project)
    row = _listed(activity, "سلمى أحمد الحلبي", "female")
    assert row.person.identity_sensitivity == Sensitivity.CONFIDENTIAL
    url = f"/activities/staff/{activity.pk}/"
    internal = signed_in(viewer).get(url).content.decode()
    assert "سلمى" not in internal
    assert "Protected person" in internal
    cleared = signed_in(documenter_a).get(url).content.decode()
    assert "سلمى أحمد الحلبي" in cleared


def test_a_participant_of_a_public_activity_is_not_a_public_record(project: Any) -> None:
    activity = make_activity(project, sensitivity=Sensitivity.PUBLIC)
    row = _listed(activity, "سلمى أحمد الحلبي", "female")
    assert row.person.sensitivity == Sensitivity.INTERNAL
    assert not Person.objects.visible_to(None).filter(pk=row.person.pk).exists()


def test_the_attendance_sheet_goes_to_the_locker_as_confidential(project: Any) -> None:
    import io

    activity = make_activity(project, sensitivity=Sensitivity.PUBLIC)
    services.sheet_attach(
        actor=None,
        activity=activity,
        stream=io.BytesIO(b"sheet scan (synthetic)"),
        filename="s.txt",
    )
    activity.refresh_from_db()
    assert activity.attendance_sheet is not None
    assert activity.attendance_sheet.sensitivity == Sensitivity.CONFIDENTIAL


def test_a_photo_goes_to_the_locker_and_its_shown_copy_has_no_exif(project: Any) -> None:
    """The photo's original keeps its EXIF (evidence is never altered); the thumbnail pages show
    is made by the locker without EXIF or GPS."""
    import io

    from PIL import Image

    from mizan.activities.models import Output
    from mizan.evidence.demo import _photo
    from mizan.evidence.models import Item
    from mizan.evidence.services import get_store

    activity = make_activity(project, sensitivity=Sensitivity.PUBLIC)
    output = services.output_add(
        actor=None,
        activity=activity,
        data={"kind": Output.Kind.PHOTO, "title": "Workshop photo"},
        stream=io.BytesIO(_photo()),
        filename="workshop.jpg",
    )
    assert output.item is not None
    assert output.item.sensitivity == Sensitivity.CONFIDENTIAL
    thumbnail = Item.objects.get(derived_from=output.item, derivation="thumbnail")
    data = b"".join(get_store().open(thumbnail.sha256))
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_photo_output_needs_its_file(project: Any) -> None:
    from mizan.activities.models import Output

    activity = make_activity(project)
    with pytest.raises(ValidationError, match="Attach the photo"):
        services.output_add(
            actor=None, activity=activity, data={"kind": Output.Kind.PHOTO, "title": "P"}
        )
    assert not activity.outputs.exists()


@pytest.mark.parametrize(
    ("language", "question"),
    [("en", "off the attendance list?"), ("ar", "من قائمة الحضور؟")],
)
def test_taking_a_participant_off_the_list_asks_first(
    project: Any, documenter_a: Any, language: str, question: str
) -> None:
    """The row's Remove opens a question naming the participant (as the reader may see them);
    only the button under it posts. The POST itself removes at once, as before."""
    activity = make_activity(project)
    row = _listed(activity, "سلمى أحمد الحلبي", "female")
    client = signed_in(documenter_a)
    client.cookies["mizan_language"] = language
    action = reverse("activities:participant_remove", args=[activity.pk, row.pk])
    form = removal_question(client, reverse("activities:detail", args=[activity.pk]), action)
    assert question in form and "<bdi>سلمى أحمد الحلبي</bdi>" in form
    # The question names a woman here: the Arabic refers back to the name, not to "him" (دونه).
    assert "دونه" not in form
    assert client.post(action).status_code == 302
    assert not activity.participants.exists()


def test_a_file_the_locker_holds_out_of_reach_is_never_attached(
    project: Any, documenter_a: Any, team_b: Any
) -> None:
    """The locker keeps one item per content: an attendance sheet or a photo with the bytes of
    another team's item *is* that item. Attaching it would show its reference on the activity
    and carry it on; refused, and nothing is linked."""
    import io

    from mizan.activities.models import Output

    secret = b"a synthetic scan held by another team"
    other = locker_item_of(team_b, secret)
    assert not other.is_visible_to(documenter_a)
    activity = make_activity(project)
    with pytest.raises(ValidationError, match="an item you cannot see"):
        services.sheet_attach(
            actor=documenter_a, activity=activity, stream=io.BytesIO(secret), filename="s.txt"
        )
    with pytest.raises(ValidationError, match="an item you cannot see"):
        services.output_add(
            actor=documenter_a,
            activity=activity,
            data={"kind": Output.Kind.PHOTO, "title": "P"},
            stream=io.BytesIO(secret),
            filename="p.jpg",
        )
    activity.refresh_from_db()
    assert activity.attendance_sheet is None
    assert not activity.outputs.exists()
