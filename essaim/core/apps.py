from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "essaim.core"
    label = "core"
    verbose_name = "Socle"

    def ready(self) -> None:
        # Registers the history of changes into `personal_data` (export and erasure on request).
        from essaim.core import personal_data  # noqa: F401
