"""``{{ person|name_for:user }}``: the one way a template names a person.

The name, the pseudonym of a protected identity, or nothing when the user may not see the
person's record (the rule lives in :func:`mizan.core.permissions.person_name_for`). Selectors
leave out related persons the user may not see; this filter is the second wall, so a page that
forgets to filter still shows no name.
"""

from __future__ import annotations

from typing import Any

from django import template

from mizan.core.permissions import person_name_for

register = template.Library()


@register.filter
def name_for(person: Any, user: Any) -> str:
    return person_name_for(person, user)


@register.filter
def openable_by(person: Any, user: Any) -> bool:
    """Whether ``user`` may open the person's page: a link is shown only then (a pseudonym
    linking to a page that answers 404 tells nothing useful and looks broken)."""
    return person is not None and bool(person.is_visible_to(user))
