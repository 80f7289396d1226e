"""A family report's consent: the shared ``consent_scope`` vocabulary, not a list of its own.

``FamilyReport.consent_scope`` was one of three nested levels, each including the ones before.
Each level is a set of terms of the shared vocabulary (DESIGN decision 9, the terms persons,
testimonies and locker items use):

* ``organisation`` (the organisation only)   → internal use only
* ``un_iimp`` (UN bodies and the IIMP)        → + UN bodies, + the IIMP
* ``other_orgs`` (other organisations too)    → + other organisations

Backwards, a report gets the widest level whose every term it holds, so undoing the migration
never widens what a family allowed beyond the old list's floor (the organisation only, also for a
report with no scope); IIIM, courts or publication have no level and are dropped.
A term an administrator has deleted is created again, so no consent is lost on the way.
"""

from django.db import migrations, models

LEVELS = {
    "organisation": ("internal_use",),
    "un_iimp": ("internal_use", "un_bodies", "iimp"),
    "other_orgs": ("internal_use", "un_bodies", "iimp", "other_organisations"),
}
# As in core/fixtures/vocabularies.json when this was written.
TERMS = {
    "internal_use": ("Internal use only", "داخلي فقط", 10),
    "un_bodies": ("UN bodies", "هيئات الأمم المتحدة", 20),
    "iimp": (
        "Independent Institution on Missing Persons in the Syrian Arab Republic (IIMP)",
        "المؤسسة المستقلة المعنية بالمفقودين في الجمهورية العربية السورية",
        40,
    ),
    "other_organisations": ("Other organisations", "منظمات أخرى", 60),
}


def _terms(apps):
    Term = apps.get_model("core", "Term")
    terms = {}
    for code, (label_en, label_ar, order) in TERMS.items():
        terms[code], _created = Term.objects.get_or_create(
            vocabulary="consent_scope",
            code=code,
            defaults={"label_en": label_en, "label_ar": label_ar, "sort_order": order},
        )
    return terms


def forwards(apps, schema_editor):
    FamilyReport = apps.get_model("missing", "FamilyReport")
    reports = FamilyReport.objects.all()
    if not reports.exists():
        return
    terms = _terms(apps)
    for report in reports.iterator():
        report.consent_scopes.set([terms[code] for code in LEVELS[report.consent_scope]])


def backwards(apps, schema_editor):
    FamilyReport = apps.get_model("missing", "FamilyReport")
    for report in FamilyReport.objects.prefetch_related("consent_scopes"):
        held = {term.code for term in report.consent_scopes.all()}
        level = "organisation"
        for name, codes in LEVELS.items():  # narrowest first
            if held.issuperset(codes):
                level = name
        if report.consent_scope != level:
            report.consent_scope = level
            report.save(update_fields=["consent_scope"])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_reference_counter"),
        ("missing", "0004_merged_files"),
    ]

    operations = [
        migrations.AddField(
            model_name="familyreport",
            name="consent_scopes",
            field=models.ManyToManyField(
                blank=True,
                limit_choices_to={"vocabulary": "consent_scope"},
                related_name="+",
                to="core.term",
                verbose_name="the family allows sharing with",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="familyreport", name="consent_scope"),
    ]
