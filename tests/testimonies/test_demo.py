"""The demo testimonies load, pass their own leak check, and load only once."""

from __future__ import annotations

import io
from typing import Any

from mizan.testimonies import demo
from mizan.testimonies.models import Publication, Testimony


def test_demo_loads_once_with_a_published_narrative(db: Any) -> None:
    demo.load(io.StringIO())
    assert Testimony.objects.filter(reference__startswith="T-DEMO-").count() == 2
    publication = Publication.objects.public().get()
    assert publication.collection.slug == "women-in-assads-holocaust"  # type: ignore[union-attr]
    first = Testimony.objects.get(reference="T-DEMO-001")
    assert first.recording is not None
    segments = list(first.transcripts.get().segments.order_by("position"))
    assert len(segments) == 4 and all(s.end_ms > s.start_ms for s in segments)  # type: ignore[operator]
    out = io.StringIO()
    demo.load(out)
    assert "none added" in out.getvalue()
    assert Testimony.objects.count() == 2
