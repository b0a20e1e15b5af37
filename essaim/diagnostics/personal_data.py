"""What the self-diagnostic holds about a person, for `core.personal_data`: their invitations
(found by e-mail address) and their answers; the campaigns their account pilots.

On erasure the invitation loses its name and address and its personal link stops working; the
answers stay, attributed to a role only: they are the structure's diagnostic, which it presents
to its general meeting (docs/registre-des-traitements.md). An adviser's comments stay, without
their author, when the account is deleted. A pilot's campaigns stay with the
structure, whose editors go on running them."""

from __future__ import annotations

from typing import Any

from essaim.core.registries import PersonalDataHandler, personal_data
from essaim.diagnostics.models import Answer, Campaign, Comment, Respondent
from essaim.diagnostics.models.campaigns import new_token


def _invitations(email: str) -> Any:
    return Respondent.objects.filter(email__iexact=email).select_related("campaign__organisation")


def diagnostics_export(email: str, user: Any) -> dict[str, Any]:
    rows = []
    for respondent in _invitations(email).order_by("invited_at"):
        answers = Answer.objects.filter(respondent=respondent).select_related("item").order_by("item__pk")
        rows.append(
            {
                "campagne": str(respondent.campaign),
                "nom": respondent.name,
                "e-mail": respondent.email,
                "rôle": respondent.get_role_display(),
                "réponses": [
                    {
                        "question": answer.item.text,
                        "niveau": answer.get_level_display() or None,
                        "pratiques actuelles": answer.practices,
                        "valeur": str(answer.value) if answer.value is not None else None,
                        "à revoir": answer.to_review,
                    }
                    for answer in answers
                ],
            }
        )
    piloted = [str(campaign) for campaign in Campaign.objects.filter(pilot=user)] if user is not None else []
    comments = (
        [
            {
                "campagne": str(comment.campaign),
                "le": comment.created_at.isoformat(timespec="seconds"),
                "texte": comment.text,
            }
            for comment in Comment.objects.filter(author=user).select_related("campaign__organisation")
        ]
        if user is not None
        else []
    )
    data: dict[str, Any] = {}
    if rows:
        data["invitations"] = rows
    if piloted:
        data["campagnes pilotées"] = piloted
    if comments:
        data["commentaires"] = comments
    return data


def diagnostics_erase(email: str, user: Any) -> list[str]:
    lines = []
    invitations = list(_invitations(email))
    for respondent in invitations:
        Respondent.objects.filter(pk=respondent.pk).update(
            name="", email=f"efface-{respondent.pk}@invalid", token=new_token()
        )
    if invitations:
        lines.append(
            f"Autodiagnostic : {len(invitations)} invitation{'s' if len(invitations) > 1 else ''} anonymisée"
            f"{'s' if len(invitations) > 1 else ''} (nom et adresse effacés ; les réponses restent, rattachées à un rôle)."
        )
    if user is not None:
        piloted = Campaign.objects.filter(pilot=user).select_related("organisation")
        lines += [
            f"Autodiagnostic : « {campaign} » reste à la structure, que ses éditeurs continuent de piloter."
            for campaign in piloted
        ]
    return lines


personal_data.add("diagnostics", PersonalDataHandler("Autodiagnostic", diagnostics_export, diagnostics_erase), order=36)
