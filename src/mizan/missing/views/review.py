"""Pages of the linkage review: matching runs, the queue, deciding a pair, a person's sources,
detaching a record and undoing a merge. Thin: parse, call ``mizan.missing.review``, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mizan.core.editing import error_text
from mizan.missing import review, selectors
from mizan.missing.models import (
    CandidatePair,
    ClusterChange,
    MatchRun,
    MissingPerson,
    SourceList,
    SourceRecord,
)
from mizan.missing.views.common import CHANGE, IMPORT, VIEW, _int

# --- Linkage review: matching runs, the queue, decisions, the person's sources -----------------


@login_required
@permission_required(IMPORT, raise_exception=True)
@require_POST
def match_run_start(request: HttpRequest) -> HttpResponse:
    """Compare the chosen imported lists (none chosen: all the user may see) in the background."""
    wanted = [int(value) for value in request.POST.getlist("lists") if value.isdigit()]
    chosen = None
    if wanted:
        chosen = list(selectors.source_lists_visible_to(request.user).filter(pk__in=wanted))
        if len(chosen) != len(set(wanted)):
            raise Http404
    try:
        run = review.matching_run_start(actor=request.user, source_lists=chosen)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("missing:list_list")
    return redirect("missing:match_run_detail", pk=run.pk)


def _run(request: HttpRequest, pk: int) -> MatchRun:
    run = MatchRun.objects.filter(pk=pk).first()
    if run is None:
        raise Http404
    visible = set(
        selectors.source_lists_visible_to(request.user)
        .filter(pk__in=run.list_ids)
        .values_list("pk", flat=True)
    )
    if visible != set(run.list_ids):
        raise Http404
    return run


@login_required
@permission_required(IMPORT, raise_exception=True)
def match_run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _run(request, pk)
    context = {
        "run": run,
        "lists": SourceList.objects.filter(pk__in=run.list_ids).order_by("name"),
        "stage_label": review.stage_label(run.stage),
    }
    if request.headers.get("HX-Request"):
        if run.finished:
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        return render(request, "missing/_match_progress.html", context)
    return render(request, "missing/match_run.html", context)


def _queue_filters(params: Any) -> review.QueueFilters:
    band = params.get("band", "")
    return review.QueueFilters(
        source_list=_int(params.get("list")), band=band if band in review.BANDS else ""
    )


def _queue_query(filters: review.QueueFilters) -> str:
    parts = []
    if filters.source_list:
        parts.append(f"list={filters.source_list}")
    if filters.band:
        parts.append(f"band={filters.band}")
    return "&".join(parts)


@login_required
@permission_required(CHANGE, raise_exception=True)
def review_queue(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The queue of candidate pairs; opens the most probable one (or the pair asked for)."""
    filters = _queue_filters(request.GET)
    pairs = review.queue(request.user, filters)
    upcoming = list(pairs[:16])
    if pk is not None:
        pair = review.visible_pair(request.user, pk)
        if pair is None:
            raise Http404
    else:
        pair = upcoming[0] if upcoming else None
    context: dict[str, Any] = {
        "pair": pair,
        "upcoming": [p for p in upcoming if pair is None or p.pk != pair.pk][:15],
        "remaining": pairs.count(),
        "filters": filters,
        "query": _queue_query(filters),
        "bands": list(review.BAND_LABELS.items()),
        "source_lists": selectors.source_lists_visible_to(request.user).filter(
            state=SourceList.State.IMPORTED
        ),
    }
    if pair is not None:
        following = next((p for p in upcoming if p.pk != pair.pk), None)
        context.update(
            {
                "rows": review.side_by_side(pair),
                "evidence": review.evidence_rows(pair),
                "percent": round(pair.probability * 100, 1),
                "next_pair": following,
                "person_a": _person_link(request, pair.record_a),
                "person_b": _person_link(request, pair.record_b),
                "flags_a": review.record_flags(pair.record_a),
                "flags_b": review.record_flags(pair.record_b),
            }
        )
    decided = request.GET.get("decided", "")
    if decided.isdigit():
        accepted = review.visible_pair(request.user, int(decided))
        if accepted is not None:
            accepted.record_a.refresh_from_db()
            context["accepted"] = _person_link(request, accepted.record_a)
    return render(request, "missing/review_queue.html", context)


def _person_link(request: HttpRequest, record: Any) -> dict[str, Any] | None:
    if record.person is None:
        return None
    file = MissingPerson.objects.filter(person=record.person).first()
    return {
        "person": record.person,
        "file": file if file is not None and file.is_visible_to(request.user) else None,
        "person_visible": record.person.is_visible_to(request.user),
    }


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def pair_decide(request: HttpRequest, pk: int) -> HttpResponse:
    pair = review.visible_pair(request.user, pk)
    if pair is None:
        raise Http404
    decision = request.POST.get("decision", "")
    filters = _queue_filters(request.POST)
    query = _queue_query(filters)
    try:
        review.pair_decide(actor=request.user, pair=pair, decision=decision)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(reverse("missing:review_pair", args=[pk]) + (f"?{query}" if query else ""))
    messages.success(request, review.decision_message(decision))
    merge = (
        ClusterChange.objects.filter(
            pair_id=pk, kind=ClusterChange.Kind.MERGE, undone_at__isnull=True
        )
        .order_by("-pk")
        .first()
    )
    if merge is not None and merge.files.get("from_file"):
        files = MissingPerson.objects.in_bulk([merge.files["from_file"], merge.files["to_file"]])
        messages.info(
            request,
            _(
                "File %(other)s was merged into %(keep)s: its records, status history, "
                "relatives, reports and meetings are there now. Undo it on the sources page "
                "of %(keep)s."
            )
            % {
                "other": files[merge.files["from_file"]].reference,
                "keep": files[merge.files["to_file"]].reference,
            },
        )
    if decision == CandidatePair.Decision.ACCEPTED:
        # The queue page then links to where the two records now are.
        query = "&".join(part for part in (query, f"decided={pk}") if part)
    return redirect(reverse("missing:review_queue") + (f"?{query}" if query else ""))


@login_required
@permission_required(VIEW, raise_exception=True)
def file_sources(request: HttpRequest, pk: int) -> HttpResponse:
    """The person of a file as the lists give it: each field's values and the lists behind
    each, the records linked (split them off here), and the merges and splits made."""
    file = selectors.missing_file(request.user, pk)
    fields, records = review.canonical(request.user, file.person)
    changes = list(review.changes_of(file.person)[:50])
    return render(
        request,
        "missing/file_sources.html",
        {
            "file": file,
            "fields": fields,
            "records": records,
            "changes": changes,
            "can_change": request.user.has_perm(CHANGE),
        },
    )


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def record_detach(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    record = (
        SourceRecord.objects.filter(pk=record_pk, person=file.person)
        .filter(review.records_visible_q(request.user, ""))
        .first()
    )
    if record is None:
        raise Http404
    try:
        change = review.record_detach(
            actor=request.user, record=record, new_person=request.POST.get("to") == "new"
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        if change.to_person_id:
            new_file = MissingPerson.objects.get(person_id=change.to_person_id)
            messages.success(
                request,
                _("The record was split off to a new file, %(ref)s.") % {"ref": new_file.reference},
            )
        else:
            messages.success(request, _("The record was split off; it is unlinked again."))
    return redirect("missing:file_sources", pk=pk)


@login_required
@permission_required(CHANGE, raise_exception=True)
@require_POST
def merge_undo(request: HttpRequest, pk: int, change_pk: int) -> HttpResponse:
    file = selectors.missing_file(request.user, pk)
    change = ClusterChange.objects.filter(
        pk=change_pk, kind=ClusterChange.Kind.MERGE, to_person=file.person
    ).first()
    if (
        change is None
        or change.from_person is None
        or not change.from_person.is_visible_to(request.user)
    ):
        raise Http404
    try:
        review.merge_undo(actor=request.user, change=change)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The merge was undone; its pair is back in the queue."))
    return redirect("missing:file_sources", pk=pk)
