"""Self-service for an account holder's data: download it, or delete the account.

Deletion is immediate, after the password is typed again (a session left open on a shared
computer is not enough). CRESS staff accounts are managed by the CRESS, not deleted from here."""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.personal_data import personal_data_erase, personal_data_export
from essaim.core.ratelimit import over_limit


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label="Votre mot de passe, pour confirmer",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: object, user: object, request: HttpRequest | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user
        self.request = request

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        # Each try counts, right or wrong: an open session must not become a way to guess it.
        if self.request is not None and over_limit(self.request, "account_delete", address=self.user.email):  # type: ignore[attr-defined]
            raise forms.ValidationError(
                "Trop d'essais en peu de temps : le compte n'a pas été supprimé. Réessayez plus tard.", code="too_many"
            )
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError("Mot de passe incorrect : le compte n'a pas été supprimé.")
        return password


@never_cache
@login_required
@require_safe
def my_data_download(request: HttpRequest) -> HttpResponse:
    data = personal_data_export(email=request.user.email)  # type: ignore[union-attr]
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-{timezone.localdate():%Y-%m-%d}.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_staff or user.is_platform_admin:  # type: ignore[union-attr]
        return render(request, "accounts/account_delete.html", {"staff": True}, status=403)
    form = AccountDeleteForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        email = user.email  # type: ignore[union-attr]
        logout(request)
        personal_data_erase(email=email)
        return render(request, "accounts/account_deleted.html")
    status = 200 if request.method != "POST" else 429 if form.has_error("password", "too_many") else 400
    return render(request, "accounts/account_delete.html", {"form": form}, status=status)
