"""Search precision on the demo catalogue: for queries a visitor types, the first results are
offers a CRESS adviser would give first.

Each query names the offers (by their demo `external_id`, `*` for a family) that answer it
well. Precision at 5 is the share of the first five results among them, out of five or out of
the number of such offers the search finds when there are fewer. Measured when ranking moved
from "in the title or not, then alphabetical" to weighted fields and counts (issue 9): mean
precision at 5 went from 0.86 to 0.93 (at 3: 0.94 and 0.92), and every query's first result is
a good answer. The threshold keeps that gain.
"""

from __future__ import annotations

from datetime import date
from fnmatch import fnmatch

import pytest

from essaim.catalog.demo import DEMO_DIR
from essaim.catalog.importing import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, offers_import
from essaim.catalog.models import Offer
from essaim.catalog.search import search_offers
from essaim.core.imports import read_csv_file
from essaim.territories.models import Departement, Epci, Region
from tests.territories.factories import _commune

pytestmark = pytest.mark.django_db

# query: the offers that answer it well.
EXPECTED = {
    "financement participatif": ["helloasso", "ulule", "miimosa", "lita-co", "cigales-pdl"],
    "garantie bancaire": ["fa-garantie*", "bpifrance-garantie"],
    "prêt d'honneur": ["initiative-*", "reseau-entreprendre"],
    "scop": ["urscop-*", "socoden-pret", "scop-btp"],
    "insertion": [
        "cd44-insertion",
        "iae-conventionnement-pdl",
        "fondation-vinci-cite",
        "fdi-cvl-2027",
        "marche-inclusion",
    ],
    "numérique": ["solidatech", "fondation-orange-numerique", "anct-conseillers-numeriques"],
    "formation des bénévoles": ["fdva-formation-*", "cdos-*", "fal44-*", "cfga-cvl", "france-benevolat"],
    "emploi associatif": ["fonjep-poste", "rcvl-capasso", "france-travail-pec", "rpdl-groupements-employeurs"],
    "incubateur innovation sociale": ["ecossolies-incubateur", "alterincub-*", "antropia-essec"],
    "subvention association": ["ville-*-subventions", "fdva-fonctionnement-*", "ans-psf-2027", "rcvl-capasso"],
    "tiers-lieu": ["moulin-creatif", "ecossolies-solilab", "orleans-metropole-lab-o"],
    "reprise par les salariés": ["urscop-*-transmission"],
    "trésorerie": [
        "fa-caa-*",
        "fa-garantie*",
        "fa-relance-pdl",
        "fa-developpement-cvl",
        "credit-cooperatif-prets",
        "la-nef-credits",
    ],
    "recruter": [
        "france-travail-pec",
        "iae-conventionnement-pdl",
        "rpdl-groupements-employeurs",
        "fonjep-poste",
        "service-civique-accueil",
        "france-benevolat",
    ],
    "agriculture": [
        "miimosa",
        "initiative-loir-et-cher-agricole",
        "ciap-pdl",
        "terre-de-liens",
        "la-nef-credits",
        "fondation-carasso-2027",
    ],
    "financement": [
        "fa-*",
        "initiative-*",
        "reseau-entreprendre",
        "adie-microcredit",
        "helloasso",
        "ulule",
        "miimosa",
        "lita-co",
        "cigales-pdl",
        "socoden-pret",
        "bpifrance-*",
        "credit-cooperatif-prets",
        "la-nef-credits",
        "terre-de-liens",
        "rpdl-conseil",
        "fondation-*",
        "fdva-*",
        "france-travail-arce",
    ],
    "association": [
        "guidasso-*",
        "fdva-*",
        "cfga-cvl",
        "fonjep-poste",
        "fa-caa-*",
        "rcvl-capasso",
        "ville-*-subventions",
        "fal44-*",
        "france-benevolat",
        "helloasso",
        "urscop-ouest-creation",
    ],
}
MEAN_PRECISION_AT_5 = 0.9


@pytest.fixture
def demo_catalogue(region, roles, taxonomies):
    """The demo catalogue file, imported as `load_demo` does, on the territories it names."""
    centre = Region.objects.get(code="24")
    for code, name, in_region in [
        ("53", "Mayenne", region.region),
        ("72", "Sarthe", region.region),
        ("18", "Cher", centre),
        ("28", "Eure-et-Loir", centre),
        ("36", "Indre", centre),
        ("37", "Indre-et-Loire", centre),
        ("41", "Loir-et-Cher", centre),
    ]:
        Departement.objects.get_or_create(
            code=code, defaults={"name": name, "search_name": name.lower(), "region": in_region}
        )
    for code, name in [("244500468", "Orléans Métropole"), ("200070233", "Communauté de communes")]:
        Epci.objects.get_or_create(code=code, defaults={"name": name, "search_name": name.lower(), "kind": "CC"})
    for code, name, departement in [("72181", "Le Mans", "72"), ("37261", "Tours", "37"), ("18033", "Bourges", "18")]:
        _commune(code, name, Departement.objects.get(code=departement), 100_000)
    # Both demo régions' offers and the national ones: the measure is taken on all of them.
    rows = [
        row
        for path in [DEMO_DIR / "offers.csv", *sorted(DEMO_DIR.glob("offers-*.csv"))]
        for row in read_csv_file(path, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS)
    ]
    # Imported as drafts then published: the measure is about ranking, and without the demo
    # directory the operators' contacts, which publication requires, are unknown here.
    published = [row.values["external_id"] for row in rows if (row.values.get("status") or "published") == "published"]
    for row in rows:
        row.values["status"] = "draft"
    report = offers_import(rows=rows)
    assert report.ok, report.errors
    Offer.objects.filter(external_id__in=published).update(status=Offer.Status.PUBLISHED)


def first_results(query: str) -> list[str]:
    offers, _terms = search_offers({"q": query}, today=date.today())
    return [offer.external_id for offer in offers]


def is_expected(external_id: str, patterns: list[str]) -> bool:
    return any(fnmatch(external_id, pattern) for pattern in patterns)


def precision_at(results: list[str], patterns: list[str], k: int) -> float:
    """Share of the first k results that answer the query, out of k or out of the number of
    good answers the search found when there are fewer."""
    good = [external_id for external_id in results if is_expected(external_id, patterns)]
    if not good:
        return 0.0
    return sum(is_expected(external_id, patterns) for external_id in results[:k]) / min(k, len(good))


def test_the_first_results_of_common_queries_are_the_best_answers(demo_catalogue):
    precisions = {}
    for query, patterns in EXPECTED.items():
        results = first_results(query)
        precisions[query] = precision_at(results, patterns, 5)
        assert results and is_expected(results[0], patterns), (query, results[:5])
    mean = sum(precisions.values()) / len(precisions)
    assert mean >= MEAN_PRECISION_AT_5, precisions
