from typing import Any

from django.apps import AppConfig


def organises_events(user: Any) -> bool:
    """The account link to the organiser's space is shown to those who organise an event, and
    to the CRESS team, who create them."""
    from essaim.esspresso.models import Event
    from essaim.esspresso.perms import can_create_event

    return can_create_event(user) or Event.objects.organised_by(user).exists()


class EsspressoConfig(AppConfig):
    name = "essaim.esspresso"
    label = "esspresso"
    verbose_name = "Rendez-vous d'affaires ESSpresso"

    def ready(self) -> None:
        # Importing these registers the taxonomies into `setup_reference`, what the history follows,
        # the platform metrics, the demo events into `load_demo`, the home page's figure and a
        # structure's participations (home.py), and what ESSpresso holds about a person.
        from essaim.core.registries import AccountLink, Module, account_links, modules
        from essaim.esspresso import demo, figures, history, home, personal_data, reference, territory  # noqa: F401

        modules.add(
            "esspresso",
            Module(
                "Rendez-vous ESSpresso",
                "Rencontrer en tête-à-tête les entreprises de l'ESS, les entreprises et les collectivités du territoire.",
                url_name="esspresso:events",
                short_label="ESSpresso",
            ),
            order=30,
        )
        account_links.add(
            "esspresso_organiser",
            AccountLink("Mes rendez-vous ESSpresso à organiser", "esspresso:manage_list", applies=organises_events),
            order=40,
        )
