"""Review fixes to the newest linkage code (issue 15): sound readings of long words, «من بيت X»
after a family name, sound and dots readings by role, ages at either date, relative words."""

from __future__ import annotations

import time

from mizan.linkage.features import _sound_reading, mark_speech_lists


def test_a_very_long_word_is_not_read_by_sound_and_marking_stays_fast() -> None:
    # Its readings of two letters grew with the square of its length: 1.6 GB, seconds.
    word = "اسد" * 200
    records = [{"full_name": "محمد احمد"}] * 50 + [{"full_name": word}]
    start = time.perf_counter()
    mark_speech_lists(records, ["a"] * len(records))
    assert _sound_reading(word[:-3] + "سعد", {"اسد": 100}) is None
    assert time.perf_counter() - start < 0.5
