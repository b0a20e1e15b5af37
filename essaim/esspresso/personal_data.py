"""What ESSpresso holds about a person, for `core.personal_data`: their registrations (found by
e-mail address or by account), with their profile, the requests they sent and received, their
agenda and their feedback; and the events their account organises.

On erasure, a registration to an event still to come is cancelled (the rendez-vous it had are
cancelled and, once agendas are published, the other people told) and deleted with its requests.
A participation in a past event is anonymised: the structure, the type of participant, the topics
and the feedback stay, without name or contact, because they make the event's statistics that the
CRESS reports to its funders (docs/registre-des-traitements.md)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.core.personal_data import ERASED
from essaim.core.registries import PersonalDataHandler, personal_data
from essaim.esspresso.models import Appointment, Event, Participant, Seat, Wish
from essaim.esspresso.models.participants import new_token


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def participations(email: str, user: Any) -> Any:
    """The person's registrations: by their address, or linked to their account."""
    query = Q(email__iexact=email)
    if user is not None:
        query |= Q(user=user)
    return Participant.objects.filter(query).select_related("event", "organisation").order_by("event__date", "pk")


def _agenda(participant: Participant) -> list[dict[str, Any]]:
    seats = (
        Seat.objects.filter(participant=participant)
        .select_related("appointment__slot", "appointment__table")
        .order_by("appointment__slot__starts_at")
    )
    rows = []
    for seat in seats:
        appointment = seat.appointment
        others = Participant.objects.filter(seats__appointment=appointment).exclude(pk=participant.pk)
        rows.append(
            {
                "créneau": str(appointment.slot),
                "table": str(appointment.table) if appointment.table else None,
                "avec": [
                    f"{other.full_name} ({other.organisation})" for other in others.select_related("organisation")
                ],
                "statut": appointment.get_status_display(),
                "présent(e)": seat.attended,
                "a eu lieu selon vous": seat.happened,
                "utilité": seat.get_usefulness_display() or None,
                "suite": seat.get_follow_up_display() or None,
                "avis donné le": _when(seat.feedback_at),
            }
        )
    return rows


def _registration(participant: Participant) -> dict[str, Any]:
    sent = Wish.objects.filter(sender=participant).select_related("recipient")
    received = Wish.objects.filter(recipient=participant).select_related("sender")
    return {
        "événement": participant.event.title,
        "date": _when(participant.event.date),
        "structure": participant.organisation.name,
        "prénom": participant.first_name,
        "nom": participant.last_name,
        "fonction": participant.job_title,
        "e-mail": participant.email,
        "téléphone": participant.phone,
        "vous représentez": participant.get_kind_display(),
        "ce que vous proposez": [topic.label for topic in participant.offers.all()]
        + [text for text in [participant.offers_text] if text],
        "ce que vous cherchez": [topic.label for topic in participant.seeks.all()]
        + [text for text in [participant.seeks_text] if text],
        "secteurs": [sector.label for sector in participant.sectors.all()],
        "disponible pendant": [str(session) for session in participant.sessions.all()],
        "rendez-vous souhaités au plus": participant.max_meetings,
        "visible des autres participants": participant.listed,
        "statut": participant.get_status_display(),
        "inscrit(e) le": _when(participant.created_at),
        "arrivé(e) sur place": participant.arrived,
        "demandes envoyées": [
            {
                "à": wish.recipient.full_name,
                "priorité": wish.get_priority_display(),
                "message": wish.message,
                "statut": wish.get_status_display(),
                "le": _when(wish.created_at),
            }
            for wish in sent
        ],
        "demandes reçues": [
            {"de": wish.sender.full_name, "statut": wish.get_status_display(), "le": _when(wish.created_at)}
            for wish in received
        ],
        "agenda et avis": _agenda(participant),
    }


def esspresso_export(email: str, user: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    registrations = [_registration(participant) for participant in participations(email, user)]
    if registrations:
        data["inscriptions aux rendez-vous ESSpresso"] = registrations
    if user is not None:
        organised = [f"{event.title} ({event.date:%d/%m/%Y})" for event in Event.objects.filter(organisers=user)]
        if organised:
            data["rendez-vous ESSpresso que vous organisez"] = organised
    return data


def _forget_names(participant: Participant) -> None:
    """Replace the person's name in the history of the event's registrations and rendez-vous
    (an attendance is recorded as "Prénom Nom : absent(e)")."""
    name = participant.full_name.strip()
    if not name:
        return
    types = ContentType.objects.get_for_models(Participant, Appointment).values()
    entries = HistoryEntry.objects.filter(content_type__in=types).filter(
        Q(summary__icontains=name) | Q(object_label__icontains=name)
    )
    for entry in entries:
        entry.summary = entry.summary.replace(name, ERASED)
        entry.object_label = entry.object_label.replace(name, ERASED)
        entry.save(update_fields=["summary", "object_label"])


def _withdraw(participant: Participant) -> None:
    """Cancel a registration to an event still to come, then delete it with its requests."""
    from essaim.esspresso.services.timetable import appointments_cancel_for

    # Cancelled first, so that only the other people of its rendez-vous are told.
    Participant.objects.filter(pk=participant.pk).update(status=Participant.Status.CANCELLED)
    appointments_cancel_for(participant=participant, by=None)
    _forget_names(participant)
    participant.delete()  # its own history goes with it (`history_entries`)


def _anonymise(participant: Participant) -> None:
    """Keep a past participation for the statistics, without name, contact or personal link."""
    _forget_names(participant)
    Wish.objects.filter(sender=participant).update(message="")
    participant.first_name = "Personne"
    participant.last_name = "effacée"
    participant.job_title = ""
    participant.email = f"effacee-{participant.pk}@essaim.invalid"
    participant.phone = ""
    participant.offers_text = ""
    participant.seeks_text = ""
    participant.user = None
    participant.listed = False
    participant.token = new_token()
    participant.save()


def esspresso_erase(email: str, user: Any) -> list[str]:
    today = timezone.localdate()
    withdrawn = anonymised = 0
    for participant in participations(email, user):
        if participant.event.date >= today:
            _withdraw(participant)
            withdrawn += 1
        else:
            _anonymise(participant)
            anonymised += 1
    lines = []
    if withdrawn:
        lines.append(
            f"{withdrawn} inscription(s) à un rendez-vous ESSpresso à venir annulée(s) et supprimée(s), "
            "avec les demandes de rendez-vous."
        )
    if anonymised:
        lines.append(
            f"{anonymised} participation(s) à un rendez-vous ESSpresso passé anonymisée(s) : la structure, le type "
            "de participant et les avis restent pour les statistiques, sans nom ni coordonnées."
        )
    if user is not None:
        organised = Event.organisers.through.objects.filter(user=user).delete()[0]
        if organised:
            lines.append(f"Retrait de l'organisation de {organised} rendez-vous ESSpresso.")
    return lines


personal_data.add(
    "esspresso",
    PersonalDataHandler("Rendez-vous d'affaires ESSpresso", export=esspresso_export, erase=esspresso_erase),
    order=50,
)
