"""Usage: UserFactory(email="a@b.fr", password="secret"); UserFactory(platform_admin=True)."""

from __future__ import annotations

import factory

from essaim.accounts.models import User

PASSWORD = "un mot de passe solide"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Personne {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Params:
        # The CRESS team: the platform's role and access to the admin.
        platform_admin = factory.Trait(is_staff=True, administers_platform=True)

    @factory.post_generation
    def _save_password(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
