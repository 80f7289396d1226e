"""The one permission layer for sensitive records (DESIGN decision 6).

A record is visible to a user when its sensitivity is at most the user's *effective clearance*
and, if it is limited to a case team, the user belongs to that team. Every read of a sensitive
model goes through :meth:`SensitiveQuerySet.visible_to` (lists, counts, search, exports) or
:func:`get_visible_or_404` (one object), so there is one place to get it right.

Effective clearance:
* anonymous or inactive users: public only;
* a user whose clearance requires two-factor authentication but who has not verified a second
  factor in this session is treated as having *internal* clearance at most (defence in depth;
  the middleware also sends them to the verification page);
* superusers see every level and every team.

A record the user may not see answers 404, not 403, so its existence is not disclosed.

Related records follow their *own* rule, never their parent's: a victim on a visible incident,
the witness behind a visible source, the commander of a visible unit, the person a list record
was linked to — each is shown only if the user may see it. Selectors fetch related records
through :func:`visible_prefetch` (or filter with :func:`visibility_q` on the relation), so a
record out of reach is simply absent from what the template receives; a person's name on a page
goes through :func:`person_name_for` (the ``name_for`` template filter), which gives the name,
the pseudonym of a protected identity, or nothing. See docs/architecture.md, "Threat model".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self, TypeVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from mizan.core.sensitivity import Sensitivity

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser

    AnyUser = AbstractBaseUser | AnonymousUser

M = TypeVar("M", bound=models.Model)


def two_factor_threshold() -> Sensitivity:
    return Sensitivity.from_name(settings.MIZAN_2FA_REQUIRED_FROM)


def requires_two_factor(user: Any) -> bool:
    """Accounts that can see confidential or restricted records must use a second factor."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return int(getattr(user, "clearance", Sensitivity.PUBLIC)) >= two_factor_threshold()


def effective_clearance(user: Any) -> Sensitivity:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Sensitivity.PUBLIC
    clearance = (
        Sensitivity.RESTRICTED
        if user.is_superuser
        else Sensitivity(int(getattr(user, "clearance", Sensitivity.PUBLIC)))
    )
    is_verified = getattr(user, "is_verified", None)
    if requires_two_factor(user) and not (callable(is_verified) and is_verified()):
        return min(clearance, Sensitivity.INTERNAL)
    return clearance


def user_team_ids(user: Any) -> list[int]:
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    cached: list[int] | None = getattr(user, "_mizan_team_ids", None)
    if cached is None:
        cached = list(user.teams.values_list("pk", flat=True))
        user._mizan_team_ids = cached
    return cached


def sees_everything(user: Any) -> bool:
    """A verified superuser: every level, every team (a filter on visibility can be skipped)."""
    return bool(getattr(user, "is_superuser", False)) and (
        effective_clearance(user) == Sensitivity.RESTRICTED
    )


def visibility_q(user: Any, through: str = "") -> models.Q:
    """The visibility rule as a condition, optionally through a relation (``"incident__"``).

    Records that inherit visibility from a parent (an act from its incident) filter with this
    condition on a join rather than ``parent__in=<subquery>``, so the database can start from
    the narrow side (one victim's acts) instead of listing every visible parent first.
    """
    clearance = effective_clearance(user)
    condition = models.Q(**{f"{through}sensitivity__lte": clearance})
    if getattr(user, "is_superuser", False) and clearance == Sensitivity.RESTRICTED:
        return condition
    return condition & (
        models.Q(**{f"{through}team__isnull": True})
        | models.Q(**{f"{through}team_id__in": user_team_ids(user)})
    )


class SensitiveQuerySet(models.QuerySet[M]):
    def visible_to(self, user: Any) -> Self:
        return self.filter(visibility_q(user))


SensitiveManager = models.Manager.from_queryset(SensitiveQuerySet)


class SensitiveModel(models.Model):
    """Abstract base for every record that carries a sensitivity level and may be team-limited."""

    sensitivity = models.PositiveSmallIntegerField(
        _("sensitivity"),
        choices=Sensitivity.choices,
        default=Sensitivity.INTERNAL,
        db_index=True,
    )
    team = models.ForeignKey(
        "core.Team",
        verbose_name=_("case team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("When set, only members of this team (and administrators) can see the record."),
    )

    objects = SensitiveManager()

    class Meta:
        abstract = True

    def is_visible_to(self, user: Any) -> bool:
        if self.sensitivity > effective_clearance(user):
            return False
        if self.team_id is None:
            return True
        if getattr(user, "is_superuser", False):
            return True
        return self.team_id in user_team_ids(user)


def visible_prefetch(
    lookup: str, queryset: models.QuerySet[Any], user: Any, *, to_attr: str | None = None
) -> models.Prefetch[Any]:
    """Prefetch a relation through the permission layer.

    ``queryset`` is the related model's queryset (with its own ``select_related``); only the rows
    the user may see are kept. A many-valued relation then holds only visible rows; a forward
    foreign key to a record the user may not see reads as ``None`` (Django sets the cache of a
    single-valued prefetch to ``None`` when the row is not in the prefetched set).
    """
    return models.Prefetch(lookup, queryset=queryset.visible_to(user), to_attr=to_attr)  # type: ignore[attr-defined]


def person_name_for(person: Any, user: Any) -> str:
    """The name of a person as ``user`` may see it: the real name; the pseudonym when the record
    is visible but the identity is above the user's clearance; "" when the user may not see the
    person's record at all (even a pseudonym would say that a protected person is there)."""
    if person is None or not person.is_visible_to(user):
        return ""
    return str(person.display_name_for(user))


def get_visible_or_404(source: type[M] | models.QuerySet[M], user: Any, **lookup: Any) -> M:
    """Return the one object matching ``lookup`` that ``user`` may see, or raise Http404."""
    queryset = source if isinstance(source, models.QuerySet) else source._default_manager.all()
    try:
        return queryset.visible_to(user).get(**lookup)  # type: ignore[attr-defined,no-any-return]
    except (ObjectDoesNotExist, ValueError):
        raise Http404 from None
