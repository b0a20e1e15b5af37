from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "essaim.catalog"
    label = "catalog"
    verbose_name = "Catalogue des aides et de l'accompagnement"

    def ready(self) -> None:
        # Registers the taxonomies into `setup_reference`, the demo catalogue into `load_demo`
        # and the catalogue's figures on the home page.
        from essaim.catalog import demo, figures, reference  # noqa: F401
