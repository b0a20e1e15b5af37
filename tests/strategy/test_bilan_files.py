"""A frozen bilan's PDF and OpenDocument are rendered once per audience and served from the
database afterwards; rendered again when the stored file is missing or what it shows beside the
frozen data changed."""

import io
from datetime import date
from zipfile import ZipFile

import pytest
from django.urls import reverse

from essaim.strategy import exports
from essaim.strategy.models import Bilan, BilanFile
from essaim.strategy.services import bilan_publish, bilan_take


@pytest.fixture
def bilan(world):
    world.other_action.is_public = False  # internal: for those who steer, and its lead
    world.other_action.save()
    bilan = bilan_take(strategy=world.strategy, title="Bilan 2021", as_of=date(2021, 1, 31), introduction="", by=None)
    bilan_publish(bilan=bilan, by=None)
    return bilan


@pytest.fixture
def renders(monkeypatch):
    """How many times each format was rendered."""
    counted = {"pdf": 0, "odt": 0}
    for fmt in counted:
        real = getattr(exports, f"bilan_{fmt}")

        def counting(bilan, context, real=real, fmt=fmt):
            counted[fmt] += 1
            return real(bilan, context)

        monkeypatch.setattr(exports, f"bilan_{fmt}", counting)
    return counted


def _odt_text(content):
    return ZipFile(io.BytesIO(content)).read("content.xml").decode()


@pytest.mark.parametrize("fmt", ["pdf", "odt"])
def test_the_second_download_of_a_frozen_bilan_does_not_render_it_again(client, bilan, renders, fmt):
    url = reverse("strategy:bilan_file", args=["sress-test", bilan.pk, fmt])
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert renders[fmt] == 1 and second.content == first.content
    assert second["Content-Disposition"] == f'attachment; filename="sress-test-bilan-2021-01-31.{fmt}"'
    # Missing (a restore without it, a purge): rendered again.
    BilanFile.objects.all().delete()
    assert client.get(url).status_code == 200 and renders[fmt] == 2


def test_the_public_and_those_who_steer_each_get_their_own_file(client, world, bilan, renders):
    url = reverse("strategy:bilan_file", args=["sress-test", bilan.pk, "odt"])
    public = _odt_text(client.get(url).content)
    client.force_login(world.copilot)
    internal = _odt_text(client.get(url).content)
    client.get(url)
    assert "Un annuaire des accompagnateurs" in internal and "Un annuaire des accompagnateurs" not in public
    assert renders["odt"] == 2 and BilanFile.objects.count() == 2
    # A lead sees the internal action they lead: their file is theirs alone, never stored.
    client.force_login(world.other_lead)
    assert "Un annuaire des accompagnateurs" in _odt_text(client.get(url).content)
    assert renders["odt"] == 3 and BilanFile.objects.count() == 2


def test_a_bilan_renamed_in_the_admin_is_rendered_again(client, bilan, renders):
    url = reverse("strategy:bilan_file", args=["sress-test", bilan.pk, "odt"])
    client.get(url)
    Bilan.objects.filter(pk=bilan.pk).update(title="Bilan 2021 — conférence régionale")
    assert "conférence régionale" in _odt_text(client.get(url).content)
    assert renders["odt"] == 2 and BilanFile.objects.count() == 1
