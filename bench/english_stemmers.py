"""Choosing the English stemmer of the library search (issue 19): word pairs, per candidate.

For each candidate, how many of ``bench.stem_judged``'s pairs that should meet get one term, and
how many pairs of unrelated words are kept apart, on the tuned and the held-out pairs. A pair
meets when the search terms (``mizan.text.stem``'s pipeline with that English stemmer) are
equal. Candidates: Snowball English (Porter 2, the search before issue 19), Snowball with
Mizan's agent-noun step (``mizan.text.stem.english_stem``), the original Porter and Lancaster
(nltk, if installed; a bench-only tool).

    python -m bench.english_stemmers
"""

from __future__ import annotations

from collections.abc import Callable

import snowballstemmer

from bench.stem_judged import (
    ENGLISH_APART,
    ENGLISH_HELD_OUT_APART,
    ENGLISH_HELD_OUT_MEET,
    ENGLISH_MEET,
)
from mizan.text.stem import english_stem

_snowball = snowballstemmer.stemmer("english")


def candidates() -> dict[str, Callable[[str], str]]:
    found: dict[str, Callable[[str], str]] = {
        "Snowball (before)": lambda word: str(_snowball.stemWord(word)),
        "Mizan (Snowball + -ee)": english_stem,
    }
    try:
        from nltk.stem import LancasterStemmer, PorterStemmer
    except ImportError:
        return found
    porter, lancaster = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM), LancasterStemmer()
    found["Porter (original)"] = lambda word: str(porter.stem(word))
    found["Lancaster"] = lambda word: str(lancaster.stem(word))
    return found


def main() -> None:
    print("| candidate | tuned: meet | tuned: kept apart | held-out: meet | held-out: kept apart |")
    print("|---|--:|--:|--:|--:|")
    for name, stem in candidates().items():
        cells = []
        for meet, apart in (
            (ENGLISH_MEET, ENGLISH_APART),
            (ENGLISH_HELD_OUT_MEET, ENGLISH_HELD_OUT_APART),
        ):
            met = sum(stem(a) == stem(b) for a, b in meet)
            kept = sum(stem(a) != stem(b) for a, b in apart)
            cells += [f"{met}/{len(meet)}", f"{kept}/{len(apart)}"]
            missed = [f"{a}/{b}" for a, b in meet if stem(a) != stem(b)]
            merged = [f"{a}/{b}" for a, b in apart if stem(a) == stem(b)]
            if missed or merged:
                print(f"<!-- {name}: not met {missed}; merged {merged} -->")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
