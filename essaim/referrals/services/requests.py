"""A request for support is received: checked, merged with the same request sent the day
before, routed, and acknowledged. Every module creates requests through `referral_create`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from essaim.core.emails import send_templated_email
from essaim.core.history import record_event
from essaim.core.registries import vocabulary
from essaim.referrals.models import DESCRIPTION_MAX, MERGE_HOURS, Referral, Source
from essaim.referrals.services.common import Labels, email_context
from essaim.referrals.services.routing import dispatch_to, notify_cress, route_referral
from essaim.territories.models import Commune

LEGAL_FORM = re.compile(r"\A[0-9]{4}\Z")


class ReferralInvalid(ValueError):
    """The request cannot be received as it is: `errors` maps each field to a French message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class ReferralContext:
    """Where a request comes from, as the module that created it describes it: an offer, a
    diagnostic's themes, a training. `url` is a path on the platform; `id` lets that module find
    its requests again (`Referral.objects.filter(context_kind=…, context_id=…)`)."""

    kind: str
    label: str
    url: str = ""
    id: int | None = None
    organisation_id: int | None = None  # the structure asked for: its teams receive it first


@dataclass(frozen=True)
class ReferralReceipt:
    referral: Referral
    merged: bool  # the same address asked for the same need within MERGE_HOURS: added to it


def referral_problems(
    *, need: str, email: str, phone: str, description: str, consent: bool, stage: str, audience: str, legal_form: str
) -> dict[str, str]:
    """What prevents receiving the request, field by field, in French (none: it can be received)."""
    problems: dict[str, str] = {}
    if need not in dict(vocabulary("needs")):
        problems["need"] = "Choisissez votre besoin dans la liste."
    if stage and stage not in dict(vocabulary("stages")):
        problems["stage"] = "Choisissez l'étape de votre projet dans la liste."
    if audience and audience not in dict(vocabulary("audiences")):
        problems["audience"] = "Choisissez votre statut dans la liste."
    if legal_form and not LEGAL_FORM.match(legal_form):
        problems["legal_form"] = "La forme juridique est un code de quatre chiffres."
    if not (email.strip() or phone.strip()):
        problems["email"] = "Indiquez une adresse e-mail ou un numéro de téléphone pour qu'on puisse vous joindre."
    if len(description) > DESCRIPTION_MAX:
        problems["description"] = (
            f"La description compte {len(description)} caractères : {DESCRIPTION_MAX} au plus, raccourcissez-la."
        )
    if not consent:
        problems["consent"] = "Votre accord est nécessaire pour transmettre la demande aux partenaires."
    return problems


@transaction.atomic
def referral_create(
    *,
    need: str,
    commune: Commune,
    consent: bool,
    email: str = "",
    phone: str = "",
    description: str = "",
    name: str = "",
    project_name: str = "",
    stage: str = "",
    audience: str = "",
    legal_form: str = "",
    years: int | None = None,
    employees: int | None = None,
    source: str = Source.FORM,
    context: ReferralContext | None = None,
    now: datetime | None = None,
) -> ReferralReceipt:
    """Receive a request: route it to the teams that handle its need on its commune (the CRESS
    when nobody does), tell them and acknowledge it. The same address asking for the same need
    within MERGE_HOURS adds to its open request instead of making a second one."""
    now = now or timezone.now()
    email = email.strip().lower()
    problems = referral_problems(
        need=need,
        email=email,
        phone=phone,
        description=description,
        consent=consent,
        stage=stage,
        audience=audience,
        legal_form=legal_form,
    )
    if problems:
        raise ReferralInvalid(problems)
    earlier = _same_request(need=need, email=email, phone=phone, now=now)
    if earlier is not None:
        _merge(earlier, description=description, now=now)
        return ReferralReceipt(earlier, merged=True)
    context = context or ReferralContext(kind="", label="")
    referral = Referral.objects.create(
        need=need,
        commune=commune,
        consent=consent,
        email=email,
        phone=phone.strip(),
        description=description,
        name=name.strip(),
        project_name=project_name.strip(),
        stage=stage,
        audience=audience,
        legal_form=legal_form,
        years=years,
        employees=employees,
        source=source,
        context_kind=context.kind,
        context_id=context.id,
        context_label=context.label[:250],
        context_url=context.url[:500],
        preferred_partner_id=context.organisation_id,
        sent_at=now,
    )
    found = route_referral(referral)
    if found.to_cress:
        referral.status = Referral.Status.TO_ROUTE
        referral.save(update_fields=["status"])
        notify_cress(referral, template="emails/referral_to_route")
    else:
        dispatch_to(referral, found.teams, now=now)
    record_event(referral, by=None, summary="Demande reçue", changes={"status": [None, referral.status]})
    if referral.email:
        send_templated_email(
            template="emails/referral_acknowledgement",
            to=[referral.email],
            context={**email_context(referral), "partners": len(found.teams)},
        )
    return ReferralReceipt(referral, merged=False)


def _same_request(*, need: str, email: str, phone: str, now: datetime) -> Referral | None:
    recent = Referral.objects.open().filter(need=need, created_at__gte=now - timedelta(hours=MERGE_HOURS))
    recent = recent.filter(email__iexact=email) if email else recent.filter(email="", phone=phone.strip())
    return recent.order_by("-created_at").first()


def _merge(referral: Referral, *, description: str, now: datetime) -> None:
    """Add what was written again to the request: nothing typed is lost, within the
    description's limit (past it, the newest text wins: it says what they want now). The address
    was typed, not proven: the addition is dated and marked as such, the contact is never changed,
    and the private link goes by e-mail to the request's own address only."""
    text = description.strip()
    if text and text not in referral.description:
        stamp = timezone.localtime(now).strftime("%d/%m/%Y %H:%M")
        combined = f"{referral.description}\n\n— Ajouté par le formulaire le {stamp} —\n{text}".strip()
        referral.description = combined if len(combined) <= DESCRIPTION_MAX else text
        referral.save(update_fields=["description"])
    record_event(referral, by=None, summary="Demande complétée par le formulaire", changes={})
    if referral.email:
        send_templated_email(
            template="emails/referral_acknowledgement",
            to=[referral.email],
            context={**email_context(referral), "merged": True},
        )


@dataclass(frozen=True)
class ReferralState:
    """A request as the module it came from shows it back: when, where it stands, who has it."""

    sent_at: datetime
    status: str  # the French label
    is_open: bool
    taken_by: str  # the structure and team in charge, empty while nobody is


def referral_states(*, kind: str, id: int) -> list[ReferralState]:
    """The requests a module's object started (a diagnostic, an offer), newest first."""
    found = Referral.objects.filter(context_kind=kind, context_id=id).select_related("taken_team__organisation")
    return [
        ReferralState(
            sent_at=referral.sent_at,
            status=referral.get_status_display(),
            is_open=referral.is_open,
            taken_by=str(referral.taken_team) if referral.taken_team else "",
        )
        for referral in found.order_by("-sent_at", "-pk")
    ]


def needs_requested(*, kind: str, ids: Iterable[int]) -> dict[str, int]:
    """How many requests each need gathered among those a module's objects started (the
    diagnostics of a year): need label -> count, most requested first."""
    labels = Labels()
    counts: dict[str, int] = {}
    for need in Referral.objects.filter(context_kind=kind, context_id__in=list(ids)).values_list("need", flat=True):
        label = labels.need(need)
        counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))
