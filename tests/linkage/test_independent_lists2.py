"""The second independent linkage test set (bench/independent_lists2/) stays reproducible and its
scorer stays honest: same seed same bytes, a perfect clustering scores 1.0, broken ones lower."""

from bench.independent_lists2 import selftest


def test_independent_lists2_selftest() -> None:
    assert selftest.run(persons=600) == []
