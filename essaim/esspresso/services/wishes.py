"""Requests to meet: sent during the request phase, answered by their recipient. "Non merci"
forbids the pair for the whole event."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from essaim.core.emails import send_templated_email
from essaim.esspresso.models import Event, Participant, Wish
from essaim.esspresso.workflows import ANSWER


class WishRefused(Exception):
    """The request cannot be sent; the message says why, in French."""


def wish_problem(*, sender: Participant, recipient: Participant, today: date) -> str:
    """Why this request may not be sent, in French, or "" when it may."""
    event = sender.event
    if recipient.event_id != event.pk:
        return "Cette personne ne participe pas à cet événement."
    if sender.pk == recipient.pk:
        return "Vous ne pouvez pas vous demander un rendez-vous à vous-même."
    if not event.requests_open(today):
        return f"Les demandes de rendez-vous sont closes depuis le {event.requests_close_on:%d/%m/%Y}."
    if sender.status != Participant.Status.CONFIRMED:
        return "Votre inscription n'est pas encore confirmée : vous pourrez demander des rendez-vous ensuite."
    if recipient.status != Participant.Status.CONFIRMED:
        return f"{recipient.full_name} ne participe plus à l'événement."
    if sender.organisation_id == recipient.organisation_id:
        return "Vous représentez la même structure : choisissez quelqu'un d'une autre structure."
    if not event.may_meet(sender.kind, recipient.kind):
        return (
            f"Cet événement n'organise pas de rendez-vous entre « {sender.get_kind_display()} » "
            f"et « {recipient.get_kind_display()} »."
        )
    existing = Wish.objects.between(sender, recipient).first()
    if existing and existing.status == Wish.Status.DECLINED:
        return (
            f"Un « non merci » a été répondu entre vous et {recipient.full_name} : ce rendez-vous n'est plus possible."
        )
    if existing and existing.sender_id == sender.pk:
        return f"Vous avez déjà demandé un rendez-vous à {recipient.full_name}."
    return ""


@transaction.atomic
def wish_create(*, sender: Participant, recipient: Participant, priority: str, message: str, today: date) -> Wish:
    """Send a request (`WishRefused` says why not). When the recipient had already asked the
    sender, both wished it: the request is accepted at once and weighs both priorities."""
    problem = wish_problem(sender=sender, recipient=recipient, today=today)
    if problem:
        raise WishRefused(problem)
    mutual = Wish.objects.filter(sender=recipient, recipient=sender).select_for_update().first()
    status = Wish.Status.ACCEPTED if mutual else Wish.Status.PENDING
    try:
        with transaction.atomic():
            wish = Wish.objects.create(
                event=sender.event,
                sender=sender,
                recipient=recipient,
                priority=priority,
                message=message,
                status=status,
                answered_at=timezone.now() if mutual else None,
            )
    except IntegrityError as exc:  # the same request sent twice at the same moment
        raise WishRefused(f"Vous avez déjà demandé un rendez-vous à {recipient.full_name}.") from exc
    if mutual and mutual.status == Wish.Status.PENDING:
        mutual.status = Wish.Status.ACCEPTED
        mutual.answered_at = timezone.now()
        mutual.save(update_fields=["status", "answered_at"])
    send_templated_email(
        template="emails/esspresso_wish_received",
        to=[recipient.email],
        context={"wish": wish, "event": sender.event, "mutual": bool(mutual)},
    )
    return wish


@transaction.atomic
def wish_answer(*, wish: Wish, accept: bool, today: date) -> Wish:
    """The recipient accepts, or says "non merci" (`TransitionRefused` for a move the workflow
    refuses; `WishRefused` once requests are closed). A "non merci" also takes the pair out of
    the timetable."""
    wish = Wish.objects.select_for_update().select_related("event", "sender", "recipient").get(pk=wish.pk)
    if not wish.event.requests_open(today):
        raise WishRefused(f"Les réponses sont closes depuis le {wish.event.requests_close_on:%d/%m/%Y}.")
    if accept and wish.sender.status != Participant.Status.CONFIRMED:
        raise WishRefused(f"{wish.sender.full_name} ne participe plus à l'événement.")
    target = Wish.Status.ACCEPTED if accept else Wish.Status.DECLINED
    ANSWER.check(wish.status, target, roles={"recipient"})
    wish.status = target
    wish.answered_at = timezone.now()
    wish.save(update_fields=["status", "answered_at"])
    if not accept:
        Wish.objects.filter(sender=wish.recipient, recipient=wish.sender).update(
            status=Wish.Status.DECLINED, answered_at=wish.answered_at
        )
    send_templated_email(
        template="emails/esspresso_wish_answered",
        to=[wish.sender.email],
        context={"wish": wish, "event": wish.event},
    )
    return wish


@transaction.atomic
def wish_withdraw(*, wish: Wish, today: date) -> None:
    """The sender takes back a request not yet declined, while requests are open."""
    if not wish.event.requests_open(today):
        raise WishRefused(f"Les demandes sont closes depuis le {wish.event.requests_close_on:%d/%m/%Y}.")
    if wish.status == Wish.Status.DECLINED:
        raise WishRefused("Cette demande a reçu un « non merci » : elle reste pour que la paire ne soit pas proposée.")
    wish.delete()


def over_requested(event: Event) -> list[tuple[Participant, int, int]]:
    """Participants asked more often than they can meet, most requested first: (participant,
    requests received and not declined, meetings they can have). "X a 41 demandes pour 12 créneaux"."""
    participants = (
        Participant.objects.confirmed()
        .filter(event=event)
        .annotate(received=Count("wishes_received", filter=~Q(wishes_received__status=Wish.Status.DECLINED)))
        .filter(received__gt=0)
        .prefetch_related("sessions")
        .select_related("organisation")
        .order_by("-received", "last_name")
    )
    rows = []
    for participant in participants:
        capacity = participant.capacity()
        if participant.received > capacity:  # type: ignore[attr-defined]
            rows.append((participant, participant.received, capacity))  # type: ignore[attr-defined]
    return rows
