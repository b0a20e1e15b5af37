"""A visitor's suggestion of an offer the catalogue lacks, and its hand-over by the CRESS to a
structure of the directory."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import ProtectedError

from essaim.catalog.models import (
    Offer,
)
from essaim.catalog.services.offers import _search_refresh, offer_save
from essaim.catalog.workflows import MODERATION
from essaim.core import history
from essaim.core.text import fold
from essaim.core.workflows import TransitionRefused
from essaim.organisations.models import Organisation


@transaction.atomic
def offer_suggest(*, title: str, operator_name: str, summary: str, url: str = "", details: str = "") -> Offer:
    """A visitor points out an offer the catalogue lacks: it waits as a suggestion in the
    CRESS's moderation queue, held by a structure hidden from the directory under the name the
    visitor typed. Even when that name is a structure of the directory, the suggestion is not
    attached to it: anyone may type any name, and only the CRESS hands a suggestion to its
    operator (`offer_suggestion_assign`). The public sees nothing until the CRESS publishes."""
    offer = Offer(
        title=title,
        summary=summary,
        description=details,
        url=url,
        operator=_suggestion_holder(operator_name),
        status=Offer.Status.SUGGESTION,
    )
    return offer_save(offer=offer, by=None, summary="Suggestion du public").offer


def _suggestion_holder(operator_name: str) -> Organisation:
    """A hidden structure of that name that nobody belongs to (so no one's workspace shows its
    offers), created if there is none."""
    holder = Organisation.objects.filter(
        search_name=fold(operator_name)[:200], is_active=False, memberships__isnull=True
    ).first()
    return holder or Organisation.objects.create(name=operator_name, is_active=False)


@transaction.atomic
def offer_suggestion_assign(*, offer: Offer, operator: Organisation, by: Any, roles: set[str]) -> Offer:
    """The CRESS hands a suggestion to a structure of the directory: the offer becomes that
    structure's draft, for its editors to complete, and the hidden structure that held it goes
    if nothing else holds to it. Refused (`TransitionRefused`) unless the roles may take up a
    suggestion."""
    offer = Offer.objects.select_for_update().select_related("operator").get(pk=offer.pk)
    MODERATION.check(offer.status, Offer.Status.DRAFT, roles=roles)
    if not operator.is_active:
        raise TransitionRefused(f"« {operator.name} » n'est pas une structure visible de l'annuaire.")
    holder = offer.operator
    with history.tracking(offer, by=by, summary=f"Suggestion confiée à {operator.name}"):
        offer.operator = operator
        offer.status = Offer.Status.DRAFT
        offer.save()
    _search_refresh(offer)
    if not holder.is_active and not holder.memberships.exists() and not holder.offers.exists():
        try:
            with transaction.atomic():
                holder.delete()
        except ProtectedError:  # another module refers to it: it stays, hidden
            pass
    return offer
