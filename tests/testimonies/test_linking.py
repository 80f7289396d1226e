"""Linking what a testimony speaks of, from the refused side: the person picker offers only
names the user's clearance allows, and the segment editor offers and keeps index entries through
the permission layer (issue 14, item 2)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from mizan.cases.models import Act, Incident
from mizan.core.models import AuditEntry, Term
from mizan.core.sensitivity import Sensitivity
from mizan.testimonies import services
from mizan.testimonies.models import Segment, TestimonyPerson
from tests.conftest import make_site, signed_in
from tests.factories import OrganisationFactory, PersonFactory


def _khaleds(team_b: Any) -> dict[str, Any]:
    return {
        "open": PersonFactory(
            first_name_ar="خالد",
            family_name_ar="النجار",
            first_name_lat="Khaled",
            family_name_lat="al-Najjar",
        ),
        # Record visible to a documenter, identity above a documenter's clearance.
        "protected": PersonFactory(
            first_name_ar="خالد",
            family_name_ar="الرفاعي",
            pseudonym="شاهد ٧",
            identity_sensitivity=Sensitivity.RESTRICTED,
        ),
        # Record of another case team.
        "other_team": PersonFactory(
            first_name_ar="خالد",
            family_name_ar="العلي",
            team=team_b,
        ),
    }


def test_person_picker_offers_only_names_the_user_may_see(
    testimony: Any, documenter_a: Any, team_b: Any
) -> None:
    khaled = _khaleds(team_b)
    url = reverse("testimonies:person_link", kwargs={"pk": testimony.pk})
    client = signed_in(documenter_a)

    page = client.get(url, {"q": "خالد"}).content.decode()
    assert "Khaled al-Najjar" in page and f'value="{khaled["open"].pk}"' in page
    arabic = signed_in(documenter_a, language="ar").get(url, {"q": "خالد"}).content.decode()
    assert "خالد النجار" in arabic
    for hidden in ("الرفاعي", "شاهد ٧", "العلي"):
        assert hidden not in page and hidden not in arabic
    # The same in Latin letters, and as htmx asks for it (the candidates alone).
    fragment = client.get(url, {"q": "Khaled al-Naj"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "Khaled al-Najjar" in fragment
    # Already linked persons are not offered again.
    assert "Hamwi" not in client.get(url, {"q": "الحموي"}).content.decode()

    # A crafted post of a person outside the picker is refused and links nothing.
    for refused in (khaled["protected"], khaled["other_team"]):
        response = client.post(url, {"person": refused.pk, "role": "witness"})
        assert response.status_code == 200
        assert "Choose a person from the list." in response.content.decode()
        assert not TestimonyPerson.objects.filter(person=refused).exists()

    response = client.post(url, {"person": khaled["open"].pk, "role": "witness", "phone": ""})
    assert response.status_code == 302
    assert TestimonyPerson.objects.filter(
        testimony=testimony, person=khaled["open"], role="witness"
    ).exists()
    assert AuditEntry.objects.filter(
        object_type="testimonies.testimony", object_id=str(testimony.pk), action="update"
    ).exists()


def test_segment_editor_links_persons_sites_units_acts_and_keeps_what_it_hides(
    testimony: Any, documenter_a: Any, team_b: Any, interviewee: Any, relative: Any
) -> None:
    transcript = services.transcript_import(
        actor=None,
        testimony=testimony,
        language="ar",
        filename="t.vtt",
        data="WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nنقلونا إلى الفرع.\n".encode(),
    )
    segment = transcript.segments.get()
    prison = make_site("Public prison", "سجن عام", Sensitivity.PUBLIC)
    grave = make_site("Restricted grave", "مقبرة مقيدة", Sensitivity.RESTRICTED)
    branch = OrganisationFactory(name_en="Branch 215", name_ar="الفرع ٢١٥")
    hidden_unit = OrganisationFactory(name_en="Hidden unit", name_ar="وحدة خفية", team=team_b)
    incident = Incident.objects.create(reference="INC-SYN-1", sensitivity=Sensitivity.INTERNAL)
    act = Act.objects.create(
        incident=incident,
        victim=interviewee,
        act_type=Term.objects.filter(vocabulary="act_type").first(),
    )
    services.segment_index(actor=None, segment=segment, sites=[grave], units=[hidden_unit])
    url = reverse("testimonies:segment_edit", kwargs={"pk": testimony.pk, "segment_pk": segment.pk})
    client = signed_in(documenter_a)

    form = client.get(url).content.decode()
    assert "Public prison" in form and "Branch 215" in form and "INC-SYN-1" in form
    assert "Ruba Ahmad al-Hamwi" in form  # the interviewee, by name
    for hidden in ("مقبرة مقيدة", "Restricted grave", "وحدة خفية", "Hidden unit"):
        assert hidden not in form

    response = client.post(
        url,
        {
            "title": "النقل",
            "persons": [relative.pk],
            "sites": [prison.pk],
            "units": [branch.pk],
            "acts": [act.pk],
        },
    )
    assert response.status_code == 302
    segment = Segment.objects.get(pk=segment.pk)
    assert set(segment.persons.all()) == {relative}
    assert set(segment.sites.all()) == {prison, grave}  # the restricted site stays
    assert set(segment.units.all()) == {branch, hidden_unit}  # so does the other team's unit
    assert set(segment.acts.all()) == {act}
    # A site or unit offered elsewhere but not here cannot be posted in.
    assert client.post(url, {"sites": [grave.pk]}).status_code == 200

    page = client.get(response["Location"]).content.decode()
    assert "Public prison" in page and "Branch 215" in page and "Abdulrahman" in page
    for hidden in ("مقبرة مقيدة", "Restricted grave", "وحدة خفية", "Hidden unit"):
        assert hidden not in page
