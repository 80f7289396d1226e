"""Submissions to UN mechanisms, generated from an act: WGEID and the Special Rapporteur on torture.

Each submission has minimum elements (the WGEID's methods of work ask for the person's identity,
the date and place of the arrest or of when the person was last seen, the forces believed
responsible, the steps taken to find the person, and the source). A missing element, or the
family's missing consent to share with UN bodies, blocks the export with a list of what is
missing; nothing half-complete ever leaves the organisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.cases.models import Act, Consent
from mizan.cases.selectors import involvements_visible_to, sources_visible_to

UN_BODIES = "un_bodies"


@dataclass(frozen=True)
class Kind:
    key: str
    title: str  # in the submission itself, which is in English for the UN mechanism
    act_types: frozenset[str]
    template: str
    label: Any = ""  # the same title in the interface's language


WGEID = Kind(
    "wgeid",
    "Submission to the UN Working Group on Enforced or Involuntary Disappearances",
    frozenset({"enforced_disappearance"}),
    "cases/submissions/wgeid.html",
    gettext_lazy("Submission to the UN Working Group on Enforced or Involuntary Disappearances"),
)
SR_TORTURE = Kind(
    "sr-torture",
    "Communication to the UN Special Rapporteur on torture",
    frozenset({"torture", "sexual_torture", "ill_treatment"}),
    "cases/submissions/sr_torture.html",
    gettext_lazy("Communication to the UN Special Rapporteur on torture"),
)
KINDS = {kind.key: kind for kind in (WGEID, SR_TORTURE)}


@dataclass
class Submission:
    kind: Kind
    act: Act
    missing: list[str] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return not self.missing


def has_un_consent(act: Act) -> bool:
    return Consent.objects.filter(
        person=act.victim, scope__code=UN_BODIES, withdrawn_at__isnull=True
    ).exists()


def prepare(kind: Kind, act: Act, user: Any) -> Submission:
    """Collect the elements of the submission and list what is missing (in the user's language)."""
    submission = Submission(kind, act)
    missing = submission.missing
    victim = act.victim
    if act.act_type.code not in kind.act_types:
        missing.append(_("This kind of submission does not apply to this type of act."))
    if not victim.is_visible_to(user) or not victim.identity_visible_to(user):
        missing.append(_("The victim's identity is protected beyond your clearance."))
    if not (victim.full_name_ar or victim.full_name_lat):
        missing.append(_("The victim's full name."))
    when = act.start_date or act.incident.start_date
    if when is None or when.month is None:
        missing.append(
            _("The date (at least month and year) of the arrest or when the person was last seen.")
        )
    where = act.site or act.place or act.incident.place
    if where is None:
        missing.append(_("The place of the arrest or where the person was last seen."))
    # Perpetrators and sources through the permission layer: what the user may not see never
    # goes into a document that leaves the organisation under the user's name.
    involvements = list(involvements_visible_to(user).filter(act=act))
    if not involvements:
        missing.append(_("The forces believed responsible."))
    if any(
        i.perpetrator_person is not None and not i.perpetrator_person.identity_visible_to(user)
        for i in involvements
    ):
        missing.append(_("A perpetrator's identity is protected beyond your clearance."))
    if not act.steps_taken.strip():
        missing.append(_("The steps taken by the relatives to find the person or seek remedy."))
    sources = [
        s for s in sources_visible_to(user).filter(acts=act).order_by("pk") if s.person is not None
    ]
    source = sources[0] if sources else None
    if source is None:
        missing.append(_("The submitting source (a person linked to this act as a source)."))
    elif source.person is not None and not source.person.identity_visible_to(user):
        missing.append(_("The source's identity is protected beyond your clearance."))
    if not has_un_consent(act):
        missing.append(_("The consent of the person or their family to share with UN bodies."))
    if kind is SR_TORTURE and not act.torture_methods.exists() and not act.notes.strip():
        missing.append(_("A description of the torture (methods or notes)."))
    with translation.override("en"):
        submission.context = {
            "kind": kind,
            "act": act,
            "victim": victim,
            "when": when,
            "where": where,
            "when_display": when.display("en") if when else "",
            "involvements": involvements,
            "source": source,
            "methods": [m.label_en for m in act.torture_methods.all()],
            "generated": timezone.now(),
        }
    return submission


def render_pdf(submission: Submission) -> bytes:
    from weasyprint import HTML

    with translation.override("en"):
        html = render_to_string(submission.kind.template, submission.context)
    document: bytes = HTML(string=html).write_pdf()
    return document
