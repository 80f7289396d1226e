"""factory_boy factories for the domain objects the personas work with.

Records that carry rules (a search key, a reference number, an index) are made through the
app's service, as the application makes them (``_create`` calls the service), so a test's data
is what a user could have produced. Every name is synthetic.
"""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import Group
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mizan.accounts.models import User
from mizan.cases import services as cases_services
from mizan.cases.models import CaseFile, Command, Organisation, Person
from mizan.core.models import Place, Site, Team, Term
from mizan.core.sensitivity import Sensitivity
from mizan.evidence.models import Recipient
from mizan.library import services as library_services
from mizan.library.models import Document, DocumentRelation, RelationKind
from mizan.missing.models import GraveDocument, SourceList


def term(vocabulary: str, code: str | None = None) -> Term:
    """A seeded vocabulary term (the first of the vocabulary when no code is given)."""
    terms = Term.objects.filter(vocabulary=vocabulary)
    return terms.get(code=code) if code else terms.order_by("sort_order", "code").first()  # type: ignore[return-value]


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    slug = factory.Sequence(lambda n: f"team-{n}")
    name_en = factory.Sequence(lambda n: f"Team {n}")
    name_ar = factory.Sequence(lambda n: f"الفريق {n}")


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    vocabulary = "topic"
    code = factory.Sequence(lambda n: f"synthetic_{n}")
    label_en = factory.Sequence(lambda n: f"Synthetic term {n}")
    label_ar = factory.Sequence(lambda n: f"مصطلح {n}")


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    code = factory.Sequence(lambda n: f"SYX{n:05d}")
    kind = Place.Kind.TOWN
    name_en = factory.Sequence(lambda n: f"Town {n}")
    name_ar = factory.Sequence(lambda n: f"بلدة {n}")


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site

    name_en = factory.Sequence(lambda n: f"Site {n}")
    name_ar = factory.Sequence(lambda n: f"موقع {n}")
    site_type = factory.LazyFunction(lambda: term("site_type", "detention_facility"))
    place = factory.LazyFunction(lambda: Place.objects.filter(kind="town").first())
    sensitivity = Sensitivity.INTERNAL


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"group-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"synthetic_user_{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name_ar = factory.Iterator(["سامر", "رامي", "هالة", "نور"])
    family_name_ar = factory.Iterator(["الحلبي", "الشامي", "الحمصي"])
    sensitivity = Sensitivity.INTERNAL

    @classmethod
    def _create(cls, model_class: type[Person], *args: Any, **kwargs: Any) -> Person:
        return cases_services.person_create(actor=kwargs.pop("actor", None), data=kwargs)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Branch {n} (synthetic)")
    name_ar = factory.Sequence(lambda n: f"الفرع {n} (اصطناعي)")
    sensitivity = Sensitivity.INTERNAL

    @classmethod
    def _create(cls, model_class: type[Organisation], *args: Any, **kwargs: Any) -> Organisation:
        return cases_services.organisation_create(actor=kwargs.pop("actor", None), data=kwargs)


class CommandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Command

    organisation = factory.SubFactory(OrganisationFactory)
    commander = factory.SubFactory(PersonFactory)


class CaseFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseFile

    reference = factory.Sequence(lambda n: f"CF-SYN-{n:04d}")
    title = factory.Sequence(lambda n: f"Case file {n}")
    sensitivity = Sensitivity.CONFIDENTIAL


class RecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recipient

    name = factory.Sequence(lambda n: f"Prosecutor {n} (synthetic)")
    category = factory.LazyFunction(lambda: term("recipient_category"))


class SourceListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SourceList

    name = factory.Sequence(lambda n: f"List {n} (synthetic)")
    origin = SourceList.Origin.choices[0][0]
    sensitivity = Sensitivity.CONFIDENTIAL


class GraveDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GraveDocument

    site = factory.SubFactory(
        SiteFactory, site_type=factory.LazyFunction(lambda: term("site_type", "mass_grave"))
    )
    title = factory.Sequence(lambda n: f"Grave record {n}")
    sensitivity = Sensitivity.RESTRICTED


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    symbol = factory.Sequence(lambda n: f"A/SYN/{n}")
    title_en = factory.Sequence(lambda n: f"Synthetic resolution {n}")
    sensitivity = Sensitivity.PUBLIC

    @classmethod
    def _create(cls, model_class: type[Document], *args: Any, **kwargs: Any) -> Document:
        return library_services.document_create(actor=kwargs.pop("actor", None), data=kwargs)


class DocumentRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentRelation

    source = factory.SubFactory(DocumentFactory)
    target = factory.SubFactory(DocumentFactory)
    kind = RelationKind.RESPONDS_TO


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(UserFactory)
    name = "phone"


class StaticDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaticDevice

    user = factory.SubFactory(UserFactory)
    name = "backup codes"


class StaticTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaticToken

    device = factory.SubFactory(StaticDeviceFactory)
    token = factory.Sequence(lambda n: f"{n:08d}")


def locker_item_of(team: Team, content: bytes) -> Any:
    """A confidential locker item of ``team`` holding ``content``: an upload of the same bytes by
    someone outside that team *is* this item (the locker keeps one item per content)."""
    import io

    from mizan.evidence.services import item_ingest

    return item_ingest(
        io.BytesIO(content),
        filename="other.bin",
        actor=None,
        sensitivity=Sensitivity.CONFIDENTIAL,
        team=team,
    ).item
