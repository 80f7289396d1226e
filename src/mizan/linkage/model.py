"""The probabilistic model: a Fellegi–Sunter model in splink, one comparison per field.

Each comparison has levels from strongest to weakest agreement; each level has an m probability
(how often two records of the same person fall in it) and a u probability (how often two records
of different people do). A pair's match weight is the sum over fields of log2(m/u), plus the prior
log-odds that two random records match: that sum is what ``FieldEvidence`` shows, field by field.

Name fields (first, father, grandfather, family) have the levels:
``same spelling`` > ``same name`` (same cross-script key, Arabic or Latin) > ``one letter apart``
(key within one edit: OCR confusions, typing slips) > ``different``. At "same name" the u
probability is adjusted by the frequency of that name in the data (splink term-frequency
adjustment): agreeing on محمد is weak evidence, agreeing on a rare family name strong.
Birth year agrees exactly, within one year, within three, or not. A missing value is no evidence.

Brothers share father, grandfather, family and mother; cousins share grandfather and family.
What tells them apart is the first name (a strong negative weight when it differs) and the birth
year; the prior (``matches_per_record``, scaled to the size of the input) keeps a shared family
from outweighing those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from mizan.linkage.partial import PARTIAL_PARTS, partial_level
from mizan.text.names import u_flag_pairs

__all__ = ["COMPARED_FIELDS", "Model", "build_settings", "default_model"]

COMPARED_FIELDS: tuple[str, ...] = (
    "first",
    "initials",
    "father",
    "grandfather",
    "family",
    "mother",
    "birth_year",
    "sex",
    "birth_place",
    "national_id",
    "date_of_arrest",
    "place_of_arrest",
)

# Pairs that are scored at all: records sharing at least one of these. Anything else is taken as
# a non-match without being compared.
BLOCKING_RULES: tuple[tuple[str, ...], ...] = (
    ("first_k", "family_k"),
    ("first_k", "father_k", "birth_year"),
    ("first_k", "father_k", "grandfather_k"),
    ("first_k", "father_k", "mother_k"),
    ("father_k", "family_k", "birth_year"),
    ("father_k", "family_k", "grandfather_k"),
    ("father_k", "family_k", "mother_k"),
    ("first_k", "mother_k", "birth_year"),
    # The place of birth as written, a residence never (``features.home_residence``).
    ("first_k", "birth_year", "birth_place_block"),
    ("first_loose", "family_loose", "birth_year"),
    ("first_loose", "father_loose", "family_loose"),
    # An OCR'd record against another without a birth year in common (lists2 seed 5: +0.3 % of
    # true pairs for +0.3 % of pairs); it holds every pair first + father's + family and first +
    # family + birth year, dots aside, would (those rules were dropped as redundant).
    ("first_rasm", "family_rasm"),
    # A burial document giving first and father's names (and the mother's) without a family
    # name, its dots misread (خسن أحمذ لمى, set 6; «عبد القادر» | father «فادي»; «عذنان» |
    # «سليمان»): first + father's, dots aside, when one side has no family name. (It holds every
    # pair of the first + father's + mother's rule it replaced.)
    ("first_rasm", "father_rasm"),
    # A name given as first and father's name only ("Muhanad Nidal", "Salih Faysal", read so at
    # ``features.GIVEN_FATHER_ODDS``) against a record with a family name and no birth year in
    # common: only when one side has no family name (sets 2 and 4, Arabic ↔ Latin).
    ("first_k", "father_k"),
    ("father_loose", "family_loose", "birth_year"),
    ("first_loose", "father_loose", "birth_year"),
    ("national_id",),
    # A record whose first name is no name (a Dutch file's initials "M.K.", an initial "M.", a
    # name that could not be read) against a record of the same family born the same year: no
    # other rule pairs it when it gives no father's name either (set 11's Dutch files, a fifth
    # of their true pairs with the lawyer's list; only when one side lacks the first name).
    ("family_k", "birth_year"),
)
# Rules whose birth years may lie further apart than ``YEAR_WINDOW``.
# A birth year computed from an age the family gave ("25 سنة" in the year of the call, not of
# the arrest) is often 4–8 years off; first and family name together are selective enough to
# allow that (lists2 seed 5: +1.8 % of true pairs candidates for +8 % of pairs).
BLOCKING_YEARS: dict[tuple[str, ...], int] = {("first_k", "family_k"): 8}
# Rules that pair records only when one side lacks this column: dotless first + father's
# name is for a record without a family name (a burial document, set 6); between two records
# that both give one, it only added namesakes (set 3 and the own generator −0.00004 F1).
BLOCKING_WITHOUT: dict[tuple[str, ...], str] = {
    ("first_rasm", "father_rasm"): "family_k",
    ("first_k", "father_k"): "family_k",
    ("family_k", "birth_year"): "first_k",
}
# EM is trained in two sessions, each fixing the fields its blocking rule forces to agree.
TRAINING_BLOCKS: tuple[tuple[str, ...], ...] = (
    ("first_k", "family_k"),
    ("mother_k", "birth_year"),
)


# How often two records of the same person give first (or father's) names that are not even
# a few dots or, across scripts, one letter apart. Fixed instead of trained: EM blocks put
# brothers (same father, grandfather, family, mother, often birth place and arrest) together, and
# cousins (same grandfather and family), and would learn that a different first or father's name
# is common among matches — which is exactly how brothers and cousins get merged. The family
# fields are not independent evidence (they are shared by the whole family), so a clearly
# different first name has to outweigh all of them together.
DIFFERENT_M: dict[str, float] = {"first": 1e-5, "father": 0.02}
# The sibling level's weight, log2(m/u) ≈ -15.6, is set rather than learnt: it has to take back
# the father's, grandfather's, family and mother's weights that siblings share (together about
# +20), which random sampling cannot know. A pair with the same national id still outweighs it.
SIBLING_M = 1e-6
SIBLING_U = 0.05
# Both names in the same script with different keys: ≈ -25.6 (issue 15, tuned on the generator).
SIBLING_M_ARABIC = 1e-9
COUSIN_M = 1e-4
COUSIN_U = 0.1


# Cousins named after their grandfather: the eldest sons of brothers often carry his name, so
# two records of one first name and one family name whose fathers' names differ in Arabic
# letters (not by dots, nor by a letter OCR misreads: the levels before this one) are two
# cousins, not one person — the cousin level without the grandfather, whom few lists give.
# Between two Arabic spellings only: across scripts a father's name misread by OCR (صاح,
# Saleh) is no other name (issue 15, set 5: such pairs of one script were never one person).
NAMESAKE_COUSIN_LABEL = "different father in one script, same first name and family (cousin?)"
NAMESAKE_COUSIN_SQL = (
    '"father_k_l" <> "father_k_r" AND "father_rasm_l" <> "father_rasm_r"'
    ' AND jaro_winkler_similarity("father_k_l", "father_k_r") < 0.9'
    ' AND "first_k_l" = "first_k_r" AND "family_k_l" = "family_k_r"'
)


# Two spellings of a name one letter apart, one of them rare in the lists being linked: a letter
# misread, dropped or added by OCR (أحم/أحمد, رامب/رامي, محود/Mahmoud, إبراهي/Ibrahim), not a
# brother's name (حسن/حسين, both common, stay a sibling or a different name). Set, not learnt:
# mild evidence for (log2(m/u) ≈ +1), where the sibling and different-name levels gave −16 to −26
# (issue 15: a quarter to a third of the missed pairs of the three independent sets).
OCR_LEVEL_LABEL = "one letter misread, a spelling rare in these lists (OCR?)"
OCR_M = 0.02
OCR_U = 0.01
OCR_PARTS = ("first", "father", "grandfather", "family")
# A spelling the lists write fewer times than this, or at most 1/OCR_RATIO as often as the
# spelling one letter away, is taken for that one misread (``<part>_common`` is the count).
COMMON_COUNT = 3
OCR_RATIO = 20


def ocr_level_sql(part: str) -> str:
    """The condition of the OCR level of a name part (``OCR_LEVEL_LABEL``)."""
    k, d, o, c = (f"{part}_{kind}" for kind in ("k", "rasm", "loose", "common"))
    # One key for two Arabic spellings a letter apart (خلد/خالد: a long vowel dropped in typing)
    # is the OCR level too where the sibling level would take it, a brother's name being common.
    same_key = (
        ' OR ("father_k_l" = "father_k_r" AND "family_k_l" = "family_k_r")'
        if part == "first"
        else ""
    )
    # Both spellings common is two names (حسن/حسين); so is one written at least 1/OCR_RATIO as
    # often as the other (عمر/عامر). A spelling the lists write seldom, or far less often than
    # its neighbour (محهد 32 times beside محمد 6,802, هحمود, خلد), is the neighbour misread.
    both_common = (
        f'least("{c}_l", "{c}_r") >= {COMMON_COUNT}'
        f' AND least("{c}_l", "{c}_r") * {OCR_RATIO} > greatest("{c}_l", "{c}_r")'
    )
    # Two Latin spellings of a first name one typing slip apart (Walid/Waldi, Kahled/Khaled:
    # two letters swapped; Mohamad/Mohammad: one dropped or doubled), not a brother's: brothers
    # never share a name, but no office writes two names a slip apart unless it misspelt one
    # (issue 15, set 11). One letter for another stays two names (Fadi/Hadi, Rami/Sami); one
    # key (Huda/Huuda) is the "same name" level's, whose weight is the name's own.
    n = f"{part}_n"
    latin_slip = (
        f' OR ("{d}_l" IS NULL AND "{d}_r" IS NULL AND "{k}_l" <> "{k}_r"'
        f' AND least(length("{n}_l"), length("{n}_r")) >= 4'
        f' AND damerau_levenshtein("{n}_l", "{n}_r") = 1'
        f' AND (length("{n}_l") <> length("{n}_r") OR levenshtein("{n}_l", "{n}_r") = 2))'
        if part == "first"
        else ""
    )
    return (
        f"NOT coalesce({both_common}, true)"
        f' AND ("{k}_l" <> "{k}_r"{same_key}) AND {"(" if latin_slip else ""}'
        f'NOT coalesce("{d}_l" = "{d}_r", false)'
        f' AND ("{d}_l" IS NOT NULL OR "{d}_r" IS NOT NULL)'
        f' AND (("{d}_l" IS NOT NULL AND "{d}_r" IS NOT NULL'
        f' AND least(length("{d}_l"), length("{d}_r")) >= 3'
        f' AND damerau_levenshtein("{d}_l", "{d}_r") <= 1)'
        f' OR (("{d}_l" IS NULL OR "{d}_r" IS NULL)'
        f' AND least(length("{o}_l"), length("{o}_r")) >= 2'
        f' AND damerau_levenshtein("{o}_l", "{o}_r") <= 1'
        # … not a Latin vowel the loose key forgives letter for letter: that is the "same name but
        # dots, across scripts" level further down.
        f' AND NOT ("{o}_l" = "{o}_r" AND length(replace("{k}_l", \'w\', \'\'))'
        f" = length(replace(\"{k}_r\", 'w', ''))))){latin_slip}{')' if latin_slip else ''}"
    )


# The same spelling of a family name that the lists write at most six times (one family's
# records, ``ListVocabulary.FAMILY_RARE``): "same spelling"
# learns its u over all names, so the two records of a rare family name (صزات, خكوق) got the
# weight of الحسن (+8.7) while "same name" gives a rare key far more by its term frequency. Set,
# not learnt: log2(m/u) ≈ +12, that of a key written a few times in 20,000 records (issue 15:
# set 5's WhatsApp list repeats a person as «انس صزات» and «انس جمال احمد صزات»).
RARE_LEVEL_LABEL = "same spelling, rare in these lists"
RARE_M = 0.4
RARE_U = 0.0001
RARE_PARTS = ("family",)


def rare_spelling_sql(part: str) -> str:
    """The condition of the rare-spelling level of a name part (``RARE_LEVEL_LABEL``)."""
    n, r, d = f"{part}_n", f"{part}_rare", f"{part}_rasm"
    # Arabic spellings only: a Latin list is small and spells each name its own way, so a Latin
    # spelling is rare in the lists for every family (set 6's court list: namesakes joined).
    return f'"{n}_l" = "{n}_r" AND coalesce("{r}_l" AND "{r}_r", false) AND "{d}_l" IS NOT NULL'


# A Latin spelling and an Arabic one of one key whose vowels say they are two names
# (``translit.vowel_marks``): "Hassan" has an a where «حسين» writes its long ī, "Gamil" an i where
# «جمال» writes ā, "Amina" a final vowel «إيمان» lacks. The key folds such names together by
# design (Latin short and long vowels look alike), and its "same name" level gave them the
# name's full weight (issue 15, set 14: a mother «إيمان» for "Amina", «حسين» for "Hassan").
# Set, not learnt: a different first name is the strongest evidence against (≈ −8.2, milder
# than two names of one script's −16.6: a transliteration may still slip), another part's
# ≈ −4.9, about the "different" weight of a father's or mother's name.
VOWELS_DIFFER_LABEL = "same key, the Latin vowels of another name"
VOWELS_DIFFER_MU: dict[str, tuple[float, float]] = {"first": (1e-4, 0.03)}
VOWELS_DIFFER_OTHER_MU = (0.001, 0.03)


def vowels_differ_sql(part: str) -> str:
    """The condition of the vowels level of a name part (``VOWELS_DIFFER_LABEL``): same key,
    one side Arabic and one Latin, and a slot where the Latin letters rule out the Arabic's
    long vowel (``vowel_marks``' bits meet)."""
    k, d, v = f"{part}_k", f"{part}_rasm", f"{part}_vw"
    return (
        f'"{k}_l" = "{k}_r" AND ("{d}_l" IS NULL) <> ("{d}_r" IS NULL)'
        f' AND (CAST("{v}_l" AS BIGINT) & CAST("{v}_r" AS BIGINT)) <> 0'
    )


# Two records giving one first name of the mother and each her family name, two family names
# that no spelling, dot, letter misread or compound explains (``features.mother_family``): two
# mothers more often than one written two ways (issue 15, set 17: two «محمود محمد المحمد» whose
# mothers are «رنا قدور» and «Rana Al-Rifai»). Set, not learnt, as the "same name" level times
# how often a mother's two family names differ so: about 1 pair in 20 of one person's records
# that both give her family name (the tuning sets: spellings and her father's name written
# instead aside), 19 in 20 of two people's. The level keeps her name's term frequency, so its
# weight is "same name"'s less log2(0.82 / 0.04) ≈ 4.4: moderate evidence against, a rare
# first name of hers still counting for.
MOTHER_FAMILY_LABEL = "same first name, her family name differs"
MOTHER_FAMILY_MU = (0.04, 0.043)
MOTHER_FAMILY_SQL = (
    '"mother_k_l" = "mother_k_r" AND coalesce("mother_rasm_l" = "mother_rasm_r", true)'
    ' AND "mother_family_k_l" <> "mother_family_k_r"'
    ' AND NOT coalesce("mother_family_rasm_l" = "mother_family_rasm_r", false)'
    ' AND NOT coalesce("mother_family_loose_l" = "mother_family_loose_r", false)'
    # (Cast: lists that give no family name of a mother leave the columns untyped.)
    ' AND jaro_winkler_similarity(CAST("mother_family_k_l" AS VARCHAR),'
    ' CAST("mother_family_k_r" AS VARCHAR)) < 0.9'
    ' AND damerau_levenshtein(CAST("mother_family_k_l" AS VARCHAR),'
    ' CAST("mother_family_k_r" AS VARCHAR)) > 1'
    ' AND NOT coalesce(damerau_levenshtein(CAST("mother_family_rasm_l" AS VARCHAR),'
    ' CAST("mother_family_rasm_r" AS VARCHAR)) <= 1, false)'
    # … nor one family name inside the other («حاج صالح» and «صالح», «العبد الله» and «عبد الله»).
    ' AND NOT contains(CAST("mother_family_k_l" AS VARCHAR), CAST("mother_family_k_r" AS VARCHAR))'
    ' AND NOT contains(CAST("mother_family_k_r" AS VARCHAR), CAST("mother_family_k_l" AS VARCHAR))'
)


def _set_level(sql: str, label: str, m: float, u: float) -> Any:
    """A level whose m and u are set, not learnt (the weight is the evidence's, ``log2(m/u)``)."""
    import splink.comparison_level_library as cll

    return cll.CustomLevel(sql, label_for_charts=label).configure(
        m_probability=m, u_probability=u, fix_m_probability=True, fix_u_probability=True
    )


# Two Arabic spellings of a name alike but for their dots (اجمد/أحمد, الحسبن/الحسين): the level's
# u is learnt over all names, so a misread أحمد weighed +8.3 where the same spelling of أحمد
# weighs +4.6 (set 8). Its weight is lowered by how often the lists write the likelier key
# (splink's term-frequency adjustment takes the greater of the two), hardly raised: the minimum
# u is that of "same name" in the shipped model (raised at most by the ratio of the input's
# re-estimated "same name" u to it).
DOTS_TF_MINIMUM_U: dict[str, float] = {"first": 0.0114, "father": 0.0144, "family": 0.0009}


# A first name given by its initials alone ("M.K.", a Dutch office's voorletters: issue 15,
# set 11), against a record that gives the name (``features.INITIAL_COLUMNS``: the key letters
# the initial may stand for). An initial says little — siblings share a family name, and most
# Syrian names open with م or an alef — so its agreement is weak evidence, never a real
# first name's (a common one weighs about +3): its letter agrees about once in six times
# between two people of set 11, and the second initial (the father's name, where the record
# gives none) once in five. A letter that no spelling of the name opens with is good evidence
# against, not the −16 of two names. Set, not learnt: splink's u of a level is its share of
# all pairs (u measured on random pairs of set 11 of an initial and a name; m of true pairs
# there 103 of 103 agree, allowed 5 % for a misread or another given name).
INITIALS_DIFFER_LABEL = "initial of another name"
INITIALS_DIFFER_MU = (0.05, 0.8)
INITIALS_BOTH_LABEL = "initials of the first and father's names"
INITIALS_BOTH_MU = (0.55, 0.05)
INITIALS_FATHER_DIFFERS_LABEL = "initial of the first name, not of the father's"
INITIALS_FATHER_DIFFERS_MU = (0.03, 0.09)
INITIAL_LABEL = "initial of the first name"
INITIAL_MU = (0.37, 0.1)


def initial_fits_sql(sounds: str, key: str, spelling: str) -> str:
    """Whether an initial (the key letters it stands for, column ``sounds``) may open the name
    of key ``key`` and spelling ``spelling``: the key's first letter is one of them, or for a W
    a name opening with و (kept by the key as its u flag only)."""
    return (
        f"(contains({sounds}, left({key}, 1))"
        f" OR (contains({sounds}, 'w') AND left({spelling}, 1) IN ('w', '\u0648')))"
    )


def _fits(initial: str, name: str, part: str) -> str:
    return initial_fits_sql(
        f'"{part}_initial_{initial}"', f'"{part}_k_{name}"', f'"{part}_n_{name}"'
    )


def _initials_sql(level: str) -> str:
    """The condition of an initials level (``INITIALS_*``), either record the initials'."""

    def one_way(i: str, n: str) -> str:
        given = (
            f'"first_k_{i}" IS NULL AND "first_initial_{i}" IS NOT NULL'
            f' AND "first_k_{n}" IS NOT NULL'
        )
        first = _fits(i, n, "first")
        father = f'"father_initial_{i}" IS NOT NULL AND "father_k_{n}" IS NOT NULL'
        condition = {
            "differ": f"NOT {first}",
            "both": f"{first} AND {father} AND {_fits(i, n, 'father')}",
            "father_differs": f"{first} AND {father}",
            "first": first,
        }[level]
        return f"({given} AND {condition})"

    return f"{one_way('l', 'r')} OR {one_way('r', 'l')}"


def _initials_comparison() -> Any:
    """The initials' own comparison: null but for a record whose first name is given by its
    initials against one that gives the name. Apart from the first name's, whose u estimate
    (splink samples until every level is seen a hundred times) it would otherwise change on lists
    without a single initial."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    def given(i: str, n: str) -> str:
        return (
            f'"first_k_{i}" IS NULL AND "first_initial_{i}" IS NOT NULL'
            f' AND "first_k_{n}" IS NOT NULL'
        )

    null = cll.CustomLevel(f"NOT (({given('l', 'r')}) OR ({given('r', 'l')}))").configure(
        is_null_level=True
    )
    return cl.CustomComparison(
        output_column_name="initials", comparison_levels=[null, *_initial_levels()]
    )


def _initial_levels() -> list[Any]:
    return [
        _set_level(_initials_sql("differ"), INITIALS_DIFFER_LABEL, *INITIALS_DIFFER_MU),
        _set_level(_initials_sql("both"), INITIALS_BOTH_LABEL, *INITIALS_BOTH_MU),
        _set_level(
            _initials_sql("father_differs"),
            INITIALS_FATHER_DIFFERS_LABEL,
            *INITIALS_FATHER_DIFFERS_MU,
        ),
        _set_level(_initials_sql("first"), INITIAL_LABEL, *INITIAL_MU),
    ]


def _name_comparison(part: str, *, spelling: bool = True, tf: bool = True) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    key = f"{part}_k"
    levels: list[Any] = [cll.NullLevel(key)]
    levels.append(
        _set_level(
            vowels_differ_sql(part),
            VOWELS_DIFFER_LABEL,
            *VOWELS_DIFFER_MU.get(part, VOWELS_DIFFER_OTHER_MU),
        )
    )
    if part == "mother":
        levels.append(
            _set_level(MOTHER_FAMILY_SQL, MOTHER_FAMILY_LABEL, *MOTHER_FAMILY_MU).configure(
                tf_adjustment_column=key, tf_adjustment_weight=1.0
            )
        )
    if part in RARE_PARTS:
        levels.append(_set_level(rare_spelling_sql(part), RARE_LEVEL_LABEL, RARE_M, RARE_U))
    if part in PARTIAL_PARTS:
        # One of the two records lacks the family or the father's name: the names it gives weigh
        # by how often the lists write them (``partial``: «مازن علي» is strong, «محمد أحمد» weak).
        levels.append(partial_level(part))
    if spelling:
        levels.append(cll.ExactMatchLevel(f"{part}_n").configure(label_for_charts="same spelling"))
    if part in OCR_PARTS:
        levels.append(_set_level(ocr_level_sql(part), OCR_LEVEL_LABEL, OCR_M, OCR_U))
    dotless = f"{part}_rasm"
    if part == "first":
        u_pairs = ", ".join(f"'{key}'" for key in u_flag_pairs())
        # Brothers and sisters: the first names differ (even by a letter: حسن/حسين, محمد/محمود)
        # while father and family name agree. Their shared family fields are one piece of
        # evidence counted several times by a model that takes fields as independent, so this
        # pattern gets its own, strongly negative, level.
        sibling = (
            f'NOT ("{key}_l" = "{key}_r" AND ("{dotless}_l" IS NULL OR "{dotless}_r" IS NULL'
            f' OR "{dotless}_l" = "{dotless}_r"))'
            f' AND NOT coalesce("{dotless}_l" = "{dotless}_r", false)'
            # Across scripts, an OCR'd Arabic name (سميز) or a Latin vowel (Hoda/هدى, Mouna/منى)
            # that the loose key forgives is a spelling, not a brother (issue 15).
            f' AND NOT coalesce(("{dotless}_l" IS NULL) <> ("{dotless}_r" IS NULL)'
            f' AND "{part}_loose_l" = "{part}_loose_r"'
            # … letter for letter (هدى is not "Jihad", whose loose key is the same) …
            f" AND length(replace(\"{key}_l\", 'w', ''))"
            f" = length(replace(\"{key}_r\", 'w', ''))"
            # … unless only the u flag differs where it tells two common names apart
            # (محمد/Mahmoud, محمود/Mhd, عمر/Amru).
            f" AND NOT (replace(\"{key}_l\", 'w', '') = replace(\"{key}_r\", 'w', '')"
            f" AND replace(\"{key}_l\", 'w', '') IN ({u_pairs})), false)"
            ' AND "father_k_l" = "father_k_r" AND "family_k_l" = "family_k_r"'
        )
        # Both in the same script, the first names differ in their letters and not only in
        # their dots: no transliteration explains it, so the weight must outvote everything a
        # family shares (father, grandfather, family name, mother, birth place: up to +28).
        levels.append(
            cll.CustomLevel(
                f'{sibling} AND ("{dotless}_l" IS NULL) = ("{dotless}_r" IS NULL)'
                f' AND "{key}_l" <> "{key}_r"',
                label_for_charts="different name, same father and family (sibling)",
            ).configure(
                m_probability=SIBLING_M_ARABIC,
                u_probability=SIBLING_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
        )
        levels.append(
            cll.CustomLevel(
                sibling,
                label_for_charts="different name, same father and family (sibling?)",
            ).configure(
                m_probability=SIBLING_M,
                u_probability=SIBLING_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
        )
    if part == "father":
        # Cousins: different fathers, same grandfather and family — and often the same first
        # name, the grandfather's. Same reasoning as for siblings, with a milder weight (≈ -10)
        # because the father's name is misread more often than a first name is replaced.
        levels.append(
            cll.CustomLevel(
                f'"{key}_l" <> "{key}_r" AND NOT coalesce("{dotless}_l" = "{dotless}_r", false)'
                f' AND jaro_winkler_similarity("{key}_l", "{key}_r") < 0.9'
                f' AND NOT coalesce(("{dotless}_l" IS NULL OR "{dotless}_r" IS NULL)'
                f' AND "{part}_loose_l" = "{part}_loose_r", false)'
                ' AND "grandfather_k_l" = "grandfather_k_r" AND "family_k_l" = "family_k_r"',
                label_for_charts="different father, same grandfather and family (cousin?)",
            ).configure(
                m_probability=COUSIN_M,
                u_probability=COUSIN_U,
                fix_m_probability=True,
                fix_u_probability=True,
            )
        )
        levels.append(_set_level(NAMESAKE_COUSIN_SQL, NAMESAKE_COUSIN_LABEL, COUSIN_M, COUSIN_U))
    # Two Arabic spellings carry the same letters; if they share a key but not their letters
    # (حسن/حسين, بشار/بشرى), they are different names that the key folds together.
    levels.append(
        cll.CustomLevel(
            f'"{key}_l" = "{key}_r" AND "{dotless}_l" <> "{dotless}_r"',
            label_for_charts="similar name, other Arabic letters",
        )
    )
    same = cll.ExactMatchLevel(key).configure(label_for_charts="same name")
    if tf:
        same = same.configure(tf_adjustment_column=key, tf_adjustment_weight=1.0)
    different = cll.ElseLevel().configure(label_for_charts="different")
    if part in DIFFERENT_M:
        different = different.configure(m_probability=DIFFERENT_M[part], fix_m_probability=True)
    dots = cll.ExactMatchLevel(dotless).configure(label_for_charts="same letters but dots")
    if tf and part in DOTS_TF_MINIMUM_U:
        dots = dots.configure(
            tf_adjustment_column=key,
            tf_adjustment_weight=1.0,
            tf_minimum_u_value=DOTS_TF_MINIMUM_U[part],
        )
    across = (
        f'("{dotless}_l" IS NULL OR "{dotless}_r" IS NULL) AND "{part}_loose_l" = "{part}_loose_r"'
        # … one letter misread at most (خسين/Hussein, نشار/Bashar; a vowel the key marks,
        # Mouna/منى): a Latin spelling has no dots to misread, so two letters apart
        # (Maged/«ماهر», Ahmed/«حمزة») are two names the loose key folds together.
        f" AND levenshtein(replace(\"{key}_l\", 'w', ''), replace(\"{key}_r\", 'w', '')) <= 1"
    )
    if part == "first":
        # … but not two common names only the u flag tells apart (محمد/Mahmoud, محمود/Mohammad,
        # عمر/Amr): a brother's or a namesake's name, not a spelling, when no father's name
        # is there to tell (a record of a first and a family name only); ``u_pairs`` above.
        across += (
            f' AND NOT ("{key}_l" <> "{key}_r"'
            f" AND replace(\"{key}_l\", 'w', '') = replace(\"{key}_r\", 'w', '')"
            f" AND replace(\"{key}_l\", 'w', '') IN ({u_pairs}))"
        )
    levels += [
        same,
        dots,
        # Across scripts only (between two Arabic spellings the dotless level above decides).
        cll.CustomLevel(across, label_for_charts="same name but dots, across scripts"),
    ]
    if part != "first":
        # Across scripts only. Not for first names: there a name one letter away is as likely to
        # be a brother's or a namesake's (محمد/Mahmoud) as a misspelling; on the benchmark
        # this level on first names caused more false matches than it found.
        levels.append(
            cll.CustomLevel(
                f'("{dotless}_l" IS NULL OR "{dotless}_r" IS NULL)'
                f' AND jaro_winkler_similarity("{key}_l", "{key}_r") >= 0.9',
                label_for_charts="one letter apart",
            )
        )
    levels += [
        different,
    ]
    return cl.CustomComparison(comparison_levels=levels, output_column_name=part)


# Records of one person give birth years at most a year or two apart; a pair more than
# YEAR_WINDOW years apart is not worth scoring (a missing year lets the pair through). Applied
# inside each blocking rule, this halves the pairs scored at 1,000,000 records.
YEAR_WINDOW = 3


def _blocking_sql(rule: tuple[str, ...], lacking: str | None = None) -> str:
    """A rule's join condition: each column equal on both sides, and birth years within the
    rule's window (``BLOCKING_YEARS``, else ``YEAR_WINDOW``) unless the rule compares them.
    For a rule of ``BLOCKING_WITHOUT``, ``lacking`` ("l" or "r") names the side that lacks the
    column; without it, either side may."""
    equal = " AND ".join(f'l."{column}" = r."{column}"' for column in rule)
    without = BLOCKING_WITHOUT.get(rule)
    if without is not None and lacking is not None:
        equal += f' AND {lacking}."{without}" IS NULL'
    elif without is not None:
        equal += f' AND (l."{without}" IS NULL OR r."{without}" IS NULL)'
    if "birth_year" in rule or "national_id" in rule:
        return equal
    window = BLOCKING_YEARS.get(rule, YEAR_WINDOW)
    return (
        f'{equal} AND (l."birth_year" IS NULL OR r."birth_year" IS NULL'
        f' OR abs(l."birth_year" - r."birth_year") <= {window}'
        # … or one digit apart: OCR reads 1978 as 1918.
        f" OR {_ONE_DIGIT.format(l='l.', r='r.')}"
        # … or within a late age's years (``YEAR_LATE_AGE_SQL``).
        f" OR {_LATE_AGE_BLOCK})"
    )


_ONE_DIGIT = 'hamming(CAST({l}"birth_year" AS VARCHAR), CAST({r}"birth_year" AS VARCHAR)) = 1'
# Birth years one digit apart beyond three years (1968/1963 is within; 1978/1918, 1972/1912):
# an OCR misreading as often as two people, so mild evidence against (log2(m/u) ≈ -1.6), not the
# "more than three years apart" weight (≈ -4.6).
YEAR_ONE_DIGIT_M = 0.02
YEAR_ONE_DIGIT_U = 0.06
# … only where a list's years show OCR's damage (``features.mark_ocr_years``).
YEAR_ONE_DIGIT_SQL = (
    '(coalesce("birth_year_ocr_l", false) OR coalesce("birth_year_ocr_r", false))'
    ' AND hamming(CAST("birth_year_l" AS VARCHAR), CAST("birth_year_r" AS VARCHAR)) = 1'
)
# A year of birth remembered, not recorded: «1985 تقريباً», or an age at a remembered date of arrest
# («38» arrested «صيف 2013»; ``features.birth_year_approx``). Survivors' estimates of a cellmate's
# age are a few years off as often as not (issue 15, set 9: a third within a year, nearly all
# within five): within a year is good evidence but not a recorded year's (about 3 in 8 against 1 in
# 15 of two people's years), up to five years apart mild evidence for, not the −4.6 of "more than
# three years apart".
YEAR_APPROX_SIDE = (
    '(coalesce("birth_year_approx_l", false) OR coalesce("birth_year_approx_r", false))'
)
YEAR_APPROX_NEAR_SQL = f'{YEAR_APPROX_SIDE} AND abs("birth_year_l" - "birth_year_r") <= 1'
YEAR_APPROX_NEAR_LABEL = "within a year, one year approximate"
YEAR_APPROX_NEAR_MU = (0.37, 0.067)
YEAR_APPROX_SQL = f'{YEAR_APPROX_SIDE} AND abs("birth_year_l" - "birth_year_r") <= 5'


# A Hijri year of birth alone («1405 هـ», a Sharia court's or a civil registry's record) against a
# Gregorian year: the birth is in either of the two Gregorian years it spans (1984 or 1985,
# ``features.birth_year_hijri`` holding the one ``birth_year`` does not). Within them is a same
# year's evidence over twice its span (m the "same year" level's, u twice its u: +4.4 bits
# against +5.4), not the +2.6 of "one year apart" the later year would otherwise weigh (issue 15,
# set 14's Idlib court); a year from either is "one year apart" (+2.6), not the −2.4 of "up to
# three years apart" the other year would weigh. Two Hijri years compare as years.
def _hijri_span(hijri: str, other: str, widen: int) -> str:
    years = f'"birth_year_{hijri}", "birth_year_hijri_{hijri}"'
    return (
        f'"birth_year_hijri_{hijri}" IS NOT NULL AND "birth_year_hijri_{other}" IS NULL'
        f' AND "birth_year_{other}" BETWEEN least({years}) - {widen}'
        f" AND greatest({years}) + {widen}"
    )


YEAR_HIJRI_SQL = f"({_hijri_span('l', 'r', 0)}) OR ({_hijri_span('r', 'l', 0)})"
YEAR_HIJRI_LABEL = "within the two years a Hijri year spans"
YEAR_HIJRI_MU = (0.74, 0.0353)
YEAR_HIJRI_NEAR_SQL = f"({_hijri_span('l', 'r', 1)}) OR ({_hijri_span('r', 'l', 1)})"
YEAR_HIJRI_NEAR_LABEL = "a year from the two a Hijri year spans"
YEAR_HIJRI_NEAR_MU = (0.209, 0.0337)
YEAR_APPROX_LABEL = "up to five years apart, one year approximate"
YEAR_APPROX_MU = (0.6, 0.3)


# An age estimated, not a year of birth (``features.estimated_age``: a forensic register's
# «25-35» at death, the ages at arrest it allows in ``age_low`` … ``age_high``), against the age
# at arrest the other record's years of birth and arrest give (the arrest year of either record):
# within is mild evidence for (about one random pair in three is), outside good evidence against
# (issue 15, set 11's exhumation register: 674 of its 681 pairs with one person's other records
# within, a random pair outside two times in three). Two estimates (and no two years) compare
# their ranges (one person's always overlap, a random pair's seven times in ten). Set, not learnt:
# splink's u of a level is its share of all random pairs, not of those an estimate meets. Only
# where the estimating record gives no year of birth itself (then the years compare), and before
# the null level of the years, which one of them lacks.
def _estimate_fits(estimate: str, other: str) -> str:
    arrest = f'coalesce("arrest_year_{estimate}", "arrest_year_{other}")'
    return (
        f'({arrest} - "birth_year_{other}" BETWEEN "age_low_{estimate}" AND "age_high_{estimate}")'
    )


def _estimate_against_year(estimate: str, other: str) -> str:
    return (
        f'"age_low_{estimate}" IS NOT NULL AND "birth_year_{estimate}" IS NULL'
        f' AND "birth_year_{other}" IS NOT NULL'
        f' AND coalesce("arrest_year_{estimate}", "arrest_year_{other}") IS NOT NULL'
    )


_ESTIMATES_BOTH = (
    '"age_low_l" IS NOT NULL AND "age_low_r" IS NOT NULL'
    ' AND ("birth_year_l" IS NULL OR "birth_year_r" IS NULL)'
)
_ESTIMATES_OVERLAP = '"age_low_l" <= "age_high_r" AND "age_low_r" <= "age_high_l"'
ESTIMATED_AGE_OUTSIDE_SQL = (
    f"({_estimate_against_year('l', 'r')} AND NOT {_estimate_fits('l', 'r')})"
    f" OR ({_estimate_against_year('r', 'l')} AND NOT {_estimate_fits('r', 'l')})"
)
ESTIMATED_AGE_OUTSIDE_LABEL = "outside the other's estimated age"
ESTIMATED_AGE_WITHIN_SQL = (
    f"{_estimate_against_year('l', 'r')} OR {_estimate_against_year('r', 'l')}"
)
ESTIMATED_AGE_WITHIN_LABEL = "within the other's estimated age"
ESTIMATES_APART_SQL = f"{_ESTIMATES_BOTH} AND NOT ({_ESTIMATES_OVERLAP})"
ESTIMATES_APART_LABEL = "two estimated ages apart"
ESTIMATES_OVERLAP_SQL = _ESTIMATES_BOTH
ESTIMATES_OVERLAP_LABEL = "two estimated ages overlapping"
# m and u of each: how often one person's records, and two people's, fall there when an estimate
# meets a year (or another estimate).
ESTIMATED_AGE_MU: dict[str, tuple[float, float]] = {
    ESTIMATED_AGE_OUTSIDE_LABEL: (0.02, 0.63),
    ESTIMATED_AGE_WITHIN_LABEL: (0.95, 0.37),
    ESTIMATES_APART_LABEL: (0.05, 0.3),
    ESTIMATES_OVERLAP_LABEL: (0.95, 0.7),
}
ESTIMATED_AGE_LEVELS: tuple[tuple[str, str], ...] = (
    (ESTIMATED_AGE_OUTSIDE_SQL, ESTIMATED_AGE_OUTSIDE_LABEL),
    (ESTIMATED_AGE_WITHIN_SQL, ESTIMATED_AGE_WITHIN_LABEL),
    (ESTIMATES_APART_SQL, ESTIMATES_APART_LABEL),
    (ESTIMATES_OVERLAP_SQL, ESTIMATES_OVERLAP_LABEL),
)


def _estimated_age_levels() -> list[Any]:
    """The estimated-age levels of the years of birth (m and u set)."""
    return [_set_level(sql, label, *ESTIMATED_AGE_MU[label]) for sql, label in ESTIMATED_AGE_LEVELS]


# A year of birth from an age of a list some of whose ages were taken years after the arrest
# (``features.mark_late_ages``; set 8's relatives' list, a quarter of them 5 … 13 years later)
# against a year up to LATE_AGE_YEARS later: what such an age says, so no evidence either way
# (m = u), not the "more than three years apart" weight.
LATE_AGE_YEARS = 14
YEAR_LATE_AGE_M = 0.05
YEAR_LATE_AGE_U = 0.05
YEAR_LATE_AGE_LABEL = "a late age's years"
_LATE_AGE_BLOCK = (
    f'(l."birth_year_late" AND r."birth_year" - l."birth_year" BETWEEN 0 AND {LATE_AGE_YEARS})'
    f' OR (r."birth_year_late" AND l."birth_year" - r."birth_year" BETWEEN 0 AND {LATE_AGE_YEARS})'
)
YEAR_LATE_AGE_SQL = (
    f'("birth_year_late_l" AND "birth_year_r" - "birth_year_l" BETWEEN 4 AND {LATE_AGE_YEARS})'
    f' OR ("birth_year_late_r" AND "birth_year_l" - "birth_year_r" BETWEEN 4 AND {LATE_AGE_YEARS})'
)


def _bare_key(side: str, part: str) -> str:
    bare = f"rtrim(translate({side}.\"{part}_k\", 'xzw', 'hd'), 'y')"
    if part != "first":
        return bare
    # … but a first name keeps the u flag where it tells two common names apart (محمد/محمود).
    u_pairs = ", ".join(f"'{key}'" for key in u_flag_pairs())
    column = f'{side}."{part}_k"'
    return f"CASE WHEN replace({column}, 'w', '') IN ({u_pairs}) THEN {column} ELSE {bare} END"


# First and family name across scripts, their keys without the u flag and a final y, خ read as
# h and ذ as d: a Latin o or u that the Arabic writes without و (Mona/منى, Huda/هدى,
# Zoubi/الزعبي, Jouma/جمعة), a final i for ع after ي (Rabie/ربيع), a Turkish h for خ
# (Halid/خالد, Hadice/خديجة) or an English dh for ذ (Muadh/معاذ, Mundhir/منذر) leave the keys a
# letter apart that no other rule bridges without a birth year on both sides (issue 15: about
# a tenth of the Arabic ↔ Latin pairs never compared in sets 2 and 4). Each fold is one the
# loose key makes too, so a pair found here meets the comparison's "same name but dots, across
# scripts" level at least; blocking only, the weights are unchanged.
def _cross_script_sql(latin: str) -> str:
    """The cross-script rule with the Latin record on side ``latin``: each side is filtered to
    one script before the join, which then pairs only Latin with Arabic records."""
    arabic = "r" if latin == "l" else "l"
    return (
        f'{latin}."first_rasm" IS NULL AND {latin}."first_k" IS NOT NULL'
        f' AND {arabic}."first_rasm" IS NOT NULL'
        f" AND {_bare_key('l', 'first')} = {_bare_key('r', 'first')}"
        f" AND {_bare_key('l', 'family')} = {_bare_key('r', 'family')}"
        f" AND length({_bare_key('l', 'first')}) > 1 AND length({_bare_key('l', 'family')}) > 1"
        ' AND (l."birth_year" IS NULL OR r."birth_year" IS NULL'
        f' OR abs(l."birth_year" - r."birth_year") <= {BLOCKING_YEARS[("first_k", "family_k")]})'
    )


CROSS_SCRIPT_BLOCKING_SQL = (_cross_script_sql("l"), _cross_script_sql("r"))


# A first name given by its initials against a record of the same family whose first name the
# initial may open, birth years within the usual window or missing (set 11: four in ten of the
# Dutch office's initialled records' true pairs were never compared; the family-and-year rule
# above needs a year on both sides). The initials' side is filtered before the join: only its
# few records meet their family.
def _initials_block_sql(initial: str) -> str:
    name = "r" if initial == "l" else "l"
    fits = initial_fits_sql(f'{initial}."first_initial"', f'{name}."first_k"', f'{name}."first_n"')
    return (
        f'{initial}."first_k" IS NULL AND {initial}."first_initial" IS NOT NULL'
        f' AND {name}."first_k" IS NOT NULL AND l."family_k" = r."family_k" AND {fits}'
        ' AND (l."birth_year" IS NULL OR r."birth_year" IS NULL'
        f' OR abs(l."birth_year" - r."birth_year") <= {YEAR_WINDOW})'
    )


INITIALS_BLOCKING_SQL = (_initials_block_sql("l"), _initials_block_sql("r"))


def blocking_rules() -> list[dict[str, Any]]:
    """``BLOCKING_RULES`` as splink settings (blocking is code, not a trained parameter)."""
    rules = []
    for rule in BLOCKING_RULES:
        if rule in BLOCKING_WITHOUT:
            # One rule per side: the side lacking the column is filtered before the join, which
            # then stays small (first + father's name alone would pair every محمد أحمد).
            rules += [_blocking_sql(rule, lacking="l"), _blocking_sql(rule, lacking="r")]
        else:
            rules.append(_blocking_sql(rule))
    rules += CROSS_SCRIPT_BLOCKING_SQL
    rules += INITIALS_BLOCKING_SQL
    settings: list[dict[str, Any]] = [
        {"blocking_rule": rule, "sql_dialect": "duckdb"} for rule in rules
    ]
    # Two name words in common in any parts (``engine._name_pairs``), birth years within the
    # usual window (eight years, as first + family allow, added namesakes: set 1 −0.0004 F1).
    settings.append(
        {
            "blocking_rule": _blocking_sql(("name_pairs",)),
            "sql_dialect": "duckdb",
            "arrays_to_explode": ["name_pairs"],
        }
    )
    return settings


def _exact_comparison(name: str, column: str) -> Any:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    return cl.CustomComparison(
        output_column_name=name,
        comparison_levels=[
            cll.NullLevel(column),
            cll.ExactMatchLevel(column).configure(label_for_charts="same"),
            cll.ElseLevel().configure(label_for_charts="different"),
        ],
    )


# A place that names only a governorate against a town of another: no evidence either way
# (log2(m/u) = 0), since lists give places at different depths and no gazetteer says which town
# lies in which governorate.
def _place_levels() -> list[Any]:
    import splink.comparison_level_library as cll

    return [
        cll.NullLevel("birth_place_k"),
        _set_level(FAMILY_TOWN_SQL, FAMILY_TOWN_LABEL, FAMILY_TOWN_M, FAMILY_TOWN_U),
        cll.CustomLevel(PLACE_SAME_SQL).configure(label_for_charts="same"),
        cll.CustomLevel(PLACE_WIDE_SQL).configure(
            label_for_charts="one gives only the governorate",
            m_probability=0.5,
            u_probability=0.5,
            fix_m_probability=True,
            fix_u_probability=True,
        ),
        cll.ElseLevel().configure(label_for_charts="different"),
    ]


# The place of arrest (issue 15, set 5): the same place is evidence for (relatives and a
# prosecutor's list name the town or checkpoint of the arrest); a different one is none, since
# lists give the checkpoint, the town, the governorate or — under the same header — the branch
# where the person was held. m is set (not learnt: the shipped model was trained before lists
# gave it), u estimated on each input.
ARREST_PLACE_SAME_M = 0.6
ARREST_PLACE_SAME_SQL = 'list_has_any("arrest_place_parts_l", "arrest_place_parts_r")'


def _arrest_place_levels() -> list[Any]:
    import splink.comparison_level_library as cll

    return [
        cll.CustomLevel(
            '"arrest_place_parts_l" IS NULL OR "arrest_place_parts_r" IS NULL'
        ).configure(label_for_charts="arrest_place_parts is NULL", is_null_level=True),
        cll.CustomLevel(ARREST_PLACE_SAME_SQL).configure(
            label_for_charts="same place",
            m_probability=ARREST_PLACE_SAME_M,
            fix_m_probability=True,
        ),
        cll.ElseLevel().configure(
            label_for_charts="different place (no evidence)",
            m_probability=0.5,
            u_probability=0.5,
            fix_m_probability=True,
            fix_u_probability=True,
        ),
    ]


# Two dates of arrest a month or two apart over the new year (2013-12-06 and 2014-01-17; a year
# given alone, «٢٠١٦», against 09/12/2015 is not): "one year apart" was learnt at −6.9 on dates a
# year apart, which these are not; nor are they the same year's evidence (+2.5 joined namesakes
# of sets 1 and 5 arrested in December and January). No evidence either way (issue 15: set 4's
# families against its official list, set 2's intake against its register).
ARREST_NEW_YEAR_LABEL = "within two months, over the new year"
ARREST_NEW_YEAR_M = 0.5
ARREST_NEW_YEAR_U = 0.5
_MONTHS = (
    '(CAST(substr("arrest_month_{s}", 1, 4) AS INTEGER) * 12'
    ' + CAST(substr("arrest_month_{s}", 6, 2) AS INTEGER))'
)
# … and a year given alone against a date in the January after it («2012» against 2013/01/08):
# a directorate dates the absence that follows an arrest (issue 15, set 15's dismissal decrees:
# 1–20 days after), a family the day it learnt of it. Not a year alone against the December
# before it («2016» against 2015-12-20): set 3's namesakes were joined so (−0.0004).
_YEAR_ALONE_BESIDE = (
    '"arrest_month_{a}" IS NULL'
    " AND substr(\"arrest_month_{b}\", 6, 2) = '01'"
    ' AND "arrest_year_{b}" = "arrest_year_{a}" + 1'
)
ARREST_NEW_YEAR_SQL = (
    f"abs({_MONTHS.format(s='l')} - {_MONTHS.format(s='r')}) <= 2"
    f" OR ({_YEAR_ALONE_BESIDE.format(a='l', b='r')})"
    f" OR ({_YEAR_ALONE_BESIDE.format(a='r', b='l')})"
)


# Two dates of arrest a year apart, one of them remembered, not recorded («2013 تقريباً», «صيف
# 2013», ``features.arrest_approx``): a survivor's year is a year off as often as not, so the
# year's difference is no evidence either way, not the −6.9 of "one year apart" between records
# (issue 15, set 9's cellmates' accounts).
ARREST_APPROX_LABEL = "a year apart, one date approximate"
ARREST_APPROX_M = 0.5
ARREST_APPROX_U = 0.5
ARREST_APPROX_SQL = (
    '(coalesce("arrest_approx_l", false) OR coalesce("arrest_approx_r", false))'
    ' AND abs("arrest_year_l" - "arrest_year_r") <= 1'
)


# A later arrest at a border crossing or an airport (``features.at_border``): a refugee arrested
# on coming back, whom another list knows by an earlier arrest inside the country (issue 15, set
# 12: a released detainee arrested again at Masnaa). The two dates are two arrests: weak evidence
# against (−2 bits, m/u 0.125/0.5; 0 and −3 measured on set 12 scored lower), not the −6.2 of two
# dates of one arrest that differ.
ARREST_RETURN_LABEL = "a later arrest at the border (on return)"
ARREST_RETURN_M = 0.125
ARREST_RETURN_U = 0.5
ARREST_RETURN_SQL = (
    '(coalesce("arrest_border_l", false) AND "arrest_year_l" > "arrest_year_r")'
    ' OR (coalesce("arrest_border_r", false) AND "arrest_year_r" > "arrest_year_l")'
)


PLACE_SAME_SQL = 'list_has_any("birth_place_parts_l", "birth_place_parts_r")'
# The same place of birth where both write one family name that few records of the lists write
# (``ListVocabulary.FAMILY_RARE``, one family's): a family lives in its town (a clan in its
# village), so its namesakes — cousins named after their grandfather — are born there as often
# as not, and the place tells them apart far less than it tells apart two strangers (issue 15,
# set 5: pairs of one family name and one town joined at 0..+2 were one person once in ten).
# A family name many write spans many towns (set 2's الأحمد): there the place keeps its weight
# (with every family name, set 2 fell by 0.0035). m is the "same" level's; u is set, not learnt:
# random sampling draws pairs of two families, which the family's weight already told apart.
FAMILY_TOWN_LABEL = "same place, one family's name (a family's town)"
FAMILY_TOWN_M = 0.977
FAMILY_TOWN_U = 0.5
FAMILY_TOWN_SQL = (
    f'{PLACE_SAME_SQL} AND "family_k_l" = "family_k_r"'
    ' AND coalesce("family_rare_l" AND "family_rare_r", false)'
)
# … unless the town lies in another governorate than the one the other gives (``features.
# _governorate_of``): «حلب» against «التل» is two places.
PLACE_WIDE_SQL = (
    '(coalesce("birth_place_wide_l", false) OR coalesce("birth_place_wide_r", false))'
    ' AND coalesce("birth_place_gov_l" = "birth_place_gov_r", true)'
)


def build_settings() -> dict[str, Any]:
    """The splink settings of Mizan's model, without trained probabilities."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl
    from splink import SettingsCreator

    comparisons = [
        _name_comparison("first"),
        _initials_comparison(),
        _name_comparison("father"),
        _name_comparison("grandfather"),
        _name_comparison("family"),
        _name_comparison("mother", spelling=False),
        cl.CustomComparison(
            output_column_name="birth_year",
            comparison_levels=[
                *_estimated_age_levels(),
                cll.NullLevel("birth_year"),
                _set_level(YEAR_HIJRI_SQL, YEAR_HIJRI_LABEL, *YEAR_HIJRI_MU),
                _set_level(YEAR_HIJRI_NEAR_SQL, YEAR_HIJRI_NEAR_LABEL, *YEAR_HIJRI_NEAR_MU),
                _set_level(YEAR_APPROX_NEAR_SQL, YEAR_APPROX_NEAR_LABEL, *YEAR_APPROX_NEAR_MU),
                _set_level(YEAR_APPROX_SQL, YEAR_APPROX_LABEL, *YEAR_APPROX_MU),
                cll.ExactMatchLevel("birth_year").configure(label_for_charts="same year"),
                cll.AbsoluteDifferenceLevel("birth_year", 1).configure(
                    label_for_charts="one year apart"
                ),
                cll.AbsoluteDifferenceLevel("birth_year", 3).configure(
                    label_for_charts="up to three years apart"
                ),
                _set_level(
                    YEAR_LATE_AGE_SQL, YEAR_LATE_AGE_LABEL, YEAR_LATE_AGE_M, YEAR_LATE_AGE_U
                ),
                _set_level(
                    YEAR_ONE_DIGIT_SQL, "one digit apart (OCR?)", YEAR_ONE_DIGIT_M, YEAR_ONE_DIGIT_U
                ),
                cll.ElseLevel().configure(label_for_charts="more than three years apart"),
            ],
        ),
        _exact_comparison("sex", "sex"),
        cl.CustomComparison(
            output_column_name="birth_place",
            comparison_levels=[*_place_levels()],
        ),
        cl.CustomComparison(
            output_column_name="national_id",
            comparison_levels=[
                cll.NullLevel("national_id"),
                # Two different people share a number only by error: random sampling seldom
                # sees it, so u is fixed rather than estimated.
                cll.ExactMatchLevel("national_id").configure(
                    label_for_charts="same number", u_probability=1e-7, fix_u_probability=True
                ),
                cll.DamerauLevenshteinLevel("national_id", 1).configure(
                    label_for_charts="one digit apart", u_probability=1e-6, fix_u_probability=True
                ),
                cll.ElseLevel().configure(label_for_charts="different"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="date_of_arrest",
            comparison_levels=[
                cll.NullLevel("arrest_year"),
                cll.ExactMatchLevel("arrest_month").configure(label_for_charts="same month"),
                cll.ExactMatchLevel("arrest_year").configure(label_for_charts="same year"),
                _set_level(
                    ARREST_NEW_YEAR_SQL,
                    ARREST_NEW_YEAR_LABEL,
                    ARREST_NEW_YEAR_M,
                    ARREST_NEW_YEAR_U,
                ),
                _set_level(
                    ARREST_APPROX_SQL, ARREST_APPROX_LABEL, ARREST_APPROX_M, ARREST_APPROX_U
                ),
                _set_level(
                    ARREST_RETURN_SQL, ARREST_RETURN_LABEL, ARREST_RETURN_M, ARREST_RETURN_U
                ),
                cll.AbsoluteDifferenceLevel("arrest_year", 1).configure(
                    label_for_charts="one year apart"
                ),
                cll.ElseLevel().configure(label_for_charts="different"),
            ],
        ),
        cl.CustomComparison(
            output_column_name="place_of_arrest", comparison_levels=_arrest_place_levels()
        ),
    ]
    creator = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=list[Any](blocking_rules()),
        retain_matching_columns=True,
        retain_intermediate_calculation_columns=False,
    )
    settings: dict[str, Any] = creator.get_settings("duckdb").as_dict()  # type: ignore[no-untyped-call]
    return settings


@dataclass(slots=True)
class Model:
    """A trained model: splink settings with m and u probabilities, and how it was made.

    ``matches_per_record`` is how many other records of the same person a record has on average
    in the data the model was trained on; the prior that two records match is that number over
    the number of other records in the input, so the prior shrinks as lists grow.
    ``term_frequencies`` holds the share of each name key in the training data, used by
    ``score_pair`` when it scores two records without a list around them.
    """

    settings: dict[str, Any]
    matches_per_record: float = 1.0
    term_frequencies: dict[str, dict[str, float]] = field(default_factory=dict)
    trained_on: str = ""

    def settings_for(self, records: int) -> dict[str, Any]:
        settings: dict[str, Any] = json.loads(json.dumps(self.settings))
        settings["blocking_rules_to_generate_predictions"] = blocking_rules()
        others = max(records - 1, 1)
        settings["probability_two_random_records_match"] = min(
            0.5, self.matches_per_record / others
        )
        return settings

    def to_json(self) -> str:
        return json.dumps(
            {
                "settings": self.settings,
                "matches_per_record": self.matches_per_record,
                "term_frequencies": self.term_frequencies,
                "trained_on": self.trained_on,
            },
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(
            settings=data["settings"],
            matches_per_record=float(data["matches_per_record"]),
            term_frequencies=data.get("term_frequencies", {}),
            trained_on=data.get("trained_on", ""),
        )

    @classmethod
    def load(cls, path: Path) -> Model:
        return cls.from_json(path.read_text(encoding="utf-8"))


_DEFAULT: Model | None = None


def default_model() -> Model:
    """The model shipped with Mizan (``mizan/linkage/model.json``)."""
    global _DEFAULT
    if _DEFAULT is None:
        text = resources.files("mizan.linkage").joinpath("model.json").read_text("utf-8")
        _DEFAULT = Model.from_json(text)
    return _DEFAULT
