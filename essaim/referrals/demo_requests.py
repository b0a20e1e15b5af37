"""The demo's requests for support: fictional project leaders, dated in days before the day the
demo loads, each with what happened to it since (the same plan in both régions, on the places of
`PLACES`). The requests themselves are in `demo_requests_open.py` (still waiting or in hand when the
demo loads) and `demo_requests_settled.py` (closed, withdrawn or abandoned).

`days` is when it was sent; `taken`, `closed`, `withdrawn`, `rated` and `routed` are days before
today too. `reminded` caps the reminders already sent (the daily command sends the others: some
are due when the demo loads); `declines` is how many receiving teams said "pas pour nous".
"""

from __future__ import annotations

from dataclasses import dataclass

from essaim.referrals.models import Source


@dataclass(frozen=True)
class DemoRequest:
    days: float
    need: str
    place: str
    name: str
    project: str
    description: str
    email: str | None = None  # None: first.last@example.org from the name; "": reached by phone
    phone: str = ""
    audience: str = ""
    stage: str = ""
    years: int | None = None
    employees: int | None = None
    source: str = Source.FORM
    offer: str = ""  # the title of the offer it starts from (the région's France Active)
    reminded: int = 2
    declines: int = 0
    routed: float | None = None  # the CRESS sent it by hand to the teams that might help
    taken: float | None = None
    by_cress: bool = False  # taken in hand by the CRESS itself
    closed: float | None = None
    outcome: str = ""
    note: str = ""
    withdrawn: float | None = None
    abandoned: bool = False
    useful: bool | None = None
    rated: float | None = None
    again_after_hours: float | None = None  # the same person sends it again: merged
    again: str = ""


ORIENTATION = Source.ORIENTATION
OFFER = Source.OFFER
CRESS = Source.CRESS

# Where the demo's requests come from: the same places in both régions' terms (INSEE codes).
PLACES = {
    "52": {
        "metropole": "44109",  # Nantes
        "banlieue": "44162",  # Saint-Herblain
        "ville49": "49007",  # Angers
        "ville53": "53130",  # Laval
        "ville72": "72181",  # Le Mans
        "ville85": "85191",  # La Roche-sur-Yon
        "rural44": "44036",  # Châteaubriant
        "rural49": "49018",  # Baugé-en-Anjou
        "rural53": "53097",  # Évron
        "rural72": "72334",  # Sillé-le-Guillaume
        "rural85": "85182",  # Pouzauges
    },
    "24": {
        "metropole": "45234",  # Orléans
        "banlieue": "37261",  # Tours
        "ville49": "18033",  # Bourges
        "ville53": "28085",  # Chartres
        "ville72": "36044",  # Châteauroux
        "ville85": "41018",  # Blois
        "rural44": "45252",  # Pithiviers
        "rural49": "37132",  # Loches
        "rural53": "28280",  # Nogent-le-Rotrou
        "rural72": "36018",  # Le Blanc
        "rural85": "41194",  # Romorantin-Lanthenay
    },
}

# The structure whose offer some requests start from ("Contacter cet opérateur").
OFFER_PARTNER = {"52": "France Active Pays de la Loire", "24": "France Active Centre-Val de Loire"}
