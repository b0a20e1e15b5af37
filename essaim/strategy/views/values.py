"""Indicator values: the history of an indicator, where its leads propose values, and the
co-pilots' review of the values proposed outside a report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from essaim.core.history import entries_of_many
from essaim.core.workflows import TransitionRefused
from essaim.strategy import perms, services
from essaim.strategy.forms import IndicatorValueForm
from essaim.strategy.models import Indicator, IndicatorValue
from essaim.strategy.views.common import strategy_for


@require_http_methods(["GET", "HEAD", "POST"])
def indicator_history(request: HttpRequest, code: str, indicator: str) -> HttpResponse:
    """Every value of an indicator with its history; its leads propose values here, co-pilots
    validate or set aside the ones proposed outside a report."""
    strategy = strategy_for(request, code)
    item = get_object_or_404(Indicator, strategy=strategy, code=indicator)
    item.strategy = strategy  # the one fetched with the reader's role
    if not perms.can_view_indicator_history(request.user, item):
        raise PermissionDenied
    can_propose = perms.can_propose_value(request.user, item)
    form = (
        IndicatorValueForm(request.POST or None, indicator=item, initial={"source": item.source})
        if can_propose
        else None
    )
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and (proposed := form.proposed()):
            services.value_propose(proposed=proposed, by=request.user)
            messages.success(request, "Valeur proposée : les copilotes vont l'examiner.")
            return redirect("strategy:indicator_history", code=code, indicator=indicator)
        if form.is_valid():
            form.add_error("value", "Indiquez la valeur à proposer.")
        status = 400
    values = item.values.select_related("proposed_by", "validated_by", "report__action").order_by("-measured_on")
    changes = entries_of_many(IndicatorValue, values.values("pk"))[:50]
    return render(
        request,
        "strategy/indicator_history.html",
        {
            "strategy": strategy,
            "indicator": item,
            "values": values,
            "history": changes,
            "form": form,
            "is_copilot": perms.is_copilot(request.user, strategy),
        },
        status=status,
    )


@login_required
@require_POST
def value_review(request: HttpRequest, pk: int) -> HttpResponse:
    value = get_object_or_404(IndicatorValue.objects.select_related("indicator__strategy"), pk=pk)
    strategy = value.indicator.strategy
    if not perms.is_copilot(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes valident les valeurs des indicateurs.")
    try:
        services.value_review(
            value=value, accept="valider" in request.POST, comment=request.POST.get("comment", ""), by=request.user
        )
        messages.success(request, "Valeur validée." if "valider" in request.POST else "Valeur écartée.")
    except TransitionRefused as error:
        messages.error(request, str(error))
    return redirect("strategy:indicator_history", code=strategy.code, indicator=value.indicator.code)
