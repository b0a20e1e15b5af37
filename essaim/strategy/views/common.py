"""What several strategy pages share: fetching a strategy for the reader (with their role, so
that the permission checks of the page cost no query) and the data of a dashboard."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from essaim.core import charts
from essaim.strategy import bilan_data, perms
from essaim.strategy.models import Action, Campaign, Strategy
from essaim.strategy.vocabulary import overdue
from essaim.strategy.workflows import CAMPAIGN_FLOW

# Labels in the order the tables show them (a météo not given comes last).
LABELS = {
    "status_labels": dict(Action.Status.choices),
    "weather_labels": {key: dict(Action.Weather.choices)[key] for key in bilan_data.WEATHER_ORDER},
}


def strategy_for(request: HttpRequest, code: str) -> Strategy:
    """The strategy, if this person may see it (a 404 otherwise, as if it did not exist)."""
    strategy = get_object_or_404(Strategy.objects.select_related("region").with_role_of(request.user), code=code)
    if not perms.can_view_strategy(request.user, strategy):
        raise Http404
    return strategy


def copiloted_strategy(request: HttpRequest, code: str) -> Strategy:
    """The strategy, if this person co-pilots it (a 403 otherwise)."""
    strategy = get_object_or_404(Strategy.objects.with_role_of(request.user), code=code)
    if not perms.is_copilot(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes de la stratégie ont accès à cette page.")
    return strategy


def board_strategy(request: HttpRequest, code: str) -> Strategy:
    """The strategy, if this person may read its steering board (a 403 otherwise)."""
    strategy = get_object_or_404(Strategy.objects.with_role_of(request.user), code=code)
    if not perms.can_view_board(request.user, strategy):
        raise PermissionDenied("Seuls les copilotes et les lecteurs de la stratégie ont accès à cette page.")
    return strategy


def dashboard_data(request: HttpRequest, strategy: Strategy, data: dict[str, Any]) -> dict[str, Any]:
    """What a strategy or bilan page shows, filtered for the reader."""
    internal = perms.can_read_internal(request.user, strategy)
    led: frozenset[str] = frozenset()
    if not internal and request.user.is_authenticated:
        led = frozenset(strategy.actions.led_by(request.user).values_list("code", flat=True))
    view = data if internal else bilan_data.public_view(data, also=led)
    words = overdue(ended=strategy.is_ended_on(date.fromisoformat(view["as_of"])))
    return {
        "data": view,
        "tree": bilan_data.tree(view),
        "internal": internal,
        **LABELS,
        "charts": {item["code"]: indicator_chart(item) for item in view["indicators"]},
        "kind_labels": {"contexte": "de contexte", "activite": "d'activité", "resultat": "de résultat"},
        # Actions open past their end are "en retard" while the strategy runs, "non réalisées" after.
        "overdue": words,
        "summary": bilan_data.summary(view["counts"], overdue=words),
        # An action's page is this prefix, its code and "/" (reversed once, not once per action).
        "action_url_prefix": reverse("strategy:action", args=[strategy.code, "-"]).removesuffix("-/"),
    }


def indicator_chart(item: dict[str, Any]) -> charts.Chart | None:
    values = [(date.fromisoformat(value["on"]), float(value["value"])) for value in item["values"]]
    targets = [(date.fromisoformat(item["target_on"]), float(item["target"]))] if item["target"] is not None else []
    baseline = float(item["baseline"]) if item["baseline"] is not None else None
    return charts.line_chart(values, targets, baseline)


# The campaign's moves as the board's URLs name them, and the states they lead to.
CAMPAIGN_TRANSITIONS = {"ouvrir": Campaign.Status.OPEN, "clore": Campaign.Status.CLOSED}


def campaign_moves(campaign: Campaign, *, today: date) -> list[str]:
    """The moves co-pilots may make on the campaign now (read from `CAMPAIGN_FLOW`), as URL names;
    a campaign of an ended strategy is no longer opened (`services.campaign_open` refuses it)."""
    targets = {move.target for move in CAMPAIGN_FLOW.allowed(campaign.status, roles={"copilot"})}
    if campaign.strategy.is_ended_on(today):
        targets.discard(Campaign.Status.OPEN)
    return [name for name, target in CAMPAIGN_TRANSITIONS.items() if target in targets]
