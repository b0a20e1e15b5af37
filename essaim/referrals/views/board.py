"""The CRESS's board: open requests by age and state, response time and take-up by partner and
team, the gap table, satisfaction; the export; the routing of a request by hand."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.tables import XLSX, rows_to_csv, rows_to_xlsx
from essaim.core.workflows import TransitionRefused
from essaim.referrals import statistics
from essaim.referrals.exports import COLUMNS, export_rows
from essaim.referrals.forms.board import PeriodForm, RouteForm
from essaim.referrals.models import FLAGGED_DAYS, Referral, Team
from essaim.referrals.services import referral_route
from essaim.referrals.services.common import need_label, vocabulary_label
from essaim.referrals.services.routing import teams_handling
from essaim.referrals.views.common import cress_required

ROUTABLE = (Referral.Status.SENT, Referral.Status.TO_ROUTE, Referral.Status.ABANDONED)


@cress_required
@require_safe
def board(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    form = PeriodForm(request.GET or None, today=timezone.localdate(now))
    start, end = form.period()
    by_partner, by_team = statistics.take_up(statistics.dispatch_facts(start, end))
    context = {
        "form": form,
        "start": start,
        "end": end,
        "open": statistics.open_requests(now),
        "summary": statistics.summary(start, end),
        "by_partner": by_partner,
        "by_team": by_team,
        "gaps": statistics.gap_table(start, end),
        "satisfaction": statistics.satisfaction(start, end),
        "flagged_days": FLAGGED_DAYS,
        "query": request.GET.urlencode() if form.is_bound and form.is_valid() else "",
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "referrals/board/board.html", context, status=status)


@cress_required
@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404("Format d'export inconnu.")
    form = PeriodForm(request.GET or None, today=timezone.localdate())
    if form.is_bound and not form.is_valid():
        return HttpResponse(
            "Période invalide : " + " ".join(str(e) for errors in form.errors.values() for e in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    start, end = form.period()
    rows = export_rows(start, end)
    name = f"demandes-accompagnement-{start.isoformat()}-{end.isoformat()}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(rows_to_csv(rows, COLUMNS), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(rows_to_xlsx(rows, COLUMNS, sheet_name="demandes"), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@cress_required
@require_http_methods(["GET", "POST"])
def route(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral.objects.select_related("commune", "taken_team__organisation"), pk=pk)
    handling = teams_handling(referral)
    teams = (
        Team.objects.active()
        .exclude(dispatches__referral=referral)
        .select_related("organisation")
        .annotate(handles=Case(When(pk__in=handling, then=Value(1)), default=Value(0), output_field=IntegerField()))
        .order_by("-handles", "organisation__name", "name", "pk")
    )
    routable = referral.status in ROUTABLE
    form = RouteForm(request.POST or None, teams=teams)
    status = 200
    if request.method == "POST":
        if form.is_valid() and routable:
            chosen = list(form.cleaned_data["teams"])
            try:
                referral_route(referral=referral, teams=chosen, by=request.user)
            except TransitionRefused as refused:
                form.add_error(None, str(refused))
            else:
                count = len(chosen)
                messages.success(
                    request, f"Demande n° {referral.pk} transmise à {count} équipe{'s' if count > 1 else ''}."
                )
                return redirect("referrals:board")
        elif not routable:
            form.add_error(None, "Cette demande ne peut plus être orientée : elle est prise en charge ou terminée.")
        status = 400
    return render(
        request,
        "referrals/board/route.html",
        {
            "referral": referral,
            "need": need_label(referral.need),
            "audience": vocabulary_label("audiences", referral.audience) if referral.audience else "",
            "dispatches": referral.dispatches.select_related("team__organisation").order_by("sent_at", "pk"),
            "form": form,
            "routable": routable,
        },
        status=status,
    )
