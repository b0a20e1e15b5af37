"""The project leader's pages (no account): the request form, prefilled from the guided path or
an offer's page, and the private page of a request (its state, who took it in hand, withdraw,
delete, "was it useful?"), reached by its secret link."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import FormView

from essaim.core.ratelimit import PublicFormMixin
from essaim.core.registries import RequestContext, request_context, suggested_offers, vocabulary
from essaim.core.text import parse_id
from essaim.core.workflows import TransitionRefused
from essaim.referrals.forms.public import MAX_EMPLOYEES, MAX_YEARS, RequestForm
from essaim.referrals.links import ORIENTATION, ORIGIN
from essaim.referrals.models import Referral, ReferralSettings, Source
from essaim.referrals.presentation import request_facts
from essaim.referrals.services import (
    ReferralContext,
    ReferralInvalid,
    referral_create,
    referral_delete,
    referral_rate,
    referral_withdraw,
)
from essaim.referrals.services.answers import rating_open
from essaim.referrals.services.common import need_label
from essaim.referrals.views.common import referral_from_token
from essaim.territories.models import Commune

SENT = "Votre demande est envoyée."
OFFER = "offre"


def _bounded(text: str, maximum: int) -> int | None:
    """A count read from the address (0 included), or None when it is not one the form takes."""
    text = text.strip()
    if text == "0":
        return 0
    value = parse_id(text)
    return value if value is not None and value <= maximum else None


def _prefill(query: QueryDict, offer: RequestContext | None) -> tuple[dict[str, Any], list[str]]:
    """The form's initial values from the guided path's answers (same names) or an offer, and
    the labels of the other needs chosen (a request holds one need: the first is preselected)."""
    needs = dict(vocabulary("needs"))
    chosen = [slug for slug in query.getlist("needs") if slug in needs]
    if not chosen and offer is not None:
        chosen = [slug for slug in offer.needs if slug in needs]
    chosen = list(dict.fromkeys(chosen))
    initial: dict[str, Any] = {"need": chosen[0]} if chosen else {}
    for name, vocabulary_name in (("stage", "stages"), ("audience", "audiences")):
        value = query.get(name, "")
        if value in dict(vocabulary(vocabulary_name)):
            initial[name] = value
    for name, maximum in (("years", MAX_YEARS), ("employees", MAX_EMPLOYEES)):
        number = _bounded(query.get(name, ""), maximum)
        if number is not None:
            initial[name] = number
    code = query.get("commune", "").strip().upper()
    if 0 < len(code) <= 5:
        commune = Commune.objects.filter(code=code).first()
        if commune is not None:
            initial["commune"] = commune
    if query.get(ORIGIN) == ORIENTATION:
        initial["origine"] = ORIENTATION
    return initial, [needs[slug] for slug in chosen[1:]]


class RequestFormView(PublicFormMixin, FormView):  # type: ignore[type-arg]
    """The request form. Past its limits it comes back as typed (429); a robot's gets the usual
    answer and nothing is sent."""

    http_method_names = ["get", "head", "post"]
    form_class = RequestForm
    template_name = "referrals/public/form.html"
    rate_limit_scope = "referral_request"
    rate_limit_address_field = "email"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The offer the request starts from: from the address, then from the form's hidden field.
        data = request.POST if request.method == "POST" else request.GET
        self.offer_id = parse_id(data.get(OFFER, ""))
        self.offer = request_context(OFFER, self.offer_id) if self.offer_id is not None else None
        return super().dispatch(request, *args, **kwargs)  # type: ignore[no-any-return]

    def get_initial(self) -> dict[str, Any]:
        initial, self.other_needs = _prefill(self.request.GET, self.offer)
        if self.offer is not None:
            initial[OFFER] = self.offer_id
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            offer=self.offer,
            other_needs=getattr(self, "other_needs", []),
            referral_settings=ReferralSettings.current(),
        )
        return context

    def form_accepted(self, form: RequestForm) -> HttpResponse:
        data = form.cleaned_data
        context, source = None, Source.FORM
        if self.offer is not None:
            context = ReferralContext(
                kind=OFFER,
                id=self.offer_id,
                label=self.offer.label,
                url=self.offer.url,
                organisation_id=self.offer.organisation_id,
            )
            source = Source.OFFER
        elif data.get("origine") == ORIENTATION:
            source = Source.ORIENTATION
        try:
            receipt = referral_create(
                need=data["need"],
                commune=data["commune"],
                consent=data["consent"],
                email=data["email"],
                phone=data["phone"],
                description=data["description"],
                name=data["name"],
                project_name=data["project_name"],
                stage=data["stage"],
                audience=data["audience"],
                legal_form=data["legal_form"],
                years=data["years"],
                employees=data["employees"],
                source=source,
                context=context,
            )
        except ReferralInvalid as refused:
            for field, message in refused.errors.items():
                form.add_error(field if field in form.fields else None, message)
            return self.form_invalid(form)
        if receipt.merged:
            # Whoever typed this address or number may not be the person who sent the request:
            # the private link is never shown here, only e-mailed to the request's own address.
            return render(self.request, "referrals/public/merged.html", {"emailed": bool(receipt.referral.email)})
        sent = SENT + (" Un e-mail de confirmation vous a été envoyé." if receipt.referral.email else "")
        messages.success(self.request, sent)
        return redirect(receipt.referral)

    def form_ignored(self, form: RequestForm) -> HttpResponse:
        messages.success(self.request, SENT)
        return redirect("referrals:new")


def _received_at(referral: Referral) -> Any:
    # A request routed again by the CRESS has a later `sent_at`; one loaded with a past date
    # (demo, import) an earlier one: it was received at the earlier of the two.
    return min(referral.created_at, referral.sent_at)


def _follow_page(request: HttpRequest, referral: Referral, *, error: str = "", status: int = 200) -> HttpResponse:
    dispatches = referral.dispatches.all()
    abandoned = referral.status == Referral.Status.ABANDONED
    return render(
        request,
        "referrals/public/follow.html",
        {
            "referral": referral,
            "need": need_label(referral.need),
            "facts": request_facts(referral),
            "received_at": _received_at(referral),
            "partners": dispatches.values("team__organisation").distinct().count(),
            "can_rate": rating_open(referral, timezone.now()),
            "follow_url": settings.SITE_URL + referral.get_absolute_url(),
            "offers": suggested_offers(
                need=referral.need, stage=referral.stage, audience=referral.audience, commune=referral.commune.code
            )
            if abandoned
            else [],
            "error": error,
        },
        status=status,
    )


@require_safe
def follow(request: HttpRequest, token: str) -> HttpResponse:
    return _follow_page(request, referral_from_token(token))


@require_POST
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    referral = referral_from_token(token)
    try:
        referral_withdraw(referral=referral)
    except TransitionRefused as refused:
        return _follow_page(request, referral, error=str(refused), status=409)
    messages.success(request, "Votre demande est retirée : les partenaires qui l'avaient reçue en sont informés.")
    return redirect(referral)


@require_POST
def delete(request: HttpRequest, token: str) -> HttpResponse:
    referral = referral_from_token(token)
    referral_delete(referral=referral)
    return render(request, "referrals/public/deleted.html")


@require_POST
def rate(request: HttpRequest, token: str) -> HttpResponse:
    referral = referral_from_token(token)
    answer = request.POST.get("useful", "")
    if answer not in ("oui", "non"):
        return _follow_page(request, referral, error="Répondez « Oui » ou « Non ».", status=400)
    try:
        referral_rate(referral=referral, useful=answer == "oui")
    except TransitionRefused as refused:
        return _follow_page(request, referral, error=str(refused), status=409)
    messages.success(request, "Merci pour votre réponse : elle aide la CRESS à améliorer le réseau d'accompagnement.")
    return redirect(f"{referral.get_absolute_url()}#avis")
