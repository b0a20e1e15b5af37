"""`import_places`: a CSV of tiers-lieux and PTCE, every row checked first, all written or none."""

from __future__ import annotations

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from essaim.core.history import entries_of
from essaim.core.imports import read_csv
from essaim.core.models import HistoryEntry
from essaim.places.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, places_import
from essaim.places.models import Place, PlaceKind
from tests.organisations.factories import OrganisationFactory
from tests.places.factories import PlaceFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "kind,subtype,name,description,address,commune_code,latitude,longitude,operator_siret,member_sirets,"
    "website,source,updated_on\n"
)
GOOD = HEADER + (
    'tiers_lieu,hybride,Le Solilab,"Lieu de l\'ESS, île de Nantes",8 rue Saint-Domingue,44109,47.2017,-1.5703,'
    "73282932000074,,lieuxcommuns.coop,https://lieuxcommuns.coop,2026-10-01\n"
    "ptce,,Les Écossolies,Pôle de coopération,,44109,,,73282932000074,44000000800001|49000000700008,,"
    "Nantes Métropole,15/09/2026\n"
    'Tiers-lieu,Tiers-lieu culturel,Le 122,,"Rue de la Chalouère",49007,"47,48","-0,55",,,,,\n'
)


@pytest.fixture
def directory(region):
    return {
        "lieux_communs": OrganisationFactory(name="Lieux Communs", siret="73282932000074"),
        "member_44": OrganisationFactory(name="Recyclerie", siret="44000000800001"),
        "member_49": OrganisationFactory(name="Coopérative d'Anjou", siret="49000000700008"),
    }


def run(text: str, *, dry_run: bool = False):
    rows = read_csv(text.encode(), required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    return places_import(rows=rows, dry_run=dry_run)


def messages(report) -> list[str]:
    return [str(error) for error in report.errors]


def test_a_good_file_creates_every_place_with_its_operator_members_and_history(directory):
    report = run(GOOD)

    assert report.ok, messages(report)
    assert report.summary() == "3 lieux ont été créés, aucun mis à jour, aucun inchangé."
    solilab = Place.objects.get(name="Le Solilab")
    assert (solilab.kind, solilab.subtype, solilab.commune.code) == ("tiers_lieu", "hybride", "44109")
    assert (solilab.latitude, solilab.longitude) == (47.2017, -1.5703)
    assert solilab.operator == directory["lieux_communs"]
    assert solilab.website == "https://lieuxcommuns.coop"
    assert solilab.updated_on.isoformat() == "2026-10-01"
    ptce = Place.objects.get(kind=PlaceKind.PTCE)
    assert ptce.updated_on.isoformat() == "2026-09-15"  # a French date is read too
    assert set(ptce.members.all()) == {directory["member_44"], directory["member_49"]}
    assert (ptce.latitude, ptce.longitude) == (None, None)  # nothing invented
    culturel = Place.objects.get(name="Le 122")
    assert (culturel.kind, culturel.subtype, culturel.longitude) == ("tiers_lieu", "culturel", -0.55)
    entry = entries_of(ptce).get()
    assert entry.summary == "Import d'un fichier de lieux"
    assert sorted(entry.changes["members"][1]) == ["Coopérative d'Anjou", "Recyclerie"]


def test_importing_the_same_file_again_updates_rather_than_duplicates(directory):
    run(GOOD)
    again = run(GOOD)
    assert again.summary() == "Aucun lieu créé, aucun mis à jour, 3 lieux sont inchangés."

    changed = GOOD.replace("Le Solilab,", "LE SOLILAB,").replace("2026-10-01", "2026-11-02")
    changed = changed.replace("44000000800001|49000000700008", "44000000800001")
    report = run(changed)

    assert report.summary() == "Aucun lieu créé, 2 lieux ont été mis à jour, 1 lieu est inchangé."
    assert Place.objects.count() == 3
    solilab = Place.objects.get(name="LE SOLILAB")
    assert solilab.updated_on.isoformat() == "2026-11-02"
    assert list(Place.objects.get(kind="ptce").members.all()) == [directory["member_44"]]
    assert HistoryEntry.objects.count() == 5


def test_a_dry_run_counts_exactly_and_writes_nothing(directory):
    report = run(GOOD, dry_run=True)
    assert report.summary() == "3 lieux seraient créés, aucun mis à jour, aucun inchangé."
    assert not Place.objects.exists()
    assert not HistoryEntry.objects.exists()


def test_a_column_absent_from_the_file_leaves_its_field_as_it_is(region):
    place = PlaceFactory(name="Le 122", commune=region.angers, latitude=47.48, longitude=-0.55, source="Ville")
    report = run("kind,name,commune_code,description\ntiers_lieu,Le 122,49007,Nouvelle présentation\n")

    assert report.summary() == "Aucun lieu créé, 1 lieu a été mis à jour, aucun inchangé."
    place.refresh_from_db()
    assert (place.description, place.latitude, place.source) == ("Nouvelle présentation", 47.48, "Ville")


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_written(directory):
    bad = HEADER + (
        "tiers_lieu,coworking,Bon lieu,,,44109,,,,,,,\n"  # line 2, right: still not written
        "musee,,Un musée,,,44109,,,,,,,\n"
        "tiers_lieu,,Sans commune connue,,,99999,,,,,,,\n"
        "tiers_lieu,,Point inversé,,,44109,-1.5703,47.2017,,,,,\n"
        "tiers_lieu,,Demi point,,,44109,47.2,,,,,,\n"
        "tiers_lieu,,Opérateur inconnu,,,44109,,,85000000100006,,,,\n"
        "tiers_lieu,,Mauvais SIRET,,,44109,,,12345678901234,,,,\n"
        "tiers_lieu,,Date fausse,,,44109,,,,,,,2026-02-30\n"
        "tiers_lieu,,Date à venir,,,44109,,,,,,,2999-01-01\n"
        "ptce,coworking,Pôle typé,,,44109,,,,,,,\n"
        "tiers_lieu,,Tiers-lieu avec membres,,,44109,,,,44000000800001,,,\n"
        "tiers_lieu,,,,,44109,,,,,,,\n"
        "tiers_lieu,sauna,Type inconnu,,,44109,,,,,,,\n"
        "tiers_lieu,,Site faux,,,44109,,,,,http://[::1,,\n"
        "tiers_lieu,coworking,bon lieu,,,44109,,,,,,,\n"
    )
    report = run(bad)

    assert messages(report) == [
        "ligne 3 : kind : « musee » n'est pas une nature de lieu (tiers_lieu ou ptce).",
        "ligne 4 : commune_code : aucune commune, actuelle ou ancienne, n'a le code INSEE « 99999 ».",
        "ligne 5 : latitude, longitude : le point (-1,5703 ; 47,2017) est à 7\u202f192 km du centre de Nantes : "
        "la latitude et la longitude semblent inversées.",
        "ligne 6 : latitude et longitude vont ensemble : indiquez les deux, ou aucune.",
        "ligne 7 : operator_siret : aucune structure de l'annuaire n'a le SIRET 85000000100006. Ajoutez-la "
        "d'abord à l'annuaire (import_organisations ou administration), ou retirez ce SIRET.",
        "ligne 8 : operator_siret : « 12345678901234 » : Ce numéro SIRET n'existe pas : sa clé de contrôle est "
        "fausse. Vérifiez chaque chiffre.",
        "ligne 9 : updated_on : « 2026-02-30 » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA).",
        "ligne 10 : updated_on : 2999-01-01 est hors des années 1900 à 2199.",
        "ligne 11 : subtype : seul un tiers-lieu a un type ; laissez la colonne vide pour un PTCE.",
        "ligne 12 : member_sirets : seul un PTCE a des structures membres ; laissez la colonne vide.",
        "ligne 13 : name : valeur obligatoire manquante.",
        "ligne 14 : subtype : « sauna » n'est pas un type de tiers-lieu (coworking, fablab, atelier_partage, "
        "cuisine_partagee, culturel, nourricier, hybride).",
        "ligne 15 : website : « http://[::1 » n'est pas une adresse web valide.",
        "ligne 16 : ce lieu figure déjà à la ligne 2.",
    ]
    assert not Place.objects.exists()
    assert not HistoryEntry.objects.exists()


def test_a_date_still_to_come_is_refused(region, settings):
    report = run("kind,name,commune_code,updated_on\ntiers_lieu,Demain,44109,2199-12-31\n")
    assert messages(report) == [
        "ligne 2 : updated_on : le 31/12/2199 est encore à venir : c'est la date où l'information a été vérifiée."
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("99999999999999999999999", "n'est pas un nombre de degrés décimaux"),
        ("1e309", "n'est pas un nombre de degrés décimaux"),
        ("NaN", "n'est pas un nombre de degrés décimaux"),
        ("inf", "n'est pas un nombre de degrés décimaux"),
        ("٤٧", "n'est pas un nombre de degrés décimaux"),
        ("²", "n'est pas un nombre de degrés décimaux"),
        ("999", "la latitude est comprise entre -90 et 90"),
    ],
)
def test_a_hostile_latitude_gets_a_french_error(region, cell, message):
    report = run(f"kind,name,commune_code,latitude,longitude\ntiers_lieu,Lieu,44109,{cell},-1.55\n")
    (error,) = messages(report)
    assert error.startswith("ligne 2 : latitude") and message in error, error
    assert not Place.objects.exists()


def test_nul_bytes_huge_texts_and_hostile_codes_get_french_errors(region):
    text = (
        "kind,name,commune_code,address,member_sirets\n"
        "tiers_lieu,Lieu\x00nul,44109,,\n"
        f"tiers_lieu,{'x' * 201},44109,,\n"
        f"tiers_lieu,Adresse longue,44109,{'y' * 10_000},\n"
        f"tiers_lieu,Code immense,{'9' * 30},,\n"
        "tiers_lieu,Code exotique,²²²²²,,\n"
        f"ptce,Membres faux,44109,,{'7' * 30}|abc\n"
    )
    report = run(text)

    assert messages(report) == [
        "ligne 2 : caractère nul (octet 0) dans la colonne name : le fichier est sans doute endommagé.",
        "ligne 3 : name : 200 caractères au plus (ici 201).",
        "ligne 4 : address : 250 caractères au plus (ici 10000).",
        "ligne 5 : commune_code : aucune commune, actuelle ou ancienne, n'a le code INSEE « 99999999999999999999 ».",
        "ligne 6 : commune_code : aucune commune, actuelle ou ancienne, n'a le code INSEE « ²²²²² ».",
        f"ligne 7 : member_sirets : « {'7' * 30} » : Le SIRET doit compter 14 chiffres (30 saisis).",
        "ligne 7 : member_sirets : « abc » : Le SIRET ne doit contenir que des chiffres.",
    ]
    assert not Place.objects.exists()


def test_a_commune_code_a_spreadsheet_read_as_a_number_is_padded_back(region):
    from essaim.territories.models import Commune

    Commune.objects.create(
        code="01004", name="Ambérieu-en-Bugey", search_name="amberieu en bugey", departement=region.loire_atlantique
    )
    report = run("kind,name,commune_code\ntiers_lieu,Lieu de l'Ain,1004\n")
    assert report.ok, messages(report)
    assert Place.objects.get().commune.code == "01004"


def test_the_command_imports_a_file_and_says_so_in_french(directory, tmp_path):
    path = tmp_path / "lieux.csv"
    rows = list(csv.reader(StringIO(GOOD)))
    with path.open("w", encoding="utf-8-sig", newline="") as file:  # as a French Excel writes it
        csv.writer(file, delimiter=";").writerows(rows)
    out = StringIO()

    call_command("import_places", str(path), "--dry-run", stdout=out)
    assert "Simulation, rien n'est enregistré : 3 lignes lues. 3 lieux seraient créés" in out.getvalue()
    assert not Place.objects.exists()

    call_command("import_places", str(path), stdout=out)
    assert "3 lieux ont été créés" in out.getvalue()
    assert Place.objects.count() == 3


def test_the_command_refuses_a_bad_file_with_every_error_and_writes_nothing(region, tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text("kind,name,commune_code\nmusee,Un musée,44109\ntiers_lieu,Bon,44109\n", encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError, match="1 erreur dans lieux.csv : rien n'a été importé"):
        call_command("import_places", str(path), stderr=err)
    assert "lieux.csv, ligne 2 : kind : « musee »" in err.getvalue()
    assert not Place.objects.exists()


def test_the_command_refuses_a_file_with_unknown_columns(region, tmp_path):
    path = tmp_path / "lieux.csv"
    path.write_text("kind,name,commune_code,contact_email\n", encoding="utf-8")
    with pytest.raises(CommandError, match="colonnes inconnues : contact_email"):
        call_command("import_places", str(path))


def test_the_command_help_documents_every_column():
    from essaim.places.management.commands.import_places import Command

    for column in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
        assert column in Command.help, column


def test_a_former_commune_code_leads_to_its_commune(region):
    from essaim.territories.models import CommuneAlias

    CommuneAlias.objects.create(code="44999", name="Ancienne commune", kind="COMD", commune=region.nantes)
    report = run(HEADER + "tiers_lieu,coworking,Le Lieu ancien,,,44999,,,,,,,\n")
    assert report.ok
    assert Place.objects.get(name="Le Lieu ancien").commune == region.nantes
