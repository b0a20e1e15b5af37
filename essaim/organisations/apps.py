from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "essaim.organisations"
    label = "organisations"
    verbose_name = "Annuaire des structures"

    def ready(self) -> None:
        from essaim.core.registries import Module, modules

        # Importing these registers roles into `setup_reference`, the demo into `load_demo` and
        # the home page's figures, and a person's memberships into `personal_data`.
        from essaim.organisations import demo, figures, personal_data, reference  # noqa: F401

        # Last in the header: the business modules come first.
        modules.add(
            "annuaire",
            Module(
                "Annuaire",
                "Les structures de l'ESS, les accompagnateurs, les financeurs et les collectivités.",
                url_name="organisations:directory",
            ),
            order=90,
        )
