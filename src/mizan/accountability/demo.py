"""Demo accountability data: synthetic submissions to the IIIM (the demo handover package, under a
memorandum of understanding), a national war-crimes unit and the ICC Office of the Prosecutor,
each with its status history, and a monitored trial with hearings and a decision. Idempotent.

Dates are counted back from today, so the dashboard shows what a legal officer would see on a
working day: a request for information due this week, a submission unanswered for four months,
a hearing in three days.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from mizan.accountability import services
from mizan.accountability.models import Agreement, Proceeding, Submission
from mizan.cases.models import CaseFile, Organisation
from mizan.core.models import Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Handover, Recipient

ACTOR = None  # the demo data is written by no user (audited as such)


def _recipient(name: str, category: str) -> Recipient:
    recipient, _created = Recipient.objects.get_or_create(
        name=name,
        defaults={"category": Term.objects.get(vocabulary="recipient_category", code=category)},
    )
    return recipient


def load(stdout: Any, show_credentials: bool = True) -> None:
    if Submission.objects.exists():
        stdout.write(f"Accountability: {Submission.objects.count()} submissions (none added).")
        return
    today = timezone.localdate()

    def ago(days: int) -> datetime.date:
        return today - datetime.timedelta(days=days)

    iiim = _recipient("IIIM", "iiim")
    unit = _recipient("War Crimes Unit (demo)", "war_crimes_unit")
    icc = _recipient("ICC Office of the Prosecutor", "icc_otp")
    case_file = CaseFile.objects.order_by("pk").first()

    mou = Agreement.objects.create(
        recipient=iiim,
        title="Memorandum of understanding with the IIIM (demo)",
        signed_on=ago(900),
        terms="Sharing of evidence and information under the IIIM's mandate; the organisation "
        "keeps the originals; the IIIM protects sources (synthetic terms).",
        sensitivity=Sensitivity.INTERNAL,
    )
    # An arrangement that has run out: the agreements page shows it as expired.
    Agreement.objects.create(
        recipient=unit,
        title="Cooperation arrangement with the War Crimes Unit (demo)",
        signed_on=ago(1500),
        valid_until=ago(400),
        terms="Case files on request, through the unit's liaison officer (synthetic terms).",
        sensitivity=Sensitivity.INTERNAL,
    )
    handover = Handover.objects.filter(recipient=iiim).order_by("created_at").first()
    first = services.submission_create(
        actor=ACTOR,
        data={
            "title": "Transfers from Branch 215 — evidence package (demo)",
            "recipient": iiim,
            "agreement": mou,
            "channel": Submission.Channel.SECURE_TRANSFER,
            "summary": "Originals, custody history and the organisation's signature.",
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
        case_files=[case_file] if case_file else [],
        handovers=[handover] if handover else [],
        status=Submission.Status.SENT,
        status_on=ago(160),
        source="Secure transfer receipt (demo)",
    )
    services.status_record(
        actor=ACTOR,
        submission=first,
        status=Submission.Status.ACKNOWLEDGED,
        on=ago(150),
        source="Letter of acknowledgement (demo)",
        recipient_reference="IIIM-DEMO-2026-0117",
    )
    services.status_record(
        actor=ACTOR,
        submission=first,
        status=Submission.Status.INFO_REQUESTED,
        on=ago(20),
        source="E-mail asking for the chain of custody of two photographs (demo)",
    )
    services.submission_update(
        actor=ACTOR, submission=first, data={"due_on": today + datetime.timedelta(days=5)}
    )

    services.submission_create(
        actor=ACTOR,
        data={
            "title": "File of some 700 documents on Branch 215 (demo)",
            "recipient": unit,
            "channel": Submission.Channel.IN_PERSON,
            "summary": "Handed over on an encrypted drive; the unit said it would confirm.",
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
        case_files=[case_file] if case_file else [],
        status=Submission.Status.SENT,
        status_on=ago(120),
        source="Handover receipt signed by the unit's officer (demo)",
    )

    third = services.submission_create(
        actor=ACTOR,
        data={
            "title": "Article 15 communication on detention crimes (demo)",
            "recipient": icc,
            "channel": Submission.Channel.EMAIL,
            "sensitivity": Sensitivity.INTERNAL,
        },
        status=Submission.Status.SENT,
        status_on=ago(700),
        source="E-mail to the Office of the Prosecutor (demo)",
    )
    services.status_record(
        actor=ACTOR,
        submission=third,
        status=Submission.Status.ACKNOWLEDGED,
        on=ago(680),
        source="Acknowledgement e-mail (demo)",
    )
    services.status_record(
        actor=ACTOR,
        submission=third,
        status=Submission.Status.REGISTERED,
        on=ago(640),
        source="Letter of the Information and Evidence Unit (demo)",
        recipient_reference="OTP-CR-0000/00-DEMO",
    )

    crimes = list(
        Term.objects.filter(
            vocabulary="legal_qualification", code__in=["rs_7_1_f", "rs_7_1_i", "rs_7_1_e"]
        )
    )
    proceeding = services.proceeding_create(
        actor=ACTOR,
        data={
            "jurisdiction": "France",
            "court": "Cour d'assises de Paris (demo)",
            "case_name": "Ministère public c. trois responsables (demo)",
            "case_number": "DEMO-2024-001",
            "legal_basis": Proceeding.LegalBasis.UNIVERSAL,
            "stage": Proceeding.Stage.TRIAL,
            "opened_on": ago(400),
            "summary": "Trial in absentia of three officials for the disappearance of two "
            "dual nationals (synthetic case).",
            "sensitivity": Sensitivity.INTERNAL,
            "public": True,
            "public_summary_ar": "تابعت المنظمة جلسات المحاكمة الأربع وقدّمت تقريراً عنها "
            "(قضية اصطناعية للعرض).",
            "public_summary_en": "The organisation attended the four hearing days and reported "
            "on them (a synthetic case for the demonstration).",
            "crimes": crimes,
            "units": list(Organisation.objects.order_by("pk")[:1]),
            "case_files": [case_file] if case_file else [],
            "submissions": [first],
        },
    )
    notes = [
        (
            "افتتاح الجلسة وتلاوة قرار الاتهام. حضر ممثلان عن المنظمة.",
            "Opening; the indictment was read. Two of the organisation's staff attended.",
        ),
        (
            "شهادة خبير عن مراكز الاحتجاز وشهادتان من ناجين (بأسماء مستعارة).",
            "An expert on detention facilities; two survivors testified (pseudonyms).",
        ),
        (
            "مرافعات الأطراف المدنية والنيابة العامة.",
            "Closing statements of the civil parties and of the prosecution.",
        ),
    ]
    for days, (note_ar, note_en) in zip((60, 59, 58), notes, strict=True):
        services.hearing_add(
            actor=ACTOR,
            proceeding=proceeding,
            data={
                "held_on": ago(days),
                "attended": True,
                "attendees": "Legal team (demo)",
                "notes_ar": note_ar,
                "notes_en": note_en,
            },
        )
    services.hearing_add(
        actor=ACTOR,
        proceeding=proceeding,
        data={"held_on": today + datetime.timedelta(days=3), "attended": False},
    )
    services.decision_add(
        actor=ACTOR,
        proceeding=proceeding,
        data={
            "decided_on": ago(300),
            "kind": "indictment",
            "summary_ar": "قرار الإحالة إلى محكمة الجنايات.",
            "summary_en": "Committal for trial before the assize court.",
        },
    )
    services.report_draft(actor=ACTOR, proceeding=proceeding)
    stdout.write(
        "Accountability: 3 submissions (IIIM, a war-crimes unit, the ICC) with their histories, "
        "1 monitored trial with 4 hearings."
    )
