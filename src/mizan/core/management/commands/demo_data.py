"""``mizan manage demo_data``: load the synthetic demo data (called by ``mizan demo``).

Idempotent: a second run adds nothing and changes nothing. Each app may contribute a
``demo.py`` module with ``load(stdout) -> None``; this command calls them in app order.
Only synthetic people, ever.
"""

import importlib
import importlib.util
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction


class Command(BaseCommand):
    help = "Load Mizan's synthetic demo data (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-credentials",
            action="store_true",
            help="do not print the demo accounts' passwords",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("mizan."):
                continue
            module_name = f"{config.name}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            module = importlib.import_module(module_name)
            with transaction.atomic():
                module.load(self.stdout, show_credentials=not options["quiet_credentials"])
