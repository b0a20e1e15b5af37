"""The compare page compares two different bilans, and says so when there are not two."""

import re
from datetime import date

from django.urls import reverse

from essaim.strategy.services import bilan_publish, bilan_take

URL = reverse("strategy:bilan_compare", args=["sress-test"])


def published(world, title, as_of):
    bilan = bilan_take(strategy=world.strategy, title=title, as_of=as_of, introduction="", by=None)
    bilan_publish(bilan=bilan, by=None)
    return bilan


def selected(page, name):
    select = re.search(rf'<select id="{name}" name="{name}">(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="(\d+)"\s+selected>', select)


def test_without_any_bilan_the_page_says_there_is_nothing_to_compare(client, world):
    page = client.get(URL).content.decode()
    assert "Aucun bilan n'a encore été publié" in page
    assert "<select" not in page


def test_with_a_single_bilan_the_page_leads_to_it_instead_of_comparing_it_with_itself(client, world):
    only = published(world, "Bilan 2019", date(2019, 11, 30))
    page = client.get(URL).content.decode()
    assert "Un seul bilan a été publié" in page and only.get_absolute_url() in page
    assert "<select" not in page
    response = client.get(URL, {"avant": only.pk, "apres": only.pk})
    assert "Actions qui ont changé" not in response.content.decode()


def test_the_two_lists_start_on_two_different_bilans(client, world):
    older = published(world, "Bilan 2019", date(2019, 11, 30))
    newer = published(world, "Bilan 2021", date(2021, 11, 30))
    page = client.get(URL).content.decode()
    assert selected(page, "avant") == [str(older.pk)] and selected(page, "apres") == [str(newer.pk)]


def test_a_bilan_is_not_compared_with_itself(client, world):
    published(world, "Bilan 2019", date(2019, 11, 30))
    newer = published(world, "Bilan 2021", date(2021, 11, 30))
    response = client.get(URL, {"avant": newer.pk, "apres": newer.pk})
    page = response.content.decode()
    assert response.status_code == 400
    assert "deux bilans différents" in page and "Actions qui ont changé" not in page
