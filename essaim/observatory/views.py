"""The observatory's public pages: a territory's figures, readable in two minutes by an elected
official, each with its source and vintage, charts always beside their tables; its portrait as a
tagged PDF for the ESS tour."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from essaim.core.middleware import InputRefused
from essaim.observatory import queries
from essaim.observatory.places_map import places_context
from essaim.observatory.portrait import MAP_INDICATORS, MAP_LEVELS, portrait_pdf, region_map, territory_context

PORTRAIT_LEVELS = ("region", "departement", "epci")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return redirect("observatory:territory", level="region", code=settings.ESSAIM_REGION)


@require_safe
def territory(request: HttpRequest, level: str, code: str) -> HttpResponse:
    if level not in queries.LEVEL_CODES or len(code) > 9:
        raise Http404("Ce territoire n'existe pas.")
    context = territory_context(level, code, queries.current_import())
    if context is None:
        raise Http404("Ce territoire n'existe pas.")
    return render(request, "observatory/territory.html", context)


@require_safe
def portrait(request: HttpRequest, level: str, code: str) -> HttpResponse:
    """The territory's portrait, a tagged PDF generated on demand."""
    if level not in PORTRAIT_LEVELS or len(code) > 9:
        raise Http404("Le portrait existe pour une région, un département ou une intercommunalité.")
    run = queries.current_import()
    context = territory_context(level, code, run) if run else None
    if context is None:
        raise Http404("Ce territoire n'existe pas.")
    response = HttpResponse(portrait_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="portrait-ess-{level}-{code}.pdf"'
    return response


@require_safe
def download(request: HttpRequest, level: str) -> HttpResponse:
    """Every territory of a level, with French headings, as CSV for a spreadsheet (semicolons,
    decimal commas). No XLSX: for 35,000 communes it takes openpyxl a quarter of a minute."""
    if level not in queries.LEVEL_CODES or queries.current_import() is None:
        raise Http404("Ce fichier n'existe pas.")
    response = HttpResponse(queries.level_csv(level, french=True), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="observatoire-ess-{level}.csv"'
    return response


@require_safe
def region_map_page(request: HttpRequest) -> HttpResponse:
    """The choropleth of the instance's région, by EPCI or commune, beside its data table."""
    level = request.GET.get("niveau", "epci")
    indicator = request.GET.get("indicateur", "densite")
    if level not in MAP_LEVELS or indicator not in MAP_INDICATORS:
        raise InputRefused(
            "La carte se montre par intercommunalité ou par commune, en établissements employeurs pour 10 000 habitants "
            "ou en part des communes couvertes : choisissez-les dans le formulaire de la page « Carte de l'ESS » de l'observatoire."
        )
    run = queries.current_import()
    region = str(settings.ESSAIM_REGION)
    context = {"run": run, "level": level, "indicator": indicator, "levels": MAP_LEVELS, "indicators": MAP_INDICATORS}
    if run is not None:
        context |= {
            "map": region_map(region, level, indicator, run),
            "region": queries.territory("region", region, run),
        }
    return render(request, "observatory/map.html", context)


@require_safe
def places_page(request: HttpRequest) -> HttpResponse:
    """The ESS places of the instance's région on a map, beside their list."""
    return render(request, "observatory/places.html", places_context(str(settings.ESSAIM_REGION)))
