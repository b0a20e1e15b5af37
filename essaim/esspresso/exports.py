"""The organiser's files: participants, requests and timetable as rows for CSV or XLSX
(`core/tables.py` makes every cell inert), badges and the table plan as PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.core.pdf import tagged_pdf
from essaim.esspresso.models import Appointment, Event, Participant, Seat, Wish
from essaim.esspresso.planning import table_plans

Rows = tuple[list[str], list[dict[str, Any]]]


def _when(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def participant_rows(event: Event) -> Rows:
    columns = [
        "Nom",
        "Prénom",
        "Structure",
        "SIRET",
        "Type",
        "Fonction",
        "E-mail",
        "Téléphone",
        "Statut",
        "Propose",
        "Propose (texte)",
        "Cherche",
        "Cherche (texte)",
        "Secteurs",
        "Sessions",
        "Rendez-vous au plus",
        "Table d'hôte",
        "Arrivé(e)",
        "Inscrit(e) le",
    ]
    participants = (
        Participant.objects.filter(event=event)
        .select_related("organisation", "fixed_table")
        .prefetch_related("offers", "seeks", "sectors", "sessions")
        .order_by("last_name", "first_name", "pk")
    )
    rows = []
    for p in participants:
        table = getattr(p, "fixed_table", None)
        rows.append(
            {
                "Nom": p.last_name,
                "Prénom": p.first_name,
                "Structure": p.organisation.name,
                "SIRET": getattr(p.organisation, "siret", "") or "",
                "Type": p.get_kind_display(),
                "Fonction": p.job_title,
                "E-mail": p.email,
                "Téléphone": p.phone,
                "Statut": p.get_status_display(),
                "Propose": ", ".join(t.label for t in p.offers.all()),
                "Propose (texte)": p.offers_text,
                "Cherche": ", ".join(t.label for t in p.seeks.all()),
                "Cherche (texte)": p.seeks_text,
                "Secteurs": ", ".join(s.label for s in p.sectors.all()),
                "Sessions": ", ".join(s.label for s in p.sessions.all()),
                "Rendez-vous au plus": p.max_meetings if p.max_meetings is not None else "",
                "Table d'hôte": table.number if table else "",
                "Arrivé(e)": "oui" if p.arrived else "non",
                "Inscrit(e) le": _when(p.created_at),
            }
        )
    return columns, rows


def wish_rows(event: Event) -> Rows:
    columns = [
        "De",
        "Structure (de)",
        "À",
        "Structure (à)",
        "Priorité",
        "Statut",
        "Message",
        "Demandée le",
        "Répondue le",
    ]
    wishes = (
        Wish.objects.filter(event=event)
        .select_related("sender__organisation", "recipient__organisation")
        .order_by("created_at", "pk")
    )
    rows = [
        {
            "De": wish.sender.full_name,
            "Structure (de)": wish.sender.organisation.name,
            "À": wish.recipient.full_name,
            "Structure (à)": wish.recipient.organisation.name,
            "Priorité": wish.get_priority_display(),
            "Statut": wish.get_status_display(),
            "Message": wish.message,
            "Demandée le": _when(wish.created_at),
            "Répondue le": _when(wish.answered_at),
        }
        for wish in wishes
    ]
    return columns, rows


def timetable_rows(event: Event) -> Rows:
    columns = ["Début", "Fin", "Session", "Table", "Participants", "Structures", "Statut", "Origine", "Verrouillé"]
    seats = Seat.objects.select_related("participant__organisation").order_by("participant__last_name", "pk")
    appointments = (
        Appointment.objects.filter(event=event)
        .select_related("slot__session", "table")
        .prefetch_related(Prefetch("seats", queryset=seats))
        .order_by("slot__starts_at", "table__number", "pk")
    )
    rows = []
    for appointment in appointments:
        people = [seat.participant for seat in appointment.seats.all()]
        rows.append(
            {
                "Début": appointment.slot.starts_at.strftime("%H:%M"),
                "Fin": appointment.slot.ends_at.strftime("%H:%M"),
                "Session": appointment.slot.session.label,
                "Table": appointment.table.number if appointment.table else "",
                "Participants": " / ".join(p.full_name for p in people),
                "Structures": " / ".join(p.organisation.name for p in people),
                "Statut": appointment.get_status_display(),
                "Origine": appointment.get_origin_display(),
                "Verrouillé": "oui" if appointment.locked else "non",
            }
        )
    return columns, rows


# What may be exported: slug in the URL → (rows, file name, sheet name).
EXPORTS: dict[str, tuple[Callable[[Event], Rows], str, str]] = {
    "participants": (participant_rows, "participants", "Participants"),
    "demandes": (wish_rows, "demandes", "Demandes"),
    "planning": (timetable_rows, "planning", "Planning"),
}


def badges_pdf(event: Event) -> bytes:
    """One badge per confirmed participant: name, structure, type, and their table if they host one."""
    participants = (
        Participant.objects.confirmed()
        .filter(event=event)
        .select_related("organisation", "fixed_table")
        .order_by("last_name", "first_name", "pk")
    )
    return tagged_pdf(
        render_to_string("esspresso/organiser/badges_print.html", {"event": event, "participants": participants})
    )


def table_plan_pdf(event: Event) -> bytes:
    """Per table, slot after slot, who meets whom: one page to post on each table."""
    return tagged_pdf(
        render_to_string("esspresso/organiser/table_plan_print.html", {"event": event, "plans": table_plans(event)})
    )
