from django.apps import AppConfig


class EsspressoConfig(AppConfig):
    name = "essaim.esspresso"
    label = "esspresso"
    verbose_name = "Rendez-vous d'affaires ESSpresso"

    def ready(self) -> None:
        # Importing these registers the taxonomies into `setup_reference` and what the history follows.
        from essaim.esspresso import history, reference  # noqa: F401
