"""Taxonomies are data: loaded from files, then edited by the CRESS in the admin."""

import pytest

from essaim.core.taxonomies import load_taxonomy
from essaim.organisations.models import OrganisationRole

pytestmark = pytest.mark.django_db


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_admin_edit_survives_a_rerun_of_setup_reference(tmp_path):
    path = write(tmp_path / "roles.csv", "slug,label,order\nfinanceur,Financeur,10\n")
    load_taxonomy(OrganisationRole, path)
    OrganisationRole.objects.filter(slug="financeur").update(label="Financeur public ou privé", order=5)
    OrganisationRole.objects.create(slug="mecene", label="Mécène", order=90)

    load_taxonomy(OrganisationRole, path)

    assert OrganisationRole.objects.get(slug="financeur").label == "Financeur public ou privé"
    assert OrganisationRole.objects.get(slug="mecene").is_obsolete is False


def test_changed_file_updates_its_terms_and_retires_those_marked_obsolete(tmp_path):
    path = write(tmp_path / "roles.csv", "slug,label,order\nfinanceur,Financeur,10\nreseau,Réseau,20\n")
    load_taxonomy(OrganisationRole, path)
    OrganisationRole.objects.create(slug="mecene", label="Mécène", order=90)

    write(path, "slug,label,order,obsolete\nfinanceur,Financeur de l'ESS,10,\nreseau,Réseau,20,1\n")
    assert load_taxonomy(OrganisationRole, path) == 2

    assert OrganisationRole.objects.get(slug="financeur").label == "Financeur de l'ESS"
    assert OrganisationRole.objects.get(slug="reseau").is_obsolete is True
    # A term the CRESS added in the admin is not the file's to retire.
    assert OrganisationRole.objects.get(slug="mecene").is_obsolete is False
