from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "essaim.organisations"
    label = "organisations"
    verbose_name = "Annuaire des structures"

    def ready(self) -> None:
        # Registers roles into `setup_reference`, the demo into `load_demo`, home-page figures.
        from essaim.organisations import demo, figures, reference  # noqa: F401
