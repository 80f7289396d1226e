"""A family report's consent says one thing (``core.validators.validate_consent_scopes``).

Migration 0005 turned each of the old nested levels into its terms, the wider levels with
“Internal use only” among them («un_iimp» → internal use, UN bodies, the IIMP). The rule the
forms and services now apply refuses “Internal use only” beside a wider scope: a report that
holds both loses “Internal use only”, which a wider scope already covers (the organisation's own
use is never withheld by a wider consent). Nothing is widened.

Backwards, a report with any wider scope gets “Internal use only” again, so that 0005's way back
reads the nested level it wrote.
"""

from django.db import migrations

INTERNAL_USE = "internal_use"


def _internal_use(apps):
    Term = apps.get_model("core", "Term")
    return Term.objects.filter(vocabulary="consent_scope", code=INTERNAL_USE).first()


def forwards(apps, schema_editor):
    FamilyReport = apps.get_model("missing", "FamilyReport")
    internal = _internal_use(apps)
    if internal is None:
        return
    for report in FamilyReport.objects.filter(consent_scopes=internal).prefetch_related(
        "consent_scopes"
    ):
        if len(report.consent_scopes.all()) > 1:
            report.consent_scopes.remove(internal)


def backwards(apps, schema_editor):
    FamilyReport = apps.get_model("missing", "FamilyReport")
    internal = _internal_use(apps)
    if internal is None:
        return
    for report in FamilyReport.objects.exclude(consent_scopes=internal).prefetch_related(
        "consent_scopes"
    ):
        if report.consent_scopes.all():
            report.consent_scopes.add(internal)


class Migration(migrations.Migration):
    dependencies = [("missing", "0005_family_report_consent_scopes")]

    operations = [migrations.RunPython(forwards, backwards)]
