"""Models of the shared kernel: case teams, vocabularies, places and sites, the audit log,
reference counters; and (``bases``) the abstract bases and field helpers the apps share."""

from mizan.core.models.audit import AuditCheckpoint, AuditEntry, AuditHead
from mizan.core.models.places import Place, Site
from mizan.core.models.references import ReferenceCounter
from mizan.core.models.teams import Team
from mizan.core.models.vocabularies import Term

__all__ = [
    "AuditCheckpoint",
    "AuditEntry",
    "AuditHead",
    "Place",
    "ReferenceCounter",
    "Site",
    "Team",
    "Term",
]
