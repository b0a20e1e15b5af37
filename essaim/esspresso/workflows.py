"""ESSpresso's state machines: a registration, as the organiser validates it or the person
withdraws, and a request to meet, as its recipient answers it."""

from __future__ import annotations

from essaim.core.workflows import Workflow
from essaim.esspresso.models import Participant, Wish

# Roles: "organiser" (the event's organisers and the CRESS team), "self" (the participant, through
# their personal link), "recipient" (the person a request is addressed to).
P = Participant.Status
REGISTRATION = Workflow(
    "esspresso_registration",
    dict(P.choices),
    [
        (P.PENDING, P.CONFIRMED, "Valider l'inscription", "organiser"),
        (P.PENDING, P.REFUSED, "Refuser l'inscription", "organiser"),
        (P.PENDING, P.CANCELLED, "Annuler mon inscription", "self"),
        (P.CONFIRMED, P.CANCELLED, "Annuler l'inscription", ("self", "organiser")),
        (P.REFUSED, P.CONFIRMED, "Valider finalement l'inscription", "organiser"),
        (P.CANCELLED, P.CONFIRMED, "Rétablir l'inscription", "organiser"),
    ],
)

W = Wish.Status
ANSWER = Workflow(
    "esspresso_wish",
    dict(W.choices),
    [
        (W.PENDING, W.ACCEPTED, "Accepter", "recipient"),
        (W.PENDING, W.DECLINED, "Non merci", "recipient"),
        (W.DECLINED, W.ACCEPTED, "Accepter finalement", "recipient"),
        (W.ACCEPTED, W.DECLINED, "Finalement, non merci", "recipient"),
    ],
)
