"""Background work of the library (django-tasks): thin — load by id, call the service."""

from __future__ import annotations

from django_tasks import task

from mizan.library import services


@task()
def extract_version_text(version_id: int) -> str:
    version = services.version_extract(version_id=version_id)
    return str(version.status)
