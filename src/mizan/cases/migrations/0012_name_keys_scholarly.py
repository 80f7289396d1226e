"""Branch `linkwhats` (issue 15) taught ``mizan.text.translit`` the scholarly spelling's marked
letters (ḫ خ, š ش, ṯ ث, ḏ ذ, ġ غ, ǧ ج: "Ḫālid", "Šādī"), Turkish ث written s in the names that
have it (Osman, Heysem, Gıyas), a word-initial or doubled Arabizi 2 as ق ("2asem", "Sa22oum"),
a bare hamza typed for a spoken ق (طارء, ءاسم) and the words a relative puts before a name
(المعتقل، الشاب، الأخ) as titles; the name keys of
persons whose names carry them change. The stored keys are computed again, as in 0011, with the
service's own function. About a second per 10,000 persons; nothing else changes."""

from django.db import migrations


def _rebuild(apps, schema_editor):
    from mizan.cases.services import name_keys_rebuild

    name_keys_rebuild(
        person_model=apps.get_model("cases", "Person"),
        key_model=apps.get_model("cases", "PersonNameKey"),
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_name_keys_turkish")]

    operations = [migrations.RunPython(_rebuild, migrations.RunPython.noop)]
