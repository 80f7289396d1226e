"""Branch `linkarabic`: the ʿAbd of a compound name as OCR misreads its dots (عبذ الكريم,
عبذالكريم, غبد الله) is keyed as عبد (``mizan.text.names.mend_compounds``), where 0013's keys read
«عبذ» as a name of its own. The stored keys are computed again, as in 0011–0013, with the
service's own function, so they also take the readings of branch `linkscript`, merged with it
(Taha, Osman, Brahim, Bachhar, Ebdul…, Abdulah, العبد الله) and a hamza beside tatweel or a mark
(«ضياًءـ») no longer read as a spoken ق. About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_name_keys_relatives")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
