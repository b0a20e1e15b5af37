"""The platform's modules as the header shows them. A module whose app is not built yet has
no `url_name`: the header links to its "bientôt" page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Module:
    slug: str
    label: str
    summary: str
    short_label: str = ""  # in the header, where space is short
    url_name: str | None = None
    app: str = ""  # the URL namespace of the app that serves it, once built


MODULES: tuple[Module, ...] = (
    Module(
        "aides",
        "Aides et accompagnement",
        "Trouver l'accompagnement et le financement adaptés à chaque étape d'un projet.",
        short_label="Aides",
        url_name="catalog:home",
        app="catalog",
    ),
    Module(
        "strategie",
        "Stratégie régionale",
        "Suivre la mise en œuvre de la stratégie régionale de l'ESS et ce qu'elle produit.",
        short_label="Stratégie",
        url_name="strategy:index",
        app="strategy",
    ),
    Module(
        "esspresso",
        "Rendez-vous ESSpresso",
        "Rencontrer entreprises de l'ESS, entreprises classiques et collectivités.",
        short_label="ESSpresso",
    ),
    Module(
        "autodiagnostic",
        "Autodiagnostic",
        "Évaluer ses bonnes pratiques et bâtir son plan d'amélioration continue.",
    ),
    Module(
        "observatoire",
        "Observatoire",
        "Le poids de l'ESS par territoire et la carte des lieux de l'ESS.",
    ),
    Module(
        "annuaire",
        "Annuaire",
        "Les structures de l'ESS, les accompagnateurs, les financeurs et les collectivités.",
        url_name="organisations:directory",
        app="organisations",
    ),
)


def module_by_slug(slug: str) -> Module | None:
    return next((module for module in MODULES if module.slug == slug), None)
