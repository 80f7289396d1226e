from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "mizan.evidence"
    label = "evidence"
    verbose_name = _("Evidence locker")

    def ready(self) -> None:
        from mizan.cases.sections import CaseFileSection, register, register_locker_lookup
        from mizan.evidence.case_files import item_for, section_context

        register(
            CaseFileSection(
                key="evidence",
                template="evidence/case_file_section.html",
                order=10,
                context=section_context,
            )
        )
        register_locker_lookup(item_for)
