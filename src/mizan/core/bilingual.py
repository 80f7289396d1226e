"""Choosing between the Arabic and English forms of a bilingual value."""

from django.utils.translation import get_language


def arabic_active() -> bool:
    return (get_language() or "").startswith("ar")


def pick(arabic: str, english: str) -> str:
    """The form for the active language, falling back to the other when one is empty."""
    if arabic_active():
        return arabic or english
    return english or arabic
