from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    name = "essaim.observatory"
    label = "observatory"
    verbose_name = "Observatoire de l'ESS"

    def ready(self) -> None:
        # Importing these registers the perimeter's files into `setup_reference` and the demo extract.
        from essaim.core.registries import Module, modules
        from essaim.observatory import demo, figures, reference  # noqa: F401

        modules.add(
            "observatory",
            Module(
                "Observatoire",
                "Le poids de l'ESS dans chaque territoire : établissements, familles, secteurs, lieux, cartes.",
                url_name="observatory:home",
            ),
            order=50,
        )
