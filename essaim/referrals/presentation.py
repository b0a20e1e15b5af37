"""A request as people read it: its answers with their French labels (never a slug or a code),
the same on the adviser's page, the requester's page and in the exports."""

from __future__ import annotations

from essaim.organisations.legal_categories import legal_category_label
from essaim.referrals.models import Referral
from essaim.referrals.services.common import Labels


def legal_form_label(code: str) -> str:
    if not code:
        return ""
    return legal_category_label(code) or f"Catégorie juridique n° {code}"


def years_text(years: int | None) -> str:
    if years is None:
        return ""
    return "moins d'un an" if years == 0 else f"{years} an{'s' if years > 1 else ''}"


def request_facts(referral: Referral) -> list[tuple[str, str]]:
    """What the requester said of their project, in French, the empty answers left out."""
    labels = Labels()
    facts = [
        ("Besoin", labels.need(referral.need)),
        ("Commune", f"{referral.commune.name} ({referral.commune.code})"),
        ("Étape du projet", labels.of("stages", referral.stage)),
        ("Statut", labels.of("audiences", referral.audience)),
        ("Forme juridique", legal_form_label(referral.legal_form)),
        ("Ancienneté", years_text(referral.years)),
        ("Salariés", "" if referral.employees is None else str(referral.employees)),
        ("Projet ou structure", referral.project_name),
    ]
    return [(label, value) for label, value in facts if value]
