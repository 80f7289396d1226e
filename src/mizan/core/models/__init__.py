"""Models of the shared kernel: case teams, vocabularies, places and sites, the audit log."""

from mizan.core.models.audit import AuditCheckpoint, AuditEntry, AuditHead
from mizan.core.models.places import Place, Site
from mizan.core.models.teams import Team
from mizan.core.models.vocabularies import Term

__all__ = ["AuditCheckpoint", "AuditEntry", "AuditHead", "Place", "Site", "Team", "Term"]
