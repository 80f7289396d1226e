from django.db import migrations


def install_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.install(schema_editor.connection, ["evidence_checkpoint"])


def remove_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.remove(schema_editor.connection, ["evidence_checkpoint"])


class Migration(migrations.Migration):
    """The custody log's signed checkpoints refuse UPDATE and DELETE at the database: deleting
    them would let a re-hashed custody chain pass unchallenged."""

    dependencies = [("evidence", "0002_custody_guard")]

    operations = [migrations.RunPython(install_guard, remove_guard)]
