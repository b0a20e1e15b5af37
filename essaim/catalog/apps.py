from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "essaim.catalog"
    label = "catalog"
    verbose_name = "Catalogue des aides et de l'accompagnement"

    def ready(self) -> None:
        # Importing these registers the taxonomies into `setup_reference`, the demo catalogue into
        # `load_demo`, the home page's figures, the platform metrics and what the history follows on offers,
        # a person's alerts into `personal_data`, and what support requests read of offers.
        from essaim.catalog import (  # noqa: F401
            demo,
            figures,
            history,
            landing,
            personal_data,
            reference,
            referral_support,
            territory,
            vocabularies,
        )
        from essaim.core.registries import AccountLink, Module, account_links, modules

        modules.add(
            "aides",
            Module(
                "Aides et accompagnement",
                "Trouver l'accompagnement et le financement adaptés à chaque étape d'un projet.",
                url_name="catalog:home",
                short_label="Aides",
            ),
            order=10,
        )
        account_links.add(
            "catalog", AccountLink("Mes offres d'accompagnement et de financement", "catalog:my_offers"), order=10
        )
