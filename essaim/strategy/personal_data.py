"""What the strategy's steering holds about a person, for `core.personal_data`.

On erasure the person loses their roles (membership, leads of actions, groups and indicators);
what they wrote (progress reports, values, decisions to follow, documents) stays, for the
strategy's records, without their name. Bilans already taken are frozen documents presented to a
regional conference: a lead's name in them is kept as part of the institution's archives
(docs/registre-des-traitements.md)."""

from __future__ import annotations

from typing import Any

from django.db.models import TextField
from django.db.models.functions import Cast

from essaim.core.registries import PersonalDataHandler, personal_data
from essaim.strategy.models import (
    Action,
    ActionDocument,
    Bilan,
    Body,
    Decision,
    Indicator,
    IndicatorValue,
    ProgressReport,
    StrategyMember,
)


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def _bilans_naming(user: Any) -> list[Bilan]:
    if not user.full_name.strip():
        return []
    return list(
        Bilan.objects.annotate(text=Cast("data", TextField()))
        .filter(text__icontains=user.full_name.strip())
        .select_related("strategy")
        .order_by("as_of", "pk")
    )


def strategy_export(email: str, user: Any) -> dict[str, Any]:
    if user is None:
        return {}
    sections: dict[str, Any] = {
        "rôles dans le pilotage": [
            {"stratégie": member.strategy.short_title, "rôle": member.get_role_display()}
            for member in StrategyMember.objects.filter(user=user).select_related("strategy")
        ],
        "actions dont vous êtes référent ou référente": [
            f"{action.code} {action.title}"
            for action in Action.objects.filter(leads=user).order_by("strategy", "order")
        ],
        "groupes et instances que vous animez": [body.name for body in Body.objects.filter(leads=user)],
        "indicateurs dont vous êtes responsable": [
            indicator.name for indicator in Indicator.objects.filter(leads=user)
        ],
        "points d'avancement rédigés": [
            {
                "action": f"{report.action.code} {report.action.title}",
                "campagne": report.campaign.title if report.campaign else None,
                "état": report.get_state_display(),
                "transmis le": _when(report.submitted_at),
                "ce qui a été fait": report.done,
                "prochaines étapes": report.next_steps,
                "difficultés et freins": report.blockers,
                "appuis attendus": report.support_needed,
                "réussites à faire connaître": report.highlights,
            }
            for report in ProgressReport.objects.filter(author=user).select_related("action", "campaign")
        ],
        "points d'avancement examinés": ProgressReport.objects.filter(reviewed_by=user).count(),
        "valeurs d'indicateurs proposées": [
            {"indicateur": value.indicator.name, "date": _when(value.measured_on), "valeur": str(value.value)}
            for value in IndicatorValue.objects.filter(proposed_by=user).select_related("indicator")
        ],
        "valeurs d'indicateurs validées": IndicatorValue.objects.filter(validated_by=user).count(),
        "décisions dont vous suivez la mise en œuvre": [
            decision.text for decision in Decision.objects.filter(owner=user).order_by("pk")
        ],
        "documents ajoutés": [document.title for document in ActionDocument.objects.filter(added_by=user)],
        "bilans figés par vous": [bilan.title for bilan in Bilan.objects.filter(taken_by=user)],
        "bilans figés qui vous nomment": [bilan.title for bilan in _bilans_naming(user)],
    }
    return {key: value for key, value in sections.items() if value}


def strategy_erase(email: str, user: Any) -> list[str]:
    if user is None:
        return []
    lines = []
    roles = StrategyMember.objects.filter(user=user).delete()[0]
    if roles:
        lines.append(f"{roles} rôle(s) dans le pilotage retiré(s).")
    orphans = [
        f"{action.code} {action.title}" for action in Action.objects.filter(leads=user) if action.leads.count() == 1
    ]
    for related in (Action.leads, Body.leads, Indicator.leads):
        related.through.objects.filter(user=user).delete()
    if orphans:
        lines.append("À faire par la CRESS : ces actions n'ont plus de référent : " + ", ".join(orphans) + ".")
    kept = (
        ProgressReport.objects.filter(author=user).update(author=None)
        + ProgressReport.objects.filter(reviewed_by=user).update(reviewed_by=None)
        + IndicatorValue.objects.filter(proposed_by=user).update(proposed_by=None)
        + IndicatorValue.objects.filter(validated_by=user).update(validated_by=None)
        + Decision.objects.filter(owner=user).update(owner=None)
        + ActionDocument.objects.filter(added_by=user).update(added_by=None)
        + Bilan.objects.filter(taken_by=user).update(taken_by=None)
    )
    if kept:
        lines.append(
            f"{kept} contribution(s) (points d'avancement, valeurs, décisions, documents, bilans) "
            "conservée(s) sans votre nom."
        )
    named = _bilans_naming(user)
    if named:
        lines.append(
            f"Votre nom reste dans {len(named)} bilan(s) figé(s), archives de la stratégie présentées en conférence "
            "régionale."
        )
    return lines


personal_data.add(
    "strategy", PersonalDataHandler("Stratégie régionale", export=strategy_export, erase=strategy_erase), order=40
)
