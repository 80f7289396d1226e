"""Branch `linklatinkey`: a Latin nisba in -ani after an open syllable with u ("Lubani",
"Hourani") and one in -ui ("Hamui") carry the u flag of the Arabic و (اللوباني, الحموي), and
"Jurj" and "Giurgi" are read as جورج, and a glued أبو («أبوماهر», "Abumaher") is keyed as
أبو ماهر (``mizan.text.translit``); with them the same day's other key changes: the western
forms of Christian given names (Pietro, Giuseppe), Moh./MHD as محمد, the titles «المهندس»,
«الأستاذ», «الموقوف», «المدعو» before a name, and passport-zone names. The stored keys are computed
again, as in 0011–0015, with the service's own function. About a second per 10,000 persons;
nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0015_name_keys_kurmanji")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
