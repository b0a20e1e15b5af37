"""An alert subscriber's data, through the link in every alert e-mail (the token proves the
address): download every alert of the address, or erase them all at once."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from essaim.catalog.models import Alert
from essaim.catalog.personal_data import alerts_erase, alerts_export


@never_cache
@require_safe
def alert_data_download(request: HttpRequest, token: str) -> HttpResponse:
    alert = get_object_or_404(Alert, token=token)
    data = {
        "adresse e-mail": alert.email,
        "exporté le": timezone.localtime().isoformat(timespec="seconds"),
        "alertes par e-mail": alerts_export(alert.email),
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="mes-alertes.json"'
    return response


@never_cache
@require_POST
def alert_data_erase(request: HttpRequest, token: str) -> HttpResponse:
    alert = get_object_or_404(Alert, token=token)
    alerts_erase(alert.email)
    return render(request, "catalog/alerts/erased.html")
