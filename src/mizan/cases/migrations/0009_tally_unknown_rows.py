"""Recount the statistics summary: undated acts and acts without a perpetrator unit are now
counted under "unknown" (issue 19: totals agree across dimensions). No schema change; the same
function as ``mizan manage rebuild_statistics``."""

from django.db import migrations


def recount(apps, schema_editor):  # type: ignore[no-untyped-def]
    from mizan.cases import tallies

    tallies.rebuild(apps)


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_consent_method_proof")]

    operations = [migrations.RunPython(recount, migrations.RunPython.noop)]
