"""Branch `linkturk` (issue 15) taught ``mizan.text.translit`` Turkish spelling (c ج, ş ش, ğ and
g غ, v و, ı İ ö ü plain vowels, "Ebu", "-ettin"), which changes the name keys of persons whose
names carry a Turkish letter: the stored keys are computed again, so typing suggestions find
existing persons under the new keys. The service's own function, so that the stored keys are
those a new person gets. About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_name_keys_again")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
