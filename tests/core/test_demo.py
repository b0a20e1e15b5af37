"""`make run` loads the reference data, then the demo: both must work on an empty database."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from essaim.accounts.models import User
from essaim.catalog.models import Offer
from essaim.organisations.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from essaim.organisations.models import Organisation

pytestmark = pytest.mark.django_db

ORIENTATION = {"stage": "ideation", "needs": "structurer_projet", "audience": "porteur_individuel"}


def test_demo_loads_on_reference_data_and_serves_every_departement(client, capsys):
    call_command("setup_reference")
    assert not User.objects.exists(), "the reference data holds no account"
    call_command("load_demo")
    output = capsys.readouterr().out
    assert DEMO_PASSWORD in output

    assert Organisation.objects.active().count() >= 180
    for departement in ("44", "49", "53", "72", "85"):
        assert Organisation.objects.filter(commune__departement__code=departement).count() >= 10, departement
    assert Offer.objects.published().count() >= 80
    # Every operator of the demo catalogue is a structure of the public directory.
    assert not Offer.objects.exclude(operator__is_active=True).exists()
    assert Organisation.objects.filter(offers__isnull=False).distinct().count() >= 60

    for account in DEMO_ACCOUNTS:
        response = client.post(reverse("accounts:login"), {"username": account.email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, account.email
        client.post(reverse("accounts:logout"))

    # An idea-stage project anywhere in both régions gets something to start with.
    for commune in ("44109", "49007", "53130", "72181", "85191", "45234", "37261", "18033", "28085", "36044", "41018"):
        response = client.get(reverse("catalog:results"), {**ORIENTATION, "commune": commune})
        groups = response.context["groups"]
        assert groups.first_contact or groups.accompagnement, commune

    # Both demo strategies, their life over two years and one published bilan.
    from essaim.strategy.demo import KEY_ACCOUNTS
    from essaim.strategy.models import Bilan, ProgressReport, Strategy

    assert set(Strategy.objects.public().values_list("region__code", flat=True)) == {"24", "52"}
    assert Strategy.objects.get(region__code="24").nodes.filter(level=1).count() == 4
    assert Strategy.objects.get(region__code="52").bodies.filter(kind="groupe").count() == 6
    assert ProgressReport.objects.validated().count() >= 40
    assert Bilan.objects.filter(published_at__isnull=False).count() == 1
    for strategy in Strategy.objects.all():
        assert client.get(strategy.get_absolute_url()).status_code == 200
    for email, _description in KEY_ACCOUNTS:
        response = client.post(reverse("accounts:login"), {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get(reverse("strategy:workspace")).status_code == 200
        client.post(reverse("accounts:logout"))

    # A second run changes nothing and says so.
    offers = Offer.objects.count()
    call_command("load_demo")
    assert "déjà chargée" in capsys.readouterr().out
    assert Offer.objects.count() == offers
