"""Branch `linkkurd`: a name written in Kurmanji (Hawar) letters is read in Kurmanji spelling whole
(``mizan.text.translit``: û and o as و, c ج, g ك, ẍ غ, ḧ ح, Evd… and Ebdi… عبد, Evdila عبد الله,
-edîn الدين, Ebû أبو, Ûsiv يوسف; in Arabic letters a ئ opening a name before a vowel is its
alef, گ is ك), and ``name_keys`` reads an ʿAbd misread by OCR (عبذ الكريم) itself, as 0014's keys
already did through ``mend_compounds``. The stored keys are computed again, as in 0011–0014, with
the service's own function. About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0014_name_keys_ocr_abd")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
