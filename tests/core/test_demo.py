"""`make run` loads the reference data, then the demo: both must work on an empty database."""

from datetime import timedelta

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
    # Every operator of the demo catalogue is a structure of the public directory (but the
    # structure a visitor's suggestion names, hidden until the CRESS checks it).
    assert list(Offer.objects.exclude(operator__is_active=True).values_list("status", flat=True)) == ["suggestion"]
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

    # The région's historical strategy, closed, its life over four years and its published bilans;
    # then the current plan of the demonstration.
    from essaim.strategy.demo import KEY_ACCOUNTS
    from essaim.strategy.models import ProgressReport, Strategy

    assert set(Strategy.objects.public().values_list("region__code", flat=True)) == {"52"}
    historical = Strategy.objects.get(code="sress-pdl-2017-2021")
    assert historical.status == Strategy.Status.CLOSED
    assert historical.bodies.filter(kind="groupe").count() == 6
    assert not historical.campaigns.exclude(status="closed").exists()
    assert ProgressReport.objects.validated().count() >= 20
    assert historical.bilans.filter(title__startswith="Bilan final", published_at__isnull=False).exists()
    for strategy in Strategy.objects.all():
        assert client.get(strategy.get_absolute_url()).status_code == 200
    for email, _description in KEY_ACCOUNTS:
        if not User.objects.filter(email=email).exists():
            continue  # an account of the other région's strategy
        response = client.post(reverse("accounts:login"), {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get(reverse("strategy:workspace")).status_code == 200
        client.post(reverse("accounts:logout"))

    check_the_esspresso_demo_has_a_past_event_and_one_open_for_registration()
    check_every_published_offer_gives_a_way_to_act()
    check_the_cress_has_offers_to_moderate()
    check_last_updated_dates_are_spread_and_some_offers_are_due_for_review()
    check_current_plan_shows_the_live_workflow_whatever_the_day()

    # A second run changes nothing and says so.
    offers = Offer.objects.count()
    call_command("load_demo")
    assert "déjà chargée" in capsys.readouterr().out
    assert Offer.objects.count() == offers


def _load_demo_for(settings, region):
    settings.ESSAIM_REGION = region
    call_command("setup_reference")
    call_command("load_demo")


def test_demo_of_centre_val_de_loire_holds_nothing_of_another_region(client, settings):
    from essaim.strategy.models import Strategy

    _load_demo_for(settings, "24")
    other_region = ["44", "49", "53", "72", "85"]

    assert Organisation.objects.active().count() >= 100
    # ADEME is a national agency whose seat happens to be in Angers.
    located_elsewhere = Organisation.objects.filter(commune__departement__code__in=other_region)
    assert list(located_elsewhere.values_list("name", flat=True)) == ["ADEME"]
    for departement in ("18", "28", "36", "37", "41", "45"):
        assert Organisation.objects.filter(commune__departement__code=departement).count() >= 10, departement
    assert not Offer.objects.filter(territories__kind="departement", territories__code__in=other_region).exists()
    assert not Offer.objects.filter(territories__kind="commune", territories__code__regex=r"^(44|49|53|72|85)").exists()
    in_pays_de_la_loire = Offer.objects.filter(territories__kind="region", territories__code="52")
    assert not in_pays_de_la_loire.exclude(territories__kind="region", territories__code="24").exists()
    assert Offer.objects.published().filter(territories__kind="region", territories__code="24").count() >= 10
    assert set(Strategy.objects.values_list("region__code", flat=True)) == {"24"}
    assert Strategy.objects.filter(code="sress-cvl-2018-2021", status=Strategy.Status.CLOSED).exists()
    from essaim.esspresso.models import Event

    assert list(Event.objects.values_list("commune__departement__region__code", flat=True)) == ["24"]

    # The home page counts what the directory and the search list.
    home = client.get(reverse("core:home"))
    figures = {figure.label: figure.value for figure in home.context["figures"]}
    directory = client.get(reverse("organisations:directory"))
    assert figures["structures dans l'annuaire"] == directory.context["page"].paginator.count
    search = client.get(reverse("catalog:search"))
    assert figures["offres d'accompagnement et de financement"] == search.context["page"].paginator.count
    check_every_published_offer_gives_a_way_to_act()
    check_the_cress_has_offers_to_moderate()
    check_current_plan_shows_the_live_workflow_whatever_the_day()


def check_every_published_offer_gives_a_way_to_act():
    """A link to apply, a web page, an e-mail or a phone, on the offer or on its operator."""
    dead_ends = Offer.objects.published().filter(
        url="",
        application_url="",
        contact_email="",
        contact_phone="",
        operator__website="",
        operator__email="",
        operator__phone="",
    )
    assert not dead_ends.exists(), list(dead_ends.values_list("external_id", flat=True))


def check_last_updated_dates_are_spread_and_some_offers_are_due_for_review():
    from django.utils import timezone

    today = timezone.localdate()
    dates = set(Offer.objects.values_list("reviewed_on", flat=True))
    assert len(dates) > 30
    assert min(dates) >= today - timedelta(days=549)
    assert Offer.objects.due_for_review(today).exists()
    assert Offer.objects.published().exclude(review_due_on__lte=today).exists()


def check_current_plan_shows_the_live_workflow_whatever_the_day():
    from django.utils import timezone

    from essaim.core.reminders import reminder_due
    from essaim.strategy.models import Bilan, Campaign, IndicatorValue, Strategy

    today = timezone.localdate()
    plan = Strategy.objects.get(code="demo-feuille-de-route")
    assert "démonstration" in plan.title
    assert plan.starts_on < today < plan.ends_on
    open_campaigns = plan.campaigns.filter(status=Campaign.Status.OPEN)
    assert open_campaigns.filter(due_on__gt=today, due_on__lte=today + timedelta(days=10)).exists()
    late = open_campaigns.get(due_on__lt=today)
    missing = list(late.reports.missing())
    assert missing
    assert all(
        reminder_due(
            today=today,
            due_on=late.due_on,
            days_before=late.remind_days_before,
            days_after=late.remind_days_after,
            sent_before=False,
            sent_after=False,
        )
        == "after"
        for _report in missing
    )
    platform_values = IndicatorValue.objects.filter(indicator__strategy=plan).exclude(indicator__platform_metric="")
    assert platform_values.filter(measured_on__lt=today - timedelta(days=60)).exists()
    assert platform_values.filter(measured_on=today).exists()
    # Bilans of the past are frozen then published, in that order.
    for bilan in Bilan.objects.all():
        assert bilan.published_at is None or bilan.published_at >= bilan.taken_at
        assert bilan.taken_at.date() < today


def check_the_cress_has_offers_to_moderate():
    waiting = Offer.objects.filter(status__in=[Offer.Status.REVIEW, Offer.Status.SUGGESTION])
    assert sorted(waiting.values_list("status", flat=True)) == ["review", "suggestion"]


def check_the_esspresso_demo_has_a_past_event_and_one_open_for_registration():
    from django.utils import timezone

    from essaim.esspresso.models import Event

    today = timezone.localdate()
    assert Event.objects.filter(date__lt=today, timetable_published_at__isnull=False).count() == 1
    assert [event.registration_open(today) for event in Event.objects.filter(date__gte=today)] == [True]
