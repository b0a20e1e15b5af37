from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "essaim.diagnostics"
    label = "diagnostics"
    verbose_name = "Autodiagnostic des bonnes pratiques"

    def ready(self) -> None:
        # Importing these registers what the history follows, the question bank into
        # `setup_reference`, the platform metric and what the module holds about a person.
        from essaim.diagnostics import figures, history, personal_data, reference  # noqa: F401
