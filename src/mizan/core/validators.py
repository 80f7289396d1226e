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
