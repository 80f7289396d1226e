"""Issue 15 taught ``mizan.text.translit`` new spellings (no digraph after a word's first letter,
French initial ``ou`` read as w, …), which changes the name keys of some persons: the stored keys
are computed again, so typing suggestions find existing persons under the new keys. The
service's own function, so that the stored keys are those a new person gets. About a second per
10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_tally_unknown_rows")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
