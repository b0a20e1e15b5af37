from django.apps import AppConfig
from django.urls import register_converter
from django.urls.converters import get_converters


class CoreConfig(AppConfig):
    name = "essaim.core"
    label = "core"
    verbose_name = "Socle"

    def ready(self) -> None:
        from essaim.core.converters import IdConverter

        # Before any urls.py is read: every route takes its ids as `<id:pk>` (once: ready() may
        # run again, in tests).
        if "id" not in get_converters():
            register_converter(IdConverter, "id")
        # Registers the history of changes into `personal_data` (export and erasure on request).
        from essaim.core import personal_data  # noqa: F401
