from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "essaim.places"
    label = "places"
    verbose_name = "Lieux de l'ESS"

    def ready(self) -> None:
        # Importing these declares what the history follows and registers the demo places into
        # `load_demo`. Places hold no personal data: nothing to register in `personal_data`.
        from essaim.places import demo, history  # noqa: F401
