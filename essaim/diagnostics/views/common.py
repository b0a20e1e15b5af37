"""What the diagnostic's views share: finding a respondent from their personal link, and a
campaign as its pilots or its invited advisers may see it (another structure's is a 404).

A personal link (`repondre/<token>/…`) is a respondent's key: its route parameter is named
`token`, so that `core.headers` marks every such page `Cache-Control: private, no-store`."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.urls import reverse

from essaim.diagnostics.models import Campaign, Respondent

MAX_TOKEN_LENGTH = 64


def respondent_from_token(token: str) -> Respondent:
    """The respondent this personal link belongs to, or 404 (the French page)."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("Lien de réponse inconnu.")
    respondent = (
        Respondent.objects.select_related("campaign__organisation", "campaign__framework").filter(token=token).first()
    )
    if respondent is None:
        raise Http404("Lien de réponse inconnu.")
    return respondent


def piloted_campaign(request: HttpRequest, pk: int) -> Campaign:
    """The campaign, if this account pilots it; otherwise a 404, so that another structure's
    diagnostic is not even confirmed to exist (the CRESS included: it is private)."""
    campaign = (
        Campaign.objects.piloted_by(request.user).select_related("organisation", "framework").filter(pk=pk).first()
    )
    if campaign is None:
        raise Http404("Aucune campagne d'autodiagnostic à piloter ici.")
    return campaign


def readable_campaign(request: HttpRequest, pk: int) -> Campaign:
    """The campaign, if this account pilots it or was invited to accompany it; otherwise a 404."""
    campaign = (
        Campaign.objects.readable_by(request.user).select_related("organisation", "framework").filter(pk=pk).first()
    )
    if campaign is None:
        raise Http404("Aucune campagne d'autodiagnostic ici.")
    return campaign


def breadcrumb(campaign: Campaign, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return [
        ("Autodiagnostic", reverse("diagnostics:home")),
        (f"{campaign.organisation.name} — {campaign.year}", campaign.get_absolute_url()),
        *more,
    ]
