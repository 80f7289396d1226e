"""Demo items for the evidence locker: generated files only (a photograph with EXIF and GPS, an
official-looking document as PDF, a short audio recording, a written note), a case file for the
IIIM and two recipients. Synthetic; idempotent."""

from __future__ import annotations

import io
import math
import struct
import wave
from typing import Any

from mizan.cases.models import CaseFile, Incident
from mizan.core.models import Term
from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Item, Recipient
from mizan.evidence.services import Provenance, handover_export, item_ingest

CASE_REFERENCE = "DEMO-CF-001"
ACTOR = "demo data"


def _photo() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 800), (92, 104, 96))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1200, 60):
        draw.line([(x, 520), (x + 30, 800)], fill=(120, 110, 90), width=8)
    draw.rectangle([(140, 180), (1060, 470)], fill=(180, 170, 150), outline=(60, 60, 60), width=6)
    draw.text((180, 300), "DEMO PHOTOGRAPH - synthetic, not real evidence", fill=(20, 20, 20))
    exif = image.getexif()
    exif[0x010F] = "DemoCam"  # Make
    exif[0x0110] = "Field Unit 2"  # Model
    exif[0x0132] = "2013:05:14 09:41:00"  # DateTime
    exif[0x8825] = {1: "N", 2: (33.0, 30.0, 36.0), 3: "E", 4: (36.0, 17.0, 24.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def _pdf() -> bytes:
    from weasyprint import HTML

    html = """<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>وثيقة تجريبية</title>
    <style>body{font-family:"Noto Naskh Arabic","Noto Sans Arabic",sans-serif;font-size:14pt}
    .en{direction:ltr;font-family:"Noto Sans",sans-serif;font-size:10pt;color:#555}</style></head>
    <body><h1>وثيقة تجريبية — ليست وثيقة حقيقية</h1>
    <p>برقية داخلية مُصطنعة لأغراض العرض:
    نقل ثلاثة موقوفين من الفرع إلى السجن المركزي.</p>
    <p>الأسماء الواردة في هذا المستند اصطناعية بالكامل.</p>
    <p class="en">Synthetic demonstration document; every name in it is invented.</p>
    </body></html>"""
    return bytes(HTML(string=html).write_pdf())


def _audio() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        frames = b"".join(
            struct.pack(
                "<h", int(6000 * math.sin(2 * math.pi * 440 * n / 16000) * (n % 8000 < 6000))
            )
            for n in range(16000 * 4)
        )
        wav.writeframes(frames)
    return out.getvalue()


def _note() -> bytes:
    return (
        "ملاحظة ميدانية تجريبية (اصطناعية):\n"
        "تسلّم الفريق الصورة والبرقية من مصدر طلب حجب هويته، على ذاكرة USB، في 2013-05-20.\n"
        "Synthetic field note: material received on a USB stick;"
        " the source asked to stay anonymous.\n"
    ).encode()


def load(stdout: Any, show_credentials: bool = True) -> None:
    if Item.objects.exists():
        stdout.write(f"Evidence items: {Item.objects.count()} in all (none added).")
        return
    iiim = Term.objects.get(vocabulary="recipient_category", code="iiim")
    Recipient.objects.get_or_create(name="IIIM", defaults={"category": iiim})
    Recipient.objects.get_or_create(
        name="Federal Prosecutor (demo)",
        defaults={
            "category": Term.objects.get(
                vocabulary="recipient_category", code="national_prosecutor"
            )
        },
    )
    case, _created = CaseFile.objects.get_or_create(
        reference=CASE_REFERENCE,
        defaults={
            "title": "Transfers from Branch 215 (demo case file)",
            "purpose": "Synthetic case file for the demonstration of the evidence locker.",
            "recipient": iiim,
            "sensitivity": Sensitivity.CONFIDENTIAL,
        },
    )
    incidents = list(Incident.objects.order_by("pk")[:2])
    case.incidents.add(*incidents)
    scopes = list(Term.objects.filter(vocabulary="consent_scope", code__in=["iiim", "un_bodies"]))
    provenance = Provenance(
        collected_by="Documentation team (demo)",
        collected_on=PartialDate.parse("2013-05-20"),
        collection_method="Copied from a USB stick handed over in person",
        source_text="Anonymous source S-17 (demo)",
    )
    files = [
        ("branch-215-yard.jpg", _photo(), "Photograph of a detention facility yard (demo)", scopes),
        ("برقية-نقل-موقوفين.pdf", _pdf(), "Transfer cable (demo)", scopes),
        ("testimony-excerpt.wav", _audio(), "Audio excerpt of a testimony (demo)", scopes[:1]),
        ("field-note.txt", _note(), "Field note (demo)", []),
    ]
    for filename, content, title, consent in files:
        result = item_ingest(
            io.BytesIO(content),
            filename=filename,
            actor=ACTOR,
            title=title,
            provenance=provenance,
            sensitivity=Sensitivity.CONFIDENTIAL,
            case_files=[case],
            consent_scopes=consent,
        )
        result.item.incidents.add(*incidents)
    # One handover already made, so the page and the package can be looked at.
    from django.conf import settings
    from django.utils import timezone

    consented = [
        i
        for i in Item.objects.filter(case_files=case, kind="original").order_by("pk")
        if i.consent_scopes.filter(code="iiim").exists()
    ]
    settings.EVIDENCE_EXPORT_ROOT.mkdir(parents=True, exist_ok=True, mode=0o700)
    handover_export(
        items=consented,
        recipient=Recipient.objects.get(name="IIIM"),
        out_dir=settings.EVIDENCE_EXPORT_ROOT / f"{timezone.now():%Y%m%d-%H%M%S}-iiim-demo",
        actor=ACTOR,
        case_file=case,
    )
    stdout.write(
        f"Evidence items: {Item.objects.count()} (case file {CASE_REFERENCE}, "
        f"{Recipient.objects.count()} recipients, 1 handover)."
    )
