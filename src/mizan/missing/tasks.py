"""Background work of the registry (django-tasks): thin, it loads by id and calls the service."""

from __future__ import annotations

from django_tasks import task

from mizan.missing.review import matching_run_execute
from mizan.missing.services import import_job_run


@task()
def run_import(job_id: int) -> str:
    return str(import_job_run(job_id).state)


@task()
def run_matching(run_id: int) -> str:
    return str(matching_run_execute(run_id).state)
