from django.apps import AppConfig


class StrategyConfig(AppConfig):
    name = "essaim.strategy"
    label = "strategy"
    verbose_name = "Pilotage de la stratégie régionale de l'ESS"

    def ready(self) -> None:
        # Registers the demo strategies into `load_demo`, the home figure and the workspace link.
        from essaim.core.registries import AccountLink, account_links
        from essaim.strategy import demo, figures, history  # noqa: F401

        link = AccountLink("Mon espace de pilotage de la stratégie", "strategy:workspace")
        if link not in account_links:
            account_links.append(link)
