"""The third independent linkage test set (bench/independent_lists3/) stays reproducible, in the
user guide's list format, and its scorer gives 1.0 to the truth and less to broken clusterings.
The engine is not run here: the set is a held-out measure, scored by hand in bench/."""

from bench.independent_lists3 import selftest


def test_independent_lists3_selftest() -> None:
    scores = selftest.run(n=800, seed=5)
    assert scores["singletons"] == 0.0
    assert all(0.0 <= f < 1.0 for f in scores.values())
