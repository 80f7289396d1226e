"""Refuse UPDATE and DELETE on the audit log at the database, and start the chain head."""

from django.db import migrations


def install_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.install(schema_editor.connection)
    AuditHead = apps.get_model("core", "AuditHead")
    AuditHead.objects.get_or_create(pk=1, defaults={"last_seq": 0, "last_hash": "0" * 64})


def remove_guard(apps, schema_editor):
    from mizan.core import audit_guard

    audit_guard.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(install_guard, remove_guard)]
