"""Users log in with their e-mail address. Two separate rights: `is_staff` opens Django's
administration (technical access), `administers_platform` is the role of the CRESS team that
moderates every module and steers every strategy."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

EMAIL_MAX_LENGTH = 254  # RFC 5321; also below the 255 characters of the lock-out table's column


def normalise_email(email: str) -> str:
    """The one spelling of an address: trimmed and in lower case, so that `Membre@X ` and
    `membre@x` are the same account and count towards the same lock-out."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("Une adresse e-mail est obligatoire.")
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True, administers_platform=True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> User:
        # Addresses are stored normalised; an account created before that (upper-case letters
        # typed in the admin) is still found, whatever the case typed.
        return self.get(email__iexact=normalise_email(username or ""))


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(
        "adresse e-mail",
        unique=True,
        max_length=EMAIL_MAX_LENGTH,
        error_messages={"unique": "Un compte existe déjà avec cette adresse e-mail."},
    )
    full_name = models.CharField("nom complet", max_length=150, blank=True)
    is_active = models.BooleanField("actif", default=True)
    is_staff = models.BooleanField(
        "accès à l'administration",
        default=False,
        help_text=(
            "Ouvre l'interface d'administration, avec les droits du groupe « Équipe de la CRESS ». "
            "Ne donne pas à lui seul le rôle d'administration de la plateforme."
        ),
    )
    administers_platform = models.BooleanField(
        "administration de la plateforme",
        default=False,
        help_text=(
            "Rôle de l'équipe de la CRESS : modère les offres de tous les modules, voit et pilote "
            "toutes les stratégies, écrit pour toute structure."
        ),
    )
    date_joined = models.DateTimeField("inscrit le", default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["email"]
        constraints = [
            # Two accounts whose addresses differ only by case would make logging in ambiguous.
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_whatever_the_case",
                violation_error_message="Un compte existe déjà avec cette adresse e-mail.",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = normalise_email(self.email)

    @property
    def is_platform_admin(self) -> bool:
        """The CRESS team's role: they moderate every module and administer the platform. Technical
        access to the admin (`is_staff`) is a separate right."""
        return self.is_active and self.administers_platform

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
