"""Branch `review2`: «المعتقل», «الشاب», «الأخ» and the like, which 0012 taught
``mizan.text.translit`` to drop as a relative's words before a name, are dropped only before the
name's first word; after it they are a family name (أحمد محمد الشاب), which 0012's keys had
lost. The stored keys are computed again, as in 0011 and 0012, with the service's own function.
About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0012_name_keys_scholarly")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
