"""Values embedded in plain text are isolated (FSI … PDI)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mizan.text.bidi import FSI, PDI, isolate


def test_isolate_wraps_and_leaves_empty_alone() -> None:
    assert isolate("report.pdf") == f"{FSI}report.pdf{PDI}"
    assert isolate("") == "" and isolate(None) == ""


@given(st.text(min_size=1))
def test_isolate_keeps_the_value(text: str) -> None:
    assert isolate(text)[1:-1] == text
