"""Writes on accounts that go beyond a form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import ngettext

from essaim.accounts.models import User


@dataclass(frozen=True)
class PurgeReport:
    failed_logins: int
    accounts: int


@transaction.atomic
def personal_data_purge(*, now: datetime) -> PurgeReport:
    """Apply the retention limits of the privacy page: failed-login records after
    FAILED_LOGIN_RETENTION_DAYS, accounts unused for INACTIVE_ACCOUNT_RETENTION_DAYS (counted
    from the last login, or from sign-up for an account never used). Platform administrators
    and accounts with access to the admin are kept: the CRESS manages them itself."""
    failed_before = now - timedelta(days=settings.FAILED_LOGIN_RETENTION_DAYS)
    failed = 0
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        failed += model.objects.filter(attempt_time__lt=failed_before).delete()[0]
    inactive_before = now - timedelta(days=settings.INACTIVE_ACCOUNT_RETENTION_DAYS)
    stale = User.objects.filter(is_staff=False, administers_platform=False).filter(
        Q(last_login__lt=inactive_before) | Q(last_login__isnull=True, date_joined__lt=inactive_before)
    )
    accounts = stale.count()
    stale.delete()
    return PurgeReport(failed_logins=failed, accounts=accounts)


def retention_apply(now: datetime) -> list[str]:
    """The accounts' part of `purge_personal_data`, in French."""
    report = personal_data_purge(now=now)
    return [
        ngettext("%(n)d trace de connexion", "%(n)d traces de connexion", report.failed_logins)
        % {"n": report.failed_logins}
        + " et "
        + ngettext("%(n)d compte inactif effacés.", "%(n)d comptes inactifs effacés.", report.accounts)
        % {"n": report.accounts}
    ]


def password_set_url(user: User) -> str:
    """The address where a person chooses their password (a first-time adviser, invited by an
    e-mail): the password reset page, valid for PASSWORD_RESET_TIMEOUT seconds."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:password_reset_confirm", args=[uid, token])
