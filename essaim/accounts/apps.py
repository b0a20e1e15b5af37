from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "essaim.accounts"
    label = "accounts"
    verbose_name = "Comptes"

    def ready(self) -> None:
        # Registers the CRESS team's group into `setup_reference`,
        # and what the platform holds about a person into `personal_data`.
        from essaim.accounts import personal_data, reference  # noqa: F401
