"""Every URL route, checked against every persona.

A route that is not in MATRIX (or covered by an explicit prefix rule) fails the suite, so no
new page ships without someone deciding who may open it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import signed_in

PERSONAS = ["anonymous", "viewer", "documenter_a", "documenter_b", "administrator"]

# Outcomes: an HTTP status, "login" (redirect to the sign-in page) or "redirect" (any 3xx).
ALL_OK = dict.fromkeys(PERSONAS, 200)
SIGNED_IN_OK = {
    "anonymous": "login",
    "viewer": 200,
    "documenter_a": 200,
    "documenter_b": 200,
    "administrator": 200,
}
ADMIN_ONLY = {
    "anonymous": "login",
    "viewer": 403,
    "documenter_a": 403,
    "documenter_b": 403,
    "administrator": 200,
}


TEAM_A_ONLY = {
    "anonymous": "login",
    "viewer": 404,
    "documenter_a": 200,
    "documenter_b": 404,
    "administrator": 200,
}
LIBRARY_STAFF = {
    "anonymous": "login",
    "viewer": 200,
    "documenter_a": 403,
    "documenter_b": 403,
    "administrator": 200,
}


def _library(objects: dict[str, Any], kind: str) -> Any:
    """A public or an internal library document with one text file (made once per test)."""
    key = f"library_{kind}"
    if key not in objects:
        import io

        from mizan.library import services as library_services

        document = library_services.document_create(
            actor=None,
            data={"title_en": f"{kind} document", "sensitivity": 0 if kind == "public" else 1},
        )
        library_services.version_add(
            actor=None,
            document=document,
            language="en",
            stream=io.BytesIO(f"text of the {kind} document".encode()),
            original_name=f"{kind}.txt",
            extraction="inline",
        )
        objects[key] = document
    return objects[key]


def _library_file(objects: dict[str, Any], kind: str) -> int:
    return int(_library(objects, kind).versions.get().pk)


def _library_relation(objects: dict[str, Any]) -> int:
    """The internal document cites the public one."""
    from mizan.library.models import DocumentRelation

    relation, _created = DocumentRelation.objects.get_or_create(
        source=_library(objects, "internal"), kind="cites", target=_library(objects, "public")
    )
    return int(relation.pk)


def _accountability(objects: dict[str, Any]) -> dict[str, int]:
    """A confidential submission of team A (with its case file) and a proceeding it feeds."""
    if "accountability" not in objects:
        from datetime import date

        from mizan.accountability import services as accountability_services
        from mizan.cases.models import CaseFile
        from mizan.core.models import Team, Term
        from mizan.evidence.models import Recipient

        team = Team.objects.get(slug="team-a")
        case_file = CaseFile.objects.create(
            reference="CF-MATRIX", title="Matrix", sensitivity=2, team=team
        )
        recipient = Recipient.objects.create(
            name="Matrix prosecutor",
            category=Term.objects.get(vocabulary="recipient_category", code="icc_otp"),
        )
        submission = accountability_services.submission_create(
            actor=None,
            data={"title": "Matrix", "recipient": recipient, "sensitivity": 2, "team": team},
            case_files=[case_file],
        )
        proceeding = accountability_services.proceeding_create(
            actor=None,
            data={
                "jurisdiction": "France",
                "court": "Paris",
                "case_name": "Matrix",
                "opened_on": date(2024, 1, 1),
                "sensitivity": 2,
                "team": team,
                "submissions": [submission],
            },
        )
        agreement = accountability_services.agreement_create(
            actor=None,
            data={"recipient": recipient, "title": "Matrix MoU", "sensitivity": 2, "team": team},
        )
        objects["accountability"] = {
            "agreement": agreement.pk,
            "submission": submission.pk,
            "proceeding": proceeding.pk,
            "case_file": case_file.pk,
        }
    return dict(objects["accountability"])


def _acc(key: str) -> Callable[[dict[str, Any]], dict[str, int]]:
    return lambda s: {"pk": _accountability(s)[key]}


def _testimony(objects: dict[str, Any]) -> dict[str, Any]:
    """A confidential testimony of team A with a recording, a transcript, consent and a
    published narrative in a collection (made once per test)."""
    if "testimony" not in objects:
        from datetime import date

        from mizan.cases import services as cases_services
        from mizan.core.models import Team
        from mizan.testimonies import services as testimony_services
        from tests.testimonies.conftest import wav_bytes

        team = Team.objects.get(slug="team-a")
        person = cases_services.person_create(
            actor=None,
            data={"first_name_ar": "ليلى", "identity_sensitivity": 2, "sensitivity": 2},
        )
        testimony = testimony_services.testimony_create(
            actor=None, interviewee=person, data={"sensitivity": 2, "team": team}
        )
        recording = testimony_services.original_add(
            actor=None,
            testimony=testimony,
            stream=io.BytesIO(wav_bytes(2)),
            filename="matrix.wav",
            as_recording=True,
        )
        consent = testimony_services.consent_record(
            actor=None,
            testimony=testimony,
            scopes=["anonymised_publication"],
            method="recorded",
            taken_on=date(2024, 1, 1),
            proof=recording,
        )
        transcript = testimony_services.transcript_import(
            actor=None,
            testimony=testimony,
            language="ar",
            data=b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nsegment\n",
            filename="t.vtt",
        )
        collection = testimony_services.collection_create(
            actor=None, data={"slug": "matrix", "title_ar": "مجموعة", "title_en": "Collection"}
        )
        publication = testimony_services.publication_create(
            actor=None,
            testimony=testimony,
            narrative="قالت سلمى.",
            title="شهادة",
            collection=collection,
        )
        objects["testimony"] = {
            "pk": testimony.pk,
            "consent_pk": consent.pk,
            "segment_pk": transcript.segments.get().pk,
            "publication_pk": publication.pk,
        }
    return dict(objects["testimony"])


def _t(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda s: {name: _testimony(s)[name] for name in ("pk", *names)}


TESTIMONY_CHANGE = {**TEAM_A_ONLY, "viewer": 403}
TESTIMONY_PUBLISH = {**ADMIN_ONLY}


def _activity(objects: dict[str, Any]) -> dict[str, Any]:
    """A confidential activity of team A with one listed participant and a follow-up action
    (made once per test)."""
    if "activity" not in objects:
        from mizan.activities import services as activity_services
        from mizan.core.models import Place, Team, Term
        from mizan.core.partial_dates import PartialDate
        from mizan.core.sensitivity import Sensitivity

        activity = activity_services.activity_create(
            actor=None,
            data={
                "activity_type": Term.objects.get(vocabulary="activity_type", code="workshop"),
                "title_en": "Matrix workshop",
                "start_date": PartialDate(2025, 3),
                "place": Place.objects.get(code="TR-27-GAZ"),
                "sensitivity": Sensitivity.CONFIDENTIAL,
                "team": Team.objects.get(slug="team-a"),
            },
        )
        participant = activity_services.participant_add(
            actor=None,
            activity=activity,
            data={"full_name_ar": "سلمى الحلبي", "sex": "female", "consent": True},
        )
        follow_up = activity_services.follow_up_add(
            actor=None, activity=activity, data={"action": "Write", "owner": "Team"}
        )
        objects["activity"] = {
            "pk": activity.pk,
            "participant_pk": participant.pk,
            "follow_up_pk": follow_up.pk,
        }
    return dict(objects["activity"])


def _a(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda s: {name: _activity(s)[name] for name in ("pk", *names)}


ACTIVITY_CHANGE = {**TEAM_A_ONLY, "viewer": 403}
ACTIVITY_POST_ONLY = {
    **ACTIVITY_CHANGE,
    "documenter_a": 405,
    "documenter_b": 405,
    "administrator": 405,
}


def _project(objects: dict[str, Any]) -> dict[str, Any]:
    """A project of a public donor with one indicator (made once per test)."""
    if "project" not in objects:
        from datetime import date

        from mizan.activities import services as activity_services
        from mizan.cases import services as cases_services

        donor = cases_services.organisation_create(
            actor=None, data={"name_en": "Matrix donor", "name_ar": "مانح", "sensitivity": 0}
        )
        project = activity_services.project_create(
            actor=None,
            data={
                "code": "MATRIX-1",
                "title_ar": "مشروع",
                "title_en": "Matrix project",
                "donor": donor,
                "starts_on": date(2025, 1, 1),
            },
        )
        indicator = activity_services.indicator_add(
            actor=None,
            project=project,
            data={
                "code": "workshops",
                "label_ar": "ورش",
                "label_en": "Workshops",
                "measure": "activities",
                "target": 3,
            },
        )
        objects["project"] = {"pk": project.pk, "indicator_pk": indicator.pk}
    return dict(objects["project"])


def _p(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda s: {name: _project(s)[name] for name in ("pk", *names)}


# Projects hold no personal data: whoever reads activities reads them; programme staff (the
# roles that record activities) keep them.
PROJECT_CHANGE = {**SIGNED_IN_OK, "viewer": 403}
PROJECT_POST_ONLY = {
    **PROJECT_CHANGE,
    "documenter_a": 405,
    "documenter_b": 405,
    "administrator": 405,
}


def _site(kind: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda sites: {"pk": sites[kind].pk}


MATRIX: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]] | None, dict[str, Any]]] = {
    "core:home": (None, ALL_OK),
    "core:site_list": (None, SIGNED_IN_OK),
    "core:site_create": (None, {**SIGNED_IN_OK, "viewer": 403}),
    # A confidential site limited to team A: only team A and administrators see it.
    "core:site_detail": (
        _site("team_a"),
        {
            "anonymous": "login",
            "viewer": 404,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "core:site_edit": (
        _site("team_a"),
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "core:place_list": (None, SIGNED_IN_OK),
    "core:place_detail": (lambda sites: {"code": "SY01"}, SIGNED_IN_OK),
    "core:audit_list": (None, ADMIN_ONLY),
    "cases:incident_list": (None, SIGNED_IN_OK),
    "cases:incident_create": (None, {**SIGNED_IN_OK, "viewer": 403}),
    # A confidential incident limited to team A.
    "cases:incident_detail": (
        lambda s: {"pk": s["incident_a"].pk},
        {
            "anonymous": "login",
            "viewer": 404,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:person_list": (None, SIGNED_IN_OK),
    "favicon": (None, dict.fromkeys(PERSONAS, 301)),
    "core:help": (None, ALL_OK),
    "cases:person_suggest": (None, SIGNED_IN_OK),
    # The victim inherits the incident's protection: confidential and limited to team A.
    "cases:person_detail": (
        lambda s: {"pk": s["incident_a"].acts.get().victim_id},
        {
            "anonymous": "login",
            "viewer": 404,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:unit_detail": (lambda s: {"pk": s["unit"].pk}, SIGNED_IN_OK),
    "cases:statistics": (None, SIGNED_IN_OK),
    "cases:unit_list": (None, SIGNED_IN_OK),
    "cases:incident_edit": (
        lambda s: {"pk": s["incident_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:person_edit": (
        lambda s: {"pk": s["incident_a"].acts.get().victim_id},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:submission": (
        lambda s: {"pk": s["incident_a"].acts.get().pk, "kind": "wgeid"},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    # GET only redirects to the person's page; recording consent needs POST.
    "cases:consent_add": (
        lambda s: {"pk": s["incident_a"].acts.get().victim_id},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": "redirect",
            "documenter_b": 404,
            "administrator": "redirect",
        },
    ),
    # Corrections of a recorded incident (team A, confidential): documenters of the team and
    # administrators; removals and the perpetrator form are POST only.
    "cases:incident_act_add": (
        lambda s: {"pk": s["incident_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:act_edit": (
        lambda s: {"pk": s["incident_a"].acts.get().pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:act_remove": (
        lambda s: {"pk": s["incident_a"].acts.get().pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 405,
            "documenter_b": 405,
            "administrator": 405,
        },
    ),
    "cases:incident_perpetrator_add": (
        lambda s: {"pk": s["incident_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 405,
            "documenter_b": 405,
            "administrator": 405,
        },
    ),
    "cases:involvement_remove": (
        lambda s: {"pk": s["incident_a"].acts.get().involvements.get().pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 405,
            "documenter_b": 405,
            "administrator": 405,
        },
    ),
    "cases:incident_source_add": (
        lambda s: {"pk": s["incident_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:source_edit": (
        lambda s: {"pk": s["incident_a"].pk, "source_pk": s["source_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "cases:source_remove": (
        lambda s: {"pk": s["incident_a"].pk, "source_pk": s["source_a"].pk},
        {
            "anonymous": "login",
            "viewer": 403,
            "documenter_a": 405,
            "documenter_b": 405,
            "administrator": 405,
        },
    ),
    "cases:case_file_list": (None, SIGNED_IN_OK),
    # Case files are built by legal officers and administrators, not documenters.
    "cases:case_file_create": (None, ADMIN_ONLY),
    # A confidential case file limited to team A.
    "cases:case_file_detail": (lambda s: {"pk": s["case_file_a"].pk}, TEAM_A_ONLY),
    "cases:case_file_edit": (
        lambda s: {"pk": s["case_file_a"].pk},
        {**ADMIN_ONLY, "documenter_b": 403},
    ),
    # GET only goes back to the file's page; adding and removing need POST.
    "cases:case_file_contents": (
        lambda s: {"pk": s["case_file_a"].pk, "relation": "incidents", "verb": "add"},
        {**ADMIN_ONLY, "documenter_b": 403, "administrator": "redirect"},
    ),
    "evidence:case_file_items": (
        lambda s: {"pk": s["case_file_a"].pk, "verb": "add"},
        {**ADMIN_ONLY, "documenter_b": 403, "administrator": 405},
    ),
    "testimonies:case_file_testimonies": (
        lambda s: {"pk": s["case_file_a"].pk, "verb": "add"},
        {**ADMIN_ONLY, "documenter_b": 403, "administrator": 405},
    ),
    "cases:export": (lambda s: {"kind": "acts", "fmt": "csv"}, {**SIGNED_IN_OK, "viewer": 403}),
    "core:audit_export": (None, ADMIN_ONLY),
    "core:audit_checkpoint": (None, {**ADMIN_ONLY, "administrator": 405}),  # POST only (signs)
    "backup:health": (None, ADMIN_ONLY),
    # Registry of the missing: everyone with a role reads what their clearance allows; only
    # missing-persons officers and administrators write (documenters have no registry rights).
    "missing:registry_list": (None, SIGNED_IN_OK),
    "missing:registry_export": (None, SIGNED_IN_OK),
    "missing:file_create": (None, ADMIN_ONLY),
    # A confidential file limited to team A.
    "missing:file_detail": (
        lambda s: {"pk": s["missing_a"].pk},
        {
            "anonymous": "login",
            "viewer": 404,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "missing:file_edit": (lambda s: {"pk": s["missing_a"].pk}, ADMIN_ONLY),
    "missing:status_add": (lambda s: {"pk": s["missing_a"].pk}, ADMIN_ONLY),
    "missing:relative_add": (lambda s: {"pk": s["missing_a"].pk}, ADMIN_ONLY),
    "missing:relative_edit": (
        lambda s: {"pk": s["missing_a"].pk, "relative_pk": s["relative_a"].pk},
        ADMIN_ONLY,
    ),
    "missing:report_add": (lambda s: {"pk": s["missing_a"].pk}, ADMIN_ONLY),
    "missing:contact_add": (lambda s: {"pk": s["missing_a"].pk}, ADMIN_ONLY),
    "missing:list_list": (None, SIGNED_IN_OK),
    "missing:list_create": (None, ADMIN_ONLY),
    "missing:list_detail": (lambda s: {"pk": s["source_list"].pk}, SIGNED_IN_OK),
    "missing:record_detail": (
        lambda s: {"pk": s["source_list"].pk, "record_pk": s["record"].pk},
        SIGNED_IN_OK,
    ),
    "missing:list_import": (
        lambda s: {"pk": s["source_list"].pk},
        {**ADMIN_ONLY, "administrator": 405},  # POST only
    ),
    "missing:job_detail": (lambda s: {"pk": s["import_job"].pk}, ADMIN_ONLY),
    "missing:job_confirm": (
        lambda s: {"pk": s["import_job"].pk},
        {**ADMIN_ONLY, "administrator": 405},  # POST only
    ),
    "missing:overview": (None, SIGNED_IN_OK),
    "missing:grave_list": (None, SIGNED_IN_OK),
    # Linkage review: officers and administrators run the matching and decide; the sources of a
    # file are read like the file.
    "missing:match_run_start": (None, {**ADMIN_ONLY, "administrator": 405}),  # POST only
    "missing:match_run_detail": (lambda s: {"pk": s["match_run"].pk}, ADMIN_ONLY),
    "missing:review_queue": (None, ADMIN_ONLY),
    "missing:review_pair": (lambda s: {"pk": s["pair"].pk}, ADMIN_ONLY),
    "missing:pair_decide": (
        lambda s: {"pk": s["pair"].pk},
        {**ADMIN_ONLY, "administrator": 405},  # POST only
    ),
    "missing:file_sources": (
        lambda s: {"pk": s["missing_a"].pk},
        {
            "anonymous": "login",
            "viewer": 404,
            "documenter_a": 200,
            "documenter_b": 404,
            "administrator": 200,
        },
    ),
    "missing:record_detach": (
        lambda s: {"pk": s["missing_a"].pk, "record_pk": s["record"].pk},
        {**ADMIN_ONLY, "administrator": 405},  # POST only
    ),
    "missing:merge_undo": (
        lambda s: {"pk": s["missing_a"].pk, "change_pk": 1},
        {**ADMIN_ONLY, "administrator": 405},  # POST only
    ),
    "accounts:login": (
        None,
        {
            "anonymous": 200,
            "viewer": "redirect",
            "documenter_a": "redirect",
            "documenter_b": "redirect",
            "administrator": "redirect",
        },
    ),
    # Library (issue 6): the public site is open to everyone and shows public documents only;
    # staff pages need the library's view permission (viewer, researcher, administrator).
    "library:public_search": (None, ALL_OK),
    "library:public_publications": (None, ALL_OK),
    "library:sitemap": (None, ALL_OK),
    "library:public_detail": (lambda s: {"pk": _library(s, "public").pk}, ALL_OK),
    "library:public_file": (
        lambda s: {"pk": _library(s, "public").pk, "version_pk": _library_file(s, "public")},
        ALL_OK,
    ),
    "library:staff_search": (None, LIBRARY_STAFF),
    "library:staff_detail": (lambda s: {"pk": _library(s, "internal").pk}, LIBRARY_STAFF),
    "library:staff_progress": (lambda s: {"pk": _library(s, "internal").pk}, LIBRARY_STAFF),
    "library:staff_file": (
        lambda s: {"pk": _library(s, "internal").pk, "version_pk": _library_file(s, "internal")},
        LIBRARY_STAFF,
    ),
    "library:upload": (None, {**LIBRARY_STAFF, "viewer": 403}),
    # GET only redirects to the document's page; adding a file needs POST.
    "library:version_add": (
        lambda s: {"pk": _library(s, "internal").pk},
        {**LIBRARY_STAFF, "viewer": 403, "administrator": "redirect"},
    ),
    # Editing a document: whoever may add a document may change it (researcher, administrator).
    "library:document_edit": (
        lambda s: {"pk": _library(s, "internal").pk},
        {**LIBRARY_STAFF, "viewer": 403},
    ),
    # Adding and removing a relation are POST only.
    "library:relation_add": (
        lambda s: {"pk": _library(s, "internal").pk},
        {**LIBRARY_STAFF, "viewer": 403, "administrator": 405},
    ),
    "library:relation_remove": (
        lambda s: {"pk": _library(s, "internal").pk, "relation_pk": _library_relation(s)},
        {**LIBRARY_STAFF, "viewer": 403, "administrator": 405},
    ),
    # Testimonies (issue 14): the public site shows published narratives to everyone; staff
    # pages follow the permission layer (a confidential testimony of team A); publishing needs
    # the publish permission (administrators, legal officers).
    "testimonies:public_list": (None, ALL_OK),
    "testimonies:public_collection": (lambda s: (_testimony(s), {"slug": "matrix"})[1], ALL_OK),
    "testimonies:public_detail": (lambda s: {"pk": _testimony(s)["publication_pk"]}, ALL_OK),
    "testimonies:sitemap": (None, ALL_OK),
    "testimonies:staff_list": (None, SIGNED_IN_OK),
    "testimonies:create": (None, {**SIGNED_IN_OK, "viewer": 403}),
    "testimonies:search": (None, SIGNED_IN_OK),
    "testimonies:detail": (_t(), TEAM_A_ONLY),
    "testimonies:edit": (_t(), TESTIMONY_CHANGE),
    "testimonies:original_add": (_t(), TESTIMONY_CHANGE),
    "testimonies:person_add": (_t(), TESTIMONY_CHANGE),
    "testimonies:person_link": (_t(), TESTIMONY_CHANGE),
    "testimonies:recording": (_t(), TEAM_A_ONLY),
    "testimonies:consent_add": (_t(), TESTIMONY_CHANGE),
    "testimonies:consent_withdraw": (  # POST only
        _t("consent_pk"),
        {**TESTIMONY_CHANGE, "documenter_a": 405, "documenter_b": 405, "administrator": 405},
    ),
    "testimonies:transcript_import": (_t(), TESTIMONY_CHANGE),
    "testimonies:transcript": (
        lambda s: {"pk": _testimony(s)["pk"], "language": "ar"},
        TEAM_A_ONLY,
    ),
    "testimonies:transcript_export": (
        lambda s: {"pk": _testimony(s)["pk"], "language": "ar", "fmt": "vtt"},
        TEAM_A_ONLY,
    ),
    "testimonies:segment_edit": (_t("segment_pk"), TESTIMONY_CHANGE),
    "testimonies:excerpt_create": (
        lambda s: {"pk": _testimony(s)["pk"], "language": "ar"},
        TESTIMONY_CHANGE,
    ),
    # POST only; documenters may not change case files (legal officers, administrators do).
    "testimonies:case_file_add": (_t(), {**TESTIMONY_PUBLISH, "administrator": 405}),
    # Without ?for= the statement is refused with a message (a redirect to the testimony).
    "testimonies:statement": (
        _t(),
        {**TESTIMONY_CHANGE, "documenter_a": "redirect", "administrator": "redirect"},
    ),
    "testimonies:publish": (_t(), TESTIMONY_PUBLISH),
    "testimonies:unpublish": (_t(), {**TESTIMONY_PUBLISH, "administrator": 405}),  # POST only
    # Activities (issue 17): the public record of work is open to all; staff pages follow the
    # permission layer (a confidential activity of team A); publishing needs the publish
    # permission (administrators). The donor report, without a query, shows its form.
    "activities:public_list": (None, ALL_OK),
    "activities:staff_list": (None, SIGNED_IN_OK),
    "activities:create": (None, {**SIGNED_IN_OK, "viewer": 403}),
    "activities:report": (None, SIGNED_IN_OK),
    "activities:detail": (_a(), TEAM_A_ONLY),
    "activities:edit": (_a(), ACTIVITY_CHANGE),
    "activities:counts": (_a(), ACTIVITY_CHANGE),
    "activities:participant_add": (_a(), ACTIVITY_CHANGE),
    "activities:participant_remove": (_a("participant_pk"), ACTIVITY_POST_ONLY),
    "activities:sheet_add": (_a(), ACTIVITY_CHANGE),
    "activities:output_add": (_a(), ACTIVITY_CHANGE),
    "activities:follow_up_add": (_a(), ACTIVITY_CHANGE),
    "activities:follow_up_done": (_a("follow_up_pk"), ACTIVITY_POST_ONLY),
    "activities:publish": (_a(), {**ADMIN_ONLY, "administrator": 405}),  # POST only
    "activities:project_list": (None, SIGNED_IN_OK),
    "activities:project_new": (None, PROJECT_CHANGE),
    "activities:project_detail": (_p(), SIGNED_IN_OK),
    "activities:project_edit": (_p(), PROJECT_CHANGE),
    "activities:indicator_add": (_p(), PROJECT_CHANGE),
    "activities:indicator_edit": (_p("indicator_pk"), PROJECT_CHANGE),
    "activities:indicator_remove": (_p("indicator_pk"), PROJECT_POST_ONLY),
    # Accountability (issue 18): legal officers and administrators only (none of the other
    # personas has the permission); records follow the permission layer (team A, confidential:
    # a legal officer of another team gets 404, tests/accountability/test_views.py).
    "accountability:public": (None, ALL_OK),  # the public record: marked public only
    "accountability:submission_list": (None, ADMIN_ONLY),
    "accountability:submission_new": (None, ADMIN_ONLY),
    "accountability:submission_detail": (_acc("submission"), ADMIN_ONLY),
    "accountability:submission_edit": (_acc("submission"), ADMIN_ONLY),
    "accountability:status_add": (_acc("submission"), {**ADMIN_ONLY, "administrator": 405}),
    # Agreements: legal officers and administrators (a confidential one of team A here).
    "accountability:agreement_list": (None, ADMIN_ONLY),
    "accountability:agreement_new": (None, ADMIN_ONLY),
    "accountability:agreement_detail": (_acc("agreement"), ADMIN_ONLY),
    "accountability:agreement_edit": (_acc("agreement"), ADMIN_ONLY),
    "accountability:overview": (None, ADMIN_ONLY),
    "accountability:overview_csv": (None, ADMIN_ONLY),
    "accountability:case_file_timeline": (_acc("case_file"), ADMIN_ONLY),
    "accountability:proceeding_list": (None, ADMIN_ONLY),
    "accountability:proceeding_new": (None, ADMIN_ONLY),
    "accountability:proceeding_detail": (_acc("proceeding"), ADMIN_ONLY),
    "accountability:proceeding_edit": (_acc("proceeding"), ADMIN_ONLY),
    "accountability:hearing_add": (_acc("proceeding"), {**ADMIN_ONLY, "administrator": 405}),
    "accountability:decision_add": (_acc("proceeding"), {**ADMIN_ONLY, "administrator": 405}),
    "accountability:report": (_acc("proceeding"), ADMIN_ONLY),
    "accounts:logout": (None, dict.fromkeys(PERSONAS, 405)),  # sign-out is POST only
    "accounts:security": (None, SIGNED_IN_OK),
    # Every signed-in persona here has a confirmed authenticator and a verified session: set-up
    # offers to add another one (an unverified session is sent to verify first, issue 11).
    "accounts:two_factor_setup": (
        None,
        {
            "anonymous": "login",
            "viewer": 200,
            "documenter_a": 200,
            "documenter_b": 200,
            "administrator": 200,
        },
    ),
    "accounts:two_factor_verify": (None, SIGNED_IN_OK),
    "set_language": (None, dict.fromkeys(PERSONAS, "redirect")),  # GET changes nothing
    # Signed in without staff status: told so, not sent round the admin and sign-in for ever.
    "admin_login_redirect": (
        None,
        {**dict.fromkeys(PERSONAS, 403), "anonymous": "redirect", "administrator": "redirect"},
    ),
    "evidence:item_list": (None, SIGNED_IN_OK),
    "evidence:upload": (None, {**SIGNED_IN_OK, "viewer": 403}),
    # The upload API is POST only; a token belongs to the user who started the upload.
    "evidence:upload_start": (
        None,
        {**dict.fromkeys(PERSONAS, 405), "anonymous": "login", "viewer": 403},
    ),
    "evidence:upload_chunk": (
        lambda s: {"token": "unknown"},
        {**dict.fromkeys(PERSONAS, 404), "anonymous": "login", "viewer": 403},
    ),
    "evidence:upload_complete": (
        lambda s: {"token": "unknown"},
        {**dict.fromkeys(PERSONAS, 405), "anonymous": "login", "viewer": 403},
    ),
    # A confidential item limited to team A.
    "evidence:item_detail": (lambda s: {"reference": s["item_a"].reference}, TEAM_A_ONLY),
    "evidence:item_content": (lambda s: {"reference": s["item_a"].reference}, TEAM_A_ONLY),
    "evidence:item_download": (lambda s: {"reference": s["item_a"].reference}, TEAM_A_ONLY),
    "evidence:item_verify": (
        lambda s: {"reference": s["item_a"].reference},
        {**dict.fromkeys(PERSONAS, 405), "anonymous": "login"},
    ),
    "evidence:item_edit": (
        lambda s: {"reference": s["item_a"].reference},
        {**TEAM_A_ONLY, "viewer": 403},
    ),
    "evidence:handover_list": (None, ADMIN_ONLY),
    "evidence:handover_download": (
        lambda s: {"reference": "HO-0000-0000"},
        {**ADMIN_ONLY, "administrator": 404},
    ),
    "evidence:item_annotate": (
        lambda s: {"reference": s["item_a"].reference},
        {**dict.fromkeys(PERSONAS, 405), "anonymous": "login", "viewer": 403},
    ),
}

# Django's admin: every route is covered by one rule — only staff get past the sign-in redirect.
# Object routes are requested with an id that does not exist (the admin answers 302 or 404).
ADMIN_PREFIX = "admin:"
ADMIN_KWARGS = {"app_label": "core", "content_type_id": 1}  # any other argument: "999999"


def all_route_names() -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []

    def walk(patterns: list[Any], namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, ns)
            elif isinstance(entry, URLPattern):
                converters = list(entry.pattern.regex.groupindex)
                # Unnamed routes are named by their namespace, so the admin's unnamed redirects
                # fall under the admin rule and anything else unnamed fails the matrix test.
                found.append(
                    (f"{namespace}{entry.name}" if entry.name else f"{namespace}", converters)
                )

    walk(get_resolver().url_patterns, "")
    return found


def test_every_route_is_in_the_matrix() -> None:
    missing = [
        name or "(an unnamed route)"
        for name, _ in all_route_names()
        if name not in MATRIX and not name.startswith(ADMIN_PREFIX)
    ]
    assert not missing, f"routes without a permission decision in MATRIX: {missing}"


def check(response: Any, expected: Any) -> bool:
    if expected == "login":
        return response.status_code == 302 and response["Location"].startswith(
            reverse("accounts:login")
        )
    if expected == "redirect":
        return 300 <= response.status_code < 400
    return bool(response.status_code == expected)


@pytest.fixture
def persona_clients(viewer, documenter_a, documenter_b, administrator) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "anonymous": signed_in(None),
        "viewer": signed_in(viewer),
        "documenter_a": signed_in(documenter_a),
        "documenter_b": signed_in(documenter_b),
        "administrator": signed_in(administrator),
    }


def populate(sites: dict[str, Any], team_a: Any) -> dict[str, Any]:
    """The objects the routes of MATRIX open (added to ``sites``); the crawls reuse them."""
    from mizan.cases import services

    sites["unit"] = services.organisation_create(
        actor=None, data={"name_en": "Unit", "name_ar": "وحدة", "sensitivity": 1}
    )
    sites["incident_a"] = services.incident_record(
        actor=None,
        incident={"title_en": "Team A incident", "sensitivity": 2, "team": team_a},
        victims=[
            services.VictimAct(
                act_type="torture", new_person={"first_name_ar": "سامر", "sensitivity": 2}
            )
        ],
        perpetrators=[services.Perpetrator(degree="ordered", unit=sites["unit"])],
        sources=[],
    )
    sites["source_a"] = services.incident_source_add(
        actor=None,
        incident=sites["incident_a"],
        entry=services.SourceEntry(source_type="witness", description="a witness"),
    )
    sites["case_file_a"] = services.case_file_create(
        actor=None, data={"title": "Team A file", "sensitivity": 2, "team": team_a}
    )
    from mizan.evidence.services import item_ingest

    sites["item_a"] = item_ingest(
        io.BytesIO(b"route matrix evidence"), filename="a.txt", actor=None, team=team_a
    ).item
    from mizan.missing import services as missing_services
    from mizan.missing.models import ImportJob, SourceRecord

    sites["missing_a"] = missing_services.missing_person_create(
        actor=None,
        data={"sensitivity": 2, "team": team_a},
        person_data={"first_name_ar": "باسل"},
    )
    sites["relative_a"] = missing_services.relative_add(
        actor=None,
        missing_person=sites["missing_a"],
        relationship="mother",
        person_data={"first_name_ar": "هبة"},
        contact={"phone": "1"},
    )
    sites["source_list"] = missing_services.source_list_create(
        actor=None, data={"name": "Families' list (synthetic)", "origin": "families"}
    )
    sites["record"] = SourceRecord.objects.create(
        source_list=sites["source_list"], row_number=2, record_id="1", raw={"record_id": "1"}
    )
    sites["import_job"] = ImportJob.objects.create(
        source_list=sites["source_list"], file_path="/nonexistent.csv", file_name="l.csv"
    )
    from mizan.missing.models import CandidatePair, MatchRun

    other_record = SourceRecord.objects.create(
        source_list=sites["source_list"], row_number=3, record_id="2", raw={"record_id": "2"}
    )
    sites["pair"] = CandidatePair.objects.create(
        record_a=sites["record"], record_b=other_record, probability=0.8, match_weight=3.0
    )
    sites["match_run"] = MatchRun.objects.create(list_ids=[sites["source_list"].pk])
    return sites


@pytest.mark.django_db
def test_matrix(persona_clients: dict[str, Any], sites: dict[str, Any], team_a: Any) -> None:
    populate(sites, team_a)
    failures = []
    for name, (kwargs_for, expectations) in MATRIX.items():
        url = reverse(name, kwargs=kwargs_for(sites) if kwargs_for else None)
        for persona in PERSONAS:
            response = persona_clients[persona].get(url)
            if not check(response, expectations[persona]):
                failures.append(
                    f"{name} as {persona}: got {response.status_code}, "
                    f"expected {expectations[persona]}"
                )
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_admin_routes_need_staff(persona_clients: dict[str, Any]) -> None:
    failures = []
    for name, converters in all_route_names():
        if not name.startswith(ADMIN_PREFIX) or name == ADMIN_PREFIX:
            continue  # the unnamed admin routes redirect to named ones, which are checked here
        url = reverse(name, kwargs={k: ADMIN_KWARGS.get(k, "999999") for k in converters})
        for persona in PERSONAS:
            try:
                response = persona_clients[persona].get(url)
            except TOTPDevice.DoesNotExist:
                # django-otp's QR-code admin view fails on an id that does not exist; it is
                # reached only by staff (the others were redirected before it ran).
                assert persona == "administrator" and name.startswith("admin:otp_totp"), name
                continue
            if persona == "administrator":
                # Reached the admin view: it may still refuse odd arguments (autocomplete
                # without a field answers 403, GET on sign-out 405, unknown objects 302/404).
                ok = response.status_code in (200, 302, 403, 404, 405)
            elif name == "admin:login" and persona != "anonymous":
                # Signed in without staff status: "not allowed", not a loop (issue 19).
                ok = response.status_code == 403
            else:
                location = response.get("Location", "")
                ok = response.status_code == 302 and (
                    "login" in location
                    or location.startswith(reverse("accounts:login"))
                    or location == reverse("admin:index")  # the admin's sign-out for non-staff
                )
            if not ok:
                failures.append(f"{name} ({url}) as {persona}: {response.status_code}")
    assert not failures, "\n".join(failures)
