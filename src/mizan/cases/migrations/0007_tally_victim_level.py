"""Recount the statistics summary: a victim's sex and age group are now keyed by the victim's
own level and team as well as the incident's (issue 11: related records by their own
clearance). No schema change; the same function as ``mizan manage rebuild_statistics``."""

from django.db import migrations


def recount(apps, schema_editor):  # type: ignore[no-untyped-def]
    from mizan.cases import tallies

    tallies.rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_statistics_summary")]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
