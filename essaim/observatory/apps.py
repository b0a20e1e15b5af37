from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "essaim.observatory"
    label = "observatory"
    verbose_name = "Observatoire de l'ESS"

    def ready(self) -> None:
        # Importing this registers the perimeter's files into `setup_reference`.
        from essaim.observatory import reference  # noqa: F401
