"""Downloads: the action plan, indicator values, a bilan as PDF or OpenDocument (GET and HEAD only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.emails import publisher_identity
from essaim.core.tables import XLSX, rows_to_csv, rows_to_xlsx
from essaim.strategy import exports, perms, services
from essaim.strategy.bilan_document import read_bilan
from essaim.strategy.models import Bilan, BilanFile, IndicatorValue
from essaim.strategy.views.common import dashboard_data, strategy_for


def _attachment(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _table(rows: list[dict[str, object]], columns: list[str], *, fmt: str, name: str, sheet: str) -> HttpResponse:
    """A table as a CSV (for a French Excel) or an XLSX download, the two formats side by side."""
    filename = f"{name}-{timezone.localdate().isoformat()}.{fmt}"
    if fmt == "csv":
        return _attachment(rows_to_csv(rows, columns), "text/csv; charset=utf-8", filename)
    if fmt == "xlsx":
        return _attachment(rows_to_xlsx(rows, columns, sheet_name=sheet), XLSX, filename)
    raise Http404("Format inconnu")


@require_safe
def action_plan(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    actions = exports.plan_actions(perms.visible_actions(request.user, strategy))
    rows = exports.plan_rows(actions, internal=perms.can_read_internal(request.user, strategy))
    return _table(rows, exports.PLAN_COLUMNS, fmt=fmt, name=f"{strategy.code}-plan-actions", sheet="Plan d'actions")


@require_safe
def indicator_values(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    strategy = strategy_for(request, code)
    values = IndicatorValue.objects.filter(indicator__in=perms.visible_indicators(request.user, strategy))
    if not perms.can_read_internal(request.user, strategy):
        values = values.filter(state=IndicatorValue.State.VALIDATED)
    values = values.select_related("indicator").order_by("indicator__name", "measured_on")
    rows = exports.value_rows(values)
    return _table(rows, exports.VALUE_COLUMNS, fmt=fmt, name=f"{strategy.code}-indicateurs", sheet="Valeurs")


BILAN_TYPES = {"pdf": "application/pdf", "odt": "application/vnd.oasis.opendocument.text"}


@require_safe
def bilan_file(request: HttpRequest, code: str, pk: int, fmt: str) -> HttpResponse:
    """The bilan as PDF or OpenDocument. A bilan is frozen, so its file for the public and its
    file for those who steer are rendered once and served from the database afterwards; a lead
    who is not a reader (who sees the internal actions they lead) gets theirs rendered each time."""
    strategy = strategy_for(request, code)
    bilan = get_object_or_404(Bilan.objects.select_related("strategy"), strategy=strategy, pk=pk)
    if not bilan.is_published and not perms.can_read_internal(request.user, strategy):
        raise Http404
    if fmt not in BILAN_TYPES:
        raise Http404("Format inconnu")

    def render() -> bytes:
        context = dashboard_data(request, strategy, read_bilan(bilan.data).content)
        return exports.bilan_pdf(bilan, context) if fmt == "pdf" else exports.bilan_odt(bilan, context)

    if perms.can_read_internal(request.user, strategy):
        audience: str | None = BilanFile.Audience.INTERNAL
    elif request.user.is_authenticated and strategy.actions.led_by(request.user).exists():
        audience = None  # their own view of the bilan, shared with nobody
    else:
        audience = BilanFile.Audience.PUBLIC
    if audience is None:
        content = render()
    else:
        content = services.bilan_file_content(
            bilan=bilan, fmt=fmt, audience=audience, publisher=publisher_identity(), render=render
        )
    return _attachment(content, BILAN_TYPES[fmt], f"{strategy.code}-bilan-{bilan.as_of.isoformat()}.{fmt}")
