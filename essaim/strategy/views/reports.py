"""Progress reports: a lead writes, saves and sends one; a co-pilot validates or returns it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from essaim.core.history import entries_of
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms, services
from essaim.strategy.forms import IndicatorValueForm, ReportForm, ReviewForm
from essaim.strategy.models import ProgressReport, Strategy


def _report(request: HttpRequest, pk: int) -> ProgressReport:
    item = get_object_or_404(ProgressReport.objects.select_related("action", "campaign", "author"), pk=pk)
    # The strategy with the reader's role, so that the checks below cost no query.
    item.action.strategy = Strategy.objects.with_role_of(request.user).get(pk=item.action.strategy_id)
    return item


def _value_forms(request: HttpRequest, report: ProgressReport) -> list[IndicatorValueForm]:
    """One form per indicator of the action the lead may feed (platform metrics excluded)."""
    indicators = report.action.indicators.filter(platform_metric="")
    proposed = {value.indicator_id: value for value in report.indicator_values.all()}
    leads = perms.leads_action(request.user, report.action)
    forms = []
    for indicator in indicators:
        if not leads and not perms.can_propose_value(request.user, indicator):
            continue
        value = proposed.get(indicator.pk)
        initial = (
            {
                "value": str(value.value).replace(".", ","),
                "measured_on": value.measured_on,
                "vintage": value.vintage,
                "source": value.source,
            }
            if value
            else {"source": indicator.source}
        )
        data = request.POST if request.method == "POST" else None
        forms.append(
            IndicatorValueForm(data, indicator=indicator, initial=initial, prefix=f"indicateur-{indicator.pk}")
        )
    return forms


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """A lead writes, saves and submits the report; a co-pilot reads it and validates or returns it."""
    item = _report(request, pk)
    if not perms.can_open_report(request.user, item):
        raise PermissionDenied("Ce point d'avancement concerne une action que vous ne pilotez pas.")
    can_edit = perms.can_edit_action(request.user, item.action)
    is_copilot = perms.is_copilot(request.user, item.action.strategy)
    form = ReportForm(request.POST or None, instance=item) if item.is_writable and can_edit else None
    value_forms = _value_forms(request, item) if form else []
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Seuls les référents de l'action rédigent son point d'avancement.")
        if form is None:
            messages.error(request, services.report_closed_message(item))
            return render(
                request,
                "strategy/workspace/report.html",
                _report_context(request, item, None, [], is_copilot),
                status=409,
            )
        if form.is_valid() and all(value_form.is_valid() for value_form in value_forms):
            proposed = [p for p in (value_form.proposed() for value_form in value_forms) if p]
            try:
                services.report_save(report=item, data=form.cleaned_data, values=proposed, by=request.user)
                if "transmettre" in request.POST:
                    services.report_submit(report=item, by=request.user)
                    messages.success(request, "Point d'avancement transmis aux copilotes. Merci !")
                else:
                    messages.success(request, "Brouillon enregistré.")
                return redirect("strategy:report", pk=item.pk)
            except TransitionRefused as error:
                item.refresh_from_db()
                form.add_error(None, str(error))
                status = 409 if not item.is_writable else 400
        else:
            status = 400
    return render(
        request,
        "strategy/workspace/report.html",
        _report_context(request, item, form, value_forms, is_copilot),
        status=status,
    )


def _report_context(
    request: HttpRequest,
    item: ProgressReport,
    form: ReportForm | None,
    value_forms: list[IndicatorValueForm],
    is_copilot: bool,
) -> dict[str, object]:
    return {
        "report": item,
        "strategy": item.action.strategy,
        "form": form,
        "value_forms": value_forms,
        "values": item.indicator_values.select_related("indicator"),
        "review_form": ReviewForm() if is_copilot and item.state == ProgressReport.State.SUBMITTED else None,
        "history": entries_of(item)[:20],
    }


@login_required
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = _report(request, pk)
    if not perms.is_copilot(request.user, item.action.strategy):
        raise PermissionDenied("Seuls les copilotes valident les points d'avancement.")
    form = ReviewForm(request.POST)
    if not form.is_valid():
        # An unreadable comment is never dropped in silence: nothing is validated without it.
        context = _report_context(request, item, None, [], True)
        context["review_form"] = form
        return render(request, "strategy/workspace/report.html", context, status=400)
    comment = form.cleaned_data["comment"]
    try:
        if "renvoyer" in request.POST:
            services.report_return(report=item, by=request.user, comment=comment)
            messages.success(request, "Point d'avancement renvoyé au référent avec votre commentaire.")
        else:
            services.report_validate(report=item, by=request.user, comment=comment)
            messages.success(request, "Point d'avancement validé : l'action est à jour.")
    except TransitionRefused as error:
        messages.error(request, str(error))
        context = _report_context(request, item, None, [], True)
        context["review_form"] = form if item.state == ProgressReport.State.SUBMITTED else None
        return render(
            request,
            "strategy/workspace/report.html",
            context,
            status=409 if item.state != ProgressReport.State.SUBMITTED else 400,
        )
    return redirect("strategy:report", pk=item.pk)
