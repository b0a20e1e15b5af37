"""The general meeting's synthesis and the note for employees (pages, PDF, OpenDocument), and the
answers and plan as CSV or XLSX: for the campaign's pilots only (GET and HEAD)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from essaim.core.tables import XLSX
from essaim.diagnostics import exports
from essaim.diagnostics.documents import campaign_report, file_stem
from essaim.diagnostics.views.common import piloted_campaign

FILE_TYPES = {"pdf": "application/pdf", "odt": "application/vnd.oasis.opendocument.text"}
TABLE_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": XLSX,
}


def _attachment(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _page(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    report = campaign_report(campaign)
    return render(
        request,
        f"diagnostics/{kind}.html",
        {"campaign": campaign, "report": report, "title": exports.DOCUMENTS[kind][0]},
    )


def _file(request: HttpRequest, pk: int, fmt: str, kind: str, suffix: str) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    if fmt not in FILE_TYPES:
        raise Http404("Format inconnu.")
    report = campaign_report(campaign)
    content = exports.document_pdf(kind, report) if fmt == "pdf" else exports.document_odt(kind, report)
    return _attachment(content, FILE_TYPES[fmt], f"{file_stem(campaign)}{suffix}.{fmt}")


@require_safe
@login_required
def general_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, pk, "general_meeting")


@require_safe
@login_required
def general_meeting_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _file(request, pk, fmt, "general_meeting", "")


@require_safe
@login_required
def staff_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, pk, "staff_note")


@require_safe
@login_required
def staff_note_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    return _file(request, pk, fmt, "staff_note", "-note-salaries")


@require_safe
@login_required
def export(request: HttpRequest, pk: int, table: str, fmt: str) -> HttpResponse:
    """The answers (one row each, with the role as the results show it) or the action plan, as
    CSV or XLSX (the answers' workbook holds the plan on a second sheet)."""
    campaign = piloted_campaign(request, pk)
    if fmt not in TABLE_TYPES or table not in exports.TABLES:
        raise Http404("Format inconnu.")
    content = exports.table_export(campaign, table, fmt)
    return _attachment(content, TABLE_TYPES[fmt], f"{file_stem(campaign)}-{table}.{fmt}")
