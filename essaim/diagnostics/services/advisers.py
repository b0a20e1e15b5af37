"""Advisers the structure invites to read its diagnostic and plan, and comments on them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from essaim.accounts.models import User, normalise_email
from essaim.accounts.services import password_set_url
from essaim.core.emails import send_templated_email
from essaim.core.history import record_event
from essaim.diagnostics.models import Action, Campaign, CampaignAdviser, Comment, Item
from essaim.diagnostics.services.campaigns import DiagnosticRefused

COMMENT_MAX = 2000


@transaction.atomic
def adviser_invite(*, campaign: Campaign, email: str, full_name: str = "", by: Any) -> CampaignAdviser:
    """Give an adviser read and comment access to the campaign (an account: created without a
    password when the address is unknown; the e-mail then carries the link to choose one)."""
    email = normalise_email(email)
    account = User.objects.filter(email__iexact=email).first()
    if account is None:
        account = User.objects.create_user(email=email, full_name=full_name.strip()[:150])
    if CampaignAdviser.objects.filter(campaign=campaign, user=account).exists():
        raise DiagnosticRefused(f"{email} accompagne déjà cette campagne.")
    try:
        with transaction.atomic():
            adviser = CampaignAdviser.objects.create(campaign=campaign, user=account)
    except IntegrityError as clash:
        raise DiagnosticRefused(f"{email} accompagne déjà cette campagne.") from clash
    record_event(campaign, by=by, summary=f"Conseiller·ère invité·e : {email}", changes={})
    send_templated_email(
        template="emails/diagnostic_adviser",
        to=[email],
        context={
            "campaign": campaign,
            "organisation": campaign.organisation,
            "url": settings.SITE_URL + reverse("diagnostics:review", args=[campaign.pk]),
            "password_url": "" if account.has_usable_password() else password_set_url(account),
        },
    )
    return adviser


@transaction.atomic
def adviser_remove(*, campaign: Campaign, adviser: CampaignAdviser, by: Any) -> None:
    if adviser.campaign_id != campaign.pk:
        raise DiagnosticRefused("Ce conseiller ou cette conseillère n'accompagne pas cette campagne.")
    record_event(campaign, by=by, summary=f"Accès retiré : {adviser.user.email}", changes={})
    adviser.delete()


@transaction.atomic
def comment_add(
    *, campaign: Campaign, author: Any, text: str, item: Item | None = None, action: Action | None = None
) -> Comment:
    """A comment of a pilot or an invited adviser, on the campaign, an item or an action."""
    text = text.strip()
    if not text:
        raise DiagnosticRefused("Écrivez votre commentaire.")
    if len(text) > COMMENT_MAX:
        raise DiagnosticRefused(f"Le commentaire compte {len(text)} caractères : {COMMENT_MAX} au plus.")
    if item is not None and not campaign.items().filter(pk=item.pk).exists():
        raise DiagnosticRefused("Cette question ne fait pas partie de la campagne.")
    if action is not None and action.campaign_id != campaign.pk:
        raise DiagnosticRefused("Cette action appartient à une autre campagne.")
    return Comment.objects.create(campaign=campaign, author=author, text=text, item=item, action=action)
