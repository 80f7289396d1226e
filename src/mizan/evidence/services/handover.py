"""Consent and handover: which consent a recipient needs, recipients, the package summary (JSON
and PDF) and :func:`handover_export`, which builds a handover package
(:mod:`mizan.evidence.package`) with its custody event, handover record and audit entry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mizan.core.audit import Action as AuditAction
from mizan.core.audit import audit_record
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate
from mizan.core.writing import acting_user, next_reference
from mizan.evidence.models import (
    CustodyEvent,
    Handover,
    Item,
    Recipient,
)
from mizan.evidence.services.custody import (
    actor_label,
    checkpoint_sign,
    custody_record,
    get_signing_key,
    get_store,
    now_iso,
)
from mizan.text.bidi import isolate

# ---------------------------------------------------------------------------------------------
# Consent and handover

# Which consent scope a recipient category needs (DESIGN decision 9).
REQUIRED_SCOPE = {
    "iiim": "iiim",
    "iimp": "iimp",
    "un_wgeid": "un_bodies",
    "un_sr_torture": "un_bodies",
    "un_coi": "un_bodies",
    "icc_otp": "courts_prosecutors",
    "national_prosecutor": "courts_prosecutors",
    "war_crimes_unit": "courts_prosecutors",
    "other": "other_organisations",
}


def required_scope(category_code: str) -> str:
    return REQUIRED_SCOPE.get(category_code, "other_organisations")


def missing_consent(items: Iterable[Item], recipient: Recipient) -> list[Item]:
    scope = required_scope(recipient.category.code)
    return [item for item in items if not item.consent_scopes.filter(code=scope).exists()]


def resolve_recipient(name: str, *, actor: Any = None) -> Recipient:
    """A registered recipient by name, or one made (and audited) for a recipient category given
    by code or label (``IIIM``, ``icc_otp``); a clear error listing the known ones otherwise."""
    name = name.strip()
    recipient = Recipient.objects.filter(name__iexact=name).first()
    if recipient is not None:
        return recipient
    for term in Term.objects.filter(vocabulary="recipient_category", active=True):
        if name.casefold() in {
            term.code.casefold(),
            term.label_en.casefold(),
            term.label_ar.casefold(),
        } or (f"({name.casefold()})" in term.label_en.casefold()):
            with transaction.atomic():
                recipient, created = Recipient.objects.get_or_create(
                    name=name, defaults={"category": term}
                )
                if created:
                    audit_record(
                        actor=acting_user(actor),
                        action=AuditAction.CREATE,
                        target=recipient,
                        fields=["name", "category"],
                        detail={"by": actor_label(actor)},
                    )
            return recipient
    known = ", ".join(Recipient.objects.values_list("name", flat=True)) or "—"
    raise ValidationError(
        _("Unknown recipient “%(name)s”. Known recipients: %(known)s.")
        % {"name": name, "known": known}
    )


class ConsentMissing(ValidationError):
    """The export stopped: these items lack consent for the recipient's category."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.lines = lines


def package_summary(
    items: list[Item],
    case_file: Any,
    recipient: Recipient,
    reference: str,
    *,
    language: str = "en",
) -> dict[str, Any]:
    """What a package says about itself: identifiers, hashes, provenance — never more about
    people than the items' own metadata already hold.

    Every date here is machine-readable ISO 8601 whatever the interface's language (a partial
    date keeps only what is known, ``2013`` or ``2013-05``, with ``~`` when approximate, as in
    ISO 8601-2); ``language`` is the language of the package's human text (summary.pdf).
    """
    return {
        "format": "mizan-handover-v1",
        "language": language,
        "handover": reference,
        "organisation": settings.ORGANISATION_NAME,
        "recipient": {"name": recipient.name, "category": recipient.category.code},
        "prepared_at": now_iso(),
        "case_file": (
            {"reference": case_file.reference, "title": case_file.title} if case_file else None
        ),
        "items": [
            {
                "id": item.reference,
                "filename": item.filename,
                "media_type": item.media_type,
                "size": item.size,
                "sha256": item.sha256,
                "sha512": item.sha512,
                "kind": item.kind,
                "derived_from": item.derived_from.reference if item.derived_from else None,
                "ingested_at": item.ingested_at.isoformat(),
                "provenance": {
                    "collected_by": item.collected_by,
                    "collected_on": item.collected_on.to_storage() if item.collected_on else "",
                    "collected_where": str(item.collected_where or ""),
                    "collection_method": item.collection_method,
                    "source": item.source_text,
                },
                "metadata": item.metadata,
                "consent_scopes": sorted(item.consent_scopes.values_list("code", flat=True)),
                "last_event": item.last_event_hash,
            }
            for item in items
        ],
    }


def _human_moment(iso: str) -> datetime:
    """An ISO timestamp of the summary as an aware datetime, for the PDF's local-time text."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def summary_pdf(summary: dict[str, Any], language: str | None = None) -> bytes:
    """The summary for people, in the package's language (dates in words, local time); the
    JSON beside it keeps the ISO 8601 values."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    language = language or summary.get("language") or "en"
    rows = []
    for entry in summary["items"]:
        collected = entry["provenance"].get("collected_on") or ""
        rows.append(
            {
                "item": entry,
                "collected_on": (
                    PartialDate.from_storage(collected).display(language) if collected else ""
                ),
                "ingested_at": _human_moment(entry["ingested_at"]),
            }
        )
    with translation.override(language):
        html = render_to_string(
            "evidence/package_summary.html",
            {
                "summary": summary,
                "rows": rows,
                "prepared_at": _human_moment(summary["prepared_at"]),
                "language": language,
                "rtl": translation.get_language_bidi(),
                "time_zone": settings.TIME_ZONE,
            },
        )
    return bytes(HTML(string=html).write_pdf())


def handover_export(
    *,
    items: list[Item],
    recipient: Recipient,
    out_dir: Path,
    actor: Any,
    case_file: Any = None,
    age_recipient: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    language: str = "en",
) -> Handover:
    """Build a signed BagIt package of ``items`` for ``recipient`` and record the handover.

    Every item needs consent for the recipient's category; otherwise nothing is written and
    :class:`ConsentMissing` lists what is missing.
    """
    from mizan.evidence.package import PackageItem, build_package

    if not items:
        raise ValidationError(_("Choose at least one item."))
    lacking = missing_consent(items, recipient)
    if lacking:
        scope = Term.objects.filter(
            vocabulary="consent_scope", code=required_scope(recipient.category.code)
        ).first()
        scope_label = scope.label if scope else required_scope(recipient.category.code)
        raise ConsentMissing(
            [
                _("%(ref)s (%(name)s) has no consent for “%(scope)s”.")
                % {
                    "ref": isolate(item.reference),
                    "name": isolate(item.filename),
                    "scope": scope_label,
                }
                for item in lacking
            ]
        )
    age_recipient = (age_recipient or recipient.age_public_key or "").strip() or None
    if age_recipient:
        import pyrage

        try:
            pyrage.x25519.Recipient.from_str(age_recipient)
        except Exception as exc:
            raise ValidationError(
                _("“%(key)s” is not an age public key (age1…).") % {"key": age_recipient[:20]}
            ) from exc
    reference = next_reference(Handover, "HO", digits=4)
    store = get_store()
    events = [
        e.as_chain_event()
        for e in CustodyEvent.objects.filter(item__in=items).order_by("seq").iterator()
    ]
    summary = package_summary(items, case_file, recipient, reference, language=language)
    result = build_package(
        Path(out_dir),
        items=[
            PackageItem(
                item_id=item.reference,
                filename=item.filename,
                sha256=item.sha256,
                sha512=item.sha512,
                size=item.size,
                open=functools.partial(store.open, item.sha256),
                metadata=entry,
            )
            for item, entry in zip(items, summary["items"], strict=True)
        ],
        events=events,
        summary=summary,
        summary_pdf=summary_pdf(summary, language),
        signing_key=get_signing_key(),
        organisation=settings.ORGANISATION_NAME,
        recipient=recipient.name,
        age_recipient=age_recipient,
        progress=progress,
    )
    with transaction.atomic():
        handover = Handover.objects.create(
            reference=reference,
            recipient=recipient,
            case_file=case_file,
            created_by=actor_label(actor),
            package_path=str(result.path),
            package_sha256=result.package_sha256,
            encrypted=bool(age_recipient),
        )
        handover.items.set(items)
        for item in items:
            custody_record(
                item=item,
                action=CustodyEvent.Action.HANDOVER,
                actor=actor,
                details={
                    "handover": reference,
                    "recipient": recipient.name,
                    "recipient_category": recipient.category.code,
                    "package_sha256": result.package_sha256,
                    "encrypted": bool(age_recipient),
                },
            )
        audit_record(
            actor=acting_user(actor),
            action=AuditAction.HANDOVER,
            target=handover,
            detail={"items": len(items), "recipient": recipient.name},
        )
    checkpoint_sign()
    return handover
