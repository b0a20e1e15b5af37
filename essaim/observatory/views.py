"""The observatory's public pages: a territory's figures, readable in two minutes by an elected
official, each with its source and vintage, charts always beside their tables; its portrait as a
tagged PDF for the ESS tour."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from essaim.observatory import queries
from essaim.observatory.portrait import portrait_pdf, territory_context

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
