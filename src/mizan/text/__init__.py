"""Arabic and Latin text normalisation shared by storage, record linkage and search.

Plain Python with no Django import; see ``mizan.text.normalise`` for what each form is for.
"""

from mizan.text.normalise import (
    BIDI_CONTROLS,
    INVISIBLE_CHARS,
    Script,
    clean_name,
    contains_arabic,
    has_bidi_controls,
    normalise_arabic,
    normalise_for_search,
    script_of,
    strip_bidi_controls,
    to_ascii_digits,
    tokens,
)
from mizan.text.translit import cross_script_match, name_key, name_keys

__all__ = [
    "BIDI_CONTROLS",
    "INVISIBLE_CHARS",
    "Script",
    "clean_name",
    "contains_arabic",
    "cross_script_match",
    "has_bidi_controls",
    "name_key",
    "name_keys",
    "normalise_arabic",
    "normalise_for_search",
    "script_of",
    "strip_bidi_controls",
    "to_ascii_digits",
    "tokens",
]
