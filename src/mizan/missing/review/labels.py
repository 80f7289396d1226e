"""The words of the linkage review: probability bands, field names, comparison levels, run
stages and decisions, as the reviewer reads them (translated). No queries, no writes.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.missing.models import (
    CandidatePair,
)

# Probability bands of the queue's filter: (lowest, highest) with the highest excluded.
BANDS: dict[str, tuple[float, float]] = {
    "high": (0.9, 1.01),
    "medium": (0.6, 0.9),
    "low": (0.0, 0.6),
}
BAND_LABELS = {
    "high": gettext_lazy("Probable (90% and more)"),
    "medium": gettext_lazy("Possible (60–90%)"),
    "low": gettext_lazy("Doubtful (under 60%)"),
}

# The fields of score_pair's evidence, in its order, as the reviewer reads them.
FIELD_LABELS = {
    "first": gettext_lazy("First name"),
    "initials": gettext_lazy("Initials of the given names"),
    "father": gettext_lazy("Father's name"),
    "grandfather": gettext_lazy("Grandfather's name"),
    "family": gettext_lazy("Family name"),
    "mother": gettext_lazy("Mother's name"),
    "birth_year": gettext_lazy("Year of birth"),
    "sex": gettext_lazy("Sex"),
    "birth_place": gettext_lazy("Place of birth"),
    "national_id": gettext_lazy("National ID number"),
    "date_of_arrest": gettext_lazy("Date of arrest"),
    "place_of_arrest": gettext_lazy("Place of arrest"),
    "reading": gettext_lazy("Reading of the names"),
}
# The columns of a person list (DESIGN.md's CSV headers) in words; the header itself is shown
# beside it, since that is what a list's file must use.
COLUMN_LABELS = {
    "record_id": gettext_lazy("Record number in the list"),
    "full_name": gettext_lazy("Full name"),
    "first_name": gettext_lazy("First name"),
    "father_name": gettext_lazy("Father's name"),
    "grandfather_name": gettext_lazy("Grandfather's name"),
    "family_name": gettext_lazy("Family name"),
    "mother_name": gettext_lazy("Mother's name"),
    "sex": gettext_lazy("Sex"),
    "birth_year": gettext_lazy("Year of birth"),
    "birth_place": gettext_lazy("Place of birth"),
    "national_id": gettext_lazy("National ID number"),
    "date_of_arrest": gettext_lazy("Date of arrest"),
    "place_of_arrest": gettext_lazy("Place of arrest"),
    "arrest_year": gettext_lazy("Year of arrest"),
}


def column_label(column: str) -> str:
    return str(COLUMN_LABELS.get(column, column))


# The comparison levels of mizan.linkage's model (its labels), in words for the reviewer.
LEVEL_LABELS = {
    "a less likely reading of a name": gettext_lazy(
        "a less likely reading of a name (a full name read the other way round, a family name"
        " read as the father's)"
    ),
    "same spelling": gettext_lazy("same spelling"),
    "same name": gettext_lazy("same name (other spelling or script)"),
    "same letters but dots": gettext_lazy("same letters, dots differ"),
    "same name but dots, across scripts": gettext_lazy("same name, dots differ (across scripts)"),
    "similar name, other Arabic letters": gettext_lazy("similar name, other Arabic letters"),
    "same key, the Latin vowels of another name": gettext_lazy(
        "similar name, but the Latin spelling's vowels are another name's (Hassan is not حسين)"
    ),
    "one letter apart": gettext_lazy("one letter apart"),
    "within two months, over the new year": gettext_lazy(
        "within two months of each other, over the new year (no evidence either way)"
    ),
    "same spelling, rare in these lists": gettext_lazy(
        "same spelling, a family name few records in these lists write (one family's)"
    ),
    "same name, one record without family or father's name (by its frequency)": gettext_lazy(
        "same name; one record lacks the family or father's name, so it weighs by how often"
        " these lists write the name"
    ),
    "one letter misread, a spelling rare in these lists (OCR?)": gettext_lazy(
        "one letter apart, one spelling rare in these lists (a misread letter?)"
    ),
    "different name, same father and family (sibling)": gettext_lazy(
        "different name in the same script, same father and family (a brother or sister)"
    ),
    "different name, same father and family (sibling?)": gettext_lazy(
        "different name, same father and family (a brother or sister?)"
    ),
    "different father, same grandfather and family (cousin?)": gettext_lazy(
        "different father, same grandfather and family (a cousin?)"
    ),
    "different father in one script, same first name and family (cousin?)": gettext_lazy(
        "different father in the same script, same first name and family (a cousin named after"
        " the grandfather?)"
    ),
    "same first name, her family name differs": gettext_lazy(
        "same first name of the mother, another family name of hers (another mother?)"
    ),
    "different": gettext_lazy("different"),
    "same": gettext_lazy("same"),
    "same year": gettext_lazy("same year"),
    "one year apart": gettext_lazy("one year apart"),
    "up to three years apart": gettext_lazy("up to three years apart"),
    "more than three years apart": gettext_lazy("more than three years apart"),
    "within a year, one year approximate": gettext_lazy(
        "within a year of each other, one year given only approximately"
    ),
    "up to five years apart, one year approximate": gettext_lazy(
        "up to five years apart, one year given only approximately (remembered)"
    ),
    "within the two years a Hijri year spans": gettext_lazy(
        "within the two Gregorian years a Hijri year of birth spans"
    ),
    "a year from the two a Hijri year spans": gettext_lazy(
        "a year from the two Gregorian years a Hijri year of birth spans"
    ),
    "a later arrest at the border (on return)": gettext_lazy(
        "a later arrest at a border crossing or airport (a second arrest on return; weak"
        " evidence against)"
    ),
    "a year apart, one date approximate": gettext_lazy(
        "a year apart, one date given only approximately (no evidence either way)"
    ),
    "a late age's years": gettext_lazy(
        "the year from an age given years after the arrest: no evidence either way"
    ),
    "one digit apart (OCR?)": gettext_lazy(
        "one digit apart (a misread digit?), more than three years"
    ),
    "outside the other's estimated age": gettext_lazy(
        "the age at arrest lies outside the age the other record estimates (remains, a witness)"
    ),
    "within the other's estimated age": gettext_lazy(
        "the age at arrest lies within the age the other record estimates: weak evidence"
    ),
    "initial of another name": gettext_lazy(
        "the initial given for the first name cannot open the other record's first name"
    ),
    "initials of the first and father's names": gettext_lazy(
        "the initials can open the other record's first and father's names: weak evidence"
    ),
    "initial of the first name, not of the father's": gettext_lazy(
        "the first initial can open the other record's first name, the second not its father's"
    ),
    "initial of the first name": gettext_lazy(
        "the initial can open the other record's first name: weak evidence"
    ),
    "two estimated ages apart": gettext_lazy("two estimated ages that do not meet"),
    "two estimated ages overlapping": gettext_lazy("two estimated ages that meet: weak evidence"),
    "same place, one family's name (a family's town)": gettext_lazy(
        "same place, a family name few records write: a family lives in its town, so weak evidence"
    ),
    "one gives only the governorate": gettext_lazy(
        "one gives only the governorate: no evidence either way"
    ),
    "same number": gettext_lazy("same number"),
    "one digit apart": gettext_lazy("one digit apart"),
    "same month": gettext_lazy("same month"),
    "same place": gettext_lazy("same place"),
    "different place (no evidence)": gettext_lazy(
        "different place: no evidence either way (a checkpoint, a town or a branch)"
    ),
    "missing": gettext_lazy("missing in one or both"),
}


# The implausible values mizan.linkage.problems flags (its codes), for the reviewer.
PROBLEM_LABELS = {
    "birth_year_implausible": gettext_lazy(
        "not a plausible birth year (a misread digit?); compared as missing"
    ),
    "birth_year_unreadable": gettext_lazy("cannot be read as a birth year; compared as missing"),
    "birth_year_age": gettext_lazy("an age, not a year: read as the age at arrest"),
    "arrest_date_implausible": gettext_lazy(
        "no plausible year of arrest (a misread digit?); compared as missing"
    ),
    "arrest_date_day_number": gettext_lazy(
        "a spreadsheet's day number; read as the date it stands for"
    ),
    "arrest_before_birth": gettext_lazy("the arrest is dated before the birth"),
    "national_id_malformed": gettext_lazy(
        "not 11 digits (a digit dropped or doubled?); compared digit by digit"
    ),
    "national_id_letters": gettext_lazy(
        "letters where digits belong (O for 0, l for 1?); read as digits"
    ),
    "national_id_rounded": gettext_lazy(
        "in a spreadsheet's scientific notation, its last digits lost; compared as missing"
    ),
    "posted_date_unreadable": gettext_lazy(
        "no readable year (a two-digit year, a spreadsheet's day number?); the age is not"
        " counted from it"
    ),
}


STAGE_LABELS = {
    "reading": gettext_lazy("Reading the records…"),
    "linking": gettext_lazy("Comparing the records…"),
    "explaining": gettext_lazy("Explaining each candidate pair…"),
    "saving": gettext_lazy("Saving the candidate pairs…"),
}


def stage_label(stage: str) -> str:
    return str(STAGE_LABELS.get(stage, _("Waiting to start")))


def decision_message(decision: str) -> str:
    if decision == CandidatePair.Decision.ACCEPTED:
        return _("Accepted: both records are now one person.")
    if decision == CandidatePair.Decision.REJECTED:
        return _("Rejected: the records stay apart and the pair will not be asked again.")
    return _("Marked unsure: the pair stays in the queue.")


def level_label(level: str) -> str:
    return str(LEVEL_LABELS.get(level, level))


def weight_label(weight: float) -> str:
    """How strongly a field speaks for or against the match (log2 Bayes factor, in words)."""
    if weight >= 4:
        return _("strongly for")
    if weight >= 1:
        return _("for")
    if weight > -1:
        return _("hardly either way")
    if weight > -4:
        return _("against")
    return _("strongly against")
