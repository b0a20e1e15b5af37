from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from essaim.catalog.alerts import alert_confirm, alert_subscribe, alert_unsubscribe, clean_query
from essaim.catalog.models import Alert


class AlertForm(forms.Form):
    email = forms.EmailField(label="Votre adresse e-mail")
    frequency = forms.ChoiceField(
        label="Fréquence", choices=Alert.Frequency.choices, widget=forms.RadioSelect, initial="weekly"
    )
    kind = forms.ChoiceField(choices=Alert.Kind.choices, widget=forms.HiddenInput)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2000)
    label = forms.CharField(widget=forms.HiddenInput, required=False, max_length=300)


@require_POST
def alert_create(request: HttpRequest) -> HttpResponse:
    form = AlertForm(request.POST)
    if not form.is_valid():
        return render(request, "catalog/alerts/subscribe_error.html", {"form": form}, status=400)
    data = form.cleaned_data
    alert_subscribe(
        email=data["email"],
        kind=data["kind"],
        query=clean_query(data["kind"], QueryDict(data["query"])),
        label=data["label"] or "Nouvelles offres du catalogue",
        frequency=data["frequency"],
    )
    return render(request, "catalog/alerts/check_inbox.html", {"email": data["email"]})


@require_http_methods(["GET", "POST"])
def alert_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: a mail scanner that opens links confirms nothing."""
    alert = get_object_or_404(Alert, token=token)
    if request.method == "POST":
        alert_confirm(alert=alert)
    return render(request, "catalog/alerts/confirm.html", {"alert": alert})


@csrf_exempt  # RFC 8058 one-click unsubscription: mail clients POST without a form; the token is the proof
@require_http_methods(["GET", "POST"])
def alert_unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    alert = Alert.objects.filter(token=token).first()
    if request.method == "POST" and alert is not None:
        alert_unsubscribe(alert=alert)
        return render(request, "catalog/alerts/unsubscribed.html")
    if alert is None:
        return render(request, "catalog/alerts/unsubscribed.html", status=404)
    return render(request, "catalog/alerts/unsubscribe.html", {"alert": alert})
