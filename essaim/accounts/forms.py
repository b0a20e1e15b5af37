from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from essaim.accounts.models import EMAIL_MAX_LENGTH, User, normalise_email
from essaim.core.emails import send_templated_email
from essaim.core.ratelimit import HoneypotForm


class EmailAuthenticationForm(AuthenticationForm):
    """Log in with the e-mail address; the field keeps Django's name `username` for django-axes.
    The address is normalised before it is checked, so every spelling of it meets the same account
    and the same lock-out (`lockout.lockout_username`)."""

    username = forms.EmailField(
        label="Adresse e-mail",
        max_length=EMAIL_MAX_LENGTH,
        error_messages={
            "max_length": f"Une adresse e-mail compte au plus {EMAIL_MAX_LENGTH} caractères.",
            "invalid": "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": "Adresse e-mail ou mot de passe incorrect. Les deux sont sensibles à la saisie exacte.",
        "inactive": "Ce compte est désactivé. Écrivez à l'équipe de la plateforme pour le réactiver.",
    }

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data["username"])


class QueuedPasswordResetForm(HoneypotForm, PasswordResetForm):
    """Django's reset form, with the e-mail sent by the task queue from our French templates.
    Unlike Django's, it also writes to an account that never had a password (an adviser added by
    the CRESS, whose first link has expired): receiving the e-mail proves the address is theirs."""

    def get_users(self, email: str) -> Iterator[Any]:
        return User.objects.filter(email__iexact=email, is_active=True).iterator()

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        context = {key: value for key, value in context.items() if key != "user"} | {"user_name": str(context["user"])}
        send_templated_email(template="emails/password_reset", to=[to_email], context=context)
