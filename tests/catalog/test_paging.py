"""Paginated lists: "Page suivante" leads to the next page of the same list, filters kept."""

import html
import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.catalog.factories import make_offer
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def follow_next_page(client, url):
    """Open `url`, then the address its "Page suivante" link points to, resolved as a browser would."""
    response = client.get(url)
    assert response.status_code == 200
    match = re.search(r'<a href="([^"]*)">Page suivante</a>', response.content.decode())
    assert match, "no link to the next page"
    target = urljoin(url, html.unescape(match.group(1)))
    return target, client.get(target)


def test_page_two_of_the_directory_shows_the_twenty_first_structure(client, region, roles):
    for number in range(1, 26):
        OrganisationFactory(name=f"Structure {number:02d}", commune=region.nantes, roles=["entreprise_ess"])

    target, response = follow_next_page(client, reverse("organisations:directory"))

    names = [organisation.name for organisation in response.context["page"].object_list]
    assert names[0] == "Structure 21"
    assert parse_qs(urlsplit(target).query) == {"page": ["2"]}


def test_page_two_of_a_search_keeps_every_filter(client, region, roles, taxonomies):
    for number in range(1, 24):
        make_offer(f"Prêt solidaire {number:02d}", types=["pret_honneur"], needs=["financer_demarrage"])
    make_offer("Formation sans rapport", types=["formation"])
    filters = {"q": "prêt", "need": "financer_demarrage", "type": "pret_honneur", "sort": "echeance"}
    first = f"{reverse('catalog:search')}?q=pr%C3%AAt&need=financer_demarrage&type=pret_honneur&sort=echeance"

    target, response = follow_next_page(client, first)

    assert parse_qs(urlsplit(target).query) == {key: [value] for key, value in {**filters, "page": "2"}.items()}
    assert response.context["page"].number == 2
    assert response.context["page"].paginator.count == 23
    assert [offer.title for offer in response.context["page"].object_list] == [
        f"Prêt solidaire {number:02d}" for number in range(21, 24)
    ]
