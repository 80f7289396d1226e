"""Model bases and field helpers that every app's models share.

They live in ``core`` so an app's models depend on the kernel only, never on a sibling app's
models (the import-linter layers contract in pyproject.toml checks it).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stamped(models.Model):
    """When a row was created and last changed (abstract: adds two columns, no table)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ConsentMethod(models.TextChoices):
    """How a consent was given: the one list for persons (``cases.Consent``) and testimonies
    (``testimonies.TestimonyConsent``). What it allows is the ``consent_scope`` vocabulary."""

    WRITTEN = "written", _("Written (signed form)")
    RECORDED = "recorded", _("Verbal, recorded")
    VERBAL = "verbal", _("Verbal, not recorded")


def vocabulary_term(
    vocabulary: str, verbose: Any, *, null: bool = False
) -> models.ForeignKey[Any, Any]:
    """A foreign key to one ``core.Term`` of ``vocabulary`` (DESIGN decision 4).

    Terms are protected from deletion while used; the key has no reverse accessor.
    """
    return models.ForeignKey(
        "core.Term",
        verbose_name=verbose,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": vocabulary},
        null=null,
        blank=null,
    )


def vocabulary_terms(
    vocabulary: str, verbose: Any, *, blank: bool = True
) -> models.ManyToManyField[Any, Any]:
    """Terms of ``vocabulary`` (``core.Term``, DESIGN decision 4), any number of them: the
    consent scopes of an item, a testimony or a family report, a document's topics.

    The field has no reverse accessor; ``blank=False`` asks a form for at least one.
    """
    return models.ManyToManyField(
        "core.Term",
        verbose_name=verbose,
        blank=blank,
        limit_choices_to={"vocabulary": vocabulary},
        related_name="+",
    )
