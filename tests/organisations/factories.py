"""Factories for the directory.

Usage: OrganisationFactory(roles=["financeur"], commune=region.nantes)
"""

from __future__ import annotations

import factory

from essaim.organisations.models import EssFamily, Membership, Organisation, OrganisationRole


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Structure numéro {n}")
    ess_family = EssFamily.ASSOCIATION
    description = "Une structure de test."
    # A real structure has a way to be reached; offers run by it may then be published.
    phone = "02 40 00 00 00"

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs: object) -> None:
        if create and extracted:
            self.roles.set(OrganisationRole.objects.filter(slug__in=extracted))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory("tests.accounts.factories.UserFactory")
    role = Membership.Role.MEMBER
