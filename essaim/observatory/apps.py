from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "essaim.observatory"
    label = "observatory"
    verbose_name = "Observatoire de l'ESS"

    def ready(self) -> None:
        # Importing these registers the perimeter's files into `setup_reference` and the demo extract.
        from essaim.observatory import demo, reference  # noqa: F401
