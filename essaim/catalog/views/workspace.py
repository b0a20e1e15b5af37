"""Operators keep their offers up to date; the CRESS moderates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from essaim.catalog.editing import OfferForm, offer_save
from essaim.catalog.freshness import offer_quality
from essaim.catalog.models import Offer
from essaim.catalog.perms import can_edit_offer, can_moderate, editable_operators
from essaim.catalog.services import (
    TRANSITION_LABELS,
    TransitionRefused,
    allowed_transitions,
    offer_mark_reviewed,
    offer_transition,
)


@login_required
def my_offers(request: HttpRequest) -> HttpResponse:
    operators = editable_operators(request.user)
    if request.user.is_platform_admin:  # type: ignore[union-attr]
        offers = Offer.objects.none()
    else:
        offers = Offer.objects.filter(operator__in=operators).with_relations().order_by("status", "title")
    today = timezone.localdate()
    rows = [(offer, offer_quality(offer, today), _actions(offer, can_moderate(request.user))) for offer in offers]
    return render(
        request,
        "catalog/workspace/my_offers.html",
        {"rows": rows, "operators": operators, "today": today, "is_cress": can_moderate(request.user)},
    )


def _actions(offer: Offer, is_cress: bool) -> list[tuple[str, str]]:
    return [(target, TRANSITION_LABELS[target]) for target in allowed_transitions(offer, is_cress=is_cress)]


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    operators = editable_operators(request.user)
    if not operators.exists():
        raise PermissionDenied("Votre compte n'est éditeur d'aucune structure.")
    form = OfferForm(request.POST or None, operators=operators, initial={"operator": operators.first()})
    if request.method == "POST" and form.is_valid():
        offer = offer_save(form=form, by=request.user)
        messages.success(request, "Offre enregistrée en brouillon. Soumettez-la à la CRESS quand elle est prête.")
        return redirect("catalog:offer_edit", pk=offer.pk)
    return render(request, "catalog/workspace/offer_form.html", {"form": form, "offer": None})


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer, pk=pk)
    if not can_edit_offer(request.user, offer):
        raise PermissionDenied("Cette offre appartient à une autre structure.")
    form = OfferForm(request.POST or None, instance=offer, operators=editable_operators(request.user))
    if request.method == "POST" and form.is_valid():
        offer_save(form=form, by=request.user)
        messages.success(request, "Modifications enregistrées.")
        return redirect("catalog:offer_edit", pk=offer.pk)
    return render(
        request,
        "catalog/workspace/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "actions": _actions(offer, can_moderate(request.user)),
            "revisions": offer.revisions.select_related("author")[:20],
        },
    )


@login_required
@require_POST
def offer_status(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer, pk=pk)
    is_cress = can_moderate(request.user)
    if not (is_cress or can_edit_offer(request.user, offer)):
        raise PermissionDenied("Cette offre appartient à une autre structure.")
    try:
        offer_transition(
            offer=offer,
            to=request.POST.get("to", ""),
            by=request.user,
            is_cress=is_cress,
            comment=request.POST.get("comment", "")[:150],
        )
    except (TransitionRefused, ValueError) as exc:
        messages.error(request, str(exc) if isinstance(exc, TransitionRefused) else "Statut inconnu.")
    else:
        messages.success(request, f"L'offre est maintenant : {offer.get_status_display().lower()}.")
    if is_cress and request.POST.get("next") == "moderation":
        return redirect("catalog:moderation")
    return redirect("catalog:offer_edit", pk=offer.pk)


@login_required
@require_POST
def offer_reviewed(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer, pk=pk)
    if not can_edit_offer(request.user, offer):
        raise PermissionDenied("Cette offre appartient à une autre structure.")
    offer_mark_reviewed(offer=offer, by=request.user)
    messages.success(request, f"« {offer.title} » est confirmée à jour.")
    return redirect("catalog:my_offers")


@login_required
def moderation(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        raise PermissionDenied("La modération est réservée à l'équipe de la CRESS.")
    queue = (
        Offer.objects.filter(status__in=[Offer.Status.REVIEW, Offer.Status.SUGGESTION])
        .select_related("operator")
        .order_by("updated_at")
    )
    return render(request, "catalog/workspace/moderation.html", {"queue": queue})
