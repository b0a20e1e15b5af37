from django.urls import reverse

from essaim.core.registries import Figure, home_figures
from essaim.organisations.queries import directory_counts


@home_figures.register("annuaire", order=90)
def directory_figures(region_code: str) -> list[Figure]:
    counts = directory_counts(region_code)
    url = reverse("organisations:directory")
    return [
        Figure(counts["total"], "structures dans l'annuaire", url, singular="structure dans l'annuaire"),
        Figure(counts["ess"], "entreprises de l'ESS", f"{url}?role=entreprise_ess", singular="entreprise de l'ESS"),
        Figure(
            counts["operators"],
            "opérateurs d'accompagnement",
            f"{url}?role=operateur_accompagnement",
            singular="opérateur d'accompagnement",
        ),
    ]
