import pytest
from django import forms
from django.urls import reverse

from essaim.territories.forms import CommuneField, resolve_commune
from essaim.territories.models import Commune

pytestmark = pytest.mark.django_db


def names(queryset):
    return [commune.name for commune in queryset]


def test_search_ignores_accents_and_case(region):
    assert names(Commune.objects.search("saint etienne")) == ["Saint-Étienne-de-Montluc"]
    assert names(Commune.objects.search("SAINT-ÉTIENNE")) == ["Saint-Étienne-de-Montluc"]


def test_search_understands_the_saint_abbreviation(region):
    assert names(Commune.objects.search("St Herblain")) == ["Saint-Herblain"]


def test_search_by_code_prefix(region):
    assert names(Commune.objects.search("4410")) == ["Nantes"]


def test_names_starting_with_the_text_come_first(region):
    Commune.objects.create(
        code="44999",
        name="Petit-Nantes",
        search_name="petit nantes",
        departement=region.loire_atlantique,
        population=900_000,
    )
    assert names(Commune.objects.search("nantes")) == ["Nantes", "Petit-Nantes"]


def test_hostile_text_finds_nothing_without_error(region):
    for text in ["'; DROP TABLE communes; --", "%", "_", "😀", "x" * 10_000, ""]:
        assert list(Commune.objects.search(text)) == []


def test_resolve_accepts_name_label_code_and_missing_article(region):
    assert resolve_commune("nantes") == region.nantes
    assert resolve_commune("Angers (49)") == region.angers
    assert resolve_commune("85191") == region.la_roche_sur_yon
    assert resolve_commune("Roche-sur-Yon") == region.la_roche_sur_yon


def test_resolve_names_the_homonyms_to_choose_from(region):
    Commune.objects.create(
        code="49999", name="Nantes", search_name="nantes", departement=region.maine_et_loire, population=10
    )
    with pytest.raises(forms.ValidationError) as error:
        resolve_commune("Nantes")
    assert "Nantes (44), Nantes (49)" in error.value.messages[0]
    assert resolve_commune("Nantes (49)").code == "49999"


def test_resolve_explains_an_unknown_commune_or_code(region):
    with pytest.raises(forms.ValidationError, match="Aucune commune n'a le code INSEE « 99999 »"):
        resolve_commune("99999")
    with pytest.raises(forms.ValidationError, match="Vérifiez l'orthographe"):
        resolve_commune("Atlantide")


def test_field_can_stay_inside_the_region(region):
    field = CommuneField(region_code="52")
    assert field.clean("Angers") == region.angers
    with pytest.raises(forms.ValidationError, match="dans la région"):
        field.clean("Orléans")


def test_suggestions_endpoint_returns_labels(client, region):
    response = client.get(reverse("territories:commune_search"), {"q": "st herb"})
    assert response.json() == {
        "results": [{"code": "44162", "name": "Saint-Herblain", "departement": "44", "label": "Saint-Herblain (44)"}]
    }


def test_suggestions_endpoint_can_filter_by_region(client, region):
    response = client.get(reverse("territories:commune_search"), {"q": "o", "region": "24"})
    assert [result["name"] for result in response.json()["results"]] == ["Orléans"]
