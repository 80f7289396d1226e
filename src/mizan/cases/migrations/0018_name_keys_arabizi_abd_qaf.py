"""Families' WhatsApp roll-calls in Arabizi: a 2 opening the name after ʿAbd and its article
glued ("3bdel2adir" عبد القادر) and a final 2 after a doubled letter and a ("3abdalrazza2" عبد
الرزاق) are ق (``mizan.text.translit``, branch `link18arabizi`). The stored keys are computed
again, as in 0011–0017, with the service's own function; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0017_name_keys_arabizi_final_qaf")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
