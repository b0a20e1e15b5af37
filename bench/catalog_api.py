"""Benchmark: the orientation API and a text search, under load, behind gunicorn (2 workers).

Usage (from the project root; the PostgreSQL database must exist and be empty):
    createdb -h 127.0.0.1 -U postgres essaim_bench_api
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/essaim_bench_api .venv/bin/python bench/catalog_api.py

What it does: migrates, loads all France's territories and the taxonomies, generates 5,000
offers (seeded, so every run has the same catalogue; texts recombined from the demo catalogue's), starts gunicorn with 2 sync workers, then
sends requests from 20 concurrent clients for DURATION seconds to each endpoint, the trivial
health endpoint first (the baseline, measured in the same run). Prints requests/s, p50 and p95.
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
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

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
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "20"))
DURATION = float(os.environ.get("BENCH_SECONDS", "20"))
WORKERS = 2
ENDPOINTS = [
    ("trivial (/sante/)", "/sante/"),
    (
        "orientation API",
        "/api/v1/orientation?stage=creation&needs=financer_demarrage,tresorerie&audience=association&commune=44109",
    ),
    ("text search API", "/api/v1/offers?q=financement+solidaire"),
    ("text search page", "/aides/recherche/?q=financement+solidaire"),
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
    from essaim.catalog.services import offer_refresh_search
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
    for offer in Offer.objects.select_related("operator").prefetch_related(*terms):
        offer_refresh_search(offer)
    print(f"{OFFERS} offres générées en {time.perf_counter() - started:.1f} s.")
    # As autovacuum would do on a live server: fresh statistics and visibility maps.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load(port: int, path: str) -> tuple[int, int, list[float]]:
    """CLIENTS threads send requests in a loop for DURATION seconds; returns (ok, errors, latencies)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + DURATION

    def client() -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                good = response.status == 200
            except OSError:
                good = False
            finally:
                connection.close()
            elapsed = time.perf_counter() - started
            with lock:
                if good:
                    latencies.append(elapsed)
                else:
                    errors += 1

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), errors, latencies


def load_with_wrk(port: int, path: str) -> tuple[float, float, float, int]:
    """(requests/s, p50 ms, p95 ms, errors) measured by wrk, a load generator written in C that
    leaves the CPU to the server far more than Python threads do."""
    output = subprocess.run(
        [
            "wrk",
            f"--connections={CLIENTS}",
            "--threads=2",
            f"--duration={int(DURATION)}s",
            "--timeout=30s",
            f"--script={ROOT / 'bench' / 'wrk_report.lua'}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    report = json.loads(output.strip().splitlines()[-1])
    return report["requests"] / report["seconds"], report["p50_ms"], report["p95_ms"], report["errors"]


def load_with_python(port: int, path: str) -> tuple[float, float, float, int]:
    count, errors, latencies = load(port, path)
    return count / DURATION, percentile(latencies, 0.5) * 1000, percentile(latencies, 0.95) * 1000, errors


def percentile(values: list[float], fraction: float) -> float:
    return statistics.quantiles(values, n=100)[int(fraction * 100) - 1] if len(values) > 1 else values[0]


def tune_database() -> None:
    """The production setting README.md recommends on SSD storage: random reads cost about as
    much as sequential ones, so the planner uses the trigram indexes of the text search."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"ALTER DATABASE {connection.settings_dict['NAME']} SET random_page_cost = 1.1")


def main() -> None:
    call_command("migrate", verbosity=0)
    tune_database()
    call_command("setup_reference", verbosity=0)
    generate_catalogue()
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
        for _label, path in ENDPOINTS:  # warm up every worker's caches and connections
            load_once = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            load_once.request("GET", path)
            assert load_once.getresponse().status == 200, path
        measure = load_with_wrk if shutil.which("wrk") else load_with_python
        print(
            f"gunicorn, {WORKERS} workers ; {CLIENTS} clients ; {DURATION:.0f} s par point d'entrée ; {OFFERS} offres"
        )
        print(f"charge : {'wrk' if measure is load_with_wrk else 'threads Python (installez wrk pour mieux mesurer)'}")
        print(f"{'point d entrée':<22} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'erreurs':>8} {'vs trivial':>11}")
        baseline = None
        for label, path in ENDPOINTS:
            rate, p50, p95, errors = measure(port, path)
            baseline = baseline or rate
            print(f"{label:<22} {rate:8.1f} {p50:8.1f} {p95:8.1f} {errors:8d} {rate / baseline:10.0%}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
