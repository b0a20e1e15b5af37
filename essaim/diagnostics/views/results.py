"""The results as maturity profiles, and the consolidation of each item (404 to whoever does not
pilot the campaign)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from essaim.diagnostics import results as maturity
from essaim.diagnostics.documents import previous_campaign
from essaim.diagnostics.forms.pilot import PositionForm
from essaim.diagnostics.models import Answer, Campaign, DiagnosticSettings, Item, Position
from essaim.diagnostics.regional import MIN_GROUP, peer_comparison
from essaim.diagnostics.services import (
    DiagnosticRefused,
    position_save,
)
from essaim.diagnostics.views.common import breadcrumb, piloted_campaign
from essaim.diagnostics.vocabulary import ANSWERS, MATURITY, OUTSIDE_SCALE

ANSWER_LABELS = dict(ANSWERS)


def _content(answers: list[tuple[int, str, str, Any, str]], item: Item) -> list[tuple[str, tuple[str, Any, str]]]:
    """(role, (level, figure, practices)) of the item's answers that say something."""
    return [
        (role, (level, value, text))
        for item_id, role, level, value, text in answers
        if item_id == item.pk and (level or value is not None or text)
    ]


def _results_page(
    request: HttpRequest, campaign: Campaign, *, bound: tuple[int, PositionForm] | None = None, status: int = 200
) -> HttpResponse:
    items = list(campaign.items())
    respondents = campaign.respondents.count()
    answers = list(
        Answer.objects.filter(respondent__campaign=campaign).values_list(
            "item_id", "respondent__role", "level", "value", "practices"
        )
    )
    triples = [(item, role, level) for item, role, level, _value, _practices in answers]
    positions = {position.item_id: position for position in Position.objects.filter(campaign=campaign)}
    # Last year's retained level of each item, by code (a code survives a new version of the guide).
    previous = previous_campaign(campaign)
    last_year = (
        {p.item.code: ANSWER_LABELS[p.level] for p in previous.positions.exclude(level="").select_related("item")}
        if previous
        else {}
    )
    show_score = DiagnosticSettings.current().show_global_score
    retained: list[str | None] = []  # each question's level: the team's position, else the median
    themes = []
    for theme in campaign.themes.order_by("order", "pk"):
        questions = [item for item in items if item.domain.theme_id == theme.pk and item.kind == Item.Kind.QUESTION]
        indicators = [item for item in items if item.domain.theme_id == theme.pk and item.kind == Item.Kind.INDICATOR]
        result = maturity.theme_result(theme.title, [item.pk for item in questions], triples, respondents)
        rows = []
        for number, (item, item_result) in enumerate(zip(questions, result.items, strict=True), start=1):
            position = positions.get(item.pk)
            if bound is not None and bound[0] == item.pk:
                form = bound[1]
            else:
                initial = {"level": position.level, "comment": position.comment} if position else {}
                form = PositionForm(initial=initial, auto_id=f"id_item{item.pk}_%s")
            rows.append(
                {
                    "number": number,
                    "item": item,
                    "result": item_result,
                    "counts": [item_result.counts[value] for value, _label in ANSWERS],
                    "role_medians": [
                        (maturity.ROLE_LABELS[role], ANSWER_LABELS[level])
                        for role, level in item_result.role_medians.items()
                    ],
                    "position": position,
                    "last_year": last_year.get(item.code, ""),
                    "form": form,
                    "practices": [
                        (label, text)
                        for label, (_level, _value, text) in maturity.labelled_answers(_content(answers, item))
                        if text
                    ],
                }
            )
        levels = [
            positions[item.pk].level if item.pk in positions and positions[item.pk].level else item_result.median
            for item, item_result in zip(questions, result.items, strict=True)
        ]
        retained += levels
        themes.append(
            {
                "theme": theme,
                "result": result,
                "mean_level": maturity.mean_level(levels) if show_score else None,
                "rows": rows,
                "chart": maturity.stacked_chart(result.items),
                "indicators": [
                    (
                        item,
                        [
                            (label, value)
                            for label, (_level, value, _text) in maturity.labelled_answers(_content(answers, item))
                            if value is not None
                        ],
                    )
                    for item in indicators
                ],
            }
        )
    return render(
        request,
        "diagnostics/pilot/results.html",
        {
            "campaign": campaign,
            "themes": themes,
            "respondents": respondents,
            "answer_labels": [label for _value, label in ANSWERS],
            "legend": [(value, label, maturity.FILLS[value]) for value, label in MATURITY + OUTSIDE_SCALE],
            "breadcrumb": breadcrumb(campaign),
            "peers": peer_comparison(campaign) if campaign.shares_with_peers else None,
            "min_group": MIN_GROUP,
            "min_role": maturity.MIN_ROLE,
            "show_score": show_score,
            "mean_level": maturity.mean_level(retained) if show_score else None,
        },
        status=status,
    )


@login_required
@require_safe
def results(request: HttpRequest, pk: int) -> HttpResponse:
    return _results_page(request, piloted_campaign(request, pk))


@login_required
@require_POST
def consolidate(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    campaign = piloted_campaign(request, pk)
    asked = campaign.items().filter(pk=item).first()
    if asked is None:
        raise Http404("Cette question ne fait pas partie de la campagne.")
    form = PositionForm(request.POST, auto_id=f"id_item{asked.pk}_%s")
    if form.is_valid():
        try:
            position_save(
                campaign=campaign,
                item=asked,
                level=form.cleaned_data["level"],
                comment=form.cleaned_data["comment"],
                by=request.user,
            )
        except DiagnosticRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Position enregistrée.")
            return redirect(reverse("diagnostics:results", args=[campaign.pk]) + f"#item-{asked.pk}")
    return _results_page(request, campaign, bound=(asked.pk, form), status=400)
