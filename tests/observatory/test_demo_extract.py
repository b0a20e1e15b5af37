"""The demo SIRENE extract: INSEE's file names, columns and formats, and proportions that make the
observatory's rules matter. The perimeter and the employer rule are restated here on their own
(research note observatoire.md, §1.2, §1.3, §1.5) and recomputed from the files, so the counts the
generator returns are checked against what it wrote, not against itself."""

from __future__ import annotations

import csv
import re
import tracemalloc
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from essaim.observatory.demo_extract import write_demo_extract
from essaim.observatory.demo_extract_places import DemoCommune, lambert93
from essaim.organisations.siret import validate_siren, validate_siret

UNITE_LEGALE = (
    "siren statutDiffusionUniteLegale unitePurgeeUniteLegale dateCreationUniteLegale sigleUniteLegale sexeUniteLegale "
    "prenom1UniteLegale prenom2UniteLegale prenom3UniteLegale prenom4UniteLegale prenomUsuelUniteLegale "
    "pseudonymeUniteLegale identifiantAssociationUniteLegale trancheEffectifsUniteLegale anneeEffectifsUniteLegale "
    "dateDernierTraitementUniteLegale nombrePeriodesUniteLegale categorieEntreprise anneeCategorieEntreprise dateDebut "
    "etatAdministratifUniteLegale nomUniteLegale nomUsageUniteLegale denominationUniteLegale "
    "denominationUsuelle1UniteLegale denominationUsuelle2UniteLegale denominationUsuelle3UniteLegale "
    "categorieJuridiqueUniteLegale activitePrincipaleUniteLegale nomenclatureActivitePrincipaleUniteLegale "
    "nicSiegeUniteLegale economieSocialeSolidaireUniteLegale societeMissionUniteLegale caractereEmployeurUniteLegale "
    "activitePrincipaleNAF25UniteLegale"
).split()
ETABLISSEMENT = (
    "siren nic siret statutDiffusionEtablissement dateCreationEtablissement trancheEffectifsEtablissement "
    "anneeEffectifsEtablissement activitePrincipaleRegistreMetiersEtablissement dateDernierTraitementEtablissement "
    "etablissementSiege nombrePeriodesEtablissement complementAdresseEtablissement numeroVoieEtablissement "
    "indiceRepetitionEtablissement dernierNumeroVoieEtablissement indiceRepetitionDernierNumeroVoieEtablissement "
    "typeVoieEtablissement libelleVoieEtablissement codePostalEtablissement libelleCommuneEtablissement "
    "libelleCommuneEtrangerEtablissement distributionSpecialeEtablissement codeCommuneEtablissement "
    "codeCedexEtablissement libelleCedexEtablissement codePaysEtrangerEtablissement libellePaysEtrangerEtablissement "
    "identifiantAdresseEtablissement coordonneeLambertAbscisseEtablissement coordonneeLambertOrdonneeEtablissement "
    "complementAdresse2Etablissement numeroVoie2Etablissement indiceRepetition2Etablissement typeVoie2Etablissement "
    "libelleVoie2Etablissement codePostal2Etablissement libelleCommune2Etablissement "
    "libelleCommuneEtranger2Etablissement distributionSpeciale2Etablissement codeCommune2Etablissement "
    "codeCedex2Etablissement libelleCedex2Etablissement codePaysEtranger2Etablissement "
    "libellePaysEtranger2Etablissement dateDebut etatAdministratifEtablissement enseigne1Etablissement "
    "enseigne2Etablissement enseigne3Etablissement denominationUsuelleEtablissement activitePrincipaleEtablissement "
    "nomenclatureActivitePrincipaleEtablissement caractereEmployeurEtablissement activitePrincipaleNAF25Etablissement"
).split()
GEOLOCATION = (
    "siret x y qualite_xy epsg plg_qp24 plg_iris plg_zus plg_qp15 plg_qva plg_code_commune distance_precision "
    "qualite_qp24 qualite_iris qualite_zus qualite_qp15 qualite_qva y_latitude x_longitude"
).split()

# Research note §1.2: the legal categories in the perimeter, by family.
FAMILY_OF_CJ = {
    **dict.fromkeys("9210 9220 9221 9222 9223 9230 9240 9260".split(), "association"),
    "9300": "fondation",
    **dict.fromkeys("8210 8250 8290 6411".split(), "mutuelle"),
    **dict.fromkeys(
        "5191 5192 5193 5194 5195 5196 6595 6596 5203 5307 5309 5443 5451 5453 5454 5455 5458 5459 5460 5543 5547 "
        "5551 5552 5553 5554 5555 5558 5559 5560 5643 5647 5651 5652 5653 5654 5655 5658 5659 5660 6316 6317 6318 "
        "6543 6551 6554 6558 6560".split(),
        "cooperative",
    ),
}
EXCLUDED = ("84.", "94.11Z", "94.20Z", "94.91Z", "94.92Z")  # §1.3
BANDS = "NN 00 01 02 03 11 12 21 22 31 32 41 42 51 52 53".split()  # §2.4
PERSON = "sexe prenom1 prenom2 prenom3 prenom4 prenomUsuel pseudonyme nom nomUsage".split()
MASKED = (
    "complementAdresse numeroVoie indiceRepetition dernierNumeroVoie indiceRepetitionDernierNumeroVoie typeVoie "
    "libelleVoie identifiantAdresse coordonneeLambertAbscisse coordonneeLambertOrdonnee enseigne1 enseigne2 enseigne3 "
    "denominationUsuelle"
).split()
OLD_CODES = {"44180": "44109", "49381": "49007", "85166": "85191"}
COMMUNES = [
    DemoCommune("44109", 323_204, 47.2181, -1.5528, "Nantes", "44000"),
    DemoCommune("49007", 157_555, 47.4784, -0.5632, "Angers", "49000"),
    DemoCommune("72181", 145_004, 48.0061, 0.1996, "Le Mans", "72000"),
    DemoCommune("44184", 73_111, 47.2735, -2.2138, "Saint-Nazaire", "44600"),
    DemoCommune("85191", 57_137, 46.6705, -1.4260, "La Roche-sur-Yon", "85000"),
    DemoCommune("53130", 49_728, 48.0706, -0.7734, "Laval", "53000"),
    DemoCommune("49099", 59_047, 47.0600, -0.8797, "Cholet", "49300"),
    *(
        DemoCommune(f"53{number:03d}", 300 + 97 * number, 48.1 + number / 500, -0.6, f"Bourg {number}")
        for number in range(1, 60)
    ),
]
VINTAGE = date(2026, 5, 1)


def _read(path: Path, delimiter: str = ",") -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file, delimiter=delimiter)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    files = write_demo_extract(
        tmp_path_factory.mktemp("sirene"), communes=COMMUNES, vintage=VINTAGE, establishments=3000, old_codes=OLD_CODES
    )
    units = {row["siren"]: row for row in _read(files.unites_legales)[1]}
    sites = _read(files.etablissements)[1]
    geo = {row["siret"]: row for row in _read(files.geolocalisation, ";")[1]}
    return files, units, sites, geo


def test_the_three_files_have_insee_names_and_every_column_in_insee_order(extract):
    files = extract[0]
    assert [path.name for path in (files.unites_legales, files.etablissements, files.geolocalisation)] == [
        "StockUniteLegale_utf8.csv",
        "StockEtablissement_utf8.csv",
        "GeolocalisationEtablissement_Sirene_pour_etudes_statistiques_utf8.csv",
    ]
    assert _read(files.unites_legales)[0] == UNITE_LEGALE
    assert _read(files.etablissements)[0] == ETABLISSEMENT
    assert _read(files.geolocalisation, ";")[0] == GEOLOCATION
    assert (len(UNITE_LEGALE), len(ETABLISSEMENT), len(GEOLOCATION)) == (35, 54, 19)


def test_every_siren_and_siret_has_a_valid_key_and_each_unit_one_head_office(extract):
    _, units, sites, _ = extract
    head_offices = Counter(row["siren"] for row in sites if row["etablissementSiege"] == "true")
    assert all(validate_siren(siren) == siren for siren in units)
    assert all(validate_siret(row["siret"]) == row["siret"] == row["siren"] + row["nic"] for row in sites)
    assert len({row["siret"] for row in sites}) == len(sites) == 3000
    assert {row["siren"] for row in sites} == set(units)
    assert head_offices == Counter(dict.fromkeys(units, 1))
    assert all(
        units[row["siren"]]["nicSiegeUniteLegale"] == row["nic"] for row in sites if row["etablissementSiege"] == "true"
    )


def test_values_are_in_insee_formats(extract):
    _, units, sites, geo = extract
    day, stamp = re.compile(r"\d{4}-\d\d-\d\d$"), re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
    for row in sites:
        assert day.match(row["dateCreationEtablissement"]) and day.match(row["dateDebut"])
        assert stamp.match(row["dateDernierTraitementEtablissement"])
        assert row["etablissementSiege"] in ("true", "false")
        assert row["etatAdministratifEtablissement"] in ("A", "F")
        assert row["caractereEmployeurEtablissement"] in ("O", "N", "")
        assert re.fullmatch(
            r"\d\d\.\d\d[A-Z]" if row["nomenclatureActivitePrincipaleEtablissement"] == "NAFRev2" else r"\d\d\.\d[A-Z]",
            row["activitePrincipaleEtablissement"],
        )
        assert (
            re.fullmatch(r"\d\d", row["trancheEffectifsEtablissement"]) or row["trancheEffectifsEtablissement"] == "NN"
        )
    for row in units.values():
        assert re.fullmatch(r"\d{4}", row["categorieJuridiqueUniteLegale"])
        assert row["economieSocialeSolidaireUniteLegale"] in ("O", "N", "")
        assert row["etatAdministratifUniteLegale"] in ("A", "C")
        assert row["caractereEmployeurUniteLegale"] == ""  # no longer managed by INSEE
    assert {row["qualite_xy"] for row in geo.values()} == {"11", "12", "21", "22", "33"}
    assert {row["epsg"] for row in geo.values()} == {"2154"}


def test_the_perimeter_holds_realistic_proportions_and_the_counts_match_the_files(extract):
    files, units, sites, _ = extract
    ess, ess_employer, excluded, active, employer = Counter(), Counter(), 0, 0, 0
    for row in sites:
        if row["etatAdministratifEtablissement"] != "A":
            continue
        active += 1
        unit = units[row["siren"]]
        employs = row["caractereEmployeurEtablissement"] == "O" or row["trancheEffectifsEtablissement"] in BANDS[1:]
        employer += employs
        family = FAMILY_OF_CJ.get(unit["categorieJuridiqueUniteLegale"])
        if (
            not family
            and unit["economieSocialeSolidaireUniteLegale"] == "O"
            and unit["categorieJuridiqueUniteLegale"][0] == "5"
        ):
            family = "commerciale"
        if family and row["activitePrincipaleEtablissement"].startswith(EXCLUDED):
            excluded += 1
        elif family:
            ess[family] += 1
            ess_employer[family] += employs
    counts = files.counts
    assert (counts.active, counts.employer, counts.ess, counts.ess_excluded_activity) == (
        active,
        employer,
        ess.total(),
        excluded,
    )
    assert counts.ess_by_family == +ess
    assert counts.ess_employer_by_family == +ess_employer
    assert 0.65 <= ess["association"] / ess.total() <= 0.85
    assert 0.08 <= ess.total() / active <= 0.15
    assert ess_employer["association"] / ess_employer.total() > 0.55
    assert set(ess) == {"association", "cooperative", "mutuelle", "fondation", "commerciale"}
    assert excluded > 0 and counts.closed == len(sites) - active > 0


def test_partial_diffusion_masks_what_insee_masks_and_is_never_mapped(extract):
    files, units, sites, geo = extract
    partial = [row for row in sites if row["statutDiffusionEtablissement"] == "P"]
    assert len(partial) == files.counts.partial_diffusion > 0
    for row in partial:
        assert all(row[f"{name}Etablissement"] == "[ND]" for name in MASKED)
        assert row["codeCommuneEtablissement"] and row["siret"] not in geo
    for unit in units.values():
        if unit["statutDiffusionUniteLegale"] == "P" and unit["categorieJuridiqueUniteLegale"] == "1000":
            assert all(unit[f"{name}UniteLegale"] == "[ND]" for name in PERSON)


def test_names_of_persons_appear_only_on_sole_traders_and_are_obviously_fake(extract):
    _, units, _, _ = extract
    named = [unit for unit in units.values() if any(unit[f"{name}UniteLegale"] for name in PERSON)]
    assert named and {unit["categorieJuridiqueUniteLegale"] for unit in named} == {"1000"}
    values = {unit[f"{name}UniteLegale"] for unit in named for name in ("nom", "prenom1", "nomUsage", "prenom2")}
    assert all("FICTIF" in value for value in values - {"", "[ND]"})
    assert all(unit["denominationUniteLegale"] == "" for unit in named)


def test_the_special_cases_an_import_must_survive_are_there(extract):
    files, _, sites, geo = extract
    counts = files.counts
    abroad = [row for row in sites if row["codePaysEtrangerEtablissement"]]
    assert len(abroad) == counts.abroad > 0
    assert all(row["codeCommuneEtablissement"] == "" and row["siret"] not in geo for row in abroad)
    former = [row for row in sites if row["codeCommuneEtablissement"] in OLD_CODES]
    assert len(former) == counts.old_codes > 0
    for row in former:  # geolocated in today's commune, as INSEE's geocoding does
        point = geo.get(row["siret"])
        assert point is None or point["plg_code_commune"] == OLD_CODES[row["codeCommuneEtablissement"]]
    bad = [row for row in sites if row["trancheEffectifsEtablissement"] not in BANDS]
    assert len(bad) == counts.bad_bands > 0
    assert {row["caractereEmployeurEtablissement"] for row in sites} == {"O", "N", ""}
    assert counts.disagreements > 0 and counts.head_offices < len(sites) and len(geo) == counts.geolocated


def test_points_lie_near_the_centre_of_their_commune_with_lambert_coordinates(extract):
    _, _, sites, geo = extract
    centres = {commune.code: commune for commune in COMMUNES}
    for row in sites:
        point = geo.get(row["siret"])
        if point is None:
            continue
        centre = centres[point["plg_code_commune"]]
        latitude, longitude = float(point["y_latitude"]), float(point["x_longitude"])
        assert abs(latitude - centre.latitude) < 0.1 and abs(longitude - centre.longitude) < 0.15
        x, y = lambert93(latitude, longitude)
        assert abs(float(point["x"]) - x) < 1 and abs(float(point["y"]) - y) < 1
        assert row["coordonneeLambertAbscisseEtablissement"] == point["x"]


@pytest.mark.parametrize(
    ("latitude", "longitude", "x", "y"),
    # Reference values from pyproj (EPSG:4326 to EPSG:2154).
    [(46.5, 3.0, 700000.0, 6600000.0), (47.218, -1.5536, 355575.24, 6689678.75), (42.6, 9.4, 1225358.33, 6188001.02)],
)
def test_lambert93_matches_the_reference_projection(latitude, longitude, x, y):
    assert lambert93(latitude, longitude) == pytest.approx((x, y), abs=0.01)


def test_the_same_seed_writes_the_same_files_and_another_seed_others(tmp_path):
    def contents(seed, name):
        files = write_demo_extract(tmp_path / name, communes=COMMUNES, vintage=VINTAGE, seed=seed, establishments=300)
        return [path.read_bytes() for path in (files.unites_legales, files.etablissements, files.geolocalisation)]

    assert contents("a", "first") == contents("a", "again") != contents("b", "other")


def test_zipped_files_hold_the_same_csv_under_the_same_name(tmp_path):
    plain = write_demo_extract(tmp_path / "plain", communes=COMMUNES, vintage=VINTAGE, establishments=200)
    zipped = write_demo_extract(tmp_path / "zip", communes=COMMUNES, vintage=VINTAGE, establishments=200, zipped=True)
    for csv_path, zip_path in zip(
        (plain.unites_legales, plain.etablissements, plain.geolocalisation),
        (zipped.unites_legales, zipped.etablissements, zipped.geolocalisation),
        strict=True,
    ):
        assert zip_path.name == csv_path.with_suffix(".zip").name
        with zipfile.ZipFile(zip_path) as archive:
            assert archive.namelist() == [csv_path.name]
            assert archive.read(csv_path.name) == csv_path.read_bytes()
    assert zipped.counts == plain.counts


def test_memory_does_not_grow_with_the_number_of_rows(tmp_path):
    """Rows are written as they are drawn: ten times more rows, about the same peak."""

    def peak(establishments):
        tracemalloc.start()
        write_demo_extract(
            tmp_path / str(establishments), communes=COMMUNES, vintage=VINTAGE, establishments=establishments
        )
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    small = peak(150)
    assert peak(1500) < 2 * small


def test_an_extract_needs_communes_and_a_sensible_size(tmp_path):
    with pytest.raises(ValueError):
        write_demo_extract(tmp_path, communes=[], vintage=VINTAGE)
    with pytest.raises(ValueError):
        write_demo_extract(tmp_path, communes=COMMUNES, vintage=VINTAGE, establishments=0)
