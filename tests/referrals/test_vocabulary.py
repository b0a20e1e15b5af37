"""The catalogue's needs, read by slug: the form offers current terms only, and an older request
keeps showing the label of a term made obsolete since."""

import pytest

from essaim.catalog.models import Need
from essaim.core.registries import vocabulary
from essaim.referrals.services.common import need_label

pytestmark = pytest.mark.django_db


def test_an_obsolete_need_is_no_longer_offered_but_keeps_its_label(taxonomies):
    Need.objects.filter(slug="numerique").update(is_obsolete=True)
    assert "numerique" not in dict(vocabulary("needs"))
    assert need_label("numerique") == Need.objects.get(slug="numerique").label
    assert need_label("inconnu") == "terme retiré de la liste"
