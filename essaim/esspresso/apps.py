from django.apps import AppConfig


class EsspressoConfig(AppConfig):
    name = "essaim.esspresso"
    label = "esspresso"
    verbose_name = "Rendez-vous d'affaires ESSpresso"

    def ready(self) -> None:
        # Importing these registers the taxonomies into `setup_reference` and what the history follows.
        # Demo and platform integration: the demo events into `load_demo`, the home page's figure and
        # a structure's participations (home.py), and what ESSpresso holds about a person.
        from essaim.esspresso import demo, history, home, personal_data, reference  # noqa: F401  # noqa: F401
