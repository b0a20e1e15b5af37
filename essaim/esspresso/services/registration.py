"""A person registers for an event on behalf of a structure; the organiser validates or refuses;
the personal link gives them back their space."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from essaim.core import history
from essaim.core.emails import send_templated_email
from essaim.core.text import fold
from essaim.esspresso.models import Event, Participant, Sector, Session, Topic
from essaim.esspresso.services.timetable import appointments_cancel_for
from essaim.esspresso.workflows import REGISTRATION
from essaim.organisations.models import Organisation

ALREADY_REGISTERED = (
    "Cette adresse est déjà inscrite à cet événement. Pour retrouver votre espace personnel, "
    "demandez votre lien avec « Retrouver mon inscription »."
)


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message says why, in French."""


def registration_organisation(*, name: str, siret: str = "", commune: Any = None) -> Organisation:
    """The directory's structure with this SIRET, else the only visible one with exactly this name;
    otherwise a new one, hidden from the directory until the CRESS checks it (anyone may type
    any name)."""
    if siret:
        found = Organisation.objects.filter(siret=siret).first()
        if found:
            return found
    else:
        same_name = list(Organisation.objects.active().filter(search_name=fold(name)[:200])[:2])
        if len(same_name) == 1:
            return same_name[0]
    return Organisation.objects.create(name=name, siret=siret, commune=commune, is_active=False)


@transaction.atomic
def participant_register(
    *,
    event: Event,
    organisation: Organisation,
    fields: dict[str, Any],
    offers: Iterable[Topic] = (),
    seeks: Iterable[Topic] = (),
    sectors: Iterable[Sector] = (),
    sessions: Iterable[Session] = (),
    today: date,
    user: Any = None,
) -> Participant:
    """Register a person (`fields`: names, e-mail, kind, profile texts...). Refused
    (`RegistrationRefused`) after the deadline or when the address is already registered; the
    personal link leaves by e-mail once the registration is stored."""
    if not event.registration_open(today):
        raise RegistrationRefused(
            f"Les inscriptions à « {event.title} » sont closes depuis le {event.registration_closes_on:%d/%m/%Y}."
        )
    email = fields["email"].strip().lower()
    if Participant.objects.filter(event=event, email__iexact=email).exists():
        raise RegistrationRefused(ALREADY_REGISTERED)
    status = Participant.Status.PENDING if event.needs_validation else Participant.Status.CONFIRMED
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                event=event,
                organisation=organisation,
                user=user if getattr(user, "is_authenticated", False) else None,
                status=status,
                **{**fields, "email": email, "max_meetings": fields.get("max_meetings") or event.default_max_meetings},
            )
    except IntegrityError as exc:  # the same form sent twice at the same moment
        raise RegistrationRefused(ALREADY_REGISTERED) from exc
    participant.offers.set(offers)
    participant.seeks.set(seeks)
    participant.sectors.set(sectors)
    chosen = list(sessions) or list(event.sessions.all())
    participant.sessions.set(chosen)
    history.record_event(participant, by=user, summary="Inscription", changes={"status": [None, status]})
    participant_link_send(participant=participant, welcome=True)
    return participant


def participant_link_send(*, participant: Participant, welcome: bool = False) -> None:
    """E-mail the person their personal link (at registration, or when they ask for it again)."""
    send_templated_email(
        template="emails/esspresso_link",
        to=[participant.email],
        context={"participant": participant, "event": participant.event, "welcome": welcome},
    )


@transaction.atomic
def participant_update(
    *,
    participant: Participant,
    fields: dict[str, Any],
    offers: Iterable[Topic],
    seeks: Iterable[Topic],
    sectors: Iterable[Sector],
    sessions: Iterable[Session],
    by: Any = None,
) -> Participant:
    """The person updates their profile and availability (the e-mail stays: it is their key)."""
    fields.pop("email", None)
    with history.tracking(participant, by=by, summary="Profil modifié"):
        for name, value in fields.items():
            setattr(participant, name, value)
        participant.save()
    participant.offers.set(offers)
    participant.seeks.set(seeks)
    participant.sectors.set(sectors)
    participant.sessions.set(list(sessions) or list(participant.event.sessions.all()))
    return participant


@transaction.atomic
def participant_transition(*, participant: Participant, target: str, roles: set[str], by: Any = None) -> Participant:
    """Validate, refuse, cancel or restore a registration (`TransitionRefused` if not allowed).
    A cancelled or refused participant leaves the timetable's future rendez-vous."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    move = REGISTRATION.check(participant.status, target, roles=roles)
    with history.tracking(participant, by=by, summary=move.label):
        participant.status = target
        participant.save(update_fields=["status", "updated_at"])
    if target != Participant.Status.CONFIRMED:
        appointments_cancel_for(participant=participant, by=by)
    if target in {Participant.Status.CONFIRMED, Participant.Status.REFUSED} and "organiser" in roles:
        send_templated_email(
            template="emails/esspresso_registration_decided",
            to=[participant.email],
            context={"participant": participant, "event": participant.event},
        )
    return participant
