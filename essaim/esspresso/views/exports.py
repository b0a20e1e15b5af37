"""The organiser's files: participants, requests and timetable (CSV, XLSX), badges and the table
plan (PDF)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.tables import XLSX, rows_to_csv, rows_to_xlsx
from essaim.esspresso import exports
from essaim.esspresso.views._organiser import organised_event


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_safe
def export(request: HttpRequest, pk: int, what: str, fmt: str) -> HttpResponse:
    event = organised_event(request, pk)
    if what not in exports.EXPORTS or fmt not in {"csv", "xlsx"}:
        raise Http404("Export inconnu.")
    rows_of, stem, sheet = exports.EXPORTS[what]
    columns, rows = rows_of(event)
    name = f"esspresso-{event.slug}-{stem}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        return _attachment(HttpResponse(rows_to_csv(rows, columns), content_type="text/csv; charset=utf-8"), name)
    return _attachment(HttpResponse(rows_to_xlsx(rows, columns, sheet_name=sheet), content_type=XLSX), name)


@login_required
@require_safe
def badges(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    response = HttpResponse(exports.badges_pdf(event), content_type="application/pdf")
    return _attachment(response, f"esspresso-{event.slug}-badges.pdf")


@login_required
@require_safe
def table_plan(request: HttpRequest, pk: int) -> HttpResponse:
    event = organised_event(request, pk)
    response = HttpResponse(exports.table_plan_pdf(event), content_type="application/pdf")
    return _attachment(response, f"esspresso-{event.slug}-plan-des-tables.pdf")
