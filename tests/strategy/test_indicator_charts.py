"""Indicator charts are one server-drawn SVG, the same on the page and in the printed bilan,
always beside the table of the same figures."""

import re
from datetime import date

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from essaim.strategy.exports import bilan_html
from essaim.strategy.models import Bilan
from essaim.strategy.services import bilan_publish, bilan_take
from essaim.strategy.views.common import dashboard_data
from tests.strategy.factories import validated_value


def svg(text):
    return re.search(r"<svg viewBox.*?</svg>", text, re.S).group(0)


def test_the_printed_bilan_carries_the_chart_of_the_page(client, rf, world):
    validated_value(world.indicator, date(2019, 12, 31), 100, source="CRESS", vintage="2019")
    validated_value(world.indicator, date(2020, 12, 31), 160, source="CRESS", vintage="2020")
    bilan = bilan_take(strategy=world.strategy, title="Bilan", as_of=date(2021, 1, 31), introduction="", by=None)
    bilan_publish(bilan=bilan, by=None)
    page = client.get(bilan.get_absolute_url()).content.decode()
    request = rf.get("/")
    request.user = AnonymousUser()  # the public, as on the page above
    printed = bilan_html(Bilan.objects.get(pk=bilan.pk), dashboard_data(request, world.strategy, bilan.data))
    assert svg(page) == svg(printed)
    assert "Valeurs de « Porteurs de projet orientés »" in printed  # its table
    pdf = client.get(reverse("strategy:bilan_file", args=["sress-test", bilan.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_value_axis_fits_the_values_and_reads_french(client, world):
    world.indicator.baseline_value = None
    world.indicator.save()
    world.indicator.targets.all().delete()
    validated_value(world.indicator, date(2017, 12, 31), 161500, source="Insee", vintage="2017")
    validated_value(world.indicator, date(2020, 12, 31), 168000, source="Insee", vintage="2020")
    page = client.get(reverse("strategy:indicators", args=["sress-test"])).content.decode()
    labels = re.findall(r'class="chart__label"[^>]*>([^<]+)</text>', svg(page))
    assert labels[:5] == ["160\u202f000", "162\u202f000", "164\u202f000", "166\u202f000", "168\u202f000"]
    assert labels[5:] == ["2017", "2018", "2019", "2020"]
