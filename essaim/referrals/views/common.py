"""What the referral views share: finding a request from the requester's private link, or as an
adviser or the CRESS may see it.

A private link (`suivi/<token>/…`) is the key to one request: its route parameter is named
`token`, so that `core.headers` marks every such page `Cache-Control: private, no-store`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from essaim.referrals.models import Referral
from essaim.referrals.perms import can_see_referral, is_adviser, is_cress

MAX_TOKEN_LENGTH = 64


def referral_from_token(token: str) -> Referral:
    """The request this private link belongs to, or 404 (the French page)."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise Http404("Lien de suivi inconnu.")
    referral = (
        Referral.objects.select_related("commune", "taken_team__organisation", "taken_by").filter(token=token).first()
    )
    if referral is None:
        raise Http404("Lien de suivi inconnu.")
    return referral


def referral_for(user: Any, pk: int) -> Referral:
    """The request as this adviser or the CRESS may see it: another team's request is a 404, so
    that its existence is not given away."""
    referral = Referral.objects.select_related("commune", "taken_team__organisation", "taken_by").filter(pk=pk).first()
    if referral is None or not can_see_referral(user, referral):
        raise Http404("Demande introuvable.")
    return referral


View = Callable[..., HttpResponse]


def _requiring(rule: Callable[[Any], bool]) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not rule(request.user):
                raise PermissionDenied("Cet espace est réservé aux équipes partenaires et à la CRESS.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


adviser_required = _requiring(lambda user: is_cress(user) or is_adviser(user))
cress_required = _requiring(is_cress)
