"""Anyone may point out an offer the catalogue lacks; the CRESS decides what becomes of it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from essaim.catalog.services import offer_suggest


class SuggestionForm(forms.Form):
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
    # Left empty by people, filled by most spam robots: such a submission is dropped silently.
    website = forms.CharField(required=False, label="Ne pas remplir", widget=forms.TextInput(attrs={"tabindex": "-1"}))


@require_http_methods(["GET", "POST"])
def suggest_offer(request: HttpRequest) -> HttpResponse:
    form = SuggestionForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "catalog/suggest.html", {"form": form}, status=400)
        data = form.cleaned_data
        if not data["website"]:
            offer_suggest(
                title=data["title"],
                operator_name=data["operator_name"],
                summary=data["summary"],
                url=data["url"],
                details=data["details"],
            )
        messages.success(request, "Merci ! L'équipe de la CRESS vérifiera cette offre avant de la publier.")
        return redirect("catalog:home")
    return render(request, "catalog/suggest.html", {"form": form})
