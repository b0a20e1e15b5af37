from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "essaim.catalog"
    label = "catalog"
    verbose_name = "Catalogue des aides et de l'accompagnement"

    def ready(self) -> None:
        # Registers the taxonomies into `setup_reference`, the demo catalogue into `load_demo`
        # and the catalogue's figures on the home page.
        from essaim.catalog import demo, figures, history, reference  # noqa: F401
        from essaim.core.registries import AccountLink, account_links

        link = AccountLink("Mes offres d'accompagnement et de financement", "catalog:my_offers")
        if link not in account_links:
            account_links.append(link)
