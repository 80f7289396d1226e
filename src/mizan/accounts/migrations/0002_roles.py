"""Create the six roles as groups. Their permissions are attached after every migrate
(mizan.accounts.roles.sync_role_permissions), because later apps' permissions exist only then."""

from django.db import migrations

ROLE_NAMES = ["administrator", "legal_officer", "documenter", "missing_persons_officer",
              "researcher", "viewer"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
