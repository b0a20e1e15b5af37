from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "essaim.accounts"
    label = "accounts"
    verbose_name = "Comptes"

    def ready(self) -> None:
        # Registers the CRESS team's group into `setup_reference`,
        # what the platform holds about a person into `personal_data`, and its retention limits.
        from essaim.accounts import personal_data, reference  # noqa: F401
        from essaim.accounts.services import retention_apply
        from essaim.core.registries import retention_policies

        retention_policies.add("comptes", retention_apply, order=10)
