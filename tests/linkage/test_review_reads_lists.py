"""The review's evidence (``score_pairs``) reads each list as ``link`` read it (``mark_lists``)."""

from __future__ import annotations

import pytest

from mizan.linkage import link, score_pairs


def _lists() -> tuple[list[dict[str, str]], list[str]]:
    arabic = [
        {"first_name": first, "father_name": father, "family_name": family, "birth_year": year}
        for first, father, family, year in (
            ("محمد", "أحمد", "الحموي", "1985"),
            ("عمر", "خالد", "الخطيب", "1972"),
            ("يوسف", "حسن", "العطار", "1968"),
        )
    ]
    # A list that writes its years of birth with two digits: «85» is 1985 there.
    short = [
        {"first_name": "Mohammad", "father_name": "Ahmad", "family_name": "Al-Hamwi"},
        {"first_name": "Omar", "father_name": "Khaled", "family_name": "Al-Khatib"},
        {"first_name": "Yusuf", "father_name": "Hasan", "family_name": "Al-Attar"},
    ]
    for record, year in zip(short, ("85", "72", "68"), strict=True):
        record["birth_year"] = year
    return arabic + short, ["families"] * 3 + ["sheet"] * 3


def test_the_review_reads_a_two_digit_year_as_link_did() -> None:
    records, sources = _lists()
    result = link(records, threshold=0.9, keep_pairs_above=0.0, sources=sources)
    linked = {(p.left, p.right): p.probability for p in result.pairs}
    assert (0, 3) in linked
    pairs = list(linked)
    scores = score_pairs(
        records,
        pairs,
        population=len(records),
        term_frequencies=result.term_frequencies,
        sources=sources,
    )
    for pair, score in zip(pairs, scores, strict=True):
        assert score.probability == pytest.approx(linked[pair], abs=1e-6)
    (score,) = score_pairs(
        records,
        [(0, 3)],
        population=len(records),
        term_frequencies=result.term_frequencies,
        sources=sources,
    )
    years = next(item for item in score.fields if item.field == "birth_year")
    assert years.level == "same year" and years.weight > 0


def test_one_source_per_record() -> None:
    records, sources = _lists()
    with pytest.raises(ValueError, match="one source per record"):
        score_pairs(records, [(0, 3)], sources=sources[:-1])
