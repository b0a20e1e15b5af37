from typing import Any

from django.apps import AppConfig


def advises(user: Any) -> bool:
    """The account link to the partners' space is shown to advisers and to the CRESS team."""
    from essaim.referrals.perms import is_adviser, is_cress

    return is_cress(user) or is_adviser(user)


class ReferralsConfig(AppConfig):
    name = "essaim.referrals"
    label = "referrals"
    verbose_name = "Demandes d'accompagnement"

    def ready(self) -> None:
        # Importing these registers what the history follows, the retention limit of closed
        # requests, what the module holds about a person, the demo network and its requests, the
        # platform metrics and the home page's figure.
        from essaim.core.registries import AccountLink, LandingPage, Module, account_links, landing_pages, modules
        from essaim.referrals import demo, figures, history, personal_data, retention  # noqa: F401
        from essaim.referrals.perms import is_adviser

        modules.add(
            "accompagnement",
            Module(
                "Être accompagné",
                "Décrire son besoin et être mis en relation avec le bon partenaire du réseau d'accompagnement.",
                url_name="referrals:new",
                short_label="Être accompagné",
            ),
            order=15,
        )
        # An adviser lands on the requests their teams received (the CRESS keeps its own space).
        landing_pages.add("referrals_adviser", LandingPage("referrals:inbox", is_adviser), order=25)
        account_links.add(
            "referrals_adviser",
            AccountLink("Demandes d'accompagnement reçues", "referrals:inbox", applies=advises),
            order=15,
        )
