"""Meeting people: the directory with its suggestions, a participant's profile with the request
form, and one's requests sent and received (answer, withdraw)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.workflows import TransitionRefused
from essaim.esspresso import directory, services
from essaim.esspresso.forms.participants import DirectoryFilterForm, WishForm
from essaim.esspresso.models import Participant, Wish
from essaim.esspresso.views.common import is_taking_part, participant_from_token, today

PAGE_SIZE = 20


@require_safe
def directory_view(request: HttpRequest, token: str) -> HttpResponse:
    me = participant_from_token(token)
    event = me.event
    if not is_taking_part(me):
        return render(
            request,
            "esspresso/not_taking_part.html",
            {"participant": me, "event": event, "current": "directory"},
            status=403,
        )
    form = DirectoryFilterForm(request.GET or None, departements=directory.departements_of(event))
    filters = form.filters() if form.is_bound else {}
    people = directory.filter_participants(directory.listed_participants(event), filters)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    suggested = directory.suggestions_for(me) if not filters and page.number == 1 else []
    return render(
        request,
        "esspresso/directory.html",
        {
            "participant": me,
            "event": event,
            "form": form,
            "page": page,
            "filtered": bool(filters),
            "current": "directory",
            "suggested": suggested,
            "requests_open": event.requests_open(today()),
        },
    )


def _visible_to(me: Participant, pk: int) -> Participant:
    """Someone `me` may see: listed in the event's directory, or linked to them by a request."""
    linked = Wish.objects.filter(Q(sender=me, recipient_id=pk) | Q(sender_id=pk, recipient=me))
    people = Participant.objects.filter(event=me.event, pk=pk).select_related("organisation__commune")
    if not is_taking_part(me):
        # Someone whose registration is pending, refused or cancelled sees no one else's profile.
        people = people.filter(pk=me.pk)
    other = people.filter(Q(status=Participant.Status.CONFIRMED, listed=True) | Q(pk=me.pk)).first()
    if other is None and linked.exists():
        other = people.first()
    if other is None:
        raise Http404("Participant introuvable.")
    return other


@require_http_methods(["GET", "POST"])
def participant_view(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    me = participant_from_token(token)
    other = _visible_to(me, pk)
    event = me.event
    form = WishForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.wish_create(
                    sender=me,
                    recipient=other,
                    priority=form.cleaned_data["priority"],
                    message=form.cleaned_data["message"],
                    today=today(),
                )
            except services.WishRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, f"Votre demande de rendez-vous est envoyée à {other.full_name}.")
                return redirect("esspresso:wishes", token=me.token)
        status = 400
    received = directory.requests_received(event).get(other.pk, 0)
    capacity = other.capacity()
    return render(
        request,
        "esspresso/participant.html",
        {
            "participant": me,
            "event": event,
            "other": other,
            "current": "directory",
            "form": form,
            "is_me": other.pk == me.pk,
            "received": received,
            "capacity": capacity,
            "over_requested": capacity > 0 and received > capacity,
            "between": list(Wish.objects.between(me, other).select_related("sender", "recipient")),
            "requests_open": event.requests_open(today()),
        },
        status=status,
    )


def _wishes_page(request: HttpRequest, me: Participant, *, error: str = "", status: int = 200) -> HttpResponse:
    wishes = Wish.objects.filter(event=me.event).select_related("sender__organisation", "recipient__organisation")
    return render(
        request,
        "esspresso/wishes.html",
        {
            "participant": me,
            "event": me.event,
            "sent": wishes.filter(sender=me),
            "received": wishes.filter(recipient=me),
            "requests_open": me.event.requests_open(today()),
            "error": error,
            "current": "wishes",
        },
        status=status,
    )


@require_safe
def wishes(request: HttpRequest, token: str) -> HttpResponse:
    return _wishes_page(request, participant_from_token(token))


@require_POST
def wish_answer(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """Only the recipient answers a request (anyone else gets 404)."""
    me = participant_from_token(token)
    wish = Wish.objects.filter(pk=pk, recipient=me).select_related("sender").first()
    if wish is None:
        raise Http404("Demande introuvable.")
    decision = request.POST.get("decision", "")
    if decision not in {"accept", "decline"}:
        return _wishes_page(request, me, error="Choisissez « Accepter » ou « Non merci ».", status=400)
    try:
        services.wish_answer(wish=wish, accept=decision == "accept", today=today())
    except (services.WishRefused, TransitionRefused) as refusal:
        return _wishes_page(request, me, error=str(refusal), status=400)
    if decision == "accept":
        messages.success(request, f"Vous avez accepté le rendez-vous avec {wish.sender.full_name}.")
    else:
        messages.success(request, f"Vous avez répondu « non merci » à {wish.sender.full_name}.")
    return redirect("esspresso:wishes", token=me.token)


@require_POST
def wish_withdraw(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """Only the sender withdraws a request (anyone else gets 404)."""
    me = participant_from_token(token)
    wish = Wish.objects.filter(pk=pk, sender=me).select_related("recipient", "event").first()
    if wish is None:
        raise Http404("Demande introuvable.")
    try:
        services.wish_withdraw(wish=wish, today=today())
    except services.WishRefused as refusal:
        return _wishes_page(request, me, error=str(refusal), status=400)
    messages.success(request, f"Votre demande à {wish.recipient.full_name} est retirée.")
    return redirect("esspresso:wishes", token=me.token)
