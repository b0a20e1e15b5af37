"""A bilan's frozen document carries its format's version, and bilans frozen in an older format
keep rendering everywhere a bilan is read."""

import copy
import io
from datetime import date
from zipfile import ZipFile

import pytest
from django.urls import reverse

from essaim.core.documents import DocumentVersionError
from essaim.strategy.bilan_document import CURRENT_VERSION, read_bilan
from essaim.strategy.models import Bilan
from essaim.strategy.services import bilan_publish, bilan_take
from tests.strategy.factories import strategy_world, validated_value

pytestmark = pytest.mark.django_db


def _counts(status: dict[str, int], weather: dict[str, int], total: int) -> dict[str, object]:
    return {
        "total": total,
        "status": {key: status.get(key, 0) for key in ("a_lancer", "en_cours", "realisee", "suspendue", "abandonnee")},
        "weather": {key: weather.get(key, 0) for key in ("securisee", "atteignable", "appuis", "compromise", "")},
        "late": 0,
    }


# A bilan as the first release froze it (version 1: no "version" key), written out by hand so
# that it stays what the database holds whatever `snapshots.build` writes later.
VERSION_1 = {
    "strategy": {"code": "sress-test", "title": "Stratégie régionale de test", "level_labels": ["Axe", "Action"]},
    "as_of": "2019-12-31",
    "nodes": [
        {
            "code": "1",
            "title": "Accompagner les structures",
            "level": 1,
            "level_label": "Axe",
            "parent": "",
            "counts": _counts({"a_lancer": 1}, {"compromise": 1}, 1),
        }
    ],
    "actions": [
        {
            "code": "1.1.1",
            "title": "Un parcours d'orientation commun",
            "node": "1",
            "public": True,
            "public_summary": "Un parcours unique pour orienter les porteurs de projet.",
            "status": "a_lancer",
            "weather": "compromise",
            "late": False,
            "planned_end": "2030-06-30",
            "pilot": "",
            "leads": ["Camille Moreau"],
            "milestones": 0,
            "milestones_done": 0,
            "report": {
                "campaign": "Bilan 2019",
                "done": "Un premier atelier.",
                "next_steps": "",
                "blockers": "Le financement tarde.",
                "highlights": "Un atelier de l'ancien format.",
            },
        }
    ],
    "indicators": [
        {
            "code": "orientations",
            "name": "Porteurs de projet orientés",
            "kind": "activite",
            "unit": "personnes",
            "decimals": 0,
            "public": True,
            "baseline": "0",
            "target": "400",
            "target_on": "2030-12-31",
            "current": "40",
            "current_on": "2019-12-31",
            "source": "CRESS, suivi",
            "vintage": "2019",
            "progress": 0.1,
            "values": [{"on": "2019-12-31", "value": "40", "source": "CRESS, suivi", "vintage": "2019"}],
        }
    ],
    "counts": _counts({"a_lancer": 1}, {"compromise": 1}, 1),
}


@pytest.fixture
def world(region):
    world = strategy_world(region)
    validated_value(world.indicator, date(2019, 12, 31), 100, source="CRESS, suivi", vintage="2019")
    return world


@pytest.fixture
def old_bilan(world):
    bilan = Bilan.objects.create(
        strategy=world.strategy, title="Bilan 2019", as_of=date(2019, 12, 31), data=copy.deepcopy(VERSION_1)
    )
    bilan_publish(bilan=bilan, by=None)
    return bilan


def test_a_bilan_frozen_today_carries_the_current_version_and_renders(client, world):
    bilan = bilan_take(strategy=world.strategy, title="Bilan 2020", as_of=date.today(), introduction="", by=None)
    bilan_publish(bilan=bilan, by=None)
    bilan.refresh_from_db()
    assert bilan.data["version"] == CURRENT_VERSION
    document = read_bilan(bilan.data)
    assert document.written_in == CURRENT_VERSION
    assert document.content == bilan.data  # nothing to upgrade
    page = client.get(bilan.get_absolute_url()).content.decode()
    assert "Un parcours d&#x27;orientation commun" in page


def test_an_older_document_is_read_in_the_current_version_and_left_as_stored():
    document = read_bilan(VERSION_1)
    assert document.written_in == 1
    assert document.content["version"] == CURRENT_VERSION
    assert document.as_of == date(2019, 12, 31)
    assert document.content["actions"][0]["report"]["highlights"] == "Un atelier de l'ancien format."
    assert "version" not in VERSION_1


def test_a_document_from_an_unknown_version_is_refused_with_a_clear_message():
    with pytest.raises(DocumentVersionError, match="inconnue"):
        read_bilan({**VERSION_1, "version": CURRENT_VERSION + 1})


def test_a_bilan_stored_in_the_first_format_still_renders_on_its_page(client, old_bilan):
    response = client.get(old_bilan.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Un atelier de l&#x27;ancien format." in page
    assert "Le financement tarde." not in page  # the public view still drops the difficulties
    old_bilan.refresh_from_db()
    assert "version" not in old_bilan.data  # read, never rewritten


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_bilan_stored_in_the_first_format_is_still_exported_as_pdf_and_odt(client, old_bilan):
    pdf = client.get(reverse("strategy:bilan_file", args=["sress-test", old_bilan.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    odt = client.get(reverse("strategy:bilan_file", args=["sress-test", old_bilan.pk, "odt"]))
    body = ZipFile(io.BytesIO(odt.content)).read("content.xml").decode()
    assert "Un atelier de l" in body and "ancien format." in body


def test_a_bilan_stored_in_the_first_format_compares_with_a_bilan_of_today(client, world, old_bilan):
    new = bilan_take(strategy=world.strategy, title="Bilan 2020", as_of=date.today(), introduction="", by=None)
    bilan_publish(bilan=new, by=None)
    url = reverse("strategy:bilan_compare", args=["sress-test"])
    response = client.get(url, {"avant": old_bilan.pk, "apres": new.pk})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Actions qui ont changé (1)" in page and "À lancer → En cours" in page
