"""The witness statement as a PDF, for a prosecutor, a mechanism or a UN body.

It holds what a recipient needs to rely on the testimony: who gave it, when, where and how it was
taken, the consent (scopes, how and when it was given, its proof), the originals with their
SHA-256 (so the recipient can match them to a handover package), and the transcript in its
original language with its time codes. Every statement is checked against the consent for its
recipient (DESIGN decision 9) and audited as an export; the interviewee's name appears as the
person producing it may see it (the pseudonym otherwise).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mizan.core.audit import Action, audit_record
from mizan.core.models import Term
from mizan.evidence.services import required_scope
from mizan.testimonies.models import Testimony
from mizan.testimonies.transcripts import format_time


def statement_pdf(*, actor: Any, testimony: Testimony, recipient_category: str) -> bytes:
    """Render the statement for a recipient category (``iiim``, ``national_prosecutor``…)."""
    from weasyprint import HTML

    category = Term.objects.filter(vocabulary="recipient_category", code=recipient_category).first()
    if category is None:
        raise ValidationError(_("Choose who the statement is for."))
    scope = required_scope(category.code)
    if scope not in testimony.consented_scopes():
        raise ValidationError(
            _("The interviewee has not consented to sharing with %(recipient)s.")
            % {"recipient": category.label}
        )
    transcript = (
        testimony.transcripts.filter(kind="original").first() or testimony.transcripts.first()
    )
    segments = [
        {"time": format_time(s.start_ms), "title": s.title, "text": s.text}
        for s in (transcript.segments.order_by("position") if transcript else [])
    ]
    with translation.override("en"):
        context = {
            "testimony": testimony,
            "interviewee": testimony.interviewee.display_name_for(actor),
            "place": testimony.place.name_en if testimony.place else "",
            "date": testimony.interview_date.display("en") if testimony.interview_date else "",
            "recipient": category.label_en,
            "consents": [
                {
                    "scopes": [t.label_en for t in c.scopes.all()],
                    "method": c.get_method_display(),
                    "taken_on": c.taken_on,
                    "proof": c.proof.reference if c.proof else "",
                }
                for c in testimony.active_consents().prefetch_related("scopes")
            ],
            "originals": testimony.originals.order_by("pk"),
            "transcript": transcript,
            "segments": segments,
            "generated": timezone.now(),
        }
        html = render_to_string("testimonies/statement.html", context)
    document = bytes(HTML(string=html).write_pdf())
    audit_record(
        actor=actor,
        action=Action.EXPORT,
        target=testimony,
        detail={"statement_for": category.code, "segments": len(segments)},
    )
    return document
