"""Operators keep their offers up to date; the CRESS moderates."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from essaim.catalog import services
from essaim.catalog.editing import OfferForm
from essaim.catalog.freshness import offer_quality
from essaim.catalog.models import TAXONOMY_MODELS, Offer, OfferEvent, OfferRevision
from essaim.catalog.perms import can_edit_offer, can_moderate, editable_operators, has_own_offers, offer_roles
from essaim.catalog.quality import publication_missing
from essaim.catalog.services import OfferRevised, offer_mark_reviewed, offer_transition
from essaim.catalog.workflows import MODERATION, REVISION, offer_channels
from essaim.core.history import describe_changes, entries_of
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
            .annotate(revision_status=_last_revision_status())
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


def _last_revision_status() -> Subquery:
    """The status of the offer's latest change after publication that the operator waits for
    or should read (pending, accepted, refused), in the query that lists the offers."""
    waited = [OfferRevision.Status.PENDING, OfferRevision.Status.APPROVED, OfferRevision.Status.REFUSED]
    latest = OfferRevision.objects.filter(offer=OuterRef("pk"), status__in=waited).order_by("-updated_at", "-pk")
    return Subquery(latest.values("status")[:1])


def _actions(offer: Offer, roles: set[str]) -> list[tuple[str, str]]:
    """The status changes offered as buttons: (target status, button label)."""
    return [(move.target, move.label) for move in MODERATION.allowed(offer.status, roles=roles)]


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    operators = editable_operators(request.user)
    if not operators.exists():
        raise PermissionDenied("Votre compte n'est éditeur d'aucune structure.")
    form = OfferForm(request.POST or None, operators=operators, initial={"operator": operators.first()})
    if request.method == "POST" and form.is_valid():
        saved = services.offer_create(
            offer=form.offer(),
            by=request.user,
            token=form.cleaned_data["creation_token"],
            relations=form.relations(),
            territories=form.cleaned_data["territories"],
        )
        if not saved.created and not can_edit_offer(request.user, saved.offer):
            raise PermissionDenied("Cette offre appartient à une autre structure.")
        if saved.created:
            messages.success(request, "Offre enregistrée en brouillon. Soumettez-la à la CRESS quand elle est prête.")
        # Sent twice (a double click, a reload): the draft the first sending created.
        return redirect("catalog:offer_edit", pk=saved.offer.pk)
    return render(request, "catalog/workspace/offer_form.html", {"form": form, "offer": None})


EDIT_MESSAGES = {
    OfferRevised.SAVED: "Modifications enregistrées.",
    OfferRevised.UNCHANGED: "Rien n'a changé.",
    OfferRevised.PENDING: (
        "Votre modification attend l'accord de la CRESS. D'ici là, le public voit toujours la version publiée."
    ),
    OfferRevised.LIVE: "Modification publiée. La CRESS en est informée.",
    OfferRevised.WITHDRAWN: "La modification en attente est retirée : l'offre publiée reste telle quelle.",
}


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(Offer, pk=pk)
    if not can_edit_offer(request.user, offer):
        raise PermissionDenied("Cette offre appartient à une autre structure.")
    roles = offer_roles(request.user, offer)
    revisions = offer.revisions.order_by("-updated_at", "-pk")
    pending = revisions.filter(status=OfferRevision.Status.PENDING).first()
    operators = editable_operators(request.user)
    if request.method == "POST":
        form = OfferForm(request.POST, instance=offer, operators=operators)
        if form.is_valid():
            revised = services.offer_revise(
                offer=form.offer(),
                by=request.user,
                roles=roles,
                relations=form.relations(),
                territories=form.cleaned_data["territories"],
            )
            messages.success(request, EDIT_MESSAGES[revised.outcome])
            return redirect("catalog:offer_edit", pk=offer.pk)
    elif pending is not None and "cress" not in roles:
        # The operator takes up the change they proposed, not the published version.
        form = OfferForm(
            instance=pending.proposed_offer(),
            operators=operators,
            initial={name: values[1] for name, values in pending.changes.items() if name in TAXONOMY_MODELS},
            territory_tokens=pending.changes["territories"][1] if "territories" in pending.changes else None,
        )
    else:
        form = OfferForm(instance=offer, operators=operators)
    decided = revisions.filter(status__in=[OfferRevision.Status.APPROVED, OfferRevision.Status.REFUSED]).first()
    return render(
        request,
        "catalog/workspace/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "actions": _actions(offer, roles),
            "history": entries_of(offer)[:20],
            "pending": pending,
            "pending_lines": describe_changes(Offer, pending.changes) if pending else [],
            # The CRESS's last refusal, until the operator proposes something else.
            "refused": decided
            if pending is None and decided and decided.status == OfferRevision.Status.REFUSED
            else None,
            "is_cress": "cress" in roles,
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
    revisions = [
        (revision, describe_changes(Offer, revision.changes), REVISION.allowed(revision.status, roles={"cress"}))
        for revision in OfferRevision.objects.to_review()
        .select_related("offer__operator", "author")
        .order_by("-status", "updated_at")
    ]
    return render(request, "catalog/workspace/moderation.html", {"queue": rows, "revisions": revisions})


@login_required
@require_POST
def revision_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_moderate(request.user):
        raise PermissionDenied("La modération est réservée à l'équipe de la CRESS.")
    revision = get_object_or_404(OfferRevision, pk=pk)
    to = request.POST.get("to", "")
    try:
        if to == OfferRevision.Status.APPROVED:
            services.offer_revision_approve(revision=revision, by=request.user)
            messages.success(request, f"Modification de « {revision.offer.title} » acceptée et publiée.")
        elif to == OfferRevision.Status.REFUSED:
            services.offer_revision_refuse(revision=revision, by=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, f"Modification de « {revision.offer.title} » refusée ; l'opérateur est prévenu.")
        elif to == OfferRevision.Status.SEEN:
            services.offer_revision_dismiss(revision=revision, by=request.user)
            messages.success(request, f"Modification de « {revision.offer.title} » marquée comme vue.")
        else:
            messages.error(request, "Choisissez d'accepter ou de refuser la modification.")
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    return redirect("catalog:moderation")
