"""Background work is enqueued on commit, through this one function.

Services decide *that* work runs in the background; tasks (``<app>/tasks.py``) load by id and
call the service. So a task module imports its services, and a service must not import its
tasks back (an import cycle, which the import-linter contract in pyproject.toml refuses): it
names the task by its dotted path instead, and the task is looked up only when the transaction
has committed — a rolled-back write enqueues nothing, and the worker never sees an id that is
not yet in the database.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import transaction


def task_named(task_path: str) -> Any:
    """The django-tasks task at ``"mizan.<app>.tasks.<name>"``."""
    module_name, _, name = task_path.rpartition(".")
    if not module_name.startswith("mizan.") or not module_name.endswith(".tasks"):
        raise ValueError(f"not a task of a Mizan app's tasks module: {task_path!r}")
    return getattr(import_module(module_name), name)


def enqueue_on_commit(task_path: str, **kwargs: Any) -> None:
    """Enqueue the task ``task_path`` with ``kwargs`` once the current transaction commits."""
    task_named(task_path)  # a misspelt path fails now, inside the service, not in a callback
    transaction.on_commit(lambda: task_named(task_path).enqueue(**kwargs))
