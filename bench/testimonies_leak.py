"""Benchmark of the testimonies leak check: a long narrative against many protected persons.

    python -m bench.testimonies_leak [--words 50000] [--persons 500] [--planted 50] [--runs 5]

Builds a narrative of filler words (Arabic and English sentences without names) with synthetic
names planted at random places (mizan.cases.synthetic: only synthetic people), in random known
spellings, and times ``find_leaks`` over it. Target (issue 14): 50,000 words against 500
protected names under 1 s. Plain Python; no database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from mizan.cases.synthetic import person
from mizan.testimonies.leaks import ProtectedIdentity, find_leaks

FILLER = [
    "كان",
    "الطقس",
    "باردا",
    "حين",
    "وصلنا",
    "إلى",
    "الفرع",
    "وأخذونا",
    "إلى",
    "زنزانة",
    "تحت",
    "الأرض",
    "لم",
    "نعرف",
    "كم",
    "بقينا",
    "هناك",
    "ثم",
    "نقلونا",
    "بعد",
    "أشهر",
    "إلى",
    "سجن",
    "آخر",
    "وكان",
    "التحقيق",
    "يبدأ",
    "في",
    "الليل",
    "The",
    "guards",
    "took",
    "us",
    "to",
    "a",
    "cell",
    "underground",
    "and",
    "we",
    "did",
    "not",
    "know",
    "the",
    "day",
    "or",
    "the",
    "hour",
    "Months",
    "later",
    "we",
    "were",
    "moved",
    "to",
    "another",
    "prison",
    "where",
    "the",
    "interrogation",
    "started",
    "at",
    "night",
]


def build(
    *, words: int = 50_000, persons: int = 500, planted: int = 50, seed: int = 14
) -> tuple[str, list[ProtectedIdentity]]:
    rng = random.Random(seed)
    people = [person(rng) for _ in range(persons)]
    identities = [
        ProtectedIdentity(
            reference=f"P-{number:06d}",
            solo_names=(p.first_ar, p.first_lat, p.family_ar, p.family_lat),
            joined_names=(p.father_ar, p.father_lat, p.mother_ar),
            national_ids=(f"{rng.randrange(10**10, 10**11)}",),
            phones=(f"+963 9{rng.randrange(10**7, 10**8)}",),
        )
        for number, p in enumerate(people, start=1)
    ]
    text = [rng.choice(FILLER) for _ in range(words)]
    for _ in range(planted):
        chosen = rng.choice(people)
        name = rng.choice(
            [
                f"{chosen.first_ar} {chosen.family_ar}",
                f"{chosen.first_lat} {chosen.family_lat}",
                chosen.family_lat,
                "و" + chosen.first_ar,
            ]
        )
        text[rng.randrange(words)] = name
    lines = [" ".join(text[i : i + 12]) for i in range(0, len(text), 12)]
    return "\n".join(lines), identities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--persons", type=int, default=500)
    parser.add_argument("--planted", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text, identities = build(words=args.words, persons=args.persons, planted=args.planted)
    timings = []
    found = []
    for _ in range(args.runs):
        started = time.perf_counter()
        found = find_leaks(text, identities)
        timings.append(time.perf_counter() - started)
    print(
        f"words={args.words} persons={args.persons} planted={args.planted} "
        f"occurrences={len(found)} median={statistics.median(timings):.3f}s "
        f"max={max(timings):.3f}s first-run={timings[0]:.3f}s"
    )


if __name__ == "__main__":
    main()
