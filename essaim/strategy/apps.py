from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "essaim.strategy"
    label = "strategy"
    verbose_name = "Pilotage de la stratégie régionale de l'ESS"

    def ready(self) -> None:
        from essaim.core.registries import AccountLink, Module, account_links, modules

        # Importing these registers the demo strategies into `load_demo`, the home page's figure and
        # what the history follows, and a person's roles and writings into `personal_data`.
        from essaim.strategy import demo, figures, history, landing, personal_data  # noqa: F401

        modules.add(
            "strategie",
            Module(
                "Stratégie régionale",
                "Suivre la mise en œuvre de la stratégie régionale de l'ESS et ce qu'elle produit.",
                url_name="strategy:index",
                short_label="Stratégie",
            ),
            order=20,
        )
        account_links.add(
            "strategy", AccountLink("Mon espace de pilotage de la stratégie", "strategy:workspace"), order=20
        )
