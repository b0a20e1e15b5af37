"""A structure opens its yearly campaign, invites its respondents, and closes it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from essaim.accounts.models import normalise_email
from essaim.core.emails import send_templated_email
from essaim.core.history import record_event, tracking
from essaim.diagnostics.models import Campaign, Framework, Item, Respondent, Theme
from essaim.diagnostics.vocabulary import MODES, ROLES
from essaim.organisations.models import Organisation


class DiagnosticRefused(ValueError):
    """What was asked cannot be done; the message says why, in French, for the person who asked."""


def current_framework() -> Framework:
    framework = Framework.objects.filter(is_current=True).order_by("-version").first()
    if framework is None:
        raise DiagnosticRefused("Le référentiel des bonnes pratiques n'est pas encore chargé (setup_reference).")
    return framework


@transaction.atomic
def campaign_open(
    *,
    organisation: Organisation,
    year: int,
    pilot: Any,
    pilot_role: str,
    mode: str,
    themes: Iterable[Theme],
    closes_on: date | None = None,
    general_meeting_on: date | None = None,
) -> Campaign:
    """Open the structure's campaign of `year` on the current framework (kept for the whole
    campaign) with the themes chosen for this year; the pilot is its first respondent."""
    framework = current_framework()
    chosen = list(themes)
    if not chosen:
        raise DiagnosticRefused("Choisissez au moins un thème à travailler cette année.")
    if any(theme.framework_id != framework.pk for theme in chosen):
        raise DiagnosticRefused("Ces thèmes appartiennent à une autre version du référentiel.")
    if mode not in dict(MODES) or pilot_role not in dict(ROLES):
        raise DiagnosticRefused("Choisissez le parcours et votre rôle dans la liste.")
    if Campaign.objects.filter(organisation=organisation, year=year).exists():
        raise DiagnosticRefused(f"{organisation.name} a déjà une campagne d'autodiagnostic pour {year}.")
    try:
        with transaction.atomic():
            campaign = Campaign.objects.create(
                organisation=organisation,
                year=year,
                framework=framework,
                mode=mode,
                pilot=pilot,
                closes_on=closes_on,
                general_meeting_on=general_meeting_on,
            )
    except IntegrityError as clash:
        raise DiagnosticRefused(f"{organisation.name} a déjà une campagne d'autodiagnostic pour {year}.") from clash
    campaign.themes.set(chosen)
    campaign.asked.set(Item.objects.filter(domain__theme__in=chosen, is_active=True).for_mode(mode))
    record_event(campaign, by=pilot, summary="Campagne ouverte", changes={"status": [None, campaign.status]})
    Respondent.objects.create(campaign=campaign, email=normalise_email(pilot.email), name=str(pilot), role=pilot_role)
    return campaign


def _open(campaign: Campaign) -> None:
    if campaign.status != Campaign.Status.OPEN:
        raise DiagnosticRefused("La campagne est close : elle ne reçoit plus de réponses ni d'invitations.")


@transaction.atomic
def respondent_invite(*, campaign: Campaign, email: str, role: str, name: str = "", by: Any) -> Respondent:
    """Invite someone to answer, with their role; they receive their personal link by e-mail."""
    _open(campaign)
    email = normalise_email(email)
    if role not in dict(ROLES):
        raise DiagnosticRefused("Choisissez le rôle de la personne dans la liste.")
    if campaign.respondents.filter(email=email).exists():
        raise DiagnosticRefused(f"{email} est déjà invité·e à cette campagne.")
    try:
        with transaction.atomic():
            respondent = Respondent.objects.create(campaign=campaign, email=email, name=name.strip()[:150], role=role)
    except IntegrityError as clash:  # the same invitation sent twice at once
        raise DiagnosticRefused(f"{email} est déjà invité·e à cette campagne.") from clash
    record_event(respondent, by=by, summary="Invitation", changes={"role": [None, role]})
    send_templated_email(
        template="emails/diagnostic_invitation",
        to=[email],
        context={"campaign": campaign, "respondent": respondent, "organisation": campaign.organisation},
    )
    return respondent


@transaction.atomic
def campaign_close(*, campaign: Campaign, by: Any, now: datetime | None = None) -> Campaign:
    """Close the campaign to answers: the results, the plan and the documents stay."""
    _open(campaign)
    with tracking(campaign, by=by, summary="Campagne close"):
        campaign.status = Campaign.Status.CLOSED
        campaign.closed_at = now or timezone.now()
        campaign.save(update_fields=["status", "closed_at"])
    return campaign


@transaction.atomic
def campaign_delete(*, campaign: Campaign, by: Any) -> None:
    """The structure deletes a campaign and everything entered in it: invitations, answers,
    positions, plan, history. Support requests already sent stay with the partners who received
    them (the requester withdraws or deletes them from their own link)."""
    Campaign.objects.filter(pk=campaign.pk).delete()


@transaction.atomic
def campaign_share_with_peers(*, campaign: Campaign, share: bool, by: Any) -> Campaign:
    """The structure turns the comparison with similar structures on or off: its retained levels
    then count, anonymously, in theirs, and it sees theirs (from ten structures)."""
    with tracking(campaign, by=by, summary="Comparaison activée" if share else "Comparaison désactivée"):
        campaign.shares_with_peers = share
        campaign.save(update_fields=["shares_with_peers"])
    return campaign
