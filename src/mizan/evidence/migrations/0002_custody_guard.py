from django.db import migrations


def install_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.install(schema_editor.connection, ["evidence_custodyevent"])


def remove_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.remove(schema_editor.connection, ["evidence_custodyevent"])


class Migration(migrations.Migration):
    """The custody log refuses UPDATE and DELETE at the database, like the audit log."""

    dependencies = [("evidence", "0001_initial")]

    operations = [migrations.RunPython(install_guard, remove_guard)]
