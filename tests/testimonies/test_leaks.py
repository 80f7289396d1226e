"""The leak check finds every known spelling of a protected person's names and numbers."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mizan.testimonies.leaks import ProtectedIdentity, find_leaks

RUBA = ProtectedIdentity(
    reference="P-000001",
    solo_names=("رُبى", "الحموي", "Ruba", "al-Hamwi"),
    joined_names=("أحمد", "Ahmad"),
    national_ids=("01020304050",),
    phones=("+963 944 123 456",),
    birth_dates=(date(1985, 3, 12),),
)
ABDULRAHMAN = ProtectedIdentity(
    reference="P-000002", solo_names=("عبد الرحمن", "Abdulrahman", "نور الدين")
)

# Spellings the system knows of the same names: scripts, article, hamza, diacritics, tatweel,
# clitics, compound joined or split, case, transliteration variants.
VARIANTS = {
    "P-000001": [
        "ربى",
        "ربا",
        "رُبَى",
        "ربـى",
        "وربى",
        "Ruba",
        "RUBA",
        "Roba",
        "Ruba's",
        "الحموي",
        "الحمويّ",
        "حموي",
        "بالحموي",
        "al-Hamwi",
        "Al Hamwi",
        "El-Hamwi",
        "Hamwi",
        "alhamwi",
        "Hamawi",
        "ربى أحمد",
        "Ruba Ahmed",
    ],
    "P-000002": [
        "عبد الرحمن",
        "عبدالرحمن",
        "وعبد الرحمن",
        "Abdulrahman",
        "Abd al-Rahman",
        "Abdel Rahman",
        "Abdul-Rahman",
        "Abderrahmane",
        "نور الدين",
        "نورالدين",
        "Nour al-Din",
        "Noureddine",
    ],
}
ALL_VARIANTS = [(ref, v) for ref, variants in VARIANTS.items() for v in variants]

FILLER = [
    "كان",
    "الطقس",
    "باردا",
    "حين",
    "وصلنا",
    "إلى",
    "الفرع.",
    "The",
    "guards",
    "took",
    "us",
    "to",
    "a",
    "cell",
    "underground.",
    "لم",
    "نعرف",
    "كم",
    "بقينا",
    "هناك.",
    "Months",
    "later",
    "we",
    "were",
    "moved",
    "to",
    "Sednaya.",
]


def test_finds_the_interviewee_in_latin_letters_with_line_and_column() -> None:
    text = "السطر الأول\nThen Ruba al-Hamwi spoke.\n"
    [occurrence] = find_leaks(text, [RUBA])
    assert (occurrence.line, occurrence.column) == (2, 6)
    assert occurrence.text == "Ruba al-Hamwi"
    assert occurrence.reference == "P-000001"


def test_father_name_alone_is_not_a_leak_but_next_to_her_name_it_is() -> None:
    assert find_leaks("Ahmad opened the door.", [RUBA]) == []
    [occurrence] = find_leaks("Ahmad Hamwi opened the door.", [RUBA])
    assert occurrence.text == "Ahmad Hamwi"


def test_an_arabic_word_sharing_only_the_key_is_not_her_name() -> None:
    # ربيع "spring" has the key of ربى; in Arabic script the letters decide, not the key alone.
    assert find_leaks("اعتُقلت في ربيع 2013 قرب حماة.", [RUBA]) == []
    # …but other spellings of her name in Arabic are still found.
    texts = ["قالت ربا", "قالت رُبى", "قالت للحموي", "Rouba"]
    assert all(find_leaks(text, [RUBA]) for text in texts)


def test_a_latin_name_is_still_found_in_arabic_letters_when_only_latin_is_known() -> None:
    latin_only = ProtectedIdentity(reference="P-000009", solo_names=("Khaled",))
    assert [o.text for o in find_leaks("قال خالد إنه رآه", [latin_only])] == ["خالد"]


def test_an_english_word_with_a_short_names_consonants_is_prose_not_the_name() -> None:
    # "cell", "sale", "seal" share the consonants of Salih/Saleh; an English narrative about a
    # detention says "cell" on every page, and a refusal for it could never be fixed.
    salih = ProtectedIdentity(reference="P-000010", solo_names=("صالح", "Salih"))
    assert find_leaks("The guards took us to a cell and the sale was sealed.", [salih]) == []
    # The name itself is still found however it is spelt with a capital, or written in lower
    # case next to another of his names, or with its article glued on.
    for text, found in [
        ("Then Salih spoke.", "Salih"),
        ("Then SALEH spoke.", "SALEH"),
        ("A cell. Saleh was there.", "Saleh"),
    ]:
        assert [o.text for o in find_leaks(text, [salih])] == [found]
    salih_hamwi = ProtectedIdentity(reference="P-000011", solo_names=("Salih", "al-Hamwi"))
    assert [o.text for o in find_leaks("we saw salih al-hamwi there", [salih_hamwi])] == [
        "salih al-hamwi"
    ]
    assert [o.text for o in find_leaks("we saw alhamwi there", [RUBA])] == ["alhamwi"]


def test_numbers_and_dates() -> None:
    text = (
        "رقمها ٠١٠٢٠٣٠٤٠٥٠ وهاتفها 0944-123-456\n"
        "ولدت في 12/03/1985 أي 12 آذار 1985 (March 12, 1985); 1985-03-12."
    )
    kinds = sorted(o.kind for o in find_leaks(text, [RUBA]))
    assert kinds == ["birth_date"] * 4 + ["national_id", "phone"]


def test_written_dates_in_every_spelling_the_month_table_reads() -> None:
    # One month table (mizan.text.dates) for the leak check and the linkage features.
    for text in ("ولدت في ١٢ اذار ١٩٨٥", "née le 12 mars 1985", "born 12 Mar 1985"):
        assert [o.kind for o in find_leaks(text, [RUBA])] == ["birth_date"], text


def test_a_date_that_is_not_the_birth_date_is_not_reported() -> None:
    assert find_leaks("On 13/03/1985 and on 12 April 1985.", [RUBA]) == []


def test_a_text_without_protected_names_passes() -> None:
    assert find_leaks(" ".join(FILLER * 20), [RUBA, ABDULRAHMAN]) == []


@settings(max_examples=300, deadline=None)
@given(
    variant=st.sampled_from(ALL_VARIANTS),
    before=st.lists(st.sampled_from(FILLER), max_size=30),
    after=st.lists(st.sampled_from(FILLER), max_size=30),
    newline=st.booleans(),
    punctuation=st.sampled_from(["", ".", "،", ",", ")", "»", ":"]),
    opening=st.sampled_from(["", "(", "«", '"']),
)
def test_any_known_spelling_planted_anywhere_is_found(
    variant: tuple[str, str],
    before: list[str],
    after: list[str],
    newline: bool,
    punctuation: str,
    opening: str,
) -> None:
    reference, name = variant
    head = " ".join(before)
    separator = "\n" if newline else " "
    text = f"{head}{separator if head else ''}{opening}{name}{punctuation} {' '.join(after)}"
    start = len(head) + (1 if head else 0) + len(opening)
    found = [o for o in find_leaks(text, [RUBA, ABDULRAHMAN]) if o.reference == reference]
    assert any(o.start <= start < o.end for o in found), (name, text, found)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    assert any((o.line, o.column) == (line, column) for o in found)


def test_speed_50000_words_against_500_protected_names() -> None:
    from bench.testimonies_leak import build

    text, identities = build(words=50_000, persons=500, planted=50)
    # The processor time this process spent, not the time on the clock: on a loaded machine
    # (CI runs the suites side by side on two cores) the clock time of the same run was seen
    # from 3.7 to 6.3 s, its processor time 0.6 to 0.9 s.
    started = time.process_time()
    found = find_leaks(text, identities)
    elapsed = time.process_time() - started
    assert len({o.start for o in found}) >= 50
    # The target is under 1 s (bench/testimonies_leak.py, bench/README.md); the bound leaves
    # room for a slower processor and still catches a several-fold slowdown.
    assert elapsed < 3.0, elapsed
