"""Writes of the accountability tracker. Each is atomic and writes its audit entry in the same
transaction; correspondence goes into the evidence locker through its services (custody chain).

Bad input is refused with a translated ``ValidationError`` before anything is written: a status
that goes backwards without a reason, a recipient's reference already given to another of its
submissions, a hearing or decision dated before its proceeding opened, a case file, handover,
act or item the actor may not see.
"""

from __future__ import annotations

import copy
import datetime
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mizan.accountability.models import (
    STATUS_RANK,
    Agreement,
    Decision,
    Hearing,
    MonitoringReport,
    Proceeding,
    StatusChange,
    Submission,
)
from mizan.cases.models import Act, CaseFile
from mizan.core.audit import Action, audit_record
from mizan.core.sensitivity import Sensitivity
from mizan.core.writing import acting_user, assign_changes, next_reference
from mizan.evidence import services as evidence_services
from mizan.evidence.models import Handover, Item

# --- What a submission may hold -----------------------------------------------------------------


def _check_visible(
    actor: Any,
    *,
    case_files: Sequence[CaseFile] = (),
    items: Sequence[Item] = (),
    handovers: Sequence[Handover] = (),
    acts: Sequence[Act] = (),
) -> None:
    """Refuse a record the actor may not see: a submission must not reveal (or be made of) what
    its author could not read. ``actor`` None is the system (demo, commands)."""
    if actor is None:
        return
    hidden = [c.reference for c in case_files if not c.is_visible_to(actor)]
    hidden += [i.reference for i in items if not i.is_visible_to(actor)]
    if hidden:
        raise ValidationError(
            _("You may not see %(refs)s: a submission can hold only what you may see.")
            % {"refs": ", ".join(hidden)}
        )
    visible_items = Item.objects.visible_to(actor)
    for handover in handovers:
        if handover.items.exclude(pk__in=visible_items).exists() or (
            handover.case_file is not None and not handover.case_file.is_visible_to(actor)
        ):
            raise ValidationError(
                _("You may not see everything in the package %(ref)s.")
                % {"ref": handover.reference}
            )
    for act in acts:
        if not act.incident.is_visible_to(actor):
            raise ValidationError(_("You may not see one of the acts chosen."))


def _check_reference(submission: Submission, reference: str, actor: Any) -> None:
    """Refuse a recipient's reference the recipient already gave to another submission. The
    other submission is named only to someone who may see it: its number is not the actor's to
    learn from a clash."""
    if not reference:
        return
    clash = (
        Submission.objects.filter(
            recipient_id=submission.recipient_id, recipient_reference=reference
        )
        .exclude(pk=submission.pk)
        .only("reference", "sensitivity", "team_id")
        .first()
    )
    if clash is None:
        return
    names = {"recipient": submission.recipient.name, "ref": reference}
    if actor is not None and clash.is_visible_to(actor):
        raise ValidationError(
            _(
                "%(recipient)s already gave the reference %(ref)s to the submission %(other)s. "
                "A recipient's reference belongs to one submission."
            )
            % {**names, "other": clash.reference}
        )
    raise ValidationError(
        _(
            "%(recipient)s already gave the reference %(ref)s to another submission, which you "
            "may not see. A recipient's reference belongs to one submission."
        )
        % names
    )


def _check_date(on: datetime.date) -> None:
    if on > timezone.localdate():
        raise ValidationError(_("The date %(date)s is in the future.") % {"date": on.isoformat()})


# --- Submissions ----------------------------------------------------------------------------


def submission_create(
    *,
    actor: Any,
    data: dict[str, Any],
    case_files: Sequence[CaseFile] = (),
    handovers: Sequence[Handover] = (),
    acts: Sequence[Act] = (),
    items: Sequence[Item] = (),
    status: str = Submission.Status.PREPARED,
    status_on: datetime.date | None = None,
    source: str = "",
) -> Submission:
    """Record a submission and its first status (prepared, or sent with its date)."""
    status_on = status_on or timezone.localdate()
    if status not in (Submission.Status.PREPARED, Submission.Status.SENT):
        raise ValidationError(_("A new submission is either prepared or sent."))
    _check_date(status_on)
    case_files = list(case_files)
    # A handover's case file travels with it.
    for handover in handovers:
        if handover.case_file is not None and handover.case_file not in case_files:
            case_files.append(handover.case_file)
    _check_visible(actor, case_files=case_files, items=items, handovers=handovers, acts=acts)
    with transaction.atomic():
        submission = Submission(
            **data,
            status=status,
            status_on=status_on,
            sent_on=status_on if status == Submission.Status.SENT else None,
            created_by=acting_user(actor),
        )
        submission.reference = next_reference(Submission, "SUB", digits=4)
        _check_reference(submission, submission.recipient_reference, actor)
        if (
            submission.agreement is not None
            and submission.agreement.recipient_id != submission.recipient_id
        ):
            raise ValidationError(_("The agreement is with another recipient."))
        submission.full_clean()
        submission.save()
        submission.case_files.set(case_files)
        submission.handovers.set(handovers)
        submission.acts.set(acts)
        submission.items.set(items)
        StatusChange.objects.create(
            submission=submission,
            status=status,
            on=status_on,
            source=source,
            recorded_by=acting_user(actor),
        )
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=submission,
            fields=[*data, "case_files", "handovers", "acts", "items", "status"],
            detail={"status": status, "on": status_on.isoformat()},
        )
    return submission


def submission_update(*, actor: Any, submission: Submission, data: dict[str, Any]) -> Submission:
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        changed = assign_changes(submission, data)
        _check_reference(submission, submission.recipient_reference, actor)
        submission.full_clean()
        submission.save()
        if changed:
            audit_record(actor=actor, action=Action.UPDATE, target=submission, fields=changed)
    return submission


def status_check(
    *,
    actor: Any,
    submission: Submission,
    status: str,
    on: datetime.date,
    reason: str = "",
    recipient_reference: str = "",
) -> None:
    """Raise the translated reason why this step may not be added to the submission's history:
    an unknown status, a date in the future or before the current status's date, the same
    status again, a step back in the usual order without a reason, a reference the recipient
    already gave to another submission. Pages call it before storing the correspondence, so a
    refused step leaves no file behind; :func:`status_record` calls it again under the lock."""
    if status not in Submission.Status.values:
        raise ValidationError(_("Unknown status."))
    _check_date(on)
    if on < submission.status_on:
        raise ValidationError(
            _("The date %(date)s is before the current status (%(status)s, %(since)s).")
            % {
                "date": on.isoformat(),
                "status": submission.get_status_display(),
                "since": submission.status_on.isoformat(),
            }
        )
    if status == submission.status:
        raise ValidationError(
            _("The submission is already “%(status)s”.")
            % {"status": submission.get_status_display()}
        )
    going_back = (
        STATUS_RANK[Submission.Status(status)] < STATUS_RANK[Submission.Status(submission.status)]
    )
    if going_back and not reason.strip():
        raise ValidationError(
            _(
                "“%(new)s” comes before “%(current)s”: say why the status goes back "
                "(the reason is kept in the history)."
            )
            % {
                "new": Submission.Status(status).label,
                "current": submission.get_status_display(),
            }
        )
    reference = recipient_reference.strip()
    if reference and reference != submission.recipient_reference:
        _check_reference(submission, reference, actor)


def status_record(
    *,
    actor: Any,
    submission: Submission,
    status: str,
    on: datetime.date,
    source: str = "",
    reason: str = "",
    recipient_reference: str = "",
    correspondence: Item | None = None,
) -> StatusChange:
    """Add a step to the submission's history and make it the current status (refused as
    :func:`status_check` says, with nothing written)."""
    reason = reason.strip()
    recipient_reference = recipient_reference.strip()
    with transaction.atomic():
        current = (
            Submission.objects.select_for_update().select_related("recipient").get(pk=submission.pk)
        )
        status_check(
            actor=actor,
            submission=current,
            status=status,
            on=on,
            reason=reason,
            recipient_reference=recipient_reference,
        )
        fields = ["status"]
        if recipient_reference and recipient_reference != current.recipient_reference:
            current.recipient_reference = recipient_reference
            fields.append("recipient_reference")
        before = current.status
        current.status = status
        current.status_on = on
        if status == Submission.Status.SENT and current.sent_on is None:
            current.sent_on = on
            fields.append("sent_on")
        current.save()
        change = StatusChange.objects.create(
            submission=current,
            status=status,
            on=on,
            source=source.strip(),
            reason=reason,
            correspondence=correspondence,
            recorded_by=acting_user(actor),
        )
        detail = {"from": before, "to": status, "on": on.isoformat()}
        if correspondence is not None:
            current.items.add(correspondence)
            fields.append("items")
            detail["correspondence"] = correspondence.reference
        audit_record(
            actor=actor, action=Action.UPDATE, target=current, fields=fields, detail=detail
        )
    submission.refresh_from_db()
    return change


def correspondence_store(
    *, actor: Any, submission: Submission, stream: BinaryIO, filename: str, title: str = ""
) -> Item:
    """Keep a letter or e-mail to or from the recipient in the locker, not yet linked to the
    submission (``correspondence_add`` or ``status_record`` link it).

    The item takes the submission's sensitivity and case team and its case files, so whoever may
    see the submission may see its correspondence (and nobody else). Stored outside any
    transaction: on SQLite a transaction holds the one write lock, which an upload must not."""
    return evidence_services.item_ingest(
        stream,
        filename=filename,
        actor=actor,
        title=title or _("Correspondence of %(ref)s") % {"ref": submission.reference},
        sensitivity=submission.sensitivity,
        team=submission.team,
        case_files=list(submission.case_files.all()),
    ).within_reach_of(actor)


def correspondence_add(
    *, actor: Any, submission: Submission, stream: BinaryIO, filename: str, title: str = ""
) -> Item:
    """Keep a letter or e-mail to or from the recipient as a locker item of the submission."""
    item = correspondence_store(
        actor=actor, submission=submission, stream=stream, filename=filename, title=title
    )
    correspondence_link(actor=actor, submission=submission, item=item)
    return item


def correspondence_link(*, actor: Any, submission: Submission, item: Item) -> None:
    """List a letter already stored by :func:`correspondence_store` under the submission (also
    when the status step it came with was refused under the lock: the locker keeps what it
    received, so the letter must not be left linked to nothing)."""
    with transaction.atomic():
        submission.items.add(item)
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=submission,
            fields=["items"],
            detail={"correspondence": item.reference},
        )


# --- Agreements -------------------------------------------------------------------------------


def _check_agreement(agreement: Agreement, actor: Any) -> None:
    """Refuse an agreement that ends before it was signed, or one whose signed document the
    actor may not see (an agreement must not point at what its author could not read)."""
    if (
        agreement.signed_on is not None
        and agreement.valid_until is not None
        and agreement.valid_until < agreement.signed_on
    ):
        raise ValidationError(
            {
                "valid_until": _(
                    "The agreement would end (%(end)s) before it was signed (%(signed)s)."
                )
                % {
                    "end": agreement.valid_until.isoformat(),
                    "signed": agreement.signed_on.isoformat(),
                }
            }
        )
    if agreement.signed_on is not None:
        _check_date(agreement.signed_on)
    document = agreement.document
    if actor is not None and document is not None and not document.is_visible_to(actor):
        raise ValidationError(
            {"document": _("You may not see %(ref)s.") % {"ref": document.reference}}
        )
    agreement.full_clean()


def _signed_document(*, actor: Any, agreement: Agreement, stream: BinaryIO, filename: str) -> Item:
    """Keep the signed agreement in the evidence locker, at the agreement's own sensitivity and
    case team (whoever may see the agreement may see its document, and nobody else)."""
    return evidence_services.item_ingest(
        stream,
        filename=filename,
        actor=actor,
        title=_("Signed agreement: %(title)s") % {"title": agreement.title},
        sensitivity=agreement.sensitivity,
        team=agreement.team,
    ).within_reach_of(actor)


def agreement_create(
    *,
    actor: Any,
    data: Mapping[str, Any],
    stream: BinaryIO | None = None,
    filename: str = "",
) -> Agreement:
    """Record an agreement with a recipient; ``data`` may name its signed document (a locker
    item), or ``stream`` is the signed document, stored in the locker with it. Everything is
    checked before the file is stored, so a refused agreement leaves nothing behind; the file is
    stored before the agreement's transaction opens (on SQLite a transaction holds the one write
    lock, which an upload must not hold)."""
    agreement = Agreement(**dict(data))
    _check_agreement(agreement, actor)
    if stream is not None:
        agreement.document = _signed_document(
            actor=actor, agreement=agreement, stream=stream, filename=filename
        )
    with transaction.atomic():
        agreement.save()
        audit_record(
            actor=actor,
            action=Action.CREATE,
            target=agreement,
            fields=[*data, *(["document"] if stream is not None else [])],
            detail={"document": agreement.document.reference} if agreement.document else None,
        )
    return agreement


def agreement_update(
    *,
    actor: Any,
    agreement: Agreement,
    data: Mapping[str, Any],
    stream: BinaryIO | None = None,
    filename: str = "",
) -> list[str]:
    """Change an agreement (``data``: the changed fields); the changed fields' names, for the
    page to say whether anything changed. The recipient of an agreement that submissions were
    made under stays: those submissions went to it.

    A new signed document is stored once the change has been checked, before the transaction
    that saves it opens (on SQLite a transaction holds the one write lock, which an upload must
    not hold); the change is checked again under the row's lock."""
    document = None
    if stream is not None:
        proposed = copy.copy(agreement)  # the caller's object stays as it was if refused
        _check_agreement_change(actor, proposed, data)
        document = _signed_document(
            actor=actor, agreement=proposed, stream=stream, filename=filename
        )
    with transaction.atomic():
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        changed = _check_agreement_change(actor, agreement, data)
        if document is not None:
            agreement.document = document
            if "document" not in changed:
                changed.append("document")
        if changed:
            agreement.save()
            audit_record(actor=actor, action=Action.UPDATE, target=agreement, fields=changed)
    return changed


def _check_agreement_change(actor: Any, agreement: Agreement, data: Mapping[str, Any]) -> list[str]:
    """Apply ``data`` to ``agreement`` and refuse it as ``agreement_update`` would; the changed
    fields' names."""
    before_recipient = agreement.recipient_id
    changed = assign_changes(agreement, dict(data))
    if agreement.recipient_id != before_recipient and agreement.submissions.exists():
        raise ValidationError(
            {
                "recipient": _(
                    "Submissions were made under this agreement to its recipient: "
                    "the recipient cannot change."
                )
            }
        )
    _check_agreement(agreement, actor)
    return changed


# --- Proceedings ----------------------------------------------------------------------------

PROCEEDING_RELATIONS = ("accused", "units", "victims", "crimes", "case_files", "submissions")


def _check_proceeding_relations(actor: Any, relations: Mapping[str, Iterable[Any]]) -> None:
    if actor is None:
        return
    for name in ("accused", "units", "victims", "case_files", "submissions"):
        for record in relations.get(name, ()):
            if not record.is_visible_to(actor):
                raise ValidationError(
                    _("You may not see one of the records chosen under “%(field)s”.")
                    % {"field": getattr(Proceeding._meta.get_field(name), "verbose_name", name)}
                )


def proceeding_create(*, actor: Any, data: dict[str, Any]) -> Proceeding:
    data = dict(data)
    relations = {name: list(data.pop(name)) for name in PROCEEDING_RELATIONS if name in data}
    _check_proceeding_relations(actor, relations)
    with transaction.atomic():
        proceeding = Proceeding(**data, created_by=acting_user(actor))
        proceeding.full_clean()
        proceeding.save()
        for name, values in relations.items():
            getattr(proceeding, name).set(values)
        audit_record(
            actor=actor, action=Action.CREATE, target=proceeding, fields=[*data, *relations]
        )
    return proceeding


def proceeding_update(*, actor: Any, proceeding: Proceeding, data: dict[str, Any]) -> Proceeding:
    data = dict(data)
    relations = {name: list(data.pop(name)) for name in PROCEEDING_RELATIONS if name in data}
    _check_proceeding_relations(actor, relations)
    with transaction.atomic():
        changed = assign_changes(proceeding, data)
        first = proceeding.hearings.order_by("held_on").values_list("held_on", flat=True).first()
        if first is not None and proceeding.opened_on > first:
            raise ValidationError(
                _("A hearing was held on %(date)s, before the proceeding would open.")
                % {"date": first.isoformat()}
            )
        proceeding.full_clean()
        proceeding.save()
        for name, values in relations.items():
            if set(getattr(proceeding, name).values_list("pk", flat=True)) != {
                v.pk for v in values
            }:
                getattr(proceeding, name).set(values)
                changed.append(name)
        if changed:
            audit_record(actor=actor, action=Action.UPDATE, target=proceeding, fields=changed)
    return proceeding


def _check_after_opening(proceeding: Proceeding, on: datetime.date, message: str) -> None:
    if on < proceeding.opened_on:
        raise ValidationError(
            message % {"date": on.isoformat(), "opened": proceeding.opened_on.isoformat()}
        )


def hearing_add(
    *, actor: Any, proceeding: Proceeding, data: dict[str, Any], items: Sequence[Item] = ()
) -> Hearing:
    _check_after_opening(
        proceeding,
        data["held_on"],
        _("The hearing is dated %(date)s, before the proceeding opened (%(opened)s)."),
    )
    _check_visible(actor, items=items)
    with transaction.atomic():
        hearing = Hearing(proceeding=proceeding, **data)
        hearing.full_clean()
        hearing.save()
        hearing.items.set(items)
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=proceeding,
            fields=["hearings"],
            detail={"hearing": hearing.pk, "held_on": hearing.held_on.isoformat()},
        )
    return hearing


def decision_add(*, actor: Any, proceeding: Proceeding, data: dict[str, Any]) -> Decision:
    _check_after_opening(
        proceeding,
        data["decided_on"],
        _("The decision is dated %(date)s, before the proceeding opened (%(opened)s)."),
    )
    with transaction.atomic():
        decision = Decision(proceeding=proceeding, **data)
        decision.full_clean()
        decision.save()
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=proceeding,
            fields=["decisions"],
            detail={"decision": decision.pk, "kind": decision.kind},
        )
    return decision


def _day(on: datetime.date, language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return date_format(on, "j F Y")


def report_draft(*, actor: Any, proceeding: Proceeding) -> MonitoringReport:
    """Draft (or re-draft, while unpublished) the monitoring report from the hearings' notes:
    one section per hearing, in Arabic and in English, for the legal officer to edit."""
    hearings = list(proceeding.hearings.order_by("held_on", "pk"))
    sections_ar, sections_en = [], []
    for hearing in hearings:
        if hearing.notes_ar:
            sections_ar.append(f"## {_day(hearing.held_on, 'ar')}\n\n{hearing.notes_ar.strip()}")
        if hearing.notes_en:
            sections_en.append(f"## {_day(hearing.held_on, 'en')}\n\n{hearing.notes_en.strip()}")
    with transaction.atomic():
        report, created = MonitoringReport.objects.select_for_update().get_or_create(
            proceeding=proceeding
        )
        if report.published:
            raise ValidationError(_("The report is published; it is no longer drafted here."))
        report.title_ar = report.title_ar or f"تقرير مراقبة المحاكمة: {proceeding.case_name}"
        report.title_en = report.title_en or f"Trial monitoring report: {proceeding.case_name}"
        report.body_ar = "\n\n".join(sections_ar)
        report.body_en = "\n\n".join(sections_en)
        report.save()
        audit_record(
            actor=actor,
            action=Action.CREATE if created else Action.UPDATE,
            target=report,
            fields=["body_ar", "body_en"],
            detail={"hearings": len(hearings)},
        )
    return report


def report_update(
    *, actor: Any, report: MonitoringReport, data: dict[str, Any]
) -> MonitoringReport:
    if report.published:
        raise ValidationError(_("The report is published; it is no longer drafted here."))
    with transaction.atomic():
        changed = assign_changes(report, data)
        report.full_clean()
        report.save()
        if changed:
            audit_record(actor=actor, action=Action.UPDATE, target=report, fields=changed)
    return report


def report_publish(
    *, actor: Any, report: MonitoringReport, sensitivity: int = Sensitivity.PUBLIC
) -> MonitoringReport:
    """Publish the report to the library as one of the organisation's publications, one text
    file per language written; public by default (the library's public site shows it)."""
    from mizan.library import services as library_services
    from mizan.library.models import Collection

    if report.published:
        raise ValidationError(_("The report is already published."))
    if not (report.body_ar.strip() or report.body_en.strip()):
        raise ValidationError(_("The report is empty: write it before publishing."))
    with transaction.atomic():
        document = library_services.document_create(
            actor=actor,
            data={
                "collection": Collection.PUBLICATION,
                "title_ar": report.title_ar,
                "title_en": report.title_en,
                "sensitivity": sensitivity,
            },
        )
        for language, body in (("ar", report.body_ar), ("en", report.body_en)):
            if body.strip():
                library_services.version_add(
                    actor=actor,
                    document=document,
                    language=language,
                    stream=io.BytesIO(body.encode()),
                    original_name=f"monitoring-report-{report.proceeding_id}-{language}.txt",
                    extraction="inline",
                )
        report.document = document
        report.save(update_fields=["document", "updated_at"])
        audit_record(
            actor=actor,
            action=Action.UPDATE,
            target=report,
            fields=["document"],
            detail={"library_document": document.pk},
        )
    return report
