from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "essaim.territories"
    label = "territories"
    verbose_name = "Territoires"

    def ready(self) -> None:
        # Registers the territorial referential into `setup_reference`.
        from essaim.territories import reference  # noqa: F401
