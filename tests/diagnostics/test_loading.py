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
