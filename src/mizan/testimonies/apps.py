from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TestimoniesConfig(AppConfig):
    name = "mizan.testimonies"
    label = "testimonies"
    verbose_name = _("Testimonies")

    def ready(self) -> None:
        from mizan.cases.sections import CaseFileSection, register
        from mizan.testimonies.case_files import section_context

        register(
            CaseFileSection(
                key="testimonies",
                template="testimonies/case_file_section.html",
                order=20,
                context=section_context,
            )
        )
