"""Families' posts in Arabizi: a 2 ending a name after e, i, o or u is ق said the Damascus way
("Tare2" طارق, "Sade2" صادق), since names end in ـاء, not in ـئ or ـؤ (``mizan.text.translit``,
branch `linkfb`). The stored keys are computed again, as in 0011–0016, with the service's own
function. About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0016_name_keys_latin_long_u")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
