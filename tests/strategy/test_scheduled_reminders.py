"""The daily reminder command handles each campaign on its own: a campaign that cannot be
handled (once, one due on 9999-12-31 overflowed the date arithmetic) is reported, and every other
campaign's leads still get their reminders."""

import io
import logging
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from essaim.strategy import services
from essaim.strategy.models import Campaign


def _open_campaign(world, *, title, due_on):
    campaign = Campaign.objects.create(
        strategy=world.strategy, title=title, period_label="2026", opens_on=date(2026, 1, 1), due_on=due_on
    )
    services.campaign_open(campaign=campaign, by=world.copilot)
    return campaign


def test_a_campaign_due_on_the_last_day_of_the_calendar_does_not_stop_the_reminders(world):
    _open_campaign(world, title="Jamais", due_on=date(9999, 12, 31))
    _open_campaign(world, title="Bilan de l'année", due_on=timezone.localdate())
    mail.outbox.clear()
    output = io.StringIO()
    call_command("send_campaign_reminders", stdout=output)
    assert "Relances avant échéance : 2" in output.getvalue()
    assert len(mail.outbox) == 2 and all("Bilan de l'année" in message.body for message in mail.outbox)


def test_a_failing_campaign_is_reported_and_the_others_get_their_reminders(world, monkeypatch, caplog):
    broken = _open_campaign(world, title="Campagne cassée", due_on=timezone.localdate())
    _open_campaign(world, title="Bilan de l'année", due_on=timezone.localdate())
    mail.outbox.clear()
    real = services.campaign_reminders_send

    def send(*, campaign, today):
        if campaign.pk == broken.pk:
            raise OverflowError("date value out of range")  # as a campaign due on 9999-12-31 once did
        return real(campaign=campaign, today=today)

    monkeypatch.setattr("essaim.strategy.management.commands.send_campaign_reminders.campaign_reminders_send", send)
    output = io.StringIO()
    with caplog.at_level(logging.ERROR, logger="essaim.scheduled"), pytest.raises(CommandError) as failed:
        call_command("send_campaign_reminders", stdout=output)
    # The other campaign's leads were reminded; the broken one is named, in French.
    assert "Relances avant échéance : 2" in output.getvalue()
    assert {message.to[0] for message in mail.outbox} == {world.lead.email, world.other_lead.email}
    assert all("Bilan de l'année" in message.body for message in mail.outbox)
    assert str(failed.value).startswith("1 élément en échec, les autres ont été traités")
    assert f"campagne « Campagne cassée » (n° {broken.pk}, stratégie sress-test)" in str(failed.value)
    assert "OverflowError" in str(failed.value)
    assert any("Campagne cassée" in record.getMessage() for record in caplog.records)


def test_a_campaign_form_refuses_a_date_or_a_delay_beyond_its_bounds(client, world):
    client.force_login(world.copilot)
    url = reverse("strategy:campaign_create", args=["sress-test"])
    data = {
        "campagne-title": "Bilan 2026",
        "campagne-period_label": "2026",
        "campagne-opens_on": "2026-10-01",
        "campagne-due_on": "2026-11-30",
        "campagne-remind_days_before": "7",
        "campagne-remind_days_after": "3",
    }
    never = client.post(url, {**data, "campagne-due_on": "9999-12-31"})
    assert never.status_code == 400 and "Indiquez une date entre 1900 et 2200." in never.content.decode()
    forever = client.post(url, {**data, "campagne-remind_days_after": "32767"})
    assert forever.status_code == 400 and not Campaign.objects.exists()
    assert client.post(url, data).status_code == 302
