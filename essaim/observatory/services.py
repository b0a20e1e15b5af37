"""The observatory's writes: a SIRENE import, which replaces the previous one only once complete."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from essaim.observatory.models import Establishment, Perimeter, SireneImport, TerritoryFigures
from essaim.observatory.sirene_figures import FRANCE
from essaim.observatory.sirene_sql import STORED_COLUMNS, Geography, SireneFileError, extract
from essaim.territories.models import Commune, CommuneAlias, Departement, Epci, Region

BATCH = 5000
FRANCE_NAME = "France"


class ObservatoryRefused(Exception):
    """A French message for the person who ran the import; nothing was replaced."""


def geography() -> Geography:
    """Every commune of the referential with its territories, and the former codes."""
    communes = [
        (code, epci or "", departement, region, population)
        for code, epci, departement, region, population in Commune.objects.values_list(
            "code", "epci__code", "departement__code", "departement__region__code", "population"
        ).iterator(chunk_size=5000)
    ]
    return Geography(communes=communes, aliases=dict(CommuneAlias.objects.values_list("code", "commune__code")))


def _names() -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], str] = {(FRANCE, "FR"): FRANCE_NAME}
    for level, model in (("region", Region), ("departement", Departement), ("epci", Epci), ("commune", Commune)):
        names.update(((level, code), name) for code, name in model.objects.values_list("code", "name").iterator())
    return names


def _file(path: Path | None) -> dict[str, Any] | None:
    if path is None or not path.exists():
        return None
    stat = path.stat()
    modified = datetime.fromtimestamp(stat.st_mtime, tz=UTC).isoformat(timespec="seconds")
    return {"name": path.name, "bytes": stat.st_size, "modified": modified}


def sirene_import(
    *,
    units: Path,
    establishments: Path,
    geolocation: Path | None = None,
    region: str = "",
    demo: bool = False,
    log: Callable[[str], None] = lambda message: None,
) -> SireneImport:
    """Import the SIRENE stock files. The figures of every territory are computed; the
    establishments of `region` (all of France when empty) are kept for the map and the lists.
    The new import becomes current only when complete; on failure the previous one stays."""
    perimeter = Perimeter.objects.filter(is_current=True).order_by("-loaded_at").first()
    if perimeter is None:
        raise ObservatoryRefused(
            "Le périmètre de l'ESS n'est pas chargé : lancez d'abord « python manage.py setup_reference »."
        )
    if region and not Region.objects.filter(code=region).exists():
        raise ObservatoryRefused(f"La région « {region} » n'existe pas dans le référentiel des territoires.")
    rules = perimeter.rules()
    run = SireneImport.objects.create(
        region=region,
        demo=demo,
        perimeter_version=perimeter.version,
        rules={
            "categories": dict(sorted(rules.categories.items())),
            "excluded_activities": sorted(rules.excluded_activities),
        },
        files=[entry for entry in (_file(units), _file(establishments), _file(geolocation)) if entry],
    )
    try:
        with tempfile.TemporaryDirectory(prefix="essaim-sirene-") as workdir:
            result = extract(
                units=units,
                establishments=establishments,
                geolocation=geolocation,
                rules=rules,
                geography=geography(),
                region=region or None,
                workdir=Path(workdir),
                log=log,
            )
            _store(run, result.establishments(), log)
        names = _names()
        TerritoryFigures.objects.bulk_create(
            [
                TerritoryFigures(
                    sirene_import=run, level=level, code=code, name=names.get((level, code), code), figures=figures
                )
                for level, code, figures in result.figures
            ],
            batch_size=BATCH,
        )
    except SireneFileError as refused:
        _failed(run, str(refused))
        raise ObservatoryRefused(str(refused)) from refused
    except BaseException:
        _failed(run, "L'import s'est interrompu avant la fin.")
        raise
    with transaction.atomic():
        previous = list(SireneImport.objects.complete().exclude(pk=run.pk).values_list("pk", flat=True))
        SireneImport.objects.filter(pk=run.pk).update(
            status=SireneImport.Status.COMPLETE,
            finished_at=timezone.now(),
            vintage=result.vintage,
            quality=result.quality,
        )
        # Earlier imports keep their figures (the evolution between vintages), not their establishments.
        Establishment.objects.filter(sirene_import__in=previous).delete()
    run.refresh_from_db()
    log(
        f"Import terminé : {result.quality['establishments']} établissements de l'ESS, dont {result.quality['employer_establishments']} employeurs."
    )
    return run


def _store(run: SireneImport, rows: Any, log: Callable[[str], None]) -> None:
    commune_ids = dict(Commune.objects.values_list("code", "pk"))
    stored = 0
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        objects = []
        for row in batch:
            fields = dict(zip(STORED_COLUMNS, row, strict=True))
            commune = fields.pop("commune")
            objects.append(
                Establishment(
                    sirene_import=run,
                    commune_id=commune_ids.get(commune) if commune else None,
                    **{
                        key: ("" if value is None and key in ("naf", "band", "name", "address") else value)
                        for key, value in fields.items()
                    },
                )
            )
        Establishment.objects.bulk_create(objects)
        stored += len(objects)
        log(f"Établissements enregistrés : {stored}")


def _failed(run: SireneImport, message: str) -> None:
    Establishment.objects.filter(sirene_import=run).delete()
    TerritoryFigures.objects.filter(sirene_import=run).delete()
    SireneImport.objects.filter(pk=run.pk).update(
        status=SireneImport.Status.FAILED, finished_at=timezone.now(), error=message
    )
