"""Être accompagné from the diagnostic: the pilot asks for support on some of this year's themes,
sharing what the diagnostic says of them, through the support-request module's public service."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from essaim.diagnostics.models import Campaign, Position, Theme
from essaim.diagnostics.services.campaigns import DiagnosticRefused
from essaim.diagnostics.vocabulary import ANSWERS
from essaim.referrals.services import ReferralContext, ReferralInvalid, ReferralReceipt, Source, referral_create

CONTEXT = "autodiagnostic"
DESCRIPTION_MAX = 5000


def shared_summary(campaign: Campaign, themes: Iterable[Theme]) -> str:
    """What the partner reads of the diagnostic: for each theme shared, the level the team
    retained on each item and the actions of its plan; nothing of individual answers."""
    labels = dict(ANSWERS)
    lines: list[str] = []
    for theme in themes:
        lines.append(f"{theme.title} :")
        positions = (
            Position.objects.filter(campaign=campaign, item__domain__theme=theme)
            .exclude(level="")
            .select_related("item")
            .order_by("item__domain__order", "item__order")
        )
        lines += [f"- {position.item.text} → {labels.get(position.level, position.level)}" for position in positions]
        lines += [f"- Action prévue : {action.title}" for action in campaign.actions.filter(theme=theme)]
        if len(lines) and lines[-1].endswith(" :"):
            lines.append("- (pas encore de position retenue)")
    return "\n".join(lines)


@transaction.atomic
def support_request(
    *,
    campaign: Campaign,
    by: Any,
    need: str,
    themes: Iterable[Theme],
    consent: bool,
    phone: str = "",
    message: str = "",
) -> ReferralReceipt:
    """Send a support request for the structure, with the parts of the diagnostic the pilot
    chose to share; the request can be followed back from the campaign (`referral_states`)."""
    organisation = campaign.organisation
    chosen = list(themes)
    if not chosen:
        raise DiagnosticRefused("Choisissez au moins un thème à partager avec le partenaire.")
    if any(not campaign.themes.filter(pk=theme.pk).exists() for theme in chosen):
        raise DiagnosticRefused("Ces thèmes ne font pas partie de la campagne.")
    if organisation.commune is None:
        raise DiagnosticRefused(
            f"La commune de {organisation.name} n'est pas renseignée dans l'annuaire : elle sert à trouver "
            "le partenaire de votre territoire. Complétez la fiche de la structure."
        )
    intro = message.strip()
    shared = "Extraits de l'autodiagnostic partagés par la structure :\n" + shared_summary(campaign, chosen)
    description = f"{intro}\n\n{shared}" if intro else shared
    legal_form = organisation.legal_category if len(organisation.legal_category or "") == 4 else ""
    try:
        return referral_create(
            need=need,
            commune=organisation.commune,
            consent=consent,
            email=by.email,
            phone=phone,
            name=str(by),
            project_name=organisation.name,
            legal_form=legal_form,
            description=description[:DESCRIPTION_MAX],
            source=Source.DIAGNOSTIC,
            context=ReferralContext(
                kind=CONTEXT, id=campaign.pk, label=f"Autodiagnostic {campaign.year} de {organisation.name}"
            ),
        )
    except ReferralInvalid as refused:
        raise DiagnosticRefused(" ".join(refused.errors.values())) from refused
