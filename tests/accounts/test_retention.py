from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone

from essaim.accounts.models import User
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_purge_applies_the_retention_limits_of_the_privacy_page(capsys):
    now = timezone.now()
    UserFactory(email="active@example.org", last_login=now - timedelta(days=30))
    UserFactory(email="dormant@example.org", last_login=now - timedelta(days=3 * 365 + 1))
    UserFactory(email="never@example.org", date_joined=now - timedelta(days=3 * 365 + 1))
    UserFactory(email="cress@example.org", platform_admin=True, last_login=now - timedelta(days=4 * 365))
    old = AccessAttempt.objects.create(username="x@example.org", ip_address="127.0.0.1", failures_since_start=1)
    AccessAttempt.objects.filter(pk=old.pk).update(attempt_time=now - timedelta(days=2))
    AccessAttempt.objects.create(username="y@example.org", ip_address="127.0.0.1", failures_since_start=1)

    call_command("purge_personal_data")

    assert set(User.objects.values_list("email", flat=True)) == {"active@example.org", "cress@example.org"}
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["y@example.org"]
    assert "1 trace de connexion et 2 comptes inactifs effacés" in capsys.readouterr().out
