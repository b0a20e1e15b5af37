"""What the referral services share: the e-mail context of a request, the CRESS's addresses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from essaim.accounts.models import User
from essaim.core.registries import vocabulary
from essaim.referrals.models import Referral

REMOVED_TERM = "terme retiré de la liste"


class Labels:
    """The French labels of the catalogue's vocabularies, obsolete terms included (a term deleted
    by hand in the admin is shown as such, never as its slug). Each vocabulary is read once per
    `Labels`: a page or an export that shows many requests makes one."""

    def __init__(self) -> None:
        self._read: dict[str, dict[str, str]] = {}

    def of(self, name: str, slug: str) -> str:
        if not slug:
            return ""
        if name not in self._read:
            self._read[name] = dict(vocabulary(name, current_only=False))
        return self._read[name].get(slug, REMOVED_TERM)

    def need(self, slug: str) -> str:
        return self.of("needs", slug)


def vocabulary_label(name: str, slug: str) -> str:
    """One label (for many, a `Labels`)."""
    return Labels().of(name, slug)


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
