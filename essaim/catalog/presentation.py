"""Words for the public: why an offer was proposed ("pourquoi cette offre")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from essaim.catalog.models import Audience, Need, RefinementQuestion, Sector, Stage

if TYPE_CHECKING:
    from essaim.catalog.orientation import ResultGroups

LEVEL_WORDS = {
    "commune": "votre commune",
    "epci": "votre intercommunalité",
    "departement": "votre département",
    "region": "votre région",
    "france": "toute la France",
}


def describe_reasons(groups: ResultGroups, *, questions: Mapping[str, RefinementQuestion] | None = None) -> None:
    """Give each offer shown a `reasons` attribute: the answers it matched, as short French
    sentences, for its "pourquoi cette offre"."""
    labels = {
        kind: dict(model.objects.values_list("slug", "label"))
        for kind, model in (("stage", Stage), ("need", Need), ("audience", Audience), ("sector", Sector))
    }
    for offer, found in [*groups.financement, *groups.accompagnement, *groups.first_contact]:
        sentences = []
        needs = [labels["need"].get(reason.value, reason.value) for reason in found.reasons if reason.kind == "need"]
        if needs:
            sentences.append("Répond à votre besoin : " + " ; ".join(needs).lower() + ".")
        for reason in found.reasons:
            if reason.kind == "stage":
                sentences.append(f"Prévue pour l'étape « {labels['stage'].get(reason.value, reason.value)} ».")
            elif reason.kind == "audience":
                sentences.append(
                    f"Ouverte à votre statut : {labels['audience'].get(reason.value, reason.value).lower()}."
                )
            elif reason.kind == "sector":
                sentences.append(f"Pour votre secteur : {labels['sector'].get(reason.value, reason.value).lower()}.")
            elif reason.kind == "territory":
                kind, _, code = reason.value.partition(":")
                name = next((t.name for t in offer.territories.all() if t.kind == kind and t.code == code), "")
                where = LEVEL_WORDS.get(kind, "votre territoire")
                sentences.append(f"Couvre {where}" + (f" ({name})." if name and kind != "france" else "."))
            elif reason.kind == "question" and questions:
                slug, _, word = reason.value.partition(":")
                if slug in questions:
                    sentences.append(f"Vous avez répondu « {word} » à : {questions[slug].label}")
            elif reason.kind in {"years", "employees"}:
                sentences.append("Correspond à l'âge et à la taille de votre structure.")
        if not needs and found.needs_served == 0:
            sentences.append("Offre généraliste, sans condition de besoin.")
        offer.reasons = list(dict.fromkeys(sentences))  # type: ignore[attr-defined]
