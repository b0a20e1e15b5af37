from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "essaim.accounts"
    label = "accounts"
    verbose_name = "Comptes"

    def ready(self) -> None:
        # Registers the CRESS team's group into `setup_reference`.
        from essaim.accounts import reference  # noqa: F401
