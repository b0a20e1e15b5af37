"""Load benchmark of the public catalogue: its pages and its API, behind gunicorn, on PostgreSQL.

Usage (from the project root; the PostgreSQL database must exist; wrk from Debian's packages):
    sudo apt-get install wrk
    createdb -h 127.0.0.1 -U postgres essaim_bench_api
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/essaim_bench_api .venv/bin/python bench/load_public.py

What it does: migrates, loads all France's territories and the taxonomies, generates 5,000
offers (seeded, so every run has the same catalogue; texts recombined from the demo catalogue's),
starts gunicorn with 2 sync workers, then for each endpoint draws 2,000 varied requests from
realistic profiles (a project at some stage with some needs in a commune of the region, words a
visitor would type, offers opened from results) and has wrk send them from 20, then 100,
concurrent clients, the trivial health endpoint first (the baseline, measured in the same run).
Prints requests/s, p50, p95 and errors, and the throughput as a share of the trivial endpoint's.
"""

from __future__ import annotations

import csv
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ENV = {
    "SECRET_KEY": "bench-only-secret",
    "HTTPS": "false",
    "STATIC_MANIFEST": "false",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DEBUG": "false",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
import tests.environment  # noqa: E402, F401  (the publisher identity production settings demand)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    sys.exit("Donnez DATABASE_URL=postgres://... vers une base vide (voir l'en-tête du script).")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

OFFERS = int(os.environ.get("BENCH_OFFERS", "5000"))
CONCURRENCY = [int(value) for value in os.environ.get("BENCH_CLIENTS", "20,100").split(",")]
DURATION = float(os.environ.get("BENCH_SECONDS", "15"))
WORKERS = 2
PATHS_PER_ENDPOINT = 2000
# What visitors type in the search box (words of the field, as a project leader would put them).
SEARCHES = [
    "financement",
    "financement solidaire",
    "prêt d'honneur",
    "garantie bancaire",
    "subvention",
    "emploi",
    "insertion",
    "accompagnement",
    "création d'entreprise",
    "coopérative",
    "scic",
    "association",
    "tiers-lieu",
    "formation",
    "numérique",
    "trésorerie",
    "investissement",
    "incubateur",
    "économie circulaire",
    "alimentation",
    "mobilité",
    "culture",
    "jeunes",
    "quartiers",
    "rural",
    "reprise",
    "transmission",
    "dla",
    "bénévoles",
    "innovation sociale",
    "fonds propres",
    "épargne solidaire",
    "handicap",
    "environnement",
    "emploi local",
    "conseil juridique",
    "étude de marché",
    "mécénat",
    "prêt",
    "diagnostic",
]
DEMO_OFFERS = ROOT / "essaim" / "catalog" / "demo_data" / "offers.csv"


def demo_texts() -> tuple[list[str], list[str], list[str]]:
    """Titles, summaries and description sentences of the demo catalogue: real French prose, so
    that word frequencies, and thus how many offers a text search matches, look like a real
    catalogue's (random words from a short list would put every word in every offer)."""
    with DEMO_OFFERS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sentences = [
        sentence.strip() + "."
        for row in rows
        for sentence in row["description"].split(". ")
        if len(sentence.strip()) > 20
    ]
    return [row["title"] for row in rows], [row["summary"] for row in rows], sentences


def generate_catalogue() -> None:
    from essaim.catalog.models import Audience, Need, Offer, OfferTerritory, OfferType, Sector, Stage
    from essaim.catalog.services import offer_save
    from essaim.organisations.models import Organisation
    from essaim.territories.models import Commune, Departement, Epci, Region

    rng = random.Random(42)
    if Offer.objects.exists():
        print(f"Catalogue déjà présent : {Offer.objects.count()} offres.")
        return
    operators = [Organisation.objects.create(name=f"Opérateur {number}") for number in range(200)]
    terms = {
        "offer_types": list(OfferType.objects.all()),
        "stages": list(Stage.objects.all()),
        "needs": list(Need.objects.all()),
        "audiences": list(Audience.objects.all()),
        "sectors": list(Sector.objects.all()),
    }
    regions = list(Region.objects.values_list("code", "name"))
    deps_52 = list(Departement.objects.filter(region__code="52").values_list("code", "name"))
    deps_all = list(Departement.objects.values_list("code", "name"))
    epcis_52 = list(
        Epci.objects.filter(communes__departement__region__code="52").distinct().values_list("code", "name")
    )
    communes_52 = list(Commune.objects.in_region("52").values_list("code", "name"))

    def territory() -> tuple[str, str, str]:
        draw = rng.random()
        if draw < 0.15:
            return ("france", "", "France entière")
        if draw < 0.40:
            return ("region", "52", "Pays de la Loire")
        if draw < 0.70:
            return ("departement", *rng.choice(deps_52))
        if draw < 0.80:
            return ("epci", *rng.choice(epcis_52))
        if draw < 0.90:
            return ("commune", *rng.choice(communes_52))
        if draw < 0.95:
            return ("region", *rng.choice(regions))
        return ("departement", *rng.choice(deps_all))

    titles, summaries, sentences = demo_texts()
    started = time.perf_counter()
    offers = Offer.objects.bulk_create(
        [
            Offer(
                title=f"{rng.choice(titles)} ({number})",
                slug=f"offre-{number}",
                summary=rng.choice(summaries),
                description=" ".join(rng.sample(sentences, rng.randint(3, 6))),
                operator=rng.choice(operators),
                status=Offer.Status.PUBLISHED,
                amount_max=rng.choice([None, 5000, 20000, 100000]),
                min_years=rng.choice([None, None, None, 1, 2]),
                external_id=f"bench-{number}",
                # bulk_create skips save(), which computes this date.
                review_due_on=date.today() + timedelta(days=360),
            )
            for number in range(OFFERS)
        ],
        batch_size=1000,
    )
    for relation, choices in terms.items():
        through = getattr(Offer, relation).through
        field = f"{getattr(Offer, relation).field.m2m_reverse_field_name()}_id"
        links = []
        for offer in offers:
            count = 1 if relation == "offer_types" else rng.choice([0, 0, 1, 2, 3])
            for term in rng.sample(choices, count):
                links.append(through(offer_id=offer.pk, **{field: term.pk}))
        through.objects.bulk_create(links, batch_size=5000, ignore_conflicts=True)
    OfferTerritory.objects.bulk_create(
        [
            OfferTerritory(offer=offer, kind=kind, code=code, name=name)
            for offer in offers
            for kind, code, name in {territory() for _ in range(rng.choice([1, 1, 2]))}
        ],
        batch_size=5000,
    )
    # offer_save computes what the text search reads (stems), as for any offer saved on the platform.
    for offer in Offer.objects.select_related("operator").prefetch_related(*terms):
        offer_save(offer=offer, by=None, summary="Génération du banc d'essai")
    print(f"{OFFERS} offres générées en {time.perf_counter() - started:.1f} s.")
    # As autovacuum would do on a live server: fresh statistics and visibility maps.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def endpoints() -> list[tuple[str, list[str]]]:
    """(label, paths) for each endpoint: PATHS_PER_ENDPOINT requests drawn from realistic
    profiles, with a fixed seed so that every run sends the same mix."""
    from essaim.catalog.models import Audience, Need, Offer, Stage
    from essaim.territories.models import Commune

    rng = random.Random(7)
    stages = list(Stage.objects.values_list("slug", flat=True))
    needs = list(Need.objects.values_list("slug", flat=True))
    audiences = list(Audience.objects.values_list("slug", flat=True))
    # Visitors come from where people live: a commune drawn in proportion to its population.
    communes = list(Commune.objects.in_region("52").values_list("code", "population"))
    codes, weights = [code for code, _ in communes], [max(population, 1) for _, population in communes]
    offers = list(Offer.objects.published().values_list("pk", "slug"))

    def profile() -> dict[str, str]:
        answers = {
            "stage": rng.choice(stages),
            "needs": ",".join(rng.sample(needs, rng.choice([1, 1, 2, 3]))),
            "audience": rng.choice(audiences),
        }
        if rng.random() < 0.8:
            answers["commune"] = rng.choices(codes, weights)[0]
        if rng.random() < 0.3:
            answers["years"] = str(rng.choice([0, 1, 2, 5, 10]))
        return answers

    def search() -> dict[str, str]:
        query = {"q": rng.choice(SEARCHES)}
        if rng.random() < 0.3:
            query["commune"] = rng.choices(codes, weights)[0]
        if rng.random() < 0.2:
            query["need"] = rng.choice(needs)
        return query

    def draw(make: Any) -> list[str]:
        return [make() for _ in range(PATHS_PER_ENDPOINT)]

    def with_needs_repeated(answers: dict[str, str]) -> str:
        """The HTML form sends each need as its own parameter (the API also takes a comma list)."""
        pairs = [(key, value) for key, value in answers.items() if key != "needs"]
        pairs += [("needs", need) for need in answers["needs"].split(",")]
        return urlencode(pairs)

    return [
        ("trivial (/sante/)", ["/sante/"]),
        ("accueil (/)", ["/"]),
        ("page d'une offre", draw(lambda: f"/aides/offre/{rng.choice(offers)[1]}/")),
        ("recherche (page)", draw(lambda: "/aides/recherche/?" + urlencode(search()))),
        (
            "résultats orientation (page)",
            draw(lambda: "/aides/orientation/resultats/?" + with_needs_repeated(profile())),
        ),
        ("API orientation", draw(lambda: "/api/v1/orientation?" + urlencode(profile()))),
        ("API recherche", draw(lambda: "/api/v1/offers?" + urlencode(search()))),
        ("API offre", draw(lambda: f"/api/v1/offers/{rng.choice(offers)[0]}")),
    ]


def load_with_wrk(port: int, paths_file: Path, clients: int) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p95 ms, errors) measured by wrk, a load generator written in C that
    leaves the CPU to the server far more than Python would. A non-2xx answer counts as an error."""
    output = subprocess.run(
        [
            "wrk",
            f"--connections={clients}",
            "--threads=2",
            f"--duration={int(DURATION)}s",
            "--timeout=30s",
            f"--script={ROOT / 'bench' / 'wrk_paths.lua'}",
            f"http://127.0.0.1:{port}",
            "--",
            str(paths_file),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report = json.loads(output.strip().splitlines()[-1])
    return report["requests"] / report["seconds"], report["p50_ms"], report["p95_ms"], report["errors"]


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("Installez wrk (sudo apt-get install wrk) : il envoie la charge.")
    call_command("migrate", verbosity=0)
    call_command("setup_reference", verbosity=0)
    generate_catalogue()
    plan = endpoints()
    workdir = Path(tempfile.mkdtemp(prefix="essaim-bench-"))
    port = free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **ENV},
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/sante/")
                break
            except OSError:
                time.sleep(0.2)
        files = []
        for number, (label, paths) in enumerate(plan):
            # Every path must answer 200 before the load: an error page is fast and would flatter.
            for path in dict.fromkeys(paths[:50] + paths[-5:]):
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                probe.request("GET", path)
                status = probe.getresponse().status
                if status != 200:
                    sys.exit(f"{label} : {path} répond {status}.")
            files.append(workdir / f"paths-{number}.txt")
            files[-1].write_text("\n".join(paths) + "\n", encoding="utf-8")
        print(f"gunicorn, {WORKERS} workers ; {DURATION:.0f} s par point d'entrée ; {OFFERS} offres ; wrk")
        for clients in CONCURRENCY:
            print(f"\n{clients} clients simultanés")
            print(f"{'point d entrée':<30} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'erreurs':>8} {'vs trivial':>11}")
            baseline = None
            for (label, _paths), paths_file in zip(plan, files, strict=True):
                rate, p50, p95, errors = load_with_wrk(port, paths_file, clients)
                baseline = baseline or rate
                print(f"{label:<30} {rate:8.1f} {p50:8.1f} {p95:8.1f} {errors:8d} {rate / baseline:10.0%}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
