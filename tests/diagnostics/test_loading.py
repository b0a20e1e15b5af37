"""The guide's question bank loaded by setup_reference: idempotent, a new version becomes current
while campaigns keep theirs, the CRESS's edits and regional items survive a reload."""

from dataclasses import replace

import pytest

from essaim.diagnostics.bank import parse_bank
from essaim.diagnostics.loading import GUIDE, bank_load, bank_load_file
from essaim.diagnostics.models import Framework, Item, Theme

pytestmark = pytest.mark.django_db


def test_the_guide_loads_once_with_its_eight_themes_and_a_quick_path():
    first = bank_load_file()
    again = bank_load_file()
    assert (again.created, again.updated) == (0, 0)
    assert first.created == Item.objects.count()
    assert Theme.objects.filter(framework=first.framework).count() == 8
    assert 18 <= Item.objects.filter(quick=True).count() <= 24


def test_a_new_framework_version_becomes_current_and_the_old_one_stays():
    old = bank_load_file().framework
    bank = parse_bank(GUIDE.read_text(encoding="utf-8"))
    new = bank_load(replace(bank, version=bank.version + 1)).framework
    assert Framework.objects.get(pk=old.pk).is_current is False
    assert new.is_current and new.themes.count() == 8 and old.themes.count() == 8


def test_the_cress_edits_and_regional_items_survive_a_reload():
    bank_load_file()
    item = Item.objects.order_by("pk").first()
    Item.objects.filter(pk=item.pk).update(text="Formulée par la CRESS", version=item.version + 1)
    Item.objects.create(domain=item.domain, code="item-regional", text="Une question régionale ?", regional=True)
    bank_load_file()
    assert Item.objects.get(pk=item.pk).text == "Formulée par la CRESS"
    assert Item.objects.filter(code="item-regional").exists()


def _reworded(bank, code: str, text: str):  # type: ignore[no-untyped-def]
    """The guide's file with one item reworded, under the next item version."""
    themes = []
    for theme in bank.themes:
        domains = []
        for domain in theme.domains:
            items = tuple(
                replace(spec, text=text, version=spec.version + 1) if spec.code == code else spec
                for spec in domain.items
            )
            domains.append(replace(domain, items=items))
        themes.append(replace(theme, domains=tuple(domains)))
    return replace(bank, themes=tuple(themes))


def test_a_reworded_item_nobody_asked_yet_is_rewritten_in_place():
    bank_load_file()
    bank = parse_bank(GUIDE.read_text(encoding="utf-8"))
    item = Item.objects.order_by("pk").first()
    loaded = bank_load(_reworded(bank, item.code, "Une formulation plus claire ?"))
    assert loaded.updated == 1
    assert Item.objects.filter(code=item.code).count() == 1
    assert Item.objects.get(pk=item.pk).text == "Une formulation plus claire ?"


def test_a_campaign_keeps_the_wording_it_asked_and_the_next_one_asks_the_new_version(mail_at_once):
    from tests.diagnostics.factories import make_campaign, make_pilot
    from tests.organisations.factories import OrganisationFactory

    framework = bank_load_file().framework
    themes = list(framework.themes.all())
    item = Item.objects.filter(domain__theme=themes[0], quick=True).order_by("pk").first()
    last_year = make_campaign(None, year=2025, themes=[themes[0]])

    bank = parse_bank(GUIDE.read_text(encoding="utf-8"))
    bank_load(_reworded(bank, item.code, "Une formulation plus claire ?"))

    assert last_year.items().get(code=item.code).text == item.text
    assert Item.objects.get(pk=item.pk).is_active is False
    other = make_pilot(OrganisationFactory(name="Autre structure"), email="autre@example.org")
    this_year = make_campaign(None, year=2026, themes=[themes[0]], pilot=other)
    asked = this_year.items().get(code=item.code)
    assert (asked.text, asked.version) == ("Une formulation plus claire ?", item.version + 1)
    assert bank_load(_reworded(bank, item.code, "Une formulation plus claire ?")).updated == 0


def cress_staff():  # type: ignore[no-untyped-def]
    from essaim.accounts.staff import staff_member_add
    from tests.accounts.factories import UserFactory

    user = UserFactory(email="equipe@cress.example.org")
    staff_member_add(user=user)
    return user


def test_the_cress_rewording_an_asked_item_in_the_admin_makes_its_next_version(client, mail_at_once):
    from tests.diagnostics.factories import make_bank, make_campaign

    small = make_bank()
    campaign = make_campaign(small)
    item = small.items["gouvernance-q1"]
    client.force_login(cress_staff())
    page = client.get(f"/admin/diagnostics/item/{item.pk}/change/")
    data = {**page.context["adminform"].form.initial, "text": "Qui décide, et comment ?"}
    data = {key: value for key, value in data.items() if value is not None and key != "version"}
    data["suggested_actions"] = '{"pas_encore": "En parler en bureau."}'
    response = client.post(f"/admin/diagnostics/item/{item.pk}/change/", data)

    assert response.status_code == 302
    new = Item.objects.get(code=item.code, version=item.version + 1)
    assert new.text == "Qui décide, et comment ?" and new.is_active
    assert campaign.items().get(code=item.code).text == "Question 1 sur gouvernance démocratique ?"


def test_an_item_added_twice_under_one_code_gets_a_french_error_not_a_crash(client):
    from tests.diagnostics.factories import make_bank

    small = make_bank()
    item = small.items["gouvernance-q1"]
    client.force_login(cress_staff())
    response = client.post(
        "/admin/diagnostics/item/add/",
        {
            "domain": item.domain.pk,
            "code": item.code,
            "version": 1,
            "order": 9,
            "kind": "question",
            "text": "Une question régionale ?",
            "suggested_actions": "{}",
            "regional": "on",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "existe déjà" in response.content.decode()


def test_a_superseded_version_is_read_only_and_only_one_version_is_proposed(client, mail_at_once):
    from django.db import IntegrityError, transaction

    from essaim.diagnostics.services import item_version_save
    from tests.diagnostics.factories import make_bank, make_campaign

    small = make_bank()
    make_campaign(small)
    old = small.items["gouvernance-q1"]
    old.text = "Nouvelle formulation ?"
    new = item_version_save(old)
    old = Item.objects.get(code=new.code, version=1)
    client.force_login(cress_staff())
    page = client.get(f"/admin/diagnostics/item/{old.pk}/change/").content.decode()
    assert 'name="text"' not in page  # view only
    assert client.get(f"/admin/diagnostics/item/{new.pk}/change/").status_code == 200
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=old.pk).update(is_active=True)
    again = Item.objects.get(pk=new.pk)
    again.text = "Encore reformulée ?"
    assert item_version_save(again).version == 3
