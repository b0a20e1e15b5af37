"""What happens around the catalogue: searches (criteria only), clicks, and e-mail alerts.

No personal data in the logs: a search is kept as its criteria and result count, a click as
the offer and the kind of click. An alert holds an e-mail address, kept until unsubscription.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import ngettext


class SearchLog(models.Model):
    class Kind(models.TextChoices):
        ORIENTATION = "orientation", "Parcours guidé"
        SEARCH = "search", "Recherche libre"
        API = "api", "API"

    kind = models.CharField("origine", max_length=20, choices=Kind.choices)
    criteria = models.JSONField("critères", default=dict)
    result_count = models.PositiveIntegerField("résultats")
    created_at = models.DateTimeField("le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "recherche"
        verbose_name_plural = "recherches"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        results = ngettext("%(n)d résultat", "%(n)d résultats", self.result_count) % {"n": self.result_count}
        return f"{self.get_kind_display()} du {self.created_at:%d/%m/%Y} : {results}"


class OfferEvent(models.Model):
    class Kind(models.TextChoices):
        VIEW = "view", "Consultation"
        APPLY = "apply", "Clic « candidater »"
        CONTACT = "contact", "Clic « contacter »"
        INFO = "info", "Clic « en savoir plus »"

    offer = models.ForeignKey("catalog.Offer", on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField("le", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "événement sur une offre"
        verbose_name_plural = "événements sur les offres"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.offer_id}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Alert(models.Model):
    """A saved search sent by e-mail, without an account: confirmed by a link (double opt-in),
    cancelled by the one-click link in every e-mail."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", "Chaque semaine"
        MONTHLY = "monthly", "Chaque mois"

    class Kind(models.TextChoices):
        SEARCH = "search", "Recherche libre"
        ORIENTATION = "orientation", "Parcours guidé"

    email = models.EmailField("adresse e-mail")
    kind = models.CharField("origine", max_length=20, choices=Kind.choices, default=Kind.SEARCH)
    query = models.CharField("recherche", max_length=2000, help_text="Paramètres de la recherche enregistrée.")
    label = models.CharField("intitulé", max_length=300)
    frequency = models.CharField("fréquence", max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    confirmation_sent_at = models.DateTimeField("lien de confirmation envoyé le", null=True, blank=True)
    last_sent_at = models.DateTimeField("dernier envoi", null=True, blank=True)

    class Meta:
        verbose_name = "alerte"
        verbose_name_plural = "alertes"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.label} ({self.email})"
