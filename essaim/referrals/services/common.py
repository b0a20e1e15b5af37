"""What the referral services share: the e-mail context of a request, the CRESS's addresses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from essaim.accounts.models import User
from essaim.core.registries import vocabulary
from essaim.referrals.models import Referral


def vocabulary_label(name: str, slug: str) -> str:
    """The French label of a slug of the catalogue's vocabularies, an obsolete term included
    (a term deleted by hand in the admin is shown as such, never as its slug)."""
    return dict(vocabulary(name, current_only=False)).get(slug, "terme retiré de la liste")


def need_label(slug: str) -> str:
    return vocabulary_label("needs", slug)


def email_context(referral: Referral) -> dict[str, Any]:
    """What every e-mail about a request may say: never a sentence the requester typed."""
    return {
        "referral": referral,
        "need": need_label(referral.need),
        "commune": referral.commune,
        "follow_url": settings.SITE_URL + referral.get_absolute_url(),
        "adviser_url": settings.SITE_URL + reverse("referrals:detail", args=[referral.pk]),
        "board_url": settings.SITE_URL + reverse("referrals:board"),
    }


def cress_addresses() -> list[str]:
    return list(
        User.objects.filter(administers_platform=True, is_active=True).order_by("pk").values_list("email", flat=True)
    )
