from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "essaim.diagnostics"
    label = "diagnostics"
    verbose_name = "Autodiagnostic des bonnes pratiques"

    def ready(self) -> None:
        # Importing these registers what the history follows and the question bank into
        # `setup_reference`.
        from essaim.diagnostics import history, reference  # noqa: F401
