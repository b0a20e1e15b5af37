from typing import Any

from django.apps import AppConfig


def pilots_a_diagnostic(user: Any) -> bool:
    """The account link to the self-diagnostics is shown to those who pilot a campaign or may
    open one for their structure."""
    from essaim.diagnostics.models import Campaign
    from essaim.diagnostics.perms import organisations_to_open

    return Campaign.objects.readable_by(user).exists() or organisations_to_open(user).exists()


class DiagnosticsConfig(AppConfig):
    name = "essaim.diagnostics"
    label = "diagnostics"
    verbose_name = "Autodiagnostic des bonnes pratiques"

    def ready(self) -> None:
        # Importing these registers what the history follows, the question bank into
        # `setup_reference`, the demo campaigns, the platform metric, what the module holds about a person.
        from essaim.core.registries import AccountLink, Module, account_links, modules
        from essaim.diagnostics import demo, demo_background, figures, history, personal_data, reference  # noqa: F401

        modules.add(
            "diagnostics",
            Module(
                "Autodiagnostic",
                "Évaluer avec son équipe ses bonnes pratiques de l'ESS, préparer l'assemblée générale "
                "et construire son plan d'action.",
                url_name="diagnostics:home",
            ),
            order=35,
        )
        account_links.add(
            "diagnostics",
            AccountLink("Mes autodiagnostics", "diagnostics:home", applies=pilots_a_diagnostic),
            order=45,
        )
