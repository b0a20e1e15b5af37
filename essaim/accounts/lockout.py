"""The name under which django-axes counts failed logins (`AXES_USERNAME_CALLABLE`).

Axes reads the address as typed, before any form cleans it: without this, `Membre@x` and
`membre@x ` would each get their own five tries, and a locked address would open under another
capitalisation. The same normalisation as the login form, and never longer than axes' column.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from essaim.accounts.models import normalise_email

AXES_USERNAME_LENGTH = 255


def lockout_username(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The normalised address of this login attempt, as axes stores and compares it."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials and credentials.get(field) is not None:
        typed = credentials[field]
    else:
        typed = getattr(request, "POST", {}).get(field) or ""
    return normalise_email(str(typed))[:AXES_USERNAME_LENGTH]
