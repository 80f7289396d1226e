"""0018's Arabizi ق read too widely: «3abdel2ilah» (عبد الإله), «3bdel2a7ad» (عبد الأحد),
«7awwa2» (حواء) and «el banna2» (البناء) were keyed with a ق. A 2 after ʿAbd al- that opens
الإ or الأ, and a final ـّا2 outside an ʿAbd compound, are a hamza again
(``mizan.text.translit``, branch `fixj`). The stored keys are computed again, as in 0011–0018,
with the service's own function; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0018_name_keys_arabizi_abd_qaf")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
