from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from essaim.catalog.alerts import (
    alert_confirm,
    alert_subscribe,
    alert_unsubscribe,
    clean_query,
    pending_alerts,
    search_url,
)
from essaim.catalog.models import Alert
from essaim.core.ratelimit import HoneypotForm, PublicFormMixin


class AlertForm(HoneypotForm):
    email = forms.EmailField(label="Votre adresse e-mail", max_length=254)
    frequency = forms.ChoiceField(
        label="Fréquence", choices=Alert.Frequency.choices, widget=forms.RadioSelect, initial="weekly"
    )
    kind = forms.ChoiceField(choices=Alert.Kind.choices, widget=forms.HiddenInput)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    label = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)


class AlertSubscribeView(PublicFormMixin, FormView):  # type: ignore[type-arg]
    """The alert form sits on the search and results pages; this page shows it again when a
    submission is refused (a wrong address, too many requests), with what was typed."""

    http_method_names = ["post"]
    form_class = AlertForm
    template_name = "catalog/alerts/subscribe.html"
    rate_limit_scope = "alert_subscribe"
    rate_limit_address_field = "email"

    def form_accepted(self, form: AlertForm) -> HttpResponse:
        data = form.cleaned_data
        alert_subscribe(
            email=data["email"],
            kind=data["kind"],
            query=clean_query(data["kind"], QueryDict(data["query"])),
            label=data["label"] or "Nouvelles offres du catalogue",
            frequency=data["frequency"],
        )
        return self.form_ignored(form)

    def form_ignored(self, form: Any) -> HttpResponse:
        # The same page whether a link left or not: it tells no one whether the address is known.
        return render(
            self.request,
            "catalog/alerts/check_inbox.html",
            {"email": form.cleaned_data["email"], "delay_hours": settings.ALERT_CONFIRMATION_DELAY_HOURS},
        )


alert_create = AlertSubscribeView.as_view()


@require_http_methods(["GET", "POST"])
def alert_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what would be confirmed and a button, POST confirms: a mail scanner that opens
    links confirms nothing."""
    alert = get_object_or_404(Alert, token=token)
    if request.method == "POST":
        alert_confirm(alert=alert)
        alert.refresh_from_db()
    return render(
        request,
        "catalog/alerts/confirm.html",
        {"alert": alert, "pending": list(pending_alerts(alert)), "search_url": search_url(alert)},
    )


@csrf_exempt  # RFC 8058 one-click unsubscription: mail clients POST without a form; the token is the proof
@require_http_methods(["GET", "POST"])
def alert_unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    alert = Alert.objects.filter(token=token).first()
    if request.method == "POST" and alert is not None:
        alert_unsubscribe(alert=alert)
        return render(request, "catalog/alerts/unsubscribed.html")
    if alert is None:
        return render(request, "catalog/alerts/unsubscribed.html", {}, status=404)
    return render(request, "catalog/alerts/unsubscribe.html", {"alert": alert})
