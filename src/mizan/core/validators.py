from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mizan.text import has_bidi_controls


def validate_no_bidi_controls(value: str) -> None:
    """Names may not carry invisible direction controls: they can disguise one name as another."""
    if value and has_bidi_controls(value):
        raise ValidationError(
            _(
                "This text contains invisible direction-control characters (such as U+202E). "
                "They can make a name look like another one; please retype it without them."
            ),
            code="bidi_controls",
        )


# The consent scope that allows nothing beyond the organisation (``consent_scope`` vocabulary).
INTERNAL_USE_SCOPE = "internal_use"
# What a form whose consent is required says when no scope is ticked (``validate_consent_scopes``).
CONSENT_SCOPE_MISSING = _(
    "Choose at least one consent scope: “Internal use only” if nothing more was agreed."
)


def validate_consent_scopes(codes: Iterable[str], *, required: bool = True) -> None:
    """One consent's scopes (codes of the shared ``consent_scope`` vocabulary, DESIGN decision 9)
    say one thing: “Internal use only” alone — beside a wider scope (UN bodies, publication) it
    would say both “nothing beyond the organisation” and “them too”, and no one could tell which
    was meant — and, where a consent is ``required`` (a family report, a testimony's consent;
    not a locker item, which may have none), at least one. Every form and service that takes
    these scopes (family reports, testimonies, locker items) calls it."""
    chosen = set(codes)
    if required and not chosen:
        raise ValidationError(CONSENT_SCOPE_MISSING, code="consent_scope_missing")
    if INTERNAL_USE_SCOPE in chosen and len(chosen) > 1:
        raise ValidationError(
            _(
                "“Internal use only” cannot be chosen beside wider scopes: untick it if the "
                "consent allows more, or untick the others."
            ),
            code="consent_scope_contradiction",
        )
