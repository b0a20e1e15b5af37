"""Anyone may point out an offer the catalogue lacks; the CRESS decides what becomes of it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from essaim.catalog.models import Offer
from essaim.catalog.perms import can_moderate, offer_roles
from essaim.catalog.services import TransitionRefused, offer_suggest, offer_suggestion_assign
from essaim.core.ratelimit import HoneypotForm, PublicFormMixin
from essaim.core.text import parse_id
from essaim.organisations.models import Organisation

THANKS = "Merci ! L'équipe de la CRESS vérifiera cette offre avant de la publier."


class SuggestionForm(HoneypotForm):
    title = forms.CharField(label="Nom de l'offre ou du dispositif", max_length=200)
    operator_name = forms.CharField(label="Structure qui la propose", max_length=200)
    summary = forms.CharField(
        label="En une phrase, à quoi sert-elle ?", max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    url = forms.URLField(
        label="Page web qui la décrit",
        required=False,
        assume_scheme="https",
        help_text="Facultatif. Par exemple : https://www.exemple.fr/dispositif",
    )
    details = forms.CharField(
        label="Ce que vous en savez",
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Facultatif : pour qui, à quelle étape, sur quel territoire, quel montant. "
        "N'y mettez pas de données personnelles.",
    )
    field_order = ["title", "operator_name", "summary", "url", "details", "website"]


class SuggestOfferView(PublicFormMixin, FormView):  # type: ignore[type-arg]
    http_method_names = ["get", "head", "post"]
    form_class = SuggestionForm
    template_name = "catalog/suggest.html"
    rate_limit_scope = "offer_suggest"

    def form_accepted(self, form: SuggestionForm) -> HttpResponse:
        data = form.cleaned_data
        offer_suggest(
            title=data["title"],
            operator_name=data["operator_name"],
            summary=data["summary"],
            url=data["url"],
            details=data["details"],
        )
        return self.form_ignored(form)

    def form_ignored(self, form: Any) -> HttpResponse:
        messages.success(self.request, THANKS)
        return redirect("catalog:home")


suggest_offer = SuggestOfferView.as_view()


@login_required
@require_POST
def suggestion_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """The CRESS hands a visitor's suggestion to the structure of the directory it names."""
    if not can_moderate(request.user):
        raise PermissionDenied("La modération est réservée à l'équipe de la CRESS.")
    offer = get_object_or_404(Offer, pk=pk)
    raw = request.POST.get("operator", "")
    operator_id = parse_id(raw)
    operator = Organisation.objects.filter(pk=operator_id).first() if operator_id is not None else None
    if operator is None:
        messages.error(request, "Choisissez la structure à qui confier la suggestion.")
        return redirect("catalog:moderation")
    try:
        offer_suggestion_assign(offer=offer, operator=operator, by=request.user, roles=offer_roles(request.user, offer))
    except TransitionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"« {offer.title} » est confiée à {operator.name}, en brouillon.")
    return redirect("catalog:moderation")
