"""The demo ESSpresso events of each demo région, their dates counted from the day the demo loads
(read by `demo.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from essaim.esspresso.models import Event

AGENT = ("bruno.letourneau@demo.essaim.example", "Bruno Letourneau")  # an agent co-organising the Angers event


@dataclass(frozen=True)
class DemoEvent:
    key: str  # the events column of the participants' file
    slug: str
    title: str
    description: str
    days: int  # from the day the demo loads; negative: past
    place: str
    address: str
    commune: str
    scope: str = Event.Scope.REGION
    sessions: tuple[tuple[str, str, str], ...] = (("Matinée", "09:00", "12:10"),)
    tables: int = 20
    table_names: tuple[str, ...] = ()
    registration_days_before: int = 7
    requests_days_before: int = 3
    needs_validation: bool = False
    max_meetings: int = 8
    pending_registrations: int = 0
    organiser: tuple[str, str] | None = None  # (e-mail, name) of a demo account organising it
    answered: float = 0.9  # share of requests answered
    declined: float = 0.1  # share of the answers that are "non merci"


EVENTS = {
    "52": (
        DemoEvent(
            key="nantes",
            slug="esspresso-pays-de-la-loire-nantes",
            title="ESSpresso Pays de la Loire — Nantes",
            description=(
                "Une matinée de rendez-vous d'affaires de vingt minutes entre entreprises de l'ESS, entreprises "
                "du territoire et collectivités de la région : achats responsables, sous-traitance, "
                "recrutement, locaux, coopérations. Chacun dit ce qu'il propose et ce qu'il cherche, "
                "demande ses rendez-vous, et reçoit son agenda la semaine précédente."
            ),
            days=-45,
            place="Halles de l'Île de Nantes",
            address="2 boulevard Léon-Bureau, Nantes",
            commune="44109",
            sessions=(("Matinée", "09:00", "12:10"), ("Début d'après-midi", "14:00", "15:40")),
            tables=24,
            table_names=("Nantes Métropole",),
            registration_days_before=14,
            requests_days_before=8,
        ),
        DemoEvent(
            key="angers",
            slug="esspresso-angers-loire-metropole",
            title="ESSpresso Angers Loire Métropole",
            description=(
                "Rendez-vous d'affaires à l'échelle de l'agglomération angevine, co-organisé avec Angers Loire "
                "Métropole : les structures de l'ESS y rencontrent les entreprises et les services de "
                "la communauté urbaine autour des marchés réservés, du réemploi et de l'alimentation locale."
            ),
            days=32,
            place="Cité des associations",
            address="58 boulevard du Doyenné, Angers",
            commune="49007",
            scope=Event.Scope.EPCI,
            sessions=(("Matinée", "09:30", "12:00"),),
            tables=12,
            table_names=("Angers Loire Métropole",),
            registration_days_before=10,
            requests_days_before=5,
            max_meetings=6,
            organiser=AGENT,
            answered=0.45,
            declined=0.1,
        ),
    ),
    "24": (
        DemoEvent(
            key="orleans",
            slug="esspresso-centre-val-de-loire-orleans",
            title="ESSpresso Centre-Val de Loire — Orléans",
            description=(
                "Le rendez-vous d'affaires régional de l'ESS en Centre-Val de Loire : des tête-à-tête de vingt "
                "minutes entre entreprises de l'ESS, entreprises et collectivités des six départements. "
                "Les inscriptions sont validées par l'équipe de la CRESS."
            ),
            days=38,
            place="Centre de conférences d'Orléans",
            address="Place du 6 juin 1944, Orléans",
            commune="45234",
            tables=10,
            registration_days_before=12,
            requests_days_before=6,
            needs_validation=True,
            pending_registrations=2,
            answered=0.5,
        ),
    ),
}
