"""The CRESS's regional view: anonymised aggregates of the structures' diagnostics."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.text import parse_id
from essaim.diagnostics.regional import MIN_GROUP, regional_view


@login_required
@require_safe
def regional(request: HttpRequest) -> HttpResponse:
    if not getattr(request.user, "is_platform_admin", False):
        raise PermissionDenied("Cette vue est réservée à l'équipe de la CRESS.")
    this_year = timezone.localdate().year
    asked = parse_id(request.GET.get("annee", ""))
    year = asked if asked is not None and 2016 <= asked <= this_year + 1 else this_year
    return render(
        request,
        "diagnostics/regional.html",
        {
            "view": regional_view(str(settings.ESSAIM_REGION), year),
            "min_group": MIN_GROUP,
            "years": list(range(this_year, 2015, -1)),
        },
    )
