from django.apps import AppConfig


class EsspressoConfig(AppConfig):
    name = "essaim.esspresso"
    label = "esspresso"
    verbose_name = "Rendez-vous d'affaires ESSpresso"

    def ready(self) -> None:
        # Importing these registers the taxonomies into `setup_reference` and what the history follows.
        from essaim.core.registries import Module, modules
        from essaim.esspresso import history, reference  # noqa: F401

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

        # Demo and platform integration: the demo events into `load_demo`, the home page's figure and
        # a structure's participations (home.py), and what ESSpresso holds about a person.
        from essaim.esspresso import demo, home, personal_data  # noqa: F401
