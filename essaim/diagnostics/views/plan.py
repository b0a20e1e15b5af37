"""The action plan: its lines by theme with suggested actions, and the action form (404 to
whoever does not pilot the campaign)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.text import parse_id
from essaim.diagnostics.forms.pilot import ActionForm
from essaim.diagnostics.models import Action, Item, Position
from essaim.diagnostics.services import (
    DiagnosticRefused,
    action_save,
)
from essaim.diagnostics.views.common import breadcrumb, piloted_campaign
from essaim.diagnostics.vocabulary import ANSWERS

ANSWER_LABELS = dict(ANSWERS)


@login_required
@require_safe
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    actions = list(
        campaign.actions.select_related("item", "theme").order_by(
            "theme__order", F("due_on").asc(nulls_last=True), "pk"
        )
    )
    items = list(campaign.items().filter(kind=Item.Kind.QUESTION))
    positions = {
        position.item_id: position for position in Position.objects.filter(campaign=campaign).exclude(level="")
    }
    planned = {action.item_id for action in actions if action.item_id}
    themes = []
    for theme in campaign.themes.order_by("order", "pk"):
        suggestions = []
        for item in items:
            position = positions.get(item.pk)
            if item.domain.theme_id != theme.pk or position is None:
                continue
            text = (item.suggested_actions or {}).get(position.level, "")
            if text:
                suggestions.append(
                    {
                        "item": item,
                        "level": ANSWER_LABELS[position.level],
                        "text": text,
                        "planned": item.pk in planned,
                    }
                )
        themes.append(
            {
                "theme": theme,
                "actions": [action for action in actions if action.theme_id == theme.pk],
                "suggestions": suggestions,
            }
        )
    return render(
        request,
        "diagnostics/pilot/plan.html",
        {
            "campaign": campaign,
            "themes": themes,
            "count": len(actions),
            "today": timezone.localdate(),
            "breadcrumb": breadcrumb(campaign),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action: int | None = None) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    existing: Action | None = None
    item: Item | None = None
    if action is not None:
        existing = campaign.actions.select_related("item__domain__theme", "theme").filter(pk=action).first()
        if existing is None:
            raise Http404("Aucune action de ce plan ici.")
        item = existing.item
    elif "item" in request.GET:
        item_id = parse_id(request.GET["item"])
        item = campaign.items().filter(pk=item_id).first() if item_id else None
        if item is None:
            raise Http404("Cette question ne fait pas partie de la campagne.")
    initial: dict[str, Any] = {}
    if existing is not None:
        initial = {
            name: getattr(existing, name)
            for name in ("title", "objective_1y", "objective_3y", "responsible", "due_on", "status", "resources")
        }
        initial["theme"] = existing.theme_id
    elif item is not None:
        position = Position.objects.filter(campaign=campaign, item=item).first()
        suggested = (item.suggested_actions or {}).get(position.level, "") if position else ""
        initial["title"] = suggested[:250]
    form = ActionForm(request.POST or None, campaign=campaign, with_theme=item is None, initial=initial)
    context = {
        "campaign": campaign,
        "form": form,
        "action": existing,
        "item": item,
        "breadcrumb": breadcrumb(campaign, ("Plan d'action", reverse("diagnostics:plan", args=[campaign.pk]))),
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = action_save(
                    campaign=campaign, data=form.cleaned_data, item=item, action=existing, by=request.user
                )
            except DiagnosticRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(request, f"Action « {saved.title} » enregistrée.")
                return redirect(reverse("diagnostics:plan", args=[campaign.pk]) + f"#action-{saved.pk}")
        return render(request, "diagnostics/pilot/action_edit.html", context, status=400)
    return render(request, "diagnostics/pilot/action_edit.html", context)
