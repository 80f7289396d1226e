"""Library fixtures: a small bilingual corpus with public and internal documents."""

from __future__ import annotations

import io
from typing import Any

import pytest

from mizan.core.partial_dates import PartialDate
from mizan.core.sensitivity import Sensitivity
from mizan.library import services
from mizan.library.models import BODY_VOCABULARY, TOPIC_VOCABULARY, TYPE_VOCABULARY, Document

CORPUS = [
    # key, title_en, title_ar, body, type, date, language, text, public
    (
        "detainees_ar",
        "Report on detainees",
        "تقرير عن المعتقلين في السجون",
        "coi_syria",
        "report",
        "2016-02",
        "ar",
        "وثقت اللجنة وفاة آلاف المعتقلين في مراكز الاحتجاز. ويتعرض المعتقلون للتعذيب "
        "والإخفاء القسري، ولا تعرف عائلاتهم مصيرهم.",
        True,
    ),
    (
        "disappearance_en",
        "Enforced disappearance in Syria",
        "الإخفاء القسري في سوريا",
        "un_human_rights_council",
        "report",
        "2021-06",
        "en",
        "Tens of thousands of people have been forcibly disappeared. Enforced disappearance "
        "is a continuing crime; families of the disappeared have a right to the truth.",
        True,
    ),
    (
        "chemical_en",
        "Chemical weapons attacks",
        "هجمات بالأسلحة الكيميائية",
        "un_security_council",
        "resolution",
        "2013-09-27",
        "en",
        "The Council condemns any use of chemical weapons in the Syrian Arab Republic and "
        "decides that the Syrian Arab Republic shall not use, develop or stockpile them.",
        True,
    ),
    (
        "internal_note",
        "Internal note on witness protection",
        "مذكرة داخلية عن حماية الشهود والمعتقلين",
        "organisation",
        "study",
        "2024",
        "ar",
        "مذكرة داخلية: أسماء الشهود المعتقلين محفوظة في الخزنة. سرّي للغاية.",
        False,
    ),
    (
        "torture_en",
        "Torture in detention facilities",
        "التعذيب في مرافق الاحتجاز",
        "ohchr",
        "report",
        "2019",
        "en",
        "Detainees described torture in detention facilities, including beatings and "
        "stress positions. Torture is absolutely prohibited.",
        True,
    ),
]


def make_document(row: tuple[Any, ...], *, extraction: str = "inline") -> Document:
    key, title_en, title_ar, body, doc_type, date, language, text, public = row
    document = services.document_create(
        actor=None,
        data={
            "title_en": title_en,
            "title_ar": title_ar,
            "body": services.term_for(BODY_VOCABULARY, body),
            "doc_type": services.term_for(TYPE_VOCABULARY, doc_type),
            "date": PartialDate.parse(date),
            "sensitivity": Sensitivity.PUBLIC if public else Sensitivity.INTERNAL,
        },
        topics=[services.term_for(TOPIC_VOCABULARY, "detention")],
    )
    services.version_add(
        actor=None,
        document=document,
        language=language,
        stream=io.BytesIO(text.encode()),
        original_name=f"{key}.txt",
        import_path=f"{key}.txt",
        extraction=extraction,
    )
    return document


@pytest.fixture
def corpus(db: Any, settings: Any, tmp_path: Any) -> dict[str, Document]:
    settings.MEDIA_ROOT = tmp_path / "media"
    return {row[0]: make_document(row) for row in CORPUS}
