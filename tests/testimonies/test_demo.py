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


def test_demo_recordings_are_spoken_by_espeak_ng_when_it_is_installed(
    tmp_path: Any, monkeypatch: Any
) -> None:
    """A stand-in espeak-ng on PATH (so the test does not depend on the machine) is asked for
    each line in Arabic, and its WAV, not the fallback tone, makes the recording and the cues."""
    import sys
    import wave

    calls = tmp_path / "calls.txt"
    fake = tmp_path / "espeak-ng"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, wave\n"
        f"open({str(calls)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        "out = sys.argv[sys.argv.index('-w') + 1]\n"
        "with wave.open(out, 'wb') as w:\n"
        "    w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)\n"
        "    w.writeframes(b'\\x10\\x00' * 27216)\n",  # 1.234 s
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    recording, spans = demo._speech(demo.SEGMENTS_2)
    with wave.open(io.BytesIO(recording)) as reader:
        assert reader.getframerate() == 22050
    assert spans == [(0, 1234), (1734, 2968)]
    asked = calls.read_text(encoding="utf-8").splitlines()
    assert len(asked) == 2 and all(line.startswith("-v ar ") for line in asked)
    assert demo.SEGMENTS_2[0] in asked[0]
