from essaim.core.registries import Figure, home_figures
from essaim.strategy.models import Action, Strategy


@home_figures.register("strategie", order=20)
def strategy_figures(region_code: str) -> list[Figure]:
    """The actions carried out by the région's latest public strategy."""
    strategy = Strategy.objects.public().filter(region__code=region_code).first()
    if strategy is None:
        return []
    done = strategy.actions.public().filter(status=Action.Status.DONE).count()
    return [
        Figure(
            done,
            f"actions réalisées de la {strategy.short_title}",
            strategy.get_absolute_url(),
            singular=f"action réalisée de la {strategy.short_title}",
        )
    ]
