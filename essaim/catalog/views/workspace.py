"""Operators keep their offers up to date; the CRESS moderates."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from essaim.catalog.editing import OfferForm
from essaim.catalog.freshness import offer_quality
from essaim.catalog.models import Offer, OfferEvent
from essaim.catalog.perms import can_edit_offer, can_moderate, editable_operators, has_own_offers, offer_roles
from essaim.catalog.quality import publication_missing
from essaim.catalog.services import offer_mark_reviewed, offer_save, offer_transition
from essaim.catalog.workflows import MODERATION, offer_channels
from essaim.core.history import entries_of
from essaim.core.workflows import TransitionRefused

# Operators see how their offers were read over this many days.
AUDIENCE_DAYS = 90


@login_required
def my_offers(request: HttpRequest) -> HttpResponse:
    operators = editable_operators(request.user)
    offers = Offer.objects.none()
    today = timezone.localdate()
    if has_own_offers(request.user):
        offers = (
            Offer.objects.filter(operator__in=operators)
            .with_relations()
            .annotate(**_audience_since(timezone.now() - timedelta(days=AUDIENCE_DAYS)))
            .order_by("status", "title")
        )
    # Only the offers of the person's own structures are listed: they act on each as its operator.
    rows = [(offer, offer_quality(offer, today), _actions(offer, {"operator"})) for offer in offers]
    return render(
        request,
        "catalog/workspace/my_offers.html",
        {
            "rows": rows,
            "operators": operators,
            "today": today,
            "is_cress": can_moderate(request.user),
            "audience_days": AUDIENCE_DAYS,
        },
    )


def _audience_since(moment: datetime) -> dict[str, Count]:
    """Views and clicks (apply, contact, more information) of each offer since `moment`, counted
    in the query that lists the offers."""
    recent = Q(events__created_at__gte=moment)
    return {
        "recent_views": Count("events", filter=recent & Q(events__kind=OfferEvent.Kind.VIEW)),
        "recent_clicks": Count("events", filter=recent & ~Q(events__kind=OfferEvent.Kind.VIEW)),
    }


def _actions(offer: Offer, roles: set[str]) -> list[tuple[str, str]]:
    """The status changes offered as buttons: (target status, button label)."""
    return [(move.target, move.label) for move in MODERATION.allowed(offer.status, roles=roles)]


def _save(form: OfferForm, request: HttpRequest) -> Offer:
    saved = offer_save(
        offer=form.offer(), relations=form.relations(), territories=form.cleaned_data["territories"], by=request.user
    )
    return saved.offer


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    operators = editable_operators(request.user)
    if not operators.exists():
        raise PermissionDenied("Votre compte n'est éditeur d'aucune structure.")
    form = OfferForm(request.POST or None, operators=operators, initial={"operator": operators.first()})
    if request.method == "POST" and form.is_valid():
        offer = _save(form, request)
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
        _save(form, request)
        messages.success(request, "Modifications enregistrées.")
        return redirect("catalog:offer_edit", pk=offer.pk)
    return render(
        request,
        "catalog/workspace/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "actions": _actions(offer, offer_roles(request.user, offer)),
            "history": entries_of(offer)[:20],
        },
    )


@login_required
@require_POST
def offer_status(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer, pk=pk)
    roles = offer_roles(request.user, offer)
    if not roles:
        raise PermissionDenied("Cette offre appartient à une autre structure.")
    try:
        offer = offer_transition(
            offer=offer,
            to=request.POST.get("to", "")[:20],
            by=request.user,
            roles=roles,
            comment=request.POST.get("comment", "")[:150],
        )
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"L'offre est maintenant : {offer.get_status_display().lower()}.")
    if can_moderate(request.user) and request.POST.get("next") == "moderation":
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
        .with_relations()
        .order_by("updated_at")
    )
    today = timezone.localdate()
    rows = []
    for offer in queue:
        blockers = publication_missing(offer_channels(offer))
        # "Publier" would only be refused: the moderator reads why instead of a useless button.
        actions = [
            (target, label)
            for target, label in _actions(offer, offer_roles(request.user, offer))
            if not (blockers and target == Offer.Status.PUBLISHED)
        ]
        rows.append((offer, offer_quality(offer, today), blockers, actions))
    return render(request, "catalog/workspace/moderation.html", {"queue": rows})
